"""A post a sync stored whole (without the understanding step) that a sync with it splits per
role is stored as a sync with it from the start stores it: its roles, dated when the post was
first seen, and no whole post (``SQLiteStore.upsert``'s ``split``; before, the whole post stayed
beside its roles, and search found it as well as them)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from mljobs import config as cfg
from mljobs.http import HttpClient
from mljobs.index import SearchQuery, open_index
from mljobs.pipeline import Enricher, default_enricher
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, SyncReport, run_sync

from .conftest import NOW
from .replay_server import FIXTURES, ReplayServer, Reply, world_config, world_routes

POST_ID = "hackernews:47227261"  # (the first comment of the fixtures' thread, made Tidewell's)
LATER = NOW + timedelta(days=2)
_DUTIES = "You will own the services that plan tide-aware shipping routes for ports. "
POST = ("Tidewell | Lisbon | Onsite<p>Tidewell builds planning software for container ports.<p>"
        "Backend Engineer<p>" + _DUTIES * 2 + "<p>Machine Learning Engineer<p>"
        + "You will train berth-time forecasting models in PyTorch and ship them. " * 4
        + "<p>Apply: jobs@tidewell.example with your GitHub.")


def _thread() -> Reply:
    """The thread (one request: the default ``algolia`` api), its first comment Tidewell's
    post, which names two roles."""
    thread = json.loads((FIXTURES / "hackernews" / "algolia-item-47219668.json")
                        .read_text("utf-8"))
    first = thread["children"][0]
    assert f"hackernews:{first['id']}" == POST_ID
    first["text"] = POST
    return Reply(body=json.dumps(thread).encode(), content_type="application/json")


def _sync(store: SQLiteStore, config: Path, enricher: Enricher | None,
          now: datetime = NOW) -> SyncReport:
    conf = cfg.load(config)
    with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                    sleep=lambda s: None) as http:
        report = run_sync(store, [conf.entry("hn")], http=http, now=now,
                          options=SyncOptions(enricher=enricher))
    assert report.ok, [s.errors for s in report.sources]
    return report


def _seen(store: SQLiteStore) -> dict[str, tuple[str, object, object, str]]:
    return {p.id: (p.title, p.first_seen, p.last_seen, p.status.value)
            for _, p in store.iter_postings()}


def test_a_sync_replaces_a_post_it_stored_whole_by_its_roles(tmp_path: Path) -> None:
    enricher = default_enricher()
    with ReplayServer({**world_routes(), "/api/v1/items/47219668": _thread()}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "fresh.sqlite3") as fresh:
            _sync(fresh, config, enricher)
            _sync(fresh, config, enricher, now=LATER)
            want = _seen(fresh)
        with SQLiteStore(tmp_path / "later.sqlite3") as store:
            _sync(store, config, None)
            assert POST_ID in _seen(store)
            index = open_index(store, "fts5")  # (an index that holds the whole post)
            assert POST_ID in {h.id for h in index.search(SearchQuery(text="Tidewell")).hits}
            assert _sync(store, config, enricher, now=LATER).sources[0].replaced == 1
            got = _seen(store)
            assert POST_ID not in got and f"{POST_ID}/r2" in got
            assert got == want  # (the roles dated when the post was first seen, open)
            index.sync(store)
            hits = {h.id for h in index.search(SearchQuery(text="Tidewell")).hits}
            assert hits == {f"{POST_ID}/r1", f"{POST_ID}/r2"}
            index.close()


def test_the_roles_of_a_closed_post_listed_again_are_open(tmp_path: Path) -> None:
    """The post closed (its listing lost it for a day), then listed again as its roles: they
    keep its history and reopen, as a posting listed again does."""
    closed_at = NOW + timedelta(days=1)
    with ReplayServer({**world_routes(), "/api/v1/items/47219668": _thread()}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            _sync(store, config, None)
            assert store.close_open([POST_ID], now=closed_at) == [POST_ID]
            _sync(store, config, default_enricher(), now=LATER)
            for role in (f"{POST_ID}/r1", f"{POST_ID}/r2"):
                got = store.get(role)
                assert got is not None
                assert (got.first_seen, got.last_seen, got.status.value, got.closed_at) == (
                    NOW, LATER, "open", None)
                assert [(c.kind, c.changed_at) for c in store.changes(role)] == [
                    ("created", NOW.isoformat()), ("closed", closed_at.isoformat()),
                    ("reopened", LATER.isoformat())]
            assert store.get(POST_ID) is None and store.changes(POST_ID) == []
