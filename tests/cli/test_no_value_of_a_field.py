"""A filter on a field no posting in the store has any value of (an archetype in a store
imported with ``--no-enrich``): the note said "the store has: none", as if "none" were a
value; ``mljobs search``, the search page and ``/api/search`` now say it in words."""

from __future__ import annotations

from html import unescape
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web import create_app

runner = CliRunner()
ROW = '{"id": "a", "source": "board", "title": "ML Engineer", "description": "PyTorch."}\n'
SAID = ("no posting in the store has archetype 'research-engineer'; none has any archetype "
        "value yet")


def test_a_field_no_posting_has_is_said_in_words(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--db", str(db), "search", "--archetype", "research-engineer"])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == f"ConfigError: --archetype research-engineer: {SAID}"
    with TestClient(create_app(db)) as client:
        assert client.get("/api/search?archetype=research-engineer").json()["notes"] == [SAID]
        page = unescape(client.get("/?archetype=research-engineer").text)
    assert SAID[:1].upper() + SAID[1:] + "." in " ".join(page.split())
    assert "the store has: none" not in page
