"""What the command line and the web app share about searching.

``search_json`` is the one stable JSON shape of a search result (documented in
docs/cli.md; the web API adds ``ok`` and a page ``url`` per hit);
``parse_since`` reads the ``--since`` / ``since=`` periods both accept.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from mljobs.errors import QueryError
from mljobs.index import SearchQuery, SearchResult

_UNITS = {"d": 1, "w": 7, "m": 30, "y": 365}


def parse_since(value: str | None, *, now: datetime) -> datetime | None:
    """``7d``, ``4w``, ``6m`` (30-day months), ``1y`` before ``now``, or an ISO date.

    Empty or None means no limit. Raises ``QueryError`` for anything else.
    """
    text = (value or "").strip().lower()
    if not text:
        return None
    if text[:-1].isdigit() and text[-1] in _UNITS:
        return now - timedelta(days=int(text[:-1]) * _UNITS[text[-1]])
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise QueryError(
            f"since={value!r} is not a period or a date; use 7d, 4w, 6m, 1y or 2026-03-01"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def search_json(
    q: SearchQuery, result: SearchResult, *, link: str | None = None
) -> dict[str, Any]:
    """The stable JSON of a search. ``link`` (e.g. ``"/posting/{id}"``) adds a ``url`` per hit."""
    hits = []
    for h in result.hits:
        hit: dict[str, Any] = {
            "id": h.id,
            "score": round(h.score, 4),
            "title": h.title,
            "company": h.company,
            "posted_at": h.posted_at.isoformat() if h.posted_at else None,
            "snippet_html": h.snippet_html,
            "archetype": _first(h.fields.get("archetype")),
            "remote": _first(h.fields.get("remote")),
            "source": h.fields.get("source", []),
        }
        if link is not None:
            hit["url"] = link.format(id=h.id)
        hits.append(hit)
    return {
        "query": q.text,
        "filters": q.filters,
        "sort": q.sort,
        "total": result.total,
        "offset": q.offset,
        "limit": q.limit,
        "engine": result.engine,
        "hits": hits,
        "facets": {k: [{"value": v, "count": c} for v, c in vs]
                   for k, vs in result.facets.items()},
    }
