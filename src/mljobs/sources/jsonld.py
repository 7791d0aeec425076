"""Careers pages: schema.org ``JobPosting`` in JSON-LD or microdata.

The page is fetched and told apart here; its markup is read by ``sources.job_posting``
(JSON-LD read leniently, else microdata; each JobPosting as a RawPosting). Before a page
is fetched its host's robots.txt is read (``protego``); a page it disallows is not fetched.

A page is a complete listing (``closes``): a page that plainly read and lists no job
any more (the company took its jobs down) closes the postings it listed before, as a
board's empty job list does; a page that never gave a posting and lists none fails (it
may be built by JavaScript: sync tells the two apart by the store, ``EmptyListing``; the
postings only an import of a saved copy stored are not the page's listing, and stay open). A
page that did not plainly read (no HTML, a broken JSON-LD block, a login or error page, a
bot protection's check in place of the page, a page naming another address as its own, a
page with next to no text, as one built by JavaScript is) fails and closes nothing.
Posting ids are ``jsonld:<page key>:<job key>``, the page key a hash of the page's
address, as spelled where the store holds the page's postings (``JsonLd.stored_as``: a
trailing slash, ``www.``, the scheme, a fragment or tracking parameters make no other page).
"""

from __future__ import annotations

import bisect
import html
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, NamedTuple
from urllib.parse import (
    SplitResult,
    parse_qsl,
    unquote,
    unquote_plus,
    urljoin,
    urlsplit,
    urlunsplit,
)

from protego import Protego
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, read_bom

from mljobs.bot_checks import TITLE_PARTS, bot_check, page_title
from mljobs.errors import FetchError
from mljobs.http import BOT_CHECK_ADVICE, HttpClient, Response
from mljobs.models import Document, RawPosting
from mljobs.normalize import html_to_text
from mljobs.sources.base import (
    SESSION_PARAM,
    BaseSource,
    EmptyListing,
    Window,
    one_id_each,
    short_hash,
    without_path_session,
)
from mljobs.sources.job_posting import page_markup, raw_posting

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore



def page_text(content: bytes, media_type: str | None = None) -> str:
    """A page's text: its bytes read as UTF-8 when they are UTF-8 (as nearly every page is
    today, and as every page was read before), else in the charset the page declares (a
    byte order mark, a ``charset`` of its media type, its ``<meta charset>`` or
    ``http-equiv`` Content-Type: a page saved as windows-1252 or Shift_JIS; ``w3lib``, which
    reads the names as browsers do: latin-1 as windows-1252), else UTF-8 with what cannot be
    read replaced."""
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return html_to_unicode(media_type if media_type and "charset" in media_type else None,
                               content)[1]


def charset_unknown(content: bytes, media_type: str | None) -> bool:
    """Whether ``page_text`` can only guess a page's charset: its bytes are not UTF-8 and
    nothing names their charset (no ``charset`` in its media type, no byte order mark, no
    ``<meta charset>``). A careers page stored so by a version that dropped its answer's
    charset is fetched whole again, not answered by a 304 (sync's validator cache)."""
    if media_type and "charset" in media_type.lower():
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return read_bom(content) == (None, None) and html_body_declared_encoding(content) is None
    return False


