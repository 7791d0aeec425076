"""A post stored whole in place of its roles (it no longer splits) takes its roles' first seen
(``SQLiteStore._seen_since``). That first seen was the ``MIN(first_seen)`` of every id between
"<post>/r" and "<post>/s", not of the post's roles alone (``_role_rows`` keeps only the ids
``role_post`` gives the post): a posting of the same source whose own id only starts as the
post's roles do ("<post>/remote", or a role of the post "<post>/r9" split in its turn) gave
the post its first seen, a day before any of the post's roles was seen."""

from __future__ import annotations

from datetime import datetime, timedelta

from mljobs.models import Posting
from mljobs.store import SQLiteStore

POST = "hackernews:1"
URL = "https://news.ycombinator.com/item?id=1"
TEXT = "Acme builds parcel routing software in Berlin. We hire engineers to train models."


def _posting(pid: str, title: str, own: str = "") -> Posting:
    return Posting(id=pid, source="hackernews", source_id=pid.removeprefix("hackernews:"),
                   title=title, company="Acme", url=URL, description_text=TEXT + own)


def test_a_post_stored_whole_takes_the_first_seen_of_its_own_roles_only(
        store: SQLiteStore, now: datetime) -> None:
    early, roles_seen, whole = now - timedelta(days=2), now - timedelta(days=1), now
    # (other postings whose ids fall in the post's range: seen first)
    others = [_posting(f"{POST}/remote", "Remote Data Engineer", " Remote, dbt."),
              _posting(f"{POST}/r9/r1", "Platform Engineer", " Go and Kubernetes.")]
    store.upsert(others, now=early, touch=False)
    store.upsert([_posting(f"{POST}/r1", "ML Engineer", " PyTorch."),
                  _posting(f"{POST}/r2", "Backend Engineer", " Go.")],
                 now=roles_seen, touch=False, all_roles=True)
    # (an upgrade: the post no longer splits, and is stored whole)
    report = store.upsert([_posting(POST, "ML and Backend Engineers")], now=whole,
                          touch=False, all_roles=True)
    assert sorted(report.closed) == [f"{POST}/r1", f"{POST}/r2"]
    got = store.get(POST)
    assert got is not None and got.first_seen == roles_seen
    assert [(c.kind, c.changed_at) for c in store.changes(POST)] == [("created", roles_seen.isoformat())]
    # (the others are untouched: open, seen when they were)
    for pid, posting in store.get_many([p.id for p in others]).items():
        assert (posting.status.value, posting.first_seen) == ("open", early), pid
