"""``sort=Date`` on the search page is ``sort=date`` (it was a 400), as facet values are taken
in any case."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _ids(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return [li["data-id"] for li in BeautifulSoup(response.text, "html.parser").select("li.hit")]


def test_sort_in_any_case(client: TestClient) -> None:
    by_date = _ids(client, "/?q=engineer&sort=date")
    assert len(by_date) > 1 and by_date != _ids(client, "/?q=engineer")
    assert _ids(client, "/?q=engineer&sort=Date") == by_date
    assert client.get("/?q=engineer&sort=newest").status_code == 400
