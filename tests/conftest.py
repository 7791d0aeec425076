"""Shared fixtures: a fresh store on tmp_path, a fixed clock, the data folders."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mljobs.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "postings.jsonl"

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    """The clock, passed in: a fixed instant."""
    return NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """A new, empty store file in tmp_path."""
    s = SQLiteStore(tmp_path / "store.sqlite3")
    yield s
    s.close()


@pytest.fixture
def hn_sample() -> Path:
    """43 real HN "Who is hiring?" comments (HN item API shape)."""
    return FIXTURES / "hn-sample.jsonl"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus (2,749 postings); tests using it skip without ../shared."""
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
