"""A store SQLite finds damaged (a disk fault, a copy cut short or written over part way)
was a ``DatabaseError: database disk image is malformed`` traceback (or ``OperationalError:
Could not decode to UTF-8 column 'data'``) from ``stats``, ``search``, ``show``,
``reindex``. It is now one ``StoreError`` naming the file, saying mljobs cannot mend it
and what can be done."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _store(tmp_path: Path) -> Path:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({
        "id": str(i), "source": "board", "title": f"ML Engineer {i}", "company": f"Co {i}",
        "description": f"Train PyTorch models and ship them with Kubernetes, job {i}. " * 20})
        + "\n" for i in range(60)), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(rows), "--no-enrich"])
    assert res.exit_code == 0, res.output
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _write_over(db: Path, table: str) -> None:
    """The first page of ``table``'s rows written over with bytes no page holds."""
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?",
                            (table,)).fetchone()[0]
    with db.open("r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\xff" * page_size)


@pytest.mark.parametrize("command", [["stats"], ["search", "pytorch"], ["reindex"],
                                     ["show", "board:1"]])
def test_a_damaged_store_is_one_error_naming_it(tmp_path: Path, command: list[str]) -> None:
    db = _store(tmp_path)
    _write_over(db, "postings")
    res = runner.invoke(app, ["--db", str(db), *command])
    assert res.exit_code == 1, res.output
    assert isinstance(res.exception, SystemExit), res.exception  # was a DatabaseError
    flat = " ".join(res.output.split())
    assert f"StoreError: the store at {db} is damaged: SQLite cannot read part of it" in flat
    assert "restore the file from a backup" in flat and "Traceback" not in flat
