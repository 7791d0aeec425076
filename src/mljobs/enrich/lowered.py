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
