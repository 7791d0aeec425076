"""The polite HTTP client against a real local server: retries, limits, caching."""

from __future__ import annotations

import threading

import pytest

from mljobs.errors import FetchError
from mljobs.http import (
    USER_AGENT,
    Cached,
    HttpClient,
    HttpSettings,
    charset_of,
    parse_retry_after,
)

from .replay_server import ReplayServer, Reply

FAST = HttpSettings(retries=2, backoff=0.01, timeout=2.0)


class MemoryValidators:
    """A conditional-GET cache in a dict (the store-backed one is tested in sync)."""

    def __init__(self) -> None:
        self.data: dict[str, Cached] = {}

    def lookup(self, url: str) -> Cached | None:
        return self.data.get(url)

    def remember(self, url: str, etag: str | None, last_modified: str | None,
                 body: bytes) -> None:
        self.data[url] = Cached(etag, last_modified, body)


def test_sends_honest_user_agent() -> None:
    with ReplayServer({"/x": Reply(b"{}")}) as srv, HttpClient(FAST) as http:
        http.get(f"{srv.url}/x", source="test")
        headers = srv.requests[0][1]
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("mljobs/") and "+https://" in USER_AGENT


def test_429_with_retry_after_is_honoured() -> None:
    waits: list[float] = []
    limited = Reply(b"slow down", 429, headers={"Retry-After": "7"})
    with ReplayServer({"/x": Reply(b'{"ok": 1}', fail_first=[limited])}) as srv, \
            HttpClient(FAST, sleep=waits.append) as http:
        response = http.get(f"{srv.url}/x", source="test")
    assert response.content == b'{"ok": 1}' and response.attempts == 2
    assert waits == [7.0]
    assert srv.hits["/x"] == 2


def test_a_429_after_every_retry_says_it_is_a_rate_limit() -> None:
    """Before, a server that still limited the requests after every retry read as any server
    trouble: "HTTP 429 Too Many Requests (url); gave up after 3 attempts; try again later"."""
    limited = Reply(b'{"error": "too many requests"}', 429, headers={"Retry-After": "1"})
    with ReplayServer({"/x": limited}) as srv, \
            HttpClient(FAST, sleep=lambda s: None) as http:
        with pytest.raises(FetchError) as raised:
            http.get(f"{srv.url}/x", source="test")
        assert srv.hits["/x"] == 3
    assert str(raised.value).endswith(
        "/x); the server limits how often it is asked (a rate limit); gave up after 3 "
        "attempts; try again later")


def test_a_429_with_no_retry_allowed_says_it_is_a_rate_limit() -> None:
    """With ``retries = 0`` (the sources config's [http]) a 429 said only "HTTP 429 Too Many
    Requests (url)": the rate limit's words came only after a retry."""
    limited = Reply(b'{"error": "too many requests"}', 429, headers={"Retry-After": "1"})
    with ReplayServer({"/x": limited}) as srv, \
            HttpClient(HttpSettings(retries=0), sleep=lambda s: None) as http:
        with pytest.raises(FetchError) as raised:
            http.get(f"{srv.url}/x", source="test")
        assert srv.hits["/x"] == 1
    assert str(raised.value).endswith(
        "/x); the server limits how often it is asked (a rate limit); try again later")


def test_retry_after_beyond_the_cap_fails_without_waiting() -> None:
    waits: list[float] = []
    limited = Reply(b"", 503, headers={"Retry-After": "3600"})
    with ReplayServer({"/x": limited}) as srv, HttpClient(
            HttpSettings(retries=3, max_retry_after=60), sleep=waits.append) as http, \
            pytest.raises(FetchError, match="3600s") as info:
        http.get(f"{srv.url}/x", source="test")
    assert info.value.status == 503 and not info.value.transient
    assert waits == [] and srv.hits["/x"] == 1


@pytest.mark.parametrize("recorded", [False, True])
def test_cancel_stops_the_retries(recorded: bool) -> None:
    """``cancel`` (Ctrl-C during a sync), here as the first answer goes out: no attempt
    follows, with a wait passed in or the client's own, which ``cancel`` ends at once (with
    ``time.sleep`` this test would wait the 100 s the server asks for)."""
    waits: list[float] = []
    clients: list[HttpClient] = []

    def busy(path: str, query: dict[str, str]) -> Reply:
        clients[0].cancel()
        return Reply(b"", 503, headers={"Retry-After": "100"})

    with ReplayServer({"/x": busy}) as srv, HttpClient(
            HttpSettings(retries=3), sleep=waits.append if recorded else None) as http, \
            pytest.raises(FetchError, match="cancelled"):
        clients.append(http)
        http.get(f"{srv.url}/x", source="test")
    assert srv.hits["/x"] == 1 and http.stats.retries == 1
    assert waits == ([100.0] if recorded else [])


