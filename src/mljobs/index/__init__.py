"""Full-text and facet search over the store, behind one small interface.

``open_index(store)`` returns the index that belongs to a store (a folder
beside the database file, or memory for ``:memory:`` stores) and brings it up
to date. Two engines implement ``SearchIndex``: tantivy (default, chosen by
the numbers in docs/benchmarks.md) and SQLite FTS5.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mljobs.errors import ConfigError, IndexBusyError, StoreError
from mljobs.index.base import (
    DEFAULT_FACETS,
    FACET_FIELDS,
    Hit,
    SearchIndex,
    SearchQuery,
    SearchResult,
)
from mljobs.index.fts5 import Fts5Index
from mljobs.index.query import ParsedQuery, parse_query
from mljobs.index.tantivy_engine import TantivyIndex

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

__all__ = [
    "DEFAULT_FACETS",
    "ENGINES",
    "FACET_FIELDS",
    "SAY_BUILD_FROM",
    "Fts5Index",
    "Hit",
    "ParsedQuery",
    "SearchIndex",
    "SearchQuery",
    "SearchResult",
    "TantivyIndex",
    "index_path",
    "open_for_search",
    "open_index",
    "parse_query",
    "refresh_index",
]

ENGINES: dict[str, Callable[[Path | None], SearchIndex]] = {
    "tantivy": TantivyIndex,
    "fts5": Fts5Index,
}
DEFAULT_ENGINE = "tantivy"
# From this many postings a whole build of the index that a search makes (a first search, or
# the first after an index format change: about a minute at 100,000 postings) is said, by
# ``mljobs search`` on stderr and by ``serve`` in its log; fewer are built in well under a
# second, before a line could say so
SAY_BUILD_FROM = 200


def index_path(store: SQLiteStore, engine: str = DEFAULT_ENGINE) -> Path | None:
    """Where the index of a store lives (None for an in-memory store)."""
    if store.path == ":memory:":
        return None
    base = Path(store.path)
    suffix = ".index" if engine == "tantivy" else f".{engine}.sqlite3"
    return base.with_name(base.name + suffix)


def open_index(store: SQLiteStore, engine: str = DEFAULT_ENGINE, *, sync: bool = True,
               on_build: Callable[[int], None] | None = None) -> SearchIndex:
    """Open the search index of ``store`` and (by default) bring it up to date; ``on_build``:
    told how many postings a whole build indexes (a new index, another format), before it
    starts (``SearchIndex.sync``)."""
    try:
        cls = ENGINES[engine]
    except KeyError:
        raise ConfigError(
            f"unknown search engine {engine!r}; available: {', '.join(ENGINES)}"
        ) from None
    index: SearchIndex = cls(index_path(store, engine))
    if sync:
        index.sync(store, on_build=on_build)
    return index


def open_for_search(store: SQLiteStore, engine: str = DEFAULT_ENGINE, *,
                    on_build: Callable[[int], None] | None = None,
                    on_wait: Callable[[str], None] | None = None, wait: bool = True
                    ) -> tuple[SearchIndex, IndexBusyError | None]:
    """Open the search index of ``store`` for a search and bring it up to date; while another
    process writes it (a `mljobs reindex`: one commit or transaction, as long as the rebuild),
    it is read as it is, the old index whole, and the ``IndexBusyError`` saying so is returned
    beside it (each engine's search ended in that error; fts5's after a 5 s wait).
    ``on_build``: as ``open_index``'s. An index to be built whole (new, of another format)
    waits a while for the other process first (``TantivyIndex.sync``), ``on_wait`` told so:
    read as it is, it held nothing, and the search found no posting; not with ``wait`` False
    (a server's request, which held every other with it)."""
    index = open_index(store, engine, sync=False)
    try:
        index.sync(store, on_build=on_build, on_wait=on_wait, wait=wait)
    except IndexBusyError as busy:
        return index, busy
    except BaseException:
        index.close()
        raise
    return index, None


def refresh_index(store: SQLiteStore, *, on_build: Callable[[int], None] | None = None,
                  on_wait: Callable[[str], None] | None = None) -> StoreError | None:
    """Bring the search index of ``store`` up to date after a write of the store (import,
    sync, ``enrich --store``); while another process writes it (a `mljobs reindex`), leave it
    to the next search and return the ``IndexBusyError`` saying so; when it cannot be opened
    or written at all (a file in the place of its folder), the ``StoreError`` saying why and
    what to do. The command says either beside its summary, its store written (both ended the
    command, exit 1; the second with its summary unsaid)."""
    try:
        index, busy = open_for_search(store, on_build=on_build, on_wait=on_wait)
    except StoreError as failed:
        return failed
    index.close()
    return busy
