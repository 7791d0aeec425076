"""Optional: LinkedIn, Indeed, Glassdoor and Google Jobs through ``python-jobspy``.

Off by default and installed with ``pip install 'mljobs[jobspy]'``. JobSpy
scrapes sites whose terms of service forbid automated access; using it is
your decision and your responsibility (see docs/sources.md). JobSpy does its
own HTTP, so the polite client's limits do not apply to it.

``fetch`` runs one search per site and keeps the result table as a JSON
document; ``parse`` maps its rows (the same columns ``mljobs import`` reads).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import ClassVar

from mljobs.errors import ConfigError, FetchError, RowError, clip
from mljobs.http import HttpClient
from mljobs.models import Document, RawPosting
from mljobs.sources.base import BaseSource, Window, warn
from mljobs.sources.files import PAY_ADVICE, row_to_raw

log = logging.getLogger(__name__)


def available() -> bool:
    """True when python-jobspy is installed."""
    try:
        import jobspy  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class JobSpy(BaseSource):
    """Searches of job aggregators through python-jobspy.

    Args:
        sites: ``linkedin``, ``indeed``, ``glassdoor``, ``google``...
        search_term: what to search for.
        location: where.
        results_wanted: results per site.
        hours_old: only postings newer than this.
    """

    name: ClassVar[str] = "jobspy"
    general: ClassVar[bool] = True
    query_fields: ClassVar[tuple[str, ...]] = ("search_term", "location")
    sites: list[str] = field(default_factory=lambda: ["indeed"])
    search_term: str = "machine learning engineer"
    location: str | None = None
    results_wanted: int = 50
    hours_old: int | None = None

    def units(self, window: Window) -> list[str]:
        """One search per site."""
        return list(dict.fromkeys(self.sites))

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """Run JobSpy for one site; keep the rows as JSON."""
        if not available():
            raise ConfigError("the jobspy source needs python-jobspy: "
                              "pip install 'mljobs[jobspy]' (read its terms caveat first)")
        from jobspy import scrape_jobs

        try:
            frame = scrape_jobs(site_name=[unit], search_term=self.search_term,
                                location=self.location, results_wanted=self.results_wanted,
                                hours_old=self.hours_old)
        except Exception as exc:
            raise FetchError(self.name, f"jobspy:{unit}", f"JobSpy failed: {exc}",
                             transient=True) from exc
        rows = json.loads(frame.to_json(orient="records", date_format="iso"))
        yield Document(source=self.name, ref=f"jobspy:{unit}:{self.search_term}",
                       content=json.dumps(rows).encode(), media_type="application/json",
                       fetched_at=datetime.now(UTC))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """One posting per JobSpy row with a title.

        A row that cannot be read is left out, and a pay figure no one is paid (over
        ``files.ABSURD_YEARLY_PAY`` a year: 1e300, infinity) leaves its posting without pay;
        each is said by a warning that names the row (in a sync, its report's ``warnings``)."""
        rows = self.load_json(doc)
        if not isinstance(rows, list):
            raise self.fail(doc, "expected a JSON array of JobSpy rows")
        for line, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                warn(log, f"jobspy: row {line} of {doc.ref} is not an object "
                          f"({type(row).__name__}); it was left out")
                continue
            notes: list[RowError] = []
            try:
                raw = row_to_raw(row, path=doc.ref, line=line, default_source=self.name,
                                 notes=notes)
            except RowError as err:
                warn(log, f"jobspy: row {line} of {doc.ref}{_named(row)}{_field(err)}: "
                          f"{err.reason}; it was left out")
                continue
            for note in notes:
                warn(log, f"jobspy: row {line} of {doc.ref}{_named(row)}{_field(note)}: "
                          f"{note.reason.removesuffix(PAY_ADVICE)}")
            site = raw.source
            yield raw.model_copy(update={"source": self.name,
                                         "source_id": f"{site}:{raw.source_id}",
                                         "extra": {**raw.extra, "site": site}})




def _named(row: dict[str, object]) -> str:
    """A row's title and company as a warning names its posting (" ('ML Engineer' at
    'Acme')"), or nothing when it has no title."""
    title, company = row.get("title"), row.get("company")
    if not isinstance(title, str) or not title.strip():
        return ""
    at = f" at {clip(company.strip())!r}" if isinstance(company, str) and company.strip() else ""
    return f" ({clip(title.strip())!r}{at})"


def _field(err: RowError) -> str:
    return f" field '{err.field}'" if err.field else ""
