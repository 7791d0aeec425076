"""A cluster's shown posting settled from the postings the store noted (migration 6's
``unsettled``), not from every linked posting: each path that closes, reopens, links or
unlinks a posting leaves its cluster settled by the next ``dedupe.settle_canonicals``, as
the full scan of every linked posting (the way before) settled it.

Each test of a path fails when that path's posting is not noted: its cluster keeps a closed
posting shown, or a duplicate shown before the board's posting."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mljobs.dedupe import BOARD_SOURCES, settle_canonicals
from mljobs.models import Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore
from mljobs.store.sqlite import COPY

BOARD, THREAD = "greenhouse:acme:1", "hackernews:1"


def _posting(source: str, source_id: str, text: str = "Train ranking models in PyTorch.") -> Posting:
    return normalize(RawPosting(source=source, source_id=source_id, company="Acme",
                                title="ML Engineer", description_text=text))


def _shown(store: SQLiteStore) -> dict[str, str | None]:
    return {pid: canonical for pid, canonical in store.conn.execute(
        "SELECT id, canonical_id FROM postings ORDER BY id")}


def _unsettled_by_full_scan(store: SQLiteStore) -> dict[str, list[str]]:
    """{cluster key: its postings, the one to show first} of every cluster of the store
    whose shown posting is not the one an open board posting seen first would be (the rule
    of ``dedupe._rank``), read from every linked posting, as ``settle_canonicals`` read
    them before (a cluster is the postings linked to its key, and the key's own posting if
    it is linked to none)."""
    members: dict[str, list[tuple[bool, bool, str, str]]] = defaultdict(list)
    for pid, source, status, seen, canonical in store.conn.execute(
            "SELECT id, source, status, first_seen, canonical_id FROM postings "
            "WHERE canonical_id IS NOT NULL OR id IN "
            "(SELECT canonical_id FROM postings WHERE canonical_id IS NOT NULL)"):
        members[canonical or pid].append(
            (status == "closed", source not in BOARD_SOURCES, seen, pid))
    return {key: [m[3] for m in sorted(held)] for key, held in members.items()
            if len(held) > 1 and min(held)[3] != key}


def _settle_by_full_scan(store: SQLiteStore) -> int:
    """The links the full scan wrote: each such cluster's postings linked to its first."""
    return store.set_canonical([(pid, None if pid == held[0] else held[0])
                                for held in _unsettled_by_full_scan(store).values()
                                for pid in held])


@pytest.fixture
def linked(store: SQLiteStore, now: datetime) -> SQLiteStore:
    """A board's posting shown for a Hacker News comment of the same job; settled."""
    store.upsert([_posting("greenhouse", "acme:1"), _posting("hackernews", "1")], now=now)
    store.set_canonical([(BOARD, None), (THREAD, BOARD)])
    settle_canonicals(store)
    assert not store.unsettled()  # (it moved nothing: nothing of its own noted)
    return store


def _closed_board(store: SQLiteStore, now: datetime) -> None:
    store.close_open([BOARD], now=now)
    settle_canonicals(store)
    assert _shown(store) == {BOARD: THREAD, THREAD: None}


CLOSINGS: dict[str, Callable[[SQLiteStore, datetime], object]] = {
    # a sync: the board no longer lists it
    "close_missing": lambda s, now: s.close_missing("greenhouse", set(), scope=None, now=now),
    # a sync: the ids a unit no longer lists
    "close_open": lambda s, now: s.close_open([BOARD], now=now),
    # a sync: a feed's earlier copy of a job it lists under another id (``superseded``)
    "close_open copy": lambda s, now: s.close_open([BOARD], now=now, fields=COPY),
}


@pytest.mark.parametrize("path", sorted(CLOSINGS))
def test_a_closed_shown_posting_gives_way_to_an_open_one(
        linked: SQLiteStore, now: datetime, path: str) -> None:
    CLOSINGS[path](linked, now + timedelta(days=1))
    assert settle_canonicals(linked) == 2
    assert _shown(linked) == {BOARD: THREAD, THREAD: None}
    assert not _unsettled_by_full_scan(linked)
    assert settle_canonicals(linked) == 0 and not linked.unsettled()


REOPENINGS: dict[str, Callable[[SQLiteStore, datetime], object]] = {
    # a sync lists it again (``upsert`` with ``touch``)
    "sync lists it again": lambda s, now: s.upsert([_posting("greenhouse", "acme:1")], now=now),
    # an import of another text of it (``upsert`` reopens a posting changed while closed)
    "import of a new text": lambda s, now: s.upsert(
        [_posting("greenhouse", "acme:1", "Train ranking models in JAX.")], now=now,
        touch=False, imported=True),
    # an import reads it as a role of its post again (``reopen``)
    "reopen": lambda s, now: s.reopen([BOARD], now),
}


