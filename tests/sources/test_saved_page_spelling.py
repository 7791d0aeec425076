"""A careers page's saved copy records the address the browser was at, which may spell the
page otherwise than the sync config does: a trailing slash, a fragment, tracking parameters
(``utm_*``), http or https, ``www.`` or not. Both are one page (``jsonld.page_identity``), and
the page's postings are keyed and named under the spelling the store holds them under
(``JsonLd.stored_as``), whichever of import and sync came first; a store's ids never move.

Before: the page key and every job key hashed the address as written, so a saved copy of
``https://acme.example/careers`` recorded as ``.../careers/?utm_source=linkedin`` gave a
second copy of every posting (and a sync's page that lists nothing closed only its own)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.importer import import_file
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.sources.base import short_hash
from mljobs.sources.jsonld import ONE_SPELLING, JsonLd, page_identity, untracked
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply

SAVED = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "jsonld"
PAGE = (SAVED / "careers.html").read_bytes()  # two JobPostings: Helix Bio's
THEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _saved_copy(path: Path, url: str) -> Path:
    """The page as Chrome's "Webpage, Complete" saves it while at ``url``."""
    mark = f"<!-- saved from url=({len(url):04d}){url} -->"
    path.write_bytes(b"<!DOCTYPE html>\n" + mark.encode() + b"\n" + PAGE)
    return path


def _import(db: Path, saved: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(saved), "--no-enrich"])
    return result.exit_code, " ".join(result.output.split())


def _sync(db: Path, config: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                      "--no-enrich", "--no-filter", "--json"])
    (source,) = json.loads(result.stdout)["sources"]
    return result.exit_code, source


def _stored(db: Path) -> dict[str, tuple[str, str | None, object]]:
    with SQLiteStore(db) as store:
        return {p.id: (p.status.value, p.url, p.extra.get("page"))
                for _, p in store.iter_postings()}