def test_500_then_success_with_jittered_backoff() -> None:
    waits: list[float] = []
    flaky = Reply(b"[]", fail_first=[Reply(b"oops", 500), Reply(b"oops", 502)])
    with ReplayServer({"/x": flaky}) as srv, HttpClient(FAST, sleep=waits.append) as http:
        response = http.get(f"{srv.url}/x", source="test")
    assert response.content == b"[]" and response.attempts == 3
    assert len(waits) == 2 and 0 <= waits[0] <= 0.01 and 0 <= waits[1] <= 0.02


def test_persistent_500_is_a_transient_fetch_error() -> None:
    with ReplayServer({"/x": Reply(b"down", 500)}) as srv, \
            HttpClient(FAST, sleep=lambda s: None) as http, pytest.raises(FetchError) as info:
        http.get(f"{srv.url}/x", source="greenhouse")
    assert info.value.transient and info.value.status == 500
    assert "greenhouse" in str(info.value) and "/x" in str(info.value)
    assert srv.hits["/x"] == 3


def test_404_is_not_retried() -> None:
    with ReplayServer({}) as srv, HttpClient(FAST, sleep=lambda s: None) as http, \
            pytest.raises(FetchError, match="HTTP 404") as info:
        http.get(f"{srv.url}/missing", source="test")
    assert not info.value.transient and srv.hits["/missing"] == 1


def test_timeout_then_success() -> None:
    # the first reply never comes in time (held: no race between a sleep and the timeout);
    # the retry's must come within the timeout, the 2 s every other test here allows
    slow = Reply(b"late", held=True)
    with ReplayServer({"/x": Reply(b"fast", fail_first=[slow])}) as srv, HttpClient(
            HttpSettings(timeout=FAST.timeout, retries=1, backoff=0.01)) as http:
        response = http.get(f"{srv.url}/x", source="test")
    assert response.content == b"fast" and response.attempts == 2


def test_timeout_without_retries_fails_transient() -> None:
    with ReplayServer({"/x": Reply(b"late", held=True)}) as srv, HttpClient(
            HttpSettings(timeout=0.3, retries=0)) as http, \
            pytest.raises(FetchError, match="timed out") as info:
        http.get(f"{srv.url}/x", source="test")
    assert info.value.transient


def test_50_mb_streamed_body_is_cut_off_at_the_cap() -> None:
    huge = Reply(stream_bytes=50 * 1024 * 1024)
    with ReplayServer({"/huge": huge}) as srv, HttpClient(
            HttpSettings(max_bytes=2 * 1024 * 1024, retries=2)) as http, \
            pytest.raises(FetchError, match="larger than 2 MB") as info:
        http.get(f"{srv.url}/huge", source="test")
    assert not info.value.transient and srv.hits["/huge"] == 1


def test_declared_oversize_body_fails_before_reading() -> None:
    body = b"x" * (3 * 1024 * 1024)
    with ReplayServer({"/big": Reply(body)}) as srv, HttpClient(
            HttpSettings(max_bytes=1024 * 1024)) as http, \
            pytest.raises(FetchError, match="larger than 1 MB"):
        http.get(f"{srv.url}/big", source="test")


def test_conditional_get_uses_etag_and_serves_cached_body() -> None:
    cache = MemoryValidators()
    with ReplayServer({"/x": Reply(b'{"jobs": []}', etag='"v1"')}) as srv, \
            HttpClient(FAST, validators=cache) as http:
        first = http.get(f"{srv.url}/x", source="test")
        second = http.get(f"{srv.url}/x", source="test")
        sent = srv.requests[1][1]
    assert not first.not_modified and second.not_modified
    assert second.content == first.content == b'{"jobs": []}'
    assert sent["If-None-Match"] == '"v1"'
    assert http.stats.not_modified == 1


