"""A JSONL file that is no UTF-8 text is one clear error, and a bad JSONL row's message
names its place in the line (import read a binary file as 18 bad rows of "'utf-8' codec
can't decode byte 0xd8 in position 0", and a cut-short row as "line 2 column 1 (char 7)" of
a file whose line 2 it was)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from mljobs.errors import InputError
from mljobs.importer import import_file
from mljobs.store import SQLiteStore

GOOD = json.dumps({"id": "a1", "title": "Machine learning engineer", "company": "Acme",
                   "description": "Train models with PyTorch."})


def _binary(path: Path) -> Path:
    # random bytes with line breaks and NULs, as an image or a database file holds them
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(3000))
    return path


@pytest.mark.parametrize("name", ["pic.jsonl", "pic.ndjson"])
def test_a_binary_file_named_jsonl_is_one_clear_error(store: SQLiteStore, tmp_path: Path,
                                                      now, name: str) -> None:
    with pytest.raises(InputError, match=r"pic\.\w+: this looks like a binary file, not "
                                         r"JSONL text"):
        import_file(store, _binary(tmp_path / name), now=now)
    assert store.count() == 0


def test_a_gzipped_binary_file_too(store: SQLiteStore, tmp_path: Path, now) -> None:
    packed = tmp_path / "pic.jsonl.gz"
    packed.write_bytes(gzip.compress(_binary(tmp_path / "raw").read_bytes()))
    with pytest.raises(InputError, match="binary file"):
        import_file(store, packed, now=now)


def test_utf16_text_is_told_to_be_saved_as_utf8(store: SQLiteStore, tmp_path: Path,
                                                now) -> None:
    path = tmp_path / "notepad.jsonl"
    path.write_text(GOOD + "\n", encoding="utf-16")  # with its byte-order mark
    with pytest.raises(InputError, match="UTF-16.*save it again as UTF-8"):
        import_file(store, path, now=now)


def test_bad_rows_name_the_column_and_a_cut_row_says_so(store: SQLiteStore, tmp_path: Path,
                                                        now) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_bytes(b"garbage\n" + b'{"title": "x"\n' + b'{"title": "x",, }\n'
                     + b'{"title": "caf\xe9"}\n' + GOOD.encode() + b"\n")
    report = import_file(store, path, now=now)
    assert (report.rows, report.new, report.failed) == (5, 1, 4)
    messages = [str(e) for e in report.errors]
    assert messages[0].endswith("rows.jsonl:1: not valid JSON (Expecting value at column 1)")
    assert messages[1].endswith("rows.jsonl:2: the line ends before its JSON object does "
                                "(a JSONL row is one whole JSON object on one line)")
    assert "at column 15" in messages[2]
    assert messages[3].endswith("rows.jsonl:4: not UTF-8 text (byte 0xe9 at byte 15 of the "
                                "line); save the file again as UTF-8")
    assert not [m for m in messages if "char " in m or "codec" in m or "line 2 column" in m]


def test_good_rows_before_a_tail_of_nul_bytes_are_imported(store: SQLiteStore, tmp_path: Path,
                                                           now) -> None:
    """A JSONL file a crash left with NUL bytes after its rows. Before: the whole file was
    "a binary file" and none of its good rows was imported."""
    other = GOOD.replace('"a1"', '"a2"').replace("Acme", "Beta")
    path = tmp_path / "jobs.jsonl"
    path.write_bytes(f"{GOOD}\n{other}\n".encode() + b"\x00" * 4096)
    report = import_file(store, path, now=now)
    assert (report.new, report.failed) == (2, 1), report.errors
    assert store.count() == 2


@pytest.mark.parametrize("text", [
    json.dumps([json.loads(GOOD), json.loads(GOOD)], indent=2),  # pretty-printed
    json.dumps([json.loads(GOOD)]),  # one array on one line
    json.dumps(json.loads(GOOD), indent=2),  # one object, pretty-printed
    # (saved with a byte-order mark, as Windows tools save: 1 posting stored and 2 bad rows)
    "\ufeff" + json.dumps([json.loads(GOOD)], indent=2)])
def test_a_json_document_named_jsonl_is_one_clear_error(store: SQLiteStore, tmp_path: Path,
                                                        now, text: str) -> None:
    """A JSON export named .jsonl was read line by line: a pretty-printed array of 2 postings
    gave 12 bad rows ("the line ends before its JSON object does", "Extra data at column
    12", ...) and no word that the file is JSON, to be named .json."""
    path = tmp_path / "export.jsonl"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"export\.jsonl: one JSON document \(it starts "
                                         r"'[\[{].*'\), not JSON Lines, one posting's object "
                                         r"on each line; name the file \.json or pass "
                                         r"--format json"):
        import_file(store, path, now=now)
    assert store.count() == 0


def test_json_lines_named_json_is_one_clear_error(store: SQLiteStore, tmp_path: Path,
                                                  now) -> None:
    """JSON Lines named .json said "not valid JSON (Extra data: line 2 column 1 (char 143));
    fix the file or use JSONL", leaving the user to find that the file is JSONL already."""
    path = tmp_path / "rows.json"
    path.write_text(GOOD + "\n" + GOOD.replace("a1", "a2") + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rows\.json: one posting's JSON object on each line, "
                                         r"which is JSON Lines, not one JSON document; name "
                                         r"the file \.jsonl or pass --format jsonl"):
        import_file(store, path, now=now)
    broken = tmp_path / "broken.json"  # (not JSONL either: said as before)
    broken.write_text('{"title": "x",, }\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json: not valid JSON \(Expecting"):
        import_file(store, broken, now=now)
    # (a stray brace after one object on its line is no second row: it was called JSONL)
    stray = tmp_path / "stray.json"
    for text in (GOOD + "}\n", GOOD + "\n}\n"):  # (on its line, or on the next)
        stray.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=r"stray\.json: not valid JSON \(Extra data"):
            import_file(store, stray, now=now)
