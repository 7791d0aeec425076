"""A posting date before 1991 is no posting date (no job was posted on the web then): an
import row with ``posted_at`` 0 was stored with no date and said nothing (``0`` read as
missing), one with 1985-03-01 was stored and listed as posted in 1985. Such rows are now bad
rows naming the field and the date; a board that sends 1970-01-01 on sync gets its posting
stored with no date, not as posted in 1970."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

from ..sources.replay_server import ReplayServer, Reply

runner = CliRunner()
BOARD = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "greenhouse" / "vaulttec.json"


def test_import_refuses_dates_before_1991_naming_row_and_date(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(r) for r in (
        {"id": "ok", "title": "ML Engineer", "description": "PyTorch", "posted_at": "1991-01-02"},
        {"id": "zero", "title": "ML Engineer", "description": "PyTorch", "posted_at": 0},
        {"id": "old", "title": "ML Engineer", "description": "PyTorch", "posted_at": "1985-03-01"},
    )) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(rows)])
    assert res.exit_code == 1
    out = " ".join(res.output.split())
    for line, day in ((2, "1970-01-01"), (3, "1985-03-01")):
        assert (f"bad row {rows}:{line} field 'posted_at': {day} is before 1991-01-01") in out, out
    assert "fix the date or leave it empty" in out
    found = runner.invoke(app, ["--db", db, "search", "", "--json"], catch_exceptions=False)
    hits = json.loads(found.output)["hits"]
    assert [(h["id"], h["posted_at"][:10]) for h in hits] == [("file:ok", "1991-01-02")]


@pytest.fixture
def board_url() -> Iterator[str]:
    """The recorded board, its first job's publish time 1970, on 127.0.0.1."""
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    board["jobs"][0]["first_published"] = "1970-01-01T00:00:00Z"
    with ReplayServer({"/v1/boards/vaulttec/jobs": Reply(json.dumps(board).encode())}) as srv:
        yield srv.url


def test_sync_stores_a_1970_publish_time_as_no_date(tmp_path: Path, board_url: str) -> None:
    config = str(tmp_path / "sources.toml")
    added = runner.invoke(app, ["sources", "add", "greenhouse", "--set", "boards=vaulttec",
                                "--set", f"base_url={board_url}", "--config", config])
    assert added.exit_code == 0, added.output
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "sync", "--config", config, "--no-enrich"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    board = json.loads(BOARD.read_text(encoding="utf-8"))
    pid = f"greenhouse:vaulttec:{board['jobs'][0]['id']}"
    shown = runner.invoke(app, ["--db", db, "show", pid, "--json"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["posted_at"] is None
