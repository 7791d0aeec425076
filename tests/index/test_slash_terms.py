"""Slash-joined terms ("a/b testing", "ci/cd", "c/c++", "tcp/ip", "pl/sql") are searched
as one term, the phrase of their words, in both engines, and marked as one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mljobs.index import ENGINES, SearchIndex, SearchQuery, open_index
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

POSTS = {
    "ab": ("Growth Analyst", "Run A/B testing on the checkout funnel."),
    "dash": ("Product Analyst", "Experience with A-B testing and experiment design."),
    "scatter": ("Data Analyst", "Plan A: build dashboards. Plan B: testing pipelines."),
    "cicd": ("Platform Engineer", "Own our CI/CD pipelines in GitHub Actions."),
    "ci_only": ("Build Engineer", "Keep CI green; CD players are not our thing."),
    "cpp": ("Systems Engineer", "Write C/C++ for embedded boards."),
    "c_and_cpp": ("Firmware Engineer", "C for drivers, and C++ tools elsewhere."),
    "net": ("Network Engineer", "Deep TCP/IP knowledge, PL/SQL a plus."),
    "sql": ("DBA", "SQL tuning; PL experience; IP law is not relevant."),
}


@pytest.fixture
def index(posts_index: SearchIndex) -> SearchIndex:
    """An index in each engine over ``POSTS`` (tests/index/conftest.py)."""
    return posts_index


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits}


def _snippet(index: SearchIndex, text: str, key: str) -> str:
    hits = index.search(SearchQuery(text=text, limit=50)).hits
    return next(h.snippet_html for h in hits if h.id == "t:" + key)


def test_a_slash_joined_term_matches_as_a_unit(index: SearchIndex) -> None:
    # (the words apart, "Plan A ... Plan B: testing", no longer match "a/b testing")
    assert _ids(index, "a/b testing") == {"ab", "dash"}
    assert _ids(index, "A/B") == {"ab", "dash"}
    assert _ids(index, "ci/cd") == {"cicd"}
    assert _ids(index, "tcp/ip") == {"net"}
    assert _ids(index, "pl/sql") == {"net"}
    # the words typed apart still find each word anywhere
    assert _ids(index, "a b testing") >= {"ab", "dash", "scatter"}
    assert _ids(index, "ci cd") == {"cicd", "ci_only"}


def test_a_slash_term_with_a_symbol_name(index: SearchIndex) -> None:
    assert _ids(index, "c/c++") == {"cpp"}
    assert _ids(index, "c c++") == {"cpp", "c_and_cpp"}


def test_a_slash_term_excluded_and_in_an_or_group(index: SearchIndex) -> None:
    assert _ids(index, "analyst -a/b") == {"scatter"}
    assert _ids(index, "ci/cd OR tcp/ip") == {"cicd", "net"}


def test_the_term_is_marked_as_one(index: SearchIndex) -> None:
    assert "<mark>A/B</mark> <mark>testing</mark>" in _snippet(index, "a/b testing", "ab")
    assert "<mark>A-B</mark>" in _snippet(index, "a/b testing", "dash")
    assert "<mark>CI/CD</mark>" in _snippet(index, "ci/cd", "cicd")
    assert "<mark>C/C++</mark>" in _snippet(index, "c/c++", "cpp")
    # a quoted phrase with a symbol name too (its words were marked one by one, the "c"
    # wherever a lone C stood)
    assert "<mark>C/C++ for</mark>" in _snippet(index, '"c c++ for"', "cpp")
    snippet = _snippet(index, "pl/sql", "net")
    assert "<mark>PL/SQL</mark>" in snippet and "<mark>TCP" not in snippet


def test_both_engines_find_the_same(store: SQLiteStore, now) -> None:
    store.upsert([normalize(RawPosting(source="t", source_id=key, title=title, company="Acme",
                                       description_text=text))
                  for key, (title, text) in POSTS.items()], now=now)
    engines = [open_index(store, name) for name in sorted(ENGINES)]
    try:
        for text in ("a/b testing", "ci/cd", "c/c++", "tcp/ip", "pl/sql", "-a/b", "a/b/c",
                     "c#/.net", "b/testing", "24/7", "/a/", "a//b", "ci/cd OR c/c++"):
            found = [_ids(idx, text) for idx in engines]
            assert found[0] == found[1], text
    finally:
        for idx in engines:
            idx.close()



@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[SearchIndex]]:
    """One store in a tmp folder and both engines' indexes of it (built once)."""
    store = SQLiteStore(tmp_path_factory.mktemp("slash") / "store.sqlite3")
    store.upsert([normalize(RawPosting(source="t", source_id=key, title=title, company="Acme",
                                       description_text=text))
                  for key, (title, text) in POSTS.items()],
                 now=datetime(2026, 6, 1, tzinfo=UTC))
    engines = [open_index(store, name) for name in sorted(ENGINES)]
    yield engines
    for idx in engines:
        idx.close()
    store.close()


# (" é" starts a word: glued to the end of one, the folded "e" meets the engines' stemmers,
# which differ there, FTS5's Porter reading "ipe" as "ip" and tantivy's Snowball not; this
# test is about the slash terms both engines parse alike)
@settings(max_examples=80, deadline=None)
@given(parts=st.lists(st.sampled_from(["a", "b", "A", "ci", "cd", "c", "c++", "c#", ".net",
                                       "testing", "tcp", "ip", "pl", "sql", "_", " é", "/",
                                       "//", " ", "-", "OR", '"']), max_size=12))
@example(parts=["a", "a", "a", "a", *["testing"] * 5, "c++", "a"])  # (a 40-letter token:
# tantivy searched "a" alone, FTS5 the whole word; tests/index/test_long_words.py)
def test_any_slash_query_finds_the_same_in_both_engines(both: list[SearchIndex],
                                                        parts: list[str]) -> None:
    text = "".join(parts)
    assert _ids(both[0], text) == _ids(both[1], text), text
