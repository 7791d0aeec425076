"""Link the same job seen in several places to one canonical posting.

The same role often arrives twice: from a company's Greenhouse board and
from its "Who is hiring?" comment, or as the same HN comment reposted every
month. Two postings are duplicates when

1. their URLs are equal once tracking parameters are stripped and a
   click-tracking wrapper is read as the address it leads to
   (``sources.links.compare_url``), or one posting's text links to the other's
   job URL, whichever came first (the store keeps each text's links, ``text_links``:
   a job finds the stored posts that link to it, as a post finds the job). A URL at which one source has postings of several titles is a
   listing page and links nothing. A URL that names one job (an id or a long
   slug in it: ``.../jobs/7``, ``?jk=1d07``) links the postings of two sources
   at it unless both their titles conflict and their companies differ (a
   board's posting and a job-alert mail's job that links to it are one job,
   whatever spelling of the company the card gives), and one source's postings
   of one title and company at it (the alert of Monday and that of Tuesday). A
   URL that names no job (a careers index, a board's own page, a site's search)
   links postings of two sources only when their titles do not conflict and
   their companies agree, and a text's link to it only when the titles do not
   conflict; one source's postings at it never. Two titles of two levels are two
   jobs at any URL, as they never share a cluster. A Hacker News address (a thread,
   a comment) is no job's URL. The comparison inside a company block and the
   URL links apply this one rule (``url_pair``; a pass over a store knows the listing
   pages for both, ``is_duplicate`` of one pair cannot), and read every posting's title
   the same way (``judged_title``: a post's roles as its header names them, a
   split role's own title); or
2. their companies match (normalised, fuzzy ratio >= ``COMPANY_MIN``) and
   their role titles do not conflict (each naming something the other lacks,
   e.g. Frontend vs Backend) and the texts overlap (Jaccard of word
   3-shingles >= ``TEXT_MIN``, or one text is contained in the other: share
   of the smaller's shingles >= ``CONTAINED_MIN``, or Jaccard >= ``TEXT_REPOST`` or
   containment >= ``CONTAINED_REPOST`` for a company's monthly Hacker News ad posted again:
   ``_monthly_repost``); or the titles conflict,
   the texts are nearly the same (Jaccard >= ``TEXT_SAME``) and the two were
   posted ``REPOST_DAYS`` or more apart (a repost under a new headline). Two
   ads of one company live at the same time with conflicting titles are two
   roles, however much boilerplate they share. Two titles that both name a level
   (``title_levels``: "Sr." is senior), none of one's the other's, conflict and
   are two jobs even as a repost; a title without one conflicts with none. A part
   of a title that only says where or how the job is done ("- New York", "(Remote,
   US)": work modes of ``_WHERE`` and places of ``places.is_place``) names no role.
   A Hacker News post of several jobs that the pipeline does not split (its text lists
   roles that have no text of their own: ``post_role_lists``) shares its pitch with the
   company's post of last month whatever jobs it lists: two such posts that share no
   role, or a list and a post of one job it does not name, are two jobs however much
   text they share (``_lists_agree``); a repost that adds or drops a role is one ad.

Candidates are blocked by exact company key; inside a block a 64-value
MinHash signature per posting (numpy) estimates every pair's Jaccard at once,
and only pairs estimated >= ``MINHASH_CANDIDATE`` (or of very different
lengths, where containment is possible) get the exact checks.
A Hacker News post that lists several roles is split by the enrich pipeline
into one posting per role (ids ``<post id>/r<n>``, see
``mljobs.enrich.pipeline._units``); every role keeps the post's shared opening
text and the post's list of role titles in ``extra["roles"]``. Such roles are
compared by their own titles (not the post's list), and two roles of one post
are never duplicates: they are distinct jobs however much text they share.
The same role reposted in a later month's post still links.

Pairs that pass are joined best first (a link by URL, then by title and text
similarity) with union-find that refuses to put two roles of one post, titles
of two different levels (read from each posting's ``judged_title``, a stored row's
too), or two lists of roles that share none in one cluster, so a repost's roles each
join their own earlier role and a title without a level joins one level's posting, not
two. Where that rule refuses a pair whose cluster holds a stored link, a pass links anew the
postings connected to that pair (stored clusters and duplicate pairs, at most ``RELINK_MAX``
postings: their stored links found again among their pairs), as it links anew a changed
posting's stored cluster and those at a changed posting's URL that has become a listing page,
so the clusters do not depend on the order the postings came in, nor keep a link a posting's
change undid (``link_duplicates``). Stored links that break
the cluster rule (written by an older version) are undone (those of lists once a posting of
the company changes: a pass reads the stored lists of the changed postings' companies
only). The canonical
posting is an open posting if there is one, then a board posting, then the earliest seen
(``settle_canonicals`` keeps that as postings close and reopen). Duplicates get
``canonical_id``; the canonical posting's ``extra`` lists ``also_sources``
and every ``source_urls`` of its cluster. The thresholds were chosen on the
labelled pairs in ``tests/fixtures/sources/dedupe/pairs.jsonl``; precision
and recall are in docs/sources.md.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property, lru_cache
from typing import cast
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from mljobs.models import SPLIT_SOURCES, Posting, Status, role_number, role_post
from mljobs.places import is_place
from mljobs.sources import SOURCES
from mljobs.sources.links import compare_url, text_urls
from mljobs.store import SQLiteStore

COMPANY_MIN = 90.0
TITLE_SAME = 90.0
TEXT_MIN = 0.5
TEXT_SAME = 0.85
TEXT_REPOST = 0.3
CONTAINED_REPOST = 0.7
REPOST_DAYS = 14
CONTAINED_MIN = 0.8
MIN_SHINGLES = 20
MINHASH_PERMS = 64
# well below the lowest overlap a link takes (``TEXT_REPOST``): the 64 values' estimate of a
# Jaccard near 0.3 spreads about +-0.06, so a cut-off at 0.3 left out ~40% of the pairs just
# over it; at 0.2 ~1% (corpus import: 1,790 comparisons for 1,622, the same links)
MINHASH_CANDIDATE = 0.2
LOAD_BATCH = 500
# the most postings a group (a refused pair's stored clusters and the duplicates they reach)
# may hold to be linked anew (``link_duplicates``): each of its postings is compared with every
# posting of its company then (a board of 2,000 near-alike postings, linked anew whole: 2M
# pairs, 33 s, on every sync that touched one); a bigger group keeps its stored links and
# joins the pass's pairs after them, as before the twenty-first session, so its clusters may
# depend on the order its postings came in
RELINK_MAX = 400
# the most postings whose features (shingles, MinHash signature) a ``link_duplicates`` keeps
# across its passes, of the blocks of companies with stored history (those a pass that links a
# group anew compares again); a block beyond them is read and computed again in each pass
# (~48 KB a posting of the corpus, its shingle set most of it: 1,000 of them about 50 MB)
KEEP_FEATURES = 1_000
# the sources whose postings a cluster is shown by before a post's or an alert's
# (``_rank``): those whose listing is a whole board or careers page (``closes``: greenhouse,
# lever, ashby, recruitee, jsonld), read from the registry (before, a list kept here, which a
# source added later, Recruitee, was left out of)
BOARD_SOURCES = frozenset(name for name, cls in SOURCES.items() if cls.closes)
# the rule ``_rank`` shows a cluster by, as a store keeps it (meta ``settled_by``): a store an
# mljobs of another rule settled (other board sources: Recruitee's were not one before the
# thirty-first session) has every linked posting noted by its next settling, as the full scan
# of every linked posting read them at each sync before schema 6 (change the words with the rule)
SETTLE_RULE = f"closed, board ({','.join(sorted(BOARD_SOURCES))}), first seen, id"

_SUFFIX = re.compile(
    r"\b(inc|llc|ltd|limited|gmbh|corp|corporation|co|company|plc|sa|ag|bv|srl|pbc)\b\.?", re.IGNORECASE
)
_WORD = re.compile(r"[a-z0-9]+")
_HEADER_SPLIT = re.compile(r"\s*[|•·]\s*")
_TITLE_STOP = frozenset({
    "and", "or", "of", "the", "for", "in", "at", "with", "to", "a", "an", "remote", "onsite",
    "hybrid", "full", "time", "fulltime", "part", "contract", "senior", "sr", "junior", "jr",
    "staff", "principal", "lead", "ii", "iii", "iv", "team", "role", "roles", "position",
    "mid", "level", "snr", "chief", "entrylevel",
})
# a level's other forms, read as its word: short forms ("Sr." is "senior"), the entry level's
# names ("early career", "entry-level", "new grad": "entrylevel", not the entry of "Data
# Entry"), and a ladder's number after a role ("Data Engineer 4" is "data engineer iv"; not a
# count: "Engineer 2 positions", "Engineer 3+ years", "Analyst 3-month contract", "Engineer 2
# days onsite")
_LEVEL_SHORT = re.compile(
    r"\b(sr|snr|jr)\b\.?|\b(internship)\b"
    r"|\b(early(?:-|\s+)career|entry(?:-|\s+)level|new(?:-|\s+)grad(?:uate)?s?)\b"
    r"|\b((?:engineer|scientist|developer|analyst|architect|researcher|modeler|specialist|"
    r"consultant|administrator|designer)s?)\s+([1-5])\b(?![.,]?\d|\+|[\s-]*(?:x|positions?|roles?|"
    r"openings?|years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?)\b)")
_LEVEL_WORDS = {"sr": "senior", "snr": "senior", "jr": "junior", "internship": "intern"}
_ROMAN = ("", "i", "ii", "iii", "iv", "v")
# a title that may name a level (most name none: no need to read their role part)
_ANY_LEVEL = re.compile(r"\b(?:senior|sr|snr|junior|jr|mid|staff|principal|lead|leader|intern|"
                        r"internship|i|ii|iii|iv|v|[1-5]|chief|early|entry|grad\w*)\b",
                        re.IGNORECASE)
# a role's explicit level ("i" and "v" not in "I/O")
_LEVEL = re.compile(r"\b(senior|junior|mid|staff|principal|lead|intern|chief|entrylevel|ii|iii|"
                    r"iv)\b|\b(i|v)\b(?![/&'])")
# one who leads a team: a role more than a level ("Senior ML Engineer, Team Lead" is senior),
# the level "lead" only in a title that names no other ("Data Science Team Lead")
_ROLE_LEAD = re.compile(r"\b(?:team|tech|technical)\s+lead(?:er)?\b")
# a title, not the level staff: "Member of Technical Staff" (a lab's title for an engineer or
# researcher of any level: "Senior Member of Technical Staff" is senior)
_TECHNICAL_STAFF = re.compile(r"\bmember\s+of\s+(?:the\s+)?technical\s+staff\b")
# a role, not the levels chief and staff: "Chief of Staff" (read as one word, ``_fold_title``)
_CHIEF_OF_STAFF = re.compile(r"\bchief\s+of\s+staff\b")


def company_key(name: str | None) -> str:
    """A company name folded for comparison: lower case, no accents, no 'Inc.'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"\(.*?\)", " ", text)
    text = _SUFFIX.sub(" ", text.lower())
    return " ".join(_WORD.findall(text))


