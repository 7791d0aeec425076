"""A match whose posting names no company shows its title alone: it ended in a bare "·"
with nothing after it, as if a company were missing from the page."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from .conftest import web_client

BODY = ("We need a data scientist for product analytics: SQL, Python, A/B testing, "
        "dashboards in Tableau, experiment design and stakeholder reports.")


def test_a_match_without_a_company_has_no_dangling_separator(tmp_path: Path,
                                                            resume_path: Path) -> None:
    rows = [{"id": "gd-1", "source": "glassdoor-2020", "title": "Data Scientist",
             "company": "Named Co", "location": "Austin, TX", "text": BODY},
            {"id": "gd-2", "source": "glassdoor-2020", "title": "Product Data Analyst",
             "location": "Austin, TX", "text": BODY}]
    pool = tmp_path / "pool.jsonl"
    pool.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with web_client(tmp_path, pool) as client:
        res = client.post("/match", files={"resume": ("dana.md", resume_path.read_bytes())})
    assert res.status_code == 200, res.text
    shown = {li.a.get_text(): li.select_one("a + span.dim") for li in
             BeautifulSoup(res.text, "html.parser").select("#matches li")}
    assert set(shown) == {"Data Scientist", "Product Data Analyst"}
    named = shown["Data Scientist"]
    assert named is not None and named.get_text(strip=True) == "· Named Co"
    assert shown["Product Data Analyst"] is None


def test_a_match_links_its_posting_as_search_does(tmp_path: Path, resume_path: Path) -> None:
    """The match page wrote a posting's link as /posting/glassdoor-2020%3A1 and search as
    /posting/glassdoor-2020:1: two URLs for one page, in history and bookmarks, and a
    posting opened from search was not marked visited among the matches."""
    rows = [{"id": "gd-1", "source": "glassdoor-2020", "title": "Data Scientist",
             "company": "Named Co", "location": "Austin, TX", "text": BODY}]
    pool = tmp_path / "pool.jsonl"
    pool.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with web_client(tmp_path, pool) as client:
        matched = BeautifulSoup(client.post("/match", files={
            "resume": ("dana.md", resume_path.read_bytes())}).text, "html.parser")
        found = BeautifulSoup(client.get("/?q=scientist").text, "html.parser")
    match_link = matched.select_one("#matches li a")["href"]
    search_link = found.select_one("li.hit h2 a")["href"]
    assert match_link == search_link
    assert "%3A" not in match_link
