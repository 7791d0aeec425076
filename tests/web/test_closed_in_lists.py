"""A closed posting (its source no longer lists it) is still found by search, and every
result list says it is closed: the search page, ``mljobs search`` and their JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore
from mljobs.web import create_app

runner = CliRunner()


def _store(tmp_path: Path) -> str:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(
        {"id": key, "source": "board", "title": title, "company": company,
         "description": f"PyTorch models in production; {text}."}) + "\n"
        for key, title, company, text in (
            ("a", "ML Engineer", "Acme", "ranking for a shop"),
            ("b", "Research Engineer", "Globex", "speech recognition on phones"))))
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(rows), "--no-enrich"]).exit_code == 0
    with SQLiteStore(db) as store:  # the next sync of the board no longer lists b
        assert store.close_missing("board", ["board:a"], scope=None,
                                   now=datetime(2026, 6, 1, tzinfo=UTC)) == ["board:b"]
    return db


def test_the_search_page_marks_a_closed_posting(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with TestClient(create_app(Path(db))) as client:
        page = BeautifulSoup(client.get("/?q=pytorch").text, "html.parser")
        api = client.get("/api/search", params={"q": "pytorch"}).json()
    marked = {li["data-id"]: li.select_one(".meta .status-closed") for li in page.select("li.hit")}
    assert set(marked) == {"board:a", "board:b"}
    assert marked["board:a"] is None
    assert marked["board:b"] is not None and marked["board:b"].get_text() == "closed"
    assert {h["id"]: h["status"] for h in api["hits"]} == {"board:a": "open", "board:b": "closed"}


def test_mljobs_search_marks_it_too(tmp_path: Path) -> None:
    db = _store(tmp_path)
    res = runner.invoke(app, ["--db", db, "search", "pytorch"], catch_exceptions=False)
    lines = {line.split()[0]: line for line in res.output.splitlines()
             if line.strip().startswith("board:")}
    assert lines["board:b"].split(" · ")[-1] == "closed" and "closed" not in lines["board:a"]
    res = runner.invoke(app, ["--db", db, "search", "pytorch", "--json"],
                        catch_exceptions=False)
    hits = json.loads(res.output)["hits"]
    assert {h["id"]: h["status"] for h in hits} == {"board:a": "open", "board:b": "closed"}
