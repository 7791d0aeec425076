"""``mljobs sources add greenhouse`` (no ``--set boards=``) said only "Added source
greenhouse", and so did ``--set boards=``: the entry fetches nothing, which the user learnt
at the next ``sync``. ``add`` now says so at once, with the line that fixes it; an entry
with something to fetch (hackernews needs no setting) gets no such note."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


@pytest.mark.parametrize("args,note", [
    (["greenhouse"], ("greenhouse fetches nothing until its boards list is set: "
                     "`mljobs sources add greenhouse --name greenhouse --set boards=...`")),
    (["greenhouse", "--name", "gh", "--set", "boards="],
     ("gh fetches nothing until its boards list is set: "
     "`mljobs sources add greenhouse --name gh --set boards=...`")),
    (["feed", "--name", "nlp"],
     ("nlp fetches nothing until its urls list is set: "
     "`mljobs sources add feed --name nlp --set urls=...`")),
])
def test_an_entry_with_nothing_to_fetch_says_so_when_added(tmp_path: Path, args: list[str],
                                                           note: str) -> None:
    config = tmp_path / "sources.toml"
    res = runner.invoke(app, ["sources", "add", *args, "--config", str(config)],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert note in " ".join(res.output.split())
    assert config.exists()  # still saved: the user may set the list next


def test_an_entry_with_work_gets_no_note(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    for args in (["greenhouse", "--set", "boards=acme"], ["hackernews"]):
        res = runner.invoke(app, ["sources", "add", *args, "--config", str(config)],
                            env={"COLUMNS": "200"})
        assert res.exit_code == 0 and "fetches nothing" not in res.output, res.output
