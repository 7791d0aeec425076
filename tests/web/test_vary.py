"""``Vary: Accept-Encoding`` on every answer the gzip layer could compress, gzipped or plain,
once, whatever the Starlette: the Starlette that ``fastapi>=0.115`` allows sent a plain
answer as the route made it (its ``GZipMiddleware`` called the app straight through for a
client that did not take gzip), so ``VaryOnEncoding`` is checked over a bare ASGI app, as
that Starlette's plain answers reached the client, and through the whole app."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi.responses import Response, StreamingResponse
from fastapi.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send

from mljobs.web.app import VaryOnEncoding

PLAIN = {"accept-encoding": "identity"}
BIG = b"x" * 1000


def _vary(app: ASGIApp) -> str | None:
    """The ``Vary`` of ``app``'s answer under ``VaryOnEncoding`` (no gzip layer between)."""
    client = TestClient(VaryOnEncoding(app, minimum_size=1000))  # (no lifespan: a bare app)
    return client.get("/", headers=PLAIN).headers.get("vary")


@pytest.mark.parametrize(("app", "vary"), [
    (Response(BIG, media_type="text/html"), "Accept-Encoding"),
    (Response(b"<p>small</p>", media_type="text/html"), None),  # (never compressed)
    (Response(BIG, media_type="text/csv", headers={"vary": "Cookie"}), "Cookie, Accept-Encoding"),
    (Response(BIG, media_type="text/css", headers={"vary": "accept-encoding"}),
     "accept-encoding"),  # (said once)
    (Response(b"\x1f\x8b", media_type="text/javascript", headers={"content-encoding": "gzip"}),
     "Accept-Encoding"),  # (sent gzipped by its route)
    (Response(BIG, media_type="image/png"), None),
    (Response(BIG, status_code=206, media_type="text/html"), None),
    (Response(status_code=304), None),
])
def test_an_answer_that_could_be_gzipped_says_vary(app: ASGIApp, vary: str | None) -> None:
    assert _vary(app) == vary


def _raw(*vary: bytes) -> ASGIApp:
    """An app answering 1,000 bytes of HTML with a ``Vary`` line for each of ``vary``."""
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"text/html"), *((b"vary", v) for v in vary)]})
        await send({"type": "http.response.body", "body": BIG})
    return app


@pytest.mark.parametrize(("lines", "vary"), [
    # (the second line's field was not read: "Cookie, Accept-Encoding, Accept-Encoding")
    ((b"Cookie", b"Accept-Encoding"), ["Cookie", "Accept-Encoding"]),
    ((b"Cookie", b"Origin"), ["Cookie", "Origin", "Accept-Encoding"]),
    ((b"*",), ["*"]),  # (it said "*, Accept-Encoding", which RFC 9110 12.5.5 does not allow)
    # (a field holding the words is another field)
    ((b"X-Accept-Encoding-Hint",), ["X-Accept-Encoding-Hint", "Accept-Encoding"]),
])
def test_vary_lines_already_there_are_read_whole(lines: tuple[bytes, ...],
                                                   vary: list[str]) -> None:
    said = TestClient(VaryOnEncoding(_raw(*lines), minimum_size=1000)).get("/", headers=PLAIN)
    assert [field.strip() for line in said.headers.get_list("vary")
            for field in line.split(",")] == vary


def test_a_streamed_answer_says_vary() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"a,b\n"
        yield b"1,2\n"

    assert _vary(StreamingResponse(chunks(), media_type="text/csv")) == "Accept-Encoding"


@pytest.mark.parametrize("coding", ["identity", "gzip"])
def test_every_page_file_and_api_answer_says_vary_once(client: TestClient, coding: str) -> None:
    """Pages, CSS, JavaScript, JSON and CSV of the app, plain or gzipped."""
    for url in ("/", "/?q=python", "/dashboard", "/dashboard/skills.csv", "/api/search",
                "/static/style.css", "/static/app.js", "/match",
                "/vendor/plotly.min.js", "/posting/file:no-such-posting-in-this-store"):
        response = client.get(url, headers={"accept-encoding": coding})
        assert len(response.content) >= 1000, url
        vary = [v.strip().lower() for v in response.headers.get("vary", "").split(",")]
        assert vary.count("accept-encoding") == 1, (url, coding, response.headers.get("vary"))
