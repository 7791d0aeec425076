"""``text.lower()`` computed once per text for all the steps of ``analyse``.

Every step (sections, skills, facets, salary) reads the lower-cased
description; ``lower(text)`` remembers the last text it lowered (by
identity, holding a reference so the identity stays valid), so the steps
that run one after another over the same string share one ``lower()``.
The memo is one immutable pair replaced whole, so threads can only miss it,
never read a wrong pair.
"""

from __future__ import annotations

import re

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_last: tuple[str, str] = ("", "")


def lower(text: str) -> str:
    """``text.lower()``, reused when ``text`` is the string lowered last."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = text.lower()
    _last = (text, low)
    return low


def lowers_exactly(text: str) -> bool:
    """True when ``text`` is ASCII or none of its non-ASCII characters has a case.

    Then lower-casing changes only ASCII letters (offsets stay), and a
    case-insensitive regex whose letters are ASCII matches ``text`` exactly
    where the same regex, case-sensitive and with lower-case letters, matches
    the lower-cased text: case folding pairs ASCII letters only with cased
    characters (such as the Kelvin sign or the long s).
    """
    return text.isascii() or all(c.lower() == c == c.upper()
                                 for c in set(_NON_ASCII.findall(text)))


def spans_around(low: str, words: tuple[str, ...], radius: int) -> list[tuple[int, int]]:
    """Merged, sorted ``[start, end)`` spans of ``low`` within ``radius`` characters of any
    occurrence of any of ``words``.

    A pattern whose every match contains one of ``words`` and is at most
    ``radius`` characters longer than it finds the same matches when it
    searches only these spans (``pos``/``endpos``) as in the whole text.
    """
    spans = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            spans.append((max(0, i - radius), min(len(low), i + len(w) + radius)))
            i = low.find(w, i + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
