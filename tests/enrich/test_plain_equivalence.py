"""The fast forms of the facet steps answer exactly what their plain forms answer.

The plain forms here are the straightforward whole-text scans the fast ones
replace (as they were before the shared trigger scan and the skip-ahead
searches); random texts are built from the pieces the patterns care about.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets, lowered, pipeline, roles, salary, sections
from mljobs.models import Salary
from mljobs.places import is_place, is_written_place

_SALARY_PIECES = ["$", "€", "US$", "C$", "120", "1", "60.000", "1,5", "200", "k", "K", "m", ",000", "-",
                  "–", " to ", "up to ", "USD", "eur", "gbp", "(", ")", ":", "x", "v", " ", "\n", "’",
                  "'", "per hour", "/yr", " a year", "(Glassdoor est.)", "hourly", "•", "ſ", "\u212a",
                  "neural", "2024", ".", "\u2028", "\xa0", "9" * 400,
                  # company money and lakhs, which the scan skips or reads
                  "L", "lakh", "LPA", " INR", "raised ", " Series A", "M", " million", "ARR", "k/year",
                  # a code before the amount, "€" after it, "between ... and", "p/d", a list line
                  "CHF", "chf ", "PLN", "€", " €", "between ", " and ", " p/d", "NZ$", "\nB. ",
                  # India's grouping and lakhs without a symbol; German and French periods
                  "12,00,000", ",00", " lakhs", "lpa", "salary ", " users", " brutto", " monatlich",
                  " par mois", "/Monat", " pro Jahr", " / an", " brut annuel", " p.a."]


def _plain_parse_salary(text: str) -> Salary | None:
    if (not any(sym in text for sym in salary._MONEY_SYMBOLS)
            and salary._code_anchor(text, 0, len(text)) < 0):
        return None
    for m in salary._RANGE_RE.finditer(text):  # every match from the start, each read alone
        if (found := salary._read(text, m)) is not None:
            return found
    return None


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SALARY_PIECES), max_size=30).map("".join))
def test_salary_skip_ahead_finds_the_first_plausible_figure(text: str) -> None:
    assert salary.parse_salary(text) == _plain_parse_salary(text)


# ``salary._RANGE_RE`` without the look-ahead of the characters its matches start with
# (``_RANGE_START``): the two must find the same matches, groups and all.
_PLAIN_RANGE = re.compile(salary._RANGE_RE.pattern.removeprefix(salary._RANGE_START), salary._RANGE_RE.flags)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SALARY_PIECES + ["Up To ", "TO ", "Between ", "us$", "c$", "ca$", "a$",
                                                  "au$", "nz$", "hk$", "r$", "Hk$", "ᴿ$", "ı", "İ", "\t",
                                                  "\u3000", "٣", "USD8", "eur 5", "up", "Up\tto", "to",
                                                  "betwee", "us", "uſ$", "hK$", "\u212a", "ca", "au", "nz",
                                                  "h", "r", "C", "CHF", "Usd 5", " 5", "\xa0", "a"]),
                max_size=20).map("".join), st.integers(0, 5))
def test_range_start_look_ahead_finds_what_the_range_finds(text: str, pos: int) -> None:
    assert salary._RANGE_RE.pattern.startswith(salary._RANGE_START)
    assert ([(m.span(), m.groupdict()) for m in salary._RANGE_RE.finditer(text, pos)]
            == [(m.span(), m.groupdict()) for m in _PLAIN_RANGE.finditer(text, pos)])


# ``facets._YEARS_RE`` (and its case-sensitive twin) without the look-ahead of the
# characters its matches start with (``_YEARS_START``).
_YEARS_PIECES = ["5", "10", "1", "+", " ", "-", "–", "to", " or ", "plus", "years", "Years", "yrs", "yoe",
                 "year", "’", "'", "(2)", "full-time ", "relevant ", "One", "two", "THREE", "four", "five",
                 "six", "Seven", "eight", "nine", "ten", "twelve", "fifteen", "ſix", "ſeven", "$", ".", "x",
                 "\n", "experience", "é", "İ"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_YEARS_PIECES), max_size=16).map("".join), st.integers(0, 4))
def test_years_start_look_ahead_finds_what_the_years_find(text: str, pos: int) -> None:
    assert set(facets._YEARS_START[len("(?=[\\d"):-len("])")]) == {w[0] for w in facets._NUM_WORDS}
    for pattern, subject in ((facets._YEARS_RE, text), (facets._YEARS_LOW, text.lower())):
        plain = re.compile(pattern.pattern.removeprefix(facets._YEARS_START), pattern.flags)
        assert pattern.pattern.startswith(facets._YEARS_START)
        assert ([(m.span(), m.groups()) for m in pattern.finditer(subject, pos)]
                == [(m.span(), m.groups()) for m in plain.finditer(subject, pos)])


def _plain_sections(text: str) -> tuple[list[tuple[str, int, int]], set[int]]:
    kind, start, pos = "other", 0, 0
    last, last_end = "", 0
    out, heading_lines = [], set()
    low = text.lower()
    # the lines a cue starts on (every match over the whole text; none when lowering changes
    # the length), which may be a label heading a nice-to-have list
    cue_lines = ({text.rfind("\n", 0, m.start()) + 1 for m in sections._NICE_CUE.finditer(low)}
                 if len(low) == len(text) else set())
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        head = sections._heading_kind(text[pos:end]) if end - pos <= 92 else None
        line = text[pos:end].rstrip("\n")
        # (a lead-in: a longer line that ends with a colon)
        lead_in = len(line) <= sections._LEAD_IN_MAX + 2 and line.rstrip().endswith(":")
        if pos in cue_lines and (end - pos <= 92 or lead_in) and (head is None or head[0] != "nice"):
            head = sections._cue_heading(text[pos:end]) or head
        if head is not None:
            heading_lines.add(pos)
            new = head[0]
            if new == "requirements" and last == "nice" and not text[last_end:pos].strip():
                new = "nice"  # a heading on two lines: "Preferred" / "Qualifications:"
            last, last_end = new, end
            if new != kind:
                if pos > start:
                    out.append((kind, start, pos))
                kind, start = new, pos
        pos = end
    out.append((kind, start, len(text)))
    return out, heading_lines


# (with the letters whose case mapping changes length or leaves ASCII: "ſ", "K", "İ", "ı")
_SECTION_PIECES = ["Requirements:", "Requirements", "Nice to have", "Benefits", "About us", "About Acme",
                   "about us", "You will:", "You will", "Skills", "ſkills", "\u212anowledge",
                   "İn this role", "ıdeal", "What’s", "perks", "Preferred", "preferred", "mission",
                   "a plus", " ", "\n", "\n\n", "\r\n", "\t", ":", "**", "- ", "• ", "#", "1.", ".", ",",
                   "Python", "x" * 30, "x" * 40, "\u2028", "é", "_", "9", "Experience with", " in ",
                   "Education", "It’d be even better", "Qualifications:", "Bonus", "DESIRED", "Knowledge Preferred:",
                   "is a plus:", "required", "e.g. ", "etc. ", "etc.", "X"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PIECES), max_size=40).map("".join))
def test_sections_split_by_lines_like_the_plain_loop(text: str) -> None:
    """Only the line starts the heading filter lets through are tried as headings, and the
    split equals trying every line; the clause bounds are every clause end."""
    smap = sections.SectionMap(text)
    assert ([(s.kind, s.start, s.end) for s in smap.sections], smap._heading_lines) == (
        _plain_sections(text))
    _assert_clauses(smap)


def _assert_clauses(smap: sections.SectionMap) -> None:
    """``SectionMap._clause`` gives the clause that every ``_CLAUSE_END`` bound of the text
    gives, or None only when no cue starts in it (mentions of up to 3 characters)."""
    if not smap._cues:
        return
    text = smap.text
    bounds = [m.end() for m in sections._CLAUSE_END.finditer(text)]
    for start in range(len(text) + 1):
        for end in range(start, min(start + 4, len(text) + 1)):
            lo = max([b for b in bounds if b <= start], default=0)
            hi = min([b for b in bounds if b >= end], default=len(text))
            got = smap._clause(start, end)
            if got is None:
                assert not any(lo <= a < hi for a, _ in smap._cues)
            else:
                assert got == (lo, hi)


_ROLE_PIECES = ["Senior ", "ML Engineer", "engineers", "SRE", "sres", "presre", "lead", "Leads", "mle",
                "aMLE", "swe", "answer", "Founding Designer", "chief of staff", "Staff", "head of",
                "account executives", "- ", "* ", "1. ", "## ", " ", "\n", "\n\n", " | Remote", "x" * 60,
                "Intern", "international", "é", "’", "directors", "devops", "partner", "associate",
                ": https://x.io/", " - ", " (", " [", ":*", "* — ", "HTTPS://", ":\t", "x" * 30]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_PIECES), max_size=20).map("".join))
def test_grouped_role_nouns_match_like_the_plain_role_line(text: str) -> None:
    plain = [(m.span(), m.span("title")) for m in roles._ROLE_LINE.finditer(text)]
    assert roles._role_matches(text) == [(a, b, text[t0:t1]) for (a, b), (t0, t1) in plain]
    if lowered.lowers_exactly(text):
        assert [(m.span(), m.span("title"))
                for m in _ROLE_LINE_LOW.finditer(text.lower())] == plain


# ``_ROLE_LINE`` with the lower-case role noun (``roles._ROLE_NOUN_LOW``) and no IGNORECASE: on
# text that lowers exactly it matches as the plain line does, the premise of the lower-case
# noun search in ``roles._role_line_at``.
_ROLE_LINE_LOW = re.compile(
    rf"^\s*(?:[-*•·>]|\d+[.)]|#+)?\s*(?P<title>[^\n]{{0,80}}?{roles._ROLE_NOUN_LOW}"
    rf"(?:[^\n]{{0,70}}|[^\n]{{0,60}}?{roles._TITLE_SEP}[^\n]*))$",
    re.MULTILINE,
)


_ROLE_LINE_PIECES = [*_ROLE_PIECES, "x" * 20, "x" * 9, "\t", "• ", "10) ", "2024 ", "#", "ſ", "\u212a",
                     "İ", "Chief Of Staff", "chief of ", "stafff", "engineering", "Product Owners",
                     "founding ", "\r", "- \n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_LINE_PIECES), max_size=25).map("".join))
def test_role_line_reader_answers_as_the_role_line_regex(text: str) -> None:
    """``_role_line_at`` at every line start: the regex's match end and title start."""
    low = text.lower()
    exact = lowered.lowers_exactly(text)
    nouns = roles._noun_spans(low) if exact else None
    for pos in [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]:
        m = roles._ROLE_LINE.match(text, pos)
        want = None if m is None else (m.start("title"), m.end())
        assert roles._role_line_at(text, pos) == want
        if exact:
            assert roles._role_line_at(low, pos, nouns) == want


