"""``mljobs reindex`` stopped part way (a real subprocess sent SIGTERM or SIGINT while it holds
the index's writer). It emptied the index in a commit of its own first and saved its state at
revision 0, then ended with no word (SIGTERM: rc -15): a running ``mljobs serve`` answered 0
postings from then on, its state telling it the index was current. A rebuild is now written
in one commit: the index stays whole as it was, the run says so and names the command that
rebuilds it, and exits 143 (SIGTERM) or 130 (Ctrl-C). ``reindex --engine fts5`` dropped the
index's places version with its rows, so the next search built the whole index again."""

from __future__ import annotations

import html
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.index import open_index
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
POSTINGS = 3_000  # enough that the rebuild is still running when the signal comes
CLI = [sys.executable, "-c", "from mljobs.cli import main; main()"]


def _store(db: Path) -> None:
    with SQLiteStore(db) as store:
        store.upsert([normalize(RawPosting(
            source="board", source_id=str(n), title=f"Machine Learning Engineer {n}",
            company=f"Co {n}", description_text=f"Train models in PyTorch at scale, job {n}. " * 6,
        )) for n in range(POSTINGS)], now=NOW)
        open_index(store).close()


@contextmanager
def _serving(db: Path) -> Iterator[str]:
    """``mljobs serve`` on the store, on a free port: its URL."""
    with subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as proc:
        try:
            assert proc.stdout is not None
            assert "serving" in proc.stdout.readline()
            yield proc.stdout.readline().strip()
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _holds_writer(pid: int) -> bool:
    """Whether the process has the tantivy index's writer lock open (it is rebuilding)."""
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}").endswith(".tantivy-writer.lock")
                   for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:  # (an fd closed as it was read, or the process gone)
        return False


def _total(url: str) -> int:
    return int(httpx.get(url + "api/search", params={"q": "pytorch", "limit": 1},
                         timeout=60).json()["total"])


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to time the signal")
@pytest.mark.parametrize(("stop", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_reindex_leaves_the_index_a_server_reads_whole(
        tmp_path: Path, stop: signal.Signals, code: int) -> None:
    db = tmp_path / "s.sqlite3"
    _store(db)
    with _serving(db) as url:
        assert _total(url) == POSTINGS
        proc = subprocess.Popen([*CLI, "--db", str(db), "reindex"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "COLUMNS": "200"})
        deadline = time.monotonic() + 120
        while not _holds_writer(proc.pid) and proc.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.001)
        os.kill(proc.pid, stop)
        out, err = proc.communicate(timeout=120)
        # the server reloads what is committed within a moment: nothing was
        for _ in range(5):
            assert _total(url) == POSTINGS
            time.sleep(0.2)
        assert proc.returncode == code, (out, err)
        flat = " ".join((out + err).split())
        assert "Interrupted: the tantivy search index is as it was before this reindex" in flat
        assert f"`mljobs --db {db} reindex` rebuilds it" in flat
        assert "indexed" not in flat and "Traceback" not in flat
    found = CliRunner().invoke(app, ["--db", str(db), "search", "pytorch", "--json"])
    assert found.exit_code == 0 and f'"total": {POSTINGS}' in found.output


def test_reindex_fts5_keeps_what_the_next_search_reads(tmp_path: Path) -> None:
    """The places version stays beside the rebuilt rows, so the next search uses them."""
    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        store.upsert([normalize(RawPosting(
            source="board", source_id="1", title="Machine Learning Engineer", company="Acme",
            locations=["Berlin, Germany"], description_text="Train models in PyTorch."))], now=NOW)
    runner = CliRunner()
    done = runner.invoke(app, ["--db", str(db), "reindex", "--engine", "fts5"])
    assert done.exit_code == 0 and "indexed 1 postings with fts5" in done.output
    index = Path(f"{db}.fts5.sqlite3")
    with sqlite3.connect(index) as conn:
        before = dict(conn.execute("SELECT key, value FROM state").fetchall())
        rowids = conn.execute("SELECT rowid FROM doc_meta").fetchall()
    assert {"places", "rev", "store_id"} <= set(before)
    found = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--engine", "fts5",
                                "--filter", "country=DE"])
    assert found.exit_code == 0 and "1 posting match" in found.output
    with sqlite3.connect(index) as conn:  # (not dropped and built again: the same rows)
        assert conn.execute("SELECT rowid FROM doc_meta").fetchall() == rowids


