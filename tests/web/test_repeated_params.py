"""A parameter that takes one value, given twice in the URL (``?q=x&q=y``, ``?page=1&page=2``),
is a 400 naming it on the pages and the API (the last value was used, silently); the facet
filters and the dashboard's trend skills repeat as documented. Real requests (TestClient)."""

from __future__ import annotations

import html

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("url", "name"), [
    ("/?q=pytorch&q=tensorflow", "q"),
    ("/?q=ml&page=1&page=2", "page"),
    ("/?sort=date&sort=relevance", "sort"),
    ("/?since=7d&since=1y", "since"),
    ("/?salary_min=100000&salary_min=5", "salary_min"),
    ("/dashboard?since=7d&since=30d", "since"),
])
def test_a_page_refuses_a_single_parameter_given_twice(client: TestClient, url: str,
                                                       name: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert f"parameter {name!r} is given more than once" in html.unescape(response.text)


@pytest.mark.parametrize(("url", "name"), [
    ("/api/search?q=pytorch&q=tensorflow", "q"),
    ("/api/search?limit=5&limit=100", "limit"),
    ("/api/search?offset=0&offset=20", "offset"),
    ("/api/dashboard/skills?format=json&format=csv", "format"),
])
def test_the_api_refuses_a_single_parameter_given_twice(client: TestClient, url: str,
                                                        name: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["error"].startswith(f"parameter {name!r} is given more than once")


def test_filters_and_trends_still_repeat(client: TestClient) -> None:
    both = client.get("/api/search?archetype=research-engineer&archetype=research-scientist"
                      "&limit=1").json()
    assert both["ok"] is True
    one = [client.get(f"/api/search?archetype={a}&limit=1").json()["total"]
           for a in ("research-engineer", "research-scientist")]
    assert both["total"] == sum(one) > 0  # the values are ORed, not the last one kept
    page = client.get("/?archetype=research-engineer&archetype=research-scientist")
    assert page.status_code == 200
    trend = client.get("/api/dashboard/skills?trend=PyTorch&trend=TensorFlow")
    assert trend.status_code == 200
    assert client.get("/dashboard?trend=PyTorch&trend=TensorFlow").status_code == 200


def test_the_same_value_twice_is_refused_too(client: TestClient) -> None:
    # (not a conflict, but a URL built wrong: it is named all the same)
    assert client.get("/?q=ml&q=ml").status_code == 400
    # a link tracker's repeated tags filter nothing: let through, as one is
    assert client.get("/?q=ml&utm_source=a&utm_source=b").status_code == 200
