"""A prefix typed with accents is the prefix without them (``café*`` is ``cafe*``): both
engines fold accents as they index and read a prefix, but ``café*`` and ``cafe*`` counted as
two prefixes toward ``MAX_PREFIXES``, so a query of 8 prefixes, one also typed with its
accent, was refused, in both engines."""

from __future__ import annotations

import pytest

from mljobs.errors import QueryError
from mljobs.index import SearchIndex, SearchQuery
from mljobs.index.query import MAX_PREFIXES

POSTS = {
    "cafe": ("Data Engineer", "Our café team builds pipelines."),
    "resume": ("ML Engineer", "Send a résumé; Zürich office."),
    "plain": ("Analyst", "Dashboards and reports."),
}
OTHERS = ["da", "pi", "re", "zu", "of", "an", "bu", "se", "te"]


@pytest.fixture
def index(posts_index: SearchIndex) -> SearchIndex:
    """An index in each engine over ``POSTS`` (tests/index/conftest.py)."""
    return posts_index


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits}


def test_a_prefix_with_accents_is_the_same_prefix(index: SearchIndex) -> None:
    assert _ids(index, "café*") == _ids(index, "cafe*") == _ids(index, "CAFÉ*") == {"cafe"}
    assert _ids(index, "résu*") == _ids(index, "resu*") == {"resume"}
    allowed = " || ".join(["cafe*", *(f"{p}*" for p in OTHERS[:MAX_PREFIXES - 1])])
    accented = f"{allowed} || café* || Café* || CAFÉ* || zü* || ZÜ*"
    assert _ids(index, accented) == _ids(index, allowed) == set(POSTS)
    # a field still makes another one: one more is refused, each named as first typed
    with pytest.raises(QueryError, match=rf"has {MAX_PREFIXES + 1} words ending in \* "
                                         r"\(café\*, da\*, pi\*, re\*, \.\.\.\)"):
        _ids(index, f"café* || {accented.replace('cafe* || ', '')} || title:café*")
