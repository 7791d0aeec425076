"""What the command line tells a user who names a store that does not exist."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_the_demo_command_a_missing_store_suggests_builds_that_store(tmp_path: Path) -> None:
    missing = tmp_path / "my store.sqlite3"  # a space: the suggestion quotes it
    res = runner.invoke(app, ["--db", str(missing), "search", "pytorch"])
    assert res.exit_code == 1 and "no store at" in res.output
    # the message suggested `mljobs --db PATH demo`, which builds the default demo store
    # instead (the demo does not use the global --db): run what it suggests now, as written
    flat = " ".join(res.output.split())
    suggested = re.search(r"`mljobs (demo [^`]*)`", flat)
    assert suggested is not None, flat
    run = runner.invoke(app, shlex.split(suggested.group(1)), catch_exceptions=False)
    assert run.exit_code == 0, run.output
    assert missing.exists()
    found = runner.invoke(app, ["--db", str(missing), "search", "pytorch", "--json"])
    assert found.exit_code == 0 and '"total": 0' not in found.output


def test_import_summary_says_its_counts_are_postings_when_posts_split(
    tmp_path: Path, hn_split_sample: Path
) -> None:
    db = str(tmp_path / "hn.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(hn_split_sample)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    stats = runner.invoke(app, ["--db", db, "stats", "--json"], catch_exceptions=False)
    postings = int(json.loads(stats.output)["postings"])
    assert postings > 43  # the fixture's 43 posts hold a multi-role post, split per role
    flat = " ".join(res.output.split())
    assert f"│ 43 │ {postings} │" in flat  # 43 rows, more new postings: the caption says why
    assert "a post that lists several roles is one posting per role" in flat
