"""A person's profile, read from resume text with the same understanding as postings.

``build_profile(text, now=...)`` returns a ``Profile``: the skills (found by the
shared extractor and taxonomy of ``mljobs.enrich``, so "sklearn" is
scikit-learn on both sides), the years of experience summed over the dated
roles, the highest degree and whether it is a PhD, a seniority level, the
specialisations and the archetype probabilities from the shared classifier.

Resume conventions handled here (not in the posting extractor):

- sections: one reader (``sections``, its heading phrases and qualifiers as data in
  ``SECTION_HEADINGS`` and ``HEADING_QUALIFIERS``) gives each heading's kind and span,
  read once per resume and used wherever a section matters (education dates are no roles,
  side sections' entries no jobs, a degree's field is read in education, the headline stops
  at a heading, an entry's title is looked for below its heading); "Professional
  Experience", "EDUCATION", "Education & Certifications", "Technical Skills:" and a
  heading run into its first line in a PDF's text ("EXPERIENCE Data Scientist | Acme") are
  headings;
- dated roles: "Mar 2024 – Present", "Jun 2022 - Feb 2024", "2019 - 2021",
  "09/2021 – 05/2023", "2021-03 – 2022-04", "Jan '19 – Mar. '21", and German, French and Spanish
  months and "now" words ("Okt. 2019 – 03.2022", "heute", "aujourd'hui",
  "actualidad"), Chinese dates ("2019年3月 – 2022年6月", "2019.03 - 2022.06", "2022年7月 – 至今", full-width "２０１９年３月"), a US student's terms ("Fall 2023 – Spring 2024", a lone "Summer 2024"
  on a role's line); a month is a whole word ("Chicago 2019" is no August); overlapping
  roles count once; student jobs (intern, co-op, teaching/research assistant,
  Werkstudent) and the entries of a projects, activities, volunteering or awards
  section do not count as professional years, and a resume with only those has 0 years;
- a stated "5+ years" / "(5 yrs)" / "6 Jahre Berufserfahrung" in the summary
  when no role is dated;
- years stated with one skill ("6 years of PyTorch", "PyTorch (4 yrs)", "Python - 5+
  years"): ``skill_years``, read as a posting's asks are (``facets.skill_years``);
  else the years of the dated roles whose entries name the skill, a lower bound, listed in
  ``skill_years_dated``;
- the person's name (the first line, not a "Curriculum Vitae" heading, without a
  "Resume"/"CV" word beside it) is left out of what is read for skills, also where an
  address joins its words (jack.spark@, linkedin.com/in/jack-spark): Raman, Spark or
  Rust as a surname is no skill; a name holding a role word ("Sam Head") is blanked when
  it reads as a name (``_names_a_person``), a title heading a nameless resume is not;
- a title with no role word ("Barista") is looked for where the resume's other entries
  have theirs, and is no employer's line ("Corner Coffee Co.");
- Chinese resumes: headings (工作经历, 教育背景, 实习经历...), degrees (博士, 硕士, 本科), role
  words and levels (工程师, 高级), columns of two spaces or more;
- the fields of the degrees in the education section are skills held
  ("M.S. Statistics", "MSc (Statistics)"): the posting extractor leaves a degree's field out;
- a resume the classifier reads as not-ml (``NOT_ML_RESUME``) that names fewer than
  ``OFF_FIELD_SKILLS`` known skills has no archetypes (a software engineer's resume reads
  not-ml too, but keeps them);
- the headline (the first short line under the name that is no contact data: no "@",
  web address, phone, zip or street number; a year is none of those) and the latest
  role titles as the "title"
  the shared pipeline (``mljobs.enrich.analyse``) reads; its skills,
  archetype probabilities and specialisations are the profile's;
- the skills named by that title count too ("Machine Learning Engineer" holds
  machine learning): in a posting, "our Machine Learning team" names a group,
  not an ask, and the pipeline leaves such field names out; a person's own
  title says what they do.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from mljobs.enrich import analyse, facets
from mljobs.enrich.lowered import merged_spans
from mljobs.enrich.skills import default_matcher
from mljobs.places import MODE_WORDS, is_code, is_place, is_town

_I = re.IGNORECASE
# The month names a resume writes, whole or abbreviated, in English and the German,
# French and Spanish that differ: a German CV writes "Okt. 2019 – Feb. 2022" and
# "03/2022 – heute", a French one "févr. 2020 – aujourd'hui", a Spanish one "ene 2019 –
# actualidad". Only a whole word is a month: "Chicago 2019" holds no "ago(sto)",
# "Novartis 2019" no November, "Marketing 2019" no March.
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene"),
    2: ("february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "fév", "fev",
        "febrero", "febuary", "feburary"),  # (two common misspellings)
    3: ("march", "mar", "märz", "maerz", "mrz", "mär", "mars", "marzo"),
    4: ("april", "apr", "avril", "avr", "abril", "abr"),
    5: ("may", "mai", "mayo"),
    6: ("june", "jun", "juni", "juin", "junio"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio"),
    8: ("august", "aug", "août", "aout", "aoû", "agosto", "ago"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre"),
    11: ("november", "nov", "novembre", "noviembre"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic"),
}
_MONTHS = {word: month for month, words in _MONTH_WORDS.items() for word in words}
_WORD_START, _WORD_END = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # no letter before / after
_MONTH = (_WORD_START + "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
          + _WORD_END + r"\.?")
# a US resume's terms: "Summer 2024" (an internship), "Fall 2023 – Spring 2024" (a co-op);
# each season's first and last month
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11),
            "winter": (1, 3)}
_SEASON = _WORD_START + "(?:" + "|".join(_SEASONS) + ")" + _WORD_END
# a lone term closing a role line ("Data Science Intern, Wayfair — Summer 2024") or standing
# alone under it
_LONE_SEASON_RE = re.compile(rf"(?:^|[\s|·—–,(-])({_SEASON}\s+(\d{{4}}))\W*$", _I)
# an abbreviated year: "Jan '19", "Jan. ’19", "'19" (not the "'90s")
_SHORT_YEAR = r"['’‘]\d{2}(?![\w'’])"
# a Chinese resume's "2019年3月" and "2019年" (year 年, month 月), and "2019.03" (year first)
_CHINESE_POINT = r"\d{4}\s*年(?:\s*(?:0?[1-9]|1[0-2])\s*月)?|\d{4}\.(?:0?[1-9]|1[0-2])(?!\d)"
# Mar 2024, Summer 2024, 03/2024, 03.2024 (a German CV), 2024-03 (ISO), 2024
_POINT = (rf"(?:{_CHINESE_POINT}|{_MONTH}\s+\d{{4}}|{_SEASON}\s+\d{{4}}|\d{{1,2}}[/.]\d{{4}}|"
          rf"\d{{4}}-(?:0[1-9]|1[0-2])(?!\d)|\d{{4}})")
_NOW_WORDS = ("present", "current", "currently", "now", "today", "ongoing", "heute", "aktuell",
              "jetzt", "dato", "aujourd'hui", "aujourd’hui", "présent", "actuel", "actualidad",
              "presente")
# Chinese "now" words ("至今", "to this day"; "现在", "目前", "now"; the "今" of "2018年至今";
# the Japanese "現在"),
# which need no word's end: Chinese writes no space between words
_CHINESE_NOW = ("至今", "现在", "目前", "現在", "今")
# a whole word: "2021 - presentation of results" is no role running to the present
_NOW = rf"(?:{'|'.join(_NOW_WORDS)}){_WORD_END}|{'|'.join(_CHINESE_NOW)}"
_END = rf"(?:{_POINT}|{_NOW})"
_TO = r"\s*(?:–|—|-|to|until|bis|à|~|～|〜|至|到)\s*"  # (〜: a Japanese resume's)
_RANGE_RE = re.compile(rf"({_POINT}){_TO}({_END})", _I)
# and with "Jan '19", "'19" ends: tried only on a line with an apostrophe (the longer pattern
# slowed every dated line)
_SHORT_POINT = rf"(?:{_MONTH}\s*{_SHORT_YEAR}|{_SHORT_YEAR}|{_POINT})"
_SHORT_RANGE_RE = re.compile(rf"({_SHORT_POINT}){_TO}({_SHORT_POINT}|{_END})", _I)


def _range_re(line: str) -> re.Pattern[str]:
    """The date range pattern for ``line``."""
    return _SHORT_RANGE_RE if "'" in line or "’" in line or "‘" in line else _RANGE_RE
_STUDENT_RE = re.compile(
    r"\b(?:intern(?:ship)?|co-?op|teaching assistant|research assistant|graduate assistant|"
    r"(?:graduate|ph\.?\s?d\.?)\s+researcher|"
    # (not a postdoc's "Post-doctoral Researcher": it read as a student's role, 0 years)
    r"student|phd candidate|(?<!post[-\s])doctoral|thesis|course|degree|b\.?\s?s\.?c?|m\.?\s?s\.?c?|"
    r"b\.?tech|m\.?tech|beng|meng|bachelor'?s?|(?<!scrum )master(?:'?s)?(?!\s+data\b)|"
    r"werkstudent(?:in)?|praktik(?:um|ant|antin)|doktorand(?:in)?|hilfskraft|studium)\b|"
    # Chinese: an intern ("算法实习生"), a teaching or research assistant, a student
    r"实习|助教|助研|学生", _I)
_STATED_YEARS_RE = re.compile(
    r"(\d{1,2})\s*\+?\s*(?:years|yrs|jahren?)\b(?:\s+of)?(?:\s+\w+){0,3}?\s+"
    r"(?:experience|in\b|berufserfahrung|erfahrung)|"
    r"\((\d{1,2})\s*\+?\s*(?:years|yrs|jahre)\)|"
    # Chinese: "7年机器学习经验", "5年以上工作经验" (years of ... experience)
    r"(?<!\d)(\d{1,2})\s*\+?\s*年(?:以上)?[^\d\n，。,;；]{0,12}?经验", _I)

DEGREE_RANK = {"none-stated": 0, "bachelor": 1, "masters": 2, "phd": 3}
# what after 博士 (doctor) makes it a PhD under way, not held: 博士生 / 博士在读 / 博士候选人,
# the Japanese 博士課程 (not 修了, completed). One table for the "phd" degree pattern, which
# passes over these, and ``_PHD_STUDENT_RE``, which reads them as under way (two copies
# would drift: a word added to one alone is read as neither held nor under way)
_PHD_UNDER_WAY_ZH = r"\s*(?:生|在读|候选人|研究生在读|(?:後期)?課程(?!\s*修了))"
_DEGREE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # German doctorates (Dr. rer. nat., Dr.-Ing.) and the Diplom, a master's-level degree
    # and the Chinese 博士 (doctor; not 博士生 / 博士在读 / 博士候选人, a PhD under way), 硕士
    # (master), 本科 and 学士 (bachelor)
    ("phd", re.compile(r"\b(?:(?:ph\.?\s?d\.?|d\.?phil|doctor(?:ate| of philosophy))\b|"
                       r"dr\.\s?(?:rer\.\s?\w+\.|-?ing\.|phil\.|sc\.))(?!\s*"
                       r"(?:candidate|student|program|preferred|required))|"
                       rf"博士(?!{_PHD_UNDER_WAY_ZH})", _I)),
    # (and the Japanese 修士, the traditional Chinese 碩士: master)
    ("masters", re.compile(r"\b(?:m\.?\s?sc?\.?|m\.?eng|m\.?tech|mba|m\.?a\.|master'?s?(?: of| in)?|"
                           r"m\.?s\.? (?:in|of)|mphil|diplom(?:-\w+)?)\b|硕士|修士|碩士", _I)),
    ("bachelor", re.compile(r"\b(?:b\.?\s?sc?\.?|b\.?eng|b\.?tech|b\.?a\.|bachelor'?s?|"
                            r"b\.?e\.)(?=[\s,(]|$)|本科|学士", _I)),
)
# a PhD under way (a PhD student read as one who holds a PhD): dated on the PhD's line or the
# line under it, "(expected 2027)", "Expected May 2027", "September 2022 – Present"; said on its
# line, "ABD", "(in progress)", "(candidate)" (not the line under it: a thesis title's "Expected
# utility" or "Candidate genes"). Running to now as a role's dates do (``_TO``, ``_NOW``): a
# table of its own, English only ("– present"), read "Okt. 2022 – heute", "bis heute",
# "– aujourd'hui", "– 目前" as a PhD held
_UNDER_WAY_DATED_RE = re.compile(
    r"\b(?:expected|anticipated)(?:\s+(?:graduation|completion|defen[cs]e))?:?\s*(?:in\s+)?"
    r"(?:[a-z]+\.?\s+)?\d{4}\b|\((?:expected|anticipated)\)|"
    rf"{_TO}(?:{_NOW})|至今|在读", _I)
_UNDER_WAY_RE = re.compile(
    _UNDER_WAY_DATED_RE.pattern + r"|\b(?:in progress|ongoing|abd|all but dissertation|candidate|"
    r"candidacy|pursuing)\b", _I)
# "BA Statistics", "MA in Economics" at the start of an education line: without dots the
# letters are a degree only there ("Cambridge, MA" is a state, "BA" an airline elsewhere)
_BARE_DEGREE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("masters", re.compile(r"^[^\w\n]*MA(?=\s+(?:in\s|of\s|\(|[A-Z]))", re.MULTILINE)),
    ("bachelor", re.compile(r"^[^\w\n]*BA(?=\s+(?:in\s|of\s|\(|[A-Z]))", re.MULTILINE)),
)
_BARE_BY_DEGREE = dict(_BARE_DEGREE_RES)
# (a ladder's numeral as a posting's title reads it, ``facets``: "Software Engineer II" is mid,
# "III" and "IV" senior, "Data Scientist I" junior; "Software Engineer II" with 5.5 years read senior;
# the same in a digit after a role's word, "Software Engineer 2", "SDE 3", "Data Scientist 1")
_LADDER_ROLE = r"\b(?:engineer|scientist|analyst|developer|researcher|programmer|sde)\s+"
# (and what follows the digit: a time it lasted, "Software Engineer 2 yrs" or "2+ years", is none)
_LADDER_END = r"\b(?![/&'’.+])(?!\s*(?:years?|yrs?|months?|mos?)\b)"
# (and the Chinese 总监 / 经理 (director, manager), 首席 (principal), 高级 / 资深 (senior), 初级 (junior))
_LEVEL_TITLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("manager", re.compile(r"\b(?:manager|head of|director|vp)\b|总监|经理", _I)),
    ("staff-plus", re.compile(r"\b(?:staff|principal|distinguished|lead)\b|首席", _I)),
    ("senior", re.compile(r"\b(?:senior|sr\.?)\b|\b(?-i:III|IV)\b(?![/&'’.])|高级|资深|"
                          + _LADDER_ROLE + r"[34]" + _LADDER_END, _I)),
    ("mid", re.compile(r"\b(?:mid[\s-]?level|intermediate)\b|\b(?-i:II)\b(?![/&'’.])|"
                       + _LADDER_ROLE + r"2" + _LADDER_END, _I)),
    ("junior", re.compile(r"\b(?:junior|jr\.?|graduate|entry[\s-]level)\b|初级|"
                          + _LADDER_ROLE + r"(?:(?-i:I)|1)" + _LADDER_END, _I)),
)


# The headings that start a resume's sections, by kind, as data: a heading line is one of
# these phrases, a qualifier may lead ("Professional Experience", "Relevant Work History",
# "Technical Skills", "Selected Projects"), and a few words may follow ("Education &
# Certifications", "Skills and Tools", "Experience:"). One reader (``sections``) finds them
# all: the education section's dates are no roles, the dated entries of a side section
# (projects, activities, volunteering, awards, publications) are no jobs, and every section
# ends where the next heading, of whatever kind, starts. (Four overlapping lists did this
# before, and a qualified heading one of them lacked read a resume's jobs as 0 years.)
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "about me", "about", "objective",
                "kurzprofil", "profil", "个人简介", "自我评价", "个人总结", "求职意向"),
    "experience": ("experience", "work history", "work", "employment", "employment history",
                   "career history", "berufserfahrung", "berufliche erfahrung",
                   "beruflicher werdegang", "berufliche", "beruflicher", "praxiserfahrung",
                   "工作经历", "工作经验", "职业经历", "職歴", "職務経歴"),
    "education": ("education", "academic background", "academic", "qualifications",
                  "ausbildung", "studium", "bildungsweg", "教育背景", "教育经历", "学歴"),
    "skills": ("skills", "certifications", "certification", "certificates", "languages",
               "interests", "kenntnisse", "fähigkeiten", "sprachen", "zertifikate",
               "专业技能", "技能特长", "技能", "证书"),
    # sections whose dated entries are no job: a student's "Project Lead, Robotics Club —
    # Spring 2022" or "President, Data Science Club, 2021 - 2023" counted as professional
    # years (and "Lead" as a staff-plus level)
    "side": ("projects", "project", "leadership", "activities", "extracurricular activities",
             "extracurricular", "extra-curricular activities", "extra-curricular",
             "volunteering", "volunteer work", "volunteer experience", "volunteer",
             "community service", "community involvement", "awards", "honours", "honors",
             "open source", "publications", "projekte", "publikationen", "ehrenamt",
             "ehrenamtliches engagement",
             # (Chinese: projects, internships, awards, publications; an intern's years are
             # no professional years)
             "项目经历", "项目经验", "实习经历", "获奖情况", "荣誉奖项", "发表论文"),
    "contact": ("contact", "contact details", "contact information", "kontakt", "联系方式"),
    "title": ("resume", "résumé", "curriculum vitae", "cv", "lebenslauf", "个人简历", "简历"),
}
# words that may lead a heading
HEADING_QUALIFIERS: tuple[str, ...] = (
    "professional", "relevant", "industry", "additional", "other", "research", "selected",
    "personal", "academic", "side", "key", "course", "technical", "core", "teaching",
    "work", "career", "data science", "ml", "machine learning", "software",
)


def _phrases(words: tuple[str, ...]) -> str:
    """An alternation of phrases, longest first, any run of spaces between their words."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


