"""Role segmentation on real Hacker News posts (tests/fixtures/enrich/hn_posts.jsonl)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import enrich_postings, enrich_record, roles, segment_roles
from mljobs.models import Posting

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "hn_posts.jsonl"


@pytest.fixture(scope="module")
def posts() -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, FIXTURE.read_text().splitlines())}


def posting(record: dict) -> Posting:
    p = Posting(id=f"hackernews:{record['id']}", source="hackernews", source_id=record["id"],
                title=record["title"], description_text=record["text"],
                first_seen=datetime(2026, 1, 1, tzinfo=UTC))
    return p.model_copy(update={"content_hash": p.compute_hash()})


def test_roles_with_descriptions_are_split(posts: dict[str, dict]) -> None:
    roles = segment_roles(posts["hn-46481959"]["text"])
    assert roles.is_multi
    titles = [b.title for b in roles.blocks]
    assert "Senior Full Stack Software Engineer" in titles
    assert "Senior AI Engineer" in titles


def test_bare_title_list_is_not_split(posts: dict[str, dict]) -> None:
    roles = segment_roles(posts["hn-46467063"]["text"])
    assert not roles.is_multi
    assert roles.titles[:2] == ["Senior Backend Engineer", "Software Engineer"]
    assert "Account Exec" in roles.titles


def test_enrich_postings_makes_one_child_per_role(posts: dict[str, dict]) -> None:
    parent = posting(posts["hn-46481959"])
    children = enrich_postings([parent])
    assert len(children) >= 3
    for n, child in enumerate(children, start=1):
        assert child.id == f"{parent.id}/r{n}"
        assert child.source_id == f"{parent.source_id}/r{n}"
        assert child.enrichment is not None
        assert child.title in child.description_text
        assert "Prompt Health is a fast-growing" in child.description_text  # shared text kept
    ai = [c for c in children if c.title == "Senior AI Engineer"]
    assert ai and ai[0].enrichment is not None and ai[0].enrichment.archetype != "not-ml"


def test_title_list_stays_one_posting_with_all_titles(posts: dict[str, dict]) -> None:
    out = enrich_postings([posting(posts["hn-46467063"])])
    assert len(out) == 1
    enr = out[0].enrichment
    assert enr is not None
    assert "Forward-Deployed Product Manager" in enr.model_dump()["roles"]


def test_enrich_record_labels_the_most_detailed_role(posts: dict[str, dict]) -> None:
    out = enrich_record(posts["hn-46481959"])
    assert out["id"] == "hn-46481959"
    assert out["role"] == "Senior AI Engineer"
    assert len(out["roles"]) == 5


def test_words_that_only_start_with_a_role_noun_are_not_roles() -> None:
    """"architecture", "international", "internal", "staffing" are not role lines."""
    text = (
        "Acme AI | Backend Engineer | Berlin | Full-time\n\n"
        "We build agents for logistics.\n\n"
        "Backend Engineer\n" + "You will own our Python services and the data model. " * 4 + "\n"
        "A say in the technical architecture from day one\n"
        "Design and maintain data pipelines and database architectures\n"
        "International team with visa sponsorship available\n"
        "Internal tools for our staffing desk\n"
    )
    roles = segment_roles(text)
    assert roles.titles == ["Backend Engineer"]
    assert not roles.is_multi


_TITLE_PIECES = ["ML Engineer", " | ", " – ", " - ", ": ", " (", "https://x.io/jobs", "http://a", " ", "-",
                 "•", "#", "Remote", "\t", "|", ":", "(", "HTTP://X"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=10).map("".join))
def test_clean_title_as_the_plain_sub_and_split(raw: str) -> None:
    title = re.sub(r"https?://\S+", "", raw)
    title = re.split(r"\s[|–—]\s|\s-\s|:\s|\s\(", title)[0]
    assert roles._clean_title(raw) == title.strip(" -*•:|#").strip()


def test_requirement_bullets_that_name_a_role_are_not_roles() -> None:
    """A requirement or duty bullet names a role without being one (seen in real posts)."""
    text = ("Acme | Engineering Manager | Remote, USA\nWe're hiring an Engineering Manager.\n"
            "You may be a fit if you have:\n* 2+ years as an Engineering Manager\n"
            "* Experience coaching engineers toward well-tested code\n"
            "* Collaborate closely with design, product, and backend engineers\n"
            "* Comfortable working with engineers on technical topics\n"
            "Open roles:\n- Senior Backend Engineer\n- Data Scientist\n")
    assert segment_roles(text).titles == ["Senior Backend Engineer", "Data Scientist"]
