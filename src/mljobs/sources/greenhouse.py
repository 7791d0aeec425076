"""Greenhouse job boards: ``GET /v1/boards/{board}/jobs?content=true&pay_transparency=true``.

One request returns a whole board (``{"jobs": [...], "meta": {"total": N}}``);
``content`` is entity-escaped HTML, unescaped here before sanitising.
Posting ids are ``greenhouse:<board>:<job post id>``.

Pay: the API documents ``pay_input_ranges`` (``min_cents``, ``max_cents``,
``currency_type``, ``title``, ``blurb``; one range per place or level) with
``pay_transparency=true``; the list is asked for them and they are read where a job
carries them: the posting's ``salary`` spans the ranges of the first range's currency,
every range is kept in ``extra["pay_ranges"]``. The API gives no pay period: a range
whose title says "hour"/"hourly" (or "day", "week", "month", "year") is paid per that,
else per year; figures under 1,000 with no period said are no yearly pay, so they are
left to the text (``extra`` keeps them).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting, Salary, SalaryInterval
from mljobs.sources.base import (
    BoardSource,
    items,
    parse_iso,
    pay_figure,
    pay_span,
    place_workplace,
    ref_part,
    text,
)


@dataclass
class Greenhouse(BoardSource):
    """Public Greenhouse job boards.

    Args:
        boards: board tokens (``boards.greenhouse.io/<token>``).
        base_url: the API root; tests point it at 127.0.0.1.
    """

    name: ClassVar[str] = "greenhouse"
    not_found: ClassVar[str] = (
        "is the board's name right? It is the last part of the board's address, "
        "boards.greenhouse.io/NAME")
    base_url: str = "https://boards-api.greenhouse.io"

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The board's job list with content (and pay ranges where the board gives them)."""
        url = f"{self.base_url.rstrip('/')}/v1/boards/{unit}/jobs"
        yield self.document(self.get(http, url, content="true", pay_transparency="true"))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per job of the list."""
        data = self.load_listing(doc, "jobs")
        board = ref_part(doc.ref, "boards") or "unknown"
        jobs = self.readable(doc, data["jobs"], "title", any_id=True)
        total = (data.get("meta") or {}).get("total") if isinstance(data.get("meta"), dict) \
            else None
        if not data["jobs"] and isinstance(total, int) and total > 0:  # would close them all
            raise self.fail(doc, f"the list is empty but says it has {total} jobs; nothing "
                            "was closed; try again later")
        yield from self.postings(doc, jobs, lambda job: self._job(job, board))

    def _job(self, job: dict[str, Any], board: str) -> RawPosting:
        content = text(job.get("content")) or ""
        offices = [o.get("location") or o.get("name") for o in items(job.get("offices"))
                   if isinstance(o, dict) and not o.get("child_ids")]
        given = job.get("location")
        location = text(given.get("name")) if isinstance(given, dict) else None
        locations = [location] if location else [x for x in offices if x]
        departments = [d.get("name") for d in items(job.get("departments")) if isinstance(d, dict)]
        ranges = _pay_ranges(job.get("pay_input_ranges"))
        return RawPosting(
            source=self.name,
            source_id=f"{board}:{job['id']}",
            title=str(job["title"]),
            company=text(job.get("company_name")) or board,
            url=text(job.get("absolute_url")),
            locations=locations,
            remote=place_workplace(location),
            updated_at=parse_iso(job.get("updated_at")),
            posted_at=parse_iso(job.get("first_published")),
            description_html=html.unescape(content) if content else None,
            salary=_salary(ranges),
            extra={"board": board, "departments": [d for d in departments if d],
                   "requisition_id": job.get("requisition_id"),
                   # the job's own id: a job posted twice (two places, two boards) has one
                   "internal_job_id": job.get("internal_job_id"),
                   **({"pay_ranges": ranges} if ranges else {})},
        )


_PERIODS = [(re.compile(rf"\b(?:{words})\b", re.IGNORECASE), interval) for words, interval in (
    (r"hour|hourly|per hr", SalaryInterval.HOUR), (r"day|daily", SalaryInterval.DAY),
    (r"week|weekly", SalaryInterval.WEEK), (r"month|monthly", SalaryInterval.MONTH),
    (r"year|yearly|annual|annually|annum", SalaryInterval.YEAR))]


def _pay_ranges(value: Any) -> list[dict[str, Any]]:
    """The readable pay ranges of a job: figures in whole units (the API gives cents)."""
    ranges = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        low, high = _units(item.get("min_cents")), _units(item.get("max_cents"))
        if low is None and high is None:
            continue
        currency = item.get("currency_type")
        title = str(item.get("title") or "")  # (not the blurb: "apply by end of day")
        period = next((interval for words, interval in _PERIODS if words.search(title)), None)
        ranges.append({"title": item.get("title") or None, "min": low, "max": high,
                       "currency": currency if isinstance(currency, str) and currency else None,
                       "interval": period.value if period else None})
    return ranges


def _salary(ranges: list[dict[str, Any]]) -> Salary | None:
    """The span of the ranges in the first range's currency and period."""
    span = pay_span([(r["currency"], r["interval"], r["min"], r["max"]) for r in ranges])
    if span is None or span.top is None:
        return None
    if span.period is None and span.top < 1000:  # an hourly or daily figure, unsaid
        return None
    return Salary(min=span.low, max=span.high, currency=span.currency,
                  interval=SalaryInterval(span.period) if span.period else None)


def _units(cents: Any) -> float | None:
    figure = pay_figure(cents)
    return None if figure is None else figure / 100
