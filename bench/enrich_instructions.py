#!/usr/bin/env python3
"""Instructions per posting of the enrichment pipeline, counted by valgrind (callgrind).

Wall-clock timings on the shared development machine swing by 2x with the host's load;
instruction counts do not. Each measurement runs a child under ``valgrind
--tool=callgrind`` twice: it loads the pipeline, enriches ``--warm`` corpus postings, calls
``warm_up`` (as the ``enrich`` command does), enriches all ``--warm`` + ``--postings``
postings once (an uncounted first pass), then ``N`` of them again (``N`` = 0 and
``--postings``); the difference divided by ``N`` is the steady cost per posting, what a
long run pays for each posting. BLAS is held to one thread (its spinning threads otherwise
change the counts from run to run) and hash randomisation is fixed.

The first pass is there because the pipeline builds things on first use (the skill
scanners compile their regexes and Aho-Corasick automata when a text first needs them):
without it (``--cold``, the count before 2026-11-27), ~1.6M of the ~7.8M instructions per
posting counted over the corpus's postings 50..450 were such one-time builds, which
depend on which postings the window holds and which ``bench/enrich.py`` (which also
makes a first untimed pass) leaves out of its timings; the cold ratio between two
revisions then understated the steady change (1.050x cold, 1.066x steady, for main
against 750e0cc). ``--cold`` still gives the old count (to compare with figures taken
before).

The postings are spread over the whole corpus (every k-th line, in order), so the window
holds its sources in their shares (62% Hacker News). Before 2026-11-27 (``--head``) they
were the corpus's first lines, which are all Glassdoor postings: costs that only Hacker
News posts pay (role segmentation, header names) did not show.

    .venv/bin/python bench/enrich_instructions.py                    # the working tree
    .venv/bin/python bench/enrich_instructions.py --against e0a0351  # and a git revision
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"

_CHILD = """
import itertools, json, sys
from mljobs.enrich.pipeline import enrich_records
warm, n, total, cold, path = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]),
                              sys.argv[4] == "cold", sys.argv[5])
recs = [json.loads(line) for line in itertools.islice(open(path, encoding="utf-8"), warm + total)]
list(enrich_records(recs[:warm]))
if not cold:
    try:
        from mljobs.enrich.warm import warm_up
    except ImportError:  # (a revision from before it: the freeze by hand)
        import gc
        gc.collect()
        gc.freeze()
    else:
        warm_up()
    list(enrich_records(recs))  # (the first pass: whatever is built on first use)
for _ in enrich_records(recs[warm:warm + n]):
    pass
"""


def sample(count: int, head: bool) -> list[str]:
    """``count`` corpus lines: the first ones (``head``), else every k-th line, in order."""
    with open(CORPUS, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    if len(lines) < count:
        raise SystemExit(f"{CORPUS} has only {len(lines)} postings; lower --postings or --warm")
    return lines[:count] if head else [lines[i * len(lines) // count] for i in range(count)]


def instructions(src: Path, warm: int, n: int, total: int = 0, cold: bool = False,
                 corpus: Path = CORPUS) -> int:
    """Instructions callgrind counts for the child over ``src`` enriching ``warm`` + ``n``
    postings of ``corpus`` (after a first pass over ``warm`` + ``total``, unless ``cold``)."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0",
           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
             sys.executable, "-c", _CHILD, str(warm), str(n), str(total),
             "cold" if cold else "steady", str(corpus)],
            env=env, capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if m is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(m.group(1))


def per_posting(src: Path, warm: int, n: int, cold: bool = False, corpus: Path = CORPUS) -> float:
    """Instructions per posting: (warm + n postings) - (warm postings), over n (both runs
    make the same first pass over warm + n postings, unless ``cold``)."""
    return (instructions(src, warm, n, n, cold, corpus)
            - instructions(src, warm, 0, n, cold, corpus)) / n


def main(argv: list[str] | None = None) -> int:
    """Print instructions per posting now (and at ``--against``) and their ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postings", type=int, default=400, help="postings counted (default 400)")
    ap.add_argument("--warm", type=int, default=50, help="postings enriched first (default 50)")
    ap.add_argument("--against", metavar="REV", help="also count the src of this git revision")
    ap.add_argument("--cold", action="store_true",
                    help="no first pass: count the first-use builds in the window too (the "
                         "count before 2026-11-27)")
    ap.add_argument("--head", action="store_true",
                    help="the corpus's first postings (all Glassdoor), not a spread over it "
                         "(the window before 2026-11-27)")
    args = ap.parse_args(argv)
    if args.postings < 1:
        raise SystemExit("--postings must be at least 1")
    with tempfile.TemporaryDirectory() as work:
        corpus = Path(work) / "window.jsonl"
        corpus.write_text("".join(sample(args.warm + args.postings, args.head)), encoding="utf-8")
        return _count(args, corpus)


def _count(args: argparse.Namespace, corpus: Path) -> int:
    now = per_posting(ROOT / "src", args.warm, args.postings, args.cold, corpus)
    print(json.dumps({"postings": args.postings, "cold": args.cold, "head": args.head,
                      "instructions_per_posting_now": round(now)}))
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["git", "worktree", "add", "--detach", "-f", tmp, args.against],
                           cwd=ROOT, check=True, capture_output=True)
            try:
                then = per_posting(Path(tmp) / "src", args.warm, args.postings, args.cold, corpus)
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", tmp], cwd=ROOT,
                               check=False, capture_output=True)
        print(json.dumps({"against": args.against, "instructions_per_posting_then": round(then),
                          "ratio_now_vs_then": round(now / then, 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
