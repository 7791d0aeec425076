"""A search that builds the whole search index (the first search of a store, or the first after
an index format change: FTS5 FORMAT 6, a tantivy schema) had the user wait, a minute at 100,000
postings, with no word; ``mljobs search`` now says so on stderr before it starts (its ``--json``
stdout stays whole) and ``mljobs serve`` in its log, in both engines; a search that only brings
the index up to date, or builds a small one (well under a second), says nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from mljobs.index import SAY_BUILD_FROM
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
CLI = [sys.executable, "-c", "from mljobs.cli import main; main()"]
SAID = ("Building the search index ({:,} postings; once, as it is new or of another mljobs "
        "version) ...")


def _store(db: Path, postings: int, first: int = 0) -> None:
    with SQLiteStore(db) as store:
        store.upsert([normalize(RawPosting(
            source="board", source_id=str(n), title=f"Machine Learning Engineer {n}",
            company=f"Co {n}", description_text=f"Train models in PyTorch, job {n}.",
        )) for n in range(first, first + postings)], now=NOW)


def _search(db: Path, engine: str) -> tuple[int, str]:
    """``mljobs search pytorch --engine ENGINE --json`` in a process of its own: the total
    its stdout holds (whole JSON) and what it said on stderr."""
    done = subprocess.run([*CLI, "--db", str(db), "search", "pytorch", "--engine", engine,
                           "--json"], check=False, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "300"})
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)["total"]), " ".join(done.stderr.split())


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_a_search_that_builds_the_index_says_so_once(tmp_path: Path, engine: str) -> None:
    db = tmp_path / "s.sqlite3"
    count = SAY_BUILD_FROM + 50
    _store(db, count)
    assert _search(db, engine) == (count, SAID.format(count))  # (no index yet)
    assert _search(db, engine) == (count, "")  # (built: nothing to say)
    _store(db, 5, first=count)  # (a change: brought up to date, not built)
    assert _search(db, engine) == (count + 5, "")


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_the_first_search_after_an_index_format_change_says_it_builds_it(
        tmp_path: Path, engine: str) -> None:
    db = tmp_path / "s.sqlite3"
    count = SAY_BUILD_FROM
    _store(db, count)
    assert _search(db, engine)[0] == count
    if engine == "fts5":  # (an index of FORMAT 5, as the last session wrote it)
        with sqlite3.connect(f"{db}.fts5.sqlite3") as conn:
            conn.execute("PRAGMA user_version = 5")
    else:  # (an index of an older schema)
        state = db.with_name(db.name + ".index") / "state.json"
        state.write_text(json.dumps({**json.loads(state.read_text()), "schema": 1}))
    assert _search(db, engine) == (count, SAID.format(count))
    assert _search(db, engine) == (count, "")


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_a_small_index_is_built_without_a_word(tmp_path: Path, engine: str) -> None:
    db = tmp_path / "s.sqlite3"
    _store(db, SAY_BUILD_FROM - 1)
    assert _search(db, engine) == (SAY_BUILD_FROM - 1, "")


def test_serve_says_in_its_log_that_it_builds_the_index(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    count = SAY_BUILD_FROM + 1
    _store(db, count)
    with subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stderr is not None
            assert "serving" in proc.stdout.readline()
            url = proc.stdout.readline().strip()
            found = httpx.get(url + "api/search", params={"q": "pytorch"}, timeout=60).json()
            assert found["total"] == count
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        log = proc.stderr.read()
    line = SAID.format(count)
    assert line[:1].lower() + line[1:] in " ".join(log.split()), log
