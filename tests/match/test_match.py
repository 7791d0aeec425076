"""Ranking, breakdowns, filters and gaps on a small enriched pool."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from mljobs.errors import ConfigError
from mljobs.match import (
    WEIGHTS,
    Filters,
    MatchIndex,
    archetype_affinity,
    counted_parts,
    gap_min_postings,
    rank,
    reading_notes,
    skill_gaps,
)
from mljobs.models import Enrichment, Posting, Remote, SkillMention, Status
from mljobs.profile import Profile, build_profile


def test_scores_are_0_to_100_best_first_with_full_breakdowns(
    profile: Profile, index: MatchIndex
) -> None:
    matches = rank(profile, index, limit=50)
    assert len(matches) == len(set(index.ids)) == 7
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)
    for m in matches:
        assert set(m.breakdown) == set(counted_parts(profile)) <= set(WEIGHTS)
        assert all(0.0 <= v <= 1.0 for v in m.breakdown.values())
        assert m.explanation.endswith(".") and m.explanation.count(".") >= 1


def test_the_analytics_role_is_first_and_non_ml_roles_last(
    profile: Profile, index: MatchIndex
) -> None:
    order = [m.id for m in rank(profile, index, limit=50)]
    assert order[0] == "t-ds-analytics"
    assert order.index("t-sales") > order.index("t-recsys-mle")


def test_matched_and_missing_skills(profile: Profile, index: MatchIndex) -> None:
    top = rank(profile, index, limit=1)[0]
    assert {"SQL", "Tableau", "A/B testing"} <= set(top.matched_skills)
    assert not set(top.matched_skills) & set(top.missing_skills)
    assert "your kind of role" in top.explanation
    data = top.to_json()
    assert {"id", "score", "breakdown", "matched_skills", "missing_skills",
            "explanation"} <= set(data)


def test_active_clearance_is_a_missing_core_requirement(
    profile: Profile, index: MatchIndex
) -> None:
    by_id = {m.id: m for m in rank(profile, index, limit=50)}
    cleared = by_id["t-clearance"]
    assert cleared.missing_skills[0] == "security clearance"
    # same kind of role and most skills, but the clearance halves the score
    assert cleared.score < by_id["t-ds-analytics"].score / 2


def test_level_and_degree_parts(profile: Profile, index: MatchIndex) -> None:
    by_id = {m.id: m for m in rank(profile, index, limit=50)}
    assert by_id["t-manager"].breakdown["level"] < 0.3  # 12+ years, director
    assert by_id["t-research"].breakdown["degree"] <= 0.1  # PhD required, masters held
    assert by_id["t-ds-analytics"].breakdown["degree"] == 1.0


def test_filters(profile: Profile, index: MatchIndex) -> None:
    only = rank(profile, index, filters=Filters(archetype="research-scientist", open_only=False))
    assert [m.id for m in only] == ["t-research"]
    remote = rank(profile, index, filters=Filters(remote="remote", open_only=False))
    assert [m.id for m in remote] == ["t-recsys-mle"]


def _posting(pid: str, *, posted: datetime | None, status: Status = Status.OPEN,
             skills: tuple[str, ...] = ("SQL",), archetype: str = "data-scientist-analytics",
             first_seen: datetime | None = None, nice: tuple[str, ...] = ()) -> Posting:
    enr = Enrichment(version="t", archetype=archetype, archetype_proba={archetype: 1.0},
                     skills=[SkillMention(name=s, surface=s) for s in skills]
                     + [SkillMention(name=s, surface=s, required=False) for s in nice])
    return Posting(id=pid, source="t", source_id=pid, title="Data Scientist",
                   description_text="SQL dashboards", posted_at=posted, status=status,
                   first_seen=first_seen, enrichment=enr)


def test_since_and_open_filters(profile: Profile) -> None:
    old = datetime(2025, 1, 1, tzinfo=UTC)
    new = datetime(2026, 5, 1, tzinfo=UTC)
    index = MatchIndex.build([
        ("a", _posting("a", posted=old)), ("b", _posting("b", posted=new)),
        ("c", _posting("c", posted=new, status=Status.CLOSED)),
        # no post date, first seen recently (an archive imported lately): not "posted since"
        ("d", _posting("d", posted=None, first_seen=new)),
    ])
    assert {m.id for m in rank(profile, index, filters=Filters())} == {"a", "b", "d"}
    since = Filters(since=datetime(2026, 1, 1, tzinfo=UTC))
    assert [m.id for m in rank(profile, index, filters=since)] == ["b"]


def test_gaps_share_of_postings(profile: Profile) -> None:
    posted = datetime(2026, 5, 1, tzinfo=UTC)
    index = MatchIndex.build([
        ("a", _posting("a", posted=posted, skills=("SQL", "dbt", "Airflow"))),
        ("b", _posting("b", posted=posted, skills=("SQL", "dbt"))),
        ("c", _posting("c", posted=posted, skills=("Go",), archetype="ml-product-swe")),
        ("d", _posting("d", posted=posted, skills=("Airflow",), status=Status.CLOSED)),
    ])
    target, total, gaps = skill_gaps(profile, index)
    assert (target, total) == ("data-scientist-analytics", 2)
    # Airflow, asked by one of the two, is that posting's wish: no gap (see the next test)
    assert [(g.skill, g.share, g.postings) for g in gaps] == [("dbt", 1.0, 2)]
    # the one posting of a kind: what it requires is all the demand there is
    target, total, gaps = skill_gaps(profile, index, "ml-product-swe")
    assert (target, total, [g.skill for g in gaps]) == ("ml-product-swe", 1, ["Go"])


def test_a_gap_is_asked_for_by_two_postings_or_more(profile: Profile) -> None:
    # on a pool of six, skills that one posting asked for (17%, 1) filled the list after the
    # skills the kind of role asks for
    posted = datetime(2026, 5, 1, tzinfo=UTC)
    asks = [("dbt", "Airflow"), ("dbt", "Looker"), ("dbt", "Airflow"), ("dbt", "SAS"),
            ("dbt", "Stata"), ("dbt", "Julia")]
    index = MatchIndex.build([(f"p{i}", _posting(f"p{i}", posted=posted, skills=("SQL", *ask)))
                              for i, ask in enumerate(asks)])
    target, total, gaps = skill_gaps(profile, index)
    assert (target, total) == ("data-scientist-analytics", 6)
    assert [(g.skill, g.postings) for g in gaps] == [("dbt", 6), ("Airflow", 2)]
    assert gap_min_postings(6) == 2 and gap_min_postings(1) == 1 and gap_min_postings(0) == 1


def test_empty_index(profile: Profile) -> None:
    index = MatchIndex.build([])
    assert rank(profile, index) == []
    assert skill_gaps(profile, index)[1:] == (0, [])


def test_posting_without_enrichment_still_ranks_on_text(profile: Profile) -> None:
    bare = Posting(id="x", source="t", source_id="x", title="Data Scientist",
                   description_text="A/B tests, SQL and Tableau dashboards for stakeholders.")
    (only,) = rank(profile, MatchIndex.build([("x", bare)]))
    assert only.breakdown["text"] == pytest.approx(1.0)


def test_archetype_affinity_is_symmetric_with_unit_diagonal() -> None:
    mat = archetype_affinity()
    assert np.allclose(mat, mat.T) and np.allclose(np.diag(mat), 1.0)


def test_explanations_name_the_reason(profile: Profile, index: MatchIndex) -> None:
    by_id = {m.id: m for m in rank(profile, index, limit=50)}
    assert "not an ML/data role" in by_id["t-sales"].explanation
    assert "years (you have 5.1)" in by_id["t-manager"].explanation
    assert "it asks for a PhD (you list a master's degree)" in by_id["t-research"].explanation
    assert "missing security clearance" in by_id["t-clearance"].explanation


_ML_ENGINEER_RESUME = """Jane Doe
Machine Learning Engineer
jane@example.com

