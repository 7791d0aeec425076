"""``mljobs demo``: load the bundled Hacker News snapshot into a fresh store."""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from mljobs.cli.app import (
    app,
    console,
    err_console,
    handle_errors,
    now,
    sigterm_as_ctrl_c,
    state,
    stopped_code,
    store_from,
)
from mljobs.cli.render import counts_table, safe, skipped_line
from mljobs.errors import ConfigError, StoreError, clip, os_reason
from mljobs.pipeline import default_enricher
from mljobs.store import default_demo_db_path, open_store
from mljobs.store.sqlite import empty_store, foreign_reason


def global_db_note(db: Path | None, global_db: Path | None, target: Path) -> str | None:
    """What to tell a user whose ``MLJOBS_DB`` the demo does not use (a ``--db`` typed before
    the command is the demo's own ``--db``).

    The demo never writes into that store (it may be the user's own, exported for every
    command, and the demo starts from an empty store); saying so keeps the user from
    searching an empty store afterwards.
    """
    # (compared as the files they name: ``--db demo.sqlite3`` in its folder, or a symlink to
    # it, is the demo store and was told it "is not used")
    if db is not None or global_db is None or \
            os.path.realpath(global_db) == os.path.realpath(target):
        return None
    return (f"Note: the demo builds its own store at {target}; MLJOBS_DB ({global_db}) is not "
            "used. To choose the path: mljobs demo --db PATH")


def _keep_what_the_demo_did_not_load(target: Path) -> None:
    """Refuse to rebuild the default demo store while it holds postings the demo did not load.

    The README's tour exports ``MLJOBS_DB`` as the demo store, then imports and syncs: those
    postings went into the demo store, and the next ``mljobs demo`` (``make run`` runs it
    every time) emptied it without a word. Its ids are read as the file holds them, of any
    mljobs version (an older or newer store's too); a file whose postings cannot be read
    (damaged) is rebuilt as before: that is the way out of it.
    """
    from mljobs.demo import not_demo_in

    try:  # (read as it is: an older store is not upgraded just before it is emptied)
        mine = not_demo_in(target)
    except sqlite3.DatabaseError:
        return
    if not mine:
        return
    held = sum(mine.values())
    sources = ", ".join(f"{source} {count:,}" for source, count in mine.items())
    own = target.with_name("mljobs.sqlite3")  # (the default store, beside the demo's)
    keep = (f"mv {shlex.quote(str(target))} {shlex.quote(str(own))} (then it is the store "
            "every command uses when no --db or MLJOBS_DB is given)" if not own.exists() else
            f"mv {shlex.quote(str(target))} PATH (a file name of your own; then use --db PATH)")
    env = os.environ.get("MLJOBS_DB", "").strip()
    if env and Path(env).expanduser().resolve() == target.resolve():
        # (the README's old tour exported it: moved, the postings were not where the next
        # command looked, which was the demo store again)
        keep += " and unset MLJOBS_DB (it names the demo store)"
    raise ConfigError(
        f"the demo store {target} holds {held:,} posting{'s' if held != 1 else ''} the demo "
        f"did not load ({sources}: imported or synced into it); `mljobs demo` builds the demo "
        f"store anew and would drop them. To keep them, move the store first: {keep}, then "
        "run mljobs demo again; to drop them, run mljobs demo --replace")


def _fresh(path: Path) -> None:
    """An empty store at ``path`` (``empty_store``: a ``StoreError`` while another program
    has it open), without the search indexes built from the one it held."""
    empty_store(path)
    shutil.rmtree(str(path) + ".index", ignore_errors=True)
    Path(str(path) + ".fts5.sqlite3").unlink(missing_ok=True)


