#!/usr/bin/env python3
"""Compare two ``mljobs enrich`` outputs field by field (JSONL, one record per line).

Records are paired by ``id``. The archetype fields (``archetype``,
``archetype_proba``, ``evidence``) are ignored by default because the model
changes independently of the pipeline; pass ``--all`` to compare them too.
Prints one line per differing field (at most ``--show`` of them) and a count
per field name; exits 1 when anything differs::

    .venv/bin/python tools/compare_enrich.py /tmp/ref-enrich.jsonl /tmp/new-enrich.jsonl
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


def compare(ref: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]],
            ignored: frozenset[str] = IGNORED) -> list[tuple[str, str, Any, Any]]:
    """(id, field, reference value, new value) for every field that differs."""
    diffs: list[tuple[str, str, Any, Any]] = []
    for rid in sorted(ref.keys() | new.keys()):
        a, b = ref.get(rid), new.get(rid)
        if a is None or b is None:
            diffs.append((rid, "<record>", a is not None, b is not None))
            continue
        for key in sorted((a.keys() | b.keys()) - ignored):
            if a.get(key, "<missing>") != b.get(key, "<missing>"):
                diffs.append((rid, key, a.get(key, "<missing>"), b.get(key, "<missing>")))
    return diffs


def main(argv: list[str] | None = None) -> int:
    """Print the differences; exit status 1 if there are any."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reference", type=Path)
    ap.add_argument("candidate", type=Path)
    ap.add_argument("--all", action="store_true", help="compare the archetype fields too")
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args(argv)
    ref, new = _load(args.reference), _load(args.candidate)
    diffs = compare(ref, new, frozenset() if args.all else IGNORED)
    for rid, key, a, b in diffs[: args.show]:
        print(f"{rid} {key}:\n  ref: {json.dumps(a)[:300]}\n  new: {json.dumps(b)[:300]}")
    per_field = Counter(key for _, key, _, _ in diffs)
    print(f"{len(ref)} reference records, {len(new)} candidate records, {len(diffs)} differing fields"
          + (f": {dict(per_field)}" if diffs else ""))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
