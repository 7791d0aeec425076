"""A JobSpy row that loses something in ``mljobs sync`` is said in the sync report.

Before: the jobspy source called ``row_to_raw`` without a notes list, so a row whose pay figure
is no one's (over 1e12 a year, 1e300, infinity) was stored without pay and nothing was said,
and a row that could not be read (no title) was left out without a word. Now each is a
warning of the sync report that names the row, the posting and the field (``warnings`` in
``--json``; printed on stderr without it), and the posting is still stored.

python-jobspy does its own HTTP (the edge): a small ``jobspy`` package in tmp_path stands in for
it, giving the result table its ``scrape_jobs`` gives; the source, the sync and the store are
the real ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore

runner = CliRunner()

ROWS = [
    {"id": "in-1", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=1",
     "title": "Machine Learning Engineer", "company": "Acme Analytics", "location": "Austin, TX",
     "date_posted": "2026-03-01", "interval": "yearly", "min_amount": 140000,
     "max_amount": 180000, "currency": "USD",
     "description": "Build machine learning pipelines with PyTorch."},
    {"id": "in-2", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=2",
     "title": "Machine Learning Scientist", "company": "Globex", "date_posted": "2026-03-01",
     "interval": "yearly", "min_amount": 150000, "max_amount": 1e300, "currency": "USD",
     "description": "Train machine learning models for forecasting."},
    {"id": "in-3", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=3",
     "title": "Data Scientist, Machine Learning", "company": "Initech",
     "date_posted": "2026-03-01", "interval": "hourly", "min_amount": float("inf"),
     "description": "Machine learning for pricing."},
    {"id": "in-4", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=4",
     "title": "ML Engineer", "company": "Umbrella", "date_posted": "2026-03-01",
     "interval": "monthly", "min_amount": 2e11, "description": "Machine learning platform work."},
    {"id": "in-5", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=5",
     "title": "", "company": "Hooli", "description": "Machine learning."},
]

FAKE_JOBSPY = '''
import json


class _Frame:
    def __init__(self, rows):
        self.rows = rows

    def to_json(self, orient, date_format):
        assert (orient, date_format) == ("records", "iso")
        return json.dumps(self.rows)


def scrape_jobs(site_name, search_term, location, results_wanted, hours_old):
    return _Frame(json.loads(ROWS))
'''


@pytest.fixture
def fake_jobspy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "lib" / "jobspy"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(f"ROWS = {json.dumps(json.dumps(ROWS))}\n" + FAKE_JOBSPY,
                                         encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "lib"))
    monkeypatch.delitem(sys.modules, "jobspy", raising=False)


def _sync(tmp_path: Path, *extra: str):  # type: ignore[no-untyped-def]
    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "spy"\ntype = "jobspy"\nsites = ["indeed"]\n'
                      'search_term = "machine learning"\n', encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config), "--no-enrich",
                                 *extra])
    return result, db


@pytest.mark.usefixtures("fake_jobspy")
def test_absurd_pay_and_unread_rows_are_said_in_the_sync_report(tmp_path: Path) -> None:
    result, db = _sync(tmp_path, "--json")
    assert result.exit_code == 0, result.output
    (source,) = json.loads(result.stdout)["sources"]
    assert (source["new"], source["failed"], source["errors"]) == (4, 0, [])
    ref = "jobspy:indeed:machine learning"
    assert source["warnings"] == [
        (f"[indeed] jobspy: row 2 of {ref} ('Machine Learning Scientist' at 'Globex') field "
         "'max_amount': 1e+300 a year is no one's pay (over 1e+12 a year); the posting was kept "
         "without pay"),
        (f"[indeed] jobspy: row 3 of {ref} ('Data Scientist, Machine Learning' at 'Initech') "
         "field 'min_amount': infinity an hour is no one's pay (over 1e+12 a year); the posting "
         "was kept without pay"),
        (f"[indeed] jobspy: row 4 of {ref} ('ML Engineer' at 'Umbrella') field 'min_amount': "
         "2e+11 a month is no one's pay (over 1e+12 a year); the posting was kept without pay"),
        f"[indeed] jobspy: row 5 of {ref} field 'title': missing or empty; it was left out",
    ]
    with SQLiteStore(db) as store:
        pay = {p.source_id: p.salary for _, p in store.iter_postings()}
    assert set(pay) == {"indeed:in-1", "indeed:in-2", "indeed:in-3", "indeed:in-4"}
    assert pay["indeed:in-1"] is not None and (pay["indeed:in-1"].min, pay["indeed:in-1"].max) == (
        140000, 180000)
    assert pay["indeed:in-2"] is None and pay["indeed:in-3"] is None and pay["indeed:in-4"] is None


@pytest.mark.usefixtures("fake_jobspy")
def test_the_warnings_are_printed_without_json(tmp_path: Path) -> None:
    result, _ = _sync(tmp_path)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())  # (the console wraps long lines)
    assert ("spy: warning: [indeed] jobspy: row 2 of jobspy:indeed:machine learning "
            "('Machine Learning Scientist' at 'Globex') field 'max_amount': 1e+300 a year is no "
            "one's pay") in said, result.stderr
    assert "row 5 of jobspy:indeed:machine learning field 'title': missing or empty" in said
