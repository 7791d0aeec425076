"""The /match page: pick a resume, see the profile, ranked matches and gaps.

The resume is read in memory from the upload and dropped with the response:
nothing is sent anywhere, and it is written to disk only when the person
ticks "save" (then to ``resumes/`` beside the store file). Inline styles are
not needed: the page uses the shared stylesheet and a ``<style>`` block
allowed by the app's Content-Security-Policy.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mljobs.enrich import ARCHETYPES
from mljobs.errors import ConfigError, InputError
from mljobs.match import (
    Filters,
    Gap,
    Match,
    YearsGap,
    gap_min_postings,
    gaps_json,
    implied_skills,
    index_for_store,
    profile_json,
    rank,
    reading_notes,
    shows_years,
    skill_gaps,
    target_archetype,
    target_remote,
    years_gaps,
)
from mljobs.pipeline import fill_commands
from mljobs.posting_view import archetype_name, fact_words, posting_pay
from mljobs.profile import Profile, build_profile
from mljobs.resume import DEFAULT_LIMITS, ResumeText, read_resume_bytes
from mljobs.web.api import SERVER_ERROR, ErrorBody, MatchAnswer
from mljobs.web.params import refuse_unknown_params
from mljobs.web.render import page_templates, posting_url, salary_text

router = APIRouter()
UPLOAD_PATHS = frozenset({"/match", "/api/match"})
# the resume file, the form's other fields and the multipart framing
MAX_UPLOAD = DEFAULT_LIMITS.max_bytes + 1024 * 1024


class UploadLimit:
    """ASGI middleware: a resume upload's body is refused once it runs past ``MAX_UPLOAD``
    (at once when its Content-Length says so), as it arrives. The form is parsed before a
    route runs, and Starlette spooled a body of any size to a temporary file before
    ``_read_upload`` could refuse it. The refusal is a 413 in the one error shape (JSON
    under /api, the error page elsewhere): raised from ``receive``, it reaches the app's
    error handlers as any ``HTTPException`` raised while the body is read."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" \
                or scope["path"] not in UPLOAD_PATHS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        seen = int(declared) if declared.isdigit() else 0

        async def limited() -> Message:
            nonlocal seen
            if seen <= MAX_UPLOAD:
                message = await receive()
                if not declared.isdigit():  # (a chunked body says no length: counted as it comes)
                    seen += len(message.get("body", b""))
                if seen <= MAX_UPLOAD:
                    return message
            raise StarletteHTTPException(413, detail=_over_the_limit("The upload is"))

        await self.app(scope, limited, send)

def too_long_field(path: str, detail: str) -> str:
    """What is said of a form field past Starlette's limit on ``path`` (``detail``, its
    "Part exceeded maximum size of 1024KB."): the resume's text, named with its limit and
    what to do. The page reads its form with the resume's own limit; the API's form is
    read before the route runs, with Starlette's 1 MB for a field."""
    if path not in UPLOAD_PATHS or "exceeded maximum size" not in detail:
        return detail
    if path == "/match":
        return _over_the_limit("The pasted text is")
    return ("resume_text: the text is over 1 MB, the most a form field holds; send the "
            f"resume as a file (curl -F resume=@cv.txt), up to "
            f"{DEFAULT_LIMITS.max_bytes // 2**20} MB.")


def _over_the_limit(what: str) -> str:
    """What is said of an upload past the resume size limit, after ``what`` ("The upload is")."""
    return (f"{what} over the {DEFAULT_LIMITS.max_bytes // 10**6} MB limit for a resume. "
            "Give the resume itself.")


PAGE_LIMIT = 20  # the page's "show N matches" box, until the person changes it
PASTED = "pasted-resume.txt"  # the name of a resume pasted in the page's box (read as TXT)
_templates = page_templates()
_templates.env.globals["archetype_name"] = archetype_name  # the names the search page shows
_templates.env.globals["shows_years"] = shows_years  # "at least 1, from roles naming it"
_templates.env.globals["posting_url"] = posting_url  # a posting's one URL, as search links it
_templates.env.globals["fact_words"] = fact_words  # "master's", not the stored "masters"
PARTS = ("required", "nice", "archetype", "level", "degree", "text", "specialisation")


def _state(request: Request) -> Any:
    return request.app.state.web


