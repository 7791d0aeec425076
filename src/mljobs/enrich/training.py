"""Training the archetype classifier (build time and ``mljobs eval``).

Training data: the dev labels (``shared/data/eval/dev-labels.jsonl`` with
``dev-inputs.jsonl``) and the extra labels in ``labels/batch*.jsonl`` joined
to the corpus by id. Corpus ids listed in ``labels/heldout-exclude.txt`` are
never trained on: ``load_examples`` raises if one appears.

scikit-learn's ``LogisticRegression`` fits the weights over the n-gram and
engineered features plus ``LSA_K`` latent topics: a truncated SVD (LSA) of the
training postings' description TF-IDF vectors, each posting's projection
L2-normalised. The topics let postings that say the same thing in different
words share evidence, which the sparse n-grams alone cannot with a few
thousand examples. Dev examples weigh ``DEV_WEIGHT`` times an extra label:
they were labelled by the maintainers' readers and follow ``LABELS.md``
most closely. The result is an ``ArchetypeModel`` (numpy arrays only) that
run time loads without sklearn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mljobs.enrich.classifier import ARCHETYPES, LSA_EPS, ArchetypeModel
from mljobs.enrich.features import Featurized, vectorize
from mljobs.enrich.pipeline import features_for, prepare_record, record_company
from mljobs.enrich.roles import read_title
from mljobs.errors import InputError
from mljobs.normalize import one_line
from mljobs.sources.files import read_objects

MIN_DF = 2
C_REG = 1.0
ALT_WEIGHT = 0.3
DEV_WEIGHT = 4.0
LSA_K = 100
LSA_ALGORITHM = "arpack"  # exact: the topics do not depend on a random start
CLASS_WEIGHT_POWER = 0.5
# The engineered features (``Featurized.extra``: skill categories, cues, title heads and
# crosses; not the topics) enter the fit scaled by this (below 1: their weights are
# penalised more than those of the n-grams and topics); the fitted weights are scaled by it
# too, so the model reads the features as ``featurize`` gives them. 0.7 was tried in the
# thirteenth session and not kept (docs/evaluation.md: no plateau around it, and flat on
# the unread check batches); ``tools/train_archetype.py --extra-scale`` tries a value.
EXTRA_SCALE = 1.0
# The solver runs to convergence: the loose default stop (tol 1e-3) left weights that scored
# 0.784 / 0.705 against 0.792 / 0.712 converged (three fold splits, docs/evaluation.md).
LR_TOL = 1e-5
LR_MAX_ITER = 5000
# Pairwise specialists: for each pair, a binary logistic regression on the same feature vectors,
# fitted only on the two classes' examples (alt labels inside the pair); run time lets it
# order the two when they are the model's top two (``ArchetypeModel``). The lines where the
# maintainers' gold and the multinomial model part most (docs/evaluation.md, fourteenth
# session); C is the specialists' own (stronger penalty than the model's).
PAIRS = (("not-ml", "ml-product-swe"), ("not-ml", "big-data-ml-engineer"))
PAIR_C = 0.3
SEED = 7
# Every id read from an exclusion list in this process; ``fit`` asserts none is trained on.
_EXCLUDED: set[str] = set()


@dataclass
class Example:
    """One labelled posting, featurised."""

    id: str
    label: str
    feats: Featurized
    record: dict[str, Any]
    gold: dict[str, Any]
    trainable: bool = True
    weight: float = 1.0


def read_excluded(paths: Iterable[Path]) -> set[str]:
    """Ids that must never be trained on (one per line, ``#`` comments allowed)."""
    ids: set[str] = set()
    for path in paths:
        if path.exists():
            ids.update(line.split("#")[0].strip() for line in path.read_text("utf-8").splitlines())
    ids.discard("")
    return ids


def load_examples(labels: Sequence[dict[str, Any]], records: dict[str, dict[str, Any]],
                  excluded: set[str], *, allow_excluded: bool = False,
                  weight: float = 1.0, both_readings: bool = False) -> list[Example]:
    """Join labels to their records and featurise them.

    Args:
        labels: gold label objects.
        records: posting records by id.
        excluded: ids that must never be trained on.
        allow_excluded: keep excluded ids as evaluation-only examples
            (``trainable=False``) instead of refusing them (dev set only).
        weight: the training weight of each example.

    Raises:
        InputError: a label names an excluded (held-out) id or an unknown id.
    """
    out = []
    for gold in labels:
        rid = gold["id"]
        if rid in excluded and not allow_excluded:
            raise InputError(f"label {rid} is a held-out posting; it must never be trained on.")
        record = records.get(rid)
        if record is None:
            raise InputError(f"label {rid} has no posting text; check the inputs file.")
        prep = prepare_record(record)
        company = record_company(prep)  # (as ``mljobs enrich`` and the store read it)
        feats = features_for(prep.title, prep.text, company)
        w = weight
        if both_readings and prep.split and prep.role is not None:
            # (a post split into roles: its labelled role's text, and the whole post under
            # "<role> | <record title>" as a post that is not split reads, half weight each;
            # title and text as ``prepare_record`` reads them)
            whole = features_for(f"{read_title(prep.role)} | {one_line(record['title'])}",
                                 prep.post, company)
            w = weight / 2
            out.append(Example(rid, gold["archetype"], whole, record, gold, rid not in excluded, w))
        out.append(Example(rid, gold["archetype"], feats, record, gold, rid not in excluded, w))
    return out


def _idf(docs: Sequence[Featurized]) -> dict[str, float]:
    df: dict[str, int] = {}
    for d in docs:
        for key in {**d.title_counts, **d.text_counts}:
            df[key] = df.get(key, 0) + 1
    n = len(docs)
    return {k: math.log((1 + n) / (1 + c)) + 1.0 for k, c in df.items() if c >= MIN_DF}


def _matrix(vecs: Sequence[dict[str, float]], index: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    rows, cols, vals = [], [], []
    for r, vec in enumerate(vecs):
        for k, v in vec.items():
            j = index.get(k)
            if j is not None:
                rows.append(r)
                cols.append(j)
                vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(vecs), len(index)))


