"""The archetype classifier: multinomial logistic regression over ``features``.

The model artefact ``enrich/data/archetype_model.npz`` (built by
``tools/train_archetype.py``; arrays only, loaded with ``allow_pickle=False``)
holds the classes, the feature names, their IDF weights, the coefficient
matrix, the intercepts, a softmax temperature fitted on cross-validated
predictions, and the LSA projection: for each description term (a column of
the model) its loadings on ``k`` latent topics. A posting's topic features
``f:lsa:j`` are its description block projected on them, L2-normalised; and
the pairwise specialists (``training.PAIRS``): per pair, the weights of a binary
model that orders the two classes when they are a posting's top two. Run
time needs numpy only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from mljobs.enrich.features import _STOP, TITLE_WEIGHT, Featurized, _word_at, featurize, locate
from mljobs.enrich.lowered import lower
from mljobs.enrich.skills import norm_key, skill_keys
from mljobs.errors import EnrichError

ARCHETYPES = (
    "ml-product-swe", "big-data-ml-engineer", "data-scientist-analytics", "data-scientist-ml",
    "research-engineer", "applied-researcher", "research-scientist", "not-ml",
)
MODEL_FILE = "archetype_model.npz"
LSA_EPS = 1e-9  # added to a projection's norm (an empty description projects to 0)
_UNKNOWN = -1  # the column of a feature the model does not know


class Contribution(NamedTuple):
    """One description feature's push toward a class (for evidence; a named tuple, which is
    built several times faster than a frozen dataclass)."""

    feature: str
    archetype: str
    weight: float
    start: int
    end: int


class _Looked(NamedTuple):
    """A posting's columns in the model and their values (``ArchetypeModel._lookup``); read
    once: ``_weigh`` turns the counts in ``vals`` into the vector's values in place."""

    cols: npt.NDArray[np.intp]
    vals: npt.NDArray[np.float64]
    n_title: int  # the end of the title block
    n_text: int  # the end of the description block
    text: str  # the description (to locate evidence in)


# --- evidence: what a reader is shown -------------------------------------------------------
EVIDENCE_POOL = 4  # features looked at per phrase shown (some are dropped or merged)
# A web or mail address (a whitespace-delimited token): its pieces are not words of the text.
# A domain's top level is one of the usual ones, in lower case ("ASP.NET", "Node.js" are not).
_TLDS = ("com|io|ai|co|org|net|dev|app|tech|xyz|gg|sh|ly|tv|info|jobs|careers|health|bio|vc|"
         "fm|uk|de|fr|eu|ca|nl|se|ch|es|pl|dk|fi|au|nz|jp|hk|sg|il|br")
_ADDRESS_RE = re.compile(
    rf"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)\S*|[^\s@]+@[^\s@]+\.[A-Za-z]{{2,}}"
    rf"|(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})(?:[/:?#]\S*)?")
_TOKEN_END_RE = re.compile(r"\S*")
_TOKEN_REACH = 1000  # how far before and after a word its token is read for an address
_NAME_WORD_RE = re.compile(r"[^\W_]+")  # (the runs ``str.isalnum`` accepts)
_TOKEN_STRIP = "\"'()[]<>{},;!*`|"
# A name's parts (a place's "Waltham, MA"), and a company's legal or generic suffix.
_NAME_SPLIT_RE = re.compile(r"\s*[,|;()]\s*|\s+/\s+|\s+(?:or|and|&)\s+")
_NAME_SUFFIX_RE = re.compile(
    r"[\s,]+(?:inc\.?|llc|l\.l\.c\.|ltd\.?|limited|corp\.?|corporation|co\.?|gmbh|ag|plc|"
    r"s\.a\.|technologies|technology|labs?|ai|group|holdings)$", re.IGNORECASE)


