"""A sync that stores postings without linking them (``SyncOptions(link=False)``) leaves them
owed to the next run that links, as a sync stopped before its linking pass does.

Before, such a run noted nothing: its postings were never a linking pass's changed postings
and got no ``text_links`` rows, so a job that came later was not found by the text of another
company's post that links to it ("apply at https://jobs.lever.co/..."), though the same two
postings synced with linking, in either order, are linked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mljobs import config as cfg
from mljobs.http import HttpClient
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, run_sync

from .conftest import NOW
from .replay_server import FIXTURES, ReplayServer, Reply, world_config, world_routes

JOB = "https://jobs.lever.co/leverdemo/5f2c1e0a-0001-4c3b-9f51-2b0c1a7e0001"
POST = "reddit:1abcd01"
LEVER_JOB = "lever:leverdemo:5f2c1e0a-0001-4c3b-9f51-2b0c1a7e0001"


def _listing() -> Reply:
    """The subreddit's listing, its first post by someone other than the company, linking to
    leverdemo's Lever job."""
    listing = json.loads((FIXTURES / "reddit" / "MLjobs-new.json").read_text("utf-8"))
    post = listing["data"]["children"][0]["data"]
    post["title"] = "[Hiring] Applied Scientist, Computer Vision (San Francisco)"
    post["selftext"] = (f"A friend's perception team is hiring an applied scientist for computer "
                        f"vision, apply at {JOB}?utm_source=reddit and say I sent you.")
    post["selftext_html"] = f'<div class="md"><p>{post["selftext"]}</p></div>'
    return Reply(body=json.dumps(listing).encode())


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "sources.toml"


def _sync(store: SQLiteStore, config: Path, only: str, *, link: bool = True) -> None:
    conf = cfg.load(config)
    with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                    sleep=lambda s: None) as http:
        report = run_sync(store, [conf.entry(only)], http=http, now=NOW,
                          options=SyncOptions(refresh_index=False, link=link))
    assert report.ok, [s.errors for s in report.sources]


def _links(store: SQLiteStore) -> dict[str, str]:
    return {pid: canonical for pid, *_, canonical, _seen in store.dedupe_rows() if canonical}


@pytest.mark.parametrize(("order", "link_first"), [
    (("reddit", "lever"), False), (("reddit", "lever"), True), (("lever", "reddit"), True)])
def test_a_post_synced_without_linking_is_linked_by_the_next_run(
        tmp_path: Path, config: Path, order: tuple[str, str], link_first: bool) -> None:
    with ReplayServer({**world_routes(), "/r/MLjobs/new.json": _listing()}) as server:
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "store.sqlite3") as store:
            _sync(store, config, order[0], link=link_first)
            _sync(store, config, order[1])
            assert _links(store) == {POST: LEVER_JOB}
            assert store.text_linkers([JOB]) == {JOB: [POST]}


def test_the_postings_of_a_sync_without_linking_are_owed(tmp_path: Path, config: Path) -> None:
    """The run notes them as a stopped run's are: the next run that links is given them."""
    with ReplayServer(world_routes()) as server:
        config.write_text(world_config(server.url), encoding="utf-8")
        with SQLiteStore(tmp_path / "store.sqlite3") as store:
            _sync(store, config, "reddit", link=False)
            stored = [pid for pid, *_ in store.dedupe_rows()]
            assert stored and sorted(store.begin_linking()) == sorted(stored)
