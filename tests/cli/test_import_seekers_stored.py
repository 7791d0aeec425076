"""``mljobs import`` of Hacker News rows an older mljobs stored as jobs and this one reads as
job seekers' comments: closed, as ``sync`` closes them (tests/sources/test_sync_week.py), not
left open as jobs while the summary counts them as skipped."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import RawPosting, Status
from mljobs.normalize import normalize
from mljobs.sources.files import read_rows, row_to_raw
from mljobs.store import SQLiteStore

runner = CliRunner()
NOW = datetime(2026, 4, 20, 12, 0, tzinfo=UTC)  # (the clock: after the thread's comments)
THREAD = (Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "hackernews"
          / "algolia-item-47601859.json")  # April 2026: Oklo's post and two seekers' comments
SEEKERS = ["hackernews:47603496", "hackernews:47664663"]


def _rows(tmp_path: Path) -> Path:
    """The thread's top-level comments as HN item rows, as ``import`` reads them."""
    thread = json.loads(THREAD.read_text(encoding="utf-8"))
    rows = tmp_path / "april.jsonl"
    rows.write_text("".join(json.dumps({
        "id": c["id"], "source": "who_is_hiring", "text": c["text"],
        "thread_id": thread["id"], "time": c["created_at_i"]}) + "\n"
        for c in thread["children"]), encoding="utf-8")
    return rows


def _stored_as_older(db: Path, rows: Path) -> None:
    """Every row stored as a job, as an older mljobs whose rules read no seeker in them
    imported the file (the file reader's own rows and normalising: nothing made up)."""
    raws = [row_to_raw(row, path=str(rows), line=line) for line, row, _ in read_rows(rows)
            if not isinstance(row, Exception)]
    assert all(isinstance(r, RawPosting) for r in raws) and len(raws) == 3
    with SQLiteStore(db) as store:
        store.upsert([normalize(r) for r in raws], now=NOW - timedelta(days=1), touch=False)
        assert store.count(status="open") == 3


def test_an_import_closes_the_stored_comments_it_reads_as_seekers_now(tmp_path: Path) -> None:
    """Before, the import said "2 job seekers' comments skipped" and left both stored open:
    jobs in search, stats and the web app, though a sync of the same thread closes them."""
    rows, db = _rows(tmp_path), tmp_path / "db.sqlite3"
    _stored_as_older(db, rows)
    res = runner.invoke(app, ["--db", str(db), "import", str(rows), "--no-enrich"])
    assert res.exit_code == 0, res.output
    flat = " ".join(res.output.split())
    assert "2 job seekers' comments skipped" in flat, flat
    assert ("2 postings stored before are read as job seekers' comments now: closed, not "
            "deleted (their history says so).") in flat
    with SQLiteStore(db) as store:
        assert {pid: store.get(pid).status for pid in SEEKERS} == dict.fromkeys(
            SEEKERS, Status.CLOSED)
        assert store.get("hackernews:47603039").status == Status.OPEN  # Oklo's: a job
        assert store.count() == 3  # nothing deleted
        for pid in SEEKERS:
            assert [(c.kind, c.fields) for c in store.changes(pid)] == [
                ("created", []), ("closed", ["status", "seeker"])]
    again = runner.invoke(app, ["--db", str(db), "import", str(rows), "--no-enrich"])
    assert again.exit_code == 0, again.output
    assert "stored before are read as" not in again.output  # (closed already: said once)


def test_a_closed_seekers_comment_edited_into_a_post_of_roles_is_open_as_its_roles(
        tmp_path: Path) -> None:
    """A comment closed as a job seeker's, then edited into a post of two roles, imported
    (understood: stored per role): its roles are open, as the comment read whole is when its
    text changed ("reopened (status, imported): read as a job again"). Before, the roles took the
    stored comment's closing (``replace_split``) and were stored closed, "2 new", out of
    search, though read as jobs; a sync opened them (it lists them)."""
    rows, db = _rows(tmp_path), tmp_path / "db.sqlite3"
    _stored_as_older(db, rows)
    assert runner.invoke(app, ["--db", str(db), "import", str(rows), "--no-enrich"]).exit_code == 0
    desc = "You will own the services that route parcels across Europe and talk to carriers. "
    edited = ("Parcelo | Berlin | Onsite<p>Parcelo builds routing software for parcel "
              "carriers.<p>Backend Engineer<p>" + desc * 2 + "<p>Machine Learning Engineer<p>"
              + "You will train arrival-time models in PyTorch and ship them. " * 4
              + "<p>Apply: jobs@parcelo.example with your GitHub.")
    lines = [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if f"hackernews:{line['id']}" == SEEKERS[0]:
            line["text"] = edited
    rows.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    res = runner.invoke(app, ["--db", str(db), "import", str(rows)])
    assert res.exit_code == 0, res.output
    roles = [f"{SEEKERS[0]}/r1", f"{SEEKERS[0]}/r2"]
    with SQLiteStore(db) as store:
        assert store.get(SEEKERS[0]) is None  # (stored as its roles now)
        assert {pid: store.get(pid).status for pid in roles} == dict.fromkeys(roles, Status.OPEN)
        assert [(c.kind, c.fields) for c in store.changes(roles[0])] == [
            ("created", []), ("closed", ["status", "seeker"]),
            ("reopened", ["status", "imported"])]
        assert store.get(SEEKERS[1]).status == Status.CLOSED  # (the other seeker's: as it was)
    shown = runner.invoke(app, ["--db", str(db), "show", roles[1]])
    assert "reopened (status, imported): read as a job again" in " ".join(shown.output.split())
    again = runner.invoke(app, ["--db", str(db), "import", str(rows)])
    with SQLiteStore(db) as store:  # (a second import changes nothing)
        assert len(store.changes(roles[0])) == 3
    assert again.exit_code == 0, again.output
