"""A sources file edited by hand, read by ``mljobs sync`` and ``mljobs sources add``.

Before: ``boards = "vaulttec"`` (no brackets) was read letter by letter, one board per letter;
``enabled = "false"`` (quoted) was taken as true; ``[[source]]`` (one letter short) and a
mistyped ``--config`` path both said only "no sources to sync"; ``http = 5`` was a traceback;
``[http] timeout = "fast"``, ``page_size = 0`` (the first page asked for again and again),
``base_url = "127.0.0.1:8000"`` and a board's web address in ``boards`` were kept and failed
at sync, one request per retry. Each is refused when the file is read, naming the file, the
entry and what to write, before anything is fetched or stored."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs import config as cfg
from mljobs.cli import app
from mljobs.sources.base import Window

from ..sources.replay_server import ReplayServer, fixture

runner = CliRunner()


def _sync(tmp_path: Path, text: str, *more: str):  # type: ignore[no-untyped-def]
    config = tmp_path / "sources.toml"
    config.write_text(text, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                 "--no-enrich", *more])
    return result, " ".join(result.output.split()), db


@pytest.mark.parametrize(("text", "said"), [
    ('[[sources]]\nname = "vt"\ntype = "greenhouse"\nboards = "vaulttec"\n',
     ("source 'vt' (greenhouse): boards = \"vaulttec\" should be a list, with brackets even "
      "for one item: boards = [\"vaulttec\"]")),
    ('[[sources]]\ntype = "greenhouse"\nboards = [1, 2]\n',
     'boards = [1, 2]: 1 is not text'),
    ('[[sources]]\nname = "vt"\ntype = "greenhouse"\nenabled = "false"\n',
     "sources entry 1 ('vt'): enabled = 'false' should be true or false, without quotes"),
    ('[[source]]\ntype = "greenhouse"\n',
     ("unknown table or key source; the file has [http], [filter] and one [[sources]] table "
      "per source")),
    ('[sources]\ntype = "greenhouse"\n',
     "write each source as a [[sources]] table (two brackets), not [sources]"),
    ('http = 5\n[[sources]]\ntype = "greenhouse"\n', "http = 5 should be a table"),
    ('[[sources]]\ntype = "lever"\nboards = ["x"]\npage_size = 0\n', "page_size = 0: use 1 or more"),
    ('[[sources]]\ntype = "lever"\nboards = ["x"]\npage_size = "ten"\n',
     'page_size = "ten" should be a whole number'),
    ('[[sources]]\ntype = "jsonld"\nrespect_robots = "no"\n',
     'respect_robots = "no" should be true or false'),
    ('[[sources]]\ntype = "greenhouse"\nboards = ["x"]\nbase_url = "127.0.0.1:8000"\n',
     "base_url: '127.0.0.1:8000' is not an http(s) address; write the whole URL"),
    ('[[sources]]\ntype = "feed"\nurls = ["example.org/jobs.rss"]\n',
     "e.g. https://example.org/jobs.rss"),
    ('[[sources]]\ntype = "greenhouse"\nboards = ["https://boards.greenhouse.io/anthropic"]\n',
     'that is boards = ["anthropic"]'),
    ('[[sources]]\ntype = "reddit"\nsubreddits = ["r/MLjobs"]\n',
     'subreddits: \'r/MLjobs\' is not a subreddit\'s bare name; write subreddits = ["MLjobs"]'),
    ('[[sources]]\ntype = "feed"\ncompany_in_title = "no"\n',
     'company_in_title = \'no\': use "auto" or "none"'),
    # (checked only as the sync listed its units: the sync of every source stopped, the
    # message naming neither the file nor the entry)
    (('[[sources]]\nname = "vt"\ntype = "greenhouse"\nboards = ["x"]\n[[sources]]\n'
     'name = "hn"\ntype = "hackernews"\nmonths = ["2026-13"]\n'),
     "sources.toml: source 'hn' (hackernews): month '2026-13' is not YYYY-MM (e.g. 2026-01)"),
    ('[[sources]]\nname = "hn"\ntype = "hackernews"\nsince = "April"\n',
     "sources.toml: source 'hn' (hackernews): since = 'April' is not YYYY-MM (e.g. 2011-04)"),
    ('[[sources]]\nname = "hn"\ntype = "hackernews"\napi = "graphql"\n',
     "source 'hn' (hackernews): api = 'graphql': use one of algolia, algolia-search, firebase"),
])
def test_a_wrong_value_is_refused_with_what_to_write(tmp_path: Path, text: str,
                                                     said: str) -> None:
    result, flat, db = _sync(tmp_path, text)
    assert result.exit_code == 1, result.output
    assert flat.startswith("ConfigError: "), flat
    assert said in flat
    assert "Traceback" not in result.output
    assert not db.exists()  # refused before a store was made


def test_a_month_to_come_names_its_entry(tmp_path: Path) -> None:
    """A Hacker News month to come is refused by the day's date, as the sync lists its units:
    the message said "hackernews: month ..." of no entry of the file. The store the run made
    for it is removed, as that of a run whose every source failed is (it was left, empty,
    and the next search searched it)."""
    result, flat, db = _sync(tmp_path, '[[sources]]\nname = "vt"\ntype = "greenhouse"\n'
                            'boards = ["x"]\nbase_url = "http://127.0.0.1:9"\n[[sources]]\n'
                            'name = "hn"\ntype = "hackernews"\nmonths = ["2099-01"]\n')
    assert result.exit_code == 1
    assert ("ConfigError: source 'hn' (hackernews): month '2099-01': the \"Who is hiring?\" "
            "threads run from 2011-04 to this month") in flat, flat
    assert not db.exists() and not Path(f"{db}.index").exists()


@pytest.mark.parametrize(("key", "value", "said"), [
    ("timeout", '"fast"', "[http] timeout = 'fast': use a number, more than 0 (the default is"),
    ("per_host", "0", "[http] per_host = 0: use a whole number, more than 0"),
    ("retries", "-1", "[http] retries = -1: use a whole number, 0 or more"),
    ("max_bytes", "1.5", "[http] max_bytes = 1.5: use a whole number"),
])
def test_a_wrong_http_setting_is_refused(tmp_path: Path, key: str, value: str,
                                         said: str) -> None:
    """Named by its file, as a source's wrong value is (it said "[http] timeout = ..." of no
    file), before anything is fetched or a store made."""
    result, flat, db = _sync(tmp_path, f'[http]\n{key} = {value}\n[[sources]]\n'
                                       'type = "greenhouse"\nboards = ["x"]\n'
                                       'base_url = "http://127.0.0.1:9"\n')
    assert result.exit_code == 1 and f"sources.toml: {said}" in flat, flat
    assert not db.exists()


@pytest.mark.parametrize(("table", "said"), [
    ('[http]\ntimout = 5\n', "sources.toml: [http]: unknown setting(s) timout; available:"),
    ('[filter]\nadd = "causal"\n', "sources.toml: [filter] add: expected a list of strings"),
    ('[filter]\nkeyword = ["x"]\n', "sources.toml: [filter]: unknown setting(s) keyword"),
    # (before, a number was a keyword "5", kept any posting saying "5 years"; a blank one
    # alone kept every posting, the filter off without a word)
    ('[filter]\nadd = [5]\n', ("sources.toml: [filter] add: expected a list of strings, "
     "the words or phrases to look for; 5 is none (e.g. add = [\"causal inference\"])")),
    ('[filter]\nkeywords = [" "]\n', ("sources.toml: [filter] keywords: expected a list of "
     "strings, the words or phrases to look for; ' ' is none")),
    # (before, a table's keys were its keywords: "causal", the value "inference" unread)
    ('[filter]\nadd = {causal = "inference"}\n',
     "sources.toml: [filter] add: expected a list of strings"),
])
def test_a_wrong_http_or_filter_table_names_the_file(tmp_path: Path, table: str,
                                                     said: str) -> None:
    result, flat, db = _sync(tmp_path, f'{table}[[sources]]\ntype = "greenhouse"\n'
                                       'boards = ["x"]\nbase_url = "http://127.0.0.1:9"\n')
    assert result.exit_code == 1 and said in flat, flat
    assert not db.exists()


def test_right_values_still_sync(tmp_path: Path) -> None:
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        result, _, _ = _sync(tmp_path, (
            '[http]\ntimeout = 5\nretries = 0\n[[sources]]\nname = "vt"\ntype = "greenhouse"\n'
            f'boards = ["vaulttec"]\nbase_url = "{srv.url}"\nenabled = true\n'
            '[[sources]]\nname = "off"\ntype = "greenhouse"\nboards = ["other"]\n'
            f'base_url = "{srv.url}"\nenabled = false\n'), "--json")
        assert result.exit_code == 0, result.output
        assert srv.hits == {"/v1/boards/vaulttec/jobs": 1}  # the disabled entry stayed off
    (synced,) = json.loads(result.stdout)["sources"]
    assert (synced["name"], synced["new"], synced["failed"]) == ("vt", 3, 0)


def test_values_valid_before_the_checks_are_still_read(tmp_path: Path) -> None:
    """0 for a wait (no backoff between attempts, no Retry-After honoured) and item ids in
    quotes worked before the value checks came; they were refused after."""
    path = tmp_path / "sources.toml"
    path.write_text('[http]\nbackoff = 0\nmax_backoff = 0\nmax_retry_after = 0\nretries = 0\n'
                    '[[sources]]\nname = "hn"\ntype = "hackernews"\n'
                    'threads = ["46466074", 46466075]\n', encoding="utf-8")
    conf = cfg.load(path)
    settings = conf.http_settings()
    assert (settings.backoff, settings.max_backoff, settings.max_retry_after) == (0, 0, 0)
    (entry,) = conf.sources
    assert entry.build().units(Window(today=date(2026, 3, 10))) == [
        "thread-46466074", "thread-46466075"]


def test_a_mistyped_config_path_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "sourcse.toml"
    result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                 str(missing)])
    flat = " ".join(result.output.split())
    assert result.exit_code == 1
    assert flat.startswith(f"ConfigError: --config {missing}: no such file; check the path")


def test_a_file_of_disabled_sources_says_so(tmp_path: Path) -> None:
    result, flat, _ = _sync(tmp_path, '[[sources]]\ntype = "greenhouse"\nenabled = false\n')
    assert result.exit_code == 1
    assert "every source in it is disabled (enabled = false)" in flat


def test_sources_add_refuses_what_sync_could_not_use(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    for args, said in (
        (["lever", "--set", "boards=x", "--set", "max_pages=0"], "max_pages = 0: use 1 or more"),
        (["feed", "--set", "urls=ftp://example.org/jobs"], "is not an http(s) address"),
        (["ashby", "--set", "boards=https://jobs.ashbyhq.com/Ashby"],
         'that is boards = ["Ashby"]'),
        (["hackernews", "--set", "threads=46466074,abc"],  # a ValueError traceback before
         "hackernews setting threads: 'abc' is not a whole number (an item id"),
    ):
        result = runner.invoke(app, ["sources", "add", *args, "--config", str(config)])
        assert result.exit_code == 1, result.output
        assert said in " ".join(result.output.split())
    assert not config.exists()  # nothing saved


def test_a_mistyped_name_or_type_gets_a_suggestion(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text('[[sources]]\nname = "feeds"\ntype = "feed"\n', encoding="utf-8")
    for args, said in (
        (["sync", "--source", "fed"], ("no source called 'fed' in the config; did you mean "
         "'feeds'? configured: feeds")),
        (["sources", "remove", "feed"], "did you mean 'feeds'?"),
        (["sources", "add", "grenhouse"], ("unknown source type 'grenhouse'; did you mean "
         "'greenhouse'? available: ashby,")),
        (["sources", "add", "RSS"], "unknown source type 'RSS'; did you mean 'feed'?"),
        (["sources", "add", "mbox"], "did you mean 'mailbox'?"),
    ):
        result = runner.invoke(app, [*args, "--config", str(config)])
        assert result.exit_code == 1, result.output
        assert said in " ".join(result.output.split())


def test_comments_written_by_hand_are_kept_in_a_backup(tmp_path: Path) -> None:
    """``sources add/remove`` write the file anew; the comments of a file edited by hand (the
    docs' example has some) were lost without a word."""
    config = tmp_path / "sources.toml"
    by_hand = ('[http]   # see "Politeness"\nper_host = 1\n\n[[sources]]\nname = "ml"\n'
               'type = "greenhouse"\nboards = ["anthropic"]  # the boards I watch\n'
               'base_url = "http://127.0.0.1:9/#not-a-comment"\n')
    config.write_text(by_hand, encoding="utf-8")
    result = runner.invoke(app, ["sources", "add", "lever", "--set", "boards=x",
                                 "--config", str(config)])
    assert result.exit_code == 0, result.output
    backup = tmp_path / "sources.toml.bak"
    assert " ".join(result.output.split()).endswith(
        f"The file had comments, which the rewritten file does not keep; the file as it was "
        f"is kept in {backup}")
    assert backup.read_text(encoding="utf-8") == by_hand
    again = runner.invoke(app, ["sources", "remove", "lever", "--config", str(config)])
    assert again.exit_code == 0 and "The file had" not in again.output  # none left to lose
    assert backup.read_text(encoding="utf-8") == by_hand
    assert "#not-a-comment" in config.read_text(encoding="utf-8")  # a '#' in a string stays


def test_a_comment_after_a_string_ending_in_a_backslash_is_kept_in_a_backup(
        tmp_path: Path) -> None:
    """A string ending in an escaped backslash (a Windows folder) was read as still open,
    so the comment after it was not seen, and lost without a backup."""
    config = tmp_path / "sources.toml"
    by_hand = ('[[sources]]\nname = "mail"\ntype = "mailbox"\n'
               'paths = ["C:\\\\mail\\\\"]  # the folder my alerts go to\n')
    config.write_text(by_hand, encoding="utf-8")
    assert cfg.load(config).sources[0].settings["paths"] == ["C:\\mail\\"]
    result = runner.invoke(app, ["sources", "add", "lever", "--set", "boards=x",
                                 "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sources.toml.bak").read_text(encoding="utf-8") == by_hand
