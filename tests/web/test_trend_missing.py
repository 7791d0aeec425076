"""A trend skill no posting asks for is named on the dashboard (the trends chart said only
"No data for these filters", as if a filter were to blame)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def test_a_trend_skill_no_posting_asks_for_is_named(client: TestClient) -> None:
    response = client.get("/dashboard", params={"trend": "pytorch, Pytorchh"})
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    note = page.select_one("#panel-trends #trend-missing")
    assert note is not None
    text = " ".join(note.get_text(" ").split())
    # pytorch is PyTorch; Pytorchh is spelt like it, and the link asks for PyTorch instead
    assert "asks for Pytorchh (did you mean PyTorch ?);" in text and "pytorch," not in text
    assert page.select_one("#chart-trends") is not None  # PyTorch is still drawn
    known = BeautifulSoup(client.get("/dashboard", params={"trend": "PyTorch"}).text,
                          "html.parser")
    assert known.select_one("#trend-missing") is None


def test_a_misspelt_trend_skill_links_the_stored_spelling(client: TestClient) -> None:
    page = BeautifulSoup(client.get("/dashboard", params={
        "trend": "Python,pytorh,qxzvw", "since": "1y"}).text, "html.parser")
    note = page.select_one("#trend-missing")
    text = " ".join(note.get_text(" ").split())
    assert "pytorh (did you mean PyTorch ?), qxzvw;" in text  # (nothing is spelt like qxzvw)
    [link] = note.select("a")
    assert link.get_text() == "PyTorch"
    fixed = BeautifulSoup(client.get(link["href"]).text, "html.parser")
    # the other skills and the period are kept; only the misspelt one is replaced
    assert fixed.select_one("input[name=trend]")["value"] == "Python,PyTorch,qxzvw"
    assert "since=1y" in link["href"]
    rows = {tr.select("td, th")[1].get_text(strip=True)
            for tr in fixed.select("#panel-trends tbody tr")}
    assert {"Python", "PyTorch"} <= rows


def test_a_trend_skill_given_by_its_alias_offers_the_skill_it_stands_for(
        client: TestClient) -> None:
    """Trend "LLM" (the Skills facet says "large language models") was offered vLLM, the
    name spelt most like it; an alias of the skill taxonomy is now offered its skill."""
    page = BeautifulSoup(client.get("/dashboard", params={"trend": "PyTorch, LLM"}).text,
                         "html.parser")
    text = " ".join(page.select_one("#trend-missing").get_text(" ").split())
    assert "asks for LLM (did you mean large language models ?)" in text
    [link] = page.select("#trend-missing a")
    fixed = BeautifulSoup(client.get(link["href"]).text, "html.parser")
    assert fixed.select_one("input[name=trend]")["value"] == "PyTorch,large language models"
    assert fixed.select_one("#trend-missing") is None


def test_the_suggestion_link_never_asks_for_a_skill_twice(client: TestClient) -> None:
    """With the skill already asked for, the link swapping in its spelling asked for it
    twice ("trend=large language models,large language models")."""
    page = BeautifulSoup(client.get("/dashboard", params={
        "trend": "large language models, LLM"}).text, "html.parser")
    [link] = page.select("#trend-missing a")
    fixed = BeautifulSoup(client.get(link["href"]).text, "html.parser")
    assert fixed.select_one("input[name=trend]")["value"] == "large language models"
