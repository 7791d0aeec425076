"""Skill extraction: one-pass matching, offsets, ambiguous aliases, required flag."""

from __future__ import annotations

import pytest

from mljobs.enrich import SkillMatcher, SkillTaxonomy, extract_skills
from mljobs.enrich.skills import default_taxonomy, norm_key


def names(text: str) -> set[str]:
    return {s.name for s in extract_skills(text)}


def test_offsets_point_at_the_surface() -> None:
    text = "You know sklearn, PyTorch and k8s."
    for s in extract_skills(text):
        assert s.start is not None and s.end is not None
        assert text[s.start:s.end] == s.surface
    assert {"scikit-learn", "PyTorch", "Kubernetes"} <= names(text)


def test_spelling_variants_normalise() -> None:
    assert "scikit-learn" in names("Experience with scikit learn is required.")
    assert "scikit-learn" in names("Experience with Scikit-Learn is required.")


def test_longest_match_wins() -> None:
    found = {s.surface for s in extract_skills("We use Apache Spark and Spark MLlib daily.")}
    assert "Apache Spark" in found


@pytest.mark.parametrize(
    ("text", "skill", "present"),
    [
        ("Strong skills in R, Python and SQL for statistical analysis.", "R", True),
        ("Dr. R. Smith leads the R&D group.", "R", False),
        ("Backend services in Go, Python and gRPC on Kubernetes.", "Go", True),
        ("Ready to go live with customers? Let's go.", "Go", False),
        ("Large-scale data processing with Spark, Hadoop and Hive.", "Apache Spark", True),
        ("Our culture will spark your creativity.", "Apache Spark", False),
        ("Advanced Excel skills: pivot tables and VLOOKUP.", "Excel", True),
        ("We help teams excel at customer service.", "Excel", False),
        ("Online learning with VW (Vowpal Wabbit style) and logistic regression models.",
         "Vowpal Wabbit", True),
        ("Drive a VW to the office car park.", "Vowpal Wabbit", False),
        ("Embedded firmware in C and C++ on microcontrollers.", "C", True),
        ("Grade C candidates need not apply; see section C below.", "C", False),
    ],
)
def test_ambiguous_aliases_need_their_context(text: str, skill: str, present: bool) -> None:
    assert (skill in names(text)) is present


def test_required_versus_nice_to_have() -> None:
    text = "Requirements\n- Python and SQL\nNice to have\n- Scala\n"
    flags = {s.name: s.required for s in extract_skills(text)}
    assert flags["Python"] is True and flags["SQL"] is True
    assert flags["Scala"] is False


def test_each_skill_listed_once_with_first_surface() -> None:
    skills = extract_skills("python, Python, PYTHON")
    assert [s.name for s in skills] == ["Python"]
    assert skills[0].surface == "python"


def test_matcher_on_a_custom_taxonomy(tmp_path) -> None:
    path = tmp_path / "skills.json"
    path.write_text(
        '{"version": "t", "categories": {"tool": "x"}, "skills": ['
        '{"name": "Weka", "category": "tool", "aliases": ["WEKA toolkit"], "context": null}]}'
    )
    matcher = SkillMatcher(SkillTaxonomy.load(path))
    found = matcher.find("We used the WEKA toolkit, then Weka again.")
    assert [(m.name, m.surface) for m in found] == [("Weka", "WEKA toolkit"), ("Weka", "Weka")]


def test_packaged_taxonomy_keys_are_unique_per_skill() -> None:
    owners: dict[str, str] = {}
    for alias in default_taxonomy().aliases():
        key = norm_key(alias.form)
        assert owners.setdefault(key, alias.skill) == alias.skill, key