_HEADING_REST = 30  # at most this many characters after a heading's words on its line
# what may follow a heading's words on its line: nothing, a mark ("Experience:", "Skills &
# Tools", "Projects (selected)"), a capitalised word ("Work History", "Skills Summary") or a
# joining word ("Education and Training"); not a sentence ("Experience with Python")
_REST_RE = re.compile(r"\s*(?:$|[^\w\s]|[A-ZÄÖÜ]|(?:and|of|in|und)\b)")
# a label and its value: "Work Authorization: US citizen", "Education Level: Master's"
_LABEL_RE = re.compile(r"\s+[^\W\d][\w&/ -]*:\s*\S")
# a heading and a colon, its section's first line run into it: "Education: M.S. Statistics,
# Example University, 2019", "Education/Training: Master's degree"
_COLON_RUN_IN_RE = re.compile(r"(?:\s*[/&]\s*[^\W\d]+)?\s*:[^\S\n]*(?=\S)")
_BULLET_RE = re.compile(r"\s*(?:[-•·▪◦●–]|\*(?!\*))\s")


class Section(NamedTuple):
    """One section of a resume: its kind (a key of ``SECTION_HEADINGS``), where its
    heading line starts, where it ends (the next heading's start, or the end of the text)
    and where its own text starts (after the heading's words on a heading run into its
    first line: "EXPERIENCE Data Scientist, Acme, 2019 - 2023" from a one-column PDF)."""

    kind: str
    start: int
    end: int
    body: int


