"""Resume-matching benchmark: one resume against N postings of a store, and profile building.

    .venv/bin/python bench/match.py [--size 100000] [--repeat 5] [--keep DIR]

What is measured, in one process and one run:

1. Store: the real corpus (../shared/data/corpus/postings.jsonl) is enriched once
   with ``mljobs.enrich.enrich_postings`` and repeated with varied ids until
   ``--size`` postings, written to a fresh SQLite store (setup, timed but not a target).
2. ``index_for_store``: reading the open postings and building the
   ``MatchIndex`` arrays (once per store revision), and loading the same
   arrays back from the ``.match.npz`` cache a later process would use, and
   bringing the index up to date after 1,000 postings changed.
3. ``rank``: one resume (match-dev p05) against every posting, top 20, warm
   index; median and max of ``--repeat`` runs. Target: under 1 s.
   Baseline in the same run: the Resume-Matcher formula (``resume_matcher_rank``,
   plain Python per posting) over the same postings.
4. Profile building for a 3-page PDF (the p05 resume laid out over 3 pages):
   ``load_resume`` + ``build_profile``, median of 20. Target: under 200 ms.
   Baseline in the same run: the same resume as a TXT file.

Results are printed as JSON (machine, sizes, seconds, ratios).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "postings.jsonl"
RESUME = SHARED / "eval" / "match-dev" / "resumes" / "p05.txt"
NOW = datetime(2026, 11, 25, tzinfo=UTC)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def build_store(path: Path, size: int) -> dict[str, float]:
    """Fill a store with ``size`` enriched postings made from the corpus."""
    from mljobs.enrich import enrich_postings
    from mljobs.match_eval import load_pool
    from mljobs.store import SQLiteStore

    start = time.perf_counter()
    base = [p for _, p in load_pool(CORPUS)]
    enrich_s = time.perf_counter() - start
    _ = enrich_postings  # load_pool enriches; named here for the reader
    store = SQLiteStore(path)
    start = time.perf_counter()
    batch = []
    n = 0
    while n < size:
        for posting in base:
            if n >= size:
                break
            copy_id = f"bench{n // len(base)}"
            batch.append(posting.model_copy(update={
                "id": f"{copy_id}:{posting.source_id}", "source": copy_id}))
            n += 1
            if len(batch) == 5000:
                _write(store, batch)
                batch = []
    if batch:
        _write(store, batch)
    write_s = time.perf_counter() - start
    store.close()
    return {"corpus_enrich_s": round(enrich_s, 2), "store_write_s": round(write_s, 2),
            "corpus_postings": len(base)}


def _write(store: object, batch: list[object]) -> None:
    from mljobs.models import Posting
    from mljobs.store import SQLiteStore

    assert isinstance(store, SQLiteStore)
    postings = [p for p in batch if isinstance(p, Posting)]
    store.upsert(postings, now=NOW, touch=False)
    store.set_enrichments((p.id, p.enrichment) for p in postings if p.enrichment is not None)


def three_page_pdf(text: str, path: Path) -> Path:
    """Lay ``text`` out over three PDF pages (Helvetica, one text line per line)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    lines = text.splitlines()
    per = -(-len(lines) // 3)
    writer = PdfWriter()
    for chunk in (lines[i:i + per] for i in range(0, len(lines), per)):
        page = writer.add_blank_page(width=612, height=792)
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica")})
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
        body = ["BT", "/F1 9 Tf", "11 TL", "40 760 Td"]
        for line in chunk:
            safe = line.encode("latin-1", "replace").decode("latin-1")
            safe = safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            body.append(f"({safe}) Tj T*")
        body.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(body).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def bench_profile(tmp: Path) -> dict[str, object]:
    """Profile building from a 3-page PDF vs the same resume as TXT."""
    from mljobs.profile import build_profile
    from mljobs.resume import load_resume

    pdf = three_page_pdf(RESUME.read_text("utf-8"), tmp / "p05.pdf")
    txt = tmp / "p05.txt"
    txt.write_text(RESUME.read_text("utf-8"), "utf-8")
    build_profile(load_resume(txt).text, now=NOW)  # warm-up: taxonomy and model load once
    pages = load_resume(pdf).pages
    pdf_s = timed(lambda: build_profile(load_resume(pdf).text, now=NOW), 20)
    txt_s = timed(lambda: build_profile(load_resume(txt).text, now=NOW), 20)
    return {"pdf_pages": pages, "pdf_profile_ms_median": round(1e3 * statistics.median(pdf_s), 1),
            "txt_profile_ms_median": round(1e3 * statistics.median(txt_s), 1),
            "pdf_over_txt": round(statistics.median(pdf_s) / statistics.median(txt_s), 2)}


def bench_rank(db: Path, repeat: int) -> dict[str, object]:
    """Index build, warm ranking and the Resume-Matcher baseline over the store."""
    from mljobs.match import MatchIndex, index_for_store, rank
    from mljobs.match_eval import resume_matcher_rank
    from mljobs.profile import build_profile
    from mljobs.store import SQLiteStore

    profile = build_profile(RESUME.read_text("utf-8"), now=NOW)
    store = SQLiteStore(db)
    start = time.perf_counter()
    index = index_for_store(store, use_disk=False)
    build_s = time.perf_counter() - start
    rank_s = timed(lambda: rank(profile, index, limit=20), repeat)
    disk = Path(str(db) + ".match.npz")
    index.save(disk, "bench")
    load_s = timed(lambda: MatchIndex.load(disk, "bench"), 3)
    changed = [(p.id, p.enrichment) for _, p in store.iter_postings(status="open", batch=1000)
               if p.enrichment is not None][:1000]
    store.set_enrichments(changed)  # 1,000 postings re-enriched: the store moves on 1,000 revs
    start = time.perf_counter()
    updated = index_for_store(store, use_disk=False)
    update_s = time.perf_counter() - start
    assert len(updated) == len(index)
    pool = [(p.id, p) for _, p in store.iter_postings(status="open")]
    base_s = timed(lambda: resume_matcher_rank(profile, pool), 1)
    store.close()
    return {"postings": len(index), "index_build_s": round(build_s, 2),
            "index_cache_load_s": round(statistics.median(load_s), 2),
            "index_update_1000_changed_s": round(update_s, 2),
            "index_cache_mb": round(disk.stat().st_size / 1e6, 1),
            "rank_s_median": round(statistics.median(rank_s), 3),
            "rank_s_max": round(max(rank_s), 3),
            "resume_matcher_baseline_s": round(base_s[0], 2),
            "baseline_over_rank": round(base_s[0] / statistics.median(rank_s), 1)}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="Keep the store in this folder.")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        folder = args.keep or tmp
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / f"bench-match-{args.size}.sqlite3"
        setup = build_store(db, args.size) if not db.exists() else {"reused_store": str(db)}
        result = {
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                        "platform": platform.platform()},
            "setup": setup,
            "profile": bench_profile(tmp),
            "rank": bench_rank(db, args.repeat),
        }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
