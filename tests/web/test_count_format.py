"""Facet counts are written as the page's other counts are, with thousands separators (the
archetype list said "1153" under "any time 2,484"), on the search page and the dashboard."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

GROUPED = re.compile(r"\d{1,3}(,\d{3})*")


def test_every_count_has_thousands_separators(client: TestClient) -> None:
    for url in ("/", "/dashboard"):
        page = BeautifulSoup(client.get(url).text, "html.parser")
        counts = [c.get_text() for c in page.select(".facets .count, .facet .count")]
        assert counts, url
        assert all(GROUPED.fullmatch(c) for c in counts), (url, counts)
        # the demo store's whole-store counts reach the thousands (its one source)
        assert any("," in c for c in counts), (url, counts)
