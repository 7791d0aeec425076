"""A generic row with no title word the model reads and no description (title "The" or
"?") got NaN archetype probabilities (the log of a 0 engineered value); the store kept them
as JSON nulls, and from then on every command that read the posting failed with a pydantic
traceback: ``search`` (any query listing it), ``show``, and the next ``import`` of the file.
One such row made the store unsearchable."""

from __future__ import annotations

import json
import math
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_a_row_without_words_is_stored_readable_and_the_store_stays_searchable(
        tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in (
        {"id": "w1", "title": "The"},
        {"id": "w2", "title": "?", "description": ""},
        {"id": "ok", "title": "Machine Learning Engineer",
         "description": "Train PyTorch models for ranking."},
    )), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output

    for pid in ("file:w1", "file:w2"):
        shown = runner.invoke(app, ["--db", str(db), "show", pid, "--json"],
                              catch_exceptions=False)
        assert shown.exit_code == 0, shown.output
        proba = json.loads(shown.output)["enrichment"]["archetype_proba"]
        assert all(isinstance(v, float) and math.isfinite(v) for v in proba.values()), proba
        assert math.isclose(sum(proba.values()), 1.0, rel_tol=1e-9)

    found = runner.invoke(app, ["--db", str(db), "search", "", "--json"],
                          catch_exceptions=False)
    assert found.exit_code == 0, found.output
    assert {h["id"] for h in json.loads(found.output)["hits"]} == {"file:w1", "file:w2",
                                                                   "file:ok"}
    again = runner.invoke(app, ["--db", str(db), "import", str(rows)], catch_exceptions=False)
    assert again.exit_code == 0, again.output
    stats = runner.invoke(app, ["--db", str(db), "stats", "--json"], catch_exceptions=False)
    assert json.loads(stats.output)["postings"] == 3
