"""Salary parsing: "$120k-$150k", "€60.000–80.000", "up to 200k", hourly vs yearly.

``parse_salary(text)`` returns the first pay figure or range it can read as a
``models.Salary`` (or None). Glassdoor-style "(Glassdoor est.)" / "(Employer
est.)" figures come back with ``stated=False``. ``mentions_equity(text)``
says whether equity/stock options are offered.
"""

from __future__ import annotations

import functools
import math
import re
from typing import NamedTuple

from mljobs.enrich.lowered import hits, lower, lowers_exactly, register
from mljobs.models import Salary, SalaryInterval
from mljobs.pay import CURRENCY_OF_COUNTRY

_CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "C$": "CAD", "CA$": "CAD",
                     "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD", "R$": "BRL"}
_CURRENCY_CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "INR", "JPY", "SGD",
                   "NZD", "HKD", "BRL", "PLN")
# "€" after the amount, the continental way ("60.000€", "65-95k€", "100 000 € - 120 000 €"):
# not the next figure's symbol ("... 60k € 70k") nor a word's first letter.
_POST = r"(?:\s?(?P<post{n}>€)(?![^\W\d_])(?!\s?\d))?"
# White space within a line (``\s`` but no line boundary of ``str.splitlines``).
_LINE_SPACE = r"[^\S\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
# A thousands separator: a comma, point, apostrophe or white space within a line (a figure
# does not go on on the next line).
_SEP = r"(?:[,.’']|" + _LINE_SPACE + ")"
# An amount: a figure (a grouped one may end in cents: "140,000.00", "60.000,00"; India groups
# lakhs and crores in pairs before the last three digits: "12,00,000", "1,20,00,000") and its
# unit, if any ("120k", "1.2M", "12 lakhs", "20 LPA").
_FIGURE = (r"\d{{1,3}}(?:" + _SEP + r"\d{{3}})+(?:[.,]\d\d(?!\d))?|\d{{1,2}}(?:,\d\d)+,\d{{3}}(?!\d)|"
           r"\d+(?:\.\d+)?")
_UNIT = r"[kK]|[mM]\b|,000|lakhs?\b|lacs?\b|L(?:PA)?\b"
_AMOUNT = r"(?P<num{n}>" + _FIGURE + r")\s?(?P<k{n}>" + _UNIT + ")?"
# A symbol before the amount, or a code right before it ("USD 85K–102K", "CHF60k–CHF85k": the
# code as a word in capitals, then at most one space and a digit; the capitals looked at first,
# as a lower-case word start fails there at once).
# (not "CAD 3D modelling": the amount after a code, ``_AMOUNT``'s, is no word's start)
_SYM = (r"(?P<sym{n}>US\$|C\$|CA\$|A\$|AU\$|NZ\$|HK\$|R\$|\$|€|£|¥|₹|"
        r"(?-i:\b(?=[A-Z]{{3}}\s?\d)(?:" + "|".join(_CURRENCY_CODES) + r"))"
        r"(?=\s?(?:" + _FIGURE + r")\s?(?:" + _UNIT + r")?(?![^\W\d_])))")
_CODE = r"(?:\s?(?P<code{n}>" + "|".join(_CURRENCY_CODES) + r"))?"


def _part(n: int) -> str:
    return f"{_SYM.format(n=n)}?\\s?{_AMOUNT.format(n=n)}{_CODE.format(n=n)}{_POST.format(n=n)}"


# The characters a ``_RANGE_RE`` match can start with: white space or a digit (the amount), a
# symbol, the first letter of "up to", "to", "between" or of a symbol (any case: "US$", "C$",
# "CA$", "A$", "AU$", "NZ$", "HK$", "R$"), a code's capital. Tested first, so the engine gives
# up at once at the other characters (most of a text's letters), where it went through
# every optional branch to fail on the amount's digit: ~0.7x the time of a corpus pass's
# scans, the same matches (a test ties the two). Then, where that holds, a second look-ahead
# of what such a start goes on with: a digit or symbol, white space and a digit, "up to",
# "us$", "to" and white space, "between", the rest of a symbol, a code's three capitals
# (white space or one of those letters is mostly no figure's start: a further ~0.55x).
_RANGE_START = (r"(?=[\s\d$€£¥₹utbcanhr]|(?-i:[A-Z]))"
                r"(?=[\d$€£¥₹]|\s\d|u(?:p to|s\$)|to\s|between|ca?\$|au?\$|nz\$|hk\$|r\$|(?-i:[A-Z]{3}))")
