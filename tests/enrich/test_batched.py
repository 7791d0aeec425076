"""The step-major pipeline (``enrich_records``, ``enrich_postings``) gives what one record at
a time gives, keeps bad records apart, and ``lowered``'s memos hold a whole batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mljobs.enrich import enrich_postings, enrich_record, lowered
from mljobs.enrich.pipeline import BATCH, enrich_records
from mljobs.errors import EnrichError

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpus" / "postings.jsonl"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "hn_posts.jsonl"


def _records(n: int) -> list[dict]:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line, _ in zip(fh, range(n), strict=False)]


def test_batches_give_the_dicts_of_one_record_at_a_time() -> None:
    # More than one batch and a short last one; Glassdoor and Hacker News records alike.
    records = _records(BATCH + 37) + list(map(json.loads, FIXTURE.read_text().splitlines()))
    got = list(enrich_records(records))
    assert len(got) == len(records)
    for record, result in zip(records, got, strict=True):
        assert json.dumps(result) == json.dumps(enrich_record(record))
    assert [json.dumps(r) for r in enrich_records(records, batch=5)] == list(map(json.dumps, got))


def test_a_refused_record_yields_its_error_in_its_place() -> None:
    good = _records(3)
    records = [good[0], {"id": "no-text", "title": "Data Scientist"}, good[1], {"title": "x"},
               good[2]]
    got = list(enrich_records(records))
    assert [type(r).__name__ for r in got] == ["dict", "EnrichError", "dict", "EnrichError", "dict"]
    assert "no-text" in str(got[1]) and "'title' and 'text' must be strings" in str(got[1])
    assert [r["id"] for r in got if isinstance(r, dict)] == [g["id"] for g in good]


class _Unreadable(str):
    """Input text whose lower-casing fails (as a text that breaks some step would)."""

    __slots__ = ()

    def lower(self) -> str:
        raise RuntimeError("cannot lower this text")


def test_a_record_a_step_fails_on_is_named_and_the_batch_goes_on() -> None:
    good = _records(4)
    # (a lone surrogate, as a JSON line's "\\ud800" gives it: a step that encodes the text
    # fails on it; ``prepare_record`` reads a copy of the text, so a text object of a
    # failing class would not reach the steps)
    bad = json.loads('{"id": "breaks", "title": "Data Scientist", "text": "Python and SQL \\ud800."}')
    got = list(enrich_records([good[0], good[1], bad, good[2], good[3]]))
    assert isinstance(got[2], EnrichError)
    assert "record breaks: enrichment failed" in str(got[2]) and "surrogates not allowed" in str(got[2])
    for record, result in zip(good, [got[0], got[1], got[3], got[4]], strict=True):
        assert json.dumps(result) == json.dumps(enrich_record(record))


def test_batch_size_is_checked() -> None:
    with pytest.raises(ValueError, match="batch must be"):
        list(enrich_records(_records(1), batch=0))
    with pytest.raises(ValueError, match="batch must be"):
        list(enrich_records(_records(1), batch=BATCH + 1))


def test_enrich_postings_in_batches_matches_one_by_one(tmp_path: Path) -> None:
    from mljobs.normalize import normalize
    from mljobs.sources.files import read_rows, row_to_raw

    path = tmp_path / "postings.jsonl"
    path.write_text(FIXTURE.read_text() + "".join(json.dumps(r) + "\n" for r in _records(BATCH)))
    postings = [normalize(row_to_raw(row, path=str(path), line=line))
                for line, row, _ in read_rows(path, "jsonl")]
    assert len(postings) > BATCH
    together = enrich_postings(postings)
    alone = [p for posting in postings for p in enrich_postings([posting])]
    assert [p.id for p in together] == [p.id for p in alone]
    assert [p.enrichment for p in together] == [p.enrichment for p in alone]


def test_a_posting_a_step_fails_on_is_named() -> None:
    from mljobs.models import Posting

    good = Posting.model_validate({"id": "fine", "source": "files", "source_id": "fine",
                                   "title": "Data Scientist", "description_text": "Python and SQL."})
    # (model_copy does not validate, so the text stays an _Unreadable)
    bad = good.model_copy(update={"id": "breaks", "description_text": _Unreadable("Python and SQL.")})
    with pytest.raises(EnrichError, match="enriching breaks failed: RuntimeError"):
        enrich_postings([good, bad])
    assert enrich_postings([good])[0].enrichment is not None


def test_memos_hold_a_batch_of_texts() -> None:
    # two texts per posting of a batch (a description and, for some steps, a title)
    assert lowered.MEMO_TEXTS >= 2 * BATCH
    texts = [f"Text number {i} about ML" for i in range(2 * BATCH)]
    lows = [lowered.lower(t) for t in texts]
    assert lows == [t.lower() for t in texts]
    # every one is still remembered: the same lowered string object comes back
    assert all(lowered.lower(t) is low for t, low in zip(texts, lows, strict=True))
    found = [lowered.hits(low) for low in lows]
    assert all(lowered.hits(low) is f for low, f in zip(lows, found, strict=True))


def test_memos_are_bounded_and_forget_empties_them() -> None:
    lowered.forget()
    texts = [f"t{i}" for i in range(lowered.MEMO_TEXTS + 10)]
    for t in texts:
        lowered.lower(t)
    assert len(lowered._lowered) == lowered.MEMO_TEXTS
    first = lowered.lower(texts[0])  # (dropped as the oldest: lowered again)
    assert first == "t0"
    lowered.forget()
    assert not lowered._lowered
