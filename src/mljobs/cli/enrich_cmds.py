"""Understanding commands: ``mljobs enrich`` (files or the store) and ``mljobs eval``."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import re
import shutil
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import typer
from rich.table import Table

from mljobs.cli.app import (
    app,
    console,
    err_console,
    escape_json_controls,
    fail,
    handle_errors,
    now,
    print_json,
    say_index_wait,
    sigterm_as_ctrl_c,
    stopped_code,
    store_from,
)
from mljobs.cli.render import (
    closed_roles_line,
    enriched_line,
    own_text_roles_line,
    resplit_posts_line,
    safe,
    whole_again_line,
)
from mljobs.errors import EnrichError, InputError, os_reason
from mljobs.models import Enrichment, Posting, RawPosting, Status, is_split_source, role_post
from mljobs.search import index_left_line
from mljobs.sources.files import GZIP_ERRORS, HEAD_BYTES, not_text, open_bytes
from mljobs.store import SQLiteStore

_REPO = Path(__file__).resolve().parents[3]
_SHORT = {"ml-product-swe": "swe", "big-data-ml-engineer": "bigdata", "data-scientist-analytics": "ds-an",
          "data-scientist-ml": "ds-ml", "research-engineer": "re-eng", "applied-researcher": "app-r",
          "research-scientist": "res-s", "not-ml": "not-ml"}


@app.command("enrich")
@sigterm_as_ctrl_c()
def enrich_cmd(
    input: Path | None = typer.Option(None, "--input", "-i", help="Postings in the corpus JSONL format (gzipped too: .jsonl.gz)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write one JSON line per posting here (default: stdout)."),
    store: bool = typer.Option(False, "--store", help="Re-enrich every posting in the store instead."),
    db: Path | None = typer.Option(None, "--db", help="The store file (with --store)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64,
                                help="Processes for --input (output order is kept)."),
) -> None:
    """Understand postings: archetype, skills, facets, salary (eval/LABELS.md format).

    With --input, reads corpus-format JSONL and writes one line per posting; bad
    lines are named on stderr (file:line: reason), the good ones are still
    written, and the exit code is 1 if any line was bad. --output is written
    whole or not at all: a run stopped, or with no posting in its input, leaves
    it as it was. --workers N spreads a large file over N processes (each loads
    the taxonomy and model once). With --store, re-enriches the store's postings
    and refreshes the search index.
    """
    with handle_errors():
        if store and (input is not None or output is not None):
            # --store used to win silently: the file given was neither read nor written
            raise fail("give --input FILE.jsonl (with --output) or --store, not both.", 2)
        if store:
            _enrich_store(db)
            return
        if input is None:
            raise fail("give --input FILE.jsonl (or --store).", 2)
        bad = _enrich_file(input, output, workers)
        if bad:
            raise typer.Exit(1)


_BLOCK = 2_048


def _enrich_lines(lines: list[str]) -> list[tuple[str | None, str | None]]:
    """Input lines -> for each, (its output JSON line, None) or (None, why it is bad).

    The good lines go through ``enrich_records`` together (step by step over batches)."""
    from mljobs.enrich.pipeline import enrich_records

    parsed: list[dict[str, Any] | str] = []
    for line in lines:
        try:
            parsed.append(_parse_line(line))
        except ValueError as exc:
            parsed.append(str(exc))
    results = enrich_records(r for r in parsed if isinstance(r, dict))
    out: list[tuple[str | None, str | None]] = []
    for item in parsed:
        if isinstance(item, str):
            out.append((None, item))
            continue
        result = next(results)
        if isinstance(result, EnrichError):
            out.append((None, str(result)))
        else:
            # (one line each, whatever the text holds: see ``escape_json_controls``)
            out.append((escape_json_controls(json.dumps(result, ensure_ascii=False)) + "\n", None))
    return out


def _enrich_file(path: Path, output: Path | None, workers: int = 1) -> int:
    """Enrich each line of ``path``; return the number of bad lines."""
    lines = _open_lines(path)
    from mljobs.enrich.pipeline import BATCH
    from mljobs.enrich.warm import warm_up

    out: TextIO = sys.stdout
    written: _Output | None = None
    if output:
        if _same_file(output, path):
            lines.close()  # opening it to write would have emptied the input before reading
            raise InputError(f"--output {output} is the --input file; it would be emptied "
                             "before it is read. Write to another file.")
        try:
            written = _Output(output)
        except OSError as exc:
            lines.close()
            raise InputError(f"Cannot write --output {output}: {os_reason(exc, output)}; give a file "
                             "in a folder that exists and can be written.") from exc
        out = written.file
    good = bad = 0
    broke: list[str] = []
    keep = False  # (the lines written become --output: the run ended and wrote a posting)
    try:
        with lines, ExitStack() as stack:
            numbered = _numbered(lines, path, broke)
            pool = (stack.enter_context(ProcessPoolExecutor(max_workers=workers,
                                                            initializer=_worker_start))
                    if workers > 1 else None)
            if pool is None:
                warm_up()
            else:  # (first out: the batches not begun are dropped, not run after a Ctrl-C)
                stack.callback(pool.shutdown, wait=True, cancel_futures=True)

            def run(block: list[str]) -> Iterable[tuple[str | None, str | None]]:
                # (one batch of the pipeline's size at a time, in this process or a worker)
                parts = [block[i:i + BATCH] for i in range(0, len(block), BATCH)]
                if pool is None:
                    done: Iterable[list[tuple[str | None, str | None]]] = map(_enrich_lines, parts)
                else:
                    with _signals_held():  # (the workers it starts are forked here)
                        done = pool.map(_enrich_lines, parts)
                return (got for part in done for got in part)

            # Blocks bound memory on big files (the pool takes a whole block at once).
            while block := list(islice(numbered, _BLOCK)):
                for (n, _), (text, why) in zip(block, run([line for _, line in block]),
                                               strict=True):
                    if text is None:
                        bad += 1
                        err_console.print(f"{path}:{n}: {why}", highlight=False, markup=False,
                                          soft_wrap=True)
                        continue
                    out.write(text)
                    good += 1
            for why in broke:  # (a gzip file that breaks off: the lines before it are written)
                bad += 1
                err_console.print(why, highlight=False, markup=False, soft_wrap=True)
        keep = bool(good)  # (an empty --input wrote an empty --output over the old one)
    except KeyboardInterrupt:  # (it said nothing, and an --output was left half written)
        where = ("" if written is None
                 else f"; --output {output} {written.left}, as the run did not end")
        err_console.print(f"Interrupted after {good:,} postings{where}.", highlight=False,
                          markup=False, soft_wrap=True)
        raise typer.Exit(stopped_code()) from None
    finally:
        if written is not None:
            written.close(keep=keep)  # (an exception, Ctrl-C too: the old file stays)
    if not good and not bad:  # (as `mljobs import` refuses an empty file)
        where = "" if written is None else f"; --output {output} {written.left}"
        raise InputError(f"{path}: no line to enrich, the file is empty (or blank){where}. "
                         "Give the JSONL file of postings.")
    err_console.print(f"enriched {good:,} postings, {bad:,} bad lines", highlight=False)
    if written is not None and not keep:
        err_console.print(f"--output {output} {written.left}.", highlight=False,
                          markup=False, soft_wrap=True)
    if bad > len(broke) and not good:  # (not when the only bad "line" is where a .gz broke off)
        err_console.print(
            "No line is a corpus-format posting (a JSON object with id, title and text, as "
            "shared/data/corpus/postings.jsonl); to load other formats (HN items, JobSpy CSV, "
            "generic rows) into a store, use `mljobs import`.", highlight=False, soft_wrap=True)
    return bad


# what the parent answers (``sigterm_as_ctrl_c`` makes SIGTERM a Ctrl-C), not its workers
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back (blocked, not lost: they come when this ends) while the
    pool of ``enrich --workers`` forks its workers, so that each starts with them blocked
    until ``_worker_start`` sets its own handling; where signals cannot be blocked, as it
    was."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


def _worker_start() -> None:
    """A worker of ``enrich --workers``: Ctrl-C (sent to the whole process group) is the
    parent's to answer. A worker stopped by it as it loaded the model broke the pool: each
    printed its traceback, and the parent hung in the pool's shutdown. SIGTERM, which the
    forked worker would answer as its parent does (a traceback), ends it as by default: the
    pool ends its workers so, and a stop sent to the group is the parent's to tell."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # (held back as it was forked: ``_signals_held``)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)
    from mljobs.enrich.warm import warm_up

    warm_up()


