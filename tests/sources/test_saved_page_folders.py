"""``mljobs import folder/`` leftovers: a folder none of whose files gives a posting makes no
store (it left an empty store file and a search index behind), and ``--format`` with a
folder is refused in one line before anything is made (it forced its format on every file
in the folder: a saved page read as CSV)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli.app import app, remove_store
from mljobs.store import SQLiteStore

SAVED = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "jsonld"


def _import(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", str(db), "import", *args, "--no-enrich"])
    return result.exit_code, " ".join(result.output.split())


def test_a_folder_of_unreadable_pages_makes_no_store(tmp_path: Path) -> None:
    """Before: each page was rejected, and the run left ``db.sqlite3`` (no posting in it)
    and its search index folder behind, which later commands searched without a word."""
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "blog.html").write_text("<html><body><p>hello</p></body></html>",
                                      encoding="utf-8")
    shutil.copy(SAVED / "saved-no-jobs.html", folder / "careers.html")
    (folder / "empty.jsonl").write_text("", encoding="utf-8")
    db = tmp_path / "store" / "db.sqlite3"
    code, out = _import(db, str(folder))
    assert code == 1
    assert f"InputError: {folder / 'blog.html'}: no schema.org JobPosting could be read" in out
    assert f"InputError: {folder / 'empty.jsonl'}: no rows found" in out
    assert "Traceback" not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk"]  # (nor its folder)


def test_a_run_that_stores_nothing_leaves_an_existing_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, str(SAVED / "saved-chrome.html"))
    assert code == 0, out
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "blog.html").write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    code, out = _import(db, str(junk))
    assert code == 1 and "blog.html" in out
    with SQLiteStore(db) as store:
        assert store.count() == 2


def test_format_with_a_folder_is_refused_before_a_store_is_made(tmp_path: Path) -> None:
    """Before: ``--format csv`` read the saved page in the folder as CSV (one bad row or a
    posting made of its markup) and the JSONL file as CSV too."""
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SAVED / "saved-chrome.html", folder / "careers.html")
    (folder / "rows.jsonl").write_text(
        json.dumps({"title": "ML Engineer", "description": "PyTorch"}) + "\n",
        encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, str(folder), "--format", "csv")
    assert code == 1
    assert out == (f"ConfigError: --format csv with the folder {folder}: a folder's files are "
                   "read by their names (.jsonl, .json, .csv, .html, .mhtml ...); leave out "
                   "--format, or pass the files to read as csv")
    assert not db.exists()
    code, out = _import(db, str(folder))
    assert code == 0, out
    with SQLiteStore(db) as store:
        assert store.count() == 3


def test_a_made_store_another_program_holds_open_is_kept(tmp_path: Path) -> None:
    """Before: the store was deleted under a program that had it open (a sync started into
    the same new path), whose writes then went to the removed file without a word."""
    db = tmp_path / "store" / "db.sqlite3"
    with SQLiteStore(db) as other:  # (made by this run, opened by another meanwhile)
        remove_store([db, db.parent])
        assert db.exists()
    code, out = _import(db, str(SAVED / "saved-chrome.html"))
    assert code == 0, out
    with SQLiteStore(db) as store:
        assert store.count() == 2
    assert other.path == str(db)


def test_a_made_store_another_program_put_postings_in_is_kept(tmp_path: Path) -> None:
    """Before: the postings another import stored after this run counted none were removed
    with the store."""
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, str(SAVED / "saved-chrome.html"))  # (the other program, done)
    assert code == 0, out
    remove_store([db])
    with SQLiteStore(db) as store:
        assert store.count() == 2


def test_a_made_store_that_is_empty_and_closed_is_removed_with_its_folders(
        tmp_path: Path) -> None:
    db = tmp_path / "a" / "b" / "db.sqlite3"
    SQLiteStore(db).close()
    remove_store([db, db.parent, db.parent.parent])
    assert sorted(tmp_path.iterdir()) == []


def test_a_store_path_that_is_a_link_to_no_file_yet_keeps_the_link(tmp_path: Path) -> None:
    """Before: the run removed the link (the user's) and left the empty store it made where
    the link points."""
    link = tmp_path / "db.sqlite3"
    link.symlink_to(tmp_path / "real.sqlite3")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "blog.html").write_text("<html><body><p>hello</p></body></html>", encoding="utf-8")
    code, out = _import(link, str(junk))
    assert code == 1 and "blog.html" in out
    assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3", "junk"]
    code, out = _import(link, str(SAVED / "saved-chrome.html"))
    assert code == 0, out
    with SQLiteStore(link) as store:
        assert store.count() == 2
