"""``mljobs serve`` says how many postings the pages show (reposts and duplicates linked), not
the store's raw count: it said "serving 1,909 postings" where every page counts 1,520."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from .test_serve import READY, serving


def test_serve_counts_as_the_pages_do(web_db: Path, tmp_path: Path) -> None:
    with serving(web_db, 0, tmp_path) as proc:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", proc.stdout.readline())
        assert url is not None
        search = httpx.get(url.group(0) + "api/search?limit=1", timeout=READY).json()
        stats = httpx.get(url.group(0) + "api/stats", timeout=READY).json()
    assert stats["postings"] > search["total"] == stats["canonical"]  # the store links some
    assert (f"serving {search['total']:,} postings ({stats['postings']:,} before linking"
            in first), first
