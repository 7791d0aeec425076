"""mljobs serves one person's store on their machine: a page of another site must not read
it through the API, nor post to it. Decided (docs/web.md, "Other sites"): no CORS (no
``Access-Control-Allow-Origin``: a browser lets no other site read an answer; OPTIONS, a
preflight, stays a 405, so a browser sends no cross-site request but a plain form's); a
plain form another site posts (``Origin`` another host than ``Host``) is refused, where
``POST /match`` with "save" ticked wrote the resume it carried into the resumes folder; and
``serve`` on a loopback address (its default) refuses a request that names another host, as
a site does whose DNS name was turned to 127.0.0.1 (DNS rebinding), which the browser takes
for that site's own origin and lets read every answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.web import create_app
from mljobs.web.app import loopback_name

EVIL = "http://evil.example"


def test_no_other_site_is_let_read_an_answer(client: TestClient) -> None:
    for path in ("/api/search?q=pytorch", "/api/stats", "/", "/api/openapi.json"):
        answer = client.get(path, headers={"Origin": EVIL})
        assert answer.status_code == 200, path
        assert not any(k.lower().startswith("access-control-") for k in answer.headers), path
    preflight = client.options("/api/search", headers={
        "Origin": EVIL, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 405
    assert not any(k.lower().startswith("access-control-") for k in preflight.headers)


def test_a_form_another_site_posts_is_refused_and_saves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    from mljobs.store import open_store

    open_store(db).close()
    resume = {"resume": ("cv.txt", b"Machine learning engineer, 5 years of PyTorch.",
                         "text/plain")}
    with TestClient(create_app(db)) as client:
        for path, data in (("/match", {"save": "on"}), ("/api/match", {})):
            answer = client.post(path, files=resume, data=data, headers={"Origin": EVIL})
            assert answer.status_code == 403, (path, answer.text)
            assert "a page of another site (http://evil.example) cannot send" in answer.text
        assert not (tmp_path / "resumes").exists()  # (before: resumes/cv.txt, written)
        # as a browser says it: Sec-Fetch-Site says whose page it was (sent to localhost
        # and https), and a page that hides its origin (no referrer) sends "Origin: null"
        for hostile in ({"Origin": "null", "Sec-Fetch-Site": "cross-site"},
                        {"Origin": "null", "Sec-Fetch-Site": "same-site"}, {"Origin": "null"}):
            sent = client.post("/match", files=resume, data={"save": "on"}, headers=hostile)
            assert sent.status_code == 403, hostile
        assert not (tmp_path / "resumes").exists()
        # this server's own page posts as its own origin, or says none (curl): answered
        for own in ({"Origin": "http://testserver"},
                    {"Origin": "null", "Sec-Fetch-Site": "same-origin"}, {}):
            assert client.post("/match", files=resume, headers=own).status_code == 200, own
        assert client.post("/api/match", files=resume).json()["ok"] is True


@pytest.mark.parametrize(("host", "served"), [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("[::1]:8000", True),
    ("localhost.:8000", True), ("LOCALHOST:8000", True),
    ("evil.example:8000", False), ("192.168.1.5:8000", False), ("[::1", False),
    ("[zz]:8000", False), ("", False)])
def test_a_local_server_answers_only_requests_naming_this_machine(
        tmp_path: Path, host: str, served: bool) -> None:
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db, local=True)) as client:
        answer = client.get("/api/stats", headers={"Host": host})
    assert answer.status_code == (200 if served else 403), answer.text
    if not served:
        assert "this server answers this machine only" in answer.json()["error"]


def test_a_server_for_other_machines_answers_any_name(tmp_path: Path) -> None:
    """``serve --host 0.0.0.0`` answers other machines, by whatever name they use."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        assert client.get("/api/stats", headers={"Host": "mybox.lan:8000"}).status_code == 200
    assert loopback_name("127.0.0.1") and loopback_name("localhost") and loopback_name("::1")
    assert not loopback_name("0.0.0.0") and not loopback_name("evil.example")


