"""Resume commands: profile, match, gaps, eval-match."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.table import Table

from mljobs.cli.app import app, console, handle_errors, now, print_json, store_from
from mljobs.cli.core import parse_since
from mljobs.cli.render import pay_line, safe
from mljobs.errors import ConfigError, InputError

if TYPE_CHECKING:  # the matching stack (numpy, pypdf, docx) loads only when a command runs
    from mljobs.match import Gap, Match, MatchIndex, YearsGap
    from mljobs.profile import Profile

_DEV_PARTS = ("shared", "data", "eval", "match-dev")


def default_dev() -> Path:
    """The match-dev folder: ``../shared`` from the working folder, else beside the repo."""
    for root in (Path.cwd().parent, Path(__file__).resolve().parents[4]):
        candidate = root.joinpath(*_DEV_PARTS)
        if candidate.is_dir():
            return candidate
    raise ConfigError("No match-dev folder found (../shared/data/eval/match-dev). Use --path.")
_RESUME_HELP = ("The resume: a .pdf, .docx, .txt or .md file, or - for its text on standard "
                "input (read locally, never sent anywhere).")
# the name a resume read from standard input goes by (``-``): read as TXT, as the web page's
# pasted text is, unless its first bytes are a PDF's or a DOCX's (a zip archive's)
STDIN_NAME = "stdin.txt"
_STDIN_KINDS = ((b"%PDF-", "stdin.pdf"), (b"PK\x03\x04", "stdin.docx"))
_WITHIN_HELP = "Rank the postings of this corpus-format JSONL file instead of the store."


def _profile(resume: Path, command: str = "profile") -> tuple[Profile, list[str]]:
    """The profile of a resume file, and the notes on how it was read (``reading_notes``).
    ``command``: the command that reads it, named in the error of an empty pipe."""
    import logging

    from mljobs.match import reading_notes
    from mljobs.profile import build_profile
    from mljobs.resume import DEFAULT_LIMITS, load_resume, read_resume_bytes

    # pypdf logs what it repairs ("EOF marker not found") as warnings, which Python prints
    # as bare lines above ours; a damaged PDF is already named by one InputError line
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if str(resume) == "-":  # (it said "-: cannot read the resume (No such file or directory)")
        data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
        if not data.strip():  # (it said "mljobs profile - < cv.txt" to `match` and `gaps` too)
            raise InputError("- reads the resume from standard input, which is empty: pipe "
                             f"the resume in (mljobs {command} - < cv.txt), or give its file.")
        name = next((n for magic, n in _STDIN_KINDS if data.startswith(magic)), STDIN_NAME)
        read = read_resume_bytes(data, name)
    else:
        read = load_resume(resume)
    profile = build_profile(read.text, now=now())
    return profile, reading_notes(profile, read.truncated)


def _print_notes(notes: list[str]) -> None:
    for note in notes:
        console.print(f"[yellow]Note:[/yellow] {safe(note)}", highlight=False, soft_wrap=True)


@contextmanager
def _index(within: Path | None, db: Path | None) -> Iterator[MatchIndex]:
    """The postings to rank: a corpus-format file, or the store (kept open while used)."""
    from mljobs.match import MatchIndex, index_for_store

    if within is not None:
        from mljobs.match_eval import load_pool

        what = ("corpus-format JSONL (one JSON object a line with id, title and text, as "
                "shared/data/corpus/postings.jsonl)")
        if within.is_dir():  # (import's folder message said to pass the files to import)
            raise InputError(f"--within {within} is a folder; give one file of {what}")
        pool = load_pool(within)
        if not pool:  # (it said "No postings to rank. Import some ..., or use --within.")
            raise InputError(f"--within {within} holds no posting (it is empty or blank); "
                             f"give a file of {what}")
        yield MatchIndex.build(pool)
        return
    with store_from(db) as store:
        yield index_for_store(store)


def _render_profile(profile: Profile) -> None:
    from mljobs.match import implied_skills
    from mljobs.posting_view import fact_words

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_row("[bold]Name[/bold]", safe(profile.name or "-"))
    table.add_row("[bold]Headline[/bold]", safe(profile.headline or "-"))
    years = "-" if profile.years is None else f"{profile.years:g}"
    table.add_row("[bold]Experience[/bold]", f"{years} years, {profile.seniority}")
    # (in words, as the match page says it: it printed "phd (PhD)" and "none-stated")
    table.add_row("[bold]Degree[/bold]", safe(fact_words("degree", profile.degree))
                  + (" (a PhD under way, not yet held)" if profile.phd_under_way else ""))
    table.add_row("[bold]Specialisations[/bold]", ", ".join(profile.specialisations) or "-")
    arch = ", ".join(f"{a} {p:.0%}" for a, p in list(profile.archetypes.items())[:3])
    table.add_row("[bold]Archetypes[/bold]", arch or f"none (reads as no ML/data or software role: "
                                                      f"not-ml {profile.not_ml:.0%})")
    table.add_row("[bold]Skills[/bold]", ", ".join(profile.skills) or "-")
    implied = implied_skills(profile.skills)
    if implied:  # (held for matching: ``match.held_skills``)
        table.add_row("[bold]Implied[/bold]", safe(", ".join(
            f"{parent} (from {', '.join(kids)})" for parent, kids in implied.items())))
    table.add_row("[bold]Years by skill[/bold]", _years_by_skill(profile))
    console.print(table)


def _years_by_skill(profile: Profile) -> str:
    """The years stated with skills, then those read from the dated roles that name them (a
    lower bound): "PyTorch 6; from dated roles, at least: Excel 1, R 4"."""
    dated = set(profile.skill_years_dated)
    stated = ", ".join(f"{s} {y}" for s, y in profile.skill_years.items() if s not in dated)
    roles = ", ".join(f"{s} {y}" for s, y in profile.skill_years.items() if s in dated)
    roles = f"from dated roles, at least: {roles}" if roles else ""
    return "; ".join(part for part in (stated, roles) if part) or "- (none stated)"


@app.command("profile")
def profile_cmd(
    resume: Path = typer.Argument(..., help=_RESUME_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show what mljobs reads from a resume: skills, years, degree, level, archetypes."""
    with handle_errors():
        profile, notes = _profile(resume)
        if as_json:
            from mljobs.match import profile_json

            print_json({**profile_json(profile), "notes": notes})
        else:
            _render_profile(profile)
            _print_notes(notes)


