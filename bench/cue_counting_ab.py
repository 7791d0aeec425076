#!/usr/bin/env python3
"""The cue-family counting of ``features.featurize``: the cue set intersected with the
posting's dict (``frozenset.intersection``, which looks each of the posting's keys up in the
cue set) against the posting's keys view intersected with the cue set (which looks each cue
term up in the posting's dict), over the corpus, with the skill step run before each timed
call so the caches hold what they hold in the pipeline; a posting's time is its fastest
round, the two forms alternating::

    .venv/bin/python bench/cue_counting_ab.py [--rounds 6]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

from mljobs.enrich import features
from mljobs.enrich.pipeline import _skill_rows, extract_skills, prepare_record
from mljobs.enrich.sections import SectionMap
from mljobs.sources.files import read_objects

ROOT = Path(__file__).resolve().parents[1]


def _families(found: Callable[[Mapping[str, int]], AbstractSet[str]]) -> Callable[[Mapping[str, int]], list[int]]:
    def count(text_counts: Mapping[str, int]) -> list[int]:
        family = [0] * len(features._CUE_NAMES)
        for key in found(text_counts):
            n = text_counts[key]
            for i in features._CUE_OF[key]:
                family[i] += n
        return family
    return count


def main() -> int:
    """Print us/posting of both forms and their ratio."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args()
    rows = []
    for rec in read_objects(ROOT.parent / "shared/data/corpus/postings.jsonl"):
        prep = prepare_record(rec)
        cats = tuple(s.category or "" for s in extract_skills(prep.text))
        rows.append((prep.text, features.featurize(prep.title, prep.text, cats).text_counts))
    forms = {
        "set.intersection(dict)": _families(lambda tc: features._CUE_SET.intersection(tc)),
        "dict.keys() & set": _families(lambda tc: tc.keys() & features._CUE_SET),
    }
    for text_counts in (tc for _, tc in rows):
        assert len({tuple(f(text_counts)) for f in forms.values()}) == 1
    clock = time.perf_counter_ns
    best = {name: [float("inf")] * len(rows) for name in forms}
    items = list(forms.items())
    for r in range(args.rounds):
        for i, (text, text_counts) in enumerate(rows):
            for name, form in (items if r % 2 == 0 else items[::-1]):
                _skill_rows(text, SectionMap(text))
                t0 = clock()
                form(text_counts)
                best[name][i] = min(best[name][i], clock() - t0)
    us = {name: sum(times) / len(times) / 1000 for name, times in best.items()}
    for name, t in us.items():
        print(f"{name:24s} {t:6.2f} us/posting")
    first, second = us.values()
    print(f"ratio {second / first:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