_DEGREE_PIECES = ["Masters", "master's", " of business", " of ceremonies", " data", "PhD", "Ph.D.", "ph. d",
                  "doctorate", "doctor of", "MBA", "M.S.", "m.sc", "MSc", "meng", "graduate degree",
                  "advanced degree", "post-graduate", "postgraduate", "bachelor's", "B.S.", "bsc", "b.a.",
                  "undergraduate degree", "college degree", "four-year degree", "4 year degree",
                  "university degree", "degree in", "degree required", "relevant degree", "a degree",
                  "bs/ms", "science ", "graph", " ", "\n", "-", ",", "x" * 25, "or ", "/",
                  # (a possessive's apostrophe as sources mangle it: "Masterrsquos", "Bachelorâ€™s")
                  "Masterrsquos", "Bachelorrsquo;s", "bachelorâ€™s", "masterâs", "rsquo", "â", "s"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_DEGREE_PIECES), max_size=25).map("".join))
def test_degree_gated_search_finds_every_match(text: str) -> None:
    low = text.lower()
    for _level, gates, pattern, _abbrev in facets._DEGREE_RES:
        plain = [m.start() for m in pattern.finditer(low)
                 if not (m.group().startswith(("degree", "a degree"))
                         and facets._LEVEL_BEFORE.search(low, max(0, m.start() - 30), m.start()))]
        assert facets._gated_starts(pattern, low, gates) == plain
        if _level in facets._ANCHORED:
            assert facets._anchored_starts(pattern, low, gates) == plain


