"""``mljobs demo --db X`` on a store that holds postings is refused with the kind of error
named, as every other command names it (it printed ``Error:``, and "1 postings")."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_a_filled_store_is_refused_naming_the_kind_of_error(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "source": "board", "title": "ML Engineer", '
                    '"description": "PyTorch."}\n')
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(rows), "--no-enrich"]).exit_code == 0
    res = runner.invoke(app, ["demo", "--db", str(db)])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"ConfigError: {db} already holds 1 posting; pass --replace to rebuild it, or pick a "
        "new --db path")
