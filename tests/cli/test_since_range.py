"""``--since`` with a period reaching before the year 1 (``99999999d``, ``5000y``) printed an
``OverflowError`` traceback in ``search`` and ``match`` (and was a 500 on the web's
``since=``); it is a ``ConfigError`` naming the value and what to give instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import open_store

runner = CliRunner()


@pytest.mark.parametrize("since", ["99999999d", "5000y", "99999999999999999999w"])
def test_a_period_before_the_year_one_is_a_clear_error(tmp_path: Path, since: str) -> None:
    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    res = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--since", since])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"ConfigError: --since: since={since!r} reaches back before the year 1; use a "
        "shorter period (7d, 4w, 6m, 1y) or a date (2026-03-01)")
    resume = tmp_path / "resume.txt"
    resume.write_text("Data Scientist\n\nSQL, Python, A/B testing, Tableau.\n", encoding="utf-8")
    res = runner.invoke(app, ["--db", str(db), "match", str(resume), "--since", since])
    assert res.exit_code == 1 and "reaches back before the year 1" in res.output


def test_a_long_period_that_stays_after_the_year_one_is_taken(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    res = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--since", "2000y"],
                        catch_exceptions=False)
    assert res.exit_code == 0 and "0 postings match pytorch" in res.output


@pytest.mark.parametrize(("since", "why"), [("2026-02-30", "day is out of range for month"),
                                            ("2026-13-01", "month must be in 1..12")])
def test_a_day_that_is_not_in_the_calendar_is_said_so(tmp_path: Path, since: str,
                                                      why: str) -> None:
    """It said "since='2026-02-30' is not a period or a date": it has a date's form, and the
    reader wonders what is wrong with it. The CLI, the search page and the API say it."""
    from fastapi.testclient import TestClient

    from mljobs.web import create_app

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    said = (f"since={since!r} is no day of the calendar ({why}); give a date such as "
            "2026-03-01, or a period: 7d, 4w, 6m, 1y")
    res = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--since", since])
    assert res.exit_code == 1 and " ".join(res.output.split()) == f"ConfigError: --since: {said}"
    with TestClient(create_app(db)) as client:
        api = client.get("/api/search", params={"since": since})
        page = client.get("/dashboard", params={"since": since})
    assert api.status_code == 400 and api.json()["error"] == said
    assert page.status_code == 400 and said.replace("'", "&#39;") in page.text