def _plain_title_level(title: str) -> str:
    clean = facets._NOT_LEVEL.sub(" ", title)
    if facets._MANAGER.search(clean):
        return "manager"
    shouting = clean.isupper()
    for m in facets._LEVEL_WORDS.finditer(clean):
        group = m.lastgroup or ""
        if shouting and group in ("one", "mid", "mid2", "senior3"):
            continue
        return facets._LEVEL_NAMES[group]
    return "unknown"


_TITLE_PIECES = ["Product Manager", "manager", "Head of", "VP", "vp", "CTO", "Chief Data Officer",
                 "chief scientist", "Engineering Lead", "Member of the Technical Staff", "Chief of Staff",
                 "Staffing", "Senior", "Data Scientist", "II", " ", "-", "/", "é", "\u212a", "Director",
                 "Head Data Scientist", "Lab Head", "head", "Head Research", "Architect", "team head"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=8).map("".join))
def test_seniority_title_gates_keep_the_answer(title: str) -> None:
    assert facets.seniority(title, "") == _plain_title_level(title)


def _plain_specialisations(title_counts: dict[str, int], text_counts: dict[str, int]) -> list[str]:
    out: list[tuple[int, str]] = []
    for name, terms in facets.SPECIALISATION_TERMS.items():
        in_title = sum(title_counts.get("t:" + t, 0) for t in terms)
        need = facets.MIN_MENTIONS.get(name, 3)
        count = sum(text_counts.get("d:" + t, 0) * (need if t in facets.STRONG_TERMS.get(name, ()) else 1)
                    for t in terms)
        if in_title or count >= need:
            out.append((-(count + 10 * in_title), name))
    return [name for _, name in sorted(out)[:3]]


_SPEC_TERMS = sorted({t for terms in facets.SPECIALISATION_TERMS.values() for t in terms}) + ["python"]


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(_SPEC_TERMS), st.integers(1, 4), max_size=6),
       st.dictionaries(st.sampled_from(_SPEC_TERMS), st.integers(1, 5), max_size=20))
