"""``mljobs enrich --input/--output`` with files a user really gives: the input named as the
output is refused before it is emptied, an output it cannot write is one line (no
traceback), and a byte-order mark does not make line 1 bad."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _rows(path: Path, n: int = 3, *, bom: bool = False, newline: str = "\n") -> Path:
    lines = [json.dumps({"id": f"p{i}", "title": "Machine Learning Engineer",
                         "text": "We train PyTorch models and ship them with Kubernetes."})
             for i in range(n)]
    data = newline.join(lines) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8"))
    return path


def test_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    rows = _rows(tmp_path / "rows.jsonl")
    before = rows.read_bytes()
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(rows)])
    assert res.exit_code == 1  # was 0, with the input emptied: "enriched 0 postings"
    assert rows.read_bytes() == before
    assert "is the --input file" in " ".join(res.output.split())


def test_an_output_that_cannot_be_written_is_one_clear_line(tmp_path: Path) -> None:
    rows = _rows(tmp_path / "rows.jsonl")
    (tmp_path / "a folder").mkdir()
    for target in (tmp_path / "a folder", tmp_path / "missing" / "out.jsonl"):
        res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(target)])
        assert res.exit_code == 1
        assert isinstance(res.exception, SystemExit), res.exception  # was an OSError
        flat = " ".join(res.output.split())
        assert "Cannot write --output" in flat and "Traceback" not in flat


def test_a_byte_order_mark_and_crlf_lines_are_read_as_import_reads_them(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    rows = _rows(tmp_path / "rows.jsonl", bom=True, newline="\r\n")
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(out)])
    assert res.exit_code == 0, res.output  # line 1 was "not JSON (Unexpected UTF-8 BOM)"
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["p0", "p1", "p2"]


@pytest.mark.parametrize(
    "deep",
    [
        "[" * 100_000 + "]" * 100_000,
        # json.loads reads this one; the lone-surrogate clean-up of it overflowed (a traceback)
        "[" * 500 + '"\\ud800"' + "]" * 500,
    ],
)
def test_a_line_nested_past_the_recursion_limit_is_one_bad_line(tmp_path: Path, deep: str) -> None:
    rows = _rows(tmp_path / "rows.jsonl", 2)
    with rows.open("a", encoding="utf-8") as f:
        f.write(deep + "\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(out)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception  # was RecursionError
    flat = " ".join(res.output.split())
    assert "rows.jsonl:3: JSON nested too deep" in flat and "enriched 2 postings, 1 bad" in flat
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_a_gzipped_input_is_read_as_import_reads_it(tmp_path: Path) -> None:

    rows = _rows(tmp_path / "rows.jsonl", bom=True)
    packed = tmp_path / "rows.jsonl.gz"
    packed.write_bytes(gzip.compress(rows.read_bytes()))
    before = packed.read_bytes()
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(packed), "--output", str(out)])
    assert res.exit_code == 0, res.output  # was "rows.jsonl.gz:1: not JSON" for every line
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["p0", "p1", "p2"]
    assert packed.read_bytes() == before


def test_a_gzip_file_cut_short_keeps_the_lines_before_and_a_plain_one_named_gz_is_one_line(
    tmp_path: Path,
) -> None:

    rows = _rows(tmp_path / "rows.jsonl", n=200)
    cut = tmp_path / "cut.jsonl.gz"
    packed = gzip.compress(rows.read_bytes())
    cut.write_bytes(packed[: len(packed) * 3 // 4])  # a download that broke off
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(cut), "--output", str(out)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception  # was EOFError ("Aborted!")
    flat = " ".join(res.output.split())
    assert "the gzip file breaks off here" in flat and "gzip -t" in flat
    written = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(written) < 200 and json.loads(written[0])["id"] == "p0"
    # cut inside its first line: no line was read, and none was of another format (the
    # hint to `mljobs import` was printed after the break, as if the rows were no postings)
    cut.write_bytes(packed[:60])
    res = runner.invoke(app, ["enrich", "--input", str(cut), "--output", str(out)])
    assert res.exit_code == 1
    flat = " ".join(res.output.split())
    assert "cut.jsonl.gz:1: the gzip file breaks off here" in flat
    assert "enriched 0 postings, 1 bad lines" in flat and "mljobs import" not in flat
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_bytes(rows.read_bytes())  # plain JSONL named .gz
    res = runner.invoke(app, ["enrich", "--input", str(plain)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    assert "is no gzip file" in " ".join(res.output.split())


@pytest.mark.parametrize(("data", "says"), [
    ("\ufeff" + json.dumps({"id": "1", "title": "ML Engineer", "text": "PyTorch."}) + "\n",
     "text saved as UTF-16, not UTF-8; save it again as UTF-8"),
    (None, "this looks like a binary file, not JSONL text (it holds NUL bytes)")])
@pytest.mark.parametrize("name", ["postings.jsonl", "postings.jsonl.gz"])
def test_a_utf16_or_binary_input_is_one_line_saying_so(tmp_path: Path, data: str | None,
                                                        says: str, name: str) -> None:
    """It was a "not JSON (Expecting value at column 1)" line for each line of the file (128
    of a 20 kB binary file), as `mljobs import` once read it; import names the file's kind.
    Gzipped, it still was (20 lines of a 3 kB one) while `mljobs import` named it."""
    path = tmp_path / name
    raw = bytes(range(256)) * 80 if data is None else data.encode("utf-16")
    path.write_bytes(gzip.compress(raw) if name.endswith(".gz") else raw)
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(path), "--output", str(out)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert f"InputError: {path}: {says}" in flat
    assert "not JSON (" not in flat and not out.exists()
