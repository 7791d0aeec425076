"""The level in a match's sentence says what differs. A posting that asks no experience
(``years_min`` 0: a new graduates' "0-2 years", "new grads welcome") asks for no years, so a
resume that lists none is not told "it asks for 0+ years (none listed)", which the show
command and the posting page say as "none asked (0 years)"; the level note names what does
differ, the role's level."""

from __future__ import annotations

from datetime import UTC, datetime

from mljobs.match import MatchIndex, rank
from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.profile import build_profile

NOW = datetime(2026, 6, 1, tzinfo=UTC)
RESUME = """Jane Doe

Summary
Machine learning engineer building NLP and recommendation systems.

Skills
Python, PyTorch, Kubernetes, Spark, transformers, deep learning
"""


def _intern(pid: str, years_min: int | None) -> Posting:
    return Posting(
        id=pid, source="file", source_id=pid, title="Machine Learning Intern", company="Acme",
        description_text="New grads welcome: 0-2 years of experience with PyTorch.",
        posted_at=datetime(2026, 5, 1, tzinfo=UTC),
        enrichment=Enrichment(version="t", archetype="research-engineer", seniority="intern",
                              years_min=years_min,
                              skills=[SkillMention(name="pytorch", surface="PyTorch",
                                                   required=True)]))


def test_a_posting_that_asks_no_years_is_not_said_to_ask_0_plus_years() -> None:
    me = build_profile(RESUME, now=NOW)
    assert me.years is None  # (no dated role: the resume lists no years)
    postings = [_intern("file:none", 0), _intern("file:two", 2)]
    by_id = {m.id: m for m in rank(me, MatchIndex.build([(p.id, p) for p in postings]),
                                   limit=5)}
    none_asked = by_id["file:none"]
    assert none_asked.breakdown["level"] < 0.7  # (the level is said: it differs)
    assert "0+ years" not in none_asked.explanation
    assert none_asked.explanation.endswith("; it is an intern role and you read as unknown.")
    # years asked are still said to a resume that lists none
    assert by_id["file:two"].explanation.endswith("; it asks for 2+ years (none listed).")
