"""A prefix (``das*``) finds the words that start with it as typed, in both engines. Both
indexes hold stemmed words, and a stemmer cuts a typed prefix too: FTS5's Porter reads
"das" as "da", "gas" as "ga", "pos" as "po", and tantivy's Snowball reads "aws" as "aw" and
"ops" as "op". Matched as the start of the indexed words, that cut prefix found every
"data" posting for ``das*`` (FTS5: 757 of the demo's 1,482 postings, tantivy 42) and
"award" and "away" for ``aws*`` (both engines). The stem of the prefix is still found as a
word of its own: ``engineer*`` finds what ``engineer`` does, ``company*`` "companies"."""

from __future__ import annotations

import string
from datetime import datetime

import pytest

from mljobs.index import ENGINES, SearchIndex, SearchQuery, open_index
from mljobs.index.fts5 import MAX_PREFIX_TOKENS
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

POSTS = {
    "dashboard": ("Analytics Engineer", "Own the dashboard, in Dask."),
    "data": ("Data Engineer", "Build data pipelines."),
    "aws": ("Cloud Engineer", "Run AWS and Terraform."),
    "award": ("Designer", "An award winning studio far away."),
    "ops": ("SRE", "Ops on call."),
    "open": ("Maintainer", "Open source operations."),
    "gas": ("Energy Analyst", "Gas markets."),
    "game": ("Game Developer", "Gameplay and a gateway."),
    "companies": ("Consultant", "Work with companies."),
    "analysis": ("Analyst", "Analysis and analytics."),
}


@pytest.fixture
def index(posts_index: SearchIndex) -> SearchIndex:
    """An index in each engine over ``POSTS`` (tests/index/conftest.py)."""
    return posts_index


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits}


@pytest.mark.parametrize(("typed", "found"), [
    ("das*", {"dashboard"}),
    ("dash*", {"dashboard"}),
    ("aws*", {"aws"}),
    ("ops*", {"ops"}),
    ("gas*", {"gas"}),
    ("title:gam*", {"game"}),
])
def test_a_prefix_finds_the_words_that_start_with_it_not_those_of_its_stem(
        index: SearchIndex, typed: str, found: set[str]) -> None:
    assert _ids(index, typed) == found


@pytest.mark.parametrize(("typed", "word"), [
    ("engineer*", "engineer"), ("company*", "company"), ("analys*", "analysis"),
    ("aws*", "aws"), ("ops*", "ops"), ("compan*", "companies")])
def test_a_prefix_finds_at_least_what_its_word_does(
        index: SearchIndex, typed: str, word: str) -> None:
    assert _ids(index, word) <= _ids(index, typed)
    assert _ids(index, word)


def test_the_words_the_stem_of_a_prefix_cuts_into_are_found(index: SearchIndex) -> None:
    # ("analy" is "anali" to Porter and Snowball: the words start with "analy" as typed)
    assert _ids(index, "analy*") == {"analysis", "gas", "dashboard"}
    assert _ids(index, "-das* -aws* engineer*") == {"data"}


def test_past_the_bound_fts5_still_finds_every_word_that_starts_with_it(
        store: SQLiteStore, now: datetime) -> None:
    # more indexed words start with "das" than MAX_PREFIX_TOKENS: FTS5 reads them as the
    # shortest starts Porter leaves as they are ("dasa"*, ...), fewer than the bound (it had
    # fallen back to its own prefix query, whose stem "da" found "data" too)
    words = [f"das{a}{b}" for a in string.ascii_lowercase for b in string.ascii_lowercase]
    words = words[: MAX_PREFIX_TOKENS + 20]
    store.upsert([normalize(RawPosting(source="t", source_id=w, title="Engineer", company="Acme",
                                       description_text=f"Work on {w} daily."))
                  for w in words], now=now)
    for engine in sorted(ENGINES):
        index = open_index(store, engine)
        try:
            assert index.search(SearchQuery(text="das*", limit=1)).total == len(words), engine
        finally:
            index.close()
