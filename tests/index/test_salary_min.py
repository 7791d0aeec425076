"""The minimum-salary filter compares US dollars a year, in both engines alike: pay in another
currency never passes it (154k CAD, 600k AUD and 4-9M INR a year passed a 150,000 minimum),
nor do figures no one is paid (a parsing slip the posting pages hide); hourly pay is made
yearly."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from mljobs.index import ENGINES, SearchIndex, SearchQuery, open_index
from mljobs.models import RawPosting, Salary, SalaryInterval
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

PAY = {
    "usd": Salary(min=140_000, max=180_000, currency="USD"),
    "usd-low": Salary(min=90_000, max=120_000, currency="USD"),
    "hourly": Salary(min=80, max=95, currency="USD", interval=SalaryInterval.HOUR),  # 197,600 a year
    "nocurrency": Salary(min=150_000, max=170_000),  # (no currency given: read as dollars)
    "cad": Salary(min=130_000, max=154_000, currency="CAD"),
    "aud": Salary(min=400_000, max=600_000, currency="AUD"),
    "inr": Salary(min=4_000_000, max=9_000_000, currency="INR"),
    "slip": Salary(min=50_000_000, max=60_000_000, currency="USD"),
}


@pytest.fixture(params=sorted(ENGINES))
def index(request: pytest.FixtureRequest, store: SQLiteStore, now: datetime
          ) -> Iterator[SearchIndex]:
    store.upsert([normalize(RawPosting(
        source="t", source_id=key, title="Machine Learning Engineer", company="Acme",
        description_text="Train models in PyTorch.", salary=salary))
        for key, salary in PAY.items()], now=now)
    idx = open_index(store, request.param)
    yield idx
    idx.close()


def test_the_minimum_salary_is_us_dollars_a_year(index: SearchIndex) -> None:
    hits = index.search(SearchQuery(salary_min=150_000, limit=50)).hits
    assert sorted(h.id.removeprefix("t:") for h in hits) == ["hourly", "nocurrency", "usd"]
    everyone = index.search(SearchQuery(limit=50)).hits
    assert len(everyone) == len(PAY)  # without the filter nothing is left out
