"""The JSON API: search, postings, dashboard tables, OpenAPI schema, one error shape."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

ERROR_KEYS = {"ok", "status", "error", "errors"}


def test_search_json_matches_the_page(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "natural language processing"}).json()
    assert body["ok"] is True and body["total"] > 0
    assert body["query"] == "natural language processing"
    hit = body["hits"][0]
    assert {"id", "title", "company", "posted_at", "snippet_html", "archetype", "remote",
            "source", "url"} <= set(hit)
    assert "<mark>" in hit["snippet_html"]
    page = client.get("/", params={"q": "natural language processing"}).text
    assert f'<strong id="total">{body["total"]:,}</strong>' in page
    assert {"archetype", "skills", "remote", "source"} <= set(body["facets"])


def test_search_filters_limit_and_offset(client: TestClient) -> None:
    first = client.get("/api/search?q=engineer&archetype=ml-product-swe&limit=5").json()
    assert first["filters"] == {"archetype": ["ml-product-swe"]}
    assert len(first["hits"]) == 5 and {h["archetype"] for h in first["hits"]} == {"ml-product-swe"}
    second = client.get("/api/search?q=engineer&archetype=ml-product-swe&limit=5&offset=5").json()
    assert second["offset"] == 5 and second["total"] == first["total"]
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}


def test_posting_json(client: TestClient) -> None:
    body = client.get("/api/postings/file:dup-canonical").json()
    assert body["ok"] is True
    posting = body["posting"]
    assert posting["id"] == "file:dup-canonical" and posting["company"] == "Dupco"
    assert {d["id"] for d in posting["duplicates"]} == {"greenhouse:dup-1", "lever:dup-2"}
    assert posting["changes"][0]["kind"] == "created"


def test_dashboard_json_and_csv_agree(client: TestClient) -> None:
    body = client.get("/api/dashboard?archetype=research-engineer").json()
    assert body["ok"] and set(body["tables"]) == {
        "archetypes", "skills", "shares", "salaries", "months", "trends"}
    table = client.get("/api/dashboard/shares?archetype=research-engineer").json()
    assert table["columns"][:2] == ["archetype", "postings"]
    assert table["rows"] == body["tables"]["shares"]["rows"]
    text = client.get("/api/dashboard/shares?archetype=research-engineer&format=csv").text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == table["columns"]
    assert [r[0] for r in rows[1:]] == [r[0] for r in table["rows"]]
    assert client.get("/dashboard/shares.csv?archetype=research-engineer").text == text


def test_api_index_lists_the_endpoints(client: TestClient) -> None:
    body = client.get("/api").json()
    assert body["ok"] is True and body["openapi"] == "/api/openapi.json"
    assert {"/api/search", "/api/postings/{ref}", "/api/dashboard",
            "/api/match"} <= set(body["endpoints"])
    # only the API: the pages (the /match form among them) are not endpoints of it
    assert all(e.startswith("/api") for e in body["endpoints"])


def test_openapi_schema_documents_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "mljobs"
    assert {"/api/search", "/api/postings/{ref}", "/api/dashboard", "/api/dashboard/{name}",
            "/api/stats"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "archetype", "skills", "since", "salary_min", "sort", "limit", "offset"} <= params
    assert "ErrorBody" in schema["components"]["schemas"]
    # the stock docs pages load scripts from a CDN, so they are off
    assert client.get("/docs").status_code == 404


@pytest.mark.parametrize(("url", "status", "needle"), [
    ("/api/search?limit=1000", 400, "limit"),
    ("/api/search?sort=best", 400, "sort"),
    ("/api/search?since=someday", 400, "since"),
    ("/api/search?salary_min=lots", 400, "salary_min"),
    ("/api/search?q=" + "x" * 1200, 400, "1000"),
    ("/api/search?specialisation=nlp&offset=-3", 400, "offset"),
    ("/api/postings/nope", 404, "nope"),
    ("/api/dashboard/pies", 404, "pies"),
    ("/api/nowhere", 404, "/api/nowhere"),
])
def test_api_errors_have_one_shape(client: TestClient, url: str, status: int, needle: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert needle in body["error"] or any(needle in str(e) for e in body["errors"])


def test_method_not_allowed_is_the_same_shape(client: TestClient) -> None:
    response = client.post("/api/search")
    assert response.status_code == 405
    assert set(response.json()) == ERROR_KEYS
