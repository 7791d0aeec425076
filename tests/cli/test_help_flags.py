"""Every ``--help`` showed each flag with a type, ``--json <bool>``, as if it took a value
(``--json true`` is an error: "does not take a value"). A flag now reads as a flag; an
option that takes a value keeps its type."""

from __future__ import annotations

import re

from typer import Context
from typer.main import get_command
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _every_command_path() -> list[list[str]]:
    root = get_command(app)
    ctx = Context(root, info_name="mljobs")
    paths: list[list[str]] = [[]]
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        paths.append([name])
        sub = root.get_command(ctx, name)  # type: ignore[attr-defined]
        if hasattr(sub, "list_commands"):
            paths += [[name, inner] for inner in sub.list_commands(ctx)]
    return paths


def test_no_help_names_a_type_for_a_flag() -> None:
    paths = _every_command_path()
    assert ["search"] in paths and ["sources", "add"] in paths
    for path in paths:
        res = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
        assert res.exit_code == 0, (path, res.output)
        assert "<bool>" not in res.output, path
        assert re.search(r"--help +Show this message and exit\.", res.output), path


def test_an_option_with_a_value_keeps_its_type_and_a_flag_still_refuses_one() -> None:
    res = runner.invoke(app, ["search", "--help"], env={"COLUMNS": "200"})
    assert re.search(r"--json +Print stable JSON", res.output)
    assert re.search(r"--limit +<int range>", res.output)
    refused = runner.invoke(app, ["search", "--json=true"], env={"COLUMNS": "200"})
    assert refused.exit_code == 2 and "Option '--json' does not take a value." in refused.output
