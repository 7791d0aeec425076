"""The ML-share rule (``enrich/ml_share.py``): each archetype's cases, the untempered
probabilities it reads, and the pipeline's ML share not depending on the model's
temperature."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mljobs.enrich import ARCHETYPES, ArchetypeModel, analyse
from mljobs.enrich.features import featurize
from mljobs.enrich.ml_share import ml_share, untempered

NAMES_ML = featurize("Engineer", "We use machine learning and AI models to rank results.")
NAMES_ML_ONCE = featurize("Engineer", "Our customers include an AI lab.")
NO_ML = featurize("Engineer", "Build REST services in Go and keep Postgres fast.")


def probs(**given_probs: float) -> dict[str, float]:
    """A probability for every archetype: the ones given, the rest shared evenly."""
    named = {k.replace("_", "-"): v for k, v in given_probs.items()}
    rest = (1.0 - sum(named.values())) / (len(ARCHETYPES) - len(named))
    return {a: named.get(a, rest) for a in ARCHETYPES}


def softmax(scores: list[float], temperature: float) -> dict[str, float]:
    top = max(scores)
    exps = [math.exp((s - top) / temperature) for s in scores]
    return {a: e / sum(exps) for a, e in zip(ARCHETYPES, exps, strict=True)}


@pytest.mark.parametrize("archetype", ["data-scientist-ml", "research-engineer",
                                       "applied-researcher", "research-scientist"])
def test_modelling_archetypes_are_core_whatever_the_text(archetype: str) -> None:
    assert ml_share(archetype, probs(not_ml=0.45), 1.0, NO_ML) == "core"


def test_analytics_is_supporting_unless_the_ml_data_scientist_is_close() -> None:
    assert ml_share("data-scientist-analytics", probs(data_scientist_analytics=0.8,
                                                      data_scientist_ml=0.1), 1.0, NAMES_ML) == "supporting"
    assert ml_share("data-scientist-analytics", probs(data_scientist_analytics=0.55,
                                                      data_scientist_ml=0.4), 1.0, NAMES_ML) == "core"


def test_software_engineer_is_supporting_unless_not_ml_is_close() -> None:
    assert ml_share("ml-product-swe", probs(ml_product_swe=0.85, not_ml=0.1), 1.0, NO_ML) == "supporting"
    assert ml_share("ml-product-swe", probs(ml_product_swe=0.5, not_ml=0.45), 1.0,
                    NAMES_ML) == "incidental"


def test_data_engineer_reads_the_ml_mentions_and_the_model() -> None:
    sure = probs(big_data_ml_engineer=0.9, not_ml=0.02)
    assert ml_share("big-data-ml-engineer", sure, 1.0, NO_ML) == "none"
    assert ml_share("big-data-ml-engineer", sure, 1.0, NAMES_ML_ONCE) == "incidental"
    assert ml_share("big-data-ml-engineer", sure, 1.0, NAMES_ML) == "supporting"
    unsure = probs(big_data_ml_engineer=0.6, not_ml=0.3)
    assert ml_share("big-data-ml-engineer", unsure, 1.0, NAMES_ML) == "incidental"


def test_not_ml_role_is_incidental_when_the_model_hesitates_or_the_text_names_ml() -> None:
    assert ml_share("not-ml", probs(not_ml=0.95), 1.0, NAMES_ML) == "none"
    assert ml_share("not-ml", probs(not_ml=0.6), 1.0, NAMES_ML_ONCE) == "incidental"
    assert ml_share("not-ml", probs(not_ml=0.6), 1.0, NO_ML) == "none"
    assert ml_share("not-ml", probs(not_ml=0.35), 1.0, NO_ML) == "incidental"


@given(st.lists(st.floats(-20, 20), min_size=len(ARCHETYPES), max_size=len(ARCHETYPES)),
       st.floats(0.3, 3.0))
def test_untempered_gives_the_probabilities_at_temperature_one(scores: list[float],
                                                                temperature: float) -> None:
    at_one = softmax(scores, 1.0)
    tempered = softmax(scores, temperature)
    for name in ("not-ml", "data-scientist-ml"):
        assert untempered(tempered, temperature, name) == pytest.approx(at_one[name], abs=1e-9)


def test_the_rule_reads_untempered_probabilities() -> None:
    # not-ml at 0.38 at temperature 1 is incidental; sharpened (T = 0.5) it reads 0.27,
    # and a rule on the tempered figure would say supporting
    scores = [0.5, -5.0, -5.0, -5.0, -5.0, -5.0, -5.0, 0.0]  # (swe first, not-ml last)
    assert ARCHETYPES[0] == "ml-product-swe" and ARCHETYPES[-1] == "not-ml"
    assert softmax(scores, 1.0)["not-ml"] > 0.3 > softmax(scores, 0.5)["not-ml"]
    assert ml_share("ml-product-swe", softmax(scores, 0.5), 0.5, NO_ML) == "incidental"
    assert ml_share("ml-product-swe", softmax(scores, 1.0), 1.0, NO_ML) == "incidental"


ROLES = [
    ("Senior Frontend Engineer",
     ("Build our React app for an AI-powered writing tool. TypeScript, CSS, accessibility. "
      "You will integrate our LLM features into the editor.")),
    ("Backend Engineer",
     "Design APIs in Go and Postgres for a payments company. We use AI coding assistants every day."),
    ("Data Engineer",
     ("Build Spark and Kafka pipelines, own Airflow DAGs and the feature store our machine "
      "learning models train from; work with the ML team on model serving.")),
    ("Data Analyst",
     ("SQL, Tableau dashboards, A/B tests and statistics for business decisions; some "
      "predictive modeling of churn.")),
    ("Office Manager", "Run the office, plan events, order supplies."),
]


@pytest.mark.parametrize("temperature", [0.5, 2.0])
def test_pipeline_ml_share_does_not_depend_on_the_model_temperature(temperature: float) -> None:
    shipped = ArchetypeModel.load()
    other = ArchetypeModel.load()
    other.temperature_ = temperature
    for title, text in ROLES:
        a, b = analyse(title, text, model=shipped), analyse(title, text, model=other)
        assert a.archetype == b.archetype
        assert a.archetype_proba != b.archetype_proba
        assert a.ml_share == b.ml_share
