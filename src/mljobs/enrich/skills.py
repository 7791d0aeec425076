"""The skill taxonomy and the skill extractor.

``SkillTaxonomy.load()`` reads ``enrich/data/skills.json`` (format described in
its ``context_schema``). ``SkillMatcher`` finds every alias in a text: token
n-grams are looked up in a dict keyed by the normalised alias (case-folded,
runs of spaces/hyphens/underscores collapsed), so the cost does not grow with
the number of skills. Ambiguous aliases are accepted only when their context
rule holds and, for case-sensitive aliases (``R``, ``Go``, ``C``), when the
capitalisation agrees.

Only the places where an alias can start are tokenised: one Aho-Corasick
scan (pyahocorasick) over a same-length ASCII image of the lower-cased text,
in which every character but ``a-z0-9`` is a space, finds every place where
an alias's first one or two ASCII words stand as whole words (see
``_anchor_patterns``). That is a superset of the places an alias starts, and
the n-gram lookup then runs at those places only, exactly as it would over
all tokens (``SkillMatcher._find_all_tokens`` is the plain scan, kept for texts
whose lower-casing changes token offsets and as the reference in the tests).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick  # type: ignore[import-not-found]  # ships no type stubs

from mljobs.enrich.lowered import lower
from mljobs.errors import EnrichError

# A token is a word (letters/digits joined by inner dots or apostrophes, with
# trailing + or #: C++, C#, Node.js) or one punctuation character. Spaces,
# hyphens and underscores only separate tokens, so "scikit-learn" == "scikit learn".
_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*[+#]*|[^\w\s\-]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into (token, start, end) triples; see ``_TOKEN_RE``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


_TOKEN_SPLIT = re.compile(f"({_TOKEN_RE.pattern})")


def _bounds(pieces: list[str]) -> list[int]:
    """Token offsets from a capturing ``split``: [s0, e0, s1, e1, ...] (a running sum, in C)."""
    return list(itertools.accumulate(map(len, pieces)))[:-1]


@lru_cache(maxsize=4096)
def _keeps_class(char: str) -> bool:
    """True when lower-casing ``char`` gives one character of the same token class."""
    low = char.lower()
    return len(low) == 1 and (char.isalnum(), char.isspace()) == (low.isalnum(), low.isspace())


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lowering_keeps_tokens(text: str) -> bool:
    """True when ``text.lower()`` splits into tokens at exactly the same offsets.

    ASCII characters always do, so only the non-ASCII ones are checked.
    """
    return all(_keeps_class(c) for c in set(_NON_ASCII.findall(text)) if c.lower() != c)


def _tokens(text: str) -> tuple[list[int], list[str]]:
    """The token offsets of ``text`` (flattened start/end pairs) and the lower-cased tokens.

    When lower-casing keeps every character's class (always for ASCII), one
    split of the lower-cased text gives both. Other text is tokenised as written for the
    offsets, and the lower-cased text gives the keys when it splits into as
    many tokens (else each token is case-folded).
    """
    low = text.lower()
    if text.isascii() or _lowering_keeps_tokens(text):
        pieces = _TOKEN_SPLIT.split(low)
        return _bounds(pieces), pieces[1::2]
    bounds = _bounds(_TOKEN_SPLIT.split(text))
    n_tok = len(bounds) // 2
    folded = _TOKEN_RE.findall(low) if len(low) == len(text) else []
    if len(folded) != n_tok:
        folded = [text[bounds[2 * k]:bounds[2 * k + 1]].casefold() for k in range(n_tok)]
    return bounds, folded


def norm_key(text: str) -> str:
    """The lookup key of an alias or surface: tokens, case-folded, space-joined."""
    return " ".join(t.casefold() for t, _, _ in tokenize(text))


def _is_word_char(char: str) -> bool:
    """True for the characters ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _caseless(chars: Iterable[str]) -> bool:
    """True when no character has another case (so case-insensitive matching is exact match)."""
    return all(c.lower() == c == c.upper() for c in chars)


