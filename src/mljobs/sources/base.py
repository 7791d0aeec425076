"""The contract every job source follows, and what the sources share.

A source is a dataclass whose fields are its settings (``__init__`` does no
I/O and no validation beyond types). It splits its work into *units* (a
board, a month of HN, a feed URL, a mailbox file): a unit is what runs
concurrently, and, for sources whose listings are complete (``closes``), the
scope within which postings that disappeared are closed.

- ``units(window)``: the units to sync, from the settings alone (pure).
- ``fetch_unit(http, unit)``: I/O only; yields ``Document``s as received.
- ``fetch(http)``: every unit's documents, one after the other.
- ``parse(doc)``: pure; yields ``RawPosting``s or raises ``ParseError``.
- ``scope(unit)``: the posting-id prefix a complete unit covers (closing).
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import logging
import math
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any, ClassVar, NamedTuple, Protocol, cast, runtime_checkable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pydantic import ValidationError

from mljobs.errors import ConfigError, FetchError, ParseError
from mljobs.http import HttpClient, Response
from mljobs.models import Document, RawPosting

if typing.TYPE_CHECKING:
    from mljobs.store import SQLiteStore


@dataclass(frozen=True)
class Window:
    """The time window of a sync run.

    Args:
        today: the run's date (from the clock passed in).
        since: only postings from this date on (``--since``), or None.
    """

    today: date
    since: date | None = None


# the warnings of the unit being fetched in this thread (``collect_warnings``), or None
_WARNINGS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "mljobs_source_warnings", default=None)
# the jobs ``BaseSource.postings`` left out of the document being parsed in this thread
# (``collect_left_out``), or None
_LEFT_OUT: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "mljobs_source_left_out", default=None)


def warn(logger: logging.Logger, message: str) -> None:
    """A source's warning about a unit it reads on (not an error: nothing failed, and the
    run goes on). Within ``collect_warnings`` (sync fetches each unit, and parses each of
    its documents, within it: a mail cut at its size cap, a JobSpy row left out) it goes
    to the collected list, which sync puts in its report (``SourceReport.warnings``:
    ``mljobs sync`` prints it, ``--json`` carries it); elsewhere it is logged on
    ``logger``."""
    collected = _WARNINGS.get()
    if collected is None:
        logger.warning("%s", message)
    else:
        collected.append(message)


def collect_warnings() -> AbstractContextManager[list[str]]:
    """Collect the ``warn`` messages of the code run in the block, in this thread (each sync
    worker fetches one unit at a time), in the order they were said."""
    return _collecting(_WARNINGS)


def collect_left_out() -> AbstractContextManager[list[str]]:
    """Collect what ``BaseSource.left_out`` says of the jobs left out in the block, in this
    thread: sync parses each document within it, and a document that left a job out was
    read only in part (it closes nothing: a stored job whose field turned odd today is not
    closed, to be reopened on the day it is well again)."""
    return _collecting(_LEFT_OUT)


@contextmanager
def _collecting(var: contextvars.ContextVar[list[str] | None]) -> Iterator[list[str]]:
    collected: list[str] = []
    token = var.set(collected)
    try:
        yield collected
    finally:
        var.reset(token)


@runtime_checkable
class Source(Protocol):
    """What the sync engine needs from a source."""

    name: ClassVar[str]
    general: ClassVar[bool]
    closes: ClassVar[bool]

    def units(self, window: Window) -> list[str]:
        """The units to sync (pure)."""
        ...

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """Fetch one unit's documents (I/O only)."""
        ...

    def fetch(self, http: HttpClient) -> Iterator[Document]:
        """Fetch every unit's documents."""
        ...

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """Postings in one document (pure)."""
        ...

    def scope(self, unit: str) -> str | None:
        """Posting-id prefix a fully fetched unit covers (None: never close)."""
        ...


class EmptyListing(ParseError):
    """A complete listing that plainly read and lists no job. Sync takes it as an empty
    listing (closing what the unit listed before) when the unit has given postings before;
    a unit that never gave one fails with the message (the listing may be one the source
    cannot read, as a careers page built by JavaScript)."""


