"""The import summary's result of a file none of whose rows could be read: it said
"partial" (as for a file whose good rows landed) over a table of 0 new, 0 updated, 0
unchanged; it now says "no rows imported". A file with good and bad rows stays "partial"."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
GOOD = json.dumps({"id": "g1", "title": "Machine learning engineer",
                   "description": "Train models with PyTorch."})


def _summary_row(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if f" {name} " in line and "│" in line)


def test_a_file_of_bad_rows_only_says_no_rows_were_imported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('garbage\n{"title": ""}\n[1, 2]\n')
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(f"garbage\n{GOOD}\n")
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "import", "--no-enrich",
                              str(bad), str(mixed)], env={"COLUMNS": "120"})
    assert res.exit_code == 1
    assert _summary_row(res.output, "bad.jsonl").split("│")[-2].strip() == "no rows imported"
    assert _summary_row(res.output, "mixed.jsonl").split("│")[-2].strip() == "partial"
