"""``mljobs sources add/list/remove`` and ``mljobs sync``."""

from __future__ import annotations

import dataclasses
import os
import shlex
import sys
import typing
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, cast

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from mljobs import config as cfg
from mljobs.cli.app import (
    FlagsGroup,
    app,
    console,
    err_console,
    handle_errors,
    now,
    print_json,
    remove_store,
    say_index_wait,
    say_understanding,
    sigterm_as_ctrl_c,
    stopped_code,
    store_from,
    store_to_make,
)
from mljobs.cli.core import parse_since
from mljobs.cli.render import (
    linked_line,
    not_jobs_line,
    reopened_line,
    replaced_line,
    safe,
    skipped_line,
)
from mljobs.errors import ConfigError, clip
from mljobs.http import HttpClient
from mljobs.mlfilter import from_config
from mljobs.pipeline import Understanding, understanding
from mljobs.sources import SOURCES, source_class
from mljobs.sources.base import Window

if typing.TYPE_CHECKING:  # (the sync machinery, dedupe's numpy with it, loads when `sync` runs)
    from mljobs.sync import SourceReport, SyncInterrupted, SyncOptions, SyncReport

sources_app = typer.Typer(help="Configure where `mljobs sync` collects postings from.",
                          no_args_is_help=True, cls=FlagsGroup)
app.add_typer(sources_app, name="sources")

CONFIG_OPTION = typer.Option(
    None, "--config", envvar="MLJOBS_SOURCES",
    help="The sources file (default: sources.toml in your user config folder).",
)


def _config_path(path: Path | None) -> Path:
    return (path or cfg.default_path()).expanduser()  # ("~" as a shell leaves it)


def _coerce(kind: str, key: str, text: str) -> Any:
    cls = source_class(kind)
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cast(Any, cls))}
    if key not in known:
        raise ConfigError(f"{kind} has no setting {clip(key)!r}; available: {', '.join(sorted(known))}")
    hint = str(hints.get(key, "str"))
    if hint.startswith("dict"):  # (companies: --set companies=leverdemo:Lever Demo)
        board, company = cls.named  # (an example pair of the source's)
        pairs = [x.partition(":") for x in text.split(",") if x.strip()]
        wrong = [n for n, (k, sep, v) in enumerate(pairs) if not sep or not k.strip() or not v.strip()]
        if wrong:
            n = wrong[0]
            comma = ""
            if n and not pairs[n][1] and n - 1 not in wrong:  # ("Lever Demo, Inc.": a name's comma)
                site, _, name = pairs[n - 1]
                rest = [k for k, _, _ in pairs[n:]]
                rest = rest[:next((i for i, (_, sep, _) in enumerate(pairs[n:]) if sep), len(rest))]
                named = ",".join([name.strip(), *rest]).strip()
                comma = (f"; a name with a comma goes in the config file: {key} = "
                         f"{cfg._value({site.strip(): named})}")
            raise ConfigError(f"{kind} setting {key}: {pairs[n][0].strip()!r} is not "
                              f"{cls.board_word}:name; write --set {key}={board}:{company} "
                              f"(pairs comma-separated){comma}")
        return {k.strip(): v.strip() for k, _, v in pairs}
    if hint.startswith("list"):
        items = [x.strip() for x in text.split(",") if x.strip()]
        if "int" not in hint:
            return items
        bad = [x for x in items if not x.isdigit()]
        if bad:  # a traceback (ValueError) before
            raise ConfigError(f"{kind} setting {key}: {bad[0]!r} is not a whole number (an "
                              f"item id, e.g. --set {key}=46466074)")
        return [int(x) for x in items]
    if hint.startswith("int") or hint == "<class 'int'>":
        try:
            return int(text)
        except ValueError:
            raise ConfigError(f"{kind} setting {key}: {text!r} is not a whole number") from None
    if "bool" in hint:  # anything else read as false would turn e.g. respect_robots off
        word = text.strip().lower()
        if word not in _TRUE + _FALSE:
            raise ConfigError(f"{kind} setting {key}: {text!r} is not true or false")
        return word in _TRUE
    return text


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