def post_key(posting_id: str, source: str | None) -> str:
    """The post a posting comes from: ``<post id>`` for a role split from a multi-role
    Hacker News post (``<post id>/r<n>``), else the posting's own id."""
    if source and source.startswith(SPLIT_SOURCES):
        return role_post(posting_id) or posting_id
    return posting_id


def is_split_role(posting: Posting) -> bool:
    """True for one role of a multi-role post (its title is the role's own)."""
    return post_key(posting.id, posting.source) != posting.id


def role_title(posting: Posting, key: str | None = None) -> str:
    """The role part of a title (HN headers lose the company and location parts); ``key``:
    the posting's ``company_key`` if the caller holds it.

    A role split from a multi-role post has its own title; the post's list of
    roles in ``extra["roles"]`` (which every role of the post inherits) would make
    all of them look alike.
    """
    roles = posting.extra.get("roles") if isinstance(posting.extra, dict) else None
    return _role_of(posting.id, posting.source, posting.title, roles,
                    company_key(posting.company) if key is None else key)


def _role_of(pid: str, source: str, title: str, roles: object, key: str) -> str:
    """``role_title`` of a posting given by its id, source, title, ``extra["roles"]`` and
    company key (a stored row's as a loaded posting's)."""
    if roles and isinstance(roles, list) and post_key(pid, source) == pid:
        return " / ".join(str(r) for r in roles)
    return _header_role(title, key)


def _header_role(title: str, key: str) -> str:
    """The role part of an HN header ``Company | Role | ...`` whose company key is ``key``."""
    parts = _HEADER_SPLIT.split(title)
    if len(parts) > 1 and company_key(parts[0]) == key:
        return parts[1]
    return title


def _fold_title(title: str) -> str:
    """A role title as pairs compare it: lower case, spaces folded, a level's short form read
    as its word ("Sr. ML Engineer" is "senior ml engineer"; ``title_levels``), and "Chief of
    Staff" one word ("chiefofstaff": a role, no level chief or staff, as ``enrich.roles`` and
    ``facets.seniority`` read it)."""
    lowered = title.lower()
    if "chief" in lowered:
        lowered = _CHIEF_OF_STAFF.sub("chiefofstaff", lowered)
    return " ".join(_LEVEL_SHORT.sub(_level_word, lowered).split())


def _level_word(found: re.Match[str]) -> str:
    if found[4]:  # a role and its ladder's number
        return f" {found[4]} {_ROMAN[int(found[5])]} "
    return " " + ("entrylevel" if found[3] else _LEVEL_WORDS[found[1] or found[2]]) + " "


def shingles(text: str, size: int = 3) -> frozenset[int]:
    """Hashes of the word ``size``-grams of a text, the same in every process (a word is its
    CRC-32; a tuple of ints hashes without Python's per-process salt for strings)."""
    words = [zlib.crc32(w.encode()) for w in _WORD.findall(text.lower())]
    if len(words) < size:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(map(hash, zip(*(words[i:] for i in range(size)))))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller text's shingles found in the other (0 for short texts)."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


_PRIME = (1 << 61) - 1
_PERMS = np.random.default_rng(20261125).integers(1, _PRIME, size=(2, MINHASH_PERMS),
                                                   dtype=np.uint64)


def minhash(shingle_set: frozenset[int]) -> npt.NDArray[np.uint64]:
    """A MinHash signature of a shingle set (``MINHASH_PERMS`` values)."""
    if not shingle_set:
        return np.full(MINHASH_PERMS, np.iinfo(np.uint64).max, dtype=np.uint64)
    values = np.array(list(shingle_set), dtype=np.int64).astype(np.uint64)
    # multiply-add hashing modulo 2**64 (numpy uint64 arithmetic wraps)
    mixed = values[None, :] * _PERMS[0][:, None] + _PERMS[1][:, None]
    return cast("npt.NDArray[np.uint64]", mixed.min(axis=1))


# a posting at a URL as the URL rule reads it: id, source, folded role title, company key
_Held = tuple[str, str, str, str]


@dataclass
class _Features:
    posting: Posting
    post: str
    company: str
    title: str
    text: frozenset[int]
    url: str | None
    linked: frozenset[str]
    signature: npt.NDArray[np.uint64]

    @property
    def held(self) -> _Held:
        return self.posting.id, self.posting.source, self.title, self.company

    @cached_property
    def listed(self) -> _Listed:
        """The roles its text lists, read only for a pair the text rule links."""
        return post_role_lists(self.posting)


_HN_HOST = "news.ycombinator.com"
# a cleaned URL (``compare_url``: scheme and host lower case, a path of at least "/") on
# Hacker News's host; not one naming the host in a parameter
_ON_HN = (f"https://{_HN_HOST}/", f"http://{_HN_HOST}/")


def _job_url(url: str | None) -> str | None:
    """``url`` as the URL rule compares it (``compare_url``); None for a Hacker News address:
    a thread or a comment is where a post was read (every role of a split post is at it, and
    a comment may link to another), not a job's page."""
    cleaned = compare_url(url)
    return cleaned if cleaned and not cleaned.startswith(_ON_HN) else None


def _links(text: str) -> frozenset[str]:
    """The job URLs a text links to (``text_urls``: a sentence's last ``.`` is no part of
    one), as they are compared (``_job_url``, inlined: HN posts hold many links)."""
    return frozenset(u for u in map(compare_url, text_urls(text)) if u and not u.startswith(_ON_HN))


def judged_title(posting: Posting, key: str) -> str:
    """The title a posting is compared by, in every path: its role title (``role_title``;
    ``key``: its ``company_key``) folded (``_fold_title``)."""
    return _fold_title(role_title(posting, key))


def features(posting: Posting) -> _Features:
    """What the comparison needs, computed once per posting."""
    linked = _links(posting.description_text)
    text = shingles(posting.description_text)
    key = company_key(posting.company)
    return _Features(posting, post_key(posting.id, posting.source), key,
                     judged_title(posting, key), text, _job_url(posting.url), linked,
                     minhash(text))


