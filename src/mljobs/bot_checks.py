"""Pages a site's bot protection serves in place of the page asked for (a challenge or a
block: Cloudflare, PerimeterX, DDoS-Guard, Imperva, DataDome), told from the page's title
and from what only such pages carry. Read by the HTTP client (a 401 or 403 whose body is
one: ``http``) and by the careers-page source (one served with HTTP 200: ``sources.jsonld``;
one saved from a browser: ``sources.saved_page``)."""

from __future__ import annotations

import re

_TITLE = re.compile(r"<title[^>]*>([^<]{0,300})", re.IGNORECASE)
# the parts of a title ("Page not found | Acme", "Attention Required! | Cloudflare")
TITLE_PARTS = re.compile(r"\s*[|–—·•]\s*|\s+-\s+|:\s+")

# A bot check (a challenge or a block by a site's bot protection) answers with HTTP 200 as
# often as with 403: told by its title, a whole title or one part of it (as error pages
# are), or by what only such pages carry: PerimeterX's "Access to this page has been
# denied" (its text is long enough to pass for an emptied careers page, so it closed the
# page's postings), DDoS-Guard's, Cloudflare's "Just a moment..." and "Attention
# Required!", Imperva's "Pardon Our Interruption".
_BOT_TITLE = re.compile(
    r"access to this page has been denied|ddos-guard|just a moment"
    r"|attention required|please wait|one moment,? please|pardon our interruption"
    r"|checking (?:your browser|if the site connection is secure)(?: before accessing"
    r"(?: \S+)?)?"
    r"|(?:verifying|verify) (?:that )?you are (?:a )?human"
    r"|(?:security|human|robot|bot) (?:check|verification|checkpoint)(?: required)?"
    r"|captcha|are you (?:a )?(?:human|robot)|robot or human|(?:you have|you've) been blocked",
    re.IGNORECASE)
# (what such pages alone carry: not the scripts a protection puts in every page it serves,
# as Cloudflare's /cdn-cgi/challenge-platform/scripts/, PerimeterX's _pxAppId, Imperva's
# _Incapsula_Resource, which an emptied careers page may carry)
# Cloudflare's older challenge box ("I'm Under Attack" mode, to 2020) says itself by its
# class and its form's field, in a site's own designed challenge page too (whose title is
# the site's: Cloudflare puts the box where the page says ::IM_UNDER_ATTACK_BOX::)
_BOT_MARKS = ("window._cf_chl_opt", 'id="px-captcha"', "/.well-known/ddos-guard/check",
              "geo.captcha-delivery.com", "cf-browser-verification", 'name="jschl_vc"')


def page_title(page: str) -> str:
    """The page's ``<title>``, its white space collapsed ("" when it has none)."""
    match = _TITLE.search(page)
    return " ".join(match.group(1).split()) if match else ""


def bot_check(title: str, page: str) -> bool:
    """Whether a page is a bot protection's challenge or block instead of the page asked
    for: its whole title or one part of it is such a page's ("Just a moment...", "Access to
    this page has been denied", "DDoS-Guard"), or it carries what only such pages do (a
    challenge's script or captcha)."""
    for part in TITLE_PARTS.split(title):
        part = part.strip().strip(" .!…?:")
        if part and _BOT_TITLE.fullmatch(part):
            return True
    return challenge_marks(page)


def challenge_marks(page: str) -> bool:
    """Whether a page carries what only a bot protection's challenge or block carries (its
    script, captcha or challenge box), whatever its title: all that tells a challenge served
    with HTTP 503 from a site's own maintenance page titled "Please wait...".
    """
    return any(mark in page for mark in _BOT_MARKS)
