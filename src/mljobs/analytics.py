"""Market aggregations over the store, for the dashboard and its CSV downloads.

``market_rows(store)`` reads every canonical posting once into small
``MarketRow`` records; every other function is pure over those rows and
returns a ``Table`` (column names + rows), the one shape that becomes a chart,
a JSON payload and a CSV file. Duplicates (postings linked to another
canonical posting) are left out so a job posted twice is counted once.
"""

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mljobs.index.base import facet_values, is_canonical
from mljobs.models import Posting
from mljobs.pay import usd_yearly

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

ARCHETYPES: tuple[str, ...] = (
    "ml-product-swe",
    "big-data-ml-engineer",
    "data-scientist-analytics",
    "data-scientist-ml",
    "research-engineer",
    "applied-researcher",
    "research-scientist",
    "not-ml",
)
UNLABELLED = "unlabelled"
TREND_SKILLS: tuple[str, ...] = ("PyTorch", "TensorFlow", "Apache Spark", "scikit-learn")


@dataclass(frozen=True)
class MarketRow:
    """What the dashboard needs of one canonical posting."""

    id: str
    archetype: str
    facets: Mapping[str, Sequence[str]]
    posted: datetime | None
    month: str | None = None
    salary: tuple[float, float] | None = None
    # the pay above is a source's estimate (Glassdoor's), not pay the posting states
    estimate: bool = False
    skills: frozenset[str] = field(default_factory=frozenset)
    # the skills of ``skills`` the posting asks for as required (a mention not marked nice to
    # have); the rest it names as nice to have only
    required: frozenset[str] = field(default_factory=frozenset)


# A spreadsheet reads a cell starting with one of these as a formula (``=HYPERLINK(...)``,
# ``@SUM(...)``, ``-2+3``); a tab or carriage return first hides the character after it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs (OWASP's CSV injection advice):
    a text cell starting with ``= + - @``, a tab or a carriage return gets a leading ``'``.
    Numbers (a negative one too) are left as they are, and so is ``None`` (an empty cell).

    Skill, archetype and company names reach the tables from posting text and stored
    enrichments, so any of them may be hostile.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass
