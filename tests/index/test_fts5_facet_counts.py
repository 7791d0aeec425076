"""FTS5 counts the facets of the postings a search finds in one of two ways (few found: each
one's rows; many: the asked fields' rows whole, ``fts5.BY_POSTING_SHARE``), where it ran the
search again for the count and again for the facets, and read every row of the asked fields
even for a few postings found (60 ms for 296 of 100,000 postings). Both ways give the counts
of the postings found, as the hits' own fields tell, and the total; tantivy's are the same.
Real indexes over a store in tmp_path."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from mljobs.index import Fts5Index, SearchQuery, TantivyIndex, index_path, open_index
from mljobs.index import fts5 as fts5_engine
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

REMOTES = ["remote", "hybrid", "onsite"]
FACETS = ("remote", "source", "month", "country")


def _fill(store: SQLiteStore, now: datetime) -> None:
    # 64 postings: every one says "shared", 1 in 8 "rare", one "single" (with the default
    # BY_POSTING_SHARE, 1/16: at most 4 found are counted posting by posting, "single" and
    # "nothing", more by the fields' rows); sources, remote, months and places vary
    rows = []
    for i in range(64):
        words = ["shared"] + (["rare"] if i % 8 == 0 else []) + (["single"] if i == 5 else [])
        rows.append(normalize(RawPosting(
            source=("lever", "greenhouse", "ashby")[i % 3], source_id=f"p{i}",
            title=f"Engineer {i}", company=f"Acme {i % 5}",
            description_text=" ".join(words) + " work.", remote=REMOTES[i % 3],
            locations=[("Berlin, Germany", "London, UK", "Paris, France", "Austin, TX")[i % 4]],
            posted_at=datetime(2026, 1 + i % 4, 1 + i % 27))))
    store.upsert(rows, now=now)


def _expected(index: Fts5Index | TantivyIndex, text: str) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """The total and facet counts read off every hit's own fields."""
    hits = []
    offset = 0
    while True:
        page = index.search(SearchQuery(text=text, limit=100, offset=offset, facets=()))
        hits += page.hits
        offset += 100
        if offset >= page.total:
            break
    counts = {name: Counter(v for h in hits for v in h.fields.get(name, [])) for name in FACETS}
    return len(hits), {name: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
                       for name, c in counts.items()}


@pytest.mark.parametrize("share", [1 / 16, 0.0, 1.0])
@pytest.mark.parametrize("text", ["single", "rare", "shared", "shared -rare", "", "nothing"])
def test_the_facets_of_the_postings_found_either_way(
        store: SQLiteStore, now: datetime, monkeypatch: pytest.MonkeyPatch, text: str,
        share: float) -> None:
    # share 0: always the fields' rows whole; 1: always posting by posting
    monkeypatch.setattr(fts5_engine, "BY_POSTING_SHARE", share)
    _fill(store, now)
    fts5 = open_index(store, "fts5")
    assert isinstance(fts5, Fts5Index)
    result = fts5.search(SearchQuery(text=text, facets=FACETS, limit=5))
    total, facets = _expected(fts5, text)
    assert (result.total, result.facets) == (total, facets)
    assert all(facets[name] for name in FACETS) == (total > 0)  # (every field holds values)
    tantivy = TantivyIndex(index_path(store))
    tantivy.sync(store)
    assert tantivy.search(SearchQuery(text=text, facets=FACETS, limit=5)).facets == facets
    # and again (the table of the postings found is emptied after each search)
    assert fts5.search(SearchQuery(text=text, facets=FACETS, limit=5)).facets == facets
    assert fts5.search(SearchQuery(text="single", facets=FACETS)).total == 1
