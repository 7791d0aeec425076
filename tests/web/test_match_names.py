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


RESUME = b"Machine learning engineer, 5 years of Python, PyTorch and Kubernetes."


def test_match_refuses_an_unknown_archetype_as_the_cli_does(client: TestClient) -> None:
    # (it was read as "any archetype" and ranked everything, saying nothing)
    response = client.post("/match", files={"resume": ("cv.txt", RESUME)},
                           data={"archetype": "research-enginer"})
    assert response.status_code == 400
    text = BeautifulSoup(response.text, "html.parser").get_text(" ")
    assert "Unknown archetype 'research-enginer'" in text
    assert "research-engineer, applied-researcher" in text  # the choices are named


def test_match_takes_an_archetype_in_any_case(client: TestClient) -> None:
    response = client.post("/match", files={"resume": ("cv.txt", RESUME)},
                           data={"archetype": "Research-Engineer"})
    assert response.status_code == 200, response.text
    page = BeautifulSoup(response.text, "html.parser")
    chosen = page.select_one("select[name=archetype] option[selected]")
    assert chosen is not None and chosen["value"] == "research-engineer"


def test_match_without_a_file_asks_for_one_on_the_match_page(client: TestClient) -> None:
    # (it was the generic error page: "resume: Field required / body.resume: Field required")
    response = client.post("/match", data={"archetype": "research-engineer"})
    assert response.status_code == 400
    page = BeautifulSoup(response.text, "html.parser")
    text = " ".join(page.get_text(" ").split())
    assert "Choose a resume file" in text and "body.resume" not in text
    assert page.select_one("input[type=file][name=resume]") is not None  # the form, to retry