class SectionReader:
    """Reads a resume's section headings from a table of heading phrases by kind and of
    the qualifiers that may lead them (``SECTION_HEADINGS``, ``HEADING_QUALIFIERS``: the
    profile reads with those; ``sections`` and ``heading_of`` are its methods)."""

    def __init__(self, headings: dict[str, tuple[str, ...]], qualifiers: tuple[str, ...]) -> None:
        self._kind = {" ".join(w.lower().split()): kind for kind, words in headings.items()
                      for w in words}
        quals = rf"(?:(?:{_phrases(qualifiers)})\s+)?" if qualifiers else ""
        self._re = re.compile(
            rf"(?P<lead>[^\w\n]*)(?P<head>{quals}(?P<word>{_phrases(tuple(self._kind))}))"
            r"(?![^\W_])", _I)

    def heading_of(self, line: str, after_blank: bool = True) -> tuple[str, int] | None:
        """The kind of section a line heads, and where on the line the section's own text
        starts (the line's length for a heading alone on its line), or None.
        ``after_blank``: whether the line starts the text or follows a blank line.

        A heading is one of the table's phrases, capitalised, a qualifier allowed before
        it, at the start of the line (after Markdown marks, not a bullet); in lower case,
        only alone on its line ("education"). It stands alone or with a few words (30
        characters; 60 on a line all in capitals or after an education phrase) that read as no
        sentence, year, role or label ("Project Manager", "Volunteer Coordinator, Red
        Cross" are titles, "Work Authorization: US citizen" a label and its value); or
        the section's first line is run into it: after a colon, where a blank line is
        above or the heading is education's ("Education: M.S. Statistics, Example
        University, 2019"; "Projects: churn, pricing" among a job's lines starts no
        section), or in capitals ("EDUCATION M.S.
        Statistics" in a PDF's text; not "WORK AUTHORIZATION: ...", where more capitals
        follow)."""
        m = self._re.match(line)
        if m is None or _BULLET_RE.match(line):
            return None
        rest = line[m.end():]
        # a lower-case heading counts alone on its line ("education" in some templates'
        # text), as every heading did before the table; never one with words after it.
        # (Chinese and Japanese have no case: "工作经历 / Work Experience", "教育背景
        # Education" were read as no heading, their study years as jobs)
        if m.group("head")[0].islower() and (rest.strip(" \t:：】") or line[:m.start("head")].strip(" \t【")):
            return None
        kind = self._kind[" ".join(m.group("word").lower().split())]
        colon = _COLON_RUN_IN_RE.match(rest)
        # (education's heading may be longer: "Education and Professional Development
        # Courses"; its dates are never a job)
        longest = 2 * _HEADING_REST if line.isupper() or kind == "education" else _HEADING_REST
        # (a colon's run-in line below no blank line is a heading only for education:
        # "Projects: churn, pricing" among a job's lines starts no section)
        if len(rest) <= longest and not (colon and not after_blank and kind != "education") \
                and _REST_RE.match(rest) and not _LABEL_RE.match(rest) \
                and not _YEAR_RE.search(rest) and not _ROLE_WORD_RE.search(line):
            return kind, m.end() + colon.end() if colon else len(line)
        # (an education heading needs no blank line above: a compact resume, or a PDF's text
        # (no blank lines), has "Education: M.S. Statistics, 2015 - 2019" under its jobs,
        # and its dates are no job; main read every line starting "Education" so)
        if colon and (after_blank or kind == "education"):
            return kind, m.end() + colon.end()
        head = m.group("head")
        first = rest.split(None, 1)[0] if rest.strip() else ""
        if head.isupper() and sum(c.isalpha() for c in head) >= 4 and rest[:1].isspace() \
                and not (first.isupper() and sum(c.isalpha() for c in first) >= 4):
            return kind, m.end() + len(rest) - len(rest.lstrip())
        return None

    def sections(self, text: str) -> list[Section]:
        """The sections of a resume, in order, one per heading (``heading_of``); the text
        before the first heading (the name and contact lines) is in none."""
        found: list[tuple[str, int, int]] = []
        after_blank = True
        for offset, line in _lines(text):
            head = self.heading_of(line, after_blank)
            if head is not None:
                found.append((head[0], offset, offset + head[1]))
            after_blank = not line.strip()
        ends = [start for _, start, _ in found[1:]] + [len(text)] if found else []
        return [Section(kind, start, end, body)
                for (kind, start, body), end in zip(found, ends, strict=True)]


