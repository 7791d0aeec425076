"""The one small interface every search engine implements, and what it indexes."""

from __future__ import annotations

import functools
import html
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from mljobs.errors import QueryError
from mljobs.index.query import _TO_INDEX, SEPARATOR, display_form, index_form
from mljobs.models import Posting
from mljobs.pay import usd_yearly
from mljobs.places import read_places

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

# Keyword fields a query can filter on and count facets of. Values are exact
# strings (see ``facet_values``). Multi-valued fields hold several per posting.
FACET_FIELDS: tuple[str, ...] = (
    "source",
    "remote",
    "company",
    "status",
    "month",
    "archetype",
    "specialisation",
    "skills",
    "seniority",
    "degree",
    "phd",
    "visa",
    "company_stage",
    "ml_share",
    "country",
    "region",
)
MULTI_VALUED = {"specialisation", "skills", "source", "country", "region"}
DEFAULT_FACETS: tuple[str, ...] = (
    "archetype", "remote", "source", "seniority", "specialisation", "skills", "company_stage",
)

Sort = Literal["relevance", "date"]
# the ``month`` facet value of a posting whose source gives no date (as ``mljobs stats``)
UNDATED = "undated"
# ``date_key`` of an undated posting: this plus the epoch seconds it was first seen
# (about -35,000 years: below any post time, and no ``posted_since`` reaches it)
UNDATED_KEY = -(2**40)


MAX_OFFSET = 10_000  # the hits a search may skip (``SearchQuery.validate``; the web API's bound)


@dataclass
class SearchQuery:
    """What to search for.

    Args:
        text: the user's query string (see ``mljobs.index.query``).
        filters: facet field -> accepted values (values ORed, fields ANDed).
        posted_since: only postings posted at or after this time (an undated posting, one
            whose source gives no date, never: the day the store first saw it is no post date).
        salary_min: only postings whose yearly pay in US dollars reaches this at its top
            (``salary_max``; pay in other currencies never does).
        sort: ``relevance`` (BM25) or ``date`` (newest first; undated postings after every
            dated one, the most recently first seen first).
        limit: how many hits to return (1..100).
        offset: how many hits to skip (paging).
        facets: which facet fields to count; () for none.
        include_duplicates: also return postings linked to another canonical posting.
        include_closed: also return closed postings.
    """

    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    posted_since: datetime | None = None
    salary_min: float | None = None
    sort: Sort = "relevance"
    limit: int = 20
    offset: int = 0
    facets: tuple[str, ...] = DEFAULT_FACETS
    include_duplicates: bool = False
    include_closed: bool = True
    facet_size: int = 20

    def validate(self) -> None:
        """Raise ``QueryError`` for values no engine should see."""
        unknown = [f for f in list(self.filters) + list(self.facets) if f not in FACET_FIELDS]
        if unknown:
            raise QueryError(
                f"unknown filter or facet {unknown[0]!r}; known: {', '.join(FACET_FIELDS)}"
            )
        if not 1 <= self.limit <= 100:
            raise QueryError(f"limit must be between 1 and 100, got {self.limit}")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise QueryError(f"offset must be between 0 and {MAX_OFFSET}, got {self.offset}")
        if self.sort not in ("relevance", "date"):
            raise QueryError(f"sort must be 'relevance' or 'date', got {self.sort!r}")


@dataclass
class Hit:
    """One search result. ``snippet_html`` is escaped text with ``<mark>`` highlights.

    ``posted_at`` is None for an undated posting; ``first_seen`` is then the day the store
    first saw it (None for a dated posting: the index keeps one date per posting).
    """

    id: str
    score: float
    title: str
    company: str | None
    snippet_html: str
    posted_at: datetime | None
    fields: dict[str, list[str]] = field(default_factory=dict)
    first_seen: datetime | None = None


@dataclass
class SearchResult:
    """Hits of one page, the total number of matches, and facet counts."""

    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    engine: str


