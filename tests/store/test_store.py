"""The SQLite store: idempotent upserts, change log, closing, raw documents, migrations."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.errors import StoreError
from mljobs.models import Document, Posting, RawPosting, Salary, SalaryInterval, Status
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore
from mljobs.store.migrations import SCHEMA_VERSION


def make(source_id: str, title: str = "ML Engineer", text: str = "Build models.", **kw) -> Posting:
    return normalize(RawPosting(source="test", source_id=source_id, title=title,
                                description_text=text, **kw))


def test_new_then_unchanged_then_updated(store: SQLiteStore, now) -> None:
    first = store.upsert([make("1"), make("2")], now=now)
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    again = store.upsert([make("1"), make("2")], now=now + timedelta(days=1))
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    changed = store.upsert([make("1", text="Build and ship models.")], now=now + timedelta(days=2))
    assert (changed.new, changed.updated) == (0, 1)
    got = store.get("test:1")
    assert got is not None
    assert got.description_text == "Build and ship models."
    assert got.first_seen == now
    assert [c.kind for c in store.changes("test:1")] == ["created", "updated"]
    assert store.changes("test:1")[1].fields == ["description_text"]


def test_touch_moves_last_seen_but_import_does_not(store: SQLiteStore, now) -> None:
    store.upsert([make("1")], now=now)
    store.upsert([make("1")], now=now + timedelta(days=3), touch=False)
    assert store.get("test:1").last_seen == now  # type: ignore[union-attr]
    store.upsert([make("1")], now=now + timedelta(days=3))
    assert store.get("test:1").last_seen == now + timedelta(days=3)  # type: ignore[union-attr]


def test_idempotent_import_leaves_database_identical(store: SQLiteStore, now) -> None:
    batch = [make(str(i), text=f"posting {i}") for i in range(20)]
    store.upsert(batch, now=now, touch=False)
    dump1 = list(store.conn.iterdump())
    store.upsert(batch, now=now + timedelta(hours=1), touch=False)
    assert list(store.conn.iterdump()) == dump1


def test_close_missing_and_reopen(store: SQLiteStore, now) -> None:
    store.upsert([make("a"), make("b"), make("c")], now=now)
    closed = store.close_missing("test", {"test:a"}, scope=None, now=now + timedelta(days=1))
    assert sorted(closed) == ["test:b", "test:c"]
    b = store.get("test:b")
    assert b is not None and b.status == Status.CLOSED and b.closed_at is not None
    assert store.count() == 3  # nothing is deleted
    report = store.upsert([make("b")], now=now + timedelta(days=2))
    assert report.updated == 1
    assert store.get("test:b").status == Status.OPEN  # type: ignore[union-attr]


def test_bad_row_rolls_back_whole_batch(store: SQLiteStore, now) -> None:
    store.upsert([make("keep")], now=now)
    good = make("new")
    bad = make("bad").model_copy(update={"raw_ref": "no-such-document"})  # FK violation
    with pytest.raises(sqlite3.IntegrityError):
        store.upsert([good, bad], now=now)
    assert store.get("test:new") is None
    assert store.count() == 1


def test_raw_documents_are_compressed_and_content_addressed(store: SQLiteStore, now) -> None:
    body = b'{"title": "x"}' * 1000
    doc = Document(source="test", ref="file:x.jsonl:1", content=body, fetched_at=now)
    sha, again = store.put_documents([doc, doc])
    assert sha == again
    stored = store.conn.execute("SELECT size, length(data) FROM raw_documents").fetchall()
    assert stored == [(len(body), stored[0][1])] and stored[0][1] < len(body) / 10
    back = store.get_document(sha)
    assert back is not None and back.content == body


def test_schema_is_versioned(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "v.sqlite3")
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    s.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    s.close()
    with pytest.raises(StoreError, match="newer than this mljobs"):
        SQLiteStore(tmp_path / "v.sqlite3")


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        SQLiteStore(junk)


def test_resolve_id_accepts_corpus_ids(store: SQLiteStore, now) -> None:
    p = normalize(RawPosting(source="hackernews", source_id="4242", title="X | ML"))
    store.upsert([p], now=now)
    assert store.resolve_id("hackernews:4242") == "hackernews:4242"
    assert store.resolve_id("hn-4242") == "hackernews:4242"
    assert store.resolve_id("4242") == "hackernews:4242"
    assert store.resolve_id("nope") is None
    # a source in another case (sources are lower case; a pasted id may not be)
    assert store.resolve_id("HackerNews:4242") == "hackernews:4242"
    assert store.resolve_id("HACKERNEWS:4243") is None


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=texts.filter(lambda t: t.strip()), text=texts, company=st.none() | texts,
       low=st.none() | st.floats(0, 1e6), locs=st.lists(texts, max_size=3))
def test_store_returns_the_posting_it_was_given(store, now, title, text, company, low, locs) -> None:
    salary = Salary(min=low, currency="USD", interval=SalaryInterval.YEAR) if low else None
    raw = RawPosting(source="prop", source_id=str(abs(hash((title, text)))), title=title,
                     company=company, description_text=text, locations=locs, salary=salary)
    posting = normalize(raw)
    store.upsert([posting], now=now)
    back = store.get(posting.id)
    assert back is not None
    assert back.model_dump(exclude={"first_seen", "last_seen", "status"}) == posting.model_dump(
        exclude={"first_seen", "last_seen", "status"})
    assert back.content_hash == back.compute_hash()


def test_company_spellings_give_the_most_common_spelling_of_a_lower_cased_name(
        store: SQLiteStore, now) -> None:
    store.upsert([make("1", company="Prompt Health"), make("2", company="Prompt Health"),
                  make("3", company="PROMPT HEALTH"), make("4", company="Öko Labs"),
                  make("5", company="Acme")], now=now)
    # names as the index keeps them: lower-cased by Python (SQLite's lower() is ASCII only)
    assert store.company_spellings(["prompt health", "öko labs", "nobody", ""]) == {
        "prompt health": "Prompt Health", "öko labs": "Öko Labs"}
    assert store.company_spellings([]) == {}
