"""The exception tree of mljobs.

The library raises these; only ``mljobs.cli`` and ``mljobs.web`` print them.
Every message says what failed, which thing, and what to do next.

::

    MljobsError
    ├── ConfigError            bad settings, unknown names, bad command-line values
    ├── InputError             a file or value given by the user cannot be used
    │   └── RowError           one row of an import file (file, line, field)
    ├── StoreError             the posting store cannot be opened, migrated or written
    │   └── IndexBusyError     the search index is being written by another process
    ├── QueryError             a search query that cannot be understood
    ├── SourceError            a job source failed (carries ``source``)
    │   ├── FetchError         HTTP or file I/O failed (``url``, ``status``; ``transient``)
    │   └── ParseError         a fetched document cannot be parsed (``doc_ref``)
    └── EnrichError            the understanding pipeline failed on a posting
"""

from __future__ import annotations

from pathlib import Path


def clip(text: str, width: int = 80) -> str:
    """``text`` cut to ``width`` characters, ending in "…" when it was cut (a cut title must
    not read as the whole title; a 10,000-character id must not fill the terminal)."""
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def os_reason(exc: OSError, path: str | Path) -> str:
    """Why ``exc`` came of making or writing ``path``, in words: a file where one of its
    folders goes is named ("jobs.csv is a file, not a folder": the error said only "File
    exists" or "Not a directory"); else the error's own text."""
    file = next((p for p in Path(path).parents if p.exists() and not p.is_dir()), None)
    return f"{file} is a file, not a folder" if file else str(exc.strerror or exc)


class MljobsError(Exception):
    """Root of every error mljobs raises on purpose."""

    transient: bool = False


class ConfigError(MljobsError):
    """Settings, names or command-line values that cannot be used."""


class InputError(MljobsError):
    """A file or value given by the user that cannot be used."""


class RowError(InputError):
    """One bad row of an import file.

    Args:
        path: the file the row came from.
        line: 1-based line (JSONL/CSV) or item number (JSON array).
        field: the field at fault, or None when the whole row is bad.
        reason: what is wrong, in words a user can act on.
    """

    def __init__(self, path: str, line: int, field: str | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.reason = reason
        where = f"{path}:{line}" + (f" field '{field}'" if field else "")
        super().__init__(f"{where}: {reason}")


class StoreError(MljobsError):
    """The posting store cannot be opened, migrated or written."""


class IndexBusyError(StoreError):
    """The search index cannot be brought up to date now: another mljobs process is writing
    it (a ``mljobs reindex`` for one). A search reads the index as it is meanwhile
    (``index.open_for_search``), and a write of the store leaves it to the next search
    (``index.refresh_index``).

    Attributes:
        path: the index (a folder or a file).
        reason: the engine's words for the lock.
        holder: the other process and its work, as it recorded them (pid, command, what it
            writes, since when), None when unknown.
        waited: the seconds this process waited for it.
    """

    def __init__(self, path: object, reason: str, *, holder: str | None = None,
                 waited: float = 0.0) -> None:
        self.path = str(path)
        self.reason = reason
        self.holder = holder
        self.waited = waited
        if holder is None:
            super().__init__(
                f"the search index at {path} is being written by another mljobs process "
                f"({reason}), a `mljobs reindex` for one; wait for it to finish and try again")
            return
        super().__init__(
            f"the search index at {path} is being written by another mljobs process ({holder})"
            + (f", still after {waited:.0f} s of waiting" if waited else "")
            + "; wait for it to finish and try again (a whole build takes about a minute for "
            "100,000 postings), or stop that process: its index is left as it was before")


class QueryError(MljobsError):
    """A search query that cannot be understood."""


class SourceError(MljobsError):
    """A job source failed.

    Args:
        source: the source's name (``greenhouse``, ``hackernews``...).
        message: what went wrong.
    """

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        super().__init__(f"{source}: {message}")


class FetchError(SourceError):
    """Fetching a document failed.

    ``transient`` is True when retrying later may succeed (timeouts, 429, 5xx);
    ``bot_check`` when the answer (a 401, 403 or 503) is a bot protection's challenge or
    block: its headers name one, or its page is one (``bot_checks.bot_check``); such an
    answer is not transient. ``answer``: the start of a refusal's (401, 403) JSON body, for
    a source whose API says there why it refused (Reddit's ``{"reason": "private"}``).
    """

    def __init__(
        self,
        source: str,
        url: str,
        message: str,
        status: int | None = None,
        transient: bool = False,
        bot_check: bool = False,
    ) -> None:
        self.url = url
        self.status = status
        self.transient = transient
        self.bot_check = bot_check
        self.answer = b""
        super().__init__(source, f"{message} ({url})")


class ParseError(SourceError):
    """A fetched document could not be parsed.

    Args:
        source: the source's name.
        doc_ref: the document's reference (its address).
        message: what went wrong and what to do.
        kind: a word naming the failure, for a caller that tells failures apart (the
            careers-page source's: ``broken_markup``, ``untitled``, or why the page did
            not plainly read, as ``no_markup``); empty when the source names none.
        reason: what went wrong without what to do, for a caller that gives its own
            advice; the message when not given.
    """

    def __init__(self, source: str, doc_ref: str, message: str, *, kind: str = "",
                 reason: str = "") -> None:
        self.doc_ref = doc_ref
        self.kind = kind
        self.reason = reason or message
        super().__init__(source, f"cannot parse {doc_ref}: {message}")


class EnrichError(MljobsError):
    """The understanding pipeline failed on a posting."""
