"""``mljobs show`` leaves out pay no one is paid, as the web's posting page does (docs/cli.md:
show's pay follows the rule the web uses): a source's salary field of 50,000,000 USD a year
was printed by ``show`` and left out by the page."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_show_prints_plausible_pay_and_leaves_out_a_slip(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in (
        {"id": "slip", "title": "Data Scientist", "description": "SQL dashboards",
         "salary_min": 50_000_000, "salary_max": 60_000_000, "salary_currency": "USD"},
        {"id": "fine", "title": "Data Scientist", "description": "SQL dashboards, Tableau",
         "salary_min": 120_000, "salary_max": 150_000, "salary_currency": "USD"},
    )), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    slip = runner.invoke(app, ["--db", str(db), "show", "file:slip"], catch_exceptions=False)
    assert slip.exit_code == 0
    assert "salary" not in slip.output and "50,000,000" not in slip.output
    fine = runner.invoke(app, ["--db", str(db), "show", "file:fine"], catch_exceptions=False)
    assert "120,000-150,000 USD per year" in " ".join(fine.output.split())
    # the stored posting keeps the figures: show --json prints them as stored
    stored = json.loads(runner.invoke(app, ["--db", str(db), "show", "file:slip", "--json"],
                                      catch_exceptions=False).output)
    assert stored["salary"]["min"] == 50_000_000
