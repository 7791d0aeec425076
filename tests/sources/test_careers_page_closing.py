"""A careers page (JSON-LD) is a complete listing: one that plainly reads and lists no job
any more closes the postings it listed; one that did not plainly read closes nothing and
says why. Through ``mljobs sources add`` and ``mljobs sync`` against the replay server."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.errors import ParseError
from mljobs.models import Document, Status
from mljobs.sources import make_source
from mljobs.sources.base import EmptyListing, short_hash
from mljobs.sources.jsonld import page_key
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply, fixture

FOOTER = ("<footer><p>Helix Bio designs proteins with machine learning. Our labs are in "
          "Cambridge and Basel. Read about our science, our team and our values, and follow "
          "us for news of the work. Contact press@example.com for press questions.</p>"
          "</footer>")


def page(body: str, *, head: str = "<title>Careers at Helix Bio</title>") -> Reply:
    html = f"<!doctype html><html><head>{head}</head><body>{body}{FOOTER}</body></html>"
    return Reply(html.encode(), content_type="text/html; charset=utf-8")


EMPTIED = {
    "no JSON-LD at all": page("<h1>Careers</h1><p>We have no open roles right now.</p>"),
    "JSON-LD of another kind": page(
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "Organization", "name": "Helix Bio"}</script><h1>Careers</h1>'),
    "an empty list": page('<script type="application/ld+json">{"@context": '
                          '"https://schema.org", "@type": "ItemList", "itemListElement": []}'
                          "</script><h1>Careers</h1>",
                          head='<title>Careers</title><link rel="canonical" href="/careers/">'),
    # "maintenance" / "unavailable" as words of a careers page's title: no error page
    "a title naming maintenance": page("<h1>Careers</h1><p>We have no open roles now.</p>",
                                       head="<title>Maintenance Technician Careers</title>"),
    "a title naming unavailable roles": page("<h1>Careers</h1><p>No open roles now.</p>",
                                             head="<title>Careers | Unavailable roles</title>"),
    # "error" / "forbidden" as words of a careers page's title: no error page either
    "a title naming error analysis": page("<h1>Careers</h1><p>No open roles now.</p>",
                                          head="<title>Error Analysis Engineer Careers</title>"),
    "a title naming a forbidden planet": page("<h1>Jobs</h1><p>No open roles now.</p>",
                                              head="<title>Forbidden Planet — Jobs</title>"),
}

NGINX_404 = (b"<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 "
             b"Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
PERIMETERX = (
    b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Access to this page '
    b'has been denied</title><script>window._pxAppId = "PXa1b2c3d4";</script></head><body>'
    b'<div class="container"><h1>Access to this page has been denied</h1><p>We believe you '
    b"are using automation tools to browse the website.</p><p>This may happen as a result of "
    b"the following:</p><ul><li>Javascript is disabled or blocked by an extension (ad "
    b"blockers for example)</li><li>Your browser does not support cookies</li></ul><p>Please "
    b"make sure that Javascript and cookies are enabled on your browser and that you are not "
    b"blocking them from loading.</p><p>Reference ID: #0f3c8a20-1234-11ef-9d3c-0242ac120002"
    b'</p><div id="px-captcha"></div></div></body></html>')
DDOS_GUARD = (b'<!DOCTYPE html><html><head><title>DDoS-Guard</title><meta charset="utf-8">'
              b'</head><body><div id="ddg-l10n-title">Checking your browser before accessing'
              b'</div><script src="/.well-known/ddos-guard/check?context=free_splash">'
              b"</script></body></html>")
CLOUDFLARE_CHALLENGE = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta '
    b'http-equiv="refresh" content="390"></head><body><div class="main-wrapper"><h1 class='
    b'"zone-name-title">helix.example.com</h1><noscript>Enable JavaScript and cookies to '
    b'continue</noscript></div><script>(function(){window._cf_chl_opt={cvId: "3"};})();'
    b"</script></body></html>")
CLOUDFLARE_BLOCK = (
    b"<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>"
    b'<div id="cf-wrapper"><h1>Sorry, you have been blocked</h1><h2>You are unable to access '
    b"helix.example.com</h2><p>This website is using a security service to protect itself "
    b"from online attacks. The action you just performed triggered the security solution. "
    b"There are several actions that could trigger this block including submitting a "
    b"certain word or phrase, a SQL command or malformed data.</p><p>Cloudflare Ray ID: "
    b"8a1b2c3d4e5f6789</p></div></body></html>")

UNREAD = {
    "a server error": (Reply(b"oops", status=500), "HTTP 500"),
    "a broken block": (page('<script type="application/ld+json">{"@type": "JobPosting", '
                            '"title": "ML Engineer" "x": 1}</script>'),
                       "cannot be read even leniently"),
    "a sign-in page": (page('<form><input name="user"><input type="password" name="pw">'
                            "</form>", head="<title>Helix Bio</title>"), "sign-in page"),
    "a soft 404": (page("<p>Sorry.</p>", head="<title>Page not found | Helix Bio</title>"),
                   "error page ('Page not found | Helix Bio')"),
    "a plain 404": (page("<p>Sorry.</p>", head="<title>404 Not Found</title>"),
                    "error page ('404 Not Found')"),
    "a bot check": (page("<p>Checking your browser.</p>", head="<title>Just a moment...</title>"),
                    "blocks automated reading"),
    # the pages as the servers and bot checks send them (with HTTP 200), not in our page():
    # nginx's default 404, PerimeterX's block (text enough to pass for a page that lists no
    # job: it closed every posting of the page), DDoS-Guard's and Cloudflare's checks
    "nginx's default 404": (Reply(NGINX_404, content_type="text/html"),
                            "error page ('404 Not Found')"),
    "a PerimeterX block": (Reply(PERIMETERX, content_type="text/html"),
                           "bot check ('Access to this page has been denied')"),
    "a DDoS-Guard check": (Reply(DDOS_GUARD, content_type="text/html"),
                           "bot check ('DDoS-Guard')"),
    "a Cloudflare challenge": (Reply(CLOUDFLARE_CHALLENGE, content_type="text/html"),
                               "bot check ('Just a moment...')"),
    "a Cloudflare block": (Reply(CLOUDFLARE_BLOCK, content_type="text/html"),
                           "bot check ('Attention Required! | Cloudflare')"),
    "a maintenance page": (page("<p>Back soon.</p>",
                                head="<title>Site under maintenance | Helix Bio</title>"),
                           "error page ('Site under maintenance | Helix Bio')"),
    "an unavailable service": (page("<p>Back soon.</p>",
                                    head="<title>Service Temporarily Unavailable</title>"),
                               "error page"),
    "the home page": (page("<h1>Welcome</h1>", head='<title>Helix Bio</title>'
                           '<link rel="canonical" href="https://helix.example.com/">'),
                      "names 'https://helix.example.com/' as its address"),
    "a page built by script": (Reply(b'<!doctype html><html><head><title>Careers</title>'
                                     b'</head><body><div id="root"></div><script src="/app.js">'
                                     b"</script></body></html>", content_type="text/html"),
                               "next to no text"),
    "no web page": (Reply(b'{"jobs": []}', content_type="application/json"), "no web page"),
    # (with neither title nor name: a posting named by ``name`` alone is read by it)
    "JobPostings without a title": (page('<script type="application/ld+json">[{"@type": '
                                         '"JobPosting", "description": "ML Engineer"}, {"@type": '
                                         '"JobPosting", "description": "Data Scientist"}]</script>'),
                                    "the page has 2 JobPostings and none with a title"),
}


def _sync(db: Path, config: Path) -> dict[str, object]:
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                      "--no-enrich", "--no-filter", "--json"])
    report = json.loads(result.stdout)
    (source,) = report["sources"]
    return source


@pytest.fixture
def careers(tmp_path: Path) -> tuple[ReplayServer, Path, Path]:
    with ReplayServer({"/careers": fixture("jsonld/careers.html"),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        added = CliRunner().invoke(app, ["sources", "add", "jsonld", "--name", "careers",
                                         "--set", f"urls={server.url}/careers",
                                         "--config", str(config)])
        assert added.exit_code == 0, added.output
        yield server, config, tmp_path / "db.sqlite3"


def _open(db: Path) -> list[str]:
    with SQLiteStore(db) as store:
        return sorted(p.id for _, p in store.iter_postings(status=Status.OPEN.value))


@pytest.mark.parametrize("kind", list(EMPTIED))
def test_a_page_that_lists_no_job_any_more_closes_its_postings(
        careers: tuple[ReplayServer, Path, Path], kind: str) -> None:
    server, config, db = careers
    first = _sync(db, config)
    assert (first["new"], first["failed"]) == (2, 0)
    opened = _open(db)
    assert len(opened) == 2 and all(i.startswith("jsonld:") and i.count(":") == 2
                                    for i in opened)
    server.routes["/careers"] = EMPTIED[kind]
    emptied = _sync(db, config)
    assert (emptied["closed"], emptied["failed"], emptied["errors"]) == (2, 0, [])
    assert _open(db) == []
    server.routes["/careers"] = fixture("jsonld/careers.html")  # the jobs are back: reopened
    again = _sync(db, config)
    assert _open(db) == opened and again["failed"] == 0


@pytest.mark.parametrize("kind", list(UNREAD))
def test_a_page_that_did_not_plainly_read_closes_nothing_and_says_why(
        careers: tuple[ReplayServer, Path, Path], kind: str) -> None:
    server, config, db = careers
    _sync(db, config)
    opened = _open(db)
    reply, reason = UNREAD[kind]
    server.routes["/careers"] = reply
    failed = _sync(db, config)
    assert (failed["closed"], failed["failed"]) == (0, 1)
    assert reason in failed["errors"][0] and "/careers" in failed["errors"][0]
    if "bot check" in reason:  # what to do: the site blocks automated reading
        assert "blocks automated reading" in failed["errors"][0]
        assert "save it (File > Save Page As, .html) and run `mljobs import page.html`" \
            in failed["errors"][0]
    assert _open(db) == opened


@pytest.mark.parametrize("body", [PERIMETERX, CLOUDFLARE_BLOCK, CLOUDFLARE_CHALLENGE])
def test_a_bot_check_served_with_http_403_closes_nothing_and_says_what_to_do(
        careers: tuple[ReplayServer, Path, Path], body: bytes) -> None:
    """The bot checks above served with HTTP 403 and no header naming one (PerimeterX's and
    Cloudflare's blocks as a rule): the same bot check and what to do as with HTTP 200.
    Before: "the server refuses access: a private board or page cannot be read"."""
    server, config, db = careers
    _sync(db, config)
    opened = _open(db)
    server.routes["/careers"] = Reply(body, status=403, content_type="text/html")
    failed = _sync(db, config)
    assert (failed["closed"], failed["failed"]) == (0, 1)
    (error,) = failed["errors"]
    assert "HTTP 403" in error and "the site answered with a bot check, not the page" in error
    assert "save it (File > Save Page As, .html) and run `mljobs import page.html`" in error
    assert "a private board or page cannot be read" not in error
    assert _open(db) == opened


def test_cloudflares_challenge_served_with_http_503_closes_nothing_and_says_what_to_do(
        careers: tuple[ReplayServer, Path, Path]) -> None:
    """Cloudflare's challenge as it came to 2022, with HTTP 503: the bot check and what to
    do, at once. Before: a temporary failure, asked for 3 times (with backoff) and "gave
    up after 3 attempts; try again later"."""
    server, config, db = careers
    _sync(db, config)
    opened = _open(db)
    server.routes["/careers"] = Reply(CLOUDFLARE_CHALLENGE, status=503,
                                      content_type="text/html; charset=UTF-8",
                                      headers={"Server": "cloudflare"})
    asked = server.hits["/careers"]
    failed = _sync(db, config)
    assert (failed["closed"], failed["failed"]) == (0, 1)
    assert server.hits["/careers"] == asked + 1
    (error,) = failed["errors"]
    assert "HTTP 503" in error and "the site answered with a bot check, not the page" in error
    assert "save it (File > Save Page As, .html) and run `mljobs import page.html`" in error
    assert "gave up" not in error
    assert _open(db) == opened


def test_one_page_emptied_closes_only_its_own_postings(tmp_path: Path) -> None:
    with ReplayServer({"/a/careers": fixture("jsonld/careers.html"),
                       "/b/careers": fixture("jsonld/careers.html"),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = '
                          f'["{server.url}/a/careers", "{server.url}/b/careers"]\n')
        db = tmp_path / "db.sqlite3"
        assert _sync(db, config)["new"] == 4
        server.routes["/a/careers"] = EMPTIED["no JSON-LD at all"]
        assert _sync(db, config)["closed"] == 2
        left = _open(db)
        assert len(left) == 2
        assert {i.split(":")[1] for i in left} == {page_key(f"{server.url}/b/careers")}


NEVER_GAVE = {
    # built by JavaScript, with static text around the empty mount point
    "a page built by script, with text": page('<div id="jobs-root"></div>'
                                              '<script src="/jobs-widget.js"></script>'),
    "JSON-LD of another kind": EMPTIED["JSON-LD of another kind"],
}


@pytest.mark.parametrize("kind", list(NEVER_GAVE))
def test_a_page_that_never_gave_a_posting_and_gives_none_fails_with_the_hint(
        tmp_path: Path, kind: str) -> None:
    with ReplayServer({"/careers": NEVER_GAVE[kind],
                       "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        added = CliRunner().invoke(app, ["sources", "add", "jsonld", "--name", "careers",
                                         "--set", f"urls={server.url}/careers",
                                         "--config", str(config)])
        assert added.exit_code == 0, added.output
        db = tmp_path / "db.sqlite3"
        result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                          "--no-enrich", "--no-filter", "--json"])
        assert result.exit_code != 0
        (source,) = json.loads(result.stdout)["sources"]
        assert (source["new"], source["failed"]) == (0, 1)
        (error,) = source["errors"]
        assert "/careers" in error and "has never given a posting" in error
        assert "built by JavaScript" in error
        # the page comes to list jobs: read as ever, and it is a page that gave postings
        server.routes["/careers"] = fixture("jsonld/careers.html")
        listed = _sync(db, config)
        assert (listed["new"], listed["failed"]) == (2, 0)


