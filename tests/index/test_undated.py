"""A posting whose source gives no date (an archive's rows, a board without a publish date) has
no post date in the index, in both engines alike: the ``month`` facet says ``undated``,
``posted_since`` leaves it out, and the date sort puts it after every dated posting. The index
used to date it by the day the store first saw it, so an archive imported today sorted first,
counted as posted this week and filled this month's facet."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import tantivy

from mljobs.index import ENGINES, SearchIndex, SearchQuery, index_path, open_index
from mljobs.index.fts5 import FORMAT
from mljobs.index.query import index_form
from mljobs.index.tantivy_engine import SCHEMA_VERSION
from mljobs.models import Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

# (id, posted days before now or None for undated, first seen days before now)
POSTS = [
    ("old", 400, 2),
    ("recent", 3, 3),
    ("lastmonth", 40, 2),
    ("archive1", None, 0),
    ("archive2", None, 0),
    ("archive3", None, 0),
    ("board", None, 5),
    ("board2", None, 1),
]
DATED_NEWEST_FIRST = ["recent", "lastmonth", "old"]
# undated: the most recently first seen first; the three first seen together in the order the
# store gave them
UNDATED_ORDER = ["archive1", "archive2", "archive3", "board2", "board"]


def _posting(key: str, posted: int | None, now: datetime) -> Posting:
    return normalize(RawPosting(
        source="t", source_id=key, title=f"Machine Learning Engineer {key}", company="Acme",
        description_text="Train models in PyTorch.",
        posted_at=(now - timedelta(days=posted)).isoformat() if posted is not None else None,
    ))


def _fill(store: SQLiteStore, now: datetime) -> None:
    for seen in sorted({s for _k, _p, s in POSTS}, reverse=True):
        store.upsert([_posting(k, p, now) for k, p, s in POSTS if s == seen],
                     now=now - timedelta(days=seen))


@pytest.fixture(params=sorted(ENGINES))
def index(request: pytest.FixtureRequest, store: SQLiteStore, now: datetime
          ) -> Iterator[SearchIndex]:
    _fill(store, now)
    idx = open_index(store, request.param)
    yield idx
    idx.close()


def _ids(hits: list) -> list[str]:
    return [h.id.removeprefix("t:") for h in hits]


def test_the_month_facet_says_undated(index: SearchIndex, now: datetime) -> None:
    months = dict(index.search(SearchQuery(facets=("month",))).facets["month"])
    assert months.pop("undated") == 5
    expected = {(now - timedelta(days=p)).strftime("%Y-%m") for _k, p, _s in POSTS if p}
    assert set(months) == expected  # the month they were first seen is not among them
    assert sum(months.values()) == 3
    undated = index.search(SearchQuery(filters={"month": ["undated"]}, limit=50))
    assert sorted(_ids(undated.hits)) == sorted(UNDATED_ORDER)


def test_posted_since_keeps_only_postings_posted_in_the_window(index: SearchIndex,
                                                               now: datetime) -> None:
    week = index.search(SearchQuery(posted_since=now - timedelta(days=7), limit=50))
    assert _ids(week.hits) == ["recent"]  # not the archive first seen today
    assert index.search(SearchQuery(text="pytorch", posted_since=now - timedelta(days=60),
                                    limit=50)).total == 2
    # a date long before any posting still leaves undated postings out
    ever = index.search(SearchQuery(posted_since=now.replace(year=1990), limit=50))
    assert sorted(_ids(ever.hits)) == sorted(DATED_NEWEST_FIRST)


@pytest.mark.parametrize("text", ["", "pytorch"])
def test_date_sort_lists_undated_postings_after_every_dated_one(index: SearchIndex,
                                                                text: str) -> None:
    result = index.search(SearchQuery(text=text, sort="date", limit=50))
    assert _ids(result.hits) == DATED_NEWEST_FIRST + UNDATED_ORDER
    for hit in result.hits:
        # one date per hit: the post date, or for an undated hit the day it was first seen
        assert (hit.posted_at is None) == (hit.first_seen is not None)
    assert [h.first_seen for h in result.hits[3:]] == sorted(
        (h.first_seen for h in result.hits[3:]), reverse=True)


def test_date_sort_pages_never_overlap(index: SearchIndex) -> None:
    pages = [_ids(index.search(SearchQuery(sort="date", limit=2, offset=o)).hits)
             for o in range(0, 8, 2)]
    assert [i for page in pages for i in page] == DATED_NEWEST_FIRST + UNDATED_ORDER


def test_hit_dates(index: SearchIndex, now: datetime) -> None:
    hits = {h.id: h for h in index.search(SearchQuery(sort="date", limit=50)).hits}
    assert hits["t:recent"].posted_at is not None
    assert hits["t:recent"].posted_at.date() == (now - timedelta(days=3)).date()
    assert hits["t:board"].posted_at is None
    assert hits["t:board"].first_seen is not None
    assert hits["t:board"].first_seen.date() == (now - timedelta(days=5)).date()


def _old_fts5(store: SQLiteStore) -> None:
    """Write the FTS5 index as the previous format did: an undated posting dated by its
    first-seen day."""
    path = index_path(store, "fts5")
    open_index(store, "fts5").close()
    conn = sqlite3.connect(str(path))
    for pid, fields in conn.execute("SELECT id, fields FROM doc_meta").fetchall():
        posting = store.get(pid)
        assert posting is not None and posting.first_seen is not None
        when = posting.posted_at or posting.first_seen
        values = json.loads(fields)
        values["month"] = [when.strftime("%Y-%m")]
        conn.execute("UPDATE doc_meta SET posted_ts=?, fields=? WHERE id=?",
                     (int(when.timestamp()), json.dumps(values), pid))
        conn.execute("UPDATE doc_facets SET value=? WHERE field='month' AND rowid="
                     "(SELECT rowid FROM doc_meta WHERE id=?)", (values["month"][0], pid))
    conn.execute(f"PRAGMA user_version = {FORMAT - 1}")
    conn.commit()
    conn.close()


def _old_tantivy(store: SQLiteStore) -> None:
    """Write the tantivy index as the previous schema did: an undated posting dated by its
    first-seen day."""
    path = index_path(store, "tantivy")
    assert path is not None
    idx = open_index(store, "tantivy", sync=False)
    writer = idx.index.writer(50_000_000, 1)  # type: ignore[attr-defined]
    for _rev, posting in store.iter_postings():
        when = posting.posted_at or posting.first_seen
        assert when is not None
        doc = tantivy.Document()
        doc.add_text("id", posting.id)
        doc.add_text("title", index_form(posting.title))
        doc.add_text("description", index_form(posting.description_text))
        doc.add_text("month", when.strftime("%Y-%m"))
        doc.add_integer("posted_ts", int(when.timestamp()))
        doc.add_boolean("canonical", True)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    idx.index.reload()  # type: ignore[attr-defined]
    # read as it is, the old index dates the archive by today, so it sorts first
    first = idx.search(SearchQuery(sort="date", limit=1)).hits[0].id
    assert first.startswith("t:archive")
    (path / "state.json").write_text(json.dumps(
        {"rev": store.max_rev(), "store_id": store.store_id,
         "schema": SCHEMA_VERSION - 1}))


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_an_index_of_the_previous_format_is_rebuilt(store: SQLiteStore, now: datetime,
                                                    engine: str) -> None:
    _fill(store, now)
    (_old_fts5 if engine == "fts5" else _old_tantivy)(store)
    # the old index, read as it is, is what this change fixes: the archive dated today
    old = sqlite3.connect(str(index_path(store, "fts5"))) if engine == "fts5" else None
    if old is not None:
        assert old.execute("SELECT COUNT(*) FROM doc_facets WHERE field='month' "
                           "AND value='undated'").fetchone()[0] == 0
        old.close()
    idx = open_index(store, engine)
    try:
        months = dict(idx.search(SearchQuery(facets=("month",))).facets["month"])
        assert months["undated"] == 5
        result = idx.search(SearchQuery(sort="date", limit=50))
        assert _ids(result.hits) == DATED_NEWEST_FIRST + UNDATED_ORDER
        assert result.total == len(POSTS)
    finally:
        idx.close()
    if engine == "tantivy":
        path = index_path(store, "tantivy")
        assert path is not None
        assert json.loads((path / "state.json").read_text())["schema"] == SCHEMA_VERSION
