"""A careers page saved from a browser and given to ``mljobs import``: read by the careers-page
source's parser, under the address the saved file records (else the file's own), through the
import's pipeline (enrich, store, duplicate linking). Before: ``.html`` was an unknown file
type ("use a .jsonl, .json or .csv file")."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.errors import InputError
from mljobs.importer import import_file
from mljobs.sources.jsonld import page_key, saved_page_address
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply

SAVED = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "jsonld"


def _stored(db: Path) -> dict[str, dict[str, object]]:
    with SQLiteStore(db) as store:
        return {p.id: {"title": p.title, "company": p.company, "url": p.url,
                      "page": p.extra.get("page"), "raw": p.raw_ref,
                      "archetype": p.enrichment.archetype if p.enrichment else None}
                for _, p in store.iter_postings()}


def _import(db: Path, *files: Path, enrich: bool = True) -> tuple[int, str]:
    args = ["--db", str(db), "import", *map(str, files)] + ([] if enrich else ["--no-enrich"])
    result = CliRunner().invoke(app, args)
    return result.exit_code, " ".join(result.output.split())


def test_a_page_chrome_saved_imports_under_its_address(tmp_path: Path) -> None:
    """Chrome's "Webpage, Complete" writes the address in its mark ("-%2D" for "--"): the
    postings' ids, page and links are a sync's of that address; enriched; the page stored."""
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, SAVED / "saved-chrome.html")
    assert code == 0, out
    address = "https://careers.example.com/open--roles/"
    stored = _stored(db)
    assert {p["title"] for p in stored.values()} == {"Senior Machine Learning Scientist",
                                                     "Data Engineer"}
    for pid, posting in stored.items():
        assert pid.startswith(f"jsonld:{page_key(address)}:")
        assert posting["page"] == posting["url"] == address
        assert posting["company"] == "Helix Bio"
    scientist = next(p for p in stored.values() if p["title"].startswith("Senior"))
    assert scientist["archetype"] not in (None, "not-ml")  # enriched
    with SQLiteStore(db) as store:  # the saved page is the postings' raw document, once
        raws = {p["raw"] for p in stored.values()}
        assert len(raws) == 1
        doc = store.get_document(str(raws.pop()))
        assert doc is not None and doc.ref == address and doc.media_type == "text/html"
        assert doc.content == (SAVED / "saved-chrome.html").read_bytes()
    assert _import(db, SAVED / "saved-chrome.html")[0] == 0  # again: nothing changes
    assert _stored(db) == stored


def test_a_page_synced_then_saved_and_imported_is_the_same_postings(tmp_path: Path) -> None:
    """Sync reads the page, then (the site now behind a bot check) the seeker saves it from
    the browser and imports it: the same postings, unchanged, not a second copy."""
    page = (SAVED / "careers.html").read_bytes()
    with ReplayServer({"/careers": Reply(page, content_type="text/html"),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        url = f"{server.url}/careers"
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = ["{url}"]\n')
        db = tmp_path / "db.sqlite3"
        synced = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                          "--no-filter", "--json"])
        assert json.loads(synced.stdout)["sources"][0]["new"] == 2
    before = _stored(db)
    saved = tmp_path / "Careers.html"
    mark = f"<!-- saved from url=({len(url):04d}){url} -->"
    saved.write_bytes(b"<!DOCTYPE html>\n" + mark.encode() + b"\n" + page)
    code, out = _import(db, saved)
    assert code == 0, out
    # rows, new, updated, unchanged, bad rows
    assert "│ Careers.html │ 2 │ 0 │ 0 │ 2 │ 0 │ ok │" in out
    assert set(_stored(db)) == set(before)


def test_a_page_firefox_saved_has_its_canonical_address_and_microdata(
        store: SQLiteStore, now: datetime) -> None:
    """Firefox writes no address of its own: the page's canonical link gives it (its
    "&amp;" read as "&"); the JobPosting is in microdata."""
    report = import_file(store, SAVED / "saved-firefox.html", now=now)
    assert (report.rows, report.new, report.failed) == (1, 1, 0)
    ((_, posting),) = list(store.iter_postings())
    pid = posting.id
    address = "https://optic.example.com/careers/cv-engineer?src=list&ref=1"
    assert pid.startswith(f"jsonld:{page_key(address)}:")
    assert (posting.title, posting.company, posting.url) == (
        "Computer Vision Engineer", "Optic Systems", address)
    assert list(posting.locations) == ["Eindhoven, NL"]


def test_a_page_singlefile_saved_has_the_address_of_its_comment(
        store: SQLiteStore, now: datetime) -> None:
    report = import_file(store, SAVED / "saved-singlefile.html", now=now)
    assert (report.rows, report.new) == (2, 2)
    address = "https://careers.example.com/jobs"
    assert {p.url for _, p in store.iter_postings()} == {address}
    assert all(p.id.startswith(f"jsonld:{page_key(address)}:") for _, p in store.iter_postings())


def test_a_page_that_records_no_address_is_keyed_by_its_file(
        store: SQLiteStore, now: datetime, tmp_path: Path) -> None:
    """Chrome's "HTML Only" saves the page as served: no mark, and this page has no canonical
    link: the ids are the file's (stable on a re-import), and the postings link nowhere."""
    saved = tmp_path / "Careers.html"
    shutil.copy(SAVED / "careers.html", saved)
    first = import_file(store, saved, now=now, fmt="html")
    assert (first.rows, first.new) == (2, 2)
    own = saved.resolve().as_uri()
    for _, posting in store.iter_postings():
        assert posting.id.startswith(f"jsonld:{page_key(own)}:")
        assert posting.url is None and posting.extra["page"] == own
    again = import_file(store, saved, now=now)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


