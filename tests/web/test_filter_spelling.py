"""Facet parameters match in any case on the pages and the API, as ``mljobs search``."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _total(client: TestClient, query: str) -> int:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200, response.text[:300]
    return int(response.json()["total"])


def test_api_and_pages_take_facet_values_in_any_case(client: TestClient) -> None:
    skill = client.get("/api/search").json()["facets"]["skills"][0]["value"]
    assert skill != skill.lower()
    exact = _total(client, f"skills={skill}")
    assert exact > 0
    assert _total(client, f"skills={skill.lower()}") == exact  # it was 0
    assert _total(client, "remote=REMOTE") == _total(client, "remote=remote") > 0
    page = BeautifulSoup(client.get(f"/?skills={skill.upper()}").text, "html.parser")
    assert int(page.select_one("#total").text.replace(",", "")) == exact
    board = client.get(f"/api/dashboard?skills={skill.lower()}").json()
    assert board["postings"] == client.get(f"/api/dashboard?skills={skill}").json()["postings"]


def test_a_value_no_posting_has_still_answers_with_nothing(client: TestClient) -> None:
    assert _total(client, "skills=zzqqxx-not-a-skill") == 0
    page = client.get("/?archetype=bogus")
    assert page.status_code == 200 and "No postings match" in page.text
