"""RSS and Atom job feeds (KDnuggets Jobs, NLP People, LinguistList...).

Parsed with ``feedparser``, which tolerates most broken feeds; a document
with no entries that feedparser flags as malformed is a ``ParseError``.
Entries are keyed on their ``guid``/``id``, else their link without its tracking
parameters (``without_tracking``): a link whose ``utm_campaign`` or ``fbclid`` changed daily
gave the job a new id, a new posting, every day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from mljobs.errors import ConfigError
from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting
from mljobs.normalize import html_to_text
from mljobs.places import read_places
from mljobs.sources.base import (
    BaseSource,
    Window,
    one_id_each,
    place_workplace,
    quote_start,
    short_hash,
)
from mljobs.sources.hn_format import text_places
from mljobs.sources.jsonld import without_tracking

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

# (the company's bracket may name a place with a comma: "at Acme (Berlin, Germany)")
_ROLE_AT = re.compile(r"^(?P<role>.+?)\s+(?:at|@)\s+(?P<company>[^,|]+|[^,|()]+\([^()]{2,80}\))$",
                      re.IGNORECASE)
_COMPANY_COLON = re.compile(r"^(?P<company>[^:]{2,60}):\s+(?P<role>.+)$")


@dataclass
class Feed(BaseSource):
    """RSS/Atom feeds of job postings.

    Args:
        urls: feed addresses.
        company_in_title: how titles name the company: ``auto`` ("Role at
            Company" or "Company: Role"), or ``none``.
    """

    name: ClassVar[str] = "feed"
    general: ClassVar[bool] = True
    urls: list[str] = field(default_factory=list)
    company_in_title: str = "auto"

    def __post_init__(self) -> None:
        # {feed: {link without tracking parameters, or as written: (open, id, guid)}}: the
        # items without a guid the store holds under their link as written, tracking
        # parameters and all (read_store)
        self._stored: dict[str, dict[str, tuple[bool, str, str]]] = {}
        # {feed: [the ids of one job's copies the store holds under its tracked links]}
        self._copies: dict[str, list[set[str]]] = {}

    def check(self) -> None:
        """``company_in_title`` is ``auto`` or ``none`` (anything else read as ``auto``)."""
        super().check()
        if self.company_in_title not in ("auto", "none"):
            raise ConfigError(f"company_in_title = {self.company_in_title!r}: use \"auto\" or "
                              "\"none\"")

    def units(self, window: Window) -> list[str]:
        """One unit per feed URL."""
        return list(dict.fromkeys(self.urls))

    def read_store(self, store: SQLiteStore, units: Iterable[str]) -> None:
        """The postings of ``units`` the store holds under a link with tracking parameters
        (``utm_*``, ``fbclid``...): before, an item without a guid was keyed on its link as
        written. An item whose link is theirs without those parameters goes on under the
        stored id (its own link's, else the open one of those the store holds the job
        under: each day's link gave one), so no sync adds a posting of a job a store
        written before holds."""
        self._stored, self._copies = {}, {}
        feeds = list(dict.fromkeys(units))
        if not feeds:
            return
        stored = store.statuses_by_extra(self.name, f"{self.name}:*", "guid")
        tracked: dict[tuple[str, str], list[str]] = {}  # {(feed, link): ids of its guids}
        for guid, ids in stored.items():
            link = without_tracking(guid)
            if link == guid:
                continue
            for feed in feeds:
                pid = f"{self.name}:{short_hash(feed, guid)}"
                if pid not in ids:
                    continue
                held = self._stored.setdefault(feed, {})
                pick = held[guid] = (ids[pid] == "open", pid, guid)
                if link not in held or pick > held[link]:
                    held[link] = pick
                tracked.setdefault((feed, link), []).append(pid)
        # a link held as written, with no tracking parameter, is its own item's (another
        # job's tracked link, cleaned, is the same text: that gave it the other job's id)
        for feed, held in self._stored.items():
            for link in [link for link in held if link in stored]:
                pid = f"{self.name}:{short_hash(feed, link)}"
                if pid in stored[link]:
                    held[link] = (stored[link][pid] == "open", pid, link)
        self._read_copies(store, tracked)

    def _read_copies(self, store: SQLiteStore, tracked: dict[tuple[str, str], list[str]]
                     ) -> None:
        """The copies of one job (its title, company and place the same) that the store
        holds under links that differ in their tracking alone (a day's ``utm_campaign``):
        a store written before the tracking-free key made one a day, each left open for
        good. Two jobs whose links differ in tracking alone (the careers page's) are two."""
        groups = [(feed, ids) for (feed, _), ids in tracked.items() if len(ids) > 1]
        postings = store.get_many([pid for _, ids in groups for pid in ids]) if groups else {}
        for feed, ids in groups:
            jobs: dict[tuple[str, str, tuple[str, ...]], set[str]] = {}
            for pid in ids:
                if (posting := postings.get(pid)) is not None:
                    jobs.setdefault((posting.title, posting.company or "",
                                     tuple(posting.locations)), set()).add(pid)
            self._copies.setdefault(feed, []).extend(
                copies for copies in jobs.values() if len(copies) > 1)

    def superseded(self, unit: str, listed: Iterable[str]) -> list[str]:
        """A store's earlier copies of a job the feed lists (``_read_copies``) other than
        the one it goes on under: closed (their history and rows kept), so the job is one
        open posting. A job the feed no longer lists keeps its copies as they are (a feed
        closes nothing)."""
        seen = set(listed)
        return sorted(pid for copies in self._copies.get(unit, []) if copies & seen
                      for pid in copies - seen)

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The feed document."""
        yield self.document(self.get(http, unit))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per feed entry."""
        import feedparser  # type: ignore[import-untyped]  # imported here: fast start-up

        parsed = feedparser.parse(doc.content)
        # entries without a guid that link to one page (the careers page) had one id, and
        # all but one were lost
        found = one_id_each([
            (raw, (raw.title, raw.company or "", str(entry.get("published") or "")))
            for entry in parsed.get("entries") or []
            if (raw := self._entry(entry, doc.ref)) is not None])
        if parsed.get("bozo") and not found and _markup(doc.content):
            reason = parsed.get("bozo_exception")
            raise self.fail(doc, f"malformed feed ({reason or 'unknown error'})")
        if not found and not parsed.get("version"):
            # a web page (the site's home or jobs page, an error page) read as a feed with
            # no entries: nothing, and no word of why
            raise self.fail(doc, f"not an RSS or Atom feed (it starts "
                            f"{quote_start(doc.content)}, {doc.media_type or 'no content type'}"
                            "); check the URL: a site's "
                            "feed is linked from its page as <link rel=\"alternate\" "
                            "type=\"application/rss+xml\">")
        yield from found

    def _entry(self, entry: Any, feed_ref: str) -> RawPosting | None:
        title = str(entry.get("title") or "").strip()
        link = entry.get("link")
        if not title or not (link or entry.get("id")):
            return None
        key = entry.get("id") or self._link_key(feed_ref, str(link))
        role, company = self._split_title(title)
        company, place = _company_place(company)
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        places, remote = ([place], place_workplace(place)) if place else \
            text_places(html_to_text(str(body))) if body else ([], None)
        return RawPosting(
            source=self.name,
            source_id=short_hash(feed_ref, str(key)),
            title=role,
            company=company or entry.get("author") or None,
            url=without_tracking(link) if link else None,
            locations=places,
            remote=remote,
            posted_at=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
            description_html=body or None,
            extra={"feed": feed_ref, "guid": str(key), "tags": tags},
        )

    def _link_key(self, feed_ref: str, link: str) -> str:
        """An item's key from its link: the link without tracking parameters, or the link
        as written a store holds the item under from before (``read_store``): this very
        link, else one that is the same without them (two jobs whose links differ in their
        ``utm_content`` alone keep their own ids)."""
        key = without_tracking(link)
        held = self._stored.get(feed_ref, {})
        stored = held.get(link) or held.get(key)
        return stored[2] if stored else key

    def _split_title(self, title: str) -> tuple[str, str | None]:
        if self.company_in_title == "none":
            return title, None
        for pattern in (_ROLE_AT, _COMPANY_COLON):
            match = pattern.match(title)
            if match:
                return match.group("role").strip(), match.group("company").strip()
        return title, None


# a title's company and the place after it: "Initech (Remote)", "Initech (Berlin, Germany)"
_COMPANY_PLACE = re.compile(r"^(?P<company>[^()]+?)\s*\((?P<place>[^()]{2,80})\)$")


def _company_place(company: str | None) -> tuple[str | None, str | None]:
    """A title's company and the place it names after it, in brackets ("ML Engineer at
    Initech (Remote)" stored the company "Initech (Remote)", no place, remote unknown); a
    bracket that names no place or work mode ("Acme (YC W23)") stays the company's."""
    match = _COMPANY_PLACE.match(company or "")
    if match is None:
        return company, None
    place = match.group("place").strip()
    if place_workplace(place) is None and not any(read_places([place])):
        return company, None
    return match.group("company").strip(), place


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _markup(content: bytes) -> bool:
    """Whether a body may be a feed cut or broken ("malformed feed"): XML, not a web page,
    JSON or plain text, which are no feed at all (a web page, a bot check's "Just a
    moment...", an API's JSON read as "malformed feed (<unknown>:1:0: syntax error)")."""
    head = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    return head.startswith(b"<") and not head.startswith((b"<!doctype html", b"<html"))
