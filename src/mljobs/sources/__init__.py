"""The registry of job sources: ``SOURCES`` maps each source name to its class.

Every source follows the contract in ``mljobs.sources.base``. Built-in
sources are registered here the same way an add-on would be: by adding its
class to ``SOURCES``. ``files`` and ``hn_format`` hold the file-import and
Hacker News helpers that sources and ``mljobs import`` share.
"""

from __future__ import annotations

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
from mljobs.sources.reddit import Reddit

SOURCES: dict[str, type[BaseSource]] = {
    cls.name: cls
    for cls in (Greenhouse, Lever, Ashby, HackerNews, Reddit, Feed, JsonLd, Mailbox, JobSpy)
}

__all__ = ["SOURCES", "BaseSource", "Source", "Window", "clean_url", "make_source",
           "settings_of", "source_class"]


def source_class(kind: str) -> type[BaseSource]:
    """The source class registered as ``kind``, or a ``ConfigError`` listing them."""
    try:
        return SOURCES[kind]
    except KeyError:
        raise ConfigError(
            f"unknown source type {kind!r}; available: {', '.join(sorted(SOURCES))}"
        ) from None


def make_source(kind: str, settings: dict[str, Any], *, entry: str | None = None) -> BaseSource:
    """Build a configured source of type ``kind`` from its settings (no I/O)."""
    return build(source_class(kind), settings, entry=entry or kind)
