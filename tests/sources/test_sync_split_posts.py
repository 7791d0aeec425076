"""``sync --no-enrich`` after an enriched sync keeps a multi-role HN post as its roles."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from mljobs.enrich.pipeline import role_postings
from mljobs.normalize import normalize
from mljobs.pipeline import default_enricher
from mljobs.sources.files import row_to_raw
from mljobs.store import SQLiteStore

from .conftest import NOW
from .replay_server import ReplayServer, Reply
from .test_sync_world import sync

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
THREAD = "/api/v1/items/47219668"


def _multi_role_text() -> str:
    """The text of a real post of the HN sample that the enrich pipeline splits per role."""
    for line, raw in enumerate((FIXTURES / "hn-sample.jsonl").read_text().splitlines()):
        row = json.loads(raw)
        posting = normalize(row_to_raw(row, path="hn-sample", line=line, default_source="x"))
        if len(role_postings(posting)) > 1:
            return str(row["text"])
    raise AssertionError("the HN sample has no multi-role post")


def test_no_enrich_sync_keeps_split_posts_as_roles(world: Path, tmp_path: Path,
                                                   replay: ReplayServer) -> None:
    thread = json.loads((FIXTURES / "sources" / "hackernews" /
                         "algolia-item-47219668.json").read_text())
    thread["children"][0]["text"] = _multi_role_text()
    replay.routes[THREAD] = Reply(json.dumps(thread).encode())
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        first = sync(store, world, only=["hn"], enricher=default_enricher())
        assert first.ok
        rows = store.conn.execute("SELECT id, status, enrichment FROM postings").fetchall()
        roles = {r[0] for r in rows if "/r" in r[0]}
        parent = f"hackernews:{thread['children'][0]['id']}"
        assert roles and all(r.startswith(parent + "/r") for r in roles)
        second = sync(store, world, only=["hn"], now=NOW + timedelta(hours=1))
        assert second.ok
        [hn] = second.sources
        assert (hn.new, hn.closed) == (0, 0)
        after = store.conn.execute("SELECT id, status, enrichment FROM postings").fetchall()
        assert {r[0] for r in after} == {r[0] for r in rows}  # no whole post beside its roles
        assert all(r[1] == "open" for r in after)
        assert {r[0]: r[2] for r in after} == {r[0]: r[2] for r in rows}