@dataclass(frozen=True)
class Terms:
    """Terms searched as whole words, case-insensitively (``near_any`` / ``not_near_any``).

    ``pattern`` is the plain search, ``(?<!\\w)(?:t1|t2|...)(?!\\w)`` with
    IGNORECASE. When the searched text's only non-ASCII characters have no
    case, the ASCII terms can be found instead in the lower-cased text by one
    Aho-Corasick scan (``ascii_terms``: term -> length), keeping the
    occurrences with no word character on either side: that is the same
    answer, faster. Terms with other characters keep the regex
    (``other_pattern``), since case folding can pair them with ASCII letters.
    """

    pattern: re.Pattern[str]
    ascii_terms: Any  # an ahocorasick.Automaton, or None when no term is ASCII
    other_pattern: re.Pattern[str] | None

    @classmethod
    def compile(cls, terms: Iterable[str] | None) -> Terms | None:
        """The term search for ``terms`` (None when there are none)."""
        terms = [t for t in (terms or ()) if t]
        if not terms:
            return None
        automaton = None
        ascii_terms = {t.lower() for t in terms if t.isascii()}
        if ascii_terms:
            automaton = ahocorasick.Automaton()
            for t in ascii_terms:
                automaton.add_word(t, len(t))
            automaton.make_automaton()
        other = [t for t in terms if not t.isascii()]
        return cls(_terms_re(terms), automaton, _terms_re(other) if other else None)

    def found_in(self, text: str) -> bool:
        """True when some term occurs in ``text`` as a whole word (any case)."""
        if not (text.isascii() or _caseless(set(_NON_ASCII.findall(text)))):
            return self.pattern.search(text) is not None
        if self.ascii_terms is not None:
            low = text.lower()
            n = len(low)
            for last, size in self.ascii_terms.iter(low):
                first = last - size + 1
                if (first == 0 or not _is_word_char(low[first - 1])) and (
                        last + 1 == n or not _is_word_char(low[last + 1])):
                    return True
        return self.other_pattern is not None and self.other_pattern.search(text) is not None


