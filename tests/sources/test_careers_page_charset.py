"""A careers page that names its charset only in the HTTP Content-Type header (no BOM, no
``<meta charset>``) and is not UTF-8 is read in that charset, as a browser reads it: on
the first sync, on a 304 (the stored copy), and the header's charset is kept with the
stored page. Through ``mljobs sync`` against the replay server."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.models import Posting, Status
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply

JOB = {"@context": "https://schema.org", "@type": "JobPosting",
       "title": "Ingénieure apprentissage automatique (Données)",
       "hiringOrganization": {"@type": "Organization", "name": "Hélix Biotech"},
       "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
                                                     "addressLocality": "Zürich",
                                                     "addressCountry": "CH"}},
       "description": "<p>Modèles de protéines — rémunération 120 000 €</p>",
       "datePosted": "2026-11-02"}
# written as a site in windows-1252 writes it: no <meta charset>, the JSON's letters as
# they are (not \u escapes), "€" and "—" in the bytes windows-1252 gives them (0x80, 0x97)
PAGE = ("<!DOCTYPE html><html lang=\"fr\"><head><title>Carrières — Hélix Biotech</title>"
        "</head><body><h1>Carrières</h1><p>Rejoignez une équipe qui conçoit des protéines "
        "avec l'apprentissage automatique, à Zürich et à Bâle.</p>"
        f"<script type=\"application/ld+json\">{json.dumps(JOB, ensure_ascii=False)}"
        "</script></body></html>").encode("windows-1252")


def _sync(db: Path, config: Path) -> dict[str, object]:
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                      "--no-enrich", "--no-filter", "--json"])
    (source,) = json.loads(result.stdout)["sources"]
    return dict(source)


def test_a_page_whose_charset_only_its_header_names_is_read_in_it(tmp_path: Path) -> None:
    """Before: the HTTP client dropped the header's charset, so the page's bytes (not
    UTF-8) were read as UTF-8 with what could not be read replaced: "Ing\ufffdnieure",
    "Z\ufffdrich"."""
    with ReplayServer({
            "/careers": Reply(PAGE, content_type="text/html; charset=windows-1252",
                              etag='"v1"'),
            "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\n'
                          f'urls = ["{server.url}/careers"]\n')
        db = tmp_path / "db.sqlite3"
        first = _sync(db, config)
        assert (first["new"], first["failed"]) == (1, 0)
        (posting,) = _postings(db)
        assert posting.title == "Ingénieure apprentissage automatique (Données)"
        assert posting.company == "Hélix Biotech"
        assert posting.locations == ("Zürich, CH",)
        assert "Modèles de protéines — rémunération 120 000 €" in posting.description_text
        with SQLiteStore(db) as store:
            doc = store.get_document(posting.raw_ref or "")
        assert doc is not None and doc.media_type == "text/html; charset=windows-1252"
        assert doc.content == PAGE  # (the bytes as they came)
        # the page unchanged: a 304, its stored copy read again in the same charset
        again = _sync(db, config)
        assert server.hits["/careers"] == 2
        assert (again["new"], again["updated"], again["failed"]) == (0, 0, 0)
        (kept,) = _postings(db)
        assert (kept.id, kept.title, kept.company, kept.locations, kept.description_text,
                kept.content_hash) == (posting.id, posting.title, posting.company,
                                       posting.locations, posting.description_text,
                                       posting.content_hash)


def _postings(db: Path) -> list[Posting]:
    with SQLiteStore(db) as store:
        return [p for _, p in store.iter_postings(status=Status.OPEN.value)]



def test_a_page_stored_without_its_charset_is_fetched_whole_once_and_read_in_it(
        tmp_path: Path) -> None:
    """A store written before the header's charset was kept (the page stored as
    ``text/html``, its posting garbled), its server answering 304 as long as the page does
    not change: the stored copy names no charset and is not UTF-8, so its validators are
    not sent and the page is fetched whole, once; its answer names the charset, and the
    page is read in it from then on, 304s too. Before: every 304 read the stored copy as
    UTF-8 again, and the posting stayed "Ing\ufffdnieure" until the page changed."""
    page = Reply(PAGE, content_type="text/html", etag='"v1"')
    with ReplayServer({"/careers": page,
                       "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\n'
                          f'urls = ["{server.url}/careers"]\n')
        db = tmp_path / "db.sqlite3"
        assert _sync(db, config)["new"] == 1  # (stored as the version before kept it)
        (garbled,) = _postings(db)
        assert garbled.title.startswith("Ing\ufffdnieure")
        page.content_type = "text/html; charset=windows-1252"  # the header the client lost
        again = _sync(db, config)
        assert (again["new"], again["closed"], again["failed"]) == (1, 1, 0)
        (posting,) = _postings(db)
        assert posting.title == "Ingénieure apprentissage automatique (Données)"
        assert posting.locations == ("Zürich, CH",)
        with SQLiteStore(db) as store:
            doc = store.get_document(posting.raw_ref or "")
        assert doc is not None and doc.media_type == "text/html; charset=windows-1252"
        # the stored copy names its charset now: the next sync is a 304, read in it
        third = _sync(db, config)
        assert (third["new"], third["updated"], third["closed"]) == (0, 0, 0)
        assert [headers.get("If-None-Match") for path, headers in server.requests
                if path == "/careers"] == [None, None, '"v1"']
        assert [p.title for p in _postings(db)] == [posting.title]
