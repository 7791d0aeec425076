"""The Hacker News "Who is hiring?" conventions, as pure functions.

Top-level comments start with a header line by convention::

    Company | Role | Location | Remote/Onsite | Salary | ...

``parse_header`` reads such a line into fields; ``hn_item_to_raw`` turns an
HN item (Firebase/Algolia shape) or a corpus row into a ``RawPosting``. Other
shapes read: a role first ("Senior ML Engineer | Acme | ..."), "Role at Company"
or "Role @ Company" ("Role at NYC": a place, no company), "Company (YC W23): Role", a header without pipes whose
segments are split by spaced dashes or semicolons ("Acme — Role — Remote"),
"Acme (YC S21) is hiring <role>", "We're hiring a <Role> at <Company>.", and
"Company: Acme" alone. A role segment that joins two titles ("Founding Engineer +
Founding Research Scientist") names two roles.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from mljobs import places
from mljobs.models import RawPosting
from mljobs.normalize import html_to_text
from mljobs.sources.base import job_id
from mljobs.sources.base import text as text_given

HN_ITEM_URL = "https://news.ycombinator.com/item?id={id}"
# what the header reader reads a header's locations as: bumped whenever a change reads them
# differently (a rule here or in ``places.is_place``), so that the Hacker News postings a store
# holds are read again from their raw documents when it is opened (``store.reread``), not
# kept as an older mljobs read them until their thread is synced or imported again
VERSION = 3  # 2: places in a hiring sentence, a line of places, a header split by slashes, the text;
# 3: the place of a local team the header names ("Join our Bozeman, MT team"), the place after
# a role's "at" ("ML Engineer at NYC"), not a company

_SPLIT = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
SEGMENT_SPLIT = _SPLIT  # (``roles`` counts a header's segments with it)


def _segments(line: str) -> list[str]:
    """The stripped, non-empty segments of a header line (``_SPLIT`` of the stripped line). A
    line without "•" or "·" is cut at each "|" by ``str.split``, a fifth of the regex's time:
    ``_SPLIT`` then only ever matches a "|" and the whitespace around it, which the strip of
    each segment removes."""
    if "•" in line or "·" in line:
        pieces = _SPLIT.split(line.strip())
    else:
        pieces = line.split("|")
    return [p for p in map(str.strip, pieces) if p]


_REMOTE = re.compile(r"\b(remote|hybrid|on-?site|in[- ]office|wfh|work from home)\b", re.IGNORECASE)
_SALARY = re.compile(
    r"([$€£]\s?\d[\d,.]*\s?[kKmM]?)|(\d[\d,.]*\s?[kK]\s?(?:USD|EUR|GBP|CHF|CAD)?)"
    r"|\b(USD|EUR|GBP|CHF|CAD)\b|\bequity\b|\bsalary\b",
    re.IGNORECASE,
)
_EMPLOYMENT = re.compile(
    r"\b(full[- ]?time|part[- ]?time|contract(?:or)?|intern(?:ship)?|freelance|permanent)\b", re.IGNORECASE
)
_ROLE_WORD_FORMS = [
    r"engineer(?:s|ing)?", "developers?", "scientists?", "researchers?", "designers?", "managers?", "leads?",
    "architects?", "analysts?", "head", "directors?", "founding", "interns?", "sres?", "devops",
    "administrators?", "specialists?", "consultants?", "positions?", "roles?", "staff", "principal", "cto",
    "vp", "recruiters?", "writers?", "product", "marketing", "sales", "operations", "technicians?",
    "physicists?", "mathematicians?", "quants?", "accountants?", "machine learning", "backend", "frontend",
    "full[- ]?stack", "security", "co-?founders?", "swes?", "eng", "marketers?", "execs?", "executives?",
    "coordinators?",
]


def _by_first_letter(forms: list[str]) -> str:
    """An alternation of ``forms`` (each starting with a letter),
    grouped by first letter in their order ("e(?:ngineer(?:s|ing)?|ng)|d(?:evelopers?|...)"):
    the same matches, tried in the same order, but a position is given up after one test per
    letter instead of one per form (half the cost of a search over header segments)."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(form[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items())


_ROLE_WORDS = re.compile(rf"\b({_by_first_letter(_ROLE_WORD_FORMS)})\b", re.IGNORECASE)
# A header segment about the offer or the company, not a place: perks, funding, eligibility.
_NOT_PLACE_FORMS = [
    "visa", "sponsorship", "relocation", "equity", "benefits", "series [a-f]", "funding", "funded", "seed",
    "citizenship", "citizens?", "clearance", "yc", "y combinator", "saas", "b2b", "b2c",
    # a field, a trade or a stack ("ROBOTICS", "FinTech", "Open Source", "C++ AI", "Golang"; and
    # any word ending on "tech" below)
    "robotics", "healthcare", "health", "fintech", "cybersecurity", r"e-?commerce", "open source",
    "start-?ups?", "nonprofit", "non-profit", "consulting", "staffing", "industry", "computing", "inference",
    "apis?", "ai", "ml", "llms?", "genai", "voiceai", "crypto", "bitcoin", "blockchain", "web3", "golang",
    "rails", r"node\.?js", "python", "rust", "ios", "android", "linux", "macos", "webrtc",
    "distributed systems", "systems", "research", "lab", "team", "growth",
    # a function without a role word ("Machine Learning | Infra")
    "infra(?:structure)?", "platforms?", "mlops", "qa",
    "privacy", "productivity", "communications", "development", "data", "university", "commission", "trial",
    "comp", "compensation", "people", "openings?", "seniority", "fluency", "english", "contract", "rate", "lpa",
]
# (grouped by first letter: ``_by_first_letter``; the same matches for a search or a full match)
_NOT_PLACE = re.compile(rf"\b(?:{_by_first_letter(_NOT_PLACE_FORMS)}|[\w-]*tech)\b|%|\+\+", re.IGNORECASE)


_FIELD = re.compile(_by_first_letter(_NOT_PLACE_FORMS), re.IGNORECASE)  # (``field_words``)


# Case-sensitive twins of case-insensitive regexes, for an ASCII part in lower case (``_found``):
# the same matches (each letter they name is in lower case, and no other character than ASCII
# letters takes another case), at half the cost or less. ``_NOT_PLACE``'s twin finds a word
# ending on "tech" as "tech" at the end of a word: "[\w-]*tech" after a word boundary finds one
# wherever "tech" ends a word (going back from it over letters and hyphens meets a boundary).
_NOT_PLACE_LOWER = re.compile(rf"\b(?:{_by_first_letter(_NOT_PLACE_FORMS)})\b|%|\+\+|tech\b")
_ROLE_WORDS_LOWER = re.compile(_ROLE_WORDS.pattern)
_EMPLOYMENT_LOWER = re.compile(_EMPLOYMENT.pattern)


def _found(pattern: re.Pattern[str], twin: re.Pattern[str], part: str, low: str | None) -> bool:
    """Whether ``pattern`` finds a match in ``part``: its lower-case ``twin`` searches ``low``,
    the part in lower case when it is ASCII; else (None) ``pattern`` searches the part."""
    return (pattern.search(part) if low is None else twin.search(low)) is not None


# What a remote segment holds besides a place ("Remote (US)", "NYC area (hybrid)"); "no remote"
# names no place either.
_REMOTE_ONLY = re.compile(
    r"^[\s()\[\],/&+.:;-]*(?:(?:remote|hybrid|on-?site|in[- ]office|wfh|work from home|only|"
    r"friendly|ok|possible|first|full[- ]?time|part[- ]?time|part|all|fully|partially|mostly|100%|or|and|"
    r"no|not)"
    r"[\s()\[\],/&+.:;-]*)*$",
    re.IGNORECASE,
)
# An eligibility segment ("Security clearance required", "US citizens only"): "security" there
# names the clearance, not a security role.
_ELIGIBILITY = re.compile(r"\b(?:clearance|citizens?(?:hip)?|sponsorship|visas?)\b", re.IGNORECASE)
_URLISH = re.compile(r"^(https?://|www\.)|\.(com|io|ai|org|dev|co|net)(/\S*)?$", re.IGNORECASE)

# ``_ROLE_WORDS`` without its word boundaries: a line it does not match gives ``parse_header``
# no role (a role is a segment ``_ROLE_WORDS`` matches, and every segment ``parse_header``
# classifies is a cut of the line), so a caller that only wants the roles may skip the read.
ROLE_WORD_ANYWHERE = re.compile(_ROLE_WORDS.pattern.replace(r"\b", ""), _ROLE_WORDS.flags)


# A work mode in a header segment; not one ruled out or part of the week ("no remote",
# "ONSITE+PART REMOTE", "Hybrid (2 days remote, 3 in office)"). (The word boundary first: the
# look-behinds are tried only where a word starts, the same matches at half the cost.)
_MODE_WORD = re.compile(
    r"\b(?:(?<!no )(?<!not )(?<!part )(?<!part-)(?<!day )(?<!days )(remote)"
    r"|(hybrid|on-?site|in[- ]office|wfh|work from home))\b",
    re.IGNORECASE,
)
_MODE_OF = {"remote": "remote", "wfh": "remote", "work from home": "remote", "hybrid": "hybrid"}
def _may_name_mode(part: str) -> bool:
    """False when neither ``_REMOTE`` nor ``_MODE_WORD`` can match in ``part``: it is ASCII and
    its lower case holds none of their words ("on-?site" holds "site", "in[- ]office"
    "office"), a few substring tests instead of a regex search. A part with other characters
    is left to the regexes, whose case-insensitive matching also takes "ı" for "i" and "ſ"
    for "s"."""
    if not part.isascii():
        return True
    low = part.lower()
    return ("remote" in low or "site" in low or "hybrid" in low or "office" in low or "wfh" in low
            or "work from home" in low)


