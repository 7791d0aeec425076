"""Store commands: import, search, show, stats, reindex (``demo`` is in ``demo_cmd``)."""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from mljobs import config as cfg
from mljobs.cli.app import (
    app,
    console,
    err_console,
    handle_errors,
    now,
    print_json,
    remove_store,
    say_index_build,
    say_index_wait,
    say_understanding,
    sigterm_as_ctrl_c,
    stopped_code,
    store_from,
    store_to_make,
)
from mljobs.cli.render import (
    closed_roles_line,
    counts_table,
    linked_line,
    not_jobs_line,
    render_posting,
    render_search,
    replaced_line,
    safe,
    skipped_line,
)
from mljobs.errors import ConfigError, InputError, QueryError, clip
from mljobs.importer import FileReport, import_file
from mljobs.index import (
    FACET_FIELDS,
    SearchQuery,
    index_path,
    open_for_search,
    open_index,
    refresh_index,
    writer_record,
)
from mljobs.pipeline import (
    default_enricher,
    enrich_store_command,
    fill_commands,
    store_command,
    understanding,
)
from mljobs.posting_view import (
    duplicates_of,
    list_pays,
    other_roles,
    posting_json,
    roles_named,
    split_roles,
)
from mljobs.search import (
    found_as_stored,
    index_busy_line,
    index_left_line,
    resolve_values,
    search_json,
    store_values,
    suggest_query,
    unknown_value_note,
    without_since,
)
from mljobs.search import parse_since as shared_parse_since
from mljobs.sources.files import (
    NOTHING_IN_FOLDER,
    READ_TYPES,
    detect_format,
    folder_contents,
)
from mljobs.sources.jsonld import JsonLd
from mljobs.store import SQLiteStore, default_demo_db_path


def _count_rows(path: Path) -> int | None:
    """The file's lines, for the progress bar; None for a named pipe (``<(zcat ...)``): read
    here, it would be empty when the import opens it again, which then waited for ever."""
    try:
        if path.suffix.lower() in (".jsonl", ".ndjson", ".csv") and path.is_file() \
                and path.stat().st_size < 2**31:
            with path.open("rb") as fh:
                return sum(1 for _ in fh)
    except OSError:
        return None
    return None


def _advance(progress: Progress, task: TaskID, n: int) -> None:
    progress.advance(task, n)


_NOT_STDIN = ("-: import reads files, not standard input; save the rows to a file, or give the "
              "command's output as one: `mljobs import --format jsonl <(command)`")  # (it said
# "-: no such file; check the path")


def _import_problem(path: Path) -> str | None:
    """Why ``import`` can take nothing from ``path`` (no such file, a type it cannot read,
    a folder with no file it reads: a folder with one is expanded before), or None."""
    if str(path) == "-" and not path.exists():
        return _NOT_STDIN
    if not path.exists():
        return f"{path}: no such file; check the path"
    if path.is_dir():
        return f"{path}: {NOTHING_IN_FOLDER}"
    try:
        detect_format(path)
    except InputError as exc:
        return str(exc)
    return None


