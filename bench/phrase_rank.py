#!/usr/bin/env python3
"""A stand-in relevance measure of phrase ranking, for either engine, with and without its
side-by-side score (tantivy's ``PHRASE_BOOST``, FTS5's ``SIDE_BY_SIDE``).

    .venv/bin/python bench/phrase_rank.py --db STORE.sqlite3 [--engine fts5] [--off]

Queries: each multi-word skill name of plain words held by 3 or more canonical postings
(lower-cased, "recommender systems"); relevant: the canonical postings whose extracted
skills hold it. And pairs of single-word skills (the 24 most held, pairs held together by
10 or more postings, the first 116): relevant, the postings holding both. Printed: P@10
and nDCG@10 (binary gain) averaged over the queries. ``--db``: an enriched store (``mljobs
import`` of the corpus).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import math


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--off", action="store_true", help="without the side-by-side score")
    args = parser.parse_args()

    from mljobs.index import SearchQuery, fts5, open_index, tantivy_engine
    from mljobs.index.base import is_canonical
    from mljobs.store import SQLiteStore

    if args.off:
        fts5.SIDE_BY_SIDE = False
        tantivy_engine.PHRASE_BOOST = 0.0
    store = SQLiteStore(args.db)
    holders: dict[str, set[str]] = collections.defaultdict(set)
    for _rev, posting in store.iter_postings(after_rev=0):
        if posting.enrichment is not None and is_canonical(posting):
            for name in {s.name for s in posting.enrichment.skills}:
                holders[name].add(posting.id)
    index = open_index(store, args.engine)

    def score(text: str, relevant: set[str]) -> tuple[float, float]:
        hits = index.search(SearchQuery(text=text, limit=10, facets=())).hits
        found = [h.id in relevant for h in hits]
        dcg = sum(1 / math.log2(i + 2) for i, hit in enumerate(found) if hit)
        ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
        return sum(found) / 10, dcg / ideal

    multi = sorted(n for n, ids in holders.items() if len(n.split()) >= 2
                   and all(w.isalnum() for w in n.split()) and len(ids) >= 3)
    single = sorted((n for n, ids in holders.items() if n.isalpha() and len(ids) >= 20),
                    key=lambda n: (-len(holders[n]), n))[:24]
    pairs = [(a, b) for a, b in itertools.combinations(single, 2)
             if len(holders[a] & holders[b]) >= 10][:116]
    sets = (("multi-word skills", [(n.lower(), holders[n]) for n in multi]),
            ("single-word pairs", [(f"{a} {b}".lower(), holders[a] & holders[b])
                                   for a, b in pairs]))
    for name, queries in sets:
        got = [score(text, relevant) for text, relevant in queries]
        print(f"{args.engine}{' (off)' if args.off else ''} {name}: {len(got)} queries, "
              f"P@10 {sum(g[0] for g in got) / len(got):.3f}, "
              f"nDCG@10 {sum(g[1] for g in got) / len(got):.3f}")
    index.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
