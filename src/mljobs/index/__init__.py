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

from mljobs.errors import ConfigError
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
    "Fts5Index",
    "Hit",
    "ParsedQuery",
    "SearchIndex",
    "SearchQuery",
    "SearchResult",
    "TantivyIndex",
    "index_path",
    "open_index",
    "parse_query",
]

ENGINES: dict[str, Callable[[Path | None], SearchIndex]] = {
    "tantivy": TantivyIndex,
    "fts5": Fts5Index,
}
DEFAULT_ENGINE = "tantivy"


def index_path(store: SQLiteStore, engine: str = DEFAULT_ENGINE) -> Path | None:
    """Where the index of a store lives (None for an in-memory store)."""
    if store.path == ":memory:":
        return None
    base = Path(store.path)
    suffix = ".index" if engine == "tantivy" else f".{engine}.sqlite3"
    return base.with_name(base.name + suffix)


def open_index(store: SQLiteStore, engine: str = DEFAULT_ENGINE, *, sync: bool = True) -> SearchIndex:
    """Open the search index of ``store`` and (by default) bring it up to date."""
    try:
        cls = ENGINES[engine]
    except KeyError:
        raise ConfigError(
            f"unknown search engine {engine!r}; available: {', '.join(ENGINES)}"
        ) from None
    index: SearchIndex = cls(index_path(store, engine))
    if sync:
        index.sync(store)
    return index