class BaseSource:
    """Shared behaviour; concrete sources are dataclasses that subclass it.

    ``general`` sources (HN, Reddit, feeds, mail) carry postings of every
    kind and go through the ML filter. ``closes`` sources list a whole board,
    so a posting missing from a complete listing has closed.
    """

    name: ClassVar[str] = ""
    general: ClassVar[bool] = False
    closes: ClassVar[bool] = False
    # settings besides the units that say what a unit fetches (JobSpy's search of a site):
    # entries that differ in one fetch other postings (``sources add`` notes only the same)
    query_fields: ClassVar[tuple[str, ...]] = ()

    def units(self, window: Window) -> list[str]:
        """The units to sync (pure); sources override this."""
        raise NotImplementedError

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """Fetch one unit's documents (I/O only); sources override this."""
        raise NotImplementedError

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """Postings in one document (pure); sources override this."""
        raise NotImplementedError

    @staticmethod
    def seeker(raw: RawPosting) -> bool:
        """True for a parsed item that is a job seeker's comment, not a posting: sync leaves it
        out and counts it (Hacker News and Reddit override this)."""
        return False

    @staticmethod
    def not_a_post(raw: RawPosting) -> bool:
        """True for a parsed item that says it is no job post ("Not a job. I'm exploring ...",
        "Not hiring, but ..."): sync and import leave it out and count it apart from job
        seekers' comments (Hacker News overrides this)."""
        return False

    def fetch(self, http: HttpClient, window: Window | None = None) -> Iterator[Document]:
        """Every unit's documents, unit after unit."""
        window = window or Window(today=datetime.now(UTC).date())
        for unit in self.units(window):
            yield from self.fetch_unit(http, unit)

    def check(self) -> None:
        """Refuse setting values no sync could use, with a ``ConfigError`` saying what to
        write (pure; ``build`` calls it, so ``sources add`` and reading the config do): a
        count below 1 (``page_size = 0`` paged for ever on the first page), an address that
        is no http(s) URL, a board given as its web address. Sources add their own."""
        for f in fields(cast(Any, self)):
            value = getattr(self, f.name)
            if isinstance(value, int) and not isinstance(value, bool) and value < 1:
                raise ConfigError(f"{f.name} = {value}: use 1 or more")
            if f.name.endswith("url") or f.name == "urls":
                for url in value if isinstance(value, list) else [value]:
                    _check_url(f.name, url)
            if f.name == "boards":
                for board in value:
                    _check_board(board)
        companies = getattr(self, "companies", None)
        if isinstance(companies, dict):
            _check_companies(companies, getattr(self, "boards", []), self.board_word,
                             self.named)

    def scope(self, unit: str) -> str | None:
        """``<name>:<unit>:`` for closing sources, else None."""
        return f"{self.name}:{unit}:" if self.closes else None

    def other_scopes(self, unit: str, listed: Iterable[str] = ()) -> list[str]:
        """Other id prefixes a fully fetched unit covers beside ``scope`` (``listed``: the
        ids of the postings it listed): what it does not list there closes too (the rule:
        none; a careers page the store holds under two spellings of its address,
        ``JsonLd.others``, or under the address its fetch was redirected to)."""
        return []

    def superseded(self, unit: str, listed: Iterable[str]) -> list[str]:
        """Ids of stored postings that a complete read of ``unit`` (``listed``: the ids of
        the postings it listed) shows to be earlier copies of a job it lists under another
        id, to be closed whether or not the source closes what it no longer lists (the
        rule: none; a feed's daily copies of a job a store written before keyed on its
        tracked link, ``Feed.superseded``)."""
        return []

    def read_store(self, store: SQLiteStore, units: Iterable[str]) -> None:
        """Read what this source's ids for ``units`` depend on from the store, before a
        sync or an import reads their documents (``parse`` reads no store). The rule:
        nothing; a careers page is keyed by the spelling of its address the store holds
        its postings under (``JsonLd.stored_as``), a feed's item without a guid by its link
        as a store written before holds it (``Feed.read_store``)."""

    def earlier_ids(self, unit: str) -> tuple[str, str, str] | None:
        """Where the postings of ``unit`` stored under an earlier form of this source's ids
        are: ``(id pattern, extra key, value)``, the stored postings whose id matches the
        pattern (SQLite ``GLOB``: only the earlier form, so the look-up reads those rows
        alone) and whose ``extra[key]`` is ``value``. None (the rule): the ids never changed.

        A store written before the change keeps those postings under their ids: sync
        updates, reopens and closes them under them (``earlier_id``), so nothing is stored
        twice and no posting is left open for good."""
        return None

    def earlier_id(self, source_id: str) -> str | None:
        """The earlier form of a source id this source makes now (see ``earlier_ids``)."""
        return None

    def listing(self, docs: Sequence[Document]) -> tuple[str, str] | None:
        """``(extra key, value)`` when ``docs``, a unit fetched and parsed without error, list
        every posting whose ``extra[key]`` is ``value`` (a Hacker News thread, whole): sync
        closes those it stored that they no longer list, their roles with them. None (the
        rule, and a listing read only in part): close nothing by it."""
        return None

    def document(self, response: Response, *, ref: str | None = None) -> Document:
        """A ``Document`` of this source from an HTTP response."""
        final = response.final_url
        return Document(source=self.name, ref=ref or response.url, content=response.content,
                        media_type=response.media_type, fetched_at=datetime.now(UTC),
                        final_url=final if final and final != response.url else None)

    #: what a board of this source is called, and an example board and the name of its
    #: company (the messages of a ``companies`` setting, for the boards' APIs that give none)
    board_word: ClassVar[str] = "board"
    named: ClassVar[tuple[str, str]] = ("acme", "Acme Robotics")

    def company_of(self, board: str) -> str:
        """The company's name ``companies`` gives ``board``, else the board's own name."""
        companies = getattr(self, "companies", None) or {}
        return str(companies.get(board, "")).strip() or board

    #: what to check when an address of this source is not found (HTTP 404 or 410)
    not_found: ClassVar[str] = "check the address in the config"

    def get(self, http: HttpClient, url: str, **params: str | int) -> Response:
        """GET through the shared client, naming this source in errors (and, for an address
        that is not found, what to check)."""
        try:
            return http.get(url, source=self.name, params=params or None)
        except FetchError as err:
            if err.status in (404, 410):
                err.args = (f"{err}; not found: {self.not_found}",)
            raise

    def load_json(self, doc: Document) -> Any:
        """The JSON body of a document, or ``ParseError`` naming it (and saying so when the
        server sent a web page, as a proxy's or a maintenance page is, or nothing at all)."""
        try:
            return json.loads(doc.content)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            head = doc.content[:512].lstrip().lower()
            if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
                moved = (f" (the address was redirected to {doc.final_url})"
                         if doc.final_url else "")  # (a site moved to its own domain)
                raise ParseError(self.name, doc.ref, f"the server sent a web page, not JSON "
                                 f"({doc.media_type or 'no content type'}, starting "
                                 f"{quote_start(doc.content)}){moved}: the service may be down "
                                 "(try again later), or the API address (base_url) is "
                                 "wrong") from exc
            if not doc.content.strip():  # ("Expecting value: line 1 column 1 (char 0)")
                raise ParseError(self.name, doc.ref, "the server sent an empty answer, no "
                                 "JSON: the service may be down (try again later), or the API "
                                 "address (base_url) is wrong") from exc
            raise ParseError(self.name, doc.ref, f"invalid JSON ({exc})") from exc
        except RecursionError:
            raise ParseError(self.name, doc.ref, "invalid JSON (nested too deep to read: no "
                             "answer of this service is)") from None

    def load_listing(self, doc: Document, key: str) -> dict[str, Any]:
        """The JSON object of a board's listing whose ``key`` is its list of jobs (Greenhouse's
        and Ashby's ``jobs``, Recruitee's ``offers``); ``ParseError`` for any other answer."""
        data = self.load_json(doc)
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise self.fail(doc, f"expected an object with a '{key}' list")
        return data

    def load_object(self, doc: Document) -> dict[str, Any]:
        """The JSON object of a document; ``ParseError`` for anything else."""
        data = self.load_json(doc)
        if not isinstance(data, dict):
            raise self.fail(doc, f"expected a JSON object, got {type(data).__name__}")
        return data

    def fail(self, doc: Document, message: str, *, kind: str = "",
             reason: str = "") -> ParseError:
        """A ``ParseError`` for ``doc`` (``kind`` and ``reason``: as ``ParseError``'s)."""
        return ParseError(self.name, doc.ref, message, kind=kind, reason=reason)

    def readable(self, doc: Document, listed: list[Any], title: str, *,
                 any_id: bool = False) -> list[dict[str, Any]]:
        """The jobs of a board's listing (``listed``) that can be read: objects with an id
        (``job_id``: a whole number or a text) and a ``title`` field of text; ``any_id``: an
        id is any value but None (Greenhouse's 0 is one), else a truthy one. (A title of 42
        or of a list was stored as "42" or "['ML']"; an id of 1402871.0 as another job than
        1402871, an id of true as "True".) A ``ParseError`` (``UNREAD_LISTING``) when it lists jobs
        and none can be read: read as an empty board, it would close every posting of it.
        A job the listing gives twice, the same in every field, is read once (its second
        copy was counted "unchanged" by the sync that first stored it)."""
        jobs = [dict(job, id=job_id(job.get("id"))) for job in listed
                if isinstance(job, dict) and isinstance(job.get(title), str)
                and job[title].strip()]
        jobs = [job for job in jobs if (job["id"] is not None if any_id else job["id"])]
        for job in listed:  # an id or a title of another kind: a job, read as none (said)
            if isinstance(job, dict) and (odd := _odd_key(job, title)):
                self.left_out(doc, f"job {str(job.get('id'))[:40]} ({str(job.get(title))[:80]!r}) "
                              f"left out: its {odd} is {_kind(job[odd])}, not a text")
        if listed and not jobs:
            raise self.fail(doc, UNREAD_LISTING.format(len(listed), f"'id' and '{title}'"))
        same_id: dict[str, list[dict[str, Any]]] = {}
        once = []
        for job in jobs:
            earlier = same_id.setdefault(str(job["id"]), [])
            if job not in earlier:
                earlier.append(job)
                once.append(job)
        return once

    def left_out(self, doc: Document, said: str) -> None:
        """Warn of a job of ``doc`` left out unread; within ``collect_left_out`` (sync), its
        document was read in part and closes nothing."""
        warn(_LOG, f"{self.name}: {doc.ref}: {said}")
        if (left_out := _LEFT_OUT.get()) is not None:
            left_out.append(said)

    def postings(self, doc: Document, jobs: Iterable[dict[str, Any]],
                 read: Callable[[dict[str, Any]], RawPosting], *,
                 title: str = "title") -> Iterator[RawPosting]:
        """``read`` of each job of ``doc`` (the jobs ``readable`` gives). A job with a field
        of another kind than the service writes, deeper than the fields read as ``text``
        (a list of places that is a number, a salary's currency that is an object), is left
        out with a warning naming it and the field; the board's other jobs are read (and,
        within ``collect_left_out``, nothing of the board is closed). Before,
        one such job failed the whole board, in a pydantic dump ("ValidationError: 1
        validation error for RawPosting url") or a Python error ("'int' object is not
        iterable"). When every job is left out so, nothing of the board is read (read as an
        empty board, every posting of it would be closed)."""
        read_one, last = False, ""
        for job in jobs:
            try:
                raw = read(job)
            except (TypeError, AttributeError, ValueError) as exc:
                last = (f"job {job.get('id')} ({str(job.get(title))[:80]!r}) left out: "
                        f"{odd_field(exc)}")
                self.left_out(doc, last)
                continue
            read_one = True
            yield raw
        if last and not read_one:
            raise self.fail(doc, f"no job of the list could be read (the last: {last}); is "
                            "the API's answer of another shape? Nothing was closed")


