"""``/api/search`` given both ``page`` and ``offset`` used the offset and said nothing of the
page; the pair is now a 400 naming both. The search page takes no ``offset`` at all."""

from __future__ import annotations

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
