#!/usr/bin/env python3
"""Build ``src/mljobs/enrich/data/archetype_model.npz`` reproducibly.

Reads ``../shared/data/eval/dev-{inputs,labels}.jsonl``, ``labels/batch*.jsonl``
(joined to ``../shared/data/corpus/postings.jsonl``) and refuses any id in
``labels/heldout-exclude.txt``. Runs 5-fold cross-validation over dev (each
fold trained on the other dev folds + all extra labels) to fit the softmax
temperature and print CV accuracy / macro-F1, then fits the final model on
everything and writes it::

    .venv/bin/python tools/train_archetype.py            # train + write
    .venv/bin/python tools/train_archetype.py --dry-run  # CV numbers only
    .venv/bin/python tools/train_archetype.py --dry-run --seeds 7 11 13  # three fold splits
    .venv/bin/python tools/train_archetype.py --dry-run --seeds 7 11 13 --per-class  # + F1 by class

One posting is 0.6 points of dev accuracy, so a change is read over several fold
splits (``--seeds``: each seed draws another 5-fold split; the mean is printed).
``--labels DIR`` trains on another labels folder (e.g. a copy with some labels
changed) with the same exclusion rules; ``--extra-scale S`` fits the engineered features
scaled by S (``training.EXTRA_SCALE``), ``--pair-c C`` fits the pairwise specialists with
C (``training.PAIR_C``; 0: none), ``--per-class`` adds each archetype's F1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

from mljobs.enrich.classifier import ARCHETYPES, MODEL_FILE
from mljobs.enrich.evaluate import evaluate
from mljobs.enrich.training import (
    C_REG,
    EXTRA_SCALE,
    PAIR_C,
    PAIRS,
    SEED,
    Example,
    TrainingData,
    cross_val_models,
    fit,
    fit_temperature,
    load_training_data,
)

ROOT = Path(__file__).resolve().parents[1]


def cv_probs(data: TrainingData, seed: int, c_reg: float, extra_scale: float = EXTRA_SCALE,
             pair_c: float = PAIR_C) -> np.ndarray:
    """Out-of-fold archetype probabilities of every dev posting (rows in ARCHETYPES order)."""
    probs = np.zeros((len(data.dev), len(ARCHETYPES)))
    for fold, model in cross_val_models(data.dev, data.extra, seed=seed, c_reg=c_reg,
                                        extra_scale=extra_scale, **_pairs(pair_c)):
        for i in fold:
            p, _ = model.predict(data.dev[i].feats, evidence=0)
            probs[i] = [p[c] for c in ARCHETYPES]
    return probs


def _pairs(pair_c: float) -> dict[str, Any]:
    """``fit``'s specialist arguments for ``--pair-c`` (0: no specialists)."""
    return {"pair_c": pair_c, "pairs": PAIRS if pair_c > 0 else ()}


def archetype_report(probs: np.ndarray, dev: list[Example]) -> dict[str, Any]:
    """``mljobs eval``'s archetype report (accuracy, macro-F1, per class) of the most probable
    archetypes."""
    pred = [{"id": e.id, "archetype": ARCHETYPES[int(k)]} for e, k in zip(dev, probs.argmax(axis=1), strict=True)]
    report: dict[str, Any] = evaluate(pred, [e.gold for e in dev])["archetype"]
    return report


def main(argv: list[str] | None = None) -> int:
    """Train, report CV numbers, write the artefact."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--labels", type=Path, default=ROOT / "labels")
    ap.add_argument("--out", type=Path, default=ROOT / "src/mljobs/enrich/data" / MODEL_FILE)
    ap.add_argument("--c", type=float, default=C_REG)
    ap.add_argument("--extra-scale", type=float, default=EXTRA_SCALE,
                    help="the engineered features' scale in the fit (training.EXTRA_SCALE)")
    ap.add_argument("--pair-c", type=float, default=PAIR_C,
                    help="the pairwise specialists' C (training.PAIR_C; 0: no specialists)")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--seeds", type=int, nargs="+", default=[SEED],
                    help="fold-split seeds for the CV figures (the temperature is fitted on the first)")
    ap.add_argument("--per-class", action="store_true",
                    help="also print each archetype's F1, the mean over the seeds' splits")
    args = ap.parse_args(argv)
    data = load_training_data(args.shared, args.labels)
    print(f"dev {len(data.dev)} + extra {len(data.extra)} examples")
    y = [ARCHETYPES.index(e.label) for e in data.dev]
    scores, temperature = [], 1.0
    f1s: dict[str, list[float]] = {c: [] for c in ARCHETYPES}
    for n, seed in enumerate(args.seeds):
        probs = cv_probs(data, seed, args.c, args.extra_scale, args.pair_c)
        report = archetype_report(probs, data.dev)
        acc, macro = report["accuracy"], report["macro_f1"]
        scores.append((acc, macro))
        for c, row in report["per_class"].items():
            f1s[c].append(row["f1"])
        if n == 0:
            temperature = fit_temperature(probs, y)
        print(f"seed {seed}: CV accuracy {acc:.3f}  macro-F1 {macro:.3f}", flush=True)
    if len(scores) > 1:
        print(f"mean over {len(scores)} splits: accuracy {np.mean([a for a, _ in scores]):.3f}  "
              f"macro-F1 {np.mean([m for _, m in scores]):.3f}")
    if args.per_class:
        print("F1 by archetype (mean over the splits): "
              + ", ".join(f"{c} {np.mean(v):.3f}" for c, v in f1s.items() if v))
    print(f"temperature {temperature:.2f}")
    if args.dry_run:
        return 0
    final = fit(data.dev + data.extra, c_reg=args.c, temperature=temperature,
                extra_scale=args.extra_scale, **_pairs(args.pair_c))
    final.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(final.features_)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
