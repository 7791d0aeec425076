"""``mljobs sync`` names a source that had nothing to fetch because its lists are empty."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_a_board_source_without_boards_is_named(tmp_path: Path) -> None:
    config = str(tmp_path / "sources.toml")
    db = str(tmp_path / "s.sqlite3")
    added = runner.invoke(app, ["sources", "add", "greenhouse", "--config", config])
    assert added.exit_code == 0, added.output  # no boards given: nothing will be fetched
    res = runner.invoke(app, ["--db", db, "sync", "--config", config, "--no-enrich"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "greenhouse: nothing to fetch, as its boards list is empty" in flat
    assert "--set boards=" in flat


def test_a_since_after_today_is_refused_before_the_store_is_made(tmp_path: Path) -> None:
    # (every posting was skipped as older than it, and the sync said nothing of why)
    config = str(tmp_path / "sources.toml")
    db = tmp_path / "s.sqlite3"
    added = runner.invoke(app, ["sources", "add", "greenhouse", "--config", config,
                                "--set", "boards=acme"])
    assert added.exit_code == 0, added.output
    res = runner.invoke(app, ["--db", str(db), "sync", "--config", config, "--since",
                              "2999-01-01"])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert "ConfigError: --since 2999-01-01: that is after today (" in flat
    assert "every posting would be skipped as older. Give today or an earlier day" in flat
    assert not db.exists()
