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


def _run(db: Path, *args: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable.encode(), b"-c", b"from mljobs.cli import main; main()",
                           b"--db", os.fsencode(db), *args],
                          env={**os.environ, "COLUMNS": "200", "LC_ALL": "C.UTF-8"},
                          capture_output=True, timeout=120, check=False)


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