# ("between $120k and $150k": "and" joins a range only after "between")
_RANGE_RE = re.compile(
    _RANGE_START + r"(?:(?P<upto>up to\s+|to\s+)|(?P<between>between\s+))?" + _part(1)
    + r"(?:\s?(?:-|–|—|~|to|(?(between)\s?and\s?|(?!)))\s?" + _part(2) + r")?"
    + r"(?P<per>\s?(?:/|per|an|a)\s?(?:hour|hr|h|year|yr|annum|month|mo|week|day)\b|"
    # (a UK contract's "£400 p/d", "£35 p/h")
    # (not the "pa" of a word: "3 200 € par mois")
    r"\s?(?:/\s?)?(?:hourly|annually|yearly|monthly|weekly|daily)\b|\s?(?:p\.?a\.?(?![^\W\d_])|/yr|p/[hd]\b))?",
    re.IGNORECASE,
)
# A plausible figure names a currency: a symbol, or a code right after the amount.
_MONEY_SYMBOLS = ("$", "€", "£", "¥", "₹")
# (or lakhs or "LPA" after the amount, India's ways alone: rupees; "18-25 lakhs", "12 LPA")
_CODE_AFTER_NUMBER = re.compile(
    r"\d\s?(?:(?:[km]|,000|lakhs?|lacs?|l(?:pa)?)?\s?(?:" + "|".join(_CURRENCY_CODES) + ")|lakh|lpa)",
    re.IGNORECASE)
# ... or a code right before the amount, "USD 85K", as ``_SYM`` reads it: in capitals, at a
# word's start (no word character before the code: ``\b``, looked at after the code's three
# letters, so that the engine jumps from one of their first letters to the next).
# (Two patterns, not one with two branches: each starts with what the engine can skip to, a
# digit or a code's first capital; one pattern that starts with either is tried at every
# character, at two to three times the cost of the two over the corpus's texts (the ratio
# moves with the host's load: bench/salary_anchors.py, docs/benchmarks.md).)
_CODE_BEFORE_NUMBER = re.compile("(?:" + "|".join(_CURRENCY_CODES) + r")(?<!\w\w{3})\s?\d")
# Equity offered to the hire. "options" alone is rarely stock options ("treatment options",
# "deployment options", "401k options", a page's "Options" menu): it counts only as stock,
# share or equity options, an options grant or pool, or right after a "+" ("$150k + options").
# (also a German start-up's virtual plan, "VSOP"; stock granted, "stock grant", "phantom stock",
# "restricted stock units", "stock-based compensation"; "+ stock" after pay, as "+ options")
_EQUITY = re.compile(
    r"\b(?:equity|stock[- ]options?|rsus?|ownership stake|esops?|vsops?|options? (?:grants?|pool)|"
    r"stock (?:grants?|awards?)|(?<=restricted )stock units?|stock[- ]based compensation|phantom (?:stock|shares|equity))\b"
    r"|(?<=share )options?\b|(?<=\+ )(?:options|stock)\b|(?<=\+)(?:options|stock)\b", re.IGNORECASE)
# The same pattern, case-sensitive: on lower-cased ASCII text it finds the same matches, faster.
_EQUITY_ASCII = re.compile(_EQUITY.pattern)
# Every match of ``_EQUITY`` in a lower-cased text that ``lowers_exactly`` starts with one of these.
_EQUITY_WORDS = ("equity", "stock", "option", "rsu", "ownership", "esop", "vsop", "phantom")
register(_EQUITY_WORDS)
# "equity" that is no stake offered to the hire: the finance word ("private equity firms",
# "equity trading", "$200M in equity financing", "equity research") or fairness ("health
# equity", "diversity, equity and inclusion", "we value equity", "pay equity audits", "equity
# in hiring"); and equity said not to be offered ("we do not offer equity", "instead of
# lottery-ticket equity", a field "Equity: none"). Read on the lower-cased text: right
# before a match (what ends there, within its line: "Visa: no\nEquity: 0.5%" offers equity)
# and right after one.
_NO_STAKE_BEFORE = re.compile(
    r"(?:\b(?:private|growth|home|health|gender|racial|pay|social|brand|public|digital|economic"
    r"|education(?:al)?|income|climate|environmental|housing|wealth|disability"
    # equity as a value held or worked for ("we value equity", "committed to equity")
    r"|values?|valuing|committed to|commitment to|promot(?:e|es|ing)|advanc(?:e|es|ing)"
    r"|champion(?:s|ing)?|foster(?:s|ing)?|prioritiz(?:e|es|ing))"
    r"|\bdiversity,?(?: and| &)?"
    r"|(?:\bno|\bnot|\bcannot|n[’']t|\binstead of|\bin lieu of|\bwithout)(?:[ \t]+[\w-]+){0,2}?)"
    r"[ \t]+$")
_NO_STAKE_AFTER = re.compile(
    r"[ \t]*(?:(?:financing|funding|round|raise|investors?|investments?|investing|firms?|funds?"
    r"|portfolios?|research|analysts?|trading|traders?|valuations?|markets?|capital|derivatives"
    r"|index|indices|securities|audits?|gaps?|initiatives?"
    r"|(?:,? ?(?:and|&) |, )(?:inclusion|fairness|justice|belonging)"
    r"|in (?:hiring|the workplace|health ?care|education))\b"
    # a field that says no ("Equity: none", "Equity: N/A", "Equity? No"; not "Equity: no cliff")
    r"|[:?=–-][ \t]*(?:(?:no|none|nil|n/a)(?![ \t]*[\w/])|not (?:offered|available|provided|included)\b))")