def test_per_host_limit_caps_concurrency() -> None:
    # each reply waits until a second request is in (a 0.15 s delay only made two overlap
    # if the client started the second within 0.15 s, which a loaded host need not do)
    pair = threading.Barrier(2, timeout=30)

    def in_pairs(path: str, query: dict[str, str]) -> Reply:
        pair.wait()
        return Reply(b"{}")

    with ReplayServer({"/slow/*": in_pairs}) as srv, \
            HttpClient(HttpSettings(per_host=2)) as http:
        threads = [threading.Thread(target=http.get, args=(f"{srv.url}/slow/{i}",),
                                    kwargs={"source": "t"}) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sum(srv.hits.values()) == 8
    assert srv.peak["*"] == 2


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    from datetime import UTC, datetime
    now = datetime(2026, 3, 20, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Fri, 20 Mar 2026 12:00:30 GMT", now=now) == 30.0


@pytest.mark.parametrize(("location", "says"), [
    ("file:///etc/passwd", "unsupported protocol 'file://'"),
    ("ftp://example.org/jobs.xml", "unsupported protocol 'ftp://'"),
    ("javascript:alert(1)", "not fetched"),
    ("/loop", "Exceeded maximum allowed redirects"),
])
def test_a_redirect_loop_or_off_http_is_a_fetch_error_not_retried(location: str,
                                                                  says: str) -> None:
    routes = {"/loop": Reply(status=302, headers={"Location": location})}
    with ReplayServer(routes) as server, HttpClient(FAST) as http, \
            pytest.raises(FetchError) as caught:
        http.get(server.url + "/loop", source="t")
    assert says in str(caught.value) and not caught.value.transient
    assert "check the address in the config" in str(caught.value)
    assert server.hits["/loop"] == (21 if location == "/loop" else 1)  # not retried


def test_a_redirect_to_another_http_page_is_followed() -> None:
    routes = {"/old": Reply(status=301, headers={"Location": "/new"}), "/new": Reply(b"{}")}
    with ReplayServer(routes) as server, HttpClient(FAST) as http:
        response = http.get(server.url + "/old", source="t")
        assert response.content == b"{}"
        # the address asked for, and the one the answer came from (the caller tells a page
        # that moved by it); an answer that did not redirect came from the address asked
        assert (response.url, response.final_url) == (server.url + "/old", server.url + "/new")
        direct = http.get(server.url + "/new", source="t")
        assert direct.final_url == direct.url == server.url + "/new"


def test_an_answer_that_did_not_redirect_came_from_the_address_asked() -> None:
    """httpx writes the address its own way (the path percent-encoded): an answer without a
    redirect still says it came from the address asked, word for word."""
    with ReplayServer({"/karriere/%C3%BCber-uns": Reply(b"{}")}) as server, \
            HttpClient(FAST) as http:
        asked = server.url + "/karriere/über-uns"
        response = http.get(asked, source="t")
        assert response.content == b"{}" and response.final_url == response.url == asked


def test_the_final_address_of_a_redirect_is_kept_through_retries_and_304() -> None:
    """A retried fetch (500 first) and a conditional one answered 304 still say where the
    answer came from."""
    routes = {"/old": Reply(status=302, headers={"Location": "/new"}),
              "/new": Reply(b"{}", etag='"v1"', fail_first=[Reply(status=500)])}
    with ReplayServer(routes) as server, \
            HttpClient(FAST, validators=MemoryValidators()) as http:
        first = http.get(server.url + "/old", source="t")
        assert (first.attempts, first.final_url) == (2, server.url + "/new")
        again = http.get(server.url + "/old", source="t")
        assert again.not_modified and again.final_url == server.url + "/new"


class Ticks:
    """A clock that moves one second each time it is read: the client reads it once as the
    body starts and once per chunk, so ``max_seconds`` counts chunks, never wall time."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return float(self.reads)


def test_a_body_that_drips_in_fails_past_max_seconds() -> None:
    # 100 chunks of 64 KiB, each within the read timeout: a server that sends now and then
    routes = {"/drip": Reply(stream_bytes=100 * 65536)}
    settings = HttpSettings(max_seconds=3, retries=2, backoff=0.0)
    clock = Ticks()
    with ReplayServer(routes) as server, HttpClient(settings, clock=clock) as http, \
            pytest.raises(FetchError) as caught:
        http.get(server.url + "/drip", source="t")
    assert "took over 3 s to arrive" in str(caught.value) and not caught.value.transient
    assert "raise [http] max_seconds" in str(caught.value)
    assert clock.reads == 5  # the start, then chunks 1-4: the fourth is past 3 s
    assert server.hits["/drip"] == 1  # not retried: it would be as slow again


def test_a_slow_body_within_max_seconds_arrives_whole() -> None:
    routes = {"/slow": Reply(stream_bytes=100 * 65536)}
    clock = Ticks()
    with ReplayServer(routes) as server, \
            HttpClient(HttpSettings(max_seconds=10_000), clock=clock) as http:
        assert len(http.get(server.url + "/slow", source="t").content) == 100 * 65536
    assert clock.reads > 2  # the budget was read chunk by chunk


@pytest.mark.parametrize(("headers", "bot_check"), [
    ({"cf-mitigated": "challenge", "Server": "cloudflare"}, True),  # Cloudflare's challenge
    ({"Server": "ddos-guard"}, True),
    ({"Server": "nginx"}, False),  # a private page: refused, no bot check
])
def test_a_403_bot_check_says_the_site_blocks_automated_reading(
        headers: dict[str, str], bot_check: bool) -> None:
    """Before: a bot protection's 403 challenge said "a private board or page cannot be
    read; remove it or check the address". (The page says nothing: its headers do.)"""
    page = b"<!DOCTYPE html><html><head><title>Careers</title></head></html>"
    with ReplayServer({"/careers": Reply(page, 403, content_type="text/html",
                                         headers=headers)}) as server, HttpClient(FAST) as http:
        with pytest.raises(FetchError) as raised:
            http.get(f"{server.url}/careers", source="jsonld")
        assert server.hits["/careers"] == 1  # (not retried)
    message = str(raised.value)
    assert f"{server.url}/careers" in message and "HTTP 403" in message
    assert ("blocks automated reading" in message) is bot_check
    assert ("save it (File > Save Page As, .html) and run `mljobs import page.html`"
            in message) is bot_check
    assert ("a private board or page cannot be read" in message) is not bot_check


# bot protections' 403 pages as they are served, with no header naming a challenge
PERIMETERX_403 = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
    b'content="width=device-width, initial-scale=1"><title>Access to this page has been denied'
    b'</title><script>window._pxAppId = "PXa1b2c3d4"; window._pxJsClientSrc = "/a1b2c3d4/init'
    b'.js"; window._pxHostUrl = "/a1b2c3d4/xhr";</script></head><body><section class="px-page">'
    b"<h1>Access to this page has been denied</h1><p>We believe you are using automation tools "
    b"to browse the website.</p><p>This may happen as a result of the following:</p><ul><li>"
    b"Javascript is disabled or blocked by an extension (ad blockers for example)</li><li>Your "
    b"browser does not support cookies</li></ul><p>Please make sure that Javascript and cookies "
    b"are enabled on your browser and that you are not blocking them from loading.</p><p>"
    b'Reference ID: #0f3c8a20-1234-11ef-9d3c-0242ac120002</p><div id="px-captcha"></div>'
    b'</section><script src="/a1b2c3d4/captcha/captcha.js?a=c&u=0f3c8a20&v=&m=0"></script>'
    b"</body></html>")
CLOUDFLARE_CHALLENGE = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta '
    b'http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" '
    b'content="noindex,nofollow"></head><body><div class="main-wrapper" role="main"><div '
    b'class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable '
    b"JavaScript and cookies to continue</span></div></noscript></div></div><script>(function()"
    b"{window._cf_chl_opt={cvId: '3',cZone: \"careers.example.com\",cType: 'managed',cRay: "
    b"'8c1a2b3c4d5e6f70',cH: 'abc',cUPMDTk: \"/careers?__cf_chl_tk=xyz\"};}());</script>"
    b"</body></html>")
