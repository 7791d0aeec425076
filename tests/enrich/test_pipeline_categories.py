"""The skill categories the archetype model reads for a role with other roles' spans come
from ``pipeline._categories``, a pass over the matches that builds no rows: the skills of the
rows ``_rows`` builds over the whole text, in the same order, plus only field and domain
words that ``_rows`` leaves out as the company's field ("Data Science our machine learning":
a company sentence that asks nothing), which the model reads and the skills do not."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mljobs.enrich import pipeline
from mljobs.enrich.sections import SectionMap
from mljobs.enrich.skills import DOMAIN_SKILLS, FIELD_SKILLS

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
@example("Data Science our machine learning")  # the company's field: read, no skill row
# (and its next mention is its row, after machine learning's: the rows go by where each
# row's mention stands, the first mentions by where each skill is first read)
@example("Data Science our machine learning\nData Science")
def test_categories_are_those_of_the_whole_text_rows(text: str) -> None:
    found = pipeline._skill_matches(text)
    rows = pipeline._rows(text, SectionMap(text), found)
    first = pipeline._first_mentions(text, found)
    assert pipeline._categories(text, found) == list(first.values())
    # the rows' skills, each once, with their categories
    rowed = [r["name"] for r in rows]
    assert len(set(rowed)) == len(rowed)
    assert sorted(name for name in first if name in rowed) == sorted(rowed)
    assert [first[r["name"]] for r in rows] == [r["category"] or "" for r in rows]
    # and besides them only field or domain words the rows leave out as no ask
    assert all(name in FIELD_SKILLS or name in DOMAIN_SKILLS
               for name in first if name not in rowed)


def test_a_field_named_as_a_group_gives_its_category_at_its_next_mention() -> None:
    text = "Our Machine Learning team uses Python; you know machine learning. MLOps engineers."
    found = pipeline._skill_matches(text)
    rows = pipeline._rows(text, SectionMap(text), found)
    # (the first "Machine Learning" names a group, and "MLOps engineers" too: the skill's
    # row is its second mention, after Python's, and MLOps has none)
    assert [(r["name"], r["start"]) for r in rows] == [
        ("Python", text.index("Python")), ("machine learning", text.index("machine learning"))]
    assert pipeline._categories(text, found) == [r["category"] or "" for r in rows]
