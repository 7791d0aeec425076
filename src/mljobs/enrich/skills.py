"""The skill taxonomy and the skill extractor.

``SkillTaxonomy.load()`` reads ``enrich/data/skills.json`` (format described in
its ``context_schema``). ``SkillMatcher`` finds every alias in a text: token
n-grams are looked up in a dict keyed by the normalised alias (case-folded,
runs of spaces/hyphens/underscores collapsed), so the cost does not grow with
the number of skills. Ambiguous aliases are accepted only when their context
rule holds and, for case-sensitive aliases (``R``, ``Go``, ``C``), when the
capitalisation agrees.

Only the places where an alias can start are looked at: one Aho-Corasick
scan (ahocorasick_rs, overlapping matches) over a same-length ASCII image of
the lower-cased text, in which every character but ``a-z0-9`` is a space,
finds every place where an alias's first one or two ASCII words stand as
whole words (see ``_anchor_patterns``; a first word followed by a long run of
spaces has a pattern of its own, and so do the literals that gate the regexes
of the aliases that start with another character). That is a superset of the
places an alias starts. At each, one regex per first word, compiled on first use
(``_trie_pattern``: the aliases beginning with that word as a trie of whole
tokens) gives the longest alias there, the same one the n-gram lookup over
all tokens gives (``SkillMatcher._find_all_tokens`` is that plain scan, kept
for texts whose lower-casing changes token offsets and as the reference in
the tests). Most aliases are accepted as they are; the case and context
checks run only for the few that have them.
"""

from __future__ import annotations

import functools
import itertools
import json
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick_rs

from mljobs.enrich.lowered import automaton, hits, lower, lowers_exactly, register
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


_ASCII_BYTES = bytes(range(128))


def _non_ascii_chars(text: str) -> set[str]:
    """The distinct non-ASCII characters of ``text``.

    (Its UTF-8 bytes with the ASCII ones deleted are the other characters'
    whole sequences: a few C passes, against a regex match per character.)
    """
    return set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
               .decode("utf-8", "surrogatepass"))


