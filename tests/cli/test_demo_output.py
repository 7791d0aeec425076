"""``mljobs demo`` on an 80-column terminal: the command it suggests is one line that runs as
printed (it was cut in two at the terminal's width), and its counts line up on the right.
Not on a terminal (a pipe, a file), its lines are whole: they were cut at 80 columns."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_the_suggested_command_is_one_line_that_runs(tmp_path: Path) -> None:
    db = tmp_path / "a folder with a long name for the demo store" / "demo.sqlite3"
    db.parent.mkdir()
    res = runner.invoke(app, ["demo", "--db", str(db)], env={"COLUMNS": "80"},
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    tries = [line for line in lines if line.startswith("Try: ")]
    assert len(tries) == 1
    # the bundled demo's 12 posts that are no postings, each kind counted
    assert ("10 job seekers' comments and 2 comments that say they are no job post skipped (not "
            "job postings)") in " ".join(res.output.split())
    # not a terminal (a pipe, a file, as here): each line whole, not cut at 80 columns
    ready = [line for line in lines if line.startswith("Demo store ready: ")]
    assert len(ready) == 1 and ready[0].endswith(f" in {db}"), lines
    sample = next(n for n, line in enumerate(lines) if line.startswith("Sample search "))
    hits = lines[sample + 1:lines.index(tries[0]) - 1]
    assert len(hits) == 5 and all(re.match(r"  hackernews:\d+(/r\d+)? \S", hit) for hit in hits), hits
    words = shlex.split(tries[0][len("Try: "):])
    assert words[:3] == ["mljobs", "--db", str(db)] and words[-2:] == ["--remote", "remote"]
    search = runner.invoke(app, words[1:], env={"COLUMNS": "80"}, catch_exceptions=False)
    assert search.exit_code == 0, search.output
    assert re.match(r"[1-9][\d,]* postings match computer vision", search.output)
    # the month table's counts end in one column (they were left-aligned: "│ 303 │", "│ 1,2")
    rows = [line for line in lines if re.match(r"│ 2026-\d\d │", line)]
    assert len(rows) == 5 and len({line.rindex(" │") for line in rows}) == 1
    assert len({re.search(r"\d *│$", line).start() for line in rows}) == 1  # type: ignore[union-attr]
