#!/usr/bin/env python3
"""The enrichment steps run posting by posting against step by step over small batches.

An experiment, not the pipeline: it runs the calls ``pipeline._analyse`` makes (the same
ones ``bench/enrich.py --stages`` times) over the corpus either one posting at a time, every
step in turn (what ``enrich_record`` does), or step-major over batches of ``--batch``
postings (every posting of the batch through the roles step, then through sections, then
skills, ...), so that each step's tables, regexes and automata stay in the caches while it
runs over the batch. The outputs are not assembled (the same in both orders).

``lowered``'s memos remember one text (``lower``, ``lowers_exactly``, ``hits``): step by
step over a batch they would miss at every call, so with ``--batch-memos`` (the default)
they are replaced, in every module that imported them, by memos of the last 64 texts
(by identity, holding a reference, like the originals). The batch is cut into chunks of
64 postings; each chunk runs in both orders, alternating which goes first, and keeps its
fastest of ``--rounds`` times in each order; the sums are printed with each step's share::

    .venv/bin/python bench/s_batch_order.py [--batch 16] [--rounds 5] [--cpu 1]
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mljobs.enrich import facets, lowered
from mljobs.enrich.classifier import default_model
from mljobs.enrich.features import featurize
from mljobs.enrich.pipeline import _size, _skill_rows, _str, prepare_record
from mljobs.enrich.salary import mentions_equity, parse_posting_salary, parse_salary_field
from mljobs.enrich.sections import SectionMap
from mljobs.enrich.warm import warm_up

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"
_STEPS = ("roles", "sections", "skills", "featurize", "classifier", "degree + phd", "salary",
          "specialisation", "years", "seniority", "remote", "visa", "company stage", "equity")
_MODULES = ("sections", "skills", "facets", "salary", "roles", "features", "pipeline",
            "classifier")


def _memo_of_many(fn: Callable[[Any], Any], size: int = 64) -> Callable[[Any], Any]:
    """``fn`` remembering its answers for the last ``size`` arguments, by identity."""
    cache: dict[int, tuple[Any, Any]] = {}

    def memo(text: Any) -> Any:
        got = cache.get(id(text))
        if got is not None and got[0] is text:
            return got[1]
        value = fn(text)
        if len(cache) >= size:
            cache.pop(next(iter(cache)))
        cache[id(text)] = (text, value)
        return value

    return memo


def _use_batch_memos() -> None:
    """Replace ``lower``, ``lowers_exactly`` and ``hits`` by memos of many texts everywhere."""
    memos = {name: _memo_of_many(getattr(lowered, name))
             for name in ("lower", "lowers_exactly", "hits")}
    for name, memo in memos.items():
        setattr(lowered, name, memo)  # (``spans_around`` calls ``hits`` through the module)
    for module_name in _MODULES:
        module = importlib.import_module(f"mljobs.enrich.{module_name}")
        for name, memo in memos.items():
            if hasattr(module, name):
                setattr(module, name, memo)


def _run(records: list[dict[str, Any]], batch: int, spent: dict[str, float]) -> None:
    """The steps over ``records``, step-major within each batch (``batch`` 1: posting by
    posting), adding each step's time to ``spent``."""
    model = default_model()
    clock = time.perf_counter

    def step(name: str, fn: Callable[..., Any], calls: list[tuple[Any, ...]]) -> list[Any]:
        start = clock()
        out = [fn(*call) for call in calls]
        spent[name] += clock() - start
        return out

    def salary(record: dict[str, Any], title: str, text: str) -> Any:
        field = _str(record.get("salary_estimate"))
        return (parse_salary_field(field) if field else None) or parse_posting_salary(title, text)

    def specialisation(probs: dict[str, float], feats: Any) -> Any:
        archetype = max(probs, key=probs.__getitem__)
        return facets.specialisations(feats.title_counts, feats.text_counts,
                                      ml_role=archetype != "not-ml")

    for i in range(0, len(records), batch):
        part = records[i:i + batch]
        preps = step("roles", prepare_record, [(r,) for r in part])
        maps = step("sections", SectionMap, [(p.text,) for p in preps])
        rows = step("skills", _skill_rows, [(p.text, m) for p, m in zip(preps, maps, strict=True)])
        feats = step("featurize", featurize, [(p.title, p.text, [s["category"] or "" for s in r])
                                              for p, r in zip(preps, rows, strict=True)])
        probs = [p for p, _ in step("classifier", model.predict, [(f,) for f in feats])]
        step("degree + phd", facets.degree_and_phd, [(p.text, m) for p, m in zip(preps, maps, strict=True)])
        step("salary", salary, [(r, p.title, p.text) for r, p in zip(part, preps, strict=True)])
        step("specialisation", specialisation, list(zip(probs, feats, strict=True)))
        step("years", facets.years_min, [(p.text,) for p in preps])
        step("seniority", facets.seniority, [(p.title, p.text) for p in preps])
        step("remote", facets.remote, [(p.title, p.text) for p in preps])
        step("visa", facets.visa, [(p.text,) for p in preps])
        step("company stage", facets.company_stage,
             [(p.text, _size(r.get("company_size"))) for r, p in zip(part, preps, strict=True)])
        step("equity", mentions_equity, [(p.text,) for p in preps])


def main() -> int:
    """Print us/posting posting by posting and step-major, with the steps' times."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--cpu", type=int, default=None, help="pin to this CPU")
    ap.add_argument("--no-batch-memos", dest="batch_memos", action="store_false")
    args = ap.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    if args.batch_memos:
        _use_batch_memos()
    with CORPUS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    warm_up()
    _run(records, 1, dict.fromkeys(_STEPS, 0.0))  # (first use compiles the lazy regexes)
    chunks = [records[i:i + 64] for i in range(0, len(records), 64)]
    orders = (1, args.batch)
    best: dict[int, list[dict[str, float] | None]] = {b: [None] * len(chunks) for b in orders}
    for r in range(args.rounds):
        for c, chunk in enumerate(chunks):
            for batch in orders if (r + c) % 2 == 0 else orders[::-1]:
                spent = dict.fromkeys(_STEPS, 0.0)
                _run(chunk, batch, spent)
                kept = best[batch][c]
                if kept is None or sum(spent.values()) < sum(kept.values()):
                    best[batch][c] = spent
    n = len(records)
    totals = {}
    for batch in orders:
        steps = {s: sum(chunk[s] for chunk in best[batch] if chunk) for s in _STEPS}
        totals[batch] = sum(steps.values())
        print(f"batch {batch:3d}: {totals[batch] / n * 1e6:6.0f} us/posting "
              f"({n / totals[batch]:.0f}/s); " + ", ".join(
                  f"{s} {t / n * 1e6:.0f}" for s, t in sorted(steps.items(), key=lambda kv: -kv[1])))
    print(f"step-major / posting by posting: {totals[args.batch] / totals[1]:.3f} "
          f"({'with' if args.batch_memos else 'without'} memos of 64 texts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
