"""``mljobs sync`` and ``mljobs sources list`` on an 80-column terminal: every header and
setting readable (the sync table cut its headers to "updat…", "unchan…", "filte…" and source
names to "greenh…"; the sources table cut URLs and showed lists as Python's ['a', 'b'])."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

from ..sources.replay_server import ReplayServer, fixture

runner = CliRunner()


@pytest.fixture
def board_url() -> Iterator[str]:
    """The recorded Greenhouse board at its API path and a bad feed, on 127.0.0.1."""
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json"),
                       "/feed/malformed.xml": fixture("feed/malformed.xml")}) as srv:
        yield srv.url


def test_the_sync_table_fits_80_columns_with_whole_headers(tmp_path: Path, board_url: str) -> None:
    config = str(tmp_path / "sources.toml")
    added = runner.invoke(app, ["sources", "add", "greenhouse", "--name", "vault-boards",
                                "--set", "boards=vaulttec", "--set", f"base_url={board_url}",
                                "--config", config])
    assert added.exit_code == 0, added.output
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config", config,
                              "--no-enrich"], env={"COLUMNS": "80"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "…" not in res.output
    header = next(line for line in res.output.splitlines() if "docs" in line)
    for name in ("source", "docs", "new", "updated", "unchanged", "closed", "filtered", "failed"):
        assert f" {name} " in header
    assert all(len(line) <= 80 for line in res.output.splitlines())
    assert "vault-boards" in res.output and "(greenhouse)" in res.output


def test_sources_list_shows_settings_whole_as_add_takes_them(tmp_path: Path) -> None:
    config = str(tmp_path / "sources.toml")
    urls = [f"https://careers.example-company-{i}.org/jobs/feed.rss" for i in range(3)]
    added = runner.invoke(app, ["sources", "add", "feed", "--set", "urls=" + ",".join(urls),
                                "--config", config])
    assert added.exit_code == 0, added.output
    res = runner.invoke(app, ["sources", "list", "--config", config], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.output
    assert "…" not in res.output and "['" not in res.output
    # the settings column, read row by row with the table's borders taken away
    cells = "".join(line.rsplit("│", 2)[-2].strip() for line in res.output.splitlines()
                    if line.startswith("│"))
    assert cells.replace(" ", "") == "urls=" + ",".join(urls)


def test_sources_list_without_sources_says_how_to_add_one(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    res = runner.invoke(app, ["sources", "list", "--config", str(config)])
    assert res.exit_code == 0
    flat = " ".join(res.output.split())
    assert flat.startswith(f"No sources configured in {config} (the file does not exist yet); "
                           "add one with `mljobs sources add greenhouse --set boards=")
    assert "Types: ashby," in flat and not config.exists()


def test_an_error_of_an_entry_named_after_its_type_is_not_prefixed_twice(
    tmp_path: Path, board_url: str
) -> None:
    config = str(tmp_path / "sources.toml")
    added = runner.invoke(app, ["sources", "add", "feed", "--set",
                                f"urls={board_url}/feed/malformed.xml", "--config", config])
    assert added.exit_code == 0, added.output
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config", config,
                              "--no-enrich"], env={"COLUMNS": "200"}, catch_exceptions=False)
    assert res.exit_code == 1
    errors = [line for line in res.output.splitlines() if "cannot parse" in line]
    # the unit first, as a fetch error names it (errors are in the order of the units)
    assert errors and errors[0].startswith(f"feed: [{board_url}/feed/malformed.xml] cannot "
                                           "parse ")
