"""Search benchmark: our search path (tantivy, FTS5) against plain tantivy.

    .venv/bin/python bench/search.py --sizes 100000 1000000 [--engines ours-tantivy plain-tantivy ours-fts5]
    .venv/bin/python bench/search.py --grammar --worst [--new-words 5] --sizes 100000 --engines ours-tantivy ours-fts5

For each size the real corpus (../shared/data/corpus/postings.jsonl) is
repeated with ids varied until the size is reached. Each (engine, size) runs
in its own subprocess so its peak memory (ru_maxrss) is its own. Reported:
index build time, peak RSS, index size on disk, and query latency p50/p95
over a fixed query set (the essay's keywords, tool names and two-word
queries), top-20 with one filter, each query run ``--repeat`` times after
one warm-up pass.

"plain tantivy" is the baseline: tantivy's own query parser on the raw query
string, a term filter, top-20, stored fields read back; no query language,
facets or snippets. "ours" is ``TantivyIndex.search`` / ``Fts5Index.search``
as the CLI and web app call them (our parser, filters, snippets, hits).

``--grammar`` times the query language's forms instead (``GRAMMAR``: prefixes down to two
letters, ``title:``/``company:``, OR groups short and long) in our engines, each query in
three ways (``MODES``: one filter; the search page's facets; page 50 with the filter), and
reports each query's median against the plain word ``engineer``'s in the same way and run;
then ``WORST``, the costliest queries the parser lets through and two it refuses, once each
(``--worst``). ``--new-words K`` gives each posting K words of its own, so the term
dictionary grows with the size (prefixes and FTS5's added words expand over it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"

QUERIES = [
    '"machine learning"', '"data mining"', '"image processing"', '"data science"',
    '"text mining"', '"natural language processing"',
    "pytorch", "tensorflow", "spark", "kubernetes", "scikit-learn", "hadoop", "sql", "weka",
    "pytorch tensorflow", "python sql", "deep learning", "computer vision", "recommender systems",
    "research scientist", "data engineer", "llm inference",
]
FILTER = ("remote", "remote")
LONG_OR = ("pytorch || jax || tensorflow || keras || spark || kubernetes || sql || scala || "
           "rust || java || airflow || docker || aws || gcp || azure || hadoop")
# --grammar: the plain words first (the baselines), then the query language's forms
GRAMMAR = [
    "engineer", "pytorch",
    "py*", "co*", "re*", "in*", "da*", "learn*", "engineer*", "analy*",
    "title:engineer", "title:data*", "company:novartis", "-title:senior engineer",
    "pytorch || jax || tensorflow", "py* || ja* || sc*", "co* re* in*",
    LONG_OR,
]
# the ways each query of GRAMMAR runs: (filters, facets, offset); the facets are the search
# page's (web.params.SEARCH_FACETS), page 50 is offset 980
SEARCH_FACETS = ("archetype", "ml_share", "specialisation", "skills", "seniority", "degree",
                 "phd", "remote", "country", "region", "visa", "company_stage", "source", "month")
MODES = {
    "filter": ({FILTER[0]: [FILTER[1]]}, (), 0),
    "facets": ({}, SEARCH_FACETS, 0),
    "page50": ({FILTER[0]: [FILTER[1]]}, (), 980),
}
# the costliest queries: the most prefixes a query may hold (query.MAX_PREFIXES), 2-letter ones
# OR'd and ANDed, and longer ones FTS5 adds indexed words to (Porter stems their last "y");
# an OR of common short words as long as a query may be (1,000 characters); and what the
# parser refuses (249 2-letter prefixes OR'd, 32 ANDed): the time it takes to say so
_PAIRS = [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "aeioulnrst"]
WORST = {
    "or_8_2letter_prefixes": " || ".join(f"{p}*" for p in ["co", "re", "in", "da", "pr", "st",
                                                             "ma", "de"]),
    "and_8_2letter_prefixes": " ".join(f"{p}*" for p in ["co", "re", "in", "da", "pr", "st",
                                                          "ma", "de"]),
    "or_8_y_prefixes": " | ".join(f"{w}*" for w in ["analy", "study", "deploy", "query",
                                                    "policy", "strategy", "survey", "journey"]),
    "or_common_words": "",  # (``_common_words``: read from the corpus)
    "refused_or_249_prefixes": "|".join(f"{p}*" for p in _PAIRS)[:999].rsplit("|", 1)[0],
    "refused_and_32_prefixes": " ".join(f"{p}*" for p in _PAIRS[::8][:32]),
}
REUSE = False
# --new-words K: each posting's description gains K words of its own (one of its words with
# the posting's number after it, "python1f3a"), so the term dictionary grows with the size,
# as a real corpus's does (typos, product names, numbers); the repeated corpus alone holds
# the corpus's 17,055 terms at any size
NEW_WORDS = 0


def corpus_postings(size: int) -> Iterator[object]:
    """Yield ``size`` Postings: the real corpus repeated, ids varied per round."""
    from mljobs.normalize import normalize
    from mljobs.sources.files import read_rows, row_to_raw

    base = []
    for line, row, _raw in read_rows(CORPUS):
        if isinstance(row, dict):
            base.append(normalize(row_to_raw(row, path=str(CORPUS), line=line)))
    made = 0
    round_no = 0
    while made < size:
        for posting in base:
            if made >= size:
                return
            if round_no:
                sid = f"{posting.source_id}-r{round_no}"
                posting = posting.model_copy(update={"id": f"{posting.source}:{sid}",
                                                     "source_id": sid})
            if NEW_WORDS:
                text = posting.description_text
                own = [w for w in text.split() if len(w) >= 4 and w.isalpha()][::7][:NEW_WORDS]
                posting = posting.model_copy(update={"description_text": text + "\n" + " ".join(
                    f"{w.lower()}{made:x}" for w in own)})
            yield posting
            made += 1
        round_no += 1


def _index_dir(workdir: Path, engine: str, size: int) -> Path:
    return workdir / (f"{engine}-{size}" + (f"-w{NEW_WORDS}" if NEW_WORDS else ""))


def _dir_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _latencies(run_query, repeat: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    for q in QUERIES:  # warm-up
        run_query(q)
    samples = []
    for _ in range(repeat):
        for q in QUERIES:
            t0 = time.perf_counter()
            run_query(q)
            samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return {
        "p50_ms": statistics.median(samples),
        "p95_ms": samples[int(0.95 * (len(samples) - 1))],
        "max_ms": samples[-1],
        "queries": len(samples),
    }


def _common_words() -> str:
    """The corpus's most frequent words of 2 to 4 letters OR'd, as many as 1,000 characters
    hold (about 250)."""
    import re
    from collections import Counter

    counts = Counter(w.lower() for line in CORPUS.open(encoding="utf-8")
                     for w in re.findall(r"\b[A-Za-z]{2,4}\b", line))
    return "|".join(w for w, _ in counts.most_common(400))[:999].rsplit("|", 1)[0]


def _grammar(search, repeat: int, worst: bool) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """GRAMMAR's medians per mode, their ratio to ``engineer``'s; WORST's single runs."""
    out: dict[str, object] = {}
    for mode, (filters, facets, offset) in MODES.items():
        for q in GRAMMAR:  # warm-up
            search(q, filters, facets, offset)
        times: dict[str, list[float]] = {q: [] for q in GRAMMAR}
        totals: dict[str, int] = {}
        for _ in range(repeat):
            for q in GRAMMAR:
                t0 = time.perf_counter()
                totals[q] = search(q, filters, facets, offset)
                times[q].append((time.perf_counter() - t0) * 1000)
        base = statistics.median(times["engineer"])
        out[mode] = {q: {"median_ms": round(statistics.median(t), 3),
                         "vs_engineer": round(statistics.median(t) / base, 2),
                         "total": totals[q]} for q, t in times.items()}
    if worst:
        rows = {}
        for name, q in WORST.items():
            q = q or _common_words()
            t0 = time.perf_counter()
            try:
                total: object = search(q, {}, SEARCH_FACETS, 0)
            except Exception as exc:  # (the error is what is reported)  # noqa: BLE001
                total = f"{type(exc).__name__}: {str(exc)[:300]}"
            rows[name] = {"ms": round((time.perf_counter() - t0) * 1000, 1), "total": total,
                          "chars": len(q)}
        out["worst"] = rows
    return out


