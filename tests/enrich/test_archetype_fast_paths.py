"""The classifier's fast paths give what the plain formulations they replace give.

``featurize`` counts cue families through one index, splits titles with one separator
pattern and skips the split when there is no separator, evidence is located with
``str.find``, and the classifier gathers one precomputed row per feature; each is
checked against the obvious formulation (a sum per family, the plain separator pattern,
the regex split and search, ``vectorize`` + a matrix product) on random texts built from
the words the rules care about. The classifier's lookups (``_lookup``, fed straight into
the column array, then ``_weigh``) are also held bit for bit to the list-based version
they replaced.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain, compress, pairwise, repeat

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import features
from mljobs.enrich.classifier import _UNKNOWN, ArchetypeModel, default_model
from mljobs.enrich.features import PHRASES, TITLE_WEIGHT, Featurized, featurize, vectorize
from mljobs.sources.hn_format import hiring_sentence_role, parse_header

# Words that matter (phrase halves, cue terms, stop words, joiner edge cases) and noise.
_VOCAB = sorted({w for p in PHRASES for w in p.split(" ")}
                | {w for terms in features.CUE_TERMS.values() for t in terms for w in t.split(" ")}
                | set(list(features._STOP)[:20])
                | {"data.", ".data", "-ml-", "ml.", "a/b", "c++", "c#", "5+", "3d", "--", "...",
                   "node.js", "Machine", "LEARNING", "you\u2019ve", "x-ray", "'quoted'", "ph.d.",
                   "état", "naïve", "ﬁle", "K", "ml/ai", "ai-native", "http://x.io/ml"})
_SEPS = [" ", "  ", "\n", ", ", ". ", "; ", " (", ") ", " - ", "/", " | ", "\t", "\u2019", "é"]
texts = st.lists(st.tuples(st.sampled_from(_VOCAB), st.sampled_from(_SEPS)), max_size=60).map(
    lambda parts: "".join(w + s for w, s in parts))


def _word_at_regex(low: str, word: str, start: int = 0) -> int:
    """The first version of ``_word_at``: a regex per word."""
    pat = re.compile(re.escape(word) + r"(?![a-z0-9+#])")
    m = pat.search(low, start)
    while m is not None:
        i = m.start()
        if not i or not low[i - 1].isalnum():
            return i
        m = pat.search(low, i + 1)
    return -1


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(_VOCAB), st.integers(0, 40))
def test_word_at_equals_the_regex_search(text: str, word: str, start: int) -> None:
    low, word = text.lower(), word.lower()
    assert features._word_at(low, word, start) == _word_at_regex(low, word, start)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_cue_features_equal_a_sum_per_family(text: str) -> None:
    feats = featurize("Data Engineer", text)
    words = feats.n_words or 1
    for name, keys in features._CUE_KEYS.items():
        n = sum(feats.text_counts.get(k, 0) for k in keys)
        assert feats.extra.get("f:cue:" + name) == (math.log1p(n) / 3.0 if n else None)
        if name in features._DENSITY_CUES:
            dens = min(1.0, 20.0 * n / words) if n else None
            assert feats.extra.get("f:dens:" + name) == dens
            assert feats.extra.get("f:x:engineer:" + name) == dens


def _plain_predict(model: ArchetypeModel,
                   feats: features.Featurized) -> tuple[list[float], dict[str, float]]:
    """Probabilities from ``vectorize``, the LSA topics projected term by term, and a matrix
    product; and every description feature's push toward the top class (coefficients minus
    their class average, times the value; through the topics, the term's share of each
    topic's push over the projection's length)."""
    vec = {k: v for k, v in vectorize(feats, model.idf_).items() if k in model.index_}
    x = np.zeros(len(model.features_))
    for k, v in vec.items():
        x[model.index_[k]] = v
    loading: dict[str, np.ndarray] = {}
    norm = 1.0
    if model.lsa_ is not None:
        columns, loadings = model.lsa_
        loading = {model.features_[c]: row for c, row in zip(columns, loadings, strict=True)}
        raw = sum((v * loading[k] for k, v in vec.items() if k in loading), np.zeros(loadings.shape[1]))
        norm = float(np.linalg.norm(raw)) + 1e-9
        for j, z in enumerate(raw / norm):
            x[model.index_[f"f:lsa:{j}"]] = z
    scores = model.coef_ @ x + model.intercept_
    if model.pairs_ is not None:  # a specialist orders its pair when the pair is the top two
        first, second = (int(i) for i in np.argsort(-scores, kind="stable")[:2])
        for (a, b), w, b0 in zip(model.pairs_[0].tolist(), model.pairs_[1], model.pairs_[2], strict=True):
            if {a, b} == {first, second} and (b if w @ x + b0 > 0 else a) != first:
                scores[[first, second]] = scores[[second, first]]
    scores /= model.temperature_
    probs = np.exp(scores - scores.max())
    probs /= probs.sum()
    top = int(np.argmax(probs))
    away = model.coef_[top] - model.coef_.mean(axis=0)
    n_topics = 0 if model.lsa_ is None else model.lsa_[1].shape[1]
    topic_away = np.array([away[model.index_[f"f:lsa:{j}"]] for j in range(n_topics)])
    pushes = {k[2:]: v * (away[model.index_[k]] + (loading[k] @ topic_away / norm if k in loading else 0.0))
              for k, v in vec.items() if k.startswith("d:")}
    return probs.tolist(), pushes


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["Research Scientist", "Senior Data Engineer", "Recruiter", "",
                        "Acme | ML Platform Engineer | Remote"]), texts,
       st.lists(st.sampled_from(["language", "library", "cloud", "area"]), max_size=6))
def test_predict_equals_the_plain_formulation(title: str, text: str, cats: list[str]) -> None:
    model = default_model()
    feats = featurize(title, text, cats)
    if not feats.title_counts and not feats.text_counts:
        return  # (the first fast version took log of the engineered features then; kept as is)
    probs, evidence = model.predict(feats, evidence=50)
    plain, pushes = _plain_predict(model, feats)
    assert np.allclose(list(probs.values()), plain, rtol=0, atol=1e-9)
    shown = [c.weight for c in evidence]
    assert shown == sorted(shown, reverse=True)
    positive = {f: p for f, p in pushes.items() if p > 0}
    assert len(shown) <= len(positive)
    # Every feature that is found in the text is shown, strongest first, weights as computed:
    # a phrase's weight is the sum of the pushes of the features merged into it (features
    # whose words are the phrase's: "vision" and "computer vision" in "computer vision"), so
    # it lies between the weakest feature whose words the phrase holds ("ml" and "ai" in
    # "ml/ai") and the sum of them all.
    low = text.lower()
    for c in evidence:
        members = [p for f, p in positive.items() if all(w in c.feature for w in f.split(" "))]
        assert members
        assert min(members) - 1e-9 <= c.weight <= sum(members) + 1e-9
        if len(low) == len(text):
            # (a bigram may span punctuation: "data. science", "end, end")
            assert low[c.start:c.end].split()[0].strip(".,;:'/-") == c.feature.split(" ")[0].strip(".,;:'/-")


def test_the_lookup_tables_split_the_model_index() -> None:
    """``_lookup`` looks description keys up in one table and the others in another: together
    they are the model's index, split by prefix; the first lists the frequent terms first."""
    model = default_model()
    text, other = model._text_index, model._other_index
    assert {**text, **other} == model.index_ and len(text) + len(other) == len(model.index_)
    assert all(f.startswith("d:") for f in text) and not any(f.startswith("d:") for f in other)
    idf = [model._idf_arr[i] for i in text.values()]
    assert idf == sorted(idf)


