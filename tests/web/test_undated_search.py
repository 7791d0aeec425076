"""The web app gives a posting whose source gives no date (an archive's rows, a board without a
publish date) no post date: "newest" lists it after every dated posting, "posted within"
leaves it out (search, its counts and the dashboard), and the "Posted in" facet lists it as
``undated``, after the months. It listed Glassdoor's 2020 rows as new on the day they were
imported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
# (id, posted days before NOW or None, first seen days before NOW)
POSTS = [("fresh", 2, 2), ("spring", 60, 1), ("archive1", None, 0), ("archive2", None, 0),
         ("board", None, 3)]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "store.sqlite3"
    with SQLiteStore(db) as store:
        for key, posted, seen in POSTS:
            store.upsert([normalize(RawPosting(
                source="board", source_id=key, title=f"Machine Learning Engineer {key}",
                company="Acme", description_text="Train models in PyTorch.",
                posted_at=(NOW - timedelta(days=posted)).isoformat() if posted else None,
            ))], now=NOW - timedelta(days=seen))
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def _page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def _hits(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(li["data-id"].removeprefix("board:"), li.select_one(".date").get_text(strip=True))
            for li in page.select("li.hit")]


def test_newest_first_lists_undated_postings_last(client: TestClient) -> None:
    hits = _hits(_page(client, "/?q=pytorch&sort=date"))
    assert hits == [
        ("fresh", "2026-05-30"), ("spring", "2026-04-02"),
        ("archive1", "undated, first seen 2026-06-01"),
        ("archive2", "undated, first seen 2026-06-01"),
        ("board", "undated, first seen 2026-05-29"),
    ]
    api = client.get("/api/search", params={"sort": "date"}).json()["hits"]
    assert [(h["id"], h["posted_at"] is None) for h in api][1:3] == [
        ("board:spring", False), ("board:archive1", True)]
    assert api[2]["first_seen"].startswith("2026-06-01") and api[0]["first_seen"] is None


def test_posted_within_counts_only_postings_posted_in_it(client: TestClient) -> None:
    page = _page(client, "/?since=7d")
    assert [i for i, _date in _hits(page)] == ["fresh"]
    counts = {a["data-value"]: int(a.select_one(".count").text.replace(",", ""))
              for a in page.select('details[data-facet="since"] a')}
    assert counts == {"": 5, "7d": 1, "30d": 1, "90d": 2, "1y": 2}
    assert client.get("/api/search", params={"since": "1y"}).json()["total"] == 2
    rows = client.get("/api/dashboard/archetypes", params={"since": "7d"}).json()["rows"]
    assert sum(n for _arche, n in rows) == 1


def test_posted_in_lists_months_then_undated(client: TestClient) -> None:
    page = _page(client, "/")
    box = page.select_one('details.facet[data-facet="month"]')
    assert box is not None
    values = [(a["data-value"], int(a.select_one(".count").text.replace(",", "")))
              for a in box.select("a.facet-value")]
    assert values == [("2026-05", 1), ("2026-04", 1), ("undated", 3)]
    only = _page(client, "/?month=undated&sort=date")
    assert [i for i, _date in _hits(only)] == ["archive1", "archive2", "board"]
