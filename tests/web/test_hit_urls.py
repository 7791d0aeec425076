"""Each hit of ``/api/search`` has a ``url``, its posting's page. It was ``/posting/`` and the
id as stored, unquoted: an id holding ``#``, ``?``, ``%`` or a space (a generic file's ``id``
column: ``a#b``, ``job?ref=2``) gave a url that opened another posting's page or none
(``/posting/file:a#b`` asks for ``file:a``). It is now quoted, as the search page's links are."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
IDS = ["a#b", "job?ref=2", "50%off", "two words", "p/q", "plain"]
WORKS = ["PyTorch", "JAX", "TensorFlow", "scikit-learn", "XGBoost", "Spark"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "store.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert([normalize(RawPosting(
            source="file", source_id=key, title=f"{work} engineer", company=f"Company {n}",
            description_text=f"Oddid. We build {work} models for team {n}."))
            for n, (key, work) in enumerate(zip(IDS, WORKS, strict=True))], now=NOW)
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


def test_each_hit_url_opens_its_own_posting(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "oddid"}).json()["hits"]
    assert sorted(h["id"] for h in hits) == sorted(f"file:{key}" for key in IDS)
    for hit in hits:
        page = client.get(hit["url"])
        assert page.status_code == 200, (hit["url"], page.text[:200])
        shown = BeautifulSoup(page.text, "html.parser").select_one("article.posting")
        assert shown is not None and shown["data-id"] == hit["id"], hit["url"]
        assert client.get(hit["url"].replace("/posting/", "/api/postings/", 1)).json()[
            "posting"]["id"] == hit["id"]


def test_the_search_page_links_the_same_urls(client: TestClient) -> None:
    api = {h["id"]: h["url"] for h in client.get("/api/search", params={"q": "oddid"}).json()[
        "hits"]}
    page = BeautifulSoup(client.get("/", params={"q": "oddid"}).text, "html.parser")
    links = {li["data-id"]: li.select_one("h2 a")["href"] for li in page.select("li.hit")}
    assert links == api
