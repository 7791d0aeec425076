"""Each page's ``<title>`` names what it shows: it is what a screen reader says first, what a
tab, a bookmark and the history list show. A search with filters was "Search · mljobs" as if
it held every posting, every dashboard view "ML job market · mljobs", an error "404 ·
mljobs", a split post's page its bare id and the match page the same with a result or an
error."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def title(response_text: str) -> str:
    return BeautifulSoup(response_text, "html.parser").title.get_text()


@pytest.mark.parametrize(("url", "expected"), [
    ("/", "Search · mljobs"),
    ("/?q=pytorch", "pytorch · Search · mljobs"),
    ("/?q=pytorch&archetype=research-engineer&remote=remote&page=2",
     "pytorch · Archetype: Research / ML engineer; Remote: remote · Search, page 2 · mljobs"),
    ("/?since=1y&salary_min=120000",
     "Posted within a year; Salary from 120,000 USD a year · Search · mljobs"),
    ("/?skills=PyTorch&skills=JAX&skills=SQL&country=GB",
     "Skills: PyTorch, JAX or SQL and 1 more filter · Search · mljobs"),
    # (each value named with its field: "core: ML is the job, unknown" said of what neither)
    ("/?ml_share=core&visa=unknown",
     "How much is ML: core (ML is the job); Visa: not said in the posting · Search · mljobs"),
    # (only the ML share's words are "value: meaning"; a company or skill spelt with ": " is
    # named as it is: "Company: Lab (AI Research)" named a company no one has)
    ("/?company=Lab%3A%20AI%20Research&skills=C%3A%20the%20language",
     "Company: Lab: AI Research; Skills: C: the language · Search · mljobs"),
    ("/dashboard", "ML job market · mljobs"),
    ("/dashboard?archetype=research-engineer&since=1y",
     "ML job market · Archetype: Research / ML engineer; Posted within a year · mljobs"),
    ("/nowhere", "404 Not found · mljobs"),
    ("/posting/nowhere", "404 Not found · mljobs"),
    ("/?page=abc", "400 Bad request · mljobs"),
])
def test_the_title_names_what_the_page_shows(client: TestClient, url: str,
                                             expected: str) -> None:
    assert title(client.get(url).text) == expected


def test_the_match_page_title_says_a_result_or_an_error(client: TestClient) -> None:
    resume = b"Jane Roe\nMachine learning engineer\nPython, PyTorch, SQL\n"
    result = client.post("/match", files={"resume": ("jane.txt", resume)})
    assert title(result.text) == "Matches for jane.txt · Match a resume · mljobs"
    error = client.post("/match", data={"limit": "5"})
    assert error.status_code == 400
    assert title(error.text) == "Error · Match a resume · mljobs"
    assert title(client.get("/match").text) == "Match a resume · mljobs"


def test_a_split_posts_title_says_it_lists_roles(split_client: TestClient) -> None:
    hits = split_client.get("/api/search", params={"limit": 100}).json()["hits"]
    role = next(h["id"] for h in hits if re.search(r"/r\d+$", h["id"]))
    post = role.rsplit("/", 1)[0]
    assert title(split_client.get(f"/posting/{post}").text) == \
        f"One post, 2 roles: {post} · mljobs"


def test_a_long_posting_title_is_cut_and_says_so(client: TestClient) -> None:
    """A Hacker News title is the post's whole first line; the tab showed its first 80
    characters cut mid-word ("... | Part-ti"), as if that were the title. It is cut as
    ``mljobs show`` cuts one, with "…"."""
    hits = client.get("/api/search", params={"q": "engineer", "limit": 100}).json()["hits"]
    long = next(h for h in hits if len(h["title"]) > 80)
    shown = title(client.get(long["url"]).text)
    assert shown.endswith("… · mljobs") and len(shown) <= 80 + len(" · mljobs")
    assert long["title"].startswith(shown.removesuffix("… · mljobs"))
