"""``mljobs stats`` counts remote work by the rule search's ``--remote`` filter and facet and
the dashboard use: the source's value, the text's only when the source says unknown (stats
took the text's first, so a posting its source calls onsite and its text hybrid was
"hybrid" in stats and "onsite" in search)."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()

ROWS = [
    {"id": "says-onsite", "source": "board", "title": "ML Engineer", "company": "Acme",
     "remote": "onsite", "location": "Berlin",
     "description": "This is a hybrid role: three days a week in our Berlin office. PyTorch."},
    {"id": "says-nothing", "source": "board", "title": "Data Scientist", "company": "Globex",
     "description": "Fully remote role, work from anywhere in Europe. Python and SQL."},
    {"id": "says-remote", "source": "board", "title": "Research Engineer", "company": "Initech",
     "remote": "remote", "description": "Train speech models on our GPU cluster."},
]


def _json(db: str, *args: str) -> dict:
    res = runner.invoke(app, ["--db", db, *args, "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def _imported(folder: Path, *flags: str) -> str:
    """A store in ``folder`` holding ``ROWS``, imported by the CLI with ``flags``."""
    rows = folder / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    db = str(folder / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(rows), *flags], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


def test_stats_counts_remote_as_search_does(tmp_path: Path) -> None:
    db = _imported(tmp_path)
    # the text and the source disagree about the first posting
    assert _json(db, "show", "board:says-onsite")["enrichment"]["remote"] == "hybrid"
    stats = _json(db, "stats")
    search = _json(db, "search", "--limit", "100")
    assert stats["postings"] == search["total"] == 3
    assert stats["by_remote"] == {f["value"]: f["count"] for f in search["facets"]["remote"]}
    assert stats["by_remote"]["onsite"] == 1 and "hybrid" not in stats["by_remote"]


def test_stats_counts_the_postings_not_yet_understood(tmp_path: Path) -> None:
    db = _imported(tmp_path, "--no-enrich")
    shown = " ".join(runner.invoke(app, ["--db", db, "stats"]).output.split())
    # there was no archetype table at all, and nothing said why
    assert "by archetype ┏" in shown or "by archetype ┌" in shown
    assert "│ not yet understood │ 3 │" in shown
    # (the command names the store: without --db it understood the default store's postings)
    assert ("3 postings not yet understood (no archetype, skills or facets): run `mljobs "
            f"--db {shlex.quote(db)} enrich --store` to understand them.") in shown
    res = runner.invoke(app, ["--db", db, "enrich", "--store"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    shown = " ".join(runner.invoke(app, ["--db", db, "stats"]).output.split())
    assert "not yet understood" not in shown
    assert sum(_json(db, "stats")["by_archetype"].values()) == 3
