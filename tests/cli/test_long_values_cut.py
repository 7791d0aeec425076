"""An error that quotes what the user gave quoted all of it: ``mljobs show`` of a 3,000
character id (a pasted row), ``--filter KEY=...`` and ``import --source`` of a long name
printed the whole text, a screenful for one mistake. The value is now cut to 80 characters
ending in "…" (``errors.clip``); the message still says what to do."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
LONG = "x" * 3000
CUT = "'" + "x" * 79 + "…'"


def test_long_values_are_cut_in_cli_errors(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "title": "ML Engineer", "description": "PyTorch"}\n',
                    encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", "--no-enrich", str(rows)]).exit_code == 0
    for args, rest in ((["show", LONG], "; find ids with `mljobs search`"),
                       (["search", "", "--filter", f"{LONG}=1"], ": unknown field; known:"),
                       (["import", "--source", LONG, str(rows)], ": use letters, digits")):
        res = runner.invoke(app, ["--db", db, *args])
        assert res.exit_code != 0, res.output
        out = " ".join(res.output.split())
        assert CUT in out and rest in out, out
        assert "x" * 200 not in out and len(out) < 600, out
