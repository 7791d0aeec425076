"""The bundled demo: real Hacker News "Who is hiring?" posts, Jan-May 2026.

``src/mljobs/data/demo-hn-2026.jsonl.gz`` is built by ``tools/build_demo.py``
from the public HN posts (e-mail addresses and phone numbers removed); every
posting links back to its HN item.
"""

from __future__ import annotations

import gzip
import json
import re
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from mljobs.dedupe import link_duplicates, settle_canonicals
from mljobs.importer import Enricher, FileReport, Progress, import_file
from mljobs.index import SearchQuery, open_index
from mljobs.store import SQLiteStore

DEMO_FILE = "demo-hn-2026.jsonl.gz"
SAMPLE_QUERY = '"machine learning" OR "natural language processing"'


def demo_path() -> Path:
    """The bundled demo file inside the installed package."""
    return Path(str(resources.files("mljobs") / "data" / DEMO_FILE))


def demo_ids() -> set[str]:
    """The posting ids of the bundled demo's posts (``hackernews:<item id>``; a post split per
    role stores its roles under ``<post id>/r1``, ...)."""
    with gzip.open(demo_path(), "rt", encoding="utf-8") as demo:
        return {f"hackernews:{json.loads(line)['id']}" for line in demo if line.strip()}


def not_demo_in(path: Path) -> dict[str, int]:
    """The postings of the store file at ``path`` that the demo did not load (imported or
    synced into the demo store since), counted by source, most first: what rebuilding the
    demo store would drop. Read as the file is, of any mljobs version, by a plain SQLite
    connection: opened as a store, an older mljobs' store was migrated and its
    Hacker News postings' places read again (a line and seconds at each ``make run`` after an
    upgrade) just before ``mljobs demo`` emptied it, and a newer one was not read at all.
    Not read-only: closed, a read-only connection leaves an empty ``-wal`` and a ``-shm``
    file beside the store (``foreign_reason``'s too), which this one, the last, removes. A
    ``sqlite3.DatabaseError`` when it is no store (damaged, or no postings table)."""
    conn = sqlite3.connect(path)
    try:
        return _by_source(str(pid) for (pid,) in conn.execute("SELECT id FROM postings"))
    finally:
        conn.close()


def _by_source(pids: Iterable[str]) -> dict[str, int]:
    ids = demo_ids()
    counts: dict[str, int] = {}
    for pid in pids:
        if re.sub(r"/r\d+$", "", pid) not in ids:
            source = pid.split(":", 1)[0]
            counts[source] = counts.get(source, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def load_demo(
    store: SQLiteStore, *, now: datetime, enricher: Enricher | None = None,
    on_progress: Progress | None = None,
) -> FileReport:
    """Import the bundled demo posts into ``store``, link reposts, and index them (the
    clusters settled, as an import's: nothing is left noted for the next sync to read)."""
    report = import_file(store, demo_path(), now=now, enricher=enricher, on_progress=on_progress)
    link_duplicates(store, report.changed_ids)
    settle_canonicals(store)
    open_index(store).close()
    return report


def summary(store: SQLiteStore) -> dict[str, Any]:
    """Counts by month, top companies, remote share and a sample search."""
    stats = store.stats()
    total = stats["postings"] or 1
    remote = stats["by_remote"].get("remote", 0)
    index = open_index(store)
    try:
        result = index.search(SearchQuery(text=SAMPLE_QUERY, limit=5, facets=()))
        canonical = index.search(SearchQuery(limit=1, facets=())).total
    finally:
        index.close()
    return {
        "postings": stats["postings"],
        "canonical": canonical,
        "by_month": stats["by_month"],
        # each job once: per posting, the companies that repost to each month's thread led
        "top_companies": stats["top_companies_linked"],
        "remote_share": remote / total,
        "by_archetype": stats["by_archetype"],
        "sample_query": SAMPLE_QUERY,
        "sample_total": result.total,
        "sample_hits": [(h.id, h.title, h.company) for h in result.hits],
    }