_READER = SectionReader(SECTION_HEADINGS, HEADING_QUALIFIERS)
heading_of = _READER.heading_of
sections = _READER.sections


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` with where each starts (exact also for "\\r\\n" line ends)."""
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        found.append((offset, line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")))
        offset += len(line)
    return found


@dataclass(frozen=True)
class Role:
    """One dated role of the resume: its title line and its span in months; ``at``: where
    its entry starts in the text (its title's line above the dates, else the dated line; -1
    when not known)."""

    title: str
    start: int
    end: int
    counts: bool
    at: int = -1

    @property
    def months(self) -> int:
        """Length of the role in months, both ends included (Jan - Mar is 3 months)."""
        return max(0, self.end - self.start + 1)


@dataclass
class Profile:
    """What mljobs knows about a person, read from a resume.

    ``skills`` are canonical taxonomy names; ``archetypes`` maps each archetype
    slug to a probability (best first).
    """

    name: str
    headline: str
    skills: list[str]
    years: float | None
    degree: str
    phd: bool
    seniority: str
    specialisations: list[str]
    archetypes: dict[str, float]
    roles: list[Role] = field(default_factory=list)
    text: str = ""
    not_ml: float = 0.0
    # the years the resume states with one of its skills ("6 years of PyTorch", "PyTorch (4
    # yrs)", "Python - 5+ years": ``skill_years``), the largest said of each; else the whole
    # years of the dated roles whose entries name it (``dated_skill_years``)
    skill_years: dict[str, int] = field(default_factory=dict)
    # the skills of ``skill_years`` whose figure is read from the dated roles that name them,
    # not stated: a lower bound (a skill used longer than the bullets say reads short)
    skill_years_dated: list[str] = field(default_factory=list)
    # a PhD the resume names as under way ("PhD in CS (expected 2027)"), not held: said beside
    # the degree (it read "masters" with no word of the PhD, as if it had been missed)
    phd_under_way: bool = False

    def skill_years_source(self, skill: str) -> str | None:
        """Where ``skill_years[skill]`` comes from: ``"stated"`` with the skill, ``"roles"``
        (the dated roles that name it, a lower bound), None when there is no figure."""
        if skill not in self.skill_years:
            return None
        return "roles" if skill in self.skill_years_dated else "stated"

    @property
    def best_archetype(self) -> str:
        """The archetype the profile fits best (``not-ml`` when it reads as no ML/data or software role)."""
        return next(iter(self.archetypes), "not-ml")

    @property
    def kind_known(self) -> bool:
        """Whether the resume reads as an ML/data role, so its archetypes mean something."""
        return bool(self.archetypes)

    def to_json(self) -> dict[str, Any]:
        """The profile as JSON-ready data (without the resume text)."""
        data = asdict(self)
        data.pop("text")
        data["roles"] = [
            {"title": r.title, "months": r.months, "counts": r.counts} for r in self.roles
        ]
        data["best_archetype"] = self.best_archetype if self.kind_known else None
        return data


def _month_index(point: str, now: datetime) -> int | None:
    point = point.strip().lower().rstrip(".")
    if point in _NOW_WORDS or point in _CHINESE_NOW:
        return now.year * 12 + now.month - 1
    m = re.fullmatch(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?|(\d{4})\.(\d{1,2})", point)
    if m:  # "2019年3月", "2019年" (its January, as "2019"), "2019.03"
        year, month = (m.group(1), m.group(2) or "1") if m.group(1) else (m.group(3), m.group(4))
        return int(year) * 12 + int(month) - 1
    m = re.match(r"([^\W\d_]+)\.?\s+(\d{4})", point)
    if m:
        season = _SEASONS.get(m.group(1).lower())
        month = season[0] if season else _MONTHS.get(m.group(1).lower())
        return None if month is None else int(m.group(2)) * 12 + month - 1
    m = re.match(r"(\d{1,2})[/.](\d{4})", point)
    if m and 1 <= int(m.group(1)) <= 12:
        return int(m.group(2)) * 12 + int(m.group(1)) - 1
    m = re.fullmatch(r"(\d{4})-(\d{2})", point)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)) * 12 + int(m.group(2)) - 1
    if re.fullmatch(r"\d{4}", point):
        return int(point) * 12
    m = re.fullmatch(r"(?:([^\W\d_]+)\.?\s*)?['’‘](\d{2})", point)
    if m:  # "Jan '19", "'19": the latest century that puts the year no later than next year
        year = 2000 + int(m.group(2))
        year -= 100 if year > now.year + 1 else 0
        month = _MONTHS.get(m.group(1)) if m.group(1) else 1
        return None if month is None else year * 12 + month - 1
    return None


_ROLE_WORD_RE = re.compile(
    r"\b(?:engineer|scientist|analyst|developer|manager|researcher|assistant|intern|consultant|"
    r"lead|architect|director|head|specialist|statistician|programmer|administrator|fellow|"
    r"associate|officer|founder|cto|vp|owner|designer|admin|supervisor|coordinator|technician|"
    r"teacher|lecturer|professor|postdoc|accountant|werkstudent(?:in)?|entwickler(?:in)?|"
    r"berater(?:in)?|leiter(?:in)?)\b|"
    # Chinese (no spaces between words): "机器学习工程师", "数据科学家", "算法研究员"...
    r"工程师|科学家|分析师|研究员|架构师|经理|总监|主管|顾问|实习生|负责人", _I)
# (and a Chinese resume's columns, two spaces or more beside a Chinese character: "星河科技有限公司
# 高级机器学习工程师  2022年7月 – 至今"). A split that starts with spaces starts where they do
# (``(?<!\s)``): tried at each of a run's spaces, each try read the run to its end, and a line
# of 20,000 spaces (a PDF's padding) took 22 s to read (200,000: half an hour); a split found
# in a run is found at its start, so no split moved.
_SPLIT_RE = re.compile(r"(?<!\s)\s+[|·—–]\s+|(?<!\s)\s+-\s+|,\s+(?=[A-Z])|(?<!\s)\s+@\s+|"
                       r"(?<!\s)\s+at\s+(?=[A-Z])|(?<=[\u4e00-\u9fff）])\s{2,}|"
                       r"(?<!\s)\s{2,}(?=[\u4e00-\u9fff（])")


def _role_title(line: str) -> str | None:
    """The part of a line that names a role ("Senior ML Engineer"), if any."""
    for part in _SPLIT_RE.split(_range_re(line).sub("", line.replace("**", "").replace("__", ""))):
        part = part.strip(" |·—–-,\t()*_#`")
        if part and len(part) <= 80 and _ROLE_WORD_RE.search(part):
            return part
    return None


