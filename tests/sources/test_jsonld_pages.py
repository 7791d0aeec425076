"""Careers pages through ``mljobs sync`` (the replay server): a page with two JobPostings of one
title and no identifier (one job in two cities) kept one of them, as both had one id."""

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
