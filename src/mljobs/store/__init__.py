"""The posting store: SQLite by default, one file in the user's data directory.

``open_store()`` is the one way in; everything else talks to the returned
``SQLiteStore``. The store is the source of truth; the search index
(``mljobs.index``) is derived from it and can be rebuilt at any time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_data_dir

from mljobs.store.sqlite import Change, SQLiteStore, UpsertReport

__all__ = ["Change", "SQLiteStore", "UpsertReport", "default_db_path", "default_demo_db_path",
           "open_store"]


def default_db_path() -> Path:
    """``$MLJOBS_DB`` if set, else ``mljobs.sqlite3`` in the user's data directory."""
    env = os.environ.get("MLJOBS_DB")
    if env:
        return Path(env).expanduser()  # ("~/jobs.sqlite3" from an env file: the home folder)
    return Path(user_data_dir("mljobs", appauthor=False)) / "mljobs.sqlite3"


def default_demo_db_path() -> Path:
    """Where ``mljobs demo`` puts its store unless told otherwise: ``demo.sqlite3`` in the
    user's data directory (never ``$MLJOBS_DB``: the demo does not write into that store)."""
    return Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"


def open_store(path: str | Path | None = None, *,
               on_reread: Callable[[int], None] | None = None) -> SQLiteStore:
    """Open (creating and migrating if needed) the store at ``path`` or the default;
    ``on_reread``: see ``SQLiteStore``."""
    return SQLiteStore(path if path is not None else default_db_path(), on_reread=on_reread)
