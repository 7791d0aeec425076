"""A role keeps its id in one place: ``SQLiteStore.upsert(..., all_roles=True)`` stores the roles
of a post's new reading, numbered by their place (``<post id>/r1``, ``/r2``, ...), under the ids
of the stored roles they are (``dedupe.match_roles``), whoever calls it. Before, each caller
(import, sync, ``--no-enrich``, ``enrich --store``) had to rename them first
(``pipeline.keep_role_ids``); the store given a reading by place stored each role under its
place, so a post that dropped its first role had ``/r1`` re-titled with the next role's job."""

from __future__ import annotations

from datetime import timedelta

from mljobs.models import Posting
from mljobs.store import SQLiteStore

POST = "hackernews:1"
SHARED = "Acme builds parcel routing software in Berlin, founded 2019, 40 people, Series B. "
GO = "You will write the Go services that route parcels and own their uptime and on-call rota."
TORCH = "You will train arrival-time models in PyTorch and ship them, and own the retraining."
SQL = "You will build the pipelines that load carrier scans into the warehouse with dbt."
STATS = "You will study which routes run late and tell the carriers why, in SQL and Python."


def reading(*roles: tuple[str, str]) -> list[Posting]:
    """A reading of the post: its roles numbered by their place, as the understanding step
    splits a post."""
    return [Posting(id=f"{POST}/r{n}", source="hackernews", source_id=f"1/r{n}", title=title,
                    company="Acme", url="https://news.ycombinator.com/item?id=1",
                    description_text=SHARED + title + ". " + own)
            for n, (title, own) in enumerate(roles, 1)]


BACKEND, ML, DATA = ("Backend Engineer", GO), ("ML Engineer", TORCH), ("Data Engineer", SQL)


def _titles(store: SQLiteStore) -> dict[str, tuple[str, str]]:
    return {pid.removeprefix(POST): (p.title, p.status.value)
            for pid, p in store.get_many([f"{POST}/r{n}" for n in range(1, 6)]).items()}


def test_the_store_keeps_each_roles_id_whatever_its_place(store: SQLiteStore, now) -> None:
    first = store.upsert(reading(BACKEND, ML, DATA), now=now, touch=False, all_roles=True)
    assert first.renamed == {}  # (a first reading is numbered by place)
    edited = store.upsert(reading(DATA, ML), now=now + timedelta(days=1), touch=False,
                          all_roles=True)
    assert edited.renamed == {f"{POST}/r1": f"{POST}/r3"}
    assert (edited.new, edited.updated, edited.unchanged) == (0, 0, 2)
    assert edited.closed == [f"{POST}/r1"]
    assert _titles(store) == {"/r1": ("Backend Engineer", "closed"),
                              "/r2": ("ML Engineer", "open"), "/r3": ("Data Engineer", "open")}
    # (a new role takes a number the post never used; one back in the post opens under its id)
    back = store.upsert(reading(("Data Scientist", STATS), BACKEND, ML, DATA),
                        now=now + timedelta(days=2), touch=False, all_roles=True)
    assert back.renamed == {f"{POST}/r1": f"{POST}/r4", f"{POST}/r2": f"{POST}/r1",
                            f"{POST}/r3": f"{POST}/r2", f"{POST}/r4": f"{POST}/r3"}
    assert _titles(store) == {"/r1": ("Backend Engineer", "open"),
                              "/r2": ("ML Engineer", "open"), "/r3": ("Data Engineer", "open"),
                              "/r4": ("Data Scientist", "open")}
    assert [c.kind for c in store.changes(f"{POST}/r1")] == ["created", "closed", "reopened"]
    got = store.get(f"{POST}/r4")
    assert got is not None and got.source_id == "1/r4"


def test_without_all_roles_the_store_takes_the_ids_it_is_given(store: SQLiteStore, now) -> None:
    """A batch that does not hold every role of its posts is no new reading of them: nothing
    is matched, nothing closed."""
    store.upsert(reading(BACKEND, ML), now=now, touch=False, all_roles=True)
    partial = store.upsert(reading(ML), now=now + timedelta(days=1), touch=False)
    assert (partial.renamed, partial.closed, partial.updated) == ({}, [], 1)
    assert _titles(store) == {"/r1": ("ML Engineer", "open"), "/r2": ("ML Engineer", "open")}
