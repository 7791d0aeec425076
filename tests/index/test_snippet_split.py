"""The snippet matcher's fast path (one regex per query word, ``base._word_patterns(...).split``)
finds exactly what the one alternation regex finds: the same marks, the same excerpt, on
generated texts full of near-misses (words inside words, single letters, ``c++``/``c#``,
accents, underscores, "İ") and on real corpus-like text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.index import base
from mljobs.index.tantivy_engine import stem

PIECES = ["data", "databases", "bigdata", "a", "b", "ab", "a/b", "testing", "tests", "c",
          "c++", "c#", "learning", "learned", "machine", "machines", "_data", "data_",
          "Daten", "Zürich", "zurich", "résumé", "resume", "İ", "ß", "scientist", "science",
          "scientific", "prior", "prioritize", "1", "10x", " ", " ", ", ", ".\n", "-", "…"]
WORDS = ["data", "a", "b", "testing", "learning", "machine", "scientist", "prior", "zurich",
         "résumé", "10x", "c", "resume"]


@pytest.fixture
def one_regex(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The matcher with the fast path off (every query through the one regex)."""
    base._word_patterns.cache_clear()
    monkeypatch.setattr(base, "_SPLIT_MAX", -1)
    yield
    base._word_patterns.cache_clear()


def _both(text: str, words: list[str]) -> tuple[list[object], str, list[object], str]:
    base._word_patterns.cache_clear()
    fast = (base._matches(text, words, stem), base.make_snippet(text, words, 220, stem))
    saved, base._SPLIT_MAX = base._SPLIT_MAX, -1
    base._word_patterns.cache_clear()
    try:
        slow = (base._matches(text, words, stem), base.make_snippet(text, words, 220, stem))
    finally:
        base._SPLIT_MAX = saved
        base._word_patterns.cache_clear()
    return fast[0], fast[1], slow[0], slow[1]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(PIECES), max_size=200).map("".join),
       words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=5))
def test_the_fast_path_finds_what_the_one_regex_finds(text: str, words: list[str]) -> None:
    fast_matches, fast_snippet, slow_matches, slow_snippet = _both(text, words)
    assert fast_matches == slow_matches
    assert fast_snippet == slow_snippet


def test_the_fast_path_is_taken_for_plain_words_only() -> None:
    assert base._word_patterns(("data", "scientist"), stem).split is not None
    assert base._word_patterns(("a", "b", "testing"), stem).split is not None
    assert base._word_patterns(("c++", "cuda"), stem).split is None  # a symbol: the one regex
    assert base._word_patterns(tuple(f"w{n}x" for n in range(40)), stem).split is None


def test_a_long_real_text(one_regex: None) -> None:
    text = ("Data scientists and a data engineer (A/B testing, databases, C++ and C#) in "
            "Zürich; résumé to jobs@example.org. " * 300)
    words = ["data", "a", "b", "testing", "zurich"]
    slow = base._matches(text, words, stem), base.make_snippet(text, words, 220, stem)
    base._SPLIT_MAX = 8
    base._word_patterns.cache_clear()
    fast = base._matches(text, words, stem), base.make_snippet(text, words, 220, stem)
    assert fast == slow
    assert "<mark>Data</mark> scientists and <mark>a</mark> <mark>data</mark>" in fast[1]
