"""The server-rendered pages, in-process (TestClient + BeautifulSoup)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def soup(client: TestClient, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def facet_links(page: BeautifulSoup, name: str) -> dict[str, tuple[str, int, bool]]:
    box = page.select_one(f'details.facet[data-facet="{name}"]')
    assert box is not None, f"no facet {name}"
    out = {}
    for a in box.select("a.facet-value"):
        out[a["data-value"]] = (a["href"], int(a.select_one(".count").text.replace(",", "")),
                                "on" in a.get("class", []))
    return out


def test_search_shows_hits_with_highlights_and_metadata(client: TestClient) -> None:
    page = soup(client, "/?q=natural+language+processing")
    total = int(page.select_one("#total").text.replace(",", ""))
    hits = page.select("li.hit")
    assert total >= len(hits) > 0
    assert all(h.select_one(".snippet mark") for h in hits), "every snippet highlights a word"
    assert {m.text.lower() for m in page.select(".snippet mark")} & {"natural", "language"}
    first = hits[0]
    assert first.select_one("h2 a")["href"].startswith("/posting/")
    assert first.select_one(".date").text.strip()[:4] == "2026"
    assert first.select_one(".sources").text.strip() == "hackernews"
    assert page.select_one('input[name="q"]')["value"] == "natural language processing"


def test_archetype_facet_filters_and_is_in_the_url(client: TestClient) -> None:
    page = soup(client, "/?q=engineer")
    counts = facet_links(page, "archetype")
    href, count, on = counts["research-engineer"]
    assert not on and count > 0
    assert parse_qs(urlsplit(href).query) == {"q": ["engineer"],
                                              "archetype": ["research-engineer"]}
    filtered = soup(client, href)
    assert int(filtered.select_one("#total").text) == count
    badges = {b.text for b in filtered.select("li.hit .badge")}
    assert badges == {"Research / ML engineer"}
    # the selected value is shown as on; its link removes it again
    back, _count, on = facet_links(filtered, "archetype")["research-engineer"]
    assert on and parse_qs(urlsplit(back).query) == {"q": ["engineer"]}


def test_every_facet_of_the_issue_is_offered(client: TestClient) -> None:
    page = soup(client, "/")
    offered = {d["data-facet"] for d in page.select("details.facet")}
    assert {"archetype", "specialisation", "skills", "seniority", "degree", "phd", "remote",
            "source", "month", "company_stage", "visa"} <= offered
    since = [a["data-value"] for a in page.select('details[data-facet="since"] a')]
    assert since == ["", "7d", "30d", "90d", "1y"]
    assert page.select_one('input[name="salary_min"]') is not None


def test_sort_paging_and_state_round_trip(client: TestClient) -> None:
    page = soup(client, "/?q=python&sort=date&remote=remote")
    dates = [h.select_one(".date").text for h in page.select("li.hit")]
    assert dates == sorted(dates, reverse=True)
    next_href = page.select_one('a[rel="next"]')["href"]
    assert parse_qs(urlsplit(next_href).query) == {
        "q": ["python"], "sort": ["date"], "remote": ["remote"], "page": ["2"]}
    page2 = soup(client, next_href)
    assert page2.select_one("ol.hits")["start"] == "21"
    ids1 = {h["data-id"] for h in page.select("li.hit")}
    ids2 = {h["data-id"] for h in page2.select("li.hit")}
    assert ids1 and ids2 and not ids1 & ids2
    assert page2.select_one('a[rel="prev"]') is not None


def test_salary_and_since_filters(client: TestClient) -> None:
    everything = int(soup(client, "/").select_one("#total").text.replace(",", ""))
    recent = soup(client, "/?since=30d&sort=date")
    assert 0 < int(recent.select_one("#total").text.replace(",", "")) < everything
    dates = [h.select_one(".date").text for h in recent.select("li.hit")]
    assert dates and min(dates) >= "2026-05-02"
    rich = soup(client, "/?salary_min=160000")
    hit = rich.select_one('li.hit[data-id="file:hostile-1"]')
    assert hit is not None
    assert hit.select_one(".salary").text == "150,000–190,000 USD / year"
    assert hit.select_one(".where").text == "<b onmouseover=alert(1)>Remote</b>"
    assert soup(client, "/?salary_min=1000000").select("li.hit") == []


def test_posting_page_explains_itself(client: TestClient, web_db: Path) -> None:
    from mljobs.store import SQLiteStore

    with SQLiteStore(web_db) as store:
        pid = store.resolve_id("hn-46467172")
        assert pid is not None
        posting = store.get(pid)
    assert posting is not None and posting.enrichment is not None
    page = soup(client, f"/posting/{pid}")
    assert page.select_one("h1").text == posting.title
    marks = page.select(".desc-body mark.skill")
    required = {s.name for s in posting.enrichment.skills if s.required}
    assert marks, "skills are highlighted in the description"
    assert {m.get("title", "").split(" (")[0] for m in marks if "skill-required" in m["class"]} \
        <= required
    chips = {c.text for c in page.select(".chip-required")}
    assert chips == required
    bars = page.select("svg.proba g")
    assert len(bars) == len(posting.enrichment.archetype_proba)
    assert bars[0].select_one("rect.top") is not None
    facts = {dt.text: dd.text for dt, dd in zip(page.select(".facts dt"), page.select(".facts dd"))}
    seniority = posting.enrichment.seniority  # (in words when the posting does not state it)
    assert facts["Seniority"] == ("not said in the posting" if seniority == "unknown"
                                  else seniority)
    assert facts["Status"] == "open"
    assert page.select_one(f'.sources a[href="{posting.url}"]') is not None


def test_posting_page_links_every_source_and_duplicate(client: TestClient) -> None:
    page = soup(client, "/posting/file:dup-canonical")
    links = [a["href"] for a in page.select(".sources a")]
    assert {"https://example.org/jobs/1", "/posting/greenhouse:dup-1", "/posting/lever:dup-2",
            "https://boards.example.org/dupco/1", "https://jobs.example.org/dupco/2"} <= set(links)
    assert not [h for h in links if not h.startswith(("https://", "/posting/"))]
    assert "also on greenhouse, lever" in page.select_one(".sources").text
    # each page elsewhere linked once: a duplicate's beside it, not again in the list above
    outside = [h for h in links if h.startswith("https://")]
    assert sorted(outside) == sorted(set(outside)), outside
    dup = soup(client, "/posting/greenhouse:dup-1")
    assert "/posting/file:dup-canonical" in {a["href"] for a in dup.select(".sources a")}
    # duplicates are not listed as separate search results
    hits = soup(client, "/?q=dupco").select("li.hit")
    assert [h["data-id"] for h in hits] == ["file:dup-canonical"]


def test_posting_found_by_corpus_id(client: TestClient) -> None:
    page = soup(client, "/posting/hn-46467172")
    assert page.select_one("article.posting")["data-id"] == "hackernews:46467172"


def stored_count(db: Path, archetype: str) -> int:
    """Canonical postings of an archetype, counted by SQL (not by the app's code)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute(
            "SELECT COUNT(*) FROM postings WHERE json_extract(enrichment, '$.archetype') = ? "
            "AND (canonical_id IS NULL OR canonical_id = id)", (archetype,)).fetchone()[0])