def same_job(a: _Features, b: _Features, listings: Container[str] = frozenset()) -> bool:
    """True when two postings describe the same job (see the module docstring).
    ``listings``: the listing pages among their URLs, as a pass over a store knows them
    (``_AtUrls.listings``); a URL in it links nothing."""
    if a.post == b.post and a.posting.id != b.posting.id:
        return False  # two roles of one post are two jobs
    if _url_linked(a, b, listings):
        return True
    if not a.company or not b.company or fuzz.ratio(a.company, b.company) < COMPANY_MIN:
        return False
    overlap = jaccard(a.text, b.text)
    read_a, read_b = _judged_read(a.title), _judged_read(b.title)
    if _conflict(read_a, read_b):
        # Two roles of one company share its boilerplate (about us, benefits, how to
        # apply), so their texts can be nearly the same; only a repost weeks later under
        # a new headline is one job under two titles (not under two levels).
        return overlap >= TEXT_SAME and _apart(a.posting, b.posting) \
            and not _levels_differ(read_a[0], read_b[0]) and _lists_agree(a.listed, b.listed)
    if overlap < TEXT_MIN:
        contained = containment(a.text, b.text)
        if contained < CONTAINED_MIN and not (
                (overlap >= TEXT_REPOST or contained >= CONTAINED_REPOST) and _monthly_repost(a, b)):
            return False
    return _lists_agree(a.listed, b.listed)


def _monthly_repost(a: _Features, b: _Features) -> bool:
    """Whether two postings of one company are its monthly ad posted again: two Hacker News
    posts (a company posts one ad to a month's thread) ``REPOST_DAYS`` or more apart, of one
    judged title that names a role (a split role's own, or the roles its header names; not
    a header read as a place or a pitch), whose texts link the same pages. Such a repost
    rewords its pitch and keeps the role, pay and perks, or is the ad shortened, so it needs
    less text overlap (``TEXT_REPOST``) or containment (``CONTAINED_REPOST``). A post of several jobs that lists other ones (other job links) is a
    new list, and a board's two ads of one title (a staffing firm's "Senior Data Scientist"
    for two clients) are two jobs."""
    return a.title == b.title and a.linked == b.linked and all(
        p.source.startswith(SPLIT_SOURCES) and _names_role(p) for p in (a.posting, b.posting)) \
        and _apart(a.posting, b.posting)


def _names_role(posting: Posting) -> bool:
    """Whether a post's judged title is a role its header names: a split role's own title,
    or the post's ``extra["roles"]`` (none when its header named no role)."""
    return is_split_role(posting) or bool(
        isinstance(posting.extra, dict) and posting.extra.get("roles"))


def _url_linked(a: _Features, b: _Features, listings: Container[str] = frozenset()) -> bool:
    """Whether the URL rule (``url_pair``, which the URL links apply too) makes two postings
    one job: two sources' postings at one URL, or one's text linking to the other's URL,
    unless the URL is one of the ``listings`` (listing pages, known from the store).
    Within one source a shared URL is left to the text rule: whether that source holds
    postings of other titles there (a listing page) one pair cannot tell."""
    if not a.url and not b.url:
        return False  # no URL of either (every HN post): nothing for the rule to read
    at_a = a.url if a.url and a.url not in listings else None
    at_b = b.url if b.url and b.url not in listings else None
    if at_a and at_a == at_b and a.posting.source != b.posting.source and url_pair(
            names_one_job(at_a), True, a.held, b.held):
        return True
    if at_a and at_a in b.linked and url_pair(names_one_job(at_a), False, b.held, a.held):
        return True
    return bool(at_b and at_b in a.linked
                and url_pair(names_one_job(at_b), False, a.held, b.held))


def _apart(a: Posting, b: Posting) -> bool:
    """True when the two were posted (else first seen) ``REPOST_DAYS`` or more apart."""
    when_a, when_b = a.posted_at or a.first_seen, b.posted_at or b.first_seen
    if when_a is None or when_b is None:
        return False
    return abs(_utc(when_a) - _utc(when_b)) >= timedelta(days=REPOST_DAYS)


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


_ONE_JOB = re.compile(r"\d|[^/]{25,}")  # an id or a long slug: "127900", an Ashby uuid


def names_one_job(url: str) -> bool:
    """True for a URL that names one job: a path segment or a query value with a digit in
    it, or a long slug (``/jobs/127900``, ``?jk=1d07b3c9``, ``/ml-engineer-ranking-berlin``).
    A careers index, a board's own page or a site's search (``/careers``, ``/jobs``,
    ``jobs.ashbyhq.com/acme``) lists several jobs."""
    parts = urlsplit(url)
    return any(_ONE_JOB.search(s) for s in parts.path.split("/") if s) or any(
        any(c.isdigit() for c in value) for _, value in parse_qsl(parts.query))


def companies_agree(a: str, b: str) -> bool:
    """Two company keys that may name one company: one is unknown, they are alike, or one
    is the other's leading words ("vault tec" and "vault tec industries")."""
    if not a or not b or fuzz.ratio(a, b) >= COMPANY_MIN:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return long[:len(short)] == short


