"""Features of a posting for the archetype classifier, shared by training and run time.

Word unigrams and bigrams of the title (prefix ``t:``) and of the description
(prefix ``d:``), each block weighted by sublinear TF-IDF and L2-normalised;
plus a few engineered features (``f:``) built from the skill categories the
extractor found and from research/PhD/analytics cues. Every description
feature remembers where it first occurs, so the classifier can show evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

_WORD_RE = re.compile(r"[a-z][a-z0-9+#]*(?:[.'][a-z0-9]+)*", re.IGNORECASE)
_STOP = frozenset(
    "a an the and or of to in for on with at by from as is are be be will you your we our "
    "us it its this that these those who what which their they them has have had not but "
    "if into about can all any more most other such than then there so do does".split()
)
TITLE_WEIGHT = 1.6
CUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "publish": re.compile(r"\bpublish\w*|\bpublications?\b|neurips|icml|iclr|\bacl\b|cvpr|"
                          r"emnlp|top[\s-]tier (?:venues|conferences)|peer[\s-]reviewed", re.I),
    "novel": re.compile(r"\bnovel\b|state[\s-]of[\s-]the[\s-]art|cutting[\s-]edge research|"
                        r"research agenda|fundamental research", re.I),
    "phd": re.compile(r"\bph\.?\s?d\b", re.I),
    "papers": re.compile(r"implement\w* (?:\w+ )?papers|from (?:the )?literature|research papers", re.I),
    "insight": re.compile(r"\binsights?\b|dashboards?|stakeholders?|reporting|kpis?\b|\bbi\b|"
                          r"a/b test\w*|business decisions", re.I),
    "model_build": re.compile(r"(?:build|develop|train)\w* (?:\w+ ){0,3}(?:models?|classifiers?|"
                              r"algorithms?)|predictive model\w*|end[\s-]to[\s-]end", re.I),
    "pipeline": re.compile(r"pipelines?|\betl\b|spark|kafka|hadoop|airflow|petabytes?|"
                           r"data platform|feature stores?|mlops", re.I),
    "ml": re.compile(r"machine learning|\bml\b|deep learning|\bai\b|\bllms?\b|neural", re.I),
    "product": re.compile(r"frontend|front-end|backend|back-end|full[\s-]stack|react|"
                          r"typescript|product features?|web app|mobile|ios|android|api", re.I),
}


@dataclass
class Featurized:
    """Raw feature counts of one posting and where description features first occur."""

    title_counts: dict[str, int] = field(default_factory=dict)
    text_counts: dict[str, int] = field(default_factory=dict)
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)


def _grams(text: str, prefix: str, counts: dict[str, int],
           positions: dict[str, tuple[int, int]] | None) -> None:
    prev: tuple[str, int] | None = None
    for m in _WORD_RE.finditer(text):
        word = m.group().lower()
        if word in _STOP:
            prev = None
            continue
        key = prefix + word
        counts[key] = counts.get(key, 0) + 1
        if positions is not None and key not in positions:
            positions[key] = (m.start(), m.end())
        if prev is not None:
            bigram = f"{prefix}{prev[0]} {word}"
            counts[bigram] = counts.get(bigram, 0) + 1
            if positions is not None and bigram not in positions:
                positions[bigram] = (prev[1], m.end())
        prev = (word, m.start())


def featurize(title: str, text: str, skill_categories: Iterable[str] = ()) -> Featurized:
    """Count the title/description n-grams and compute the engineered features."""
    out = Featurized()
    _grams(title, "t:", out.title_counts, None)
    _grams(text, "d:", out.text_counts, out.positions)
    cats: dict[str, int] = {}
    for cat in skill_categories:
        cats[cat] = cats.get(cat, 0) + 1
    for cat, n in cats.items():
        out.extra[f"f:cat:{cat}"] = math.log1p(n) / 3.0
    for name, pattern in CUE_PATTERNS.items():
        n = len(pattern.findall(text))
        if n:
            out.extra[f"f:cue:{name}"] = math.log1p(n) / 3.0
    out.extra["f:len"] = math.log1p(len(text)) / 10.0
    return out


def _block(counts: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    vec = {k: (1.0 + math.log(c)) * idf[k] for k, c in counts.items() if k in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}


def vectorize(feats: Featurized, idf: Mapping[str, float]) -> dict[str, float]:
    """The weighted feature vector (feature name -> value) of one posting."""
    vec = {k: v * TITLE_WEIGHT for k, v in _block(feats.title_counts, idf).items()}
    vec.update(_block(feats.text_counts, idf))
    vec.update(feats.extra)
    return vec
