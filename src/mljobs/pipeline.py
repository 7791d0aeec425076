"""What happens to a posting between the source and the store.

``default_enricher()`` returns the understanding step (``mljobs.enrich``)
as a batch function ``list[Posting] -> list[Posting]``, used by import and
sync alike so the store always holds postings understood the same way;
``to_understand`` picks what they give it (new, changed, or understood by an
older version), and ``understanding`` says how the versions that understood a
store's postings stand to this one (docs/architecture.md, "An upgrade and what
the store understood").
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mljobs.models import Posting, is_older_version, role_id

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

Enricher = Callable[[Sequence[Posting]], list[Posting]]


def keep_split_posts(store: SQLiteStore, postings: list[Posting]) -> list[Posting]:
    """The postings to store when there is no enricher (``--no-enrich``).

    A post that the store already holds split per role (``<id>/r1``, ``<id>/r2``, ...,
    written by an enriched import or sync; the post itself is not stored) is split the
    same way again, without enrichment, so the roles' text is updated and their stored
    enrichment kept (the store keeps a posting's enrichment when an update comes without
    one), instead of the whole post being added beside them as a second copy of the job;
    each role numbered by its place takes the id of the stored role it is as it is stored
    (``SQLiteStore.upsert``'s ``all_roles``).
    If the post no longer splits (its text changed that much), it is left out and its
    roles stay as they were: an enriched import handles it. Other postings pass as they are.
    """
    if not postings:
        return postings
    split = stored_forms(store, [p.id for p in postings])[1]
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


def split_posts(given: Sequence[Posting], understood: Sequence[Posting]) -> list[str]:
    """The ids of the posts of ``given`` that the understanding step split per role: what it
    returned (``understood``) holds the post's first role (``<post id>/r1``) and not the post.
    A store that holds such a post whole (stored by ``--no-enrich``, or before its text
    named several roles) has it replaced by its roles (``SQLiteStore.upsert``'s ``split``)."""
    got = {p.id for p in understood}
    return [p.id for p in given if p.id not in got and role_id(p.id, 1) in got]


def stored_forms(store: SQLiteStore, ids: Sequence[str]) -> tuple[set[str], set[str]]:
    """Those of ``ids`` the store holds whole, and those it holds split per role and not
    whole (its first role ``<id>/r1`` stored: the post itself is not)."""
    held = store.present([*ids, *(role_id(pid, 1) for pid in ids)])
    return ({pid for pid in ids if pid in held},
            {pid for pid in ids if pid not in held and role_id(pid, 1) in held})


def to_understand(store: SQLiteStore, postings: Sequence[Posting]) -> list[Posting]:
    """Those of ``postings`` (read by a sync or an import) the understanding step is to read:
    the new, the changed, and those whose stored understanding is missing or an older
    version's (``models.is_older_version``): a sync or import understands again what it
    touches after an upgrade (``SQLiteStore.upsert`` stores it), once. The others keep what
    they have: reading them again would give the same."""
    from mljobs.enrich.version import version

    current = version()
    existing = store.get_many([p.id for p in postings])
    return [p for p in postings
            if (stored := existing.get(p.id)) is None or stored.content_hash != p.content_hash
            or is_older_version(stored.enrichment.version if stored.enrichment else None,
                                current)]


def default_enricher() -> Enricher:
    """The enrichment pipeline as a batch function, its taxonomy and model loaded (and frozen
    out of the garbage collector's passes: ``mljobs.enrich.warm``). For the rest of the
    process the collector's young-generation threshold is at least ``warm.YOUNG_THRESHOLD``
    (10,000 objects, not Python's 700), unless the caller set automatic collection off (0)."""
    from mljobs.enrich import enrich_postings
    from mljobs.enrich.warm import warm_up

    warm_up()
    return enrich_postings


@dataclass(frozen=True)
class Understanding:
    """Which versions of the understanding step made a store's enrichments, against this
    mljobs's: a store keeps what the version that stored a posting understood until
    ``mljobs enrich --store`` runs, however mljobs is upgraded meanwhile.

    Attributes:
        current: this mljobs's version (``mljobs.enrich.version.version()``).
        older: the postings each older version understood (a version of another form
            counts as older), most first.
        newer: the postings each newer version understood (the store was written by a newer
            mljobs than this one).
    """

    current: str
    older: dict[str, int]
    newer: dict[str, int]

    @property
    def older_count(self) -> int:
        """How many postings an older version understood."""
        return sum(self.older.values())

    def stats_fields(self) -> dict[str, str | int]:
        """The two keys ``stats --json`` and ``/api/stats`` add to the store's counts: this
        version and how many postings an older one understood."""
        return {"enrichment_version": self.current, "understood_by_older": self.older_count}

    def lines(self, command: str = "mljobs enrich --store") -> list[str]:
        """What to tell the person of the postings another version understood (none when
        every posting was understood by this one); ``command`` re-enriches the store."""
        out = []
        if self.older:
            out.append(f"{_postings(self.older_count)} understood by an older version of "
                       f"mljobs ({_versions(self.older)}); run `{command}` to understand "
                       f"them as this one ({self.current}) does.")
        if self.newer:
            out.append(f"{_postings(sum(self.newer.values()))} understood by a newer version "
                       f"of mljobs ({_versions(self.newer)}) than this one ({self.current}); "
                       f"upgrade mljobs (`{command}` here would replace their understanding "
                       "with this older one's).")
        return out


def _postings(count: int) -> str:
    return "1 posting was" if count == 1 else f"{count:,} postings were"


def _versions(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{version}: {count:,}" for version, count in counts.items())


def understanding(counts: Mapping[str, int]) -> Understanding:
    """How the versions of ``counts`` (postings by ``enrichment_version``, as
    ``SQLiteStore.enrichment_versions`` gives them) stand to this mljobs's version."""
    from mljobs.enrich.version import version

    current = version()
    older: dict[str, int] = {}
    newer: dict[str, int] = {}
    for value, count in counts.items():
        if is_older_version(value, current):
            older[value] = count
        elif value != current:
            newer[value] = count
    return Understanding(current, older, newer)


def enrich_store_command(path: str | Path) -> str:
    """The command that re-enriches the store at ``path`` (``store_command``)."""
    return store_command(path, "enrich --store")


def fill_commands(path: str | Path) -> list[str]:
    """The commands that load postings into the store at ``path`` (``store_command``'s
    ``import FILE`` and ``sync``; ``mljobs demo`` with ``--db`` unless it is the demo's own
    store): the bare ones filled the default store, not the one a search found empty."""
    from mljobs.store import default_demo_db_path

    demo = ("mljobs demo" if Path(path).resolve() == default_demo_db_path().resolve()
            else f"mljobs demo --db {shlex.quote(str(path))}")
    return [store_command(path, "import FILE"), store_command(path, "sync"), demo]


def store_command(path: str | Path, command: str) -> str:
    """``mljobs COMMAND`` for the store at ``path``: ``--db`` named unless it is the default
    store (``$MLJOBS_DB``, else the user data folder's), quoted for a shell."""
    from mljobs.store import default_db_path

    if Path(path).resolve() == default_db_path().resolve():
        return f"mljobs {command}"
    return f"mljobs --db {shlex.quote(str(path))} {command}"