@pytest.fixture
def careers(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The careers page served at ``<server>/careers`` and in the sync config so spelled."""
    with ReplayServer({"/careers": Reply(PAGE, content_type="text/html"),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        url = f"{server.url}/careers"
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = ["{url}"]\n')
        yield url, config


# how a browser may have spelled the page the config writes ``<server>/careers``
SPELLINGS = ["{url}/", "{url}#open-roles", "{url}?utm_source=linkedin&utm_medium=social",
             "{url}/?gh_src=3a1b2c&utm_campaign=spring#jobs",
             "HTTPS://{host}/careers"]  # (another scheme, the host's letters in capitals)


def _spell(template: str, url: str) -> str:
    host = url.split("://", 1)[1].split("/", 1)[0]
    return template.format(url=url, host=host.upper())


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_page_synced_then_saved_under_another_spelling_is_the_same_postings(
        careers: tuple[str, Path], tmp_path: Path, spelling: str) -> None:
    url, config = careers
    db = tmp_path / "db.sqlite3"
    code, report = _sync(db, config)
    assert (code, report["new"]) == (0, 2)
    synced = _stored(db)
    saved = _saved_copy(tmp_path / "Careers.html", _spell(spelling, url))
    code, out = _import(db, saved)
    assert code == 0, out
    # rows, new, updated, unchanged: the sync's postings, their page and links as they were
    assert "│ Careers.html │ 2 │ 0 │ 0 │ 2 │ 0 │ ok │" in out, out
    assert _stored(db) == synced


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_page_saved_and_imported_then_synced_under_another_spelling_is_the_same_postings(
        careers: tuple[str, Path], tmp_path: Path, spelling: str) -> None:
    """The site blocked sync at first (the advice: save the page, import it); the block
    lifts: sync lists the imported postings, not a second copy of each, and goes on
    closing and reopening them as its own."""
    url, config = careers
    db = tmp_path / "db.sqlite3"
    recorded = _spell(spelling, url)
    code, out = _import(db, _saved_copy(tmp_path / "Careers.html", recorded))
    assert code == 0 and "│ Careers.html │ 2 │ 2 │ 0 │ 0 │ 0 │ ok │" in out, out
    imported = _stored(db)
    # the page named as recorded, but for the fragment and the tracking parameters
    assert {page for _, _, page in imported.values()} == {untracked(recorded)}
    code, report = _sync(db, config)
    assert (code, report["new"], report["unchanged"], report["failed"]) == (0, 0, 2, 0)
    assert _stored(db) == imported


def _write_as_before(db: Path, page: str) -> set[str]:
    """The two jobs of the page stored as the code before this wrote them for a page
    spelled ``page``: ids ``jsonld:<hash of page>:<hash of page, identifier, title>``."""
    jobs = [("Senior Machine Learning Scientist", "HB-ML-7"), ("Data Engineer", "")]
    postings = [normalize(RawPosting(
        source="jsonld", source_id=f"{short_hash(page)[:10]}:{short_hash(page, ident, title)}",
        title=title, company="Helix Bio", url=page, description_html=f"<p>{title}</p>",
        extra={"page": page, "valid_through": None})) for title, ident in jobs]
    with SQLiteStore(db) as store:
        store.upsert(postings, now=THEN, touch=True)
    return {p.id for p in postings}


def test_a_store_written_before_keeps_its_ids_when_a_saved_copy_spells_the_page_otherwise(
        tmp_path: Path) -> None:
    """A store whose page is spelled ``http://www.helix.example/careers/`` (its config's
    spelling), and a copy saved at ``https://helix.example/careers#jobs``: the same two
    postings, updated from the copy, under the ids they had; no row more, none lost."""
    db = tmp_path / "db.sqlite3"
    page = "http://www.helix.example/careers/"
    before = _write_as_before(db, page)
    code, out = _import(db, _saved_copy(tmp_path / "Careers.html",
                                        "https://helix.example/careers#jobs"))
    assert code == 0 and "│ Careers.html │ 2 │ 0 │ 2 │ 0 │ 0 │ ok │" in out, out
    after = _stored(db)
    assert set(after) == before
    assert {(status, url, named) for status, url, named in after.values()} == {
        ("open", page, page)}


def test_a_store_written_before_keeps_its_ids_when_the_config_spells_the_page_otherwise(
        careers: tuple[str, Path], tmp_path: Path) -> None:
    """The page's postings were stored (as the code before did) under ``<server>/careers/``;
    the config now writes ``<server>/careers``: sync goes on with the postings it has. Before,
    it stored each job again and left the first copies open for good."""
    url, config = careers
    db = tmp_path / "db.sqlite3"
    before = _write_as_before(db, f"{url}/")
    code, report = _sync(db, config)
    assert (code, report["new"], report["failed"]) == (0, 0, 0)
    assert set(_stored(db)) == before


def test_other_pages_stay_other_pages(careers: tuple[str, Path], tmp_path: Path) -> None:
    """A path in other letter case, another query that is no tracking, another host: other
    pages (their own postings beside the sync's)."""
    url, config = careers
    db = tmp_path / "db.sqlite3"
    assert _sync(db, config)[1]["new"] == 2
    for number, other in enumerate([url.replace("/careers", "/Careers"),
                                    f"{url}?team=ml", url.replace("127.0.0.1", "localhost")]):
        code, out = _import(db, _saved_copy(tmp_path / f"other{number}.html", other))
        assert code == 0 and f"│ other{number}.html │ 2 │ 2 │" in out, out
    assert len(_stored(db)) == 8


def test_a_saved_page_read_into_a_store_names_the_page_as_stored(tmp_path: Path) -> None:
    """``import_file`` (the API under the CLI) does the same: the stored spelling."""
    db = tmp_path / "db.sqlite3"
    before = _write_as_before(db, "https://www.helix.example/careers")
    with SQLiteStore(db) as store:
        report = import_file(store, _saved_copy(tmp_path / "c.html",
                                                "https://helix.example/careers/?utm_source=x"),
                             now=THEN)
        assert (report.new, report.updated) == (0, 2)
        assert {p.id for _, p in store.iter_postings()} == before


@pytest.mark.parametrize(("one", "other", "same"), [
    ("https://acme.example/careers", "http://www.ACME.example/careers/", True),
    ("https://acme.example/careers?b=2&a=1", "https://acme.example/careers?a=1&b=2", True),
    ("https://acme.example/careers?utm_source=x&fbclid=1&gclid=2", "https://acme.example/careers",
     True),
    ("https://acme.example/careers#top", "https://acme.example:443/careers", True),
    ("https://acme.example/careers", "https://acme.example/Careers", False),  # path case
    ("https://acme.example/careers?team=ml", "https://acme.example/careers", False),
    ("https://acme.example/careers", "https://jobs.acme.example/careers", False),
])
def test_page_identity(one: str, other: str, same: bool) -> None:
    assert (page_identity(one) == page_identity(other)) is same
    assert page_identity(one) is not None


def test_untracked_keeps_the_rest_as_written() -> None:
    assert untracked("https://a.example/Jobs/?utm_source=x&team=ML&UTM_Medium=y#open") == (
        "https://a.example/Jobs/?team=ML")
    assert untracked("https://a.example/jobs?utm_source=x") == "https://a.example/jobs"
    assert page_identity("file:///home/me/Careers.html") is None


def test_a_folder_holding_one_new_page_under_two_spellings_stores_it_once(
        tmp_path: Path) -> None:
    """``mljobs import folder/`` of two copies of one page no store holds yet, saved at two
    spellings of it: the second is the first's postings (the spellings the run read include
    what it wrote since)."""
    folder = tmp_path / "saved"
    folder.mkdir()
    _saved_copy(folder / "a.html", "https://helix.example/careers")
    _saved_copy(folder / "b.html", "https://www.helix.example/careers/?utm_source=x")
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, folder)
    assert code == 0 and "│ a.html │ 2 │ 2 │ 0 │ 0 │" in out and "│ b.html │ 2 │ 0 │ 0 │ 2 │" in out, out
    assert {page for _, _, page in _stored(db).values()} == {"https://helix.example/careers"}


