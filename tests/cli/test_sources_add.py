"""``mljobs sources add``: re-adding a name replaced the entry and its settings while saying
"Added source" (a user re-adding ``vt`` with one board lost the ``base_url`` without a word);
a setting's value was checked only at the next ``sync`` (``--set since=soon`` was saved), and
a yes/no setting read any word but true/yes/on/1 as false (``respect_robots=maybe`` turned
robots.txt off)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _add(config: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["sources", "add", *args, "--config", str(config)])


def _entries(config: Path) -> list[dict[str, object]]:
    return list(tomllib.loads(config.read_text(encoding="utf-8")).get("sources", []))


def test_replacing_an_entry_says_so_and_names_what_it_was(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    first = _add(config, "greenhouse", "--name", "vt", "--set", "boards=vaulttec",
                 "--set", "base_url=http://127.0.0.1:9")
    assert first.exit_code == 0, first.output
    assert " ".join(first.output.split()) == f"Added source vt (greenhouse) to {config}"
    again = _add(config, "greenhouse", "--name", "vt", "--set", "boards=other")
    assert again.exit_code == 0, again.output
    assert " ".join(again.output.split()) == (
        f"Replaced source vt in {config}; it was greenhouse with boards=vaulttec; "
        "base_url=http://127.0.0.1:9, it is greenhouse with boards=other "
        "(give another --name to keep both)")
    assert _entries(config) == [{"name": "vt", "type": "greenhouse", "boards": ["other"]}]


@pytest.mark.parametrize(("args", "message"), [
    (("hackernews", "--set", "since=soon"),
     ("ConfigError: source 'hackernews' (hackernews): since = 'soon' is not YYYY-MM (e.g. "
      "2011-04)")),
    (("hackernews", "--set", "months=2026-01,2026-2"),
     ("ConfigError: source 'hackernews' (hackernews): month '2026-2' is not YYYY-MM (e.g. "
      "2026-01)")),
    (("hackernews", "--set", "api=graphql"),
     ("ConfigError: source 'hackernews' (hackernews): api = 'graphql': use one of algolia, "
      "algolia-search, firebase")),
    (("jsonld", "--set", "urls=http://127.0.0.1:9/jobs", "--set", "respect_robots=maybe"),
     "ConfigError: jsonld setting respect_robots: 'maybe' is not true or false"),
    # an address with a bracket ended in a ValueError's traceback ("Invalid IPv6 URL")
    (("jsonld", "--set", "urls=http://[careers.example/jobs"),
     ("ConfigError: source 'jsonld' (jsonld): urls: 'http://[careers.example/jobs' is not an "
      "http(s) address (Invalid IPv6 URL); write the whole URL (https://...)")),
    (("greenhouse", "--set", "boards=https://[vaulttec"),
     ("ConfigError: source 'greenhouse' (greenhouse): boards: 'https://[vaulttec' is not a "
      "board name; give the name the board's address ends with, not the address")),
])
def test_a_bad_value_is_refused_when_added_and_nothing_is_saved(
        tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    config = tmp_path / "sources.toml"
    kept = _add(config, "greenhouse", "--set", "boards=anthropic")
    assert kept.exit_code == 0, kept.output
    before = config.read_bytes()
    res = _add(config, *args)
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == message
    assert config.read_bytes() == before


def test_good_values_are_saved(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    for args in (("hackernews", "--set", "since=2026-01", "--set", "api=firebase"),
                 ("jsonld", "--set", "urls=http://127.0.0.1:9/jobs", "--set",
                  "respect_robots=No")):
        res = _add(config, *args)
        assert res.exit_code == 0, res.output
    assert _entries(config) == [
        {"name": "hackernews", "type": "hackernews", "since": "2026-01", "api": "firebase"},
        {"name": "jsonld", "type": "jsonld", "urls": ["http://127.0.0.1:9/jobs"],
         "respect_robots": False},
    ]


def test_a_setting_given_twice_is_refused_not_cut_to_the_last(tmp_path: Path) -> None:
    """``--set boards=a --set boards=b`` saved boards = ["b"] and said nothing of ``a``."""
    config = tmp_path / "sources.toml"
    assert _add(config, "greenhouse", "--set", "boards=kept").exit_code == 0
    res = _add(config, "greenhouse", "--set", "boards=vaulttec", "--set", "boards=espressoai")
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        "ConfigError: --set boards is given twice ('vaulttec', then 'espressoai'); a setting "
        "takes one --set, a list comma-separated: --set boards=vaulttec,espressoai")
    assert _entries(config) == [{"name": "greenhouse", "type": "greenhouse", "boards": ["kept"]}]
    both = _add(config, "greenhouse", "--set", "boards=vaulttec,espressoai")
    assert both.exit_code == 0, both.output
    assert _entries(config)[0]["boards"] == ["vaulttec", "espressoai"]


def test_a_file_where_the_config_folder_goes_is_named(tmp_path: Path) -> None:
    """``--config jobs.csv/sources.toml`` said "cannot write the sources file (File
    exists)"; it names the file in the way."""
    blocking = tmp_path / "jobs.csv"
    blocking.write_text("title\n", encoding="utf-8")
    for config in (blocking / "sources.toml", blocking / "sub" / "sources.toml"):
        res = _add(config, "greenhouse", "--set", "boards=acme")
        assert res.exit_code == 1
        assert " ".join(res.output.split()) == (
            f"ConfigError: {config}: cannot write the sources file ({blocking} is a file, not "
            "a folder); nothing was changed. Give a writable place with --config")
    assert blocking.read_text(encoding="utf-8") == "title\n"


