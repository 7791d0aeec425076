"""A file with no row in it was "no rows found; is it empty?" whatever it held: a CSV file of
a header line, and a JSONL file read with ``--format csv`` (its one line taken for the
header), are not empty. Each now says what it holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
ROW = json.dumps({"id": "1", "title": "ML Engineer", "description": "PyTorch."}) + "\n"


@pytest.mark.parametrize(("name", "text", "options", "said"), [
    ("jobs.jsonl", "", [], "the file is empty"),
    ("jobs.csv", "title,company,description\n", [], "it holds a header line and no row under it"),
    ("jobs.jsonl", ROW, ["--format", "csv"],
     ("read as CSV (--format csv), its first line is a header with no row under it: is it "
      "CSV? Leave --format out to read the file by its name")),
    ("jobs.json", "[]\n", [], "it holds an empty JSON list"),
    ("jobs.jsonl", "\n\n", [], "it holds only blank lines"),
])
def test_a_file_with_no_row_says_what_it_holds(tmp_path: Path, name: str, text: str,
                                               options: list[str], said: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(path), *options])
    assert res.exit_code == 1
    flat = " ".join(res.output.split())
    assert f"InputError: {path}: no rows found; {said}" in flat
    assert "is it empty?" not in flat and not db.exists()
