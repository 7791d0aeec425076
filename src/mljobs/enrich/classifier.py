"""The archetype classifier: multinomial logistic regression over ``features``.

The model artefact ``enrich/data/archetype_model.npz`` (built by
``tools/train_archetype.py``; arrays only, loaded with ``allow_pickle=False``)
holds the classes, the feature names, their IDF weights, the coefficient
matrix, the intercepts and a softmax temperature fitted on cross-validated
predictions. Run time needs numpy only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from mljobs.enrich.features import Featurized, featurize, first_positions, vectorize
from mljobs.errors import EnrichError

ARCHETYPES = (
    "ml-product-swe", "big-data-ml-engineer", "data-scientist-analytics", "data-scientist-ml",
    "research-engineer", "applied-researcher", "research-scientist", "not-ml",
)
MODEL_FILE = "archetype_model.npz"


@dataclass(frozen=True)
class Contribution:
    """One description feature's push toward a class (for evidence)."""

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
        self.coef_ = coef
        self._coef_t = np.ascontiguousarray(coef.T)
        self.intercept_ = intercept
        self.temperature_ = temperature

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
        idf = np.array([self.idf_.get(f, 1.0) for f in self.features_], dtype=np.float32)
        np.savez_compressed(
            path, classes=np.array(self.classes_), features=np.array(self.features_), idf=idf,
            coef=self.coef_.astype(np.float32), intercept=self.intercept_.astype(np.float32),
            temperature=np.array(self.temperature_),
        )

    def _sparse(self, feats: Featurized) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64], list[str]]:
        vec = vectorize(feats, self.idf_)
        names = [k for k in vec if k in self.index_]
        idx = np.fromiter((self.index_[k] for k in names), dtype=np.int64, count=len(names))
        vals = np.fromiter((vec[k] for k in names), dtype=np.float64, count=len(names))
        return idx, vals, names

    def predict(self, feats: Featurized) -> tuple[dict[str, float], list[Contribution]]:
        """Probabilities for every class and the description features behind the top one."""
        idx, vals, names = self._sparse(feats)
        parts = self._coef_t[idx] * vals[:, None]  # (features present, classes)
        scores = (parts.sum(axis=0) + self.intercept_) / self.temperature_
        scores -= scores.max()
        exp = np.exp(scores)
        proba = exp / exp.sum()
        top = int(np.argmax(proba))
        # Evidence: a feature's push toward the top class relative to the average class.
        push = parts[:, top] - parts.mean(axis=1)
        # Only description words/bigrams can be shown with offsets; title and engineered
        # features often push harder, so filter before taking the strongest.
        text_feats = np.fromiter((n.startswith("d:") for n in names), dtype=bool, count=len(names))
        push = np.where(text_feats, push, 0.0)
        order = np.argsort(-push)[:16]
        candidates = [int(j) for j in order if push[j] > 0]
        where = first_positions(feats.text, {names[j] for j in candidates})
        evidence: list[Contribution] = []
        for j in candidates:
            pos = where.get(names[j])
            if pos is not None:
                evidence.append(Contribution(names[j][2:], self.classes_[top], float(push[j]), *pos))
            if len(evidence) >= 10:
                break
        probs = {c: float(p) for c, p in zip(self.classes_, proba, strict=True)}
        return probs, evidence


@lru_cache(maxsize=1)
def default_model() -> ArchetypeModel:
    """The packaged model, loaded once per process."""
    return ArchetypeModel.load()


def classify_text(title: str, text: str, skill_categories: tuple[str, ...] = ()) -> dict[str, float]:
    """Probabilities of the 8 archetypes for any title + text (e.g. a resume)."""
    probs, _ = default_model().predict(featurize(title, text, skill_categories))
    return probs
