"""How many mentions make a specialisation stand out (facets.MIN_MENTIONS)."""

from __future__ import annotations

from mljobs.enrich.facets import MIN_MENTIONS, SPECIALISATION_TERMS, specialisations
from mljobs.enrich.features import featurize


def _spec(text: str, title: str = "Machine Learning Engineer") -> list[str]:
    feats = featurize(title, text)
    return specialisations(feats.title_counts, feats.text_counts, ml_role=True)


def test_every_threshold_names_a_specialisation() -> None:
    assert set(MIN_MENTIONS) <= set(SPECIALISATION_TERMS)
    assert all(n >= 1 for n in MIN_MENTIONS.values())


def test_two_nlp_mentions_stand_out() -> None:
    assert _spec("You will build NLP models. Experience with NLP pipelines.") == ["nlp"]
    # one mention written out and abbreviated counts both terms
    assert _spec("Apply natural language processing (NLP) to support tickets.") == ["nlp"]
    assert _spec("Some NLP exposure is a plus.") == []


def test_two_llm_mentions_stand_out() -> None:
    assert _spec("Ship LLM features; evaluate LLMs in production.") == ["llm-genai"]
    assert _spec("Familiarity with LLMs.") == []


def test_other_specialisations_still_need_three() -> None:
    assert _spec("Forecasting demand; forecasting supply.") == []
    assert _spec("Forecasting demand; forecasting supply; time series models.") == ["time-series"]


def test_a_non_ml_role_gets_none() -> None:
    feats = featurize("Accountant", "NLP and NLP and LLMs and LLMs.")
    assert specialisations(feats.title_counts, feats.text_counts, ml_role=False) == []
