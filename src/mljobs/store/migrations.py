"""Schema migrations of the SQLite store, applied in order.

The schema version lives in ``PRAGMA user_version``. Each entry of
``MIGRATIONS`` moves the schema from version ``i`` to ``i + 1``; never edit a
released migration, append a new one.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: postings, raw documents, change log, parse failures, key/value meta
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE raw_documents (
        sha256     TEXT PRIMARY KEY,
        source     TEXT NOT NULL,
        ref        TEXT NOT NULL,
        media_type TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        size       INTEGER NOT NULL,
        data       BLOB NOT NULL          -- zlib-compressed bytes
    );
    CREATE TABLE postings (
        id                 TEXT PRIMARY KEY,
        source             TEXT NOT NULL,
        source_id          TEXT NOT NULL,
        url                TEXT,
        title              TEXT NOT NULL,
        company            TEXT,
        remote             TEXT NOT NULL,
        posted_at          TEXT,
        status             TEXT NOT NULL,
        first_seen         TEXT NOT NULL,
        last_seen          TEXT NOT NULL,
        closed_at          TEXT,
        content_hash       TEXT NOT NULL,
        raw_ref            TEXT REFERENCES raw_documents(sha256),
        canonical_id       TEXT,
        rev                INTEGER NOT NULL,
        data               TEXT NOT NULL,  -- the Posting as JSON, without enrichment
        enrichment         TEXT,           -- the Enrichment as JSON
        enrichment_version TEXT,
        UNIQUE (source, source_id)
    );
    CREATE INDEX postings_rev ON postings(rev);
    CREATE INDEX postings_source_status ON postings(source, status);
    CREATE INDEX postings_canonical ON postings(canonical_id);
    CREATE TABLE posting_changes (
        id         INTEGER PRIMARY KEY,
        posting_id TEXT NOT NULL REFERENCES postings(id),
        changed_at TEXT NOT NULL,
        kind       TEXT NOT NULL,          -- created | updated | closed | reopened
        old_hash   TEXT,
        new_hash   TEXT,
        fields     TEXT                    -- JSON list of changed field names
    );
    CREATE INDEX posting_changes_posting ON posting_changes(posting_id);
    CREATE TABLE parse_failures (
        id         INTEGER PRIMARY KEY,
        source     TEXT NOT NULL,
        doc_ref    TEXT NOT NULL,
        raw_sha256 TEXT,
        error      TEXT NOT NULL,
        at         TEXT NOT NULL
    );
    """,
    # 2 (sync): conditional-GET validators per URL; the body is the raw document ``sha256``
    """
    CREATE TABLE http_cache (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        sha256        TEXT NOT NULL,
        stored_at     TEXT NOT NULL
    );
    """,
    # 3 (sync): when a sync last listed the posting (``synced_at``); NULL: no sync ever has
    # (it came from a file import, a careers page saved from a browser as a rule), so a
    # page that lists nothing does not close it. A row stored before counts as listed at
    # its last_seen: the store did not say how it came, and it keeps the closing it had.
    """
    ALTER TABLE postings ADD COLUMN synced_at TEXT;
    UPDATE postings SET synced_at = last_seen;
    """,
    # 4: which version of the understanding step made each posting's enrichment, counted
    # from this index alone (``SQLiteStore.enrichment_versions``: `stats`, the end of `sync`
    # and `import`, the dashboard name the postings an older version understood). Without
    # it the count read every row, JSON and all: 0.7 s for 100,000 postings, not 0.01 s.
    """
    CREATE INDEX IF NOT EXISTS postings_enrichment_version ON postings(enrichment_version);
    """,
    # 5 (dedupe): the job URLs each posting's text links to (``dedupe._links``), so a posting
    # stored after a text that links to its URL finds that text (``SQLiteStore.text_linkers``)
    # as a text stored after it finds the posting. A store with postings fills it on its next
    # linking pass (``dedupe.link_duplicates``), which sets the meta mark ``text_links_filled``;
    # one without postings has nothing to fill.
    """
    CREATE TABLE IF NOT EXISTS text_links (
        url        TEXT NOT NULL,
        posting_id TEXT NOT NULL REFERENCES postings(id),
        PRIMARY KEY (url, posting_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS text_links_posting ON text_links(posting_id);
    INSERT OR IGNORE INTO meta(key, value) SELECT 'text_links_filled', '1'
        WHERE NOT EXISTS (SELECT 1 FROM postings);
    """,
    # 6 (dedupe): the postings whose cluster's shown posting may have to move
    # (``dedupe.settle_canonicals``): SQLite notes each posting whose status, first seen or
    # link changes, or that is stored linked (or with postings linked to its id: one
    # removed and stored again) or removed, whichever code path writes it, so a sync or
    # import settles those postings' clusters alone, not every linked posting. A store
    # migrated with links in it has every linked posting noted: its next settling reads
    # them all once, as each did before.
    """
    CREATE TABLE IF NOT EXISTS unsettled (
        posting_id TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    CREATE TRIGGER IF NOT EXISTS unsettled_update
        AFTER UPDATE OF status, first_seen, canonical_id ON postings
        WHEN OLD.status IS NOT NEW.status OR OLD.first_seen IS NOT NEW.first_seen
            OR OLD.canonical_id IS NOT NEW.canonical_id
    BEGIN
        INSERT OR IGNORE INTO unsettled(posting_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER IF NOT EXISTS unsettled_insert AFTER INSERT ON postings
        WHEN NEW.canonical_id IS NOT NULL
            OR EXISTS (SELECT 1 FROM postings WHERE canonical_id = NEW.id)
    BEGIN
        INSERT OR IGNORE INTO unsettled(posting_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER IF NOT EXISTS unsettled_delete AFTER DELETE ON postings
    BEGIN
        INSERT OR IGNORE INTO unsettled(posting_id) VALUES (OLD.id);
    END;
    INSERT OR IGNORE INTO unsettled(posting_id)
        SELECT id FROM postings WHERE canonical_id IS NOT NULL;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations; return the schema version now in force.

    Each migration runs in its own transaction together with the version bump,
    so a crash leaves the database at a whole version.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        from mljobs.errors import StoreError

        raise StoreError(
            f"the store has schema version {version}, newer than this mljobs "
            f"({SCHEMA_VERSION}); upgrade mljobs or use another --db"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[target - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    _mend_settling_notes(conn)
    return SCHEMA_VERSION


# what migration 6 made, which the settling of shown postings reads and writes
_SETTLING_NOTES = frozenset({"unsettled", "unsettled_update", "unsettled_insert",
                             "unsettled_delete"})


def _mend_settling_notes(conn: sqlite3.Connection) -> None:
    """Make migration 6's table and triggers again where a store of schema 6 lacks one
    (dropped by hand, or a half restore): without the table every write to a posting's
    status or link failed ('no such table: unsettled', a traceback after an import had read
    its file); without a trigger, the postings it notes went unsettled for good. Made again,
    every linked posting is noted, as the migration noted them."""
    made = {str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE name IN (?, ?, ?, ?)", sorted(_SETTLING_NOTES))}
    if made == _SETTLING_NOTES:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(MIGRATIONS[5]):
            conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    """The statements of ``script``, a trigger's body (``BEGIN ...; END``) kept whole."""
    statements: list[str] = []
    held = ""
    for part in script.split(";"):
        held += part + ";"
        if sqlite3.complete_statement(held):
            if held[:-1].strip() and not _only_comments(held[:-1]):
                statements.append(held[:-1].strip())
            held = ""
    return statements


def _only_comments(chunk: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in chunk.splitlines())