def _page(request: Request, status: int | None = None, **context: Any) -> Response:
    """The match page; with ``error`` (said beside ``error_field``, the file field unless
    named) the form comes back with the person's choices (``chosen``) and a 400 unless
    ``status`` says otherwise."""
    base: dict[str, Any] = {"result": None, "error": None, "error_field": "resume",
                            "archetypes": ARCHETYPES, "parts": PARTS, "saved": None,
                            "chosen": {"archetype": "", "remote": "", "save": False,
                                       "limit": PAGE_LIMIT, "text": ""}}
    base["import_command"] = fill_commands(_state(request).store.path)[0]  # (of the store served)
    base.update(context)
    code = status if status is not None else 400 if base["error"] else 200
    return _templates.TemplateResponse(request, "match.html", base, status_code=code)


PREFILL = frozenset({"archetype", "remote", "limit"})
# a match's answer is kept for its URL (``/match?result=TOKEN``): Back after a match, or a
# posting opened from it, showed the browser's "confirm form resubmission" (the answer was
# the POST's), and sending it again read the resume again. Kept in the server's memory only,
# the last KEPT_MATCHES for KEEP_MATCH each: never on disk, gone when the server stops
KEPT_MATCHES = 20
KEEP_MATCH = timedelta(hours=1)
GONE = ("This match is no longer kept: the server keeps a match's answer for an hour, in "
        "memory only (never on disk), and forgets it when it stops. Match the resume again.")


def keep_match(state: Any, page: dict[str, Any]) -> str:
    """Keep a match's ``page`` (``_page``'s context) for its URL; return the URL's token."""
    now = state.now()
    kept = state.matches
    for token in [t for t, (at, _page) in kept.items() if now - at > KEEP_MATCH]:
        del kept[token]
    token = secrets.token_urlsafe(16)  # (no one guesses another's)
    kept[token] = (now, page)
    while len(kept) > KEPT_MATCHES:
        kept.popitem(last=False)
    return token


def kept_match(state: Any, token: str) -> dict[str, Any] | None:
    """The page kept for ``token``, or None (never kept, or no longer)."""
    found = state.matches.get(token)
    if found is None or state.now() - found[0] > KEEP_MATCH:
        return None
    return dict(found[1])


@router.get("/match", response_class=HTMLResponse, include_in_schema=False)
async def match_form(request: Request) -> Response:
    """The form: choose a resume file. ``?archetype=``, ``?remote=`` and ``?limit=`` choose
    the menus and the number box, as the form would send them, so a match setting can be
    bookmarked or linked (they were dropped: the menus came back empty); a value the form
    would refuse is said beside its field, the others kept."""
    # (archetype and remote are one choice each here, not the search's repeatable filters:
    # two were filled in as one of them, silently)
    refuse_unknown_params(request.query_params, PREFILL | {"result"}, repeatable=frozenset())
    given = request.query_params
    chosen: dict[str, Any] = {"archetype": "", "remote": "", "save": False,
                              "limit": PAGE_LIMIT, "text": ""}
    error: tuple[str, str] | None = None
    try:
        chosen["archetype"] = target_archetype(given.get("archetype", "").strip()) or ""
    except ConfigError as exc:
        error = (str(exc), "archetype")
    try:
        chosen["remote"] = target_remote(given.get("remote", "").strip()) or ""
    except ConfigError as exc:
        error = error or (str(exc), "remote")
    try:
        chosen["limit"] = _limit(given.get("limit", ""))
    except InputError as exc:
        error = error or (str(exc), "limit")
    if "result" in given:  # a match's answer (``keep_match``); its settings ride in its URL,
        # for the form when the answer is no longer kept (it came back with them reset)
        page = kept_match(_state(request), given["result"])
        answer = _page(request, **page) if page is not None else \
            _page(request, error=GONE, gone=True, status=404, chosen=chosen)
        answer.headers["Cache-Control"] = "no-store"  # (the resume's profile: not on disk)
        return answer
    if error is None:
        return _page(request, chosen=chosen)
    return _page(request, error=error[0], error_field=error[1], chosen=chosen)


