"""Facets of a posting read with rules: seniority, years, degree, PhD, remote, visa,
specialisation and company stage (conventions of ``eval/LABELS.md``).

Each function is pure and takes the text it needs; none of them guesses from
weak evidence: when a posting does not say, the answer is ``unknown`` /
``none-stated`` / ``None``.
"""

from __future__ import annotations

import re

from mljobs.enrich.sections import SectionMap

_I = re.IGNORECASE

# --- seniority: from the title, or explicit wording in the text -------------------
_SENIORITY_TITLE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("intern", re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bsummer student", _I)),
    ("manager", re.compile(
        r"\b(?:manager|head of|director|vp|vice president|chief|cto|cdo|cso)\b", _I)),
    ("staff-plus", re.compile(r"\b(?:staff|principal|distinguished|lead|fellow|architect)\b", _I)),
    ("senior", re.compile(r"\b(?:senior|sr\.?|iii|iv)\b", _I)),
    ("junior", re.compile(
        r"\b(?:junior|jr\.?|entry[\s-]level|new grad(?:uate)?s?|graduate|associate|i)\b(?!/)",
        _I)),
    ("mid", re.compile(r"\b(?:mid[\s-]?level|mid[\s-]senior|intermediate|ii)\b", _I)),
)
_SENIORITY_TEXT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("intern", re.compile(r"\b(?:this|our|an?) (?:paid |summer )?internship\b", _I)),
    ("junior", re.compile(r"\b(?:entry[\s-]level (?:role|position)|new grads? (?:are )?welcome)", _I)),
    ("senior", re.compile(r"\b(?:this is a|looking for an?|hiring an?) senior\b", _I)),
    ("staff-plus", re.compile(r"\b(?:looking for|hiring) an? (?:staff|principal|lead)\b", _I)),
)


def seniority(title: str, text: str) -> str:
    """Seniority from the title first, then explicit wording; else ``unknown``.

    ``I``/``II``/``III`` count only in a title; a title like "Senior Manager"
    is ``manager``, "Lead" is ``staff-plus``.
    """
    for level, pattern in _SENIORITY_TITLE:
        if level in ("junior", "mid") and re.search(r"\bI{1,2}\b", title):
            if re.search(r"\bII\b", title):
                return "mid"
            if re.search(r"\bI\b", title):
                return "junior"
        if pattern.search(title):
            if level == "junior" and re.search(r"\bi\b", title, _I) and not re.search(r"\bI\b", title):
                continue
            return level
    for level, pattern in _SENIORITY_TEXT:
        if pattern.search(text[:3000]):
            return level
    return "unknown"


# --- years of experience ------------------------------------------------------------
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}
_NUM = r"(\d{1,2}|" + "|".join(_NUM_WORDS) + r")"
_YEARS_RE = re.compile(
    rf"(?<![\d.$])(?:{_NUM}\s*(?:\+|plus)?\s*(?:-|–|to|or)\s*)?{_NUM}\s*\+?\s*(?:\(\d+\)\s*)?"
    r"(?:\+\s*)?(?:full[\s-]time\s+|professional\s+|relevant\s+|industry\s+|hands[\s-]on\s+)?"
    r"(?:years?|yrs?)\b(?:'|’)?",
    _I,
)
_EXPERIENCE_NEAR = re.compile(r"experience|exp\b|background|working|industry|track record", _I)
_NOT_EXPERIENCE = re.compile(
    r"\b(?:old|ago|company|founded|history|in business|of age|warranty|anniversary|"
    r"growth|funding|runway|vesting|cliff|contract)\b",
    _I,
)
_ZERO_YEARS = re.compile(r"\bnew grads?\b|\brecent graduates?\b|\bno (?:prior )?experience (?:required|needed)", _I)


def _num(value: str) -> int:
    return int(value) if value.isdigit() else _NUM_WORDS[value.lower()]


