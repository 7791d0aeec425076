"""``text.lower()`` computed once per text for all the steps of ``analyse``.

Every step (sections, skills, facets, salary) reads the lower-cased
description; ``lower(text)`` remembers the last ``MEMO_TEXTS`` texts it
lowered (by identity, holding a reference so the identity stays valid), so
the steps that run one after another over the same strings share one
``lower()`` per text, also when each step runs over a whole batch of
postings before the next (``pipeline._analyse_many``). Each entry is an
immutable pair stored and checked whole (``pair[0] is text``), so threads can
only miss an entry, never read a wrong one.

``lowers_exactly(text)`` is remembered the same way, and so are the trigger
words found in a lower-cased text (``hits``): every step registers the
literal words its patterns need (``register``), and one Aho-Corasick scan per
text finds all of them at once, so each step looks only at its few hits
instead of searching the whole text for each of its words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ahocorasick_rs

_ASCII_BYTES = bytes(range(128))
# How many texts each memo remembers: at least the texts of a pipeline batch (titles too).
MEMO_TEXTS = 256
# text id -> (text, value), oldest first (insertion order); an id is only reused after its
# text is freed, and an entry keeps its text alive, so a found entry whose text ``is`` the
# argument is that text's.
_lowered: dict[int, tuple[str, str]] = {}
_exact: dict[int, tuple[str, bool]] = {}


def _remember(memo: dict[int, Any], key: Any, entry: tuple[Any, ...]) -> None:
    """Store ``entry`` under ``id(key)``, dropping the oldest entry when the memo is full."""
    if len(memo) >= MEMO_TEXTS:
        try:
            del memo[next(iter(memo))]
        except (KeyError, RuntimeError, StopIteration):  # (another thread got there first)
            pass
    memo[id(key)] = entry


def forget() -> None:
    """Empty the memos (a benchmark that times a step from scratch calls it)."""
    _lowered.clear()
    _exact.clear()
    _hits.clear()


def lower(text: str) -> str:
    """``text.lower()``, reused when ``text`` is one of the strings lowered last."""
    got = _lowered.get(id(text))
    if got is not None and got[0] is text:
        return got[1]
    low = text.lower()
    _remember(_lowered, text, (text, low))
    return low


def lowers_exactly(text: str) -> bool:
    """True when ``text`` is ASCII or none of its non-ASCII characters has a case.

    Then lower-casing changes only ASCII letters (offsets stay), and a
    case-insensitive regex whose letters are ASCII matches ``text`` exactly
    where the same regex, case-sensitive and with lower-case letters, matches
    the lower-cased text: case folding pairs ASCII letters only with cased
    characters (such as the Kelvin sign or the long s).
    """
    if text.isascii():
        return True
    got = _exact.get(id(text))
    if got is not None and got[0] is text:
        return got[1]
    # (the non-ASCII characters, found in C: deleting the ASCII bytes of the UTF-8 encoding
    # leaves whole encodings of the others; surrogates pass as they are, caseless)
    others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    exact = all(c.lower() == c == c.upper() for c in set(others.decode("utf-8", "surrogatepass")))
    _remember(_exact, text, (text, exact))
    return exact


# --- trigger words: one scan per text for the literal words of every step -------------
_words: set[str] = set()
# (the automaton over ``_words`` and the words by pattern index, or None until the next
# ``hits`` builds it; its generation)
_automaton: tuple[Any, list[str], int] | None = None
_generation = 0
_hits: dict[int, tuple[str, int, dict[str, list[int]]]] = {}


def register(words: Iterable[str]) -> None:
    """Add lower-case trigger words for ``hits`` to find (steps call it once, at import)."""
    global _automaton, _generation
    new = {w for w in words if w not in _words}
    if not new:
        return
    if any(not w or w != w.lower() for w in new):
        raise ValueError(f"trigger words must be non-empty and lower case: {sorted(new)}")
    _words.update(new)
    _automaton = None
    _generation += 1


def automaton(words: Iterable[str]) -> ahocorasick_rs.AhoCorasick:
    """An ahocorasick_rs automaton of ``words`` (strings) as a DFA.

    It finds the matches the library's default automaton finds, in the same order (every
    kind does: ``tests/enrich/test_automata.py``), in less time: over the corpus texts, the
    DFA of this module's trigger words scanned them in 33 ms, the default in 73 ms (as
    fast as its contiguous NFA). (Not for bytes: the skill anchors' DFA of 16,239 patterns
    made the whole pipeline slower, its table 26 MB.)
    """
    return ahocorasick_rs.AhoCorasick(list(words), implementation=ahocorasick_rs.Implementation.DFA)


def _built() -> tuple[Any, list[str], int]:
    global _automaton
    got = _automaton
    if got is None:
        words = sorted(_words)
        scanner = automaton(words) if words else None
        got = _automaton = (scanner, words, _generation)
    return got


def hits(low: str) -> dict[str, list[int]]:
    """Start offsets of every occurrence (overlapping ones too) of every registered word in
    ``low``, by word, ascending; words that do not occur have no key.

    ``low`` is a lower-cased text (usually ``lower(text)``); the answer is remembered
    for the strings scanned last, by identity, like ``lower``. Do not change the lists.
    """
    generation = _built()[2]
    got = _hits.get(id(low))
    if got is not None and got[0] is low and got[1] == generation:
        return got[2]
    found = scan(low)
    _remember(_hits, low, (low, generation, found))
    return found


def scan(low: str) -> dict[str, list[int]]:
    """``hits`` of a string scanned once (a title): not remembered, leaving the text's be."""
    scanner, words, _ = _built()
    found: dict[str, list[int]] = {}
    # (one call finds them all, as (word index, start, end) in character offsets, each
    # word's in ascending order)
    for k, start, _ in (scanner.find_matches_as_indexes(low, overlapping=True)
                        if scanner is not None else ()):
        w = words[k]
        got = found.get(w)
        if got is None:
            found[w] = [start]
        else:
            got.append(start)
    return found


