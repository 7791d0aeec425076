"""``mljobs import`` of a row that changes a closed posting's text: the posting opens again,
and its history says an import did it ("reopened (status, imported): imported again, with
another text"), not a sync's "reopened (status): listed again", which no source did."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Status
from mljobs.store import SQLiteStore
from mljobs.web import create_app

runner = CliRunner()
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "hn-sample.jsonl"  # (HN item rows)


def test_an_imports_reopening_says_it_was_imported(tmp_path: Path) -> None:
    """Before, the history read "reopened (status): listed again" in ``show`` and on the
    posting page, though nothing listed it: a file held it again, with another text."""
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:2]]
    file, db = tmp_path / "hn.jsonl", tmp_path / "db.sqlite3"
    file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert runner.invoke(app, ["--db", str(db), "import", str(file), "--no-enrich"]
                         ).exit_code == 0
    pid = f"hackernews:{rows[0]['id']}"
    with SQLiteStore(db) as store:  # (its source no longer lists it: closed, as a sync does)
        assert store.close_open([pid], now=NOW) == [pid]
    rows[0]["text"] += "<p>Edited: we also hire in Berlin."
    file.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = runner.invoke(app, ["--db", str(db), "import", str(file), "--no-enrich"])
    assert res.exit_code == 0, res.output
    with SQLiteStore(db) as store:
        assert store.get(pid).status == Status.OPEN
        assert [(c.kind, c.fields) for c in store.changes(pid)] == [
            ("created", []), ("closed", ["status"]), ("reopened", ["status", "imported"]),
            ("updated", ["description_text"])]
    shown = " ".join(runner.invoke(app, ["--db", str(db), "show", pid]).output.split())
    assert "reopened (status, imported): imported again, with another text" in shown, shown
    assert "listed again" not in shown
    with TestClient(create_app(db)) as client:
        page = client.get(f"/posting/{pid}")
    history = BeautifulSoup(page.text, "html.parser").select_one("ul.history")
    assert history is not None
    said = [" ".join(li.get_text().split()) for li in history.find_all("li")]
    assert [s.split(" ", 1)[1] for s in said] == [
        "created", "closed (status): no longer listed by its source",
        "reopened (status, imported): imported again, with another text",
        "updated (description_text)"], said
