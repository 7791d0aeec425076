"""Hacker News "Ask HN: Who is hiring?" threads, through Algolia and Firebase.

A unit is a month (``2026-01``) or a thread (``thread-46466074``). For a
month the thread is found with Algolia's ``search`` over the stories of user
``whoishiring``. Its top-level comments are then read with one of three
``api`` settings: ``algolia`` (default: ``/items/<id>``, the whole comment
tree in one request), ``algolia-search`` (``search_by_date`` with
``tags=comment,story_<id>``, 1,000 hits a page; Algolia caps how deep one
can page, so very busy threads may be cut short) or ``firebase`` (the
thread's ``kids``, one request per comment: slow, but the source of truth). Deleted and dead items are skipped
(sync closes a stored post that a thread read whole no longer lists: ``listing``); the ``Company | Role |
Location | ...`` header is read by ``hn_format``. Comments of job seekers in the
"Who wants to be hired?" template, and comments that say they are no job post ("Not a
job. I'm exploring ..."), are no postings: sync leaves them out and counts each kind apart
(``seeker``, ``not_a_post``). Any month back to April
2011 can be synced, so the history is there for trend analysis.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from mljobs.errors import ConfigError, FetchError
from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting
from mljobs.sources.base import BaseSource, Window
from mljobs.sources.hn_format import hn_item_to_raw, not_a_post, seeker_comment

FIRST_MONTH = date(2011, 4, 1)
APIS = ("algolia", "algolia-search", "firebase")
_TITLE = re.compile(r"^Ask HN: Who is hiring\?\s*\((\w+)\s+(\d{4})\)", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def month_range(start: date, end: date) -> list[str]:
    """``YYYY-MM`` strings from ``start``'s month to ``end``'s month, inclusive."""
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def thread_month(title: str) -> str | None:
    """``YYYY-MM`` of a "Who is hiring?" thread title, or None for other stories."""
    match = _TITLE.match(title.strip())
    if not match:
        return None
    names = {n.lower(): i for i, n in enumerate(calendar.month_name) if n}
    number = names.get(match.group(1).lower())
    return f"{match.group(2)}-{number:02d}" if number else None


@dataclass
class HackerNews(BaseSource):
    """Monthly "Who is hiring?" threads.

    Args:
        months: months to sync (``YYYY-MM``); default: this month and the last.
        since: sync every month from this one (``YYYY-MM``) to today.
        threads: thread item ids to sync directly.
        api: ``algolia`` (one request a thread), ``algolia-search`` or ``firebase``.
        algolia_url: Algolia HN API root; tests point it at 127.0.0.1.
        firebase_url: Firebase HN API root.
    """

    name: ClassVar[str] = "hackernews"
    general: ClassVar[bool] = True
    months: list[str] = field(default_factory=list)
    since: str | None = None
    threads: list[int] = field(default_factory=list)
    api: str = "algolia"
    algolia_url: str = "https://hn.algolia.com/api/v1"
    firebase_url: str = "https://hacker-news.firebaseio.com/v0"

    def __post_init__(self) -> None:
        # this month (``YYYY-MM``), as the window ``units`` was given says (the clock passed
        # in): its thread may not be up yet, so a search that finds none is no error; any
        # other month's is. None until ``units`` runs: then no month is taken for this one
        # (before, a month fetched without ``units`` never failed, silently)
        self.this_month: str | None = None

    def check(self) -> None:
        """``api``, ``months`` and ``since`` as written, when the config is read: checked
        only as a sync listed its units, a month "2026-13" stopped the sync of every source
        with no word of the file or the source it was in."""
        super().check()
        if self.api not in APIS:
            raise ConfigError(f"api = {self.api!r}: use one of {', '.join(APIS)}")
        for month in self.months:
            if not _MONTH.match(month) or not 1 <= int(month[5:]) <= 12:
                raise ConfigError(f"month {month!r} is not YYYY-MM (e.g. 2026-01)")
        _start(self.since)

    def units(self, window: Window) -> list[str]:
        """Threads given, else months (settings, ``since``, or the last two); sets
        ``this_month`` for ``fetch_unit``."""
        self.check()
        units = [f"thread-{t}" for t in self.threads]
        last = f"{window.today:%Y-%m}"
        for month in self.months:
            if not f"{FIRST_MONTH:%Y-%m}" <= month <= last:  # found no thread, and said nothing
                raise ConfigError(f"month {month!r}: the \"Who is hiring?\" "
                                  f"threads run from {FIRST_MONTH:%Y-%m} to this month ({last})")
        self.this_month = last
        start = _start(self.since) or window.since
        if start:
            units += month_range(max(start, FIRST_MONTH), window.today)
        units += self.months
        if not units:
            prev = date(window.today.year - (window.today.month == 1),
                        (window.today.month - 2) % 12 + 1, 1)
            units = month_range(prev, window.today)
        return list(dict.fromkeys(units))

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The comments of one thread (found first when the unit is a month)."""
        thread = int(unit.removeprefix("thread-")) if unit.startswith("thread-") \
            else self._find_thread(http, unit)
        if thread is None:
            if unit != self.this_month:  # this month's thread may not be up yet
                year, number = int(unit[:4]), int(unit[5:])
                raise FetchError(self.name, unit, "the Algolia search found no \"Ask HN: Who is "
                                 f"hiring? ({calendar.month_name[number]} {year})\" thread; "
                                 "try again later, or give the thread's item id as "
                                 "threads = [ID]")
            return
        if self.api == "firebase":
            yield from self._firebase(http, thread)
        elif self.api == "algolia-search":
            yield from self._algolia(http, thread)
        else:
            url = f"{self.algolia_url.rstrip('/')}/items/{thread}"
            yield self.document(self.get(http, url))

    def _find_thread(self, http: HttpClient, month: str) -> int | None:
        year, number = int(month[:4]), int(month[5:])
        query = f"Ask HN: Who is hiring? ({calendar.month_name[number]} {year})"
        resp = self.get(http, f"{self.algolia_url.rstrip('/')}/search",
                        tags="story,author_whoishiring", query=query, hitsPerPage=20)
        hits = self.load_object(self.document(resp)).get("hits") or []
        for hit in hits:
            if isinstance(hit, dict) and thread_month(str(hit.get("title") or "")) == month:
                return int(hit["objectID"])
        return None

    def _algolia(self, http: HttpClient, thread: int) -> Iterator[Document]:
        url = f"{self.algolia_url.rstrip('/')}/search_by_date"
        page = 0
        while True:
            resp = self.get(http, url, tags=f"comment,story_{thread}", hitsPerPage=1000,
                            page=page)
            doc = self.document(resp)
            yield doc
            pages = self.load_object(doc).get("nbPages") or 0
            page += 1
            if page >= int(pages):
                return

    def _firebase(self, http: HttpClient, thread: int) -> Iterator[Document]:
        root = self.firebase_url.rstrip("/")
        story = self.document(self.get(http, f"{root}/item/{thread}.json"))
        yield story
        for kid in self.load_object(story).get("kids") or []:
            yield self.document(self.get(http, f"{root}/item/{int(kid)}.json"))

    def listing(self, docs: Sequence[Document]) -> tuple[str, str] | None:
        """``("thread_id", <thread>)`` when ``docs`` hold a thread's top-level comments
        whole: the ``algolia`` tree, a Firebase story and one item for each of its ``kids``,
        or ``algolia-search`` pages that gave all ``nbHits`` hits (Algolia's paging cap cuts a
        busy thread short: that is no whole listing). A thread listed with no comment at all
        is taken for an answer of another shape, not a whole listing (a real thread does not
        lose every comment). Sync closes the thread's stored posts it does not list."""
        if not docs:
            return None
        first = self.load_object(docs[0])
        if self.api == "algolia":
            whole = len(docs) == 1 and bool(first.get("children")) \
                and isinstance(first["children"], list)
            return ("thread_id", str(first.get("id"))) if whole else None
        if self.api == "firebase":
            kids = first.get("kids") or []
            whole = first.get("type") == "story" and bool(kids) and len(docs) == 1 + len(kids)
            return ("thread_id", str(first.get("id"))) if whole else None
        hits = [hit for doc in docs for hit in self.load_object(doc).get("hits") or []]
        story = {hit.get("story_id") for hit in hits if isinstance(hit, dict)}
        total = first.get("nbHits")
        if len(story) != 1 or not isinstance(total, int) or len(hits) < total:
            return None
        return "thread_id", str(story.pop())

    @staticmethod
    def seeker(raw: RawPosting) -> bool:
        """A comment in the "Who wants to be hired?" template (``hn_format.seeker_comment``)."""
        return seeker_comment(raw.description_text or "")

    @staticmethod
    def not_a_post(raw: RawPosting) -> bool:
        """A comment that says it is no job post (``hn_format.not_a_post``: "Not a job. I'm
        exploring ...", "Not hiring, but ...")."""
        return not_a_post(raw.description_text or "")

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """Top-level comments of an Algolia page, or one Firebase comment item."""
        data = self.load_json(doc)
        if not isinstance(data, dict):
            raise self.fail(doc, "expected a JSON object (Algolia page or Firebase item)")
        if "hits" in data:
            yield from self._parse_hits(data["hits"])
        elif isinstance(data.get("children"), list):
            yield from self._parse_tree(data)
        elif data.get("type") == "comment":
            raw = hn_item_to_raw(data, thread_id=data.get("parent"))
            if raw is not None:
                yield raw
        elif "type" not in data and "children" not in data and data:
            raise self.fail(doc, "neither an Algolia page ('hits') nor an HN item ('type')")

    def _parse_tree(self, story: dict[str, Any]) -> Iterator[RawPosting]:
        """Top-level children of an Algolia ``/items/<id>`` tree."""
        for child in story["children"]:
            if not isinstance(child, dict) or child.get("type") != "comment":
                continue
            item = {"id": child.get("id"), "text": child.get("text"),
                    "time": child.get("created_at_i"), "by": child.get("author"),
                    "parent": child.get("parent_id"), "deleted": child.get("author") is None}
            raw = hn_item_to_raw(item, thread_id=story.get("id"))
            if raw is not None:
                yield raw

    def _parse_hits(self, hits: Any) -> Iterator[RawPosting]:
        if not isinstance(hits, list):
            return
        for hit in hits:
            if not isinstance(hit, dict) or hit.get("parent_id") != hit.get("story_id"):
                continue
            item = {"id": hit.get("objectID"), "text": hit.get("comment_text"),
                    "time": hit.get("created_at_i"), "by": hit.get("author"),
                    "parent": hit.get("story_id"), "deleted": hit.get("deleted"),
                    "dead": hit.get("dead")}
            raw = hn_item_to_raw(item, thread_id=hit.get("story_id"))
            if raw is not None:
                yield raw


def _start(value: str | None) -> date | None:
    if not value:
        return None
    if not _MONTH.match(value) or not 1 <= int(value[5:]) <= 12:
        raise ConfigError(f"since = {value!r} is not YYYY-MM (e.g. 2011-04)")
    return date(int(value[:4]), int(value[5:]), 1)
