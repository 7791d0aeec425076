"""A feed item with no guid whose link carries a tracking parameter that changes every day
(``utm_campaign=<date>``, ``fbclid``, ``mc_eid``) was keyed on its link as written: a new
posting every day, each left open for good (a feed closes nothing). It is keyed on its link
without those parameters now, and a store written before goes on under the ids it holds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from mljobs import config as cfg
from mljobs.http import HttpClient
from mljobs.posting_view import history_text
from mljobs.sources.base import short_hash
from mljobs.sources.jsonld import without_tracking
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, SyncReport, run_sync

from .conftest import NOW
from .replay_server import ReplayServer, Reply

JOB = "https://jobs.acme.example/apply?job=4100"
JOB_TITLE = "Machine Learning Engineer"
DAYS = ["utm_source=feed&utm_medium=rss&utm_campaign=2026-11-{:02d}",
        "fbclid=IwAR{:02d}xYz", "mc_cid=5e6f&mc_eid=a1b2c3d4{:02d}", "utm_campaign=2026-11-{:02d}"]


def _feed(query: str, *others: tuple[str, str], link: str | None = None) -> Reply:
    """An RSS feed (KDnuggets-like) of one job, linked with ``query`` added (or at ``link``),
    and ``others`` (title, link); its items without a guid."""
    items = "".join(
        f"<item><title>{escape(title)} at Acme Robotics (Berlin, Germany)</title>"
        f"<link>{escape(link)}</link><description>Train perception models with PyTorch."
        "</description><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate></item>"
        for title, link in [("Machine Learning Engineer", link or f"{JOB}&{query}"), *others])
    return Reply((
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title>Acme jobs</title><link>https://acme.example/</link>"
        f"{items}</channel></rss>").encode(), content_type="application/rss+xml")


def _sync(store: SQLiteStore, config: Path, day: int) -> SyncReport:
    conf = cfg.load(config)
    with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                    sleep=lambda s: None) as http:
        report = run_sync(store, [conf.entry("acme")], http=http,
                          now=NOW + timedelta(days=day),
                          options=SyncOptions(refresh_index=False, link=False))
    assert report.ok, [s.errors for s in report.sources]
    return report


def _config(config: Path, unit: str) -> None:
    config.write_text(f'[[sources]]\nname = "acme"\ntype = "feed"\nurls = ["{unit}"]\n',
                      encoding="utf-8")


def _stored_before(store: SQLiteStore, config: Path, unit: str,
                   links: dict[str, list[str]]) -> None:
    """``store`` as the earlier key made it: each posting of the feed (synced into a scratch
    store) whose title ``links`` names, once under each of its links as written, its id
    made from that link."""
    with SQLiteStore(config.with_name("scratch.sqlite3")) as scratch:
        _sync(scratch, config, 0)
        postings = [p for _, p in scratch.iter_postings() if p.title in links]
        doc = scratch.get_document(postings[0].raw_ref or "")
    assert doc is not None
    store.put_documents([doc])
    store.upsert([p.model_copy(update={
        "id": f"feed:{short_hash(unit, link)}", "source_id": short_hash(unit, link),
        "url": link, "extra": {**p.extra, "guid": link}, "content_hash": None})
        for p in postings for link in links[p.title]], now=NOW)


def _open(store: SQLiteStore) -> dict[str, str | None]:
    return {p.id: p.url for _, p in store.iter_postings() if p.status == "open"}


def test_a_job_whose_link_changes_daily_keeps_one_id(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    with ReplayServer({"/jobs": _feed(DAYS[0].format(1))}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        counts = []
        for day, query in enumerate(DAYS):
            srv.routes["/jobs"] = _feed(query.format(day + 1))
            (source,) = _sync(store, config, day).sources
            counts.append((source.new, source.updated, source.unchanged))
        assert counts == [(1, 0, 0), (0, 0, 1), (0, 0, 1), (0, 0, 1)]
        # (the job's own parameter kept, as written)
        assert _open(store) == {f"feed:{short_hash(srv.url + '/jobs', JOB)}": JOB}


def test_a_store_that_holds_the_job_under_its_tracked_links_keeps_its_ids(
        tmp_path: Path) -> None:
    """A store written before holds the job once a day, each under its link as written (the
    id made so): the next syncs go on under one of them (the open one), and store no more;
    the other day's copy is closed at the first (it stayed open for good: a feed closes
    nothing), its row and history kept."""
    config = tmp_path / "sources.toml"
    with ReplayServer({"/jobs": _feed(DAYS[0].format(1))}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        # two days' postings of the job, each id made from that day's link
        old = [f"{JOB}&{DAYS[0].format(1)}", f"{JOB}&{DAYS[3].format(2)}"]
        _stored_before(store, config, f"{srv.url}/jobs", {JOB_TITLE: old})
        before = set(_open(store))
        assert len(before) == 2

        counts = []
        for day in (2, 3):
            srv.routes["/jobs"] = _feed(DAYS[day - 1].format(day + 1))
            (source,) = _sync(store, config, day).sources
            counts.append((source.new, source.updated, source.unchanged, source.closed))
        # (its link stored without the tracking once; the other day's copy closed once)
        assert counts == [(0, 1, 0, 1), (0, 0, 1, 0)]
        stored = {p.id: p for _, p in store.iter_postings()}
        assert set(stored) == before  # nothing new, nothing lost
        kept = max(before)  # (both open: the one of the higher id, either way one)
        assert stored[kept].url == JOB and stored[kept].extra["guid"] in old
        assert stored[kept].last_seen == NOW + timedelta(days=3)
        assert stored[min(before)].last_seen == NOW  # (the other day's, as it was)
        assert _open(store) == {kept: JOB}
        assert stored[min(before)].closed_at == NOW + timedelta(days=2)
        # (``show`` and the posting page say why)
        assert history_text(store.changes(min(before)))[-1].endswith(
            "closed (status, copy): an earlier copy of a job its source lists under another id")


CAREERS = "https://acme.example/careers"


@pytest.mark.parametrize(("ds", "rs", "updated"), [
    (CAREERS + "?utm_content=ds", CAREERS + "?utm_content=rs", 2),
    # the first job's link held as written, no tracking in it: the second one's, cleaned, is
    # the same text, and gave the first job the second one's id (two items of one id: the
    # first job's posting left behind, the job stored anew: new 2)
    (CAREERS, CAREERS + "?utm_content=rs", 1)])
def test_jobs_whose_stored_links_differ_in_tracking_alone_keep_their_own_ids(
        tmp_path: Path, ds: str, rs: str, updated: int) -> None:
    """Two jobs a store holds under links that differ in their ``utm_content`` alone (both
    the careers page) are one link without it: each goes on under its own stored id, as
    long as the feed links it so (a link stored with tracking: its ``url`` cleaned, updated)."""
    config = tmp_path / "sources.toml"
    others = [("Data Scientist", ds), ("Research Scientist", rs)]
    with ReplayServer({"/jobs": _feed(DAYS[0].format(1), *others)}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        _stored_before(store, config, f"{srv.url}/jobs",
                       {title: [link] for title, link in others})
        titles = {p.id: p.title for _, p in store.iter_postings()}
        assert sorted(titles.values()) == ["Data Scientist", "Research Scientist"]

        (source,) = _sync(store, config, 1).sources
        assert (source.new, source.updated) == (1, updated)  # (the engineer, new to it)
        stored = {p.id: p.title for _, p in store.iter_postings()}
        assert {pid: stored[pid] for pid in titles} == titles
        assert len(stored) == 3
        # (two jobs, no copies of one: neither is closed when the feed lists one alone)
        srv.routes["/jobs"] = _feed(DAYS[0].format(1), others[0])
        (source,) = _sync(store, config, 2).sources
        assert source.closed == 0 and len(_open(store)) == 3


def test_a_link_whose_tracking_is_written_with_an_empty_pair_is_the_same_link(
        tmp_path: Path) -> None:
    """A mailer's link with a stray ``&`` beside its tracking (``?utm_source=rss&``, ``?&...``)
    lost the tracking but kept the empty pair: ``.../7?``, another id than the day's
    ``.../7?utm_source=rss`` gave, so the job was stored anew."""
    config = tmp_path / "sources.toml"
    job = "https://acme.example/jobs/7"
    with ReplayServer({"/jobs": _feed(DAYS[0].format(1))}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        counts = []
        for day, query in enumerate(["?utm_source=rss&", "?utm_source=rss", "?&utm_medium=x"]):
            srv.routes["/jobs"] = _feed(DAYS[0].format(1), ("Data Scientist", job + query))
            (source,) = _sync(store, config, day).sources
            counts.append((source.new, source.updated, source.unchanged))
        assert counts == [(2, 0, 0), (0, 0, 2), (0, 0, 2)]
        assert sorted(url or "" for url in _open(store).values()) == sorted([JOB, job])
    # (an address with no tracking parameter stays as written, empty pairs and all)
    assert without_tracking(job + "?&") == job + "?&"
    assert without_tracking(job + "?a=1&&utm_source=x&b=2") == job + "?a=1&b=2"


# an ATS's job link as its feed writes it, a servlet's session in the path or the query
SESSION_JOB = "https://careers.acme.example/careersection/jobdetail.ftl"
SESSIONS = [f"{SESSION_JOB};jsessionid=7F3A9C21D0E4B5{{:02d}}?job=4100&lang=en",
            f"{SESSION_JOB};JSESSIONID=0C1D2E3F4A5B.node{{:02d}}?job=4100&lang=en",
            f"{SESSION_JOB}?job=4100&lang=en&PHPSESSID=q8v0a1b2c3d4e5f6{{:02d}}"]


def test_a_job_whose_link_carries_a_new_session_each_read_keeps_one_id(
        tmp_path: Path) -> None:
    """A careers site's link with its session token (``;jsessionid=...``, ``PHPSESSID=``)
    differs at every read: a new posting each read, each left open. The token is no part of
    the item's key now; a parameter that selects the job (``job=``, and ``sid=``, which some
    sites number jobs by) stays: two jobs that differ in it are two."""
    config = tmp_path / "sources.toml"
    numbered = [("Data Scientist", "https://acme.example/job.php?sid=17"),
                ("Research Scientist", "https://acme.example/job.php?sid=18")]
    with ReplayServer({"/jobs": _feed(DAYS[0].format(1))}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        counts = []
        for day, link in enumerate(SESSIONS):
            srv.routes["/jobs"] = _feed("", *numbered, link=link.format(day))
            (source,) = _sync(store, config, day).sources
            counts.append((source.new, source.updated, source.unchanged))
        assert counts == [(3, 0, 0), (0, 0, 3), (0, 0, 3)]
        assert sorted(url or "" for url in _open(store).values()) == sorted(
            [f"{SESSION_JOB}?job=4100&lang=en", *(link for _, link in numbered)])


def test_a_store_that_holds_the_job_under_its_session_link_keeps_its_id(
        tmp_path: Path) -> None:
    """A store written before holds the job under its links with a session as written (the
    ids made from them, one a session): a sync in a new session goes on under one of those
    ids, stores nothing new, and closes the other copy."""
    config = tmp_path / "sources.toml"
    old = [SESSIONS[0].format(0), SESSIONS[1].format(1)]
    with ReplayServer({"/jobs": _feed("", link=old[0])}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        _stored_before(store, config, f"{srv.url}/jobs", {JOB_TITLE: old})
        before = set(_open(store))
        assert len(before) == 2
        srv.routes["/jobs"] = _feed("", link=SESSIONS[2].format(2))
        (source,) = _sync(store, config, 2).sources
        # (its url stored without the session; the other session's copy closed)
        assert (source.new, source.updated, source.closed) == (0, 1, 1)
        assert _open(store) == {max(before): f"{SESSION_JOB}?job=4100&lang=en"}


def test_a_job_that_leaves_the_feed_and_returns_keeps_its_copy_closed(tmp_path: Path) -> None:
    """The store's earlier copy of a job is closed at the first sync that lists the job;
    while the feed lists another job alone nothing is closed (a feed closes nothing), and
    when the job returns it goes on under the id it kept, nothing stored anew, the copy left
    closed. A second feed of the source that lists the job holds none of the first's copies."""
    config = tmp_path / "sources.toml"
    other = ("Data Scientist", "https://acme.example/jobs/8")
    with ReplayServer({"/jobs": _feed(DAYS[0].format(1)),
                       "/more": _feed(DAYS[1].format(9))}) as srv, \
            SQLiteStore(tmp_path / "s.sqlite3") as store:
        _config(config, f"{srv.url}/jobs")
        old = [f"{JOB}&{DAYS[0].format(1)}", f"{JOB}&{DAYS[3].format(2)}"]
        _stored_before(store, config, f"{srv.url}/jobs", {JOB_TITLE: old})
        before = set(_open(store))
        config.write_text('[[sources]]\nname = "acme"\ntype = "feed"\n'
                          f'urls = ["{srv.url}/more", "{srv.url}/jobs"]\n', encoding="utf-8")
        alone = _feed("", other)  # (the other job alone: the engineer's item cut out)
        first, rest = alone.body.split(b"<item>", 1)[0], alone.body.split(b"</item>", 1)[1]
        alone = Reply(first + rest, content_type="application/rss+xml")
        counts = []
        for day, gone in enumerate([False, True, False], start=2):
            srv.routes["/jobs"] = alone if gone else _feed(DAYS[2].format(day))
            (source,) = _sync(store, config, day).sources
            counts.append((source.new, source.updated, source.unchanged, source.closed))
        kept = max(before)
        # /more's copy of the job is new once (its own feed's); /jobs's earlier copy is closed
        # at the first sync, nothing at the next (the job gone), nothing when it returns
        assert counts == [(1, 1, 0, 1), (1, 0, 1, 0), (0, 0, 2, 0)]
        stored = {p.id: p for _, p in store.iter_postings()}
        assert stored[min(before)].status == "closed"
        assert stored[min(before)].closed_at == NOW + timedelta(days=2)
        assert stored[kept].status == "open" and stored[kept].last_seen == NOW + timedelta(days=4)
        assert [c.fields for c in store.changes(min(before))].count(["status", "copy"]) == 1