def test_an_emptied_page_stays_quiet_once_its_postings_closed(
        careers: tuple[ReplayServer, Path, Path]) -> None:
    server, config, db = careers
    _sync(db, config)
    server.routes["/careers"] = EMPTIED["no JSON-LD at all"]
    assert _sync(db, config)["closed"] == 2
    again = _sync(db, config)  # still empty: the page gave postings before, so no error
    assert (again["closed"], again["failed"], again["errors"]) == (0, 0, [])


@pytest.mark.parametrize(("ref", "canonical", "plainly_read"), [
    ("https://helix.example.com/careers", "https://www.helix.example.com/careers/", True),
    ("https://www.helix.example.com/careers", "http://helix.example.com/careers", True),
    ("https://helix.example.com/careers", "/careers?lang=en", True),
    ("https://helix.example.com/careers", "https://www.helix.example.com/", False),
    ("https://helix.example.com/careers", "https://other.example.com/careers", False),
])
def test_a_canonical_link_to_the_same_page_with_or_without_www_is_the_page(
        ref: str, canonical: str, plainly_read: bool) -> None:
    """Before: a page naming itself ``www.`` + its host (or without) read as a redirect
    to another page, so an emptied careers page failed every sync instead of closing."""
    head = f'<title>Careers</title><link rel="canonical" href="{canonical}">'
    doc = Document(source="jsonld", ref=ref, content=page("<h1>Careers</h1>", head=head).body,
                   media_type="text/html", fetched_at=datetime(2026, 3, 20, tzinfo=UTC))
    expected = EmptyListing if plainly_read else ParseError
    with pytest.raises(expected) as raised:
        list(make_source("jsonld", {}).parse(doc))
    assert ("as its address" in str(raised.value)) is not plainly_read


