"""``mljobs enrich``: ``--store`` with ``--input`` is refused (the file was silently ignored),
and a file with no corpus-format line says which command reads it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
HN_ITEMS = Path(__file__).resolve().parents[1] / "fixtures" / "hn-sample.jsonl"


def test_store_and_input_together_are_refused(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "title": "ML Engineer", "text": "PyTorch"}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--store", "--input", str(rows), "--output", str(out),
                              "--db", str(tmp_path / "none.sqlite3")])
    assert res.exit_code == 2
    assert " ".join(res.output.split()) == (  # (it said "Error:", as no other command does)
        "ConfigError: give --input FILE.jsonl (with --output) or --store, not both.")
    assert not out.exists()


def test_a_file_of_another_format_points_to_import(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(HN_ITEMS), "--output", str(out)])
    assert res.exit_code == 1
    flat = " ".join(res.output.split())
    assert "enriched 0 postings, 43 bad lines" in flat
    assert "No line is a corpus-format posting" in flat and "`mljobs import`" in flat
    assert not out.exists()  # (made empty before: test_enrich_output_whole.py)