class _Output:
    """The ``--output`` of ``enrich --input``, written whole or not at all: the lines go to a
    file beside it that replaces it when the run ends (``close``). A run stopped part way
    (Ctrl-C, an error) or one whose every line was bad leaves a file that was there as it
    was: it was emptied as the run began, before one line was read. A device or a pipe
    (``/dev/stdout``, ``/dev/null``) is written as it is; a link, where it leads."""

    def __init__(self, path: Path) -> None:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        self.existed = path.exists()
        self.target = Path(os.path.realpath(path))
        self.direct = self.existed and not self.target.is_file()  # (a device, a FIFO)
        if self.direct:
            self.part = self.target
            self.file: TextIO = self.target.open("w", encoding="utf-8")
            return
        # (beside it: the same file system, so the replace is one step; "x": never another's)
        self.part = self.target.with_name(f".{self.target.name}.{os.getpid()}.part")
        try:
            self.file = self.part.open("x", encoding="utf-8")
        except PermissionError:
            if not (self.existed and os.access(self.target, os.W_OK)):
                raise
            # a file that can be written in a folder that cannot: written as it is, as before
            self.direct, self.part = True, self.target
            self.file = self.target.open("w", encoding="utf-8")

    @property
    def left(self) -> str:
        """What became of the path when nothing was written to it."""
        return "is left as it was" if self.existed else "was not made"

    def close(self, *, keep: bool) -> None:
        """Close the lines written; with ``keep`` they become the output, else they go."""
        try:
            self.file.close()
        finally:
            if not self.direct:
                if keep:
                    if self.existed:  # (its permissions, not the temporary file's)
                        shutil.copymode(self.target, self.part)
                    os.replace(self.part, self.target)
                else:
                    self.part.unlink(missing_ok=True)


