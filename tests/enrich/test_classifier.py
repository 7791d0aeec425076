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


def test_title_features_normalise_seniority_and_wording() -> None:
    from mljobs.enrich.features import featurize

    senior = featurize("Senior Staff Machine Learning Platform Engineer II", "")
    plain = featurize("ML Platform Engineer", "")
    for feats in (senior, plain):
        assert feats.extra["f:th:engineer"] > 0
        assert feats.extra["f:thq:engineer:ml"] > 0
        assert feats.extra["f:thq:engineer:platform"] > 0
    # Seniority words never become title grams, so the bigram spans them.
    assert not any(k in senior.title_counts for k in ("t:senior", "t:staff", "t:ii"))
    assert senior.title_counts["t:learning platform"] == 1
    bare = featurize("Recruiter", "")
    assert bare.extra["f:th:other"] > 0 and bare.extra["f:thq:other:none"] > 0


def test_density_features_measure_share_of_text() -> None:
    from mljobs.enrich.features import featurize

    dense = featurize("Engineer", "Train machine learning models. Deep learning and ML research.")
    sparse = featurize("Engineer", "Train machine learning models. " + "Maintain the office building. " * 20)
    assert 0 < sparse.extra["f:dens:ml"] < dense.extra["f:dens:ml"] <= 1.0
    assert "f:dens:publish" not in dense.extra
    assert dense.n_words == 8  # "and" is a stop word
