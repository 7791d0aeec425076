"""The search state <-> URL mapping: every state survives a round trip."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from mljobs.errors import QueryError
from mljobs.index import FACET_FIELDS
from mljobs.web.params import SearchState, parse_since, parse_state, since_choices_for

NOW = datetime(2026, 6, 1, tzinfo=UTC)

values = st.text(min_size=1, max_size=20).map(str.strip).filter(bool)
states = st.builds(
    SearchState,
    q=st.text(max_size=40).map(str.strip),
    filters=st.dictionaries(st.sampled_from(FACET_FIELDS),
                            st.lists(values, min_size=1, max_size=3, unique=True), max_size=4),
    since=st.sampled_from(["", "7d", "30d", "1y", "2026-03-01"]),
    salary_min=st.none() | st.integers(0, 10**6).map(float),
    sort=st.sampled_from(["relevance", "date"]),
    page=st.integers(1, 500),
)


@given(states)
def test_url_round_trip(state: SearchState) -> None:
    again = parse_state(parse_qsl(urlsplit(state.url()).query, keep_blank_values=True))
    assert again == state


@given(states, st.sampled_from(FACET_FIELDS), values)
def test_toggle_twice_is_identity_and_resets_page(state: SearchState, name: str,
                                                  value: str) -> None:
    once = parse_state(parse_qsl(urlsplit(state.toggle(name, value)).query))
    assert once.page == 1
    assert once.is_on(name, value) != state.is_on(name, value)
    twice = parse_state(parse_qsl(urlsplit(once.toggle(name, value)).query))
    assert sorted(twice.filters.get(name, [])) == sorted(state.filters.get(name, []))


def test_to_query_pages_and_filters() -> None:
    state = parse_state([("q", "pytorch"), ("archetype", "research-engineer"), ("page", "3"),
                         ("since", "7d"), ("sort", "date"), ("salary_min", "120000")])
    query = state.to_query(now=NOW)
    assert query.offset == 40 and query.limit == 20 and query.sort == "date"
    assert query.filters == {"archetype": ["research-engineer"]}
    assert query.posted_since == NOW - timedelta(days=7)
    assert query.salary_min == 120000


@pytest.mark.parametrize(("pairs", "needle"), [
    ([("page", "0")], "page"), ([("page", "x")], "page"), ([("sort", "best")], "sort"),
    ([("salary_min", "-5")], "salary_min"), ([("salary_min", "nan")], "salary_min"),
])
def test_bad_values_raise_query_errors(pairs: list[tuple[str, str]], needle: str) -> None:
    with pytest.raises(QueryError, match=needle):
        parse_state(pairs)


def test_out_of_range_numbers_are_said_as_numbers_are_written(client: TestClient) -> None:
    # ("page='-1' must be between 1 and 1e+09"); "inf" is no finite number at all (apiA: nan
    # was said to be below 0), so a figure past the bound, written as a user writes it, is
    for url, said in (("/?page=-1", "page='-1' must be between 1 and 1,000,000,000"),
                      ("/api/search?salary_min=1e12",
                       "salary_min='1e12' must be between 0 and 1,000,000,000"),
                      ("/api/search?salary_min=inf",
                       "salary_min: Input should be a finite number")):
        res = client.get(url)
        assert res.status_code == 400
        assert said in html.unescape(res.text) and "e+" not in res.text


def test_since_forms() -> None:
    assert parse_since("", now=NOW) is None
    assert parse_since("4w", now=NOW) == NOW - timedelta(days=28)
    assert parse_since("2026-03-01", now=NOW) == datetime(2026, 3, 1, tzinfo=UTC)
    with pytest.raises(QueryError, match="7d"):
        parse_since("last week", now=NOW)


@pytest.mark.parametrize(("given", "kept", "label"), [
    ("7D", "7d", None),                     # a menu choice in any case is the choice
    (" 6M ", "6m", "6 months"),             # a period off the menu is named for the menu
    ("1d", "1d", "1 day"),
    ("1000w", "1000w", "1,000 weeks"),
    ("2026-03-01", "2026-03-01", "since 2026-03-01"),   # a date is kept as written
    ("2026-03-01T10:00", "2026-03-01T10:00", "since 2026-03-01T10:00"),
    ("d", "d", "since d"),                  # no number: not a period (parse_since refuses it)
])
def test_since_periods_are_the_ones_parse_since_reads(given: str, kept: str,
                                                      label: str | None) -> None:
    """The page's since menu and parse_state read a period as ``parse_since`` does."""
    state = parse_state([("since", given)])
    assert state.since == kept
    choices = since_choices_for(state.since)
    assert choices[-1] == (kept, label) if label else kept in dict(choices)
    if label and not label.startswith("since"):
        days = {"d": 1, "w": 7, "m": 30}[kept[-1]] * int(kept[:-1])
        assert parse_since(given, now=NOW) == NOW - timedelta(days=days)


@given(states, st.sampled_from(FACET_FIELDS), st.lists(values, max_size=5, unique=True))
def test_toggle_hrefs_agree_with_toggle(state: SearchState, name: str,
                                        choices: list[str]) -> None:
    for value, href in state.toggle_hrefs(name, choices, "/dashboard").items():
        assert href.startswith("/dashboard")
        expected = parse_state(parse_qsl(urlsplit(state.toggle(name, value)).query))
        assert parse_state(parse_qsl(urlsplit(href).query)) == expected
