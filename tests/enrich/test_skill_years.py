"""The years a posting asks of one skill (``facets.skill_years``, ``Enrichment.skill_years``)."""

from __future__ import annotations

import pytest

from mljobs.enrich import analyse
from mljobs.enrich.facets import skill_years
from mljobs.enrich.pipeline import _skill_matches


def _read(text: str, most: bool = False) -> dict[str, int]:
    return skill_years(text, _skill_matches(text), most=most)


@pytest.mark.parametrize(("text", "asked"), [
    ("3+ years of experience with PyTorch", {"PyTorch": 3}),
    ("5 years of Python", {"Python": 5}),
    ("3-5 years of hands-on experience with SQL", {"SQL": 3}),
    ("2+ years programming in Scala, Java or Go", {"Scala": 2, "Java": 2, "Go": 2}),
    ("3+ years of development experience (Java, Python, R)", {"Java": 3, "Python": 3, "R": 3}),
    ("Five years of professional experience with Kubernetes", {"Kubernetes": 5}),
    ("SQL (3+ years) and Python (5 years)", {"SQL": 3, "Python": 5}),
])
def test_years_said_of_a_skill(text: str, asked: dict[str, int]) -> None:
    assert _read(text) == asked


@pytest.mark.parametrize("text", [
    "5 years of experience in a fast-paced team using Python",  # the skill is not what the years are of
    "Python, 5+ years of experience building services",  # the years of the work
    "Strong Python skills. 5+ years of experience.",
    "We were founded 10 years ago and write Python.",
    "Our stack is 10 years old: Python and Go.",
    "foundation models (1+ years experience, SF only)",  # a role's years in a bracket
    "a 4-year degree; Python",
])
def test_years_not_said_of_a_skill(text: str) -> None:
    assert _read(text) == {}


def test_a_posting_asks_the_least_and_a_resume_holds_the_most() -> None:
    text = "7 years of SQL, or 5 years of SQL with a master's degree"
    assert _read(text) == {"SQL": 5}
    assert _read(text, most=True) == {"SQL": 7}


def test_a_figure_does_not_reach_the_next_line() -> None:
    assert _read("Python - 5+ years\nSQL: 3 years") == {"Python": 5, "SQL": 3}


def test_the_enrichment_holds_the_years_of_the_roles_skills() -> None:
    text = ("We are hiring a Machine Learning Engineer.\n\nRequirements:\n"
            "- 5+ years of experience with Python\n- 3+ years of experience with PyTorch\n"
            "- Experience with Kubernetes\n")
    enrichment = analyse("Machine Learning Engineer", text)
    assert enrichment.skill_years == {"Python": 5, "PyTorch": 3}
    assert {"Python", "PyTorch", "Kubernetes"} <= {s.name for s in enrichment.skills}


def test_no_skill_years_in_a_posting_without_them() -> None:
    enrichment = analyse("Data Scientist", "You will use Python and SQL. 3+ years of experience.")
    assert enrichment.skill_years == {}
    assert enrichment.years_min == 3
