"""Shared fixtures for resume matching: a fictional resume, pool and judged dev folder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mljobs.importer import import_file
from mljobs.match import MatchIndex
from mljobs.match_eval import load_pool
from mljobs.pipeline import default_enricher
from mljobs.profile import Profile, build_profile
from mljobs.store import SQLiteStore
from mljobs.web import create_app

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


@pytest.fixture()
def pay_pool(tmp_path: Path) -> Path:
    """Three Glassdoor-shaped postings of one kind: pay stated in the text (and a Glassdoor
    estimate), only the estimate, and no pay at all."""
    body = ("We need a data scientist for product analytics: SQL, Python, A/B testing, "
            "dashboards in Tableau, experiment design and stakeholder reports.")
    rows = [
        {"id": "gd-1", "source": "glassdoor-2020", "title": "Data Scientist, Product Analytics",
         "company": "Stated Co", "location": "Austin, TX",
         "salary_estimate": "$56K-$97K (Glassdoor est.)",
         "text": body + " Pay: $120,000 - $150,000 per year."},
        {"id": "gd-2", "source": "glassdoor-2020", "title": "Product Data Analyst",
         "company": "Estimate Co", "location": "Austin, TX",
         "salary_estimate": "$56K-$97K (Glassdoor est.)", "text": body},
        {"id": "gd-3", "source": "glassdoor-2020", "title": "Data Analyst",
         "company": "No Pay Co", "location": "Austin, TX", "text": body},
    ]
    pool = tmp_path / "pay-pool.jsonl"
    pool.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return pool


@contextmanager
def web_client(tmp_path: Path, pool: Path) -> Iterator[TestClient]:
    """The web app over a store that imported ``pool`` (enriched as import does), clock at NOW."""
    store = SQLiteStore(tmp_path / "web.sqlite3")
    import_file(store, pool, now=NOW, enricher=default_enricher())
    with TestClient(create_app(store=store, now=lambda: NOW)) as test_client:
        yield test_client