@pytest.mark.parametrize(("name", "said"), [
    ("saved-no-jobs.html", "no schema.org JobPosting could be read from the saved page"),
    ("saved-bot-check.html",
     "the saved page is the site's bot check ('Just a moment...'), not the careers page"),
])
def test_a_saved_page_with_no_jobposting_says_so_and_stores_nothing(
        tmp_path: Path, name: str, said: str) -> None:
    db = tmp_path / "db.sqlite3"
    code, out = _import(db, SAVED / name, enrich=False)
    assert code == 1
    assert f"InputError: {SAVED / name}: {said}" in out
    assert "save it again" in out  # what to do
    assert "Traceback" not in out
    assert _stored(db) == {}


def test_a_saved_page_with_broken_markup_names_it(
        store: SQLiteStore, now: datetime, tmp_path: Path) -> None:
    saved = tmp_path / "broken.htm"
    shutil.copy(SAVED / "broken.html", saved)
    with pytest.raises(InputError) as raised:
        import_file(store, saved, now=now)
    message = str(raised.value)
    assert message.startswith(f"{saved}: no schema.org JobPosting could be read from the saved "
                              "page: its JSON-LD block cannot be read even leniently (")
    assert message.endswith("; the site's markup is broken, and the page cannot be imported "
                            "until its owner fixes it")
    assert store.count() == 0


# (a title with a ";" is said whole: the reason was cut at the parser's first ";", so
# "Sign in; Acme" was said "(it reads as a sign-in page ('Sign in)")
@pytest.mark.parametrize("title", ["Sign in | Acme", "Sign in; Acme"])
def test_a_saved_sign_in_page_says_what_it_is(
        store: SQLiteStore, now: datetime, tmp_path: Path, title: str) -> None:
    saved = tmp_path / "Careers.html"
    saved.write_text("<!DOCTYPE html>\n<!-- saved from url=(0025)https://acme.example/jobs -->\n"
                     f"<html><head><title>{title}</title></head><body><form><input "
                     "type=\"password\" name=\"pw\"></form></body></html>", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        import_file(store, saved, now=now)
    assert str(raised.value).startswith(
        f"{saved}: no schema.org JobPosting could be read from the saved page (it reads as a "
        f"sign-in page ({title!r})); open the page in your browser")


@pytest.mark.parametrize(("page", "address"), [
    # Chrome's mark wins over the page's own canonical link (the address the browser was at)
    (("<!DOCTYPE html>\n<!-- saved from url=(0031)https://a.example/x-%2D-%2Dy -->\n"
      '<html><head><link rel="canonical" href="https://a.example/canon">'),
     "https://a.example/x----y"),
    # a page saved from a saved file: its mark names a file, the canonical link is read
    (("<!-- saved from url=(0022)file:///tmp/Careers.html -->\n<html><head>"
      "<link href='https://a.example/jobs' rel='canonical'>"), "https://a.example/jobs"),
    # og:url (either order of attributes); a relative canonical link is no address
    (('<html><head><link rel=canonical href="/jobs"><meta content="https://b.example/jobs" '
      'property="og:url">'), "https://b.example/jobs"),
    ("<html><head><title>Careers</title></head><body>saved from url=(0010)nowhere</body>",
     None),
])
def test_the_address_a_saved_page_records(page: str, address: str | None) -> None:
    assert saved_page_address(page) == address


# -- a saved page's postings and the sync of its address (savedpage19b) --------------------

# the page as sync is served it: built by JavaScript around enough static text to read
# plainly (no bot check, no error page), and no JobPosting until the scripts run
BUILT_BY_SCRIPT = Reply(
    b"<!doctype html><html><head><title>Careers at Helix Bio</title></head><body>"
    b'<div id="jobs-root"></div><script src="/jobs-widget.js"></script><footer><p>Helix Bio '
    b"designs proteins with machine learning. Our labs are in Cambridge and Basel. Read about "
    b"our science, our team and our values, and follow us for news of the work. Contact "
    b"press@example.com for press questions.</p></footer></body></html>",
    content_type="text/html; charset=utf-8")


def _saved_copy(path: Path, url: str, page: bytes) -> Path:
    """``page`` as Chrome's "Webpage, Complete" saves it from ``url``: its mark after the
    doctype (the scripts' JobPostings are in the page it keeps)."""
    path.write_bytes(b"<!DOCTYPE html>\n" + f"<!-- saved from url=({len(url):04d}){url} -->"
                     .encode() + b"\n" + page)
    return path


def _sync(db: Path, config: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                      "--no-enrich", "--no-filter", "--json"])
    (source,) = json.loads(result.stdout)["sources"]
    return result.exit_code, source


