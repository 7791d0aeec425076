"""Fixtures of the index tests: ``posts_index``, an index in each engine over the test
module's ``POSTS`` (key -> (title, description); ids ``t:<key>``, company Acme)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from mljobs.index import ENGINES, SearchIndex, open_index
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore


@pytest.fixture(params=sorted(ENGINES))
def posts_index(request: pytest.FixtureRequest, store: SQLiteStore, now: datetime) -> Iterator[SearchIndex]:
    posts: dict[str, tuple[str, str]] = request.module.POSTS
    store.upsert([normalize(RawPosting(source="t", source_id=key, title=title, company="Acme",
                                       description_text=text))
                  for key, (title, text) in posts.items()], now=now)
    idx = open_index(store, request.param)
    yield idx
    idx.close()
