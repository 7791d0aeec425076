"""What ``mljobs show`` and the web posting page say beyond a posting's stored fields.

- ``pay_of``: the posting's pay, stated pay first and a third-party estimate (a Glassdoor
  figure) after it, labelled; with how many different pay figures the text holds when the
  one shown is only the text's first, or the listed role whose own line states it.
- ``list_pay`` / ``list_pays``: the one pay a result list shows (``mljobs search`` and
  ``match``, the web's search results): stated pay before an estimate (``prefer_stated``,
  the rule of ``Posting.best_salary``), a ``Pay`` whose ``label`` names an estimate;
  ``list_lines`` reads it with the locations (the web's result list) in one query.
- ``duplicates_of``: the other postings of the same job (other sources or ids), linked by
  ``mljobs.dedupe``.
- ``roles_of`` / ``split_roles``: the postings a multi-role post was split into
  (``<id>/r<n>``), for an id that names the post itself: in the post's order, those that
  left it apart (``roles_named`` says them in a line).
- ``roles_list``: the roles of the post a posting comes from, each with the id of its role
  posting, so that the posting page marks the one shown by id (two roles of a post may
  share a title).
- ``fact_words``, ``years_text``, ``remote_text``: a facet's stored value in words
  (``VALUE_WORDS``), as the posting page and ``show`` say it.
- ``change_text``, ``history_text``: one entry of a posting's history, and the whole of
  it, as ``show`` and the posting page say it, a closing or reopening with why in words.

Read only when postings are shown: nothing here runs in the enrich pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from mljobs.enrich.roles import listed_pay
from mljobs.enrich.salary import parse_salary
from mljobs.models import Posting, Salary, prefer_stated, role_number, role_post
from mljobs.pay import is_plausible
from mljobs.places import REGIONS
from mljobs.store import SQLiteStore
from mljobs.store.sqlite import COPY, IMPORTED, NOT_JOBS, Change

# why a posting closed or reopened, by its history entry's fields (the store's "status" alone:
# its source no longer listed it, or listed it again; ``SQLiteStore._close`` and the rest)
_WHY = {("closed", ("status",)): "no longer listed by its source",
        ("closed", ("status", "post")): "no longer in its post",
        ("closed", tuple(NOT_JOBS["seeker"])): "read as a job seeker's post, not a job",
        ("closed", tuple(NOT_JOBS["not_a_post"])): "it says it is no job post",
        ("closed", tuple(COPY)): "an earlier copy of a job its source lists under another id",
        ("reopened", ("status",)): "listed again",
        ("reopened", tuple(IMPORTED)): "imported again, with another text"}


# why a posting reopened, by the fields of the closing it ends (a comment closed as a job
# seeker's, and edited into a job, was "listed again" by a thread that always listed it)
_WHY_AGAIN = {tuple(NOT_JOBS["seeker"]): "read as a job again",
              tuple(NOT_JOBS["not_a_post"]): "read as a job again",
              ("status", "post"): "in its post again"}


# A posting's facets in words (``fact_words``), as the web app's posting page, facets and
# titles and ``mljobs show`` say them, from these tables alone (``show`` printed the stored
# values, "visa unknown", "seniority staff-plus", where the page said them in words); a
# filter, ``--json`` and the API keep the stored values.
# the archetypes' names (taxonomy.md)
ARCHETYPE_NAMES: dict[str, str] = {
    "ml-product-swe": "ML-aware software engineer",
    "big-data-ml-engineer": "Big-data / ML platform engineer",
    "data-scientist-analytics": "Data scientist (analytics)",
    "data-scientist-ml": "Data scientist (ML generalist)",
    "research-engineer": "Research / ML engineer",
    "applied-researcher": "Applied researcher",
    "research-scientist": "Research scientist",
    "not-ml": "Not an ML role",
    "unlabelled": "Not yet understood",
}
# the ML share's values (enrich/ml_share.py), said as what they mean, most ML first: an
# analyst asking which postings are really ML had only "Not an ML role" to go by
ML_SHARE_LABELS: dict[str, str] = {
    "core": "core: ML is the job", "supporting": "supporting: ML is a regular part",
    "incidental": "incidental: ML only mentioned", "none": "none: no ML",
}
# the degree and PhD facets in words, not their stored values ("none-stated", "not-mentioned")
DEGREE_LABELS: dict[str, str] = {
    "none-stated": "none stated", "bachelor": "bachelor's", "masters": "master's", "phd": "PhD",
}
PHD_LABELS: dict[str, str] = {"not-mentioned": "not mentioned"}
# visa sponsorship in words; "unknown" of a fact the posting does not state is said as such
# (the posting page, the facets and the dashboard showed a bare "unknown" for visa, company
# stage, seniority and remote)
VISA_LABELS: dict[str, str] = {"offered": "sponsorship offered",
                               "not-offered": "no sponsorship"}
NOT_STATED = "not said in the posting"
# the specialisations (taxonomy.md) and the seniorities a seeker does not read as they are
# stored ("llm-genai", "rl", "recsys", "staff-plus")
SPECIALISATION_LABELS: dict[str, str] = {
    "nlp": "NLP (language)", "computer-vision": "computer vision", "recsys": "recommender systems",
    "time-series": "time series", "rl": "reinforcement learning",
    "llm-genai": "LLMs / generative AI", "tabular": "tabular data",
    "search-ir": "search / information retrieval",
}
SENIORITY_LABELS: dict[str, str] = {"staff-plus": "staff or above", "mid": "mid-level"}
# each field's values in words
VALUE_WORDS: dict[str, dict[str, str]] = {
    "ml_share": ML_SHARE_LABELS, "degree": DEGREE_LABELS, "phd": PHD_LABELS,
    "visa": VISA_LABELS, "specialisation": SPECIALISATION_LABELS,
    "seniority": SENIORITY_LABELS, "region": REGIONS,
}
STATED_FACTS = frozenset({"visa", "company_stage", "seniority", "remote"})


def archetype_name(slug: str) -> str:
    """The readable name of an archetype slug."""
    return ARCHETYPE_NAMES.get(slug, slug)


def fact_words(name: str, value: str) -> str:
    """A facet's stored ``value`` in words (``VALUE_WORDS``): a fact the posting does not
    state (``unknown``), or a blank value an older or hand-made store left, as
    ``NOT_STATED``; an archetype by its name; a value the tables do not name as it is."""
    if name == "archetype":
        return archetype_name(value)
    if (name in STATED_FACTS and value == "unknown") or not value.strip():
        return NOT_STATED
    return VALUE_WORDS.get(name, {}).get(value, value)


def years_text(years: int | None) -> str:
    """The least experience a posting asks for, as it means it: "at least 5 years" (the
    posting page said a bare "5"), "none asked (0 years)" (a new graduates' "0-2 years": it
    said "at least 0 years"), or "not stated"."""
    if years is None:
        return "not stated"
    if years <= 0:
        return "none asked (0 years)"
    return f"at least {years} year{'' if years == 1 else 's'}"


def remote_text(posting: Posting) -> str:
    """Where the work happens, as the posting page's badge and ``show``'s facts say it: the
    source's value; the one read from the text when the source has none; both when they
    differ ("onsite (the text says hybrid)" for "ONSITE / HYBRID"), so the facts and the
    facets below never silently disagree."""
    read = posting.enrichment.remote if posting.enrichment is not None else "unknown"
    given = posting.remote.value
    if given == "unknown":
        return read
    if read not in ("unknown", given):
        return f"{given} (the text says {read})"
    return given


def change_text(change: Change, minutes: bool = False, closing: Change | None = None) -> str:
    """One history entry as ``show`` (to the second) and the posting page (to the minute,
    ``minutes``) say it: "2026-03-21T12:00:00 closed (status): no longer listed by its
    source", "... reopened (status): listed again" (or why else, by the ``closing`` it ends:
    "read as a job again"), "... updated (title, description_text)". The stored fields stay
    said: a closing's read "closed (status)" alone, which told no reader why."""
    text = f"{change.changed_at[:16 if minutes else 19]} {change.kind}"
    if change.fields:
        text += f" ({', '.join(change.fields)})"
    why = _WHY.get((change.kind, tuple(change.fields)))
    if change.kind == "reopened" and closing is not None:
        why = _WHY_AGAIN.get(tuple(closing.fields), why)
    return f"{text}: {why}" if why else text


