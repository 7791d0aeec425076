"""A user who runs ``mljobs sync`` every day: jobs appear, change, vanish and come back, and
what each day's summary, ``show`` and the store say of it (the replay server answers as the
sources do; the clock is passed in, one day a run)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.models import Document, Status
from mljobs.normalize import normalize
from mljobs.sources import make_source
from mljobs.store import SQLiteStore
from mljobs.web import create_app

from .conftest import NOW
from .replay_server import ReplayServer, Reply, fixture

runner = CliRunner()
BOARD = "/v1/boards/vaulttec/jobs"
EMPTY_BOARD = Reply(b'{"jobs": [], "meta": {"total": 0}}')


class Week:
    """``mljobs sync`` of one config, a day later each run (``--no-enrich``, ``--json``)."""

    def __init__(self, tmp_path: Path, config: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.config = tmp_path / "sources.toml"
        self.config.write_text(config, encoding="utf-8")
        self.db = tmp_path / "db.sqlite3"
        self.day = -1
        self.monkeypatch = monkeypatch

    def sync(self, *more: str) -> tuple[int, str]:
        """One day's run: its exit code and output."""
        self.day += 1
        at = NOW + timedelta(days=self.day)
        self.monkeypatch.setattr("mljobs.cli.sources_cmds.now", lambda: at)
        result = runner.invoke(app, ["--db", str(self.db), "sync", "--config",
                                     str(self.config), "--no-enrich", *more])
        return result.exit_code, result.output

    def report(self) -> dict[str, dict[str, Any]]:
        """One day's run, ``--json``: each source's counts by name."""
        code, out = self.sync("--json")
        data = json.loads(out)
        assert data["ok"] == (code == 0), out
        return {s["name"]: s for s in data["sources"]}

    def history(self, pid: str) -> list[tuple[str, list[str]]]:
        with SQLiteStore(self.db) as store:
            return [(c.kind, c.fields) for c in store.changes(pid)]


def _counts(source: dict[str, Any]) -> tuple[int, ...]:
    return tuple(source[k] for k in ("new", "updated", "reopened", "unchanged", "closed"))