Experience
Senior NLP Engineer, Acme Corp, Jan 2021 - Present
- Built ranking services in Python and PyTorch, deployed with Docker
"""


def test_the_skills_a_resume_title_names_are_held() -> None:
    # In a posting "Machine Learning Engineer" names a role, not an ask; on a resume it
    # says what the person does: the skill is theirs, and no posting lists it as missing.
    me = build_profile(_ML_ENGINEER_RESUME, now=datetime(2026, 6, 1, tzinfo=UTC))
    assert {"machine learning", "natural language processing"} <= set(me.skills)
    assert {"Python", "PyTorch", "Docker"} <= set(me.skills)
    posted = datetime(2026, 5, 1, tzinfo=UTC)
    index = MatchIndex.build([("a", _posting("a", posted=posted, archetype="research-engineer",
                                             skills=("machine learning", "Python", "Go")))])
    (only,) = rank(me, index)
    assert only.missing_skills == ["Go"]
    assert only.matched_skills[:2] == ["machine learning", "Python"]


def test_a_title_without_skills_adds_none() -> None:
    text = "Sam Roe\nSoftware Engineer\n\nExperience\nSoftware Engineer, B Ltd, 2019 - 2023\n- Python services\n"
    me = build_profile(text, now=datetime(2026, 6, 1, tzinfo=UTC))
    assert me.skills == ["Python"]


def test_the_explanation_counts_and_names_the_same_skills() -> None:
    # "you have 1 of 3 required skills (Python and 1 more)" read as if two required skills
    # were held, when the second was a nice-to-have one: the parenthesis names what the
    # count counts, and the nice-to-have skills held are named apart
    me = build_profile(_ML_ENGINEER_RESUME, now=datetime(2026, 6, 1, tzinfo=UTC))
    posted = datetime(2026, 5, 1, tzinfo=UTC)
    both = _posting("a", posted=posted, archetype="research-engineer",
                    skills=("Python", "Go", "Rust"), nice=("PyTorch", "Docker"))
    only_nice = _posting("b", posted=posted, archetype="research-engineer",
                         skills=(), nice=("PyTorch",))
    by_id = {m.id: m for m in rank(me, MatchIndex.build([("a", both), ("b", only_nice)]))}
    sentence = by_id["a"].explanation
    assert "you have 1 of 3 required skills (Python) and 2 nice-to-have (PyTorch, Docker)" \
        in sentence
    assert "missing Go, Rust" in sentence
    assert "no required skills listed; you have 1 nice-to-have (PyTorch)" \
        in by_id["b"].explanation


_BARISTA = """Jordan Smith
Friendly and reliable team player

