"""An argument the terminal gave as bytes that are no UTF-8 text (a Latin-1 terminal's
"café", a pasted byte): `show` of it and `search --company` of it ended in a traceback
(UnicodeEncodeError from SQLite, ValueError from the index). It is now one line naming the
argument and what to do; a file name in another encoding still works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..sources.interrupts import count_postings


def _mljobs(*args: bytes, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """``mljobs ARGS`` run from ``cwd`` (this test's source tree on the path, made absolute)."""
    return subprocess.run([sys.executable.encode(), b"-c", b"from mljobs.cli import main; main()",
                           *args],
                          env={**os.environ, "COLUMNS": "200", "LC_ALL": "C.UTF-8",
                               "PYTHONPATH": os.pathsep.join(os.path.abspath(p) for p in sys.path
                                                             if p)},
                          cwd=cwd, capture_output=True, timeout=120, check=False)


def _run(db: Path, *args: bytes) -> subprocess.CompletedProcess[bytes]:
    return _mljobs(b"--db", os.fsencode(db), *args)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "1", "title": "ML Engineer", "company": "Acme",
                                "description": "Train models with PyTorch."}) + "\n",
                    encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert _run(db, b"import", os.fsencode(rows), b"--no-enrich").returncode == 0
    return db


@pytest.mark.parametrize("args", [[b"show", b"caf\xe9"], [b"search", b"ml", b"--company", b"\xff"],
                                  [b"search", b"ml", b"--company=caf\xe9"]])
def test_an_argument_not_in_utf8_is_one_line_naming_it(store: Path, args: list[bytes]) -> None:
    before = store.read_bytes()
    res = _run(store, *args)
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 1, err
    assert "Traceback" not in err
    assert "is not UTF-8 text (byte 0x" in err and "type it again as UTF-8 text" in err
    assert store.read_bytes() == before


def test_a_file_named_in_latin1_still_imports(store: Path, tmp_path: Path) -> None:
    rows = os.fsencode(tmp_path) + b"/caf\xe9.jsonl"
    with open(rows, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "2", "title": "Data Scientist", "company": "Beta",
                             "description": "Pandas."}) + "\n")
    res = _run(store, b"import", rows, b"--no-enrich")
    assert res.returncode == 0, res.stderr.decode("utf-8", "replace")
    assert count_postings(store) == 2


def test_a_new_output_named_in_latin1_is_written(store: Path, tmp_path: Path) -> None:
    """`--output` of a file not written yet, named in Latin-1: the check let a path through
    only when it existed or held a "/", so it was refused."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "c1", "title": "ML Engineer",
                                  "text": "Train models with PyTorch."}) + "\n", encoding="utf-8")
    rows = os.fsencode(corpus)
    res = _mljobs(b"enrich", b"--input", rows, b"-o", b"out\xe9.jsonl", cwd=tmp_path)
    assert res.returncode == 0, res.stderr.decode("utf-8", "replace")
    assert json.loads((tmp_path / os.fsdecode(b"out\xe9.jsonl")).read_text("utf-8"))["id"]


@pytest.mark.parametrize("where", [b"new", b"old"])
def test_a_store_named_in_latin1_is_one_line(store: Path, tmp_path: Path, where: bytes) -> None:
    """`--db /x/café.sqlite3` (Latin-1) got past the check by its "/", and its search index
    beside it, which needs a UTF-8 name, was a UnicodeEncodeError traceback."""
    db = os.fsencode(tmp_path) + b"/caf\xe9.sqlite3"
    if where == b"old":
        with open(db, "wb") as fh:
            fh.write(store.read_bytes())
    res = _mljobs(*([b"--db=" + db] if where == b"new" else [b"--db", db]), b"search", b"ml")
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 1, err
    assert "Traceback" not in err and "the store's name is not UTF-8 text (byte 0xe9)" in err


@pytest.mark.parametrize("company", [b"AI/ML Caf\xe9", b"/caf\xe9"])
def test_a_company_with_a_slash_not_in_utf8_is_one_line(store: Path, company: bytes) -> None:
    """A value with a "/" was let through as a path: `--company` of it was a traceback."""
    res = _run(store, b"search", b"ml", b"--company", company)
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 1, err
    assert "Traceback" not in err and "is not UTF-8 text (byte 0xe9)" in err


def test_utf8_values_pass_untouched(store: Path) -> None:
    res = _run(store, b"search", b"ml", b"--company", "Zürich 東京 🚀".encode())
    err = res.stderr.decode("utf-8")
    assert res.returncode == 1 and "no posting in the store has company 'Zürich 東京 🚀'" in err


def test_an_option_value_naming_a_file_is_still_checked(store: Path, tmp_path: Path) -> None:
    """`--company café` (Latin-1) was let through when a file of that name was there (a
    value was a path when it named a file), and was a traceback; an argument after a flag
    (`import --no-enrich café.jsonl`) is still a file that imports."""
    (tmp_path / os.fsdecode(b"caf\xe9")).write_text("x", encoding="utf-8")
    res = _mljobs(b"--db", os.fsencode(store), b"search", b"ml", b"--company", b"caf\xe9",
                  cwd=tmp_path)
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 1 and "Traceback" not in err, err
    assert "is not UTF-8 text (byte 0xe9)" in err
    rows = os.fsencode(tmp_path) + b"/caf\xe9.jsonl"
    with open(rows, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "3", "title": "ML Engineer", "company": "Gamma",
                             "description": "JAX."}) + "\n")
    res = _run(store, b"import", b"--no-enrich", rows)
    assert res.returncode == 0, res.stderr.decode("utf-8", "replace")
    assert count_postings(store) == 2


@pytest.mark.parametrize("args", [[b"search", b"ml"], [b"import", b"ROWS", b"--no-enrich"],
                                  [b"stats"]])
@pytest.mark.parametrize("where", [b"new", b"old"])
def test_a_store_named_in_latin1_by_mljobs_db_is_one_line(store: Path, tmp_path: Path,
                                                           where: bytes,
                                                           args: list[bytes]) -> None:
    """`MLJOBS_DB=/x/café.sqlite3` (Latin-1) is no argument, so the check of arguments let it
    through: search (and import, after storing its postings) ended in a UnicodeEncodeError
    traceback at the search index beside it. It is now the line `--db` gets, naming the
    variable; a store there is left as it was, and none is made."""
    db = os.fsencode(tmp_path) + b"/caf\xe9.sqlite3"
    if where == b"old":
        with open(db, "wb") as fh:
            fh.write(store.read_bytes())
    rows = os.fsencode(tmp_path / "rows.jsonl")
    env = {**os.environb, b"MLJOBS_DB": db, b"COLUMNS": b"200", b"LC_ALL": b"C.UTF-8",
           b"PYTHONPATH": os.pathsep.join(os.path.abspath(p) for p in sys.path if p).encode()}
    res = subprocess.run([sys.executable.encode(), b"-c", b"from mljobs.cli import main; main()",
                          *(rows if arg == b"ROWS" else arg for arg in args)],
                         env=env, capture_output=True, timeout=120, check=False)
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == 1, err
    assert "Traceback" not in err
    assert "MLJOBS_DB '" in err and "the store's name is not UTF-8 text (byte 0xe9)" in err
    if where == b"old":
        with open(db, "rb") as fh:
            assert fh.read() == store.read_bytes()
    else:
        assert not os.path.exists(db)
