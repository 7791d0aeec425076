"""What the command line and the web app share about searching.

``search_json`` is the one stable JSON shape of a search result (documented in
docs/cli.md; the web API adds ``ok`` and a page ``url`` per hit; both give each hit its ``pay``);
``parse_since`` reads the ``--since`` / ``since=`` periods both accept (``is_period``:
whether a text is one); ``store_values`` and ``resolve_values`` spell filter values as
the store does; ``suggest_query`` offers the store's spelling of a misspelt skill or
company word when a search finds nothing ("Did you mean pytorch?"), and ``without_since``
what a posted-since bound that left nothing hid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from mljobs.errors import IndexBusyError, QueryError, StoreError, clip
from mljobs.index import SearchIndex, SearchQuery, SearchResult, parse_query
from mljobs.normalize import without_controls
from mljobs.places import country_code, region_slug

if TYPE_CHECKING:
    from mljobs.posting_view import Pay

_UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}


def is_period(text: str) -> bool:
    """Whether ``text`` (stripped and lower-cased) is a period ``parse_since`` reads:
    a whole number and a unit, ``7d``, ``4w``, ``6m``, ``1y``."""
    return text[:-1].isdigit() and text[-1:] in _UNITS


def parse_since(value: str | None, *, now: datetime) -> datetime | None:
    """``7d``, ``4w``, ``6m`` (30-day months), ``1y`` before ``now``, or an ISO date.

    Empty or None means no limit. Raises ``QueryError`` for anything else.
    """
    text = (value or "").strip().lower()
    if not text:
        return None
    if is_period(text):
        try:
            return now - timedelta(days=int(text[:-1]) * _UNITS[text[-1]])
        except OverflowError:  # (99999999d: a traceback) before year 1: no date is that old
            raise QueryError(
                f"since={value!r} reaches back before the year 1; use a shorter period "
                "(7d, 4w, 6m, 1y) or a date (2026-03-01)") from None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):  # (2026-02-30: "not a ... date" puzzled)
            raise QueryError(f"since={value!r} is no day of the calendar ({exc}); give a "
                             "date such as 2026-03-01, or a period: 7d, 4w, 6m, 1y") from None
        raise QueryError(
            f"since={value!r} is not a period or a date; use 7d, 4w, 6m, 1y or 2026-03-01"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)


def shows_anything(text: str) -> bool:
    """Whether ``text`` shows a character once those a screen acts on are left out
    (``normalize.without_controls``): a query of only ``%00`` or a right-to-left override
    read "( has no word to search for)"; the count lines then say "the query"."""
    return any(not ch.isspace() and ch.isprintable() for ch in without_controls(text))


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def search_json(
    q: SearchQuery, result: SearchResult, *, link: Callable[[str], str] | None = None,
    pays: Mapping[str, Pay] | None = None,
) -> dict[str, Any]:
    """The stable JSON of a search. ``link`` (a hit's id -> the URL of its page, its id quoted
    for the path) adds a ``url`` per hit. ``pays`` (``posting_view.list_pays`` of the hits)
    gives each hit's ``pay``, the one the text list and the search page show (stated pay
    before an estimate) in the shape of a posting's ``salary``, as ``match --json`` gives it;
    null when it has none (the JSON had no pay at all)."""
    hits = []
    for h in result.hits:
        hit: dict[str, Any] = {
            "id": h.id,
            "score": round(h.score, 4),
            "title": h.title,
            "company": h.company,
            "posted_at": h.posted_at.isoformat() if h.posted_at else None,
            # an undated hit (posted_at null): when the store first saw it; null when dated
            "first_seen": h.first_seen.isoformat() if h.first_seen else None,
            "snippet_html": h.snippet_html,
            "archetype": _first(h.fields.get("archetype")),
            "remote": _first(h.fields.get("remote")),
            "source": h.fields.get("source", []),
            # open or closed (its source no longer lists it: search still finds it)
            "status": _first(h.fields.get("status")),
        }
        if pays is not None:
            pay = pays.get(h.id)
            hit["pay"] = pay.salary.model_dump(mode="json") if pay is not None else None
        if link is not None:
            hit["url"] = link(h.id)
        hits.append(hit)
    return {
        "query": q.text,
        "filters": q.filters,
        # the date and pay filters, which ``filters`` (the facets) leaves out: an answer
        # filtered by them said so nowhere, nor which day a period (``6m``) counted from
        "posted_since": q.posted_since.isoformat() if q.posted_since else None,
        "salary_min": q.salary_min,
        "sort": q.sort,
        "total": result.total,
        "offset": q.offset,
        "limit": q.limit,
        "engine": result.engine,
        "hits": hits,
        "facets": {k: [{"value": v, "count": c} for v, c in vs]
                   for k, vs in result.facets.items()},
    }


def store_values(index: SearchIndex, fields: list[str]) -> dict[str, list[str]]:
    """Every value the listed facet fields take among the postings search lists (duplicates
    left out), most frequent first."""
    if not fields:
        return {}
    result = index.search(SearchQuery(limit=1, facets=tuple(fields), facet_size=1_000_000))
    return {name: [value for value, _count in pairs] for name, pairs in result.facets.items()}


def found_as_stored(filters: dict[str, list[str]], total: int) -> dict[str, list[str]] | None:
    """``resolve_values``' filters, known without asking the store for its values
    (``store_values``) when a search with ``filters`` found ``total`` > 0 postings and each
    field has one value: every posting found has it, so the store spells it so (a company
    lower-cased, as the index keeps and compares it). None otherwise."""
    if total <= 0:
        return None
    out = {}
    for name, values in filters.items():
        one = {v.lower() if name == "company" else v for v in values}
        if len(one) != 1 or "" in one:
            return None
        out[name] = list(one)
    return out


def _fold(value: str) -> str:
    """A filter value as ``resolve_values`` compares it: case-folded, runs of spaces one,
    without the ``normalize.CONTROLS`` characters the pages leave out of what they show (a
    form's hidden field or a facet's box gives the value as shown: "Evil\u202eCorp" came
    back "EvilCorp" and matched nothing)."""
    return " ".join(without_controls(value).split()).casefold()


def _place_value(name: str, value: str) -> str:
    """A country or region as the store spells it, from a name a person types (``uk`` and
    ``United Kingdom`` are ``GB``, ``North America`` is ``north-america``); any other value
    as it is."""
    if name == "country":
        return country_code(value) or value
    if name == "region":
        return region_slug(value) or value
    return value


def resolve_values(
    filters: dict[str, list[str]], known: dict[str, list[str]]
) -> tuple[dict[str, list[str]], list[tuple[str, str, list[str]]]]:
    """Filter values spelt as the store spells them: a value that differs only in case or
    spacing (``pytorch``, ``Remote``, ``Prompt  Health``), or names a stored country or
    region another way (``uk``: ``GB``), takes the stored spelling. Returns the filters and the
    ``(field, value, closest stored values)`` of values no posting has."""
    import difflib

    resolved: dict[str, list[str]] = {}
    unknown: list[tuple[str, str, list[str]]] = []
    for name, values in filters.items():
        stored = known.get(name)
        if stored is None:
            resolved[name] = list(values)
            continue
        by_fold: dict[str, str] = {}
        for value in stored:
            by_fold.setdefault(_fold(value), value)
        out = resolved.setdefault(name, [])
        for value in values:
            match = by_fold.get(_fold(_place_value(name, value)))
            if match is None:
                # the stored values holding the typed words whole first, most frequent first
                # (--company prompt: "prompt health", which spelling distance put after
                # promptless, promptwatch and proton), then the nearest spellings
                typed = f" {_fold(value)} "
                holding = [c for c in by_fold if typed in f" {c} "][:3]
                close = difflib.get_close_matches(_fold(value), list(by_fold), n=3,
                                                  cutoff=0.6)
                unknown.append((name, value,
                                [by_fold[c] for c in dict.fromkeys(holding + close)][:3]))
                out.append(value)
            elif match not in out:
                out.append(match)
    return resolved, unknown


def _known_hint(name: str, stored: list[str], close: list[str]) -> str:
    """What a filter value no posting has is told of the field ``name``'s stored values
    (``stored``, most frequent first; ``close``, those ``resolve_values`` found near it): all
    of a short list, else the closest, else the most frequent, and that no posting has any
    when none has (it said "the store has: none") (``mljobs search`` and the web say it)."""
    if not stored:
        return f"none has any {name} value yet"
    if len(stored) <= 12:
        return "the store has: " + ", ".join(stored)
    if close:
        return f"did you mean {' or '.join(close)}?"
    return f"none is close; the most frequent: {', '.join(stored[:8])}"


def unknown_value_note(name: str, value: str, close: list[str],
                       known: dict[str, list[str]]) -> str:
    """What is said of a filter value no posting has (``resolve_values``'s ``(field, value,
    close)``), with the field's ``known`` values: ``mljobs search`` after the option that
    gave it, the web page and ``/api/search`` as it is (a mistyped ``archetype=foo``
    answered an empty list and no word why)."""
    return (f"no posting in the store has {name} {clip(value, 80)!r}; "
            f"{_known_hint(name, known.get(name, []), close)}")


def unknown_value_notes(unknown: list[tuple[str, str, list[str]]],
                        known: dict[str, list[str]]) -> list[str]:
    """``unknown_value_note`` of each value of ``resolve_values``'s ``unknown``."""
    return [unknown_value_note(name, value, close, known) for name, value, close in unknown]


