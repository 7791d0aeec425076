#!/usr/bin/env python3
"""In-process A/B of one rule step against its module as it was at a git revision.

The module (``facets``, ``salary``, ``sections`` or ``roles``) is loaded a second time from
``git show REV:...`` (it shares the current ``lowered`` memo and trigger words), and the
two versions of the step alternate over the corpus postings (order swapped every posting
and pass). Before each timed call, a whole ``analyse`` of another posting runs, so the
caches are as cold as in the pipeline, and the step's shared inputs (the lowered text
and its trigger hits) are made as the earlier steps would. Prints the sum of each
posting's fastest time (µs/posting) per version::

    .venv/bin/python bench/rule_step_ab.py --against 1041a0a --step years --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revisions import module_at

from mljobs.enrich import facets, lowered, roles, salary, sections
from mljobs.enrich.pipeline import Prepared, analyse, prepare_record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"


# step -> (module name, call of the step on a module and a prepared posting)
STEPS: dict[str, tuple[str, Callable[[Any, Prepared], object]]] = {
    "roles": ("roles", lambda m, p: m.segment_roles(p.text)),
    # (the map, then the ``is_nice`` calls the pipeline makes on it: ``_NICE_CALLS``)
    "sections": ("sections", lambda m, p: _sections_step(m, p)),
    "degree": ("facets", lambda m, p: m.degree_and_phd(p.text, sections.SectionMap(p.text))),
    "salary": ("salary", lambda m, p: m.parse_posting_salary(p.title, p.text)),
    "years": ("facets", lambda m, p: m.years_min(p.text)),
    "seniority": ("facets", lambda m, p: m.seniority(p.title, p.text)),
    "remote": ("facets", lambda m, p: m.remote(p.title, p.text)),
    "visa": ("facets", lambda m, p: m.visa(p.text)),
    "stage": ("facets", lambda m, p: m.company_stage(p.text, None)),
    "equity": ("salary", lambda m, p: m.mentions_equity(p.text)),
}
def _forget() -> None:
    """Empty ``lowered``'s memos (its ``forget``, or the one-entry memos it had before)."""
    forget = getattr(lowered, "forget", None)
    if forget is not None:
        forget()
    else:
        lowered._last = ("", "")  # type: ignore[attr-defined]
        lowered._last_hits = ("", -1, {})  # type: ignore[attr-defined]
        lowered._last_exact = ("", True)  # type: ignore[attr-defined]


_NICE_CALLS: dict[str, list[tuple[int, int | None]]] = {}


def _sections_step(module: Any, p: Prepared) -> object:
    smap = module.SectionMap(p.text)
    return smap.sections, [smap.is_nice(a, b) for a, b in _NICE_CALLS.get(p.id, ())]


def _record_nice_calls(preps: list[Prepared]) -> None:
    """The ``is_nice`` calls ``analyse`` makes for each posting (skills, degree)."""
    plain = sections.SectionMap.is_nice
    for p in preps:
        calls = _NICE_CALLS[p.id] = []

        def spy(self: Any, start: int, end: int | None = None,
                calls: list[tuple[int, int | None]] = calls) -> bool:
            calls.append((start, end))
            return plain(self, start, end)

        sections.SectionMap.is_nice = spy  # type: ignore[method-assign]
        try:
            analyse(p.title, p.text)
        finally:
            sections.SectionMap.is_nice = plain  # type: ignore[method-assign]


_CURRENT = {"facets": facets, "salary": salary, "sections": sections, "roles": roles}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", required=True, help="git revision of the old module")
    ap.add_argument("--step", required=True, choices=sorted(STEPS))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    name, call = STEPS[args.step]
    versions = {"old": module_at(args.against, name, f"old_{name}"), "new": _CURRENT[name]}
    with CORPUS.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f][:args.limit]
    preps = [prepare_record(r) for r in records]
    if args.step == "roles":  # (the HN posts only, as ``prepare_record`` does)
        preps = [Prepared(p.id, p.title, r["text"], p.roles, p.role)
                 for p, r in zip(preps, records) if r.get("source", "").startswith("hackernews")]
    if args.step == "sections":
        _record_nice_calls(preps)
    for p in preps:  # the same answers first
        assert repr(call(versions["old"], p)) == repr(call(versions["new"], p)), p.id
    best = {k: [float("inf")] * len(preps) for k in versions}
    clock = time.perf_counter
    for rep in range(args.repeat):
        for i, p in enumerate(preps):
            order = ("old", "new") if (i + rep) % 2 else ("new", "old")
            for side in order:
                q = preps[(i * 7 + 3) % len(preps)]
                analyse(q.title, q.text)
                if args.step not in ("roles", "sections"):  # (they make them; the rest share them)
                    lowered.hits(lowered.lower(p.text))
                    lowered.lowers_exactly(p.text)
                else:
                    _forget()
                start = clock()
                call(versions[side], p)
                spent = clock() - start
                best[side][i] = min(best[side][i], spent)
    old, new = (sum(best[k]) / len(preps) * 1e6 for k in ("old", "new"))
    print(f"{args.step}: old {old:.2f} µs/posting, new {new:.2f} µs/posting, new/old {new / old:.3f}"
          f" ({len(preps)} postings, {args.repeat} passes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
