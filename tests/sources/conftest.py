"""Fixtures for source and sync tests: the replay server and a configured world."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mljobs import config as cfg
from mljobs.http import HttpClient
from mljobs.models import Posting
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, SyncReport, run_sync

from .replay_server import FIXTURES, ReplayServer, world_config, world_routes

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    """A replay server with every fixture route."""
    with ReplayServer(world_routes()) as server:
        yield server


@pytest.fixture
def world(replay: ReplayServer, tmp_path: Path) -> Path:
    """A sources.toml (and a copy of the mbox) pointing at the replay server."""
    mbox = tmp_path / "lists.mbox"
    shutil.copy(FIXTURES / "mailbox" / "lists.mbox", mbox)
    path = tmp_path / "sources.toml"
    path.write_text(world_config(replay.url, mbox), encoding="utf-8")
    return path


def sync_config(tmp_path: Path, config: str, **options: Any
                ) -> tuple[SyncReport, dict[str, Posting]]:
    """``config`` (a sources.toml's text) synced into a new store under ``tmp_path`` at
    ``NOW``, with ``SyncOptions`` ``options`` (no linking, no search index): the report,
    asserted ok, and the stored postings by id."""
    path = tmp_path / "sources.toml"
    path.write_text(config, encoding="utf-8")
    conf = cfg.load(path)
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                        sleep=lambda s: None) as http:
            report = run_sync(store, conf.sources, http=http, now=NOW,
                              options=SyncOptions(refresh_index=False, link=False, **options))
        stored = {p.id: p for _, p in store.iter_postings()}
    assert report.ok, [s.errors for s in report.sources]
    return report, stored