def _named_title(lines: list[str], idx: int) -> tuple[str, int] | None:
    """The title that names a role on the dated line or up to two lines above it, and how
    many lines above the dated line it is."""
    for back in range(idx, max(-1, idx - 3), -1):
        title = _role_title(lines[back])
        if title:
            return title, idx - back
    return None


# an employer's line: "Corner Coffee Co.", "Acme GmbH", "Initech, Inc." (no role on it)
_COMPANY_RE = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|co|company|gmbh|ag|plc|s\.?a|s\.?l|b\.?v|"
    r"pty|group|holdings|labs?|technologies|hospital|university|bank)\b\.?(?:\s*$|\s*[,|·—–(]|\s+-)",
    _I)


def _entry_parts(lines: list[str], idx: int, heads: dict[int, bool]) -> list[tuple[int, str]]:
    """The first part of the dated line (its dates taken out) and of each of the two lines
    above it that is no bullet, up to a heading (``heads``: the heading lines, True for one
    alone on its line; a heading run into its section's first line is blanked in ``lines``),
    with how many lines above the dated line each is."""
    parts = []
    for back in range(idx, max(-1, idx - 3), -1):
        if back != idx and heads.get(back):
            break  # the entry starts below ("Experience")
        line = _range_re(lines[back]).sub("", lines[back]) if back == idx else lines[back]
        line = line.replace("**", "").replace("__", "").strip()
        if line and line[0] not in "-•*·▪◦●":
            part = _SPLIT_RE.split(line)[0].strip(" |·—–-,\t()*_#`")
            if part and any(c.isalpha() for c in part):
                parts.append((idx - back, part[:80]))
        if back in heads:
            break  # (the entry's first line, run into the heading)
    return parts


def _fallback_title(lines: list[str], idx: int, layout: int | None,
                    heads: dict[int, bool]) -> str:
    """A title with no role word ("Barista", "Werkstudent Data Analytics"): at the place the
    resume's other entries put their title (``layout``, lines above the dates), else the
    nearest part that is no employer's name, else the nearest part; never the dates alone.
    "Barista / Starbucks / Jan 2021 - Present" read as a role titled "Starbucks"."""
    parts = _entry_parts(lines, idx, heads)
    for above, part in parts:
        if above == layout:
            return part
    for _above, part in parts:
        if not _COMPANY_RE.search(part):
            return part
    return parts[0][1] if parts else lines[idx].strip()


_DIGIT_RE = re.compile(r"\d")
# full-width digits, point and hyphen, as ASCII: a Chinese or Japanese resume's "２０１９年３月",
# "２０１９．０３" (the month's pattern is of ASCII digits: the dates went unread, no years)
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


def find_roles(text: str, now: datetime, parts: list[Section] | None = None) -> list[Role]:
    """The dated roles of a resume (education entries excluded; those of its projects,
    activities, volunteering and awards sections do not count). ``parts``: the resume's
    ``sections``, when already read."""
    parts = sections(text) if parts is None else parts
    body = {s.start: s.body for s in parts}
    lines: list[str] = []
    heads: dict[int, bool] = {}  # heading lines: True for a heading alone on its line
    positions: list[int] = []
    for idx, (pos, line) in enumerate(_lines(text)):
        if pos in body:
            heads[idx] = body[pos] >= pos + len(line)
            line = line if heads[idx] else " " * (body[pos] - pos) + line[body[pos] - pos:]
        lines.append(line.translate(_WIDE_DIGITS))
        positions.append(pos)
    roles: list[Role] = []
    # (role, line, a job) of a title with no role word: titled after the loop, once the
    # layout of the titles that name a role is known
    unnamed: list[tuple[int, int, bool]] = []
    layouts: list[int] = []  # where the titles that name a role are: lines above the dates
    titles: dict[int, tuple[str, int] | None] = {}  # _named_title of each dated line
    # the kind of section each line is in (sections run in order and do not overlap: one
    # pass, not a look through every section per line, quadratic on a long text of headings)
    kinds: list[str | None] = []
    at = 0
    for pos in positions:
        while at < len(parts) and parts[at].end <= pos:
            at += 1
        kinds.append(parts[at].kind if at < len(parts) and parts[at].start <= pos else None)
    for idx, line in enumerate(lines):
        pos = positions[idx]
        if _DIGIT_RE.search(line) is None or kinds[idx] == "education":
            continue  # (a date has digits)
        job = kinds[idx] != "side"
        ranges = list(_range_re(line).finditer(line))
        for m in ranges:
            start, end = _month_index(m.group(1), now), _month_index(m.group(2), now)
            if start is None or end is None or end < start or end - start > 12 * 45:
                continue
            if re.fullmatch(r"\d{4}\s*年?|['’‘]\d{2}", m.group(2).strip()):  # a year alone: to December
                end += 11 if end // 12 < now.year else 0
            end += _season_length(m.group(2))  # "– Spring 2024" runs to May
            # (once per line: each search takes the whole line's dates out, and a line of
            # thousands of ranges did it once per range, quadratic)
            found = titles[idx] if idx in titles else titles.setdefault(
                idx, _named_title(lines, idx))
            if found is None:
                unnamed.append((len(roles), idx, job))
                roles.append(Role("", start, end, counts=False, at=pos))
                continue
            layouts.append(found[1])
            roles.append(Role(found[0], start, end, counts=job and not _STUDENT_RE.search(found[0]),
                              at=positions[idx - found[1]]))
        lone = None if ranges else _LONE_SEASON_RE.search(line)
        if lone is not None and not line.lstrip().startswith(("-", "•", "*", "·", "▪")):
            found = _named_title(lines, idx)
            named = found[0] if found else None
            first = _month_index(lone.group(1), now)
            # a named role that has begun ("Data Scientist / Available from Summer 2027" is none)
            if named is not None and first is not None and first <= now.year * 12 + now.month - 1:
                roles.append(Role(named, first, first + _season_length(lone.group(1)),
                                  counts=job and not _STUDENT_RE.search(named),
                                  at=positions[idx - found[1]] if found else pos))
    # the resume's own layout says where a title is
    layout = max(set(layouts), key=layouts.count) if layouts else None
    fallbacks: dict[int, str] = {}  # (once per line, as titles)
    for at, idx, job in unnamed:
        title = fallbacks[idx] if idx in fallbacks else fallbacks.setdefault(
            idx, _fallback_title(lines, idx, layout, heads))
        role = roles[at]
        roles[at] = Role(title, role.start, role.end, counts=job and not _STUDENT_RE.search(title),
                         at=role.at)
    return roles


def _season_length(point: str) -> int:
    """How many months after its first a term runs ("Summer 2024": June to August, 2)."""
    first, last = _SEASONS.get(point.strip().split()[0].lower(), (0, 0))
    return last - first


def _merged_months(roles: list[Role]) -> int:
    """The months the counted roles span, each month once (overlapping roles merged)."""
    return sum(b - a for a, b in merged_spans([(r.start, r.end + 1) for r in roles if r.counts]))


def years_of_experience(text: str, roles: list[Role]) -> float | None:
    """Professional years from the dated roles, else a stated "N+ years", else 0 when
    every dated role is a student's (a new graduate's internships), else None."""
    months = _merged_months(roles)
    if months > 0:
        return round(months / 12, 1)
    stated = [int(a or b or c) for a, b, c in _STATED_YEARS_RE.findall(text[:3000])]
    if stated:
        return float(max(stated))
    return 0.0 if roles else None