# Words that say how or when one works, not where: a part of a place field that has one
# ("Remote", "Hybrid (4 days/week in office)") is no name.
_NOT_PLACE_WORDS = frozenset(
    "remote hybrid onsite on-site in-person office offices full-time part-time full part time "  # noqa: SIM905 (a word list)
    "global worldwide anywhere industry days day week weeks only based us-based preferred "
    "timezone timezones zone zones overlap first remote-first multiple locations location "
    "relocation visa flexible growth".split())


def _name_forms(names: tuple[str, ...]) -> list[str]:
    """The forms the company's name (``names[0]``) and the place names (the rest) take in a
    text: whole, without a legal suffix ("Acme" of "Acme Inc."), the company's by its first
    word too ("Archer" of "Archer Aviation": only as written, see ``_variants``); a
    list of places by its parts ("Waltham" and "MA" of "Waltham, MA"), leaving out the parts
    that are work modes or skills, or have a long word in capitals (a source's place field
    sometimes holds "ROBOTICS")."""
    out: list[str] = []
    company = names[0].strip() if names else ""
    first = company.split(" ", 1)[0]
    if " " in company and len(first) >= 3 and first[0].isupper() and first.lower() not in _STOP \
            and first.isalnum():
        out.append(first)
    for i, name in enumerate(names):
        name = name.strip()
        for form in dict.fromkeys((name, _NAME_SUFFIX_RE.sub("", name))):
            if not i:  # (the company's name, whole)
                out.append(form.strip(" .-"))
                continue
            parts = [p.strip(" .-") for p in _NAME_SPLIT_RE.split(form)]
            out.extend(p for p in parts if p and _NOT_PLACE_WORDS.isdisjoint(p.lower().split())
                       and not any(len(w) > 3 and w.isupper() for w in p.split())
                       and skill_keys().isdisjoint(map(norm_key, p.split("/"))))
    return [f for f in dict.fromkeys(out) if len(f) >= 2 and any(c.isalpha() for c in f)]


def _variants(form: str) -> tuple[str, ...]:
    """A name as it may be written: as given, in capitals, or (a name in capitals)
    capitalised ("Rinse" of "RINSE")."""
    return tuple(dict.fromkeys((form, form.upper(), form.title() if form.isupper() else form)))


def _name_at(text: str, variant: str, start: int, end: int) -> tuple[int, int] | None:
    """A whole-word occurrence of ``variant`` in ``text`` that overlaps ``start:end``."""
    size = len(variant)
    i = text.find(variant, max(0, start - size + 1), end - 1 + size)
    while i >= 0:
        j = i + size
        if (not i or not text[i - 1].isalnum()) and not text[j:j + 1].isalnum():
            return i, j
        i = text.find(variant, i + 1, end - 1 + size)
    return None


# The characters next to a word that leave it a plain word (else the whitespace-delimited
# token around it is looked at: it may be an address).
_FREE_BEFORE = frozenset(" \n\t\r([{\"'<*`|")
_FREE_AFTER = frozenset(" \n\t\r)]}\"'>*`|,;!?")


_WEIGHT = itemgetter(2)


