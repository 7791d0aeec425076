"""Ctrl-C during ``mljobs enrich --store`` (a real subprocess; SIGINT raised in its main
thread as the second batch is about to be stored): it exited 130 saying nothing. It now says
what was stored and how to finish; the store stays whole, and a rerun completes it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SIGINT_AT_SECOND_BATCH = """
import signal, sys
from mljobs.store.sqlite import SQLiteStore
calls = []
def profile(frame, event, arg):
    if event == "call" and frame.f_code is SQLiteStore.set_enrichments.__code__:
        calls.append(1)
        if len(calls) == 2:
            sys.setprofile(None)
            signal.raise_signal(signal.SIGINT)
sys.setprofile(profile)
from mljobs.cli import main
main()
"""
ROWS = 600  # two batches of enrich --store (500 a transaction)


def _counts(db: Path) -> tuple[str, int, int]:
    with sqlite3.connect(db) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM postings").fetchone()[0]
        done = conn.execute("SELECT count(*) FROM postings WHERE enrichment IS NOT NULL"
                            ).fetchone()[0]
    return str(ok), int(total), int(done)


@pytest.mark.slow
def test_ctrl_c_says_what_is_stored_and_a_rerun_completes(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({
        "id": str(i), "title": f"ML Engineer {i}", "company": f"Co {i}",
        "description": f"Train models with PyTorch and Kubernetes, job {i}."}) + "\n"
        for i in range(ROWS)), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    env = {**os.environ, "COLUMNS": "200"}
    cli = [sys.executable, "-c", "from mljobs.cli import main; main()", "--db", str(db)]
    imported = subprocess.run([*cli, "import", str(rows), "--no-enrich"], env=env,
                              capture_output=True, text=True, timeout=300, check=False)
    assert imported.returncode == 0, imported.stderr
    assert _counts(db) == ("ok", ROWS, 0)
    stopped = subprocess.run([sys.executable, "-c", SIGINT_AT_SECOND_BATCH, "--db", str(db),
                              "enrich", "--store"], env=env, capture_output=True, text=True,
                             timeout=300, check=False)
    assert stopped.returncode == 130, stopped.stderr
    flat = " ".join((stopped.stdout + stopped.stderr).split())
    assert "Traceback" not in flat
    assert f"Interrupted: 500 of {ROWS} postings were re-enriched and stored" in flat
    assert "Run `mljobs enrich --store` again to finish" in flat
    assert _counts(db) == ("ok", ROWS, 500)
    again = subprocess.run([*cli, "enrich", "--store"], env=env, capture_output=True,
                           text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert _counts(db) == ("ok", ROWS, ROWS)
