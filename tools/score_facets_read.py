#!/usr/bin/env python3
"""Score ``mljobs enrich`` output against the pay, visa and equity readings of
``labels/facets-read/`` (see its README): one accuracy per field, per part of the readings
(``fix``: the two thirds whose errors were read; ``check``: the third held back) and overall::

    PYTHONPATH=src .venv/bin/python -m mljobs enrich -i /tmp/facets-inputs.jsonl -o /tmp/out.jsonl
    .venv/bin/python tools/score_facets_read.py /tmp/out.jsonl
    .venv/bin/python tools/score_facets_read.py /tmp/out.jsonl --errors --part fix

``--inputs`` writes the corpus lines of the read postings (for ``mljobs enrich -i``) from the
corpus file instead of scoring. Fields:

- ``salary``: both sides have none, or both have one with each end within 1% (an end
  missing on both sides counts as equal), the same currency and the same period;
- ``salary_found``: whether a salary is read at all (what a search filter on pay sees);
- ``is_estimate``: over the postings a reader gives pay, a salary is read and it is an
  estimate exactly when the reader's is;
- ``equity``, ``visa``: exact match. ``visa_offered`` / ``visa_not_offered`` give
  precision and recall of the two values that say something.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

LABELS = Path(__file__).resolve().parent.parent / "labels" / "facets-read" / "read.jsonl"
FIELDS = ("salary", "salary_found", "is_estimate", "equity", "visa")
# What a reading with no output line is scored against: no salary, no equity, no visa value.
MISSING: dict[str, Any] = {"salary": None, "equity": False, "visa": None}


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


def salary_matches(read: Mapping[str, Any] | None, got: Mapping[str, Any] | None) -> bool:
    """True when the pipeline's salary ``got`` (enrich output) says what the reading says."""
    if read is None or got is None:
        return read is None and got is None
    return (_close(read["min"], got.get("min")) and _close(read["max"], got.get("max"))
            and read["currency"] == got.get("currency") and read["period"] == got.get("interval"))


def field_results(read: Mapping[str, Any], got: Mapping[str, Any]) -> dict[str, bool | None]:
    """Right (True) or wrong (False) per field for one posting; None: the field does not
    apply (``is_estimate`` when the reader gives no pay)."""
    rs, gs = read["salary"], got.get("salary")
    return {
        "salary": salary_matches(rs, gs),
        "salary_found": (rs is None) == (gs is None),
        "is_estimate": None if rs is None else (
            gs is not None and rs["is_estimate"] == (not gs.get("stated", True))),
        "equity": bool(read["equity"]) == bool(got.get("equity")),
        "visa": read["visa"] == got.get("visa", "unknown"),
    }


def _pr(pairs: list[tuple[str, str]], value: str) -> tuple[int, int, int]:
    """(true positives, predicted, actual) of ``value`` over (read, got) pairs."""
    tp = sum(r == value and g == value for r, g in pairs)
    return tp, sum(g == value for _, g in pairs), sum(r == value for r, _ in pairs)


def score(labels: Iterable[Mapping[str, Any]], output: Mapping[str, Mapping[str, Any]],
          part: str | None = None) -> dict[str, Any]:
    """Accuracy per field (right, scored) and the visa precision/recall counts over the
    readings of ``part`` (all when None). A reading with no output line is scored against
    ``MISSING``."""
    right = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    visas: list[tuple[str, str]] = []
    n = 0
    for read in labels:
        if part is not None and read["part"] != part:
            continue
        n += 1
        got = output.get(read["id"], MISSING)
        for field, ok in field_results(read, got).items():
            if ok is not None:
                scored[field] += 1
                right[field] += ok
        visas.append((read["visa"], str(got.get("visa"))))
    return {"n": n, "fields": {f: (right[f], scored[f]) for f in FIELDS},
            "visa_offered": _pr(visas, "offered"), "visa_not_offered": _pr(visas, "not-offered")}


def errors(labels: Iterable[Mapping[str, Any]], output: Mapping[str, Mapping[str, Any]],
           part: str | None = None) -> list[tuple[str, str, Any, Any]]:
    """(id, field, read value, pipeline value) for every wrong field."""
    out = []
    for read in labels:
        if part is not None and read["part"] != part:
            continue
        got = output.get(read["id"], MISSING)
        for field, ok in field_results(read, got).items():
            if ok is False:
                key = {"salary_found": "salary", "is_estimate": "salary"}.get(field, field)
                out.append((read["id"], field, read[key], got.get(key)))
    return out


def format_table(results: Mapping[str, Mapping[str, Any]]) -> str:
    parts = list(results)
    lines = ["| field | " + " | ".join(f"{p} (n={results[p]['n']})" for p in parts) + " |",
             "|---|" + "---|" * len(parts)]
    for f in FIELDS:
        cells = []
        for p in parts:
            r, s = results[p]["fields"][f]
            cells.append(f"{r / s:.3f} ({r}/{s})" if s else "-")
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    for key, name in (("visa_offered", "visa offered P/R"), ("visa_not_offered", "visa not-offered P/R")):
        cells = []
        for p in parts:
            tp, pred, act = results[p][key]
            cells.append(f"{tp}/{pred} / {tp}/{act}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output", type=Path, nargs="?", help="mljobs enrich output (JSONL)")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--part", choices=("fix", "check"), help="only this part of the readings")
    ap.add_argument("--errors", action="store_true", help="list the wrong fields too")
    ap.add_argument("--inputs", type=Path, metavar="CORPUS",
                    help="print the corpus lines of the read postings instead of scoring")
    args = ap.parse_args(argv)
    labels = load_jsonl(args.labels)
    if args.inputs is not None:
        wanted = {r["id"] for r in labels}
        for line in args.inputs.read_text("utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in wanted:
                print(line)
        return 0
    if args.output is None:
        ap.error("give the enrich output, or --inputs CORPUS")
    output = {str(r["id"]): r for r in load_jsonl(args.output)}
    parts = [args.part] if args.part else ["fix", "check", None]
    results = {p or "all": score(labels, output, p) for p in parts}
    print(format_table(results))
    if args.errors:
        for rid, field, read, got in errors(labels, output, args.part):
            print(f"{rid}\t{field}\tread={json.dumps(read)}\tgot={json.dumps(got)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
