"""A Hacker News header's pay range in thousands without a currency ("150-200k"): read as a
whole header segment, or as the end of a clause of a segment that names pay ("Salary ... it is
140k-180k"), in the currency of the one country the header's places name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import enrich_postings, enrich_record
from mljobs.enrich.salary import HeaderRange, header_pay, header_range
from mljobs.models import Posting, Salary, SalaryInterval
from mljobs.pay import CURRENCY_OF_COUNTRY, is_plausible

from .hn_records import hn_record

# Headers of the corpus (shortened where the rest does not matter) and what they pay.
HEADERS = [
    (("Avantos.ai | https://avantos.ai | Sr Software Engineer, AI Team | St. Louis or NYC | "
     "150-200k"), 150_000, 200_000, "USD", "150-200k (no currency; US place)"),
    (("Xledger | Mid/Senior Software Engineer | Colorado Springs, CO | ONSITE NO-VISA | 90K - 150K"
     " | https://xledger.com"), 90_000, 150_000, "USD", "90K - 150K (no currency; US place)"),
    (("Photon Health | Senior Software Engineers | Full-time | ONSITE / HYBRID | Brooklyn, NYC | "
     "[180 - 210K]"), 180_000, 210_000, "USD", "180 - 210K (no currency; US place)"),
    ("Virio.ai | SF | Full Time | 250k-500k TC", 250_000, 500_000, "USD",
     "250k-500k TC (no currency; US place)"),
    (("Moyai | Amsterdam, The Netherlands | FULL-TIME | ONSITE | Founding Platform Engineer | "
     "60k-100k + Equity"), 60_000, 100_000, "EUR", "60k-100k + Equity (no currency; NL place)"),
    (("Giftster | Senior Fullstack Python Developer | Minneapolis, MN | Full Time | "
     "Salary 150K-190K | www.giftster.com"), 150_000, 190_000, "USD",
     "Salary 150K-190K (no currency; US place)"),
    ("Marker Learning - Founding Full Stack Engineer – Remote (USA) – 180-250k", 180_000, 250_000,
     "USD", "180-250k (no currency; US place)"),
    ("Acme | ML Engineer | London, UK | 80-110k DOE", 80_000, 110_000, "GBP",
     "80-110k DOE (no currency; GB place)"),
    # twenty-fifth session: a "k+" top and extras after the range, words only
    ("SmarterDx | 150-250k+ + equity + benefits | Remote (US only) | Multiple roles", 150_000,
     250_000, "USD", "150-250k+ + equity + benefits (no currency; US place)"),
    (("Recover Systems | Founding Engineer | Onsite in Portland, Maine | 130-160k + meaningful "
      "equity from first option pool"), 130_000, 160_000, "USD",
     "130-160k + meaningful equity from first option pool (no currency; US place)"),
    # ... and a range that ends a clause of prose that names pay (only the range is shown)
    (("FusionAuth | Senior Java Engineer, Account Executive | ONSITE in Denver, CO, USA | Salary "
      "ranges listed on job req, but for the Senior Java Engineer it is 140k-180k"), 140_000, 180_000,
     "USD", "140k-180k (no currency; US place)"),
    ("Acme | ML Engineer | Berlin, Germany | Compensation depends on level, 70-90k, plus a bonus",
     70_000, 90_000, "EUR", "70-90k (no currency; DE place)"),
]


@pytest.mark.parametrize(("header", "lo", "hi", "currency", "shown"), HEADERS)
def test_a_header_segment_that_is_only_a_range_is_pay(header: str, lo: float, hi: float,
                                                      currency: str, shown: str) -> None:
    """Before: no pay (no currency sign, so no anchor)."""
    out = enrich_record(hn_record(header + "\n\nWe build things."))
    assert out["salary"] == {"min": lo, "max": hi, "currency": currency, "interval": "year",
                             "stated": True, "text": shown}


@pytest.mark.parametrize("header", [
    # no country, or several: the currency is not guessed (``pay`` reads none as dollars)
    "Clutch | Full-time | Frontend Engineer | Remote (worldwide) | 50-96k + equity",
    "Acme | ML Engineer | London or New York | 150-200k",
    "Acme | ML Engineer | 150-200k",
    # a range inside prose is no header pay unless the prose names pay and the range ends a
    # clause, alone and without a currency the text's reading would have had
    "Acme | ML Engineer | NYC | we serve 10-50k users, mostly banks",
    "Acme | ML Engineer | NYC | Salary is 10-15k per month",
    "Acme | ML Engineer | NYC | Salary 100-150k or 120-170k, by level",
    "Acme | ML Engineer | NYC | Salary: we pay 10-15k/month",
    "Acme | ML Engineer | Austin, TX | 150-200k + 20% bonus",
    # the company's segment is none of the header's pay
    "150-200k | ML Engineer | NYC",
])
def test_no_header_pay(header: str) -> None:
    assert enrich_record(hn_record(header + "\n\nWe build things."))["salary"] is None


@pytest.mark.parametrize(("source", "figures"), [
    ("hackernews", (150_000, 200_000, "USD")), ("greenhouse", None)])
def test_a_stored_posting_reads_its_header_pay_too(source: str, figures: object) -> None:
    """``enrich_postings`` (a store's postings) reads as ``enrich_record`` does."""
    text = "Acme | ML Engineer | Brooklyn, NYC | 150-200k\n\nWe build things."
    p = Posting(id=f"{source}:1", source=source, source_id="1", title=text.split("\n")[0],
                description_text=text, first_seen=datetime(2026, 1, 1, tzinfo=UTC))
    [out] = enrich_postings([p.model_copy(update={"content_hash": p.compute_hash()})])
    assert out.enrichment is not None
    pay = out.enrichment.salary
    assert (None if pay is None else (pay.min, pay.max, pay.currency)) == figures


def test_only_a_hacker_news_header() -> None:
    """Another source's first line is no header."""
    text = "Acme | ML Engineer | NYC | 150-200k\n\nWe build things."
    assert enrich_record(hn_record(text, source="greenhouse"))["salary"] is None


def test_a_range_in_the_body_is_no_header_pay() -> None:
    text = "Acme | ML Engineer | NYC | Full-time\n\nWe process 10-50k rows.\n| 150-200k |"
    assert enrich_record(hn_record(text))["salary"] is None


def test_pay_with_a_currency_still_comes_first() -> None:
    text = "Acme | ML Engineer | NYC | 150-200k\n\nBase $170k-$190k."
    out = enrich_record(hn_record(text))
    assert (out["salary"]["min"], out["salary"]["max"], out["salary"]["text"]) == (
        170_000, 190_000, "$170k-$190k")


@pytest.mark.parametrize("segment", [
    "2-5k users", "10-50k rows", "150-200", "150k-200", "5-9k", "200-150k", "1500-2000k",
    "$150-200k", "150-200k€", "150-200k per month", "up to 200k", "150k",
    "salary USD 140-180k", "Salary 140-180k per year", "our pay: 90-15k", "pay 100-150k or 120-170k",
])
def test_header_range_refuses(segment: str) -> None:
    assert header_range(segment) is None


def test_header_pay_needs_a_known_currency() -> None:
    span = header_range("150-200k")
    assert span is not None
    assert header_pay(span, "JP") is None  # (thousands of yen are no year's pay)
    assert header_pay(span, "US") is not None


@pytest.mark.parametrize("country", sorted(CURRENCY_OF_COUNTRY))
def test_a_header_pays_only_in_a_currency_whose_yearly_pay_is_judged(country: str) -> None:
    """One table (``pay.CURRENCY_OF_COUNTRY``) gives both the currencies a header range may be
    read in and those whose yearly pay ``is_plausible`` judges: before, the two were written
    apart, the same eight currencies kept in step by hand."""
    pay = header_pay(HeaderRange(150_000.0, 200_000.0, "150-200k"), country)
    assert pay is not None and is_plausible(pay)
    millions = Salary(min=5_000_000, max=9_000_000, currency=pay.currency)
    assert not is_plausible(millions)  # (judged: a year's pay is no millions in it)
    assert is_plausible(millions.model_copy(update={"currency": "JPY"}))  # (yen: not judged)


@settings(max_examples=200, deadline=None)
@given(st.integers(10, 400), st.integers(0, 300), st.booleans(), st.sampled_from(["-", "–", " - "]),
       st.sampled_from(["", " TC", " + equity", " DOE"]), st.sampled_from(["k", "K"]),
       st.booleans())
def test_header_ranges_round_trip(lo: int, extra: int, k_both: bool, dash: str, tail: str, k: str,
                                  brackets: bool) -> None:
    hi = min(lo + extra, 999)
    segment = f"{lo}{k if k_both else ''}{dash}{hi}{k}{tail}"
    if brackets:
        segment = f"[{segment}]"
    span = header_range(f" {segment} ")
    assert span == (lo * 1000, hi * 1000, f"{lo}{k if k_both else ''}{dash}{hi}{k}{tail}")
    pay = header_pay(span, "DE")
    assert pay is not None and pay.currency == "EUR" and pay.interval == SalaryInterval.YEAR
    assert (pay.min, pay.max) == (lo * 1000, hi * 1000)
    assert pay.text == f"{span.shown} (no currency; DE place)"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_no_segment_makes_header_range_raise(segment: str) -> None:
    got = header_range(segment)
    assert got is None or 10_000 <= got.low <= got.high <= 999_000
