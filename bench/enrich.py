#!/usr/bin/env python3
"""Throughput of the whole enrichment pipeline on one core, over the real corpus.

Pins the process to one CPU, loads the taxonomy and model once (warm-up), then
times the pipeline as the ``enrich`` command runs it, ``enrich_records`` (step by
step over batches of ``pipeline.BATCH`` postings), over every posting of
``../shared/data/corpus/postings.jsonl`` (role segmentation, sections, skills,
facets, salary, archetype + evidence). A baseline runs in the same process on the
same texts: lower-casing and splitting each text into words, the least any text
pipeline does. The timed passes follow one untimed pass (the skill scanners compile
their regexes on first use). Reports postings/s, the ratio to the baseline, and peak RSS::

    .venv/bin/python bench/enrich.py [--repeat 3] [--limit N] [--stages] [--order-ab]

``--stages`` adds one more pass that times each step on its own (step by step over
the same batches). ``--order-ab`` alternates whole passes step by step over batches
and posting by posting (``batch=1``: every step for one posting, then the next),
in this process, and prints the time ratio.
Like the ``enrich`` command, the run first calls ``warm_up`` (the loaded taxonomy,
matcher and model frozen out of the garbage collector's passes);
``--freeze-ab`` instead alternates passes with and without that freeze and
prints the ratio.

``--against REV`` also times the pipeline as it was at git revision ``REV``
(the pipeline modules lowered/sections/skills/facets/salary/roles/features/
pipeline taken from ``REV``; everything else, classifier, taxonomy and model as
they are now),
alternating old and new runs in child processes pinned to the same core (each
child times every chunk of 64 postings ``--repeat`` times after a first untimed pass
and sums each chunk's fastest time, which a busy machine disturbs far less than the
time of whole passes; a revision without ``enrich_records`` runs ``enrich_record``
posting by posting over the chunk), and reports the speed-up of the current code over
``REV`` measured in that run;
``--whole`` takes all of ``src`` at ``REV`` instead (features, classifier and
model too: the whole pipeline then against now); ``--now-src DIR`` times that copy of
``src`` as now instead of the working tree's (in a shared tree: the start revision plus
one's own changes, without the edits others have not committed)::

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
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revisions import tree_at

from mljobs.enrich import enrich_record

try:
    from mljobs.enrich.pipeline import enrich_records
except ImportError:  # (an --against child of a revision from before the batched pipeline)
    enrich_records = None

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


def _run(records: list[dict[str, Any]], batch: int | None = None) -> None:
    """The pipeline over ``records`` as the ``enrich`` command runs it (``batch``: postings
    per step-major batch, default ``pipeline.BATCH``; 1 is posting by posting)."""
    if enrich_records is None:
        for r in records:
            enrich_record(r)
    elif batch is None:
        for _ in enrich_records(records):
            pass
    else:
        for _ in enrich_records(records, batch=batch):
            pass


def _pipeline(records: list[dict[str, Any]], batch: int | None = None) -> float:
    start = time.perf_counter()
    _run(records, batch)
    return time.perf_counter() - start


_CHUNK = 64


def _pipeline_minima(records: list[dict[str, Any]], repeat: int) -> float:
    """The sum over chunks of ``_CHUNK`` postings of each chunk's fastest time in ``repeat``
    passes: a pause of the machine (another process on the core) costs only the chunks it
    hit, and only when it hits them in every pass."""
    chunks = [records[i:i + _CHUNK] for i in range(0, len(records), _CHUNK)]
    best = [float("inf")] * len(chunks)
    clock = time.perf_counter
    for _ in range(repeat):
        for k, chunk in enumerate(chunks):
            start = clock()
            _run(chunk)
            spent = clock() - start
            best[k] = min(best[k], spent)
    return sum(best)


def _order_ab(records: list[dict[str, Any]], repeat: int) -> int:
    """Whole passes step by step over batches (the default) and posting by posting,
    alternating in this process; prints the time ratio."""
    if enrich_records is None:
        print("this revision has no enrich_records: nothing to compare")
        return 1
    batched, single = [], []
    for k in range(repeat):  # (the order alternates too, so a warming trend hits both)
        if k % 2:
            single.append(_pipeline(records, 1))
            batched.append(_pipeline(records))
        else:
            batched.append(_pipeline(records))
            single.append(_pipeline(records, 1))
    n = len(records)
    print(f"step by step over batches: best {n / min(batched):.0f} postings/s; posting by "
          f"posting: best {n / min(single):.0f} postings/s; time batched / posting by posting "
          f"{min(batched) / min(single):.3f} (per pass: "
          f"{', '.join(f'{b / s:.3f}' for b, s in zip(batched, single, strict=True))})")
    return 0


def _stages(records: list[dict[str, Any]]) -> None:
    """Print the share of time each step takes (one pass: the calls ``pipeline._analyse_many``
    makes, step by step over batches of ``pipeline.BATCH`` postings, each step timed over
    the batch). Imported here: a child timing an older revision (``--against``) needs only
    ``enrich_record``."""
    from mljobs.enrich import facets
    from mljobs.enrich.classifier import default_model
    from mljobs.enrich.features import featurize
    from mljobs.enrich.ml_share import ml_share
    from mljobs.enrich.pipeline import BATCH, _size, _skill_rows, _str, prepare_record
    from mljobs.enrich.salary import mentions_equity, parse_posting_salary, parse_salary_field
    from mljobs.enrich.sections import SectionMap

    model = default_model()
    spent: dict[str, float] = defaultdict(float)
    clock = time.perf_counter

    def step(name: str, fn: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        start = clock()
        out = [fn(*call) for call in calls]
        spent[name] += clock() - start
        return out

    def salary(record: dict[str, Any], title: str, text: str) -> Any:
        field = _str(record.get("salary_estimate"))
        return (parse_salary_field(field) if field else None) or parse_posting_salary(title, text)

    def specialisation(archetype: str, feats: Any) -> Any:
        return facets.specialisations(feats.title_counts, feats.text_counts,
                                      ml_role=archetype != "not-ml")

    for i in range(0, len(records), BATCH):
        part = records[i:i + BATCH]
        preps = step("roles (prepare_record)", prepare_record, [(r,) for r in part])
        texts = [p.text for p in preps]
        maps = step("sections", SectionMap, [(t,) for t in texts])
        rows = step("skills", _skill_rows, list(zip(texts, maps, strict=True)))
        feats = step("features (featurize)", featurize,
                     [(p.title, p.text, [s["category"] or "" for s in r])
                      for p, r in zip(preps, rows, strict=True)])
        # (the batch in one call, as the pipeline makes it: every lookup first)
        probs = [p for p, _ in step("classifier (predict + evidence)", model.predict_many,
                                    [(feats,)])[0]]
        archetypes = [max(p, key=p.__getitem__) for p in probs]
        step("degree + phd", facets.degree_and_phd, list(zip(texts, maps, strict=True)))
        step("salary", salary, [(r, p.title, p.text) for r, p in zip(part, preps, strict=True)])
        step("specialisation", specialisation, list(zip(archetypes, feats, strict=True)))
        step("years", facets.years_min, [(t,) for t in texts])
        step("seniority", facets.seniority, [(p.title, p.text) for p in preps])
        step("remote", facets.remote, [(p.title, p.text) for p in preps])
        step("visa", facets.visa, [(t,) for t in texts])
        step("company stage", facets.company_stage,
             [(p.text, _size(r.get("company_size"))) for r, p in zip(part, preps, strict=True)])
        step("equity", mentions_equity, [(t,) for t in texts])
        step("ml share", ml_share, [(a, p, model.temperature_, f)
                                    for a, p, f in zip(archetypes, probs, feats, strict=True)])
    total = sum(spent.values())
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {secs / len(records) * 1e6:6.0f} us/posting  {secs / total:6.1%}")


def _child_rate(src: Path, args: argparse.Namespace) -> float:
    """Best postings/s of one child run with ``src`` first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, __file__, "--repeat", str(args.repeat), "--limit", str(args.limit),
           "--rate-only"]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def _against(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        old_src = tree_at(args.against, Path(tmp), None if args.whole else _PIPELINE_MODULES)
        old, new = [], []
        for _ in range(args.rounds):  # alternate so load changes hit both alike
            old.append(_child_rate(old_src, args))
            new.append(_child_rate(args.now_src, args))
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_implementation()} "
          f"{platform.python_version()}, pinned to 1 core; load avg {os.getloadavg()[0]:.1f}")
    print(f"pipeline at {args.against}: best {max(old):.0f} postings/s, "
          f"median {statistics.median(old):.0f} ({args.rounds} rounds; each the sum of every "
          f"{_CHUNK}-posting chunk's fastest time in {args.repeat} passes)")
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
    ap.add_argument("--now-src", type=Path, default=ROOT / "src", metavar="DIR",
                    help="with --against: time this copy of src as now (default: the working "
                         "tree's; e.g. a copy with only one's own changes, when others edit too)")
    ap.add_argument("--stages", action="store_true", help="also print the time per pipeline step")
    ap.add_argument("--order-ab", action="store_true",
                    help="time passes step by step over batches and posting by posting, alternating")
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
    _run(records)  # (first pass: whatever loads lazily, e.g. the skill scanners' regexes)
    if args.order_ab:
        return _order_ab(records, args.repeat)
    if args.rate_only:  # (for --against: postings/s from the per-chunk minima)
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
        print("time per step (one pass, each step timed over each batch):")
        _stages(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
