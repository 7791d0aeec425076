"""``sync --no-enrich`` after an enriched sync keeps a multi-role HN post as its roles."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from mljobs.enrich.roles import segment_roles
from mljobs.normalize import html_to_text
from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore

from .conftest import NOW
from .replay_server import ReplayServer, Reply
from .test_sync_world import sync

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
THREAD = "/api/v1/items/47219668"


def _multi_role_text() -> str:
    """A post of two described roles, as the HN API gives a comment's text (HTML paragraphs;
    written anew in the shape of the corpus's split posts), checked to be split per role."""
    desc = "You will own the services that route parcels across Europe and talk to carriers daily. "
    text = ("Acme | Berlin | Onsite<p>Acme builds parcel routing for carriers.<p>"
            "Backend Engineer<p>" + desc * 2 + "<p>"
            "Machine Learning Engineer<p>" + "You will train ETA models in PyTorch and ship them. " * 4
            + "<p>Apply: jobs@acme.example with your GitHub.")
    assert len(segment_roles(html_to_text(text)).blocks) == 2
    return text


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


def test_enrich_store_reads_a_synced_posts_roles_as_the_sync_did(
        world: Path, tmp_path: Path, replay: ReplayServer) -> None:
    """``enrich --store`` after an enriched sync: each role posting is read through its post,
    as the thread page the sync fetched holds it (its raw document), so every role keeps the
    understanding the sync gave it. Before, each role's own text was read as a whole post (its
    header names both roles: "<picked> | <role title>") and its understanding changed."""
    from typer.testing import CliRunner

    from mljobs.cli import app

    thread = json.loads((FIXTURES / "sources" / "hackernews" /
                         "algolia-item-47219668.json").read_text())
    thread["children"][0]["text"] = _multi_role_text().replace(
        "Acme | Berlin | Onsite", "Acme | Berlin | Onsite | Backend Engineer, Machine Learning "
        "Engineer", 1)
    replay.routes[THREAD] = Reply(json.dumps(thread).encode())
    db = tmp_path / "db.sqlite3"
    with SQLiteStore(db) as store:
        assert sync(store, world, only=["hn"], enricher=default_enricher()).ok
        synced = store.conn.execute("SELECT id, status, enrichment FROM postings").fetchall()
    assert any("/r2" in pid for pid, _, _ in synced)
    res = CliRunner().invoke(app, ["--db", str(db), "enrich", "--store"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "own text" not in res.output
    with SQLiteStore(db) as store:
        after = store.conn.execute("SELECT id, status, enrichment FROM postings").fetchall()
    assert sorted(after) == sorted(synced)
