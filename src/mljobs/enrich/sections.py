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

SECTION_KINDS = ("other", "about", "responsibilities", "requirements", "nice", "benefits")

# Order matters: the first kind whose pattern matches a heading wins, so the
# "preferred qualifications" heading is nice-to-have, not requirements.
_HEADING_PATTERNS: tuple[tuple[str, str], ...] = (
    ("nice", r"nice[\s-]to[\s-]haves?|preferred|bonus(?: points)?|pluses|plus(?:es)? if|"
             r"desired|desirable|good to have|extra credit|it would be great|would be a plus|"
             r"ideal(?:ly)?|additional(?: skills| qualifications)"),
    ("benefits", r"benefits|perks|what we offer|we offer|compensation|salary|why (?:join|work)|"
                 r"what'?s in it for you|total rewards|our offer"),
    ("requirements", r"requirements?|qualifications?|what you(?:'ll| will)? (?:need|bring|have)|"
                     r"who you are|about you|you have|you bring|you are|must[\s-]haves?|"
                     r"skills|experience|what we(?:'re| are) looking for|looking for|ideal candidate|"
                     r"we(?:'d| would) love|knowledge|competenc\w+|profile|minimum|basic"),
    ("responsibilities", r"responsibilit\w+|what you(?:'ll| will) do|what you will be doing|"
                         r"the role|your role|role description|duties|day[\s-]to[\s-]day|"
                         r"in this role|you will|you'll|the job|job description|the position|"
                         r"the opportunity|your impact|what you'll work on|projects?|mission"),
    ("about", r"about (?:us|the company|the team|[A-Z]\w+)|who we are|overview|our company|"
              r"company description|the company|our team|the team|summary"),
)
_HEADING_RES = tuple(
    (kind, re.compile(rf"^\W*(?:{pat})\b", re.IGNORECASE)) for kind, pat in _HEADING_PATTERNS
)
_NICE_CUE = re.compile(
    r"\b(?:a plus|is a plus|are a plus|big plus|huge plus|bonus|nice[\s-]to[\s-]have|preferred|"
    r"desired|desirable|ideally|not required|a strong plus|an advantage|advantageous|"
    r"pluses|appreciated|welcome)\b",
    re.IGNORECASE,
)
_LINE_RE = re.compile(r"[^\n]*(?:\n|$)")


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
    words = head.split()
    is_label = bool(colon) and 0 < len(words) <= 7
    is_bare = not colon and len(words) <= 7 and not stripped.endswith((".", ","))
    if not (is_label or is_bare):
        return None
    for kind, pattern in _HEADING_RES:
        if pattern.search(head):
            return kind, len(head) + len(colon)
    return None


class SectionMap:
    """The sections of one text, with fast position lookup.

    Args:
        text: the description, plain text with newlines.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self._nice_lines: list[tuple[int, int]] = []
        self._split()
        self._starts = [s.start for s in self.sections]
        self._nice_starts = [a for a, _ in self._nice_lines]

    def _split(self) -> None:
        kind, start = "other", 0
        for match in _LINE_RE.finditer(self.text):
            line = match.group()
            if not line:
                break
            head = _heading_kind(line)
            if head is not None and head[0] != kind:
                if match.start() > start:
                    self.sections.append(Section(kind, start, match.start()))
                kind, start = head[0], match.start()
            if _NICE_CUE.search(line) and head is None:
                self._nice_lines.append((match.start(), match.end()))
        self.sections.append(Section(kind, start, len(self.text)))

    def kind_at(self, offset: int) -> str:
        """The section kind that contains character ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sections[max(i, 0)].kind

    def is_nice(self, offset: int) -> bool:
        """True when ``offset`` sits in a nice-to-have section or a line with a "plus" cue."""
        if self.kind_at(offset) == "nice":
            return True
        i = bisect.bisect_right(self._nice_starts, offset) - 1
        return i >= 0 and self._nice_lines[i][0] <= offset < self._nice_lines[i][1]

    def spans(self, kind: str) -> list[Section]:
        """All sections of one kind, in order."""
        return [s for s in self.sections if s.kind == kind]


def split_sections(text: str) -> list[Section]:
    """Split ``text`` into consecutive sections covering it whole."""
    return SectionMap(text).sections