# A segment that names no place: "Various", "Multiple locations", "TBD".
_VAGUE = re.compile(
    r"(?:various|varies|multiple|several|many|tbd|n/?a)(?:\s+(?:locations?|places|cities|offices|"
    r"countries|sites))?",
    re.IGNORECASE,
)


# The words of a work schedule ("3 days/week", "2x per week", "one day a month").
_SCHEDULE_GATE = re.compile(r"\d|\bdays?\b", re.IGNORECASE)
_SCHEDULE = re.compile(
    r"\b(?:\d+(?:\s*[-–/]\s*\d+)?x?\b(?!%)|(?:one|two|three|four|five|days?|week|wk|month|per|a)\b)",
    re.IGNORECASE,
)


# A time zone or the hours to overlap with, and the words around it ("Remote-first with PST
# overlap", "REMOTE (CET +/- 2h)", "Remote (UTC-1 to UTC+5)", "Remote PT/ET Hours"): when
# to work, not where. A place left beside it still counts ("Remote (US time zones)").
_ZONE_GATE = re.compile(r"\b(?:UTC|GMT|[PMCE][SD]?T|CES?T|EES?T|WET|BST|AEST|IST|time[- ]?zones?|tz|"
                        r"hours|hrs|overlap)\b|±", re.IGNORECASE)
_ZONE = re.compile(
    r"\b(?:UTC|GMT|[PMCE][SD]?T|CES?T|EES?T|WET|BST|AES?T|IST)\b"
    r"|\b(?:pacific|eastern|central|mountain)\s+time(?:\s+zones?)?\b"
    r"|\b(?:pacific|eastern|central|mountain|west coast|east coast)(?=\s+(?:hours|hrs|time)\b)"
    r"|\b(?:time[- ]?zones?|tz|hours|hrs|overlap(?:ping)?|crossover|preferred|required|friendly|welcome"
    r"|with|within|to|of|some|must|meetings?|close|hiring)\b|\bw/"
    r"|\+/-|[+±-]{1,2}\s*\d+(?::\d\d)?\s*h?\b|\b\d+(?::\d\d)?\s*h?\b|±",
    re.IGNORECASE)
_ZONE_GATE_LOWER = re.compile(_ZONE_GATE.pattern.lower())  # (``_found``'s twin)
_LETTERS = re.compile(r"[^\W\d_]{2}")