def _lowering_keeps_tokens(text: str) -> bool:
    """True when ``text.lower()`` splits into tokens at exactly the same offsets.

    ASCII characters always do, so only the non-ASCII ones are checked.
    """
    return all(_keeps_class(c) for c in _non_ascii_chars(text) if c.lower() != c)


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
    if text.isascii():  # (lower-casing ASCII is case folding, and keeps every token as it is)
        return " ".join(_TOKEN_RE.findall(text.lower()))
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
    Aho-Corasick scan (``ascii_terms``), keeping the
    occurrences with no word character on either side: that is the same
    answer, faster. Terms with other characters keep the regex
    (``other_pattern``), since case folding can pair them with ASCII letters.
    """

    terms: tuple[str, ...]
    # the terms with a non-ASCII character
    others: tuple[str, ...] = ()
    # For ASCII texts (``found_in_image``): the terms that are one ASCII word (lower-cased);
    # the other ASCII terms (lower-cased), searched as whole words in the lower-cased text.
    words: frozenset[bytes] = frozenset()
    phrases: tuple[str, ...] = ()

    @classmethod
    def compile(cls, terms: Iterable[str] | None) -> Terms | None:
        """The term search for ``terms`` (None when there are none).

        (Its regexes are compiled on first use: most are never needed.)
        """
        terms = [t for t in (terms or ()) if t]
        if not terms:
            return None
        ascii_terms = {t.lower() for t in terms if t.isascii()}
        return cls(
            tuple(terms), tuple(t for t in terms if not t.isascii()),
            words=frozenset(t.encode() for t in ascii_terms if _ASCII_WORD_TERM.fullmatch(t)),
            phrases=tuple(sorted(t for t in ascii_terms if not _ASCII_WORD_TERM.fullmatch(t))),
        )

    @functools.cached_property
    def ascii_terms(self) -> Any:
        """The ASCII terms, lower-cased, in an ahocorasick_rs automaton, or None."""
        ascii_terms = sorted({t.lower() for t in self.terms if t.isascii()})
        return automaton(ascii_terms) if ascii_terms else None

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        """The plain search: every term, case-insensitively, as a whole word."""
        return _terms_re(list(self.terms))

    @functools.cached_property
    def other_pattern(self) -> re.Pattern[str] | None:
        """The plain search for the terms with a non-ASCII character (None: there are none)."""
        return _terms_re(list(self.others)) if self.others else None

    @functools.cached_property
    def phrase_pattern(self) -> re.Pattern[str] | None:
        """The whole-word search for ``phrases`` in a lower-cased text (None: there are none)."""
        return _terms_re(list(self.phrases), 0) if self.phrases else None

    @functools.cached_property
    def ascii_others(self) -> re.Pattern[str] | None:
        """The search for the non-ASCII terms that can match ASCII letters at all (None: none).

        E.g. a term with the Kelvin sign matches "k" case-insensitively; "’s" matches no ASCII.
        """
        found = [t for t in self.others if all(c.isascii() or _pairs_with_ascii(c) for c in t)]
        return _terms_re(found) if found else None

    @functools.cached_property
    def image_scan(self) -> Any:
        """The search of ``found_in_image`` (None: no ASCII term), an ahocorasick_rs automaton.

        Its patterns are the one-word terms (``words``) first, then the images
        of the phrases, each between two spaces.
        """
        patterns = [b" " + w + b" " for w in self.words] + [
            b" " + p.encode().translate(_WORD_IMAGE) + b" " for p in self.phrases]
        return ahocorasick_rs.BytesAhoCorasick(patterns) if patterns else None

    def found_in_image(self, low: str, image: bytes, text: str | None = None) -> bool:
        """``found_in(text)``, given ``low = text.lower()`` and its image, for an ASCII text...

        ... (``text`` None) or a ``text`` whose non-ASCII characters are neither
        word characters nor cased (``_marks_only``: quotes, dashes, bullets).
        ``image`` is ``_word_image(low)``: ``low`` with every character but
        ``\\w`` ones (``a-z0-9_``) a space, with a space added at each end. A
        one-word term occurs as a whole word exactly when it stands between two
        spaces there; a phrase occurs as a whole word only where its image does
        (between two spaces), so the phrase regex runs only when one does. The
        non-ASCII characters, being no word characters, are spaces in the image
        too, and having no case, pair with no ASCII letter; the terms with a
        non-ASCII character are searched with their regex in such a ``text``.
        """
        scan = self.image_scan
        if scan is not None:
            hits = scan.find_matches_as_indexes(image, overlapping=True)
            if hits:
                if min(hits)[0] < len(self.words):
                    return True
                if self.phrase_pattern is not None and self.phrase_pattern.search(low) is not None:
                    return True
        if text is not None:
            return self.other_pattern is not None and self.other_pattern.search(text) is not None
        return self.ascii_others is not None and self.ascii_others.search(low) is not None

    def found_in(self, text: str) -> bool:
        """True when some term occurs in ``text`` as a whole word (any case)."""
        if not (text.isascii() or _caseless(_non_ascii_chars(text))):
            return self.pattern.search(text) is not None
        if self.ascii_terms is not None:
            low = text.lower()
            n = len(low)
            for _, first, end in self.ascii_terms.find_matches_as_indexes(low, overlapping=True):
                if (first == 0 or not _is_word_char(low[first - 1])) and (
                        end == n or not _is_word_char(low[end])):
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
    _follow_firsts: frozenset[str] | None = field(init=False, repr=False, compare=False)
    _precede_lasts: frozenset[str] | None = field(init=False, repr=False, compare=False)

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

    def __post_init__(self) -> None:
        # The first/last characters the strings of not_followed_by/not_preceded_by start/end
        # with (None when one is empty): a text that starts/ends otherwise matches none.
        object.__setattr__(self, "_follow_firsts", _edge_chars(self.not_followed_by, 0))
        object.__setattr__(self, "_precede_lasts", _edge_chars(self.not_preceded_by, -1))

    def holds(self, text: str, start: int, end: int) -> bool:
        """True when the match ``text[start:end]`` satisfies every condition.

        The conditions next to the match are checked first: they are cheap, and
        a rule holds only when all of them do, in any order.
        """
        if self.not_followed_by:
            after = text[end:end + 60].lstrip()
            firsts = self._follow_firsts
            # casefold works character by character, so the first character decides
            if (firsts is None or after[:1].casefold()[:1] in firsts) and _starts_with_any(
                    after, self.not_followed_by):
                return False
        if self.not_preceded_by:
            before = text[max(0, start - 60):start].rstrip()
            lasts = self._precede_lasts
            if (lasts is None or before[-1:].casefold()[-1:] in lasts) and _ends_with_any(
                    before, self.not_preceded_by):
                return False
        if self.near_any or self.not_near_any:
            window = self.window
            around = text[start - window if start > window else 0:start] + " \n " + text[
                end:end + window]
            plain = around.isascii()
            if plain or _marks_only(_non_ascii_chars(around)):
                low = around.lower()
                image = _word_image(low)
                other = None if plain else around
                if self.near_any and not self.near_any.found_in_image(low, image, other):
                    return False
                if self.not_near_any and self.not_near_any.found_in_image(low, image, other):
                    return False
            else:
                if self.near_any and not self.near_any.found_in(around):
                    return False
                if self.not_near_any and self.not_near_any.found_in(around):
                    return False
        return True


def _edge_chars(strings: tuple[str, ...], index: int) -> frozenset[str] | None:
    """The characters at ``index`` of ``strings`` (None when one of them is empty)."""
    if not all(strings):
        return None
    return frozenset(s[index] for s in strings)


def _terms_re(terms: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    alts = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", flags)


# A term that is one run of ASCII word characters (lower-cased).
_ASCII_WORD_TERM = re.compile(r"[a-z0-9_]+")
# The ASCII word image: a-z, 0-9 and _ kept (the \w characters of lower-cased ASCII), others spaces.
_WORD_IMAGE = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789_" else 32 for c in range(256))


def _word_image(low: str) -> bytes:
    """A lower-cased text with every character but ASCII ``\\w`` ones a space, between spaces.

    (One byte per character: a non-ASCII character is encoded as "?" first.)
    """
    return b" " + low.encode("ascii", "replace").translate(_WORD_IMAGE) + b" "


@functools.lru_cache(maxsize=4096)
def _is_mark(char: str) -> bool:
    """True for a character that is no word character and has no case (’ – • …)."""
    return not (char.isalnum() or char == "_") and char.lower() == char == char.upper()


def _marks_only(chars: Iterable[str]) -> bool:
    """True when every one of ``chars`` is a mark (``_is_mark``)."""
    return all(map(_is_mark, chars))


@functools.cache
def _pairs_with_ascii(char: str) -> bool:
    """True when a case-insensitive regex matches ``char`` with some ASCII character."""
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    return any(pattern.fullmatch(chr(c)) for c in range(128))


def _starts_with_any(text: str, prefixes: tuple[str, ...]) -> bool:
    low = text.casefold()
    if not low.startswith(prefixes):  # (one C call turns most texts away)
        return False
    for p in prefixes:
        if low.startswith(p):
            rest = low[len(p):]
            if not (p[-1:].isalnum() and rest[:1].isalnum()):
                return True
    return False


def _ends_with_any(text: str, suffixes: tuple[str, ...]) -> bool:
    low = text.casefold()
    if not low.endswith(suffixes):
        return False
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
    key: str = ""  # norm_key(form), when known


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
                key = norm_key(form)
                yield Alias(
                    skill=skill["name"],
                    category=skill["category"],
                    form=form,
                    case_sensitive=form in case_sens,
                    rule=rule if key in governed else None,
                    exact=" ".join(form.split()),
                    key=key,
                )


# The ASCII image of a lower-cased text: a-z and 0-9 kept, every other byte a space
# (non-ASCII characters are encoded as "?" first, so offsets do not move).
_IMAGE = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
# The longest run of spaces between an alias's first two words that its anchors spell out;
# a longer run is found by its first word's long-gap pattern (``SkillMatcher.__init__``).
_MAX_GAP = 3
_THIRD = operator.itemgetter(2)
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_SEPARATORS = r"[\s\-_]*"


def _image(low: str) -> bytes:
    """``b" " + image of low + b" "``: ``low`` with every character but a-z/0-9 a space.

    The image is one character longer at each end, so an image word at offset
    ``i`` of the image (its leading space at ``i - 1``) is at ``i - 1`` in ``low``.
    """
    return b" " + low.encode("ascii", "replace").translate(_IMAGE) + b" "


def _image_words(key: str) -> list[str]:
    """The words of the image of ``key``."""
    return _ASCII_WORD.findall(key.encode("ascii", "replace").translate(_IMAGE).decode("ascii"))


def _anchor_patterns(key: str) -> list[str]:
    """The image strings that occur where ``key`` starts (key begins with a-z/0-9)...

    ... unless its first two words are more than ``_MAX_GAP`` spaces apart there.
    An alias that starts with an ASCII letter or digit starts a token, so its
    image starts with its first ASCII word, after a space; its first two ASCII
    words are separated by 1 or more spaces (separators and other characters
    all become spaces) and followed by a space.
    """
    words = _image_words(key)
    if len(words) == 1:
        return [f" {words[0]} "]
    return [f" {words[0]}{' ' * gap}{words[1]} " for gap in range(1, _MAX_GAP + 1)]


def _add_starts(found: dict[int, Any], pattern: re.Pattern[str], low: str) -> None:
    """Map every offset of ``low`` where ``pattern`` matches to None in ``found``.

    (Overlapping matches too: "+ ++" holds "+ +" at 0 and "++" at 2, which
    ``finditer`` would miss.)
    """
    m = pattern.search(low)
    while m is not None:
        start = m.start()
        found[start] = None
        m = pattern.search(low, start + 1)


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
_WORD_RUN = re.compile(r"[\w-]+")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _modifier(before: str) -> tuple[int, int] | None:
    """The span of ``_COORD_RE.search(before)``'s ``mod`` group (None: no match), read from the right.

    The match must reach the end of ``before`` (only whitespace after the
    conjunction), so it is fixed by that end: the conjunction ``before.rstrip()``
    ends with, before it whitespace, at most one comma and whitespace; the
    modifier ends right there, after a word character or hyphen, and starts
    where that run of them starts (the lookbehind), with an ASCII letter. (The
    search tries every offset and backtracks in every word: ~7 us per call.)
    """
    stripped = before.rstrip()
    if not stripped.endswith(_CONJUNCTIONS):
        return None
    conjunction = next(c for c in _CONJUNCTIONS if stripped.endswith(c))
    end = len(stripped[:len(stripped) - len(conjunction)].rstrip())
    if end and before[end - 1] == ",":
        end = len(before[:end - 1].rstrip())
    run = _WORD_RUN.match(before[end - 1::-1]) if end else None
    if run is None:
        return None
    start = end - run.end()
    return (start, end) if before[start] in _ASCII_LETTERS else None


# Surfaces (by ``norm_key``) that name two skills: the matcher gives the one whose alias the
# surface is, ``coordinated_all`` adds this other one (when the taxonomy has it).
_PAIRED_NAMES: dict[str, str] = {"c / c++": "C++"}


class Match(NamedTuple):
    """A skill found in a text."""

    name: str
    category: str
    surface: str
    start: int
    end: int


# ``_match((name, category, surface, start, end))`` is ``Match(...)`` without the Python-level
# ``__new__`` a NamedTuple has (one C call; the matcher makes one per occurrence).
_match = functools.partial(tuple.__new__, Match)


class _Scanner:
    """The aliases whose first ASCII word is one word, as one regex tried at a candidate start.

    ``pattern.match(low, start)`` matches the longest of these aliases whose
    tokens stand at ``start`` (see ``_trie_pattern``); ``keys[g]`` is the alias
    key whose end-marker group ``g`` is ``m.lastindex``, and ``ends[g]`` the
    full check that its last token ends where the match ends, needed only when
    one of ``.'’+#`` follows it (None: the regex checked it all); ``outcomes[g]``
    is ``(keys[g], fixed.get(keys[g]), ends[g])``, all the loop of ``find`` needs.

    The regex is compiled on first use (``compiled``): a text meets only a few
    of the thousands of first words, and compiling them all took most of the
    matcher's load time. Until then ``pattern`` is None.
    """

    __slots__ = ("aliases", "ends", "fixed", "keys", "main", "only", "outcomes", "pattern", "size")

    def __init__(self, word: str, keys: list[str], fixed: dict[str, tuple[str, str]]) -> None:
        self.aliases = keys
        self.fixed = fixed  # key -> (skill, category) when its first alias takes every match
        self.pattern: re.Pattern[str] | None = None
        self.keys: tuple[str, ...] = ()
        self.ends: tuple[re.Pattern[str] | None, ...] = ()
        self.outcomes: tuple[tuple[str, tuple[str, str] | None, re.Pattern[str] | None], ...] = ()
        # (what ``alone`` gives, for this scanner itself: no alias taken without its regex)
        self.only: tuple[str, str] | None = None
        self.size = len(word)
        self.main = self

    def alone(self, word: str) -> _Scanner:
        """What stands for this scanner where no alias of two or more image words can start.

        When ``word`` is the only alias of one image word (no "c++" beside "c")
        and takes every match, that is a scanner with ``only`` set to its
        ``(skill, category)`` and ``main`` to this one: where the word is a
        whole token it is the alias (``find``), elsewhere ``main`` decides.
        Otherwise it is this scanner.
        """
        decided = self.fixed.get(word)
        if decided is None or [k for k in self.aliases if len(_image_words(k)) == 1] != [word]:
            return self
        view = _Scanner.__new__(_Scanner)
        view.aliases, view.fixed, view.main, view.only, view.size = (
            self.aliases, self.fixed, self, decided, self.size)
        view.pattern = None  # (never used: ``find`` turns to ``main``)
        return view

    def compiled(self) -> re.Pattern[str]:
        """The regex, compiled now if it was not yet (``keys`` and ``ends`` with it)."""
        pattern = self.pattern
        if pattern is None:
            pattern, self.keys, self.ends = _trie_pattern(self.aliases)
            self.outcomes = tuple((key, self.fixed.get(key), ends)
                                  for key, ends in zip(self.keys, self.ends, strict=True))
            self.pattern = pattern  # last: another thread that sees it sees keys and ends too
        return pattern


# Where a word token ends: it ends in a letter or digit and no letter/digit, +/#, or .'’ and a
# letter/digit follows; or it ends in + or # and no other + or # follows.
_ENDS_WORD = re.compile(r"(?![^\W_]|[.'’][^\W_]|[+#])")
# The characters other than letters and digits that can go on with a word token ending in one.
_GOES_ON = frozenset(".'’+#")
# The ASCII characters that are not letters or digits and not in ``_GOES_ON``, and "" (the end):
# next to a word they neither go on with it nor start it (a quick test before the full one).
_CLEAR = frozenset([""] + [c for c in map(chr, range(128)) if not c.isalnum() and c not in _GOES_ON])
# Separators between two tokens (possessive: a token never starts with one, so giving
# some back could not help the next token match): at least one, or any number.
_SOME_SEPARATORS = r"[\s\-_]++"
_ANY_SEPARATORS = r"[\s\-_]*+"
# No letter or digit next: ``(?!(?!_)\w)`` is ``(?![^\W_])``, which takes far longer to compile.
_NO_ALNUM = r"(?!(?!_)\w)"


def _token_end(token: str) -> str:
    """The regex after ``token``, a key's last token, for it to end where its text ends.

    For a word token ending in a letter or digit this checks only that no
    letter or digit follows; ``.'’`` or ``+#`` next is checked by the caller
    (``_Scanner.ends``).
    """
    if not token[0].isalnum():
        return ""  # a punctuation token is one character
    return r"(?![+#])" if token[-1] in "+#" else _NO_ALNUM


def _gap(before: str, token: str) -> str:
    """The regex between two consecutive tokens of a key, ``before`` then ``token``.

    Together with the literal text of ``token`` it makes ``before`` end as a
    token: a word token ending in a letter or digit is continued by a letter or
    digit, by + or #, or by .'’ and a letter or digit; one ending in + or # by
    another + or #; so those need a separator in between, and ``.'’`` right
    after a word needs no letter or digit after it.
    """
    if not before[0].isalnum():
        return _ANY_SEPARATORS  # a punctuation token is one character
    if before[-1] in "+#":
        return _SOME_SEPARATORS if token in ("+", "#") else _ANY_SEPARATORS
    if token[0].isalnum() or token in ("+", "#"):
        return _SOME_SEPARATORS
    if token in (".", "'", "’"):
        return rf"(?:{_SOME_SEPARATORS}|(?!{re.escape(token)}(?!_)\w))"
    return _ANY_SEPARATORS


def _trie_pattern(
        keys: Iterable[str]) -> tuple[re.Pattern[str], tuple[str, ...], tuple[re.Pattern[str] | None, ...]]:
    """One regex that matches, at a token start, the longest of ``keys`` whose tokens stand there.

    (That a token starts there is the caller's check: a lookbehind for it in
    each of some thousand regexes would double the time they take to compile.)

    The keys are laid out as a trie of tokens (their literal texts, with the
    separators ``_gap`` allows between two tokens); at each node the longer
    continuations are tried before the empty group that marks a key ending
    there, so the first match is the longest key, and the marker group that
    matched names it. Whether the key's last token ends where the match ends
    is left to ``_Scanner.ends`` (a shorter key may stand there when it does
    not). At most one continuation can match at a node, since two different
    tokens cannot both stand at one place.
    """
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for token in key.split(" "):
            node = node.setdefault(token, {})
        node[""] = key  # "" is never a token: it marks a key's end
    names: dict[str, str] = {}

    def alternatives(node: dict[str, Any], token: str) -> str:
        # the continuations after ``token``, grouped by the separators they allow
        by_gap: dict[str, list[str]] = {}
        # longer tokens first: "c++" is tried before "c", which would match its first letter
        # (and leave it to the slower check of ``_Scanner.ends``)
        for nxt, child in sorted(node.items(), key=lambda item: -len(item[0])):
            if nxt:
                gap = _gap(token, nxt) if token else ""
                by_gap.setdefault(gap, []).append(re.escape(nxt) + alternatives(child, nxt))
        alts = [gap + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")")
                for gap, tails in by_gap.items()]
        if "" in node:
            name = f"k{len(names)}"
            names[name] = node[""]
            alts.append(f"{_token_end(token)}(?P<{name}>)")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    pattern = re.compile(alternatives(trie, ""))
    keys_by_group = [""] * (pattern.groups + 1)
    for name, group in pattern.groupindex.items():
        keys_by_group[group] = names[name]
    ends = tuple(_ENDS_WORD if key and _token_end(key.rsplit(" ", 1)[-1]) == _NO_ALNUM else None
                 for key in keys_by_group)
    return pattern, tuple(keys_by_group), ends


class SkillMatcher:
    """Finds taxonomy skills in text by token n-gram lookup at the places an alias may start."""

    def __init__(self, taxonomy: SkillTaxonomy) -> None:
        self.taxonomy = taxonomy
        # key -> (name, category) of the second skill of a surface that names two
        self._paired = {key: (name, taxonomy.category_of[name]) for key, name in _PAIRED_NAMES.items()
                        if name in taxonomy.category_of}
        self._table: dict[str, list[Alias]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._second: dict[str, set[str]] = {}  # first token -> second tokens of longer aliases
        for alias in taxonomy.aliases():
            key = alias.key or norm_key(alias.form)
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
        # key -> (skill, category) when its first alias takes every match (no case, no rule)
        self._fixed: dict[str, tuple[str, str]] = {
            key: (aliases[0].skill, aliases[0].category) for key, aliases in self._table.items()
            if not aliases[0].case_sensitive and aliases[0].rule is None}
        # the keys that begin with a shorter key (looked up when their own match is refused)
        self._shorter = {key for key in self._table if any(
            key[:i] in self._table for i, c in enumerate(key) if c == " ")}
        # The aliases that start with an ASCII letter or digit, grouped by their first ASCII
        # word; each anchor image string stands for the scanner of its first word.
        by_word: dict[str, list[str]] = {}
        others: dict[str, list[str]] = {}  # aliases that start with another character
        for key in self._table:
            if key[0].isascii() and key[0].isalnum():
                by_word.setdefault(_image_words(key)[0], []).append(key)
            else:  # found by a regex over their first two tokens, run when one is in the text
                tokens = key.split(" ")[:2]
                others.setdefault(max(tokens, key=len), []).append(
                    _SEPARATORS.join(map(re.escape, tokens)))
        anchors: dict[str, _Scanner] = {}  # anchor image string -> the scanner of its first word
        # first word -> its scanner, for the words that begin an alias of two or more words
        multi_firsts: dict[str, _Scanner] = {}
        for word, keys in by_word.items():
            scanner = _Scanner(word, keys, self._fixed)
            alone = scanner.alone(word)
            for key in keys:
                patterns = _anchor_patterns(key)
                if len(patterns) > 1:
                    multi_firsts[word] = scanner
                    for pattern in patterns:
                        anchors[pattern] = scanner
                else:  # the word alone: where no anchor of two words starts too (``_candidates``)
                    anchors[patterns[0]] = alone
        # A first word followed by a run of more than _MAX_GAP spaces has no anchor of two
        # words: its own pattern, the word and such a run, stands for it (``_candidates``).
        for word, scanner in multi_firsts.items():
            anchors[f" {word}{' ' * (_MAX_GAP + 1)}"] = scanner
        self._anchor_scanners = list(anchors.values())
        self._others = [(literal, re.compile("|".join(sorted(pats, key=len, reverse=True))))
                        for literal, pats in others.items()]
        # Where a literal occurs in a text, its image occurs in the text's image: the same
        # scan finds those images too (patterns from ``_gate_base`` on, one per literal), and
        # tells which of these regexes to run; unless an image is all spaces (then None).
        gates = [literal.encode("ascii", "replace").translate(_IMAGE) for literal in others]
        gated = bool(gates) and all(gate.strip() for gate in gates)
        self._gate_base = len(anchors) if gated else None
        scanned = [a.encode() for a in anchors] + (gates if gated else [])
        # the one scan of ``_candidates`` (None: no patterns)
        self._anchors = ahocorasick_rs.BytesAhoCorasick(scanned) if scanned else None

    def find(self, text: str) -> list[Match]:
        """All skill matches in ``text``, leftmost-longest, non-overlapping.

        The same matches as ``_find_all_tokens``: each candidate start the
        anchor scan gives (which include every place an alias occurs) is tried
        with the scanner regex of its first word, which gives the longest alias
        there; only when that alias's case or context rule fails are the shorter
        ones looked up token by token (``_longest_at``).
        """
        low = lower(text)
        # (a text that ``lowers_exactly`` keeps its tokens; the sections step has asked already)
        if not (text.isascii() or lowers_exactly(text) or _lowering_keeps_tokens(text)):
            return self._find_all_tokens(text)
        out: list[Match] = []
        resume = 0  # characters before this offset are inside an earlier match
        candidates = self._candidates(low)
        for start in sorted(candidates):
            if start < resume:
                continue
            scanner = candidates[start]
            if scanner is None:
                match = self._longest_at(low, text, start, None)
            else:
                # (the anchor's space before the word is most often a space or punctuation)
                if start and (before := low[start - 1]) not in _CLEAR and (
                        before.isalnum() or before in ".'’") and not _starts_token(low, start):
                    continue
                only = scanner.only
                if only is not None:
                    # The anchor put the word here, between characters other than ASCII
                    # letters and digits, and no anchor of two words starts here: unless
                    # the next character may go on with the token, the word is the token,
                    # and the alias.
                    end = start + scanner.size
                    after = low[end:end + 1]
                    if after in _CLEAR or not (after.isalnum() or after in _GOES_ON):
                        out.append(_match((only[0], only[1], text[start:end], start, end)))
                        resume = end
                        continue
                    scanner = scanner.main
                m = (scanner.pattern or scanner.compiled()).match(low, start)
                if m is None:
                    continue
                key, decided, ends = scanner.outcomes[m.lastindex or 0]
                end = m.end()
                if ends is not None and low[end:end + 1] in _GOES_ON and ends.match(low, end) is None:
                    # the last token goes on past the match: a shorter alias may stand here
                    match = self._longest_at(low, text, start, None)
                elif decided is not None:
                    out.append(_match((decided[0], decided[1], text[start:end], start, end)))
                    resume = end
                    continue
                else:
                    match = self._accept(key, text, start, end)
                    if match is None and key in self._shorter:
                        match = self._longest_at(low, text, start, key.count(" "))
            if match is not None:
                out.append(match)
                resume = match.end
        return out

    def _longest_at(self, low: str, text: str, start: int, most: int | None) -> Match | None:
        """The longest accepted alias of at most ``most`` tokens (None: any) at ``start``.

        The plain lookup: the tokens from ``start`` on, joined, looked up longest first.
        """
        if not _starts_token(low, start):
            return None
        first = _TOKEN_RE.match(low, start)
        lengths = self._lengths.get(first.group()) if first is not None else None
        if not lengths or first is None:
            return None
        if most is not None:
            lengths = [n for n in lengths if n <= most]
            if not lengths:
                return None
        tokens = [first.group()]
        ends = [first.end()]
        if lengths[0] > 1:  # the longest alias needs more tokens
            for m in _TOKEN_RE.finditer(low, first.end()):
                tokens.append(m.group())
                ends.append(m.end())
                if len(tokens) == lengths[0]:
                    break
        for n in lengths:
            if n > len(tokens):
                continue
            key = tokens[0] if n == 1 else " ".join(tokens[:n])
            if key in self._table:
                match = self._accept(key, text, start, ends[n - 1])
                if match is not None:
                    return match
        return None

    def _candidates(self, low: str) -> dict[int, _Scanner | None]:
        """Offsets in ``low`` that include every place where an alias starts.

        Each maps to the scanner of the aliases whose first word is there (None:
        an alias that starts with another character than an ASCII letter or
        digit may start there). An alias of two or more words whose first two
        words are more than ``_MAX_GAP`` spaces apart in the image has no anchor
        there; its first word is then the word right before a run of that many
        spaces, which the word's long-gap pattern finds.
        """
        found: dict[int, _Scanner | None] = {}
        image = _image(low)
        gate_base = self._gate_base
        gates: Iterable[int] = ()
        if self._anchors is not None:
            hits = self._anchors.find_matches_as_indexes(image, overlapping=True)
            if gate_base is not None and hits and max(hits)[0] >= gate_base:
                gates = {index - gate_base for index, _, _ in hits if index >= gate_base}
                hits = [hit for hit in hits if hit[0] < gate_base]
            # In the order they end, so that an anchor of two words or a long-gap pattern,
            # which ends after the one-word anchor at the same start, has the last word
            # there (its scanner's). (an anchor's leading space is at the offset of its
            # first word in ``low``)
            hits.sort(key=_THIRD)
            scanners = self._anchor_scanners
            found = {start: scanners[index] for index, start, _ in hits}  # (a comprehension:
            # fewer calls than dict(zip(map(...), map(...))) over a score of hits)
        if gate_base is None:
            gates = [index for index, (literal, _) in enumerate(self._others) if literal in low]
        for index in gates:
            _add_starts(found, self._others[index][1], low)
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

    def coordinated_all(self, text: str, found: list[Match]) -> list[Match]:
        """``coordinated`` for every match of ``found`` with a space in its surface, where found;
        and the second skill of a match whose surface names two (``_PAIRED``: "C/C++" is C
        and C++), with the same surface and span.

        (The modifier is found by ``_modifier`` instead of ``coordinated``'s regex search,
        which took most of the time of this step.)
        """
        out = []
        for match in found:
            if "/" in match.surface and (pair := self._paired.get(norm_key(match.surface))) is not None:
                if pair[0] != match.name:
                    out.append(_match((pair[0], pair[1], match.surface, match.start, match.end)))
            elif " " in match.surface:
                start = match.start
                before = text[start - 40 if start > 40 else 0:start]
                if (span := _modifier(before)) is not None:
                    offset = start - len(before)
                    got = self._coordinate(text, match, offset + span[0], offset + span[1])
                    if got is not None:
                        out.append(got)
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
        start = match.start - len(before) + m.start("mod")
        return self._coordinate(text, match, start, start + len(m.group("mod")))

    def _coordinate(self, text: str, match: Match, start: int, end: int) -> Match | None:
        """The skill of the modifier ``text[start:end]`` with the head of ``match``, if any."""
        words = norm_key(match.surface).split(" ")
        if len(words) < 2:
            return None
        modifier = norm_key(text[start:end])
        found = self._accept(modifier + " " + " ".join(words[1:]), text, start, end)
        if found is None and len(words) > 2 and not modifier.endswith("ing"):
            # the modifier shares the head noun only: "statistical and machine learning
            # models" are statistical models and machine learning models (not a verb:
            # "training and deploying machine learning models")
            found = self._accept(modifier + " " + words[-1], text, start, end)
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
            return _match((alias.skill, alias.category, surface, start, end))
        return None


# Practice words the labels rarely take as an ask: vague activities ("model development",
# "algorithm development", "data transformation", "data extraction", "data management",
# "project management", "requirements gathering"), qualities ("scalability") and business
# functions ("business reporting", "business analysis", "market research", "digital
# marketing", "financial analytics"). On the dev labels they were 5 right and 33 false
# skills, on the read extra labels 24 right and 176 false. Fifteenth session: "model
# training", "data acquisition" (activities, as "model development" and "data extraction")
# and "technical documentation" ("technical writing and verbal communication skills": a
# communication skill): dev 2 right and 4 false, read extra labels 8 right and 35 false. Nineteenth
# session: "product management", a business function as project management is ("collaborate with
# product management, engineering and business stakeholders", "additional roles for sales,
# consulting, product design, product management"): dev 1 right ("8+ years of product management
# experience", in a product manager's post) and 1 false, read extra labels 13 false. They stay
# in the taxonomy (the archetype features count their categories, as the model was trained);
# the skills step leaves them out.
UNASKED_SKILLS = frozenset({
    "algorithm development", "business analysis", "business reporting", "data acquisition", "data extraction",
    "data management", "data transformation", "digital marketing", "financial analytics", "healthcare analytics",
    "market research", "model development", "model training", "product management", "project management",
    "real-time analytics", "requirements analysis", "research methodology", "scalability",
    "technical documentation",
})

# ... unless "experience" follows: "8+ years of product management experience", "5+ years of
# project management experience", "Previous Digital Marketing experience is a plus" name what
# the post asks for (nineteenth session: dev 1 right and 1 false, read extra labels 3 right and
# 1 false).
_AS_EXPERIENCE = re.compile(r"[ \t]+experience\b", re.IGNORECASE)


def as_experience(text: str, m: Match) -> bool:
    """Whether the match ``m`` of ``text`` is named as experience ("experience" follows it):
    a vague practice (``UNASKED_SKILLS``) is no ask unless it is."""
    return _AS_EXPERIENCE.match(text, m.end) is not None


# Practices whose spelled-out name is no ask but whose acronym is (name -> the acronym that
# starts every surface that asks). "Quality assurance" spelled out names a business function
# ("teams comprising functional, technical, regulatory and quality assurance", "prior to
# submission to quality assurance", "Quality Control/ Quality Assurance and GMP
# Manufacturing") or a vague check of data or deliverables ("provide quality assurance of
# imported data"); "QA" in a tech posting is the testing practice ("you own environment
# prep, QA, testing, CI/CD", "strong QA discipline"). Eighteenth session: dev 1 false gone,
# read extra labels 10 false gone, none right (no labels take the spelled-out form).
UNASKED_SPELLED_OUT = {"quality assurance": "QA"}

# Umbrella words for a kind of tool: followed by the tools they stand for, they introduce a
# list, and the labels take the tools named there, not the umbrella ("statistical
# programming languages (R, Python, etc.)", "statistical programming tools such as R,
# Matlab, SAS", "database systems (e.g. SQL, NoSQL, MongoDB, Postgres)", "DBMS (MySQL, SQL
# Server, Postgres)", "statistical software packages including: SAS, SPSS"); alone they are
# an ask ("Knowledge of data mining, database systems, system programming"). Eighteenth
# session: dev 1 false gone; read extra labels 15 false gone, none right.
UMBRELLA_SKILLS = frozenset({"database systems", "statistical programming", "statistical software"})
# (after an umbrella word: an optional kind noun, then a bracket, a colon or "such as" /
# "like" / "e.g." / "i.e." / "including")
NAMES_ITS_TOOLS = re.compile(
    r"[ \t-]*(?:(?:languages?|software|tools?|packages?|skills?|products?|solutions?|systems?)\b)?[ \t]*"
    r"(?:\(|:|,?[ \t]*(?:(?:such as|like|including)\b|e\.g\.|i\.e\.))",
    re.IGNORECASE,
)


# The skills ``names_no_ask`` judges (a set lookup first: most matches are none of them).
BY_FORM = frozenset(UNASKED_SPELLED_OUT) | UMBRELLA_SKILLS


def names_no_ask(text: str, found: list[Match], i: int) -> bool:
    """True when the match ``found[i]`` (``found``: the matches of ``text`` in order) names
    no ask by its form: a practice spelled out whose acronym is the ask
    (``UNASKED_SPELLED_OUT``: "submission to quality assurance", where "QA" is the practice),
    or an umbrella word followed by the tools it stands for (``UMBRELLA_SKILLS``:
    "statistical programming languages (R, Python)": the tools are the ask)."""
    m = found[i]
    if m.name in UNASKED_SPELLED_OUT:
        return not m.surface.startswith(UNASKED_SPELLED_OUT[m.name])
    if m.name not in UMBRELLA_SKILLS:
        return False
    intro = NAMES_ITS_TOOLS.match(text, m.end)
    if intro is None:
        return False
    # the list must start with a tool: a known one within a few characters on the same line
    # ("(for example, SAS, R)", "(e.g., python numpy/scipy)"), or, after a bracket or "such
    # as" (not a colon, which a sentence may follow), a proper name ("database systems (M2,
    # MDR, etc.)"); "statistical programming skills: writing clean, reproducible code" and
    # "database systems (3+ years)" introduce no tools, the umbrella is the ask
    at = intro.end()
    reach = min(at + _TOOL_REACH, len(text))
    if (line_end := text.find("\n", at, reach)) >= 0:
        reach = line_end
    for later in itertools.islice(found, i + 1, None):
        if later.start >= reach:
            break
        if later.start >= at and later.category not in _NOT_TOOLS:
            return True
    if text.endswith(":", 0, at):
        return False
    first = _LIST_START.match(text, at)
    return first is not None and first.end() < len(text) and text[first.end()].isupper()


# (how far after the introducer of an umbrella word's list its first tool may start; the
# categories that are no tools; what may come before the list's first name)
_TOOL_REACH = 16
_NOT_TOOLS = frozenset({"method", "area", "practice", "lab-technique"})
_LIST_START = re.compile(r"[ \t,:]*(?:(?:e\.g\.|eg\.?|i\.e\.|for example|for instance)[ \t,:]*)?",
                         re.IGNORECASE)


# Application domains and industries (sciences, markets, fields of engineering). The labels
# take one as a skill when the post asks for it ("experience in drug discovery", "a
# background in genomics") or in the duties, not when the company text names its field
# ("Acme builds software for robotics and autonomous driving", "partners across clinical
# trials, translational medicine and toxicology"): in the company text ("other", "about" or
# "benefits" sections) a domain in a sentence about the company that asks nothing
# (``SectionMap.in_company_sentence``) is no skill. Dev labels: 1 right and 8 false such
# mentions; read extra labels: 4 right and 68 false. Eighteenth session: "computer security"
# too ("fields as diverse as cybersecurity, healthcare, aviation", "niche service offerings in
# Cyber Security, Digital, Payroll"): read extra labels 5 false gone, none right; dev none.
DOMAIN_SKILLS = frozenset({
    "AI safety", "T cell biology", "agronomy", "analytical chemistry", "anti-money laundering",
    "augmented reality", "autonomous driving", "biochemistry", "brain-computer interfaces",
    "cancer biology", "cell biology", "claims processing", "clinical trials", "computational advertising",
    "computer security",
    "computational biology", "computational chemistry", "credit risk", "digital advertising",
    "digital pathology", "digital twins", "drug design", "drug discovery", "earth observation", "ecology",
    "embodied AI", "epidemiology", "gene therapy", "genetics", "genomics", "geospatial intelligence",
    "health economics", "hematology", "immunology", "immuno-oncology", "insurance underwriting",
    "materials science", "medical imaging", "medicinal chemistry", "microbiology", "molecular biology",
    "neuroscience", "organic chemistry", "pharmacometrics", "pharmacovigilance", "plant breeding",
    "portfolio management", "power systems", "predictive maintenance", "protein structure prediction",
    "proteomics", "public health", "quantum computing", "real-world data", "responsible AI", "robotics",
    "semiconductors", "stem cell biology", "synthetic biology", "toxicology", "transcriptomics",
    "trust and safety", "virology",
})
_COMPANY_TEXT = frozenset({"other", "about", "benefits"})

# Field words: the broad disciplines of software and data work (not the ML areas LABELS.md
# names as its examples: machine learning, deep learning, statistics, NLP, computer vision).
# The dev labels take about half of the mentions (60 of 134 postings that name one), the
# read extra labels about a fifth (274 of 1,246): docs/evaluation.md, "Skills on unseen
# postings (fourteenth session)". ``tools/skill_errors.py --split`` scores without them.
FIELD_SKILLS = frozenset({
    "artificial intelligence", "backend development", "big data", "business intelligence",
    "cloud computing", "data analysis", "data analytics", "data engineering", "data science",
    "databases", "frontend development", "full-stack development", "mobile development",
    "software development", "software engineering", "web development",
})


def is_domain_unasked(name: str, smap: Any, start: int, end: int) -> bool:
    """True when the match of skill ``name`` at ``[start, end)`` is an application domain
    (``DOMAIN_SKILLS``) or a field word (``FIELD_SKILLS``) named in company text, in a
    sentence about the company that asks nothing (for a field word: that does not speak of
    the role or the hiring either, "we're looking for a backend-leaning fullstack dev")."""
    hire = name not in DOMAIN_SKILLS
    if hire and name not in FIELD_SKILLS:
        return False
    return smap.kind_at(start) in _COMPANY_TEXT and smap.in_company_sentence(start, end, hire=hire)


_URL_MARKS = ("://", "www.")
register(_URL_MARKS)


def url_spans(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of the links in ``text`` ("https://acme.com/careers/
    senior-backend-engineer", "www.acme.com/..."): the run of non-space characters around
    each "://" and from each "www."; a page address names no skill. (``str.find`` only: a
    regex over the whole text cost more than the rest of the skills step's checks.)"""
    spans: list[tuple[int, int]] = []
    # (the text's trigger words, found for the other steps already, hold a mark wherever
    # the text does: most texts need not be searched)
    found = hits(lower(text))
    for mark in _URL_MARKS:
        if mark not in found:
            continue
        i = text.find(mark)
        while i >= 0:
            # (each break is looked for only between the link and the nearest one found so
            # far: a tab, rare, is otherwise searched for to the text's start and end)
            if mark == "www.":
                lo = i
            else:
                lo = text.rfind(" ", 0, i) + 1
                lo = text.rfind("\n", lo, i) + 1 or lo
                lo = text.rfind("\t", lo, i) + 1 or lo
            hi = text.find(" ", i)
            if hi < 0:
                hi = len(text)
            hi = j if (j := text.find("\n", i, hi)) >= 0 else hi
            hi = j if (j := text.find("\t", i, hi)) >= 0 else hi
            spans.append((lo, hi))
            i = text.find(mark, hi)
    return spans


