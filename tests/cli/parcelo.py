"""A Hacker News post that names two roles, the ML one's text linking a partner's Lever job:
the rows ``enrich --store``'s tests import, store whole and split (test_enrich_store_links,
test_enrich_store_split), as an import and a sync do (test_removed_postings); and what a user
sees of a store that holds them (``user_view``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore

JOB = "https://jobs.lever.co/northwind/5f1c9a"
_DUTIES = "You will own the services that route parcels across Europe and talk to carriers daily. "
POST = ("Parcelo | Berlin | Onsite\n\nParcelo builds routing software for parcel carriers.\n\n"
        "Backend Engineer\n\n" + _DUTIES * 2 + "\n\nMachine Learning Engineer\n\n"
        + "You will train arrival-time models in PyTorch and ship them. " * 4
        + f"\n\nOur partner Northwind hires for this role too: {JOB}\n\n"
        "Apply: jobs@parcelo.example with your GitHub.")
# (the post, and the partner's job its Machine Learning role links to)
ROWS: list[dict[str, Any]] = [
    {"id": "hn-900501", "source": "hackernews", "title": "Parcelo | Berlin | Onsite", "text": POST},
    {"id": "nw-1", "source": "lever", "title": "Machine Learning Engineer", "company": "Northwind",
     "text": "Train arrival-time models in PyTorch at Northwind.", "url": JOB},
]
# a Glassdoor row beside them (test_enrich_store_split, test_removed_postings)
QUILL = {"id": "gd-1", "source": "glassdoor", "title": "Data Scientist", "company": "Quill",
         "text": "Build churn models in Python and SQL for Quill's subscription product."}


def cli(db: Path, *args: str) -> str:
    """``mljobs --db db ...``'s output; it must succeed."""
    res = CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def write_rows(path: Path, rows: list[dict[str, Any]]) -> Path:
    """``rows`` as a JSON-lines file at ``path``."""
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def user_view(db: Path, engine: str = "tantivy") -> dict[str, Any]:
    """What a user sees of the store: each posting (title, status, archetype, link, the other
    sources its cluster lists), the text links, and what search (in ``engine``) finds."""
    with SQLiteStore(db) as store:
        postings = {
            p.id: (p.title, p.status.value, p.enrichment.archetype if p.enrichment else None,
                   p.canonical_id, sorted(p.extra.get("also_sources", [])))
            for _, p in store.iter_postings()}
        links = sorted(store.conn.execute("SELECT url, posting_id FROM text_links"))
    found: dict[str, Any] = {}
    for q in ("engineer", "PyTorch", "Parcelo", "churn"):
        got = json.loads(cli(db, "search", q, "--json", "--engine", engine))
        found[q] = (sorted(hit["id"] for hit in got["hits"]), got["facets"])
    return {"postings": postings, "text_links": links, "search": found}
