"""Both search engines behind one interface: ranking, filters, facets, snippets, sync."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.errors import QueryError
from mljobs.importer import import_file
from mljobs.index import ENGINES, SearchIndex, SearchQuery, open_index
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore


@pytest.fixture(params=sorted(ENGINES))
def index(request: pytest.FixtureRequest, store: SQLiteStore, hn_sample: Path,
          now) -> Iterator[SearchIndex]:
    import_file(store, hn_sample, now=now)
    extra = [
        normalize(RawPosting(source="test", source_id="nlp", title="NLP Research Scientist",
                             company="Acme", remote="remote",
                             description_text="Natural language processing research. "
                             "<script>alert(1)</script> PyTorch.")),
        normalize(RawPosting(source="test", source_id="sales", title="Sales lead",
                             company="Acme", description_text="Sell machine learning tools.")),
    ]
    store.upsert(extra, now=now)
    idx = open_index(store, request.param)
    yield idx
    idx.close()


def test_phrase_query_ranks_title_match_first(index: SearchIndex) -> None:
    result = index.search(SearchQuery(text='"natural language processing"'))
    assert result.total >= 1
    assert result.hits[0].id == "test:nlp"
    assert "<mark>" in result.hits[0].snippet_html
    assert "<script>" not in result.hits[0].snippet_html


def test_exclusion_and_or(index: SearchIndex) -> None:
    with_sales = {h.id for h in index.search(SearchQuery(text='"machine learning"', limit=100)).hits}
    without = {h.id for h in index.search(SearchQuery(text='"machine learning" -sell',
                                                      limit=100)).hits}
    assert "test:sales" in with_sales and "test:sales" not in without
    either = index.search(SearchQuery(text="pytorch OR sell", limit=100))
    ids = {h.id for h in either.hits}
    assert {"test:nlp", "test:sales"} <= ids


def test_only_negative_query_returns_the_rest(index: SearchIndex, store: SQLiteStore) -> None:
    result = index.search(SearchQuery(text="-acme", limit=100, facets=()))
    assert result.total == store.count() - 2


def test_filters_and_facets(index: SearchIndex) -> None:
    result = index.search(SearchQuery(filters={"source": ["test"]}, facets=("source", "remote")))
    assert result.total == 2
    assert dict(result.facets["source"]) == {"test": 2}
    remote = index.search(SearchQuery(filters={"remote": ["remote"], "company": ["ACME"]}))
    assert [h.id for h in remote.hits] == ["test:nlp"]


def test_posted_since_and_date_sort(index: SearchIndex, now) -> None:
    # the two test postings give no date: first seen now is no post date, so they are not
    # "posted within a day" (HN's are), and the date sort lists them last
    recent = index.search(SearchQuery(posted_since=now - timedelta(days=1), limit=100))
    assert recent.total == 0
    ever = index.search(SearchQuery(posted_since=now.replace(year=2000), limit=100, facets=()))
    hn = index.search(SearchQuery(filters={"source": ["hackernews"]}, limit=100, facets=()))
    assert ever.total == hn.total > 0
    assert {h.id for h in ever.hits} == {h.id for h in hn.hits}
    every = index.search(SearchQuery(sort="date", limit=100, facets=()))
    assert {h.id for h in every.hits[-2:]} == {"test:nlp", "test:sales"}
    by_date = index.search(SearchQuery(filters={"source": ["hackernews"]}, sort="date", limit=50))
    stamps = [h.posted_at for h in by_date.hits]
    assert stamps == sorted(stamps, reverse=True)


def test_paging_is_consistent(index: SearchIndex) -> None:
    page1 = index.search(SearchQuery(text="engineer", limit=5))
    page2 = index.search(SearchQuery(text="engineer", limit=5, offset=5))
    assert page1.total == page2.total
    assert not {h.id for h in page1.hits} & {h.id for h in page2.hits}


def test_bad_query_values_are_clear_errors(index: SearchIndex) -> None:
    with pytest.raises(QueryError, match="unknown filter"):
        index.search(SearchQuery(filters={"salary": ["1"]}))
    with pytest.raises(QueryError, match="limit"):
        index.search(SearchQuery(limit=0))


def test_sync_picks_up_changes(store: SQLiteStore, now) -> None:
    for engine in ENGINES:
        idx = open_index(store, engine)
        assert idx.search(SearchQuery(text="quantum")).total == 0
        idx.close()
    store.upsert([normalize(RawPosting(source="t", source_id="q", title="Quantum ML",
                                       description_text="quantum"))], now=now)
    for engine in ENGINES:
        idx = open_index(store, engine)
        assert idx.search(SearchQuery(text="quantum")).total == 1
        idx.close()


def test_index_of_another_store_is_rebuilt(tmp_path: Path, now) -> None:
    a = SQLiteStore(tmp_path / "s.sqlite3")
    a.upsert([normalize(RawPosting(source="t", source_id="1", title="Alpha"))], now=now)
    open_index(a).close()
    a.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp_path / "s.sqlite3") + suffix).unlink(missing_ok=True)
    b = SQLiteStore(tmp_path / "s.sqlite3")
    b.upsert([normalize(RawPosting(source="t", source_id="2", title="Beta"))], now=now)
    idx = open_index(b)
    assert [h.id for h in idx.search(SearchQuery()).hits] == ["t:2"]
    b.close()


HOSTILE = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(['"', "(", ")", "*", ":", "NEAR", "OR", "AND", "NOT", "-", "^",
                              "\\", "'", "{", "}", "[", "]", "~", "+", "title:", "é", "日本",
                              "\x00", " ", "machine", "learning", "/", "a", "c++",
                              ".net"]), max_size=40).map("".join),
)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_any_user_string_returns_results_or_a_clear_error(index: SearchIndex, text: str) -> None:
    try:
        result = index.search(SearchQuery(text=text, facets=("remote",)))
    except QueryError:
        return
    assert result.total >= 0
    assert all("<script" not in h.snippet_html for h in result.hits)


def test_ten_kilobytes_of_junk_is_a_clear_error(index: SearchIndex) -> None:
    with pytest.raises(QueryError, match="keep it under"):
        index.search(SearchQuery(text='"(*:NEAR ' * 1200))


def test_changed_posting_replaces_its_old_document(store: SQLiteStore, now) -> None:
    store.upsert([normalize(RawPosting(source="t", source_id="1", title="Alpha role"))], now=now)
    for engine in ENGINES:
        open_index(store, engine).close()
    store.upsert([normalize(RawPosting(source="t", source_id="1", title="Beta role"))], now=now)
    for engine in ENGINES:
        idx = open_index(store, engine)
        assert [h.title for h in idx.search(SearchQuery(text="role")).hits] == ["Beta role"]
        assert idx.search(SearchQuery(text="alpha")).total == 0
        idx.close()
