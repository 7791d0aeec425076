"""Split a posting description into sections and tell which part a position is in.

A section is one of ``about`` (the company), ``responsibilities``,
``requirements``, ``nice`` (nice-to-have / preferred), ``benefits`` or
``other`` (text before the first recognised heading). Headings are short
lines (or the ``Label:`` start of a line) that name a section; the section
runs until the next heading. Inline cues ("... is a plus", "preferred",
"bonus") mark a single line as nice-to-have wherever it sits.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from mljobs.enrich.lowered import lower, register, spans_around

SECTION_KINDS = ("other", "about", "responsibilities", "requirements", "nice", "benefits")

# Order matters: the first kind whose pattern matches a heading wins, so the
# "preferred qualifications" heading is nice-to-have, not requirements.
_HEADING_PATTERNS: tuple[tuple[str, str], ...] = (
    ("nice", (r"nice[\s-]to[\s-]haves?|preferred|bonus(?: points)?|pluses|plus(?:es)? if|"
             r"desired|desirable|good to have|extra credit|it would be great|would be a plus|"
             r"ideal(?:ly)?|additional(?: skills| qualifications)")),
    ("benefits", (r"benefits|perks|what we offer|we offer|compensation|salary|why (?:join|work)|"
                 r"what'?s in it for you|total rewards|our offer")),
    ("requirements", (r"requirements?|qualifications?|what you(?:'ll| will)? (?:need|bring|have)|"
                     r"who you are|about you|you have|you bring|you are|must[\s-]haves?|"
                     r"skills|experience|what we(?:'re| are) looking for|looking for|ideal candidate|"
                     r"we(?:'d| would) love|knowledge|competenc\w+|profile|minimum|basic")),
    ("responsibilities", (r"responsibilit\w+|what you(?:'ll| will) do|what you will be doing|"
                         r"the role|your role|role description|duties|day[\s-]to[\s-]day|"
                         r"in this role|you will|you'll|the job|job description|the position|"
                         r"the opportunity|your impact|what you'll work on|projects?|mission")),
    ("about", (r"about (?:us|the company|the team|[A-Z]\w+)|who we are|overview|our company|"
              r"company description|the company|our team|the team|summary")),
)
# One anchored regex; the first alternative that matches gives the kind.
_HEADING_RE = re.compile(
    r"^\W*(?:" + "|".join(f"(?P<{kind}>{pat})" for kind, pat in _HEADING_PATTERNS) + r")\b",
    re.IGNORECASE,
)


def _alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex (groups and classes kept whole)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def _by_first_letter(patterns: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], list[str]]:
    """``_HEADING_RE`` with its alternatives grouped by their first letter (each starts with
    one), so the engine tries only the few that start with the heading's letter; each in a
    group of its own, numbered in the returned list of kinds. At any position only the
    alternatives of one letter can match (no character matches two ASCII letters, case
    folding included), and within a letter they keep their order: the first that matches
    is the one ``_HEADING_RE`` finds."""
    letters: dict[str, list[tuple[str, str]]] = {}
    for kind, pattern in patterns:
        for alt in _alternatives(pattern):
            if not ("a" <= alt[0] <= "z"):
                raise ValueError(f"heading alternative {alt!r} must start with a letter")
            letters.setdefault(alt[0], []).append((kind, alt[1:]))
    kinds = [""]  # group 0 is the whole match
    parts = []
    for letter, alts in letters.items():
        inner = []
        for kind, rest in alts:
            inner.append(f"({rest})")
            kinds.append(kind)
        parts.append(f"{letter}(?:{'|'.join(inner)})")
    return re.compile(r"\W*(?:" + "|".join(parts) + r")\b", re.IGNORECASE), kinds


# ``_HEADING_RE`` for ``match`` at the start: a match's kind is ``_HEADING_KINDS[m.lastindex]``.
_HEADING_FAST, _HEADING_KINDS = _by_first_letter(_HEADING_PATTERNS)

# Searched once over the lower-cased text (no \b: plain alternation is much faster).
_NICE_CUE = re.compile(
    r"a plus|big plus|huge plus|strong plus|bonus|nice[ -]to[ -]have|preferred|desired|"
    r"desirable|ideally|not required|advantage|pluses|appreciated"
)

# Every cue contains one of these; a text with none of them has no cue.
_NICE_CUE_WORDS = ("plus", "bonus", "nice", "preferred", "desir", "ideally", "not required",
                   "advantage", "appreciated")
register(_NICE_CUE_WORDS)

# Every cue is at most 13 characters long, so it lies within this many characters of its word.
_CUE_RADIUS = 13


_CLAUSE_END = re.compile(r"[.;!?](?=\s)|\n")
_SENTENCE_END = re.compile(r"[.;!?](?=\s)")  # (the line breaks come from the line split)


@dataclass(frozen=True)
class Section:
    """A run of the description: its kind and character span ``[start, end)``."""

    kind: str
    start: int
    end: int


def _heading_kind(line: str) -> tuple[str, int] | None:
    """Return (kind, length of the heading part) if ``line`` is a section heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    head, colon, _rest = stripped.partition(":")
    if not colon and stripped.endswith((".", ",")):
        return None  # a sentence, not a bare heading (and no "Label:")
    n_words = len(head.split())
    if n_words > 7 or (colon and not n_words):  # a label or a bare heading has 1-7 words
        return None
    m = _HEADING_FAST.match(head)
    if m is None:
        return None
    return _HEADING_KINDS[m.lastindex or 0], len(head) + len(colon)