def _limit(raw: str) -> int:
    """The "show N matches" box (the form's field, or ``?limit=`` on the page's URL): 1 to
    100, past 100 it is 100, empty the default.

    Raises:
        InputError: not a number.
    """
    raw = raw.strip() or str(PAGE_LIMIT)  # (an emptied number box: the default)
    if not (raw.isascii() and raw.isdigit()):  # ('³' and '٣' are digits to str)
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        raise InputError(f"limit: {shown!r} is not a number of results; give 1 to 100.")
    # (past 100 it is 100: a number of thousands of digits is not read, int() refuses it)
    digits = raw.lstrip("0") or "0"
    return 100 if len(digits) > 3 else max(1, min(int(digits), 100))


async def _read_upload(upload: StarletteUpload) -> bytes:
    data = await upload.read(DEFAULT_LIMITS.max_bytes + 1)
    if len(data) > DEFAULT_LIMITS.max_bytes:
        raise InputError(_over_the_limit(f"{upload.filename}:"))
    return data


def _save(store_path: str, name: str, data: bytes) -> str:
    """Keep the resume in ``resumes/`` beside the store (the page refuses "save" on an
    in-memory store before it reads anything), under a cleaned name; never over another
    file: a file of that name with other bytes (a resume saved before, or the person's
    own) gets ``-2``, ``-3``... before the suffix, and the same bytes are not kept twice.

    Raises:
        OSError: the folder cannot be made or written.
    """
    folder = Path(store_path).parent / "resumes"
    folder.mkdir(parents=True, exist_ok=True)
    safe = Path(re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).lstrip(".") or "resume.txt")
    for n in range(1, 1000):
        target = folder / (safe.name if n == 1 else f"{safe.stem}-{n}{safe.suffix}")
        try:
            with target.open("xb") as out:  # ("x": made by this call, or not written)
                out.write(data)
        except FileExistsError:
            if target.is_file() and target.stat().st_size == len(data) \
                    and target.read_bytes() == data:
                return str(target)
            continue
        return str(target)
    raise FileExistsError(f"{folder} holds {safe.stem}-2 to -999{safe.suffix}")


_TRUE = frozenset({"true", "on", "1", "yes"})


@dataclass(frozen=True)
class _Matched:
    """What the page and ``/api/match`` answer for a resume read."""

    profile: Profile
    matches: list[Match]
    gaps: tuple[str, int, list[Gap]] | None  # ``skill_gaps``' answer; None: ``gap_note`` says why
    years: list[YearsGap]  # ``years_gaps``' answer for the same archetype
    nice_years: list[YearsGap]  # the same of the postings' nice-to-have skills
    gap_note: str
    notes: list[str]  # ``reading_notes``
    indexed: int  # the postings ranked


def _match(state: Any, read: ResumeText, *, target: str | None, where: str | None,
           limit: int) -> _Matched:
    """A read resume's profile, its ``limit`` best matches among the store's postings (of
    the archetype ``target`` and the ``where`` remote value when given) and its skill gaps
    (none when no archetype is given and the resume has no kind of ML role: ``gap_note``)."""
    profile = build_profile(read.text, now=state.now())
    index = index_for_store(state.store)
    matches = rank(profile, index, limit=limit, filters=Filters(archetype=target, remote=where))
    try:
        gaps: tuple[str, int, list[Gap]] | None = skill_gaps(profile, index, target)
        gap_note = ""
    except ConfigError as exc:  # no archetype chosen and the resume has no kind of ML role
        gaps, gap_note = None, str(exc)
    years = years_gaps(profile, index, gaps[0]) if gaps is not None else []
    nice_years = years_gaps(profile, index, gaps[0], nice=True) if gaps is not None else []
    return _Matched(profile, matches, gaps, years, nice_years, gap_note,
                    reading_notes(profile, read.truncated), len(index))


def _text(form: Any, key: str, default: str = "") -> str:
    value = form.get(key, default)
    return value if isinstance(value, str) else default


