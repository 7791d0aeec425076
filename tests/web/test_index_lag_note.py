"""What the search page and ``/api/search`` say when the search index cannot be brought up to
date with the store: held by another writer (the note names no server path; the log does),
damaged while the server runs (the index is opened anew, as the next ``mljobs search``
opens it), or not to be opened at all (a note saying so, the results of the index as it was,
the log saying why and what to do)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tantivy
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.index import tantivy_engine
from mljobs.models import Posting
from mljobs.store import open_store
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
BUSY = ("These results are from the search index as it was, without the store's latest "
        "changes: another mljobs process is writing it (a `mljobs reindex` for one); search "
        "again when it is done.")
FAILED = ("These results are from the search index as it was, without the store's latest "
          "changes: the server could not bring it up to date (its log says why).")


def _posting(n: int) -> Posting:
    return Posting(id=f"file:{n}", source="file", source_id=str(n), title=f"ML Engineer {n}",
                   description_text="Train models in PyTorch.")


def _add(db: Path, n: int) -> None:
    store = open_store(db)
    store.upsert([_posting(n)], now=NOW)
    store.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, TestClient]]:
    db = tmp_path / "s.sqlite3"
    _add(db, 1)
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        yield db, client


def _said(client: TestClient) -> tuple[int, bool, list[str], str]:
    """The API's total, ``index_current`` and notes, and the search page's lag note."""
    api = client.get("/api/search", params={"q": "pytorch"}).json()
    page = client.get("/", params={"q": "pytorch"})
    assert page.status_code == 200
    note = BeautifulSoup(page.text, "html.parser").select_one("#index-lags")
    return (api["total"], api["index_current"], api["notes"],
            " ".join(note.text.split()) if note else "")


def test_a_busy_index_is_said_without_the_servers_path(
        served: tuple[Path, TestClient], caplog: pytest.LogCaptureFixture) -> None:
    db, client = served
    assert _said(client) == (1, True, [], "")
    writer = tantivy.Index.open(f"{db}.index").writer(15_000_000, 1)  # (another writer)
    _add(db, 2)
    with caplog.at_level(logging.WARNING, logger="mljobs.web"):
        total, current, notes, note = _said(client)
    assert (total, current, note) == (1, False, BUSY)
    assert notes == [BUSY[:1].lower() + BUSY[1:]]
    page = client.get("/", params={"q": "pytorch"}).text
    assert str(db.parent) not in page and str(db.parent) not in str(notes)
    assert f"{db}.index" in caplog.text  # (the server's log keeps the path)
    del writer  # (its lock is let go)
    assert _said(client) == (2, True, [], "")


def test_a_request_does_not_wait_for_another_process_building_the_index_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
        ) -> None:
    # a server started on an empty store (its index empty, revision 0), the store then filled
    # by another process that builds the index whole (an import): a request's sync was a whole
    # build too, so it waited up to WRITER_WAIT_S (60 s) on the event loop, every request of
    # the server held with it; it reads the index as it is at once, saying so, as for a reindex
    monkeypatch.setattr(tantivy_engine, "WRITER_WAIT_S", 2.0)  # (a wait, were there one, short)
    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        assert _said(client) == (0, True, [], "")
        writer = tantivy.Index.open(f"{db}.index").writer(15_000_000, 1)  # (another writer)
        _add(db, 1)
        with caplog.at_level(logging.WARNING, logger="mljobs"):
            said = _said(client)
        assert said == (0, False, [BUSY[:1].lower() + BUSY[1:]], BUSY)
        assert "waiting for another" not in caplog.text.lower(), caplog.text
        del writer  # (its lock is let go)
        assert _said(client) == (1, True, [], "")


def test_an_index_damaged_while_serving_is_opened_anew(
        served: tuple[Path, TestClient], caplog: pytest.LogCaptureFixture) -> None:
    db, client = served
    assert _said(client)[0] == 1
    (Path(f"{db}.index") / "meta.json").write_text("garbage")
    _add(db, 2)
    with caplog.at_level(logging.WARNING, logger="mljobs.web"):
        said = _said(client)
    # (it said another process was writing the index, and never found the new posting)
    assert said == (2, True, [], "")
    assert "opening it anew" in caplog.text
    assert "the store at" not in caplog.text  # (the index failed: not the store)


def test_an_index_that_cannot_be_opened_is_said_and_logged(
        served: tuple[Path, TestClient], caplog: pytest.LogCaptureFixture) -> None:
    db, client = served
    assert _said(client)[0] == 1
    index = Path(f"{db}.index")
    shutil.rmtree(index)
    index.write_text("not a folder")  # (neither synced nor opened anew)
    _add(db, 2)
    with caplog.at_level(logging.WARNING, logger="mljobs.web"):
        total, current, notes, note = _said(client)
    assert (total, current, note) == (1, False, FAILED)  # (the index as it was)
    assert notes == [FAILED[:1].lower() + FAILED[1:]]
    assert "another mljobs process" not in note
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors and str(index) in errors[0] and "mljobs reindex" in errors[0]
    index.unlink()  # (mended: the next request opens it anew, built again)
    assert _said(client) == (2, True, [], "")