ERROR_TITLES = ["404 Not Found", "Error", "403 Forbidden", "Page not found | Acme",
                "Access denied", "Error 404", "404 - Page Not Found - Acme", "Not Found",
                "500 Internal Server Error", "503 Service Temporarily Unavailable",
                "Attention Required! | Cloudflare", "Oops! That page can’t be found.",
                "Access denied | acme.com used Cloudflare to restrict access",
                "Too Many Requests", "You have been blocked", "Acme Careers - Error",
                "404 error page", "The page you were looking for doesn't exist (404)",
                "This job no longer exists | Acme",
                # main caught these by a word or number anywhere; the part rule missed them:
                # Google's (App Engine, Cloud Run), a removed job's 410, a "::" separator
                "Error 404 (Not Found)!!1", "Error 403 (Forbidden)!!1", "410 Gone",
                "Page Not Found :: Acme", "Whoops! There was an error."]
CAREERS_TITLES = ["Error Analysis Engineer Careers", "Forbidden Planet — Jobs",
                  "Error Correction Scientist | Qubit Labs", "Not Found Records: Careers",
                  "404 Studio | Jobs", "500 Startups - Jobs", "Blocked Chain Careers",
                  "Jobs at Captcha Works", "Maintenance Technician Careers",
                  "Error Tracking Platform | Sentry Careers"]


