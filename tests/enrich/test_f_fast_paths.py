"""Fast paths of session 6 (helper F) against the plain forms they replace."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets, lowered

_YEAR_PIECES = ["year", "years", "yr", "yrs", "y", "s", "Years", "YR", "ears", "yyear", "ſ", "İ", " ",
                "\n", "3", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_YEAR_PIECES), max_size=20).map("".join))
def test_year_words_from_the_hits_are_the_year_word_matches(text: str) -> None:
    low = text.lower()
    assert sorted(facets._year_words(low)) == [m.span() for m in facets._YEAR_WORD.finditer(low)]


def test_onsite_gate_lets_the_headquarters_form_through() -> None:
    # (its only onsite evidence is "work at our headquarters", which holds no other gate word)
    text = "You will work at our headquarters. Hybrid cloud experience needed."
    assert facets._ONSITE.search(text.lower()) is not None
    assert facets.remote("Engineer", text) == "onsite"


_LARGE_PIECES = ["fortune", "Fortune 500", " 1000", " 100", "nyse", "NYSE1", "nasdaq", "nasdaqs", "xnyse",
                 "publicly", "publicly traded", "-traded", "traded", "employees", "10,000+ employees",
                 "12", "345", ",", "+", " ", "\n", "-", "startup", "people", "x" * 30, "é", "ſ"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LARGE_PIECES), max_size=30).map("".join))
def test_large_searched_near_its_words_finds_what_the_windows_search_finds(text: str) -> None:
    low = text.lower()
    windows = facets._windows(low, facets._STAGE_GATE, 40, found=lowered.scan(low))
    assert facets._large_near(low, lowered.scan(low)) == (facets._LARGE.search(windows) is not None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*facets._LEVEL_GATE, "x", " ", "co", "op", "-", "new", " grad", "s"]),
                max_size=8).map("".join))
def test_level_gate_search_is_the_substring_tests(s: str) -> None:
    assert (facets._LEVEL_GATE_RE.search(s) is not None) == any(w in s for w in facets._LEVEL_GATE)
