"""``mljobs search --salary-min`` takes the web's range (0 to 1e9): ``inf`` and ``1e400`` were
taken and answered "0 postings match (yearly pay reaching inf)", exit 0, where the web app
answers 400 to the same value."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web import create_app

runner = CliRunner()


@pytest.mark.parametrize("value", ["inf", "1e400", "2e9"])
def test_a_salary_no_pay_reaches_is_refused_as_the_web_refuses_it(
    tmp_path: Path, hn_sample: Path, value: str
) -> None:
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(hn_sample)]).exit_code == 0
    res = runner.invoke(app, ["--db", db, "search", "--salary-min", value])
    assert res.exit_code == 2, res.output
    assert "--salary-min" in res.output and "less than or equal to" in res.output
    web = TestClient(create_app(db)).get(f"/api/search?salary_min={value}")
    assert web.status_code == 400
    ok = runner.invoke(app, ["--db", db, "search", "--salary-min", "150000"])
    assert ok.exit_code == 0, ok.output
