"""Ctrl-C during ``mljobs import`` (a real subprocess sent SIGINT): it exited 130 and printed
nothing. It now says what is kept and how to finish; the rows written before stay, and the
same import run again completes the store."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROWS = 20_000


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM postings").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_ctrl_c_says_what_is_kept_and_a_rerun_completes(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as fh:
        for i in range(ROWS):
            fh.write(json.dumps({"id": str(i), "title": f"ML Engineer {i}", "company": f"Co {i}",
                                 "description": f"Train models with PyTorch, job {i}."}) + "\n")
    db = tmp_path / "s.sqlite3"
    command = [sys.executable, "-c", "from mljobs.cli import main; main()", "--db", str(db),
               "import", str(rows), "--no-enrich"]
    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 120
    while _count(db) < 500 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    flat = " ".join((out + err).split())
    assert f"Interrupted while importing {rows}: the rows written before are stored" in flat
    assert "Run the same `mljobs import` again to finish" in flat
    assert 0 < _count(db) < ROWS
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300,
                           check=False)
    assert again.returncode == 0, again.stderr
    assert _count(db) == ROWS
