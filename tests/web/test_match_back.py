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


def test_a_long_paste_is_kept_as_far_as_it_is_read(
        served: tuple[TestClient, Clock, Path]) -> None:
    """The answer keeps the pasted text for the box it comes back in. A paste up to the
    resume's size limit (10 MB) was kept whole: the last 20 answers, up to 200 MB of the
    server's memory for an hour, each sent whole again at every Back or Reload. Only its
    first ``max_chars`` characters are read (the page's note says so): those are kept."""
    from mljobs.resume import DEFAULT_LIMITS

    client, _clock, _db = served
    pasted = RESUME + " Trained PyTorch models." * 20_000  # (480,000 characters more)
    page = BeautifulSoup(client.get(_answer(client, resume_text=pasted)).text, "html.parser")
    box = page.select_one("textarea[name=resume_text]")
    assert box is not None
    assert box.get_text() == pasted[:DEFAULT_LIMITS.max_chars]
    said = " ".join(page.get_text().split())
    assert f"Only the start of this long file was read (the first " \
           f"{DEFAULT_LIMITS.max_chars:,} characters)" in said
    short = BeautifulSoup(client.get(_answer(client)).text, "html.parser")
    assert short.select_one("textarea[name=resume_text]").get_text() == RESUME  # (whole)


def test_an_answer_no_longer_kept_keeps_the_match_settings(
        served: tuple[TestClient, Clock, Path]) -> None:
    """Reload of an answer the server no longer keeps (an hour on, or after a restart) came
    back to the form with its menus and number box reset: the URL held the token only. The
    settings ride in the answer's URL, so the form comes back as the match was made."""
    client, clock, _db = served
    url = _answer(client, limit="3", archetype="research-engineer", remote="remote")
    assert "archetype=research-engineer" in url and "limit=3" in url
    clock.now = NOW + KEEP_MATCH + timedelta(seconds=1)
    gone = client.get(url)
    assert gone.status_code == 404
    page = BeautifulSoup(gone.text, "html.parser")
    assert page.select_one("input[name=limit]")["value"] == "3"
    assert page.select_one("select[name=archetype] option[selected]")["value"] == \
        "research-engineer"
    assert page.select_one("select[name=remote] option[selected]")["value"] == "remote"
    assert GONE in " ".join(page.get_text().split())
    plain = _answer(client)  # the defaults add nothing to the URL
    assert plain.split("?")[1].startswith("result=") and "&" not in plain


def test_an_answer_no_longer_kept_marks_no_field_invalid(
        served: tuple[TestClient, Clock, Path]) -> None:
    """The page of an answer no longer kept marked the empty resume fields
    ``aria-invalid="true"`` (a screen reader said "invalid entry"): nothing was given wrong.
    Its message still describes the fields, where the resume is given again."""
    client, clock, _db = served
    url = _answer(client)
    clock.now = NOW + KEEP_MATCH + timedelta(seconds=1)
    page = BeautifulSoup(client.get(url).text, "html.parser")
    assert page.select("[aria-invalid]") == []
    assert page.select_one("textarea[name=resume_text]")["aria-describedby"] == "match-error"
    assert GONE in page.select_one("#match-error").get_text()
    refused = BeautifulSoup(client.post("/match", data={"resume_text": " "}).text, "html.parser")
    assert refused.select_one("textarea[name=resume_text]")["aria-invalid"] == "true"
