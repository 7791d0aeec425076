"""The tantivy index rebuilt on open (a new schema) when processes share it: two opened at
once do not index the store twice nor wipe each other's work; a folder that cannot be
emptied is a clear error, and the store is untouched. Real indexes on disk (tmp_path)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mljobs.errors import StoreError
from mljobs.importer import import_file
from mljobs.index import SearchQuery, index_path, open_index
from mljobs.index.tantivy_engine import SCHEMA_VERSION, TantivyIndex
from mljobs.store import SQLiteStore


def _old_schema(path: Path) -> None:
    """Mark an index as written by the previous schema (as an upgrade finds it)."""
    state = json.loads((path / "state.json").read_text())
    (path / "state.json").write_text(json.dumps({**state, "schema": SCHEMA_VERSION - 1}))


def test_two_opened_at_once_index_each_posting_once(store: SQLiteStore, hn_sample: Path,
                                                    now) -> None:
    import_file(store, hn_sample, now=now)
    total = open_index(store).search(SearchQuery(limit=1, facets=())).total
    path = index_path(store)
    assert path is not None and total > 0
    _old_schema(path)
    first = TantivyIndex(path)   # wipes the old index
    second = TantivyIndex(path)  # opened before the first has indexed anything
    assert first.sync(store) == total
    assert second.sync(store) == 0  # (it indexed the whole store again, from rev 0)
    for index in (first, second, open_index(store)):
        assert index.search(SearchQuery(limit=1, facets=())).total == total


def test_processes_opening_an_old_index_together(store: SQLiteStore, hn_sample: Path, now,
                                                 tmp_path: Path) -> None:
    import_file(store, hn_sample, now=now)
    total = open_index(store).search(SearchQuery(limit=1, facets=())).total
    path = index_path(store)
    assert path is not None
    script = (
        "import sys\n"
        "from mljobs.errors import StoreError\n"
        "from mljobs.index import SearchQuery, open_index\n"
        "from mljobs.store import SQLiteStore\n"
        "try:\n"
        "    idx = open_index(SQLiteStore(sys.argv[1]))\n"
        "except StoreError as exc:\n"
        "    print('busy', exc); sys.exit(3)\n"
        "print(idx.search(SearchQuery(limit=1, facets=())).total)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _round in range(3):
        _old_schema(path)
        runs = [subprocess.Popen([sys.executable, "-c", script, str(store.path)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(3)]
        for run in runs:
            out, err = run.communicate(timeout=300)
            # each either searched the whole store or said another process holds the index
            assert (run.returncode, out.strip()) == (0, str(total)) or (
                run.returncode == 3 and "by another mljobs process" in out), (out, err)
        assert open_index(store).search(SearchQuery(limit=1, facets=())).total == total


def test_an_index_folder_that_cannot_be_emptied_is_a_clear_error(
        store: SQLiteStore, hn_sample: Path, now) -> None:
    import_file(store, hn_sample, now=now)
    open_index(store)
    path = index_path(store)
    assert path is not None
    _old_schema(path)
    if os.geteuid() == 0:  # (root ignores the mode bits: an immutable folder instead)
        if shutil.which("chattr") is None or subprocess.run(
                ["chattr", "+i", str(path)], check=False, capture_output=True).returncode:
            pytest.skip("no way to make a folder read-only for root here")
        undo = ["chattr", "-i", str(path)]
    else:
        path.chmod(0o555)
        undo = ["chmod", "755", str(path)]
    try:
        with pytest.raises(StoreError, match="must be built again .*, but it cannot be"):
            open_index(store)
    finally:
        subprocess.run(undo, check=True)
    assert open_index(store).search(SearchQuery(limit=1, facets=())).total > 0
