"""The dashboard says what its charts count (each job once, reposts and duplicates linked; open
and closed; months by the day posted, in UTC) and the store's own count beside it: its heading
gave "2,479 postings" with no word of what it counts, where `mljobs stats` says 2,925 of the same
store (reposts included)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.store import SQLiteStore


def test_the_dashboard_says_what_it_counts(client: TestClient, web_db: Path) -> None:
    store = SQLiteStore(web_db)
    try:
        stored, linked = store.count(), store.canonical_count()
    finally:
        store.close()
    assert stored > linked  # the web test store links reposts
    page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    heading = page.select_one("h1").get_text(" ", strip=True)
    assert f"{linked:,} postings" in heading
    said = " ".join(page.select_one("#counted").get_text().split())
    assert said == (
        "The charts count each job once: a repost or duplicate linked to another posting is "
        f"left out (this store holds {stored:,} postings, {linked:,} after linking; mljobs "
        f"stats's tables count all {stored:,}, but its last, by company, each job once). Open "
        "and closed postings alike; months by the "
        "day a posting was posted, in UTC (undated postings are left out of the month and "
        "trend charts).")


def test_an_empty_store_s_dashboard_says_no_count(tmp_path: Path) -> None:
    from mljobs.web import create_app

    SQLiteStore(tmp_path / "empty.sqlite3").close()
    with TestClient(create_app(tmp_path / "empty.sqlite3")) as empty:
        page = BeautifulSoup(empty.get("/dashboard").text, "html.parser")
    assert page.select_one("#counted") is None and page.select_one("#store-empty") is not None