def test_specialisations_match_the_plain_sums(title: dict[str, int], text: dict[str, int]) -> None:
    tc = {"t:" + k: v for k, v in title.items()}
    dc = {"d:" + k: v for k, v in text.items()}
    assert facets.specialisations(tc, dc, ml_role=True) == _plain_specialisations(tc, dc)


_PLAIN_COUNT_BEFORE = re.compile(r"(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
                                 r"twenty|thirty|forty|fifty))\+?\Z")


def _plain_headcount(low: str) -> re.Match[str] | None:
    """``facets._headcount`` with str.find for the words and regexes for the count tests."""
    spans = []
    for w in facets._HEADCOUNT_WORDS:
        i = low.find(w)
        while i >= 0:
            if w.endswith(" of"):
                ok = facets._COUNT_AFTER.match(low, i + len(w)) is not None
            elif w == "headcount":
                ok = True
            elif w == "-strong":
                ok = _PLAIN_COUNT_BEFORE.search(low, max(0, i - 8), i) is not None
            else:
                # (after a space or a hyphen: "N people", "an N-person team", as ``_counted``)
                ok = (low[i - 1:i] in (" ", "-")
                      and _PLAIN_COUNT_BEFORE.search(low, max(0, i - 9), i - 1) is not None)
            if ok:
                spans.append((i, i + len(w)))
            i = low.find(w, i + 1)
    r = facets._HEADCOUNT_RADIUS
    for a, b in sorted(spans):
        # (the first start in the window where the pattern matches, in it and in the whole text)
        for i in range(max(0, a - r), min(b + r, len(low))):
            if facets._HEADCOUNT.match(low, i, b + r) is not None and facets._HEADCOUNT.match(low, i) is not None:
                return facets._HEADCOUNT.match(low, i)
    return None


def _plain_stage(text: str, size: str | None = None) -> str:
    m = _plain_headcount(text.lower())
    # (a place's office counted: the next match in the whole text; the pieces are ASCII)
    # (or its team, "our London team of 5": a capitalised run the gazetteer reads as a place)
    # (a header's segment, "| ~20 people", is no office's; a match inside a refused one counts
    # the same people: the search goes on after it)
    while m is not None and (
            (not text.startswith("|", m.start())
             and facets._LOCAL_BEFORE.search(text, max(0, m.start() - 40), m.start()))
            or any(is_place(p.group(1).replace(",", "").lower().split()) or is_written_place(p.group(1))
                   or facets._placed_town(text, p.group(1))
                   for p in facets._PLACE_TEAM.finditer(text, m.start(), m.end()))):
        m = facets._HEADCOUNT.search(text.lower(), max(m.end(), m.start() + 1))
    if m is not None:
        return facets._stage_from_count(next(g for g in m.groups() if g))
    if facets._COFOUNDER_FIELD.search(text.lower().split("\n", 1)[0][:300]):
        return "startup"
    low = facets._windows(text.lower(), facets._STAGE_GATE, 40)
    if low and (facets._STARTUP.search(low) or facets._STARTUP_OWN.search(text.lower())):
        return "startup"
    if low and facets._LARGE.search(low):
        return "large"
    if size and facets._CLIENT_EMPLOYS.search(text.lower()):
        return "unknown"
    return facets._stage_from_size(size)


_STAGE_PIECES = ["pre-seed", "seed-stage", "Series B", "YC W21", "(YC", "Y Combinator", "yc-backed",
                 "we are a ", "fast-growing ", "startup", "start-up", "early-stage team", "our startup",
                 "founding engineer", "5-person team", "team of 12", "venture-backed", "stealth",
                 "Fortune 500", "10,000+ employees", "publicly traded", "NYSE", "nasdaq", " ", "\n",
                 "people", "x" * 30,
                 # (session 9)
                 "(YC)", "YC P26", "YC company", "Series A startups", "spirit of a startup",
                 "a startup mentality", "We're a team of ~40", "We are a small company of ~50 people",
                 "Our team of four", "lead a team of 6", "as a team of five", "a team of 63 friendly people",
                 "~100 people total", "a 1,500-strong team", "We are 200 employees", "Team of 5.",
                 ". Small team of 5", "over ", "about ", "1,500", "three", "fifty", "employees",
                 "persons", "company of", "startup of", "-strong", "Our client is a leading fund",
                 # (session 11)
                 "an early-stage AI company", "we are early, ", "as an early hire", "$5M seed",
                 "| Seed", "at seed startup", "a Fortune 500 company", "Fortune 500 companies",
                 "on the Fortune 500", "(currently 6 people)", "with ~90 people", "| ~20 people |",
                 "Co-founder", "| Technical Co-Founder |",
                 "join our client", "our client's business", "our client base", "client", ",",
                 # (session 20: a place's office before a headcount)
                 "In London ", "in our Berlin office, ", "In total ", "In New York, ",
                 # (session 21: a place's team, an approximate headcount, a headcount field;
                 # the hire's past, an index, clients, a project)
                 "our London team of 5", "our Platform team of 5", "our 6-person Berlin team",
                 "with a team of ~20, ", "work with a team of 5.", "20-30 people", "team of 5-10 ",
                 "Headcount: ~35", "headcount growth (currently at ~500)", "50%",
                 "experience as a founding engineer", "Founding Full Stack Developer",
                 "early-stage startups", "Nasdaq-100", "publicly traded banks",
                 "our stealth hardware project"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_STAGE_PIECES), max_size=15).map("".join))