_LOG = logging.getLogger("mljobs.sources")


def text(value: Any) -> str | None:
    """A field a service gives as text, as it gives it; None for a value of another kind (a
    number, a list, an object, true) where it writes text: one job's link of 42 failed its
    whole board ("Input should be a valid string")."""
    return value if isinstance(value, str) else None


def items(value: Any) -> list[Any]:
    """A field a service gives as a list, as it gives it; empty for a value of another kind
    (a number, true, an object): one job's ``offices`` of 42 failed its whole board."""
    return value if isinstance(value, list) else []


def job_id(value: Any) -> int | str | None:
    """A job's id as a board gives it (a whole number or a text); a whole number written as
    a float (1402871.0) is that number (as ``1402871.0`` it was another job than 1402871);
    None for anything else (true, NaN, a fraction, a list, an object), which is no id."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return value


def odd_field(exc: Exception) -> str:
    """What a job's field of another kind than its service writes made fail, in words (not
    pydantic's dump of several lines and a web address)."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"its {where} is {_kind(first.get('input'))}: {first['msg'].lower()}"
    return f"a field is of another kind than the service writes ({exc})"


def _odd_key(job: dict[str, Any], title: str) -> str | None:
    """``"id"`` or ``title`` when the job gives it but of another kind (an id of true or 2.5,
    a title of 42): a job of the board that cannot be named, not an empty entry."""
    if job.get("id") is not None and job_id(job["id"]) is None:
        return "id"
    if job.get(title) is not None and not isinstance(job[title], str):
        return title
    return None


