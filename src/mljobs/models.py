"""The data that flows through mljobs.

``Document`` (bytes as fetched or read) -> ``RawPosting`` (fields as a source
found them) -> ``Posting`` (canonical, validated, what the store keeps).
``Enrichment`` is what the understanding pipeline adds to a posting.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Remote(StrEnum):
    """Where the work happens."""

    REMOTE = "remote"
    HYBRID = "hybrid"
    ONSITE = "onsite"
    UNKNOWN = "unknown"


# The sources whose posts the understanding step splits into one posting per role (Hacker
# News), and the id of such a role posting: its post's id and the role's number, ``<post
# id>/r<n>`` (``enrich.pipeline`` makes them).
SPLIT_SOURCES = ("hackernews", "hn")
_ROLE_ID = re.compile(r"(?P<post>.+)/r(?P<number>\d+)")


def is_split_source(source: str | None) -> bool:
    """Whether postings of ``source`` are posts the understanding step may split per role."""
    return bool(source) and str(source).startswith(SPLIT_SOURCES)


def role_post(posting_id: str) -> str | None:
    """The id of the post a role posting (``<post id>/r<n>``) was split from; None for an id
    of another form."""
    found = _ROLE_ID.fullmatch(posting_id)
    return found["post"] if found else None


def role_number(posting_id: str) -> int | None:
    """The number ``n`` of a role posting's id (``<post id>/r<n>``); None for an id of
    another form."""
    found = _ROLE_ID.fullmatch(posting_id)
    return int(found["number"]) if found else None


def role_id(post_id: str, number: int) -> str:
    """The id of the role numbered ``number`` of the post ``post_id``: ``<post id>/r<n>``
    (the post's source id gives its role's source id the same way)."""
    return f"{post_id}/r{number}"


class Status(StrEnum):
    """Whether a posting is still listed by its source."""

    OPEN = "open"
    CLOSED = "closed"


# Cents written after a figure: "140,000.00", "25.50", "60.000,00" (two digits after a point
# or comma, and no more digits or multiplier after them: "1.25M", "35.50 lakhs" hold none).
_CENTS = re.compile(r"\d[.,]\d{2}(?![\d.,]|\s?(?:[kKmMbB]n?|lakhs?|lacs?|L|LPA)\b)")


class SalaryInterval(StrEnum):
    """The period a salary figure is paid for."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"


