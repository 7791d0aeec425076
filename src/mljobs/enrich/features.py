"""Features of a posting for the archetype classifier, shared by training and run time.

Word unigrams and bigrams of the title (prefix ``t:``) and of the description
(prefix ``d:``), each block weighted by sublinear TF-IDF and L2-normalised
(the title block counts ``TITLE_WEIGHT`` times: titles are strong evidence);
plus engineered features (``f:``): skill-category counts from the extractor,
research/PhD/analytics cue counts and their density per description word, and
the normalised title (role head noun x qualifier, seniority words dropped). ``first_positions`` finds
where description features occur, so the classifier can show evidence with offsets.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_WORD_RE = re.compile(r"[a-z][a-z0-9+#]*(?:[.'/-][a-z0-9]+)*")
_STOP = frozenset(
    ["a", "an", "the", "and", "or", "of", "to", "in", "for", "on", "with", "at", "by", "from", "as", "is", "are", "be", "be", "will", "you", "your", "we", "our", "us", "it", "its", "this", "that", "these", "those", "who", "what", "which", "their", "they", "them", "has", "have", "had", "not", "but", "if", "into", "about", "can", "all", "any", "more", "most", "other", "such", "than", "then", "there", "so", "do", "does"]
)
TITLE_WEIGHT = 2.5
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
}


SENIORITY = frozenset(["senior", "sr", "sr.", "junior", "jr", "jr.", "staff", "principal", "lead",
                       "intern", "internship", "associate", "i", "ii", "iii", "iv", "head", "chief",
                       "entry", "level", "mid", "experienced", "distinguished"])
_TITLE_DROP = _STOP | SENIORITY
_DENSITY_CUES = frozenset(["ml", "model_build", "insight", "pipeline", "product", "publish"])
# Role head nouns and qualifiers of a title (checked as words of the lower-cased title).
TITLE_HEADS: dict[str, tuple[str, ...]] = {
    "engineer": ("engineer", "engineering", "developer", "programmer", "swe", "architect"),
    "scientist": ("scientist", "science"),
    "analyst": ("analyst", "analytics", "analysis"),
    "researcher": ("researcher", "research"),
    "manager": ("manager", "director", "vp", "president", "officer"),
    "other": ("sales", "account", "recruiter", "marketing", "instructor", "teacher", "consultant",
              "specialist", "representative", "executive", "designer", "writer", "technician"),
}
TITLE_QUALS: dict[str, tuple[str, ...]] = {
    "ml": ("ml", "machine learning", "ai", "deep learning", "mlops", "nlp", "vision", "llm",
           "perception", "recommendation", "recommender", "ranking", "personalization"),
    "data": ("data", "big data"),
    "research": ("research", "applied", "scientist"),
    "platform": ("platform", "infrastructure", "pipeline", "pipelines", "etl", "cloud", "devops"),
    "product": ("backend", "back-end", "frontend", "front-end", "full-stack", "fullstack", "full stack",
                "mobile", "ios", "android", "web", "software", "product"),
    "bi": ("business intelligence", "bi", "reporting", "insights", "analytics", "quantitative"),
    "nonml": ("biology", "chemistry", "clinical", "pharma", "manufacturing", "process", "hardware",
              "electrical", "mechanical", "sales", "account", "security", "physics"),
}


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


def _grams(text: str, prefix: str, drop: frozenset[str] = _STOP) -> tuple[dict[str, int], int]:
    """Unigram and bigram counts of lower-cased ``text`` (``drop`` words removed first), and
    the number of words kept."""
    words = [w for w in _WORD_RE.findall(text.lower()) if w not in drop]
    keys = [prefix + w for w in words]
    keys += [f"{prefix}{a} {b}" for a, b in itertools.pairwise(words)]
    return dict(Counter(keys)), len(words)


def _word_at(low: str, word: str, start: int = 0) -> int:
    """Index of the first whole-word occurrence of ``word`` in ``low`` at or after ``start``."""
    i = low.find(word, start)
    while i >= 0:
        before = low[i - 1] if i else " "
        after = low[i + len(word)] if i + len(word) < len(low) else " "
        if not (before.isalnum() or after.isalnum() or after in "+#"):
            return i
        i = low.find(word, i + 1)
    return -1


def _locate(low: str, feature: str) -> tuple[int, int] | None:
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


def first_positions(text: str, wanted: set[str]) -> dict[str, tuple[int, int]]:
    """Where each wanted ``d:`` word/bigram feature first occurs in ``text`` (for evidence).

    Matches words as ``_grams`` counts them (lower-cased, whole words, stop
    words skipped inside a bigram), so a feature's offsets cover the words it
    was built from.
    """
    low = text.lower()
    if len(low) != len(text):
        return {}
    out = {}
    for feature in wanted:
        pos = _locate(low, feature)
        if pos is not None:
            out[feature] = pos
    return out


def featurize(title: str, text: str, skill_categories: Iterable[str] = ()) -> Featurized:
    """Count the title/description n-grams and compute the engineered features."""
    title_counts, _ = _grams(title, "t:", _TITLE_DROP)
    text_counts, n_words = _grams(text, "d:")
    out = Featurized(title_counts=title_counts, text_counts=text_counts, text=text, n_words=n_words)
    cats: dict[str, int] = {}
    for cat in skill_categories:
        cats[cat] = cats.get(cat, 0) + 1
    for cat, n in cats.items():
        out.extra[f"f:cat:{cat}"] = math.log1p(n) / 3.0
    words = out.n_words or 1
    for name, terms in CUE_TERMS.items():
        n = count_terms(out.text_counts, terms)
        if n:
            out.extra[f"f:cue:{name}"] = math.log1p(n) / 3.0
            if name in _DENSITY_CUES:  # share of the description: ML posting vs one mention
                out.extra[f"f:dens:{name}"] = min(1.0, 20.0 * n / words)
    out.extra["f:len"] = math.log1p(len(text)) / 10.0
    _title_features(out)
    return out


def _title_features(out: Featurized) -> None:
    """The title's role head nouns and qualifiers, and each head-qualifier pair.

    A title like "Senior ML Platform Engineer" gives ``f:th:engineer``,
    ``f:tq:ml``, ``f:tq:platform``, ``f:thq:engineer:ml`` and
    ``f:thq:engineer:platform``: the normalised role whatever the wording
    around it (seniority words are already dropped from the title grams).
    """
    tc = out.title_counts
    heads = [h for h, terms in TITLE_HEADS.items() if count_terms(tc, terms, "t:")] or ["none"]
    quals = [q for q, terms in TITLE_QUALS.items() if count_terms(tc, terms, "t:")]
    for q in quals:
        out.extra[f"f:tq:{q}"] = 0.5
    for h in heads:
        out.extra[f"f:th:{h}"] = 0.5
        for q in quals or ["none"]:
            out.extra[f"f:thq:{h}:{q}"] = 0.5


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