def run_one(engine: str, size: int, repeat: int, workdir: Path,
            grammar: bool = False, worst: bool = False) -> dict[str, object]:
    """Build one index and time its queries (runs inside the child process)."""
    import tantivy

    from mljobs.index import Fts5Index, SearchQuery, TantivyIndex
    from mljobs.index.tantivy_engine import to_document

    path = _index_dir(workdir, engine, size)
    marker = path.with_name(path.name + ".built")
    reuse = REUSE and marker.exists()
    if not reuse:
        shutil.rmtree(path, ignore_errors=True)
    t0 = time.perf_counter()
    if engine == "plain-tantivy":
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        sb.add_text_field("title", stored=True, tokenizer_name="en_stem")
        sb.add_text_field("company_text", stored=True, tokenizer_name="en_stem")
        sb.add_text_field("description", stored=True, tokenizer_name="en_stem")
        sb.add_text_field("remote", stored=True, fast=True, tokenizer_name="raw")
        schema = sb.build()
        path.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(schema, path=str(path), reuse=reuse)
        if not reuse:
            writer = index.writer(128_000_000, 1)
            for posting in corpus_postings(size):
                doc = tantivy.Document()
                doc.add_text("id", posting.id)
                doc.add_text("title", posting.title)
                doc.add_text("company_text", posting.company or "")
                doc.add_text("description", posting.description_text)
                doc.add_text("remote", posting.remote.value)
                writer.add_document(doc)
            writer.commit()
            writer.wait_merging_threads()
        index.reload()
        build = time.perf_counter() - t0
        searcher = index.searcher()
        filt = tantivy.Query.term_query(schema, FILTER[0], FILTER[1])

        def query(text: str) -> None:
            q = index.parse_query(text, ["title", "company_text", "description"])
            both = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, q), (tantivy.Occur.Must, filt)]
            )
            result = searcher.search(both, 20)
            for _score, addr in result.hits:
                searcher.doc(addr)

    else:
        ours = TantivyIndex(path) if engine == "ours-tantivy" else Fts5Index(path)
        batch = []
        if reuse:
            pass
        elif engine == "ours-tantivy":
            writer = ours._writer()
            for posting in corpus_postings(size):
                writer.add_document(to_document(posting))
            writer.commit()
            writer.wait_merging_threads()
            ours.index.reload()
        else:
            for posting in corpus_postings(size):
                batch.append(posting)
                if len(batch) >= 5000:
                    ours.add(batch)
                    batch = []
            ours.add(batch)
        build = time.perf_counter() - t0

        def query(text: str) -> None:
            ours.search(SearchQuery(text=text, filters={FILTER[0]: [FILTER[1]]}, limit=20,
                                    facets=()))

    marker.touch()
    if grammar:
        assert engine != "plain-tantivy"  # (refused by main)

        def search(text: str, filters: dict[str, list[str]], facets: tuple[str, ...],
                   offset: int) -> int:
            return ours.search(SearchQuery(text=text, filters=filters, limit=20, offset=offset,
                                           facets=facets)).total

        result = _grammar(search, repeat, worst)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"engine": engine, "size": size, "new_words": NEW_WORDS,
                "build_s": None if reuse else build, "peak_rss_mb": peak_mb,
                "disk_mb": _dir_size(path) / 2**20, **result}
    lat = _latencies(query, repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"engine": engine, "size": size, "build_s": None if reuse else build,
            "peak_rss_mb": peak_mb,
            "disk_mb": _dir_size(path) / 2**20, **lat}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--engines", nargs="+", default=None,
                        help="default: plain-tantivy ours-tantivy ours-fts5 (with --grammar, "
                             "ours-tantivy ours-fts5)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where indexes are built (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep indexes in --workdir and reuse them: time queries only")
    parser.add_argument("--grammar", action="store_true",
                        help="time the query language's forms (GRAMMAR) in our engines")
    parser.add_argument("--worst", action="store_true",
                        help="with --grammar: also the costliest queries the parser takes")
    parser.add_argument("--new-words", type=int, default=0, metavar="K",
                        help="each posting gains K words of its own (a larger term dictionary)")
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "search.json")
    args = parser.parse_args()
    if args.engines is None:
        args.engines = ["ours-tantivy", "ours-fts5"] if args.grammar else [
            "plain-tantivy", "ours-tantivy", "ours-fts5"]
    if args.grammar and "plain-tantivy" in args.engines:
        parser.error("--grammar times our engines only (plain tantivy has no prefix, field or "
                     "OR of ours); give --engines ours-tantivy ours-fts5")
    global REUSE, NEW_WORDS
    REUSE = args.reuse
    NEW_WORDS = args.new_words
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="mljobs-bench-"))
    if args.child:
        result = run_one(args.child[0], int(args.child[1]), args.repeat, workdir,
                         args.grammar, args.worst)
        print(json.dumps(result))
        return
    results = []
    for size in args.sizes:
        for engine in args.engines:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", engine, str(size), "--repeat",
                 str(args.repeat), "--workdir", str(workdir), "--new-words", str(NEW_WORDS)]
                + (["--reuse"] if REUSE else [])
                + (["--grammar"] if args.grammar else []) + (["--worst"] if args.worst else []),
                capture_output=True, text=True, check=False,
            )
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                raise SystemExit(f"{engine} at {size} failed")
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(row)
            print(json.dumps(row), flush=True)
            if not REUSE:
                shutil.rmtree(_index_dir(workdir, engine, size), ignore_errors=True)
    machine = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine, "results": results}, indent=2))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
