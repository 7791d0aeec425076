"""``mljobs import`` of a damaged ``.gz`` file: a file that is no gzip printed a traceback
(``BadGzipFile``), one cut short (an interrupted download) a bare "Aborted!" (Click reads
the ``EOFError`` as Ctrl+D). Now: an ``InputError`` naming the file, or, for a JSONL file
that breaks off after some rows, those rows imported and the break named as a bad row."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _rows(n: int) -> bytes:
    return b"".join(
        json.dumps({"id": f"r{i}", "title": f"ML Engineer {i}",
                    "description": f"Train PyTorch models, team {i}. " + "Words here. " * 40}
                   ).encode() + b"\n"
        for i in range(n))


def _total(db: Path) -> int:
    res = runner.invoke(app, ["--db", str(db), "search", "", "--json"], catch_exceptions=False)
    return int(json.loads(res.output)["total"])


def test_a_file_that_is_no_gzip_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "rows.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b not gzip at all")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(bad)])
    assert res.exit_code == 1
    out = " ".join(res.output.split())
    assert f"InputError: {bad}: not a whole gzip file (" in out
    assert "check it with `gzip -t`" in out and "Traceback" not in out
    assert "rejected" in out


def test_a_cut_short_jsonl_gz_keeps_the_rows_before_the_break(tmp_path: Path) -> None:
    whole = gzip.compress(_rows(60))
    cut = tmp_path / "rows.jsonl.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    with gzip.open(cut, "rb") as fh:  # the lines a reader gets before the break
        read = 0
        try:
            for _line in fh:
                read += 1
        except EOFError:
            pass
    assert 0 < read < 60
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(cut)])
    assert res.exit_code == 1
    out = " ".join(res.output.split())
    assert "Aborted" not in out
    assert f"bad row {cut}:{read + 1}: the gzip file breaks off here (" in out
    assert "partial" in out
    assert _total(db) == read

    # --strict: the file has a bad row, so none of it lands
    strict_db = tmp_path / "strict.sqlite3"
    res = runner.invoke(app, ["--db", str(strict_db), "import", "--no-enrich", "--strict",
                              str(cut)])
    assert res.exit_code == 1 and "rejected" in res.output
    assert not strict_db.exists()  # (a store the run made and stored nothing in is removed)


def test_a_cut_short_csv_or_json_gz_is_an_input_error_and_keeps_the_store(
        tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    good = tmp_path / "good.jsonl"
    good.write_bytes(_rows(3))
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(good)])
    assert res.exit_code == 0, res.output
    csv_whole = gzip.compress(b"title,description\n" + b"ML Engineer,PyTorch models\n" * 400)
    json_whole = gzip.compress(json.dumps(
        [{"id": f"j{i}", "title": "Data Scientist"} for i in range(400)]).encode())
    for name, whole in (("rows.csv.gz", csv_whole), ("rows.json.gz", json_whole)):
        cut = tmp_path / name
        cut.write_bytes(whole[: len(whole) // 2])
        res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(cut)])
        assert res.exit_code == 1
        out = " ".join(res.output.split())
        assert f"InputError: {cut}: not a whole gzip file (" in out, out
        assert "Aborted" not in out
    assert _total(db) == 3