def test_a_job_back_is_counted_reopened_not_updated(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A board lists 3 jobs, then none, then 2 of them again, one with another text. Before,
    the third day said "updated 2" (nothing had been edited but the one), and the edited
    job's history read "created; closed; updated" of a posting open again."""
    with ReplayServer({BOARD: fixture("greenhouse/vaulttec.json")}) as server:
        week = Week(tmp_path, f'[[sources]]\nname = "vt"\ntype = "greenhouse"\n'
                              f'boards = ["vaulttec"]\nbase_url = "{server.url}"\n', monkeypatch)
        assert _counts(week.report()["vt"]) == (3, 0, 0, 0, 0)
        server.routes[BOARD] = EMPTY_BOARD
        assert _counts(week.report()["vt"]) == (0, 0, 0, 0, 3)
        server.routes[BOARD] = fixture("greenhouse/vaulttec-v2.json")  # 127900 edited
        assert _counts(week.report()["vt"]) == (0, 0, 2, 0, 0)
        assert week.history("greenhouse:vaulttec:127900") == [
            ("created", []), ("closed", ["status"]), ("reopened", ["status"]),
            ("updated", ["description_text"])]
        assert [k for k, _ in week.history("greenhouse:vaulttec:127901")] == [
            "created", "closed", "reopened"]
        with SQLiteStore(week.db) as store:
            assert store.get("greenhouse:vaulttec:127817").status == Status.CLOSED
            assert store.count(status="open") == 2
        server.routes[BOARD] = fixture("greenhouse/vaulttec.json")  # and the third back
        code, out = week.sync()
    assert code == 0, out
    # ``show`` and the posting page say why it closed and reopened ("closed (status)" alone)
    said = [f"{(NOW + timedelta(days=1)):%Y-%m-%dT%H:%M}",
            "closed (status): no longer listed by its source",
            f"{(NOW + timedelta(days=3)):%Y-%m-%dT%H:%M}", "reopened (status): listed again"]
    shown = runner.invoke(app, ["--db", str(week.db), "show", "greenhouse:vaulttec:127817"])
    flat = " ".join(shown.output.split())
    assert all(words in flat for words in said), flat
    with TestClient(create_app(week.db)) as client:
        page = client.get("/posting/greenhouse:vaulttec:127817")
    history = BeautifulSoup(page.text, "html.parser").select_one("ul.history")
    assert history is not None
    assert [li.get_text() for li in history.find_all("li")] == [
        f"{NOW:%Y-%m-%dT%H:%M} created", f"{said[0]} {said[1]}", f"{said[2]} {said[3]}"]
    row = next(line for line in out.splitlines() if line.startswith("│ vt "))
    # docs, new, updated (127900's text back), unchanged, closed, filtered, failed
    assert [c.strip() for c in row.split("│")[2:-1]] == ["1", "0", "1", "1", "0", "0", "0"], out
    assert "vt: 1 posting closed before is listed again: reopened (its history says so)" in " ".join(out.split())


APRIL = 47601859  # Ask HN: Who is hiring? (April 2026): Oklo's post and two seekers' comments
SEEKERS = ["hackernews:47603496", "hackernews:47664663"]


def _stored_as_older(db: Path, kind: str, settings: dict[str, Any], doc: Document,
                     ids: list[str]) -> None:
    """Store the items ``ids`` of ``doc`` as jobs, as a sync of an older mljobs, whose rules
    did not read them as seekers', stored them the day before (the source's own parse and
    normalising: nothing made up)."""
    source = make_source(kind, settings)
    raws = [r for r in source.parse(doc) if f"{source.name}:{r.source_id}" in ids]
    assert len(raws) == len(ids)
    with SQLiteStore(db) as store:
        store.put_documents([doc])
        store.upsert([normalize(r).model_copy(update={"raw_ref": doc.sha256}) for r in raws],
                     now=NOW - timedelta(days=1), touch=True)


def test_a_stored_comment_read_as_a_seekers_now_leaves_the_open_list(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two comments of an April thread an older mljobs stored as jobs are read as job seekers'
    now. Before, sync counted them as seekers and, as the thread still listed them, left them
    stored and open: in search, stats' open count and the web app as jobs. Now they close,
    history kept ("closed (status, seeker)"), and the summary says so; the next day's sync
    leaves them as they are."""
    thread = fixture(f"hackernews/algolia-item-{APRIL}.json")
    with ReplayServer({f"/api/v1/items/{APRIL}": thread}) as server:
        settings = {"threads": [APRIL], "algolia_url": f"{server.url}/api/v1"}
        week = Week(tmp_path, f'[[sources]]\nname = "hn"\ntype = "hackernews"\n'
                              f'threads = [{APRIL}]\nalgolia_url = "{server.url}/api/v1"\n',
                    monkeypatch)
        doc = Document(source="hackernews", ref=f"{server.url}/api/v1/items/{APRIL}",
                       content=thread.body, media_type="application/json",
                       fetched_at=NOW - timedelta(days=1))
        _stored_as_older(week.db, "hackernews", settings, doc, SEEKERS)
        code, out = week.sync()
        assert code == 0, out
        flat = " ".join(out.split())
        assert "hn: 2 job seekers' comments skipped (not job postings)" in flat
        assert ("hn: 2 postings stored before are read as job seekers' comments now: closed, "
                "not deleted (their history says so).") in flat, flat
        row = next(line for line in out.splitlines() if line.startswith("│ hn "))
        # docs, new, updated, unchanged, closed (the two), filtered (Oklo's: no ML), failed
        assert [c.strip() for c in row.split("│")[2:-1]] == ["1", "0", "0", "0", "2", "1", "0"]
        for pid in SEEKERS:
            assert week.history(pid) == [("created", []), ("closed", ["status", "seeker"])]
        with SQLiteStore(week.db) as store:
            assert {store.get(pid).status for pid in SEEKERS} == {Status.CLOSED}
            assert store.count() == 2 and store.count(status="open") == 0  # nothing deleted
        shown = runner.invoke(app, ["--db", str(week.db), "show", SEEKERS[0]])
        assert ("closed (status, seeker): read as a job seeker's post, not a job"
                in " ".join(shown.output.split())), shown.output
        again = week.report()["hn"]
        assert (again["closed"], again["closed_not_jobs"], again["seekers"]) == (0, 0, 2)
        assert [k for k, _ in week.history(SEEKERS[0])] == ["created", "closed"]
        # its author edits it into a company's post: open again, and its history says why
        # (before: "reopened (status): listed again", of a comment the thread always listed)
        edited = json.loads(thread.body)
        comment = next(c for c in edited["children"] if f"hackernews:{c['id']}" == SEEKERS[0])
        comment["text"] = ("Acme AI | Machine Learning Engineer | Remote (US) | Full time<p>We "
                           "train ranking models with PyTorch.")
        server.routes[f"/api/v1/items/{APRIL}"] = Reply(json.dumps(edited).encode())
        back = week.report()["hn"]
        assert (back["reopened"], back["seekers"]) == (1, 1)
        shown = runner.invoke(app, ["--db", str(week.db), "show", SEEKERS[0]])
        assert ("reopened (status): read as a job again" in " ".join(shown.output.split()))
        with TestClient(create_app(week.db)) as client:
            page = client.get(f"/posting/{SEEKERS[0]}")
        history = BeautifulSoup(page.text, "html.parser").select_one("ul.history")
        assert history is not None
        assert [li.get_text().split(" ", 1)[1] for li in history.find_all("li")] == [
            "created", "closed (status, seeker): read as a job seeker's post, not a job",
            "reopened (status): read as a job again",
            "updated (title, company, locations, remote, employment_type, description_text)"]


def test_a_stored_reddit_post_read_as_a_seekers_now_closes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subreddit's listing never closes what it no longer shows (it shows the newest only),
    so an untagged "Looking for ML roles in Berlin" post an older mljobs stored as a job
    stayed open for good. It closes now, as a seeker's."""
    listing = json.loads(fixture("reddit/MLjobs-new.json").body)
    seeker = dict(listing["data"]["children"][1]["data"], id="1fs0001", name="t3_1fs0001",
                  title="Looking for ML roles in Berlin", link_flair_text=None,
                  selftext="5 years of NLP, PyTorch. DM me.", selftext_html=None,
                  permalink="/r/MLjobs/comments/1fs0001/x/")
    listing["data"]["children"].append({"kind": "t3", "data": seeker})
    body = json.dumps(listing).encode()
    with ReplayServer({"/r/MLjobs/new.json": Reply(body)}) as server:
        settings = {"subreddits": ["MLjobs"], "base_url": server.url}
        week = Week(tmp_path, f'[[sources]]\nname = "r"\ntype = "reddit"\n'
                              f'subreddits = ["MLjobs"]\nbase_url = "{server.url}"\n', monkeypatch)
        doc = Document(source="reddit", ref=f"{server.url}/r/MLjobs/new.json", content=body,
                       media_type="application/json", fetched_at=NOW - timedelta(days=1))
        _stored_as_older(week.db, "reddit", settings, doc, ["reddit:1fs0001"])
        stored_before = week.db.read_bytes()
        done = week.report()["r"]
        assert (done["new"], done["seekers"], done["closed"], done["closed_not_jobs"]) == \
            (2, 1, 1, 1)
        # the summary names what the post is read as: Reddit reads no post as one that says
        # it is no job post (before: "... read as job seekers' posts or posts that say they
        # are no job post now")
        week.db.write_bytes(stored_before)
        week.day -= 1
        code, out = week.sync()
        assert code == 0, out
        assert ("r: 1 posting stored before is read as a job seeker's post now: closed, not "
                "deleted (its history says so).") in " ".join(out.split()), out
        assert week.history("reddit:1fs0001") == [("created", []),
                                                  ("closed", ["status", "seeker"])]
