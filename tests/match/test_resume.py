"""Resume import: every supported kind, and hostile or broken files."""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from mljobs.errors import InputError
from mljobs.profile import build_profile
from mljobs.resume import Limits, load_resume, read_resume_bytes

sys.path.insert(0, str(Path(__file__).parent))
from pdfs import (
    blank_pdf,
    deep_nesting_pdf,
    encrypted_pdf,
    lying_count_bomb_pdf,
    page_bomb_pdf,
    text_pdf,
)

LINES = [
    "Jane Example",
    "Machine Learning Engineer",
    "Experience",
    "Senior ML Engineer, Example Corp, Jan 2020 - Present",
    "Built ranking models in PyTorch and served them on Kubernetes.",
    "Skills: Python, sklearn, SQL",
]


def test_text_pdf_is_read_page_by_page(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "cv.pdf", [LINES, ["Education", "MSc Computer Science, 2019"]])
    result = load_resume(path)
    assert result.kind == "pdf"
    assert result.pages == 2
    assert "PyTorch" in result.text and "MSc Computer Science" in result.text


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Languages"
    table.rows[0].cells[1].text = "Scala and Rust"
    path = tmp_path / "cv.docx"
    document.save(str(path))
    result = load_resume(path)
    assert result.kind == "docx"
    assert "Built ranking models" in result.text
    assert "Scala and Rust" in result.text


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_plain_text_and_markdown(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"cv{suffix}"
    path.write_text("\n".join(LINES), encoding="utf-8")
    result = load_resume(path)
    assert result.kind == suffix[1:]
    assert result.text.startswith("Jane Example")


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(("\n".join(LINES) + "\nCafé résumé – 2020").encode("cp1252"))
    assert "Café résumé – 2020" in load_resume(path).text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_its_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    # Windows Notepad's "Unicode" text: its NUL bytes read as "a binary file" before
    path = tmp_path / "cv.txt"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    path.write_bytes(bom + ("\n".join(LINES) + "\nCafé – 2020").encode(encoding))
    text = load_resume(path).text
    assert text.startswith("Jane Example") and "Café – 2020" in text
    # a binary file is still named one, whatever its first bytes
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 100)
    assert "binary file" in _error(path)


