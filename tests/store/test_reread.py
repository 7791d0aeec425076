"""A store whose Hacker News postings an older header reader read: opened by this mljobs,
their locations and work mode are read again from the raw documents it kept
(``store.reread``), once, and nothing else of them or of the store changes."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from mljobs.importer import import_file
from mljobs.models import Document, Posting, Remote
from mljobs.normalize import normalize
from mljobs.pipeline import default_enricher
from mljobs.sources.hackernews import HackerNews
from mljobs.store import SQLiteStore
from mljobs.store.reread import META_KEY

# Two headers whose places the reader before the nineteenth session's placesB did not read:
# a place in brackets after the company's name, and a work mode and place in a contract's
# segment (which also gave no work mode)
SPIICH = ("Spiich Labs (Stockholm) | Senior Machine Learning Engineer | Full-time"
          "<p>We build speech models for call centres. You will train and ship them in PyTorch.")
_DESC = "You will own the services that route parcels across the country and talk to carriers. "
PARCELO = ("Parcelo | Backend Engineer, Machine Learning Engineer | REMOTE (US) Full-Time"
           "<p>Parcelo builds routing software for parcel carriers.<p>Backend Engineer<p>"
           + _DESC * 2 + "<p>Machine Learning Engineer<p>"
           + "You will train arrival-time models in PyTorch and ship them. " * 4
           + "<p>Apply: jobs@parcelo.example with your GitHub.")
# what the older reader stored for them: (locations, remote)
OLD = ((), Remote.UNKNOWN)


def _rows(path: Path) -> Path:
    rows = [{"id": 101, "source": "who_is_hiring", "text": SPIICH, "time": 1767300000},
            {"id": 102, "source": "who_is_hiring", "text": PARCELO, "time": 1767300100},
            {"id": "b1", "source": "board", "title": "ML Engineer", "company": "Board Co",
             "location": "Stockholm", "description": "Train models in PyTorch."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _as_older_reader_stored(path: Path, ids: list[str]) -> None:
    """Make the postings ``ids`` of the store at ``path`` as an older mljobs stored them: the
    places its header reader read (``OLD``), the content hash of that content, and no
    ``hn_header_version`` in the store's meta (an older mljobs wrote none)."""
    with SQLiteStore(path) as store:
        for pid in ids:
            data = store.conn.execute("SELECT data FROM postings WHERE id=?", (pid,)).fetchone()[0]
            old = Posting.model_validate_json(data).model_copy(
                update={"locations": OLD[0], "remote": OLD[1]})
            old = old.model_copy(update={"content_hash": old.compute_hash()})
            store.conn.execute(
                "UPDATE postings SET data=?, content_hash=?, remote=? WHERE id=?",
                (old.model_dump_json(exclude={"enrichment"}), old.content_hash,
                 old.remote.value, pid))
        store.conn.execute("DELETE FROM meta WHERE key=?", (META_KEY,))


def _state(store: SQLiteStore) -> dict[str, tuple[object, ...]]:
    """Each posting's places, content hash, text and enrichment, by id."""
    return {r[0]: tuple(r[1:]) for r in store.conn.execute(
        "SELECT id, json_extract(data, '$.locations'), remote, content_hash,"
        " json_extract(data, '$.description_text'), enrichment FROM postings")}


@pytest.fixture(scope="module")
def enricher():  # type: ignore[no-untyped-def]
    return default_enricher()