# How far back ``_NO_STAKE_BEFORE`` looks.
_STAKE_BACK = 40
_ESTIMATE = re.compile(r"\((?:glassdoor|employer) est\.?\)|\bestimated?\b", re.IGNORECASE)
_INTERVALS = {
    "h": SalaryInterval.HOUR, "hr": SalaryInterval.HOUR, "hour": SalaryInterval.HOUR,
    "hourly": SalaryInterval.HOUR, "year": SalaryInterval.YEAR, "yr": SalaryInterval.YEAR,
    "annum": SalaryInterval.YEAR, "annually": SalaryInterval.YEAR, "yearly": SalaryInterval.YEAR,
    "pa": SalaryInterval.YEAR, "d": SalaryInterval.DAY, "month": SalaryInterval.MONTH, "mo": SalaryInterval.MONTH,
    "week": SalaryInterval.WEEK, "day": SalaryInterval.DAY, "monthly": SalaryInterval.MONTH,
    "weekly": SalaryInterval.WEEK, "daily": SalaryInterval.DAY,
}


# German and French ways to say the period after a figure ("4.500 € brutto monatlich", "brutto/
# Monat", "im Monat", "3 500 € brut mensuel", "par mois", "pro Jahr", "45 k€ / an", "brut
# annuel", "brutto p.a."; and "gross"/"net" before an English one): read after a figure that
# names none (``_RANGE_RE`` does not hold them, so its scan of every figure costs nothing more).
_CONTINENTAL_PER = re.compile(
    r"[ \t\xa0]?(?:(?:brutto|brut|gross|netto|net)[ \t\xa0]?)?(?:"
    r"(?P<month>(?:(?:/|pro|im|par|per|au|le)[ \t\xa0]?)?(?:monat|mois)\b|monatlich\b|mensuel(?:le)?s?\b|"
    # (English periods after "gross" or "net": "$5,000 gross per month", "£4,000 net monthly";
    # right after the figure ``_RANGE_RE`` reads them)
    r"(?:/|per|a)[ \t\xa0]?month\b|monthly\b)|"
    r"(?P<year>(?:/|pro|im|par|per)[ \t\xa0]?(?:jahr|an|année)\b|j(?:ä|ae)hrlich\b|annuel(?:le)?s?\b|"
    r"(?:/|per|a)[ \t\xa0]?year\b|(?:annually|yearly)\b|"
    r"(?<=[a-z] )p\.?a\.?(?![^\W\d_])))",
    re.IGNORECASE)
# Every ``_CONTINENTAL_PER`` match holds one of these, lower-cased, in its first 20 characters
# ("p.a." only after "brutto", "brut", "gross", "netto" or "net").
_CONTINENTAL_WORDS = ("mon", "mois", "mensuel", "jahr", "an", "hrlich", "year", "brut", "gross", "net")
_SEPARATORS = re.compile(_SEP)
_GROUPED = re.compile(r"\d{1,3}(?:[,.]\d{3})+")
_NOT_LETTERS = re.compile(r"[^a-z]")


def _amount(num: str, suffix: str | None) -> float:
    # (``str.split`` and ``\s`` see the same characters as white space)
    digits = "".join(num.split()).replace("’", "").replace("'", "")
    cents = 0.0
    if len(digits) > 7 and digits[-3] in ",." and _GROUPED.fullmatch(digits[:-3]):
        cents, digits = int(digits[-2:]) / 100, digits[:-3]  # "140,000.00", "60.000,00"
    if _GROUPED.fullmatch(digits):
        value = float(digits.replace(",", "").replace(".", ""))
    else:
        value = float(digits.replace(",", ""))
    value += cents
    suffix = (suffix or "").lower()
    if suffix == "k":
        value *= 1_000
    elif suffix == "m":
        value *= 1_000_000
    elif suffix == ",000":
        value *= 1_000
    elif suffix[:1] == "l":  # Indian lakhs ("₹40L", "12 LPA", "15 lakh"): 100,000 each
        value *= 100_000
    return value


def _interval(per: str | None, low: float) -> SalaryInterval:
    if per:
        key = _NOT_LETTERS.sub(" ", per.lower()).split()[-1]
        if key in _INTERVALS:
            return _INTERVALS[key]
    return SalaryInterval.HOUR if low < 300 else SalaryInterval.YEAR


