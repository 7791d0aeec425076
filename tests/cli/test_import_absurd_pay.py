"""An imported row's pay no one is paid (1e300, 1e999 read as infinity, over 1e12 a year)
was stored as a figure: ``show`` then printed pay of "$1e+300" or none at all with no word
why. The posting now lands without pay and the import prints a note naming the file, row,
field and figure, and what to do; a plausible row beside it keeps its pay."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_absurd_pay_is_noted_and_the_posting_kept_without_it(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    lines = [json.dumps(r) for r in (
        {"id": "ok", "title": "ML Engineer", "description": "PyTorch",
         "salary_min": 150000, "salary_max": 190000},
        {"id": "huge", "title": "ML Engineer", "description": "PyTorch", "salary_max": 1e300},
        {"id": "month", "title": "ML Engineer", "description": "PyTorch",
         "salary_min": 1e11, "salary_interval": "month"},
    )] + ['{"id": "inf", "title": "ML Engineer", "description": "PyTorch", "salary_min": 1e999}']
    rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(rows)])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    for line, field, figure in ((2, "salary_max", "1e+300 a year"),
                                (3, "salary_min", "1e+11 a month"),
                                (4, "salary_min", "infinity a year")):
        assert (f"note {rows}:{line} field '{field}': {figure} is no one's pay (over 1e+12 a "
                "year); the posting was kept without pay; fix the figure and import again"
                ) in out, out
    assert "bad row " not in out and "rows.jsonl │ 4 │ 4 │ 0 │ 0 │ 0 │ ok" in out
    for pid in ("file:huge", "file:month", "file:inf"):
        shown = runner.invoke(app, ["--db", db, "show", pid, "--json"], catch_exceptions=False)
        assert shown.exit_code == 0, shown.output
        assert json.loads(shown.output)["salary"] is None
    ok = json.loads(runner.invoke(app, ["--db", db, "show", "file:ok", "--json"]).output)
    assert (ok["salary"]["min"], ok["salary"]["max"]) == (150000, 190000)
