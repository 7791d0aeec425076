"""Rich rendering of search results and postings, and the stable JSON shapes.

The ``--json`` shapes are documented in docs/cli.md; change them only by
adding keys.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from mljobs.errors import clip
from mljobs.index import SearchQuery, SearchResult
from mljobs.index.query import parse_query
from mljobs.models import Posting, Salary, Status
from mljobs.normalize import without_controls
from mljobs.posting_view import (
    Pay,
    archetype_name,
    fact_words,
    history_text,
    pay_of,
    remote_text,
    years_text,
)
from mljobs.search import shows_anything
from mljobs.store import Change

_MARK = re.compile(r"</?mark>")


def safe(text: str) -> str:
    """Untrusted text (a posting's title, company, description...) for Rich markup: without
    the characters a terminal would act on (``normalize.CONTROLS``), and with its square
    brackets escaped."""
    return escape(without_controls(text))


def linked_line(linked: int, clusters: int, unlinked: int = 0) -> str:
    """What ``import`` and ``sync`` say after linking duplicates (``clusters``: every group
    of the same job in the store, not only this run's; ``unlinked``: postings that left a
    group, which "linked" counted before; one that moved groups is one of each), in the
    singular for one."""
    what = ("posting as a duplicate of another" if linked == 1
            else "postings as duplicates of others")
    said = [f"linked {linked:,} {what}"] if linked else []
    if unlinked:
        said.append(f"unlinked {unlinked:,} posting{'' if unlinked == 1 else 's'}, no longer "
                    "the same job as another")
    groups = "group" if clusters == 1 else "groups"
    return f"{'; '.join(said)} (the store holds {clusters:,} {groups} of the same job)"


def skipped_line(seekers: int, not_posts: int, what: str = "comments") -> str:
    """What ``import``, ``sync`` and ``demo`` left out as no job postings, each kind counted:
    job seekers' comments (``what``: Reddit's are "posts") and comments that say they are no
    job post ("9 job seekers' comments and 2 comments that say they are no job post skipped"),
    the second in the singular for one."""
    parts = []
    if seekers:
        parts.append(f"{seekers:,} job seekers' {what}")
    if not_posts:
        parts.append(f"1 {what[:-1]} that says it is no job post" if not_posts == 1
                     else f"{not_posts:,} {what} that say they are no job post")
    return f"{' and '.join(parts)} skipped"


def enriched_line(updated: int, added: int, replaced: int = 0) -> str:
    """What ``enrich --store`` says when it is done (``added``: the role postings it made of
    multi-role posts; ``replaced``: the whole posts it removed, stored per role now), counts
    grouped by thousands, in the singular for one."""
    postings = "posting" if updated == 1 else "postings"
    if not added:
        roles = "no new role postings"
    else:
        roles = f"{added:,} new role {'posting' if added == 1 else 'postings'}"
    line = f"Enriched {updated:,} {postings}; {roles} from multi-role posts."
    return f"{line} {replaced_line(replaced)}" if replaced else line


def replaced_line(replaced: int) -> str:
    """What ``enrich --store``, ``import`` and ``sync`` say of the whole posts they removed,
    stored per role now (``SQLiteStore.upsert``'s ``split``), in the singular for one."""
    posts = "1 whole post is" if replaced == 1 else f"{replaced:,} whole posts are"
    return f"{posts} now stored as {'its' if replaced == 1 else 'their'} roles, as an import stores them."


def reopened_line(reopened: int) -> str:
    """What ``sync`` says of the closed postings a source listed again (``reopened`` of its
    report: open again, counted in no column of its table), in the singular for one."""
    postings = "1 posting closed before is" if reopened == 1 else \
        f"{reopened:,} postings closed before are"
    return f"{postings} listed again: reopened ({'its' if reopened == 1 else 'their'} history says so)."


def not_jobs_line(closed: int, seekers: int, not_posts: int, what: str = "comments") -> str:
    """What ``sync`` and ``import`` say of the postings an older mljobs stored that they read
    as no job now (``closed_not_jobs`` of a source's or a file's report; ``what``: Reddit's
    are "posts"), closed: read as what the run read its items as (``seekers``, ``not_posts``:
    the run's counts of each kind; a Reddit post is never one that says it is no job post,
    which the line said of Reddit's too), in the singular for one."""
    one = closed == 1
    kinds = []
    if seekers or not not_posts:
        kinds.append(f"a job seeker's {what[:-1]}" if one else f"job seekers' {what}")
    if not_posts or not seekers:
        kinds.append(f"a {what[:-1]} that says it is no job post" if one
                     else f"{what} that say they are no job post")
    postings = "1 posting stored before is" if one else f"{closed:,} postings stored before are"
    return (f"{postings} read as {' or '.join(kinds)} now: closed, not deleted "
            f"({'its' if one else 'their'} history says so).")


def closed_roles_line(closed: int) -> str:
    """What ``import`` and ``enrich --store`` say of the roles they closed, no longer in their post
    (``SQLiteStore.upsert``'s ``all_roles``), in the singular for one."""
    roles = "1 role no longer in its post is" if closed == 1 else \
        f"{closed:,} roles no longer in their post are"
    return f"{roles} closed."


def resplit_posts_line(posts: int, left: int = 0) -> str:
    """What ``enrich --store`` says of the posts split per role it split again, as this mljobs
    reads the raw document each was last read from (``upsert``'s ``reread``), and of the
    ``left`` roles that had left their post it read again so."""
    one = posts == 1
    line = (f"{posts:,} post{'' if one else 's'} split per role by an older mljobs "
            f"{'was' if one else 'were'} split again as {'its' if one else 'their'} raw "
            f"document reads now: {'its' if one else 'their'} roles' texts are updated, and "
            "their statuses and dates seen kept.") if posts else ""
    if left:
        line += (f"{' ' if line else ''}{left:,} role{'' if left == 1 else 's'} that had left "
                 f"{'its' if left == 1 else 'their'} post {'was' if left == 1 else 'were'} "
                 "read again as the raw document last holding "
                 f"{'it' if left == 1 else 'them'} reads now, and "
                 f"{'stays' if left == 1 else 'stay'} closed.")
    return line


def whole_again_line(posts: int) -> str:
    """What ``enrich --store`` says of the posts split per role by an older mljobs that the raw
    document each was last read from no longer splits: stored whole in place of their roles
    (``upsert``'s ``reread``), in the singular for one."""
    one = posts == 1
    return (f"{posts:,} post{'' if one else 's'} split per role by an older mljobs "
            f"{'is' if one else 'are'} stored whole, as {'its' if one else 'their'} raw document "
            f"reads now: {'it takes' if one else 'each takes'} the dates seen and status of "
            "its roles, which leave the post (their dates kept).")


def own_text_roles_line(roles: int, posts: int) -> str:
    """What ``enrich --store`` says of the role postings (of ``posts`` posts) it read from their
    own text, not through their post's raw document (``enrich_cmds._roles_read``)."""
    one = roles == 1
    return (f"{roles:,} role posting{'' if one else 's'} of {posts:,} post{'' if posts == 1 else 's'} "
            f"split per role {'was' if one else 'were'} read from {'its' if one else 'their'} "
            f"own text: the raw document {'its' if one else 'their'} post was read from is gone, "
            "no longer parses, or no longer reads as the stored role (split by an older "
            "mljobs). An import or sync of the post reads its roles through it again.")


def snippet_markup(snippet_html: str) -> str:
    """Turn escaped snippet HTML with <mark> highlights into Rich markup."""
    import html

    parts = re.split(r"(</?mark>)", snippet_html)
    out = []
    for part in parts:
        if part == "<mark>":
            out.append("[bold yellow]")
        elif part == "</mark>":
            out.append("[/bold yellow]")
        else:
            out.append(safe(html.unescape(part)))
    return "".join(out).replace("\n", " ")


def render_search(console: Console, q: SearchQuery, result: SearchResult,
                  pays: Mapping[str, Pay] | None = None,
                  companies: Mapping[str, str] | None = None, linked: bool = False) -> None:
    """Print hits as numbered entries with highlighted snippets, then facets; ``pays``: the
    pay of the hits that have one (``posting_view.list_pays``). A hit whose source gives no
    date says so, and when the store first saw it. ``linked``: the store links reposts and
    duplicates, so the count is of jobs, each once (below ``stats``'s count of postings)."""
    shown = f"{q.offset + 1}-{q.offset + len(result.hits)}" if result.hits else "0"
    if not result.hits and result.total and q.offset >= result.total:
        shown = f"none: --offset {q.offset:,} is past the last of them; try --offset 0"
    # (a query of no word, "OR", "-" or "* :", lists every posting: it matches nothing, and
    # the line says so, as the search page does; it said "1,482 postings match OR")
    no_words = bool(q.text) and parse_query(q.text).is_empty()
    console.print(
        f"[bold]{result.total:,}[/bold] "
        + (("posting" if result.total == 1 else "postings")
           + (f" ([dim]{safe(q.text)!s}[/dim] has no word to search for)"
              if shows_anything(q.text) else " (the query has no word to search for)")
           if no_words
           else ("posting matches" if result.total == 1 else "postings match")
           + (f" [dim]{safe(q.text)!s}[/dim]" if q.text else ""))
        + (f" ({safe(conditions)})" if (conditions := search_conditions(q, companies))
           else "")
        + f"; showing {shown}"
        + ("; each job once (reposts and duplicates linked)" if linked and result.total else "")
    )
    for i, hit in enumerate(result.hits, start=q.offset + 1):
        arche = (hit.fields.get("archetype") or [""])[0]
        remote = (hit.fields.get("remote") or [""])[0]
        when = hit.posted_at.date().isoformat() if hit.posted_at else "undated"
        if hit.posted_at is None and hit.first_seen is not None:
            when = f"undated, first seen {hit.first_seen.date().isoformat()}"
        head = f"[bold]{i}. {safe(clip(hit.title, 110))}[/bold]"
        pay = (pays or {}).get(hit.id)
        # a closed posting (its source no longer lists it) is still found: say so
        closed = "[bold red]closed[/bold red]" if "closed" in hit.fields.get("status", []) else ""
        meta = " · ".join(
            x for x in (safe(hit.company or ""), when, closed,
                        remote if remote != "unknown" else "",
                        f"[magenta]{arche}[/magenta]" if arche else "",
                        safe(pay_line(pay)) if pay else "") if x
        )
        console.print(head)
        console.print(f"   [dim]{safe(hit.id)}[/dim]  {meta}")
        if hit.snippet_html:
            console.print(f"   {snippet_markup(hit.snippet_html)}", soft_wrap=False)
    for name, values in result.facets.items():
        if values:
            counts = ", ".join(f"{safe(v)} ({c})" for v, c in values[:8])
            console.print(f"[bold]{name}[/bold]: {counts}")


def search_conditions(q: SearchQuery, companies: Mapping[str, str] | None = None) -> str:
    """The filters a search applied, as the store spells their values ("archetype:
    research-engineer; posted since 2026-04-01"): the count line named only the query, so
    a filtered count read like the count of the query alone. ``companies``: the stored
    spelling of each lower-cased company filter (``store.company_spellings``; the filter
    said "company: prompt health" for Prompt Health)."""
    spelt = companies or {}
    parts = [f"{name}: {' or '.join(spelt.get(v, v) if name == 'company' else v for v in values)}"
             for name, values in q.filters.items() if values]
    if q.posted_since is not None:
        parts.append(f"posted since {q.posted_since:%Y-%m-%d}")
    if q.salary_min:
        parts.append(f"yearly pay reaching {q.salary_min:,.0f}")
    return "; ".join(parts)


def counts_table(title: str) -> Table:
    """A two-column table of names and counts, the counts right-aligned."""
    table = Table(title=title, show_header=False)
    table.add_column()
    table.add_column(justify="right")
    return table


def salary_line(salary: Salary, note: str | None = None) -> str:
    """``120,000-150,000 USD per year`` (``Salary.span``: "up to", "+", cents), with a note
    in brackets: ``note`` when given, else one for estimates."""
    if note is None:
        note = "" if salary.stated else "estimate, not stated by the employer"
    period = salary.interval.value if salary.interval else "year"
    line = f"{salary.span() or '?'} {salary.currency or ''} per {period}".replace("  ", " ")
    return line + (f" ({note})" if note else "")


def pay_line(pay: Pay) -> str:
    """A result list's pay: ``120,000-150,000 USD per year``, and for an estimate whose it
    is (``Pay.label``: "Glassdoor's estimate, not stated by the employer")."""
    return salary_line(pay.salary, pay.label())


def pay_rows(posting: Posting) -> list[tuple[str, str]]:
    """The facts table's pay rows: stated pay first, then an estimate (``pay_of``); figures
    no one is paid (a parsing slip, ``pay.is_plausible``) are left out, as the web's
    posting page leaves them out (show printed a source's 50,000,000 USD a year)."""
    rows = []
    for pay in pay_of(posting):
        note = "; ".join(n for n in (pay.label(), pay.note()) if n)
        rows.append(("salary estimate" if pay.estimate else "salary",
                     salary_line(pay.salary, note)))
    return rows


def _closed_mark(other: Posting) -> str:
    """`` (closed <day>)`` after a closed posting's id in a list of a job's ids, else nothing."""
    if other.status != Status.CLOSED:
        return ""
    return f" (closed {other.closed_at:%Y-%m-%d})" if other.closed_at else " (closed)"


def _facts_table(posting: Posting, duplicates: Sequence[Posting]) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("id", posting.id),
        ("company", posting.company or "-"),
        ("locations", "; ".join(posting.locations) or "-"),
        ("remote", fact_words("remote", remote_text(posting))),
        # (as the posting page words it; "-" read as a blank)
        ("posted", posting.posted_at.isoformat() if posting.posted_at else "not stated"),
        ("source", f"{posting.source}  {posting.url or ''}"),
        ("status", posting.status.value + (f" (closed {posting.closed_at:%Y-%m-%d})"
                                           if posting.closed_at else "")),
        ("first / last seen", f"{posting.first_seen:%Y-%m-%d} / {posting.last_seen:%Y-%m-%d}"
         if posting.first_seen and posting.last_seen else "-"),
    ]
    rows += pay_rows(posting)
    if posting.canonical_id and posting.canonical_id != posting.id:
        rows.append(("duplicate of", posting.canonical_id + "".join(
            _closed_mark(d) for d in duplicates if d.id == posting.canonical_id)))
    for other in duplicates:
        if other.id != posting.canonical_id:
            rows.append(("same job", f"{other.id}{_closed_mark(other)}  {other.url or ''}".rstrip()))
        elif other.url:
            rows.append(("", other.url))
    for key, value in rows:
        table.add_row(key, safe(str(value)))
    return table


