"""Build the bundled demo data from the Hacker News "Who is hiring?" snapshot.

    python tools/build_demo.py [../shared/data/hn-whoishiring-gantryops]

Reads ``raw_<date>.json`` (Jan-May 2026), keeps each HN item once, removes
e-mail addresses and phone numbers (``mljobs.redact``) and writes
``src/mljobs/data/demo-hn-2026.jsonl.gz``: one HN item per line in the HN
API shape (id, time, text, thread_id, source), each linking back to
``news.ycombinator.com/item?id=<id>`` when imported. Deterministic output.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from mljobs.redact import has_contact, redact

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "mljobs" / "data" / "demo-hn-2026.jsonl.gz"


def main(src: Path) -> None:
    items: dict[int, dict] = {}
    for path in sorted(src.glob("raw_*.json")):
        snapshot = json.loads(path.read_text())
        thread = snapshot["sources"]["who_is_hiring_thread_id"]
        for job in snapshot["jobs"]:
            if job["id"] in items or not (job.get("text") or "").strip():
                continue
            kind = "who_is_hiring" if job["source"] == "who_is_hiring" else "jobstories"
            items[job["id"]] = {
                "id": job["id"],
                "source": kind,
                "time": job["time"],
                "thread_id": thread if kind == "who_is_hiring" else None,
                "text": redact(job["text"]),
            }
    leftover = [i for i, item in items.items() if has_contact(item["text"])]
    if leftover:
        raise SystemExit(f"contact details left in items {leftover[:5]}")
    lines = [json.dumps(items[k], ensure_ascii=False, sort_keys=True) for k in sorted(items)]
    data = ("\n".join(lines) + "\n").encode()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(data)
    print(f"wrote {len(items)} items, {len(data):,} bytes ({OUT.stat().st_size:,} gzipped) to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/hn-whoishiring-gantryops")
