"""Fixtures for source and sync tests: the replay server and a configured world."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

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