@sources_app.command("add")
def sources_add(
    kind: str = typer.Argument(..., help=f"Source type: {', '.join(SOURCES)}."),
    name: str | None = typer.Option(None, "--name", help="Entry name (default: the type)."),
    settings: list[str] = typer.Option(
        [], "--set", help="A setting as key=value; lists comma-separated "
        "(e.g. --set boards=anthropic,cohere)."),
    config: Path | None = CONFIG_OPTION,
) -> None:
    """Add a source entry to the config (or replace the entry of the same name)."""
    with handle_errors():
        path = _config_path(config)
        conf = cfg.load(path)
        values: dict[str, Any] = {}
        given: dict[str, str] = {}
        for item in settings:
            key, sep, text = item.partition("=")
            if not sep:
                raise ConfigError(f"--set {item!r}: write key=value (e.g. boards=anthropic)")
            if (key := key.strip()) in given:  # (the last one was kept, the others lost)
                raise ConfigError(
                    f"--set {key} is given twice ({given[key]!r}, then {text!r}); a setting "
                    f"takes one --set, a list comma-separated: --set {key}="
                    f"{','.join(filter(None, (given[key], text)))}")
            given[key] = text
            values[key] = _coerce(kind, key, text)
        entry = cfg.SourceEntry(name=cfg.validate_name(name or kind), type=kind, settings=values)
        # the values checked now, as sync would check them (units() is pure: no I/O), so that
        # `--set since=2024` is refused here, not at the next sync
        window = Window(today=now().date())
        units = entry.units(entry.build(), window)
        old = next((e for e in conf.sources if e.name == entry.name), None)
        conf.sources = [e for e in conf.sources if e.name != entry.name] + [entry]
        backup = cfg.save(conf, path)
        if old is None:
            console.print(f"Added source [bold]{safe(entry.name)}[/bold] ({kind}) to "
                          f"{safe(str(path))}")
        else:  # replacing an entry drops its settings: say which (it said "Added")
            console.print(
                f"Replaced source [bold]{safe(entry.name)}[/bold] in {safe(str(path))}; it was "
                f"{old.type} with {_settings(old.settings) or 'no settings'}, it is {kind} with "
                f"{_settings(entry.settings) or 'no settings'} (give another --name to keep "
                "both)", highlight=False, soft_wrap=True)
        for other, shared in _fetched_by_others(conf, entry, units, window):
            # (README and docs/sources.md each had the user add the same two boards under
            # another name: saved without a word, every sync fetched them twice)
            console.print(_twice_line(path if config else None, entry, other, shared),
                          highlight=False, soft_wrap=True)
        empty = _empty_lists(entry)
        if not units and empty:  # said at once, not at the next sync
            console.print(
                f"{safe(entry.name)} fetches nothing until its {' or '.join(empty)} list is "
                f"set: `mljobs sources add {kind} --name {safe(shlex.quote(entry.name))} "
                f"--set {empty[0]}=...`", highlight=False, soft_wrap=True)
        _say_backup(backup)


def _fetched_by_others(conf: cfg.Config, entry: cfg.SourceEntry, units: list[str],
                       window: Window) -> list[tuple[cfg.SourceEntry, list[str]]]:
    """The other enabled entries of ``entry``'s type that fetch some of its ``units`` from
    the same place (the same ``*_url`` settings, defaults read) with the same query (its
    ``query_fields``: two JobSpy searches of Indeed for other words were said to fetch
    "indeed" twice), each with those units."""
    def where(e: cfg.SourceEntry) -> dict[str, Any]:
        source = e.build()
        return {k: v for k, v in vars(source).items()
                if (k.endswith("_url") and isinstance(v, str)) or k in source.query_fields}

    found = []
    for other in conf.sources:
        if other.name == entry.name or other.type != entry.type or not other.enabled:
            continue
        try:
            if where(other) != where(entry):
                continue
            theirs = set(entry.units(other.build(), window))
        except ConfigError:  # (an entry the file holds wrong: sync names it)
            continue
        if shared := [u for u in units if u in theirs]:
            found.append((other, shared))
    return found


