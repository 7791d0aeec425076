"""Who writes a search index: the process that takes an index's writer (tantivy's lock, fts5's
``BEGIN IMMEDIATE``) records its pid, command, work and start time beside the index
(``<index>.writer``), so that another process that finds the writer taken can say who holds it
and since when, and drops the record when it is done (``TantivyIndex._writer``,
``Fts5Index._begin_write``)."""

from __future__ import annotations

import json
import os
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path


def record_path(index: Path | str | None) -> Path | None:
    """Where the process writing the index at ``index`` says who it is (beside the index, as
    its ``.lock``; None for an index in memory)."""
    if index is None or str(index) == ":memory:":
        return None
    path = Path(index)
    return path.with_name(path.name + ".writer")


def record(index: Path | str | None, work: str) -> None:
    """Record this process as the one writing the index, doing ``work``."""
    where = record_path(index)
    if where is None:
        return
    argv = [os.path.basename(sys.argv[0]) if sys.argv else "python", *sys.argv[1:]]
    if argv[0] in ("__main__.py", "mljobs"):
        argv[0] = "mljobs"
    try:
        where.write_text(json.dumps({
            "pid": os.getpid(), "command": shlex.join(argv)[:200], "work": work,
            "since": datetime.now(UTC).strftime("%H:%M:%S UTC")}))
    except OSError:  # (a folder it cannot write: the writer is taken all the same)
        pass


def drop(index: Path | str | None) -> None:
    """Drop this process's record of the writer (another's is left)."""
    where = record_path(index)
    try:
        if where is not None and json.loads(where.read_text()).get("pid") == os.getpid():
            where.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def holder(index: Path | str | None) -> str | None:
    """Who writes the index, as its record says (None: no record, or one of a process that
    has ended)."""
    where = record_path(index)
    try:
        held = json.loads(where.read_text()) if where is not None else {}
        pid = int(held["pid"])
        try:
            os.kill(pid, 0)  # (ended: its record is stale)
        except PermissionError:  # (it runs, as another user)
            pass
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return f"pid {pid}, `{held.get('command')}`: {held.get('work')} since {held.get('since')}"
