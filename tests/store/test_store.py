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
from mljobs.store.migrations import MIGRATIONS, SCHEMA_VERSION


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


def _synced_at(store: SQLiteStore, pid: str) -> str | None:
    row = store.conn.execute("SELECT synced_at FROM postings WHERE id=?", (pid,)).fetchone()
    return None if row[0] is None else str(row[0])


def test_a_sync_records_that_it_listed_a_posting_and_an_import_does_not(
        store: SQLiteStore, now) -> None:
    """``synced_at``: what a page that lists nothing may close (``close_missing``'s
    ``synced_only``) is what a sync listed, not what only an import stored."""
    store.upsert([make("imported")], now=now, touch=False)
    store.upsert([make("synced")], now=now)
    assert _synced_at(store, "test:imported") is None
    assert _synced_at(store, "test:synced") == now.isoformat()
    assert not store.synced_prefix("test:imp") and store.synced_prefix("test:syn")
    later = now + timedelta(days=1)
    closed = store.close_missing("test", set(), scope="test:", now=later, synced_only=True)
    assert closed == ["test:synced"]
    assert store.close_open(["test:imported"], now=later, synced_only=True) == []
    assert store.get("test:imported").status == Status.OPEN  # type: ignore[union-attr]
    # a sync lists the imported posting, unchanged or changed: it is a sync's now
    store.upsert([make("imported")], now=later)
    assert _synced_at(store, "test:imported") == later.isoformat()
    store.upsert([make("late")], now=now, touch=False)
    store.upsert([make("late", text="Build models, faster.")], now=later)
    assert _synced_at(store, "test:late") == later.isoformat()
    # an import of a synced posting, changed or not, leaves when a sync listed it
    store.upsert([make("synced", text="Changed by a file.")], now=later, touch=False)
    store.upsert([make("synced", text="Changed by a file.")], now=later, touch=False)
    assert _synced_at(store, "test:synced") == now.isoformat()


def test_a_store_of_schema_version_2_is_upgraded_and_keeps_every_row(
        tmp_path: Path, now) -> None:
    """Migration 3 adds ``postings.synced_at``: the rows stored before count as listed by a
    sync at their ``last_seen`` (their closing unchanged); nothing else changes."""
    current = SQLiteStore(tmp_path / "new.sqlite3")
    current.upsert([make("1"), make("2", text="Other.")], now=now,
                   documents=[Document(source="test", ref="file:x.jsonl:1", content=b"{}",
                                       fetched_at=now)])
    current.upsert([make("3")], now=now + timedelta(days=1), touch=False)
    current.close_missing("test", {"test:1", "test:3"}, scope=None,
                          now=now + timedelta(days=2))
    tables = ("postings", "raw_documents", "posting_changes", "meta")
    before = {t: [tuple(r) for r in current.conn.execute(f"SELECT * FROM {t} ORDER BY 1")]
              for t in tables}
    columns = [r[1] for r in current.conn.execute("PRAGMA table_info(postings)")]
    current.close()
    assert columns[-1] == "synced_at"
    old_path = tmp_path / "v2.sqlite3"
    old = sqlite3.connect(old_path)
    for script in MIGRATIONS[:2]:
        old.executescript(script)
    for table, rows in before.items():
        for row in rows:
            kept = row[:-1] if table == "postings" else row  # version 2 has no synced_at
            old.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(kept))})", kept)
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    upgraded = SQLiteStore(old_path)
    assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    after = {t: [tuple(r) for r in upgraded.conn.execute(f"SELECT * FROM {t} ORDER BY 1")]
             for t in tables}
    assert {t: [r[:-1] for r in rows] if t == "postings" else rows
            for t, rows in after.items()} == \
        {t: [r[:-1] for r in rows] if t == "postings" else rows for t, rows in before.items()}
    last_seen = columns.index("last_seen")
    assert [r[-1] for r in after["postings"]] == [r[last_seen] for r in before["postings"]]
    assert upgraded.synced_prefix("test:3")  # listed before, as far as the store knew
    upgraded.close()


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
    assert (report.updated, report.reopened) == (0, 1)  # listed again: reopened, not updated
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