def _kind(value: Any) -> str:
    given = type(value).__name__
    return _KIND_SAID.get(given, given)


_KIND_SAID = {"int": "a number", "float": "a number", "bool": "true or false",
              "list": "a list", "dict": "an object", "NoneType": "null"}


@dataclass
class BoardSource(BaseSource):
    """A job-board service's source (Greenhouse, Lever, Ashby, Recruitee): a unit is one of
    its ``boards`` (a company's board, site or careers site), whose listing gives every open
    job, so a posting it no longer lists is closed."""

    closes: ClassVar[bool] = True
    boards: list[str] = field(default_factory=list)

    def units(self, window: Window) -> list[str]:
        """One unit per board, each once."""
        return list(dict.fromkeys(self.boards))


def _check_url(key: str, url: Any) -> None:
    if url is None:
        return
    try:
        parts = urlsplit(str(url).strip())
    except ValueError as exc:  # ("http://[host": a traceback before)
        raise ConfigError(f"{key}: {str(url)!r} is not an http(s) address ({exc}); write the "
                          "whole URL (https://...)") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        hint = f"https://{url}" if not parts.scheme and "." in str(url).split("/")[0] else None
        raise ConfigError(f"{key}: {str(url)!r} is not an http(s) address; write the whole URL"
                          + (f", e.g. {hint}" if hint else " (https://...)"))


