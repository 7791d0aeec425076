"""The README's tour exports ``MLJOBS_DB`` as the demo store, then imports a file and syncs:
those postings went into the demo store, and the next ``mljobs demo`` (``make run`` runs it
each time) emptied the store without a word. ``mljobs demo`` now refuses while the demo store
holds postings the demo did not load, names them and says how to keep or drop them."""

from __future__ import annotations

import json
import shlex
import sqlite3
from pathlib import Path

import pytest
from platformdirs import user_data_dir
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.demo import not_demo_in
from mljobs.store import open_store
from mljobs.store.migrations import SCHEMA_VERSION
from mljobs.store.reread import META_KEY

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _rows(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"r{i}", "source": "board", "title": f"ML engineer {i}",
                                        "description": "Train PyTorch models."}) + "\n"
                            for i in range(count)))
    return path


def test_the_demo_keeps_postings_imported_into_its_store(tmp_path: Path) -> None:
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"  # the test's own
    # the tour: demo items and a file of one's own imported into the demo store
    for rows in (FIXTURES / "hn-sample.jsonl", _rows(tmp_path / "mine.jsonl", 3)):
        made = runner.invoke(app, ["--db", str(demo), "import", "--no-enrich", str(rows)])
        assert made.exit_code == 0, made.output
    before = demo.read_bytes()
    res = runner.invoke(app, ["--db", str(demo), "demo"], env={"COLUMNS": "200"})
    flat = " ".join(res.output.split())
    assert res.exit_code == 1, res.output
    assert flat.startswith(f"ConfigError: the demo store {demo} holds 3 postings the demo did "
                           "not load (board 3: imported or synced into it); `mljobs demo` "
                           "builds the demo store anew and would drop them."), flat
    own = demo.with_name("mljobs.sqlite3")
    assert f"mv {shlex.quote(str(demo))} {shlex.quote(str(own))}" in flat
    assert flat.endswith("to drop them, run mljobs demo --replace"), flat
    assert demo.read_bytes() == before  # nothing dropped, nothing written
    # nor left beside it (a read-only connection left an empty -wal and a -shm file there)
    assert sorted(p.name for p in demo.parent.glob("demo.sqlite3*")) == [
        "demo.sqlite3", "demo.sqlite3.index", "demo.sqlite3.index.lock"]
    with open_store(demo) as store:
        assert store.count() == 43 + 3


def test_a_store_of_your_own_beside_it_is_not_offered_as_the_place_to_move_to(
        tmp_path: Path) -> None:
    data = Path(user_data_dir("mljobs", appauthor=False))
    demo, own = data / "demo.sqlite3", data / "mljobs.sqlite3"
    for db in (demo, own):
        made = runner.invoke(app, ["--db", str(db), "import", "--no-enrich",
                                   str(_rows(tmp_path / "mine.jsonl", 1))])
        assert made.exit_code == 0, made.output
    res = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})
    flat = " ".join(res.output.split())
    assert res.exit_code == 1 and "holds 1 posting the demo did not load (board 1:" in flat
    assert f"mv {shlex.quote(str(demo))} PATH (a file name of your own; then use --db PATH)" in flat
    assert str(own) not in flat


