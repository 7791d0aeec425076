"""A posting's pay: the pay its text states wins over a Glassdoor-style estimate, which stays
available (``stated=False``) for postings whose text states none. Postings are imported from
a corpus-format file through the real pipeline into a tmp_path store, then searched (salary
filter), charted (dashboard rows) and shown (web hit details)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from mljobs.analytics import market_rows
from mljobs.importer import import_file
from mljobs.index import SearchQuery, open_index
from mljobs.models import Salary, SalaryInterval, prefer_stated
from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore

NOW = datetime(2026, 3, 20, tzinfo=UTC)
ESTIMATE = "$138K-$190K (Glassdoor est.)"
# Glassdoor-format rows (the corpus's fields); the first one's text states its pay.
ROWS = [
    {"id": "gd-0000000000a1", "source": "glassdoor-2020", "title": "Machine Learning Engineer",
     "company": "Northwind Analytics", "location": "Austin, TX",
     "company_size": "51 to 200 employees",
     "salary_estimate": ESTIMATE,
     "text": "Northwind Analytics is hiring a Machine Learning Engineer to build forecasting "
             "models in Python and PyTorch and ship them with our platform team.\n\n"
             "Compensation: $95,000 - $120,000 per year, plus benefits.\n\n"
             "Requirements: 3+ years of Python, SQL, and model deployment experience."},
    {"id": "gd-0000000000a2", "source": "glassdoor-2020", "title": "Data Scientist",
     "company": "Northwind Analytics", "location": "Austin, TX",
     "company_size": "51 to 200 employees",
     "salary_estimate": ESTIMATE,
     "text": "Northwind Analytics is hiring a Data Scientist to run experiments and build "
             "churn models with Python, SQL and scikit-learn.\n\n"
             "Requirements: a degree in statistics or a related field; 2+ years of experience."},
]


def _store(tmp_path: Path) -> SQLiteStore:
    path = tmp_path / "glassdoor.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    store = SQLiteStore(tmp_path / "store.sqlite3")
    import_file(store, path, now=NOW, enricher=default_enricher())
    return store


def test_prefer_stated_takes_stated_pay_before_an_estimate() -> None:
    estimate = Salary(min=1.0, max=2.0, stated=False)
    stated = Salary(min=3.0, max=4.0)
    assert prefer_stated(estimate, stated) is stated
    assert prefer_stated(stated, estimate) is stated
    assert prefer_stated(None, estimate) is estimate
    assert prefer_stated(estimate, Salary(min=5.0, stated=False)) is estimate
    assert prefer_stated(None, None) is None


def test_pay_stated_in_the_text_wins_over_the_estimate(tmp_path: Path) -> None:
    store = _store(tmp_path)
    stated, estimated = store.get("glassdoor-2020:0000000000a1"), store.get(
        "glassdoor-2020:0000000000a2")
    assert stated is not None and estimated is not None
    # the estimate stays on the posting, flagged as one
    assert stated.salary is not None and not stated.salary.stated
    assert (stated.salary.min, stated.salary.max) == (138_000, 190_000)
    # the enrichment and the shown pay are the text's
    assert stated.enrichment is not None and stated.enrichment.salary is not None
    pay = stated.best_salary()
    assert pay is not None and pay.stated
    assert (pay.min, pay.max, pay.interval) == (95_000, 120_000, SalaryInterval.YEAR)
    assert stated.enrichment.salary == pay
    # no pay in the text: the estimate is what there is
    other = estimated.best_salary()
    assert other is not None and not other.stated and other.max == 190_000


def test_search_filter_and_dashboard_use_the_stated_pay(tmp_path: Path) -> None:
    store = _store(tmp_path)
    index = open_index(store)
    try:
        high = index.search(SearchQuery(salary_min=150_000, facets=()))
        low = index.search(SearchQuery(salary_min=110_000, facets=()))
    finally:
        index.close()
    # 190K estimate > 150K, stated 120K < 150K: only the estimate-only posting is left
    assert [h.id for h in high.hits] == ["glassdoor-2020:0000000000a2"]
    assert {h.id for h in low.hits} == {"glassdoor-2020:0000000000a1",
                                        "glassdoor-2020:0000000000a2"}
    rows = {r.id: r.salary for r in market_rows(store)}
    assert rows["glassdoor-2020:0000000000a1"] == (95_000, 120_000)
    assert rows["glassdoor-2020:0000000000a2"] == (138_000, 190_000)
