"""The server-rendered pages: search, posting, dashboard (with CSV downloads)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from mljobs.analytics import (
    TABLE_NAMES,
    MarketRow,
    Table,
    dashboard_tables,
    filter_rows,
)
from mljobs.errors import QueryError, clip
from mljobs.index import FACET_FIELDS, SearchResult, parse_query
from mljobs.index.base import UNDATED
from mljobs.models import Posting
from mljobs.pipeline import enrich_store_command, fill_commands, understanding
from mljobs.places import country_name
from mljobs.posting_view import (
    ML_SHARE_LABELS,
    archetype_name,
    duplicates_of,
    fact_words,
    history_text,
    list_lines,
    other_roles,
    pay_of,
    remote_text,
    roles_list,
    split_roles,
    years_text,
)
from mljobs.search import (
    SPELLING_CUTOFF,
    SUGGEST_FIELDS,
    shows_anything,
    suggest_query,
    suggest_vocabulary,
    without_since,
)
from mljobs.web import charts
from mljobs.web.app import TEMPLATES, WebState
from mljobs.web.params import (
    DASHBOARD_PARAMS,
    MAX_PAGE,
    MAX_TREND_SKILLS,
    PAGE_PARAMS,
    SEARCH_FACETS,
    SearchState,
    parse_state,
    refuse_unknown_params,
    since_choices_for,
)
from mljobs.web.render import (
    describe_html,
    posting_url,
    proba_bars,
    safe_url,
    salary_text,
    static_version,
)

router = APIRouter()

FACET_LABELS: dict[str, str] = {
    "archetype": "Archetype", "specialisation": "Specialisation", "skills": "Skills",
    "seniority": "Seniority", "degree": "Degree", "phd": "PhD", "remote": "Remote",
    "visa": "Visa", "company_stage": "Company stage", "source": "Source",
    "country": "Country", "region": "Region",
    "month": "Posted in",
    "ml_share": "How much is ML",
    # filters the URL may carry without a facet list of their own (`mljobs search --company`)
    "company": "Company", "status": "Status",
}
# the search page's facets; months are the charts' own axis, so not a filter here
DASHBOARD_FACETS: tuple[str, ...] = tuple(f for f in SEARCH_FACETS if f != "month")

TEMPLATES.env.globals.update(archetype_name=archetype_name, facet_labels=FACET_LABELS,
                             safe_url=safe_url, posting_url=posting_url,
                             history_text=history_text)


def plotly_js_bytes() -> bytes:
    """The plotly.js bundle that ships inside the installed ``plotly`` package, read once per
    version: an upgrade while the server runs is served under its new ``?v=`` at once (a
    cache without the version kept sending the old bundle until a restart)."""
    return _plotly_js(static_version("plotly.min.js"))


@lru_cache(maxsize=1)
def _plotly_js(version: str | None) -> bytes:
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_bytes()


def web_state(request: Request) -> WebState:
    """The shared store/index state of the app."""
    state = request.app.state.web
    assert isinstance(state, WebState)
    return state


def request_search(request: Request) -> SearchState:
    """The search state of the request's URL, its filter values spelt as the store spells
    them (``WebState.respell``): what every page and endpoint that filters reads."""
    search = parse_state(request.query_params.multi_items())
    search.filters = web_state(request).respell(search.filters)
    return search


def hit_details(state: WebState, ids: list[str]) -> dict[str, dict[str, str]]:
    """Locations and pay of each hit (``posting_view.list_lines``: stated pay before an
    estimate, an estimate marked "est.")."""
    return {pid: {"where": "; ".join(where),
                  "salary": salary_text(pay.salary) if pay is not None else ""}
            for pid, (where, pay) in list_lines(state.store, ids).items()}


def run_search(state: WebState, search: SearchState
               ) -> tuple[SearchResult, dict[str, dict[str, str]]]:
    """Search the index and fetch what the result list shows beyond the index fields."""
    result = state.fresh_index().search(search.to_query(now=state.now()))
    return result, hit_details(state, [h.id for h in result.hits])


def selected_field_counts(state: WebState, search: SearchState) -> dict[str, list[tuple[str, int]]]:
    """Counts for each field that has a selection, as if that field were not filtered.

    Values of one field are ORed, so the user needs the other values' counts to
    widen a selection; the main query's counts of that field only hold the
    selected values.
    """
    out = {}
    for name in search.filters:
        others = {k: v for k, v in search.filters.items() if k != name}
        if name not in SEARCH_FACETS:
            # a filter with no facet list (company, status, ml_share): its chosen values
            # only, each counted alone (a company's facet has thousands of values)
            out[name] = [(value, state.fresh_index().search(replace(
                search, filters={**others, name: [value]}, page=1).to_query(
                    now=state.now(), limit=1, facets=())).total)
                for value in search.filters[name]]
            continue
        query = replace(search, filters=others, page=1).to_query(
            now=state.now(), limit=1, facets=(name,))
        # every value counted, so a chosen one past the most common (skills=PyTorch, not
        # among the 20 most asked-for) has its count: it said 0 beside 26 results
        size, query.facet_size = query.facet_size, 1_000_000
        pairs = state.fresh_index().search(query).facets.get(name, [])
        chosen = set(search.filters[name])
        out[name] = pairs[:size] + [kv for kv in pairs[size:] if kv[0] in chosen]
    return out


def value_label(name: str, value: str, companies: dict[str, str]) -> str:
    """How a facet value is shown: an archetype by its name, a company as the store spells
    it (``companies``, from ``company_labels``: the index keeps companies lower-cased), a
    country (its ISO code) and a region by their names, visa sponsorship, specialisations
    and seniorities in words, and a fact the posting does not state (``unknown``) as
    ``NOT_STATED``."""
    if name == "company" and value.strip():
        return companies.get(value, value)
    if name == "country" and value.strip():
        return country_name(value)
    return fact_words(name, value)


def company_labels(state: WebState, search: SearchState) -> dict[str, str]:
    """The stored spelling of each chosen company (``/?company=prompt+health`` is shown as
    "Prompt Health", not the index's lower case)."""
    chosen = tuple(sorted(search.filters.get("company", ())))
    if not chosen:
        return {}
    return state.cached(("company-labels", chosen),
                        lambda: state.store.company_spellings(chosen))


def _facet_groups(search: SearchState, result: SearchResult,
                  widened: dict[str, list[tuple[str, int]]],
                  companies: dict[str, str]) -> list[dict[str, Any]]:
    groups = []
    # a filter the sidebar has no list for is still shown, chosen, so it can be seen and
    # removed (/?company=X said "3 postings" with nothing on the page saying why)
    extra = [name for name in search.filters if name not in SEARCH_FACETS]
    for name in (*SEARCH_FACETS, *extra):
        counts = dict(widened.get(name, result.facets.get(name, [])))
        for value in search.filters.get(name, []):
            counts.setdefault(value, 0)
        # chosen values first: one with few postings was last in a list that scrolls, where
        # its tick could not be seen or undone (the list shows 16rem)
        chosen = set(search.filters.get(name, ()))
        if name == "month":  # chosen months, then newest first, "undated" (no date) last
            values = sorted(counts.items(), reverse=True,
                            key=lambda kv: (kv[0] in chosen, kv[0] != UNDATED, kv[0]))
        elif name == "ml_share":  # a scale: most ML first (four values, none hidden)
            values = sorted(counts.items(), key=lambda kv: _scale_place(kv[0]))
        else:
            values = sorted(counts.items(), key=lambda kv: (kv[0] not in chosen, -kv[1], kv[0]))
        hrefs = search.toggle_hrefs(name, counts)
        groups.append({
            "name": name,
            "label": FACET_LABELS.get(name, name),
            "values": [
                {"value": v, "count": c, "on": search.is_on(name, v),
                 "href": hrefs[v], "label": value_label(name, v, companies)}
                for v, c in values if v.strip()  # (a blank value: no value to filter on)
            ],
        })
    return [g for g in groups if g["values"]]


_ML_SCALE = {value: i for i, value in enumerate(ML_SHARE_LABELS)}


def _scale_place(value: str) -> tuple[int, str]:
    """Where an ML share value stands on its scale, most ML first (any other value last)."""
    return (_ML_SCALE.get(value, len(_ML_SCALE)), value)


def since_choices(state: WebState, search: SearchState) -> list[dict[str, Any]]:
    """The "posted within" choices with how many results each would give."""
    index = state.fresh_index()
    now = state.now()
    out = []
    for value, label in since_choices_for(search.since):
        variant = replace(search, since=value, page=1)
        query = variant.to_query(now=now, limit=1, facets=())
        out.append({"value": value, "label": label, "count": index.search(query).total,
                    "on": search.since == value, "href": search.url(since=value, page="")})
    return out


def since_words(search: SearchState) -> str:
    """The "posted within" choice in words: "within a year", "since 2026-04-01"."""
    label = dict(since_choices_for(search.since)).get(search.since, search.since)
    return label if label.startswith("since ") else f"within {label}"


TITLE_FILTERS = 3  # the chosen filter values a page's title names; the rest are counted


def title_filters(facets: list[dict[str, Any]], search: SearchState) -> str:
    """The filters of a search or dashboard view as its ``<title>`` names them: each field by
    the facet's name, its values in the facets' words, ORed as the facets OR them
    ("Archetype: Research / ML engineer; Remote: remote; Posted within a year"), so a tab, a
    bookmark and a screen reader's first words tell one filtered view from another. The
    values alone ("Research / ML engineer, remote") did not say what "remote" or "not said
    in the posting" was of, and "PyTorch, JAX" read as both where the page shows either."""
    labels = {(group["name"], v["value"]): v["label"]
              for group in facets for v in group["values"] if v["on"]}
    parts: list[str] = []
    named = more = 0
    for name, values in search.filters.items():  # in the order the URL gives them
        words = []
        for value in values:
            if named == TITLE_FILTERS:
                more += 1
                continue
            named += 1
            # ("core: ML is the job" after "How much is ML:" reads "core (ML is the job)")
            # (the ML share's words alone: a company "Lab: AI Research" read "Lab (AI Research)")
            label = labels.get((name, value), value)
            head, colon, rest = label.partition(": ")
            words.append(f"{head} ({rest})" if colon and name == "ml_share" else label)
        if words:
            said = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
            parts.append(f"{FACET_LABELS.get(name, name)}: {said}")
    extra = []
    if search.since:
        extra.append(f"Posted {since_words(search)}")
    if search.salary_min is not None:
        amount = search.salary_min
        extra.append(f"Salary from {amount:,.0f} USD a year" if amount.is_integer()
                     else f"Salary from {amount:,} USD a year")
    for part in extra:
        if named == TITLE_FILTERS:
            more += 1
        else:
            named += 1
            parts.append(part)
    said = "; ".join(parts)
    return said + (f" and {more} more filter{'' if more == 1 else 's'}" if more else "")


TEMPLATES.env.globals["title_filters"] = title_filters
TEMPLATES.env.globals["value_label"] = value_label
TEMPLATES.env.filters["clip"] = clip  # a long title in <title>, cut with "…" as the CLI cuts it


def utc_minute(moment: datetime) -> str:
    """A time the store keeps (first seen, last seen) to the minute, in UTC and saying so: the
    posting page showed "2026-11-29 20:06", which a reader elsewhere took as their own time."""
    if moment.tzinfo is None:  # (the store writes aware UTC times; an older row may not)
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


TEMPLATES.env.filters["utc_minute"] = utc_minute
TEMPLATES.env.globals["years_text"] = years_text


def _since_hid(state: WebState, search: SearchState) -> dict[str, Any] | None:
    """What a "posted within" that leaves no result hid, as ``mljobs search --since`` says
    it: how many match without it, the newest one's day, and the link without it (the
    demo's posts end in May 2026: "30 days" months later listed nothing and said why not)."""
    if not search.since:
        return None
    before = without_since(state.fresh_index(), search.to_query(now=state.now()))
    if not before.total:
        return None
    newest = before.hits[0].posted_at if before.hits else None
    return {"what": since_words(search),
            "total": before.total, "newest": f"{newest:%Y-%m-%d}" if newest else None,
            "href": search.url(since="", page="")}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
async def search_page(request: Request) -> Response:
    """The search page: query box, facets with counts, results, paging."""
    # a mistyped filter (skill=PyTorch) listed every posting as if it applied
    refuse_unknown_params(request.query_params, PAGE_PARAMS)
    state = web_state(request)
    search = request_search(request)
    # a page past MAX_PAGE fetches no hits: page 1 gives the total and the facets, and
    # the page is either past the last one (the note below) or out of reach
    beyond = search.page > MAX_PAGE
    result, details = run_search(state, replace(search, page=1) if beyond else search)
    pages = max(1, -(-result.total // 20))
    if beyond:
        if search.page <= pages:
            raise QueryError(f"page={search.page} is past the {MAX_PAGE} pages shown; "
                             "add a filter or a word to narrow the search")
        result, details = replace(result, hits=[]), {}
    past_end = search.page > pages  # a bookmarked or typed page beyond the last one
    # a misspelt skill or company ("pytorh"): the spelling the store has, and its count
    suggestion = None
    if not result.total and search.q.strip():
        index = state.fresh_index()
        found = suggest_query(index, search.to_query(now=state.now()), lambda: (
            suggest_vocabulary(state.known_values(SUGGEST_FIELDS))))
        if found is not None:
            suggestion = {"q": found[0], "count": found[1], "href": search.url(q=found[0],
                                                                                page="")}
    last_url = search.url(page=pages if pages > 1 else "")
    context = {
        "since_hid": _since_hid(state, search) if not result.total else None,
        "search": search,
        "result": result,
        "details": details,
        "facets": _facet_groups(search, result, selected_field_counts(state, search),
                                company_labels(state, search)),
        "since_counts": since_choices(state, search),
        "pages": pages,
        "past_end": past_end,
        "last_url": last_url,
        "first_url": search.url(page=""),
        "prev_url": (last_url if past_end else search.url(page=search.page - 1))
        if search.page > 1 else None,
        "next_url": search.url(page=search.page + 1) if search.page < pages else None,
        "snippet": lambda h: Markup(h.snippet_html),
        # "Remove a filter or try fewer words" is no help when the store holds nothing
        "store_empty": not result.total and not state.store.count(),
        "fill_commands": fill_commands(state.store.path),  # (of the store served)
        "suggestion": suggestion,
        "unknown_notes": state.unknown_notes(search.filters),
        "salary_thousands": _salary_thousands(search),
        "lag_notes": state.lag_notes(),  # (while a `mljobs reindex` writes the index)
        # the count is of jobs, each once: say so where the store links reposts and
        # duplicates (`mljobs stats` counted 2,925 postings where this page said 2,479)
        "linked": state.cached(("holds_links",), state.store.holds_links),
        "api_url": search.url("/api/search"),
        # q="-", "(" or '""' holds no word to search for: it lists every posting, and
        # "1,491 postings match -" said they matched it
        "no_words": bool(search.q) and parse_query(search.q).is_empty(),
        "q_shows": shows_anything(search.q),  # (not only %00 or a right-to-left override)
    }
    return TEMPLATES.TemplateResponse(request, "search.html", context)


def _salary_thousands(search: SearchState) -> dict[str, str] | None:
    """A minimum salary under 1,000 a year, offered in thousands: the box is a number field,
    and Chromium drops the "k" of a typed "100k", so the search ran with 100 USD a year,
    which every stated pay passes, and said nothing. The thousands are counted in decimal
    (64.1 * 1000 is 64099.99999999999 in floating point, and the note offered that)."""
    if search.salary_min is None or not 1 <= search.salary_min < 1000:  # (0.5: not 500)
        return None
    meant = float(Decimal(repr(search.salary_min)) * 1000)
    return {"meant": f"{meant:,.0f}" if meant.is_integer() else f"{meant:,}",
            "href": search.url(salary_min=meant, page="")}


def load_posting(state: WebState, ref: str, posting_id: str | None, *,
                 find_at: str = "search for it at /") -> Posting:
    """The posting of ``posting_id``, what ``SQLiteStore.resolve_id`` found for ``ref`` (an
    id or source id; the caller asked it, for ``split_roles`` too); 404 when there is none,
    saying where to look instead (``find_at``: the API names ``/api/search``)."""
    if not ref.strip():  # /posting/ said "No posting '' in this store"
        raise HTTPException(404, "No posting id given: a posting's page is /posting/ID "
                            "(hackernews:46467172 or hn-46467172); search for one at /.")
    posting = state.store.get(posting_id) if posting_id else None
    if posting is None:
        if others := other_roles(state.store, ref):  # (a role its post does not have)
            raise HTTPException(404, f"No posting {clip(ref)!r} in this store; {others}")
        raise HTTPException(404, f"No posting {clip(ref)!r} in this store; {find_at}.")
    return posting


def slash_redirect(request: Request, state: WebState, ref: str, posting_id: str | None,
                   prefix: str) -> RedirectResponse | None:
    """``/posting/ID/`` (a trailing slash, as a pasted or hand-edited URL has it) was a 404
    "No posting 'ID/'", where the other pages redirect to their URL without it: the same
    redirect (307, as Starlette's own, the query kept) to ``prefix`` + the ref without the
    slash, when the ref as given finds nothing (``posting_id`` None) and without it does."""
    bare = ref.rstrip("/")
    if posting_id is not None or not bare or bare == ref or not (
            state.store.resolve_id(bare) or split_roles(state.store, bare)):
        return None
    query = request.url.query
    return RedirectResponse(prefix + posting_url(bare).removeprefix("/posting/")
                            + (f"?{query}" if query else ""), status_code=307)


def pay_items(posting: Posting) -> list[dict[str, Any]]:
    """The pay lines of the page: stated pay first, then an estimate, each with its note
    (``posting_view.pay_of``); figures no one is paid (a parsing slip) are left out."""
    out = []
    for pay in pay_of(posting):
        note = "; ".join(n for n in (pay.label(), pay.note()) if n)
        out.append({"text": salary_text(pay.salary, estimate_mark=False), "note": note,
                    "estimate": pay.estimate})
    return out


@router.get("/posting/{ref:path}", response_class=HTMLResponse, include_in_schema=False)
async def posting_page(request: Request, ref: str) -> Response:
    """One posting: description with skills highlighted, archetype, facets, sources.

    The id of a multi-role post that was split into role postings gives the list of them.
    """
    state = web_state(request)
    posting_id = state.store.resolve_id(ref)
    if moved := slash_redirect(request, state, ref, posting_id, "/posting/"):
        return moved
    if posting_id is None and (roles := split_roles(state.store, ref)):
        return TEMPLATES.TemplateResponse(request, "roles.html", {
            "ref": ref, "roles": [r for r in roles if not r.left],
            "left": [r for r in roles if r.left]})
    posting = load_posting(state, ref, posting_id)
    enr = posting.enrichment
    duplicates = duplicates_of(state.store, posting)
    # a duplicate's page on its source is linked beside it, so not listed again above it (a
    # post found four times listed seven links)
    linked = {posting.url, *(d.url for d in duplicates if safe_url(d.url))}
    context = {
        "p": posting,
        "enr": enr,
        "description": describe_html(posting),
        "bars": proba_bars(posting),
        "pay": pay_items(posting),
        "remote": remote_text(posting),
        "roles": roles_list(state.store, posting),
        "duplicates": duplicates,
        "also_sources": posting.extra.get("also_sources", []),
        "source_urls": [u for u in posting.extra.get("source_urls", [])
                        if isinstance(u, str) and u not in linked and safe_url(u)],
        "required": [s for s in enr.skills if s.required] if enr else [],
        "nice": [s for s in enr.skills if not s.required] if enr else [],
        "evidence": sorted(enr.evidence, key=lambda e: -abs(e.weight))[:12] if enr else [],
        "changes": state.store.changes(posting.id),
        # the served store's command: the bare one understood the default store's postings
        "enrich_command": enrich_store_command(state.store.path),
    }
    return TEMPLATES.TemplateResponse(request, "posting.html", context)


def dashboard_data(request: Request, *, what: str = "endpoint", also: frozenset[str] = frozenset()
                   ) -> tuple[SearchState, list[MarketRow], dict[str, Table]]:
    """The dashboard filters from the URL, the rows they keep, and every table; a parameter
    none of them reads (nor ``also``) is refused first, naming the ``what`` that refuses it
    (it searches no words and has no salary floor: ``q=`` or ``salary_min=``, a search
    page's URL edited to /dashboard, drew every posting's charts as if they applied)."""
    refuse_unknown_params(request.query_params, DASHBOARD_PARAMS | also, what=what)
    state = web_state(request)
    search = request_search(request)
    since = search.to_query(now=state.now()).posted_since
    rows = filter_rows(state.market(), search.filters, posted_since=since)
    trend = trend_skills(request)
    day = state.now().date() if search.since else None  # relative periods move daily
    key = (tuple(sorted((k, tuple(v)) for k, v in search.filters.items())), search.since, day,
           tuple(trend))
    return search, rows, state.cached(("tables", *key),
                                      lambda: dashboard_tables(rows, trend=trend))


def trend_skills(request: Request) -> list[str]:
    """The skills of the URL's ``trend`` parameters (repeated or comma-separated), each
    once: the trends match names in any case, so ``PyTorch, pytorch`` drew PyTorch's
    line, and listed its rows, twice."""
    named: dict[str, str] = {}
    for value in request.query_params.getlist("trend"):
        for t in value.split(","):
            if t.strip():
                named.setdefault(" ".join(t.split()).casefold(), t.strip())
                if len(named) > MAX_TREND_SKILLS:
                    raise QueryError(f"trend: more than {MAX_TREND_SKILLS} skills are given "
                                     f"({clip(t.strip())!r} is one more); the trends chart "
                                     f"draws up to {MAX_TREND_SKILLS}")
    return list(named.values())


def _dashboard_facets(state: WebState, search: SearchState) -> list[dict[str, Any]]:
    since = search.to_query(now=state.now()).posted_since
    everything = filter_rows(state.market(), search.filters, posted_since=since)
    groups = []
    # a filter with no list here (month, company, status, ml_share) shows its chosen values,
    # so the sidebar says why the charts hold fewer postings and can remove it
    extra = [name for name in search.filters if name not in DASHBOARD_FACETS]
    companies = company_labels(state, search)
    for name in (*DASHBOARD_FACETS, *extra):
        counts: dict[str, int] = {}
        rows = everything
        if search.filters.get(name):  # a field's own selection does not narrow its counts
            others = {k: v for k, v in search.filters.items() if k != name}
            rows = filter_rows(state.market(), others, posted_since=since)
        for row in rows:
            for value in row.facets.get(name, ()):
                counts[value] = counts.get(value, 0) + 1
        if name in extra:
            counts = {value: counts.get(value, 0) for value in search.filters[name]}
        for value in search.filters.get(name, []):
            counts.setdefault(value, 0)
        chosen = set(search.filters.get(name, ()))
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        # the 12 most common, and every chosen value (else it cannot be seen or unticked),
        # chosen first (below the 12 in a list that scrolls, its tick was out of sight)
        ranked = sorted((kv for i, kv in enumerate(ranked) if i < 12 or kv[0] in chosen),
                        key=lambda kv: kv[0] not in chosen)
        if name == "ml_share":  # a scale, as on the search page
            ranked.sort(key=lambda kv: _scale_place(kv[0]))
        hrefs = search.toggle_hrefs(name, dict(ranked), "/dashboard")
        groups.append({"name": name, "label": FACET_LABELS.get(name, name), "values": [
            {"value": v, "count": c, "on": search.is_on(name, v),
             "href": hrefs[v], "label": value_label(name, v, companies)}
            for v, c in ranked if v.strip()]})  # (a blank value: its link filtered nothing)
    return [g for g in groups if g["values"]]


def _panels(tables: dict[str, Table], query: str, filtered: bool) -> list[dict[str, Any]]:
    """Each chart's spec, CSV link and text alternative: its finding in words and its
    numbers as a table (rendered here, once per filter state, with autoescaping)."""
    data_table = TEMPLATES.env.get_template("_chart_table.html")
    counted = sum(r[1] for r in tables["archetypes"].rows)  # (the postings the filters keep)
    return [
        {"name": name, "title": charts.TITLES[name], "empty": charts.is_empty(tables[name]),
         "spec": Markup(json.dumps(charts.figure(tables[name])).replace("<", "\\u003c")),
         "csv": f"/dashboard/{name}.csv" + (f"?{query}" if query else ""),
         "rows": len(tables[name].rows), "min_width": charts.min_width(tables[name]),
         "finding": charts.finding(tables[name], filtered=filtered, counted=counted),
         "table": Markup(data_table.render(view=charts.table_view(tables[name])))}
        for name in TABLE_NAMES
    ]


def _panels_html(search: SearchState, rows: list[MarketRow], tables: dict[str, Table],
                 query: str, asked: list[str], known_skills: Callable[[], list[str]]) -> Markup:
    """The charts' part of the page: it follows from the URL alone, so it is rendered once
    per filter state (the tables of the text alternatives are the page's longest part).
    ``known_skills`` gives the store's skill names (read only when a trend skill is missing)."""
    filtered = bool(search.filters or search.since)
    context = {"search": search, "panels": _panels(tables, query, filtered),
               "trend_missing": trend_missing(search, rows, asked, known_skills)}
    return Markup(TEMPLATES.env.get_template("_dashboard_panels.html").render(context))


def trend_missing(search: SearchState, rows: list[MarketRow], asked: list[str],
                  known_skills: Callable[[], list[str]]) -> list[tuple[str, str | None, str]]:
    """Each trend skill in ``asked`` no posting of ``rows`` asks for, with the store's skill
    it may stand for (or None) and the dashboard URL that swaps that one in (or "")."""
    present = {skill.lower() for row in rows for skill in row.skills} if asked else set()
    missing = [t for t in asked if t.lower() not in present]
    # a trend skill no posting asks for said only "No data for these filters"; a misspelt
    # one (trend=pytorh) gets the closest skill name of the store, and a link swapping it in
    found = []
    if missing:
        names: dict[str, str] = {}
        for skill in known_skills():
            names.setdefault(skill.casefold(), skill)
        for skill in missing:
            close = _closest_skill(skill, names)
            href = search.url("/dashboard", trend=",".join(dict.fromkeys(
                close if other == skill else other for other in asked))) if close else ""
            found.append((skill, close, href))
    return found


def dashboard_notes(request: Request, search: SearchState, rows: list[MarketRow]) -> list[str]:
    """What the dashboard page says beside its charts, for the JSON API: a note for each
    filter value no posting has (as ``/api/search``'s ``notes``) and each trend skill no
    posting these filters keep asks for (with the skill it may stand for)."""
    state = web_state(request)
    kept = "these filters keep " if search.filters or search.since else ""
    notes = state.unknown_notes(search.filters)
    for name, close, _href in trend_missing(
            search, rows, trend_skills(request),
            lambda: state.known_values(["skills"])["skills"]):
        notes.append(f"no posting {kept}asks for the trend skill {name!r}"
                     + (f"; did you mean {close!r}?" if close else
                        "; trend skills are named as in the skills facet (e.g. PyTorch)"))
    return notes


@lru_cache(maxsize=1)
def _skill_aliases() -> dict[str, str]:
    """Each surface form of the skill taxonomy, case-folded, to its skill's name."""
    from mljobs.enrich.skills import default_taxonomy

    out: dict[str, str] = {}
    for alias in default_taxonomy().aliases():
        out.setdefault(" ".join(alias.form.split()).casefold(), alias.skill)
    return out


def _closest_skill(name: str, names: dict[str, str]) -> str | None:
    """The skill a name stands for, or the one spelt most like it (any case), if one is
    close: ``names`` maps each of the store's skill names case-folded to its spelling."""
    import difflib

    if name.casefold() in names:  # the store has it; these filters leave it out
        return None
    # an alias first (LLM is "large language models"; spelling alone offered vLLM)
    named = _skill_aliases().get(" ".join(name.split()).casefold(), "").casefold()
    if named in names:
        return names[named]
    close = difflib.get_close_matches(name.casefold(), list(names), n=1,
                                      cutoff=SPELLING_CUTOFF)
    return names[close[0]] if close else None


def _dashboard_since_hid(state: WebState, search: SearchState, rows: list[MarketRow],
                         trend: list[str]) -> dict[str, Any] | None:
    """What a "posted within" that leaves the dashboard no posting hid, as the search page
    says it (``_since_hid``): the charts said "No data for these filters" only, and the
    demo's postings end in May 2026."""
    if rows or not search.since:
        return None
    before = filter_rows(state.market(), search.filters)
    if not before:
        return None
    dated = [row.posted for row in before if row.posted is not None]
    trends = {"trend": ",".join(trend)} if trend else {}
    return {"what": since_words(search), "total": len(before),
            "newest": f"{max(dated):%Y-%m-%d}" if dated else None,
            "href": search.url("/dashboard", since="", **trends)}


@router.get("/dashboard", response_class=HTMLResponse, include_in_schema=False)
async def dashboard_page(request: Request) -> Response:
    """The market dashboard: six charts, each with its data as CSV."""
    search, rows, tables = dashboard_data(request, what="page")
    query = request.url.query
    state = web_state(request)
    day = state.now().date() if search.since else None
    panels = state.cached(("panels", query, day),
                          lambda: _panels_html(search, rows, tables, query, trend_skills(request),
                                               lambda: state.known_values(["skills"])["skills"]))
    facets = state.cached(("facets", query, day), lambda: _dashboard_facets(state, search))
    # (the whole store's, as `mljobs stats` says it: one count over an index, kept per rev)
    older = state.cached(("understanding",), lambda: understanding(
        state.store.enrichment_versions()).lines(enrich_store_command(state.store.path)))
    context = {"search": search, "panels_html": panels, "total": len(rows), "facets": facets,
               "since_choices": since_choices_for(search.since), "understanding": older,
               # a filter value no posting has, named as the search page and the API name it
               # (the page said "0 postings" and "No data for these filters" only)
               "unknown_notes": state.unknown_notes(search.filters),
               # a store with no postings says how to fill it, as the search page does (six
               # charts said "No data for these filters", with no filter on)
               "store_empty": not rows and not state.store.count(),
               "since_hid": _dashboard_since_hid(state, search, rows, trend_skills(request)),
               "fill_commands": fill_commands(state.store.path),
               # what the charts count, said on the page: a reader quoting "2,479 postings"
               # could not tell it from `mljobs stats`'s 2,925 (reposts included)
               "stored": state.cached(("stored",), state.store.count),
               "linked": len(state.market())}
    return TEMPLATES.TemplateResponse(request, "dashboard.html", context)


@router.get("/dashboard/{name}.csv", include_in_schema=False)
async def dashboard_csv(request: Request, name: str) -> Response:
    """One dashboard chart's data as CSV, filtered like the page."""
    if name not in TABLE_NAMES:
        raise HTTPException(404, f"No chart {clip(name)!r}; charts: {', '.join(TABLE_NAMES)}")
    search, _rows, tables = dashboard_data(request, what="download")
    return csv_response(tables[name], search, trend_skills(request), web_state(request))


def csv_filename(name: str, search: SearchState, trend: list[str], day: date) -> str:
    """What a chart's CSV holds, as its file name: the chart, each filter as field and
    value, the trend skills (of the trends chart), and the day it was taken, in the
    characters every file system and header takes (a-z, 0-9, "-", "."):
    ``mljobs-skills-archetype-research-engineer-since-90d-2026-06-01.csv``. Every download
    was ``mljobs-skills.csv``, whatever its filters, so a second one overwrote the first or
    became ``mljobs-skills (1).csv``."""
    words = [name]
    for field in FACET_FIELDS:
        for value in search.filters.get(field, ()):
            words += [field, value]
    if search.since:
        words += ["since", search.since]
    if name == "trends":
        words += trend
    slug = "-".join(part for part in (_slug(w) for w in words) if part)
    if len(slug) > FILENAME_WORDS:  # many filters: cut at a word, never mid-value
        slug = slug[:FILENAME_WORDS + 1].rsplit("-", 1)[0]
    return f"mljobs-{slug}-{day.isoformat()}.csv"


FILENAME_WORDS = 100  # characters of a CSV's file name between "mljobs-" and its date


def _slug(text: str) -> str:
    """``Café Ü/ML`` -> ``cafe-u-ml``: accents dropped, + and # spelt out (C++ is not
    C, nor C# either), any other character a dash."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.replace("+", " plus ").replace("#", " sharp ")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def csv_response(table: Table, search: SearchState, trend: list[str], state: WebState
                 ) -> Response:
    """A table as a CSV download named for what it holds (``csv_filename``)."""
    filename = csv_filename(table.name, search, trend, state.now().date())
    return Response(table.to_csv(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})