def _lsa(vecs: Sequence[dict[str, float]], idf: dict[str, float], k: int,
         ) -> tuple[list[str], npt.NDArray[np.float64], list[dict[str, float]]]:
    """Fit the LSA projection on the description blocks (``d:`` values) of ``vecs``.

    Returns the description terms (the projection's rows), the (terms, k')
    components and each example's topic features (``f:lsa:j``, the projection
    L2-normalised); ``k' = min(k, examples - 1, terms - 1)``, 0 on tiny data.
    """
    from sklearn.decomposition import TruncatedSVD  # type: ignore[import-untyped]

    terms = sorted(t for t in idf if t.startswith("d:"))
    k = min(k, len(vecs) - 1, len(terms) - 1)
    if k < 2:
        return terms, np.zeros((len(terms), 0)), [{} for _ in vecs]
    index = {t: i for i, t in enumerate(terms)}
    x = _matrix(vecs, index)  # only the description terms are columns
    svd = TruncatedSVD(k, algorithm=LSA_ALGORITHM, random_state=SEED).fit(x)
    z = x @ svd.components_.T
    z /= np.linalg.norm(z, axis=1, keepdims=True) + LSA_EPS
    topics = [{f"f:lsa:{j}": float(v) for j, v in enumerate(row)} for row in z]
    return terms, svd.components_.T.copy(), topics


