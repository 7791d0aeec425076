"""Lever postings: ``GET /v0/postings/{site}?mode=json&skip=N&limit=L``.

The response is a bare JSON array; pages are fetched until one comes back
shorter than ``limit``. ``createdAt`` is epoch milliseconds. Posting ids are
``lever:<site>:<posting id>``. The API names no company (a site's name is "usually your
company name with no spaces", Lever's README says: "leverdemo"): a site's postings are of the
company ``companies`` names for it ("Lever Demo"), else of the site's name as Lever writes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from mljobs.errors import FetchError
from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting, Salary, SalaryInterval
from mljobs.sources.base import BoardSource, from_epoch, items, pay_figure, ref_part, text

_INTERVALS = {"per-year-salary": "year", "per-month-salary": "month", "per-week-salary": "week",
              "per-day-wage": "day", "per-hour-wage": "hour"}


@dataclass
class Lever(BoardSource):
    """Public Lever job sites.

    Args:
        boards: Lever site names (``jobs.lever.co/<site>``).
        companies: the company's name of a site (``{leverdemo = "Lever Demo"}``), which the
            API does not give; a site not named here gives its own name.
        base_url: the API root (``https://api.eu.lever.co`` for EU sites).
        page_size: postings per page (``limit``).
        max_pages: stop after this many pages of one site.
    """

    name: ClassVar[str] = "lever"
    not_found: ClassVar[str] = (
        "is the site's name right? It is the last part of jobs.lever.co/NAME; a site hosted "
        "in the EU needs base_url = \"https://api.eu.lever.co\"")
    board_word: ClassVar[str] = "site"
    named: ClassVar[tuple[str, str]] = ("leverdemo", "Lever Demo")
    companies: dict[str, str] = field(default_factory=dict)
    base_url: str = "https://api.lever.co"
    page_size: int = 100
    max_pages: int = 50

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """Every page of the site's postings."""
        url = f"{self.base_url.rstrip('/')}/v0/postings/{unit}"
        for page in range(self.max_pages):
            response = self.get(http, url, mode="json", skip=page * self.page_size,
                                limit=self.page_size)
            doc = self.document(response)
            yield doc
            items = self.load_json(doc)
            if not isinstance(items, list) or len(items) < self.page_size:
                return
        # more pages follow: the postings on them are not seen, and would be closed
        raise FetchError(self.name, url, f"stopped after max_pages = {self.max_pages} pages of "
                         f"{self.page_size} while more follow; raise max_pages (the postings "
                         "fetched are stored; none of the site was closed)")

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per array element."""
        data = self.load_json(doc)
        if not isinstance(data, list):
            raise self.fail(doc, "expected a JSON array of postings")
        site = ref_part(doc.ref, "postings") or "unknown"
        jobs = self.readable(doc, data, "text")
        yield from self.postings(doc, jobs, lambda item: self._posting(item, site), title="text")

    def _posting(self, item: dict[str, Any], site: str) -> RawPosting:
        given = item.get("categories")
        cats: dict[str, Any] = given if isinstance(given, dict) else {}
        locations = items(cats.get("allLocations")) or ([cats["location"]] if cats.get("location") else [])
        parts = [text(item.get("opening")) or "",
                 text(item.get("descriptionBody")) or text(item.get("description")) or ""]
        for block in items(item.get("lists")):
            if isinstance(block, dict):
                parts.append(f"<h3>{block.get('text', '')}</h3><ul>{block.get('content', '')}</ul>")
        # the pay paragraph of Lever's own page: the text holds it (with a range or not)
        parts.append(text(item.get("salaryDescription")) or "")
        parts.append(text(item.get("additional")) or "")
        workplace = text(item.get("workplaceType"))
        return RawPosting(
            source=self.name,
            source_id=f"{site}:{item['id']}",
            title=str(item["text"]),
            company=self.company_of(site),
            url=text(item.get("hostedUrl")),
            locations=[str(x) for x in locations if x],
            remote=None if workplace in (None, "unspecified") else workplace,
            employment_type=text(cats.get("commitment")),
            posted_at=from_epoch(item.get("createdAt"), millis=True),
            description_html="".join(p for p in parts if p) or None,
            salary=_salary(item.get("salaryRange"), item.get("salaryDescriptionPlain")),
            extra={"board": site, "team": cats.get("team"), "department": cats.get("department"),
                   "country": item.get("country"), "apply_url": item.get("applyUrl")},
        )


def _salary(rng: Any, said: Any) -> Salary | None:
    """The ``salaryRange``; None when it holds no figure (``min`` and ``max`` null or 0): a
    range of no figures was the posting's stated pay, shown "? USD per year" or not at all,
    and the pay its text states (``salaryDescription``) was never read in its place."""
    if not isinstance(rng, dict):
        return None
    low, high = (pay_figure(rng.get(key)) or None for key in ("min", "max"))
    if low is None and high is None:
        return None
    interval = _INTERVALS.get(str(rng.get("interval")))
    return Salary(min=low, max=high,
                  currency=text(rng.get("currency")),
                  interval=SalaryInterval(interval) if interval else None,
                  text=said if isinstance(said, str) and said.strip() else None)
