"""The description counting of ``features`` (C-level token filters, positions of phrase
starts) gives what the plain token loop gives: same words, same counts, same key order."""

from __future__ import annotations

import math
from collections import Counter
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import features

_PIECES = ["machine", "learning", "Machine", "deep", "data", "science", "the", "and", "you’ve", "we're",
           "c++", "c#", "a/b", "node.js", "state-of-the-art", "-", "--", ".", "'", "/", "...", "3d",
           "2024", "+1", "#1", "é", "naïve", "ml", "time", "series", "end-to-end", " ", "  ", "\n",
           ",", "(", ")", "x'", "'quoted'", "-python-", "ﬁ", "İ", "k8s"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join) | st.text(max_size=200)


def _plain_words(text: str, drop: frozenset[str]) -> list[str]:
    low = text.lower().replace("\u2019", "'")
    out = []
    for tok in low.encode("ascii", "replace").translate(features._TOKEN_TABLE).decode("ascii").split():
        tok = tok.strip(features._JOINERS)
        if tok and tok[0].isalpha() and tok not in drop:
            out.append(tok)
    return out


def _plain_grams(text: str, prefix: str, drop: frozenset[str],
                 phrases: frozenset[str] | None) -> tuple[list[tuple[str, int]], int]:
    ws = _plain_words(text, drop)
    counts = Counter(prefix + w for w in ws)
    for a, b in pairwise(ws):
        if phrases is None or a + " " + b in phrases:
            counts[prefix + a + " " + b] += 1
    return list(counts.items()), len(ws)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_words_are_the_plain_token_loop(text: str) -> None:
    assert features.words(text, shared=False) == _plain_words(text, features._STOP)
    assert features.words(text, features._TITLE_DROP, shared=False) == _plain_words(
        text, features._TITLE_DROP)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_grams_are_the_plain_counts_in_the_same_order(text: str) -> None:
    counts, n = features._grams(text, "d:", phrases=features.PHRASES, shared=False)
    assert (list(counts.items()), n) == _plain_grams(text, "d:", features._STOP, features.PHRASES)
    counts, n = features._grams(text, "t:", features._TITLE_DROP, shared=False)
    assert (list(counts.items()), n) == _plain_grams(text, "t:", features._TITLE_DROP, None)


def _plain_locate(low: str, feature: str) -> tuple[int, int] | None:
    """``locate`` without its one-word shortcut: every feature split into its words."""
    words = feature[2:].split(" ")
    i = features._word_at(low, words[0])
    while i >= 0:
        if len(words) == 1:
            return i, i + len(words[0])
        for m in features._WORD_RE.finditer(low, i + len(words[0])):
            if m.group() in features._STOP:
                continue
            if m.group() == words[1]:
                return i, m.end()
            break
        i = features._word_at(low, words[0], i + 1)
    return None


_FEATURES = ["ml", "machine", "learning", "machine learning", "data", "data science", "c++", "a/b",
             "node.js", "state-of-the-art", "time", "time series", "deep learning", "ai", "x", "3d"]


@settings(max_examples=500, deadline=None)
@given(texts, st.sampled_from(_FEATURES))
def test_locate_is_the_plain_search(text: str, term: str) -> None:
    low = text.lower()
    assert features.locate(low, "d:" + term) == _plain_locate(low, "d:" + term)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["language", "library", "cloud", "area", "", "tool"]), max_size=12))
def test_category_features_are_the_counter_formulation(cats: list[str]) -> None:
    extra = features.featurize("Data Engineer", "python and spark", iter(cats)).extra
    got = [(k, v) for k, v in extra.items() if k.startswith("f:cat:")]
    assert got == [("f:cat:" + c, math.log1p(n) / 3.0) for c, n in Counter(cats).items()]