def test_a_runs_saved_pages_read_the_stored_spellings_whole_once(tmp_path: Path) -> None:
    """The saved pages of one run (``import folder/``) share one reader: the store's
    spellings of its pages are read whole for the first new page, and after it only the
    postings written since (``rev``), not every stored careers-page posting once a page (a
    store of 20,000 of them took 0.14 s a page)."""
    db = tmp_path / "db.sqlite3"
    statements: list[str] = []
    with SQLiteStore(db) as store:
        import_file(store, _saved_copy(tmp_path / "old.html", "https://old.example/careers"),
                    now=THEN)
        store.conn.set_trace_callback(statements.append)
        pages = JsonLd(respect_robots=False)
        for n in range(3):  # (new pages: none under its own key)
            saved = _saved_copy(tmp_path / f"new{n}.html", f"https://new{n}.example/careers")
            assert import_file(store, saved, now=THEN, pages=pages).new == 2
        store.conn.set_trace_callback(None)
        reads = [s for s in statements if "json_extract(data, '$.extra.\"page\"')" in s]
    assert len(reads) == 3, reads
    assert ["rev >" in s for s in reads] == [False, True, True]


def _write_jobs_as_before(db: Path, page: str, jobs: list[tuple[str, str]], *,
                          synced: bool) -> set[str]:
    """``jobs`` (title, identifier) of the page stored under the spelling ``page`` as the
    code before the spelling rule wrote them: by a sync (``synced``) or by an import."""
    postings = [normalize(RawPosting(
        source="jsonld", source_id=f"{short_hash(page)[:10]}:{short_hash(page, ident, title)}",
        title=title, company="Helix Bio", url=page, description_html=f"<p>{title}</p>",
        extra={"page": page, "valid_through": None})) for title, ident in jobs]
    with SQLiteStore(db) as store:
        store.upsert(postings, now=THEN, touch=synced)
    return {p.id for p in postings}


JOBS = [("Senior Machine Learning Scientist", "HB-ML-7"), ("Data Engineer", "")]


def _open(db: Path) -> set[str]:
    return {pid for pid, (status, _, _) in _stored(db).items() if status == "open"}


def test_a_page_stored_under_two_spellings_before_is_merged_by_the_next_sync(
        careers: tuple[str, Path], tmp_path: Path) -> None:
    """A store written before the spelling rule: the page synced under the config's
    spelling and a saved copy imported under the browser's, each job stored twice. The next
    sync of the page goes on under the config's spelling and closes the other spelling's
    copies it lists under its own (no row deleted: 4 rows, 2 open). Before: the imported
    copies stayed open for good beside the synced ones."""
    url, config = careers
    db = tmp_path / "db.sqlite3"
    synced = _write_jobs_as_before(db, url, JOBS, synced=True)
    imported = _write_jobs_as_before(db, f"{url}/?utm_source=linkedin", JOBS, synced=False)
    code, report = _sync(db, config)
    # (updated: the page's text, not the one these rows were written with)
    assert (code, report["new"], report["updated"], report["closed"]) == (0, 0, 2, 2)
    assert set(_stored(db)) == synced | imported
    assert _open(db) == synced
    with SQLiteStore(db) as store:  # (read whole at each run while a page is open under two)
        assert store.meta(ONE_SPELLING) is None
    code, report = _sync(db, config)  # (and it stays so)
    assert (report["new"], report["unchanged"], report["closed"]) == (0, 2, 0)
    assert _open(db) == synced
    with SQLiteStore(db) as store:  # (the closed copies are still another spelling's)
        assert store.meta(ONE_SPELLING) is None


