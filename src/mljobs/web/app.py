"""The web app factory: pages, the JSON API, security headers, one error shape.

``create_app(db)`` opens the store and its search index once and serves:

- ``/`` search, ``/posting/{id}``, ``/dashboard`` (+ CSV downloads): ``routes.py``
- ``/api/...`` JSON with its OpenAPI schema at ``/api/openapi.json``: ``api.py``
- ``/match`` and ``POST /api/match`` (the same answer as JSON): ``match_routes.py``

Every response carries a Content-Security-Policy that allows scripts only from
this server. Every error is one page (``error.html``) or, under ``/api``, one
JSON shape ``{"ok": false, "status": ..., "error": ..., "errors": [...]}``;
tracebacks go to the server log, never to the client.
"""

from __future__ import annotations

import gzip
import ipaddress
import logging
import os
import re
import socket
import sqlite3
import threading
import traceback
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mljobs.analytics import MarketRow, market_rows
from mljobs.errors import (
    ConfigError,
    IndexBusyError,
    InputError,
    MljobsError,
    QueryError,
    StoreError,
    clip,
)
from mljobs.index import (
    FACET_FIELDS,
    SAY_BUILD_FROM,
    SearchIndex,
    index_path,
    open_for_search,
)
from mljobs.search import (
    index_build_line,
    index_busy_line,
    parse_since,
    resolve_values,
    store_values,
    unknown_value_notes,
)
from mljobs.store import SQLiteStore
from mljobs.store.sqlite import damaged_error
from mljobs.web.params import (
    MAX_FILTER_VALUES,
    PAGE_PARAMS,
    REPEATABLE_PARAMS,
    parse_state,
)
from mljobs.web.render import PLOTLY_URL, page_templates, static_version

HERE = Path(__file__).parent
TEMPLATES = page_templates()
log = logging.getLogger("mljobs.web")

CSP = (
    "default-src 'self'; script-src 'self'; "
    "style-src 'self' 'unsafe-inline'; "  # plotly.js sets inline styles on its SVG
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    # (no Referer to another site; to this one, its own pages' forms send their Origin, by
    # which ``OwnPages`` tells them where the browser sends no Sec-Fetch-Site: no-referrer
    # made them "null", as a page of another site that hides its origin sends it)
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}
_USER_ERRORS = (QueryError, ConfigError, InputError)
CACHE_SIZE = 128  # dashboard filter states (tables, facet counts) kept in memory
T = TypeVar("T")


def log_build(count: int) -> None:
    """Say in the server log that the whole search index of ``count`` postings is built
    before the server answers (a new index, or one of another format; the requests wait)."""
    if count >= SAY_BUILD_FROM:
        log.warning("%s", index_build_line(count))


# how an index fails to be synced or opened: ours, the file system's, tantivy's, SQLite's
# (fts5's index is a SQLite file); the store, which a sync reads, fails in some of these too:
# ``store_failure`` tells them apart
INDEX_FAILURES = (StoreError, OSError, ValueError, sqlite3.Error)


def store_failure(store: SQLiteStore, exc: BaseException) -> StoreError | None:
    """The error naming the store when ``exc``, of an index sync or build, came of reading
    the store (SQLite's error on the store's file, a stored row that does not read), not of
    the index: the innermost of mljobs's frames it passed through is the store's code; else
    None. (Each was taken for the index's: the server opened the index anew from a damaged
    store, and its log said to mend the index and run `mljobs reindex`.)"""
    ours = [frame.f_globals.get("__name__", "") for frame, _line in
            traceback.walk_tb(exc.__traceback__)]
    ours = [name for name in ours if name.startswith("mljobs.")]
    if not ours or not ours[-1].startswith("mljobs.store"):
        return None
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, sqlite3.DatabaseError) and (damaged := damaged_error(store.path, exc)):
        return damaged
    first = str(exc).splitlines()[0] if str(exc) else ""
    return StoreError(f"the store at {store.path} cannot be read ({type(exc).__name__}: "
                      f"{clip(first, 120)}); the search index was left as it was")
# what a search says while its index could not be brought up to date for another reason than
# another process writing it (``WebState._reopen``)
LAG_FAILED = ("these results are from the search index as it was, without the store's latest "
              "changes: the server could not bring it up to date (its log says why).")