class SearchIndex(Protocol):
    """A full-text + facet index derived from the store."""

    name: str

    def sync(self, store: SQLiteStore, *, on_build: Callable[[int], None] | None = None,
             on_wait: Callable[[str], None] | None = None, wait: bool = True) -> int:
        """Bring the index up to date with the store; return how many postings changed.
        ``on_build``: told how many postings a whole build (a new index, another format)
        indexes, before it starts; ``on_wait``: told, once, that a whole build waits for
        another process that writes the index (who, how long at most); ``wait`` False: it
        does not wait, an ``IndexBusyError`` at once (a server's request)."""
        ...

    def rebuild(self, store: SQLiteStore, *, on_wait: Callable[[str], None] | None = None
                ) -> int:
        """Drop everything and index the whole store again; return the count. ``on_wait``:
        as ``sync``'s."""
        ...

    def add(self, postings: Iterable[Posting]) -> int:
        """Index (or re-index) postings; return how many."""
        ...

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a query. Raises ``QueryError`` for a query that cannot run."""
        ...

    def close(self) -> None:
        """Release files and locks."""
        ...


def remote_value(posting: Posting) -> str:
    """A posting's remote value as search, match and the dashboard read it: the source's (a
    board's workplaceType), the text's when the source says unknown."""
    given = posting.remote.value
    enr = posting.enrichment
    return enr.remote if given == "unknown" and enr is not None else given


def facet_values(posting: Posting) -> dict[str, list[str]]:
    """The keyword values a posting contributes to each facet field."""
    enr = posting.enrichment
    when = posting.posted_at
    values: dict[str, list[str]] = {
        "source": [posting.source, *posting.extra.get("also_sources", [])],
        "remote": [remote_value(posting)],
        "company": [posting.company.lower()] if posting.company else [],
        "status": [posting.status.value],
        # the day the store first saw a posting is no posting month (an archive imported today)
        "month": [when.strftime("%Y-%m") if when else UNDATED],
    }
    # where the job is, read from its locations (``mljobs.places``): ISO codes and regions
    places = read_places(posting.locations)
    values.update(country=list(places.countries), region=list(places.regions))
    if enr is not None:
        values.update(
            archetype=[enr.archetype],
            specialisation=list(enr.specialisation),
            skills=sorted({s.name for s in enr.skills}),
            seniority=[enr.seniority],
            degree=[enr.degree],
            phd=[enr.phd],
            visa=[enr.visa],
            company_stage=[enr.company_stage],
            ml_share=[enr.ml_share],
        )
    return values


def salary_max(posting: Posting) -> float | None:
    """The top of a posting's yearly pay in US dollars (hourly, monthly... pay made yearly),
    what the minimum-salary filter compares: None for pay in another currency (154k CAD or
    4M INR is no amount of dollars) and for figures no one is paid (a parsing slip:
    ``pay.is_plausible``), the postings the dashboard's salary chart leaves out too."""
    yearly = usd_yearly(posting)
    return yearly[1] if yearly is not None else None


def date_key(posting: Posting) -> int:
    """The integer both engines sort (newest first) and filter (``posted_since``) by.

    A dated posting: its post time in epoch seconds. An undated one: the time the store
    first saw it plus ``UNDATED_KEY``, a negative number far below any post time, so it
    sorts after every dated posting (the most recently first seen first) and no
    ``posted_since`` reaches it. ``key_dates`` reads the key back.
    """
    if posting.posted_at is not None:
        return int(posting.posted_at.timestamp())
    seen = posting.first_seen
    return UNDATED_KEY + (int(seen.timestamp()) if seen is not None else 0)


def key_dates(key: int) -> tuple[datetime | None, datetime | None]:
    """``(posted_at, first_seen)`` of a ``date_key``: one of them, or neither."""
    if key > UNDATED_KEY // 2:
        return datetime.fromtimestamp(key, UTC), None
    seen = key - UNDATED_KEY
    return None, datetime.fromtimestamp(seen, UTC) if seen else None


def is_canonical(posting: Posting) -> bool:
    """True unless the posting is linked to another posting as its duplicate."""
    return posting.canonical_id is None or posting.canonical_id == posting.id


# accented Latin letters as their base letter, one character for one (so offsets hold):
# the candidates of ``_word_patterns`` are looked for in text folded so, as the tantivy
# engine folds accents ("zurich" finds "Zürich")
_FOLD_LATIN = {cp: base for cp in range(0xC0, 0x250)
               if len(base := unicodedata.normalize("NFD", chr(cp))[0]) == 1
               and base.isascii() and base.isalpha()}
_FOLD_CHARS = {chr(cp): base for cp, base in _FOLD_LATIN.items()}
_ACCENTED = re.compile("[\u00c0-\u024f]")


def _fold(match: re.Match[str]) -> str:
    return _FOLD_CHARS.get(match.group(0), match.group(0))


def _candidate(word: str, root: str) -> str:
    """What a plain query word's matches start with: what the word (accents folded) and
    its stem ``root`` share (``"learning"``, ``"learn"``: ``"learn"``), else the word."""
    return os.path.commonprefix([word.translate(_FOLD_LATIN), root]) or word


# the most candidates searched one regex each: each is a pass over the text (a thousand
# query words made a thousand passes), where the one regex makes one
_SPLIT_MAX = 8


class _WordPatterns(NamedTuple):
    """How ``_matches`` finds a query's words (``_word_patterns``)."""

    # the one regex (an alternation of every candidate; None when no word has a letter
    # or digit)
    pattern: re.Pattern[str] | None
    # the same as one regex per candidate, each with a literal start that the regex engine
    # finds fast (an alternation is tried at every position of the text: 2-4 times slower),
    # and True for a plain word's; None when a word has a symbol (``c++``, ``.net``: its
    # matches may start or end inside a word, so only the one regex finds the same matches)
    # or there are more than ``_SPLIT_MAX`` candidates
    split: tuple[tuple[re.Pattern[str], bool], ...] | None
    # the stem of each plain word (letters and digits only) -> its number: a match of a
    # plain word's candidate counts only when ``stem`` gives it one of those stems, as the
    # engine matched it
    stems: dict[str, int]
    # each query word (lower-cased) whose stem is one of those -> its number (most matches
    # are a query word as typed: no stem to take)
    typed: dict[str, int]


@functools.lru_cache(maxsize=256)
def _word_patterns(words: tuple[str, ...], stem: Callable[[str], str] | None = None
                   ) -> _WordPatterns:
    r"""The regexes that find the query's words in a text (see ``_WordPatterns``).

    The one regex and the split ones find the same matches, as every match of both kinds
    ends where a word (a run of ``\w``) ends and counts only where a word starts: the one
    regex finds, at the start of each word, its first alternative that matches there, a
    single letter before a plain word's candidate (``_matches`` keeps the single letter
    where both start)."""
    # four groups, longest first in each: words, single letters, words that start with a
    # symbol (".net", which may follow a letter, as in "ASP.NET"), and plain words (with
    # ``stem``, last: a match there must pass the stem check). A single letter is that
    # letter alone: not the start of a word ("c" is not "Canada") nor of a symbol name
    # ("C++", "C#": the engines index those as words of their own).
    groups: tuple[list[str], list[str], list[str], list[str]] = ([], [], [], [])
    stems: dict[str, int] = {}
    for word in dict.fromkeys(w.lower() for w in words):
        if not any(ch.isalnum() for ch in word):
            continue
        if stem is not None and len(word) > 1 and word.isalnum():
            # the engine's own stem: "data" is not "databases", "prior" not "prioritize";
            # the candidates start with what the word and its stem share
            root = stem(word)
            stems.setdefault(root, len(stems))
            groups[3].append(_candidate(word, root))
            continue
        # a light stem: "learning" and "learned" both match "learn"
        light = word[: max(4, len(word) - 3)] if len(word) > 5 else word
        if not (word[0].isalnum() or word[0] == "_"):
            groups[2].append(light)
        elif len(word) == 1 and word.isalpha():
            groups[1].append(light)
        else:
            groups[0].append(light)
    # (the groups but the third must start a word: ``_matches`` checks that, as a
    # lookbehind here doubled the time of a scan through a whole description)
    forms = (r"(?:{})\w*", r"(?:{})(?!\w|\+\+|#)", r"(?P<y>(?:{})\w*)", r"(?P<s>(?:{})\w*)")
    alts = [form.format("|".join(re.escape(s) for s in sorted(set(found), key=len,
                                                                 reverse=True)))
            for form, found in zip(forms, groups, strict=True) if found]
    typed = {w: stems[stem(w)] for w in (w.lower() for w in words)
             if stem is not None and stem(w) in stems}
    # (lower case: ``_matches`` searches the text lower-cased, twice as fast as IGNORECASE)
    pattern = re.compile("|".join(alts)) if alts else None
    split = None
    letters, plain = list(dict.fromkeys(groups[1])), list(dict.fromkeys(groups[3]))
    if (pattern is not None and stem is not None and not groups[0] and not groups[2]
            and len(letters) + len(plain) <= _SPLIT_MAX):
        # (the word's start is checked after its letters, "(?<!\w.{n})": the literal start
        # first is what is fast; a lookbehind before it was as slow as the alternation)
        split = tuple([(re.compile(re.escape(w) + r"(?<!\w.)(?!\w|\+\+|#)"), False)
                       for w in letters]
                      + [(re.compile(re.escape(w) + rf"(?<!\w.{{{len(w)}}})\w*"), True)
                         for w in plain])
    return _WordPatterns(pattern, split, stems, typed)


def _matches(text: str, words: list[str], stem: Callable[[str], str] | None,
             phrases: tuple[tuple[str, ...], ...] = (),
             reach: int | None = None) -> list[tuple[int, int, object]]:
    """``(start, end, key)`` of each query word and phrase in ``text``, in text order, none
    overlapping: the key tells one query word (a plain word's stem number, else the matched
    text lower-cased) or phrase from another. A phrase counts only where its words stand
    together (``_phrase_pattern``); its words alone are not marked. Only the matches that
    start within ``reach`` characters (default ``_SCAN_CHARS``) of the first are sought:
    the work stays bounded by where the first match is, however long the text."""
    reach = _SCAN_CHARS if reach is None else reach
    # the text lower-cased, its accented letters folded: one character for one, so the
    # offsets are the text's (a sub of the few accented letters: str.translate with a table
    # is slow on a long text)
    folded = text.lower() if text.isascii() else _ACCENTED.sub(_fold, text).lower()
    exact = len(folded) == len(text)
    if not exact:  # ("İ" lower-cased is two characters: left as it is)
        folded = "".join(ch if len(low := ch.lower()) != 1 else low
                         for ch in _ACCENTED.sub(_fold, text))
    out: list[tuple[int, int, object]] = []
    limit = len(folded) + 1  # matches start before it: the first match found + reach
    for number, phrase in enumerate(phrases):
        compiled = _phrase_pattern(phrase, stem)
        if compiled is None:
            continue
        together, roots, dotted = compiled
        assert stem is not None  # (a phrase has a pattern only with the engine's stem)
        for m in together.finditer(folded):
            start = m.start()
            if start >= limit:
                break
            if start and not dotted and _word_char(folded[start - 1]):
                continue
            if all(root is None or stem(found.lower()) == root
                   for found, root in zip(m.groups(), roots, strict=True)):
                out.append((start, m.end(), ("phrase", number)))
                limit = min(limit, start + reach)
    pattern, split, stems, typed = _word_patterns(tuple(words), stem)
    if split is not None:
        found_words: list[tuple[int, int, int, object]] = []
        for rank, (part, is_plain) in enumerate(split):
            for m in part.finditer(folded):
                start = m.start()
                if start >= limit:
                    break
                found = m.group(0) if exact else m.group(0).lower()
                word_key: object | None = found
                if is_plain:
                    word_key = _plain_key(found, typed, stems, stem)
                    if word_key is None:  # a word that starts like a query word's stem, not it
                        continue
                # (letters rank before plain words: the one kept where both start)
                found_words.append((start, rank, m.end(), word_key))
                limit = min(limit, start + reach)
        found_words.sort(key=lambda f: (f[0], f[1]))
        last = -1
        for start, _rank, end, word_key in found_words:
            if start != last and start < limit:
                out.append((start, end, word_key))
                last = start
    elif pattern is not None:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if start >= limit:
                break
            group = m.lastgroup
            if start and group != "y" and _word_char(folded[start - 1]):
                continue  # inside a word: not a match (and no word starts inside it)
            # (the text is lower-cased already, but for a letter left as it was)
            found = m.group(0) if exact else m.group(0).lower()
            key: object | None = found
            if group == "s":
                key = _plain_key(found, typed, stems, stem)
                if key is None:  # a word that starts like a query word's stem, not it
                    continue
            out.append((start, end, key))
            limit = min(limit, start + reach)
    if not phrases:
        return out
    out = [span for span in out if span[0] < limit]
    out.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int, object]] = []
    for span in out:  # a word inside a phrase already marked is not marked again
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _plain_key(found: str, typed: dict[str, int], stems: dict[str, int],
               stem: Callable[[str], str] | None) -> int | None:
    """The number of the query word a plain word's match ``found`` (lower-cased) is: a
    query word as typed, else by its stem (``_word_patterns``' ``typed`` and ``stems``);
    None for a word that only starts like one."""
    key = typed.get(found)
    if key is None and stem is not None:
        key = stems.get(stem(found))
    return key