@dataclass
class JsonLd(BaseSource):
    """Career pages with schema.org JobPosting markup.

    Args:
        urls: page addresses (a careers page or single job pages).
        respect_robots: read robots.txt and skip what it disallows.
    """

    name: ClassVar[str] = "jsonld"
    closes: ClassVar[bool] = True
    urls: list[str] = field(default_factory=list)
    respect_robots: bool = True

    def __post_init__(self) -> None:
        self._robots: dict[str, Protego | None] = {}
        self._lock = threading.Lock()
        # {address: the spelling of it the store holds the page's postings under}, for the
        # addresses whose postings are under another spelling only (read_store)
        self._stored: dict[str, str] = {}
        # {address: the page's other stored spellings}: a store written before the spelling
        # rule may hold one page's postings under two (read_store, ``others``)
        self._others: dict[str, list[str]] = {}
        # the store's spellings of its pages as last read (_spellings), with the store and
        # the last rev read: a source that reads several runs of units (one saved page after
        # another, ``mljobs import folder/``) reads them whole once, then what came since;
        # and the ids stored under each spelling (``_ids``)
        self._spellings: dict[PageIdentity, list[str]] = {}
        self._ids: dict[str, set[str]] = {}
        self._spellings_at: tuple[str, int] | None = None
        self._respelled = False  # (whether the last whole read found a page held under two)

    def read_store(self, store: SQLiteStore, units: Iterable[str]) -> None:
        """The spelling of each page the store holds its postings under (``stored_as``),
        and the page's other spellings it holds postings under (``others``), read before
        the pages are (``parse`` reads no store): the first stored spelling in sort order,
        whichever spelling the unit is, so every unit that names the page (a config that
        names it twice, a saved copy) goes on under the same one.

        The stored spellings are read whole once a run, until a read finds no page with
        postings, open or closed, under two spellings (``ONE_SPELLING``, kept in the store:
        a job only another spelling holds, closed, reopens there when it comes back; under the
        spelling rule no run makes a second spelling of a stored page); then, as a rule, a
        page whose postings are under its own key is answered by the store's primary key,
        and the spellings are read only for one whose are not."""
        self._stored, self._others = {}, {}
        checked = store.meta(ONE_SPELLING) is not None
        spellings: dict[PageIdentity, list[str]] | None = None
        for unit in units:
            if checked and store.has_prefix(f"{self.name}:{page_key(unit)}:"):
                continue
            if spellings is None:
                spellings = self._stored_spellings(store)
            identity = page_identity(unit)
            known = spellings.get(identity, []) if identity else []
            if known and known[0] != unit:
                self._stored[unit] = known[0]
            others = known[1:]
            if others:  # (an import's page is its stored spelling: ``saved_page``)
                self._others[unit] = self._others[known[0]] = others
        if not checked and spellings is not None and not self._respelled:
            store.set_meta(ONE_SPELLING, "1")

    def _stored_spellings(self, store: SQLiteStore) -> dict[PageIdentity, list[str]]:
        """The addresses the store holds careers-page postings under (``extra["page"]``
        names the address a page's ids are made from), by page (``page_identity``), each
        page's in sort order, and the ids under each (``_ids``): read whole the first time,
        then only the postings written since (``rev``; a page's address is part of its
        postings' ids, so a posting's never changes)."""
        at = (store.store_id, store.max_rev())  # (before the rows: none written after is missed)
        after = self._spellings_at[1] if self._spellings_at is not None \
            and self._spellings_at[0] == at[0] else None
        if after is None:
            self._spellings, self._ids = {}, {}
        held: dict[PageIdentity, int] = {}  # (spellings holding postings, by page)
        pages = store.statuses_by_extra(self.name, f"{self.name}:*", "page",
                                        after_rev=after or 0)
        for address, ids in pages.items():
            identity = page_identity(address)
            if identity is not None:
                self._ids.setdefault(address, set()).update(ids)
                self._know(identity, address)
                # (closed postings too: a job only another spelling holds, closed, reopens
                # there when the page lists it again, its history kept, which only this
                # whole read can give: ``others``)
                held[identity] = held.get(identity, 0) + 1
        # the other address of a page a fetch was redirected from or to (``also``): the
        # page's, under the address its postings' ids are made from
        page_of = {pid: address for address, ids in pages.items() for pid in ids}
        for also, ids in store.statuses_by_extra(self.name, f"{self.name}:*", "also",
                                                 after_rev=after or 0).items():
            identity = page_identity(also)
            for pid in ids:
                if identity is not None and pid in page_of:
                    self._know(identity, page_of[pid])
        if after is None:  # (a whole read: whether a page is held under two spellings)
            self._respelled = any(count > 1 for count in held.values())
        self._spellings_at = at
        return self._spellings

    def _know(self, identity: PageIdentity, address: str) -> None:
        known = self._spellings.setdefault(identity, [])
        if address not in known:
            bisect.insort(known, address)

    def stored_as(self, address: str) -> str:
        """The address a page's postings are keyed and named under: the address itself,
        unless the store holds the page's postings under another spelling of it (with or
        without a trailing slash or ``www.``, over http or https, with or without a
        fragment or tracking parameters: ``page_identity``), then that one (the first in
        sort order of those the store holds, when a store written before holds two:
        ``read_store``, ``others``).
        So a page's saved copy imported (its address as the browser was at it) and a sync
        of the page (its address as the config writes it) are one set of postings,
        whichever came first, and a store's ids never move: each page goes on under the
        spelling it has."""
        return self._stored.get(address, address)

    def others(self, address: str) -> list[str]:
        """The other spellings of a page the store holds postings under beside the one its
        postings go on under (``stored_as``): a store written before the spelling rule
        (a page synced under one spelling and a saved copy imported under another kept
        each job twice). A sync or import of the page gives each job under the id the
        store holds it under, the ``stored_as`` spelling's first (``parse``), and a sync
        closes what the other spellings hold that the page does not list so (``other_scopes``):
        the page's postings are one set again, and no posting is lost or renamed."""
        return self._others.get(address, [])

    def other_scopes(self, unit: str, listed: Iterable[str] = ()) -> list[str]:
        """The id prefixes of the page's other stored spellings (``others``), and of those
        its postings were listed under (a page imported under the address the fetch was
        redirected to: ``parse``)."""
        scopes = [f"{self.name}:{page_key(other)}:" for other in self.others(unit)]
        scopes += [f"{self.name}:{pid.split(':')[1]}:" for pid in listed if pid.count(":") > 1]
        own = self.scope(unit)
        return [scope for scope in dict.fromkeys(scopes) if scope != own]

    def units(self, window: Window) -> list[str]:
        """One unit per page URL."""
        return list(dict.fromkeys(self.urls))

    def scope(self, unit: str) -> str | None:
        """``jsonld:<page key>:``: the postings a page lists (the page's address is the
        unit and the document's reference alike)."""
        return f"{self.name}:{page_key(self.stored_as(unit))}:"

    def earlier_ids(self, unit: str) -> tuple[str, str, str] | None:
        """Before ids had a page part they were ``jsonld:<job key>`` (16 hex digits), and a
        posting named its page in ``extra["page"]`` as it does now."""
        return (f"{self.name}:{'[0-9a-f]' * 16}", "page", self.stored_as(unit))

    def earlier_id(self, source_id: str) -> str | None:
        """``<page key>:<job key>`` was ``<job key>``."""
        _, colon, job_key = source_id.partition(":")
        return job_key if colon else None

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The page, if robots.txt allows it."""
        if self.respect_robots and not self._allowed(http, unit):
            raise FetchError(self.name, unit, "robots.txt of the site disallows this page; "
                             "remove it from the config or set respect_robots = false "
                             "only if you have permission")
        yield self.document(self.get(http, unit))

    def document(self, response: Response, *, ref: str | None = None) -> Document:
        """The page as fetched, the charset its answer's Content-Type names kept in its
        media type ("text/html; charset=windows-1252"): a page that declares its charset
        there only is read in it (``page_text``), as a browser reads it, and so is the copy
        the store keeps (a 304 answers with it: ``Cached.charset``)."""
        doc = super().document(response, ref=ref)
        if response.charset is None:
            return doc
        return doc.model_copy(update={"media_type": f"{doc.media_type}; "
                                                    f"charset={response.charset}"})

    def _allowed(self, http: HttpClient, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = host in self._robots
        if not known:
            try:
                body = http.get(f"{host}/robots.txt", source=self.name, conditional=False)
                rules: Protego | None = Protego.parse(body.content.decode("utf-8", "replace"))
            except FetchError as err:
                if err.status is None or err.status >= 500:
                    raise
                rules = None  # 4xx: no robots.txt, everything is allowed
            with self._lock:
                self._robots[host] = rules
        rules = self._robots[host]
        return rules is None or bool(rules.can_fetch(url, http.settings.user_agent))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per JobPosting object on the page."""
        page = page_text(doc.content, doc.media_type)
        markup = page_markup(page, doc.ref)
        found = markup.jobs
        if markup.broken:  # the page's postings, if any, are in what cannot be read
            reason = markup.broken
            raise self.fail(doc, f"{reason}; no posting found. The site's markup is broken: "
                            "ask its owner, or remove the page from the config",
                            kind="broken_markup", reason=reason)
        if not found:
            unread = unread_page(doc, page, has_ld=markup.has_ld)
            if unread:
                raise self.fail(doc, f"no schema.org JobPosting on the page, and the page "
                                f"did not plainly read: {unread}; nothing was closed",
                                kind=unread.kind, reason=unread.reason)
            # the page lists no job today: its postings stored before close; a page that
            # never gave one fails with this (sync tells the two apart by the store)
            raise EmptyListing(self.name, doc.ref, NEVER_LISTED)
        # two postings of one title and no identifier on one page (one job in two cities)
        # had one id, so one replaced the other: each is told apart by its address or places
        address = self.stored_as(doc.ref)  # (the spelling the page's postings are under)
        landed = self._landed(doc)
        if landed and address == doc.ref and not self._ids.get(doc.ref):
            # a page the store holds under the address the fetch ended at only (a saved
            # copy of it imported): that spelling's postings
            address = self._spellings.get(page_identity(landed) or ("", "", ()), [address])[0]
        raws = [raw for job in found
                if (raw := raw_posting(job, address, source=self.name)) is not None]
        if not raws:  # JobPostings none of which can be read: no empty page, closes nothing
            reason = (f"the page has {len(found)} JobPosting{'s' if len(found) > 1 else ''} "
                      "and none with a title")
            raise self.fail(doc, f"{reason}; nothing was closed", kind="untitled",
                            reason=reason)
        listed = _keyed(raws, address)
        if landed:  # each names the page's other address: the one its id is not made from
            also = landed if page_identity(landed) != page_identity(address) else doc.ref
            listed = [raw.model_copy(update={"extra": {**raw.extra, "also": also}})
                      for raw in listed]
        others = self.others(doc.ref)
        if not others:
            yield from listed
            return
        # a store written before the spelling rule: each job under the id it is stored under
        # (this spelling's, else another's), so no job is stored again under a third
        elsewhere = [_keyed([raw for job in found
                             if (raw := raw_posting(job, other, source=self.name)) is not None],
                            other) for other in others]
        held = self._ids.get(address, set())
        for number, raw in enumerate(listed):
            if f"{self.name}:{raw.source_id}" not in held:
                raw = next((alias[number].model_copy(update={
                    "extra": {**alias[number].extra, **({"also": doc.ref} if landed else {})}})
                    for alias, other in zip(elsewhere, others, strict=True)
                    if f"{self.name}:{alias[number].source_id}" in self._ids[other]), raw)
            yield raw

    @staticmethod
    def _landed(doc: Document) -> str | None:
        """The address a fetch was redirected to, when it is another page (``_same_page``:
        not the page with or without a slash, ``www.``, a query), untracked; else None."""
        if doc.final_url and _same_page(urlsplit(doc.final_url)) != _same_page(
                urlsplit(doc.ref)):
            return untracked(doc.final_url)
        return None


