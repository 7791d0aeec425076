"""The archetype classifier: multinomial logistic regression over ``features``.

The model artefact ``enrich/data/archetype_model.npz`` (built by
``tools/train_archetype.py``; arrays only, loaded with ``allow_pickle=False``)
holds the classes, the feature names, their IDF weights, the coefficient
matrix, the intercepts and a softmax temperature fitted on cross-validated
predictions. Run time needs numpy only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from itertools import compress, repeat
from operator import mul, ne
from typing import Any, NamedTuple
from pathlib import Path

import numpy as np
import numpy.typing as npt

from mljobs.enrich.features import TITLE_WEIGHT, Featurized, featurize, locate
from mljobs.enrich.lowered import lower
from mljobs.errors import EnrichError

ARCHETYPES = (
    "ml-product-swe", "big-data-ml-engineer", "data-scientist-analytics", "data-scientist-ml",
    "research-engineer", "applied-researcher", "research-scientist", "not-ml",
)
MODEL_FILE = "archetype_model.npz"
_UNKNOWN = -1  # the column of a feature the model does not know


class Contribution(NamedTuple):
    """One description feature's push toward a class (for evidence; a named tuple, which is
    built several times faster than a frozen dataclass)."""

    feature: str
    archetype: str
    weight: float
    start: int
    end: int


class ArchetypeModel:
    """A trained archetype model (see module docstring).

    Args:
        classes: the archetype slugs, in coefficient row order.
        features: feature names, in coefficient column order.
        idf: IDF weight per feature (1.0 for engineered features).
        coef: (n_classes, n_features) weights.
        intercept: (n_classes,) biases.
        temperature: softmax temperature (> 0).
    """

    def __init__(self, classes: list[str], features: list[str], idf: npt.NDArray[np.float64],
                 coef: npt.NDArray[np.float64], intercept: npt.NDArray[np.float64],
                 temperature: float = 1.0) -> None:
        self.classes_ = classes
        self.features_ = features
        self.index_ = {f: i for i, f in enumerate(features)}
        self.idf_ = {f: float(w) for f, w in zip(features, idf, strict=True) if not f.startswith("f:")}
        self._idf_arr = np.asarray(idf, dtype=np.float64)
        self.coef_ = coef
        self._coef_t = np.ascontiguousarray(coef.T)
        self.intercept_ = intercept
        self._intercept = np.asarray(intercept, dtype=np.float64).tolist()
        self.temperature_ = temperature
        # Per-feature tables for ``predict``, read one element at a time from Python (lists:
        # ``list.__getitem__`` is a fast call for ``map``, an array's is not):
        # the IDF weights, and for each class the push of a feature toward it relative to the
        # average class (``coef_t[j] @ away``, summed over the classes in order, as the
        # row-by-vector product it replaces sums them).
        k = len(classes)
        self._idf_list: list[float] = self._idf_arr.tolist()
        self._push: list[list[float]] = []
        for c in range(k):
            away = np.full(k, -1.0 / k)
            away[c] += 1.0
            push = np.zeros(len(features))
            for j in range(k):
                push += self._coef_t[:, j] * away[j]
            self._push.append(push.tolist())

    @classmethod
    def load(cls, path: str | Path | None = None) -> ArchetypeModel:
        """Load a model artefact (default: the one shipped in the package).

        Raises:
            EnrichError: the file is missing or malformed.
        """
        try:
            if path is None:
                ref = resources.files("mljobs.enrich").joinpath(f"data/{MODEL_FILE}")
                with resources.as_file(ref) as real:
                    return cls._from_npz(real)
            return cls._from_npz(Path(path))
        except FileNotFoundError as exc:
            raise EnrichError(
                f"Archetype model not found ({path or MODEL_FILE}); build it with "
                "`.venv/bin/python tools/train_archetype.py`."
            ) from exc
        except (KeyError, ValueError) as exc:
            raise EnrichError(f"Archetype model {path or MODEL_FILE} is malformed: {exc}") from exc

    @classmethod
    def _from_npz(cls, path: Path) -> ArchetypeModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                classes=[str(c) for c in data["classes"]],
                features=[str(f) for f in data["features"]],
                idf=data["idf"].astype(np.float64),
                coef=data["coef"].astype(np.float64),
                intercept=data["intercept"].astype(np.float64),
                temperature=float(data["temperature"]),
            )

    def save(self, path: str | Path) -> None:
        """Write the artefact as a plain ``.npz`` (no pickled objects)."""
        idf = self._idf_arr.astype(np.float32)
        np.savez_compressed(
            path, classes=np.array(self.classes_), features=np.array(self.features_), idf=idf,
            coef=self.coef_.astype(np.float32), intercept=self.intercept_.astype(np.float32),
            temperature=np.array(self.temperature_),
        )

    def _vector(self, feats: Featurized) -> tuple[list[int], list[float], int, int]:
        """The posting's columns and values, as ``features.vectorize`` computes them.

        Returns (columns, values, end of the title block, end of the description block):
        title n-grams first, then description n-grams, then engineered features. Each
        n-gram block is sublinear TF-IDF, L2-normalised, the title's times
        ``TITLE_WEIGHT``; only features the model knows count. Plain Python over a few
        hundred features: cheaper than a chain of small numpy calls (and than ``map``
        passes, measured), with the same arithmetic per value.
        """
        title, text, extra = feats.title_counts, feats.text_counts, feats.extra
        if not title and not text:
            return self._vector_no_words(feats)
        get = self.index_.get
        idf = self._idf_list
        cols: list[int] = []
        vals: list[float] = []
        ends = []
        for counts, weight in ((title, TITLE_WEIGHT), (text, 1.0)):
            at = len(cols)
            for col, n in zip(map(get, counts), counts.values()):
                if col is not None:  # None: a feature the model does not know
                    cols.append(col)
                    vals.append(idf[col] if n == 1 else (math.log(n) + 1.0) * idf[col])
            if len(cols) > at:
                block = vals[at:]
                scale = weight / (math.sqrt(sum(map(mul, block, block))) or 1.0)
                vals[at:] = [v * scale for v in block]
            ends.append(len(cols))
        found, values = self._known(extra)
        cols += found
        vals += values
        return cols, vals, ends[0], ends[1]

    def _known(self, counts: Mapping[str, float]) -> tuple[list[int], list[Any]]:
        """The columns of the keys of ``counts`` the model knows, and their values."""
        found = list(map(self.index_.get, counts, repeat(-1)))
        if -1 not in found:
            return found, list(counts.values())
        keep = list(map(ne, found, repeat(_UNKNOWN)))
        return list(compress(found, keep)), list(compress(counts.values(), keep))

    def _vector_no_words(self, feats: Featurized) -> tuple[list[int], list[float], int, int]:
        """``_vector`` of a posting without a single title or description word.

        Its engineered features are then weighted as if they were the description
        block (log of 0 included, so an empty text gets NaN probabilities), as the
        numpy version of ``_vector`` did; kept so that no output changes (a fix
        belongs with a retrained model).
        """
        cols, values = self._known(feats.extra)
        idf = self._idf_list
        vals = [((math.log(n) if n else -math.inf) + 1.0) * idf[col] for col, n in zip(cols, values)]
        scale = 1.0 / (math.sqrt(sum(map(mul, vals, vals))) or 1.0)
        return cols, [v * scale for v in vals], 0, len(cols)

    def predict(self, feats: Featurized, evidence: int = 8) -> tuple[dict[str, float], list[Contribution]]:
        """Probabilities for every class and up to ``evidence`` description features behind
        the top one, strongest first."""
        cols, vals, n_title, n_text = self._vector(feats)
        dots = (np.array(vals) @ self._coef_t.take(cols, axis=0)).tolist()
        scores = [(d + b) / self.temperature_ for d, b in zip(dots, self._intercept, strict=True)]
        high = max(scores)
        exps = [math.exp(s - high) for s in scores]
        total = sum(exps)
        probs = {c: e / total for c, e in zip(self.classes_, exps, strict=True)}
        top = exps.index(max(exps))
        if evidence <= 0:
            return probs, []
        # Evidence: a description feature's push toward the top class relative to the average
        # class (only description words/bigrams can be shown with offsets).
        text_cols = cols[n_title:n_text]
        push = list(map(mul, vals[n_title:n_text], map(self._push[top].__getitem__, text_cols)))
        order = _strongest(push, 2 * evidence, exact=bool(feats.title_counts or feats.text_counts))
        low = lower(feats.text)  # shared with featurize and the other steps
        found: list[Contribution] = []
        if len(low) != len(feats.text):  # offsets into the lower-cased text would not match
            return probs, found
        names = self.features_
        archetype = self.classes_[top]
        for i in order:
            weight = push[i]
            if weight <= 0:
                break
            name = names[text_cols[i]]
            pos = locate(low, name)
            if pos is not None:
                found.append(Contribution(name[2:], archetype, weight, *pos))
                if len(found) >= evidence:
                    break
        return probs, found


def _strongest(push: list[float], n: int, *, exact: bool = True) -> list[int]:
    """Positions of the ``n`` largest values of ``push``, largest first, as
    ``np.argsort(-push)[:n]`` gives them.

    When those values and the next one are all distinct, any sort gives the same
    positions, and Python's (no array to build) is cheaper; otherwise numpy's argsort
    orders the ties as it always has. ``exact=False`` (values that may not be finite)
    goes to numpy directly.
    """
    if exact:
        order = sorted(range(len(push)), key=push.__getitem__, reverse=True)
        head = [push[i] for i in order[:n + 1]]
        if len(set(head)) == len(head):
            return order[:n]
    return list(np.argsort(np.negative(push))[:n].tolist())


@lru_cache(maxsize=1)
def default_model() -> ArchetypeModel:
    """The packaged model, loaded once per process."""
    return ArchetypeModel.load()


def classify_text(title: str, text: str, skill_categories: tuple[str, ...] = ()) -> dict[str, float]:
    """Probabilities of the 8 archetypes for any title + text (e.g. a resume)."""
    probs, _ = default_model().predict(featurize(title, text, skill_categories))
    return probs