def spans_around(low: str, words: tuple[str, ...], radius: int, *,
                 found: dict[str, list[int]] | None = None,
                 overlapping: bool = True) -> list[tuple[int, int]]:
    """Merged, sorted ``[start, end)`` spans of ``low`` within ``radius`` characters of any
    occurrence of any of ``words``.

    A pattern whose every match contains one of ``words`` and is at most
    ``radius`` characters longer than it finds the same matches when it
    searches only these spans (``pos``/``endpos``) as in the whole text.

    ``found`` gives the occurrences instead of ``hits(low)`` (for a string other than
    the shared text). Without ``overlapping``, the occurrences of each word are taken
    left to right without overlap (what repeated ``str.find`` from the end of the last
    one gives): only a word that begins with its own ending ("series") has others.
    """
    if found is None:
        if not _words.issuperset(words):
            register(words)
        found = hits(low)
    if not overlapping:
        found = _without_overlaps(found, words)
    spans = [(i - radius if i > radius else 0, i + len(w) + radius)
             for w in words if w in found for i in found[w]]
    if not spans:
        return []
    merged = merged_spans(spans)
    # (only the last span can end after the text: every span starts inside it)
    lo, hi = merged[-1]
    if hi > len(low):
        merged[-1] = (lo, len(low))
    return merged


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` spans in order, those that overlap or touch (one starts at or before
    the end of the one before) merged into one. Sorts ``spans`` in place; fewer than two
    come back as they are (the same list)."""
    if len(spans) < 2:
        return spans
    spans.sort()
    merged: list[tuple[int, int]] = []
    lo, hi = spans[0]
    for a, b in spans:
        if a > hi:
            merged.append((lo, hi))
            lo, hi = a, b
        elif b > hi:
            hi = b
    merged.append((lo, hi))
    return merged


def _without_overlaps(found: dict[str, list[int]], words: tuple[str, ...]) -> dict[str, list[int]]:
    """``found`` without the occurrences of ``words`` that overlap the occurrence of the same
    word before them (a copy, when there are such)."""
    out = found
    for w in _bordered(words):
        starts = found.get(w)
        if starts is None or len(starts) < 2:
            continue
        kept, after = [], -1
        for i in starts:
            if i >= after:
                kept.append(i)
                after = i + len(w)
        if len(kept) < len(starts):
            if out is found:
                out = dict(found)
            out[w] = kept
    return out


_bordered_of: dict[tuple[str, ...], tuple[str, ...]] = {}


def _bordered(words: tuple[str, ...]) -> tuple[str, ...]:
    """The ``words`` whose occurrences can overlap: each begins with one of its own proper
    endings ("series", "aa")."""
    got = _bordered_of.get(words)
    if got is None:
        got = _bordered_of[words] = tuple(
            w for w in words if any(w.startswith(w[k:]) for k in range(1, len(w))))
    return got
