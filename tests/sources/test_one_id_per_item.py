"""Careers pages and feeds through ``mljobs sync`` (the replay server): items of one document
that got one id were all but one lost; each is now a posting, with ids stable across syncs."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply

runner = CliRunner()


def _job(city: str, number: int) -> dict[str, object]:
    return {"@context": "https://schema.org/", "@type": "JobPosting",
            "title": "Machine Learning Engineer", "datePosted": "2026-03-02",
            "hiringOrganization": {"@type": "Organization", "name": "Acme Robotics"},
            "jobLocation": {"@type": "Place", "address": {
                "@type": "PostalAddress", "addressLocality": city}},
            "url": f"https://acme.example/jobs/{number}",
            "description": f"<p>Train perception models with PyTorch in {city}.</p>"}


def _page(*cities: str) -> Reply:
    """A careers page with one JobPosting of one title (no identifier) per city."""
    body = json.dumps([_job(city, len(city)) for city in cities])
    return Reply(f'<html><head><script type="application/ld+json">{body}</script></head>'
                 "<body>Careers</body></html>".encode(), content_type="text/html")


def _feed(*titles: str) -> Reply:
    """An RSS feed whose items have no guid and all link to the careers page."""
    items = "".join(
        f"<item><title>{title} at Acme Robotics</title><link>https://acme.example/careers"
        f"</link><description>Machine learning with PyTorch: {title}.</description>"
        "<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>" for title in titles)
    return Reply((f'<?xml version="1.0"?><rss version="2.0"><channel><title>Acme jobs'
                  f"</title><link>https://acme.example/</link>{items}</channel></rss>"
                  ).encode(), content_type="application/rss+xml")


def _config(config: Path, kind: str, url: str) -> None:
    config.write_text(f'[[sources]]\nname = "acme"\ntype = "{kind}"\nurls = ["{url}/jobs"]\n',
                      encoding="utf-8")


def _sync(db: Path, config: Path) -> dict[str, int]:
    result = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                 "--no-enrich", "--json"])
    assert result.exit_code == 0, result.output
    counts: dict[str, int] = json.loads(result.stdout)["sources"][0]
    return counts


def _stored(db: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    with SQLiteStore(db) as store:
        return {p.id: (p.title, tuple(p.locations)) for _, p in store.iter_postings()}


def test_two_postings_of_one_title_on_a_page_are_two(tmp_path: Path) -> None:
    config, db = tmp_path / "sources.toml", tmp_path / "s.sqlite3"
    with ReplayServer({"/jobs": _page("Berlin", "Paris"), "/robots.txt": Reply(b"", 404)}) as srv:
        _config(config, "jsonld", srv.url)
        assert _sync(db, config)["new"] == 2
        assert _sync(db, config)["unchanged"] == 2  # the ids are stable
    assert sorted(place for _, place in _stored(db).values()) == [("Berlin",), ("Paris",)]


def test_feed_entries_without_a_guid_that_link_to_one_page_are_each_kept(tmp_path: Path) -> None:
    """A feed whose items have no guid and all link to the careers page gave one id to every
    item: one posting was kept of three."""
    config, db = tmp_path / "sources.toml", tmp_path / "s.sqlite3"
    with ReplayServer({"/jobs": _feed("ML Engineer", "Data Scientist",
                                      "Research Scientist")}) as srv:
        _config(config, "feed", srv.url)
        assert _sync(db, config)["new"] == 3
        assert _sync(db, config)["unchanged"] == 3


def test_a_posting_stored_under_a_shared_id_keeps_it_when_a_twin_is_listed_above(
        tmp_path: Path) -> None:
    """The id two items share is the one a store holds from before (an upsert of one id
    twice kept the last), and a newest-first page or feed lists a new twin above the older
    one: the last keeps it. With the first keeping it, the stored posting's id went to the
    new job (an 'update' to another job) and the stored job came back as new."""
    for kind, before, after in (("jsonld", _page("Paris"), _page("Berlin", "Paris")),
                                ("feed", _feed("Data Scientist"),
                                 _feed("ML Engineer", "Data Scientist"))):
        db, config = tmp_path / f"{kind}.sqlite3", tmp_path / f"{kind}.toml"
        with ReplayServer({"/jobs": before, "/robots.txt": Reply(b"", 404)}) as srv:
            _config(config, kind, srv.url)
            assert _sync(db, config)["new"] == 1
            (old_id, old), = _stored(db).items()
            srv.routes["/jobs"] = after
            counts = _sync(db, config)
        assert (counts["new"], counts["updated"], counts["unchanged"]) == (1, 0, 1), kind
        stored = _stored(db)
        assert stored[old_id] == old, kind  # the stored job keeps its id, and its id its job
        assert len(stored) == 2, kind
