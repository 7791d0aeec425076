#!/usr/bin/env python3
"""Where the skills step (``pipeline._skill_rows``) spends its time, part by part, over the corpus.

Each part is timed on its own, in a loop over the prepared corpus postings, with the inputs
it gets in the pipeline recorded in a first pass (the matches ``find`` gives, the calls
``find`` makes to ``_accept``, ``ContextRule.holds``, ``Terms.found_in_image``, the calls
``_skill_rows`` makes to ``SectionMap.is_nice`` and ``_NAMES_A_GROUP``); the figure of a
part is its fastest of ``--rounds`` passes, in us per posting. The parts overlap (``find``
holds the anchor scan, the candidates and the accepted calls; it and ``_skill_rows`` also
lower each text, which the sections step has done before them in the pipeline: the
``lower + lowers_exactly`` line). In the whole pipeline every part costs more, its code and
data being evicted from the caches by the other steps between two postings; the last two
lines show how much: ``_skill_rows`` called twice in a row on each posting (the text
lowered before), the sums of each posting's fastest first and second call::

    .venv/bin/python bench/skills_parts.py [--rounds 7] [--cpu 1]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mljobs.enrich import pipeline, skills
from mljobs.enrich.lowered import lower, lowers_exactly
from mljobs.enrich.pipeline import _NAMES_A_GROUP, _skill_rows, prepare_record
from mljobs.enrich.sections import SectionMap

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"


def _recorded(cls: Any, name: str, calls: list[tuple[Any, ...]], run: Callable[[], None]) -> None:
    """Run ``run`` with ``cls.name`` recording its arguments (the instance first) in ``calls``."""
    original = getattr(cls, name)

    def recording(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    setattr(cls, name, recording)
    try:
        run()
    finally:
        setattr(cls, name, original)


def main() -> int:
    """Print the us/posting of each part of the skills step."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--cpu", type=int, default=None, help="pin to this CPU")
    args = ap.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    with CORPUS.open(encoding="utf-8") as fh:
        texts = [prepare_record(json.loads(line)).text for line in fh if line.strip()]
    maps = [SectionMap(t) for t in texts]
    lows = [t.lower() for t in texts]
    matcher = skills.default_matcher()
    founds = [matcher.find(t) for t in texts]  # (first use compiles the scanners' regexes)

    def find_all() -> None:
        for text in texts:
            matcher.find(text)

    def rows_all() -> None:
        for text, smap in zip(texts, maps, strict=True):
            _skill_rows(text, smap)

    accepts: list[tuple[Any, ...]] = []
    _recorded(skills.SkillMatcher, "_accept", accepts, find_all)
    holds: list[tuple[Any, ...]] = []
    _recorded(skills.ContextRule, "holds", holds, find_all)
    scans: list[tuple[Any, ...]] = []
    _recorded(skills.Terms, "found_in_image", scans, find_all)
    nice: list[tuple[Any, ...]] = []
    _recorded(SectionMap, "is_nice", nice, rows_all)
    groups = [(t, m.end) for t, found in zip(texts, founds, strict=True) for m in found
              if m.category in pipeline._FIELD_CATEGORIES]
    images = [skills._image(low) for low in lows]
    anchors = matcher._anchors

    def loop(calls: list[tuple[Any, ...]], fn: Callable[..., Any]) -> Callable[[], None]:
        def run() -> None:
            for call in calls:
                fn(*call)
        return run

    parts: dict[str, tuple[Callable[[], None], int]] = {
        "_skill_rows (the step)": (rows_all, len(texts)),
        "lower + lowers_exactly": (loop([(t,) for t in texts], lambda t: (
            lower(t), lowers_exactly(t))), len(texts)),
        "find": (find_all, len(texts)),
        "  _candidates": (loop([(low,) for low in lows], matcher._candidates), len(texts)),
        "    _image": (loop([(low,) for low in lows], skills._image), len(texts)),
        "    anchor scan": (loop([(i,) for i in images], lambda i: anchors.find_matches_as_indexes(
            i, overlapping=True)), len(texts)),
        "  _accept": (loop(accepts, skills.SkillMatcher._accept), len(accepts)),
        "    ContextRule.holds": (loop(holds, skills.ContextRule.holds), len(holds)),
        "      Terms.found_in_image": (loop(scans, skills.Terms.found_in_image), len(scans)),
        "coordinated_all": (loop(list(zip(texts, founds, strict=True)), matcher.coordinated_all),
                            len(texts)),
        "SectionMap.is_nice": (loop(nice, SectionMap.is_nice), len(nice)),
        "_NAMES_A_GROUP.match": (loop(groups, _NAMES_A_GROUP.match), len(groups)),
    }
    gc.collect()
    gc.freeze()
    best = {name: float("inf") for name in parts}
    clock = time.perf_counter
    first = [float("inf")] * len(texts)
    second = [float("inf")] * len(texts)
    for _ in range(args.rounds):
        for name, (fn, _) in parts.items():
            start = clock()
            fn()
            best[name] = min(best[name], clock() - start)
        for k, (text, smap) in enumerate(zip(texts, maps, strict=True)):
            lower(text)
            lowers_exactly(text)
            start = clock()
            _skill_rows(text, smap)
            middle = clock()
            _skill_rows(text, smap)
            end = clock()
            first[k] = min(first[k], middle - start)
            second[k] = min(second[k], end - middle)
    n = len(texts)
    print(f"{n} postings, {args.rounds} rounds (fastest); us per posting, calls per posting")
    for name, (_, calls) in parts.items():
        print(f"{name:28s} {best[name] / n * 1e6:8.1f} {calls / n:6.1f}")
    print(f"{'_skill_rows, first call':28s} {sum(first) / n * 1e6:8.1f}")
    print(f"{'_skill_rows, again':28s} {sum(second) / n * 1e6:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
