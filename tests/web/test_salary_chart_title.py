"""The dashboard's salary chart leaves a source's estimate (Glassdoor's) out of its figures and
counts it apart, and its title says so (it counted an estimate as the pay of a posting that states
none: a median over Glassdoor's 2020 estimates and 2026's stated pay)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app as cli
from mljobs.web import create_app

ROW = {"id": "gd-0001", "source": "glassdoor-2020", "title": "Data Scientist",
       "company": "Estimate Co", "location": "Boston, MA",
       "salary_estimate": "$90K-$130K (Glassdoor est.)",
       "text": "Build predictive models in Python and SQL for our analytics team."}


def test_the_salary_chart_leaves_estimates_out_and_says_so(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(ROW) + "\n", encoding="utf-8")
    db = tmp_path / "store.sqlite3"
    res = CliRunner().invoke(cli, ["--db", str(db), "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with TestClient(create_app(db)) as client:
        data = client.get("/dashboard/salaries.csv").text
        page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    # the one posting's pay is an estimate: no figure to draw (its row was its estimate's),
    # but the estimate counted apart and named (the row was dropped, the estimate unsaid)
    assert list(csv.DictReader(io.StringIO(data))) == [{
        "archetype": "data-scientist-ml", "with_salary": "0", "p10": "", "p25": "",
        "median": "", "p75": "", "p90": "", "estimates_left_out": "1"}]
    panel = page.select_one("figure#panel-salaries")
    assert panel is not None and panel.select(".chart") == []  # (no empty box plot)
    assert panel.select_one("p.finding").get_text() == (
        "No posting states a salary: Data scientist (ML generalist) 1 with only an estimate, "
        "left out.")
    title = next(h.get_text(" ", strip=True) for h in page.select("figcaption h2")
                 if "salary" in h.get_text())
    assert "estimate such as Glassdoor's left out" in title
