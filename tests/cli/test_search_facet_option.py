"""``mljobs search --facet NAME`` counts any facet the web lists (seniority, visa, PhD,
specialisation, month...), as ``/api/search`` counts it: the CLI counted archetype, remote,
source and skills only, so a seniority mix or a visa share needed the web server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web import create_app

runner = CliRunner()

ROWS = [
    {"id": "a", "source": "board", "title": "Senior Machine Learning Engineer", "company": "Acme",
     "location": "Berlin", "posted_at": "2026-03-02",
     "description": "Senior role. Train ranking models in PyTorch; a PhD is preferred. "
                    "We sponsor visas."},
    {"id": "b", "source": "board", "title": "Junior Data Analyst", "company": "Globex",
     "location": "Paris", "posted_at": "2026-04-09",
     "description": "Entry-level: dashboards in SQL and Tableau. No visa sponsorship."},
    {"id": "c", "source": "board", "title": "Staff Research Scientist", "company": "Initech",
     "location": "London", "description": "Publish on large language models; PhD required."},
]


def test_search_counts_the_facets_it_is_asked_for_as_the_web_does(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(rows)]).exit_code == 0
    named = ["seniority", "visa", "phd", "month", "specialisation"]
    res = runner.invoke(app, ["--db", str(db), "search", "--json",
                              *[a for n in named for a in ("--facet", n)]],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    got = json.loads(res.output)["facets"]
    assert set(got) == {"archetype", "remote", "source", "skills", *named}
    with TestClient(create_app(db)) as client:
        web = client.get("/api/search?limit=1").json()["facets"]
    for name in named:
        assert got[name] == web[name], name
    assert {f["value"]: f["count"] for f in got["month"]} == {
        "2026-03": 1, "2026-04": 1, "undated": 1}
    # the plain listing prints them too; a misspelt field is named with the known ones
    shown = runner.invoke(app, ["--db", str(db), "search", "--facet", "Seniority"]).output
    assert "seniority: " in shown
    res = runner.invoke(app, ["--db", str(db), "search", "--facet", "senority"])
    assert res.exit_code != 0 and "'senority'" in res.output and "seniority" in res.output


def test_an_unknown_facet_is_named_as_given_before_any_index_is_built(tmp_path: Path) -> None:
    """``--facet salary`` came back as the engine's "unknown filter or facet 'salary'" (no
    word of ``--facet``), and only once the search index was built for it: on a store whose
    index is new or of another version, minutes of building for a typo."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(rows)]).exit_code == 0
    index = Path(f"{db}.index")
    if index.exists():  # (the import's index: gone, as after an upgrade)
        shutil.rmtree(index)
    for engine in ("tantivy", "fts5"):
        res = runner.invoke(app, ["--db", str(db), "search", "--engine", engine, "--facet",
                                  "seniority", "--facet", " Salary "])
        assert res.exit_code != 0
        said = " ".join(res.output.split())
        assert "--facet ' Salary ': unknown facet; known: source, remote, company" in said, said
        assert "Building" not in res.output and not index.exists()
