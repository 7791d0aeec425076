"""Fault test: SIGKILL ``mljobs sync`` mid-run, run it again, compare with an uninterrupted run.

A real subprocess syncs 24 boards from the replay server, whose replies are
delayed so the kill lands while postings are being written; the replies after
the first 12 boards are held until the kill, so the run cannot end before it
(a loaded host could slow the test's polling more than the sync). After the
re-run, the store must hold exactly the postings (ids, content hashes,
statuses) of a store made by one uninterrupted run: nothing lost, nothing
duplicated.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mljobs.store import SQLiteStore

from .interrupts import count_postings
from .replay_server import Handler, ReplayServer, Reply, synthetic_boards

BOARDS = [f"board-{i:02d}" for i in range(24)]
PER_BOARD = 20
TOTAL = len(BOARDS) * PER_BOARD


class HoldAfter:
    """Serve ``inner``'s replies for the first ``boards`` boards asked for, and hold the
    others' until ``release`` (open, with no limit, until ``hold`` is called)."""

    def __init__(self, inner: Handler) -> None:
        self.inner = inner
        self.lock = threading.Lock()
        self.released = threading.Event()
        self.released.set()
        self.served: set[str] = set()
        self.limit = 0

    def hold(self, boards: int) -> None:
        with self.lock:
            self.served, self.limit = set(), boards
            self.released.clear()

    def release(self) -> None:
        self.released.set()

    def __call__(self, path: str, query: dict[str, str]) -> Reply | None:
        board = path.split("/")[3]
        with self.lock:
            if not self.released.is_set() and (board in self.served
                                               or len(self.served) < self.limit):
                self.served.add(board)
            held = not self.released.is_set() and board not in self.served
        if held:
            self.released.wait()
        return self.inner(path, query)


def write_config(path: Path, base: str) -> None:
    boards = ", ".join(f'"{b}"' for b in BOARDS)
    # a held reply must outwait the test's polling, however slow: a long read timeout
    path.write_text(f'[http]\nretries = 1\ntimeout = 600\n\n[[sources]]\nname = "gh"\n'
                    'type = "greenhouse"\n'
                    f'boards = [{boards}]\nbase_url = "{base}"\n', encoding="utf-8")


def sync_command(db: Path, config: Path) -> list[str]:
    return [sys.executable, "-c", "from mljobs.cli import main; main()", "--db", str(db),
            "sync", "--config", str(config), "--no-enrich", "--workers", "2", "--json"]


@pytest.mark.slow
def test_sigkill_mid_sync_then_rerun_equals_uninterrupted(tmp_path: Path) -> None:
    env = {**os.environ, "MLJOBS_SOURCES": "", "PYTHONWARNINGS": "ignore"}
    boards = HoldAfter(synthetic_boards(PER_BOARD, delay=0.08))
    with ReplayServer({"/v1/boards/*": boards}) as srv:
        config = tmp_path / "sources.toml"
        write_config(config, srv.url)

        reference = tmp_path / "reference.sqlite3"
        subprocess.run(sync_command(reference, config), check=True, env=env,
                       capture_output=True, timeout=120)

        killed = tmp_path / "killed.sqlite3"
        boards.hold(len(BOARDS) // 2)
        try:
            proc = subprocess.Popen(sync_command(killed, config), env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            seen = 0
            while time.monotonic() < deadline and proc.poll() is None:
                seen = count_postings(killed)
                if seen >= TOTAL // 4:
                    break
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            boards.release()
        assert proc.returncode == -signal.SIGKILL
        at_kill = count_postings(killed)
        # mid-run, and no further than the boards served before the hold
        assert 0 < at_kill <= TOTAL // 2, f"saw {at_kill} of {TOTAL} at the kill"

        rerun = subprocess.run(sync_command(killed, config), env=env, capture_output=True, check=False,
                               timeout=120, text=True)
        assert rerun.returncode == 0, rerun.stderr

    with SQLiteStore(reference) as ref, SQLiteStore(killed) as got:
        expected, actual = ref.snapshot(), got.snapshot()
        assert len(expected) == TOTAL
        assert actual == expected
        dupes = got.conn.execute(
            "SELECT source, source_id, COUNT(*) FROM postings GROUP BY 1, 2 HAVING COUNT(*) > 1"
        ).fetchall()
        assert dupes == []
        assert got.stats()["raw_documents"] == ref.stats()["raw_documents"] == len(BOARDS)
