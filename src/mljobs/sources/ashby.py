"""Ashby job boards: ``GET /posting-api/job-board/{board}?includeCompensation=true``.

The whole board comes back in one response (``{"jobs": [...]}``), with
compensation tiers. Unlisted jobs are skipped. Posting ids are
``ashby:<board>:<uuid>``. A job names no company (its fields are the job's: title, team,
location, compensation...): a board's postings are of the company ``companies`` names for it
(``openai`` is "OpenAI"), else of the board's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting, Salary, SalaryInterval
from mljobs.sources.base import (
    BoardSource,
    items,
    parse_iso,
    pay_figure,
    pay_span,
    ref_part,
    text,
)

_INTERVALS = {"1 YEAR": "year", "1 MONTH": "month", "1 WEEK": "week", "1 DAY": "day",
              "1 HOUR": "hour"}
_WORKPLACE = {"OnSite": "onsite", "Remote": "remote", "Hybrid": "hybrid"}


@dataclass
class Ashby(BoardSource):
    """Public Ashby job boards.

    Args:
        boards: board names (``jobs.ashbyhq.com/<board>``).
        companies: the company's name of a board (``{openai = "OpenAI"}``), which the API
            does not give; a board not named here gives its own name.
        base_url: the API root; tests point it at 127.0.0.1.
    """

    name: ClassVar[str] = "ashby"
    not_found: ClassVar[str] = (
        "is the board's name right? It is the last part of jobs.ashbyhq.com/NAME, in the "
        "same case")
    named: ClassVar[tuple[str, str]] = ("openai", "OpenAI")
    companies: dict[str, str] = field(default_factory=dict)
    base_url: str = "https://api.ashbyhq.com"

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """The board with compensation."""
        url = f"{self.base_url.rstrip('/')}/posting-api/job-board/{unit}"
        yield self.document(self.get(http, url, includeCompensation="true"))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per listed job."""
        data = self.load_listing(doc, "jobs")
        board = ref_part(doc.ref, "job-board") or "unknown"
        jobs = self.readable(doc, data["jobs"], "title")
        listed = [job for job in jobs if job.get("isListed", True)]
        yield from self.postings(doc, listed, lambda job: self._job(job, board))

    def _job(self, job: dict[str, Any], board: str) -> RawPosting:
        locations = [job.get("location")] + [
            s.get("location") for s in items(job.get("secondaryLocations")) if isinstance(s, dict)
        ]
        workplace = _WORKPLACE.get(str(job.get("workplaceType")))
        if workplace is None and job.get("isRemote"):
            workplace = "remote"
        given = job.get("compensation")
        comp: dict[str, Any] = given if isinstance(given, dict) else {}
        return RawPosting(
            source=self.name,
            source_id=f"{board}:{job['id']}",
            title=str(job["title"]),
            company=self.company_of(board),
            url=text(job.get("jobUrl")),
            locations=[str(x) for x in locations if x],
            remote=workplace,
            employment_type=text(job.get("employmentType")),
            posted_at=parse_iso(job.get("publishedAt")),
            description_html=text(job.get("descriptionHtml")) or None,
            description_text=text(job.get("descriptionPlain")) or None,
            salary=_salary(comp),
            extra={"board": board, "department": job.get("department"), "team": job.get("team"),
                   "apply_url": job.get("applyUrl"),
                   "equity": any(c.get("compensationType") == "EquityPercentage"
                                 for c in _summary(comp) + _tiers(comp))},
        )


def _salary(comp: dict[str, Any]) -> Salary | None:
    """The salary of the summary (the span of every tier), else of the tiers: the span of
    their salary components of the first one's currency and period; None when they hold no
    figure (``minValue`` and ``maxValue`` null or 0), so the pay the text states is read (a
    component of no figures was the stated pay, shown "? USD per year")."""
    salaries = [p for p in _summary(comp) if p.get("compensationType") == "Salary"] or [
        p for p in _tiers(comp) if p.get("compensationType") == "Salary"]
    span = pay_span([(p.get("currencyCode"), p.get("interval"),
                      pay_figure(p.get("minValue")) or None, pay_figure(p.get("maxValue")) or None)
                     for p in salaries])
    if span is None or span.top is None:
        return None
    interval = _INTERVALS.get(str(span.period))
    return Salary(min=span.low, max=span.high, currency=span.currency,
                  interval=SalaryInterval(interval) if interval else None,
                  text=text(comp.get("scrapeableCompensationSalarySummary")))


def _summary(comp: dict[str, Any]) -> list[dict[str, Any]]:
    """The summary's components (one a kind, spanning the tiers)."""
    return [p for p in items(comp.get("summaryComponents")) if isinstance(p, dict)]


def _tiers(comp: dict[str, Any]) -> list[dict[str, Any]]:
    """Every tier's components (a tier a level or place)."""
    return [p for tier in items(comp.get("compensationTiers")) if isinstance(tier, dict)
            for p in items(tier.get("components")) if isinstance(p, dict)]
