"""``mljobs enrich --store`` after an upgrade that changes how posts are split, on a store a
sync made (a replayed Hacker News thread): the post is split again from the thread page the
sync kept, as that sync would store it now, and nothing is seen now: the roles keep the dates
the sync saw them (not the time ``enrich --store`` runs), their sync time and their status.
The older split is written into the store's role rows (text and content hash), as
tests/cli/test_enrich_store_resplit.py does for an import."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Posting
from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore

from .conftest import NOW
from .replay_server import ReplayServer, world_config, world_routes
from .test_sync_role_ids import BACKEND, DATA, ML, _post
from .test_sync_roles_left_post import THREAD, _thread
from .test_sync_split_post import POST_ID, _sync

_CLOSING = "Apply: jobs@tidewell.example with your GitHub."


def _roles(db: Path) -> dict[str, list[object]]:
    with sqlite3.connect(db) as conn:
        return {pid: row for pid, *row in conn.execute(
            "SELECT id, content_hash, status, first_seen, last_seen, closed_at, synced_at, "
            "raw_ref, json_extract(data, '$.description_text') FROM postings WHERE id LIKE ?",
            (f"{POST_ID}/%",))}


def test_enrich_store_splits_a_synced_post_again_from_its_page_and_sees_nothing_now(
        tmp_path: Path) -> None:
    enricher = default_enricher()
    db, synced = tmp_path / "s.sqlite3", tmp_path / "synced.sqlite3"
    with ReplayServer({**world_routes(), THREAD: _thread(_post(BACKEND, ML, DATA))}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        for path in (db, synced):
            with SQLiteStore(path) as store:
                _sync(store, config, enricher)
                _sync(store, config, enricher, now=NOW + timedelta(days=1))
    with sqlite3.connect(db) as conn:  # (the roles as an older rule split them: no closing)
        for pid, data in conn.execute("SELECT id, data FROM postings WHERE id LIKE ?",
                                      (f"{POST_ID}/%",)).fetchall():
            role = Posting.model_validate_json(data)
            assert role.description_text.endswith(_CLOSING)
            role = role.model_copy(update={
                "description_text": role.description_text.removesuffix(_CLOSING).rstrip()})
            role = role.model_copy(update={"content_hash": role.compute_hash()})
            conn.execute("UPDATE postings SET data=?, content_hash=? WHERE id=?",
                         (role.model_dump_json(exclude={"enrichment"}), role.content_hash, pid))
    before = _roles(db)
    assert len(before) == 3 and before != _roles(synced)
    res = CliRunner().invoke(app, ["--db", str(db), "enrich", "--store"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "1 post split per role by an older mljobs was split again" in said
    assert "own text" not in said
    # (as the sync stored it: the same texts, hashes, page, dates seen, sync time and status)
    assert _roles(db) == _roles(synced)
    for row in _roles(db).values():
        assert row[1:4] == ["open", NOW.isoformat(), (NOW + timedelta(days=1)).isoformat()]
