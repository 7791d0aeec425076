"""The pipeline's fast paths give exactly what the plain scans they replace give.

Each fast path (a cheap gate or a narrowed search) is checked against the
whole-text regex scan it stands in for, on texts built to sit on its edges.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import facets, roles, salary, sections, skills
from mljobs.enrich.alternation import by_first_char
from mljobs.enrich.lowered import hits, lowers_exactly
from mljobs.enrich.sections import SectionMap

ROLE_TEXTS = [
    "",
    "\n",
    "Acme | Remote\n-\nSenior Engineer\n",
    "Acme\n  \n\n 1.\n  Staff ML Engineers wanted\nfoo",
    "Acme\n" + "x" * 300 + " engineer\nEngineer",
    "Acme\n" + "y" * 170 + " account executives\n" + "z" * 170 + " founding engineer",
    "Acme\n\n#\n## Data Scientist\n- ML Engineer\n* SRE\nWe are hiring.",
    "Acme\nSenior ſtaff Engineer\nΣ ΑΝΑΛΥΤΉΣ analyst\n",
    "Acme\r\nML Engineer\r\n\r\nResearch Scientist (NLP) – Berlin\r\n",
    "ACME • Remote\n• SENIOR DATA SCIENTIST – Berlin\n- Head Of ML\n  * Founding ENGINEER\n",
    "Acme\nSTAFF ENGİNEER\nKelvin K analyst\nLead Dev ſ\n",
]


@pytest.mark.parametrize("text", ROLE_TEXTS)
def test_role_lines_match_the_whole_text_scan(text: str) -> None:
    fast = roles._role_matches(text)
    plain = [(m.start(), m.end(), m.group("title")) for m in roles._ROLE_LINE.finditer(text)]
    assert fast == plain


TOKEN_TEXTS = [
    "",
    "C++, C#, Node.js and scikit-learn_tools",
    "STRASSE ß İstanbul machine learning",  # İ lower-cases to two characters
    "Ⅻ Ⓐ naïve Bayes — ML’s “best” k-means",
    "DATA SCIENCE / Machine-Learning\n\n• Python • SQL",
]


@pytest.mark.parametrize("text", TOKEN_TEXTS)
def test_token_offsets_and_keys_match_the_tokenizer(text: str) -> None:
    bounds, folded = skills._tokens(text)
    spans = [m.span() for m in skills._TOKEN_RE.finditer(text)]
    assert [(bounds[2 * k], bounds[2 * k + 1]) for k in range(len(bounds) // 2)] == spans
    low = text.lower()  # the keys as the matcher computed them before the fast path
    keys = skills._TOKEN_RE.findall(low) if len(low) == len(text) else []
    if len(keys) != len(spans):
        keys = [text[a:b].casefold() for a, b in spans]
    assert folded == keys


@pytest.mark.parametrize("text", [
    "Pay: 120k-150k USD a year", "10 - 20 eur per hour", "5 k CHF", "1,000 gbp monthly",
    "up to $200k", "€60.000–80.000", "100k and 3 years", "neural nets, 5 years", "",
])
def test_salary_gate_opens_whenever_a_figure_is_plausible(text: str) -> None:
    gate_open = any(sym in text for sym in salary._MONEY_SYMBOLS) or bool(
        salary._code_anchor(text, 0, len(text)) >= 0)
    plausible = [m.group() for m in salary._RANGE_RE.finditer(text) if salary._plausible(m)]
    assert gate_open or not plausible
    if not gate_open:
        assert salary.parse_salary(text) is None


DEGREE_TEXTS = [
    "Masters in CS or PhD preferred",
    "a degree in math; BS/MS; degree required. masterful",
    "Ph.D. preferred, MBA, MS Excel, BA in economics",
    "doctor of philosophy, BSc or B.S. and m.s. degree; M.Sc and postgraduate",
    "graph photography " * 30 + "relevant degree",
    "Masterrsquos degree; Bachelorrsquo;s degree in CS; Bachelorâ€™s or Masterâs; master`s",
]


@pytest.mark.parametrize("text", DEGREE_TEXTS)
def test_degree_patterns_searched_around_gates_find_every_match(text: str) -> None:
    low = text.lower()
    for _level, gates, pattern, _abbrev in facets._DEGREE_RES:
        plain = [m.start() for m in pattern.finditer(low)
                 if not (m.group().startswith(("degree", "a degree"))
                         and facets._LEVEL_BEFORE.search(low, max(0, m.start() - 30), m.start()))]
        assert facets._gated_starts(pattern, low, gates) == plain


@pytest.mark.parametrize("text", [
    "Experience with Spark is a plus.", "Nothing optional here.", "Ideally you know Go.",
    "Kubernetes (preferred) and Docker", "PhD (industry experience preferred)",
    "A big plus: Go. Strong plus, huge pluses; nice to have nice-to-have, not required " * 3,
    "x" * 40 + "a strong plus" + "y" * 40 + "desired desirable appreciated advantage bonus",
    "Go would be helpful. Rust is beneficial, C are valuable; Java is an asset. Helpfully, assets",
    "could be valuable for x, are beneficial for y, is helpful forever" + "z" * 30 + "be valuable f",
])
def test_nice_cue_gate_keeps_cues(text: str) -> None:
    smap = SectionMap(text)
    assert smap._cues == [(m.start(), m.end()) for m in sections._NICE_CUE.finditer(text.lower())]


def test_coordinated_modifier_still_found() -> None:
    text = "Knowledge of descriptive and inferential statistics."
    matcher = skills.default_matcher()
    coordinated = [matcher.coordinated(text, m) for m in matcher.find(text)]
    assert [c.surface for c in coordinated if c] == ["descriptive"]


# --- skills: the anchor scan finds every place an alias starts ------------------------

_PIECES = ["R", "r", "Go", "go", "C", "C++", "c#", "F#", "python", "Python", "SQL", "sql", ".NET",
           "asp.net", "ASP .NET", "node.js", "Node", "js", "machine", "learning", "Machine Learning",
           "data", "science", "scikit", "learn", "CI", "CD", "/", "*", "nix", "äkta", "naïve",
           "Bayes", "Schrödinger", "Spark", "spark", "Excel", "access", "https", "e.g.", "x",
           "'", "’", ".", "+", "#", "_", "-", "(", ")", ",", "İ", "ſ", "K", "ß", "•", "é"]
_GLUE = ["", " ", "  ", "\n", "\n\n   ", "-", "_", " - ", "\t", "     "]


@st.composite
def _skill_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=40))
    return "".join(a + b for a, b in parts)


@settings(max_examples=400, deadline=None)
@given(_skill_texts())
def test_anchor_scan_finds_what_the_token_scan_finds(text: str) -> None:
    matcher = skills.default_matcher()
    assert matcher.find(text) == matcher._find_all_tokens(text)


@settings(max_examples=300, deadline=None)
@given(_skill_texts())
def test_token_starts_agree_with_the_tokenizer(text: str) -> None:
    low = text.lower()
    if len(low) != len(text):
        return
    starts = {m.start() for m in skills._TOKEN_RE.finditer(low)}
    assert {i for i in range(len(low)) if skills._starts_token(low, i)} == starts


@settings(max_examples=300, deadline=None)
@given(_skill_texts(), st.lists(st.sampled_from(_PIECES + ["data science", "c++", "Ph.D."]),
                                min_size=1, max_size=6))
def test_term_scan_agrees_with_the_term_regex(text: str, terms: list[str]) -> None:
    found = skills.Terms.compile(terms)
    assert found is not None
    assert found.found_in(text) == (found.pattern.search(text) is not None)


_FACET_WORDS = ["We", "offer", "EQUITY", "Stock Options", "options", "RSUs", "esop", "ownership stake",
                "VSOP", "Phantom Stock", "stock grants", "Restricted Stock Units", "+ stock",
                "This is a", "Senior", "looking for a", "LEAD", "hiring an", "Staff", "our",
                "paid", "Internship", "entry-level", "Role", "new grads", "welcome", "ſ", "K", "é",
                "seniority", "leads", "are", "summer", "position", "Principal", "x" * 30, "•", "’", "–",
                "early-career", "Early Career", "looking for an", "seeking", "hiring", "early"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_FACET_WORDS), st.sampled_from([" ", "\n", "-", ""])),
                max_size=25))
def test_case_sensitive_forms_agree_on_lower_cased_ascii(parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts)
    if not lowers_exactly(text):
        assert not text.isascii()
        return
    low = text.lower()
    if text.isascii():
        assert bool(salary._EQUITY_ASCII.search(low)) == bool(salary._EQUITY.search(low))
    for level, words, pattern in facets._SENIORITY_TEXT:
        assert bool(facets._SENIORITY_ASCII[level].search(low)) == bool(pattern.search(text))
        assert facets._search_near(facets._SENIORITY_ASCII[level], low, len(low), words,
                                   hits(low)) == bool(
            pattern.search(text))


def test_lowers_exactly_rejects_cased_non_ascii() -> None:
    assert lowers_exactly("Senior • Staff – ’") and lowers_exactly("plain")
    assert not lowers_exactly("\u212a") and not lowers_exactly("ſenior") and not lowers_exactly("é")


def test_shared_lower_is_per_string() -> None:
    from mljobs.enrich.lowered import lower
    a, b = "Senior ML Engineer", "ÄKTA Python"
    assert lower(a) == a.lower() and lower(a) == a.lower()
    assert lower(b) == b.lower() and lower(a) == a.lower()


@pytest.mark.parametrize("text", DEGREE_TEXTS + ["BS", "MS", ".BS BSc B.A MS Office MS, BA.", "xMS MS\nMSc"])
def test_abbreviations_with_the_look_behind_moved_match_alike(text: str) -> None:
    plain = {"masters": r"(?<![\w.])MS(?![\w.]| ?(?:Office|Excel|Word|SQL|Access|Teams|Azure|"
                        r"Power|Project|Visio|Dynamics|Outlook))",
             "bachelor": r"(?<![\w.])B\.?[SA](?![\w.])"}
    for level, _gates, _pattern, abbrev in facets._DEGREE_RES:
        if abbrev is not None:
            assert ([m.span() for m in abbrev.finditer(text)]
                    == [m.span() for m in re.finditer(plain[level], text)])


# The remote patterns as plain alternations (the reference for ``alternation.by_first_char``).
# (the forms that say "remote", then the work-from-home forms; ``_PLAIN_REMOTE_OK`` is either)
_PLAIN_REMOTE_SAYS = (
    r"fully[\s-]remote|100% remote|remote[\s-](?:first|friendly|ok|okay|only|possible|"
    r"allowed|option|work|position|role|eligible|opportunity|job|company|available)|work(?:ing)? remotely|"
    r"work(?:ing)? remote\b|"
    r"open to remote|open to (?:[\w-]+ ){1,3}remote\b|can be remote|is remote|"
    r"are remote|remote (?:or|and) (?:hybrid|on-?site|in[\s-]office)|"
    r"(?:hybrid|on-?site|in[\s-]office) (?:or|and|/) remote|location:\s{0,4}remote|remote \(|"
    r"remote (?:in|within|from) (?:the )?(?:us|usa|u\.s|eu|europe|uk|canada|anywhere|any)|"
    r"or remote\b|remote\b(?<=\(remote)|remote: ?(?:yes|optional|ok|possible|allowed)\b|"
    r"(?:performed|done) remotely")
_PLAIN_REMOTE_HOME = (
    r"work(?:ing)? from (?:home|anywhere)|wfh|(?<!with )(?<!with a )(?<!with globally )(?<!with a globally )"
    r"(?<!with geographically )distributed team|(?:located|based) anywhere|location:\s{0,4}anywhere|"
    r"anywhere in the (?:us\b|u\.s|usa|united states|world|country|eu\b|uk\b|europe|americas)")
_PLAIN_REMOTE_OK_REMOTE = re.compile(rf"\b(?:{_PLAIN_REMOTE_SAYS})")
_PLAIN_REMOTE_OK = re.compile(rf"\b(?:{_PLAIN_REMOTE_SAYS}|{_PLAIN_REMOTE_HOME})")
_PLAIN_REMOTE_NO = re.compile(r"\b(?:no remote|not remote|non[\s-]remote|remote(?: work| working| options?)? "
                              r"(?:is |are )?not (?:possible|available|an option|offered|supported)|"
                              r"remote:\s{0,4}(?:no|none)|not a remote|"
                              r"no tele-?(?:commuting|work(?:ing)?) (?:or|and|/) remote|"
                              r"remote is not(?=[.;)\n]|\Z)|work remotely:\s{0,4}no)\b")
_PLAIN_REMOTE_FALSE = re.compile(r"remote(?:ly)? (?:sensing|monitoring|access|patient|control|desktop|"
                                 r"server|support team|locations? of|during|now\b|for now|initially|"
                                 r"temporarily|until)|(?:local|onsite) and remote|"
                                 r"during (?:the )?(?:coronavirus|covid|pandemic)"
                                 r"(?:[^.\n]{0,40}?remote(?:ly)?)?|"
                                 r"flex(?:ible)?[\s-]?(?:time|hours|working hours|work hours|schedules?)"
                                 r"(?: and |/|, ?| ?& ?)(?:remote work(?: options?)?|work(?:ing)?[ -]from[ -]home"
                                 r"(?! days?\b)|remote[\s-]friendly)|"
                                 r"(?:remote work(?: options?)?|remote[\s-]friendly|work(?:ing)?[ -]from[ -]home)"
                                 r"(?: and |/|, ?| ?& ?)"
                                 r"flex(?:ible)?[\s-]?(?:time|hours|working hours|work hours|schedules?)|"
                                 r"(?<=\n)work from home(?=\n)|(?<=\n. )work from home(?=\n)")
_PLAIN_HYBRID = re.compile(
    r"\bhybrid\b(?! (?:cloud|model(?:s|ling|ing)?\b(?! of work)|"
    r"search|approach|architecture|apps?|mobile|vehicle|systems?|modalit\w*|molecules?|"
    r"cars?|engines?|methods?|solutions?|workflows?|data|infrastructure|setups|deployments?|who\b|"
    r"role in which|between|research|edge|target|immuno))|\bhy(?:rbid|bird)\b|"
    r"(?<!\d)[1-4](?:[-–][1-4])? ?(?:days?|x) ?(?:a|per|/) ?week (?:in|at|from) (?:the |our )?"
    r"(?:[\w.]+ ){0,3}office|\b[1-4](?:[-–][1-4])?[\s-]?days? (?:in[\s-](?:the[\s-])?office|"
    r"in[\s-]person|on[\s-]?site)|"
    r"(?:in[\s-]office|on[\s-]?site)[^|\n]{0,3}\(?(?<!\d)[1-4](?:[-–][1-4])?[\s-]?"
    r"(?:days|x ?(?:a|per|/) ?week)|"
    r"(?:in[\s-](?:the[\s-])?office|on[\s-]?site)[^|\n]{0,3}(?:on )?(?:mon(?:day)?s? ?(?:to|through|thru|[-–]) ?"
    r"(?:tue|wed|thu)|tue(?:s|sday)?s? ?(?:to|through|thru|[-–]) ?(?:wed|thu|fri)|"
    r"wed(?:nesday)?s? ?(?:to|through|thru|[-–]) ?(?:thu|fri)|thu(?:rs?|rsday)?s? ?(?:to|through|thru|[-–]) ?fri)|"
    r"\bpartially remote|\bpart[\s-]remote|"
    r"\bwith (?:local |regular |some |occasional |partial )?tele-?(?:work|commut(?:e|ing))(?:ing)? options?\b|"
    r"\bsome tele-?(?:work|commut(?:e|ing))(?:ing)? (?:is )?(?:allowed|permitted|available)\b")
# One to four office days (the day-counting ``_PLAIN_HYBRID`` forms).
_PLAIN_OFFICE_DAYS = re.compile(
    r"(?<!\d)[1-4](?:[-–][1-4])? ?(?:days?|x) ?(?:a|per|/) ?week (?:in|at|from) (?:the |our )?"
    r"(?:[\w.]+ ){0,3}office|\b[1-4](?:[-–][1-4])?[\s-]?days? (?:in[\s-](?:the[\s-])?office|"
    r"in[\s-]person|on[\s-]?site)|"
    r"(?:in[\s-]office|on[\s-]?site)[^|\n]{0,3}\(?(?<!\d)[1-4](?:[-–][1-4])?[\s-]?"
    r"(?:days|x ?(?:a|per|/) ?week)")
_PLAIN_ONSITE = re.compile(
    r"\b(?<!showers )(?<!shower )(?<!storage )(?<!gym )(?<!parking )on[\s-]?site\b(?!,? (?:gym|shower|bike|masseuse|massage|caf|dining|amenit|child|fitness|"
    r"parking|health|clinic|lunch|meal|perks|gaming|events?|flu|training|classes|painting|company-paid|"
    r"wellness|bootcamps?|meetings?|visits?|online|off-?site|virtual)|[\s/-]offshore| (?:and|or|&) [\w-]+ (?:training|classes|events?|meetings?))|"
    r"\bin[\s-](?:the[\s-])?office\b(?! (?:gaming|perks|snacks|events?|lunch|gym))|"
    r"\bin[\s-]person\b(?! (?:interview|events?|(?:and|or) (?:online|virtual|by phone|over the phone|on (?:the )?telephone)))"
    r"(?![\"”’']? with (?:our |the |your )?(?:customers?|clients?|users?)\b)"
    r"(?<!phone and in.person)(?<!electronic and in.person)(?<!online and in.person)(?<!or in.person)"
    r"(?<!virtually and in.person)(?<!virtual and in.person)|"
    r"\bon[\s-]campus\b|\bmust (?:be willing to )?relocate|\brelocation (?:is )?required|"
    r"\b(?:work|working|based) (?:from|in|at) (?:our|the|an?) (?:\w+ ){0,2}"
    r"(?:office|lab|hq|headquarters)|\blab(?:oratory)? (?:work|safety|experiments?)|"
    r"\blocated (?:in|at) (?:our|the|an?) (?:[\w,.-]+ ){0,3}(?:office|lab|hq|headquarters)\b|"
    r"\bwork(?:ing)? (?:in|at) (?:the |our |a )?(?:[\w-]+ )?(?:labs?|laborator(?:y|ies))\b|"
    r"\btele-?(?:commut(?:e|ing)|work(?:ing)?)(?: options?)?:?\s*(?:no\b|not (?:allowed|available|permitted))|"
    r"\bwillingness to relocate\b|"
    r"\bwet lab\b|\bin our lab\b|\bat (?:our |the |a )?(?:\w+['’]s )?(?:client|customer)s?(?:['’]s|['’]| s)? (?:site\b|locations?)|"
    r"\bbased on (?:an? |the |our )?(?:[\w-]+ ){0,2}(?:client|customer)s?(?:['’]s|['’]| s)? sites?\b|"
    r"\bmust be (?:physically )?(?:based|located) (?:in|at)\b(?! (?:the )?(?:us\b|u\.s|usa|uk\b|eu\b|"
    r"europe|canada|united|north america|latin|emea|apac|one of|any|an? (?:eligible|supported)|"
    r"a time|[a-z]+ time))|\bwork location:\s{0,4}one location\b|"
    r"\bwork sites?\b|\blaboratory (?:notebooks?|work|experiments?|setting|"
    r"environment|techniques|equipment)|\bat (?:the )?bench\b|\bbench[\s-]?(?:work|top)\b|"
    r"\bjoin (?:our|their|the) (?:[\w-]+ ){0,2}office\b|"
    r"\b(?:willing|able) to relocate\b(?!: ?(?:no|open))|\brequires? relocation\b|\bno tele-?commut|"
    r"\bcommut(?:able|ing) distance\b|\blab(?:oratory)?[\s-]based\b|\blaboratory (?:testing|tests)\b|"
    r"\bclinical laborator|"
    r"\bcell culture|\btissue culture|\bcell[ -]based (?:assay|experiment)|\bwestern blot|"
    r"\btransfection|\bchromatograph|\bpipett|\bmicroscopy\b|\bfrom the bench\b")
_PLAIN_PART_REMOTE = re.compile(r"\bpart(?:ial(?:ly)?|ly)?[\s-]remote\b|"
                                r"\b[1-4](?:[-–][1-4])? days? (?:a week |per week )?remote\b")


# Work from home on some days only.
_PLAIN_WFH_PART = re.compile(
    r"\b(?:(?:wfh|work(?:ing)?[ -]from[ -]home) (?:flexibility|days?\b|the rest|on occasion|"
    r"(?:on )?(?:mon|tue|wed|thu|fri)[a-z]*\b|[1-4](?:[-–][1-4])? ?(?:d|days?)\b)|"
    r"(?:occasional|partial|some) (?:wfh|work(?:ing)?[ -]from[ -]home)|"
    r"(?:mondays?|fridays?) (?:are |is )?(?:wfh|work(?:ing)?[ -]from[ -]home))|"
    r"(?<![\d.])[1-4](?:[-–][1-4])? ?(?:d|days?)(?: a week| per week|/week)? (?:of )?"
    r"(?:wfh|work(?:ing)?[ -]from[ -]home)")
# (the first three ``_PLAIN_ONSITE`` forms: onsite, in office, in person)
_PLAIN_HEADER_ONSITE = re.compile(
    r"\b(?<!showers )(?<!shower )(?<!storage )(?<!gym )(?<!parking )on[\s-]?site\b(?!,? (?:gym|shower|bike|masseuse|massage|caf|dining|amenit|child|fitness|"
    r"parking|health|clinic|lunch|meal|perks|gaming|events?|flu|training|classes|painting|company-paid|"
    r"wellness|bootcamps?|meetings?|visits?|online|off-?site|virtual)|[\s/-]offshore| (?:and|or|&) [\w-]+ (?:training|classes|events?|meetings?))|"
    r"\bin[\s-](?:the[\s-])?office\b(?! (?:gaming|perks|snacks|events?|lunch|gym))|"
    r"\bin[\s-]person\b(?! (?:interview|events?|(?:and|or) (?:online|virtual|by phone|over the phone|on (?:the )?telephone)))"
    r"(?![\"”’']? with (?:our |the |your )?(?:customers?|clients?|users?)\b)"
    r"(?<!phone and in.person)(?<!electronic and in.person)(?<!online and in.person)(?<!or in.person)"
    r"(?<!virtually and in.person)(?<!virtual and in.person)")


def _remote_plain(title: str, text: str) -> str:
    """``facets.remote`` without its literal gates, with the plain alternations (the reference)."""
    low = (title + "\n" + text).lower()
    first = low.find("\n", len(title.lower()) + 1)
    lines = (low if first < 0 else low[first + 1:]).split("\n")
    # (a header of fields that goes on on the next line)
    head_end = first if first < 0 or not ("|" in lines[0] and (
        "|" not in low[len(title.lower()) + 1:first] or lines[0].lstrip().startswith("|"))) else (
        first + 1 + len(lines[0]))
    header = _PLAIN_REMOTE_FALSE.sub(" ", low if head_end < 0 else low[:head_end])
    clean = _PLAIN_REMOTE_FALSE.sub(" ", facets._windows(low, facets._REMOTE_GATE))
    raw_header = low if first < 0 else low[:first]
    if not clean:
        return "remote" if facets._HEADER_REMOVE.search(raw_header) else "unknown"
    if _PLAIN_REMOTE_NO.search(clean):
        return "hybrid" if _PLAIN_HYBRID.search(clean) or _PLAIN_WFH_PART.search(clean) else "onsite"
    if _PLAIN_PART_REMOTE.search(clean):
        return "hybrid"
    raw_header = low if first < 0 else low[:first]
    if ("|" in raw_header and not any(w in raw_header for w in ("remote", "hybrid", "wfh", "work from", "flexib"))
            and _PLAIN_HEADER_ONSITE.search(raw_header) and not _PLAIN_HYBRID.search(raw_header)):
        return "hybrid" if _PLAIN_OFFICE_DAYS.search(clean) else "onsite"
    if (_PLAIN_REMOTE_OK_REMOTE.search(clean) or facets._HEADER_REMOTE.search(header)
            or facets._HEADER_REMOVE.search(raw_header) or facets._remote_as_field(clean)):
        return "remote"
    if _PLAIN_WFH_PART.search(clean):
        return "hybrid"
    if _PLAIN_REMOTE_OK.search(clean):
        return "remote"
    if _PLAIN_HYBRID.search(clean):
        return "hybrid"
    return "onsite" if _PLAIN_ONSITE.search(clean) else "unknown"


_REMOTE_WORDS = ["Remote", "remotely", "not remote", "no remote", "hybrid", "3 days a week in the office",
                 # (session 25)
                 "with local telework options", "Some Telecommuting Allowed", "Telecommuting Not Allowed",
                 "Work-from-home Fridays", "work-from-home days", "flexible hours and work-from-home",
                 "showers onsite", "both virtually and in-person", "3–4 days onsite", "Acme | ONSITE |",
                 "on-site", "onsite", "in-office (2 days", "WFH", "work from home", "distributed team",
                 "remote sensing", "during the pandemic", "local and remote", "partially remote",
                 "in person", "our lab", "relocation required", "office", "x", "REMOTE (",
                 "based in our HQ", "work at our headquarters", "at the client's locations", "part-remote", "2 days a week at the ",
                 "onsite (3 days", "working from the office", "at the bench", "on campus",
                 "ONSITE+PART REMOTE", "2 days remote", "3-4 days per week remote", "partly remote",
                 "willing to relocate", "Willing to relocate: No", "requires relocation", "no telecommuting",
                 "commutable distance", "lab-based", "laboratory testing", "clinical laboratory",
                 "phone and in person", "in-person and online", "onsite flu shots", "In-office gym",
                 "on-site training", "3x/week in office", "3 days in-office", "5 days in office", "2x in-office",
                 "ability to work remote", "Remote company",
                 # (session 11)
                 "4 days in-person", "2 days onsite", "Fridays are work from home days",
                 # (session 12)
                 "Work Remotely:\nNo", "Primary Location:\n\nRemote Texas", "onsite-offshore model",
                 "online, or in person", "at CapTech’s client locations", "at our client s site",
                 "MUST BE BASED IN SAN DIEGO", "must be based in the US", "must be physically located at",
                 "Work Location:\nOne location",
                 "not a remote role",
                 # (session 9)
                 "Boston (or Remote)", "Engineer (Remote Europe)", "REMOTE: Optional", "Remote: Yes",
                 "performed remotely", "can be located anywhere", "with distributed teams",
                 "with a globally distributed team", "ONSITE (5 days/week)", "Onsite (4-5 days in-office",
                 "On-site 2-3x per week", "3-days in office", "5 days a week in the office", "ONSITE",
                 "Onsite | Full-time", "the rare hybrid who", "hybrid infrastructure", "hybrid setups",
                 "This is a hybrid role in which", "onsite bootcamps", "on-site, company-paid",
                 "occasional onsite meetings", "customer on-site visits", "in person and over the phone",
                 "located in our Nashville office", "located at our Melbourne, FL office",
                 "working in lab", "work at SwRI laboratories", "Telecommuting Not Allowed",
                 "Potential for Telework:\nNo", "No telecommuting or remote work", "remote is not.",
                 "100% remote now but", "During COVID candidate will be working remote",
                 "willingness to relocate", "WFH the rest", "WFH Tuesday", "work from home flexibility",
                 "Occasional work from home", "Fridays are Work From Home days", "working from home",
                 "Hybrid setup", "in-office MWF",
                 "in-office Monday to Thursday", "on-site tue-thu", "in the office Mon through Wed",
                 "onsite Monday to Friday", "in-office Thursday to Friday",
                 # (session 13)
                 "located at our customer site", "based on a long term clients site", "Cell culture",
                 "tissue culture", "cell-based assays", "Western blotting", "transfection",
                 "HPLC chromatography", "pipetting", "confocal microscopy", "leads from the bench",
                 "open to extremely talented remote folks", "open to remote", "Location: Anywhere",
                 "anywhere in the US", "Anywhere in the world", "a hybrid research/engineering role",
                 "hybrid Edge/Cloud AI", "hybrid target capture", "hybrid immunoassay",
                 "Comfortable working from home office", "working from anywhere",
                 # (session 13, facets3)
                 "Flex Time and Remote Work Options", "flexible time/work from home", "remote friendly and flexible hours",
                 "\nWork From Home\n", "\n- work from home\n", "work from home, flexible schedule",
                 "deployed at client sites", "at customer sites", "Remote | Full time", "| $350 | Remote",
                 "Acme | NYC", "(hyrbid)", "hybird role", "| Remove US/Canada |", "| remove (EU)", "\"in-person\" with our customers",
                 "in person with clients", "on-site and hands-on training", "onsite or virtual events",
                 # (session 24, facetsG)
                 "Remote, UK ONLY.", "Remote - EU only", "Position: remote,", "\nRemote\n", "- Remote, flexible",
                 "remote on Fridays only", "Remote, no", "1d WFH", "2 days ", "WFH 2 days", "1.5 days "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_REMOTE_WORDS), max_size=12),
       st.lists(st.tuples(st.sampled_from(_REMOTE_WORDS), st.sampled_from([" ", "\n", ". ", " | "])),
                max_size=20))
def test_remote_gates_keep_the_answer(title_words: list[str], parts: list[tuple[str, str]]) -> None:
    title = " ".join(title_words)
    text = "".join(a + b for a, b in parts)
    assert facets.remote(title, text) == _remote_plain(title, text)


_REMOTE_PIECES = [*(w.lower() for w in _REMOTE_WORDS), "remote", "fully", "100%", "open to", "is", "are",
                  "can be", "location:", "or", "and", "/", "in", "from", "the", "us", "eu", "first",
                  "not", "non-", "possible", "an option", "sensing", "local", "during", "covid",
                  "hybrid cloud", "hybrid models of work", "model", "week", "per", "x", "2-3", "٣",
                  "days", "in-office", "(", "gym", "monday", "mon", "tue", "thursday", "thu", "fri", "to", "through", "interview", "must", "relocate", "working",
                  "based", "an", "lab", "wet", "laboratory", "work", "client's", "sites", "top",
                  "join", "their", "big", "a", "on", "site", "wfh", "_", "é", "-", "1", "2",
                  "remotely", "remotes", "is not an option", "available", "within the", "anywhere",
                  "usa", "in-office and", "onsite or", "opportunity", "y" * 12, "z" * 25,
                  "part", "partly", "3 days", "a week", "willing to", "able to", "relocation", "requires",
                  ": no", "telecommuting", "no tele", "commutable", "commuting distance", "clinical",
                  "laboratory tests", "based", "phone", "electronic", "online", "virtual", "telephone",
                  "on the", "flu", "training", "gym", "person", "3x", "x/week", "5", "remote company",
                  "work remote", "working",
                  # (session 9)
                  "or remote", "(remote", "(remote)", "remote:", "yes", "optional", "performed", "done",
                  "located", "located anywhere", "with", "with a", "globally", "geographically",
                  "distributed teams", "4", "5 days", "4-5", "2-3x", "x per week", "3-days", "who",
                  "infrastructure", "setups", "role in which", "between", "bootcamps", "meetings",
                  "visits", ",", "off-site", "over the phone", "nashville", "fl", "office", "our",
                  "labs", "laboratories", "telework", "telework:", "teleworking", "options", "no",
                  "not allowed", "remote is not", ".", ";", ")", "now", "for now", "initially", "until",
                  "during covid", "pandemic", "willingness to relocate", "wfh", "the rest", "tuesday",
                  "flexibility", "occasional", "some", "fridays are", "from home", "work from home days",
                  "44", "14 days",
                  # (session 12)
                  "work remotely:", "location:\n", "offshore", "/offshore", "or in person", "acme’s",
                  "client s", "clients’", "must be based in", "must be located at", "us", "one location",
                  "work location:", "uk", "any", "a time",
                  # (session 13)
                  "customer", "customers", "customer's", "based on", "long term", "clients", "cell",
                  "culture", "cell-based", "cell based", "assay", "experiments", "western blot",
                  "transfection", "chromatography", "pipette", "microscopy", "microscopyx", "from the",
                  "bench", "open to", "talented", "extremely", "folks", "anywhere in the",
                  "world", "united states", "americas", "eu", "location: anywhere", "hybrid research",
                  "edge", "target", "immuno", "immunoassay", "hybrid",
                  # (session 13, facets3)
                  "flex", "flexible", "time", "hours", "working hours", "schedule", "remote work",
                  "remote work options", "friendly", "remote friendly", "&", "- ", "\n- ", "sites",
                  "client sites", "hyrbid", "hybird", "\"", "with our customers", "with", "users", "hands-on", "classes", "& "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_REMOTE_PIECES), st.sampled_from([" ", "", "\n", "-", "x"])),
                max_size=14))
def test_remote_patterns_by_first_char_match_the_plain_alternations(parts: list[tuple[str, str]]) -> None:
    low = "".join(a + b for a, b in parts)
    assert facets._REMOTE_FALSE.sub(" ", low) == _PLAIN_REMOTE_FALSE.sub(" ", low)
    assert [m.span() for m in facets._REMOTE_FALSE.finditer(low)] == [
        m.span() for m in _PLAIN_REMOTE_FALSE.finditer(low)]
    ok = (facets._found_near(facets._REMOTE_OK, low, "remote", facets._REMOTE_REACH)
          or facets._OPEN_TO_REMOTE.search(low) is not None
          or facets._REMOTE_OK_OTHER.search(low) is not None)
    assert ok == (_PLAIN_REMOTE_OK.search(low) is not None)
    assert (facets._found_near(facets._REMOTE_NO, low, "remote", facets._REMOTE_REACH)
            == (_PLAIN_REMOTE_NO.search(low) is not None))
    assert (facets._ONSITE.search(low) is None) == (_PLAIN_ONSITE.search(low) is None)
    assert facets._hybrid(low) == (_PLAIN_HYBRID.search(low) is not None)
    assert (facets._PART_REMOTE.search(low) is None) == (_PLAIN_PART_REMOTE.search(low) is None)


def test_by_first_char_rejects_an_alternative_without_a_literal_start() -> None:
    with pytest.raises(ValueError):
        by_first_char((r"\bfoo", r"(?:bar|baz)"))


def _years_plain(text: str) -> int | None:
    """``facets.years_min`` searching the text as written, case-insensitively (the reference)."""
    found: list[int] = []
    tool: list[int] = []
    side: list[int] = []
    low = text.lower()
    for cand in ((m.start(), m.end()) for m in facets._YEAR_WORD.finditer(low)) if "y" in low else ():
        m = next((x for x in facets._YEARS_RE.finditer(text, max(0, cand[0] - 45),
                                                       min(len(text), cand[1] + 2))
                  if x.end() >= cand[1]), None)
        if m is None:
            continue
        after, before = text[m.end():m.end() + 70], text[max(0, m.start() - 50):m.start()]
        if not (facets._EXPERIENCE_NEAR.search(after) or facets._EXPERIENCE_NEAR.search(before)
                or facets._stated_as_minimum(m, before)):
            continue
        if (facets._NOT_EXPERIENCE.search(after[:25])
                or re.search(r"\b(?:[Ii]n|[Ww]ithin|[Oo]ver|[Ff]or|[Dd]uring) the (?:last|past|next|coming)\s*$|"
                             r"\bwithin\s*$", before)
                or facets._GREW_IN.search(before) or facets._NO_FLOOR.search(before)
                or re.match(r"[ -]+(?:(?:undergraduate|bachelor'?s?|college|university) )?"
                            r"(?:degree|college|university|program)", after, re.IGNORECASE)
                or re.match(r"[^.;\n]{0,50}?\b(?:(?:may|can) be substituted|in lieu of (?:an? |the )?"
                            r"(?:degree|education|bachelor))", after, re.IGNORECASE)):
            continue
        least = facets._num(m.group(1)) if m.group(1) else facets._num(m.group(2))
        if 0 <= least <= 25:
            (side if facets._side_years(before, after)
             else tool if facets._TOOL_AFTER.match(after) else found).append(least)
    if ("grad" in low or "experience" in low) and facets._ZERO_YEARS.search(text):
        found.append(0)
    found = found or tool or side
    return min(found) if found else None


_YEARS_WORDS = ["5+ YEARS", "Three years", "3-5 yrs", "of Experience", "EXPERIENCE", "in the last",
                "In the last", "within", "founded", "10 years ago", "New Grads", "no experience required",
                "2 to 4 Years'", "industry", "(5) years", "Full-Time", "twelve", "ſ", "•", "é", "x" * 20,
                "3+ YoE", "or more", "at least", "company (", "team", "year vision", "-", "degree",
                "University", "may be substituted", "in lieu of a degree", "leading a team",
                "of management", "including", "as a Manager",
                # (session 25)
                "in the next", "up to", "an average experience of", "experience, with", "with minimum of",
                "research leadership experience", "experience working with", "or",
                # (session 13)
                "with", "WITH", "using", "Using", "experience (", "(", "with $", "1", "For the past",
                "over the past", "During the last", "within the last", "the past", "hands-on",
                # (session 24)
                "700% growth in", "Grew", "grown to 500 people over", "doubled in", "growing"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_YEARS_WORDS), st.sampled_from([" ", "\n", ", ", ""])),
                max_size=20))
def test_years_on_lower_cased_text_agree(parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts)
    assert facets.years_min(text) == _years_plain(text)


_ROLE_PIECES = ["Acme", "ML Engineer", "• Senior Data Scientist", "– Head of AI", "1. SRE", "staff",
                "We are hiring", "Research Scientist (NLP) – Berlin", "’", "é", "İ", "ſ", "x" * 90,
                "Founding ENGINEER", "#", "-", "*", "  ", "Account Executives", "product owner"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_ROLE_PIECES), st.sampled_from(["\n", " ", "\n\n", ""])),
                max_size=16))
def test_role_line_filter_keeps_every_match(parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts)
    plain = [(m.start(), m.end(), m.group("title")) for m in roles._ROLE_LINE.finditer(text)]
    assert roles._role_matches(text) == plain


_TITLE_PIECES = ["Senior", "SR.", "Sr", "snr", "Staff", "Principal", "principle", "Distinguished", "Lead",
                 "Fellow", "Architect", "Intern", "Internships", "co-op", "Coop", "Summer Student",
                 "III", "IV", "iv", "II", "I", "1", "2", "Junior", "jr.", "Entry-Level", "entry level",
                 "New Grads", "Graduate", "Mid-level", "midlevel", "Intermediate", "Mid-Career", "midcareer", "MID-LEVEL", "Engineer",
                 "SCIENTIST", "analyst", "Developer", "specialist", "Researcher", "Associate",
                 "Programmer", "Data", "ML", "AI", "Product Manager", "Member of Technical Staff",
                 "x", "/", "&", "'", ".", "(", "-", "\t"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TITLE_PIECES), st.sampled_from([" ", "", "  ", "-", "\t", "/"])),
                max_size=8))
def test_level_gate_keeps_every_level_word(parts: list[tuple[str, str]]) -> None:
    """An ASCII title the level gates turn away holds no ``_LEVEL_WORDS`` match."""
    title = "".join(a + b for a, b in parts)
    if not (any(w in title.lower() for w in facets._LEVEL_GATE)
            or facets._NUMERAL_GATE.search(title)):
        assert facets._LEVEL_WORDS.search(title) is None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*_TITLE_PIECES, "iI", "Ii", "sr.x", "II/", "Sr."]),
                          st.sampled_from([" ", "", "-", ".", "/"])), max_size=8))
def test_level_forms_by_letter_match_the_level_words(parts: list[tuple[str, str]]) -> None:
    """On an ASCII title without a numeral after white space, the by-letter forms find the
    ``_LEVEL_WORDS`` matches, of the same groups."""
    title = "".join(a + b for a, b in parts)
    if facets._NUMERAL_GATE.search(title):
        return
    fast = [(m.span(), facets._LEVEL_FORM_GROUPS[m.lastindex or 0])
            for m in facets._LEVEL_WORD_FORMS.finditer(title)]
    assert fast == [(m.span(), m.lastgroup) for m in facets._LEVEL_WORDS.finditer(title)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["BS", "BA", "B.S", "B.A", "B", "S", "A", ".", "MS", "M", "x", " ", "/",
                                 "B.", "BSc", "MBA", "\n"]), max_size=12).map("".join))
def test_abbreviation_gates_pass_every_abbreviation(text: str) -> None:
    for level, _gates, _pattern, abbrev in facets._DEGREE_RES:
        if abbrev is not None and abbrev.search(text):
            assert facets._ABBREV_GATE[level].search(text)
        plain = {"masters": ("MS",), "bachelor": ("BS", "BA", "B.S", "B.A")}.get(level, ())
        if abbrev is not None:
            assert bool(facets._ABBREV_GATE[level].search(text)) == any(g in text for g in plain)


def test_coordinated_modifier_shares_the_head_noun() -> None:
    """"statistical and machine learning models": statistical models too; not a verb."""
    matcher = skills.default_matcher()
    text = "Build statistical and machine learning models."
    got = [c for c in (matcher.coordinated(text, m) for m in matcher.find(text)) if c]
    assert [(c.name, c.surface) for c in got] == [("statistical modeling", "statistical")]
    text = "Improve training and deploying machine learning models."
    assert not [c for c in (matcher.coordinated(text, m) for m in matcher.find(text)) if c]
