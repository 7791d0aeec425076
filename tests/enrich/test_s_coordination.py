"""``SkillMatcher.coordinated_all`` (``_modifier`` read from the right) against ``coordinated``
(the regex search) on every match, on texts that put any whitespace, punctuation or
conjunction right before a match, and matches at offsets 0, 1 and 2."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import skills

_PIECES = ["descriptive", "inferential", "statistics", "machine", "deep", "learning", "data",
           "science", "big", "and", "or", "&", "/", ",", "-", "brand", "color", "x", "é", " ",
           "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "(", "_", "Python", "AND"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_coordinated_all_agrees_with_coordinated_on_every_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    matcher = skills.default_matcher()
    found = matcher.find(text)
    plain = [c for c in (matcher.coordinated(text, m) for m in found if " " in m.surface) if c]
    assert matcher.coordinated_all(text, found) == plain


def test_a_modifier_before_spaces_and_a_conjunction_is_still_found() -> None:
    matcher = skills.default_matcher()
    for text in ("descriptive and inferential statistics", "descriptive &  inferential statistics",
                 "descriptive /\ninferential statistics", "descriptive or\u2003inferential statistics"):
        found = matcher.find(text)
        assert [c.surface for c in matcher.coordinated_all(text, found)] == ["descriptive"], text


def test_no_modifier_where_the_text_before_ends_otherwise() -> None:
    matcher = skills.default_matcher()
    for text in (" inferential statistics", "x inferential statistics", "(inferential statistics",
                 "brand, inferential statistics"):
        found = matcher.find(text)
        assert found and matcher.coordinated_all(text, found) == [], text
