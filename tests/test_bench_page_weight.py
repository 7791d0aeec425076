"""bench/page_weight.py, run as the docs say (web.md cites it): a wrong ``--db`` or
``--posting`` is said in one line, and no store is made at a mistyped path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mljobs.store import open_store

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "page_weight.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SCRIPT.parents[1] / "src")}
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


def test_a_store_that_is_not_there_is_said_and_not_made(tmp_path: Path) -> None:
    """Before, the app opened the path as a new store (an empty file, its index beside it)
    and the run ended in a traceback: 404 for the posting page."""
    missing = tmp_path / "demo.sqlite3"
    done = _run("--db", str(missing))
    assert done.returncode == 2, done.stderr
    assert f"--db {missing}: no store there" in done.stderr
    assert "mljobs demo --db" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_posting_the_store_does_not_hold_is_said(tmp_path: Path) -> None:
    """Before: a traceback, "HTTPStatusError: Client error '404 Not Found'"."""
    db = tmp_path / "s.sqlite3"
    open_store(db).close()
    done = _run("--db", str(db), "--posting", "hackernews:1")
    assert done.returncode == 2, done.stderr
    assert f"--posting hackernews:1: no such posting in {db}" in done.stderr
    assert "Traceback" not in done.stderr
