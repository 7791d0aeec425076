"""The OpenAPI schema lists every parameter the API reads: /api/search's ``page`` and the
dashboard endpoints' facet filters and ``since`` were read from the URL but not in the schema
(the dashboard's showed ``archetype`` alone)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from mljobs.index import FACET_FIELDS


def _params(client: TestClient, path: str) -> set[str]:
    schema = client.get("/api/openapi.json").json()
    return {p["name"] for p in schema["paths"][path]["get"].get("parameters", [])}


def test_the_schema_lists_what_the_endpoints_read(client: TestClient) -> None:
    for path in ("/api/search", "/api/dashboard", "/api/dashboard/{name}"):
        assert {*FACET_FIELDS, "since"} <= _params(client, path), path
    assert {"q", "page", "limit", "offset", "sort", "salary_min"} <= _params(client, "/api/search")
    assert "trend" in _params(client, "/api/dashboard/{name}")
    # and what they list works: a page of a filtered search, a filtered dashboard table
    first = client.get("/api/search", params={"remote": "remote", "limit": 5}).json()
    second = client.get("/api/search", params={"remote": "remote", "limit": 5, "page": 2}).json()
    assert first["total"] == second["total"] > 10 and second["offset"] == 5
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    remote = client.get("/api/dashboard", params={"remote": "remote"}).json()["postings"]
    assert remote == first["total"]
