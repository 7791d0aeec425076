"""What happens to a posting between the source and the store.

``default_enricher()`` returns the understanding step (``mljobs.enrich``)
as a batch function ``list[Posting] -> list[Posting]``, used by import and
sync alike so the store always holds postings understood the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mljobs.models import Posting

Enricher = Callable[[Sequence[Posting]], list[Posting]]


def default_enricher() -> Enricher:
    """The enrichment pipeline as a batch function, its taxonomy and model loaded (and frozen
    out of the garbage collector's passes: ``mljobs.enrich.warm``)."""
    from mljobs.enrich import enrich_postings
    from mljobs.enrich.warm import warm_up

    warm_up()
    return enrich_postings
