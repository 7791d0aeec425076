"""The jobs of a job-alert digest: one message that lists several jobs, each with its link.

Job-alert mail (a job site's "N new jobs for ...", a board's "New jobs at Acme", a
mailing-list digest) lists several jobs: a title that links to the job, the company,
the place, maybe a line of text. ``html_jobs`` reads them from the HTML part: each job
is the block of the page around its title link (the largest element that holds that
job's links and no other job's), so table and list layouts alike give one job per
block and the job's own link. ``text_jobs`` reads a plain-text digest whose jobs are
not separated by rule lines: each job ends with the line that carries its link (the
URL on the job's last line or on the line right after it). Links are kept as written:
a tracking wrapper stays a tracking wrapper (nothing is fetched); where one leads, when
the link says it (``sources.links.link_target``), tells a job's link from the frame's.

``section_jobs`` reads a newsletter that is no digest but holds a jobs section: the
lines under a heading that names jobs ("Jobs", "Who's hiring", "Open roles"; in HTML
an ``<h1>``-``<h6>``) up to the next heading, read as a digest's jobs (in HTML every
link that names a job is a job's, wherever it goes). They are the mail's jobs only
when there are two or more, every title reads as a job's (``job_title_shape``: "Data
Scientist, Search", not "Why every Data Scientist should learn SQL") and they name
their employers (``cards_name_employers``); each item's line gives its company and
place after the title ("ML Engineer | Acme | Remote"). Otherwise the mail stays one
posting.

Pure functions of the message text: no I/O.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from urllib.parse import urlsplit

from mljobs.normalize import SKIP_TAGS, tidy_text
from mljobs.sources.links import TEXT_URL, link_target, text_url

# A word that names a job: a title link holds one ("Postdoc in ML", "Data Scientist").
ROLE_WORD = re.compile(
    r"\b(?:engineers?|engineering|developers?|scientists?|researchers?|research|designers?|"
    r"managers?|leads?|architects?|analysts?|head|directors?|interns?|internship|postdocs?|"
    r"post-doctoral|postdoctoral|fellows?|fellowship|phd|doctoral|professors?|lecturers?|"
    r"assistants?|associates?|specialists?|consultants?|scientific|quants?|sres?|devops|mlops|"
    r"swes?|administrators?|officers?|technicians?|statisticians?|mathematicians?|"
    r"physicists?|programmers?|positions?|vacancy|opening|staff|principal|founding|cto|vp|"
    r"machine learning)\b",
    re.IGNORECASE,
)
# Links of a mail's frame, not of a job: unsubscribe, settings, "see all jobs", apps. A
# strong sign makes a frame link whatever it names ("Machine Learning Engineer jobs in
# Berlin" is a search); a weak one only on a link that names no job ("Help" but not "Help
# Desk Analyst").
_NAV_STRONG = re.compile(
    r"unsubscribe|opt[- ]?out|preferences|settings|privacy|\bterms\b|cookie|\bjobs\b|"
    r"\bjob alerts?\b|edit (?:this |your )?alert|in (?:your|a|the) browser|app store|"
    r"google play|get the app",
    re.IGNORECASE,
)
_NAV = re.compile(
    r"help|support|manage|(?:see|view|show|browse|search) (?:all|more)|download|facebook|"
    r"twitter|instagram|youtube|feedback|forward|invite|sign ?in|log ?in|profile|contact us|"
    r"about us|careers? home|listinfo",
    re.IGNORECASE,
)
# A link of the frame may name a job ("See all 30 Machine Learning Engineer jobs") but leads
# with what it does; a job's own title ("Support Engineer") does not.
_NAV_LEAD = re.compile(r"^(?:see|view|show|browse|search|manage|edit|unsubscribe|update|change|"
                       r"get|download|explore|discover|find|more)\b", re.IGNORECASE)
# (``post-a-job``: an employers' link, "Hiring? Post a Data Scientist job", names a role)
_NAV_PATH = re.compile(r"unsubscribe|opt-?out|preferences|settings|privacy|/terms|/help\b|"
                       r"/manage|/alerts?/(?:edit|delete)|listinfo|/post-?(?:an?-)?jobs?\b",
                       re.IGNORECASE)
# A button under a job whose title is plain text: "View job", "Apply now".
_BUTTON = re.compile(
    r"^(?:view|see|open|read|show|apply|learn)(?:\s+(?:now|more|the|this|job|jobs|role|"
    r"position|posting|details|opening|vacancy|and|apply))*\s*[>»→›]*$|^(?:easily|quick) apply$"
    r"|^(?:details|more|apply)$",
    re.IGNORECASE,
)
_URL = TEXT_URL
# A line of a digest that is only a link, or a short label and a link ("View job: https://...").
_LINK_LINE = re.compile(r"^(?:[^:\n]{0,30}:\s*)?<?https?://\S+>?$")
# The frame of an alert or a list digest: a header or footer chunk, no job.
BOILERPLATE = re.compile(
    r"unsubscribe|you (?:are )?receiv(?:e|ed|ing) this|manage (?:your )?(?:job )?alerts?|"
    r"mailing list submissions|today's topics|digest footer|end of .{0,60}digest|"
    r"email preferences|view (?:this|it) in (?:your|a) browser|privacy policy|listinfo",
    re.IGNORECASE,
)
# What a place looks like: a work mode, "City, ST" / "City, Country", a country alone.
_PLACE = re.compile(
    r"\b(?:remote|hybrid|on-?site|in[- ]office|anywhere|worldwide)\b|"
    r"^[A-ZÀ-Þ][\w.'’ -]{1,40},\s*[A-ZÀ-Þ][\w.'’ -]{1,40}(?:,\s*[A-ZÀ-Þ][\w.'’ -]{1,40})?$|"
    r"^(?:united states|united kingdom|us|usa|uk|eu|germany|france|canada|india|netherlands|"
    r"switzerland|spain|italy|sweden|ireland|singapore|australia|japan|europe|emea|"
    r"apac|north america|latam)\b",
    re.IGNORECASE,
)
# Lines of a job card that are neither company nor place: pay, age, badges, ratings, kind.
_NOISE = re.compile(
    r"^[$€£¥]|\d\s*(?:k|K)?\s*(?:a|an|per|/)\s*(?:year|yr|hour|hr|month|day)\b|"
    r"\b(?:ago|posted|just now|today|yesterday|easily apply|actively|recruiting|applicants?|"
    r"early applicant|alumni|connections?|responds?|urgently hiring|full[- ]?time|part[- ]?time|"
    r"contract|temporary|permanent|internship|freelance)\b|^(?:new|promoted|featured|hot)$|"
    r"^\d+(?:[.,]\d)?\s*(?:★|stars?|rating)?$|★",
    re.IGNORECASE,
)
_RATING = re.compile(r"\s+\d(?:[.,]\d)?\s*★?\s*$|\s*★\s*")  # "Northwind 4.1 ★"
_SPLIT = re.compile(r"\s+[·•|–—-]\s+|\s*[·•|]\s*")
_VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "wbr",
              "source", "track", "embed", "param"}
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
               "td", "th", "table", "tbody", "thead", "tfoot", "pre", "blockquote", "hr", "dd",
               "dt", "dl", "section", "article", "header", "footer", "center"}


# Elements an opening tag closes (up to the first of its bounds): HTML's implied end tags.
_IMPLIED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "li": (("li",), ("ul", "ol", "table")),
    "tr": (("tr",), ("table", "tbody", "thead", "tfoot")),
    "td": (("td", "th"), ("tr", "table")),
    "th": (("td", "th"), ("tr", "table")),
    "dt": (("dt", "dd"), ("dl",)),
    "dd": (("dt", "dd"), ("dl",)),
    # a link inside a link closes the first, whatever is open inside it (browsers' rule):
    # else a mail of unclosed <a> nests every link in the one before, and reading each
    # link's text reads all the rest (5,000 such links took two minutes)
    "a": (("a",), ()),
}
# How deep elements nest (browsers stop at 512 too): every walk up the open elements, at
# each tag, is bounded by it, whatever a mail nests.
MAX_DEPTH = 512
_P_BOUNDS = ("div", "td", "th", "li", "table", "ul", "ol", "blockquote", "section", "article",
             "body", "center")


@dataclass(frozen=True)
class DigestJob:
    """One job of a digest: its title, its text, its link and what the card names."""

    title: str
    text: str
    url: str | None
    company: str | None = None
    place: str | None = None


@dataclass(eq=False)
class _Node:
    tag: str
    href: str | None = None
    parent: _Node | None = None
    children: list[_Node | str] = field(default_factory=list)
    at: int = 0  # its place among its parent's children


class _TreeBuilder(HTMLParser):
    """A forgiving element tree of mail HTML: an end tag closes up to its open element,
    a stray end tag is ignored, void elements hold nothing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self._open: list[_Node] = [self.root]
        self._skip = 0
        self.anchors: list[_Node] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
            return
        if self._skip:
            return
        self._close_implied(tag)
        if len(self._open) > MAX_DEPTH:
            self._open.pop()  # as browsers do: the element becomes its parent's sibling
        href = dict(attrs).get("href") if tag == "a" else None
        node = _Node(tag, href=(href or "").strip() or None, parent=self._open[-1],
                     at=len(self._open[-1].children))
        self._open[-1].children.append(node)
        if tag == "a":
            self.anchors.append(node)
        if tag not in _VOID_TAGS:
            self._open.append(node)

    def _close_implied(self, tag: str) -> None:
        """Close what HTML closes without an end tag: a paragraph at the next block, an
        ``<li>`` at the next ``<li>``, a row at the next row, a cell at the next cell."""
        if tag in _BLOCK_TAGS and tag not in ("br", "hr"):
            self._close_open(("p",), _P_BOUNDS)
        if tag in _IMPLIED:
            self._close_open(*_IMPLIED[tag])

    def _close_open(self, closes: tuple[str, ...], bounds: tuple[str, ...]) -> None:
        for depth in range(len(self._open) - 1, 0, -1):
            name = self._open[depth].tag
            if name in closes:
                del self._open[depth:]
                return
            if name in bounds:
                return

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS and not self._skip and self._open[-1].tag == tag:
            self._open.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._open[-1].children.append(data)


