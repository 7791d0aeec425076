"""Every dashboard chart has a text alternative (WCAG 2.2 1.1.1 and 1.3.1): its figure is
named by its title and described by its main finding in words, and its full numbers are a
real table (caption, ``th scope``), rendered on the server so they are there with scripts
off; the drawn chart itself is ``aria-hidden`` so it is not read twice.

Real requests to the app (TestClient): the tables hold the numbers of ``/api/dashboard`` and
of the CSV downloads for the same filters; on a small store with answers worked out by hand,
the findings say them; a hostile skill name is text, not markup."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient

from mljobs.models import Remote, Salary
from mljobs.posting_view import ARCHETYPE_NAMES
from mljobs.store import SQLiteStore
from mljobs.web import create_app
from mljobs.web.charts import percent

from .test_analytics import posting

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
NAMES = ("archetypes", "skills", "shares", "salaries", "months", "trends")
SHARE_COLUMNS = {"share", "phd_share", "remote_share"}
VIEWS = ["", "archetype=research-engineer", "trend=PyTorch,Python&remote=remote",
         "since=90d", "skills=python&trend=SQL"]


def page_of(client: TestClient, query: str) -> BeautifulSoup:
    response = client.get("/dashboard" + (f"?{query}" if query else ""))
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def by_id(page: BeautifulSoup, ids: str) -> str:
    """The text of the elements an ``aria-labelledby``/``-describedby`` names, joined."""
    parts = []
    for ref in ids.split():
        target = page.find(id=ref)
        assert target is not None, f"#{ref} is named but not on the page"
        parts.append(" ".join(target.get_text(" ", strip=True).split()))
    return " ".join(parts)


def table_rows(figure: Tag) -> tuple[list[str], list[list[str]]]:
    """The header cells and the body rows' cell texts of a figure's data table."""
    table = figure.select_one("details.chart-data table")
    assert table is not None
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])]
            for tr in table.select("tbody tr")]
    return headers, rows


def same_value(column: str, text: str, value: Any) -> bool:
    """Whether a table cell says the JSON value (names, 1,234 counts, 61.2% shares)."""
    if column == "archetype":
        return text == ARCHETYPE_NAMES.get(value, value)
    if column in SHARE_COLUMNS:
        if text.startswith("<"):
            return 0 < value < 0.0005
        return abs(float(text.rstrip("%")) / 100 - value) <= 0.0005 + 1e-12
    if isinstance(value, int):
        return int(text.replace(",", "")) == value
    return bool(text == str(value))


@pytest.mark.parametrize("query", VIEWS)
def test_each_table_holds_the_numbers_of_the_api_and_the_csv(client: TestClient,
                                                            query: str) -> None:
    page = page_of(client, query)
    api = client.get("/api/dashboard" + (f"?{query}" if query else "")).json()
    assert api["ok"]
    checked = 0
    for name in NAMES:
        figure = page.select_one(f"figure#panel-{name}")
        table = api["tables"][name]
        if not table["rows"]:
            assert figure.select_one("details.chart-data") is None
            assert figure.select_one("p.finding").get_text(strip=True) == \
                "No data for these filters."
            continue
        headers, rows = table_rows(figure)
        assert len(headers) == len(table["columns"]), (name, headers)
        assert len(rows) == len(table["rows"]), name
        for shown, row in zip(rows, table["rows"], strict=True):
            assert len(shown) == len(row)
            for column, text, value in zip(table["columns"], shown, row, strict=True):
                assert same_value(column, text, value), (name, column, text, value)
        checked += 1
        # the CSV link of the same chart holds the same rows
        records = list(csv.reader(io.StringIO(client.get(figure.select_one("a.csv")["href"]).text)))
        assert records[0] == table["columns"]
        assert records[1:] == [[str(v) for v in row] for row in table["rows"]]
    assert checked >= 3, "the view left too few tables to compare"


def test_each_figure_is_named_described_and_its_chart_not_read_twice(client: TestClient) -> None:
    page = page_of(client, "")
    figures = page.select("figure.panel")
    assert [f["id"].removeprefix("panel-") for f in figures] == list(NAMES)
    for figure in figures:
        title = figure.select_one("figcaption h2").get_text(strip=True)
        assert by_id(page, figure["aria-labelledby"]) == title
        description = by_id(page, figure["aria-describedby"])
        finding = figure.select_one("figcaption p.finding")
        assert finding is not None and finding.get_text(strip=True) in description
        assert len(description) > len(title) // 2
        chart = figure.select_one(".chart")
        assert chart is not None and chart["aria-hidden"] == "true"
        details = figure.select_one("details.chart-data")
        assert details is not None and not details.has_attr("open")
        summary = " ".join(details.summary.get_text(" ", strip=True).split())
        assert summary.startswith(title) and "Show as table" in summary
        table = details.select_one("table")
        assert table.caption.get_text(strip=True) == title
        assert all(th.get("scope") == "col" for th in table.select("thead th"))
        for tr in table.select("tbody tr"):
            assert tr.find(["th", "td"]).name == "th" and tr.th["scope"] == "row"
            assert tr.select("td"), "a row holds numbers, not only names"


def test_a_view_without_data_says_so_and_has_no_empty_table(client: TestClient) -> None:
    page = page_of(client, "archetype=no-such-archetype")
    for name in NAMES:
        figure = page.select_one(f"figure#panel-{name}")
        assert by_id(page, figure["aria-describedby"]) == "No data for these filters."
        assert figure.select_one("table, .chart") is None


def test_a_trend_skill_no_posting_asks_for_is_in_the_description(client: TestClient) -> None:
    page = page_of(client, "trend=Pytorchh")
    figure = page.select_one("figure#panel-trends")
    assert "asks for Pytorchh" in by_id(page, figure["aria-describedby"])


# --- a small store whose findings were worked out by hand ---

HOSTILE_SKILL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Six postings: two research scientists, three research engineers (one asking for a
    skill whose name is markup), one not yet understood."""
    db: Path = tmp_path_factory.mktemp("charts") / "small.sqlite3"
    store = SQLiteStore(db)
    store.upsert([
        posting(1, "research-scientist", 1, ("PyTorch", "Python"), phd="required",
                salary=Salary(min=100_000, max=140_000, currency="USD")),
        posting(2, "research-scientist", 2, ("PyTorch",), phd="preferred", remote=Remote.REMOTE),
        posting(3, "research-engineer", 2, ("TensorFlow", "Python"), remote=Remote.REMOTE,
                salary=Salary(min=150_000, max=170_000, currency="USD")),
        posting(4, "research-engineer", 3, ("PyTorch",)),
        posting(5, "research-engineer", 3, (HOSTILE_SKILL, "Python")),
        posting(6, None, 3),
    ], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def findings(client: TestClient, query: str = "") -> dict[str, str]:
    page = page_of(client, query)
    return {f["id"].removeprefix("panel-"): by_id(page, f["aria-describedby"])
            for f in page.select("figure.panel")}


def test_the_findings_say_what_each_chart_shows(small: TestClient) -> None:
    said = findings(small, "trend=PyTorch")
    assert said["archetypes"] == ("6 postings: Research / ML engineer 3 (50%), Research "
                                  "scientist 2 (33%) and Not yet understood 1 (17%).")
    # skills ranked by postings, then by name: '<' sorts before letters
    assert said["skills"] == (
        "Most asked-for skills, by share of each archetype's postings. Research / ML "
        f"engineer: Python 67%, {HOSTILE_SKILL} 33%, PyTorch 33%; Research scientist: "
        "PyTorch 100%, Python 50%.")
    assert said["shares"] == (
        "PhD required or preferred: highest Research scientist 100%, lowest Research / ML "
        "engineer 0%. Remote, of postings saying where the work is: highest Research "
        "scientist 50%, lowest Research / ML engineer 33%.")
    assert said["salaries"] == (
        "Median yearly salary in USD, highest first: Research / ML engineer 160,000 (1 with "
        "a salary); Research scientist 120,000 (1 with a salary).")
    assert said["months"] == ("6 dated postings from 2026-01 to 2026-03. Busiest month: "
                              "2026-03 (3); quietest: 2026-01 (1); latest, 2026-03: 3.")
    # the month's understood postings: 1 of 1, 1 of 2, 1 of 2
    assert said["trends"] == ("Share of each month's postings asking for the skill: PyTorch "
                              "100.0% in 2026-01, 50.0% in 2026-03, highest 100.0% in 2026-01.")


def test_one_archetype_and_one_month_are_said_plainly(small: TestClient) -> None:
    said = findings(small, "archetype=research-scientist&since=2026-02-01")
    assert said["archetypes"] == "1 posting, Research scientist."
    assert said["shares"] == ("Research scientist (1 posting): PhD required or preferred "
                              "100%, remote 100% of those saying where.")
    assert said["months"] == "1 dated posting, from 2026-02."
    assert said["salaries"] == "No data for these filters."


def test_a_skill_name_that_is_markup_is_shown_as_text(small: TestClient) -> None:
    response = small.get("/dashboard")
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select("main img") == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text
    _headers, rows = table_rows(page.select_one("figure#panel-skills"))
    assert ["Research / ML engineer", HOSTILE_SKILL, "1", "33.3%", "1"] in rows


@pytest.mark.parametrize(("share", "digits", "text"), [
    (0.6123, 0, "61%"), (0.6123, 1, "61.2%"), (0.004, 0, "<1%"), (0.0004, 1, "<0.1%"),
    (0.0, 0, "0%"), (1.0, 1, "100.0%"), (0.005, 0, "<1%")])
def test_percent_never_says_zero_for_a_share_above_zero(
        share: float, digits: int, text: str) -> None:
    assert percent(share, digits) == text
