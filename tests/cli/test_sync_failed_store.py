"""A first ``mljobs sync`` whose every source failed (a server answering 500) left an empty
store, and its search index, at the store's path: ``search`` then answered "0 postings"
from it, where it would have said there was no store (and named the demo store a `mljobs
demo` made). A store the sync made and put nothing in is now removed, as ``import`` removes
one; a store that keeps a page that failed to parse stays, for the next run."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

from ..sources.replay_server import ReplayServer, Reply

runner = CliRunner()
JOBS = "/v1/boards/acme/jobs"


def _sync(tmp_path: Path, reply: Reply) -> tuple[Path, str]:
    config = tmp_path / "sources.toml"
    db = tmp_path / "new" / "s.sqlite3"
    with ReplayServer({JOBS: reply}) as srv:
        config.write_text('[http]\nretries = 0\n\n[[sources]]\nname = "gh"\n'
                          f'type = "greenhouse"\nboards = ["acme"]\nbase_url = "{srv.url}"\n',
                          encoding="utf-8")
        res = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                  "--no-enrich"], env={"MLJOBS_SOURCES": "", "COLUMNS": "200"})
    assert res.exit_code == 1, res.output
    return db, " ".join(res.output.split())


def test_a_sync_that_stored_nothing_leaves_no_store(tmp_path: Path) -> None:
    db, said = _sync(tmp_path, Reply(b"oops", status=500))
    assert "HTTP 500" in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.toml"]  # nor "new/"
    res = runner.invoke(app, ["--db", str(db), "search", "x"])
    assert res.exit_code == 1
    assert " ".join(res.output.split()).startswith(f"ConfigError: no store at {db};")


def test_a_page_that_failed_to_parse_is_kept_for_the_next_run(tmp_path: Path) -> None:
    db, said = _sync(tmp_path, Reply(b"<html>sign in</html>", content_type="text/html"))
    assert "the server sent a web page, not JSON" in said
    res = runner.invoke(app, ["--db", str(db), "stats", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["parse_failures"] == 1


def test_a_source_named_twice_is_synced_once(tmp_path: Path) -> None:
    """``sync --source gh --source gh`` ran the source twice at once: the board fetched
    twice, its failure counted and said twice."""
    config = tmp_path / "sources.toml"
    with ReplayServer({JOBS: Reply(b"oops", status=500)}) as srv:
        config.write_text('[http]\nretries = 0\n\n[[sources]]\nname = "gh"\n'
                          f'type = "greenhouse"\nboards = ["acme"]\nbase_url = "{srv.url}"\n',
                          encoding="utf-8")
        res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                  str(config), "--no-enrich", "--json", "--source", "gh",
                                  "--source", "gh"], env={"MLJOBS_SOURCES": ""})
    assert res.exit_code == 1, res.output
    report = json.loads(res.stdout)
    (only,) = report["sources"]
    assert only["failed"] == 1 and len(only["errors"]) == 1, only
    assert srv.hits[JOBS] == 1
