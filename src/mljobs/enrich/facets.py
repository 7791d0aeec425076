"""Facets of a posting read with rules: seniority, years, degree, PhD, remote, visa,
specialisation and company stage (conventions of ``eval/LABELS.md``).

Each function is pure and takes the text it needs; none of them guesses from
weak evidence: when a posting does not say, the answer is ``unknown`` /
``none-stated`` / ``None``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from mljobs.enrich.alternation import by_first_char, by_first_letter
from mljobs.enrich.lowered import hits, lower, lowers_exactly, register, scan, spans_around
from mljobs.enrich.sections import SectionMap
from mljobs.places import is_code, is_place, is_town, is_written_place

_I = re.IGNORECASE

# The characters ``\s`` matches in a str pattern: those ``str.isspace`` holds, the last of
# which is U+3000 (a test checks both over all of Unicode).
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def _spaced(phrase: str) -> tuple[str, ...]:
    """``phrase`` with its one space as each character ``\\s`` matches: the gate words of a
    pattern's ``a[\\s-]b`` besides "a-b" (a line break or a no-break space is rare, but its
    match holds no "a b")."""
    head, tail = phrase.split(" ")
    return tuple(head + c + tail for c in _SPACES)


# --- seniority: from the title, or explicit wording in the text -------------------
_MANAGER = re.compile(r"\b(?:manager|managing|head of|director|vp|vice president|chief \w+ officer|cto|cdo|"
                      r"chief (?:data |ai |ml )?scientist|engineering lead|"
                      # "Head Data Scientist", "Lab Head"
                      r"head (?:data|research|ml|ai|machine learning)|(?:lab|team|group) head)\b", _I)
# Role names that contain a level word but are not a level.
_NOT_LEVEL = re.compile(r"member of (?:the )?technical staff|\b(?:product|program|project|account|"
                        r"community|office|success|marketing|partner) managers?\b|chief of staff|"
                        r"\bstaffing\b", _I)
# Words one of which every match of ``_NOT_LEVEL`` / ``_MANAGER`` holds (lower case).
_NOT_LEVEL_WORDS = ("member of", "manager", "chief of staff", "staffing")
_MANAGER_WORDS = ("manager", "managing", "head", "director", "vp", "vice president", "chief", "cto", "cdo",
                  "engineering lead")
# Whether a string holds any of the words, in one search.
_NOT_LEVEL_GATE = re.compile("|".join(map(re.escape, _NOT_LEVEL_WORDS)))
_MANAGER_GATE = re.compile("|".join(map(re.escape, _MANAGER_WORDS)))
_LEVEL_WORDS = re.compile(
    r"(?i:\b(?P<intern>intern(?:ship)?s?|co-?op|summer student)\b|"
    r"\b(?P<staff>staff|principal|principle|distinguished|lead|fellow)\b|"
    r"\b(?P<senior>senior|sr\.?|snr)(?:\b|(?=\.))|\b(?P<senior3>III|IV)\b|"
    r"\b(?P<junior>junior|jr\.?|entry[\s-]level|new grad(?:uate)?s?|graduate|freshers?)\b)|"
    r"(?i:engineer|scientist|analyst|developer|specialist|researcher|associate|programmer)\s+"
    r"(?:(?P<one>I|1)|(?P<mid2>II|2))\b(?![/&'’.])|"
    r"\b(?P<mid>(?i:mid[\s-]?level|mid[\s-]?career|intermediate)|II)\b",
)
# Lower-case strings one of which the lower-cased form of every ``_LEVEL_WORDS`` match in an
# ASCII title holds, but for the case-sensitive "I"/"1"/"2" after white space ("Engineer I"):
# a title with neither names no level, and the costly search is not run.
_LEVEL_GATE = ("intern", "co-op", "coop", "summer student", "staff", "princip", "distinguished",
               "lead", "fellow", "senior", "sr", "snr", "ii", "iv", "junior", "jr",
               "entry", "new grad", "graduate", "fresher", "mid", "intermediate")
# Whether a string holds any of them, in one search.
_LEVEL_GATE_RE = re.compile("|".join(map(re.escape, _LEVEL_GATE)))
_NUMERAL_GATE = re.compile(r"\s[I12]")
# The ``_LEVEL_WORDS`` forms but for "Engineer I"/"II" (the ``one``/``mid2`` groups), which
# need a numeral after white space: (group, words, what follows them). Every word starts
# with a lower-case letter; case is ignored after it ("II" aside, below).
_LEVEL_FORMS = (
    ("intern", ("intern(?:ship)?s?", "co-?op", "summer student"), r"\b"),
    ("staff", ("staff", "principal", "principle", "distinguished", "lead", "fellow"), r"\b"),
    ("senior", ("senior", r"sr\.?", "snr"), r"(?:\b|(?=\.))"),
    ("senior3", ("iii", "iv"), r"\b"),
    ("junior", ("junior", r"jr\.?", r"entry[\s-]level", r"new grad(?:uate)?s?", "graduate", "freshers?"), r"\b"),
    ("mid", (r"mid[\s-]?level", r"mid[\s-]?career", "intermediate"), r"\b"),
)


# ``_LEVEL_WORDS`` without its numeral forms, for ASCII titles: the words grouped by their
# first letter after one ``\b`` (``by_first_letter``; a match's ``_LEVEL_WORDS`` group is
# ``_LEVEL_FORM_GROUPS[m.lastindex]``), so the engine tries a word start's few words only;
# "II" (in capitals only) goes last under "i".
_LEVEL_BODY, _LEVEL_FORM_GROUPS = by_first_letter(
    [(group, f"{word[0]}(?i:{word[1:]}){after}")
     for group, words, after in _LEVEL_FORMS for word in words]
    + [("mid", r"i(?<=I)I\b")], either_case=True)
_LEVEL_WORD_FORMS = re.compile(r"\b" + _LEVEL_BODY)
_LEVEL_NAMES = {"intern": "intern", "staff": "staff-plus", "senior": "senior", "senior3": "senior",
                "junior": "junior", "one": "junior", "mid": "mid", "mid2": "mid"}
# (level, words one of which every match contains in lower case, pattern)
_SENIORITY_TEXT: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    # (and interns hired as the post's role: "We're hiring 10-12 summer interns", "looking for
    # a research intern"; not interns beside another role, "hiring interns and new grads")
    ("intern", ("intern",),
     re.compile(r"\b(?:this|our|an?) (?:paid |summer )?internship\b|"
                r"\b(?:hiring|looking for|seeking) (?:\d+(?:[-–]\d+)? |an? |several |two |three )?"
                r"(?:paid |summer |research |(?:ml|ai|software|data|engineering) )?interns?\b"
                r"(?! (?:and|&|or|/)\b| ?[&/])", _I)),
    # (also "looking for entry-level professionals", a "Level: Entry" field; "new grads
    # welcome", "Experience: Any (new grads ok)", "Recent graduates are welcome to apply";
    # new graduates accepted or considered, interns too ("We are also accepting interns & new
    # graduates"; not "not (currently, yet) accepting new grads"); freshers, India's new
    # graduates, welcome or as a role's qualifier, "Software Engineer (Fresher/Interns)")
    ("junior", ("entry", "new grad", "recent grad", "early-career", "early career", "fresher"),
     re.compile(r"\b(?:entry[\s-]level (?:role|position|professionals?|candidates?|team members?|"
                r"opportunit(?:y|ies)|jobs?)|(?:looking for|hiring|seeking) (?:an? )?entry[\s-]level|"
                r"level\s{0,4}:?\s{0,4}entry\b|"
                r"(?:new|recent) grad(?:uate)?s? (?:are )?(?:welcome|ok(?:ay)?\b)|"
                r"(?<!not )(?<!n't )(?<!n’t )(?<!not currently )(?<!n't currently )(?<!n’t currently )"
                r"(?<!no longer )(?<!not yet )(?:accepting|welcoming|consider(?:ing)?|open to) "
                r"(?:applications from )?(?:interns? (?:and|&|or) )?(?:new|recent) grad(?:uate)?s?\b|"
                r"freshers? (?:are )?welcome|(?<=\()freshers?(?: ?/ ?interns?)?\)|"
                r"(?:looking for|hiring|seeking) (?:an? )?early[ -]career\b)", _I)),
    # (also "Senior skill level", "the Senior Data Scientist will", "in your role as a Senior",
    # "an outstanding opportunity for a Senior Data Scientist", "candidates for the role of
    # Senior Machine Learning Engineer")
    ("senior", ("senior",),
     re.compile(r"\b(?:(?:this is a|looking for an?|hiring an?|seeking an?|role as an?|opportunity for an?|"
                r"the (?:role|position) of(?: an?)?) senior\b|"
                r"(?<!or )(?<!and )senior(?: skill)? level(?=[.,;)\n]| position| role)|"
                r"the senior [\w-]{1,15}(?: [\w-]{1,15})? will\b)", _I)),
    ("staff-plus", ("staff", "principal", "lead"),
     re.compile(r"\b(?:looking for|hiring|role as) an? (?:staff|principal|lead)\b", _I)),
    # "This is a mid-level position", "this mid-level, full-time position"
    ("mid", ("mid-level", "mid level"),
     re.compile(r"\b(?:(?:this is |this |)an? mid[\s-]level (?:position|role)|this mid[\s-]level)\b",
                _I)),
)

# The same patterns, case-sensitive: on lower-cased text that ``lowers_exactly`` they find
# the same matches, faster.
_SENIORITY_ASCII = {level: re.compile(pattern.pattern) for level, _, pattern in _SENIORITY_TEXT}
# A match holds one of its level's words, starts at most 20 characters before it and ends
# at most 45 characters after it ("the senior machine-learning engineer will").
_SENIORITY_REACH = (20, 45)
# (the other levels' matches end at most 25 characters after their word: a smaller window)
# (a junior match starts at most 42 characters before its word: "considering applications
# from interns and new graduates")
# (an intern match starts at most 40: "hiring 10-12 summer engineering interns")
_SENIORITY_REACHES = {"senior": _SENIORITY_REACH, "junior": (45, 25), "intern": (40, 25)}
_OTHER_REACH = (20, 25)
# Every ``_SENIORITY_TEXT`` match holds one of these (lower case).
_SENIORITY_GATE = ("intern", "entry", "new grad", "recent grad", "fresher", "early-career", "early career",
                   "senior", "staff",
                   "principal", "lead", "mid-level", "mid level")
# "mid" and "level" with another space between (``mid[\s-]level``): rare, so looked for apart
_MID_SPACED = tuple(w for w in _spaced("mid level") if w != "mid level")
_MID_SPACED_SET = frozenset(_MID_SPACED)
register(_MID_SPACED)
register(_SENIORITY_GATE)
register(w for _, words, _ in _SENIORITY_TEXT for w in words)


def _window_match(pattern: re.Pattern[str], s: str, lo: int, hi: int,
                  stop: int | None = None) -> re.Match[str] | None:
    """The first match of ``pattern`` that starts in ``s[lo:hi]`` and is found there, as the
    whole of ``s`` (up to ``stop``) reads it, or None.

    A window's start hides nothing (look-behinds and ``\\b`` see the text before ``pos``);
    its end does (``endpos``): there a word, a number or a negative look-ahead is cut, so
    a match found in the window may be none in the whole text ("join our clientwe"), or a
    shorter one ("team of 1,0" for "team of 1,000"). Each match found is therefore matched
    again at its start in the whole text and taken only if that matches, as the whole
    match (a pattern whose every match lies, with all it reads, within some window finds
    the same matches as in the whole text: a window search reaches each such start).
    """
    m = pattern.search(s, lo, hi)
    return None if m is None else _confirmed(pattern, s, m, hi, stop)


def _confirmed(pattern: re.Pattern[str], s: str, m: re.Match[str] | None, hi: int,
               stop: int | None = None) -> re.Match[str] | None:
    """``_window_match`` given ``m``, the window's first match (the callers search the window
    themselves: most windows hold no match, and then this is not called)."""
    while m is not None:
        whole = pattern.match(s, m.start()) if stop is None else pattern.match(s, m.start(), stop)
        if whole is not None:
            return whole
        m = pattern.search(s, m.start() + 1, hi)
    return None


def _search_near(pattern: re.Pattern[str], low: str, stop: int, words: tuple[str, ...],
                 found: dict[str, list[int]], reach: tuple[int, int] = _SENIORITY_REACH) -> bool:
    """``pattern.search(low, 0, stop) is not None``, searching only near the occurrences of
    ``words`` (``found``: the ``hits`` of ``low``) that end by ``stop``, as
    ``_window_match`` does."""
    for w in words:
        for i in found.get(w, ()):
            if i + len(w) > stop:
                break
            end = min(stop, i + len(w) + reach[1])
            m = pattern.search(low, max(0, i - reach[0]), end)
            if m is not None and _confirmed(pattern, low, m, end, stop) is not None:
                return True
    return False


def seniority(title: str, text: str) -> str:
    """Seniority from the title first, then explicit wording; else ``unknown``.

    Manager-level titles (manager, head, director, VP) win; otherwise the
    first level word of the title decides ("Senior & Staff Engineers" is
    senior). Roman ``I``/``II``/``III`` count only in a title; role names such
    as "Product Manager" or "Member of Technical Staff" are not levels. A
    first line of the text that holds the title ("Jr. Data Scientist - ..."
    under "Data Scientist") is read as a title too.
    """
    level = _title_level(title)
    if level is not None:
        return level
    if _JUNIOR_TITLE_GATE.search(title) and _JUNIOR_TITLE.search(title):
        return "junior"
    line = _heading_line(title, text)
    if line is not None:
        level = _title_level(line)
        if level is not None:
            return level
    level = _level_field(text)
    return level if level is not None else _text_level(text)


# A level field of the text, read as a title is ("Position Level: Level 3 – Senior",
# "Experience Level: Recent College Graduate"; not "Experience Level: 2-4 years of ...").
_LEVEL_FIELD = re.compile(r"\b(?:experience|position|career|job|seniority) level:[ \t]*([^\n]{1,60})", _I)
register(("level:",))  # (every match holds it, lower-cased)


def _level_field(text: str) -> str | None:
    """The level the value of a level field in the first 3,000 characters names, or None."""
    if "level:" not in hits(lower(text)):  # (the text's trigger scan, shared with the other steps)
        return None
    m = _LEVEL_FIELD.search(text, 0, 3000)
    return None if m is None else _title_level(m.group(1))


# Titles of an entry grade without a level word: "Associate Data Scientist" (an associate of
# a data, ML or software trade; not a biotech "Associate Scientist" grade, nor "Associate
# Director"), "Data Analyst, May 2020 Undergrad", "Data Scientist - Statistics, Early Career"
# (in the title only: a first line "mentor early-career data scientists" is none).
# (also after a department and a dash: "Patient Safety- Associate Data Scientist")
_JUNIOR_TITLE = re.compile(r"(?:^|[-–—|:]\s*)associate (?:data|machine learning|ml|ai|software|analytics|"
                           r"business intelligence|bi)\b|\bundergrad(?:uate)?s?\b|\bearly[\s-]career\b", _I)
_JUNIOR_TITLE_GATE = re.compile(r"[Aa]ssociate|[Uu]ndergrad|ASSOCIATE|UNDERGRAD|[Ee]arly|EARLY")


# The longest first line of a text read as a heading.
_HEADING_MAX = 100


def _heading_line(title: str, text: str) -> str | None:
    """The first line of ``text`` when it is short, holds the title (case aside) and is more
    than the title; else None."""
    end = text.find("\n", 0, _HEADING_MAX + 1)
    if end < 0:
        if len(text) > _HEADING_MAX:
            return None
        end = len(text)
    line = text[:end].strip()
    key = title.strip()
    if not key or len(line) <= len(key) or key.lower() not in line.lower():
        return None
    return line


def _title_level(title: str) -> str | None:
    """The level a title names, or None."""
    if title.isascii():  # then a case-insensitive match holds its words in lower case
        low_title = title.lower()
        may_not_level = _NOT_LEVEL_GATE.search(low_title) is not None
        clean = _NOT_LEVEL.sub(" ", title) if may_not_level else title
        low_clean = clean.lower() if may_not_level else low_title
        if _MANAGER_GATE.search(low_clean) and _MANAGER.search(clean):
            return "manager"
        numeral = _NUMERAL_GATE.search(clean) is not None
        may_level = numeral or _LEVEL_GATE_RE.search(low_clean) is not None
        # (without a numeral after white space the "Engineer II" forms cannot match)
        by_word = not numeral
    else:
        clean = _NOT_LEVEL.sub(" ", title)
        if _MANAGER.search(clean):
            return "manager"
        may_level, by_word = True, False
    shouting = clean.isupper()  # "DATA SCIENTIST I" is fine, but "I'M HIRING" is not a level
    if may_level:
        for m in (_LEVEL_WORD_FORMS if by_word else _LEVEL_WORDS).finditer(clean):
            group = _LEVEL_FORM_GROUPS[m.lastindex or 0] if by_word else m.lastgroup or ""
            # (a numeral in capitals is no level; "MID-LEVEL" and "INTERMEDIATE" are)
            if shouting and group in ("one", "mid", "mid2", "senior3") and m.group()[-1] in "IV12":
                continue
            return _LEVEL_NAMES[group]
    return None


def _text_level(text: str) -> str:
    """The level explicit wording in the first 3,000 characters of the text names, or
    ``unknown``."""
    head = text[:3000]
    if lowers_exactly(text) or (head is not text and lowers_exactly(head)):
        # head.lower() is lower(text)[:len(head)]: search that (``endpos``), near the hits
        low, end = lower(text), len(head)
        found = hits(low)
        # ("mid\nlevel" and the like: the "mid" words then hold them too)
        odd = () if found.keys().isdisjoint(_MID_SPACED_SET) else tuple(w for w in _MID_SPACED if w in found)
        if not any(w in found and found[w][0] + len(w) <= end for w in _SENIORITY_GATE + odd):
            return "unknown"
        for level, words, _ in _SENIORITY_TEXT:
            if odd and level == "mid":
                words += odd
            if _search_near(_SENIORITY_ASCII[level], low, end, words, found,
                            _SENIORITY_REACHES.get(level, _OTHER_REACH)):
                return level
        return "unknown"
    # else case-insensitive matching may not lower-case alike: search the text as written
    low = lower(text) if head is text else head.lower()
    if not (any(w in low for w in _SENIORITY_GATE)
            or ("mid" in low and any(w in low for w in _MID_SPACED))):
        return "unknown"
    for level, _, pattern in _SENIORITY_TEXT:
        if pattern.search(head):
            return level
    return "unknown"


# --- years of experience ------------------------------------------------------------
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}
_NUM = r"(\d{1,2}|" + "|".join(_NUM_WORDS) + r")"
# The characters a ``_YEARS_RE`` match can start with: a digit or the first letter of a number
# word (``_NUM_WORDS``; a test ties them). Tested first, the engine gives up at once at the other
# characters instead of trying the look-behind and both numbers there (~0.75x the time of
# the corpus's searches, the same matches).
_YEARS_START = r"(?=[\dotfsen])"
_YEARS_RE = re.compile(
    rf"{_YEARS_START}(?<![\d.$])(?:{_NUM}\s*(?:\+|plus)?\s*(?:-|–|—|~|to|or)\s*)?{_NUM}\s*\+?\s*(?:\(\d+\)\s*)?"
    # ("5+ years", "two plus years", "Two (2) or more years", "3-years’ experience", "one-year")
    r"(?:\+\s*|(?:plus|or more|or greater)\s+|-)?"
    r"(?:full[\s-]time\s+|professional\s+|relevant\s+|industry\s+|hands[\s-]on\s+)?"
    r"(?:years?|yrs?|yoe)\b(?:'|’)?",
    _I,
)
# (a course's length, not experience: "a 4-year degree", "a four-year university"; read on the
# text just after a match, as the search window may end before it)
_COURSE_AFTER = re.compile(r"[ -]+(?:(?:undergraduate|bachelor'?s?|college|university) )?"
                           r"(?:degree|college|university|program)", _I)
# Years that stand in for a degree ("4 years of experience may be substituted in lieu of a
# degree") are not the role's minimum: the degree route beside them is.
_SUBSTITUTE_AFTER = re.compile(r"[^.;\n]{0,50}?\b(?:(?:may|can) be substituted|in lieu of (?:an? |the )?"
                               r"(?:degree|education|bachelor))", _I)
_YEAR_WORD = re.compile(r"years?|yrs?|yoes?")  # (YoE: years of experience)
_YEAR_WORD_ANY_CASE = re.compile(_YEAR_WORD.pattern, _I)
_EXPERIENCE_NEAR = re.compile(r"experience|exp\b|background|working|industry|track record", _I)
_NOT_EXPERIENCE = re.compile(
    r"\b(?:old|ago|company|founded|history|in business|of age|warranty|anniversary|"
    r"growth|funding|runway|vest(?:ing|ed)?|cliff|contract|combined)\b",
    _I,
)
_ZERO_YEARS = re.compile(r"\bnew[\s-]grad(?:uate)?s?\b|\brecent graduates?\b|\bno (?:prior )?experience (?:required|needed)", _I)


def _num(value: str) -> int:
    return int(value) if value.isdigit() else _NUM_WORDS[value.lower()]


# The same patterns without IGNORECASE, for lower-cased text that ``lowers_exactly``.
_YEARS_LOW = re.compile(_YEARS_RE.pattern)
_EXPERIENCE_NEAR_LOW = re.compile(_EXPERIENCE_NEAR.pattern)
_NOT_EXPERIENCE_LOW = re.compile(_NOT_EXPERIENCE.pattern)
_ZERO_YEARS_LOW = re.compile(_ZERO_YEARS.pattern)
# Words one of which every ``_ZERO_YEARS`` match holds in lower case; a match ends at most
# 10 characters after its word and needs one more to settle its last ``\b``.
_ZERO_WORDS = (*_spaced("new grad"), "new-grad", "recent grad", "no experience", "no prior experience")
register(_ZERO_WORDS)
_ZERO_SET = frozenset(_ZERO_WORDS)
# A span of time back from now, not a length of experience: "within 5 years", "relevant experience
# within the last 5 years", "for the past 25+ years, our mission has been..." (on the text as written)
# (and a time to come: "a very exciting area in the next 5 to 10 years")
_RECENT = re.compile(r"\b(?:[Ii]n|[Ww]ithin|[Oo]ver|[Ff]or|[Dd]uring) the (?:last|past|next|coming)\s*$|"
                     r"\bwithin\s*$")
# No floor of experience: a ceiling ("You have up to 10 years of experience") or the team's
# average ("with an average experience of 14+ years").
_NO_FLOOR = re.compile(r"\bup to\s*\Z|\baverage (?:(?:work |industry )?experience )?of\s*(?:over\s*)?\Z", _I)


register(("year", "yr", "yoe"))


def _year_words(low: str) -> list[tuple[int, int]]:
    """The spans of ``_YEAR_WORD.finditer(low)``, from the shared trigger-word hits (no scan
    of its own): a match starts at each "year", "yr" and "yoe" (no "y" inside a match
    starts another) and takes the "s" after it; each span is read on its own, so their order is
    of no matter."""
    found = hits(low)
    return [(i, i + n + (low.startswith("s", i + n))) for w, n in (("year", 4), ("yr", 2), ("yoe", 3))
            for i in found.get(w, ())]


# A number of years written as a floor or a range ("5+ years shipping", "3-6 years on product
# systems", "at least 4 years developing in HANA") states what the hire needs even without an
# experience word nearby.
# (Not a span of time in the plural's place, "a 3-5 year vision", nor the age of the company or
# its team: "Established company (20+ years)", "a seasoned sales team (20+ years in telecom)".)
_FLOOR_BEFORE = re.compile(r"(?:at least|minimum(?: of)?|min\.?(?: of)?)\s*\Z", _I)
_OURS_BEFORE = re.compile(r"\b(?:company|team|established|founded|business)\b[^.;\n]{0,25}\Z", _I)


def _substitute_after(after: str) -> bool:
    """``_SUBSTITUTE_AFTER.match(after)``, run only where ``after`` holds a word every match holds."""
    low = after.lower()
    return ("substitut" in low or "lieu" in low) and _SUBSTITUTE_AFTER.match(after) is not None


def _stated_as_minimum(m: re.Match[str], before: str) -> bool:
    """Whether the years match ``m`` (``before`` is the text just before it) is a floor or a
    range of years in the plural: "N+", "N or more", "N plus", "N-M", or "at least N" /
    "minimum N", and not said of the company or its team."""
    said = m.group(0).lower().rstrip("'’")
    if not said.endswith(("s", "yoe")):
        return False
    if not (m.group(1) or "+" in said or "more" in said or "plus" in said or "greater" in said
            or (("least" in before.lower() or "min" in before.lower())
                and _FLOOR_BEFORE.search(before) is not None)):
        return False
    return _OURS_BEFORE.search(before) is None


# Years of a narrower part of the work, beside the role's own: years of leading or managing
# people ("4+ years in data science / 2+ years leading a small team"), or years nested in a
# larger figure ("5+ years of actuarial experience, including 2+ years in predictive
# modeling"). They count only when the posting states no other figure.
_SIDE_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:experience\s+)?(?:leading|managing|supervising|hiring|"
    r"people management|(?:in|of) (?:an? )?(?:management|leadership|managerial|supervisory)\b|"
    r"as an? (?:[\w-]+ )?(?:manager|team lead|leader|supervisor)\b|"
    # ("At least one year research leadership experience")
    r"(?:leadership|managerial|supervisory|people management) experience\b)", _I)
# (also after "experience" in the same clause: "5+ years combined experience, with 2+ years in any
# particular language", "5+ years of experience in analytical development with minimum of 3+
# years of experience in quality control")
# (not a route's figure after another's: "BS with 7 years of experience, MS with 5 years" or
# "Masters with 3 years of experience or PHD with 1-2 years")
_NESTED_BEFORE = re.compile(r"(?:\bincluding|\bof which|\bincl\.|\bexperience(?: in (?:(?!\bor\b)[^.;:,\n]){1,40}?)?,? "
                            r"with(?: (?:a )?minimum of)?)\s*(?:at least\s*)?\Z", _I)


def _recent(before: str) -> bool:
    """``_RECENT.search(before)``, run only where ``before`` holds a word every match holds."""
    return ("last" in before or "past" in before or "within" in before or "next" in before
            or "coming" in before) and _RECENT.search(before) is not None


def _no_floor(before: str) -> bool:
    """``_NO_FLOOR.search(before)``, run only where ``before`` holds a word every match holds."""
    low = before.lower()
    return ("up to" in low or "average" in low) and _NO_FLOOR.search(before) is not None


# The time a company grew in, not a length of experience: "700% growth in four plus years" (the
# corpus's gd-25dcd3be85c0, whose "5+ years of experience" on the next line was read as 4),
# "we have grown to 500 people over 10 years", "revenue doubled in 2 years" (on the text as
# written, within its sentence).
_GREW_IN = re.compile(r"\b(?:growth|grew|grown|doubled|tripled|quadrupled)\b[^.;\n]{0,40}?"
                      r"\b(?:in|over|within)\s+(?:the\s+)?(?:(?:last|past|first)\s+)?\Z", _I)
_GREW_WORDS = ("grow", "grew", "tripled", "doubled", "quadrupled")


def _grew_in(before: str) -> bool:
    """``_GREW_IN.search(before)``, run only where ``before`` holds a word every match holds."""
    low = before.lower()
    return any(w in low for w in _GREW_WORDS) and _GREW_IN.search(before) is not None


# Years of experience with one tool or skill ("3+ years of experience with Tableau", "1-2 years
# using SQL"), beside a figure for the work as a whole ("7+ years of programming experience", "a
# minimum of 2 years of related experience"): the dev labels take the whole-work figure (LABELS.md's
# "smallest number the posting accepts" is read across alternative routes, "5 with BS or 3 with
# MS", not across the narrower asks of one route). They count only when no such figure is stated.
# (Not pay: "5-10 years experience with $150-180K".)
_TOOL_AFTER = re.compile(
    r"\s*(?:\+\s*)?(?:or more\s+)?(?:of\s+)?(?:(?:hands[\s-]on|professional|practical|working|relevant|"
    r"industry)\s+)?(?:experience\s+)?(?:working\s+)?(?:with|using)\b(?!\s*[$£€\d])|"
    # (the tools named in brackets: "3+ years of development experience (Java, Python, R)")
    r"\s*(?:\+\s*)?(?:of\s+)?(?:[\w-]+\s+)?experience\s*\((?!\s*(?:or|and|including|incl)\b)", _I)


def _tool_years(after: str) -> bool:
    """Whether a years figure (``after``: the text just after it) is said of one tool or skill
    (see ``_TOOL_AFTER``)."""
    # (the regex only where the text holds a word that all of its matches hold)
    low = after.lower()
    return ("with" in low or "using" in low or "(" in low) and _TOOL_AFTER.match(after) is not None


def _side_years(before: str, after: str) -> bool:
    """Whether a years figure (``before``/``after``: the text around it) is one of a narrower
    part of the work (see ``_SIDE_AFTER``)."""
    # (each regex only where the text holds a word that all of its matches hold)
    low_after = after.lower()
    if (("lead" in low_after or "manag" in low_after or "supervis" in low_after
         or "hiring" in low_after) and _SIDE_AFTER.match(after) is not None):  # ("leadership" holds "lead")
        return True
    low_before = before.lower()
    return (("incl" in low_before or "which" in low_before or ("with" in low_before and "experience" in low_before))
            and _NESTED_BEFORE.search(before) is not None)


class YearsFigure(NamedTuple):
    """A number of years the text states ("5+ years", "two to four yrs"): where it stands, the
    least it says, how ``years_min`` counts it ("work", "tool" or "side", see there; "" for
    not at all: no experience word near and no floor, a course's length, a substitute for a
    degree) and whether a course's word follows it (``_COURSE_AFTER``: "a 4-year degree";
    also "5 years programming", which ``skill_years`` reads)."""

    start: int
    end: int
    least: int
    kind: str
    course: bool


# ``_figure((start, end, least, kind, course))`` is ``YearsFigure(...)`` without the Python-level
# ``__new__`` a NamedTuple has (as ``skills._match``)
_figure = functools.partial(tuple.__new__, YearsFigure)


def years_figures(text: str) -> list[YearsFigure]:
    """The numbers of years ``text`` states, in order, less those of no length of experience
    (the company's age, "within the last 5 years", over 25): read once for ``years_min`` and
    ``skill_years`` both."""
    figures: list[YearsFigure] = []
    low = lower(text)
    if lowers_exactly(text):  # the same matches, searched case-sensitively in ``low``
        subject, years_re, near, not_exp = low, _YEARS_LOW, _EXPERIENCE_NEAR_LOW, _NOT_EXPERIENCE_LOW
    else:
        subject, years_re, near, not_exp = text, _YEARS_RE, _EXPERIENCE_NEAR, _NOT_EXPERIENCE
    # (the year words' offsets in ``low`` are the text's unless lower-casing lengthened a
    # character, "İ" to "i̇": then they are found in the text itself)
    for cand in sorted(_year_words(low) if len(low) == len(text)
                       else [m.span() for m in _YEAR_WORD_ANY_CASE.finditer(text)]):
        m = next((x for x in years_re.finditer(subject, max(0, cand[0] - 45),
                                               min(len(text), cand[1] + 2))
                  if x.end() >= cand[1]), None)
        if m is None:
            continue
        after = subject[m.end():m.end() + 70]
        if (not_exp.search(after[:25]) or _recent(text[max(0, m.start() - 50):m.start()])
                or _grew_in(text[max(0, m.start() - 50):m.start()])
                or _no_floor(text[max(0, m.start() - 50):m.start()])):
            continue
        least = _num(m.group(1)) if m.group(1) else _num(m.group(2))
        if not 0 <= least <= 25:
            continue
        before = subject[max(0, m.start() - 50):m.start()]
        course = _COURSE_AFTER.match(after) is not None
        kind = ""
        if (near.search(after) or near.search(before) or _stated_as_minimum(m, before)) \
                and not course and not _substitute_after(after):
            kind = "side" if _side_years(before, after) else "tool" if _tool_years(after) else "work"
        figures.append(_figure((m.start(), m.end(), least, kind, course)))
    return figures


def years_min(text: str, figures: list[YearsFigure] | None = None) -> int | None:
    """The smallest number of years of experience the posting accepts, or None (years with one
    tool or skill count only when no figure for the whole work is stated, and years of a
    narrower part of the work only when nothing else is). ``figures``: ``years_figures(text)``,
    when already read."""
    found: list[int] = []
    tool: list[int] = []
    side: list[int] = []
    for figure in years_figures(text) if figures is None else figures:
        if figure.kind:
            (side if figure.kind == "side" else tool if figure.kind == "tool" else found).append(figure.least)
    low = lower(text)
    if lowers_exactly(text):  # every match holds one of the words: search near them
        if not hits(low).keys().isdisjoint(_ZERO_SET) and any(
                _ZERO_YEARS_LOW.search(low, a, b) for a, b in spans_around(low, _ZERO_WORDS, 30)):
            found.append(0)
    elif ("grad" in low or "experience" in low) and _ZERO_YEARS.search(text):
        found.append(0)
    found = found or tool or side
    return min(found) if found else None


# --- years per skill ----------------------------------------------------------------
# Years said of one skill: a figure then the skill ("3+ years of experience with PyTorch", "5 years
# of Python", "6 years of PyTorch", "2+ years programming in Scala, Java or Go", "3+ years of
# development experience (Java, Python, R)"), or the skill then a figure ("PyTorch (4 yrs)",
# "Python - 5+ years", "SQL: 3 years"), as postings ask them and resumes state them. The skill
# must start right after the figure's words (or end right before the figure): "5 years of
# experience in a fast-paced team using Python" says no years of Python. The skills are the
# matcher's (``skills.SkillMatcher``): this reads only the words between them and the figure.
# (on one line: "Python - 5+ years" over "SQL: 3 years" says no years of SQL)
_SKILL_AFTER_YEARS = re.compile(
    r"[^\S\n]*(?:\+[^\S\n]*)?(?:(?:or more|or greater|plus)[^\S\n]+)?(?:of[^\S\n]+)?"
    r"(?:(?:hands[\s-]on|professional|practical|working|relevant|industry|production|commercial|"
    r"solid|proven)[^\S\n]+)?"
    r"(?:(?:experience|expertise|work(?:ing)?|programming|development|developing|coding|engineering|"
    r"building|writing)[^\S\n]+){0,2}(?:(?:with|using|in|on)[^\S\n]+)?(?:\([^\S\n]*)?", _I)
# (a course's length, as ``_COURSE_AFTER``, a whole word: "5 years programming in Go" is no program)
_COURSE_WORD_AFTER = re.compile(_COURSE_AFTER.pattern + r"\b", _I)
# what may stand between a skill and the figure after it: "PyTorch (4 yrs)", "Python - 5+ years"
_SKILL_BEFORE_YEARS = re.compile(r"[ \t]*(?:[(:–—-]|,)?[ \t]*\Z")
# the figure then closes its clause: "Python (5+ years)", "SQL: 3 years of experience." (not
# "Python, 5+ years of experience building services": the years of the work)
_YEARS_CLOSE = re.compile(r"[ \t]*(?:(?:of\s+)?(?:(?:professional|hands[\s-]on|industry|"
                          r"commercial)\s+)?experience\b[ \t]*)?(?:[),;.|]|$)", _I | re.MULTILINE)
# what joins the skills of one list: "Python, SQL and Spark", "Java/Scala or Go"
_LIST_JOIN = re.compile(r"[ \t]*(?:,|/|&|;)?[ \t]*(?:(?:and|or|and/or|as well as)[ \t]+)?\Z", _I)


def skill_years(text: str, found: Sequence[Any], *, most: bool = False,
                figures: list[YearsFigure] | None = None) -> dict[str, int]:
    """The years said of each skill: ``{skill: years}``, in the order said.

    Args:
        text: a posting's or a resume's text.
        found: the skill matches of ``text`` in order (objects with ``name``, ``start`` and
            ``end``: the skill matcher's).
        most: keep the largest figure said of a skill (a resume's, the years held), not the
            smallest (a posting's, the least it accepts).
        figures: ``years_figures(text)``, when already read.
    """
    if not found:
        return {}
    said: dict[str, int] = {}
    for figure in years_figures(text) if figures is None else figures:
        # (a course's length, a whole word: "5 years programming in Go" is no program)
        if figure.least == 0 or (figure.course and _COURSE_WORD_AFTER.match(text, figure.end)):
            continue
        # (one search for the skills around the figure: the first that starts after it, and
        # the one before that)
        i = bisect.bisect_left(found, figure.start, key=_start)
        names = _skills_after(text, figure.end, found, i) if i < len(found) and \
            found[i].start - figure.end <= 70 else []
        if not names and i > 0 and figure.start - found[i - 1].end <= 4:
            names = _skill_before(text, figure.start, figure.end, found[i - 1])
        for name in names:
            old = said.get(name)
            said[name] = figure.least if old is None else \
                max(old, figure.least) if most else min(old, figure.least)
    return said


_start = operator.attrgetter("start")  # (a skill match's start, read in C)


def _skills_after(text: str, at: int, found: Sequence[Any], i: int) -> list[str]:
    """The skills of the list that starts right after a years figure ending at ``at``
    (``found[i]``: the first skill that starts after the figure's start)."""
    intro = _SKILL_AFTER_YEARS.match(text, at)
    pos = intro.end() if intro else at
    while i < len(found) and found[i].start < pos:
        i += 1
    if i >= len(found) or found[i].start != pos:
        return []
    names = [found[i].name]
    while i + 1 < len(found) and 0 <= found[i + 1].start - found[i].end <= 14 \
            and _LIST_JOIN.match(text[found[i].end:found[i + 1].start]):
        i += 1
        names.append(found[i].name)
    return names


def _skill_before(text: str, start: int, end: int, skill: Any) -> list[str]:
    """``[skill.name]`` when the skill (the last that starts before a years figure,
    ``start``..``end``, and ends at most 4 characters before it) is the one the figure closing
    its clause is said of: "PyTorch (4 yrs)", "Python - 5+ years" (where the matcher reads
    "Python - 2" of "Python - 2 years" as a version, the skill ends inside the figure)."""
    gap = text[skill.end:start]
    if skill.end <= start and not _SKILL_BEFORE_YEARS.match(gap):
        return []
    close = _YEARS_CLOSE.match(text, end)
    # (a bracket opened before the figure closes after it: "foundation models (1+ years
    # experience, SF only)" gives the years of a role, not of a skill)
    if close is None or ("(" in gap and not close.group().endswith(")")):
        return []
    return [skill.name]


# --- degree and PhD -----------------------------------------------------------------
# The apostrophe of a degree's possessive ("Master's", "Bachelor’s") as some sources mangle it:
# an HTML entity that lost its "&" and ";" ("Masterrsquos degree", "Bachelorrsquo;s"), or
# the UTF-8 bytes of "’" read as Latin-1 or cp1252 ("Bachelorâs", "Bachelorâ€™s"). Both are
# glued to the word with word characters, so a word boundary after it does not find them.
_GLUED_APOS = r"(?:rsquo;?|â(?:€™)?)"
_APOS = rf"(?:['’`´]|{_GLUED_APOS})"
# (level, substrings that must occur in the lower-cased text for the regexes to run,
#  regex over the lower-cased text, case-sensitive regex for abbreviations over the text)
_DEGREE_RES: tuple[tuple[str, tuple[str, ...], re.Pattern[str], re.Pattern[str] | None], ...] = (
    ("phd", ("ph", "doctor"),
     # (not people, "our staff have PhDs", "founded by Robotics PhDs", nor "no PhD needed")
     re.compile(r"\bph(?<!no ph)\.?\s?d(?!\.?(?:s|'s|’s)\b)\.?\b|\bdoctora(?:te|l)\b|\bdoctor of\b"),
     None),
    ("masters", ("master", "m.s", "msc", "m.sc", "mba", "meng", "m.eng", "graduate degree",
                 "advanced degree", "postgrad", "post-grad"),
     # (not the verb, "to master new technologies", nor a name, "Master Street Guide")
     re.compile(r"\bmaster(?<!to master)(?<!scrum master)(?<!\w-master)(?:s\b|" + _APOS + r"s?\b|\b(?! (?:data|street|new|core|internal|"
                r"complex|the|our|your|multiple|an?)\b))(?! data| of (?:business|ceremonies))|"
                r"\bm\.s\.|\bm\.sc\.?|\bmsc\b|"
                r"\bmba\b|\bm\.eng\b|\bmeng\b|\bgraduate degree\b|\badvanced degree\b|"
                r"\bpost-?graduate\b"),
     # (the look-behind sits after the first letter, which the engine then scans for:
     #  "M(?<![\w.]M)" is "(?<![\w.])M", faster)
     re.compile(r"M(?<![\w.]M)S(?![\w.]| ?(?:Office|Excel|Word|SQL|Access|Teams|Azure|Power|"
                r"Project|Visio|Dynamics|Outlook))")),
    ("bachelor", ("bachelor", "b.s", "bsc", "b.a", "undergrad", "degree", "bs/"),
     re.compile(r"\bbachelor" + _APOS + r"?s?\b|\bb\.s\.|\bb\.sc\.?|\bbsc\b|\bb\.a\.|"
                r"\bundergraduate degree\b|\b(?<!no )college degree\b|\b(?:4|four)[\s-]year degree\b|"
                r"\buniversity degree\b|\bdegree in\b|\b(?<!no )degree (?:required|preferred)\b|"
                r"\b(?:relevant|technical|quantitative|stem|a) degree\b|\bbs/ms\b"),
     # (not "no BS", "zero-corporate-BS", "BS detectors")
     re.compile(r"B(?<![\w.]B)(?<![Nn]o B)(?<!-B)\.?[SA](?![\w.]| detector)")),
)
_DEGREE_ORDER = {"none-stated": 0, "bachelor": 1, "masters": 2, "phd": 3}
# A bare "degree in X" names no level when a level word comes just before it.
_LEVEL_BEFORE = re.compile(r"ph\.?\s?d|master|bachelor|\bb\.?s|\bm\.?s|\bb\.?a|mba|graduate|"
                           r"advanced|associate|doctoral|postgraduate|undergraduate|college|"
                           r"university|year|relevant|technical|quantitative|stem|science")
_ASSOCIATE = re.compile(r"associate" + _APOS + r"?s?" + _APOS + r"? degree|associate of|\baa degree|\bas degree")
_ASSOCIATE_WORDS = ("associate", "aa degree", "as degree")
register(_ASSOCIATE_WORDS)
register(g for _, gates, _, _ in _DEGREE_RES for g in gates)
# What every abbreviation match contains (case-sensitive, over the text): "MS"; "BS", "BA",
# "B.S" or "B.A" (one search, faster than a substring test for each).
_ABBREV_GATE: dict[str, re.Pattern[str]] = {"masters": re.compile("MS"),
                                            "bachelor": re.compile(r"B\.?[SA]")}


# The levels whose every alternative starts with one of its gates (``\\b`` aside).
_ANCHORED = frozenset({"phd", "masters"})


def _anchored_starts(pattern: re.Pattern[str], low: str, gates: tuple[str, ...]) -> list[int]:
    """``_gated_starts`` for a pattern whose matches all start at a gate occurrence: the
    pattern is tried only there, left to right, each match skipping what it covers (as
    ``finditer`` does; ``match`` at ``pos`` sees the text before it)."""
    found = hits(low)
    starts = sorted({i for g in gates if g in found for i in found[g]})
    out, after = [], 0
    for i in starts:
        if i < after:
            continue
        m = pattern.match(low, i)
        if m is not None:
            after = m.end()
            if not (m.group().startswith(("degree", "a degree")) and _LEVEL_BEFORE.search(
                    low, max(0, i - 30), i)):
                out.append(i)
    return out


def _gated_starts(pattern: re.Pattern[str], low: str, gates: tuple[str, ...]) -> list[int]:
    """Start offsets of ``pattern.finditer(low)``, searching only around the gate words.

    Every match of a degree pattern contains one of its gates and spans less
    than 40 characters (context included), so searching the full string
    between ``pos`` and ``endpos`` of each 40-character neighbourhood finds
    exactly the matches a whole-text search finds.
    """
    return [m.start() for a, b in spans_around(low, gates, 40) for m in pattern.finditer(low, a, b)
            if not (m.group().startswith(("degree", "a degree")) and _LEVEL_BEFORE.search(
                low, max(0, m.start() - 30), m.start()))]


def _text_offset(text: str, low: str) -> Callable[[int], int] | None:
    """The offset in ``text`` of the character an offset of ``low = text.lower()`` falls in,
    or None when they are the same (lower-casing lengthened no character: all but "İ")."""
    if len(low) == len(text):
        return None
    starts = list(itertools.accumulate((len(c.lower()) for c in text), initial=0))
    return lambda i: bisect.bisect_right(starts, i) - 1


def _degree_mentions(text: str, smap: SectionMap) -> list[tuple[str, int, bool]]:
    """(level, offset in ``text``, in a nice-to-have part) of each degree mention."""
    out = []
    low = lower(text)
    in_text = _text_offset(text, low)
    for level, gates, pattern, abbrev in _DEGREE_RES:
        starts = (_anchored_starts(pattern, low, gates) if level in _ANCHORED
                  else _gated_starts(pattern, low, gates))
        if in_text is not None:  # (the mentions are read in the text: the nice parts, a PhD's line)
            starts = list(map(in_text, starts))
        if abbrev is not None and _ABBREV_GATE[level].search(text):
            starts += [m.start() for m in abbrev.finditer(text) if _near_degree(text, m.start())
                       and not (level == "masters" and _ms_no_degree(text, m.start()))]
        out += [(level, pos, smap.is_nice(pos, pos + 3)) for pos in starts
                if not _of_the_team(text, pos) and not (level == "phd" and _phd_not_needed(text, pos))
                and not _in_address(text, pos)]
    # (the "aa"/"as degree" forms count only beside an "associate"; every match lies within
    # 20 characters of its word)
    if "associate" in hits(low) and any(_ASSOCIATE.search(low, a, b) for a, b in
                                        spans_around(low, _ASSOCIATE_WORDS, 20)):
        out += [("none-stated", m.start() if in_text is None else in_text(m.start()), False)
                for m in _ASSOCIATE.finditer(low)]
    # a high-school diploma is no degree: where it satisfies the posting, none is stated
    found = hits(low)
    if not found.keys().isdisjoint(_HIGH_SCHOOL_SET):
        out += [("none-stated", m.start() if in_text is None else in_text(m.start()), False)
                for m in _HIGH_SCHOOL.finditer(low)]
    return out


def _in_address(text: str, pos: int) -> bool:
    """Whether the mention at ``pos`` is a word of a web address ("[4] https://formalstack.com/
    jobs/formal-methods-phd-intern.pdf": a PhD asked of every role of the post), of a mail
    address ("phd-admissions@example.edu") or of a site's name written without its scheme
    ("apply at phd.example.com"): no ask."""
    start = max(text.rfind(c, 0, pos) for c in " \t\n(<[") + 1
    if "://" in text[start:pos] or text.startswith("www.", start):
        return True
    end = min((i for i in (text.find(c, pos) for c in " \t\n)>]") if i >= 0), default=len(text))
    token = text[start:end].rstrip(".,;:!?")
    return "@" in token or _BARE_SITE.fullmatch(token) is not None


# A site's name without its scheme: dotted words ending in a common top-level domain, a path
# after it ("phd.example.com", "example.edu/phd-program"; not "Ph.D." nor "M.S./Ph.D.").
_BARE_SITE = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|io|ai|co|dev|gov|jobs)(?:/\S*)?", _I)


# The degrees of the people already there, not asked of the hire: "a team composed of PhD
# graduates from Berkeley", "Existing team includes: ... + PhD AI/robotics", "Our team is
# composed of over 40 PhD/Masters statisticians", "founded by ... PhD" (within the sentence).
_TEAM_BEFORE = re.compile(
    r"(?:\b(?:team|company|lab|group|staff)(?: is| are)? (?:composed|made up|comprised|consisting) of|"
    r"\bteam (?:includes|consists of)|\bexisting team\b|\bfounded by|\bfounders? (?:are|include)|"
    r"\bstaffed by)[^.\n;]{0,60}\Z", _I)


# A PhD said not to be needed ("A PhD is not required", "PhD not necessary", "you do not need a
# PhD"; as "no PhD needed" in the pattern; not "without a PhD, 5 years": a route) is no degree asked and no PhD
# preferred, unless the sentence goes on to want it ("PhD not required but a plus").
_PHD_NOT_NEEDED_AFTER = re.compile(r"ph\.?\s?d\.?(?:\s+degree)?\s+(?:is\s+|are\s+)?(?:not|n[’']t)\s+"
                                   r"(?:required|needed|necessary|mandatory|a (?:requirement|must))\b", _I)
_PHD_NOT_NEEDED_BEFORE = re.compile(r"\b(?:do|does|did|will)\s*(?:\s+not|n[’']t)\s+(?:need|require)"
                                    r"\s+(?:an?\s+|your\s+)?\Z", _I)
# A PhD the post offers ("CS PhD position | Chalmers University", "a fully funded PhD
# studentship", "Formal Methods PhD Intern"): a doctoral student's place, for one who holds no
# PhD yet; no PhD asked (it was read as required, and a master's graduate was told "it asks for
# a PhD"; a post listing a PhD intern among its roles asked a PhD of every role).
_PHD_OFFERED = re.compile(r"ph\.?\s?d\.?\s+(?:student\s+)?(?:positions?|studentships?|scholarships?|"
                          r"interns?|internships?)\b", _I)
_PHD_OFFERED_ANYWHERE = re.compile(r"\b" + _PHD_OFFERED.pattern, _I)
# a postdoc offered in the same title ("Postdoc or PhD position"): a place for one who holds a PhD
_POSTDOC_RE = re.compile(r"\bpost[-\s]?doc", _I)


def offers_phd(title: str) -> bool:
    """Whether a posting's title names a PhD the post offers (``_PHD_OFFERED``: "CS PhD
    position", "PhD studentship", "PhD Intern"): a place to earn a PhD, not a role that asks
    for one (``match`` ranks it down for one who holds a PhD already). Not when the title
    offers a postdoc too ("Postdoc or PhD position")."""
    return _PHD_OFFERED_ANYWHERE.search(title) is not None and not _POSTDOC_RE.search(title)


_PHD_WANTED_AFTER = re.compile(r"\b(?:preferred|plus|bonus|advantage|nice|desir\w*|helpful)\b", _I)


def _phd_not_needed(text: str, pos: int) -> bool:
    """Whether the PhD mention at ``pos`` is one the post offers (``_PHD_OFFERED``), or says a
    PhD is not needed (``_PHD_NOT_NEEDED_AFTER``, ``_PHD_NOT_NEEDED_BEFORE``) and the sentence
    does not go on to want one."""
    if _PHD_OFFERED.match(text, pos, pos + 40):
        return True
    m = _PHD_NOT_NEEDED_AFTER.match(text, pos, pos + 60)
    if m is None and _PHD_NOT_NEEDED_BEFORE.search(text[max(0, pos - 40):pos]) is None:
        return False
    end = pos + 3 if m is None else m.end()
    stop = min((i for i in (text.find(c, end, end + 120) for c in ".;\n") if i >= 0), default=end + 120)
    return _PHD_WANTED_AFTER.search(text, end, stop) is None


_TEAM_WORDS = ("team", "company", "lab", "group", "staff", "founde")


def _of_the_team(text: str, pos: int) -> bool:
    """Whether the degree mention at ``pos`` names the degrees of the team already there
    (``_TEAM_BEFORE``)."""
    before = text[max(0, pos - 100):pos]
    low = before.lower()
    # (a word every ``_TEAM_BEFORE`` match holds: it is searched only where one stands)
    return any(w in low for w in _TEAM_WORDS) and _TEAM_BEFORE.search(before) is not None


# Every ``_HIGH_SCHOOL`` match holds one of these (its "ged" follows a space, a "/", a line
# break or a bracket).
_HIGH_SCHOOL_WORDS = (*_spaced("high school"), "high-school", " ged", "/ged", "\nged", "(ged")
register(_HIGH_SCHOOL_WORDS)
_HIGH_SCHOOL_SET = frozenset(_HIGH_SCHOOL_WORDS)


_HIGH_SCHOOL = re.compile(r"\bhigh[\s-]school(?: diploma| degree| education| graduate|/ged| or ged)|"
                          r"(?<=[ /\n(])ged\b")


_NEAR_DEGREE = re.compile(r"degree|ph\.?d|master|bachelor|\bB\.?S\b|\bM\.?S\b|computer science|"
                          r"statistics|engineering|mathematics|physics|field", _I)


def _near_degree(text: str, pos: int) -> bool:
    return bool(_NEAR_DEGREE.search(text, max(0, pos - 60), pos + 60))


# An "MS" that is no master's degree (the degree words ``_near_degree`` looks for near it are
# found in "MS" itself): mass spectrometry after another method's code ("ICP-MS", "LC/MS",
# "GC-MS"; not "BS/MS"), a state's code after its town ("Vicksburg, MS", "USA MS Vicksburg",
# before a ZIP code), or one of a list of codes that names no degree ("chronic conditions (MS,
# RA, IBD, Alzheimer's)").
_DEGREE_CODES = r"(?:BS|BA|MS|MA|MBA|PhD|PHD|MSc|BSc|MEng|BEng|MD|JD|DO|PharmD)\b"
_MS_AFTER_METHOD = re.compile(rf"(?<![\w.])(?!{_DEGREE_CODES})[A-Z]{{2,6}}[-/]\Z")
_MS_AFTER_TOWN = re.compile(r"(?<![\w.])((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+), \Z|\bUSA? \Z")
_MS_IN_CODES = re.compile(rf"(?:\(|(?<![\w.])(?!{_DEGREE_CODES})[A-Z]{{2,6}}, )\Z")
_MS_CODES_AFTER = re.compile(rf", (?!{_DEGREE_CODES})[A-Z]{{2,6}}\b")
_ZIP_AFTER = re.compile(r"\s+\d{5}\b")


def _ms_no_degree(text: str, pos: int) -> bool:
    """Whether the "MS" at ``pos`` of ``text`` is no degree (see ``_MS_AFTER_METHOD``)."""
    before = text[max(0, pos - 40):pos]
    if _MS_AFTER_METHOD.search(before) or text.startswith("/MS", pos + 2) \
            or _ZIP_AFTER.match(text, pos + 2):
        return True
    town = _MS_AFTER_TOWN.search(before)
    if town is not None and (town.group(1) is None or is_town(town.group(1))):
        return True
    return _MS_IN_CODES.search(before) is not None and _MS_CODES_AFTER.match(text, pos + 2) is not None


def degree_and_phd(text: str, smap: SectionMap) -> tuple[str, str]:
    """(minimum degree, PhD status) following the LABELS.md conventions."""
    mentions = _degree_mentions(text, smap)
    if not mentions:
        return "none-stated", "not-mentioned"
    required = [lvl for lvl, _, nice in mentions if not nice]
    levels = required or []
    degree = min(levels, key=_DEGREE_ORDER.__getitem__) if levels else "none-stated"
    if degree == "phd":
        return "phd", "required"
    phd_mentions = [(pos, nice) for lvl, pos, nice in mentions if lvl == "phd"]
    if not phd_mentions:
        return degree, "not-mentioned"
    for pos, nice in phd_mentions:
        if nice or _phd_preferred_here(text, pos):
            return degree, "preferred"
    return degree, "not-mentioned"


# (a curly apostrophe too, "Master’s or PhD"; a doctorate or doctoral degree is a PhD)
_MS_OR_PHD = re.compile(
    r"(?:\bm\.?s\.?c?|master" + _APOS + r"?s?(?: degree)?)\s*(?:/|or|and/or|,)\s*(?:a\s+)?(?:ph\.?\s?d|doctora(?:te|l)\b)|"
    r"(?:ph\.?\s?d\.?|doctora(?:te|l)\b)\s*(?:/|or|,)\s*(?:\bm\.?s\.?c?\b|master)",
    _I,
)
# (a dotted "Ph.D." keeps its last dot: "Ph.D. preferred", "Ph.D. is a plus"; not years
# preferred, "Ph.D. in STEM with 4+ years preferred")
_PHD_THEN_PREFERRED = re.compile(r"ph\.?\s?d(?:(?<=\.d)\.)?[^.\n]{0,40}\b(?<!years )(?:preferred|a plus|plus|desired|"
                                 r"desirable|bonus|advantage|nice)\b", _I)
_PHD_OR_YEARS = re.compile(r"ph\.?\s?d\.?[^.\n]{0,20}\bor\b[^.\n]{0,40}\d+\+?\s*years", _I)
_BS_NEAR = re.compile(r"\bb\.?s\.?c?\b|bachelor|\bb\.?a\.?\b|undergraduate", _I)
# A PhD as one route among others that count years ("BS with 7 years, MS with 5 years or PhD
# with 3 years", "PhD with 4+ years of industry experience / MS with 7 years", "PhD in X; or
# MS with 3-5 years"): a PhD that replaces years of experience (LABELS.md), so preferred.
# A lower degree's route with years before the PhD, joined by "or" / ";" (read back from the
# PhD); the PhD's route then "or" / ";" / a line break and a lower degree, with years on
# either route (read on from the PhD). Not a PhD paired with a master's (``_MS_BEFORE``).
_YEARS = (r"\b(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten)\+?(?:\s*\(\d+\))?"
          r"(?:\s*(?:-|to)\s*\d+)?\+?(?:\s*plus)?\s*(?:years?|yrs)\b")
_LOWER_DEGREE = (r"(?:\bmaster|\bm\.?s\b(?! ?(?:office|excel|word))|\bm\.?a\b|\bma/ms\b|\bbachelor|"
                 r"\bb\.?s\b|\bb\.?a\b)")
_SEP = r"(?:\bor\b|;(?:[ \t]*or\b)?)"
# (one route is one clause: its gaps cross no line break, ";" or full stop, but the dots of
# "Ph.D." / "B.S." or "3.5" or a line's last; the separator then spaces and at most one line
# break, "; or" then a line break, a line break alone its own case; the years first then
# the degree when ";" ends the route, "5 years with a Bachelor's; or 3 years and a Master's
# degree; or a PhD")
_IN_ROUTE = r"(?:[^\n;.]|(?<=\b\w)\.|\.(?![ \t]))"
_AFTER_SEP = r"[ \t]*\n?[ \t]*"
_ROUTE_THEN_PHD = re.compile(
    r"(?:" + _LOWER_DEGREE + _IN_ROUTE + r"{0,100}?" + _YEARS + _IN_ROUTE + r"{0,60}?" + _SEP + "|"
    + _YEARS + _IN_ROUTE + r"{0,100}?" + _LOWER_DEGREE + _IN_ROUTE + r"{0,60}?;(?:[ \t]*or\b)?)"
    + _AFTER_SEP + r"(?:an?\s+)?$", _I)
# (not a PhD paired with a master's, "MS/PhD with 4 years or BS with 8 years": readers split)
_MS_BEFORE = re.compile(r"(?:\bm\.?s\.?c?|master" + _APOS + r"?s?(?: degree)?)\s*(?:/|or|and/or|,)\s*(?:an?\s+)?$", _I)
_PHD_THEN_ROUTE = re.compile(
    _IN_ROUTE + r"{0,120}?(?:" + _YEARS + _IN_ROUTE + r"{0,100}?(?:" + _SEP + _AFTER_SEP + r"|\n\s*)(?:an?\s+)?"
    + _LOWER_DEGREE + r"|(?:" + _SEP + _AFTER_SEP + r"|\n\s*)(?:an?\s+)?" + _LOWER_DEGREE + _IN_ROUTE + r"{0,100}?"
    + _YEARS + ")", _I)


# A sentence of its own on PhD holders (the people, then a verb) where a route would stand:
# "BS with 5 years; PhD holders will be evaluated separately" (or "... will be considered for
# a different level", "... lead the team") says nothing of the PhD as a route, so a route
# before or after it does not make it one; it is one when they are accepted for the role, "PhD
# holders will also be considered" (a PhD that replaces the years, LABELS.md).
_PHD_PEOPLE = re.compile(r"ph\.?\s?d\.?\s+(?:holders?|candidates?|applicants?|graduates?|students?|"
                         r"scientists?|researchers?)\s+(?:will|are|is|should|may|can|must|would|could|"
                         r"shall|do|lead|work|join|have|get)\b[^.;\n]*", _I)
_PHD_ACCEPTED = re.compile(r"\b(?:considered|accepted|welcome|encouraged|eligible|qualify)\b", _I)
_PHD_ELSEWHERE = re.compile(r"\b(?:separately|separate|different|another|instead|other (?:roles?|levels?|"
                            r"tracks?|positions?|openings?|teams?))\b", _I)


def _phd_people_not_a_route(text: str, pos: int) -> bool:
    """Whether the PhD mention at ``pos`` opens a sentence on PhD holders that does not accept
    them for the role (``_PHD_PEOPLE``)."""
    m = _PHD_PEOPLE.match(text, pos, pos + 300)
    return m is not None and (_PHD_ACCEPTED.search(m[0]) is None or _PHD_ELSEWHERE.search(m[0]) is not None)


def _phd_preferred_here(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    # (the line, but at most 300 characters either side of the mention: a whole long line read
    # once per mention grew with its square)
    line = text[max(line_start, pos - 300):min(line_end if line_end >= 0 else len(text), pos + 300)]
    local = text[max(line_start, pos - 40):pos + 40]
    if _PHD_THEN_PREFERRED.search(text[pos:pos + 80]):
        return True
    if _MS_OR_PHD.search(local) and not _BS_NEAR.search(line):
        return True
    if _PHD_OR_YEARS.search(line) is not None:
        return True
    if _MS_BEFORE.search(text, max(0, pos - 30), pos) or _phd_people_not_a_route(text, pos):
        return False
    return _ROUTE_THEN_PHD.search(text, max(0, pos - 220), pos) is not None \
        or _PHD_THEN_ROUTE.match(text, pos, pos + 300) is not None


def _windows(low: str, words: tuple[str, ...], radius: int = 90,
             found: dict[str, list[int]] | None = None) -> str:
    """The parts of ``low`` within ``radius`` characters of any of ``words``, joined by newlines.

    Facet regexes only need local context, so running them on these windows
    instead of the whole text gives the same answers much faster. The
    occurrences of each word are taken left to right without overlap (what
    repeated ``str.find`` from the end of the last one gives), from ``found``
    (the ``hits`` of ``low``, the default).
    """
    return "\n".join([low[a:b] for a, b in spans_around(low, words, radius, found=found,
                                                         overlapping=False)])


# --- remote ----------------------------------------------------------------------------
# (searched in lower-cased text; only whether they match matters, except for the ``sub`` of
# ``_REMOTE_FALSE``)
_REMOTE_OK = by_first_char((
    r"\bfully[\s-]remote", r"\b100% remote",
    (r"\bremote[\s-](?:first|friendly|ok|okay|only|possible|allowed|option|work|position|role|"
     r"eligible|opportunity|job|company|available)"),
    r"\bwork(?:ing)? remote\b",
    r"\bwork(?:ing)? remotely", r"\bopen to remote", r"\bcan be remote", r"\bis remote",
    r"\bare remote", r"\bremote (?:or|and) (?:hybrid|on-?site|in[\s-]office)",
    r"\bhybrid (?:or|and|/) remote", r"\bon-?site (?:or|and|/) remote",
    r"\bin[\s-]office (?:or|and|/) remote", r"\blocation:\s{0,4}remote", r"\bremote \(",
    r"\bremote (?:in|within|from) (?:the )?(?:us|usa|u\.s|eu|europe|uk|canada|anywhere|any)",
    # a place or remote ("Boston (or Remote)"), a role marked "(Remote ...)", a "Remote: Yes"
    # field, work "performed remotely"
    r"\bor remote\b", r"\bremote\b(?<=\(remote)", r"\bremote: ?(?:yes|optional|ok|possible|allowed)\b",
    r"\bperformed remotely", r"\bdone remotely",
))
# Open to remote hires, in other words: "open to extremely talented remote folks" (the words
# between may be many, so it is searched on its own, not within ``_REMOTE_REACH``).
_OPEN_TO_REMOTE = re.compile(r"\bopen to (?:[\w-]+ ){1,3}remote\b")
# The remote work forms that do not say "remote".
# ("distributed team" as the company's own, not as experience of working "with distributed
# teams"; a post that "can be located anywhere")
_REMOTE_OK_OTHER = re.compile(
    r"\b(?:work(?:ing)? from (?:home|anywhere)|wfh|(?<!with )(?<!with a )(?<!with globally )"
    r"(?<!with a globally )(?<!with geographically )distributed team|"
    r"(?:located|based) anywhere|location:\s{0,4}anywhere|"
    r"anywhere in the (?:us\b|u\.s|usa|united states|world|country|eu\b|uk\b|europe|americas))")
# Work from home on some days, or now and then: hybrid. Every match holds "wfh", "from home" or
# "from-home" ("Work-from-home Fridays").
# (also one to four days of it: "1d WFH after probation", "2 days WFH", "WFH 2 days a week")
_WFH_PART = re.compile(
    r"\b(?:wfh|work(?:ing)?[ -]from[ -]home) (?:flexibility|days?\b|the rest|on occasion|"
    r"(?:on )?(?:mon|tue|wed|thu|fri)[a-z]*\b|[1-4](?:[-–][1-4])? ?(?:d|days?)\b)|"
    r"\b(?:occasional|partial|some) (?:wfh|work(?:ing)?[ -]from[ -]home)|"
    r"\b(?:mondays?|fridays?) (?:are |is )?(?:wfh|work(?:ing)?[ -]from[ -]home)|"
    r"(?<![\d.])[1-4](?:[-–][1-4])? ?(?:d|days?)(?: a week| per week|/week)? (?:of )?(?:wfh|work(?:ing)?[ -]from[ -]home)")
# The words one of which every ``_REMOTE_OK_OTHER`` match holds.
_REMOTE_OTHER_WORDS = ("work from", "working from", "wfh", "distributed team", "anywhere")
_HEADER_REMOTE = re.compile(r"\bremote\b")
# "Remote" that starts a line of the text or a sentence, as the value of a field ("Remote, UK
# ONLY.", "Job Location\nRemote,", "Position: remote, CET (+-2h)", "Remote - EU only"): what
# may stand before it on its line (a list mark, a short field label), and what follows it (the
# line's end, or a comma, semicolon, bar or slash, or a spaced dash; not "remote-sensing" or
# "Remote social events"), but no refusal after it ("Remote - no") nor a perk ("Remote,
# flexible hours", as ``_REMOTE_FALSE``'s perks).
_REMOTE_LEAD = re.compile(r"(?:[^\S\n]*[-*•·>]+)?[^\S\n]*(?:[a-z][a-z ]{0,24}:[^\S\n]*)?")
_REMOTE_FIELD = re.compile(r"remote(?:[^\S\n]*(?:,|;|\||/)|[^\S\n]+[-–—][^\S\n]|[^\S\n]*\.(?=\s|$))"
                           r"(?![^\S\n]*(?:no\b|not\b|none\b|n/a\b|flex|except\b))"
                           r"|remote[^\S\n]*(?=\n|$)")
# "Remote" restricted to a place by "only", anywhere in the text ("Remote US only", "remote,
# UK ONLY", "remote - EU only"): the words before "only" must all name places (``is_place``, or
# a code a place is written as: "uk", "ie"), so "remote on Fridays only" is not read.
_REMOTE_PLACE_ONLY = re.compile(r"remote[^\S\n]*[,(:–—-]?[^\S\n]*\(?((?:[a-z.]+[^\S\n]){0,2}[a-z.]+)\)?"
                                r"[^\S\n]*[-–]?[^\S\n]*only\b")
_REMOTE_NO = by_first_char((r"\bno remote", r"\bnot remote", r"\bnon[\s-]remote",
                             (r"\bremote(?: work| working| options?)? (?:is |are )?not (?:possible|available|"
                              r"an option|offered|supported)"),
                             # a field that says no ("Remote: No")
                             r"\bremote:\s{0,4}(?:no|none)",
                             r"\bnot a remote",
                             r"\bno tele-?(?:commuting|work(?:ing)?) (?:or|and|/) remote",
                             r"\bremote is not(?=[.;)\n]|\Z)",
                             r"\bwork remotely:\s{0,4}no"), after=r"\b")
# Every ``_REMOTE_NO`` and ``_REMOTE_OK`` match holds "remote", starts at most this many
# characters before it and ends, with the one character its last ``\b`` looks at, before
# this many after it.
_REMOTE_REACH = (24, 30)
# (remote for a while only: "100% remote now but will be on site once...", "during COVID the
# candidate will be working remote")
_FLEX = r"flex(?:ible)?[\s-]?(?:time|hours|working hours|work hours|schedules?)"
_REMOTE_FALSE = by_first_char((
    (r"remote(?:ly)? (?:sensing|monitoring|access|patient|control|desktop|server|support team|"
     r"locations? of|during|now\b|for now|initially|temporarily|until)"),
    "local and remote", "onsite and remote",
    r"during (?:the )?(?:coronavirus|covid|pandemic)(?:[^.\n]{0,40}?remote(?:ly)?)?",
    # a perk in a benefits list, not the role's work mode ("Flex Time and Remote Work Options",
    # "Flexible time/work from home (for eligible employees)", "remote friendly and flexible
    # hours", a list line "Work From Home"): every match holds "remote", "from home" or "from-home"
    # (but days of it are part of the week: "Flexible working hours and work-from-home days")
    _FLEX + r"(?: and |/|, ?| ?& ?)(?:remote work(?: options?)?|work(?:ing)?[ -]from[ -]home(?! days?\b)|"
    r"remote[\s-]friendly)",
    r"remote(?: work(?: options?)?|[\s-]friendly)(?: and |/|, ?| ?& ?)" + _FLEX,
    r"work(?:ing)?[ -]from[ -]home(?: and |/|, ?| ?& ?)" + _FLEX,
    r"work from home(?=\n)(?:(?<=\nwork from home)|(?<=\n. work from home))",
))
# A range of two to four weekdays ("Monday to Thursday", "tue-thu", "Wednesdays through Fridays").
_WEEKDAYS_SHORT_OF_A_WEEK = (
    r"(?:mon(?:day)?s? ?(?:to|through|thru|[-–]) ?(?:tue|wed|thu)|"
    r"tue(?:s|sday)?s? ?(?:to|through|thru|[-–]) ?(?:wed|thu|fri)|"
    r"wed(?:nesday)?s? ?(?:to|through|thru|[-–]) ?(?:thu|fri)|"
    r"thu(?:rs?|rsday)?s? ?(?:to|through|thru|[-–]) ?fri)")
# What every match of the weekday forms of ``_HYBRID`` holds: "office" or "site" right before a
# weekday's first letters (two searches, each with a literal start the engine skips to: a
# gate on the weekday letters anywhere, "mon" in "month", opens on most posts).
_OFFICE_WEEKDAY = re.compile(r"office[^|\n]{0,3}(?:on )?(?:mon|tue|wed|thu)")
_SITE_WEEKDAY = re.compile(r"site[^|\n]{0,3}(?:on )?(?:mon|tue|wed|thu)")
# Hybrid work: the worded forms, and "2 days a week in the office" (which starts with a digit
# of any script, so it is a search of its own).
_HYBRID_FORMS = (
    (r"\bhybrid\b(?! (?:cloud|model(?:s|ling|ing)?\b(?! of work)|search|approach|architecture|"
     r"apps?|mobile|vehicle|systems?|modalit\w*|molecules?|cars?|engines?|methods?|solutions?|"
     r"workflows?|data|infrastructure|setups|deployments?|who\b|role in which|between|"
     # (a mix of kinds of work or of techniques: "a hybrid research/engineering role",
     # "hybrid Edge/Cloud AI", "hybrid target capture", "hybrid immunoassay approaches")
     r"research|edge|target|immuno))"),
    # (its common misspellings: "Newport Beach, CA (hyrbid)")
    r"\bhy(?:rbid|bird)\b",
    # (one to four days, or a range within them: "onsite 5 days", "4-5 days" is the whole week)
    r"in[\s-]office[^|\n]{0,3}\(?(?<!\d)[1-4](?:[-–][1-4])?[\s-]?(?:days|x ?(?:a|per|/) ?week)",
    r"on[\s-]?site[^|\n]{0,3}\(?(?<!\d)[1-4](?:[-–][1-4])?[\s-]?(?:days|x ?(?:a|per|/) ?week)",
    # (or a range of weekdays short of Monday to Friday: "In-office Monday to Thursday", "on-site
    # Tue-Thu", "in the office Monday through Thursday")
    r"in[\s-](?:the[\s-])?office[^|\n]{0,3}(?:on )?" + _WEEKDAYS_SHORT_OF_A_WEEK,
    r"on[\s-]?site[^|\n]{0,3}(?:on )?" + _WEEKDAYS_SHORT_OF_A_WEEK,
    r"\bpartially remote", r"\bpart[\s-]remote",
)
_HYBRID = by_first_char(_HYBRID_FORMS)
# Telework offered beside a place of work ("Falls Church, VA with local telework options", "in
# Washington, DC with regular telework options available", a "Telecommuting Options: Some
# Telecommuting Allowed" field): part of the week (batch readers: hybrid, 5 of 5). Searched on
# its own where the text holds "tele" (a first letter more in ``_HYBRID`` is tried at every
# such letter of the windows).
_TELEWORK_PART = re.compile(
    r"\b(?:with (?:local |regular |some |occasional |partial )?tele-?(?:work|commut(?:e|ing))(?:ing)? options?|"
    r"some tele-?(?:work|commut(?:e|ing))(?:ing)? (?:is )?(?:allowed|permitted|available))\b")
_HYBRID_DAYS = re.compile(r"(?<!\d)[1-4](?:[-–][1-4])? ?(?:days?|x) ?(?:a|per|/) ?week (?:in|at|from) "
                          r"(?:the |our )?(?:[\w.]+ ){0,3}office"
                          r"|\b[1-4](?:[-–][1-4])?[\s-]?days? (?:in[\s-](?:the[\s-])?office|in[\s-]person|"
                          r"on[\s-]?site)")
_ONSITE_FORMS = (
    # (nor an amenity before it, "gym, bike storage and showers onsite")
    (r"\bon(?<!showers on)(?<!shower on)(?<!storage on)(?<!gym on)(?<!parking on)[\s-]?site\b(?!,? (?:gym|shower|bike|masseuse|massage|caf|dining|amenit|child|fitness|parking|health|"
     r"clinic|lunch|meal|perks|gaming|events?|flu|training|classes|painting|company-paid|wellness|"
     r"bootcamps?|meetings?|visits?|online|off-?site|virtual)|[\s/-]offshore| (?:and|or|&) [\w-]+ (?:training|classes|events?|meetings?))"),
    r"\bin[\s-](?:the[\s-])?office\b(?! (?:gaming|perks|snacks|events?|lunch|gym))",
    # in person as a way of talking ("via email, phone and in person"), or with customers
    # ("what it means to be \"in-person\" with our customers"), is no place of work
    (r"\bin[\s-]person\b(?! (?:interview|events?|(?:and|or) (?:online|virtual|by phone|over the phone|on (?:the )?telephone)))"
     r"(?![\"”’']? with (?:our |the |your )?(?:customers?|clients?|users?)\b)"
     r"(?<!phone and in.person)(?<!electronic and in.person)(?<!online and in.person)(?<!or in.person)"
     # (community programs "both virtually and in-person")
     r"(?<!virtually and in.person)(?<!virtual and in.person)"),
    r"\bon[\s-]campus\b", r"\bmust (?:be willing to )?relocate", r"\brelocation (?:is )?required",
    r"\bwork(?:ing)? (?:from|in|at) (?:our|the|an?) (?:\w+ ){0,2}(?:office|lab|hq|headquarters)",
    r"\bbased (?:from|in|at) (?:our|the|an?) (?:\w+ ){0,2}(?:office|lab|hq|headquarters)",
    r"\blocated (?:in|at) (?:our|the|an?) (?:[\w,.-]+ ){0,3}(?:office|lab|hq|headquarters)\b",
    r"\bwork(?:ing)? (?:in|at) (?:the |our |a )?(?:[\w-]+ )?(?:labs?|laborator(?:y|ies))\b",
    r"\btele-?(?:commut(?:e|ing)|work(?:ing)?)(?: options?)?:?\s*(?:no\b|not (?:allowed|available|permitted))",
    r"\blab(?:oratory)? (?:work|safety|experiments?)", r"\bwet lab\b", r"\bin our lab\b",
    # (one client's site, or "client locations": not the company's own "employees deployed at
    # client sites in eight states", "our AVs are running production routes at customer sites")
    r"\bat (?:our |the |a )?(?:\w+['’]s )?(?:client|customer)s?(?:['’]s|['’]| s)? (?:site\b|locations?)",
    r"\bwork sites?\b",
    # a project "based on a long term client's site"
    r"\bbased on (?:an? |the |our )?(?:[\w-]+ ){0,2}(?:client|customer)s?(?:['’]s|['’]| s)? sites?\b",
    # a role that must be based in a place (not a country or region: "must be based in the US"),
    # and Indeed's "Work Location: One location" field
    (r"\bmust be (?:physically )?(?:based|located) (?:in|at)\b(?! (?:the )?(?:us\b|u\.s|usa|uk\b|eu\b|"
     r"europe|canada|united|north america|latin|emea|apac|one of|any|an? (?:eligible|supported)|"
     r"a time|[a-z]+ time))"),
    r"\bwork location:\s{0,4}one location\b",
    r"\blaboratory (?:notebooks?|work|experiments?|setting|environment|techniques|equipment)",
    r"\bat (?:the )?bench\b", r"\bbench[\s-]?(?:work|top)\b",
    r"\bjoin (?:our|their|the) (?:[\w-]+ ){0,2}office\b",
    r"\bwilling to relocate\b(?!: ?(?:no|open))", r"\bable to relocate\b(?!: ?(?:no|open))",
    r"\brequires? relocation\b", r"\bwillingness to relocate\b",
    r"\bno tele-?commut", r"\bcommut(?:able|ing) distance\b",
    r"\blab(?:oratory)?[\s-]based\b", r"\blaboratory (?:testing|tests)\b", r"\bclinical laborator",
    # hands-on bench techniques are lab work (the dev labels: onsite, 7 of 7 postings)
    r"\bcell culture", r"\btissue culture", r"\bcell[ -]based (?:assay|experiment)", r"\bwestern blot",
    r"\btransfection", r"\bchromatograph", r"\bpipett", r"\bmicroscopy\b", r"\bfrom the bench\b",
)
_ONSITE = by_first_char(_ONSITE_FORMS)
# Part of the week remote: hybrid, even where a header also says "remote" ("ONSITE + PART
# REMOTE", "Hybrid (2 days remote, 3 days in NYC)"). Every match holds "remote".
_PART_REMOTE = re.compile(r"\bpart(?:ial(?:ly)?|ly)?[\s-]remote\b"
                          r"|\b[1-4](?:[-–][1-4])? days? (?:a week |per week )?remote\b")


# One to four days a week in the office or on site, in the ``_HYBRID`` forms that count days.
_OFFICE_DAYS = by_first_char(tuple(f for f in _HYBRID_FORMS if "[1-4]" in f))


def _office_days(clean: str) -> bool:
    """Whether ``clean`` names one to four days a week at the office or on site."""
    return (("office" in clean or "site" in clean or "person" in clean)
            and ("week" in clean or "day" in clean)
            and (_OFFICE_DAYS.search(clean) is not None or _HYBRID_DAYS.search(clean) is not None))


def _hybrid(clean: str) -> bool:
    return _HYBRID.search(clean) is not None or (
        ("week" in clean or "day" in clean) and _HYBRID_DAYS.search(clean) is not None) or (
        "tele" in clean and _TELEWORK_PART.search(clean) is not None)


def _found_near(pattern: re.Pattern[str], s: str, word: str, reach: tuple[int, int]) -> bool:
    """``pattern.search(s) is not None`` for a pattern whose every match holds ``word``, within
    ``reach`` of it (see ``_REMOTE_REACH``): searched only around the word's occurrences, as
    ``_window_match`` does."""
    before, after = reach
    i = s.find(word)
    while i >= 0:
        hi = i + len(word) + after
        m = pattern.search(s, max(0, i - before), hi)
        if m is not None and _confirmed(pattern, s, m, hi) is not None:
            return True
        i = s.find(word, i + 1)
    return False


# Every ``_ONSITE`` match holds one of these ("headquarters" holds none of the others).
_ONSITE_WORDS = ("site", "office", "person", "campus", "relocat", "lab", "bench", "hq", "location",
                 "headquarters", "commut", "telework", "tele-work", "must be", "culture", "cell",
                 "western blot", "transfection", "chromatograph", "pipett", "microscopy")
# The words around which ``remote`` reads the text: every match of its patterns holds one
# ("tele-work: no" and "at our clients’ locations" too), but for the ``_ONSITE`` forms of work
# at an "hq" or "headquarters", read only near another of these words (with them, 5 corpus
# postings turn onsite, "based in our headquarters in Exton, PA", which 3 of the 4 labelled
# mark unknown: a question for the rule, not for its windows).
_REMOTE_GATE = ("remote", "hybrid", "site", "office", "person", "campus", "relocat", "lab",
                "wfh", "work from", "from home", "from-home", "distributed", "bench", "commut", "anywhere",
                "telework", "tele-work", "must be based", "must be located", "must be physically",
                "client location", "customer location", "one location", "s location", "' location", "’ location",
                "cell culture", "tissue culture", "cell-based", "cell based", "western blot",
                "transfection", "chromatograph", "pipett", "microscopy", "hyrbid", "hybird")
register(_REMOTE_GATE)


def remote(title: str, text: str) -> str:
    """remote / hybrid / onsite / unknown, onsite only with explicit evidence.

    The first line (an HN header, or the title) may say just "REMOTE"; the body
    needs a clearer phrase ("fully remote", "remote-first", "work from home"). A
    header of fields that says "ONSITE" and no remote or hybrid work decides over
    the body; work from home on some days only ("WFH Fridays") is hybrid.

    Conventions, from the dev labels (the maintainers'; counts of dev postings) and, where
    they are silent, LABELS.md's text (docs/evaluation.md lists the batch readers' counts):
    one to four days a week in the office or on site is hybrid ("on-site (4 days)",
    "In-office 4 days", "3 days in office": 4 of 4; so are weekdays short of a week, "In-office
    Monday to Thursday"), five days onsite; remote within a
    country, region or time zone is remote (20 of 20), and so is remote-first (3 of 3);
    a place or remote, and remote allowed for some ("open to remote", "remote opportunities
    are available based on experience", "REMOTE US considered", "Remote-friendly for the
    right person": 3 of 3) is remote, as LABELS.md's "remote or hybrid -> remote if fully
    remote is allowed"; relocation offered is no work mode (it follows the rest of the
    post), "must relocate" is onsite (LABELS.md); a header of fields naming onsite work
    only is onsite (12 of 15; the other 3 name office days, hybrid); hands-on bench work
    and a customer's site are onsite (8 and 3 of 3: LABELS.md's "lab work"); a place alone,
    and a Glassdoor post that states no work mode, is unknown (61 of 70 such Glassdoor
    posts; 7 of the other 9 state client-site, bench or office work this rule reads). Where the dev labels are too few to show a
    convention and the batch readers split, the rule keeps its reading: "based in our
    headquarters" with nothing else is not read as onsite (batch readers: unknown 4,
    onsite 2; dev: 1 onsite), and a role marked both ways for different roles ("Varies
    between REMOTE ... and ONSITE") reads as remote. Remote work named as a perk in a
    benefits list ("Flex Time and Remote Work Options", a list line "Work From Home") is
    no work mode (batch readers: unknown 4 of 4; dev has none).
    """
    # (title + "\n" + text).lower(), with the text's lower-casing and trigger words shared
    # with the other steps: a line break between them changes no other character's case
    # (it is neither cased nor case-ignorable, so final-sigma rules stop at it).
    text_low = lower(text)
    title_low = title.lower()
    found = _joined_hits(title_low, text_low, _REMOTE_GATE)
    if not found:  # no gate word: no windows, so nothing to read (but a misspelt header field)
        nl = text_low.find("\n")
        head = title_low + "\n" + (text_low if nl < 0 else text_low[:nl])
        return "remote" if _header_remove(head) else "unknown"
    low = title_low + "\n" + text_low
    clean = _not_remote_work(_windows(low, _REMOTE_GATE, found=found))
    # Each regex runs only when the text holds literals that all of its matches contain:
    # _HYBRID's alternatives hold "hybrid" (or a misspelling of it); "week" or "days", and "office" or "site";
    # "office" or "site" right before a weekday (``_OFFICE_WEEKDAY``, ``_SITE_WEEKDAY``); "part" and "remote".
    may_remote = "remote" in clean
    may_hybrid = ("hybrid" in clean or "hyrbid" in clean or "hybird" in clean
                  or (("office" in clean or "site" in clean or "person" in clean) and ("week" in clean or "days" in clean))
                  or ("office" in clean and _OFFICE_WEEKDAY.search(clean) is not None)
                  or ("site" in clean and _SITE_WEEKDAY.search(clean) is not None)
                  or (may_remote and "part" in clean)
                  or ("tele" in clean and ("telew" in clean or "telec" in clean or "tele-" in clean)))
    if may_remote and _found_near(_REMOTE_NO, clean, "remote", _REMOTE_REACH):
        # (not a remote role, but "Fridays are work from home days": hybrid)
        return "hybrid" if ((may_hybrid and _hybrid(clean)) or (
            ("wfh" in clean or "from home" in clean or "from-home" in clean)
            and _WFH_PART.search(clean))) else "onsite"
    if (may_remote and ("part" in clean or "day" in clean)) and _PART_REMOTE.search(clean):
        return "hybrid"
    first = low.find("\n", len(title_low) + 1)  # (the end of the first line; "İ" lowers to two)
    end = len(low) if first < 0 else first
    # (a header that says onsite, over a body that names one to four office days, is hybrid:
    # "ONSITE Barcelona" above "3–4 days onsite in Eixample", as a header naming office days)
    if (any(w in found and found[w][0] < end for w in _HEADER_ONSITE_WORDS)
            and _header_says_onsite(low[:end])):
        return "hybrid" if _office_days(clean) else "onsite"
    if ((may_remote and (_found_near(_REMOTE_OK, clean, "remote", _REMOTE_REACH)
                         or ("open to" in clean and _OPEN_TO_REMOTE.search(clean) is not None)
                         or _remote_as_field(clean)))
            or ("remote" in found and _header_says_remote(low, len(title_low)))
            or _header_remove(low[:end])):
        return "remote"
    # work from home without the word "remote": on some days only it is hybrid work
    if ("wfh" in clean or "from home" in clean or "from-home" in clean) and _WFH_PART.search(clean):
        return "hybrid"
    if any(w in clean for w in _REMOTE_OTHER_WORDS) and _REMOTE_OK_OTHER.search(clean):
        return "remote"
    if may_hybrid and _hybrid(clean):
        return "hybrid"
    if any(w in clean for w in _ONSITE_WORDS) and _ONSITE.search(clean):
        return "onsite"
    return "unknown"


# "remote" misspelt in a field of the first line: "Acme | Senior Engineers | Remove US/Canada"
_HEADER_REMOVE = re.compile(r"\|\s*remove \(?(?:us\b|usa|u\.s|eu\b|uk\b|europe|canada|worldwide|global|anywhere)")


def _header_remove(head: str) -> bool:
    """A header's "| Remove US" (a typo of remote, read as remote)."""
    return "remove" in head and _HEADER_REMOVE.search(head) is not None


def _remote_as_field(clean: str) -> bool:
    """Whether the text (``clean``, lower-cased) says "remote" as a field's value, at the start of
    a line or sentence (``_REMOTE_FIELD``), or restricted to a place (``_REMOTE_PLACE_ONLY``).
    A bare "Remote" line with a list mark before it is a perk in a list, as "- Work from home"
    is (``_REMOTE_FALSE``), not a field."""
    i = clean.find("remote")
    while i >= 0:
        start = clean.rfind("\n", 0, i) + 1
        before: str | None = clean[start:i]
        if before and not _REMOTE_LEAD.fullmatch(before):
            # (or a sentence's start: "We hire. Remote, UK only.")
            stop = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
            before = None if stop < 0 or before[stop + 2:].strip() else ""
        if before is not None:
            m = _REMOTE_FIELD.match(clean, i)
            if m is not None and not (m.group().rstrip() == "remote" and before.strip()):
                return True
        m = _REMOTE_PLACE_ONLY.match(clean, i)
        if m is not None:
            words = m.group(1).replace(".", " ").split()
            if words and (is_place(words) or all(is_code(w.upper()) for w in words)):
                return True
        i = clean.find("remote", i + 1)
    return False


def _header_says_remote(low: str, title_len: int) -> bool:
    """Whether the first line of the text (``low`` is the lower-cased title, a line break and
    the lower-cased text; the lower-cased title is ``title_len`` characters long) says "remote" in a
    phrase that is not about remote work in another sense (only read when ``low`` holds
    "remote" at all)."""
    first = low.find("\n", title_len + 1)
    if first >= 0:
        # a header of fields goes on on the next line: a first line with no fields ("Acme" then
        # "Remote | Full time | https://..."), or a line that goes on with one (" | $350 | Remote")
        second = low.find("\n", first + 1)
        line = low[first + 1:] if second < 0 else low[first + 1:second]
        if "|" in line and ("|" not in low[title_len + 1:first] or line.lstrip().startswith("|")):
            first = len(low) if second < 0 else second
    header = _not_remote_work(low if first < 0 else low[:first])
    return "remote" in header and _HEADER_REMOTE.search(header) is not None


# A header of fields (a first line with "|") that names onsite work, and neither remote nor
# hybrid work, decides: "Acme | Engineer | NYC | ONSITE", whatever the text says of
# occasional work from home (or of a "hybrid" of skills). Every match holds one of the words.
_HEADER_ONSITE = by_first_char(_ONSITE_FORMS[:3])  # onsite, in office, in person
_HEADER_ONSITE_WORDS = ("site", "office", "person")
_HEADER_NOT_ONSITE = ("remote", "hybrid", "wfh", "work from", "flexib")


def _header_says_onsite(header: str) -> bool:
    """Whether the first line of the text (lower-cased, as in ``_header_says_remote``) is a
    header of fields that names onsite work, and no part of the week away from it."""
    return ("|" in header and not any(w in header for w in _HEADER_NOT_ONSITE)
            and _HEADER_ONSITE.search(header) is not None and not _hybrid(header))


def _joined_hits(title_low: str, text_low: str,
                 words: tuple[str, ...]) -> dict[str, list[int]]:
    """The ``hits`` of ``words`` in ``title_low + "\n" + text_low`` (no word holds a line break,
    so none spans the two)."""
    in_title = _title_hits(title_low, words)
    in_text = hits(text_low)
    shift = len(title_low) + 1
    out = {}
    for w in words:
        got = in_text.get(w)
        head = in_title.get(w)
        if got is not None:
            moved = list(map(shift.__add__, got))
            out[w] = moved if head is None else head + moved
        elif head is not None:
            out[w] = head
    return out


def _title_hits(low: str, words: tuple[str, ...]) -> dict[str, list[int]]:
    """Like ``hits`` of ``words`` (registered) for a short string, leaving the text's memo be."""
    if not any(w in low for w in words):
        return {}  # (most titles: a few substring tests instead of the scan)
    found = scan(low)
    return {w: found[w] for w in words if w in found}


def _not_remote_work(low: str) -> str:
    """``low`` with the phrases that use "remote" for something else, or name remote work as a
    perk, blanked (_REMOTE_FALSE)."""
    if "remote" not in low and "from home" not in low and "from-home" not in low and not ("during" in low and ("during the" in low or "during co" in low
                                                       or "during pan" in low)):
        return low  # no match possible
    return _REMOTE_FALSE.sub(" ", low)


# --- visa ------------------------------------------------------------------------------
# (each alternative of a group that starts one spelt out: "(?:no|not) X" as "no X|not X", the
# same tries in the same order, so that every alternative starts with its word and
# ``by_first_char`` can group them by their first letter: at most places the engine then
# gives up after one test, where it went into some 40 alternatives; a test ties this form to
# the one alternation it was written as)
_REFUSAL_WORDS = ("no", "not", "unable to", "cannot", "can[’']t", "can not", "do not", "don[’']t", "won[’']t",
                  "will not", "w(?<!with or w)ithout", "not able to", "isn[’']t", "is not", "aren[’']t",
                  "are not", "does not", "doesn[’']t")
_PERMIT_WORDS = ("visa", "sponsorship", r"immigration\b(?! status| law)", "work[- ]permits?", "h-?1-?b")
_VISA_NO = by_first_char((
    # (a refusal of "employer-sponsored" work authorisation too; not "with or without")
    # (also immigration and work permits refused, "we cannot help with work permits", "no
    # immigration support", not the law or a status; a quoted "sponsor")
    *(word + r"\s+(?:[\w/-]+\s+){0,5}?(?:[\w/]+-)?[\"“]?(?:visa|sponsor(?:ship)?|h-?1-?b|work[- ]permit|"
      r"immigration\b(?! status| and nationality| law| reform| services))" for word in _REFUSAL_WORDS),
    # Y Combinator's job board field "Visa: US citizen/visa only"; hires who would need
    # sponsorship turned away ("not hiring individuals who now or in the future require
    # sponsorship"); a role open to citizens only, or that requires citizenship
    "citizen(?:ship)?/visa only",
    *(lead + r"[^.\n]{0,30}requir\w* (?:\w+ ){0,3}sponsorship" for lead in ("now or in the future",
                                                                            "in the future")),
    *(lead + r" (?:u\.?s\.? )?citizens" for lead in ("only open to", "open only to", "restricted to",
                                                      "limited to")),
    r"requires? (?:\w+ ){0,2}(?:citizenship|work authori[sz]ation)",
    # a field that says no ("Visa sponsorship: No", "Visa: none", "Visa sponsorship? Not at
    # this time"; not "Sponsorship: not required"), or candidates who need
    # it turned away ("applicants requiring sponsorship will not be considered")
    *(field + r"(?:[/ &]+(?:relocation|sponsorship|support|assistance))? ?(?:\?|:|-) ?"
      r"(?:no|none|n/a|(?:unfortunately )?not(?! required| needed| necessary))\b"
      for field in ("visa", "sponsorship", "immigration")),
    *(verb + r"\w* (?:\w+ ){0,2}(?:visa|sponsorship|work[- ]permit)[^.\n]{0,40}?\b(?:not|ineligible)\b"
      for verb in ("requir", "need")),
    # (refused after the words too: "immigration support is not available", "work permit
    # assistance is not something we can offer", "H-1B transfers not supported")
    *(word + r"[^.\n]{0,30}\b(?:not (?:available|offered|provided|possible|supported|something we "
      r"(?:can|could) (?:offer|provide))|unavailable)" for word in _PERMIT_WORDS),
    r"must (?:be|have) (?:\w+\s+){0,4}(?:authori[sz]ed|eligible|right) (?:to work|for employment|to be employed)",
    # citizens only ("you must be a U.S. citizen"); a clearance that only citizens get ("active
    # Top Secret clearance", "TS/SCI clearance w/ polygraph")
    *(us + r" citizen(?:ship)? (?:is )?required" for us in ("us", r"u\.s\.")),
    r"must be (?:an? )?(?:us|u\.s\.|united states) citizens?\b", "security clearance",
    *(r"\b" + kind + r"\b[^.\n]{0,30}clearance" for kind in ("top secret", "ts/sci", "secret")),
    *(word + r" auth(?:ori[sz]ation)?\b[^.\n]{0,20}?\brequired" for word in ("work", "employment")),
    # a work permit the hire must already hold (a generic requirement, like being authorised)
    r"must (?:already )?(?:have|hold|possess) (?:\w+\s+){0,3}?work[- ]permit",
    r"work[- ]permits? (?:is |are )?(?:required|mandatory|needed)",
))
# Offers of sponsorship, each alternative written once: ``_VISA_OFFER`` is made of these,
# ``_VISA_YES`` of these and looser ones.
_SPONSOR_VISAS = r"sponsor(?:ship|s)? (?:\w+\s+){0,2}visas?\b"
# (also "able to sponsor", "open to sponsoring", "happy to sponsor", "will consider sponsoring":
# sponsorship possible; "unable to" / "not able to sponsor" are refusals, read first)
_WILL_SPONSOR = (r"will sponsor|can sponsor|(?<!un)able to sponsor|(?:open|happy|willing) to sponsor|"
                 r"consider sponsoring")
_WE_SPONSOR = r"we sponsor(?= visas?\b| h-?1-?b| work| employment"  # (closed by each user)
_SPONSORSHIP_AVAILABLE = r"sponsorship (?:is )?(?:available|offered|provided|possible)"
# An offer worded without "sponsor": visas, immigration or work permits supported, helped
# with or handled ("we support visa applications", "immigration support", "we handle the
# immigration process", "relocation package, work permit"), H-1B transfers, hires who need
# a visa or permit welcome ("open to candidates who need a work permit"). Refusals in the
# same words are read first (``_VISA_NO``).
_PAPERS = r"(?:visas?|immigration|work[- ]permits?)\b"
# (bare "immigration" right after the verb is the company's trade, "we support immigration",
# "you will support immigration cases", "helps employers handle immigration for their staff",
# unless the papers follow, "we handle immigration paperwork": the hire's immigration is
# named after an object, a preposition or a determiner, "help you with (your) immigration")
_HIRE_WORDS = ("you", "candidates", "hires", "employees", "them", "with", "through", "on", "for",
               "in", "of", "the", "your", "all", "any", "their", "a", "an", "and", "relocation,")
_HIRE_PAPERS = (
    r"(?:visas?\b|work[- ]permits?\b|(?:" + "|".join(rf"(?<=\b{w} )" for w in _HIRE_WORDS)
    + r"|(?<= & ))immigration\b|immigration(?= (?:process|applications?|paperwork|costs|fees|needs|"
    r"requirements|and relocation)))"
)
_HELP_OFFER = (
    r"(?:visas?|immigration|work[- ]permits?)(?: (?:and|&) relocation)? (?:support|assistance|help)\b|"
    # (the papers the hire needs, not the card company, "help merchants accept Visa", nor
    # immigration as a trade, "support immigration attorneys")
    r"(?:support|help|assist|handle|handling|take care of|guide you through|cover)\w* "
    r"(?:(?:you|candidates|hires|employees|them) )?(?:(?:with|through|on|for|in|of) )?"
    r"(?:(?:the|your|all|any|their|an?) )?(?:(?:work|relocation (?:and|&)|relocation,) )?" + _HIRE_PAPERS
    + r"(?!,? (?:and )?(?:mastercard|amex)| card| payments?| status| and nationality| law| reform| services"
    r"| attorneys?| lawyers?| firms?| data)|"
    r"relocation(?: package| support| assistance)?(?:,| and| &| \+|/) ?" + _PAPERS + r"|"
    r"h-?1-?b transfers?|"
    r"(?:need|requir)\w* (?:\w+ ){0,2}?(?:visas?|work[- ]permits?|sponsorship)\b[^.\n]{0,30}?"
    r"\b(?:welcome|encouraged)|"
    r"open to [^.\n]{0,30}?\b(?:need|requir)\w* (?:\w+ ){0,2}?(?:visas?|work[- ]permits?|sponsorship)\b"
)
# (not the card company, "Visa’s mission", "across Visa, Mastercard and Amex", nor a neutral
# "visa status"; "we sponsor" visas, not "we sponsor PyCon")
_BARE_VISA = r"\bvisa(?:s)?\b(?! card| status|net|[’']s\b|,? (?:and |or |& )?mastercard| payments?\b)"
# The looser offers but a bare "visa".
_VISA_YES_WORDED = re.compile(
    _SPONSOR_VISAS + r"|h-?1-?b|relocation and visa|" + _WILL_SPONSOR + "|"
    + _WE_SPONSOR + r"|[.!,;)]|\s*$)|" + _SPONSORSHIP_AVAILABLE + "|" + _HELP_OFFER,
)
_VISA_YES = re.compile(_BARE_VISA + "|" + _VISA_YES_WORDED.pattern)
# Visa the card company named as such ("Visa’s mission", "At Visa, your individuality...",
# "the Visa payments team", "Visa Inc."): in such a posting a bare "visa" is the company's
# name, and only an offer in other words counts. (Not "at visa" followed by the papers' words,
# "arrive at visa processing", nor a visa's "holders" or "status".)
_VISA_COMPANY = re.compile(
    r"\bvisa(?:[’']s\b| inc\b| payments?\b| network\b| direct\b| checkout\b| merchants?\b"
    r"| transactions?\b| credit\b| debit\b| cards?\b|,? (?:and |or |& )?(?:mastercard|amex\b|american express)"
    r"|/mastercard| will consider for employment)|"
    r"\b(?:at|join|joining|within|across) visa\b(?! ?(?:sponsor\w*|support|assistance|help|process\w*|"
    r"applications?|requirements?|status|holders?|issues?|/|&|-))")
# A clause on the company's trade, not an offer to the hire: third parties helped or served
# with visas, immigration or work permits, or a product that handles them ("We build tools to
# help companies handle work permits and visas for their employees", "a platform for employers
# to manage immigration", "software that supports visa applications"): from the third party
# (the product) to the clause's end, blanked only when the clause names the papers.
_VISA_TRADE = re.compile(
    r"\b(?:help(?:s|ing)?|enabl(?:e|es|ing)|allow(?:s|ing)?|empower(?:s|ing)?|lets?|for|serv(?:e|es|ing))"
    r"\s+(?:[\w-]+\s+){0,3}?(?:companies|employers|businesses|organi[sz]ations|enterprises|firms|"
    r"clients|customers|hr(?: teams?| departments?| leaders)?|startups|universities|immigrants|"
    r"merchants|banks|governments)\b[^.;!?\n]*|"
    # (a product that does it: "We build software that supports visa applications")
    r"\b(?:software|tools?|platforms?|products?|apps?|solutions?|saas)\s+(?:that|which|to)\b[^.;!?\n]*")
_PAPERS_WORDS = re.compile(r"visa|immigration|permit|sponsor")


def _not_trade(low: str) -> str:
    """``low`` with the clauses on the company's trade that name the papers blanked
    (``_VISA_TRADE``)."""
    return _VISA_TRADE.sub(lambda m: " " * len(m[0]) if _PAPERS_WORDS.search(m[0]) else m[0], low)


# "(must be) authorized to work in the US with or without sponsorship": hires who need it are
# welcome (read before the refusals, which "must be authorized to work" is one of).
_VISA_EITHER = re.compile(r"with or without (?:\w+ ){0,2}sponsorship")
# A clearance or citizenship said not to be needed ("no security clearance required", "we do
# not require US citizenship", "clearance is not required"): no refusal (not "do not have a
# clearance": a requirement). Read only around a refusal naming a clearance or citizenship.
_NOT_REQUIRED = re.compile(
    r"(?:\bno|\bnot|n[’']t)\s+(?:requir\w*|need\w*)\s+(?:to (?:be|have|hold)\s+)?"
    r"(?:(?:an?|any)\s+)?(?:(?:u\.s\.|[\w/]+)\s+){0,2}?(?:clearances?|citizen(?:ship|s)?|ts/sci|top secret)\b"
    r"|\bno\s+(?:(?:u\.s\.|[\w/]+)\s+){0,2}?(?:clearances?|citizenship|ts/sci|top secret)\s+(?:is\s+)?"
    r"(?:required|needed|necessary)"
    r"|(?:clearances?|citizenship|ts/sci|top secret)\s+(?:is\s+|are\s+)?not\s+(?:required|needed|necessary)")
# Refusals read apart, each from its literal start, which the regex engine finds fast (the
# cost of ``_VISA_NO`` grows with each alternative it tries at every position): citizens
# "only" ("US citizens and permanent residents only"), "authorization to work in Canada is
# required".
_CITIZENS_ONLY = re.compile(r"citizens(?:,? (?:and|or|&) (?:[\w-]+ ){0,3}?(?:residents|holders))? only\b")
# Citizens or green-card holders required or only ("US Citizenship or green card required",
# "U.S. Citizens/Green Card holders residing in the U.S. only", "only US citizens or
# permanent residents"): a refusal (read where both words occur).
_CITIZEN_OR_RESIDENT = re.compile(
    r"citizen(?:s|ship)?\s*(?:or|and|/|&)\s*(?:an? )?(?:u\.?s\.? )?(?:lawful )?(?:green[- ]card|permanent "
    r"resident)(?:s| holders?)?\b(?:u\.s\.|[^.\n]){0,40}?\b(?<!not )(?<!n[’']t )(?:required|only)\b|"
    r"\bonly (?:u\.?s\.? )?citizens?\s*(?:or|and|/|&)\s*(?:u\.?s\.? )?(?:green[- ]card|permanent resident)")
# (not said not to be needed, as ``_not_required`` does for the other refusals: "US citizen or
# green card holder not required" (above), "no US citizenship or green card required")
_NO_BEFORE = re.compile(r"\bno\s+(?:u\.?s\.?\s+)?$")


def _citizen_or_resident(low: str) -> bool:
    """Whether ``low`` asks for citizens or green-card holders (``_CITIZEN_OR_RESIDENT``)."""
    return any(not _NO_BEFORE.search(low, max(0, m.start() - 10), m.start())
               for m in _CITIZEN_OR_RESIDENT.finditer(low))
_AUTHORIZATION_REQUIRED = re.compile(r"authori[sz]ation to work\b[^.\n]{0,30}?\brequired")
# A Top Secret / TS/SCI clearance named without the word "clearance" ("TS/SCI required", "active
# TS/SCI with poly", "Top Secret preferred"): only citizens can hold one, so a refusal.
_TOP_SECRET = re.compile(
    r"\bts/sci\b|\b(?:active|current|hold|holds|obtain|maintain) (?:an? )?top secret\b|"
    r"\btop secret\b,? (?:\w+ ){0,2}?(?:required|preferred|eligib\w*|with (?:full[- ]scope )?poly)")
# An explicit offer of sponsorship (stricter than ``_VISA_YES``: no bare "visa"), which beats
# a generic requirement to be authorised / eligible to work ("Must be eligible to work in the
# UK (we can sponsor visas)") but never an explicit refusal.
_VISA_OFFER = re.compile(
    _SPONSOR_VISAS + "|" + _WILL_SPONSOR + "|" + _WE_SPONSOR + ")|" + _SPONSORSHIP_AVAILABLE
    + r"|sponsorship ?: ?yes\b|" + _HELP_OFFER)
# (words one of whose ``_VISA_OFFER`` matches has)
_OFFER_WORDS = ("sponsor", "visa", "immigration", "permit", "h1b", "h-1b", "h1-b", "h-1-b")
_VISA_GATE = ("visa", "sponsor", "h1b", "h-1b", "h1-b", "h-1-b", "authori", "citizen", "clearance", "work auth",
              "ts/sci", "top secret", "immigration", "work permit", "work-permit")
register(_VISA_GATE)


def visa(text: str) -> str:
    """``offered`` / ``not-offered`` / ``unknown`` visa sponsorship."""
    low = _windows(lower(text), _VISA_GATE, 80)
    if not low:
        return "unknown"
    if "with or without" in low and _VISA_EITHER.search(low):
        return "offered"
    refusal = _refusal(low, 0)
    if refusal is not None and not _generic(refusal[0]) \
            or ("citizens " in low and _CITIZENS_ONLY.search(low)) or _top_secret(low) \
            or (("green card" in low or "green-card" in low or "permanent resident" in low)
                and _citizen_or_resident(low)):
        return "not-offered"
    if refusal is not None or ("ation to work" in low and _AUTHORIZATION_REQUIRED.search(low)):
        # only a generic requirement to be authorised to work: an explicit offer of sponsorship
        # beats it, unless an explicit refusal follows it
        if any(w in low for w in _OFFER_WORDS):
            while refusal is not None and _generic(refusal[0]):
                refusal = _refusal(low, refusal.end())
            if refusal is None and _VISA_OFFER.search(_not_trade(low)):
                return "offered"
        return "not-offered"
    offers = _not_trade(low)
    if (_VISA_YES_WORDED if _VISA_COMPANY.search(low) else _VISA_YES).search(offers):
        return "offered"
    return "unknown"


def _refusal(low: str, pos: int) -> re.Match[str] | None:
    """The first ``_VISA_NO`` refusal in ``low`` from ``pos`` that is no clearance or
    citizenship said not to be needed."""
    refusal = _VISA_NO.search(low, pos)
    while refusal and ("clearance" in refusal[0] or "citizen" in refusal[0]) \
            and _not_required(low, refusal.start(), refusal.end()):
        refusal = _VISA_NO.search(low, refusal.end())
    return refusal


# (and immigration, or a permit refused after the words: "work permit assistance is not
# provided" is no requirement to hold one)
_EXPLICIT_WORDS = ("citizen", "visa", "sponsor", "h1b", "h-1b", "h1-b", "h-1-b", "clearance", "immigration",
                   "not available", "not offered", "not provided", "not possible", "not supported",
                   "not something", "unavailable")


def _generic(refusal: str) -> bool:
    """Whether a ``_VISA_NO`` match is only a generic requirement to be authorised / eligible
    to work ("must be eligible to work in the UK", "work authorization required"), which
    names no visa, sponsorship, citizenship or clearance."""
    return refusal.startswith(("must", "requir", "work", "employment")) \
        and not any(w in refusal for w in _EXPLICIT_WORDS)


def _top_secret(low: str) -> bool:
    """Whether ``low`` asks for a Top Secret / TS/SCI clearance without the word
    "clearance" (not one said not to be needed)."""
    if "ts/sci" not in low and "top secret" not in low:
        return False
    return any(not _not_required(low, m.start(), m.end()) for m in _TOP_SECRET.finditer(low))


def _not_required(low: str, start: int, end: int) -> bool:
    """Whether the refusal at ``[start, end)`` of ``low`` is a clearance or citizenship said
    not to be needed (``_NOT_REQUIRED``, read only around it)."""
    return any(m.start() < end and m.end() > start
               for m in _NOT_REQUIRED.finditer(low, max(0, start - 60), end + 60))


# --- specialisation ----------------------------------------------------------------------
# Counted on the classifier's word/bigram counts (see ``features``): no regex per posting.
SPECIALISATION_TERMS: dict[str, tuple[str, ...]] = {
    "llm-genai": ("llm", "llms", "large language", "generative ai", "genai", "gen ai", "rag",
                  "retrieval-augmented", "prompt engineering", "gpt", "foundation models",
                  "agentic", "ai agents", "agents", "llama", "langchain", "diffusion models",
                  "chatbot", "chatbots", "openai", "anthropic", "claude", "prompt", "prompts"),
    "nlp": ("nlp", "natural language", "text mining", "text analytics", "ner", "named entity",
            "machine translation", "topic modeling", "topic modelling", "sentiment analysis",
            "computational linguistics", "language understanding", "nlu", "linguistics"),
    "computer-vision": ("computer vision", "image processing", "image recognition",
                        "image classification", "image segmentation", "object detection",
                        "video understanding", "vision", "lidar", "opencv", "images", "imaging",
                        "image", "imagery"),
    "speech": ("speech", "asr", "text-to-speech", "tts", "voice recognition", "speaker diarization",
               "audio", "voice"),
    # (not the plural "recommendations": nearly always advice, "make recommendations to
    # leadership", "insights and recommendations"; measured on the dev labels and batch4-22,
    # recsys read where the label has none 13 -> 5, none lost where it has it)
    "recsys": ("recommender", "recommenders", "recommendation",
               "collaborative filtering", "personalization", "personalisation"),
    "time-series": ("time series", "time-series", "forecasting", "forecast", "forecasts",
                    "anomaly detection"),
    "rl": ("reinforcement learning", "rl", "rlhf", "bandits", "multi-armed"),
    "search-ir": ("information retrieval", "search relevance", "search ranking", "search quality",
                  "search engine", "learning-to-rank", "ranking", "semantic search",
                  "vector search", "relevance", "retrieval"),
    "tabular": ("tabular", "gradient boosting", "xgboost", "lightgbm", "catboost", "credit risk",
                "credit scoring", "fraud detection", "churn"),
}


def specialisations(title_counts: dict[str, int], text_counts: dict[str, int], *,
                    ml_role: bool) -> list[str]:
    """The specialisations that stand out: a title hit, or repeated mentions in the text
    (``MIN_MENTIONS``).

    Args:
        title_counts: word/bigram counts of the title (``t:`` keys, see ``features``).
        text_counts: word/bigram counts of the description (``d:`` keys).
        ml_role: False for non-ML roles, which get no specialisation.
    """
    if not ml_role:
        return []
    out: list[tuple[int, str]] = []
    # A title has a few words: look its keys up instead of every term (counts are whole).
    title_hits = [0] * len(_SPECIALISATION_NAMES)
    for key, n in title_counts.items():
        for g in _TITLE_KEY_GROUPS.get(key, ()):
            title_hits[g] += n
    # A text holds a few of the terms: the keys both have, found in one set operation (in C).
    text_hits = [0] * len(_SPECIALISATION_NAMES)
    for key in _TEXT_KEY_GROUPS.keys() & text_counts.keys():
        n = text_counts[key]
        for g in _TEXT_KEY_GROUPS[key]:
            text_hits[g] += n
    for name, in_title, count, need in zip(_SPECIALISATION_NAMES, title_hits, text_hits,
                                           _SPECIALISATION_MENTIONS):
        if in_title or count >= need:
            out.append((-(count + 10 * in_title), name))
    return [name for _, name in sorted(out)[:3]]


# The mentions in the text that make a specialisation stand out without a title hit: three,
# but two for NLP and LLM/GenAI. Labellers mark those on two mentions ("NLP" twice, or
# "natural language processing (NLP)" once, which counts both terms); measured over the dev
# labels and batch4-22, specialisation accuracy 0.810 -> 0.839 (dev) and 0.790 -> 0.812.
MIN_MENTIONS: dict[str, int] = {"nlp": 2, "llm-genai": 2}
_SPECIALISATION_MENTIONS = tuple(MIN_MENTIONS.get(name, 3) for name in SPECIALISATION_TERMS)
# Terms that name the specialisation's own technology and nothing else: one mention makes it
# stand out (it counts as many mentions as the specialisation needs). Labellers mark
# "LLM", "generative AI" or AI "agents" said once; "LLMs", "OpenAI" or "chatbot" said once are
# often context ("familiarity with LLMs", "a customer of OpenAI") and still need a second
# mention. (Measured on the dev labels and batch4-22 with the shipped model: "agents" and
# "agentic" 1,421 -> 1,431 of 1,713 right; the other strong terms 1,399 -> 1,421.)
STRONG_TERMS: dict[str, tuple[str, ...]] = {
    "llm-genai": ("llm", "large language", "generative ai", "genai", "langchain",
                  "prompt engineering", "retrieval-augmented", "agents", "agentic"),
    "recsys": ("recommender", "recommendation"),
}
# For each count key of a term, the specialisations (by index, once per term that gives it)
# it counts for: title keys (``t:``) and text keys (``d:``).
_SPECIALISATION_NAMES = tuple(SPECIALISATION_TERMS)
_TITLE_KEY_GROUPS: dict[str, list[int]] = {}
_TEXT_KEY_GROUPS: dict[str, list[int]] = {}
for _g, (_name, _terms) in enumerate(SPECIALISATION_TERMS.items()):
    for _t in _terms:
        _TITLE_KEY_GROUPS.setdefault("t:" + _t, []).append(_g)
        # (a strong term's group listed once per mention it counts as: no weights to look up)
        _weight = _SPECIALISATION_MENTIONS[_g] if _t in STRONG_TERMS.get(_name, ()) else 1
        _TEXT_KEY_GROUPS.setdefault("d:" + _t, []).extend([_g] * _weight)


# --- company stage -----------------------------------------------------------------------
# (a range of rounds is of others, clients or wished-for employers: "We staff engineers for
# Series A-C companies", "Series A-C, 10-100 people")
_STARTUP = re.compile(
    r"\b(?:pre-seed|seed[\s-](?:stage|funded|round|funding|backed)|series [a-c]\b(?! startups| ?[-–] ?[a-f]\b)|"
    # ("(YC)" after a name: the "(" follows a space, so no "\b" before it)
    # (the "yc" forms as one branch: its two letters are matched once)
    # ("We're backed by YC and Initialized": "yc" after "by ")
    r"yc(?: [a-z]?\d{2}\b|(?<=\(yc)\b|(?<=by yc)\b|[\s-]backed| (?:company|startup)\b)|y combinator|"
    # ("We are an ambitious, well-funded startup")
    r"(?:we are|we're|we’re|is|are) an? (?:[\w/.-]+,? ){0,3}(?:startup|start-up)|"
    # (a startup's ways are no stage: "the spirit of a startup", "a startup mentality", "the
    # excitement and pace of a startup"; nor a unit that works as one inside a company,
    # "Operating as a tech startup within a Fortune 100 company")
    # (each word before its look-behinds: a branch that starts with a letter is tried only
    # where that letter is)
    r"(?:our(?<!spirit of our)(?<!like our)|a(?<!spirit of a)(?<!like a)(?<!pace of a)(?<!energy of a)"
    r"(?<!feel of a)(?<!agility of a)(?<!culture of a)|the(?<!spirit of the)"
    r"(?<!like the)) (?:[\w-]+ )?startup\b(?! (?:mentality|mindset|spirit|culture)| within\b)|"
    # (not the hire's past: "Experience as a founding engineer"; the word before its
    # look-behinds, so they are tried only after it, not at every word of the windows)
    r"founding(?<!experience as a founding)(?<!worked as a founding)"
    r" (?:[\w/-]+ ){0,2}(?:engineer|team|member|role|hire|designer|scientist|lead|"
    # (not a person's own team: "Led a 4-person team to 2nd place"; the digit before its
    # look-behinds, so they are tried only after a digit: ``(?<!led a )\d`` as ``\d(?<!led a \d)``)
    r"researcher|developer|architect)|\d(?<!led a \d)(?<!lead a \d)(?<!leading a \d)(?<!managed a \d)"
    r"(?<!managing a \d)\d?[\s-](?:person|people) (?:team|company|startup)|"
    # ("stealth" as the company's state: not "stealth bombers", nor a "stealthy" round)
    r"venture[\s-]backed|vc[\s-]backed|stealth\b(?! (?:bombers?|fighters?|aircraft|jets?|technolog))"
    # (nor a project's: "our stealth hardware project"; the look-ahead within the 40
    # characters of the word's window)
    r"(?! (?:[\w-]{1,20} )?(?:projects?|products?|features?)\b))")
# The company's own early stage or seed round, searched only near its words (``_OWN_WORDS``:
# every match holds one, starting at most 45 characters before it and ending, look-aheads
# included, at most 50 after it; "we're early" and "we are early" hold "re early").
_STARTUP_OWN = re.compile(
    r"\b(?:"
    r"(?:we are|we're|we’re) small (?:and|but) (?:early|[\w-]+ (?:startup|start-up))\b|"
    # the company's own early stage ("an early-stage AI company", "in that exciting early
    # stage", "we are early, moving fast"; a word between is at most 20 letters, so every
    # match lies within _OWN_RADIUS of its trigger word), not its clients' ("clients a mix of early-stage
    # and enterprise") nor a product's ("from early-stage to production"), nor others' in the
    # plural ("operating experience in early-stage startups")
    r"early[\s-]stage(?:,| (?:[\w-]{1,20} ){0,2}(?:startup|start-up|company|team|environment|"
    r"saas|venture|business|chaos|fintech|firm)\b)|"
    r"(?:we are|we're|we’re) (?:in (?:that|an?|the) (?:[\w-]{1,20} )?early stage|"
    r"early(?=[,.;]| and| days))|"
    r"\ban? early (?:[\w-]{1,20} )?(?:hire|employee|engineer)\b|"
    # a seed round of its own ("raised a $5M seed", "| Seed |", "equity at seed startup")
    # (after the group's "\b": a "$" before the amount, a field of its own before "seed")
    r"(?<=\$)\d[\d.]*\s?m(?:illion)? seed\b|"
    r"(?:(?<=\| )|(?<=[|\n])|(?<![\s\S]))seed(?: stage)?(?= ?(?:\||\n|$))|at (?:a )?seed\b)")
_OWN_WORDS = ("early-stage", *_spaced("early stage"), "re early", "early hire", "early employee",
              "early engineer", "an early", "a early", "seed", "small and", "small but")
register(_OWN_WORDS)
_OWN_SET = frozenset(_OWN_WORDS)
_OWN_RADIUS = 60
# "Fortune 500" names the employer's size as "a Fortune 500 company", "ranked on the Fortune
# 500", "Fortune 100 Best Companies": not as its clients ("serves Fortune 500 companies",
# "hundreds of Fortune 500 clients", "57% of the Fortune 100", "ex-Fortune 100").
_LARGE = re.compile(r"\b(?:an?|on the|top) fortune \d{2,4}\b(?!®? (?:companies|clients|customers|"
                    r"firms|organi[sz]ations|brands|enterprises|insurers|leaders)\b)|"
                    # (also "Fortune 500 energy company", a kind of trade between)
                    r"(?<!-)\bfortune \d{2,4}®? (?:[\w-]{1,12} ){0,2}?(?:company|best|list)\b|"
                    r"\b\d{1,3},?\d{3}\+? employees|"
                    # (a listing of its own: not its clients', "publicly traded banks", nor an
                    # index, "Nasdaq-100")
                    r"publicly[\s-]traded(?! (?:companies|banks|firms|clients|customers|brands|"
                    r"insurers|enterprises|organi[sz]ations)\b)|\bnyse\b|\bnasdaq\b(?![\s-]?(?:100|composite)\b)")


_STAGE_GATE = ("seed", "series", "yc", "y combinator", "startup", "start-up", "early", "founding",
               "person", "people", "team of", "backed", "stealth", "fortune", "employees",
               "traded", "nyse", "nasdaq")
register(_STAGE_GATE)

# The company's own headcount ("we're a team of ~40", "our team of four", "we are 200
# people", "~100 people total", "a 1,500-strong team"), not the hire's team ("lead a team of
# 6"): up to 50 people is a startup, up to 1,000 mid-size (the ``company_size`` bands).
# Searched in the windows of its words (every match holds one).
_HEADCOUNT_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                      "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                      "forty": 40, "fifty": 50}
_ABOUT = r"(?:~ ?|about |around |approximately |roughly |just |only |over |nearly )?"
# (not a growth multiplier: "headcount growth of 2x", "a team of 2-3x more productive
# people", "our headcount of 3x'd" are no count of people)
_COUNT = r"(\d{1,3}(?:,\d{3})*|" + "|".join(_HEADCOUNT_NUMBERS) + r")(?![-–]?\d*[x×](?![a-z]))"
# A count or a range of counts, read by its low end ("~20-30 people", "a 5-10 person team": the
# ``company_size`` bands read "51 to 200" so too)
_COUNTS = _COUNT + r"(?:[-–]\d{1,3}(?:,\d{3})*)?"
# The characters a ``_HEADCOUNT`` match can start with: a word's first letter of its
# branches' first words ("we", "our", "an", "is", "about", "small", "company", a number
# word...) or digit, or "~", a line break, "." or "|" (a branch that starts at the text's
# start starts with "small", "tiny" or "team"). Tested first, so the engine gives up at once
# at the other characters, where it tried each of the 16 branches: 0.44x the time of a corpus
# pass's windowed searches, the same matches (a test ties the two).
_HEADCOUNT_START = r"(?=[~\n.|]|\b[woaitscfbhen\d])"
_HEADCOUNT = re.compile(
    _HEADCOUNT_START + "(?:"
    rf"\b(?:we are|we're|we’re) an? (?:[\w-]+,? ){{0,3}}(?:team|company|startup) of {_ABOUT}{_COUNT}\b|"
    rf"\bour (?:[\w-]+ )?team of {_ABOUT}{_COUNT}\b|"
    rf"\b(?<!as )an? (?:[\w-]+ ){{0,2}}team of {_ABOUT}{_COUNTS}\+?(?: [\w-]+){{0,3}}? "
    r"(?:people|employees|persons)\b|"
    # a sentence of its own: "Team of 5.", "Small team of 5 (3 in engineering)"
    rf"(?:^|\n|\. )(?:small |tiny )?team of {_ABOUT}{_COUNT}\b|"
    rf"\b(?:we are|we're|we’re) (?:currently |now )?{_ABOUT}{_COUNTS}\+? (?:people|employees|persons)\b|"
    rf"\bwe (?:currently |now )?employ {_ABOUT}{_COUNTS}\+? (?:people|employees|persons)\b|"
    rf"\bour (?:whole |entire )?(?:team|company) (?:is |has grown to |to )?(?:now |currently )?{_ABOUT}"
    rf"{_COUNT}\+? (?:people|employees)\b|"
    # an "N-person" company or team of the company's own ("our 90-person engineering team",
    # "we're a 5-person dev agency", "join our 50+ person team")
    rf"\b(?:(?:we are|we're|we’re|is) an?|our) (?:[\w-]+,? ){{0,2}}?{_COUNTS}\+?[\s-](?:person|people) "
    r"(?:[\w-]+ ){0,2}?(?:team|company|startup|agency|shop|non-?profit|firm|studio|business|lab)\b|"
    # "~N people" as an item of a list of facts ("- ~250 people, no traders", "(YC W'21, ~100
    # employees, growing", "We're ~3 years old, ~60 people, with", "Impact: ~100 people (~70
    # engineers)")
    # (the "~" first, the look-behinds after it: other characters fail at once)
    rf"~(?:(?<=[,(|\n]~)|(?<=[,(|\n:-] ~)) ?{_COUNTS}\+? (?:people|employees)(?= ?[,;()|\n])|"
    rf"(?:~ ?|\babout |\baround ){_COUNT}\+? (?:people|employees) (?:total|strong|worldwide|globally)\b|"
    rf"\b{_COUNT}\+?-strong (?:team|company|workforce)\b|"
    # "we're a small (currently 6 people) firm", "a series C company with ~90 people",
    # "| ~20 people |" (a header field)
    rf"\b(?:small|company|startup|firm|team),? \((?:currently |now |about |around |~ ?)*{_COUNT}\+? "
    r"(?:people|employees|persons)\b|"
    rf"\b(?:company|startup|firm|business|we are|we're|we’re)[^.\n]{{0,40}}?\bwith {_ABOUT}"
    rf"{_COUNT}\+? (?:people|employees)\b|"
    rf"\| ?{_ABOUT}{_COUNTS}\+? (?:people|employees) ?(?=\||\n)|"
    # the company's with a team of N ("Bootstrapped to $1M ARR with a team of ~20, recently
    # raised", "With a team of five, we scaled"; the count ends a clause), not the hire's
    # ("you will work closely with a team of 5", "a team of 5 engineers")
    # (the look-behinds after "with": a branch that starts with them is tried at every character)
    r"\bwith(?<!work with)(?<!works with)(?<!working with)(?<!closely with)(?<!collaborate with)"
    rf"(?<!collaborating with)(?<!partner with)(?<!together with) an? (?:small |lean |tiny |growing )?"
    rf"team of {_ABOUT}{_COUNTS}\+?"
    r"(?=[,.;:)]| and | from |\n|$)|"
    # a headcount field or figure ("Headcount: ~35", "headcount growth (currently at ~500)",
    # "our headcount of 40"), not a rate ("headcount growth of 50%")
    r"\bheadcount(?: growth)?(?::|\s\((?:currently |now )?(?:at |of |is )?| (?:is|of) (?:currently |now )?)"
    rf"\s?{_ABOUT}{_COUNTS}\+?(?![\d%]|,\d| ?percent)" + ")")
_HEADCOUNT_WORDS = ("team of", "company of", "startup of", "people", "employees", "person", "-strong",
                    "headcount")
register(_HEADCOUNT_WORDS)
# Every match has a count right after one of its "of" words, or right before one of its
# others ("N people", "N+ employees", "N persons", "N-strong"), or is a "headcount" form (its
# every occurrence is searched): a text with none is not searched (the tests below are looser
# than the regex, never stricter).
_COUNT_AFTER = re.compile(rf" {_ABOUT}(?:\d|(?:{'|'.join(_HEADCOUNT_NUMBERS)})\b)")
_COUNT_WORDS = tuple(_HEADCOUNT_NUMBERS)


def _count_ends_at(low: str, j: int) -> bool:
    """Whether a count (digits or a number word, then maybe "+") may end at ``j``."""
    if j > 0 and low[j - 1] == "+":
        j -= 1
    return j > 0 and (low[j - 1].isdigit() or low.endswith(_COUNT_WORDS, max(0, j - 7), j))


def _counted(low: str, found: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The words of ``_HEADCOUNT_WORDS`` in ``low`` (``found``: its hits) that may have a count
    beside them as a ``_HEADCOUNT`` match has, as (start, end) spans in text order."""
    out = [(i, i + len(w)) for w in ("team of", "company of", "startup of")
           for i in found.get(w, ()) if _COUNT_AFTER.match(low, i + len(w))]
    out += [(i, i + len(w)) for w in ("people", "employees", "person") for i in found.get(w, ())
            if i > 1 and low[i - 1] in " -" and _count_ends_at(low, i - 1)]
    out += [(i, i + 7) for i in found.get("-strong", ()) if _count_ends_at(low, i)]
    out += [(i, i + 9) for i in found.get("headcount", ())]  # (rare: each is searched)
    return sorted(out)


# How far around a counted word a ``_HEADCOUNT`` match is looked for: every match holds a
# counted word, with all it reads within 80 characters of it while its count is at most 9
# characters ("100,000+"), its [\w-] words at most 13 and its "(currently ..." words at most
# 5 ("a business [40 characters] with approximately 100,000+ people" starts 78 characters
# before "people"; at 60, such a match was cut off).
_HEADCOUNT_RADIUS = 80


def _headcount(low: str, found: dict[str, list[int]]) -> re.Match[str] | None:
    """The first ``_HEADCOUNT`` match within ``_HEADCOUNT_RADIUS`` characters of a counted
    word (``_counted``), searched word by word, as the whole text reads it (``_window_match``:
    a window's end may cut a count, "team of 1,000" to "team of 1,0", read as 1)."""
    for a, b in _counted(low, found):
        hi = b + _HEADCOUNT_RADIUS
        m = _HEADCOUNT.search(low, max(0, a - _HEADCOUNT_RADIUS), hi)
        if m is not None and (m := _confirmed(_HEADCOUNT, low, m, hi)) is not None:
            return m
    return None
_LARGE_WORDS = ("fortune", "employees", "traded", "nyse", "nasdaq")
_STARTUP_WORDS = tuple(w for w in _STAGE_GATE if w not in _LARGE_WORDS)


# The industries of recruiters and staffing agencies, whose size field describes them, not the
# employer they hire for (LABELS.md: the field counts "when it describes the employer").
_RECRUITER_INDUSTRIES = frozenset({"staffing & outsourcing", "staffing and outsourcing",
                                   "staffing and recruiting", "staffing & recruiting"})


def employer_size(fields: Mapping[str, Any]) -> Any:
    """The ``company_size`` of a record's fields when it is the employer's: None for a
    recruiter's or staffing agency's posting (by its ``industry`` field)."""
    industry = fields.get("industry")
    if isinstance(industry, str) and industry.strip().lower() in _RECRUITER_INDUSTRIES:
        return None
    return fields.get("company_size")


def company_stage(text: str, company_size: str | None, places: Sequence[str] = ()) -> str:
    """startup / mid-size / large / unknown: explicit text first, then ``company_size``.

    ``places``: the posting's own location fields ("Bozeman, MT"), where a town before a
    headcount's "team" or "office" may be named instead of in the text (``_placed_town``)."""
    text_low = lower(text)
    # Each regex runs only when the windows hold one of the words all its matches hold: the
    # words the text holds (its trigger hits), every occurrence of a gate word lying in its
    # window (and none spanning two: no word holds a line break). The windows (of every
    # gate word: a match may run on into a neighbour's) are made only for ``_STARTUP``.
    found = hits(text_low)
    # (a headcount first: "a Series C company with ~90 people" is mid-size)
    if any(w in found for w in _HEADCOUNT_WORDS):
        m = _headcount(text_low, found)
        # (not a local office's: "In London we are a team of 3", "our London team of 5" say
        # nothing of the firm; nor a shorter match inside it, which counts the same people:
        # "a team of 30 people" of "In London we are a team of 30 people")
        while m is not None and (_local_office(text, text_low, m.start())
                                 or _local_team(text, text_low, m, places)):
            m = _HEADCOUNT.search(text_low, max(m.end(), m.start() + 1))
        if m is not None:
            return _stage_from_count(next(g for g in m.groups() if g))
    if _cofounder_wanted(text_low):
        return "startup"
    if any(w in found for w in _STARTUP_WORDS) and (
            _STARTUP.search(_windows(text_low, _STAGE_GATE, 40, found=found))
            or _own_stage(text_low, found)):
        return "startup"
    if _large_near(text_low, found):
        return "large"
    if company_size and "client" in found and _client_employs(text_low, found["client"]):
        return "unknown"  # (the size is the recruiter's, not the employer's)
    return _stage_from_size(company_size)


# A place's office or team before a headcount ("In London we are a team of 3", "In our Berlin
# office, we're 12 people"): the count is of that office, not of the company (dev's
# hn-46469165, an energy fund with offices in three cities, is labelled unknown). Read on the
# text as written, in the 40 characters before the count's match: "in", then one to three
# capitalised words (a place's name; not "In total we are 30 people", nor "In 2025 ...").
_LOCAL_BEFORE = re.compile(r"\b[Ii]n (?:our |the )?(?:[A-Z][\w'’.&-]*,? ){1,3}"
                           r"(?:(?:office|hub|site|branch|studio)s?)?,? ?\Z")
_LOCAL_BACK = 40


def _local_office(text: str, low: str, start: int) -> bool:
    """Whether the ``_HEADCOUNT`` match at ``start`` of ``low = lower(text)`` counts a place's
    office (``_LOCAL_BEFORE`` right before it, in ``text``). A header's segment ("| ~20 people")
    starts anew: "In London | ~20 people" counts the company, not its London office."""
    if low.startswith("|", start):
        return False
    to_text = _text_offset(text, low)
    at = start if to_text is None else to_text(start)
    return _LOCAL_BEFORE.search(text, max(0, at - _LOCAL_BACK), at) is not None


# A place's team or office named in a headcount's match ("our London team of 5", "our 6-person
# Berlin team", "the NYC office of 12"): one to three capitalised words after "our"/"the"
# right before the noun, read as a place by ``places.is_place`` (the gazetteer: "our Platform
# team of 5" is the company's team, and so is "our London-based team") or, as written, by
# ``places.is_written_place``: a country's code in capitals ("our US team of 40 people", "our UK
# team"), a town with its state ("our 12-person Bozeman, MT team"), which ``is_place``
# (lower case, a city of ``TITLE_MIN`` people) does not read; or a smaller town of the
# gazetteer that the text also writes as a place, or that the posting's own location field
# names, or, with no location field, that the text never writes in lower case
# (``_placed_town``: "Join our Bozeman team of 5 people. The office is in downtown Bozeman",
# location "Bozeman, MT", or "Join our Bozeman team of 5 people." alone; not "our Fleet team
# of 5" beside "the fleet", a team's name).
_PLACE_TEAM = re.compile(r"\b(?:[Oo]ur|[Tt]he|\d[\d+-]*[\s-](?:person|people)) ((?:[A-Z][\w'’.&-]*,? ){1,3})"
                         r"(?:office|team|hub|site|branch|studio)s?\b")


def _local_team(text: str, low: str, m: re.Match[str], places: Sequence[str] = ()) -> bool:
    """Whether the ``_HEADCOUNT`` match ``m`` of ``low = lower(text)`` names a place's team or
    office (``_PLACE_TEAM``, in ``text``; ``places``: the posting's location fields)."""
    to_text = _text_offset(text, low)
    a, b = (m.start(), m.end()) if to_text is None else (to_text(m.start()), to_text(m.end()))
    return any(is_place(p.group(1).replace(",", "").lower().split()) or is_written_place(p.group(1))
               or _placed_town(text, p.group(1), places) for p in _PLACE_TEAM.finditer(text, a, b))


# The pieces of a location field ("Bozeman, MT", "Remote / Bozeman (MT)").
_LOCATION_PIECES = re.compile(r"\s*[,;/|()]\s*|\s+[-–—]\s+")


def _placed_town(text: str, name: str, places: Sequence[str] = ()) -> bool:
    """Whether ``name`` is a town of the gazetteer (``places.is_town``) that ``text`` also
    writes as a place: after "in", "near" or "around" ("in downtown Bozeman") or before a
    comma and a code in capitals ("Bozeman, MT"), or, when ``places`` is empty, never in lower
    case; or that is a whole piece of one of the posting's location fields (``places``:
    "Bozeman, MT", as written)."""
    name = name.strip().rstrip(",")
    if not is_town(name):
        return False
    if any(name in _LOCATION_PIECES.split(place) for place in places if name in place):
        return True
    town = re.escape(name)
    if re.search(rf"\b(?:[Ii]n|[Nn]ear|[Aa]round)\s+(?:(?:the|downtown|central|greater)\s+)?{town}\b"
                 rf"|\b{town},\s*[A-Z]{{2,3}}\b", text) is not None:
        return True
    # (with no location field, a name the text never writes in lower case is a proper name,
    # the town's: "Join our Bozeman team of 5 people."; a team named for a word is written so
    # elsewhere, "Our Fleet team of 5 builds routing for the fleet"; a location field that
    # does not name the town tells where the posting is, and the name may be a team's:
    # "Our Fleet team of 5" at "Leeds, UK")
    return not places and re.search(rf"\b{re.escape(name.lower())}\b", text) is None


def _own_stage(low: str, found: dict[str, list[int]]) -> bool:
    """``_STARTUP_OWN.search(low) is not None``, searched within ``_OWN_RADIUS`` of its words
    (``found``: the hits of ``low``) as ``_window_match`` does."""
    return not found.keys().isdisjoint(_OWN_SET) and any(
        _window_match(_STARTUP_OWN, low, a, b) is not None
        for a, b in spans_around(low, _OWN_WORDS, _OWN_RADIUS, found=found))


# A co-founder as the role of a header's field ("Positron | Startup | Co-founder", "Camera
# Search - Remote - Co-Founders - 5-20% equity"): a company still being founded.
_COFOUNDER_FIELD = re.compile(r"(?:^|\| ?|[-–—] )(?:technical |founding )?co-?founders?\b")


def _cofounder_wanted(low: str) -> bool:
    """Whether the first line of ``low`` (a header of fields) names a co-founder's role."""
    end = low.find("\n", 0, 300)
    head = low[:end if end >= 0 else 300]
    return "founder" in head and _COFOUNDER_FIELD.search(head) is not None


# A recruiter or consultancy hiring for its client ("Our client is a leading hedge fund",
# "join our client"): the ``company_size`` field describes the recruiter (LABELS.md).
_CLIENT_EMPLOYS = re.compile(r"\b(?:our|my) client(?: is|,| has| seeks| needs| in)\b|"
                             r"\b(?:join|with) our client\b(?!['’]s| base)|"
                             r"\bon behalf of (?:our|a|an) client\b")
register(("client",))


def _client_employs(low: str, at: list[int]) -> bool:
    """``_CLIENT_EMPLOYS.search(low) is not None``, searched around each "client" only (``at``:
    where ``low`` holds it, its trigger hits) as ``_window_match`` does: every match holds it,
    starts at most 17 characters before it and ends (look-ahead included) at most 15 after it
    (a window's end cut "join our clientwe ..." into a whole word: seed 11 of the stage
    property test)."""
    return any(_window_match(_CLIENT_EMPLOYS, low, max(0, i - 20), i + 30) is not None for i in at)


# How far around each ``_LARGE_WORDS`` word a ``_LARGE`` match may reach (characters before
# it, after it): it starts at most 9 characters before its word ("publicly-traded", "10,000+
# employees"; "on the fortune") and ends at most 5 after it (the "fortune" forms: with their
# look-ahead, at most 35, "fortune 1000® organizations", and at most 40 with two words before
# "company", "fortune 1000® financial-sector company"; "traded", at most 15, "traded
# organisations"; "nasdaq", at most 10, "nasdaq-composite"), and its last ``\b`` reads one
# more character.
_LARGE_REACHES = {"fortune": (10, 41), "employees": (10, 7), "traded": (10, 17),
                  "nyse": (10, 7), "nasdaq": (10, 12)}


def _large_near(low: str, found: dict[str, list[int]]) -> bool:
    """``_LARGE.search(low) is not None`` (the same as in the windows of ``low``, which hold
    its every match), searched in ``low`` only around each occurrence of a ``_LARGE_WORDS``
    word (``found``: its hits), as ``_window_match`` does: every match holds one within its
    ``_LARGE_REACHES``, look-aheads included."""
    for w in _LARGE_WORDS:
        before, after = _LARGE_REACHES[w]
        for i in found.get(w, ()):
            hi = i + len(w) + after
            m = _LARGE.search(low, i - before if i > before else 0, hi)
            if m is not None and _confirmed(_LARGE, low, m, hi) is not None:
                return True
    return False


def _stage_from_count(count: str) -> str:
    """The stage of a company of ``count`` people (digits or a number word)."""
    n = _HEADCOUNT_NUMBERS[count] if count in _HEADCOUNT_NUMBERS else int(count.replace(",", ""))
    return _stage_of(n)


def _stage_of(people: int) -> str:
    """The stage of a company of ``people`` (the ``company_size`` bands: up to 50 a startup,
    up to 1,000 mid-size)."""
    return "startup" if people <= 50 else "mid-size" if people <= 1000 else "large"


_SIZE_NUMBER = re.compile(r"(?<![\d,-])\d[\d,]*")  # (not Glassdoor's "-1", unknown)


def _stage_from_size(size: str | None) -> str:
    if not size:
        return "unknown"
    numbers = [int(n.replace(",", "")) for n in _SIZE_NUMBER.findall(size)]
    if not numbers:
        return "unknown"
    low = numbers[0]
    return "large" if "+" in size and low >= 1000 else _stage_of(low)
