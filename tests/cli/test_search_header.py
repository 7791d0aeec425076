"""``mljobs search``'s count line names the filters it applied: "4 postings match pytorch OR
jax; showing 1-4" for ``--archetype research-engineer --since 2026-04-01`` read like the
count of the query alone (as if the filters had been dropped)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.web.app import create_app

runner = CliRunner()


def test_the_count_line_names_the_filters_in_the_stored_spelling(
        tmp_path: Path, hn_sample: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(hn_sample)],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    args = ["engineer", "--source", "HackerNews", "--since", "2026-01-01"]
    total = json.loads(runner.invoke(app, ["--db", db, "search", *args, "--json"],
                                     catch_exceptions=False).output)["total"]
    assert total > 1
    res = runner.invoke(app, ["--db", db, "search", *args, "--limit", "1"],
                        catch_exceptions=False)
    assert res.exit_code == 0
    first = " ".join(res.output.split())
    assert first.startswith(f"{total:,} postings match engineer (source: hackernews; posted "
                            "since 2026-01-01); showing 1-1"), first

    res = runner.invoke(app, ["--db", db, "search", "--salary-min", "100000", "--filter",
                              "source=hackernews", "--source", "hackernews", "--limit", "1"],
                        catch_exceptions=False)
    assert "(source: hackernews; yearly pay reaching 100,000); showing" in " ".join(
        res.output.split())

    # no filter: the line is as before
    res = runner.invoke(app, ["--db", db, "search", "engineer", "--limit", "1"],
                        catch_exceptions=False)
    assert re.match(r"[\d,]+ postings match engineer; showing 1-1 ", " ".join(
        res.output.split())), res.output


def test_a_company_is_named_as_its_postings_spell_it(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(
        {"id": str(i), "source": "board", "title": title, "company": company,
         "description": f"{title} work with Python."}) + "\n"
        for i, (title, company) in enumerate([("ML Engineer", "Prompt Health"),
                                              ("Data Scientist", "Prompt Health"),
                                              ("Designer", "deepMind Labs")])))
    db = str(tmp_path / "s.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", "--no-enrich", str(rows)]).exit_code == 0
    res = runner.invoke(app, ["--db", db, "search", "--company", "PROMPT  health",
                              "--company", "DeepMind labs"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    # it said "company: prompt health or deepmind labs", the index's lower case
    assert " ".join(res.output.split()).startswith(
        "3 postings match (company: Prompt Health or deepMind Labs); showing 1-3")


TEXT = ("We are hiring a machine learning engineer to build ranking models in PyTorch and ship "
        "them to production; you will own training pipelines, evaluation and serving.")


def _store(tmp_path: Path, copies: int) -> str:
    # one job posted ``copies`` times (linked as reposts when more than once)
    rows = tmp_path / f"rows{copies}.jsonl"
    rows.write_text("".join(json.dumps({
        "id": f"rep-{n}", "source": "board", "title": "ML Engineer", "company": "Repostco",
        "location": "Berlin", "description": TEXT}) + "\n" for n in range(copies)),
        encoding="utf-8")
    db = str(tmp_path / f"s{copies}.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(rows)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


def test_the_count_line_says_each_job_once_where_the_store_links_postings(
        tmp_path: Path) -> None:
    # `stats` says 3 postings, search 1: the line said "1 posting matches pytorch" alone
    db = _store(tmp_path, 3)
    stats = json.loads(runner.invoke(app, ["--db", db, "stats", "--json"]).output)
    assert (stats["postings"], stats["canonical"]) == (3, 1)
    line = " ".join(runner.invoke(app, ["--db", db, "search", "pytorch"]).output.split())
    assert line.startswith("1 posting matches pytorch; showing 1-1; each job once (reposts "
                           "and duplicates linked)"), line
    none = " ".join(runner.invoke(app, ["--db", db, "search", "haskell"]).output.split())
    assert "each job once" not in none  # (nothing counted)
    with TestClient(create_app(db)) as client:
        page = client.get("/", params={"q": "pytorch"}).text
    assert '<span id="counted">· each job once (reposts and duplicates linked)</span>' in page
    # a store that links nothing counts postings and jobs alike: no word of it
    single = _store(tmp_path, 1)
    line = " ".join(runner.invoke(app, ["--db", single, "search", "pytorch"]).output.split())
    assert "each job once" not in line and line.startswith("1 posting matches pytorch")
    with TestClient(create_app(single)) as client:
        assert 'id="counted"' not in client.get("/", params={"q": "pytorch"}).text
