"""The SQLite posting store: postings, raw documents, change log.

Every write method runs in one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``):
if anything fails, or the process dies, the batch leaves no trace.
"""

from __future__ import annotations

import bisect
import json
import logging
import os
import shlex
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from pydantic import ValidationError

from mljobs.errors import StoreError, clip, os_reason
from mljobs.models import (
    HASHED_FIELDS,
    Document,
    Enrichment,
    Posting,
    Status,
    is_older_version,
    is_split_source,
    role_id,
    role_number,
    role_post,
)
from mljobs.store.migrations import SCHEMA_VERSION, migrate
from mljobs.store.reread import reread_locations

log = logging.getLogger(__name__)

_POSTING_EXCLUDE = {"enrichment"}
_COLUMNS = "data, enrichment, first_seen, last_seen, status, closed_at, canonical_id"


@dataclass
class UpsertReport:
    """What one batch did to the store."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    # closed postings listed again (``touch``), changed or not: open again, not "updated"
    reopened: int = 0
    ids: list[str] = field(default_factory=list)
    # of the unchanged: those whose stored understanding was none or an older version's,
    # given the batch's newer one (``upsert``)
    understood_again: int = 0
    # posts stored whole that the batch holds as their roles now, replaced by them (the
    # ``split`` of ``upsert``), and the postings of their duplicate clusters: to link again
    replaced: int = 0
    relink: list[str] = field(default_factory=list)
    # roles of the batch's posts that are no longer in their post (``upsert``'s
    # ``all_roles``), closed; their clusters are among ``relink``
    closed: list[str] = field(default_factory=list)
    # roles of the batch's posts stored under another number than their place in the post's
    # reading (``upsert``'s ``all_roles``: the stored role each is), {given id: stored id}
    renamed: dict[str, str] = field(default_factory=dict)

    def add(self, other: UpsertReport) -> None:
        """Add another report's counts to this one."""
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.reopened += other.reopened
        self.ids.extend(other.ids)
        self.understood_again += other.understood_again
        self.replaced += other.replaced
        self.relink.extend(other.relink)
        self.closed.extend(other.closed)
        self.renamed.update(other.renamed)


@dataclass(frozen=True)
class Change:
    """One entry of a posting's change log."""

    changed_at: str
    kind: str
    old_hash: str | None
    new_hash: str | None
    fields: list[str]


_OWN_TABLES = frozenset({"meta", "postings", "raw_documents"})  # made by migration 1


