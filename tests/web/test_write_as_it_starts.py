"""A store write that landed as the server started (after its first index sync, before it
read the store's revision) was never searched: the server took the revision read after the
sync as the one its index held, so no request synced again until the store changed once
more."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mljobs.index import SearchIndex
from mljobs.models import Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore
from mljobs.web import app as web_app
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _posting(n: int, title: str) -> Posting:
    return normalize(RawPosting(source="board", source_id=str(n), title=title,
                                company=f"Company {n}",
                                description_text=f"{title}: build the models in PyTorch."))


def test_a_write_as_the_server_starts_is_searched(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "store.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert([_posting(0, "Data Engineer")], now=NOW)
    opened_for_search = web_app.open_for_search

    def then_another_import(store: SQLiteStore, *args: Any, **kwargs: Any
                            ) -> tuple[SearchIndex, Any]:
        # (the real start-up sync; then another process's import, on its own connection)
        opened = opened_for_search(store, *args, **kwargs)
        with SQLiteStore(db) as other:
            other.upsert([_posting(1, "Machine Learning Engineer")], now=NOW)
        return opened

    monkeypatch.setattr(web_app, "open_for_search", then_another_import)
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        found = client.get("/api/search", params={"q": "pytorch"}).json()
        assert found["total"] == 2, found
        assert found["index_current"] is True
