"""Split a posting description into sections and tell which part a position is in.

A section is one of ``about`` (the company), ``responsibilities``,
``requirements``, ``nice`` (nice-to-have / preferred), ``benefits`` or
``other`` (text before the first recognised heading). Headings are short
lines (or the ``Label:`` start of a line) that name a section; the section
runs until the next heading. Inline cues ("... is a plus", "preferred",
"bonus") mark a single line as nice-to-have wherever it sits.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import ahocorasick_rs

from mljobs.enrich.alternation import by_first_char, by_first_letter
from mljobs.enrich.lowered import automaton, hits, lower, lowers_exactly, register, spans_around

SECTION_KINDS = ("other", "about", "responsibilities", "requirements", "nice", "benefits")

# Order matters: the first kind whose pattern matches a heading wins, so the
# "preferred qualifications" heading is nice-to-have, not requirements. Each kind's
# alternatives start with a lower-case letter (``_HEADING_FAST`` groups them by it). An
# apostrophe is straight or curly ("What you’ll do", "It’d be even better if you...").
# "Experience with AWS cloud services: EC2, S3" or "Knowledge of SQL:" is an item of a list,
# not a requirements heading (in a nice-to-have list it once ended the list).
# (The look-ahead stays on the line and ends with ``\b``, so that the stripped line and the
# text from the line's start give the same answer.)
_ITEM = (r"(?![^\S\n]+(?:with|in|using|of|on|across|building|developing|working|designing|deploying"
         r"|writing)\b)")
_HEADING_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nice", (r"nice[\s-]to[\s-]haves?", "preferred", "bonus(?: points)?", "pluses", "plus(?:es)? if",
              "desired", "desirable", r"good[\s-]to[\s-]haves?", r"great[\s-]to[\s-]haves?",
              "extra credit",
              "it(?:['’]d| would) be (?:even )?(?:better|great|nice)", "even better",
              "would be a plus", "ideal(?:ly)?", "additional(?: skills| qualifications)",
              "what you (?:might|may|could) (?:also )?(?:have|bring)", "extra points",
              "what (?:will |would )?makes? you stand out", "you(?:['’]ll| will| would) stand out")),
    ("benefits", ("benefits", "perks", "what we offer", "what you(?:['’]ll| will) get", "we offer",
                  "compensation", "salary",
                  "why (?:join|work)", "what['’]?s in it for you", "total rewards", "our offer")),
    ("requirements", ("requirements?", "qualifications?", "what you(?:['’]ll| will| must| should)? (?:need|bring|have)",
                      "who you are", "about you", "you have", "you bring", "you are",
                      r"must[\s-]haves?", "skills" + _ITEM, "experience" + _ITEM,
                      "what we(?:['’]re| are) looking for", "looking for", "ideal candidate",
                      "we(?:['’]d| would) love", "knowledge" + _ITEM, r"competenc\w+" + _ITEM,
                      "profile", "minimum", "basic", "education",
                      # a heading's qualifier first ("Required Skills", "Job Requirements",
                      # "Key Qualifications": the heading was not found, and the list went on
                      # in the section before, a "Preferred" one's too)
                      *(f"{word} (?:requirements?|qualifications?|skills)" + _ITEM for word in (
                          "required", "job", "position", "key", "technical", "essential",
                          "educational", "core")),
                      "who we(?:['’]re| are) looking for")),
    ("responsibilities", (r"responsibilit\w+", "what you(?:['’]ll| will) do", "what you will be doing",
                          "the role", "your role", "role description", "duties",
                          r"day[\s-]to[\s-]day", "in this role", "you will", "you['’]ll", "the job",
                          "job description", "the position", "the opportunity", "your impact",
                          "what you['’]ll work on", "projects?", "mission",
                          # (the role's, not the company's: before "about" and its "about \w+")
                          "about (?:the|this) (?:role|job|position|opportunity|gig)",
                          *(rf"{word} (?:responsibilit\w+|duties)" for word in (
                              "key", "core", "main", "primary", "principal", "essential", "job",
                              "position", "role", "your")),
                          r"roles? (?:and|&) responsibilit\w+")),
    # ("[a-z]" is "[A-Z]" when case is ignored, for every character: the letters all lower case)
    ("about", (r"about (?:us|the company|the team|[a-z]\w+)", "who we are", "overview",
               "our company", "company description", "the company", "our team", "the team",
               "summary")),
)
# One anchored regex; the first alternative that matches gives the kind.
_HEADING_RE = re.compile(
    r"^\W*(?:" + "|".join(f"(?P<{kind}>{'|'.join(alts)})" for kind, alts in _HEADING_PATTERNS)
    + r")\b",
    re.IGNORECASE,
)


# ``_HEADING_RE`` (after its ``^``) with its alternatives grouped by their first letter
# (``by_first_letter``: the first that matches is the one ``_HEADING_RE`` finds), so the
# engine tries only the few that start with the heading's letter.
_HEADING_LABELLED = [(kind, alt) for kind, alternatives in _HEADING_PATTERNS for alt in alternatives]
_HEADING_ALTERNATION, _HEADING_KINDS = by_first_letter(_HEADING_LABELLED)
# At most 100 characters before the heading's first word: a heading line is at most 92
# (``_split``, ``_heading_kind``), so every heading line is still found from its own line
# break. ``\W*`` went on across lines of symbols only ("-\n-\n-..."), from every line
# break to the end of the run: quadratic, 10 KB of such lines took 0.7 s, 1 MB hours.
_HEADING_LEAD = r"\W{0,100}"
_HEADING_BODY = _HEADING_LEAD + _HEADING_ALTERNATION + r"\b"
# ``_HEADING_RE`` for ``match`` at the start: a match's kind is ``_HEADING_KINDS[m.lastindex]``.
_HEADING_FAST = re.compile(_HEADING_BODY, re.IGNORECASE)
# The line starts after a line break where ``_HEADING_FAST`` matches the text: every heading
# line's start is one (its heading matches there, the look-ahead going on past the line
# only finds more), and the engine jumps from line break to line break to find them. It is
# searched case-sensitively in the lower-cased text of a text that ``lowers_exactly`` (the
# same matches, much faster: the letters of the heading patterns are all lower case).
# (The alternation without capturing groups: the look-ahead needs no kind, and the engine
# rejects an alternative on its first character only outside a group: ~2x faster.)
_HEADING_AFTER_BREAK = re.compile(
    r"\n(?=" + _HEADING_LEAD + by_first_letter(_HEADING_LABELLED, capture=False)[0] + r"\b)")

# Searched once over the lower-cased text (no \b: plain alternation is much faster).
# "Experience with X would be helpful / is an asset" marks X nice-to-have; "patterns that
# could be valuable for diagnostics" does not.
# "ideally" and "optionally" qualify what follows them only (``_FORWARD_ONLY``): "Python and
# SQL, ideally in a full-stack setting" asks for SQL. ("SQL, preferably PostgreSQL" asks for
# one of them: no cue; nor does "R or Python, where the former is preferred".) A stack that
# "is (highly) valued", "would be welcome", "is not a requirement" / "no worries if you
# haven't used it", or an "(Optional)" item is nice-to-have; "Scala would be ideal but Java
# is acceptable" and "especially valuable" were read as asks by the labellers.
_NICE_CUE_ALTERNATIVES = (
    "a plus", "big plus", "huge plus", "strong plus", "bonus(?: points)?", "nice[ -]to[ -]have",
    "p(?<!former is p)(?<!latter is p)referred", "desired", "desirable", "ideally", "not required",
    "advantage", "pluses", "appreciated",
    *(f"{verb} (?:also )?(?:highly |very |extremely |greatly )?(?:helpful|beneficial|valuable|valued)"
      "(?! for)" for verb in ("be", "is", "are")),
    "an asset", "would (?:also )?be (?:welcome|great|nice)",
    *(f"{verb} (?:also )?welcome" for verb in ("is", "are", "be")),
    "no requirement", "not a requirement", "not necessary", "not mandatory", "no worries if",
    "optionally", r"\(optional\)", "optional(?=:)")


# (searched in the lower-cased text; the plain alternation of ``_NICE_CUE_ALTERNATIVES`` in
# its order, grouped by first character, "(?<!former is )preferred" written with its
# look-behind after the "p" so that the engine skips ahead: a property test compares them)
_NICE_CUE = by_first_char(_NICE_CUE_ALTERNATIVES)
# Every cue contains one of these; a text with none of them has no cue.
_NICE_CUE_WORDS = ("plus", "bonus", "nice", "preferred", "desir", "ideally", "not required",
                   "advantage", "appreciated", "helpful", "beneficial", "valuable", "valued",
                   "asset", "welcome", "would be great", "would also be great", "no requirement",
                   "not a requirement", "not necessary", "not mandatory", "no worries if", "optional")
register(_NICE_CUE_WORDS)

# Every cue is at most 37 characters long and at most 24 longer than its word ("are also
# extremely valuable", whose look-ahead reads 4 characters past the word), so it lies within
# this many characters of its word.
_CUE_RADIUS = 24

# The cues that qualify only what follows them.
_FORWARD_ONLY = ("ideally", "optionally")
# "Python (preferred) or Java": one of them is asked for.
_OR_NEXT = re.compile(r"\)\s*(?:and/|and /)?or\b")
# A requirement between a mention and a later cue ends the cue's reach: "Go required, Rust
# a plus", "Excel, SQL and R required, Python is a plus".
_REQUIRED_WORD = re.compile(r"(?<!not )\brequired\b|\bmust\b")


# (the period of "e.g." or "i.e.", or of "etc." before a lower-case word, ends no sentence)
# (the mark first, so that the engine skips ahead to the marks; the look-behinds then read it)
# (its look-ahead reads at most 2 characters past the mark)
# A bullet run into its line ("queries* Facility with Python", "AWS -Knowledge of R", "• SQL")
# ends a clause too: such texts lost their line breaks. (One class of marks first, then what
# each needs: so that the engine skips ahead to the marks.)
_SENTENCE_END = re.compile(
    r"[.;!?*•▪●-](?:(?<=[.;!?])(?=\s)(?:(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)|(?<=\betc\.)(?=[^\S\n][^\sa-z]))"
    r"|(?<=\S\*)(?=[^\S\n]?[A-Z])|(?<=\s-)(?=[A-Z])|(?<=[•▪●])(?=\s))")
_CLAUSE_END = re.compile(_SENTENCE_END.pattern + r"|\n")
_LINE_BREAK = re.compile("\n")
# What may stand before the first word of a line.
_BULLETS = " \t•*-–·▪●>"


# Degree subjects (LABELS.md: "not degrees or degree subjects"): the list after "degree in",
# "MS/PhD in", "Bachelor's in", "a quantitative discipline (e.g. ...": "MS/PhD degree in a
# quantitative discipline (e.g. statistical genetics, machine learning, bioinformatics,
# statistics, computational biology, ...)" names the fields of the degree, not skills asked
# for. The list runs from the "in" to the end of its clause, or to a word that turns to
# what the hire does ("with", "experience", "years", "plus": "BS in CS with 3 years of
# experience in Python" asks for Python); the words before the "in" must not hold one either
# ("a related discipline with direct experience in CAR-T cell analysis"). An abbreviation keeps
# its periods ("Ph.D. in immunology, cancer biology, gene therapy", "M.S. or Ph.D. in
# Mathematics, ..., Data Science": before the twentieth session only "PhD in" was read), and
# the subjects may stand in brackets after the degree's field ("Bachelor's Degree within a
# STEM discipline (Computer Science, Statistics, Data Science, etc.)").
_DEGREE_AT = re.compile(
    r"(?<!high )(?<!some )(?<!certain )(?<!great )(?:[Dd]egrees?|[Bb]achelor(?:['’]?s)?|"
    r"[Mm]aster(?:['’]?s)?|[Dd]octorate|[Dd]iploma|[Dd]isciplines?|[Mm]ajor(?:ing)?|"
    r"[Ff]ields? of study|B\.?S\.?c?|M\.?S\.?c?|Ph\.?D\.?s?|B\.?A\.?|M\.?A\.?|BSc|MSc)\b\.?"
    r"[^.;\n]{0,40}?(?:\bin\b|\b(?:disciplines?|fields?|subjects?|areas?)[ \t]*\()")
# (the periods of "e.g." and "i.e." end no clause, nor those of "Ph.D.", "M.S.", "B.A.")
# (searched in the lower-cased text: one class of first characters, then what each needs, so
# that the engine skips ahead to them)
_DEGREE_LIST_END = re.compile(
    r"[.;\nweayp](?:(?<=[.;\n])(?<!\be\.)(?<!\bi\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\b[bm]\.)(?<!\bph\.)"
    r"(?<!\b[bm]\.[sa]\.)(?<!\bph\.d\.)|(?<![\w]w)(?<=w)ith\b|"
    r"(?<![\w]e)(?<=e)xperience\b|(?<![\w]a)(?<=a)nd\s+\d|(?<![\w]y)(?<=y)ears?\b|(?<![\w]p)(?<=p)lus\b)")
# The longest list read after the "in".
_DEGREE_LIST_MAX = 250
# A degree's abbreviation that ends a sentence: its last period, then a capital ("or a B.S.
# Proficiency in Python", "M.S. Knowledge of PyTorch": what follows is asked of the hire), not
# a word of the clause ("Ph.D. in immunology", "M.S. or Ph.D. in ..."). Searched in the text
# itself (``_DEGREE_LIST_END`` reads the lower-cased text, where the capital is gone).
_DEGREE_ABBREV_END = re.compile(r"\b(?:[BM]\.[SA]\.|Ph\.D\.)(?=[ \t]+(?!In\b)[A-Z])")
# The lower-cased words one of which starts every ``_DEGREE_AT`` match ("bs in" for "BS in",
# "BA/BS in"; "MS/PhD" has "phd").
_DEGREE_WORDS = ("degree", "bachelor", "master", "doctorate", "diploma", "discipline", "major",
                 "field of study", "fields of study", "phd", "ph.d", "bsc", "msc", "b.s", "m.s",
                 "b.a", "m.a", "bs in", "ms in", "ba in", "ma in")
register(_DEGREE_WORDS)
_DEGREE_WORD_SET = frozenset(_DEGREE_WORDS)


def _word_starts(low: str, words: frozenset[str]) -> list[int]:
    """The starts in ``low`` of the (registered) ``words`` it holds, from ``hits(low)``:
    ascending, each once. Do not change the list."""
    found = hits(low)
    # (the text's trigger words are fewer than ``words``: look those up in the set)
    at = [found[w] for w in found if w in words]
    if not at:
        return []
    return at[0] if len(at) == 1 else sorted({i for got in at for i in got})


def degree_subject_spans(text: str, low: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans of ``text`` that list the subjects of a degree (see
    ``_DEGREE_AT``); ``low`` is ``lower(text)``, of the same length (else there are none)."""
    if len(low) != len(text):
        return []
    spans: list[tuple[int, int]] = []
    for i in _word_starts(low, _DEGREE_WORD_SET):
        if (i and text[i - 1].isalnum()) or (spans and i < spans[-1][1]):
            continue  # inside a word, or inside the last list
        m = _DEGREE_AT.match(text, i)
        if m is None or _DEGREE_LIST_END.search(low, i, m.end()) is not None or (
                "." in m[0] and _DEGREE_ABBREV_END.search(text, i, m.end()) is not None):
            continue
        end = min(len(text), m.end() + _DEGREE_LIST_MAX)
        stop = _DEGREE_LIST_END.search(low, m.end(), end)
        end = stop.start() if stop is not None else end
        if "." in text[m.end():end]:
            sentence = _DEGREE_ABBREV_END.search(text, m.end(), end)
            end = sentence.start() if sentence is not None else end
        spans.append((m.end(), end))
    return spans