def highest_degree(text: str, parts: list[Section] | None = None) -> str:
    """The highest degree the resume shows (education section first, else anywhere).
    ``parts``: the resume's ``sections``, when already read."""
    parts = sections(text) if parts is None else parts
    edu = [(s.start, s.end) for s in parts if s.kind == "education"]
    scopes = ["\n".join(text[a:b] for a, b in edu)] if edu else []
    scopes.append(text)
    for i, scope in enumerate(scopes):
        in_education = bool(edu) and i == 0
        for degree, pattern in _DEGREE_RES:
            bare = _BARE_BY_DEGREE.get(degree) if in_education else None
            if degree == "phd":
                if any(not _under_way(scope, *span) for span in _line_matches(scope, pattern)):
                    return degree
            elif pattern.search(scope) or (bare is not None and bare.search(scope)):
                return degree
    return "none-stated"


def phd_under_way(text: str, parts: list[Section] | None = None,
                  degree: str | None = None) -> bool:
    """Whether the resume names a PhD under way (``_under_way``) and holds none: in its
    education section, else anywhere, as ``highest_degree`` reads it (``degree``: its
    reading, when the caller has it, not read again)."""
    if (highest_degree(text, parts) if degree is None else degree) == "phd":
        return False
    parts = sections(text) if parts is None else parts
    edu = [(s.start, s.end) for s in parts if s.kind == "education"]
    scope = "\n".join(text[a:b] for a, b in edu) if edu else text
    phd = dict(_DEGREE_RES)["phd"]
    return any(bool(edu) or _names_oneself(scope, m.start())
               for m in _PHD_STUDENT_RE.finditer(scope)) or any(
        _under_way(scope, *span) for span in _line_matches(scope, phd))


def _names_oneself(text: str, start: int) -> bool:
    """Whether the words at ``text[start:]`` begin their line or follow a separator ("PhD
    candidate, MIT"; "Jane Doe, PhD student"; "- PhD student"), not a sentence's other words:
    outside an education section, "Mentored a PhD student" is someone else (it read as the
    resume's own PhD under way)."""
    before = text[text.rfind("\n", 0, start) + 1:start].rstrip()
    return not before or before[-1] in "-–—•*·|,:;(（，、：|"


# a PhD under way by its name, which the "phd" degree pattern passes over: "PhD candidate",
# "PhD student", the Chinese 博士生 / 博士在读 / 博士候选人, the Japanese 博士課程 (not 修了, completed:
# ``_PHD_UNDER_WAY_ZH``)
_PHD_STUDENT_RE = re.compile(r"\b(?:ph\.?\s?d\.?|doctoral)\s*(?:candidate|student)\b|"
                             rf"博士{_PHD_UNDER_WAY_ZH}", _I)


def _line_matches(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of the matches of ``pattern`` in ``text``, one of those on the same
    line: ``_under_way`` reads a match's line (and the next), the same for each match on it.
    Read once a match, a 16,000-character line of "PhD PhD ... (in progress)" took 16 s
    (each match searched the whole line), and the 200,000 a resume may hold, hours."""
    spans: list[tuple[int, int]] = []
    last = -1
    for m in pattern.finditer(text):
        # (a line break since the last match's start, or in this match: another line)
        if last < 0 or text.find("\n", last, m.end()) >= 0:
            spans.append((m.start(), m.end()))
        last = m.start()
    return spans


def _under_way(text: str, start: int, end: int) -> bool:
    """Whether the degree named at ``text[start:end]`` is under way: said on its line
    (``_UNDER_WAY_RE``), or dated on the next (``_UNDER_WAY_DATED_RE``) when its own line has
    no year and the next names no degree nor role ("PhD in ML, MIT" / "2022 – Present"; not
    "PhD, MIT" / "Research Scientist, Google, 2020 – Present")."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    line = text[a:b]
    if _UNDER_WAY_RE.search(line):
        return True
    # (the next line alone: split off the rest of the text, each PhD named copied all of it,
    # 0.5 s for a 200,000-character resume of "PhD" lines)
    c = text.find("\n", b + 1)
    nxt = text[b + 1:len(text) if c < 0 else c] if b < len(text) else ""
    if (re.search(r"\b\d{4}\b", line) or _ROLE_WORD_RE.search(nxt)
            or any(p.search(nxt) for _, p in _DEGREE_RES)):
        return False
    return _UNDER_WAY_DATED_RE.search(nxt) is not None


def seniority_of(roles: list[Role], years: float | None) -> str:
    """Level from the latest title, else from the years of experience."""
    latest = max((r for r in roles if r.counts), key=lambda r: r.end, default=None)
    if latest is not None:
        for level, pattern in _LEVEL_TITLE:
            if pattern.search(latest.title):
                return level
    if years is None:
        return "unknown"
    if years < 2:
        return "junior"
    if years < 5:
        return "mid"
    return "senior"


# the longest line read as a headline (a line of prose under the name is none)
_HEADLINE_CHARS = 90


def _headline(text: str) -> tuple[str, str]:
    """The name (first line) and the headline (a short line under it that is not contact data)."""
    lines = [_plain(ln) for ln in _first_lines(text, 5)]
    while lines and _TITLE_PAGE_RE.match(lines[0]):  # "Curriculum Vitae", "RESUME" above the name
        lines = lines[1:]
    # "Resume of Jane Doe", "Jane Doe – CV", "Jane Doe Resume": the name without the word
    name = _TITLE_WORD_RE.sub("", lines[0]).strip() if lines else ""
    if "@" in name or re.search(r"\d{3}", name):  # "Jane Doe | jane@example.com | 555-0147"
        name = re.split(r"\s+[|·•–—]\s+|\s{2,}|,\s+(?=\S*[@\d])", name)[0].strip()
    head = ""
    for line in lines[1:]:
        if heading_of(line) is not None:
            break
        if _a_place(line):  # ("Seattle, WA" on its own line, the contact line below it)
            continue
        # contact data holds "@", a web address or a phone number, zip code or street
        # number; a year ("Data science student, graduating May 2025") is none of them
        if _no_contact(line) and len(line) <= _HEADLINE_CHARS:
            head = line
            break
        # a role leading the contact data on its line ("Senior MLOps Engineer | Seattle, WA
        # | m@example.com | linkedin.com/in/m"): the role is the headline (it was lost)
        first = _CONTACT_SPLIT_RE.split(line, maxsplit=1)[0].strip()
        if first != line and _no_contact(first) and _ROLE_WORD_RE.search(first) \
                and len(first) <= _HEADLINE_CHARS:
            head = first
            break
    if name and _ROLE_WORD_RE.search(name) and not _names_a_person(name.split(), text, head):
        # a role heading a resume with no name ("Data Scientist"; a one-line resume, "Machine
        # learning engineer, 5 years, Python PyTorch Kubernetes") is no name: it was shown as
        # the person's name; it is the headline when no line under it is one, and it is
        # no longer than one (a resume of one paragraph was its own headline, and title)
        name, head = "", head or (name if len(name) <= _HEADLINE_CHARS else "")
    return name[:80], head


# the separators of a contact line's parts ("Jane Doe | jane@example.com · 555-0147")
_CONTACT_SPLIT_RE = re.compile(r"\s+[|·•–—]\s+|\s{2,}")


def _no_contact(line: str) -> bool:
    """True when ``line`` holds no contact data: no "@", web address, phone number, zip
    code or street number (a year, "graduating May 2025", is none of them)."""
    return "@" not in line and not re.search(r"\d{3}", _YEAR_RE.sub("", line)) \
        and not _WEB_RE.search(line)


def _a_place(line: str) -> bool:
    """True when ``line`` names a place and nothing else ("Seattle, WA", "Edinburgh, UK",
    "Berlin", "London, United Kingdom"): a part of the contact data, which was the headline
    and read into the resume's title; not "Machine Learning, Berlin"."""
    parts = [part.strip() for part in line.split(",")]
    return not _ROLE_WORD_RE.search(line) and all(
        part and (is_code(part) or is_town(part) or is_place(
            [w.lower() for w in _PLACE_WORD_RE.findall(part)], MODE_WORDS)) for part in parts)


_PLACE_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# linkedin.com/in/jane-doe, https://janedoe.dev (not "Data Scientist at Acme.ai")
_WEB_RE = re.compile(r"https?://|\bwww\.|\b[\w-]+\.[a-z]{2,6}/\S", _I)
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TITLE_WORD_RE = re.compile(
    r"^(?:resume|résumé|curriculum vitae|cv|lebenslauf)\s*(?:\bof\b|[-–—:|·])\s*|"
    r"\s*[-–—:|·]\s*(?:resume|résumé|curriculum vitae|cv|lebenslauf)$|"
    r"\s+(?:resume|résumé|cv)$", _I)
# (a Chinese "简历" / "个人简历", a Japanese "履歴書", a Korean "이력서" heading the page too)
_TITLE_PAGE_RE = re.compile(
    r"^(?:resume|résumé|curriculum vitae|cv|lebenslauf|(?:个人)?简历|履歴書|이력서)\W*$", _I)


def _first_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of ``text`` that are not blank."""
    found: list[str] = []
    for line in text.splitlines():
        if line.strip():
            found.append(line)
            if len(found) == count:
                break
    return found


def _plain(line: str) -> str:
    """A line without its Markdown heading marks and emphasis (``# **Name**`` is Name)."""
    line = line.strip().lstrip("#").strip()
    for mark in ("**", "__", "*", "_"):
        if len(line) > 2 * len(mark) and line.startswith(mark) and line.endswith(mark):
            line = line[len(mark):-len(mark)].strip()
    return line


def without_name(text: str, name: str, headline: str) -> str:
    """The text with the person's name blanked wherever it is written out in full, its
    words apart or joined as in an address (``jack.spark@``, ``linkedin.com/in/jack-spark``).
    ``name`` and ``headline`` are the resume's, as ``build_profile`` reads them (``Profile``).

    A surname can be a skill's name (Raman, Spark, Rust, Scala, Keras): the
    person's name is not a skill they have. A first line that names a role
    or runs long is no name ("Data Scientist" heading a resume with no name)
    and is kept, unless it reads as a person's name all the same (``_names_a_person``:
    "Sam Head", "Will Lead").
    """
    words = name.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in name):
        return text
    if _ROLE_WORD_RE.search(name) and not _names_a_person(words, text, headline):
        return text
    return re.sub(r"(?<![^\W_])" + r"(?:\s+|[._-]?)".join(map(re.escape, words)) + r"(?![^\W_])",
                  lambda m: " " * len(m.group()), text, flags=_I)


def _names_a_person(words: list[str], text: str, headline: str) -> bool:
    """Whether a first line holding a role word ("Sam Head", "Will Lead", "Jane Fellow") is
    a person's name, not a title heading a resume with no name ("Data Scientist", "Team
    Lead"): its words are joined in an address (sam.head@, linkedin.com/in/will-lead), or
    it is two or three capitalised words, a role word only the last, with the headline
    under it naming a role ("Sam Head" over "Data Engineer")."""
    joined = r"[._-]?".join(map(re.escape, words))
    if re.search(rf"(?<![^\W_]){joined}@|/{joined}(?![^\W_])", text, _I):  # an email, a URL
        return True
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) \
            or any(_ROLE_WORD_RE.search(w) for w in words[:-1]):
        return False
    return _role_title(headline) is not None


