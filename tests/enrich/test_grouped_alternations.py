"""Regexes whose alternatives were regrouped for speed find what their plain forms find.

Each pattern below was written as a plain alternation; its alternatives were then grouped
by what they start with (same order), so the engine tests a shared first character once.
The plain form is kept here, and every search, ``finditer`` and ``split`` must agree.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import roles

_PLAIN = {
    "roles._TITLE_END": (roles._TITLE_END,
                         r"\s[|–—]\s|\s-\s|:\s|\s\(|\s\[|:\*|\s(?:--+|[-–—=]+>|→)|(?<=\w)\((?=[$€£¥])"),
}

_PIECES = st.sampled_from([" ", "\t", "\n", "|", "–", "—", "-", "--", "=", ">", "→", ":", "*", "(", "[",
                           "$", "€", "£", "¥", "a", "Engineer", "x1", ".", "/", "é"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.integers(0, 4))
def test_grouped_forms_find_what_the_plain_forms_find(text: str, pos: int) -> None:
    for name, (grouped, plain_text) in _PLAIN.items():
        plain = re.compile(plain_text, grouped.flags)
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)], name
        g, p = grouped.search(text, pos), plain.search(text, pos)
        assert (g and g.span()) == (p and p.span()), name
        assert grouped.split(text) == plain.split(text), name


def test_the_title_ends_on_examples() -> None:
    # (each separator that ends a title, and an arrow's or a double dash's longer forms)
    for title, end in [("Staff Engineer | Remote", " | "), ("ML Engineer - NYC", " - "),
                       ("Engineer: Platform", ": "), ("Engineer (Remote)", " ("), ("Engineer [SF]", " ["),
                       ("Engineer:*", ":*"), ("Engineer --> apply", " --"), ("Engineer -> apply", " ->"), ("Engineer ==> x", " ==>"),
                       ("Engineer -- infra", " --"), ("Engineer → link", " →"), ("Researcher($120k)", "(")]:
        m = roles._TITLE_END.search(title)
        assert m is not None and m.group() == end, title
    assert roles._TITLE_END.search("Senior Full-Stack Engineer") is None
