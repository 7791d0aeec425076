"""Lever's postings API names no company (a site's name is "usually your company name with no
spaces": ``leverdemo``): a board's company is the name ``companies`` gives its site, else the
site's name as Lever writes it. Synced from the recorded pages, as ``mljobs sync`` does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mljobs import config as cfg
from mljobs.errors import ConfigError
from mljobs.http import HttpClient
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, run_sync

from .conftest import NOW
from .replay_server import ReplayServer


def _sync(tmp_path: Path, replay: ReplayServer, settings: str) -> dict[str, str | None]:
    """The leverdemo site synced with ``settings`` added to its source: company by id."""
    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "lever"\ntype = "lever"\nboards = ["leverdemo"]\n'
                      f'base_url = "{replay.url}"\npage_size = 2\n{settings}\n', encoding="utf-8")
    conf = cfg.load(config)
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                        sleep=lambda s: None) as http:
            report = run_sync(store, [conf.entry("lever")], http=http, now=NOW,
                              options=SyncOptions(refresh_index=False, link=False))
        assert report.ok, [s.errors for s in report.sources]
        return {p.id: p.company for _, p in store.iter_postings()}


def test_a_lever_sites_company_is_the_name_the_config_gives_it(tmp_path: Path,
                                                               replay: ReplayServer) -> None:
    """Before, ``companies`` was an unknown setting, and every posting's company read
    "leverdemo", the site's name, in search, ``show`` and the web app."""
    companies = _sync(tmp_path, replay, 'companies = { leverdemo = "Lever Demo" }')
    assert len(companies) == 3 and set(companies.values()) == {"Lever Demo"}, companies
    # (and ``sources add``'s writing of the file keeps it, as an inline table)
    conf = cfg.load(tmp_path / "sources.toml")
    cfg.save(conf, tmp_path / "again.toml")
    assert cfg.load(tmp_path / "again.toml").entry("lever").settings["companies"] == {
        "leverdemo": "Lever Demo"}


def test_a_lever_site_the_config_names_no_company_for_is_its_own_name(
        tmp_path: Path, replay: ReplayServer) -> None:
    assert set(_sync(tmp_path, replay, "").values()) == {"leverdemo"}


@pytest.mark.parametrize(("settings", "said"), [
    ('companies = { levrdemo = "Lever Demo" }', "companies: 'levrdemo' is no site of boards"),
    ('companies = { leverdemo = " " }', "companies: the name of 'leverdemo' is blank"),
    ('companies = ["Lever Demo"]', 'companies = ["Lever Demo"] should be a table of names'),
    ("companies = { leverdemo = 5 }", "companies: leverdemo = 5 is not text")])
def test_a_bad_companies_setting_is_refused_saying_what_to_write(
        tmp_path: Path, settings: str, said: str) -> None:
    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "lever"\ntype = "lever"\nboards = ["leverdemo"]\n'
                      f"{settings}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(f"source 'lever' (lever): {said}")):
        cfg.load(config).entry("lever").build()


def test_sources_add_sets_a_sites_company(tmp_path: Path) -> None:
    """``--set companies=site:Name`` writes the table; one without a name is refused."""
    from typer.testing import CliRunner

    from mljobs.cli import app

    config = tmp_path / "sources.toml"
    res = CliRunner().invoke(app, ["sources", "add", "lever", "--config", str(config), "--set",
                                   "boards=leverdemo", "--set", "companies=leverdemo:Lever Demo"])
    assert res.exit_code == 0, res.output
    assert cfg.load(config).entry("lever").settings["companies"] == {"leverdemo": "Lever Demo"}
    res = CliRunner().invoke(app, ["sources", "add", "lever", "--config", str(config), "--set",
                                   "boards=leverdemo", "--set", "companies=leverdemo"])
    assert res.exit_code != 0
    assert "companies: 'leverdemo' is not site:name" in " ".join(res.output.split())


def test_a_company_name_with_a_comma_is_told_to_go_in_the_config(tmp_path: Path) -> None:
    """``--set`` splits pairs at commas, so "Lever Demo, Inc." read as the pair "leverdemo:Lever
    Demo" and a piece " Inc." that is no site:name: the error told to write ``--set
    companies=leverdemo:Lever Demo``, which drops the ", Inc."; it says to write the name in
    the config file, and nothing is written."""
    from typer.testing import CliRunner

    from mljobs.cli import app

    config = tmp_path / "sources.toml"
    res = CliRunner().invoke(app, ["sources", "add", "lever", "--config", str(config), "--set",
                                   "boards=leverdemo", "--set",
                                   "companies=leverdemo:Lever Demo, Inc."])
    assert res.exit_code != 0
    said = " ".join(res.output.split())
    assert "'Inc.' is not site:name" in said
    assert 'a name with a comma goes in the config file: companies = {leverdemo = "Lever Demo, Inc."}' in said
    assert not config.exists()


@pytest.mark.parametrize(("boards", "said"), [
    ('["acme-robotics"]', 'e.g. companies = {acme-robotics = "Acme Robotics"}'),
    ('["acme.eu", "acme"]', 'e.g. companies = {"acme.eu" = "Acme Robotics"}')])
def test_a_site_renamed_in_boards_is_the_example_to_write(
        tmp_path: Path, boards: str, said: str) -> None:
    """A site renamed in ``boards`` but not in ``companies``: the message's example is the
    site ``companies`` names no company for, with the name it gave (quoted as TOML needs).
    Before, it was ``{leverdemo = "Lever Demo"}`` whatever the config said."""
    config = tmp_path / "sources.toml"
    config.write_text(f'[[sources]]\nname = "lever"\ntype = "lever"\nboards = {boards}\n'
                      'companies = { acme-old = "Acme Robotics" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape("'acme-old' is no site of boards")) as err:
        cfg.load(config).entry("lever").build()
    assert str(err.value).endswith(said)
