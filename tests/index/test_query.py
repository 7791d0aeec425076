"""The query language parser: documented forms, and every string parses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.errors import QueryError
from mljobs.index.query import MAX_CLAUSES, MAX_PREFIXES, MAX_QUERY_CHARS, parse_query


def shape(text: str) -> list[tuple[bool, list[str]]]:
    return [(c.negated, [t.text() for t in c.terms]) for c in parse_query(text).clauses]


def test_words_are_anded() -> None:
    assert shape("pytorch kubernetes") == [(False, ["pytorch"]), (False, ["kubernetes"])]


def test_phrase_exclusion_and_or() -> None:
    assert shape('"machine learning" -sales pytorch OR jax') == [
        (False, ["machine learning"]),
        (True, ["sales"]),
        (False, ["pytorch", "jax"]),
    ]


def test_excluded_phrase_and_hyphenated_word() -> None:
    assert shape('-"data entry" scikit-learn') == [(True, ["data entry"]),
                                                   (False, ["scikit-learn"])]


@pytest.mark.parametrize("junk", ['"', '""', "()", "* : NEAR", "-", "OR", "OR OR", "\x00\x01",
                                  "((((", "title:", "-OR", "---"])
def test_junk_parses_to_something_or_nothing(junk: str) -> None:
    parsed = parse_query(junk)
    for clause in parsed.clauses:
        assert clause.terms and all(t.words for t in clause.terms)


def test_oversize_query_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="keep it under"):
        parse_query("x" * (MAX_QUERY_CHARS + 1))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_string_parses(text: str) -> None:
    try:
        parsed = parse_query(text)
    except QueryError as exc:  # for too many clauses (a 400-character text is short) and
        # a prefix that cannot be one ("p*", "c++*"), or more prefixes than MAX_PREFIXES
        assert (f"keep it to {MAX_CLAUSES}" in str(exc) or "before the *" in str(exc)
                or "words ending in *" in str(exc)
                or "can end in *" in str(exc))
        return
    assert all(c.terms for c in parsed.clauses)


def test_a_repeated_clause_is_one_and_too_many_are_refused() -> None:
    assert shape(" ".join(["pytorch"] * (MAX_CLAUSES + 5)) + " jax") == [
        (False, ["pytorch"]), (False, ["jax"])]
    words = [f"w{i}" for i in range(MAX_CLAUSES)]
    assert len(parse_query(" ".join(words)).clauses) == MAX_CLAUSES
    with pytest.raises(QueryError, match=f"{MAX_CLAUSES + 1} parts.*keep it to {MAX_CLAUSES}"):
        parse_query(" ".join([*words, "zzz"]))


def test_slash_joined_words_are_one_phrase() -> None:
    assert shape("a/b testing") == [(False, ["a b"]), (False, ["testing"])]
    assert shape("ci/cd OR c/c++ -tcp/ip") == [(False, ["ci cd", "c c++"]), (True, ["tcp ip"])]
    assert shape("x/y/z") == [(False, ["x y z"])]
    # one slash between two words only: a path's or a link's other parts stay words
    assert shape("a//b /c/") == [(False, ["a"]), (False, ["b"]), (False, ["c"])]
    assert shape("a / b") == [(False, ["a"]), (False, ["b"])]


def test_prefix_field_and_bars() -> None:
    parsed = parse_query('py* -title:senior company:"prior labs" pytorch || jax TITLE:ml*')
    terms = [(c.negated, [(t.text(), t.prefix, t.field) for t in c.terms])
             for c in parsed.clauses]
    assert terms == [(False, [("py", True, None)]), (True, [("senior", False, "title")]),
                     (False, [("prior labs", False, "company_text")]),
                     (False, [("pytorch", False, None), ("jax", False, None)]),
                     (False, [("ml", True, "title")])]
    assert parsed.plain_words() == ["pytorch", "jax"]
    # "*" after no word, a phrase or a slash term, and unknown fields, are as before
    assert shape('* "machine lear*" ci/cd* skills:pytorch') == [
        (False, ["machine lear"]), (False, ["ci cd"]), (False, ["skills"]), (False, ["pytorch"])]
    with pytest.raises(QueryError, match="needs 2 letters"):
        parse_query("p*")


def test_more_prefixes_than_max_prefixes_are_refused_each_counted_once() -> None:
    prefixes = [f"{a}{b}*" for a in "cdr" for b in "aeiou"][:MAX_PREFIXES + 1]
    assert len(parse_query(" || ".join(prefixes[:MAX_PREFIXES])).clauses) == 1
    # a prefix repeated, or also excluded (-ce*), is one; in a field (title:ca*) another
    again = " ".join([*prefixes[:MAX_PREFIXES], prefixes[0], f"-{prefixes[1]}"])
    assert len(parse_query(again).clauses) == MAX_PREFIXES + 1
    for typed in (" ".join(prefixes), " ".join([*prefixes[:MAX_PREFIXES], "title:ca*"]),
                  " ".join([*prefixes[1:MAX_PREFIXES], f"-{prefixes[0]}", "zz*"])):
        with pytest.raises(QueryError, match=rf"{MAX_PREFIXES + 1} words ending in \*.*"
                                             rf"keep it to {MAX_PREFIXES}"):
            parse_query(typed)
