"""Shared fixtures for resume matching: a fictional resume, pool and judged dev folder."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mljobs.match import MatchIndex
from mljobs.match_eval import load_pool
from mljobs.profile import Profile, build_profile

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="session")
def resume_path() -> Path:
    return FIXTURES / "resume-analyst.md"


@pytest.fixture(scope="session")
def pool_path() -> Path:
    return FIXTURES / "postings.jsonl"


@pytest.fixture(scope="session")
def profile(resume_path: Path) -> Profile:
    return build_profile(resume_path.read_text("utf-8"), now=NOW)


@pytest.fixture(scope="session")
def index(pool_path: Path) -> MatchIndex:
    return MatchIndex.build(load_pool(pool_path))


@pytest.fixture()
def dev_dir(tmp_path: Path, resume_path: Path, pool_path: Path) -> Path:
    """A match-dev-shaped folder with one persona, q01."""
    root = tmp_path / "match-dev"
    (root / "resumes").mkdir(parents=True)
    (root / "pools").mkdir()
    shutil.copy(resume_path, root / "resumes" / "q01.md")
    shutil.copy(pool_path, root / "pools" / "q01.jsonl")
    shutil.copy(FIXTURES / "judgments.jsonl", root / "judgments.jsonl")
    return root
