#!/usr/bin/env python3
"""Span-level F1 of the skill extractor on SkillSpan's test knowledge spans.

SkillSpan (Zhang et al., NAACL 2022; MIT; ``../shared/data/skillspan``) tags
job-posting sentences with SKILL and KNOWLEDGE spans (BIO). Our extractor
finds taxonomy skills (tools, languages, methods, areas), which correspond to
KNOWLEDGE spans. Each test sentence is rebuilt from its tokens, the matcher
runs on it, every match is mapped to the tokens it covers, and predicted
spans are compared to gold spans by exact token boundaries (seqeval-style),
overall and per source (house/tech). A looser "overlap" score (a prediction
counts if it overlaps a gold span) is printed alongside::

    .venv/bin/python tools/eval_skillspan.py [--split test] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from mljobs.enrich.skills import default_matcher

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "skillspan" / "data" / "json"


def gold_spans(tags: list[str]) -> set[tuple[int, int]]:
    """BIO tags -> set of (first token, last token + 1)."""
    spans, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("B") or tag == "O" or (tag.startswith("I") and start is None):
            if start is not None:
                spans.add((start, i))
                start = None
            if tag.startswith(("B", "I")):
                start = i
    return spans


def predicted_spans(tokens: list[str]) -> set[tuple[int, int]]:
    """Run the matcher on the sentence and map matches to token spans."""
    text, starts, pos = "", [], 0
    for tok in tokens:
        starts.append(pos)
        text += tok + " "
        pos += len(tok) + 1
    ends = [s + len(t) for s, t in zip(starts, tokens, strict=True)]
    out = set()
    for m in default_matcher().find(text):
        first = next(i for i, e in enumerate(ends) if e > m.start)
        last = max(i for i, s in enumerate(starts) if s < m.end)
        out.add((first, last + 1))
    return out


def score(split: str) -> dict[str, dict[str, float]]:
    """Exact and overlap span P/R/F1 per source and overall."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, pred, gold, overlap-tp
    for line in (DATA / f"{split}.json").read_text("utf-8").splitlines():
        row = json.loads(line)
        gold = gold_spans(row["tags_knowledge"])
        pred = predicted_spans(row["tokens"])
        overlap = sum(1 for p in pred if any(p[0] < g[1] and g[0] < p[1] for g in gold))
        for key in (row["source"], "all"):
            c = counts[key]
            c[0] += len(gold & pred)
            c[1] += len(pred)
            c[2] += len(gold)
            c[3] += overlap
    out = {}
    for key, (tp, n_pred, n_gold, otp) in sorted(counts.items()):
        p, r = tp / max(1, n_pred), tp / max(1, n_gold)
        op = otp / max(1, n_pred)
        out[key] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                    "overlap_precision": op, "gold_spans": n_gold, "predicted_spans": n_pred}
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = score(args.split)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"SkillSpan {args.split}, KNOWLEDGE spans, exact token boundaries")
    for key, m in result.items():
        print(f"  {key:5s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
              f"(overlap P {m['overlap_precision']:.3f}; gold {m['gold_spans']}, "
              f"predicted {m['predicted_spans']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
