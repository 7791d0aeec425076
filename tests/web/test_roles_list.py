"""The posting page of a role posting lists the post's roles and marks the one shown by its id,
not by its title (two roles of one post may share a title): a post imported through the CLI
and one stored with two roles of the same title."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app as cli
from mljobs.models import Enrichment, Posting
from mljobs.store import open_store
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
VOICE = "Build real-time speech systems. Own the transcription pipelines and their latency. " * 2
PROTO = "Prototype and ship AI workflows end to end. Own evaluation and monitoring of models. " * 2


def marked(client: TestClient, pid: str) -> tuple[list[str], list[str]]:
    """The roles listed on ``pid``'s page, and those marked as the posting shown."""
    response = client.get(f"/posting/{pid}")
    assert response.status_code == 200, response.text[:300]
    items = BeautifulSoup(response.text, "html.parser").select("ul.roles li")
    return [li.text for li in items], [li.strong.text for li in items if li.strong]


@pytest.fixture
def imported(hn_sample: Path, tmp_path: Path) -> Iterator[TestClient]:
    text = ("Acme Clinics | Remote (US)<p>Acme Clinics builds software for hospitals.<p>"
            f"- Senior AI Engineer (Voice Bots): $160k<p>{VOICE}<p>"
            f"- Senior AI Engineer (Rapid Prototyping): $160k<p>{PROTO}<p>"
            "Apply: jobs@acme.example")
    lines = hn_sample.read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] = text
    sample = tmp_path / "sample.jsonl"
    sample.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", "utf-8")
    db = tmp_path / "hn.sqlite3"
    res = CliRunner().invoke(cli, ["--db", str(db), "import", str(sample)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with TestClient(create_app(db)) as client:
        yield client


def test_each_role_page_marks_only_itself(imported: TestClient) -> None:
    roles = [h["id"] for h in imported.get("/api/search", params={"q": "Acme Clinics"}).json()["hits"]]
    assert len(roles) == 2 and all("/r" in r for r in roles), roles
    seen = []
    for pid in sorted(roles):
        listed, bold = marked(imported, pid)
        assert listed[0] != listed[1]  # (each keeps its bracket)
        assert len(bold) == 1
        seen.append(bold[0])
    assert seen == ["Senior AI Engineer (Voice Bots)", "Senior AI Engineer (Rapid Prototyping)"]


@pytest.fixture
def same_titles(tmp_path: Path) -> Iterator[TestClient]:
    # (a store whose two role postings share a title, as before the titles were kept apart,
    # and a title the post only names, which has no posting)
    names = ["Senior AI Engineer", "Data Analyst", "Senior AI Engineer"]
    enr = Enrichment(version="t", roles=names)  # type: ignore[call-arg]
    db = tmp_path / "p.sqlite3"
    store = open_store(db)
    store.upsert([Posting(id=f"hackernews:9/r{n}", source="hackernews", source_id=f"9/r{n}",
                          title="Senior AI Engineer", description_text=text, enrichment=enr)
                  for n, text in ((1, VOICE), (2, PROTO))], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        yield client


def test_roles_of_one_title_are_marked_by_id(same_titles: TestClient) -> None:
    for pid, want in (("hackernews:9/r1", 0), ("hackernews:9/r2", 2)):
        response = same_titles.get(f"/posting/{pid}")
        items = BeautifulSoup(response.text, "html.parser").select("ul.roles li")
        assert [li.text.endswith("(this posting)") for li in items] == [i == want for i in range(3)]
        other = items[2 - want].select_one("a")
        assert other is not None  # (the other role posting is linked)
        assert same_titles.get(str(other["href"])).status_code == 200
        assert items[1].select_one("a") is None  # (a role with no posting of its own)


def test_a_closed_role_whose_title_an_open_one_holds_marks_itself(tmp_path: Path) -> None:
    """Each role's page lists the same ids in the same places (the open ones first, by
    number), but a role that left the post, read by the post's reading of its time, marks
    itself where its title is, not the open role of that title."""
    db = tmp_path / "p.sqlite3"
    store = open_store(db)
    enr = Enrichment(version="t", roles=["Data Analyst", "Senior AI Engineer"])  # type: ignore[call-arg]
    store.upsert([Posting(id=f"hackernews:9/r{n}", source="hackernews", source_id=f"9/r{n}",
                          title="Senior AI Engineer", description_text=text, enrichment=enr)
                  for n, text in ((1, VOICE), (2, PROTO))], now=NOW)
    store.close_open(["hackernews:9/r1"], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        assert marked(client, "hackernews:9/r1") == (
            ["Data Analyst", "Senior AI Engineer (this posting)"], ["Senior AI Engineer"])


def test_a_role_its_post_does_not_have_names_the_roles_it_has(
        imported: TestClient, tmp_path: Path) -> None:
    """``/posting/<post>/r9`` (a URL edited by hand, an id from an older reading) said only
    "No posting ... search for it at /"; the page, the API and ``mljobs show`` now name the
    post's roles, as they do for the post's own id."""
    roles = sorted(h["id"] for h in imported.get(
        "/api/search", params={"q": "Acme Clinics"}).json()["hits"])
    post = roles[0].rsplit("/", 1)[0]
    said = (f"{post} was split into one posting per role: {post}/r1 (Senior AI Engineer (Voice "
            f"Bots)); {post}/r2 (Senior AI Engineer (Rapid Prototyping))")
    page = imported.get(f"/posting/{post}/r9")
    assert page.status_code == 404
    shown = BeautifulSoup(page.text, "html.parser").select_one(".error-message").get_text()
    assert shown == f"No posting '{post}/r9' in this store; {said}"
    api = imported.get(f"/api/postings/{post}/r9")
    assert api.status_code == 404 and api.json()["error"] == shown
    db = tmp_path / "hn.sqlite3"
    show = CliRunner().invoke(cli, ["--db", str(db), "show", f"{post}/r9"])
    assert show.exit_code == 1
    assert " ".join(show.output.split()) == (
        f"InputError: no posting '{post}/r9' in {db}; {said}")
    # a role id of no split post is still said as before
    other = imported.get("/posting/hackernews:1/r1")
    assert other.status_code == 404 and "search for it at /" in other.text
