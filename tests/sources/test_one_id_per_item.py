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


def test_two_postings_of_one_title_on_a_page_are_two(tmp_path: Path) -> None:
    page = ('<html><head><script type="application/ld+json">'
            + json.dumps([_job("Berlin", 1), _job("Paris", 2)])
            + "</script></head><body>Careers</body></html>").encode()
    config = tmp_path / "sources.toml"
    db = tmp_path / "s.sqlite3"
    with ReplayServer({"/careers": Reply(page, content_type="text/html"),
                       "/robots.txt": Reply(b"", 404)}) as srv:
        config.write_text(f'[[sources]]\nname = "acme"\ntype = "jsonld"\n'
                          f'urls = ["{srv.url}/careers"]\n', encoding="utf-8")
        args = ["--db", str(db), "sync", "--config", str(config), "--no-enrich", "--json"]
        first = runner.invoke(app, args)
        second = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["sources"][0]["new"] == 2
    assert json.loads(second.stdout)["sources"][0]["unchanged"] == 2  # the ids are stable
    with SQLiteStore(db) as store:
        places = sorted(tuple(p.locations) for _, p in store.iter_postings())
    assert places == [("Berlin",), ("Paris",)]


def test_feed_entries_without_a_guid_that_link_to_one_page_are_each_kept(tmp_path: Path) -> None:
    """A feed whose items have no guid and all link to the careers page gave one id to every
    item: one posting was kept of three."""
    items = "".join(
        f"<item><title>{title} at Acme Robotics</title><link>https://acme.example/careers</link>"
        f"<description>Machine learning with PyTorch: {title}.</description>"
        f"<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>"
        for title in ("ML Engineer", "Data Scientist", "Research Scientist"))
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Acme jobs</title>'
            f"<link>https://acme.example/</link>{items}</channel></rss>").encode()
    config = tmp_path / "sources.toml"
    db = tmp_path / "s.sqlite3"
    with ReplayServer({"/jobs.rss": Reply(feed, content_type="application/rss+xml")}) as srv:
        config.write_text(f'[[sources]]\nname = "acme"\ntype = "feed"\n'
                          f'urls = ["{srv.url}/jobs.rss"]\n', encoding="utf-8")
        args = ["--db", str(db), "sync", "--config", str(config), "--no-enrich", "--json"]
        first = runner.invoke(app, args)
        second = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["sources"][0]["new"] == 3
    assert json.loads(second.stdout)["sources"][0]["unchanged"] == 3
