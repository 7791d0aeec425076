#!/usr/bin/env python3
"""In-process cost of the search page and of the index's search (hits with snippets), for
the working tree and (``--against REV``) a git revision, in the same run.

    .venv/bin/python bench/search_page.py --db STORE.sqlite3 [--against main] [--rounds 3]
        [--engine fts5]

Each revision runs in a child process of its own (``PYTHONPATH`` = its ``src``) over its
own copy of the store (the index is rebuilt by that revision's code before timing). A child
warms up with one pass over ``QUERIES``, then times ``--passes`` passes of: the search page
(``GET /?q=...`` through FastAPI's TestClient, a fixed clock) and ``index.search`` alone (20
hits with their snippets, and the facets). The children alternate (tree, revision, tree,
...) ``--rounds`` times and the fastest pass of each is kept: on this shared, noisy host the
minimum is the figure least moved by other work, and the ratio of two minima taken in one
run is what to quote. ``--db`` is a store made by ``mljobs demo --db`` (any store works).
``--engine`` is the engine ``index.search`` is timed with (the page uses the web app's,
tantivy).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "machine learning engineer", '"machine learning"', "recommender systems", "data scientist",
    "pytorch", "python sql", "llm inference", "computer vision robotics", "mlops kubernetes",
    "analytics engineer dbt", "a b testing", "senior research scientist phd", "spark OR hadoop",
    "zurich", "",
]


def child(db: str, passes: int, engine: str) -> None:
    from datetime import UTC, datetime
    from urllib.parse import urlencode

    from fastapi.testclient import TestClient

    from mljobs.index import SearchQuery, open_index
    from mljobs.store import SQLiteStore
    from mljobs.web import create_app

    now = datetime(2026, 11, 27, tzinfo=UTC)
    store = SQLiteStore(db)
    index = open_index(store, engine)
    urls = ["/?" + urlencode({"q": q}) for q in QUERIES]
    out: dict[str, float] = {}
    with TestClient(create_app(db, now=lambda: now)) as client:
        for url in urls:  # warm-up (templates, caches, the index opened)
            assert client.get(url).status_code == 200, url
        best = float("inf")
        for _ in range(passes):
            start = time.perf_counter()
            for url in urls:
                client.get(url)
            best = min(best, (time.perf_counter() - start) / len(urls))
        out["page_ms"] = best * 1000
    for q in QUERIES:
        index.search(SearchQuery(text=q))
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for q in QUERIES:
            index.search(SearchQuery(text=q))
        best = min(best, (time.perf_counter() - start) / len(QUERIES))
    out["search_ms"] = best * 1000
    print(json.dumps(out))


def run(src: Path, db: Path, passes: int, engine: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, __file__, "--child", str(db), "--passes", str(passes),
                           "--engine", engine],
                          env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="the store to search (e.g. from mljobs demo)")
    parser.add_argument("--against", help="a git revision to measure in the same run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--engine", default="tantivy", help="engine of the index.search timing")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.passes, args.engine)
        return 0
    if args.db is None:
        parser.error("--db is required")
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"tree": ROOT / "src"}
        if args.against:
            checkout = Path(tmp) / "rev"
            subprocess.run(["git", "worktree", "add", "--detach", "-f", str(checkout),
                            args.against], cwd=ROOT, check=True, capture_output=True)
            trees[args.against] = checkout / "src"
        try:
            dbs = {}
            for name in trees:  # a copy each: each revision builds its own index
                folder = Path(tmp) / f"db_{len(dbs)}"
                folder.mkdir()
                dbs[name] = folder / "store.sqlite3"
                shutil.copyfile(args.db, dbs[name])
            best: dict[str, dict[str, float]] = {}
            for _ in range(args.rounds):
                for name, src in trees.items():
                    got = run(src, dbs[name], args.passes, args.engine)
                    mine = best.setdefault(name, got)
                    for key, value in got.items():
                        mine[key] = min(mine[key], value)
        finally:
            if args.against:
                subprocess.run(["git", "worktree", "remove", "--force", str(checkout)],
                               cwd=ROOT, check=False, capture_output=True)
    for name, figures in best.items():
        print(f"{name:>10}: search page {figures['page_ms']:.2f} ms, "
              f"index.search {figures['search_ms']:.2f} ms (min of {args.rounds} x "
              f"{args.passes} passes of {len(QUERIES)} queries)")
    if args.against:
        for key in ("page_ms", "search_ms"):
            print(f"ratio tree/{args.against} {key}: "
                  f"{best['tree'][key] / best[args.against][key]:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
