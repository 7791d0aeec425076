"""Greenhouse job boards: ``GET /v1/boards/{board}/jobs?content=true``.

One request returns a whole board (``{"jobs": [...], "meta": {"total": N}}``);
``content`` is entity-escaped HTML, unescaped here before sanitising.
Posting ids are ``greenhouse:<board>:<job post id>``.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting
from mljobs.sources.base import BaseSource, Window, parse_iso, ref_part


@dataclass
class Greenhouse(BaseSource):
    """Public Greenhouse job boards.

    Args:
        boards: board tokens (``boards.greenhouse.io/<token>``).
        base_url: the API root; tests point it at 127.0.0.1.
    """

    name: ClassVar[str] = "greenhouse"
    not_found: ClassVar[str] = (
        "is the board's name right? It is the last part of the board's address, "
        "boards.greenhouse.io/NAME")
    closes: ClassVar[bool] = True
    boards: list[str] = field(default_factory=list)
    base_url: str = "https://boards-api.greenhouse.io"

    def units(self, window: Window) -> list[str]:
        """One unit per board."""
        return list(dict.fromkeys(self.boards))

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The board's job list with content."""
        url = f"{self.base_url.rstrip('/')}/v1/boards/{unit}/jobs"
        yield self.document(self.get(http, url, content="true"))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per job of the list."""
        data = self.load_json(doc)
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise self.fail(doc, "expected an object with a 'jobs' list")
        board = ref_part(doc.ref, "boards") or "unknown"
        jobs = self.readable(doc, data["jobs"], "title", any_id=True)
        total = (data.get("meta") or {}).get("total") if isinstance(data.get("meta"), dict) \
            else None
        if not data["jobs"] and isinstance(total, int) and total > 0:  # would close them all
            raise self.fail(doc, f"the list is empty but says it has {total} jobs; nothing "
                            "was closed; try again later")
        for job in jobs:
            yield self._job(job, board)

    def _job(self, job: dict[str, Any], board: str) -> RawPosting:
        content = job.get("content") or ""
        offices = [o.get("location") or o.get("name") for o in job.get("offices") or []
                   if isinstance(o, dict) and not o.get("child_ids")]
        location = (job.get("location") or {}).get("name")
        locations = [location] if location else [x for x in offices if x]
        departments = [d.get("name") for d in job.get("departments") or [] if isinstance(d, dict)]
        return RawPosting(
            source=self.name,
            source_id=f"{board}:{job['id']}",
            title=str(job["title"]),
            company=job.get("company_name") or board,
            url=job.get("absolute_url"),
            locations=locations,
            remote="remote" if location and "remote" in location.lower() else None,
            updated_at=parse_iso(job.get("updated_at")),
            posted_at=parse_iso(job.get("first_published")),
            description_html=html.unescape(content) if content else None,
            extra={"board": board, "departments": [d for d in departments if d],
                   "requisition_id": job.get("requisition_id")},
        )