@pytest.mark.parametrize("path", sorted(REOPENINGS))
def test_a_reopened_board_posting_is_shown_again(
        linked: SQLiteStore, now: datetime, path: str) -> None:
    _closed_board(linked, now + timedelta(days=1))
    REOPENINGS[path](linked, now + timedelta(days=2))
    assert linked.get(BOARD).status == "open"
    assert settle_canonicals(linked) == 2
    assert _shown(linked) == {BOARD: None, THREAD: BOARD}
    assert settle_canonicals(linked) == 0 and not linked.unsettled()


def test_a_link_written_the_wrong_way_round_is_settled(linked: SQLiteStore) -> None:
    """A link pass (or any writer of links) that showed the comment for the board's posting:
    the link itself is noted."""
    linked.set_canonical([(THREAD, None), (BOARD, THREAD)])
    assert settle_canonicals(linked) == 2
    assert _shown(linked) == {BOARD: None, THREAD: BOARD}


def test_a_posting_that_leaves_its_cluster_leaves_nothing_unsettled(
        linked: SQLiteStore, now: datetime) -> None:
    """Closed as no job (an import or sync's reading), the board's posting leaves its cluster
    (``close_not_jobs``: the others are unlinked, to be linked again)."""
    third = _posting("hackernews", "2")
    linked.upsert([third], now=now)
    linked.set_canonical([(third.id, BOARD)])
    settle_canonicals(linked)
    closed, relink = linked.close_not_jobs({BOARD: "seeker"}, now=now + timedelta(days=1))
    assert closed == [BOARD] and sorted(relink) == [THREAD, third.id]
    assert linked.unsettled()
    assert settle_canonicals(linked) == 0
    assert _shown(linked) == {BOARD: None, THREAD: None, third.id: None}
    assert not _unsettled_by_full_scan(linked)


def test_a_chain_is_settled_on_the_next_settling_as_by_the_next_full_scan(
        linked: SQLiteStore, now: datetime) -> None:
    """A posting linked to the comment while the comment was linked to the board's posting
    (a chain: its cluster, of one, was left as it was). Settling the board's closing links
    the comment to none: the chain's cluster now holds the open board posting at its end,
    which the next settling shows, as the next full scan of every linked posting did. The
    links a settling writes are noted for the next."""
    end = _posting("greenhouse", "acme:2")
    linked.upsert([end], now=now)
    linked.set_canonical([(end.id, THREAD)])
    assert settle_canonicals(linked) == 0 and not _unsettled_by_full_scan(linked)
    linked.close_open([BOARD], now=now + timedelta(days=1))
    assert settle_canonicals(linked) == 2
    assert _shown(linked) == {BOARD: THREAD, THREAD: None, end.id: THREAD}
    assert _unsettled_by_full_scan(linked) == {THREAD: [end.id, THREAD, BOARD]}
    assert settle_canonicals(linked) == 3
    assert _shown(linked) == {BOARD: end.id, THREAD: end.id, end.id: None}
    assert settle_canonicals(linked) == 0 and not linked.unsettled()


def test_a_posting_stored_again_under_an_id_others_are_linked_to_is_noted(
        store: SQLiteStore, now: datetime) -> None:
    """The comment others were linked to, removed (by another program: mljobs unlinks a
    removed posting's cluster) and stored again: its cluster is read, though the posting is
    stored linked to none."""
    store.upsert([_posting("greenhouse", "acme:1"), _posting("hackernews", "1")], now=now)
    store.set_canonical([(BOARD, THREAD)])  # (the comment shown: settled below)
    store.conn.execute("DELETE FROM posting_changes WHERE posting_id=?", (THREAD,))
    store.conn.execute("DELETE FROM postings WHERE id=?", (THREAD,))
    assert settle_canonicals(store) == 0  # (a cluster of one: left as it is)
    assert not store.unsettled()
    store.upsert([_posting("hackernews", "1")], now=now + timedelta(days=1))
    assert settle_canonicals(store) == 2
    assert _shown(store) == {BOARD: None, THREAD: BOARD}


def test_nothing_noted_reads_nothing(linked: SQLiteStore, now: datetime) -> None:
    """A sync that changed nothing (a posting seen again, as it was) leaves nothing noted."""
    linked.upsert([_posting("greenhouse", "acme:1"), _posting("hackernews", "1")],
                  now=now + timedelta(days=1))
    assert not linked.unsettled()
    assert settle_canonicals(linked) == 0


def test_another_connection_s_closing_is_settled_by_this_one(
        linked: SQLiteStore, now: datetime) -> None:
    """The note is in the store, not in a run: a sync stopped after closing (or another
    program's) leaves it for the next run that settles."""
    with SQLiteStore(linked.path) as other:
        other.close_open([BOARD], now=now + timedelta(days=1))
    assert settle_canonicals(linked) == 2
    assert _shown(linked) == {BOARD: THREAD, THREAD: None}


