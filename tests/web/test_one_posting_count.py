"""The search page's count line said "1 postings match data engineer" (``mljobs search``
says "1 posting matches"), and the dashboard's heading "· 1 postings"; both now agree in
number, as the CLI does."""

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
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "store.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert([normalize(RawPosting(
            source="board", source_id=str(n), title=title, company=f"Company {n}",
            description_text=f"{title}: build the models in PyTorch."))
            for n, title in enumerate(["Data Engineer", "Machine Learning Engineer"])], now=NOW)
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


@pytest.mark.parametrize(("q", "said"), [
    ("data engineer", "1 posting matches data engineer · page 1 of 1"),
    ("pytorch", "2 postings match pytorch · page 1 of 1"),
    ("zzzz", "0 postings match zzzz"),
    ("-", "2 postings ( - has no word to search for) · page 1 of 1"),
])
def test_the_count_line_agrees_in_number(client: TestClient, q: str, said: str) -> None:
    page = BeautifulSoup(client.get("/", params={"q": q}).text, "html.parser")
    line = page.select_one("p.summary").get_text(" ", strip=True)
    assert " ".join(line.split()).startswith(said), line


@pytest.mark.parametrize(("query", "said"), [("", "The ML job market · 2 postings"),
                                             ("?company=Company+0", "The ML job market · 1 posting")])
def test_the_dashboard_heading_agrees_in_number(client: TestClient, query: str,
                                                said: str) -> None:
    """The dashboard's heading said "· 1 postings" when the filters kept one."""
    page = BeautifulSoup(client.get("/dashboard" + query).text, "html.parser")
    assert " ".join(page.select_one("h1").get_text(" ", strip=True).split()) == said