def _keyed(raws: list[RawPosting], address: str) -> list[RawPosting]:
    """A page's postings with their ids: the page key of ``address`` before the job keys
    (made as before ids had a page part: ``earlier_id`` undoes the prefix exactly,
    one_id_each's told-apart keys too)."""
    key = page_key(address)
    return [raw.model_copy(update={"source_id": f"{key}:{raw.source_id}"})
            for raw in one_id_each([(raw, (raw.url or "", *raw.locations)) for raw in raws])]


# the store's meta key saying a whole read of its careers pages' spellings found no page
# with postings under two (``JsonLd.read_store``)
ONE_SPELLING = "jsonld.one_spelling"

NEVER_LISTED = (
    "no schema.org JobPosting on the page, and it has never given a posting: this source "
    "reads only pages that carry JobPosting markup (a page built by JavaScript carries none "
    "until run in a browser, and a page may list no job today); give the address of a "
    "single job's page, or remove the page if its jobs are not listed this way")


# Query parameters that say how a visitor came to a page (an ad, a mail, a board's or a
# network's link), not which page it is: Google Analytics' utm_*, the ad networks' click
# ids, Mailchimp's and HubSpot's, Greenhouse's gh_src
_TRACKING = re.compile(r"utm_\w+|gclid|gbraid|wbraid|dclid|fbclid|msclkid|twclid|li_fat_id"
                       r"|igshid|mc_cid|mc_eid|_hsenc|_hsmi|gh_src", re.IGNORECASE)

