"""``text.lower()`` computed once per text for all the steps of ``analyse``.

Every step (sections, skills, facets, salary) reads the lower-cased
description; ``lower(text)`` remembers the last text it lowered (by
identity, holding a reference so the identity stays valid), so the steps
that run one after another over the same string share one ``lower()``.
The memo is one immutable pair replaced whole, so threads can only miss it,
never read a wrong pair.
"""

from __future__ import annotations

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
