"""A query's plain words found side by side, in the order typed, rank first in both engines
(tantivy's PHRASE_BOOST, FTS5's phrase OR'd to the match), and match the same postings."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.index import SearchIndex, SearchQuery, fts5
from mljobs.index.query import SEPARATOR

FILLER = " ".join(["We ship models to production and care about clean data."] * 12)
POSTS = {
    # one word in the title (weighted x3), the other far down the text
    "apart": ("Analytical Systems Engineer",
              "Warehouse modelling and reporting. " + FILLER + " Some recommender work."),
    "together": ("Machine Learning Engineer", "You will build recommender systems. " + FILLER),
    "other": ("Data Engineer", "Pipelines and dashboards. " + FILLER),
}


@pytest.fixture
def index(posts_index: SearchIndex) -> SearchIndex:
    """An index in each engine over ``POSTS`` (tests/index/conftest.py)."""
    return posts_index


def _ranked(index: SearchIndex, text: str) -> list[str]:
    return [h.id.removeprefix("t:")
            for h in index.search(SearchQuery(text=text, limit=10, facets=())).hits]


def test_words_side_by_side_rank_first(index: SearchIndex) -> None:
    assert _ranked(index, "recommender systems") == ["together", "apart"]


def test_the_boost_matches_no_more_postings(index: SearchIndex) -> None:
    # the words in another order, with a filter or an exclusion: the same postings as each
    # word alone would allow
    assert sorted(_ranked(index, "systems recommender")) == ["apart", "together"]
    assert _ranked(index, "recommender systems -warehouse") == ["together"]
    assert _ranked(index, "recommender dashboards") == []
    assert _ranked(index, "recommender _") == []  # ("_" is no word: its clause finds nothing)
    result = index.search(SearchQuery(text="recommender systems", facets=("remote",)))
    assert result.total == 2
    assert "<mark>" in result.hits[0].snippet_html


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["recommender", "systems", "Systems", "build", "_", "a",
                                       "c++", "data", "pipelines", "zzz", "ship", "models",
                                       "\u19b0"]),
                      min_size=2, max_size=4))
def test_words_match_where_each_matches(index: SearchIndex, words: list[str]) -> None:
    # the side-by-side score never widens a query: its postings are those of every word
    def ids(text: str) -> set[str]:
        return {h.id for h in index.search(SearchQuery(text=text, limit=50, facets=())).hits}

    expected = set.intersection(*(ids(w) for w in words))
    assert ids(" ".join(words)) == expected


def test_a_word_fts5_reads_as_no_token_keeps_its_clause(index: SearchIndex) -> None:
    # "\u19b0" (a New Tai Lue vowel sign) is a letter to Python but no token to FTS5: the
    # side-by-side phrase of "recommender \u19b0" was "recommender" alone, OR'd to the
    # match, and found every posting with "recommender" (tantivy: none)
    assert _ranked(index, "recommender \u19b0") == []
    assert _ranked(index, "recommender systems \u19b0\u1cf2") == []


def test_no_token_lists_the_letters_fts5_reads_as_none() -> None:
    # every character Python calls a letter or digit that FTS5's tokenizer (as the index
    # makes it) reads as no token is in fts5.NO_TOKEN, and no other
    db = sqlite3.connect(":memory:")
    db.execute('CREATE VIRTUAL TABLE d USING fts5(t, tokenize="porter unicode61 separators '
               + "'" + SEPARATOR + "'" + '")')
    alnum = [cp for cp in range(0x80, 0x110000)
             if not 0xD800 <= cp < 0xE000 and chr(cp).isalnum()]
    db.executemany("INSERT INTO d(rowid, t) VALUES (?, ?)", [(cp, chr(cp)) for cp in alnum])
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(d, instance)")
    tokens = {row[0] for row in db.execute("SELECT doc FROM v")}
    db.close()
    assert {chr(cp) for cp in alnum if cp not in tokens} == fts5.NO_TOKEN