def _text(node: _Node | str) -> str:
    """The text of an element, a line per block (as ``normalize.html_to_text`` reads it)."""
    parts: list[str] = []
    stack: list[_Node | str] = [node]
    while stack:  # no recursion: mail HTML may nest deeper than Python's stack
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item.tag in _BLOCK_TAGS:
            parts.append("\n- " if item.tag == "li" and item is not node else "\n")
            stack.append("\n")
        stack.extend(reversed(item.children))
    return tidy_text("".join(parts))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_page_link(href: str | None) -> bool:
    return bool(href) and str(href).lower().startswith(("http://", "https://"))


def _is_nav(text: str) -> bool:
    return bool(_NAV_STRONG.search(text)) or bool(_NAV.search(text)) and (
        not ROLE_WORD.search(text) or bool(_NAV_LEAD.match(text)))


def _shape(href: str) -> str:
    """Host and path with ids blanked of where the link leads: the job links of one digest
    share it (wrapped or not: ``google.com/url?q=<job>`` is the job's)."""
    parts = urlsplit(link_target(href) or href)
    segments = ["#" if any(c.isdigit() for c in s) or len(s) > 24 else s
                for s in parts.path.split("/") if s]
    return parts.netloc.lower() + "/" + "/".join(segments[:3])


@functools.lru_cache(maxsize=2)
def _job_links(html: str) -> tuple[tuple[_Node, str], ...]:
    """The page links of the HTML that are no part of the mail's frame, with their text.

    (Cached for the mail at hand: ``html_jobs``, a newsletter's jobs section and
    ``html_job_link`` may each read one message's HTML, which is parsed once.)"""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    links = [(a, _text(a)) for a in builder.anchors if _is_page_link(a.href)]
    # a card that is one link (title, company and place inside it) is titled by its first line
    return tuple((a, _title_line(text)) for a, text in links if not _frame_link(a, text))