CLOUDFLARE_BLOCK = (  # a firewall rule's block (error 1020): no cf-mitigated header
    b'<!DOCTYPE html><!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->'
    b'<html class="no-js" lang="en-US"><head><title>Attention Required! | Cloudflare</title>'
    b'<meta charset="UTF-8" /></head><body><div id="cf-wrapper"><div id="cf-error-details" '
    b'class="cf-error-details-wrapper"><h1 data-translate="block_headline">Sorry, you have been '
    b'blocked</h1><h2 class="cf-subheadline"><span data-translate="unable_to_access">You are '
    b"unable to access</span> careers.example.com</h2></div></div></body></html>")
DATADOME_403 = (
    b'<html><head><title>careers.example.com</title><style>#cmsg{animation: A 1.5s;}</style>'
    b"</head><body style=\"margin:0\"><p id=\"cmsg\">Please enable JS and disable any ad blocker"
    b"</p><script data-cfasync=\"false\">var dd={'rt':'c','cid':'AHrlqAAAAAMA','hsh':'A1B2',"
    b"'t':'fe','s':45017,'e':'abc','host':'geo.captcha-delivery.com'}</script><script "
    b'src="https://ct.captcha-delivery.com/c.js"></script></body></html>')
NGINX_403 = (b"<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 "
             b"Forbidden</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
AKAMAI_DENIED = (b"<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied"
                 b"</H1>\n \nYou don't have permission to access \"http&#58;&#47;&#47;careers&#46;"
                 b"example&#46;com&#47;careers\" on this server.<P>\nReference&#32;&#35;18&#46;"
                 b"4f1a2b17&#46;1716000000&#46;1a2b3c4d\n</BODY>\n</HTML>\n")


@pytest.mark.parametrize(("page", "headers", "bot_check"), [
    (PERIMETERX_403, {"Server": "nginx"}, True),
    (CLOUDFLARE_CHALLENGE, {"Server": "cloudflare"}, True),  # cf-mitigated dropped by a proxy
    (CLOUDFLARE_BLOCK, {"Server": "cloudflare"}, True),
    (DATADOME_403, {"Server": "DataDome"}, True),
    (NGINX_403, {"Server": "nginx"}, False),  # refused: a private page
    (AKAMAI_DENIED, {"Server": "AkamaiGHost"}, False),  # refused, and not said to be a check
])
def test_a_403_whose_page_is_a_bot_check_says_so(
        page: bytes, headers: dict[str, str], bot_check: bool) -> None:
    """Before: a bot check's 403 told only by its page (PerimeterX, Cloudflare's block or a
    challenge whose header a proxy dropped, DataDome) read as a generic refusal, "a private
    board or page cannot be read", not the bot check with the saved-page advice that the
    same page served with HTTP 200 gives."""
    with ReplayServer({"/careers": Reply(page, 403, content_type="text/html; charset=utf-8",
                                         headers=headers)}) as server, HttpClient(FAST) as http:
        with pytest.raises(FetchError) as raised:
            http.get(f"{server.url}/careers", source="jsonld")
        assert server.hits["/careers"] == 1  # (not retried)
    message = str(raised.value)
    assert "HTTP 403" in message and raised.value.bot_check is bot_check
    assert ("the site answered with a bot check, not the page" in message) is bot_check
    assert ("save it (File > Save Page As, .html) and run `mljobs import page.html`"
            in message) is bot_check
    assert ("a private board or page cannot be read" in message) is not bot_check


def test_a_403_page_is_read_only_so_far() -> None:
    """A refusal's page is read to 64 KiB at most to tell what it is (a 403 of 5 MB, its
    bot check's mark past the start, is a refusal: its title was read and is none)."""
    page = b"<html><head><title>Forbidden</title></head><body>" + b"x" * (5 * 1024**2) + \
        b'<div id="px-captcha"></div></body></html>'
    with ReplayServer({"/p": Reply(page, 403, content_type="text/html")}) as server, \
            HttpClient(FAST) as http, pytest.raises(FetchError) as raised:
        http.get(f"{server.url}/p", source="jsonld")
    assert not raised.value.bot_check
    assert "a private board or page cannot be read" in str(raised.value)


# Cloudflare's older challenges, served with HTTP 503 and no cf-mitigated header: its "I'm
# Under Attack" mode's page (the jschl form, to 2020) and its managed challenge's (2021-22)
CLOUDFLARE_IUAM_503 = (
    b'<!DOCTYPE HTML>\n<html lang="en-US">\n<head>\n  <meta charset="UTF-8" />\n  <meta '
    b'http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n  <meta http-equiv='
    b'"X-UA-Compatible" content="IE=Edge,chrome=1" />\n  <meta name="robots" content="noindex, '
    b'nofollow" />\n  <meta name="viewport" content="width=device-width,initial-scale=1" />\n'
    b"  <title>Just a moment...</title>\n  <style type=\"text/css\">html, body {width: 100%; "
    b"height: 100%; margin: 0; padding: 0;} body {background-color: #ffffff; color: #000000; "
    b'font-family:-apple-system, system-ui, "Segoe UI", Roboto, sans-serif; font-size: 16px;}'
    b"</style>\n  <script type=\"text/javascript\">\n  //<![CDATA[\n  (function(){\n    var a = "
    b"function() {try{return !!window.addEventListener} catch(e) {return !1} },\n    b = "
    b"function(b, c) {a() ? document.addEventListener(\"DOMContentLoaded\", b, c) : document."
    b"attachEvent(\"onreadystatechange\", b)};\n    b(function(){\n      var a = document."
    b"getElementById('cf-content');a.style.display = 'block';\n      setTimeout(function(){\n"
    b"        var t = document.createElement('div'); t.innerHTML=\"<a href='/'>x</a>\";\n"
    b"        f = document.getElementById('challenge-form'); f.submit();\n      }, 4000);\n"
    b"    }, false);\n  })();\n  //]]>\n</script>\n</head>\n<body>\n  <table width=\"100%\" "
    b'height="100%" cellpadding="20">\n    <tr>\n      <td align="center" valign="middle">\n'
    b'          <div class="cf-browser-verification cf-im-under-attack">\n  <noscript><h1 '
    b'data-translate="turn_on_js" style="color:#bd2426;">Please turn JavaScript on and reload '
    b'the page.</h1></noscript>\n  <div id="cf-content" style="display:none">\n    <h1><span '
    b'data-translate="checking_browser">Checking your browser before accessing</span> careers.'
    b'example.com.</h1>\n    <p data-translate="process_is_automatic">This process is automatic.'
    b" Your browser will redirect to your requested content shortly.</p>\n    <p data-translate="
    b'"allow_5_secs">Please allow up to 5 seconds&hellip;</p>\n  </div>\n  <form id="challenge-'
    b'form" action="/careers?__cf_chl_jschl_tk__=5d1a2b3c4d5e6f70" method="POST" enctype='
    b'"application/x-www-form-urlencoded">\n    <input type="hidden" name="r" value="a1b2c3"/>\n'
    b'    <input type="hidden" name="jschl_vc" value="0f3c8a2012345d6e"/>\n    <input type='
    b'"hidden" name="pass" value="1588000000.123-AbCdEfGh"/>\n    <input type="hidden" id='
    b'"jschl-answer" name="jschl_answer"/>\n  </form>\n</div>\n          <div class="attribution">'
    b'\n            <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=iuam" '
    b'target="_blank" style="font-size: 12px;">DDoS protection by Cloudflare</a>\n            '
    b"<br>\n            Ray ID: 58a1b2c3d4e5f607\n          </div>\n      </td>\n    </tr>\n"
    b"  </table>\n</body>\n</html>\n")
CLOUDFLARE_MANAGED_503 = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv='
    b'"Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" '
    b'content="IE=Edge"><meta name="robots" content="noindex,nofollow"><meta name="viewport" '
    b'content="width=device-width,initial-scale=1"><link href="/cdn-cgi/styles/challenges.css"'
    b' rel="stylesheet"></head><body class="no-js"><div class="main-wrapper" role="main"><div '
    b'class="main-content"><h1 class="zone-name-title h1"><img class="heading-favicon" src="/'
    b'favicon.ico" alt="Icon for careers.example.com">careers.example.com</h1><h2 class="h2" '
    b'id="challenge-running">Checking if the site connection is secure</h2><noscript><div id='
    b'"challenge-error-title"><div class="h2"><span class="icon-wrapper"><div class="heading-'
    b'icon warning-icon"></div></span><span id="challenge-error-text">Enable JavaScript and '
    b'cookies to continue</span></div></div></noscript><div id="trk_jschal_js" style="display:'
    b'none;background-image:url(\'/cdn-cgi/images/trace/managed/nojs/transparent.gif?ray='
    b'7a1b2c3d4e5f6071\')"></div><div id="challenge-body-text" class="core-msg spacer">careers.'
    b"example.com needs to review the security of your connection before proceeding.</div><form "
    b'id="challenge-form" action="/careers?__cf_chl_f_tk=AbCdEf0123456789" method="POST" '
    b'enctype="application/x-www-form-urlencoded"><input type="hidden" name="md" value="Xy12">'
    b'<input type="hidden" name="r" value="Zw34"></form></div></div><script>(function(){window.'
    b"_cf_chl_opt={cvId: '2',cZone: 'careers.example.com',cType: 'managed',cNounce: '12345',"
    b"cRay: '7a1b2c3d4e5f6071',cHash: 'abc123',cUPMDTk: \"\\/careers?__cf_chl_tk=Xy\",cFPWv: 'b',"
    b"cTTimeMs: '1000',cTplV: 4,cTplB: 'cf',cRq: {ru: 'aHR0cHM6Ly9jYXJlZXJz',ra: 'TW96aWxsYQ==',"
    b"rm: 'R0VU',d: 'abc',t: 'MTY2NTAwMDAwMC4wMDAwMDA=',m: 'xyz',i1: 'a1==',i2: 'b2==',zh: "
    b"'c3==',uh: 'd4=',hh: 'e5=',}};var trkjs = document.createElement('img');}());</script>"
    b'<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix '
    b'diagnostic-wrapper"><div class="ray-id">Ray ID: <code>7a1b2c3d4e5f6071</code></div></div>'
    b'<div class="text-center">Performance &amp; security by <a rel="noopener noreferrer" href='
    b'"https://www.cloudflare.com?utm_source=challenge&amp;utm_campaign=m" target="_blank">'
    b"Cloudflare</a></div></div></div></body></html>")
