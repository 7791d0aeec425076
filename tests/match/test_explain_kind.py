"""The sentence of a match names the posting's archetype, then how it fits the person: a
posting whose archetype is the resume's own best one is "your kind of role", however unsure
the posting's classifier was. The demo's Longshot Systems post (research-engineer 38%, the
rest spread over six archetypes) read "A research / ML engineer posting, a neighbouring kind
of role" for a resume read as research-engineer 93%: the part's 0.59 was under the 0.6 of
"your kind"."""

from __future__ import annotations

from datetime import UTC, datetime

from mljobs.match import MatchIndex, rank
from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.profile import build_profile

NOW = datetime(2026, 6, 1, tzinfo=UTC)
RESUME = """Jane Doe

Summary
Machine learning engineer building NLP and recommendation systems.

Experience
Senior Machine Learning Engineer, Acme Ltd - Jan 2019 - Present
- Trained and deployed transformer models in PyTorch for search ranking; served on Kubernetes.
Machine Learning Engineer, Widgets plc - Jun 2016 - Dec 2018
- Fine-tuned deep learning models in PyTorch; feature pipelines in Spark.

Skills
Python, PyTorch, Kubernetes, Spark, transformers, deep learning
"""
SPREAD = {"research-engineer": 0.378, "research-scientist": 0.128, "applied-researcher": 0.121,
          "big-data-ml-engineer": 0.12, "ml-product-swe": 0.103, "data-scientist-ml": 0.072,
          "not-ml": 0.058, "data-scientist-analytics": 0.02}


def _posting(pid: str, archetype: str, proba: dict[str, float]) -> Posting:
    return Posting(
        id=pid, source="file", source_id=pid, title="Senior Machine Learning Engineer",
        company="Longshot", description_text="We are hiring machine learning engineers.",
        posted_at=datetime(2026, 5, 1, tzinfo=UTC),
        enrichment=Enrichment(version="t", archetype=archetype, archetype_proba=proba,
                              skills=[SkillMention(name="machine learning",
                                                   surface="machine learning",
                                                   required=True)]))


def test_a_posting_of_the_resumes_own_archetype_is_its_kind_of_role() -> None:
    me = build_profile(RESUME, now=NOW)
    assert me.best_archetype == "research-engineer"
    unsure = _posting("file:unsure", "research-engineer", SPREAD)
    other = _posting("file:scientist", "research-scientist",
                     {"research-scientist": 0.9, "research-engineer": 0.05, "not-ml": 0.05})
    by_id = {m.id: m for m in rank(me, MatchIndex.build([(p.id, p) for p in (unsure, other)]),
                                   limit=5)}
    assert by_id["file:unsure"].breakdown["archetype"] < 0.6  # the case: an unsure posting
    assert by_id["file:unsure"].explanation.startswith(
        "A research / ML engineer posting, your kind of role: ")
    # another archetype keeps the part's wording
    assert "your kind of role" not in by_id["file:scientist"].explanation