PageIdentity = tuple[str, str, tuple[tuple[str, str], ...]]


def untracked(address: str) -> str:
    """The address without its fragment (the browser's, never sent to the server), its
    tracking query parameters (``_TRACKING``) and session tokens (``base.SESSION_PARAM``,
    ``;jsessionid=`` in the path too), the rest as written."""
    parts = urlsplit(address)
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _tracks(pair))
    return urlunsplit(parts._replace(path=without_path_session(parts.path), query=query,
                                     fragment=""))


def _tracks(pair: str) -> bool:
    """Whether a query's ``name=value`` pair is a tracking parameter (``_TRACKING``) or a
    session's token (``base.SESSION_PARAM``)."""
    name = unquote_plus(pair.partition("=")[0])
    return _TRACKING.fullmatch(name) is not None or SESSION_PARAM.fullmatch(name) is not None


def without_tracking(address: str) -> str:
    """The address without its tracking query parameters (``_TRACKING``), its session
    tokens (``base.SESSION_PARAM``, ``;jsessionid=`` in the path too) and, when it had one,
    its empty pairs (``?utm_source=rss&`` gave ``...?``), all else as written, its fragment
    too: the address itself when it has none."""
    base, hash_mark, fragment = address.partition("#")
    head, question, query = base.partition("?")
    bare = without_path_session(head)
    pairs = query.split("&")
    kept = [pair for pair in pairs if not _tracks(pair)]
    if len(kept) == len(pairs):
        return address if bare == head else bare + question + query + hash_mark + fragment
    kept = [pair for pair in kept if pair]
    return bare + ("?" + "&".join(kept) if kept else "") + hash_mark + fragment