# Company pitches: a sentence of the company's description ("other" or "about" text) whose
# subject is the company or its product and whose verb says what it is or does ("We're
# building an AI-native platform that turns physics simulations into ...", "Acme is the
# agentic operating system for robotics", "Our platform delivers real-time analytics")
# names the business, not skills asked of the hire (LABELS.md: "not the company's own
# product"). A sentence that speaks of the hire, the team, research or the stack ("We use
# Rust", "our stack", "built on", "experience", "you") is no pitch: the labellers list
# the stack of a post as its skills; nor is one that asks ("Docker is a plus").
_PITCH_IS_WORDS = (
    "builds", "develops", "provides", "helps", "makes", "creates", "offers", "powers", "combines",
    "applies", "turns", "enables", "transforms", "automates", "pioneers", "solves", "brings",
    "delivers", "specializes", "focuses", "is building", "is developing", "is creating", "is an?",
    "is the", "are building", "was founded", "has built", "advances", "is advancing")
_PITCH_WE_WORDS = (
    "build", "develop", "provide", "help", "make", "create", "offer", "power", "combine", "apply",
    "turn", "enable", "transform", "automate", "pioneer", "solve", "bring", "deliver", "specialize",
    "focus")
_PITCH_IS = "(?:" + "|".join(_PITCH_IS_WORDS) + ")"
_PITCH_WE = "(?:" + "|".join(_PITCH_WE_WORDS) + ")"
_PITCH_START = re.compile(
    r"\s*(?:(?:[Ww]e(?:['’]re| are)\s+(?:currently\s+|now\s+)?(?:building|developing|creating|making|an?|"
    r"the)|[Ww]e(?:['’]ve| have)\s+built|[Ww]e\s+" + _PITCH_WE + r")|[Oo]ur\s+(?:platform|products?|"
    r"company|technology|software|solutions?|engine|system|models?|ai)\b[^.\n]{0,40}?\b(?:is|are|"
    + "|".join(_PITCH_IS_WORDS) + r")|(?!(?:This|That|It|The|There|Here|Which|Each|Every|Our|Your|Their|He|She|They|His|"
    r"Her|What|Who|When|If|As)\b)(?:[A-Z][\w.&'-]{0,30}(?:[^\S\n]+[A-Z][\w.&'-]{0,30}){0,3})[^\S\n]+(?:\([^)\n]{0,60}\)[^\S\n]+)?"
    + _PITCH_IS + r")\b")
