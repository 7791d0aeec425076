"""``mljobs enrich --store`` after an upgrade that changes how posts are split: a post stored as
its roles is split again as its raw document reads now, as an import of that document would
store it (the roles' texts updated, ids kept by ``SQLiteStore.upsert``, a role the new reading
does not hold closed), but nothing is seen now: each role keeps its status, closing and dates
seen, a new role takes its post's, and a role that had left the post stays as it was
(``upsert``'s ``reread``). Before, each such role was read from its own text, its stale text
kept, and the run said so.

The store an older mljobs wrote is made by importing the post with this mljobs and then writing
its role rows as an older split rule would have written them (``_split_by_an_older_rule``): the
raw documents are the import's, the rows' texts and content hashes (column and JSON) another
rule's. No code of ours is replaced: ``enrich --store`` runs as it is on that store."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Posting
from mljobs.store import SQLiteStore

from .parcelo import cli
from .test_role_ids import BACKEND, DATA, ML, POST_ID, SCIENCE, SENIOR_ML, _import, _post

_TAIL = "\n\nApply: jobs@parcelo.example with your GitHub."


def _split_by_an_older_rule(db: Path, texts: dict[str, str | None],
                            extra: tuple[str, str, str] | None = None) -> None:
    """Write the role postings ``texts`` names (``/r<n>`` of the post) as an older split rule
    stored them: with that text (its content hash made anew, in the column and the row's JSON),
    or, for None, not at all (that rule did not make a role of it). ``extra``: (a new id, the
    stored role it is a copy of, a title): a role that rule made that this one does not."""
    with sqlite3.connect(db) as conn:
        if extra is not None:
            new, like, title = extra
            conn.execute("CREATE TEMP TABLE copied AS SELECT * FROM postings WHERE id=?",
                         (POST_ID + like,))
            conn.execute("UPDATE copied SET id=?, source_id=?, title=?, data=json_set(data, "
                         "'$.id', ?1, '$.source_id', ?2, '$.title', ?3)",
                         (POST_ID + new, "900501" + new, title))
            conn.execute("INSERT INTO postings SELECT * FROM copied")
            conn.execute("INSERT INTO posting_changes(posting_id, changed_at, kind, old_hash, "
                         "new_hash, fields) SELECT ?, changed_at, kind, old_hash, new_hash, "
                         "fields FROM posting_changes WHERE posting_id=?",
                         (POST_ID + new, POST_ID + like))
        for role, text in texts.items():
            pid = POST_ID + role
            if text is None:
                conn.execute("DELETE FROM posting_changes WHERE posting_id=?", (pid,))
                conn.execute("DELETE FROM text_links WHERE posting_id=?", (pid,))
                conn.execute("DELETE FROM postings WHERE id=?", (pid,))
                continue
            (data,) = conn.execute("SELECT data FROM postings WHERE id=?", (pid,)).fetchone()
            posting = Posting.model_validate_json(data)
            posting = posting.model_copy(update={"description_text": text})
            posting = posting.model_copy(update={"content_hash": posting.compute_hash()})
            conn.execute("UPDATE postings SET data=?, content_hash=? WHERE id=?",
                         (posting.model_dump_json(exclude={"enrichment"}), posting.content_hash,
                          pid))


def _a_role_left_and_an_older_rule(tmp_path: Path) -> tuple[Path, Path]:
    """Two stores of the post that dropped its Data Scientist role (``/r1``, closed as it
    left): one whose roles the older rule wrote without the post's closing, ``/r1``'s too,
    and one as this mljobs imported it."""
    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    for store in (db, imported):
        _import(store, tmp_path, "four", _post(SCIENCE, BACKEND, ML, DATA))
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
    _split_by_an_older_rule(db, {f"/r{n}": _text(db, f"/r{n}").removesuffix(_TAIL)
                                 for n in (1, 2, 3, 4)})
    return db, imported


def _text(db: Path, role: str) -> str:
    with SQLiteStore(db) as store:
        posting = store.get(POST_ID + role)
        assert posting is not None
        return posting.description_text


def _rows(db: Path) -> dict[str, dict[str, Any]]:
    """The post's roles as a user and a sync see them: content, status, dates, history and
    understanding (its archetype and its post's list of roles)."""
    with SQLiteStore(db) as store:
        out = {}
        for _, p in store.iter_postings():
            if p.id.startswith(f"{POST_ID}/"):
                assert p.enrichment is not None
                out[p.id.removeprefix(POST_ID)] = {
                    "title": p.title, "text": p.description_text, "hash": p.content_hash,
                    "raw_ref": p.raw_ref, "status": p.status.value,
                    "first_seen": p.first_seen, "last_seen": p.last_seen,
                    "closed_at": p.closed_at, "archetype": p.enrichment.archetype,
                    "roles": p.enrichment.roles,
                    "history": [(c.kind, c.changed_at) for c in store.changes(p.id)]}
        return out


def _content(rows: dict[str, dict[str, Any]]) -> dict[str, tuple[Any, ...]]:
    return {role: (r["title"], r["text"], r["hash"], r["raw_ref"], r["archetype"], r["roles"])
            for role, r in rows.items()}


def test_roles_split_by_an_older_rule_are_split_again_and_keep_their_dates(
        tmp_path: Path) -> None:
    """The older rule left the post's closing out of each role's text."""
    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    for store in (db, imported):
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
    _split_by_an_older_rule(db, {f"/r{n}": _text(db, f"/r{n}").removesuffix(_TAIL)
                                 for n in (1, 2, 3)})
    before = _rows(db)
    assert _TAIL not in before["/r2"]["text"]
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "own text" not in said
    assert ("1 post split per role by an older mljobs was split again as its raw document "
            "reads now") in said
    after = _rows(db)
    # (as an import of the post's document stores it: the same ids, texts and understanding)
    assert _content(after) == _content(_rows(imported))
    assert _TAIL in after["/r2"]["text"]
    for role, row in after.items():  # (nothing seen now: status and dates as they were)
        assert [row[k] for k in ("status", "first_seen", "last_seen", "closed_at")] == [
            before[role][k] for k in ("status", "first_seen", "last_seen", "closed_at")]
        assert [kind for kind, _ in row["history"]] == ["created", "updated"]
    # (done once: a second run finds the roles as their document reads)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" not in said and "own text" not in said
    assert _rows(db) == after


def test_a_closed_posts_roles_split_again_stay_closed_and_a_new_role_is_closed_with_them(
        tmp_path: Path) -> None:
    """The post dropped its Data Scientist role (``/r1``, closed as it left), then was closed as
    a sync closes the postings its source no longer lists. The older rule did not split the
    Data Engineer role from the Machine Learning one: ``/r3`` holds both, and there is no
    ``/r4``. Split again, the Data Engineer role is a new role of the closed post: closed with
    it, seen when it was; ``/r3`` keeps its closing; ``/r1`` stays as it was."""
    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    closed_at = datetime(2026, 1, 5, tzinfo=UTC)
    for store in (db, imported):
        _import(store, tmp_path, "four", _post(SCIENCE, BACKEND, ML, DATA))
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
        with SQLiteStore(store) as st:
            st.close_open([f"{POST_ID}/r{n}" for n in (2, 3, 4)], now=closed_at)
    merged = _text(db, "/r3").removesuffix(_TAIL) + "\n\n" + DATA + _TAIL
    _split_by_an_older_rule(db, {"/r3": merged, "/r4": None})
    before = _rows(db)
    assert set(before) == {"/r1", "/r2", "/r3"}
    assert {r["status"] for r in before.values()} == {"closed"}
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "own text" not in said and "split again" in said
    assert "no longer in" not in said  # (no role closed now)
    after, reference = _rows(db), _rows(imported)
    assert _content(after) == _content(reference)
    assert after["/r3"]["text"] != merged and "Data Engineer" not in after["/r3"]["text"]
    assert after["/r1"] == before["/r1"]  # (the role that had left: as it was)
    for role in ("/r2", "/r3"):
        assert [after[role][k] for k in ("status", "first_seen", "last_seen", "closed_at")] == [
            before[role][k] for k in ("status", "first_seen", "last_seen", "closed_at")]
    assert [kind for kind, _ in after["/r3"]["history"]] == ["created", "closed", "updated"]
    new = after["/r4"]
    assert (new["status"], new["closed_at"]) == ("closed", closed_at)
    assert (new["first_seen"], new["last_seen"]) == (before["/r3"]["first_seen"],
                                                     before["/r3"]["last_seen"])
    assert new["history"] == [("created", before["/r3"]["first_seen"].isoformat()),
                              ("closed", closed_at.isoformat())]
    # (search finds the Data Engineer role as its own posting now)
    hits = json.loads(cli(db, "search", "warehouse", "--json"))["hits"]
    assert f"{POST_ID}/r4" in {hit["id"] for hit in hits}


def test_a_role_that_left_its_post_is_read_again_from_its_document_and_stays_closed(
        tmp_path: Path) -> None:
    """The post dropped its Data Scientist role (``/r1``, closed as it left; it names the
    post's earlier text); the older rule left the closing out of every role's text, ``/r1``'s
    too. ``/r1`` is read again as that earlier text reads now, under its id, and stays closed
    with its dates; the post's current roles are split again."""
    db, imported = _a_role_left_and_an_older_rule(tmp_path)
    before = _rows(db)
    assert before["/r1"]["status"] == "closed" and _TAIL not in before["/r1"]["text"]
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "own text" not in said and "no longer in" not in said
    assert ("1 post split per role by an older mljobs was split again as its raw document reads "
            "now: its roles' texts are updated, and their statuses and dates seen kept. 1 role "
            "that had left its post was read again as the raw document last holding it reads "
            "now, and stays closed.") in said
    after = _rows(db)
    assert _content(after) == _content(_rows(imported))
    for role, row in after.items():
        assert [row[k] for k in ("status", "first_seen", "last_seen", "closed_at")] == [
            before[role][k] for k in ("status", "first_seen", "last_seen", "closed_at")]
    assert [kind for kind, _ in after["/r1"]["history"]] == ["created", "closed", "updated"]


def test_a_role_an_older_rule_made_that_the_post_no_longer_reads_as_is_closed(
        tmp_path: Path) -> None:
    """The older rule made a fourth role of the post (a copy of the Data role's row under
    another title). Split again, the post holds three: ``/r4`` is closed as a role no longer in
    its post (with its history), as an import closes one; the others change nothing."""
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _split_by_an_older_rule(db, {"/r4": _text(db, "/r3").replace(
        "Data Engineer\n", "Data Platform Engineer\n", 1)}, ("/r4", "/r3",
                                                             "Data Platform Engineer"))
    before = _rows(db)
    assert set(before) == {"/r1", "/r2", "/r3", "/r4"}
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" in said and "own text" not in said
    assert "1 role no longer in its post is closed." in said
    after = _rows(db)
    assert after["/r4"]["status"] == "closed"
    assert [kind for kind, _ in after["/r4"]["history"]] == ["created", "closed"]
    assert after["/r4"]["first_seen"] == before["/r4"]["first_seen"]
    for role in ("/r1", "/r2", "/r3"):
        assert after[role] == before[role]
    # (``/r4`` names the post's document, which holds no role of it now: read from its own
    # text, not taken for another role of that document, and not told of: no import reads it)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" not in said and "read again" not in said and "own text" not in said
    assert _rows(db) == after


SIGINT_AT_LINKING = """
import signal, sys
from mljobs.dedupe import link_duplicates
def profile(frame, event, arg):
    if event == "call" and frame.f_code is link_duplicates.__code__:
        sys.setprofile(None)
        signal.raise_signal(signal.SIGINT)
sys.setprofile(profile)
from mljobs.cli import main
main()
"""


def test_ctrl_c_before_the_roles_split_again_are_linked_leaves_them_to_the_next_run(
        tmp_path: Path) -> None:
    """Ctrl-C once the roles are split again and stored, before they are linked (a real
    subprocess): the store notes the roles to link (``replaced_posts_unlinked``), the run says
    so, and the next ``enrich --store`` links them (the Machine Learning role to the partner's
    Lever job, as the import linked it) and clears the note."""
    import os
    import subprocess
    import sys

    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    with SQLiteStore(db) as store:
        linked = {p.id: p.canonical_id for _, p in store.iter_postings()}
    assert linked[f"{POST_ID}/r2"] == "lever:nw-1"
    _split_by_an_older_rule(db, {f"/r{n}": _text(db, f"/r{n}").removesuffix(_TAIL)
                                 for n in (1, 2, 3)})
    with sqlite3.connect(db) as conn:  # (the older mljobs had not linked it)
        conn.execute("UPDATE postings SET canonical_id=NULL")
    env = {**os.environ, "COLUMNS": "200"}
    stopped = subprocess.run([sys.executable, "-c", SIGINT_AT_LINKING, "--db", str(db),
                              "enrich", "--store"], env=env, capture_output=True, text=True,
                             timeout=300, check=False)
    assert stopped.returncode == 130, stopped.stderr
    flat = " ".join((stopped.stdout + stopped.stderr).split())
    assert "Traceback" not in flat
    assert ("The posts split per role are linked when you run `mljobs enrich --store` again "
            "to finish") in flat
    with SQLiteStore(db) as store:
        owed = store.meta("replaced_posts_unlinked")
        assert owed is not None and f"{POST_ID}/r2" in json.loads(owed)
        assert _TAIL in _text(db, "/r2")  # (split again and stored)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" not in said
    with SQLiteStore(db) as store:
        assert store.meta("replaced_posts_unlinked") is None
        assert {p.id: p.canonical_id for _, p in store.iter_postings()} == linked


def test_a_role_read_again_after_it_left_its_post_is_still_one_that_left_it(
        tmp_path: Path) -> None:
    """``/r1`` left the post and was read again from its earlier document (its history
    "created, closed, updated", still closed): it is still a role that left its post. When the
    post names it again, an import reopens it, as it reopens such a role that was never read
    again; and ``mljobs show`` lists it under "no longer in the post" until then. (The
    "updated" entry was taken for its last word: ``left_post`` no longer found it, so the
    import left it closed while the post named it, and ``show`` listed it as a current role.)"""
    db, imported = _a_role_left_and_an_older_rule(tmp_path)
    cli(db, "enrich", "--store")
    assert [kind for kind, _ in _rows(db)["/r1"]["history"]] == ["created", "closed", "updated"]
    for store in (db, imported):
        shown = CliRunner().invoke(app, ["--db", str(store), "show", POST_ID])
        assert shown.exit_code == 1
        assert f"no longer in the post: {POST_ID}/r1" in " ".join(shown.output.split())
    for store in (db, imported):  # (the post names the Data Scientist role again)
        _import(store, tmp_path, "four", _post(SCIENCE, BACKEND, ML, DATA))
    after, reference = _rows(db), _rows(imported)
    assert reference["/r1"]["status"] == "open"
    assert after["/r1"]["status"] == "open"
    assert after["/r1"]["history"][-1][0] == "reopened"


def test_a_closed_posts_role_an_older_rule_made_is_split_again_once(tmp_path: Path) -> None:
    """As above, but a sync had closed the post (its four roles) before the upgrade. Split
    again, the post holds three roles: ``/r4``, closed with the post, is one no longer in it
    (its closing and dates kept), listed so by ``mljobs show``; a second run finds nothing to
    split again. (``/r4`` stayed one of the post's current roles, so every run split the post
    again and said so, and read ``/r4`` with its post's reading, which has no role of it.)"""
    db = tmp_path / "s.sqlite3"
    closed_at = datetime(2026, 1, 5, tzinfo=UTC)
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _split_by_an_older_rule(db, {"/r4": _text(db, "/r3").replace(
        "Data Engineer\n", "Data Platform Engineer\n", 1)}, ("/r4", "/r3",
                                                             "Data Platform Engineer"))
    with SQLiteStore(db) as st:
        st.close_open([f"{POST_ID}/r{n}" for n in (1, 2, 3, 4)], now=closed_at)
    before = _rows(db)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" in said and "own text" not in said
    after = _rows(db)
    assert [after["/r4"][k] for k in ("status", "closed_at", "first_seen", "last_seen")] == [
        before["/r4"][k] for k in ("status", "closed_at", "first_seen", "last_seen")]
    assert after["/r4"]["history"][-1] == ("closed", closed_at.isoformat())
    shown = CliRunner().invoke(app, ["--db", str(db), "show", POST_ID])
    assert f"no longer in the post: {POST_ID}/r4" in " ".join(shown.output.split())
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" not in said and "read again" not in said and "own text" not in said
    again = _rows(db)
    assert {role: {k: v for k, v in row.items() if k not in ("roles", "archetype")}
            for role, row in again.items()} == {
        role: {k: v for k, v in row.items() if k not in ("roles", "archetype")}
        for role, row in after.items()}


_PARTNER = "\n\nOur partner Northwind hires for this role too: "
_DAY = [datetime(2026, 1, d, tzinfo=UTC) for d in range(1, 32)]


def _whole_post_split_by_an_older_rule(db: Path, seen: dict[str, tuple[datetime, datetime,
                                                                       datetime | None]]) -> None:
    """Write the post, stored whole by this mljobs (it names one role), as an older rule split
    it: a Machine Learning role (``/r1``) and a Northwind partner role (``/r2``, the ML block's
    last paragraph), each with that text (its hash made anew), the post's raw document and
    understanding, and ``seen``'s first seen, last seen (also its ``synced_at``: a sync listed
    it) and closing, with its history ("created", and "closed" when closed); the whole post's
    row, history and links gone, as a split removes them."""
    with sqlite3.connect(db) as conn:
        (data, enrichment, version, raw_ref) = conn.execute(
            "SELECT data, enrichment, enrichment_version, raw_ref FROM postings WHERE id=?",
            (POST_ID,)).fetchone()
        whole = Posting.model_validate_json(data)
        head, _, rest = whole.description_text.partition("Machine Learning Engineer")
        ml, _, partner = rest.partition(_PARTNER)
        texts = {"/r1": ("Machine Learning Engineer", head + "Machine Learning Engineer" + ml),
                 "/r2": ("Partner Engineer", head + "Partner Engineer" + _PARTNER + partner)}
        for table, column in (("posting_changes", "posting_id"), ("text_links", "posting_id"),
                              ("postings", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column}=?", (POST_ID,))
        conn.execute("UPDATE postings SET canonical_id=NULL WHERE canonical_id=?", (POST_ID,))
        for role, (title, text) in texts.items():
            first, last, closed = seen[role]
            p = whole.model_copy(update={"id": POST_ID + role, "source_id": "900501" + role,
                                         "title": title, "description_text": text})
            p = p.model_copy(update={"content_hash": p.compute_hash()})
            conn.execute(
                "INSERT INTO postings(id, source, source_id, url, title, company, remote, "
                "posted_at, status, first_seen, last_seen, closed_at, content_hash, raw_ref, "
                "canonical_id, rev, data, enrichment, enrichment_version, synced_at) "
                "SELECT ?, source, ?, url, ?, company, remote, posted_at, ?, ?, ?, ?, ?, ?, "
                "NULL, (SELECT MAX(rev) + 1 FROM postings), ?, ?, ?, ? FROM postings "
                "WHERE id='lever:nw-1'",
                (p.id, p.source_id, title, "closed" if closed else "open", first.isoformat(),
                 last.isoformat(), closed.isoformat() if closed else None, p.content_hash,
                 raw_ref, p.model_dump_json(exclude={"enrichment"}), enrichment, version,
                 last.isoformat()))
            conn.execute("INSERT INTO posting_changes(posting_id, changed_at, kind, old_hash, "
                         "new_hash, fields) VALUES (?, ?, 'created', NULL, ?, '[]')",
                         (p.id, first.isoformat(), p.content_hash))
            if closed:
                conn.execute("INSERT INTO posting_changes(posting_id, changed_at, kind, "
                             "old_hash, new_hash, fields) VALUES (?, ?, 'closed', NULL, NULL, "
                             "'[\"status\"]')", (p.id, closed.isoformat()))


def _whole(db: Path) -> dict[str, Any]:
    """The whole post as a user and a sync see it, and its history (kinds and dates)."""
    with SQLiteStore(db) as store:
        p = store.get(POST_ID)
        assert p is not None and p.enrichment is not None
        (synced,) = store.conn.execute("SELECT synced_at FROM postings WHERE id=?",
                                       (POST_ID,)).fetchone()
        return {"content": (p.title, p.description_text, p.content_hash, p.raw_ref,
                            p.enrichment.archetype, p.enrichment.roles),
                "dates": (p.status.value, p.first_seen, p.last_seen, p.closed_at, synced),
                "history": [(c.kind, c.changed_at) for c in store.changes(POST_ID)]}


def test_a_post_an_older_rule_split_that_no_longer_splits_is_stored_whole_with_its_dates(
        tmp_path: Path) -> None:
    """The post names one role; an older rule split it in two. `enrich --store` stores it
    whole, as an import of its document does, but nothing is seen now: it takes its roles'
    first seen, last seen, listing and status, and is created when the first of them was;
    its roles are closed as no longer in the post (their dates kept). Before, each role was
    read from its own text, kept its stale text, and the run said an import would mend it."""
    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    for store in (db, imported):
        _import(store, tmp_path, "one", _post(ML))
    _whole_post_split_by_an_older_rule(db, {"/r1": (_DAY[2], _DAY[20], None),
                                            "/r2": (_DAY[5], _DAY[9], None)})
    before = _rows(db)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "own text" not in said and "split again" not in said
    assert ("1 post split per role by an older mljobs is stored whole, as its raw document "
            "reads now: it takes the dates seen and status of its roles, which leave the post "
            "(their dates kept).") in said
    assert "2 roles no longer in their post are closed." in said
    after = _whole(db)
    assert after["content"] == _whole(imported)["content"]
    assert after["dates"] == ("open", _DAY[2], _DAY[20], None, _DAY[20].isoformat())
    assert after["history"] == [("created", _DAY[2].isoformat())]
    roles = _rows(db)
    for role, row in roles.items():  # (closed now, as an import closes them; dates kept)
        assert row["status"] == "closed" and row["closed_at"] is not None
        assert (row["first_seen"], row["last_seen"]) == (before[role]["first_seen"],
                                                         before[role]["last_seen"])
        assert [kind for kind, _ in row["history"]] == ["created", "closed"]
    with SQLiteStore(db) as store, SQLiteStore(imported) as reference:
        assert store.left_post([POST_ID + r for r in roles]) == [POST_ID + "/r1",
                                                                 POST_ID + "/r2"]
        post, linked = store.get(POST_ID), reference.get(POST_ID)
        # (linked as an import links it: a duplicate of the partner's Lever job)
        assert post is not None and linked is not None
        assert post.canonical_id == linked.canonical_id == "lever:nw-1"
        assert store.meta("replaced_posts_unlinked") is None  # (linked: nothing owed)
    # (done once: the post is as its document reads, its roles as an import leaves them)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "stored whole" not in said and "own text" not in said and "closed" not in said
    assert (_whole(db), _rows(db)) == (after, roles)


def test_a_closed_post_an_older_rule_split_is_stored_whole_closed_when_its_roles_were(
        tmp_path: Path) -> None:
    """The same post, closed: each role closed with it (a sync no longer listed it). Stored
    whole, it is closed when the last of its roles was, with that closing in its history; its
    roles keep their closings and are marked as no longer in the post, none closed now."""
    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "one", _post(ML))
    _whole_post_split_by_an_older_rule(db, {"/r1": (_DAY[2], _DAY[20], _DAY[21]),
                                            "/r2": (_DAY[5], _DAY[9], _DAY[10])})
    before = _rows(db)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "stored whole" in said and "own text" not in said
    assert "no longer in" not in said  # (no role closed now)
    after = _whole(db)
    assert after["dates"] == ("closed", _DAY[2], _DAY[20], _DAY[21], _DAY[20].isoformat())
    assert after["history"] == [("created", _DAY[2].isoformat()),
                                ("closed", _DAY[21].isoformat())]
    roles = _rows(db)
    for role, row in roles.items():
        assert [row[k] for k in ("status", "first_seen", "last_seen", "closed_at")] == [
            before[role][k] for k in ("status", "first_seen", "last_seen", "closed_at")]
        closing = before[role]["closed_at"].isoformat()
        assert row["history"] == [*before[role]["history"], ("closed", closing)]
    with SQLiteStore(db) as store:
        assert store.left_post([POST_ID + r for r in roles]) == [POST_ID + "/r1",
                                                                 POST_ID + "/r2"]
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "stored whole" not in said and "own text" not in said
    assert (_whole(db), _rows(db)) == (after, roles)


def _named_as_before_linko(db: Path, roles: tuple[str, ...]) -> None:
    """Point ``roles`` at the first raw document the store holds (the post's first text), in
    the column and the row's JSON, as an mljobs before ``raw_ref`` followed the newest document
    left the roles an import found unchanged."""
    with sqlite3.connect(db) as conn:
        (ref,) = conn.execute("SELECT sha256 FROM raw_documents ORDER BY rowid LIMIT 1"
                              ).fetchone()
        for role in roles:
            conn.execute("UPDATE postings SET raw_ref=?1, data=json_set(data, '$.raw_ref', ?1) "
                         "WHERE id=?2", (ref, POST_ID + role))


def test_roles_naming_several_documents_are_split_again_through_the_newest(
        tmp_path: Path) -> None:
    """A store written before ``raw_ref`` followed the newest document: the post's ML role was
    edited (``/r2``, the second text), its other roles name the first text, and an older rule
    left the post's closing out of every role. The post is split again through the document of
    the role written last, the newest: as an import of it stores the post (every role naming
    it), statuses and dates kept. Before, every role was read from its own text, and the run
    said the next import would mend them."""
    db, imported = tmp_path / "s.sqlite3", tmp_path / "imported.sqlite3"
    for store in (db, imported):
        _import(store, tmp_path, "three", _post(BACKEND, ML, DATA))
        _import(store, tmp_path, "senior", _post(BACKEND, SENIOR_ML, DATA))
    _named_as_before_linko(db, ("/r1", "/r3"))
    _split_by_an_older_rule(db, {f"/r{n}": _text(db, f"/r{n}").removesuffix(_TAIL)
                                 for n in (1, 2, 3)})
    before = _rows(db)
    assert len({row["raw_ref"] for row in before.values()}) == 2
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "own text" not in said
    assert ("1 post split per role by an older mljobs was split again as its raw document "
            "reads now") in said
    after = _rows(db)
    assert _content(after) == _content(_rows(imported))  # (raw_ref too: the newest)
    for role, row in after.items():
        assert [row[k] for k in ("status", "first_seen", "last_seen", "closed_at")] == [
            before[role][k] for k in ("status", "first_seen", "last_seen", "closed_at")]
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "split again" not in said and "own text" not in said
    assert _rows(db) == after


def test_enrich_store_settles_the_clusters_it_wrote_as_an_import_does(tmp_path: Path) -> None:
    """``/r4`` (the role the older rule made) is the shown posting of a duplicate cluster with
    another site's copy of it. Split again, ``/r4`` is closed and leaves the cluster, and the
    clusters its writes touched are settled there (``dedupe.settle_canonicals``), as an import
    or sync settles what it wrote. Before, ``enrich --store`` left its notes for the next sync
    or import to settle (what was shown was already right: linking had re-ranked them)."""
    from mljobs.dedupe import settle_canonicals

    db = tmp_path / "s.sqlite3"
    _import(db, tmp_path, "three", _post(BACKEND, ML, DATA))
    _split_by_an_older_rule(db, {"/r4": _text(db, "/r3").replace(
        "Data Engineer\n", "Data Platform Engineer\n", 1)}, ("/r4", "/r3",
                                                             "Data Platform Engineer"))
    role = POST_ID + "/r4"
    with SQLiteStore(db) as store:
        stored = store.get(role)
        assert stored is not None
        copy = stored.model_copy(update={"id": "site:platform-copy", "source": "site",
                                         "source_id": "platform-copy", "canonical_id": None})
        store.upsert([copy], now=datetime.now(UTC) + timedelta(days=1))  # (seen after it)
        store.set_canonical([(copy.id, role)])
        settle_canonicals(store)
        assert store.get(copy.id).canonical_id == role  # (the role shown: seen first)
    said = " ".join(cli(db, "enrich", "--store").split())
    assert "1 role no longer in its post is closed." in said
    with SQLiteStore(db) as store:
        assert store.get(role).status.value == "closed"
        assert store.get(copy.id).canonical_id != role  # (no longer behind the closed role)
        assert not store.unsettled()  # (before: noted, for the next sync or import)
        assert settle_canonicals(store) == 0
