"""A path through a file (``--db jobs.csv/x.sqlite3``: a file where a folder goes) said
only "File exists" or "Not a directory"; the error now names the file in the way, and the
file is left as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
ROW = '{"id": "a", "source": "board", "title": "ML Engineer", "description": "PyTorch."}\n'


@pytest.mark.parametrize("under", ["x.sqlite3", "sub/x.sqlite3"])
def test_a_store_path_through_a_file_names_it(tmp_path: Path, under: str) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    db = rows / under
    res = runner.invoke(app, ["--db", str(db), "import", str(rows), "--no-enrich"])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"StoreError: cannot make the folder {db.parent} for the store {db} ({rows} is a "
        "file, not a folder); pick a writable place with --db")
    demo = runner.invoke(app, ["demo", "--db", str(db)])
    assert demo.exit_code == 1
    assert f"cannot make the demo store at {db} ({rows} is a file, not a folder)" in \
        " ".join(demo.output.split())
    assert rows.read_text(encoding="utf-8") == ROW


def test_an_enrich_output_through_a_file_names_it(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "title": "ML Engineer", "text": "PyTorch"}\n',
                    encoding="utf-8")
    out = rows / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(out)])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"InputError: Cannot write --output {out}: {rows} is a file, not a folder; give a "
        "file in a folder that exists and can be written.")
