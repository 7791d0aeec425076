"""Features of a posting for the archetype classifier, shared by training and run time.

Words and two-word phrases of the title (prefix ``t:``; every neighbouring
pair) and of the description (prefix ``d:``; only the pairs in ``PHRASES``,
which the cue and facet rules look up: free description bigrams cost a third
of the time and did not help), each block weighted by sublinear TF-IDF and
L2-normalised (the title block counts ``TITLE_WEIGHT`` times: titles are
strong evidence); plus engineered features (``f:``): skill-category counts
from the extractor, research/PhD/analytics/big-data/... cue counts and their
density per description word, the normalised title (role head noun x
qualifier, seniority words dropped, only the role segments of a composite
"Company | Role | Place" title) and each title head crossed with each cue
density. ``locate`` finds where a description feature occurs, so the
classifier can show evidence with offsets.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain, compress, filterfalse, pairwise, repeat
from operator import ge

from mljobs.enrich.facets import SPECIALISATION_TERMS
from mljobs.enrich.lowered import lower

_WORD_RE = re.compile(r"[a-z][a-z0-9+#]*(?:[.'/-][a-z0-9]+)*")
_STOP = frozenset(
    ["a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "with", "at", "by", "from", "as", "is", "are", "be", "be", "will", "you", "your", "we", "our", "us", "it", "its", "this", "that", "these", "those", "who", "what", "which", "their", "they", "them", "has", "have", "had", "not", "but", "if", "into", "about", "can", "all", "any", "more", "most", "other", "such", "than", "then", "there", "so", "do", "does",
     "you'll", "you're", "you've", "you'd", "we're", "we've", "we'll", "we'd", "it's", "i'm",
     "don't", "they're"]
)
TITLE_WEIGHT = 1.5
# Cue features: how often a family of words/bigrams occurs (dict lookups, no regex).
CUE_TERMS: dict[str, tuple[str, ...]] = {
    "publish": ("publish", "publications", "publication", "published", "neurips", "icml", "iclr",
                "acl", "cvpr", "emnlp", "peer reviewed", "top tier", "conferences"),
    "novel": ("novel", "state-of-the-art", "cutting edge", "research agenda", "fundamental research",
              "new methods", "breakthrough"),
    "phd": ("phd", "ph.d", "doctorate", "doctoral"),
    "papers": ("papers", "literature", "research papers", "implement papers"),
    "insight": ("insights", "insight", "dashboards", "dashboard", "stakeholders", "stakeholder",
                "reporting", "kpis", "kpi", "bi", "a/b", "business decisions", "tableau", "excel",
                "reports", "metrics"),
    "model_build": ("predictive models", "predictive modeling", "predictive modelling",
                    "build models", "develop models", "train models", "end-to-end", "end end",
                    "models", "model", "algorithms", "prototype", "prototyping"),
    "pipeline": ("pipelines", "pipeline", "etl", "spark", "kafka", "hadoop", "airflow", "petabytes",
                 "data platform", "feature store", "feature stores", "mlops", "infrastructure"),
    "ml": ("machine learning", "ml", "deep learning", "ai", "llm", "llms", "neural", "models"),
    "product": ("frontend", "front-end", "backend", "back-end", "full-stack", "fullstack", "react",
                "typescript", "product", "web", "mobile", "ios", "android", "api", "apis"),
    "stats": ("statistics", "statistical", "regression", "hypothesis", "a/b", "experiments",
              "experimentation", "causal", "inference", "econometrics", "forecasting", "r", "sas",
              "spss", "stata"),
    "bigdata": ("spark", "kafka", "hadoop", "hbase", "hive", "flink", "petabytes", "terabytes",
                "feature store", "airflow", "databricks", "snowflake", "beam", "mlops", "kubeflow",
                "mlflow", "streaming", "distributed"),
    "ai_product": ("ai", "ml", "machine learning", "llm", "llms", "agents", "agentic", "ai-native",
                   "ai-powered", "genai", "generative", "models"),
}
# The same terms as description feature keys, built once; and for each key, the cue families
# (by position in ``CUE_TERMS``) that list it, once per listing.
_CUE_KEYS: dict[str, tuple[str, ...]] = {name: tuple("d:" + t for t in terms)
                                         for name, terms in CUE_TERMS.items()}
_CUE_NAMES = tuple(CUE_TERMS)
_CUE_OF: dict[str, tuple[int, ...]] = {}
for _i, _keys in enumerate(_CUE_KEYS.values()):
    for _key in _keys:
        _CUE_OF[_key] = (*_CUE_OF.get(_key, ()), _i)
_CUE_SET = frozenset(_CUE_OF)


SENIORITY = frozenset(["senior", "sr", "sr.", "junior", "jr", "jr.", "staff", "principal", "lead",
                       "intern", "internship", "associate", "i", "ii", "iii", "iv", "head", "chief",
                       "entry", "level", "mid", "experienced", "distinguished"])
_TITLE_DROP = _STOP | SENIORITY
_DENSITY_CUES = frozenset(["ml", "model_build", "insight", "pipeline", "product", "publish", "stats",
                           "bigdata", "ai_product"])
# Role head nouns and qualifiers of a title (checked as words of the lower-cased title).
# (a role noun's plural too: "ML Engineers", "Founding Engineers" and "Data Scientists" name
# an engineer's and a scientist's roles; about 8% of the corpus titles hold one)
TITLE_HEADS: dict[str, tuple[str, ...]] = {
    "engineer": ("engineer", "engineers", "engineering", "developer", "developers", "programmer",
                 "programmers", "swe", "swes", "architect", "architects"),
    "scientist": ("scientist", "scientists", "science"),
    "analyst": ("analyst", "analysts", "analytics", "analysis"),
    "researcher": ("researcher", "researchers", "research"),
    "manager": ("manager", "managers", "director", "directors", "vp", "president", "officer",
                "officers"),
    "other": ("sales", "account", "recruiter", "recruiters", "marketing", "instructor",
              "instructors", "teacher", "teachers", "consultant", "consultants", "specialist",
              "specialists", "representative", "representatives", "executive", "executives",
              "designer", "designers", "writer", "writers", "technician", "technicians"),
}
TITLE_QUALS: dict[str, tuple[str, ...]] = {
    "ml": ("ml", "machine learning", "ai", "deep learning", "mlops", "nlp", "vision", "llm",
           "perception", "recommendation", "recommender", "ranking", "personalization"),
    "data": ("data", "big data"),
    "research": ("research", "applied", "scientist", "scientists"),
    "platform": ("platform", "infrastructure", "pipeline", "pipelines", "etl", "cloud", "devops"),
    "product": ("backend", "back-end", "frontend", "front-end", "full-stack", "fullstack", "full stack",
                "mobile", "ios", "android", "web", "software", "product"),
    "bi": ("business intelligence", "bi", "reporting", "insights", "analytics", "quantitative"),
    "nonml": ("biology", "chemistry", "clinical", "pharma", "manufacturing", "process", "hardware",
              "electrical", "mechanical", "sales", "account", "security", "physics"),
}

_HEAD_KEYS = {head: tuple("t:" + t for t in terms) for head, terms in TITLE_HEADS.items()}
_QUAL_KEYS = {qual: tuple("t:" + t for t in terms) for qual, terms in TITLE_QUALS.items()}

_ROLE_WORDS = frozenset(t for terms in (*TITLE_HEADS.values(), *TITLE_QUALS.values()) for t in terms)
_HEAD_WORDS = frozenset(t for terms in TITLE_HEADS.values() for t in terms)
# The separators of a composite title: a dash ("--", en or em dash) between whitespace, or a
# pipe with the whitespace around it; i.e. ``\s+(?:--|–|—)\s+|\s*\|\s*``, written to start
# with one character class (whitespace or pipe) so that the search skips to those characters
# instead of trying the pattern at every position: after a pipe, the whitespace that
# follows; after whitespace, the rest of the run, then a dash and whitespace, or a pipe (a
# shorter run is followed by whitespace, which neither a dash nor a pipe is). Same matches.
# Not ``roles.DASHES``: a spaced hyphen ("Senior ML Engineer - Platform") parts no segment
# here; the model was trained on titles split this way (parting there changes what it reads).
_TITLE_SEP = re.compile(r"[\s|](?:(?<=\|)\s*|(?<=\s)\s*(?:(?:--|–|—)\s+|\|\s*))")


def role_title(title: str, company: str = "") -> str:
    """The parts of a composite title that name the role.

    Hacker News headers read "Company | Role | Location | Full-time | URL";
    the company, place and terms would only add noise to the title features.
    Keeps the ``|``/dash-separated segments that contain a role head noun or
    qualifier (see ``TITLE_HEADS``/``TITLE_QUALS``) and are not links; the
    posting's ``company`` (its record's field, "" for none) is no role segment
    when its name holds a qualifier but no head noun ("Beacon AI", "Redpanda
    Data": not the title's "ai" and "data"). A piped header without such
    segments gives the roles the HN header reader finds in it ("Acme | Technical
    Operations Lead | Miami, FL | $90-150K": the role, not the place and pay);
    any other title without them is returned whole. A title without separators
    that is a hiring sentence naming the role and then the company ("We're
    hiring for a Founding GTM Lead at Skyfall AI.") gives the role.
    """
    if "|" not in title and "--" not in title and "\u2013" not in title and "\u2014" not in title:
        if "iring" in title or "IRING" in title:  # (a hiring sentence as a post's first line)
            # its role, as the HN header reader reads it ("Skyfall AI", the company's words,
            # names no role); else the title whole
            from mljobs.sources.hn_format import hiring_sentence_role  # (only for such a title)

            return hiring_sentence_role(title) or title
        return title  # no separator, one segment (most titles)
    segments = [s for s in _title_segments(title) if s.strip()]
    if len(segments) < 2:
        return title
    keep = []
    firm = _bare_name(company)
    for seg in segments:
        if "http" in seg or "www." in seg:
            continue
        words = _WORD_RE.findall(seg.lower())
        pairs = list(map(" ".join, pairwise(words)))
        if not (_ROLE_WORDS.isdisjoint(words) and _ROLE_WORDS.isdisjoint(pairs)):
            if firm and _bare_name(seg) == firm \
                    and _HEAD_WORDS.isdisjoint(words) and _HEAD_WORDS.isdisjoint(pairs):
                continue  # (the company's name, not a role)
            keep.append(seg)
    if keep:
        return " | ".join(keep)
    if "|" in title:
        from mljobs.sources.hn_format import (  # (only for such a header)
            ROLE_WORD_ANYWHERE,
            parse_header,
        )

        if ROLE_WORD_ANYWHERE.search(title) is None:
            return title  # (no segment can be a role: the header reader would find none)
        roles = parse_header(title)["roles"]
        if roles:
            return " | ".join(roles)
    return title


_BRACKETED = re.compile(r"\([^()]*\)")


def _bare_name(name: str) -> str:
    """A company's name or a title's segment as the two are compared: lower case, without a
    note in brackets at its end ("Careforce AI (previously Helpcare)", "Beacon AI (YC S23)":
    the store's company, ``hn_format``'s, is read without it, a corpus row's with it)."""
    name = name.strip().lower()
    at = name.rfind("(") if name.endswith(")") else -1
    return name[:at].rstrip() if at > 0 and ")" not in name[at:-1] else name


def _title_segments(title: str) -> list[str]:
    """``title`` split at its separators (``_TITLE_SEP``), but not at one inside brackets: a
    qualifier's dash ("Senior Software Engineer (Search – Ranking & Recommendations)") is
    part of its segment."""
    if "(" not in title:
        return _TITLE_SEP.split(title)
    inside = [m.span() for m in _BRACKETED.finditer(title)]  # (in order, none overlapping)
    out, start, k = [], 0, 0
    for m in _TITLE_SEP.finditer(title):
        while k < len(inside) and inside[k][1] <= m.start():  # (the brackets before it: passed
            k += 1  # once, not looked through for every separator)
        if not (k < len(inside) and inside[k][0] < m.start()):
            out.append(title[start:m.start()])
            start = m.end()
    out.append(title[start:])
    return out


def _two_word(terms: Iterable[str]) -> set[str]:
    return {t for t in terms if t.count(" ") == 1}


# Words of ML work, counted by the ML-share rule (``ml_share``).
ML_TERMS = ("machine learning", "ml", "deep learning", "ai", "llm", "llms", "data science",
            "statistics", "statistical", "predictive", "models", "modeling", "modelling", "neural",
            "nlp", "computer vision")
# The two-word phrases counted in a description (every other pair of words is not): those the
# cue families, the specialisation rules (``facets``) and the ML-share rule (``ml_share``) look
# up, derived from their term lists.
PHRASES: frozenset[str] = frozenset(
    _two_word(t for terms in CUE_TERMS.values() for t in terms)
    | _two_word(t for terms in SPECIALISATION_TERMS.values() for t in terms)
    | _two_word(ML_TERMS)
)
_PHRASE_FIRSTS = frozenset(p.split(" ")[0] for p in PHRASES)


@dataclass
class Featurized:
    """Raw feature counts of one posting (and its text, to locate evidence)."""

    title_counts: dict[str, int] = field(default_factory=dict)
    text_counts: dict[str, int] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)
    text: str = ""
    n_words: int = 0


def count_terms(counts: Mapping[str, int], terms: Iterable[str], prefix: str = "d:") -> int:
    """How many times any of ``terms`` (lower-case words or two-word phrases) occurs."""
    return sum(counts.get(prefix + t, 0) for t in terms)


# Tokenising: every byte that cannot be part of a word becomes a space (one C pass over the
# ASCII-encoded text; other characters become "?" and so spaces), then the text is split and
# each token loses leading/trailing joiners. A word starts with a letter ("c++", "a/b",
# "node.js", "state-of-the-art" stay whole).
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789+#.'/-"
_TOKEN_TABLE = bytes(c if chr(c) in _WORD_CHARS else 32 for c in range(256))
_JOINERS = ".'/-"


def words(text: str, drop: frozenset[str] = _STOP, *, shared: bool = True) -> list[str]:
    """The lower-cased words of ``text``, ``drop`` words removed.

    With ``shared``, lower-cases through ``lowered.lower``, so a description
    lowered by the steps before (sections, skills) is not lowered again (a
    title passes ``shared=False`` to leave that one-entry memo alone).
    """
    low = (lower(text) if shared else text.lower()).replace("\u2019", "'")  # you’ve = you've
    raw = low.encode("ascii", "replace").translate(_TOKEN_TABLE).decode("ascii").split()
    # Every token loses its leading/trailing joiners (``strip`` gives the token itself when
    # it has none), ``drop`` words go, and what is left is kept when it starts with a
    # letter: when it sorts at or after "a", as every other word character sorts before the
    # letters (and "" before "a"). Each step maps over the tokens in C; the two filters
    # commute, and the set lookup first leaves the comparison a third fewer tokens.
    kept = list(filterfalse(drop.__contains__, map(str.strip, raw, repeat(_JOINERS))))
    return list(compress(kept, map(ge, kept, repeat("a"))))


def _grams(text: str, prefix: str, drop: frozenset[str] = _STOP,
           phrases: frozenset[str] | None = None, *, shared: bool = True) -> tuple[dict[str, int], int]:
    """Word and two-word counts of ``text`` (``drop`` words removed first), keys prefixed, and
    the number of words kept. With ``phrases``, only those two-word phrases are counted."""
    ws = words(text, drop, shared=shared)
    if not ws:
        return Counter(), 0
    # The words' keys: the words joined with the prefix in between, and split again (one
    # join and one split in C, instead of one concatenation per word; no word holds a space).
    keys = (prefix + (" " + prefix).join(ws)).split(" ")
    if phrases is None:
        # The words, then "d:a" + " " + "b" for each neighbouring pair (joined in C; no word
        # holds a space, so a pair's key is never a word's), counted in one pass.
        return Counter(chain(keys, map(" ".join, zip(keys, ws[1:])))), len(ws)
    counts = Counter(keys)
    if phrases:
        # (the positions of the words that start a phrase and have a word after them, in C)
        for i in compress(range(len(ws) - 1), map(_PHRASE_FIRSTS.__contains__, ws)):
            key = ws[i] + " " + ws[i + 1]
            if key in phrases:
                counts[prefix + key] += 1
    return counts, len(ws)


# A word as ``_WORD_RE`` finds it: not followed by one of ``[a-z0-9+#]`` and not preceded by a
# letter or digit.
_AFTER_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789+#")


def _word_at(low: str, word: str, start: int = 0) -> int:
    """Index of the first whole-word occurrence of ``word`` in ``low`` at or after ``start``."""
    end = len(word)
    i = low.find(word, start)
    while i >= 0:
        if low[i + end:i + end + 1] not in _AFTER_WORD and (not i or not low[i - 1].isalnum()):
            return i
        i = low.find(word, i + 1)
    return -1


def locate(low: str, feature: str) -> tuple[int, int] | None:
    """Offsets of the first occurrence of a ``d:`` word/bigram feature in lower-cased text
    ``low``, matching words as ``_grams`` counts them (whole words, stop words skipped inside
    a bigram); None when absent."""
    if " " not in feature:  # a word (most features): no second word to check
        i = _word_at(low, feature[2:])
        return None if i < 0 else (i, i + len(feature) - 2)
    words = feature[2:].split(" ")
    i = _word_at(low, words[0])
    while i >= 0:
        if len(words) == 1:
            return i, i + len(words[0])
        for m in _WORD_RE.finditer(low, i + len(words[0])):
            if m.group() in _STOP:
                continue
            if m.group() == words[1]:
                return i, m.end()
            break
        i = _word_at(low, words[0], i + 1)
    return None


def featurize(title: str, text: str, skill_categories: Iterable[str] = (),
              company: str = "") -> Featurized:
    """Count the title/description n-grams and compute the engineered features (``company``:
    the posting's company name, which ``role_title`` leaves out of a composite title)."""
    title_counts, _ = _grams(role_title(title, company), "t:", _TITLE_DROP, shared=False)
    text_counts, n_words = _grams(text, "d:", phrases=PHRASES)
    out = Featurized(title_counts=title_counts, text_counts=text_counts, text=text, n_words=n_words)
    extra = out.extra
    for cat, n in Counter(skill_categories).items():
        extra["f:cat:" + cat] = math.log1p(n) / 3.0
    words = out.n_words or 1
    density: dict[str, float] = {}
    family = [0] * len(_CUE_NAMES)
    # The few cue terms the text has: a dict's keys view and a frozenset intersect by
    # looking each cue term up in the posting's own (small, just built) dict, instead of
    # each of the posting's keys in the cue set.
    for key in text_counts.keys() & _CUE_SET:
        n = text_counts[key]
        for i in _CUE_OF[key]:
            family[i] += n
    for name, n, (cue_key, dens_key) in zip(_CUE_NAMES, family, _CUE_FEATURES):
        if n:
            extra[cue_key] = math.log1p(n) / 3.0
            if dens_key:  # share of the description: ML posting vs one mention
                density[name] = extra[dens_key] = min(1.0, 20.0 * n / words)
    extra["f:len"] = math.log1p(len(text)) / 10.0
    _title_features(out, density)
    return out


def _title_features(out: Featurized, density: Mapping[str, float]) -> None:
    """The title's role head nouns and qualifiers, each head-qualifier pair, and each head
    crossed with the description's cue densities.

    A title like "Senior ML Platform Engineer" gives ``f:th:engineer``,
    ``f:tq:ml``, ``f:tq:platform``, ``f:thq:engineer:ml`` and
    ``f:thq:engineer:platform``: the normalised role whatever the wording
    around it (seniority words are already dropped from the title grams).
    The crosses (``f:x:engineer:bigdata`` = the density of big-data terms when
    the title is an engineer's) let a linear model weigh the same words
    differently by role: Spark in a data engineer's duties, statistics in an
    analyst's, an AI product around a software engineer.
    """
    tc = out.title_counts.keys()
    heads = [h for h, keys in _HEAD_KEYS.items() if not tc.isdisjoint(keys)] or ["none"]
    quals = [q for q, keys in _QUAL_KEYS.items() if not tc.isdisjoint(keys)]
    extra = out.extra
    for q in quals:
        extra[_TQ[q]] = 0.5
    for h in heads:
        extra[_TH[h]] = 0.5
        pairs = _THQ[h]
        for q in quals or ["none"]:
            extra[pairs[q]] = 0.5
        crosses = _X[h]
        for cue, value in density.items():
            extra[crosses[cue]] = value


# The names of each cue family's features, built once: its count, and its density ("" for a
# family without one).
_CUE_FEATURES = tuple(("f:cue:" + name, "f:dens:" + name if name in _DENSITY_CUES else "")
                      for name in _CUE_NAMES)
# The names of the title features, built once.
_TQ = {q: "f:tq:" + q for q in TITLE_QUALS}
_TH = {h: "f:th:" + h for h in (*TITLE_HEADS, "none")}
_THQ = {h: {q: f"f:thq:{h}:{q}" for q in (*TITLE_QUALS, "none")} for h in _TH}
_X = {h: {cue: f"f:x:{h}:{cue}" for cue in _DENSITY_CUES} for h in _TH}


def _block(counts: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    vec = {k: (idf[k] if c == 1 else (1.0 + math.log(c)) * idf[k])
           for k, c in counts.items() if k in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}


def vectorize(feats: Featurized, idf: Mapping[str, float]) -> dict[str, float]:
    """The weighted feature vector (feature name -> value) of one posting."""
    vec = {k: v * TITLE_WEIGHT for k, v in _block(feats.title_counts, idf).items()}
    vec.update(_block(feats.text_counts, idf))
    vec.update(feats.extra)
    return vec
