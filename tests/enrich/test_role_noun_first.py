"""``roles._ROLE_NOUN_RE``'s lookahead of first letters (``_ROLE_NOUN_FIRST``) against the nouns."""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import roles


def _firsts(items: list[tuple[Any, Any]]) -> set[str]:
    """The characters (lower case) a match of the parsed ``items`` can start with, zero-width
    assertions at the front passed over; fails on a form it cannot read."""
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op in (c.LITERAL, c.LITERAL_IGNORE):
            return {chr(av).lower()}
        if op is c.BRANCH:
            return set().union(*(_firsts(list(branch)) for branch in av[1]))
        if op is c.SUBPATTERN:
            return _firsts(list(av[3]))
        raise AssertionError(f"a role noun starts with {op}: add its letters by hand")
    raise AssertionError("a role noun can be empty")


def test_every_role_noun_starts_with_a_first_letter() -> None:
    assert _firsts(list(_parser.parse(roles._ROLE_NOUN))) == set(roles._ROLE_NOUN_FIRST)


_PIECES = st.sampled_from(["Engineer", "ENGINEERS", "sre", "SRE", "Swe", "ML", "mle", "VP", "vps",
                           "Head of", "Staff", "staffing", "Lead", "lead", "Founding ", "Account Exec",
                           "chief of staff", "Partner", "Intern", "international", "ſre", "İntern",
                           "K", "ı", " ", "-", "/", "(", ")", "|", "a", "x", "Data ", "Writer", "é", "\n",
                           "ops", "ident", "ssociate", "Dev", "2"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_the_lookahead_finds_what_the_nouns_find(text: str) -> None:
    bare = re.compile(roles._ROLE_NOUN, re.IGNORECASE)
    assert [m.span() for m in roles._ROLE_NOUN_RE.finditer(text)] == [m.span() for m in bare.finditer(text)]
    assert (roles._ROLE_NOUN_RE.match(text) is None) == (bare.match(text) is None)
    assert (roles._ROLE_NOUN_RE.fullmatch(text) is None) == (bare.fullmatch(text) is None)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_the_lower_case_twin_finds_what_the_nouns_find(text: str) -> None:
    # (``_names_role_noun`` searches an ASCII title in lower case by ``_ROLE_NOUN_LOW_RE``)
    assert roles._names_role_noun(text) == (roles._ROLE_NOUN_RE.search(text) is not None)
    if text.isascii():
        twin = roles._ROLE_NOUN_LOW_RE.search(text.lower())
        first = roles._ROLE_NOUN_RE.search(text)
        assert (twin and twin.span()) == (first and first.span())


def test_the_lower_case_twin_over_each_noun_as_written() -> None:
    titles = ["Senior Software Engineer", "SRE", "Site Reliability Engineering", "Chief of Staff",
              "Head of Data", "VP Engineering", "vps", "Founding Engineer", "Account Executive",
              "Leadership", "MLE", "SWE II", "Machine Learning", "Data Scientist (Remote)",
              "international", "Staffing Partner", "Product Owner", "devops"]
    for title in titles:
        found = roles._ROLE_NOUN_RE.search(title) is not None
        assert roles._names_role_noun(title) == found, title
    assert not roles._names_role_noun("Machine Learning") and roles._names_role_noun("SRE")


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join), st.integers(0, 6))
def test_the_lower_case_twin_anywhere_finds_what_the_nouns_find(text: str, pos: int) -> None:
    # (``_noun_anywhere`` searches an ASCII line in lower case by ``_ROLE_NOUN_ANYWHERE_LOW``)
    got = roles._noun_anywhere(text, pos)
    want = roles._ROLE_NOUN_ANYWHERE.search(text, pos)
    assert (got and got.span()) == (want and want.span())
