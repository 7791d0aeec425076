"""A URL holding empty fields (a form submitted without scripts, an old bookmark:
``salary_min=&sort=``) is read as one without them."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def total(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    found = re.search(r'<strong id="total">([\d,]+)</strong>', response.text)
    assert found, url
    return found.group(1)


def test_empty_fields_are_no_fields(client: TestClient) -> None:
    assert total(client, "/?q=engineer&sort=&since=&salary_min=&page=") == total(
        client, "/?q=engineer")
    assert total(client, "/?q=engineer&salary_min=&sort=date") == total(
        client, "/?q=engineer&sort=date")
    assert total(client, "/?q=&remote=remote&salary_min=") == total(client, "/?remote=remote")
    dashboard = client.get("/dashboard?since=&trend=")
    assert dashboard.status_code == 200
    assert client.get("/api/search?q=engineer&salary_min=&sort=").json()["total"] == int(
        total(client, "/?q=engineer").replace(",", ""))


def test_best_match_is_no_sort_parameter(client: TestClient) -> None:
    """The sort menu's "Best match" is the default, which the page's own links leave out:
    the form sent sort=relevance, so one search had two URLs."""
    page = client.get("/?q=engineer").text
    assert re.search(r'<option value="" selected>Best match</option>', page)
    assert re.search(r'<option value="date" >Newest</option>', page)
