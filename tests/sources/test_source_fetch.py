"""Fetch paths against the replay server: Firebase items, Reddit paging, robots, Maildir."""

from __future__ import annotations

import json
import mailbox
from datetime import date
from pathlib import Path

import pytest

from mljobs.errors import FetchError
from mljobs.http import HttpClient, HttpSettings
from mljobs.sources import Window, make_source

from .replay_server import FIXTURES, ReplayServer, Reply, fixture, route_key

WINDOW = Window(today=date(2026, 3, 20))
FAST = HttpSettings(retries=0, timeout=5)


def test_hackernews_firebase_reads_kids_and_skips_deleted_and_dead(replay: ReplayServer) -> None:
    source = make_source("hackernews", {"threads": [47219668], "api": "firebase",
                                        "firebase_url": f"{replay.url}/v0"})
    with HttpClient(FAST) as http:
        docs = list(source.fetch_unit(http, "thread-47219668"))
    assert len(docs) == 9  # the story and its eight kids
    postings = [p for d in docs for p in source.parse(d)]
    assert sorted(p.source_id for p in postings) == sorted(
        ["47227261", "47229724", "47278362", "47330329", "47225525", "47239774"])


def test_hackernews_month_without_a_thread_yields_nothing_when_it_is_this_month(
        replay: ReplayServer) -> None:
    """This month is the one of the window ``units`` was given, not what ``fetch_unit``
    guesses. Before: fetched without ``units``, every month whose thread was not found
    yielded nothing (the past month's error was silently off)."""
    source = make_source("hackernews", {"algolia_url": f"{replay.url}/api/v1"})
    assert source.units(Window(today=date(2019, 7, 20))) == ["2019-06", "2019-07"]
    with HttpClient(FAST) as http:
        assert list(source.fetch_unit(http, "2019-07")) == []  # may not be up yet
        with pytest.raises(FetchError, match=r"found no \"Ask HN: Who is hiring\? \(June "
                           r"2019\)\" thread"):
            list(source.fetch_unit(http, "2019-06"))
        fresh = make_source("hackernews", {"algolia_url": f"{replay.url}/api/v1"})
        with pytest.raises(FetchError, match=r"\(July 2019\)"):  # no units: no this month
            list(fresh.fetch_unit(http, "2019-07"))


def test_reddit_follows_after_until_the_last_page(replay: ReplayServer) -> None:
    first = json.loads((FIXTURES / "reddit" / "MLjobs-new.json").read_text())
    first["data"]["after"] = "t3_1abcd03"
    second = {"kind": "Listing", "data": {"after": None, "children": []}}
    replay.routes["/r/MLjobs/new.json?limit=100&raw_json=1"] = Reply(json.dumps(first).encode())
    replay.routes["/r/MLjobs/new.json?after=t3_1abcd03&limit=100&raw_json=1"] = Reply(
        json.dumps(second).encode())
    source = make_source("reddit", {"subreddits": ["MLjobs"], "base_url": replay.url,
                                    "max_pages": 5})
    with HttpClient(FAST) as http:
        docs = list(source.fetch_unit(http, "r/MLjobs"))
    assert len(docs) == 2 and replay.hits["/r/MLjobs/new.json"] == 2


def test_jsonld_without_robots_txt_is_allowed(replay: ReplayServer) -> None:
    del replay.routes["/robots.txt"]
    source = make_source("jsonld", {"urls": [f"{replay.url}/careers"]})
    with HttpClient(FAST) as http:
        docs = list(source.fetch_unit(http, f"{replay.url}/careers"))
    assert len(docs) == 1 and replay.hits["/robots.txt"] == 1


def test_jsonld_robots_checked_once_per_host(replay: ReplayServer) -> None:
    urls = [f"{replay.url}/careers", f"{replay.url}/jobs/clerk", f"{replay.url}/jobs/vision"]
    source = make_source("jsonld", {"urls": urls})
    with HttpClient(FAST) as http:
        for url in urls:
            list(source.fetch_unit(http, url))
    assert replay.hits["/robots.txt"] == 1


def test_maildir_is_read_like_an_mbox(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    source_box = mailbox.mbox(FIXTURES / "mailbox" / "lists.mbox", create=False)
    for message in source_box:
        box.add(message)
    source_box.close()
    box.close()
    source = make_source("mailbox", {"paths": [str(tmp_path / "Mail")]})
    with HttpClient(FAST) as http:
        docs = list(source.fetch(http))
    assert len(docs) == 2
    # a posting, and the digest's three jobs (its footer is no job)
    assert sum(len(list(source.parse(d))) for d in docs) == 4


def test_missing_mailbox_is_a_fetch_error(tmp_path: Path) -> None:
    source = make_source("mailbox", {"paths": [str(tmp_path / "nope.mbox")]})
    try:
        list(source.fetch_unit(HttpClient(FAST), str(tmp_path / "nope.mbox")))
    except FetchError as err:
        assert "no such mailbox" in str(err)
    else:
        raise AssertionError("expected FetchError")


def test_lever_stops_at_max_pages(replay: ReplayServer) -> None:
    full = (FIXTURES / "lever" / "leverdemo-skip0.json").read_bytes()
    replay.routes["/v0/postings/fullsite"] = Reply(full)  # every page is full
    source = make_source("lever", {"boards": ["fullsite"], "base_url": replay.url,
                                   "page_size": 2, "max_pages": 3})
    docs = []
    with HttpClient(FAST) as http, pytest.raises(FetchError, match=r"stopped after max_pages = "
                                                 r"3 pages of 2 while more follow; raise "
                                                 r"max_pages"):
        docs.extend(source.fetch_unit(http, "fullsite"))
    # the three pages are yielded (and stored by sync), but the unit is not complete: what is
    # on the pages not fetched is not seen, and must not be closed
    assert len(docs) == 3
    assert replay.hits["/v0/postings/fullsite"] == 3


@pytest.mark.parametrize(("api", "requests"), [("algolia", 1), ("algolia-search", 2)])
def test_hackernews_algolia_tree_and_paged_search_agree(replay: ReplayServer, api: str,
                                                        requests: int) -> None:
    source = make_source("hackernews", {"months": ["2026-03"], "api": api,
                                        "algolia_url": f"{replay.url}/api/v1"})
    with HttpClient(FAST) as http:
        docs = list(source.fetch_unit(http, "2026-03"))
    assert len(docs) == requests  # the thread search is not kept as a document
    ids = sorted(p.source_id for d in docs for p in source.parse(d))
    assert ids == sorted(["47227261", "47229724", "47278362", "47330329", "47225525",
                          "47239774"])  # no reply, no deleted comment


def test_greenhouse_asks_the_list_for_pay_ranges_and_reads_them(replay: ReplayServer) -> None:
    """The board's list is fetched with ``pay_transparency=true`` (the API's switch for
    ``pay_input_ranges``), and the ranges a job carries become its salary."""
    replay.routes[route_key("/v1/boards/vaulttec/jobs",
                            {"content": "true", "pay_transparency": "true"})] = fixture(
        "greenhouse/vaulttec-pay.json")
    source = make_source("greenhouse", {"boards": ["vaulttec"], "base_url": replay.url})
    with HttpClient(FAST) as http:
        (doc,) = source.fetch_unit(http, "vaulttec")
    assert doc.ref.endswith("/v1/boards/vaulttec/jobs?content=true&pay_transparency=true")
    paid = {r.source_id: r.salary for r in source.parse(doc)}
    assert paid["vaulttec:127910"] and paid["vaulttec:127910"].max == 240000
