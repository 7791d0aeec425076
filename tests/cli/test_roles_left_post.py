"""A Hacker News post stored as its roles whose text changes so that it names fewer roles, or
only one (it is no longer split), is stored as its new reading, and the roles no longer in it
are closed with their history kept, as a sync closes a posting its source no longer lists:
nothing is deleted (``SQLiteStore.upsert``'s ``all_roles``). A role that comes back into its
post opens again.

Before, an import of the edited post stored its new reading beside the old roles, which stayed
open: search found the old roles as well as the post, and the role whose text links to a
partner's job kept that link, so the post's new reading was not linked to it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mljobs.store import SQLiteStore

from .parcelo import JOB, POST, ROWS, cli, user_view, write_rows

POST_ID = "hackernews:900501"
ROLES = [f"{POST_ID}/r1", f"{POST_ID}/r2"]
# the post edited: its Backend Engineer role is gone, it names the Machine Learning one only
ONE_ROLE = ("Parcelo | Berlin | Onsite | Machine Learning Engineer\n\nParcelo builds routing "
            "software for parcel carriers.\n\n"
            + "You will train arrival-time models in PyTorch and ship them. " * 4
            + f"\n\nOur partner Northwind hires for this role too: {JOB}\n\n"
            "Apply: jobs@parcelo.example with your GitHub.")
_DATA = ("Data Engineer\n\n"
         + "You will build the pipelines that feed carrier scans into our warehouse. " * 3)
# the post with a third role, and then without it again
THREE_ROLES = POST.replace("\n\nApply:", "\n\n" + _DATA + "\n\nApply:")


def _rows(text: str) -> list[dict[str, Any]]:
    return [{**ROWS[0], "text": text}, *ROWS[1:]]


def _history(db: Path, pid: str) -> list[tuple[str, list[str]]]:
    with SQLiteStore(db) as store:
        return [(c.kind, c.fields) for c in store.changes(pid)]


def _files(folder: Path) -> tuple[Path, Path]:
    """The rows with the post that names two roles, and with the post edited to one."""
    return (write_rows(folder / "split.jsonl", _rows(POST)),
            write_rows(folder / "edited.jsonl", _rows(ONE_ROLE)))


def _open(view: dict[str, Any]) -> dict[str, Any]:
    return {pid: row for pid, row in view["postings"].items() if row[1] == "open"}


def test_roles_no_longer_in_their_post_are_closed_and_the_post_is_stored_whole(
        tmp_path: Path) -> None:
    split, edited = _files(tmp_path)
    fresh, later = tmp_path / "fresh.sqlite3", tmp_path / "later.sqlite3"
    cli(fresh, "import", str(edited))
    cli(later, "import", str(split))
    assert set(ROLES) <= set(user_view(later)["postings"])
    said = " ".join(cli(later, "import", str(edited)).split())
    assert "2 roles no longer in their post are closed." in said
    want, got = user_view(fresh), user_view(later)
    assert POST_ID in want["postings"]
    # (what is open is what a plain import of the edited post stores, linked alike)
    assert _open(got) == want["postings"]
    assert want["postings"][POST_ID][3] == "lever:nw-1"  # (the partner's job it links to)
    assert got["text_links"] == want["text_links"]
    for role in ROLES:  # (closed, with their history: nothing is deleted; out of clusters)
        status, _, canonical, also = got["postings"][role][1:]
        assert (status, canonical, also) == ("closed", None, [])
        assert _history(later, role) == [("created", []), ("closed", ["status", "post"])]
        assert role in got["search"]["engineer"][0]  # (found, marked closed)
    cli(later, "import", str(edited))  # (a second import changes nothing)
    assert user_view(later) == got
    cli(fresh, "import", str(split))  # (the roles back in the post: open again, as stored)
    cli(later, "import", str(split))
    assert user_view(later) == user_view(fresh)
    assert _history(later, ROLES[0]) == [("created", []), ("closed", ["status", "post"]),
                                         ("reopened", ["status"])]


@pytest.mark.parametrize("flags", [[], ["--no-enrich"]])
def test_a_role_gone_from_its_post_closes_and_opens_again_when_it_is_back(
        tmp_path: Path, flags: list[str]) -> None:
    """The same with ``--no-enrich``, which splits a post stored as its roles the same way
    (``keep_split_posts``)."""
    three, two = tmp_path / "three.jsonl", tmp_path / "two.jsonl"
    write_rows(three, _rows(THREE_ROLES))
    write_rows(two, _rows(POST))
    db = tmp_path / "s.sqlite3"
    cli(db, "import", str(three))
    third = f"{POST_ID}/r3"
    assert user_view(db)["postings"][third][:2] == ("Data Engineer", "open")
    assert "1 role no longer in its post is closed." in " ".join(
        cli(db, "import", str(two), *flags).split())
    got = user_view(db)["postings"]
    assert {pid: row[1] for pid, row in got.items() if pid.startswith(POST_ID)} == {
        ROLES[0]: "open", ROLES[1]: "open", third: "closed"}
    cli(db, "import", str(three), *flags)  # (the post names it again: open, history kept)
    assert user_view(db)["postings"][third][1] == "open"
    assert _history(db, third) == [("created", []), ("closed", ["status", "post"]),
                                   ("reopened", ["status"])]


def test_no_enrich_leaves_the_roles_of_a_post_that_no_longer_splits(tmp_path: Path) -> None:
    """``--no-enrich`` does not read a post stored as its roles that no longer splits: it
    stores nothing of it and closes nothing (an enriched import then does both)."""
    split, edited = _files(tmp_path)
    db = tmp_path / "s.sqlite3"
    cli(db, "import", str(split))
    before = user_view(db)
    cli(db, "import", str(edited), "--no-enrich")
    assert user_view(db) == before


def test_enrich_store_reopens_the_roles_of_a_post_that_splits_again(tmp_path: Path) -> None:
    """The post's text splits again but came back whole (``--no-enrich`` stores a post stored
    whole as it is): ``enrich --store`` replaces it by its roles and reopens them. Before,
    they stayed closed and the post was removed: nothing of it was open."""
    split, edited = _files(tmp_path)
    db, fresh = tmp_path / "s.sqlite3", tmp_path / "fresh.sqlite3"
    cli(fresh, "import", str(split))
    cli(db, "import", str(split))
    cli(db, "import", str(edited))
    cli(db, "import", str(split), "--no-enrich")
    assert {pid: row[1] for pid, row in user_view(db)["postings"].items()
            if pid.startswith(POST_ID)} == {POST_ID: "open", ROLES[0]: "closed",
                                            ROLES[1]: "closed"}
    cli(db, "enrich", "--store")
    assert user_view(db) == user_view(fresh)
    assert [kind for kind, _ in _history(db, ROLES[1])] == ["created", "closed", "reopened"]


def test_a_role_back_in_its_post_and_closed_with_it_stays_among_the_postings_linked(
        tmp_path: Path) -> None:
    """The Data Engineer role left the post, came back, and then closed with the post (as a
    sync closes what its source no longer lists): it is a role of the post, closed, not one
    that left it, for the duplicate linking (``dedupe_rows``) as for ``left_post``, which the
    pages and ``import`` ask. (The linking left out any closed role that had ever left its
    post, by a rule of its own.) A role that left and stayed out is left out of both."""
    three, two = tmp_path / "three.jsonl", tmp_path / "two.jsonl"
    write_rows(three, _rows(THREE_ROLES))
    write_rows(two, _rows(POST))
    db, stayed_out = tmp_path / "s.sqlite3", tmp_path / "out.sqlite3"
    third = f"{POST_ID}/r3"
    for store, steps in ((db, (three, two, three)), (stayed_out, (three, two))):
        for rows in steps:
            cli(store, "import", str(rows))
        with SQLiteStore(store) as st:
            st.close_open([*ROLES, third], now=datetime(2026, 1, 5, tzinfo=UTC))
    with SQLiteStore(db) as st:
        assert st.get(third).status.value == "closed"  # type: ignore[union-attr]
        assert st.left_post([third]) == []
        assert third in {row[0] for row in st.dedupe_rows()}
    with SQLiteStore(stayed_out) as st:
        assert st.left_post([third]) == [third]
        assert third not in {row[0] for row in st.dedupe_rows()}