def shared_url_links(one_job: bool, a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether postings of two sources at one cleaned URL (``one_job``: ``names_one_job`` of
    it), each given as (role title folded, company key), are one job (see the module
    docstring)."""
    conflict = _conflict(_judged_read(a[0]), _judged_read(b[0]))
    agree = companies_agree(a[1], b[1])
    if one_job:
        return not conflict or agree
    return not conflict and agree


# a role title's short forms, read as the words they stand for ("ML Engineer" names what
# "Machine Learning Engineer" does; "Sr. ML Engineer" and "Senior Machine Learning Engineer"
# are one role's two wordings)
_TITLE_SHORT = {
    "ml": ("machine", "learning"), "mle": ("machine", "learning", "engineer"),
    "ai": ("artificial", "intelligence"), "swe": ("software", "engineer"),
    "nlp": ("natural", "language", "processing"),
}


# The parts of a title that say where or how the job is done ("Frontend Engineer - New York",
# "(Remote, US)", "| Hybrid", ", Berlin"; accents folded: "Bogotá"): a part that holds only
# place, work-mode and stop words names no role, so it makes no conflict ("Engineer -
# Platform" is a team and stays). A title of places only keeps them: they are all it says.
_TITLE_PART = re.compile(r"\s[-\u2013\u2014]\s|[|(),;@\[\]]|\sin\s|\s[-\u2013\u2014]$")
# work modes and the short forms of places a title writes in lower case ("us", "ny", "sf
# bay area"); the names of cities, countries and regions are the gazetteer's
# (``places.is_place``: "sao paulo", "winston salem", "oceania")
_WHERE = frozenset({
    "remote", "hybrid", "onsite", "on", "site", "office", "wfh", "anywhere", "worldwide",
    "global", "distributed", "flexible", "only", "first", "friendly", "based", "area", "bay",
    "city", "metro", "region", "state", "county", "timezone", "timezones", "zone", "gmt",
    "utc", "us", "usa", "uk", "eu", "emea", "apac", "latam", "europe", "asia", "africa",
    "america", "americas", "north", "south", "east", "west", "central", "united", "states",
    "kingdom", "nyc", "sf", "sfo", "new", "york", "los", "angeles", "ca", "ny", "tx",
    "wa", "ma", "il", "co", "ga", "nc", "va", "pa", "fl", "nj", "dc", "bc", "coast", "cet",
    "cest", "est", "edt", "pst", "pdt", "pt", "et", "ct", "mt",
})


# the words that may stand between two place names in a place part ("berlin or remote")
_BETWEEN = _WHERE | _TITLE_STOP


def _is_place_part(words: list[str]) -> bool:
    """Whether a title's part (its words) names only where or how the job is done: work-mode
    and stop words, and names of places (``places.is_place``), at least one word not a stop
    word."""
    return any(w not in _TITLE_STOP for w in words) and (
        all(w in _WHERE or w in _TITLE_STOP for w in words)
        or is_place(words, between=_BETWEEN))


# a title as ``titles_conflict`` reads it: its levels, content words and role part
_Read = tuple[frozenset[str], frozenset[str], str]


@lru_cache(maxsize=8192)
def _title_read(title: str) -> _Read:
    """Any title's explicit levels (``title_levels``), content words (``title_tokens``) and
    role part (folded, no place parts), as ``titles_conflict`` compares them."""
    return _judged_read(_fold_title(title) if title.isascii() else title)


# en and em dashes, which folding to ASCII would drop: a dash between a role and its place
_DASHES = str.maketrans("\u2013\u2014", "--")


@lru_cache(maxsize=8192)
def _judged_read(judged: str) -> _Read:
    """``_title_read`` of a title folded already (``judged_title``'s, ``_fold_title``: it
    folds an ASCII title once, and a folded title is its own fold); a title with other
    characters is folded again without its accents, as ``_title_read`` folds it."""
    folded = judged if judged.isascii() else _fold_title(unicodedata.normalize(
        "NFKD", judged.translate(_DASHES)).encode("ascii", "ignore").decode())
    role = " ".join(p for p in _TITLE_PART.split(folded) if not _is_place_part(_WORD.findall(p))) \
        if _TITLE_PART.search(folded) else folded
    tokens = _content_words(role)
    if not tokens:  # a header of places only ("Acme | Berlin & Remote"): its places are all it says
        role, tokens = folded, _content_words(folded)
    return _levels(role), tokens, role


# a post's list of roles (``post_role_lists``): the roles it lists, and those and any more it
# names, as read
_Listed = tuple[tuple[_Read, ...], tuple[_Read, ...]]


def post_role_lists(posting: Posting) -> _Listed:
    """For a Hacker News post not split into roles, the roles it lists: the role titles its
    text lists (``segment_roles``: a post of several jobs whose roles have no text of their
    own, "We're hiring: Staff Engineer, Traffic (link); Senior PM (link)"), else the roles
    its header names (``_header_roles``: none when it names no role, a header read as a
    place or a pitch); and the roles it names: those and any its header names that the
    text's list does not ("AI Engineer" of "Tech Lead, AI Engineer" over a list of "Senior
    Python Developer" and "Technical Team Lead"; not "Engineers" over a list of a backend
    and a data engineer: it would be every engineer). Each is read as ``_title_read``; no
    roles for any other posting. (A header's roles are not listed beside a text's list: a
    header read wrongly, "Locations: ... Positions we're hiring for:", is no role of the
    list.)"""
    if not posting.source.startswith(SPLIT_SOURCES) or is_split_role(posting):
        return (), ()
    listed = _text_roles(posting.description_text)
    header = tuple(_title_read(t) for t in _header_roles(posting))
    if not header or not listed:
        return (listed, listed) if listed else (header, header)
    return listed, (*listed, *(h for h in header if not _shares((h,), listed)))


@lru_cache(maxsize=1024)
def _text_roles(text: str) -> tuple[_Read, ...]:
    """The role titles a post's text lists (``segment_roles``), each read as ``_title_read``:
    once a text, as a company's monthly post is often its last month's word for word (a pass
    over the corpus import reads 467 texts for 547 posts), and a changed company's stored
    post is read for its stored link and again for its comparisons."""
    from mljobs.enrich.roles import segment_roles  # (the enrich package: once an HN post is read)

    return tuple(_title_read(t) for t in segment_roles(text).titles)


def _header_roles(posting: Posting) -> list[str]:
    """The roles a post's header names (``extra["roles"]``; none when it named no role,
    ``_names_role``): a part of roles split by " / " (each a role's title, ``roles.is_role_title``:
    "Senior/Staff Software Engineer - Infrastructure, Machine Learning / Senior Software
    Engineer - Full Stack"; not "Senior / Staff Software Engineers", "Full Stack / Applied AI
    Engineer" or a team's parts after a dash, "- Distributed Systems / Cloud Databases") is
    read role by role, and a part (or role) listing three or more split at its commas ("Tech
    Lead, AI Engineer, Infra Engineer"; not "Staff Software Engineer, Traffic": one role and
    its team), not at those in brackets ("Full-Stack Developer (Django, Vue, AWS)", "Software
    Engineers (Senior, Staff, Principal)": one role, its tools or levels) nor after a dash
    ("Software Engineer - Infrastructure, Data Platform", "Web Developer - Python, JavaScript,
    SQL": one role, its team or tools)."""
    roles = posting.extra.get("roles") if isinstance(posting.extra, dict) else None
    out: list[str] = []
    for role in map(str, roles if isinstance(roles, list) else ()):
        for one in _slash_roles(role):
            out.extend(_comma_roles(one))
    return out


# a comma outside brackets (none of "(", "[" opened before it is closed yet)
_OUTER_COMMA = re.compile(r",(?![^()\[\]]*[)\]])")
# a " / " outside brackets, and a dash between a role and its team, tools or place (outside
# brackets: "Engineers (Backend - Infra), ML Engineer, Data Scientist" lists three)
_OUTER_SLASH = re.compile(r"\s+/\s+(?![^()\[\]]*[)\]])")
_ROLE_DASH = re.compile(r"\s[-\u2013\u2014]\s(?![^()\[\]]*[)\]])")


def _slash_roles(part: str) -> list[str]:
    """A header part's roles split by " / " when each is a role's title that names more than a
    level ("Staff / Principal Product, Backend, Distributed Systems Engineers" is one role's
    levels and kinds), else the part."""
    pieces = _OUTER_SLASH.split(part) if "/" in part else [part]
    if len(pieces) < 2:
        return [part]
    from mljobs.enrich.roles import is_role_title  # (loaded: a post's text list is read first)

    return pieces if all(is_role_title(p) and _title_read(p)[1] for p in pieces) else [part]


def _comma_roles(part: str) -> list[str]:
    """A header part listing three or more roles split at its commas (outside brackets, before
    a dash: the last role keeps what follows its dash), else the part."""
    dash = _ROLE_DASH.search(part)
    head = part[:dash.start()] if dash else part
    pieces = _OUTER_COMMA.split(head)
    if len(pieces) < 3:
        return [part]
    pieces[-1] += part[len(head):]
    return pieces


def _lists_agree(a: _Listed, b: _Listed) -> bool:
    """Whether two postings' lists of roles (``post_role_lists``) may be one ad: yes unless one
    lists two roles or more, the other one or more, and neither lists a role the other
    names. A company's monthly post of several jobs keeps its pitch whatever jobs it lists:
    one that lists none of last month's roles is another ad (and a post of one job that the
    list does not name another job), while a repost that drops or adds a role is the same ad.
    A role is the other's when their titles do not conflict (``_conflict``: "Senior SWE,
    Compiler" is "Senior Software Engineer, Compiler")."""
    (listed_a, named_a), (listed_b, named_b) = a, b
    if not listed_a or not listed_b or (len(listed_a) < 2 and len(listed_b) < 2):
        return True
    return _shares(listed_a, named_b) or _shares(listed_b, named_a)


def _shares(roles: tuple[_Read, ...], others: tuple[_Read, ...]) -> bool:
    """Whether one of ``roles`` is one of ``others`` (their titles do not conflict)."""
    return any(not _conflict(r, o) for r in roles for o in others)


def _levels(role: str) -> frozenset[str]:
    """The levels a title's role part (folded) names (``title_levels``)."""
    if "member" in role and "staff" in role:
        role = _TECHNICAL_STAFF.sub(" member ", role)
    if "lead" in role and _ROLE_LEAD.search(role):
        levels = frozenset(one or roman for one, roman in _LEVEL.findall(_ROLE_LEAD.sub(" ", role)))
        return levels or frozenset({"lead"})
    return frozenset(one or roman for one, roman in _LEVEL.findall(role))


@lru_cache(maxsize=8192)
def _bare(role: str) -> str:
    """A title's role part without its levels, as ``titles_conflict``'s fuzzy ratio reads it."""
    return " ".join(_WORD.findall(_LEVEL.sub(" ", role)))


def _content_words(title: str) -> frozenset[str]:
    """A title's words that name its role: no stop word, no letter alone, no count ("2x")."""
    return frozenset(_singular(word) for w in _WORD.findall(title)
                     if w not in _TITLE_STOP and len(w) > 1 and not _is_count(w)
                     for word in _TITLE_SHORT.get(w, (w,)))


def _is_count(word: str) -> bool:
    """A count of people wanted: "2x" in "2x ML Engineers"."""
    return word[-1] == "x" and word[:-1].isdigit()


def title_tokens(title: str) -> set[str]:
    """Content words of a role title (no seniority, stop words or work-mode words, no part
    that only says where the job is: "Frontend Engineer (Remote, US)" names "frontend" and
    "engineer"), plurals folded ("Engineers" names what "Engineer" does), short forms read
    as their words (``_TITLE_SHORT``: "ML" is "machine learning")."""
    return set(_title_read(title)[1])


def title_levels(title: str) -> frozenset[str]:
    """The explicit levels a role title names (senior, junior, mid, staff, principal, lead,
    intern, I to IV), short forms read as their words ("Sr." is senior, "Jr" junior). The
    lead of a "Team Lead", "Tech Lead" or "Technical Lead" (or "Leader") is one who leads a
    team: the level "lead" only when the title names no other ("Senior ML Engineer, Team
    Lead" is senior, "Data Science Team Lead" lead). The staff of "Member of Technical
    Staff" is no level: it is a title ("Senior Member of Technical Staff" is senior)."""
    return _title_read(title)[0]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def titles_conflict(a: str, b: str) -> bool:
    """True when each title names something the other does not (two different roles), or
    both name a level and no level of one is the other's ("Junior" vs "Senior Data
    Scientist"; "Senior/Staff" vs "Staff" share one). A title without a level conflicts with
    none (one job is often posted with and without "Senior"), and a part that only says
    where or how the job is done ("- New York", "(Remote, US)") names no role.

    "Frontend Engineer" vs "Backend Engineer" conflict; "ML Engineer" vs "ML
    Engineer, Search" do not (one only adds detail).
    """
    return _conflict(_title_read(a), _title_read(b))


def _conflict(a: _Read, b: _Read) -> bool:
    """``titles_conflict`` of two titles as read (``_title_read``, ``_judged_read``)."""
    levels_a, ta, role_a = a
    levels_b, tb, role_b = b
    if _levels_differ(levels_a, levels_b):
        return True
    return bool(ta - tb) and bool(tb - ta) \
        and fuzz.token_sort_ratio(_bare(role_a), _bare(role_b)) < TITLE_SAME


def levels_conflict(a: str, b: str) -> bool:
    """True when both titles name a level and none of one's is the other's: two jobs, even
    when one is a repost of the other's text (the role was levelled anew)."""
    return _levels_differ(_title_read(a)[0], _title_read(b)[0])


def _levels_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and a.isdisjoint(b)


def match_roles(new: Sequence[Posting], stored: Sequence[Posting]) -> dict[str, str]:
    """Which stored role (``<post id>/r<n>``, open or closed) each role of a post's new reading
    is, as ``{new id: stored id}``, each stored role given once, so that a role keeps its id
    when its post is edited (``SQLiteStore.upsert``'s ``all_roles``). Passes, in order:

    0. the same content (``content_hash``: a role the edit left as it was);
    1. the same title (``_fold_title``: "Sr. ML Engineer" is "Senior ML Engineer");
    2. titles that do not conflict (``titles_conflict``: "ML Engineer (Remote)" and "Machine
       Learning Engineer" do not; "Backend" and "Frontend Engineer", "Senior" and "Staff"
       do), whatever the texts;
    3. nearly the same own text (Jaccard >= ``TEXT_SAME``), whatever the titles.

    Passes 1 to 3 pair the closest texts first (the Jaccard of the roles' own text: their
    shingles without those every role of the post shares, its opening and closing); every
    pass then pairs an open stored role before a closed one, the lower number, the earlier new
    role. A new role left over is a new role; a stored role left over has left its post."""
    out: dict[str, str] = {}
    taken: set[int] = set()

    def pair(pairs: list[tuple[float, bool, int, int, int]]) -> None:
        for *_, i, j in sorted(pairs):
            if new[i].id not in out and j not in taken:
                out[new[i].id] = stored[j].id
                taken.add(j)

    def order(j: int) -> tuple[bool, int]:
        return stored[j].status != Status.OPEN, role_number(stored[j].id) or 0

    pair([(0.0, *order(j), i, j) for i in range(len(new)) for j in range(len(stored))
          if new[i].content_hash and new[i].content_hash == stored[j].content_hash])
    if len(out) == len(new) or len(taken) == len(stored):
        return out
    new_sets = [shingles(p.description_text or "") for p in new]
    old_sets = [shingles(p.description_text or "") for p in stored]
    common = _shared(new_sets) | _shared(old_sets)
    texts = [[jaccard(a - common, b - common) for b in old_sets] for a in new_sets]
    titles = [_fold_title(p.title) for p in new]
    old_titles = [_fold_title(p.title) for p in stored]

    def same(step: int, i: int, j: int) -> bool:
        if step == 1:
            return titles[i] == old_titles[j]
        if step == 2:
            return not titles_conflict(new[i].title, stored[j].title)
        return texts[i][j] >= TEXT_SAME

    for step in (1, 2, 3):
        pair([(-texts[i][j], *order(j), i, j) for i in range(len(new)) if new[i].id not in out
              for j in range(len(stored)) if j not in taken and same(step, i, j)])
    return out


def _shared(sets: Sequence[frozenset[int]]) -> frozenset[int]:
    """The shingles every one of two or more texts holds (none of a text alone)."""
    return frozenset.intersection(*sets) if len(sets) > 1 else frozenset()


def is_duplicate(a: Posting, b: Posting) -> bool:
    """``same_job`` for two postings."""
    return same_job(features(a), features(b))


class _UnionFind:
    """Union-find whose clusters never hold two postings of one post, nor two postings
    whose titles name different levels, nor two list posts whose lists disagree.

    Each member is registered with its post (``post_key``) and its title's levels
    (``title_levels`` of its ``judged_title``, a stored row's read as a loaded posting's:
    a post's roles, not its header's second part), or with levels to read (``read``) from
    that title once a comparison pairs it (``_pair``); ``union`` refuses to join two clusters that
    share a post, or that hold a title of a level and one of another ("Junior" and "Senior
    Data Scientist"), so neither two roles of one post nor two levels of one role end up
    in one cluster, not even through a third posting (one without a level) they both
    resemble. Likewise a member's list of roles (``post_role_lists``), once a comparison pairs
    it (``list_of``): every two lists of a cluster agree (``_lists_agree``), so two list posts
    that share no role are not joined through a third that shares one with each.
    """

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.posts: dict[str, set[str]] = {}
        # a cluster's titles' levels (a member added without is absent until ``read``)
        self.levels: dict[str, set[frozenset[str]]] = {}
        self.lists: dict[str, list[_Listed]] = {}  # a cluster's lists of roles, once known
        self.listed: set[str] = set()  # members whose list is known
        self.stored: set[str] = set()  # the roots of clusters that hold a stored link

    def add(self, x: str, post: str, levels: frozenset[str] | None = frozenset()) -> None:
        """Register ``x`` (of post ``post``) with its title's ``levels``; None: to be read
        (``read``) before ``x`` joins another member."""
        self.parent.setdefault(x, x)
        self.posts.setdefault(x, {post})
        if levels is not None:
            self.levels.setdefault(x, {levels} if levels else set())

    def read(self, x: str, judged: str) -> None:
        """The levels of member ``x`` added without, from its ``judged_title`` (the first
        one read: a member's levels are read once)."""
        if x not in self.levels:
            levels = _judged_read(judged)[0]
            self.levels[x] = {levels} if levels else set()

    def list_of(self, x: str, listed: _Listed) -> None:
        """The list of roles (``post_role_lists``) of member ``x``, before it joins another."""
        if x not in self.listed:
            self.listed.add(x)
            if listed[0]:  # (on its cluster's root, where ``union`` looks)
                self.lists.setdefault(self.find(x), []).append(listed)

    def find(self, x: str) -> str:
        if x not in self.parent:
            self.add(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of ``a`` and ``b``; False if they share a post, their titles
        name different levels or their lists of roles disagree."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.posts[ra].isdisjoint(self.posts[rb]):
            return False
        levels_a, levels_b = self.levels[ra], self.levels[rb]
        if levels_a and levels_b and any(_levels_differ(x, y) for x in levels_a for y in levels_b):
            return False
        lists_a, lists_b = self.lists.get(ra, ()), self.lists.get(rb, ())
        if any(not _lists_agree(x, y) for x in lists_a for y in lists_b):
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.posts[keep] |= self.posts.pop(gone)
        self.levels[keep] = levels_a | levels_b
        del self.levels[gone]
        if gone in self.lists:
            self.lists[keep] = [*self.lists.get(keep, ()), *self.lists.pop(gone)]
        if gone in self.stored:
            self.stored.discard(gone)
            self.stored.add(keep)
        return True


@dataclass
class LinkReport:
    """What one linking pass did: ``linked``, the postings it put in a group of the same job,
    a new group's first not counted (a pair is one link); ``unlinked``, those that left one
    the same way (a posting whose text became another job's). A posting that left a group
    for another is both; two groups a posting joins are two links (``_links_changed``). A
    group's shown posting that another takes the place of is neither; it was counted as
    linked, and so was a posting that stopped being a duplicate."""

    compared: int = 0
    clusters: int = 0
    linked: int = 0
    unlinked: int = 0


_URL_SCORE = 3.0  # a shared job URL or a link to it outranks any text similarity
# two duplicates: how alike (``_score``) and their ids
_Pair = tuple[float, str, str]


def link_duplicates(store: SQLiteStore, changed: Sequence[str]) -> LinkReport:
    """Find duplicates of the ``changed`` postings in the store and link them, as one pass
    over the whole store would link them.

    The stored links are joined first, then this pass's pairs best first. That is what one
    pass gives unless the cluster rules (two levels, two lists of roles that share none, two
    roles of one post) refuse one of this pass's pairs whose cluster holds a stored link:
    that earlier import's link may hold a posting that a better pair of this one wants, so
    the clusters would depend on the order the postings came in. The postings connected to
    such a pair (its group: the stored clusters of its two postings and every posting a
    duplicate pair reaches from them, and theirs, ``_groups``) are then linked anew: their
    stored links are not kept but found again among their pairs (each of them compared with
    every posting of its company, their URL links read) and joined best first with them,
    as one pass would join them (what lies outside the group pairs with none of it). So are
    the group of a changed posting that holds a stored link (its new title or text may be
    another job's, and no two postings of one stored cluster are compared), and the groups of
    the postings with stored links at a changed posting's URL that is a listing page now (a
    link the URL rule made there before is one that one pass would not make). A group of more
    than ``RELINK_MAX`` postings keeps its stored links."""
    report = LinkReport()
    if not changed:
        return report
    rows = store.dedupe_rows()
    key_of = {r[0]: company_key(r[2]) for r in rows}
    # (not those gone from the rows: removed, or roles closed as no longer in their post)
    changed = [pid for pid in changed if pid in key_of]
    if not changed:
        return report
    first_seen = {r[0]: r[6] for r in rows}
    stored_all = {r[0]: r[5] for r in rows if r[5]}
    judged: dict[tuple[str, str], float | None] = {}  # (a pair is compared once)
    kept: dict[str, dict[str, _Features]] = {}  # (a block's features are computed once)
    filled = store.text_links_filled()
    if not filled:  # (a store migrated to schema 5 with postings in it: once)
        _fill_text_links(store, [r[0] for r in rows], set(changed))
    redo: frozenset[str] = frozenset()
    too_big: set[str] = set()  # the groups of more than RELINK_MAX postings met
    while True:  # until every posting of the groups to link anew has been compared
        done = _link_pass(store, changed, rows, key_of, stored_all, redo, judged, kept)
        report.compared += done.compared
        grown: set[str] = set()
        for group in _groups(redo | done.seeds, stored_all, done.pairs):
            if len(group) > RELINK_MAX or not too_big.isdisjoint(group):
                too_big |= group
            else:
                grown |= group
        if grown == redo:
            break
        redo = frozenset(grown)
    clusters = _clusters(done.uf)
    with store.transaction():  # (one write: a pass stopped half-way leaves the links it found)
        report.clusters = _apply(store, clusters, first_seen)[0]
        store.set_text_links(sorted(done.texts.items()), filled=not filled)
        _undo_broken(store, done.uf, done.unlinked)
    after = {pid: root for root, members in clusters.items() for pid in members}
    report.linked, report.unlinked = _links_changed(stored_all, after, key_of)
    return report


def _links_changed(before: Mapping[str, str], after: Mapping[str, str],
                   postings: Container[str]) -> tuple[int, int]:
    """The links a pass made and those it broke, by the groups of the same job ``before``
    it (each grouped posting's shown one, as stored) and ``after`` it (each grouped
    posting's group): the groups both leave together (each posting's pair of them) less the
    groups after, and less those before. A pair made is one link; a posting that left a
    group for another is one broken and one made (it was counted by the postings no group
    had held before: as broken only); two groups one posting joins are two made. Of the
    ``postings`` still stored."""
    ids = [pid for pid in {*before, *before.values(), *after} if pid in postings]
    was = {pid: before.get(pid, pid) for pid in ids}
    now = {pid: after.get(pid, pid) for pid in ids}
    both = len({(was[pid], now[pid]) for pid in ids})
    return both - len(set(now.values())), both - len(set(was.values()))


def _fill_text_links(store: SQLiteStore, ids: Sequence[str], changed: Container[str]) -> None:
    """Write the text links of the stored postings not ``changed`` (the pass writes theirs
    with its links, and the mark that every posting's are in), ``LOAD_BATCH`` texts read at
    a time, in one transaction: a pass stopped before its write fills them again."""
    todo = [pid for pid in ids if pid not in changed]
    with store.transaction():
        for start in range(0, len(todo), LOAD_BATCH):
            batch = store.get_many(todo[start : start + LOAD_BATCH])
            store.set_text_links((pid, _links(p.description_text)) for pid, p in batch.items())


@dataclass
class _Pass:
    """What a link pass found (``_link_pass``), not yet written."""

    uf: _UnionFind
    compared: int
    unlinked: set[str]  # stored links' postings to unlink if no cluster holds them now
    pairs: list[_Pair]  # the duplicate pairs it found
    seeds: set[str]  # the postings of its refused pairs whose clusters hold a stored link
    texts: dict[str, frozenset[str]]  # the URLs each changed posting's text links to


def _groups(starts: frozenset[str], stored: dict[str, str],
            pairs: Iterable[_Pair]) -> list[set[str]]:
    """The postings connected to each of ``starts`` by the ``stored`` links (each posting's
    canonical) and the duplicate ``pairs`` a pass found, one set for each group."""
    if not starts:  # (a pass that refused no pair where links are stored)
        return []
    near: dict[str, list[str]] = defaultdict(list)
    for a, b in [*stored.items(), *((a, b) for _score, a, b in pairs)]:
        near[a].append(b)
        near[b].append(a)
    groups: list[set[str]] = []
    seen: set[str] = set()
    for start in sorted(starts):
        if start in seen:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in near[todo.pop()]:
                if other not in group:
                    group.add(other)
                    todo.append(other)
        seen |= group
        groups.append(group)
    return groups


def _link_pass(store: SQLiteStore, changed: Sequence[str],
               rows: Sequence[tuple[str, str, str | None, str, str | None, str | None, str]],
               key_of: dict[str, str], stored_all: dict[str, str], redo: frozenset[str],
               judged: dict[tuple[str, str], float | None],
               kept: dict[str, dict[str, _Features]]) -> _Pass:
    """Pairs of the ``changed`` postings joined after the stored links (``stored_all``: each
    linked posting's canonical), those of the postings ``redo`` linked anew
    (``link_duplicates``); ``judged``: the pairs compared so far; ``kept``: the features of
    the blocks with stored history read so far (at most ``KEEP_FEATURES`` postings'), by
    company key."""
    blocks: dict[str, list[str]] = defaultdict(list)
    is_changed = set(changed)
    # the postings linked anew (whole stored clusters), and their stored links, found again
    stored = {pid: c for pid, c in stored_all.items() if pid not in redo or c not in redo}
    released = {x for pid, c in stored_all.items() if pid not in stored for x in (pid, c)}
    # the levels of a stored link's postings are read now (their judged titles: a post's
    # roles are in its data), any other posting's once a comparison pairs it (``_pair``)
    linked = set(stored) | set(stored.values())
    roles = store.extra_values(sorted(  # (a split role is judged by its own title)
        pid for pid, source, *_ in rows if pid in linked and post_key(pid, source) == pid), "roles")
    uf = _UnionFind()
    for pid, source, _company, title, _url, _canonical, _seen in rows:
        key = key_of[pid]
        levels = None
        if pid in linked:
            role = _role_of(pid, source, title, roles.get(pid), key)  # its judged title's
            levels = _judged_read(_fold_title(role))[0] if _ANY_LEVEL.search(role) \
                else frozenset()
        uf.add(pid, post_key(pid, source), levels)
        if key:
            blocks[key].append(pid)
    # the lists of roles of a stored link's posts in the changed postings' companies (a link
    # that breaks the list rule, written by an older version, is undone once one changes)
    changed_keys = {key_of.get(pid, "") for pid in changed} - {""}
    # (each of these companies is a touched block: its loop below reuses these postings)
    preloaded = store.get_many(sorted(
        pid for pid, source, *_ in rows if pid in linked and key_of[pid] in changed_keys
        and source.startswith(SPLIT_SOURCES) and post_key(pid, source) == pid))
    for pid, posting in preloaded.items():
        uf.list_of(pid, post_role_lists(posting))
    for pid, canonical in sorted(stored.items()):
        if uf.union(pid, canonical):  # refused for a stored link between two roles of one post
            uf.stored.add(uf.find(pid))
    # the postings of a refused stored link (both ends) are compared again, as if they had
    # changed, and unlinked if no cluster holds them now
    broken = {pid for pid, canonical in stored.items() if uf.find(pid) != uf.find(canonical)}
    broken |= {stored[pid] for pid in broken}
    touched = is_changed | redo | broken
    # a company whose pairs a pass that links a group anew compares again: one with a stored
    # posting not changed now, or a stored link (a company all new, no link stored: as one pass)
    history = {key_of[r[0]] for r in rows if r[0] not in is_changed} | {
        key_of[pid] for pid in linked}
    pairs: list[_Pair] = []
    at_urls = _AtUrls(store, rows, key_of)
    at_urls.changed = frozenset(is_changed)
    compared = 0
    keeping = sum(map(len, kept.values()))
    for block_key in sorted({key_of.get(pid, "") for pid in touched} - {""}):
        members = blocks[block_key]
        if len(members) < 2:
            continue
        feats = kept.get(block_key)
        if feats is None:
            loaded = store.get_many([pid for pid in members if pid not in preloaded])
            loaded.update((pid, preloaded[pid]) for pid in members if pid in preloaded)
            feats = {pid: features(p) for pid, p in loaded.items()}
            if block_key in history and keeping + len(feats) <= KEEP_FEATURES:
                kept[block_key] = feats  # (a later pass that links a group anew reads it again)
                keeping += len(feats)
        at_urls.known.update((pid, (f.held, f.linked)) for pid, f in feats.items()
                             if pid in is_changed)
        compared += _link_block(feats, touched, uf, pairs,  # one block in memory at a time
                                at_urls.listings(feats.values()),
                                judged if block_key in history else {})
    # the URL links of every posting linked anew (the changed ones first, as they came)
    by_url = [*changed, *sorted(redo - is_changed)]
    for start in range(0, len(by_url), LOAD_BATCH):
        batch = store.get_many(list(by_url[start : start + LOAD_BATCH]))
        _link_by_url(at_urls, batch, uf, pairs)
    # the groups linked anew, as one pass would link them: a changed posting's that holds a
    # stored link (its new title or text may be another job's: its cluster is not compared
    # again), and those of the postings with stored links at a changed posting's URL that is a
    # listing page now (a title of its source's came there since: a link the URL rule made)
    seeds = is_changed & linked
    seeds |= {pid for url, held in at_urls.held.items()
              if not held and not is_changed.isdisjoint(at_urls.ids[url])
              for pid in at_urls.ids[url] if pid in linked}
    for _score, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        # best first: a repost's roles each join their own earlier role
        if not uf.union(a, b) and not uf.stored.isdisjoint((uf.find(a), uf.find(b))):
            seeds.update((a, b))
    return _Pass(uf, compared, broken | released, pairs, seeds, at_urls.texts)


def _pair(uf: _UnionFind, pairs: list[_Pair], score: float, a: _Held, b: _Held,
          listed: tuple[_Listed, _Listed] | None = None) -> None:
    """Add two duplicates to ``pairs`` (``score``: how alike), their levels read from their
    judged titles, and their lists of roles (``listed``: a block's comparison reads them, the
    URL links do not)."""
    uf.read(a[0], a[2])
    uf.read(b[0], b[2])
    if listed is not None:
        uf.list_of(a[0], listed[0])
        uf.list_of(b[0], listed[1])
    pairs.append((score, a[0], b[0]))


def _link_block(feats: dict[str, _Features], touched: set[str], uf: _UnionFind,
                pairs: list[_Pair], listings: Container[str],
                judged: dict[tuple[str, str], float | None]) -> int:
    """Compare a block's pairs that MinHash says may overlap (or may be contained); add
    the duplicates to ``pairs`` with a score (higher: more alike). ``listings``: the listing
    pages among the block's URLs; ``judged``: each pair compared already in this
    ``link_duplicates`` (its score, None for two jobs), added to for a later pass that links
    a group anew; an empty one (a company all new: ``_link_pass`` passes a new one) reuses
    no score."""
    ids = sorted(feats)
    compared = 0
    for i, j in _candidates(ids, feats, touched):
        a, b = ids[i], ids[j]
        if uf.find(a) == uf.find(b):
            continue
        if (a, b) not in judged:
            compared += 1
            judged[a, b] = _score(feats[a], feats[b], listings) \
                if same_job(feats[a], feats[b], listings) else None
        score = judged[a, b]
        if score is not None:
            _pair(uf, pairs, score, feats[a].held, feats[b].held,
                  (feats[a].listed, feats[b].listed))
    return compared


# the most rows of a block's MinHash estimates held at once (each row: the block's postings
# times MINHASH_PERMS bytes, then a float each)
_ESTIMATE_ROWS = 256


def _candidates(ids: Sequence[str], feats: dict[str, _Features],
                touched: set[str]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of a block's postings (``ids``, sorted) that MinHash
    says may overlap, or whose texts are of sizes so unlike that one may hold the other, and
    of which one is ``touched``, in order. Only the rows of touched postings are estimated, a
    few at a time: every two of a company's 2,000 postings at once held 2,000 x 2,000 x 64
    bytes (256 MB) to link one changed posting."""
    sigs = np.stack([feats[i].signature for i in ids])
    sizes = np.array([max(1, len(feats[i].text)) for i in ids], dtype=float)
    rows = np.array([n for n, pid in enumerate(ids) if pid in touched], dtype=np.intp)
    is_row = np.zeros(len(ids), dtype=bool)
    is_row[rows] = True
    found: list[tuple[int, int]] = []
    for start in range(0, len(rows), _ESTIMATE_ROWS):
        at = rows[start : start + _ESTIMATE_ROWS]
        estimate = (sigs[at][:, None, :] == sigs[None, :, :]).mean(axis=2)
        ratio = np.minimum(sizes[at][:, None], sizes[None, :]) / \
            np.maximum(sizes[at][:, None], sizes[None, :])
        maybe = (estimate >= MINHASH_CANDIDATE) | (ratio < 0.5)
        r, j = np.nonzero(maybe)
        i = at[r]
        # (a pair of two touched postings is taken once, from the first one's row)
        take = (i != j) & (~is_row[j] | (i < j))
        found.extend(zip(np.minimum(i, j)[take].tolist(), np.maximum(i, j)[take].tolist(),
                         strict=True))
    return sorted(found)


def _score(a: _Features, b: _Features, listings: Container[str]) -> float:
    """How alike two duplicates are: a link by URL first (one the URL rule makes, not a URL
    the two merely share), then title and text similarity."""
    if _url_linked(a, b, listings):
        return _URL_SCORE
    return fuzz.token_sort_ratio(a.title, b.title) / 100 + jaccard(a.text, b.text)


class _AtUrls:
    """The stored postings at each job URL (``_job_url``), read as ``url_pair`` compares them
    (``judged_title``, as every changed posting and every block comparison is read) once a
    changed posting meets the URL: most URLs hold one posting and are never read.

    A URL at which one source has postings of two or more titles is a listing page (a
    careers page of several jobs) and links nothing; which postings at any other URL are
    one job ``url_pair`` decides. ``key_of``: each row's company key.
    """

    def __init__(self, store: SQLiteStore,
                 rows: Sequence[tuple[str, str, str | None, str, str | None, str | None, str]],
                 key_of: dict[str, str]) -> None:
        self.store, self.key_of = store, key_of
        self.ids: dict[str, list[str]] = defaultdict(list)
        for pid, _source, _company, _title, url, _canonical, _seen in rows:
            cleaned = _job_url(url)
            if cleaned:
                self.ids[cleaned].append(pid)
        self.held: dict[str, list[_Held]] = {}  # [] for a listing page
        self.one_job: dict[str, bool] = {}  # names_one_job of each URL read
        # each changed posting a block's comparison read: as the URL rule reads it, and its
        # text's links (its title is folded, and its text searched for links, once a pass)
        self.known: dict[str, tuple[_Held, frozenset[str]]] = {}
        self.changed: frozenset[str] = frozenset()  # the pass's changed postings
        self.texts: dict[str, frozenset[str]] = {}  # each changed posting's text's links

    def linkers(self, urls: Iterable[str | None]) -> dict[str, list[_Held]]:
        """The stored postings whose texts link to each of ``urls`` (``text_links``), as
        ``url_pair`` reads them; not a changed posting (its text may be new: its own links
        are read from it) nor one whose text no longer links there (a row an import that did
        not link left behind)."""
        found = self.store.text_linkers(sorted({u for u in urls if u}))
        wanted = sorted({pid for ids in found.values() for pid in ids} - self.changed)
        if not wanted:
            return {}
        loaded = self.store.get_many(wanted)
        links = {pid: _links(p.description_text) for pid, p in loaded.items()}
        held = {pid: self.held_of(p) for pid, p in loaded.items()}
        return {url: [held[pid] for pid in ids if pid in links and url in links[pid]]
                for url, ids in found.items()}

    def held_of(self, posting: Posting) -> _Held:
        """A posting as ``url_pair`` reads it: id, source, ``judged_title``, company key."""
        known = self.known.get(posting.id)
        return known[0] if known else self._held(posting)

    def _held(self, posting: Posting) -> _Held:
        pid = posting.id
        key = self.key_of[pid] if pid in self.key_of else company_key(posting.company)
        return pid, posting.source, judged_title(posting, key), key

    def url_features(self, posting: Posting) -> tuple[_Held, str | None, frozenset[str]]:
        """A changed posting as the URL links see it (as its block's comparison read it, if
        it did: ``known``): as ``url_pair`` reads it, its job URL, its text's links."""
        held, linked = self.known.get(posting.id) or (self._held(posting),
                                                      _links(posting.description_text))
        return held, _job_url(posting.url), linked

    def others(self, url: str, pid: str) -> bool:
        """Whether postings other than ``pid`` are at ``url``."""
        held = self.ids.get(url)
        return held is not None and (len(held) > 1 or held[0] != pid)

    def listings(self, feats: Iterable[_Features]) -> set[str]:
        """The listing pages among the URLs a block's postings are at or link to."""
        block = {f.posting.id: f for f in feats}
        urls = {u for pid, f in block.items() if f.linked for u in f.linked
                if self.others(u, pid)}
        urls.update(f.url for pid, f in block.items() if f.url and self.others(f.url, pid))
        if not urls:
            return set()
        self.read(urls, {pid: f.held for pid, f in block.items()})
        return {u for u in urls if not self.held[u]}

    def read(self, urls: Iterable[str], loaded: dict[str, _Held]) -> None:
        """Read the postings at the ``urls`` not read yet (``loaded``: postings at hand, as
        ``held_of`` reads them)."""
        todo = sorted(u for u in set(urls) if u not in self.held)
        if not todo:
            return
        wanted = sorted({pid for url in todo for pid in self.ids[url]} - loaded.keys())
        helds = {**loaded, **{pid: self.held_of(p) for pid, p in
                              self.store.get_many(wanted).items()}} if wanted else loaded
        for url in todo:
            here = [helds[pid] for pid in self.ids[url] if pid in helds]
            titles: dict[str, set[str]] = defaultdict(set)
            for _pid, source, title, _company in here:
                titles[source].add(title)
            listing = any(len(named) > 1 for named in titles.values())
            self.held[url] = [] if listing else here
            self.one_job[url] = names_one_job(url)


def url_pair(one_job: bool, own: bool, a: _Held, b: _Held) -> bool:
    """Whether posting ``a`` at a URL (``own``: its own URL, else a link in its text;
    ``one_job``: ``names_one_job`` of it) and posting ``b`` held there are one job: the URL
    rule of the module docstring, for the URL links and ``same_job`` alike. Two postings
    of one source at the URL are judged as if that source held no other title there (else
    the URL is a listing page: the caller knows). Two titles of two levels are two jobs
    here too, as a cluster never holds them (a role levelled anew is two postings)."""
    read_a, read_b = _judged_read(a[2]), _judged_read(b[2])
    if _levels_differ(read_a[0], read_b[0]):
        return False
    if not own:  # a text's link to a job, whatever company either names
        return one_job or not _conflict(read_a, read_b)
    if a[1] == b[1]:  # one source, one title: the same alert twice
        return one_job and a[2] == b[2] and companies_agree(a[3], b[3])
    return shared_url_links(one_job, (a[2], a[3]), (b[2], b[3]))


def _link_by_url(at_urls: _AtUrls, batch: dict[str, Posting], uf: _UnionFind,
                 pairs: list[_Pair]) -> None:
    """Postings at one job URL, and postings whose text links to another's job URL, for a
    batch of changed postings."""
    changed = [at_urls.url_features(p) for p in batch.values()]
    at_urls.texts.update((held[0], linked) for held, _, linked in changed
                         if held[0] in at_urls.changed)
    linkers = at_urls.linkers(url for _, url, _ in changed)
    at_urls.read([*(link for held, url, linked in changed for link in linked | {url or ""}
                    if at_urls.others(link, held[0])), *linkers],
                 {held[0]: held for held, _, _ in changed})
    for held, url, linked in changed:
        for link in linked | {url or ""}:
            for other in at_urls.held.get(link, ()):
                if other[0] != held[0] and url_pair(at_urls.one_job[link], link == url, held,
                                                    other):
                    _pair(uf, pairs, _URL_SCORE, held, other)
        # the stored texts that link to its URL (not a listing page), as each would link it
        if url and at_urls.held.get(url):
            for other in linkers.get(url, ()):
                if other[0] != held[0] and url_pair(at_urls.one_job[url], False, other, held):
                    _pair(uf, pairs, _URL_SCORE, other, held)


def _clusters(uf: _UnionFind) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for member in list(uf.parent):
        groups[uf.find(member)].append(member)
    return {root: sorted(m) for root, m in groups.items() if len(m) > 1}


def _apply(store: SQLiteStore, clusters: dict[str, list[str]],
           first_seen: dict[str, str]) -> tuple[int, int]:
    links: list[tuple[str, str | None]] = []
    extras: list[tuple[str, dict[str, object]]] = []
    for members in clusters.values():
        postings = store.get_many(members)
        if len(postings) < 2:
            continue
        canonical = min(postings.values(), key=lambda p: _rank(
            p.id, p.source, p.status, first_seen.get(p.id, "")))
        for p in postings.values():
            links.append((p.id, None if p.id == canonical.id else canonical.id))
            if p.id != canonical.id:
                extras.append((p.id, {"also_sources": [], "source_urls": []}))
        extras.append((canonical.id, _cluster_extra(canonical, postings.values())))
    linked = store.set_canonical(links)
    store.merge_extra(extras)
    return len(clusters), linked


def _rank(pid: str, source: str, status: str, first_seen: str) -> tuple[bool, bool, str, str]:
    """The order the canonical posting of a cluster is chosen by, the first: an open posting
    (a job one source closed and another still lists is shown open, by that one), a board's,
    the earliest seen."""
    return status == Status.CLOSED, source not in BOARD_SOURCES, first_seen, pid


def settle_canonicals(store: SQLiteStore) -> int:
    """Make each stored cluster's canonical posting the one ``_rank`` puts first, as its
    postings' status stands now: a sync or import that closed a cluster's canonical posting,
    or reopened one, changes no text and links nothing anew, but search and the pages show a
    cluster by its canonical posting. Only the clusters of the postings the store noted
    since the last settling are read (``SQLiteStore.unsettled_clusters``: whatever wrote
    their status, first seen or link); every other cluster was settled then and is as it
    was. The links this settling writes are noted in turn, for the next: a posting it
    links elsewhere may be the canonical posting of others still (a chain), whose cluster
    the next settling reads, as the next full scan of every linked posting did. Return how
    many postings' links changed. A store settled by another rule (``SETTLE_RULE``) has all
    its clusters read once."""
    ruled = store.meta("settled_by") == SETTLE_RULE
    if ruled and not store.unsettled():
        return 0
    with store.transaction():
        if not ruled:
            store.note_linked()
            store.set_meta("settled_by", SETTLE_RULE)
        keys, rows = store.unsettled_clusters()
        store.clear_unsettled()
        members: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
        for pid, source, status, seen, canonical in rows:
            if (root := canonical or pid) in keys:  # (another's: only part of it was read)
                members[root].append((pid, source, status, seen))
        moved = {root: sorted(m[0] for m in held) for root, held in members.items()
                 if len(held) > 1 and min(held, key=lambda m: _rank(*m))[0] != root}
        first_seen = {m[0]: m[3] for root in moved for m in members[root]}
        return _apply(store, moved, first_seen)[1] if moved else 0


def _undo_broken(store: SQLiteStore, uf: _UnionFind, broken: set[str]) -> None:
    """Unlink the postings of refused stored links that no cluster holds now, and clear
    their cluster lists (a canonical posting left alone). (What a pass linked and unlinked
    is counted from the groups before and after it, ``_links_changed``, not here.)"""
    if not broken:
        return
    sizes = Counter(uf.find(m) for m in uf.parent)
    alone = sorted(pid for pid in broken if sizes[uf.find(pid)] == 1)
    store.set_canonical((pid, None) for pid in alone)
    store.merge_extra((pid, {"also_sources": [], "source_urls": []}) for pid in alone)


def _cluster_extra(canonical: Posting, members: Iterable[Posting]) -> dict[str, object]:
    members = list(members)
    also = sorted({p.source for p in members if p.source != canonical.source})
    urls = sorted({u for u in (p.url for p in members) if u})
    return {"also_sources": also, "source_urls": urls}
