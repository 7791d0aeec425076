"""A role of a Hacker News post stored as its roles keeps its id when the post is edited: the
roles of the post's new reading are matched to its stored roles (the same title, then a title
changed a little, then nearly the same text: ``dedupe.match_roles``), a new role takes a number
past the highest the post has used, and a role no longer in the post is closed with its history
(``SQLiteStore.upsert``'s ``all_roles``, on the import, ``--no-enrich`` and ``enrich --store``
paths).

Before, roles were numbered by their place in the post: a post that dropped its first role
updated ``/r1`` with the Machine Learning role's text and ``/r2`` with the Data role's, and
closed ``/r3``: the posting a user kept as "Backend Engineer" became another job under the same
id, and the Backend role that had gone stayed open under another."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore
from mljobs.web import create_app

from .parcelo import _DUTIES, JOB, ROWS, cli, user_view, write_rows
from .test_roles_left_post import ONE_ROLE

POST_ID = "hackernews:900501"
_HEAD = "Parcelo | Berlin | Onsite\n\nParcelo builds routing software for parcel carriers.\n\n"
_TAIL = "\n\nApply: jobs@parcelo.example with your GitHub."
BACKEND = "Backend Engineer\n\n" + _DUTIES * 2
ML = ("Machine Learning Engineer\n\n"
      + "You will train arrival-time models in PyTorch and ship them. " * 4
      + f"\n\nOur partner Northwind hires for this role too: {JOB}")
DATA = ("Data Engineer\n\n"
        + "You will build the pipelines that feed carrier scans into our warehouse. " * 3)
SCIENCE = ("Data Scientist\n\n" + "You will study which routes run late and tell the carriers "
           "why, in SQL and Python. " * 3)
# (the Machine Learning role's title changed a little)
SENIOR_ML = ML.replace("Machine Learning Engineer", "Senior Machine Learning Engineer", 1)


def _post(*blocks: str) -> str:
    return _HEAD + "\n\n".join(blocks) + _TAIL


def _import(db: Path, folder: Path, name: str, text: str, *flags: str) -> str:
    """Import the Parcelo rows with the post's text ``text``; what the import said."""
    rows = write_rows(folder / f"{name}.jsonl", [{**ROWS[0], "text": text}, *ROWS[1:]])
    return " ".join(cli(db, "import", str(rows), *flags).split())


def _roles(db: Path) -> dict[str, tuple[str, str, list[str]]]:
    """The post's role postings: title, status, and the kinds of their history's entries."""
    with SQLiteStore(db) as store:
        return {p.id.removeprefix(POST_ID): (p.title, p.status.value,
                                             [c.kind for c in store.changes(p.id)])
                for _, p in store.iter_postings() if p.id.startswith(f"{POST_ID}/")}


THREE = {"/r1": ("Backend Engineer", "open", ["created"]),
         "/r2": ("Machine Learning Engineer", "open", ["created"]),
         "/r3": ("Data Engineer", "open", ["created"])}


@pytest.mark.parametrize("flags", [[], ["--no-enrich"]])
def test_a_post_that_drops_its_first_role_closes_that_role_and_keeps_the_others(
        tmp_path: Path, flags: list[str]) -> None:
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    assert _roles(db) == THREE
    said = _import(db, tmp_path, "dropped", _post(ML, DATA), *flags)
    assert "1 role no longer in its post is closed." in said
    assert _roles(db) == {**THREE, "/r1": ("Backend Engineer", "closed", ["created", "closed"])}
    # (the Machine Learning role keeps its link to the partner's job)
    assert user_view(db)["postings"][f"{POST_ID}/r2"][3] == "lever:nw-1"
    # (a first import of the edited post numbers its roles by their place, as ever)
    fresh = tmp_path / "fresh.sqlite3"
    _import(fresh, tmp_path, "dropped", _post(ML, DATA))
    assert _roles(fresh) == {"/r1": ("Machine Learning Engineer", "open", ["created"]),
                             "/r2": ("Data Engineer", "open", ["created"])}


def test_a_post_whose_roles_change_places_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    before = user_view(db)
    said = _import(db, tmp_path, "reordered", _post(DATA, BACKEND, ML))
    assert "closed" not in said
    assert _roles(db) == THREE
    assert user_view(db) == before


def test_a_role_renamed_a_little_keeps_its_id_and_is_updated(tmp_path: Path) -> None:
    """Renamed and moved to the top of the post: still ``/r2``, its text updated."""
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(db, tmp_path, "renamed", _post(SENIOR_ML, BACKEND, DATA))
    assert _roles(db) == {
        **THREE, "/r2": ("Senior Machine Learning Engineer", "open", ["created", "updated"])}
    with SQLiteStore(db) as store:
        assert store.changes(f"{POST_ID}/r2")[-1].fields == ["title", "description_text"]