# (searched in the lower-cased text, grouped by first character: ``by_first_char``)
_PITCH_ASK_WORDS = (
    r"\byou\b", r"\buse\b", r"\bteam\b", r"\blabs?\b", "research", r"\byour\b", r"\bwork on\b",
    r"\broles?\b", r"\bposition\b", r"engineers?\b", r"developers?\b", r"\bstack\b",
    "built (?:on|with)", "building with", r"\bshop\b", "written in", r"\btech\b", "experience",
    "looking for", "hire", "hiring", "join", "candidate", r"skills?\b", "knowledge", "familiar",
    "proficien", "required", "must", "strong", "expert", "plus", "bonus", "advantage", "prefer",
    "desir", "nice", "asset", "helpful", "ideal", r"languages?\b", r"frameworks?\b", r"tools?\b",
    "librar")
_PITCH_ASK = by_first_char(_PITCH_ASK_WORDS)


def _literal_head(alternative: str) -> str:
    """The letters and spaces every match of ``alternative`` (a ``by_first_char`` one)
    starts with: ``\\blabs?\\b`` -> "lab", "built (?:on|with)" -> "built "."""
    body = alternative.removeprefix("\\b")
    n = 0
    while n < len(body) and (body[n].isalpha() or body[n] == " "):
        n += 1
    return body[:n - 1] if body[n:n + 1] == "?" else body[:n]


