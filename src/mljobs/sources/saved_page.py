"""A careers page saved from a browser (File > Save Page As, ``.html``): its postings.

A page behind a bot check cannot be read by ``mljobs sync``, but the seeker's browser
reads it; saved, it is read here by the careers-page source's own parser
(``JsonLd.parse``: schema.org ``JobPosting`` in JSON-LD or microdata), so its postings
are the ones a sync of the page would give. The page's address is what the saved file
records (``jsonld.saved_page_address``: Chrome's "saved from url" mark, SingleFile's,
or the page's canonical link or og:url): the ids are then a sync's
(``jsonld:<page key>:<job key>``), so importing the page and syncing it later give the
same postings, not two copies. A file that records no address is keyed by its own
(``file:///...`` of its absolute path: stable while the file stays where it is), and its
postings link nowhere but where a JobPosting names its own ``url``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mljobs.errors import InputError, ParseError
from mljobs.models import Document, RawPosting
from mljobs.sources.base import EmptyListing
from mljobs.sources.jsonld import JsonLd, bot_check, page_title, saved_page_address

MAX_PAGE_BYTES = 256 * 1024**2  # a saved page with its images inlined (SingleFile) is large

# (what to do about a page saved before its jobs showed, or saved as the bot check in its
# place; ``http.BOT_CHECK_ADVICE`` is the advice to save it)
SAVE_AGAIN = ("open the page in your browser, wait until it shows the jobs and save it again "
              "(Chrome's 'Webpage, Complete' keeps what the page's scripts built)")
WHAT_TO_DO = (f"{SAVE_AGAIN}, or open one job and save that job's page; a page that lists "
              "jobs without schema.org JobPosting markup cannot be imported")


def read_saved_page(path: Path, content: bytes, *, now: datetime) -> tuple[Document, list[RawPosting]]:
    """The page as a document (under its address) and its postings; an ``InputError``
    naming the file and what to do when it holds no JobPosting that can be read."""
    page = content.decode("utf-8", "replace")
    address = saved_page_address(page)
    ref = address or path.resolve().as_uri()
    doc = Document(source=JsonLd.name, ref=ref, content=content, media_type="text/html",
                   fetched_at=now)
    try:
        raws = list(JsonLd(respect_robots=False).parse(doc))
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