class EvidencePhrases:
    """The phrases shown as a prediction's evidence, built from its strongest features.

    A feature is placed at its first occurrence in the text that a reader would take for
    it: not inside a web or mail address (``https``, ``www.acme.com/jobs`` are no words of
    the posting), nor inside the posting's company or place names (``names``: the source's
    fields; "Acme" pushes no archetype a reader can weigh). Features that meet in the
    text become one phrase with their summed weight: a word inside a phrase
    ("vision" inside "computer vision"), or a word of a two-word feature wherever the
    word was placed ("machine" and "learning" with "machine learning").
    """

    def __init__(self, text: str, low: str, names: tuple[str, ...] = ()) -> None:
        self.text = text
        self.view = low  # the lower-cased text, places found unfit blanked out
        self.names = names
        self._names_low = " | ".join(names).lower()  # (a cheap first check)
        self._forms: list[tuple[str, tuple[str, ...]]] | None = None  # (lower-cased, as written)
        self._words: frozenset[str] | None = None  # (the words of the names, lower-cased)
        # each: [start, end, weight, words, several words?]
        self.groups: list[list[Any]] = []

    def add(self, feature: str, weight: float, limit: int) -> bool:
        """Place ``feature`` (a ``d:`` feature without its prefix) with its push; False once
        ``limit`` phrases are found."""
        groups = self.groups
        pos = self._place(feature)
        if pos is not None:
            start, end = pos
            several = " " in feature
            words = set(feature.split(" ")) if several else {feature}
            if groups:
                self._merge([start, end, weight, words, several])
            else:
                groups.append([start, end, weight, words, several])
        return len(groups) < limit

    def contributions(self, archetype: str) -> list[Contribution]:
        """The phrases, strongest first."""
        new = tuple.__new__  # (a Contribution without the Python-level ``__new__`` of a NamedTuple)
        view = self.view
        groups = sorted(self.groups, key=_WEIGHT, reverse=True)  # (stable: ties keep order)
        return [new(Contribution, (" ".join(view[s:e].split()) if several else view[s:e],
                                   archetype, w, s, e))
                for s, e, w, _, several in groups]

    def _place(self, feature: str) -> tuple[int, int] | None:
        if " " not in feature:  # a word (most features): ``locate``'s search, without its key
            i = _word_at(self.view, feature)
            if i < 0:
                return None
            if self._unfit(i, i + len(feature)) is None:  # (most often)
                return i, i + len(feature)
        key = "d:" + feature  # (an unfit word's search starts again below: same result)
        pos = locate(self.view, key)
        while pos is not None:
            unfit = self._unfit(*pos)
            if unfit is None:
                return pos
            a, b = unfit  # (it holds a word of this occurrence: the search moves on)
            self.view = self.view[:a] + " " * (b - a) + self.view[b:]
            pos = locate(self.view, key)
        return None

    def _unfit(self, start: int, end: int) -> tuple[int, int] | None:
        """The span to leave out when ``start:end`` lies in an address or a name."""
        text = self.text
        seg = text[start:end]
        after = text[end:end + 1]
        if (start and text[start - 1] not in _FREE_BEFORE) or "." in seg or "/" in seg \
                or "@" in seg or ":" in seg or (after and after not in _FREE_AFTER and not (
                    after in ".:" and text[end + 1:end + 2] in _FREE_AFTER)):
            a = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start),
                    text.rfind("\t", 0, start)) + 1
            b = _TOKEN_END_RE.match(text, end).end()  # type: ignore[union-attr]
            # (no address is longer: a 40 KB "token" took _ADDRESS_RE 2 s, its e-mail
            # alternative tried from every place of it)
            a, b = max(a, start - _TOKEN_REACH), min(b, end + _TOKEN_REACH)
            token = text[a:b]
            if "." in token or "@" in token or ":" in token:
                for m in _ADDRESS_RE.finditer(token.rstrip(_TOKEN_STRIP + ".:")):
                    if a + m.start() < end and start < a + m.end():
                        return a + m.start(), a + m.end()
        low = self.view[start:end]
        if low in self._names_low and (not low.isalnum() or low in self._name_words()):
            # (a name holds the word, as a word of its own: where is that name? A word
            # inside a name's word, "ai" of "Spain", is not inside that name in the text)
            if self._forms is None:
                self._forms = [(form.lower(), _variants(form)) for form in _name_forms(self.names)]
            for form_low, variants in self._forms:
                if low in form_low:
                    for variant in variants:
                        if (span := _name_at(text, variant, start, end)) is not None:
                            return span
        return None

    def _name_words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_NAME_WORD_RE.findall(self._names_low))
        return self._words

    def _merge(self, new: list[Any]) -> None:
        """Add a placed feature, joined with every phrase it meets (see the class doc)."""
        groups = self.groups
        met = True
        while met:  # (a joined phrase may meet one passed over)
            met = False
            start, end, weight, words, several = new
            for i, g in enumerate(groups):
                if (start < g[1] and g[0] < end) or (
                        several != g[4] and (words <= g[3] if g[4] else g[3] <= words)):
                    if several == g[4]:
                        span = [min(start, g[0]), max(end, g[1])]
                    else:  # a word and a phrase: the phrase's place
                        span = [start, end] if several else [g[0], g[1]]
                    new = [*span, weight + g[2], words | g[3], several or g[4]]
                    del groups[i]
                    met = True
                    break
        groups.append(new)


