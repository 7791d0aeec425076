"""``mljobs enrich --store`` leaves a post it splits stored as a fresh import of the same rows
stores it: one posting per role and no whole post.

Before, the whole post stayed stored beside its roles and kept its link to the partner job
its Machine Learning role's text links to, so that role was not linked to it (a role never
joins its own post's cluster), search found the post as well as its roles, and the roles
were dated the day of `enrich --store`, not the day the post was stored."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.dedupe import link_duplicates
from mljobs.importer import import_file
from mljobs.models import Status
from mljobs.store import SQLiteStore

from ..sources.interrupts import SIGINT_AT_LINKING
from .parcelo import JOB, QUILL, cli, user_view, write_rows
from .parcelo import ROWS as PARCELO_ROWS

NOW = datetime(2026, 6, 1, tzinfo=UTC)
LATER = datetime(2026, 6, 9, tzinfo=UTC)
POST_ID = "hackernews:900501"
ROWS = [*PARCELO_ROWS, QUILL]


def test_enrich_store_leaves_the_store_as_a_fresh_import_does(tmp_path: Path) -> None:
    rows = write_rows(tmp_path / "rows.jsonl", ROWS)
    fresh, later = tmp_path / "fresh.sqlite3", tmp_path / "later.sqlite3"
    cli(fresh, "import", str(rows))
    cli(later, "import", str(rows), "--no-enrich")
    said = " ".join(cli(later, "enrich", "--store").split())
    assert "2 new role postings" in said
    assert "1 whole post is now stored as its roles" in said
    want = user_view(fresh)
    assert POST_ID not in want["postings"]  # (an import stores the roles only)
    assert f"{POST_ID}/r2" in {pid for _, pid in want["text_links"]}
    assert user_view(later) == want
    # a re-import without enrichment keeps the post split (pipeline.keep_split_posts)
    cli(later, "import", str(rows), "--no-enrich")
    assert user_view(later) == want


def test_the_roles_keep_what_the_store_held_of_the_post(tmp_path: Path) -> None:
    rows, db = write_rows(tmp_path / "rows.jsonl", ROWS), tmp_path / "s.sqlite3"
    with SQLiteStore(db) as store:  # (stored whole, as an older mljobs read it, then closed)
        link_duplicates(store, import_file(store, rows, now=NOW, enricher=None).changed_ids)
        assert store.get(POST_ID).canonical_id == "lever:nw-1"  # type: ignore[union-attr]
        store.close_open([POST_ID], now=LATER)
    cli(db, "enrich", "--store")
    with SQLiteStore(db) as store:
        assert store.get(POST_ID) is None
        for role in (f"{POST_ID}/r1", f"{POST_ID}/r2"):
            got = store.get(role)
            assert got is not None
            assert (got.first_seen, got.last_seen, got.status, got.closed_at) == (
                NOW, NOW, Status.CLOSED, LATER)
            assert [(c.kind, c.changed_at) for c in store.changes(role)] == [
                ("created", NOW.isoformat()), ("closed", LATER.isoformat())]
        assert store.changes(POST_ID) == []
    shown = CliRunner().invoke(app, ["--db", str(db), "show", POST_ID])  # (the post's id)
    assert shown.exit_code != 0
    assert "split into one posting per role" in " ".join(shown.output.split())
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM text_links WHERE posting_id=?",
                            (POST_ID,)).fetchone() == (0,)




def _indexed(index: Path) -> list[str]:
    with sqlite3.connect(index) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM doc_meta")]


def test_a_run_stopped_before_linking_leaves_it_to_the_next(tmp_path: Path) -> None:
    """Ctrl-C after the posts were replaced and before the roles were linked: the next run,
    which finds no post left to split, links them; the search index (which still held the
    removed post) drops it when it is next used, as it sees the store's removal
    (``SQLiteStore.removed_rev``)."""
    rows = write_rows(tmp_path / "rows.jsonl", ROWS)
    fresh, db = tmp_path / "fresh.sqlite3", tmp_path / "s.sqlite3"
    cli(fresh, "import", str(rows))
    cli(db, "import", str(rows), "--no-enrich")
    cli(db, "search", "Parcelo", "--engine", "fts5")  # (an index that holds the whole post)
    fts5 = tmp_path / "s.sqlite3.fts5.sqlite3"
    env = {**os.environ, "COLUMNS": "200"}
    stopped = subprocess.run([sys.executable, "-c", SIGINT_AT_LINKING, "--db", str(db), "enrich",
                              "--store"], env=env, capture_output=True, text=True, timeout=300,
                             check=False)
    assert stopped.returncode == 130, stopped.stderr
    assert ("the search index catches up at the next search. The posts split per role are "
            "linked when you run `mljobs enrich --store` again") in " ".join(
        (stopped.stdout + stopped.stderr).split())
    with SQLiteStore(db) as store:
        assert store.get(POST_ID) is None
        assert not store.text_linkers([JOB]).get(JOB)  # (not linked yet)
    assert POST_ID in _indexed(fts5)  # (the index has not caught up yet)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "no new role postings" in said
    cli(db, "search", "Parcelo", "--engine", "fts5")  # (it catches up: the post is gone)
    with SQLiteStore(db) as store:
        assert sorted(_indexed(fts5)) == sorted(p.id for _, p in store.iter_postings())
    assert user_view(db) == user_view(fresh)
    with SQLiteStore(db) as store:
        assert store.meta("replaced_posts_unlinked") is None
