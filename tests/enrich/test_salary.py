"""Salary parsing: examples and Hypothesis properties."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import salary
from mljobs.enrich.salary import (
    mentions_equity,
    parse_posting_salary,
    parse_salary,
    parse_salary_field,
)
from mljobs.models import Salary, SalaryInterval

# nineteenth session: a code before the amount, "€" after it, "between ... and ...", a UK
# contract's "p/d", other dollars; each read None (or another currency, or the first figure
# only) before
CURRENCY_WRITTEN_OTHER_WAYS = [
    ("SuppMatch | CTO | Warsaw | USD 85K–102K + Equity", 85_000, 102_000, "USD", SalaryInterval.YEAR),
    ("3–5 years experience.\n\nCHF60k–CHF85k\n\nemail us", 60_000, 85_000, "CHF", SalaryInterval.YEAR),
    ("Salary: CHF 120'000 - 140'000", 120_000, 140_000, "CHF", SalaryInterval.YEAR),
    ("CAD 100k-120k base", 100_000, 120_000, "CAD", SalaryInterval.YEAR),
    ("Contract, USD 6700/month.", 6_700, 6_700, "USD", SalaryInterval.MONTH),
    ("DQC.ai | Senior Software Engineer | 65-95k€ + VSOP", 65_000, 95_000, "EUR", SalaryInterval.YEAR),
    ("Gehalt: 60.000€ - 80.000€", 60_000, 80_000, "EUR", SalaryInterval.YEAR),
    ("Salaire : 100 000 € - 120 000 €", 100_000, 120_000, "EUR", SalaryInterval.YEAR),
    ("NZ$120k-NZ$140k", 120_000, 140_000, "NZD", SalaryInterval.YEAR),
    ("Salary banding between £50,000 and £70,000", 50_000, 70_000, "GBP", SalaryInterval.YEAR),
    ("Inside IR35, £400-£500 p/d", 400, 500, "GBP", SalaryInterval.DAY),
    # a list line after the figure ("B. ...") is no "billion"
    ("Rates:\nA. Agent Lead Dev: USD 45–55/hr\nB. Sr Rust Dev: USD 40-50/hr", 45, 55, "USD",
     SalaryInterval.HOUR),
]


# twentieth session: India's grouping of lakhs and crores ("₹12,00,000"), lakhs or "LPA" without a
# symbol (India's ways only, so rupees), German and French pay by the month or the year
# ("brutto monatlich", "par mois", "/Jahr"); read None, a rupee figure of 12, or a year
# before
PAY_FORMS_OF_OTHER_COUNTRIES = [
    ("CTC: ₹12,00,000 - ₹18,00,000 per annum", 1_200_000, 1_800_000, "INR", SalaryInterval.YEAR),
    ("Salary: ₹12,00,000 fixed + bonus", 1_200_000, 1_200_000, "INR", SalaryInterval.YEAR),
    ("Pay: INR 1,20,00,000", 12_000_000, 12_000_000, "INR", SalaryInterval.YEAR),
    ("Budgeted salary: 18-25 lakhs per annum", 1_800_000, 2_500_000, "INR", SalaryInterval.YEAR),
    ("Compensation: 18-25 LPA + ESOPs", 1_800_000, 2_500_000, "INR", SalaryInterval.YEAR),
    ("Bangalore | 12 LPA | Full-time", 1_200_000, 1_200_000, "INR", SalaryInterval.YEAR),
    ("Bangalore | 18-25 lakhs | Full-time", 1_800_000, 2_500_000, "INR", SalaryInterval.YEAR),
    ("Gehalt: 4.500 € brutto monatlich", 4_500, 4_500, "EUR", SalaryInterval.MONTH),
    ("Vergütung 4.500 € brutto/Monat", 4_500, 4_500, "EUR", SalaryInterval.MONTH),
    ("Einstieg ab 4.000 € im Monat", 4_000, 4_000, "EUR", SalaryInterval.MONTH),
    ("5.000 EUR brutto pro Monat", 5_000, 5_000, "EUR", SalaryInterval.MONTH),
    ("Salaire : 3 500 € brut mensuel", 3_500, 3_500, "EUR", SalaryInterval.MONTH),
    ("Rémunération : 3 200 € par mois", 3_200, 3_200, "EUR", SalaryInterval.MONTH),
    ("Gehalt: 60.000 - 75.000 € p.a.", 60_000, 75_000, "EUR", SalaryInterval.YEAR),
    ("Salaire : 45 k€ / an", 45_000, 45_000, "EUR", SalaryInterval.YEAR),
    ("65.000 € brutto pro Jahr", 65_000, 65_000, "EUR", SalaryInterval.YEAR),
    ("Salaire : 45 000 € brut annuel", 45_000, 45_000, "EUR", SalaryInterval.YEAR),
    ("Gehalt: 9.500 CHF pro Monat", 9_500, 9_500, "CHF", SalaryInterval.MONTH),
    # gross or net between the figure and an English period, as "brutto" before a German one
    ("Pay: $5,000 gross per month", 5_000, 5_000, "USD", SalaryInterval.MONTH),
    ("£4,000 net monthly", 4_000, 4_000, "GBP", SalaryInterval.MONTH),
    ("CHF 9,000 brutto per month", 9_000, 9_000, "CHF", SalaryInterval.MONTH),
    ("$8,000 gross a month", 8_000, 8_000, "USD", SalaryInterval.MONTH),
]


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
    ] + CURRENCY_WRITTEN_OTHER_WAYS + PAY_FORMS_OF_OTHER_COUNTRIES,
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


@pytest.mark.parametrize(
    "text",
    [
        "Base pay plus stock options and a yearly bonus.",
        "Pay: €70k + options",
        "We grant ESOPs to every hire.",
        "Share options for all staff after probation.",
        "An options grant that vests over four years.",
        "RSUs, 401k match and dental.",
        "Comp: sweat equity only until we raise.",
        "Our benefits: salary, equity, health insurance.",
        "Diversity is core to us. Salary + equity.",
        "Visa sponsorship: no\nEquity: 0.5-1%",
        "Perks:\nEquity\nFunding for conferences",
        # review of the seventeenth session's rules: still offered
        "Equity: yes",
        "Competitive salary, equity, and benefits.",
        "Equity-based compensation for early hires.",
        "Equity: no cliff, four-year vesting.",
        "Meaningful equity in the company.",
        "Pay equity is audited yearly. Salary $150k + equity.",
        "We value ownership: everyone gets equity.",
        # nineteenth session: a virtual plan, stock granted, "+ stock" (read no equity)
        "DQC.ai | Senior Software Engineer | 65-95k€ + VSOP",
        "Stock grants pre-IPO at a company backed by top investors.",
        "$50,000–$160,000 / year cash + stock grant + performance bonus",
        "Employees receive phantom stock each year (2-year vesting period).",
        "Restricted stock units vest over four years.",
        "Competitive salary + stock.",
        "Stock-based compensation for every hire.",
    ],
)
def test_equity_offered(text: str) -> None:
    assert mentions_equity(text)


@pytest.mark.parametrize(
    "text",
    [
        # "options" that are no stock options
        "Patients compare care options in the app.",
        "Pick among hosting options on three clouds.",
        "Medical, dental, and 401(k) options with a match.",
        "Search jobs\nOptions\nApply now",
        # the finance word, and fairness
        "We are backed by two private equity firms.",
        "Build tools for equity trading desks.",
        "The firm raised $40M in equity financing last year.",
        "Support our equity research analysts with data.",
        "Our clients range from growth equity funds to banks.",
        "We host talks on diversity, equity, and inclusion.",
        "Our mission is health equity for rural patients.",
        # equity said not to be offered
        "We do not offer equity; pay is all cash.",
        "A high salary instead of lottery-ticket equity.",
        "We cannot offer equity at this stage.",
        # a field that says no
        "Equity: none",
        "Equity: N/A (contract role)",
        "Remote: yes | Equity: no | Visa: no",
        "Equity? No.",
        # fairness said other ways
        "We value equity and fairness in hiring.",
        "Our team runs pay equity audits every year.",
        "We are committed to equity in hiring.",
        "A nonprofit for educational equity.",
        "We close digital equity gaps in rural towns.",
        # ... not stock that is no stake
        "Stock units sold per store are forecast weekly.",
        "We do not offer stock grants.",
        "We offer an employee stock purchase plan.",
    ],
)
def test_equity_not_offered(text: str) -> None:
    assert not mentions_equity(text)


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


def _assert_valid(s: Salary | None, text: str) -> None:
    """None, or a salary every field of which makes sense."""
    if s is None:
        return
    assert Salary.model_validate(s.model_dump()) == s
    assert s.max is not None and math.isfinite(s.max) and s.max >= 0
    if s.min is not None:
        assert math.isfinite(s.min) and 0 <= s.min <= s.max
    assert s.currency is not None and s.interval is not None
    assert s.text and s.text in text


# Pieces of pay figures, with every kind of white space a separator could be.
_PIECES = ["$", "€", "£", "US$", "C$", "1", "20", "120", "60.000", "1,5", "k", "K", "m", "M", ",000",
           "-", "–", " to ", "up to ", "USD", "chf", "per hour", "/yr", " a year", "(Glassdoor est.)",
           " ", "\n", "\r\n", "\t", "\xa0", "\u2009", "\u2028", "\x1c", "\x85", "\x0b", "’", "'",
           ".", ",", "\u212a", "\u0661", "9" * 400]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=300),
                 st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)))
def test_no_text_makes_the_parser_raise(text: str) -> None:
    _assert_valid(parse_salary(text), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=5).map("".join),
       st.one_of(st.text(max_size=300), st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)))
def test_no_posting_makes_the_parser_raise(title: str, text: str) -> None:
    _assert_valid(parse_posting_salary(title, text), title + "\n" + text)


@pytest.mark.parametrize("sep", ["\n", "\r", "\u2028", "\x1c", "\x85", "\x0b", "\x0c"])
def test_a_figure_does_not_go_on_after_a_line_break(sep: str) -> None:
    """"120" on the next line is not the rest of "$120" (it once raised ValueError)."""
    s = parse_salary(f"$120{sep}120k")
    assert s is not None and (s.min, s.max, s.text) == (120, 120, "$120")


@pytest.mark.parametrize("sep", [" ", "\xa0", "\u202f", "\u2009", "\t", "'", "’", ",", "."])
def test_thousands_separated_within_a_line(sep: str) -> None:
    s = parse_salary(f"¥1{sep}200k - ¥1{sep}500k per year")  # yen: pay can run to millions
    assert s is not None and (s.min, s.max) == (1_200_000, 1_500_000)


def test_enrich_record_reads_a_figure_split_by_a_line_break() -> None:
    """The flaw was reachable from a corpus record, through the posting text or the field."""
    from mljobs.enrich import enrich_record

    out = enrich_record({"id": "x", "title": "Engineer", "text": "Pay: $120\n120k a year.",
                         "salary_estimate": "$1\u2028200k"})
    assert out["salary"]["text"] == "$1"


def test_salary_field_is_parse_salary_remembered() -> None:
    for text in ["$56K-$97K (Glassdoor est.)", "$56K-$97K (Glassdoor est.)", "no figure", "€60.000–80.000"]:
        assert parse_salary_field(text) == parse_salary(text)
    assert parse_salary_field("$56K-$97K (Glassdoor est.)") is parse_salary_field("$56K-$97K (Glassdoor est.)")


@pytest.mark.parametrize(
    "text",
    [
        "In 2024, we raised $20M in Series B funding from Balderton.",
        "Healthcare SaaS company with over $100M in ARR, growing 100%+ YoY.",
        "We recently announced $14.4 million in funding to make blockchains fast.",
        "Backed by a founder with $1B+ exits and growing fast.",
        "We recently raised a $3.25mm round led by Haystack.",
        "handling over £29 billion in volume since 2010",
        "We can likely raise ~€250k fairly quickly via public funding.",
        "a Series A startup with 8+ figures of annual revenue. We've raised over $37M",
        "In 3 years, we grew from 0 to $200M GMV.",
        "Tuition Reimbursement up to $3K/year",
        "Hybrid | Full-time | Visa + €10k Signing Bonus",
        # market sizes, prices per thing, one-off and loan benefits
        "We're building automation software for the $7T insurance industry.",
        "US healthcare - the biggest market in the world ($5T).",
        "** $10,000 sign on bonus & $10,000 student loan forgiveness**",
        "Mobile Phone or Internet Benefit – $25 per paycheck subsidy",
        "Setup: flat €50/workflow, delivered in 48h.",
        "conversion to Pro ($12/mo or $99/yr)",
        "Referral Program: $5,000 per referral OR $250/mo indefinitely",
    ],
)
def test_company_money_prices_and_benefits_are_not_pay(text: str) -> None:
    """Each was once read as pay: funding, revenue and valuations, small yearly benefits,
    market sizes ("$7T" as $7 an hour) and prices per thing ("$25 per paycheck")."""
    assert parse_salary(text) is None


def test_pay_after_company_money_is_found() -> None:
    s = parse_salary("New Consumer AI company, raised $6m pre-seed. Looking for founding engineers. "
                     "$200k+, significant equity.")
    assert s is not None and (s.min, s.max, s.currency) == (200_000, 200_000, "USD")


@pytest.mark.parametrize(
    ("text", "lo", "hi", "interval"),
    [
        ("Comp: ₹40L–₹70L base + meaningful equity", 4_000_000, 7_000_000, SalaryInterval.YEAR),
        ("₹15 lakh per annum", 1_500_000, 1_500_000, SalaryInterval.YEAR),
        ("Founders Associate $3K - $4.5K / monthly", 3_000, 4_500, SalaryInterval.MONTH),
        ("$100 daily", 100, 100, SalaryInterval.DAY),
        ("$160K–$200K + seed-stage equity", 160_000, 200_000, SalaryInterval.YEAR),
    ],
)
def test_lakhs_and_worded_intervals(text: str, lo: float, hi: float, interval: SalaryInterval) -> None:
    s = parse_salary(text)
    assert s is not None and (s.min, s.max, s.interval) == (lo, hi, interval)


@given(st.integers(1, 999), st.sampled_from(["$", "€", "£"]),
       st.sampled_from([" million", " billion", "M", "m", "B", "bn", "MM", "M ARR", "k in funding",
                        "k seed round", "M Series A"]))
def test_company_sized_figures_are_never_pay(amount: int, sym: str, unit: str) -> None:
    assert parse_salary(f"We have {sym}{amount}{unit} and more.") is None


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("Senior Software Engineer, Android - $160~170k - Java", 160_000, 170_000),
        ("Salary: $154-190,000 DOE", 154_000, 190_000),
        ("$120K to $160K USD / CA$120K to CA$160K.", 120_000, 160_000),
        ("Pay: $45-$60 per hour", 45, 60),
    ],
)
def test_tilde_ranges_and_shared_thousands(text: str, lo: float, hi: float) -> None:
    s = parse_salary(text)
    assert s is not None and (s.min, s.max) == (lo, hi)
    assert s.currency == "USD"


@given(st.integers(1, 999), st.sampled_from(["$", "€", "£"]),
       st.sampled_from(["user", "seat", "workflow", "paycheck", "ticket", "referral", "person"]),
       st.sampled_from(["/", " / ", " per "]))
def test_a_price_per_thing_is_never_pay(amount: int, sym: str, unit: str, per: str) -> None:
    """A figure per something that is no period of time is a price or a benefit."""
    assert parse_salary(f"Only {sym}{amount}{per}{unit}, billed monthly.") is None


@given(st.integers(20, 400), st.sampled_from(["$", "€", "£"]), st.sampled_from(["+ ", "+, ", "+ | "]))
def test_or_more_is_kept_in_the_text(amount: int, sym: str, after: str) -> None:
    s = parse_salary(f"Comp: {sym}{amount}k{after}equity")
    assert s is not None and (s.min, s.max) == (amount * 1000, amount * 1000)
    assert s.text == f"{sym}{amount}k+"


def test_a_plus_joining_a_word_is_no_or_more() -> None:
    s = parse_salary("Comp: $150k+equity")
    assert s is not None and s.text == "$150k"




@pytest.mark.parametrize("text", ["Inside IR35 €Day rate", "between 2 and 5 years", "60k€uros of budget",
                                  "Our product: USD",
                                  # a code word before a figure that is no pay
                                  "Experience with CAD 3D modelling tools.", "ISO 9001, CHF 2",
                                  "Probation: PLN 3 months", "Fees of USD 5 apply."])
def test_no_pay_in_other_ways(text: str) -> None:
    assert parse_salary(text) is None


@given(st.integers(20, 400), st.integers(0, 300),
       st.sampled_from(["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SGD", "PLN"]), st.sampled_from(["", " "]))
def test_a_code_before_the_amount_round_trips(lo: int, extra: int, code: str, space: str) -> None:
    s = parse_salary(f"Pay: {code}{space}{lo}k - {lo + extra}k per year")
    assert s is not None
    assert (s.min, s.max, s.currency) == (lo * 1000, (lo + extra) * 1000, code)


@given(st.integers(20, 400), st.sampled_from(["$", "€", "£", "USD ", "CHF"]),
       st.sampled_from(["B", "M", "T", "K", "Bn", "Series A", "Funding", "Raised $5M"]),
       st.sampled_from(["\n", "\r\n", "\u2028"]))
def test_the_next_line_does_not_change_a_figure(amount: int, sym: str, after: str, sep: str) -> None:
    """What starts the next line ("B. Engineer", "Series A") says nothing of the figure above it."""
    alone = parse_salary(f"Pay: {sym}{amount}k")
    assert alone is not None
    assert parse_salary(f"Pay: {sym}{amount}k{sep}{after}. More text") == alone


# The code anchor as one pattern (before it was split in two for speed): a code after the
# amount, or one in capitals at a word's start right before it.
_ONE_CODE_PATTERN = re.compile(
    r"\d\s?(?:[km]|,000|lakhs?|lacs?|l(?:pa)?)?\s?(?:" + "|".join(salary._CURRENCY_CODES) + ")|\\d\\s?(?:lakh|lpa)|"
    r"(?-i:\b(?=[A-Z]{3}\s?\d)(?:" + "|".join(salary._CURRENCY_CODES) + r"))\s?\d", re.IGNORECASE)
_CODE_PIECES = ["USD", "usd", "Usd", "CHF", "EUR", "eur", "NZD", "PLN", "INR", "1", "85", "9", "k", "K",
                "m", "lakh", "lakhs", "L", "LPA", ",000", " ", "  ", "\n", "\xa0", "x", "_", "é", "-", "$",
                "AUSD", "ſ", "\u212a"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CODE_PIECES), max_size=14).map("".join), st.integers(0, 60),
       st.integers(0, 60))
def test_code_anchor_is_where_the_one_pattern_first_matches(text: str, pos: int, endpos: int) -> None:
    m = _ONE_CODE_PATTERN.search(text, pos, endpos)
    assert salary._code_anchor(text, pos, endpos) == (-1 if m is None else m.start())


def _indian(n: int) -> str:
    """``n`` grouped the Indian way: the last three digits, then pairs ("12,34,56,789")."""
    digits = str(n)
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while head:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*pairs, tail]) if pairs else tail


@given(st.integers(100_000, 9_99_99_99_999), st.integers(0, 5_00_00_000),
       st.sampled_from(["₹", "₹ ", "INR "]), st.sampled_from(["", " per annum", " p.a."]))
def test_indian_grouping_round_trips(lo: int, extra: int, cur: str, per: str) -> None:
    hi = lo + extra
    s = parse_salary(f"CTC: {cur}{_indian(lo)} - {cur}{_indian(hi)}{per}")
    assert s is not None
    assert (s.min, s.max, s.currency, s.interval) == (lo, hi, "INR", SalaryInterval.YEAR)


@given(st.integers(1, 99), st.integers(0, 50),
       st.sampled_from([" lakhs per annum", " Lakh p.a.", " LPA", "LPA", " lpa"]),
       st.sampled_from(["Salary: ", "CTC ", "Package - ", "Bangalore | "]))
def test_lakhs_without_a_symbol_are_rupees(lo: int, extra: int, unit: str, before: str) -> None:
    hi = lo + extra
    s = parse_salary(f"{before}{lo}-{hi}{unit} | Full-time")
    assert s is not None
    assert (s.min, s.max, s.currency, s.interval) == (lo * 100_000, hi * 100_000, "INR", SalaryInterval.YEAR)


@given(st.integers(1, 99), st.sampled_from(["users", "downloads", "customers", "rupees of revenue"]))
def test_lakhs_of_other_things_are_no_pay(n: int, what: str) -> None:
    assert parse_salary(f"Our app has {n} lakh {what} and {n + 1} lakhs more.") is None
    assert parse_salary(f"We raised {n} lakhs | {n} lakhs {what}") is None
    # a plus glued to the figure is a count's ("20 lakh+ customers"), not "18-25 lakhs + ESOPs"
    assert parse_salary(f"We serve {n} lakh+ {what} across India") is None
    assert parse_salary(f"Over {n} lakhs+ {what} trust us") is None


def test_a_plus_after_a_space_still_ends_lakhs_of_pay() -> None:
    for text in ("18-25 lakhs + ESOPs", "CTC 20 lakh+ with ESOPs"):
        s = parse_salary(text)
        assert s is not None and s.currency == "INR", text


_MONTH_WORDS = [" brutto monatlich", " brutto/Monat", "/Monat", " pro Monat", " im Monat", " brut mensuel",
                " par mois", "/mois", " mensuel", " monatlich", " brutto pro Monat", " gross per month",
                " net monthly", " brutto per month"]
_YEAR_WORDS = [" brutto pro Jahr", "/Jahr", " pro Jahr", " jährlich", " brutto jährlich", " brut annuel",
               " par an", " / an", "/an", " annuel", " brutto p.a.", " p.a.", " gross per year",
               " gross annually", " net a year"]


@given(st.integers(1_000, 19_999), st.sampled_from([".", " ", "\u202f", ""]), st.sampled_from([" €", "€", " EUR", " CHF"]),
       st.sampled_from(_MONTH_WORDS))
def test_continental_monthly_pay_round_trips(amount: int, sep: str, cur: str, per: str) -> None:
    figure = f"{amount // 1000}{sep}{amount % 1000:03d}"
    s = parse_salary(f"Gehalt: {figure}{cur}{per}, 30 Tage Urlaub")
    assert s is not None
    assert (s.min, s.max, s.currency, s.interval) == (amount, amount, cur.strip().replace("€", "EUR"),
                                                      SalaryInterval.MONTH)


@given(st.integers(20, 250), st.integers(0, 60), st.sampled_from([" €", "€", " EUR"]),
       st.sampled_from(_YEAR_WORDS), st.sampled_from([".000", " 000", "k", " k"]))
def test_continental_yearly_pay_round_trips(lo: int, extra: int, cur: str, per: str, thousands: str) -> None:
    hi = lo + extra
    s = parse_salary(f"Salaire : {lo}{thousands} - {hi}{thousands}{cur}{per}, télétravail")
    assert s is not None
    assert (s.min, s.max, s.currency, s.interval) == (lo * 1000, hi * 1000, "EUR", SalaryInterval.YEAR)
