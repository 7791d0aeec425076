"""Stored hiring-thread postings' places read again when the header reader has changed.

A Hacker News posting's ``locations`` and ``remote`` are what ``sources.hn_format`` read in
its header when it was synced or imported, and so are a Reddit hiring thread's comment's
(``sources.reddit``: ``t/<id>`` units; a subreddit's posts are read from their titles, by
no header reader, and are not read again). When that reading changes (``hn_format.VERSION``), a store
would keep the older reading of every posting whose thread is not synced or imported
again: the demo's, and every past month's. ``reread_locations`` reads the header of each
again from the raw document the store kept for it (the thread page or comment a sync
fetched, the row a file import read: the same reading a re-import gives, without a
re-fetch; a Reddit thread's page) and writes those that changed, once per version: the store's ``meta``
records the version its postings were read with (``hn_header_version``). A role posting of
a split post (``<id>/r<n>``) gets its post's, as when it was stored.

Nothing else of a posting changes: its content hash is made anew (the next sync of its
thread finds it unchanged), its ``rev`` moves (the search indexes re-read its places) and
its history records a ``reread`` of the fields that changed. A posting whose raw document is gone
or no longer parses is left as it is.

Links are not made again: ``dedupe`` compares postings by company, title, text, URL and
date (``dedupe.features``; the title's place words by ``places.is_place``, not the posting's
``locations``) and reads neither ``locations`` nor ``remote``, so a re-read moves no link.
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError

from mljobs.models import Document, Posting, RawPosting, Remote

if TYPE_CHECKING:
    from mljobs.store.sqlite import SQLiteStore

log = logging.getLogger(__name__)

META_KEY = "hn_header_version"
SOURCE = "hackernews"
REDDIT = "reddit"  # its hiring threads' comments: the same header reader
SOURCES = (SOURCE, REDDIT)
FIELDS = ("locations", "remote")  # what the header reader gives that is read again


class _Read(NamedTuple):
    locations: tuple[str, ...]
    remote: str


def reread_locations(store: SQLiteStore, *, now: datetime,
                     on_start: Callable[[int], None] | None = None) -> int:
    """Read the locations and work mode of the store's Hacker News postings and Reddit thread
    comments again when the
    store's ``hn_header_version`` is older than ``hn_format.VERSION`` (or missing); return
    how many changed. A row whose stored data or raw document cannot be read is left as
    it is (the store still opens). A store a newer mljobs read (a higher version) is left as
    it is: its newer reading is not undone, nor the store marked as read by this older one.
    ``on_start`` is told how many postings are read again before they are (about 1 ms each:
    the CLI says so when that is more than a moment); not called when none is."""
    from mljobs.sources.hn_format import VERSION

    version = str(VERSION)
    if not _older(store.meta(META_KEY), VERSION):
        return 0
    rows: dict[str, list[tuple[str, str, _Read]]] = {}  # raw_ref -> its postings
    for pid, source_id, raw_ref, locations, remote in store.conn.execute(
            "SELECT id, source_id, raw_ref, json_extract(data, '$.locations'), remote"
            " FROM postings WHERE source IN (?, ?) AND raw_ref IS NOT NULL"
            " AND json_valid(data)", SOURCES):  # (a damaged row is left as it is)
        rows.setdefault(raw_ref, []).append(
            (pid, source_id, _Read(tuple(json.loads(locations or "[]")), remote)))
    if on_start is not None and rows:
        on_start(sum(len(postings) for postings in rows.values()))
    changed: list[tuple[str, str, _Read, _Read]] = []
    for raw_ref, postings in rows.items():
        try:
            doc = store.get_document(raw_ref)
        except (zlib.error, ValueError) as exc:  # (damaged: its postings are left as they are)
            log.warning("raw document %s: its postings keep their places: it "
                        "cannot be read (%s)", raw_ref, exc)
            doc = None
        read = _read(doc) if doc is not None else {}
        for pid, source_id, old in postings:
            new = read.get(source_id.split("/", 1)[0])
            if new is not None and new != old:
                changed.append((pid, raw_ref, old, new))
    with store.transaction() as conn:
        if not _older(store.meta(META_KEY), VERSION):  # (another process read them meanwhile)
            return 0
        rev = store.max_rev() + 1
        count = 0
        for change in changed:
            count += _write(store, *change, rev=rev + count, now=now)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (META_KEY, version))
    if count:
        log.info("read the places of %d Hacker News postings again (header reader %s)",
                 count, version)
    return count


def _older(stored: str | None, version: int) -> bool:
    """Whether a store's ``hn_header_version`` is that of an older reader than ``version``:
    none (an mljobs before it was kept), one that is no number, or a lower one."""
    try:
        return stored is None or int(stored) < version
    except ValueError:
        return True


def _read(doc: Document) -> dict[str, _Read]:
    """What the header reader reads now for each Hacker News post (or Reddit thread comment)
    of a raw document, by the post's item id; nothing for a document that no longer parses."""
    from mljobs.normalize import clean_locations, parse_remote

    try:
        return {raw.source_id: _Read(clean_locations(raw.locations), parse_remote(raw.remote).value)
                for raw in _raws(doc) if raw.source in SOURCES}
    except Exception as exc:  # noqa: BLE001 (its postings are left as they are)
        log.warning("%s: its postings keep their places: it cannot be read "
                    "again (%s: %s)", doc.ref, type(exc).__name__, exc)
        return {}


