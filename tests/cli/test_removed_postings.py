"""A post stored whole (by ``import --no-enrich``) that an enriched import then splits per role
is stored as a plain import stores it: its roles, no whole post (``SQLiteStore.upsert``'s
``split``). The removal is seen by what is derived from the store: each search engine's index
and the match index drop the post when they next catch up (``SQLiteStore.removed_rev``).

Before, the whole post stayed beside its roles, linked to the partner's job that its Machine
Learning role's text links to (so that role was not), and search found it; an index or the
match cache that caught up by the store's revisions never learned that a posting was gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mljobs.dedupe import link_duplicates
from mljobs.importer import import_file
from mljobs.index import ENGINES
from mljobs.pipeline import default_enricher
from mljobs.store import SQLiteStore

from ..sources.interrupts import SIGINT_AT_LINKING
from .parcelo import QUILL, ROWS, cli, user_view, write_rows

POST_ID = "hackernews:900501"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
RESUME = ("Machine learning engineer. I train arrival-time models in PyTorch and ship them to "
          "production; parcel routing, Python, SQL, churn models.\n\nExperience\n\n"
          "ML Engineer, Carrierly, 2019-2025: arrival-time models in PyTorch.\n")


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_an_import_stores_a_post_stored_whole_as_a_plain_import_does(
        tmp_path: Path, engine: str) -> None:
    rows = write_rows(tmp_path / "rows.jsonl", [*ROWS, QUILL])
    fresh, later = tmp_path / "fresh.sqlite3", tmp_path / "later.sqlite3"
    cli(fresh, "import", str(rows))
    cli(later, "import", str(rows), "--no-enrich")
    before = user_view(later, engine)  # (an index of the engine that holds the whole post)
    assert POST_ID in before["postings"]
    said = " ".join(cli(later, "import", str(rows)).split())
    assert "1 whole post is now stored as its roles, as an import stores them." in said
    want = user_view(fresh, engine)
    assert POST_ID not in want["postings"]  # (a plain import stores the roles only)
    assert f"{POST_ID}/r2" in {pid for _, pid in want["text_links"]}
    assert user_view(later, engine) == want
    cli(later, "import", str(rows))  # (once is enough: a second import changes nothing)
    assert user_view(later, engine) == want


def _ids(output: str, key: str) -> list[str]:
    return [hit["id"] for hit in json.loads(output)[key]]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_search_and_match_forget_a_removed_posting(tmp_path: Path, engine: str) -> None:
    """The post alone (no partner job: it is nobody's duplicate, so search and match list it),
    stored whole among enriched postings, then split by an enriched import: neither the
    search index nor the match cache, each brought up to date from where it was (the cache
    in memory and on disk: few postings changed), lists it after."""
    db = tmp_path / "s.sqlite3"
    others = [{**QUILL, "id": f"gd-{n}", "company": f"Quill {n}"} for n in range(14)]
    cli(db, "import", str(write_rows(tmp_path / "others.jsonl", others)))
    post = write_rows(tmp_path / "post.jsonl", [ROWS[0]])
    cli(db, "import", str(post), "--no-enrich")
    resume = tmp_path / "resume.md"
    resume.write_text(RESUME, encoding="utf-8")

    def found() -> tuple[list[str], list[str]]:
        hits = _ids(cli(db, "search", "Parcelo", "--json", "--engine", engine), "hits")
        matched = [m["id"] for m in json.loads(
            cli(db, "match", str(resume), "--limit", "50", "--json"))["results"]]
        return hits, matched

    hits, matched = found()
    assert POST_ID in hits and POST_ID in matched
    assert (tmp_path / "s.sqlite3.match.npz").exists()
    cli(db, "import", str(post))
    hits, matched = found()
    assert POST_ID not in hits and POST_ID not in matched
    assert f"{POST_ID}/r1" in hits and f"{POST_ID}/r2" in matched


def test_an_import_stopped_before_linking_leaves_the_roles_to_the_next(tmp_path: Path) -> None:
    """Ctrl-C after the import replaced the post (one transaction with its roles) and before
    it linked them: the roles are owed to the next run that links (their revisions are past
    the store's ``unlinked_after_rev``), which leaves the store as a plain import does."""
    rows = write_rows(tmp_path / "rows.jsonl", [*ROWS, QUILL])
    fresh, db = tmp_path / "fresh.sqlite3", tmp_path / "s.sqlite3"
    cli(fresh, "import", str(rows))
    cli(db, "import", str(rows), "--no-enrich")
    stopped = subprocess.run(
        [sys.executable, "-c", SIGINT_AT_LINKING, "--db", str(db), "import", str(rows)],
        env={**os.environ, "COLUMNS": "200"}, capture_output=True, text=True, timeout=300,
        check=False)
    assert stopped.returncode == 130, stopped.stderr
    with SQLiteStore(db) as store:
        assert store.get(POST_ID) is None
        assert store.get(f"{POST_ID}/r2").canonical_id is None  # type: ignore[union-attr]
        assert store.meta("unlinked_after_rev") is not None
    cli(db, "import", str(rows))
    assert user_view(db) == user_view(fresh)


@pytest.mark.parametrize("command", [["import", "rows.jsonl"], ["enrich", "--store"]])
def test_a_post_left_beside_its_roles_is_removed(tmp_path: Path, command: list[str]) -> None:
    """A store an earlier mljobs left holding the whole post beside its roles (an enriched
    import or sync stored the roles and kept the post): the next enriched import, or
    ``enrich --store``, removes the post, and the store is as a plain import leaves it."""
    rows = write_rows(tmp_path / "rows.jsonl", [*ROWS, QUILL])
    fresh, db = tmp_path / "fresh.sqlite3", tmp_path / "s.sqlite3"
    cli(fresh, "import", str(rows))
    with SQLiteStore(db) as store:  # (what the import path stored before: roles beside the post)
        link_duplicates(store, import_file(store, rows, now=NOW, enricher=None).changed_ids)
        roles = default_enricher()([store.get(POST_ID)])  # type: ignore[list-item]
        assert [r.id for r in roles] == [f"{POST_ID}/r1", f"{POST_ID}/r2"]
        link_duplicates(store, store.upsert(roles, now=NOW, touch=False).ids)
    left = user_view(db)["postings"]
    assert {POST_ID, f"{POST_ID}/r1", f"{POST_ID}/r2"} <= set(left)
    assert left[POST_ID][3] == "lever:nw-1" and left[f"{POST_ID}/r2"][3] is None
    said = " ".join(cli(db, *[str(rows) if a == "rows.jsonl" else a for a in command]).split())
    assert "1 whole post is now stored as its roles" in said
    assert user_view(db) == user_view(fresh)
