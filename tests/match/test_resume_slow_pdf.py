"""A small PDF that would take long to read: one page of hundreds of thousands of drawing
instructions (a 20 KB file took 14 s). The read ends with an ``InputError`` within the
limits: pypdf's token limit for one content stream, lowered to ``Limits.max_pdf_tokens``,
and the time budget checked at every instruction (not only between pages), counted here on
a clock that ticks once per read, never on wall time."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from mljobs.errors import InputError
from mljobs.resume import Limits, load_resume

LINE = b"BT /F1 10 Tf 50 750 Td (Machine learning engineer, PyTorch and Python) Tj ET\n"


def busy_pdf(path: Path, lines: int) -> Path:
    """One page whose compressed content stream repeats a text-drawing line."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    stream = StreamObject()
    stream._data = zlib.compress(LINE * lines, 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_a_page_of_too_many_instructions_is_refused_at_once(tmp_path: Path) -> None:
    pdf = busy_pdf(tmp_path / "busy.pdf", 100_000)  # 7.6 MB of instructions in ~25 KB
    assert pdf.stat().st_size < 64 * 1024
    with pytest.raises(InputError, match="more drawing instructions than a resume page"):
        load_resume(pdf)


class Ticks:
    """A clock that moves one second each time it is read: the budget counts the reads
    (once to start, once before a page, once before each drawing instruction)."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return float(self.reads)


def test_the_time_budget_holds_inside_one_page(tmp_path: Path) -> None:
    pdf = busy_pdf(tmp_path / "slow.pdf", 10_000)  # within the token limit: 50,000 instructions
    clock = Ticks()
    with pytest.raises(InputError, match=r"reading the PDF took over 10 s\. Export it again"):
        load_resume(pdf, Limits(max_seconds=10), clock=clock)
    assert clock.reads < 100  # stopped inside the one page, a few instructions past 10 s
    read = load_resume(pdf, clock=lambda: 0.0)  # a budget never spent: read whole (cut at max_chars)
    assert read.pages == 1 and read.text.startswith("Machine learning engineer")


def test_the_budget_is_said_as_given(tmp_path: Path) -> None:
    pdf = busy_pdf(tmp_path / "slow.pdf", 100)
    with pytest.raises(InputError, match=r"took over 2\.5 s"):
        load_resume(pdf, Limits(max_seconds=2.5), clock=Ticks())
