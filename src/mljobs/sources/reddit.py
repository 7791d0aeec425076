"""Reddit listings and hiring threads as JSON (``.json`` endpoints).

A unit is a subreddit (``r/MLjobs``: its newest posts, paged with
``after``) or a thread (``t/<post id>``: its top-level comments, e.g. the
r/MachineLearning "Who's hiring" threads). Reddit's API terms ask for OAuth
for most uses and rate-limit anonymous access heavily; keep ``max_pages``
small and the per-host limit at 1.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar
from urllib.parse import urlsplit

from mljobs.errors import ConfigError, FetchError, ParseError
from mljobs.http import HttpClient, Response
from mljobs.models import Document, RawPosting, Salary
from mljobs.normalize import html_to_text
from mljobs.places import read_places
from mljobs.sources.base import (
    BaseSource,
    Window,
    from_epoch,
    job_id,
    place_workplace,
    warn,
)
from mljobs.sources.hn_format import (
    OFFER,
    field_words,
    first_line,
    parse_header,
    seeker_comment,
    segment_kind,
    text_places,
)

log = logging.getLogger(__name__)


@dataclass
class Reddit(BaseSource):
    """Subreddit listings and hiring threads.

    Args:
        subreddits: subreddit names whose new posts are postings (e.g. ``MLjobs``).
        threads: post ids whose top-level comments are postings.
        base_url: Reddit root; tests point it at 127.0.0.1.
        max_pages: pages of 100 posts per subreddit, and of 100 comments a thread holds
            behind "load more" (Reddit's ``/api/morechildren``) per thread.
    """

    name: ClassVar[str] = "reddit"
    not_found: ClassVar[str] = (
        "is the subreddit's name or the thread's id right?")
    general: ClassVar[bool] = True
    subreddits: list[str] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)
    base_url: str = "https://www.reddit.com"
    max_pages: int = 2

    def check(self) -> None:
        """Names, not addresses: ``subreddits = ["r/MLjobs"]`` asked for ``/r/r/MLjobs``."""
        super().check()
        for key, items in (("subreddits", self.subreddits), ("threads", self.threads)):
            for item in items:
                if "/" in item or not item.strip():
                    parts = [p for p in item.split("/") if p]
                    after = "comments" if key == "threads" else "r"
                    name = parts[parts.index(after) + 1] if after in parts[:-1] else None
                    what = "a thread's id" if key == "threads" else "a subreddit's bare name"
                    hint = f'; write {key} = ["{name}"]' if name else ""
                    raise ConfigError(f"{key}: {item!r} is not {what}{hint}")

    def units(self, window: Window) -> list[str]:
        """``r/<sub>`` and ``t/<post id>`` units."""
        return [f"r/{s}" for s in self.subreddits] + [f"t/{t}" for t in self.threads]

    def fetch_unit(self, http: HttpClient, unit: str) -> Iterator[Document]:
        """Listing pages of a subreddit, or one thread with its comments."""
        root = self.base_url.rstrip("/")
        kind, _, key = unit.partition("/")
        if kind == "t":
            thread = self.document(self.get(http, f"{root}/comments/{key}.json", raw_json=1,
                                            limit=500, depth=1))
            yield thread
            # the top-level comments a busy thread holds behind "load more", asked for as
            # Reddit's own page does (``/api/morechildren``, at most 100 ids a call)
            held = _held(self.load_json(thread))
            asked = held[:self.max_pages * _MORE_IDS]
            for at in range(0, len(asked), _MORE_IDS):
                yield self.document(self.get(
                    http, f"{root}/api/morechildren.json", api_type="json",
                    link_id=f"t3_{key}", children=",".join(asked[at:at + _MORE_IDS]),
                    limit_children="true", raw_json=1))
            if len(held) > len(asked):
                warn(log, f"reddit: {len(held) - len(asked)} top-level comments of the thread "
                     f"were not read (behind \"load more\": max_pages = {self.max_pages} reads "
                     f"{len(asked)} of them, {_MORE_IDS} a page); the first ones were")
            return
        after = ""
        for _ in range(self.max_pages):
            params: dict[str, str | int] = {"limit": 100, "raw_json": 1}
            if after:
                params["after"] = after
            doc = self.document(self.get(http, f"{root}/r/{key}/new.json", **params))
            self._no_search(doc, key)
            yield doc
            data = self.load_object(doc).get("data")
            after = (data.get("after") if isinstance(data, dict) else None) or ""
            if not after:
                return

    def get(self, http: HttpClient, url: str, **params: str | int) -> Response:
        """``BaseSource.get``, a refusal (HTTP 403) said as Reddit says it: a private,
        quarantined or gated subreddit (its JSON's ``reason``), or Reddit refusing to be read
        without an account, which it does from many networks (no reason): the generic "a
        private board or page cannot be read; remove it or check the address" sent the user
        to check a right address."""
        try:
            return super().get(http, url, **params)
        except FetchError as err:
            if err.status != 403 or err.bot_check:
                raise
            said = _refusal(err.answer)
            name = re.search(r"/r/([^/?]+)", urlsplit(err.url).path)
            what = f"r/{name.group(1)}" if name else "this thread's subreddit"
            if said in ("quarantined", "gated"):
                why = (f"{what} is {said}: Reddit shows it only to an account that has agreed "
                       "to see it, and mljobs reads Reddit without one; remove it from the "
                       "config")
            elif said == "private":
                why = (f"{what} is private: only its approved members can read it; remove it "
                       "from the config")
            else:
                why = ("Reddit refused without saying why: it refuses reading without an "
                       "account from many networks and programs, and mljobs has none; if the "
                       "page opens in a private browser window, try again later, else remove "
                       "this source")
            refused = FetchError(self.name, err.url, "HTTP 403 Forbidden", status=403)
            refused.args = (f"{refused}; {why}",)
            raise refused from err

    def _no_search(self, doc: Document, name: str) -> None:
        """A ``FetchError`` when Reddit answered a subreddit's listing with its subreddit
        search, as it does for a name no subreddit has ("MLJobz": a redirect to
        ``/subreddits/search.json?q=MLJobz``): read as a listing, it gave no post and no
        error, a typo looking like a quiet subreddit."""
        path = urlsplit(doc.final_url or "").path
        if not path.startswith("/subreddits/search"):
            return
        try:
            found = [str((c.get("data") or {}).get("display_name") or "")
                     for c in _children(self.load_json(doc)) if c.get("kind") == "t5"]
        except ParseError:
            found = []
        like = ", ".join(n for n in found[:5] if n)
        raise FetchError(self.name, doc.ref, f"Reddit has no subreddit called {name!r} (it "
                         "sent its subreddit search instead); check the name in subreddits"
                         + (f" (its search found: {like})" if like else ""))

    def parse(self, doc: Document) -> Iterator[RawPosting]:
        """Posts of a listing, or top-level comments of a thread."""
        data = self.load_json(doc)
        if isinstance(data, list):  # a thread: [post listing, comment listing]
            if len(data) < 2:
                raise self.fail(doc, "expected [post listing, comment listing]")
            yield from self._comments(_children(data[1]))
            return
        if isinstance(data, dict) and "json" in data:  # "load more": {"json": {"data": ...}}
            answer = data["json"] if isinstance(data["json"], dict) else {}
            if answer.get("errors"):
                raise self.fail(doc, f"Reddit refused \"load more\": {_said(answer['errors'])}; "
                                "sync again later")
            things = (answer.get("data") or {}).get("things")
            if not isinstance(things, list):
                raise self.fail(doc, "expected \"load more\" comments (json.data.things)")
            yield from self._comments([t for t in things if isinstance(t, dict)])
            return
        if not isinstance(data, dict) or data.get("kind") != "Listing":
            raise self.fail(doc, "expected a Reddit Listing")
        for child in _children(data):
            if child.get("kind") == "t3":
                raw = self._post(child.get("data") or {})
                if raw:
                    yield raw

    @staticmethod
    def seeker(raw: RawPosting) -> bool:
        """A "[For Hire]" post or comment (tagged or flaired so, as r/MLjobs and r/forhire
        ask), one in the job seekers' template ("Location: ... Willing to relocate: ...
        Résumé: ...", ``hn_format.seeker_comment``), or one whose text or title says so
        untagged ("Looking for ML roles! DM me.", "I'm looking for entry-level ML jobs"): someone looking for work, not a job; sync
        leaves it out and counts it. One tagged or flaired "Hiring" is a job, whatever fields
        its text lists."""
        marks = [str(m).strip() for m in [*raw.extra.get("title_tags", []),
                                          raw.extra.get("flair") or ""]]
        if any(_FOR_HIRE.fullmatch(m) for m in marks):
            return True
        if any(m.lower() == "hiring" for m in marks):
            return False
        # (a post's text is its HTML's when Reddit gives that, as it does with every text)
        text = raw.description_text or (html_to_text(raw.description_html)
                                        if raw.description_html else "")
        # HN's "Who wants to be hired?" form, or a lead that says so ("Looking for ML roles!"),
        # in the text or a post's title
        return seeker_comment(text) or seeker_comment(str(raw.extra.get("title") or ""))

    def _post(self, post: dict[str, Any]) -> RawPosting | None:
        ident = job_id(post.get("id"))  # (an id of true or 7.0 was stored as "True", "7.0")
        if not ident or not post.get("title") or post.get("removed_by_category"):
            return None
        title, tags, role, company, places, remote, pay = _read_title(
            str(post["title"]), post.get("link_flair_text"))
        body = _shared(post)  # a crosspost's text is the shared post's
        if str(body.get("selftext") or "").strip() in _GONE:  # taken down, category or not
            return None
        given = body.get("selftext_html")  # (a number or an object failed the whole listing)
        body_html = given if isinstance(given, str) else None
        text = str(body.get("selftext") or "")
        if not places:  # said in the text ("Location: ..."), as a thread's comment says it
            places, said = text_places(html_to_text(body_html) if body_html else text)
            remote = remote or said
        return RawPosting(
            source=self.name, source_id=str(ident), title=role or title,
            company=company, locations=places,
            remote=remote or ("remote" if any(_REMOTE.search(p) for p in [*tags, *places])
                              else None),
            url=_permalink(post), posted_at=from_epoch(post.get("created_utc")), salary=pay,
            description_html=body_html or None,
            description_text=None if body_html else (text or _link(body)),
            extra={"subreddit": post.get("subreddit"), "flair": post.get("link_flair_text"),
                   "author": post.get("author"), "link": post.get("url"), "title_tags": tags,
                   "title": str(post["title"])},
        )

    def _comments(self, things: list[dict[str, Any]]) -> Iterator[RawPosting]:
        for thing in things:
            if thing.get("kind") == "t1":
                raw = self._comment(thing.get("data") or {})
                if raw:
                    yield raw

    def _comment(self, c: dict[str, Any]) -> RawPosting | None:
        given = c.get("body_html")  # (one comment's of 42 failed the whole thread)
        body = given if isinstance(given, str) else ""
        text = html_to_text(body) if body else str(c.get("body") or "")
        ident = job_id(c.get("id"))
        if not ident or not text.strip() or c.get("body") in _GONE:
            return None
        if not str(c.get("parent_id", "t3_")).startswith("t3_"):
            return None
        if c.get("stickied") or c.get("author") == "AutoModerator":  # the thread's rules
            return None
        header = first_line(text)
        end, tags = _lead(header)  # "[Hiring] Acme | ...", "Want to be Hired: ...": no company's
        if end:  # (and the text read without it: "[Hiring] Location: ..." is a label)
            at = text.find(header)
            text_read = text[at + end:] if at >= 0 else text
            header = header[end:].strip() or header
        else:
            text_read = text
        fields = parse_header(header, text)
        if not fields["locations"]:  # (said in the text: "Location: ...", a second header line)
            fields["locations"], remote = text_places(text_read)
            fields["remote"] = fields["remote"] or remote
        if not fields["remote"] and any(_REMOTE.search(t) for t in tags):  # "[Remote]"
            fields["remote"] = "remote"
        return RawPosting(
            source=self.name, source_id=str(ident), title=header[:300],
            company=fields["company"], url=_permalink(c), locations=fields["locations"],
            remote=fields["remote"], employment_type=fields["employment_type"],
            posted_at=from_epoch(c.get("created_utc")), description_html=body or None,
            description_text=text, extra={"subreddit": c.get("subreddit"),
                                          "author": c.get("author"), "roles": fields["roles"],
                                          "title_tags": tags},
        )


# what Reddit leaves of a post's or comment's text that its author or a moderator took down
_GONE = ("[deleted]", "[removed]")
# the comment ids one "load more" call (``/api/morechildren``) may ask for
_MORE_IDS = 100
_TAGS = re.compile(r"^\s*((?:\[[^\]]{1,30}\]\s*)+)")
# "Hiring: Role at Company", "HIRING - Role | Company": the "[Hiring]" tag, written so; and
# "Want to be Hired: ...", the seekers' lead r/MachineLearning's monthly thread asks for: the
# "[For Hire]" tag
_HIRING_LEAD = re.compile(r"^\s*(?:(hiring)|wants?\s+to\s+be\s+hired)\s*(?::|\s[-–—|])\s*",
                          re.IGNORECASE)
_FOR_HIRE = re.compile(r"for\s*hire|seeking\s+work|looking\s+for\s+work", re.IGNORECASE)
_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)
# a title in segments, as an HN header ("Role | Company | Remote", "Role - Company - Place")
_SEGMENTS = re.compile(r"\s\|\s|\s[-–—]\s")
# a firm's name in a title's segment: words each led by a capital or a digit ("Acme",
# "Acme Robotics", "Bar & Co"), a few joining words between them
_NAME = re.compile(r"[A-Z0-9][\w.'’]*(?:\s+(?:[A-Z0-9&][\w.'’]*|of|and|for|the|de))*")
# what a title says of the company rather than its name, beside the HN reader's ``OFFER``
# ("Series A", "Equity", "Visa Sponsorship", "3 Openings": a digit or a note on the offer)
_OFFER_NOTE = re.compile(r"\b(?:stealth|startup|series\s+[a-e]|seed|yc|funded|unicorn|"
                         r"faang|big\s+tech|fortune\s+\d+)\b", re.IGNORECASE)
# what the HN reader reads in a segment that is no company's name (``hn_format.segment_kind``;
# not "url": a link fails ``_NAME``, and one that passes it is a firm named by its domain,
# "Beautiful.ai", "Bill.com")
_NO_NAME = ("role", "remote", "remote-location", "employment", "salary")
# a word of a name that mixes digits and two letters or more in a row ("23andMe", "Life360",
# "Point72"): no figure of the offer, which ``OFFER`` reads in any digit ("3 Openings"; and
# "H1B", "W2", "C2C", "Q3": a letter a figure's, as a visa's, a tax form's, a quarter's;
# and a figure with its unit of time, "5yrs", "40hrs", "5YoE", "6mo": what the offer asks)
_TIME_UNIT = r"yrs?|years?|yoe|hrs?|hours?|mos?|months?|wks?|weeks?|days?"
_MIXED_WORD = re.compile(rf"\b(?!\d+(?i:{_TIME_UNIT})\b)(?=\w*[^\W\d_]{{2}})(?=\w*\d)\w+")
# a word of digits and one letter ("10x", "N26", "A24", "Q2"): a name's leading a word of the
# name ("10x Genomics", "N26 SE", "Q2 Solutions": ``_NAME_WORD``), a visa's, a tax form's or
# the pay's alone ("H1B", "W2", "150k": never a name's; "1099" and "3 Openings" are figures)
# or beside a note on them (``_CODE_NOTE``: "H1B Sponsored", "W2 Only")
_CODE_WORD = re.compile(rf"\b(?!\d+(?i:k|m|{_TIME_UNIT})\b)(?=\w*\d)(?=\w*[^\W\d_])\w+")
_NAME_WORD = re.compile(r"[A-Z][a-z]{2,}|SE|AG|SA|NV|BV|AB|PLC|Inc\.?|Ltd\.?|LLC")
# a word of digits alone that leads a firm's name ("9 Mothers", "9 Mothers Defense"), not a
# count of what the offer has ("3 Openings", "2 Roles", "5 Days Onsite", "100 Percent
# Remote": ``OFFER``, ``_TIME_UNIT`` and these)
_COUNTED = re.compile(rf"(?:{_TIME_UNIT}|positions?|roles?|spots?|seats?|slots?|hires?|heads?|"
                      r"headcount|vacanc(?:y|ies)|jobs?|reqs?|candidates?|engineers?|devs?|"
                      r"developers?|scientists?|researchers?|members?|persons?|employees?|"
                      r"offices?|locations?|sites?|countries|states|cities|teams?|percent|pct|"
                      r"month|week|day|year|hour|shifts?|stages?|rounds?|interviews?|weekly|"
                      r"minutes?|min|figures?)", re.IGNORECASE)
# a segment that says how many are hired ("2 Roles", "Multiple Positions", "5 ML Engineers",
# "3+ Openings"), not which role or who hires
_HOW_MANY = re.compile(
    r"(?:\d+\+?|multiple|several|many|various|two|three|four|five|six|ten)\s+(?:[\w-]+\s+)?"
    r"(?:roles?|positions?|openings?|spots?|seats?|vacanc(?:y|ies)|hires?|engineers?|"
    r"scientists?|developers?|researchers?|people)", re.IGNORECASE)
# a firm's name of digits alone ("605"; not a year, "2026"): a name unless the next segment
# holds a figure, the pay "55 - 85k" that the segments split
_NUMBER_NAME = re.compile(r"(?!(?:19|20)\d\d$)\d{3,}")
# what a product is, after its name of digits and a letter: "H2 Database" (a database the
# work uses, not a firm; "Q2 Solutions" is one)
_PRODUCT_WORD = re.compile(r"databases?|db|server|sdk|api|engine", re.IGNORECASE)
_CODE_NOTE = re.compile(r"sponsor\w*|transfers?|only|ok|required|eligible|preferred|friendly|"
                        r"base|bonus|ote|plus|per|hourly|annual", re.IGNORECASE)
# a team or area of the work, one word after the role in a title ("ML Engineer - Search -
# Remote"), not the company's name: the areas ML teams are named by, beside the fields and
# functions the HN header reader knows (``hn_format.field_words``: "Infra", "Platform")
_AREA = re.compile(r"search|ads|ranking|recommendations?|recsys|personali[sz]ation|discovery|"
                   r"relevance|retrieval|feeds?|perception|autonomy|planning|mapping|safety|"
                   r"alignment|trust|integrity|fraud|risk|payments|pricing|forecasting|"
                   r"marketplace|ecommerce|analytics|experimentation|applied|core|foundations?|"
                   r"pretraining|post-?training|training|evals?|evaluation|agents?|nlp|"
                   r"vision|speech|audio|voice|multimodal|genai|llms?", re.IGNORECASE)
_ROLE_AT = re.compile(r"^(?P<role>.{2,80}?)\s+(?:at|@)\s+(?P<company>[A-Z0-9][^,|()\[\]]{0,60}?)"
                      r"\s*(?:\((?P<place>[^()]{2,80})\))?\s*$")


def _lead(text: str) -> tuple[int, list[str]]:
    """Where the tags that lead ``text`` end, and the tags: "[Hiring][Remote] ..." gives
    Hiring and Remote; "Hiring: ..." Hiring, and "Want to be Hired: ..." For Hire
    (``_HIRING_LEAD``); (0, []) for text led by none."""
    if match := _TAGS.match(text):
        return match.end(), re.findall(r"\[([^\]]+)\]", match.group(1))
    if match := _HIRING_LEAD.match(text):
        return match.end(), ["Hiring" if match.group(1) else "For Hire"]
    return 0, []


def _read_title(title: str, flair: Any = None) -> tuple[
        str, list[str], str | None, str | None, list[str], str | None, Salary | None]:
    """A post title as subreddits for jobs ask for it: ``[Hiring] Role at Company (Place)``,
    or in segments as an HN header (``Role | Company | Place | Pay``, ``Role - Company -
    Place``): the title without its tags, the tags (``Hiring``), and, for a post tagged or
    flaired "Hiring", the role, company, places, remote and the pay a segment states when it
    reads so (else None, no places; the title stays whole: "Looking at ML roles at Google" is
    a question, not a role at a company)."""
    end, tags = _lead(title)
    rest = title[end:].strip()
    hiring = any(re.fullmatch(r"\s*hiring\s*", str(m), re.IGNORECASE) for m in [*tags, flair])
    found = _ROLE_AT.match(rest) if hiring else None
    if found:
        company, place = found.group("company").strip(), (found.group("place") or "").strip()
        name, *after = _SEGMENTS.split(company, maxsplit=1)  # "Acme - NYC": Acme, in NYC
        if after and not place and _is_place(after[0].strip()):
            company, place = name.strip(), after[0].strip()
        return rest, tags, found.group("role").strip(), company, \
            [place] if place else [], None, None
    if hiring and _SEGMENTS.search(rest):
        parts = _pay_joined([p.strip() for p in _SEGMENTS.split(rest)])
        # (how many are hired beside a role, "ML Engineer - 2 Roles", is no segment: the HN
        # reader took the count for the role, and the role before it for the company; a
        # count alone, "Acme - Multiple Roles", is read as before)
        counted = [p for p in parts if not _HOW_MANY.fullmatch(p)]
        if len(counted) < len(parts) and any(segment_kind(p) == "role" for p in counted):
            parts = counted
        # (the HN reader takes spaced dashes as separators only with more fields: "Role -
        # Company - Remote" is the same header as "Role | Company | Remote")
        header = rest if " | " in rest and parts is not counted else " | ".join(parts)
        fields = parse_header(header, header)
        if len(fields["roles"]) == 1:
            # not "2 weeks" of "Role - 2 weeks - $500"
            places = [p for p in fields["locations"] if _is_place(p)]
            company = fields["company"] or _company_after(parts, fields["roles"][0])
            return rest, tags, fields["roles"][0], company, places, fields["remote"], \
                _title_pay(fields["salary_text"], places)
    return rest or title, tags, None, None, [], None, None


# a figure alone, the first of a pay range ("150", "$150", "55k", "120,000")
_RANGE_FROM = re.compile(r"[$€£]?\d[\d,.]*[kK]?")
# how many times a pay range's first figure its second is at most, as written ("$22 - $70/hr"
# is 3.2 times)
_RANGE_SPAN = 10
# a first figure that may be written in thousands of the second's: in a currency, no "k"
# ("$90" of "$90 - $180,000"; not "$90K", nor a count, "2")
_IN_THOUSANDS = re.compile(r"[$€£]\d[\d,.]*")
# an hourly rate, as a title writes it ("$100/hr", "$100 an hour", "$100 per hour")
_HOURLY = re.compile(r"\d\s*(?:/\s*|\s(?:an?|per)\s+)(?:hr|hour)s?\b", re.IGNORECASE)


def _pay_joined(parts: list[str]) -> list[str]:
    """A title's segments with a pay range that the spaced dash split ("150 - 200k USD",
    "$150 - $200k") one segment again: a figure alone followed by a segment the HN reader
    reads as pay. Before, the pay was the second figure alone ("200k USD": 200,000-200,000),
    or the first read as an hourly rate ("$150": $150 an hour). The two figures as written
    rise, as a range's do, at most tenfold: not "605 - $150k", a firm and its pay, nor
    "2025 - $150,000", a year and the pay (joined, 2,025-150,000 was no one's pay, and the
    stated $150,000 was shown nowhere). The first may be written in thousands of the
    second's ("$90 - $180,000", as the corpus's "$154-190,000"): it read as "$90", $90 an
    hour, the range being over tenfold as written. Only a figure in a currency and without
    its own "k" is so read: "$90K - $180,000" joined was read as no pay, and a count, "2 -
    $15,000/month", as 2,000 to 15,000 a month. Hourly rates of gig work span more than
    tenfold ("$9 - $100/hr", read as $9 an hour alone): an hourly range whose two figures
    are each in a currency is one whatever its span."""
    def figure(text: str) -> float:  # the first figure of a text, as written
        found = re.search(r"\d[\d,]*(?:\.\d+)?", text)
        return float(found.group(0).replace(",", "")) if found else 0.0

    def rises(low: float, high: float) -> bool:
        return low < high <= _RANGE_SPAN * low

    out: list[str] = []
    for part in parts:
        if out and _RANGE_FROM.fullmatch(out[-1]) and segment_kind(part) == "salary" \
                and (rises(low := figure(out[-1]), high := figure(part))
                     or (_IN_THOUSANDS.fullmatch(out[-1]) is not None
                         and (rises(1000 * low, high)
                              or low < high and part[:1] in "$€£" and _HOURLY.search(part)))):
            out[-1] = f"{out[-1]} - {part}"
        else:
            out.append(part)
    return out


def _company_after(parts: list[str], role: str) -> str | None:
    """The company of a title in segments that leads with its role, as Reddit's hiring posts
    write it ("Role - Company - Place", "Role | Initech | Remote"): the segment right after
    the role when it reads as a name, words that each start with a capital or a digit
    ("Acme", "Acme Robotics"), and as no place, work mode, pay, role, kind of employment
    ("Full Time", "Contract"), level ("Senior", "Entry Level"), field or skill ("Computer
    Vision", "PyTorch"; not a product sold under its firm's name, "Stripe"), product or
    model the work uses ("Kubernetes", "AWS", "Llama": ``product_keys``), team or area of
    the work ("Search", "Ads", "Infra": ``_AREA``) or note on the
    company or the offer ("YC startup", "Series A", "Equity", "3 Openings": a figure alone,
    not a digit in a word of the name, "23andMe", "10x Genomics": ``_figures``; a name of
    digits alone, "605", is a name, unless the next segment is the rest of a pay range the
    dashes split, "55 - 85k EUR"); else None."""
    if len(parts) < 2 or parts[0] != role:
        return None
    from mljobs.enrich.features import SENIORITY  # (only for such a title)
    from mljobs.enrich.skills import (  # (only for such a title)
        norm_key,
        product_keys,
        work_skill_keys,
    )

    name = parts[1]
    if _NUMBER_NAME.fullmatch(name) and not (len(parts) > 2 and re.match(r"[\d$€£]", parts[2])):
        return name  # ("605"; not "55" of "55 - 85k EUR")
    key = norm_key(name)
    if not _NAME.fullmatch(name) or _is_place(name) or key in work_skill_keys() \
            or key in product_keys() \
            or _OFFER_NOTE.search(name) or OFFER.search(_figures(name)) \
            or _AREA.fullmatch(name) \
            or field_words(name) or set(name.lower().split()) <= SENIORITY:
        return None
    # (the HN reader's reading of a header's segment: "Full Time" is employment, "100k" pay;
    # ``parse_header`` of the segment alone took it for a company, as a header's first one)
    return None if segment_kind(name) in _NO_NAME else name


def _said(errors: Any) -> str:
    """Reddit's ``json.errors`` in words: each ``[code, message, field]`` as "message (CODE)"
    ("you are doing that too much (RATELIMIT)"); before, the list as Python prints it,
    ``[['RATELIMIT', ...]]``."""
    said = []
    for error in errors if isinstance(errors, list) else [errors]:
        parts = [str(p).strip() for p in error if p] if isinstance(error, list) else [str(error)]
        code, message = (parts[0], parts[1]) if len(parts) > 1 else ("", " ".join(parts))
        said.append(f"{message} ({code})" if code and message else message or code)
    return "; ".join(x for x in said if x) or "no reason given"


def _figures(name: str) -> str:
    """``name`` without its words that are a name's though they hold a digit, for ``OFFER``
    to read a figure of the offer in what is left: the words of digits and letters
    (``_MIXED_WORD``: "23andMe", "Life360"), and of digits and one letter that leads other
    words of the name (``_CODE_WORD``: "10x Genomics", "N26 SE"; not "H1B", "W2 Only", nor a
    version, "Oracle 19c", nor a product, "H2 Database"), and of digits alone that lead a
    name word (``_COUNTED``: "9 Mothers"; not a count, "3 Openings", "4 Days Onsite")."""
    name = _MIXED_WORD.sub("", name)
    first, *rest = name.split() or [""]
    if first.isdigit() and rest and _NAME_WORD.fullmatch(rest[0]) and not _COUNTED.fullmatch(
            rest[0]) and not _CODE_NOTE.fullmatch(rest[0]) and not OFFER.search(rest[0]):
        return " ".join(rest)  # ("9 Mothers"; not "3 Openings", "2 Roles", "4 Days Onsite")
    if _CODE_WORD.fullmatch(first) and any(
            _NAME_WORD.fullmatch(w) and not _CODE_NOTE.fullmatch(w) and not OFFER.search(w)
            and not _PRODUCT_WORD.fullmatch(w) for w in rest):
        return " ".join(rest)
    return name


def _title_pay(segment: str | None, places: list[str]) -> Salary | None:
    """The pay a title's segment states: "$150k-$180k", "$120/hr"; a range in thousands
    written without a currency ("120-150k") in the currency of the one country the title's
    places name ("Remote, US": dollars; "Berlin": euros), as an HN header's (the currency is
    not guessed: no place, or places in several countries, give none)."""
    if not segment:
        return None
    from mljobs.enrich.salary import (  # (only for such a title)
        header_pay,
        header_range,
        parse_salary,
    )

    pay = parse_salary(segment)
    span = header_range(segment) if pay is None else None
    if span is None:
        return pay
    countries = read_places(places).countries
    return header_pay(span, countries[0]) if len(countries) == 1 else None


def _is_place(segment: str) -> bool:
    """Whether a title's segment reads as a place or a work mode ("NYC", "Remote (US)"), not
    as "2 weeks" or a company's "The Fintech Co"."""
    return bool(place_workplace(segment)) or any(read_places([segment]))


