"""Benchmark ``dedupe.settle_canonicals`` (a cluster's shown posting settled at each sync and
import) against the full scan it replaced, in one process, on one store.

Usage (from the repo root)::

    .venv/bin/python bench/settle.py [--postings 21000] [--cluster 8] [--repeat 15] [--demo]

A store of ``--postings`` generated postings (no enrichment) in clusters of ``--cluster``
(the first of each a Greenhouse posting, the rest from mirror sources; every posting linked,
as readZ's 21,713-posting store of the thirtieth session), or with ``--demo`` the demo
store (``load_demo``, no enrichment). Timed, median of ``--repeat``, alternating:

- a sync that changed nothing: the full scan (every linked posting read, the way before)
  against ``settle_canonicals`` (the postings noted since the last settling: none);
- a third of the shown postings closed, then settled (the full scan on one copy of the
  store, ``settle_canonicals`` on another).

Then the shown postings of the two copies are compared (every posting's ``canonical_id``)
after each of: a third of the shown postings closed, half of those reopened, a fifth of
the postings relinked at random, and a twentieth unlinked. The run fails
(exit 1) if they differ.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mljobs.dedupe import _apply, _rank, settle_canonicals
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

NOW = datetime(2026, 5, 1, tzinfo=UTC)
_LINKED = ("SELECT id, source, status, first_seen, canonical_id FROM postings "
           "WHERE canonical_id IS NOT NULL OR id IN "
           "(SELECT canonical_id FROM postings WHERE canonical_id IS NOT NULL)")


def full_scan(store: SQLiteStore) -> int:
    """``settle_canonicals`` as it was before (95e2adb7): every linked posting read."""
    members: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for pid, source, status, seen, canonical in store.conn.execute(_LINKED):
        members[canonical or pid].append((pid, source, status, seen))
    moved = {root: sorted(m[0] for m in held) for root, held in members.items()
             if len(held) > 1 and min(held, key=lambda m: _rank(*m))[0] != root}
    if not moved:
        return 0
    first_seen = {m[0]: m[3] for root in moved for m in members[root]}
    with store.transaction():
        return _apply(store, moved, first_seen)[1]


def build(path: Path, postings: int, cluster: int) -> None:
    with SQLiteStore(path) as store:
        links: list[tuple[str, str | None]] = []
        batch = []
        for i in range(postings):
            job, copy = divmod(i, cluster)
            source = "greenhouse" if copy == 0 else f"mirror{copy}"
            batch.append(normalize(RawPosting(
                source=source, source_id=f"job-{job}", company=f"Company {job % 997}",
                title=f"Machine Learning Engineer {job}",
                description_text=f"Job {job}: train and ship ranking models; copy {copy}.")))
            first = f"greenhouse:job-{job}"
            links.append((batch[-1].id, None if copy == 0 else first))
            if len(batch) == 1000:
                store.upsert(batch, now=NOW)
                batch = []
        store.upsert(batch, now=NOW)
        store.set_canonical(links)
        settle_canonicals(store)  # (the note of every posting stored, read once)


def build_demo(path: Path) -> None:
    from mljobs.demo import load_demo

    with SQLiteStore(path) as store:
        load_demo(store, now=NOW)


def shown(store: SQLiteStore) -> list[tuple[str, str | None]]:
    return list(store.conn.execute("SELECT id, canonical_id FROM postings ORDER BY id"))


def timed(call: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=21000)
    parser.add_argument("--cluster", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--demo", action="store_true", help="the demo store instead")
    args = parser.parse_args()
    rng = random.Random(31)
    with tempfile.TemporaryDirectory() as tmp:
        full_path, noted_path = Path(tmp) / "full.sqlite3", Path(tmp) / "noted.sqlite3"
        started = time.perf_counter()
        if args.demo:
            build_demo(full_path)
        else:
            build(full_path, args.postings, args.cluster)
        built = time.perf_counter() - started
        shutil.copy(full_path, noted_path)
        full, noted = SQLiteStore(full_path), SQLiteStore(noted_path)
        linked = len(full.conn.execute(_LINKED).fetchall())
        result: dict[str, object] = {
            "store": "demo" if args.demo else f"{args.postings} generated, clusters of "
                                               f"{args.cluster}",
            "postings": full.count(), "linked": linked, "shown": full.canonical_count(),
            "built_s": round(built, 1), "python": platform.python_version(),
        }
        before, after = [], []
        for _ in range(args.repeat):  # a sync that changed nothing
            before.append(timed(lambda: full_scan(full))[0])
            after.append(timed(lambda: settle_canonicals(noted))[0])
        result["no_change_ms"] = {"full_scan": round(statistics.median(before) * 1000, 3),
                                  "noted": round(statistics.median(after) * 1000, 3)}
        same: dict[str, bool] = {}
        ids = [pid for pid, _ in shown(full)]
        canonicals = [pid for pid, canonical in shown(full) if canonical is None]
        closing = canonicals[::3]
        rounds: list[tuple[str, Callable[[SQLiteStore], object]]] = [
            ("a third of the shown postings closed",
             lambda s: s.close_open(closing, now=NOW + timedelta(days=1))),
            ("half of those reopened",
             lambda s: s.reopen(closing[::2], NOW + timedelta(days=2))),
            ("a fifth of the postings relinked at random",
             lambda s: s.set_canonical(relinks)),
            ("a twentieth of the postings unlinked",
             lambda s: s.set_canonical(unlinks)),
        ]
        picked = rng.sample(ids, len(ids) // 5)
        relinks = [(pid, rng.choice(canonicals)) for pid in picked]
        unlinks = [(pid, None) for pid in rng.sample(ids, len(ids) // 20)]
        times: dict[str, dict[str, float | int]] = {}
        for name, change in rounds:
            change(full)
            change(noted)
            t_full, moved_full = timed(lambda: full_scan(full))
            t_noted, moved_noted = timed(lambda: settle_canonicals(noted))
            same[name] = shown(full) == shown(noted) and moved_full == moved_noted
            times[name] = {"full_scan_ms": round(t_full * 1000, 1),
                           "noted_ms": round(t_noted * 1000, 1), "links_moved": moved_full}
        result["after_changes"] = times
        result["same_shown_postings"] = same
        full.close()
        noted.close()
    print(json.dumps(result, indent=1))
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