# (found by a run: a 60-letter "word" let an early-stage match run past its window)
@example("early-stage team" + "x" * 60 + "Our team of four")
# (found by a run: an "N-person" count the mirror read only as "N persons")
@example("our 6-person Berlin teamover company of")
# (found by a run: a header's "| ~20 people" after "In London": the company's count)
@example("In London | ~20 people |")
@example("In London we are a team of 30 people | our US team of 40 people")
def test_stage_gates_keep_the_answer(text: str) -> None:
    assert facets.company_stage(text, None) == _plain_stage(text)
    assert facets.company_stage(text, "201 to 500 employees") == _plain_stage(text, "201 to 500 employees")


_ASSOCIATE_PIECES = ["associate", "Associate's degree", "associate’s degree", "associate of",
                     "AA degree", "as degree", "has degree", "associated", " ", "\n", "x" * 25,
                     "Associatersquos degree", "associateâ€™s degree", "associates’ degree", "rsquo", "s", " degree"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ASSOCIATE_PIECES), max_size=12).map("".join))
def test_associate_search_near_its_words(text: str) -> None:
    low = text.lower()
    plain = "associate" in low and facets._ASSOCIATE.search(low) is not None
    assert ("none-stated" in {lvl for lvl, _, _ in facets._degree_mentions(text, sections.SectionMap(text))}
            ) == plain


_POSTING_SALARY_PIECES = [*_SALARY_PIECES, "x" * 700, "USD", "Usd", "usd", "DKK", "sek", "NOK", "5 ", "5",
                          "é", "neural", "€", "£", "₹"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SALARY_PIECES + ["Engineer", "5", "\u212a"]), max_size=5).map("".join),
       st.lists(st.sampled_from(_POSTING_SALARY_PIECES), max_size=40).map("".join))
def test_posting_salary_reads_what_parse_salary_reads(title: str, text: str) -> None:
    assert salary.parse_posting_salary(title, text) == _plain_parse_salary(title + "\n" + text[:3000])


def _plain_heading_kind(line: str) -> tuple[str, int] | None:
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return None
    head, colon, _rest = stripped.partition(":")
    words = head.split()
    is_label = bool(colon) and 0 < len(words) <= 10  # (more than 7 words: a nice-to-have label)
    is_bare = not colon and len(words) <= 7 and not stripped.endswith((".", ","))
    if not (is_label or is_bare):
        return None
    m = sections._HEADING_RE.search(head)
    if m is None or m.lastgroup is None or (len(words) > 7 and m.lastgroup != "nice"):
        return None
    return m.lastgroup, len(head) + len(colon)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PIECES + ["a b c d e f g h", ",", "Skills", " :", "ſkills",
                                                   "\u212anowledge", "About Acme", "İn this role",
                                                   "ıdeal", "What’s", "- ", "bonus points"]),
                max_size=12).map("".join))
def test_heading_kind_matches_the_plain_checks(line: str) -> None:
    """(the plain form searches with ``_HEADING_RE``, the kinds' alternatives in order)"""
    assert sections._heading_kind(line) == _plain_heading_kind(line)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PIECES + ["\n- ", "\n\n**", "-"] + [
    "\n" + p for p in ("Nice to have", "Benefits", "Responsibilities", "The role", "What you'll do",
                       "Summary", "Requirements", "About us", "Preferred", "Education")]),
                max_size=20).map("".join))
def test_heading_starts_are_found_without_the_kinds_groups(text: str) -> None:
    """``_HEADING_AFTER_BREAK``'s alternation captures nothing: it finds the line breaks that
    ``_HEADING_BODY``, with a group for each alternative, finds."""
    with_groups = re.compile(r"\n(?=" + sections._HEADING_BODY + ")")
    for subject in (text, text.lower()):
        assert ([m.span() for m in sections._HEADING_AFTER_BREAK.finditer(subject)]
                == [m.span() for m in with_groups.finditer(subject)])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SECTION_PIECES + ["a plus", "ok. ", "!\n", "?", ";\t", ".\u2028"]),
                max_size=40).map("".join))
def test_clause_bounds_are_the_clause_end_matches(text: str) -> None:
    _assert_clauses(sections.SectionMap(text))


# ``facets._STARTUP``'s "our/a/the ... startup" form with its look-behinds before the words
# (as written first): the form with each word first must find the same matches.
_STARTUP_WORDS_FIRST = (r"(?:our(?<!spirit of our)(?<!like our)|a(?<!spirit of a)(?<!like a)(?<!pace of a)"
                        r"(?<!energy of a)(?<!feel of a)(?<!agility of a)(?<!culture of a)|"
                        r"the(?<!spirit of the)(?<!like the)) ")