@app.command()
@sigterm_as_ctrl_c()
def demo(
    db: Path | None = typer.Option(None, "--db", help="Where to build the demo store."),
    replace: bool = typer.Option(
        False, "--replace", help="Replace a non-empty --db store, or a demo store that holds "
        "postings the demo did not load (imported or synced into it)."),
) -> None:
    """Load the bundled demo (1,711 real HN "Who is hiring?" posts, Jan-May 2026) and summarise it."""
    from mljobs.demo import load_demo, summary

    if (db is None and state.db is not None and state.db_from == "--db"
            and os.path.realpath(state.db) != os.path.realpath(default_demo_db_path())):
        # (``mljobs --db PATH demo``, typed before the command, is ``demo --db PATH``, with its
        # refusal of a store holding postings: it built the default demo store with a note, and
        # the user searched an empty PATH; ``MLJOBS_DB`` from the environment is still not
        # used, and the demo store named so is the demo store, with its own rule; realpath,
        # not resolve: a symlink loop named so raised a RuntimeError's traceback)
        db = state.db
    target = (db or default_demo_db_path()).expanduser()
    note = global_db_note(db, state.db, target)
    if note:
        err_console.print(note)
    with handle_errors():
        if db is not None and target.exists() and replace:
            # only read: a file that is no mljobs store (another program's database, a text
            # file) is refused, not emptied by _fresh; a newer, damaged or read-only store is
            # replaced, and an older one is not migrated just before it is emptied
            reason = foreign_reason(target)
            if reason:
                raise StoreError(reason)
        elif db is not None and target.exists() and not (
                target.is_file() and target.stat().st_size == 0):  # (`touch`ed: made a store)
            with store_from(target) as existing:
                if held := existing.count():
                    raise ConfigError(
                        f"{target} already holds {held:,} posting{'s' if held != 1 else ''}; "
                        "pass --replace to rebuild it, or pick a new --db path"
                    )
        elif db is None and not replace and target.is_file() and target.stat().st_size \
                and foreign_reason(target) is None:
            _keep_what_the_demo_did_not_load(target)
        try:  # (not under a sync, import, serve or demo still running: its writes were lost)
            _fresh(target)
        except OSError as exc:  # a read-only disk or folder
            raise StoreError(f"cannot make the demo store at {target} "
                             f"({os_reason(exc, target)}); "
                             "pick a writable place with --db") from exc
        try:
            with open_store(target) as store, Progress(
                TextColumn("[bold]loading demo"), BarColumn(), MofNCompleteColumn(),
                console=err_console, transient=True,
            ) as progress:
                task = progress.add_task("demo", total=1711)
                report = load_demo(store, now=now(), enricher=default_enricher(),
                                   on_progress=lambda n: progress.advance(task, n))
                data = summary(store)
        except KeyboardInterrupt:  # (it exited 130 saying nothing, the store part loaded)
            again = "mljobs demo" + (f" --db {shlex.quote(str(target))} --replace"
                                     if db is not None else "")
            err_console.print(f"Interrupted: the demo store at {target} holds what was "
                              f"loaded so far; `{again}` loads the demo whole.", highlight=False,
                              markup=False, soft_wrap=True)
            raise typer.Exit(stopped_code()) from None
        _print_summary(data, target, report.failed, report.seekers, report.not_posts)


def _print_summary(data: dict, target: Path, failed: int, seekers: int = 0,  # type: ignore[type-arg]
                   not_posts: int = 0) -> None:
    # not on a terminal (a pipe, a file): lines whole, as a terminal would wrap them; rich
    # cut them at 80 columns, a posting's title and the store's path in two
    whole = not console.is_terminal
    console.print(f"[bold green]Demo store ready:[/bold green] {data['postings']:,} postings "
                  f"({data['canonical']:,} after linking reposts and duplicates) in {target}"
                  + (f" ({failed} rows skipped)" if failed else ""), soft_wrap=whole)
    if seekers or not_posts:
        console.print(f"{skipped_line(seekers, not_posts)} (not job postings)", soft_wrap=whole)
    months = counts_table("Postings by month (reposts included)")
    for month, count in data["by_month"].items():
        months.add_row(month, f"{count:,}")
    companies = counts_table("Top companies (each job once)")
    for name, count in list(data["top_companies"].items())[:8]:
        companies.add_row(safe(name), f"{count:,}")
    console.print(months)
    console.print(companies)
    console.print(f"Remote share: [bold]{data['remote_share']:.0%}[/bold] of the "
                  f"{data['postings']:,} postings (reposts included)")
    if data["by_archetype"]:
        arche = counts_table("Archetypes (reposts included)")
        for name, count in data["by_archetype"].items():
            arche.add_row(name, f"{count:,}")
        console.print(arche)
    console.print(f"Sample search [italic]{safe(data['sample_query'])}[/italic]: "
                  f"{data['sample_total']:,} matches", soft_wrap=whole)
    for pid, title, company in data["sample_hits"]:
        console.print(f"  [dim]{safe(pid)}[/dim] {safe(clip(title, 90))}", soft_wrap=whole)
    # one line whatever the terminal's width: a command cut in two does not paste
    console.print(f"\nTry: mljobs --db {shlex.quote(str(target))} search "
                  "\"computer vision\" --remote remote",
                  soft_wrap=True, highlight=False)