def _render_matches(matches: list[Match], none_passed: str) -> None:
    """The ranked postings, each with its pay when it has one (``posting_view.list_pay``);
    ``none_passed``: what to say when postings were indexed but none passed the filters."""
    from mljobs.posting_view import posting_pay

    if not matches:
        console.print(none_passed or "No postings to rank. Import some with `mljobs import`, "
                      "or use --within.", highlight=False)
        return
    for n, m in enumerate(matches, 1):
        p = m.posting
        title = p.title if len(p.title) <= 70 else p.title[:69] + "…"
        console.print(f"[bold]{n:>2}. {m.score:5.1f}[/bold]  {safe(title)} · "
                      f"{safe(p.company or '-')}  [dim]{safe(m.id)}[/dim]", highlight=False)
        pay = posting_pay(p)
        if pay is not None:
            console.print(f"      {safe(pay_line(pay))}", highlight=False)
        parts = " ".join(f"{k} {v:.2f}" for k, v in m.breakdown.items())
        console.print(f"      [dim]{parts}[/dim]", highlight=False)
        console.print(f"      {safe(m.explanation)}", highlight=False, soft_wrap=True)


def _none_passed(indexed: int, within: Path | None, *options: str | None) -> str:
    """Why no posting was ranked though ``indexed`` were: the filters given, named."""
    if not indexed:
        return ""
    given = " ".join(f"{flag} {value}" for flag, value in
                     zip(("--archetype", "--remote", "--since"), options, strict=True) if value)
    pool = f"the {indexed:,} in {within}" if within is not None else f"the {indexed:,} in the store"
    kind = "posting" if within is not None else "open posting"
    if not given:
        return f"No {kind} among {safe(pool)}."
    return f"No {kind} of {safe(pool)} passes {safe(given)}; loosen the filters."


