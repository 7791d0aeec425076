#!/usr/bin/env python3
"""Throughput of the whole enrichment pipeline on one core, over the real corpus.

Pins the process to one CPU, loads the taxonomy and model once (warm-up), then
times ``enrich_record`` over every posting of ``../shared/data/corpus/
postings.jsonl`` (role segmentation, sections, skills, facets, salary,
archetype + evidence). A baseline runs in the same process on the same texts:
lower-casing and splitting each text into words, the least any text pipeline
does. Reports postings/s, the ratio to the baseline, and peak RSS::

    .venv/bin/python bench/enrich.py [--repeat 3] [--limit N] [--stages]

``--stages`` adds one more pass that times each step of ``analyse`` on its own.
Like the ``enrich`` command, the run first calls ``warm_up`` (the loaded taxonomy,
matcher and model frozen out of the garbage collector's passes);
``--freeze-ab`` instead alternates passes with and without that freeze and
prints the ratio.

``--against REV`` also times the pipeline as it was at git revision ``REV``
(the pipeline modules lowered/sections/skills/facets/salary/roles/features/
pipeline taken from ``REV``; everything else, classifier, taxonomy and model as
they are now),
alternating old and new runs in child processes pinned to the same core (each
child times every posting ``--repeat`` times after a first untimed pass and sums
each posting's fastest time, which a busy machine disturbs far less than the
time of whole passes), and reports the speed-up of the current code over
``REV`` measured in that run;
``--whole`` takes all of ``src`` at ``REV`` instead (features, classifier and
model too: the whole pipeline then against now)::

    .venv/bin/python bench/enrich.py --against 8171f7f --rounds 3
    .venv/bin/python bench/enrich.py --against 344d15f --whole --rounds 5 --repeat 1
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mljobs.enrich import enrich_record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"
_WORDS = re.compile(r"\w+")
_PIPELINE_MODULES = ("lowered", "sections", "skills", "facets", "salary", "roles", "features",
                     "pipeline")


def _baseline(records: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    for r in records:
        _WORDS.findall(r["text"].lower())
    return time.perf_counter() - start


def _pipeline(records: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    for r in records:
        enrich_record(r)
    return time.perf_counter() - start


def _pipeline_minima(records: list[dict[str, Any]], repeat: int) -> float:
    """The sum over postings of each posting's fastest ``enrich_record`` time in ``repeat``
    passes: a pause of the machine (another process on the core) costs only the postings it
    hit, and only when it hits them in every pass."""
    best = [float("inf")] * len(records)
    clock = time.perf_counter
    for _ in range(repeat):
        for k, r in enumerate(records):
            start = clock()
            enrich_record(r)
            spent = clock() - start
            best[k] = min(best[k], spent)
    return sum(best)


def _stages(records: list[dict[str, Any]]) -> None:
    """Print the share of time each step of ``analyse`` takes (one pass, same order, the same
    calls ``pipeline._analyse`` makes). Imported here: a child timing an older revision
    (``--against``) needs only ``enrich_record``."""
    from mljobs.enrich import facets
    from mljobs.enrich.classifier import default_model
    from mljobs.enrich.features import featurize
    from mljobs.enrich.pipeline import _ml_share, _size, _skill_rows, _str, prepare_record
    from mljobs.enrich.salary import mentions_equity, parse_posting_salary, parse_salary_field
    from mljobs.enrich.sections import SectionMap

    model = default_model()
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        start = time.perf_counter()
        result = fn(*args, **kw)
        spent[name] += time.perf_counter() - start
        return result

    for r in records:
        prep = timed("roles (prepare_record)", prepare_record, r)
        title, text = prep.title, prep.text
        smap = timed("sections", SectionMap, text)
        skills = timed("skills", _skill_rows, text, smap)
        feats = timed("features (featurize)", featurize, title, text,
                      (s["category"] or "" for s in skills))
        probs, _ = timed("classifier (predict + evidence)", model.predict, feats)
        timed("degree + phd", facets.degree_and_phd, text, smap)
        salary_text = _str(r.get("salary_estimate"))
        sal = timed("salary", parse_salary_field, salary_text) if salary_text else None
        if sal is None:
            timed("salary", parse_posting_salary, title, text)
        archetype = max(probs, key=probs.__getitem__)
        timed("specialisation", facets.specialisations, feats.title_counts, feats.text_counts,
              ml_role=archetype != "not-ml")
        timed("years", facets.years_min, text)
        timed("seniority", facets.seniority, title, text)
        timed("remote", facets.remote, title, text)
        timed("visa", facets.visa, text)
        timed("company stage", facets.company_stage, text, _size(r.get("company_size")))
        timed("equity", mentions_equity, text)
        timed("ml share", _ml_share, archetype, feats)
    total = sum(spent.values())
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {secs / len(records) * 1e6:6.0f} us/posting  {secs / total:6.1%}")


def _old_tree(rev: str, dest: Path, whole: bool = False) -> Path:
    """A copy of ``src`` with the pipeline modules as they were at git revision ``rev``
    (with ``whole``: all of ``src`` as it was, classifier, features and model included)."""
    if whole:
        archive = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return dest / "src"
    shutil.copytree(ROOT / "src", dest / "src")
    for name in _PIPELINE_MODULES:
        rel = f"src/mljobs/enrich/{name}.py"
        old = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        (dest / rel).write_text(old, "utf-8")
    return dest / "src"


def _child_rate(src: Path, args: argparse.Namespace) -> float:
    """Best postings/s of one child run with ``src`` first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, __file__, "--repeat", str(args.repeat), "--limit", str(args.limit),
           "--rate-only"]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def _against(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        old_src = _old_tree(args.against, Path(tmp), args.whole)
        old, new = [], []
        for _ in range(args.rounds):  # alternate so load changes hit both alike
            old.append(_child_rate(old_src, args))
            new.append(_child_rate(ROOT / "src", args))
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_implementation()} "
          f"{platform.python_version()}, pinned to 1 core; load avg {os.getloadavg()[0]:.1f}")
    print(f"pipeline at {args.against}: best {max(old):.0f} postings/s, "
          f"median {statistics.median(old):.0f} ({args.rounds} rounds; each the sum of every "
          f"posting's fastest time in {args.repeat} passes)")
    print(f"pipeline now: best {max(new):.0f} postings/s, median {statistics.median(new):.0f}")
    ratios = [n / o for o, n in zip(old, new, strict=True)]
    print(f"speed-up now vs {args.against}: best-to-best {max(new) / max(old):.2f}x, "
          f"per round {', '.join(f'{r:.2f}x' for r in ratios)}")
    return 0


