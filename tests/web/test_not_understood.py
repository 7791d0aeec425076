"""A posting the understanding step has not seen (imported with ``--no-enrich``): its page
said "run `mljobs enrich --store`", which understands the postings of the default store, not
those of the store ``serve --db`` serves. It names the served store, as ``mljobs stats``
and the dashboard's note do (``pipeline.enrich_store_command``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "my jobs.sqlite3"
    with SQLiteStore(path) as store:
        store.upsert([normalize(RawPosting(
            source="board", source_id="1", title="Machine Learning Engineer", company="Acme",
            description_text="Train models in PyTorch."))], now=NOW)
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def test_a_posting_not_yet_understood_names_the_command_for_this_store(
        client: TestClient, db: Path) -> None:
    page = BeautifulSoup(client.get("/posting/board:1").text, "html.parser")
    said = page.select_one(".understanding p.dim")
    assert said is not None
    assert said.get_text(" ", strip=True) == (
        f"Not understood yet: run mljobs --db '{db}' enrich --store to classify this posting.")