@app.command("match")
def match_cmd(
    resume: Path = typer.Argument(..., help=_RESUME_HELP),
    archetype: str | None = typer.Option(None, "--archetype", help="Only this archetype."),
    remote: str | None = typer.Option(None, "--remote", help="remote, hybrid or onsite."),
    since: str | None = typer.Option(None, "--since",
                                     help="Posted within (7d, 4w, 6m, 1y) or since a date."),
    limit: int = typer.Option(10, "--limit", min=1, help="How many results."),
    within: Path | None = typer.Option(None, "--within", help=_WITHIN_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Rank open postings for a resume: 0-100 score, breakdown, matched and missing skills."""
    with handle_errors():
        from mljobs.match import Filters, implied_skills, rank, target_archetype, target_remote

        remote = target_remote(remote)  # any case, as search takes it
        archetype = target_archetype(archetype)
        profile, notes = _profile(resume, "match")
        filters = Filters(archetype=archetype, remote=remote,
                          since=parse_since(since, at=now()), open_only=within is None)
        with _index(within, db) as index:
            matches = rank(profile, index, limit=limit, filters=filters)
            indexed = len(index)
        if as_json:
            print_json({"results": [m.to_json() for m in matches],
                        "implied_skills": implied_skills(profile.skills), "notes": notes})
        else:
            _print_notes(notes)
            _render_matches(matches, _none_passed(indexed, within, archetype, remote, since))


def _render_gaps(target: str, total: int, gaps: list[Gap], years: list[YearsGap],
                 nice_years: list[YearsGap]) -> None:
    from mljobs.match import gap_min_postings, shows_years

    console.print(f"[bold]{target}[/bold]: {total:,} open posting{'' if total == 1 else 's'}")
    if total == 0:  # (as the match page says: no demand to read gaps from, not "no gaps")
        console.print("No open postings of it in this store to learn from yet: sync or import "
                      "postings, or choose another --archetype.")
        return
    least = gap_min_postings(total)
    if not gaps:
        console.print(f"No gaps: you list every skill that {least} or more of these postings "
                      "require." if total > 1 else "No gaps: you list every skill it requires.")
    else:
        if total > 1:
            console.print(f"Skills {least} or more of them require that your resume does not list:")
        table = Table("learn next")
        table.add_column("share of postings", justify="right")
        table.add_column("postings", justify="right")
        for gap in gaps:
            table.add_row(safe(gap.skill), f"{gap.share:.0%}", f"{gap.postings:,}")
        console.print(table)
    for found, asked in ((years, "ask"), (nice_years, "list as nice to have and ask")):
        if not found:
            continue
        console.print(f"Skills you list that {least} or more of them {asked} more years of than "
                      "your resume shows:")
        more = Table("more years of" if found is years else "more years of (nice to have)")
        for column in ("asked (median)", "your resume shows", "postings"):
            more.add_column(column, justify="right")
        for short in found:
            more.add_row(safe(short.skill), f"{short.asked:g}+",
                         shows_years(short.held, short.source, sentence=False),
                         f"{short.postings:,} ({short.share:.0%})")
        console.print(more)


@app.command("gaps")
def gaps_cmd(
    resume: Path = typer.Argument(..., help=_RESUME_HELP),
    archetype: str | None = typer.Option(None, "--archetype", help="Target archetype "
                                         "(default: the one the resume fits best)."),
    limit: int = typer.Option(15, "--limit", min=1, help="How many skills."),
    within: Path | None = typer.Option(None, "--within", help=_WITHIN_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """What to learn next: skills postings of your target archetype require that you lack."""
    with handle_errors():
        from mljobs.match import gaps_json, skill_gaps, target_archetype, years_gaps

        archetype = target_archetype(archetype)
        profile, notes = _profile(resume, "gaps")
        with _index(within, db) as index:
            target, total, gaps = skill_gaps(profile, index, archetype, limit)
            years = years_gaps(profile, index, target, limit)
            nice_years = years_gaps(profile, index, target, limit, nice=True)
        if as_json:
            print_json({**gaps_json(target, total, gaps, years, nice_years), "notes": notes})
        else:
            _print_notes(notes)
            _render_gaps(target, total, gaps, years, nice_years)


@app.command("eval-match")
def eval_match_cmd(
    dev: bool = typer.Option(False, "--dev", help="Use the match-dev set beside the repo."),
    path: Path | None = typer.Option(None, "--path", help="A match-dev-shaped folder."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """nDCG@10 of resume matching on judged pools, next to BM25 and Resume-Matcher baselines."""
    with handle_errors():
        from mljobs.match_eval import METHODS, PersonaResult, evaluate_dev

        if dev and path is not None:  # (--path won, unsaid)
            raise ConfigError(f"Give --dev or --path, not both (--path {path} was given).")
        folder = path or (default_dev() if dev else None)
        if folder is None:
            raise ConfigError("Give --dev (../shared/data/eval/match-dev) or --path FOLDER.")
        table = Table("persona", *METHODS)

        def row(result: PersonaResult) -> None:
            table.add_row(safe(result.persona), *(f"{result.scores[m]:.3f}" for m in METHODS))

        report = evaluate_dev(folder, now=now(), on_persona=None if as_json else row)
        if as_json:
            print_json(report.to_json())
            return
        table.add_row("[bold]overall[/bold]", *(f"[bold]{report.mean(m):.3f}[/bold]"
                                                 for m in METHODS))
        console.print(table)
        best = max(report.mean("bm25"), report.mean("resume-matcher"))
        console.print(f"mljobs - best baseline = {report.mean('mljobs') - best:+.3f}")
