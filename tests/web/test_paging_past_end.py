"""A search page number past the last page says so and links the last page."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def test_a_page_past_the_last_links_the_last_page(client: TestClient) -> None:
    total = int(_page(client, "/?q=engineer").select_one("#total").text.replace(",", ""))
    pages = -(-total // 20)
    assert pages >= 2
    page = _page(client, f"/?q=engineer&page={pages + 5}")
    text = " ".join(page.select_one(".results").get_text(" ").split())
    # it said "page 9 of 4 ... No postings match. Remove a filter or try fewer words."
    assert "No postings match" not in text and f"page {pages + 5} of {pages}" not in text
    note = page.select_one("#past-end")
    assert note is not None and f"past the last page ({pages})" in note.get_text()
    last = client.get(note.a["href"])
    assert last.status_code == 200
    hits = BeautifulSoup(last.text, "html.parser").select("li.hit")
    assert len(hits) == total - (pages - 1) * 20
    assert page.select_one("a[rel=prev]")["href"] == note.a["href"]


def test_no_match_still_says_no_postings_match(client: TestClient) -> None:
    page = _page(client, "/?q=zzzqqqxxy&page=3")
    assert page.select_one("#past-end") is None
    assert "No postings match" in page.select_one(".results").get_text()
