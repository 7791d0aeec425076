""""Clear all filters" clears every filter the page shows (facets, posted within, minimum
salary) and keeps the query and the sort: it kept the minimum salary and the period, so
a seeker who clicked it still saw a filtered count, and with only a salary or a period
set there was no link at all. Real requests to the app (TestClient) on the demo store."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _clear_href(client: TestClient, url: str) -> str | None:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    link = BeautifulSoup(response.text, "html.parser").select_one("a.clear")
    return None if link is None else str(link["href"])


def test_clear_all_drops_every_filter_and_keeps_query_and_sort(client: TestClient) -> None:
    href = _clear_href(client, "/?q=engineer&remote=remote&since=2y&salary_min=50000&sort=date")
    assert href is not None
    assert sorted(parse_qsl(urlsplit(href).query)) == [("q", "engineer"), ("sort", "date")]


def test_a_salary_or_period_alone_can_be_cleared(client: TestClient) -> None:
    for url in ("/?q=engineer&salary_min=50000", "/?q=engineer&since=2y"):
        href = _clear_href(client, url)
        assert href is not None, url
        assert parse_qsl(urlsplit(href).query) == [("q", "engineer")]


def test_no_clear_link_without_filters(client: TestClient) -> None:
    assert _clear_href(client, "/?q=engineer&sort=date") is None


def test_the_dashboards_clear_link_keeps_the_trend_skills(client: TestClient) -> None:
    # the trend skills are what to draw, not a filter: "Clear filters" dropped them
    href = _clear_href(client, "/dashboard?remote=remote&since=2y&trend=PyTorch&trend=Apache+Spark")
    assert href is not None
    assert parse_qsl(urlsplit(href).query) == [("trend", "PyTorch,Apache Spark")]
    assert _clear_href(client, "/dashboard?trend=PyTorch") is None
