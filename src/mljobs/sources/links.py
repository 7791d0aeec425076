"""Where a link leads, read from the link itself: click-tracking wrappers and job-site
links to one job, written as the job's own address. Nothing is fetched.

Job-alert mail wraps its links (``google.com/url?q=<job>``, ``.../ls/click?url=<job>``,
``t.example.com/r?u=<job>``) or links to a job through a tracking path
(``linkedin.com/comm/jobs/view/<id>/?trackingId=...``, ``indeed.com/rc/clk?jk=<id>``),
so the same job seen on a board, in a feed or in another alert had another address and
could not be linked to it. ``link_target`` gives the address the link leads to when the
link says it:

- a parameter ``url``, ``q``, ``u``, ``dest``, ``destination``, ``redirect``,
  ``redirect_url``, ``target`` or ``link`` whose value is an http(s) address (once or
  twice percent-encoded): that address, and so on for a wrapper inside a wrapper;
- a LinkedIn job (``/jobs/view/<id>``, ``/comm/jobs/view/<id>``, ``/jobs/view/<slug>-<id>``,
  ``currentJobId=<id>``): ``https://www.linkedin.com/jobs/view/<id>``;
- an Indeed link holding a job's ``jk=<id>`` or ``vjk=<id>``, whatever its path (``/rc/clk``,
  ``/pagead/clk``, ``/viewjob``, a search page): ``https://<host>/viewjob?jk=<id>`` (a
  country's host kept; ``indeed.com`` and ``m.indeed.com`` are ``www.indeed.com``).

A wrapper whose target is not written in it (SendGrid's ``upn=``, an opaque redirect id,
a short link), or is written in a way not read here (another parameter's name, the path,
the fragment, base64), is left as it is: nothing is fetched to find out (docs/sources.md,
"What a link is not read for"). Callers keep the link as given for the user (its click may be what
the site counts) and compare by the target (``mljobs.dedupe``, through ``compare_url``;
``mail_digest`` tells a job's link from the frame's by where it leads; ``mailbox`` stores
the target as a posting's ``extra["job_url"]`` when it differs from the link).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from mljobs.sources.base import clean_url

_TARGET_KEYS = frozenset({"url", "q", "u", "dest", "destination", "redirect", "redirect_url",
                          "target", "link"})
_LINKEDIN_JOB = re.compile(r"^/(?:comm/)?jobs/view/(?:[^/]*?-)?(\d{5,})/?$")
_DIGITS = re.compile(r"^\d{5,}$")
_INDEED_ID = re.compile(r"^[0-9A-Za-z]{6,40}$")
MAX_WRAPPERS = 4  # a wrapper in a wrapper in ...; no real link nests deeper
# an http(s) address written in a text: it ends at a space, a quote, "<", ">", ")" or "]"
# (the one definition: a mail's job links, ``mljobs.dedupe``'s links of a posting's text)
TEXT_URL = re.compile(r"https?://[^\s<>\"')\]]+")


# a sentence's last characters, no part of the address before them: a job address does not
# end in one (a bare "?" or "!" has no meaning there; ”, ’ and … are never unescaped in one).
# A rare address that does (a wiki page "Yahoo!") loses it: only job links are read from texts.
_SENTENCE_END = ".,;:!?”’…"


def text_url(written: str) -> str:
    """An address ``TEXT_URL`` found, without a sentence's last ``.,;:!?”’…``."""
    return written.rstrip(_SENTENCE_END)


def text_urls(text: str) -> list[str]:
    """The http(s) addresses written in a text, in order (``TEXT_URL``, ``text_url``)."""
    return [text_url(written) for written in TEXT_URL.findall(text)]


def link_target(url: str | None) -> str | None:
    """The address ``url`` leads to when the link itself says so, else ``url`` as given."""
    if not url:
        return url
    current = url.strip()
    for _ in range(MAX_WRAPPERS):
        inner = _wrapped(current)
        if inner is None:
            break
        current = inner
    return _job_address(current) or current


def compare_url(url: str | None) -> str | None:
    """``url`` as duplicate linking compares it: its target (``link_target``) without
    tracking parameters or fragment (``clean_url``)."""
    return clean_url(link_target(url))


def _wrapped(url: str) -> str | None:
    lowered = url.lower()
    if "=http" not in lowered:  # cheap gate: no parameter can hold an address
        return None
    try:
        query = urlsplit(url).query
    except ValueError:
        return None
    for key, value in parse_qsl(query, keep_blank_values=False):
        if key.lower() not in _TARGET_KEYS:
            continue
        value = value.strip()
        if value[:8].lower().startswith(("http%3a", "https%3a")):
            value = unquote(value)  # encoded twice
        if not value.lower().startswith(("http://", "https://")):
            continue
        try:
            if urlsplit(value).netloc:
                return value
        except ValueError:
            continue
    return None


def _job_address(url: str) -> str | None:
    lowered = url.lower()
    if "linkedin." not in lowered and "indeed." not in lowered:  # cheap gate
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    if "linkedin" in labels[:-1]:
        match = _LINKEDIN_JOB.match(parts.path)
        if match:
            return f"https://www.linkedin.com/jobs/view/{match.group(1)}"
        current = dict(parse_qsl(parts.query)).get("currentJobId", "")
        return f"https://www.linkedin.com/jobs/view/{current}" if _DIGITS.match(current) \
            else None
    if "indeed" in labels[:-1]:
        params = {k.lower(): v for k, v in parse_qsl(parts.query)}
        job = params.get("jk") or params.get("vjk") or ""
        if _INDEED_ID.match(job):
            if host in ("indeed.com", "m.indeed.com"):
                host = "www.indeed.com"
            return f"https://{host}/viewjob?jk={job}"
    return None
