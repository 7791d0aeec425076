"""Hacker News months that cannot be synced are named (the clock passed in, the replay server).

Before: ``months = ["2026-13"]`` failed mid-sync with "unexpected IndexError", a month before
the first thread or after this one searched Algolia and synced 0 documents without a word, and
so did a past month whose thread the search did not find.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mljobs.config import SourceEntry
from mljobs.errors import ConfigError
from mljobs.http import HttpClient
from mljobs.sources import Window, make_source
from mljobs.store import SQLiteStore
from mljobs.sync import SyncOptions, run_sync

from .replay_server import ReplayServer


@pytest.mark.parametrize(("months", "said"), [
    (["2026-13"], "month '2026-13' is not YYYY-MM"),
    (["2010-12"], "threads run from 2011-04 to this month (2026-03)"),
    (["2026-04"], "threads run from 2011-04 to this month (2026-03)"),
])
def test_a_month_without_threads_is_refused(months: list[str], said: str) -> None:
    with pytest.raises(ConfigError, match=said.replace("(", r"\(").replace(")", r"\)")):
        make_source("hackernews", {"months": months}).units(Window(today=date(2026, 3, 20)))


def _sync(tmp_path: Path, base: str, months: list[str], now: datetime):  # type: ignore[no-untyped-def]
    entry = SourceEntry("hn", "hackernews", {"months": months, "algolia_url": f"{base}/api/v1"})
    with SQLiteStore(tmp_path / "s.sqlite3") as store, \
            HttpClient(validators=None, sleep=lambda s: None) as http:
        return run_sync(store, [entry], http=http, now=now,
                        options=SyncOptions(refresh_index=False)).sources[0]


def test_a_past_month_whose_thread_is_not_found_fails_this_months_does_not(
        tmp_path: Path, replay: ReplayServer) -> None:
    # the recorded search finds the thread of March 2026 only
    report = _sync(tmp_path, replay.url, ["2026-02", "2026-03"],
                   datetime(2026, 3, 20, tzinfo=UTC))
    assert report.failed == 1 and report.new == 5
    (error,) = report.errors
    # the month named in words: "of this month" read as the month the run is in
    assert error.startswith("[2026-02] hackernews: the Algolia search found no \"Ask HN: Who is "
                            "hiring? (February 2026)\" thread; try again later, or give the "
                            "thread's item id as threads = [ID]")
    # early in April the April thread may not be up yet: no error
    april = _sync(tmp_path, replay.url, ["2026-04"], datetime(2026, 4, 1, tzinfo=UTC))
    assert (april.failed, april.documents) == (0, 0)
