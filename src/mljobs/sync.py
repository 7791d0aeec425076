"""``mljobs sync``: fetch every configured source, store raw, parse, link, index.

Work is split into units (a board, a month of HN, a feed). Worker threads
fetch units concurrently through one polite ``HttpClient`` (per-host limits,
retries, conditional GET); the calling thread does every store write, in
this order for each unit:

1. the raw documents are stored (one transaction) - before any parsing;
2. each document is parsed; a failure is recorded with its source and
   document reference (``parse_failures``) and the run goes on;
3. postings are normalised, filtered (``--since``; the ML filter for
   general sources), enriched if new, changed or understood by an older version
   (``pipeline.to_understand``), and upserted;
4. if the unit was fetched and parsed completely, postings of its scope that
   were not seen are closed (``status=closed``, ``closed_at``; never deleted);
   a listing that lists nothing any more closes only the postings a sync listed
   (``synced_at``), not those only a file import stored (a careers page saved
   from a browser, whose jobs the served page builds by JavaScript); a unit
   that lists whole what ``BaseSource.listing`` names (a Hacker News thread)
   closes the stored postings of it whose post it no longer lists, roles too.

Then duplicates are linked across sources and the search index refreshed.
A SIGKILL at any point leaves whole transactions only; a re-run converges on
the store an uninterrupted run would have made (upserts are idempotent).
"""

from __future__ import annotations

import hashlib
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from mljobs.config import SourceEntry
from mljobs.dedupe import LinkReport, link_duplicates, post_key, settle_canonicals
from mljobs.errors import MljobsError
from mljobs.http import Cached, HttpClient, charset_of
from mljobs.mlfilter import MlFilter
from mljobs.models import Document, Posting
from mljobs.normalize import normalize
from mljobs.pipeline import (
    Enricher,
    keep_split_posts,
    split_posts,
    stored_forms,
    to_understand,
)
from mljobs.sources import BaseSource, Window
from mljobs.sources.base import EmptyListing, collect_left_out, collect_warnings
from mljobs.sources.jsonld import JsonLd, charset_unknown
from mljobs.store import SQLiteStore
from mljobs.store.sqlite import COPY

Progress = Callable[[str, int, int], None]


@dataclass
class SourceReport:
    """What a sync did for one configured source."""

    name: str
    type: str
    units: int = 0
    documents: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    # closed postings listed again (their text changed or not): open again, as their
    # history says ("reopened"); counted here, not as updated or unchanged
    reopened: int = 0
    closed: int = 0
    filtered: int = 0
    seekers: int = 0  # job seekers' posts (Hacker News, Reddit "[For Hire]"), not postings: left out
    not_posts: int = 0  # comments that say they are no job post (Hacker News): left out
    # of ``closed``: postings an older mljobs stored that are read as no job now (a job seeker's
    # comment, one that says it is no job post): closed so, their history kept
    closed_not_jobs: int = 0
    # posts stored whole (``--no-enrich``) now stored as their roles: the whole post removed
    replaced: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    # what a source warned of while reading a unit (a mail cut at its size cap): nothing
    # failed, the run went on; "[unit] message", as errors are named, in the units' order
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return self.failed == 0


@dataclass
class SyncReport:
    """The outcome of a whole run."""

    sources: list[SourceReport]
    links: LinkReport = field(default_factory=LinkReport)
    # the search index left as it was (``index.refresh_index``): another process writing it,
    # the next search bringing it up to date, or it cannot be opened; what is said of it
    # (``search.index_left_line``)
    index_left: str | None = None

    @property
    def ok(self) -> bool:
        """True when every source succeeded."""
        return all(s.ok for s in self.sources)


@dataclass
class SyncOptions:
    """How to run a sync.

    Args:
        workers: units fetched at once (per-host limits still apply).
        since: drop postings of general sources posted before this date;
            Hacker News syncs every month from it.
        ml_filter: the keyword filter for general sources (None: keep all).
        enricher: the understanding step for new or changed postings.
        link: link duplicates across sources after fetching; without, the postings
            written are left owed to the next run that links (``store.begin_linking``).
        refresh_index: bring the search index up to date at the end.
    """

    workers: int = 4
    since: date | None = None
    ml_filter: MlFilter | None = field(default_factory=MlFilter)
    enricher: Enricher | None = None
    link: bool = True
    refresh_index: bool = True


