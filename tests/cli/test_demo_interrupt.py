"""Ctrl-C during ``mljobs demo`` (a real subprocess; SIGINT raised in its main thread as
duplicate linking starts, the posts stored): it exited 130 saying nothing, and the next
``mljobs demo --db`` said the store "already holds N postings". It now says what the store
holds and the command that loads the demo whole, which does."""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ..sources.interrupts import SIGINT_AT_LINKING


@pytest.mark.slow
def test_ctrl_c_says_what_the_demo_store_holds_and_how_to_load_it_whole(tmp_path: Path) -> None:
    db = tmp_path / "demo store.sqlite3"
    env = {**os.environ, "COLUMNS": "200"}
    stopped = subprocess.run([sys.executable, "-c", SIGINT_AT_LINKING, "demo", "--db", str(db)],
                             env=env, capture_output=True, text=True, timeout=600, check=False)
    assert stopped.returncode == 130, stopped.stderr
    flat = " ".join((stopped.stdout + stopped.stderr).split())
    assert "Traceback" not in flat
    again = f"mljobs demo --db '{db}' --replace"
    assert (f"Interrupted: the demo store at {db} holds what was loaded so far; `{again}` "
            "loads the demo whole.") in flat
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()  # (open, the store is "open in another program" to demo --replace)
    words = shlex.split(again)  # the command as printed runs
    assert words[:2] == ["mljobs", "demo"]
    rerun = subprocess.run([sys.executable, "-m", "mljobs", *words[1:]], env=env,
                           capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert "Demo store ready" in rerun.stdout