def _list_vector(model: ArchetypeModel, feats: Featurized) -> tuple[np.ndarray, np.ndarray, int, int]:
    """The list-based vector (before the lookups went straight into the array): every key
    looked up into a list, the unknown ones dropped on the way into the arrays."""
    title, text, extra = feats.title_counts, feats.text_counts, feats.extra
    found = list(map(model._text_index.get, text, repeat(_UNKNOWN)))
    other = model._other_index.get
    found[:0] = map(other, title, repeat(_UNKNOWN))
    found.extend(map(other, extra, repeat(_UNKNOWN)))
    columns: list[int] | compress[int] = found
    values: chain[float] | compress[float] = chain(title.values(), text.values(), extra.values())
    n_title = len(title)
    n_text = n_title + len(text)
    if not n_text and found:
        n_text = len(found)
    n = len(found)
    if _UNKNOWN in found:
        n_text -= found[:n_text].count(_UNKNOWN)
        n_title -= found[:n_title].count(_UNKNOWN)
        known = list(map(_UNKNOWN.__ne__, found))
        n -= found.count(_UNKNOWN)
        columns, values = compress(found, known), compress(values, known)
    cols = np.fromiter(columns, dtype=np.intp, count=n)
    vals = np.fromiter(values, dtype=np.float64, count=n)
    rows = model._rows.take(cols, axis=0)
    tf = vals[:n_text]
    np.log(tf, out=tf)
    tf += 1.0
    tf *= rows[:n_text, len(model.classes_) + model._n_topics]
    for lo, hi, weight in ((0, n_title, TITLE_WEIGHT), (n_title, n_text, 1.0)):
        if hi > lo:
            block = tf[lo:hi]
            block *= weight / (math.sqrt(block @ block) or 1.0)
    return cols, vals, n_title, n_text