def _raws(doc: Document) -> Iterator[RawPosting]:
    """The postings of a raw document whose header is read: every posting of a fetched page,
    a Hacker News row of an imported file (``raw_postings``)."""
    file_row = doc.ref.startswith("file:")
    for raw in raw_postings(doc):
        if not file_row or raw.source == SOURCE:  # (only a Hacker News row's header is read)
            yield raw


def raw_postings(doc: Document, default_source: str = "file") -> Iterator[RawPosting]:
    """The postings of a raw document as its source or ``mljobs import`` reads them: the row
    of an imported file (``default_source``: the source the import gave a row that names
    none), the Hacker News postings of a fetched page, a Reddit thread's comments. Raises
    what its reader raises on a document that no longer parses."""
    from mljobs.sources.files import row_to_raw
    from mljobs.sources.hackernews import HackerNews
    from mljobs.sources.reddit import Reddit

    if doc.ref.startswith("file:"):  # (one row of an imported file: ``importer``)
        row = json.loads(doc.content)
        if isinstance(row, dict):
            yield row_to_raw(row, path=doc.ref, line=0, default_source=default_source)
        return
    if doc.source == REDDIT:  # (a thread's page: [post listing, comment listing])
        if isinstance(json.loads(doc.content), list):  # (a listing's posts: not header-read)
            yield from Reddit().parse(doc)
        return
    yield from HackerNews().parse(doc)


def _write(store: SQLiteStore, pid: str, raw_ref: str, old: _Read, new: _Read, *, rev: int,
           now: datetime) -> bool:
    """Store a posting's new places if it is still as it was read (its raw document and
    places); False when another write changed it meanwhile."""
    row = store.conn.execute("SELECT data, content_hash FROM postings WHERE id=? AND raw_ref=?",
                             (pid, raw_ref)).fetchone()
    if row is None:
        return False
    try:
        posting = Posting.model_validate_json(row[0])
    except ValidationError as exc:  # (no posting this mljobs reads: left as it is)
        log.warning("%s: its places are not read again: its stored data cannot be read (%s)",
                    pid, exc.errors()[0]["msg"] if exc.errors() else exc)
        return False
    if (posting.locations, posting.remote.value) != old:
        return False
    posting = posting.model_copy(update={"locations": new.locations, "remote": Remote(new.remote)})
    posting = posting.model_copy(update={"content_hash": posting.compute_hash()})
    from mljobs.store.sqlite import _POSTING_EXCLUDE  # (sqlite imports this module)

    store.conn.execute(
        "UPDATE postings SET data=?, content_hash=?, remote=?, rev=? WHERE id=?",
        (posting.model_dump_json(exclude=_POSTING_EXCLUDE), posting.content_hash, new.remote,
         rev, pid))
    fields = [name for name, was, now_ in zip(FIELDS, old, new, strict=True) if was != now_]
    store._log(pid, now.isoformat(), "reread", row[1], posting.content_hash, fields)
    return True


def read_post(store: SQLiteStore, raw_ref: str | None, source_id: str, source: str,
              read: dict[str, dict[str, RawPosting]]) -> Posting | None:
    """The posting ``source_id`` of the raw document ``raw_ref`` as the import or sync that
    stored it read it (``raw_postings``, ``normalize``, its ``raw_ref``): a post split per
    role, whose own text the store does not hold (``mljobs enrich --store`` reads it again as
    the import did). None when the document is gone, cannot be read, no longer parses or does
    not hold it (logged). ``read``: the documents read so far, by ``raw_ref`` (a thread's
    page holds many posts: it is read once)."""
    from mljobs.normalize import normalize

    if raw_ref is None:
        return None
    if raw_ref not in read:
        try:
            doc = store.get_document(raw_ref)
            read[raw_ref] = ({} if doc is None else
                             {raw.source_id: raw for raw in raw_postings(doc, source)})
        except Exception as exc:  # noqa: BLE001 (its postings are read as they are stored)
            log.warning("raw document %s cannot be read again (%s: %s)", raw_ref,
                        type(exc).__name__, exc)
            read[raw_ref] = {}
    raw = read[raw_ref].get(source_id)
    try:
        return None if raw is None else normalize(raw).model_copy(update={"raw_ref": raw_ref})
    except Exception as exc:  # noqa: BLE001 (as a document that no longer parses)
        log.warning("%s of raw document %s cannot be read again (%s: %s)", source_id, raw_ref,
                    type(exc).__name__, exc)
        return None
