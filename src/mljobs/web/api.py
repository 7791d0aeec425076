"""The JSON API under ``/api`` (schema at ``/api/openapi.json``).

Search takes the same parameters as the search page (see ``params.py``), so a
page URL becomes an API URL by putting ``/api/search`` in front of its query.
Errors come in one shape: ``{"ok": false, "status", "error", "errors"}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, BeforeValidator, Field

from mljobs.analytics import TABLE_NAMES, Table
from mljobs.errors import QueryError, clip
from mljobs.index import SearchQuery, SearchResult
from mljobs.index.base import MAX_OFFSET
from mljobs.models import Posting, Salary, Status
from mljobs.pipeline import understanding
from mljobs.posting_view import Pay, list_pays, posting_json, roles_named, split_roles
from mljobs.search import search_json as shared_search_json
from mljobs.web.params import (
    PAGE_PARAMS,
    SearchState,
    refuse_unknown_params,
)
from mljobs.web.render import posting_url
from mljobs.web.routes import (
    csv_response,
    dashboard_data,
    dashboard_notes,
    load_posting,
    request_search,
    slash_redirect,
    trend_skills,
    web_state,
)

router = APIRouter(prefix="/api", tags=["api"])


class ErrorBody(BaseModel):
    """The one error shape of the API."""

    ok: bool = False
    status: int
    error: str
    errors: list[dict[str, Any]] = []


# the errors each operation answers, in the schema (it listed a 404 on every GET, none of
# which but a posting's and a chart's can answer one, and no 500, which comes as ErrorBody too)
SERVER_ERROR: dict[int | str, dict[str, Any]] = {
    500: {"model": ErrorBody, "description": "Our fault: the server log has the details"},
}
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter that cannot be used"},
    **SERVER_ERROR,
}


def not_found(what: str) -> dict[int | str, dict[str, Any]]:
    """``ERRORS`` and a 404 for an endpoint that may find nothing (``what``)."""
    return {**ERRORS, 404: {"model": ErrorBody, "description": what}}

Q = Annotated[str, Query(description="Query text: words, \"phrases\", OR, -exclusions")]
_FACET = "Facet values (repeatable, ORed; any case)"


class Filters(BaseModel):
    """The facet filters and posting date every search and dashboard endpoint takes (they
    are read from the URL by ``params.parse_state``; this model documents them)."""

    archetype: list[str] | None = Field(None, description=_FACET)
    specialisation: list[str] | None = Field(None, description=_FACET)
    skills: list[str] | None = Field(None, description=_FACET)
    seniority: list[str] | None = Field(None, description=_FACET)
    remote: list[str] | None = Field(None, description=_FACET)
    source: list[str] | None = Field(None, description=_FACET)
    degree: list[str] | None = Field(None, description=_FACET)
    phd: list[str] | None = Field(None, description=_FACET)
    visa: list[str] | None = Field(None, description=_FACET)
    company_stage: list[str] | None = Field(None, description=_FACET)
    ml_share: list[str] | None = Field(None, description=_FACET)
    country: list[str] | None = Field(None, description=_FACET + "; an ISO 3166 code (US, GB) "
                                      "or a country's name")
    region: list[str] | None = Field(None, description=_FACET + "; north-america, "
                                     "latin-america, europe, middle-east, africa, asia, oceania")
    month: list[str] | None = Field(None, description=_FACET + "; YYYY-MM or undated")
    status: list[str] | None = Field(None, description=_FACET)
    company: list[str] | None = Field(None, description=_FACET)
    since: str = Field("", description="posted within 7d, 4w, 6m, 1y or since an ISO date "
                       "(a posting with no post date is left out)")


class SearchHit(BaseModel):
    """One hit of ``/api/search`` (the schema's; the answer is ``search_json``'s dict)."""

    id: str
    score: float
    title: str
    company: str | None
    posted_at: str | None = Field(description="ISO time; null when the source gives no date")
    first_seen: str | None = Field(description="ISO time the store first saw an undated hit; "
                                   "null when dated")
    snippet_html: str = Field(description="Escaped text with <mark> highlights")
    archetype: str | None
    remote: str | None
    source: list[str] = Field(description="The sources it was found on")
    status: str | None = Field(description="open, or closed when its source no longer lists it")
    pay: Salary | None = Field(description="The pay the search page shows, or null")
    url: str = Field(description="Its page, the id quoted for the path")


class FacetCount(BaseModel):
    value: str
    count: int


class SearchAnswer(BaseModel):
    """``/api/search``'s answer: the keys of ``mljobs search --json`` plus ``ok``, ``notes``
    and ``index_current``. It was documented as any object; a test checks real answers fit
    this key for key."""

    ok: bool
    query: str
    filters: dict[str, list[str]] = Field(description="The facet filters")
    posted_since: str | None = Field(description="ISO time `since` counts from, or null")
    salary_min: float | None
    sort: str
    total: int = Field(description="All the hits the search finds, on every page")
    offset: int
    limit: int
    engine: str
    hits: list[SearchHit]
    facets: dict[str, list[FacetCount]]
    notes: list[str] = Field(description="Filter values no posting has; the index lag note")
    index_current: bool = Field(description="false while the index lags the store")


class IndexAnswer(BaseModel):
    ok: bool
    openapi: str = Field(description="Where the schema is")
    endpoints: list[str]


class StatsAnswer(BaseModel):
    """``mljobs stats --json``'s counts (of every stored posting, duplicates counted) less
    its ``db`` path, plus ``ok``."""

    ok: bool
    postings: int
    canonical: int = Field(description="Postings less those linked to another (duplicates)")
    by_source: dict[str, int]
    by_status: dict[str, int]
    by_remote: dict[str, int]
    by_month: dict[str, int]
    by_archetype: dict[str, int]
    by_enrichment_version: dict[str, int]
    top_companies: dict[str, int]
    top_companies_linked: dict[str, int] = Field(
        description="Top companies counting each job once (reposts and duplicates linked)")
    raw_documents: int
    changes: int
    parse_failures: int
    enrichment_version: str = Field(description="This version of the understanding step")
    understood_by_older: int = Field(description="Postings an older version understood")


class TableBody(BaseModel):
    name: str
    columns: list[str]
    rows: list[list[str | int | float | None]] = Field(description="One list per row, "
                                                                   "in the order of columns")


class DashboardAnswer(BaseModel):
    ok: bool
    postings: int = Field(description="Postings the filters keep, duplicates counted once")
    tables: dict[str, TableBody] = Field(description="Each table by its name")
    notes: list[str]


class TableAnswer(TableBody):
    ok: bool
    notes: list[str]


class DuplicateRef(BaseModel):
    """Another id of the job: ``status`` and ``closed_at`` say whether its source still
    lists it (as ``mljobs show`` and the posting page do)."""

    id: str
    source: str
    url: str | None
    status: Status = Field(description="closed when its source no longer lists it")
    closed_at: datetime | None


class ChangeBody(BaseModel):
    changed_at: str
    kind: str
    old_hash: str | None
    new_hash: str | None
    fields: list[str]


class PostingBody(Posting):
    """The stored posting with its enrichment, the postings linked to it as duplicates and
    its change history (``SQLiteStore.changes``)."""

    duplicates: list[DuplicateRef]
    changes: list[ChangeBody]


class PostingAnswer(BaseModel):
    ok: bool
    posting: PostingBody


class RoleBody(BaseModel):
    title: str
    months: int = Field(description="How long the role lasted")
    counts: bool = Field(description="Whether its months count as work experience (a "
                         "student's research assistantship does not)")


IMPLIED = ("The umbrella skills the resume's skills imply without naming them, each with the "
           "skills that imply it (held for matching: a result's matched_skills may name one)")


class ProfileBody(BaseModel):
    """What the resume reads as: ``mljobs profile --json`` (``Profile.to_json``)."""

    name: str
    headline: str
    skills: list[str]
    years: float | None = Field(description="Years of experience; null when none are shown")
    degree: str
    phd: bool
    seniority: str
    specialisations: list[str]
    archetypes: dict[str, float] = Field(description="Each kind of ML role, its share")
    roles: list[RoleBody]
    not_ml: float = Field(description="How much the resume reads as no ML/data or software role")
    skill_years: dict[str, int] = Field(description="Years the resume shows of a skill")
    skill_years_dated: list[str] = Field(description="Skills whose years come of the dated "
                                         "roles that name them (a lower bound)")
    phd_under_way: bool = Field(description="The resume names a PhD under way (\"expected "
                                "2027\", \"in progress\"), not held: phd is false")
    best_archetype: str | None = Field(description="null when the resume reads as no ML role")
    implied_skills: dict[str, list[str]] = Field(description=IMPLIED)


class YearsShortBody(BaseModel):
    """A skill the person has that the posting asks more years of than the resume shows."""

    skill: str
    asked: float
    held: float
    source: str = Field(description="Where the held years come from: stated, roles or all")
    stated: bool


class MatchResult(BaseModel):
    """One ranked posting: ``mljobs match --json``'s result (``Match.to_json``)."""

    id: str
    score: float = Field(description="0-100")
    breakdown: dict[str, float] = Field(description="Each part of the score, 0-1")
    matched_skills: list[str]
    missing_skills: list[str]
    years_gaps: list[YearsShortBody]
    nice_years_gaps: list[YearsShortBody] = Field(description="Of its nice-to-have skills")
    explanation: str
    title: str
    company: str | None
    pay: Salary | None = Field(description="The pay the match page shows, or null")


