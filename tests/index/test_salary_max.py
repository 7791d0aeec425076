"""``index.base.salary_max``, what the minimum-salary filter of both engines compares: the top
of a posting's yearly pay in US dollars (``pay.usd_yearly``), stated pay before an estimate,
and nothing for pay in another currency or figures no one is paid."""

from __future__ import annotations

import pytest

from mljobs.index.base import salary_max
from mljobs.models import Enrichment, Posting, Salary, SalaryInterval

HOUR, MONTH = SalaryInterval.HOUR, SalaryInterval.MONTH


def job(given: Salary | None, read: Salary | None = None) -> Posting:
    enr = Enrichment(version="t", archetype="research-engineer", salary=read)
    return Posting(id="t:1", source="t", source_id="1", title="ML Engineer",
                   salary=given, enrichment=enr)


@pytest.mark.parametrize(("given", "read", "top"), [
    (Salary(min=120_000, max=160_000, currency="USD"), None, 160_000.0),
    (Salary(min=150_000), None, 150_000.0),                   # no currency reads as dollars
    (Salary(min=60, max=80, currency="usd", interval=HOUR), None, 80 * 2080.0),
    (Salary(max=10_000, currency="USD", interval=MONTH), None, 120_000.0),
    (None, Salary(min=90_000, max=110_000, currency="USD"), 110_000.0),  # read in the text
    # stated pay in the text before the source's estimate
    (Salary(min=200_000, max=250_000, currency="USD", stated=False),
     Salary(min=90_000, max=110_000, currency="USD"), 110_000.0),
    (Salary(min=154_000, max=180_000, currency="CAD"), None, None),  # no amount of dollars
    (Salary(min=550_000_000, currency="USD"), None, None),           # a parsing slip
    (Salary(min=5, max=9, currency="USD"), None, None),
    (Salary(currency="USD"), None, None),                            # no figures
    (None, None, None),
])
def test_salary_max(given: Salary | None, read: Salary | None, top: float | None) -> None:
    assert salary_max(job(given, read)) == top