# a site's own designed challenge page (Cloudflare's custom "I'm Under Attack" page): the
# site's title, Cloudflare's box where the page says ::IM_UNDER_ATTACK_BOX::
CLOUDFLARE_CUSTOM_IUAM_503 = (
    b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Helix Bio</title><link '
    b'rel="stylesheet" href="https://helix.example.com/static/brand.css"></head><body><header>'
    b'<img src="https://helix.example.com/static/logo.svg" alt="Helix Bio"></header><main><div '
    b'class="cf-browser-verification cf-im-under-attack">\n  <noscript><h1 data-translate="turn_'
    b'on_js" style="color:#bd2426;">Please turn JavaScript on and reload the page.</h1></noscript>'
    b'\n  <div id="cf-content" style="display:none">\n    <h1><span data-translate="checking_'
    b'browser">Checking your browser before accessing</span> helix.example.com.</h1>\n    <p '
    b'data-translate="process_is_automatic">This process is automatic. Your browser will '
    b'redirect to your requested content shortly.</p>\n  </div>\n  <form id="challenge-form" '
    b'action="/careers?__cf_chl_jschl_tk__=5d1a2b3c" method="POST" enctype="application/x-www-'
    b'form-urlencoded">\n    <input type="hidden" name="r" value="a1b2"/>\n    <input type='
    b'"hidden" name="jschl_vc" value="0f3c8a20"/>\n    <input type="hidden" name="pass" value='
    b'"1588000000.123-AbCd"/>\n    <input type="hidden" id="jschl-answer" name="jschl_answer"/>'
    b"\n  </form>\n</div></main><footer>Helix Bio, Cambridge</footer></body></html>")
