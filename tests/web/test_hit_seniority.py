"""Each result says its seniority when the posting states one: a new graduate scanning the
list could not tell the senior and staff roles from the junior ones without opening each
(the facet filters, but a list under several filters said nothing). Real requests to the
app (TestClient) on the demo store."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def hits(client: TestClient, url: str) -> list[BeautifulSoup]:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").select("li.hit")


def test_a_result_names_its_seniority(client: TestClient) -> None:
    for level, said in (("senior", "senior"), ("junior", "junior"),
                        ("staff-plus", "staff or above")):  # (it said "staff-plus")
        found = hits(client, f"/?seniority={level}")
        assert found, level
        assert all(h.select_one(".meta .seniority").get_text() == said for h in found)


def test_an_unknown_seniority_is_not_shown(client: TestClient) -> None:
    found = hits(client, "/?seniority=unknown")
    assert found and all(h.select_one(".meta .seniority") is None for h in found)