def test_dashboard_has_every_chart_with_data_and_csv(client: TestClient, web_db: Path) -> None:
    page = soup(client, "/dashboard")
    names = [f["id"].removeprefix("panel-") for f in page.select("figure.panel")]
    assert names == ["archetypes", "skills", "shares", "salaries", "months", "trends"]
    for name in names:
        spec = json.loads(page.select_one(f"#spec-{name}").string)
        assert spec["data"] and spec["layout"], name
    archetypes = json.loads(page.select_one("#spec-archetypes").string)["data"][0]
    assert sum(archetypes["x"]) == int(page.select_one("h1 .dim").text.split()[1].replace(",", ""))
    csv_href = page.select_one("#panel-archetypes a.csv")["href"]
    response = client.get(csv_href)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    by_name = {r["archetype"]: int(r["postings"]) for r in rows}
    assert by_name["research-engineer"] == stored_count(web_db, "research-engineer") > 1
    assert sum(by_name.values()) == sum(archetypes["x"])


def test_dashboard_filters_apply_to_charts_and_csv(client: TestClient, web_db: Path) -> None:
    offered = {d["data-facet"] for d in soup(client, "/dashboard").select("details.facet")}
    assert {"archetype", "specialisation", "skills", "seniority", "degree", "phd", "remote",
            "source", "company_stage"} <= offered
    page = soup(client, "/dashboard?archetype=research-engineer")
    shown = int(page.select_one("h1 .dim").text.split()[1])
    assert shown == stored_count(web_db, "research-engineer")
    skills_csv = page.select_one("#panel-skills a.csv")["href"]
    assert "archetype=research-engineer" in skills_csv
    rows = list(csv.DictReader(io.StringIO(client.get(skills_csv).text)))
    assert rows and {r["archetype"] for r in rows} == {"research-engineer"}
    trend = client.get("/dashboard/trends.csv?trend=PyTorch,Python").text
    assert {r["skill"] for r in csv.DictReader(io.StringIO(trend))} == {"PyTorch", "Python"}


