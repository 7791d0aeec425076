"""An FTS5 search index SQLite cannot read (``STORE.fts5.sqlite3`` cut short by a copy, or
written over) was a ``DatabaseError: file is not a database`` traceback on every
``search --engine fts5``, and on ``reindex --engine fts5``, the command meant to mend it.
The index is derived data: it is made anew from the store, as a broken tantivy index is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()

ROWS = [
    {"id": "a", "source": "board", "title": "ML Engineer", "company": "Alpenwerk",
     "description": "Train PyTorch models for search ranking."},
    {"id": "b", "source": "board", "title": "Data Engineer", "company": "Lakeside",
     "description": "Spark and Airflow pipelines."},
]


@pytest.mark.parametrize("broken", [b"not a database at all\n", b"SQLite format 3\x00" + b"\x07" * 90])
def test_an_unreadable_fts5_index_is_made_anew(tmp_path: Path, broken: bytes) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(rows)]).exit_code == 0
    search = ["--db", str(db), "search", "pytorch", "--engine", "fts5", "--json"]
    first = runner.invoke(app, search)
    assert first.exit_code == 0, first.output
    index = tmp_path / "s.sqlite3.fts5.sqlite3"
    assert index.exists()
    index.write_bytes(broken)
    again = runner.invoke(app, search)
    assert again.exit_code == 0, again.output  # was a DatabaseError traceback
    assert [h["id"] for h in json.loads(again.output)["hits"]] == ["board:a"]
    index.write_bytes(broken)
    rebuilt = runner.invoke(app, ["--db", str(db), "reindex", "--engine", "fts5"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "indexed 2 postings with fts5" in rebuilt.output
