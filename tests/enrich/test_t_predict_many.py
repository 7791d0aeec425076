"""``ArchetypeModel.predict_many`` (every posting's lookups first, then each posting's rows and
products) gives what ``predict`` gives posting by posting: the same probabilities and
evidence, bit for bit, in order. Checked on corpus postings and on drawn feature dicts,
empty blocks and unknown keys included."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich.classifier import default_model
from mljobs.enrich.features import Featurized
from mljobs.enrich.pipeline import features_for, prepare_record

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpus" / "postings.jsonl"
_MODEL = default_model()


def _bits(result: tuple[dict[str, float], list]) -> tuple:
    """A result with its floats as their bit patterns (NaN included)."""
    probs, evidence = result
    return ([(c, p.hex()) for c, p in probs.items()],
            [(e.feature, e.archetype, e.weight.hex(), e.start, e.end) for e in evidence])


def test_predict_many_equals_predict_on_corpus_postings() -> None:
    with CORPUS.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line, _ in zip(fh, range(150), strict=False)]
    feats = [features_for(p.title, p.text) for p in map(prepare_record, records)]
    for evidence in (8, 0, 50):
        many = _MODEL.predict_many(feats, evidence)
        assert [_bits(r) for r in many] == [_bits(_MODEL.predict(f, evidence)) for f in feats]


_WORDS = [k[2:] for k in sorted(_MODEL._text_index)[:300]] + ["zzunknown", "qqq nothing"]
_TITLE_KEYS = sorted(k for k in _MODEL._other_index if k.startswith("t:"))[:200] + ["t:zzunknown"]
_EXTRA_KEYS = sorted(k for k in _MODEL._other_index if k.startswith("f:"))[:100] + ["f:zzunknown"]
_COUNTS = st.integers(1, 6)
_FEATS = st.builds(
    lambda title, text, extra, order: Featurized(
        title_counts=title, text_counts={"d:" + w: n for w, n in text.items()}, extra=extra,
        # (a text holding the words, so that evidence finds offsets)
        text=". ".join(sorted(text, reverse=order))),
    st.dictionaries(st.sampled_from(_TITLE_KEYS), _COUNTS, max_size=6),
    st.dictionaries(st.sampled_from(_WORDS), _COUNTS, max_size=40),
    st.dictionaries(st.sampled_from(_EXTRA_KEYS), st.floats(0.01, 1.0), max_size=8),
    st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.lists(_FEATS, max_size=6))
def test_predict_many_equals_predict_on_drawn_features(feats: list[Featurized]) -> None:
    assert [_bits(r) for r in _MODEL.predict_many(feats)] == [
        _bits(_MODEL.predict(f)) for f in feats]
