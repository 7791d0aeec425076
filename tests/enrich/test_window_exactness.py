"""The windowed fast forms of the facet steps answer what the plain regex over the whole text
answers.

Each fast form runs a regex only in windows around cheap substring hits (``pos``/``endpos``).
A window's start hides nothing, but its end cuts the text: a word, a number or a negative
look-ahead is cut there, and a match found in the window may be none (or a shorter one) in
the whole text. The texts below put the cues at every distance from the window edges (the
runs of filler of any length), and beside cut-prone continuations (a longer word, more
digits, a look-ahead's words).
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets, lowered


def _texts(pieces: list[str], max_size: int = 10, word: int = 70, spaces: int = 70) -> st.SearchStrategy[str]:
    """Texts of ``pieces``, each followed by a run of filler of any length (a word of up to
    ``word`` letters, up to ``spaces`` spaces or line breaks, digits, hyphens or nothing), so
    that the cues fall at every distance from each other and from the window edges."""
    filler = st.one_of(st.builds(lambda c, n: c * n, st.sampled_from(["x", "-"]), st.integers(0, word)),
                       st.builds(lambda c, n: c * n, st.sampled_from([" ", "\n"]), st.integers(0, spaces)),
                       st.builds(lambda n: "1" * n, st.integers(0, 3)))
    return st.lists(st.tuples(st.sampled_from(pieces), filler), max_size=max_size).map(
        lambda parts: "".join(a + b for a, b in parts))


def _span(m: re.Match[str] | None) -> tuple[int, int, tuple[str | None, ...]] | None:
    return None if m is None else (m.start(), m.end(), m.groups())


# --- the window search itself ---------------------------------------------------------------

_WINDOW_PATTERNS = [facets._LARGE, facets._HEADCOUNT, facets._CLIENT_EMPLOYS, facets._STARTUP_OWN,
                    facets._REMOTE_OK, facets._REMOTE_NO, *facets._SENIORITY_ASCII.values()]
_ANY_PIECES = ["a fortune 500", " companies", " company", "team of ", "1,000", "12", " people", "our client",
               "s", "we", " is", "early-stage", " startup", "remote", " not", "-first", "senior", " level",
               "looking for a ", "mid-level", " role", "the senior ", " will", ".", "|", "’s", "®", "$5m seed"]


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(range(len(_WINDOW_PATTERNS))), _texts(_ANY_PIECES), st.integers(0, 200),
       st.integers(0, 200))
def test_a_window_match_is_a_whole_text_match(k: int, text: str, lo: int, hi: int) -> None:
    pattern = _WINDOW_PATTERNS[k]
    low = text.lower()
    # the whole-text match at the first start in the window where the pattern matches both in
    # the window and in the whole text
    plain = next((pattern.match(low, i) for i in range(lo, min(hi, len(low)))
                  if pattern.match(low, i, hi) is not None and pattern.match(low, i) is not None), None)
    assert _span(facets._window_match(pattern, low, lo, hi)) == _span(plain)


# --- company stage ----------------------------------------------------------------------------

_LARGE_PIECES = ["fortune", "Fortune 500", " 1000", " 100", "nyse", "NYSE1", "nasdaq", "nasdaqs", "xnyse",
                 "publicly", "publicly traded", "-traded", "traded", "employees", "10,000+ employees",
                 "12", "345", ",", "+", " ", "\n", "-", "a ", "an ", "on the ", "top ", "®", " companies",
                 " clients", " organizations", " company", " best", " list", "ex-", "x", "a fortune 500 companies", "top fortune 100 clients", "fortune 500 best",
                 "a fortune 1000® organizations", "100,000+ employees"]


@settings(max_examples=2000, deadline=None)
@given(_texts(_LARGE_PIECES, 12))
@example("fortune " + " " * 12 + "a fortune 500 companies")  # (the look-ahead cut at the window's end)
def test_large_near_is_the_whole_text_search(text: str) -> None:
    low = text.lower()
    assert facets._large_near(low, lowered.scan(low)) == (facets._LARGE.search(low) is not None)


_HEADCOUNT_PIECES = ["we are a ", "we're a ", "our ", "small ", "team of ", "company of ", "startup of ",
                     "about ", "~", "~ ", "approximately ", "1,000", "1,5", "00", ",000", "12", "5", "fifty",
                     "four", "+", " people", " employees", " persons", " person", "-strong team", " total",
                     " strong", "a ", "as a ", "lead a team of ", ". ", "\n", "| ", " |", "company (currently ",
                     "with ", "x", " ", "our team of 1,000", "we are a team of 12,500", "~1,200 people total",
                     "a 1,500-strong team", "we're 300 employees", "our team of ~2,000 engineers",
                     "business", "company", " that builds tools for banks", " in berlin", " with approximately ",
                     "we're a small, fast, ", "highly ", "talented ", "-person", "-people", " engineering",
                     " team", " agency", " non-profit", "we employ ", "currently ", "now ", "our whole team to ",
                     "our company is ", ", ~", "- ~", "(~", ",", ")", "~250 people,", "led a 4-person team",
                     "our 90-person engineering team", "we're a 5-person dev agency", ": ~", "impact: ~100 people (~70"]


@settings(max_examples=2000, deadline=None)
@given(_texts(_HEADCOUNT_PIECES, 12, word=12))
@example("5 people. " + "x" * 41 + " our team of 1,000 builds")  # (the count cut at 60: 1)
@example("we are a business that builds tools for banks in berlin with approximately 1,000 people.")
def test_headcount_is_the_whole_text_search(text: str) -> None:
    # (words of at most 12 letters: ``_HEADCOUNT_RADIUS`` holds every match of such words)
    low = text.lower()
    assert _span(facets._headcount(low, lowered.scan(low))) == _span(facets._HEADCOUNT.search(low))


_CLIENT_PIECES = ["our client", "my client", "join our client", "with our client", "on behalf of a client",
                  " is", ",", " has", "'s", "’s", " base", "s", "we", " ", "client", "x"]


@settings(max_examples=1500, deadline=None)
@given(_texts(_CLIENT_PIECES))
def test_client_employs_is_the_whole_text_search(text: str) -> None:
    low = text.lower()
    at = lowered.scan(low).get("client", [])
    assert facets._client_employs(low, at) == (facets._CLIENT_EMPLOYS.search(low) is not None)


_OWN_PIECES = ["early-stage", "early stage", " startup", " company", "s", "x", " ", ",", "we're early",
               "we are in that ", "we are ", "an early ", "a early ", "hire", "engineer", "employee",
               "$5m seed", "$", "5", "m", " seed", "| seed", "seed stage", "at seed", "\n", "|",
               "we are small and early", "we're small but ", " days", " and"]


@settings(max_examples=2000, deadline=None)
@given(_texts(_OWN_PIECES, word=20))
@example("we are small and early5" + "x" * 45 + " startupx")  # (cut at the window's end)
def test_own_stage_windows_are_the_whole_text_search(text: str) -> None:
    low = text.lower()
    assert facets._own_stage(low, lowered.scan(low)) == (facets._STARTUP_OWN.search(low) is not None)


# --- seniority and remote ----------------------------------------------------------------------

_SENIORITY_PIECES = ["senior", " level", " skill", "this is a ", "looking for a ", "hiring an ", "the senior ",
                     "data", " will", "s", "or ", "and ", " position", " role", ".", "staff", "lead",
                     "principal", "entry-level", "entry level", " jobs", "level: entry", "new grads welcome",
                     "new grads ok", "new grad okay", "okay", "accepting ", "considering applications from ",
                     "interns and ", "interns & ", "new graduates", "recent grads", " are welcome", "not ",
                     "(fresher", "/interns)", "freshers", "(",
                     "our internship", "this mid-level", "mid level", " ", "x", "\n", "this mid\xa0level", "mid\u202flevel",
                     " position.", "İ", "é",
                     # (session 24: interns hired as the role)
                     "hiring ", "10-12 ", "summer ", "research ", "engineering ", "interns", "intern", " and",
                     "/", "internal"]


@settings(max_examples=2000, deadline=None)
@given(_texts(_SENIORITY_PIECES), st.integers(0, 400))
def test_seniority_searched_near_its_words_is_the_whole_search(text: str, stop: int) -> None:
    low = text.lower()
    found = lowered.scan(low)
    for level, words, _ in facets._SENIORITY_TEXT:
        pattern = facets._SENIORITY_ASCII[level]
        reach = facets._SENIORITY_REACHES.get(level, facets._OTHER_REACH)
        # (``_text_level`` adds the other-space "mid level" forms the text holds)
        words = words + facets._MID_SPACED if level == "mid" else words
        assert (facets._search_near(pattern, low, stop, words, found, reach)
                == (pattern.search(low, 0, stop) is not None)), level


_REMOTE_PIECES = ["remote", "remotely", "fully ", " available", "availability", "100% ", "-first", " first", " friendly", " role",
                  "work ", "working ", "open to ", "is ", "not ", "no ", "non-", " is not", " not possible",
                  " (", "location: ", "or ", " or hybrid", " in the us", "(", "work remotely:", " no",
                  "no telecommuting or ", ".", ")", "s", "x", " ", "\n"]


@settings(max_examples=2000, deadline=None)
@given(_texts(_REMOTE_PIECES))
def test_remote_found_near_is_the_whole_text_search(text: str) -> None:
    low = text.lower()
    for pattern in (facets._REMOTE_OK, facets._REMOTE_NO):
        assert (facets._found_near(pattern, low, "remote", facets._REMOTE_REACH)
                == (pattern.search(low) is not None))


@settings(max_examples=1500, deadline=None)
@given(_texts(_SENIORITY_PIECES, 12))
def test_text_level_is_the_whole_text_search(text: str) -> None:
    head = text[:3000]
    plain = next((level for level, _, pattern in facets._SENIORITY_TEXT if pattern.search(head)), "unknown")
    assert facets._text_level(text) == plain


# --- gate words: every match holds one -----------------------------------------------------------

_GATED = {
    "onsite": (facets._ONSITE, facets._ONSITE_WORDS),
    "remote_ok": (facets._REMOTE_OK, ("remote",)),
    "remote_no": (facets._REMOTE_NO, ("remote",)),
    "remote_other": (facets._REMOTE_OK_OTHER, facets._REMOTE_OTHER_WORDS),
    "wfh_part": (facets._WFH_PART, ("wfh", "from home", "from-home")),
    "part_remote": (facets._PART_REMOTE, ("remote",)),
    "zero_years": (facets._ZERO_YEARS_LOW, facets._ZERO_WORDS),
    "high_school": (facets._HIGH_SCHOOL, facets._HIGH_SCHOOL_WORDS),
    "own_stage": (facets._STARTUP_OWN, facets._OWN_WORDS),
    "startup": (facets._STARTUP, facets._STARTUP_WORDS),
    "large": (facets._LARGE, facets._LARGE_WORDS),
    "headcount": (facets._HEADCOUNT, facets._HEADCOUNT_WORDS),
    "client": (facets._CLIENT_EMPLOYS, ("client",)),
    "associate": (facets._ASSOCIATE, facets._ASSOCIATE_WORDS),
    **{f"seniority_{level}": (facets._SENIORITY_ASCII[level], words + facets._MID_SPACED)
       for level, words, _ in facets._SENIORITY_TEXT},
    **{f"seniority_gate_{level}": (facets._SENIORITY_ASCII[level], facets._SENIORITY_GATE + facets._MID_SPACED)
       for level, _, _ in facets._SENIORITY_TEXT},
    **{f"degree_{level}": (pattern, gates) for level, gates, pattern, _ in facets._DEGREE_RES},
    # the remote windows: every match of the patterns read in them holds a gate word (but the
    # onsite forms of work at an "hq" or "headquarters", read only near another gate word)
    **{f"remote_gate_{k}": (pattern, facets._REMOTE_GATE) for k, pattern in enumerate(
        (facets._REMOTE_OK, facets._REMOTE_NO, facets._REMOTE_OK_OTHER, facets._WFH_PART,
         facets._HYBRID, facets._HYBRID_DAYS, facets._PART_REMOTE, facets._ONSITE, facets._TELEWORK_PART))},
}


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(_GATED)), st.data())
def test_every_match_holds_a_gate_word(name: str, data: st.DataObject) -> None:
    pattern, words = _GATED[name]
    s = data.draw(st.from_regex(pattern))
    m = pattern.search(s)
    # (the patterns run on lower-cased text, and the onsite hq forms aside)
    if m is not None and m.group() == m.group().lower() and not (
            name.startswith("remote_gate") and re.search(r"\b(?:hq|headquarters)\b", m.group())):
        # (with the character before it, which a look-behind reads: " ged", "/ged")
        held = s[max(0, m.start() - 1):m.end()]
        assert any(w in held for w in words), (name, held)


def test_spaces_are_what_backslash_s_matches() -> None:
    spaces = {chr(c) for c in range(0x110000) if re.match(r"\s", chr(c))}
    assert spaces == {chr(c) for c in range(0x110000) if chr(c).isspace()} == set(facets._SPACES)


# --- years ----------------------------------------------------------------------------------------

_YEARS_PIECES = ["5+ years", "Three years", "3-5 yrs", " of experience", "EXPERIENCE", "in the last",
                 "within", "founded", "10 years ago", "New Grads", "new\ngrads", "new\xa0grad", "no experience required",
                 "2 to 4 Years'", "industry", "(5) years", "Full-Time", "twelve", "ſ", "İ", "é", "YoE",
                 "3+ YoE", "or more", "at least", "company (", "year", "-", "degree", "may be substituted",
                 "leading a team", "including", ", ", " ", "\n", "x",
                 # (session 25)
                 "in the next", "up to", "an average experience of", "experience, with", "or"]


def _years_plain(text: str) -> int | None:
    """``facets.years_min`` with one search of the whole text as written, case-insensitively."""
    found: list[int] = []
    tool: list[int] = []
    side: list[int] = []
    for m in facets._YEARS_RE.finditer(text):
        after, before = text[m.end():m.end() + 70], text[max(0, m.start() - 50):m.start()]
        if not (facets._EXPERIENCE_NEAR.search(after) or facets._EXPERIENCE_NEAR.search(before)
                or facets._stated_as_minimum(m, before)):
            continue
        if (facets._NOT_EXPERIENCE.search(after[:25]) or facets._RECENT.search(before)
                or facets._NO_FLOOR.search(before)
                or facets._COURSE_AFTER.match(after) or facets._substitute_after(after)):
            continue
        least = facets._num(m.group(1)) if m.group(1) else facets._num(m.group(2))
        if 0 <= least <= 25:
            # (years with one tool count only when no figure for the whole work is stated:
            # d542715's rule, which this mirror missed until hypothesis drew "Three years of
            # experience(5) years5+ years", 5 both before and after this session's changes)
            (side if facets._side_years(before, after)
             else tool if facets._TOOL_AFTER.match(after) else found).append(least)
    if facets._ZERO_YEARS.search(text):
        found.append(0)
    found = found or tool or side
    return min(found) if found else None


@settings(max_examples=2000, deadline=None)
@given(_texts(_YEARS_PIECES, 12, spaces=3))
@example("İ 5 years of experience")  # (the year words' offsets in the lower-cased text were one off)
@example("Three years of experience(5) years5+ years")  # (a tool's years beside the work's)
def test_years_is_the_whole_text_search(text: str) -> None:
    # (runs of at most 3 spaces: a match starts at most 45 characters before its year word)
    assert facets.years_min(text) == _years_plain(text)


# --- high-school degrees ------------------------------------------------------------------------

_HIGH_SCHOOL_PIECES = ["high school", "High\xa0School", "high\nschool", "high-school", " diploma", " degree",
                       " or GED", "/GED", "(GED)", " ged", "associate", "associate's degree", "AA degree", "x",
                       "Associatersquos degree", "associateâ€™s degree", "rsquo"]


@settings(max_examples=1000, deadline=None)
@given(_texts(_HIGH_SCHOOL_PIECES))
@example("High\xa0School diploma or equivalent")  # (no gate word held the no-break space)
def test_high_school_mentions_are_the_whole_text_matches(text: str) -> None:
    low = text.lower()
    got = [pos for level, pos, _ in facets._degree_mentions(text, facets.SectionMap(text)) if level == "none-stated"]
    plain = [m.start() for m in facets._ASSOCIATE.finditer(low)] if "associate" in low else []
    assert got == plain + [m.start() for m in facets._HIGH_SCHOOL.finditer(low)]


def test_remote_reads_the_header_under_a_title_that_lower_cases_longer() -> None:
    # ("İ" lowers to two characters: the first line's end was looked for from the title's
    # length as written, and found at the title's own end)
    for title in ("Data Scientist - Istanbul", "Data Scientist - İstanbul"):
        assert facets.remote(title, "REMOTE\nWe build things.") == "remote"
        assert facets.remote(title, "Acme | NYC | ONSITE\nWe build things; some remote work.") == "onsite"


# --- offsets of the lower-cased text ---------------------------------------------------------------

# (no cue inside a line, "MSc (preferred)", nor "required" in a nice-to-have part: ``SectionMap``
# reads neither in a text that lowers longer, by design)
_DEGREE_LINES = ["Requirements:", "Nice to have:", "Preferred qualifications:", "PhD in ML.", "Ph.D. in physics.",
                 "MS or PhD in statistics.", "Bachelor's degree in CS.", "BS/MS in CS.", "Master's degree.",
                 "High school diploma.", "Experience with Spark.", "x" * 30]


@settings(max_examples=500, deadline=None)
@given(st.integers(1, 40), st.lists(st.sampled_from(_DEGREE_LINES), max_size=8).map("\n".join))
@example(30, "Requirements:\nPhD in ML.\nNice to have:\nExperience with Spark and Kafka.")
def test_degree_mentions_are_read_in_the_text_after_a_character_that_lowers_longer(k: int, body: str) -> None:
    # ("İ" lowers to two characters: a mention's offset in the lower-cased text was read as
    # the text's, in the wrong section: a required PhD after 30 of them read as preferred)
    plain, dotted = "I" * k + "\n" + body, "İ" * k + "\n" + body
    assert (facets.degree_and_phd(dotted, facets.SectionMap(dotted))
            == facets.degree_and_phd(plain, facets.SectionMap(plain)))