# the fields whose names' words ``suggest_query`` offers
SUGGEST_FIELDS = ("skills", "company")
# how alike (``difflib`` ratio) a typed word and a known spelling must be to be offered:
# the search page's and ``mljobs search``'s suggestion, and the dashboard's trend skill
SPELLING_CUTOFF = 0.75


def suggest_vocabulary(known: dict[str, list[str]]) -> list[str]:
    """The words ``suggest_query`` offers: those of the store's skill and company names,
    ``known`` being ``store_values(index, SUGGEST_FIELDS)`` (the web app keeps that)."""
    return sorted({word for name in SUGGEST_FIELDS for value in known.get(name, [])
                   for word in value.casefold().split() if len(word) >= 3 and word.isalpha()})


def without_since(index: SearchIndex, q: SearchQuery) -> SearchResult:
    """The search ``q`` without its posted-since bound, newest first, one hit: how many match
    without it and the newest one's date (``mljobs search --since`` and the web's search
    page say them when the bound leaves no result)."""
    return index.search(replace(q, posted_since=None, sort="date", limit=1, offset=0,
                                facets=()))


def suggest_query(index: SearchIndex, q: SearchQuery,
                  vocabulary: Callable[[], list[str]] | None = None) -> tuple[str, int] | None:
    """For a search with words that found nothing: the query with each word that no posting
    has replaced by the closest spelling of a word in a skill or company name of the store
    (``pytorh`` -> ``pytorch``, ``kubernets`` -> ``kubernetes``), and how many postings the
    corrected query finds with the same filters. None when no word is misspelt so, or the
    correction finds nothing either. ``vocabulary`` gives the words offered
    (``suggest_vocabulary``; by default of ``store_values(index, SUGGEST_FIELDS)``)."""
    import difflib

    parsed = parse_query(q.text)
    lost = [w for w in dict.fromkeys(parsed.plain_words()) if len(w) >= 3 and w.isalpha()
            and not index.search(SearchQuery(text=w, limit=1, facets=())).total]
    if not lost:
        return None
    # (``vocabulary``: the words, e.g. kept by the web app while the store is unchanged)
    words_known = (vocabulary() if vocabulary is not None
                   else suggest_vocabulary(store_values(index, list(SUGGEST_FIELDS))))
    text = q.text
    for word in lost:
        close = difflib.get_close_matches(word.casefold(), words_known, n=1,
                                          cutoff=SPELLING_CUTOFF)
        if not close:
            return None
        # every place it is typed, in any case ("pytorh -pytorh", "Pytorh pytorh": the one
        # replaced first left the other, so the correction found nothing and none was offered)
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", close[0], text, flags=re.IGNORECASE)
    total = index.search(replace(q, text=text, limit=1, offset=0, facets=())).total
    return (text, total) if total else None