# A segment that only says the kinds of contract: "Full time, interns/co-ops" ("interns" there
# is a kind of contract next to another, not a role's title; "Interns" alone is the role).
_EMPLOYMENT_ONLY = re.compile(
    r"(?=.*\b(?:full|part)[- ]?time\b)(?:[\s,/&+().-]*(?:full[- ]?time|part[- ]?time|contract(?:or)?s?|"
    r"interns?(?:hips?)?|co-?ops?|freelance|permanent|and|or))+[\s,/&+().-]*", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[a-z]{3}[.!?] [A-Z]")  # (not "St. Louis")
_DIGIT = re.compile(r"\d")


def _may_name_employment(low: str | None) -> bool:
    """False when ``_EMPLOYMENT`` cannot match: ``low``, an ASCII part in lower case, holds none
    of its words (None, a part with other characters, is left to the regex)."""
    return low is None or ("time" in low or "contract" in low or "intern" in low
                           or "freelance" in low or "permanent" in low)


def segment_kind(part: str) -> str:
    """What one segment of a header is: "url", "salary", "employment", "remote" (a work mode
    alone), "remote-location" (a mode with a place), "role", "location", or "other" (a note,
    field or time zone: no place). The header reader's rules, and the Reddit title reader's
    for a segment that is no company's name."""
    # (the cheap tests first, each regex once: a URL holds "." or "://", pay a digit; each
    # employment form holds an ``_EMPLOYMENT`` match: its words, "full time" in
    # ``_EMPLOYMENT_ONLY``'s look-ahead)
    if len(part) > 100 and _SENTENCE_END.search(part):
        return "other"  # (the post's first paragraph run into the header: no field)
    if ("." in part or "://" in part) and _URLISH.search(part):
        return "url"
    if _DIGIT.search(part) and _SALARY.search(part):
        return "salary"
    low = part.lower() if part.isascii() else None
    role = _found(_ROLE_WORDS, _ROLE_WORDS_LOWER, part, low)
    if _may_name_employment(low) and _found(_EMPLOYMENT, _EMPLOYMENT_LOWER, part, low) and (
        _EMPLOYMENT.fullmatch(part.strip()) or _EMPLOYMENT_ONLY.fullmatch(part) or (len(part) < 30 and not role)
    ):
        return "employment"
    if not role and _may_name_mode(part) and _REMOTE.search(part):
        # (a schedule says how, not where: "HYBRID (2-3 days/week)", "In-office 4 days")
        how = _SCHEDULE.sub(" ", part) if _SCHEDULE_GATE.search(part) else part
        if _ZONE_GATE.search(how):  # (and a time zone says when: "Remote-first with PST overlap")
            how = _ZONE.sub(" ", how)
        if len(how) < 25:
            # "Remote" alone says how; "Remote (US)" and "NYC area (hybrid)" also say where
            return "remote" if _REMOTE_ONLY.match(how) else "remote-location"
    if role:
        if _ELIGIBILITY.search(part) and {w.lower() for w in _ROLE_WORDS.findall(part)} == {"security"}:
            return "other"
        return "role"
    if _found(_NOT_PLACE, _NOT_PLACE_LOWER, part, low) or _VAGUE.fullmatch(part):
        return "other"
    if _found(_ZONE_GATE, _ZONE_GATE_LOWER, part, low) and not _LETTERS.search(_ZONE.sub(" ", part)):
        return "other"  # (a time zone alone: "Eastern Time Zone", "Hiring GMT-8 to GMT+2")
    return "location"


# A label that says the post hires, before or after a header's role ("Hiring Product
# Engineers", "HIRING: Frontend Developer", "Now hiring: ML Engineer", "ML Engineer - Now
# Hiring", "Full Stack Engineer Hiring: Berlin"); a role of hiring itself keeps it ("Hiring
# Coordinator", "Head of Hiring").
_HIRING_LEAD = re.compile(
    r"^(?:(?:now|we(?:'|’)?re|we\s+are|also)\s+)?hiring\b"
    r"(?![\s:–—-]*(?:coordinators?|managers?|partners?|specialists?|leads?|assistants?)\b)"
    r"(?:\s+for\b)?[\s:–—-]*", re.IGNORECASE)
_HIRING_TAIL = re.compile(
    r"(?<!\bof)[\s:–—-]+(?:(?:now|we(?:'|’)?re|we\s+are|also)\s+)?hiring(?:\s*:\s.*)?$",
    re.IGNORECASE)


def _hiring_label_off(part: str) -> str:
    """A header's role without a hiring label before or after it (``_HIRING_LEAD``,
    ``_HIRING_TAIL``), or the part as it is when nothing is left."""
    rest = _HIRING_TAIL.sub("", _HIRING_LEAD.sub("", part, count=1)).strip()
    return rest or part


def field_words(segment: str) -> bool:
    """Whether a header's segment is, whole, a field, trade, stack or function the header
    reader takes for no place ("Robotics", "Infra", "Platform", "Research", "Growth"):
    ``_NOT_PLACE_FORMS`` (not a name ending on "tech", as "Initech")."""
    return _FIELD.fullmatch(segment.strip()) is not None


def parse_header(line: str, text: str = "") -> dict[str, Any]:
    """Read a ``Company | Role | Location | ...`` header into fields (``text``: the post's
    whole text, whose links may name the company of a header that starts with a role).

    Returns a dict with ``company``, ``roles`` (list), ``locations`` (list),
    ``remote`` (str or None), ``employment_type``, ``salary_text``, ``url``;
    fields that are absent are None or empty. (A fresh dict each call, of the last few
    readings kept, ``_read_header``: ``mljobs enrich`` reads an HN post's header for its
    roles, ``roles.listed_roles``, then right after for its names, ``pipeline._post_names``.)
    """
    read = _read_header(line, text)
    return {**read, "roles": list(read["roles"]), "locations": list(read["locations"])}


# (a few: the readings of one post's header follow each other; each holds its text)
@functools.lru_cache(maxsize=4)
def _read_header(line: str, text: str) -> dict[str, Any]:
    """``parse_header``'s reading, kept for the next call with the same line and text (which
    ``parse_header`` copies, so that no caller changes it)."""
    parts = _segments(line)
    out: dict[str, Any] = {
        "company": None, "roles": [], "locations": [], "remote": None,
        "employment_type": None, "salary_text": None, "url": None,
    }
    if not parts:
        return out
    if len(parts) == 1:  # (no pipe: other separators, "Company: X", "X is hiring ...")
        parts, named = _unpiped(parts[0])
        if len(parts) == 1 and not named and _role_at(parts[0]) is not None:
            named = True  # ("Founding Engineer @ Conductor (San Francisco, ONSITE)")
        elif len(parts) == 1:
            m = _COMPANY_FIELD.match(parts[0])
            out["company"] = _clean_company(m.group(1)) if m else _clean_company(parts[0]) if named else None
            if not named:  # (a line of places, or a header split by slashes: its places)
                out["locations"], out["remote"] = _line_places(parts[0])
            return _sentence_places(out, line)
    company, fields = _company_and_fields(parts, text)
    out["company"] = company
    if company is not None:  # a place in brackets after the name ("Spruce (London, UK)")
        place = _name_place(parts, company)
        if place:
            fields = [place, *fields]
    modes: set[str] = set()
    for part in fields:
        kind = segment_kind(part)
        if kind == "role":
            if "iring" in part or "IRING" in part:
                part = _hiring_label_off(part)
            part, at_place = _role_and_place_at(part)
            if at_place is not None:  # ("Hiring ML Engineer at NYC | Remote")
                out["locations"].append(at_place)
            out["roles"].extend(_joined_titles(part))
            place = _role_place(part)
            if place is not None:  # ("SF Onsite (Designer Remote)": a place beside its mode)
                out["locations"].append(place)
        elif kind == "salary" and out["salary_text"] is None:
            out["salary_text"] = part
        elif kind == "employment":
            if out["employment_type"] is None:
                out["employment_type"] = part
            place = _contract_place(part)
            if place is not None:  # ("REMOTE (US) Full-Time": a mode and a place too)
                out["locations"].append(place)
                kind = "remote-location"
        elif kind == "url" and out["url"] is None:
            out["url"] = part
        elif kind in ("location", "remote-location"):
            out["locations"].append(part)
        elif kind == "other" and (place := _role_place(part)) is not None:
            out["locations"].append(place)  # ("REMOTE (UK) Company: We are ...")
        if kind in ("remote", "remote-location", "location", "role", "other") and _may_name_mode(part):
            for remote, other in _MODE_WORD.findall(part):
                modes.add(_MODE_OF.get((remote or other).lower(), "onsite"))
    # Work modes named side by side ("ONSITE / HYBRID", "Remote or Onsite") offer each: the
    # freest one is the mode.
    if modes:
        out["remote"] = _freest(modes)
    return _sentence_places(out, line)


def _freest(modes: set[str]) -> str:
    """The freest of work modes named side by side ("ONSITE / HYBRID", "Remote or Onsite"
    offer each; LABELS.md: "remote or hybrid" is remote if fully remote is allowed)."""
    return "remote" if "remote" in modes else "hybrid" if "hybrid" in modes else "onsite"


# A header that hires in a sentence ("We're hiring engineers in Berlin and Lisbon", "Acme is
# hiring in Austin for a full-time, onsite position"), and the names after its "in": words
# written with a capital ("NYC", "Cambridge, MA"), joined by commas, slashes, "and", "or", "&",
# after a word that says which part, if one does ("in the US", "in downtown SF"); a name may
# start with "St.", "Ft." or "Mt." ("in St. Louis, MO")
_HIRING_WORD = re.compile(r"\b(?:hiring|looking for|seeking)\b", re.IGNORECASE)
_IN_NAMES = re.compile(r"\b[Ii]n\s+(?:(?:the|downtown|central|greater|midtown)\s+)?((?:(?:[SFM]t\.\s*)?[A-Z][\w'’-]*)(?:(?:\s*[,/&]\s*|\s+)(?:(?:and|or)\s+)?"
                       r"(?:the\s+)?(?:[SFM]t\.\s*)?[A-Z][\w'’-]*)*)")
# (a later name's "the" is no name: "in Canada or the US")
_NAME_LIST = re.compile(r"\s*[,/&]\s*(?:(?:and|or)\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")
# the most names after an "in" read as a shorter list of places than all of them
_MOST_NAMES = 20


# A local team or office the header names ("Join our Bozeman, MT team", "hiring for our NYC
# office"): one to three capitalised words after "our" (a name may start with "St.", "Ft." or
# "Mt.") right before the noun.
_TEAM_NAMES = re.compile(r"\b[Oo]ur\s+((?:[SFM]t\.\s*)?[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*){0,2}),?\s+"
                         r"(?:team|office|hub|studio)s?\b")


def _sentence_places(out: dict[str, Any], line: str) -> dict[str, Any]:
    """``out`` with the places a hiring sentence of the header names after "in", when no
    segment gave one: the most names after an "in" that are all places (all of them, or
    at most ``_MOST_NAMES`` when not all are: "in Denver,
    Chicago, and London. Onsite" is "Denver, Chicago, London"; "in Cambridge, MA (ONSITE)"
    "Cambridge, MA"); nothing when the first is none ("engineers in Machine Learning", "in
    Python and Go"). Else the places of the local teams the header names (``_team_places``)."""
    if out["locations"]:
        return out
    if not _HIRING_WORD.search(line):
        return _team_places(out, line)
    for found in _IN_NAMES.finditer(line):
        names = _NAME_LIST.split(found.group(1))
        # (all of them, then at most ``_MOST_NAMES``: a line of thousands of names that are no
        # places was read with the square of its length, 6 s for 50 KB)
        for n in (len(names), *range(min(len(names) - 1, _MOST_NAMES), 0, -1)):
            if _all_places(", ".join(names[:n])):
                out["locations"].append(", ".join(names[:n]))
                break
    return _team_places(out, line)


def _team_places(out: dict[str, Any], line: str) -> dict[str, Any]:
    """``out`` with the places of the local teams or offices a header names (``_TEAM_NAMES``:
    "Join our Bozeman, MT team", "our US team"), when nothing gave one: names that are all
    places (``_all_places``) or a place as written (``places.is_written_place``: "US",
    "Bozeman, MT"), or a place and "based" ("our London-based team"); not a team of the
    company's ("our Platform team")."""
    if not out["locations"] and "ur " in line:
        out["locations"] = [m.group(1) for m in _TEAM_NAMES.finditer(line)
                            if _all_places(m.group(1)) or places.is_written_place(m.group(1))]
    return out


# the words that may stand between places on a line of places ("Remote or Netherlands",
# "(AU ONLY / REMOTE)", "Fully remote / US")
_PLACE_LINE_WORDS = places.MODE_WORDS | {"only", "or", "and", "fully", "based"}


def _all_places(text: str) -> bool:
    """Whether a piece of a header is all names of places and words that may stand between
    them (``_PLACE_LINE_WORDS``), a code in capitals ("AUS", "MA" after a city:
    ``places.is_code``) too, and names a country or region (``places.read_places``)."""
    words = _LOWER_WORD.findall(text)
    codes = {w.lower() for w in words if places.is_code(w)}
    if not places.is_place([w.lower() for w in words], _PLACE_LINE_WORDS | codes):
        return False
    read = places.read_places([text])
    return bool(read.countries or read.regions)


# the segments of a header split by slashes ("Acme / ML Engineer / NYC / Full-time")
_SLASH_SPLIT = re.compile(r"\s*/\s+|\s+/\s*")


def _line_places(line: str) -> tuple[list[str], str | None]:
    """The places and work mode of a header line with no pipe that named no company: the
    line itself when it is all places and work modes ("Remote / NYC / London", "(AU ONLY /
    REMOTE)"), else the place segments of a line whose segments are split by slashes and
    read as a header's (``_header_like``: "Acme / ML Engineer / NYC / Full-time")."""
    if _all_places(line):
        modes = _modes_of(line)
        return [line.strip("()[] ")], _freest(modes) if modes else None
    parts = [p.strip() for p in _SLASH_SPLIT.split(line) if p.strip()]
    if len(parts) < 3 or not _header_like(parts):
        return [], None
    found, modes = [], set()
    for part in parts[1:]:
        kind = segment_kind(part)
        if kind in ("location", "remote-location") and _all_places(part):
            found.append(part)
        if kind in ("remote", "remote-location", "location"):
            modes |= _modes_of(part)
    return found, _freest(modes) if modes else None


# Two titles or more joined in one segment by "+", "&" or "and" outside brackets ("Founding
# (AI/Software) Engineer + Founding Research Scientist", "Cryptographic Engineer & Protocol
# Engineer"): each piece of two words or more ending on a role noun (a note in brackets after
# it), and no comma in the segment. Not a level or a kind before one noun ("Senior & Staff
# Engineers", "Backend + Data Engineer", "Founding Engineers and Designer"), nor a role and its
# field ("Director of Computational Biology and AI Scientists").
_JOINED = re.compile(r"\s+(?:\+|&|and)\s+", re.IGNORECASE)
_BRACKET = re.compile(r"[()]")


def _joined_titles(part: str) -> list[str]:
    """The titles a header's role segment joins (``_JOINED`` outside brackets: the first
    bracket after the joiner is no closing one), or the segment alone. (The brackets are
    found once: a look-ahead to the next bracket after each joiner read a segment of many
    joiners and no bracket in time growing with the square of its length.)"""
    if "," in part or ("+" not in part and "&" not in part and "and" not in part.lower()):
        return [part]  # (no joiner: "and" has no other case than its ASCII letters')
    joins = list(_JOINED.finditer(part))
    if not joins:
        return [part]
    brackets = [(b.start(), b.group()) for b in _BRACKET.finditer(part)]
    pieces, start, k = [], 0, 0
    for m in joins:
        while k < len(brackets) and brackets[k][0] < m.end():
            k += 1
        if k < len(brackets) and brackets[k][1] == ")":
            continue  # (inside brackets: "Founding (AI and Software) Engineer")
        pieces.append(part[start:m.start()].strip())
        start = m.end()
    if not pieces:
        return [part]
    pieces.append(part[start:].strip())
    if all(len(p.split()) >= 2 and _ENDS_ON_NOUN.search(p) for p in pieces):
        return pieces
    return [part]


# A role noun: a first segment that holds one (and names no company in the same breath) puts
# the role first ("Senior ML Engineer | Ping Data Intelligence | ...").
_ROLE_NOUN = re.compile(r"\b(?:engineers?|developers?|scientists?|researchers?|designers?|"
                        r"managers?|architects?|analysts?|directors?|swes?|interns?)\b", re.IGNORECASE)
_ENDS_ON_NOUN = re.compile(rf"(?:{_ROLE_NOUN.pattern})(?:\s*\([^()]*\))?$", re.IGNORECASE)
_COMPANY_FIELD = re.compile(r"^company\s*:\s*(.+)$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b\S+\.(?:com|io|ai|org|dev|co|net)\b\S*", re.IGNORECASE)
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# What follows a company name in its own segment: "(YC W24)", " - building X", " — Remote".
_AFTER_NAME = re.compile(r"\s*\(.*?\)\s*$|\s+(?:-{1,2}|–|—)\s.*$")
# An empty bracket ("( )", "(, )") or one left open at the end: every match holds "(" (a test
# ties the cheap test for it to the regex).
_EMPTY_BRACKET = re.compile(r"\(\s*[,;]?\s*\)|\(\s*$")
_WORD_CHAR = re.compile(r"\w")


def _clean_company(part: str) -> str | None:
    """The company name a segment holds, without a URL, a bracketed note at its end or
    what follows a spaced dash; None when nothing of a name is left ("-")."""
    name = _AFTER_NAME.sub("", part.strip())
    if _URL.search(name) and not _URL.fullmatch(name):  # (a bare domain may be the name)
        name = _AFTER_NAME.sub("", (_LINK.sub(" ", name).strip() or name))
    if "(" in name:
        name = _EMPTY_BRACKET.sub("", name)
    name = name.strip(" -–—:,;")
    return name if _WORD_CHAR.search(name) else None


def _domain_matches(name: str, domain: str) -> bool:
    """Whether a segment may be the company of a URL: its letters and the domain's first
    label start alike ("Ping Data Intelligence" and pingintel.com)."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    return len(key) >= 3 and domain[:4] == key[:4]


def _label_is(name: str, domain: str) -> bool:
    """Whether a domain of the post's text is the segment's own ("TestGorilla" and
    testgorilla.com, talent@testgorilla.com or testgorilla-1680540968.teamtailor.com): the
    letters of its first label are the name's letters (a looser match than a header URL's,
    as the text links to other sites too)."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    label = re.sub(r"[^a-z]", "", re.split(r"[.]", domain.rpartition("@")[2], maxsplit=1)[0])
    return len(key) >= 4 and label == re.sub(r"[^a-z]", "", key)


