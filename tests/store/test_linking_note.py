"""The store's note of postings written and not yet linked as duplicates (``begin_linking`` /
``end_linking``), with two runs on one store: each run has its own connection, as two
``mljobs sync`` (or a sync and an import) at once have.

Before, the first run to end cleared the note for both: the other run's postings, if it was
then stopped before linking, were never linked (the next run finds them unchanged)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from mljobs.models import Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore


def _posting(source_id: str) -> Posting:
    return normalize(RawPosting(source="test", source_id=source_id, title="ML Engineer",
                                description_text=f"Train models, job {source_id}."))


@pytest.fixture
def runs(tmp_path: Path) -> Iterator[tuple[SQLiteStore, SQLiteStore, SQLiteStore]]:
    path = tmp_path / "s.sqlite3"
    stores = (SQLiteStore(path), SQLiteStore(path), SQLiteStore(path))
    yield stores
    for store in stores:
        store.close()


def test_a_run_alone_clears_the_note(runs: tuple[SQLiteStore, ...], now: datetime) -> None:
    first, _, later = runs
    assert first.begin_linking() == []
    first.upsert([_posting("1")], now=now)
    first.end_linking()
    assert later.meta("unlinked_after_rev") is None
    assert later.begin_linking() == []


@pytest.mark.parametrize("other_wrote_before_the_end", [True, False])
def test_one_run_ending_does_not_forget_another_runs_postings(
        runs: tuple[SQLiteStore, ...], now: datetime, other_wrote_before_the_end: bool) -> None:
    one, other, later = runs
    one.begin_linking()
    other.begin_linking()
    one.upsert([_posting("1")], now=now)
    if other_wrote_before_the_end:
        other.upsert([_posting("2")], now=now)
    one.end_linking()  # one links its postings and ends
    if not other_wrote_before_the_end:
        other.upsert([_posting("2")], now=now)
    # the other run is stopped (Ctrl-C) before it links: the next run owes its posting
    assert "test:2" in later.begin_linking()


def test_the_note_is_cleared_by_the_next_run_alone(runs: tuple[SQLiteStore, ...],
                                                   now: datetime) -> None:
    """Runs that overlapped cannot tell that the other linked what it wrote: the next run
    links those postings again (no harm, a little work) and, alone, clears the note."""
    one, other, later = runs
    one.begin_linking()
    other.begin_linking()
    one.upsert([_posting("1")], now=now)
    other.upsert([_posting("2")], now=now)
    one.end_linking()
    other.end_linking()
    assert set(later.begin_linking()) <= {"test:1", "test:2"}
    later.upsert([_posting("3")], now=now)
    later.end_linking()
    assert later.meta("unlinked_after_rev") is None
    assert one.begin_linking() == []
