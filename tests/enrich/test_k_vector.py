"""``ArchetypeModel._vector`` gives, bit for bit, what its list-based version gave: the lookups
fed straight into the column array and the unknown features dropped by a mask afterwards
give the same columns, values and block ends as looking every key up into a list and
dropping the unknown ones on the way into the arrays. Checked on feature dicts drawn from
the model's own keys and keys it does not know, empty blocks included."""

from __future__ import annotations

import math
from itertools import chain, compress, repeat

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich.classifier import _UNKNOWN, ArchetypeModel, default_model
from mljobs.enrich.features import TITLE_WEIGHT, Featurized


def _list_vector(model: ArchetypeModel, feats: Featurized) -> tuple[np.ndarray, np.ndarray, int, int]:
    """The list-based ``_vector`` (before the lookups went straight into the array)."""
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
def test_vector_equals_the_list_version(title: dict[str, int], text: dict[str, int],
                                        extra: dict[str, float]) -> None:
    feats = Featurized(title_counts=title, text_counts=text, extra=extra)
    cols, vals, _, n_title, n_text = _MODEL._vector(feats)
    plain_cols, plain_vals, plain_title, plain_text = _list_vector(_MODEL, feats)
    assert (n_title, n_text) == (plain_title, plain_text)
    assert cols.tolist() == plain_cols.tolist()
    # Bit for bit (NaN where the first version took the log of engineered features).
    assert vals.tobytes() == plain_vals.tobytes()