def _error(path: Path, limits: Limits | None = None) -> str:
    with pytest.raises(InputError) as info:
        load_resume(path, limits or Limits())
    message = str(info.value)
    assert str(path) in message, "the error names the file"
    return message


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert "empty" in _error(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "Check the path" in _error(tmp_path / "nope.txt")


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cv.odt"
    path.write_bytes(b"anything")
    assert "PDF, DOCX, TXT or Markdown" in _error(path)


def test_binary_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(bytes(range(256)) * 64)
    assert "not a DOCX" in _error(path)


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    assert "word/document.xml" in _error(path)


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a/>")
        archive.writestr("word/media/bomb.bin", b"\0" * (4 * 1024 * 1024))
    path = tmp_path / "cv.docx"
    path.write_bytes(buf.getvalue())
    message = _error(path, Limits(max_zip_inflated=1024 * 1024))
    assert "inflates" in message


def test_binary_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(b"\x7fELF\x00\x00" + bytes(range(256)) * 8)
    assert "binary" in _error(path)


def test_fifty_megabyte_text_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    assert "over the 10 MB limit" in _error(path)


def test_long_text_is_cut_at_max_chars(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text("Python engineer with many skills. " * 2000, encoding="utf-8")
    result = load_resume(path, Limits(max_chars=5000))
    assert len(result.text) == 5000 and result.truncated


def test_pdf_with_no_text_layer(tmp_path: Path) -> None:
    assert "scanned image" in _error(blank_pdf(tmp_path / "scan.pdf"))


def test_encrypted_pdf(tmp_path: Path) -> None:
    assert "encrypted" in _error(encrypted_pdf(tmp_path / "locked.pdf", LINES))


def test_pdf_page_bomb_with_shared_kids(tmp_path: Path) -> None:
    assert "more than 30 pages" in _error(page_bomb_pdf(tmp_path / "bomb.pdf"))


def test_pdf_page_bomb_that_lies_about_its_count(tmp_path: Path) -> None:
    assert "more than 30 pages" in _error(lying_count_bomb_pdf(tmp_path / "liar.pdf"))


def test_pdf_with_deeply_nested_objects(tmp_path: Path) -> None:
    assert "damaged" in _error(deep_nesting_pdf(tmp_path / "deep.pdf"))


def test_pdf_over_page_limit(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "long.pdf", [LINES] * 5)
    assert "more than 3 pages" in _error(path, Limits(max_pages=3))


def test_not_a_pdf_despite_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cv.pdf"
    path.write_text("\n".join(LINES), encoding="utf-8")
    assert "no %PDF header" in _error(path)


def test_truncated_pdf(tmp_path: Path) -> None:
    good = text_pdf(tmp_path / "good.pdf", [LINES]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(good[: len(good) // 3])
    with pytest.raises(InputError):
        load_resume(path)


def test_upload_bytes_use_the_name_for_the_kind() -> None:
    result = read_resume_bytes("\n".join(LINES).encode(), "cv.md")
    assert result.kind == "md" and result.name == "cv.md"
    with pytest.raises(InputError, match="over the"):
        read_resume_bytes(b"x" * 2048, "cv.txt", Limits(max_bytes=1024))


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
    "<w:p><w:r><w:t>Skills: Kubeflow and MLflow</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>Skills: Kubeflow and MLflow</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_docx_read_in_document_order_with_header_nested_tables_and_text_boxes(
    tmp_path: Path,
) -> None:
    # a resume laid out in tables: read as paragraphs, then tables, its roles came after
    # the education section (and counted no years); a nested table, the page header
    # (where the name often is) and a text box were not read at all
    from lxml import etree

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Arjun Mehta"
    document.add_paragraph("Summary")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Jul 2023 – Present"
    table.cell(0, 1).text = "Senior ML Engineer, Tamarind Commerce"
    table.cell(1, 0).text = "Mar 2021 – Jun 2023"
    table.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = "ML Engineer, StreamLoka"
    boxed = document.add_paragraph("Tools")
    boxed._p.append(etree.fromstring(_TEXT_BOX))
    document.add_paragraph("Education")
    document.add_paragraph("B.Tech, Computer Science, 2020")
    path = tmp_path / "cv.docx"
    document.save(str(path))
    lines = load_resume(path).text.splitlines()
    assert lines[0] == "Arjun Mehta"
    assert lines.index("Jul 2023 – Present  Senior ML Engineer, Tamarind Commerce") \
        < lines.index("Mar 2021 – Jun 2023  ML Engineer, StreamLoka") < lines.index("Education")
    assert lines.count("Skills: Kubeflow and MLflow") == 1  # the Fallback repeats the box
    assert lines.index("Skills: Kubeflow and MLflow") == lines.index("Tools") + 1
    me = build_profile("\n".join(lines), now=datetime(2026, 6, 1, tzinfo=UTC))
    assert (me.name, [r.title for r in me.roles]) == (
        "Arjun Mehta", ["Senior ML Engineer", "ML Engineer"])


def test_docx_content_controls_and_tracked_insertions_are_read(tmp_path: Path) -> None:
    # Word's templates hold the name in an inline content control and repeat table rows
    # (and cells) in content controls; python-docx's Paragraph.text and a table's w:tr
    # children skip them, so the name was read as nothing and those roles were lost
    from lxml import etree

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph()._p.append(etree.fromstring(
        f"<w:sdt {w}><w:sdtPr><w:alias w:val='Your name'/></w:sdtPr><w:sdtContent>"
        "<w:r><w:t>Jane Doe</w:t></w:r></w:sdtContent></w:sdt>"))
    edited = document.add_paragraph("Data ")
    edited._p.append(etree.fromstring(
        f"<w:ins {w} w:id='1' w:author='me'><w:r><w:t>Scientist</w:t></w:r></w:ins>"))
    edited._p.append(etree.fromstring(
        f"<w:del {w} w:id='2' w:author='me'><w:r><w:delText>Analyst</w:delText></w:r></w:del>"))
    document.add_paragraph("Experience")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2019 - 2021"
    table.cell(0, 1).text = "Data Scientist, Acme"
    table._tbl.append(etree.fromstring(
        f"<w:sdt {w}><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>2021 - Present</w:t></w:r></w:p>"
        "</w:tc><w:tc><w:p><w:r><w:t>Senior Data Scientist, Beta</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:sdtContent></w:sdt>"))
    table._tbl.append(etree.fromstring(
        f"<w:tr {w}><w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>2015 - 2019</w:t></w:r></w:p></w:tc>"
        "</w:sdtContent></w:sdt><w:tc><w:p><w:r><w:t>Analyst, Gamma</w:t></w:r></w:p></w:tc></w:tr>"))
    path = tmp_path / "template.docx"
    document.save(str(path))
    assert load_resume(path).text.splitlines() == [
        "Jane Doe", "Data Scientist", "Experience", "2019 - 2021  Data Scientist, Acme",
        "2021 - Present  Senior Data Scientist, Beta", "2015 - 2019  Analyst, Gamma"]
