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
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from mljobs.enrich.classifier import ARCHETYPES, MODEL_FILE
from mljobs.enrich.training import (
    C_REG,
    cross_val_models,
    fit,
    fit_temperature,
    load_training_data,
)

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Train, report CV numbers, write the artefact."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--labels", type=Path, default=ROOT / "labels")
    ap.add_argument("--out", type=Path, default=ROOT / "src/mljobs/enrich/data" / MODEL_FILE)
    ap.add_argument("--c", type=float, default=C_REG)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    data = load_training_data(args.shared, args.labels)
    print(f"dev {len(data.dev)} + extra {len(data.extra)} examples")
    probs = np.zeros((len(data.dev), len(ARCHETYPES)))
    for fold, model in cross_val_models(data.dev, data.extra, c_reg=args.c):
        for i in fold:
            p, _ = model.predict(data.dev[i].feats)
            probs[i] = [p[c] for c in ARCHETYPES]
    y = [ARCHETYPES.index(e.label) for e in data.dev]
    pred = probs.argmax(axis=1)
    acc = float(np.mean(pred == np.array(y)))
    f1s = []
    for c in sorted(set(y)):
        tp = int(np.sum((pred == c) & (np.array(y) == c)))
        prec = tp / max(1, int(np.sum(pred == c)))
        rec = tp / max(1, int(np.sum(np.array(y) == c)))
        f1s.append(0.0 if tp == 0 else 2 * prec * rec / (prec + rec))
    temperature = fit_temperature(probs, y)
    print(f"CV accuracy {acc:.3f}  macro-F1 {np.mean(f1s):.3f}  temperature {temperature:.2f}")
    if args.dry_run:
        return 0
    final = fit(data.dev + data.extra, c_reg=args.c, temperature=temperature)
    final.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(final.features_)} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
