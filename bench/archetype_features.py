#!/usr/bin/env python3
"""Cost of the archetype classifier's ``featurize`` and ``predict`` per posting, against a baseline.

The baseline is ``features.py`` and ``classifier.py`` as of a given git revision
(default: 461bb11, before the list-based classifier), loaded from ``git show`` in
the same process, so both run on the same machine state; both score with the
packaged model. Inputs: the prepared title + text of the dev postings (or of the
corpus with ``--corpus``) and the skill categories the extractor found (computed
once, outside the timed loop). Each posting runs baseline then current, round
after round; a posting's time is its fastest round (the machine is shared and
noisy), so the figures are the least each version needed::

    .venv/bin/python bench/archetype_features.py [--baseline REV] [--rounds 5] [--corpus]
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
from typing import Any

from mljobs.enrich import classifier, features
from mljobs.enrich.lowered import lower
from mljobs.enrich.pipeline import extract_skills, prepare_record
from mljobs.sources.files import read_objects

ROOT = Path(__file__).resolve().parents[1]


def _load(rev: str, name: str, patch: tuple[str, str] | None = None) -> ModuleType:
    """Module ``src/mljobs/enrich/<name>.py`` at ``rev``, imported as ``<name>_baseline``."""
    src = subprocess.run(["git", "show", f"{rev}:src/mljobs/enrich/{name}.py"], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    if patch:
        src = src.replace(*patch)
    path = Path(tempfile.mkdtemp()) / f"{name}_baseline.py"
    path.write_text(src, "utf-8")
    spec = importlib.util.spec_from_file_location(f"{name}_baseline", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[f"{name}_baseline"] = mod  # dataclasses look the module up by name
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    """Print us/posting of featurize and predict for baseline and current, and the ratios."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default="461bb11")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", action="store_true", help="the corpus postings, not the dev set")
    args = ap.parse_args()
    inputs = (ROOT.parent / "shared/data/corpus/postings.jsonl" if args.corpus
              else ROOT.parent / "shared/data/eval/dev-inputs.jsonl")
    rows = []
    for rec in read_objects(inputs):
        prep = prepare_record(rec)
        rows.append((prep.title, prep.text, tuple(s.category or "" for s in extract_skills(prep.text))))
    base_features = _load(args.baseline, "features")
    base_classifier = _load(args.baseline, "classifier",
                            ("from mljobs.enrich.features import", "from features_baseline import"))
    versions: dict[str, tuple[Any, Any]] = {
        "baseline": (base_features.featurize, base_classifier.ArchetypeModel.load()),
        "current": (features.featurize, classifier.ArchetypeModel.load()),
    }
    clock = time.perf_counter_ns
    best = {(v, step): [float("inf")] * len(rows) for v in versions for step in ("featurize", "predict")}
    for _ in range(args.rounds):
        for i, (title, text, cats) in enumerate(rows):
            for name, (featurize, model) in versions.items():
                lower(text)  # as in the pipeline, the steps before have lowered the text
                t0 = clock()
                feats = featurize(title, text, cats)
                t1 = clock()
                model.predict(feats)
                t2 = clock()
                got = best[name, "featurize"]
                got[i] = min(got[i], t1 - t0)
                got = best[name, "predict"]
                got[i] = min(got[i], t2 - t1)
    us = {key: sum(times) / len(times) / 1000 for key, times in best.items()}
    print(f"{len(rows)} {'corpus' if args.corpus else 'dev'} postings, fastest of {args.rounds} rounds "
          f"per posting (baseline {args.baseline})")
    for name in versions:
        f, p = us[name, "featurize"], us[name, "predict"]
        print(f"{name:9s} featurize {f:6.1f} us  predict {p:6.1f} us  together {f + p:6.1f} us")
    ratio = {step: us["current", step] / us["baseline", step] for step in ("featurize", "predict")}
    together = ((us["current", "featurize"] + us["current", "predict"])
                / (us["baseline", "featurize"] + us["baseline", "predict"]))
    print(f"ratio current/baseline: featurize {ratio['featurize']:.2f}, predict {ratio['predict']:.2f}, "
          f"together {together:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
