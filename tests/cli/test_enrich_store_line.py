"""What ``mljobs enrich --store`` says when it is done: counts with thousands separators, in
the singular for one ("Enriched 2932 postings; 1 new role postings" before)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _run(db: Path, *args: str) -> str:
    res = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())


def test_enrich_store_says_one_posting_in_the_singular(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "source": "board", "title": "ML Engineer",
                                "company": "Acme",
                                "description": "Train and ship ranking models in PyTorch."})
                    + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    _run(db, "import", str(rows))
    said = _run(db, "enrich", "--store")
    assert "Enriched 1 posting; no new role postings from multi-role posts." in said


def test_enrich_store_line_groups_thousands() -> None:
    from mljobs.cli.render import enriched_line

    assert enriched_line(2932, 1) == (
        "Enriched 2,932 postings; 1 new role posting from multi-role posts.")
    assert enriched_line(0, 1200) == (
        "Enriched 0 postings; 1,200 new role postings from multi-role posts.")