class GapRow(BaseModel):
    skill: str
    share: float = Field(description="Of the archetype's open postings, the share asking it")
    postings: int


class YearsGapRow(GapRow):
    asked: float = Field(description="The years its postings ask (median)")
    held: float
    source: str
    stated: bool


class GapsBody(BaseModel):
    """``mljobs gaps --json`` (``match.gaps_json``)."""

    archetype: str
    postings: int = Field(description="The archetype's open postings")
    min_postings: int = Field(description="How many must ask a skill for it to be a gap")
    gaps: list[GapRow]
    years_gaps: list[YearsGapRow]
    nice_years_gaps: list[YearsGapRow]


class MatchAnswer(BaseModel):
    """``/api/match``'s answer. It was documented as any object; a test checks real answers
    fit this key for key."""

    ok: bool
    profile: ProfileBody
    results: list[MatchResult]
    implied_skills: dict[str, list[str]] = Field(description=IMPLIED)
    gaps: GapsBody | None = Field(description="null when the resume reads as no ML/data or "
                                  "software role and no archetype is given (the notes say so)")
    notes: list[str]


def search_json(q: SearchQuery, result: SearchResult, pays: Mapping[str, Pay],
                notes: list[str] | None = None,
                lag_notes: list[str] | None = None) -> dict[str, Any]:
    """The search result as JSON: the same keys as ``mljobs search --json``, plus ``ok``,
    ``notes`` (a filter value no posting has, with the values the store has; then the
    ``lag_notes``) and ``index_current`` (false while the index lags the store, another
    process writing it: the results leave out the store's latest changes)."""
    # (an id holding "#", "?" or "%" gave a url that opened another page or none)
    return {"ok": True, **shared_search_json(q, result, link=posting_url, pays=pays),
            "notes": [*(notes or []), *(lag_notes or [])], "index_current": not lag_notes}


