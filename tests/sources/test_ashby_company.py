"""Ashby's posting API names no company (a job's fields are its title, team, location and
pay; the board is a name in the address, ``jobs.ashbyhq.com/openai``): a board's company is
the name ``companies`` gives it, else the board's name, as for Lever's sites. Synced from the
recorded board (``api-formats/ashby``'s real job) as ``mljobs sync`` does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mljobs import config as cfg
from mljobs.errors import ConfigError

from .conftest import sync_config
from .replay_server import ReplayServer


def _sync(tmp_path: Path, replay: ReplayServer, settings: str) -> dict[str, str | None]:
    """The Ashby board synced with ``settings`` added to its source: company by id."""
    _, stored = sync_config(tmp_path, '[[sources]]\nname = "ashby"\ntype = "ashby"\n'
                            f'boards = ["Ashby"]\nbase_url = "{replay.url}"\n{settings}\n')
    return {pid: p.company for pid, p in stored.items()}


def test_an_ashby_boards_company_is_the_name_the_config_gives_it(tmp_path: Path,
                                                                 replay: ReplayServer) -> None:
    """Before, ``companies`` was an unknown setting of ashby, and a board's postings were
    always of the board's name (``openai``, not "OpenAI")."""
    companies = _sync(tmp_path, replay, 'companies = { Ashby = "Ashby Inc." }')
    assert len(companies) == 2 and set(companies.values()) == {"Ashby Inc."}, companies
    cfg.save(cfg.load(tmp_path / "sources.toml"), tmp_path / "again.toml")
    assert cfg.load(tmp_path / "again.toml").entry("ashby").settings["companies"] == {
        "Ashby": "Ashby Inc."}


def test_an_ashby_board_the_config_names_no_company_for_is_its_own_name(
        tmp_path: Path, replay: ReplayServer) -> None:
    assert set(_sync(tmp_path, replay, "").values()) == {"Ashby"}


@pytest.mark.parametrize(("settings", "said"), [
    # (the example is the board to write, in its case, with the name given: before, it was
    # {openai = "OpenAI"}, whatever the boards)
    ('companies = { ashby = "Ashby Inc." }',
     ("companies: 'ashby' is no board of boards = ['Ashby']; name each board as boards does, "
      'e.g. companies = {Ashby = "Ashby Inc."}')),
    ('companies = { Ashby = "" }', "companies: the name of 'Ashby' is blank"),
    ('companies = "Ashby Inc."',
     'companies = "Ashby Inc." should be a table of names, e.g. companies = {openai = "OpenAI"}')])
def test_a_bad_ashby_companies_setting_is_refused_saying_what_to_write(
        tmp_path: Path, settings: str, said: str) -> None:
    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "ashby"\ntype = "ashby"\nboards = ["Ashby"]\n'
                      f"{settings}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(f"source 'ashby' (ashby): {said}")):
        cfg.load(config).entry("ashby").build()


def test_sources_add_sets_an_ashby_boards_company(tmp_path: Path) -> None:
    """``--set companies=board:Name`` writes the table; a pair with no name is refused with
    an Ashby example."""
    from typer.testing import CliRunner

    from mljobs.cli import app

    config = tmp_path / "sources.toml"
    res = CliRunner().invoke(app, ["sources", "add", "ashby", "--config", str(config), "--set",
                                   "boards=openai", "--set", "companies=openai:OpenAI"])
    assert res.exit_code == 0, res.output
    assert cfg.load(config).entry("ashby").settings["companies"] == {"openai": "OpenAI"}
    res = CliRunner().invoke(app, ["sources", "add", "ashby", "--name", "two", "--config",
                                   str(config), "--set", "boards=openai", "--set",
                                   "companies=openai"])
    assert res.exit_code != 0
    said = " ".join(res.output.split())
    assert "companies: 'openai' is not board:name; write --set companies=openai:OpenAI" in said