def _freeze() -> None:
    """``warm_up``'s freeze (by hand for a revision from before ``mljobs.enrich.warm``)."""
    try:
        from mljobs.enrich.warm import warm_up
    except ImportError:
        gc.collect()
        gc.freeze()
    else:
        warm_up()


def _freeze_ab(records: list[dict[str, Any]], repeat: int) -> int:
    """Whole passes with the objects loaded so far frozen out of the collector's view and
    not, alternating in this process; prints the time ratio."""
    frozen, thawed = [], []
    for _ in range(repeat):
        thawed.append(_pipeline_thawed(records))
        frozen.append(_pipeline(records))
    n = len(records)
    print(f"frozen: best {n / min(frozen):.0f} postings/s; not frozen: best {n / min(thawed):.0f} "
          f"postings/s; time frozen / not frozen {min(frozen) / min(thawed):.3f} "
          f"(per pass: {', '.join(f'{f / t:.3f}' for f, t in zip(frozen, thawed, strict=True))})")
    return 0


def _pipeline_thawed(records: list[dict[str, Any]]) -> float:
    count = gc.get_freeze_count()
    gc.unfreeze()
    try:
        return _pipeline(records)
    finally:
        if count:
            gc.freeze()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one summary line per measure."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--against", metavar="REV", help="also time the pipeline modules at git REV")
    ap.add_argument("--rounds", type=int, default=3, help="old/new alternations with --against")
    ap.add_argument("--whole", action="store_true",
                    help="with --against: take all of src at REV (classifier and model too)")
    ap.add_argument("--stages", action="store_true", help="also print the time per pipeline step")
    ap.add_argument("--freeze-ab", action="store_true",
                    help="time passes with the loaded objects frozen (warm_up) and not, alternating")
    ap.add_argument("--rate-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.against:
        return _against(args)
    records = [json.loads(x) for x in CORPUS.read_text("utf-8").splitlines() if x.strip()]
    if args.limit:
        records = records[: args.limit]
    enrich_record(records[0])  # warm-up: taxonomy, matcher and model loaded once
    _freeze()  # as the enrich command does before a batch
    n = len(records)
    if args.freeze_ab:
        return _freeze_ab(records, args.repeat)
    if args.rate_only:  # (for --against: postings/s from the per-posting minima)
        for r in records:  # (first pass: whatever loads lazily)
            enrich_record(r)
        print(f"{n / _pipeline_minima(records, args.repeat):.3f}")
        return 0
    pipe = [_pipeline(records) for _ in range(args.repeat)]
    best, med = min(pipe), statistics.median(pipe)
    base = [_baseline(records) for _ in range(args.repeat)]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_implementation()} "
          f"{platform.python_version()}, pinned to 1 core; load avg {os.getloadavg()[0]:.1f}")
    print(f"postings: {n} (mean text {sum(len(r['text']) for r in records) / n:.0f} chars)")
    print(f"pipeline: best {n / best:.0f} postings/s, median {n / med:.0f} postings/s "
          f"({args.repeat} runs)")
    print(f"baseline (lower + word split): {n / min(base):.0f} postings/s; "
          f"pipeline costs {best / min(base):.1f}x the baseline")
    print(f"peak RSS: {peak_mb:.0f} MB")
    if args.stages:
        print("time per step (one pass, steps timed separately):")
        _stages(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