# The "yc" forms as one branch, and as they were first written.
_STARTUP_YC = r"yc(?: [a-z]?\d{2}\b|(?<=\(yc)\b|(?<=by yc)\b|[\s-]backed| (?:company|startup)\b)|y combinator|"
_PLAIN_STARTUP = re.compile(facets._STARTUP.pattern.replace(
    _STARTUP_WORDS_FIRST, r"(?<!spirit of )(?<!like )(?:our|(?<!pace of )(?<!energy of )(?<!feel of )"
    r"(?<!agility of )(?<!culture of )a|the) ").replace(
    _STARTUP_YC, r"yc [a-z]?\d{2}\b|yc(?<=\(yc)\b|(?<=by )yc\b|y combinator|\byc[\s-]backed|yc (?:company|startup)\b|"))
_STARTUP_PIECES = ["our", "a", "the", " ", "startup", "start-up", "spirit of ", "like ", "unlike ",
                   "fast ", "x", "\n", " mentality", "ourselves", "is ", "Our", "THE", "(YC)", "yc",
                   "YC", "(", "w", "21", "2", "-backed", " company", "y combinator", "ycombinator",
                   "pace of ", "energy of ", "by ", "backed by ", " within"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_STARTUP_PIECES), max_size=12).map("".join))
def test_startup_words_before_their_look_behinds(text: str) -> None:
    assert _STARTUP_WORDS_FIRST in facets._STARTUP.pattern and _STARTUP_YC in facets._STARTUP.pattern
    low = text.lower()
    got, plain = facets._STARTUP.search(low), _PLAIN_STARTUP.search(low)
    assert (got and got.span()) == (plain and plain.span())


_LINK_PIECES = ["https://", "http://", "www.", "WWW.", ".ai", ".AI", ".aı", "quiver", "/careers",
                "ML", " ", "-", "(", ")", ":", "/", "AI", "x", "İ"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=10).map("".join))
def test_links_gated(line: str) -> None:
    assert roles._unlinked(line) == roles._LINK.sub("", line)


def _plain_starts(low: str, words: tuple[str, ...]) -> list[int]:
    """Every start (overlapping ones too) of every one of ``words`` in ``low``, sorted."""
    out = set()
    for w in words:
        i = low.find(w)
        while i >= 0:
            out.add(i)
            i = low.find(w, i + 1)
    return sorted(out)


def _plain_pitches(smap: sections.SectionMap) -> list[tuple[int, int]]:
    """``SectionMap._pitches`` from every pitch word's start found by ``str.find``, each
    tried whatever the sections (no gate on the text's sections or trigger words)."""
    text = smap.text
    low = text.lower()
    if len(low) != len(text):
        return []
    spans: list[tuple[int, int]] = []
    tried: set[int] = set()
    kinds = ("other", "about")
    for h in _plain_starts(low, sections._PITCH_WORDS):
        if (h and low[h - 1].isalnum()) or (spans and h < spans[-1][1]) or smap.kind_at(h) not in kinds:
            continue
        a = max(0, h - sections._PITCH_LEAD)
        lo = max(text.rfind(mark, a, h) for mark in ("\n", ". ", "! ", "? ")) + 1
        if (lo == 0 and h > sections._PITCH_LEAD) or lo in tried:
            continue
        tried.add(lo)
        if smap.kind_at(lo) not in kinds:
            continue
        m = sections._PITCH_START.match(text, lo)
        if m is None:
            continue
        stop = min(len(text), m.end() + sections._PITCH_REACH)
        ends = [i for i in (text.find(mark, m.end(), stop) for mark in sections._SENTENCE_MARKS) if i >= 0]
        hi = min(ends) if ends else stop
        if sections._PITCH_ASK.search(low, lo, hi) is None:
            spans.append((lo, hi))
    return spans


_PITCH_PIECES = ["Acme", "Acme Labs", " is a ", " is the ", "This is a", "We're building", "We are an",
                 "we build", "Our platform delivers", " platform", "Requirements:", "About us:", "About Acme",
                 "Benefits", "Nice to have", "\n", ". ", "! ", " ", "you", " use ", "team", "Python", "AI",
                 "analysis and", "x" * 60, "x" * 120, "ſ", "İ", "degree in", "builds", "'", "’"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PITCH_PIECES), max_size=30).map("".join))
def test_pitch_gates_keep_the_spans(text: str) -> None:
    """The pitch finder's gates (no company section; the text's trigger words looked up in a
    set) give the spans of trying every pitch word's start."""
    smap = sections.SectionMap(text)
    assert smap._pitches() == _plain_pitches(smap)


