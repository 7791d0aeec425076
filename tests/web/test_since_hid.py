"""A search whose "posted within" hides every result: the page said "No postings match.
Remove a filter or try fewer words.", while ``mljobs search --since`` says what the period
hid ("None posted since ...; without --since 27 match, the newest posted 2026-05-05"). The
demo's posts end in May 2026, so a user opening it months later with "30 days" picked saw
nothing and no reason. The page now says it, with a link to the results without the
period."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def test_a_period_that_hides_every_result_says_what_it_hid(client: TestClient) -> None:
    newest = client.get("/api/search", params={"q": "pytorch", "sort": "date", "limit": 1}).json()
    assert newest["total"] > 0
    day = newest["hits"][0]["posted_at"][:10]
    page = client.get("/", params={"q": "pytorch", "since": "7d"})
    assert page.status_code == 200
    note = BeautifulSoup(page.text, "html.parser").find(id="since-hid")
    assert note is not None, page.text
    text = " ".join(note.get_text().split())
    assert text == (f"None posted within 7 days; without that limit {newest['total']:,} "
                    f"match, the newest posted {day}. Show them")
    link = note.find("a")
    assert link is not None and link["href"] == "/?q=pytorch"


def test_no_note_when_the_words_find_nothing_either(client: TestClient) -> None:
    page = client.get("/", params={"q": "zzzqqqxxy", "since": "7d"})
    assert page.status_code == 200 and 'id="since-hid"' not in page.text
    assert re.search(r"No postings match", page.text)


def test_the_dashboard_says_what_its_period_hid(client: TestClient) -> None:
    """The dashboard of a period with no posting said "0 postings" and "No data for these
    filters" under each chart, though the archetype filter alone keeps postings."""
    kept = client.get("/api/search", params={"archetype": "research-engineer", "sort": "date",
                                             "limit": 1}).json()
    assert kept["total"] > 0
    day = kept["hits"][0]["posted_at"][:10]
    page = client.get("/dashboard", params={"archetype": "research-engineer", "since": "7d",
                                            "trend": "PyTorch"})
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    assert "· 0 postings" in soup.select_one("h1").get_text()
    note = soup.find(id="since-hid")
    assert note is not None
    assert " ".join(note.get_text().split()) == (
        f"None posted within 7 days; without that limit {kept['total']:,} postings, the "
        f"newest posted {day}. Show them")
    assert note.find("a")["href"] == "/dashboard?trend=PyTorch&archetype=research-engineer"
    shown = BeautifulSoup(client.get(note.find("a")["href"]).text, "html.parser")
    assert f"· {kept['total']:,} posting" in shown.select_one("h1").get_text()
    assert client.get("/dashboard", params={"since": "1y"}).text.count('id="since-hid"') == 0
