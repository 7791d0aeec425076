"""A stored enrichment this version cannot read (an older mljobs stored NaN archetype
probabilities as nulls) leaves the posting readable as not enriched, says so once, and
``mljobs enrich --store`` redoes it: search, show and the next import no longer crash."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.store import SQLiteStore


def _store_with_a_null_probability(tmp_path: Path) -> Path:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "x1", "title": "ML Engineer",
                                "description": "We train PyTorch models for search."}) + "\n")
    db = tmp_path / "s.sqlite3"
    result = CliRunner().invoke(app, ["import", str(rows), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:  # what an older version wrote: NaN saved as null
        (text,) = store.conn.execute("SELECT enrichment FROM postings").fetchone()
        data = json.loads(text)
        data["archetype_proba"] = {name: None for name in data["archetype_proba"]}
        with store.conn:
            store.conn.execute("UPDATE postings SET enrichment=?", (json.dumps(data),))
    return db


def test_a_posting_with_an_unreadable_enrichment_reads_as_not_enriched(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = _store_with_a_null_probability(tmp_path)
    with caplog.at_level(logging.WARNING), SQLiteStore(db) as store:
        posting = store.get("file:x1")
        assert posting is not None and posting.title == "ML Engineer"
        assert posting.enrichment is None
    assert "file:x1" in caplog.text and "mljobs enrich --store" in caplog.text


def test_enrich_store_redoes_an_unreadable_enrichment(tmp_path: Path) -> None:
    db = _store_with_a_null_probability(tmp_path)
    runner = CliRunner()
    shown = runner.invoke(app, ["show", "file:x1", "--db", str(db)])
    assert shown.exit_code == 0 and "Not enriched yet" in shown.output, shown.output
    assert runner.invoke(app, ["enrich", "--store", "--db", str(db)]).exit_code == 0
    with SQLiteStore(db) as store:
        posting = store.get("file:x1")
        assert posting is not None and posting.enrichment is not None
        assert abs(sum(posting.enrichment.archetype_proba.values()) - 1) < 1e-6
    found = runner.invoke(app, ["search", "PyTorch", "--db", str(db)])
    assert found.exit_code == 0 and "file:x1" in found.output, found.output