def history_text(changes: Sequence[Change], minutes: bool = False) -> list[str]:
    """A posting's history (``SQLiteStore.changes``, oldest first) as ``change_text`` says
    each entry, a reopening by the closing before it."""
    closing: Change | None = None
    said: list[str] = []
    for change in changes:
        said.append(change_text(change, minutes, closing))
        if change.kind in ("closed", "reopened"):
            closing = change if change.kind == "closed" else None
    return said


# Pay figures looked for in one text (a posting with more lists a table of bands).
MAX_FIGURES = 20


@dataclass(frozen=True)
class Pay:
    """One pay line: ``salary``; ``figures`` > 1 when it is the first of that many different
    pay figures of the text (0 or 1: the only one, or a source's own field)."""

    salary: Salary
    figures: int = 0
    role: str = ""  # (the listed role whose own line states it: ``roles.listed_pay``)

    @property
    def estimate(self) -> bool:
        """A third-party estimate, not pay the employer states."""
        return not self.salary.stated

    def label(self) -> str:
        """What the line is: "" for stated pay, else whose estimate it is ("Employer est.",
        Glassdoor's name for a range the employer gave, is stated pay: it says so)."""
        said = (self.salary.text or "").lower()
        if "employer est" in said:
            return "the employer's estimate"
        if self.salary.stated:
            return ""
        if "glassdoor" in said:
            return "Glassdoor's estimate, not stated by the employer"
        return "estimate, not stated by the employer"

    def note(self) -> str:
        """``first of 3 pay figures in the text`` when the text gives several, else ""; for
        the pay of a listed role, ``pay of the listed role Data Analyst, one of 3 pay figures
        in the text``."""
        if self.role:
            return f"pay of the listed role {self.role}" + (
                f", one of {self.figures} pay figures in the text" if self.figures > 1 else "")
        return f"first of {self.figures} pay figures in the text" if self.figures > 1 else ""


