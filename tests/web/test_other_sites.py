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
        # as a browser says it: Chromium sends "Origin: null" from our pages (their
        # Referrer-Policy is no-referrer), and Sec-Fetch-Site says whose page it was
        hostile = client.post("/match", files=resume, data={"save": "on"}, headers={
            "Origin": "null", "Sec-Fetch-Site": "cross-site"})
        assert hostile.status_code == 403
        assert not (tmp_path / "resumes").exists()
        # this server's own page posts as its own origin, or says none (curl): answered
        for own in ({"Origin": "http://testserver"}, {"Origin": "null"},
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
    assert f"by the name localhost, 127.0.0.1 or {own.lower()}" in refused.json()["error"] or (
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
