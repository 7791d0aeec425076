"""A CSV row with more values than the header has columns is one bad row, named with its line;
the other rows are imported. It was a TypeError traceback (the extra values, which ``csv``
keeps under the key None, could not be sorted among the column names), and so was
``import --format csv`` of a JSONL file, whose rows split on their commas."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _postings(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM postings").fetchone()[0])


def test_a_row_with_extra_values_is_one_bad_row_and_the_rest_imported(tmp_path: Path) -> None:
    rows = tmp_path / "jobs.csv"
    rows.write_text("title,company,description\n"
                    "ML Engineer,Acme,PyTorch and Kubernetes,Berlin,remote\n"
                    "Data Scientist,Beta,Python and SQL\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(rows)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert "jobs.csv:2" in flat and "2 more values than header columns" in flat
    assert _postings(db) == 1


def test_a_jsonl_file_read_as_csv_is_bad_rows_not_a_traceback(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"p{i}", "title": "ML Engineer",
                                        "company": "Acme", "text": "PyTorch" + ", Python" * i})
                            + "\n" for i in range(3)), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--format", "csv", str(rows)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.exception
    assert "bad row" in res.output
    assert not db.exists()  # (a store the run made and stored nothing in is removed)


def test_a_too_long_row_has_no_raw_text_as_a_broken_row_has_none(tmp_path: Path) -> None:
    """No caller reads a bad row's raw; its JSON was built only to be dropped, and its "" key
    for the extra values overwrote a real "" column (a header ending in a comma). Not seen
    through the CLI, so read from the reader itself."""
    from mljobs.sources.files import _read_csv

    rows = tmp_path / "jobs.csv"
    rows.write_text("title,company,\nML Engineer,Acme,notes,Berlin\nData Scientist,Beta,x\n",
                    encoding="utf-8")
    read = list(_read_csv(rows, 1 << 20))
    assert (read[0][0], read[0][2]) == (2, b"")
    assert json.loads(read[1][2]) == {"title": "Data Scientist", "company": "Beta", "": "x"}
