"""A posting's URL with a trailing slash (``/posting/ID/``, as a pasted or hand-edited URL
has it) was a 404 "No posting 'ID/'", where the other pages (``/dashboard/``) redirect to
their URL without it. It now redirects, the query kept; so does ``/api/postings/ID/``."""

from __future__ import annotations

from fastapi.testclient import TestClient

from mljobs.web.render import posting_url


def _some_id(client: TestClient) -> str:
    return str(client.get("/api/search", params={"limit": 1}).json()["hits"][0]["id"])


def test_a_posting_page_with_a_trailing_slash_redirects(client: TestClient) -> None:
    pid = _some_id(client)
    moved = client.get(posting_url(pid) + "/?from=mail", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == posting_url(pid) + "?from=mail"
    page = client.get(posting_url(pid) + "//")
    assert page.status_code == 200 and str(page.url).endswith(posting_url(pid))


def test_the_api_posting_with_a_trailing_slash_redirects(client: TestClient) -> None:
    pid = _some_id(client)
    moved = client.get(f"{posting_url(pid).replace('/posting/', '/api/postings/')}/",
                       follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == posting_url(pid).replace("/posting/", "/api/postings/")
    assert client.get(moved.headers["location"]).json()["posting"]["id"] == pid


def test_an_unknown_id_with_a_slash_is_still_a_404_naming_it(client: TestClient) -> None:
    page = client.get("/posting/nope/", follow_redirects=False)
    assert page.status_code == 404 and "nope/" in page.text
    api = client.get("/api/postings/nope/", follow_redirects=False)
    assert api.status_code == 404 and "nope/" in api.json()["error"]


def test_the_dashboard_already_redirected(client: TestClient) -> None:
    moved = client.get("/dashboard/", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"].endswith("/dashboard")
