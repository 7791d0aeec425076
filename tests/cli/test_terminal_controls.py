"""Posting text that would drive the terminal (ESC and C1 control sequences: clear the
screen, set the clipboard, hide a link; bidirectional overrides that reorder a line;
Rich markup) is printed inert by every command that shows it, in text and in --json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
TITLE = "ML Engineer \x1b]52;c;ZXZpbA==\x07 \x9b2J \u202etxt.exe [bold red]X[/bold red]"
ROW = {"id": "t1", "title": TITLE, "company": "Acme \x1b]8;;https://evil.example\x07click",
       "location": "Remote \x1b[31mred\x1b[0m", "posted_at": "2026-05-01",
       "description": "We train PyTorch models. \x1b[2J\x1b[H \x9b31m [red]markup[/red]"}
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("controls")
    rows = folder / "rows.jsonl"
    rows.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    path = folder / "db.sqlite3"
    res = runner.invoke(app, ["--db", str(path), "import", "--no-enrich", str(rows)])
    assert res.exit_code == 0, res.output
    return path


@pytest.mark.parametrize("args", [["search", "pytorch"], ["show", "file:t1"], ["stats"],
                                  ["search", "pytorch", "--json"], ["show", "file:t1", "--json"],
                                  ["stats", "--json"]])
def test_no_control_character_reaches_the_terminal(db: Path, args: list[str]) -> None:
    res = runner.invoke(app, ["--db", str(db), *args])
    assert res.exit_code == 0, res.output
    assert not RAW.findall(res.output), sorted(set(RAW.findall(res.output)))


@pytest.mark.parametrize("args", [["search", "pytorch", "--json"], ["show", "file:t1", "--json"]])
def test_json_output_still_holds_the_text_as_given(db: Path, args: list[str]) -> None:
    out = runner.invoke(app, ["--db", str(db), *args]).output
    assert "\\u009b" in out and "\\u202e" in out
    assert TITLE in _strings(json.loads(out))


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return {s for item in items for s in _strings(item)}