def test_a_store_migrated_with_links_settles_every_cluster_once(
        tmp_path: Path, now: datetime) -> None:
    """A store of schema 5 whose shown posting is closed (a sync of an mljobs before
    ``settle_canonicals``): migration 6 notes every linked posting."""
    path = tmp_path / "old.sqlite3"
    with SQLiteStore(path) as store:
        store.upsert([_posting("greenhouse", "acme:1"), _posting("hackernews", "1")], now=now)
        store.set_canonical([(BOARD, None), (THREAD, BOARD)])
        store.close_open([BOARD], now=now + timedelta(days=1))
    old = sqlite3.connect(path)
    old.executescript("DROP TABLE unsettled; DROP TRIGGER unsettled_update; "
                      "DROP TRIGGER unsettled_insert; DROP TRIGGER unsettled_delete; "
                      "PRAGMA user_version = 5;")
    old.close()
    with SQLiteStore(path) as store:
        assert store.unsettled()
        assert settle_canonicals(store) == 2
        assert _shown(store) == {BOARD: THREAD, THREAD: None}


def test_random_closings_reopenings_and_links_settle_as_the_full_scan(
        tmp_path: Path, now: datetime) -> None:
    """Two copies of a store of board postings and comments, the same rounds of closings,
    reopenings, relistings and links (written every way round, chains too) on each, each
    round settled: one copy by ``settle_canonicals``, the other by the full scan of every
    linked posting. After every round both show the same postings, and the rounds moved
    some."""
    rng = random.Random(31)
    postings = [_posting("greenhouse" if i % 3 else "hackernews", f"{i}", f"Job text {i}.")
                for i in range(90)]
    with SQLiteStore(tmp_path / "noted.sqlite3") as store:
        for number, posting in enumerate(postings):
            store.upsert([posting], now=now + timedelta(minutes=number))
        settle_canonicals(store)
    shutil.copy(tmp_path / "noted.sqlite3", tmp_path / "full.sqlite3")
    ids = [p.id for p in postings]
    moved = 0
    with SQLiteStore(tmp_path / "noted.sqlite3") as noted, \
            SQLiteStore(tmp_path / "full.sqlite3") as full:
        for day in range(1, 41):
            when = now + timedelta(days=day)
            picked = rng.sample(ids, 6)
            change = rng.randrange(5)
            for store in (noted, full):
                match change:
                    case 0:
                        store.close_open(picked, now=when)
                    case 1:
                        store.reopen(picked, when)
                    case 2:
                        store.upsert([p for p in postings if p.id in picked], now=when)
                    case 3:  # a cluster linked (its shown posting one of them, at random)
                        store.set_canonical([(pid, picked[0] if pid != picked[0] else None)
                                             for pid in picked])
                    case _:
                        store.set_canonical([(pid, None) for pid in picked[:2]])
            assert _shown(noted) == _shown(full)
            moved += _settle_by_full_scan(full)
            settle_canonicals(noted)
            assert _shown(noted) == _shown(full), day
    assert moved > 20  # (postings whose link settling changed)


def test_the_demo_store_is_left_settled(store: SQLiteStore, now: datetime) -> None:
    """``mljobs demo`` (``load_demo``) links and settles as an import does: nothing is left
    noted for the first sync to read, and no cluster shows another posting than the full scan
    would."""
    from mljobs.demo import load_demo

    load_demo(store, now=now)
    assert not store.unsettled()
    assert _unsettled_by_full_scan(store) == {}
    assert store.canonical_count() < store.count()  # (it has clusters)


def test_a_store_settled_by_another_rule_is_settled_anew(store: SQLiteStore, now: datetime) -> None:
    """A store settled by an mljobs whose rule put other postings first (before the
    thirty-first session a Recruitee offer was not a board's posting: a Hacker News comment
    seen a month earlier was shown for the job) and left nothing noted: the next settling
    reads every cluster by today's rule once, as the full scan of every linked posting did at
    each sync, and only the noted ones after that."""
    offer = _posting("recruitee", "acme:1")
    store.upsert([_posting("hackernews", "1")], now=now)
    store.upsert([offer], now=now + timedelta(days=30))
    store.set_canonical([(THREAD, None), (offer.id, THREAD)])  # (the older rule's choice)
    store.clear_unsettled()
    store.set_meta("settled_by", "closed, board (ashby,greenhouse,jsonld,lever), first seen, id")
    assert settle_canonicals(store) == 2
    assert _shown(store) == {offer.id: None, THREAD: offer.id}
    assert settle_canonicals(store) == 0 and not store.unsettled()
    store.set_canonical([(THREAD, None), (offer.id, THREAD)])
    store.clear_unsettled()  # (today's rule recorded: nothing noted is nothing read)
    assert settle_canonicals(store) == 0
