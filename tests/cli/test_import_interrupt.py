"""Ctrl-C during ``mljobs import`` (a real subprocess sent SIGINT): it exited 130 and printed
nothing. It now says what is kept and how to finish; the rows written before stay, and the
same import run again completes the store."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from ..sources.interrupts import SIGINT_AT_LINKING, count_postings

ROWS = 1_200
FED = 600  # rows written into the pipe before the signal: one transaction (500) and more


def _writer(pipe: Path, proc: subprocess.Popen[str]) -> IO[str]:
    """The pipe opened for writing once the import has opened it for reading (not blocking
    for ever if the import ends first)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:  # ENXIO: no reader yet
            if exc.errno != errno.ENXIO or proc.poll() is not None or \
                    time.monotonic() > deadline:
                raise AssertionError(f"the import did not open the pipe: {exc}") from exc
            time.sleep(0.01)
            continue
        os.set_blocking(fd, True)
        return os.fdopen(fd, "w", encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_says_what_is_kept_and_a_rerun_completes(tmp_path: Path, stop: signal.Signals,
                                                         code: int) -> None:
    """SIGTERM (``kill``, ``timeout``, a service stopped) ended it with 143 and no word; it
    now says what Ctrl-C says, and keeps 143 (128 + SIGTERM, as shells count it).

    The import reads a named pipe fed with the first rows and left open, so it is still
    importing when the signal comes, however slow or fast the host (a file of 20,000 rows
    could be all imported before a slowed test sent it)."""
    lines = [json.dumps({"id": str(i), "title": f"ML Engineer {i}", "company": f"Co {i}",
                         "description": f"Train models with PyTorch, job {i}."}) + "\n"
             for i in range(ROWS)]
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(lines), encoding="utf-8")
    pipe = tmp_path / "rows.pipe"
    os.mkfifo(pipe)
    db = tmp_path / "s.sqlite3"

    def command(path: Path) -> list[str]:
        return [sys.executable, "-c", "from mljobs.cli import main; main()", "--db", str(db),
                "import", str(path), "--format", "jsonl", "--no-enrich"]

    env = {**os.environ, "COLUMNS": "200"}
    proc = subprocess.Popen(command(pipe), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    with _writer(pipe, proc) as feed:
        feed.write("".join(lines[:FED]))
        feed.flush()
        deadline = time.monotonic() + 120
        while count_postings(db) < 500 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        os.kill(proc.pid, stop)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    flat = " ".join((out + err).split())
    assert f"Interrupted while importing {pipe}: the rows written before are stored" in flat
    assert "Run the same `mljobs import` again to finish" in flat
    assert 500 <= count_postings(db) <= FED
    again = subprocess.run(command(rows), env=env, capture_output=True, text=True, timeout=300,
                           check=False)
    assert again.returncode == 0, again.stderr
    assert count_postings(db) == ROWS


def test_ctrl_c_while_linking_says_the_rows_are_stored_and_the_links_owed(
        tmp_path: Path) -> None:
    """It printed nothing (exit 130): not what was kept, nor that the links are owed."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": str(i), "title": f"ML Engineer {i}",
                                        "company": "Acme", "description": "PyTorch."}) + "\n"
                            for i in range(3)), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = subprocess.run([sys.executable, "-c", SIGINT_AT_LINKING, "--db", str(db), "import",
                             str(rows), "--no-enrich"], env={**os.environ, "COLUMNS": "200"},
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 130, result.stderr
    flat = " ".join((result.stdout + result.stderr).split())
    assert "Interrupted while linking duplicates or updating the search index: every row is " \
        "stored; the next import or sync links them" in flat
    assert "Import summary" in flat
    assert "Aborted" not in flat
    assert count_postings(db) == 3