# how far past the first match the excerpt with the most query words is looked for (most
# descriptions are shorter): the matches past it are not sought, so the work on a long
# text (up to normalize.MAX_DESCRIPTION_CHARS) ends there
_SCAN_CHARS = 6000


def _word_char(ch: str) -> bool:
    """What the regex ``\\w`` matches."""
    return ch.isalnum() or ch == "_"


# a token as the engines split text (letters and digits; "_" and the rest separate)
_TOKEN = re.compile(r"[^\W_]+")
# the letters ``query.index_form`` writes for a symbol name's "+", "#" and "."
_SYMBOL_LETTERS = frozenset(_TO_INDEX.values())


@functools.lru_cache(maxsize=256)
def _phrase_pattern(phrase: tuple[str, ...], stem: Callable[[str], str] | None
                    ) -> tuple[re.Pattern[str], list[str | None], bool] | None:
    """The regex of a phrase's tokens side by side (any separators between them), as the
    engines split it (``query.index_form``: ``"modern c++"`` is "modern" and "c++",
    ``"b-testing"`` is "b" and "testing"); the stem each token's group must have (None for
    a symbol name, ``c++``, ``.net``: matched as typed); and whether the phrase starts with
    a symbol that may follow a letter (``.net``). None without ``stem`` or tokens."""
    if stem is None:
        return None
    tokens = _TOKEN.findall(index_form(" ".join(phrase)).lower())
    if not tokens:
        return None
    roots: list[str | None] = []
    parts = []
    for token in tokens:
        if token.isascii() or not any(ch in _SYMBOL_LETTERS for ch in token):
            root = stem(token)
            roots.append(root)
            # (a single letter is not the start of a symbol name: "c" is not the C of "C++";
            # a token ends at "_", as the engines split it: "\w*" took in "_" as the
            # separator "[\W_]+" does, and each way to split "a_a_a_..." was tried, exponential)
            parts.append("(" + re.escape(_candidate(token, root)) + r"[^\W_]*)"
                         + (r"(?!\+\+|#)" if len(token) == 1 else ""))
        else:
            roots.append(None)
            parts.append("(" + re.escape(display_form(SEPARATOR + token + SEPARATOR)) + ")")
    dotted = tokens[0].startswith("\u16a2")
    return re.compile(r"[\W_]+".join(parts)), roots, dotted