Summary
I am a hard-working person who enjoys helping customers and working with people.

Experience
Shift Supervisor, Corner Coffee Co.
Jan 2021 - Present
- Opened and closed the store, trained new staff, handled the cash drawer

Barista, Corner Coffee Co.
Jun 2018 - Dec 2020
- Made drinks and kept the counter clean
"""


def test_a_resume_with_no_ml_role_claims_no_kind_and_scores_low(
    profile: Profile, index: MatchIndex
) -> None:
    # renormalised without not-ml, a barista's archetypes were noise ("ML-aware software
    # engineer 56%") and a full-stack posting scored 68 as "your kind of role"
    me = build_profile(_BARISTA, now=datetime(2026, 6, 1, tzinfo=UTC))
    assert me.not_ml >= 0.5 and me.archetypes == {} and not me.kind_known
    assert me.to_json()["best_archetype"] is None
    matches = rank(me, index, limit=50)
    assert matches and all("kind of role" not in m.explanation for m in matches)
    assert max(m.score for m in matches) < 100 * (1 - me.not_ml)
    notes = reading_notes(me)
    assert len(notes) == 2 and "No skill mljobs knows" in notes[0]
    assert "reads as no ML/data or software role" in notes[1]
    with pytest.raises(ConfigError, match="Choose the archetype to learn for"):
        skill_gaps(me, index)
    assert skill_gaps(me, index, "data-scientist-analytics")[1] >= 1
    # an ML/data resume is read as one, its order and notes untouched
    assert profile.kind_known and profile.not_ml < 0.05 and reading_notes(profile) == []


_BACKEND = """Dana Kowalski
Senior Backend Engineer