def _open_titles(db: Path) -> set[str]:
    with SQLiteStore(db) as store:
        return {p.title for _, p in store.iter_postings(status="open")}


@pytest.fixture
def careers(tmp_path: Path) -> Iterator[tuple[ReplayServer, Path, str]]:
    """A careers page in the sync config, served by the replay server; (server, config,
    the page's address)."""
    with ReplayServer({"/careers": BUILT_BY_SCRIPT,
                       "/robots.txt": Reply(b"", status=404)}) as server:
        url = f"{server.url}/careers"
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = ["{url}"]\n')
        yield server, config, url


def test_a_sync_of_a_page_built_by_script_leaves_its_imported_postings_open(
        careers: tuple[ReplayServer, Path, str], tmp_path: Path) -> None:
    """The page sync reads plainly with no JobPosting (built by JavaScript) was saved from
    the browser with its jobs and imported: a sync takes it for a page that never gave a
    posting (the hint, nothing closed). Before, it took the page for emptied, as one that
    listed jobs, and closed the 2 imported postings."""
    server, config, url = careers
    db = tmp_path / "db.sqlite3"
    saved = _saved_copy(tmp_path / "Careers.html", url, (SAVED / "careers.html").read_bytes())
    code, out = _import(db, saved, enrich=False)
    assert code == 0, out
    titles = {"Senior Machine Learning Scientist", "Data Engineer"}
    assert _open_titles(db) == titles
    code, report = _sync(db, config)
    assert (report["closed"], report["failed"]) == (0, 1)
    (error,) = report["errors"]
    assert "has never given a posting" in error and "/careers" in error
    assert code == 1
    assert _open_titles(db) == titles
    # the page comes to list its jobs as served: the imported postings are a sync's now
    server.routes["/careers"] = Reply((SAVED / "careers.html").read_bytes(),
                                      content_type="text/html")
    code, report = _sync(db, config)
    assert (code, report["new"], report["unchanged"], report["failed"]) == (0, 0, 2, 0)
    # and close, as a synced page's postings do, once it lists none (and reopen after)
    server.routes["/careers"] = BUILT_BY_SCRIPT
    code, report = _sync(db, config)
    assert (code, report["closed"], report["failed"]) == (0, 2, 0)
    assert _open_titles(db) == set()


def test_a_page_that_lists_nothing_closes_only_the_postings_a_sync_listed(
        careers: tuple[ReplayServer, Path, str], tmp_path: Path) -> None:
    """Sync listed 2 jobs of the page; a saved copy showed a third (loaded by the page's
    scripts) and was imported; the page lists none now: the 2 close, the third is no sync's
    and stays open."""
    server, config, url = careers
    db = tmp_path / "db.sqlite3"
    server.routes["/careers"] = Reply((SAVED / "careers.html").read_bytes(),
                                      content_type="text/html")
    code, report = _sync(db, config)
    assert (code, report["new"]) == (0, 2)
    saved = _saved_copy(tmp_path / "Careers.html", url, (SAVED / "microdata.html").read_bytes())
    code, out = _import(db, saved, enrich=False)
    assert code == 0 and "│ Careers.html │ 1 │ 1 │" in out, out
    server.routes["/careers"] = BUILT_BY_SCRIPT
    code, report = _sync(db, config)
    assert (code, report["closed"], report["failed"]) == (0, 2, 0)
    assert _open_titles(db) == {"Computer Vision Engineer"}
    # a page that lists jobs again, but not that one: it closes, as any job a listing drops
    server.routes["/careers"] = Reply((SAVED / "careers.html").read_bytes(),
                                      content_type="text/html")
    code, report = _sync(db, config)
    assert (code, report["closed"], report["updated"], report["reopened"]) == (0, 1, 0, 2)
    assert _open_titles(db) == {"Senior Machine Learning Scientist", "Data Engineer"}
