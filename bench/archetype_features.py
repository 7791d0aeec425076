#!/usr/bin/env python3
"""Cost of the archetype classifier's ``featurize`` per posting, against a baseline.

The baseline is ``features.py`` as of a given git revision (default: the commit
before the title/density features), loaded from ``git show`` in the same
process, so both run on the same machine state. Inputs: the dev postings'
prepared title + text and the skill categories the extractor found (computed
once, outside the timed loop). Rounds alternate between the two versions.

    .venv/bin/python bench/archetype_features.py [--baseline REV] [--rounds 5]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from mljobs.enrich import features
from mljobs.enrich.pipeline import extract_skills, prepare_record
from mljobs.sources.files import read_objects

ROOT = Path(__file__).resolve().parents[1]


def _baseline(rev: str) -> ModuleType:
    src = subprocess.run(["git", "show", f"{rev}:src/mljobs/enrich/features.py"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "features_baseline.py"
    path.write_text(src, "utf-8")
    spec = importlib.util.spec_from_file_location("features_baseline", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["features_baseline"] = mod  # dataclasses look the module up by name
    spec.loader.exec_module(mod)
    return mod


def _time(mod: ModuleType, rows: list[tuple[str, str, tuple[str, ...]]]) -> float:
    t = time.perf_counter()
    for title, text, cats in rows:
        mod.featurize(title, text, cats)
    return (time.perf_counter() - t) / len(rows)


def main() -> int:
    """Print ms/posting for baseline and current featurize, best of N rounds."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="8171f7f")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    rows = []
    for rec in read_objects(ROOT.parent / "shared/data/eval/dev-inputs.jsonl"):
        prep = prepare_record(rec)
        rows.append((prep.title, prep.text, tuple(s.category or "" for s in extract_skills(prep.text))))
    base = _baseline(args.baseline)
    best = {"baseline": float("inf"), "current": float("inf")}
    for _ in range(args.rounds):
        best["baseline"] = min(best["baseline"], _time(base, rows))
        best["current"] = min(best["current"], _time(features, rows))
    print(f"{len(rows)} dev postings, best of {args.rounds} rounds")
    for name, sec in best.items():
        print(f"{name:9s} {sec * 1000:.3f} ms/posting")
    print(f"ratio current/baseline {best['current'] / best['baseline']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
