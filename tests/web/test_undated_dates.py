"""The search page dates a posting whose source gives no date by the day the store first saw
it, and says so (it listed Glassdoor's 2020 rows as posted on the day they were imported); the
dashboard's month charts leave it out (they counted it in the month it was imported)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app as cli
from mljobs.store import SQLiteStore
from mljobs.web import create_app


def test_the_list_says_an_undated_postings_date_is_when_it_was_first_seen(
        undated_rows: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    res = CliRunner().invoke(cli, ["--db", str(db), "import", "--no-enrich", str(undated_rows)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with SQLiteStore(db) as store:
        undated = store.get("board:u1")
        assert undated is not None and undated.posted_at is None and undated.first_seen
        seen = undated.first_seen.strftime("%Y-%m-%d")
    with TestClient(create_app(db)) as client:
        response = client.get("/?q=pytorch&sort=date")
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    dates = {li["data-id"]: li.select_one(".date").get_text(" ", strip=True)
             for li in page.select("li.hit")}
    assert dates["board:u1"] == f"undated, first seen {seen}"
    assert dates["board:d1"] == "2026-03-02"


def test_the_month_charts_leave_undated_postings_out(undated_rows: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    res = CliRunner().invoke(cli, ["--db", str(db), "import", str(undated_rows)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with TestClient(create_app(db)) as client:
        months = client.get("/api/dashboard/months").json()["rows"]
        archetypes = client.get("/api/dashboard/archetypes").json()["rows"]
    assert {m for m, _arche, n in months if n} == {"2026-03"}
    assert sum(n for _m, _arche, n in months) == 1
    assert sum(n for _arche, n in archetypes) == 2  # both postings are still counted there


def test_the_month_charts_say_why_they_are_empty_when_no_posting_is_dated(
        undated_rows: Path, tmp_path: Path) -> None:
    """Filtered to undated postings (Glassdoor's 2020 rows: 998 postings on the corpus
    store), the month and trend charts said "No data for these filters." under a heading of
    998 postings, as if the filters had kept none: they say the postings have no date."""
    db = tmp_path / "store.sqlite3"
    res = CliRunner().invoke(cli, ["--db", str(db), "import", str(undated_rows)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with TestClient(create_app(db)) as client:
        page = BeautifulSoup(client.get("/dashboard?company=undated+co").text, "html.parser")
        both = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    for chart in ("months", "trends"):
        said = page.select_one(f"#finding-{chart}").get_text()
        assert said == ("The one posting counted here says no date it was posted: undated "
                        "postings are left out of this chart."), said
    assert page.select_one("#finding-archetypes").get_text().startswith("1 posting")
    assert "1 dated posting" in both.select_one("#finding-months").get_text()
