"""A new user runs `mljobs demo`, then `mljobs search pytorch` without the `export
MLJOBS_DB=...` the demo printed: the search said "no store at .../mljobs.sqlite3; make one
with import, demo or sync", as if the demo had made nothing. It now names the demo store and
how to use it (the default store is still not made)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from platformdirs import user_data_dir
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _rows(path: Path) -> Path:
    path.write_text("".join(json.dumps({"id": f"r{i}", "title": f"ML engineer {i}",
                                        "description": "Train PyTorch models."}) + "\n"
                            for i in range(3)))
    return path


def test_a_missing_default_store_names_the_demo_store(tmp_path: Path) -> None:
    data = Path(user_data_dir("mljobs", appauthor=False))  # the test's own XDG_DATA_HOME
    demo = data / "demo.sqlite3"
    assert not demo.exists()
    res = runner.invoke(app, ["search", "pytorch"], env={"COLUMNS": "200"})
    assert res.exit_code == 1 and "demo" not in res.output.replace("mljobs demo --db", "")
    # a demo store made (a small one: the store is what counts, not its rows)
    made = runner.invoke(app, ["--db", str(demo), "import", "--no-enrich",
                               str(_rows(tmp_path / "rows.jsonl"))])
    assert made.exit_code == 0, made.output
    res = runner.invoke(app, ["search", "pytorch"], env={"COLUMNS": "200"})
    flat = " ".join(res.output.split())
    assert res.exit_code == 1 and f"no store at {data / 'mljobs.sqlite3'}" in flat
    assert f"`mljobs demo` made {demo}" in flat
    assert f"export MLJOBS_DB={shlex.quote(str(demo))}" in flat
    assert not (data / "mljobs.sqlite3").exists()


def test_a_store_named_on_purpose_gets_no_demo_hint(tmp_path: Path) -> None:
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    runner.invoke(app, ["--db", str(demo), "import", "--no-enrich",
                        str(_rows(tmp_path / "rows.jsonl"))])
    assert demo.exists()
    res = runner.invoke(app, ["--db", str(tmp_path / "mine.sqlite3"), "stats"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 1 and "mljobs demo` made" not in res.output


def test_show_of_a_demo_id_in_another_store_says_the_demo_holds_it(tmp_path: Path) -> None:
    """The README's tour shows a demo posting, then unsets MLJOBS_DB and imports into the
    user's own store; `mljobs show` of that id then said only "no posting ... find ids with
    `mljobs search`". It says the demo store holds it, with the command that shows it."""
    data = Path(user_data_dir("mljobs", appauthor=False))
    demo = data / "demo.sqlite3"
    rows = _rows(tmp_path / "rows.jsonl")
    assert runner.invoke(app, ["--db", str(demo), "import", "--no-enrich", str(rows)]).exit_code == 0
    own = tmp_path / "own.sqlite3"
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "x1", "title": "Data engineer",
                                 "description": "Spark pipelines."}) + "\n")
    assert runner.invoke(app, ["--db", str(own), "import", "--no-enrich", str(other)]).exit_code == 0
    before = demo.stat().st_mtime_ns
    res = runner.invoke(app, ["--db", str(own), "show", "file:r1"], env={"COLUMNS": "200"})
    flat = " ".join(res.output.split())
    assert res.exit_code == 1
    assert (f"no posting 'file:r1' in {own}; the demo store holds it: `mljobs --db "
            f"{shlex.quote(str(demo))} show file:r1`") in flat, flat
    assert demo.stat().st_mtime_ns == before  # (read, not written)
    shown = runner.invoke(app, ["--db", str(demo), "show", "file:r1"])
    assert shown.exit_code == 0, shown.output
    # an id neither store holds, and the demo store itself, say what they said
    res = runner.invoke(app, ["--db", str(own), "show", "file:r9"], env={"COLUMNS": "200"})
    assert "find ids with `mljobs search`" in " ".join(res.output.split())
    res = runner.invoke(app, ["--db", str(demo), "show", "file:r9"], env={"COLUMNS": "200"})
    assert "demo store holds" not in res.output


def test_show_with_the_demo_store_locked_says_its_own_error(tmp_path: Path) -> None:
    """A demo store another mljobs holds locked (`mljobs demo` rebuilding it) leaves `show`'s
    own error as it was, with no hint (a pin: the wait for the lock, 5 s before, is now none;
    measured, not asserted), and the demo store unchanged."""
    import sqlite3

    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    assert runner.invoke(app, ["--db", str(demo), "import", "--no-enrich",
                               str(_rows(tmp_path / "rows.jsonl"))]).exit_code == 0
    own = tmp_path / "own.sqlite3"
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "x1", "title": "Data engineer",
                                 "description": "Spark pipelines."}) + "\n")
    assert runner.invoke(app, ["--db", str(own), "import", "--no-enrich", str(other)]).exit_code == 0
    holder = sqlite3.connect(demo, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        res = runner.invoke(app, ["--db", str(own), "show", "file:r1"], env={"COLUMNS": "200"})
    finally:
        holder.close()
    flat = " ".join(res.output.split())
    assert res.exit_code == 1
    assert f"no posting 'file:r1' in {own}; find ids with `mljobs search`" in flat, flat
    shown = runner.invoke(app, ["--db", str(demo), "show", "file:r1"])
    assert shown.exit_code == 0, shown.output
