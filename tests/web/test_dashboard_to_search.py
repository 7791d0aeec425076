"""The dashboard links to the postings its charts count, as a search with the same
filters: a seeker who narrowed the market (an archetype, remote, a period) had no way
from the charts to the postings themselves."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser")


def test_a_filtered_dashboard_lists_its_postings_in_search(client: TestClient) -> None:
    board = _page(client, "/dashboard")
    every = board.select_one("a#to-search")
    assert every is not None and every["href"] == "/"
    total = int(board.select_one("h1 .dim").get_text().split()[1].replace(",", ""))
    assert every.get_text() == f"List all {total:,} postings in search"

    facet = board.select_one('details.facet[data-facet="archetype"] a.facet-value')
    narrowed = _page(client, str(facet["href"]))
    shown = int(narrowed.select_one("h1 .dim").get_text().split()[1].replace(",", ""))
    link = narrowed.select_one("a#to-search")
    assert link["href"] == "/?" + str(facet["href"]).split("?", 1)[1]
    assert link.get_text() == ("List the 1 posting in search" if shown == 1
                               else f"List these {shown:,} postings in search")
    listed = _page(client, str(link["href"]))
    assert int(listed.select_one("#total").get_text().replace(",", "")) == shown
    assert listed.select_one('a.facet-value.on[data-value]') is not None


def test_no_link_when_the_charts_count_nothing(client: TestClient) -> None:
    board = _page(client, "/dashboard?skills=no-such-skill")
    assert board.select_one("h1 .dim").get_text().split()[1] == "0"
    assert board.select_one("a#to-search") is None


def test_one_posting_is_named_as_one(client: TestClient) -> None:
    board = _page(client, "/dashboard")
    facets = board.select('details.facet a.facet-value')
    one = next(a for a in facets if a.select_one(".count").get_text() == "1")
    link = _page(client, str(one["href"])).select_one("a#to-search")
    assert link.get_text() == "List the 1 posting in search"  # (was "these 1 posting")
