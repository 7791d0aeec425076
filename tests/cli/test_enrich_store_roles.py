"""``mljobs enrich --store`` reads a role posting of a post split per role (``<post id>/r<n>``)
as the import read it: through its post, as the raw document it was stored from holds it
(``reread.read_post``, ``enrich_each``), so that ``import`` then ``enrich --store`` leaves every
field as the import wrote it. Before, it read each role's own text as a whole post ("<picked
title> | <role title>", the other roles' spans not left out): over the corpus import it changed
the understanding of 198 of its 299 role postings, the archetype of 4.

A role whose post's raw document is gone is read from its own text, as before, and kept:
``enrich --store`` says so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from .parcelo import ROWS, cli, write_rows
from .test_role_ids import BACKEND, DATA, ML, POST_ID, _post

# (a role line of the header names the others: read alone, the Backend role's text is read
# as "Backend Engineer | ..." with no other role's span left out)
HEADER = "Parcelo | Berlin | Onsite | Backend Engineer, Machine Learning Engineer, Data Engineer"


def _enrichments(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        return {pid: (status, json.loads(e)) for pid, status, e in conn.execute(
            "SELECT id, status, enrichment FROM postings")}


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "s.sqlite3"
    text = _post(BACKEND, ML, DATA).replace("Parcelo | Berlin | Onsite", HEADER, 1)
    cli(db, "import", str(write_rows(tmp_path / "rows.jsonl", [{**ROWS[0], "text": text},
                                                                *ROWS[1:]])))
    return db


def test_enrich_store_leaves_the_roles_as_the_import_understood_them(tmp_path: Path) -> None:
    db = _store(tmp_path)
    imported = _enrichments(db)
    assert {f"{POST_ID}/r1", f"{POST_ID}/r2", f"{POST_ID}/r3"} <= set(imported)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert f"Enriched {len(imported)} postings" in said
    assert "own text" not in said
    assert _enrichments(db) == imported


def test_a_role_whose_post_document_is_gone_is_read_from_its_own_text(tmp_path: Path) -> None:
    db = _store(tmp_path)
    imported = _enrichments(db)
    with sqlite3.connect(db) as conn:  # (its raw document gone: a store mended by hand)
        (ref,) = conn.execute("SELECT raw_ref FROM postings WHERE id=?",
                              (f"{POST_ID}/r1",)).fetchone()
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM raw_documents WHERE sha256=?", (ref,))
    said = " ".join(cli(db, "enrich", "--store").split())
    assert ("3 role postings of 1 post split per role were read from their own text: the raw "
            "document their post was read from is gone") in said
    after = _enrichments(db)
    assert set(after) == set(imported)  # (nothing lost)
    for pid, (status, enrichment) in after.items():
        assert status == imported[pid][0] == "open"
        # (each keeps its post's list of roles; the other postings are read as the import did)
        assert enrichment.get("roles") == imported[pid][1].get("roles")
        if not pid.startswith(f"{POST_ID}/"):
            assert enrichment == imported[pid][1]


def test_a_post_stored_whole_beside_its_roles_that_no_longer_splits_closes_them(
        tmp_path: Path) -> None:
    """A store an mljobs older than the closing of roles that left their post wrote can hold
    an edited post whole (it names one role now) beside its roles, all open. ``enrich --store``
    gives the post's reading to ``upsert`` as an import does: its roles are closed, with their
    history, and the store is what an enriched import of the edited post makes. Before, the
    post was only understood again and its three roles stayed open."""
    from datetime import UTC, datetime

    from mljobs.dedupe import link_duplicates
    from mljobs.store import SQLiteStore

    from .parcelo import user_view
    from .test_role_ids import _import, _roles

    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    for store in (db, imported):
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
    _import(imported, tmp_path, "one", _post(ML))
    whole = tmp_path / "whole.sqlite3"
    _import(whole, tmp_path, "one", _post(ML), "--no-enrich")
    with SQLiteStore(whole) as source, SQLiteStore(db) as store:
        post = source.get(POST_ID)
        assert post is not None
        store.upsert([post.model_copy(update={"raw_ref": None})],  # (its file's row aside)
                     now=datetime(2026, 6, 2, tzinfo=UTC), touch=False)
        link_duplicates(store, [POST_ID])  # (as that import linked it)
    assert {status for _, status, _ in _roles(db).values()} == {"open"}
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "3 roles no longer in their post are closed." in said
    assert _roles(db) == _roles(imported)
    assert {status for _, status, _ in _roles(db).values()} == {"closed"}
    assert user_view(db) == user_view(imported)