@app.command("import")
@sigterm_as_ctrl_c()
def import_cmd(
    files: list[Path] = typer.Argument(
        ..., help="JSONL, JSON or CSV files (JobSpy CSV too), careers pages saved from a "
        "browser (.html, .mhtml), or folders of them."),
    strict: bool = typer.Option(False, "--strict", help="Reject a whole file if any row is bad."),
    fmt: str | None = typer.Option(None, "--format", help="Force jsonl, json, csv or html."),
    source: str = typer.Option("file", "--source", help="Source name for rows without one."),
    no_enrich: bool = typer.Option(False, "--no-enrich", help="Skip the understanding step."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Import postings from files into the store; importing a file again changes nothing.

    A row an older mljobs understood is understood again when it is imported again.
    """
    with handle_errors():
        if not source.strip():  # the postings' ids would start with ":" and name no source
            raise ConfigError(f"--source {source!r}: give the rows' source a name, e.g. "
                              "--source my-board (the default is file)")
        try:  # the rule `sources add --name` holds names to ("Bad Name!:a" was stored)
            cfg.validate_name(source)
        except ConfigError as exc:
            raise ConfigError(f"--source: {exc}, e.g. --source my-board") from None
        # checked before the store is made: a mistyped --format or file name left an empty
        # store behind (docs/cli.md: a mistyped path creates nothing)
        if fmt is not None:
            if fmt.strip().lower() not in ("jsonl", "json", "csv", "html"):
                raise ConfigError(f"--format {fmt!r}: use jsonl, json, csv or html")
            fmt = fmt.strip().lower()
        if not any(path.exists() for path in files):
            if any(str(path) == "-" for path in files):
                raise InputError(_NOT_STDIN)
            raise InputError("; ".join(f"{path}: no such file" for path in files)
                             + "; check the path")
        folder = next((path for path in files if path.is_dir()), None)
        if fmt is not None and folder is not None:  # (it read every file in it as that)
            raise ConfigError(f"--format {fmt} with the folder {folder}: a folder's files are "
                              "read by their names (.jsonl, .json, .csv, .html, .mhtml ...); "
                              f"leave out --format, or pass the files to read as {fmt}")
        # a folder is the files in it that import reads (a folder of saved pages); one with
        # none stays, and is rejected saying so
        expanded: list[Path] = []
        for path in files:
            found, skipped = folder_contents(path) if path.is_dir() else ([path], [])
            expanded += found or [path]
            if found and skipped:  # (a folder's other files were passed over without a word)
                kinds = sorted({p.suffix.lower() or "no extension" for p in skipped})
                err_console.print(
                    f"[yellow]note[/yellow] {safe(str(path))}: skipped {len(skipped)} "
                    f"file{'s' if len(skipped) > 1 else ''}: {safe(', '.join(kinds))} "
                    f"(import reads {READ_TYPES}, and .gz of them)",
                    highlight=False, soft_wrap=True)
        files = expanded
        if fmt is None:  # no file of a type that can be imported: no store made either
            # (one file to import is enough: the import reports the others)
            problems = [_import_problem(path) for path in files]
            if all(problems):
                raise InputError("; ".join(filter(None, problems)))
        # a store this run makes and puts no posting in is removed, with the folders made
        # for it (a folder of pages none of which reads left an empty store that search then
        # read); a store named in bytes that are no UTF-8 text is refused here
        new = store_to_make(db)
    stayed_empty, failed = _import_files(files, db=db, fmt=fmt, strict=strict, source=source,
                                         no_enrich=no_enrich, made=bool(new))
    if stayed_empty:
        remove_store(new)
    if failed:
        raise typer.Exit(1)


def _import_files(files: list[Path], *, db: Path | None, fmt: str | None, strict: bool,
                  source: str, no_enrich: bool, made: bool) -> tuple[bool, bool]:
    """``import_cmd``'s import of ``files`` into the store (``made``: this run makes it);
    return whether it stayed empty (made by this run, and no posting went in: the caller
    removes it) and whether a file was rejected or had bad rows."""
    with handle_errors(), store_from(db, create=True) as store:
        enricher = None if no_enrich else default_enricher()
        # what an import or sync stopped before linking stored (found unchanged now)
        owed = store.begin_linking()
        reports: list[FileReport] = []
        stamp = now()
        pages = JsonLd(respect_robots=False)  # (the saved pages' reader: one a run)
        with Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), console=err_console, transient=True,
        ) as progress:
            for number, path in enumerate(files):
                task = progress.add_task(path.name, total=_count_rows(path))
                try:
                    report = import_file(
                        store, path, now=stamp, fmt=fmt, strict=strict, default_source=source,
                        enricher=enricher, pages=pages,
                        on_progress=functools.partial(_advance, progress, task),
                    )
                except InputError as exc:
                    report = FileReport(path=str(path), rejected=True)
                    err_console.print(f"[bold red]InputError:[/bold red] {safe(str(exc))}",
                                      highlight=False)
                except KeyboardInterrupt:  # it printed nothing at all
                    progress.stop()
                    _import_interrupted(path, len(files) - number - 1)
                reports.append(report)
        # made by this run, and nothing went in: it goes (no index is made beside it)
        stayed_empty = made and not store.count()
        if not stayed_empty:
            from mljobs.dedupe import (  # numpy + rapidfuzz: load only when needed
                link_duplicates,
                settle_canonicals,
            )

            changed = owed + [pid for r in reports for pid in r.changed_ids]
            try:
                with console.status("Linking duplicates and updating the search index..."):
                    linked = link_duplicates(store, changed)
                    settle_canonicals(store)  # (a cluster's shown posting closed or reopened)
                    store.end_linking()
                    busy = refresh_index(store, on_wait=say_index_wait)
            except KeyboardInterrupt:  # it printed nothing
                _print_import_summary(reports, strict=False)
                err_console.print(
                    "[yellow]Interrupted[/yellow] while linking duplicates or updating the "
                    "search index: every row is stored; the next import or sync links them, and "
                    "the next search brings the index up to date.", highlight=False,
                    soft_wrap=True)
                raise typer.Exit(stopped_code()) from None
            if linked.linked or linked.unlinked:
                console.print(linked_line(linked.linked, linked.clusters, linked.unlinked))
            if busy is not None:  # (the store is written: not an error)
                err_console.print(f"[yellow]note[/yellow] "
                                  f"{safe(index_left_line(busy))}",
                                  highlight=False, soft_wrap=True)
        _print_import_summary(reports, strict)
        # (an empty store's postings were understood by no version: it says nothing)
        say_understanding(understanding(store.enrichment_versions()), store.path)
        return stayed_empty, any(r.rejected or r.errors for r in reports)


def _import_interrupted(path: Path, after: int) -> NoReturn:
    err_console.print(
        f"[yellow]Interrupted[/yellow] while importing {safe(str(path))}"
        + (f" ({after} more file{'s' if after > 1 else ''} not started)" if after else "")
        + ": the rows written before are stored (500 to a transaction), and duplicates are "
        "linked at the next import or sync. Run the same `mljobs import` again to finish: "
        "rows already stored stay as they are.", highlight=False, soft_wrap=True)
    raise typer.Exit(stopped_code())


def _print_import_summary(reports: list[FileReport], strict: bool) -> None:
    for report in reports:
        for err in report.errors[:50]:
            err_console.print(f"[red]bad row[/red] {safe(str(err))}", highlight=False,
                              soft_wrap=True)
        if len(report.errors) > 50:
            err_console.print(f"[red]... and {len(report.errors) - 50} more bad rows[/red]")
        for note in report.notes[:50]:
            err_console.print(f"[yellow]note[/yellow] {safe(str(note))}", highlight=False,
                              soft_wrap=True)
        if len(report.notes) > 50:
            err_console.print(f"[yellow]... and {len(report.notes) - 50} more notes[/yellow]")
    table = Table(title="Import summary")
    for col in ("file", "rows", "new", "updated", "unchanged", "bad rows", "result"):
        table.add_column(col, justify="right" if col not in ("file", "result") else "left")
    for r in reports:
        result = (
            "[red]rejected[/red]" if r.rejected
            # every row was bad: "partial" read as if some had landed
            else "[red]no rows imported[/red]" if r.errors and not r.new + r.updated + r.unchanged
            else "[yellow]partial[/yellow]" if r.errors else "[green]ok[/green]"
        )
        table.add_row(safe(Path(r.path).name), *(f"{n:,}" for n in (
            r.rows, r.new, r.updated, r.unchanged, r.failed)), result)
    if any(r.new + r.updated + r.unchanged > r.rows - r.failed for r in reports):
        table.caption = ("new, updated and unchanged count postings: a post that lists "
                         "several roles is one posting per role")
    console.print(table)
    seekers = sum(r.seekers for r in reports)
    not_posts = sum(r.not_posts for r in reports)
    if seekers or not_posts:
        console.print(f"{skipped_line(seekers, not_posts)} (Hacker News comments, not job postings)")
    if not_jobs := sum(r.closed_not_jobs for r in reports):  # (stored as jobs by an older mljobs)
        console.print(not_jobs_line(not_jobs, seekers, not_posts), highlight=False)
    if replaced := sum(r.replaced for r in reports):  # (stored whole by --no-enrich before)
        console.print(replaced_line(replaced), highlight=False)
    if closed := sum(r.closed for r in reports):  # (their post's text changed)
        console.print(closed_roles_line(closed), highlight=False)
    if strict and any(r.rejected for r in reports):
        console.print("--strict: files with bad rows were not imported; fix them and re-run.")


def parse_since(value: str | None, *, at: datetime) -> datetime | None:
    """``--since``: ``7d``, ``4w``, ``6m``, ``1y`` or a date (see ``mljobs.search``)."""
    try:
        return shared_parse_since(value, now=at)
    except QueryError as exc:
        raise ConfigError(f"--since: {exc}") from None


def parse_filters(pairs: list[str]) -> dict[str, list[str]]:
    """``field=value`` pairs (repeatable) into a filter dict."""
    out: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not value.strip():
            raise ConfigError(f"--filter {pair!r}: write it as field=value, e.g. archetype=research-scientist")
        if key not in FACET_FIELDS:
            raise ConfigError(f"--filter {clip(key)!r}: unknown field; known: {', '.join(FACET_FIELDS)}")
        out.setdefault(key, []).append(value.strip())
    return out


_OPTION = {"source": "--source", "remote": "--remote", "company": "--company",
           "archetype": "--archetype", "skills": "--skill"}


def unknown_values_message(unknown: list[tuple[str, str, list[str]]],
                           known: dict[str, list[str]],
                           by_filter: frozenset[tuple[str, str]] = frozenset()) -> str:
    """Name the filter values no posting has (a value that differs only in case is not one:
    ``resolve_values`` respells it), as the user gave them (``by_filter``: the (field, value)
    pairs given as ``--filter field=value`` rather than by an option such as ``--source``),
    with the values the store has: all of a short list, else the closest."""
    parts = []
    for name, value, close in unknown:
        given = (f"--filter {name}={value}" if name not in _OPTION or (name, value) in by_filter
                 else f"{_OPTION[name]} {value}")
        parts.append(f"{clip(given, 80)}: {unknown_value_note(name, value, close, known)}")
    return "\n".join(parts)


def _choice(option: str, value: str, choices: tuple[str, ...]) -> str:
    """An option's value among ``choices``, in any case (as filter values are taken)."""
    folded = value.strip().lower()
    if folded not in choices:
        raise ConfigError(f"{option} {value!r}: use {' or '.join(choices)}")
    return folded


@app.command()
def search(
    query: str = typer.Argument("", help='Words, "phrases", -exclude, a OR b, py* (prefix), title:x, company:x. Empty: everything.'),
    source: list[str] = typer.Option([], "--source", help="Only these sources (repeatable)."),
    remote: list[str] = typer.Option([], "--remote", help="remote, hybrid, onsite, unknown."),
    company: list[str] = typer.Option([], "--company", help="Exact company name (any case)."),
    archetype: list[str] = typer.Option([], "--archetype", help="An archetype slug."),
    skill: list[str] = typer.Option([], "--skill", help="A skill name as the facets list it (any case)."),
    filters: list[str] = typer.Option([], "--filter", help="Any facet: field=value."),
    since: str | None = typer.Option(None, "--since", help="Posted within (7d, 4w, 6m, 1y) or since a date."),
    salary_min: float | None = typer.Option(
        None, "--salary-min", min=0, max=1e9, help="Yearly pay in US dollars reaches at least this "
        "(the top of its range; hourly and monthly pay made yearly; pay in other currencies "
        "never does), as the web's minimum salary."),
    sort: str = typer.Option("relevance", "--sort", help="relevance or date."),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="How many hits to show."),
    offset: int = typer.Option(0, "--offset", min=0,
                               help="Skip this many hits first (the next page: --offset 10)."),
    facets: bool = typer.Option(False, "--facets", help="Also print facet counts."),
    facet: list[str] = typer.Option(
        [], "--facet", help="Also count this facet (repeatable): seniority, visa, phd, "
        "specialisation, month... (the web's facets), with --facets or --json."),
    as_json: bool = typer.Option(False, "--json", help="Print stable JSON (see docs/cli.md)."),
    engine: str = typer.Option("tantivy", "--engine", help="tantivy or fts5."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Full-text search with filters, ranked by BM25, with highlighted snippets."""
    with handle_errors(), store_from(db) as store:
        flt = parse_filters(filters)
        by_filter = frozenset((name, v) for name, values in flt.items() for v in values)
        sort, engine = _choice("--sort", sort, ("relevance", "date")), engine.strip().lower()
        for name, values in (("source", source), ("remote", remote), ("company", company),
                             ("archetype", archetype), ("skills", skill)):
            if values:
                flt.setdefault(name, []).extend(values)
        asked = [" ".join(f.split()).lower() for f in facet]
        for given, name in zip(facet, asked, strict=True):
            # (here, not the engine's "unknown filter or facet" once the index was built)
            if name not in FACET_FIELDS:
                raise ConfigError(f"--facet {clip(given)!r}: unknown facet; known: "
                                  f"{', '.join(FACET_FIELDS)}")
        q = SearchQuery(
            text=query, filters=flt, posted_since=parse_since(since, at=now()),
            salary_min=salary_min, sort=sort,  # type: ignore[arg-type]
            limit=limit, offset=offset,
            # (the four, and any other the web lists: seniority, visa... had no count here)
            facets=tuple(dict.fromkeys(("archetype", "remote", "source", "skills", *asked)))
            if (facets or facet or as_json) else (),
        )
        stage: list[str] = []  # ("wait", then "build": what a Ctrl-C stopped)

        def on_wait(line: str) -> None:
            stage.append("wait")
            say_index_wait(line)

        def on_build(count: int) -> None:
            stage.append("build")
            say_index_build(count)

        try:
            index, busy = open_for_search(store, engine, on_build=on_build, on_wait=on_wait)
        except KeyboardInterrupt:  # (it exited 130 with no word, the wait's line the last)
            err_console.print(_search_stopped_line(store, engine, stage[-1:] == ["wait"]),
                              highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(stopped_code()) from None
        try:
            # (search first: the store's spellings are asked for only when a filter value
            # may not be spelt as the store spells it, or no posting has it)
            result = index.search(q)
            resolved = found_as_stored(flt, result.total) if flt else flt
            if resolved is None:
                known = store_values(index, sorted(flt))
                resolved, unknown = resolve_values(flt, known)
                if unknown:
                    raise ConfigError(unknown_values_message(unknown, known, by_filter))
                if resolved != flt:
                    q.filters = resolved
                    result = index.search(q)
            q.filters = resolved
            before = None
            if not result.total and q.posted_since is not None and not as_json:
                # "0 postings match" alone reads as "nothing about this": say what --since hid
                before = without_since(index, q)
            # a misspelt skill or company ("pytorh"): the spelling the store has
            suggestion = (suggest_query(index, q) if not result.total and q.text.strip()
                          and not as_json else None)
        finally:
            index.close()
        if busy is not None:  # (stderr: the --json output stays whole)
            err_console.print(f"[yellow]note[/yellow] "
                              f"{safe(index_busy_line(busy.path, results=True))}",
                              highlight=False, soft_wrap=True)
        pays = list_pays(store, [h.id for h in result.hits])
        if as_json:
            print_json(search_json(q, result, pays=pays))
        else:
            render_search(console, q, result, pays,
                          store.company_spellings(q.filters.get("company", [])),
                          linked=store.holds_links())
            if not result.total and not store.count():
                fill = [f"`{c}`" for c in fill_commands(store.path)]
                console.print(f"The store {safe(str(store.path))} holds no postings yet; load "
                              f"some with {fill[0]}, {fill[1]} or {fill[2]}.",
                              highlight=False, soft_wrap=True)
            if before is not None and before.total and q.posted_since is not None:
                newest = before.hits[0].posted_at
                console.print(
                    f"None posted since {q.posted_since:%Y-%m-%d} (--since {since}); without "
                    f"--since {before.total:,} match"
                    # date sort puts undated postings last: no date on the first, none dated
                    + (f", the newest posted {newest:%Y-%m-%d}" if newest
                       else ", none of them with a posted date") + ".",
                    highlight=False)
            if suggestion is not None:
                console.print(f"Did you mean {safe(suggestion[0])}? ({suggestion[1]:,} "
                              + ("posting matches" if suggestion[1] == 1 else "postings match")
                              + " it)", highlight=False, soft_wrap=True)


def _in_the_demo(store: SQLiteStore, posting_id: str) -> str | None:
    """How to show ``posting_id`` when the demo store holds it and ``store`` is another (the
    README's tour shows a demo id, then unsets ``MLJOBS_DB``: `show` of that id then said
    only "no posting ... find ids with `mljobs search`"). The demo store is read, not opened
    as a store: nothing in it is written."""
    import shlex
    import sqlite3

    demo = default_demo_db_path()
    if not demo.is_file() or demo.resolve() == Path(store.path).resolve():
        return None
    try:
        # (timeout 0: a demo store another mljobs holds locked, `demo` rebuilding it, held
        # show's own error 5 s, sqlite3's default wait, for a hint it then left out)
        read = sqlite3.connect(f"{demo.as_uri()}?mode=ro", uri=True, timeout=0)
    except sqlite3.Error:
        return None
    try:
        held = read.execute("SELECT 1 FROM postings WHERE id = ?", (posting_id,)).fetchone()
    except sqlite3.Error:  # (a demo store another mljobs is writing, or of another shape)
        return None
    finally:
        read.close()
    if held is None:
        return None
    return (f"the demo store holds it: `mljobs --db {shlex.quote(str(demo))} show "
            f"{shlex.quote(posting_id)}`")


@app.command()
def show(
    posting_id: str = typer.Argument(..., help="A posting id (source:id), or a corpus id like hn-123."),
    as_json: bool = typer.Option(False, "--json", help="Print the posting as JSON."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Show one posting: facts, archetype with evidence, skills, change history."""
    with handle_errors(), store_from(db) as store:
        if not posting_id.strip():  # (it said "no posting ''", as if '' were an id)
            raise InputError("no posting id given: show takes an id such as hackernews:46467172 "
                             "or hn-46467172; find ids with `mljobs search`")
        resolved = store.resolve_id(posting_id)
        if resolved is None and (roles := split_roles(store, posting_id)):
            raise InputError(f"{posting_id} was split into one posting per role; show one of: "
                             + roles_named(roles))
        if resolved is None:
            others = other_roles(store, posting_id)  # (a role its post does not have)
            raise InputError(f"no posting {clip(posting_id)!r} in {store.path}; "
                             + (others or _in_the_demo(store, posting_id)
                                or "find ids with `mljobs search`"))
        posting = store.get(resolved)
        assert posting is not None
        if as_json:
            # (the same job's other ids and its history, as the text and /api/postings/{id}
            # give them)
            print_json(posting_json(store, posting))
        else:
            render_posting(console, posting, store.changes(resolved),
                           duplicates_of(store, posting))


@app.command()
def stats(
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Counts of the store: by source, status, month, remote, archetype; top companies."""
    with handle_errors(), store_from(db) as store:
        data = store.stats()
        data["db"] = store.path
        told = understanding(data["by_enrichment_version"])
        data.update(told.stats_fields())
        if as_json:
            print_json(data, ranked=True)
            return
        console.print(f"[bold]{data['postings']:,}[/bold] postings in {safe(str(store.path))}"
                      + (f" ({data['canonical']:,} after linking reposts and duplicates, as "
                         "search and the web app count them; the tables below count every "
                         "posting, but the last, by company, each job once)" if data["canonical"] != data["postings"] else ""))
        # postings the understanding step has not seen have no archetype: the table left
        # them out (a store imported with --no-enrich had no archetype table at all), so its
        # counts did not add up to the postings; the dashboard names them so too
        unseen = data["postings"] - sum(data["by_archetype"].values())
        for key, title in (("by_source", "source"), ("by_status", "status"),
                           ("by_month", "month"), ("by_remote", "remote"),
                           ("by_archetype", "archetype"), ("top_companies", "company"),
                           ("top_companies_linked", "company, each job once")):
            if key == "top_companies_linked" and data["canonical"] == data["postings"]:
                continue  # (the table above, to the count)
            rows = dict(data[key])
            if key == "by_archetype" and unseen > 0:
                rows["not yet understood"] = unseen
            if rows:
                table = counts_table(f"by {title}")
                for name, count in rows.items():
                    table.add_row(safe(str(name)), f"{count:,}")
                console.print(table)
        if unseen > 0:
            # (with --db when the store is not the default: the bare command understood
            # another store's postings)
            console.print(f"{unseen:,} postings not yet understood (no archetype, skills or "
                          f"facets): run `{enrich_store_command(store.path)}` to understand "
                          "them.", highlight=False, soft_wrap=True)
        say_understanding(told, store.path)
        console.print(
            f"{data['raw_documents']:,} raw documents kept, {data['changes']:,} change records, "
            f"{data['parse_failures']:,} parse failures"
        )


def _search_stopped_line(store: SQLiteStore, engine: str, waiting: bool) -> str:
    """What a search stopped by Ctrl-C before it searched says: while it ``waiting`` for
    another process that writes the index (``say_index_wait``), or while it brought the index
    up to date (a build is written whole or not at all)."""
    where = index_path(store, engine)
    again = store_command(store.path, "reindex" + (
        f" --engine {engine}" if engine != "tantivy" else ""))
    if waiting:
        who = writer_record.holder(where)
        return (f"Interrupted: the search stopped while it waited for another mljobs process "
                f"that writes the search index at {where}; nothing was searched, and the store "
                f"and the search index are as they were; search again once that process is "
                f"done{f' ({who})' if who else ''}.")
    return (f"Interrupted: the search stopped while it brought the search index at {where} up "
            f"to date; nothing was searched, and the index is as it was before (it is written "
            f"whole or not at all); the next search (or `{again}`) brings it up to date.")


@app.command()
@sigterm_as_ctrl_c()
def reindex(
    engine: str = typer.Option("tantivy", "--engine", help="tantivy or fts5."),
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Rebuild the search index from the store (it is derived data)."""
    with handle_errors(), store_from(db) as store:
        engine = engine.strip().lower()
        index = open_index(store, engine, sync=False)
        try:
            with console.status("Rebuilding the index..."):
                count = index.rebuild(store, on_wait=say_index_wait)
        except KeyboardInterrupt:  # (SIGTERM too) it said nothing, and left no word of the index
            again = store_command(store.path, "reindex" + (
                f" --engine {engine}" if engine != "tantivy" else ""))
            err_console.print(f"Interrupted: the {engine} search index is as it was before "
                              f"this reindex (a rebuild is written whole or not at all); "
                              f"`{again}` rebuilds it.", highlight=False, markup=False,
                              soft_wrap=True)
            raise typer.Exit(stopped_code()) from None
        finally:
            index.close()
        console.print(f"indexed {count:,} postings with {engine}")
