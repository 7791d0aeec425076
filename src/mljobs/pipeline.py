"""What happens to a posting between the source and the store.

``default_enricher()`` returns the understanding step (``mljobs.enrich``)
as a batch function ``list[Posting] -> list[Posting]``, used by import and
sync alike so the store always holds postings understood the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mljobs.models import Posting

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

Enricher = Callable[[Sequence[Posting]], list[Posting]]


def keep_split_posts(store: SQLiteStore, postings: list[Posting]) -> list[Posting]:
    """The postings to store when there is no enricher (``--no-enrich``).

    A post that the store already holds split per role (``<id>/r1``, ``<id>/r2``, ...,
    written by an enriched import or sync; the post itself is not stored) is split the
    same way again, without enrichment, so the roles' text is updated and their stored
    enrichment kept (the store keeps a posting's enrichment when an update comes without
    one), instead of the whole post being added beside them as a second copy of the job.
    If the post no longer splits (its text changed that much), it is left out and its
    roles stay as they were: an enriched import handles it. Other postings pass as they are.
    """
    if not postings:
        return postings
    stored = store.present([p.id for p in postings] + [f"{p.id}/r1" for p in postings])
    split = {p.id for p in postings if p.id not in stored and f"{p.id}/r1" in stored}
    if not split:
        return postings
    from mljobs.enrich.pipeline import role_postings

    out: list[Posting] = []
    for posting in postings:
        if posting.id not in split:
            out.append(posting)
            continue
        roles = role_postings(posting)
        if roles[0].id != posting.id:  # it still splits
            out.extend(roles)
    return out


def default_enricher() -> Enricher:
    """The enrichment pipeline as a batch function, its taxonomy and model loaded (and frozen
    out of the garbage collector's passes: ``mljobs.enrich.warm``)."""
    from mljobs.enrich import enrich_postings
    from mljobs.enrich.warm import warm_up

    warm_up()
    return enrich_postings