@lru_cache(maxsize=1)
def default_taxonomy() -> SkillTaxonomy:
    """The packaged taxonomy, loaded once."""
    return SkillTaxonomy.load()


@lru_cache(maxsize=1)
def default_matcher() -> SkillMatcher:
    """A matcher over the packaged taxonomy, built once."""
    return SkillMatcher(default_taxonomy())


# the skills' categories that name a kind of work, a language or a way to write code, not a
# product a firm makes and sells under its own name (a platform, a tool, a database: Stripe,
# Datadog, MongoDB), read as a company's name where a title puts one (``work_skill_keys``)
_WORK_CATEGORIES = _NOT_TOOLS | {"language", "framework", "library", "standard", "data-format"}


@lru_cache(maxsize=1)
def work_skill_keys() -> frozenset[str]:
    """``skill_keys`` of the skills of ``_WORK_CATEGORIES`` only, built once (to tell a
    title's "ML Engineer - Computer Vision - Remote" from "ML Engineer - Stripe - Remote")."""
    return frozenset(norm_key(form) for skill in default_taxonomy().skills
                     if skill["category"] in _WORK_CATEGORIES
                     for form in [skill["name"], *skill.get("aliases", [])])


# the products a title names after its role as what the work uses, not as the firm that posts
# (``product_keys``): the big clouds' services, named by their maker ("AWS": "Amazon Web
# Services"; "Azure"), a foundation's open-source platform ("Spark": "Apache Spark") and the
# container and cluster platforms every stack names (``_STACK_PLATFORMS``); and models
_CLOUD_MAKER = re.compile(r"(?:Amazon|AWS|Azure|Microsoft|Google Cloud|GCP)\b")
_STACK_PLATFORMS = frozenset({"Docker", "Kubernetes", "Linux", "Hadoop", "CUDA"})