def _check_board(board: str) -> None:
    if "/" in board or not board.strip():
        try:
            token = [p for p in urlsplit(board).path.split("/") if p]
        except ValueError:  # ("https://[acme": no address to take the name from)
            token = []
        hint = f"; for {board} that is boards = [\"{token[-1]}\"]" if token else ""
        raise ConfigError(f"boards: {board!r} is not a board name; give the name the board's "
                          f"address ends with, not the address{hint}")


def _check_companies(companies: dict[str, str], boards: list[str], word: str,
                     named: tuple[str, str]) -> None:
    """A company named for a board ``boards`` does not list (a misspelt board would leave its
    postings under the board's name, unsaid), or a blank name. The example names a board of
    ``boards`` that ``companies`` does not, with the name given (a board renamed in
    ``boards``, or spelt in another case: ``{Ashby = "Ashby Inc."}``), else ``named``."""
    board, name = named
    other = [site for site in companies if site not in boards]
    if other:
        unnamed = [site for site in boards if site not in companies]
        if unnamed:
            board, name = unnamed[0], companies[other[0]].strip() or name
        key = board if re.fullmatch(r"[A-Za-z0-9_-]+", board) else _toml(board)
        raise ConfigError(
            f"companies: {other[0]!r} is no {word} of boards = [{', '.join(map(repr, boards))}]; "
            f"name each {word} as boards does, e.g. companies = {{{key} = {_toml(name)}}}")
    blank = [site for site, title in companies.items() if not title.strip()]
    if blank:
        raise ConfigError(f"companies: the name of {blank[0]!r} is blank; write the "
                          f"company's name, e.g. {blank[0]} = \"{name}\"")


def settings_of(cls: type) -> list[str]:
    """The setting names of a source class (its dataclass fields)."""
    return [f.name for f in fields(cls)]


def build(cls: type[BaseSource], settings: dict[str, Any], *, entry: str) -> BaseSource:
    """Construct a source from config settings, naming unknown or bad keys."""
    known = settings_of(cls)
    unknown = sorted(set(settings) - set(known))
    if unknown:
        raise ConfigError(
            f"source {entry!r} ({cls.name}): unknown setting(s) {', '.join(unknown)}; "
            f"available: {', '.join(known) or '(none)'}"
        )
    hints = typing.get_type_hints(cls)
    # item ids written in quotes (threads = ["46466074"]) were read as the numbers they are
    settings = {key: [int(v) if isinstance(v, str) and v.strip().isdigit() else v
                      for v in value]
                if hints.get(key) == list[int] and isinstance(value, list) else value
                for key, value in settings.items()}
    for key, value in settings.items():
        problem = _type_problem(key, hints.get(key), value, cls.named)
        if problem:
            raise ConfigError(f"source {entry!r} ({cls.name}): {problem}")
    try:
        source = cls(**settings)
    except TypeError as exc:
        raise ConfigError(f"source {entry!r} ({cls.name}): {exc}") from exc
    try:
        source.check()
    except ConfigError as exc:
        raise ConfigError(f"source {entry!r} ({cls.name}): {exc}") from None
    return source


