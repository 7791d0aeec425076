"""The registry of job sources: ``SOURCES`` maps each source name to its class.

Every source follows the contract in ``mljobs.sources.base``. Built-in
sources are registered here the same way an add-on would be: by adding its
class to ``SOURCES``. ``files`` and ``hn_format`` hold the file-import and
Hacker News helpers that sources and ``mljobs import`` share.
"""

from __future__ import annotations

import difflib
from typing import Any

from mljobs.errors import ConfigError
from mljobs.sources.ashby import Ashby
from mljobs.sources.base import BaseSource, Source, Window, build, clean_url, settings_of
from mljobs.sources.feed import Feed
from mljobs.sources.greenhouse import Greenhouse
from mljobs.sources.hackernews import HackerNews
from mljobs.sources.jobspy import JobSpy
from mljobs.sources.jsonld import JsonLd
from mljobs.sources.lever import Lever
from mljobs.sources.mailbox import Mailbox
from mljobs.sources.recruitee import Recruitee
from mljobs.sources.reddit import Reddit

SOURCES: dict[str, type[BaseSource]] = {
    cls.name: cls
    for cls in (Greenhouse, Lever, Ashby, Recruitee, HackerNews, Reddit, Feed, JsonLd, Mailbox, JobSpy)
}

__all__ = ["SOURCES", "BaseSource", "Source", "Window", "clean_url", "make_source",
           "settings_of", "source_class"]


# what people call a kind of source, for "did you mean"
_ALIASES = {"rss": "feed", "atom": "feed", "hn": "hackernews", "mail": "mailbox",
            "mbox": "mailbox", "eml": "mailbox", "maildir": "mailbox", "email": "mailbox",
            "schema": "jsonld", "json-ld": "jsonld", "careers": "jsonld", "jobposting": "jsonld"}


def source_class(kind: str) -> type[BaseSource]:
    """The source class registered as ``kind``, or a ``ConfigError`` listing them."""
    try:
        return SOURCES[kind]
    except KeyError:
        close = [_ALIASES[kind.lower()]] if kind.lower() in _ALIASES else \
            difflib.get_close_matches(kind.lower(), list(SOURCES), n=1, cutoff=0.6)
        raise ConfigError(
            f"unknown source type {kind!r}; "
            + (f"did you mean {close[0]!r}? " if close else "")
            + f"available: {', '.join(sorted(SOURCES))}"
        ) from None


def make_source(kind: str, settings: dict[str, Any], *, entry: str | None = None) -> BaseSource:
    """Build a configured source of type ``kind`` from its settings (no I/O)."""
    return build(source_class(kind), settings, entry=entry or kind)
