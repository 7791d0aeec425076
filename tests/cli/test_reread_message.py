"""Opening a store whose Hacker News postings an older header reader read reads their places
again (``store.reread``, about 1 ms a posting: a minute or two for a store synced back to
2011), once. The CLI says so in one line before it starts, when that is more than a moment
(``cli.app.SAY_REREAD_FROM`` postings); before, only a log line nobody sees was written, and
the first command after an upgrade looked hung. Ordinary opens say nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store.reread import META_KEY

runner = CliRunner()
MANY = 250  # (more than cli.app.SAY_REREAD_FROM: a quarter of a second or more)


def _hn_store(folder: Path, posts: int) -> Path:
    """A store of ``posts`` Hacker News posts imported from a file (not understood: quicker),
    made to look as an older mljobs left it: no ``hn_header_version`` in its meta."""
    rows = [{"id": 1000 + n, "source": "who_is_hiring", "time": 1767300000 + n,
             "text": f"Company {n} | Machine Learning Engineer | Berlin | Full-time"
                     "<p>Train and ship ranking models in PyTorch."} for n in range(posts)]
    path = folder / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = folder / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(path), "--no-enrich"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM meta WHERE key = ?", (META_KEY,))
    conn.commit()
    conn.close()
    return db


def test_reading_many_postings_again_is_said_once(tmp_path: Path) -> None:
    db = _hn_store(tmp_path, MANY)
    first = runner.invoke(app, ["--db", str(db), "stats", "--json"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    said = " ".join(first.stderr.split())
    assert (f"Reading the locations of {MANY} Hacker News and Reddit postings again "
            "(a newer header reader; once)...") in said
    assert json.loads(first.stdout)["postings"] == MANY  # stdout: the JSON alone
    again = runner.invoke(app, ["--db", str(db), "stats"], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert "Reading the locations" not in again.output  # once: the store records the version


def test_a_handful_is_read_again_without_a_word(tmp_path: Path) -> None:
    db = _hn_store(tmp_path, 3)
    res = runner.invoke(app, ["--db", str(db), "stats"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "Reading the locations" not in res.output
    conn = sqlite3.connect(db)  # (read again all the same)
    assert conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
    conn.close()