def _best_start(matches: list[tuple[int, int, object]], span: int) -> int:
    """The first match of the ``span`` characters that hold the most different query words
    (the first such, so one word alone still starts at its first match)."""
    best, best_count = matches[0][0], 0
    held: dict[object, int] = {}
    j = 0
    for start, _end, key in matches:
        while j < len(matches) and matches[j][0] < start + span:
            held[matches[j][2]] = held.get(matches[j][2], 0) + 1
            j += 1
        if len(held) > best_count:
            best, best_count = start, len(held)
        held[key] -= 1
        if not held[key]:
            del held[key]
    return best


def word_end(text: str, end: int, skip: str = "") -> int:
    r"""Where the word a match ending at ``end`` stands in ends: past the combining marks that
    follow (a Hindi vowel sign, an Arabic vowel mark: no ``\w``) and the letters they join
    the match to, as ``query._spans`` reads a query's word; ``end`` itself when no mark
    follows. Characters of ``skip`` (an engine's mark delimiters) are passed over. A match's
    mark stopped short: "<mark>योगिक</mark>ी"."""
    i = end
    while True:
        j = i
        while j < len(text) and (text[j] in skip or unicodedata.category(text[j])[0] == "M"):
            j += 1
        if not any(unicodedata.category(ch)[0] == "M" for ch in text[i:j]):
            return end
        while j < len(text) and (text[j] in skip or _word_char(text[j])):
            j += 1
        i = end = j


