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
