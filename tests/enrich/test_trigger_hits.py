"""The shared trigger-word scan (``lowered.hits``) finds what word-by-word ``str.find`` finds."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets, lowered, roles, salary, sections

_WORDS = ["remote", "series", "seriesseries", "on-site", "visa", "h-1b", "lead", "Intern", "engineer",
          "aa", "a", "new grad", "no experience", "plus", "équity", "equity", "İ", "ſ", "Σ", "\U0001d400",
          "stock options", "ph.d", "associate", "lab", " ", "\n", "-", "x" * 20,
          # (the nineteenth session's equity words)
          "VSOP", "phantom stock", "stock grant", "restricted ", "stock units", "+ stock", "+stock"]
texts = st.lists(st.sampled_from(_WORDS), max_size=30).map("".join)


def _finds(low: str, word: str) -> list[int]:
    out, i = [], low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return out


def _plain_windows(low: str, words: tuple[str, ...], radius: int = 90) -> str:
    spans: list[tuple[int, int]] = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            spans.append((max(0, i - radius), i + len(w) + radius))
            i = low.find(w, i + len(w))
    if not spans:
        return ""
    spans.sort()
    merged = [spans[0]]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return "\n".join(low[a:b] for a, b in merged)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_hits_are_every_occurrence_of_every_word(text: str) -> None:
    low = text.lower()
    found = lowered.hits(low)
    for w in (*facets._REMOTE_GATE, *facets._STAGE_GATE, *roles._NOUN_WORDS,
              *sections._NICE_CUE_WORDS, *salary._EQUITY_WORDS, *facets._ZERO_WORDS):
        assert found.get(w, []) == _finds(low, w)
    # (every registered word, as the automaton (a DFA) finds them: no other key either)
    assert found == {w: _finds(low, w) for w in sorted(lowered._words) if w in low}
    assert lowered.hits(low) is found  # remembered


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([facets._REMOTE_GATE, facets._STAGE_GATE, facets._VISA_GATE]),
       st.sampled_from([5, 40, 90]))
def test_windows_from_hits_match_the_find_loop(text: str, words: tuple[str, ...], radius: int) -> None:
    low = text.lower()
    assert facets._windows(low, words, radius) == _plain_windows(low, words, radius)


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([("aa", "a", "series"), ("seriesseries", "lead", "x" * 20)]),
       st.sampled_from([0, 3, 40]), st.booleans())
def test_spans_around_merges_as_the_find_loop(text: str, words: tuple[str, ...], radius: int,
                                              overlapping: bool) -> None:
    """One merger for every window: all occurrences, or (``overlapping=False``) those that
    repeated ``str.find`` from the end of the last one gives."""
    low = text.lower()
    found = {w: _finds(low, w) for w in words if w in low}
    spans = lowered.spans_around(low, words, radius, found=found, overlapping=overlapping)
    if overlapping:
        covered = {i for w, starts in found.items() for s in starts
                   for i in range(max(0, s - radius), min(len(low), s + len(w) + radius))}
        assert {i for a, b in spans for i in range(a, b)} == covered
        assert all(b < a2 for (_, b), (a2, _) in pairwise(spans))  # merged, sorted
    else:
        assert "\n".join(low[a:b] for a, b in spans) == _plain_windows(low, words, radius)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_joined_hits_are_the_hits_of_the_joined_text(title: str, text: str) -> None:
    title_low, text_low = title.lower(), text.lower()
    joined = title_low + "\n" + text_low
    assert joined == (title + "\n" + text).lower()
    got = facets._joined_hits(title_low, text_low, facets._REMOTE_GATE)
    assert got == {w: _finds(joined, w) for w in facets._REMOTE_GATE if w in joined}


@settings(max_examples=300, deadline=None)
@given(texts)
@example("no experience equity")  # a refused stake: the reference must refuse it too
def test_equity_gate_matches_the_regex(text: str) -> None:
    low = text.lower()
    pattern = salary._EQUITY_ASCII if low.isascii() else salary._EQUITY
    plain = any(salary._offered(low, m) for m in pattern.finditer(low))
    assert salary.mentions_equity(text) == plain


@settings(max_examples=300, deadline=None)
@given(texts)
def test_zero_years_gate_matches_the_regex(text: str) -> None:
    low = text.lower()
    if not lowered.lowers_exactly(text):
        return
    near = any(facets._ZERO_YEARS_LOW.search(low, a, b)
               for a, b in lowered.spans_around(low, facets._ZERO_WORDS, 30))
    assert near == bool(facets._ZERO_YEARS_LOW.search(low))


def test_every_word_looked_up_in_the_hits_is_registered() -> None:
    looked_up = {*facets._REMOTE_GATE, *facets._STAGE_GATE, *facets._VISA_GATE, *facets._ASSOCIATE_WORDS,
                 *facets._SENIORITY_GATE, *facets._ZERO_WORDS, "associate",
                 *(w for _, words, _ in facets._SENIORITY_TEXT for w in words),
                 *(g for _, gates, _, _ in facets._DEGREE_RES for g in gates),
                 *roles._NOUN_WORDS, *sections._NICE_CUE_WORDS, *salary._EQUITY_WORDS}
    assert looked_up <= lowered._words


def test_seniority_reads_an_internship_in_the_text() -> None:
    assert facets.seniority("Data Scientist", "This is a paid internship in Berlin.") == "intern"
    assert facets.seniority("Data Scientist", "Thís is a paid internship in Berlin.") == "intern"


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60) | texts)
def test_lowers_exactly_is_every_non_ascii_character_caseless(text: str) -> None:
    fresh = "".join(text)  # (a new string: the answer is remembered by identity)
    plain = all(c.lower() == c == c.upper() for c in text if not c.isascii())
    assert lowered.lowers_exactly(fresh) is plain
    assert lowered.lowers_exactly(fresh + "\ud800") is plain  # a lone surrogate is caseless