def test_a_table_of_names_is_shown_as_set_takes_it(tmp_path: Path) -> None:
    """``companies`` (Lever's and Ashby's) in ``sources list`` and in what a replaced entry
    was: ``board:Name`` pairs, as ``--set`` takes them. Before, Python's
    ``{'openai': 'OpenAI'}``."""
    config = tmp_path / "sources.toml"
    assert _add(config, "ashby", "--set", "boards=openai,notion",
                "--set", "companies=openai:OpenAI,notion:Notion Labs").exit_code == 0
    listed = runner.invoke(app, ["sources", "list", "--config", str(config)], env={
        "COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert "companies=openai:OpenAI, notion:Notion Labs" in listed.output
    again = _add(config, "ashby", "--set", "boards=openai")
    assert "companies=openai:OpenAI, notion:Notion Labs, it is ashby with boards=openai" in (
        " ".join(again.output.split()))


def test_an_entry_fetching_boards_another_entry_fetches_is_saved_with_a_note(
        tmp_path: Path) -> None:
    """README adds ``greenhouse`` with anthropic and cohere, docs/sources.md ``ml-boards`` with
    the same two: both were saved without a word, and every sync fetched the boards twice.
    Saved still (a second entry may be meant), with a note naming the other entry and the two
    commands that keep one."""
    config = tmp_path / "sources.toml"
    assert _add(config, "greenhouse", "--set", "boards=anthropic,cohere").exit_code == 0
    res = _add(config, "greenhouse", "--name", "ml-boards", "--set", "boards=cohere,openai")
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert said == (
        f"Added source ml-boards (greenhouse) to {config} Note: cohere is fetched by source "
        "greenhouse (greenhouse) too, so each sync fetches it twice. To fetch each once, keep "
        f"one entry: `mljobs sources remove ml-boards --config {config}` and `mljobs sources "
        "add greenhouse --name greenhouse --set boards=anthropic,cohere,openai --config "
        f"{config}`.")
    assert [e["name"] for e in _entries(config)] == ["greenhouse", "ml-boards"]
    # the two commands it names leave one entry fetching the three boards
    for command in said.split("`")[1::2]:
        assert runner.invoke(app, command.split()[1:]).exit_code == 0
    assert _entries(config) == [{"name": "greenhouse", "type": "greenhouse",
                                 "boards": ["anthropic", "cohere", "openai"]}]


def test_the_same_board_of_another_site_or_type_or_a_disabled_entry_is_no_note(
        tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    assert _add(config, "greenhouse", "--set", "boards=cohere").exit_code == 0
    for args in (["greenhouse", "--name", "local", "--set", "boards=cohere", "--set",
                  "base_url=http://127.0.0.1:9"], ["lever", "--set", "boards=cohere"],
                 ["greenhouse", "--name", "other", "--set", "boards=openai"]):
        res = _add(config, *args)
        assert res.exit_code == 0 and "Note" not in res.output, res.output
    text = config.read_text(encoding="utf-8").replace('name = "greenhouse"\n',
                                                      'name = "greenhouse"\nenabled = false\n')
    config.write_text(text, encoding="utf-8")
    res = _add(config, "greenhouse", "--name", "again", "--set", "boards=cohere")
    assert res.exit_code == 0 and "Note" not in res.output, res.output


def test_months_another_hacker_news_entry_fetches_are_named(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    assert _add(config, "hackernews", "--set", "months=2026-01,2026-02").exit_code == 0
    res = _add(config, "hackernews", "--name", "hn2", "--set", "months=2026-02,2026-03")
    said = " ".join(res.output.split())
    assert res.exit_code == 0 and ("Note: 2026-02 is fetched by source hackernews "
                                   "(hackernews) too") in said, said
    assert "keep one entry: `mljobs sources remove hn2" in said


def test_jobspy_entries_searching_for_other_things_are_no_note(tmp_path: Path) -> None:
    """A JobSpy unit is a site searched: two entries searching Indeed for other words or
    places fetch other postings, and were said to fetch "indeed" twice."""
    config = tmp_path / "sources.toml"
    assert _add(config, "jobspy", "--name", "ml", "--set", "sites=indeed,linkedin",
                "--set", "search_term=machine learning engineer").exit_code == 0
    for args in (["--name", "ds", "--set", "sites=indeed", "--set", "search_term=data scientist"],
                 ["--name", "berlin", "--set", "sites=indeed", "--set",
                  "search_term=machine learning engineer", "--set", "location=Berlin"]):
        res = _add(config, "jobspy", *args)
        assert res.exit_code == 0 and "Note" not in res.output, res.output
    # the same search on the same site is fetched twice
    res = _add(config, "jobspy", "--name", "again", "--set", "sites=indeed", "--set",
               "search_term=machine learning engineer")
    said = " ".join(res.output.split())
    assert res.exit_code == 0 and "Note: indeed is fetched by source ml (jobspy) too" in said, said