@pytest.mark.parametrize("title", ERROR_TITLES + CAREERS_TITLES)
def test_an_error_page_is_told_by_a_whole_title_or_title_part(title: str) -> None:
    """Before: "error", "forbidden", "not found", "blocked", "captcha" or a 4xx/5xx number
    anywhere in a title made an error page, so a careers page titled "Error Analysis Engineer
    Careers" failed every sync (it closed nothing, and gave no job)."""
    doc = Document(source="jsonld", ref="https://helix.example.com/careers",
                   content=page("<h1>Careers</h1>", head=f"<title>{title}</title>").body,
                   media_type="text/html", fetched_at=datetime(2026, 3, 20, tzinfo=UTC))
    is_error = title in ERROR_TITLES
    with pytest.raises(ParseError if is_error else EmptyListing) as raised:
        list(make_source("jsonld", {}).parse(doc))
    said = "is a bot check" if title in BOT_TITLES else "reads as an error page"
    assert (said in str(raised.value)) is is_error


# error titles that are a bot protection's: said as such (the site blocks automated reading)
BOT_TITLES = ["Attention Required! | Cloudflare", "You have been blocked"]


def test_the_page_key_keeps_the_path_case_and_the_address_as_written() -> None:
    """A path is case-sensitive (``/Careers`` and ``/careers`` can be two resources, one a
    404); the key is the address as the config writes it (docs/sources.md, "Careers page
    keys"), so stored ids never move."""
    assert page_key("https://helix.example.com/Careers") != page_key(
        "https://helix.example.com/careers")
    for address in ("https://Helix.example.com/careers", "https://helix.example.com/Careers"):
        assert page_key(address) == short_hash(address)[:10]