NGINX_503 = (b"<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n"
             b"<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr>"
             b"<center>nginx</center>\r\n</body>\r\n</html>\r\n")
MAINTENANCE_503 = (b"<!doctype html><html><head><title>Site under maintenance | Helix Bio</title>"
                   b"</head><body><h1>We'll be back soon</h1><p>Our careers site is being "
                   b"updated. Please check back in an hour.</p></body></html>")


@pytest.mark.parametrize(("page", "headers"), [
    (CLOUDFLARE_IUAM_503, {"Server": "cloudflare"}),
    (CLOUDFLARE_MANAGED_503, {"Server": "cloudflare"}),
    (CLOUDFLARE_CUSTOM_IUAM_503, {"Server": "cloudflare"}),  # told by its box alone
    (NGINX_503, {"Server": "cloudflare", "cf-mitigated": "challenge"}),  # said by its header
])
def test_cloudflares_older_challenge_with_503_is_a_bot_check(
        page: bytes, headers: dict[str, str]) -> None:
    """Before: Cloudflare's challenge served with HTTP 503 ("Just a moment...", "Checking
    your browser before accessing", "Checking if the site connection is secure") was a
    temporary failure: asked for 3 times, then "gave up after 3 attempts; try again later",
    not the bot check and its advice that the same page gives with 403 (or 200)."""
    waits: list[float] = []
    with ReplayServer({"/careers": Reply(page, 503, content_type="text/html; charset=UTF-8",
                                         headers=headers)}) as server, \
            HttpClient(FAST, sleep=waits.append) as http:
        with pytest.raises(FetchError) as raised:
            http.get(f"{server.url}/careers", source="jsonld")
        assert server.hits["/careers"] == 1 and waits == []  # (not retried: the same again)
    message = str(raised.value)
    assert "HTTP 503" in message and raised.value.bot_check and not raised.value.transient
    assert "the site answered with a bot check, not the page: it blocks automated reading" \
        in message
    assert "save it (File > Save Page As, .html) and run `mljobs import page.html`" in message
    assert "gave up" not in message