@router.post("/match", response_class=HTMLResponse, include_in_schema=False)
async def match_upload(request: Request) -> Response:
    """Read the uploaded resume and show profile, matches and gaps.

    The route reads its own form, so that every error a person can meet here (a body past
    the upload limit, a malformed form, no file, an unreadable file, an unknown archetype
    or remote value, a bad limit, "save" on an in-memory store) comes back as this page,
    the message beside the field it is about and the choices kept, with the status of the
    one error shape (413 past the limit, else 400), not as the generic error page."""
    state = _state(request)
    try:
        # (pasted text is a form field, which Starlette caps at 1 MB: the resume's own limit
        # speaks instead, as of a file)
        form = await request.form(max_part_size=DEFAULT_LIMITS.max_bytes + 1)
    except StarletteHTTPException as exc:  # UploadLimit's 413, or a malformed multipart body
        detail = exc.detail if isinstance(exc.detail, str) else "The form could not be read."
        return _page(request, error=too_long_field("/match", detail), status=exc.status_code)
    try:
        return await _match_form(request, state, form)
    finally:
        await form.close()


async def _match_form(request: Request, state: Any, form: Any) -> Response:
    chosen: dict[str, Any] = {
        "archetype": _text(form, "archetype").strip(), "remote": _text(form, "remote").strip(),
        "save": _text(form, "save").strip().lower() in _TRUE, "limit": PAGE_LIMIT,
        # the resume's text pasted in the box (kept in it when the page comes back)
        "text": _text(form, "resume_text")}

    def refuse(message: str, field: str = "resume") -> Response:
        return _page(request, error=message, error_field=field, chosen=chosen)

    resume = form.get("resume")
    # (a browser sends the file field with no name and no bytes when no file is chosen)
    if not isinstance(resume, StarletteUpload) or not (resume.filename or resume.size):
        resume = None
    pasted = chosen["text"].strip()
    if resume is None and not pasted:  # (a client without a file or text, or one sending the
        # text as `resume`) said "body.resume: Field required" / "Expected UploadFile"
        return refuse("Choose a resume file (PDF, DOCX, TXT or Markdown), or paste its text in "
                      "the box, to match.")
    if resume is not None and pasted:
        return refuse(f"Both a file ({resume.filename}) and pasted text were given: match one "
                      "of them (empty the box, or choose no file).")
    name = (resume.filename or "resume.txt") if resume is not None else PASTED
    try:
        target = target_archetype(chosen["archetype"])  # as the CLI's --archetype: any case
    except ConfigError as exc:
        return refuse(str(exc), "archetype")
    try:
        where = target_remote(chosen["remote"])
    except ConfigError as exc:
        return refuse(str(exc), "remote")
    chosen.update(archetype=target or "", remote=where or "")
    try:
        chosen["limit"] = limit = _limit(_text(form, "limit"))
    except InputError as exc:
        return refuse(str(exc), "limit")
    if chosen["save"] and state.store.path == ":memory:":  # said before the work, not after it
        chosen["save"] = False
        return refuse("This server runs on an in-memory store: there is no folder to save the "
                      "resume to. Untick \"save\" to match without keeping it.", "save")
    try:
        data = await _read_upload(resume) if resume is not None else pasted.encode("utf-8")
        read = read_resume_bytes(data, name)
    except InputError as exc:
        return refuse(str(exc))
    found = _match(state, read, target=target, where=where, limit=limit)
    gap_target, gap_total, gaps = found.gaps or ("", 0, [])
    saved = unsaved = None
    if chosen["save"]:
        try:
            saved = _save(state.store.path, name, data)
        except OSError as exc:  # (a 500 page: the matches made were lost, and the reason)
            unsaved = (f"Not saved: the server cannot write its resumes folder beside the "
                       f"store ({exc.strerror or exc}); the matches below are made all the "
                       "same. Untick \"save\", or ask whoever runs the server.")
    # (the box keeps what was read: a paste up to max_bytes was kept whole, the last
    # KEPT_MATCHES of them up to 200 MB of memory, and sent whole at each Back)
    chosen["text"] = chosen["text"][:DEFAULT_LIMITS.max_chars]
    token = keep_match(state, {"error": unsaved, "error_field": "save", "status": 200, "result": {
        "name": name, "profile": found.profile, "matches": found.matches,
        "implied": implied_skills(found.profile.skills),
        "gap_target": gap_target, "gap_total": gap_total,
        "gap_min": gap_min_postings(gap_total), "gaps": gaps, "years_gaps": found.years,
        "nice_years_gaps": found.nice_years,
        "gap_note": found.gap_note,
        "archetype": target or "", "notes": found.notes, "pays": _pays(found.matches),
        "indexed": found.indexed, "remote": where or "",
    }, "saved": saved, "chosen": chosen})
    # (POST-redirect-GET: Back to the answer is a GET of its URL, not the form sent again)
    # (the settings other than the defaults ride along: the form keeps them if the answer
    # is gone at a Reload)
    settings = {k: v for k, v in (("archetype", target or ""), ("remote", where or ""),
                                  ("limit", "" if limit == PAGE_LIMIT else str(limit))) if v}
    return RedirectResponse(f"/match?{urlencode({'result': token, **settings})}#result",
                            status_code=303)


