"""``mljobs import`` with a mistyped file name or ``--format`` stops before making a store
(it left an empty store behind, which later commands then searched without a word), and
takes ``--format`` in any case."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_missing_files_make_no_store(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(tmp_path / "postings.jsnol")])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"InputError: {tmp_path / 'postings.jsnol'}: no such file; check the path")
    assert list(tmp_path.iterdir()) == []


def test_a_bad_format_makes_no_store_and_any_case_is_taken(tmp_path: Path) -> None:
    rows = tmp_path / "rows.txt"
    rows.write_text(json.dumps({"id": "1", "title": "ML Engineer", "description": "PyTorch"})
                    + "\n", encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(rows), "--format", "xml"])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == "ConfigError: --format 'xml': use jsonl, json, csv or html"
    assert not db.exists()
    res = runner.invoke(app, ["--db", str(db), "import", str(rows), "--format", "JSONL",
                              "--no-enrich"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    found = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--json"])
    assert json.loads(found.output)["total"] == 1


def test_one_missing_file_among_good_ones_still_imports_the_rest(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "1", "title": "ML Engineer", "description": "PyTorch"})
                    + "\n", encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(tmp_path / "gone.jsonl"), str(rows),
                              "--no-enrich"])
    assert res.exit_code == 1 and "gone.jsonl: no such file" in res.output
    found = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--json"])
    assert json.loads(found.output)["total"] == 1


def test_search_of_an_empty_store_says_how_to_fill_it(tmp_path: Path) -> None:
    from mljobs.store import open_store

    db = tmp_path / "empty.sqlite3"
    open_store(db).close()
    res = runner.invoke(app, ["--db", str(db), "search", "pytorch"], catch_exceptions=False)
    assert res.exit_code == 0
    assert " ".join(res.output.split()) == (
        f"0 postings match pytorch; showing 0 The store {db} holds no postings yet; load some "
        f"with `mljobs --db {db} import FILE`, `mljobs --db {db} sync` or `mljobs demo --db "
        f"{db}`.")  # (the bare commands filled the default store, not this one)


def test_files_of_unknown_types_make_no_store_and_mail_is_pointed_to_sync(
        tmp_path: Path) -> None:
    """A ``.tsv`` and a saved mail (``.eml``) only: nothing can be imported, so no store is made
    (one was, empty), and the mail is pointed to the mailbox source that reads it."""
    table = tmp_path / "jobs.tsv"
    table.write_text("title\tcompany\nML Engineer\tAcme\n", encoding="utf-8")
    mail = tmp_path / "alert.eml"
    mail.write_text("Subject: Job alert: ML Engineer\n\nTrain models.\n", encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(table), str(mail)])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"InputError: {table}: unknown file type; use a .jsonl, .json or .csv file, or a page "
        f"saved from a browser (.html, .mhtml) (or pass --format); {mail}: mail is read by the mailbox source, not imported: `mljobs sources "
        f"add mailbox --name mail --set paths={mail}`, then `mljobs sync --source mail`")
    assert not db.exists()
    rows = tmp_path / "rows.jsonl"  # with one file that can be imported, the others are named
    rows.write_text(json.dumps({"title": "ML Engineer", "description": "PyTorch"}) + "\n",
                    encoding="utf-8")
    res = runner.invoke(app, ["--db", str(db), "import", str(table), str(rows), "--no-enrich"])
    assert res.exit_code == 1
    assert f"InputError: {table}: unknown file type" in " ".join(res.output.split())
    found = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--json"])
    assert json.loads(found.output)["total"] == 1
