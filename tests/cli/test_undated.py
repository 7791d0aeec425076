"""A posting whose source gives no date (an archive's rows, a board without a publish date) has
no post date in search: the list says "undated, first seen DAY", ``--sort date`` lists it after
every dated posting, ``--since`` leaves it out and its month is ``undated``. Search listed
Glassdoor's 2020 rows as posted, and new, on the day they were imported."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()
def make_store(rows: Path, tmp_path: Path) -> str:
    """``rows`` (the ``undated_rows`` fixture) imported unenriched into a tmp store."""
    db = str(tmp_path / "store.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(rows)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


def first_seen(db: str, pid: str) -> str:
    res = runner.invoke(app, ["--db", db, "show", pid, "--json"], catch_exceptions=False)
    data = json.loads(res.output)
    assert data["posted_at"] is None  # the row gives no date
    return str(data["first_seen"])[:10]


def test_search_marks_the_date_of_an_undated_posting_as_first_seen(
        undated_rows: Path, tmp_path: Path) -> None:
    db = make_store(undated_rows, tmp_path)
    seen = first_seen(db, "board:u1")
    res = runner.invoke(app, ["--db", db, "search", "pytorch", "--sort", "date"],
                        env={"COLUMNS": "200"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    lines = {line.split()[0]: line for line in res.output.splitlines()
             if line.strip().startswith("board:")}
    assert f"undated, first seen {seen}" in lines["board:u1"]
    assert "2026-03-02" in lines["board:d1"] and "first seen" not in lines["board:d1"]


MORE = [
    {"id": "d0", "source": "board", "title": "Machine Learning Researcher", "company": "Old Co",
     "description": "Train speech models in PyTorch.", "posted_at": "2025-06-10T09:00:00Z"},
    {"id": "u2", "source": "board", "title": "Machine Learning Intern", "company": "Undated Co",
     "description": "Train small models in PyTorch."},
]


def search_json(db: str, *args: str) -> dict:
    res = runner.invoke(app, ["--db", db, "search", *args, "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_search_gives_an_undated_posting_no_post_date(
        undated_rows: Path, tmp_path: Path) -> None:
    db = make_store(undated_rows, tmp_path)
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(r) + "\n" for r in MORE), encoding="utf-8")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(more)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    seen = first_seen(db, "board:u1")
    # newest first: the dated postings, then the undated ones (imported today, so first seen
    # after every post date here; their order among themselves, the most recently first seen
    # first, is tested in tests/index/test_undated.py with set clocks: two imports here can
    # fall in the same second)
    by_date = search_json(db, "pytorch", "--sort", "date")["hits"]
    assert [h["id"] for h in by_date[:2]] == ["board:d1", "board:d0"]
    assert {h["id"] for h in by_date[2:]} == {"board:u1", "board:u2"}
    assert [h["posted_at"] is None for h in by_date] == [False, False, True, True]
    assert seen in {h["first_seen"][:10] for h in by_date[2:]}
    assert by_date[0]["first_seen"] is None
    # --since is "posted since": the undated postings, first seen today, are not in it
    since = search_json(db, "--since", "2026-01-01")
    assert [h["id"] for h in since["hits"]] == ["board:d1"]
    assert search_json(db, "--since", "2000-01-01")["total"] == 2
    # the month facet: no month for the undated postings, and --filter month=undated finds them
    res = runner.invoke(app, ["--db", db, "search", "--filter", "month=undated"],
                        env={"COLUMNS": "200"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert res.output.startswith("2 postings match")
    assert f"undated, first seen {seen}" in res.output
    months = search_json(db, "--filter", "month=2026-03")
    assert [h["id"] for h in months["hits"]] == ["board:d1"]


def test_since_that_leaves_only_undated_postings_says_none_is_dated(
        undated_rows: Path, tmp_path: Path) -> None:
    db = make_store(undated_rows, tmp_path)
    res = runner.invoke(app, ["--db", db, "search", "vision", "--since", "2026-01-01"],
                        env={"COLUMNS": "200"}, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "0 postings match" in res.output
    assert "without --since 1 match, none of them with a posted date" in res.output
