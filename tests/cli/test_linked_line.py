"""After linking one duplicate, import said "linked 1 postings as duplicates of others (the
store holds 1 groups of the same job)"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_one_linked_posting_is_said_in_the_singular(tmp_path: Path) -> None:
    rows = tmp_path / "jobs.csv"
    rows.write_text("title,company,description\nML Engineer,Acme,Train PyTorch models for "
                    "search ranking and ship them to production.\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    first = runner.invoke(app, ["--db", db, "import", "--no-enrich", "--source", "board-a",
                                str(rows)], env={"COLUMNS": "200"})
    assert first.exit_code == 0 and "linked" not in first.output, first.output
    second = runner.invoke(app, ["--db", db, "import", "--no-enrich", "--source", "board-b",
                                 str(rows)], env={"COLUMNS": "200"})
    assert second.exit_code == 0, second.output
    assert ("linked 1 posting as a duplicate of another (the store holds 1 group of the "
            "same job)") in " ".join(second.output.split())
