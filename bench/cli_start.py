#!/usr/bin/env python3
"""Wall clock of short CLI commands (``search``, ``show``, ``stats``, ``--version``) as a user
runs them, a new interpreter each, for the working tree and (``--against REV``) a git
revision, in the same run.

    .venv/bin/python bench/cli_start.py --db DEMO.sqlite3 [--against main] [--repeat 7]

``--db`` is a store made by ``mljobs demo --db`` (any store works; it is only read). The
revision's ``src`` is extracted with ``git archive`` into a temporary folder; each command
runs as ``python -m mljobs`` with ``PYTHONPATH`` = a tree's ``src``, the trees alternating
(tree, revision, tree, ...) ``--repeat`` times. Printed: the median and the minimum of each,
and the ratio of the medians (revision / tree), with the load average before and after: on
this shared host only a ratio taken in one run means anything.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(src: Path, db: Path, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "120"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mljobs", "--db", str(db), *args], env=env,
                          capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"mljobs {' '.join(args)} failed ({src}): {done.stderr.strip()[-500:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a store (mljobs demo --db)")
    parser.add_argument("--against", help="a git revision to measure in the same run")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each command per tree")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"tree": ROOT / "src"}
        if args.against:
            tar = subprocess.run(["git", "archive", args.against, "src"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
            with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
                archive.extractall(tmp, filter="data")
            trees[args.against] = Path(tmp) / "src"
        env = {**os.environ, "PYTHONPATH": str(trees["tree"])}
        listed = subprocess.run([sys.executable, "-m", "mljobs", "--db", str(args.db), "search",
                                 "", "--json"], env=env, capture_output=True, text=True,
                                check=True).stdout
        first = json.loads(listed)["hits"][0]["id"]
        commands = {"search llm": ["search", "llm"], "show": ["show", first],
                    "stats": ["stats"], "--version": ["--version"]}
        print(f"load average before: {os.getloadavg()}")
        for name, command in commands.items():
            took: dict[str, list[float]] = {t: [] for t in trees}
            for _ in range(args.repeat):
                for tree, src in trees.items():
                    took[tree].append(_run(src, args.db, command))
            line = "  ".join(f"{t} {statistics.median(s):.2f} s (min {min(s):.2f})"
                             for t, s in took.items())
            if args.against:
                ratio = statistics.median(took[args.against]) / statistics.median(took["tree"])
                line += f"  {args.against}/tree {ratio:.2f}x"
            print(f"{name:11s} {line}")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