class SyncInterrupted(KeyboardInterrupt):
    """Ctrl-C during a sync: what was synced before it (``report``) and how many units were
    not (``left``; 0: every unit was, and the run was linking duplicates or updating the
    search index). Nothing stored is lost; ``mljobs sync`` again finishes the work."""

    def __init__(self, report: SyncReport, left: int) -> None:
        super().__init__(f"sync interrupted with {left} units not synced")
        self.report = report
        self.left = left


class StoreValidators:
    """Conditional-GET cache backed by the store (bodies are raw documents).

    Worker threads look up; the calling thread saves what responses taught us
    only after the bodies are stored, so a validator never points at a body
    the store does not have.
    """

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[str | None, str | None, str]] = {}
        self._reader: SQLiteStore | None = None

    def _read_store(self) -> SQLiteStore:
        # workers read through their own connection, never the writer's
        if self._reader is None:
            in_memory = self.store.path == ":memory:"
            self._reader = self.store if in_memory else SQLiteStore(self.store.path)
        return self._reader

    def close(self) -> None:
        """Close the reading connection (the store itself stays open)."""
        with self._lock:
            if self._reader is not None and self._reader is not self.store:
                self._reader.close()
            self._reader = None

    def remember(self, url: str, etag: str | None, last_modified: str | None,
                 body: bytes) -> None:
        """Hold the validators until the body is stored (see ``flush``)."""
        with self._lock:
            self._pending[url] = (etag, last_modified, hashlib.sha256(body).hexdigest())

    def flush(self, stored: set[str], *, now: datetime) -> None:
        """Save held validators whose bodies (by sha256) are now in the store."""
        with self._lock:
            ready = [(u, e, lm, sha) for u, (e, lm, sha) in self._pending.items()
                     if sha in stored]
            for url, *_ in ready:
                del self._pending[url]
            if ready:
                self.store.put_http_validators(ready, now=now)

    def lookup(self, url: str) -> Cached | None:
        """Validators and cached body of ``url``."""
        with self._lock:
            reader = self._read_store()
            found = reader.http_validator(url)
            if found is None:
                return None
            doc = reader.get_document(found[2])
        if doc is None or (doc.source == JsonLd.name
                           and charset_unknown(doc.content, doc.media_type)):
            return None  # (a careers page stored without the charset its answer named)
        # (the charset a careers page's answer named is in its document's media type)
        return Cached(found[0], found[1], doc.content, charset_of(doc.media_type))


@dataclass
class _Fetched:
    docs: list[Document]
    error: str | None
    warnings: list[str] = field(default_factory=list)


def _fetch(source: BaseSource, http: HttpClient, unit: str) -> _Fetched:
    docs: list[Document] = []
    with collect_warnings() as warnings:  # the source's ``warn``s, for the report
        try:
            docs.extend(source.fetch_unit(http, unit))  # keeps what came before an error
        except MljobsError as err:
            return _Fetched(docs, str(err), warnings)
        except Exception as err:  # noqa: BLE001  (a bug in one source must not stop the run)
            return _Fetched(docs, f"{source.name}: unexpected {type(err).__name__}: {err}",
                            warnings)
    return _Fetched(docs, None, warnings)


