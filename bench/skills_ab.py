#!/usr/bin/env python3
"""The skills step (``pipeline._skill_rows``) now against a git revision, in one process.

``skills.py`` and ``pipeline.py`` as of ``--against REV`` are loaded from ``git show`` (the
old pipeline patched to use the old skills module); both extract the skills of the prepared
corpus postings with the same ``SectionMap`` (built once, outside the timed loop), the text's
``lower`` and ``lowers_exactly`` asked first as the sections step does in the pipeline. Each
posting runs old then new (or new then old, alternating by round); a posting's time is its
fastest round, so the figures are the least each version needed on a shared machine. The
outputs are compared too::

    .venv/bin/python bench/skills_ab.py --against 1041a0a [--rounds 7] [--cpu 1]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from pathlib import Path

from revisions import module_at

from mljobs.enrich import pipeline
from mljobs.enrich.lowered import lower, lowers_exactly
from mljobs.enrich.pipeline import prepare_record
from mljobs.enrich.sections import SectionMap

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"


def main() -> int:
    """Print us/posting of the old and new skills step and their ratio."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--against", required=True)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--cpu", type=int, default=None, help="pin to this CPU")
    args = ap.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    module_at(args.against, "skills", "skills_old")
    old = module_at(args.against, "pipeline", "pipeline_old",
                    ("from mljobs.enrich.skills import", "from skills_old import"))
    with CORPUS.open(encoding="utf-8") as fh:
        texts = [prepare_record(json.loads(line)).text for line in fh if line.strip()]
    maps = [SectionMap(t) for t in texts]
    sides = {"old": old._skill_rows, "new": pipeline._skill_rows}
    for fn in sides.values():  # first use compiles the scanners' regexes
        for text, smap in zip(texts, maps, strict=True):
            fn(text, smap)
    same = all(old._skill_rows(t, s) == pipeline._skill_rows(t, s) for t, s in zip(texts, maps, strict=True))
    gc.collect()
    gc.freeze()
    best = {name: [float("inf")] * len(texts) for name in sides}
    clock = time.perf_counter
    for r in range(args.rounds):
        order = list(sides.items()) if r % 2 == 0 else list(sides.items())[::-1]
        for k, (text, smap) in enumerate(zip(texts, maps, strict=True)):
            for name, fn in order:
                lower(text)
                lowers_exactly(text)
                start = clock()
                fn(text, smap)
                spent = clock() - start
                best[name][k] = min(best[name][k], spent)
    n = len(texts)
    us = {name: sum(times) / n * 1e6 for name, times in best.items()}
    print(f"{n} postings, {args.rounds} rounds, same output: {same}")
    print(f"old {us['old']:.1f} us/posting, new {us['new']:.1f} us/posting, "
          f"new/old {us['new'] / us['old']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
