"""Training the archetype model: the LSA topics seen at training time are the ones run time
computes, and the artefact keeps them."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mljobs.enrich.classifier import ArchetypeModel
from mljobs.enrich.features import featurize, vectorize
from mljobs.enrich.training import Example, _lsa, fit

VOCAB = {
    "research-scientist": "publish papers novel methods neurips icml theory research agenda phd "
                          "language modelling reinforcement learning",
    "data-scientist-analytics": "dashboards sql tableau stakeholders insights reporting a/b tests "
                                "business metrics excel experiments",
    "big-data-ml-engineer": "spark kafka hadoop pipelines petabytes airflow feature store "
                            "streaming warehouse scala",
}
COMMON = "team culture benefits office collaborate fast paced growing mission"


def _examples(n: int = 60, seed: int = 3) -> list[Example]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        label = list(VOCAB)[i % len(VOCAB)]
        words = VOCAB[label].split() * 2 + COMMON.split()
        text = " ".join(rng.choice(words, size=40)) + "."
        feats = featurize("Engineer", text)
        out.append(Example(f"x{i}", label, feats, {}, {"archetype": label}, weight=1.0 + (i % 2)))
    return out


@pytest.fixture(scope="module")
def trained() -> tuple[list[Example], ArchetypeModel]:
    examples = _examples()
    return examples, fit(examples, lsa_k=5)


def test_run_time_scores_equal_the_training_vectors(trained) -> None:
    """``predict`` computes the topic features from the description block it already has;
    the linear scores must equal coefficients times the vectors the model was fitted on."""
    examples, model = trained
    assert model.lsa_ is not None and model.lsa_[1].shape[1] == 5
    idf = {f: float(w) for f, w in zip(model.features_, model._idf_arr, strict=True)
           if not f.startswith("f:")}
    base = [vectorize(e.feats, idf) for e in examples]
    _, _, topics = _lsa(base, idf, 5)
    for e, vec, topic in zip(examples, base, topics, strict=True):
        x = np.zeros(len(model.features_))
        for key, value in {**vec, **topic}.items():
            x[model.index_[key]] = value
        logits = (model.coef_ @ x + model.intercept_) / model.temperature_
        expected = np.exp(logits - logits.max())
        expected /= expected.sum()
        probs, _ = model.predict(e.feats, evidence=0)
        got = np.array([probs[c] for c in model.classes_])
        np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
        assert model.classes_[int(got.argmax())] == e.label


def test_evidence_includes_the_push_through_topics(trained) -> None:
    examples, model = trained
    probs, evidence = model.predict(examples[0].feats, evidence=5)
    assert evidence and all(c.weight > 0 for c in evidence)
    text = examples[0].feats.text
    for c in evidence:
        assert text[c.start:c.end].lower() == c.feature
        assert c.archetype == max(probs, key=probs.__getitem__)


def test_artefact_keeps_the_topics(trained, tmp_path) -> None:
    examples, model = trained
    path = tmp_path / "m.npz"
    model.save(path)
    again = ArchetypeModel.load(path)
    assert again.lsa_ is not None
    np.testing.assert_array_equal(again.lsa_[0], model.lsa_[0])
    for e in examples[:10]:
        a, _ = model.predict(e.feats, evidence=0)
        b, _ = again.predict(e.feats, evidence=0)
        assert all(math.isclose(a[c], b[c], rel_tol=1e-4, abs_tol=1e-6) for c in a)


def test_fewer_topics_on_tiny_data() -> None:
    """k topics need more than k postings: 3 postings give 2 topics, 2 give none (the
    n-grams still work)."""
    three = fit(_examples(n=3), lsa_k=5)
    assert three.lsa_ is not None and three.lsa_[1].shape[1] == 2
    examples = _examples(n=2)
    two = fit(examples, lsa_k=5)
    assert two.lsa_ is None
    probs, _ = two.predict(examples[0].feats)
    assert math.isclose(sum(probs.values()), 1.0)


def test_a_malformed_artefact_is_named(trained, tmp_path) -> None:
    """Topic loadings that do not fit the features give a clear error, not an IndexError."""
    from mljobs.errors import EnrichError

    _, model = trained
    path = tmp_path / "m.npz"
    model.save(path)
    with np.load(path) as data:
        arrays = dict(data)
    arrays["lsa_columns"] = arrays["lsa_columns"] + len(model.features_)
    bad = tmp_path / "bad.npz"
    np.savez(bad, **arrays)
    with pytest.raises(EnrichError, match="malformed"):
        ArchetypeModel.load(bad)


def test_cross_validation_never_trains_on_a_repost_of_a_held_out_posting() -> None:
    """A fold's model must not see the same ad reposted (company + title, or the same text)."""
    from mljobs.enrich.training import cv_splits

    dev = _examples(20)
    for i, e in enumerate(dev):
        e.record = {"company": f"Co{i}", "title": "ML Engineer", "text": f"post {i} " + "x" * 120}
    extra = _examples(20, seed=5)
    for i, e in enumerate(extra):  # even: the same company and title; odd: a new company
        e.id = f"e{i}"
        e.record = {"company": f"co{i}" if i % 2 == 0 else f"Other{i}", "title": "ML engineer!",
                    "text": f"other {i} " + "y" * 120}
    extra[1].record["text"] = dev[1].record["text"]  # a repost under another name
    every_extra = {f"e{i}" for i in range(20)}
    for fold, train in cv_splits(dev, extra, k=5):
        ids = {e.id for e in train}
        reposts = {f"e{i}" for i in fold if i % 2 == 0} | ({"e1"} if 1 in fold else set())
        assert ids.isdisjoint(reposts) and ids.isdisjoint({f"x{i}" for i in fold})
        assert every_extra - reposts <= ids
    assert all(every_extra <= {e.id for e in train}
               for _, train in cv_splits(dev, extra, k=5, drop_reposts=False))