def page_identity(address: str) -> PageIdentity | None:
    """What every spelling of one careers page's address shares: the host without ``www.``
    and the path without a trailing slash (``_same_page``: the scheme and letter case of
    the host aside, the path's case kept), and the query without tracking parameters, in
    any order; not the fragment. None for no http(s) address (a file's)."""
    parts = urlsplit(untracked(address.strip()))
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host, path = _same_page(parts)
    return host, path, tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))


def page_key(url: str) -> str:
    """The page part of a posting id: 10 hex digits of the page address's hash."""
    return short_hash(url)[:10]


_PASSWORD = re.compile(r"<input\b[^>]{0,300}\btype\s*=\s*[\"']?password", re.IGNORECASE)
_LOGIN_TITLE = re.compile(r"\b(?:sign[\s-]?in|log[\s-]?in)\b", re.IGNORECASE)
# An error page is told by its title, a whole title or one part of it being an error's
# words and nothing else ("404 Not Found", "Error", "403 Forbidden", "Page not found |
# Acme", "Access denied", "Just a moment...", "Site under maintenance | Helix Bio",
# "Service Temporarily Unavailable"), not by those words among a careers page's
# ("Error Analysis Engineer Careers", "Forbidden Planet — Jobs", "Maintenance Technician
# Careers", "Careers | Unavailable roles", "404 Studio | Jobs").
_CODE = r"(?:http\s*)?(?:error\s*)?(?:code\s*)?(?:[45]\d\d|10\d\d)"  # 4xx/5xx, Cloudflare's 10xx
# what a soft 404 says is missing: "the page you requested", "this job"
_MISSING = (r"(?:page|file|resource|document|url|content|site|website|job|posting)"
            r"(?: you (?:requested|are looking for|were looking for|re looking for|tried to "
            r"(?:reach|access|visit|open))| you['’]re looking for)?")
_ERROR_WORDS = (
    r"(?:there (?:was|has been) )?(?:an? )?(?:unexpected |internal |fatal )?"
    r"(?:server |application |site |http )?error"
    r"(?: has)?(?: occurred| occured| page)?"
    r"|something went wrong|(?:access |request )?forbidden|(?:access|permission) (?:is )?denied"
    r"|unauthori[sz]ed(?: access)?|bad request|bad gateway|gateway time-?out|request time-?out"
    r"|(?:service|server|site|page) (?:is )?(?:temporarily |currently )?unavailable"
    r"|(?:(?:(?:the |this |that )?" + _MISSING + r")(?: was| is| has been)? )?not found"
    r"|(?:the |this |that )?" + _MISSING + r" (?:cannot|can['’]t|could not|couldn['’]t)"
    r" be found|(?:the |this |that )?" + _MISSING + r" (?:does not|doesn['’]t|no longer)"
    r" exists?"
    r"|just a moment|attention required|please wait|checking your browser"
    r"|(?:security|human|robot|bot) (?:check|verification)(?: required)?|captcha"
    r"|are you (?:a )?(?:human|robot)|verify (?:that )?you are (?:a )?human"
    r"|(?:(?:you have|you['’]ve) been |request |access |web page |page )?(?:blocked|rejected)"
    r"|too many requests|rate limit(?:ed| exceeded)?|gone")