def test_an_older_readers_places_are_read_again_on_open(tmp_path: Path, now: datetime,
                                                        enricher) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(tmp_path / "rows.jsonl")
    with SQLiteStore(tmp_path / "fresh.sqlite3") as fresh:  # what this mljobs stores
        import_file(fresh, rows, now=now, enricher=enricher)
        want = _state(fresh)
    hn = sorted(pid for pid in want if pid.startswith("hackernews:"))
    assert hn == ["hackernews:101", "hackernews:102/r1", "hackernews:102/r2"]  # (split)
    assert want["hackernews:101"][:2] == ('["Stockholm"]', "unknown")
    assert want["hackernews:102/r2"][:2] == ('["REMOTE (US)"]', "remote")

    db = tmp_path / "old.sqlite3"
    with SQLiteStore(db) as store:
        import_file(store, rows, now=now, enricher=enricher)
    _as_older_reader_stored(db, hn)
    raw = sqlite3.connect(db)  # (the older store as it is, not opened by SQLiteStore)
    old = {r[0]: r[1:] for r in raw.execute("SELECT id, json_extract(data, '$.locations'),"
                                            " remote, enrichment, rev FROM postings")}
    top = max(r[-1] for r in old.values())
    raw.close()
    assert all(old[pid][:2] == ("[]", "unknown") for pid in hn)

    with SQLiteStore(db) as store:
        got = _state(store)
        # every posting as a fresh import of the same rows stores it: places, content hash
        # (a sync or import of the thread finds it unchanged), text; enrichment kept
        assert {pid: row[:4] for pid, row in got.items()} == \
            {pid: row[:4] for pid, row in want.items()}
        assert {pid: row[4] for pid, row in got.items()} == \
            {pid: row[2] for pid, row in old.items()}
        assert store.meta(META_KEY) is not None
        # the index sees them (rev) and their history says what was read again
        revs = dict(store.conn.execute("SELECT id, rev FROM postings").fetchall())
        assert all(revs[pid] > top for pid in hn) and revs["board:b1"] == old["board:b1"][3]
        assert [(c.kind, c.fields) for c in store.changes("hackernews:101")][-1] == \
            ("reread", ["locations"])
        assert [(c.kind, c.fields) for c in store.changes("hackernews:102/r1")][-1] == \
            ("reread", ["locations", "remote"])
        again = import_file(store, rows, now=now, enricher=enricher)
        assert (again.new, again.updated, again.unchanged) == (0, 0, 4)  # (102 split)
        after = store.max_rev()
    with SQLiteStore(db) as store:  # once: opened again, nothing is read again
        assert store.max_rev() == after and _state(store) == got


def test_a_synced_threads_postings_are_read_again_from_its_page(tmp_path: Path,
                                                               now: datetime) -> None:
    thread = {"id": 900, "type": "story", "children": [
        {"type": "comment", "id": 901, "text": SPIICH, "created_at_i": 1767300000,
         "author": "a", "parent_id": 900},
        {"type": "comment", "id": 902, "text": "Acme | Data Engineer | Berlin<p>Pipelines.",
         "created_at_i": 1767300100, "author": "b", "parent_id": 900}]}
    doc = Document(source="hackernews", ref="https://hn.algolia.com/api/v1/items/900",
                   content=json.dumps(thread).encode(), media_type="application/json",
                   fetched_at=now)
    postings = [normalize(r).model_copy(update={"raw_ref": doc.sha256})
                for r in HackerNews().parse(doc)]
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert(postings, now=now, documents=[doc])
        berlin = _state(store)["hackernews:902"]
    _as_older_reader_stored(db, ["hackernews:901"])
    with SQLiteStore(db) as store:
        got = _state(store)
        assert got["hackernews:901"][:3] == ('["Stockholm"]', "unknown", postings[0].content_hash)
        assert got["hackernews:902"] == berlin
        assert [c.kind for c in store.changes("hackernews:902")] == ["created"]
        # the next sync of the thread finds both unchanged
        report = store.upsert(postings, now=now, documents=[doc])
        assert (report.new, report.updated, report.unchanged) == (0, 0, 2)


