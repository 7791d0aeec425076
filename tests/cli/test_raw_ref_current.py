"""A posting an import holds unchanged names the newest raw document that holds it
(``raw_ref``): the row it was read from this time, not the one it was first stored from. It
gets no new revision, history entry or status: a closed posting stays closed. So the unchanged
roles of an edited post name the post's new text, which ``enrich --store`` reads them through
(``reread.read_post``) and ``reread_locations`` reads their places from. Before, they named the
older row: a role that is still in its post was read through a text the post no longer has."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mljobs.models import role_post
from mljobs.store import SQLiteStore
from mljobs.store.reread import read_post

from .parcelo import ROWS, cli, write_rows
from .test_role_ids import BACKEND, DATA, ML, POST_ID, SCIENCE, _import, _post


def _rows(db: Path) -> dict[str, tuple[Any, ...]]:
    """Each posting's status, raw_ref, rev, enrichment and history entries."""
    with sqlite3.connect(db) as conn:
        return {pid: (status, ref, rev, enrichment,
                      [k for (k,) in conn.execute("SELECT kind FROM posting_changes WHERE "
                                                  "posting_id=? ORDER BY id", (pid,))])
                for pid, status, ref, rev, enrichment in conn.execute(
                    "SELECT id, status, raw_ref, rev, enrichment FROM postings")}


def _documents(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {sha for (sha,) in conn.execute("SELECT sha256 FROM raw_documents")}


def test_a_row_written_again_moves_raw_ref_and_nothing_else(tmp_path: Path) -> None:
    """The same rows, written elsewhere with their keys in another order: new raw documents,
    the same postings."""
    db = tmp_path / "s.sqlite3"
    cli(db, "import", str(write_rows(tmp_path / "a.jsonl", ROWS)))
    before, docs = _rows(db), _documents(db)
    said = " ".join(cli(db, "import", str(write_rows(
        tmp_path / "b.jsonl", [dict(reversed(list(r.items()))) for r in ROWS]))).split())
    assert f"│ b.jsonl │ 2 │ 0 │ 0 │ {len(before)} │" in said  # (new, updated, unchanged)
    after, new = _rows(db), _documents(db) - docs
    assert set(after) == set(before) and len(new) == 2
    for pid, (status, ref, rev, enrichment, history) in after.items():
        assert ref in new and ref != before[pid][1]
        assert (status, rev, enrichment, history) == (before[pid][0], *before[pid][2:])
    with SQLiteStore(db) as store:  # (the posting read back names it too)
        assert {pid: getattr(store.get(pid), "raw_ref", None) for pid in after} == {
            pid: row[1] for pid, row in after.items()}


def test_an_edited_posts_unchanged_roles_name_its_new_text(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    with SQLiteStore(db) as store:  # (closed as a sync closes a posting its source dropped)
        store.close_open([f"{POST_ID}/r1"], now=datetime(2026, 1, 5, tzinfo=UTC))
    first = _rows(db)
    said = _import(db, tmp_path, "edited", _post(BACKEND, ML, SCIENCE))
    assert "1 role no longer in its post is closed." in said
    after = _rows(db)
    new_ref = after[f"{POST_ID}/r4"][1]  # (the Data Scientist role: new)
    assert new_ref not in {first[f"{POST_ID}/r{n}"][1] for n in (1, 2, 3)}
    # (the unchanged roles name the edited text; the role that left it, the text it was in)
    assert [after[f"{POST_ID}/r{n}"][1] for n in (1, 2)] == [new_ref, new_ref]
    assert after[f"{POST_ID}/r3"][1] == first[f"{POST_ID}/r3"][1]
    # (no history entry, and the closed role stays closed)
    assert after[f"{POST_ID}/r1"][0] == "closed"
    assert after[f"{POST_ID}/r1"][4] == first[f"{POST_ID}/r1"][4] == ["created", "closed"]
    assert after[f"{POST_ID}/r2"][4] == ["created"]
    # ``enrich --store`` reads each of them through the post as it is now, and leaves every
    # field as the import wrote it
    with SQLiteStore(db) as store:
        role = store.get(f"{POST_ID}/r2")
        assert role is not None
        post = read_post(store, role.raw_ref, role_post(role.source_id) or "", role.source, {})
    assert post is not None and "Data Scientist" in post.description_text
    assert "Data Engineer" not in post.description_text
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "own text" not in said
    assert {pid: (r[0], r[1], json.loads(r[3]), r[4]) for pid, r in _rows(db).items()} == {
        pid: (r[0], r[1], json.loads(r[3]), r[4]) for pid, r in after.items()}