_ERROR_PART = re.compile(
    rf"(?:(?:oops|whoops|sorry|uh[- ]oh)[!,.]*\s*)?"
    rf"(?:{_CODE}(?:\s*[-:]?\s*(?:{_ERROR_WORDS}))?(?:\s*\((?:{_ERROR_WORDS})\))?(?: page)?"
    rf"|(?:{_ERROR_WORDS})(?:\s*[-:]?\s*\(?{_CODE}\)?(?:\s*\((?:{_ERROR_WORDS})\))?)?)",
    re.IGNORECASE)
_GOOGLE_TAIL = re.compile(r"!!1$")  # Google's error pages: "Error 404 (Not Found)!!1"
_DOWN_TITLE = re.compile(
    r"(?:(?:the |this |our )?(?:site|website|web site|page|service|server|system|we[’']re|"
    r"we are|it)(?: is| are)? )?(?:currently |temporarily |briefly )?"
    r"(?:(?:down|offline|closed) for |under(?:going)? |in )?(?:scheduled |planned )?"
    r"maintenance(?: mode| in progress)?"
    r"|(?:(?:the |this |our )?(?:site|website|web site|page|service|server|system|resource)"
    r"(?: is)? )?(?:currently |temporarily )?unavailable", re.IGNORECASE)
_CANONICAL = re.compile(r"<link\b[^>]{0,300}\brel\s*=\s*[\"']?canonical\b[^>]{0,300}>",
                        re.IGNORECASE)
_HREF = re.compile(r"\bhref\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<meta", b"<title")
MIN_PAGE_TEXT = 200  # characters of text a page that plainly read shows at least


class Unread(NamedTuple):
    """Why a page did not plainly read: ``kind`` names it (``no_page``, ``redirected``,
    ``bot_check``, ``sign_in``, ``error_page``, ``elsewhere``, ``no_markup``), ``reason``
    says what the page is and ``advice`` what to do (if anything); as text, the two
    (``joint`` between them)."""

    kind: str
    reason: str
    advice: str = ""
    joint: str = "; "

    def __str__(self) -> str:
        return f"{self.reason}{self.joint}{self.advice}" if self.advice else self.reason


def unread_page(doc: Document, page: str, *, has_ld: bool) -> Unread | None:
    """Why a page with no JobPosting did not plainly read, or None when it did (HTML, no
    login or error page, its own address, and text a reader sees): only then does its
    empty list close its postings. A page built by JavaScript, a proxy's or a sign-in page,
    a soft 404 ("Page not found" with HTTP 200), or a redirect to the home page (the fetch
    ended at another page, ``Document.final_url``, or the canonical link names one) lists
    nothing because it was not read. The same page with or without a trailing slash or
    ``www.``, over https or with another query, is the page itself (``_same_page``)."""
    head = doc.content[:1024].lstrip().lower()
    if "html" not in (doc.media_type or "") and not head.startswith(_HTML_START):
        return Unread("no_page", f"it is no web page ({doc.media_type or 'no content type'})")
    if doc.final_url and _same_page(urlsplit(doc.final_url)) != _same_page(urlsplit(doc.ref)):
        return Unread("redirected",
                      f"the server redirected {doc.ref} to {doc.final_url} (the jobs page "
                      "removed, as a rule, and its visitors sent to the home page, or the "
                      "page moved)", "give the new address in the config if the jobs are there")
    title = page_title(page)
    if bot_check(title, page):
        return Unread("bot_check",
                      f"it is a bot check{f' ({title!r})' if title else ''}, not the page: the "
                      "site blocks automated reading (it lets a browser through)",
                      BOT_CHECK_ADVICE)
    if _PASSWORD.search(page) or _LOGIN_TITLE.search(title):
        return Unread("sign_in", f"it reads as a sign-in page{f' ({title!r})' if title else ''}",
                      "is the page behind a login, or did it move?")
    if error_title(title):
        return Unread("error_page", f"it reads as an error page ({title!r})",
                      "try again later, or check the address")
    canonical = _CANONICAL.search(page)
    href = _HREF.search(canonical.group(0)) if canonical else None
    if href:
        own = urlsplit(doc.ref)
        named = urlsplit(urljoin(doc.ref, href.group(1)))
        if _same_page(named) != _same_page(own):
            return Unread("elsewhere",
                          f"it names {href.group(1)!r} as its address (a redirect to another "
                          "page, or a moved page)",
                          "give that address in the config if the jobs are there")
    if not has_ld and len(html_to_text(page).strip()) < MIN_PAGE_TEXT:
        return Unread("no_markup", "no JSON-LD, none in microdata, and next to no text",
                      "this source reads only pages that carry schema.org JobPosting (a page "
                      "built by JavaScript carries none until run in a browser); remove the "
                      "page or give the address of a single job's page", joint=": ")
    return None


