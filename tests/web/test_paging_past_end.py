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


def test_a_page_past_the_page_limit_is_past_the_end_too(client: TestClient) -> None:
    # page=9999 was a 400 "page='9999' must be between 1 and 500", page=400 this note
    total = int(_page(client, "/?q=engineer").select_one("#total").text.replace(",", ""))
    pages = -(-total // 20)
    for number in (9999, 10**6):
        page = _page(client, f"/?q=engineer&page={number}")
        assert int(page.select_one("#total").text.replace(",", "")) == total
        assert not page.select("li.hit")
        note = page.select_one("#past-end")
        assert note is not None and f"past the last page ({pages})" in note.get_text()
        assert len(BeautifulSoup(client.get(note.a["href"]).text, "html.parser")
                   .select("li.hit")) == total - (pages - 1) * 20
        # the facets still count the whole search
        assert page.select('details.facet[data-facet="archetype"] a.facet-value')


def test_a_page_number_that_is_no_page_is_refused(client: TestClient) -> None:
    for value in ("0", "-1", "abc", "1e99"):
        response = client.get(f"/?q=engineer&page={value}")
        assert response.status_code == 400, value
        assert "page=" in response.text and "Traceback" not in response.text