def test_a_new_role_takes_a_number_the_post_never_used(tmp_path: Path) -> None:
    """Added to the post, and in the place of a role that left it: a number past the highest
    the post has used, never a closed role's. The role that left takes its own id back when
    the post names it again."""
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(db, tmp_path, "added", _post(BACKEND, ML, DATA, SCIENCE))
    assert _roles(db) == {**THREE, "/r4": ("Data Scientist", "open", ["created"])}
    said = _import(db, tmp_path, "swapped", _post(SCIENCE, ML, DATA))
    assert "1 role no longer in its post is closed." in said
    assert _roles(db) == {**THREE, "/r1": ("Backend Engineer", "closed", ["created", "closed"]),
                          "/r4": ("Data Scientist", "open", ["created"])}
    _import(db, tmp_path, "back", _post(ML, BACKEND, DATA))
    assert _roles(db) == {
        **THREE, "/r1": ("Backend Engineer", "open", ["created", "closed", "reopened"]),
        "/r4": ("Data Scientist", "closed", ["created", "closed"])}
    _import(db, tmp_path, "more", _post(BACKEND, ML, DATA, SENIOR_ML.replace(
        "Senior Machine Learning Engineer", "Platform Engineer", 1).replace("PyTorch", "Go")))
    assert set(_roles(db)) == {"/r1", "/r2", "/r3", "/r4", "/r5"}
    assert _roles(db)["/r5"] == ("Platform Engineer", "open", ["created"])


def test_enrich_store_gives_a_post_split_again_its_roles_ids(tmp_path: Path) -> None:
    """A post stored whole (its text named one role) in the place of its closed roles, whose
    text names some of them again (``--no-enrich`` stores it whole, as it is): ``enrich
    --store`` splits it, and those roles open again under their ids."""
    db, plain = tmp_path / "s.sqlite3", tmp_path / "plain.sqlite3"
    for store in (db, plain):
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(db, tmp_path, "one", ONE_ROLE)
    _import(db, tmp_path, "two", _post(ML, DATA), "--no-enrich")
    assert POST_ID in user_view(db)["postings"]
    cli(db, "enrich", "--store")
    _import(plain, tmp_path, "two", _post(ML, DATA))
    assert POST_ID not in user_view(db)["postings"]
    assert _roles(db) == {
        "/r1": ("Backend Engineer", "closed", ["created", "closed"]),
        "/r2": ("Machine Learning Engineer", "open", ["created", "closed", "reopened"]),
        "/r3": ("Data Engineer", "open", ["created", "closed", "reopened"])}
    assert {k: v[:2] for k, v in _roles(db).items()} == {
        k: v[:2] for k, v in _roles(plain).items()}


def test_the_posting_page_links_each_role_of_the_post_by_its_id(tmp_path: Path) -> None:
    """The page of a role lists the roles of its post, each linked to its own posting, however
    their numbers fall now (before: a post's role postings were read in number order as the
    post lists them, and once they did not, no other role was linked)."""
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(db, tmp_path, "edited", _post(SCIENCE, DATA, ML))
    with TestClient(create_app(db)) as client:
        response = client.get(f"/posting/{POST_ID}/r2")
        assert response.status_code == 200
        items = BeautifulSoup(response.text, "html.parser").select("ul.roles li")
        links = [(li.text, a["href"] if (a := li.find("a")) else None) for li in items]
    assert links == [("Data Scientist", f"/posting/{POST_ID}%2Fr4"),
                     ("Data Engineer", f"/posting/{POST_ID}%2Fr3"),
                     ("Machine Learning Engineer (this posting)", None)]


def test_the_post_page_lists_the_roles_the_post_lists_now_in_its_order(tmp_path: Path) -> None:
    """The page of the post's own id (``/posting/<post id>``), ``mljobs show <post id>`` and
    ``/api/postings/<post id>`` list the roles as the post lists them now, and those that left
    it apart, closed. Before, all of them in number order, a role that left among the others
    as if the post still named it (Backend Engineer first, Data Scientist last)."""
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(db, tmp_path, "edited", _post(SCIENCE, DATA, ML))
    now = [(f"{POST_ID}/r4", "Data Scientist"), (f"{POST_ID}/r3", "Data Engineer"),
           (f"{POST_ID}/r2", "Machine Learning Engineer")]
    left = [(f"{POST_ID}/r1", "Backend Engineer")]

    def page(client: TestClient) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
        response = client.get(f"/posting/{POST_ID}")
        assert response.status_code == 200
        soup = BeautifulSoup(response.text, "html.parser")
        return (" ".join(soup.h1.text.split()) if soup.h1 else "",
                *([(" ".join(li.text.split()), li.a["href"]) for li in soup.select(f"ul.{kind} li")]
                  for kind in ("roles", "roles-left")))

    def href(pid: str) -> str:
        return f"/posting/{pid.replace('/', '%2F')}"

    def marked_roles(client: TestClient) -> list[str]:  # (the role page's list of the post's roles)
        response = client.get(f"/posting/{POST_ID}/r2")
        return [li.text for li in BeautifulSoup(response.text, "html.parser").select("ul.roles li")]

    with TestClient(create_app(db)) as client:
        assert page(client) == ("One post, 3 roles",
                                [(f"{t} {pid}", href(pid)) for pid, t in now],
                                [(f"{t} {pid}", href(pid)) for pid, t in left])
        error = client.get(f"/api/postings/{POST_ID}").json()["error"]
    named = "; ".join(f"{pid} ({t})" for pid, t in now)
    assert error.endswith(f"ask for one of: {named}; no longer in the post: "
                          f"{POST_ID}/r1 (Backend Engineer)")
    res = CliRunner().invoke(app, ["--db", str(db), "show", POST_ID])
    assert res.exit_code == 1
    assert (f"show one of: {named}; no longer in the post: {POST_ID}/r1 (Backend Engineer)"
            in " ".join(res.output.split()))
    # (``enrich --store`` reads each role again from its own text, which names only some of
    # the post's roles: the post's list is kept, and the pages with it)
    with TestClient(create_app(db)) as client:
        before = page(client), marked_roles(client)
    cli(db, "enrich", "--store")
    with TestClient(create_app(db)) as client:
        assert (page(client), marked_roles(client)) == before
    # (the post gone from its source, its roles closed with it, as a sync closes them: marked
    # closed, in the post's order still; the one that left it still apart)
    with SQLiteStore(db) as store:
        store.close_open([pid for pid, _ in now], now=datetime(2026, 6, 9, tzinfo=UTC))
    with TestClient(create_app(db)) as client:
        assert page(client)[1:] == ([(f"{t} {pid} closed", href(pid)) for pid, t in now],
                                    [(f"{t} {pid}", href(pid)) for pid, t in left])


