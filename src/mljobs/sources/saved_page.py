"""A careers page saved from a browser (File > Save Page As, ``.html``): its postings.

A page behind a bot check cannot be read by ``mljobs sync``, but the seeker's browser
reads it; saved, it is read here by the careers-page source's own parser
(``JsonLd.parse``: schema.org ``JobPosting`` in JSON-LD or microdata), so its postings
are the ones a sync of the page would give. The page's address is what the saved file
records (``jsonld.saved_page_address``: Chrome's "saved from url" mark, SingleFile's,
or the page's canonical link or og:url; a web archive's own headers, ``.mhtml``), less its
fragment and tracking parameters, and spelled as the store holds the page's postings
(``JsonLd.stored_as``): the ids are then a sync's (``jsonld:<page key>:<job key>``), so
importing the page and syncing it, in either order, give the same postings, not two
copies. A file that records no address is keyed by its own (``file:///...`` of its
absolute path: stable while the file stays where it is), and its postings link nowhere
but where a JobPosting names its own ``url``.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mljobs.bot_checks import bot_check, page_title
from mljobs.errors import InputError, ParseError
from mljobs.models import Document, RawPosting
from mljobs.sources.base import EmptyListing
from mljobs.sources.jsonld import JsonLd, page_text, saved_page_address, untracked

if TYPE_CHECKING:
    from mljobs.store import SQLiteStore

MAX_PAGE_BYTES = 256 * 1024**2  # a saved page with its images inlined (SingleFile) is large

# (what to do about a page saved before its jobs showed, or saved as the bot check in its
# place; ``http.BOT_CHECK_ADVICE`` is the advice to save it)
SAVE_AGAIN = ("open the page in your browser, wait until it shows the jobs and save it again "
              "(Chrome's 'Webpage, Complete' keeps what the page's scripts built)")
WHAT_TO_DO = (f"{SAVE_AGAIN}, or open one job and save that job's page; a page that lists "
              "jobs without schema.org JobPosting markup cannot be imported")


def read_saved_page(path: Path, content: bytes, *, now: datetime, store: SQLiteStore,
                    source: JsonLd | None = None) -> tuple[Document, list[RawPosting]]:
    """The page as a document (under its address) and its postings; an ``InputError``
    naming the file and what to do when it holds no JobPosting that can be read. The
    address is the one the store holds the page's postings under when it holds them under
    another spelling (``JsonLd.stored_as``: a sync's of the address in the config).
    ``source``: the careers-page reader the saved pages of one run share, so that the
    store's spellings are read whole once a run, not once a page (``import folder/``)."""
    media_type, recorded = "text/html", None
    if is_single_file(path, content):  # the page is the archive's HTML part
        content, media_type, recorded = single_file_page(path, content)
    page = page_text(content, media_type)
    recorded = _web_address(recorded) or saved_page_address(page)
    address = untracked(recorded) if recorded else None
    source = source or JsonLd(respect_robots=False)
    if address:
        source.read_store(store, [address])
        address = source.stored_as(address)
    ref = address or path.resolve().as_uri()
    doc = Document(source=JsonLd.name, ref=ref, content=content, media_type=media_type,
                   fetched_at=now)
    try:
        raws = list(source.parse(doc))
    except (EmptyListing, ParseError) as err:
        title = page_title(page)
        if bot_check(title, page):
            raise InputError(
                f"{path}: the saved page is the site's bot check"
                f"{f' ({title!r})' if title else ''}, not the careers page: {SAVE_AGAIN}"
                ) from None
        if err.kind == "broken_markup":  # saving it again gives the same markup
            raise InputError(f"{path}: no schema.org JobPosting could be read from the saved "
                             f"page: {err.reason}; the site's markup is broken, and the page "
                             "cannot be imported until its owner fixes it") from None
        # (a sign-in or error page, postings with no title, are said; a page with no
        # markup and next to no text, or none at all, is what WHAT_TO_DO is about)
        known = isinstance(err, EmptyListing) or err.kind == "no_markup"
        raise InputError(f"{path}: no schema.org JobPosting could be read from the saved "
                         f"page{'' if known else f' ({err.reason})'}; {WHAT_TO_DO}") from None
    if address is None:  # the page is a file: a posting links to its own address or none
        raws = [raw.model_copy(update={"url": None}) if raw.url == ref else raw
                for raw in raws]
    return doc, raws


SINGLE_FILE_SUFFIXES = (".mhtml", ".mht")
_MULTIPART_RELATED = re.compile(rb"^content-type:[ \t]*multipart/related",
                                re.IGNORECASE | re.MULTILINE)


def is_single_file(path: Path, content: bytes) -> bool:
    """Whether a saved page is a web archive in one file (MHTML, RFC 2557: Chrome's
    "Webpage, Single File", ``.mhtml``; Internet Explorer's, Edge's and Word's "Web
    Archive", ``.mht``): by its name, or by its opening headers (a ``.html`` name given to
    one, or ``--format html``)."""
    if path.name.lower().removesuffix(".gz").endswith(SINGLE_FILE_SUFFIXES):
        return True
    head = content[:4096]
    return not head.lstrip().startswith(b"<") and bool(_MULTIPART_RELATED.search(head))


def single_file_page(path: Path, content: bytes) -> tuple[bytes, str, str | None]:
    """The page in a web archive (MHTML) read with the standard library's MIME parser: its
    HTML part's bytes (the transfer encoding, quoted-printable or base64, undone), media
    type (with the part's charset, when it names one) and the address the archive records
    (Chrome's ``Snapshot-Content-Location``, else the page part's ``Content-Location``).
    The page part is the one the archive's ``start`` names, else its first HTML part (the
    page; frames come after it). The images and style sheets beside it are not kept."""
    try:  # (the parser and ``walk`` recurse once per level of nested parts)
        message = email.message_from_bytes(content, policy=email.policy.compat32)
        parts = [part for part in message.walk() if not part.is_multipart()]
    except RecursionError:
        raise InputError(f"{path}: the web archive (MHTML) nests its parts deeper than a "
                         "saved page does (a browser nests a frame's parts a level or two); "
                         "save the page again from your browser") from None
    if not message.is_multipart():
        raise InputError(f"{path}: not a web archive (MHTML): no multipart/related message "
                         "in it; save the page again (Chrome: Save as... 'Webpage, Single "
                         "File'), or as .html ('Webpage, Complete')")
    start = message.get_param("start")
    root = next((part for part in parts if isinstance(start, str) and start
                 and part.get("Content-ID", "").strip() == start.strip()), None)
    root = root or next((part for part in parts if part.get_content_type() == "text/html"),
                        None)
    body = root.get_payload(decode=True) if root is not None else None
    if root is None or not isinstance(body, bytes) or not body.strip():
        raise InputError(f"{path}: the web archive (MHTML) holds no page (no text/html part "
                         "with content); save the page again from your browser")
    charset = root.get_content_charset()
    media_type = f"text/html; charset={charset}" if charset else "text/html"
    address = message.get("Snapshot-Content-Location") or root.get("Content-Location")
    return body, media_type, str(address).strip() if address else None


def _web_address(address: str | None) -> str | None:
    """An absolute http(s) address, or None (an archive of a saved file names a file)."""
    if not address:
        return None
    parts = urlsplit(address)
    return address if parts.scheme.lower() in ("http", "https") and parts.hostname else None
