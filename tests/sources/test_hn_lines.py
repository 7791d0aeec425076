"""``hn_format.content_lines``: a post's non-blank lines, read lazily, as ``splitlines`` gives them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.sources import hn_format as hn
from mljobs.sources.hn_format import content_lines, first_line, text_places

# Every line boundary ``str.splitlines`` knows, "\r\n", white space that is none, and letters.
_PIECES = st.sampled_from(["\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85",
                           "\u2028", "\u2029", " ", "\t", "\xa0", "a", "Acme | Remote", "b c"])


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_content_lines_are_the_non_blank_lines_splitlines_gives(text: str) -> None:
    whole = [line.strip() for line in text.splitlines() if line.strip()]
    assert list(content_lines(text)) == whole
    assert first_line(text) == (whole[0] if whole else "")


def test_a_crlf_header_and_a_second_header_line() -> None:
    text = "\r\n  \r\nAcme | Engineer\r\nParis, France | Onsite\r\n\r\nWe build things."
    assert first_line(text) == "Acme | Engineer"
    assert list(content_lines(text))[:2] == ["Acme | Engineer", "Paris, France | Onsite"]
    assert text_places(text) == (["Paris, France"], "onsite")


def test_a_text_of_blank_lines_has_no_first_line() -> None:
    assert first_line(" \n\u2028\r\n\t") == ""
    assert list(content_lines("")) == []


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Location", "LOCATIONS", "locaTion", "Job ", "office ", ":",
                                 " ", "\n", "* ", "- ", "Berlin, Germany", "Remote", "İ", "ſ",
                                 "K", "loc", "ation", "é"]), max_size=10).map("".join))
def test_no_location_line_is_passed_over(text: str) -> None:
    """``text_places``' cheap test before ``_LOCATION_LINE``: a text it passes over holds no
    match (a form added to the regex without "location" fails here)."""
    if hn._LOCATION_LINE.search(text) is not None:
        assert hn._may_label_location(text)


def test_a_location_label_in_capitals_is_read() -> None:
    text = "Acme | Engineer\nWe build.\nJOB LOCATION: Berlin, Germany\n"
    assert hn._may_label_location(text)
    assert text_places(text)[0] == ["Berlin, Germany"]
    assert not hn._may_label_location("Acme | Engineer\nWe build in Berlin.")