# Every ``_PITCH_ASK`` match starts with one of these: a sentence asks when ``_PITCH_ASK``
# matches at one of their starts (``_asks``), which an automaton finds at once; the regex
# alone tries every position of the sentence.
_PITCH_ASK_HEADS = automaton(sorted({_literal_head(a) for a in _PITCH_ASK_WORDS}))


def _found(heads: ahocorasick_rs.AhoCorasick, pattern: re.Pattern[str], low: str, lo: int,
           hi: int) -> bool:
    """``pattern.search(low, lo, hi) is not None``, tried only where one of ``heads`` (the
    literal starts of its matches) starts: one automaton pass instead of the regex's try at
    every position (look-behinds and word bounds read ``low`` around ``lo`` and ``hi`` as the
    search does)."""
    for _, a, _ in heads.find_matches_as_indexes(low[lo:hi], overlapping=True):
        if pattern.match(low, lo + a, hi) is not None:
            return True
    return False


def _asks(low: str, lo: int, hi: int) -> bool:
    """``_PITCH_ASK.search(low, lo, hi) is not None``."""
    return _found(_PITCH_ASK_HEADS, _PITCH_ASK, low, lo, hi)


# How far back from a ``_PITCH_WORDS`` word a pitch sentence's start is looked for (the
# subject before the verb: a name of up to four words, and a parenthesis), and how far on
# from its verb its end.
_PITCH_LEAD = 150
_PITCH_REACH = 400
_SENTENCE_MARKS = ("\n", ". ", "! ", "? ")


def _sentence_start(text: str, start: int, lo: int = 0) -> int:
    """The start of the sentence around ``start``: just past the last ``_SENTENCE_MARKS``
    mark that lies in ``text[lo:start]`` (0 for none). (Each mark is looked for only past the
    last one found: "! " and "? ", rare, are otherwise searched for to the text's start.)"""
    pos = text.rfind("\n", lo, start)
    for mark in (". ", "! ", "? "):
        j = text.rfind(mark, max(pos + 1, lo), start)
        if j >= 0:  # (then past ``pos``)
            pos = j
    return pos + 1


