"""The web app on a store with no postings says so and how to fill it (the search page said
"Remove a filter or try fewer words"; the match page showed an empty gaps table under "the 0
open ... postings")."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import Posting
from mljobs.store import open_store
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
RESUME = b"Jane Doe\nMachine learning engineer. Python, PyTorch, Kubernetes.\n"


def test_an_empty_store_says_how_to_fill_it(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        search = BeautifulSoup(client.get("/").text, "html.parser")
        filtered = BeautifulSoup(client.get("/?q=pytorch&remote=remote").text, "html.parser")
        match = client.post("/match", files={"resume": ("cv.txt", RESUME)})
    for page in (search, filtered):
        note = page.select_one("#store-empty")
        # the served store's commands: the bare ones filled the default store, not this one
        assert note is not None and " ".join(note.get_text().split()) == (
            f"This store holds no postings yet. Load some with mljobs --db {db} import FILE, "
            f"mljobs --db {db} sync or mljobs demo --db {db}.")
        assert "Remove a filter" not in page.get_text()
    assert match.status_code == 200
    page = BeautifulSoup(match.text, "html.parser")
    assert page.select_one("#no-matches").get_text() == (
        f"No open postings to rank yet. Import some with mljobs --db {db} import FILE.")
    assert page.select_one("#gaps") is None
    assert "to learn from yet" in page.select_one("#no-gaps").get_text()


def test_a_store_with_postings_still_says_remove_a_filter(client: TestClient) -> None:
    page = BeautifulSoup(client.get("/?q=zzzqqqxxy").text, "html.parser")
    assert page.select_one("#store-empty") is None
    assert "Remove a filter" in page.get_text()


def test_the_dashboard_of_an_empty_store_says_how_to_fill_it(tmp_path: Path) -> None:
    """Its six charts said "No data for these filters" with no filter on, and "Filter every
    chart" led to an empty sidebar."""
    db = tmp_path / "empty.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    note = page.select_one("#store-empty")
    assert note is not None and " ".join(note.get_text().split()) == (
        f"This store holds no postings yet. Load some with mljobs --db {db} import FILE, "
        f"mljobs --db {db} sync or mljobs demo --db {db}.")
    findings = [p.get_text() for p in page.select("p.finding")]
    assert len(findings) == 6
    assert set(findings) == {"No posting in this store has data for this chart yet."}
    assert page.select_one('a[href="#filters"]') is None
    assert "Nothing to filter on yet." in page.select_one("#filters").get_text()


def test_a_chart_with_no_data_blames_a_filter_only_when_one_is_on(tmp_path: Path) -> None:
    """A store whose one posting is not understood and undated: the charts that need an
    understanding or a date have no data, and no filter is to blame."""
    db = tmp_path / "raw.sqlite3"
    store = open_store(db)
    store.upsert([Posting(id="file:1", source="file", source_id="1", title="ML Engineer",
                          description_text="Train models in PyTorch.")], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        plain = BeautifulSoup(client.get("/dashboard").text, "html.parser")
        filtered = BeautifulSoup(client.get("/dashboard?source=file").text, "html.parser")
    assert plain.select_one("#store-empty") is None
    said = {p["id"]: p.get_text() for p in plain.select("p.finding")}
    assert said["finding-archetypes"] == "1 posting, Not yet understood."
    assert said["finding-salaries"] == "No posting in this store has data for this chart yet."
    assert "No data for these filters." not in said.values()
    assert filtered.select_one("#finding-salaries").get_text() == "No data for these filters."
