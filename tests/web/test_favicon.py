"""``/favicon.ico``, the path browsers ask for on their own: it had no ``Cache-Control``, so
a browser might ask again on every page view, and the server read the file each time."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from mljobs.web.app import HERE


def test_the_favicon_is_kept_a_day_and_then_answered_304(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
    assert icon.content == (HERE / "static" / "favicon.svg").read_bytes()
    control = icon.headers["cache-control"]
    assert re.fullmatch(r"public, max-age=86400", control), control
    etag = icon.headers["etag"]
    again = client.get("/favicon.ico", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["cache-control"] == control
    other = client.get("/favicon.ico", headers={"if-none-match": 'W/"favicon-0"'})
    assert other.status_code == 200 and other.content == icon.content