# What a place segment holds and a company's name does not: a list or a region ("Oslo,
# Norway", "Munich/Remote", "NYC or SF", "Bay Area"), a short code in capitals ("NYC").
_PLACE_CUE = re.compile(
    r"[,/&]|\b(?:or|and|area|city|county|bay|metro|region|state|anywhere|global|worldwide|"
    r"based|gmt|utc|[cp][se]?t|timezones?|us|usa|uk|eu|emea|apac|latam|europe|asia|africa|"
    r"americas?|canada|india|germany|france|japan|china|australia|brazil|mexico)\b"
    r"|^[A-Z]{2,3}$",
    re.IGNORECASE,
)
# What a segment says of the offer or the firm, not its name ("Defense Startup", "Series B",
# any figure: "3 Openings"); the Reddit title reader's too.
OFFER = re.compile(
    r"\b(?:visas?|sponsorship|relocation|equity|benefits|series [a-f]|funding|funded|seed|"
    r"start-?ups?|citizens?(?:hip)?|clearance|salary|comp(?:ensation)?|people|openings?|"
    r"stealth|hiring|wanted|contract|rate)\b|[%$€£]|\d",
    re.IGNORECASE,
)
# Words that end or fill a firm's name ("Redistricting Data Hub", "Acme Labs", "Foo Inc.").
_FIRM_WORD = re.compile(
    r"\b(?:inc|llc|ltd|gmbh|corp(?:oration)?|co|company|labs?|technologies|systems|group|hub|"
    r"ai|software|health|capital|studios?|ventures|partners|foundation|institute|bio|"
    r"robotics|analytics|data|networks|solutions|dynamics|security|games|therapeutics|"
    r"intelligence|industries|university)\b\.?",
    re.IGNORECASE,
)
# A brand written in one lower-case word ("deepset", "n8n", "control-f"); places are written
# with a capital, so a role-first header's lower-case segment is its company, not a place.
_BRAND = re.compile(r"[a-z][a-z0-9]*(?:[-.'][a-z0-9]+)*")
# Places a header may write in lower case: ``data/places.txt`` (``known_places``).
_PLACES_FILE = Path(__file__).resolve().parents[1] / "data" / "places.txt"


@functools.cache
def known_places() -> frozenset[str]:
    """The one-word places of ``data/places.txt`` (cities that hire in tech, countries
    ``_PLACE_CUE`` does not name), read once, when a one-word lower-case header segment is
    first looked up."""
    return frozenset(w for line in _PLACES_FILE.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("#") for w in line.split())
# A name written in one word with a capital inside ("TestGorilla", "PostHog").
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$")


def _is_name(part: str, domains: list[str], text: str = "") -> bool:
    """Whether a header segment that is no role, salary, URL or work mode names the company
    of a role-first header: a domain of the post is the segment's, or the segment is no
    place and no offer note and reads as a firm's name (one word with a capital inside, or
    words with a firm word among them that are not all a field's, or one lower-case word that
    is no field's and no place's, known or written so in the ``text``: "deepset", not
    "berlin", nor "heidelberg" when the text says "in Heidelberg")."""
    if any(_label_is(part, d) for d in domains):
        return True
    name = _AFTER_NAME.sub("", part).strip()
    if not name or _PLACE_CUE.search(name) or OFFER.search(name):
        return False
    if len(name) >= 2 and _BRAND.fullmatch(name):  # a brand written in lower case ("deepset"): a place is not
        return not _NOT_PLACE.search(name) and not _VAGUE.fullmatch(name) \
            and (name not in known_places() or _written_as_brand(name, text)) \
            and not _named_as_place(name, text) \
            and not _skill_word(name)
    if _CAMEL.match(name):
        return not _NOT_PLACE.search(name) and not _skill_word(name)
    words = name.split()
    return (len(words) >= 2 and bool(_FIRM_WORD.search(name))
            and any(not _NOT_PLACE.fullmatch(w) and not _FIRM_WORD.fullmatch(w) for w in words))


# What a place follows in a post ("our lab in Heidelberg", "relocate to Heidelberg", "work
# from Heidelberg"); not a bare "to" or "from", which a company follows as often ("Welcome
# to Deepset", "Apply to Modal", "engineers from Hugo").
_PLACE_BEFORE = r"(?i:\b(?:in|near|around)|\b(?:relocat\w*|mov(?:e|ing)|commut\w*) to|\b(?:work|working|remote(?:ly)?) from)"


def _named_as_place(word: str, text: str) -> bool:
    """Whether the post's text writes a lower-case header word capitalised, as a place:
    "heidelberg" of a text saying "our office in Heidelberg" (a brand written in lower
    case keeps its case in the text)."""
    if not text:
        return False
    capital = word[:1].upper() + word[1:]
    return capital in text and re.search(
        rf"{_PLACE_BEFORE}\s+{re.escape(capital)}\b", text) is not None


def _written_as_brand(word: str, text: str) -> bool:
    """Whether the post's text, past its header line, writes a lower-case header word that
    is a known place in lower case again, and never after a place's cue: a brand ("phoenix
    builds observability for LLM apps"), as places are written with a capital."""
    if not text or word not in text:
        return False
    start = min((i for i in (text.find("\n"), text.find("<p>")) if i >= 0), default=len(text))
    found = False
    for m in re.finditer(rf"(?<![\w.@/-]){re.escape(word)}(?![\w@/-]|\.\w)", text[start:]):
        if re.search(rf"{_PLACE_BEFORE}\s+$", text[max(0, start + m.start() - 30):start + m.start()]):
            return False
        found = True
    return found


