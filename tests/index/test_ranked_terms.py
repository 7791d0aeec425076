"""A query of many words OR'd: FTS5 ranks each posting it finds on every word (bm25), so the
corpus's 232 most common short words OR'd (a 1,000-character query) took 5-7 s at 100,000
postings in FTS5 (tantivy: 0.1 s). Past ``fts5.MAX_RANKED_TERMS`` words and phrases in the
positive clauses the fts5 engine refuses the query at once, saying why and what to do; tantivy
answers it. Real indexes of both engines over a store in tmp_path, and the CLI."""

from __future__ import annotations

from datetime import datetime

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.errors import QueryError
from mljobs.index import SearchIndex, SearchQuery
from mljobs.index.fts5 import MAX_RANKED_TERMS
from mljobs.index.query import MAX_CLAUSES
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

# each posting holds one made-up word of its own ("wordaa", "wordab", ...), and "shared"
WORDS = [f"word{a}{b}" for a in "abcdefg" for b in "abcdefg"][:MAX_RANKED_TERMS + 8]
POSTS = {f"p{i}": (f"Engineer {i}", f"We need {word} and shared skills.")
         for i, word in enumerate(WORDS)}


def _total(index: SearchIndex, text: str) -> int:
    return index.search(SearchQuery(text=text, limit=1, facets=())).total


def test_an_or_of_as_many_words_as_the_bound_is_answered_alike(posts_index: SearchIndex) -> None:
    assert _total(posts_index, " OR ".join(WORDS[:MAX_RANKED_TERMS])) == MAX_RANKED_TERMS
    # a word typed again is one (it is ranked once)
    again = " | ".join(WORDS[:MAX_RANKED_TERMS] + WORDS[:5])
    assert _total(posts_index, again) == MAX_RANKED_TERMS
    # excluded words are not ranked on: as many as a query may hold are no matter
    excluded = "shared " + " ".join(f"-{w}" for w in WORDS[:MAX_CLAUSES - 1])
    assert _total(posts_index, excluded) == len(WORDS) - (MAX_CLAUSES - 1)
    # ANDed clauses (at most MAX_CLAUSES) never reach past the bound
    assert _total(posts_index, " ".join(["shared", *WORDS[:MAX_CLAUSES - 1]])) == 0


def test_past_the_bound_fts5_refuses_saying_why_and_tantivy_answers(
        posts_index: SearchIndex) -> None:
    many = " || ".join(WORDS[:MAX_RANKED_TERMS]) + ' || "shared skills"'
    if posts_index.name == "tantivy":
        assert _total(posts_index, many) == len(WORDS)
        return
    with pytest.raises(QueryError) as refused:
        _total(posts_index, many)
    said = str(refused.value)
    assert said.startswith(f"the query looks for {MAX_RANKED_TERMS + 1} words and phrases "
                           f"({', '.join(WORDS[:4])}, ...)")
    assert f"keep it to {MAX_RANKED_TERMS}" in said and "--engine tantivy" in said
    # fields and prefixes count, each named as typed
    typed = "title:engineer || " + " || ".join(WORDS[:MAX_RANKED_TERMS - 1]) + " || wor*"
    with pytest.raises(QueryError, match=r"\(title:engineer, wordaa, wordab, wordac, \.\.\.\)"):
        _total(posts_index, typed)
    # the index is as it was: the allowed query still answers
    assert _total(posts_index, " OR ".join(WORDS[:MAX_RANKED_TERMS])) == MAX_RANKED_TERMS


def test_a_word_in_several_or_groups_counts_in_each(posts_index: SearchIndex) -> None:
    # FTS5 ranks each group's words: the same 8 common words OR'd in 8 ANDed groups, each in
    # another order, were 64 phrases to bm25 and took 17 s at 100,000 postings, let through as
    # "8 words" (each counted once)
    eight = WORDS[:8]
    groups = " ".join(" | ".join(eight[i:] + eight[:i]) for i in range(5))
    if posts_index.name == "tantivy":
        assert _total(posts_index, groups) == 8
        return
    with pytest.raises(QueryError) as refused:
        _total(posts_index, groups)
    said = str(refused.value)
    assert said.startswith(f"the query looks for 40 words and phrases ({', '.join(eight[:4])}, "
                           "...; a word in more than one OR group counts in each)"), said
    # as many as the bound, repeated across groups, are answered
    assert _total(posts_index, " ".join(" | ".join(eight[i:] + eight[:i]) for i in range(4))
                  ) == 8


def test_the_cli_says_the_refusal_and_exits_non_zero(store: SQLiteStore, now: datetime
                                                     ) -> None:
    store.upsert([normalize(RawPosting(source="t", source_id=key, title=title, company="Acme",
                                       description_text=text))
                  for key, (title, text) in POSTS.items()], now=now)
    many = " | ".join(WORDS[:MAX_RANKED_TERMS + 1])
    refused = CliRunner().invoke(app, ["--db", str(store.path), "search", "--engine", "fts5",
                                       "--", many])
    out = " ".join(refused.output.split())
    assert refused.exit_code != 0
    assert f"the query looks for {MAX_RANKED_TERMS + 1} words and phrases" in out, out
    answered = CliRunner().invoke(app, ["--db", str(store.path), "search", "--json", "--",
                                        many])
    assert answered.exit_code == 0 and f'"total": {MAX_RANKED_TERMS + 1}' in answered.stdout
