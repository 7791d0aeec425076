#!/usr/bin/env python3
"""Compare two ``mljobs enrich`` outputs field by field (JSONL, one record per line).

Records are paired by ``id``. The archetype fields (``archetype``,
``archetype_proba``, ``evidence``) are ignored by default because the model
changes independently of the pipeline; pass ``--all`` to compare them too.
Prints one line per differing field (at most ``--show`` of them) and a count
per field name; exits 1 when anything differs. ``--tol X`` lets numbers differ by
at most ``X`` (absolute; e.g. ``1e-9`` for probabilities and evidence weights computed
in another order); every other value, and the structure, must still be equal::

    .venv/bin/python tools/compare_enrich.py /tmp/ref-enrich.jsonl /tmp/new-enrich.jsonl
    .venv/bin/python tools/compare_enrich.py --all --tol 1e-9 /tmp/ref.jsonl /tmp/new.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

IGNORED = frozenset({"archetype", "archetype_proba", "evidence"})


def _load(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[str(rec["id"])] = rec
    return out


def same(a: Any, b: Any, tol: float = 0.0) -> bool:
    """``a == b``, except that two numbers (not booleans) may differ by at most ``tol``,
    also inside lists and dicts."""
    if tol and isinstance(a, float | int) and isinstance(b, float | int) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return a == b or abs(a - b) <= tol
    if tol and isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k], tol) for k in a)
    if tol and isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, tol) for x, y in zip(a, b))
    return bool(a == b)


def compare(ref: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
            ignored: frozenset[str] = IGNORED, tol: float = 0.0) -> list[tuple[str, str, Any, Any]]:
    """(id, field, reference value, new value) for every field that differs (numbers by more
    than ``tol``)."""
    diffs: list[tuple[str, str, Any, Any]] = []
    for rid in sorted(ref.keys() | new.keys()):
        a, b = ref.get(rid), new.get(rid)
        if a is None or b is None:
            diffs.append((rid, "<record>", a is not None, b is not None))
            continue
        for key in sorted((a.keys() | b.keys()) - ignored):
            if not same(a.get(key, "<missing>"), b.get(key, "<missing>"), tol):
                diffs.append((rid, key, a.get(key, "<missing>"), b.get(key, "<missing>")))
    return diffs


def main(argv: list[str] | None = None) -> int:
    """Print the differences; exit status 1 if there are any."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", type=Path)
    ap.add_argument("candidate", type=Path)
    ap.add_argument("--all", action="store_true", help="compare the archetype fields too")
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--tol", type=float, default=0.0,
                    help="numbers may differ by at most this much (absolute)")
    args = ap.parse_args(argv)
    ref, new = _load(args.reference), _load(args.candidate)
    diffs = compare(ref, new, frozenset() if args.all else IGNORED, args.tol)
    for rid, key, a, b in diffs[: args.show]:
        print(f"{rid} {key}:\n  ref: {json.dumps(a)[:300]}\n  new: {json.dumps(b)[:300]}")
    per_field = Counter(key for _, key, _, _ in diffs)
    print(f"{len(ref)} reference records, {len(new)} candidate records, {len(diffs)} differing fields"
          + (f": {dict(per_field)}" if diffs else ""))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
