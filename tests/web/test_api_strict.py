"""The JSON API as a client meets it: a mistyped parameter is an error that names it (it
was dropped, so ``skill=PyTorch`` answered every posting), a choice parameter says its
choices, the schema promises no 422 the app never sends, and HEAD works where GET does.
Real requests to the app (TestClient)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from .conftest import DUP_CANONICAL


@pytest.mark.parametrize(("url", "name", "hint"), [
    ("/api/search?skill=PyTorch", "skill", "skills"),
    ("/api/search?q=ml&archtype=research-engineer", "archtype", "archetype"),
    ("/api/dashboard?trends=PyTorch", "trends", "trend"),
    ("/api/dashboard/skills?fromat=csv", "fromat", "format"),
])
def test_an_unknown_parameter_is_named(client: TestClient, url: str, name: str,
                                       hint: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["status"] == 400
    assert body["error"].startswith(f"unknown parameter {name!r}")  # no class name before it
    assert f"did you mean {hint!r}" in body["error"]


def test_every_parameter_the_page_writes_is_known(client: TestClient) -> None:
    page = BeautifulSoup(client.get(
        "/?q=engineer&archetype=research-engineer&since=1y&sort=date&salary_min=100000&page=2"
    ).text, "html.parser")
    link = next(a["href"] for a in page.find_all("a") if a.get_text() == "This search as JSON")
    response = client.get(link)
    assert response.status_code == 200, response.text
    assert response.json()["filters"] == {"archetype": ["research-engineer"]}


def test_a_choice_parameter_names_its_choices(client: TestClient) -> None:
    body = client.get("/api/search?sort=newest").json()
    assert body["status"] == 400
    assert body["error"] == "sort: 'newest' is not one of the choices: use relevance or date"
    body = client.get("/api/dashboard/skills?format=xml").json()
    assert body["error"] == "format: 'xml' is not one of the choices: use json or csv"
    assert body["errors"][0]["loc"] == ["query", "format"]


def test_the_schema_promises_no_422(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "422" not in operation["responses"], (method, path)
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    search = schema["paths"]["/api/search"]["get"]["responses"]["400"]
    assert search["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")
    # what the schema says a 400 is, the app sends
    assert set(client.get("/api/search?limit=0").json()) == {"ok", "status", "error", "errors"}


@pytest.mark.parametrize(("url", "status"), [
    ("/", 200), ("/dashboard", 200), ("/api/search?q=ml", 200), (f"/posting/{DUP_CANONICAL}", 200),
    ("/static/style.css", 200), ("/dashboard/skills.csv", 200), ("/posting/nowhere", 404),
    ("/api/search?limit=0", 400),
])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str, status: int) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code == status
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


@pytest.mark.parametrize("url", [
    "/api/stats?archetype=research-engineer",  # answered the whole store's counts, as filtered
    "/api?format=csv",
    f"/api/postings/{DUP_CANONICAL}?fields=title",
])
def test_an_endpoint_without_parameters_refuses_one(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and body["status"] == 400
    assert body["error"].startswith("unknown parameter ")
    assert "this endpoint takes no parameters" in body["error"]
    # without the parameter, the same endpoint answers
    assert client.get(url.split("?")[0]).status_code == 200


def test_a_query_past_the_clause_limit_is_refused_not_cut(client: TestClient) -> None:
    # the 33rd word was dropped: "engineer" x32 + "zzzqqq" listed every engineer posting
    # as matching zzzqqq; a repeated word is one condition, so that query now finds nothing
    repeated = " ".join(["engineer"] * 32 + ["zzzqqq"])
    assert client.get("/api/search", params={"q": repeated}).json()["total"] == 0
    many = " ".join([f"w{i}" for i in range(32)] + ["zzzqqq"])
    for url in ("/api/search", "/"):
        response = client.get(url, params={"q": many})
        assert response.status_code == 400
        assert "33 parts" in response.text and "keep it to 32" in response.text


@pytest.mark.parametrize("url", ["/?q=engineer&utm_source=newsletter",
                                 "/dashboard?utm_campaign=x", "/api/search?q=ml&utm_medium=email",
                                 "/api/stats?utm_source=x"])
def test_a_link_trackers_tags_pass(client: TestClient, url: str) -> None:
    # (a shared link carries them; they filter nothing, so refusing them would only break links)
    assert client.get(url).status_code == 200
