"""A store or sources path that starts with "~" where no shell expanded it
(``MLJOBS_DB="~/jobs.sqlite3"`` from an env file or a service's settings, ``--db=~/jobs.sqlite3``,
which bash leaves as it is) made a folder named "~" in the current folder and the store in
it: found from there only, and a folder whose removal (``rm -r ~``) removes the home folder.
"~" is now the home folder, as a shell reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_a_store_and_sources_path_under_tilde_are_in_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(home))
    rows = work / "rows.jsonl"
    rows.write_text(json.dumps({"id": "1", "source": "board", "title": "ML Engineer",
                                "description": "Train PyTorch models."}) + "\n",
                    encoding="utf-8")
    res = runner.invoke(app, ["import", str(rows), "--no-enrich"],
                        env={"MLJOBS_DB": "~/jobs.sqlite3"})
    assert res.exit_code == 0, res.output
    assert (home / "jobs.sqlite3").is_file()
    for args in (["--db=~/jobs.sqlite3", "stats"], ["stats", "--db=~/jobs.sqlite3"]):
        res = runner.invoke(app, args, env={"MLJOBS_DB": None})
        assert res.exit_code == 0, res.output
        assert f"1 postings in {home / 'jobs.sqlite3'}" in " ".join(res.output.split())
    res = runner.invoke(app, ["demo", "--db=~/demo.sqlite3"])
    assert res.exit_code == 0, res.output
    assert (home / "demo.sqlite3").is_file()
    res = runner.invoke(app, ["sources", "add", "greenhouse", "--set", "boards=acme"],
                        env={"MLJOBS_SOURCES": "~/sources.toml"})
    assert res.exit_code == 0, res.output
    assert (home / "sources.toml").is_file()
    assert not (work / "~").exists()  # (the folder named "~" with the store in it)