Experience
Senior Backend Engineer, Payments Co — Jan 2020 – Present
- Built Go and Python microservices on Kubernetes; PostgreSQL, Kafka and Redis.
Software Engineer, Web Agency — Jun 2016 – Dec 2019
- React and TypeScript front ends, Node.js APIs on AWS, Terraform.

Skills
Go, Python, TypeScript, React, PostgreSQL, Kafka, Redis, Kubernetes, Docker, AWS
"""


def test_a_software_engineers_resume_keeps_its_kind_and_scores(index: MatchIndex) -> None:
    # it reads not-ml as the barista's does (a plain software role is not-ml in postings),
    # but it names many known skills and is who ML-aware engineering roles are for: the
    # off-field gate scaled its scores to about 1 in 100 and said no posting fit
    me = build_profile(_BACKEND, now=datetime(2026, 6, 1, tzinfo=UTC))
    assert me.not_ml >= 0.5 and len(me.skills) >= 3
    assert me.kind_known and me.best_archetype in ("ml-product-swe", "big-data-ml-engineer")
    assert reading_notes(me) == []
    matches = rank(me, index, limit=5)
    assert matches and max(m.score for m in matches) > 100 * (1 - me.not_ml)


def test_the_persons_name_is_not_part_of_the_text_match() -> None:
    # "Jack Spark" made postings about Apache Spark read closer to the resume's text
    posted = datetime(2026, 5, 1, tzinfo=UTC)
    spark = _posting("s", posted=posted)
    spark = spark.model_copy(update={"title": "Spark Engineer",
                                     "description_text": "Spark jobs, Spark streaming."})
    other = _posting("o", posted=posted)
    other = other.model_copy(update={"title": "Analyst",
                                     "description_text": "Dashboards for the sales team."})
    index = MatchIndex.build([("s", spark), ("o", other)])
    body = "\nData Analyst\n\nExperience\nData Analyst, Acme, 2019 - 2023\n- Dashboards\n"
    now = datetime(2026, 6, 1, tzinfo=UTC)
    texts = {name: {m.id: m.breakdown["text"]
                    for m in rank(build_profile(name + body, now=now), index)}
             for name in ("Jack Spark", "Jack Smith")}
    assert texts["Jack Spark"] == texts["Jack Smith"]
    assert texts["Jack Smith"]["s"] == 0.0


def test_the_remote_filter_takes_the_sources_value_before_the_texts(profile: Profile) -> None:
    """Before: matching read the text's remote first, search the source's (a Lever posting
    whose ``workplaceType`` is on-site and whose text says "remote-friendly" was onsite in
    search and remote in match). Now both: the source's value, the text's when it has none."""
    posted = datetime(2026, 5, 1, tzinfo=UTC)

    def said(pid: str, source: Remote, text: str) -> Posting:
        posting = _posting(pid, posted=posted)
        assert posting.enrichment is not None
        return posting.model_copy(update={
            "remote": source, "enrichment": posting.enrichment.model_copy(update={"remote": text})})

    index = MatchIndex.build([("a", said("a", Remote.ONSITE, "remote")),
                              ("b", said("b", Remote.UNKNOWN, "remote")),
                              ("c", said("c", Remote.REMOTE, "unknown"))])
    remote = rank(profile, index, filters=Filters(remote="remote", open_only=False))
    assert {m.id for m in remote} == {"b", "c"}
    onsite = rank(profile, index, filters=Filters(remote="onsite", open_only=False))
    assert [m.id for m in onsite] == ["a"]