def pay_figures(text: str) -> list[Salary]:
    """The different pay figures ``parse_salary`` reads in ``text``, in order (at most
    ``MAX_FIGURES``); a figure repeated later in the text counts once."""
    out: list[Salary] = []
    seen: set[tuple[object, ...]] = set()
    pos = 0
    for _ in range(MAX_FIGURES * 2):
        found = parse_salary(text[pos:])
        if found is None:
            break
        key = (found.min, found.max, found.currency, found.interval)
        if key not in seen and not any(_within(found, other) for other in out):
            seen.add(key)
            out.append(found)
            if len(out) == MAX_FIGURES:
                break
        shown = (found.text or "").rstrip("+")
        at = text.find(shown, pos) if shown else -1
        if at < 0:
            break
        pos = at + len(shown)
    return out


def _within(inner: Salary, outer: Salary) -> bool:
    """True when ``inner``'s figures lie in ``outer``'s range (same currency and period):
    "$178,500 - $320,000 ... the midpoint is $243,800" states one pay, not two."""
    if (inner.currency, inner.interval) != (outer.currency, outer.interval):
        return False
    low, high = outer.min if outer.min is not None else 0.0, outer.max
    values = [v for v in (inner.min, inner.max) if v is not None]
    return high is not None and bool(values) and all(low <= v <= high for v in values)


def _same(a: Salary, b: Salary) -> bool:
    return (a.min, a.max, a.currency, a.interval) == (b.min, b.max, b.currency, b.interval)


def pay_of(posting: Posting) -> list[Pay]:
    """The posting's pay lines: the stated pay (the source's own field, else the pay the
    enrichment read: the first figure of the text, or the labelled role's of a post that
    lists roles with their pay, named), then a third-party estimate; each at most once, and
    none whose figures no one is paid (``pay.is_plausible``: show and the page leave them
    out)."""
    found = posting.enrichment.salary if posting.enrichment is not None else None
    given = posting.salary
    stated: Pay | None = None
    if given is not None and given.stated:
        stated = Pay(given)
    else:
        figures = [s for s in pay_figures(f"{posting.title}\n{posting.description_text}")
                   if s.stated]
        first = found if found is not None and found.stated else figures[0] if figures else None
        listed = listed_pay(posting) if found is not None and first is found else None
        if found is not None and listed is not None and _same(listed[1], found):
            stated = Pay(found, len(figures), listed[0])  # (a listed role's own pay)
        elif first is not None:
            stated = Pay(first, len(figures))
    estimate = next((s for s in (given, found) if s is not None and not s.stated), None)
    if estimate is not None and stated is not None and _same(estimate, stated.salary):
        estimate = None  # (the same figures twice: "$145K-$225K (Employer est.)")
    return [p for p in (stated, Pay(estimate) if estimate is not None else None)
            if p is not None and is_plausible(p.salary)]


def list_pay(given: Salary | None, found: Salary | None) -> Pay | None:
    """The one pay line of a posting in a result list: its salary field (``given``) or the
    pay its enrichment read (``found``), stated pay first (``prefer_stated``); None when
    there is none or its figures are no one's pay (``pay.is_plausible``)."""
    salary = prefer_stated(given, found)
    return Pay(salary) if salary is not None and is_plausible(salary) else None


