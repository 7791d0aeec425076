"""``mljobs --version``: docs/cli.md asks for a bug report when a traceback shows, and the
CLI had no way to say which version (``No such option: --version``)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.enrich.version import version as enrich_version

runner = CliRunner()


def test_version_names_the_package_the_understanding_step_and_python(tmp_path: Path) -> None:
    db = tmp_path / "not-made.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "--version"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    match = re.fullmatch(r"mljobs (\S+) \(understanding (\S+); Python (\S+)\)\n", res.output)
    assert match is not None, res.output
    assert match.group(2) == enrich_version()
    assert match.group(3) == sys.version.split()[0]
    assert not db.exists()  # --version runs no command and makes no store