@dataclass(frozen=True)
class ContextRule:
    """The conditions a governed alias must meet (see skills.json ``context_schema``)."""

    near_any: Terms | None
    not_near_any: Terms | None
    window: int
    not_followed_by: tuple[str, ...]
    not_preceded_by: tuple[str, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ContextRule:
        """Build a rule from its JSON object."""
        return cls(
            near_any=Terms.compile(data.get("near_any")),
            not_near_any=Terms.compile(data.get("not_near_any")),
            window=int(data.get("window") or 200),
            not_followed_by=tuple(s.casefold() for s in data.get("not_followed_by") or ()),
            not_preceded_by=tuple(s.casefold() for s in data.get("not_preceded_by") or ()),
        )

    def holds(self, text: str, start: int, end: int) -> bool:
        """True when the match ``text[start:end]`` satisfies every condition."""
        if self.near_any or self.not_near_any:
            around = text[max(0, start - self.window):start] + " \n " + text[end:end + self.window]
            if self.near_any and not self.near_any.found_in(around):
                return False
            if self.not_near_any and self.not_near_any.found_in(around):
                return False
        if self.not_followed_by and _starts_with_any(text[end:end + 60].lstrip(), self.not_followed_by):
            return False
        return not (
            self.not_preceded_by
            and _ends_with_any(text[max(0, start - 60):start].rstrip(), self.not_preceded_by)
        )


def _terms_re(terms: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


def _starts_with_any(text: str, prefixes: tuple[str, ...]) -> bool:
    low = text.casefold()
    for p in prefixes:
        if low.startswith(p):
            rest = low[len(p):]
            if not (p[-1:].isalnum() and rest[:1].isalnum()):
                return True
    return False


def _ends_with_any(text: str, suffixes: tuple[str, ...]) -> bool:
    low = text.casefold()
    for s in suffixes:
        if low.endswith(s):
            before = low[: len(low) - len(s)]
            if not (s[:1].isalnum() and before[-1:].isalnum()):
                return True
    return False


@dataclass(frozen=True)
class Alias:
    """One surface form of a skill, as the matcher uses it."""

    skill: str
    category: str
    form: str
    case_sensitive: bool
    rule: ContextRule | None
    exact: str = ""


@dataclass
class SkillTaxonomy:
    """The canonical skills: names, categories, aliases and context rules.

    Args:
        version: the taxonomy's version string.
        categories: category slug -> description.
        skills: the raw skill objects of skills.json.
    """

    version: str
    categories: dict[str, str]
    skills: list[dict[str, Any]]
    category_of: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.category_of = {s["name"]: s["category"] for s in self.skills}

    @classmethod
    def load(cls, path: str | Path | None = None) -> SkillTaxonomy:
        """Read a taxonomy file (default: the one shipped in the package).

        Raises:
            EnrichError: the file is missing or not a taxonomy.
        """
        try:
            if path is None:
                raw = resources.files("mljobs.enrich").joinpath("data/skills.json").read_text("utf-8")
            else:
                raw = Path(path).read_text("utf-8")
            data = json.loads(raw)
            return cls(str(data.get("version", "0")), dict(data["categories"]), list(data["skills"]))
        except FileNotFoundError as exc:
            raise EnrichError(
                f"Skill taxonomy not found ({path or 'mljobs/enrich/data/skills.json'}); "
                "build it with `python tools/build_skills.py`."
            ) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise EnrichError(f"Skill taxonomy {path or 'skills.json'} is not valid: {exc}") from exc

    def aliases(self) -> Iterable[Alias]:
        """Every surface form of every skill (the name included)."""
        for skill in self.skills:
            rule_data = skill.get("context")
            rule = ContextRule.from_json(rule_data) if rule_data else None
            governed = {norm_key(a) for a in (rule_data or {}).get("aliases", [])}
            case_sens = set(skill.get("case_sensitive_aliases") or ())
            for form in [skill["name"], *skill.get("aliases", [])]:
                yield Alias(
                    skill=skill["name"],
                    category=skill["category"],
                    form=form,
                    case_sensitive=form in case_sens,
                    rule=rule if norm_key(form) in governed else None,
                    exact=" ".join(form.split()),
                )


# The ASCII image of a lower-cased text: a-z and 0-9 kept, every other byte a space
# (non-ASCII characters are encoded as "?" first, so offsets do not move).
_IMAGE = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
# Longest run of spaces kept in the image; longer runs are cut to this length.
_MAX_GAP = 3
_LONG_GAP = re.compile(" {%d,}" % (_MAX_GAP + 1))
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_SEPARATORS = r"[\s\-_]*"


def _image(low: str) -> tuple[str, list[int], list[int]]:
    """`` " " + image of low + " "`` with space runs cut to ``_MAX_GAP``, and the cuts.

    Returns the image and two parallel lists: the image offsets at which a cut
    was made and the number of characters removed up to and including each cut.
    """
    image = " " + low.encode("ascii", "replace").translate(_IMAGE).decode("ascii") + " "
    at: list[int] = []
    removed: list[int] = []
    if " " * (_MAX_GAP + 1) in image:
        total = 0
        for m in _LONG_GAP.finditer(image):
            at.append(m.start() - total + _MAX_GAP)  # where the cut run ends, after the cuts
            total += m.end() - m.start() - _MAX_GAP
            removed.append(total)
        image = _LONG_GAP.sub(" " * _MAX_GAP, image)
    return image, at, removed


def _anchor_patterns(key: str) -> list[str]:
    """The image strings that must occur where ``key`` starts (key begins with a-z/0-9).

    An alias that starts with an ASCII letter or digit starts a token, so its
    image starts with its first ASCII word, after a space; its first two ASCII
    words are separated by 1 to ``_MAX_GAP`` spaces (separators and other
    characters all become spaces) and followed by a space.
    """
    words = _ASCII_WORD.findall(key.encode("ascii", "replace").translate(_IMAGE).decode("ascii"))
    if len(words) == 1:
        return [f" {words[0]} "]
    return [f" {words[0]}{' ' * gap}{words[1]} " for gap in range(1, _MAX_GAP + 1)]


def _starts_token(low: str, pos: int) -> bool:
    """True when ``_TOKEN_RE`` scanning ``low`` from 0 starts a token at ``pos``."""
    char = low[pos]
    before = low[pos - 1] if pos else ""
    if char.isalnum():
        return not (before.isalnum() or (before in ".'’" and pos >= 2 and low[pos - 2].isalnum()))
    if char in ".'’":
        return not (before.isalnum() and low[pos + 1:pos + 2].isalnum())
    if char in "+#":
        run = pos
        while run and low[run - 1] in "+#":
            run -= 1
        return not (run and low[run - 1].isalnum())
    return not (char.isspace() or char in "-_")


_CONJUNCTIONS = ("and", "or", "&", "/")
_COORD_RE = re.compile(r"(?<![\w-])(?P<mod>[A-Za-z][\w-]*)\s*(?:,\s*)?(?:and|or|&|/)\s*$")


class Match(NamedTuple):
    """A skill found in a text."""

    name: str
    category: str
    surface: str
    start: int
    end: int


class SkillMatcher:
    """Finds taxonomy skills in text by token n-gram lookup at the places an alias may start."""

    def __init__(self, taxonomy: SkillTaxonomy) -> None:
        self.taxonomy = taxonomy
        self._table: dict[str, list[Alias]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._second: dict[str, set[str]] = {}  # first token -> second tokens of longer aliases
        for alias in taxonomy.aliases():
            key = norm_key(alias.form)
            if not key:
                continue
            self._table.setdefault(key, []).append(alias)
            parts = key.split(" ")
            first, n = parts[0], len(parts)
            if n > 1:
                self._second.setdefault(first, set()).add(parts[1])
            lengths = self._lengths.setdefault(first, [])
            if n not in lengths:
                lengths.append(n)
                lengths.sort(reverse=True)
        # anchor image string -> token counts of the aliases it stands for
        anchored: dict[str, set[int]] = {}
        others: dict[str, list[str]] = {}  # aliases that start with another character
        for key in self._table:
            n = key.count(" ") + 1
            if key[0].isascii() and key[0].isalnum():
                for pattern in _anchor_patterns(key):
                    anchored.setdefault(pattern, set()).add(n)
            else:  # found by a regex over their first two tokens, run when one is in the text
                tokens = key.split(" ")[:2]
                others.setdefault(max(tokens, key=len), []).append(
                    _SEPARATORS.join(map(re.escape, tokens)))
        self._anchors = ahocorasick.Automaton()
        for pattern, counts in anchored.items():
            self._anchors.add_word(pattern, (len(pattern), frozenset(counts)))
        if anchored:
            self._anchors.make_automaton()
        self._others = [(literal, re.compile("|".join(sorted(pats, key=len, reverse=True))))
                        for literal, pats in others.items()]

    def find(self, text: str) -> list[Match]:
        """All skill matches in ``text``, leftmost-longest, non-overlapping.

        The same matches as ``_find_all_tokens``: the n-gram lookup runs only at
        the candidate starts the anchor scan gives, which include every place
        an alias occurs.
        """
        low = lower(text)
        if not (text.isascii() or _lowering_keeps_tokens(text)):
            return self._find_all_tokens(text)
        lengths_of, table, token_re = self._lengths, self._table, _TOKEN_RE
        out: list[Match] = []
        resume = 0  # characters before this offset are inside an earlier match
        candidates = self._candidates(low)
        for start in sorted(candidates):
            if start < resume or not _starts_token(low, start):
                continue
            first = token_re.match(low, start)
            lengths = lengths_of.get(first.group()) if first is not None else None
            if not lengths or first is None:
                continue
            counts = candidates[start]
            if counts is not None:  # only aliases anchored here can occur here
                lengths = [n for n in lengths if n in counts]
                if not lengths:
                    continue
            tokens = [first.group()]
            ends = [first.end()]
            if lengths[0] > 1:  # the longest alias needs more tokens
                for m in token_re.finditer(low, first.end()):
                    tokens.append(m.group())
                    ends.append(m.end())
                    if len(tokens) == lengths[0]:
                        break
            for n in lengths:
                if n > len(tokens):
                    continue
                key = tokens[0] if n == 1 else " ".join(tokens[:n])
                if key not in table:
                    continue
                match = self._accept(key, text, start, ends[n - 1])
                if match is not None:
                    out.append(match)
                    resume = ends[n - 1]
                    break
        return out

    def _candidates(self, low: str) -> dict[int, frozenset[int] | None]:
        """Offsets in ``low`` that include every place where an alias starts.

        Each maps to the token counts of the aliases whose anchor occurs there
        (None: any alias may start there).
        """
        found: dict[int, frozenset[int] | None] = {}
        if len(self._anchors):
            image, at, removed = _image(low)
            for end, (size, counts) in self._anchors.iter(image):
                pos = end - size + 1  # the anchor's first word, in ``low``
                if at:  # undo the cuts of long space runs
                    k = bisect.bisect_right(at, pos + 1)
                    pos += removed[k - 1] if k else 0
                got = found.get(pos)
                found[pos] = counts if got is None else got | counts
        for literal, pattern in self._others:
            if literal in low:
                found.update((m.start(), None) for m in pattern.finditer(low))
        return found

    def _find_all_tokens(self, text: str) -> list[Match]:
        """``find`` by looking up every token of the text (the plain scan)."""
        bounds, folded = _tokens(text)
        n_tok = len(bounds) // 2
        lengths_of, second_of, table = self._lengths, self._second, self._table
        out: list[Match] = []
        resume = 0  # tokens before this index are inside an earlier match
        for i in [k for k, w in enumerate(folded) if w in lengths_of]:
            if i < resume:
                continue
            first = folded[i]
            multi = i + 1 < n_tok and folded[i + 1] in second_of.get(first, ())
            for n in lengths_of[first]:
                if i + n > n_tok or (n > 1 and not multi):
                    continue
                key = first if n == 1 else " ".join(folded[i:i + n])
                if key not in table:
                    continue
                match = self._accept(key, text, bounds[2 * i], bounds[2 * (i + n) - 1])
                if match is not None:
                    out.append(match)
                    resume = i + n
                    break
        return out

    def coordinated(self, text: str, match: Match) -> Match | None:
        """The skill a coordinated modifier stands for, if any.

        In "descriptive and inferential statistics" the matcher finds
        "inferential statistics"; the modifier "descriptive" shares its head, so
        this returns "descriptive statistics" with the surface "descriptive".
        """
        before = text[max(0, match.start - 40):match.start]
        if not before.rstrip().endswith(_CONJUNCTIONS):
            return None  # _COORD_RE needs a conjunction right before the match
        m = _COORD_RE.search(before)
        if m is None:
            return None
        words = norm_key(match.surface).split(" ")
        if len(words) < 2:
            return None
        key = norm_key(m.group("mod")) + " " + " ".join(words[1:])
        start = match.start - len(before) + m.start("mod")
        end = start + len(m.group("mod"))
        found = self._accept(key, text, start, end)
        if found is None or found.name == match.name:
            return None
        return found

    def _accept(self, key: str, text: str, start: int, end: int) -> Match | None:
        candidates = self._table.get(key)
        if not candidates:
            return None
        surface = text[start:end]
        exact: str | None = None
        for alias in candidates:
            if alias.case_sensitive:
                if exact is None:
                    exact = " ".join(surface.split())
                if exact != alias.exact:
                    continue
            if alias.rule is not None and not alias.rule.holds(text, start, end):
                continue
            return Match(alias.skill, alias.category, surface, start, end)
        return None


@lru_cache(maxsize=1)
def default_taxonomy() -> SkillTaxonomy:
    """The packaged taxonomy, loaded once."""
    return SkillTaxonomy.load()


@lru_cache(maxsize=1)
def default_matcher() -> SkillMatcher:
    """A matcher over the packaged taxonomy, built once."""
    return SkillMatcher(default_taxonomy())
