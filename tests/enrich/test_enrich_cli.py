"""``mljobs enrich`` and ``mljobs eval`` in-process: good input, garbage lines, the store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.importer import import_file

runner = CliRunner()
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "hn_posts.jsonl"
LABEL_FIELDS = {"id", "archetype", "archetype_proba", "specialisation", "degree", "phd",
                "years_min", "seniority", "remote", "ml_share", "company_stage", "skills",
                "visa", "salary", "equity", "evidence", "roles"}


def test_enrich_writes_one_line_per_posting(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(FIXTURE), "--output", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["hn-46481959", "hn-46467063"]
    for row in rows:
        assert LABEL_FIELDS <= set(row)
        assert abs(sum(row["archetype_proba"].values()) - 1) < 1e-6
        assert all({"name", "surface", "required"} <= set(s) for s in row["skills"])


def test_garbage_lines_are_named_and_good_lines_still_written(tmp_path: Path) -> None:
    good = FIXTURE.read_text().splitlines()[0]
    bad = tmp_path / "mixed.jsonl"
    lines = ["{not json", good, "[1, 2, 3]", '{"id": "x", "title": "T"}',
             '{"id": 5, "title": "T", "text": "x"}']
    bad.write_text("".join(line + "\n" for line in lines))
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(bad), "--output", str(out)])
    assert res.exit_code == 1
    for line in (1, 3, 4, 5):
        assert f"mixed.jsonl:{line}:" in res.stderr
    assert "mixed.jsonl:2:" not in res.stderr
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["hn-46481959"]


def test_workers_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    """--workers 2 (a process pool) writes what one process writes, bad lines named alike."""
    lines = FIXTURE.read_text().splitlines()
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text("\n".join([lines[1], "{not json", lines[0], "", lines[1]]) + "\n")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        res = runner.invoke(app, ["enrich", "-i", str(mixed), "-o", str(out), "--workers", workers])
        assert res.exit_code == 1
        assert "mixed.jsonl:2:" in res.stderr and "mixed.jsonl:1:" not in res.stderr
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    assert [json.loads(x)["id"] for x in outs[1].splitlines()] == [
        "hn-46467063", "hn-46481959", "hn-46467063"]


def test_missing_input_file_is_one_red_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["enrich", "--input", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 1
    assert "Cannot read" in res.stderr


def test_eval_on_a_labels_file_prints_tables_and_json(tmp_path: Path) -> None:
    gold = [
        {"id": "hn-46481959", "archetype": "ml-product-swe", "specialisation": [], "degree": "none-stated",
         "phd": "not-mentioned", "years_min": None, "seniority": "senior", "remote": "remote",
         "ml_share": "supporting", "company_stage": "unknown",
         "skills": [{"name": "Python", "surface": "Python", "required": True}]},
        {"id": "hn-46467063", "archetype": "not-ml", "specialisation": [], "degree": "none-stated",
         "phd": "not-mentioned", "years_min": None, "seniority": "senior", "remote": "remote",
         "ml_share": "none", "company_stage": "startup", "skills": []},
    ]
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(g) for g in gold) + "\n")
    res = runner.invoke(app, ["eval", "--labels", str(labels), "--inputs", str(FIXTURE)])
    assert res.exit_code == 0, res.output
    assert "Archetype" in res.output and "Confusion" in res.output and "skills f1" in res.output
    res = runner.invoke(app, ["eval", "--labels", str(labels), "--inputs", str(FIXTURE), "--json"])
    report = json.loads(res.output)
    assert report["n"] == 2
    assert set(report["facets"]) >= {"degree", "phd", "remote", "seniority", "years_min"}
    assert 0.0 <= report["skills"]["f1"] <= 1.0
    assert report["facets"]["degree"] == 1.0


def test_enrich_store_reenriches_and_adds_role_postings(tmp_path: Path, hn_sample: Path, now) -> None:  # type: ignore[no-untyped-def]
    from mljobs.store import SQLiteStore

    db = tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:
        import_file(store, hn_sample, now=now, enricher=None)
        before = store.count()
    res = runner.invoke(app, ["--db", str(db), "enrich", "--store"])
    assert res.exit_code == 0, res.output
    with SQLiteStore(db) as store:
        postings = [p for _, p in store.iter_postings()]
        assert store.count() >= before
        assert all(p.enrichment is not None for p in postings)
