"""Build small PDFs in tests with pypdf: text pages, bombs, encrypted files."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write a PDF whose pages show the given lines in Helvetica."""
    writer = PdfWriter()
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})
        })
        ops = ["BT", "/F1 10 Tf", "12 TL", "50 750 Td"]
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def blank_pdf(path: Path, pages: int = 1) -> Path:
    """A PDF with pages but no text layer (what a scan without OCR looks like)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def encrypted_pdf(path: Path, lines: list[str]) -> Path:
    """A text PDF encrypted with a user password."""
    plain = text_pdf(path.with_suffix(".plain.pdf"), [lines])
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def page_bomb_pdf(path: Path, fanout: int = 40, depth: int = 4) -> Path:
    """A page tree whose nodes share their children: fanout**depth pages from a few objects."""
    writer = PdfWriter()
    leaf = writer.add_blank_page(width=10, height=10)
    node_ref = leaf.indirect_reference
    count = 1
    for _ in range(depth):
        count *= fanout
        node = DictionaryObject({
            NameObject("/Type"): NameObject("/Pages"),
            NameObject("/Kids"): ArrayObject([node_ref] * fanout),
            NameObject("/Count"): NumberObject(count),
        })
        node_ref = writer._add_object(node)
    root_pages = writer._root_object["/Pages"].get_object()
    root_pages[NameObject("/Kids")] = ArrayObject([node_ref])
    root_pages[NameObject("/Count")] = NumberObject(count)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def lying_count_bomb_pdf(path: Path, fanout: int = 60, depth: int = 4) -> Path:
    """Like ``page_bomb_pdf`` but the tree claims one page: only the walk can catch it."""
    page_bomb_pdf(path, fanout, depth)
    data = path.read_bytes()
    import re

    data = re.sub(rb"/Count \d+", b"/Count 1", data)
    path.write_bytes(data)
    return path


def deep_nesting_pdf(path: Path, depth: int = 50_000) -> Path:
    """A hand-written PDF whose page dictionary holds an array nested ``depth`` deep."""
    nested = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Junk "
        + nested + b" >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