def _frame_link(anchor: _Node, text: str) -> bool:
    """A link of the mail's frame, by what it says or where it goes (settings...)."""
    return _is_nav(_one_line(text)) or bool(
        _NAV_PATH.search(urlsplit(link_target(anchor.href) or "").path))


def _title_line(text: str) -> str:
    """A link's title: its line that names a job (a card-link may lead with the company),
    else its first line."""
    lines = [line for line in text.splitlines() if line.strip()]
    return next((line for line in lines if ROLE_WORD.search(line) and len(line) <= 150),
                lines[0] if lines else "")


def html_job_link(html: str) -> str | None:
    """The link of a one-job HTML mail: its title's or its button's ("Apply"), else its
    first link that is no part of the frame (a logo's link to the site comes last)."""
    if "href" not in html.lower():
        return None
    links = _job_links(html)
    for anchor, text in links:
        if _BUTTON.match(text) or (len(text) <= 150 and ROLE_WORD.search(text)):
            return anchor.href
    return next((a.href for a, text in links if text), links[0][0].href if links else None)


def html_jobs(html: str, *, by_shape: bool = True) -> list[DigestJob]:
    """The jobs of an HTML digest, in order; [] when the page lists fewer than two.

    ``by_shape=False`` (a newsletter's jobs section, where each job links to its own
    company's site): every link that names a job is a job's, wherever it goes."""
    if "href" not in html.lower():
        return []
    links = _job_links(html)
    named = [(a, text) for a, text in links if 3 <= len(text) <= 150 and not _BUTTON.match(text)]
    if by_shape:
        # the job links are where most links that name a job go (a company's page, a logo
        # or a title without a job word, "Quantitative Strategist", is told by where it links)
        votes = Counter(_shape(str(a.href)) for a, text in
                        {a.href: (a, text) for a, text in named
                         if ROLE_WORD.search(text)}.values())
        best = max(votes, key=lambda s: votes[s]) if votes else None
        titled = [(a, text) for a, text in named if _shape(str(a.href)) == best]
    else:
        titled = [(a, text) for a, text in named if ROLE_WORD.search(text)]
    buttons = [(a, text) for a, text in links if _BUTTON.match(text)]
    defining = titled if len({a.href for a, _ in titled}) >= 2 else buttons
    groups: list[list[tuple[_Node, str]]] = []
    for anchor, text in defining:  # a logo and a title linking to one job are one job
        if groups and groups[-1][0][0].href == anchor.href:
            groups[-1].append((anchor, text))
        else:
            groups.append([(anchor, text)])
    if len(groups) < 2:
        return []
    owner: dict[int, set[int]] = {}
    for index, group in enumerate(groups):
        for anchor, _ in group:
            node: _Node | None = anchor
            while node is not None:
                held = owner.setdefault(id(node), set())
                if len(held) >= 2:
                    break  # its ancestors hold two jobs already: the walk learns nothing more
                held.add(index)
                node = node.parent
    jobs = []
    for index, group in enumerate(groups):
        block = _block(group[0][0], index, owner)
        if block[0] is group[0][0]:
            return []  # links side by side in one paragraph: a text that names jobs, no list
        title = group[0][1] if defining is titled else ""
        text = "\n".join(_text(part) for part in block)
        if not title:
            title = next((line for line in text.splitlines() if line.strip()), "")
        if not title or _BUTTON.match(title):
            continue  # two buttons of one job ("Apply", "View job"), no two jobs
        company, place = card_fields(text, title)
        jobs.append(DigestJob(title=title, text=text, url=group[0][0].href,
                              company=company, place=place))
    return jobs if len(jobs) >= 2 else []