def fit(examples: Sequence[Example], *, c_reg: float = C_REG, temperature: float = 1.0,
        alt_weight: float = ALT_WEIGHT, lsa_k: int = LSA_K,
        extra_scale: float = EXTRA_SCALE, pairs: Sequence[tuple[str, str]] = PAIRS,
        pair_c: float = PAIR_C) -> ArchetypeModel:
    """Fit the archetype model on labelled examples.

    A label's ``archetype_alt`` (the class a careful reader could also defend)
    is added as a second, down-weighted example, which softens the boundary
    between neighbouring archetypes. Each example counts ``Example.weight``
    times; ``lsa_k`` latent topics of the descriptions are added (0: none); the engineered
    features are fitted scaled by ``extra_scale`` (see ``EXTRA_SCALE``). Each of ``pairs``
    gets a specialist (see ``PAIRS``) fitted with ``C=pair_c`` on the same matrix.
    """
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    examples = [e for e in examples if e.trainable]
    assert all(e.id not in _EXCLUDED for e in examples), "held-out id in training data"
    idf = _idf([e.feats for e in examples])
    # One thread: sklearn's multi-threaded sums run in a varying order, which moved the
    # loosely converged weights (and a few CV predictions) from run to run.
    with threadpool_limits(limits=1):
        base = [vectorize(e.feats, idf) for e in examples]
        if extra_scale != 1.0:
            for vec, e in zip(base, examples, strict=True):
                for k in e.feats.extra:
                    vec[k] *= extra_scale
        terms, components, topics = _lsa(base, idf, max(lsa_k, 0))
        for vec, topic in zip(base, topics, strict=True):
            vec.update(topic)
        rows = [(i, e.label, e.weight) for i, e in enumerate(examples)]
        if alt_weight > 0:
            rows += [(i, str(e.gold.get("archetype_alt")), alt_weight * e.weight)
                     for i, e in enumerate(examples) if e.gold.get("archetype_alt") in ARCHETYPES]
        vecs = [base[i] for i, _, _ in rows]
        names = sorted({k for v in vecs for k in v})
        engineered = [i for i, k in enumerate(names) if k.startswith("f:") and not k.startswith("f:lsa:")]
        index = {k: i for i, k in enumerate(names)}
        counts: dict[str, int] = {}
        for e in examples:
            counts[e.label] = counts.get(e.label, 0) + 1
        # Square root of "balanced" weights: rare archetypes count more, but not so much
        # that the common ones (not-ml, ml-product-swe) lose accuracy.
        weights = {c: (len(examples) / (len(counts) * n)) ** CLASS_WEIGHT_POWER
                   for c, n in counts.items()}
        clf = LogisticRegression(C=c_reg, class_weight=weights, max_iter=LR_MAX_ITER, tol=LR_TOL)
        matrix = _matrix(vecs, index)
        labels = [y for _, y, _ in rows]
        clf.fit(matrix, labels, sample_weight=[w for _, _, w in rows])
        specialists = []
        for pair in pairs:
            if not all(c in counts for c in pair):
                continue
            # (the pair's examples, and their alt labels inside the pair)
            picked = [r for r, (i, y, _) in enumerate(rows) if y in pair and examples[i].label in pair]
            n_pair = sum(counts[c] for c in pair)
            pair_weights = {c: (n_pair / (2 * counts[c])) ** CLASS_WEIGHT_POWER for c in pair}
            binary = LogisticRegression(C=pair_c, class_weight=pair_weights, max_iter=LR_MAX_ITER,
                                        tol=LR_TOL)
            binary.fit(matrix[picked], [labels[r] for r in picked],
                       sample_weight=[rows[r][2] for r in picked])
            # (sklearn's one row is the log-odds of its second class, in sorted order, over the first)
            first, second = (str(c) for c in binary.classes_)
            specialists.append((ARCHETYPES.index(first), ARCHETYPES.index(second),
                                binary.coef_[0].copy(), float(binary.intercept_[0])))
    classes = [str(c) for c in clf.classes_]
    coef = np.zeros((len(ARCHETYPES), len(names)))
    intercept = np.full(len(ARCHETYPES), -20.0)  # classes absent from training get ~0 probability
    weights_of = list(zip(clf.coef_, clf.intercept_, strict=True))
    if len(classes) == 2:  # sklearn keeps one row, the second class's log-odds over the first
        weights_of = [(np.zeros(len(names)), 0.0), weights_of[0]]
    for c, (w, b) in zip(classes, weights_of, strict=True):
        coef[ARCHETYPES.index(c)] = w
        intercept[ARCHETYPES.index(c)] = b
    pair_coef = np.array([w for _, _, w, _ in specialists]).reshape(len(specialists), len(names))
    if extra_scale != 1.0:  # (w . (s x) = (s w) . x: the model takes x unscaled)
        coef[:, engineered] *= extra_scale
        pair_coef[:, engineered] *= extra_scale
    idf_arr = np.array([idf.get(k, 1.0) for k in names])
    lsa = None
    if components.shape[1]:
        # Every description term has document frequency >= MIN_DF, so it is a model column.
        lsa = (np.array([index[t] for t in terms], dtype=np.int64), components)
    pair_model = None
    if specialists:
        pair_model = (np.array([(a, b) for a, b, _, _ in specialists], dtype=np.int64), pair_coef,
                      np.array([b for _, _, _, b in specialists]))
    return ArchetypeModel(list(ARCHETYPES), names, idf_arr, coef, intercept, temperature, lsa,
                          pair_model)


