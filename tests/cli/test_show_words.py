"""``mljobs show`` says a posting's facets in the posting page's words, from the one table both
read (``posting_view.fact_words``): it printed the stored values ("visa unknown",
"seniority staff-plus", "years 5", "Archetype: research-engineer") where the page said "not
said in the posting", "staff or above", "at least 5 years" and "Research / ML engineer";
``show --json`` keeps the stored values."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()

ROW = {"id": "staff", "source": "board", "title": "Staff Machine Learning Engineer",
       "company": "Acme", "location": "Berlin",
       "description": "Staff Machine Learning Engineer. You will train and ship large language "
                      "models for recommendations with PyTorch. 5+ years of experience."}


def test_show_says_the_facets_in_the_pages_words(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    stored = json.loads(runner.invoke(app, ["--db", db, "show", "board:staff", "--json"],
                                      catch_exceptions=False).output)["enrichment"]
    assert (stored["seniority"], stored["visa"], stored["company_stage"], stored["years_min"]) \
        == ("staff-plus", "unknown", "unknown", 5)
    shown = runner.invoke(app, ["--db", db, "show", "board:staff"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.output.split())
    assert "Archetype: Research / ML engineer (research-engineer)" in said
    facets = said[said.index("Facets:"):said.index("equity")]
    assert "seniority staff or above" in facets
    assert "years at least 5 years" in facets
    assert "visa not said in the posting" in facets
    assert "company stage not said in the posting" in facets
    assert "degree none stated" in facets and "PhD not mentioned" in facets
    assert "unknown" not in facets and "staff-plus" not in facets
    assert "remote not said in the posting" in said and "remote unknown" not in said


def test_a_posting_that_asks_no_experience_is_not_said_to_ask_at_least_0_years(
        tmp_path: Path) -> None:
    """A new graduates' posting ("0-2 years", "new grads welcome": ``years_min`` 0, 35 of the
    demo store's postings) was said to ask "at least 0 years", by ``show`` and the page."""
    from fastapi.testclient import TestClient

    from mljobs.web.app import create_app

    row = {"id": "grad", "source": "board", "title": "Machine Learning Engineer, New Grad",
           "description": "New grads welcome: 0-2 years of experience with PyTorch."}
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    stored = json.loads(runner.invoke(app, ["--db", str(db), "show", "board:grad", "--json"],
                                      catch_exceptions=False).output)["enrichment"]
    assert stored["years_min"] == 0
    said = " ".join(runner.invoke(app, ["--db", str(db), "show", "board:grad"],
                                  catch_exceptions=False).output.split())
    assert "years none asked (0 years)" in said and "at least 0" not in said
    with TestClient(create_app(db)) as client:
        text = client.get("/posting/board:grad").text
    assert "<dt>Years</dt><dd>none asked (0 years)</dd>" in text and "at least 0" not in text
