"""The Typer application object and what every command shares.

Commands live in sibling modules (``core``, ``enrich_cmds``, ...) and register
themselves on ``app``. The library raises ``MljobsError``; a command runs
its body under ``handle_errors``, which turns it into one red line and exit
code 1.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from typer.core import TyperGroup, TyperOption

from mljobs.cli.render import safe
from mljobs.errors import ConfigError, MljobsError
from mljobs.index import SAY_BUILD_FROM
from mljobs.pipeline import Understanding, enrich_store_command
from mljobs.search import index_build_line
from mljobs.store import SQLiteStore, default_db_path, default_demo_db_path, open_store
from mljobs.store.sqlite import damaged_error, remove_unfilled


class FlagsGroup(TyperGroup):
    """A command group whose ``--help`` shows a flag (``--json``, ``--help``) as a flag: Typer
    0.29's help gives every option a type column, and a flag read ``--json <bool>`` as if it
    took a value (``--json true`` is an error). The plain help leaves a flag's type out."""

    # (Any: Typer's own click, ``typer._click``, is private; these are its Context, Command
    # and HelpFormatter)
    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _flags_untyped(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _flags_untyped(self, ctx)
        super().format_help(ctx, formatter)


def _flags_untyped(command: Any, ctx: Any) -> None:
    """Give each flag of ``command`` (its ``--help`` too) an empty metavar, the type column
    of the rich help (a flag takes no value: none is named in usage or errors either)."""
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""


app = typer.Typer(
    name="mljobs",
    cls=FlagsGroup,
    help="Collect, understand and search machine-learning job postings, offline.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode="rich",
)

console = Console()
err_console = Console(stderr=True, soft_wrap=True)


class State:
    """Options given before the command (``mljobs --db X search ...``), and the signal that
    stopped it (``stopped_by``: Ctrl-C's SIGINT unless SIGTERM came, ``sigterm_as_ctrl_c``)."""

    db: Path | None = None
    db_from: str = "--db"  # (what named ``db``: "--db", or "MLJOBS_DB" from the environment)
    stopped_by: int = signal.SIGINT


state = State()


def _version(value: bool) -> None:
    """``--version``: what a bug report needs (a traceback asks for one: docs/cli.md)."""
    if not value:
        return
    from mljobs import __version__ as package
    from mljobs.enrich.version import version as enrich_version

    console.print(f"mljobs {package} (understanding {enrich_version()}; Python "
                  f"{sys.version.split()[0]})", highlight=False)
    raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    db: Path | None = typer.Option(
        None, "--db", envvar="MLJOBS_DB",
        help="The store file (default: mljobs.sqlite3 in your user data folder).",
    ),
    _show_version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True,
        help="Print the version of mljobs and of its understanding step, and exit."),
) -> None:
    """mljobs: the ML job market, collected, understood and searchable on your machine."""
    # ("~" as a shell leaves it: MLJOBS_DB="~/jobs.sqlite3" from an env file, --db=~/x made
    # a folder named "~" in the current one)
    state.db = db.expanduser() if db is not None else None
    # (by its name: Typer's own click, ``typer._click``, is private)
    source = ctx.get_parameter_source("db")
    state.db_from = "MLJOBS_DB" if getattr(source, "name", "") == "ENVIRONMENT" else "--db"


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a service stopped) during a command that writes
    (``sigterm_as_ctrl_c``): a ``KeyboardInterrupt``, so that it takes Ctrl-C's way out."""


def _terminated(number: int, _frame: object) -> None:
    state.stopped_by = number
    # a second SIGTERM (the stop not waited for) ends the run at once, as it did before:
    # every write is whole (SQLite), and what is left owed is made at the next run
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise Terminated


@contextmanager
def sigterm_as_ctrl_c() -> Iterator[None]:
    """SIGTERM in the block (a command, as a decorator) stops it as Ctrl-C does: it says
    what was stored and how to finish, and exits 143 (128 + SIGTERM, as the shell counts a
    run the signal ended) where Ctrl-C exits 130 (``stopped_code``). It ended ``import``,
    ``sync``, ``enrich`` and ``demo`` with no word of what was kept. Other commands keep
    the default: they store nothing, and end at once."""
    if threading.current_thread() is not threading.main_thread():  # (only it takes signals)
        yield
        return
    state.stopped_by = signal.SIGINT
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    except KeyboardInterrupt:  # (a stop with no message of its own: SIGTERM's code still)
        if state.stopped_by != signal.SIGTERM:
            raise
        raise typer.Exit(stopped_code()) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def stopped_code() -> int:
    """The exit code of a command stopped part way: 130 after Ctrl-C, 143 after SIGTERM."""
    return 128 + state.stopped_by


