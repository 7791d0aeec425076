"""A CSV row with fewer values than the header has columns is one bad row, named with its line
and the columns it lacks; the other rows are imported. Before, it was stored, the columns it
lacked read as empty: a JobSpy export cut after a row's place (a download cut short, a row
pasted in part) gave a posting with no description and no pay, and nothing said so."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "jobspy-sample.csv"


def _rows() -> tuple[list[str], list[list[str]]]:
    header, *rows = csv.reader(io.StringIO(SAMPLE.read_text(encoding="utf-8"), newline=""))
    return header, rows


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def _stored(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT source_id, title FROM postings").fetchall())


def test_a_row_cut_short_is_one_bad_row_naming_what_it_lacks(tmp_path: Path) -> None:
    header, rows = _rows()
    cut = rows[1][:header.index("location") + 1]  # JobSpy's row up to its place, no more
    path = tmp_path / "jobs.csv"
    _write(path, header, [rows[0], cut, rows[2]])
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(path)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    # (the line the cut row starts on: the first row's description holds line breaks)
    _write(tmp_path / "before.csv", header, rows[:1])
    line = (tmp_path / "before.csv").read_text(encoding="utf-8").count("\n") + 1
    assert f"jobs.csv:{line}:" in flat, flat
    lacking = len(header) - len(cut)
    assert (f"{lacking} fewer values than header columns (no date_posted, job_type, "
            f"salary_source and {lacking - 3} more)") in flat, flat
    assert [sid for sid, _ in _stored(db)] == sorted([rows[0][0], rows[2][0]])


def test_a_header_ending_in_a_comma_may_have_rows_without_that_value(tmp_path: Path) -> None:
    """A header written with a last comma ("...,company_description,") names a column no row
    fills; rows that leave it out are whole."""
    header, rows = _rows()
    path = tmp_path / "jobs.csv"
    _write(path, [*header, ""], rows[:2])
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(path)])
    assert res.exit_code == 0, res.output
    assert [sid for sid, _ in _stored(db)] == sorted(r[0] for r in rows[:2])
