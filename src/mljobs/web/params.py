"""URL query parameters <-> search state, shared by the pages and the JSON API.

Every state of the search page lives in its URL, so a search can be
bookmarked and shared::

    /?q=pytorch&archetype=research-engineer&remote=remote&since=90d&sort=date&page=2

``q`` is the query language of ``mljobs.index.query``; every facet field of
``FACET_FIELDS`` is a repeatable parameter (values ORed within a field, fields
ANDed); ``since`` is ``7d``/``4w``/``6m``/``1y`` or an ISO date; ``salary_min`` a
yearly amount; ``sort`` ``relevance`` or ``date``; ``page`` counts from 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from mljobs.errors import QueryError, clip
from mljobs.index import FACET_FIELDS, SearchQuery
from mljobs.search import is_period, parse_since

PAGE_SIZE = 20
MAX_PAGE = 500  # the furthest page whose hits are fetched (offset 9,980)
MAX_PAGE_NUMBER = 10**9
# filter values one URL may give (all fields together), and trend skills: past them a request
# is refused, as a query past ``MAX_CLAUSES`` is (1,500 unknown skills= took 8 s of the one
# thread every request is answered on, each value looked up and spelt against the store's)
MAX_FILTER_VALUES = 100
MAX_TREND_SKILLS = 20
SEARCH_FACETS: tuple[str, ...] = (
    "archetype", "ml_share", "specialisation", "skills", "seniority", "degree", "phd", "remote",
    "country", "region", "visa", "company_stage", "source", "month",
)
# the parameters parse_state reads: every facet field, and since (api.Filters documents
# them); the search page's, and the dashboard's (which searches no words)
FILTER_PARAMS = frozenset(FACET_FIELDS) | {"since"}
PAGE_PARAMS = FILTER_PARAMS | {"q", "salary_min", "sort", "page"}
DASHBOARD_PARAMS = FILTER_PARAMS | {"trend"}
SINCE_CHOICES: tuple[tuple[str, str], ...] = (
    ("", "any time"), ("7d", "7 days"), ("30d", "30 days"), ("90d", "90 days"),
    ("1y", "a year"),
)

# the names of the units of a period (``search.is_period``)
_PERIOD_UNITS = {"d": "day", "w": "week", "m": "month", "y": "year"}


def since_choices_for(since: str) -> tuple[tuple[str, str], ...]:
    """The "posted within" choices, with the URL's own period or date when it is none of
    them (``since=6m`` or ``since=2026-04-01`` was applied with no choice shown selected,
    and the dashboard's menu showed "any time", so its Apply button dropped it)."""
    if any(since == value for value, _label in SINCE_CHOICES):
        return SINCE_CHOICES
    if is_period(since):  # (``parse_state`` strips it and lower-cases a period)
        number = int(since[:-1])
        label = f"{number:,} {_PERIOD_UNITS[since[-1]]}{'' if number == 1 else 's'}"
    else:
        label = f"since {since}"
    return (*SINCE_CHOICES, (since, label))


@dataclass
class SearchState:
    """The search as the URL states it."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    since: str = ""
    salary_min: float | None = None
    sort: str = "relevance"
    page: int = 1

    def params(self, **override: object) -> list[tuple[str, str]]:
        """The state as URL query pairs (empty values left out), with overrides."""
        values: dict[str, object] = {
            "q": self.q, "since": self.since, "salary_min": self.salary_min,
            "sort": "" if self.sort == "relevance" else self.sort,
            "page": "" if self.page == 1 else self.page,
        }
        filters = override.pop("filters", self.filters)
        assert isinstance(filters, dict)
        values.update(override)
        pairs = [(k, _fmt(v)) for k, v in values.items() if v not in (None, "")]
        pairs += [(name, v) for name in FACET_FIELDS for v in filters.get(name, [])]
        return pairs

    def salary_text(self) -> str:
        """The minimum salary as the form shows it (every digit), or ""."""
        return "" if self.salary_min is None else _fmt(self.salary_min)

    def url(self, path: str = "/", **override: object) -> str:
        """A link to this state (or a variant of it)."""
        query = urlencode(self.params(**override))
        return f"{path}?{query}" if query else path

    def toggle(self, name: str, value: str, path: str = "/") -> str:
        """The link that adds or removes one facet value (and goes back to page 1)."""
        filters = {k: list(v) for k, v in self.filters.items()}
        values = filters.setdefault(name, [])
        if value in values:
            values.remove(value)
        else:
            values.append(value)
        return self.url(path, filters=filters, page="")

    def toggle_hrefs(self, name: str, values: Iterable[str], path: str = "/") -> dict[str, str]:
        """``toggle`` for many values of one field, encoding the rest of the state once."""
        others = {k: v for k, v in self.filters.items() if k != name}
        rest = urlencode(self.params(filters=others, page=""))
        current = self.filters.get(name, [])
        out = {}
        for value in values:
            chosen = [v for v in current if v != value] if value in current else [*current, value]
            mine = urlencode([(name, v) for v in chosen])
            query = "&".join(part for part in (rest, mine) if part)
            out[value] = f"{path}?{query}" if query else path
        return out

    def is_on(self, name: str, value: str) -> bool:
        """Whether a facet value is selected."""
        return value in self.filters.get(name, [])

    def to_query(self, *, now: datetime, limit: int = PAGE_SIZE,
                 facets: tuple[str, ...] = SEARCH_FACETS) -> SearchQuery:
        """The index query for this state."""
        return SearchQuery(
            text=self.q, filters=self.filters, posted_since=parse_since(self.since, now=now),
            salary_min=self.salary_min, sort="date" if self.sort == "date" else "relevance",
            limit=limit, offset=(self.page - 1) * limit, facets=facets,
        )


def _fmt(value: object) -> str:
    """A URL value; a number keeps every digit (``:g`` made 1234567 into 1.23457e+06)."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def parse_state(pairs: Iterable[tuple[str, str]]) -> SearchState:
    """Read a search state from URL query pairs; raise ``QueryError`` for bad values."""
    state = SearchState()
    for key, raw in pairs:
        value = raw.strip()
        if key == "q":
            state.q = value
        elif key in FACET_FIELDS and value:
            values = state.filters.setdefault(key, [])
            if value not in values:
                values.append(value)
                if sum(map(len, state.filters.values())) > MAX_FILTER_VALUES:
                    raise QueryError(
                        f"more than {MAX_FILTER_VALUES} filter values are given ({key}="
                        f"{clip(value)!r} is one more); give up to {MAX_FILTER_VALUES} (the "
                        "values of one field are ORed: a region stands for its countries)")
        elif key == "since":
            # a period in any case is the menu's own choice (7D is 7d)
            period = value.lower()
            state.since = period if is_period(period) else value
        elif key == "salary_min" and value:
            state.salary_min = _number(key, value, 0, 1e9)
        elif key == "sort" and value:
            if value.lower() not in ("relevance", "date"):  # any case, as facet values
                raise QueryError(f"sort={value!r}: use 'relevance' or 'date'")
            state.sort = value.lower()
        elif key == "page" and value:
            # any page number: one past the last page is answered by a note linking the last
            # (the search page); one past MAX_PAGE of results that go on is refused there
            state.page = int(_number(key, value, 1, MAX_PAGE_NUMBER))
    return state


# the parameters that may be given more than once: the facet filters (values ORed) and
# the dashboard's trend skills; any other given twice is refused (``refuse_unknown_params``)
REPEATABLE_PARAMS = frozenset(FACET_FIELDS) | {"trend"}


def refuse_unknown_params(names: Iterable[str], known: frozenset[str], *,
                          what: str = "page",
                          repeatable: frozenset[str] = REPEATABLE_PARAMS) -> None:
    """Raise ``QueryError`` naming the first parameter not in ``known`` (and the nearest
    known one): a mistyped filter dropped would answer every posting as if filtered. A link
    tracker's ``utm_*`` tags (a shared link) filter nothing and are let through.

    Given the URL's parameters as a multi-dict (``request.query_params``), a parameter
    that takes one value given twice (``?q=x&q=y``, ``?page=1&page=2``) is refused too,
    naming it: the last one was used, silently. Only ``repeatable`` may repeat (none of
    ``POST /api/match``'s fields, whose ``archetype`` is one choice, not a filter)."""
    import difflib

    multi = getattr(names, "multi_items", None)
    if multi is not None:
        _refuse_repeats(multi(), known, repeatable)
    for name in dict.fromkeys(names):
        if name not in known and not name.startswith("utm_"):
            close = difflib.get_close_matches(name.lower(), sorted(known), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            takes = ", ".join(sorted(known)) if known else "no parameters"
            raise QueryError(f"unknown parameter {clip(name)!r}{hint} (this {what} takes {takes})")


def _number(name: str, value: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        raise QueryError(f"{name}={value!r} is not a number") from None
    if not low <= number <= high:
        # (as numbers are written: "1e+09" was how 1,000,000,000 read)
        raise QueryError(f"{name}={value!r} must be between {low:,.0f} and {high:,.0f}")
    return number


def _refuse_repeats(pairs: Iterable[tuple[str, object]], known: frozenset[str],
                    repeatable: frozenset[str]) -> None:
    """Raise ``QueryError`` naming the first parameter of ``known`` that takes one value
    and is given twice in ``pairs``; the message says which of ``known`` repeat."""
    seen: set[str] = set()
    for name, _value in pairs:
        if name in seen and name in known and name not in repeatable:
            may = known & repeatable
            repeat = [said for said, here in (("filters", bool(may & set(FACET_FIELDS))),
                                              ("trend", "trend" in may)) if here]
            raise QueryError(f"parameter {clip(name)!r} is given more than once; it takes one "
                             "value" + (f" (only {' and '.join(repeat)} repeat)"
                                        if repeat else ""))
        seen.add(name)
