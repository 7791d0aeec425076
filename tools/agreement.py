#!/usr/bin/env python3
"""How far is the archetype classifier from a second human reader?

Scores a second, independent reading of some dev postings
(``labels/agreement/dev-second-reader.jsonl``: archetype only, made without
seeing the gold labels) against the gold dev labels, and the classifier's
cross-validated predictions (the protocol of ``mljobs eval --labels dev``:
each fold's model trained on the other dev folds + every extra label) on the
same postings. Prints accuracy, macro-F1, Cohen's kappa, agreement by gold
confidence, and how often a disagreement is covered by an ``archetype_alt``::

    .venv/bin/python tools/agreement.py [--reader FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score  # type: ignore[import-untyped]

from mljobs.enrich.evaluate import evaluate
from mljobs.enrich.training import cross_val_models, load_training_data
from mljobs.sources.files import read_objects

ROOT = Path(__file__).resolve().parents[1]


def score(name: str, pred: dict[str, str], pred_alt: dict[str, str | None],
          gold: Sequence[dict[str, Any]]) -> None:
    """Print one reader's (or the model's) agreement with gold."""
    rep = evaluate([{"id": i, "archetype": a} for i, a in pred.items()], gold)["archetype"]
    y = [g["archetype"] for g in gold]
    yhat = [pred[g["id"]] for g in gold]
    covered = sum(1 for g, p in zip(gold, yhat, strict=True) if p != g["archetype"] and (
        p == g.get("archetype_alt") or pred_alt.get(g["id"]) == g["archetype"]))
    wrong = sum(p != t for p, t in zip(yhat, y, strict=True))
    by_conf = []
    for conf in ("high", "medium", "low"):
        sub = [(g, p) for g, p in zip(gold, yhat, strict=True) if g.get("confidence") == conf]
        if sub:
            right = sum(p == g["archetype"] for g, p in sub)
            by_conf.append(f"{conf} {right}/{len(sub)}")
    print(f"{name:28s} accuracy {rep['accuracy']:.3f}  macro-F1 {rep['macro_f1']:.3f}  "
          f"kappa {cohen_kappa_score(y, yhat):.3f}  | by gold confidence: {', '.join(by_conf)}  | "
          f"disagreements {wrong}, of which an alt label covers {covered}")


def main(argv: list[str] | None = None) -> int:
    """Score the second reader and the cross-validated model on the same postings."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reader", type=Path, default=ROOT / "labels/agreement/dev-second-reader.jsonl")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--labels", type=Path, default=ROOT / "labels")
    args = ap.parse_args(argv)
    reader = {r["id"]: r for r in read_objects(args.reader)}
    data = load_training_data(args.shared, args.labels)
    gold = [e.gold for e in data.dev if e.id in reader]
    print(f"{len(gold)} dev postings read twice (gold + second reader)")
    score("second reader vs gold", {i: r["archetype"] for i, r in reader.items()},
          {i: r.get("archetype_alt") for i, r in reader.items()}, gold)
    model: dict[str, str] = {}
    for fold, m in cross_val_models(data.dev, data.extra):
        for i in fold:
            if data.dev[i].id in reader:
                probs, _ = m.predict(data.dev[i].feats, evidence=0)
                model[data.dev[i].id] = max(probs, key=probs.__getitem__)
    score("classifier (5-fold CV) vs gold", model, {}, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