SEARCH_PARAMS = PAGE_PARAMS | {"limit", "offset"}


def empty_is(default: object) -> BeforeValidator:
    """A parameter given empty (``salary_min=``, as the search page's form sent it with no
    minimum, so its URL with ``/api/search`` in front was a 400) is read as not given."""
    return BeforeValidator(lambda value: default if value == "" else value)


def refuse_unknown(request: Request, known: frozenset[str]) -> None:
    """A parameter the endpoint does not read is an error, not a filter silently dropped
    (``skill=PyTorch`` for ``skills=PyTorch`` answered every posting)."""
    refuse_unknown_params(request.query_params, known, what="endpoint")


def _state_from(request: Request, limit: int) -> tuple[SearchState, int]:
    search = request_search(request)
    offset_raw = request.query_params.get("offset")
    offset = (search.page - 1) * limit
    if offset_raw:
        if page_raw := request.query_params.get("page"):  # (the offset won, saying nothing)
            raise QueryError(f"page={clip(page_raw)!r} and offset={clip(offset_raw)!r} are both "
                             "given; give one: page counts pages of `limit` hits, offset the "
                             "hits to skip")
        if not offset_raw.isdigit() or int(offset_raw) > MAX_OFFSET:
            raise QueryError(f"offset={offset_raw!r} must be a whole number up to {MAX_OFFSET}")
        offset = int(offset_raw)
    elif offset > MAX_OFFSET:  # (it said "offset must be between 0 and 10000, got 49900")
        raise QueryError(f"page={search.page} of limit={limit} hits skips {offset:,} hits, "
                         f"more than the {MAX_OFFSET:,} a search may skip; give a page up to "
                         f"{MAX_OFFSET // limit + 1} for limit={limit}")
    return search, offset


@router.get("", response_model=None, responses={200: {"model": IndexAnswer}, **ERRORS})
async def api_index(request: Request) -> dict[str, Any]:
    """What this API offers: its endpoints and where the OpenAPI schema is."""
    refuse_unknown(request, frozenset())
    paths = sorted(request.app.openapi()["paths"])
    return {"ok": True, "openapi": "/api/openapi.json", "endpoints": paths}


@router.get("/search", response_model=None,  # (documented, not re-validated: search_json's)
            responses={200: {"model": SearchAnswer}, **ERRORS})
