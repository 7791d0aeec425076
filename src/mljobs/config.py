"""The sources config: a TOML file listing what ``mljobs sync`` collects.

::

    [http]                 # optional; see mljobs.http.HttpSettings
    per_host = 2

    [filter]               # optional; the ML filter for general sources
    add = ["bayesian"]     # extra keywords
    remove = ["AI"]        # keywords to drop
    keywords = [...]       # replace the list entirely

    [[sources]]
    name = "ml-boards"     # unique name of this entry
    type = "greenhouse"    # a registered source type
    boards = ["anthropic", "cohere"]

Read with ``tomllib``; written by a small writer for the value types the
file uses (strings, numbers, booleans, lists of them, one level of tables).
"""

from __future__ import annotations

import contextlib
import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from mljobs.errors import ConfigError, clip, os_reason
from mljobs.http import HttpSettings
from mljobs.sources import BaseSource, Window, make_source

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class SourceEntry:
    """One ``[[sources]]`` entry: a name, a type and the type's settings."""

    name: str
    type: str
    settings: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True

    def build(self) -> BaseSource:
        """The configured source object (no I/O)."""
        return make_source(self.type, self.settings, entry=self.name)

    def units(self, source: BaseSource, window: Window) -> list[str]:
        """``source.units(window)`` (``source``: this entry built), a ``ConfigError`` naming
        the entry as reading the config does: a value only the day's date refuses (a Hacker
        News month to come) said "hackernews: month ..." of no entry."""
        try:
            return source.units(window)
        except ConfigError as exc:
            raise ConfigError(f"source {self.name!r} ({self.type}): {exc}") from None


# [http] settings for which 0 means something: no retry, no wait between attempts, no
# Retry-After honoured (fail at once)
_ZERO_OK = frozenset({"retries", "backoff", "max_backoff", "max_retry_after"})


@dataclass
class Config:
    """The whole sources config."""

    sources: list[SourceEntry] = field(default_factory=list)
    http: dict[str, Any] = field(default_factory=dict)
    filter: dict[str, Any] = field(default_factory=dict)

    def entry(self, name: str) -> SourceEntry:
        """The entry called ``name``, or a ConfigError listing the names."""
        for entry in self.sources:
            if entry.name == name:
                return entry
        names = ", ".join(e.name for e in self.sources) or "(none; add one with "
        close = difflib.get_close_matches(name, [e.name for e in self.sources], n=1, cutoff=0.6)
        raise ConfigError(f"no source called {clip(name)!r} in the config; "
                          + (f"did you mean {close[0]!r}? " if close else "")
                          + f"configured: {names}"
                          + ("mljobs sources add)" if not self.sources else ""))

    def http_settings(self) -> HttpSettings:
        """``[http]`` as HttpSettings, naming unknown keys."""
        known = {f.name: f for f in fields(HttpSettings)}
        unknown = sorted(set(self.http) - set(known))
        if unknown:
            raise ConfigError(f"[http]: unknown setting(s) {', '.join(unknown)}; "
                              f"available: {', '.join(sorted(known))}")
        for key, value in self.http.items():
            # `timeout = "fast"` went on to fail inside httpx; `per_host = 0` let no request out
            default = known[key].default
            if isinstance(default, str):
                ok = isinstance(value, str) and bool(value.strip())
                kind = "text"
            else:
                ok = isinstance(value, int | float) and not isinstance(value, bool) and \
                    (isinstance(value, int) or isinstance(default, float))
                zero = key in _ZERO_OK
                ok = ok and (value >= 0 if zero else value > 0)
                kind = ("a whole number" if isinstance(default, int) else "a number") + \
                    (", 0 or more" if zero else ", more than 0")
            if not ok:
                raise ConfigError(f"[http] {key} = {value!r}: use {kind} "
                                  f"(the default is {default!r})")
        return HttpSettings(**self.http)


def default_path() -> Path:
    """``sources.toml`` in the user config folder."""
    return Path(platformdirs.user_config_dir("mljobs")) / "sources.toml"


