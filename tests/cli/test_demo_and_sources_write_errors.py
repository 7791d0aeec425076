"""Files that ``mljobs demo --db`` and ``mljobs sources add --config`` cannot or must not
write: a file that is no mljobs store is never deleted, even with ``--replace`` (``demo --db
notes.txt --replace`` deleted notes.txt and built the demo in its place), and a place that
cannot be written is one line naming it (an OSError traceback before)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mljobs
from mljobs.cli import app

runner = CliRunner()


def test_demo_replace_never_deletes_a_file_that_is_no_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a store\n" * 50, encoding="utf-8")
    other = tmp_path / "app.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    for target in (notes, other):
        before = hashlib.sha256(target.read_bytes()).hexdigest()
        res = runner.invoke(app, ["demo", "--db", str(target), "--replace"])
        assert res.exit_code == 1, res.output
        assert isinstance(res.exception, SystemExit), res.exception
        assert "--db" in " ".join(res.output.split())
        assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_a_store_another_program_is_writing_is_not_replaced_under_it(tmp_path: Path) -> None:
    from mljobs.errors import StoreError
    from mljobs.store.sqlite import empty_store

    db = _store(tmp_path / "s.sqlite3")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # as a long sync or import holds the write lock
    try:
        with pytest.raises(StoreError, match="is busy"):
            empty_store(db, timeout=0.05)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _tables(db) >= {"meta", "postings"}  # (not emptied)
    empty_store(db, timeout=0.05)  # (nobody writes: it is emptied in place)
    assert db.exists() and _tables(db) == set()
    empty_store(tmp_path / "notes.txt", timeout=0.05)  # (no such file: nothing to empty)
    assert not (tmp_path / "notes.txt").exists()


def test_a_store_another_program_has_open_between_its_writes_is_not_replaced(
        tmp_path: Path) -> None:
    """A sync holds the store open while it fetches, between its writes (no lock held then):
    the store deleted under it, what it wrote next went to the deleted file. Another
    process's open store is told by its WAL read lock."""
    from mljobs.errors import StoreError
    from mljobs.store.sqlite import empty_store

    db = _store(tmp_path / "s.sqlite3")
    code = ("import sys\n"
            "from mljobs.store.sqlite import SQLiteStore\n"
            "store = SQLiteStore(sys.argv[1])\n"
            "store.count()\n"  # (read, as a sync reads what it holds before it fetches)
            "print('open', flush=True)\n"
            "sys.stdin.read()\n"
            "with store.transaction():\n"
            "    store.conn.execute(\"INSERT INTO meta VALUES ('mine', 'written after the wait')\")\n"
            "store.close()\n")
    env = {**os.environ, "PYTHONPATH": str(Path(mljobs.__file__).parent.parent)}
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(StoreError, match="open in another program"):
            empty_store(db, timeout=0.05)
    finally:
        holder.communicate("", timeout=60)
    assert holder.returncode == 0
    check = sqlite3.connect(db)
    assert check.execute("SELECT value FROM meta WHERE key='mine'").fetchone() == (
        "written after the wait",)
    check.close()
    empty_store(db, timeout=0.05)  # (closed: it is emptied)
    assert _tables(db) == set()


@pytest.mark.slow  # (waits out the store's 10 s busy timeout once)
def test_demo_replace_waits_for_a_store_another_program_is_writing(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.sqlite3")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta(key, value) VALUES ('mine', 'being written')")
    try:
        res = runner.invoke(app, ["demo", "--db", str(db), "--replace"])
        # the file was deleted under the writer and the demo built in its place: what the
        # writer then committed went to the deleted file
        assert res.exit_code == 1, res.output
        assert isinstance(res.exception, SystemExit), res.exception
        flat = " ".join(res.output.split())
        assert "is busy" in flat and "Run this again" in flat
        holder.execute("COMMIT")
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    check = sqlite3.connect(db)
    assert check.execute("SELECT value FROM meta WHERE key='mine'").fetchone() == ("being written",)
    check.close()


@pytest.mark.slow  # (builds the demo store)
def test_a_program_that_opens_the_store_as_demo_replaces_it_uses_the_demo_store(
        tmp_path: Path) -> None:
    """A program that opened the store just after ``demo --replace`` found none had it open
    (its connection made, nothing read yet: no lock held) was not caught: the store was
    deleted under it, so it read the old store and what it wrote went to the deleted file.
    The store is now emptied in place under the lock the check takes: the program waits
    for the lock, then reads the demo store and what it writes is kept."""
    db = _store(tmp_path / "s.sqlite3")
    late = sqlite3.connect(db, isolation_level=None)  # opened in the gap: no lock held yet
    try:
        res = runner.invoke(app, ["demo", "--db", str(db), "--replace"])
        assert res.exit_code == 0, res.output
        assert late.execute("SELECT count(*) FROM postings").fetchone()[0] > 1000
        late.execute("INSERT INTO meta(key, value) VALUES ('mine', 'written after the demo')")
    finally:
        late.close()
    check = sqlite3.connect(db)
    assert check.execute("SELECT value FROM meta WHERE key='mine'").fetchone() == (
        "written after the demo",)
    check.close()


def test_demo_in_a_place_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder would go", encoding="utf-8")
    res = runner.invoke(app, ["demo", "--db", str(blocker / "demo.sqlite3")])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    assert "pick a writable place with --db" in " ".join(res.output.split())


def test_sources_add_to_a_place_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder would go", encoding="utf-8")
    res = runner.invoke(app, ["sources", "add", "greenhouse", "--set", "boards=anthropic",
                              "--config", str(blocker / "sources.toml")])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception  # was FileExistsError
    flat = " ".join(res.output.split())
    assert "cannot write the sources file" in flat and "nothing was changed" in flat
    assert blocker.read_text(encoding="utf-8") == "a file where a folder would go"


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    finally:
        conn.close()


def _store(path: Path) -> Path:
    from mljobs.store.sqlite import SQLiteStore

    SQLiteStore(str(path)).close()
    return path


@pytest.mark.slow  # (builds the demo store three times)
def test_demo_replace_rebuilds_mljobs_stores_it_cannot_open(tmp_path: Path) -> None:
    newer = _store(tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")  # a store of a newer mljobs
    conn.commit()
    conn.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(_store(tmp_path / "whole.sqlite3").read_bytes()[:100])
    for target in (_store(tmp_path / "real.sqlite3"), newer, damaged):
        res = runner.invoke(app, ["demo", "--db", str(target), "--replace"])
        assert res.exit_code == 0, (target.name, res.output)  # newer and damaged were refused
        assert "Demo store ready" in res.output
        conn = sqlite3.connect(target)
        assert conn.execute("SELECT count(*) FROM postings").fetchone()[0] > 1000
        conn.close()
