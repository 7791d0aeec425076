"""A filter value no posting has (``archetype=foo``, ``remote=moon``, as a hand-edited or
old bookmarked URL gives) answered an empty list and no word why, on the search page and
on ``/api/search`` and ``/api/dashboard``. All now name the value and the values the store
has (all of a short list, else the closest); a known value, in any case, gets no note."""

from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient


def _notes(html: str) -> list[str]:
    block = re.search(r'<div id="unknown-filters">(.*?)</div>', html, re.DOTALL)
    return [] if block is None else [" ".join(unescape(re.sub(r"<[^>]+>", " ", p)).split())
                                     for p in re.findall(r"<p[^>]*>(.*?)</p>", block[1], re.DOTALL)]


def test_search_page_names_an_unknown_archetype_and_the_known_ones(client: TestClient) -> None:
    page = client.get("/?archetype=foo")
    assert page.status_code == 200
    [note] = _notes(page.text)
    assert note.startswith("No posting in the store has archetype 'foo'; the store has: ")
    known = note.split("the store has: ", 1)[1].rstrip(".").split(", ")
    assert "research-engineer" in known and "data-scientist-ml" in known


def test_search_page_names_an_unknown_remote_value(client: TestClient) -> None:
    [note] = _notes(client.get("/?remote=moon&remote=remote").text)
    assert note.startswith("No posting in the store has remote 'moon'; the store has: ")
    assert "remote" in note.split("the store has: ", 1)[1]


def test_known_values_in_any_case_get_no_note(client: TestClient) -> None:
    page = client.get("/?archetype=Research-Engineer&remote=REMOTE")
    assert page.status_code == 200
    assert _notes(page.text) == []
    assert client.get("/api/search?archetype=research-engineer").json()["notes"] == []


def test_api_search_notes_an_unknown_value(client: TestClient) -> None:
    body = client.get("/api/search?archetype=foo&remote=moon").json()
    assert body["ok"] is True and body["total"] == 0
    assert [n.split(";")[0] for n in body["notes"]] == [
        "no posting in the store has archetype 'foo'",
        "no posting in the store has remote 'moon'"]
    assert "the store has: " in body["notes"][0] and "research-engineer" in body["notes"][0]


def test_a_long_unknown_value_is_cut_in_the_note(client: TestClient) -> None:
    body = client.get("/api/search?company=" + "x" * 5000).json()
    [note] = body["notes"]
    assert len(note) < 400 and "x" * 79 + "…'" in note


def test_api_dashboard_notes_unknown_values_and_trend_skills_as_the_page_says_them(
    client: TestClient
) -> None:
    # (/api/dashboard answered empty tables and no word why; the page names both)
    for url in ("/api/dashboard?archetype=foo&trend=pytorh,zzqqx",
                "/api/dashboard/trends?archetype=foo&trend=pytorh,zzqqx"):
        body = client.get(url).json()
        assert body["ok"] is True
        assert [n.split(";")[0] for n in body["notes"]] == [
            "no posting in the store has archetype 'foo'",
            "no posting these filters keep asks for the trend skill 'pytorh'",
            "no posting these filters keep asks for the trend skill 'zzqqx'"]
        assert "did you mean 'PyTorch'?" in body["notes"][1]
        assert "named as in the skills facet" in body["notes"][2]
    body = client.get("/api/dashboard?archetype=Research-Engineer&trend=PyTorch").json()
    assert body["notes"] == [] and body["postings"] > 0
    body = client.get("/api/dashboard/trends?trend=LLM").json()  # an alias of the taxonomy
    [note] = body["notes"]
    assert note == ("no posting asks for the trend skill 'LLM'; "
                    "did you mean 'large language models'?")


def test_dashboard_page_names_an_unknown_value_as_its_api_does(client: TestClient) -> None:
    """The dashboard said "0 postings" and "No data for these filters" under each chart, and
    no word of why, though ``/api/dashboard``'s ``notes`` named the value."""
    page = client.get("/dashboard?archetype=foo&remote=remote")
    assert page.status_code == 200
    api = client.get("/api/dashboard?archetype=foo&remote=remote").json()["notes"]
    assert _notes(page.text) == [note[:1].upper() + note[1:] + "." for note in api]
    assert _notes(page.text)[0].startswith("No posting in the store has archetype 'foo'")
    assert _notes(client.get("/dashboard?archetype=research-engineer").text) == []
