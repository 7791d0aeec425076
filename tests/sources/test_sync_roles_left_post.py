"""A sync that reads a Hacker News post stored as its roles, whose text now names one role only
(it is no longer split), stores the post whole and closes the roles no longer in it, with their
history kept, as it closes a posting its source no longer lists; a later sync that finds the
roles in the post again reopens them (``SQLiteStore.upsert``'s ``all_roles``). Before, the old
roles stayed open beside the post's new reading."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore

from .conftest import NOW
from .replay_server import FIXTURES, ReplayServer, Reply, world_config, world_routes
from .test_sync_split_post import POST, POST_ID, _seen, _sync

THREAD = "/api/v1/items/47219668"
ROLES = [f"{POST_ID}/r1", f"{POST_ID}/r2"]
ONE_ROLE = ("Tidewell | Lisbon | Onsite | Machine Learning Engineer<p>Tidewell builds planning "
            "software for container ports.<p>"
            + "You will train berth-time forecasting models in PyTorch and ship them. " * 4
            + "<p>Apply: jobs@tidewell.example with your GitHub.")


def _thread(text: str) -> Reply:
    """The fixtures' thread, its first comment Tidewell's post of ``text``."""
    thread = json.loads((FIXTURES / "hackernews" / "algolia-item-47219668.json")
                        .read_text("utf-8"))
    thread["children"][0]["text"] = text
    return Reply(body=json.dumps(thread).encode(), content_type="application/json")


def test_a_sync_closes_the_roles_no_longer_in_their_post(tmp_path: Path) -> None:
    enricher = default_enricher()
    edited, back = NOW + timedelta(days=2), NOW + timedelta(days=4)
    with ReplayServer({**world_routes(), THREAD: _thread(POST)}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            _sync(store, config, enricher)
            others = {pid: row for pid, row in _seen(store).items()
                      if not pid.startswith(POST_ID)}
            server.routes[THREAD] = _thread(ONE_ROLE)
            assert _sync(store, config, enricher, now=edited).sources[0].closed == 2
            got = _seen(store)
            assert got[POST_ID][1:] == (NOW, edited, "open")  # (seen since its roles were)
            assert [(c.kind, c.changed_at) for c in store.changes(POST_ID)] == [
                ("created", NOW.isoformat())]
            for role in ROLES:  # (closed when the sync found them gone, history kept)
                posting = store.get(role)
                assert posting is not None
                assert (posting.status.value, posting.closed_at, posting.last_seen) == (
                    "closed", edited, NOW)
                assert [(c.kind, c.changed_at, c.fields) for c in store.changes(role)] == [
                    ("created", NOW.isoformat(), []),
                    ("closed", edited.isoformat(), ["status", "post"])]
            # (the thread's other postings are as they were, seen again)
            assert {pid: row[:2] + row[3:] for pid, row in got.items()
                    if not pid.startswith(POST_ID)} == {
                pid: row[:2] + row[3:] for pid, row in others.items()}
            server.routes[THREAD] = _thread(POST)  # (the roles are back in the post)
            report = _sync(store, config, enricher, now=back).sources[0]
            assert (report.closed, report.replaced) == (0, 1)
            got = _seen(store)
            assert POST_ID not in got
            for role in ROLES:
                assert got[role][1:] == (NOW, back, "open")
                assert [c.kind for c in store.changes(role)] == ["created", "closed", "reopened"]
