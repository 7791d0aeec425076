"""``mljobs import``: files -> normalise -> enrich -> store, batch by batch.

Each batch of rows is written in one store transaction together with the raw
rows it came from, so a crash loses at most the batch in flight and a re-run
completes the import (upserts are idempotent). Bad rows are reported with
file, line and field; the good rows land. A Hacker News comment of a job seeker
("Who wants to be hired?" template, ``hn_format.seeker_comment``) is no posting, nor
one that says it is no job post (``hn_format.not_a_post``): each is left out and
counted apart; a stored one an older mljobs kept as a job is closed, as ``sync`` closes it
(``SQLiteStore.close_not_jobs``). With ``strict`` a file with any bad
row is rejected whole and nothing of it is written. A careers page saved from a browser
(``.html``) gives its schema.org JobPostings, stored with the page as their raw document
(``sources.saved_page``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mljobs.errors import InputError, RowError
from mljobs.models import Document, Posting, RawPosting, make_id, role_post
from mljobs.normalize import EARLIEST_POSTED, normalize
from mljobs.pipeline import keep_split_posts, split_posts, to_understand
from mljobs.sources import SOURCES
from mljobs.sources.files import Row, detect_format, read_bytes, read_rows, row_to_raw
from mljobs.sources.jsonld import JsonLd
from mljobs.sources.saved_page import MAX_PAGE_BYTES, read_saved_page
from mljobs.store import SQLiteStore, UpsertReport

BATCH_SIZE = 500
FUTURE_SLACK = timedelta(days=1)  # a posting dated up to a day ahead (another time zone) is fine

Enricher = Callable[[Sequence[Posting]], list[Posting]]
Progress = Callable[[int], None]


@dataclass
class FileReport:
    """The outcome of importing one file."""

    path: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    # rows stored without a part that could not be kept (pay no one is paid): what and why
    notes: list[RowError] = field(default_factory=list)
    seekers: int = 0  # Hacker News comments of job seekers, not postings: left out
    not_posts: int = 0  # Hacker News comments that say they are no job post: left out
    rejected: bool = False
    changed_ids: list[str] = field(default_factory=list)
    # posts stored whole (by ``--no-enrich``) now stored as their roles, as this import
    # stores a new one: the whole post is removed (``SQLiteStore.upsert``'s ``split``)
    replaced: int = 0
    # roles of the file's posts no longer in their post, closed (``SQLiteStore.upsert``)
    closed: int = 0
    # stored postings an older mljobs kept as jobs that the file's rows are read as no job
    # now (a seeker's comment, one that says it is no job post): closed, as ``sync`` does
    closed_not_jobs: int = 0

    @property
    def failed(self) -> int:
        return len(self.errors)


def _documents_for(batch: list[tuple[Posting, Document]]) -> list[Document]:
    """The batch's documents, each once (a saved page's postings share the page)."""
    return list({doc.ref: doc for _, doc in batch}.values())


def import_file(
    store: SQLiteStore,
    path: Path,
    *,
    now: datetime,
    fmt: str | None = None,
    strict: bool = False,
    default_source: str = "file",
    enricher: Enricher | None = None,
    on_progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    pages: JsonLd | None = None,
) -> FileReport:
    """Import one file into the store; return what happened.

    Args:
        store: the store to write to.
        path: a .jsonl, .json or .csv file, or a page saved from a browser (.html, .htm):
            its schema.org JobPostings, read as the careers-page source reads a page
            (``saved_page``).
        now: the time to record as first seen.
        fmt: force a format (jsonl, json, csv, html) instead of guessing from the extension.
        strict: reject the whole file if any row is bad.
        default_source: source name for generic rows that do not carry one.
        enricher: turns a batch of postings into enriched postings (or None).
        on_progress: called with the number of rows handled since the last call.
        batch_size: rows per transaction.
        pages: the careers-page reader a run's saved pages share (``import folder/``: the
            store's spellings of its pages are read whole once, not once a page).
    """
    report = FileReport(path=str(path))
    name = str(path)
    # (a name in another encoding holds lone surrogates, which SQLite cannot store)
    file_name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    pending: list[tuple[Posting, Document]] = []

    def flush() -> None:
        if not pending:
            return
        # (a posting the batch holds twice: the later row is stored, as a later import of it
        # would store it; two readings of one post split per role, matched to its stored roles
        # together, took each other's ids, and a role of the earlier one stayed open)
        rows = list({p.id: (p, doc) for p, doc in pending}.values())
        postings, split = _enrich_changed(store, [p for p, _ in rows], enricher)
        # (a closed post stored whole whose text changed, split now: its roles take its
        # closing, and open as the post read whole would; a seeker's comment made a job)
        edited = store.changed_while_closed([p for p, _ in rows if p.id in split])
        result: UpsertReport = store.upsert(
            postings, now=now, documents=_documents_for(rows), touch=False, split=split,
            all_roles=True, imported=True)
        if edited:
            store.reopen([p.id for p in postings if role_post(p.id) in edited], now)
        report.new += result.new
        report.updated += result.updated + result.reopened  # (closed, its text changed)
        report.unchanged += result.unchanged
        report.replaced += result.replaced
        report.closed += len(result.closed)
        # (and the clusters of the posts replaced by their roles: linked again)
        report.changed_ids.extend(result.ids + result.relink)
        pending.clear()

    page: Document | None = None
    rows: Iterable[tuple[int, Row | RowError | RawPosting, bytes]]
    # (a path that is no file is left to read_rows, which says so before the type)
    if fmt == "html" or (fmt is None and path.is_file() and detect_format(path) == "html"):
        page, raws = read_saved_page(path, read_bytes(path, MAX_PAGE_BYTES), now=now,
                                     store=store, source=pages)
        rows = [(number, raw, b"") for number, raw in enumerate(raws, 1)]
    else:
        rows = list(read_rows(path, fmt)) if strict else read_rows(path, fmt)
    good: list[tuple[Posting, Document]] = []
    not_jobs: dict[str, str] = {}  # {id: "seeker" or "not_a_post"}: ``close_not_jobs``
    for line, row, raw in rows:
        report.rows += 1
        notes: list[RowError] = []
        try:
            if isinstance(row, RowError):
                raise row
            raw_posting = row if isinstance(row, RawPosting) else row_to_raw(
                row, path=name, line=line, default_source=default_source, notes=notes)
            _check_not_future(raw_posting.posted_at, now, name, line)
            kind = SOURCES.get(raw_posting.source)  # (the source's own seeker test, as sync)
            seeker = kind is not None and kind.seeker(raw_posting)
            no_post = not seeker and kind is not None and kind.not_a_post(raw_posting)
            posting = None if seeker or no_post else normalize(raw_posting)
        except RowError as err:
            report.errors.append(err)
        else:
            report.notes.extend(notes)
            if posting is None:  # (a seeker's comment, or one that says it is no job post)
                if seeker:
                    report.seekers += 1
                else:
                    report.not_posts += 1
                not_jobs[make_id(raw_posting.source, raw_posting.source_id)] = \
                    "seeker" if seeker else "not_a_post"
            else:
                doc = page or Document(source=posting.source, ref=f"file:{file_name}:{line}",
                                       content=raw, media_type="application/json",
                                       fetched_at=now)
                item = (posting.model_copy(update={"raw_ref": doc.sha256}), doc)
                if strict:
                    good.append(item)
                else:
                    pending.append(item)
                    if len(pending) >= batch_size:
                        flush()
        if on_progress and not strict:
            on_progress(1)
    if strict:
        if report.errors:
            report.rejected = True
            return report
        for item in good:
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
            if on_progress:
                on_progress(1)
    flush()
    if not_jobs:  # (stored as jobs by an older mljobs: closed, as a sync closes them)
        gone, relink = store.close_not_jobs(not_jobs, now=now)
        report.closed_not_jobs += len(gone)
        report.changed_ids.extend(relink)
    if report.rows == 0:
        raise InputError(f"{path}: no rows found; {_why_no_rows(path, fmt)}")
    return report


def _why_no_rows(path: Path, fmt: str | None) -> str:
    """Why a file held no row: "is it empty?" was said of a CSV file of a header line, and
    of a JSONL file read with --format csv (its one line taken for the header)."""
    try:
        empty = path.stat().st_size == 0
    except OSError:
        empty = False
    if empty:
        return "the file is empty"
    kind = fmt or detect_format(path)
    if kind == "csv" and fmt == "csv":
        return ("read as CSV (--format csv), its first line is a header with no row under "
                "it: is it CSV? Leave --format out to read the file by its name")
    if kind == "csv":
        return "it holds a header line and no row under it"
    return "it holds an empty JSON list" if kind == "json" else "it holds only blank lines"


def _check_not_future(posted_at: datetime | None, now: datetime, path: str, line: int) -> None:
    """A posting date after tomorrow (time zones aside) is a typo: a row error naming it, since
    stored it would sort first by date and count as new in every "posted within" forever.
    One before 1991 (``normalize.EARLIEST_POSTED``; a time of 0 is 1970-01-01) is no posting
    date either: stored it would be dropped as no date, so the row says so instead."""
    if posted_at is not None and posted_at > now + FUTURE_SLACK:
        raise RowError(path, line, "posted_at",
                       f"{posted_at:%Y-%m-%d} is after today ({now:%Y-%m-%d}); "
                       "fix the date or leave it empty")
    if posted_at is not None and (posted_at if posted_at.tzinfo else
                                  posted_at.replace(tzinfo=UTC)) < EARLIEST_POSTED:
        raise RowError(path, line, "posted_at",
                       f"{posted_at:%Y-%m-%d} is before {EARLIEST_POSTED:%Y-%m-%d}, when no job "
                       "was posted on the web (a time of 0 reads as 1970); fix the date or "
                       "leave it empty")


def _enrich_changed(
    store: SQLiteStore, postings: list[Posting], enricher: Enricher | None
) -> tuple[list[Posting], list[str]]:
    """Enrich only postings that are new, whose content changed, or whose stored
    understanding is none or an older version's (``pipeline.to_understand``; with no
    enricher, keep posts stored per role as roles: ``pipeline.keep_split_posts``).

    The enricher may return more postings than it was given (a post that lists
    several roles becomes one posting per role, numbered by place: ``upsert``'s ``all_roles``
    stores each under the id of the stored role it is): the ids of the posts it split come
    second (``pipeline.split_posts``).
    """
    if enricher is None:
        return keep_split_posts(store, postings), []
    todo = to_understand(store, postings)
    if not todo:
        return postings, []
    done = {p.id for p in todo}
    understood = enricher(todo)
    return [p for p in postings if p.id not in done] + understood, split_posts(todo, understood)