def _currency(m: re.Match[str]) -> str | None:
    for n in (1, 2):
        code = m.group(f"code{n}")
        if code:
            return code.upper()
    for n in (1, 2):
        sym = m.group(f"sym{n}")
        if sym:
            if sym.upper() in _CURRENCY_CODES:
                return sym.upper()
            return _CURRENCY_SYMBOLS.get(sym.replace("US", ""), "USD")
    if m.group("post1") or m.group("post2"):
        return "EUR"
    return "INR" if _in_lakhs(m) else None


# India's ways of writing pay in lakhs, which name rupees without a symbol ("18-25 lakhs",
# "12 LPA"; not the bare "L" of "₹40L", nor "lacs", a word of other trades too).
_LAKH_UNITS = frozenset({"lakh", "lakhs", "lpa"})
# A word of pay before a figure in lakhs without a symbol (in its clause): "12 lakh users" is
# no pay, "CTC: 12-18 lakhs" is; a figure in "LPA" (lakhs per annum) or with a period is pay,
# and so is one that stands alone, no word after it ("Bangalore | 18-25 lakhs | Full-time").
_PAY_BEFORE = re.compile(r"\b(?:salary|ctc|pay|package|compensation|comp|remuneration|stipend|budget)\b",
                         re.IGNORECASE)


# Nothing or no word after a figure, within its line: the end, a line break, a bar, a bracket,
# a plus after a space or a clause's end ("18-25 lakhs | Full-time", "18-25 lakhs + ESOPs",
# "18 lakhs."; a plus glued to the figure is a count's, "20 lakh+ customers").
_NO_WORD_AFTER = re.compile(r"[ \t]*(?:$|[\n\r|);,]|(?<=[ \t])\+|[.!?](?:\s|$))")


def _in_lakhs(m: re.Match[str]) -> bool:
    """Whether the ``_RANGE_RE`` match ``m`` states its amount in lakhs (India's words)."""
    return any((m.group(k) or "").lower() in _LAKH_UNITS for k in ("k1", "k2"))


def _lakhs_as_pay(m: re.Match[str]) -> bool:
    """Whether ``m``, in lakhs without a currency, reads as pay: "LPA", a period, or a word of
    pay in its clause before it."""
    if m.group("per") or any((m.group(k) or "").lower() == "lpa" for k in ("k1", "k2")):
        return True
    if _NO_WORD_AFTER.match(m.string, m.end()):
        return True
    before = m.string[max(0, m.start() - _CLAUSE_BACK):m.start()]
    ends = list(_CLAUSE_ENDS.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    return _PAY_BEFORE.search(before) is not None


def _plausible(m: re.Match[str]) -> bool:
    has_money = bool(m.group("sym1") or m.group("sym2") or m.group("code1") or m.group("code2")
                     or ((m.group("post1") or m.group("post2"))
                         # (not a figure inside a word: "IR35 €")
                         and not m.string[m.start("num1") - 1:m.start("num1")].isalpha())
                     or (_in_lakhs(m) and _lakhs_as_pay(m)))
    has_k = bool(m.group("k1") or m.group("k2"))
    # (thousands grouped by any separator: "CHF 120'000", "100 000 €")
    return has_money and (has_k or _SEPARATORS.sub("", m.group("num1")).isdigit())


# Company money is not pay: funding rounds, revenue, valuations, volumes ("raised $20M in
# Series B", "$100M+ ARR", "$14.4 million in funding", "$1B+ exits", "a $3.25mm round").
# Right after a figure: a word for millions, billions or trillions ("the $7T insurance
# industry"), a word of company money, or a
# one-off or benefit ("€10k signing bonus", "$15k relocation", "$10,000 student loan
# forgiveness").
# (within the figure's line: "USD 45–55/hr" then a list line "B. Sr Rust Dev" is no billions)
_COMPANY_MONEY_AFTER = re.compile(
    r"\+?" + _LINE_SPACE + r"?(?:million|mil|mm|billion|bn|b|trillion|tn|t)\b"
    r"|\+?" + _LINE_SPACE + r"*(?:in" + _LINE_SPACE + r"+)?(?:series|(?:pre-?)?seed(?![-\w])|funding|round|raised?|arr|mrr|gmv|revenue|valuation"
    r"|run[ -]rate|acquisition|exits?|signing|sign[ -]on|relocation|bonus|stipend|budget|referral"
    r"|tuition|student|loans?|allowance|reimbursement|credits?|grants?)\b",
    re.IGNORECASE,
)
# Before a figure, in the same clause: a word of fundraising or company money.
_COMPANY_MONEY_BEFORE = re.compile(
    r"\b(?:rais(?:e|ed|es|ing)|funding|funded|valuation|revenue|arr|gmv|acquired|acquisition"
    r"|investment|invested|backed|exits?|volume|losses)\b",
    re.IGNORECASE,
)
# How far back a clause can hold such a word, and what ends a clause.
_CLAUSE_BACK = 40
_CLAUSE_ENDS = re.compile(r"[.!?;]\s|[|•\n\r]")
# A person's yearly pay is at most a million in these currencies; a larger figure, or one
# written in millions ("$1M"), is company money (JPY, INR, SEK, NOK, DKK salaries can run
# to millions, so they are not capped).
_PAY_BELOW_A_MILLION = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "SGD"})
# ... and above this: a smaller yearly figure is a benefit (a budget, a stipend), not pay.
_YEARLY_PAY_FLOOR = 10_000
# A month's pay is at least this much in any currency: a smaller monthly figure is a price
# ("$12/mo or $99/yr" for a product, "$7/month for a pair of tickets") or a small benefit.
_MONTHLY_PAY_FLOOR = 300
# Right after a figure, "/ word" or "per word" names what the figure is paid for; when the
# word is no period of time ("$25 per paycheck", "€50/workflow", "$5,000 per referral",
# "$20/user"), the figure is a price or a benefit, not pay.
# (A word before "$" is a currency's prefix: "$120K USD / CA$120K" gives the pay in two.)
_PER_UNIT = re.compile(r"\s?(?:/|per\b)\s?(?P<unit>[^\W\d_]+)(?![\w$])", re.IGNORECASE)
# A "+" right after a figure ("€160.000+", "$200k+, equity") says "or more"; one that joins a
# word to it ("$150k+equity") does not.
_OR_MORE = re.compile(r"\+(?![^\W\d_])")
_TIME_UNITS = frozenset((
    "h", "hr", "hrs", "hour", "hours", "hourly", "d", "day", "days", "daily", "wk", "wks", "week",
    "weeks", "weekly", "mo", "mos", "mth", "mths", "month", "months", "monthly", "y", "yr", "yrs",
    "year", "years", "yearly", "annum", "annually", "annual", "a", "an", "p", "pa"))


