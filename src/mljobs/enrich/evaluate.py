"""Scoring enrichment output against gold labels (``eval/LABELS.md`` rules).

``evaluate(pred, gold)`` returns archetype per-class precision/recall/F1,
accuracy, macro-F1 over the classes present in the gold set, the confusion
matrix, two secondary archetype figures (accuracy by the gold label's
``confidence``, and the share predicted as the gold class or its
``archetype_alt``, the class a careful reader could also defend), facet
accuracies (exact match, null equals null) and skill-set
precision/recall/F1 (a predicted skill matches a gold one when the canonical
names or the surface forms agree after case-folding and collapsing spaces,
hyphens and underscores), with the share of matched skills whose required /
nice-to-have flag agrees with the gold one. ``dev_report`` runs the whole pipeline on the dev
set with 5-fold cross-validation of the archetype model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mljobs.enrich.classifier import ARCHETYPES

FACETS = ("degree", "phd", "remote", "seniority", "years_min", "ml_share", "company_stage",
          "specialisation")
_SEP = re.compile(r"[\s\-_]+")


def skill_key(value: str) -> str:
    """Case-folded, with runs of spaces/hyphens/underscores collapsed to one space."""
    return _SEP.sub(" ", value.casefold()).strip()


def _skill_matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return (skill_key(p["name"]) == skill_key(g["name"])
            or skill_key(p["surface"]) == skill_key(g["surface"]))


def skill_counts(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> tuple[int, int, int]:
    """Skill-set counts for one posting.

    Returns:
        (predicted skills that match some gold skill, gold skills matched by some
        prediction, number of predicted skills); |gold| is ``len(gold)``.
    """
    tp_pred = sum(1 for p in pred if any(_skill_matches(p, g) for g in gold))
    tp_gold = sum(1 for g in gold if any(_skill_matches(p, g) for p in pred))
    return tp_pred, tp_gold, len(pred)


def required_counts(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """How often the required / nice-to-have flag is right, for one posting.

    Returns:
        (predicted skills that match a gold skill and carry its ``required`` flag, predicted
        skills that match a gold skill); each prediction is held to the first gold skill it
        matches.
    """
    same = matched = 0
    for p in pred:
        g = next((g for g in gold if _skill_matches(p, g)), None)
        if g is not None:
            matched += 1
            same += bool(p.get("required")) == bool(g.get("required"))
    return same, matched


def _prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _facet_equal(name: str, p: Any, g: Any) -> bool:
    if name == "specialisation":
        return sorted(p or []) == sorted(g or [])
    return bool(p == g)


def evaluate(pred: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Score predictions against gold labels, joined by ``id`` (see module docstring)."""
    by_id = {p["id"]: p for p in pred}
    pairs = [(by_id[g["id"]], g) for g in gold if g["id"] in by_id]
    y = [g["archetype"] for _, g in pairs]
    yhat = [p["archetype"] for p, _ in pairs]
    present = [c for c in ARCHETYPES if c in set(y)]
    per_class = {}
    for c in present:
        tp = sum(1 for a, b in zip(y, yhat, strict=True) if a == b == c)
        per_class[c] = {**_prf(tp, yhat.count(c), y.count(c)), "support": y.count(c)}
    confusion = {a: {b: 0 for b in ARCHETYPES} for a in ARCHETYPES}
    for a, b in zip(y, yhat, strict=True):
        confusion[a][b] += 1
    by_confidence: dict[str, dict[str, float]] = {}
    for level in ("high", "medium", "low"):
        hits = [a == b for a, b, (_, g) in zip(y, yhat, pairs, strict=True)
                if g.get("confidence") == level]
        if hits:
            by_confidence[level] = {"accuracy": sum(hits) / len(hits), "n": len(hits)}
    gold_or_alt = sum(b in (g["archetype"], g.get("archetype_alt"))
                      for b, (_, g) in zip(yhat, pairs, strict=True)) / max(1, len(pairs))
    facets = {f: sum(_facet_equal(f, p.get(f), g.get(f)) for p, g in pairs) / max(1, len(pairs))
              for f in FACETS}
    tp_p = tp_g = n_p = n_g = same = matched = 0
    for p, g in pairs:
        hit_p, hit_g, n_pred = skill_counts(p.get("skills", []), g.get("skills", []))
        tp_p, tp_g = tp_p + hit_p, tp_g + hit_g
        n_p, n_g = n_p + n_pred, n_g + len(g.get("skills", []))
        got = required_counts(p.get("skills", []), g.get("skills", []))
        same, matched = same + got[0], matched + got[1]
    prec = tp_p / n_p if n_p else 0.0
    rec = tp_g / n_g if n_g else 0.0
    skills = {"precision": prec, "recall": rec,
              "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
              "required_agreement": same / matched if matched else 0.0}
    return {
        "n": len(pairs),
        "archetype": {
            "accuracy": sum(a == b for a, b in zip(y, yhat, strict=True)) / max(1, len(pairs)),
            "macro_f1": sum(v["f1"] for v in per_class.values()) / max(1, len(per_class)),
            "per_class": per_class,
            "confusion": confusion,
            "by_confidence": by_confidence,
            "gold_or_alt_accuracy": gold_or_alt,
        },
        "facets": facets,
        "skills": skills,
    }


def dev_report(shared: Path, labels_dir: Path, k: int = 5) -> dict[str, Any]:
    """Run the pipeline on the dev set with k-fold CV of the archetype model, and score it.

    Each fold's model is trained on the other dev folds plus every extra label
    (``labels/batch*.jsonl``), except reposts of the fold's postings (see
    ``training.cross_val_models``); facets and skills come from the rules, which
    were not fitted to these labels.
    """
    from mljobs.enrich.pipeline import enrich_record
    from mljobs.enrich.training import cross_val_models, load_training_data

    data = load_training_data(shared, labels_dir)
    preds: list[dict[str, Any]] = [{} for _ in data.dev]
    for fold, model in cross_val_models(data.dev, data.extra, k):
        for i in fold:
            preds[i] = enrich_record(data.dev[i].record, model=model)
    report = evaluate(preds, [e.gold for e in data.dev])
    report["protocol"] = (f"{k}-fold cross-validation over {len(data.dev)} dev postings; each "
                          f"fold trained on the other folds + {len(data.extra)} extra labels, never on a "
                          "repost of one of the fold's postings")
    return report