def test_error_pages_are_one_page_without_traceback(client: TestClient) -> None:
    for url, status in [("/nowhere", 404), ("/posting/nope", 404), ("/?page=zero", 400),
                        ("/?sort=best", 400), ("/?since=yesterday", 400),
                        ("/dashboard/nothing.csv", 404)]:
        page = soup(client, url, status)
        section = page.select_one("section.error")
        assert section is not None and section["data-status"] == str(status), url
        assert page.select_one(".error-message").text.strip()
        assert "Traceback" not in page.text


def test_unexpected_errors_render_the_error_page(tmp_path: Path) -> None:
    from mljobs.store import SQLiteStore

    store = SQLiteStore(tmp_path / "broken.sqlite3")
    app = create_app(store=store)
    store.conn.execute(
        "INSERT INTO postings(id, source, source_id, title, remote, status, first_seen, "
        "last_seen, content_hash, rev, data) VALUES ('x:1','x','1','t','unknown','open',"
        "'2026-01-01','2026-01-01','h',1,'{not json')"
    )
    with TestClient(app, raise_server_exceptions=False) as c:
        page = c.get("/posting/x:1")
        assert page.status_code == 500
        assert "Traceback" not in page.text and "not json" not in page.text
        assert "content-security-policy" in page.headers
        api = c.get("/api/postings/x:1")
        assert api.status_code == 500
        assert api.json() == {"ok": False, "status": 500, "errors": [],
                              "error": api.json()["error"]}


@pytest.mark.filterwarnings(
    # the index's incremental sync calls tantivy's deprecated delete_documents
    # (reported to the index owner); the behaviour under test is the web app's
    "ignore:delete_documents is deprecated:DeprecationWarning"
)
def test_pages_follow_the_store_while_serving(tmp_path: Path) -> None:
    from mljobs.models import Enrichment, Posting
    from mljobs.store import SQLiteStore

    store = SQLiteStore(tmp_path / "live.sqlite3")
    first = Posting(id="t:1", source="t", source_id="1", title="Vision engineer",
                    description_text="Train detection models.",
                    enrichment=Enrichment(version="t", archetype="research-engineer"))
    store.upsert([first], now=NOW)
    with TestClient(create_app(store=store, now=lambda: NOW)) as c:
        assert int(soup(c, "/?q=detection").select_one("#total").text) == 1
        assert "research-engineer,1" in c.get("/dashboard/archetypes.csv").text
        second = first.model_copy(update={
            "id": "t:2", "source_id": "2", "title": "Detection scientist",
            "enrichment": Enrichment(version="t", archetype="research-scientist")})
        store.upsert([second], now=NOW)
        assert int(soup(c, "/?q=detection").select_one("#total").text) == 2
        csv_text = c.get("/dashboard/archetypes.csv").text
        assert "research-engineer,1" in csv_text and "research-scientist,1" in csv_text
        # a posting removed from the store (a post now stored as its roles): the app's index
        # and dashboard follow that too (the removal takes a revision: ``removed_rev``)
        store.replace_split("t:2", [])
        assert int(soup(c, "/?q=detection").select_one("#total").text) == 1
        assert "research-scientist" not in c.get("/dashboard/archetypes.csv").text


def test_posted_within_choices_have_counts_that_match(client: TestClient) -> None:
    page = soup(client, "/?q=engineer")
    box = page.select_one('details.facet[data-facet="since"]')
    choices = {a["data-value"]: (a["href"], int(a.select_one(".count").text.replace(",", "")))
               for a in box.select("a.facet-value")}
    assert list(choices) == ["", "7d", "30d", "90d", "1y"]
    assert choices[""][1] == int(page.select_one("#total").text.replace(",", ""))
    assert choices["7d"][1] <= choices["30d"][1] <= choices["90d"][1] <= choices["1y"][1]
    href, count = choices["30d"]
    assert parse_qs(urlsplit(href).query) == {"q": ["engineer"], "since": ["30d"]}
    assert int(soup(client, href).select_one("#total").text.replace(",", "")) == count


