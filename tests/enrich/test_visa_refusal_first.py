"""``facets._VISA_NO``'s lookahead of first letters (``_VISA_NO_FIRST``) against its forms."""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets


def _firsts(items: list[tuple[Any, Any]]) -> set[str]:
    """The characters a match of the parsed ``items`` can start with (zero-width assertions
    at the front passed over); fails on a form it cannot read, so that a new form is looked at."""
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # (zero width: the next item starts the match)
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.BRANCH:
            return set().union(*(_firsts(list(branch)) for branch in av[1]))
        if op is c.SUBPATTERN:
            return _firsts(list(av[3]))
        raise AssertionError(f"a refusal form starts with {op}: add its letters by hand")
    raise AssertionError("a refusal form can be empty")


def test_every_refusal_form_starts_with_a_first_letter() -> None:
    assert _firsts(list(_parser.parse(facets._VISA_NO_FORMS))) == set(facets._VISA_NO_FIRST)


_PIECES = st.sampled_from(["no ", "not ", "cannot ", "can't ", "without ", "with or ", "visa",
                           "sponsorship", "sponsor", "h-1b", "work permit", "immigration",
                           " status", "citizen", "citizenship/visa only", "us ", "u.s. ",
                           "required", "requires ", "must be ", "authorized ", "to work",
                           "security clearance", "top secret ", "ts/sci ", "only open to ",
                           "citizens", "is not ", "available", ": ", "? ", "none", " ", ".",
                           "\n", "-", "in the future ", "need ", "employment auth", "x", "é"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join), st.data())
def test_the_lookahead_finds_what_the_forms_find(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    bare = re.compile(facets._VISA_NO_FORMS).search(text, pos)
    got = facets._VISA_NO.search(text, pos)
    assert (got and (got.span(), got[0])) == (bare and (bare.span(), bare[0]))


def test_a_refusal_and_an_offer() -> None:
    assert facets.visa("We are unable to sponsor visas for this role.") == "not-offered"
    assert facets.visa("We sponsor visas for the right person.") == "offered"