def load(path: Path) -> Config:
    """Read the config; a missing file is an empty config."""
    if not path.exists():
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:  # a folder, or a file this user cannot read
        raise ConfigError(f"{path}: cannot read the sources file ({exc.strerror or exc}); "
                          "give a readable TOML file with --config") from exc
    except UnicodeDecodeError as exc:  # (a file saved as Latin-1 or UTF-16 by an editor)
        line = exc.object[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} on line "
                          f"{line}); save it again as UTF-8 (TOML files are UTF-8), or pass "
                          "--config") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or pass --config") from exc
    unknown = sorted(set(data) - {"http", "filter", "sources"})
    if unknown:  # `[[source]]` (one letter short) read as no sources at all
        raise ConfigError(f"{path}: unknown table or key {', '.join(unknown)}; the file has "
                          "[http], [filter] and one [[sources]] table per source")
    for table in ("http", "filter"):
        if not isinstance(data.get(table, {}), dict):
            raise ConfigError(f"{path}: {table} = {data[table]!r} should be a table: a "
                              f"[{table}] line with its settings under it (docs/sources.md)")
    sources = data.get("sources", [])
    if not isinstance(sources, list):  # `[sources]` (one bracket) is a single table
        raise ConfigError(f"{path}: write each source as a [[sources]] table (two brackets), "
                          "not [sources]")
    config = Config(http=dict(data.get("http") or {}), filter=dict(data.get("filter") or {}))
    for i, raw in enumerate(sources, 1):
        entry = _entry(raw, path, i)
        if any(e.name == entry.name for e in config.sources):
            raise ConfigError(f"{path}: two sources are called {entry.name!r}; rename one")
        config.sources.append(entry)
    return config


def _entry(raw: Any, path: Path, index: int) -> SourceEntry:
    if not isinstance(raw, dict) or not raw.get("type"):
        raise ConfigError(f"{path}: sources entry {index} needs a 'type' "
                          "(greenhouse, lever, hackernews...)")
    settings = dict(raw)
    kind = str(settings.pop("type"))
    name = settings.pop("name", kind)
    enabled = settings.pop("enabled", True)
    where = f"{path}: sources entry {index} ({name!r})"
    if not isinstance(enabled, bool):  # "false" (text) read as true, so the entry synced
        raise ConfigError(f"{where}: enabled = {enabled!r} should be true or false, "
                          "without quotes")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: name should be text in quotes, e.g. name = \"ml-boards\"")
    entry = SourceEntry(name=name, type=kind, settings=settings, enabled=enabled)
    try:
        entry.build()  # validates type, setting names and values now, not mid-sync
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return entry


def validate_name(name: str) -> str:
    """A source entry name: letters, digits, ``_.-``; up to 64 characters."""
    if not _NAME.match(name):
        raise ConfigError(f"source name {clip(name)!r}: use letters, digits, '_', '.', '-' "
                          "(starting with a letter or digit)")
    return name


_HEADER = "# mljobs sources; edit freely or use `mljobs sources add/remove`."


def _has_comments(text: str) -> bool:
    """True when a TOML text holds a comment other than the header ``save`` writes (a ``#``
    outside quoted strings; in a "basic" string a backslash escapes the next character, so
    ``"C:\\mail\\"`` ends at its last quote)."""
    for line in text.splitlines():
        if line.strip() == _HEADER:
            continue
        quote = None
        escaped = False
        for char in line:
            if quote:
                if escaped:
                    escaped = False
                elif char == "\\" and quote == '"':
                    escaped = True
                elif char == quote:
                    quote = None
            elif char in "\"'":
                quote = char
            elif char == "#":
                return True
    return False


def save(config: Config, path: Path) -> Path | None:
    """Write the config as TOML (atomically: temp file, then rename).

    The file is written anew, so comments written by hand in it would be lost: when it has
    any, the old file is kept first as ``<name>.bak``, whose path is returned (else None).
    """
    lines: list[str] = [_HEADER, ""]
    for table in ("http", "filter"):
        values = getattr(config, table)
        if values:
            lines.append(f"[{table}]")
            lines += [f"{_key(k)} = {_value(v)}" for k, v in values.items()]
            lines.append("")
    for entry in config.sources:
        lines.append("[[sources]]")
        lines.append(f"name = {_value(entry.name)}")
        lines.append(f"type = {_value(entry.type)}")
        if not entry.enabled:
            lines.append("enabled = false")
        lines += [f"{_key(k)} = {_value(v)}" for k, v in entry.settings.items() if v is not None]
        lines.append("")
    backup = None
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            old = path.read_text(encoding="utf-8")
            if _has_comments(old):
                backup = path.with_name(path.name + ".bak")
                backup.write_text(old, encoding="utf-8")
        tmp.write_text("\n".join(lines), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:  # a read-only disk or folder: the file as it was is kept
        with contextlib.suppress(OSError):  # a half-written temp file
            tmp.unlink(missing_ok=True)
        raise ConfigError(f"{path}: cannot write the sources file ({os_reason(exc, path)}); "
                          "nothing was changed. Give a writable place with --config") from exc
    return backup


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _value(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("\n", "\\n").replace("\t", "\\t")
        return f'"{escaped}"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):  # (an inline table: lever's companies = {site = "Name"})
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise ConfigError(f"cannot write {value!r} to the config; use text, numbers, lists or "
                      "tables")
