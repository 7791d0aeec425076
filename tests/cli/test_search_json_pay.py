"""``mljobs search --json`` and ``/api/search`` carry each hit's ``pay``, as ``match --json``
does: the pay the text list and the search page show (stated pay before a Glassdoor
estimate), in the shape of ``show --json``'s ``salary``,
or null; the JSON had no pay at all, so a scripted search for well-paid jobs had nothing
to read."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web import create_app

runner = CliRunner()
BODY = ("We need a data scientist for product analytics: SQL, Python, A/B testing, "
        "dashboards in Tableau, experiment design and stakeholder reports.")
ROWS = [
    {"id": "gd-1", "source": "glassdoor-2020", "title": "Data Scientist", "company": "Stated Co",
     "salary_estimate": "$56K-$97K (Glassdoor est.)",
     "text": BODY + " Pay: $120,000 - $150,000 per year."},
    {"id": "gd-2", "source": "glassdoor-2020", "title": "Data Scientist",
     "company": "Estimate Co", "salary_estimate": "$56K-$97K (Glassdoor est.)", "text": BODY},
    {"id": "gd-3", "source": "glassdoor-2020", "title": "Data Scientist", "company": "No Pay Co",
     "text": BODY},
]


def test_search_json_carries_the_pay_the_list_shows(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--db", db, "search", "tableau", "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    pays = {h["company"]: h["pay"] for h in json.loads(res.output)["hits"]}
    assert pays["Stated Co"] == {"min": 120000.0, "max": 150000.0, "currency": "USD",
                                 "interval": "year", "stated": True,
                                 "text": "$120,000 - $150,000 per year"}
    assert pays["Estimate Co"]["stated"] is False and pays["Estimate Co"]["max"] == 97000
    assert pays["No Pay Co"] is None
    # the text list shows the same pay
    text = " ".join(runner.invoke(app, ["--db", db, "search", "tableau"]).output.split())
    assert "120,000-150,000 USD per year" in text and "56,000-97,000 USD per year" in text
    with TestClient(create_app(Path(db))) as client:
        body = client.get("/api/search?q=tableau").json()
    assert {h["company"]: h["pay"] for h in body["hits"]} == pays
