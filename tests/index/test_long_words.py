"""A word longer than the indexes hold (a token over ``query.LONGEST_TOKEN`` bytes) is found
by neither engine: tantivy's analyzer drops such a token from what it indexes and from a
query, so "<40 letters>c++a" was searched as "a" there (4 postings of the slash tests' set)
while FTS5 searched the whole word (none): the engines disagreed (a hypothesis example of
tests/index/test_slash_terms.py). A 39-letter word is found by both."""

from __future__ import annotations

from mljobs.index import SearchIndex, SearchQuery
from mljobs.index.query import LONGEST_TOKEN, Clause, Term, findable, parse_query

WORD_39 = "pneumonoultramicroscopicsilicovolcanoco"  # 39 letters
WORD_40 = WORD_39 + "n"

# words of scripts written with combining marks (vowel signs, vowel marks): tantivy's tokenizer
# keeps the marks in the word, Python's "\w" and FTS5's split there. A Hindi word of 16
# characters, 48 bytes, is one token too long to index for tantivy
HINDI_48 = "कमलाकमलाकमलाकमला"
ARABIC = "مُهَنْدِس"

POSTS = {
    "long": ("Data Engineer", f"We use {WORD_39} and {WORD_40} tooling, a lot."),
    "short": ("ML Engineer", "Train a model; deploy it."),
    "marked": ("Analyst", f"Uses {HINDI_48}, योगिकी and {ARABIC} daily."),
}


def _ids(index: SearchIndex, text: str) -> set[str]:
    return {h.id.removeprefix("t:") for h in index.search(SearchQuery(text=text, limit=50)).hits}


def test_the_token_limit_is_the_words_length_in_bytes() -> None:
    assert len(WORD_39) == LONGEST_TOKEN
    assert findable(Term((WORD_39,))) and not findable(Term((WORD_40,)))
    assert not findable(Term(("é" * 20,)))  # (40 bytes in UTF-8)
    assert not findable(Term(("a", WORD_40)))  # (a phrase holding one)


def test_a_word_too_long_to_index_finds_nothing(posts_index: SearchIndex) -> None:
    assert _ids(posts_index, WORD_39) == {"long"}
    assert _ids(posts_index, WORD_40) == set()
    assert _ids(posts_index, f"{WORD_40} a") == set()  # (it was "a" alone in tantivy)
    assert _ids(posts_index, f"{WORD_40[:-1]}c++a") == set()
    assert _ids(posts_index, f'"use {WORD_40}"') == set()
    # in an OR group the other words still count; excluded, it excludes nothing
    assert _ids(posts_index, f"{WORD_40} OR deploy") == {"short"}
    assert _ids(posts_index, f"engineer -{WORD_40}") == {"long", "short"}


def test_a_word_with_marks_is_one_word() -> None:
    assert parse_query("योगिकी").clauses == (Clause((Term(("योगिकी",)),), False),)  # (was य, ग, क)
    assert parse_query(f"{ARABIC} -x").plain_words() == [ARABIC]
    assert not findable(Term((HINDI_48,)))  # (its pieces between the marks are short)
    assert findable(Term(("प्रौद्योगिकी",)))  # (tantivy splits at a virama, as FTS5 does)


def test_a_word_with_marks_is_found_by_both_engines(posts_index: SearchIndex) -> None:
    # tantivy found none of these (the query's pieces were no tokens it held)
    assert _ids(posts_index, "योगिकी") == {"marked"}
    assert _ids(posts_index, ARABIC) == {"marked"}
    assert _ids(posts_index, f"engineer -{ARABIC}") == {"long", "short"}
    # and a marked word too long to index is found by neither (FTS5 found it)
    assert _ids(posts_index, HINDI_48) == set()
    assert _ids(posts_index, f"{HINDI_48} OR deploy") == {"short"}


def test_a_word_with_marks_is_marked_whole_in_the_snippet(posts_index: SearchIndex) -> None:
    """The snippet's mark stopped before the word's last vowel sign ("<mark>योगिक</mark>ी",
    tantivy: Python's "\\w" has no marks) or marked the letters between the signs one by one
    ("<mark>य</mark>ो<mark>ग</mark>ि<mark>क</mark>ी", FTS5, whose tokenizer splits there)."""
    for query, word in (("योगिकी", "योगिकी"), (ARABIC, ARABIC)):
        (hit,) = posts_index.search(SearchQuery(text=query, limit=5)).hits
        assert f"<mark>{word}</mark>" in hit.snippet_html, hit.snippet_html
    (hit,) = posts_index.search(SearchQuery(text="deploy", limit=5)).hits
    assert "<mark>deploy</mark> it." in hit.snippet_html  # (a plain word as ever)