def render_posting(console: Console, posting: Posting, changes: list[Change],
                   duplicates: Sequence[Posting] = ()) -> None:
    """Print a posting: facts (with its ``duplicates``: the same job under other ids),
    understanding (if enriched), the whole description, history."""
    # the panel's border holds the title only up to the terminal's width (Rich cut it with no
    # mark: "... WORK FROM HOM─"): a title that does not fit is printed whole above it
    room = max(20, console.width - 6)
    if len(posting.title) > room:
        console.print(f"[bold]{safe(posting.title)}[/bold]")
    console.print(Panel(_facts_table(posting, duplicates), title=safe(clip(posting.title, room)),
                        expand=False))
    enr = posting.enrichment
    if enr is not None:
        probs = sorted(enr.archetype_proba.items(), key=lambda kv: -kv[1])
        # (its name, as the posting page says it, and the slug --archetype filters on)
        console.print(f"[bold]Archetype[/bold]: [magenta]{safe(archetype_name(enr.archetype))}"
                      f"[/magenta] [dim]({safe(enr.archetype)})[/dim]")
        for name, p in probs[:8]:
            bar = "█" * round(p * 30)
            console.print(f"  {name:<26} {p:5.1%} {bar}")
        if enr.evidence:
            console.print("[bold]Evidence[/bold]: " + "; ".join(
                f"{safe(e.phrase)!s} [dim](→{e.archetype} {e.weight:+.2f})[/dim]"
                for e in enr.evidence[:8]
            ))
        req = [s for s in enr.skills if s.required]
        nice = [s for s in enr.skills if not s.required]
        console.print("[bold]Required skills[/bold]: " + (", ".join(safe(s.name) for s in req) or "-"))
        console.print("[bold]Nice to have[/bold]: " + (", ".join(safe(s.name) for s in nice) or "-"))
        # (in the posting page's words, ``fact_words``: it printed "visa unknown",
        # "seniority staff-plus"; ``--json`` keeps the stored values)
        facets = [
            ("seniority", fact_words("seniority", enr.seniority)),
            ("years", years_text(enr.years_min)),
            ("degree", fact_words("degree", enr.degree)), ("PhD", fact_words("phd", enr.phd)),
            ("remote", fact_words("remote", enr.remote)), ("visa", fact_words("visa", enr.visa)),
            ("specialisation", ", ".join(fact_words("specialisation", name)
                                         for name in enr.specialisation if name.strip())
             or "none stands out"),
            ("ML share", fact_words("ml_share", enr.ml_share)),
            ("company stage", fact_words("company_stage", enr.company_stage)),
            ("equity", "mentioned" if enr.equity else "not mentioned"),
        ]
        roles = getattr(enr, "roles", None)
        if roles:
            console.print("[bold]Roles listed[/bold]: " + "; ".join(safe(str(r)) for r in roles))
        console.print("[bold]Facets[/bold]: " + " · ".join(
            f"{k} [cyan]{safe(str(v if v is not None else '-'))}[/cyan]" for k, v in facets
        ))
    else:
        console.print("[dim]Not enriched yet: run `mljobs enrich --store`.[/dim]")
    console.print()
    text = posting.description_text
    console.print(safe(text))  # the whole description: a reader of one posting wants all of it
    if changes:
        console.print()
        console.print("[bold]History[/bold]: " + "; ".join(safe(t) for t in history_text(changes)))