def _moved(to: str) -> Reply:
    return Reply(b"", status=302, headers={"Location": to}, content_type="text/html")


HOME = page("<h1>Welcome to Helix Bio</h1>", head="<title>Helix Bio</title>")


def _only_with_query(target: str):  # type: ignore[no-untyped-def]
    """``/careers`` redirects to ``target`` (``/careers?lang=en``), which lists nothing."""
    def handler(path: str, query: dict[str, str]) -> Reply:
        return EMPTIED["no JSON-LD at all"] if query else _moved(target)
    return handler


REDIRECTS = {  # where /careers now sends its visitors: the routes, and whether it closes
    # the jobs page removed: its visitors sent to the home page
    "/": ({"/careers": _moved("/"), "/": HOME}, False),
    # another path: the page moved, or another page altogether
    "/about/jobs": ({"/careers": _moved("/about/jobs"), "/about/jobs": HOME}, False),
    # the same page with a trailing slash, or with another query: it plainly read
    "/careers/": ({"/careers": _moved("/careers/"),
                   "/careers/": EMPTIED["no JSON-LD at all"]}, True),
    "/careers?lang=en": ({"/careers": _only_with_query("/careers?lang=en")}, True),
    # the folder's index file: the same page
    "/careers/index.html": ({"/careers": _moved("/careers/index.html"),
                             "/careers/index.html": EMPTIED["no JSON-LD at all"]}, True),
}


@pytest.mark.parametrize("target", list(REDIRECTS))
def test_a_redirect_to_another_page_closes_nothing_and_names_both_addresses(
        careers: tuple[ReplayServer, Path, Path], target: str) -> None:
    """Before, a jobs page redirected to the home page (no canonical link, no login or
    error title, text enough) read as a page that lists no job: every posting closed. The
    fetch's final address (``http.Response.final_url``) now tells; a page that ended at
    another path did not plainly read. The same page (slash, query) is still the page."""
    server, config, db = careers
    assert _sync(db, config)["new"] == 2
    opened = _open(db)
    routes, closes = REDIRECTS[target]
    server.routes.update(routes)
    report = _sync(db, config)
    if closes:
        assert (report["closed"], report["failed"], report["errors"]) == (2, 0, [])
        assert _open(db) == []
        return
    assert (report["closed"], report["failed"]) == (0, 1)
    (error,) = report["errors"]
    assert f"redirected {server.url}/careers to {server.url}{target}" in error
    assert "nothing was closed" in error
    assert _open(db) == opened


