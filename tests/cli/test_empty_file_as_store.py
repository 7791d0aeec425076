"""A 0-byte file given as the store to a command that only reads one (``--db empty.jsonl``, an
argument mixed up) was made into an empty SQLite store and answered "0 postings in
empty.jsonl". A store is never 0 bytes once made (WAL mode writes its first page at once),
so such a file is now named as no store and left as it is; ``import`` and ``demo`` still
make a store in a file made by ``touch``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", [["stats"], ["search", "pytorch"], ["show", "board:1"],
                                     ["reindex"], ["enrich", "--store"]])
def test_an_empty_file_is_no_store_to_read_and_is_left_as_it_is(
    tmp_path: Path, command: list[str]
) -> None:
    empty = tmp_path / "postings.jsonl"
    empty.touch()
    res = runner.invoke(app, ["--db", str(empty), *command])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert f"ConfigError: {empty} is an empty file (0 bytes), not a store" in flat
    assert f"`mljobs --db {empty} import FILE...`" in flat
    assert empty.stat().st_size == 0  # (was made a store of 77,824 bytes)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["postings.jsonl"]


def test_import_still_makes_a_store_in_an_empty_file(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    store.touch()
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "1", "source": "board", "title": "ML Engineer",
                                "description": "Train PyTorch models."}) + "\n",
                    encoding="utf-8")
    assert runner.invoke(app, ["--db", str(store), "import", str(rows), "--no-enrich"]
                         ).exit_code == 0
    res = runner.invoke(app, ["--db", str(store), "stats"])
    assert res.exit_code == 0 and "1 postings in" in res.output
