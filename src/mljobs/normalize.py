"""RawPosting -> Posting: sanitise HTML, derive plain text, build ids and hashes.

Everything here is pure: no I/O, no clock (``now`` is passed in).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from html.parser import HTMLParser

import nh3

from mljobs.models import Posting, RawPosting, Remote, content_hash, make_id

# Tags a posting description may keep; everything else (script, style, iframe,
# forms, images, inline event handlers, styles) is removed by nh3.
ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

# The longest description read, in characters (the text, and the HTML, each). The longest
# real posting seen is about 10,000; a 50 MB mail part or page would otherwise be
# understood, indexed, stored and shown whole (seconds and gigabytes for one posting).
MAX_DESCRIPTION_CHARS = 1_000_000

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "pre", "blockquote", "hr", "dd", "dt", "section", "article", "header",
    "footer",
}
# elements whose text is no reading (mail_digest reads HTML mail with the same set)
SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template"}


def sanitize_html(raw: str) -> str:
    """Return HTML that is safe to show: no scripts, handlers, styles or bad links."""
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


# Characters of untrusted text that a reader's screen would act on rather than show: C0
# controls but tab and line break (ESC starts the sequences that clear a terminal, set its
# title or recolour the rest of the output), DEL, C1 controls (U+009B is a one-character
# CSI), and the bidirectional overrides and isolates that reorder what a reader sees
# ("Evil\u202eCorp"). The CLI and the web pages leave them out of what they show.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str) -> str:
    """``text`` without the ``CONTROLS`` characters (the rest of it untouched)."""
    return CONTROLS.sub("", text)


# Runs of spaces to collapse to one: two or more, or one that is not " " (a lone " " stays as
# it is, so it is not matched and replaced by itself). No run holds a line break, so one
# ``sub`` over the whole text does what one over each line does: ~0.78x the time of
# ``tidy_text`` over the corpus's untidy texts (a test ties it to the plain per-line form).
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v\u00a0]")
# (written out, not "\n{3,}": a pattern that starts with a literal string is searched for it
# by the engine's fast scan; "\n{3,}" was tried at every character, ~12x slower over the
# corpus texts that hold a run of blank lines, the same matches)
_MANY_NEWLINES = re.compile(r"\n\n\n+")


def html_to_text(raw: str) -> str:
    """Plain text of an HTML fragment, keeping paragraph and list structure."""
    parser = _TextExtractor()
    parser.feed(raw)
    parser.close()
    return tidy_text("".join(parser.parts))


def tidy_text(text: str) -> str:
    """Collapse runs of spaces and blank lines; strip each line."""
    lines = [line.strip() for line in _SPACES.sub(" ", text).split("\n")]
    return _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


# A character reference ("&amp;", "&#8211;", "&#x2013;"): a board's title, a careers page's
# JSON-LD and a feed escaped twice give "R&amp;D", which was stored and shown as it came. A
# bare "&" ("R&D", "AT&T") is no reference and stays.
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# An inline HTML tag in a title ("<b>Senior</b> ML Engineer", "<br/>"); "<Remote>" or "<3"
# is no tag of HTML and stays.
_INLINE_TAG = re.compile(
    r"</?(?:a|b|br|div|em|font|h[1-6]|i|p|small|span|strong|sub|sup|u)\b[^<>]*>", re.IGNORECASE)


def one_line(value: str) -> str:
    """A title, a company's name or a place as a posting holds it: its character
    references read (at most three times over: a feed escaped twice), its inline HTML tags
    left out, each run of whitespace one space, none at the ends."""
    for _ in range(3):
        if "&" not in value or not _CHAR_REF.search(value):
            break
        value = _CHAR_REF.sub(lambda ref: html.unescape(ref.group()), value)
    if "<" in value:
        value = _INLINE_TAG.sub(" ", value)
    return " ".join(value.split())


def stored_text(text: str) -> str:
    """A plain-text description as a posting holds it: its first ``MAX_DESCRIPTION_CHARS``
    characters, tidied (``tidy_text``). ``mljobs enrich`` reads a record's text so too, to
    understand it as the store does.

    (A text without two spaces, a space at a line's end or start, or any other whitespace
    has no line to collapse or strip: ``tidy_text`` would only shorten its runs of blank
    lines and strip its ends, which is done here without its split and join of every line,
    about a tenth of ``mljobs enrich``'s time; most postings are such texts.)"""
    text = text[:MAX_DESCRIPTION_CHARS]
    if any(part in text for part in _UNTIDY_LINES):
        return tidy_text(text)
    return (_MANY_NEWLINES.sub("\n\n", text) if "\n\n\n" in text else text).strip()


# What a corpus row gives for a field it has no value of (Glassdoor's "-1"): ``mljobs import``
# keeps no such field (``sources.files``), and ``mljobs enrich`` reads none (``enrich.pipeline``).
NO_VALUE = ("", "-1")


# Every character ``str.isspace`` holds but space and line break (a test checks the list).
OTHER_WHITESPACE = ("\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0",
                    "\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f",
                    "\u205f", "\u3000")
# What makes ``tidy_text`` change a line: two spaces, a space at its end or start, any other
# whitespace.
_UNTIDY_LINES = ("  ", " \n", "\n ", *OTHER_WHITESPACE)


def text_to_html(text: str) -> str:
    """Minimal safe HTML for a plain-text description: paragraphs and line breaks."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + html.escape(p.strip()).replace("\n", "<br>") + "</p>" for p in paragraphs
    )


_REMOTE_WORDS = {
    "remote": Remote.REMOTE,
    "fully remote": Remote.REMOTE,
    "hybrid": Remote.HYBRID,
    "onsite": Remote.ONSITE,
    "on-site": Remote.ONSITE,
    "on site": Remote.ONSITE,
    "in office": Remote.ONSITE,
    "in-office": Remote.ONSITE,
    "office": Remote.ONSITE,
    "true": Remote.REMOTE,
    "false": Remote.UNKNOWN,
}


def parse_remote(value: str | bool | None) -> Remote:
    """Map a source's remote flag or word to ``Remote``."""
    if value is None:
        return Remote.UNKNOWN
    if isinstance(value, bool):
        return Remote.REMOTE if value else Remote.UNKNOWN
    key = value.strip().lower()
    try:
        return Remote(key)
    except ValueError:
        return _REMOTE_WORDS.get(key, Remote.UNKNOWN)


# No job was posted on the web before 1991: a date before it is a board's placeholder (a
# time of 0 read as 1970-01-01), kept as no date rather than sorted last as 1970
EARLIEST_POSTED = datetime(1991, 1, 1, tzinfo=UTC)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value if value >= EARLIEST_POSTED else None


def clean_locations(locations: Iterable[str | None]) -> tuple[str, ...]:
    """A posting's location strings as stored: each one line (``one_line``) and once, empty
    ones left out."""
    return tuple(dict.fromkeys(place for loc in locations if loc and (place := one_line(loc))))


def normalize(raw: RawPosting) -> Posting:
    """Turn a ``RawPosting`` into a canonical ``Posting`` (without bookkeeping times).

    The result carries a content hash; ``first_seen``/``last_seen`` are set by the store.
    """
    cap = MAX_DESCRIPTION_CHARS
    given_html = (raw.description_html or "")[:cap]  # (cut HTML is sanitised after the cut)
    if given_html:
        safe_html = sanitize_html(given_html)
        text = (raw.description_text or "")[:cap] or html_to_text(given_html)
    else:
        text = (raw.description_text or "")[:cap]
        safe_html = text_to_html(text)
    locations = clean_locations(raw.locations)
    posting = Posting(
        id=make_id(raw.source, raw.source_id),
        source=raw.source,
        source_id=raw.source_id,
        url=raw.url or None,
        title=one_line(raw.title),
        company=(one_line(raw.company) or None) if raw.company else None,
        locations=locations,
        remote=parse_remote(raw.remote),
        employment_type=raw.employment_type or None,
        posted_at=_utc(raw.posted_at),
        updated_at=_utc(raw.updated_at),
        description_text=tidy_text(text),
        description_html=safe_html,
        salary=raw.salary,
        extra=raw.extra,
        raw_ref=raw.raw_ref,
    )
    return posting.model_copy(update={"content_hash": content_hash(posting)})