def test_a_host_or_origin_no_url_reads_is_refused_not_a_server_error(tmp_path: Path) -> None:
    """A ``Host`` or ``Origin`` that is no URL's (an IPv6 address left open: ``[::1``) made
    the check itself raise (urlsplit's "Invalid IPv6 URL"): a 500, "Something went wrong on
    our side". Neither names this machine, nor a page of it: refused as any other name."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    resume = {"resume": ("cv.txt", b"Machine learning engineer, 5 years of PyTorch.",
                         "text/plain")}
    with TestClient(create_app(db, local=True), raise_server_exceptions=False) as client:
        answer = client.get("/api/stats", headers={"Host": "[::1"})
        assert answer.status_code == 403, answer.text
        assert "this server answers this machine only" in answer.json()["error"]
        for origin in ("http://[::1", "http://[evil"):
            sent = client.post("/api/match", files=resume,
                               headers={"Host": "localhost:8000", "Origin": origin})
            assert sent.status_code == 403, (origin, sent.text)
            assert f"a page of another site ({origin}) cannot send" in sent.json()["error"]
    with TestClient(create_app(db), raise_server_exceptions=False) as client:  # (0.0.0.0)
        sent = client.post("/match", files=resume, data={"save": "on"},
                           headers={"Origin": "http://[::1"})
        assert sent.status_code == 403, sent.text
        assert not (tmp_path / "resumes").exists()



def test_this_machine_by_its_full_name_is_answered(tmp_path: Path) -> None:
    """``localhost.`` (the name with the root's dot, which browsers take for localhost) was
    refused as another site's; a request naming no host at all: tests/web/test_serve.py."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db, local=True)) as client:
        for host in ("localhost.:8000", "mljobs.localhost.:8000", "LOCALHOST.:8000"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example.:8000", "localhost..:8000", ".:8000"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 403, host


def test_a_refused_host_is_told_where_the_server_answers(tmp_path: Path) -> None:
    """The refusal said whose name was refused and why, not where the server does answer nor
    how to answer another name. And a Host no browser sends was read loosely, as a URL's:
    ``evil.example@localhost`` as localhost (the part after a user name), ``[::1]]`` as ::1."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db, local=True)) as client:
        for host in ("evil.example@localhost:8000", "[::1]]:8000", "localhost:http"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 403, host
        page = client.get("/", headers={"Host": "jobs.home:8000"})
    said = " ".join(BeautifulSoup(page.text, "html.parser").get_text().split())
    assert page.status_code == 403
    assert "'jobs.home:8000'" in said and "http://localhost:8000/" in said, said
    assert "jobs.localhost" in said and "--host 0.0.0.0" in said, said


def test_a_page_of_another_site_is_refused_by_a_server_for_other_machines(
        tmp_path: Path) -> None:
    """``serve --host 0.0.0.0``, opened at http://192.0.2.2:PORT: Chromium sends no
    ``Sec-Fetch-Site`` there (plain http, not localhost), and our pages sent ``Origin: null``
    (their referrer policy was no-referrer), so "null" was let through, and a page of another
    site that hides its origin (``<meta name="referrer" content="no-referrer">``) sends just
    that: its form with "save" ticked wrote the resume into the resumes folder. Our pages'
    policy is now same-origin, so Chromium sends their origin (checked: /work/h31/readBD,
    secfetch.py), and "null" without Sec-Fetch-Site is refused."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    resume = {"resume": ("cv.txt", b"Machine learning engineer, 5 years of PyTorch.",
                         "text/plain")}
    lan = "192.0.2.2:8000"
    with TestClient(create_app(db)) as client:
        assert client.get("/match").headers["referrer-policy"] == "same-origin"
        hidden = client.post("/match", files=resume, data={"save": "on"},
                             headers={"Host": lan, "Origin": "null"})
        assert hidden.status_code == 403, hidden.text
        assert not (tmp_path / "resumes").exists()
        own = client.post("/match", files=resume, data={"save": "on"},
                          headers={"Host": lan, "Origin": f"http://{lan}"})
        assert own.status_code == 200, own.text
        assert (tmp_path / "resumes" / "cv.txt").exists()


def test_a_local_server_answers_the_machine_by_its_own_name(tmp_path: Path) -> None:
    """The machine's host name ("vm", which /etc/hosts may give 127.0.0.1) names it: a
    request for it was refused as a page of another site's."""
    import socket

    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    own = socket.gethostname()
    with TestClient(create_app(db, local=True)) as client:
        for host in (f"{own}:8000", own.upper(), f"{own}.:8000"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host
        refused = client.get("/api/stats", headers={"Host": f"not-{own}:8000"})
    assert refused.status_code == 403
    assert f", {own.lower()} or a loopback address" in refused.json()["error"] or (
        own.lower() == "localhost")


def test_a_malformed_origin_is_another_sites_and_no_error(tmp_path: Path) -> None:
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        for origin in ("http://[::1", "http://[zz]"):
            answer = client.post("/api/match", files={"resume_text": (None, "ML engineer")},
                                 headers={"Origin": origin})
            assert answer.status_code == 403, (origin, answer.text)  # (a 500 before)
        # (a server for other machines answers any Host, one that names no address too)
        assert client.get("/api/stats", headers={"Host": "[zz]:80"}).status_code == 200


def test_a_refused_hosts_page_links_the_same_page_where_it_is_answered(tmp_path: Path) -> None:
    """The refused host's page (a user who typed http://myhost:8000/dashboard?since=30d) had
    one link, "Back to search", and a search box: both to the refused name, so each was
    refused again, and http://localhost:8000/ was text to retype, without the page asked for
    nor its filters. It links that page, filters kept, by the name that is answered."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db, local=True)) as client:
        for asked, there in (("/dashboard?since=30d", "http://localhost:8000/dashboard?since=30d"),
                             ("/?q=pytorch&remote=remote",
                              "http://localhost:8000/?q=pytorch&remote=remote")):
            page = client.get(asked, headers={"Host": "myhost:8000"})
            assert page.status_code == 403
            section = BeautifulSoup(page.text, "html.parser").select_one("section.error")
            links = [a["href"] for a in section.select("a")]
            assert links == [there], links
            assert section.select("form") == []  # (a search box sent to the refused name)
            assert client.get(there.removeprefix("http://localhost:8000"),
                              headers={"Host": "localhost:8000"}).status_code == 200


def test_a_refused_hosts_page_keeps_the_paths_encoded_characters(tmp_path: Path) -> None:
    """The link was built from the decoded path: a posting whose id holds a "/" (its page
    /posting/a%2Fb, as ``posting_url`` quotes it) was linked at /posting/a/b, another page
    (a 404). The path is linked as it was asked for, encoded characters kept."""
    from mljobs.store import open_store

    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db, local=True)) as client:
        for asked in ("/posting/hn%2F123", "/posting/a%25b", "/%2e%2e/dashboard",
                      "/caf%C3%A9?q=a%20b&x=%22"):
            page = client.get(asked, headers={"Host": "myhost:8000"})
            assert page.status_code == 403
            section = BeautifulSoup(page.text, "html.parser").select_one("section.error")
            links = [a["href"] for a in section.select("a")]
            assert links == [f"http://localhost:8000{asked}"], (asked, links)
