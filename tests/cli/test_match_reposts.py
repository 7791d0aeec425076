"""``mljobs match`` / ``gaps`` rank a job once, not once per repost (as search lists it once)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()

_TEXT = ("We are hiring a machine learning engineer to train and ship PyTorch models for "
         "fraud detection. Requirements: 4+ years of Python, PyTorch, Kubernetes and SQL. "
         "Nice to have: Spark. Remote (US). $150k-$190k.")


def _rows() -> list[dict[str, object]]:
    """One job posted three times (monthly reposts, same text) and two other jobs."""
    rows: list[dict[str, object]] = [
        {"id": f"repost-{month}", "source": "board", "title": "Machine Learning Engineer",
         "company": "Acme Fraud Labs", "description": _TEXT,
         "posted_at": f"2026-0{month}-02T10:00:00+00:00"}
        for month in (1, 2, 3)
    ]
    rows.append({"id": "other-1", "source": "board", "title": "Data Engineer",
                 "company": "Beta Pipes", "posted_at": "2026-02-03T10:00:00+00:00",
                 "description": "Build Spark and Airflow pipelines in Python and SQL. Onsite."})
    rows.append({"id": "other-2", "source": "board", "title": "Research Scientist, Vision",
                 "company": "Gamma Optics", "posted_at": "2026-03-04T10:00:00+00:00",
                 "description": "Publish computer vision research with PyTorch. PhD required."})
    return rows


def _store(tmp_path: Path) -> str:
    data = tmp_path / "jobs.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in _rows()))
    db = str(tmp_path / "jobs.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(data)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


def test_match_lists_a_reposted_job_once(tmp_path: Path) -> None:
    db = _store(tmp_path)
    listed = runner.invoke(app, ["--db", db, "search", "--json"], catch_exceptions=False)
    listed_json = json.loads(listed.output)
    assert listed_json["total"] == 3  # search already counts the job once
    cv = tmp_path / "cv.txt"
    cv.write_text("Jo Example\nMachine learning engineer, 5 years of Python, PyTorch, "
                  "Kubernetes and SQL; fraud detection models in production.\n")
    res = runner.invoke(app, ["--db", db, "match", str(cv), "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    ids = [r["id"] for r in json.loads(res.output)["results"]]
    reposts = [i for i in ids if "repost-" in i]
    assert len(reposts) == 1, ids
    assert len(ids) == 3 and "board:other-1" in ids and "board:other-2" in ids

    target = next(h["archetype"] for h in listed_json["hits"] if "repost-" in h["id"])
    same_kind = runner.invoke(app, ["--db", db, "search", "--archetype", target, "--json"],
                              catch_exceptions=False)
    gaps = runner.invoke(app, ["--db", db, "gaps", str(cv), "--archetype", target, "--json"],
                         catch_exceptions=False)
    assert gaps.exit_code == 0, gaps.output
    # the reposted job counts once among the postings of its archetype, as search counts it
    assert json.loads(gaps.output)["postings"] == json.loads(same_kind.output)["total"]


def test_stats_gives_the_count_search_uses_next_to_every_posting(tmp_path: Path) -> None:
    db = _store(tmp_path)
    res = runner.invoke(app, ["--db", db, "stats", "--json"], catch_exceptions=False)
    data = json.loads(res.output)
    assert data["postings"] == 5 and data["canonical"] == 3  # three reposts of one job
    text = runner.invoke(app, ["--db", db, "stats"], catch_exceptions=False).output
    assert "5 postings in" in text and "3 after linking reposts and duplicates" in " ".join(
        text.split())


def test_explanations_say_how_many_skills_they_leave_out(tmp_path: Path, hn_sample: Path) -> None:
    db = str(tmp_path / "hn.sqlite3")
    assert runner.invoke(app, ["--db", db, "import", str(hn_sample)]).exit_code == 0
    cv = tmp_path / "cv.txt"
    cv.write_text("Sam Example\nSoftware engineer, 3 years of Go.\n")
    res = runner.invoke(app, ["--db", db, "match", str(cv), "--json", "--limit", "50"],
                        catch_exceptions=False)
    results = json.loads(res.output)["results"]
    long_gaps = [r for r in results if len(r["missing_skills"]) > 3]
    assert long_gaps  # "missing a, b, c." read as the whole list of 7
    for r in long_gaps:
        tail = r["explanation"].split("; missing ", 1)[1].split(";")[0].rstrip(".")
        listed, _, more = tail.rpartition(" and ")
        assert len(listed.split(", ")) == 3 and more == f"{len(r['missing_skills']) - 3} more"


def test_match_and_gaps_take_archetype_and_remote_in_any_case(tmp_path: Path) -> None:
    db = _store(tmp_path)
    cv = tmp_path / "cv.txt"
    cv.write_text("Jo Example\nMachine learning engineer, 5 years of Python and PyTorch.\n")
    hits = json.loads(runner.invoke(app, ["--db", db, "search", "--json"]).output)["hits"]
    kind = next(h["archetype"] for h in hits if "repost-" in h["id"])
    for args in (("match", "--archetype", kind.upper(), "--remote", "Remote"),
                 ("gaps", "--archetype", kind.title())):
        lower = runner.invoke(app, ["--db", db, args[0], str(cv), "--json",
                                    *[a.lower() for a in args[1:]]], catch_exceptions=False)
        mixed = runner.invoke(app, ["--db", db, args[0], str(cv), "--json", *args[1:]],
                              catch_exceptions=False)
        assert mixed.exit_code == 0, mixed.output  # "Unknown archetype 'RESEARCH-ENGINEER'"
        assert mixed.output == lower.output
