"""``mljobs show`` and the posting page say the same words for the same empty facets."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web import create_app

runner = CliRunner()


def test_show_and_the_page_name_empty_facets_alike(tmp_path: Path, hn_sample: Path) -> None:
    db = str(tmp_path / "hn.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(hn_sample)]).exit_code == 0
    hits = json.loads(runner.invoke(app, ["--db", db, "search", "--limit", "100", "--json"],
                                    catch_exceptions=False).output)["hits"]
    for hit in hits:
        posting = json.loads(runner.invoke(app, ["--db", db, "show", hit["id"], "--json"]).output)
        enr = posting["enrichment"]
        if not enr["specialisation"] and enr["years_min"] is None and not enr["equity"]:
            break
    else:
        raise AssertionError("no posting without specialisation, years and equity")
    shown = " ".join(runner.invoke(app, ["--db", db, "show", hit["id"]]).output.split())
    with TestClient(create_app(Path(db))) as client:
        page = BeautifulSoup(client.get(f"/posting/{hit['id']}").text, "html.parser")
    facts = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True)
             for dt in page.select("dl.facts dt")}
    # the page said "general", show said "-" for the same empty specialisation
    for label, cli in (("Specialisation", "specialisation"), ("Years", "years"),
                       ("Equity", "equity")):
        assert f"{cli} {facts[label]}" in shown, (label, facts[label])
    assert facts["Specialisation"] == "none stands out"


def test_show_and_the_page_say_an_undated_posting_is_undated_alike(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "u1", "source": "board", "title": "Data Scientist",
                                "company": "Acme", "description": "Python and SQL."}) + "\n")
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(rows), "--no-enrich"]).exit_code == 0
    shown = " ".join(runner.invoke(app, ["--db", db, "show", "board:u1"]).output.split())
    with TestClient(create_app(Path(db))) as client:
        page = BeautifulSoup(client.get("/posting/board:u1").text, "html.parser")
    posted = next(dt for dt in page.select("dt") if dt.get_text(strip=True) == "Posted")
    said = posted.find_next_sibling("dd").get_text(strip=True)
    assert said == "not stated"
    assert f"│ posted {said} │ │ source board" in shown  # it said "posted -"
