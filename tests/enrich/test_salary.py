"""Salary parsing: examples and Hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mljobs.enrich.salary import mentions_equity, parse_salary
from mljobs.models import SalaryInterval


@pytest.mark.parametrize(
    ("text", "lo", "hi", "cur", "interval"),
    [
        ("$120k-$150k", 120_000, 150_000, "USD", SalaryInterval.YEAR),
        ("Salary: €60.000–80.000 per year", 60_000, 80_000, "EUR", SalaryInterval.YEAR),
        ("£50,000 – £70,000", 50_000, 70_000, "GBP", SalaryInterval.YEAR),
        ("$45-$60 per hour", 45, 60, "USD", SalaryInterval.HOUR),
        ("$170-225k + equity", 170_000, 225_000, "USD", SalaryInterval.YEAR),
        ("up to $200k", None, 200_000, "USD", SalaryInterval.YEAR),
        ("150,000 USD annually", 150_000, 150_000, "USD", SalaryInterval.YEAR),
    ],
)
def test_examples(text: str, lo: float | None, hi: float, cur: str, interval: SalaryInterval) -> None:
    s = parse_salary(text)
    assert s is not None
    assert (s.min, s.max, s.currency, s.interval) == (lo, hi, cur, interval)
    assert s.stated


def test_glassdoor_estimate_is_flagged() -> None:
    s = parse_salary("$128K-$201K (Glassdoor est.)")
    assert s is not None and (s.min, s.max) == (128_000, 201_000)
    assert s.stated is False


def test_no_salary() -> None:
    assert parse_salary("We raised 3 rounds and have 40 people in 2 offices.") is None


def test_equity() -> None:
    assert mentions_equity("Competitive salary and meaningful equity.")
    assert not mentions_equity("Competitive salary.")


@given(st.integers(20, 400), st.integers(0, 300), st.sampled_from(["$", "€", "£"]))
def test_k_ranges_round_trip(lo: int, extra: int, sym: str) -> None:
    hi = lo + extra
    s = parse_salary(f"Pay: {sym}{lo}k - {sym}{hi}k per year")
    assert s is not None
    assert (s.min, s.max) == (lo * 1000, hi * 1000)
    assert s.interval == SalaryInterval.YEAR


@given(st.integers(10_000, 900_000), st.integers(0, 100_000))
def test_comma_ranges_round_trip(lo: int, extra: int) -> None:
    hi = lo + extra
    s = parse_salary(f"${lo:,} to ${hi:,}")
    assert s is not None
    assert (s.min, s.max) == (lo, hi)


@given(st.integers(15, 250))
def test_hourly(rate: int) -> None:
    s = parse_salary(f"${rate}/hr")
    assert s is not None and s.interval == SalaryInterval.HOUR and s.max == rate


@given(st.text(max_size=300))
def test_never_crashes_and_min_le_max(text: str) -> None:
    s = parse_salary(text)
    if s is not None and s.min is not None and s.max is not None:
        assert s.min <= s.max