def folds(n: int, k: int = 5, seed: int = SEED, labels: Sequence[str] | None = None) -> list[list[int]]:
    """Deterministic stratified k-fold split of ``range(n)``."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    if labels is not None:
        order = np.array(sorted(order, key=lambda i: labels[i]), dtype=np.int64)
    parts: list[list[int]] = [[] for _ in range(k)]
    for pos, i in enumerate(order):
        parts[pos % k].append(int(i))
    return parts


_NOT_WORD = re.compile(r"\W+")
# How much of a text's start identifies a repost (the same post in another month's thread).
REPOST_PREFIX = 300


def repost_keys(record: dict[str, Any]) -> set[tuple[str, str]]:
    """What a repost of ``record`` shares with it: the company with the title (case and
    punctuation aside), or the first ``REPOST_PREFIX`` characters of the text."""
    keys = set()
    company = str(record.get("company") or "").strip().lower()
    title = _NOT_WORD.sub(" ", str(record.get("title") or "").lower()).strip()
    if company and title:
        keys.add((company, title))
    text = str(record.get("text") or "")
    if len(text.strip()) >= 100:
        keys.add(("", text[:REPOST_PREFIX]))
    return keys


def cross_val_models(dev: Sequence[Example], extra: Sequence[Example], k: int = 5,
                     drop_reposts: bool = True, seed: int = SEED,
                     **kw: Any) -> list[tuple[list[int], ArchetypeModel]]:
    """For each of ``k`` dev folds: (the fold's indices, a model trained on the rest + extra).

    With ``drop_reposts``, a fold's models never train on a repost of one of its postings
    (``repost_keys``): Hacker News companies post the same ad month after month, and a
    model that has seen the ad's label scores it too well. The held-out set gets no such
    help (``labels/heldout-exclude.txt`` keeps its reposts out of training), so this is
    the estimate that matches it.
    """
    return [(fold, fit(train, **kw)) for fold, train in cv_splits(dev, extra, k, drop_reposts, seed)]


def cv_splits(dev: Sequence[Example], extra: Sequence[Example], k: int = 5,
              drop_reposts: bool = True, seed: int = SEED) -> list[tuple[list[int], list[Example]]]:
    """The folds of ``cross_val_models``: (a fold's dev indices, the examples its model
    trains on). ``seed`` draws the fold split (``mljobs eval`` uses ``SEED``)."""
    out = []
    for fold in folds(len(dev), k, seed=seed, labels=[e.label for e in dev]):
        held = set(fold)
        train = [e for i, e in enumerate(dev) if i not in held] + list(extra)
        if drop_reposts:
            seen = set().union(*(repost_keys(dev[i].record) for i in fold))
            train = [e for e in train if seen.isdisjoint(repost_keys(e.record))]
        out.append((fold, train))
    return out


def fit_temperature(probs: npt.NDArray[np.float64], y: Sequence[int]) -> float:
    """The softmax temperature that minimises the log-loss of held-out probabilities."""
    logits = np.log(np.clip(probs, 1e-12, 1.0))
    best, best_t = math.inf, 1.0
    for t in np.arange(0.3, 3.01, 0.05):
        z = logits / t
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        nll = -float(np.mean(np.log(np.clip(p[np.arange(len(y)), list(y)], 1e-12, 1.0))))
        if nll < best:
            best, best_t = nll, float(t)
    return best_t


@dataclass
class TrainingData:
    """The dev examples (cross-validated) and the extra examples (always trained on)."""

    dev: list[Example]
    extra: list[Example]


def load_training_data(shared: Path, labels_dir: Path) -> TrainingData:
    """Load dev labels + inputs and the extra labels joined to the corpus.

    Args:
        shared: the shared data folder (``../shared`` from the repo root).
        labels_dir: the repo's ``labels/`` folder (``batch*.jsonl``, ``heldout-exclude.txt``).

    Raises:
        InputError: files missing, or a held-out id among the labels.
    """
    eval_dir = shared / "data" / "eval"
    excluded = read_excluded([labels_dir / "heldout-exclude.txt"])
    _EXCLUDED.update(excluded)
    if not excluded:
        raise InputError(f"{labels_dir / 'heldout-exclude.txt'} is missing or empty; "
                         "refusing to train without the held-out exclusion list.")
    dev_inputs = {r["id"]: r for r in read_objects(eval_dir / "dev-inputs.jsonl")}
    dev = load_examples(read_objects(eval_dir / "dev-labels.jsonl"), dev_inputs, excluded,
                        allow_excluded=True, weight=DEV_WEIGHT)
    extra_labels = [g for p in sorted(labels_dir.glob("batch*.jsonl")) for g in read_objects(p)]
    wanted = {g["id"] for g in extra_labels}
    corpus = {}
    for r in read_objects(shared / "data" / "corpus" / "postings.jsonl"):
        if r.get("id") in wanted:
            corpus[r["id"]] = r
    dev_ids = set(dev_inputs)
    extra_labels = [g for g in extra_labels if g["id"] not in dev_ids]
    extra = load_examples(extra_labels, corpus, excluded, both_readings=True)
    return TrainingData(dev, extra)
