"""A generic import row whose own text fields hold a JSON list or object, or whose number is
infinite, was stored as written: ``"title": ["ML Engineer"]`` became the title
"['ML Engineer']", ``"id": {"x": 1}`` the id ``file:{'x': 1}``, and ``"salary_max": 1e999``
a salary with no top. Each list or object is now a bad row naming the field; the good rows
land. An infinite pay figure is no one's pay, as 1e300 is (``test_import_absurd_pay``): its
posting lands without pay and the import notes the field (it was a bad row, which lost a
posting whose title and text were good over one figure)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_lists_objects_and_infinite_numbers_are_bad_rows_naming_the_field(
        tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    lines = [json.dumps(r) for r in (
        {"id": "ok", "title": "Data Scientist", "description": "SQL and A/B tests",
         "salary_min": 90000, "salary_max": 120000},
        {"id": "t", "title": ["ML Engineer"], "description": "PyTorch"},
        {"id": {"x": 1}, "title": "ML Engineer", "description": "PyTorch"},
        {"id": "c", "title": "ML Engineer", "company": {"name": "Acme"}},
        {"id": "d", "title": "ML Engineer", "description": ["PyTorch", "JAX"]},
    )] + ['{"id": "s", "title": "ML Engineer", "salary_max": 1e999}']
    rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)])
    assert res.exit_code == 1
    out = " ".join(res.output.split())
    for line, field, reason in ((2, "title", "expected text, got a JSON list"),
                                (3, "id", "expected text, got a JSON object"),
                                (4, "company", "expected text, got a JSON object"),
                                (5, "description", "expected text, got a JSON list")):
        assert f"bad row {rows}:{line} field '{field}': {reason}" in out, out
    assert f"note {rows}:6 field 'salary_max': infinity a year is no one's pay" in out, out
    found = runner.invoke(app, ["--db", str(db), "search", "", "--json"],
                          catch_exceptions=False)
    assert sorted(h["id"] for h in json.loads(found.output)["hits"]) == ["file:ok", "file:s"]


def test_an_id_of_true_and_work_fields_of_lists_or_objects_are_bad_rows(tmp_path: Path) -> None:
    """``"id": true`` was stored as ``file:True``; ``"employment_type": {"a": 1}`` as the work
    type "{'a': 1}", ``"remote": ["x"]`` read from "['x']", ``"locations": [1, {"a": 2}]`` as
    the places "1" and "{'a': 2}": each is now a bad row naming the field; the good rows
    land (a ``"remote": true`` still reads as before)."""
    rows = tmp_path / "rows.jsonl"
    ok = {"title": "ML Engineer", "company": "Acme", "description": "PyTorch"}
    lines = [json.dumps(r) for r in (
        dict(ok, id="ok", remote=True), dict(ok, id=True),
        dict(ok, id="e", employment_type={"a": 1}),
        dict(ok, id="r", remote=["x"]), dict(ok, id="l", locations=[1, {"a": 2}]))]
    rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)])
    out = " ".join(res.output.split())
    for line, field, reason in ((2, "id", "expected text, got true or false"),
                                (3, "employment_type", "expected text, got a JSON object"),
                                (4, "remote", "expected text, got a JSON list"),
                                (5, "locations", ("expected places as text, got a JSON list "
                                                  "or object among them"))):
        assert f"bad row {rows}:{line} field '{field}': {reason}" in out, out
    found = runner.invoke(app, ["--db", str(db), "search", "", "--json"],
                          catch_exceptions=False)
    assert [h["id"] for h in json.loads(found.output)["hits"]] == ["file:ok"]
