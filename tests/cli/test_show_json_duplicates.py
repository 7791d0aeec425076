"""`show` lists the same job under other ids (closed ones marked), and `/api/postings/{id}`
gives them as `duplicates`; `show --json` gave none of them. It now gives the API's list."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore
from mljobs.web import create_app

runner = CliRunner()


def _show(db: str, posting_id: str) -> dict[str, object]:
    result = runner.invoke(app, ["--db", db, "show", posting_id, "--json"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, dict)
    return data


def test_show_json_lists_the_same_job_under_other_ids(tmp_path: Path) -> None:
    rows = tmp_path / "jobs.csv"
    rows.write_text("id,title,company,description\n7,ML Engineer,Acme,Train PyTorch models for "
                    "search ranking and ship them to production.\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    for source in ("board-a", "board-b", "board-c"):
        done = runner.invoke(app, ["--db", db, "import", "--no-enrich", "--source", source,
                                   str(rows)], env={"COLUMNS": "200"})
        assert done.exit_code == 0, done.output
    store = SQLiteStore(db)
    store.close_open(["board-c:7"], now=datetime(2026, 6, 1, 12, tzinfo=UTC))
    store.close()

    shown = _show(db, "board-b:7")
    assert shown["duplicates"] == [
        {"id": "board-a:7", "source": "board-a", "url": None, "status": "open",
         "closed_at": None},
        {"id": "board-c:7", "source": "board-c", "url": None, "status": "closed",
         "closed_at": "2026-06-01T12:00:00Z"}]
    with TestClient(create_app(Path(db))) as client:
        api = client.get("/api/postings/board-b:7").json()["posting"]
    assert api["duplicates"] == shown["duplicates"]
    # (and its history, which the text shows: the JSON had none of it)
    assert api == shown  # (the CLI sorts its JSON keys, as every --json does: print_json)
    assert [c["kind"] for c in shown["changes"]] == ["created"], shown["changes"]

    text = runner.invoke(app, ["--db", db, "show", "board-b:7"], env={"COLUMNS": "200"})
    assert "board-a:7" in text.output and "board-c:7" in text.output  # (as the text names them)
    alone = tmp_path / "alone.sqlite3"
    runner.invoke(app, ["--db", str(alone), "import", "--no-enrich", str(rows)])
    assert _show(str(alone), "file:7")["duplicates"] == []
