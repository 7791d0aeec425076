"""A seeker's month of ``mljobs sync`` over several sources (a board and a Hacker News thread
holding the same job): what search shows of a job one of its sources closes and lists again
(the replay server answers as the sources do; the clock is passed in)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply, fixture, route_key
from .test_sync_week import EMPTY_BOARD, Week

runner = CliRunner()
BOARD = "/v1/boards/espressoai/jobs"
THREAD = "/api/v1/items/47219668"  # Ask HN: Who is hiring? (March 2026), Espresso AI's post in it
ON_BOARD, ON_HN = "greenhouse:espressoai:4100001", "hackernews:47227261"


def _hits(db: Path, query: str) -> list[tuple[str, str]]:
    result = runner.invoke(app, ["--db", str(db), "search", query, "--json"])
    assert result.exit_code == 0, result.output
    hits: list[dict[str, Any]] = json.loads(result.output)["hits"]
    return [(h["id"], h["status"]) for h in hits]


def test_a_job_its_board_closes_is_found_open_where_it_is_still_listed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Espresso AI's job is on its Greenhouse board and in the March HN thread, linked as one
    job (the board's posting shown). The board drops it for a while; the thread still lists it.
    Before, search showed the board's closed posting alone, "closed", though the job was still
    open in the thread; now the thread's posting stands for it, and the board's again once the
    board lists it again."""
    with ReplayServer({BOARD: fixture("greenhouse/espressoai.json"),
                       THREAD: fixture("hackernews/algolia-item-47219668.json")}) as server:
        week = Week(tmp_path, f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                              f'boards = ["espressoai"]\nbase_url = "{server.url}"\n\n'
                              f'[[sources]]\nname = "hn"\ntype = "hackernews"\n'
                              f'threads = [47219668]\nalgolia_url = "{server.url}/api/v1"\n',
                    monkeypatch)
        assert week.report()["gh"]["new"] == 1
        with SQLiteStore(week.db) as store:
            assert store.get(ON_HN).canonical_id == ON_BOARD
        assert _hits(week.db, "espresso") == [(ON_BOARD, "open")]
        server.routes[BOARD] = EMPTY_BOARD
        assert week.report()["gh"]["closed"] == 1
        assert _hits(week.db, "espresso") == [(ON_HN, "open")]
        code, out = week.sync("--json")  # a day with nothing new changes nothing
        assert code == 0, out
        assert _hits(week.db, "espresso") == [(ON_HN, "open")]
        server.routes[BOARD] = fixture("greenhouse/espressoai.json")
        assert week.report()["gh"]["reopened"] == 1
        assert _hits(week.db, "espresso") == [(ON_BOARD, "open")]
        with SQLiteStore(week.db) as store:
            assert store.get(ON_HN).canonical_id == ON_BOARD
            assert store.count() == 6 and store.count(status="open") == 6  # nothing lost
        # the board closes it and the thread's comment goes too: the job is closed, shown once
        server.routes[BOARD] = EMPTY_BOARD
        thread = json.loads(fixture("hackernews/algolia-item-47219668.json").body)
        thread["children"] = [c for c in thread["children"] if c["id"] != 47227261]
        server.routes[THREAD] = Reply(json.dumps(thread).encode())
        assert week.report()["hn"]["closed"] == 1
        assert _hits(week.db, "espresso") == [(ON_BOARD, "closed")]


def test_a_job_reposted_under_a_new_id_is_found_by_its_open_posting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Lever board takes "Applied Scientist, Computer Vision" down and posts it again under a
    new id, the same text: the two are linked as one job. Before, the earlier one, closed,
    stood for it (a board's posting, seen first), and search showed the job "closed" alone."""
    first = route_key("/v0/postings/leverdemo", {"mode": "json", "skip": "0", "limit": "2"})
    rest = route_key("/v0/postings/leverdemo", {"mode": "json", "skip": "2", "limit": "2"})
    listed = json.loads(fixture("lever/leverdemo-skip0.json").body)
    with ReplayServer({first: Reply(json.dumps(listed).encode()),
                       rest: fixture("lever/leverdemo-skip2.json")}) as server:
        week = Week(tmp_path, f'[[sources]]\nname = "lever"\ntype = "lever"\n'
                              f'boards = ["leverdemo"]\npage_size = 2\n'
                              f'base_url = "{server.url}"\n', monkeypatch)
        assert week.report()["lever"]["new"] == 3
        old, new = (f"lever:leverdemo:5f2c1e0a-000{n}-4c3b-9f51-2b0c1a7e000{n}" for n in (1, 9))
        listed[0]["id"] = new.rpartition(":")[2]
        server.routes[first] = Reply(json.dumps(listed).encode())
        again = week.report()["lever"]
        assert (again["new"], again["closed"], again["unchanged"]) == (1, 1, 2)
        assert _hits(week.db, "applied") == [(new, "open")]
        with SQLiteStore(week.db) as store:
            assert store.get(old).canonical_id == new
            assert store.count() == 4 and store.count(status="open") == 3
