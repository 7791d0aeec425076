"""Read a resume file (PDF, DOCX, TXT, Markdown) into plain text, bounded.

A resume comes from the person using mljobs, but the file may still be
hostile or broken: a PDF bomb (a page tree of millions of pages, objects
nested thousands deep, a stream that inflates to gigabytes), a zip bomb
renamed ``.docx``, a binary with the wrong suffix, an encrypted or scanned
PDF, or simply a 50 MB log file. ``load_resume`` bounds the work before it
starts and while it runs:

- the file size is checked before a byte is read (``Limits.max_bytes``);
- a PDF's pages are counted before any is read, by a bounded walk of its
  page tree that does not trust ``/Count`` (more than ``Limits.max_pages`` is
  refused); pages are read one at a time against a wall-clock budget that is checked
  at every drawing instruction (a 20 KB page of 500,000 instructions took 14 s to read),
  a page's content stream may hold at most ``Limits.max_pdf_tokens`` tokens (pypdf's
  parse of it comes before any instruction is seen), and pypdf's own decompression limits
  stay on;
- a DOCX's zip directory is checked (entry count, inflated size) before
  ``python-docx`` opens it;
- the extracted text is cut at ``Limits.max_chars``.

Every failure is an ``InputError`` that names the file, says what is wrong
and what to do. Nothing is written anywhere and nothing leaves the machine.
"""

from __future__ import annotations

import contextlib
import io
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mljobs.errors import InputError

SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".text")


@dataclass(frozen=True)
class Limits:
    """How much work reading one resume may take.

    Args:
        max_bytes: largest file accepted (a long resume is well under 1 MB).
        max_pages: most PDF pages read.
        max_chars: extracted text beyond this is dropped.
        max_seconds: wall-clock budget for text extraction.
        max_zip_entries: most entries in a DOCX archive.
        max_zip_inflated: largest total uncompressed size of a DOCX archive.
        max_pdf_tokens: most tokens in one PDF content stream (a dense resume page has
            tens of thousands; pypdf's own limit is 2,000,000, about a minute's parse).
    """

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 30
    max_chars: int = 200_000
    max_seconds: float = 10.0
    max_zip_entries: int = 2_000
    max_zip_inflated: int = 100 * 1024 * 1024
    max_pdf_tokens: int = 200_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class ResumeText:
    """The text of a resume and where it came from.

    Args:
        name: the file name (or the name given with uploaded bytes).
        kind: ``pdf``, ``docx``, ``txt`` or ``md``.
        text: the extracted plain text.
        pages: number of PDF pages read (None for other kinds).
        truncated: True when the text was cut at ``Limits.max_chars``.
    """

    name: str
    kind: str
    text: str
    pages: int | None = None
    truncated: bool = False


def _kind_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".txt", ".text", ""):
        return "txt"
    raise InputError(
        f"{name}: unsupported resume format '{suffix}'. "
        f"Use a PDF, DOCX, TXT or Markdown file ({', '.join(SUFFIXES)})."
    )


