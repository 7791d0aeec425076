"""The title separator of ``features`` (one pattern that starts with a character class, so the
search skips to whitespace and pipes) splits every title where its plain form does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import features

_PLAIN_SEP = re.compile(r"\s+(?:--|–|—)\s+|\s*\|\s*")
_PIECES = ["Data", "ML", "Engineer", "a", "-", "--", "---", "\u2013", "\u2014", "|", "||", " ", "  ",
           "\t", "\n", "\u00a0", "\u2003", "x-y", "|-", "-|", "\u2013-"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join) | st.text(max_size=30))
def test_title_separator_splits_as_the_plain_pattern(title: str) -> None:
    assert features._TITLE_SEP.split(title) == _PLAIN_SEP.split(title)
    assert [m.span() for m in features._TITLE_SEP.finditer(title)] == [
        m.span() for m in _PLAIN_SEP.finditer(title)]
