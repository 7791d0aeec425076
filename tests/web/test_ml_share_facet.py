"""The search page's "How much is ML" facet (the ML share: core, supporting, incidental,
none): an analyst asking which postings are really ML work had only the "Not an ML role"
archetype to go by, though every posting is read for it (``enrich/ml_share.py``) and the
filter worked when typed into the URL. Real requests to the app (TestClient)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def test_the_ml_share_is_a_facet_said_in_words_most_ml_first(client: TestClient) -> None:
    group = page(client, "/?q=engineer").select_one('details.facet[data-facet="ml_share"]')
    assert group is not None and group.has_attr("open")
    assert group.summary.get_text(strip=True) == "How much is ML"
    links = group.select("a.facet-value")
    values = [a["data-value"] for a in links]
    scale = ["core", "supporting", "incidental", "none"]
    assert values == [v for v in scale if v in values] and len(values) >= 3
    assert links[0].select_one(".label").get_text() == "core: ML is the job"
    # its count is what following it gives, and the API's count of the same filter
    count = int(links[0].select_one(".count").get_text().replace(",", ""))
    chosen = page(client, links[0]["href"])
    assert int(chosen.select_one("#total").get_text().replace(",", "")) == count > 0
    assert client.get("/api/search?q=engineer&ml_share=core").json()["total"] == count
    assert chosen.select_one('details.facet[data-facet="ml_share"] a.facet-value.on')


def test_the_dashboard_filters_by_it_too(client: TestClient) -> None:
    group = page(client, "/dashboard").select_one('details.facet[data-facet="ml_share"]')
    assert group is not None
    labels = {a["data-value"]: a.select_one(".label").get_text()
              for a in group.select("a.facet-value")}
    assert labels.get("core") == "core: ML is the job"
    scale = ["core", "supporting", "incidental", "none"]
    assert list(labels) == [v for v in scale if v in labels]  # the scale, not by count
