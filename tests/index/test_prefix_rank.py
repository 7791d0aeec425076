"""A prefix ranks the postings that say it most first, in both engines: tantivy matched a
prefix (``pytorch*``) with a regular expression, which scores every match the same, so the
posting that names PyTorch once came before the one that is all about it (in the order
indexed), where FTS5 ranks by bm25. Now each word that starts with the prefix is a term
query of its own (``PREFIX_TERMS`` of them, the most frequent; the rest matched at a score
of 0)."""

from __future__ import annotations

import pytest

from mljobs.index import SearchIndex, SearchQuery
from mljobs.index.tantivy_engine import PREFIX_TERMS

POSTS = {
    "once": ("Engineer", "We ship services; pytorch is used by one team."),
    "most": ("Engineer", "PyTorch, PyTorch Lightning and pytorch-geometric: PyTorch models."),
    "none": ("Engineer", "Java services."),
    "many": ("Engineer", " ".join(f"zq{i:03d}" for i in range(PREFIX_TERMS + 6))),
    "rare": ("Engineer", "zq999 zq999 zq999 zq999"),
}


@pytest.fixture
def index(posts_index: SearchIndex) -> SearchIndex:
    """An index in each engine over ``POSTS`` (tests/index/conftest.py)."""
    return posts_index


def _ids(index: SearchIndex, text: str) -> list[str]:
    return [h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits]


@pytest.mark.parametrize("text", ["pytorch*", "pyt*", "PyTorch*", "pytorch* OR pyt*"])
def test_a_prefix_ranks_the_posting_that_says_it_most_first(
        index: SearchIndex, text: str) -> None:
    assert _ids(index, text) == ["most", "once"]


def test_a_prefix_of_more_words_than_are_scored_still_finds_every_posting(
        index: SearchIndex) -> None:
    # PREFIX_TERMS + 7 words start with "zq", PREFIX_TERMS scored; "zq999" is matched too
    assert set(_ids(index, "zq*")) == {"many", "rare"}
    assert _ids(index, "zq999*") == ["rare"]
    assert set(_ids(index, "java -zq*")) == {"none"}
