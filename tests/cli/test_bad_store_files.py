"""A --db that names no mljobs store: a clear one-line error, and the file left as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _other_program_db(path: Path, version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users(name) VALUES ('ada')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("version", [0, 3])  # 3: a program that numbers its schema too
@pytest.mark.parametrize("command", [["stats"], ["search", "pytorch"], ["import"]])
def test_another_programs_sqlite_file_is_refused_and_left_unchanged(
    tmp_path: Path, hn_sample: Path, command: list[str], version: int
) -> None:
    other = _other_program_db(tmp_path / "app.sqlite3", version)
    before = _digest(other)
    args = command + [str(hn_sample)] if command == ["import"] else command
    res = runner.invoke(app, ["--db", str(other), *args])
    # it was made into a store: our tables added beside `users`, journal switched to WAL
    assert res.exit_code == 1, res.output
    assert "another program" in res.output and "users" in res.output
    assert "--db" in res.output and "Traceback" not in res.output
    assert _digest(other) == before
    conn = sqlite3.connect(other)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"users"}
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


@pytest.mark.parametrize("command", [["stats"], ["search", "pytorch"], ["import"], ["demo"]])
def test_a_sqlite_file_of_views_only_is_another_programs_and_left_unchanged(
    tmp_path: Path, hn_sample: Path, command: list[str]
) -> None:
    views = tmp_path / "views.sqlite3"
    conn = sqlite3.connect(views)
    conn.execute("CREATE VIEW answer AS SELECT 42 AS x")  # no table: it was read as empty
    conn.commit()
    conn.close()
    before = _digest(views)
    if command == ["demo"]:  # (it was deleted, and the demo built in its place)
        args = ["demo", "--db", str(views), "--replace"]
    else:
        args = ["--db", str(views), *command, *([str(hn_sample)] if command == ["import"] else [])]
    res = runner.invoke(app, args)
    # it was made into a store: our tables added beside the view, journal switched to WAL
    assert res.exit_code == 1, res.output
    assert isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert "another program (views: answer)" in flat and "--db" in flat
    assert _digest(views) == before


def test_an_empty_file_and_an_older_store_are_still_opened(
    tmp_path: Path, hn_sample: Path
) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()  # what `touch store.sqlite3` leaves: made into a store
    res = runner.invoke(app, ["--db", str(empty), "import", str(hn_sample)])
    assert res.exit_code == 0, res.output
    # a store of schema version 1 (before the HTTP cache table and postings.synced_at) is
    # migrated, not refused
    conn = sqlite3.connect(empty)
    conn.execute("DROP TABLE http_cache")
    conn.execute("ALTER TABLE postings DROP COLUMN synced_at")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    count = conn.execute("SELECT count(*) FROM postings").fetchone()[0]
    conn.close()
    stats = runner.invoke(app, ["--db", str(empty), "stats"])
    assert stats.exit_code == 0, stats.output
    assert f"{count} postings" in stats.output


def test_a_store_path_under_a_file_names_the_folder_it_cannot_make(
    tmp_path: Path, hn_sample: Path
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    res = runner.invoke(app, ["--db", str(blocker / "s.sqlite3"), "import", str(hn_sample)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception  # it was FileExistsError
    assert "cannot make the folder" in " ".join(res.output.split())
    assert blocker.read_text() == "a file, not a folder"


@contextmanager
def _read_only(*paths: Path) -> Iterator[None]:
    """``paths`` read-only while in the block: by their mode, or for root (who writes
    read-only files; CI runs as root) by the immutable attribute, which root cannot write
    past either (skipped where ``chattr`` cannot set it)."""
    if os.geteuid() != 0:
        modes = [p.stat().st_mode for p in paths]
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in zip(paths, modes, strict=True):
                p.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", *map(str, paths)],
                                        capture_output=True, check=False).returncode:
        subprocess.run([chattr or "chattr", "-i", *map(str, paths)], capture_output=True,
                       check=False)
        pytest.skip("root, and the immutable attribute cannot be set here")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", *map(str, paths)], check=True)


def test_a_read_only_store_says_read_only_not_is_it_an_mljobs_database(
    tmp_path: Path, hn_sample: Path
) -> None:
    db = tmp_path / "ro" / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(hn_sample)]).exit_code == 0
    for leftover in db.parent.glob("s.sqlite3-*"):
        leftover.unlink()
    before = _digest(db)
    with _read_only(db, db.parent):
        res = runner.invoke(app, ["--db", str(db), "stats"])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    assert "read-only" in res.output and "Is it an mljobs database" not in res.output
    assert _digest(db) == before


@pytest.mark.slow  # (waits out the store's 10 s busy timeout once)
def test_a_store_another_program_is_writing_says_busy(tmp_path: Path, hn_sample: Path) -> None:
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(hn_sample)]).exit_code == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # as a long sync or import holds the write lock
    try:
        res = runner.invoke(app, ["--db", str(db), "import", str(hn_sample)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert res.exit_code == 1
    flat = " ".join(res.output.split())
    assert "is busy" in flat and "Run this again" in flat  # was "database is locked. Is it an
    assert "Is it an mljobs database" not in flat  # mljobs database? Use --db ..."


def test_a_write_that_waits_past_the_busy_timeout_is_a_store_error(tmp_path: Path) -> None:
    from mljobs.errors import StoreError
    from mljobs.store import SQLiteStore

    db = tmp_path / "s.sqlite3"
    store = SQLiteStore(db)
    store.conn.execute("PRAGMA busy_timeout=50")  # (the store waits 10 s)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="is busy"), store.transaction():
            pass  # was sqlite3.OperationalError: a traceback mid-import or mid-sync
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with store.transaction():  # the lock released, the store writes again
        pass
    store.close()


@pytest.mark.parametrize("command", [["stats"], ["import"]])
def test_a_folder_given_as_the_store_says_so(
    tmp_path: Path, hn_sample: Path, command: list[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    args = command + [str(hn_sample)] if command == ["import"] else command
    res = runner.invoke(app, ["--db", str(folder), *args])
    assert res.exit_code == 1
    flat = " ".join(res.output.split())
    # was "unable to open database file. Is it an mljobs database?"
    assert "is a folder" in flat and "mljobs.sqlite3" in flat
    assert list(folder.iterdir()) == []


def test_a_store_restored_from_a_dump_is_told_to_set_its_version(tmp_path: Path) -> None:
    from mljobs.store.sqlite import SCHEMA_VERSION, SQLiteStore

    SQLiteStore(str(tmp_path / "old.sqlite3")).close()
    old = sqlite3.connect(tmp_path / "old.sqlite3")
    restored = sqlite3.connect(tmp_path / "dump.sqlite3")
    restored.executescript("\n".join(old.iterdump()))  # as `sqlite3 .dump`: no user_version
    old.close()
    restored.close()
    res = runner.invoke(app, ["--db", str(tmp_path / "dump.sqlite3"), "stats"])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert "another program" not in flat  # it was called another program's database
    # (the current version, whatever it is: a migration added without teaching
    # store.sqlite._dumped_version its mark fails here)
    assert f"PRAGMA user_version={SCHEMA_VERSION}" in flat and ".dump" in flat
    # a dump of a version-2 store (no postings.synced_at) is told 2, and migrated once set
    restored = sqlite3.connect(tmp_path / "dump.sqlite3")
    restored.execute("ALTER TABLE postings DROP COLUMN synced_at")
    restored.commit()
    restored.close()
    res = runner.invoke(app, ["--db", str(tmp_path / "dump.sqlite3"), "stats"])
    assert "PRAGMA user_version=2" in " ".join(res.output.split())
    restored = sqlite3.connect(tmp_path / "dump.sqlite3")
    restored.execute("PRAGMA user_version=2")
    restored.close()
    assert runner.invoke(app, ["--db", str(tmp_path / "dump.sqlite3"), "stats"]).exit_code == 0


@pytest.mark.parametrize("dropped", ["TABLE unsettled", "TRIGGER unsettled_update"])
def test_a_store_missing_its_settling_notes_is_mended_as_it_opens(
    tmp_path: Path, hn_sample: Path, dropped: str
) -> None:
    """A schema-6 store whose table ``unsettled`` (or a trigger noting into it) was dropped
    by hand or lost in a half restore: an import ended in a traceback ('OperationalError: no
    such table: unsettled') after reading the file, a dropped trigger left closings unnoted
    for good. Opening the store makes them again, noting every linked posting, as the
    migration to schema 6 did."""
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", str(hn_sample), "--no-enrich"]
                         ).exit_code == 0
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, status, canonical_id, data FROM postings ORDER BY id").fetchall()
    conn.execute(f"DROP {dropped}")
    conn.commit()
    conn.close()
    res = runner.invoke(app, ["--db", str(db), "import", str(hn_sample), "--no-enrich"])
    assert res.exit_code == 0, res.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT id, status, canonical_id, data FROM postings ORDER BY id"
                        ).fetchall() == rows
    made = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"unsettled", "unsettled_update", "unsettled_insert", "unsettled_delete"} <= made
