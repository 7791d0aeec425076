#!/usr/bin/env python3
"""In-process A/B of the archetype classifier's ``featurize`` and ``predict`` against a revision.

Loads ``features.py`` and ``classifier.py`` as of ``--baseline`` (default 461bb11, before
the list-based classifier; ``bench/revisions.py``) next to the working tree's, both scoring
with the packaged model, over the prepared title + text of the dev postings (or of the
corpus with ``--corpus``) and the skill categories the extractor found (computed once,
outside the timed loop). Each round runs every posting through both versions, the order of
the two swapped from round to round (the one that runs second finds the posting's strings
warm); a posting's time is its fastest round (the machine is shared and noisy), so the
figures are the least each version needed. ``--between`` runs the skill step before each
timed call, so the caches hold what they hold in the pipeline. With ``--shared-tables``
the baseline's methods run on the current model's tables (the same objects), so that
where the tables lie in memory does not differ between the two (valid while both
constructors build the same attributes). Also counts the postings whose probabilities or
evidence differ (``--tol`` on the numbers)::

    .venv/bin/python bench/archetype_features.py [--baseline REV] [--rounds 5] [--corpus]
    .venv/bin/python bench/archetype_features.py --baseline 1041a0a --corpus --between --shared-tables
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from revisions import module_at

from mljobs.enrich import classifier, features
from mljobs.enrich.lowered import lower
from mljobs.enrich.pipeline import _skill_rows, extract_skills, prepare_record
from mljobs.enrich.sections import SectionMap
from mljobs.sources.files import read_objects

ROOT = Path(__file__).resolve().parents[1]


def _same(a: tuple[dict[str, float], list[Any]], b: tuple[dict[str, float], list[Any]],
          tol: float) -> bool:
    (pa, ea), (pb, eb) = a, b
    if list(pa) != list(pb) or any(abs(pa[c] - pb[c]) > tol for c in pa) or len(ea) != len(eb):
        return False
    return all(x.feature == y.feature and x.archetype == y.archetype and x.start == y.start
               and x.end == y.end and abs(x.weight - y.weight) <= tol for x, y in zip(ea, eb))


def main() -> int:
    """Print us/posting of featurize and predict for baseline and current, and the ratios."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="461bb11")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", action="store_true", help="the corpus postings, not the dev set")
    ap.add_argument("--tol", type=float, default=0.0)
    ap.add_argument("--shared-tables", action="store_true",
                    help="the baseline's methods on the current model's tables")
    ap.add_argument("--between", action="store_true",
                    help="run the skill step (sections + skills) before each timed call, so the "
                         "caches hold what they hold in the pipeline")
    args = ap.parse_args()
    inputs = (ROOT.parent / "shared/data/corpus/postings.jsonl" if args.corpus
              else ROOT.parent / "shared/data/eval/dev-inputs.jsonl")
    rows = []
    for rec in read_objects(inputs):
        prep = prepare_record(rec)
        rows.append((prep.title, prep.text, tuple(s.category or "" for s in extract_skills(prep.text))))
    base_features = module_at(args.baseline, "features", "features_baseline")
    base_classifier = module_at(args.baseline, "classifier", "classifier_baseline",
                                ("from mljobs.enrich.features import", "from features_baseline import"))
    model = classifier.ArchetypeModel.load()
    if not args.shared_tables:
        base_model = base_classifier.ArchetypeModel.load()
    else:
        # The baseline's methods on the current model's tables (the same objects): only the
        # code differs, not where the tables lie in memory. Valid while the two versions'
        # constructors build the same attributes.
        base_model = base_classifier.ArchetypeModel.__new__(base_classifier.ArchetypeModel)
        base_model.__dict__.update(model.__dict__)
    versions: list[tuple[str, Any, Any]] = [
        ("baseline", base_features.featurize, base_model),
        ("current", features.featurize, model),
    ]
    differ = 0
    for title, text, cats in rows:
        lower(text)
        outs = [model.predict(featurize(title, text, cats)) for _, featurize, model in versions]
        differ += not _same(outs[0], outs[1], args.tol)
    clock = time.perf_counter_ns
    best = {(v, step): [float("inf")] * len(rows) for v, _, _ in versions
            for step in ("featurize", "predict")}
    for r in range(args.rounds):
        order = versions if r % 2 == 0 else versions[::-1]
        for i, (title, text, cats) in enumerate(rows):
            for name, featurize, model in order:
                if args.between:
                    _skill_rows(text, SectionMap(text))
                lower(text)  # as in the pipeline, the steps before have lowered the text
                t0 = clock()
                feats = featurize(title, text, cats)
                t1 = clock()
                model.predict(feats)
                t2 = clock()
                got = best[name, "featurize"]
                got[i] = min(got[i], t1 - t0)
                got = best[name, "predict"]
                got[i] = min(got[i], t2 - t1)
    us = {key: sum(times) / len(times) / 1000 for key, times in best.items()}
    print(f"{len(rows)} {'corpus' if args.corpus else 'dev'} postings, fastest of {args.rounds} rounds per posting "
          f"(baseline {args.baseline}{', skill step between' if args.between else ''}); "
          f"postings whose output differs: {differ}")
    for name, _, _ in versions:
        f, p = us[name, "featurize"], us[name, "predict"]
        print(f"{name:9s} featurize {f:6.1f} us  predict {p:6.1f} us  together {f + p:6.1f} us")
    ratio = {step: us["current", step] / us["baseline", step] for step in ("featurize", "predict")}
    together = ((us["current", "featurize"] + us["current", "predict"])
                / (us["baseline", "featurize"] + us["baseline", "predict"]))
    print(f"ratio current/baseline: featurize {ratio['featurize']:.3f}, predict {ratio['predict']:.3f}, "
          f"together {together:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
