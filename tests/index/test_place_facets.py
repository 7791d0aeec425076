"""The country and region facets (``mljobs.places`` over a posting's locations) are indexed
and filtered alike by both engines."""

from __future__ import annotations

from datetime import datetime

from mljobs.index import ENGINES, SearchQuery, open_index
from mljobs.models import RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore

LOCATIONS = {
    "sf": ["San Francisco, CA"],
    "ldn": ["London, UK", "Remote (EU only)"],
    "emea": ["Remote - EMEA"],
    "anywhere": ["Remote (Worldwide)"],
    "none": [],
    "sp": ["São Paulo"],
}


def test_both_engines_index_and_filter_country_and_region_alike(store: SQLiteStore,
                                                                now: datetime) -> None:
    store.upsert([normalize(RawPosting(source="t", source_id=key, title="ML Engineer",
                                       company="Acme", locations=locations,
                                       description_text="Train models."))
                  for key, locations in LOCATIONS.items()], now=now)
    seen = []
    for engine in sorted(ENGINES):
        idx = open_index(store, engine)
        try:
            everything = idx.search(SearchQuery(facets=("country", "region"), limit=100))
            facets = {name: dict(pairs) for name, pairs in everything.facets.items()}
            found = {
                (name, value): sorted(h.id for h in idx.search(SearchQuery(
                    filters={name: [value]}, facets=(), limit=100)).hits)
                for name, value in (("country", "US"), ("country", "GB"), ("region", "europe"),
                                    ("region", "latin-america"), ("country", "FR"))}
            both = idx.search(SearchQuery(filters={"country": ["US", "BR"]}, facets=())).total
        finally:
            idx.close()
        assert facets == {"country": {"US": 1, "GB": 1, "BR": 1},
                          "region": {"north-america": 1, "europe": 2, "middle-east": 1,
                                     "africa": 1, "latin-america": 1}}, engine
        assert found == {("country", "US"): ["t:sf"], ("country", "GB"): ["t:ldn"],
                         ("region", "europe"): ["t:emea", "t:ldn"],
                         ("region", "latin-america"): ["t:sp"], ("country", "FR"): []}, engine
        assert both == 2
        seen.append((facets, found))
    assert seen[0] == seen[1]
