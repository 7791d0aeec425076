#!/usr/bin/env python3
"""Skill-extraction error analysis against labelled postings (taxonomy work).

Runs ``mljobs.enrich.enrich_record`` over labelled postings, scores skills as
``mljobs eval`` does (LABELS.md: a prediction matches a gold skill when the
canonical names or the surfaces agree after case-folding and collapsing
spaces/hyphens/underscores) and lists false positives and false negatives by
skill name with counts and example contexts::

    .venv/bin/python tools/skill_errors.py                      # P/R/F1 per set
    .venv/bin/python tools/skill_errors.py --set batch1 --set batch2 --top 30
    .venv/bin/python tools/skill_errors.py --set dev --skill "data science"
    .venv/bin/python tools/skill_errors.py --set batch23-28 --split   # pooled figures only

``--split`` prints each set's P/R/F1 twice: as scored, and with the field words
(``skills.FIELD_SKILLS``) left out of both the predictions and the gold skills.

Sets: ``dev`` (shared/data/eval/dev-*.jsonl) and ``batchN`` (labels/batchN.jsonl,
texts from shared/data/corpus/postings.jsonl), or ``batchN-M`` for batches N to M pooled. Keep one batch unread while
tuning the taxonomy so that it stays an honest check.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from mljobs.enrich.evaluate import skill_key
from mljobs.enrich.pipeline import enrich_record, prepare_record
from mljobs.enrich.skills import FIELD_SKILLS, default_taxonomy

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def field_keys() -> frozenset[str]:
    """The ``skill_key`` of every field word's name and aliases (a gold skill is a field word
    when its name or its surface is one of them)."""
    return frozenset(skill_key(form) for s in default_taxonomy().skills if s["name"] in FIELD_SKILLS
                     for form in [s["name"], *s.get("aliases", [])])


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_set(name: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Gold labels and the input records (by id) of one named set."""
    if name == "dev":
        gold = _jsonl(SHARED / "eval" / "dev-labels.jsonl")
        inputs = _jsonl(SHARED / "eval" / "dev-inputs.jsonl")
    else:
        span = re.fullmatch(r"batch(\d+)-(\d+)", name)
        batches = range(int(span[1]), int(span[2]) + 1) if span else [int(name.removeprefix("batch"))]
        gold = [g for n in batches for g in _jsonl(ROOT / "labels" / f"batch{n}.jsonl")]
        inputs = _jsonl(SHARED / "corpus" / "postings.jsonl")
    return gold, {r["id"]: r for r in inputs}


def _matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return skill_key(p["name"]) == skill_key(g["name"]) or skill_key(p["surface"]) == skill_key(g["surface"])


def analyse(name: str, examples: int, leave_out: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Scores and per-skill errors of one set; skills whose name (or, for gold, surface) has
    a key in ``leave_out`` are left out of both sides."""
    gold, records = load_set(name)
    tp_p = tp_g = n_p = n_g = 0
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    ctx: dict[str, list[str]] = defaultdict(list)
    for label in gold:
        record = records[label["id"]]
        pred = [p for p in enrich_record(record)["skills"] if skill_key(p["name"]) not in leave_out]
        text = prepare_record(record).text
        label = {**label, "skills": [g for g in label["skills"] if skill_key(g["name"]) not in leave_out
                                     and skill_key(g["surface"]) not in leave_out]}
        for p in pred:
            if any(_matches(p, g) for g in label["skills"]):
                tp_p += 1
                tp[p["name"]] += 1
                continue
            fp[p["name"]] += 1
            if len(ctx[p["name"]]) < examples:
                snippet = text[max(0, p["start"] - 60):p["end"] + 40].replace("\n", " ")
                ctx[p["name"]].append(f"{label['id']}: ...{snippet}...")
        for g in label["skills"]:
            if any(_matches(p, g) for p in pred):
                tp_g += 1
            else:
                fn[g["name"]] += 1
                if len(ctx["FN " + g["name"]]) < examples:
                    ctx["FN " + g["name"]].append(f"{label['id']}: surface {g['surface']!r}")
        n_p += len(pred)
        n_g += len(label["skills"])
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(gold), "precision": precision, "recall": recall, "f1": f1,
            "fp": fp, "fn": fn, "tp": tp, "ctx": ctx}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", dest="sets",
                        help="dev or batchN (repeatable; default: dev batch1 batch2 batch3)")
    parser.add_argument("--top", type=int, default=0, help="list the N most frequent FP and FN skills")
    parser.add_argument("--skill", help="print example contexts of this skill's FPs and FNs")
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument("--split", action="store_true",
                        help="also score each set with the field words (skills.FIELD_SKILLS) left out of both sides")
    args = parser.parse_args(argv)
    for name in args.sets or ["dev", "batch1", "batch2", "batch3"]:
        res = analyse(name, args.examples)
        print(f"{name}: n={res['n']} P={res['precision']:.3f} R={res['recall']:.3f} F1={res['f1']:.3f}")
        if args.split:
            out = analyse(name, 0, field_keys())
            print(f"{name} without field words: P={out['precision']:.3f} R={out['recall']:.3f} "
                  f"F1={out['f1']:.3f}")
        if args.top:
            print("  false positives (FP / TP):")
            for skill, count in res["fp"].most_common(args.top):
                print(f"    {count:3d} / {res['tp'][skill]:3d}  {skill}")
            print("  false negatives:")
            for skill, count in res["fn"].most_common(args.top):
                print(f"    {count:3d}  {skill}")
        if args.skill:
            for line in res["ctx"].get(args.skill, []) + res["ctx"].get("FN " + args.skill, []):
                print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