class WebState:
    """The store, its index and cached market rows, shared by all requests.

    Handlers are ``async`` and do their (short) store and index work on the
    event loop thread; ``lock`` guards the rare writes (index sync).
    """

    def __init__(self, store: SQLiteStore, now: Callable[[], datetime]) -> None:
        self.store = store
        self.now = now
        self.lock = threading.Lock()
        self.index: SearchIndex
        # (the revision read before the sync, as ``fresh_index`` reads it: read after, a write
        # landing in between was taken as indexed, and searched only after the next one)
        rev = store.max_rev()
        self.index, busy = open_for_search(store, on_build=log_build, on_wait=log.warning)
        # (started while a `mljobs reindex` runs: the index as it is, brought up to date by
        # the first request after it; it did not start)
        self._rev = rev if busy is None else -1
        # (what the search page and /api/search say while the index lags the store: only
        # the server log said so): another process writing it, or a sync that failed
        self.lags: Exception | None = busy
        if busy is not None:
            log.warning("search index not refreshed: %s", busy)
        self._market: tuple[int, list[MarketRow]] | None = None
        self._cache: OrderedDict[tuple[object, ...], object] = OrderedDict()
        # the match page's answers, by the token of their URL (``match_routes.keep_match``):
        # in memory only, never on disk
        self.matches: OrderedDict[str, tuple[datetime, dict[str, Any]]] = OrderedDict()

    def fresh_index(self) -> SearchIndex:
        """The index, synced first if the store changed since the last request; while another
        process writes it (a `mljobs reindex`), the index as it is, ``lags`` saying so; after
        a sync that failed otherwise, the index opened anew (``_reopen``)."""
        rev = self.store.max_rev()
        if rev != self._rev:
            with self.lock:
                try:
                    # (no wait for another process's whole build: a request waited up to
                    # WRITER_WAIT_S on the event loop, every other one held with it)
                    self.index.sync(self.store, on_build=log_build, wait=False)
                except IndexBusyError as busy:  # another process is writing: serve what we have
                    self.lags = busy
                    log.warning("search index not refreshed: %s", busy)
                except INDEX_FAILURES as exc:  # (its folder removed or damaged while we ran)
                    if (broken := store_failure(self.store, exc)) is not None:
                        raise broken from exc  # (a reindex mends no store: the request fails)
                    self._reopen(exc, rev)
                else:
                    self._rev = rev
                    self.lags = None
        return self.index

    def _reopen(self, failed: Exception, rev: int) -> None:
        """After a sync that failed for another reason than a busy index (its folder removed
        or damaged while the server ran: the note stayed as it was, "up to date", and so did
        the index), the index opened anew, as the next ``mljobs search`` opens it (building it
        again); when that fails too, the index as it was, ``lags`` saying so, and the log why
        and what to do."""
        where = index_path(self.store)
        log.warning("search index at %s not refreshed (%s: %s); opening it anew",
                    where, type(failed).__name__, failed)
        try:
            index, busy = open_for_search(self.store, on_build=log_build, wait=False)
        except INDEX_FAILURES as exc:
            if (broken := store_failure(self.store, exc)) is not None:
                raise broken from exc
            self.lags = exc
            log.error("the search index at %s cannot be opened (%s: %s): searches read it as "
                      "it was, without the store's latest changes; stop the server, remove or "
                      "mend %s, and run `mljobs reindex`", where, type(exc).__name__, exc, where)
            return
        self.index.close()
        self.index, self.lags = index, busy
        self._rev = rev if busy is None else -1

    def lag_notes(self) -> list[str]:
        """The note a search shows while the index lags the store (``lags``), as ``mljobs
        search`` says it on stderr but without the server's paths (the log names them);
        none when it is up to date."""
        if self.lags is None:
            return []
        if isinstance(self.lags, IndexBusyError):
            return [index_busy_line(None, results=True)]
        return [LAG_FAILED]

    def market(self) -> list[MarketRow]:
        """Dashboard rows of every canonical posting, re-read when the store changes."""
        rev = self.store.max_rev()
        if self._market is None or self._market[0] != rev:
            self._market = (rev, market_rows(self.store))
        return self._market[1]

    def cached(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """A value derived from the store (dashboard tables...), kept while it is unchanged."""
        full = (self.store.max_rev(), *key)
        if full in self._cache:
            self._cache.move_to_end(full)
            return cast(T, self._cache[full])
        value = make()
        self._cache[full] = value
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return value

    def respell(self, filters: dict[str, list[str]]) -> dict[str, list[str]]:
        """Filter values as the store spells them (``skills=pytorch`` is ``PyTorch``,
        ``remote=Remote`` is ``remote``), as ``mljobs search`` takes them; a value no posting
        has stays as given (its facet shows it selected with 0)."""
        if not filters:
            return filters
        return resolve_values(filters, self.known_values(filters))[0]

    def unknown_notes(self, filters: dict[str, list[str]]) -> list[str]:
        """A note for each filter value no posting has (``archetype=foo``), naming the
        values the store has (``search.unknown_value_notes``); none when all are known."""
        if not filters:
            return []
        known = self.known_values(filters)
        return unknown_value_notes(resolve_values(filters, known)[1], known)

    def known_values(self, fields: Iterable[str]) -> dict[str, list[str]]:
        """``search.store_values`` of the fields (most frequent first), kept while the store
        is unchanged: the filters' spellings, the words a misspelt query is offered, the
        dashboard's closest trend skill."""
        names = sorted(fields)
        return self.cached(("facet-values", *names),
                           lambda: store_values(self.fresh_index(), names))

    def close(self) -> None:
        """Release the index and the store."""
        self.index.close()
        self.store.close()


class SecurityHeaders:
    """ASGI middleware adding the CSP and friends to every HTTP response.

    It also answers ``HEAD`` wherever ``GET`` is served (link checkers and ``curl -I``
    use it; FastAPI routes alone answer 405): the GET response's headers, no body.
    An API answer that sets no ``Cache-Control`` gets ``api_cache_control``'s.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        head = scope["method"] == "HEAD"
        path = str(scope.get("path", ""))
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for key, value in SECURITY_HEADERS.items():
                    if key.encode() not in present:
                        headers.append((key.encode(), value.encode()))
                if b"cache-control" not in present and (cache := api_cache_control(path)):
                    headers.append((b"cache-control", cache.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def api_cache_control(path: str) -> str | None:
    """The ``Cache-Control`` of an answer under ``/api`` (``None`` elsewhere).

    API answers had none: a cache between the server and a client could keep a search or a
    posting by its own heuristics and answer with it after the store changed, as a static
    file is kept. ``no-cache``: asked again each time; ``no-store`` for ``/api/match``,
    whose answer holds the profile read from a resume."""
    if not is_api_path(path):  # (as the error shape: /apifoo's 404 is JSON, and had none)
        return None
    return "no-store" if path.rstrip("/") == "/api/match" else "no-cache"


def is_api_path(path: str) -> bool:
    """Whether ``path`` is answered as the API is: errors in JSON, ``api_cache_control``."""
    return path.startswith("/api")


def wants_json(request: Request) -> bool:
    """API paths answer errors in JSON; pages answer with the error page."""
    return is_api_path(request.url.path)


def error_response(
    request: Request, status: int, message: str, errors: list[dict[str, Any]] | None = None,
    *, answered_at: str = "",
) -> Response:
    """The one error shape: JSON under /api, ``error.html`` elsewhere. ``answered_at``: the
    URL of the page asked for under a name the server answers (a refused ``Host``'s page
    links it, in place of links to the refused name)."""
    if wants_json(request):
        body = {"ok": False, "status": status, "error": message, "errors": errors or []}
        # (a 500 is sent outside SecurityHeaders, which sets the API's Cache-Control)
        cache = api_cache_control(request.url.path)
        return JSONResponse(body, status_code=status, headers={
            **SECURITY_HEADERS, **({"Cache-Control": cache} if cache else {})})
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"status": status, "reason": _REASONS.get(status, ""),
                                "message": message, "errors": errors or [],
                                "retry": None if answered_at else _search_retry(request),
                                "answered_at": answered_at},
        status_code=status, headers=SECURITY_HEADERS,
    )


def _search_retry(request: Request) -> dict[str, Any] | None:
    """The words a search page was asked for, to edit on its error page.

    A query the search box sent (``title:(``, nine prefixes) answered a page with no box:
    its "Back to search" cleared the words typed. The other fields ride along hidden,
    except the page and a field the search page would refuse again (``salary_min='abc'``,
    a mistyped ``salry_min``, a ``sort`` given twice, filter values past the hundredth):
    each is checked as the page checks it, not found by its name in the message (a
    mistyped field and one given twice were kept, and failed again with the same message;
    ``since='remote=yes'`` dropped the remote filter too).
    """
    if request.url.path != "/" or request.method not in ("GET", "HEAD"):
        return None
    params = request.query_params
    if "q" not in params:
        return None
    pairs = params.multi_items()
    given = Counter(k for k, _v in pairs)
    now = cast(WebState, request.app.state.web).now()
    filters: set[tuple[str, str]] = set()
    kept = []
    for k, v in pairs:
        if k in ("q", "page") or (given[k] > 1 and k not in REPEATABLE_PARAMS):
            continue
        if k not in PAGE_PARAMS and not k.startswith("utm_"):  # (refuse_unknown_params)
            continue
        try:
            parse_since(parse_state([(k, v)]).since, now=now)
        except QueryError:
            continue
        if k in FACET_FIELDS and v.strip():
            filters.add((k, v.strip()))
            if len(filters) > MAX_FILTER_VALUES:
                continue
        kept.append((k, v))
    return {"q": params["q"], "kept": kept}


_REASONS = {400: "Bad request", 403: "Refused", 404: "Not found", 405: "Method not allowed",
            413: "Too large", 422: "Bad request", 500: "Internal error"}


_CHOICES = re.compile(r"^\^\((?:\?i:)?([\w|-]+)\)\$$")


def _validation_message(error: Any) -> str:
    """Pydantic's message, with a choice pattern (``^(json|csv)$``) said as its choices."""
    message = str(error.get("msg", ""))
    pattern = str((error.get("ctx") or {}).get("pattern", ""))
    if error.get("type") == "string_pattern_mismatch" and (found := _CHOICES.match(pattern)):
        choices = " or ".join(found.group(1).split("|"))
        return f"{error.get('input')!r} is not one of the choices: use {choices}"
    return message


_METHOD_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def _allowed_methods(request: Request, said: list[str]) -> list[str]:
    """The methods a 405's path answers: those Starlette ``said`` (the first route of the
    path alone: ``/match``'s form said GET, not its answer's POST), every other route's of
    the same path, and HEAD wherever GET is (``SecurityHeaders`` answers it)."""
    from starlette.routing import Match, Route

    methods = set(said)
    # the app's own routes, and those of the routers it includes (``app.state.routers``:
    # FastAPI keeps an included router's routes behind a wrapper of its own)
    included = (r for router in getattr(request.app.state, "routers", ()) for r in router.routes)
    for route in (*request.app.router.routes, *included):
        if isinstance(route, Route) and route.methods \
                and route.matches(request.scope)[0] == Match.PARTIAL:
            methods |= route.methods
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods, key=lambda m: (_METHOD_ORDER + (m,)).index(m))


def _and_list(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return " and ".join(filter(None, (", ".join(words[:-1]), words[-1])))


def _install_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else _REASONS.get(exc.status_code, "")
        if exc.status_code == 400:  # (a form field past Starlette's limit: the resume's text)
            from mljobs.web.match_routes import too_long_field
            detail = too_long_field(request.url.path, detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"Nothing here: {request.url.path}. " + (
                "The API's endpoints are listed at /api." if wants_json(request)
                else "Try the search page at /.")  # (a program has no use for the page)
        if exc.status_code == 405 and detail == "Method Not Allowed":
            # it said only "Method Not Allowed": name the request and what the path takes
            said = next((v for k, v in (exc.headers or {}).items() if k.lower() == "allow"), "")
            methods = _allowed_methods(request, said.split(", ") if said else [])
            allowed = ", ".join(methods)
            detail = (f"{request.method} {request.url.path} is not served"
                      + (f"; this path answers {_and_list(methods)}" if methods else "") + ".")
            response = error_response(request, 405, detail)
            if allowed:  # (RFC 9110: a 405 says what the path does answer)
                response.headers["Allow"] = allowed
            return response
        return error_response(request, exc.status_code, detail)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": _validation_message(e)}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "message": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        return error_response(request, 400, f"{where}: {first['message']}", errors)

    async def mljobs_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MljobsError)
        if isinstance(exc, _USER_ERRORS):  # the request's fault: the message says what to change
            return error_response(request, 400, str(exc))
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return error_response(request, 500, f"{type(exc).__name__}: {exc}")

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return error_response(
            request, 500, "Something went wrong on our side; the server log has the details."
        )

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(MljobsError, mljobs_error)
    app.add_exception_handler(Exception, unexpected)


YEAR = 365 * 24 * 3600
DAY = 24 * 3600
GZIP_LEVEL = 6  # pages shrink to about a fifth; level 9 costs more CPU for a few bytes more


def cached(name: str, version: str | None) -> str:
    """The ``Cache-Control`` of a static file asked for with ``?v=version``: kept a year
    when the version is the file's own (``render.static_url``; an upgrade changes the URL),
    else asked again each time (the ETag makes that a 304 when it has not changed)."""
    fresh = version is not None and version == static_version(name)
    return f"public, max-age={YEAR}, immutable" if fresh else "no-cache"


def weak(etag: str) -> str:
    """``etag`` as a weak validator (``W/"..."``): the ETag of a file sent gzipped or plain.
    The two are different bytes, so a strong ETag both share would let a download resumed
    with ``If-Range`` append plain bytes to gzipped ones; a weak one makes such a resume
    start over, and still gives the 304 of ``If-None-Match`` (RFC 9110 8.8.1, 13.1.2)."""
    return etag if etag.startswith("W/") else f"W/{etag}"


def unchanged(if_none_match: str, etag: str) -> bool:
    """Whether an ``If-None-Match`` list (or ``*``) names ``etag``, compared weakly."""
    if if_none_match.strip() == "*":
        return True
    return etag.removeprefix("W/") in [t.strip().removeprefix("W/")
                                       for t in if_none_match.split(",")]


class _Static(StaticFiles):
    """The static files, with ``cached``'s ``Cache-Control`` (StaticFiles sets none: a
    browser guessed, and on a slow link asked again for the stylesheet on every page) and a
    ``weak`` ETag (the file may travel gzipped: ``GZipMiddleware``)."""

    def file_response(self, full_path: str | os.PathLike[str], stat_result: os.stat_result,
                      scope: Scope, status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        version = Request(scope).query_params.get("v")
        response.headers["cache-control"] = cached(Path(full_path).name, version)
        # (after StaticFiles' own If-None-Match test, which compares weakly; FileResponse reads
        # it for If-Range when sent, and a weak one never matches there)
        response.headers["etag"] = weak(response.headers["etag"])
        if response.status_code == 304:  # (the Vary GZipMiddleware gives the 200, repeated)
            response.headers["vary"] = "Accept-Encoding"
        return response


def takes_gzip(accept_encoding: str) -> bool:
    """Whether an ``Accept-Encoding`` names gzip (or x-gzip) with a weight above 0 (RFC 9110
    12.5.3: ``gzip;q=0`` refuses it), or, naming neither, has ``*`` with a weight above 0
    (any coding it does not name: ``*`` and ``identity;q=0, *`` got the plain bytes).
    Starlette's ``GZipMiddleware`` looks for "gzip" anywhere in it, so ``gzip;q=0`` got
    gzip; a weight that is no number refuses it too (the plain bytes every client reads)."""
    named: list[float] = []
    star: list[float] = []
    for coding in accept_encoding.split(","):
        name, *params = coding.split(";")
        name = name.strip().lower()
        if name not in ("gzip", "x-gzip", "*"):
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        (star if name == "*" else named).append(weight)
    return any(weight > 0 for weight in (named or star))


# answers the gzip layer leaves as they are whatever their size (compressed already, or
# streams a client reads as they come)
_NOT_GZIPPED = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif",
                "application/zip", "application/gzip", "application/x-gzip",
                "text/event-stream")


def could_gzip(status: int, headers: Headers, body: bytes, more_body: bool,
               minimum_size: int) -> bool:
    """Whether an answer is one the gzip layer compresses for a client that takes gzip: a
    whole answer (not a 206 part, nor a 204 or 304 without a body) of a kind that compresses,
    already encoded or of ``minimum_size`` bytes or more (or streamed)."""
    kind = headers.get("content-type", "").partition(";")[0].strip().lower()
    if status in (204, 206, 304) or kind in _NOT_GZIPPED or kind.startswith(
            ("audio/", "video/", "font/")):
        return False
    return "content-encoding" in headers or more_body or len(body) >= minimum_size


def _bare(name: str) -> str:
    """A host name as compared: lower case, without brackets or its root dot."""
    return name.strip("[]").lower().removesuffix(".")


def machine_name() -> str:
    """This machine's host name as compared (``_bare``: ``vm``), "" when it has none or the
    system cannot say it."""
    try:
        return _bare(socket.gethostname())
    except OSError:
        return ""


def loopback_name(host: str) -> bool:
    """Whether ``host`` (a ``Host`` header's name, without its port) names this machine:
    ``localhost`` (or ``localhost.``, with the root's dot) or a loopback address (127.0.0.1,
    ::1)."""
    # (browsers take the full name, with the root's dot, for localhost: it was refused)
    name = _bare(host)
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _another_site(headers: Headers, host: str) -> bool:
    """Whether a page of another site sent the request: as the browser says it
    (``Sec-Fetch-Site``, sent to localhost and https), else as its ``Origin`` says it (a
    browser of another machine, over plain http): another host than ``Host``, or "null", a
    page that hides its origin (our own pages send theirs: ``Referrer-Policy: same-origin``).
    No ``Origin`` at all is no page's (curl, a script) or an old browser's."""
    fetched = headers.get("sec-fetch-site")
    if fetched is not None:
        return fetched not in ("same-origin", "none")  # (none: typed or bookmarked)
    origin = headers.get("origin")
    return origin is not None and _netloc(origin).lower() != host.lower()


def _netloc(origin: str) -> str:
    """The ``host:port`` of an ``Origin``; "" when it is no URL (an IPv6 address left open,
    ``http://[::1``: urlsplit raised, and the request was a 500)."""
    try:
        return urlsplit(origin).netloc
    except ValueError:
        return ""


# a Host header (RFC 9110): a name or a bracketed IPv6 address, then its port or none
_HOST = re.compile(r"(\[[0-9A-Fa-f:.]*\]|[^:\[\]@/\\\s]*)(?::(\d*))?")


def _host_name(host: str) -> str:
    """The name of a ``Host`` header, without its port; "" when it is none a browser sends
    (read as a URL's, ``evil.example@localhost`` was localhost, ``[::1]]`` ::1, and ``[::1``
    raised: a 500)."""
    found = _HOST.fullmatch(host)
    return found.group(1) if found else ""


class OwnPages:
    """ASGI middleware: only this server's pages may post to it, and a server that answers
    this machine only (``local``: bound to a loopback address, ``serve``'s default) answers
    only requests that name it so.

    There is no CORS: an answer carries no ``Access-Control-Allow-Origin``, so a page of
    another site cannot read it, and a preflight (``OPTIONS``) is a 405, so a browser sends
    no other cross-site request than a plain form's. That form (``POST /match`` with "save"
    ticked wrote its file into the resumes folder) is refused: the browser says it came from
    another site (``_another_site``). And a site whose name its DNS turned to 127.0.0.1 (DNS rebinding)
    is the page's own origin to the browser, which lets it read the answers: its requests
    name that site in ``Host``, and are refused when ``local``."""

    def __init__(self, app: ASGIApp, local: bool = False, served_as: str = "") -> None:
        self.app = app
        self.local = local
        self.served_as = _bare(served_as)  # (``serve --host NAME``: the URL it prints names it)
        # the machine's own name ("vm", which /etc/hosts may give 127.0.0.1) names it too: no
        # other site is so named (it was refused as "a page of another site", where a user
        # had typed http://vm:8000/)
        self.own = machine_name()

    def this_machine(self, host: str) -> bool:
        """Whether ``host`` (a ``Host`` header) names this machine (``loopback_name``), or
        by its own host name, its first label too (``vm`` of ``vm.example.org``), or by the
        name ``serve --host`` was given."""
        name = _host_name(host)  # ("" for none a browser sends: "[::1", "[zz]")
        return loopback_name(name) or _bare(name) in {
            self.own, self.own.split(".")[0], self.served_as} - {""}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = Headers(scope=scope)
            host = headers.get("host", "")
            origin = headers.get("origin") or "another origin"
            why = None
            answered_at = ""
            # (a request naming no host is no browser's: a browser names the site it loads;
            # HTTP/1.0's from a script was refused, "a request for ''")
            if self.local and "host" in headers and not self.this_machine(host):
                found = _HOST.fullmatch(host)
                port = found.group(2) if found and found.group(2) else scope["server"][1]
                names = "".join(f", {n}" for n in dict.fromkeys((self.own, self.served_as))
                                if n and not loopback_name(n))
                why = (f"this server answers this machine only, by the name localhost (or "
                       f"NAME.localhost){names} or a loopback address such as 127.0.0.1; a "
                       f"request for {host!r} is refused, as a page of another site whose name "
                       f"its DNS turned to this machine would be. Open http://localhost:{port}/ "
                       f"(or, for a name of your own, jobs.localhost:{port}), or start `mljobs "
                       "serve --host 0.0.0.0` to answer every name, and other machines too")
                # the page's links name the refused host too, and were refused again: it
                # links the page asked for (a GET's query kept) by the name that is answered
                # (the path as asked for, its encoded characters kept: the decoded one made
                # /posting/a%2Fb, a posting whose id holds "/", the other page /posting/a/b;
                # a request target of another form, "http://evil.example/x", is no path and
                # is linked as the home page, never as a host)
                raw = scope.get("raw_path") or scope["path"].encode()
                path = quote(raw, safe="/%:@!$&'()*+,;=") if raw.startswith(b"/") else "/"
                query = scope.get("query_string", b"").decode("latin-1")
                answered_at = (f"http://localhost:{port}{path}"
                               + (f"?{query}" if query and scope["method"] in ("GET", "HEAD")
                                  else ""))
            elif scope["method"] == "POST" and _another_site(headers, host):
                why = (f"a page of another site ({origin}) cannot send a form or request to "
                       "this server; use its own pages")
            if why is not None:
                response = error_response(Request(scope), 403, why, answered_at=answered_at)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class VaryOnEncoding:
    """``Vary: Accept-Encoding`` on every answer the gzip layer could compress (``could_gzip``),
    sent gzipped or plain, said once: a cache between the server and its clients must not
    hand one client's bytes to another that asked otherwise. Starlette 1.x's
    ``GZipMiddleware`` says it on a plain answer too; the Starlette that fastapi 0.115 comes
    with sent a plain answer as the route made it, without ``Vary``. Only the ASGI messages
    are read, so it holds whatever the Starlette."""

    def __init__(self, app: ASGIApp, minimum_size: int) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: list[Message] = []  # (the start, sent with the first body once its size is known)

        async def send_saying_vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                held.append({**message, "headers": list(message.get("headers", []))})
                return
            if held:
                start = held.pop()
                headers = MutableHeaders(raw=start["headers"])
                # (each Vary line's fields: the first line alone was read, so "Vary: Cookie"
                # and "Vary: Accept-Encoding" said it twice; "*" already varies on all,
                # and "*, Accept-Encoding" is no Vary at all, RFC 9110 12.5.5)
                said = {field.strip().lower() for line in headers.getlist("vary")
                        for field in line.split(",")}
                if message["type"] == "http.response.body" and could_gzip(
                        start["status"], headers, message.get("body", b""),
                        message.get("more_body", False), self.minimum_size) and not (
                        said & {"accept-encoding", "*"}):
                    headers.add_vary_header("Accept-Encoding")
                await send(start)
            await send(message)

        await self.app(scope, receive, send_saying_vary)


class _GZip:
    """Starlette's ``GZipMiddleware``, gzipping for a request that ``takes_gzip`` (its own
    test, "gzip" anywhere in the header, gzipped for ``gzip;q=0`` and not for ``GZIP``). The
    request's ``Accept-Encoding`` is read once and handed on as ``gzip`` or ``identity``, so
    the stock middleware (its public arguments only: its responders' differ between
    Starlette versions) and the routes behind it read the same answer; ``VaryOnEncoding``
    says ``Vary`` on what it could compress, whatever the Starlette."""

    def __init__(self, app: ASGIApp, minimum_size: int, compresslevel: int) -> None:
        self.app = VaryOnEncoding(GZipMiddleware(app, minimum_size=minimum_size,
                                                 compresslevel=compresslevel), minimum_size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            # (two Accept-Encoding lines are one list, RFC 9110 5.3: the first alone was read)
            asked = ", ".join(Headers(scope=scope).getlist("accept-encoding"))
            coding = b"gzip" if takes_gzip(asked) else b"identity"
            scope = {**scope, "headers": [
                *((k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"),
                (b"accept-encoding", coding)]}
        await self.app(scope, receive, send)


_PLOTLY_GZIP_LOCK = threading.Lock()


def _plotly_gzip() -> bytes:
    """plotly.js gzipped once (4.8 MB to about 1.4 MB, 0.15 s), not on every request; two
    first requests at once wait for one gzip, not make two."""
    with _PLOTLY_GZIP_LOCK:
        return _plotly_gzipped(static_version("plotly.min.js"))


@lru_cache(maxsize=1)
def _plotly_gzipped(version: str | None) -> bytes:
    """Kept per plotly version, as ``plotly_js_bytes`` is: an upgrade while the server ran
    sent the old gzipped bundle under the new version's URL until a restart."""
    from mljobs.web.routes import plotly_js_bytes

    return gzip.compress(plotly_js_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


@lru_cache(maxsize=1)
def _favicon(version: str | None) -> bytes:
    return (HERE / "static" / "favicon.svg").read_bytes()


def _mount_static(app: FastAPI) -> None:
    app.mount("/static", _Static(directory=str(HERE / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon(request: Request) -> Response:
        """The site icon (browsers ask for this path on their own): kept a day (its URL has
        no version, so not a year) with an ETag, a 304 after that while it is unchanged;
        read once per version. It had no ``Cache-Control`` and was read on every request."""
        version = static_version("favicon.svg")
        headers = {"cache-control": f"public, max-age={DAY}",
                   "etag": weak(f'"favicon-{version}"')}
        if unchanged(request.headers.get("if-none-match", ""), headers["etag"]):
            return Response(status_code=304, headers=headers)
        return Response(_favicon(version), media_type="image/svg+xml", headers=headers)

    @app.get(PLOTLY_URL, include_in_schema=False)
    def plotly_js(request: Request) -> Response:
        """plotly.js as shipped inside the installed ``plotly`` package: gzipped when the
        browser takes it, kept a year under its versioned URL, a 304 when it has it. A plain
        ``def``, run in a worker thread: its first gzip (0.15 s) ran on the event loop, and
        every other request waited for it."""
        from mljobs.web.routes import plotly_js_bytes

        etag = weak(f'"plotly-{static_version("plotly.min.js")}"')  # (gzipped or not)
        headers = {"cache-control": cached("plotly.min.js", request.query_params.get("v")),
                   "etag": etag}
        vary = {"vary": "Accept-Encoding"}  # (VaryOnEncoding says it on the plain 200: set
        # here too, it said "Accept-Encoding, Accept-Encoding")
        if unchanged(request.headers.get("if-none-match", ""), etag):
            return Response(status_code=304, headers={**headers, **vary})
        if takes_gzip(request.headers.get("accept-encoding", "")):
            return Response(_plotly_gzip(), media_type="text/javascript",
                            headers={**headers, **vary, "content-encoding": "gzip"})
        return Response(plotly_js_bytes(), media_type="text/javascript", headers=headers)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema less its stock 422 answers: a bad parameter is a 400 ``ErrorBody``
    here (``validation_error``), so no client should expect a 422 or its body."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                             routes=app.routes)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                operation.get("responses", {}).pop("422", None)
        components = schema.get("components", {}).get("schemas", {})
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(
    db: str | Path | None = None,
    *,
    store: SQLiteStore | None = None,
    now: Callable[[], datetime] | None = None,
    local: bool = False,
    served_as: str = "",
) -> FastAPI:
    """Build the web app over a store file (``db``) or an open ``store``.

    Args:
        db: the store file to open (ignored when ``store`` is given).
        store: an already open store (the app takes it over and closes it on shutdown).
        now: the clock, for "posted within" filters (default: UTC now).
        local: it answers this machine only (``serve`` on a loopback address): a request
            naming another host is refused (``OwnPages``).
        served_as: the name ``serve --host`` was given (``vm``, ``127.1``), answered when
            ``local`` too, as the URL ``serve`` prints names it.
    """
    from mljobs.store import open_store
    from mljobs.web import api, match_routes, routes

    state = WebState(store or open_store(db), now or (lambda: datetime.now(UTC)))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="mljobs",
        summary="Search and understand machine-learning job postings, offline.",
        version="1",
        docs_url=None,  # the stock docs pages load their JavaScript from a CDN
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.web = state
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(match_routes.UploadLimit)  # before the form is parsed and spooled
    # pages, CSS, JSON and CSV gzipped for browsers that take it (a search page of 46 KB is
    # sent as 8 KB); inside SecurityHeaders, so a HEAD answers the headers a GET would
    app.add_middleware(_GZip, minimum_size=1000, compresslevel=GZIP_LEVEL)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(OwnPages, local=local, served_as=served_as)  # (outermost: a refused request reads nothing)
    _install_error_handlers(app)
    _mount_static(app)
    app.state.routers = (api.router, routes.router, match_routes.router)  # (for a 405's Allow)
    for router in app.state.routers:
        app.include_router(router)
    return app
