"""Keep only ML postings from general sources (HN, Reddit, feeds, mail).

The keyword list starts from the essay's searches ('machine learning', 'data
mining', 'image processing', 'data science', 'text mining', 'natural
language processing') and adds today's names for the same work. Users widen
or narrow it in the ``[filter]`` table of the sources config (``add``,
``remove``, or ``keywords`` to replace the list). Keywords of up to four
letters written in capitals (``ML``, ``AI``, ``NLP``) match only as whole
capitalised words; others match case-insensitively on word boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mljobs.errors import ConfigError
from mljobs.models import Posting

ESSAY_KEYWORDS = (
    "machine learning", "data mining", "image processing", "data science",
    "text mining", "natural language processing",
)
MODERN_KEYWORDS = (
    "data scientist", "deep learning", "computer vision", "reinforcement learning",
    "neural network", "neural networks", "ML", "AI", "NLP", "LLM", "LLMs", "MLOps", "GenAI",
    "generative AI", "PyTorch", "TensorFlow", "JAX", "scikit-learn", "recommender",
    "recommendation systems", "research scientist", "applied scientist",
    "research engineer", "speech recognition", "large language model", "large language models",
    "transformers", "artificial intelligence", "statistical modeling", "predictive modeling",
)
DEFAULT_KEYWORDS = ESSAY_KEYWORDS + MODERN_KEYWORDS


@dataclass(frozen=True)
class MlFilter:
    """A compiled keyword filter.

    Args:
        keywords: the phrases that make a posting count as ML.
    """

    keywords: tuple[str, ...] = DEFAULT_KEYWORDS

    def __post_init__(self) -> None:
        exact = [k for k in self.keywords if k.isupper() and len(k) <= 4 or k[:-1].isupper()
                 and k.endswith("s") and len(k) <= 5]
        loose = [k for k in self.keywords if k not in exact]
        object.__setattr__(self, "_exact", _pattern(exact, 0))
        object.__setattr__(self, "_loose", _pattern(loose, re.IGNORECASE))

    def matches(self, text: str) -> list[str]:
        """The keywords found in ``text`` (empty: not ML)."""
        found: list[str] = []
        for pattern in (self._exact, self._loose):  # type: ignore[attr-defined]
            if pattern is not None:
                found += [m.group(0) for m in pattern.finditer(text)]
        return list(dict.fromkeys(found))

    def accepts(self, posting: Posting) -> bool:
        """True when the title or text mentions an ML keyword."""
        return bool(self.matches(f"{posting.title}\n{posting.description_text}"))


def _pattern(words: Sequence[str], flags: int) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", flags)


def from_config(table: Mapping[str, Any]) -> MlFilter:
    """The filter described by a ``[filter]`` table (``keywords``/``add``/``remove``)."""
    unknown = sorted(set(table) - {"keywords", "add", "remove"})
    if unknown:
        raise ConfigError(f"[filter]: unknown setting(s) {', '.join(unknown)}; "
                          "available: keywords, add, remove")
    base = _strings(table.get("keywords", DEFAULT_KEYWORDS), "keywords")
    add = _strings(table.get("add", ()), "add")
    remove = {k.lower() for k in _strings(table.get("remove", ()), "remove")}
    words = tuple(k for k in dict.fromkeys([*base, *add]) if k.lower() not in remove)
    if not words:
        raise ConfigError("[filter]: the keyword list is empty; every posting would be dropped")
    return MlFilter(words)


def _strings(value: Any, key: str) -> list[str]:
    # (a table, ``add = {causal = "inference"}``, is iterable too: its keys were the words)
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        raise ConfigError(f"[filter] {key}: expected a list of strings")
    # (a number was a keyword "5", which kept any posting saying "5 years"; a blank one, the
    # only keyword, matched everywhere: the filter off without a word)
    for word in value:
        if not isinstance(word, str) or not word.strip():
            raise ConfigError(f"[filter] {key}: expected a list of strings, the words or "
                              f"phrases to look for; {word!r} is none (e.g. {key} = "
                              '["causal inference"])')
    return list(value)
