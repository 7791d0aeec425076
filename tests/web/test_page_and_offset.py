"""``/api/search`` given both ``page`` and ``offset`` used the offset and said nothing of the
page; the pair is now a 400 naming both. The search page takes no ``offset`` at all."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_page_with_offset_is_refused_naming_both(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "engineer", "page": 2, "offset": 5})
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["error"] == ("page='2' and offset='5' are both given; give one: page counts "
                             "pages of `limit` hits, offset the hits to skip")


def test_either_alone_still_pages(client: TestClient) -> None:
    by_page = client.get("/api/search", params={"q": "engineer", "limit": 5, "page": 2}).json()
    by_offset = client.get("/api/search", params={"q": "engineer", "limit": 5, "offset": 5}).json()
    assert by_page["offset"] == by_offset["offset"] == 5
    assert [h["id"] for h in by_page["hits"]] == [h["id"] for h in by_offset["hits"]]
    assert by_page["hits"]
    # an empty page (as a form sends it) is no page given
    blank = client.get("/api/search", params={"q": "engineer", "limit": 5, "page": "",
                                              "offset": 5})
    assert blank.status_code == 200 and blank.json()["offset"] == 5


def test_the_search_page_names_offset_as_no_parameter_of_it(client: TestClient) -> None:
    response = client.get("/", params={"q": "engineer", "page": 2, "offset": 5})
    assert response.status_code == 400
    assert "unknown parameter &#39;offset&#39;" in response.text or \
        "unknown parameter 'offset'" in response.text


@pytest.mark.parametrize(("limit", "page", "last"), [(100, 102, 101), (30, 335, 334)])
def test_a_page_past_what_a_search_may_skip_is_said_as_a_page(client: TestClient, limit: int,
                                                              page: int, last: int) -> None:
    """``page=500&limit=100`` said "offset must be between 0 and 10000, got 49900": an offset
    the person never gave. It names the page and limit given, and the last page that works."""
    res = client.get("/api/search", params={"page": page, "limit": limit})
    assert res.status_code == 400
    assert res.json()["error"] == (
        f"page={page} of limit={limit} hits skips {(page - 1) * limit:,} hits, more than the "
        f"10,000 a search may skip; give a page up to {last} for limit={limit}")
    assert client.get("/api/search", params={"page": last, "limit": limit}).status_code == 200