def _block(anchor: _Node, index: int, owner: dict[int, set[int]]) -> list[_Node]:
    """The largest element holding job ``index``'s links and no other job's, and the
    siblings after it up to the next job (a job laid out as several table rows)."""
    node = anchor
    while node.parent is not None and owner.get(id(node.parent), set()) <= {index}:
        node = node.parent
    parent = node.parent
    if parent is None:
        return [node]
    block = [node]
    siblings = parent.children
    for sibling in siblings[node.at + 1:]:
        if isinstance(sibling, str):
            continue
        if id(sibling) in owner or _has_nav(sibling):
            break
        block.append(sibling)
    return block


def _has_nav(node: _Node) -> bool:
    """True for an element of the mail's frame: a link to settings, "see all jobs"..."""
    stack: list[_Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            continue
        if item.tag == "a" and _is_page_link(item.href) and (
                _frame_link(item, _text(item))):
            return True
        stack.extend(item.children)
    return bool(BOILERPLATE.search(_text(node)))


def card_fields(text: str, title: str) -> tuple[str | None, str | None]:
    """The company and the place a job card names on its short lines besides the title:
    "Acme", "Berlin, Germany", "Acme · Remote", "Acme - San Francisco, CA"."""
    company: str | None = None
    place: str | None = None
    title_line = _one_line(title).lower()
    seen = 0
    company_line = 0  # the short line the company was named on
    brand = False  # the company is a lower-case word: a company only with its place
    for raw in text.splitlines():
        line = _RATING.sub("", _one_line(raw))
        if (not line or line.lower() == title_line or len(line) > 80 or _URL.search(line)
                or _BUTTON.match(line) or line.startswith("- ")):
            continue
        seen += 1
        if seen > 4:
            break
        pieces = [p.strip() for p in _SPLIT.split(line) if p.strip()]
        places = [p for p in pieces if _PLACE.search(p) and not _NOISE.search(p)]
        if (not places and place is None and company is not None and seen == company_line + 1
                and len(pieces) == 1 and len(pieces[0].split()) <= 3 and _name_like(pieces[0])):
            place = pieces[0]  # the line under the company's: its place ("Berlin")
            break
        place_above = place  # a company is named before its place, or on the place's line
        if places and place is None:
            place = ", ".join(places)  # "Remote - US": "Remote, US"
        for at, piece in enumerate(pieces):
            if _NOISE.search(piece) or piece in places:
                continue
            if company is None and place_above is None and seen <= 2 and (
                    _name_like(piece) or at == 0 and _brand_like(piece)):
                company, company_line, brand = piece, seen, not _name_like(piece)
                rest = [p for p in pieces[at + 1:] if not _NOISE.search(p)]
                if place is None and len(rest) == 1 and len(rest[0].split()) <= 4:
                    place = rest[0]  # "Acme · NYC": what follows the company is its place
                break
        if company and place:
            break
    if brand and place is None:  # a lone lower-case word ("video", "podcast") is a tag
        company = None
    return company, place


_NAME_SMALL = frozenset({"of", "and", "the", "for", "de", "du", "des", "la", "le", "der", "für",
                         "und", "y", "e", "&", "van", "von", "at"})


# A team or department named on a board's card ("Infrastructure – Remote – Full-time").
_DEPARTMENT = re.compile(
    r"(?:(?:infrastructure|engineering|research|product|design|data|platform|security|"
    r"operations|ops|sales|marketing|finance|legal|people|hr|support|customer success|"
    r"business|strategy|analytics|science|applied science|ai|ml|it|growth|go to market|"
    r"gtm|partnerships|communications|policy|safety|hardware|software|devices|cloud|"
    r"core|internal tools|tools|mobile|web|backend|frontend)(?:\s*(?:&|and|/|,)\s*|$))+",
    re.IGNORECASE,
)


_LEGAL_FORM = re.compile(r"\b(?:inc|ltd|corp|co|llc|plc|gmbh|ag|s\.a|b\.v|n\.v|pty)\.$",
                         re.IGNORECASE)


# A brand written in one lower-case word ("deepset", "n8n", "control-f"), and the words of a
# card's buttons and badges that look like one
_BRAND = re.compile(r"[a-z][a-z0-9]*(?:[-.'][a-z0-9]+)*")
_CARD_WORDS = frozenset({"save", "saved", "share", "apply", "view", "details", "more", "hide",
                         "dismiss", "report", "follow", "new", "hot", "top", "match", "via"})


def _brand_like(piece: str) -> bool:
    """A company that writes its name in lower case ("deepset"), first on its line: a city
    is written with a capital, so "deepset" / "Berlin" is company and place, not "Berlin"."""
    return (2 <= len(piece) <= 30 and bool(_BRAND.fullmatch(piece))
            and any(c.isalpha() for c in piece[1:]) and piece not in _CARD_WORDS
            and not ROLE_WORD.search(piece) and not _DEPARTMENT.fullmatch(piece))


def _name_like(piece: str) -> bool:
    """A company's name: a few words, capitalised but for "of", "and"...; no sentence,
    no department ("Infrastructure", "Data & Analytics")."""
    words = piece.split()
    ends = piece[:-1] if _LEGAL_FORM.search(piece) else piece  # "Acme Inc." is no sentence
    return (0 < len(words) <= 6 and not ends.endswith((".", "!", "?", ":", ","))
            and piece[0].isupper() and not ROLE_WORD.search(piece)
            and not _DEPARTMENT.fullmatch(piece)
            and all(w[0].isupper() or not w[0].isalpha() or w.lower() in _NAME_SMALL
                    for w in words))


# a job's title with its link on its line, as Outlook writes an HTML mail's links in its
# plain text ("Machine Learning Engineer<https://...>"), the job's card on the lines below;
# a title may hold "<" or ">" ("Research Engineer (<2 yrs)"), which left its job out
_TITLE_LINK = re.compile(r"^\s*(?P<title>(?:(?!<https?://)\S)(?:(?!<https?://).){0,118}?)"
                         r"\s*<https?://[^>\s]+>\s*$")


def text_jobs(body: str) -> list[DigestJob]:
    """The jobs of a plain-text digest without rule lines: each ends with its link, on its
    last line or the line right after it; or each starts with its title and link on one
    line, its card below (``_TITLE_LINK``). [] for a message that is no such digest.

    A quoted line ("> ...", a reply quoting the post it answers) ends no job: its links are
    another message's."""
    lines = body.splitlines()
    ends = [i for i, line in enumerate(lines)
            if _URL.search(line) and not line.lstrip().startswith(">") and not _nav_line(line)]
    if len(ends) < 2:
        return []
    titled = _titled_jobs(lines, ends)
    if titled:
        return titled
    spans: list[list[str]] = []
    start = 0
    for end in ends:
        part = lines[start:end + 1]
        if not any(ln.strip() and not _LINK_LINE.match(ln.strip()) for ln in part) and spans:
            spans[-1].extend(part)  # a second link of the same job
        else:
            spans.append(part)
        start = end + 1
    if len(spans) < 2:
        return []
    spans[0] = trim_first(spans[0], spans[1:])
    jobs = []
    for span in spans:
        text = tidy_text("\n".join(span))
        title = next((ln for ln in text.splitlines() if ln.strip() and not _LINK_LINE.match(ln)),
                     "")
        title = _URL.sub("", title).strip(" :-–—()<>")
        url = first_url(text)
        company, place = card_fields(text, title)
        jobs.append(DigestJob(title=title, text=text, url=url, company=company, place=place))
    urls = [j.url for j in jobs]
    if len(set(urls)) < len(urls):
        return []
    # a list of jobs: short title lines, most of them naming a job (a posting with two
    # links, "Details: ..." and "Apply by 1 May: ...", is one job)
    named = sum(1 for j in jobs if ROLE_WORD.search(j.title))
    if not (all(0 < len(j.title) <= 120 for j in jobs) and named >= 2 and 2 * named >= len(jobs)):
        return []
    return jobs


def _titled_jobs(lines: list[str], links: list[int]) -> list[DigestJob]:
    """The jobs of a plain-text digest whose every job's title carries its link
    (``_TITLE_LINK``, each of them a job's title, ``ROLE_WORD``) with the job's card under
    it: each job its title line and the lines under it, to a link or the next job's title.
    Read as jobs that end with their links, each job's card was the next job's, its title the
    company's name, and the digest was no digest (one posting). [] for any other text.

    A card may hold blank lines (Indeed's pay and "Easily apply" each a paragraph of their
    own): a paragraph of short lines that are no sentence goes on with the card above it.
    The line right above a title, after a blank line, is the title's head when the title
    wrapped there ("Senior Machine Learning Engineer," over "Search<https://...>", as
    Outlook wraps long lines: ``_wrapped``), else a line of the card (Glassdoor's company
    above its title). Before, either made the alert one posting.

    Between the first title and the last, a line of text that is no job's (not blank, no
    link, no card's) makes it no such digest: a letter's own words ("Best regards,", the
    sender's name above a signature's "Talent Acquisition Manager<https://...>").

    An alert links all its jobs alike (one host, one path with ids blanked: ``_shape``); a
    letter's titles that link otherwise (the role's page and a signature's profile, or the
    team's page) are read card by card only as far as the first blank line, and no line
    above a title is its job's: so read, a sign-off with no comma over the sender's name
    ("Cheers", "Jane Doe") was the card of a job "Talent Acquisition Manager", and the
    letter two postings."""
    jobs = _titled(lines, links, lenient=True)
    if len({_shape(job.url or "") for job in jobs}) > 1:
        return _titled(lines, links, lenient=False)
    return jobs


def _titled(lines: list[str], links: list[int], *, lenient: bool) -> list[DigestJob]:
    """``_titled_jobs``'s reading; not ``lenient``: a card ends at its first blank line and
    each job starts at its title's line."""
    titles: list[tuple[int, int, str]] = []  # (the job's first line, its title's, its title)
    for i in links:
        match = _TITLE_LINK.match(lines[i])
        if match is None:
            continue
        title, first = " ".join(match.group("title").split()), i
        head = lines[i - 1].strip() if i > 0 else ""
        if (lenient and head and (i < 2 or not lines[i - 2].strip())
                and (_card_line(head) or _card_line(head[:-1]) and _GOES_ON.search(head))
                and not (not titles and _OPENING.search(head))):
            first = i - 1
            if _wrapped(head, title):
                title = f"{head} {title}"
        if ROLE_WORD.search(title):
            titles.append((first, i, title))
    if len(titles) < 2:
        return []
    spans: list[list[str]] = []
    for number, (first, at, _) in enumerate(titles):
        stop = titles[number + 1][0] if number + 1 < len(titles) else len(lines)
        end = _card_end(lines, at + 1, stop, lenient=lenient)
        if number + 1 < len(titles) and any(
                line.strip() and not _URL.search(line) for line in lines[end:stop]):
            return []
        spans.append(lines[first:end])
    carded = [span for span, (first, at, _) in zip(spans, titles, strict=True)
              if any(line.strip() for line in span[at - first + 1:])]
    if len(carded) * 2 < len(titles):
        return []
    jobs = []
    for span, (first, at, title) in zip(spans, titles, strict=True):
        text = tidy_text("\n".join(span))
        company, place = card_fields(text, title)
        jobs.append(DigestJob(title=title, text=text, url=first_url(lines[at]),
                              company=company, place=place))
    urls = [job.url for job in jobs]
    return jobs if len(set(urls)) == len(urls) else []


def _card_end(lines: list[str], start: int, stop: int, *, lenient: bool = True) -> int:
    """Where a job's card that starts at ``start`` ends (before ``stop``, the next job's
    first line): at a link's line, at a blank line followed by a paragraph that is no
    card's (``_card_line``; not ``lenient``: at any blank line), or at ``stop``."""
    end = start
    while end < stop:
        if _URL.search(lines[end]):
            return end
        if lines[end].strip():
            end += 1
            continue
        if not lenient:
            return end
        after = end
        while after < stop and not lines[after].strip():
            after += 1
        paragraph = after
        while paragraph < stop and lines[paragraph].strip():
            paragraph += 1
        if after == stop or not all(_card_line(line) for line in lines[after:paragraph]):
            return end
        end = paragraph
    return end


# a card's line: short, no link, no sentence ("Acme - Remote", "$150,000 - $180,000 a year",
# "Easily apply"), not the frame's
_SENTENCE_END = (".", "!", "?", ",", ":", ";")


def _card_line(line: str) -> bool:
    line = line.strip()
    return (0 < len(line) <= 80 and not line.endswith(_SENTENCE_END) and not _URL.search(line)
            and not BOILERPLATE.search(line))


# what ends the first line of a wrapped title: a comma, a dash, "&", "/", "(", "of", "and"...
_GOES_ON = re.compile(r"(?:[,&/(+–—-]|\b(?:of|and|for|in|at|with|the|to|or|de|und))$",
                      re.IGNORECASE)


def _wrapped(head: str, title: str) -> bool:
    """Whether the line above a title's link is the title's head, the title wrapped before
    its last words ("Senior Machine Learning Engineer," over "Search<https://...>";
    "Machine Learning" over "Engineer<https://...>"), not a card's line above it (a
    company, Glassdoor's "Acme Robotics 4.1 ★"): it ends as a title goes on, or names a
    role itself, or the title's line names none."""
    return bool(_GOES_ON.search(head)) or bool(ROLE_WORD.search(head)) or not ROLE_WORD.search(
        title)


_AT_NAMED = re.compile(r"\s(?:at|@)\s+[A-Z]|\|")  # "ML Engineer at Acme", "Acme | ML Engineer"


def cards_name_employers(jobs: list[DigestJob]) -> bool:
    """True when at least two jobs, and at least half of them, name a company or a place
    (on their card or in their title): what tells a job alert's list from a newsletter's
    or a reading list's links, whose headlines may name jobs too ("How research scientists
    prepare for interviews")."""
    named = sum(1 for j in jobs if j.company or j.place or _AT_NAMED.search(j.title))
    return named >= 2 and 2 * named >= len(jobs)


def _nav_line(line: str) -> bool:
    """A line of the digest's frame: "Unsubscribe: https://...", "Edit this alert: ..."."""
    label = _URL.sub(" ", line).strip(" :-–—<>()")
    url = _URL.search(line)
    return bool(label and _is_nav(label)) or bool(
        url and _NAV_PATH.search(urlsplit(link_target(url.group(0)) or "").path))


# A digest's opening: a greeting, what the alert is, how many jobs it brings.
_OPENING = re.compile(
    r"\balerts?\b|\bmatch(?:es|ing)? your\b|\bnew (?:jobs|positions|openings|roles)\b|"
    r"\bjobs? (?:for|in|at) |\brecommended\b|\bdigest\b|^\s*(?:hi|hello|dear|hey)\b|"
    r"\bhere (?:are|is)\b|\bthis week\b|\btoday\b|\bsaved search\b",
    re.IGNORECASE | re.MULTILINE,
)


def trim_first(first: list[str], others: list[list[str]]) -> list[str]:
    """The first job without the digest's opening: its leading paragraphs (or lines, when
    every other job is one line) beyond what the other jobs have, while they read as an
    opening ("Your job alert for ...", "Hello, here are 3 new jobs")."""
    def paragraphs(span: list[str]) -> list[list[str]]:
        out: list[list[str]] = [[]]
        for line in span:
            if line.strip():
                out[-1].append(line)
            elif out[-1]:
                out.append([])
        return [p for p in out if p]

    if max(sum(1 for ln in span if ln.strip()) for span in others) == 1:
        units = [[ln] for ln in first if ln.strip()]
        most = 1
    else:
        units = paragraphs(first)
        most = max(len(paragraphs(span)) for span in others)
    while len(units) > most and _OPENING.search("\n".join(units[0])):
        units = units[1:]
    return [ln for unit in units for ln in [*unit, ""]]


def first_url(text: str) -> str | None:
    """The first http(s) address of a text, the one rule for every job a mail gives (a
    digest's job, a list's posting, a plain message): it ends at a space, a quote, ``<``,
    ``>``, ``)`` or ``]``, so a link written ``<https://x>``, ``(https://x)`` or
    ``[https://x]`` is ``https://x``, and loses a sentence's last ``.``, ``,`` or ``;``.
    Before, ``mailbox`` had a copy of it that kept a closing ``]``."""
    match = _URL.search(text)
    return text_url(match.group(0)) if match else None


_MAILMAN_HEAD = re.compile(r"^Message:\s*\d+\s*$", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^(?P<name>[A-Za-z-]{2,30}):\s?(?P<value>.*)$")


def list_digest_message(chunk: str) -> tuple[str, str] | None:
    """A message of a mailing-list (Mailman) digest, "Message: 3" then its headers: its
    subject and its body. None for any other chunk."""
    lines = chunk.strip().splitlines()
    if not lines or not _MAILMAN_HEAD.match(lines[0].strip()):
        return None
    headers: dict[str, str] = {}
    name = ""
    index = 1
    while index < len(lines) and lines[index].strip():
        header = _HEADER_LINE.match(lines[index])
        if lines[index][:1].isspace() and name:  # a folded header goes on
            headers[name] += " " + lines[index].strip()
        elif header:
            name = header.group("name").lower()
            headers[name] = header.group("value").strip()
        else:
            break
        index += 1
    return headers.get("subject", ""), "\n".join(lines[index:]).strip()


# A newsletter's section of jobs, by its heading: "Jobs", "JOBS OF THE WEEK", "## Hiring",
# "Who's hiring", "Open roles", "💼 Job board" (a short line, or an <h1>-<h6>, alone).
_JOBS_HEADING = re.compile(
    r"^[\W_]*(?:(?:new|latest|featured|open|current|top|ml|ai)\s+)?"
    r"(?:jobs?|roles|positions|openings|vacancies|job (?:openings|board|listings|postings)|"
    r"careers|(?:we\W?re|who\W?s|now|companies|teams)\s+hiring|hiring(?:\s+now)?)"
    r"(?:\s+(?:of|this)\s+(?:the\s+)?week|\s+board|\s+corner)?[\W_]*$",
    re.IGNORECASE,
)
# (attributes bounded: ``[^>]*`` scanned the rest of the mail from every "<h2" with no ">")
_H_TAG = re.compile(r"<h([1-6])\b[^>]{0,500}>(.{0,300}?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
MAX_SECTIONS = 4  # headings naming jobs tried per mail: a newsletter has one jobs section
_TAG = re.compile(r"<[^>]{0,500}>")


def _section_heading(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 40 and not _URL.search(line) and bool(_JOBS_HEADING.match(line))


def section_jobs(body: str, html: str | None) -> list[DigestJob]:
    """The jobs of a newsletter's jobs section, or [] (the mail stays one posting).

    A section is what follows a heading that names jobs ("Jobs", "Who's hiring", "Open
    roles") up to the next heading (in text: a short line with a blank line either side;
    in HTML: the next ``<h1>``-``<h6>``). Its jobs are read as a digest's
    (``text_jobs``, ``html_jobs``) and kept only when there are two or more, every one's
    title names a job, and they name their employers (``cards_name_employers``): a
    reading list under a heading "Careers" ("How research scientists prepare for
    interviews") stays part of the one posting.
    """
    for found in (_text_section(body), _html_section(html) if html else []):
        jobs = [_item_fields(job) for job in found]
        if (len(jobs) >= 2 and all(job_title_shape(j.title) for j in jobs)
                and cards_name_employers(jobs)):
            return jobs
    return []


# what follows a job title's last role word: nothing, a qualifier ("Research Scientist,
# Perception", "(NLP)", "- Search", "of AI", "in NLP", "II", "Statistics"), never a
# lower-case word going on as a sentence ("Product Manager interviews", "Engineer
# applications")
_AFTER_ROLE = re.compile(r"\s*(?:$|[,()\[\]/|–—&-]|[A-Z\d]|(?:of|for|in|on|at|and|with|"
                         r"[ivx]{1,3})\b)")
# "Staff Engineer: the path", "The Engineer's guide", "Why every Data Scientist ..."
_ARTICLE_MARK = re.compile(r"[:?!]|['’]s\b|^\W*(?:why|how|what|when|where|who|which|the|"
                           r"a|an|my|our|your|inside|meet|lessons|tips)\b", re.IGNORECASE)


def job_title_shape(title: str) -> bool:
    """Whether a section item's title reads as a job's, not an article's that names one:
    a role word (``ROLE_WORD``) whose last one ends it or is followed by a qualifier, and
    no colon, question or possessive. Under an ambiguous heading ("Careers"), "Data
    Scientist, Search" is a job; "Why every Data Scientist should learn SQL", "Staff
    Engineer: the path beyond senior", "CV clinic for Software Engineer applications"
    are articles and events."""
    if _ARTICLE_MARK.search(title):
        return False
    last = None
    for last in ROLE_WORD.finditer(title):
        pass
    return last is not None and bool(_AFTER_ROLE.match(title, last.end()))


_ITEM_SPLIT = re.compile(r"\s+[-–—|·•]\s+|\s*[|·•]\s*|\s+at\s+(?=[A-Z])")


def _item_fields(job: DigestJob) -> DigestJob:
    """A section's item names its employer on the title's line, after the title:
    "Data Scientist — Fabrikam, London", "ML Engineer | Acme | Remote", "ML Engineer at
    Acme (Berlin)": the title is the role, the first name-like piece the company, the
    rest the place (read before what ``card_fields`` made of the line)."""
    line = _one_line(_URL.sub("", next((ln for ln in job.text.splitlines() if ln.strip()), "")))
    title = _one_line(job.title)
    head, rest = job.title, ""
    if line.startswith(title) and line[len(title):].strip(" -–—|·•:,()"):
        rest = line[len(title):]  # the title is a link's text, the rest of its line after it
    else:
        parts = _ITEM_SPLIT.split(line if line.startswith(title) else title, maxsplit=1)
        if len(parts) == 2 and ROLE_WORD.search(parts[0]):
            head, rest = parts
    rest = re.sub(r"^\s*(?:[-–—|·•:,]|at\s)\s*", "", rest).strip(" -–—|·•:,()")
    if not rest:
        return job
    pieces = [p.strip(" ()") for p in _ITEM_SPLIT.split(rest) if p.strip(" ()")]
    if len(pieces) == 1 and ("," in rest or "(" in rest):
        pieces = [p.strip(" ()") for p in re.split(r",|\(", rest, maxsplit=1) if p.strip(" ()")]
    if not pieces or _PLACE.search(pieces[0]) or not (
            _name_like(pieces[0]) or _brand_like(pieces[0]) and len(pieces) > 1):
        return replace(job, title=head.strip())
    place = ", ".join(p for p in pieces[1:] if not _NOISE.search(p)) or None
    return replace(job, title=head.strip(), company=pieces[0], place=place or job.place)


def _text_section(body: str) -> list[DigestJob]:
    """The jobs under the first heading naming jobs that has some (``MAX_SECTIONS`` tried).

    The next heading is found by one pass over the lines (each heading's end looked up in
    it): scanning on from every heading took time growing with the square of the mail's
    lines (112 KB of "Jobs" lines: 13 s)."""
    lines = body.splitlines()
    blank = [not ln.strip() for ln in lines]
    ends = [i for i in range(1, len(lines) - 1)
            if blank[i - 1] and blank[i + 1] and _next_heading(lines[i].strip())]
    tried = 0
    for at, line in enumerate(lines):
        if not ((at == 0 or blank[at - 1]) and _section_heading(line)):
            continue
        after = bisect.bisect_left(ends, at + 2)
        end = ends[after] if after < len(ends) else len(lines)
        jobs = text_jobs("\n".join(lines[at + 1:end]))
        tried += 1
        if jobs or tried >= MAX_SECTIONS:
            return jobs
    return []


def _next_heading(line: str) -> bool:
    """A short line, alone between blank lines, that is no sentence or link: a heading."""
    return (0 < len(line) <= 60 and not _URL.search(line)
            and not line.endswith((".", ",", ";")))


def _html_section(html: str) -> list[DigestJob]:
    """As ``_text_section``, a section running to the next heading of the same or a higher
    level (found for every heading in one pass)."""
    headings = list(_H_TAG.finditer(html))
    ends = [len(html)] * len(headings)
    open_: list[int] = []  # headings not ended yet, their levels rising
    for index, heading in enumerate(headings):
        while open_ and headings[open_[-1]].group(1) >= heading.group(1):
            ends[open_.pop()] = heading.start()
        open_.append(index)
    tried = 0
    for index, heading in enumerate(headings):
        if not _section_heading(_one_line(_TAG.sub(" ", heading.group(2)))):
            continue
        jobs = html_jobs(html[heading.end():ends[index]], by_shape=False)
        tried += 1
        if jobs or tried >= MAX_SECTIONS:
            return jobs
    return []
