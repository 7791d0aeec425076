"""The pages as a keyboard or screen-reader user meets them: one h1 and headings in order,
the state of a facet in words, links named for where they go, paging to the first and last
page, and required vs nice-to-have skills told apart by more than colour.

Every check is a real request to the app (TestClient) and a parse of the HTML it sends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.store import open_store
from mljobs.web import create_app

from .conftest import DUP_CANONICAL

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def soup(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def heading_levels(page: BeautifulSoup) -> list[int]:
    return [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]


def assert_outline(page: BeautifulSoup) -> None:
    """One h1, first; no level is skipped on the way down (h1 -> h3)."""
    levels = heading_levels(page)
    assert levels and levels[0] == 1 and levels.count(1) == 1, levels
    for before, after in pairwise(levels):
        assert after <= before + 1, levels


def accessible_text(tag: BeautifulSoup) -> str:
    """The link's text as a screen reader reads it (hidden-from-sight text included,
    ``aria-hidden`` parts left out)."""
    for hidden in tag.select('[aria-hidden="true"]'):
        hidden.decompose()
    return " ".join(tag.get_text(" ", strip=True).split())


@pytest.mark.parametrize("url", ["/", "/?q=pytorch&page=2", "/dashboard", "/match",
                                 f"/posting/{DUP_CANONICAL}", "/posting/nowhere"])
def test_every_page_has_one_h1_and_headings_in_order(client: TestClient, url: str) -> None:
    response = client.get(url)
    page = BeautifulSoup(response.text, "html.parser")
    assert page.html["lang"] == "en"
    assert_outline(page)


def test_skip_link_leads_past_the_facets_to_the_results(client: TestClient) -> None:
    page = soup(client, "/?q=engineer")
    skip = page.select_one("body > a.skip")
    assert skip is not None and skip.get_text(strip=True) == "Skip to results"
    target = page.select_one(skip["href"])
    assert target is not None and target.select("li.hit")
    # the skip link comes before every facet link in the tab order
    links = page.find_all("a")
    assert links.index(skip) < links.index(page.select_one("a.facet-value"))


def test_a_chosen_facet_says_so_in_words(client: TestClient) -> None:
    page = soup(client, "/?archetype=research-engineer&since=1y")
    chosen = page.select_one('details[data-facet="archetype"] a.facet-value.on')
    other = page.select_one('details[data-facet="archetype"] a.facet-value:not(.on)')
    assert "selected" in accessible_text(chosen)
    assert "selected" not in accessible_text(other)
    assert chosen.get("aria-pressed") is None  # not a button: a link to the page without it
    since = page.select_one('details[data-facet="since"] a.facet-value.on')
    assert accessible_text(since).startswith("a year") and "selected" in accessible_text(since)


def test_dashboard_csv_links_name_their_chart(client: TestClient) -> None:
    page = soup(client, "/dashboard")
    names = [accessible_text(a) for a in page.select("a.csv")]
    assert len(names) == 6 and len(set(names)) == 6, names
    skills = page.select_one("#panel-skills")
    assert skills.h2.get_text(strip=True) in accessible_text(skills.select_one("a.csv"))


def test_paging_has_first_and_last_page_links(client: TestClient) -> None:
    first = soup(client, "/")
    total = int(first.select_one("#total").text.replace(",", ""))
    pages = -(-total // 20)
    assert pages >= 4, "the demo store has enough postings to page"
    assert first.select_one(".pager a.first") is None  # on page 1 already
    last = first.select_one(".pager a.last")
    assert last is not None and str(pages) in last.get_text()
    end = soup(client, last["href"])
    assert len(end.select("li.hit")) == total - (pages - 1) * 20
    assert end.select_one('.pager a[rel="next"]') is None and end.select_one(".pager a.last") is None
    assert end.title.get_text().startswith(f"Search, page {pages} ")
    back = end.select_one(".pager a.first")
    assert back is not None and "page" not in parse_qs(urlsplit(back["href"]).query)
    assert soup(client, back["href"]).select_one("li.hit")["data-id"] == \
        first.select_one("li.hit")["data-id"]


def test_match_page_says_which_skills_are_missing(client: TestClient) -> None:
    resume = (b"Jane Roe\nMachine learning engineer, 6 years\n"
              b"Python, PyTorch, Kubernetes, SQL, Docker\nMSc Computer Science\n")
    response = client.post("/match", files={"resume": ("cv.txt", resume)})
    assert response.status_code == 200, response.text[:300]
    page = BeautifulSoup(response.text, "html.parser")
    items = page.select("#matches li")
    assert items
    for item in items:
        for box, word in ((".skills-have", "You have:"), (".skills-missing", "Missing:")):
            part = item.select_one(box)
            if part is not None:
                assert part.get_text(" ", strip=True).startswith(word)
    assert any(i.select_one(".skills-missing .skill.miss") for i in items)
    # the score is said as a score out of 100, not a bare number
    assert accessible_text(items[0].select_one(".score")).endswith("out of 100")


@pytest.fixture(scope="module")
def headed_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store with a posting whose own HTML has h1, h2 and h4 headings (Greenhouse boards
    send such HTML), enriched with a required and a nice-to-have skill."""
    db = tmp_path_factory.mktemp("headed") / "h.sqlite3"
    store = open_store(db)
    html = ("<h1>Acme</h1><p>We build robots.</p><h2>What you will do</h2>"
            "<p>Train models in PyTorch.</p><h4>Nice to have</h4><p>Some JAX.</p>")
    enr = Enrichment(version="t", archetype="research-engineer",  # type: ignore[call-arg]
                     archetype_proba={"research-engineer": 1.0},
                     skills=[SkillMention(name="PyTorch", surface="PyTorch", required=True),
                             SkillMention(name="JAX", surface="JAX", required=False)])
    store.upsert([Posting(id="file:headed", source="file", source_id="headed",
                          title="ML Engineer", description_text="We build robots.",
                          description_html=html, enrichment=enr)], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def test_posting_headings_sit_under_the_page_title(headed_client: TestClient) -> None:
    page = soup(headed_client, "/posting/file:headed")
    assert_outline(page)
    assert page.h1.get_text(strip=True) == "ML Engineer"
    body = page.select_one(".desc-body")
    assert [h.name for h in body.find_all(re.compile(r"^h[1-6]$"))] == ["h3", "h4", "h5"]
    assert [h.get_text(strip=True) for h in body.find_all(re.compile(r"^h[1-6]$"))] == \
        ["Acme", "What you will do", "Nice to have"]
    heading = page.select_one(".description h2")
    assert heading.get_text(strip=True) == "Description"


def test_required_and_nice_skills_differ_beyond_colour(headed_client: TestClient) -> None:
    page = soup(headed_client, "/posting/file:headed")
    assert page.select_one(".desc-body mark.skill-required").get_text() == "PyTorch"
    assert page.select_one(".desc-body mark.skill-nice").get_text() == "JAX"
    legend = page.select_one(".legend").get_text(" ", strip=True)
    assert "solid underline" in legend and "dotted underline" in legend
    css = headed_client.get("/static/style.css").text

    def decoration(selector: str) -> str:
        rules = re.findall(re.escape(selector) + r"\s*\{([^}]*)\}", css)
        found = [m for rule in rules for m in re.findall(r"text-decoration:\s*([^;]+);", rule)]
        assert found, selector
        return found[-1]

    assert "solid" in decoration("mark.skill-required")
    assert "dotted" in decoration("mark.skill-nice")


@pytest.mark.parametrize("amount", ["1234567", "125000", "150000.5"])
def test_minimum_salary_keeps_every_digit_in_links_and_form(client: TestClient,
                                                            amount: str) -> None:
    """Facet, paging and JSON links and the form carry the amount typed (``:g`` wrote
    1234567 as 1.23457e+06, i.e. 1234570); the field takes any amount, not multiples of
    10,000 (a browser refuses to submit a value off the field's step)."""
    page = soup(client, f"/?salary_min={amount}")
    field = page.select_one('input[name="salary_min"]')
    assert field["value"] == amount and field["step"] == "any"
    links = [a["href"] for a in page.select("a.facet-value, .pager a")]
    links.append(next(a["href"] for a in page.find_all("a") if a.get_text() == "This search as JSON"))
    assert links
    for href in links:
        assert parse_qs(urlsplit(href).query)["salary_min"] == [amount], href


def test_the_probability_chart_reads_out_its_numbers(headed_client: TestClient) -> None:
    """The bar chart is one image to a screen reader (role=img): its name carries the
    archetypes and percentages, not only "Archetype probabilities"."""
    chart = soup(headed_client, "/posting/file:headed").select_one("svg.proba")
    assert chart["role"] == "img"
    assert chart["aria-label"].startswith("Archetype probabilities: Research / ML engineer 100%")


def test_a_chosen_dashboard_value_outside_the_top_12_stays_listed(client: TestClient) -> None:
    """The dashboard lists the 12 most common values of a facet; a chosen value below them
    vanished, so it could be neither seen nor unticked (only "Clear filters" undid it)."""
    page = soup(client, "/dashboard")
    listed = {a["data-value"] for a in page.select('details[data-facet="skills"] a.facet-value')}
    rare = next(s for s in ("Rust", "Go", "Scala", "Julia", "Haskell", "C++", "JAX")
                if s not in listed)
    chosen = soup(client, f"/dashboard?skills={rare}")
    box = chosen.select_one('details[data-facet="skills"]')
    on = box.select("a.facet-value.on")
    assert [a["data-value"] for a in on] == [rare]
    assert box.has_attr("open")
    assert soup(client, on[0]["href"]).select_one('details[data-facet="skills"] a.on') is None


@pytest.mark.parametrize(("url", "focused"), [
    ("/", True), ("/?q=pytorch", False), ("/?archetype=research-engineer", False),
    ("/?page=2", False), ("/?since=1y", False),
])
def test_only_the_bare_search_page_takes_the_focus(client: TestClient, url: str,
                                                   focused: bool) -> None:
    """A results page opened from a facet or pager link left focus in the query box, so a
    keyboard or screen-reader user started over at the top of the form every time."""
    field = soup(client, url).select_one('input[name="q"]')
    assert field.has_attr("autofocus") is focused


@pytest.mark.parametrize("page", ["/", "/dashboard"])
def test_chosen_facet_values_head_their_list(client: TestClient, page: str) -> None:
    """A chosen value with few postings was sorted by its count to the bottom of a list
    that scrolls (16rem): its tick was out of sight and had to be hunted to be undone. The
    chosen values come first, then the others by count."""
    listed = [a["data-value"] for a in
              soup(client, page).select('details[data-facet="skills"] a.facet-value')]
    rare, common = listed[-1], listed[0]
    box = soup(client, f"{page}?skills={rare}&skills={common}").select_one(
        'details[data-facet="skills"]')
    values = box.select("a.facet-value")
    on = [a["data-value"] for a in values if "on" in a["class"]]
    assert sorted(on) == sorted([rare, common])
    assert [a["data-value"] for a in values[:2]] == on
    rest = [int(a.select_one(".count").get_text().replace(",", "")) for a in values[2:]]
    assert rest == sorted(rest, reverse=True)


def test_a_chosen_month_heads_the_month_list(client: TestClient) -> None:
    """The month facet sorts newest first; a chosen old month stayed at the bottom (its own
    sort undid the chosen-first order of the other facets)."""
    months = [a["data-value"] for a in
              soup(client, "/").select('details[data-facet="month"] a.facet-value')]
    assert len(months) > 2
    oldest = months[-1]
    listed = [a["data-value"] for a in
              soup(client, f"/?month={oldest}").select('details[data-facet="month"] a.facet-value')]
    assert listed[0] == oldest
    assert listed[1:] == [m for m in months if m != oldest]