def _holds_fts5_lock(db: Path) -> bool:
    """Whether another process holds the fts5 index's write lock (it is rebuilding): taken
    here without waiting, and let go at once."""
    probe = sqlite3.connect(f"{db}.fts5.sqlite3", isolation_level=None, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        if probe.in_transaction:
            probe.execute("ROLLBACK")
        probe.close()
    return False


@contextmanager
def _reindex_held(db: Path, engine: str) -> Iterator[subprocess.Popen[str]]:
    """A real `mljobs reindex --engine ENGINE` stopped (SIGSTOP) while it holds the index's
    write lock, part way through its one commit or transaction; let go (SIGCONT) after."""
    holds = ((lambda proc: _holds_writer(proc.pid)) if engine == "tantivy"
             else (lambda proc: _holds_fts5_lock(db)))
    for _ in range(20):  # (a rebuild over before it was stopped: run it again)
        proc = subprocess.Popen([*CLI, "--db", str(db), "reindex", "--engine", engine],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        while proc.poll() is None and not holds(proc):
            time.sleep(0.001)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGSTOP)
            if holds(proc):
                break
            os.kill(proc.pid, signal.SIGCONT)
        proc.communicate(timeout=120)
    else:
        pytest.fail("no reindex was caught holding the index's write lock")
    try:
        yield proc
    finally:
        if proc.returncode is None:  # (not ended and waited for already)
            os.kill(proc.pid, signal.SIGCONT)


def _total_found(db: Path, engine: str) -> tuple[int, str]:
    """The total of `mljobs search pytorch --engine ENGINE --json` (a process of its own)
    and what it said on stderr."""
    done = subprocess.run([*CLI, "--db", str(db), "search", "pytorch", "--engine", engine,
                           "--json"], check=False, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return int(json.loads(done.stdout)["total"]), " ".join(done.stderr.split())


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to find the lock")
@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_a_search_while_a_reindex_runs_reads_the_index_as_it_was(
        tmp_path: Path, engine: str) -> None:
    """A `mljobs reindex` holds the index's write lock for its whole run (one commit or
    transaction). A search of a store unchanged since the index was built reads the index as
    it is meanwhile; so does one with a change to index first (and `serve` started then), and
    it says that its results are of the index as it was (it ended in "another mljobs process
    ... try again", exit 1: tantivy's at once, fts5's after a 5 s wait; serve did not start);
    an import or `enrich --store` meanwhile leaves the index to the next search (each ended
    in that error, exit 1, the store written). The reindex then ends whole, and the next search has the change."""
    db = tmp_path / "s.sqlite3"
    _store(db)
    open_index(SQLiteStore(db), engine).close()
    with _reindex_held(db, engine) as reindex:
        assert _total_found(db, engine) == (POSTINGS, "")
        # (an import meanwhile: the store is written, the default (tantivy) index left to the
        # next search; it ended in the StoreError, exit 1, after writing the store)
        rows = tmp_path / "new.jsonl"
        rows.write_text(json.dumps({"source": "board", "id": "new", "company": "Acme",
                                    "title": "Machine Learning Engineer",
                                    "description": "Train models in PyTorch."}) + "\n")
        for command in (["import", str(rows)], ["enrich", "--store"]):
            done = subprocess.run([*CLI, "--db", str(db), *command], check=False,
                                  capture_output=True, text=True, timeout=300,
                                  env={**os.environ, "COLUMNS": "200"})
            said = " ".join(done.stderr.split())
            assert done.returncode == 0 and "Traceback" not in said, (command, said)
            assert ("note the search index at " in said and "is left as it was, another mljobs "
                    "process is writing it (a `mljobs reindex` for one): the next search brings "
                    "it up to date.") in said if engine == "tantivy" else "note" not in said, \
                (command, said)
        total, said = _total_found(db, engine)
        assert total == POSTINGS
        index = f"{db}.index" if engine == "tantivy" else f"{db}.fts5.sqlite3"
        assert said == (f"note these results are from the search index at {index} as it was, "
                        "without the store's latest changes: another mljobs process is writing "
                        "it (a `mljobs reindex` for one); search again when it is done."), said
        if engine == "tantivy":  # (serve reads the tantivy index)
            with _serving(db) as url:
                assert _total(url) == POSTINGS
                os.kill(reindex.pid, signal.SIGCONT)
                reindex.wait(timeout=120)  # (its output is read below)
                assert _total(url) == POSTINGS + 1
    out, err = reindex.communicate(timeout=120)
    assert reindex.returncode == 0 and "Traceback" not in err, err
    assert f"indexed {POSTINGS + 1:,} postings with {engine}" in out or \
        f"indexed {POSTINGS:,} postings with {engine}" in out, out
    assert _total_found(db, engine) == (POSTINGS + 1, "")


def _web_search(url: str) -> tuple[dict[str, object], str]:
    """``/api/search?q=pytorch`` of a running server, and the note its search page shows
    above the results while the index lags the store ("" when none)."""
    api = httpx.get(url + "api/search", params={"q": "pytorch", "limit": 1}, timeout=60).json()
    page = httpx.get(url, params={"q": "pytorch"}, timeout=60)
    assert page.status_code == 200
    found = re.search(r'<p class="note" id="index-lags" role="status">(.*?)</p>', page.text)
    return api, " ".join(html.unescape(found.group(1)).split()) if found else ""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to find the lock")
def test_the_search_page_and_api_say_when_the_index_lags_the_store(tmp_path: Path) -> None:
    """A running server whose store changes while a `mljobs reindex` holds the index answers
    from the index as it was: the search page shows a note and ``/api/search`` says
    ``index_current: false`` with the note in ``notes`` (only the server log said so); both
    say nothing before the change and after the reindex."""
    db = tmp_path / "s.sqlite3"
    _store(db)
    with _serving(db) as url, _reindex_held(db, "tantivy") as reindex:
        api, note = _web_search(url)
        assert (api["total"], api["index_current"], api["notes"], note) == (
            POSTINGS, True, [], "")
        rows = tmp_path / "new.jsonl"
        rows.write_text(json.dumps({"source": "board", "id": "new", "company": "Acme",
                                    "title": "Machine Learning Engineer",
                                    "description": "Train models in PyTorch."}) + "\n")
        done = subprocess.run([*CLI, "--db", str(db), "import", str(rows)], check=False,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        said = ("these results are from the search index as it was, without the store's "
                "latest changes: another mljobs process is writing it (a `mljobs reindex` for "
                "one); search again when it is done.")  # (no server path: the log names it)
        for _ in range(2):  # (each request tries the index again, and says it again)
            api, note = _web_search(url)
            assert (api["total"], api["index_current"], api["notes"]) == (
                POSTINGS, False, [said])
            assert note == said[:1].upper() + said[1:]
        os.kill(reindex.pid, signal.SIGCONT)
        _, err = reindex.communicate(timeout=120)
        assert reindex.returncode == 0, err
        api, note = _web_search(url)
        assert (api["total"], api["index_current"], api["notes"], note) == (
            POSTINGS + 1, True, [], "")
