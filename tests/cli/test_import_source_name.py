"""``mljobs import --source NAME`` took any name: ``--source 'Bad Name!'`` stored the ids
"Bad Name!:a" that no ``sources add --name`` would allow. The name is now held to the same
rule (``config.validate_name``), refused before any store is made."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_import_source_name_is_checked_as_sources_add_checks_it(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "title": "ML Engineer", "description": "PyTorch"}\n',
                    encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", "--source", "Bad Name!",
                              str(rows)])
    assert res.exit_code != 0
    out = " ".join(res.output.split())
    assert "--source: source name 'Bad Name!': use letters, digits" in out, out
    assert not db.exists()
    added = runner.invoke(app, ["sources", "add", "hackernews", "--name", "Bad Name!",
                                "--config", str(tmp_path / "sources.toml")])
    assert "source name 'Bad Name!': use letters, digits" in " ".join(added.output.split())
    good = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", "--source", "my-board",
                               str(rows)])
    assert good.exit_code == 0, good.output
    found = runner.invoke(app, ["--db", str(db), "show", "my-board:a"])
    assert found.exit_code == 0 and "ML Engineer" in found.output