class SectionMap:
    """The sections of one text, with fast position lookup.

    Args:
        text: the description, plain text with newlines.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self._heading_lines: set[int] = set()
        self._line_starts: list[int] = []
        self._split()
        self._starts = [s.start for s in self.sections]
        low = lower(text)
        spans = spans_around(low, _NICE_CUE_WORDS, _CUE_RADIUS) if len(low) == len(text) else []
        self._cues = [(m.start(), m.end()) for a, b in spans for m in _NICE_CUE.finditer(low, a, b)]
        self._cue_starts = [a for a, _ in self._cues]
        # The ends of the ``_CLAUSE_END`` matches: after a sentence end, or a line start.
        self._bounds = (sorted([m.end() for m in _SENTENCE_END.finditer(text)]
                               + self._line_starts[1:]) if self._cues else [])

    def _split(self) -> None:
        kind, start, pos, text = "other", 0, 0, self.text
        size = len(text)
        heading_lines, line_starts = self._heading_lines, self._line_starts
        for line in text.split("\n"):  # (a text ending in a line break ends in an empty line)
            line_starts.append(pos)
            n = len(line)
            # A heading line, its line break included, is at most 92 characters long (and an
            # empty line is none).
            head = _heading_kind(line) if 0 < n < 92 or (n == 92 and pos + n == size) else None
            if head is not None:
                heading_lines.add(pos)
                if head[0] != kind:
                    if pos > start:
                        self.sections.append(Section(kind, start, pos))
                    kind, start = head[0], pos
            pos += n + 1
        self.sections.append(Section(kind, start, size))

    def kind_at(self, offset: int) -> str:
        """The section kind that contains character ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sections[max(i, 0)].kind

    def is_nice(self, start: int, end: int | None = None) -> bool:
        """True when ``text[start:end]`` is in a nice-to-have section or its clause says so.

        A clause runs between sentence ends (``. ; ! ?`` before a space) and line
        breaks; a cue ("a plus", "preferred", "bonus"...) inside a parenthesis
        that does not contain the mention is ignored ("PhD (industry
        experience preferred)" keeps the PhD required).
        """
        if self.kind_at(start) == "nice":
            return True
        if not self._cues:
            return False
        end = start if end is None else end
        i = bisect.bisect_left(self._bounds, start + 1) - 1
        lo = self._bounds[i] if i >= 0 else 0
        j = bisect.bisect_left(self._bounds, end)
        hi = self._bounds[j] if j < len(self._bounds) else len(self.text)
        if lo in self._heading_lines:
            return False
        k = bisect.bisect_left(self._cue_starts, lo)
        while k < len(self._cues) and self._cues[k][0] < hi:
            a, b = self._cues[k]
            k += 1
            between = self.text[end:a] if a >= end else self.text[b:start]
            if between.count("(") > between.count(")") and a >= end:
                continue
            return True
        return False

    def spans(self, kind: str) -> list[Section]:
        """All sections of one kind, in order."""
        return [s for s in self.sections if s.kind == kind]


def split_sections(text: str) -> list[Section]:
    """Split ``text`` into consecutive sections covering it whole."""
    return SectionMap(text).sections
