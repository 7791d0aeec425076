"""How many mentions make a specialisation stand out (facets.MIN_MENTIONS)."""

from __future__ import annotations

from mljobs.enrich.facets import MIN_MENTIONS, SPECIALISATION_TERMS, STRONG_TERMS, specialisations
from mljobs.enrich.features import featurize


def _spec(text: str, title: str = "Machine Learning Engineer") -> list[str]:
    feats = featurize(title, text)
    return specialisations(feats.title_counts, feats.text_counts, ml_role=True)


def test_every_threshold_names_a_specialisation() -> None:
    assert set(MIN_MENTIONS) <= set(SPECIALISATION_TERMS)
    assert all(n >= 1 for n in MIN_MENTIONS.values())
    assert all(set(terms) <= set(SPECIALISATION_TERMS[name]) for name, terms in STRONG_TERMS.items())


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


def test_one_mention_of_a_strong_term_stands_out() -> None:
    # a term that names the technology itself: once is enough
    assert _spec("You will ship an LLM assistant for our support team.") == ["llm-genai"]
    assert _spec("Build generative AI features into the product.") == ["llm-genai"]
    assert _spec("Own the recommender behind the home feed.") == ["recsys"]
    assert _spec("We are building the stack for running agents in production.") == ["llm-genai"]
    # a plural or a vendor said once is context, not the work
    assert _spec("Familiarity with OpenAI is a plus.") == []
    assert _spec("Turn analyses into recommendations for the business.") == []


def test_recommendations_as_advice_are_no_recommender() -> None:
    # 26th session: "recommendations" in the plural is nearly always advice to the business
    # (E.W. Scripps: "making recommendations", "recommendations and next steps", "final
    # recommendations to business leaders", beside one "collaborative filtering" in a list of
    # methods, read recsys): the plural is no recsys term
    scripps = ("Forming conclusions, and making recommendations that enable the company to innovate. "
               "Communicate conclusions along with recommendations and next steps. Present final "
               "recommendations to business leaders. Methods: regression, collaborative filtering.")
    assert _spec(scripps) == []
    # the recommender's own words still are, the singular once
    assert _spec("Build segmentation, recommendation and fraud detection systems.") == ["recsys"]
    assert _spec("Personalization of the feed: collaborative filtering, recommenders.") == ["recsys"]


def test_a_strong_term_ranks_by_its_weight() -> None:
    # one strong mention counts as many as its specialisation needs, so it ranks with them
    got = _spec("Build the LLM service. Forecasting demand; forecasting supply; time series models.")
    assert got == ["time-series", "llm-genai"]


def test_an_image_title_names_computer_vision() -> None:
    assert _spec("Analyse data.", title="Senior Data Scientist - Image Analytics") == ["computer-vision"]
