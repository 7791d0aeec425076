"""Helpers for the tests that stop ``mljobs sync`` or ``import`` run as a real subprocess."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# ``python -c`` code that runs the CLI and raises SIGINT in its main thread as duplicate
# linking starts (a profile hook): a moment a signal sent from outside cannot aim at
SIGINT_AT_LINKING = """
import signal, sys
import mljobs.dedupe
def profile(frame, event, arg):
    if event == "call" and frame.f_code is mljobs.dedupe.link_duplicates.__code__:
        sys.setprofile(None)
        signal.raise_signal(signal.SIGINT)
sys.setprofile(profile)
from mljobs.cli import main
main()
"""


def count_postings(db: Path) -> int:
    """How many postings a store file holds as another process writes it (0 while it is
    not there or not readable yet)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM postings").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
