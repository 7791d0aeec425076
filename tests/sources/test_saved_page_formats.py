"""Careers pages saved as one file (MHTML: Chrome's "Webpage, Single File" ``.mhtml``,
Internet Explorer's "Web Archive" ``.mht``) and pages saved in a legacy charset
(windows-1252, Shift_JIS, named by the page's ``<meta>``): ``mljobs import`` reads their
JobPostings as it reads a ``.html`` page's. The fixtures are written by
``build_fixtures.saved_single_files`` as the savers write them (MIME headers, CRLF lines,
a quoted-printable page part, ``Content-Location``; the pages' bytes in their charset).

Before: ``.mhtml`` and ``.mht`` were unknown file types ("use a .jsonl, .json or .csv
file, or a page saved from a browser (.html)"), an archive given as ``--format html`` was
no page, and a page in windows-1252 or Shift_JIS had every letter past ASCII replaced."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.errors import InputError
from mljobs.importer import import_file
from mljobs.models import Posting
from mljobs.sources.jsonld import page_key
from mljobs.store import SQLiteStore

SAVED = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "jsonld"
NOW = datetime(2026, 11, 27, 22, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    return SQLiteStore(tmp_path / "db.sqlite3")


def _postings(store: SQLiteStore) -> list[Posting]:
    return sorted((p for _, p in store.iter_postings()), key=lambda p: p.title)


def test_a_page_chrome_saved_as_a_single_file_imports_under_its_address(
        tmp_path: Path) -> None:
    """Chrome's MHTML: the page's quoted-printable part (its "—" written =E2=80=94, soft
    line breaks), the address in Snapshot-Content-Location (its utm_source dropped), a style
    sheet and an image beside it; through the CLI, stored as the page part."""
    db = tmp_path / "db.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(SAVED / "saved-chrome.mhtml"),
                                      "--no-enrich"])
    out = " ".join(result.output.split())
    assert result.exit_code == 0, out
    assert "│ saved-chrome.mhtml │ 2 │ 2 │ 0 │ 0 │ 0 │ ok │" in out
    address = "https://careers.example.com/open-roles"
    with SQLiteStore(db) as store:
        postings = _postings(store)
        assert [p.title for p in postings] == ["Data Engineer", "Senior Machine Learning Scientist"]
        assert all(p.id.startswith(f"jsonld:{page_key(address)}:") for p in postings)
        assert {(p.url, p.extra["page"], p.company) for p in postings} == {
            (address, address, "Helix Bio")}
        assert postings[1].salary is not None and postings[1].salary.min == 170000
        doc = store.get_document(str(postings[0].raw_ref))
        assert doc is not None and doc.ref == address and doc.media_type == "text/html"
        assert doc.content.startswith(b"<!doctype html><html><head><meta http-equiv=")
        assert "Careers at Helix Bio — Open roles".encode() in doc.content  # QP undone
        assert b"logo.png" not in doc.content and b"MultipartBoundary" not in doc.content


def test_a_web_archive_names_its_charset_and_address_in_its_page_part(
        store: SQLiteStore) -> None:
    """Internet Explorer's .mht: no Snapshot-Content-Location; the page part's
    Content-Location and charset="windows-1252" (=FC is "ü", =96 "–")."""
    report = import_file(store, SAVED / "saved-ie.mht", now=NOW)
    assert (report.rows, report.new, report.failed) == (1, 1, 0)
    (posting,) = _postings(store)
    assert posting.title == "Ingénieur·e Machine Learning – Zürich"
    assert posting.company == "Müller Robotik"
    assert list(posting.locations) == ["Zürich, CH"]
    assert "équipe à Zürich; salaire en €" in posting.description_text
    assert posting.url == "https://www.mueller-robotik.example/karriere/ml-zuerich"


@pytest.mark.parametrize(("name", "title", "company", "place", "address"), [
    ("saved-windows-1252.html", "Ingénieur·e Machine Learning – Zürich", "Müller Robotik",
     "Zürich, CH", "https://www.mueller-robotik.example/karriere/ml-zuerich"),
    ("saved-shift-jis.html", "機械学習エンジニア（推薦システム）", "株式会社サクラAI",
     "東京都渋谷区, JP", "https://sakura-ai.example.jp/recruit/ml"),
])
def test_a_page_saved_in_a_legacy_charset_reads_in_it(
        store: SQLiteStore, name: str, title: str, company: str, place: str,
        address: str) -> None:
    report = import_file(store, SAVED / name, now=NOW)
    assert (report.rows, report.new, report.failed) == (1, 1, 0)
    (posting,) = _postings(store)
    assert (posting.title, posting.company, list(posting.locations), posting.url) == (
        title, company, [place], address)
    assert "\ufffd" not in posting.description_text


def test_an_archive_saved_under_another_name_is_still_read(
        store: SQLiteStore, tmp_path: Path) -> None:
    """An MHTML file named .html (or imported with --format html) is told by its headers."""
    renamed = tmp_path / "Careers.html"
    shutil.copy(SAVED / "saved-chrome.mhtml", renamed)
    report = import_file(store, renamed, now=NOW)
    assert (report.rows, report.new) == (2, 2)


def _nested(depth: int) -> bytes:
    """An archive whose parts nest ``depth`` deep (a browser's nest a frame's one or two)."""
    opening = "".join(f'--b{i}\r\nContent-Type: multipart/related; boundary="b{i + 1}"\r\n\r\n'
                      for i in range(depth))
    closing = "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
    return ('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
            + opening + f"--b{depth}\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n"
            f"--b{depth}--\r\n" + closing).encode()


@pytest.mark.parametrize(("content", "said"), [
    (_nested(3000), "the web archive (MHTML) nests its parts deeper than a saved page does"),
    (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello\r\n",
     "not a web archive (MHTML): no multipart/related message in it; save the page again"),
    ((b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
      b'\tboundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: '
      b"base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n"),
     "the web archive (MHTML) holds no page (no text/html part with content)"),
    (b"", "not a web archive (MHTML)"),  # empty
])
def test_a_broken_archive_is_one_error_and_stores_nothing(
        tmp_path: Path, content: bytes, said: str) -> None:
    saved = tmp_path / "Careers.mhtml"
    saved.write_bytes(content)
    db = tmp_path / "db.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(saved), "--no-enrich"])
    out = " ".join(result.output.split())
    assert result.exit_code == 1
    assert f"InputError: {saved}: {said}" in out, out
    assert "Traceback" not in out
    with SQLiteStore(db) as store:
        assert store.count() == 0


def test_an_archive_page_with_no_jobposting_says_what_to_do(
        store: SQLiteStore, tmp_path: Path) -> None:
    page = (b"<html><head><title>Careers | Northwind</title></head><body><h1>Open roles</h1>"
            b"<p>Loading...</p></body></html>")
    saved = tmp_path / "Careers.mht"
    saved.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n"
                      b"\r\n--b\r\nContent-Type: text/html\r\nContent-Location: "
                      b"https://jobs.example.org/careers\r\n\r\n" + page + b"\r\n--b--\r\n")
    with pytest.raises(InputError) as raised:
        import_file(store, saved, now=NOW)
    assert str(raised.value).startswith(
        f"{saved}: no schema.org JobPosting could be read from the saved page; open the page")
    assert store.count() == 0


def test_a_folder_of_saved_pages_imports_each_page_in_it(tmp_path: Path) -> None:
    """``mljobs import saved/``: the pages directly in the folder, each its own line of the
    summary; not the frames Chrome keeps in a page's "_files" folder, nor other files.
    Before: "is a folder; pass the files inside it"."""
    folder = tmp_path / "saved"
    frames = folder / "Careers_files"
    frames.mkdir(parents=True)
    for name in ("saved-chrome.html", "saved-chrome.mhtml"):
        shutil.copy(SAVED / name, folder / name)
    shutil.copy(SAVED / "saved-windows-1252.html", folder / "Zurich.htm")
    # a frame of the page (an embedded job widget's own page), and the page's style sheet
    shutil.copy(SAVED / "saved-singlefile.html", frames / "saved_resource.html")
    (frames / "site.css").write_text("body { margin: 0 }", encoding="utf-8")
    (folder / "notes.txt").write_text("applied to Helix on Monday", encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(folder), "--no-enrich"])
    out = " ".join(result.output.split())
    assert result.exit_code == 0, out
    assert "│ saved-chrome.html │ 2 │ 2 │ 0 │ 0 │ 0 │ ok │" in out
    # (the jobs of the .html copy, saved at another address: linked as duplicates)
    assert "│ saved-chrome.mhtml │ 2 │ 2 │ 0 │ 0 │ 0 │ ok │" in out
    assert "│ Zurich.htm │ 1 │ 1 │ 0 │ 0 │ 0 │ ok │" in out
    assert "saved_resource" not in out and "notes.txt" not in out
    with SQLiteStore(db) as store:
        assert store.count() == 5


def test_a_folder_with_nothing_to_import_says_so_and_makes_no_store(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    (folder / "Careers_files").mkdir(parents=True)
    (folder / "notes.txt").write_text("nothing here", encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(folder)])
    out = " ".join(result.output.split())
    assert result.exit_code == 1
    assert (f"{folder}: is a folder with no file in it that import reads (.jsonl, .json, .csv, "
            "or a page saved from a browser, .html, .htm, .mhtml, .mht); pass the files to "
            "import") in out, out
    assert "Traceback" not in out and not db.exists()


def test_import_file_given_a_folder_with_files_names_them(store: SQLiteStore,
                                                          tmp_path: Path) -> None:
    """``import_file`` (one file: the API under ``mljobs import``, which expands a folder)
    given a folder that holds pages says to pass its files, not that it holds none."""
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SAVED / "saved-chrome.html", folder / "Careers.html")
    with pytest.raises(InputError) as raised:
        import_file(store, folder, now=NOW)
    assert str(raised.value) == (f"{folder}: is a folder; import_file reads one file: pass "
                                 "the files in it (mljobs import reads a folder's files)")
    assert store.count() == 0