_MODEL = default_model()
_TEXT_KEYS = sorted(_MODEL._text_index)[:400] + ["d:zzunknown", "d:qqq nothing", "d:"]
_TITLE_KEYS = sorted(k for k in _MODEL._other_index if k.startswith("t:"))[:200] + ["t:zzunknown"]
_EXTRA_KEYS = sorted(k for k in _MODEL._other_index if k.startswith("f:"))[:100] + ["f:zzunknown"]
_COUNTS = st.integers(1, 6)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(_TITLE_KEYS), _COUNTS, max_size=6),
       st.dictionaries(st.sampled_from(_TEXT_KEYS), _COUNTS, max_size=40),
       st.dictionaries(st.sampled_from(_EXTRA_KEYS), st.floats(0.01, 1.0), max_size=8))
def test_lookup_and_weigh_equal_the_list_version(title: dict[str, int], text: dict[str, int],
                                                 extra: dict[str, float]) -> None:
    """``_lookup`` then ``_weigh`` give, bit for bit, the columns, values and block ends of
    the list-based version, on feature dicts drawn from the model's own keys and keys it
    does not know, empty blocks included."""
    feats = Featurized(title_counts=title, text_counts=text, extra=extra)
    looked = _MODEL._lookup(feats)
    _MODEL._weigh(looked)  # (turns the counts in ``looked.vals`` into the values in place)
    plain_cols, plain_vals, plain_title, plain_text = _list_vector(_MODEL, feats)
    assert (looked.n_title, looked.n_text) == (plain_title, plain_text)
    assert looked.cols.tolist() == plain_cols.tolist()
    # Bit for bit (NaN where the first version took the log of engineered features).
    assert looked.vals.tobytes() == plain_vals.tobytes()


def test_cue_index_lists_every_family_term() -> None:
    listed = Counter(k for keys in features._CUE_KEYS.values() for k in keys)
    assert listed == Counter({k: len(fams) for k, fams in features._CUE_OF.items()})


def _role_title_split(title: str) -> str:
    """``features.role_title`` without its no-separator shortcut."""
    segments = [s for s in features._TITLE_SEP.split(title) if s.strip()]
    if len(segments) < 2:
        return hiring_sentence_role(title) or title
    keep = []
    for seg in segments:
        if "http" in seg or "www." in seg:
            continue
        words = features._WORD_RE.findall(seg.lower())
        if any(w in features._ROLE_WORDS for w in words) or any(
                a + " " + b in features._ROLE_WORDS for a, b in pairwise(words)):
            keep.append(seg)
    if keep:
        return " | ".join(keep)
    roles = parse_header(title)["roles"] if "|" in title else []
    return " | ".join(roles) if roles else title


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Data", "Engineer", "Acme", "|", "-", "--", "\u2013", "\u2014",
                                 "ML", "Remote", "https://x.io", " ", "  ", "\t", "Senior"]),
                max_size=12).map("".join))
def test_role_title_shortcut_changes_nothing(title: str) -> None:
    assert features.role_title(title) == _role_title_split(title)


_PLAIN_SEP = re.compile(r"\s+(?:--|–|—)\s+|\s*\|\s*")
_TITLE_PIECES = ["Data", "ML", "Engineer", "a", "-", "--", "---", "\u2013", "\u2014", "|", "||", " ",
                 "  ", "\t", "\n", "\u00a0", "\u2003", "x-y", "|-", "-|", "\u2013-"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=14).map("".join) | st.text(max_size=30))
def test_title_separator_splits_as_the_plain_pattern(title: str) -> None:
    """The title separator (one pattern that starts with a character class, so the search
    skips to whitespace and pipes) splits every title where its plain form does."""
    assert features._TITLE_SEP.split(title) == _PLAIN_SEP.split(title)
    assert [m.span() for m in features._TITLE_SEP.finditer(title)] == [
        m.span() for m in _PLAIN_SEP.finditer(title)]