def _twice_line(config: Path | None, entry: cfg.SourceEntry, other: cfg.SourceEntry,
                shared: list[str]) -> str:
    """What ``sources add`` says of an entry that fetches what ``other`` fetches already, and
    how to fetch it once: ``other``'s list with the new entry's, when that is its only
    setting (``sources add`` of its name replaces it, settings and all); ``config``: the
    file ``--config`` named, which the commands name too."""
    at = f" --config {safe(shlex.quote(str(config)))}" if config else ""
    named = ", ".join(safe(clip(u, 60)) for u in shared[:5]) + (
        f" and {len(shared) - 5:,} more" if len(shared) > 5 else "")
    line = (f"[yellow]Note:[/yellow] {named} {'is' if len(shared) == 1 else 'are'} fetched by "
            f"source {safe(other.name)} ({other.type}) too, so each sync fetches "
            f"{'it' if len(shared) == 1 else 'them'} twice. To fetch each once, ")
    lists = [k for k, v in other.settings.items() if isinstance(v, list)]
    mine = entry.settings.get(lists[0]) if len(lists) == 1 else None
    if len(other.settings) == 1 and isinstance(mine, list) and len(entry.settings) == 1:
        key = lists[0]
        merged = ",".join(str(v) for v in dict.fromkeys([*other.settings[key], *mine]))
        return line + (
            f"keep one entry: `mljobs sources remove {safe(shlex.quote(entry.name))}{at}` "
            f"and `mljobs sources add {other.type} --name {safe(shlex.quote(other.name))} "
            f"--set {key}={safe(shlex.quote(merged))}{at}`.")
    return line + (f"change one of the two entries, or `mljobs sources remove "
                   f"{safe(shlex.quote(entry.name))}{at}`.")


@sources_app.command("list")
def sources_list(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    config: Path | None = CONFIG_OPTION,
) -> None:
    """List the configured sources and the source types available."""
    with handle_errors():
        path = _config_path(config)
        conf = cfg.load(path)
        if as_json:
            print_json({"config": str(path), "types": sorted(SOURCES),
                        "sources": [dataclasses.asdict(e) for e in conf.sources]})
            return
        if not conf.sources:  # an empty table said nothing about what to do
            console.print(
                f"No sources configured in {safe(str(path))}"
                + ("" if path.exists() else " (the file does not exist yet)")
                + "; add one with `mljobs sources add greenhouse --set boards=anthropic` "
                "(docs/sources.md).", highlight=False, soft_wrap=True)
            console.print(f"Types: {', '.join(sorted(SOURCES))}")
            return
        table = Table(title=f"Sources in {safe(str(path))}")
        for col in ("name", "type", "enabled"):
            table.add_column(col)
        table.add_column("settings", overflow="fold")  # a URL folded, never cut short
        for e in conf.sources:
            # as `sources add --set` takes them: boards=a,b (not Python's ['a', 'b'])
            table.add_row(safe(e.name), e.type, "yes" if e.enabled else "no",
                          safe(_settings(e.settings)))
        console.print(table)
        console.print(f"Types: {', '.join(sorted(SOURCES))}")


def _settings(settings: dict[str, Any]) -> str:
    """An entry's settings as `sources add --set` takes them: ``boards=a, b; base_url=...``."""
    return "; ".join(f"{k}={_setting(v)}" for k, v in settings.items())


def _setting(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):  # ("companies=leverdemo:Lever Demo", not Python's {'...': ...})
        return ", ".join(f"{k}:{v}" for k, v in value.items())
    return str(value).lower() if isinstance(value, bool) else str(value)


@sources_app.command("remove")
def sources_remove(
    name: str = typer.Argument(..., help="The entry to remove."),
    config: Path | None = CONFIG_OPTION,
) -> None:
    """Remove a source entry (postings already collected stay in the store)."""
    with handle_errors():
        path = _config_path(config)
        conf = cfg.load(path)
        conf.entry(name)
        conf.sources = [e for e in conf.sources if e.name != name]
        backup = cfg.save(conf, path)
        console.print(f"Removed source [bold]{safe(name)}[/bold] from {safe(str(path))}")
        _say_backup(backup)


def _say_backup(backup: Path | None) -> None:
    if backup is not None:  # the file is written anew: hand-written comments would be lost
        console.print(f"The file had comments, which the rewritten file does not keep; the "
                      f"file as it was is kept in {safe(str(backup))}", highlight=False,
                      soft_wrap=True)