def test_a_posting_whose_raw_document_does_not_parse_is_kept(tmp_path: Path,
                                                             now: datetime) -> None:
    doc = Document(source="hackernews", ref="https://hn.algolia.com/api/v1/items/7",
                   content=b"{not json", media_type="application/json", fetched_at=now)
    posting = normalize(HackerNews().parse(Document(
        source="hackernews", ref="x", media_type="application/json", fetched_at=now,
        content=json.dumps({"type": "comment", "id": 8, "text": SPIICH, "time": 1767300000,
                            "parent": 7}).encode())).__next__())
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert([posting.model_copy(update={"raw_ref": doc.sha256})], now=now,
                     documents=[doc])
    _as_older_reader_stored(db, ["hackernews:8"])
    with SQLiteStore(db) as store:
        kept = _state(store)
        assert kept["hackernews:8"][:2] == ("[]", "unknown")
        assert store.meta(META_KEY) is not None


def test_a_store_a_newer_header_reader_read_is_not_read_back(tmp_path: Path, now: datetime,
                                                             enricher) -> None:  # type: ignore[no-untyped-def]
    """A store a newer mljobs opened (its ``hn_header_version`` above this one's) keeps the
    places its newer reader read: this older reader does not write its own back over them,
    nor mark the store as read by it (the newer mljobs would then read them all again, and
    the two would undo each other at every switch)."""
    from mljobs.sources.hn_format import VERSION

    db = tmp_path / "newer.sqlite3"
    with SQLiteStore(db) as store:
        import_file(store, _rows(tmp_path / "rows.jsonl"), now=now, enricher=enricher)
    newer = str(VERSION + 1)
    _as_older_reader_stored(db, ["hackernews:101"])  # (stands for what the newer one read)
    raw = sqlite3.connect(db)
    raw.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (META_KEY, newer))
    raw.commit()
    before = {r[0]: r[1:] for r in raw.execute("SELECT id, data, rev FROM postings")}
    raw.close()
    with SQLiteStore(db) as store:
        assert store.meta(META_KEY) == newer
        assert {r[0]: r[1:] for r in store.conn.execute(
            "SELECT id, data, rev FROM postings")} == before
        assert [c.kind for c in store.changes("hackernews:101")] == ["created"]


def test_a_version_it_cannot_read_is_read_again(tmp_path: Path, now: datetime) -> None:
    """A ``hn_header_version`` that is no number (a hand edit) is read as an older one's."""
    db = tmp_path / "s.sqlite3"
    SQLiteStore(db).close()
    raw = sqlite3.connect(db)
    raw.execute("UPDATE meta SET value='x' WHERE key=?", (META_KEY,))
    raw.commit()
    raw.close()
    from mljobs.sources.hn_format import VERSION

    with SQLiteStore(db) as store:
        assert store.meta(META_KEY) == str(VERSION)


@pytest.mark.parametrize("damaged", ['{"broken', '{}'])  # (no JSON; no posting's)
def test_a_posting_whose_stored_data_cannot_be_read_is_kept_and_the_store_opens(
        tmp_path: Path, now: datetime, enricher, damaged: str) -> None:  # type: ignore[no-untyped-def]
    """A row whose stored JSON is damaged (a disk error, a hand edit) is left as it is: the
    store still opens (every command opens it) and the other postings are read again."""
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        import_file(store, _rows(tmp_path / "rows.jsonl"), now=now, enricher=enricher)
    _as_older_reader_stored(db, ["hackernews:101", "hackernews:102/r1"])
    raw = sqlite3.connect(db)
    raw.execute("UPDATE postings SET data=? WHERE id='hackernews:102/r1'", (damaged,))
    raw.commit()
    raw.close()
    with SQLiteStore(db) as store:
        assert store.meta(META_KEY) is not None
        assert store.conn.execute(
            "SELECT json_extract(data, '$.locations'), remote FROM postings"
            " WHERE id='hackernews:101'").fetchone() == ('["Stockholm"]', "unknown")
        assert store.conn.execute("SELECT data FROM postings WHERE id='hackernews:102/r1'"
                                  ).fetchone()[0] == damaged


