"""A filter the search page has no facet list for (company, status: the URL or
`mljobs search --company` may carry one) is shown chosen, with its count and a link that
removes it: the page said "3 postings" with nothing on it saying why. Real requests to the
app (TestClient) on the demo store."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def _total(page: BeautifulSoup) -> int:
    return int(page.select_one("#total").get_text().replace(",", ""))


def test_a_company_filter_is_shown_counted_and_removable(client: TestClient) -> None:
    hits = client.get("/api/search?q=engineer&limit=50").json()["hits"]
    company = next(h["company"] for h in hits if h["company"])
    everything = _total(_page(client, "/?q=engineer"))
    # typed in lower case, as the index keeps it
    page = _page(client, "/?" + urlencode([("q", "engineer"), ("company", company.lower())]))
    total = _total(page)
    assert 0 < total < everything
    group = page.select_one('details.facet[data-facet="company"]')
    assert group is not None and group.has_attr("open")
    assert group.summary.get_text(strip=True) == "Company"
    (link,) = group.select("a.facet-value")
    assert "on" in link["class"] and "selected" in link.get_text()
    # shown as the postings spell it, not in the index's lower case ("prompt health")
    assert link.select_one(".label").get_text() == company != company.lower()
    assert int(link.select_one(".count").get_text().replace(",", "")) == total
    # following it removes the filter and keeps the query
    assert dict(parse_qsl(urlsplit(link["href"]).query)) == {"q": "engineer"}
    assert _total(_page(client, link["href"])) == everything


def test_a_status_no_posting_has_shows_chosen_with_zero(client: TestClient) -> None:
    page = _page(client, "/?status=nosuchstatus")
    assert _total(page) == 0
    link = page.select_one('details.facet[data-facet="status"] a.facet-value.on')
    assert link is not None and link.select_one(".label").get_text() == "nosuchstatus"
    assert link.select_one(".count").get_text() == "0"
    assert _total(_page(client, link["href"])) > 0


def test_the_dashboard_shows_a_month_filter_it_has_no_list_for(client: TestClient) -> None:
    month = client.get("/api/search?limit=1&sort=date").json()["hits"][0]["posted_at"][:7]
    page = _page(client, f"/dashboard?month={month}")
    total = int(page.h1.select_one(".dim").get_text().strip(" ·").split()[0].replace(",", ""))
    assert total == client.get(f"/api/dashboard?month={month}").json()["postings"] > 0
    link = page.select_one('aside details.facet[data-facet="month"] a.facet-value.on')
    assert link is not None and link.select_one(".label").get_text() == month
    assert int(link.select_one(".count").get_text().replace(",", "")) == total
    assert urlsplit(link["href"]).path == "/dashboard"
    assert "month" not in dict(parse_qsl(urlsplit(link["href"]).query))


def test_a_one_row_table_says_one_row(client: TestClient) -> None:
    company = client.get("/api/search?q=engineer&limit=1").json()["hits"][0]["company"]
    page = _page(client, "/dashboard?" + urlencode([("company", company)]))
    summaries = [" ".join(s.get_text(" ").split()) for s in page.select("details summary")
                 if "Show as table" in s.get_text()]
    assert summaries and not any("(1 rows)" in s for s in summaries)
    assert any(s.endswith("(1 row)") for s in summaries)


@pytest.mark.parametrize(("url", "name", "hint"), [
    ("/?q=engineer&skill=PyTorch", "skill", "skills"),          # listed every posting
    ("/dashboard?q=pytorch", "q", None),                         # drew every posting's charts
    ("/dashboard?archetype=research-engineer&salary_min=150000", "salary_min", None),
    ("/dashboard/skills.csv?archtype=research-engineer", "archtype", "archetype"),
])
def test_a_page_names_a_parameter_it_does_not_read(client: TestClient, url: str, name: str,
                                                   hint: str | None) -> None:
    response = client.get(url)
    assert response.status_code == 400
    text = " ".join(BeautifulSoup(response.text, "html.parser").get_text(" ").split()) \
        if "html" in response.headers["content-type"] else response.text
    assert f"unknown parameter {name!r}" in text
    if hint:
        assert f"did you mean {hint!r}" in text
    assert "Traceback" not in text


def test_every_link_the_pages_write_is_read(client: TestClient) -> None:
    search = ("/?q=engineer&archetype=research-engineer&since=1y&sort=date"
              "&salary_min=100000&page=2&company=x")
    for url in (search, "/dashboard?remote=remote&trend=PyTorch"):
        page = _page(client, url)
        links = [a["href"] for a in page.find_all("a", href=True)
                 if a["href"].startswith(("/?", "/dashboard"))]
        assert links
        for link in links:
            assert client.get(link).status_code == 200, link


@pytest.mark.parametrize("q", ["-", "(", '""', "OR", "* :"])
def test_a_query_with_no_word_does_not_claim_a_match(client: TestClient, q: str) -> None:
    everything = _total(_page(client, "/"))
    page = _page(client, "/?" + urlencode({"q": q}))
    assert _total(page) == everything
    summary = " ".join(page.select_one(".summary").get_text(" ").split())
    assert " match " not in f" {summary} "
    assert page.select_one("#no-words .q").get_text() == q
    # a query with a word still says what it matched
    summary = _page(client, "/?q=engineer").select_one(".summary").get_text(" ")
    assert "match" in summary.split()


def test_a_trend_skill_named_twice_is_one_line(client: TestClient) -> None:
    once = client.get("/api/dashboard/trends?trend=PyTorch").json()["rows"]
    assert once
    for url in ("/api/dashboard/trends?trend=PyTorch,%20pytorch",
                "/api/dashboard/trends?trend=PyTorch&trend=PYTORCH"):
        assert client.get(url).json()["rows"] == once, url
    csv_lines = client.get("/dashboard/trends.csv?trend=PyTorch,pytorch").text.splitlines()
    assert len(csv_lines) == 1 + len(once)
    # the first spelling is the one kept, and other skills keep their order
    both = client.get("/api/dashboard/trends?trend=Rust,PyTorch,rust").json()["rows"]
    assert [r[1] for r in both[:2]] == ["Rust", "PyTorch"]


@pytest.mark.parametrize("url", ["/posting/", "/posting/%20", "/api/postings/"])
def test_a_posting_url_without_an_id_says_so(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "No posting id given" in response.text and "No posting ''" not in response.text


@pytest.mark.parametrize(("since", "label"), [
    ("6m", "6 months"), ("2026-04-01", "since 2026-04-01"), ("1w", "1 week"),
])
def test_a_period_the_menu_lacks_is_shown_chosen(client: TestClient, since: str,
                                                 label: str) -> None:
    page = _page(client, f"/?since={since}")
    chosen = page.select('details.facet[data-facet="since"] a.facet-value.on')
    assert [a.select_one(".label").get_text() for a in chosen] == [label]
    assert int(chosen[0].select_one(".count").get_text().replace(",", "")) == _total(page)
    # the dashboard's menu holds it selected, so its Apply button keeps it
    board = _page(client, f"/dashboard?since={since}")
    options = board.select('select[name="since"] option[selected]')
    assert [(o["value"], o.get_text()) for o in options] == [(since, label)]


def test_a_period_in_capitals_is_the_menu_choice(client: TestClient) -> None:
    page = _page(client, "/?since=1Y")
    chosen = page.select('details.facet[data-facet="since"] a.facet-value.on')
    assert [a.select_one(".label").get_text() for a in chosen] == ["a year"]
    labels = [a.select_one(".label").get_text()
              for a in page.select('details.facet[data-facet="since"] a.facet-value')]
    assert len(labels) == len(set(labels))


def test_a_chosen_value_past_the_most_common_has_its_count(client: TestClient) -> None:
    # skills=X for a skill outside the 20 most common said "X 0 (selected)" beside its
    # results, while the dashboard's sidebar counted it
    top = {v["value"] for v in client.get("/api/search?limit=1").json()["facets"]["skills"]}
    rare = [row[1] for row in client.get("/api/dashboard/skills").json()["rows"]
            if row[1] not in top]
    assert rare
    for skill in rare[:3]:
        page = _page(client, "/?" + urlencode({"skills": skill}))
        chosen = page.select('details.facet[data-facet="skills"] a.facet-value.on')
        assert len(chosen) == 1
        count = int(chosen[0].select_one(".count").get_text().replace(",", ""))
        assert count == _total(page) > 0, skill
        board = _page(client, "/dashboard?" + urlencode({"skills": skill}))
        on = board.select_one('details.facet[data-facet="skills"] a.facet-value.on')
        assert int(on.select_one(".count").get_text().replace(",", "")) == count
        # the list is still the most common values plus the chosen one
        assert len(page.select('details.facet[data-facet="skills"] a.facet-value')) <= 21


def test_the_api_without_a_posting_id_points_at_the_api(client: TestClient) -> None:
    # (it answered with the page's "a posting's page is /posting/ID", sending a client to HTML)
    error = client.get("/api/postings/").json()["error"]
    assert "/api/postings/ID" in error and "/api/search" in error and "/posting/ID" not in error


def test_the_dashboard_shows_a_chosen_company_as_its_postings_spell_it(
        client: TestClient) -> None:
    company = next(h["company"] for h in client.get("/api/search?limit=50").json()["hits"]
                   if h["company"] and h["company"] != h["company"].lower())
    page = _page(client, "/dashboard?" + urlencode([("company", company.upper())]))
    link = page.select_one('aside details.facet[data-facet="company"] a.facet-value.on')
    assert link is not None and link.select_one(".label").get_text() == company
    # the filter itself stays as the index keeps it (the link and the hidden field)
    assert link["data-value"] == company.lower()


def test_the_country_facet_lists_names_and_filters_by_url_and_api(client: TestClient) -> None:
    """The search page lists the countries of the postings' locations by name (``US`` as
    "United States"), a ``country=`` URL parameter (a code or a name, any case) filters the
    page and the JSON API alike, and the region facet has its own list."""
    everything = _total(_page(client, "/"))
    page = _page(client, "/?country=us")
    total = _total(page)
    assert 0 < total < everything
    group = page.select_one('details.facet[data-facet="country"]')
    assert group is not None and group.summary.get_text(strip=True) == "Country"
    chosen = group.select_one("a.facet-value.on")
    assert chosen.select_one(".label").get_text() == "United States"
    assert client.get("/api/search?country=United+States").json()["total"] == total
    assert client.get("/api/search?country=US&region=europe").json()["total"] < total
    regions = _page(client, "/").select_one('details.facet[data-facet="region"]')
    assert "North America" in [s.get_text() for s in regions.select(".label")]


def test_the_dashboard_filters_by_country_and_region_as_search_does(client: TestClient) -> None:
    everything = client.get("/api/dashboard").json()["postings"]
    for query in ("country=GB", "country=uk", "region=Europe"):
        dashboard = client.get(f"/api/dashboard?{query}").json()["postings"]
        assert 0 < dashboard < everything, query
    assert client.get("/api/dashboard?country=uk").json()["postings"] == \
        client.get("/api/dashboard?country=GB").json()["postings"]


@pytest.mark.parametrize("url", ["/", "/dashboard"])
def test_where_the_job_is_is_open_as_remote_is(client: TestClient, url: str) -> None:
    """The country facet, where the job is, is open with the remote facet (a seeker's
    first questions after the role: "remote, or in my country?"); it was folded below
    eight groups, as a list no one had asked to see. Regions stay folded."""
    page = _page(client, url)
    opened = {d["data-facet"] for d in page.select("details.facet") if d.has_attr("open")}
    assert {"remote", "country"} <= opened
    assert "region" not in opened


@pytest.mark.parametrize("q", ["\x00", "\u202e", "\x1b \u2066"])
def test_a_query_of_only_unseen_characters_is_called_the_query(client: TestClient,
                                                                q: str) -> None:
    """A query of only characters a screen acts on (NUL, a right-to-left override, ESC: each
    left out of what the page prints) read "1,482 postings ( has no word to search for)"."""
    page = _page(client, "/?" + urlencode({"q": q}))
    summary = " ".join(page.select_one(".summary").get_text(" ").split())
    assert "(the query has no word to search for)" in summary, summary
    assert page.select_one("#no-words .q") is None