def load_resume(path: Path | str, limits: Limits = DEFAULT_LIMITS, *,
                clock: Callable[[], float] = time.monotonic) -> ResumeText:
    """Read a resume file into text.

    Args:
        path: a ``.pdf``, ``.docx``, ``.txt`` or ``.md`` file.
        limits: the bounds on size, pages, characters and time.
        clock: seconds from a fixed point, for ``limits.max_seconds`` (tests may pass a
            counter).

    Returns:
        The extracted text with its kind and page count.

    Raises:
        InputError: the file is missing, empty, too big, encrypted, scanned
            (no text), corrupt or of an unsupported kind.
    """
    path = Path(path)
    kind = _kind_of(str(path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read the resume ({exc.strerror}). Check the path.") from None
    if not path.is_file():
        raise InputError(f"{path}: not a file. Give the path of a resume file.")
    _check_size(str(path), size, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the resume ({exc.strerror}).") from None
    return _parse(str(path), kind, data, limits, clock)


def read_resume_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, *,
                      clock: Callable[[], float] = time.monotonic) -> ResumeText:
    """Read a resume given as bytes (an upload), the file name telling its kind.

    Args:
        data: the file's bytes.
        name: the file name as the user chose it (only its suffix is used).
        limits: the bounds on size, pages, characters and time.
        clock: as ``load_resume``'s.

    Returns:
        The extracted text.

    Raises:
        InputError: as ``load_resume``.
    """
    kind = _kind_of(name)
    _check_size(name, len(data), limits)
    return _parse(name, kind, data, limits, clock)


def _check_size(name: str, size: int, limits: Limits) -> None:
    if size == 0:
        raise InputError(f"{name}: the file is empty (0 bytes). Export the resume again.")
    if size > limits.max_bytes:
        raise InputError(
            f"{name}: the file is {size / 1e6:.1f} MB, over the {limits.max_bytes / 1e6:.0f} MB "
            "limit for a resume. Give the resume itself (a few pages), not an archive or a log."
        )


_WORD = re.compile(r"[^\W\d_]{2,}")


def _parse(name: str, kind: str, data: bytes, limits: Limits,
           clock: Callable[[], float]) -> ResumeText:
    if kind == "pdf":
        text, pages, cut = _pdf_text(name, data, limits, clock)
        result = ResumeText(name=name, kind=kind, text=text, pages=pages, truncated=cut)
    elif kind == "docx":
        text, cut = _docx_text(name, data, limits)
        result = ResumeText(name=name, kind=kind, text=text, truncated=cut)
    else:
        text, cut = _plain_text(name, data, limits)
        result = ResumeText(name=name, kind=kind, text=text, truncated=cut)
    # words of two letters or more, in any script (a Ukrainian resume's words count)
    words = len(_WORD.findall(result.text[:20_000]))
    if words < 5:
        if kind == "pdf":
            raise InputError(
                f"{name}: the resume has a scanned image with no text layer. Export it again "
                "with selectable text (or run OCR first), or give a TXT/Markdown copy.")
        count = "no words" if not words else f"only {words} word{'s' if words > 1 else ''}"
        pictures = (" (text in pictures is not read: give a TXT/Markdown copy)"
                    if kind == "docx" else "")
        raise InputError(f"{name}: the resume has {count}, fewer than a resume has. Check "
                         f"that it is the file you meant{pictures}.")
    return result


def _cut(text: str, limits: Limits) -> tuple[str, bool]:
    if len(text) > limits.max_chars:
        return text[: limits.max_chars], True
    return text, False


def _plain_text(name: str, data: bytes, limits: Limits) -> tuple[str, bool]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its BOM (Notepad's "Unicode")
        try:
            return _cut(data.decode("utf-16"), limits)
        except UnicodeDecodeError:
            pass  # a binary that happens to start so: the NUL test below names it
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name}: this looks like a binary file, not text. Give a TXT/Markdown resume, "
            "or a PDF/DOCX with the right suffix."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return _cut(data.decode(encoding), limits)
        except UnicodeDecodeError:
            continue
    return _cut(data.decode("latin-1"), limits)


def _pdf_text(name: str, data: bytes, limits: Limits,
              clock: Callable[[], float]) -> tuple[str, int, bool]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(f"{name}: not a PDF file (no %PDF header). Check the file and its suffix.")
    deadline = clock() + limits.max_seconds
    try:
        with _pdf_limits(limits):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt_or_fail(name, reader)
            if _declared_pages(reader, limits.max_pages) > limits.max_pages:
                raise InputError(
                    f"{name}: the PDF has more than {limits.max_pages} pages (the limit for a "
                    "resume). Give the resume itself."
                )
            return _read_pages(name, reader, limits, deadline, clock)
    except InputError:
        raise
    except _OutOfTime:
        raise _too_slow(name, limits) from None
    except LimitReachedError:
        raise InputError(
            f"{name}: a page of the PDF holds more drawing instructions than a resume page "
            "does (over the reading limits). Export it again, or give a TXT copy."
        ) from None
    except (PdfReadError, PyPdfError, RecursionError, ValueError, KeyError, TypeError,
            AttributeError, IndexError, OSError, MemoryError, zipfile.BadZipFile) as exc:
        raise InputError(
            f"{name}: the PDF is damaged or not readable ({type(exc).__name__}). "
            "Export it again from the original document, or give a TXT copy."
        ) from None


def _decrypt_or_fail(name: str, reader: Any) -> None:
    from pypdf.errors import PyPdfError

    opened: object
    try:
        opened = reader.decrypt("")
    except (PyPdfError, NotImplementedError, ValueError, KeyError, TypeError):
        opened = 0
    if not opened:
        raise InputError(
            f"{name}: the PDF is encrypted with a password. Save an unprotected copy "
            "(print to PDF) and try again."
        )


def _declared_pages(reader: Any, limit: int) -> int:
    """Count the page tree's leaves without trusting ``/Count``, stopping past ``limit``.

    A hostile tree can share one child many times (fan-out bombs) or loop;
    the walk visits at most ``4 * limit`` nodes and returns ``limit + 1`` when
    the tree holds more pages than allowed.
    """
    root = reader.trailer["/Root"].get_object()
    stack = [root["/Pages"].get_object()]
    leaves = 0
    visited = 0
    while stack:
        node = stack.pop()
        visited += 1
        if leaves > limit or visited > 4 * limit + 8:
            return limit + 1
        kids = node.get("/Kids") if hasattr(node, "get") else None
        if kids is None:
            leaves += 1
            continue
        stack.extend(kid.get_object() for kid in list(kids.get_object())[: 4 * limit + 8])
    return leaves


class _OutOfTime(Exception):
    """Raised between two drawing instructions of a PDF page once the budget is spent."""


def _too_slow(name: str, limits: Limits) -> InputError:
    return InputError(f"{name}: reading the PDF took over {limits.max_seconds:g} s. "
                      "Export it again, or give a TXT copy.")


@contextlib.contextmanager
def _pdf_limits(limits: Limits) -> Iterator[None]:
    """pypdf's limit on the tokens of one content stream, lowered for this read only
    (pypdf 6.4 and later have it; an older pypdf keeps its own limits)."""
    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:
        yield
        return
    with apply(stream_parsing_work_maximum_count=limits.max_pdf_tokens):
        yield


def _read_pages(
    name: str, reader: Any, limits: Limits, deadline: float, clock: Callable[[], float],
) -> tuple[str, int, bool]:
    def on_time(*_: object) -> None:  # before every drawing instruction, forms' too
        if clock() > deadline:
            raise _OutOfTime

    parts: list[str] = []
    total = 0
    read = 0
    for page in reader.pages:
        if read >= limits.max_pages:
            raise InputError(
                f"{name}: the PDF has more than {limits.max_pages} pages. Give the resume itself."
            )
        if clock() > deadline:
            raise _too_slow(name, limits)
        chunk = page.extract_text(visitor_operand_before=on_time) or ""
        if clock() > deadline:  # (pypdf reads past an error in a form: say so)
            raise _too_slow(name, limits)
        parts.append(chunk)
        read += 1
        total += len(chunk)
        if total > limits.max_chars:
            break
    text, cut = _cut("\n".join(parts), limits)
    return text, read, cut


_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(name: str, data: bytes, limits: Limits) -> tuple[str, bool]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(
            f"{name}: not a DOCX file (not a valid Word zip archive). If it is an old .doc or "
            "another format, save it as .docx, PDF or TXT."
        ) from None
    with archive:
        infos = archive.infolist()
        inflated = sum(info.file_size for info in infos)
        if len(infos) > limits.max_zip_entries or inflated > limits.max_zip_inflated:
            raise InputError(
                f"{name}: the DOCX archive inflates to {inflated / 1e6:.0f} MB in {len(infos)} "
                "entries, too big for a resume. Save the resume again without embedded files."
            )
        if "word/document.xml" not in archive.namelist():
            raise InputError(
                f"{name}: the zip archive has no word/document.xml, so it is not a Word "
                "document. Save the resume as .docx, PDF or TXT."
            )
    return _docx_paragraphs(name, data, limits)


def _docx_paragraphs(name: str, data: bytes, limits: Limits) -> tuple[str, bool]:
    import docx
    from docx.opc.exceptions import OpcError, PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, OpcError, KeyError, ValueError, zipfile.BadZipFile,
            SyntaxError) as exc:
        raise InputError(
            f"{name}: the DOCX is damaged ({type(exc).__name__}). Save it again from Word, "
            "or give a PDF/TXT copy."
        ) from None
    lines: list[str] = []
    seen: set[int] = set()
    for section in document.sections:  # the name and headline often sit in the page header
        for part in (section.first_page_header, section.header):
            if not part.is_linked_to_previous and id(part.part) not in seen:
                seen.add(id(part.part))
                lines += _block_lines(part._element)
    lines += _block_lines(document.element.body)
    return _cut("\n".join(lines), limits)


def _block_lines(element: Any) -> list[str]:
    """The lines of a DOCX body, header or table cell in document order: each paragraph
    (then the text boxes anchored in it), each table row as one line with its cells' text
    (nested tables read the same way), content controls opened.

    ``document.paragraphs`` and ``document.tables`` lose the order (a resume laid out as a
    table read its roles after the education section), nested tables and text boxes.
    """
    lines: list[str] = []
    for child in _through_wrappers(element):
        if child.tag == _W_NS + "p":
            lines.append(_paragraph_text(child))
            for box in _text_boxes(child):
                lines += _block_lines(box)
        elif child.tag == _W_NS + "tbl":
            for row in _through_wrappers(child):
                if row.tag == _W_NS + "tr":
                    cells = ["\n".join(_block_lines(cell)).strip()
                             for cell in _through_wrappers(row) if cell.tag == _W_NS + "tc"]
                    lines.append("  ".join(c for c in cells if c))
    return lines


# a content control (Word's templates hold the name, each role and a table's rows in them)
# or custom XML wraps blocks, rows, cells and runs alike; it is read through
_WRAPPERS = frozenset({_W_NS + "sdt", _W_NS + "sdtContent", _W_NS + "customXml",
                       _W_NS + "smartTag"})


def _through_wrappers(element: Any) -> Any:
    """The children of ``element``, with those of a content control or custom XML wrapper
    in its place."""
    for child in element.iterchildren():
        if child.tag in _WRAPPERS:
            yield from _through_wrappers(child)
        else:
            yield child


def _paragraph_text(element: Any) -> str:
    """A paragraph's text: its runs, and those in hyperlinks, fields, inserted text and
    inline content controls (python-docx's ``Paragraph.text`` reads runs and hyperlinks
    only: a name held in a content control was read as nothing), without property
    elements, deleted text or text boxes (read as lines of their own)."""
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag.endswith("Pr") or tag in _NOT_TEXT:
            continue
        if tag == _W_NS + "t":
            parts.append(child.text or "")
        elif tag in (_W_NS + "tab", _W_NS + "ptab"):
            parts.append("\t")
        elif tag in (_W_NS + "br", _W_NS + "cr"):
            parts.append("" if child.get(_W_NS + "type") in ("page", "column") else "\n")
        elif tag == _W_NS + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append(_paragraph_text(child))
    return "".join(parts)


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes anchored in a paragraph, outermost only (a box in a box is read with
    its own), without the copy an ``mc:Fallback`` repeats of its ``mc:Choice``."""
    boxes: list[Any] = []
    for child in paragraph.iterchildren():
        if child.tag == _W_NS + "txbxContent":
            boxes.append(child)
        elif child.tag != _MC_FALLBACK:
            boxes += _text_boxes(child)
    return boxes


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_TEXT = frozenset({_W_NS + "txbxContent", _MC_FALLBACK, _W_NS + "moveFrom",
                       _W_NS + "del", _W_NS + "instrText", _W_NS + "delText"})
