"""A ``--config`` that is no readable file (a folder, say ``--config ~/.config/mljobs``): one
line naming it and what to give, for ``sync`` and ``sources``; the store is not touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", [["sync", "--no-enrich"], ["sources", "list"],
                                     ["sources", "remove", "ml-boards"]])
def test_a_folder_given_as_the_sources_file_is_one_clear_line(
    tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "mljobs"
    folder.mkdir()
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), *command, "--config", str(folder)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception  # was IsADirectoryError
    flat = " ".join(res.output.split())
    assert "cannot read the sources file" in flat and "--config" in flat
    assert not db.exists() and list(folder.iterdir()) == []


@pytest.mark.parametrize("command", [["sources", "list"],
                                     ["sources", "add", "hackernews", "--name", "hn2"]])
def test_a_sources_file_not_in_utf8_names_the_line_and_says_to_save_it_as_utf8(
    tmp_path: Path, command: list[str]
) -> None:
    """A sources file saved in Latin-1 (a "café" in a comment) was "not valid TOML ('utf-8'
    codec can't decode byte 0xe9 in position 38: invalid continuation byte)": Python's words,
    a byte offset, and "fix the file" with no word of what is wrong with it."""
    config = tmp_path / "sources.toml"
    by_hand = '[[sources]]\nname = "hn"\n# caf\xe9\ntype = "hackernews"\n'.encode("latin-1")
    config.write_bytes(by_hand)
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), *command, "--config", str(config)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert f"{config}: not UTF-8 text (byte 0xe9 on line 3); save it again as UTF-8" in flat
    assert "codec" not in flat
    assert config.read_bytes() == by_hand and not db.exists()
