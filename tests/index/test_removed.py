"""A posting removed from the store (a post now stored as its roles:
``SQLiteStore.replace_split``) is dropped by each engine's index when it next catches up
(``SQLiteStore.removed_rev``), and what is written after the removal is indexed, though the
removed posting held the store's highest revision (a removal takes a revision of its own: the
next posting took the removed one's, at or below what the index had read, and was never
indexed). Before, an index caught up by the revisions of the postings changed, which name
nothing removed, and search kept finding the posting."""

from __future__ import annotations

from datetime import datetime

import pytest

from mljobs.index import ENGINES, SearchQuery, open_index
from mljobs.models import Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore


def _posting(key: str, title: str) -> Posting:
    return normalize(RawPosting(source="t", source_id=key, title=title, company="Acme",
                                description_text=f"{title}: models in PyTorch."))


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_an_index_drops_a_removed_posting_and_indexes_what_came_after(
        store: SQLiteStore, now: datetime, engine: str) -> None:
    store.upsert([_posting("a", "Data Scientist"), _posting("b", "ML Engineer")], now=now)
    store.upsert([_posting("post", "Parcelo roles")], now=now)  # (the highest revision)
    index = open_index(store, engine)
    query = SearchQuery(text="pytorch", limit=100, facets=("source",))
    assert {h.id for h in index.search(query).hits} == {"t:a", "t:b", "t:post"}
    assert store.replace_split("t:post", []) == []
    store.upsert([_posting("c", "Research Scientist")], now=now)
    assert index.sync(store) == 2  # (the removed posting, and the new one)
    found = index.search(query)
    assert {h.id for h in found.hits} == {"t:a", "t:b", "t:c"}
    assert found.total == store.count() == 3
    assert found.facets["source"] == [("t", 3)]
    assert index.sync(store) == 0  # (the removal is not looked for again)
    index.close()
    reopened = open_index(store, engine)  # (another process: the state it saved)
    assert {h.id for h in reopened.search(query).hits} == {"t:a", "t:b", "t:c"}
    reopened.close()