def test_the_postings_the_demo_did_not_load_are_counted_by_source(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    assert runner.invoke(app, ["--db", str(db), "import", "--no-enrich",
                               str(FIXTURES / "hn-sample.jsonl")]).exit_code == 0
    with open_store(db) as store:
        assert store.count() == 43
    assert not_demo_in(db) == {}  # the demo's own items
    other = tmp_path / "hn.jsonl"  # an HN item of another month: a sync's, not the demo's
    other.write_text(json.dumps({"id": 1, "source": "who_is_hiring", "time": 1767369853,
                                 "text": "Acme | ML Engineer | Remote | PyTorch"}) + "\n")
    for rows in (other, _rows(tmp_path / "mine.jsonl", 2)):
        assert runner.invoke(app, ["--db", str(db), "import", "--no-enrich",
                                   str(rows)]).exit_code == 0
    assert not_demo_in(db) == {"board": 2, "hackernews": 1}


@pytest.mark.slow
def test_replace_rebuilds_it_without_them(tmp_path: Path) -> None:
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    made = runner.invoke(app, ["--db", str(demo), "import", "--no-enrich",
                               str(_rows(tmp_path / "mine.jsonl", 3))])
    assert made.exit_code == 0, made.output
    res = runner.invoke(app, ["demo", "--replace"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    with open_store(demo) as store:
        assert store.count() > 1800
    assert not_demo_in(demo) == {}
    again = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})  # its own postings: rebuilt
    assert again.exit_code == 0, again.output


def test_an_older_store_is_read_as_it_is_not_upgraded_first(tmp_path: Path) -> None:
    """An older mljobs' demo store was opened to count what the demo did not load: that
    migrated it and read the places of its Hacker News postings again ("Reading the
    locations of 1,888 Hacker News and Reddit postings again (a newer header reader;
    once)..." at each `make run` after an upgrade), just before it was emptied. It is read
    as it is, without a write."""
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    for rows in (FIXTURES / "hn-sample.jsonl", _rows(tmp_path / "mine.jsonl", 2)):
        made = runner.invoke(app, ["--db", str(demo), "import", "--no-enrich", str(rows)])
        assert made.exit_code == 0, made.output
    # as an older header reader left it; not upgraded, nothing read again
    _refused_as_it_is(demo, "DELETE FROM meta WHERE key = ?", (META_KEY,), "2 postings", 2)


def test_a_newer_store_holding_imports_is_not_rebuilt(tmp_path: Path) -> None:
    """A newer mljobs' demo store (a newer schema, which this one does not open) holding
    postings the demo did not load was rebuilt without a word: they were dropped."""
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    made = runner.invoke(app, ["--db", str(demo), "import", "--no-enrich",
                               str(_rows(tmp_path / "mine.jsonl", 1))])
    assert made.exit_code == 0, made.output
    _refused_as_it_is(demo, f"PRAGMA user_version = {SCHEMA_VERSION + 1}", (), "1 posting", 1)


def _refused_as_it_is(demo: Path, sql: str, args: tuple[str, ...], held: str,
                      board: int) -> None:
    """``sql`` run on the demo store, then `mljobs demo` refuses and leaves it as it was."""
    conn = sqlite3.connect(demo)
    conn.execute(sql, args)
    conn.commit()
    conn.close()
    before = demo.read_bytes()
    res = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})
    assert res.exit_code == 1 and f"holds {held} the demo did not load (board {board}:" in " ".join(
        res.output.split()), res.output
    assert demo.read_bytes() == before


def test_with_mljobs_db_naming_the_demo_store_the_way_to_keep_them_unsets_it(
        tmp_path: Path) -> None:
    """The README's old tour exported MLJOBS_DB as the demo store. Moved to mljobs.sqlite3 as
    the refusal said, the postings were not where the next command looked: MLJOBS_DB still
    named the demo store, rebuilt by then without them."""
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    made = runner.invoke(app, ["import", "--no-enrich", str(_rows(tmp_path / "mine.jsonl", 2))],
                         env={"MLJOBS_DB": str(demo)})
    assert made.exit_code == 0, made.output
    res = runner.invoke(app, ["demo"], env={"MLJOBS_DB": str(demo), "COLUMNS": "200"})
    flat = " ".join(res.output.split())
    assert res.exit_code == 1, res.output
    own = demo.with_name("mljobs.sqlite3")
    assert (f"move the store first: mv {shlex.quote(str(demo))} {shlex.quote(str(own))} (then "
            "it is the store every command uses when no --db or MLJOBS_DB is given) and unset "
            "MLJOBS_DB (it names the demo store), then run mljobs demo again") in flat, flat
    plain = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})  # not set: not named
    assert plain.exit_code == 1 and "unset" not in plain.output