# What a browser or a saving tool writes of the address a page was saved from: Chrome's
# "Webpage, Complete" (the Mark of the Web, ``<!-- saved from url=(0042)https://... -->``
# after the doctype; Chromium's FrameSerializer writes the second "-" of every "--" as
# "%2D"), SingleFile's opening comment ("Page saved with SingleFile" or "Archive
# processed by SingleFile", then "url: https://..."). Firefox's "Save Page As" and
# Chrome's "HTML Only" write none: the page's own canonical link or og:url is read then.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d{1,5}\)\s*(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE = re.compile(r"<!--\s*(?:page saved with|archive processed by) singlefile\b"
                         r"[^>]{0,200}?\burl:\s*(\S+)", re.IGNORECASE)
_OG_URL = re.compile(r"<meta\b[^>]{0,300}\bproperty\s*=\s*[\"']?og:url\b[^>]{0,300}>",
                     re.IGNORECASE)
_CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
SAVED_HEAD = 16 * 1024  # where a browser's mark is: before the <html> tag


def saved_page_address(page: str) -> str | None:
    """The web address a page saved from a browser was read from, or None when it records
    none: the browser's or SingleFile's mark first (the address the browser was at, as a
    seeker gives it in the config), else the page's canonical link, else its og:url. Only
    an absolute http(s) address counts (a page saved from a saved file names a file)."""
    head = page[:SAVED_HEAD]
    marked = _SAVED_FROM.search(head) or _SINGLEFILE.search(head)
    candidates = [marked.group(1).replace("-%2D", "--").replace("-%2d", "--")] if marked else []
    canonical = _CANONICAL.search(page)
    href = _HREF.search(canonical.group(0)) if canonical else None
    if href:
        candidates.append(href.group(1))
    og = _OG_URL.search(page)
    content = _CONTENT.search(og.group(0)) if og else None
    if content:
        candidates.append(next(g for g in content.groups() if g is not None))
    for candidate in candidates:
        address = html.unescape(candidate).strip()
        parts = urlsplit(address)
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            return address
    return None


def error_title(title: str) -> bool:
    """Whether a page's title is an error page's: the whole title or one part of it (parts
    split at " | ", " - ", "—", ": " ...) is an error's words, a 4xx/5xx number, or a
    maintenance notice, with nothing else."""
    for part in TITLE_PARTS.split(title):
        part = _GOOGLE_TAIL.sub("", part.strip()).strip(" .!…?:")
        if part and (_ERROR_PART.fullmatch(part) or _DOWN_TITLE.fullmatch(part)):
            return True
    return False


def _same_page(parts: SplitResult) -> tuple[str, str]:
    """What a canonical link or the address a fetch ended at must share with the page's
    address: the host (with or without ``www.``, as sites name themselves either way;
    written in Unicode or as the fetch writes it, punycode: "bücher.example" is
    "xn--bcher-kva.example"; its default port said or not) and the path (with or without
    a trailing slash or a last "index.html", percent-encoded or not: "/über" is
    "/%C3%BCber"); not the scheme or the query."""
    host = (parts.hostname or "").removeprefix("www.")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    try:
        port = parts.port
    except ValueError:  # (a port that is no number: the address as written)
        port = None
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    path = unquote(parts.path).rstrip("/")
    if path.endswith(_INDEX_FILES):
        path = path[:path.rindex("/")]
    return host, path


_INDEX_FILES = ("/index.html", "/index.htm", "/index.php")


