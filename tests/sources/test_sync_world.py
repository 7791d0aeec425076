"""``mljobs sync`` end to end against the replay server: fill, re-run, break, change."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

from typer.testing import CliRunner

from mljobs import config as cfg
from mljobs.cli.app import app
from mljobs.http import HttpClient
from mljobs.models import Status
from mljobs.store import SQLiteStore
from mljobs.sync import StoreValidators, SyncOptions, SyncReport, run_sync

from .conftest import NOW
from .replay_server import ReplayServer, Reply, fixture

EXPECTED_NEW = {"boards": 4, "lever": 3, "ashby": 2, "hn": 5, "reddit": 4, "feeds": 3,
                "careers": 4, "mail": 4}


def sync(store: SQLiteStore, config: Path, *, only: list[str] | None = None,
         now=NOW, **options: object) -> SyncReport:
    conf = cfg.load(config)
    entries = [conf.entry(n) for n in only] if only else conf.sources
    with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                    sleep=lambda s: None) as http:
        return run_sync(store, entries, http=http, now=now,
                        options=SyncOptions(refresh_index=False, **options))  # type: ignore[arg-type]


def by_name(report: SyncReport) -> dict[str, object]:
    return {s.name: s for s in report.sources}


def test_sync_fills_store_from_every_source(world: Path, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = sync(store, world)
        assert report.ok, [s.errors for s in report.sources]
        assert {s.name: s.new for s in report.sources} == EXPECTED_NEW
        assert set(store.stats()["by_source"]) == {
            "greenhouse", "lever", "ashby", "hackernews", "reddit", "feed", "jsonld", "mailbox"}
        # the ML filter dropped the non-ML posts of general sources only (the mail digest's
        # footer is no job, and no longer a posting for the filter to drop)
        filtered = {s.name: s.filtered for s in report.sources}
        assert filtered == {"boards": 0, "lever": 0, "ashby": 0, "hn": 1, "reddit": 1,
                            "feeds": 1, "careers": 0, "mail": 0}
        assert store.get("reddit:1abcd03") is None  # keyboard question, not a job
        assert store.get("lever:leverdemo:5f2c1e0a-0003-4c3b-9f51-2b0c1a7e0003") is not None
        # raw documents are kept and postings point at theirs
        posting = store.get("greenhouse:vaulttec:127900")
        assert posting and posting.raw_ref and store.get_document(posting.raw_ref)
        assert "<p>Build and ship ranking models" in posting.description_html
        assert store.stats()["raw_documents"] >= 14


def test_second_run_reports_everything_unchanged(world: Path, tmp_path: Path,
                                                 replay: ReplayServer) -> None:
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        first = sync(store, world)
        snapshot = store.snapshot()
        hits_before = sum(replay.hits.values())
        second = sync(store, world, now=NOW + timedelta(hours=1))
        assert second.ok
        for s in second.sources:
            assert (s.new, s.updated, s.closed) == (0, 0, 0), s
            assert s.unchanged == EXPECTED_NEW[s.name]
        assert store.snapshot() == snapshot
        assert sum(s.unchanged for s in second.sources) == sum(s.new for s in first.sources)
    conditional = [h for p, h in replay.requests[hits_before:] if "If-None-Match" in h]
    assert len(conditional) >= 2  # the ETag'd boards and feed were asked conditionally


def test_broken_source_fails_alone_and_says_why(world: Path, tmp_path: Path,
                                                replay: ReplayServer) -> None:
    replay.routes["/v1/boards/espressoai/jobs"] = Reply(b"upstream down", 500)
    replay.routes["/posting-api/job-board/Ashby"] = Reply(b'{"jobs": [{"id": "x", "ti', 200)
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = sync(store, world)
        sources = by_name(report)
        assert not report.ok
        boards, ashby = sources["boards"], sources["ashby"]
        assert boards.failed == 1 and "HTTP 500" in boards.errors[0] and "espressoai" in boards.errors[0]
        assert boards.new == 3  # vaulttec still synced
        assert ashby.failed == 1 and "invalid JSON" in ashby.errors[0]
        for name in ("lever", "hn", "reddit", "feeds", "careers", "mail"):
            assert sources[name].ok and sources[name].new == EXPECTED_NEW[name]
        # the truncated document was stored before parsing, and the failure recorded
        row = store.conn.execute("SELECT source, doc_ref, raw_sha256 FROM parse_failures").fetchone()
        assert row[0] == "ashby" and row[1].endswith("includeCompensation=true")
        assert store.get_document(row[2]).content.startswith(b'{"jobs": [{"id"')


def test_malformed_feed_and_broken_jsonld_page(tmp_path: Path, replay: ReplayServer) -> None:
    config = tmp_path / "s.toml"
    config.write_text(
        f'[[sources]]\nname = "f"\ntype = "feed"\nurls = ["{replay.url}/feeds/malformed.xml"]\n'
        f'[[sources]]\nname = "j"\ntype = "jsonld"\nurls = ["{replay.url}/jobs/broken", '
        f'"{replay.url}/private/secret-job"]\n')
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        sources = by_name(sync(store, config))
    assert sources["f"].failed == 1 and "malformed feed" in sources["f"].errors[0]
    # broken JSON-LD: nothing usable on the page, no crash, and said; the robots.txt-disallowed
    # page is reported and never fetched
    assert sources["j"].new == 0 and sources["j"].failed == 2
    assert any("robots.txt" in e for e in sources["j"].errors)
    assert any("/jobs/broken: its JSON-LD block cannot be read" in e for e in sources["j"].errors)
    assert replay.hits["/private/secret-job"] == 0 and replay.hits["/jobs/broken"] == 1


def test_incremental_update_and_close(world: Path, tmp_path: Path, replay: ReplayServer) -> None:
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        sync(store, world, only=["boards"])
        replay.routes["/v1/boards/vaulttec/jobs"] = fixture("greenhouse/vaulttec-v2.json",
                                                           etag='"gh-vt-2"')
        later = NOW + timedelta(days=1)
        report = by_name(sync(store, world, only=["boards"], now=later))["boards"]
        assert (report.new, report.updated, report.unchanged, report.closed) == (0, 1, 2, 1)
        gone = store.get("greenhouse:vaulttec:127817")
        assert gone is not None and gone.status == Status.CLOSED and gone.closed_at == later
        changed = store.get("greenhouse:vaulttec:127900")
        assert "Salary: $180k-$220k" in changed.description_text
        assert [c.kind for c in store.changes("greenhouse:vaulttec:127900")] == ["created", "updated"]
        assert store.count() == 4  # nothing deleted


def test_failed_unit_closes_nothing(world: Path, tmp_path: Path, replay: ReplayServer) -> None:
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        sync(store, world, only=["boards"])
        replay.routes["/v1/boards/vaulttec/jobs"] = Reply(b"{\"jobs\": [", 200)
        report = by_name(sync(store, world, only=["boards"]))["boards"]
        assert report.failed == 1 and report.closed == 0
        assert store.count(status="open") == 4


def test_duplicates_linked_across_sources(world: Path, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = sync(store, world)
        hn = store.get("hackernews:47227261")
        board = store.get("greenhouse:espressoai:4100001")
        assert report.links.linked >= 1
        assert hn.canonical_id == board.id and board.canonical_id is None
        assert board.extra["also_sources"] == ["hackernews"]
        assert "https://news.ycombinator.com/item?id=47227261" in board.extra["source_urls"]


def test_since_drops_older_posts_of_general_sources(world: Path, tmp_path: Path) -> None:
    from datetime import date
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = by_name(sync(store, world, only=["feeds", "boards"], since=date(2026, 3, 3)))
    # the 2 March item is older than --since; the accountant is not ML
    assert (report["feeds"].new, report["feeds"].filtered) == (2, 2)
    assert report["boards"].new == 4  # boards list what is open now; --since does not apply


def test_cli_sync_reports_and_exit_codes(world: Path, tmp_path: Path,
                                         replay: ReplayServer) -> None:
    runner = CliRunner()
    db = tmp_path / "cli.sqlite3"
    args = ["sync", "--config", str(world), "--db", str(db), "--no-enrich", "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ok"] and sum(s["new"] for s in data["sources"]) == sum(EXPECTED_NEW.values())
    replay.routes["/r/MLjobs/new.json"] = Reply(b"gone", 503)
    result = runner.invoke(app, ["sync", "--config", str(world), "--db", str(db),
                                 "--no-enrich", "--source", "reddit", "--source", "feeds"])
    assert result.exit_code == 1
    assert "HTTP 503" in result.output and "reddit" in result.output
    assert "feeds" in result.output


def test_cli_sources_add_list_remove(tmp_path: Path) -> None:
    runner = CliRunner()
    config = str(tmp_path / "sources.toml")
    ok = runner.invoke(app, ["sources", "add", "lever", "--name", "ml", "--set",
                             "boards=a,b", "--set", "page_size=50", "--config", config])
    assert ok.exit_code == 0, ok.output
    entry = cfg.load(Path(config)).entry("ml")
    assert entry.type == "lever" and entry.settings == {"boards": ["a", "b"], "page_size": 50}
    listed = runner.invoke(app, ["sources", "list", "--json", "--config", config])
    assert json.loads(listed.stdout)["sources"][0]["name"] == "ml"
    bad = runner.invoke(app, ["sources", "add", "grenhouse", "--config", config])
    assert bad.exit_code == 1 and "available:" in bad.output
    unknown = runner.invoke(app, ["sources", "add", "lever", "--set", "board=x",
                                  "--config", config])
    assert unknown.exit_code == 1 and "boards" in unknown.output
    gone = runner.invoke(app, ["sources", "remove", "ml", "--config", config])
    assert gone.exit_code == 0 and cfg.load(Path(config)).sources == []
    missing = runner.invoke(app, ["sources", "remove", "ml", "--config", config])
    assert missing.exit_code == 1 and "no source called 'ml'" in missing.output


def test_sync_runs_postings_through_the_enricher(world: Path, tmp_path: Path) -> None:
    from mljobs.pipeline import default_enricher

    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = sync(store, world, only=["boards", "hn"], enricher=default_enricher())
        assert report.ok
        enriched = [p for _, p in store.iter_postings() if p.enrichment is not None]
        assert len(enriched) == store.count() > 0
        ml = store.get("greenhouse:vaulttec:127900")
        assert ml.enrichment and ml.enrichment.archetype != "not-ml"
        again = sync(store, world, only=["boards", "hn"], enricher=default_enricher())
        assert sum(s.new + s.updated for s in again.sources) == 0


def test_errors_are_listed_in_the_order_of_their_units(tmp_path: Path,
                                                       replay: ReplayServer) -> None:
    """Each source's errors come in the order of its units, whatever order the fetches end
    in: the first unit of "a" is answered only once the last unit of "b" has been asked."""
    last_asked = threading.Event()

    def first(path: str, query: dict[str, str]) -> Reply:
        last_asked.wait(60)  # (a safety net: the run asks for b/3 long before)
        return Reply(b"down", 404)

    def last(path: str, query: dict[str, str]) -> Reply:
        last_asked.set()
        return Reply(b"down", 404)

    replay.routes["/gone/a/1"] = first
    replay.routes["/gone/b/3"] = last
    config = tmp_path / "s.toml"
    urls = {name: ", ".join(f'"{replay.url}/gone/{name}/{n}"' for n in (1, 2, 3))
            for name in ("a", "b")}
    config.write_text("".join(f'[[sources]]\nname = "{name}"\ntype = "feed"\nurls = [{u}]\n'
                              for name, u in urls.items()))
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        sources = by_name(sync(store, config, workers=4))
    assert last_asked.is_set()
    for name in ("a", "b"):
        errors = sources[name].errors  # type: ignore[attr-defined]
        assert [e.partition("] ")[0] for e in errors] == [
            f"[{replay.url}/gone/{name}/{n}" for n in (1, 2, 3)], errors
