#!/usr/bin/env python3
"""In-process A/B of the classifier step: ``predict`` posting by posting against
``predict_many`` over the same batch (every lookup first, then each posting's rows and
products), over the corpus as the pipeline batches it.

For each batch of ``pipeline.BATCH`` prepared corpus postings, the steps before the
classifier (sections, skills, featurize) and after it (the facets) run untimed around the
two timed calls, so the caches hold what they hold in the pipeline; the order of the two
swaps from round to round. Each batch's time is its fastest round (the machine is shared
and noisy); prints us/posting of each and the ratio, and checks the results are equal::

    .venv/bin/python bench/predict_many_ab.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

from mljobs.enrich import facets
from mljobs.enrich.classifier import default_model
from mljobs.enrich.features import featurize
from mljobs.enrich.pipeline import BATCH, _skill_rows, prepare_record
from mljobs.enrich.sections import SectionMap
from mljobs.enrich.warm import warm_up

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus" / "postings.jsonl"


def main() -> int:
    """Print the two times and their ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    records = [json.loads(x) for x in CORPUS.read_text("utf-8").splitlines() if x.strip()]
    preps = [prepare_record(r) for r in records]
    model = default_model()
    warm_up()
    batches = [preps[i:i + BATCH] for i in range(0, len(preps), BATCH)]
    clock = time.perf_counter
    best: dict[str, list[float]] = {"predict": [float("inf")] * len(batches),
                                    "predict_many": [float("inf")] * len(batches)}

    def one_by_one(feats: list[Any]) -> list[Any]:
        return [model.predict(f) for f in feats]

    runs = [("predict", one_by_one), ("predict_many", model.predict_many)]
    for rnd in range(args.rounds + 1):  # (round 0 untimed: warms up, checks equality)
        for b, batch in enumerate(batches):
            texts = [p.text for p in batch]
            smaps = list(map(SectionMap, texts))
            rows = list(map(_skill_rows, texts, smaps))
            feats = [featurize(p.title, p.text, [s["category"] or "" for s in r])
                     for p, r in zip(batch, rows, strict=True)]
            outs = []
            for name, fn in (runs if rnd % 2 else runs[::-1]):
                start = clock()
                outs.append(fn(feats))
                spent = clock() - start
                if rnd:
                    best[name][b] = min(best[name][b], spent)
                for text in texts:  # (the steps after the classifier, between the two)
                    facets.years_min(text)
                    facets.visa(text)
            if outs[0] != outs[1]:
                raise SystemExit(f"batch {b}: the results differ")
    n = len(preps)
    a, m = sum(best["predict"]), sum(best["predict_many"])
    print(f"predict one by one: {a / n * 1e6:.1f} us/posting; predict_many: {m / n * 1e6:.1f} "
          f"us/posting; time predict_many / one by one {m / a:.3f} ({args.rounds} rounds, "
          f"each batch's fastest; load avg {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