class Salary(BaseModel):
    """A pay range. ``stated`` is False for third-party estimates (e.g. Glassdoor)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min: float | None = None
    max: float | None = None
    currency: str | None = None
    interval: SalaryInterval | None = None
    stated: bool = True
    text: str | None = None

    def has_cents(self) -> bool:
        """True when a figure has a fraction (``25.50`` an hour) or the text writes cents
        (``$140,000.00``): then ``span`` shows two decimals, as the posting does."""
        if any(v is not None and v % 1 for v in (self.min, self.max)):
            return True
        return _CENTS.search(self.text or "") is not None

    def span(self, dash: str = "-") -> str:
        """The figures as a reader says them: ``120,000-150,000``; ``up to 200,000`` when only
        a top is stated; ``160,000+`` when the posting says "or more" (``text`` ends in "+");
        ``140,000.00`` and ``25.50`` when the text writes cents (``has_cents``); the matched
        text when no figure was read. ``dash`` joins a range."""
        fmt = ",.2f" if self.has_cents() else ",.0f"
        values = [f"{v:{fmt}}" for v in (self.min, self.max) if v is not None]
        if not values:
            return self.text or ""
        span = dash.join(dict.fromkeys(values))
        if self.min is None:
            return f"up to {span}"
        return span + "+" if (self.text or "").endswith("+") else span


def prefer_stated(*salaries: Salary | None) -> Salary | None:
    """The first stated salary of ``salaries`` (pay the employer states), else the first
    estimate (``stated=False``, e.g. Glassdoor's); None when there is none."""
    known = [s for s in salaries if s is not None]
    return next((s for s in known if s.stated), known[0] if known else None)


class Document(BaseModel):
    """A raw document as fetched or read: the unit the store keeps verbatim.

    Args:
        source: the source name that produced it.
        ref: where it came from (URL, ``file:line``).
        content: the bytes as received.
        media_type: e.g. ``application/json``.
        fetched_at: when it was fetched or read.
        final_url: where a fetch ended after redirects, when not at ``ref`` (None: it
            did not redirect, or it was no fetch). Sync's parse sees it; the store keeps
            the bytes under ``ref`` and not this.
    """

    model_config = ConfigDict(frozen=True)

    source: str
    ref: str
    content: bytes
    media_type: str = "application/octet-stream"
    fetched_at: datetime
    final_url: str | None = None

    @property
    def sha256(self) -> str:
        """Content address of the document."""
        return hashlib.sha256(self.content).hexdigest()


class RawPosting(BaseModel):
    """A posting as a source found it, before normalisation.

    Only ``source``, ``source_id`` and ``title`` are required; everything else
    is optional and loosely typed, to be cleaned by ``mljobs.normalize``.
    """

    model_config = ConfigDict(extra="forbid")

    source: str
    source_id: str
    title: str
    company: str | None = None
    url: str | None = None
    locations: list[str] = Field(default_factory=list)
    remote: str | None = None
    employment_type: str | None = None
    posted_at: datetime | None = None
    updated_at: datetime | None = None
    description_html: str | None = None
    description_text: str | None = None
    salary: Salary | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    raw_ref: str | None = None


class SkillMention(BaseModel):
    """A skill found in a text: canonical ``name``, ``surface`` as written, offsets."""

    model_config = ConfigDict(extra="allow")

    name: str
    surface: str
    required: bool = True
    category: str | None = None
    start: int | None = None
    end: int | None = None


class Evidence(BaseModel):
    """A phrase of the posting that moved the archetype classifier."""

    model_config = ConfigDict(extra="allow")

    phrase: str
    archetype: str
    weight: float
    start: int | None = None
    end: int | None = None


_VERSION_FORM = re.compile(r"(\d+)\+skills\.(\d+(?:\.\d+)*)")


def version_order(value: str) -> tuple[int, ...] | None:
    """An ``Enrichment.version`` (``mljobs.enrich.version.version()``) as numbers that sort
    as the versions were made (``1+skills.2026.11.9`` is ``(1, 2026, 11, 9)``: after
    ``1+skills.2026.11.10`` as text, before it here), or None for a value of another form."""
    found = _VERSION_FORM.fullmatch(value)
    if found is None:
        return None
    return (int(found.group(1)), *(int(part) for part in found.group(2).split(".")))


def is_older_version(stored: str | None, than: str) -> bool:
    """Whether an enrichment made by version ``stored`` (None: the posting has none) is
    older than one made by ``than``, so gives way to it; a version of another form than
    ``version_order`` reads counts as older, unless it is the same."""
    if stored is None:
        return True
    if stored == than:
        return False
    mine, theirs = version_order(stored), version_order(than)
    return mine is None or theirs is None or mine < theirs


class Enrichment(BaseModel):
    """What the understanding pipeline knows about a posting (see eval/LABELS.md)."""

    model_config = ConfigDict(extra="allow")

    version: str
    archetype: str = "not-ml"
    archetype_proba: dict[str, float] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    specialisation: list[str] = Field(default_factory=list)
    degree: str = "none-stated"
    phd: str = "not-mentioned"
    years_min: int | None = None
    seniority: str = "unknown"
    remote: str = "unknown"
    visa: str = "unknown"
    ml_share: str = "none"
    company_stage: str = "unknown"
    skills: list[SkillMention] = Field(default_factory=list)
    # the years the posting asks of one of its skills ("3+ years of experience with PyTorch":
    # {"PyTorch": 3}), the least it accepts (``facets.skill_years``)
    skill_years: dict[str, int] = Field(default_factory=dict)
    salary: Salary | None = None
    equity: bool = False


class Posting(BaseModel):
    """A canonical job posting as the store keeps it.

    ``id`` is ``"<source>:<source_id>"``: stable and scoped by source.
    ``content_hash`` covers the fields a person reads (not the bookkeeping), so
    it changes exactly when the posting's content changes.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    source: str
    source_id: str
    url: str | None = None
    title: str
    company: str | None = None
    locations: tuple[str, ...] = ()
    remote: Remote = Remote.UNKNOWN
    employment_type: str | None = None
    posted_at: datetime | None = None
    updated_at: datetime | None = None
    description_text: str = ""
    description_html: str = ""
    salary: Salary | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    status: Status = Status.OPEN
    closed_at: datetime | None = None
    content_hash: str = ""
    raw_ref: str | None = None
    canonical_id: str | None = None
    enrichment: Enrichment | None = None

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("title is empty")
        return value

    def best_salary(self) -> Salary | None:
        """The pay to show, filter and chart: stated pay (the posting's salary field, else
        what the enrichment read in its text) before an estimate (kept, ``stated=False``)."""
        return prefer_stated(self.salary, self.enrichment.salary if self.enrichment else None)

    def compute_hash(self) -> str:
        """Hash of the content fields (title, company, text, salary...)."""
        return content_hash(self)


HASHED_FIELDS = (
    "title",
    "company",
    "url",
    "locations",
    "remote",
    "employment_type",
    "posted_at",
    "description_text",
    "salary",
)


def content_hash(posting: Posting) -> str:
    """sha256 over the content fields of a posting, stable across runs."""
    data = posting.model_dump(mode="json", include=set(HASHED_FIELDS))
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def make_id(source: str, source_id: str) -> str:
    """The stable posting id for a source's own id."""
    return f"{source}:{source_id}"