def test_selected_field_keeps_the_other_values_to_widen_with(client: TestClient) -> None:
    before = facet_links(soup(client, "/?q=engineer"), "archetype")
    page = soup(client, "/?q=engineer&archetype=research-engineer")
    after = facet_links(page, "archetype")
    assert {v: c for v, (_h, c, _on) in after.items()} == \
        {v: c for v, (_h, c, _on) in before.items()}
    href, count, on = after["ml-product-swe"]
    assert not on
    assert parse_qs(urlsplit(href).query)["archetype"] == ["research-engineer", "ml-product-swe"]
    wider = int(soup(client, href).select_one("#total").text.replace(",", ""))
    assert wider == after["research-engineer"][1] + count  # one archetype per posting


def test_dashboard_selected_field_keeps_the_other_values(client: TestClient) -> None:
    def counts(url: str) -> dict[str, int]:
        return {v: c for v, (_h, c, _on) in facet_links(soup(client, url), "archetype").items()}

    assert counts("/dashboard?archetype=research-engineer") == counts("/dashboard")


def test_salary_text_says_up_to_and_or_more() -> None:
    """The web's salary text keeps what the posting said about the range's ends, as `show`
    does: "Up to $140k" is no exact 140,000, and "€160.000+" no capped one."""
    from mljobs.enrich.salary import parse_salary
    from mljobs.web.render import salary_text

    def text(raw: str) -> str:
        return salary_text(parse_salary(raw))

    assert text("Up to $140k CAD + Generous Equity") == "up to 140,000 CAD / year"
    assert text("€160.000+ | Full-Time") == "160,000+ EUR / year"
    assert text("$120k - $150k") == "120,000–150,000 USD / year"
    assert text("$56K-$97K (Glassdoor est.)") == "56,000–97,000 USD / year (est.)"
    assert salary_text(None) == ""


def test_posting_page_says_which_duplicates_are_closed(tmp_path: Path) -> None:
    """The posting page lists a job's other ids (original, duplicates); before, it did not say
    which were closed. The JSON gives each one's status."""
    from mljobs.store import SQLiteStore

    from .conftest import duplicate_postings

    store = SQLiteStore(tmp_path / "dups.sqlite3")
    store.upsert(duplicate_postings(), now=NOW)
    store.close_open(["lever:dup-2"], now=NOW)
    with TestClient(create_app(store=store, now=lambda: NOW)) as c:
        items = {li.select_one('a[href^="/posting/"]')["href"]: li.text
                 for li in soup(c, "/posting/file:dup-canonical").select(".sources li")
                 if li.select_one('a[href^="/posting/"]')}
        assert "closed 2026-06-01" in items["/posting/lever:dup-2"]
        assert "closed" not in items["/posting/greenhouse:dup-1"]
        dups = c.get("/api/postings/file:dup-canonical").json()["posting"]["duplicates"]
        assert {d["id"]: d["status"] for d in dups} == {"greenhouse:dup-1": "open",
                                                          "lever:dup-2": "closed"}
        # (and the day, as the page and `mljobs show` say it)
        assert {d["id"]: d["closed_at"] for d in dups} == {
            "greenhouse:dup-1": None, "lever:dup-2": "2026-06-01T12:00:00Z"}
    store.close()


def test_posting_page_does_not_call_a_later_posting_the_original(tmp_path: Path) -> None:
    """A cluster is shown by an open posting first (``dedupe._rank``): once its board closes a
    job, the thread's later posting stands for it. The board's page called that one the
    "original", though the board's came first; it is the one search shows."""
    from mljobs.models import Posting
    from mljobs.store import SQLiteStore

    store = SQLiteStore(tmp_path / "later.sqlite3")
    store.upsert([Posting(id="greenhouse:1", source="greenhouse", source_id="1",
                          title="ML Engineer", description_text="Train models.",
                          canonical_id="hackernews:2")], now=NOW)
    store.upsert([Posting(id="hackernews:2", source="hackernews", source_id="2",
                          title="ML Engineer", description_text="Train models.")], now=NOW)
    store.close_open(["greenhouse:1"], now=NOW)
    with TestClient(create_app(store=store, now=lambda: NOW)) as c:
        item = next(li.text for li in soup(c, "/posting/greenhouse:1").select(".sources li")
                    if li.select_one('a[href="/posting/hackernews:2"]'))
    assert "original" not in item and "shown in search" in item, item
