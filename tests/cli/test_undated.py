"""A posting whose source gives no date (an archive's rows, a board without a publish date) is
dated in result lists by the day the store first saw it, and the list says so: it listed
Glassdoor's 2020 rows as posted on the day they were imported."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
ROWS = [
    {"id": "d1", "source": "board", "title": "Machine Learning Engineer", "company": "Dated Co",
     "description": "Train ranking models in PyTorch.", "posted_at": "2026-03-02T10:00:00Z"},
    {"id": "u1", "source": "board", "title": "Machine Learning Scientist", "company": "Undated Co",
     "description": "Train vision models in PyTorch."},
]


def make_store(tmp_path: Path) -> str:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    db = str(tmp_path / "store.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(rows)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


def first_seen(db: str, pid: str) -> str:
    res = runner.invoke(app, ["--db", db, "show", pid, "--json"], catch_exceptions=False)
    data = json.loads(res.output)
    assert data["posted_at"] is None  # the row gives no date
    return str(data["first_seen"])[:10]


def test_search_marks_the_date_of_an_undated_posting_as_first_seen(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    seen = first_seen(db, "board:u1")
    res = runner.invoke(app, ["--db", db, "search", "pytorch", "--sort", "date"],
                        env={"COLUMNS": "200"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    lines = {line.split()[0]: line for line in res.output.splitlines()
             if line.strip().startswith("board:")}
    assert f"undated, first seen {seen}" in lines["board:u1"]
    assert "2026-03-02" in lines["board:d1"] and "first seen" not in lines["board:d1"]