def test_a_posting_whose_raw_document_is_damaged_is_kept_and_the_store_opens(
        tmp_path: Path, now: datetime, enricher) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        import_file(store, _rows(tmp_path / "rows.jsonl"), now=now, enricher=enricher)
    _as_older_reader_stored(db, ["hackernews:101"])
    raw = sqlite3.connect(db)
    raw.execute("UPDATE raw_documents SET data=x'00ff' WHERE sha256 ="
                " (SELECT raw_ref FROM postings WHERE id='hackernews:101')")
    raw.commit()
    raw.close()
    with SQLiteStore(db) as store:  # (the compressed bytes are no zlib stream)
        assert store.meta(META_KEY) is not None
        assert _state(store)["hackernews:101"][:2] == ("[]", "unknown")


def _reddit_thread(now: datetime) -> Document:
    """A Reddit hiring thread's page as a sync fetches it: the post, then its comments."""
    post = {"id": "th1", "title": "[D] Who's Hiring? (March 2026)", "created_utc": 1772600000,
            "selftext": "Post your job ads as top-level comments.", "subreddit": "MLjobs",
            "permalink": "/r/MLjobs/comments/th1/x/"}
    comments = [{"kind": "t1", "data": {
        "id": cid, "parent_id": "t3_th1", "body": text, "created_utc": 1772700000,
        "author": "hirer", "subreddit": "MachineLearning",
        "permalink": f"/r/MachineLearning/comments/th1/x/{cid}/"}}
        for cid, text in (("rc1", SPIICH.replace("<p>", "\n\n")),
                          ("rc2", "Acme | Data Engineer | Berlin\n\nPipelines in Spark."))]
    page = [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": post}]}},
            {"kind": "Listing", "data": {"children": comments}}]
    return Document(source="reddit", ref="https://www.reddit.com/comments/th1.json",
                    content=json.dumps(page).encode(), media_type="application/json",
                    fetched_at=now)


def test_a_reddit_threads_comments_are_read_again_from_its_page(tmp_path: Path,
                                                               now: datetime) -> None:
    """A Reddit hiring thread's comments are read by the same header reader as Hacker News
    posts (``sources.reddit``), so an older reader's places are read again too."""
    from mljobs.sources.reddit import Reddit

    doc = _reddit_thread(now)
    postings = [normalize(r).model_copy(update={"raw_ref": doc.sha256})
                for r in Reddit().parse(doc)]
    assert [p.id for p in postings] == ["reddit:rc1", "reddit:rc2"]
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert(postings, now=now, documents=[doc])
        berlin = _state(store)["reddit:rc2"]
    _as_older_reader_stored(db, ["reddit:rc1"])
    with SQLiteStore(db) as store:
        got = _state(store)
        assert got["reddit:rc1"][:3] == ('["Stockholm"]', "unknown", postings[0].content_hash)
        assert got["reddit:rc2"] == berlin
        assert [(c.kind, c.fields) for c in store.changes("reddit:rc1")][-1] == \
            ("reread", ["locations"])
        report = store.upsert(postings, now=now, documents=[doc])
        assert (report.new, report.updated, report.unchanged) == (0, 0, 2)


def test_a_reddit_thread_whose_page_is_damaged_is_kept_and_the_store_opens(
        tmp_path: Path, now: datetime) -> None:
    from mljobs.sources.reddit import Reddit

    doc = _reddit_thread(now)
    posting = normalize(next(iter(Reddit().parse(doc))))
    broken = doc.model_copy(update={"content": b'[{"kind": "Listing"'})
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert([posting.model_copy(update={"raw_ref": broken.sha256})], now=now,
                     documents=[broken])
    _as_older_reader_stored(db, ["reddit:rc1"])
    with SQLiteStore(db) as store:
        assert _state(store)["reddit:rc1"][:2] == ("[]", "unknown")
        assert store.meta(META_KEY) is not None