def run_sync(
    store: SQLiteStore,
    entries: Sequence[SourceEntry],
    *,
    http: HttpClient,
    now: datetime,
    options: SyncOptions | None = None,
    on_progress: Progress | None = None,
    on_index_wait: Callable[[str], None] | None = None,
) -> SyncReport:
    """Sync the given config entries into the store; return per-source counts.

    Args:
        store: where postings and raw documents go.
        entries: the configured sources to run.
        http: the shared client (its validators should be a ``StoreValidators``).
        now: the time of this run (first_seen, last_seen, closed_at).
        options: workers, filters, enricher.
        on_progress: called as ``(entry name, units done, units total)``.
        on_index_wait: told that the index update waits for another process that writes the
            index, as ``import`` says it (``refresh_index``'s ``on_wait``; it waited up to
            60 s with no word).
    """
    options = options or SyncOptions()
    window = Window(today=now.date(), since=options.since)
    reports = {e.name: SourceReport(e.name, e.type) for e in entries}
    jobs: list[tuple[SourceEntry, BaseSource, str]] = []
    # each entry's units by their place in ``jobs``: its errors are listed in that order
    orders: list[dict[str, int]] = []
    for entry in entries:
        source = entry.build()
        units = entry.units(source, window)
        source.read_store(store, units)  # (what its ids depend on: a page's stored spelling)
        reports[entry.name].units = len(units)
        orders.append({unit: len(jobs) + i for i, unit in enumerate(units)})
        jobs += [(entry, source, unit) for unit in units]
    # (a run that does not link still notes what it writes as owed, as a run stopped before
    # its linking pass does: the next run that links is given it; else its postings were
    # never a pass's changed ones, and no job that came later found their texts' links)
    owed = store.begin_linking()
    changed = owed if options.link else []
    earlier: _Earlier = {}  # postings under earlier id forms, read once a run (_UnitSync)
    done = dict.fromkeys(reports, 0)
    todo = iter(jobs)
    workers = max(1, options.workers)
    pool = ThreadPoolExecutor(max_workers=workers)
    inflight: dict[Future[_Fetched], tuple[SourceEntry, BaseSource, str]] = {}
    try:
        while True:
            # at most two units per worker are fetched ahead of the store writes,
            # so memory stays bounded when parsing is slower than fetching
            while len(inflight) < 2 * workers and (job := next(todo, None)):
                inflight[pool.submit(_fetch, job[1], http, job[2])] = job
            if not inflight:
                break
            finished, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for future in finished:
                entry, source, unit = inflight.pop(future)
                unit_sync = _UnitSync(store, http, source, reports[entry.name], now, options,
                                      window, earlier)
                kept, complete = unit_sync.read(unit, future.result())
                with _ctrl_c_after():  # a unit written is counted as synced, or neither
                    changed += unit_sync.write(unit, kept, complete)
                    done[entry.name] += 1
                if on_progress:
                    on_progress(entry.name, done[entry.name], reports[entry.name].units)
    except KeyboardInterrupt:
        # Ctrl-C: the units written so far stay (each in its own transaction; a unit being
        # written is rolled back whole); no unit is started, and the workers' requests are
        # not waited for (``with ThreadPoolExecutor`` waited for every one, retries and all)
        http.cancel()
        pool.shutdown(wait=False, cancel_futures=True)
        partial = SyncReport(list(reports.values()))
        left = len(jobs) - sum(done.values())
        raise SyncInterrupted(partial, left) from None
    pool.shutdown(wait=True)
    for entry, order in zip(entries, orders, strict=True):  # (not the order of the answers)
        for said in (reports[entry.name].errors, reports[entry.name].warnings):
            said.sort(key=lambda line: order.get(line[1:].partition("] ")[0], len(order)))
    report = SyncReport(list(reports.values()))
    try:
        if options.link:
            if changed:
                report.links = link_duplicates(store, changed)
            settle_canonicals(store)  # (a cluster's shown posting closed or reopened)
            store.end_linking()
        if options.refresh_index:
            from mljobs.index import refresh_index

            if (unindexed := refresh_index(store, on_wait=on_index_wait)) is not None:
                from mljobs.search import index_left_line

                report.index_left = index_left_line(unindexed)
    except KeyboardInterrupt:  # every unit is synced: the links and the index are owed
        raise SyncInterrupted(report, 0) from None
    return report


