"""An index whose countries and regions were read by other place rules
(``mljobs.places.VERSION``) is rebuilt on open, by both engines: the facets are stored in
the index, so a change to how a location string reads would otherwise stay out of search
until a ``mljobs reindex``. Real indexes on disk (tmp_path)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mljobs import places
from mljobs.importer import import_file
from mljobs.index import SearchQuery, index_path, open_index
from mljobs.index.fts5 import Fts5Index
from mljobs.index.tantivy_engine import TantivyIndex
from mljobs.store import SQLiteStore


def _read_by_older_rules(path: Path, engine: str) -> None:
    if engine == "tantivy":
        state = json.loads((path / "state.json").read_text())
        (path / "state.json").write_text(json.dumps({**state, "places": places.VERSION - 1}))
    else:
        with sqlite3.connect(str(path)) as conn:
            conn.execute("UPDATE state SET value=? WHERE key='places'", (str(places.VERSION - 1),))
        conn.close()


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_an_index_of_older_place_readings_is_built_again(store: SQLiteStore, hn_sample: Path,
                                                         now, engine: str) -> None:
    import_file(store, hn_sample, now=now)
    first = open_index(store, engine)
    total = first.search(SearchQuery(limit=1, facets=())).total
    first.close()
    path = index_path(store, engine)
    assert path is not None and total > 0
    cls = TantivyIndex if engine == "tantivy" else Fts5Index
    same = cls(path)
    assert same.sync(store) == 0  # the same readings: nothing to index again
    same.close()
    _read_by_older_rules(path, engine)
    again = cls(path)
    assert again.sync(store) == total  # every posting read again
    assert again.search(SearchQuery(limit=1, facets=())).total == total
    again.close()
    reopened = cls(path)
    assert reopened.sync(store) == 0
    reopened.close()
