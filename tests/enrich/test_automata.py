"""The word automata built as DFAs (``lowered.automaton``) find what ahocorasick_rs's default
automaton of the same words finds: the same (word, start, end) matches, overlapping ones too,
in the same order (``lowered.scan`` keeps each word's first match first, and the steps read
its hits in that order)."""

from __future__ import annotations

import ahocorasick_rs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mljobs.enrich import lowered, sections, skills

# (words that overlap, begin with their own endings, hold non-ASCII characters, and
# characters whose UTF-8 encodings are two to four bytes long: offsets are in characters)
_PIECES = ["remote", "series", "seriesseries", "aa", "a", "on-site", "new grad", "new\xa0grad",
           "early\u2009stage", "we’re", "’", "€", "£120", "₹", "lab", "labs", "join", "joining",
           "hire", "hiring", "İ", "ſ", "\U0001d400", "é", " ", "\n", "-", "x" * 20]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def _default(words: list[str]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(words)


def _same(words: list[str], text: str) -> None:
    got = lowered.automaton(words).find_matches_as_indexes(text, overlapping=True)
    assert got == _default(words).find_matches_as_indexes(text, overlapping=True)


@settings(max_examples=300, deadline=None)
@given(texts)
@example("seriesseries new\xa0grad £120 ₹ we’re")
def test_trigger_words_dfa_finds_what_the_default_finds(text: str) -> None:
    lowered._built()
    words = sorted(lowered._words)
    low = text.lower()
    _same(words, low)
    _same(words, text)
    # (``scan`` reads them through the DFA: every word's starts, in order)
    assert lowered.scan(low) == {w: [s for k, s, _ in _default(words).find_matches_as_indexes(
        low, overlapping=True) if words[k] == w] for w in dict.fromkeys(
        words[k] for k, _, _ in _default(words).find_matches_as_indexes(low, overlapping=True))}


@settings(max_examples=200, deadline=None)
@given(texts)
def test_section_heads_and_skill_terms_dfa_find_what_the_default_finds(text: str) -> None:
    low = text.lower()
    heads = sorted({sections._literal_head(a) for a in sections._PITCH_ASK_WORDS})
    _same(heads, low)
    for words in (sections._SENTENCE_ASK_WORDS, sections._SENTENCE_COMPANY_WORDS,
                  sections._SENTENCE_HIRE_WORDS):
        _same(sorted({sections._literal_head(w) for w in words}), low)
    terms = skills.Terms.compile(["lab", "labs", "new grad", "series", "aa", "a", "we’re", "Join"])
    assert terms is not None
    _same(sorted({t.lower() for t in terms.terms if t.isascii()}), low)