def test_a_post_split_into_roles_trains_on_both_readings() -> None:
    """A labelled post with two described roles gives two examples of half weight each: the
    labelled role's text under its title (what the pipeline reads) and the whole post under
    "<role> | <record title>" (how a post that is not split reads); one that is not split
    gives one example."""
    from mljobs.enrich.training import load_examples

    desc = "You will own the services that route parcels across Europe and talk to carriers daily. "
    text = ("Acme | Berlin\n\nWe build parcel routing.\n\n"
            "Backend Engineer\n" + desc * 2 + "\n\n"
            "Machine Learning Engineer\n" + desc * 3 + "Train ETA models in PyTorch.\n")
    split = {"id": "hn-1", "source": "hackernews", "title": "Acme | Berlin", "text": text}
    plain = {"id": "hn-2", "source": "hackernews", "title": "Acme | ML Engineer", "text": "PyTorch."}
    labels = [{"id": "hn-1", "archetype": "research-engineer"}, {"id": "hn-2", "archetype": "research-engineer"}]
    got = load_examples(labels, {"hn-1": split, "hn-2": plain}, set(), weight=2.0, both_readings=True)
    assert [(e.id, e.weight) for e in got] == [("hn-1", 1.0), ("hn-1", 1.0), ("hn-2", 2.0)]
    whole, role = got[0].feats, got[1].feats
    assert whole.title_counts == featurize("Machine Learning Engineer | Acme | Berlin", "").title_counts
    assert "backend" in whole.text.lower() and "backend" not in role.text.lower()
    assert role.title_counts == featurize("Machine Learning Engineer", "").title_counts
    assert [e.weight for e in load_examples(labels, {"hn-1": split, "hn-2": plain}, set())] == [1.0, 1.0]


