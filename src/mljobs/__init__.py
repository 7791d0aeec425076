"""mljobs: collect, understand and search machine-learning job postings, offline.

The public API::

    from mljobs import open_store, open_index, SearchQuery
    store = open_store("jobs.sqlite3")
    index = open_index(store)
    result = index.search(SearchQuery(text='"machine learning" -sales'))
"""

from __future__ import annotations

from mljobs.errors import (
    ConfigError,
    EnrichError,
    FetchError,
    InputError,
    MljobsError,
    ParseError,
    QueryError,
    RowError,
    SourceError,
    StoreError,
)
from mljobs.index import SearchQuery, SearchResult, open_index
from mljobs.models import Document, Enrichment, Posting, RawPosting, Remote, Salary, Status
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore, open_store

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Document",
    "EnrichError",
    "Enrichment",
    "FetchError",
    "InputError",
    "MljobsError",
    "ParseError",
    "Posting",
    "QueryError",
    "RawPosting",
    "Remote",
    "RowError",
    "SQLiteStore",
    "Salary",
    "SearchQuery",
    "SearchResult",
    "SourceError",
    "Status",
    "StoreError",
    "__version__",
    "normalize",
    "open_index",
    "open_store",
]
