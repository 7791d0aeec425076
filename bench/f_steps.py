#!/usr/bin/env python3
"""Per-step A/B of the rule steps (roles, sections, degree, salary, specialisation, years,
seniority, remote, visa, company stage, equity) against an older revision of their modules.

The current ``src`` is copied and the modules ``lowered``, ``alternation``, ``sections``,
``roles``, ``facets`` and ``salary`` are taken from ``REV`` in the copy; child processes
pinned to one core then alternate between the two trees. Each child runs the pipeline's
calls in its order over the corpus ``--repeat`` times (the other steps, skills, featurize and
the classifier, run untimed between them, as they do in ``analyse``) and sums each
posting's fastest time per step, which a busy machine disturbs far less than whole passes::

    .venv/bin/python bench/f_steps.py --against 1041a0a --rounds 3 --repeat 3

Prints, per step, the old and new µs/posting of the best round and the ratio new/old.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"
MODULES = ("lowered", "alternation", "sections", "roles", "facets", "salary")
STEPS = ("roles", "sections", "degree", "salary", "specialisation", "years", "seniority",
         "remote", "visa", "company stage", "equity")


def _child(repeat: int, limit: int | None) -> None:
    """Time the steps in this process and print {step: µs/posting} as JSON."""
    from mljobs.enrich import facets
    from mljobs.enrich.classifier import default_model
    from mljobs.enrich.features import featurize
    from mljobs.enrich.pipeline import _size, _skill_rows, _str, prepare_record
    from mljobs.enrich.salary import mentions_equity, parse_posting_salary, parse_salary_field
    from mljobs.enrich.sections import SectionMap
    from mljobs.enrich.warm import warm_up

    with CORPUS.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f][:limit]
    model = default_model()
    warm_up()
    best = {s: [float("inf")] * len(records) for s in STEPS}
    clock = time.perf_counter

    def keep(step: str, k: int, spent: float) -> None:
        row = best[step]
        row[k] = min(row[k], spent)

    for _ in range(repeat + 1):  # (the first pass fills caches as a long run would)
        parse_salary_field.cache_clear()
        for k, r in enumerate(records):
            t = clock()
            prep = prepare_record(r)
            keep("roles", k, clock() - t)
            title, text = prep.title, prep.text
            t = clock()
            smap = SectionMap(text)
            keep("sections", k, clock() - t)
            skills = _skill_rows(text, smap)
            feats = featurize(title, text, (s["category"] or "" for s in skills))
            probs, _ = model.predict(feats)
            archetype = max(probs, key=probs.__getitem__)
            t = clock()
            facets.degree_and_phd(text, smap)
            keep("degree", k, clock() - t)
            salary_text = _str(r.get("salary_estimate"))
            t = clock()
            if not (parse_salary_field(salary_text) if salary_text else None):
                parse_posting_salary(title, text)
            keep("salary", k, clock() - t)
            t = clock()
            facets.specialisations(feats.title_counts, feats.text_counts,
                                   ml_role=archetype != "not-ml")
            keep("specialisation", k, clock() - t)
            t = clock()
            facets.years_min(text)
            keep("years", k, clock() - t)
            t = clock()
            facets.seniority(title, text)
            keep("seniority", k, clock() - t)
            t = clock()
            facets.remote(title, text)
            keep("remote", k, clock() - t)
            t = clock()
            facets.visa(text)
            keep("visa", k, clock() - t)
            t = clock()
            facets.company_stage(text, _size(r.get("company_size")))
            keep("company stage", k, clock() - t)
            t = clock()
            mentions_equity(text)
            keep("equity", k, clock() - t)
    print(json.dumps({s: sum(v) / len(records) * 1e6 for s, v in best.items()}))


def _old_src(rev: str, dest: Path) -> Path:
    subprocess.run(["cp", "-r", str(ROOT / "src"), str(dest)], check=True)
    for name in MODULES:
        rel = f"src/mljobs/enrich/{name}.py"
        old = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        (dest / rel.removeprefix("src/")).write_text(old, encoding="utf-8")
    return dest


def _run(src: Path, args: argparse.Namespace) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", "--repeat", str(args.repeat)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    got: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return got


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", help="git revision of the old modules")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.child:
        _child(args.repeat, args.limit)
        return 0
    if not args.against:
        ap.error("--against REV is needed")
    with tempfile.TemporaryDirectory() as tmp:
        old_src = _old_src(args.against, Path(tmp) / "src")
        runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
        for i in range(args.rounds):
            order = ("old", "new") if i % 2 == 0 else ("new", "old")
            for side in order:
                runs[side].append(_run(old_src if side == "old" else ROOT / "src", args))
            print(f"round {i + 1}: total old {sum(runs['old'][-1].values()):.1f} µs, "
                  f"new {sum(runs['new'][-1].values()):.1f} µs", flush=True)
    best: dict[str, dict[str, Any]] = {
        side: {s: min(r[s] for r in rs) for s in STEPS} for side, rs in runs.items()}
    print(f"{'step':16s} {'old µs':>8s} {'new µs':>8s}  new/old")
    for s in (*STEPS, "total"):
        old = sum(best["old"].values()) if s == "total" else best["old"][s]
        new = sum(best["new"].values()) if s == "total" else best["new"][s]
        print(f"{s:16s} {old:8.1f} {new:8.1f}  {new / old:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
