"""The posting page reads like ``mljobs show``: remote disagreement, pay lines, roles,
equity, and the id of a post split into roles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import Enrichment, Posting, Remote, Salary, SalaryInterval
from mljobs.store import open_store
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
EVIL = "<script>window.__xss='role'</script>Evil role"
ROLES = Enrichment(version="t", roles=["ML Engineer", EVIL])  # type: ignore[call-arg]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("posting") / "p.sqlite3"
    estimate = Salary(min=33_000, max=62_000, currency="USD", interval=SalaryInterval.YEAR,
                      stated=False, text="$33K-$62K (Glassdoor est.)")
    store = open_store(db)
    store.upsert([
        Posting(id="glassdoor-2020:p1", source="glassdoor-2020", source_id="p1",
                title="Data Scientist", remote=Remote.ONSITE, salary=estimate,
                description_text="Pay: $140,000.00 - $185,000.00 per year. "
                                 "Staff: $190,000 - $230,000 per year. Stock options.",
                enrichment=Enrichment(version="t", remote="hybrid", equity=True)),
        Posting(id="hackernews:7/r1", source="hackernews", source_id="7/r1",
                title="ML Engineer", description_text="Train models. Python.",
                enrichment=ROLES),
        Posting(id="hackernews:7/r2", source="hackernews", source_id="7/r2",
                title=EVIL, description_text="Another role.",
                enrichment=ROLES),
    ], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    assert "<script>window.__xss" not in response.text
    return BeautifulSoup(response.text, "html.parser")


def test_remote_badge_says_when_the_text_disagrees(client: TestClient) -> None:
    badge = page(client, "/posting/glassdoor-2020:p1").select_one(".meta .remote")
    assert badge is not None and badge.text == "onsite (the text says hybrid)"
    assert "remote-onsite" in badge["class"]


def test_pay_lines_stated_first_with_cents_and_labels(client: TestClient) -> None:
    lines = [s.text for s in page(client, "/posting/glassdoor-2020:p1").select(".meta > .salary")]
    assert lines == [
        "140,000.00–185,000.00 USD / year (first of 2 pay figures in the text)",
        "33,000–62,000 USD / year (Glassdoor's estimate, not stated by the employer)",
    ]


def test_equity_is_shown(client: TestClient) -> None:
    doc = page(client, "/posting/glassdoor-2020:p1")
    assert doc.select_one(".meta .equity") is not None
    facts = {dt.text: dt.find_next_sibling("dd").text for dt in doc.select("dl.facts dt")}
    assert facts["Equity"] == "mentioned"
    other = page(client, "/posting/hackernews:7/r1")
    assert other.select_one(".meta .equity") is None


def test_roles_of_a_multi_role_post_are_listed_and_escaped(client: TestClient) -> None:
    items = page(client, "/posting/hackernews:7/r1").select("ul.roles li")
    assert [li.text for li in items] == ["ML Engineer (this posting)", EVIL]
    assert page(client, "/posting/glassdoor-2020:p1").select("ul.roles") == []


def test_the_id_of_a_split_post_lists_its_role_postings(client: TestClient) -> None:
    doc = page(client, "/posting/hackernews:7")
    links = [(a.text, a["href"]) for a in doc.select("ul.roles a")]
    assert links == [("ML Engineer", "/posting/hackernews:7%2Fr1"),
                     (EVIL, "/posting/hackernews:7%2Fr2")]
    for _, href in links:
        assert client.get(href).status_code == 200
    assert client.get("/posting/hackernews:8").status_code == 404


@pytest.fixture(scope="module")
def web_db_client(web_db: Path) -> Iterator[TestClient]:
    """The demo store of conftest (this module's ``client`` is its own small store)."""
    with TestClient(create_app(web_db, now=lambda: NOW)) as c:
        yield c


def test_the_original_and_its_date_are_on_the_first_screen(web_db_client: TestClient) -> None:
    """A seeker's next step is the posting where it was posted (to apply); its link was only
    under "Where it was posted" at the foot of the page (on a phone, after the whole
    description), and the page's head did not say when it was posted."""
    hit = web_db_client.get("/api/search?q=engineer&limit=1").json()["hits"][0]
    posting = web_db_client.get(f"/api/postings/{hit['id']}").json()["posting"]
    page = BeautifulSoup(web_db_client.get(f"/posting/{hit['id']}").text, "html.parser")
    meta = page.select_one("article.posting > div.meta")
    link = meta.select_one("a.original")
    assert link is not None and link["href"] == posting["url"]
    assert link.get_text() == "The posting on hackernews \u2197"
    assert "noopener" in link["rel"]
    assert meta.select_one(".date").get_text() == "posted " + posting["posted_at"][:10]


def test_no_original_link_without_a_safe_url(client: TestClient) -> None:
    page = BeautifulSoup(client.get("/posting/hackernews:7/r1").text, "html.parser")
    assert page.select_one("a.original") is None  # it has no URL


def test_degree_phd_and_ml_share_are_said_in_words(client: TestClient) -> None:
    """The posting's facts showed stored values a seeker does not read ("none-stated",
    "not-mentioned", "none") beside "not stated" and "not mentioned" in words; they are
    said as the search page's facets say them, and the sidebar names degrees in words."""
    facts = {dt.text: dt.find_next_sibling("dd").text
             for dt in page(client, "/posting/glassdoor-2020:p1").select("dl.facts dt")}
    assert (facts["Degree"], facts["PhD"], facts["ML share"]) == (
        "none stated", "not mentioned", "none: no ML")
    facets = page(client, "/?q=data").select("details.facet")
    shown = {d.select_one("summary").get_text(" ", strip=True).split(" (")[0]:
             [s.text for s in d.select("span.label")] for d in facets}
    degree = next(v for k, v in shown.items() if k.startswith("Degree"))
    assert degree == ["none stated"]


def test_years_and_times_are_said_as_they_are_meant(tmp_path: Path) -> None:
    """"Years 5" read as exactly five where the posting asks for five or more, and "First
    seen 2026-06-01 12:00" named no time zone (the store keeps UTC)."""
    db = tmp_path / "y.sqlite3"
    store = open_store(db)
    store.upsert([
        Posting(id="file:five", source="file", source_id="five", title="ML Engineer",
                description_text="5+ years of Python.",
                enrichment=Enrichment(version="t", years_min=5)),
        Posting(id="file:one", source="file", source_id="one", title="Data Scientist",
                description_text="1+ year of SQL.",
                enrichment=Enrichment(version="t", years_min=1)),
    ], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as client:
        five, one = ({dt.text: dt.find_next_sibling("dd").text
                      for dt in page(client, f"/posting/{pid}").select("dl.facts dt")}
                     for pid in ("file:five", "file:one"))
    assert (five["Years"], one["Years"]) == ("at least 5 years", "at least 1 year")
    assert (five["First seen"], five["Last seen"]) == ("2026-06-01 12:00 UTC",) * 2