def _firm_named(skill: dict[str, Any]) -> bool:
    """Whether the taxonomy knows ``skill``'s name as a firm's too: its context rules leave out
    "Stripe is hiring" and "founded by ... of Stripe" (the firms' rule: Stripe, Datadog,
    MongoDB, OpenAI, Anthropic, Mistral)."""
    context = skill.get("context") or {}
    return "is hiring" in context.get("not_followed_by", []) \
        or "founded by" in context.get("not_near_any", [])


@lru_cache(maxsize=1)
def product_keys() -> frozenset[str]:
    """``skill_keys`` of the products no firm posts under (to read "ML Engineer - Kubernetes -
    Remote" as a stack, and "ML Engineer - Stripe - Remote" as a company), built once: a
    model's names ("BERT", "Llama", "ChatGPT"), not a firm's that sells its models by its name
    ("Cohere": "Cohere API"; "Mistral AI", "Jina AI"); a big cloud's services ("AWS",
    "Azure", "Amazon SageMaker"); the Apache Foundation's platforms ("Spark") and
    ``_STACK_PLATFORMS`` ("Docker", "Kubernetes"). None that the taxonomy knows as a firm's
    name too (``_firm_named``)."""
    keys: set[str] = set()
    for skill in default_taxonomy().skills:
        forms = [skill["name"], *skill.get("aliases", [])]
        if _firm_named(skill):
            continue
        if skill["category"] == "model":
            keys.update(norm_key(form) for form in forms
                        if f"{form} API" not in forms and not form.endswith(" AI"))
        elif (skill["category"] == "cloud" and any(_CLOUD_MAKER.match(f) for f in forms)) \
                or (skill["category"] == "platform"
                    and (skill["name"].startswith("Apache ")
                         or skill["name"] in _STACK_PLATFORMS)):
            keys.update(norm_key(form) for form in forms)
    return frozenset(keys)


@lru_cache(maxsize=1)
def skill_keys() -> frozenset[str]:
    """The ``norm_key`` of every packaged skill's name and aliases, built once (to tell a
    stack from a place or a company: "Golang, Vuejs, Rust, Python")."""
    return frozenset(norm_key(form) for skill in default_taxonomy().skills
                     for form in [skill["name"], *skill.get("aliases", [])])
