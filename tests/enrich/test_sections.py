"""Sections: headings split a description; nice-to-have is read per clause."""

from __future__ import annotations

from mljobs.enrich.sections import SectionMap, split_sections

TEXT = (
    "About us\nWe build search for lawyers.\n"
    "Responsibilities\n- Build ranking models\n"
    "Requirements:\n- 3+ years of Python\n"
    "Nice to have\n- Rust\n"
    "Benefits\n- Health insurance\n"
)


def test_headings_split_the_text_in_order() -> None:
    kinds = [s.kind for s in split_sections(TEXT)]
    assert kinds == ["about", "responsibilities", "requirements", "nice", "benefits"]


def test_sections_cover_the_text_without_gaps() -> None:
    sections = split_sections(TEXT)
    assert sections[0].start == 0 and sections[-1].end == len(TEXT)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:]))


def test_kind_at_and_is_nice() -> None:
    smap = SectionMap(TEXT)
    assert smap.kind_at(TEXT.index("Python")) == "requirements"
    assert smap.is_nice(TEXT.index("Rust"))
    assert not smap.is_nice(TEXT.index("Python"))


def test_inline_cue_marks_only_its_clause() -> None:
    text = "Bachelor's degree required. Master's degree preferred.\nKnowledge of Go is a plus."
    smap = SectionMap(text)
    assert not smap.is_nice(text.index("Bachelor"))
    assert smap.is_nice(text.index("Master"))
    assert smap.is_nice(text.index("Go"))


def test_cue_inside_an_unrelated_parenthesis_is_ignored() -> None:
    text = "PhD in immunology with 0-2 years of research experience (biotech experience preferred)."
    assert not SectionMap(text).is_nice(0, 3)


def test_preferred_qualifications_heading_is_nice_not_requirements() -> None:
    text = "Minimum qualifications\nSQL\nPreferred qualifications\nSpark\n"
    smap = SectionMap(text)
    assert smap.kind_at(text.index("SQL")) == "requirements"
    assert smap.kind_at(text.index("Spark")) == "nice"
