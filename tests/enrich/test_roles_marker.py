"""``roles._marker``'s cheap test (a marker's end) before its number regex: the same markers."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mljobs.enrich.roles import _MARKER, _marker

_PIECES = st.sampled_from(["1", "12", "\u0663", "\uff17", ".", ")", "[", "]", "(", "-", "*", "•",
                           "#", "...", " ", "\t", "\n", "a", "Engineer", "_", "²"])


@given(st.lists(_PIECES, max_size=12).map("".join), st.data())
def test_no_marker_keeps_a_number_the_regex_would_replace(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    m = _MARKER.match(text, start)
    assert m is not None
    assert _marker(text, pos) == re.sub(r"\d+", "0", m.group())


def test_numbered_and_bulleted_items() -> None:
    text = "Roles:\n  12. Data Engineer\n\t[3] ML Engineer\n - Analyst\n\u0663) Scientist"
    assert [_marker(text, text.find(w)) for w in ("Data", "ML", "Analyst", "Scientist")] == [
        "  0.", "\t[0]", " -", "0)"]
