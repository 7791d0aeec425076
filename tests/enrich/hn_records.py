"""What the enrich tests read: a Hacker News post as a corpus row (``hn_record``) and the
posting an import of that row stores (``hn_posting``), so that a test can hold the file path
(``enrich_record``, ``prepare_record``) and the store path (``enrich_postings``) side by side."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mljobs.models import Posting


def hn_record(text: str, rid: str = "hn-1", source: str = "hackernews") -> dict[str, Any]:
    """A corpus row of ``text``: its first line (an HN post's header) is its title."""
    return {"id": rid, "source": source, "title": text.split("\n", 1)[0], "text": text}


def hn_posting(record: dict[str, Any]) -> Posting:
    """The posting an import of ``record`` enriches (``sources.files``: a corpus row's title
    and text are kept as they are; "hn-123" is HN item 123)."""
    item = record["id"].removeprefix("hn-")
    p = Posting(id=f"hackernews:{item}", source="hackernews", source_id=item,
                title=record["title"], description_text=record["text"],
                first_seen=datetime(2026, 1, 1, tzinfo=UTC))
    return p.model_copy(update={"content_hash": p.compute_hash()})
