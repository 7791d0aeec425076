"""A Hacker News post that names two roles, the ML one's text linking a partner's Lever job:
the rows ``enrich --store``'s tests import, store whole and split (test_enrich_store_links,
test_enrich_store_split)."""

from __future__ import annotations

from typing import Any

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