def make_snippet(text: str, words: list[str], size: int = 220,
                 stem: Callable[[str], str] | None = None,
                 phrases: tuple[tuple[str, ...], ...] = ()) -> str:
    """An escaped excerpt of ``text`` where most query words occur, words in ``<mark>``.

    ``stem`` (the engine's stemmer) makes a plain word count only in the forms the engine
    matched, and a phrase of ``phrases`` only where its words stand together (marked as
    one). Falls back to the start of the text when no word occurs (e.g. a title-only
    match).
    """
    matches = _matches(text, words, stem, phrases)
    start = 0
    if matches:
        first = _best_start(matches, size * 2 // 3)
        if first > size // 3:
            start = text.rfind(" ", 0, first - size // 4) + 1
    end = min(len(text), start + size)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start + size // 2 else end
    out: list[str] = ["…" if start else ""]
    pos = start
    for m_start, m_end, _key in matches:
        m_end = word_end(text, m_end)  # (the marks that end the word are the word's)
        if m_start < pos or m_end > end:
            continue
        out.append(html.escape(text[pos:m_start]))
        out.append("<mark>" + html.escape(text[m_start:m_end]) + "</mark>")
        pos = m_end
    out.append(html.escape(text[pos:end]))
    if end < len(text):
        out.append("…")
    return "".join(out).replace("\n", " ")
