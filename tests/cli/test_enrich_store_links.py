"""``mljobs enrich --store`` links the role postings it splits a stored post into, as a sync or
import that stores them does.

Before, the new role postings were stored with the post's own stored link and never passed to
the linking step: a post held as a duplicate of the job its Machine Learning role links to (a
partner's Lever job) gave that link to its Backend Engineer role too, hidden from search as a
duplicate of a job it is not; and no role's text links were kept (``text_links``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.dedupe import link_duplicates
from mljobs.importer import import_file
from mljobs.store import SQLiteStore

from .parcelo import JOB, ROWS

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _links(store: SQLiteStore) -> dict[str, str]:
    return {pid: canonical for pid, *_, canonical, _seen in store.dedupe_rows() if canonical}


def test_the_roles_a_re_enrichment_splits_a_post_into_are_linked_anew(tmp_path: Path) -> None:
    rows, db = tmp_path / "rows.jsonl", tmp_path / "s.sqlite3"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    with SQLiteStore(db) as store:  # (the post stored whole, as an older mljobs read it)
        report = import_file(store, rows, now=NOW, enricher=None)
        link_duplicates(store, report.changed_ids)
        assert _links(store) == {"hackernews:900501": "lever:nw-1"}
    res = CliRunner().invoke(app, ["--db", str(db), "enrich", "--store"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "2 new role postings" in " ".join(res.output.split())
    with SQLiteStore(db) as store:
        links = _links(store)
        roles = {store.get(pid).title: pid for pid in ("hackernews:900501/r1", "hackernews:900501/r2")}
        assert set(roles) == {"Backend Engineer", "Machine Learning Engineer"}
        assert roles["Backend Engineer"] not in links  # (before: a duplicate of Northwind's job)
        assert "lever:nw-1" not in links
        assert roles["Machine Learning Engineer"] in store.text_linkers([JOB])[JOB]