async def api_search(
    request: Request,
    filters: Annotated[Filters, Query()],
    q: Q = "",
    salary_min: Annotated[Annotated[float, Field(ge=0, allow_inf_nan=False)] | None,
                          empty_is(None),
                          Query(description="Yearly amount")] = None,
    sort: Annotated[Annotated[str, Field(pattern="^(?i:relevance|date)$")],  # any case
                    empty_is("relevance"), Query()] = "relevance",
    limit: Annotated[Annotated[int, Field(ge=1, le=100)], empty_is(20), Query()] = 20,
    page: Annotated[Annotated[int, Field(ge=1, le=500)], empty_is(1),
                    Query(description="Page of `limit` hits (not with `offset`)")] = 1,
    offset: Annotated[Annotated[int, Field(ge=0, le=MAX_OFFSET)] | None, empty_is(None),
                      Query(description="Hits to skip (not with `page`)")] = None,
) -> dict[str, Any]:
    """Full-text search with facet filters and counts.

    Every facet field is a repeatable parameter: values of one field are ORed,
    fields are ANDed. ``page`` (of ``limit`` hits) works as on the search page;
    ``offset`` is the hits to skip; the two together are refused.
    """
    refuse_unknown(request, SEARCH_PARAMS)
    state = web_state(request)
    search, start = _state_from(request, limit)
    query = search.to_query(now=state.now(), limit=limit)
    query.offset = start
    result = state.fresh_index().search(query)
    pays = list_pays(state.store, [h.id for h in result.hits])
    return search_json(query, result, pays, state.unknown_notes(search.filters),
                       state.lag_notes())


@router.get("/postings/{ref:path}", response_model=None, responses={
    200: {"model": PostingAnswer},
    **not_found("No such posting (a split post's answer names its roles)")})
async def api_posting(request: Request, ref: str) -> dict[str, Any]:
    """One posting with its enrichment, duplicates and change history."""
    refuse_unknown(request, frozenset())
    if not ref.strip():  # (the page's message would send an API client to /posting/ID)
        raise HTTPException(404, "No posting id given: ask for /api/postings/ID "
                            "(e.g. /api/postings/hackernews:46467172); find ids with /api/search.")
    state = web_state(request)
    posting_id = state.store.resolve_id(ref)
    if moved := slash_redirect(request, state, ref, posting_id, "/api/postings/"):
        return moved  # type: ignore[return-value]
    if posting_id is None and (roles := split_roles(state.store, ref)):
        # as /posting/{ref} and `mljobs show` do: name the role postings, not "no posting"
        raise HTTPException(404, f"{ref} was split into one posting per role; ask for one of: "
                            + roles_named(roles))
    posting = load_posting(state, ref, posting_id, find_at="find ids with /api/search")
    return {"ok": True, "posting": posting_json(state.store, posting)}


@router.get("/stats", response_model=None, responses={200: {"model": StatsAnswer}, **ERRORS})
async def api_stats(request: Request) -> dict[str, Any]:
    """Counts by source, status, remote, month and archetype (of the whole store: it takes
    no filters, so ``?archetype=...`` is refused rather than answered unfiltered)."""
    refuse_unknown(request, frozenset())
    data = web_state(request).store.stats()
    return {"ok": True, **data, **understanding(data["by_enrichment_version"]).stats_fields()}


def _table_body(table: Table) -> dict[str, Any]:
    return {"name": table.name, "columns": table.columns, "rows": table.rows}


@router.get("/dashboard", response_model=None,
            responses={200: {"model": DashboardAnswer}, **ERRORS})
async def api_dashboard(
    request: Request,
    filters: Annotated[Filters, Query()],
    trend: Annotated[list[str] | None, Query(description="Skills for the trend chart")] = None,
) -> dict[str, Any]:
    """Every dashboard table, filtered by the same facet parameters as search."""
    search, rows, tables = dashboard_data(request)
    return {"ok": True, "postings": len(rows),
            "tables": {name: _table_body(tables[name]) for name in TABLE_NAMES},
            "notes": dashboard_notes(request, search, rows)}


@router.get("/dashboard/{name}", response_model=None, responses={
    **not_found("No such chart"),
    200: {"model": TableAnswer, "description": "The table as JSON, or as CSV with `format=csv`",
          "content": {"text/csv": {"schema": {"type": "string"}}}}})
async def api_dashboard_table(
    request: Request, name: str, filters: Annotated[Filters, Query()],
    trend: Annotated[list[str] | None, Query(description="Skills for the trend chart")] = None,
    format: Annotated[Annotated[str, Field(pattern="^(?i:json|csv)$")],  # any case, as sort
                      empty_is("json"), Query()] = "json",
) -> Any:
    """One dashboard table as JSON or (``format=csv``) CSV."""
    if name not in TABLE_NAMES:
        raise HTTPException(404, f"No chart {clip(name)!r}; charts: {', '.join(TABLE_NAMES)}")
    search, rows, tables = dashboard_data(request, also=frozenset({"format"}))
    if format.lower() == "csv":
        return csv_response(tables[name], search, trend_skills(request), web_state(request))
    return {"ok": True, **_table_body(tables[name]),
            "notes": dashboard_notes(request, search, rows)}
