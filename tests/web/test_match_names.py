"""The match page names archetypes as the search page's facet does ("Research / ML
engineer"), not by slug ("research-engineer"), and still posts the slug."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def test_match_form_names_archetypes_as_search_does(client: TestClient) -> None:
    search = BeautifulSoup(client.get("/").text, "html.parser")
    facet = {a["data-value"]: a.get_text(" ", strip=True).rsplit(" ", 1)[0]
             for a in search.select("a.facet-value[href*='archetype=']")}
    assert "research-engineer" in facet
    form = BeautifulSoup(client.get("/match").text, "html.parser")
    options = {o["value"]: o.get_text(strip=True)
               for o in form.select("select[name=archetype] option") if o["value"]}
    for slug, name in facet.items():
        assert options[slug] == name.lstrip("✓ ").strip()