class Table:
    """Named columns and rows: one chart's data, ready for JSON or CSV."""

    name: str
    columns: list[str]
    rows: list[list[Any]]

    def to_csv(self) -> str:
        """The table as CSV text with a header line (RFC 4180: CRLF line ends, so a cell
        holding a lone CR is quoted too, not split into a row of its own); text cells are
        made inert for spreadsheets (``csv_cell``)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([csv_cell(c) for c in self.columns])
        writer.writerows([csv_cell(c) for c in row] for row in self.rows)
        return out.getvalue()

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def to_row(posting: Posting) -> MarketRow:
    """The dashboard record of one posting."""
    enr = posting.enrichment
    yearly = usd_yearly(posting)
    best = posting.best_salary()
    return MarketRow(
        id=posting.id,
        archetype=enr.archetype if enr else UNLABELLED,
        facets=facet_values(posting),
        # posted-within leaves undated postings out, as search does (see ``month``)
        posted=posting.posted_at,
        # the months and trends charts leave undated postings out (their docstrings): the
        # day the store first saw a posting is no posting month (an archive imported today)
        month=posting.posted_at.strftime("%Y-%m") if posting.posted_at else None,
        salary=yearly,
        estimate=yearly is not None and best is not None and not best.stated,
        skills=frozenset(s.name for s in enr.skills) if enr else frozenset(),
        required=frozenset(s.name for s in enr.skills if s.required) if enr else frozenset(),
    )


def market_rows(store: SQLiteStore) -> list[MarketRow]:
    """Every canonical posting of the store as a ``MarketRow`` (read-only)."""
    return [to_row(posting) for _rev, posting in store.iter_postings() if is_canonical(posting)]


def filter_rows(
    rows: Iterable[MarketRow],
    filters: Mapping[str, Sequence[str]],
    *,
    posted_since: datetime | None = None,
) -> list[MarketRow]:
    """Rows matching every facet filter (values ORed within a field, like search)."""
    wanted = {k: set(v) for k, v in filters.items() if v}
    if posted_since is not None and posted_since.tzinfo is None:
        posted_since = posted_since.replace(tzinfo=UTC)
    out = []
    for row in rows:
        if posted_since is not None and (row.posted is None or row.posted < posted_since):
            continue
        if all(wanted_values & set(row.facets.get(name, ())) for name, wanted_values
               in wanted.items()):
            out.append(row)
    return out


def _archetype_order(rows: Sequence[MarketRow]) -> list[str]:
    present = {r.archetype for r in rows}
    return [a for a in (*ARCHETYPES, UNLABELLED) if a in present]


def _by_archetype(rows: Sequence[MarketRow]) -> dict[str, list[MarketRow]]:
    groups: dict[str, list[MarketRow]] = defaultdict(list)
    for row in rows:
        groups[row.archetype].append(row)
    return groups


def archetype_counts(rows: Sequence[MarketRow]) -> Table:
    """Postings per archetype, the most common first: the chart answers "which roles are
    most posted", which the taxonomy's order (kept by the other tables, and here among
    ties) made a reader work out bar by bar; postings not yet understood come last."""
    counts = Counter(r.archetype for r in rows)
    order = _archetype_order(rows)
    ranked = sorted(order, key=lambda a: (a == UNLABELLED, -counts[a], order.index(a)))
    return Table("archetypes", ["archetype", "postings"], [[a, counts[a]] for a in ranked])


def top_skills(rows: Sequence[MarketRow], per_archetype: int = 8) -> Table:
    """The most asked-for skills of each archetype, with the share of its postings, and how
    many of those postings ask for the skill as required (the rest: nice to have only)."""
    by_arch = _by_archetype(rows)
    out: list[list[Any]] = []
    for arch in _archetype_order(rows):
        group = by_arch[arch]
        counts = Counter(skill for r in group for skill in r.skills)
        required = Counter(skill for r in group for skill in r.required)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))
        for skill, n in ranked[:per_archetype]:
            out.append([arch, skill, n, round(n / len(group), 4), required[skill]])
    return Table("skills", ["archetype", "skill", "postings", "share", "required"], out)


def shares(rows: Sequence[MarketRow]) -> Table:
    """PhD share (required or preferred) of each archetype's postings, and its remote share
    of the postings that say where the work is (remote, hybrid or onsite: ``remote_said``).
    Over every posting, one that says nothing counted as not remote: on the corpus, Glassdoor's
    rows say nothing, and the analytics data scientists were 6.6% remote (19 of 287) where
    the 55 that say are 35% remote. An archetype none of whose postings says has no share
    (None, not 0: with the page filtered to Glassdoor's rows, its finding called the research
    scientists the least remote at 0%, none of 13 saying where)."""
    out: list[list[Any]] = []
    by_arch = _by_archetype(rows)
    for arch in _archetype_order(rows):
        group = by_arch[arch]
        phd_req = sum("required" in r.facets.get("phd", ()) for r in group)
        phd_pref = sum("preferred" in r.facets.get("phd", ()) for r in group)
        remote = sum("remote" in r.facets.get("remote", ()) for r in group)
        said = sum(bool(set(r.facets.get("remote", ())) - {"unknown"}) for r in group)
        n = len(group)
        out.append([arch, n, phd_req, phd_pref, round((phd_req + phd_pref) / n, 4),
                    remote, round(remote / said, 4) if said else None, said])
    return Table("shares", ["archetype", "postings", "phd_required", "phd_preferred",
                            "phd_share", "remote", "remote_share", "remote_said"], out)


def _quantiles(sorted_values: Sequence[float], qs: Sequence[float]) -> list[float]:
    if len(sorted_values) == 1:
        return [sorted_values[0]] * len(qs)
    cuts = statistics.quantiles(sorted_values, n=100, method="inclusive")
    return [cuts[max(0, min(98, round(q * 100) - 1))] for q in qs]


def salary_ranges(rows: Sequence[MarketRow]) -> Table:
    """Yearly USD salary midpoints per archetype, of the pay postings state (or their text
    does): count and p10/p25/median/p75/p90, and how many postings of the archetype have only
    a source's estimate (Glassdoor's), left out of the figures. An estimate is no pay offered,
    and the corpus's are of another year (Glassdoor's 2020 rows): mixed in, 240 estimates
    made the analytics data scientists' median 106,000 where their 9 stated salaries say
    178,500. An archetype with estimates only keeps a row, 0 stated and no figures (None):
    dropped, its estimates went missing from the count left out."""
    out: list[list[Any]] = []
    by_arch = _by_archetype(rows)
    for arch in _archetype_order(rows):
        mids = sorted((r.salary[0] + r.salary[1]) / 2 for r in by_arch[arch]
                      if r.salary and not r.estimate)
        estimated = sum(1 for r in by_arch[arch] if r.salary and r.estimate)
        if not mids and not estimated:
            continue
        stats: list[int | None] = (
            [round(v) for v in _quantiles(mids, (0.10, 0.25, 0.50, 0.75, 0.90))] if mids
            else [None] * 5)
        out.append([arch, len(mids), *stats, estimated])
    return Table("salaries", ["archetype", "with_salary", "p10", "p25", "median", "p75", "p90",
                              "estimates_left_out"], out)


def postings_per_month(rows: Sequence[MarketRow]) -> Table:
    """Postings per month and archetype (undated postings are left out)."""
    counts = Counter((r.month, r.archetype) for r in rows if r.month)
    months = sorted({m for m, _ in counts})
    out = [[m, a, counts[(m, a)]] for m in months for a in _archetype_order(rows)
           if counts[(m, a)]]
    return Table("months", ["month", "archetype", "postings"], out)


def trend_skills(rows: Sequence[MarketRow], wanted: Sequence[str] = ()) -> list[str]:
    """The skills to draw trends for: those asked for, else the usual ones present."""
    present = Counter(s for r in rows for s in r.skills)
    lower = {name.lower(): name for name in present}
    picked = [lower[w.lower()] for w in (wanted or TREND_SKILLS) if w.lower() in lower]
    if picked or wanted:
        return picked
    return [name for name, _ in present.most_common(4)]


def skill_trends(rows: Sequence[MarketRow], skills: Sequence[str]) -> Table:
    """For each month and skill: postings asking for it, and their share of the month's
    understood (enriched) postings."""
    by_month: dict[str, list[MarketRow]] = defaultdict(list)
    for row in rows:
        if row.month and row.archetype != UNLABELLED:
            by_month[row.month].append(row)
    out: list[list[Any]] = []
    for month in sorted(by_month):
        dated = by_month[month]
        for skill in skills:
            n = sum(skill in r.skills for r in dated)
            out.append([month, skill, n, round(n / len(dated), 4)])
    return Table("trends", ["month", "skill", "postings", "share"], out)


def dashboard_tables(
    rows: Sequence[MarketRow], *, trend: Sequence[str] = ()
) -> dict[str, Table]:
    """Every dashboard table, keyed by its name.

    Postings not yet understood (no enrichment) count in the archetype and
    month totals, but not in the per-archetype skill, share and salary tables.
    """
    understood = [r for r in rows if r.archetype != UNLABELLED]
    tables = [
        archetype_counts(rows),
        top_skills(understood),
        shares(understood),
        salary_ranges(understood),
        postings_per_month(rows),
        skill_trends(rows, trend_skills(rows, trend)),
    ]
    return {t.name: t for t in tables}


TABLE_NAMES: tuple[str, ...] = ("archetypes", "skills", "shares", "salaries", "months", "trends")