def _plain_degree_spans(text: str) -> list[tuple[int, int]]:
    """``degree_subject_spans`` from every degree word's start found by ``str.find``."""
    low = text.lower()
    if len(low) != len(text):
        return []
    spans: list[tuple[int, int]] = []
    for i in _plain_starts(low, sections._DEGREE_WORDS):
        if (i and text[i - 1].isalnum()) or (spans and i < spans[-1][1]):
            continue
        m = sections._DEGREE_AT.match(text, i)
        if m is None or sections._DEGREE_LIST_END.search(low, i, m.end()) is not None \
                or sections._DEGREE_ABBREV_END.search(text, i, m.end()) is not None:
            continue
        stop = sections._DEGREE_LIST_END.search(low, m.end(), m.end() + sections._DEGREE_LIST_MAX)
        end = stop.start() if stop is not None else min(len(text), m.end() + sections._DEGREE_LIST_MAX)
        sentence = sections._DEGREE_ABBREV_END.search(text, m.end(), end)
        spans.append((m.end(), sentence.start() if sentence is not None else end))
    return spans


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_DEGREE_PIECES + ["degree in ", "BS in ", "MS/PhD in ", "statistics",
                                                  " with ", "experience", ". ", "e.g. ", ";",
                                                  "Ph.D. ", "M.S. ", " Python", " In "]),
                max_size=25).map("".join))
def test_degree_subject_spans_from_every_degree_word(text: str) -> None:
    assert sections.degree_subject_spans(text, lowered.lower(text)) == _plain_degree_spans(text)


_ASK_PIECES = ["you", "your", "use", "because", "users", "team", "teams", "lab", "labs", "label", "role",
               "roles", "engineer", "engineers", "engineering", "skill", "skillset", "built on", "built ",
               "building with", "work on", "tools", "toolkit", "hire", "hiring", "plus", "research", " ",
               "\n", ".", "-", "_", "é", "x", "s", "1", "’"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ASK_PIECES), max_size=20).map("".join), st.integers(0, 60), st.integers(0, 60))
def test_pitch_ask_tried_at_its_heads_only(text: str, lo: int, hi: int) -> None:
    """``_asks`` (the regex tried where an automaton finds a head) answers as the search of
    the whole span, look-behinds and word bounds at the span's ends included."""
    low = text.lower()
    assert sections._asks(low, lo, hi) == (sections._PITCH_ASK.search(low, lo, hi) is not None)


def test_pitch_ask_heads_start_every_alternative() -> None:
    for alternative in sections._PITCH_ASK_WORDS:
        head = sections._literal_head(alternative)
        assert head and alternative.removeprefix("\\b").startswith(head)


# The nice-to-have cue as one plain alternation (as it was written before its grouping).
_PLAIN_NICE_CUE = re.compile(
    r"a plus|big plus|huge plus|strong plus|bonus(?: points)?|nice[ -]to[ -]have|(?<!former is )(?<!latter is )"
    r"preferred|desired|desirable|ideally|not required|advantage|pluses|appreciated|"
    r"(?:be|is|are) (?:also )?(?:highly |very |extremely |greatly )?"
    r"(?:helpful|beneficial|valuable|valued)(?! for)|an asset|"
    r"would (?:also )?be (?:welcome|great|nice)|(?:is|are|be) (?:also )?welcome|"
    r"no requirement|not a requirement|not necessary|not mandatory|no worries if|optionally|"
    r"\(optional\)|optional(?=:)")
_CUE_PIECES = ["a plus", "a ", "plus", "pluses", "big ", "bonus", " points", "nice to have", "nice-to",
               " have", "former is ", "latter is ", "preferred", "desir", "ed", "able", "ideally",
               "not ", "required", "a requirement", "advantage", "appreciated", "be ", "is ", "are ",
               "also ", "highly ", "helpful", "valued", " for", "valuable", "an asset", "would ",
               "welcome", "great", "necessary", "no worries if", "optional", "optionally", "(", ")",
               ":", " ", "\n", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_CUE_PIECES), max_size=25).map("".join), st.integers(0, 40))
def test_grouped_nice_cue_matches_as_the_plain_alternation(text: str, pos: int) -> None:
    """``_NICE_CUE``, grouped by first character, finds what the plain alternation finds
    (from any start: its look-behinds read before it)."""
    assert [m.span() for m in sections._NICE_CUE.finditer(text, pos)] == [
        m.span() for m in _PLAIN_NICE_CUE.finditer(text, pos)]


# ``pipeline._NAMES_A_GROUP`` without the look-ahead of the characters a group word (or its
# "& ...") starts with (``_NAMES_A_GROUP_START``).
_PLAIN_NAMES_A_GROUP = re.compile(pipeline._NAMES_A_GROUP.pattern.replace(pipeline._NAMES_A_GROUP_START, "", 1),
                                  pipeline._NAMES_A_GROUP.flags)
