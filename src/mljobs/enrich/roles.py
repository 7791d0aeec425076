"""Role segmentation of Hacker News "Who is hiring?" posts.

A post may list several roles. When two or more roles each come with their
own description, ``segment_roles`` returns one ``RoleBlock`` per role (its
title and its text); when it only lists titles, it returns the titles and no
blocks, and the post stays one posting that keeps all titles. For the title it is
labelled by (``pick_title``), ``other_roles`` gives the lines of the other roles of
its list (their inline stacks and short texts), whose skills are not its own;
``listed_pay`` reads the pay on its own line (for ``mljobs show`` and the posting page,
without loading the rest of the pipeline).
"""

from __future__ import annotations

import bisect
import dataclasses
import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mljobs.enrich.lowered import hits, lower, lowers_exactly, register
from mljobs.enrich.salary import parse_salary
from mljobs.models import is_split_source

if TYPE_CHECKING:
    from mljobs.models import Posting, Salary

# A role noun ends a word: "architect" but not "architecture", "intern" but not
# "international", "staff" but not "staffing".
_ROLE_NOUN = (
    r"(?:engineers?|scientists?|developers?|designers?|managers?|researchers?|analysts?|"
    r"architects?|interns?|specialists?|directors?|head of|recruiters?|account exec\w*|"
    r"\bsres?|devops|consultants?|officers?|product owners?|writers?|marketers?|"
    r"representatives?|technicians?|\bleads?|programmers?|administrators?|\bmles?|"
    r"\bswes?|founding \w+|staff|chief of staff|partners?|associates?|\bvps?|vice presidents?)\b"
)
# The dashes that part a title from what follows it (its team, a note, a link) or a one-line
# header's segments, with white space on each side: the hyphen, the en dash and the em dash
# ("Staff Software Engineer - Platform", "Marker Learning - Founding Full Stack Engineer –
# Remote (USA) – 180-250k": ``pipeline._segments``). The hyphen comes first: "[{DASHES}|]" is
# a character class of the four. (``features._TITLE_SEP``, the model's split of a composite
# title, parts at "--", "–" and "—" but not at a spaced hyphen: what the model reads.)
DASHES = "-\u2013\u2014"
# Where a title ends on a long line: a separator (" | ", " - ", ": ", " (", " [", ":*") or a
# link. A line whose text after the role noun runs past 70 characters is still a role line
# when such a separator comes at most 60 characters after the noun ("Senior Engineer, Backend:
# https://jobs.example/...", "*Principal ML Engineer* — Owns the full ML lifecycle, ...").
_TITLE_SEP = rf"(?:[ \t][{DASHES}|][ \t]|:[ \t*]|[ \t][(\[]|\*[ \t]*[{DASHES}]|https?://)"
_ROLE_LINE = re.compile(
    rf"^\s*(?:[-*•·>]|\d+[.)]|#+)?\s*(?P<title>[^\n]{{0,80}}?(?:{_ROLE_NOUN})"
    rf"(?:[^\n]{{0,70}}|[^\n]{{0,60}}?{_TITLE_SEP}[^\n]*))$",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_SEP_RE = re.compile(_TITLE_SEP, re.IGNORECASE)
# The letters a role noun starts with (a test ties them to ``_ROLE_NOUN``'s words): the
# lookahead lets a search pass over every other place at once, where the engine tried each
# word there, case-insensitively (~1.4x faster over the corpus's short lines, the same matches).
_ROLE_NOUN_FIRST = "acdefhilmoprstvw"
_ROLE_NOUN_RE = re.compile(rf"(?=[{_ROLE_NOUN_FIRST}]){_ROLE_NOUN}", re.IGNORECASE)
# Not a title: a sentence, or a requirement or duty bullet that names a role ("2+ years as an
# Engineering Manager", "Experience as a Product Manager", "Collaborate with ... engineers").
_NOT_TITLE = re.compile(r"^(?:we|you|your|our|the|this|if|as|in|at|to|with|for|and|they|i|why|what|how"
                        r"|who)\b|[.!?]$"
                        r"|^(?:\d+\+?\s*(?:years?|yrs)|experience|collaborat\w*|partner with"
                        r"|comfort\w*|working with|track record|looking|seeking|hiring|join|are|is"
                        r"|(?:tech(?:nology)?\s+)?stack|tools?|location|salary|compensation|benefits"
                        r"|perks|requirements|responsibilities|apply|contact|note|bonus)\b"
                        # a label about a role, not its title ("SWE Tech stack: Rails, React",
                        # "Data Engineer requirements:")
                        r"|\b(?:tech(?:nology)?\s+stack|requirements|responsibilities|qualifications"
                        r"|interview process)$"
                        # a requirement that ends on what the candidate has ("DevOps experience",
                        # "DevOps comfort: Docker, CI/CD", "Python fluency"; in lower case only:
                        # "Customer Experience" is a team)
                        r"|\b(?-i:experience|skills?|knowledge|background|expertise|exposure|comfort"
                        r"|familiarity|proficiency|fluency)$",
                        re.IGNORECASE)
# A duty bullet starts with a verb and goes on in lower case ("Lead design discussions and
# ...", "Build pipelines for data scientists"); a title goes on capitalised ("Lead iOS
# Engineer") or with its role noun ("Lead engineer").
_DUTY = re.compile(r"^(?P<verb>lead|build|own|design|develop|drive|work|help|ship|create|write|mentor|"
                   r"manage|support|maintain|implement|define|improve|deploy|run|scale|train|"
                   r"coach|guide|partner|shape|set|make|bring|research|evaluate|architect|"
                   r"collaborate|contribute|establish|ensure|deliver|grow|hire|mentoring|leading|"
                   r"building|working|developing|designing|pair)(?:/\w+)?\s+(?P<next>[a-z][a-z-]*)\b")
# The duty verbs that also start a title before a role noun in lower case ("Lead engineer",
# "Research analyst", "Support engineer"); after another ("Mentor engineers and lead small
# teams", "Hire engineers") a role noun in lower case is what the duty works with.
_TITLE_VERBS = frozenset(["lead", "build", "design", "support", "partner", "research"])
# Lower-case words a title may hold besides its role nouns: the words that join a title's
# parts and the common words of its field ("full stack engineer", "lead / staff level
# engineers"). A line with three other lower-case words is a sentence that names a role
# ("Senior-level engineer comfortable owning systems end-to-end").
_JOINERS = frozenset("a an and & or of for in at on to the our with / - +".split())  # noqa: SIM905
_TITLE_WORDS = _JOINERS | frozenset(
    "senior junior staff principal level "  # noqa: SIM905 (a word list)
    "full stack full-stack software data machine learning backend frontend back-end front-end "
    "product platform systems system solutions infrastructure infra mobile web security cloud "
    "applied research ml ai site reliability founding mid-level entry-level team time "
    "remote hybrid onsite contract part-time full-time".split())
_WORD = re.compile(r"[^\s,;:()]+")
# A sentence that goes on after its role noun: "Cloud Engineers to build", "engineers who".
_FRAGMENT = re.compile(r"\b(?:to|who|that|which|whom)(?:\s+[a-z]\w*)?$|\b(?:who|that|which)\s+[a-z]")
# Role nouns that alone are a level or a kind of tie, not a role.
_LEVELS_ONLY = frozenset(["staff", "lead", "leads", "partner", "partners", "associate", "associates"])
# (research of users, not ML: "Product Designer and UX Researcher", "User Researcher")
# (each led by a look-ahead of its words' first letters: case-insensitive, the engine cannot
# skip to them, and it tried each word at every other character; 0.56x and 0.40x the time of
# a corpus pass's searches, the same matches: a test ties each to its plain form)
_ML_ROLE_START = "(?=[magdsrnvl])"
_ML_ROLE = re.compile(_ML_ROLE_START + r"(?:machine learning|\bml\b|\bai\b|genai|data|scien|(?<!ux )(?<!user )"
                      r"(?<!design )research|\bmles?\b|\bnlp\b|vision|llm|analytic)", re.IGNORECASE)
# What the rest of a role line says of an ML role ("Software Engineer (ML/AI)", "Forward Deployed
# Engineer | Agentic AI"): ML words only ("data" there is often a stack or a team: "Edge Data").
_ML_DETAIL_START = "(?=[mlagncd])"
_ML_DETAIL = re.compile(_ML_DETAIL_START + r"(?:machine learning|\bml\b|\bai\b|genai|\bllms?\b|\bnlp\b|"
                        r"computer vision|deep learning)", re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.ai\b\S*", re.IGNORECASE)  # ("quiver.ai/careers")
_LINK_GATE = re.compile(r"://|www\.|\.ai", re.IGNORECASE)  # (a part of every ``_LINK`` match)
MIN_ROLE_TEXT = 120


@dataclass(frozen=True)
class RoleBlock:
    """One role of a multi-role post: its title and text span ``[start, end)``."""

    title: str
    start: int
    end: int
    body_len: int
    # the title the archetype model reads when it is not ``title`` (a role that shares its
    # title with another keeps what tells them apart in ``title``: ``_distinct``)
    read: str = ""
    # the spans of its text outside ``[start, end)``: the sections tagged with it
    # (``_tagged_sections``), then the ads of this role appended to the post (``_appended_ads``)
    ads: tuple[tuple[int, int], ...] = ()


@dataclass
class Roles:
    """What a post says about its roles."""

    titles: list[str] = field(default_factory=list)
    blocks: list[RoleBlock] = field(default_factory=list)
    shared_end: int = 0
    # where the closing text after the last role starts (how to apply, benefits...), which
    # belongs to every role; 0 when there is none
    closing_start: int = 0
    # where that closing text ends: where the first ad appended to the post starts
    # (``RoleBlock.ads``), 0 for the text's end
    closing_end: int = 0
    # ``[start, end)`` of each title's line, in the order of ``titles``
    lines: list[tuple[int, int]] = field(default_factory=list)
    # each title's whole line (its inline stack, team, pay...), without bullets
    details: list[str] = field(default_factory=list)

    @property
    def is_multi(self) -> bool:
        """True when the post should become one posting per role."""
        return len(self.blocks) >= 2


_URL = re.compile(r"https?://\S+")
# (and an arrow or a double dash before a link or a note: "Senior Software Engineer —> Apply
# here (https://...)", "Full-Stack Engineer -- Product verticals end-to-end")
# (and a bracket of pay glued to the title's last word: "Product Designer and UX
# Researcher($120-180k USD)")
# (The alternatives "\s[|–—]\s", "\s-\s", ":\s", "\s\(", "\s\[", ":\*", "\s(?:--+|[-–—=]+>|→)" and
# "(?<=\w)\((?=[$€£¥])", grouped by their first character in the same order: the same matches,
# and the engine tests "\s" once at each character, not in five alternatives; ~2x faster over
# the corpus's titles. A test ties the two forms.)
_TITLE_END = re.compile(r"\s(?:[|–—]\s|-\s|\(|\[|--+|[-–—=]+>|→)|:(?:\s|\*)|(?<=\w)\((?=[$€£¥])")
_TITLE_STRIP = " -*•:|#+>·_=→»"  # (an arrow before a link: "Staff Engineer, Traffic → https://...")


# The words of a title's bracketed qualifier: a function, team or field of the role ("Staff
# Software Engineer (AI)", "Lead Engineer (Data/Integrations)", "Senior MLE (R&D)", "MLE
# (Ops/Infra)"), which is part of its title; a stack, a place, a work mode, pay or a note
# ("(Python, PyTorch)", "(NYC)", "(Remote)", "(Contract)") is not, and the title ends before it.
_QUALIFIER_WORDS = frozenset(
    "ai ml genai llm llms nlp cv vision perception computer data analytics integrations "  # noqa: SIM905 (a word list)
    "backend back-end frontend front-end full-stack fullstack full stack infra infrastructure "
    "platform devops mlops ops sre security mobile ios android web robotics autonomy research "
    "r&d applied product growth payments search ranking recommendations recsys simulation "
    "compilers gpu kernels systems distributed embedded firmware hardware eng engineering core "
    "api apis edge cloud inference training evals agents tooling developer experience "
    "reliability networking storage database databases performance quant trading speech audio "
    "3d graphics ux ui design sales marketing foundation models modeling generative agentic "
    "deep learning machine and & of "
    # (a team's own words after a spaced dash: "- Cloud Capacity", "- Data Plane Team",
    # "- Ingest & Storage", "- Query Engines", "- AI Agent Platform")
    "team capacity plane deployment ingest streaming cdn query engines agent "
    "language image video".split())
_QUALIFIER = re.compile(r"\(([^()\n]{1,40})\)")
_QUALIFIER_SPLIT = re.compile(r"[\s/,+]+")


def _qualifier_end(title: str, at: int) -> int:
    """Where the bracketed qualifier that opens at ``at`` (a "(") ends, or 0 when the bracket
    holds no qualifier (``_QUALIFIER_WORDS``: every word of it one)."""
    m = _QUALIFIER.match(title, at)
    if m is None:
        return 0
    words = [w for w in _QUALIFIER_SPLIT.split(m.group(1).lower()) if w]
    return m.end() if words and all(w in _QUALIFIER_WORDS for w in words) else 0


def _team_end(title: str, dash: re.Match[str]) -> int:
    """Where the team that follows a spaced dash ends (the next title separator or the end),
    when every word of it is a qualifier's (``_QUALIFIER_WORDS``: "Platform", "Developer
    Experience", "ML Infrastructure"), else 0 (a place, a mode or pay: "- Remote", "- NYC")."""
    nxt = _TITLE_END.search(title, dash.end())
    end = len(title) if nxt is None else nxt.start()
    # (an arrow or bullet before a link is no word of it: "- Cloud Capacity → https://...")
    team = title[dash.end():end].rstrip(_TITLE_STRIP)
    words = [w for w in _QUALIFIER_SPLIT.split(team.lower()) if w]
    return end if 0 < len(words) <= 4 and all(w in _QUALIFIER_WORDS for w in words) else 0


def model_title(title: str) -> str:
    """A role's title as the archetype model and the role picks read it: without its
    bracketed qualifier ("Staff Software Engineer" of "Staff Software Engineer (AI)"). The
    qualifier is shown (``Roles.titles``, a split role's title); the picks and the model read
    the title as before it was kept (reading it there cost a dev post of cross-validated
    archetype accuracy; a bare-title list's pick reads the whole line anyway). A team after a
    spaced dash ("Staff Software Engineer - Platform") goes as well."""
    if title.endswith(")") and " (" in title:
        title = title[:title.index(" (")]
    dash = _TEAM_DASH.search(title)
    return title[:dash.start()] if dash is not None else title


def read_title(title: str) -> str:
    """The title of a picked role as the archetype model reads it: ``model_title``'s, but a
    bracketed qualifier or a team after a spaced dash that names ML (``_ML_DETAIL``:
    "Staff Software Engineer (ML/AI)", "Senior DevOps Engineer - AI Platform") stays: there it
    is the one word of the title that tells the role from its siblings ("Staff Software
    Engineer (Elixir)"). Other qualifiers go, as ``model_title`` drops them."""
    short = model_title(title)
    if short != title and _ML_DETAIL.search(title, len(short)) is not None:
        return title
    return short


# The dash before a team that ``_clean_title`` keeps ("Staff Software Engineer - Platform").
_TEAM_DASH = re.compile(f" [{DASHES}] ")
# The same spaced dashes as strings, to test a three-character slice of a line.
_SPACED_DASHES = tuple(f" {dash} " for dash in DASHES)


def _clean_title(raw: str) -> str:
    title = _URL.sub("", raw) if "http" in raw else raw  # (every URL match holds "http")
    m = _TITLE_END.search(title)
    if m is not None:  # what ``split`` gives first, and a qualifier there ("... (AI)")
        if title.startswith(" (", m.start()):
            end = _qualifier_end(title, m.start() + 1)
        else:  # (a team after a dash: "Staff Software Engineer - Developer Experience (Gradle)")
            end = _team_end(title, m) if title[m.start():m.end()] in _SPACED_DASHES else 0
        title = title[:end or m.start()]
    title = title.lstrip(_TITLE_STRIP_LEAD).rstrip(_TITLE_STRIP_END).strip()
    if title and not (title[0].isascii() and title[-1].isascii()):
        title = _symbols_off(title)
    if title.endswith(_LINK_LABELS):  # ("Senior QA Engineer Details: https://...")
        title = _LINK_LABEL.sub("", title).rstrip(_TITLE_STRIP_END).strip()
    return _hiring_off(title)  # ("Acme | Full Stack Engineer Hiring: Berlin | ...")


def _symbols_off(title: str) -> str:
    """``title`` without the symbols that stand around it as bullets or decoration (Unicode
    category So: "▪", "●", "➤", "🚀 Senior ML Engineer"), and the white space and separators
    they leave."""
    while title and unicodedata.category(title[0]) == "So":
        title = title[1:].lstrip(_TITLE_STRIP_LEAD).strip()
    while title and unicodedata.category(title[-1]) == "So":
        title = title[:-1].rstrip(_TITLE_STRIP_END).strip()
    return title


def _line_rest(raw: str) -> str:
    """A role line without the white space, separators and bullet symbols before and after
    it (``_symbols_off`` when a symbol may lead: its first character is no ASCII), as
    ``_names_only`` and ``_inline_len`` read it."""
    rest = raw.strip().strip(_TITLE_STRIP)
    return _symbols_off(rest) if rest and not rest[0].isascii() else rest


def _hiring_off(title: str) -> str:
    """``title`` without a hiring label at its end (``_HIRING_END``), or a company's "is
    hiring" before it (``_HIRING_LEAD``: "BuilderBase is hiring a Growth & Partnerships
    Lead"), when a role noun is left ("We're hiring" stays a label, no title)."""
    if "iring" in title and (lead := _HIRING_LEAD.match(title)) is not None:
        rest = title[lead.end():]
        if rest[:1].isupper() and _names_role_noun(rest):  # (a title: "telli is hiring
            title = rest  # engineers & designers" names kinds of hire)
    if not title.endswith(_HIRING_ENDS):  # (the cheap test first: most titles)
        return title
    rest = _HIRING_END.sub("", title).rstrip(_TITLE_STRIP_END).strip()
    return rest if _names_role_noun(rest) else title


# A header's label for what follows, glued to the title before it ("Acme | Full Stack
# Engineer, ML Platform Hiring: Berlin | Salary: ...", "ML Engineer - Now Hiring"): no word
# of the title ("Head of Hiring" keeps it).
_HIRING_ENDS = ("hiring", "Hiring", "HIRING")
# A company's name (one to three words, not "we") and "is hiring" before a title.
_HIRING_LEAD = re.compile(r"(?!we\b|they\b)[\w.&'’-]+(?:\s+[\w.&'’-]+){0,2}\s+(?:is|are)\s+(?:now\s+)?hiring"
                          r"(?:\s+(?:an?|for))?\s+", re.IGNORECASE)
_HIRING_END = re.compile(r"(?<!\bof)(?:\s+(?:now|we(?:'|’)?re|we\s+are|is|are|also))?\s+hiring$",
                         re.IGNORECASE)


# What ends a title and is no part of it: a bullet or separator, a comma or semicolon before
# a link ("Software Engineer, https://..."); a "+" ends "C++", so it is stripped only first.
_TITLE_STRIP_LEAD = _TITLE_STRIP + ",;"
_TITLE_STRIP_END = _TITLE_STRIP.replace("+", "") + ",;"
# A word between a title and its link that names the link, not the role ("Senior QA Engineer
# Details: https://...", "Product Designer - JD: ...", "Backend Engineer (apply here)").
_LINK_LABELS = ("Details", "details", "Info", "info", "JD", "here", "Here", "Link", "link",
                "Posting", "posting", "Description", "description")
_LINK_LABEL = re.compile(r"(?:\s+(?:job\s+)?(?:details|info|jd|posting|description|(?:apply\s+)?here"
                         r"|link))+$", re.IGNORECASE)


_BRACKETED = re.compile(r"^\s*[(\[][^)\]\n]*[)\]]\s*")


def _noun_part(raw: str) -> str:
    """The first part of a role line (split at ``_TITLE_END``) that names a role, without a
    leading bracketed word: "[Acme] - (REMOTE) Backend developer - https://..." gives
    "Backend developer". Empty when no part names one. (Only for lines that start with a
    tag: after a label, "Strong plus: DevOps (Docker)", the part is no title.)"""
    line = _URL.sub("", raw) if "http" in raw else raw
    for part in _TITLE_END.split(line):
        part = _BRACKETED.sub("", part).strip(_TITLE_STRIP).strip()
        if _names_role_noun(part):
            return _hiring_off(part)  # ("Acme | Full Stack Engineer Hiring: Berlin")
    return ""


def _is_title(title: str) -> bool:
    """False for a cleaned role line that reads as a sentence, a duty or requirement bullet
    or a label (``_NOT_TITLE``, ``_DUTY``, ``_TITLE_WORDS``), or is too long for a title."""
    if not title or len(title.split()) > 9 or _NOT_TITLE.search(title):
        return False
    if title.lower() in _LEVELS_ONLY:  # ("Staff: https://..." next to "Principal: https://...")
        return False
    duty = _DUTY.match(title.lower())
    if duty is not None and title[duty.start("next"):duty.end("next")].islower() \
            and (duty.group("next") in _JOINERS or duty.group("next") not in _TITLE_WORDS) \
            and (_ROLE_NOUN_RE.match(duty.group("next")) is None
                 or duty.group("verb") not in _TITLE_VERBS):
        return False
    if _FRAGMENT.search(title):
        return False
    other = 0
    for w in _WORD.findall(title):
        if w[0].islower() and w not in _TITLE_WORDS and _ROLE_NOUN_RE.fullmatch(w) is None:
            other += 1
    return other < 3


# Characters ``_ROLE_LINE`` may consume before a title: white space and bullets.
_LEAD = " \t\r\f\v-*•·>#0123456789.)"
# A title is at most 80 + 70 characters plus its role noun (15 at most, except
# for the two open-ended nouns); a longer line cannot be a role line.
_MAX_TITLE = 80 + 70 + 15
# A literal that every alternative of ``_ROLE_NOUN`` contains (lower case).
_NOUN_WORDS = ("engineer", "scientist", "developer", "designer", "manager", "researcher", "analyst",
               "architect", "intern", "specialist", "director", "head of", "recruiter",
               "account exec", "sre", "devops", "consultant", "officer", "product owner", "writer",
               "marketer", "representative", "technician", "lead", "programmer", "administrator",
               "mle", "swe", "founding", "staff", "partner", "associate", "vp",
               "vice president")
_NOUN_WORDS_RE = re.compile("|".join(map(re.escape, _NOUN_WORDS)))  # one scan for any of them
register(_NOUN_WORDS)


def names_a_role(low: str) -> bool:
    """Whether lower-cased text holds a role noun's word (``_NOUN_WORDS``, as a substring: a
    cheap test that may say yes for "staffing" or "international")."""
    return _NOUN_WORDS_RE.search(low) is not None


def is_role_title(text: str) -> bool:
    """Whether a short text (a header's first segment) is a role's title rather than a name
    that starts with a role word: a role noun ends it, or one comes after its first word
    ("Data Analyst", "Software Engineer (Contract)"; not "Lead Bank")."""
    m = _ROLE_NOUN_RE.search(text)
    return m is not None and (m.start() > 0 or m.end() == len(text.rstrip()))


def _may_start_role_line(text: str, pos: int) -> bool:
    """False when no ``_ROLE_LINE`` match can start at line start ``pos`` (a cheap filter).

    A match's prefix may cross lines holding only white space and a bullet;
    its title lies on the first line with other content, so that line's
    content (bullets stripped) must fit in a title and name a role noun.
    """
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        rest = text[pos:end].lstrip().lstrip(_LEAD).lstrip()
        if rest:
            rest = rest[:_MAX_TITLE]  # (a noun of a match starts in the title's first 80 + 9)
            if not rest.isascii():  # unicode case folding: let the regex decide
                return _ROLE_NOUN_RE.search(rest) is not None
            return _NOUN_WORDS_RE.search(rest.lower()) is not None
        pos = end + 1
    return False


def _candidate_starts(text: str, nouns: list[tuple[int, int]]) -> list[int]:
    """The line starts where a ``_ROLE_LINE`` match can start, ascending: each line that
    holds a noun span (``nouns``, see ``_role_line_at``), with the lines just above it that
    hold only white space and bullets (a match's prefix may cross them). From any other
    line start, the first line with content has no noun, so no match can start there.
    """
    out: list[int] = []
    last = -1
    for a, _ in nouns:
        start = text.rfind("\n", 0, a) + 1
        if start == last:
            continue
        last = start
        run = [start]
        while start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if text[prev:start - 1].lstrip().lstrip(_LEAD).lstrip():
                break
            run.append(prev)
            start = prev
        out.extend(reversed(run))
    return out


def _noun_spans(low: str) -> list[tuple[int, int]]:
    """Sorted spans of every occurrence of every ``_NOUN_WORDS`` word in ``low``."""
    found = hits(low)
    spans = [(i, i + len(w)) for w in _NOUN_WORDS if w in found for i in found[w]]
    spans.sort()
    return spans


# ``_ROLE_NOUN`` for lower-cased text, its alternatives grouped by first letter so the engine
# rejects all but one group on that letter ("\\bsres?" becomes "s(?<!\\ws)res?": the same
# word start, checked after the letter). The alternatives' order does not matter to
# ``_ROLE_LINE``: its match and title always end at the end of the noun's line.
_ROLE_NOUN_LOW = (
    r"(?:a(?:nalysts?|rchitects?|ccount exec\w*|dministrators?|ssociates?)|"
    r"c(?:onsultants?|hief of staff)|d(?:evelopers?|esigners?|irectors?|evops)|engineers?|"
    r"founding \w+|head of|interns?|l(?<!\wl)eads?|m(?:anagers?|arketers?|(?<!\wm)les?)|"
    r"officers?|p(?:roduct owners?|rogrammers?|artners?)|"
    r"r(?:esearchers?|ecruiters?|epresentatives?)|"
    r"s(?:cientists?|pecialists?|(?<!\ws)(?:res?|wes?)|taff)|technicians?|writers?|"
    r"v(?:(?<!\wv)ps?|ice presidents?))\b"
)
# The role noun without IGNORECASE, for lower-cased text: its literals are lower case, so on
# text that ``lowers_exactly`` it makes the same matches, and the engine can skip
# alternatives by their first letter.
_ROLE_NOUN_LOW_RE = re.compile(_ROLE_NOUN_LOW)


def _names_role_noun(title: str) -> bool:
    """``_ROLE_NOUN_RE.search(title) is not None``: an ASCII title (lower-casing keeps its
    offsets and pairs only ASCII letters) is searched in lower case by ``_ROLE_NOUN_LOW_RE``,
    ~4x faster than the case-insensitive search over the corpus's role titles."""
    if title.isascii():
        return _ROLE_NOUN_LOW_RE.search(title.lower()) is not None
    return _ROLE_NOUN_RE.search(title) is not None


# What ``_ROLE_LINE`` matches before the title when it first tries (greedy white space, a
# bullet if there is one, white space).
_ROLE_PREFIX = re.compile(r"\s*(?:[-*•·>]|\d+[.)]|#+)?\s*")


def _sep_after(subject: str, pos: int, end: int) -> bool:
    """True when a ``_TITLE_SEP`` match starts at most 60 characters after ``pos`` on the line
    that ends at ``end`` (what lets ``_ROLE_LINE`` take a line longer than 70 characters
    after its role noun)."""
    m = _TITLE_SEP_RE.search(subject, pos, min(end, pos + 60 + 8))
    return m is not None and m.start() - pos <= 60


def _role_line_at(subject: str, pos: int,
                  nouns: list[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """(title start, end) of ``_ROLE_LINE.match(subject, pos)`` at line start ``pos``, or None
    when it does not match; ``subject`` is the lower-cased text of a text that
    ``lowers_exactly`` (same offsets, and every role-noun match holds one of the noun words
    in lower case) with its ``nouns`` (the sorted spans of those words), or the text as
    written and no ``nouns``.

    The regex's first try of its prefix puts the title as late as it can go, and no other
    try can do better: the lines it crosses hold only white space and a bullet, and no role
    noun starts at white space or a bullet. The title then runs to the end of its line,
    whichever noun makes it one: a noun that starts at most 80 characters into the title
    and ends at most 70 characters before the line's end (a word boundary, ``$``) is all
    the regex needs.
    """
    start = _ROLE_PREFIX.match(subject, pos).end()  # type: ignore[union-attr]  # (always)
    end = subject.find("\n", start)
    if end < 0:
        end = len(subject)
    if nouns is None:  # (each start tried: a noun may begin inside another and end after it)
        m = _ROLE_NOUN_RE.search(subject, start, end)
        while m is not None and m.start() - start <= 80:
            if end - m.end() <= 70 or _sep_after(subject, m.end(), end):
                return start, end
            m = _ROLE_NOUN_RE.search(subject, m.start() + 1, end)
        return None
    # Every noun match starts with a noun word, "chief of staff" 9 characters before its word.
    k = bisect.bisect_left(nouns, (start, 0))
    while k < len(nouns):
        a = nouns[k][0]
        k += 1
        if a >= end or a - start > 89:
            return None
        if a - start >= 9 and subject.startswith("chief of staff", a - 9):
            a -= 9
        elif a - start > 80:
            continue
        m = _ROLE_NOUN_LOW_RE.match(subject, a, end)
        if m is not None and (end - m.end() <= 70 or _sep_after(subject, m.end(), end)):
            return start, end
    return None


def _role_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each match of ``_ROLE_LINE.finditer(text)``.

    Only line starts where a match can start are tried (``_candidate_starts``, or
    ``_may_start_role_line`` for a text that does not ``lowers_exactly``).
    """
    out: list[tuple[int, int, str]] = []
    nouns = None
    subject = text
    if lowers_exactly(text):  # lower-casing keeps offsets and case-insensitive matches
        subject = lower(text)
        nouns = _noun_spans(subject)
    pos, n = 0, len(text)
    if nouns is not None:  # try only the lines that hold a noun and the blank lines above them
        # (``_role_line_at`` answers exactly at any line start, and with the nouns it costs
        # about what a filter before it would)
        for start in _candidate_starts(text, nouns):
            if start < pos:
                continue
            got = _role_line_at(subject, start, nouns)
            if got is not None:
                out.append((start, got[1], text[got[0]:got[1]]))
                if got[1] == n:
                    break
                pos = got[1] + 1
        return out
    while pos <= n:
        got = _role_line_at(text, pos) if _may_start_role_line(text, pos) else None
        if got is not None:
            out.append((pos, got[1], text[got[0]:got[1]]))
            pos = got[1]
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return out


def _role_lines(text: str) -> list[tuple[str, int, int, str]]:
    out = []
    first_nl = text.find("\n")
    for start, end, raw in _role_matches(text):
        if start < max(first_nl, 0):
            continue  # the header line of an HN post names the company, not a role block
        title = _ITEM_TAG.sub("", _clean_title(raw))
        named = _names_role_noun(title)
        if not named:
            low = title.lower()
            header = raw.count(" | ") >= 2 and ":" not in raw.split(" | ", 1)[0]
            if title[:1] in "[(" or low in _ROLE_LABELS or header or _LEVEL_LABEL.fullmatch(low):
                # (a tag first: "[Acme] - (REMOTE) Backend developer"; a label: "Role: Senior
                # Engineer (Rust)"; a header line of its own: "Acme (YC) | Founding Engineer | SF";
                # the level it hires at: "All Levels: Infrastructure Engineers", "8+ yrs - Staff SWE")
                title = _ITEM_TAG.sub("", _noun_part(raw))
                named = _names_role_noun(title)
        if not named or not _is_title(title):  # (a title of a role names its noun)
            continue
        if _continues_sentence(text, end) or _runs_on(raw, title):
            continue
        out.append((title, start, end, raw))
    out = _drop_other_lists(text, out)
    if len(out) >= 2:
        out = _with_sibling_items(text, out)
    return out


# How a list item's title ends: a comma before its link, a spaced dash or a colon.
_ITEM_SEP = re.compile(rf",[ \t]*https?://|[ \t][{DASHES}][ \t]|:[ \t]")
# A short title without a role noun: one to three capitalised words ("Auditor", "Technical
# Advisors", "GNC & Controls").
_SHORT_TITLE = re.compile(r"[A-Z][\w'’.+-]*(?:[ \t]+(?:&|/|[A-Z][\w'’.+-]*)){0,2}")


# Skill kinds that are things one works with, not a line of work ("Python: 3 years" is a
# requirement; "QA: ..." and "Backend - ..." name roles).
_TOOL_KINDS = frozenset(["language", "framework", "library", "tool", "platform", "cloud", "database",
                         "data-format", "bi-tool", "model", "standard", "mlops", "lab-technique"])


def _names_a_tool(head: str) -> bool:
    """Whether ``head`` is the name of a skill of a ``_TOOL_KINDS`` kind (the enrichment's
    skill matcher, already built)."""
    from mljobs.enrich.skills import default_matcher  # (only for a list's odd item)

    return any(m.start == 0 and m.end == len(head) and m.category in _TOOL_KINDS
               for m in default_matcher().find(head))


def _sep_kind(sep: str) -> str:
    return "link" if "http" in sep else "colon" if sep.startswith(":") else "dash"


def _with_sibling_items(text: str, lines: list[tuple[str, int, int, str]]
                        ) -> list[tuple[str, int, int, str]]:
    """``lines`` and the items of their list that name a role without a role noun: in a run
    of bulleted items (``_bullet``) of which two or more are role lines whose titles end the
    same way (``_ITEM_SEP``: "Title, https://...", "Title — text", "Title: text"), an item
    whose text before that same separator is a short capitalised title (``_SHORT_TITLE``,
    ``_is_title``) is a role too ("* QA: ...", "* Auditor, https://..."). Not after the list's
    last role line: an item there may close the list ("* Technical Advisors — a few hours a
    month" is no hire's text; ``_list_end`` ends the last role's text before it)."""
    starts: dict[int, tuple[str, str]] = {}
    for line in lines:
        pos = text.rfind("\n", 0, line[2]) + 1
        if text[pos:line[2]].lstrip(" \t")[:1].isalpha():
            continue  # (no bullet)
        marker = _bullet(text, pos)
        if marker.strip():
            sep = _ITEM_SEP.search(text, pos + len(marker), line[2])
            if sep is not None:
                starts[pos] = (marker, _sep_kind(sep.group()))
    if len(starts) < 2:
        return lines
    groups: dict[tuple[str, str], int] = {}
    for shape in starts.values():
        groups[shape] = groups.get(shape, 0) + 1
    added: list[tuple[str, int, int, str]] = []
    walked: set[int] = set()
    last = max(starts)
    for pos in sorted(starts):
        marker, kind = starts[pos]
        if pos in walked or groups[(marker, kind)] < 2:
            continue
        for step in (-1, 1):  # (the whole run of this bullet, once)
            at: int | None = pos
            while True:
                at = _next_line(text, at, step)  # type: ignore[arg-type]
                if at is None or at > last or at in walked or _bullet(text, at) != marker:
                    break
                walked.add(at)
                if at in starts:
                    continue
                end = text.find("\n", at)
                end = len(text) if end < 0 else end
                item = at + len(marker)
                sep = _ITEM_SEP.search(text, item, end)
                if sep is None or _sep_kind(sep.group()) != kind:
                    continue
                head = text[item:sep.start()].strip()
                if _SHORT_TITLE.fullmatch(head) and _is_title(head) and head.lower() not in _ROLE_LABELS \
                        and not _names_a_tool(head):
                    added.append((head, at, end, text[at:end]))
    if not added:
        return lines
    return sorted([*lines, *added], key=lambda line: line[1])


# A labelled list's item: a short title, then its ad's link ("Backend: https://...", "ML Infra -
# https://...", "Auditor, https://...").
_LINK_SEPS = (": http", ":\thttp", " - http", " – http", " — http", ",http", ", http", ",\thttp")
_LINKED_ITEM = re.compile(rf"(?P<head>[^\n]{{1,40}}?)(?::[ \t]|[ \t][{DASHES}][ \t]|,[ \t]*)(?=https?://)")


def _labelled_items(text: str) -> list[tuple[str, int, int, str]]:
    """The items of a list of roles that names them without a role noun: the bulleted lines
    right under a label line of ``_ROLE_LABELS`` ("Roles:", "Open roles:"), each a short
    capitalised title (``_SHORT_TITLE``, ``_is_title``, no tool's name) and a link to its ad
    ("- Backend: https://...", "- ML Infra: https://..."; the post's header or prose names the
    role noun: "hiring Senior and Staff Engineers"). Two or more such items, and every item of
    the list one; else none."""
    if "http" not in text or not any(sep in text for sep in _LINK_SEPS):
        return []  # (no item of that shape: a few C-level scans first)
    first_nl = text.find("\n")
    label = None if first_nl < 0 else _LABEL_LINE.search(text, first_nl)  # (a line after the first)
    if label is None:
        return []
    items = []
    at = _next_line(text, label.start() + 1, 1)
    marker = "" if at is None else _bullet(text, at)
    while at is not None and marker and _bullet(text, at) == marker:
        stop = text.find("\n", at)
        stop = len(text) if stop < 0 else stop
        item = _LINKED_ITEM.match(text, at + len(marker), stop)
        head = "" if item is None else item.group("head").strip()
        if not (_SHORT_TITLE.fullmatch(head) and _is_title(head)
                and head.lower() not in _ROLE_LABELS and not _names_a_tool(head)):
            return []  # (a list of other things, or of roles in another form)
        items.append((head, at, stop, text[at:stop]))
        at = _next_line(text, at, 1)
    return items if len(items) >= 2 else []


# A line that announces a list of openings under it: "We're hiring for the following openings:",
# "Current openings:", "We're building out our team in the following areas:" (a line after the
# header that ends with a colon and names hiring, openings, roles, positions or a team), with
# the line break before it (a literal first, as ``_LABEL_LINE``).
_OPENINGS_LINE = re.compile(r"\n[^\n:]{0,80}\b(?:hiring|openings?|roles?|positions?|team)\b[^\n:]{0,40}:[ \t*]*$",
                            re.IGNORECASE | re.MULTILINE)
# The words a line of work ends on when an opening is named by it and not by a role noun
# ("Bayesian Software Engineering", "Applied Category Theory Research", "Finance Operations").
_FIELD_WORDS = ("Engineering", "Research", "Science", "Operations", "Design", "Analytics")
# Such a name: two to six capitalised words (or "&", "/"), the last one of ``_FIELD_WORDS``.
_FIELD_TITLE = re.compile(r"[A-Z][\w'’.+-]*(?:[ \t]+(?:&|/|[A-Z][\w'’.+-]*)){0,4}[ \t]+(?:"
                          + "|".join(_FIELD_WORDS) + ")")
# A line that such a name may end (before a bracket, a spaced dash or a pipe): the cheap test of
# a text before its lines of openings are looked for (``_OPENINGS_LINE`` costs 2x as much).
_FIELD_END = re.compile("(?:" + "|".join(_FIELD_WORDS) + rf")(?=[ \t]*(?:$|\(|[{DASHES}|][ \t]))",
                        re.MULTILINE)


def _field_items(text: str) -> list[tuple[str, int, int, str]]:
    """The items of a list of openings that names some of them by their line of work and not
    by a role noun: the bulleted lines right under a line that announces openings
    (``_OPENINGS_LINE``), each a title (a role noun's, ``_is_title``) or the name of a line of
    work (``_FIELD_TITLE``: "* Bayesian Software Engineering", "* Program Synthesis Engineering
    (Quantitative Modeling)"), one of them at least such a name; the list ends at the first
    line with another bullet. Two or more items, and every item of the list one; else none."""
    if not any(w in text for w in _FIELD_WORDS) or _FIELD_END.search(text) is None:
        return []  # (no item can name a line of work: one scan per word first)
    first_nl = text.find("\n")
    if first_nl < 0:
        return []
    for label in _OPENINGS_LINE.finditer(text, first_nl):
        items: list[tuple[str, int, int, str]] = []
        fields = 0
        at = _next_line(text, label.start() + 1, 1)
        marker = "" if at is None else _bullet(text, at)
        while at is not None and marker and _bullet(text, at) == marker:
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            raw = text[at + len(marker):stop]
            title = _clean_title(raw)
            if _FIELD_TITLE.fullmatch(title):
                fields += 1
            elif not _names_role_noun(title) or not _is_title(title):
                items = []
                break  # (a list of other things: what the product does, the stack, perks)
            items.append((title, at, stop, raw))
            at = _next_line(text, at, 1)
        if len(items) >= 2 and fields:
            return items
    return []


# What follows a sentence's subject and its note in brackets on a line that is a sentence: a
# verb of the writer who seeks, in lower case, and more words to a full stop ("Research analyst
# (non-technical) looking for someone to help bridge the gap ...": the writer is the analyst,
# the hire someone else), where a title's line goes on with a separator, a link or a
# capitalised word ("ML Engineer (Remote) - Berlin", "Data Scientist (Senior) Apply here."),
# or with a sentence about the role itself: "Senior ML Engineer (Berlin) is our first hire in
# Europe.", "Data Engineer (Remote) needs strong SQL." ("is" and "needs" alone are no seeker's).
_RUNS_ON = re.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]+(?:(?:is|am)[ \t]+)?(?:looking|seeking|searching"
                      r"|hoping|(?:needs?|wants?)(?=[ \t]+(?:someone|somebody|help)\b)|here)"
                      r"[ \t]+[a-z][^\n]*[.!?][ \t\r]*$")


def _runs_on(raw: str, title: str) -> bool:
    """Whether a role line goes on after its title and the note in brackets after it as a
    sentence (``_RUNS_ON``): the subject of a sentence, no title."""
    at = raw.find(title)
    return at >= 0 and "(" in raw and _RUNS_ON.match(raw, at + len(title)) is not None


# How a line that goes on in the next one ends: a comma, or a word that joins it to the next.
_GOES_ON = frozenset(["and", "or", "a", "an", "the", "of", "for", "with", "as", "our", "to", "including"])


def _continues_sentence(text: str, end: int) -> bool:
    """Whether the line that ends at ``end`` is the rest of a sentence wrapped from the line
    just above it ("We're hiring (L4+) in NYC: Data Scientists,\nData Engineers, Mobile
    Engineers, and Backend Engineers."): that line has no bullet, is no title (more than
    nine words) and ends on a comma or a joining word."""
    line = text.rfind("\n", 0, end)
    if line <= 0 or text[line - 1] == "\n":
        return False
    above = text[text.rfind("\n", 0, line) + 1:line].rstrip(" \t\r")
    if len(above) < 40:
        return False
    if not above.endswith(",") and above[above.rfind(" ") + 1:].lower() not in _GOES_ON:
        return False
    return not _bullet(text, line - 1) and len(above.split()) > 9


# A title's leading item tag: "[1]", "[Leadership]", "I.", "II.", "a)".
# (and a number: "=== 1. Corporate/M&A Associate | Los Angeles ===")
_ITEM_TAG = re.compile(r"^(?:\[[^\]\n]{1,20}\]\s*|(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s+)+", re.IGNORECASE)
# The level a role line may start with, before its title ("All Levels: ...", "8+ yrs - ...").
_LEVEL_LABEL = re.compile(r"(?:all|any|multiple|various)\s+levels?|\d+\+?\s*(?:-\s*\d+\+?\s*)?(?:years?|yrs)"
                          r"(?:\s+(?:of\s+)?exp(?:erience|\.)?)?\+?")
# Labels a role line may start with, before its title.
_ROLE_LABELS = frozenset(["role", "roles", "position", "positions", "title", "job", "opening",
                          "openings", "hiring", "now hiring", "we're hiring", "we’re hiring",
                          "open role", "open roles", "open position"])
# A line that only labels the list under it: "Roles:", "Open positions:", "**Openings**" (one
# scan of the text: ``_labelled_items``), with the line break before it: a literal first, so
# the search skips from line break to line break instead of trying every position (written
# "^" in MULTILINE mode it found the same lines at 5x the cost).
_LABEL_LINE = re.compile(
    r"\n[^\w\n]*(?:" + "|".join(map(re.escape, sorted(_ROLE_LABELS, key=len, reverse=True)))
    + r")[ \t*]*:?[ \t*]*$", re.IGNORECASE | re.MULTILINE)


def _bullet(text: str, pos: int) -> str:
    """The indent and bullet of the line that holds ``pos`` (``_marker``) when white space
    follows the bullet, or the bullet is a "•" (never emphasis: "•Languages: Python, Java"),
    else "" ("*Compensation:*" is emphasis, not an item)."""
    marker = _marker(text, pos)
    if not marker.strip():  # (most lines: no bullet, so no need to look after it)
        return ""
    after = text.rfind("\n", 0, pos) + 1 + len(marker)
    return marker if text[after:after + 1] in (" ", "\t") or marker.strip() == "•" else ""


def _drop_other_lists(text: str, lines: list[tuple[str, int, int, str]]
                      ) -> list[tuple[str, int, int, str]]:
    """``lines`` without the role lines that are items of a list of other things: a run of
    lines with the same bullet (blank lines between them allowed) where fewer than half the
    items are role lines ("What we want: - Strong full-stack engineer - You've run real
    systems - High ownership")."""
    if not lines:
        return lines
    starts = {text.rfind("\n", 0, end) + 1 for _, _, end, _ in lines}  # (each title's own line)
    out = []
    for line in lines:
        pos = text.rfind("\n", 0, line[2]) + 1
        marker = _bullet(text, pos)
        if not marker.strip():
            out.append(line)
            continue
        roles = others = 0
        for step in (-1, 1):
            at: int | None = pos
            while True:
                at = _next_line(text, at, step)  # type: ignore[arg-type]
                if at is None or _bullet(text, at) != marker:
                    break
                if at in starts:
                    roles += 1
                else:
                    others += 1
        if others <= roles + 1 or others == 0:  # (itself one of the roles)
            out.append(line)
    return out


# A line that lists roles after a label: "Roles: Staff Backend Engineer; Forward Deployed
# Engineer", "* we're hiring: product engineers, backend engineers and product managers",
# "Also hiring: Research Scientist, Applied Scientist, AE".
_INLINE_LIST = re.compile(
    r"^[^\w\n]*(?:[\w'’ ]{0,30}?\b)?(?:hiring|roles|positions|openings|looking for)"
    r"(?: include| including)?[ \t]*:[ \t]*(?P<list>[^\n]+)$", re.IGNORECASE | re.MULTILINE)
_INLINE_GATE = ("hiring", "roles", "positions", "openings", "looking for")
_ITEM_SPLIT_SEMI = re.compile(r"[ \t]*;[ \t]*")
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"[ \t]*(?:,|•|·|\s-\s|\band\b)[ \t]*")


def _inline_titles(text: str) -> list[tuple[str, int, int, str]]:
    """The roles of the first line that lists two or more of them after a label
    (``_INLINE_LIST``), each with its span in the line (up to the next item's start, the last
    one to the line's end: the item's text), or none. Items are split at ";" when the list
    has one, else at commas, bullets, " - " and "and"; an item is a role when its cleaned
    text is a title (``_is_title``) that names a role."""
    low = text.lower()
    if not any(w in low for w in _INLINE_GATE):
        return []
    first_nl = text.find("\n")
    for m in _INLINE_LIST.finditer(text):
        if m.start() < max(first_nl, 0):
            continue
        items = m.group("list")
        base = m.start("list")
        split = _ITEM_SPLIT_SEMI if ";" in items else _ITEM_SPLIT
        found = []
        pos = 0
        # (in a list of two, a bare role noun after "and" shares the title before it:
        # "Perception Engineers and MLEs" is one title naming two kinds of hire, as
        # "Perception Engineers & MLEs" is; "A, B and designers" is a list of three)
        cuts = list(split.finditer(items))
        if len(cuts) == 1 and "and" in cuts[0].group() and _bare_noun(items[cuts[0].end():]):
            cuts = []
        seps: list[re.Match[str] | None] = [*cuts, None]
        n_items = len(seps)
        for sep in seps:
            end = len(items) if sep is None else sep.start()
            raw = items[pos:end]
            title = _ARTICLE.sub("", _clean_title(raw))
            if title and _names_role_noun(title) and _is_title(title):
                found.append((title, base + pos))
            pos = len(items) if sep is None else sep.end()
        if len(found) >= 2 and 2 * len(found) >= n_items:
            line_end = m.end()
            out = []
            for i, (title, start) in enumerate(found):
                end = found[i + 1][1] if i + 1 < len(found) else line_end
                out.append((title, start, end, text[start:end]))
            return out
    return []


_BARE_NOUN = re.compile(rf"[ \t]*{_ROLE_NOUN}[ \t]*(?:$|[,;•]|\s-\s|\band\b)", re.IGNORECASE)


def _bare_noun(rest: str) -> bool:
    """Whether a list item starts with a role noun alone ("MLEs", "designers"), up to the
    next separator or the end."""
    return _BARE_NOUN.match(rest) is not None


def segment_roles(text: str) -> Roles:
    """Find the roles of an HN post (see module docstring)."""
    lines = _role_lines(text)
    if not lines:  # (a list under a label whose items name no role noun: "Roles:\n- Backend: https://...")
        lines = _labelled_items(text)
    if len(lines) < 2:  # (a list of openings named by their line of work: "* Bayesian Software
        field = _field_items(text)  # Engineering"; its role-noun items alone may be a line or none)
        if field and all(any(end == item[2] for item in field) for _, _, end, _ in lines):
            lines = field
    if len(lines) < 2:  # (a post whose only list of roles is one line: "Roles: A; B; C")
        inline = _inline_titles(text)
        if inline and (not lines or text.rfind("\n", 0, lines[0][2]) == text.rfind("\n", 0, inline[0][1])):
            lines = inline
    ads: dict[str, list[tuple[int, int]]] | None = None
    first_ad = 0
    texts: tuple[int, list[int]] | None = None
    keys: list[str] = []  # (``_same_keys`` of ``lines``' titles, once for all three uses)
    if len(lines) >= 2:
        keys = _same_keys([title for title, _, _, _ in lines])
        if " | " in lines[-1][3]:  # (an appended ad starts on a header line: most posts have none)
            lines, ads = _appended_ads(text, lines, keys)
            keys = keys[:len(lines)]
            first_ad = min(a for spans in ads.values() for a, _ in spans) if ads else 0
        if len(lines) >= 2:
            texts = _texts(text, lines, first_ad)
            kept, kept_keys, repeat = _drop_repeats(text, lines, texts, keys)
            if len(kept) < len(lines):
                lines, keys = kept, kept_keys
                cap = min(repeat, first_ad) if repeat and first_ad else repeat or first_ad
                texts = _texts(text, lines, cap) if len(lines) >= 2 else None
    shown = [t for t, _, _, _ in lines]
    if len(set(shown)) < len(shown):
        shown = _distinct(lines)
    roles = Roles(titles=shown, lines=[(a, b) for _, a, b, _ in lines],
                  details=[d for _, _, _, d in lines])
    if texts is None:  # (fewer than two roles)
        return roles
    closing, lens = texts
    ends = _role_ends(text, lines, closing)
    tagged = _tagged_sections(text, lines, ends[-1])
    if tagged is not None:  # (the last role's text ends where the roles' sections start)
        first, after, sections = tagged
        ends[-1] = first
        lens[-1] = _role_len(text, lines[-1], first)
        closing = after or closing
    blocks = []
    for i, (title, start, _, _) in enumerate(lines):
        blocks.append(RoleBlock(shown[i], start, ends[i], lens[i], "" if shown[i] == title else title))
    if tagged is not None:
        blocks = [dataclasses.replace(b, ads=tuple(sections[i]),
                                      body_len=b.body_len + sum(_own_len(text[x:y]) for x, y in sections[i]))
                  if sections[i] else b for i, b in enumerate(blocks)]
    if ads:
        blocks = _with_ads(text, keys, blocks, ads)
    described = [b for b in blocks if b.body_len >= MIN_ROLE_TEXT]
    if len(described) >= 2:
        roles.blocks = described
        roles.shared_end = lines[0][1]
        roles.closing_start = closing
        roles.closing_end = first_ad
    return roles


# A heading tagged with the role it is about: "What you will do (AI / ML):", "You should apply
# if (UX/UI):" (a short line, a bracket at its end, a colon).
_TAGGED_HEAD = re.compile(r"[^\w\n]*[^\n()]{2,60}?\((?P<tag>[^()\n]{1,30})\)[ \t*]*:[ \t*]*$")
# A heading of text that follows: a short line that ends with a colon ("Perks:", "How to apply:").
_HEAD = re.compile(r"[^\w\n]*[^\n:]{2,40}:[ \t*]*$")
_TAG_WORD = re.compile(r"[a-z0-9+#]+")


def _tag_role(tag: str, words: list[set[str]]) -> int | None:
    """The index of the one role whose title's words (``words``) the tag's words each start
    ("AI / ML" of "AI / ML Engineer", "Design" of "Product Designer"), or None when no role or
    more than one has them ("(Remote)", "(Data)" for a data scientist and a data engineer)."""
    tag_words = _TAG_WORD.findall(tag.lower())
    if not tag_words:
        return None
    found = [i for i, have in enumerate(words)
             if all(any(w.startswith(t) for w in have) for t in tag_words)]
    return found[0] if len(found) == 1 else None


def _tagged_sections(text: str, lines: list[tuple[str, int, int, str]], stop: int
                     ) -> tuple[int, int, list[list[tuple[int, int]]]] | None:
    """The sections after the last role line (before ``stop``) whose headings are tagged with
    the role they are about (``_TAGGED_HEAD``, ``_tag_role``): a post that introduces its roles
    and then describes them side by side ("What you will do (AI / ML):" ... "What you will do
    (UX/UI):"). Each section runs from its heading to the next heading (``_HEAD``) and is its
    role's text; an untagged heading after them ("Perks:") starts the text every role shares.

    Gives where the first section starts (the last role's own text ends there), where the
    shared text after the sections starts (0 when no untagged heading follows them) and each
    role's sections, in the order of ``lines``; None unless the sections name two roles or
    more (before, the last role's text held all of them)."""
    if "(" not in text[lines[-1][2]:stop]:
        return None
    words = [set(_TAG_WORD.findall(title.lower())) for title, _, _, _ in lines]
    heads: list[tuple[int, int | None]] = []  # (line start, its role; None: an untagged heading)
    pos = lines[-1][2] + 1
    while pos < stop:
        nl = text.find("\n", pos, stop)
        end = stop if nl < 0 else nl
        line = text[pos:end]
        if len(line) <= 80:  # (a heading is a short line)
            m = _TAGGED_HEAD.match(line)
            if m is not None and (k := _tag_role(m.group("tag"), words)) is not None:
                heads.append((pos, k))
            elif heads and _HEAD.match(line):
                heads.append((pos, None))
        pos = end + 1
    if len({k for _, k in heads if k is not None}) < 2:
        return None
    after = 0
    while heads[-1][1] is None:  # (the headings after the last tagged one: every role's text)
        after = heads.pop()[0]
    tagged = [(at, k) for at, k in heads if k is not None]  # (an untagged heading between two
    sections: list[list[tuple[int, int]]] = [[] for _ in lines]  # tagged ones: the first's)
    for j, (at, k) in enumerate(tagged):
        sections[k].append((at, tagged[j + 1][0] if j + 1 < len(tagged) else after or stop))
    return heads[0][0], after, sections


def _with_ads(text: str, keys: list[str], blocks: list[RoleBlock],
              ads: dict[str, list[tuple[int, int]]]) -> list[RoleBlock]:
    """``blocks`` (one per role line, whose titles' ``_same_keys`` are ``keys``), each with the
    ads of its title (``_appended_ads``) and their own text's length added to its own."""
    out = []
    for block, key in zip(blocks, keys, strict=True):
        own = tuple(ads.get(key, ()))
        if own:
            body = block.body_len + sum(_own_len(text[_line_end(text, a, b):b]) for a, b in own)
            block = dataclasses.replace(block, body_len=body, ads=block.ads + own)  # (after its sections)
        out.append(block)
    return out


def _appended_ads(text: str, lines: list[tuple[str, int, int, str]], keys: list[str]
                  ) -> tuple[list[tuple[str, int, int, str]], dict[str, list[tuple[int, int]]]]:
    """``lines`` without the ads of its roles appended to the post, and those ads' spans by
    title (``_same_keys``; ``keys`` are those of ``lines``' titles).

    A post's last role lines may each be a header of its own, as the post's first line is
    ("Acme | Full Stack Engineer | Berlin | Salary: ..." under "Acme | Berlin | Multiple
    Roles"): a line of two or more " | " separators whose first part is the first part of
    the post's first line (its company), naming a title one earlier line of the post names.
    Such a line and the text after it (to the next such line or the end) are an ad of that
    role pasted after the post, not a role of its own (unless that earlier line is such a
    header too: then both are roles, as two places of one title): the role's text is its earlier line's
    and the ad's (``RoleBlock.ads``), and the post's closing text before the ad is every
    role's (``Roles.closing_end``). Before, the ad was a second role of the title, and the
    post's closing text the last role's own.
    """
    first_nl = text.find("\n")
    head = text[:first_nl] if first_nl >= 0 else text
    lead = head.split(" | ", 1)[0].strip(_TITLE_STRIP).strip().lower()
    if " | " not in head or not lead:
        return lines, {}

    def header(raw: str) -> bool:  # a line of the post header's form, of its company
        return raw.count(" | ") >= 2 and raw.split(" | ", 1)[0].strip(_TITLE_STRIP).strip().lower() == lead

    n = len(lines)
    while n > 1:
        if not header(lines[n - 1][3]) or keys[:n - 1].count(keys[n - 1]) != 1:
            break
        # (an earlier line of the same form is a role of its own: "Acme | Engineer | Boston |
        # $170k" then "Acme | Engineer | London | £90k" are two roles, not one and its ad)
        if header(lines[keys.index(keys[n - 1])][3]):
            break
        n -= 1
    if n == len(lines):
        return lines, {}
    ads: dict[str, list[tuple[int, int]]] = {}
    for j in range(n, len(lines)):  # (from the header line's start, not the blank lines above)
        ads.setdefault(keys[j], []).append((text.rfind("\n", 0, lines[j][2]) + 1,
                                            lines[j + 1][1] if j + 1 < len(lines) else len(text)))
    return lines[:n], ads


def _line_end(text: str, start: int, end: int) -> int:
    """The end of the line that starts at ``start`` (``end`` at most)."""
    nl = text.find("\n", start, end)
    return end if nl < 0 else nl


def _role_ends(text: str, lines: list[tuple[str, int, int, str]], closing: int) -> list[int]:
    """Where each role's text ends: at the next role line's start, the last one's at the
    closing text (``closing``; 0 for none: the text's end)."""
    ends = list(map(_LINE_START, lines))  # (map and a getter in C: no Python frame per line)
    del ends[0]
    ends.append(closing or len(text))
    return ends


_LINE_START = operator.itemgetter(1)


def _texts(text: str, lines: list[tuple[str, int, int, str]],
           cap: int = 0) -> tuple[int, list[int]]:
    """Where the closing text after the last role starts (``_closing_start``, or the end of a
    list of roles described on their item lines, ``_list_end``, or ``cap``, where a role named
    again after the last one starts: how to apply to each; 0 for none), and how much each
    role's own text says (``_own_len`` of the text from its line's end to the next role line,
    the last one's to the closing text, plus ``_inline_len`` of its line)."""
    closing = _closing_start(text, lines)
    for end in (_list_end(text, lines), _items_end(text, lines), cap):
        if end and (not closing or end < closing):
            closing = end
    ends = _role_ends(text, lines, closing)
    return closing, [_role_len(text, line, end) for line, end in zip(lines, ends, strict=True)]


# What titles are compared by when a post names a role twice: lower-cased, a level written
# out or abbreviated alike ("Senior"/"Sr."), without spaces and common punctuation and
# without a plural's "s" at the end ("Senior ML Engineers" and "Sr. ML Engineer"; "Fullstack",
# "Full-Stack", "Full Stack"). All titles of a post at once, with C-level string calls only:
# a regex or a loop over each title's words cost about +0.3% of the pipeline's instructions.
_KEY_PUNCT = " -./,()&:"


def _same_keys(titles: list[str]) -> list[str]:
    keys = "\n".join(titles).lower().replace("senior", "sr").replace("junior", "jr")
    for c in _KEY_PUNCT:
        if c in keys:
            keys = keys.replace(c, "")
    return (keys + "\n").replace("s\n", "\n").split("\n")[:-1]


def _names_only(raw: str, title: str) -> bool:
    """Whether a role line says nothing but its title (links, bullets and separators aside):
    "* Fullstack Engineer", "AI / ML Engineer:", "- Data Engineer - https://..."."""
    rest = _line_rest(raw)
    if "http" in rest:
        rest = _URL.sub("", rest)
    rest = _ITEM_TAG.sub("", rest.strip(_TITLE_STRIP))
    rest = rest.removeprefix(title)
    return not rest.strip(_TITLE_STRIP + ",;()[]–— \t")


def _drop_repeats(text: str, lines: list[tuple[str, int, int, str]],
                  texts: tuple[int, list[int]], keys: list[str]
                  ) -> tuple[list[tuple[str, int, int, str]], list[str], int]:
    """``lines`` without the lines that name again a role another line names (the same title,
    ``_same_keys``): a post that lists its roles once ("We're looking for:\n* Fullstack
    Engineer\n* UI Designer") and then describes each under its own header, or lists them
    again to say how to apply, has one role per title, the one described in most detail.

    A line goes when another line of its title is kept: the one that is no item of a list of
    titles and has most text of its own (the first wins a tie). The line that goes names
    only the title (``_names_only``) and is not described (``MIN_ROLE_TEXT``) or is an item
    of a list of titles (the last item of a summary list runs on to the company's pitch), and
    the two lines are apart: a role line of another title lies between them, or the first of
    them is described. Left as two roles: lines of one list ("- Software Engineering Manager
    (Custom Fields)\n- Software Engineering Manager"), a line that says more than its title,
    two titles each described under its own header, and two lines of one title that each link
    to an ad, different ones ("+ Senior Software Engineer - https://.../a" and, further down
    the list, "+ Senior Software Engineer (Edge Data) - https://.../b").

    ``texts`` is ``_texts`` of ``lines``, ``keys`` the ``_same_keys`` of their titles. Also
    gives the kept lines' keys, and where the first line that goes after the last line kept
    starts (0 for none): the roles named again after the last one's text close the post (how
    to apply to each).
    """
    if len(set(keys)) == len(keys):
        return lines, keys, 0
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
    groups = [same for same in by_key.values() if len(same) >= 2]
    bare = {i: _names_only(lines[i][3], lines[i][0]) for same in groups for i in same}
    if not any(bare.values()):  # (roles that share a title, each with its bracket or team)
        return lines, keys, 0
    closing, lens = texts
    # (an item of a list of titles: it, or the role line just above it, has next to no text of
    # its own; the text after a list's last item is the post's, not that role's)
    listed = [lens[i] < _LISTED or (i > 0 and lens[i - 1] < _LISTED) for i in range(len(lines))]
    # (where the run of lines of one key that ends at each line starts: a line and the lines
    # up to another are one list when the run that ends just before the other starts at most
    # at the first; and each role's end once: both were worked out per pair of lines, the
    # square of their number)
    run = list(range(len(keys)))
    for j in range(1, len(keys)):
        if keys[j] == keys[j - 1]:
            run[j] = run[j - 1]
    ends: list[int] = []
    drop: set[int] = set()
    for same in groups:
        keep = max(same, key=lambda i: (not listed[i], lens[i], -i))
        for i in same:
            if i == keep or not bare[i] or (lens[i] >= MIN_ROLE_TEXT and not listed[i]):
                continue
            a, b = min(i, keep), max(i, keep)
            if lens[a] < MIN_ROLE_TEXT and keys[b - 1] == keys[i] and run[b - 1] <= a:
                continue  # (one list: "- Software Engineer (Platform)\n- Software Engineer")
            if lens[i] < MIN_ROLE_TEXT and lens[keep] < MIN_ROLE_TEXT:
                ends = ends or _role_ends(text, lines, closing)
                here, there = _links(text, lines, i, ends), _links(text, lines, keep, ends)
                if here and there and here.isdisjoint(there):
                    continue  # (two ads)
            drop.add(i)
    if not drop:
        return lines, keys, 0
    kept = [line for i, line in enumerate(lines) if i not in drop]
    kept_keys = [key for i, key in enumerate(keys) if i not in drop]
    last = max(i for i in range(len(lines)) if i not in drop)
    after = [lines[i][1] for i in sorted(drop) if i > last]
    return kept, kept_keys, (after[0] if after else 0)


_LISTED = 40  # (the most text a title of a list has of its own: an inline stack, a pay range)


def _links(text: str, lines: list[tuple[str, int, int, str]], i: int, ends: list[int]) -> set[str]:
    """The links in role line ``i`` and its own text (``ends``: ``_role_ends`` of ``lines``)."""
    part = text[lines[i][1]:ends[i]]
    return set(_URL.findall(part)) if "http" in part else set()


def _distinct(lines: list[tuple[str, int, int, str]]) -> list[str]:
    """The titles of ``lines``, where roles that share a title keep what follows it on their
    line, when that tells each of them apart (``_with_bracket``: "Senior AI Engineer (Natural
    Language Systems)" and "Senior AI Engineer (Rapid Prototyping & Analytics)", "Solutions
    Engineer - Language Models" and "Solutions Engineer - Image/Video"; ``_clean_title`` keeps
    only a bracket or team of ``_QUALIFIER_WORDS``). The archetype model still reads each as
    the title of its line (``RoleBlock.read``, ``model_title``)."""
    by_title: dict[str, list[int]] = {}
    for i, (title, _, _, _) in enumerate(lines):
        by_title.setdefault(title, []).append(i)
    out = [title for title, _, _, _ in lines]
    for title, same in by_title.items():
        if len(same) < 2:
            continue
        longer = [_with_bracket(title, lines[i][3]) for i in same]
        if None in longer or len(set(longer)) < len(same):
            continue  # (a role without one, or two with the same: it tells none apart)
        for i, new in zip(same, longer, strict=True):
            out[i] = new or title
    return out


def _with_bracket(title: str, raw: str) -> str | None:
    """``title`` with what tells it apart that follows it on its line ``raw``: a bracket
    ("Senior AI Engineer (Rapid Prototyping & Analytics): $160k") or a short part after a
    spaced dash, up to the next separator ("Solutions Engineer - Image/Video: Run ...");
    None when neither follows it there."""
    at = raw.find(title)
    if at < 0:
        return None
    at += len(title)
    if raw.startswith(" (", at):
        m = _QUALIFIER.match(raw, at + 1)
        if m is None or "http" in m.group(1):
            return None
        return f"{title} ({' '.join(m.group(1).split())})"
    if raw[at:at + 3] not in _SPACED_DASHES:
        return None
    nxt = _TITLE_END.search(raw, at + 3)
    part = raw[at + 3:len(raw) if nxt is None else nxt.start()].strip()
    if not part or len(part) > 40 or len(part.split()) > 5 or "http" in part:
        return None
    return f"{title}{raw[at:at + 3]}{part}"


def _role_len(text: str, line: tuple[str, int, int, str], end: int) -> int:
    """How much a role's own text says: ``_own_len`` of the text from its line's end to
    ``end``, plus ``_inline_len`` of its line."""
    title, _, line_end, raw = line
    return _own_len(text[line_end:end]) + _inline_len(raw, title)


def _own_len(body: str) -> int:
    """How much a role's text says: its length without links and the white space around it.
    A link is no description: a role whose text is one line and a link to its ad ("Senior
    MLE (Eng): Build and deploy ... models for the edge. https://jobs.example/...") is a
    title of a list, as a bare title with a link is."""
    if "http" in body:
        body = _URL.sub("", body)
    return len(body.strip())


def _inline_len(raw: str, title: str) -> int:
    """The length of what a role line says after its title, links left out ("Backend Engineer
    (Integrations) – 2-4 years of backend experience. Help expand ...": a role described on
    its own line)."""
    rest = _line_rest(raw).removeprefix(model_title(title))
    if "http" in rest:
        rest = _URL.sub("", rest)
    return len(rest.strip(" \t-–—|:*()[]"))


# What starts the text that closes a post after its last role: how to apply, what the company
# offers, links to more roles, a rule ("---"), the requirements it shares ("What we're looking
# for: Engineers who ..."). That text belongs to every role, not to the last one.
_CLOSING = re.compile(
    r"[^\w\n]*(?:(?:to |how to )?apply\b|interested\b|contact\b|questions\b|e-?mail (?:us|me)\b|"
    r"send (?:us|me|your)\b|reach out\b|benefits\b|perks\b|why join\b|what we offer\b|we offer\b|"
    r"(?:see|view) (?:all|our|more|the full)\b|all (?:open )?(?:roles|positions|openings|jobs)\b|"
    r"(?:more|other) (?:roles|openings|positions|jobs|info|details)\b|learn more\b|find out\b|"
    r"(?:hiring|interview) process\b|p\.?s\.?\b|(?:---|———|___|===)|"
    r"what we(?:'|’)?re looking for\b|who we(?:'|’)?re looking for\b|about us\b)",
    re.IGNORECASE)


def _closing_start(text: str, lines: list[tuple[str, int, int, str]]) -> int:
    """Where the closing text after the last role line starts (``_CLOSING``: the first such line
    after at least one line of the last role's own, or its role line's own description), or 0
    when there is none. A line whose
    start also opens a line in the text of an earlier role ("Apply: ..." under every role)
    is the role's own."""
    last_end = lines[-1][2]
    earlier = text[lines[0][1]:lines[-1][1]].lower()
    pos = last_end + 1
    own = int(_inline_len(lines[-1][3], lines[-1][0]) >= 40)  # (a role described on its line)
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        line = text[pos:end]
        if line.strip():
            m = _CLOSING.match(line) if own else None
            if m is not None and ("\n" + m.group().strip(" \t*-•#").lower()) not in \
                    ("\n" + "\n".join(x.strip(" \t*-•#") for x in earlier.split("\n"))):
                return pos
            own += 1
        pos = end + 1
    return 0


def _list_end(text: str, lines: list[tuple[str, int, int, str]]) -> int:
    """Where a list of roles described on their own item lines ends: when every role line is
    an item with the same bullet and every line from the first role line to the last is an
    item with that bullet ("* Computer Vision Engineer — YOLO on Jetson ..."), the line after
    the last role's own line ends the last role's text: the company's pitch or how to apply,
    or another item of the list that names no role ("* Technical Advisors — a few hours a
    month", "* Equity and a 401k"); else 0 (also when nothing follows)."""
    own = [text.rfind("\n", 0, end) + 1 for _, _, end, _ in lines]  # (each title's own line)
    marker = _bullet(text, own[0])
    if not marker.strip() or any(_bullet(text, start) != marker for start in own[1:]):
        return 0
    pos: int | None = own[0]
    while pos is not None and pos < own[-1]:
        pos = _next_line(text, pos, 1)
        if pos is not None and pos < own[-1] and _bullet(text, pos) != marker:
            return 0  # (an earlier role has lines of its own: its text is no item)
    return _next_line(text, own[-1], 1) or 0


def _items_end(text: str, lines: list[tuple[str, int, int, str]]) -> int:
    """Where the last role's list of items ends when every role before it is described by
    items of one bullet only ("1) Founding Engineer\n   - 8+ years ...\n   - Strong backend
    ..."): the first line after the last role's line that is no such item (the company's
    pitch, a link to apply), which starts the text every role shares; else 0 (also when the
    last role has no such item, or nothing follows its items)."""
    marker = ""
    for i in range(len(lines) - 1):
        seen = False
        for at in _line_starts(text, lines[i][2], lines[i + 1][1]):
            here = _bullet(text, at)
            if not here.strip() or (marker and here != marker):
                return 0  # (a line that is no item, or another bullet)
            marker, seen = here, True
        if not seen:
            return 0  # (a role with no items of its own)
    seen = False
    for at in _line_starts(text, lines[-1][2], len(text)):
        if _bullet(text, at) != marker:
            return at if seen else 0
        seen = True
    return 0


def _line_starts(text: str, pos: int, stop: int) -> Iterator[int]:
    """The starts of the lines with content after the line that holds ``pos``, before
    ``stop``."""
    at = _next_line(text, pos, 1)
    while at is not None and at < stop:
        yield at
        at = _next_line(text, at, 1)


def listed_roles(text: str) -> Roles:
    """``segment_roles`` of an HN post, and the role its header names as the first title of
    its list when the post is not split, or the roles when it names two or more, also for a
    post without a list (``_with_header_role``): the titles ``pick_title`` picks the role to
    label from (LABELS.md: the first ML/data role listed, else the first).
    ``segment_roles`` leaves the header line out (it names the company, and a role block
    never starts there)."""
    roles = segment_roles(text)
    if roles.is_multi:
        return roles
    return _with_header_role(text, roles)


# A header's role segment that names several roles or a kind of them, not one title: a list
# ("Backend + Data Engineer", "Engineers & PMs", "Software Engineer, Team lead, AI engineer",
# "Lead and Senior Software Engineer", "Backend / Product Engineers") or a summary ("Multiple
# roles", "Various Software Engineering Roles", "Software Engineers (Multiple Roles)").
_HEADER_MANY = re.compile(r"[,;&+]|\s/\s|\b(?:and|or|roles?|positions?|openings?|multiple|various|several)\b",
                          re.IGNORECASE)
_KEY_WORD = re.compile(r"[a-z0-9+#]+")
# The lead of a job seeker's header ("SEEKING | ...", "SEEKING WORK | ..."), which
# ``parse_header`` reads as a company (as ``hn_format.seeker_comment`` tells them apart).
_SEEKER_LEAD = re.compile(r"(?:seeking|looking for)\b", re.IGNORECASE)
# A role noun in the plural ("Software Engineers"): a header's kind of hire, which a list of two
# titles or more below it names one by one; over one title, the post's role ("Graphite |
# Senior Software Engineers | ..." over a line "Recruiters: ... direct applications only").
_PLURAL_ROLE = re.compile(r"\b(?:engineer|scientist|developer|designer|manager|researcher|analyst|architect"
                          r"|intern|specialist|director|consultant|programmer|mle|swe|sre)s\b", re.IGNORECASE)


# ``_ROLE_NOUN`` without its word boundaries: a test of a header line that skips the header
# reader (``parse_header``, most of ``listed_roles``' cost on a list post) when no title read
# from it can hold a role noun. A header without a link gives titles that are substrings of
# it (``parse_header``'s segments, ``_clean_title`` and ``_hiring_off`` only cut and strip:
# its link removal, the one splice, needs "http"), and a ``_ROLE_NOUN_RE`` match in a
# substring is a match of this one in the line. (Corpus: 111 of the 407 list posts' headers.)
# Its alternatives are grouped by their first letter ("e(?:ngineers?)|s(?:cientists?|pecialists?
# |...)"), each group in ``_ROLE_NOUN``'s order: the same matches, but a position whose letter
# starts no group is given up after one test per group instead of one per alternative
# (2.5x faster on the corpus's header lines).
def _by_first_letter(alternation: str) -> str:
    """``(?:a|b|...)``, alternatives without a "|" of their own, as ``(?:x(?:a'|...)|...)``."""
    groups: dict[str, list[str]] = {}
    for alt in alternation[len("(?:"):-len(")")].split("|"):
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + ")"


_ROLE_NOUN_ANYWHERE = re.compile(_by_first_letter(_ROLE_NOUN.replace(r"\b", "")), re.IGNORECASE)
# The same without IGNORECASE, for an ASCII line lower-cased (its letters are all lower case;
# ``_noun_anywhere``).
_ROLE_NOUN_ANYWHERE_LOW = re.compile(_by_first_letter(_ROLE_NOUN.replace(r"\b", "")))


def _noun_anywhere(line: str, pos: int = 0) -> re.Match[str] | None:
    """``_ROLE_NOUN_ANYWHERE.search(line, pos)``; an ASCII line is searched lower-cased by
    ``_ROLE_NOUN_ANYWHERE_LOW`` (the same span, ~2x faster over the corpus's header lines;
    the match's text is then in lower case)."""
    if line.isascii():
        return _ROLE_NOUN_ANYWHERE_LOW.search(line.lower(), pos)
    return _ROLE_NOUN_ANYWHERE.search(line, pos)


# A header segment that lists its roles after a label, one title a comma ("Multiple roles:
# Computational Biologists (all levels), Principal Full-stack Engineer, Senior Data Engineer"):
# the label, its colon, the list (``_header_list``).
_LIST_LABEL = re.compile(r"^[ \t]*(?:(?:multiple|several|various|open|our)[ \t]+)?(?:roles|positions|openings)"
                         r"[ \t]*:[ \t]*(?=\S)", re.IGNORECASE)
_LIST_COMMA = re.compile(r",[ \t]*(?![^()]*\))")  # (a comma outside brackets)


def _header_list(role: str) -> list[str] | None:
    """The titles of a header's role segment that lists them after a label (``_LIST_LABEL``),
    each a piece between commas outside brackets (the list's own square brackets off: "Roles:
    [Engineering Manager (Ruby on Rails), Senior Android Developer]"), when there are two or
    more and two of them or more name a role noun (a list of hires, not of fields: "Roles:
    Backend, Infra, ML Engineer"); else None."""
    label = _LIST_LABEL.match(role)
    if label is None:
        return None
    listed = role[label.end():].strip()
    if listed.startswith("[") and listed.endswith("]"):
        listed = listed[1:-1]
    items = [item.strip() for item in _LIST_COMMA.split(listed)]
    if not all(items) or sum(1 for item in items if _names_role_noun(item)) < 2:
        return None
    return items


# A word that may join two titles in one header segment (``hn_format._JOINED``'s joiners, with
# no look-ahead: a superset of its matches in any cut of the segment).
_JOIN_WORD = re.compile(r"\s(?:\+|&|and)\s", re.IGNORECASE)


def _may_name_two_roles(head: str) -> bool:
    """False when ``parse_header`` cannot read two roles holding a role noun from a header
    line without a link: each of its roles is a cut of one of the line's pipe segments (of
    the first, a role and a place after "in": "ML Engineer @ Acme in NYC"; of another, the
    segment's role or the titles ``_JOINED`` joins in it), so it needs two segments that
    hold a role noun (``_ROLE_NOUN_ANYWHERE``), or one that is the first or joins titles.
    True for a line of one segment (``parse_header`` splits it at other separators)."""
    from mljobs.sources.hn_format import SEGMENT_SPLIT

    parts = [p for p in SEGMENT_SPLIT.split(head.strip()) if p.strip()]
    if len(parts) < 2:
        return True
    room = 0
    for i, part in enumerate(parts):
        if _noun_anywhere(part) is not None:
            room += 2 if i == 0 or _JOIN_WORD.search(part) or _LIST_LABEL.search(part) else 1
            if room >= 2:
                return True
    return False


def _with_header_role(text: str, roles: Roles) -> Roles:
    """``roles`` with the role the header names first, its line the header line: when the
    header (the text's first line, of " | " segments) has one role segment that is one title
    (``_HEADER_MANY``, ``_is_title``) and no title of the list is that role (``_title_words``:
    one title's words hold the other's, "Senior Software Engineers" and "Senior Software
    Engineer (Go)"). A header that names two roles or more puts those titles first, also
    over no list (``_with_header_roles``). Else ``roles`` as they are. (EnergyHub: "EnergyHub | Director of
    Engineering | ... | Salary $225k" over two lines of the same form for an Engineering
    Manager and a Senior Engineer.)"""
    from mljobs.sources.hn_format import parse_header  # (only for a list under a header)

    nl = text.find("\n")
    head = text if nl < 0 else text[:nl]
    if "|" not in head:
        return roles
    noun = _noun_anywhere(head) if "http" not in head else None
    if "http" not in head and noun is None:
        return roles  # (no title can name a role: the cheap test first, see _ROLE_NOUN_ANYWHERE)
    if not roles.titles and noun is not None and (_noun_anywhere(head, noun.end()) is None
                                                  or not _may_name_two_roles(head)):
        return roles  # (a post without a list gets two titles or none: each a cut holding a noun)
    header = parse_header(head, text)
    named = header["roles"]
    if header["company"] and _SEEKER_LEAD.match(header["company"]):
        return roles  # (a job seeker's "SEEKING | AI/ML Engineer | ...": no job posting, no hire)
    if len(named) >= 2:
        return _with_header_roles(head, named, roles)
    if len(named) == 1 and not roles.titles and (items := _header_list(named[0])) is not None:
        return _with_header_roles(head, items, roles, listed=True)
    if not roles.titles:
        return roles  # (a post of one role or none: the header names it, as the record's title)
    if len(named) != 1 or _HEADER_MANY.search(named[0]):
        return roles
    title = _header_title(named[0])
    if not _is_title(title) or not _names_role_noun(title):  # (``parse_header`` read it as a role)
        return roles
    if len(roles.titles) >= 2 and _PLURAL_ROLE.search(title):
        return roles  # (the hires the list breaks down: "FUTO | Software Engineers | ...")
    words = _title_words(title)
    for other in roles.titles:
        have = _title_words(other)
        if words <= have or have <= words:
            return roles
    return Roles(titles=[title, *roles.titles], lines=[(0, len(head)), *roles.lines],
                 details=[head.strip(), *roles.details])


def _header_title(role: str) -> str:
    """A header's role segment as a title (``_clean_title``), or, when that names no role and a
    team comes before a spaced dash ("Platform Team - Senior ML Engineer": the title ends at the
    dash, "Platform Team"), the title after the dash when it names one."""
    title = _clean_title(role)
    if not _names_role_noun(title) and (dash := _TEAM_DASH.search(role)) is not None:
        after = _clean_title(role[dash.end():])
        if _names_role_noun(after):
            return after
    return title


# A header segment that sums roles up, no title ("Multiple roles", "AI/ML Engineer + others",
# "Kubernetes/Typescript/Node/Postgres roles").
_SUMMARY = re.compile(r"\b(?:roles?|positions?|openings?|multiple|various|several|others|more)\b",
                      re.IGNORECASE)


def _with_header_roles(head: str, named: list[str], roles: Roles, listed: bool = False) -> Roles:
    """``roles`` with the titles a header names when it names two roles or more (segments of
    their own, "JustPark | Mid-level DevOps Engineer | Software Engineer II | ...", or joined
    in one: "Founding (AI/Software) Engineer + Founding Research Scientist | NYC"), first and
    in its order: those that are titles (``_is_title``, a role noun, no summary of roles) and
    that no title of the list already is (``_title_words``). A post without a list of roles
    gets them when two or more are titles (LABELS.md: a multi-role post's bare titles are
    labelled by the first ML/data role), else keeps none (the record's title names its
    role). ``listed``: ``named`` are the items of a labelled list (``_header_list``), of which
    one that names no role noun is a title when it is a short capitalised one, a note in
    brackets after it ("Computational Biologists (all levels)": "Computational Biologists"),
    as ``_with_sibling_items`` reads a list's items."""
    titles: list[str] = []
    spans: list[tuple[int, int]] = []
    for role in named:
        title = _header_title(role)
        bare = listed and not _names_role_noun(role) and _is_list_item_title(title)
        if not bare and not _names_role_noun(title):  # (a note in brackets inside: "Founding (AI/
            title = role.strip()  # Software) Engineer"; the header reader's segment is a title)
        if "," not in title and _is_title(title) and (bare or _names_a_hire(title)) and not _SUMMARY.search(title) \
                and not any(_same_role(title, other) for other in (*titles, *roles.titles)):
            at = head.find(role, spans[-1][1] if spans else 0)
            if at < 0:
                continue
            titles.append(title)
            spans.append((at, at + len(role)))
    if not titles or (not roles.titles and len(titles) < 2):
        return roles
    # (each title's part of the header runs to the next one's, the last one's to the line's
    # end: their place, pay and stack are the role's own, as an inline list's items are)
    spans = [(a, spans[i + 1][0] if i + 1 < len(spans) else len(head)) for i, (a, _) in enumerate(spans)]
    details = [_JOINER_END.sub("", head[a:b]).strip(_TITLE_STRIP) for a, b in spans]
    return Roles(titles=[*titles, *roles.titles], lines=[*spans, *roles.lines],
                 details=[*details, *roles.details])


def _is_list_item_title(item: str) -> bool:
    """Whether an item of a labelled header list (``_header_list``) that names no role noun
    is a title: a short capitalised one (``_SHORT_TITLE``), but not a tool's name, a label, a
    place, a work mode, a kind of employment or what it says of the offer (``OFFER``: "Roles:
    ML Engineer, Data Scientist, Berlin": no hire named "Berlin"; "..., Python", "...,
    Remote", "..., Full-time", "..., Equity", "..., Visa Sponsorship" likewise)."""
    from mljobs.places import read_places  # (only for such a list's odd item)
    from mljobs.sources.hn_format import OFFER, segment_kind

    return (_SHORT_TITLE.fullmatch(item) is not None and item.lower() not in _ROLE_LABELS
            and segment_kind(item) not in ("remote", "remote-location", "employment")
            and OFFER.search(item) is None
            and not _names_a_tool(item) and not any(read_places([item])))


# the word that joins a title to the next one in a header's segment ("Cryptographic Engineer &")
_JOINER_END = re.compile(r"\s+(?:&|and|\+)\s*$", re.IGNORECASE)
# Role nouns that alone name no hire in a header's segment: a level or a kind of team
# ("Equity/Founding Team", "Staff").
_NOT_A_HIRE = ("founding", "staff", "partner", "associate", "chief of staff")


def _names_a_hire(title: str) -> bool:
    """Whether a title holds a role noun other than a level or a team's kind (``_NOT_A_HIRE``)."""
    return any(not m.group().lower().startswith(_NOT_A_HIRE) for m in _ROLE_NOUN_RE.finditer(title))


def _same_role(a: str, b: str) -> bool:
    """Whether two titles name one role: one's words (``_title_words``, without "role" or
    "position": "DevOps role", a link's label) hold the other's."""
    wa, wb = _title_words(a) - _ROLE_LABEL_WORDS, _title_words(b) - _ROLE_LABEL_WORDS
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


_ROLE_LABEL_WORDS = frozenset(["role", "position"])


def _title_words(title: str) -> set[str]:
    """The words of a title as two titles of one role share them: lower case, a level
    abbreviated ("senior" as "sr"), a plural's "s" off."""
    out = set()
    for w in _KEY_WORD.findall(title.lower()):
        w = {"senior": "sr", "junior": "jr"}.get(w, w)
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return out


def pick_role(roles: Roles) -> RoleBlock | str | None:
    """The role to label: the block with most detail (an ML/data role's block when it has at
    least 80% of that detail: LABELS.md's annotators label the ML role of a near tie), else
    the first ML/data title, else the first."""
    if roles.is_multi:
        top = max(roles.blocks, key=lambda b: b.body_len)
        if _ML_ROLE.search(model_title(top.title)) is None:  # (a near tie: an ML/data role)
            for b in roles.blocks:
                if _ML_ROLE.search(model_title(b.title)) and b.body_len * 5 >= top.body_len * 4:
                    return b
        return top
    k = pick_title(roles)
    return None if k is None else roles.titles[k]


def pick_title(roles: Roles) -> int | None:
    """The index in ``roles.titles`` of the title to label when no role is described (the
    first ML/data role: its title names one, or the rest of its line names ML; else the
    first), or None when there is none."""
    for k, title in enumerate(roles.titles):
        if _ML_ROLE.search(_field_of(model_title(title))):  # (a qualifier is on the line: the details')
            return k
        if k < len(roles.details) and _ML_DETAIL.search(_unlinked(roles.details[k])):
            return k
    return 0 if roles.titles else None


def _field_of(title: str) -> str:
    """The field of a line of work's name (``_FIELD_TITLE``, no role noun): the name without
    its last word ("Applied Category Theory" of "Applied Category Theory Research": the
    research is in that field, an ML/data role when the field is ML or data: "ML Research",
    "Data Engineering"), or the title as it is."""
    if title.endswith(_FIELD_WORDS) and _FIELD_TITLE.fullmatch(title) and not _names_role_noun(title):
        return title.rsplit(None, 1)[0]
    return title


def _unlinked(line: str) -> str:
    """``line`` without its links (``_LINK``): searched only when it holds a match of
    ``_LINK_GATE``, which every link holds."""
    return _LINK.sub("", line) if _LINK_GATE.search(line) else line


def _lines_in(text: str) -> int:
    """The number of lines of ``text`` that hold more than white space."""
    return sum(1 for line in text.splitlines() if line.strip())


# A title of a list starts with a capital or a mixed-case word ("iOS"); a line that starts
# with a lower-case word ("engineers with ...", "or ...") is a sentence that names a role.
_TITLE_CASE = re.compile(r"[a-z]+\b")
# What a list item starts with: its indent and bullet (a number as "0": "1." and "2." alike).
_MARKER = re.compile(r"[ \t]*(?:\d+[.)]|\[\d+\]|[^\w\s]*)")
_NUMBER = re.compile(r"\d+")
# How a ``_MARKER`` match that holds a number ends (its other branch holds no digit, a word
# character): only such a marker can change in ``_NUMBER.sub`` (a test ties the two).
_NUMBERED_END = (".", ")", "]")


def _marker(text: str, pos: int) -> str:
    """The indent and bullet of the line that holds ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    m = _MARKER.match(text, start)
    if m is None:  # (always a match)
        return ""
    marker = m.group()
    return _NUMBER.sub("0", marker) if marker.endswith(_NUMBERED_END) else marker


def _next_line(text: str, pos: int, step: int) -> int | None:
    """A position in the nearest line with content after (``step`` 1) or before (-1) the line
    that holds ``pos``, or None."""
    while True:
        if step > 0:
            nl = text.find("\n", pos)
            if nl < 0:
                return None
            pos = nl + 1
            end = text.find("\n", pos)
            line = text[pos:] if end < 0 else text[pos:end]
        else:
            start = text.rfind("\n", 0, pos)
            if start < 0:
                return None
            pos = text.rfind("\n", 0, start) + 1
            line = text[pos:start]
        if line.strip():
            return pos


def other_roles(text: str, roles: Roles, k: int) -> list[tuple[int, int]]:
    """The spans ``[start, end)`` of ``text`` that belong to the other roles of the list that
    title ``k`` belongs to, ascending and apart (none when title ``k`` is in no list).

    A list is a run of role lines where each role has at most a short text of its own
    (less than ``MIN_ROLE_TEXT``) before the next role line: bare titles, titles with an
    inline stack, or titles each followed by a line or two. The other roles' lines and
    their own texts go; what comes before and after the list (the company's pitch, the
    shared requirements, how to apply) and title ``k``'s own line and text stay. The
    last role of a list has as many lines of its own as the role before it (a bare title
    none), so the text after the list stays.

    Left alone: a role line outside the list (a role described at length), a line that
    starts with a lower-case word (a sentence that names a role, not a title), and a run
    of role lines that are items of a longer list of other things (duty or requirement
    bullets that name a role, "- Work with backend engineers on ..."): the lines just
    before the run and just after it are items with the same bullet.
    """
    spans = roles.lines
    if len(spans) < 2:
        return []
    titled = [_TITLE_CASE.match(t) is None for t in roles.titles]
    if not titled[k]:
        return []
    gaps = [text[spans[i][1]:spans[i + 1][0]] for i in range(len(spans) - 1)]
    # (linked[i]: roles i and i + 1 are in one list)
    linked = [titled[i] and titled[i + 1] and _own_len(g) < MIN_ROLE_TEXT for i, g in enumerate(gaps)]
    first = k
    while first > 0 and linked[first - 1]:
        first -= 1
    last = k
    while last < len(linked) and linked[last]:
        last += 1
    if first == last:
        return []
    # The last role's own lines: as many as the role before it has (up to the next role line).
    want = _lines_in(gaps[last - 1])
    stop = spans[last + 1][0] if last + 1 < len(spans) else len(text)
    end = spans[last][1]
    while want and end < stop:
        nl = text.find("\n", end + 1, stop)
        nxt = stop if nl < 0 else nl
        if text[end:nxt].strip():
            want -= 1
        end = nxt
    marker = _marker(text, spans[first][1])
    if marker.strip():
        around = (_next_line(text, spans[first][1], -1), _next_line(text, max(end - 1, 0), 1))
        if all(pos is not None and _marker(text, pos) == marker for pos in around):
            return []  # items in the middle of a longer list of other things
    cut: list[tuple[int, int]] = []
    for j in range(first, last + 1):
        if j == k:
            continue
        span = (spans[j][0], spans[j + 1][0] if j < last else end)
        if cut and cut[-1][1] == span[0]:
            cut[-1] = (cut[-1][0], span[1])
        else:
            cut.append(span)
    return cut


def is_hn(source: str | None) -> bool:
    """Whether a posting of ``source`` is a Hacker News post (the only kind split by role)."""
    return is_split_source(source)


def title_line(roles: Roles, k: int | None) -> str:
    """The line of title ``k`` of a post that is not split but lists two titles or more
    (``Roles.details``; "" for none): where the salary step reads that role's pay first, on
    every path (``prepare_record`` and the one posting ``enrich_postings`` stores for the
    post). A post with one title line reads the post's first pay (a header that names
    another role is a title of its own: ``roles.listed_roles``)."""
    if k is None or len(roles.titles) < 2 or k >= len(roles.details):
        return ""
    return roles.details[k]


def listed_pay(posting: Posting) -> tuple[str, Salary] | None:
    """The listed title whose own line ``enrich_postings`` reads ``posting``'s pay from, and
    that pay: for the one posting of a Hacker News post that lists two titles or more, the
    title it is labelled by (``roles.pick_title``) when its line states pay; else None. For
    the posting page and ``mljobs show``, which say whose pay they show."""
    roles = listed_roles(posting.description_text or "") if is_hn(posting.source) else Roles()
    if roles.is_multi:
        return None
    k = pick_title(roles)
    line = title_line(roles, k)
    pay = parse_salary(line) if line else None
    return None if pay is None or k is None else (roles.titles[k], pay)