def test_a_redirected_page_that_lists_jobs_is_read() -> None:
    """A page that redirects to one listing jobs (a locale's path) gives them: only a page
    with no JobPosting is checked for where it ended."""
    body = fixture("jsonld/careers.html").body
    doc = Document(source="jsonld", ref="https://helix.example.com/careers", content=body,
                   media_type="text/html", fetched_at=datetime(2026, 3, 20, tzinfo=UTC),
                   final_url="https://helix.example.com/en/careers")
    assert len(list(make_source("jsonld", {}).parse(doc))) == 2


@pytest.mark.parametrize(("ref", "final", "plainly_read"), [
    ("https://helix.example.com/careers", "https://www.helix.example.com/careers/", True),
    ("http://helix.example.com/careers", "https://helix.example.com/careers", True),
    ("https://www.helix.example.com/careers", "https://helix.example.com/careers?src=x", True),
    ("https://helix.example.com/karriere/über", "https://helix.example.com/karriere/%C3%BCber",
     True),
    # the host as httpx writes a redirect's address (punycode), a default port said, the
    # index file of a folder (int17 read each as a redirect to another page)
    ("http://bücher.example/karriere", "https://xn--bcher-kva.example/karriere", True),
    ("https://helix.example.com:443/careers", "https://helix.example.com/careers", True),
    ("https://helix.example.com/careers", "https://helix.example.com/careers/index.html", True),
    ("https://helix.example.com:8443/careers", "https://helix.example.com/careers", False),
    ("https://helix.example.com/careers", "https://helix.example.com/index.html", False),
    ("https://helix.example.com/careers", "https://helix.example.com/", False),
    ("https://helix.example.com/careers", "https://jobs.other.example/helix", False),
])
def test_a_fetch_that_ended_at_the_same_page_is_the_page(
        ref: str, final: str, plainly_read: bool) -> None:
    doc = Document(source="jsonld", ref=ref, content=page("<h1>Careers</h1>").body,
                   media_type="text/html", fetched_at=datetime(2026, 3, 20, tzinfo=UTC),
                   final_url=final)
    expected = EmptyListing if plainly_read else ParseError
    with pytest.raises(expected) as raised:
        list(make_source("jsonld", {}).parse(doc))
    assert (f"redirected {ref} to {final}" in str(raised.value)) is not plainly_read


@pytest.mark.parametrize(("title", "body", "is_check"), [
    ("Checking your browser before accessing helix.example.com", "", True),
    ("Pardon Our Interruption", "", True),
    ("Verifying you are human", "", True),
    ("Careers at Helix Bio", "<script>window._cf_chl_opt = {cvId: '3'};</script>", True),
    ("Helix Bio", '<div id="px-captcha"></div>', True),
    # Cloudflare's older challenge box in a site's own designed challenge page
    ("Helix Bio", ('<div class="cf-browser-verification cf-im-under-attack"><div id="cf-content"'
                   '><h1>Checking your browser before accessing helix.example.com.</h1></div>'
                   '<form id="challenge-form" action="/careers?__cf_chl_jschl_tk__=5d1a" '
                   'method="POST"><input type="hidden" name="jschl_vc" value="0f3c"/></form>'
                   "</div>"), True),
    # a protection's scripts in every page it serves make no bot check of an emptied page
    ("Careers at Helix Bio", ('<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js">'
                              '</script><script>window._pxAppId = "PXa1b2c3d4";</script>'),
     False),
    ("Security Engineer Careers | Helix Bio", "", False),
    ("Jobs at Captcha Works", "", False),
    ("Please Wait Staff | Diner Jobs", "", False),
])
def test_a_bot_check_is_told_by_its_title_or_what_only_it_carries(
        title: str, body: str, is_check: bool) -> None:
    doc = Document(source="jsonld", ref="https://helix.example.com/careers",
                   content=page(f"<h1>Careers</h1>{body}", head=f"<title>{title}</title>").body,
                   media_type="text/html", fetched_at=datetime(2026, 3, 20, tzinfo=UTC))
    with pytest.raises(ParseError if is_check else EmptyListing) as raised:
        list(make_source("jsonld", {}).parse(doc))
    message = str(raised.value)
    assert ("blocks automated reading" in message) is is_check
    assert "https://helix.example.com/careers" in message