def test_a_store_whose_pages_are_each_under_one_spelling_is_marked_so(
        careers: tuple[str, Path], tmp_path: Path) -> None:
    """(Another page, ``other.example``, is no second spelling.) From then on the primary
    key answers as a rule (``read_store``)."""
    url, config = careers
    db = tmp_path / "db.sqlite3"
    _write_jobs_as_before(db, url, JOBS, synced=True)
    _write_jobs_as_before(db, "https://other.example/careers", JOBS[:1], synced=False)
    code, report = _sync(db, config)
    assert (code, report["new"], report["closed"]) == (0, 0, 0)
    with SQLiteStore(db) as store:
        assert store.meta(ONE_SPELLING) == "1"


def test_a_job_only_the_other_spelling_holds_goes_on_under_its_id(
        careers: tuple[str, Path], tmp_path: Path) -> None:
    """The page's first job is stored under both spellings, its second only under the
    spelling a saved copy recorded (the page listed it when it was saved; the sync's copy
    was older): the sync updates the second under the id it has (its first-seen date and
    history kept), not a new copy of it; the first's other copy closes. Before: the second
    was stored again under the config's spelling (new 1) and both other copies stayed
    open."""
    url, config = careers
    db = tmp_path / "db.sqlite3"
    (first,) = _write_jobs_as_before(db, url, JOBS[:1], synced=True)
    other = _write_jobs_as_before(db, f"http://www.{url.split('://', 1)[1]}/", JOBS,
                                  synced=False)
    code, report = _sync(db, config)
    assert (code, report["new"], report["closed"], report["failed"]) == (0, 0, 1, 0)
    (second,) = {pid for pid in other if "Data Engineer" in _title(db, pid)}
    assert set(_stored(db)) == {first} | other
    assert _open(db) == {first, second}
    with SQLiteStore(db) as store:
        kept = store.get(second)
        assert store.synced_prefix(second)  # (a sync lists it now)
    assert kept is not None and kept.first_seen == THEN and kept.last_seen != THEN
    code, report = _sync(db, config)  # (and it stays so)
    assert (report["new"], report["unchanged"], report["closed"]) == (0, 2, 0)
    assert _open(db) == {first, second}


def _title(db: Path, pid: str) -> str:
    with SQLiteStore(db) as store:
        found = store.get(pid)
    assert found is not None
    return found.title


def test_an_import_gives_each_job_under_the_spelling_that_holds_it(tmp_path: Path) -> None:
    """The same for a saved copy imported into such a store: the job only the other
    spelling holds is updated there, not stored a third time (before: new 1)."""
    db = tmp_path / "db.sqlite3"
    page = "https://helix.example/careers"
    (first,) = _write_jobs_as_before(db, page, JOBS[:1], synced=False)
    other = _write_jobs_as_before(db, "https://www.helix.example/careers/", JOBS, synced=False)
    code, out = _import(db, _saved_copy(tmp_path / "Careers.html", page))
    assert code == 0 and "│ Careers.html │ 2 │ 0 │ 2 │ 0 │ 0 │ ok │" in out, out
    assert set(_stored(db)) == {first} | other  # (an import closes nothing)


def test_a_config_naming_one_page_twice_keeps_both_and_closes_neither(
        careers: tuple[str, Path], tmp_path: Path) -> None:
    """Two entries of the config that spell one page two ways are two units, as before:
    neither takes the other's postings for a stored spelling to close."""
    url, config = careers
    config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\n'
                      f'urls = ["{url}", "{url}?utm_source=x"]\n')
    db = tmp_path / "db.sqlite3"
    assert _sync(db, config)[1]["new"] == 4
    code, report = _sync(db, config)
    assert (code, report["new"], report["unchanged"], report["closed"]) == (0, 0, 4, 0)
    assert len(_open(db)) == 4


