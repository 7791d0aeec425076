"""The specialisation part: a posting in the person's specialisation (recsys, nlp...) before a
general one, and a general one before one in another specialisation.

Before it, the score read no specialisation: a recommender engineer's resume ranked a
computer-vision ML engineer role above recommender roles titled "Data Scientist" (the dev
set's p05). Fictional resumes and postings only."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup

from mljobs.match import WEIGHTS, MatchIndex, counted_parts, rank, score_parts, total_scores
from mljobs.match_index import SPECIALISATIONS, specialisation_bits
from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.profile import build_profile

from .conftest import NOW, web_client

RECSYS = """Robin Sample
Machine Learning Engineer, Recommendations

Summary
ML engineer building recommender systems: recommendation models, personalization and
collaborative filtering for a marketplace.

Experience
Machine Learning Engineer, Example Shop, Jan 2020 - Present
- Trained recommendation models in PyTorch
- Served recommendations with Python services

Skills
Python, PyTorch, SQL
"""

PLATFORM = """Sam Example
ML Platform Engineer

Summary
Platform engineer running model training and serving infrastructure.

Experience
ML Platform Engineer, Example Infra, Jan 2020 - Present
- Kubernetes clusters and CI/CD for model serving in Python

Skills
Python, Kubernetes, Terraform
"""


def _posting(pid: str, specialisation: list[str]) -> Posting:
    """One machine learning engineer posting; only its specialisation differs."""
    enr = Enrichment(version="t", archetype="research-engineer",
                     archetype_proba={"research-engineer": 1.0},
                     skills=[SkillMention(name=s, surface=s) for s in ("Python", "PyTorch")],
                     specialisation=specialisation)
    return Posting(id=pid, source="t", source_id=pid, title="Machine Learning Engineer",
                   description_text="Train models in Python and PyTorch.", enrichment=enr)


@pytest.fixture()
def index() -> MatchIndex:
    return MatchIndex.build([(pid, _posting(pid, spec)) for pid, spec in (
        ("vision", ["computer-vision"]), ("general", []), ("recsys", ["recsys", "nlp"]))])


def test_the_posting_in_the_persons_specialisation_ranks_first(index: MatchIndex) -> None:
    profile = build_profile(RECSYS, now=NOW)
    assert "recsys" in profile.specialisations
    matches = rank(profile, index, limit=3)
    assert [m.id for m in matches] == ["recsys", "general", "vision"]
    assert [m.breakdown["specialisation"] for m in matches] == [1.0, 0.5, 0.0]
    by_id = {m.id: m for m in matches}
    assert "in your specialisation (recsys)" in by_id["recsys"].explanation
    assert "in another specialisation (computer-vision)" in by_id["vision"].explanation
    assert "specialisation" not in by_id["general"].explanation


def test_a_resume_with_no_specialisation_is_scored_without_the_part(index: MatchIndex) -> None:
    profile = build_profile(PLATFORM, now=NOW)
    assert profile.specialisations == []
    assert "specialisation" not in counted_parts(profile)
    parts = score_parts(profile, index)
    assert set(parts) == set(WEIGHTS) - {"specialisation"}
    # the six parts weighted as before the specialisation part: every posting the same here
    six = {k: w for k, w in WEIGHTS.items() if k != "specialisation"}
    expected = 100 * sum(w * parts[k] for k, w in six.items()) / sum(six.values())
    assert np.allclose(total_scores(profile, parts, index), expected)
    matches = rank(profile, index, limit=3)
    assert len({m.score for m in matches}) == 1
    assert all("specialisation" not in m.breakdown and "specialisation" not in m.explanation
               for m in matches)


def test_the_index_keeps_the_specialisations(index: MatchIndex, tmp_path: Path) -> None:
    assert specialisation_bits(["recsys", "nlp", "unknown"]) == (
        1 << SPECIALISATIONS.index("recsys")) | (1 << SPECIALISATIONS.index("nlp"))
    assert [int(b) for b in index.spec] == [specialisation_bits(["computer-vision"]), 0,
                                            specialisation_bits(["recsys", "nlp"])]
    index.save(tmp_path / "i.npz", "k")
    loaded = MatchIndex.load(tmp_path / "i.npz", "k")
    assert loaded is not None and np.array_equal(loaded.spec, index.spec)
    keep = np.array([True, False, True])
    assert np.array_equal(index.take(keep).extend(index.take(~keep)).spec, index.spec[[0, 2, 1]])


def test_the_page_shows_the_part_or_a_dash(tmp_path: Path, pool_path: Path) -> None:
    with web_client(tmp_path, pool_path) as client:
        for text, counted in ((RECSYS, True), (PLATFORM, False)):
            page = BeautifulSoup(client.post("/match", files={"resume": ("cv.md", text.encode())})
                                 .text, "html.parser")
            table = page.select_one("#matches li .breakdown")
            assert table is not None
            heads = [th.get_text() for th in table.select("th")]
            cell = table.select("td")[heads.index("specialisation")].get_text()
            assert (cell != "-") is counted
            if counted:
                assert float(cell) in (0.0, 0.5, 1.0)