class ArchetypeModel:
    """A trained archetype model (see module docstring).

    Args:
        classes: the archetype slugs, in coefficient row order.
        features: feature names, in coefficient column order.
        idf: IDF weight per feature (1.0 for engineered features).
        coef: (n_classes, n_features) weights.
        intercept: (n_classes,) biases.
        temperature: softmax temperature (> 0).
        lsa: (model columns of the description terms, their (terms, k) topic loadings),
            whose topic features are named ``f:lsa:0`` .. ``f:lsa:{k-1}``; or None.
        pairs: pairwise specialists, or None: ((m, 2) class indices (first, second), (m,
            n_features) weights, (m,) intercepts), each a binary logistic regression on the
            same features whose score is the log-odds of ``second`` over ``first``. When a
            posting's two highest scores are a specialist's pair, the specialist orders the
            two: if it prefers the runner-up, the two classes' scores are swapped.
    """

    def __init__(self, classes: list[str], features: list[str], idf: npt.NDArray[np.float64],
                 coef: npt.NDArray[np.float64], intercept: npt.NDArray[np.float64],
                 temperature: float = 1.0,
                 lsa: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]] | None = None,
                 pairs: tuple[npt.NDArray[np.int64], npt.NDArray[np.float64],
                              npt.NDArray[np.float64]] | None = None) -> None:
        self.classes_ = classes
        self.features_ = features
        self._bare = [f[2:] for f in features]  # (without the prefix: what evidence shows)
        self.index_ = {f: i for i, f in enumerate(features)}
        # Run time looks the description terms up in a table of their own, filled from the
        # most frequent term (lowest IDF) down: a dict's entries lie in insertion order, so
        # the entries of the words most postings use lie together and stay cached. The
        # title and engineered features (``t:``/``f:``) are apart: a posting looks up ~30 of
        # them, in a table a sixth of the size.
        by_use = sorted((float(idf[i]), i) for f, i in self.index_.items() if f.startswith("d:"))
        self._text_index = {features[i]: i for _, i in by_use}
        self._other_index = {f: i for f, i in self.index_.items() if not f.startswith("d:")}
        self.idf_ = {f: float(w) for f, w in zip(features, idf, strict=True) if not f.startswith("f:")}
        self._idf_arr = np.asarray(idf, dtype=np.float64)
        self.coef_ = coef
        self._coef_t = np.ascontiguousarray(coef.T)
        self.intercept_ = intercept
        self.temperature_ = temperature
        # Each feature's push toward each class relative to the average class
        # (``coef_t[j] @ away``, summed over the classes in order as the row-by-vector
        # product it replaces sums them, so evidence weights keep their bits).
        k = len(classes)
        aways = np.eye(k) - 1.0 / k  # row c: class c minus the average class
        push = np.zeros((len(features), k))
        for c, away in enumerate(aways):
            col = push[:, c]
            for j in range(k):
                col += self._coef_t[:, j] * away[j]
        self.lsa_ = lsa
        n_topics = 0
        # (loadings for every model column, 0 outside the description terms)
        full_lsa = np.zeros((len(features), 0))
        lsa_push = np.zeros_like(push)
        if lsa is not None:
            terms, loadings = lsa
            if loadings.ndim != 2 or len(terms) != len(loadings) or (
                    len(terms) and not 0 <= int(terms.min()) <= int(terms.max()) < len(features)):
                raise ValueError("the LSA columns and loadings do not fit the features")
            if not all(features[t].startswith("d:") for t in terms.tolist()):
                raise ValueError("the LSA columns are not all description terms")
            n_topics = loadings.shape[1]
            full_lsa = np.zeros((len(features), n_topics))
            full_lsa[terms] = loadings
            topic_cols = [self.index_[f"f:lsa:{j}"] for j in range(n_topics)]
            self._lsa_coef = np.ascontiguousarray(self._coef_t[topic_cols])  # (k, classes)
            # A term's push through the topics, before dividing by the projection's norm:
            # the score is linear in the unnormalised projection, so evidence can show it.
            lsa_push = (full_lsa @ self._lsa_coef) @ aways.T
        # One row per feature for ``predict`` to gather at once (one contiguous row: at run
        # time the cost is the memory the posting's rows are read from, so one gather of
        # adjacent values beats one per array): its coefficients and topic loadings side by
        # side, so that one product of the values with the rows gives both the scores and
        # (only description terms have loadings) the topic projection; then its IDF weight
        # and its pushes for evidence.
        self._n_topics = n_topics
        self._rows = np.hstack([self._coef_t, full_lsa, self._idf_arr[:, None], push, lsa_push])
        self.pairs_ = pairs
        # (top two classes, either order) -> (specialist, its first class, its second class)
        self._pair_of: dict[tuple[int, int], tuple[int, int, int]] = {}
        if pairs is not None:
            pair_classes, pair_coef, pair_intercept = pairs
            if pair_classes.shape != (len(pair_coef), 2) or pair_coef.shape[1:] != (len(features),) \
                    or pair_intercept.shape != (len(pair_coef),) \
                    or not 0 <= int(pair_classes.min(initial=0)) <= int(pair_classes.max(initial=0)) < k:
                raise ValueError("the pairwise specialists do not fit the classes and features")
            for j, (a, b) in enumerate(pair_classes.tolist()):
                self._pair_of[a, b] = self._pair_of[b, a] = (j, a, b)
            self._pair_coef_t = np.ascontiguousarray(pair_coef.T)  # (features, m)
            self._pair_intercept = pair_intercept
            if n_topics:
                self._pair_lsa = np.ascontiguousarray(self._pair_coef_t[topic_cols])  # (k, m)

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
            lsa = None
            if "lsa_columns" in data:
                lsa = (data["lsa_columns"].astype(np.int64), data["lsa_loadings"].astype(np.float64))
            pairs = None
            if "pair_classes" in data:
                pairs = (data["pair_classes"].astype(np.int64), data["pair_coef"].astype(np.float64),
                         data["pair_intercept"].astype(np.float64))
            return cls(
                classes=[str(c) for c in data["classes"]],
                features=[str(f) for f in data["features"]],
                idf=data["idf"].astype(np.float64),
                coef=data["coef"].astype(np.float64),
                intercept=data["intercept"].astype(np.float64),
                temperature=float(data["temperature"]),
                lsa=lsa,
                pairs=pairs,
            )

    def save(self, path: str | Path) -> None:
        """Write the artefact as a plain ``.npz`` (no pickled objects)."""
        idf = self._idf_arr.astype(np.float32)
        extra: dict[str, Any] = {}
        if self.lsa_ is not None:
            extra = {"lsa_columns": self.lsa_[0].astype(np.int32),
                     "lsa_loadings": self.lsa_[1].astype(np.float32)}
        if self.pairs_ is not None:
            extra.update(pair_classes=self.pairs_[0].astype(np.int32),
                         pair_coef=self.pairs_[1].astype(np.float32),
                         pair_intercept=self.pairs_[2].astype(np.float32))
        np.savez_compressed(
            path, classes=np.array(self.classes_), features=np.array(self.features_), idf=idf,
            coef=self.coef_.astype(np.float32), intercept=self.intercept_.astype(np.float32),
            temperature=np.array(self.temperature_), **extra,
        )

    def _lookup(self, feats: Featurized) -> _Looked:
        """The posting's known columns and their raw values (counts and engineered values),
        title n-grams first, then description n-grams, then engineered features, and the
        ends of the title and description blocks: the dict lookups of a prediction (then
        ``_weigh``)."""
        title, text, extra = feats.title_counts, feats.text_counts, feats.extra
        n_title = len(title)
        n_text = n_title + len(text)
        n = n_text + len(extra)
        if not n_text and n:
            # No title or description word at all: the first version then weighted the
            # engineered features as the description block; kept so that no output changes
            # (a fix belongs with a retrained model). But for the log of a 0 value, which gave
            # NaN probabilities (a title such as "The" and no text: the store kept them as
            # nulls, and every later read of the posting, by search, show or import, failed):
            # a 0 value adds nothing to a score, so it is dropped, and only what was NaN
            # changes.
            extra = {k: v for k, v in extra.items() if v}
            n = n_text = len(extra)
        # The columns: dict lookups fed straight into the array (the maps run in C, no list
        # of Python ints in between; the description's keys are ``d:`` keys, the others
        # ``t:``/``f:`` keys); a feature the model does not know gets -1. Then the values.
        other = self._other_index.get
        cols = np.fromiter(chain(map(other, title, repeat(_UNKNOWN)),
                                 map(self._text_index.get, text, repeat(_UNKNOWN)),
                                 map(other, extra, repeat(_UNKNOWN))), dtype=np.intp, count=n)
        vals = np.fromiter(chain(title.values(), text.values(), extra.values()),
                           dtype=np.float64, count=n)
        if n and cols.min() == _UNKNOWN:  # most postings have a word the model lacks
            # The unknown features dropped (in order), and the block ends moved back by the
            # number of them inside each block: the arrays the known features alone give.
            known = cols != _UNKNOWN
            cols, vals = cols[known], vals[known]
            n_title = int(np.count_nonzero(known[:n_title]))
            n_text = int(np.count_nonzero(known[:n_text]))
        return _Looked(cols, vals, n_title, n_text, feats.text)

    def _weigh(self, looked: _Looked) -> npt.NDArray[np.float64]:
        """The model rows of ``looked``'s columns; turns its counts into the vector's values
        in place, as ``features.vectorize`` computes them.

        Each n-gram block (title, then description) is sublinear TF-IDF, L2-normalised, the
        title's times ``TITLE_WEIGHT``; only features the model knows count. The arithmetic
        is the first version's, operation for operation, so the values (and the order of
        tied evidence) stay the same to the bit.
        """
        cols, vals, n_title, n_text, _ = looked
        rows = self._rows.take(cols, axis=0)
        tf = vals[:n_text]
        np.log(tf, out=tf)
        tf += 1.0
        tf *= rows[:n_text, len(self.classes_) + self._n_topics]  # the IDF weights
        for lo, hi, weight in ((0, n_title, TITLE_WEIGHT), (n_title, n_text, 1.0)):
            if hi > lo:
                block = tf[lo:hi]
                block *= weight / (math.sqrt(block @ block) or 1.0)
        return rows

    def predict(self, feats: Featurized, evidence: int = 8,
                names: Iterable[str] = ()) -> tuple[dict[str, float], list[Contribution]]:
        """Probabilities for every class and up to ``evidence`` phrases of the description
        behind the top one, strongest first (see ``EvidencePhrases``; ``names``: the
        company's name, "" if unknown, then the place names, as the posting's source gives
        them, which are not shown)."""
        return self._predict(self._lookup(feats), evidence, tuple(names))

    def predict_many(self, feats: Iterable[Featurized], evidence: int = 8,
                     names: Iterable[Iterable[str]] | None = None,
                     ) -> list[tuple[dict[str, float], list[Contribution]]]:
        """``predict`` over many postings (the same results, in order), in less time.

        The dict lookups of every posting are done first, then the rows and products of
        each. A posting's rows (~170 rows of 1 kB, the topic loadings mostly) fill much
        of the processor's second-level cache; done posting by posting, they push the
        ~1 MB of the lookup tables out before the next posting's lookups (the likely
        reason the step took ~1.15x the time that way: ``bench/predict_many_ab.py``). Each
        posting's arithmetic is ``predict``'s, so the results are the same bits. ``names``:
        each posting's names (see ``predict``), in the same order.
        """
        looked = list(map(self._lookup, feats))
        each = repeat(()) if names is None else map(tuple, names)
        return [self._predict(one, evidence, of) for one, of in zip(looked, each)]

    def _predict(self, looked: _Looked, evidence: int,
                 names_of: tuple[str, ...] = ()) -> tuple[dict[str, float], list[Contribution]]:
        """``predict`` from the posting's looked-up columns and counts."""
        rows = self._weigh(looked)
        cols, vals, n_title, n_text, text = looked
        k = len(self.classes_)
        n_topics = self._n_topics
        # The scores and the topic projection in one product: only description terms have
        # loadings, so the other rows add nothing to the projection.
        sums = vals @ rows[:, :k + n_topics]
        linear = sums[:k] + self.intercept_
        norm = 1.0
        if self.lsa_ is not None:  # the topic features, from the description block
            topics = sums[k:]
            norm = math.sqrt(topics @ topics) + LSA_EPS
            linear += (topics @ self._lsa_coef) / norm
        if self._pair_of:
            second, first = linear.argpartition(k - 2)[k - 2:].tolist()  # (the top two, in order)
            if linear[second] > linear[first]:
                first, second = second, first
            pair = self._pair_of.get((first, second))
            if pair is not None:  # the specialist orders the two
                j, a, b = pair
                odds = vals @ self._pair_coef_t[cols, j] + self._pair_intercept[j]  # (b over a)
                if n_topics:
                    odds += (topics @ self._pair_lsa[:, j]) / norm
                if (b if odds > 0 else a) != first:
                    linear[first], linear[second] = linear[second], linear[first]
        scores = (linear / self.temperature_).tolist()
        high = max(scores)
        exps = [math.exp(s - high) for s in scores]
        total = sum(exps)
        probs = {c: e / total for c, e in zip(self.classes_, exps, strict=True)}
        top = exps.index(max(exps))
        if evidence <= 0:
            return probs, []
        # Evidence: a description feature's push toward the top class relative to the average
        # class, directly and through the topics (only description words/bigrams can be
        # shown with offsets).
        at = k + n_topics + 1 + top
        # vals * (direct + topics / norm), in place (sums and products commute: same bits)
        push = rows[n_title:n_text, at + k] / norm
        push += rows[n_title:n_text, at]
        push *= vals[n_title:n_text]
        low = lower(text)  # shared with featurize and the other steps
        if len(low) != len(text):  # offsets into the lower-cased text would not match
            return probs, []
        # The strongest pushes first; only the few picked are taken out of the arrays (more
        # than shown: some are dropped or merged into a phrase by ``EvidencePhrases``).
        picked = np.argsort(-push)[:EVIDENCE_POOL * evidence]
        bare = self._bare
        archetype = self.classes_[top]
        shown = EvidencePhrases(text, low, names_of)
        for weight, column in zip(push[picked].tolist(), cols[n_title:n_text][picked].tolist()):
            if weight <= 0 or not shown.add(bare[column], weight, evidence):
                break
        return probs, shown.contributions(archetype)


@lru_cache(maxsize=1)
def default_model() -> ArchetypeModel:
    """The packaged model, loaded once per process."""
    return ArchetypeModel.load()


def classify_text(title: str, text: str, skill_categories: tuple[str, ...] = ()) -> dict[str, float]:
    """Probabilities of the 8 archetypes for any title + text (e.g. a resume)."""
    probs, _ = default_model().predict(featurize(title, text, skill_categories))
    return probs