def _sentence_end(text: str, end: int) -> int:
    """The first ``_SENTENCE_MARKS`` mark at or after ``end`` (``len(text)`` for none); each
    mark is looked for only up to the nearest one found so far."""
    hi = len(text)
    for mark in _SENTENCE_MARKS:
        j = text.find(mark, end, hi + len(mark) - 1)
        if j >= 0:
            hi = j
    return hi
# Words of a sentence that speaks to the hire or of what is asked (``in_company_sentence``).
_SENTENCE_ASK_WORDS = (
    "you", "your", "you'll", "you’ll", r"experience\w*", "knowledge", "background", r"familiar\w*",
    "understanding", "expertise", "expert", r"proficien\w*", "skills?", "exposure", "track record",
    "worked", "working in", "plus", "preferred", "bonus", "desired", "ideally", "degree", "training",
    "required", "must", "should")
# Words of a sentence about the company (``in_company_sentence``).
_SENTENCE_COMPANY_WORDS = (
    "we", "we're", "we’re", "our", "us", "is", "are", "was", "has", "have", "company", "companies",
    "platform", "customers", "clients", "partners", "mission", "industry", "industries", "leader",
    "leading", "founded", "backed", "builds", "develops", "provides", "offers", "helps", "powers",
    "serves", "makes", "creates", "delivers", "enables", "supports")
# Words of a sentence that speaks of the role or the hiring ("we're looking for a fullstack
# dev", "this is a backend-focused role", "Staff Software Engineer - Frontend"):
# ``in_company_sentence(..., hire=True)``.
_SENTENCE_HIRE_WORDS = (
    "roles?", "positions?", "looking", "hiring", "hire", r"join\w*", "candidates?", "engineers?",
    "developers?", "devs?", "scientists?", "analysts?", "openings?")


