"""The understanding step's version: what ``Enrichment.version`` records.

``version()`` is ``ENRICH_VERSION`` and the packaged taxonomy's version
(``"10+skills.2026.11.12"``). It is its own module so that ``mljobs stats``, ``--version``
and the upgrade checks (``mljobs.pipeline.understanding``, ``to_understand``) read it
without loading the pipeline (the archetype model and numpy with it).
"""

from __future__ import annotations

from mljobs.enrich.skills import default_taxonomy

# A whole number, bumped when what the pipeline reads changes (tests/enrich/
# test_enrich_version.py guards it): ``models.version_order`` orders stored versions by it,
# so that no older mljobs overwrites a newer one's understanding; "1.1" would order none.
ENRICH_VERSION = "10"  # 10: a PhD the post offers ("CS PhD position") is no PhD asked.
#    9: an HN comment's link that HN shows shortened ("...") read whole. 8: a degree's
#    mangled apostrophe ("Masterrsquos"), the plural "recommendations" no recsys term. 7: facet wording read on batch1-3 (telework, level
#    fields, ...), prose pay; a record read as the store holds it (one-line title, tidied text)


def version() -> str:
    """Pipeline version including the taxonomy version."""
    return f"{ENRICH_VERSION}+skills.{default_taxonomy().version}"
