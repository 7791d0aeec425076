"""The skill categories the archetype model reads for a role with other roles' spans come
from ``pipeline._categories``, a pass over the matches that builds no rows: the same
categories, in the same order, as the rows ``_rows`` builds over the whole text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import pipeline
from mljobs.enrich.sections import SectionMap

# Skills of several categories (field ones among them, which a group name after them
# drops), group names, section headings and "a plus" lines (which change the rows'
# ``required``, not their categories), and separators.
_PIECES = ["Python", "machine learning", "Machine Learning", "Data Science", "data science",
           "NLP", "computer vision", "PyTorch", "SQL", "Spark", "AWS", "statistics", "R",
           " team", " teams", " department", " engineers", " & Analytics team", " org",
           "Requirements:\n", "Nice to have:\n", "Bonus:\n", " is a plus", " preferred",
           ", ", ". ", " and ", " our ", "\n", "\n- ", " with "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_categories_are_those_of_the_whole_text_rows(text: str) -> None:
    found = pipeline._skill_matches(text)
    rows = pipeline._rows(text, SectionMap(text), found)
    assert pipeline._categories(text, found) == [r["category"] or "" for r in rows]


def test_a_field_named_as_a_group_gives_its_category_at_its_next_mention() -> None:
    text = "Our Machine Learning team uses Python; you know machine learning. MLOps engineers."
    found = pipeline._skill_matches(text)
    rows = pipeline._rows(text, SectionMap(text), found)
    # (the first "Machine Learning" names a group, and "MLOps engineers" too: the skill's
    # row is its second mention, after Python's, and MLOps has none)
    assert [(r["name"], r["start"]) for r in rows] == [
        ("Python", text.index("Python")), ("machine learning", text.index("machine learning"))]
    assert pipeline._categories(text, found) == [r["category"] or "" for r in rows]
