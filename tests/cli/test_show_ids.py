"""``mljobs show`` of a post split per role finds its roles by every id that finds an unsplit
post (a source's own id, a corpus id ``hn-...``; they said "no posting"), and a title too long
for the terminal is printed whole (the panel's border cut it with no mark)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
@pytest.fixture
def db(hn_split_sample: Path, tmp_path: Path) -> str:
    path = str(tmp_path / "hn.sqlite3")
    res = runner.invoke(app, ["--db", path, "import", str(hn_split_sample)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return path


def _hits(db: str) -> list[dict[str, str]]:
    res = runner.invoke(app, ["--db", db, "search", "--json", "--limit", "100"],
                        catch_exceptions=False)
    return list(json.loads(res.output)["hits"])


def test_a_split_post_is_found_by_its_source_id_and_corpus_id(db: str) -> None:
    role = next(h["id"] for h in _hits(db) if re.search(r"/r\d+$", h["id"]))
    parent = role.rsplit("/", 1)[0]
    bare = parent.split(":", 1)[1]
    for ref in (parent, bare, f"hn-{bare}"):
        res = runner.invoke(app, ["--db", db, "show", ref])
        assert res.exit_code == 1
        flat = " ".join(res.output.split())
        assert flat.startswith(f"InputError: {ref} was split into one posting per role; show "
                               "one of:"), flat
        assert role in flat


def test_a_long_title_is_shown_whole(db: str) -> None:
    hit = max(_hits(db), key=lambda h: len(h["title"]))
    assert len(hit["title"]) > 80
    res = runner.invoke(app, ["--db", db, "show", hit["id"]], env={"COLUMNS": "80"},
                        catch_exceptions=False)
    assert res.exit_code == 0
    head = res.output.split("╭")[0]
    assert " ".join(head.split()) == " ".join(hit["title"].split())


def test_an_empty_id_is_named_as_missing(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "a", "source": "board", "title": "ML Engineer", '
                    '"description": "PyTorch."}\n')
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(rows), "--no-enrich"]).exit_code == 0
    for empty in ("", "  "):
        res = runner.invoke(app, ["--db", db, "show", empty])
        assert res.exit_code == 1
        assert " ".join(res.output.split()) == (
            "InputError: no posting id given: show takes an id such as hackernews:46467172 or "
            "hn-46467172; find ids with `mljobs search`")


def test_an_unknown_id_names_its_kind_as_other_commands_do(db: str) -> None:
    """``show`` printed ``Error:`` where every other command prints the error's kind."""
    res = runner.invoke(app, ["--db", db, "show", "nope"])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == (
        f"InputError: no posting 'nope' in {db}; find ids with `mljobs search`")
