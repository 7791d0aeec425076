"""What a page costs on a slow link: the files every page loads are kept by the browser
under versioned URLs, plotly.js and the pages travel gzipped, and nothing comes from a CDN.

Before: ``/static/*`` had no ``Cache-Control`` (a browser guessed how long to keep the
stylesheet), plotly.js (4.8 MB) had ``max-age=86400`` and no validator, so it was sent whole
again every day, and nothing was compressed (the search page: 46 KB)."""

from __future__ import annotations

import gzip
import re
import sys
import threading
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.web import app as web_app
from mljobs.web.routes import plotly_js_bytes

PAGES = ["/", "/?q=pytorch", "/dashboard", "/match", "/posting/file:dup-canonical",
         "/posting/nowhere"]
YEAR = 365 * 24 * 3600


def loaded(client: TestClient, url: str) -> list[str]:
    """The URLs of the stylesheets, icons and scripts a page makes the browser fetch."""
    page = BeautifulSoup(client.get(url).text, "html.parser")
    return [t.get("href") or t.get("src") for t in page.select("link[href], script[src]")]


def max_age(control: str) -> int:
    found = re.search(r"max-age=(\d+)", control)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize("url", PAGES)
def test_every_file_a_page_loads_is_kept_a_year_under_its_version(client: TestClient,
                                                                  url: str) -> None:
    files = loaded(client, url)
    assert files and all(f.startswith("/") for f in files), files  # ours, no CDN
    for file in files:
        assert parse_qs(urlsplit(file).query).get("v"), file
        response = client.get(file)
        assert response.status_code == 200, file
        control = response.headers["cache-control"]
        assert "immutable" in control and max_age(control) >= YEAR, (file, control)
        assert response.headers.get("etag"), file


def test_a_changed_file_gets_a_new_url(client: TestClient) -> None:
    """The version is the file's content: an old URL (a page cached before an upgrade) is
    not kept a year but asked again, and answered 304 while the file is unchanged."""
    css = next(f for f in loaded(client, "/") if "style.css" in f)
    stale = client.get("/static/style.css?v=000000000000")
    assert stale.status_code == 200 and stale.headers["cache-control"] == "no-cache"
    assert client.get("/static/style.css").headers["cache-control"] == "no-cache"
    again = client.get("/static/style.css", headers={"if-none-match": stale.headers["etag"]})
    assert again.status_code == 304
    assert client.get(css).content == stale.content


