"""``mljobs import`` of hostile files reads a bounded amount: a ``.gz`` file that unpacks to
more than a plain file may hold (a decompression bomb), a JSONL line longer than any
posting, JSON nested past Python's recursion limit. Each ends with an error naming the
file (and the line), not a traceback or all the memory."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.errors import InputError, RowError
from mljobs.sources.files import MAX_LINE_BYTES, read_rows

runner = CliRunner()
ROW = json.dumps({"id": "r1", "title": "ML Engineer",
                  "description": "Train PyTorch models. " * 20}).encode() + b"\n"


def _bomb(path: Path, head: bytes, size: int, fill: bytes = b"a") -> Path:
    """A .gz file of ``head`` then ``size`` bytes of ``fill``, written a MiB at a time
    (so it compresses about a thousand times)."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(head)
        block = fill * (1024**2 // len(fill))
        for _ in range(size // len(block)):
            fh.write(block)
        fh.write(fill * ((size % len(block)) // len(fill)))
    return path


def test_a_jsonl_line_longer_than_any_posting_ends_the_read(tmp_path: Path) -> None:
    bomb = _bomb(tmp_path / "rows.jsonl.gz", ROW, MAX_LINE_BYTES + 10)
    assert bomb.stat().st_size < 1024**2
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(bomb)])
    out = " ".join(res.output.split())
    assert "Traceback" not in out
    assert ".jsonl.gz:2:" in out and "longer than 64 MiB" in out, out
    listed = runner.invoke(app, ["--db", str(db), "search", "", "--json"])
    assert json.loads(listed.output)["total"] == 1  # the row before it is imported


def test_a_gz_file_that_unpacks_past_the_limit_is_refused(tmp_path: Path) -> None:
    limit = 4 * 1024**2
    many = _bomb(tmp_path / "rows.jsonl.gz", b"", limit + 1024, fill=ROW)
    rows = list(read_rows(many, max_bytes=limit))
    assert all(not isinstance(r, RowError) for _, r, _ in rows[:-1]) and len(rows) > 1000
    last = rows[-1][1]
    assert isinstance(last, RowError) and "unpacks to more than 4 MiB" in str(last)
    for name in ("rows.json.gz", "rows.csv.gz"):
        whole = _bomb(tmp_path / name, b"[" if name.endswith("json.gz") else b"title\n",
                      limit + 1)
        with pytest.raises(InputError, match="unpacks to more than 4 MiB"):
            list(read_rows(whole, max_bytes=limit))


def test_a_file_within_the_limit_is_read(tmp_path: Path) -> None:
    path = _bomb(tmp_path / "rows.jsonl.gz", b"", 1024**2, fill=ROW)
    rows = list(read_rows(path, max_bytes=1024**2))
    assert rows and not [r for _, r, _ in rows if isinstance(r, RowError)]


@pytest.mark.parametrize("name", ["deep.jsonl", "deep.json", "deep.jsonl.gz"])
def test_json_nested_100000_deep_is_an_error_not_a_traceback(tmp_path: Path, name: str) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    body = (ROW + b'{"title": "x", "extra": ' + deep + b"}\n") if ".jsonl" in name else deep
    path = tmp_path / name
    path.write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(path)])
    out = " ".join(res.output.split())
    assert "Traceback" not in out and "RecursionError" not in out, out[-2000:]
    assert "nested too deep" in out
    if ".jsonl" in name:
        assert f"{name}:2:" in out