@contextmanager
def _ctrl_c_after() -> Iterator[None]:
    """Ctrl-C (or SIGTERM) in the block takes effect at its end (in the main thread; elsewhere no signal
    comes): the block is a few store writes and counts, kept together. A Ctrl-C between a
    unit's write and its count said the unit was not synced, though it was."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    # (SIGTERM too: the CLI stops a sync at it as at Ctrl-C, ``cli.app.sigterm_as_ctrl_c``)
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {number: signal.signal(number, lambda number, _frame: caught.append(number))
                for number in held}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if caught:
        first = caught[0]
        if callable(handled := previous[signal.Signals(first)]):
            handled(first, None)  # KeyboardInterrupt, as a rule
        else:
            signal.raise_signal(first)  # ignored, or the default: it ends the run


# (source, id pattern, extra key) -> extra value -> {id: status}: the postings stored under
# an earlier form of a source's ids (``BaseSource.earlier_ids``), read once in a run
_Earlier = dict[tuple[str, str, str], dict[str, dict[str, str]]]


class _UnitSync:
    """Store, parse and upsert the documents of one fetched unit."""

    def __init__(self, store: SQLiteStore, http: HttpClient, source: BaseSource,
                 report: SourceReport, now: datetime, options: SyncOptions,
                 window: Window, earlier: _Earlier) -> None:
        self.store = store
        self.http = http
        self.source = source
        self.report = report
        self.now = now
        self.options = options
        self.window = window
        self._said: set[str] = set()
        self._earlier_by_run = earlier  # (shared by the run's units: read once a run)
        # {id: status} of the unit's postings stored under an earlier id form (read())
        self._earlier: dict[str, str] = {}
        # a document of the unit listed nothing any more (``EmptyListing``, ``_parse``): it
        # closes only the postings a sync listed, not those only an import stored
        self._emptied = False
        # the posts the understanding step split per role (``_enrich``): one stored whole is
        # replaced by its roles as the unit is written
        self._split: list[str] = []
        # the ids of every posting the unit's documents list (seekers' comments and postings
        # the filters leave out too), and what they list whole (``BaseSource.listing``)
        self._listed: set[str] = set()
        self._listing: tuple[str, str] | None = None
        # {id: "seeker" or "not_a_post"} of the items the unit's documents hold that are no job
        # (left out): one an older mljobs stored as a job is closed so (``write``)
        self._not_jobs: dict[str, str] = {}
        # the jobs of the unit's documents left out unread (``BaseSource.postings``): the
        # unit was read in part and closes nothing
        self._left_out: list[str] = []

    def read(self, unit: str, fetched: _Fetched) -> tuple[list[Posting], bool]:
        """Store the unit's raw documents; parse, filter and enrich its postings. Returns
        them, and whether the unit was fetched and parsed completely."""
        complete = fetched.error is None
        if fetched.error:
            self._fail(f"[{unit}] {fetched.error}")
        first_warning = len(self.report.warnings)  # (where the unit's warnings begin)
        self.report.warnings += [f"[{unit}] {w}" for w in fetched.warnings]
        if fetched.docs:
            self.store.put_documents(fetched.docs)  # raw first, before any parsing
            self.report.documents += len(fetched.docs)
            if isinstance(self.http.validators, StoreValidators):
                self.http.validators.flush({d.sha256 for d in fetched.docs}, now=self.now)
        postings: list[Posting] = []
        self._earlier = self._earlier_postings(unit) if fetched.docs else {}
        read_whole = complete
        for doc in fetched.docs:
            parsed = self._parse(doc, unit)
            read_whole = read_whole and parsed is not None
            postings += parsed or []
        if read_whole and self._left_out:  # (``BaseSource.postings`` left a job out: read in
            # part, so nothing of it closes; said first of the unit's warnings, which the
            # summary shows ten of)
            complete = False
            count = len(self._left_out)
            self.report.warnings.insert(first_warning, (
                f"[{unit}] read in part: {count} job{'s' if count != 1 else ''} left out, so "
                f"nothing of it was closed (a job no longer listed closes at the next whole "
                f"read)"))
        complete = complete and read_whole
        # a posting two of the unit's pages give, the same in every field (new posts push
        # Reddit's listing down a page between two requests, Lever's too), is read once: its
        # second copy was counted "unchanged" by the sync that first stored it
        postings = list({(p.id, p.content_hash or p.compute_hash()): p for p in postings}.values())
        if self._earlier:
            postings = [self._as_earlier(p) for p in postings]
        self._listing = self.source.listing(fetched.docs) if complete else None
        return self._enrich(self._filter(postings)), complete

    def _earlier_postings(self, unit: str) -> dict[str, str]:
        pick = self.source.earlier_ids(unit)
        if pick is None or not self.source.scope(unit):
            return {}
        id_glob, key, value = pick
        return self._statuses(id_glob, key).get(value, {})

    def _statuses(self, id_glob: str, key: str) -> dict[str, dict[str, str]]:
        """``SQLiteStore.statuses_by_extra`` of the source's rows, read once a run (shared by
        the run's units), not once a unit."""
        found = self._earlier_by_run.get((self.source.name, id_glob, key))
        if found is None:
            found = self.store.statuses_by_extra(self.source.name, id_glob, key)
            self._earlier_by_run[(self.source.name, id_glob, key)] = found
        return found

    def _as_earlier(self, posting: Posting) -> Posting:
        """The posting under the id it is stored under from before the source's ids changed
        form, if it is: updated, reopened and closed under it, never stored twice."""
        key = self.source.earlier_id(posting.source_id)
        earlier = f"{self.source.name}:{key}" if key else None
        if earlier is None or earlier not in self._earlier:
            return posting
        return posting.model_copy(update={"id": earlier, "source_id": key})

    def _listed_before(self, unit: str) -> bool:
        """Whether a sync listed postings of the unit before: postings only a file import
        stored (a saved copy of a page built by JavaScript) do not make it a listing."""
        if self._earlier:
            return True
        scope = self.source.scope(unit)
        if not scope:
            return False
        return any(self.store.synced_prefix(prefix)
                   for prefix in [scope, *self.source.other_scopes(unit)])

    def write(self, unit: str, kept: list[Posting], complete: bool) -> list[str]:
        """Upsert the unit's postings and close what a complete unit no longer lists;
        return the ids of new or updated postings."""
        result = self.store.upsert(kept, now=self.now, touch=True, split=self._split,
                                   all_roles=True)
        self.report.new += result.new
        self.report.updated += result.updated
        self.report.unchanged += result.unchanged
        self.report.reopened += result.reopened
        self.report.replaced += result.replaced
        self.report.closed += len(result.closed)  # (roles no longer in their post)
        scope = self.source.scope(unit)
        # (a post's roles under the ids the store holds them by: upsert's ``renamed``)
        seen = {result.renamed.get(p.id, p.id) for p in kept}
        # a listing of nothing is no evidence against what no sync of it ever listed
        synced_only = self._emptied and not seen
        # close_missing scans the whole source; ask the primary key first whether
        # anything in this unit's scope is missing at all (usually nothing is)
        # (and the unit's other scopes: a careers page stored under two spellings)
        if complete and scope:
            for prefix in [scope, *self.source.other_scopes(unit, seen)]:
                if self.store.open_ids_with_prefix(prefix) - seen:
                    closed = self.store.close_missing(self.source.name, seen, scope=prefix,
                                                      now=self.now, synced_only=synced_only)
                    self.report.closed += len(closed)
        gone = sorted(pid for pid, status in self._earlier.items()
                      if status == "open" and pid not in seen)
        if complete and scope and gone:  # the unit's postings under an earlier id form
            self.report.closed += len(self.store.close_open(gone, now=self.now,
                                                            synced_only=synced_only))
        if complete and self._listing:
            self.report.closed += len(self._close_unlisted(*self._listing))
        copies = self.source.superseded(unit, seen) if complete else []
        if copies:  # (earlier copies of a job the unit lists: a feed's, each day's link's)
            self.report.closed += len(self.store.close_open(copies, now=self.now, fields=COPY))
        relink: list[str] = []
        if self._not_jobs:  # (read as no job: whatever else of the unit could be read)
            not_jobs, relink = self.store.close_not_jobs(self._not_jobs, now=self.now)
            self.report.closed += len(not_jobs)
            self.report.closed_not_jobs += len(not_jobs)
        return result.ids + result.relink + relink

    def _close_unlisted(self, key: str, value: str) -> list[str]:
        """Close the stored open postings whose ``extra[key]`` is ``value`` and whose post
        the unit's whole listing no longer lists (a Hacker News comment deleted, dead or
        flagged out of its thread): the post and its roles. A later listing reopens them."""
        stored = self._statuses(f"{self.source.name}:*", key)
        gone = [pid for pid, status in stored.get(value, {}).items()
                if status == "open" and post_key(pid, self.source.name) not in self._listed]
        return self.store.close_open(gone, now=self.now) if gone else []

    def _fail(self, message: str) -> None:
        # a paged source reads each page as it fetches (Lever, Reddit, HN's Algolia pages):
        # a page that cannot be read failed the fetch and then its parse, one error counted
        # and listed twice
        if message in self._said:
            return
        self._said.add(message)
        self.report.failed += 1
        self.report.errors.append(message)

    def _parse(self, doc: Document, unit: str) -> list[Posting] | None:
        try:
            with collect_warnings() as warnings, collect_left_out() as left_out:
                # (what a row of the document lost: jobspy's; a job left out of it)
                raws = list(self.source.parse(doc))
            self._left_out += left_out
            self._listed.update(f"{self.source.name}:{r.source_id}" for r in raws)
            self.report.warnings += [f"[{unit}] {w}" for w in warnings]
            kept = []
            for raw in raws:
                if self.source.seeker(raw):
                    self.report.seekers += 1
                    self._not_jobs[f"{self.source.name}:{raw.source_id}"] = "seeker"
                elif self.source.not_a_post(raw):
                    self.report.not_posts += 1
                    self._not_jobs[f"{self.source.name}:{raw.source_id}"] = "not_a_post"
                else:
                    kept.append(raw)
            raws = kept
            out = [normalize(r).model_copy(update={"raw_ref": doc.sha256}) for r in raws]
        except Exception as err:  # noqa: BLE001  (recorded; the run goes on)
            if isinstance(err, EmptyListing) and self._listed_before(unit):
                self._emptied = True
                return []  # a listing that gave postings lists none now: they close
            message = str(err) if isinstance(err, MljobsError) else \
                f"{self.source.name}: cannot parse {doc.ref}: {type(err).__name__}: {err}"
            self.store.record_failure(self.source.name, doc.ref, message, now=self.now,
                                      raw_sha256=doc.sha256)
            self._fail(f"[{unit}] {message}")  # as a fetch error is named
            return None
        return out

    def _filter(self, postings: list[Posting]) -> list[Posting]:
        """The postings of a general source within ``--since`` that the ML filter keeps, and
        those it would drop that the store holds (whole, or as roles ``<id>/r1``...: a post
        edited so that it no longer reads as ML work is stored as its new reading, and its
        roles no longer in it close). A posting before ``--since`` is not read at all."""
        if not self.source.general:
            return postings
        since = self.window.since
        ml = self.options.ml_filter
        kept = [p for p in postings
                if since is None or p.posted_at is None or p.posted_at.date() >= since]
        if ml is not None:
            dropped = [p.id for p in kept if not ml.accepts(p)]
            whole, split = stored_forms(self.store, dropped)
            drop = set(dropped) - whole - split
            kept = [p for p in kept if p.id not in drop]
        self.report.filtered += len(postings) - len(kept)
        return kept

    def _enrich(self, postings: list[Posting]) -> list[Posting]:
        enricher = self.options.enricher
        if enricher is None:
            return keep_split_posts(self.store, postings)
        if not postings:
            return postings
        todo = to_understand(self.store, postings)  # (new, changed, or understood by older)
        if not todo:
            return postings
        ids = {p.id for p in todo}
        understood = list(enricher(todo))
        self._split = split_posts(todo, understood)
        return [p for p in postings if p.id not in ids] + understood