API_FIELDS = frozenset({"resume", "resume_text", "archetype", "remote", "limit"})


@router.post("/api/match", tags=["api"], response_model=None, responses={
    200: {"model": MatchAnswer},
    400: {"model": ErrorBody, "description": "A resume that cannot be read, or a field "
                                             "that cannot be used"},
    413: {"model": ErrorBody, "description": "An upload past the resume size limit"},
    **SERVER_ERROR})
async def api_match(
    request: Request,
    resume: Annotated[UploadFile | str | None, File(description="A PDF, DOCX, TXT or "
                                                                "Markdown resume")] = None,
    resume_text: Annotated[str, Form(description="The resume's text, read as TXT "
                                                 "(instead of a file)")] = "",
    archetype: Annotated[str, Form(description="Only this archetype (any case)")] = "",
    remote: Annotated[str, Form(description="remote, hybrid or onsite")] = "",
    limit: Annotated[int, Form(ge=1, le=100, description="How many results")] = 10,
) -> dict[str, Any]:
    """Match a resume (a multipart upload, or its text in ``resume_text``, as the page's
    box; never stored): the keys of ``mljobs profile --json`` under ``profile``, of ``mljobs
    match --json`` (``results``, ``notes``) and of ``mljobs gaps --json`` under ``gaps``
    (null when the resume reads as no ML/data or software role and no archetype is given),
    plus ``ok``."""
    refuse_unknown_params(request.query_params, frozenset(), what="endpoint")
    # a mistyped field (archtype=...) dropped would answer as if unfiltered, and a field
    # given twice (two archetypes, two files) was answered with one of them, silently
    refuse_unknown_params(await request.form(), API_FIELDS, what="endpoint",
                          repeatable=frozenset())
    # (a client sends the file field with no name and no bytes for no file, as a browser)
    upload = resume if isinstance(resume, StarletteUpload) and (
        resume.filename or resume.size) else None
    pasted = resume_text.strip()
    if upload is not None and pasted:
        raise InputError(f"Both a file ({upload.filename}) and resume_text were given: send "
                         "one of them.")
    if upload is None and not pasted:  # none, or text as `resume` ("-F resume=<cv.txt"),
        # which said "Value error, Expected UploadFile, received: <class 'str'>"
        raise InputError("resume: upload a resume file (PDF, DOCX, TXT or Markdown) as the "
                         "multipart file field 'resume' (curl -F resume=@cv.pdf), or send its "
                         "text as the field 'resume_text' (curl -F resume_text=<cv.txt).")
    target = target_archetype(archetype)
    where = target_remote(remote)
    if upload is not None:
        read = read_resume_bytes(await _read_upload(upload), upload.filename or "resume.txt")
    else:
        read = read_resume_bytes(pasted.encode("utf-8"), PASTED)
    found = _match(_state(request), read, target=target, where=where, limit=limit)
    # no gaps (null): said by the notes, the resume reads as no ML/data or software role
    return {"ok": True, "profile": profile_json(found.profile),
            "results": [m.to_json() for m in found.matches],
            "implied_skills": implied_skills(found.profile.skills),
            "gaps": gaps_json(*found.gaps, found.years, found.nice_years) if found.gaps is not None else None,
            "notes": found.notes}


def _pays(matches: list[Match]) -> dict[str, str]:
    """Each match's pay when it has one, by the rule of the search page and ``mljobs match``
    (``posting_view.posting_pay``: stated pay before an estimate, which is marked)."""
    out = {}
    for m in matches:
        pay = posting_pay(m.posting)
        if pay is not None:
            out[m.id] = salary_text(pay.salary)
    return out