_KINDS: dict[type, tuple[str, str]] = {  # what a value of the type is called, an example
    str: ("text", '"value"'), int: ("a whole number", "2"), float: ("a number", "2.5"),
    bool: ("true or false", "true")}


def _toml(value: Any) -> str:
    """A value as the config file spells it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def _type_problem(key: str, hint: Any, value: Any,
                  named: tuple[str, str] = BaseSource.named) -> str | None:
    """What is wrong with a setting's value for its annotation (``list[str]``, ``int``,
    ``str | None``...), in words, or None. A hand-edited ``boards = "anthropic"`` was read
    letter by letter (boards "a", "n", "t"...) and ``page_size = "ten"`` sent as is."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        if value is None:
            return None
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        hint = args[0] if len(args) == 1 else None
    if typing.get_origin(hint) is dict:
        if not isinstance(value, dict):
            return (f"{key} = {_toml(value)} should be a table of names, e.g. "
                    f'{key} = {{{named[0]} = "{named[1]}"}}')
        bad = [k for k, v in value.items() if not isinstance(v, str)]
        if bad:
            return (f"{key}: {bad[0]} = {_toml(value[bad[0]])} is not text; write "
                    f'{bad[0]} = "..."')
        return None
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint) or (str,)
        name, example = _KINDS.get(item, ("a value", "..."))
        if not isinstance(value, list):
            one = _toml(value) if _is(item, value) else example
            return (f"{key} = {_toml(value)} should be a list, with brackets even for one "
                    f"item: {key} = [{one}]")
        bad = [v for v in value if not _is(item, v)]
        if bad:
            return (f"{key} = {_toml(value)}: {_toml(bad[0])} is not {name}; write "
                    f"{key} = [{example}, ...]")
        return None
    if isinstance(hint, type) and hint in _KINDS and not _is(hint, value):
        name, example = _KINDS[hint]
        return f"{key} = {_toml(value)} should be {name}, e.g. {key} = {example}"
    return None


def _is(kind: Any, value: Any) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, kind) if isinstance(kind, type) else True


# a listing none of whose jobs can be read is no empty board: read as one, every posting of
# the board was closed (an API change, or a proxy's answer, closed a whole board)
UNREAD_LISTING = ("the list has {} jobs and none with the {} a job has; is the API's answer "
                  "of another shape? Nothing was closed")


TRACKING_PARAMS = frozenset({
    "gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "ref", "ref_src", "referrer", "source",
    "src", "trk", "trkid", "lever-source", "lever-origin", "gh_src", "utm", "igshid",
})
# A session's token in a link, a server's name for one visit and never which job it is: Java's
# ``;jsessionid=`` (in the path, or as a query parameter), PHP's, ASP's, ColdFusion's
# CFID/CFTOKEN, SuccessFactors' ``_s.crb``. Re-read in a new session the same job's link
# differed. Not ``sid``: on some sites it is the job's number ("job.php?sid=19").
SESSION_PARAM = re.compile(r"jsessionid|phpsessid|aspsessionid\w*|sessionid|session_id|cfid|"
                           r"cftoken|_s\.crb", re.IGNORECASE)
_PATH_SESSION = re.compile(r";jsessionid=[^/?#;]*", re.IGNORECASE)


def without_path_session(path: str) -> str:
    """A link's path (or the part of the link before its query) without Java's session
    parameter, ``/job/17;jsessionid=0A1B`` as ``/job/17``; the path as written when it has
    none."""
    return _PATH_SESSION.sub("", path) if ";" in path else path