@pytest.mark.parametrize(("page", "headers"), [
    (NGINX_503, {"Server": "nginx"}),
    (MAINTENANCE_503, {"Server": "cloudflare"}),  # a site behind Cloudflare, down for a while
    (NGINX_503, {"Server": "ddos-guard"}),  # an outage behind DDoS-Guard names it too
    (b"Service Unavailable", {"Server": "cloudflare"}),  # (no page)
    # a site's own maintenance page, whose title reads as a challenge's (a final-read finding:
    # it was taken for a bot check, not retried, and the user told to save the page)
    ((b"<html><head><title>Please wait...</title></head><body>We are upgrading our site and "
      b"will be back shortly.</body></html>"), {"Server": "nginx"}),
    ((b"<html><head><title>One moment, please</title></head><body>Scheduled maintenance."
      b"</body></html>"), {}),
])
def test_a_plain_503_stays_a_temporary_failure(page: bytes, headers: dict[str, str]) -> None:
    """The server's trouble, not a bot check: retried, then "try again later" (as before)."""
    content_type = "text/html" if page.startswith(b"<") else "text/plain"
    with ReplayServer({"/careers": Reply(page, 503, content_type=content_type,
                                         headers=headers)}) as server, \
            HttpClient(FAST, sleep=lambda s: None) as http:
        with pytest.raises(FetchError) as raised:
            http.get(f"{server.url}/careers", source="jsonld")
        assert server.hits["/careers"] == 3
    assert raised.value.transient and not raised.value.bot_check
    assert "gave up after 3 attempts; try again later" in str(raised.value)
    assert "bot check" not in str(raised.value)


