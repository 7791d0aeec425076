"""A store written before careers-page ids had a page part (``jsonld:<job key>``, up to
0.x/main) goes on seamlessly: each job stored then is updated, reopened and closed under the
id it has, never stored a second time, and a job the page no longer lists closes.

The earlier store is written the way that code wrote it, through the store API: its ids by
that code's rule (``short_hash(page, identifier, title)``, told apart by ``one_id_each`` when
two jobs share one), its postings naming their page in ``extra["page"]``. Then ``mljobs
sync`` runs against the loopback replay server."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mljobs.cli.app import app
from mljobs.models import RawPosting, Status
from mljobs.normalize import normalize
from mljobs.sources.base import one_id_each, short_hash
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply

THEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
TEXT = ("<p>Helix Bio designs proteins with machine learning. Our labs are in Cambridge and "
        "Basel. Read about our science, our team and our values, and follow us for news of "
        "the work. Contact press@example.com for press questions.</p>")


def job(title: str, *, ident: str | None = None, city: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "JobPosting", "title": title,
                           "hiringOrganization": {"@type": "Organization", "name": "Helix Bio"},
                           "description": f"<p>{title} at Helix Bio.</p>"}
    if ident:
        out["identifier"] = {"@type": "PropertyValue", "value": ident}
    if city:
        out["jobLocation"] = {"@type": "Place", "address": {"addressLocality": city}}
    return out


LISTED = [job("ML Scientist", ident="HB-7"), job("Data Engineer"),
          # one job in two cities, no identifier: one id, told apart
          job("Research Engineer", city="London"), job("Research Engineer", city="Zurich")]
GONE = job("Lab Automation Engineer", ident="HB-3")  # listed before the upgrade, not now


def page(jobs: list[dict[str, Any]]) -> Reply:
    block = json.dumps({"@context": "https://schema.org", "@graph": jobs})
    html = (f"<!doctype html><html><head><title>Careers</title><script "
            f'type="application/ld+json">{block}</script></head><body><h1>Careers</h1>'
            f"{TEXT}</body></html>")
    return Reply(html.encode(), content_type="text/html; charset=utf-8")


def earlier_store(db: Path, page_url: str, jobs: list[dict[str, Any]], *,
                  closed: tuple[str, ...] = ()) -> dict[str, str]:
    """Write ``jobs`` as the code before the change stored them; ``{title@city: id}``."""
    raws = []
    for item in jobs:
        ident = item.get("identifier", {}).get("value") or ""
        city = item.get("jobLocation", {}).get("address", {}).get("addressLocality")
        raw = RawPosting(source="jsonld", source_id=short_hash(page_url, ident, item["title"]),
                         title=item["title"], company="Helix Bio", url=page_url,
                         locations=[city] if city else [],
                         description_html=item["description"],
                         extra={"page": page_url, "valid_through": None})
        raws.append((raw, (raw.url or "", *raw.locations)))
    postings = [normalize(raw) for raw in one_id_each(raws)]
    with SQLiteStore(db) as store:
        store.upsert(postings, now=THEN)
        store.close_open([p.id for p in postings if p.title in closed], now=THEN)
    return {f"{p.title}@{','.join(p.locations)}": p.id for p in postings}


def sync(db: Path, config: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["sync", "--config", str(config), "--db", str(db),
                                      "--no-enrich", "--no-filter", "--json"])
    (source,) = json.loads(result.stdout)["sources"]
    return result.exit_code, source


def stored(db: Path) -> dict[str, tuple[str, datetime | None]]:
    with SQLiteStore(db) as store:
        return {p.id: (p.status.value, p.first_seen) for _, p in store.iter_postings()}


@pytest.fixture
def upgraded(tmp_path: Path) -> Any:
    with ReplayServer({"/careers": page(LISTED), "/other": page([job("Biologist")]),
                       "/robots.txt": Reply(b"", status=404)}) as server:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = '
                          f'["{server.url}/careers"]\n')
        db = tmp_path / "db.sqlite3"
        ids = earlier_store(db, f"{server.url}/careers", [*LISTED, GONE],
                            closed=("Data Engineer",))
        ids |= earlier_store(db, f"{server.url}/other", [job("Biologist")])
        yield server, config, db, ids


def test_postings_stored_under_the_earlier_ids_go_on_under_them(upgraded: Any) -> None:
    _, config, db, ids = upgraded
    assert len(set(ids.values())) == 6  # the two Research Engineers were told apart
    code, first = sync(db, config)
    assert code == 0 and first["failed"] == 0
    # nothing stored twice; the job no longer listed closed; the closed one listed reopened
    assert (first["new"], first["closed"]) == (0, 1)
    after = stored(db)
    assert set(after) == set(ids.values())
    assert {i for i, (status, _) in after.items() if status == "closed"} == {
        ids["Lab Automation Engineer@"]}
    assert all(seen == THEN for _, seen in after.values())  # history kept: first seen then
    with SQLiteStore(db) as store:
        kinds = [c.kind for c in store.changes(ids["Data Engineer@"])]
    assert kinds[0] == "created" and kinds[-1] == "reopened" and "closed" in kinds
    # a page of another unit (not in the config any more) is left as it was
    assert after[ids["Biologist@"]][0] == "open"

    code, again = sync(db, config)  # steady: nothing new, nothing closed
    assert (code, again["new"], again["closed"], again["failed"]) == (0, 0, 0, 0)
    assert stored(db) == after


def test_an_emptied_page_closes_its_earlier_postings_and_a_new_job_gets_a_new_id(
        upgraded: Any) -> None:
    server, config, db, ids = upgraded
    sync(db, config)
    server.routes["/careers"] = page([])  # plainly read, no job: the earlier ones close
    code, emptied = sync(db, config)
    assert (code, emptied["closed"], emptied["failed"]) == (0, 4, 0)
    server.routes["/careers"] = page([*LISTED, job("Protein Designer", ident="HB-9")])
    code, back = sync(db, config)
    assert (code, back["new"], back["failed"]) == (0, 1, 0)
    after = stored(db)
    reopened = {ids[k] for k in ids if k.split("@")[0] in {j["title"] for j in LISTED}}
    assert {i for i in reopened if after[i][0] == Status.OPEN.value} == reopened
    (new,) = set(after) - set(ids.values())
    assert new.startswith("jsonld:") and new.count(":") == 2  # the page-keyed form
