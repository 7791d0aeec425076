"""Snippets of hostile postings through the real search (tantivy): a description of a
megabyte, a thousand query words, a phrase repeated all through the text, regex and HTML
metacharacters, combining marks. The excerpt is sought near the first match only (the
work ends there, however long the text), and the snippet stays escaped, well-formed HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from mljobs.index import SearchIndex, SearchQuery, open_index
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

FILLER = "We ship reliable systems with care and pay for good tooling every day. "


def _well_formed(snippet: str) -> None:
    assert snippet.count("<mark>") == snippet.count("</mark>")
    inner = re.sub(r"</?mark>", "", snippet)
    assert "<" not in inner and ">" not in inner  # everything else escaped
    assert re.fullmatch(r"(?:[^<]*<mark>[^<]*</mark>)*[^<]*", snippet)  # marks never nest


@pytest.fixture
def index(store: SQLiteStore, now) -> Iterator[SearchIndex]:
    long_one = (
        "Pytorch at the start. " + FILLER * 200          # ~14,000 characters
        + "Here pytorch and kubernetes and terraform stand together. "
        + FILLER * 13_000                                # ~940,000 characters
    )
    texts = {
        "long": long_one,
        "phrase": "machine learning " * 50_000 + "the end",
        "meta": 'Use <b>C++</b> & "regex" (a+b)* [x] \\1 $HOME ^caret for <script>x</script> '
                + FILLER * 10,
        "marks": "Zu\u0308rich office, re\u0301sume\u0301 welcome. Zürich team. " + FILLER,
    }
    store.upsert([normalize(RawPosting(source="t", source_id=key, title=f"Role {key}",
                                       description_text=text)) for key, text in texts.items()],
                 now=now)
    idx = open_index(store)
    yield idx
    idx.close()


def test_a_megabyte_description_is_searched_and_excerpted_near_its_first_match(
        index: SearchIndex) -> None:
    hits = index.search(SearchQuery(text="pytorch kubernetes terraform")).hits
    assert [h.id for h in hits] == ["t:long"]
    snippet = hits[0].snippet_html
    _well_formed(snippet)
    # the window with all three words is ~14,000 characters past the first match: beyond
    # the reach of the search for the best excerpt, so the excerpt is the first match's
    assert snippet.startswith("<mark>Pytorch</mark> at the start.")
    assert len(re.sub(r"</?mark>", "", snippet)) < 240


def test_a_phrase_repeated_through_the_text_is_marked_within_the_excerpt(
        index: SearchIndex) -> None:
    hits = index.search(SearchQuery(text='"machine learning"')).hits
    snippet = next(h.snippet_html for h in hits if h.id == "t:phrase")
    _well_formed(snippet)
    assert snippet.startswith("<mark>machine learning</mark> <mark>machine learning</mark>")


def test_a_thousand_query_words_give_a_well_formed_snippet(index: SearchIndex) -> None:
    words = " ".join(f"w{n}x" for n in range(120)) + " " + " ".join(["pytorch"] * 40)
    query = " OR ".join(words.split()[:150])[:999]
    for hit in index.search(SearchQuery(text=query)).hits:
        _well_formed(hit.snippet_html)
    for hit in index.search(SearchQuery(text=("pytorch " * 124)[:999])).hits:
        _well_formed(hit.snippet_html)
        assert "<mark>Pytorch</mark>" in hit.snippet_html


@pytest.mark.parametrize("query", ["<script>", "c++", '"(a+b)*"', "\\1 $HOME", "^caret",
                                   "[x]", "&", "b", "regex"])
def test_metacharacters_are_plain_text_in_snippets(index: SearchIndex, query: str) -> None:
    for hit in index.search(SearchQuery(text=query)).hits:
        _well_formed(hit.snippet_html)
        assert "<script>" not in hit.snippet_html and "<b>" not in hit.snippet_html


def test_combining_marks_and_accents(index: SearchIndex) -> None:
    hits = index.search(SearchQuery(text="zurich")).hits
    assert [h.id for h in hits] == ["t:marks"]
    _well_formed(hits[0].snippet_html)
    assert "<mark>Zürich</mark>" in hits[0].snippet_html
    for query in ("re\u0301sume\u0301", "\u0301", "résumé"):
        for hit in index.search(SearchQuery(text=query)).hits:
            _well_formed(hit.snippet_html)


def test_matches_are_sought_only_within_reach_of_the_first() -> None:
    # (the bound that keeps a megabyte of repeats cheap: 50,000 phrase matches and 100,000
    # word matches were all collected and sorted before)
    from mljobs.index.base import _SCAN_CHARS, _matches
    from mljobs.index.tantivy_engine import stem

    text = "Intro. " + "machine learning " * 60_000
    for words, phrases in (([], (("machine", "learning"),)), (["machine", "learning"], ())):
        found = _matches(text, words, stem, phrases)
        assert found[0][0] == 7
        assert max(start for start, _end, _key in found) < 7 + _SCAN_CHARS
        assert len(found) > 300  # every match within reach is still there


def test_a_phrase_of_one_word_over_and_over_against_words_joined_by_underscores(
        store: SQLiteStore, now, time_ratio) -> None:
    # the engines split "a_a_a" into "a", "a", "a": the phrase a/a/.../z (or quoted) is
    # found and marked without trying every way to split the run (each "a" of the phrase
    # took in "_" as the separator between them did: exponential, 3 s for nine words, each
    # word more x3, so nine words took 9 times seven's; now about as long)
    text = "a_" * 30 + "! " + "a " * 12 + "z"
    store.upsert([normalize(RawPosting(source="t", source_id="u", title="Role",
                                       description_text=text))], now=now)
    idx = open_index(store)
    try:
        def phrase(words: int) -> str:
            return "/".join(["a"] * words + ["z"])
        assert time_ratio(lambda: idx.search(SearchQuery(text=phrase(9))),
                          lambda: idx.search(SearchQuery(text=phrase(7)))) < 4
        hits = idx.search(SearchQuery(text=phrase(9))).hits
    finally:
        idx.close()
    assert [h.id for h in hits] == ["t:u"]
    _well_formed(hits[0].snippet_html)
    assert "z</mark>" in hits[0].snippet_html