@pytest.mark.parametrize("flags", [[], ["--no-enrich"]])
@pytest.mark.parametrize(("earlier", "later"), [
    ((ML, DATA), (BACKEND, ML, DATA, SCIENCE)),
    ((SCIENCE, BACKEND), (DATA, ML)),
    ((BACKEND, ML, DATA), (ML, BACKEND)),
])
def test_a_file_that_holds_the_post_twice_stores_its_later_row(
        tmp_path: Path, flags: list[str], earlier: tuple[str, ...], later: tuple[str, ...]) -> None:
    """The same post twice in one file, with different texts (and the partner's job twice):
    the later row is stored, its roles matched to the stored ones, as an import of that row
    alone stores it. Before, both readings were matched to the stored roles together and took
    each other's ids: "Machine Learning Engineer" stored under ``/r1`` and ``/r2``, the
    Backend role's posting re-titled, or a role of the earlier reading left open."""
    db, alone = tmp_path / "s.sqlite3", tmp_path / "alone.sqlite3"
    for store in (db, alone):
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
    nw = {**ROWS[1], "text": "Train arrival-time models in JAX at Northwind, remote."}
    twice = write_rows(tmp_path / "twice.jsonl", [
        {**ROWS[0], "text": _post(*earlier)}, ROWS[1], {**ROWS[0], "text": _post(*later)}, nw])
    said = " ".join(cli(db, "import", str(twice), *flags).split())
    cli(alone, "import", str(write_rows(tmp_path / "later.jsonl", [
        {**ROWS[0], "text": _post(*later)}, nw])), *flags)
    assert _roles(db) == _roles(alone)
    assert user_view(db) == user_view(alone)
    titles = [title for title, status, _ in _roles(db).values() if status == "open"]
    assert sorted(titles) == sorted(block.split("\n", 1)[0] for block in later)
    assert ("closed" in said) == (len(_roles(db)) > len(later))


@pytest.mark.parametrize("store_whole", [False, True])
def test_enrich_store_closes_the_roles_a_post_it_splits_no_longer_names(
        tmp_path: Path, store_whole: bool) -> None:
    """The post edited to drop its Backend role, imported ``--no-enrich``, then ``enrich
    --store``: the Backend role is closed with its history, as an enriched import of the edited
    post closes it, and the store is what that import makes. ``--no-enrich`` closes it itself
    when the post still splits; ``enrich --store`` closes it when the post is stored whole
    beside its open roles, as mljobs stored an edited post before roles that left their post
    were closed (``store_whole``). Before, ``enrich --store`` left that role open."""
    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    for store in (db, imported):
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(imported, tmp_path, "dropped", _post(ML, DATA))
    if store_whole:
        whole = tmp_path / "whole.sqlite3"
        _import(whole, tmp_path, "dropped", _post(ML, DATA), "--no-enrich")
        with SQLiteStore(whole) as source, SQLiteStore(db) as store:
            post = source.get(POST_ID)
            assert post is not None
            store.upsert([post.model_copy(update={"raw_ref": None})],  # (its file's row aside)
                         now=datetime(2026, 6, 2, tzinfo=UTC), touch=False)
        assert user_view(db)["postings"][f"{POST_ID}/r1"][1] == "open"
    else:
        _import(db, tmp_path, "dropped", _post(ML, DATA), "--no-enrich")
    said = " ".join(cli(db, "enrich", "--store").split())
    assert ("1 role no longer in its post is closed." in said) == store_whole
    assert _roles(db) == _roles(imported) == {
        **THREE, "/r1": ("Backend Engineer", "closed", ["created", "closed"])}
    with SQLiteStore(db) as store:
        assert store.changes(f"{POST_ID}/r1")[-1].fields == ["status", "post"]
    assert user_view(db) == user_view(imported)
