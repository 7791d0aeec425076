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
