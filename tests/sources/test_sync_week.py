"""A user who runs ``mljobs sync`` every day: jobs appear, change, vanish and come back, and
what each day's summary, ``show`` and the store say of it (the replay server answers as the
sources do; the clock is passed in, one day a run)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.models import Status
from mljobs.store import SQLiteStore

from .conftest import NOW
from .replay_server import ReplayServer, Reply, fixture

runner = CliRunner()
BOARD = "/v1/boards/vaulttec/jobs"
EMPTY_BOARD = Reply(b'{"jobs": [], "meta": {"total": 0}}')


class Week:
    """``mljobs sync`` of one config, a day later each run (``--no-enrich``, ``--json``)."""

    def __init__(self, tmp_path: Path, config: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.config = tmp_path / "sources.toml"
        self.config.write_text(config, encoding="utf-8")
        self.db = tmp_path / "db.sqlite3"
        self.day = -1
        self.monkeypatch = monkeypatch

    def sync(self, *more: str) -> tuple[int, str]:
        """One day's run: its exit code and output."""
        self.day += 1
        at = NOW + timedelta(days=self.day)
        self.monkeypatch.setattr("mljobs.cli.sources_cmds.now", lambda: at)
        result = runner.invoke(app, ["--db", str(self.db), "sync", "--config",
                                     str(self.config), "--no-enrich", *more])
        return result.exit_code, result.output

    def report(self) -> dict[str, dict[str, Any]]:
        """One day's run, ``--json``: each source's counts by name."""
        code, out = self.sync("--json")
        data = json.loads(out)
        assert data["ok"] == (code == 0), out
        return {s["name"]: s for s in data["sources"]}

    def history(self, pid: str) -> list[tuple[str, list[str]]]:
        with SQLiteStore(self.db) as store:
            return [(c.kind, c.fields) for c in store.changes(pid)]


def _counts(source: dict[str, Any]) -> tuple[int, ...]:
    return tuple(source[k] for k in ("new", "updated", "reopened", "unchanged", "closed"))


def test_a_job_back_is_counted_reopened_not_updated(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A board lists 3 jobs, then none, then 2 of them again, one with another text. Before,
    the third day said "updated 2" (nothing had been edited but the one), and the edited
    job's history read "created; closed; updated" of a posting open again."""
    with ReplayServer({BOARD: fixture("greenhouse/vaulttec.json")}) as server:
        week = Week(tmp_path, f'[[sources]]\nname = "vt"\ntype = "greenhouse"\n'
                              f'boards = ["vaulttec"]\nbase_url = "{server.url}"\n', monkeypatch)
        assert _counts(week.report()["vt"]) == (3, 0, 0, 0, 0)
        server.routes[BOARD] = EMPTY_BOARD
        assert _counts(week.report()["vt"]) == (0, 0, 0, 0, 3)
        server.routes[BOARD] = fixture("greenhouse/vaulttec-v2.json")  # 127900 edited
        assert _counts(week.report()["vt"]) == (0, 0, 2, 0, 0)
        assert week.history("greenhouse:vaulttec:127900") == [
            ("created", []), ("closed", ["status"]), ("reopened", ["status"]),
            ("updated", ["description_text"])]
        assert [k for k, _ in week.history("greenhouse:vaulttec:127901")] == [
            "created", "closed", "reopened"]
        with SQLiteStore(week.db) as store:
            assert store.get("greenhouse:vaulttec:127817").status == Status.CLOSED
            assert store.count(status="open") == 2
        server.routes[BOARD] = fixture("greenhouse/vaulttec.json")  # and the third back
        code, out = week.sync()
    assert code == 0, out
    row = next(line for line in out.splitlines() if line.startswith("│ vt "))
    # docs, new, updated (127900's text back), unchanged, closed, filtered, failed
    assert [c.strip() for c in row.split("│")[2:-1]] == ["1", "0", "1", "1", "0", "0", "0"], out
    assert "vt: 1 posting closed before is listed again: reopened (its history says so)" in " ".join(out.split())
