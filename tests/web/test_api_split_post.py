"""``/api/postings/{id}`` of a post split into role postings names the roles, as the posting
page and ``mljobs show`` do (it answered "No posting ... in this store"); ``/api/search``
takes ``sort`` in any case, as the search page whose query it mirrors."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient


def test_a_split_post_names_its_roles(split_client: TestClient) -> None:
    roles = [h["id"] for h in split_client.get("/api/search", params={"limit": 100}).json()["hits"]
             if re.search(r"/r\d+$", h["id"])]
    assert roles  # the fixture holds multi-role posts
    parent = roles[0].rsplit("/", 1)[0]
    response = split_client.get(f"/api/postings/{parent}")
    assert response.status_code == 404
    body = response.json()
    assert body["ok"] is False and "split into one posting per role" in body["error"]
    named = re.findall(r"(\S+/r\d+) \(", body["error"])
    assert roles[0] in named
    for pid in named:
        assert split_client.get(f"/api/postings/{pid}").json()["posting"]["id"] == pid
    assert "No posting" in json.dumps(split_client.get("/api/postings/hackernews:1").json())


def test_api_sort_in_any_case(split_client: TestClient) -> None:
    def ids(sort: str) -> list[str]:
        response = split_client.get("/api/search", params={"q": "engineer", "sort": sort})
        assert response.status_code == 200, response.text
        return [h["id"] for h in response.json()["hits"]]

    assert ids("Date") == ids("date")
    assert split_client.get("/api/search", params={"sort": "newest"}).status_code == 400


def test_a_split_post_is_found_by_its_source_id(split_client: TestClient) -> None:
    roles = [h["id"] for h in split_client.get("/api/search", params={"limit": 100}).json()["hits"]
             if re.search(r"/r\d+$", h["id"])]
    bare = roles[0].rsplit("/", 1)[0].split(":", 1)[1]
    for ref in (bare, f"hn-{bare}"):
        page = split_client.get(f"/posting/{ref}")
        assert page.status_code == 200 and roles[0] in page.text
        api = split_client.get(f"/api/postings/{ref}")
        assert api.status_code == 404 and roles[0] in api.json()["error"]