def clean_url(url: str | None) -> str | None:
    """A URL without tracking parameters (``utm_*``, ``gclid``...), session tokens
    (``SESSION_PARAM``) or fragment."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
             and not SESSION_PARAM.fullmatch(k)]
    path = without_path_session(parts.path).rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def quote_start(content: bytes, limit: int = 70) -> str:
    """The first characters of a document, spaces folded and quoted, for an error message
    ("starting '<!DOCTYPE html> <html>...'"): up to ``limit`` of them, "..." when cut;
    "empty" for a document of no text. One rule for every source (a feed that is no feed,
    a JSON answer that is a web page). Leading spaces are skipped before the first
    characters are read (a page may open with hundreds of blank lines)."""
    text = " ".join(content.lstrip()[:4 * limit + 64].decode("utf-8", "replace").split())
    return repr(text[:limit] + ("..." if len(text) > limit else "")) if text else "empty"


def short_hash(*parts: str) -> str:
    """A stable 16-hex id from text parts (for items without an id of their own)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def one_id_each(items: list[tuple[RawPosting, tuple[str, ...]]]) -> list[RawPosting]:
    """The postings of one document, in its order, each with an id of its own.

    Items with no identifier of their own can share one (a feed's entries without a guid
    that all link to the careers page; one job in two cities on a careers page): all but one
    would be lost. Each is told apart by its own ``parts`` (title, address, places...), and
    the *last* of them keeps the shared id: that is the one a store holds under it from
    before (an upsert of one id twice kept the last), and in a newest-first feed the one
    whose place does not move as entries are added above it.

    An item the document lists twice, the same in every field (a feed entry repeated under
    its guid, a page carrying its JSON-LD twice), is one posting: before, its second copy
    was told apart by the same parts and stored as a second posting of the job.
    """
    ids: set[str] = set()
    kept: dict[str, RawPosting] = {}
    out: list[RawPosting] = []
    for raw, parts in reversed(items):
        if kept.get(raw.source_id) == raw:
            continue
        kept.setdefault(raw.source_id, raw)
        if raw.source_id in ids:
            own = short_hash(raw.source_id, *parts)
            raw = raw.model_copy(update={"source_id": own if own not in ids else
                                         short_hash(own, str(len(ids)))})
        ids.add(raw.source_id)
        out.append(raw)
    out.reverse()
    return out


def parse_iso(value: Any) -> datetime | None:
    """An ISO-8601 timestamp (``Z`` allowed) or None when missing or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def from_epoch(value: Any, *, millis: bool = False) -> datetime | None:
    """A UNIX timestamp (seconds, or milliseconds) as an aware datetime."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return datetime.fromtimestamp(value / 1000 if millis else value, UTC)


def pay_figure(value: Any) -> float | None:
    """A board's pay figure as a number: None for what is no figure of pay (a boolean, NaN
    or infinity, which JSON from some encoders carries, a negative)."""
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value) or value < 0:
        return None
    return float(value)


class PaySpan(NamedTuple):
    """The span of a job's pay ranges (``pay_span``): their currency and period as the
    board gives them, the lowest minimum and the highest maximum, and ``top``, the highest
    figure (the highest maximum, else the highest minimum)."""

    currency: Any
    period: Any
    low: float | None
    high: float | None
    top: float | None


def pay_span(ranges: Sequence[tuple[Any, Any, float | None, float | None]]) -> PaySpan | None:
    """The span of a board's pay ranges, each ``(currency, period, min, max)`` (one a level
    or a place), that share the first one's currency and period (a range in another
    currency or by another period is no part of it); None when there is none."""
    if not ranges:
        return None
    currency, period = ranges[0][:2]
    same = [r for r in ranges if (r[0], r[1]) == (currency, period)]
    lows = [r[2] for r in same if r[2] is not None]
    highs = [r[3] for r in same if r[3] is not None]
    return PaySpan(currency, period, min(lows, default=None), max(highs, default=None),
                   max(highs or lows, default=None))


_ONSITE = re.compile(r"\b(?:on-?site|in[- ]office)\b", re.IGNORECASE)


def place_workplace(place: str | None) -> str | None:
    """Remote, hybrid or on-site as a place says it ("Remote - US", "Hybrid - New York, NY",
    a job alert's "Berlin (Remote)", "Berlin (On-site)"), for a source with no field for
    it: a Greenhouse location, a mail digest's job card (the text's reading fills it
    otherwise)."""
    said = (place or "").lower()
    if "remote" in said:
        return "remote"
    if "hybrid" in said:
        return "hybrid"
    return "onsite" if _ONSITE.search(said) else None


def ref_part(ref: str, after: str) -> str:
    """The path segment following ``after`` in a URL (e.g. the board of a ref)."""
    segments = urlsplit(ref).path.split("/")
    try:
        return segments[segments.index(after) + 1]
    except (ValueError, IndexError):
        return ""