_GROUP_WORDS = ["team", "teams", "department", "group", "org", "organisation", "organization", "function",
                "leaders", "leadership", "community", "manager", "directors", "role", "positions", "job",
                "openings", "professional", "practitioners", "engineer", "scientists", "analyst", "intern",
                "internship"]
_GROUP_PIECES = [*_GROUP_WORDS, *(w.upper() for w in _GROUP_WORDS), "Team", "Org", " ", "  ", "-", "\t",
                 "\n", "&", " & ", "R&D", "ſcientist", "\u212a", "İ", "ı", "x", "Data", "s", "hip", ",", ".",
                 "'s", "ops", "n"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_GROUP_PIECES), max_size=12).map("".join), st.integers(0, 12))
def test_names_a_group_look_ahead_matches_as_the_plain_form(text: str, pos: int) -> None:
    assert pipeline._NAMES_A_GROUP.pattern.count(pipeline._NAMES_A_GROUP_START) == 1
    for a, b in ((pipeline._NAMES_A_GROUP.match(text, pos), _PLAIN_NAMES_A_GROUP.match(text, pos)),
                 (pipeline._NAMES_A_GROUP.search(text, pos), _PLAIN_NAMES_A_GROUP.search(text, pos))):
        assert (a and a.span()) == (b and b.span())


# ``facets._HEADCOUNT`` without the look-ahead of the characters its matches start with
# (``_HEADCOUNT_START``, then the branches in a group).
_PLAIN_HEADCOUNT = re.compile(
    facets._HEADCOUNT.pattern.removeprefix(facets._HEADCOUNT_START + "(?:").removesuffix(")"),
    facets._HEADCOUNT.flags)
# (pieces of each branch's matches, the matches whole, and noise; every start is tried)
_HEADCOUNT_PIECES = ["we are ", "we're ", "we’re ", "we ", "a ", "an ", "our ", "is ", "as ", "team of ",
                     "company of ", "startup of ", "team ", "company ", "startup ", "firm", "business ",
                     "small ", "tiny ", "5", "20", "1,000", "-30", "+", " ", "people", "employees", "persons",
                     "person ", "-person ", "~", "about ", "around ", "currently ", "now ", "employ ",
                     "whole ", "-strong ", "(", ")", "|", "\n", ". ", ",", "with ", "work with ", "headcount",
                     ": ", " growth", "x", "two", "fifty", "twelve", "٣", "engineering ", "total", "%",
                     "\xa0", "é", "has grown to ", "strong", "lab",
                     "we're a team of 5", "our team of 20", "a team of 5 people", "team of 5.", "small team of 5",
                     "we are 20 people", "we employ 20 people", "our company is 50 people", "is a 5-person team",
                     ", ~20 people,", "about 20 people total", "50-strong team", "fifty-strong team",
                     "small (currently 6 people)", "company with 90 people", "| ~20 people |",
                     "with a team of 20,", "headcount: ~35", ". tiny team of 5", "\nteam of 20", "٣ people total", "twelve people total"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_HEADCOUNT_PIECES), max_size=10).map("".join), st.integers(0, 30))
def test_headcount_look_ahead_finds_what_the_headcount_finds(text: str, cut: int) -> None:
    assert facets._HEADCOUNT.pattern.startswith(facets._HEADCOUNT_START + "(?:")
    end = max(0, len(text) - cut)
    for pos in range(len(text) + 1):
        for a, b in ((facets._HEADCOUNT.search(text, pos, end), _PLAIN_HEADCOUNT.search(text, pos, end)),
                     (facets._HEADCOUNT.match(text, pos), _PLAIN_HEADCOUNT.match(text, pos))):
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


# ``roles._ML_ROLE`` and ``roles._ML_DETAIL`` without the look-ahead of their words' first
# letters (``_ML_ROLE_START``, ``_ML_DETAIL_START``, then the words in a group).
_ML_PIECES = ["machine learning", "Machine Learning", "ML", "ml", "mles", "MLE", "AI", "ai", "GenAI", "genai",
              "data", "Data", "scien", "Scientist", "research", "ux ", "user ", "design ", "nlp", "NLP",
              "vision", "Computer Vision", "computer ", "llm", "LLMs", "analytic", "deep learning", "Deep ",
              " ", "/", "-", "(", ")", "x", "\u212a", "ſ", "İ", "ı", "é", "\n", "|"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ML_PIECES), max_size=10).map("".join), st.integers(0, 8))
def test_ml_words_look_ahead_finds_what_the_words_find(text: str, pos: int) -> None:
    for pattern, start in ((roles._ML_ROLE, roles._ML_ROLE_START), (roles._ML_DETAIL, roles._ML_DETAIL_START)):
        assert pattern.pattern.startswith(start + "(?:")
        plain = re.compile(pattern.pattern.removeprefix(start + "(?:").removesuffix(")"), pattern.flags)
        assert ([m.span() for m in pattern.finditer(text, pos)]
                == [m.span() for m in plain.finditer(text, pos)])
