"""Regex alternations laid out by their first character, for the engine to reject fast.

Python's ``re`` tries the alternatives of ``a|b|c`` one by one at each
position. When every alternative starts with a known character, grouping them
by it (``x(?:rest1|rest2)|y(?:...)``) lets the engine drop all groups but one
on their first character. No character matches two groups' first characters,
and the alternatives keep their order inside a group, so the grouped form
finds the same matches as the plain alternation. Used by the section headings
(``sections``) and the seniority and remote facets (``facets``); property
tests compare each with its plain alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def by_first_letter(labelled: Iterable[tuple[str, str]], *,
                    either_case: bool = False, capture: bool = True) -> tuple[str, list[str]]:
    """The alternation of ``(label, alternative)`` pairs, each alternative in a capturing
    group of its own, grouped by its first letter (lower case).

    Returns the pattern text ``(?:...)`` and the labels by group number (group
    0, the whole match, is labelled ""), so a match's label is
    ``labels[m.lastindex]``. With ``either_case`` the first letter matches in
    either case (for a pattern compiled without ``re.IGNORECASE``). Without
    ``capture`` the groups capture nothing (for a pattern that only tells whether
    a label matches: the engine then rejects an alternative on its first
    character, which it cannot do past a group's start, about twice as fast).
    """
    letters: dict[str, list[tuple[str, str]]] = {}
    for label, alt in labelled:
        if not ("a" <= alt[0] <= "z"):
            raise ValueError(f"alternative {alt!r} must start with a lower-case letter")
        letters.setdefault(alt[0], []).append((label, alt[1:]))
    labels = [""]
    parts = []
    for letter, alts in letters.items():
        head = f"[{letter}{letter.upper()}]" if either_case else letter
        parts.append(f"{head}(?:" + "|".join(f"({rest})" if capture else f"(?:{rest})" for _, rest in alts)
                     + ")")
        labels += [label for label, _ in alts]
    return "(?:" + "|".join(parts) + ")", labels


def by_first_char(alternatives: tuple[str, ...], after: str = "") -> re.Pattern[str]:
    """``(?:alt1|alt2|...)`` + ``after``, compiled, grouped by first character (no groups).

    Every alternative starts with a literal letter or digit, or ``\\b`` and one, or an
    escaped literal (``\\(``).
    When every alternative starts with ``\\b``, the ``\\b`` is tested once, first
    (it fails fast inside words); otherwise a leading ``\\b`` is written as a
    look-behind after the character (``f(?<!\\wf)``, the same test since ``f`` is
    a word character), so the pattern starts with a literal and the engine skips
    to the characters that can start a match. Searches and ``sub`` find the
    matches the plain alternation finds.
    """
    groups: dict[str, list[str]] = {}
    every_bounded = all(alt.startswith("\\b") for alt in alternatives)
    for alt in alternatives:
        bounded = alt.startswith("\\b")
        escaped = not bounded and alt.startswith("\\") and len(alt) > 1 and not alt[1].isalnum()
        first = alt[2] if bounded else alt[:2] if escaped else alt[0]
        if not (escaped or first.isalnum()):
            raise ValueError(f"alternative {alt!r} must start with a literal letter or digit")
        rest = alt[3:] if bounded else alt[len(first):]
        groups.setdefault(first, []).append(
            f"(?<!\\w{first}){rest}" if bounded and not every_bounded else rest)
    parts = [f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()]
    return re.compile(("\\b" if every_bounded else "") + "(?:" + "|".join(parts) + ")" + after)
