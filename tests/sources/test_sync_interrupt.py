"""Ctrl-C during ``mljobs sync`` (a real subprocess sent SIGINT).

Before: the run waited for every request in flight, retries and all (a board that never
answers: the read timeout times four), printed nothing and exited 130; and the postings it
had stored were never linked as duplicates, since the next run found them unchanged and
links only what changed. Now it stops at once, shows what was synced, says how to finish,
exits 130, and the next sync links what the stopped run stored.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import pytest

from mljobs import config as cfg
from mljobs.cli.app import sigterm_as_ctrl_c
from mljobs.http import HttpClient
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncInterrupted, SyncOptions, run_sync

from .interrupts import SIGINT_AT_LINKING, count_postings
from .replay_server import ReplayServer, Reply, world_routes


def _config(path: Path, base: str, boards: list[str]) -> None:
    listed = ", ".join(f'"{b}"' for b in boards)
    path.write_text(
        "[http]\ntimeout = 600\nretries = 3\n\n"
        f'[[sources]]\nname = "boards"\ntype = "greenhouse"\nboards = [{listed}]\n'
        f'base_url = "{base}"\n\n'
        '[[sources]]\nname = "hn"\ntype = "hackernews"\nmonths = ["2026-03"]\n'
        f'algolia_url = "{base}/api/v1"\n', encoding="utf-8")


def _command(db: Path, config: Path) -> list[str]:
    return [sys.executable, "-c", "from mljobs.cli import main; main()", "--db", str(db),
            "sync", "--config", str(config), "--no-enrich", "--workers", "2"]


@pytest.mark.slow
@pytest.mark.parametrize(("stop", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_stops_at_once_keeps_what_was_stored_and_links_it_next_time(
        tmp_path: Path, stop: signal.Signals, code: int) -> None:
    # (SIGTERM, as `kill`, `timeout` or a service stop sends it, ended the run with 143 and
    # no word of what was kept; it is now answered as Ctrl-C, with its own code)
    env = {**os.environ, "MLJOBS_SOURCES": "", "PYTHONWARNINGS": "ignore", "COLUMNS": "120"}
    routes = world_routes()
    routes["/v1/boards/silent/jobs"] = Reply(b"{}", held=True)  # answers only at the end
    db = tmp_path / "s.sqlite3"
    config = tmp_path / "sources.toml"
    with ReplayServer(routes) as srv:
        _config(config, srv.url, ["vaulttec", "espressoai", "silent"])
        proc = subprocess.Popen(_command(db, config), env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        # the two boards (4 postings) and the month (5) are stored; the silent board is not
        while count_postings(db) < 9 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        os.kill(proc.pid, stop)
        out, err = proc.communicate(timeout=60)  # not the read timeout of 600 s
        assert proc.returncode == code, err
        flat = " ".join((out + err).split())
        assert "Interrupted: 1 of the run's units" in flat
        assert "Run `mljobs sync` again to finish" in flat
        assert "Traceback" not in flat
        with SQLiteStore(db) as store:
            assert store.count() == 9  # nothing stored was lost
            assert store.get("hackernews:47227261").canonical_id is None  # not linked yet

        _config(config, srv.url, ["vaulttec", "espressoai"])  # the silent board left out
        again = subprocess.run(_command(db, config), env=env, capture_output=True, text=True,
                               timeout=120, check=False)
        assert again.returncode == 0, again.stderr
    with SQLiteStore(db) as store:
        # the HN post and the board's job were stored by the stopped run: unchanged now, and
        # linked all the same
        assert store.get("hackernews:47227261").canonical_id == "greenhouse:espressoai:4100001"
        assert store.meta("unlinked_after_rev") is None


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_as_a_unit_is_written_counts_it_with_what_was_synced(
        tmp_path: Path, sent: signal.Signals) -> None:
    """SIGINT just as a unit's postings are committed (raised when the store's upsert
    returns, through a profile hook of the main thread). It came between the write and the
    count: the postings were stored, yet the report said 0 new and 2 units not synced.
    SIGTERM, as the CLI takes it (``sigterm_as_ctrl_c``), is held to the same point."""
    config = tmp_path / "sources.toml"
    upsert = SQLiteStore.upsert.__code__

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "return" and frame.f_code is upsert:
            sys.setprofile(None)
            signal.raise_signal(sent)

    with sigterm_as_ctrl_c(), ReplayServer(world_routes()) as srv, SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, srv.url, ["vaulttec", "espressoai"])
        conf = cfg.load(config)
        entries = [e for e in conf.sources if e.name == "boards"]
        with HttpClient(conf.http_settings(), validators=StoreValidators(store)) as http, \
                pytest.raises(SyncInterrupted) as stop:
            sys.setprofile(profile)
            try:
                run_sync(store, entries, http=http, now=datetime(2026, 3, 10, tzinfo=UTC),
                         options=SyncOptions(workers=1, refresh_index=False))
            finally:
                sys.setprofile(None)
        (report,) = stop.value.report.sources
        assert report.new == store.count() > 0  # what is stored is counted
        assert stop.value.left == 1


@pytest.mark.slow
def test_ctrl_c_while_linking_shows_the_table_and_says_the_links_are_owed(
        tmp_path: Path) -> None:
    env = {**os.environ, "MLJOBS_SOURCES": "", "PYTHONWARNINGS": "ignore", "COLUMNS": "120"}
    db = tmp_path / "s.sqlite3"
    config = tmp_path / "sources.toml"
    with ReplayServer(world_routes()) as srv:
        _config(config, srv.url, ["vaulttec", "espressoai"])
        command = _command(db, config)
        command[2] = SIGINT_AT_LINKING
        stopped = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                                 check=False)
        assert stopped.returncode == 130, stopped.stderr
        flat = " ".join((stopped.stdout + stopped.stderr).split())
        assert "Interrupted: every source was synced" in flat
        assert "the next sync (or import) links them" in flat
        assert "boards (greenhouse)" in flat  # the table of what was synced
        assert "Traceback" not in flat
        with SQLiteStore(db) as store:
            assert store.get("hackernews:47227261").canonical_id is None
        again = subprocess.run(_command(db, config), env=env, capture_output=True, text=True,
                               timeout=120, check=False)
        assert again.returncode == 0, again.stderr
    with SQLiteStore(db) as store:
        assert store.get("hackernews:47227261").canonical_id == "greenhouse:espressoai:4100001"


@pytest.mark.slow
def test_ctrl_c_with_json_gives_every_key_a_finished_sync_gives(tmp_path: Path) -> None:
    """``sync --json`` stopped by Ctrl-C left out ``understood_by_older`` (docs/sources.md
    lists it among the report's keys): the stopped run's JSON had another shape."""
    env = {**os.environ, "MLJOBS_SOURCES": "", "PYTHONWARNINGS": "ignore", "COLUMNS": "120"}
    db = tmp_path / "s.sqlite3"
    config = tmp_path / "sources.toml"
    with ReplayServer(world_routes()) as srv:
        _config(config, srv.url, ["vaulttec", "espressoai"])
        command = [*_command(db, config), "--json"]
        command[2] = SIGINT_AT_LINKING
        stopped = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                                 check=False)
        assert stopped.returncode == 130, stopped.stderr
        report = json.loads(stopped.stdout)
        finished = json.loads(subprocess.run(
            [*_command(db, config), "--json"], env=env, capture_output=True, text=True,
            timeout=120, check=True).stdout)
    assert report.keys() == finished.keys()
    assert report["understood_by_older"] == 0  # --no-enrich: nothing was understood at all
    # (the stopped run left the index as it was: ``index_left`` was null, as if it were up
    # to date; the finished run brought it up to date)
    assert report["index_left"].startswith(
        "the sync was stopped before it brought the search index up to date")
    assert finished["index_left"] is None
    assert report["sources"][0]["new"] > 0
