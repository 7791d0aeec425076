"""Pay as a year's amount, and which figures are anyone's pay.

``yearly_salary`` makes hourly, daily, weekly and monthly pay yearly; ``is_plausible``
says whether a salary's yearly figures are pay someone is paid (not a parsing slip: a
funding round, a headcount); ``usd_yearly`` is a posting's yearly pay in US dollars.
The dashboard (``analytics``), the minimum-salary filter (``index.base.salary_max``)
and the pay lines of ``show`` and the web (``posting_view``) read them. Depends on
``models`` only, so that the index and the dashboard above it both import it.
"""

from __future__ import annotations

from mljobs.models import Posting, Salary

PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
# Yearly amounts outside this band are parsing slips (a funding round, a headcount),
# not salaries; the salary chart leaves them out.
PLAUSIBLE_YEARLY = (10_000.0, 2_000_000.0)
# The major currencies, whose yearly pay that band judges (in yen or rupees a year's pay is
# millions: not judged), by the countries that pay in them: the euro for the eurozone. An HN
# header's range without a currency ("150-200k") is pay in the currency of the one country
# its places name only for these (``enrich.salary.header_pay``), so both read this one table.
_EUROZONE = ("AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU",
             "MT", "NL", "PT", "SK", "SI", "ES")
CURRENCY_OF_COUNTRY = {"US": "USD", "GB": "GBP", "CA": "CAD", "AU": "AUD", "NZ": "NZD",
                       "CH": "CHF", "SG": "SGD", **dict.fromkeys(_EUROZONE, "EUR")}
_BAND_CURRENCIES = frozenset(CURRENCY_OF_COUNTRY.values())


def yearly_salary(salary: Salary | None) -> tuple[float, float] | None:
    """A salary as a (low, high) yearly range in its own currency, if it has numbers."""
    if salary is None or (salary.min is None and salary.max is None):
        return None
    factor = PER_YEAR[salary.interval.value if salary.interval else "year"]
    low = salary.min if salary.min is not None else salary.max
    high = salary.max if salary.max is not None else salary.min
    assert low is not None and high is not None
    return float(low) * factor, float(high) * factor


def is_plausible(salary: Salary | None) -> bool:
    """False for a yearly amount no one is paid in the major currencies (a parsing slip).

    Amounts in other currencies (yen, rupees...) are not judged.
    """
    yearly = yearly_salary(salary)
    if salary is None or yearly is None:
        return salary is not None
    if (salary.currency or "USD").upper() not in _BAND_CURRENCIES:
        return True
    return PLAUSIBLE_YEARLY[0] <= yearly[0] <= yearly[1] <= PLAUSIBLE_YEARLY[1]


def usd_yearly(posting: Posting) -> tuple[float, float] | None:
    """The (low, high) yearly pay of a posting in US dollars (stated pay before an estimate;
    no currency given reads as dollars), or None for pay in another currency and figures no
    one is paid: what the salary chart and the minimum-salary filter read."""
    salary = posting.best_salary()
    if salary is None or (salary.currency or "USD").upper() != "USD" or not is_plausible(salary):
        return None
    return yearly_salary(salary)
