"""``mljobs search`` takes ``--sort`` and ``--engine`` in any case, as it takes filter values,
and an error names the option the user typed (``--filter source=x`` was reported as
``--source x``; ``--sort Date`` failed with "sort must be ...", naming no option)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The 43 real HN posts of the test fixture, enriched (pay read from the text), in a tmp
    store."""
    sample = Path(__file__).resolve().parents[1] / "fixtures" / "hn-sample.jsonl"
    path = str(tmp_path_factory.mktemp("options") / "hn.sqlite3")
    res = runner.invoke(app, ["--db", path, "import", str(sample)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return path


def _ids(db: str, *args: str) -> list[str]:
    res = runner.invoke(app, ["--db", db, "search", "engineer", *args, "--json"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return [h["id"] for h in json.loads(res.output)["hits"]]


def test_sort_and_engine_in_any_case(db: str) -> None:
    by_date = _ids(db, "--sort", "date")
    assert len(by_date) > 1
    assert _ids(db, "--sort", "Date") == by_date
    assert _ids(db, "--sort", "DATE", "--engine", "FTS5") == _ids(db, "--sort", "date",
                                                                  "--engine", "fts5")


def test_a_bad_sort_names_the_option_and_the_choices(db: str) -> None:
    res = runner.invoke(app, ["--db", db, "search", "x", "--sort", "newest"])
    assert res.exit_code == 1
    assert " ".join(res.output.split()) == "ConfigError: --sort 'newest': use relevance or date"


@pytest.mark.parametrize(("args", "named"), [
    (("--filter", "source=glassdoor"), "--filter source=glassdoor"),
    (("--source", "glassdoor"), "--source glassdoor"),
    (("--filter", "skills=pytorchh"), "--filter skills=pytorchh"),
])
def test_an_unknown_value_is_named_as_it_was_given(db: str, args: tuple[str, ...],
                                                   named: str) -> None:
    res = runner.invoke(app, ["--db", db, "search", *args])
    assert res.exit_code == 1
    assert " ".join(res.output.split()).startswith(f"ConfigError: {named}: no posting")


def test_salary_min_keeps_what_the_web_keeps(db: str, tmp_path: Path) -> None:
    """``--salary-min`` (the web's minimum salary; the command line had no pay filter)."""
    from fastapi.testclient import TestClient

    from mljobs.web import create_app

    everything = runner.invoke(app, ["--db", db, "search", "--json", "--limit", "100"],
                               catch_exceptions=False)
    assert everything.exit_code == 0
    res = runner.invoke(app, ["--db", db, "search", "--salary-min", "150000", "--json",
                              "--limit", "100"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    kept = json.loads(res.output)
    assert 0 < kept["total"] < json.loads(everything.output)["total"]
    with TestClient(create_app(db)) as client:
        web = client.get("/api/search", params={"salary_min": 150000, "limit": 100}).json()
    assert [h["id"] for h in web["hits"]] == [h["id"] for h in kept["hits"]]
    bad = runner.invoke(app, ["--db", db, "search", "--salary-min", "-5"])
    assert bad.exit_code == 2 and "--salary-min" in bad.output


def test_import_refuses_an_empty_source_name(tmp_path: Path) -> None:
    """``import --source ""`` stored postings with ids ":1", ":2" and no source; now it stops
    before making the store."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "1", "title": "ML Engineer", "description": "PyTorch"}\n',
                    encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", str(rows), "--source", " "])
    assert res.exit_code == 1
    assert " ".join(res.output.split()).startswith("ConfigError: --source ' ': give the rows'")
    assert not db.exists()


def test_no_match_since_a_date_says_what_since_left_out(db: str) -> None:
    """``--since`` past the newest posting said "0 postings match" and nothing else, which
    reads as "nothing about this" (the demo's posts end in May 2026: `--since 30d` finds none)."""
    from datetime import date, timedelta

    res = runner.invoke(app, ["--db", db, "search", "engineer", "--sort", "date", "--json"],
                        catch_exceptions=False)
    data = json.loads(res.output)
    newest = date.fromisoformat(data["hits"][0]["posted_at"][:10])
    after = (newest + timedelta(days=1)).isoformat()
    res = runner.invoke(app, ["--db", db, "search", "engineer", "--since", after],
                        env={"COLUMNS": "200"}, catch_exceptions=False)
    assert res.exit_code == 0
    assert res.output.splitlines()[1] == (
        f"None posted since {after} (--since {after}); without --since {data['total']:,} "
        f"match, the newest posted {newest.isoformat()}.")
