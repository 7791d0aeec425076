"""A tantivy rebuild while another process writes the index: `mljobs reindex`, and a search
whose index is built whole (a new one), failed at once ("Failed to acquire Lockfile:
LockBusy"), or, for the search, read the new empty index and said no posting matched. Now a
whole build waits up to ``WRITER_WAIT_S`` for the other process, saying so, and then builds;
past that it stops with an error naming the other process (pid, command, its work, since
when) and what to do, the index left as it was. Two real processes: the other one takes the
index's writer as a sync does (``TantivyIndex._writer``) and holds it until told."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.importer import import_file
from mljobs.index import SearchQuery, fts5, index_path, open_index, tantivy_engine
from mljobs.store import SQLiteStore

HOLD = (
    "import sys\n"
    "from mljobs.index.tantivy_engine import TantivyIndex\n"
    "index = TantivyIndex(sys.argv[1])\n"
    "writer = index._writer('rebuilding the whole index (43 postings)')\n"
    "print('held', flush=True)\n"
    "sys.stdin.readline()\n"
    "del writer\n"
    "index._done_writing()\n"
)


@pytest.fixture
def filled(store: SQLiteStore, hn_sample: Path, now) -> SQLiteStore:  # type: ignore[no-untyped-def]
    import_file(store, hn_sample, now=now)
    return store


@pytest.fixture
def other(filled: SQLiteStore) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the writer of ``filled``'s tantivy index until its stdin gets
    a line (or closes)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen([sys.executable, "-c", HOLD, str(index_path(filled))], env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
        _release(proc)


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    if not proc.stdin.closed:
        proc.stdin.write("go\n")
        proc.stdin.close()


def _release_later(proc: subprocess.Popen[str], seconds: float = 1.0) -> threading.Timer:
    timer = threading.Timer(seconds, _release, (proc,))
    timer.start()
    return timer


def _said(output: str) -> str:
    return " ".join(output.split())


def test_reindex_waits_for_the_other_process_then_rebuilds(
        filled: SQLiteStore, other: subprocess.Popen[str]) -> None:
    total = filled.count()
    _release_later(other)
    result = CliRunner().invoke(app, ["--db", str(filled.path), "reindex"])
    said = _said(result.output)
    assert result.exit_code == 0, said
    assert "Waiting for another mljobs process that writes the search index" in said
    assert f"pid {other.pid}" in said and "rebuilding the whole index (43 postings)" in said
    assert f"indexed {total:,} postings with tantivy" in said
    assert open_index(filled).search(SearchQuery(limit=1, facets=())).total == total


def test_reindex_stops_after_the_bound_naming_the_other_process_and_what_to_do(
        filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    total = open_index(filled).search(SearchQuery(limit=1, facets=())).total
    assert total > 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen([sys.executable, "-c", HOLD, str(index_path(filled))], env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        monkeypatch.setattr(tantivy_engine, "WRITER_WAIT_S", 1.0)
        result = CliRunner().invoke(app, ["--db", str(filled.path), "reindex"])
        _release(proc)
    said = _said(result.output)
    assert result.exit_code != 0
    assert "up to 1 s; Ctrl-C stops" in said
    assert f"(pid {proc.pid}, `" in said and "rebuilding the whole index (43 postings) since" in said
    assert "still after 1 s of waiting; wait for it to finish and try again" in said
    assert "or stop that process" in said and "LockBusy" not in said
    # the index is as it was, and its writer free: the next reindex runs
    assert open_index(filled).search(SearchQuery(limit=1, facets=())).total == total
    again = CliRunner().invoke(app, ["--db", str(filled.path), "reindex"])
    assert again.exit_code == 0, again.output
    # no record of a writer is left behind by either process
    record = index_path(filled)
    assert record is not None and not record.with_name(record.name + ".writer").exists()


def test_a_search_that_builds_a_new_index_waits_for_the_other_process(
        filled: SQLiteStore, other: subprocess.Popen[str]) -> None:
    """The index is new (the other process made it and holds its writer): read as it was,
    the search found nothing, with a note; now it waits, then builds and finds every posting."""
    _release_later(other)
    result = CliRunner().invoke(app, ["--db", str(filled.path), "search", "--json", "--", ""])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"] == filled.count() > 0
    assert "Waiting for another mljobs process" in _said(result.output)


def test_an_fts5_reindex_says_that_it_waits_for_the_other_process(filled: SQLiteStore) -> None:
    """fts5 waited SQLite's 5 s for the write lock with no word; now it says so first."""
    assert CliRunner().invoke(app, ["--db", str(filled.path), "reindex", "--engine",
                                    "fts5"]).exit_code == 0
    hold = ("import sqlite3, sys\n"
            "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "conn.execute('BEGIN IMMEDIATE')\n"
            "print('held', flush=True)\n"
            "sys.stdin.readline()\n"
            "conn.execute('COMMIT')\n")
    path = index_path(filled, "fts5")
    with subprocess.Popen([sys.executable, "-c", hold, str(path)], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        _release_later(proc)
        result = CliRunner().invoke(app, ["--db", str(filled.path), "reindex", "--engine",
                                          "fts5"])
    said = _said(result.output)
    assert result.exit_code == 0, said
    assert f"Waiting for another mljobs process that writes the search index at {path}" in said
    assert f"indexed {filled.count():,} postings with fts5" in said


def test_an_fts5_reindex_past_its_wait_names_the_other_process(
        filled: SQLiteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """fts5's rebuild said only "being written by another mljobs process (database is
    locked)" after SQLite's 5 s; now it names the process, as tantivy's does: the one that
    takes the write lock as a sync does (``Fts5Index._begin_write``) records who it is."""
    assert CliRunner().invoke(app, ["--db", str(filled.path), "reindex", "--engine",
                                    "fts5"]).exit_code == 0
    total = open_index(filled, "fts5").search(SearchQuery(limit=1, facets=())).total
    hold = ("import sys\n"
            "from mljobs.index import writer_record\n"
            "from mljobs.index.fts5 import Fts5Index\n"
            "index = Fts5Index(sys.argv[1])\n"
            "index._begin_write(wait=False, work='rebuilding the whole index (43 postings)')\n"
            "print('held', flush=True)\n"
            "sys.stdin.readline()\n"
            "index.conn.execute('ROLLBACK')\n"
            "writer_record.drop(sys.argv[1])\n")
    path = index_path(filled, "fts5")
    assert path is not None
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    monkeypatch.setattr(fts5, "_BUSY_MS", 1000)  # (SQLite's wait, 5 s, shorter)
    with subprocess.Popen([sys.executable, "-c", hold, str(path)], env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        result = CliRunner().invoke(app, ["--db", str(filled.path), "reindex", "--engine",
                                          "fts5"])
        _release(proc)
    said = _said(result.output)
    assert result.exit_code != 0
    assert f"Waiting for another mljobs process that writes the search index at {path} (pid " \
           f"{proc.pid}, `" in said and "up to 1 s; Ctrl-C stops" in said
    assert "rebuilding the whole index (43 postings) since" in said
    assert "still after 1 s of waiting; wait for it to finish and try again" in said
    assert "or stop that process" in said and "database is locked" not in said
    # the index is as it was, and the next reindex runs, leaving no record of a writer
    assert open_index(filled, "fts5").search(SearchQuery(limit=1, facets=())).total == total
    again = CliRunner().invoke(app, ["--db", str(filled.path), "reindex", "--engine", "fts5"])
    assert again.exit_code == 0, again.output
    assert not path.with_name(path.name + ".writer").exists()


def test_ctrl_c_of_a_search_that_waits_says_what_happened(
        filled: SQLiteStore, other: subprocess.Popen[str]) -> None:
    """Ctrl-C of a search waiting for the other process's build exited 130 with no word
    (the reindex it waits for says "Interrupted: ..."); now it says that it stopped while it
    waited, that nothing was searched or changed, and what to do."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # (Ctrl-C's KeyboardInterrupt, though this test may run where SIGINT is ignored: a
    # background job of a shell, whose children Python then leaves ignoring it)
    main = ("import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from mljobs.cli import main; main()")
    with subprocess.Popen([sys.executable, "-c", main, "--db", str(filled.path), "search",
                           "pytorch"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as search:
        assert search.stderr is not None
        first = search.stderr.readline()
        assert first.startswith("Waiting for another mljobs process"), first
        search.send_signal(signal.SIGINT)
        out, err = search.communicate(timeout=30)
    assert search.returncode == 130, err
    assert out == ""
    said = _said(first + err)  # (the wait's line, then what Ctrl-C stopped)
    assert said.endswith(".") and ("Ctrl-C stops Interrupted: the search stopped while it waited "
                                   "for another mljobs process that writes the search index at "
                                   ) in said, said
    assert ("nothing was searched, and the store and the search index are as they were; "
            f"search again once that process is done (pid {other.pid}") in said
    assert "Traceback" not in said


def test_a_sync_that_waits_for_the_other_process_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``import`` and ``enrich --store`` say that their index update waits for another process
    (``say_index_wait``); ``sync`` waited the same up to 60 s after its progress bars with no
    word (``run_sync`` gave ``refresh_index`` no ``on_wait``). Over the replay server: a new
    store whose index another process holds."""
    from ..sources.replay_server import ReplayServer, fixture

    db = tmp_path / "s.sqlite3"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen([sys.executable, "-c", HOLD, f"{db}.index"], env=env,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as proc, \
            ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        monkeypatch.setattr(tantivy_engine, "WRITER_WAIT_S", 1.0)
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                          f'boards = ["vaulttec"]\nbase_url = "{srv.url}"\n')
        result = CliRunner().invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                          "--no-enrich"], env={"COLUMNS": "200"})
        _release(proc)
    said = _said(result.output)
    assert result.exit_code == 0, said
    assert ("Waiting for another mljobs process that writes the search index at "
            f"{db}.index (pid {proc.pid}, `") in said and "up to 1 s; Ctrl-C stops" in said
    assert (f"note the search index at {db}.index is left as it was, another mljobs process "
            "is writing it") in said