@pytest.fixture
def moved(tmp_path: Path) -> Iterator[tuple[ReplayServer, Path]]:
    """The config names ``<server>/jobs``, which redirects to the careers page at
    ``<server>/careers`` (the address a browser shows, and records in a saved copy)."""
    with ReplayServer({"/jobs": Reply(b"", status=301, content_type="text/html",
                                      headers={"Location": "/careers"}),
                       "/careers": Reply(PAGE, content_type="text/html"),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\n'
                          f'urls = ["{server.url}/jobs"]\n')
        yield server, config


def test_a_saved_copy_of_the_page_a_configured_address_redirects_to_is_its_postings(
        moved: tuple[ReplayServer, Path], tmp_path: Path) -> None:
    """Sync first: the postings are keyed by the configured address and name the page the
    fetch ended at (``extra["also"]``), so a saved copy of that page is the same postings.
    Before: a second copy of each job."""
    server, config = moved
    url = server.url
    db = tmp_path / "db.sqlite3"
    code, report = _sync(db, config)
    assert (code, report["new"]) == (0, 2)
    synced = _stored(db)
    with SQLiteStore(db) as store:
        assert {p.extra.get("also") for _, p in store.iter_postings()} == {f"{url}/careers"}
    code, out = _import(db, _saved_copy(tmp_path / "Careers.html", f"{url}/careers"))
    assert code == 0 and "│ Careers.html │ 2 │ 0 │ 0 │ 2 │ 0 │ ok │" in out, out
    assert _stored(db) == synced


def test_a_configured_address_that_redirects_to_a_page_imported_before_is_its_postings(
        moved: tuple[ReplayServer, Path], tmp_path: Path) -> None:
    """Import first (the site blocked sync): the sync of an address that redirects to the
    imported page lists the imported postings under their ids, and closes what the page
    no longer lists among them. Before: a second copy of each job."""
    server, config = moved
    url = server.url
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, _saved_copy(tmp_path / "Careers.html", f"{url}/careers"))
    assert code == 0 and "│ Careers.html │ 2 │ 2 │ 0 │ 0 │ 0 │ ok │" in out, out
    imported = set(_stored(db))
    for _ in range(2):
        code, report = _sync(db, config)
        assert (code, report["new"], report["failed"]) == (0, 0, 0), report
        assert set(_stored(db)) == imported and _open(db) == imported
    with SQLiteStore(db) as store:
        (kept,) = [p.id for _, p in store.iter_postings() if p.title != "Data Engineer"]
    server.routes["/careers"] = Reply(PAGE.replace(  # the page drops its second job
        b'"@type": "JobPosting",\n   "title": "Data Engineer"',
        b'"@type": "Thing",\n   "title": "Data Engineer"'), content_type="text/html")
    code, report = _sync(db, config)
    assert (code, report["new"], report["closed"]) == (0, 0, 1), report
    assert set(_stored(db)) == imported and _open(db) == {kept}


def test_a_job_only_the_other_spelling_held_reopens_there_when_it_comes_back(
        tmp_path: Path) -> None:
    """The page's second job is held only under the saved copy's spelling; after the merge
    the page drops it (closed there) and the store is marked as holding each page under one
    spelling open; then the page lists it again: it reopens under its id, its first-seen
    date and history kept. Before: stored again under the config's spelling (new 1), its
    history left on the closed copy."""
    dropped = PAGE.replace(b'"@type": "JobPosting",\n   "title": "Data Engineer"',
                           b'"@type": "Thing",\n   "title": "Data Engineer"')
    assert dropped != PAGE
    with ReplayServer({"/careers": Reply(PAGE, content_type="text/html"),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        url = f"{server.url}/careers"
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = ["{url}"]\n')
        db = tmp_path / "db.sqlite3"
        (first,) = _write_jobs_as_before(db, url, JOBS[:1], synced=True)
        other = _write_jobs_as_before(db, f"{url}/?utm_source=linkedin", JOBS, synced=False)
        (second,) = {pid for pid in other if "Data Engineer" in _title(db, pid)}
        assert _sync(db, config)[1]["new"] == 0  # (merged: second listed under its id)
        server.routes["/careers"] = Reply(dropped, content_type="text/html")
        code, report = _sync(db, config)
        assert (code, report["closed"]) == (0, 1) and _open(db) == {first}
        _sync(db, config)  # (before: now marked as holding each page under one spelling)
        server.routes["/careers"] = Reply(PAGE, content_type="text/html")
        code, report = _sync(db, config)
    assert (code, report["new"], report["failed"]) == (0, 0, 0), report
    assert set(_stored(db)) == {first} | other
    assert _open(db) == {first, second}
    with SQLiteStore(db) as store:
        kept = store.get(second)
    assert kept is not None and kept.first_seen == THEN
