"""Scoring rules of eval/LABELS.md, and the held-out guard of training."""

from __future__ import annotations

import pytest

from mljobs.enrich.evaluate import evaluate, required_counts, skill_counts, skill_key
from mljobs.enrich.training import load_examples
from mljobs.errors import InputError


def test_skill_key_collapses_case_spaces_hyphens_underscores() -> None:
    assert skill_key("Scikit-Learn") == skill_key("scikit learn") == skill_key("SCIKIT__learn")


def test_skill_matches_on_name_or_surface() -> None:
    pred = [{"name": "PyTorch", "surface": "pytorch"}, {"name": "A/B testing", "surface": "AB tests"},
            {"name": "Excel", "surface": "Excel"}]
    gold = [{"name": "pytorch", "surface": "Torch"}, {"name": "experimentation", "surface": "AB tests"}]
    assert skill_counts(pred, gold) == (2, 2, 3)


def test_required_flag_is_scored_on_matched_skills_only() -> None:
    """The flag of a skill the gold set lacks is not scored; a match is held to the first
    gold skill it matches."""
    pred = [{"name": "SQL", "surface": "SQL", "required": True},
            {"name": "Spark", "surface": "Spark", "required": True},
            {"name": "Docker", "surface": "Docker", "required": False}]
    gold = [{"name": "SQL", "surface": "sql", "required": True},
            {"name": "Apache Spark", "surface": "Spark", "required": False}]
    assert required_counts(pred, gold) == (1, 2)
    r = evaluate([{"id": "a", "archetype": "not-ml", "skills": pred}],
                 [{"id": "a", "archetype": "not-ml", "skills": gold}])
    assert r["skills"]["required_agreement"] == 0.5


def test_evaluate_archetype_facets_and_skills() -> None:
    gold = [
        {"id": "a", "archetype": "not-ml", "degree": "bachelor", "years_min": None,
         "specialisation": ["nlp"], "skills": [{"name": "SQL", "surface": "SQL"}]},
        {"id": "b", "archetype": "research-engineer", "degree": "phd", "years_min": 3,
         "specialisation": [], "skills": []},
    ]
    pred = [
        {"id": "a", "archetype": "not-ml", "degree": "bachelor", "years_min": None,
         "specialisation": ["nlp"], "skills": [{"name": "SQL", "surface": "sql"},
                                             {"name": "Python", "surface": "Python"}]},
        {"id": "b", "archetype": "not-ml", "degree": "masters", "years_min": 3,
         "specialisation": [], "skills": []},
    ]
    r = evaluate(pred, gold)
    assert r["n"] == 2
    assert r["archetype"]["accuracy"] == 0.5
    assert r["archetype"]["per_class"]["not-ml"]["precision"] == 0.5
    assert r["archetype"]["per_class"]["research-engineer"]["recall"] == 0.0
    assert r["archetype"]["macro_f1"] == pytest.approx((2 / 3 + 0.0) / 2)
    assert r["archetype"]["confusion"]["research-engineer"]["not-ml"] == 1
    assert r["facets"]["degree"] == 0.5
    assert r["facets"]["years_min"] == 1.0  # null equals null
    assert r["skills"]["precision"] == 0.5 and r["skills"]["recall"] == 1.0


def test_accuracy_by_confidence_and_gold_or_alt() -> None:
    gold = [
        {"id": "a", "archetype": "not-ml", "confidence": "high"},
        {"id": "b", "archetype": "data-scientist-ml", "archetype_alt": "data-scientist-analytics",
         "confidence": "low"},
        {"id": "c", "archetype": "research-engineer", "archetype_alt": None, "confidence": "low"},
        {"id": "d", "archetype": "research-scientist"},  # no confidence: counted only overall
    ]
    pred = [
        {"id": "a", "archetype": "not-ml"},
        {"id": "b", "archetype": "data-scientist-analytics"},  # the alt: wrong, but defensible
        {"id": "c", "archetype": "not-ml"},
        {"id": "d", "archetype": "research-scientist"},
    ]
    arch = evaluate(pred, gold)["archetype"]
    assert arch["accuracy"] == 0.5
    assert arch["by_confidence"] == {"high": {"accuracy": 1.0, "n": 1},
                                     "low": {"accuracy": 0.0, "n": 2}}
    assert arch["gold_or_alt_accuracy"] == 0.75


def test_training_refuses_held_out_ids() -> None:
    record = {"id": "hn-1", "source": "hackernews", "title": "ML Engineer", "text": "PyTorch."}
    label = {"id": "hn-1", "archetype": "research-engineer"}
    with pytest.raises(InputError, match="held-out"):
        load_examples([label], {"hn-1": record}, {"hn-1"})
    kept = load_examples([label], {"hn-1": record}, {"hn-1"}, allow_excluded=True)
    assert kept[0].trainable is False