def years_min(text: str) -> int | None:
    """The smallest number of years of experience the posting accepts, or None."""
    found: list[int] = []
    for m in _YEARS_RE.finditer(text):
        after = text[m.end():m.end() + 70]
        before = text[max(0, m.start() - 50):m.start()]
        if not (_EXPERIENCE_NEAR.search(after) or _EXPERIENCE_NEAR.search(before)):
            continue
        if _NOT_EXPERIENCE.search(after[:25]) or re.search(r"\bin the last\s*$|\bwithin\s*$", before):
            continue
        low = _num(m.group(1)) if m.group(1) else _num(m.group(2))
        if 0 <= low <= 25:
            found.append(low)
    if _ZERO_YEARS.search(text):
        found.append(0)
    return min(found) if found else None


# --- degree and PhD -----------------------------------------------------------------
_DEGREE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phd", re.compile(r"\bph\.?\s?d\.?s?\b|\bdoctora(?:te|l)\b|\bdoctor of\b", _I)),
    ("masters", re.compile(
        r"\bmaster'?s?\b(?! data| of (?:business|ceremonies))|\bm\.s\.|\bm\.sc\.?|\bmsc\b|"
        r"\bmba\b|\bm\.eng\b|\bmeng\b|(?<![\w.])MS(?![\w.]| ?(?:Office|Excel|Word|SQL|Access|"
        r"Teams|Azure|Power|Project|Visio|Dynamics|Outlook))|\bgraduate degree\b|"
        r"\badvanced degree\b|\bpost-?graduate\b", _I)),
    ("bachelor", re.compile(
        r"\bbachelor'?s?\b|\bb\.s\.|\bb\.sc\.?|\bbsc\b|(?<![\w.])B\.?[SA](?![\w.])|\bb\.a\.|"
        r"\bundergraduate degree\b|\bcollege degree\b|\b(?:4|four)[\s-]year degree\b|"
        r"\buniversity degree\b|\bdegree in\b|\bdegree (?:required|preferred)\b|"
        r"\b(?:relevant|technical|quantitative|stem) degree\b|\bbs/ms\b|\bbs\b(?= or| in|/|,)", _I)),
)
_DEGREE_ORDER = {"bachelor": 1, "masters": 2, "phd": 3}


def _degree_mentions(text: str, smap: SectionMap) -> list[tuple[str, int, bool]]:
    out = []
    for level, pattern in _DEGREE_RES:
        for m in pattern.finditer(text):
            if level == "masters" and m.group().strip() == "MS" and not _near_degree(text, m.start()):
                continue
            if level == "bachelor" and m.group().strip() in ("BA", "BS", "B.A", "B.S") and not _near_degree(text, m.start()):
                continue
            out.append((level, m.start(), smap.is_nice(m.start())))
    return out


def _near_degree(text: str, pos: int) -> bool:
    window = text[max(0, pos - 60):pos + 60]
    return bool(re.search(r"degree|ph\.?d|master|bachelor|\bB\.?S\b|\bM\.?S\b|computer science|"
                          r"statistics|engineering|mathematics|physics|field", window, _I))


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


_MS_OR_PHD = re.compile(
    r"(?:\bm\.?s\.?c?|master'?s?(?: degree)?)\s*(?:/|or|and/or|,)\s*(?:a\s+)?ph\.?\s?d|"
    r"ph\.?\s?d\.?\s*(?:/|or|,)\s*(?:\bm\.?s\.?c?\b|master)",
    _I,
)
_BS_NEAR = re.compile(r"\bb\.?s\.?c?\b|bachelor|\bb\.?a\.?\b|undergraduate", _I)


