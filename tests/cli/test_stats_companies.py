"""``mljobs stats`` also ranks companies counting each job once (reposts and duplicates linked),
as search and the web app count: per posting only, a company that reposts one job to each
month's thread topped the list (the corpus store: Starbridge 13 postings, 3 jobs; Novartis's 9
jobs were not in the top 10)."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web.app import create_app

runner = CliRunner()

TEXT = ("We are hiring a machine learning engineer to build ranking models in PyTorch and ship "
        "them to production; you will own training pipelines, evaluation and serving.")


def _rows() -> list[dict[str, str]]:
    # one job posted three times (linked as reposts), and two distinct jobs of another company
    reposts = [{"id": f"rep-{n}", "source": "board", "title": "ML Engineer",
                "company": "Repostco", "location": "Berlin", "description": TEXT}
               for n in range(3)]
    jobs = [{"id": f"two-{n}", "source": "board", "title": title, "company": "Twojobs",
             "location": "Paris", "description": text} for n, (title, text) in enumerate((
                 ("Data Scientist", "Forecast demand with Python, SQL and gradient boosting."),
                 ("Research Scientist", "Publish on speech recognition; a PhD is required.")))]
    return reposts + jobs


def test_stats_ranks_companies_each_job_once_too(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--db", db, "stats", "--json"], catch_exceptions=False)
    data = json.loads(res.output)
    assert (data["postings"], data["canonical"]) == (5, 3)  # the three copies linked
    assert data["top_companies"] == {"Repostco": 3, "Twojobs": 2}
    assert data["top_companies_linked"] == {"Twojobs": 2, "Repostco": 1}
    # ranked in the JSON too, as the tables and /api/stats list them: the keys were sorted,
    # so a reader taking the object in order read Repostco first, by its name
    assert list(data["top_companies_linked"]) == ["Twojobs", "Repostco"]
    assert list(data) == sorted(data)  # (the top level's keys still sorted)
    with TestClient(create_app(db)) as client:  # /api/stats keeps the order as well
        answer = client.get("/api/stats").json()
    assert list(answer["top_companies_linked"]) == ["Twojobs", "Repostco"]
    assert list(answer["top_companies"]) == ["Repostco", "Twojobs"]
    shown = " ".join(runner.invoke(app, ["--db", db, "stats"]).output.split())
    assert "the tables below count every posting, but the last, by company, each job once" \
        in shown
    table = shown[shown.rindex("by company, each job once"):]
    assert table.index("Twojobs") < table.index("Repostco")


def test_a_store_without_links_shows_one_company_table(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(_rows()[3]) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(rows)]).exit_code == 0
    shown = " ".join(runner.invoke(app, ["--db", db, "stats"]).output.split())
    assert "by company" in shown and "each job once" not in shown


def test_counts_that_tie_come_out_by_name_in_every_table(tmp_path: Path) -> None:
    """``stats --json`` keeps each table's order (most first), so the order of a tie is what
    a reader sees: by name, as the company tables had it; the other tables left it to SQLite's
    sorter, which gave them in reverse (``board-c``, ``board-b``, ``board-a``)."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(
        {"id": f"job-{n}", "source": f"board-{name}", "title": title,
         "company": f"Company {name}", "location": place, "remote": remote,
         "description": text}) + "\n"
        for n, (name, title, place, remote, text) in enumerate((
            ("a", "Data Scientist", "Remote", "remote", "Forecast demand with Python and SQL."),
            ("b", "Research Scientist", "Paris", "onsite", "Publish on speech recognition."),
            ("c", "ML Engineer", "Berlin", "hybrid", TEXT)))), encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(rows)]).exit_code == 0
    data = json.loads(runner.invoke(app, ["--db", db, "stats", "--json"]).output)
    for key in ("by_source", "by_remote", "by_archetype", "top_companies"):
        assert set(data[key].values()) == {1}, data[key]  # (each a tie)
        assert list(data[key]) == sorted(data[key]), (key, data[key])
