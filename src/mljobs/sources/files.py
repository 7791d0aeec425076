"""Rows of import files -> RawPosting: JSONL, JSON and CSV, in three shapes.

* the mljobs corpus format (``id``, ``source``, ``title``, ``text`` ...),
  as in ``shared/data/corpus/postings.jsonl``;
* the CSV (or JSON) that JobSpy (``python-jobspy``) writes (``site``,
  ``job_url``, ``description``, ``min_amount`` ...);
* a generic shape using mljobs' own field names (``title``, ``company``,
  ``description``, ``url``, ``posted_at``, ``salary_min`` ...).

``read_rows`` yields ``(line, row_dict_or_error, raw_bytes)``;
``row_to_raw`` maps one row or raises ``RowError`` naming the field.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import itertools
import json
import math
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, cast

from mljobs.errors import InputError, RowError, clip
from mljobs.models import RawPosting, Salary, SalaryInterval
from mljobs.normalize import NO_VALUE
from mljobs.pay import PER_YEAR
from mljobs.sources.base import quote_start
from mljobs.sources.hn_format import HN_ITEM_URL, hn_item_to_raw, kept_company

MAX_FILE_BYTES = 2 * 1024**3  # a file's size, and what a .gz file may unpack to
MAX_LINE_BYTES = 64 * 1024**2  # one JSONL line (and one CSV field)
csv.field_size_limit(MAX_LINE_BYTES)

Row = dict[str, Any]


def detect_format(path: Path) -> str:
    """``jsonl``, ``json``, ``csv`` or ``html`` (a page saved from a browser: ``.html``,
    ``.htm``, or a web archive, ``.mhtml``, ``.mht``) from the file name (a ``.gz`` suffix
    is allowed)."""
    name = path.name.lower().removesuffix(".gz")
    for ext, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv"),
                     (".html", "html"), (".htm", "html"), (".mhtml", "html"),
                     (".mht", "html")):
        if name.endswith(ext):
            return fmt
    if name.endswith((".mbox", ".eml", ".mbx")):  # mail is synced, not imported
        raise InputError(
            f"{path}: mail is read by the mailbox source, not imported: `mljobs sources add "
            f"mailbox --name mail --set paths={path}`, then `mljobs sync --source mail`")
    raise InputError(
        f"{path}: unknown file type; use a .jsonl, .json or .csv file, or a page saved from "
        "a browser (.html, .mhtml) (or pass --format)"
    )


def read_rows(path: Path, fmt: str | None = None, *,
              max_bytes: int = MAX_FILE_BYTES) -> Iterator[tuple[int, Row | RowError, bytes]]:
    """Yield each row with its line number; a row that cannot be read is a ``RowError``.

    At most ``max_bytes`` are read, packed or unpacked: a ``.gz`` file that unpacks to more
    (a decompression bomb, or simply too much) is refused as a plain file of that size is,
    and a JSONL line longer than ``MAX_LINE_BYTES`` ends the read, so memory stays bounded.
    """
    check_file(path, max_bytes)
    fmt = fmt or detect_format(path)
    if fmt == "jsonl":
        yield from _read_jsonl(path, max_bytes)
    elif fmt == "json":
        yield from _read_json(path, max_bytes)
    elif fmt == "csv":
        yield from _read_csv(path, max_bytes)
    else:  # (a saved page, html, is no file of rows: ``saved_page.read_saved_page``)
        raise InputError(f"unknown format {fmt!r}; use jsonl, json or csv")


# the files import reads, by their names (``detect_format``), as its messages name them
READ_TYPES = ".jsonl, .json, .csv, or a page saved from a browser, .html, .htm, .mhtml, .mht"
NOTHING_IN_FOLDER = f"is a folder with no file in it that import reads ({READ_TYPES}); pass the files to import"


def folder_files(folder: Path) -> list[Path]:
    """The files directly in a folder that import reads (``folder_contents``)."""
    return folder_contents(folder)[0]


def folder_contents(folder: Path) -> tuple[list[Path], list[Path]]:
    """The files directly in a folder that import reads (by their names, ``detect_format``),
    by name; not those of its subfolders (a page saved "Webpage, Complete" keeps its frames,
    pages of their own, in a ``_files`` folder beside it); and the files of other types it
    does not read (a .pdf, a .docx; not a dotfile such as .DS_Store), by name: what
    ``import folder/`` says it skipped."""
    found: list[Path] = []
    skipped: list[Path] = []
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return [], []
    for child in children:
        if not child.is_file():
            continue
        try:
            detect_format(child)
        except InputError:
            if not child.name.startswith("."):  # (.DS_Store and the like: no one's file)
                skipped.append(child)
            continue
        found.append(child)
    return found, skipped


def check_file(path: Path, max_bytes: int) -> None:
    """An ``InputError`` for a path that is no file, or a file larger than ``max_bytes``."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():  # (``mljobs import`` expands a folder and names one with nothing in it
        # it reads: a folder here was given where one file goes, to eval's --labels/--inputs
        # too, whom import's "pass the files to import" misled)
        raise InputError(f"{path}: is a folder, not a file; give the file itself"
                         if not folder_files(path) else
                         f"{path}: is a folder; import_file reads one file: pass the files "
                         "in it (mljobs import reads a folder's files)")
    if path.stat().st_size > max_bytes:
        raise InputError(f"{path}: larger than {_size(max_bytes)}; split it into smaller files")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The whole file (unpacked when ``.gz``), at most ``max_bytes``; ``InputError`` when it
    is no file, too large, or cannot be read."""
    check_file(path, max_bytes)
    return _read_all(path, max_bytes)


def read_objects(path: Path) -> list[Row]:
    """Every object of a JSONL file (``.gz`` too); the first bad line raises its ``RowError``."""
    out: list[Row] = []
    for _line, row, _raw in read_rows(path, "jsonl"):
        if isinstance(row, RowError):
            raise row
        out.append(row)
    return out


def open_bytes(path: Path) -> IO[bytes]:
    """``path`` opened to read its bytes: unpacked when its name ends in ``.gz`` (a gzipped
    dump); what reading a damaged one raises is in ``GZIP_ERRORS``."""
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


# What reading a damaged .gz file raises: not gzip at all (BadGzipFile), cut short
# (EOFError, which Click would print as a bare "Aborted!"), or corrupt data (zlib.error).
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def _gzip_problem(path: Path, exc: BaseException) -> str:
    return (f"{path}: not a whole gzip file ({exc or type(exc).__name__}); check it with "
            f"`gzip -t`, or unpack it and import the plain file")


def _size(n: int) -> str:
    return f"{n / 1024**3:g} GiB" if n >= 1024**3 else f"{n / 1024**2:g} MiB"


def _too_big(path: Path, max_bytes: int) -> str:
    return (f"{path}: unpacks to more than {_size(max_bytes)} (the most a file may hold); "
            "split it into smaller files")


def _read_all(path: Path, max_bytes: int) -> bytes:
    """The file's bytes (unpacked when ``.gz``, at most ``max_bytes``: a bigger unpacked
    file is an ``InputError`` before more is held); a damaged gzip file is an
    ``InputError``."""
    chunks: list[bytes] = []
    size = 0
    try:
        with open_bytes(path) as fh:
            while chunk := fh.read(min(max_bytes + 1 - size, 16 * 1024**2)):
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(_too_big(path, max_bytes))
        return b"".join(chunks)
    except GZIP_ERRORS as exc:
        raise InputError(_gzip_problem(path, exc)) from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc}); check the file") from exc


def _lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | RowError]]:
    """The numbered lines of the file. A gzip file that breaks off (or is corrupt) after
    some lines ends with a ``RowError`` naming the line where it broke, so the rows before
    it are still read; one that gives no line at all is an ``InputError``. So does a line
    longer than ``MAX_LINE_BYTES``, or one that takes the file past ``max_bytes``: neither
    is held whole."""
    number = 0
    line_cap = min(MAX_LINE_BYTES, max_bytes)
    left = max_bytes
    with open_bytes(path) as fh:
        try:
            for number, line in enumerate(iter(lambda: fh.readline(line_cap + 1), b""),
                                          start=1):
                left -= len(line)
                if left < 0:
                    yield number, RowError(str(path), number, None, _too_big(path, max_bytes)
                                           + "; the rows before this line were read")
                    return
                if len(line) > line_cap:
                    yield number, RowError(
                        str(path), number, None,
                        f"the line is longer than {_size(line_cap)}, no posting is; the "
                        "rows before it were read, the rest of the file is not")
                    return
                yield number, line
        except GZIP_ERRORS as exc:
            if number == 0:
                raise InputError(_gzip_problem(path, exc)) from exc
            yield number + 1, RowError(
                str(path), number + 1, None,
                f"the gzip file breaks off here ({exc or type(exc).__name__}); the rows "
                "before this line were read; check it with `gzip -t`")


_TOO_DEEP = "nested too deep to read (a posting is a few levels deep)"


HEAD_BYTES = 8192  # what is looked at of a JSONL file to tell text from binary data


def not_text(path: Path, head: bytes) -> str | None:
    """Why a JSONL file is no UTF-8 text, from ``head``, its first bytes (unpacked): the
    byte-order mark of UTF-16 (Windows Notepad's "Unicode"), or NUL bytes, which no UTF-8
    JSON text holds (an image, a database, a zip renamed ``.jsonl``); None when it may be
    text. Read line by line, such a file was dozens of bad rows of codec errors."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (f"{path}: text saved as UTF-16, not UTF-8; save it again as UTF-8 (a JSONL "
                "file is UTF-8 text, one JSON object a line)")
    if b"\x00" in head and not _rows_before_nul(head):
        return (f"{path}: this looks like a binary file, not JSONL text (it holds NUL bytes); "
                "check that it is the file you meant (a JSONL file is UTF-8 text, one JSON "
                "object a line)")
    return None


def _rows_before_nul(head: bytes) -> bool:
    """Whether ``head`` has a line that reads as a JSON object before its first NUL byte: a
    JSONL file damaged after its good rows (a crash leaves a tail of NUL bytes), whose rows
    are read, the damaged lines bad rows, not a binary file."""
    for line in head[:head.index(b"\x00")].splitlines()[:-1]:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except ValueError:
            continue
    return False


def _json_problem(exc: ValueError, line: bytes) -> str:
    """A JSONL row's JSON error, placed in the line: ``json``'s own "line 2 column 1 (char
    7)" counted the line break ending the row, and named a line 2 of a row of the file."""
    if isinstance(exc, UnicodeDecodeError):
        return (f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at byte {exc.start + 1} "
                "of the line); save the file again as UTF-8")
    if isinstance(exc, json.JSONDecodeError):
        if exc.pos >= len(exc.doc.rstrip()):
            return ("the line ends before its JSON object does (a JSONL row is one whole JSON "
                    "object on one line)")
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    return f"not valid JSON ({exc})"


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[tuple[int, Row | RowError, bytes]]:
    lines = _lines(path, max_bytes)
    # the first lines, until HEAD_BYTES, are held to tell text from binary data before any
    # row is given (the file is read once: it may be a pipe)
    head: list[tuple[int, bytes | RowError]] = []
    size = 0
    for number, line in lines:
        head.append((number, line))
        if isinstance(line, RowError):
            break
        size += len(line)
        if size >= HEAD_BYTES:
            break
    problem = not_text(path, b"".join(line for _, line in head
                                       if isinstance(line, bytes))[:HEAD_BYTES])
    if problem:
        raise InputError(problem)
    first = next((line.strip() for _, line in head
                  if isinstance(line, bytes) and line.strip()), b"").removeprefix(b"\xef\xbb\xbf")
    if first in (b"[", b"{") or re.match(rb"\[\s*[{\]]", first):
        # (a JSON array or a pretty-printed JSON object: a bad row for each of its lines)
        raise InputError(f"{path}: one JSON document (it starts {quote_start(first, 30)}), not JSON "
                         "Lines, one posting's object on each line; name the file .json or "
                         "pass --format json")
    for number, line in itertools.chain(head, lines):
        if isinstance(line, RowError):
            yield number, line, b""
            return
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:  # (a UnicodeDecodeError too)
            yield number, RowError(str(path), number, None, _json_problem(exc, line)), line
            continue
        except RecursionError:
            yield number, RowError(str(path), number, None, f"JSON {_TOO_DEEP}"), line
            continue
        if not isinstance(row, dict):
            yield number, RowError(
                str(path), number, None, "expected a JSON object on each line"
            ), line
            continue
        yield number, row, line.rstrip(b"\r\n")


def _object_line(text: str) -> bool:
    """Whether ``text`` (a JSON file's start, up to where the data after its first value
    starts) is one JSON object on one line and a line break: the first row of a JSON Lines
    file ("{...}}", a stray brace on the object's line, is no second row; nor is one on the
    next line, which starts no object: the caller checks that)."""
    line = text.strip().removeprefix("\ufeff")
    return line.startswith("{") and "\n" not in line and text.rstrip(" \t\r").endswith("\n")


def _read_json(path: Path, max_bytes: int) -> Iterator[tuple[int, Row | RowError, bytes]]:
    content = _read_all(path, max_bytes)
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data" \
                and _object_line(exc.doc[:exc.pos]) and exc.doc[exc.pos:exc.pos + 1] == "{":
            raise InputError(f"{path}: one posting's JSON object on each line, which is JSON "
                             "Lines, not one JSON document; name the file .jsonl or pass "
                             "--format jsonl") from exc
        raise InputError(f"{path}: not valid JSON ({exc}); fix the file or use JSONL") from exc
    except RecursionError:
        raise InputError(f"{path}: JSON {_TOO_DEEP}; fix the file or use JSONL") from None
    items: Any = data
    context: Row = {}
    if isinstance(data, dict):
        for key in ("postings", "jobs", "results", "items", "data"):
            if isinstance(data.get(key), list):
                items = data[key]
                context = {k: v for k, v in data.items() if k != key}
                break
        else:
            items = [data]
    if not isinstance(items, list):
        raise InputError(f"{path}: expected a list of postings (or an object holding one)")
    thread = (context.get("sources") or {}).get("who_is_hiring_thread_id")
    for number, row in enumerate(items, start=1):
        raw = json.dumps(row, ensure_ascii=False, sort_keys=True).encode()
        if not isinstance(row, dict):
            yield number, RowError(str(path), number, None, "expected a JSON object"), raw
            continue
        if thread and "thread_id" not in row:
            row = {**row, "thread_id": thread}
        yield number, row, raw


_SEPARATORS = (";", "\t", "|")
_QUOTED = re.compile('"[^"]*"?')  # a quoted value ("" within it: two such, joined)


def _separator(text: str) -> str:
    """The CSV's separator, read from its header line: a comma, unless the header has none
    and has semicolons (a spreadsheet in a European locale saves those), tabs (values
    exported tab-separated) or bars, the most frequent of them. Read with commas, such a
    file was one column named 'title;company;...' and every row a bad row. What a header's
    quoted names hold does not count (``title;"Company, Inc.";description`` is separated by
    semicolons; read with commas, every row was a bad row)."""
    header = _QUOTED.sub("", text.split("\n", 1)[0])
    if "," in header:
        return ","
    count, sep = max((header.count(sep), sep) for sep in _SEPARATORS)
    return sep if count else ","


def _unclosed_quote(text: str, sep: str) -> bool:
    """Whether a quoted value of the CSV is never closed: read leniently (as import reads),
    it takes the rest of the file as its value, every row after it gone without a word.
    A strict read tells (it ends inside a quoted value; a quote within a plain value,
    ``27" screen``, opens nothing). Asked only of a last row that spans lines to the end of
    the file (a quoted value holding line breaks may, rightly). The number of quotes does
    not tell: ``27" screen`` and an unclosed quote are two."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    while True:
        try:
            next(reader)
        except StopIteration:
            return False
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                return True


def _read_csv(path: Path, max_bytes: int) -> Iterator[tuple[int, Row | RowError, bytes]]:
    content = _read_all(path, max_bytes)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc}); re-save it as UTF-8") from exc
    sep = _separator(text)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sep)
    if not reader.fieldnames:
        raise InputError(f"{path}: empty CSV file, or no header row")
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, RowError(str(path), start, None, f"broken CSV ({exc})"), b""
            start = reader.line_num + 1
            continue
        if reader.line_num >= last_line and reader.line_num > start \
                and _unclosed_quote(text, sep):
            yield start, RowError(
                str(path), start, None,
                f"a quote opened in this row is never closed, so lines {start}-{last_line} "
                "(the rest of the file) read as one value; close the quote, or remove it, and "
                "import again"), b""
            return
        # a row longer than the header keeps its extra values under the key None (which
        # sort_keys cannot order among the column names): a bad row, with no raw text as a
        # broken one (no caller reads a bad row's raw)
        extra = row.pop(None, None)
        # a row shorter than the header (a file cut mid-row, a line break in a value not
        # quoted) has None under the columns it lacks: stored, it was a posting with no
        # description. A column without a name (a header ending in a comma) may be left out.
        missing = [key for key, value in row.items() if value is None and key]
        if extra is not None:
            yield start, RowError(
                str(path), start, None, f"{len(extra)} more values than header columns"
            ), b""
        elif missing:
            yield start, RowError(
                str(path), start, None,
                f"{len(missing)} fewer values than header columns (no "
                f"{_named(missing)}); give the row its missing values (or quote a value "
                "holding a line break or the separator) and import again"), b""
        else:
            yield start, row, json.dumps(row, ensure_ascii=False, sort_keys=True).encode()
        start = reader.line_num + 1


def _named(columns: list[str]) -> str:
    """Columns named in a message: the first three, and how many more."""
    shown = ", ".join(columns[:3])
    return shown + (f" and {len(columns) - 3} more" if len(columns) > 3 else "")


# -- mapping ------------------------------------------------------------------------

def _str(row: Row, *keys: str) -> str | None:
    for key in keys:
        value = row.get(key)
        if value is None:
            continue
        if isinstance(value, float) and math.isnan(value):  # NaN from pandas CSVs
            continue
        if isinstance(value, list | dict):  # (no text: stored as its Python repr before)
            continue
        text = str(value).strip()
        if text and text.lower() not in ("nan", "none", "null"):
            return text
    return None


def _text(row: Row, ctx: tuple[str, int], *keys: str) -> str | None:
    """``_str`` for a generic row's own fields, which hold text or a number: a JSON list or
    object there is a ``RowError`` (``"title": ["ML Engineer"]`` was stored as the title
    "['ML Engineer']", ``"id": {...}`` as the id "file:{'x': 1}"), and so is true or false
    (``"id": true`` was stored as "file:True")."""
    for key in keys:
        value = row.get(key)
        if isinstance(value, (list, dict, bool)):
            kind = ("true or false" if isinstance(value, bool) else
                    "a JSON list" if isinstance(value, list) else "a JSON object")
            raise RowError(ctx[0], ctx[1], key, f"expected text, got {kind}")
    return _str(row, *keys)


def parse_time(value: Any, field: str, ctx: tuple[str, int]) -> datetime | None:
    """Unix seconds/milliseconds, ISO 8601, or a date; ``RowError`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RowError(ctx[0], ctx[1], field, f"expected a date or time, got {value!r}")
    if isinstance(value, int | float) or (isinstance(value, str) and re.fullmatch(r"\d{9,13}", value)):
        number = float(value)
        if number > 1e11:
            number /= 1000
        try:
            return datetime.fromtimestamp(number, UTC)
        except (OverflowError, OSError, ValueError) as exc:
            raise RowError(ctx[0], ctx[1], field, f"timestamp out of range ({clip(str(value))})") from exc
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())  # (3.11 reads a trailing "Z")
        except ValueError:
            raise RowError(
                ctx[0], ctx[1], field,
                f"cannot read {value[:40]!r} as a date; use ISO 8601 (2026-01-31) or unix seconds",
            ) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise RowError(ctx[0], ctx[1], field, f"expected a date or time, got {type(value).__name__}")


def _number(value: Any, field: str, ctx: tuple[str, int]) -> float | None:
    """A row's figure: None when empty or NaN; infinity as it is (``_pay`` judges a pay
    figure's size); ``RowError`` for text that is no number and for a negative one."""
    if value is None or value == "":
        return None
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        raise RowError(ctx[0], ctx[1], field, f"expected a number, got {str(value)[:40]!r}") from None
    if math.isnan(number):
        return None
    if number < 0:
        raise RowError(ctx[0], ctx[1], field, "must not be negative")
    return number


# A yearly pay figure above this (1e300, or 1e999 read as infinity) is no one's pay but a
# slip; the posting is kept without the pay and the import notes it (``RowError`` as a note)
ABSURD_YEARLY_PAY = 1e12
# what the note of an absurd pay figure (``_pay``) tells the importer of a file to do; a sync
# (the jobspy source) says the rest of the note, with nothing of a file to fix
PAY_ADVICE = "; fix the figure and import again"


def _pay(figures: tuple[tuple[str, float | None], ...], interval: str, ctx: tuple[str, int],
         notes: list[RowError] | None) -> bool:
    """True when a row's pay figures (``(field, value)``, per ``interval``) are pay anyone
    is paid; else a note names the first absurd one (when ``notes`` is given) and False."""
    for field, value in figures:
        if value is None:
            continue
        yearly = value * PER_YEAR.get(interval, 1)
        if not math.isfinite(yearly) or yearly > ABSURD_YEARLY_PAY:
            if notes is not None:
                shown = "infinity" if math.isinf(value) else f"{value:g}"
                notes.append(RowError(
                    ctx[0], ctx[1], field,
                    f"{shown} {'an' if interval == 'hour' else 'a'} {interval} is no one's pay (over {ABSURD_YEARLY_PAY:g} a year); "
                    "the posting was kept without pay" + PAY_ADVICE))
            return False
    return True


_GD_SALARY = re.compile(r"\$(\d+)K-\$(\d+)K(?:\s*\((.*?)\))?", re.IGNORECASE)


def glassdoor_salary(text: str | None) -> Salary | None:
    """A Glassdoor ``$56K-$97K (Glassdoor est.)`` estimate as a Salary (not stated)."""
    if not text or text.strip() == "-1":
        return None
    match = _GD_SALARY.search(text)
    if not match:
        return None
    low, high = float(match.group(1)) * 1000, float(match.group(2)) * 1000
    note = (match.group(3) or "").lower()
    hourly = "per hour" in text.lower()
    interval = SalaryInterval.HOUR if hourly else SalaryInterval.YEAR
    if hourly:
        low, high = low / 1000, high / 1000
    return Salary(min=low, max=high, currency="USD", interval=interval,
                  stated="employer" in note, text=text.strip())


def _corpus_row(row: Row, ctx: tuple[str, int]) -> RawPosting:
    source = _str(row, "source") or "file"
    corpus_id = _str(row, "id")
    if not corpus_id:
        raise RowError(ctx[0], ctx[1], "id", "missing; every corpus row needs an id")
    if source == "hackernews" and (row.get("text_html") or row.get("text")):
        item_id = corpus_id.removeprefix("hn-")
        raw = hn_item_to_raw(
            {"id": item_id, "text": row.get("text_html") or _text_as_html(row.get("text") or ""),
             "time": row.get("posted_at")},
            thread_id=row.get("thread_id"),
        )
        if raw is None:
            raise RowError(ctx[0], ctx[1], "text", "empty post")
        update: dict[str, Any] = {"url": _str(row, "url") or HN_ITEM_URL.format(id=item_id)}
        given = _str(row, "company")
        update["company"] = kept_company(
            given, raw.title, {"roles": raw.extra.get("roles", ()), "company": raw.company})
        if _str(row, "title"):
            update["title"] = _str(row, "title")
        if row.get("text"):
            update["description_text"] = row["text"]
        return raw.model_copy(update=update)
    title = _str(row, "title")
    if not title:
        raise RowError(ctx[0], ctx[1], "title", "missing or empty")
    text = _str(row, "text")
    if not text:
        raise RowError(ctx[0], ctx[1], "text", "missing or empty")
    extra = {
        k: row[k] for k in ("company_size", "industry", "sector", "ownership", "salary_estimate",
                            "thread_id") if row.get(k) not in (None, *NO_VALUE)
    }
    source_id = corpus_id.removeprefix("gd-") if source.startswith("glassdoor") else corpus_id
    location = _str(row, "location")
    return RawPosting(
        source=source,
        source_id=source_id,
        title=title,
        company=_str(row, "company"),
        url=_str(row, "url"),
        locations=[location] if location else [],
        posted_at=parse_time(row.get("posted_at"), "posted_at", ctx),
        description_text=text,
        salary=glassdoor_salary(_str(row, "salary_estimate")),
        extra=extra,
    )


def _text_as_html(text: str) -> str:
    import html as _html

    return "<p>".join(_html.escape(p) for p in text.split("\n\n"))


_JOBSPY_INTERVALS = {"yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
                     "hourly": "hour"}


def _jobspy_row(row: Row, ctx: tuple[str, int], notes: list[RowError] | None) -> RawPosting:
    title = _str(row, "title")
    if not title:
        raise RowError(ctx[0], ctx[1], "title", "missing or empty")
    site = (_str(row, "site") or "jobspy").lower()
    url = _str(row, "job_url", "job_url_direct")
    source_id = _str(row, "id") or (hashlib.sha1(url.encode()).hexdigest()[:16] if url else None)
    if not source_id:
        raise RowError(ctx[0], ctx[1], "id", "missing, and no job_url to derive one from")
    low = _number(row.get("min_amount"), "min_amount", ctx)
    high = _number(row.get("max_amount"), "max_amount", ctx)
    salary = None
    interval = _JOBSPY_INTERVALS.get((_str(row, "interval") or "yearly").lower(), "year")
    if (low is not None or high is not None) and _pay(
            (("min_amount", low), ("max_amount", high)), interval, ctx, notes):
        salary = Salary(min=low, max=high, currency=_str(row, "currency") or "USD",
                        interval=SalaryInterval(interval),
                        stated=(_str(row, "salary_source") or "direct_data") == "direct_data")
    remote_flag = _str(row, "is_remote")
    location = _str(row, "location")
    description = _str(row, "description") or ""
    extra = {k: row[k] for k in ("job_type", "job_level", "company_industry",
                                 "company_num_employees", "company_url", "listing_type")
             if _str(row, k)}
    return RawPosting(
        source=site,
        source_id=source_id,
        title=title,
        company=_str(row, "company"),
        url=url,
        locations=[location] if location else [],
        remote="remote" if (remote_flag or "").lower() in ("true", "1", "yes") else None,
        employment_type=_str(row, "job_type"),
        posted_at=parse_time(_str(row, "date_posted"), "date_posted", ctx),
        description_text=description,
        salary=salary,
        extra=extra,
    )


def _generic_row(row: Row, ctx: tuple[str, int], default_source: str,
                 notes: list[RowError] | None) -> RawPosting:
    title = _text(row, ctx, "title", "job_title", "Job Title")
    if not title:
        raise RowError(ctx[0], ctx[1], "title", "missing or empty")
    source = _text(row, ctx, "source") or default_source
    url = _text(row, ctx, "url", "link")
    source_id = _text(row, ctx, "source_id", "id")
    company = _text(row, ctx, "company", "company_name")
    description_html = _text(row, ctx, "description_html")
    description_text = _text(row, ctx, "description_text", "description", "text")
    if not source_id:
        basis = url or f"{title}|{_str(row, 'company') or ''}|{_str(row, 'description') or ''}"
        source_id = hashlib.sha1(basis.encode()).hexdigest()[:16]
    locs = row.get("locations")
    if isinstance(locs, str):
        locs = [p.strip() for p in locs.split(";")]
    if locs is not None and not isinstance(locs, list):
        raise RowError(ctx[0], ctx[1], "locations", "expected a list or ';'-separated text")
    if any(isinstance(x, list | dict) for x in locs or []):
        raise RowError(ctx[0], ctx[1], "locations", "expected places as text, got a JSON "
                       "list or object among them")
    loc = _str(row, "location")
    locations = [str(x) for x in (locs or ([loc] if loc else [])) if x is not None]
    low = _number(row.get("salary_min"), "salary_min", ctx)
    high = _number(row.get("salary_max"), "salary_max", ctx)
    salary = None
    interval = _str(row, "salary_interval") or "year"
    if (low is not None or high is not None) and _pay(
            (("salary_min", low), ("salary_max", high)), interval, ctx, notes):
        if low is not None and high is not None and low > high:
            raise RowError(ctx[0], ctx[1], "salary_min", f"{low:g} is above salary_max {high:g}")
        if interval not in SalaryInterval.__members__.values():
            raise RowError(ctx[0], ctx[1], "salary_interval",
                           f"{interval!r} is not one of year, month, week, day, hour")
        salary = Salary(min=low, max=high, currency=_str(row, "salary_currency"),
                        interval=SalaryInterval(interval))
    return RawPosting(
        source=source,
        source_id=source_id,
        title=title,
        company=company,
        url=url,
        locations=locations,
        remote=_text(row, ctx, "remote") if not isinstance(row.get("remote"), bool)
        else _str(row, "remote"),
        employment_type=_text(row, ctx, "employment_type"),
        # (a posted_at of 0 is a date, 1970, and is refused as one, not read as none)
        posted_at=parse_time(row["posted_at"] if row.get("posted_at") not in (None, "")
                             else row.get("date_posted"), "posted_at", ctx),
        updated_at=parse_time(row.get("updated_at"), "updated_at", ctx),
        description_html=description_html,
        description_text=description_text,
        salary=salary,
    )


def row_to_raw(row: Row, *, path: str, line: int, default_source: str = "file",
               notes: list[RowError] | None = None) -> RawPosting:
    """Map one row of any supported shape; raises ``RowError`` naming the bad field.

    A pay figure no one is paid (over ``ABSURD_YEARLY_PAY`` a year) leaves the posting
    without pay and appends a ``RowError`` saying so to ``notes``."""
    ctx = (path, line)
    try:
        if "site" in row and ("job_url" in row or "min_amount" in row):
            return _jobspy_row(row, ctx, notes)
        if row.get("source") in ("who_is_hiring", "jobstories", "direct") and "time" in row:
            raw = hn_item_to_raw(row, thread_id=row.get("thread_id"))
            if raw is None:
                raise RowError(path, line, "text", "deleted, dead or empty Hacker News item")
            return raw
        if "text" in row and "id" in row and "source" in row:
            return _corpus_row(row, ctx)
        return _generic_row(row, ctx, default_source, notes)
    except RowError:
        raise
    except (ValueError, TypeError) as exc:
        field = None
        errors = getattr(exc, "errors", None)
        if callable(errors):
            try:
                loc = errors()[0].get("loc", ())
                field = ".".join(str(p) for p in loc) or None
            except (IndexError, AttributeError, TypeError):
                field = None
        reason = str(exc).splitlines()[-1].strip() if str(exc) else type(exc).__name__
        raise RowError(path, line, field, reason) from exc
