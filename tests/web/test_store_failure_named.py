"""A request whose search index sync fails because the *store* cannot be read (SQLite finds
part of it damaged) was taken for an index failure (``INDEX_FAILURES`` held sqlite3.Error and
ValueError, which the store raises too): the server opened the index anew from the damaged
store, then logged "the search index ... cannot be opened ... remove or mend it, and run
`mljobs reindex`", and the page said the index lagged. A reindex cannot mend a store. The
failure is now the store's: the answer (500) and the log name the store and what to do, and
the index is left as it is. An index damaged while serving is still the index's (opened
anew: tests/web/test_index_lag_note.py)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mljobs.models import Posting
from mljobs.store import open_store
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
MARK = "zqxjvmarkzqxjv"


def _posting(n: int, text: str = "Train models in PyTorch.") -> Posting:
    return Posting(id=f"file:{n}", source="file", source_id=str(n), title=f"ML Engineer {n}",
                   description_text=text)


def _add(db: Path, posting: Posting) -> None:
    store = open_store(db)
    store.upsert([posting], now=NOW)
    store.close()


def _damage_the_row_holding(db: Path, mark: str) -> None:
    """Write the WAL into the store, then overwrite the page that holds ``mark`` with bytes
    SQLite cannot read (as a failing disk or a half-copied file leaves it)."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    at = data.find(mark.encode())
    assert at > 0
    start = at // size * size
    data[start:start + size] = b"\xff" * size
    db.write_bytes(bytes(data))


def test_a_store_damaged_while_serving_is_named_not_the_index(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "s.sqlite3"
    _add(db, _posting(1))
    with TestClient(create_app(db, now=lambda: NOW),
                    raise_server_exceptions=False) as client:
        assert client.get("/api/search", params={"q": "pytorch"}).json()["total"] == 1
        _add(db, _posting(2, "Train models in PyTorch. " + MARK * 200))
        _damage_the_row_holding(db, MARK)
        with caplog.at_level(logging.WARNING, logger="mljobs.web"):
            answer = client.get("/api/search", params={"q": "pytorch"})
        assert answer.status_code == 500
        error = answer.json()["error"]
        assert error.startswith(f"StoreError: the store at {db} is damaged"), error
        assert "reindex" not in error and "search index" not in error
        assert "reindex" not in caplog.text and "opening it anew" not in caplog.text, caplog.text
        assert f"the store at {db} is damaged" in caplog.text
        page = client.get("/", params={"q": "pytorch"})
        assert page.status_code == 500 and "the store at" in page.text