def now() -> datetime:
    """The current time (UTC): the one place the CLI reads the clock."""
    return datetime.now(UTC)


def store_target(db: Path | None = None) -> Path:
    """The store chosen by ``--db`` (command option first, then global option, then the
    default), made or not.

    Raises:
        ConfigError: its name is not UTF-8 text (``MLJOBS_DB`` in a Latin-1 environment: the
            search index beside it needs a UTF-8 name; ``--db`` so named stops at ``main``).
    """
    target = Path(db or state.db or default_db_path()).expanduser()
    bad = undecoded(str(target))
    if bad is not None:
        named = "--db" if db is not None else state.db_from if state.db else "MLJOBS_DB"
        raise ConfigError(not_utf8_store(named, str(target), bad))
    return target


def undecoded(text: str) -> str | None:
    """The first character of ``text`` that stands for a byte no UTF-8 text holds (Python
    reads such bytes of argv, the environment and file names as lone surrogates), or None."""
    return next((ch for ch in text if "\udc80" <= ch <= "\udcff"), None)


def _shown(value: str) -> str:
    """``value`` as it can be printed: each byte that is no UTF-8 text as U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _byte(bad: str) -> str:
    """The byte a lone surrogate (``undecoded``) stands for: "byte 0xe9"."""
    return f"byte 0x{ord(bad) - 0xDC00:02x}"


def not_utf8_store(named: str, value: str, bad: str) -> str:
    """What to tell a user whose store (named by ``named``: ``--db`` or ``MLJOBS_DB``) has a
    name in bytes that are no UTF-8 text (``bad``: the first such character)."""
    return (f"{named} {_shown(value)!r}: the store's name is not UTF-8 text ("
            f"{_byte(bad)}), and the search index beside it needs a UTF-8 name; "
            f"rename the store (or its folder) in UTF-8 and {'pass' if named == '--db' else 'set'}"
            " that")


def store_to_make(db: Path | None = None) -> list[Path]:
    """The store chosen by ``--db`` and the folders made for it, innermost first, when a
    command that fills a store will make it (``remove_store`` takes them); empty when it
    exists. A link to no file yet is kept: the file made where it points is the store."""
    target = store_target(db)
    made = target.resolve() if target.is_symlink() else target
    return [] if target.exists() else [made, *(p for p in target.parents if not p.exists())]


def remove_store(made: list[Path], tables: tuple[str, ...] = ("postings",)) -> None:
    """Remove a store a command made and put nothing in (``made``: its file, then the
    folders made for it, innermost first; nothing: no row in any of ``tables``): the file
    and its SQLite journal files, the search indexes made beside it, then each folder left
    empty. A store another program holds open or put a posting in meanwhile is kept, with
    its folders (``store.sqlite.remove_unfilled``)."""
    if not made:
        return
    store, *folders = made
    if not remove_unfilled(store, tables=tables):
        return
    shutil.rmtree(f"{store}.index", ignore_errors=True)  # (a sync makes them, empty)
    for beside in (f"{store}.index.lock", f"{store}.index.writer", f"{store}.fts5.sqlite3",
                   f"{store}.fts5.sqlite3.writer"):
        Path(beside).unlink(missing_ok=True)
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:  # (something else is in it now)
            return


def existing_store_path(db: Path | None = None) -> Path:
    """The store chosen by ``--db`` (command option first, then global option, then the
    default), which must exist: a command that reads a store does not make an empty one
    at a mistyped path.

    Raises:
        ConfigError: there is no file there (the message says how to make a store).
    """
    path = store_target(db)
    if not path.exists():
        shown = shlex.quote(str(path))  # the commands run as printed, spaces and all
        demo = default_demo_db_path()
        if db is None and state.db is None and demo.exists():
            # no store named, and `mljobs demo` made one: the `export` it printed was skipped
            ready = shlex.quote(str(demo))
            raise ConfigError(
                f"no store at {path}; `mljobs demo` made {demo}: use it with `mljobs --db "
                f"{ready} ...` or `export MLJOBS_DB={ready}`; or make a store at {path} with "
                f"`mljobs --db {shown} import FILE...` or `mljobs --db {shown} sync`")
        raise ConfigError(
            f"no store at {path}; make one with `mljobs --db {shown} import FILE...`, "
            f"`mljobs demo --db {shown}` or `mljobs --db {shown} sync`"
        )
    if path.is_file() and path.stat().st_size == 0 and not Path(f"{path}-wal").exists():
        # (a store is never 0 bytes once made, WAL mode writes its first page at once: this
        # is a file named by mistake, `--db empty.jsonl`, which `stats` made into a store)
        shown = shlex.quote(str(path))
        raise ConfigError(
            f"{path} is an empty file (0 bytes), not a store; it was left as it is. Give your "
            f"store's path with --db, or make a store here with `mljobs --db {shown} import "
            f"FILE...`, `mljobs demo --db {shown}` or `mljobs --db {shown} sync`")
    return path


@contextmanager
def store_from(db: Path | None = None, *, create: bool = False) -> Iterator[SQLiteStore]:
    """Open the store chosen by ``--db`` (command option first, then global option).

    Only commands that fill a store (``import``, ``sync``, ``demo``) pass ``create``; the
    others stop with a ``ConfigError`` when the store does not exist (``existing_store_path``).
    """
    path = store_target(db) if create else existing_store_path(db)
    store = open_store(path, on_reread=say_reread)
    try:
        yield store
    except sqlite3.DatabaseError as exc:  # (a damaged store was a traceback, as it was read)
        if damaged := damaged_error(store.path, exc):
            raise damaged from exc
        raise
    finally:
        store.close()


# From this many Hacker News and Reddit postings (about 1 ms each) reading their places again
# on open is said (a handful is over before a line could say so)
SAY_REREAD_FROM = 200


def say_reread(count: int) -> None:
    """Say, before it starts, that opening the store reads the places of ``count`` Hacker
    News and Reddit postings again (``store.reread``: once after an upgrade; 100,000 take a
    minute or two, which a line saying why keeps from looking like a hang)."""
    if count >= SAY_REREAD_FROM:
        err_console.print(f"Reading the locations of {count:,} Hacker News and Reddit postings "
                          "again (a newer header reader; once)...", highlight=False,
                          soft_wrap=True)


def say_index_build(count: int) -> None:
    """Say, before it starts, that a search builds the whole search index of ``count``
    postings (a first search, or the first after an index format change)."""
    if count >= SAY_BUILD_FROM:
        line = index_build_line(count)
        err_console.print(line[:1].upper() + line[1:], highlight=False, markup=False,
                          soft_wrap=True)


def say_index_wait(line: str) -> None:
    """Say that a command waits for another process that writes the search index
    (``SearchIndex.sync``'s ``on_wait``), on stderr."""
    err_console.print(line[:1].upper() + line[1:], highlight=False, markup=False,
                      soft_wrap=True)


def say_understanding(told: Understanding, db: str) -> None:
    """Name the store's postings another version of the understanding step understood (an
    upgrade leaves them as they were) and the command that understands them again (with
    ``--db`` when the store ``db`` is not the default one)."""
    for line in told.lines(enrich_store_command(db)):
        console.print(safe(line), highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one red ``ConfigError:`` line, as ``handle_errors`` prints one, for options
    that cannot go together (exit ``code``: 2, a usage error); return the Exit to raise.
    (It said ``Error:``, where every other error line names its kind.)

    The message is shown as written (``safe``): it names the bad thing, and a value such
    as ``[/x]`` or ``[http]`` is neither read as Rich markup nor dropped.
    """
    err_console.print(f"[bold red]{ConfigError.__name__}:[/bold red] {safe(message)}",
                      highlight=False, soft_wrap=True)
    return typer.Exit(code)


# What json.dumps (``ensure_ascii=False``) leaves raw that a terminal may act on or a reader
# may split a line at: DEL, the C1 controls (U+009B is CSI, as ESC [ is; U+0085 is a line
# break to ``str.splitlines``), the line and paragraph separators U+2028/U+2029 (line breaks
# to ``splitlines`` and to JavaScript before ES2019), the bidirectional overrides that
# reorder what is shown, and lone surrogates (no UTF-8 encoding: writing one fails).
_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape_json_controls(text: str) -> str:
    """JSON text (of ``json.dumps(..., ensure_ascii=False)``) with ``_JSON_RAW_CONTROLS``
    written as ``\\uXXXX`` escapes: the same JSON once read, and no raw control on a line."""
    if text.isascii() and "\x7f" not in text:  # (the cheap test first: most texts)
        return text
    return _JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: Any, *, ranked: bool = False) -> None:
    """Print stable JSON (sorted keys, ISO dates) on stdout; controls from posting text are
    written as ``\\uXXXX`` escapes (the same JSON once read), never raw. With ``ranked``,
    only ``data``'s own keys are sorted: the objects in it keep their order (``stats``'s
    counts, most first: sorted, its top companies read alphabetically, not by rank)."""
    if ranked:
        data = dict(sorted(data.items()))
    text = json.dumps(data, indent=2, sort_keys=not ranked, ensure_ascii=False, default=str)
    sys.stdout.write(escape_json_controls(text))
    sys.stdout.write("\n")


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn an ``MljobsError`` raised inside a command into one red line and exit 1."""
    try:
        yield
    except MljobsError as exc:
        name = type(exc).__name__
        err_console.print(f"[bold red]{name}:[/bold red] {safe(str(exc))}", highlight=False,
                          soft_wrap=True)
        raise typer.Exit(1) from None


def _path_options(command: Any, found: dict[str, bool | None]) -> None:
    """Each option name of the command tree, mapped to whether its value is a path (None: a
    flag, which takes no value)."""
    for param in command.params:
        if isinstance(param, TyperOption):
            takes_path = None if param.is_flag else "Path" in str(param.type_descriptor.annotation)
            for name in (*param.opts, *param.secondary_opts):
                found[name] = takes_path if found.get(name, takes_path) == takes_path else False
    for sub in getattr(command, "commands", {}).values():
        _path_options(sub, found)


def not_utf8_argument(args: list[str]) -> str | None:
    """Why an argument cannot be read, when the terminal gave bytes that are no UTF-8 text
    (a Latin-1 terminal's "café", a pasted byte: Python holds them as lone surrogates, which
    `show`'s id lookup and search's ``--company`` ended in a traceback on), or None. A path
    in another encoding is let through (open() takes it): the value of an option that takes
    a path (``--output``, ``--config``; not ``--db``: its search index beside it needs a UTF-8
    name), or an argument that names a file there. (A value with a ``/`` was let through as
    well, so ``--company "AI/ML Café"`` was a traceback; a new ``--output`` was refused.)"""
    if not any(undecoded(arg) for arg in args):
        return None  # (UTF-8 text: the command tree is not walked at each start)
    import mljobs.cli  # noqa: F401  (registers every command module)

    path_options: dict[str, bool | None] = {}
    _path_options(typer.main.get_command(app), path_options)
    after: str | None = None  # (the option whose value this argument is)
    for arg in args:
        option, after = after, None
        name, eq, value = arg.partition("=") if arg.startswith("--") else ("", "", arg)
        if arg.startswith("-") and not eq:
            after = None if path_options.get(arg) is None else arg  # (a flag takes none)
            continue
        option = name if eq else option
        bad = undecoded(value)
        if bad is None or (option not in (None, "--db") and path_options.get(option or "", False)) \
                or (option is None and Path(value).exists()):
            continue
        if option == "--db":
            return not_utf8_store("--db", value, bad)
        return (f"the argument {_shown(value)!r} is not UTF-8 text ({_byte(bad)}); type it again as UTF-8 "
                "text (the terminal's encoding: `locale` should name UTF-8, e.g. LANG=C.UTF-8)")
    return None


def main() -> None:
    """Console-script entry point."""
    import mljobs.cli  # noqa: F401  (registers every command module)

    problem = not_utf8_argument(sys.argv[1:])
    if problem is not None:
        fail(problem)
        sys.exit(1)
    app()