def _gzip_head(path: Path) -> bytes | None:
    """The first unpacked bytes of a gzip file, or None when they cannot be read (one cut
    short within them: its lines are read up to the break, and the break named)."""
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except GZIP_ERRORS:
        return None


def _open_lines(path: Path) -> TextIO:
    """``path`` opened to read its lines: unpacked when its name ends in ``.gz`` (a gzipped
    dump, as `mljobs import` reads it); a file named so that is no gzip file is refused."""
    # utf-8-sig: a byte-order mark (Windows editors write one) is no part of line 1,
    # as `mljobs import` reads it
    try:
        if path.name.lower().endswith(".gz"):
            with path.open("rb") as raw:
                if raw.read(2) != b"\x1f\x8b":
                    raise InputError(f"{path} is no gzip file (its name ends in .gz); rename "
                                     "it without .gz if it is plain JSONL, or check it with "
                                     "`gzip -t`")
            head = _gzip_head(path)
        stream = open_bytes(path)
        # (a UTF-16 or binary file was a "not JSON" line for each of its lines, as import
        # once read it; a plain file's first bytes are looked at without reading them, as
        # it may be a pipe; a .gz file's are read apart, above: one cut short is read up to
        # its break, and a binary or UTF-16 one unpacked is refused as a plain one is)
        if not path.name.lower().endswith(".gz"):
            peek = getattr(stream, "peek", None)
            head = peek(HEAD_BYTES)[:HEAD_BYTES] if peek is not None else None
        problem = not_text(path, head) if head is not None else None
        if problem:
            stream.close()
            raise InputError(problem)
        return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}; check the path.") from exc


def _numbered(lines: TextIO, path: Path, broke: list[str]) -> Iterator[tuple[int, str]]:
    """The numbered lines of ``lines`` that hold more than white space; a gzip file that
    breaks off (cut short, or corrupt) ends them, and ``broke`` gets the line to report."""
    n = 0
    try:
        for n, line in enumerate(lines, start=1):
            if line.strip():
                yield n, line
    except GZIP_ERRORS as exc:
        broke.append(f"{path}:{n + 1}: the gzip file breaks off here "
                     f"({exc or type(exc).__name__}); the lines before it were read; check it "
                     "with `gzip -t`")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


# A ``\\uXXXX`` escape of a surrogate: how a JSON line can give a string a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _parse_line(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
        if "\\u" in line and _SURROGATE_ESCAPE.search(line):  # recurses as deep as the line
            record = _no_lone_surrogates(record)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:  # arrays in arrays past Python's limit: no posting is
        raise ValueError("JSON nested too deep to read (a posting is a few levels deep)") from None
    if not isinstance(record, dict):
        # ValueError is this reader's "bad line" signal (named with its line number by the caller).
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")  # noqa: TRY004
    for field in ("id", "title", "text"):
        if not isinstance(record.get(field), str) or not record[field].strip():
            raise ValueError(f"field '{field}' is missing or not a non-empty string")
    return record