def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A regex of any one of ``words`` (regex alternatives) as a whole word."""
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


def _heads(words: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    """An automaton of the literal heads (``_literal_head``) of ``words``: every match of
    ``_any_word(words)`` starts with one (``_found``)."""
    return automaton(sorted({_literal_head(w) for w in words}))


_SENTENCE_ASK = _any_word(_SENTENCE_ASK_WORDS)
_SENTENCE_COMPANY = _any_word(_SENTENCE_COMPANY_WORDS)
_SENTENCE_HIRE = _any_word(_SENTENCE_HIRE_WORDS)
_ASK_HEADS = _heads(_SENTENCE_ASK_WORDS)
_COMPANY_HEADS = _heads(_SENTENCE_COMPANY_WORDS)
_HIRE_HEADS = _heads(_SENTENCE_HIRE_WORDS)
# Every ``_PITCH_START`` match holds one of these (lower-cased): only the sentences around
# them are tried.
_PITCH_WORDS = (
    "we're", "we’re", "we are", "we've", "we’ve", "we have built",
    *(f"we {verb}" for verb in _PITCH_WE_WORDS),
    *(f"our {noun}" for noun in ("platform", "product", "company", "technology", "software",
                                 "solution", "engine", "system", "model", "ai")),
    *(verb for verb in _PITCH_IS_WORDS if verb not in ("is an?", "is the")), "is a", "is the")
register(_PITCH_WORDS)
_PITCH_WORD_SET = frozenset(_PITCH_WORDS)

# A list of other companies' names in the company text: partners, customers, investors,
# the team's former employers ("H2O.ai partners with leading technology companies such as
# NVIDIA, IBM, AWS ...", "a team with experience at companies such as Google, Snowflake and
# Kaggle", "ex-Google Ads engineers", "backed by founders of OpenAI, dbt Labs"). The names
# after one of these (lower-case) phrases, to the end of its sentence, are no skills
# (``in_name_list``).
_NAME_LIST_WORDS = (
    *(f"{who} {how}" for who in ("partners", "customers", "clients", "investors", "investors,", "companies")
      for how in ("such as", "like", "including", "include")),
    "partnerships with", "partnership with", "trusted by", "founders of", "alumni", "ex-", "formerly at",
    "formerly of", "previously at", "worked at")
register(_NAME_LIST_WORDS)
_NAME_LIST_WORD_SET = frozenset(_NAME_LIST_WORDS)
_COMPANY_KINDS = ("other", "about", "benefits")


@dataclass(frozen=True)
class Section:
    """A run of the description: its kind and character span ``[start, end)``."""

    kind: str
    start: int
    end: int


def _heading_kind(line: str) -> tuple[str, int] | None:
    """Return (kind, length of the heading part) if ``line`` is a section heading.

    A label or a bare heading has 1-7 words; a nice-to-have label up to 10 ("Additional
    qualifications that will help in the role:").
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    head, colon, _rest = stripped.partition(":")
    if not colon and stripped.endswith((".", ",")):
        return None  # a sentence, not a bare heading (and no "Label:")
    n_words = len(head.split())
    if n_words > 10 or (colon and not n_words) or (n_words > 7 and not colon):
        return None
    m = _HEADING_FAST.match(head)
    if m is None:
        return None
    kind = _HEADING_KINDS[m.lastindex or 0]
    if n_words > 7 and kind != "nice":
        return None
    return kind, len(head) + len(colon)


# "not all of these are required": says that nothing of the list is (``_cue_heading``).
_NOT_ALL_REQUIRED = re.compile(r"\bnot (?:all|every)\b[^:;.]*?\b(?:required|needed|mandatory|necessary)\b")
# A lead-in line that ends with a colon and holds a nice-to-have cue introduces a
# nice-to-have list ("... would make use of the following skills (not all of these are
# required, but highly desirable):"); it is at most this long.
_LEAD_IN_MAX = 250


def _cue_heading(line: str) -> tuple[str, int] | None:
    """("nice", length of the heading part) when ``line`` is a label that holds a nice-to-have
    cue ("Knowledge Preferred:", "Highly Desired:", "These would be nice to have:"), a
    line in capitals that does ("THE FOLLOWING IS DESIRED, BUT NOT REQUIRED"), or a lead-in
    of at most ``_LEAD_IN_MAX`` characters that ends with a colon and does; else None.

    A label that also says "required" or "must" ("Required and preferred skills:") is none,
    unless it says that not all of them are required.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > _LEAD_IN_MAX:
        return None
    head, colon, _rest = stripped.partition(":")
    if len(stripped) > 90:
        if not (colon and not _rest):
            return None
    elif colon:
        if len(head.split()) > 7:
            return None
    elif not (stripped.isupper() and len(stripped.split()) > 1):
        return None
    low = head.lower()
    if "not " in low:
        low = _NOT_ALL_REQUIRED.sub(" ", low)
    cue = _NICE_CUE.search(low)
    if cue is None or (". " in head and len(stripped) <= 90) or _REQUIRED_WORD.search(low) is not None:
        return None
    if len(stripped) > 90 and cue.group().startswith(_FORWARD_ONLY):
        return None  # "ideally for people with ...:" qualifies what it says, not the list
    return "nice", len(head) + len(colon)


def _joined(kind: str, last: str, between: str) -> str:
    """The kind of a heading line of ``kind`` that follows a heading line of ``last`` with
    ``between`` between them: a requirements heading right under a nice-to-have one is its
    second line ("Preferred" / "Qualifications:", "Bonus" / "Skills")."""
    if kind == "requirements" and last == "nice" and not between.strip():
        return "nice"
    return kind


class SectionMap:
    """The sections of one text, with fast position lookup.

    Args:
        text: the description, plain text with newlines.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self._heading_lines: set[int] = set()
        low = lower(text)
        spans = spans_around(low, _NICE_CUE_WORDS, _CUE_RADIUS) if len(low) == len(text) else []
        self._cues = [(m.start(), m.end()) for a, b in spans for m in _NICE_CUE.finditer(low, a, b)]
        self._cue_starts = [a for a, _ in self._cues]
        # the cues that end a "Nice to have:" label, or open a line of at most 200 characters
        # ("Preferred Technical Knowledge -CRM experience, Python or R"; not a paragraph on
        # "Preferred Networks"): they reach past the sentence ends of their line
        self._label_cues = [a for a, b in self._cues if text[b:b + 3].lstrip("s ").startswith(":")
                            or self._opens_short_line(a)]
        self._split(low)
        self._starts = [s.start for s in self.sections]
        # (most texts have no nice-to-have section: then ``is_nice`` need not look one up)
        self._has_nice = any(s.kind == "nice" for s in self.sections)
        # (and few of those say "must" or "required" in one: then no line of it is marked)
        self._low = low if len(low) == len(text) else text.lower()
        self._pitch_spans: list[tuple[int, int]] | None = None  # (``in_pitch``, found on first use)
        self._name_spans: list[tuple[int, int]] | None = None  # (``in_name_list``, the same)
        self._degree_spans: list[tuple[int, int]] | None = None  # (``degree_spans``, the same)
        self._nice_marked = self._has_nice and len(self._low) == len(text) and any(
            self._low.find("must", s.start, s.end) >= 0 or self._low.find("required", s.start, s.end) >= 0
            for s in self.sections if s.kind == "nice")

    def _opens_short_line(self, a: int) -> bool:
        """True when the cue at ``a`` is the first word of a line of at most 200 characters."""
        text = self.text
        line_start = text.rfind("\n", 0, a) + 1
        if text[line_start:a].strip(_BULLETS):
            return False
        line_end = text.find("\n", a)
        return (len(text) if line_end < 0 else line_end) - line_start <= 200

    def _split(self, low: str) -> None:
        """Find the heading lines: only the line starts where ``_HEADING_FAST`` matches are
        tried (the first line's, and those ``_HEADING_AFTER_BREAK`` finds; every line start
        when the text does not ``lowers_exactly``)."""
        kind, start, text = "other", 0, self.text
        last, last_end = "", 0  # the kind and end of the last heading line
        size = len(text)
        if lowers_exactly(text):
            starts = [m.end() for m in _HEADING_AFTER_BREAK.finditer(low)]
        else:
            starts = [m.end() for m in _LINE_BREAK.finditer(text)]
        if _HEADING_FAST.match(text):
            starts.insert(0, 0)
        # the lines with a cue, which may be a label that heads a nice-to-have list
        # (``_cue_heading``: a line of at most 90 characters, stripped, with a colon or in capitals)
        cue_lines = set()
        for a in self._cue_starts:
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", a)
            line_end = size if line_end < 0 else line_end
            n = line_end - line_start  # (as the loop below: 92 only for the text's last line)
            if (n < 92 or (n == 92 and line_end == size)) and (text.find(":", a, line_end) >= 0 or text[
                    line_start:line_end].isupper()):
                cue_lines.add(line_start)
            elif line_end - line_start <= _LEAD_IN_MAX + 2 and text[
                    line_start:line_end].rstrip().endswith(":"):
                cue_lines.add(line_start)  # a lead-in (``_cue_heading``)
        if cue_lines and not cue_lines.issubset(starts):
            starts = sorted(cue_lines.union(starts))
        for pos in starts:
            end = text.find("\n", pos)
            n = (size if end < 0 else end) - pos
            # A heading line, its line break included, is at most 92 characters long (and an
            # empty line is none).
            if not (0 < n < 92 or (n == 92 and pos + n == size) or (pos in cue_lines and n > 0)):
                continue
            line = text[pos:pos + n]
            head = _heading_kind(line)
            if pos in cue_lines and (head is None or head[0] != "nice"):
                head = _cue_heading(line) or head
            if head is not None:
                self._heading_lines.add(pos)
                new = _joined(head[0], last, text[last_end:pos])
                last, last_end = new, pos + n
                if new != kind:
                    if pos > start:
                        self.sections.append(Section(kind, start, pos))
                    kind, start = new, pos
        self.sections.append(Section(kind, start, size))

    def kind_at(self, offset: int) -> str:
        """The section kind that contains character ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.sections[max(i, 0)].kind

    def is_nice(self, start: int, end: int | None = None) -> bool:
        """True when ``text[start:end]`` is in a nice-to-have section or its clause says so.

        A clause runs between sentence ends (``. ; ! ?`` before a space) and line
        breaks; a cue ("a plus", "preferred", "bonus"...) inside a parenthesis
        that does not contain the mention is ignored ("PhD (industry
        experience preferred)" keeps the PhD required).
        """
        if self._has_nice and self.kind_at(start) == "nice" and not (
                self._nice_marked and self._marked_required(start)):
            return True
        if not self._cues:
            return False
        end = start if end is None else end
        clause = self._clause(start, end)
        if clause is None:
            return False
        lo, hi = clause
        if lo in self._heading_lines:
            return False
        text = self.text
        if self._label_cues:
            # a "Nice to have:" label earlier on the line reaches past sentence ends
            line_start = text.rfind("\n", 0, start) + 1
            i = bisect.bisect_left(self._label_cues, line_start)
            if i < len(self._label_cues) and self._label_cues[i] < lo:
                return True
        k = bisect.bisect_left(self._cue_starts, lo)
        while k < len(self._cues) and self._cues[k][0] < hi:
            a, b = self._cues[k]
            k += 1
            if a >= end:
                if self._reaches_back(end, a, b):
                    return True
            elif text[b:start].count(")") <= text[b:start].count("(") or not text[
                    lo:text.rfind("(", lo, a) + 1].rstrip("( "):
                # (not a cue inside a parenthesis after an earlier item, closed before the
                # mention: "SAS (strongly preferred) and/or R"; "(Preferred) Experience
                # with Git" heads its line)
                return True
        return False

    def in_company_sentence(self, start: int, end: int, hire: bool = False) -> bool:
        """True when the sentence around ``text[start:end]`` speaks of the company
        ("we", "our", "is", "customers", "partners", "mission" ...: ``_SENTENCE_COMPANY``) and
        neither to the hire nor of what is asked ("you", "experience", "knowledge of",
        "background in", "a plus", "degree" ...: ``_SENTENCE_ASK``); a sentence runs between
        line breaks and sentence ends. (A list line, "automation & robotics (Linux & ROS)", is
        no company sentence.) With ``hire``, a sentence that speaks of the role or the
        hiring ("we're looking for a fullstack dev": ``_SENTENCE_HIRE``) is none either."""
        text, low = self.text, self._low
        lo, hi = _sentence_start(text, start), _sentence_end(text, end)
        # (the regexes' searches, by one automaton pass each: ``_found``)
        return (_found(_COMPANY_HEADS, _SENTENCE_COMPANY, low, lo, hi)
                and not _found(_ASK_HEADS, _SENTENCE_ASK, low, lo, hi)
                and not (hire and _found(_HIRE_HEADS, _SENTENCE_HIRE, low, lo, hi)))

    @property
    def degree_spans(self) -> list[tuple[int, int]]:
        """The lists of degree subjects (``degree_subject_spans``): no skills are asked there
        (found on first use)."""
        spans = self._degree_spans
        if spans is None:
            spans = self._degree_spans = degree_subject_spans(self.text, self._low)
        return spans

    def in_name_list(self, start: int) -> bool:
        """True when ``start`` is in a list of other companies' names in the company text
        (``_NAME_LIST_WORDS``: partners, customers, investors, former employers)."""
        spans = self.name_list_spans()
        return bool(spans) and any(lo <= start < hi for lo, hi in spans)

    def name_list_spans(self) -> list[tuple[int, int]]:
        """The ``[start, end)`` spans of ``in_name_list`` (found on first use)."""
        spans = self._name_spans
        if spans is None:
            spans = self._name_spans = self._name_lists()
        return spans

    def _name_lists(self) -> list[tuple[int, int]]:
        """The ``[start, end)`` spans of ``in_name_list``: from the end of a ``_NAME_LIST_WORDS``
        phrase that starts a word in the "other", "about" or "benefits" text to the end of its
        sentence."""
        text, low = self.text, self._low
        if len(low) != len(text):
            return []
        spans: list[tuple[int, int]] = []
        for h in _word_starts(low, _NAME_LIST_WORD_SET):  # (most texts hold none)
            if (h and low[h - 1].isalnum()) or (spans and h < spans[-1][1]) or self.kind_at(
                    h) not in _COMPANY_KINDS:
                continue
            # (the shortest of the words there: "customers include", not "... including")
            n = min(len(w) for w in _NAME_LIST_WORDS if low.startswith(w, h))
            spans.append((h + n, _sentence_end(text, h + n)))
        return spans

    def in_pitch(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is in a company-pitch sentence (``_PITCH_START``) of
        the "other" or "about" text."""
        spans = self._pitch_spans
        if spans is None:
            spans = self._pitch_spans = self._pitches()
        # (a loop, not ``any`` over a generator: called for most matches, on most texts
        # with no pitch or one)
        for lo, hi in spans:
            if lo <= start < hi:
                return True
        return False

    def _pitches(self) -> list[tuple[int, int]]:
        """The ``[start, end)`` spans of the pitch sentences: those around a ``_PITCH_WORDS``
        word in the "other" or "about" text that start (after a line break or sentence end at
        most ``_PITCH_REACH`` characters back) with ``_PITCH_START`` and say nothing of
        ``_PITCH_ASK``; a sentence ends at the next line break or sentence end."""
        text, low = self.text, self._low
        if len(low) != len(text):
            return []
        kinds = ("other", "about")
        if not any(s.kind in kinds for s in self.sections):
            return []  # (no company text: ``kind_at`` gives only the sections' kinds)
        starts = _word_starts(low, _PITCH_WORD_SET)
        if not starts:
            return []
        spans: list[tuple[int, int]] = []
        tried: set[int] = set()
        for h in starts:
            # (a word inside another, "analysis and", or one past the last pitch; or outside
            # the company text)
            if (h and low[h - 1].isalnum()) or (spans and h < spans[-1][1]) or self.kind_at(
                    h) not in kinds:
                continue
            # (the word is a sentence's subject or verb: near its start)
            a = h - _PITCH_LEAD if h > _PITCH_LEAD else 0
            lo = _sentence_start(text, h, a)
            if (lo == 0 and h > _PITCH_LEAD) or lo in tried:
                continue  # (no sentence start within reach, or tried)
            tried.add(lo)
            if self.kind_at(lo) not in kinds:
                continue
            m = _PITCH_START.match(text, lo)
            if m is None:
                continue
            # (a sentence is read for at most ``_PITCH_REACH`` characters past its start's match)
            stop = min(len(text), m.end() + _PITCH_REACH)
            ends = [i for i in (text.find(mark, m.end(), stop) for mark in _SENTENCE_MARKS) if i >= 0]
            hi = min(ends) if ends else stop
            if not _asks(low, lo, hi):
                spans.append((lo, hi))
        return spans

    def _marked_required(self, start: int) -> bool:
        """True when the line of ``start`` says "required" or "must" ("Keras, TensorFlow
        (Must)" in a nice-to-have list)."""
        text, low = self.text, self._low
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        return (low.find("must", line_start, line_end) >= 0 or low.find("required", line_start, line_end) >= 0
                ) and _REQUIRED_WORD.search(low[line_start:line_end]) is not None

    def _reaches_back(self, end: int, a: int, b: int) -> bool:
        """True when the cue ``text[a:b]`` qualifies a mention that ends at ``end <= a``."""
        text = self.text
        if text[a:b].lower().startswith(_FORWARD_ONLY):
            return False
        between = text[end:a]
        opened = between.count("(") - between.count(")")
        if opened > 0:
            # the cue is in a parenthesis after the mention: "PhD (industry experience
            # preferred)" keeps the PhD required, "MySQL (desirable)" does not, nor
            # "Python (preferred) or Java"
            return not between[between.rfind("(") + 1:].strip() and _OR_NEXT.match(
                text, text.find(")", b) if text.find(")", b) >= 0 else len(text)) is None
        if opened < 0 and "," in between[between.rfind(")"):]:
            return False  # "(e.g. SQL, Python), software development experience, a plus"
        return not ("re" in between and _REQUIRED_WORD.search(between.lower()))

    def _clause(self, start: int, end: int) -> tuple[int, int] | None:
        """``[lo, hi)``, the clause around ``text[start:end]``: ``lo`` the last end of a
        ``_CLAUSE_END`` match at or before ``start`` (else 0), ``hi`` the first at or after
        ``end`` (else the text's end); None when no cue starts on the lines the mention
        touches, which hold the clause (then no cue is in it, and ``is_nice`` is False).

        The clause ends are looked for on those lines only, and only when a cue is there
        (a few mentions per text): cheaper than finding every clause end of the text.
        """
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1  # (the last line-break bound <= start)
        nl = text.find("\n", end - 1 if end else 0)  # (its end is the first one >= end)
        lines_end = len(text) if nl < 0 else nl + 1
        k = bisect.bisect_left(self._cue_starts, line_start)
        if k == len(self._cue_starts) or self._cue_starts[k] >= lines_end:
            return None
        # The sentence ends on these lines (a match ends one past its mark; its look-ahead
        # reads the character after, inside ``endpos``).
        lo = line_start
        for m in _SENTENCE_END.finditer(text, line_start, start + 2):
            if m.end() <= start:
                lo = m.end()
        after = _SENTENCE_END.search(text, end - 1 if end else 0, lines_end)
        return lo, lines_end if after is None else after.end()

    def spans(self, kind: str) -> list[Section]:
        """All sections of one kind, in order."""
        return [s for s in self.sections if s.kind == kind]


def split_sections(text: str) -> list[Section]:
    """Split ``text`` into consecutive sections covering it whole."""
    return SectionMap(text).sections
