"""Facets follow the eval/LABELS.md conventions."""

from __future__ import annotations

import pytest

from mljobs.enrich import facets
from mljobs.enrich.sections import SectionMap


def degree(text: str) -> tuple[str, str]:
    return facets.degree_and_phd(text, SectionMap(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bachelor's degree in Computer Science required.", ("bachelor", "not-mentioned")),
        ("BS, MS or PhD in Statistics.", ("bachelor", "not-mentioned")),
        ("MS/PhD degree in a quantitative discipline.", ("masters", "preferred")),
        ("PhD degree in a quantitative discipline required.", ("phd", "required")),
        ("Bachelor's degree required. PhD preferred.", ("bachelor", "preferred")),
        ("Master's degree in Statistics; 3 years of experience.", ("masters", "not-mentioned")),
        ("Proficiency in MS Office and MS Excel.", ("none-stated", "not-mentioned")),
        (("BS or BA degree in Engineering. Allowable substitution: Associate's degree in "
          "Engineering."), ("none-stated", "not-mentioned")),
        ("We ship fast and value ownership.", ("none-stated", "not-mentioned")),
    ],
)
def test_degree_and_phd(text: str, expected: tuple[str, str]) -> None:
    assert degree(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5+ years of experience with Python.", 5),
        ("Experience: 3-5 years in data science.", 3),
        ("5 years with a BS, or 3 years of experience with an MS.", 3),
        ("Minimum of two years of professional experience.", 2),
        ("New grads welcome!", 0),
        ("Founded 12 years ago, we have 40 employees.", None),
        ("No number here.", None),
    ],
)
def test_years_min(text: str, expected: int | None) -> None:
    assert facets.years_min(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior Data Scientist", "senior"),
        ("Sr. Machine Learning Engineer", "senior"),
        ("Staff Software Engineer", "staff-plus"),
        ("Principal Scientist", "staff-plus"),
        ("Data Science Manager", "manager"),
        ("Head of Machine Learning", "manager"),
        ("Machine Learning Intern", "intern"),
        ("Junior Data Analyst", "junior"),
        ("Data Scientist II", "mid"),
        ("Data Scientist", "unknown"),
    ],
)
def test_seniority_from_title(title: str, expected: str) -> None:
    assert facets.seniority(title, "Some description with 10 years of experience.") == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Acme | ML Engineer | REMOTE (US)", "We build things.", "remote"),
        ("Data Scientist", "This is a fully remote position.", "remote"),
        ("Data Scientist", "Hybrid: 3 days a week in the office.", "hybrid"),
        ("Data Scientist", "This role is onsite in Boston.", "onsite"),
        ("Data Scientist", "Boston, MA.", "unknown"),
        ("Data Scientist", "We build remote sensing products. Office in Denver.", "unknown"),
        ("Data Scientist", "Enjoy our onsite gym.", "unknown"),
        # part of the week remote is hybrid, even after a header that says "remote"
        ("Acme | London, UK | Full-Time | ONSITE+PART REMOTE", "We build things.", "hybrid"),
        ("Sage | Engineering | Hybrid (2 days remote, 3 days in New York City)", "Apply.", "hybrid"),
        ("Data Scientist", "Position at our office in Palo Alto (no telecommuting).", "onsite"),
        ("Data Scientist", "Reside in the Washington D.C. area or able to relocate.", "onsite"),
        ("Data Scientist", "Live within a commutable distance of Herndon, VA.", "onsite"),
        ("Lab Scientist", "Perform clinical laboratory tests on specimens.", "onsite"),
        ("Dev | Seeking work", "Location: India\nWilling to relocate: No", "unknown"),
        # perks and ways of talking are no place of work
        ("Data Scientist", "Benefits: onsite flu shots, in-office gym.", "unknown"),
        ("Analyst", "Communicate via email, phone and in person.", "unknown"),
        ("Analyst", "Speaking in person or on telephone.", "unknown"),
        ("Findigs | Full-time | NYC | 3x/week in office (M,T, Th)", "We build.", "hybrid"),
        ("Yassi | Senior Fullstack Engineer | 3 days in-office Chicago", "We build.", "hybrid"),
        ("Analyst", "Stock options and the ability to work remote.", "remote"),
    ],
)
def test_remote(title: str, text: str, expected: str) -> None:
    assert facets.remote(title, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We sponsor visas and help with relocation.", "offered"),
        ("VISA sponsorship available.", "offered"),
        ("We are unable to sponsor visas for this role.", "not-offered"),
        ("Must be authorized to work in the US without sponsorship.", "not-offered"),
        ("Great team, great product.", "unknown"),
    ],
)
def test_visa(text: str, expected: str) -> None:
    assert facets.visa(text) == expected


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("We are a seed-stage startup (YC W24).", None, "startup"),
        ("A Fortune 500 company.", "51 to 200 employees", "large"),
        ("We make software.", "1001 to 5000 employees", "large"),
        ("We make software.", "201 to 500 employees", "mid-size"),
        ("We make software.", "1 to 50 employees", "startup"),
        ("We make software.", None, "unknown"),
    ],
)
def test_company_stage(text: str, size: str | None, expected: str) -> None:
    assert facets.company_stage(text, size) == expected


def test_specialisation_needs_an_ml_role_and_repeated_evidence() -> None:
    text = {"d:llm": 3, "d:rag": 1, "d:forecasting": 1}
    assert facets.specialisations({}, text, ml_role=True) == ["llm-genai"]
    assert facets.specialisations({}, text, ml_role=False) == []
    assert facets.specialisations({"t:nlp": 1}, {}, ml_role=True) == ["nlp"]
