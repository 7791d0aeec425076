"""The archetype classifier: packaged artefact, probabilities, evidence offsets."""

from __future__ import annotations

import math

import numpy as np

from mljobs.enrich import ARCHETYPES, ArchetypeModel, analyse, classify_text

RESEARCH = (
    "Research Scientist",
    "You will invent novel methods for language modelling and publish at NeurIPS, ICML and "
    "ACL. PhD in machine learning required. Drive our research agenda with peer-reviewed papers.",
)
ANALYTICS = (
    "Data Analyst",
    "Build dashboards in Tableau, write SQL, run A/B tests and present insights to business "
    "stakeholders. Advanced Excel.",
)


def test_packaged_model_loads_without_pickle() -> None:
    model = ArchetypeModel.load()
    assert model.classes_ == list(ARCHETYPES)
    assert model.coef_.shape == (len(ARCHETYPES), len(model.features_))
    assert model.temperature_ > 0


def test_probabilities_cover_all_archetypes_and_sum_to_one() -> None:
    probs = classify_text(*RESEARCH)
    assert set(probs) == set(ARCHETYPES)
    assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-9)
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_clear_cases_rank_sensibly() -> None:
    research = classify_text(*RESEARCH)
    analytics = classify_text(*ANALYTICS)
    assert research["research-scientist"] > analytics["research-scientist"]
    assert analytics["data-scientist-analytics"] > research["data-scientist-analytics"]


def test_evidence_offsets_point_at_the_phrase() -> None:
    title, text = RESEARCH
    enr = analyse(title, text)
    assert enr.evidence
    for ev in enr.evidence:
        assert ev.start is not None and ev.end is not None
        assert text[ev.start:ev.end] == ev.phrase
        assert ev.archetype == enr.archetype
        assert ev.weight > 0


def test_save_and_load_round_trip(tmp_path) -> None:
    model = ArchetypeModel.load()
    path = tmp_path / "m.npz"
    model.save(path)
    again = ArchetypeModel.load(path)
    assert again.features_ == model.features_
    np.testing.assert_allclose(again.coef_, model.coef_, rtol=1e-6)
