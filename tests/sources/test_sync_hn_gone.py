"""A Hacker News post that leaves its "Who is hiring?" thread (deleted, or dead and so no longer
listed) is closed by the next sync that reads the thread whole, with its roles, as a posting
its board no longer lists is (``status=closed``, ``closed_at``, a "closed" history entry); a
later sync that lists it again reopens it. A listing read only in part closes nothing: a failed
request, a Firebase comment that could not be fetched, Algolia search pages cut short of their
``nbHits``. Postings ``--since`` leaves out are still listed, so they stay open. Before, HN
postings were never closed (``HackerNews.listing``, ``_UnitSync._close_unlisted``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mljobs import config as cfg
from mljobs.http import HttpClient
from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, SyncReport, run_sync

from .conftest import NOW
from .replay_server import FIXTURES, ReplayServer, Reply, world_routes
from .test_sync_split_post import POST, POST_ID

THREAD = "/api/v1/items/47219668"
ROLES = [f"{POST_ID}/r1", f"{POST_ID}/r2"]
GONE, BACK = NOW + timedelta(days=2), NOW + timedelta(days=4)


def _load(name: str) -> Any:
    return json.loads((FIXTURES / "hackernews" / name).read_text("utf-8"))


def _reply(data: Any, status: int = 200) -> Reply:
    return Reply(body=json.dumps(data).encode(), status=status, content_type="application/json")


def _tree(how: str = "listed") -> Reply:
    """The fixtures' thread (``algolia`` api), its first comment Tidewell's two-role post:
    ``listed``, ``deleted`` (Algolia keeps a deleted comment, without author and text) or
    ``dropped`` (a dead or flagged comment is left out of the tree)."""
    thread = _load("algolia-item-47219668.json")
    first = thread["children"][0]
    first["text"] = POST
    if how == "deleted":
        first.update(author=None, text=None)
    elif how == "dropped":
        del thread["children"][0]
    return _reply(thread)


def _config(tmp_path: Path, base: str, api: str = "algolia") -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("\n".join([
        "[http]", "retries = 1", "backoff = 0.01", "timeout = 5.0", "",
        "[[sources]]", 'name = "hn"', 'type = "hackernews"', 'months = ["2026-03"]',
        f'api = "{api}"', f'algolia_url = "{base}/api/v1"', f'firebase_url = "{base}/v0"', ""]),
        encoding="utf-8")
    return path


def _sync(store: SQLiteStore, config: Path, now: datetime, *, enrich: bool = False,
          since: date | None = None) -> SyncReport:
    conf = cfg.load(config)
    with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                    sleep=lambda s: None) as http:
        return run_sync(store, [conf.entry("hn")], http=http, now=now,
                        options=SyncOptions(enricher=default_enricher() if enrich else None,
                                            since=since))


def _status(store: SQLiteStore) -> dict[str, str]:
    return {p.id: p.status.value for _, p in store.iter_postings()}


@pytest.mark.parametrize("how", ["deleted", "dropped"])
def test_a_post_gone_from_its_thread_closes_with_its_roles_and_reopens(
        tmp_path: Path, how: str) -> None:
    with ReplayServer({**world_routes(), THREAD: _tree()}) as server:
        config = _config(tmp_path, server.url)
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            assert _sync(store, config, NOW, enrich=True).ok
            before = _status(store)
            assert {before[r] for r in ROLES} == {"open"} and POST_ID not in before
            server.routes[THREAD] = _tree(how)
            report = _sync(store, config, GONE, enrich=True)
            assert report.ok and report.sources[0].closed == 2
            assert _status(store) == {**before, **dict.fromkeys(ROLES, "closed")}
            for role in ROLES:
                posting = store.get(role)
                assert posting is not None
                assert (posting.closed_at, posting.last_seen) == (GONE, NOW)
                assert [(c.kind, c.changed_at, c.fields) for c in store.changes(role)] == [
                    ("created", NOW.isoformat(), []), ("closed", GONE.isoformat(), ["status"])]
            again = _sync(store, config, GONE + timedelta(hours=1), enrich=True)
            assert again.sources[0].closed == 0  # (closed once)
            server.routes[THREAD] = _tree()  # (undeleted, or vouched for: listed again)
            back = _sync(store, config, BACK, enrich=True).sources[0]
            assert back.closed == 0
            assert _status(store) == before
            for role in ROLES:
                assert [c.kind for c in store.changes(role)] == ["created", "closed", "reopened"]


def test_a_firebase_kid_deleted_closes_its_post(tmp_path: Path) -> None:
    routes = world_routes()
    with ReplayServer(routes) as server:
        config = _config(tmp_path, server.url, api="firebase")
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            assert _sync(store, config, NOW).ok
            before = _status(store)
            assert before["hackernews:47229724"] == "open"
            item = _load("firebase-item-47229724.json")
            server.routes["/v0/item/47229724.json"] = _reply(
                {"id": item["id"], "type": "comment", "deleted": True, "parent": item["parent"],
                 "time": item["time"]})
            report = _sync(store, config, GONE)
            assert report.ok and report.sources[0].closed == 1
            assert _status(store) == {**before, "hackernews:47229724": "closed"}


def _cut_pages(path: str, query: dict[str, str]) -> Reply:
    """Algolia ``search_by_date`` pages of the thread without Tidewell's comment, the first
    page saying there are more hits than the pages give (Algolia's paging cap)."""
    page = _load(f"algolia-comments-p{int(query.get('page', 0))}.json")
    page["hits"] = [h for h in page["hits"] if f"hackernews:{h['objectID']}" != POST_ID]
    return _reply(page)


def _whole_pages(path: str, query: dict[str, str]) -> Reply:
    """The same pages, their ``nbHits`` the hits they now give: a whole listing."""
    reply = _cut_pages(path, query)
    page = json.loads(reply.body)
    page["nbHits"] -= 1
    return _reply(page)


def _failing_kid(routes: dict[str, Any]) -> None:
    routes["/v0/item/47227261.json"] = Reply(body=b"down", status=503,
                                             content_type="text/plain")


def _failing_tree(routes: dict[str, Any]) -> None:
    routes[THREAD] = Reply(body=b"down", status=503, content_type="text/plain")


def _cut_search(routes: dict[str, Any]) -> None:
    routes["/api/v1/search_by_date"] = _cut_pages


PARTIAL: dict[str, tuple[str, Callable[[dict[str, Any]], None]]] = {
    "tree request failed": ("algolia", _failing_tree),
    "firebase kid failed": ("firebase", _failing_kid),
    "search cut short": ("algolia-search", _cut_search),
}


@pytest.mark.parametrize("case", list(PARTIAL))
def test_a_listing_read_in_part_closes_nothing(tmp_path: Path, case: str) -> None:
    api, break_it = PARTIAL[case]
    with ReplayServer(world_routes()) as server:
        config = _config(tmp_path, server.url, api=api)
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            assert _sync(store, config, NOW).ok
            before = _status(store)
            assert before[POST_ID] == "open"
            break_it(server.routes)
            report = _sync(store, config, GONE).sources[0]
            assert report.closed == 0
            assert _status(store) == before
            if case == "search cut short":  # (the same pages, whole, close it)
                server.routes["/api/v1/search_by_date"] = _whole_pages
                assert _sync(store, config, BACK).sources[0].closed == 1
                assert _status(store) == {**before, POST_ID: "closed"}
            else:
                assert report.failed >= 1


def test_postings_since_leaves_out_stay_open(tmp_path: Path) -> None:
    """``--since`` filters the thread's older posts out, but the thread still lists them."""
    with ReplayServer({**world_routes(), THREAD: _tree()}) as server:
        config = _config(tmp_path, server.url)
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            assert _sync(store, config, NOW).ok
            before = _status(store)
            late = date(2026, 3, 5)  # (after some of the thread's comments were posted)
            report = _sync(store, config, GONE, since=late).sources[0]
            assert report.filtered >= 1 and report.closed == 0
            assert _status(store) == before


def test_a_thread_answered_not_modified_is_read_whole_from_its_stored_copy(
        tmp_path: Path) -> None:
    """A 304 gives the stored copy of the tree: it lists every post, and closes none; the
    tree changed (a new ETag, its first comment deleted) closes that one."""
    listed = _tree()
    listed.etag = '"t-1"'
    with ReplayServer({**world_routes(), THREAD: listed}) as server:
        config = _config(tmp_path, server.url)
        with SQLiteStore(tmp_path / "s.sqlite3") as store:
            assert _sync(store, config, NOW).ok
            before = _status(store)
            report = _sync(store, config, GONE).sources[0]
            assert (report.closed, report.unchanged) == (0, len(before))
            deleted = _tree("deleted")
            deleted.etag = '"t-2"'
            server.routes[THREAD] = deleted
            assert _sync(store, config, BACK).sources[0].closed == 1
            assert _status(store) == {**before, POST_ID: "closed"}
