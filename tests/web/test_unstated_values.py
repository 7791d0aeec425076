"""A fact a posting does not state (visa sponsorship, company stage, seniority, remote) is
said in words on the posting page and in the facets of the search page and the dashboard;
the stored value ("unknown", "not-offered") stays the filter's and the JSON API's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import Enrichment, Posting
from mljobs.store import open_store
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
UNSAID = "not said in the posting"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("unstated") / "u.sqlite3"
    store = open_store(db)
    store.upsert([
        Posting(id="file:quiet", source="file", source_id="quiet", title="ML Engineer",
                description_text="Train models in Python.",
                enrichment=Enrichment(version="t", archetype="research-engineer")),
        Posting(id="file:said", source="file", source_id="said", title="Data Scientist",
                description_text="Senior. Remote. Seed-stage startup. No visa sponsorship.",
                enrichment=Enrichment(version="t", archetype="data-scientist-ml",
                                      seniority="senior", remote="remote",
                                      visa="not-offered", company_stage="startup")),
    ], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def soup(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def facts(client: TestClient, posting_id: str) -> dict[str, str]:
    return {dt.text: dt.find_next_sibling("dd").text
            for dt in soup(client, f"/posting/{posting_id}").select("dl.facts dt")}


def facet_labels(client: TestClient, url: str) -> dict[str, dict[str, str]]:
    """Each facet group's values as shown, by the value its link filters on."""
    return {d["data-facet"]: {a["data-value"]: a.select_one("span.label").text
                              for a in d.select("a.facet-value")}
            for d in soup(client, url).select("details.facet")}


def test_the_posting_page_says_what_the_posting_does_not_state(client: TestClient) -> None:
    said = facts(client, "file:quiet")
    assert (said["Visa"], said["Company stage"], said["Seniority"], said["Remote"]) == (
        UNSAID, UNSAID, UNSAID, UNSAID)
    assert "unknown" not in soup(client, "/posting/file:quiet").select_one(
        "dl.facts").get_text(" ")
    other = facts(client, "file:said")
    assert (other["Visa"], other["Company stage"], other["Seniority"], other["Remote"]) == (
        "no sponsorship", "startup", "senior", "remote")


@pytest.mark.parametrize("url", ["/", "/dashboard"])
def test_the_facets_say_it_in_words_and_filter_on_the_stored_value(
        client: TestClient, url: str) -> None:
    groups = facet_labels(client, url)
    assert groups["visa"] == {"unknown": UNSAID, "not-offered": "no sponsorship"}
    assert groups["company_stage"]["unknown"] == UNSAID
    assert groups["seniority"]["unknown"] == UNSAID
    assert groups["remote"]["unknown"] == UNSAID
    # the link still filters on the stored value, and finds the posting that says nothing
    link = soup(client, url).select_one('details[data-facet="visa"] a[data-value="unknown"]')
    assert "visa=unknown" in link["href"]
    page = soup(client, "/?visa=unknown")
    assert [h["data-id"] for h in page.select("li.hit")] == ["file:quiet"]


def test_the_api_keeps_the_stored_values(client: TestClient) -> None:
    body = client.get("/api/search", params={"visa": "unknown"}).json()
    assert body["total"] == 1
    visa = {f["value"] for f in body["facets"]["visa"]}
    assert visa == {"unknown"}
    posting = client.get("/api/postings/file:quiet").json()
    enrichment = posting["posting"]["enrichment"]
    assert (enrichment["visa"], enrichment["company_stage"]) == ("unknown", "unknown")


def test_specialisations_and_seniorities_are_said_in_words(tmp_path: Path) -> None:
    """The posting page and the facets showed "llm-genai", "rl" and "staff-plus"."""
    db = tmp_path / "s.sqlite3"
    store = open_store(db)
    store.upsert([Posting(id="file:1", source="file", source_id="1", title="Staff ML Engineer",
                          description_text="LLMs and RL.",
                          enrichment=Enrichment(version="t", seniority="staff-plus",
                                                specialisation=["llm-genai", "rl"]))], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        said = facts(client, "file:1")
        assert (said["Specialisation"], said["Seniority"]) == (
            "LLMs / generative AI, reinforcement learning", "staff or above")
        for url in ("/", "/dashboard"):
            groups = facet_labels(client, url)
            assert groups["specialisation"] == {"llm-genai": "LLMs / generative AI",
                                                "rl": "reinforcement learning"}
            assert groups["seniority"] == {"staff-plus": "staff or above"}
        assert client.get("/api/search", params={"specialisation": "rl"}).json()["total"] == 1


def test_a_blank_value_is_no_facet_value_and_reads_as_not_said(tmp_path: Path) -> None:
    """A store whose postings hold a blank value (an older or hand-made store): the dashboard
    listed it as an empty label whose link (``?seniority=``) filtered nothing, the search page
    a " " company stage, and the posting page showed empty facts."""
    db = tmp_path / "b.sqlite3"
    store = open_store(db)
    store.upsert([Posting(id="file:1", source="file", source_id="1", title="ML Engineer",
                          description_text="Models.",
                          enrichment=Enrichment(version="t", seniority="", visa="",
                                                company_stage=" ", specialisation=[""]))],
                 now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        for url in ("/", "/dashboard"):
            groups = facet_labels(client, url)
            groups.pop("since", None)  # ("any time": the period's own empty value)
            assert "seniority" not in groups and "visa" not in groups
            for values in groups.values():
                assert all(value.strip() and label.strip() for value, label in values.items())
        said = facts(client, "file:1")
    assert (said["Seniority"], said["Visa"], said["Company stage"], said["Specialisation"]) == (
        UNSAID, UNSAID, UNSAID, "none stands out")
