"""Archetype evidence a reader can read: one phrase per place, no address pieces, no names.

``EvidencePhrases`` is checked on its own (features and weights given), then with the
packaged model over corpus postings: the probabilities do not depend on the evidence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mljobs.enrich.classifier import EvidencePhrases, _name_forms, default_model
from mljobs.enrich.features import locate
from mljobs.enrich.lowered import lower
from mljobs.enrich.pipeline import enrich_record, features_for, prepare_record

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpus" / "postings.jsonl"


def _shown(text: str, features: list[tuple[str, float]], names: tuple[str, ...] = (),
           limit: int = 8) -> list[tuple[str, float, int, int]]:
    ev = EvidencePhrases(text, lower(text), names)
    for feature, weight in features:
        if not ev.add(feature, weight, limit):
            break
    out = ev.contributions("research-engineer")
    for c in out:
        assert " ".join(text[c.start:c.end].lower().split()) == c.feature
    return [(text[c.start:c.end], round(c.weight, 6), c.start, c.end) for c in out]


def test_a_two_word_feature_and_its_words_are_one_phrase() -> None:
    text = "We use machine vision. Machine Learning Engineer: deep learning and machine learning."
    got = _shown(text, [("learning", 0.3), ("machine learning", 0.2), ("machine", 0.1),
                        ("deep", 0.05)])
    # "machine" is first met in "machine vision", "learning" in "Machine Learning": both join
    # the two-word feature's place; "deep" stays apart.
    at = text.index("Machine Learning")
    deep = text.index("deep")
    assert got == [("Machine Learning", 0.6, at, at + 16), ("deep", 0.05, deep, deep + 4)]


def test_a_word_inside_a_phrase_joins_it() -> None:
    text = "Work on computer vision and perception."
    got = _shown(text, [("vision", 0.2), ("perception", 0.15), ("computer vision", 0.1)])
    cv, p = text.index("computer"), text.index("perception")
    assert got == [("computer vision", 0.3, cv, cv + 15), ("perception", 0.15, p, p + 10)]


def test_address_pieces_are_not_words_of_the_text() -> None:
    text = ("Apply: https://jobs.example.com/ml-engineer or ml@acme.ai (see acme.io/careers). "
            "We ship ML models; careers grow here.")
    got = _shown(text, [("https", 0.5), ("jobs.example.com/ml-engineer", 0.4), ("ml", 0.3),
                        ("acme.io/careers", 0.2), ("careers", 0.1)])
    # "ml" is first met inside the mail address; "careers" inside a path: both move on.
    ml, careers = text.index("ML models"), text.index("careers grow")
    assert got == [("ML", 0.3, ml, ml + 2), ("careers", 0.1, careers, careers + 7)]


def test_names_from_the_source_are_left_out_or_moved_on() -> None:
    text = ("Archer Aviation | ML Engineer | Munich, Germany\nArcher builds aircraft. "
            "Our AI team in Munich trains vision models for flight in archer formation.")
    names = ("Archer Aviation", "Munich, Germany")
    got = _shown(text, [("archer", 0.5), ("munich", 0.4), ("aviation", 0.3), ("vision", 0.2)],
                 names)
    # (the company's first word only as written: "archer formation" is no name)
    at = text.index("archer formation")
    assert got == [("archer", 0.5, at, at + 6), ("vision", 0.2, text.index("vision"),
                                                   text.index("vision") + 6)]


def test_name_forms() -> None:
    assert _name_forms(("Acme Inc.",)) == ["Acme", "Acme Inc"]
    assert _name_forms(("", "Waltham, MA", "New York")) == ["Waltham", "MA", "New York"]
    # a place field that holds work modes or a stack is no name
    assert _name_forms(("", "Remote (US)", "Golang, Vuejs, Rust, Python", "ROBOTICS")) == ["US"]


def test_the_limit_counts_phrases() -> None:
    text = "alpha beta gamma delta machine learning"
    got = _shown(text, [("machine learning", 0.5), ("machine", 0.4), ("learning", 0.3),
                        ("alpha", 0.2), ("beta", 0.1), ("gamma", 0.05)], limit=3)
    assert [g[0] for g in got] == ["machine learning", "alpha", "beta"]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line, _ in zip(fh, range(300), strict=False)]


def test_names_change_the_evidence_only(records: list[dict]) -> None:
    model = default_model()
    preps = [prepare_record(r) for r in records]
    feats = [features_for(p.title, p.text) for p in preps]
    names = [(r.get("company") or "", r.get("location") or "") for r in records]
    plain = model.predict_many(feats)
    named = model.predict_many(feats, names=names)
    assert [p for p, _ in plain] == [p for p, _ in named]
    assert [model.predict(f, names=n) for f, n in zip(feats, names, strict=True)] == named


_ADDRESS = re.compile(r"https?://|www\.|@|\.(?:com|io|ai)\b")


def test_corpus_evidence_reads_as_phrases(records: list[dict]) -> None:
    shown = 0
    for record in records:
        got = enrich_record(record)
        text = prepare_record(record).text
        spans = [(e["start"], e["end"]) for e in got["evidence"]]
        assert all(a[1] <= b[0] or b[1] <= a[0] for i, a in enumerate(spans) for b in spans[i + 1:])
        phrases = [e["phrase"].lower() for e in got["evidence"]]
        company = (record.get("company") or "").strip()
        for e in got["evidence"]:
            shown += 1
            assert text[e["start"]:e["end"]] == e["phrase"]
            assert e["weight"] > 0
            left = max(text.rfind(" ", 0, e["start"]), text.rfind("\n", 0, e["start"])) + 1
            token = text[left:e["end"]] + re.match(r"\S*", text[e["end"]:]).group()
            assert not _ADDRESS.search(token) or e["phrase"].lower() in ("ai",), token
            if company:
                assert text[e["start"]:e["start"] + len(company)] != company
        if any("machine learning" in p for p in phrases):
            assert "machine" not in phrases and "learning" not in phrases
    assert shown > 2000


def _place_plainly(ev: EvidencePhrases, feature: str) -> tuple[int, int] | None:
    """Where ``EvidencePhrases._place`` puts a feature, by ``locate`` alone: its first
    occurrence, moving past each one that lies in an address or a name."""
    key = "d:" + feature
    pos = locate(ev.view, key)
    while pos is not None:
        unfit = ev._unfit(*pos)
        if unfit is None:
            return pos
        a, b = unfit
        ev.view = ev.view[:a] + " " * (b - a) + ev.view[b:]
        pos = locate(ev.view, key)
    return None


def test_a_word_is_placed_as_locate_places_it(records: list[dict]) -> None:
    # ``_place`` searches a one-word feature without building its ``d:`` key; every word
    # and phrase of the postings (addresses and names in them) lands where ``locate`` puts it.
    placed = moved = 0
    for record in records:
        text = prepare_record(record).text
        low = lower(text)
        names = (record.get("company") or "", record.get("location") or "")
        fast, plain = EvidencePhrases(text, low, names), EvidencePhrases(text, low, names)
        for key in features_for(record["title"], text).text_counts:
            feature = key[2:]
            got = fast._place(feature)
            assert got == _place_plainly(plain, feature), feature
            assert fast.view == plain.view
            placed += got is not None
        moved += fast.view != low  # (an occurrence was unfit: the search moved on)
    assert placed > 10_000 and moved > 10