def foreign_reason(path: str | Path) -> str | None:
    """Why ``path`` is no mljobs store (a file that is not SQLite, or another program's
    database), or None when it may be one (empty, ours, or damaged or newer: kept as ours).
    Only reads: nothing is migrated, switched to WAL or locked, so a store about to be
    replaced is not written first."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return None  # the caller's own open says what is wrong
    if not head:
        return None
    if head != b"SQLite format 3\x00":
        return (f"{path} is not a SQLite file, so not an mljobs store; it was left unchanged. "
                "Pass --db with a new file name to make a store.")
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = _tables(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None  # damaged (or unreadable): replacing it is the way out
    if not tables or _OWN_TABLES & tables.keys():
        return None
    return _another_program(path, tables)


def empty_store(path: str | Path, timeout: float = 10.0) -> None:
    """Empty the store at ``path`` in place (no table, no row, schema version 0), for a store
    to be built anew in it (``mljobs demo --replace``), once no other program holds it open
    or its write lock (waiting at most ``timeout`` seconds, as long as a store waits), else
    raise a ``StoreError`` saying which: a store replaced under a program would lose what
    that program writes, a sync's next write as much as the one in progress (a sync holds
    the store open while it fetches, between its writes, holding no lock then; a store in
    WAL mode, as mljobs keeps it, is told open by the read lock every connection holds on
    it).

    The check and the emptying are one hold of the file's exclusive lock, and the file is
    not deleted: a program that opens the store after the check (its connection made, no
    lock held yet) waits for the lock, then finds the emptied store, where what it writes
    is kept; deleted, the store it had opened was the old file, and its writes were lost. A
    file that SQLite cannot lock or empty for another reason (damaged, read-only) is
    deleted, with its ``-wal`` and ``-shm`` files (what replaces it is no worse); with no
    file at ``path``, a ``-wal`` file left there is (it would be read into the new store)."""
    if Path(path).exists():
        try:
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error:
            pass
        else:
            try:
                if _alone(conn, str(path)) and _emptied(conn):
                    return
            finally:
                conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def remove_unfilled(path: str | Path, timeout: float = 1.0,
                    tables: tuple[str, ...] = ("postings",)) -> bool:
    """Remove the store at ``path``, with its ``-wal`` and ``-shm`` files, when it holds no
    posting (no row in any of ``tables``) and no other program has it open (a store a
    command made and put nothing in); True when removed. A store another program holds open (a sync or an import started
    into the same new path) or wrote a posting to is kept: deleted, what that program
    writes next would go to the removed file and be lost without a word. The check and the
    removal are one hold of the file's exclusive lock (``_alone``), taken out of WAL mode
    first so that closing the connection deletes no ``-wal`` file by name (a store made at
    ``path`` after the removal is another's). Left: a program whose connection is made in
    the moment between the lock and the removal waits for the lock, then opens the removed
    file."""
    if not Path(path).exists():
        return False
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        try:
            if not _alone(conn, str(path)):
                return False
            conn.execute("ROLLBACK")  # (the exclusive lock stays: locking_mode=EXCLUSIVE)
            conn.execute("PRAGMA journal_mode=DELETE")
            if any(conn.execute(f"SELECT EXISTS(SELECT 1 FROM {table})").fetchone()[0]
                   for table in tables):  # (our own table names)
                return False
        except (StoreError, sqlite3.DatabaseError):
            return False
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return True
    finally:
        conn.close()


def _alone(conn: sqlite3.Connection, path: str) -> bool:
    """Take the exclusive lock of the store ``conn`` has open, held until it is closed: True
    once held, a ``StoreError`` while another program writes the store or holds it open,
    False when the file cannot be locked as SQLite for another reason."""
    try:
        conn.execute("BEGIN IMMEDIATE")  # a writer: wait for it, as a store waits
        conn.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise _busy_error(path) from exc
        return False
    # no connection but this one: an exclusive lock (in WAL mode, every open connection
    # keeps a read lock on the shared-memory file that this one needs to go without), kept
    # after the transaction (locking_mode=EXCLUSIVE) until the connection is closed
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise StoreError(
                f"the store at {path} is open in another program (an mljobs sync, import, "
                "serve or demo still running): it is not replaced under it, where what "
                "that program writes next would be lost. Stop it, or wait until it is "
                "done, and run this again") from exc
        return False
    return True


def _emptied(conn: sqlite3.Connection) -> bool:
    """Drop every table, view and trigger of the database ``conn`` holds alone (in its open
    transaction), set its schema version to 0 and give the space back; False when it cannot
    be read or written (damaged, read-only): nothing is changed then."""
    try:
        found = conn.execute("SELECT type, name FROM sqlite_schema WHERE type IN "
                             "('trigger', 'view', 'table') AND name NOT LIKE 'sqlite_%'"
                             ).fetchall()
        for kind, name in sorted(found, key=lambda row: row[0] == "table"):  # tables last
            quoted = str(name).replace('"', '""')
            conn.execute(f'DROP {str(kind).upper()} IF EXISTS "{quoted}"')
        conn.execute("PRAGMA user_version = 0")
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    except sqlite3.DatabaseError:
        return False  # (what the transaction dropped is rolled back as the caller closes it)
    return True


def _tables(conn: sqlite3.Connection) -> dict[str, str]:
    """The tables and views of a SQLite database (not SQLite's own), each name's type. (A
    file that holds only views is another program's, not an empty one to make a store of.)"""
    rows = conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                        "AND name NOT LIKE 'sqlite_%'").fetchall()
    return {str(name): str(kind) for name, kind in rows}


def _another_program(path: str | Path, tables: dict[str, str]) -> str:
    """What to say of ``path``, a SQLite database of another program with ``tables``."""
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    kinds = set(tables.values())
    label = "tables and views" if len(kinds) > 1 else f"{kinds.pop()}s"
    return (f"{path} is a SQLite database of another program ({label}: {shown}), not an mljobs "
            "store; it was left unchanged. Pass --db with a new file name to make a store.")


def _refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """Raise ``StoreError`` when ``path`` is a SQLite database of another program: it has
    tables or views, and either no schema version (an mljobs store has one as soon as it has
    tables) or not the tables of an mljobs store. Migrating it would add our tables to that
    program's file (and switch its journal mode)."""
    tables = _tables(conn)
    if not tables:
        return  # a new (or empty) file: made into a store
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version and _OWN_TABLES <= tables.keys():
        return
    if version > SCHEMA_VERSION and _OWN_TABLES & tables.keys():
        return  # a newer mljobs's, that may have renamed a table: migrate says "upgrade mljobs"
    if _OWN_TABLES <= tables.keys():  # version 0: `sqlite3 .dump` does not write user_version
        version = _dumped_version(conn, set(tables))
        conn.close()
        raise StoreError(
            f"{path} holds the mljobs tables but no schema version (PRAGMA user_version is 0; "
            "a copy made with `sqlite3 .dump` drops it); it was left unchanged. Set it with: "
            f"sqlite3 {shlex.quote(path)} 'PRAGMA user_version={version}'"
        )
    conn.close()
    raise StoreError(_another_program(path, tables))


def _dumped_version(conn: sqlite3.Connection, tables: set[str]) -> int:
    """The schema version of a store whose ``PRAGMA user_version`` a dump dropped, by what
    the migrations made: the table ``unsettled`` (6), ``text_links`` (5), the index
    ``postings_enrichment_version`` (4), ``postings.synced_at`` (3), ``http_cache`` (2)."""
    columns = {str(r[1]) for r in conn.execute("PRAGMA table_info(postings)")}
    if "synced_at" not in columns:
        return 2 if "http_cache" in tables else 1
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='index' AND "
                        "name='postings_enrichment_version'").fetchone():
        return 3
    if "unsettled" in tables:
        return 6
    return 5 if "text_links" in tables else 4


def _busy(exc: sqlite3.DatabaseError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _busy_error(path: str) -> StoreError:
    return StoreError(
        f"the store at {path} is busy: another program (another mljobs sync, import or "
        "enrich) has held its write lock for 10 s; what was written before is kept. Run this "
        "again when it is done"
    )


# What SQLite says of a file whose pages it cannot read (a disk fault, a copy cut short or
# written over part way): "database disk image is malformed", or text that is not UTF-8
# where a posting's JSON was
_DAMAGED = ("malformed", "could not decode to utf-8")


def damaged_error(path: str | Path, exc: sqlite3.DatabaseError) -> StoreError | None:
    """The ``StoreError`` for a store that SQLite found damaged as it read or wrote it
    (``exc``), naming it and what can be done; None for any other error."""
    if not any(mark in str(exc).lower() for mark in _DAMAGED):
        return None
    shown = shlex.quote(str(path))
    return StoreError(
        f"the store at {path} is damaged: SQLite cannot read part of it "
        f"({clip(str(exc).splitlines()[0], 80)}). mljobs cannot mend it: restore the file "
        f"from a backup, or make a store anew at another --db (`mljobs --db NEW import "
        f"FILE...`, `mljobs demo --db NEW`, or `sync`); `sqlite3 {shown} .recover` may save "
        "some of what it holds"
    )


def _read_only(path: str, exc: sqlite3.DatabaseError) -> bool:
    """True when opening the store failed because it, or its folder (where SQLite makes the
    -wal and -shm files), cannot be written."""
    if "readonly" in str(exc):
        return True
    if path == ":memory:":
        return False
    file = Path(path)
    if file.exists() and not os.access(file, os.W_OK):
        return True
    return file.parent.is_dir() and not os.access(file.parent, os.W_OK | os.X_OK)


def _iso(value: datetime) -> str:
    return value.isoformat()


def _renamed(role: Posting, new_id: str) -> Posting:
    """A role posting under another number of its post (its source id too)."""
    number = role_number(new_id) or 0
    return role.model_copy(update={
        "id": new_id, "source_id": role_id(role_post(role.source_id) or role.source_id, number)})


_LINK_MARK = "unlinked_after_rev"  # meta: postings after this rev are not linked yet
_TEXT_LINKS_MARK = "text_links_filled"  # meta: text_links holds every posting's (migration 5)
# meta: the revision of the latest removal of a posting (``removed_rev``)
_REMOVED_REV = "removed_at_rev"
# the fields of the "closed" entry of a role closed because its post no longer holds it
_LEFT_POST = ["status", "post"]
# the fields of the "closed" entry of a posting a sync or an import now reads as no job
# (``close_not_jobs``): a job seeker's comment, or one that says it is no job post, that an
# older mljobs stored
NOT_JOBS = {"seeker": ["status", "seeker"], "not_a_post": ["status", "not a job post"]}
# the fields of the "closed" entry of an earlier copy of a job its source lists under another
# id (``BaseSource.superseded``: a feed's daily copies a store written before holds)
COPY = ["status", "copy"]
# the fields of the "reopened" entry of a closed posting an import stored with another text
# (``upsert``'s ``imported``, ``reopen``): no source listed it again, a file held it
IMPORTED = ["status", "imported"]
# the fields of a posting's last change of status (its last "closed" or "reopened" entry; an
# "updated" one of ``upsert``'s ``reread`` leaves the status as it was): ``_LEFT_POST`` for a
# role closed because it left its post (``left_post``, ``dedupe_rows``)
_LAST_STATUS_FIELDS = (
    "(SELECT c.fields FROM posting_changes c WHERE c.posting_id=postings.id "
    "AND c.kind IN ('closed', 'reopened') ORDER BY c.id DESC LIMIT 1)")

class SQLiteStore:
    """Postings in one SQLite file (or ``:memory:``).

    Args:
        path: the database file; parent folders are created. ``":memory:"`` for tests.
        on_reread: told how many Hacker News postings (and Reddit thread comments) an older
            header reader read are read again as the store opens
            (``reread.reread_locations``), before they are.
    """

    def __init__(self, path: str | Path, *,
                 on_reread: Callable[[int], None] | None = None) -> None:
        self.path = str(path)
        self._unreadable: set[str] = set()  # postings whose enrichment could not be read (warned)
        self._link_start: int | None = None  # begin_linking's rev, until end_linking
        # revs (low, high] of the write transactions since begin_linking (this run's)
        self._linking_revs: list[tuple[int, int]] = []
        if self.path != ":memory:":
            if Path(self.path).is_dir():  # (--db "" is the current folder)
                raise StoreError(f"--db {self.path or '.'} is a folder; give the store file, "
                                 f"e.g. --db {Path(self.path) / 'mljobs.sqlite3'}")
            folder = Path(self.path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # a read-only disk, or a file where a folder goes
                raise StoreError(
                    f"cannot make the folder {folder} for the store {self.path} "
                    f"({os_reason(exc, self.path)}); pick a writable place with --db"
                ) from exc
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            # before anything is written: another program's database is left as it was
            _refuse_foreign(self.conn, self.path)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
            migrate(self.conn)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', ?)",
                (uuid.uuid4().hex,),
            )
        except sqlite3.DatabaseError as exc:
            if _busy(exc):
                raise _busy_error(self.path) from exc
            if damaged := damaged_error(self.path, exc):
                raise damaged from exc
            if _read_only(self.path, exc):
                raise StoreError(
                    f"cannot write the store at {self.path}: the file or its folder is "
                    "read-only (mljobs writes its journal files beside it, even to read); "
                    "make both writable, or copy the store to a writable folder and pass "
                    "--db"
                ) from exc
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}. "
                "Is it an mljobs database? Use --db to pick another file."
            ) from exc
        # (what an older header reader read: Hacker News and Reddit thread postings'
        # locations, once per hn_format.VERSION, as the migrations above are once per schema
        # version)
        try:
            reread_locations(self, now=datetime.now(UTC), on_start=on_reread)
        except sqlite3.DatabaseError as exc:
            if damaged := damaged_error(self.path, exc):
                self.conn.close()
                raise damaged from exc
            raise

    # -- plumbing ---------------------------------------------------------------

    @property
    def store_id(self) -> str:
        """A random id made when the store was created (the index checks it)."""
        value = self.meta("store_id")
        assert value is not None  # (written when the store is opened)
        return value

    def meta(self, key: str) -> str | None:
        """A value kept in the store's ``meta`` table, or None."""
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Keep ``value`` under ``key`` in the store's ``meta`` table."""
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def removed_rev(self) -> int:
        """The revision of the latest removal of a posting from the store (0: none ever).

        What is derived from the store (a search index, the match index, the web app's
        caches) catches up by the revisions of the postings changed since it last read it,
        which name nothing removed: one that read the store at a revision below this one
        looks for its postings that are gone. A removal takes a revision of its own, in the
        transaction that removes, so ``max_rev`` moves with it and no revision is ever
        given twice (a posting removed at the top one, ``_next_rev``)."""
        return int(self.meta(_REMOVED_REV) or 0)

    def begin_linking(self) -> list[str]:
        """Note that postings written from now on are still to be linked as duplicates
        (``dedupe.link_duplicates``), and return the ids of those an earlier sync or import
        wrote but never linked: one stopped (Ctrl-C, SIGKILL) after writing and before
        linking, whose postings the next run finds unchanged and so never compared.
        ``end_linking`` clears the note once they are linked.

        Two runs can share a store: each write transaction of a linking run notes itself
        (``transaction``), and ``end_linking`` clears the note only when every
        posting written since this run began was written by this run, so one run's end does
        not forget what another, still writing (or stopped later), has not linked.
        """
        with self.transaction():
            owed = self.meta(_LINK_MARK)
            self._link_start = self.max_rev()
            self._linking_revs = []
            if owed is None:
                self.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                                  (_LINK_MARK, str(self._link_start)))
                return []
            return [r[0] for r in self.conn.execute(
                "SELECT id FROM postings WHERE rev > ? ORDER BY rev", (int(owed),))]

    def end_linking(self) -> None:
        """Every posting written since ``begin_linking`` by this run, and every one it was
        owed, has been linked. The note is cleared, unless another run wrote postings since
        this one began: then it is moved to where this one began (what came before is
        linked; the other run's postings stay owed until a run links them)."""
        start = self._link_start
        if start is None:
            return
        self._link_start = None
        lows = [low for low, _ in self._linking_revs]  # in order: one write at a time

        def mine(rev: int) -> bool:
            at = bisect.bisect_left(lows, rev) - 1
            return at >= 0 and rev <= self._linking_revs[at][1]

        with self.transaction() as conn:
            others = any(not mine(rev) for (rev,) in conn.execute(
                "SELECT rev FROM postings WHERE rev > ?", (start,)))
            if others:
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                             (_LINK_MARK, str(start)))
            else:
                conn.execute("DELETE FROM meta WHERE key=?", (_LINK_MARK,))

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back whole on any exception. Inside another (a
        caller's several writes that must be kept whole, ``dedupe.link_duplicates``'s), it is
        part of that one."""
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # another writer past busy_timeout
            if _busy(exc):
                raise _busy_error(self.path) from exc
            raise
        linking = self._link_start is not None
        before = self.max_rev() if linking else 0
        try:
            yield self.conn
            if linking and (after := self.max_rev()) > before:
                # a run that links is writing: what it writes is owed until it has linked
                # (the note is set again if another run's end cleared it), and is its own
                # (the write lock is held: every rev made in the transaction is)
                self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                                  (_LINK_MARK, str(before)))
                self._linking_revs.append((before, after))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _next_rev(self) -> int:
        row = self.conn.execute(
            "SELECT MAX((SELECT COALESCE(MAX(rev), 0) FROM postings), COALESCE((SELECT "
            "CAST(value AS INTEGER) FROM meta WHERE key=?), 0))", (_REMOVED_REV,)).fetchone()
        return int(row[0]) + 1

    # -- raw documents ------------------------------------------------------------

    def _put_document(self, doc: Document) -> str:
        """Keep a document once per content; the same bytes kept before under a media type
        naming no charset take this one's when it names one (a careers page stored by a
        version that dropped its answer's charset: ``sources.jsonld.charset_unknown``)."""
        sha = doc.sha256
        inserted = self.conn.execute(
            "INSERT OR IGNORE INTO raw_documents(sha256, source, ref, media_type, fetched_at,"
            " size, data) VALUES (?,?,?,?,?,?,?)",
            (
                sha,
                doc.source,
                doc.ref,
                doc.media_type,
                _iso(doc.fetched_at),
                len(doc.content),
                zlib.compress(doc.content, 6),
            ),
        ).rowcount
        if not inserted and "charset" in doc.media_type.lower():
            self.conn.execute("UPDATE raw_documents SET media_type=? WHERE sha256=?"
                              " AND instr(lower(media_type), 'charset')=0",
                              (doc.media_type, sha))
        return sha

    def put_documents(self, docs: Iterable[Document]) -> list[str]:
        """Keep raw documents (compressed, content-addressed); return their sha256s."""
        with self.transaction():
            return [self._put_document(d) for d in docs]

    def get_document(self, sha256: str) -> Document | None:
        """The raw document with this content address, decompressed."""
        row = self.conn.execute(
            "SELECT source, ref, media_type, fetched_at, data FROM raw_documents WHERE sha256=?",
            (sha256,),
        ).fetchone()
        if row is None:
            return None
        return Document(
            source=row[0],
            ref=row[1],
            media_type=row[2],
            fetched_at=datetime.fromisoformat(row[3]),
            content=zlib.decompress(row[4]),
        )

    # -- postings -----------------------------------------------------------------

    def upsert(
        self,
        postings: Sequence[Posting],
        *,
        now: datetime,
        documents: Sequence[Document] = (),
        touch: bool = True,
        split: Sequence[str] = (),
        all_roles: bool = False,
        reread: bool = False,
        imported: bool = False,
    ) -> UpsertReport:
        """Insert new postings and update changed ones, in one transaction.

        A posting whose content hash is unchanged is left as it is (with
        ``touch`` its ``last_seen`` moves to ``now`` and a closed posting reopens), but for
        its enrichment when it comes with one of a newer version than the stored one (or the
        store has none: ``models.is_older_version``; ``understood_again``), and its
        ``raw_ref``, which follows the newest raw document that holds it (an edited post's
        unchanged roles name the post's new text, which ``reread`` reads) with no new
        ``rev``, history entry or change of status.
        Raw ``documents`` are stored in the same transaction, before the postings
        that refer to them.

        Args:
            postings: normalised postings (``content_hash`` set).
            now: the time of this observation.
            documents: raw documents the postings came from.
            touch: record that the postings were seen now (sync: ``last_seen`` and
                ``synced_at``); False for file imports.
            split: ids of posts the understanding step split per role, their role postings
                (``<post id>/r<n>``) among ``postings``: a post the store holds whole is
                replaced by them (``replace_split``), in the same transaction, as a fresh
                import would have stored it (``replaced`` and ``relink`` of the report); with
                ``touch``, its new roles are then seen now (and reopened if it was closed).
            all_roles: ``postings`` hold each of their posts whole or every role of it, as
                an import or a sync reads a post: its roles numbered by their place in it
                (``<post id>/r1``, ``/r2``, ...) are first stored under the ids of the stored
                roles they are (``_role_ids``: a role keeps its id, history and status when
                its post is edited; ``renamed`` of the report). A stored open role of one of
                their posts that they do not hold then is no longer in its post (its text
                changed) and is closed, as a sync closes a posting its source no longer lists,
                with its history kept (``closed`` and ``relink`` of the report); a post
                stored whole now in their place takes their first seen (``_seen_since``).
            reread: ``postings`` (not ``touch``; with ``all_roles``, or roles that left their
                post, each under its id) are what raw documents
                the store holds read as now, not a new sighting: ``enrich --store`` splitting
                a post again after an upgrade changed how its text is split or normalised.
                Its roles are matched to its current roles only (not those closed because
                they left it: ``_role_ids``); a changed role keeps its status, closing and
                seen dates; a new one takes its post's (``_as_post``), as does the post given
                whole in place of its roles (its document no longer splits it); none is
                reopened. A
                current role the reading does not hold is closed, as above; one closed with
                its post already keeps its closing and is marked as no longer in the post
                (``_left_while_closed``).
            imported: ``postings`` are a file's rows (``import``): a closed posting whose
                text they change reopens with the history entry "reopened (status,
                imported)" (``IMPORTED``), not a sync's "reopened (status)": no source
                listed it again.
        """
        report = UpsertReport()
        with self.transaction():
            if all_roles:
                postings, report.renamed = self._role_ids(postings, current=reread)
            for doc in documents:
                self._put_document(doc)
            posts = set(split)
            roles = [p.id for p in postings if role_post(p.id) in posts]
            fresh = set(roles) - self.present(roles)
            rev = self._next_rev()
            made: list[str] = []
            for posting in postings:
                outcome = self._upsert_one(posting, now=now, rev=rev, touch=touch,
                                           keep=reread, imported=imported)
                if outcome == "new":
                    report.new += 1
                    made.append(posting.id)
                elif outcome == "updated":
                    report.updated += 1
                elif outcome == "reopened":
                    report.reopened += 1
                else:
                    report.unchanged += 1
                    report.understood_again += outcome == "understood again"
                if outcome in ("new", "updated", "reopened"):
                    report.ids.append(posting.id)
                rev += 1
            stored = self.present(list(posts))
            for post in (p for p in dict.fromkeys(split) if p in stored):
                its_roles = [r for r in roles if role_post(r) == post]
                new_roles = sorted(r for r in its_roles if r in fresh)
                # (its roles too: one stored before beside it was kept out of its cluster)
                report.relink += self.replace_split(post, new_roles) + its_roles
                report.replaced += 1
                if touch:  # (listed now: seen now, and open again if the post was closed)
                    self._seen_again(new_roles, now)
            if reread:  # (before the closing below: the post's roles as they were)
                self._as_post(made)
            if all_roles:
                report.closed = self._roles_left(postings)
                self._close(report.closed, now, fields=_LEFT_POST)
                self._seen_since(report.closed, set(report.ids))
                report.relink += self._leave_clusters(report.closed)
                if reread:  # (and the current ones closed already, with their post)
                    report.relink += self._left_while_closed(postings, now)
                if not touch and not reread:  # (a sync reopens what it lists)
                    report.ids += self.back_in_post([p.id for p in postings], now)
        return report

    def _role_ids(self, postings: Sequence[Posting], *,
                  current: bool = False) -> tuple[list[Posting], dict[str, str]]:
        """``postings`` (``upsert``'s ``all_roles``: each of their posts whole or every role
        of it, numbered by place as the understanding step splits a post) with the roles of
        each post the store holds roles of under the ids it holds them by, and the ids that
        changed ({given id: stored id}).

        A role that ``dedupe.match_roles`` (pure: the new roles and the stored ones, open or
        closed) finds among the post's stored roles takes that role's id; the others take
        numbers past the highest the post has used, in their order (a number is never given
        to another job). The stored roles left over are closed by ``upsert``. A post with no
        stored roles keeps its numbers by place (a first import is numbered as ever). With
        ``current``, only the stored roles that did not leave their post (``left_post``) are
        matched: a re-reading of the post's document (``upsert``'s ``reread``) is no evidence
        that one of those is back."""
        ours: dict[str, list[Posting]] = {}
        for p in postings:
            if (post := role_post(p.id)) is not None and is_split_source(p.source):
                ours.setdefault(post, []).append(p)
        held = self.post_roles(ours) if ours else {}
        if not held:
            return list(postings), {}
        from mljobs.dedupe import match_roles  # (pure; loaded only when a post's roles are stored)

        left = set(self.left_post([r.id for rs in held.values() for r in rs])) if current \
            else set()
        renamed: dict[str, str] = {}
        for post, stored in held.items():
            new = ours[post]
            found = match_roles(new, [r for r in stored if r.id not in left])
            last = max(role_number(r.id) or 0 for r in stored)
            for role in new:
                if role.id not in found:
                    last += 1
                    found[role.id] = role_id(post, last)
            renamed.update((given, kept) for given, kept in found.items() if given != kept)
        return [_renamed(p, renamed[p.id]) if p.id in renamed else p for p in postings], renamed

    def _as_post(self, made: Sequence[str]) -> None:
        """Role postings ``made`` by a re-reading of their post's stored document (``upsert``'s
        ``reread``) were in it when its other roles were seen: each takes the first and last
        seen of its post's current roles (those that did not leave it), and their status: open
        if one is, else closed when the last of them was, with its "closed" entry; its
        "created" entry is dated at that first seen (as ``replace_split`` dates a post's roles).
        A post ``made`` whole in place of its roles (the document no longer splits it) takes
        the same last seen, status, closing and the latest time a sync listed them
        (``synced_at``), and the first seen of all its roles, those that left it too (as
        ``_seen_since`` dates a post an import stores whole)."""
        ids = set(made)
        posts: dict[str, list[str]] = {}
        for pid in made:
            posts.setdefault(role_post(pid) or pid, []).append(pid)
        for post, roles in posts.items():
            rows = {pid: rest for pid, *rest in self._role_rows(
                post, "first_seen, last_seen, status, closed_at, synced_at") if pid not in ids}
            left = set(self.left_post(list(rows)))
            kept = [row for pid, row in rows.items() if pid not in left]
            if not kept:  # (no role of it was current: they are as an import makes them)
                continue
            whole = roles == [post]
            first = min(r[0] for r in (rows.values() if whole else kept))
            last = max(r[1] for r in kept)
            closed_at = None if any(r[2] == Status.OPEN for r in kept) else \
                max(r[3] or r[1] for r in kept)
            synced = max((r[4] for r in kept if r[4]), default=None)
            for pid in roles:
                self.conn.execute(
                    "UPDATE postings SET first_seen=?, last_seen=?, status=?, closed_at=?"
                    + (", synced_at=?" if whole else "") + " WHERE id=?",
                    (first, last, "open" if closed_at is None else "closed", closed_at,
                     *([synced] if whole else []), pid))
                self.conn.execute("UPDATE posting_changes SET changed_at=? WHERE posting_id=? "
                                  "AND kind='created'", (first, pid))
                if closed_at is not None:
                    self._log(pid, closed_at, "closed", None, None, ["status"])

    def _seen_since(self, closed: Sequence[str], new: set[str]) -> None:
        """A post stored whole just now (among ``new``) whose roles were ``closed`` because
        it no longer splits was seen since its roles were: it takes their first seen, and its
        "created" entry is dated then (as ``replace_split`` dates roles by their post). (Its
        roles alone, ``_role_rows``: the ``MIN`` of every id of their range took the first seen
        of another posting whose id starts as theirs, "<post>/remote" or "<post>/r9/r1".)"""
        for post in sorted({role_post(pid) or pid for pid in closed} & new):
            first = min(row[1] for row in self._role_rows(post, "first_seen"))
            self.conn.execute("UPDATE postings SET first_seen=? WHERE id=? AND first_seen>?",
                              (first, post, first))
            self.conn.execute("UPDATE posting_changes SET changed_at=? WHERE posting_id=? "
                              "AND kind='created' AND changed_at>?", (first, post, first))

    def back_in_post(self, ids: Sequence[str], now: datetime) -> list[str]:
        """Reopen (at ``now``) the roles among ``ids`` that were closed because they had left
        their post (``_LEFT_POST``) and are in it again, as an import or ``enrich --store``
        read it (a sync reopens what it lists); return them."""
        with self.transaction():
            back = self.left_post(ids)
            self._reopen(back, now)
        return back

    def changed_while_closed(self, postings: Sequence[Posting]) -> set[str]:
        """The ids of ``postings`` the store holds closed with another text (content hash):
        an import reopens such a posting (``upsert``), and the roles of such a post that it
        reads as its roles now (``reopen``)."""
        return {p.id for p in postings if self.conn.execute(
            "SELECT 1 FROM postings WHERE id=? AND status='closed' AND content_hash IS NOT ?",
            (p.id, p.content_hash)).fetchone()}

    def reopen(self, ids: Sequence[str], now: datetime) -> list[str]:
        """Reopen (at ``now``) the closed postings among ``ids``: the roles an import stored
        of a closed post whose text changed (``changed_while_closed``), which took the post's
        closing when they replaced it (``replace_split``), as the post read whole would be
        reopened (a sync reopens them as it lists them); return them."""
        with self.transaction():
            closed = [pid for pid in dict.fromkeys(ids) if self.conn.execute(
                "SELECT 1 FROM postings WHERE id=? AND status='closed'", (pid,)).fetchone()]
            self._reopen(closed, now, IMPORTED)
        return closed

    def _reopen(self, ids: Sequence[str], now: datetime,
                fields: Sequence[str] = ("status",)) -> None:
        """Open ``ids`` (closed postings) at ``now``, with their "reopened" entries (of
        ``fields``: ``IMPORTED`` for an import's)."""
        stamp, rev = _iso(now), self._next_rev()
        for pid in ids:
            self.conn.execute("UPDATE postings SET status='open', closed_at=NULL, rev=? "
                              "WHERE id=?", (rev, pid))
            self._log(pid, stamp, "reopened", None, None, list(fields))
            rev += 1

    def left_post(self, ids: Sequence[str]) -> list[str]:
        """Those of ``ids`` that are roles closed because they left their post (their last
        change of status is the closing ``_LEFT_POST``), in the order of ``ids``. (A text
        change since, an "updated" entry of ``upsert``'s ``reread`` that keeps the role
        closed, leaves it one that left: it was taken for the last word, and an import of the
        post naming the role again did not reopen it.)"""
        out: list[str] = []
        for pid in dict.fromkeys(ids):
            if role_post(pid) is None:
                continue
            row = self.conn.execute(
                f"SELECT {_LAST_STATUS_FIELDS} FROM postings WHERE id=? AND status='closed'",
                (pid,)).fetchone()
            if row is not None and row[0] is not None and json.loads(row[0]) == _LEFT_POST:
                out.append(pid)
        return out

    def _roles_left(self, postings: Sequence[Posting], status: str = "open") -> list[str]:
        """The stored roles (``<post id>/r<n>``) of the posts of ``postings``, open ones (or
        of ``status``), that ``postings`` do not hold: those no longer in their post."""
        held = {p.id for p in postings}
        posts = {role_post(p.id) or p.id for p in postings if is_split_source(p.source)}
        left: list[str] = []
        for post in sorted(posts):
            left += [pid for (pid,) in self._role_rows(post, where="status=?", params=(status,))
                     if pid not in held]
        return left

    def _left_while_closed(self, postings: Sequence[Posting], now: datetime) -> list[str]:
        """``upsert``'s ``reread``: the stored roles of the posts of ``postings`` that were
        closed with their post (not because they left it) and that ``postings``, the post's
        document read again, do not hold are no longer in it: each gets the closing entry
        ``_LEFT_POST``, dated at its closing (its status, closing and dates kept), and leaves
        its duplicate clusters as such a role does; return the clusters' other postings, to
        be linked again. (It stayed one of the post's current roles: ``enrich --store``
        split the post again at every run, a role of no text of the post among its roles.)"""
        closed = self._roles_left(postings, "closed")
        gone = [pid for pid in closed if pid not in set(self.left_post(closed))]
        for pid in gone:
            (closed_at,) = self.conn.execute(
                "SELECT closed_at FROM postings WHERE id=?", (pid,)).fetchone()
            self._log(pid, closed_at or _iso(now), "closed", None, None, _LEFT_POST)
        return self._leave_clusters(gone) if gone else []

    def _leave_clusters(self, closed: Sequence[str]) -> list[str]:
        """Take roles ``closed`` because they left their post out of their duplicate clusters
        (the post's new reading takes their place: ``dedupe_rows`` leaves such roles out while
        they are closed), their text links and cluster lists gone; return the other postings
        of those clusters, to be linked again (as ``replace_split`` does for a removed post)."""
        out: list[str] = []
        rev = self._next_rev()
        for pid in closed:
            (canonical,) = self.conn.execute(
                "SELECT canonical_id FROM postings WHERE id=?", (pid,)).fetchone()
            linked = [r[0] for r in self.conn.execute(
                "SELECT id FROM postings WHERE canonical_id=? AND id<>?", (pid, pid))]
            for other in [pid, *linked]:
                self.conn.execute("UPDATE postings SET canonical_id=NULL, rev=? WHERE id=?",
                                  (rev, other))
                rev += 1
            self.conn.execute("DELETE FROM text_links WHERE posting_id=?", (pid,))
            out += [x for x in [canonical, *linked] if x is not None and x not in closed]
        self.merge_extra((pid, {"also_sources": [], "source_urls": []}) for pid in closed)
        return out

    def _seen_again(self, ids: Sequence[str], now: datetime) -> None:
        """``ids`` were listed by a sync at ``now``, as ``upsert`` with ``touch`` records it
        of a stored posting: seen now, and reopened (with its change entry) if closed."""
        stamp = _iso(now)
        for pid in ids:
            row = self.conn.execute("SELECT status, content_hash FROM postings WHERE id=?",
                                    (pid,)).fetchone()
            self.conn.execute("UPDATE postings SET last_seen=?, synced_at=?, status='open', "
                              "closed_at=NULL WHERE id=?", (stamp, stamp, pid))
            if row[0] == Status.CLOSED:
                self._log(pid, stamp, "reopened", row[1], row[1], ["status"])

    def _upsert_one(self, posting: Posting, *, now: datetime, rev: int, touch: bool,
                    keep: bool = False, imported: bool = False) -> str:
        """Store one posting; ``keep``: a changed one keeps its status and closing (``upsert``'s
        ``reread``); ``imported``: a closed one it reopens says so (``IMPORTED``)."""
        if not posting.content_hash:
            posting = posting.model_copy(update={"content_hash": posting.compute_hash()})
        row = self.conn.execute(
            "SELECT content_hash, data, status, first_seen, last_seen, canonical_id, "
            "enrichment_version, raw_ref, closed_at FROM postings WHERE id=?",
            (posting.id,),
        ).fetchone()
        stamp = _iso(now)
        synced = stamp if touch else None
        if row is None:
            stored = posting.model_copy(
                update={"first_seen": now, "last_seen": now, "status": Status.OPEN}
            )
            self._write(stored, rev=rev, insert=True, synced=synced)
            self._log(posting.id, stamp, "created", None, posting.content_hash, [])
            return "new"
        (old_hash, old_data, old_status, first_seen, last_seen, old_canonical, understood,
         old_ref, closed_at) = row
        if old_hash == posting.content_hash:
            # (an update of the understanding alone: content, history and links stay)
            if posting.raw_ref is not None and posting.raw_ref != old_ref:
                # (the newest document that holds it, which ``reread`` reads: no revision;
                # the row's JSON too, which reads it back; a damaged one is left as it is)
                self.conn.execute(
                    "UPDATE postings SET raw_ref=?1, data=CASE WHEN json_valid(data) THEN "
                    "json_set(data, '$.raw_ref', ?1) ELSE data END WHERE id=?2",
                    (posting.raw_ref, posting.id))
            enrichment = posting.enrichment
            again = enrichment is not None and is_older_version(understood, enrichment.version)
            if enrichment is not None and (again or self._understood_anew(posting, understood)):
                self.conn.execute(
                    "UPDATE postings SET enrichment=?, enrichment_version=?, rev=? WHERE id=?",
                    (enrichment.model_dump_json(), enrichment.version, rev, posting.id))
            if touch:
                reopened = old_status == Status.CLOSED
                self.conn.execute(
                    "UPDATE postings SET last_seen=?, synced_at=?, status='open', closed_at=NULL"
                    + (", rev=?" if reopened else "")
                    + " WHERE id=?",
                    (stamp, stamp, rev, posting.id) if reopened else (stamp, stamp, posting.id),
                )
                if reopened:
                    self._log(posting.id, stamp, "reopened", old_hash, old_hash, ["status"])
                    return "reopened"
            return "understood again" if again else "unchanged"
        old = json.loads(old_data)
        new_json = posting.model_dump(mode="json", exclude=_POSTING_EXCLUDE)
        changed = [f for f in HASHED_FIELDS if old.get(f) != new_json.get(f)]
        stored = posting.model_copy(
            update={
                "first_seen": datetime.fromisoformat(first_seen),
                "last_seen": now if touch else datetime.fromisoformat(last_seen),
                "status": Status(old_status) if keep else Status.OPEN,
                "closed_at": (datetime.fromisoformat(closed_at) if closed_at else None) if keep
                else posting.closed_at,
                "canonical_id": posting.canonical_id or old_canonical,
            }
        )
        self._write(stored, rev=rev, insert=False, synced=synced)
        # a closed posting listed again with another text is open again: said in its history
        # (it read "closed; updated (title)" of a posting open now) and counted "reopened"
        reopened = old_status == Status.CLOSED and stored.status == Status.OPEN
        if reopened:
            self._log(posting.id, stamp, "reopened", old_hash, old_hash,
                      IMPORTED if imported else ["status"])
        self._log(posting.id, stamp, "updated", old_hash, posting.content_hash, changed)
        return "reopened" if reopened else "updated"

    def _understood_anew(self, posting: Posting, understood: str | None) -> bool:
        """Whether ``posting``, a role of a post (``<post id>/r<n>``) unchanged itself, comes
        with another understanding by the stored one's version: its post's other roles
        changed (the post's list of roles, ``Enrichment.roles``, is part of it)."""
        if (posting.enrichment is None or role_post(posting.id) is None
                or understood != posting.enrichment.version):
            return False
        (stored,) = self.conn.execute("SELECT enrichment FROM postings WHERE id=?",
                                      (posting.id,)).fetchone()
        return bool(stored != posting.enrichment.model_dump_json())

    def _write(self, posting: Posting, *, rev: int, insert: bool,
               synced: str | None = None) -> None:
        """Insert or update the posting's row; ``synced``: the time a sync listed it (a file
        import's write leaves ``synced_at`` as it was, NULL for a new row)."""
        data = posting.model_dump_json(exclude=_POSTING_EXCLUDE)
        enrichment = posting.enrichment.model_dump_json() if posting.enrichment else None
        version = posting.enrichment.version if posting.enrichment else None
        values: dict[str, Any] = {
            "id": posting.id,
            "source": posting.source,
            "source_id": posting.source_id,
            "url": posting.url,
            "title": posting.title,
            "company": posting.company,
            "remote": posting.remote.value,
            "posted_at": _iso(posting.posted_at) if posting.posted_at else None,
            "status": posting.status.value,
            "first_seen": _iso(posting.first_seen or datetime.min),
            "last_seen": _iso(posting.last_seen or datetime.min),
            "closed_at": _iso(posting.closed_at) if posting.closed_at else None,
            "content_hash": posting.content_hash,
            "raw_ref": posting.raw_ref,
            "canonical_id": posting.canonical_id,
            "rev": rev,
            "data": data,
        }
        if synced is not None:
            values["synced_at"] = synced
        if insert or enrichment is not None:
            values["enrichment"] = enrichment
            values["enrichment_version"] = version
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        if insert:
            self.conn.execute(f"INSERT INTO postings({cols}) VALUES ({marks})", values)
        else:
            sets = ", ".join(f"{k}=:{k}" for k in values if k != "id")
            self.conn.execute(f"UPDATE postings SET {sets} WHERE id=:id", values)

    def _log(
        self, posting_id: str, at: str, kind: str, old: str | None, new: str | None,
        fields: list[str],
    ) -> None:
        self.conn.execute(
            "INSERT INTO posting_changes(posting_id, changed_at, kind, old_hash, new_hash, fields)"
            " VALUES (?,?,?,?,?,?)",
            (posting_id, at, kind, old, new, json.dumps(fields)),
        )

    def close_missing(self, source: str, seen_ids: Iterable[str], *, scope: str | None,
                      now: datetime, synced_only: bool = False) -> list[str]:
        """Mark open postings of ``source`` that were not seen as closed; nothing is deleted.

        Args:
            source: the source name.
            seen_ids: posting ids the source listed in this run.
            scope: only postings whose id starts with this prefix (e.g. one board).
            now: when the closing was observed.
            synced_only: only postings a sync listed before (``synced_at``), not those only
                a file import stored (a page that lists nothing is no evidence against them).
        """
        seen = set(seen_ids)
        query = "SELECT id FROM postings WHERE source=? AND status='open'"
        if synced_only:
            query += " AND synced_at IS NOT NULL"
        params: list[Any] = [source]
        if scope:
            query += " AND id LIKE ? ESCAPE '\\'"
            params.append(scope.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                          + "%")
        with self.transaction():
            gone = [r[0] for r in self.conn.execute(query, params) if r[0] not in seen]
            self._close(gone, now)
        return gone

    def close_open(self, ids: Iterable[str], *, now: datetime,
                   synced_only: bool = False, fields: list[str] | None = None) -> list[str]:
        """Mark those of ``ids`` that are open as closed (one transaction); return them.
        ``synced_only``: only those a sync listed before (``close_missing``); ``fields``:
        their "closed" entry's (``_close``; ``COPY`` for earlier copies of a job)."""
        wanted = list(dict.fromkeys(ids))
        query = "SELECT 1 FROM postings WHERE id=? AND status='open'" + (
            " AND synced_at IS NOT NULL" if synced_only else "")
        with self.transaction():
            gone = [pid for pid in wanted if self.conn.execute(query, (pid,)).fetchone()]
            self._close(gone, now, fields)
        return gone

    def _close(self, gone: list[str], now: datetime, fields: list[str] | None = None) -> None:
        """Close ``gone`` at ``now``, each with a "closed" entry of ``fields`` (``status``;
        ``_LEFT_POST`` for a role no longer in its post)."""
        stamp = _iso(now)
        rev = self._next_rev()
        for pid in gone:
            self.conn.execute(
                "UPDATE postings SET status='closed', closed_at=?, rev=? WHERE id=?",
                (stamp, rev, pid),
            )
            self._log(pid, stamp, "closed", None, None, fields or ["status"])
            rev += 1

    def close_not_jobs(self, read_as: Mapping[str, str], *,
                       now: datetime) -> tuple[list[str], list[str]]:
        """Close the stored open postings of ``read_as`` ({id: "seeker" or "not_a_post"}: what
        a sync or an import reads them as now), and the open roles of those stored split per
        role: an older mljobs stored them as jobs. Each gets a "closed" entry of ``NOT_JOBS``' fields for its
        reading (its history and row kept, nothing deleted) and leaves its duplicate clusters,
        as a role no longer in its post does. Returns the closed ids and the other postings of
        their clusters, to be linked again."""
        closed: list[str] = []
        relink: list[str] = []
        with self.transaction():
            for why, fields_ in NOT_JOBS.items():
                ids = [pid for pid, read in read_as.items() if read == why]
                if not ids:
                    continue
                gone = [pid for pid in ids if self.conn.execute(
                    "SELECT 1 FROM postings WHERE id=? AND status='open'", (pid,)).fetchone()]
                for post in ids:
                    gone += [pid for (pid,) in self._role_rows(post, where="status='open'")]
                self._close(gone, now, fields=fields_)
                relink += self._leave_clusters(gone)
                closed += gone
        return closed, [pid for pid in relink if pid not in set(closed)]

    def set_enrichments(self, items: Iterable[tuple[str, Enrichment]]) -> int:
        """Store enrichment results for postings, in one transaction; return how many."""
        count = 0
        with self.transaction():
            rev = self._next_rev()
            for posting_id, enrichment in items:
                cur = self.conn.execute(
                    "UPDATE postings SET enrichment=?, enrichment_version=?, rev=? WHERE id=?",
                    (enrichment.model_dump_json(), enrichment.version, rev, posting_id),
                )
                count += cur.rowcount
                rev += 1
        return count

    def replace_split(self, post_id: str, new_roles: Sequence[str]) -> list[str]:
        """Remove a stored post that is now stored as its role postings (``<post id>/r<n>``),
        as an enriched import or sync stores it (the post itself is not stored); return the
        postings of its duplicate cluster, to be linked again (``dedupe.link_duplicates``):
        the one it was linked to, if any, and those linked to it (their link removed).

        ``new_roles``, the role postings just stored for it, take the post's first and last
        seen, status, closing and sync time, their "created" entry its first seen and the
        closings and reopenings of its change log, as if stored when the post was. The rest
        of its change log (its own content's updates) and its text links go with it; its raw
        document stays (its roles refer to it). No user sets anything on a posting, so there
        is nothing else to keep. The removal takes a revision of its own (``removed_rev``:
        the search and match indexes drop the post when they next catch up). A post not
        stored is left alone (``[]``)."""
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT first_seen, last_seen, status, closed_at, synced_at, canonical_id "
                "FROM postings WHERE id=?", (post_id,)).fetchone()
            if row is None:
                return []
            first_seen, last_seen, status, closed_at, synced_at, canonical = row
            for role in new_roles:
                conn.execute(
                    "UPDATE postings SET first_seen=?, last_seen=?, status=?, closed_at=?, "
                    "synced_at=? WHERE id=?",
                    (first_seen, last_seen, status, closed_at, synced_at, role))
                conn.execute("UPDATE posting_changes SET changed_at=? WHERE posting_id=? AND "
                             "kind='created'", (first_seen, role))
                conn.execute(  # (its closings and reopenings, as the role's own)
                    "INSERT INTO posting_changes(posting_id, changed_at, kind, old_hash, "
                    "new_hash, fields) SELECT ?, changed_at, kind, "
                    "CASE kind WHEN 'reopened' THEN h END, CASE kind WHEN 'reopened' THEN h END, "
                    "fields FROM posting_changes, (SELECT content_hash AS h FROM postings "
                    "WHERE id=?) WHERE posting_id=? AND kind IN ('closed', 'reopened') "
                    "ORDER BY posting_changes.id", (role, role, post_id))
            linked = [r[0] for r in conn.execute(
                "SELECT id FROM postings WHERE canonical_id=? AND id<>?", (post_id, post_id))]
            rev = self._next_rev()
            for pid in linked:
                conn.execute("UPDATE postings SET canonical_id=NULL, rev=? WHERE id=?",
                             (rev, pid))
                rev += 1
            conn.execute("DELETE FROM text_links WHERE posting_id=?", (post_id,))
            conn.execute("DELETE FROM posting_changes WHERE posting_id=?", (post_id,))
            conn.execute("DELETE FROM postings WHERE id=?", (post_id,))
            self.set_meta(_REMOVED_REV, str(rev))  # (the indexes look for what is gone)
        return ([canonical] if canonical not in (None, post_id) else []) + linked

    def set_canonical(self, pairs: Iterable[tuple[str, str | None]]) -> int:
        """Link postings to the canonical posting of their duplicate cluster."""
        count = 0
        with self.transaction():
            rev = self._next_rev()
            for posting_id, canonical in pairs:
                cur = self.conn.execute(
                    "UPDATE postings SET canonical_id=?, rev=? WHERE id=? "
                    "AND canonical_id IS NOT ?",
                    (canonical, rev, posting_id, canonical),
                )
                count += cur.rowcount
                rev += 1
        return count

    def record_failure(self, source: str, doc_ref: str, error: str, *, now: datetime,
                       raw_sha256: str | None = None) -> None:
        """Record that a document could not be parsed (the run goes on)."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO parse_failures(source, doc_ref, raw_sha256, error, at)"
                " VALUES (?,?,?,?,?)",
                (source, doc_ref, raw_sha256, error, _iso(now)),
            )

    # -- reading ------------------------------------------------------------------

    def _row_to_posting(
        self, data: str, enrichment: str | None, first_seen: str, last_seen: str, status: str,
        closed_at: str | None, canonical_id: str | None,
    ) -> Posting:
        """Build a Posting; bookkeeping columns are authoritative over the JSON copy."""
        posting = Posting.model_validate_json(data)
        update: dict[str, Any] = {
            "first_seen": datetime.fromisoformat(first_seen),
            "last_seen": datetime.fromisoformat(last_seen),
            "status": Status(status),
            "closed_at": datetime.fromisoformat(closed_at) if closed_at else None,
            "canonical_id": canonical_id,
        }
        if enrichment:
            try:
                update["enrichment"] = Enrichment.model_validate_json(enrichment)
            except ValidationError as exc:  # (an older mljobs stored NaN probabilities as nulls)
                self._unreadable_enrichment(posting.id, exc)
        return posting.model_copy(update=update)

    def _unreadable_enrichment(self, posting_id: str, exc: ValidationError) -> None:
        """A stored enrichment this version cannot read: the posting reads as not enriched
        (search, show and the web still work) and one warning per store says how to redo it."""
        if posting_id not in self._unreadable:
            self._unreadable.add(posting_id)
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            log.warning("posting %s: its stored enrichment cannot be read (%s: %s); it is "
                        "treated as not enriched: run `mljobs enrich --store` to redo it",
                        posting_id, where, first["msg"])

    def get(self, posting_id: str) -> Posting | None:
        """The posting with this id, or None."""
        row = self.conn.execute(
            f"SELECT {_COLUMNS} FROM postings WHERE id=?", (posting_id,)
        ).fetchone()
        return self._row_to_posting(*row) if row else None

    def get_many(self, ids: Sequence[str]) -> dict[str, Posting]:
        """Postings by id (missing ids are left out)."""
        out: dict[str, Posting] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for pid, *row in self.conn.execute(
                f"SELECT id, {_COLUMNS} FROM postings WHERE id IN ({marks})", chunk
            ):
                out[pid] = self._row_to_posting(*row)
        return out

    def _role_rows(self, post: str, columns: str = "", where: str = "",
                   params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of ``post``'s stored roles (``<post id>/r<n>``, open and closed): the id,
        then ``columns``; ``where`` (with ``params``) narrows them. An id range scan, the ids
        between "<post>/r" and "<post>/s", of which only role ids of ``post`` are kept."""
        rows = self.conn.execute(
            f"SELECT id{', ' + columns if columns else ''} FROM postings WHERE id > ? AND id < ?"
            + (f" AND {where}" if where else ""), (f"{post}/r", f"{post}/s", *params))
        return [row for row in rows if role_post(row[0]) == post]

    def post_roles(self, posts: Iterable[str]) -> dict[str, list[Posting]]:
        """The stored role postings (``<post id>/r<n>``, open and closed) of each of ``posts``
        that has any, by number (an id range scan a post)."""
        out: dict[str, list[Posting]] = {}
        for post in dict.fromkeys(posts):
            roles = [(pid, row) for pid, *row in self._role_rows(post, _COLUMNS)]
            if roles:
                roles.sort(key=lambda item: role_number(item[0]) or 0)
                out[post] = [self._row_to_posting(*row) for _, row in roles]
        return out

    def present(self, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` the store holds (a primary-key lookup; postings are not read)."""
        out: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM postings WHERE id IN ({marks})", chunk))
        return out

    def resolve_id(self, ref: str) -> str | None:
        """Find a posting id from a full id, a source id, or a corpus id (``hn-123``)."""
        ref = ref.strip()
        if self.conn.execute("SELECT 1 FROM postings WHERE id=?", (ref,)).fetchone():
            return ref
        source, colon, rest = ref.partition(":")
        if colon and source != source.lower():  # (sources are lower case: HACKERNEWS:123)
            lowered = f"{source.lower()}:{rest}"
            if self.conn.execute("SELECT 1 FROM postings WHERE id=?", (lowered,)).fetchone():
                return lowered
        candidates = [ref]
        if "-" in ref:
            candidates.append(ref.split("-", 1)[1])
        for cand in candidates:
            rows = self.conn.execute(
                "SELECT id FROM postings WHERE source_id=? LIMIT 2", (cand,)
            ).fetchall()
            if len(rows) == 1:
                return str(rows[0][0])
        return None

    def iter_postings(
        self, *, after_rev: int = 0, status: str | None = None, batch: int = 1000
    ) -> Iterator[tuple[int, Posting]]:
        """Yield ``(rev, posting)`` in rev order, optionally only those changed after a rev."""
        last = after_rev
        while True:
            sql = f"SELECT rev, {_COLUMNS} FROM postings WHERE rev > ?"
            params: list[Any] = [last]
            if status:
                sql += " AND status = ?"
                params.append(status)
            sql += " ORDER BY rev LIMIT ?"
            params.append(batch)
            rows = self.conn.execute(sql, params).fetchall()
            if not rows:
                return
            for rev, *row in rows:
                yield int(rev), self._row_to_posting(*row)
            last = int(rows[-1][0])

    def max_rev(self) -> int:
        """The highest revision number in the store (0 when empty)."""
        return self._next_rev() - 1

    def count(self, *, status: str | None = None) -> int:
        """How many postings the store holds."""
        if status:
            row = self.conn.execute("SELECT COUNT(*) FROM postings WHERE status=?", (status,))
        else:
            row = self.conn.execute("SELECT COUNT(*) FROM postings")
        return int(row.fetchone()[0])

    def canonical_count(self) -> int:
        """Each job once, as search, match and the web app count them (``index.is_canonical``:
        a posting linked to no other, or the one its duplicates link to)."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM postings WHERE canonical_id IS NULL OR canonical_id = id")
        return int(row.fetchone()[0])

    def holds_links(self) -> bool:
        """Whether any posting is linked to another (a repost or duplicate), so that
        ``canonical_count`` is below ``count``: a look in the ``canonical_id`` index, where
        counting reads every posting (``IS NOT NULL`` had SQLite scan the table: every
        posting of a store that links none)."""
        return self.conn.execute(
            "SELECT 1 FROM postings WHERE canonical_id > '' AND canonical_id != id "
            "LIMIT 1").fetchone() is not None

    def enrichment_versions(self) -> dict[str, int]:
        """How many postings each version of the understanding step made the enrichment of
        (``Enrichment.version``), most first; postings not yet understood are left out. One
        count over the column's index: no posting is read."""
        return {str(v): int(n) for v, n in self.conn.execute(
            "SELECT enrichment_version, COUNT(*) FROM postings "
            "WHERE enrichment_version IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")}

    def company_spellings(self, names: Iterable[str]) -> dict[str, str]:
        """The most common stored spelling of each company name given lower-cased, as the
        search index keeps and filters it (``prompt health`` -> ``Prompt Health``); a name no
        posting has is left out."""
        wanted = {name for name in names if name}
        if not wanted:
            return {}
        counts: dict[str, dict[str, int]] = {}
        # lower-cased in Python, as the index does: SQLite's lower() folds ASCII only
        for company, n in self.conn.execute(
                "SELECT company, COUNT(*) FROM postings WHERE company IS NOT NULL "
                "GROUP BY company"):
            key = company.lower()
            if key in wanted:
                counts.setdefault(key, {})[company] = int(n)
        return {key: min(spelt.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                for key, spelt in counts.items()}

    def last_written(self, ids: Sequence[str]) -> dict[str, int]:
        """The order in which the content of each of ``ids`` was last written: the number of
        its last "created" or "updated" history entry (entries are numbered as written; their
        dates can be earlier, a split post's roles are dated by their post). Ids with none
        are left out."""
        out: dict[str, int] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            out.update((pid, int(n)) for pid, n in self.conn.execute(
                f"SELECT posting_id, MAX(id) FROM posting_changes WHERE posting_id IN ({marks}) "
                "AND kind IN ('created', 'updated') GROUP BY posting_id", chunk))
        return out

    def changes(self, posting_id: str) -> list[Change]:
        """The change log of one posting, oldest first."""
        return [
            Change(r[0], r[1], r[2], r[3], json.loads(r[4] or "[]"))
            for r in self.conn.execute(
                "SELECT changed_at, kind, old_hash, new_hash, fields FROM posting_changes "
                "WHERE posting_id=? ORDER BY id",
                (posting_id,),
            )
        ]

    def stats(self) -> dict[str, Any]:
        """Counts for ``mljobs stats``: by source, status, remote, month; documents."""
        q = self.conn.execute

        def by(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in q(sql).fetchall()}

        # (each table most first, a tie by name: ``stats --json`` keeps the order, and SQLite's
        # sorter gave ties of the tables below the companies' in reverse)
        return {
            "postings": self.count(),
            "canonical": self.canonical_count(),
            "by_source": by("SELECT source, COUNT(*) FROM postings GROUP BY 1 ORDER BY 2 DESC, 1"),
            "by_status": by("SELECT status, COUNT(*) FROM postings GROUP BY 1 ORDER BY 2 DESC, 1"),
            # the rule of search's remote filter and facet and the dashboard
            # (index.base.facet_values): the source's value, the text's when the source
            # says unknown (the text first counted a posting its source calls onsite as
            # hybrid here, and as onsite everywhere else)
            "by_remote": by(
                "SELECT CASE WHEN remote = 'unknown' THEN "
                "COALESCE(json_extract(enrichment,'$.remote'), remote) ELSE remote END, "
                "COUNT(*) FROM postings GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_month": by(
                "SELECT COALESCE(substr(posted_at,1,7),'undated'), COUNT(*) FROM postings "
                "GROUP BY 1 ORDER BY 1"
            ),
            "by_archetype": by(
                "SELECT json_extract(enrichment,'$.archetype'), COUNT(*) FROM postings "
                "WHERE enrichment IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_enrichment_version": self.enrichment_versions(),
            "top_companies": by(
                "SELECT company, COUNT(*) FROM postings WHERE company IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
            ),
            # each job once, as search and the web app count (``canonical_count``): counted
            # per posting, a company reposting its jobs to each month's Hacker News thread
            # topped the list (the corpus: Starbridge 13 postings, 3 jobs)
            "top_companies_linked": by(
                "SELECT company, COUNT(*) FROM postings WHERE company IS NOT NULL "
                "AND (canonical_id IS NULL OR canonical_id = id) "
                "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
            ),
            "raw_documents": int(q("SELECT COUNT(*) FROM raw_documents").fetchone()[0]),
            "changes": int(q("SELECT COUNT(*) FROM posting_changes").fetchone()[0]),
            "parse_failures": int(q("SELECT COUNT(*) FROM parse_failures").fetchone()[0]),
        }

    # -- sync support (added by the sources/sync work) ------------------------------

    def http_validator(self, url: str) -> tuple[str | None, str | None, str] | None:
        """ETag, Last-Modified and body sha256 last stored for ``url``, or None."""
        row = self.conn.execute(
            "SELECT etag, last_modified, sha256 FROM http_cache WHERE url=?", (url,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def put_http_validators(
        self, items: Iterable[tuple[str, str | None, str | None, str]], *, now: datetime
    ) -> None:
        """Remember ``(url, etag, last_modified, sha256)`` for conditional GETs."""
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO http_cache(url, etag, last_modified, sha256, stored_at)"
                " VALUES (?,?,?,?,?)",
                [(u, e, lm, sha, _iso(now)) for u, e, lm, sha in items],
            )

    def merge_extra(self, items: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Merge keys into postings' ``extra`` (not hashed content); bumps ``rev``."""
        count = 0
        with self.transaction():
            rev = self._next_rev()
            for posting_id, updates in items:
                row = self.conn.execute(
                    "SELECT data FROM postings WHERE id=?", (posting_id,)
                ).fetchone()
                if row is None:
                    continue
                data = json.loads(row[0])
                extra = dict(data.get("extra") or {})
                if all(extra.get(k) == v for k, v in updates.items()):
                    continue
                extra.update(updates)
                data["extra"] = extra
                self.conn.execute("UPDATE postings SET data=?, rev=? WHERE id=?",
                                  (json.dumps(data), rev, posting_id))
                count += 1
                rev += 1
        return count

    def dedupe_rows(self) -> list[tuple[str, str, str | None, str, str | None, str | None, str]]:
        """``(id, source, company, title, url, canonical_id, first_seen)`` of every posting
        but the roles closed because they left their post and the postings closed as no job
        (``_leave_clusters``, ``close_not_jobs``; ``left_post``'s rule: their last change of
        status. A role that left, came back and closed with its
        post was left out for good, though ``left_post`` and the pages took it for a role of
        the post.)"""
        return [
            (r[0], r[1], r[2], r[3], r[4], r[5], r[6])
            for r in self.conn.execute(
                "SELECT id, source, company, title, url, canonical_id, first_seen FROM postings "
                f"WHERE status<>'closed' OR COALESCE({_LAST_STATUS_FIELDS}, '') NOT IN "
                "(?, ?, ?)",  # (and postings closed as no job: ``close_not_jobs``)
                (json.dumps(_LEFT_POST), *(json.dumps(f) for f in NOT_JOBS.values()))
            )
        ]

    def unsettled(self) -> bool:
        """Whether a posting was noted since the last ``clear_unsettled`` (migration 6: its
        status, first seen or link changed, or it was stored linked, or removed)."""
        return self.conn.execute("SELECT 1 FROM unsettled LIMIT 1").fetchone() is not None

    def unsettled_clusters(self) -> tuple[set[str], list[tuple[str, str, str, str, str | None]]]:
        """The clusters of the postings noted (``unsettled``): their keys (a noted posting's
        canonical id, and its own id, for the postings linked to it) and ``(id, source,
        status, first_seen, canonical_id)`` of every posting whose id or canonical id is
        one of them."""
        keys = {r[0] for r in self.conn.execute(
            "SELECT posting_id FROM unsettled UNION SELECT p.canonical_id FROM unsettled u "
            "JOIN postings p ON p.id = u.posting_id WHERE p.canonical_id IS NOT NULL")}
        rows = [(r[0], r[1], r[2], r[3], r[4]) for r in self.conn.execute(
            "WITH k(id) AS (SELECT value FROM json_each(?)) "
            "SELECT p.id, p.source, p.status, p.first_seen, p.canonical_id "
            "FROM k JOIN postings p ON p.id = k.id UNION "
            "SELECT p.id, p.source, p.status, p.first_seen, p.canonical_id "
            "FROM k JOIN postings p ON p.canonical_id = k.id", (json.dumps(sorted(keys)),))]
        return keys, rows

    def note_linked(self) -> None:
        """Note every linked posting (as migration 6 did), for the next settling to read
        every cluster."""
        self.conn.execute("INSERT OR IGNORE INTO unsettled(posting_id) "
                          "SELECT id FROM postings WHERE canonical_id IS NOT NULL")

    def clear_unsettled(self) -> None:
        """Forget the postings noted (their clusters read, to be settled)."""
        self.conn.execute("DELETE FROM unsettled")

    def text_links_filled(self) -> bool:
        """Whether ``text_links`` holds every stored posting's text links (a store migrated to
        schema 5 with postings in it is filled by its next linking pass)."""
        return self.meta(_TEXT_LINKS_MARK) is not None

    def set_text_links(self, items: Iterable[tuple[str, Iterable[str]]], *,
                       filled: bool = False) -> None:
        """Replace the URLs each posting's text links to (``items``: id, URLs), in one
        transaction; ``filled``: every stored posting's are written now (``text_links_filled``).
        The URLs are the caller's (``dedupe._links``): the store only keeps them."""
        items = [(pid, sorted(urls)) for pid, urls in items]
        with self.transaction():
            for start in range(0, len(items), 500):
                chunk = [pid for pid, _ in items[start : start + 500]]
                self.conn.execute(f"DELETE FROM text_links WHERE posting_id IN "
                                  f"({','.join('?' * len(chunk))})", chunk)
            self.conn.executemany("INSERT OR IGNORE INTO text_links(url, posting_id) VALUES (?, ?)",
                                  ((u, pid) for pid, urls in items for u in urls))
            if filled:
                self.set_meta(_TEXT_LINKS_MARK, "1")

    def text_linkers(self, urls: Sequence[str]) -> dict[str, list[str]]:
        """The postings whose stored text links to each of ``urls`` (``set_text_links``),
        sorted; a URL no text links to is left out."""
        out: dict[str, list[str]] = {}
        for start in range(0, len(urls), 500):
            chunk = list(urls[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for url, pid in self.conn.execute(
                    f"SELECT url, posting_id FROM text_links WHERE url IN ({marks})"
                    " ORDER BY url, posting_id", chunk):
                out.setdefault(url, []).append(pid)
        return out

    def extra_values(self, ids: Sequence[str], key: str) -> dict[str, object]:
        """``extra[key]`` of those of the postings ``ids`` that have it, not null (a JSON value
        as Python: a list, a dict, a string, a number); only their rows' data is read."""
        out: dict[str, object] = {}
        path = f'$.extra."{key}"'
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for pid, value in self.conn.execute(  # (json_quote: the value as JSON text)
                    f"SELECT id, json_quote(json_extract(data, ?)) FROM postings"
                    f" WHERE id IN ({marks})", (path, *chunk)):
                if value != "null":  # (a value of null is as good as none)
                    out[pid] = json.loads(value)
        return out

    def snapshot(self) -> list[tuple[str, str, str]]:
        """``(id, content_hash, status)`` of every posting, sorted (for comparing stores)."""
        return [
            (r[0], r[1], r[2])
            for r in self.conn.execute(
                "SELECT id, content_hash, status FROM postings ORDER BY id"
            )
        ]

    def has_prefix(self, prefix: str) -> bool:
        """Whether any posting, open or closed, has an id starting with ``prefix`` (a
        primary-key range scan)."""
        return self.conn.execute("SELECT 1 FROM postings WHERE id >= ? AND id < ? LIMIT 1",
                                 (prefix, prefix + "\U0010ffff")).fetchone() is not None

    def synced_prefix(self, prefix: str) -> bool:
        """Whether any posting, open or closed, with an id starting with ``prefix`` was listed
        by a sync (``synced_at``; one only a file import stored does not count)."""
        return self.conn.execute("SELECT 1 FROM postings WHERE id >= ? AND id < ?"
                                 " AND synced_at IS NOT NULL LIMIT 1",
                                 (prefix, prefix + "\U0010ffff")).fetchone() is not None

    def statuses_by_extra(self, source: str, id_glob: str, key: str, *,
                          after_rev: int = 0) -> dict[str, dict[str, str]]:
        """``{extra[key]: {id: status}}`` of the postings of ``source`` whose id matches
        ``id_glob`` (``GLOB``): those stored under an earlier id form, by unit
        (``BaseSource.earlier_ids``); with ``after_rev``, only those written after it.
        SQLite reads the selected columns of the rows the ``WHERE`` keeps only, so only the
        rows of that form have their data read."""
        found: dict[str, dict[str, str]] = {}
        for pid, status, value in self.conn.execute(
                "SELECT id, status, json_extract(data, ?) FROM postings"
                " WHERE source=? AND id GLOB ?" + (" AND rev > ?" if after_rev else ""),
                (f'$.extra."{key}"', source, id_glob, *([after_rev] if after_rev else []))):
            if isinstance(value, str | int) and not isinstance(value, bool):
                found.setdefault(str(value), {})[pid] = status  # (an HN thread id: a number)
        return found

    def open_ids_with_prefix(self, prefix: str) -> set[str]:
        """Ids of open postings starting with ``prefix`` (a primary-key range scan)."""
        return {
            r[0]
            for r in self.conn.execute(
                "SELECT id FROM postings WHERE id >= ? AND id < ? AND status='open'",
                (prefix, prefix + "\U0010ffff"),
            )
        }