def _enricher(enabled: bool) -> Any:
    if not enabled:
        return None
    from mljobs.pipeline import default_enricher

    try:
        return default_enricher()
    except ImportError:
        err_console.print("[yellow]Warning:[/yellow] enrichment is not available; "
                          "postings are stored without it.")
        return None


# what a sync writes: a store it made that holds none of it is removed (``remove_store``)
_FILLED_BY = ("postings", "raw_documents", "parse_failures", "http_cache")


@app.command()
@sigterm_as_ctrl_c()
def sync(
    source: list[str] = typer.Option(
        [], "--source", "-s", help="Only this configured source (repeatable)."),
    since: str | None = typer.Option(
        None, "--since", help="Posted within (7d, 4w, 6m, 1y) or since a date: skip older "
        "postings of general sources; Hacker News syncs every month from this date."),
    workers: int = typer.Option(4, "--workers", min=1, max=64, help="Units fetched at once."),
    enrich: bool = typer.Option(True, "--enrich/--no-enrich", help="Run the understanding step."),
    ml_filter: bool = typer.Option(True, "--filter/--no-filter",
                                   help="Keep only ML postings from general sources."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    config: Path | None = CONFIG_OPTION,
    db: Path | None = typer.Option(None, "--db", help="The store file."),
) -> None:
    """Collect postings from the configured sources into the store.

    Ends with new/updated/unchanged/closed/failed counts per source and exits 1
    if any source failed (the others are still synced).
    """
    from mljobs.sync import StoreValidators, SyncInterrupted, SyncOptions

    with handle_errors():
        path = _config_path(config)
        if config is not None and not path.exists():  # a mistyped --config read as empty
            raise ConfigError(f"--config {path}: no such file; check the path, or make it "
                              f"with `mljobs sources add ... --config {shlex.quote(str(path))}`")
        conf = cfg.load(path)
        # (a name given twice synced the source twice at once: each board fetched twice,
        # its errors said twice, its progress "2/1")
        entries = [conf.entry(n) for n in dict.fromkeys(source)] if source else \
            [e for e in conf.sources if e.enabled]
        if not entries:
            why = ("every source in it is disabled (enabled = false)" if conf.sources
                   else "it lists no sources" if path.exists() else "the file does not exist")
            raise ConfigError(f"no sources to sync in {path}: {why}; add one with "
                              "`mljobs sources add` (docs/sources.md)")
        try:  # (named by its file, as a source's values are; checked before the store opens)
            settings = conf.http_settings()
            keywords = from_config(conf.filter) if ml_filter else None
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
        options = SyncOptions(
            workers=workers, since=_date(since), enricher=_enricher(enrich),
            ml_filter=keywords,
        )
        stopped: SyncInterrupted | None = None
        new = store_to_make(db)  # (made by this run and left with no posting: removed)
        try:
            with store_from(db, create=True) as store:
                validators = StoreValidators(store)
                try:
                    with HttpClient(settings, validators=validators) as http:
                        report = _run(store, entries, http, options, quiet=as_json)
                except SyncInterrupted as stop:  # shown as a run's report is, once closed
                    stopped = stop
                finally:
                    validators.close()
                told = understanding(store.enrichment_versions())
                db_path = store.path
            if stopped is None:  # (every source failed: an empty store, which search read;
                # one that keeps a document that failed to parse, or a page's validators,
                # stays for the next run)
                remove_store(new, tables=_FILLED_BY)
        except ConfigError:  # a value the day's date refuses (a Hacker News month to come),
            # said as the units are listed, before anything is fetched: no store is left of it
            remove_store(new, tables=_FILLED_BY)
            raise
        except KeyboardInterrupt:  # opening or closing the store, before or after the units
            err_console.print("[yellow]Interrupted:[/yellow] what was synced before is stored "
                              "(every write is whole). Run `mljobs sync` again to finish.",
                              highlight=False, soft_wrap=True)
            raise typer.Exit(stopped_code()) from None
        if stopped is not None:
            _interrupted(stopped, as_json, told)
        _show(report, as_json, told)
        if not as_json:
            _say_idle(entries, report)
            say_understanding(told, db_path)
        if not report.ok:
            raise typer.Exit(1)


def _interrupted(stop: SyncInterrupted, as_json: bool, told: Understanding) -> NoReturn:
    """Ctrl-C: show what was synced, say that it is kept and how to finish, exit 130 (as a
    shell does for SIGINT). Before, the run waited for every request in flight (a slow board's
    read timeout, times each retry) and then printed nothing."""
    _show(stop.report, as_json, told, stopped=True)
    if stop.left:
        said = (f"{stop.left:,} of the run's units (boards, feeds, months...) were not synced; "
                "what was synced before is stored, and duplicates are linked at the next "
                "sync. Run `mljobs sync` again to finish.")
    else:  # Ctrl-C while linking or updating the index
        said = ("every source was synced, and the postings are stored; the run was linking "
                "duplicates or updating the search index: the next sync (or import) links "
                "them, and the next search brings the index up to date.")
    err_console.print(f"[yellow]Interrupted:[/yellow] {said}", highlight=False,
                      soft_wrap=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # a worker may still wait on a slow server (a read cannot be cut short); the store is
    # closed and every write was whole, so nothing is lost by not waiting for it
    os._exit(stopped_code())


def _empty_lists(entry: cfg.SourceEntry) -> list[str]:
    """The list settings of ``entry``'s source type (boards, urls...) it leaves empty."""
    cls = source_class(entry.type)
    hints = typing.get_type_hints(cls)
    return [f.name for f in dataclasses.fields(cast(Any, cls))
            if str(hints.get(f.name, "")).startswith("list") and not entry.settings.get(f.name)]


def _say_idle(entries: list[cfg.SourceEntry], report: SyncReport) -> None:
    """Name a source that had nothing to fetch because its lists (boards, urls...) are empty:
    ``sources add greenhouse`` without ``--set boards=`` syncs 0 documents without a word."""
    by_name = {e.name: e for e in entries}
    for s in report.sources:
        entry = by_name.get(s.name)
        if entry is None or s.units or s.errors:
            continue
        empty = _empty_lists(entry)
        if empty:
            console.print(
                f"{safe(s.name)}: nothing to fetch, as its {' and '.join(empty)} "
                f"{'list is' if len(empty) == 1 else 'lists are'} empty; set one with `mljobs sources add "
                f"{entry.type} --name {safe(shlex.quote(s.name))} --set {empty[0]}=...`", highlight=False,
                soft_wrap=True)


def _date(value: str | None) -> date | None:
    """``--since`` as ``search`` and ``match`` read it (``cli.core.parse_since``: ``7d``,
    ``4w``, ``6m``, ``1y`` or a date), as the day it starts; a date alone was taken, and
    ``7d``, which the other two take, was refused."""
    at = now()
    since = parse_since(value, at=at)
    if since is None:
        return None
    day, today = since.date(), at.date()
    if day > today:  # (every posting was skipped as older, and the sync said nothing of it)
        raise ConfigError(f"--since {value}: that is after today ({today}); every posting "
                          "would be skipped as older. Give today or an earlier day")
    return day


def _run(store: Any, entries: list[cfg.SourceEntry], http: HttpClient, options: SyncOptions,
         *, quiet: bool) -> SyncReport:
    from mljobs.sync import run_sync

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=err_console, disable=quiet, transient=False) as bar:
        tasks = {e.name: bar.add_task(e.name, total=None) for e in entries}

        def progress(name: str, done: int, total: int) -> None:
            bar.update(tasks[name], completed=done, total=total)

        return run_sync(store, entries, http=http, now=now(), options=options,
                        on_progress=progress, on_index_wait=say_index_wait)


def _show(report: SyncReport, as_json: bool, told: Understanding, *,
          stopped: bool = False) -> None:
    """The report, as a table or JSON; ``stopped``: the run was stopped (Ctrl-C) before it
    brought the search index up to date, as the line ``_interrupted`` says after it."""
    if report.index_left is not None:  # (stderr: the --json output stays whole)
        err_console.print(f"[yellow]note[/yellow] {safe(report.index_left)}",
                          highlight=False, soft_wrap=True)
    if as_json:  # (``index_left``: the note, for a script that reads only the JSON; a
        # stopped run's was null, as if the index were up to date)
        left = report.index_left
        if stopped and left is None:
            left = ("the sync was stopped before it brought the search index up to date: "
                    "what was synced is stored, and the next search brings the index up to "
                    "date.")
        print_json({"ok": report.ok, "links": dataclasses.asdict(report.links),
                    "sources": [dataclasses.asdict(s) for s in report.sources],
                    "understood_by_older": told.older_count, "index_left": left})
        return
    # One source column (its type in brackets when the name differs) and headers that are
    # never cut: at 80 columns a type column cut every header to "updat…", "unchan…".
    table = Table(title="Sync")
    table.add_column("source", overflow="fold")
    for col in ("docs", "new", "updated", "unchanged", "closed", "filtered", "failed"):
        table.add_column(col, justify="right", no_wrap=True, min_width=len(col))
    for s in report.sources:
        style = None if s.ok else "red"
        name = s.name if s.name == s.type else f"{s.name} ({s.type})"
        table.add_row(safe(name), *(f"{v:,}" for v in (
            s.documents, s.new, s.updated, s.unchanged, s.closed, s.filtered, s.failed)),
            style=style)
    console.print(table)
    if report.links.linked or report.links.unlinked:
        # as `import` says it: the clusters count is every group in the store, not this run's
        console.print(linked_line(report.links.linked, report.links.clusters,
                                  report.links.unlinked))
    for s in report.sources:
        what = "posts" if s.type == "reddit" else "comments"  # "[For Hire]" posts
        if s.seekers or s.not_posts:
            console.print(f"{safe(s.name)}: {skipped_line(s.seekers, s.not_posts, what)} (not job "
                          "postings)")
        if s.closed_not_jobs:  # (stored as jobs by an older mljobs)
            console.print(f"{safe(s.name)}: "
                          f"{not_jobs_line(s.closed_not_jobs, s.seekers, s.not_posts, what)}",
                          highlight=False)
        if s.reopened:  # (a column would not fit 80 columns; counted in none of the table's)
            console.print(f"{safe(s.name)}: {reopened_line(s.reopened)}", highlight=False)
        if s.replaced:  # (stored whole by `sync --no-enrich` or `import --no-enrich` before)
            console.print(f"{safe(s.name)}: {replaced_line(s.replaced)}", highlight=False)
    for s in report.sources:
        for error in s.errors[:10]:
            err_console.print(f"[red]{safe(s.name)}[/red]: {safe(_said(s, error))}",
                              highlight=False, soft_wrap=True)
        if len(s.errors) > 10:
            err_console.print(f"[red]{safe(s.name)}[/red]: ... and {len(s.errors) - 10} more")
    if _unreachable(report):
        err_console.print(f"[red]{_UNREACHABLE}[/red]", highlight=False, soft_wrap=True)
    for s in report.sources:  # nothing failed (a mail cut at its size cap): after the errors
        for warning in s.warnings[:10]:
            err_console.print(f"[yellow]{safe(s.name)}[/yellow]: warning: "
                              f"{safe(_said(s, warning))}", highlight=False, soft_wrap=True)
        if len(s.warnings) > 10:
            err_console.print(f"[yellow]{safe(s.name)}[/yellow]: ... and "
                              f"{len(s.warnings) - 10} more warnings (all in --json)")


_UNREACHABLE = ("No source was reached: every request ended in a network error (no answer, "
               "or the server's name could not be looked up). Check that this machine is "
               "online, then run mljobs sync again; the store keeps what it held.")


def _unreachable(report: SyncReport) -> bool:
    """Every source failed, fetched nothing and failed only for network errors: offline, as
    a newcomer trying ``sync`` without a connection is, who read a line per unit (35 for
    ``hackernews --set since=2024-01``) of "[Errno -2] Name or service not known ... try
    again later" and no word that none of it reached the network."""
    errors = [e for s in report.sources for e in s.errors]
    return bool(errors) and all(not s.ok and not s.documents for s in report.sources) \
        and all("network error: " in e for e in errors)


def _said(s: SourceReport, error: str) -> str:
    """An error or warning of a source's report as a line names it: a source's message
    starts with its type, so an entry named after its type read "feed: feed: cannot parse
    ..."; the type is said once."""
    unit, sep, rest = error.partition("] ")  # "[unit] type: ..." or "type: ..."
    head, rest = (unit + sep, rest) if error.startswith("[") and sep else ("", error)
    if s.name == s.type and rest.startswith(f"{s.type}: "):
        return head + rest[len(s.type) + 2:]
    return error