def _shared(post: dict[str, Any]) -> dict[str, Any]:
    """The post whose text ``post`` gives: itself, or for a crosspost with no text of its
    own the post it shares (Reddit's ``crosspost_parent_list``)."""
    parents = post.get("crosspost_parent_list")
    if post.get("selftext") or not isinstance(parents, list) or not parents \
            or not isinstance(parents[0], dict):
        return post
    return parents[0]


def _link(post: dict[str, Any]) -> str | None:
    """A link post's address, when it is another site's (the job's page): the text of a post
    that has none, so ``show`` prints it and links read it; not Reddit's own pages."""
    url = post.get("url")
    if post.get("is_self") or not isinstance(url, str):
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # ("https://[jobs.acme.ai/1": lost the whole listing page)
        host = ""  # (no host Python reads, so none of Reddit's)
    # (Reddit's hosts and their subdomains: "shredd.it" is another site's)
    ours = host in ("reddit.com", "redd.it") or host.endswith((".reddit.com", ".redd.it"))
    return url if url.startswith(("http://", "https://")) and not ours else None


def _refusal(answer: bytes) -> str:
    """The ``reason`` Reddit's refusal gives in its JSON (``{"reason": "private", "message":
    "Forbidden", "error": 403}``), lower case; "" for none."""
    try:
        said = json.loads(answer) if answer else {}
    except (ValueError, RecursionError):
        return ""
    reason = said.get("reason") if isinstance(said, dict) else None
    return reason.lower() if isinstance(reason, str) else ""


def _held(thread: Any) -> list[str]:
    """The ids of the top-level comments a thread (``[post listing, comment listing]``) holds
    behind "load more" (its ``more`` stubs; a reply's stub is no top-level comment's)."""
    if not isinstance(thread, list) or len(thread) < 2:
        return []
    ids: list[str] = []
    for child in _children(thread[1]):
        more = child.get("data") or {}
        if child.get("kind") == "more" and str(more.get("parent_id", "t3_")).startswith("t3_"):
            ids += [str(i) for i in more.get("children") or []]
    return list(dict.fromkeys(ids))


def _children(listing: Any) -> list[dict[str, Any]]:
    if not isinstance(listing, dict):
        return []
    kids = (listing.get("data") or {}).get("children") or []
    return [k for k in kids if isinstance(k, dict)]


def _permalink(item: dict[str, Any]) -> str | None:
    link = item.get("permalink")
    return f"https://www.reddit.com{link}" if isinstance(link, str) and link else None
