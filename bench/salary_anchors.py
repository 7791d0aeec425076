#!/usr/bin/env python3
"""The two cost choices salary.py's comments quote, timed over the corpus postings.

1. The currency-code anchor: one pattern with two branches (a code after the amount, or one
   in capitals right before it: ``_ONE_CODE``, as it was before commit c202fb4 split it)
   against the two patterns ``salary._code_anchor`` searches, each starting with what the
   regex engine can skip to (a digit, a code's first capital). Both search the text
   ``parse_salary`` reads (title, line break, the first 3,000 characters); their answers
   are checked equal.
2. An ASCII title's money words (currency codes in any case, symbols): one
   case-insensitive search for them all (``_MONEY_IN_TITLE``, as before c202fb4) against a
   substring test for each in the lower-cased title (``parse_posting_salary``'s); the
   answers are checked equal.

Each round times the old form and the new one over every posting (the order alternating by
round) and keeps each form's fastest round::

    .venv/bin/python bench/salary_anchors.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from mljobs.enrich import salary

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"

_CODES = "|".join(salary._CURRENCY_CODES)
# (salary's own after-number pattern as the first branch, not a copy of it that can drift)
_ONE_CODE = re.compile(
    salary._CODE_AFTER_NUMBER.pattern + r"|(?-i:\b(?=[A-Z]{3}\s?\d)(?:" + _CODES + r"))\s?\d",
    re.IGNORECASE)
_MONEY_IN_TITLE = re.compile("|".join(map(re.escape, sorted(salary._MONEY_WORDS))),
                             re.IGNORECASE)


def _one_code(texts: list[str]) -> list[int]:
    return [-1 if (m := _ONE_CODE.search(t)) is None else m.start() for t in texts]


def _two_codes(texts: list[str]) -> list[int]:
    return [salary._code_anchor(t, 0, len(t)) for t in texts]


def _title_search(titles: list[str]) -> list[bool]:
    return [_MONEY_IN_TITLE.search(t) is not None for t in titles]


def _title_substrings(titles: list[str]) -> list[bool]:
    words = salary._MONEY_WORDS
    out = []
    for title in titles:
        low = title.lower()
        out.append(any(w in low for w in words))
    return out


def _race(old: Callable[[list[str]], object], new: Callable[[list[str]], object],
          items: list[str], rounds: int) -> tuple[float, float]:
    """Each form's fastest pass over ``items`` (seconds), checking their answers agree."""
    if old(items) != new(items):
        raise SystemExit(f"{old.__name__} and {new.__name__} disagree")
    best = {old: float("inf"), new: float("inf")}
    for r in range(rounds):
        for form in (old, new) if r % 2 == 0 else (new, old):
            start = time.perf_counter()
            form(items)
            best[form] = min(best[form], time.perf_counter() - start)
    return best[old], best[new]


def main() -> int:
    """Print each pair's fastest pass and the ratio old / new."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    texts = [f"{r.get('title') or ''}\n{(r.get('text') or '')[:3000]}" for r in records]
    titles = [t for r in records if (t := r.get("title") or "").isascii()]
    old, new = _race(_one_code, _two_codes, texts, args.rounds)
    print(f"code anchor over {len(texts):,} postings: one pattern {old * 1e3:.1f} ms, "
          f"two patterns {new * 1e3:.1f} ms: one costs {old / new:.1f}x the two")
    old, new = _race(_title_search, _title_substrings, titles, args.rounds)
    print(f"money words in {len(titles):,} ASCII titles: one case-insensitive search "
          f"{old * 1e3:.2f} ms, substring tests {new * 1e3:.2f} ms: the tests cost "
          f"{new / old:.2f}x the search")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