def test_plotly_travels_gzipped_and_is_not_sent_twice(client: TestClient) -> None:
    url = next(f for f in loaded(client, "/dashboard") if "plotly" in f)
    whole = plotly_js_bytes()
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    sent = int(response.headers["content-length"])
    assert sent < len(whole) * 0.4, (sent, len(whole))
    assert response.content == whole  # httpx took the gzip off: the same bundle
    assert "accept-encoding" in response.headers["vary"].lower()
    plain = client.get(url, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == whole
    etag = response.headers["etag"]
    again = client.get(url, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize("url", ["/", "/dashboard", "/api/search?q=pytorch",
                                 "/dashboard/skills.csv", "/posting/file:dup-canonical"])
def test_pages_travel_gzipped(client: TestClient, url: str) -> None:
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    sent = int(response.headers["content-length"])
    assert sent < len(response.content) / 2, (sent, len(response.content))
    head = client.head(url, headers={"accept-encoding": "gzip"})
    assert head.headers["content-length"] == response.headers["content-length"]
    assert head.headers["content-encoding"] == "gzip"


def test_the_gzipped_bundle_is_plotly(client: TestClient) -> None:
    """The bytes on the wire are a gzip stream of the package's bundle (read raw)."""
    url = next(f for f in loaded(client, "/dashboard") if "plotly" in f)
    with client.stream("GET", url, headers={"accept-encoding": "gzip"}) as response:
        raw = b"".join(response.iter_raw())
    assert gzip.decompress(raw) == plotly_js_bytes()


@pytest.mark.parametrize("name", ["style.css", "plotly.min.js"])
def test_one_validator_never_names_two_encodings_as_the_same_bytes(client: TestClient,
                                                                   name: str) -> None:
    """The gzipped and the plain file are two sets of bytes: an ETag both share is weak
    (RFC 9110 8.8.3), so a download resumed with ``If-Range`` (a strong comparison) is sent
    whole, never plain bytes from an offset of the gzipped ones (a corrupt file), while the
    304 a browser's cache asks for still comes (``If-None-Match`` compares weakly).

    Before: both carried the same strong ETag; ``Range: bytes=100-`` with ``If-Range`` of the
    gzipped answer's ETag got a 206 of the plain file's bytes 100 on."""
    url = next(f for f in loaded(client, "/dashboard") if name in f)
    packed = client.get(url, headers={"accept-encoding": "gzip"})
    plain = client.get(url, headers={"accept-encoding": "identity"})
    assert packed.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    tag = packed.headers["etag"]
    assert tag != plain.headers["etag"] or tag.startswith("W/"), (tag, plain.headers["etag"])
    resumed = client.get(url, headers={"accept-encoding": "gzip", "range": "bytes=100-",
                                       "if-range": tag})
    assert resumed.status_code == 200 and resumed.content == plain.content
    for asked in (tag, f'"other", {tag}', "*"):
        again = client.get(url, headers={"accept-encoding": "gzip", "if-none-match": asked})
        assert again.status_code == 304, asked
        assert again.headers["etag"] == tag, asked  # the validator the 200 gave
        # (and its Vary, which a 304 must repeat: RFC 9110 15.4.5)
        assert "accept-encoding" in again.headers.get("vary", "").lower(), asked
    other = client.get(url, headers={"accept-encoding": "gzip", "if-none-match": '"other"'})
    assert other.status_code == 200


@pytest.mark.parametrize(("asked", "packed"), [
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("identity, gzip;q=0", False),
    ("br, gzip;q=0, deflate", False), ("gzip;q=abc", False), ("x-gzip;q=0", False),
    ("gzip;q=0.5", True), ("GZIP", True), ("deflate, x-gzip", True), ("identity", False),
    # "*" is any coding the header does not name (RFC 9110 12.5.3), gzip when it is not named
    ("*", True), ("identity;q=0, *", True), ("gzip;q=0, *", False), ("*;q=0", False),
])
@pytest.mark.parametrize("name", ["", "style.css", "plotly.min.js", "api"])
def test_gzip_refused_with_q_0_is_not_sent(client: TestClient, name: str, asked: str,
                                           packed: bool) -> None:
    """``Accept-Encoding: gzip;q=0`` refuses gzip (RFC 9110 12.5.3); the pages, the static
    files and plotly.js were sent gzipped all the same (a test for "gzip" anywhere in the
    header). A weight above 0 still gets it."""
    url = ("/" if name == "" else "/api/search?q=pytorch" if name == "api"
           else next(f for f in loaded(client, "/dashboard") if name in f))
    plain = client.get(url, headers={"accept-encoding": "identity"})
    response = client.get(url, headers={"accept-encoding": asked})
    assert response.status_code == plain.status_code == 200
    assert (response.headers.get("content-encoding") == "gzip") is packed, asked
    assert response.content == plain.content  # (httpx takes a gzip off)
    assert "accept-encoding" in response.headers["vary"].lower()


@pytest.mark.parametrize(("lines", "packed"), [
    (("identity", "gzip"), True), (("br", "gzip;q=0"), False), (("gzip;q=0", "*"), False),
])
@pytest.mark.parametrize("name", ["", "style.css", "plotly.min.js", "api"])
def test_accept_encoding_in_two_lines_is_read_as_one_list(client: TestClient, name: str,
                                                          lines: tuple[str, str],
                                                          packed: bool) -> None:
    """Two ``Accept-Encoding`` lines are one comma-separated list (RFC 9110 5.3); only the
    first line was read, so ``identity`` then ``gzip`` got the plain bytes."""
    url = ("/" if name == "" else "/api/search?q=pytorch" if name == "api"
           else next(f for f in loaded(client, "/dashboard") if name in f))
    plain = client.get(url, headers={"accept-encoding": "identity"})
    response = client.get(url, headers=[("accept-encoding", line) for line in lines])
    assert response.status_code == plain.status_code == 200
    assert (response.headers.get("content-encoding") == "gzip") is packed, lines
    assert response.content == plain.content


def test_a_plotly_request_making_its_gzip_holds_up_no_other_request(client: TestClient
                                                                      ) -> None:
    """The first plotly.js request gzips 4.8 MB (0.15 s). It did so on the event loop (an
    ``async def`` route), so every other request waited for it. Here that gzip is held (its
    lock taken, as by a first gzip under way) until a search has been answered."""
    url = next(f for f in loaded(client, "/dashboard") if "plotly" in f)
    got: list[httpx.Response] = []
    searched: list[httpx.Response] = []
    plotly = threading.Thread(target=lambda: got.append(
        client.get(url, headers={"accept-encoding": "gzip"})))
    search = threading.Thread(target=lambda: searched.append(
        client.get("/api/search", params={"q": "pytorch"})))

    def waiting_for_the_gzip() -> bool:  # (a thread stopped in the gzip's lock)
        return any(frame.f_code.co_name == "_plotly_gzip"
                   for frame in sys._current_frames().values())

    with web_app._PLOTLY_GZIP_LOCK:
        plotly.start()
        while not waiting_for_the_gzip():
            assert plotly.is_alive()
            threading.Event().wait(0.01)
        search.start()
        search.join(timeout=120)  # (a guard, not a measure: it is answered, or never)
        assert [r.status_code for r in searched] == [200] and not got
    plotly.join(timeout=120)
    [response] = got
    assert response.headers["content-encoding"] == "gzip"
    assert response.content == plotly_js_bytes()


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
def test_plotly_says_vary_accept_encoding_once(client: TestClient, encoding: str) -> None:
    """Every answer of plotly.js (gzipped, plain, 304) varies by ``Accept-Encoding`` and says
    so once: the plain one said ``Accept-Encoding, Accept-Encoding`` (the route's and
    GZipMiddleware's)."""
    url = next(f for f in loaded(client, "/dashboard") if "plotly" in f)
    first = client.get(url, headers={"accept-encoding": encoding})
    again = client.get(url, headers={"accept-encoding": encoding,
                                     "if-none-match": first.headers["etag"]})
    assert (first.status_code, again.status_code) == (200, 304)
    for response in (first, again):
        said = [name.strip().lower() for line in response.headers.get_list("vary")
                for name in line.split(",")]
        assert said == ["accept-encoding"], response.headers.get_list("vary")
