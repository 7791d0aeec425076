"""C++, C#, F# and .NET are searchable as themselves in both engines, not as the letter "c"."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.index import ENGINES, SearchIndex, SearchQuery, index_path, open_index
from mljobs.index.query import (
    _TO_INDEX,
    HOST_NAME,
    SEPARATOR,
    SYMBOL_NAME,
    display_form,
    index_form,
)
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

POSTS = {
    "cpp": ("Inference Engineer", "We write modern C++17 kernels and some Python."),
    "c": ("Firmware Engineer", "Embedded C on microcontrollers in Canada; pay C$130K."),
    "csharp": ("Tools Developer", "Our tools are C#/.NET services; Unity experience helps."),
    "fsharp": ("Quant Developer", "Pricing models in F# and OCaml."),
    "aspnet": ("Web Developer", "ASP.NET Core back ends with SQL Server."),
    "plain": ("ML Engineer", "PyTorch, CUDA and Kubernetes. Our site is example.org."),
    "hosts": ("Data Engineer", ("Apply at https://careers.appear.net/jobs, write to "
              "jobs@appear.NET or see www.appear.net.")),
}


def _postings() -> list:
    return [normalize(RawPosting(source="t", source_id=key, title=title, company="Acme",
                                 description_text=text))
            for key, (title, text) in POSTS.items()]


@pytest.fixture(params=sorted(ENGINES))
def index(request: pytest.FixtureRequest, store: SQLiteStore, now) -> Iterator[SearchIndex]:
    store.upsert(_postings(), now=now)
    idx = open_index(store, request.param)
    yield idx
    idx.close()


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits}


def test_cpp_finds_cpp_postings_only(index: SearchIndex) -> None:
    assert _ids(index, "c++") == {"cpp"}
    assert _ids(index, "C++") == {"cpp"}
    assert _ids(index, "c++17") == {"cpp"}


def test_the_letter_c_still_finds_c_and_not_cpp_or_csharp(index: SearchIndex) -> None:
    assert _ids(index, "c") == {"c"}


def test_csharp_fsharp_and_dotnet(index: SearchIndex) -> None:
    assert _ids(index, "C#") == {"csharp"}
    assert _ids(index, "f#") == {"fsharp"}
    assert _ids(index, ".NET") == {"csharp", "aspnet"}
    assert _ids(index, "asp.net") == {"aspnet"}
    assert _ids(index, "net") == {"hosts"}  # (a host name's word, not .NET)


def test_a_host_names_net_is_not_dotnet(index: SearchIndex) -> None:
    assert _ids(index, ".net") == _ids(index, ".NET") == {"csharp", "aspnet"}
    assert _ids(index, "appear") == {"hosts"}
    dotnet = SEPARATOR + ".NET".translate(_TO_INDEX) + SEPARATOR
    assert index_form("https://appear.net, jobs@Appear.NET, www.appear.net; ASP.NET") == \
        "https://appear.net, jobs@Appear.NET, www.appear.net; ASP" + dotnet


def test_phrase_with_a_symbol_name(index: SearchIndex) -> None:
    assert _ids(index, '"modern c++"') == {"cpp"}
    assert _ids(index, '"modern c"') == set()
    assert _ids(index, '"c# .net"') == {"csharp"}


def test_exclusion_and_or_with_symbol_names(index: SearchIndex) -> None:
    assert _ids(index, "engineer -c++") == {"c", "plain", "hosts"}
    assert _ids(index, "c++ OR f#") == {"cpp", "fsharp"}


def test_highlight_shows_the_posting_text(index: SearchIndex) -> None:
    [hit] = index.search(SearchQuery(text="c++")).hits
    assert "<mark>C++17</mark>" in hit.snippet_html or "<mark>C++</mark>" in hit.snippet_html
    assert "\ue000" not in hit.snippet_html
    [hit] = index.search(SearchQuery(text="c#")).hits
    assert "<mark>C#</mark>" in hit.snippet_html and ".NET" in hit.snippet_html
    [hit] = index.search(SearchQuery(text="c")).hits
    assert "<mark>C</mark> on" in hit.snippet_html and "<mark>C</mark>$130K" in hit.snippet_html
    assert "<mark>Canada" not in hit.snippet_html
    [hit] = index.search(SearchQuery(text="asp.net")).hits
    assert "<mark>ASP.NET</mark> Core" in hit.snippet_html
    assert hit.title == "Web Developer"


def test_index_form_round_trips() -> None:
    ours = "\u16a0\u16a1\u16a2\ue003"
    for text in ("modern C++17, C#/.NET and ASP.NET", "a+b", "C#m", "x_c++", "", "c++" * 3,
                 f"text with {ours} in it"):
        back = display_form(index_form(text))
        assert back == "".join("\ufffd" if ch in ours else ch for ch in text)
    assert index_form("abc++ and 5+ years, see #42. Network") == \
        "abc++ and 5+ years, see #42. Network"


def _old_format_indexes(store: SQLiteStore) -> None:
    """Indexes as the previous release wrote them: FTS5 with plain porter unicode61
    (user_version 0), tantivy state with schema 1."""
    fts = sqlite3.connect(str(index_path(store, "fts5")))
    fts.executescript(
        "CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT);"
        "CREATE VIRTUAL TABLE docs USING fts5(title, company_text, description,"
        " tokenize='porter unicode61');"
        "CREATE TABLE doc_meta (rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, posted_ts INTEGER,"
        " salary_max REAL, canonical INTEGER, status TEXT, fields TEXT);"
        "CREATE TABLE doc_facets (rowid INTEGER, field TEXT, value TEXT);"
    )
    fts.execute("INSERT INTO state VALUES ('rev', ?)", (str(store.max_rev()),))
    fts.execute("INSERT INTO state VALUES ('store_id', ?)", (store.store_id,))
    fts.commit()
    fts.close()


def test_an_index_of_the_old_format_is_rebuilt(store: SQLiteStore, now) -> None:
    store.upsert(_postings(), now=now)
    _old_format_indexes(store)
    idx = open_index(store, "fts5")
    assert _ids(idx, "c++") == {"cpp"}
    assert idx.search(SearchQuery()).total == len(POSTS)
    idx.close()
    # tantivy: a state file of the old schema version empties the folder; sync rebuilds
    tantivy_dir = index_path(store, "tantivy")
    assert tantivy_dir is not None
    open_index(store, "tantivy").close()
    state = json.loads((tantivy_dir / "state.json").read_text())
    state["schema"] = 1
    (tantivy_dir / "state.json").write_text(json.dumps(state))
    idx = open_index(store, "tantivy")
    assert _ids(idx, "c++") == {"cpp"}
    assert idx.search(SearchQuery()).total == len(POSTS)
    idx.close()


def test_reopened_index_keeps_symbol_names(store: SQLiteStore, now) -> None:
    store.upsert(_postings(), now=now)
    for engine in ENGINES:
        open_index(store, engine).close()
        idx = open_index(store, engine)  # a second process: nothing to re-index
        assert _ids(idx, "c++") == {"cpp"}
        assert _ids(idx, "c") == {"c"}
        idx.close()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["c", "C", "f", "x", "é", "1", "_", "+", "++", "#", ".",
                                 ".net", ".NET", ".Net", "net", " ", "/", "\u16a0", "\ue003",
                                 "@", "-", "w", "www.", "WWW"]),
                max_size=20).map("".join))
def test_index_form_is_the_symbol_name_rewrite(text: str) -> None:
    """index_form finds exactly SYMBOL_NAME's matches but for host names' ".net" (HOST_NAME)
    (it searches from the symbols)."""
    clean = text.replace("\u16a0", "\ufffd").replace("\ue003", "\ufffd")
    expected = SYMBOL_NAME.sub(
        lambda m: m.group(0) if m.group(0)[0] == "." and HOST_NAME.search(clean, 0, m.start())
        else SEPARATOR + m.group(0).translate(_TO_INDEX) + SEPARATOR, clean)
    assert index_form(text) == expected
    assert display_form(expected) == clean
