"""The archetype classifier: packaged artefact, probabilities, evidence offsets, and
``predict_many`` (the pipeline's batch call) equal to ``predict`` bit for bit."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import ARCHETYPES, ArchetypeModel, analyse, classify_text
from mljobs.enrich.classifier import default_model
from mljobs.enrich.features import Featurized
from mljobs.enrich.pipeline import features_for, prepare_record
from mljobs.errors import EnrichError

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpus" / "postings.jsonl"

RESEARCH = (
    "Research Scientist",
    ("You will invent novel methods for language modelling and publish at NeurIPS, ICML and "
     "ACL. PhD in machine learning required. Drive our research agenda with peer-reviewed papers."),
)
ANALYTICS = (
    "Data Analyst",
    ("Build dashboards in Tableau, write SQL, run A/B tests and present insights to business "
     "stakeholders. Advanced Excel."),
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


def test_composite_titles_keep_the_role_segments() -> None:
    from mljobs.enrich.features import featurize, role_title

    assert role_title("Runway | ML Research Tooling & Data Platform Engineer | Remote US/EU/UK | "
                      "https://runwayml.com") == "ML Research Tooling & Data Platform Engineer"
    assert role_title("Acme | Data Scientist | Berlin | Data Engineer") == "Data Scientist | Data Engineer"
    # No role-like segment, or no segments at all: the title stays whole.
    assert role_title("Trace Labs | Remote (USA) | Full Time") == "Trace Labs | Remote (USA) | Full Time"
    assert role_title("Senior Data Scientist - Pricing") == "Senior Data Scientist - Pricing"
    feats = featurize("Berlin Widgets GmbH | Data Engineer | Berlin, Germany", "")
    assert "t:berlin" not in feats.title_counts and feats.title_counts["t:data engineer"] == 1


def test_role_and_cue_crosses() -> None:
    from mljobs.enrich.features import featurize

    text = "Build Spark and Kafka pipelines over petabytes. Run statistics on experiments."
    engineer = featurize("Data Engineer", text)
    analyst = featurize("Data Analyst", text)
    assert engineer.extra["f:x:engineer:bigdata"] == engineer.extra["f:dens:bigdata"] > 0
    assert "f:x:analyst:bigdata" not in engineer.extra
    assert analyst.extra["f:x:analyst:stats"] == analyst.extra["f:dens:stats"] > 0


def test_density_features_measure_share_of_text() -> None:
    from mljobs.enrich.features import featurize

    dense = featurize("Engineer", "Train machine learning models. Deep learning and ML research.")
    sparse = featurize("Engineer", "Train machine learning models. " + "Maintain the office building. " * 20)
    assert 0 < sparse.extra["f:dens:ml"] < dense.extra["f:dens:ml"] <= 1.0
    assert "f:dens:publish" not in dense.extra
    assert dense.n_words == 8  # "and" is a stop word


def test_fast_vector_equals_the_training_vectorisation() -> None:
    """Run time builds the vector from column arrays; training from ``features.vectorize``
    dicts. Both must give the same values, and so the same scores."""
    from mljobs.enrich.features import featurize, vectorize

    model = ArchetypeModel.load()
    texts = [RESEARCH, ANALYTICS, ("Senior Data Engineer", "Spark, Kafka and Kafka again; SQL. " * 5),
             ("Recruiter", ""), ("", "machine learning " * 40)]
    for title, text in texts:
        feats = featurize(title, text, ("language", "library", "library"))
        looked = model._lookup(feats)
        model._weigh(looked)  # (turns the counts in ``looked.vals`` into the values in place)
        fast = {model.features_[int(c)]: float(v)
                for c, v in zip(looked.cols, looked.vals, strict=True)}
        slow = {k: v for k, v in vectorize(feats, model.idf_).items() if k in model.index_}
        assert fast.keys() == slow.keys()
        for key, value in slow.items():
            assert math.isclose(fast[key], value, rel_tol=1e-6, abs_tol=1e-9), key


def test_every_phrase_the_rules_look_up_is_counted() -> None:
    """Descriptions count only the two-word phrases in ``features.PHRASES``; a two-word term
    that a rule looks up but is not there would silently never match."""
    from mljobs.enrich import facets
    from mljobs.enrich.features import CUE_TERMS, ML_TERMS, PHRASES, featurize

    looked_up = [*ML_TERMS, *(t for ts in CUE_TERMS.values() for t in ts),
                 *(t for ts in facets.SPECIALISATION_TERMS.values() for t in ts)]
    two_word = [t for t in looked_up if " " in t]
    assert two_word and all(t.count(" ") == 1 for t in two_word)
    assert set(two_word) <= PHRASES
    feats = featurize("Engineer", "Deep learning for computer vision; our data science team.")
    assert feats.text_counts["d:deep learning"] == 1 and feats.text_counts["d:computer vision"] == 1
    assert "d:science team" not in feats.text_counts  # not a phrase any rule uses


def test_words_keep_technical_tokens_whole() -> None:
    from mljobs.enrich.features import words

    assert words("Senior ML Engineer (C++, C#), A/B tests; Node.js & state-of-the-art. "
                 "Ph.D. 5+ years") == ["senior", "ml", "engineer", "c++", "c#", "a/b", "tests",
                                       "node.js", "state-of-the-art", "ph.d", "years"]
    assert words("You\u2019ve built it") == ["built"]  # "you've" is a stop word, as "you" is


def test_topic_loadings_on_other_than_description_terms_are_malformed(tmp_path) -> None:
    """``predict`` projects the description block through the same product as the scores,
    relying on only description terms having loadings; a model that gives a title or
    engineered feature loadings is refused instead of scored differently."""
    model = ArchetypeModel.load()
    assert model.lsa_ is not None
    path = tmp_path / "m.npz"
    model.save(path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["lsa_columns"][0] = model.index_["f:len"]
    bad = tmp_path / "bad.npz"
    np.savez(bad, **arrays)
    with pytest.raises(EnrichError, match="description terms"):
        ArchetypeModel.load(bad)


# ``predict_many`` (every posting's lookups first, then each posting's rows and products)
# gives what ``predict`` gives posting by posting: the same probabilities and evidence, bit
# for bit, in order. Checked on corpus postings and on drawn feature dicts, empty blocks and
# unknown keys included.

_MODEL = default_model()


def _bits(result: tuple[dict[str, float], list]) -> tuple:
    """A result with its floats as their bit patterns (NaN included)."""
    probs, evidence = result
    return ([(c, p.hex()) for c, p in probs.items()],
            [(e.feature, e.archetype, e.weight.hex(), e.start, e.end) for e in evidence])


def test_predict_many_equals_predict_on_corpus_postings() -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line, _ in zip(fh, range(150), strict=False)]
    feats = [features_for(p.title, p.text) for p in map(prepare_record, records)]
    for evidence in (8, 0, 50):
        many = _MODEL.predict_many(feats, evidence)
        assert [_bits(r) for r in many] == [_bits(_MODEL.predict(f, evidence)) for f in feats]


_WORDS = [k[2:] for k in sorted(_MODEL._text_index)[:300]] + ["zzunknown", "qqq nothing"]
_TITLE_KEYS = sorted(k for k in _MODEL._other_index if k.startswith("t:"))[:200] + ["t:zzunknown"]
_EXTRA_KEYS = sorted(k for k in _MODEL._other_index if k.startswith("f:"))[:100] + ["f:zzunknown"]
_COUNTS = st.integers(1, 6)
_FEATS = st.builds(
    lambda title, text, extra, order: Featurized(
        title_counts=title, text_counts={"d:" + w: n for w, n in text.items()}, extra=extra,
        # (a text holding the words, so that evidence finds offsets)
        text=". ".join(sorted(text, reverse=order))),
    st.dictionaries(st.sampled_from(_TITLE_KEYS), _COUNTS, max_size=6),
    st.dictionaries(st.sampled_from(_WORDS), _COUNTS, max_size=40),
    st.dictionaries(st.sampled_from(_EXTRA_KEYS), st.floats(0.01, 1.0), max_size=8),
    st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.lists(_FEATS, max_size=6))
def test_predict_many_equals_predict_on_drawn_features(feats: list[Featurized]) -> None:
    assert [_bits(r) for r in _MODEL.predict_many(feats)] == [
        _bits(_MODEL.predict(f)) for f in feats]


def test_a_plural_role_noun_is_the_titles_head() -> None:
    """"ML Engineers" and "Data Scientists" name the same roles as the singular titles: the
    same head and qualifier features, and the role's segment of a composite header is the
    one kept (before, no head at all, and the whole header was the title)."""
    from mljobs.enrich.features import featurize, role_title

    for plural, singular in (("ML Engineers", "ML Engineer"), ("Data Scientists", "Data Scientist"),
                             ("Founding Developers", "Founding Developer")):
        got = {k for k in featurize(plural, "").extra if k.startswith("f:th")}
        assert got == {k for k in featurize(singular, "").extra if k.startswith("f:th")}
        assert "f:th:none" not in got
    assert role_title("Foundry Robotics | Founding Engineers | Contract or Full-time | Remote | "
                      "London, UK") == "Founding Engineers"


def test_a_header_whose_role_has_no_title_word_gives_its_role() -> None:
    """A piped header whose role segment holds no head or qualifier word ("Technical
    Operations Lead", "CTO") gives the role the HN header reader finds, not the company, the
    place and the pay; a header with no role at all stays whole."""
    from mljobs.enrich.features import featurize, role_title

    header = "Acme Health | Technical Operations Lead | Miami, FL (ONSITE) | $90-150K + Equity"
    assert role_title(header) == "Technical Operations Lead"
    assert "t:miami" not in featurize(header, "").title_counts
    assert role_title("Parts Order | CTO | REMOTE (US/Canada + Europe)") == "CTO"
    assert role_title("Trace Labs | Remote (USA) | Full Time") == "Trace Labs | Remote (USA) | Full Time"


def test_the_company_segment_of_a_header_is_no_role_segment() -> None:
    """A header's company segment whose name holds a qualifier word ("Nimbus AI", "Quarry
    Data") is not kept as a role segment when the posting's company names it: the title
    features are the role's, not the company's "ai" or "data". A company named like a role
    ("Data Analyst", a header whose first segment is its role) stays; no company, as before."""
    from mljobs.enrich.features import featurize, role_title

    header = "Nimbus AI | Head of Developer Relations | REMOTE (US) | Full-time | $130k-$180k"
    assert role_title(header, "Nimbus AI") == "Head of Developer Relations"
    assert role_title(header) == "Nimbus AI | Head of Developer Relations"
    assert role_title("Lead iOS Engineer | Quarry Data | Austin, TX | ONSITE",
                      "quarry data ") == "Lead iOS Engineer"
    assert role_title("Data Analyst | Redistricting Hub | REMOTE",
                      "Data Analyst") == "Data Analyst"
    feats = featurize(header, "", company="Nimbus AI")
    assert "t:ai" not in feats.title_counts and feats.title_counts["t:developer relations"] == 1
    assert "t:ai" in featurize(header, "").title_counts


def test_a_dash_inside_a_titles_brackets_is_no_separator() -> None:
    """A qualifier's dash ("(Search – Ranking & Recommendations)") is part of the role's
    segment: before, the header was cut there and the qualifier's words were lost."""
    from mljobs.enrich.features import featurize, role_title

    header = ("Mosaic | Senior Software Engineer (Search – Ranking & Recommendations) | "
              "$170,000 – $300,000 base | Full-time | New York, NY (onsite)")
    assert role_title(header) == "Senior Software Engineer (Search – Ranking & Recommendations)"
    assert featurize(header, "").title_counts["t:recommendations"] == 1
    assert role_title("Acme | Data Engineer (Remote) – Berlin") == "Data Engineer (Remote)"