def test_engineered_features_fitted_scaled_are_read_unscaled() -> None:
    """``fit`` scales the engineered features by ``extra_scale`` and folds the factor into
    their weights: the model reads ``featurize``'s values as a model fitted and run on the
    scaled values does."""
    examples = _examples()
    scaled = []
    for e in examples:
        feats = featurize("Engineer", e.feats.text)
        feats.extra = {k: v * 0.5 for k, v in feats.extra.items()}
        scaled.append(Example(e.id, e.label, feats, {}, e.gold, weight=e.weight))
    folded = fit(examples, lsa_k=5, extra_scale=0.5)
    plain = fit(scaled, lsa_k=5, extra_scale=1.0)
    assert folded.features_ == plain.features_
    engineered = [i for i, f in enumerate(folded.features_) if f.startswith("f:") and "lsa" not in f]
    assert engineered and np.any(folded.coef_[:, engineered] != plain.coef_[:, engineered])
    for e, s in zip(examples, scaled, strict=True):
        got, _ = folded.predict(e.feats, evidence=0)
        want, _ = plain.predict(s.feats, evidence=0)
        np.testing.assert_allclose([got[c] for c in folded.classes_], [want[c] for c in plain.classes_],
                                   rtol=1e-9, atol=1e-12)


def _with_pair(model: ArchetypeModel, first: str, second: str, intercept: float) -> ArchetypeModel:
    """The model with one specialist for (first, second) whose only weight is its intercept."""
    pairs = (np.array([[model.classes_.index(first), model.classes_.index(second)]]),
             np.zeros((1, len(model.features_))), np.array([intercept]))
    return ArchetypeModel(model.classes_, model.features_, model._idf_arr, model.coef_,
                          model.intercept_, model.temperature_, model.lsa_, pairs)


def test_a_specialist_orders_its_pair_when_it_is_the_top_two(trained) -> None:
    """When the two highest scores are a specialist's pair, the class it prefers comes first
    (the two classes' probabilities trade places); otherwise nothing changes."""
    examples, model = trained
    for e in examples[:9]:
        probs, _ = model.predict(e.feats, evidence=0)
        top, runner_up, third = sorted(probs, key=probs.__getitem__, reverse=True)[:3]
        for first, second in ((top, runner_up), (runner_up, top)):
            for intercept, preferred in ((30.0, second), (-30.0, first)):  # (log-odds of second)
                got, evidence = _with_pair(model, first, second, intercept).predict(e.feats, evidence=3)
                want = dict(probs)
                if preferred == runner_up:
                    want[top], want[runner_up] = probs[runner_up], probs[top]
                assert got == pytest.approx(want, rel=1e-12)
                assert max(got, key=got.__getitem__) == preferred
                assert all(c.archetype == preferred for c in evidence)
        untouched, _ = _with_pair(model, top, third, 30.0).predict(e.feats, evidence=0)
        assert untouched == probs


def test_fit_gives_each_pair_a_specialist_that_the_artefact_keeps(tmp_path) -> None:
    examples = _examples()
    model = fit(examples, lsa_k=5, pairs=(("research-scientist", "big-data-ml-engineer"),
                                          ("not-ml", "big-data-ml-engineer")))
    assert model.pairs_ is not None  # (no not-ml example: that pair gets none)
    classes, coef, intercept = model.pairs_
    assert [[model.classes_[i] for i in row] for row in classes.tolist()] == \
        [["big-data-ml-engineer", "research-scientist"]]
    # fitted on its pair's examples only: the words of the third class weigh nothing
    only = [i for i, f in enumerate(model.features_) if f in ("d:dashboards", "d:tableau")]
    assert only and not coef[0, only].any() and coef[0].any()
    path = tmp_path / "m.npz"
    model.save(path)
    again = ArchetypeModel.load(path)
    assert again.pairs_ is not None
    np.testing.assert_array_equal(again.pairs_[0], classes)
    np.testing.assert_allclose(again.pairs_[2], intercept, rtol=1e-6)
    for e in examples:
        a, _ = model.predict(e.feats, evidence=0)
        b, _ = again.predict(e.feats, evidence=0)
        assert max(a, key=a.__getitem__) == max(b, key=b.__getitem__) == e.label
