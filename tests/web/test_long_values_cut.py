"""The web app's errors quoted a long value whole: ``/posting/`` of a 3,000-character id and
an unknown 3,000-character parameter name gave a page (and a JSON error) holding all of it.
It is now cut to 80 characters ending in "…" (``errors.clip``)."""

from __future__ import annotations

from fastapi.testclient import TestClient

LONG = "x" * 3000
CUT = "x" * 79 + "…"


def test_a_long_posting_id_is_cut_in_the_404(client: TestClient) -> None:
    res = client.get(f"/posting/{LONG}")
    assert res.status_code == 404
    assert CUT in res.text and "x" * 200 not in res.text


def test_a_long_unknown_parameter_is_cut_in_the_api_error(client: TestClient) -> None:
    res = client.get(f"/api/search?{LONG}=1")
    assert res.status_code == 400
    body = res.json()
    assert body["ok"] is False and CUT in body["error"] and "x" * 200 not in res.text
