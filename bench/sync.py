"""Benchmark ``mljobs sync``: boards x postings from a local replay server.

Usage (from the repo root)::

    .venv/bin/python bench/sync.py --boards 500 --postings 50 --workers 1,4,8

A replay server (tests/sources/replay_server.py) in this process serves
Greenhouse-format boards with a fixed latency per response. Each
configuration runs in a fresh child process (so peak RSS is its own) that
syncs every board into a new store, end to end: fetch, store raw, parse,
normalise, upsert, close-missing, duplicate linking and search-index refresh.
Concurrency 1 is the baseline; ratios are against it, in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def child(args: argparse.Namespace) -> None:
    """Run one sync and print its numbers as JSON."""
    from mljobs.config import SourceEntry
    from mljobs.http import HttpClient, HttpSettings
    from mljobs.store import SQLiteStore
    from mljobs.sync import StoreValidators, SyncOptions, run_sync

    boards = [f"company-{i:04d}" for i in range(args.boards)]
    entry = SourceEntry("bench", "greenhouse", {"boards": boards, "base_url": args.url})
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.sqlite3")
        settings = HttpSettings(per_host=args.per_host or args.workers, retries=1)
        enricher = None
        if args.enrich:
            from mljobs.pipeline import default_enricher
            enricher = default_enricher()
        started = time.perf_counter()
        validators = StoreValidators(store)
        with HttpClient(settings, validators=validators) as http:
            report = run_sync(store, [entry], http=http, now=datetime.now(UTC),
                              options=SyncOptions(workers=args.workers, enricher=enricher))
        elapsed = time.perf_counter() - started
        validators.close()
        postings = store.count()
        store.close()
    source = report.sources[0]
    print(json.dumps({
        "workers": args.workers, "per_host": settings.per_host, "seconds": elapsed,
        "postings": postings, "new": source.new, "failed": source.failed,
        "per_second": postings / elapsed, "links": report.links.linked,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def parent(args: argparse.Namespace) -> None:
    from sources.replay_server import ReplayServer, synthetic_boards

    results = []
    with ReplayServer({"/v1/boards/*": synthetic_boards(args.postings, delay=args.latency)}) \
            as srv:
        for workers in [int(w) for w in args.workers.split(",")]:
            cmd = [sys.executable, __file__, "--child", "--url", srv.url, "--boards",
                   str(args.boards), "--postings", str(args.postings), "--workers", str(workers)]
            if args.per_host:
                cmd += ["--per-host", str(args.per_host)]
            if args.enrich:
                cmd.append("--enrich")
            out = subprocess.run(cmd, check=False, capture_output=True, text=True,
                                 env={**os.environ, "PYTHONWARNINGS": "ignore"})
            if out.returncode != 0:
                sys.exit(f"workers={workers} failed:\n{out.stderr[-3000:]}")
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = results[0]["per_second"]
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {args.boards} boards x {args.postings} postings, "
          f"{args.latency * 1000:.0f} ms latency per response, enrich={args.enrich}")
    print("| workers | per-host | seconds | postings | postings/s | vs 1 worker | peak RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['workers']} | {r['per_host']} | {r['seconds']:.1f} | {r['postings']} | "
              f"{r['per_second']:.0f} | {r['per_second'] / base:.2f}x | {r['peak_rss_mb']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=500)
    parser.add_argument("--postings", type=int, default=50)
    parser.add_argument("--workers", default="1,4,8")
    parser.add_argument("--per-host", type=int, default=0,
                        help="per-host limit (default: equal to the workers)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per response")
    parser.add_argument("--enrich", action="store_true", help="run the enrichment step too")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.workers = int(args.workers)
        child(args)
    else:
        parent(args)


if __name__ == "__main__":
    main()