def _skill_word(word: str) -> bool:
    """Whether a word is a skill's name (a stack segment: "PyTorch", "TypeScript")."""
    from mljobs.enrich.skills import (  # (the taxonomy: only for a role-first header)
        norm_key,
        skill_keys,
    )

    return norm_key(word) in skill_keys()


def _domain(url: str) -> str:
    """The host of a URL, a bare domain or an email address, lower case, without www."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).rpartition("@")[2]


def _company_and_fields(parts: list[str], text: str = "") -> tuple[str | None, list[str]]:
    """The company of a header's segments and the segments left to read as fields.

    The first segment is the company, but for a "Company: X" segment, and for a first
    segment that is a role ("Senior ML Engineer | Ping Data Intelligence | ..."): then the
    company is the segment that the header's URL names, else the segment that a domain of
    the post's ``text`` is (an email address's too), else the first segment that reads as
    a firm's name and not as a place, a field or a note on the offer (``_is_name``); else
    there is none, and the role is a field.
    """
    for i, part in enumerate(parts):
        m = _COMPANY_FIELD.match(part) if ":" in part else None
        if m:
            return _clean_company(m.group(1)), parts[:i] + parts[i + 1:]
    lead = parts[0]
    colon = _NAME_COLON.match(lead)
    if colon is not None and segment_kind(colon.group("name")) != "role" \
            and not _SENTENCE.match(colon.group("name")) and segment_kind(colon.group("role")) == "role":
        return _clean_company(colon.group("name")), [colon.group("role"), *parts[1:]]
    at = _role_at(lead)
    if at is not None and _all_places(at.group("company")):
        # ("Senior ML Engineer at NYC | $200k": the place the role is at, not its company)
        parts = [at.group("role"), at.group("company"), *parts[1:]]
        lead = parts[0]
    elif at is not None:
        after = at.group("after").strip()
        place = [after[3:].strip()] if after.startswith("in ") else []
        return _clean_company(at.group("company")), [at.group("role"), *place, *parts[1:]]
    # (a role noun that starts the segment starts a name: "Architect Financial Technologies";
    # a kind of position is a role: "CS PhD position | Chalmers University | ...")
    role_noun = _ROLE_NOUN.search(lead)
    noun = role_noun or _KIND_OF_POSITION.search(lead)
    if (noun and (noun.start() > 0 or noun.end() == len(lead)) and segment_kind(lead) == "role"
            and segment_kind(parts[1]) != "role"):
        domains = [_domain(u) for p in parts[1:] for u in _URL.findall(p)]
        for i, part in enumerate(parts[1:], 1):
            if segment_kind(part) in ("location", "other") and any(
                    _domain_matches(part, d) for d in domains):
                return _clean_company(part), parts[:i] + parts[i + 1:]
        named = [d for u in _URL.findall(text) if (d := _domain(u))] if text else []
        for i, part in enumerate(parts[1:], 1):
            if segment_kind(part) in ("location", "other") and _is_name(part, named, text):
                return _clean_company(part), parts[:i] + parts[i + 1:]
        if role_noun is not None or not _names_a_firm(lead):
            return None, parts
        # (a "Position" written as a name's word, and no later segment names the firm: a
        # firm's name, "Pole Position | Remote | ML Engineer", the company as before)
    return _clean_company(lead), parts[1:]


# A first segment that names a kind of position, not a firm: "CS PhD position", "Postdoc
# positions" (``_company_and_fields``).
_KIND_OF_POSITION = re.compile(r"\w[ \t]+positions?[ \t]*$", re.IGNORECASE)
# (its singular written with a capital, as a name's last word is: "Pole Position")
_NAME_POSITION = re.compile(r"\bPosition[ \t]*$")
# Words that say what kind of position it is, not a firm's name ("PhD Position", "Open
# Position", "Faculty Position"; ``_names_a_firm``)
_POSITION_KIND = re.compile(
    r"\b(?:open|job|vacant|new|ph\.?d\.?|post-?docs?|post-?doctoral|doctoral|faculty|tenure[- ]track|"
    r"research|internship|student|graduate|visiting|teaching|academic|permanent|temporary|"
    r"fixed[- ]term|staff|senior|junior|entry[- ]level|lead|principal)(?!\w)", re.IGNORECASE)


def _names_a_firm(lead: str) -> bool:
    """Whether a first segment ending in a capitalised "Position" is a firm's name ("Pole
    Position"), not a kind of position written in title case ("PhD Position", "Open
    Position", "Full-time Position", "Machine Learning Position"): no word before it says
    a kind, a level, a field or a kind of employment."""
    m = _NAME_POSITION.search(lead)
    if m is None:
        return False
    before = lead[:m.start()].strip()
    return (bool(before) and _POSITION_KIND.search(before) is None
            and segment_kind(before) not in _FIELD_KINDS and not any(map(field_words, before.split())))


# Separators of a header written without pipes: spaced dashes ("Wolf Games — Director of
# Engineering — Remote (US) — Contract", "Tram Case - SRE - Fully remote") or semicolons
# ("Krea; Fulltime; Onsite, San Francisco").
# the kinds of header field (``segment_kind``) that only a header holds
_FIELD_KINDS = frozenset({"role", "remote", "remote-location", "salary", "employment", "url"})
_UNPIPED_SPLIT = re.compile(r"\s+(?:-{1,2}|–|—)\s+|\s*;\s+")
# How a sentence starts, not a header's first segment ("Hey HN - I'm ...", "Hiring – REMOTE").
_SENTENCE = re.compile(
    r"^(?:we|we're|we’re|we've|i|i'm|i’m|i've|hey|hi|hello|our|at|by|join|looking|seeking|"
    r"hiring|now|if|this|the|a|an|my|you|your|are|is|do|does|what|why|how|who|edit|note|"
    r"location|remote|onsite|hybrid)\b", re.IGNORECASE)
# "Acme (YC W24) Is Hiring Founding Engineers", "telli is hiring [Berlin, on-site]", "Terra API
# (YC W21) Hiring: Applied AI Strategist": the name, and what follows (roles, places).
_IS_HIRING = re.compile(
    r"^(?P<name>[^\s(][^()]{0,50}?(?:\s*\([^()]{0,40}\))?)\s+(?:(?:is|are)\s+(?:now\s+|actively\s+)?"
    r"(?:hiring|looking for)\b|hiring\s*:)[\s:–—-]*(?P<rest>.*)$", re.IGNORECASE)


# A header line that is a sentence naming the company first: "At Peregrine, we are ...", "We at
# Avride are hiring ...", "Sumble is the newco from ...", "Norm is building AI that ...". The
# name is one to four capitalised words (and a note in brackets).
_NAME_WORD = r"[A-Z0-9][\w.&'’+-]*"  # one capitalised word of a company's name
_NAME_WORDS = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_NAME_SENTENCE = re.compile(
    rf"^(?:(?i:at)\s+(?P<at>{_NAME_WORDS})(?:\s*\([^()]{{0,60}}\))?,\s+(?i:we)\b"
    rf"|(?i:we\s+at)\s+(?P<we>{_NAME_WORDS})\s+(?:are|have)\b"
    rf"|(?P<is>{_NAME_WORDS})(?:\s*\([^()]{{0,60}}\))?\s+is\s+(?:an?|the|building)\s)")
_NOT_NAME = frozenset(["it", "there", "here", "that", "which", "everyone", "everything", "nothing",
                       "one", "each", "he", "she", "they", "it's", "what's", "life", "work"])


# A first line that says in one sentence whom the company hires: "We're hiring a Founding GTM
# Lead at Skyfall AI.", "Hey! We are hiring for a Senior ML Engineer @ Acme": the role (a
# capitalised title) and the company's name (``_NAME_WORDS``), whose words ("Skyfall AI") are
# no part of the role's title.
_WE_HIRE_AT = re.compile(
    r"^(?i:(?:(?:hey|hi|hello)(?:\s+(?:hn|all|everyone|folks))?[\s!,.]+)?"
    r"(?:we(?:'|’)?re|we\s+are)\s+(?:now\s+|currently\s+|also\s+)?hiring\s+(?:for\s+)?(?:an?\s+|the\s+|our\s+)?)"
    rf"(?P<role>[A-Z][^.!?@]{{1,60}}?)\s+(?:(?i:at)\s+|@\s*)(?P<company>{_NAME_WORDS})\s*[.!]?$")


def _we_hire_at(line: str) -> tuple[str, str] | None:
    """The company and the role of a first line that is a hiring sentence (``_WE_HIRE_AT``),
    or None."""
    we = _WE_HIRE_AT.match(line) if "iring" in line or "IRING" in line else None
    if we is None or not _ROLE_WORDS.search(we.group("role")) or _SENTENCE.match(we.group("role")):
        return None
    return we.group("company").rstrip("."), we.group("role")


def hiring_sentence_role(line: str) -> str | None:
    """The role a first line that is a hiring sentence names ("Hey! We're hiring for a
    Founding GTM Lead at Skyfall AI." gives "Founding GTM Lead"), or None."""
    we = _we_hire_at(line)
    return None if we is None else we[1]


def _sentence_name(line: str) -> str | None:
    """The company a header line that is a sentence names first (``_NAME_SENTENCE``), or None
    for a word that starts a sentence ("This is a ..."), a skill ("Python is a must") or a
    role ("Senior Engineer is ...")."""
    m = _NAME_SENTENCE.match(line)
    if m is None:
        return None
    name = m.group("at") or m.group("we") or m.group("is")
    if name.lower() in _NOT_NAME or (m.group("is") and _SENTENCE.match(name)) or _ROLE_NOUN.search(name) \
            or all(_skill_word(w) for w in name.split()):
        return None
    return name


def _header_like(parts: list[str]) -> bool:
    """Whether pieces of a line without pipes read as a header's segments: the first is short
    and no sentence, and another says a role, a work mode, pay or the kind of contract."""
    lead = parts[0]
    if len(lead.split()) > 6 or _SENTENCE.match(lead) or lead.endswith((".", "!", "?")):
        return False
    return any(segment_kind(p) in _FIELD_KINDS
               and len(p) <= 80 and not _SENTENCE.match(p) and not p.endswith((".", "!", "?"))
               for p in parts[1:])


def _unpiped(line: str) -> tuple[list[str], bool]:
    """The segments of a header line that has no pipe, and whether the first names the
    company: "Acme is hiring <rest>" gives the name then the pieces of the rest that are short
    (a long one is a sentence; an article goes: "a Founding Engineer"); a line whose pieces
    split at spaced dashes or semicolons read as a header's (``_header_like``) gives them;
    a sentence that names the company first ("At Acme, we ...", ``_sentence_name``) gives
    the name; else the line as it is."""
    m = _IS_HIRING.match(line)
    if m is not None and not _SENTENCE.match(m.group("name")) and len(m.group("name").split()) <= 6 \
            and _UNPIPED_SPLIT.search(m.group("name")) is None:
        return [m.group("name"), *_hiring_rest(m.group("rest"))], True
    parts = [p.strip() for p in _UNPIPED_SPLIT.split(line) if p.strip()]
    if len(parts) >= 2 and _header_like(parts):
        return parts, False
    we = _we_hire_at(line)
    if we is not None and _all_places(we[0]):  # ("We're hiring a Senior ML Engineer at SF")
        return [we[1], we[0]], False
    if we is not None:
        return [we[0], we[1]], True
    name = _sentence_name(line)
    return ([name], True) if name is not None else ([line], False)


_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_LEAD_WORD = re.compile(r"^(?:for|across|in)\s+", re.IGNORECASE)
# What a role of "Acme is hiring <role> ..." goes on with: what the hire will do, where.
_ROLE_TAIL = re.compile(r"\s+(?:to|who|that|for|on|in)\s.*$", re.IGNORECASE)


def _hiring_rest(rest: str) -> list[str]:
    """The segments of what follows "Acme is hiring": its pieces (split at spaced dashes) that
    are short and no sentence, each without an article and what the hire will do ("a security
    engineer to harden ..." gives "security engineer"), when it names a role, a work mode,
    pay, a kind of contract or a link; "in <place>" gives the place."""
    out = []
    for piece in _UNPIPED_SPLIT.split(rest):
        piece = piece.strip(" .!")
        if not piece or len(piece) > 60 or ". " in piece:
            continue
        place = piece.lower().startswith("in ")
        where = _IN_PLACE.search(piece) if not place else None  # ("Engineers in Amsterdam")
        piece, at_place = _role_and_place_at(piece)  # ("ML engineers at NYC")
        piece = _ROLE_TAIL.sub("", _ARTICLE.sub("", _LEAD_WORD.sub("", piece))).strip()
        kind = segment_kind(piece) if piece else ""
        if kind in _FIELD_KINDS or (place and kind == "location"):
            out.append(piece)
            if kind == "role" and where is not None and places.is_place(
                    _LOWER_WORD.findall(where.group(1).lower()), _LIST_WORDS):
                out.append(where.group(1))
            elif kind == "role" and at_place is not None:
                out.append(at_place)
    return out


# the place a hiring sentence's role ends with ("Engineers in San Francisco")
_IN_PLACE = re.compile(r"\sin\s+([^\W\d_][\w\s.,&'-]*)$")
# what a role ends with after "at" or "@" ("ML Engineer at NYC", "Founding Engineer @ SF")
_AT_TAIL = re.compile(r"\s+(?:at\s+|@\s*)([^\W\d_][\w\s.,&'’-]*)$", re.IGNORECASE)


def _role_and_place_at(part: str) -> tuple[str, str | None]:
    """A role without the place it is said to be at, and that place ("ML Engineer at NYC"
    gives "ML Engineer" and "NYC"), when what follows its last "at" or "@" is all places
    (``_all_places``); else the role as it is and None ("ML Engineer at Acme")."""
    m = _AT_TAIL.search(part) if " at " in part or "@" in part or " AT " in part or " At " in part else None
    if m is None or not _all_places(m.group(1)):
        return part, None
    return part[:m.start()].rstrip(), m.group(1).strip()
# A first segment that names the role and then its company: "Senior Data Analyst at P2P.org,
# the largest staking provider", "Founding Engineer @ Conductor (San Francisco, ONSITE)",
# "Staff Engineers @Artemis in NYC". The company is its capitalised words (and a note in
# brackets); "in <place>" after it is a place. The name is up to five words here, one more
# than _NAME_WORDS (each count as written when it came in, kept so that no name read changes).
_ROLE_AT = re.compile(
    rf"^(?P<role>[^@]{{2,90}}?)\s+(?:at\s+|@\s*)(?P<company>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
    r"(?:\s*\([^()]*\))?)(?P<after>(?:,|\s+-|\s+in\s|\s*$).*)$")
def _role_at(lead: str) -> re.Match[str] | None:
    """``_ROLE_AT``'s match of a first segment whose role part names a role and that is no
    sentence, or None."""
    at = _ROLE_AT.match(lead)
    return at if at is not None and _ROLE_NOUN.search(at.group("role")) and not _SENTENCE.match(lead) else None


# A first segment that names the company and then its role: "LiteLLM (YC W23): Founding
# Reliability Engineer".
_NAME_COLON = re.compile(r"^(?P<name>[^:]{2,60}?):\s+(?P<role>.+)$")


# A place in brackets just after a company's name: "Spruce (London/Bristol, UK)", "Conductor
# (San Francisco, ONSITE)"; not "(YC W24)", "(AI Healthcare)" or a link.
_NAME_NOTE = re.compile(r"\s*\(([^()]{2,60})\)")


def _name_place(parts: list[str], company: str) -> str | None:
    """The bracketed place that follows the company's name in its segment, or None."""
    for part in parts:
        at = part.find(company)
        if at < 0:
            continue
        m = _NAME_NOTE.match(part, at + len(company))
        if m is None:
            return None
        note = m.group(1).strip()
        kind = segment_kind(note)  # (a place holds a comma or a work mode, or is all place names:
        # "(Stockholm)", "(NYC / SF)"; not "(AOM)", "(UPS)")
        return note if kind in ("remote", "remote-location") or (kind == "location" and (
            "," in note or places.is_place(_LOWER_WORD.findall(note.lower()), _LIST_WORDS))) else None
    return None


# the words of a note in brackets, and those that may stand between its places ("NYC or SF")
_LOWER_WORD = re.compile(r"[^\W\d_]+")
_LIST_WORDS = frozenset({"or", "and"})
# a contract's kind as a word of its own ("Sub-contractor" stays)
_CONTRACT_KIND = re.compile(
    r"(?<![\w-])(?:full[- ]?time|part[- ]?time|contract(?:or)?|intern(?:ship)?|freelance|permanent)\b",
    re.IGNORECASE)
# what is left of a contract's segment without its kinds: the spaces and dashes around them
_CONTRACT_REST = re.compile(r"^[\s,/&+().–—-]+|[\s,/&+(–—-]+$")


# the pieces of a role's segment ("Onsite, San Francisco + remote for some roles") and the
# words of a work mode that may stand beside a place in one ("SF Onsite", "In-Office")
_PIECES = re.compile(r"[,;()+&\[\]]|\s[-–—]+\s")
# what a piece of a role's segment says after "in": a place when it is all place names
_IN_TAIL = re.compile(r"\s(?i:in)\s+")


def _role_place(part: str) -> str | None:
    """The places a role's segment, or a note's, with a work mode names in pieces of their
    own ("SF Onsite (Designer Remote)" is "SF Onsite", "INTERNS , HYBRID/REMOTE, Zurich,
    Switzerland" "Zurich, Switzerland") or after the last "in" of a piece ("Multiple
    positions in United States - WORK FROM HOME" is "United States"), joined by commas;
    None for none: a piece with other words is no place ("3 days in-office Chicago"), nor
    is what follows "in" when it holds a word that names none ("Researchers in Machine
    Learning")."""
    if not _may_name_mode(part) or not _MODE_WORD.search(part):
        return None
    found = []
    for piece in _PIECES.split(part):
        piece = piece.strip()
        if piece and places.is_place(_LOWER_WORD.findall(piece.lower()), places.MODE_WORDS):
            found.append(piece)
        elif piece and len(tail := _IN_TAIL.split(piece)) > 1 and tail[-1] and places.is_place(
                _LOWER_WORD.findall(tail[-1].lower()), _LIST_WORDS):
            found.append(tail[-1])  # ("Multiple positions in United States - WORK FROM HOME")
    return ", ".join(p for p in found if any(places.read_places([p]))) or None


def _contract_place(part: str) -> str | None:
    """The place a segment of contract kinds also names beside a work mode ("REMOTE (US)
    Full-Time" is "REMOTE (US)", "Full time hybrid NYC" "hybrid NYC"), or None: without a
    work mode a word is no place ("Full-Time, Perm Hiring"), nor a mode alone ("Full-time
    Remote")."""
    if not _may_name_mode(part) or not _MODE_WORD.search(part):
        return None
    rest = _CONTRACT_REST.sub("", _CONTRACT_KIND.sub(" ", part))
    rest = re.sub(r"\s{2,}", " ", re.sub(r"\(\s*\)", " ", rest))
    found = places.read_places([rest])
    return rest if found.countries or found.regions else None


# A line of a post that says where the job is by a label ("Location: San Jose, CA",
# "LOCATION: Amsterdam", "Locations: London, New York."), and where its place ends: at a
# semicolon, a spaced dash or bar, or a sentence's end ("Waltham, MA — Pay Range ...",
# "Seattle OR Arlington, United States. Hybrid."; not an abbreviation's full stop: "St. Louis",
# "Ft. Lauderdale", "Mt. Kisco", "U.S.", "Washington, D.C.")
# (the marks before the label within its line: "\s" there ran over every blank line after
# each line break, a text of many blank lines read with the square of its length)
_LOCATION_LINE = re.compile(r"^(?:[^\S\n]|[*•>-])*(?:job\s+|office\s+)?locations?\s*:\s*(?P<line>.{2,200})$",
                            re.IGNORECASE | re.MULTILINE)
_PLACE_END = re.compile(r"\s*(?:;|\s[—–|]\s|\s-\s|(?<!\b[A-Za-z])(?<!\b[SFM]t)(?<!\bSte)\.(?:\s|$)).*$")
# the most lines a second header line is looked for in (the header's, then the next)
_HEADER_LINES = 2


def text_places(text: str) -> tuple[list[str], str | None]:
    """The places and work mode a post's text says outside its header line, for a header
    that names no place: a second header line's place segments ("Onsite (Stockholm) or
    Remote | Full-time", "SF / NYC / DC | In-office | ..."), and what a labelled line says
    ("Location: Utrecht, Netherlands (Hybrid Tue/Thu)"; its work mode from the whole line).
    A segment or label is kept when it reads as a country or region (``places.read_places``):
    "Location: see the posting" and a company's name in a segment are not."""
    found: list[str] = []
    modes: set[str] = set()
    lines = list(islice(content_lines(text), _HEADER_LINES))
    if len(lines) == _HEADER_LINES and "|" in lines[1] and len(lines[1]) <= 200:
        for part in _segments(lines[1]):
            kind = segment_kind(part)
            if kind in ("location", "remote-location") and any(_read_places_of(part)):
                found.append(part)
            if kind in ("remote", "remote-location", "location"):
                modes |= _modes_of(part)
    for label in _LOCATION_LINE.finditer(text) if _may_label_location(text) else ():
        place = _PLACE_END.sub("", label.group("line")).strip()
        kind = segment_kind(place)
        if kind in ("location", "remote-location") and any(_read_places_of(place)):
            found.append(place)
        if kind in ("remote", "remote-location", "location"):
            modes |= _modes_of(label.group("line"))
    return list(dict.fromkeys(found)), _freest(modes) if modes else None


def _may_label_location(text: str) -> bool:
    """False when ``_LOCATION_LINE`` finds nothing in ``text``: each of its matches holds
    "location" in some case, which a text that lowers exactly (``lowered.lowers_exactly``)
    then holds in lower case once lowered (a test ties the two)."""
    from mljobs.enrich.lowered import lower, lowers_exactly  # (the text's, shared with enrich)

    return not lowers_exactly(text) or "location" in lower(text)


def _modes_of(part: str) -> set[str]:
    """The work modes a segment names (``_MODE_WORD``)."""
    if not _may_name_mode(part):
        return set()
    return {_MODE_OF.get((a or b).lower(), "onsite") for a, b in _MODE_WORD.findall(part)}


def _read_places_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The countries and regions ``places.read_places`` reads in one string."""
    read = places.read_places([text])
    return read.countries, read.regions


_SPACE_RUN = re.compile(r"\s*")


def content_lines(text: str) -> Iterator[str]:
    """The lines of ``text.splitlines()`` that hold more than white space, stripped, in order,
    read as they are asked for: a post's first lines without splitting its whole text.

    (Each piece between two line feeds is split by ``splitlines`` itself, so its other line
    boundaries, "\\r", "\\u2028", ..., split as they do in the whole text; a "\\r\\n" leaves
    its piece ending in "\\r", which ends the line there as in the whole text. Only blank
    lines may come out differently, and none is given. A run of white space before a line's
    text, blank lines and all, is passed over by one match: a post of thousands of blank lines
    is not walked line by line.)"""
    pos = 0
    while True:
        pos = _SPACE_RUN.match(text, pos).end()  # type: ignore[union-attr]  # (always a match)
        if pos == len(text):
            return
        nl = text.find("\n", pos)
        for line in text[pos:nl if nl >= 0 else len(text)].splitlines():
            if line.strip():
                yield line.strip()
        if nl < 0:
            return
        pos = nl + 1


def first_line(text: str) -> str:
    """The first non-empty line of a plain-text post."""
    return next(content_lines(text), "")


def read_post(header: str, text: str) -> dict[str, Any]:
    """``parse_header``'s fields of a post's ``header`` (its text's first line), with the
    places its ``text`` names when the header names none ("Location: ...", a second header
    line): the company and places ``hn_item_to_raw`` stores."""
    fields = parse_header(header, text)
    if not fields["locations"]:
        fields["locations"], remote = text_places(text)
        fields["remote"] = fields["remote"] or remote
    return fields


def kept_company(given: str | None, header: str, fields: Mapping[str, Any]) -> str | None:
    """The company a corpus row's HN post is stored with: the row's ``given`` one, except
    when that is one of the roles ``read_post`` read (``fields``) or the header's first
    segment (the ``header``, its first line) of which the header reader read a company
    ("MixRank (YC S11) | ...": "MixRank"); then the header's company. A row names the
    header's first segment its company also when that segment is the role ("Data Analyst |
    Redistricting Data Hub | Remote (US)"), or holds more ("Senior Data Analyst at P2P.org,
    the largest ...", "Freeform (http://freeform.co )")."""
    lead = header.split("|", 1)[0].strip()
    if given and given not in fields["roles"] and (given != lead or fields["company"] is None):
        return given
    company: str | None = fields["company"]
    return company


# A link as HN writes it into a comment: its address in ``href``, shown as the address itself,
# shortened to its first 60 characters or so and "..." when it is longer.
_ANCHOR = re.compile(r'(<a\s[^>]*?href="([^"]*)"[^>]*>)([^<]*)(</a>)', re.IGNORECASE)


def whole_links(comment_html: str) -> str:
    """``comment_html`` with each link that HN shows shortened ("https://jobs.ashbyhq.com/
    acme/8f2c1d3e-4b5a-4c6...") showing its whole address, as its ``href`` gives it: the
    text kept the shortened one, which leads nowhere and matches no job's address (an Ashby
    or Lever job's, a uuid, is always shortened). A link's other words stay."""
    def whole(link: re.Match[str]) -> str:
        shown = html.unescape(link.group(3))
        if not shown.startswith(("http://", "https://")) or not shown.endswith("...") \
                or not html.unescape(link.group(2)).startswith(shown[:-3]):
            return link.group(0)
        return f"{link.group(1)}{link.group(2)}{link.group(4)}"
    return _ANCHOR.sub(whole, comment_html) if "...</a>" in comment_html else comment_html


def _whole(value: Any) -> int | None:
    """A time or an item's id as HN gives it (a number, or its digits), else None: one
    comment's ``created_at_i`` that was an object failed its whole page ("int() argument
    must be ... not 'dict'")."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return int(value)
    except (ValueError, OverflowError):
        return None


def hn_item_to_raw(item: dict[str, Any], *, thread_id: int | None = None) -> RawPosting | None:
    """An HN comment (``id``, ``text`` HTML, ``time``, ...) as a RawPosting; None if empty.

    Deleted or dead items and comments without text give None.
    """
    if item.get("deleted") or item.get("dead"):
        return None
    # (``text_given``: one comment's text of 42 failed a whole page of a thread's comments,
    # "'int' object has no attribute 'strip'")
    html_text = text_given(item.get("text")) or text_given(item.get("comment_text")) or ""
    if not html_text.strip():
        return None
    # (an id of true or 47219700.0 was stored as "True", "47219700.0": another item)
    item_id = str(job_id(item.get("id")) or job_id(item.get("objectID")) or "").strip()
    if not item_id:
        return None
    text = html_to_text(whole_links(html_text))
    header = first_line(text)
    fields = read_post(header, text)
    posted = item.get("time") or item.get("created_at_i")
    try:
        posted_at = datetime.fromtimestamp(number, UTC) if (number := _whole(posted)) else None
    except (OverflowError, OSError, ValueError):  # (a time past year 9999)
        posted_at = None
    title = header[:300] or f"Hacker News post {item_id}"
    extra: dict[str, Any] = {"roles": fields["roles"], "author": item.get("by")}
    if fields["salary_text"]:
        extra["salary_text"] = fields["salary_text"]
    parent = thread_id or item.get("parent") or item.get("story_id")
    if _whole(parent):
        extra["thread_id"] = _whole(parent)
    return RawPosting(
        source="hackernews",
        source_id=item_id,
        title=html.unescape(title),
        company=fields["company"],
        url=HN_ITEM_URL.format(id=item_id),
        locations=fields["locations"],
        remote=fields["remote"],
        employment_type=fields["employment_type"],
        posted_at=posted_at,
        description_html=html_text,
        description_text=text,
        extra=extra,
    )


# The "Who wants to be hired?" template that job seekers sometimes post in a "Who is hiring?"
# thread: "Location: ... / Remote: ... / Willing to relocate: ... / Technologies: ... /
# Résumé/CV: ... / Email: ...", one field a line, or all on one line with a separator between
# them ("Location: Berlin | Remote: Yes | Willing to relocate: No | Technologies: ...").
_SEEKER_FIELD = re.compile(
    r"(?:^[\s\-*•>]*|[ \t]*[|•·][ \t]*)(location|remote|technologies|tech stack|skills|"
    r"r[ée]sum[ée](?:\s*/\s*cv)?|cv|e-?mail)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# A header that says its writer seeks work ("SEEKING WORK | Berlin | Remote: ..."), whose
# first segment ``parse_header`` reads as a company.
_SEEKING = re.compile(r"(?:seeking|looking for)\b", re.IGNORECASE)
# "Willing to relocate:" may also follow other fields on one line ("Location: India Remote: Yes
# Willing to relocate: Open to discuss").
_RELOCATE_FIELD = re.compile(r"(?:^|(?<=[\s|•·]))willing to relocate\s*:", re.IGNORECASE | re.MULTILINE)
_SEEKER_KEY = {"tech stack": "technologies", "skills": "technologies", "cv": "resume", "e-mail": "email"}


def _seeker_key(label: str) -> str:
    key = label.lower()
    if key.startswith(("résumé", "resume", "résume", "resumé")):
        return "resume"
    return _SEEKER_KEY.get(key, key)


# A header whose first segment says its writer seeks work ("SEEKING WORK | Full-Stack Developer
# (Django, Vue, AWS)", "[Looking for work] ...", "Available for hire | ...", after a greeting
# too): the "Who wants to be hired?" header, a seeker's whatever follows it.
# A few words may say which work ("Looking for ML roles!", "Seeking entry-level data science
# positions"), but not whom a company seeks ("Looking for ML engineers for these roles",
# "Looking for Python devs for contract work": no "for" among them), and within a sentence
# ("Looking for annotators. Contract role": a word ends on no full stop; "Node.js" does not).
_WHICH = (r"(?:(?!(?:engineers?|scientists?|developers?|researchers?|candidates?|people|talent|"
          r"someone|for)\b)[\w+/-]+(?:\.[\w+/-]+)*\s+){0,3}?")
_SEEKER_LEAD = re.compile(
    # (after a greeting: "Hey all, looking for ML roles", "Hi! Seeking work")
    r"^\W*(?:(?:hi|hello|hey)\b[^,.!:;\n]{0,20}[,.!:;]\s*)?"
    rf"(?:(?:seeking|looking\s+for|available\s+for)\s+(?:new\s+)?(?:work|employment|hire|"
    rf"(?:an?\s+)?{_WHICH}(?:job|role|position|contract|freelance\s+work)s?)|for\s+hire|open\s+to\s+work|"
    # (or "SEEKING" alone, the role sought next: "SEEKING | AI/ML Engineer | Auburn AL → Remote")
    r"seeking(?=[\s:]*$))\b",
    re.IGNORECASE)
# What a seeker says of their search in the first person, or of the post they answer ("I’m
# currently looking for a job", "Looking for: freelance contracts or part-time engagements",
# "I’m reaching out regarding your recent post in the HN "Who is Hiring" thread", "please
# consider my profile"): read only in a comment whose first line names no company and no role.
_SEEKS = r"(?:jobs?|work|roles?|positions?|opportunit(?:y|ies)|employment|contracts?|engagements?|gigs?)\b"
_SEEKER_SAYS = re.compile(
    r"\bI(?:['’]m|\s+am)\s+(?:currently\s+|actively\s+|now\s+)?(?:looking|searching)\s+for\s+"
    rf"(?:(?:an?|new|my|next|full[- ]time|part[- ]time|remote|freelance|contract)\s+)*{_WHICH}{_SEEKS}|"
    rf"^[ \t]*looking\s+for:\s*(?:[\w-]+\s+){{0,2}}?{_SEEKS}|"
    r"\bI['’]m\s+reaching\s+out\s+(?:regarding|about)\s+your\s+(?:recent\s+)?(?:post|job|opening|listing)|"
    r"\bplease\s+consider\s+my\s+(?:profile|resume|résumé|cv)\b",
    re.IGNORECASE | re.MULTILINE)


def seeker_comment(text: str) -> bool:
    """True for a job seeker's comment, which is not a job posting: one whose header's first
    segment says so (``_SEEKER_LEAD``: "SEEKING WORK | ..."), one in the "Who wants to be
    hired?" template (``_template_seeker``), or one that says in the first person that its
    writer looks for work or answers a post (``_SEEKER_SAYS``) under a first line that names
    no company and no role, as ``parse_header`` reads it ("Hello,", "I'm a full-stack
    developer with 3 years of experience ...")."""
    head = first_line(text)
    lead = _SEEKER_LEAD.match(segment := _SPLIT.split(head, 1)[0])
    if lead and "?" not in re.split(r"[.!]", segment[lead.end():], maxsplit=1)[0]:
        return True  # (not a question: "Looking for a job that matters? Acme is hiring ...")
    if _template_seeker(text):
        return True
    if _SEEKER_SAYS.search(text) is None:
        return False
    header = parse_header(head, text)
    return header["company"] is None and not header["roles"]


def _template_seeker(text: str) -> bool:
    """True for a comment in the "Who wants to be hired?" template, which is not a
    job posting: a "Willing to relocate:" field and two more of Location, Remote, Technologies,
    Résumé/CV and Email as labels at line starts or after a separator ("|", "•", "·": the
    fields on one line; "Willing to relocate:" may follow others on its line), with no company
    or role header before them: the first line before the fields, read by ``parse_header``,
    names no company (a "SEEKING WORK" lead is none) and no role (a company post may list the
    same fields under "Acme | Senior Engineer | Remote (US)", or run them on after its header:
    "Acme | ML Engineer | Location: Berlin | Remote: Yes | Willing to relocate: No | ...").
    """
    if "elocate" not in text and "ELOCATE" not in text:  # (cheap gate: most posts lack it)
        return False
    relocate = _RELOCATE_FIELD.search(text)
    if relocate is None:
        return False
    matches = list(_SEEKER_FIELD.finditer(text))
    if len({_seeker_key(m.group(1)) for m in matches}) < 2:
        return False
    before = text[:min(relocate.start(), matches[0].start())].strip().rstrip("|•·").strip()
    if not before:
        return True
    header = parse_header(first_line(before), text)
    company = header["company"]
    return (company is None or _SEEKING.match(company) is not None) and not header["roles"]


# A comment that says it is no job post ("This is not a job post, but ...", "Not hiring, but
# happy to chat", "Not a job. I'm exploring ...", "We're not hiring right now"): the phrase
# opens a line, a header segment or a sentence, and ends there ("Not hiring interns" and "not
# a job for the faint of heart" do not). Read in the comment's opening (``_NOT_A_POST_HEAD``).
_NOT_A_POST = re.compile(
    r"(?:^|(?<=[.!?|])[ \t]+)[ \t*>(\[-]*(?:this\s+is\s+|we(?:'re|’re|\s+are)\s+)?not\s+"
    r"(?:a\s+job(?:\s+(?:post(?:ing)?|ad(?:vert)?|offer|listing|opening))?|(?:currently\s+|actively\s+)?hiring)"
    r"(?=[ \t]*(?:[.,;:!)\]—–-]|$)|\s+but\b|\s+(?:right\s+)?now\b|\s+at\s+the\s+moment\b)",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_A_POST_HEAD = 400  # (characters: the header and the first sentences)


def not_a_post(text: str) -> bool:
    """True for a comment of a "Who is hiring?" thread that says, in its opening, that it is no
    job post ("SEEKING PARTNER | Bay Area\\n\\nNot a job. I'm exploring ...", "This is not a job
    post, but ...", "Not hiring, but ..."): like a job seeker's comment (``seeker_comment``),
    no posting."""
    head = text[:_NOT_A_POST_HEAD]
    if "ot " not in head and "OT " not in head:  # (cheap gate: "not " is in few openings)
        return False
    return _NOT_A_POST.search(head) is not None