def posting_pay(posting: Posting) -> Pay | None:
    """``list_pay`` of a posting in hand (its salary field and its enrichment's pay)."""
    found = posting.enrichment.salary if posting.enrichment is not None else None
    return list_pay(posting.salary, found)


def list_pays(store: SQLiteStore, ids: Sequence[str]) -> dict[str, Pay]:
    """``list_pay`` of each posting of ``ids`` that has pay (``list_lines``)."""
    return {pid: pay for pid, (_where, pay) in list_lines(store, ids).items() if pay is not None}


def list_lines(store: SQLiteStore, ids: Sequence[str]) -> dict[str, tuple[list[str], Pay | None]]:
    """The locations and ``list_pay`` of each posting of ``ids``, read straight from the
    store's JSON columns in one query (cheaper than building the whole postings of a
    result page for two fields)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(
        "SELECT id, json_extract(data, '$.locations'), json_extract(data, '$.salary'), "
        f"json_extract(enrichment, '$.salary') FROM postings WHERE id IN ({marks})", list(ids),
    ).fetchall()
    return {str(pid): (json.loads(locations or "[]"), list_pay_json(given, found))
            for pid, locations, given, found in rows}


def list_pay_json(given: str | None, found: str | None) -> Pay | None:
    """``list_pay`` of the salary field and the enrichment's salary as the store's JSON
    columns hold them (None or "" for none)."""
    return list_pay(*(Salary.model_validate_json(raw) if raw else None for raw in (given, found)))


def duplicates_of(store: SQLiteStore, posting: Posting) -> list[Posting]:
    """The postings linked to this one as the same job (and the one it duplicates), by id."""
    canonical = posting.canonical_id or posting.id
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM postings WHERE (canonical_id = ? OR id = ?) AND id != ? ORDER BY id",
        (canonical, canonical, posting.id),
    )]
    found = store.get_many(ids)
    return [found[i] for i in ids if i in found]


DUPLICATE_KEYS = ("id", "source", "url", "status", "closed_at")
"""What ``show --json`` and ``/api/postings/{id}`` give of each of ``duplicates_of``: its
id, source and link, and whether its source still lists it (what ``show`` and the posting
page say of it)."""


def duplicates_json(store: SQLiteStore, posting: Posting) -> list[dict[str, Any]]:
    """``duplicates_of`` as JSON, each by ``DUPLICATE_KEYS``."""
    return [d.model_dump(mode="json", include=set(DUPLICATE_KEYS))
            for d in duplicates_of(store, posting)]


def posting_json(store: SQLiteStore, posting: Posting) -> dict[str, Any]:
    """A posting as ``show --json`` and ``/api/postings/{id}`` give it: the model, its
    ``duplicates`` (``duplicates_json``) and its ``changes``, the history the text and the
    posting page show (``show --json`` had none of it)."""
    return {**posting.model_dump(mode="json"), "duplicates": duplicates_json(store, posting),
            "changes": [c.__dict__ for c in store.changes(posting.id)]}


class PostRole(NamedTuple):
    """A role posting of a post split per role (``<post id>/r<n>``): ``closed`` (with its post,
    or because it ``left`` the post: its text no longer names it, ``SQLiteStore.left_post``)."""

    id: str
    title: str
    closed: bool = False
    left: bool = False


def roles_of(store: SQLiteStore, ref: str) -> list[PostRole]:
    """The role postings that the post ``ref`` (a full id) was split into, open and closed, by
    number; empty when there are none."""
    ref = ref.strip()
    rows = store.conn.execute(
        "SELECT id, title, status FROM postings "
        "WHERE id >= ? AND id < ? ORDER BY length(id), id",
        (ref + "/r", ref + "/s"),
    ).fetchall()
    return [PostRole(str(pid), str(title or ""), status == "closed") for pid, title, status in rows
            if str(pid)[len(ref) + 2:].isdigit()]


def split_roles(store: SQLiteStore, ref: str) -> list[PostRole]:
    """The roles of the post that ``ref`` names as ``SQLiteStore.resolve_id`` reads a ref (a
    full id, a source's own id ``47222105`` or a corpus id ``hn-47222105``, so a split post's
    roles are found by any id that finds an unsplit post): those the post lists now, in its
    order, then those that left it (``left``). What ``mljobs show``, ``/posting/{ref}`` and
    ``/api/postings/{ref}`` ask of a ref that ``resolve_id`` finds no posting for, before
    saying there is no such posting (a ref that finds one shows it).

    The post's order is its latest reading's list of roles (``Enrichment.roles`` of a role it
    lists, an open one first), its titles taken by the roles as ``roles_list`` takes them: a
    role keeps its id across edits of its post (``SQLiteStore.upsert``'s ``all_roles``), so the
    numbers need not follow the post; a role that list does not name (stored without enrichment)
    comes after those it does, by number."""
    ref = ref.strip()
    roles = roles_of(store, ref)
    if not roles:
        for cand in dict.fromkeys([ref, ref.split("-", 1)[1] if "-" in ref else ref]):
            parents = {str(pid).rsplit("/", 1)[0] for (pid,) in store.conn.execute(
                "SELECT id FROM postings WHERE source_id >= ? AND source_id < ?",
                (cand + "/r", cand + "/s"))}
            if len(parents) == 1:
                roles = roles_of(store, parents.pop())
                break
    left = set(store.left_post([r.id for r in roles if r.closed]))
    listed = sorted((r for r in roles if r.id not in left), key=lambda r: r.closed)
    posting = store.get(listed[0].id) if listed else None
    titles = _titles(posting) if posting is not None else []
    rank = {pid: n for n, pid in enumerate(_take_titles(titles, listed)) if pid}
    listed.sort(key=lambda r: (rank.get(r.id, len(rank)), role_number(r.id) or 0))
    return listed + [r._replace(left=True) for r in roles if r.id in left]


def other_roles(store: SQLiteStore, ref: str) -> str | None:
    """For a ref that names a role its post does not have (``<post>/r9`` of a post stored as
    ``/r1`` and ``/r2``, a URL edited by hand or an id from an older reading): "<post> was
    split into one posting per role: ..." (``roles_named``), what ``mljobs show`` and the
    posting pages add to "no posting"; None for any other ref."""
    post = role_post(ref.strip())
    roles = split_roles(store, post) if post else []
    return f"{post} was split into one posting per role: {roles_named(roles)}" if roles else None


def roles_named(roles: Sequence[PostRole]) -> str:
    """``split_roles`` in a line: "id (title); ...", a closed one marked, those that left the
    post last ("no longer in the post: id (title)"): what ``mljobs show`` and
    ``/api/postings/{ref}`` say of a post's id."""
    def named(role: PostRole) -> str:
        closed = ", closed" if role.closed and not role.left else ""
        return f"{role.id} ({role.title}{closed})"

    line = "; ".join(named(r) for r in roles if not r.left)
    gone = "; ".join(named(r) for r in roles if r.left)
    return f"{line}; no longer in the post: {gone}" if gone else line


def _titles(posting: Posting) -> list[str]:
    """The titles of the roles of ``posting``'s post as its enrichment read them, in the
    post's order (``Enrichment.roles``; none without enrichment)."""
    return [r for r in (getattr(posting.enrichment, "roles", None) or []) if isinstance(r, str)]


def _take_titles(titles: Sequence[str], roles: Sequence[PostRole]) -> list[str]:
    """The id of the role posting each of ``titles`` names ("" for none): the first of
    ``roles`` (in the order of preference given) of that title not taken yet."""
    free = list(roles)
    ids = []
    for title in titles:
        hit = next((r for r in free if r.title == title), None)
        if hit is not None:
            free.remove(hit)
        ids.append(hit.id if hit else "")
    return ids


def roles_list(store: SQLiteStore, posting: Posting) -> list[tuple[str, str]]:
    """``(title, id)`` of each role that ``posting``'s enrichment names (``Enrichment.roles``,
    in the post's order), where ``id`` is the role posting the post was split into for that
    role ("" for a role without one: a title the post only names). A title takes the first
    role posting of the post of that title not taken yet, an open one before a closed one (one
    that left the post), then by number: a role keeps its id across edits of its post, so the
    numbers need not follow the post's order (``SQLiteStore.upsert``). Each role's page
    so lists the same ids in the same places; a posting that none of them took (a role that
    left the post, shown by the post's reading of that time) takes the first place of its title.
    """
    titles = _titles(posting)
    post = role_post(posting.id)
    siblings = roles_of(store, post) if post and titles else []
    # (the open ones first, by number within: the sort is stable)
    ids = _take_titles(titles, sorted(siblings, key=lambda s: s.closed))
    if siblings and posting.id not in ids and posting.title in titles:
        ids[titles.index(posting.title)] = posting.id
    return list(zip(titles, ids, strict=True))
