"""nDCG, the two baselines and the dev harness on a tiny judged folder."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from mljobs.errors import InputError, RowError
from mljobs.match_eval import (
    METHODS,
    bm25_rank,
    dcg,
    evaluate_dev,
    load_judgments,
    load_pool,
    ndcg,
    resume_matcher_rank,
    section_completeness,
)
from mljobs.profile import Profile

from .conftest import NOW


def test_dcg_and_ndcg_by_hand() -> None:
    assert dcg([3, 0, 1]) == pytest.approx(7 + 0 + 1 / 2)
    grades = {"a": 3.0, "b": 1.0, "c": 0.0}
    assert ndcg(["a", "b", "c"], grades) == 1.0
    worst = (0 + 1 / math.log2(3) + 7 / 2) / (7 + 1 / math.log2(3))
    assert ndcg(["c", "b", "a"], grades) == pytest.approx(worst)
    assert ndcg(["x", "a"], grades) < 1.0  # an unjudged id counts 0
    assert ndcg(["a"], {"a": 0.0}) == 0.0


def test_ndcg_cuts_at_k() -> None:
    grades = {str(i): 1.0 for i in range(12)} | {"late": 3.0}
    ranked = [str(i) for i in range(12)] + ["late"]
    assert ndcg(ranked, grades, k=10) < ndcg(["late", *ranked[:-1]], grades, k=10)


def test_bm25_prefers_documents_with_the_query_words() -> None:
    docs = [("a", "cooking recipes and kitchens"), ("b", "pytorch ranking models"),
            ("c", "ranking dashboards pytorch pytorch models")]
    assert bm25_rank("pytorch ranking", docs)[-1] == "a"
    assert bm25_rank("anything", []) == []


def test_section_completeness() -> None:
    assert section_completeness("Summary\nx\nExperience\ny\nEducation\nz\nSkills\nw") == 1.0
    assert section_completeness("WORK EXPERIENCE\ny\nEDUCATION\nz") == 0.5
    assert section_completeness("just words") == 0.0


def test_resume_matcher_ranks_every_posting(profile: Profile, pool_path: Path) -> None:
    pool = load_pool(pool_path)
    ranked = resume_matcher_rank(profile, pool)
    assert sorted(ranked) == sorted({pid for pid, _ in pool})
    assert ranked.index("t-ds-analytics") < ranked.index("t-research")


def test_load_pool_keeps_the_row_ids(pool_path: Path) -> None:
    pool = load_pool(pool_path)
    assert [pid for pid, _ in pool][:2] == ["t-ds-analytics", "t-recsys-mle"]
    assert all(p.enrichment is not None for _, p in pool)


def test_load_pool_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_pool(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "no title"}\n', encoding="utf-8")
    with pytest.raises(RowError, match="title"):
        load_pool(bad)


def test_load_judgments_errors(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text('{"persona": "p", "id": "a", "grade": 2}\n\n{"persona": "p"}\n', "utf-8")
    with pytest.raises(RowError, match=r"j.jsonl:3"):
        load_judgments(path)
    with pytest.raises(InputError, match="cannot read"):
        load_judgments(tmp_path / "none.jsonl")


def test_evaluate_dev_runs_three_methods(dev_dir: Path) -> None:
    seen: list[str] = []
    report = evaluate_dev(dev_dir, now=NOW, on_persona=lambda r: seen.append(r.persona))
    assert seen == ["q01"]
    scores = report.personas[0].scores
    assert set(scores) == set(METHODS)
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores["mljobs"] > 0.9  # the fixture's 3-graded posting comes first
    data = report.to_json()
    assert data["overall"]["mljobs"] == scores["mljobs"]


def test_evaluate_dev_without_a_resume(dev_dir: Path) -> None:
    (dev_dir / "resumes" / "q01.md").unlink()
    with pytest.raises(InputError, match="no resume for persona 'q01'"):
        evaluate_dev(dev_dir, now=NOW)
