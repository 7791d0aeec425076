"""Back after a match (or after opening a posting from it) showed the browser's "confirm form
resubmission", and sending the form again read the resume again: the answer was the POST's.
Now the POST redirects (303) to the answer's own URL, ``/match?result=TOKEN``, a GET the
browser goes back to; the answer is kept in the server's memory only (the last 20, an hour
each: never on disk, and ``no-store`` for the browser's cache), and a URL whose answer is
gone says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.web import create_app
from mljobs.web.match_routes import GONE, KEEP_MATCH, KEPT_MATCHES

from .conftest import NOW

RESUME = ("Ada Lovelace\\nMachine Learning Engineer\\n2019-2024 ML Engineer at Acme: trained "
          "PyTorch models, 5 years of Python, deployed on Kubernetes. MSc Computer Science.")


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def served(web_db: Path) -> Iterator[tuple[TestClient, Clock, Path]]:
    clock = Clock()
    with TestClient(create_app(web_db, now=clock)) as client:
        yield client, clock, web_db


def _answer(client: TestClient, **form: str) -> str:
    sent = client.post("/match", data={"resume_text": RESUME, **form}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    where = sent.headers["location"]
    assert where.startswith("/match?result=") and where.endswith("#result")
    return where.split("#")[0]


def test_the_answer_is_a_get_of_its_own_url(served: tuple[TestClient, Clock, Path]) -> None:
    client, _clock, db = served
    url = _answer(client, limit="3", archetype="research-engineer")
    first = client.get(url)
    assert first.status_code == 200 and first.headers["cache-control"] == "no-store"
    page = BeautifulSoup(first.text, "html.parser")
    assert 1 <= len(page.select("#matches > li")) <= 3
    assert page.select_one("input[name=limit]")["value"] == "3"  # (the choices kept)
    assert client.get(url).text == first.text  # Back: the same answer, nothing sent again
    assert not (db.parent / "resumes").exists()  # (memory only)
    other = _answer(client)
    assert other != url and client.get(url).text == first.text


def test_an_answer_no_longer_kept_says_so(served: tuple[TestClient, Clock, Path]) -> None:
    client, clock, _db = served
    url = _answer(client)
    clock.now = NOW + KEEP_MATCH + timedelta(seconds=1)
    gone = client.get(url)
    said = " ".join(BeautifulSoup(gone.text, "html.parser").get_text().split())
    assert gone.status_code == 404 and GONE in said
    assert client.get("/match?result=never-made").status_code == 404
    first = _answer(client)  # the oldest of more than KEPT_MATCHES goes
    for _ in range(KEPT_MATCHES):
        _answer(client)
    assert client.get(first).status_code == 404


def test_a_saved_resume_is_saved_once(served: tuple[TestClient, Clock, Path]) -> None:
    client, _clock, db = served
    url = _answer(client, save="on")
    saved = sorted((db.parent / "resumes").iterdir())
    assert [p.name for p in saved] == ["pasted-resume.txt"]
    for _ in range(2):
        assert "pasted-resume.txt" in client.get(url).text
    assert sorted((db.parent / "resumes").iterdir()) == saved