def index_left_line(left: StoreError) -> str:
    """What a write of the store (import, sync, ``enrich --store``) says of the search index
    it could not bring up to date (``index.refresh_index``): another process writing it
    (``index_busy_line``), or why it cannot be and what to do; every change is stored."""
    if isinstance(left, IndexBusyError):
        return index_busy_line(left.path, results=False)
    return f"every change is stored, but {left}"


def index_busy_line(path: str | None, *, results: bool) -> str:
    """What a command says when the search index at ``path`` could not be brought up to date,
    another mljobs process writing it (``IndexBusyError``): of a search's ``results``, read
    from the index as it was, or of a write of the store, whose changes the next search
    indexes. ``path`` None: the index unnamed (the web app's visitor sees no server path)."""
    busy = ("another mljobs process is writing it (a `mljobs reindex` for one)")
    index = "the search index" if path is None else f"the search index at {path}"
    if results:
        return (f"these results are from {index} as it was, without the "
                f"store's latest changes: {busy}; search again when it is done.")
    return (f"{index} is left as it was, {busy}: the next search brings it "
            "up to date.")


def index_build_line(count: int) -> str:
    """What a search says before it builds the whole search index of ``count`` postings
    (a new index, or one of another format: ``SearchIndex.sync``'s ``on_build``), which takes
    a while (about a minute at 100,000 postings) the user would otherwise wait through with
    no word."""
    return (f"building the search index ({count:,} postings; once, as it is new or of "
            "another mljobs version) ...")