def resume_title(headline: str, roles: list[Role]) -> str:
    """What stands for a posting's title: the headline and the latest role titles."""
    titles = [r.title for r in sorted(roles, key=lambda r: -r.end) if r.counts]
    return " / ".join(dict.fromkeys(t for t in (headline, *titles[:3]) if t))


def title_skills(title: str) -> list[str]:
    """The skills a resume's title names (see the module docstring), in order."""
    matcher = default_matcher()
    found = matcher.find(title)
    found += matcher.coordinated_all(title, found)  # ("NLP and Vision Engineer")
    return [m.name for m in sorted(found, key=lambda m: m.start)]


# A resume the classifier reads as no ML/data or software role at all (a barista's, a nurse's: the
# ML resumes of the dev set and tests read below 0.01) and that names almost no skill the
# taxonomy knows has no kind of ML role: its renormalised archetypes would be noise
# presented as a fit. A software engineer's resume also reads not-ml (the model learnt
# that from postings), but it names many skills and fits the ML-aware engineer's roles:
# it keeps its archetypes.
NOT_ML_RESUME = 0.5
OFF_FIELD_SKILLS = 3  # fewer known skills than this, with not-ml >= NOT_ML_RESUME


_DEGREE_NAME_RE = re.compile(r"^\s*(?:of\s+)?(?:applied\s+)?(?:science|arts|engineering|technology|"
                             r"philosophy|business administration|laws)\b", _I)
_BRACKETED_RE = re.compile(r"\s*\((?!hons\))([^()]{2,60})\)", _I)
# brackets after a degree's name that say no field: an honour or grade ("(Honours)",
# "(Distinction)", "(cum laude)"), the degree's letters ("(M.S.)", "(MSc)") or a year; the
# field follows them ("B.Sc. (Honours) in Statistics")
_QUALIFIER_RE = re.compile(
    r"^[\s,.:–—-]*(?:\((?:hons?|honou?rs|distinction|merit|first[- ]class(?:\s+honou?rs)?|"
    r"(?:summa\s+|magna\s+)?cum\s+laude|(?:[a-z]{1,3}\.\s?){1,4}[a-z]{0,3}|"
    r"[bm](?:sc|s|a|eng|res|phil|ba)|ph\.?d|\d{4})\.?\)\s*)+(?=\S)", _I)
_FIELD_SPLIT_RE = re.compile(r"\s+[|·—–-]\s+|[,;(]|\s+(?:at|from)\s+|\s+\d{4}\b")


def degree_skills(text: str, parts: list[Section] | None = None) -> list[str]:
    """The skills the fields of the resume's degrees name ("M.S. Statistics" holds
    statistics, "PhD, Machine Learning" machine learning), in order.

    In a posting "a degree in Statistics" asks for a degree, and the shared extractor
    leaves the field out; on a resume the field is what the person studied.
    Only the education section's degree lines are read. ``parts``: the resume's
    ``sections``, when already read.
    """
    parts = sections(text) if parts is None else parts
    found: list[str] = []
    lines = [ln for s in parts if s.kind == "education" for ln in text[s.body:s.end].splitlines()]
    for line in lines:
        line = line.replace("**", "").replace("__", "").strip(" -•*·\t")
        for _, pattern in (*_DEGREE_RES, *_BARE_DEGREE_RES):
            m = pattern.search(line)
            if m is None:
                continue
            rest = line[m.end():]
            if m.group().lower().endswith(" of") or re.match(r"\s*of\b", rest, _I):
                # "Master of Science, Business Analytics": the field follows the degree's name
                rest = _DEGREE_NAME_RE.sub("", rest)
            rest = _QUALIFIER_RE.sub(" ", rest, count=1)
            rest = re.sub(r"^[\s,.:–—-]*(?:\(hons\)\s*)?(?:in|of)?\s+", " ", rest, flags=_I)
            bracketed = _BRACKETED_RE.match(rest)  # "Master of Science (Statistics)", "MSc (Data
            # Science)": the field in brackets
            field = bracketed.group(1) if bracketed else \
                _FIELD_SPLIT_RE.split(rest, maxsplit=1)[0].strip(" .:")
            if field and len(field) <= 60:
                found += title_skills(field)
            break
    return list(dict.fromkeys(found))