def _no_lone_surrogates(value: Any) -> Any:
    """``value`` with each lone surrogate in its strings (an escape of half a pair: "\\ud83d"
    cut from its other half) made U+FFFD, as undecodable bytes of the file are: no text, and
    no string that holds one can be encoded (the pipeline and the output write UTF-8). A pair
    json.loads has already joined into its character."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {_no_lone_surrogates(k): _no_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_lone_surrogates(v) for v in value]
    return value


_REPLACED_MARK = "replaced_posts_unlinked"  # meta: enrich --store replaced posts (JSON: to link)


def _enrich_store(db: Path | None) -> None:
    from mljobs.enrich.pipeline import enrich_each
    from mljobs.index import refresh_index
    from mljobs.pipeline import default_enricher

    default_enricher()  # (loads and freezes the taxonomy and model)
    with store_from(db) as st:
        stored = [p for _, p in st.iter_postings()]
        docs: dict[str, dict[str, RawPosting]] = {}  # (raw documents read again, by ref)
        postings, roles_of, roles = _posts_to_read(stored)
        updated = added = removed = closed = resplit = moved_roles = merged = 0
        own: list[str] = []  # (roles read from their own text: ``_roles_read``)
        # (new role postings and their posts' clusters: to be linked; those of a run stopped
        # after it replaced posts and before it linked them too)
        owed = st.meta(_REPLACED_MARK)
        to_link: list[str] = json.loads(owed) if owed else []
        try:
            for start in range(0, len(postings), 500):
                batch = postings[start:start + 500]
                done = enrich_each(batch)
                # (the posts split per role, and their roles numbered by place; a post
                # stored whole beside its roles is given to upsert as well, split or not, as
                # an import gives it: its roles it no longer names close)
                split = [p.id for p, got in zip(batch, done, strict=True) if got[0].id != p.id]
                read = {p.id for p in batch if p.id in roles_of} | set(split)
                children = [r for p, got in zip(batch, done, strict=True) if p.id in read
                            for r in got]
                items = [(r.id, r.enrichment) for p, got in zip(batch, done, strict=True)
                         if p.id not in split for r in got if r.enrichment]
                with st.transaction():  # (a batch is stored whole, its posts replaced, or not)
                    held: set[str] = set()
                    if children:  # (a post split is replaced by its roles, stored
                        # now or before: upsert's split; ``children`` hold every role of each
                        # post's reading, so each is stored under the id of the stored role
                        # it is, a stored open role not among them has left the post and is
                        # closed, and one closed so that is among them reopens: upsert's
                        # all_roles, as an import)
                        got = st.upsert(children, now=now(), touch=False, split=split,
                                        all_roles=True)
                        held = {got.renamed.get(r.id, r.id) for r in children}
                        updated += sum(role_post(r.id) in read for r in children) - got.new
                        added += got.new
                        removed += got.replaced
                        closed += len(got.closed)
                        to_link += got.ids + got.relink  # (new and changed: as an import links)
                    # (the postings not split, and each stored role that its post's reading
                    # does not hold, by the ids upsert stored the reading's roles under: one
                    # closed that left the post, read as the document it was stored from
                    # reads it)
                    gone = [r for post in read for r in roles_of.get(post, [])
                            if r.id not in held]  # (closed now or before: left the post)
                    found, _, moved = _roles_read(  # (the posts' documents: theirs now)
                        st, gone, docs, own, {p.id: p.raw_ref for p in batch if p.raw_ref},
                        {r.id for r in gone})
                    if moved:
                        st.upsert(moved, now=now(), touch=False, reread=True)
                        updated += len(moved)
                        moved_roles += len(moved)
                    updated += st.set_enrichments(items + found)
                    if split:
                        st.set_meta(_REPLACED_MARK, json.dumps(to_link))
            # (the roles of the posts split per role, by the raw document they were last read
            # from: each document is read once, and only those of a chunk are kept in memory;
            # a post's roles of one document are in one chunk, to be split again together)
            latest, left = _latest_documents(st, roles)
            roles = [_read_through(r, latest, left) for r in roles]
            roles.sort(key=lambda r: (r.raw_ref or "", r.id))
            for chunk in _chunks(roles, 500):
                refs = {r.raw_ref for r in chunk}
                for ref in [ref for ref in docs if ref not in refs]:
                    del docs[ref]
                items, again, moved = _roles_read(st, chunk, docs, own, latest, left)
                with st.transaction():  # (a chunk's posts split again and understood, or not)
                    if moved:  # (roles that left their post: their status and dates kept)
                        st.upsert(moved, now=now(), touch=False, reread=True)
                        updated += len(moved)
                        moved_roles += len(moved)
                    if again:  # (as an import of the document splits them, nothing seen now)
                        got = st.upsert(again, now=now(), touch=False, all_roles=True,
                                        reread=True)
                        whole = sum(role_post(r.id) is None for r in again)
                        updated += len(again) - got.new
                        added += got.new - whole
                        closed += len(got.closed)
                        resplit += len({role_post(r.id) for r in again} - {None})
                        merged += whole
                        to_link += got.ids + got.relink
                        st.set_meta(_REPLACED_MARK, json.dumps(to_link))  # (as for a split)
                    updated += st.set_enrichments(items)
            if to_link:
                _link_new_roles(st, sorted(st.present(list(dict.fromkeys(to_link)))))
            if st.unsettled():  # (a role closed, or a post stored whole with its roles' status)
                from mljobs.dedupe import settle_canonicals  # numpy: load only when needed

                settle_canonicals(st)  # (as an import or sync settles what it wrote)
            with console.status("Updating the search index..."):
                # (a post replaced by its roles is removed: the index sees that it is gone,
                # ``SQLiteStore.removed_rev``; so does an index of the other engine at its next use)
                busy = refresh_index(st, on_wait=say_index_wait)
            if owed is not None or removed or resplit or merged:
                with st.transaction() as conn:
                    conn.execute("DELETE FROM meta WHERE key=?", (_REPLACED_MARK,))
        except KeyboardInterrupt:  # it exited 130 saying nothing
            then = ("The posts split per role are linked when you run" if removed
                    or resplit or merged or owed is not None else "Run")
            err_console.print(
                f"[yellow]Interrupted:[/yellow] {updated:,} of {len(stored):,} postings were "
                "re-enriched and stored (500 to a transaction); the others keep their earlier "
                "enrichment, and the search index catches up at the next search. "
                f"{then} `mljobs enrich --store` again to finish.",
                highlight=False, soft_wrap=True)
            raise typer.Exit(stopped_code()) from None
        console.print(enriched_line(updated, added, removed), highlight=False)
        if resplit or moved_roles:
            console.print(resplit_posts_line(resplit, moved_roles), highlight=False,
                          soft_wrap=True)
        if merged:
            console.print(whole_again_line(merged), highlight=False, soft_wrap=True)
        if closed:
            console.print(closed_roles_line(closed), highlight=False)
        if own:
            console.print(own_text_roles_line(len(own), len({role_post(r) for r in own})),
                          highlight=False, soft_wrap=True)
        if busy is not None:  # (the store is written: not an error)
            err_console.print(f"[yellow]note[/yellow] "
                              f"{safe(index_left_line(busy))}",
                              highlight=False, soft_wrap=True)


def _posts_to_read(stored: list[Posting]) -> tuple[list[Posting], dict[str, list[Posting]],
                                                   list[Posting]]:
    """What ``enrich --store`` reads of the ``stored`` postings: each posting but the roles of
    the posts split per role (``<post id>/r<n>``); the roles of each post by its id; and the
    roles of the posts the store does not hold whole (every split post of a current store),
    each read through its post (``_roles_read``). A post stored whole beside its roles (an
    older mljobs's store) is read, and its roles with it, after it."""
    roles_of: dict[str, list[Posting]] = {}
    for p in stored:
        if (post := role_post(p.id)) is not None and is_split_source(p.source):
            roles_of.setdefault(post, []).append(p)
    whole = {p.id for p in stored}
    return ([p for p in stored if role_post(p.id) not in roles_of], roles_of,
            [p for p in stored if (post := role_post(p.id)) in roles_of and post not in whole])


def _latest_documents(st: SQLiteStore, roles: list[Posting]) -> tuple[dict[str, str], set[str]]:
    """The raw document each post of ``roles`` (role postings, ``<post id>/r<n>``) was last
    read from: the one its current roles (those that did not leave it) name, and the roles
    that left their post (``left_post``). A store an mljobs before ``raw_ref`` followed the
    newest document wrote names an older one for a post's roles unchanged by its last
    import: there, the document of the role whose text was written last
    (``SQLiteStore.last_written``), the import that wrote it having read the post's newest
    text (when two roles written together name two, none: the post is not split again)."""
    left = set(st.left_post([r.id for r in roles if r.status == Status.CLOSED]))
    refs: dict[str, dict[str, str | None]] = {}
    for r in roles:
        if r.id not in left and (post := role_post(r.id)) is not None:
            refs.setdefault(post, {})[r.id] = r.raw_ref
    several = [pid for named in refs.values() if len(set(named.values())) > 1 for pid in named]
    written = st.last_written(several) if several else {}
    latest: dict[str, str] = {}
    for post, named in refs.items():
        got = set(named.values())
        if len(got) > 1:
            last = max((written.get(pid, 0) for pid in named), default=0)
            got = {ref for pid, ref in named.items() if last and written.get(pid) == last}
        if len(got) == 1 and (ref := next(iter(got))) is not None:
            latest[post] = ref
    return latest, left


def _read_through(role: Posting, latest: dict[str, str], left: set[str]) -> Posting:
    """``role`` (a stored role posting) as the document its post was last read from names it
    (``_latest_documents``): a current role of a post whose roles name several documents is
    read, and split again, with its post's other roles, through the newest (the refs an
    import now moves to it: the row keeps its own until its post is stored again)."""
    post = role_post(role.id)
    ref = latest.get(post) if post is not None and role.id not in left else None
    return role if ref is None or ref == role.raw_ref else role.model_copy(
        update={"raw_ref": ref})


def _chunks(roles: list[Posting], size: int) -> Iterator[list[Posting]]:
    """``roles`` (sorted by raw document and id) in chunks of about ``size``, the roles of a
    post that name one document in one chunk."""
    chunk: list[Posting] = []
    for i, r in enumerate(roles):
        chunk.append(r)
        after = roles[i + 1] if i + 1 < len(roles) else None
        if after is None or (len(chunk) >= size and (
                after.raw_ref, role_post(after.id)) != (r.raw_ref, role_post(r.id))):
            yield chunk
            chunk = []


def _roles_read(st: SQLiteStore, roles: list[Posting], docs: dict[str, dict[str, RawPosting]],
                own: list[str], latest: dict[str, str] | None = None, left: set[str] | None = None,
                ) -> tuple[list[tuple[str, Enrichment]], list[Posting], list[Posting]]:
    """The understanding of stored role postings (``<post id>/r<n>``), each read as an import
    reads it: through its post, as the raw document it was last read from holds it
    (``reread.read_post``; ``docs``: those read so far), the understanding of the post's role
    of its content (``enrich_each``, as the import or sync that stored it); and the readings
    (their roles, numbered by place) of the posts whose current roles name the document the
    post was last read from (``latest``; ``left``: the roles that left their post) and are
    not the roles it reads as now (split or normalised by an older mljobs; or the post whole,
    the document no longer splitting it, its roles then read from their own text, closed as
    they leave the post): ``upsert``'s
    ``reread`` stores them as an import of that document would, nothing seen now; and each role
    that left its post (``left``) whose document, an earlier one than the post's (``latest``),
    reads it otherwise now, as the role of that reading it is (``dedupe.match_roles``), under
    its id, to be stored so too (one that left the post's current document, which holds no role
    of it, is read from its own text). Each keeps its
    stored list of its post's roles (``_post_roles_kept``: a role closed when it left its
    post, or stored by an mljobs before ``raw_ref`` followed the newest document, names an
    earlier text of its post). A role whose post
    cannot be read so (the document gone or no longer parsing, or its reading holding no role
    of this content: a role stored by an older reader of roles) is read from its own text and
    added to ``own``; one whose own text reads as several roles keeps what it has."""
    from mljobs.enrich.pipeline import enrich_each
    from mljobs.store.reread import read_post

    posts: dict[tuple[str | None, str], Posting] = {}
    for r in roles:
        key = (r.raw_ref, role_post(r.id) or r.id)
        if key not in posts and (got := read_post(st, r.raw_ref, role_post(r.source_id)
                                                  or r.source_id, r.source, docs)):
            posts[key] = got
    split = dict(zip(posts, enrich_each(list(posts.values())), strict=True))
    readings = {key: {c.content_hash: c.enrichment for c in got if c.enrichment}
                for key, got in split.items()}
    current: dict[tuple[str | None, str], set[str]] = {}  # (the post's, in its latest document)
    for r in roles:
        if (post := role_post(r.id)) is not None and r.id not in (left or set()) \
                and (latest or {}).get(post) == r.raw_ref:
            current.setdefault((r.raw_ref, post), set()).add(r.content_hash or "")
    # (split again, or stored whole: a post the document no longer splits, in place of its
    # roles, as an import of it stores it, which ``reread`` dates by them)
    again = {key for key, hashes in current.items()
             if key in split and hashes != set(readings[key])
             and (all(c.id != key[1] and c.enrichment for c in split[key])
                  or [(c.id, bool(c.enrichment)) for c in split[key]] == [(key[1], True)])}
    out: list[tuple[str, Enrichment]] = []
    lost: dict[tuple[str | None, str], list[Posting]] = {}  # (roles that left, read otherwise)
    alone: list[Posting] = []
    merged: list[Posting] = []  # (roles of a post stored whole again: their own text is theirs)
    for r in roles:
        key = (r.raw_ref, role_post(r.id) or r.id)
        if key in again and r.id not in (left or set()):
            if split[key][0].id == key[1]:  # (closed by the upsert, as an import closes them)
                merged.append(r)
            continue  # (stored with its post's reading)
        found = readings.get(key, {}).get(r.content_hash)
        if found is not None:
            out.append((r.id, _post_roles_kept(r, found)))
        elif r.id in (left or set()) and key in split and key[0] != (latest or {}).get(key[1]) \
                and all(c.id != key[1] and c.enrichment for c in split[key]):
            lost.setdefault(key, []).append(r)
        else:
            alone.append(r)
    moved: list[Posting] = []
    for key, gone in lost.items():  # (each as the role of its document's reading it is)
        from mljobs.dedupe import match_roles  # (numpy + rapidfuzz: only when needed)

        found_in = match_roles(split[key], gone)
        by_id = {r.id: r for r in gone}
        for c in split[key]:
            if (role := by_id.get(found_in.get(c.id, ""))) is not None and c.enrichment:
                del by_id[role.id]
                moved.append(c.model_copy(update={
                    "id": role.id, "source_id": role.source_id,
                    "enrichment": _post_roles_kept(role, c.enrichment)}))
        alone += by_id.values()
    # (not told: a role that left its post's current document, which holds no role of it: its
    # own text is all there is of it, and no import or sync reads it again)
    own += [r.id for r in alone if not (r.id in (left or set()) and r.raw_ref is not None
                                        and r.raw_ref == (latest or {}).get(role_post(r.id) or ""))]
    for r, itself in zip(alone + merged, enrich_each(alone + merged), strict=True):
        if itself[0].id == r.id and itself[0].enrichment:
            out.append((r.id, _post_roles_kept(r, itself[0].enrichment)))
    return out, [c for key in sorted(again, key=str) for c in split[key]], moved


def _post_roles_kept(stored: Posting, enrichment: Enrichment) -> Enrichment:
    """``enrichment``, a stored role posting's (``<post id>/r<n>``) read again from its own
    text, with the list of its post's roles it had (``Enrichment.roles``, which the posting
    page lists and orders the post's roles by): its text, read alone, names only some of
    them (the post's header and its own block), in another order."""
    roles = getattr(stored.enrichment, "roles", None)
    if role_post(stored.id) is None or not roles:
        return enrichment
    return enrichment.model_copy(update={"roles": roles})


def _link_new_roles(st: SQLiteStore, ids: list[str]) -> None:
    """Link the role postings a re-enrichment split a stored post into, and the postings of
    the post's duplicate cluster, as the sync or import that stores them links them: no pass
    had read the roles' texts' links, and the post they replace is gone from its cluster
    (``dedupe.link_duplicates``)."""
    from mljobs.dedupe import link_duplicates  # numpy + rapidfuzz: load only when needed

    with console.status("Linking duplicates of the new role postings..."):
        link_duplicates(st, ids)


@app.command("eval")
def eval_cmd(
    labels: str = typer.Option("dev", "--labels", help="'dev' (cross-validated) or a labels JSONL file."),
    inputs: Path | None = typer.Option(None, "--inputs", help="The postings of a labels file (corpus format)."),
    shared: Path = typer.Option(_REPO.parent / "shared", "--shared",
                                help="The shared data folder (holds data/eval; default: beside a source checkout)."),
    labels_dir: Path = typer.Option(_REPO / "labels", "--labels-dir",
                                    help="Extra labels + held-out exclusion list (default: a source checkout's labels/)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Score the pipeline against gold labels (eval/LABELS.md scoring).

    --labels dev runs 5-fold cross-validation over the dev set (each fold's
    archetype model trained on the other folds + the extra labels, reposts of the
    fold's postings left out); another labels file is scored with the shipped model.
    """
    from mljobs.enrich.evaluate import dev_report, evaluate
    from mljobs.enrich.pipeline import enrich_record
    from mljobs.sources.files import read_objects

    with handle_errors():
        if labels == "dev":
            _check_dev_folders(shared, labels_dir)
            report = dev_report(shared, labels_dir)
        else:
            if inputs is None:
                raise fail("give --inputs with the postings of the labels file.", 2)
            gold = read_objects(Path(labels))
            records = read_objects(inputs)
            _check_labels(labels, gold, inputs, records)
            report = evaluate([enrich_record(r) for r in records], gold)
            report["protocol"] = f"shipped model on {labels}"
        if as_json:
            print_json(report)
        else:
            _print_report(report)


def _check_dev_folders(shared: Path, labels_dir: Path) -> None:
    """``--labels dev`` reads two folders whose defaults only hold in a source checkout (the
    shared data beside it, its labels/): name the option to give when one is not there, rather
    than the first file missing from it."""
    if not (shared / "data" / "eval").is_dir():
        raise InputError(f"{shared}: no data/eval folder in it (dev-inputs.jsonl, dev-labels.jsonl); "
                         "give --shared with the shared data folder that holds data/eval")
    if not labels_dir.is_dir():
        raise InputError(f"{labels_dir}: no such folder; give --labels-dir with the project's labels/ "
                         "folder (batch*.jsonl and heldout-exclude.txt)")


def _check_labels(labels: str, gold: list[dict[str, Any]], inputs: Path,
                  records: list[dict[str, Any]]) -> None:
    """Refuse a labels file that cannot be scored: it was scored as n=0 with 0.000 everywhere
    (empty, or no label's posting in --inputs), or was a KeyError traceback (rows without an
    archetype: the two files given the other way round)."""
    if not gold:
        raise InputError(f"{labels}: no labels in it; give a labels JSONL file (one object a "
                         "line with id and archetype, eval/LABELS.md)")
    for n, row in enumerate(gold, start=1):
        if not isinstance(row.get("id"), str) or not isinstance(row.get("archetype"), str):
            raise InputError(f"{labels}: label {n} has no 'id' and 'archetype' (eval/LABELS.md); "
                             "is it a postings file? Give the labels with --labels and their "
                             "postings with --inputs")
    ids = {r.get("id") for r in records}
    if not any(row["id"] in ids for row in gold):
        raise InputError(f"{inputs}: none of the {len(gold)} labels of {labels} has its posting "
                         "in this file; give the postings the labels were made on with --inputs")


def _print_report(report: dict[str, Any]) -> None:
    arch = report["archetype"]
    console.print(f"[bold]{report['protocol']}[/bold] (n={report['n']})")
    table = Table(title="Archetype")
    for col in ("class", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "class" else "right")
    for name, m in arch["per_class"].items():
        table.add_row(name, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["support"]))
    table.add_row("[bold]accuracy[/bold]", "", "", f"{arch['accuracy']:.3f}", "")
    table.add_row("[bold]macro-F1[/bold]", "", "", f"{arch['macro_f1']:.3f}", "")
    console.print(table)
    by_conf = ", ".join(f"{level} {m['accuracy']:.3f} (n={m['n']})"
                        for level, m in arch.get("by_confidence", {}).items())
    if by_conf:
        console.print(f"Accuracy by the gold label's confidence: {by_conf}")
    if "gold_or_alt_accuracy" in arch:
        console.print(f"Predicted the gold class or its archetype_alt: {arch['gold_or_alt_accuracy']:.3f}")
    classes = list(arch["confusion"])
    conf = Table(title="Confusion (rows gold, columns predicted)",
                 caption=" · ".join(f"{_SHORT.get(c, c)} = {c}" for c in classes))
    conf.add_column("gold \\ pred")
    for c in classes:
        conf.add_column(_SHORT.get(c, c), justify="right")
    for gold in classes:
        conf.add_row(_SHORT.get(gold, gold), *(str(arch["confusion"][gold][p]) for p in classes))
    console.print(conf)
    facets = Table(title="Facets and skills")
    facets.add_column("measure")
    facets.add_column("value", justify="right")
    for name, acc in report["facets"].items():
        facets.add_row(f"{name} accuracy", f"{acc:.3f}")
    for k in ("precision", "recall", "f1"):
        facets.add_row(f"skills {k}", f"{report['skills'][k]:.3f}")
    facets.add_row("skills required flag right (matched skills)",
                   f"{report['skills']['required_agreement']:.3f}")
    console.print(facets)