def _phd_preferred_here(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    local = text[max(line_start, pos - 40):pos + 40]
    if re.search(r"ph\.?\s?d[^.\n]{0,40}\b(?:preferred|a plus|plus|desired|desirable|"
                 r"bonus|advantage|nice)\b", text[pos:pos + 80], _I):
        return True
    if _MS_OR_PHD.search(local) and not _BS_NEAR.search(line):
        return True
    return bool(re.search(r"ph\.?\s?d\.?[^.\n]{0,20}\bor\b[^.\n]{0,40}\d+\+?\s*years", line, _I))


# --- remote ----------------------------------------------------------------------------
_REMOTE_OK = re.compile(
    r"\b(?:fully[\s-]remote|100% remote|remote[\s-](?:first|friendly|ok|okay|only|possible|"
    r"allowed|option|work|position|role|eligible)|remote\s*(?:\(|,|\||/|$|within|in the|"
    r"anywhere|us|usa|eu|europe|or)|work from (?:home|anywhere)|wfh|distributed team|"
    r"(?:or|/|\|)\s*remote\b|open to remote|can be remote|is remote|are remote)",
    _I | re.MULTILINE,
)
_REMOTE_NO = re.compile(r"\b(?:no remote|not remote|non[\s-]remote|remote (?:is )?not "
                        r"(?:possible|available|an option)|not a remote)\b", _I)
_REMOTE_FALSE = re.compile(r"remote (?:sensing|monitoring|access|patient|control|desktop|"
                           r"server|support team|locations? of)", _I)
_HYBRID = re.compile(r"\bhybrid\b(?! (?:cloud|model(?:s|ling|ing)?\b(?! of work)|"
                     r"search|approach|architecture|apps?|mobile|vehicle|systems?))|"
                     r"\b\d (?:days?|x) (?:a|per) week (?:in|at) (?:the )?office|"
                     r"\bpartially remote|\bpart[\s-]remote", _I)
_ONSITE = re.compile(r"\bon[\s-]?site\b|\bin[\s-](?:the[\s-])?office\b|\bin[\s-]person\b|"
                     r"\bon[\s-]campus\b|\bmust (?:be willing to )?relocate|\brelocation (?:is )?required|"
                     r"\b(?:work|working|based) (?:from|in|at) (?:our|the) (?:office|lab|hq|headquarters)|"
                     r"\blab(?:oratory)? work|\bwet lab\b|\bin our lab\b", _I)


def remote(title: str, text: str) -> str:
    """remote / hybrid / onsite / unknown, onsite only with explicit evidence."""
    hay = title + "\n" + text
    clean = _REMOTE_FALSE.sub(" ", hay)
    if _REMOTE_NO.search(clean):
        return "hybrid" if _HYBRID.search(clean) else "onsite"
    if _REMOTE_OK.search(clean) or re.search(r"\bremote\b", title, _I):
        return "remote"
    if _HYBRID.search(clean):
        return "hybrid"
    if _ONSITE.search(clean):
        return "onsite"
    return "unknown"


# --- visa ------------------------------------------------------------------------------
_VISA_NO = re.compile(
    r"(?:no|not|unable to|cannot|can't|can not|do not|don't|won't|will not|without|"
    r"not able to|isn't|is not)\s+(?:\w+\s+){0,4}?(?:visa|sponsor(?:ship)?|h-?1b)|"
    r"(?:visa|sponsorship)[^.\n]{0,30}\b(?:not (?:available|offered|provided|possible)|"
    r"unavailable)|must (?:be|have) (?:\w+\s+){0,4}(?:authori[sz]ed|eligible|right) to work|"
    r"(?:us|u\.s\.) citizen(?:ship)? (?:is )?required|security clearance",
    _I,
)
_VISA_YES = re.compile(
    r"\bvisa(?:s)?\b(?! card)|sponsor(?:ship|s)? (?:\w+\s+){0,2}visas?|h-?1b|relocation and visa|"
    r"will sponsor|can sponsor|we sponsor|sponsorship (?:is )?(?:available|offered|provided)",
    _I,
)


def visa(text: str) -> str:
    """``offered`` / ``not-offered`` / ``unknown`` visa sponsorship."""
    if _VISA_NO.search(text):
        return "not-offered"
    if _VISA_YES.search(text):
        return "offered"
    return "unknown"


# --- specialisation ----------------------------------------------------------------------
_SPECIALISATIONS: dict[str, re.Pattern[str]] = {
    "llm-genai": re.compile(
        r"\bLLMs?\b|large language models?|generative ai|\bgen ?ai\b|\bRAG\b|retrieval[\s-]augmented|"
        r"prompt engineering|\bgpt(?:-\d)?\b|foundation models?|\bagentic\b|ai agents?|"
        r"\bllama\b|fine[\s-]tun\w+ (?:llms?|language models)|langchain|diffusion models?|"
        r"\bchatbots?\b|openai|anthropic|claude", _I),
    "nlp": re.compile(r"\bnlp\b|natural language|text mining|text analytics|\bner\b|"
                      r"named entity|machine translation|topic model\w*|sentiment analysis|"
                      r"computational linguistics|language understanding|\bnlu\b", _I),
    "computer-vision": re.compile(r"computer vision|\bcv\b(?= |/|,)|image (?:processing|recognition|"
                                  r"classification|segmentation)|object detection|video "
                                  r"(?:understanding|analytics)|\bvision\b|\blidar\b|\bopencv\b", _I),
    "speech": re.compile(r"\bspeech\b|\basr\b|text[\s-]to[\s-]speech|\btts\b|voice recognition|"
                         r"speaker (?:recognition|diarization)|\baudio\b", _I),
    "recsys": re.compile(r"recommend(?:er|ation)s?\b(?! letter)|collaborative filtering|"
                         r"personali[sz]ation", _I),
    "time-series": re.compile(r"time[\s-]series|forecasting|\bforecasts?\b|anomaly detection", _I),
    "rl": re.compile(r"reinforcement learning|\brl\b|\brlhf\b|multi-armed bandits?|\bbandits?\b", _I),
    "search-ir": re.compile(r"information retrieval|search (?:relevance|ranking|quality|engine)|"
                            r"learning[\s-]to[\s-]rank|\branking\b|semantic search|vector search|"
                            r"\brelevance\b|\bretrieval\b", _I),
    "tabular": re.compile(r"\btabular\b|gradient[\s-]boost\w*|\bxgboost\b|\blightgbm\b|"
                          r"\bcatboost\b|credit (?:risk|scoring)|fraud detection|churn", _I),
}


def specialisations(title: str, text: str, *, ml_role: bool) -> list[str]:
    """The specialisations that stand out: a title hit, or repeated mentions in the text."""
    if not ml_role:
        return []
    out: list[tuple[int, str]] = []
    for name, pattern in _SPECIALISATIONS.items():
        in_title = bool(pattern.search(title))
        count = len(pattern.findall(text))
        if in_title or count >= 3:
            out.append((-(count + 10 * in_title), name))
    return [name for _, name in sorted(out)[:3]]


# --- company stage -----------------------------------------------------------------------
_STARTUP = re.compile(
    r"\b(?:seed|pre-seed|series [a-c]\b|yc [swfx]?\d{2}|\(yc|y combinator|\byc\b|startup|"
    r"start-up|early[\s-]stage|founding (?:engineer|team|member)|\d{1,2}[\s-]person (?:team|company)|"
    r"team of \d{1,2}\b|small team|venture[\s-]backed|vc[\s-]backed)", _I)
_LARGE = re.compile(r"fortune (?:500|100|1000)|\b\d{1,3},?\d{3}\+? employees|"
                    r"(?:one of the|the) (?:world'?s )?largest|global leader|publicly traded|"
                    r"\bnyse\b|\bnasdaq\b", _I)


def company_stage(text: str, company_size: str | None) -> str:
    """startup / mid-size / large / unknown: explicit text first, then ``company_size``."""
    if _STARTUP.search(text):
        return "startup"
    if _LARGE.search(text):
        return "large"
    return _stage_from_size(company_size)


def _stage_from_size(size: str | None) -> str:
    if not size:
        return "unknown"
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", size)]
    if not numbers:
        return "unknown"
    low = numbers[0]
    if low >= 1001 or "+" in size and low >= 1000:
        return "large"
    if low >= 51:
        return "mid-size"
    return "startup"
