#!/usr/bin/env python3
"""Throughput of the whole enrichment pipeline on one core, over the real corpus.

Pins the process to one CPU, loads the taxonomy and model once (warm-up), then
times ``enrich_record`` over every posting of ``../shared/data/corpus/
postings.jsonl`` (role segmentation, sections, skills, facets, salary,
archetype + evidence). A baseline runs in the same process on the same texts:
lower-casing and splitting each text into words, the least any text pipeline
does. Reports postings/s, the ratio to the baseline, and peak RSS::

    .venv/bin/python bench/enrich.py [--repeat 3] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from mljobs.enrich import enrich_record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"
_WORDS = re.compile(r"\w+")


def _baseline(records: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    for r in records:
        _WORDS.findall(r["text"].lower())
    return time.perf_counter() - start


def _pipeline(records: list[dict[str, Any]]) -> float:
    start = time.perf_counter()
    for r in records:
        enrich_record(r)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one summary line per measure."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    records = [json.loads(x) for x in CORPUS.read_text("utf-8").splitlines() if x.strip()]
    if args.limit:
        records = records[: args.limit]
    enrich_record(records[0])  # warm-up: taxonomy, matcher and model loaded once
    pipe = [_pipeline(records) for _ in range(args.repeat)]
    base = [_baseline(records) for _ in range(args.repeat)]
    n = len(records)
    best, med = min(pipe), statistics.median(pipe)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_implementation()} "
          f"{platform.python_version()}, pinned to 1 core; load avg {os.getloadavg()[0]:.1f}")
    print(f"postings: {n} (mean text {sum(len(r['text']) for r in records) / n:.0f} chars)")
    print(f"pipeline: best {n / best:.0f} postings/s, median {n / med:.0f} postings/s "
          f"({args.repeat} runs)")
    print(f"baseline (lower + word split): {n / min(base):.0f} postings/s; "
          f"pipeline costs {best / min(base):.1f}x the baseline")
    print(f"peak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