def _company_money(text: str, m: re.Match[str], high: float, currency: str | None) -> bool:
    """True when the figure ``m`` (its largest amount ``high``) is company money, not pay."""
    if currency in _PAY_BELOW_A_MILLION and (
            high > 1_000_000 or (m.group("k1") or m.group("k2") or "").lower() == "m"):
        return True  # "$2.7M", "$1M", "$1,500,000" (a round "$1,000,000" top of a range is pay)
    if _COMPANY_MONEY_AFTER.match(text, m.end()):
        return True
    before = text[max(0, m.start() - _CLAUSE_BACK):m.start()]
    ends = list(_CLAUSE_ENDS.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    return _COMPANY_MONEY_BEFORE.search(before) is not None


# Characters that no ``_RANGE_RE`` match holds (none of its letters, digits, symbols,
# separators or white space).
_CUTS = ("(", ")", ":", ";", "!", "?", "|", "*", "+", '"', "=", "•", "v", "x", "V", "X")
# The longest ``_CODE_AFTER_NUMBER`` match: a digit, two spaces, "lakhs" and a code (a
# ``_CODE_BEFORE_NUMBER`` match is shorter: a code, a space and a digit).
_CODE_MATCH_MAX = 11
# The currency codes and symbols in lower case, for the shared trigger-word scan.
# (with India's "lakh" and "lpa", which name rupees after an amount as a code does)
_CODE_WORDS = (*(c.lower() for c in _CURRENCY_CODES), "lakh", "lpa")
register((*_CODE_WORDS, *_MONEY_SYMBOLS))
# The same, as a set (for one test against the hits' words).
_MONEY_WORDS = frozenset((*_CODE_WORDS, *_MONEY_SYMBOLS))


def _first_anchor(text: str, known: tuple[int, list[int]] | None = None) -> int:
    """The first offset of a currency symbol or of a ``_code_anchor`` match
    (-1 if none): every plausible ``_RANGE_RE`` match holds one at or after it.

    ``known``, when given, holds the first symbol's offset (-1: none) and the sorted
    offsets of every currency code's letters in ``text`` (whatever their case); then the
    code pattern is searched only where a match could end.
    """
    if known is None:
        return _next_anchor(text, 0)
    first, codes = known
    limit = first + _CODE_MATCH_MAX if first >= 0 else len(text)
    # A code match ends with its code and starts at most 8 characters before it (the
    # pattern looks at nothing outside its match); the leftmost of these is the search's.
    start = -1
    for c in codes:
        if c + 3 > limit or (start >= 0 and c - _CODE_MATCH_MAX + 3 > start):
            break
        # (a code before its amount ends at most two characters after the code: "USD 8")
        at = _code_anchor(text, max(0, c - _CODE_MATCH_MAX + 3), c + 5)
        if at >= 0 and (start < 0 or at < start):
            start = at
    if start >= 0 and (first < 0 or start < first):
        return start
    return first


def parse_posting_salary(title: str, text: str) -> Salary | None:
    """``parse_salary(title + "\n" + text[:3000])`` (what ``analyse`` reads), with the
    currency symbols and codes of the text taken from its shared trigger-word hits."""
    if not (title.isascii() and lowers_exactly(text)):
        # (case folding might match codes that the hits do not hold)
        return parse_salary(title + "\n" + text[:3000])
    # The lower-cased text has the text's offsets, and so has the title's: a currency code
    # written in any case is one in lower case in one of them (none holds a line break).
    found = hits(lower(text))
    # (in an ASCII title, a word in any case is one in the lower-cased title: a substring
    # test for each word costs a sixth to a fifth of one case-insensitive search for all,
    # bench/salary_anchors.py)
    low_title = title.lower()
    if _MONEY_WORDS.isdisjoint(found) and not any(w in low_title for w in _MONEY_WORDS):
        return None  # no symbol, no code: no anchor (``_first_anchor`` would give -1)
    joined = title + "\n" + text[:3000]
    shift, stop = len(title) + 1, min(len(text), 3000)
    symbols = [found[w][0] for w in _MONEY_SYMBOLS if w in found and found[w][0] < stop]
    in_title = [i for i in map(title.find, _MONEY_SYMBOLS) if i >= 0]
    first = min(in_title) if in_title else min(symbols) + shift if symbols else -1
    codes = [i for w in _CODE_WORDS if w in low_title for i in _occurrences(low_title, w)]
    codes += [i + shift for w in _CODE_WORDS if w in found for i in found[w] if i + 3 <= stop]
    codes.sort()
    return parse_salary(joined, (first, codes))


def _occurrences(s: str, w: str) -> list[int]:
    out, i = [], s.find(w)
    while i >= 0:
        out.append(i)
        i = s.find(w, i + 1)
    return out


def parse_salary(text: str, _known: tuple[int, list[int]] | None = None) -> Salary | None:
    """The first salary figure or range in ``text``, or None.

    Args:
        text: any text (a posting, or a field like "$128K-$201K (Glassdoor est.)").
        _known: for ``parse_posting_salary``: the first symbol and the code offsets.

    Returns:
        A Salary with min/max (max only for "up to"), currency, interval,
        ``stated=False`` for estimates, and the matched text.
    """
    anchor = _first_anchor(text, _known)
    if anchor < 0:
        return None  # no match could be plausible: skip the costly range scan
    # The scan starts after the last character before the first anchor that no match can
    # hold: no match spans it, so the matches after it are those a scan from the start finds,
    # and every plausible match (it holds an anchor) starts after it.
    start = max([text.rfind(c, 0, anchor) for c in _CUTS]) + 1
    while start >= 0:
        scan_from, start = start, -1
        for m in _RANGE_RE.finditer(text, scan_from):
            if not _plausible(m):
                continue
            if (found := _read_plausible(text, m)) is not None:
                return found
            # a plausible figure that is no pay (company money): skip ahead to the next anchor
            anchor = _next_anchor(text, m.end())
            if anchor < 0:
                return None
            cut = max([text.rfind(c, m.end(), anchor) for c in _CUTS])
            if cut >= 0:
                start = cut + 1
                break
    return None


def _next_anchor(text: str, pos: int) -> int:
    """The first currency symbol or ``_code_anchor`` match at or after ``pos`` (-1:
    none): a match of ``_RANGE_RE`` that starts at ``pos`` or later and is plausible holds
    one."""
    found = [i for i in (text.find(sym, pos) for sym in _MONEY_SYMBOLS) if i >= 0]
    first = min(found) if found else -1
    # A code match that starts before the first symbol ends before ``first + _CODE_MATCH_MAX``.
    code = _code_anchor(text, pos, first + _CODE_MATCH_MAX if found else len(text))
    if code >= 0 and (first < 0 or code < first):
        return code
    return first


def _code_anchor(text: str, pos: int, endpos: int) -> int:
    """The first offset in ``text[pos:endpos]`` where a ``_CODE_AFTER_NUMBER`` or a
    ``_CODE_BEFORE_NUMBER`` match starts that ends by ``endpos`` (-1: none)."""
    after = _CODE_AFTER_NUMBER.search(text, pos, endpos)
    if after is not None:
        # (a code-before match, 5 characters at most, that starts before it ends by its
        # start + 4)
        endpos = min(endpos, after.start() + 4)
    before = _CODE_BEFORE_NUMBER.search(text, pos, endpos)
    if before is not None and (after is None or before.start() < after.start()):
        return before.start()
    return -1 if after is None else after.start()


def _continental_per(text: str, pos: int) -> str | None:
    """"month" or "year" when ``text`` at ``pos`` (right after a figure) names the period the
    German or French way (``_CONTINENTAL_PER``), else None."""
    head = text[pos:pos + 20].lower()
    if not any(w in head for w in _CONTINENTAL_WORDS):
        return None  # (the cheap gate: most figures are followed by none of the words)
    m = _CONTINENTAL_PER.match(text, pos)
    if m is None:
        return None
    return "month" if m.group("month") else "year"


def _per_other_unit(text: str, pos: int) -> bool:
    """True when ``text`` at ``pos`` (right after a figure) says "/ word" or "per word" of a
    word that is neither a period of time nor a currency code."""
    unit = _PER_UNIT.match(text, pos)
    if unit is None:
        return False
    word = unit.group("unit")
    return word.lower() not in _TIME_UNITS and word.upper() not in _CURRENCY_CODES


def _code_only(m: re.Match[str]) -> bool:
    """Whether the currency of ``m`` is named only by a code before an amount (``_SYM``)."""
    syms = [m.group("sym1"), m.group("sym2")]
    return (not (m.group("code1") or m.group("code2") or m.group("post1") or m.group("post2"))
            and all(sym is None or sym.upper() in _CURRENCY_CODES for sym in syms))


def _read(text: str, m: re.Match[str]) -> Salary | None:
    """The pay that the ``_RANGE_RE`` match ``m`` of ``text`` states, or None when it is no
    pay figure (no currency, company money, a benefit, a bare year)."""
    return _read_plausible(text, m) if _plausible(m) else None


def _read_plausible(text: str, m: re.Match[str]) -> Salary | None:
    """``_read`` of a match that ``_plausible`` accepts."""
    low = _amount(m.group("num1"), m.group("k1") or m.group("k2"))
    high = _amount(m.group("num2"), m.group("k2") or m.group("k1")) if m.group("num2") else None
    if not (math.isfinite(low) and (high is None or math.isfinite(high))):
        return None  # hundreds of digits: no pay figure
    if (high is not None and low < 1_000 and m.group("num1").isdigit() and not m.group("k1")
            and _GROUPED.fullmatch(m.group("num2")) and low * 1_000 <= high):
        low *= 1_000  # "$154-190,000": the top figure's thousands go for both
    if high is not None and high < low:
        low, high = high, low
    currency = _currency(m)
    if _company_money(text, m, low if high is None else high, currency):
        return None
    per = m.group("per") or _continental_per(text, m.end())
    if not per and _per_other_unit(text, m.end()):
        return None  # "$25 per paycheck", "€50/workflow": a price, not pay
    if (not per and low < 1_000 and not (m.group("k1") or m.group("k2"))
            and _code_only(m)):
        return None  # "USD 5", "PLN 3 months": a small bare figure after a code word is no pay
    interval = _interval(per, low)
    if interval == SalaryInterval.YEAR and low < 1_000 and not m.group("k1"):
        return None
    if (interval == SalaryInterval.YEAR and currency in _PAY_BELOW_A_MILLION
            and (low if high is None else high) < _YEARLY_PAY_FLOOR):
        return None  # "up to $3K/year" tuition, "$1,500 a year" learning budget: a benefit
    if interval == SalaryInterval.MONTH and (low if high is None else high) < _MONTHLY_PAY_FLOOR:
        return None  # "$12/mo" for a product, "$250/mo" for a referral: no month's pay
    tail = text[m.end():m.end() + 30]
    salary_min, salary_max = (None, low) if m.group("upto") and "up" in m.group("upto").lower() else (low, high)
    if salary_max is None and salary_min is not None:
        salary_max = salary_min
    shown = m.group().strip()
    if not m.group()[-1].isspace() and _OR_MORE.match(text, m.end()):
        shown += "+"  # "€160.000+", "$80k-$110k+": the text keeps the "or more"
    # Every value is already of its field's type: no validation needed.
    return Salary.model_construct(
        min=salary_min, max=salary_max, currency=currency, interval=interval,
        stated=_ESTIMATE.search(tail) is None, text=shown,
    )


@functools.lru_cache(maxsize=4096)
def parse_salary_field(text: str) -> Salary | None:
    """``parse_salary`` of a separate salary field (a Glassdoor estimate), remembered: the
    same estimate comes with many postings (439 distinct ones among the corpus's 1,038),
    and a ``Salary`` is frozen, so the postings can share one."""
    return parse_salary(text)


def mentions_equity(text: str) -> bool:
    """True when the text offers equity / stock options / RSUs."""
    low = lower(text)
    found = hits(low)
    if not any(w in found for w in _EQUITY_WORDS):
        return False
    if not lowers_exactly(text):  # case-insensitive matches need not hold the words as such
        pattern = _EQUITY_ASCII if low.isascii() else _EQUITY
        return any(_offered(low, m) for m in pattern.finditer(low))
    # Each match starts with one of the words (``match`` at ``pos`` sees the text before it).
    return any(_offered(low, m) for w in _EQUITY_WORDS for i in found.get(w, ())
               if (m := _EQUITY_ASCII.match(low, i)) is not None)


def _offered(low: str, m: re.Match[str]) -> bool:
    """True when the ``_EQUITY`` match ``m`` of the lower-cased ``low`` offers a stake: no
    finance or fairness word, no refusal around it."""
    if _NO_STAKE_AFTER.match(low, m.end()):
        return False
    return _NO_STAKE_BEFORE.search(low, max(0, m.start() - _STAKE_BACK), m.start()) is None


# A Hacker News header's segment that is only a pay range in thousands without a currency:
# "150-200k", "90K - 150K", "[180 - 210K]", "50-96k + equity", "250k-500k TC", "Salary
# 150K-190K" (the "k" of the top figure is required; a range in prose, "2-5k users", is no
# whole segment).
# (also a top figure with "+" and extras after the range, "150-250k+ + equity + benefits",
# "130-160k + meaningful equity from first option pool": words, no figure)
_HEADER_RANGE = re.compile(
    r"[\[(]?\s*(?:salary:?\s*)?(?P<num1>\d{2,3})\s*(?P<k1>k)?\s*[-\u2013\u2014]\s*"
    r"(?P<num2>\d{2,3})\s*k\+?\s*(?:tc|doe)?(?:\s*\+\s*[a-z][a-z ,&'’-]*)*\s*(?:tc|doe)?\s*[\])]?",
    re.IGNORECASE)
# A segment in prose that names pay and holds one range in thousands, its top with "k", as
# the end of a clause ("Salary ranges listed on job req, but for the Senior Java Engineer it
# is 140k-180k"); not a range with anything after it but a comma, ";" or ")" ("10-15k per
# month", "10-50k users"), nor one beside a currency the text's own reading would have had
# ("$140-180k", "USD 140-180k"), nor a segment with no pay word or two ranges.
_PROSE_PAY_WORD = re.compile(r"\b(?:salary|salaries|pay|compensation|comp|base)\b", re.IGNORECASE)
_PROSE_RANGE = re.compile(
    r"(?<![\w$€£¥₹.,])(?P<num1>\d{2,3})\s*k?\s*[-\u2013\u2014]\s*(?P<num2>\d{2,3})\s*k\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[,;)]|$)")
_PROSE_CURRENCY = re.compile(r"[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|chf|sgd|nzd)\b", re.IGNORECASE)
# The cheap gate before ``_HEADER_RANGE``: a figure in thousands.
_THOUSANDS = re.compile(r"\d\s*[kK]")
# The cheap gate before a header's segments are read: a range whose top is in thousands.
_RANGE_IN_THOUSANDS = re.compile(r"\d\s*[kK]?\s*[-\u2013\u2014]\s*\d{2,3}\s*[kK]")


def may_hold_header_range(header: str) -> bool:
    """False when no segment of ``header`` can be one that ``header_range`` reads."""
    return _RANGE_IN_THOUSANDS.search(header) is not None


class HeaderRange(NamedTuple):
    """A pay range in thousands without a currency, read from one header segment:
    yearly ``low`` and ``high``, and ``shown``, the range as written (brackets dropped)."""

    low: float
    high: float
    shown: str


def header_range(segment: str) -> HeaderRange | None:
    """The range of a header segment that is only a pay range in thousands without a
    currency (``_HEADER_RANGE``), or prose that names pay and ends a clause with one
    (``_PROSE_RANGE``: ``shown`` is then the range alone), else None."""
    m = _range_match(segment)
    if m is None:
        return None
    return HeaderRange(float(m.group("num1")) * 1_000, float(m.group("num2")) * 1_000,
                       m.group().strip().strip("[]()").strip())


def _range_match(segment: str) -> re.Match[str] | None:
    """The match of the range ``header_range`` reads in ``segment``, or None."""
    if _THOUSANDS.search(segment) is None:
        return None
    m = _HEADER_RANGE.fullmatch(segment.strip())
    if m is None and _PROSE_PAY_WORD.search(segment) and not _PROSE_CURRENCY.search(segment):
        ranges = list(_PROSE_RANGE.finditer(segment))
        m = ranges[0] if len(ranges) == 1 and _CLAUSE_END.match(segment, ranges[0].end()) else None
    if m is None or int(m.group("num2")) < int(m.group("num1")) \
            or int(m.group("num1")) * 1_000 < _YEARLY_PAY_FLOOR:
        return None  # ("90-15k": no range of pay)
    return m


def header_pay(span: HeaderRange, country: str) -> Salary | None:
    """The pay of a header segment whose range ``header_range`` read as ``span``, in the
    currency of ``country`` (the one country the header's places name); None when the
    country's currency is not one of ``pay.CURRENCY_OF_COUNTRY`` (a figure in thousands of
    yen or rupees would be no year's pay). The text says the currency was not written:
    "150-200k (no currency; US place)" (of a range in prose, the range only)."""
    currency = CURRENCY_OF_COUNTRY.get(country)
    if currency is None:
        return None
    return Salary.model_construct(
        min=span.low, max=span.high, currency=currency, interval=SalaryInterval.YEAR, stated=True,
        text=f"{span.shown} (no currency; {country} place)")