# what a resume says of a skill it has not: "No experience with Docker", "Not familiar with
# Prometheus or Grafana", "Never used Kubernetes", "Currently learning Terraform", "Learning:
# Rust"; up to the named skills, with no clause's end or "but" between ("No experience with
# Docker, but strong in Kubernetes" holds Kubernetes). "Limited experience with" is some.
_LACKED_RE = re.compile(
    r"(?:\bno\s+(?:prior\s+|professional\s+|hands-on\s+)?(?:experience|exposure)\s+(?:with|in|of|using)"
    r"|\bnot\s+(?:yet\s+)?(?:familiar|experienced)\s+with|\bnever\s+(?:used|worked\s+with)"
    r"|\b(?:currently|now|still|am|i'm|i am)\s+learning|^[^\w\n]*(?:currently\s+)?learning\s*:)"
    r"(?P<rest>(?:(?!\bbut\b|\bhowever\b|\bwhile\b)[^.;\n])*)", re.IGNORECASE | re.MULTILINE)


def lacked_skills(text: str) -> set[str]:
    """The skills ``text`` names only as lacked or being learnt (``_LACKED_RE``): named in such
    a clause, and nowhere else. A resume's "No experience with Docker yet" held Docker (and
    containerization, an umbrella it implies for matching)."""
    spans = [(m.start("rest"), m.end("rest")) for m in _LACKED_RE.finditer(text)]
    if not spans:
        return set()
    matcher = default_matcher()
    found = matcher.find(text)
    found += matcher.coordinated_all(text, found)
    lacked: set[str] = set()
    held: set[str] = set()
    for m in found:
        inside = any(a <= m.start < b for a, b in spans)
        (lacked if inside else held).add(m.name)
    return lacked - held


def skill_years(text: str, skills: list[str]) -> dict[str, int]:
    """The years the resume states with one of ``skills`` ("6 years of PyTorch", "PyTorch (4
    yrs)", "Python - 5+ years", "5 years in MLOps"), the largest said of each, in the order of
    ``skills``. The skills are the shared matcher's and the words around them the posting
    reader's (``facets.skill_years``): one reading of "N years of a skill" on both sides.
    """
    matcher = default_matcher()
    found = matcher.find(text)
    found += matcher.coordinated_all(text, found)
    said = facets.skill_years(text, sorted(found, key=lambda m: m.start), most=True)
    return {name: said[name] for name in skills if name in said}


def dated_skill_years(text: str, roles: list[Role], skills: list[str],
                      parts: list[Section] | None = None) -> dict[str, int]:
    """The whole years of the counted dated roles whose entries name one of ``skills``
    ("Machine Learning Engineer, Acme, 2019 - 2022" over "- Trained ranking models in
    PyTorch": PyTorch 4, January 2019 to December 2022), each month once (roles that overlap
    merged), in the order of ``skills``; a skill under a year of them is left out. An entry
    runs from its first line to the next role's entry, or to the end of its section
    (``parts``: the resume's ``sections``), so a skills list after the roles is no role's."""
    if not any(r.counts and r.at >= 0 for r in roles):
        return {}
    entries = sorted({r.at for r in roles if r.at >= 0})  # (an intern's entry ends one too)
    parts = sections(text) if parts is None else parts
    bounds = sorted({s.start for s in parts} | {s.end for s in parts} | {len(text)})
    matcher = default_matcher()
    wanted = set(skills)
    counted = {r.at for r in roles if r.counts}
    named: dict[int, set[str]] = {}  # the skills each counted role's entry names
    for i, at in enumerate(entries):
        if at not in counted:
            continue
        end = bounds[bisect.bisect_right(bounds, at)]  # (its section's end; ``at`` < len(text))
        if i + 1 < len(entries):
            end = min(end, entries[i + 1])
        entry = text[at:end]
        found = matcher.find(entry)
        found += matcher.coordinated_all(entry, found)
        named[at] = {m.name for m in found} & wanted
    spans: dict[str, list[tuple[int, int]]] = {}
    for role in roles:
        if role.counts and role.at >= 0:
            for name in named[role.at]:
                spans.setdefault(name, []).append((role.start, role.end + 1))
    out = {}
    for name in skills:
        months = sum(b - a for a, b in merged_spans(spans.get(name, [])))
        if months >= 12:
            out[name] = months // 12
    return out


def ml_archetypes(proba: dict[str, float]) -> dict[str, float]:
    """Archetype probabilities over the ML/data archetypes, best first.

    The shared classifier reads postings; on a resume it can put much weight on
    ``not-ml`` (a resume reads like no posting). ``not-ml`` is dropped and the
    rest renormalised: a resume is matched to ML/data roles, and what matters is
    which of those fits best.
    """
    kept = {a: p for a, p in proba.items() if a != "not-ml"}
    total = sum(kept.values()) or 1.0
    return {a: round(p / total, 4) for a, p in sorted(kept.items(), key=lambda kv: -kv[1])}


def build_profile(text: str, *, now: datetime) -> Profile:
    """Read a profile from resume text.

    Args:
        text: the resume as plain text (see ``mljobs.resume.load_resume``).
        now: the date that "Present" means.

    Returns:
        The profile.
    """
    parts = sections(text)
    name, headline = _headline(text)
    roles = find_roles(text, now, parts)
    years = years_of_experience(text, roles)
    title = resume_title(headline, roles)
    read = without_name(text, name, headline)
    understood = analyse(title, read)
    degree = highest_degree(text, parts)
    not_ml = understood.archetype_proba.get("not-ml", 0.0)
    skills = list(dict.fromkeys([*(m.name for m in understood.skills), *title_skills(title),
                                 *degree_skills(text, parts)]))
    lacked = lacked_skills(read)
    skills = [name for name in skills if name not in lacked]
    off_field = not_ml >= NOT_ML_RESUME and len(skills) < OFF_FIELD_SKILLS
    return Profile(
        name=name,
        headline=headline,
        skills=skills,
        years=years,
        degree=degree,
        phd=degree == "phd",
        phd_under_way=phd_under_way(text, parts, degree),
        seniority=seniority_of(roles, years),
        specialisations=list(understood.specialisation),
        archetypes={} if off_field else ml_archetypes(understood.archetype_proba),
        roles=roles,
        text=text,
        not_ml=round(not_ml, 4),
        **_skill_years(text, read, roles, skills, parts),
    )


def _skill_years(text: str, read: str, roles: list[Role], skills: list[str],
                 parts: list[Section]) -> dict[str, Any]:
    """``Profile.skill_years`` and ``skill_years_dated``: the years the resume states with each
    skill (``skill_years`` of ``read``, the text without the person's name), else those its
    dated roles show (``dated_skill_years``, listed as dated), in the order of ``skills``: a
    stated figure is never overridden."""
    said = skill_years(read, skills)
    dated = {name: years for name, years in dated_skill_years(text, roles, skills, parts).items()
             if name not in said}
    return {"skill_years": {name: said[name] if name in said else dated[name] for name in skills
                            if name in said or name in dated},
            "skill_years_dated": list(dated)}