def test_a_503_bot_check_is_read_only_so_far() -> None:
    """A 503's page is read to 64 KiB at most, as a refusal's: a 5 MB outage page whose
    challenge-like title comes past that is the server's trouble."""
    page = b"<html><head>" + b" " * (5 * 1024**2) + b"<title>Just a moment...</title></head>"
    with ReplayServer({"/p": Reply(page, 503, content_type="text/html")}) as server, \
            HttpClient(FAST, sleep=lambda s: None) as http, pytest.raises(FetchError) as raised:
        http.get(f"{server.url}/p", source="jsonld")
    assert raised.value.transient and not raised.value.bot_check


def test_the_charset_the_content_type_names_is_kept_through_a_304() -> None:
    """The charset of the answer's Content-Type (the media type is without it); a 304's,
    when it names none, is the cached answer's (``Cached.charset``)."""
    cache = MemoryValidators()
    page = "<p>Zürich</p>".encode("windows-1252")
    with ReplayServer({"/p": Reply(page, content_type="text/html; charset=Windows-1252",
                                   etag='"v1"'),
                       "/q": Reply(b"{}", content_type="application/json")}) as server, \
            HttpClient(FAST, validators=cache) as http:
        first = http.get(f"{server.url}/p", source="jsonld")
        cache.data[f"{server.url}/p"] = Cached('"v1"', None, page, first.charset)
        second = http.get(f"{server.url}/p", source="jsonld")
        plain = http.get(f"{server.url}/q", source="greenhouse")
    assert (first.media_type, first.charset) == ("text/html", "windows-1252")
    assert second.not_modified and (second.content, second.charset) == (page, "windows-1252")
    assert (plain.media_type, plain.charset) == ("application/json", None)
    assert charset_of('text/html; charset="Shift_JIS"') == "shift_jis"
    assert charset_of("text/html") is None and charset_of("") is None
