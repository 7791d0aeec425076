"""Enriched postings as flat numpy arrays, built once and scored for any resume.

``MatchIndex.build(items)`` reads ``(id, Posting)`` pairs: skill ids per
posting (required and nice-to-have, ragged arrays with an owner row), the
archetype probabilities, level, years, degree and PhD asked, whether an
active security clearance is required, whether the title offers a PhD studentship, the specialisations (a bit per ``SPECIALISATIONS``), filter columns (open, remote, posted
time) and a hashed TF-IDF vector of the title and text (the top terms of each
posting, L2-normalised). Everything is an array, so ``match.rank`` scores
100k postings in a few vectorised passes.

``index_for_store(store)`` keeps one index per store in memory and a copy on
disk beside the store file (``<db>.match.npz``), keyed by the store's id and
latest revision: only the first match after the store changed pays for
reading every posting. Result postings are read back from the store by id.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mljobs.enrich import ARCHETYPES
from mljobs.enrich.facets import SPECIALISATION_TERMS, offers_phd
from mljobs.index.base import is_canonical, remote_value
from mljobs.models import Enrichment, Posting
from mljobs.profile import DEGREE_RANK
from mljobs.store import SQLiteStore

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]

HASH_BITS = 18
TERMS_PER_POSTING = 120
CACHE_FORMAT = 9  # 9: a postdoc's title is no studentship; 8: studentship; 7: spec; 6: nice_years; 5: req_years; 4: remote is the source's before the text's; 3: posted is the post date
# only (NaN when undated); 2: reposts left out
LEVELS = {"intern": 0, "junior": 1, "mid": 2, "senior": 3, "staff-plus": 4}
REMOTES = ("unknown", "remote", "hybrid", "onsite")
SPECIALISATIONS = tuple(SPECIALISATION_TERMS)  # (the bits of ``MatchIndex.spec``)
_WORD_RE = re.compile(r"[a-z][a-z0-9+#]{1,30}")
STOPWORDS = frozenset(
    ["the", "and", "for", "with", "you", "our", "are", "will", "that", "this", "from", "have", "your", "has", "all", "can", "not", "but", "who", "they", "their", "them", "its", "into", "out", "more", "about", "what", "when", "where", "which", "while", "also", "other", "any", "such", "than", "then", "there", "these", "those", "been", "being", "was", "were", "would", "should", "could", "may", "might", "must", "shall", "one", "two", "three", "years", "year", "experience", "work", "working", "team", "teams", "role", "roles", "company", "job", "including", "include", "within", "across", "using", "use", "used", "able", "strong", "well", "new", "help", "make", "based", "per", "etc", "via", "both", "each", "how", "why", "over", "under", "very", "like", "just", "get", "some", "most", "many", "much", "own", "ability", "skills", "skill", "knowledge", "understanding"]
)
# An *active* clearance is a core requirement; "ability to obtain" one is not.
CLEARANCE_RE = re.compile(
    r"\b(?:active|current|existing|must (?:have|hold|possess)|holds?|possess(?:es)?)\W+"
    r"(?:an?\W+)?(?:(?:ts/sci|top secret|secret|security|dod|government|public trust|"
    r"u\.?s\.? government)\W+){1,3}(?:\w+\W+){0,2}?clearance"
    r"|\bclearance\W+(?:\w+\W+){0,3}?(?:active|current)\b",
    re.IGNORECASE,
)



def needs_clearance(text: str) -> bool:
    """True when a posting requires an active security clearance."""
    return "clearance" in text.lower() and bool(CLEARANCE_RE.search(text))


Loader = Callable[[Sequence[str]], dict[str, Posting]]


def tokens(text: str) -> list[str]:
    """Lower-cased content words of a text (stop words dropped)."""
    return [w for w in _WORD_RE.findall(text.lower()) if w not in STOPWORDS]


_HASHES: dict[str, int] = {}


def term_hash(term: str) -> int:
    """The hashed feature of a word (stable across runs and machines)."""
    value = _HASHES.get(term)
    if value is None:
        value = zlib.crc32(term.encode("utf-8")) & ((1 << HASH_BITS) - 1)
        if len(_HASHES) < 2_000_000:
            _HASHES[term] = value
    return value


def ragged(rows: Sequence[Sequence[int]]) -> tuple[IntArray, IntArray]:
    """Flatten lists of ints into (values, row index of each value)."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    flat = np.fromiter((v for r in rows for v in r), dtype=np.int64, count=int(lengths.sum()))
    return flat, np.repeat(np.arange(len(rows), dtype=np.int64), lengths)


@dataclass
class MatchIndex:
    """Postings as arrays; row ``i`` is posting ``ids[i]``.

    ``postings`` holds the postings when they were given in memory (``--within``);
    an index loaded from a store cache has ``loader`` instead, to read result
    postings back by id.
    """

    ids: list[str]
    skills: list[str]
    skill_df: IntArray
    req: IntArray
    req_owner: IntArray
    req_years: FloatArray  # (the years the posting asks of each required skill, NaN for none)
    nice: IntArray
    nice_owner: IntArray
    nice_years: FloatArray  # (the same of each nice-to-have skill)
    arch: FloatArray
    archetype: IntArray
    years_min: FloatArray
    level: IntArray
    manager: BoolArray
    degree: IntArray
    phd: IntArray
    clearance: BoolArray
    studentship: BoolArray  # (the title offers a place to earn a PhD: ``facets.offers_phd``)
    spec: IntArray  # (the posting's specialisations, bit i for ``SPECIALISATIONS[i]``; 0 none)
    open: BoolArray
    remote: IntArray
    posted: npt.NDArray[np.float64]
    terms: Int32Array
    term_owner: Int32Array
    term_weight: FloatArray
    term_idf: FloatArray
    postings: list[Posting] | None = None
    loader: Loader | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, items: Iterable[tuple[str, Posting]],
              idf: FloatArray | None = None) -> MatchIndex:
        """Index postings; those without ``.enrichment`` match on text only.

        Args:
            items: ``(id, posting)`` pairs.
            idf: term weights to use instead of computing them from these postings
                (when the rows will be added to a larger index).
        """
        ids: list[str] = []
        posts: list[Posting] = []
        for pid, posting in items:
            ids.append(pid)
            posts.append(posting)
        enr = [p.enrichment or Enrichment(version="none") for p in posts]
        skill_ids: dict[str, int] = {}
        req_rows = [[skill_ids.setdefault(s.name, len(skill_ids)) for s in e.skills if s.required]
                    for e in enr]
        nice_rows = [[skill_ids.setdefault(s.name, len(skill_ids))
                      for s in e.skills if not s.required] for e in enr]
        (req, req_owner), (nice, nice_owner) = ragged(req_rows), ragged(nice_rows)
        req_years = np.fromiter((e.skill_years.get(s.name, np.nan) for e in enr for s in e.skills
                                 if s.required), dtype=np.float32, count=len(req))
        nice_years = np.fromiter((e.skill_years.get(s.name, np.nan) for e in enr for s in e.skills
                                  if not s.required), dtype=np.float32, count=len(nice))
        both = [sorted(set(a) | set(b)) for a, b in zip(req_rows, nice_rows, strict=True)]
        df = np.bincount(ragged(both)[0], minlength=len(skill_ids)).astype(np.int64)
        terms, owner, weight, idf = _term_arrays(posts, idf)
        code = {a: i for i, a in enumerate(ARCHETYPES)}
        return cls(
            ids=ids, skills=list(skill_ids), skill_df=df, req=req, req_owner=req_owner,
            req_years=req_years, nice=nice, nice_owner=nice_owner, nice_years=nice_years,
            arch=np.array([[e.archetype_proba.get(a, 1.0 if e.archetype == a else 0.0)
                            for a in ARCHETYPES] for e in enr], dtype=np.float32
                          ).reshape(len(enr), len(ARCHETYPES)),
            archetype=np.array([code.get(e.archetype, -1) for e in enr], dtype=np.int64),
            years_min=np.array([np.nan if e.years_min is None else e.years_min for e in enr],
                               dtype=np.float32),
            level=np.array([LEVELS.get(e.seniority, -1) for e in enr], dtype=np.int64),
            manager=np.array([e.seniority == "manager" for e in enr], dtype=np.bool_),
            degree=np.array([DEGREE_RANK.get(e.degree, 0) for e in enr], dtype=np.int64),
            phd=np.array([{"required": 2, "preferred": 1}.get(e.phd, 0) for e in enr],
                         dtype=np.int64),
            clearance=np.array([needs_clearance(p.description_text) for p in posts],
                               dtype=np.bool_),
            studentship=np.array([offers_phd(p.title) for p in posts], dtype=np.bool_),
            spec=np.array([specialisation_bits(e.specialisation) for e in enr], dtype=np.int64),
            open=np.array([p.status.value == "open" for p in posts], dtype=np.bool_),
            remote=np.array([_remote_code(p) for p in posts],
                            dtype=np.int64),
            posted=np.array([_posted(p) for p in posts], dtype=np.float64),
            terms=terms, term_owner=owner, term_weight=weight, term_idf=idf, postings=posts,
        )

    def posting_rows(self, rows: Sequence[int]) -> list[Posting]:
        """The postings of some rows (from memory, or read back through ``loader``)."""
        if self.postings is not None:
            return [self.postings[i] for i in rows]
        found = self.loader([self.ids[i] for i in rows]) if self.loader else {}
        return [found.get(self.ids[i]) or Posting(id=self.ids[i], source="?", source_id="?",
                                                  title="(no longer in the store)")
                for i in rows]

    def asked_years(self, nice: bool = False) -> tuple[IntArray, IntArray, FloatArray]:
        """The required skills' flat arrays (``nice``: the nice-to-have ones'): each skill, its
        row and the years the row asks of it (NaN for none)."""
        if nice:
            return self.nice, self.nice_owner, self.nice_years
        return self.req, self.req_owner, self.req_years

    def row_skill_years(self, row: int, nice: bool = False) -> dict[str, float]:
        """The years one row asks of its required skills (``nice``: its nice-to-have ones),
        for those it asks years of."""
        flat, owner, years = self.asked_years(nice)
        lo, hi = np.searchsorted(owner, [row, row + 1])
        return {self.skills[int(s)]: float(y) for s, y in zip(flat[lo:hi], years[lo:hi],
                                                               strict=True) if not np.isnan(y)}

    def row_skills(self, row: int) -> tuple[list[str], list[str]]:
        """(required, nice-to-have) skill names of one row."""
        def pick(flat: IntArray, owner: IntArray) -> list[str]:
            lo, hi = np.searchsorted(owner, [row, row + 1])
            return [self.skills[int(s)] for s in flat[lo:hi]]
        return pick(self.req, self.req_owner), pick(self.nice, self.nice_owner)

    def take(self, keep: BoolArray) -> MatchIndex:
        """A new index with only the rows where ``keep`` is True (in order)."""
        pos = np.cumsum(keep) - 1

        def sub(flat: Any, owner: Any) -> tuple[Any, Any]:
            mask = keep[owner]
            return flat[mask], pos[owner[mask]].astype(owner.dtype)

        req, req_owner = sub(self.req, self.req_owner)
        req_years = self.req_years[keep[self.req_owner]]
        nice, nice_owner = sub(self.nice, self.nice_owner)
        nice_years = self.nice_years[keep[self.nice_owner]]
        terms, term_owner = sub(self.terms, self.term_owner)
        dense: dict[str, Any] = {name: getattr(self, name)[keep] for name in _DENSE}
        return MatchIndex(
            ids=[i for i, k in zip(self.ids, keep, strict=True) if k], skills=self.skills,
            skill_df=self.skill_df, req=req, req_owner=req_owner, req_years=req_years, nice=nice,
            nice_owner=nice_owner, nice_years=nice_years, terms=terms, term_owner=term_owner,
            term_weight=self.term_weight[keep[self.term_owner]], term_idf=self.term_idf,
            postings=None if self.postings is None else
            [p for p, k in zip(self.postings, keep, strict=True) if k], **dense,
        )._recount()

    def extend(self, other: MatchIndex) -> MatchIndex:
        """A new index with ``other``'s rows after these (skills re-numbered, idf kept)."""
        vocab = {name: i for i, name in enumerate(self.skills)}
        skills = list(self.skills)
        for name in other.skills:
            if name not in vocab:
                vocab[name] = len(skills)
                skills.append(name)
        remap = np.array([vocab[n] for n in other.skills], dtype=np.int64)
        n = len(self)
        dense: dict[str, Any] = {name: np.concatenate([getattr(self, name), getattr(other, name)])
                                 for name in _DENSE}
        both = self.postings is not None and other.postings is not None
        return MatchIndex(
            ids=self.ids + other.ids, skills=skills, skill_df=self.skill_df,
            req=np.concatenate([self.req, remap[other.req]]),
            req_owner=np.concatenate([self.req_owner, other.req_owner + n]),
            req_years=np.concatenate([self.req_years, other.req_years]),
            nice=np.concatenate([self.nice, remap[other.nice]]),
            nice_owner=np.concatenate([self.nice_owner, other.nice_owner + n]),
            nice_years=np.concatenate([self.nice_years, other.nice_years]),
            terms=np.concatenate([self.terms, other.terms]),
            term_owner=np.concatenate([self.term_owner, other.term_owner + n]).astype(np.int32),
            term_weight=np.concatenate([self.term_weight, other.term_weight]),
            term_idf=self.term_idf,
            postings=(self.postings or []) + (other.postings or []) if both else None, **dense,
        )._recount()

    def _recount(self) -> MatchIndex:
        """Recompute ``skill_df`` (postings naming each skill) from the rows."""
        owners = np.concatenate([self.req_owner, self.nice_owner])
        skills = np.concatenate([self.req, self.nice])
        pairs = np.unique(np.stack([owners, skills]), axis=1) if len(owners) else \
            np.zeros((2, 0), np.int64)
        self.skill_df = np.bincount(pairs[1], minlength=len(self.skills)).astype(np.int64)
        return self

    def save(self, path: Path, key: str) -> None:
        """Write the arrays (not the postings) to an ``.npz`` file tagged with ``key``."""
        arrays = {f.name: getattr(self, f.name) for f in fields(self)
                  if isinstance(getattr(self, f.name), np.ndarray)}
        meta = json.dumps({"key": key, "format": CACHE_FORMAT, "ids": self.ids,
                           "skills": self.skills})
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez(tmp, meta=np.array(meta), **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, key: str) -> MatchIndex | None:
        """Read an index written by ``save``; None if missing, stale or unreadable."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.get("key") != key or meta.get("format") != CACHE_FORMAT:
                    return None
                arrays: dict[str, Any] = {f.name: data[f.name] for f in fields(cls)
                                          if f.name in data.files}
        except (OSError, ValueError, KeyError):
            return None
        return cls(ids=list(meta["ids"]), skills=list(meta["skills"]), **arrays)


def specialisation_bits(names: Iterable[str]) -> int:
    """The specialisations (``SPECIALISATIONS``' names; others are passed over) as bits."""
    wanted = set(names)
    return sum(1 << i for i, name in enumerate(SPECIALISATIONS) if name in wanted)


def _remote_code(posting: Posting) -> int:
    value = remote_value(posting)  # (the rule of search's remote filter)
    return REMOTES.index(value) if value in REMOTES else 0


def _posted(posting: Posting) -> float:
    # NaN for a posting whose source gives no date: the day the store first saw it is no
    # post date (an archive imported today), as in search
    return posting.posted_at.timestamp() if posting.posted_at else float("nan")


def _term_arrays(posts: Sequence[Posting], idf: FloatArray | None = None
                 ) -> tuple[Int32Array, Int32Array, FloatArray, FloatArray]:
    """Hashed TF-IDF vectors: the top terms of each posting, L2-normalised, as flat arrays."""
    counts = [Counter(tokens(f"{p.title} {p.title} {p.description_text}")) for p in posts]
    lengths = np.fromiter((len(c) for c in counts), dtype=np.int64, count=len(counts))
    total = int(lengths.sum())
    hashes = np.fromiter((term_hash(t) for c in counts for t in c), dtype=np.int64, count=total)
    tf = np.fromiter((n for c in counts for n in c.values()), dtype=np.float32, count=total)
    owner = np.repeat(np.arange(len(posts), dtype=np.int64), lengths)
    if idf is None:
        df = np.bincount(hashes, minlength=1 << HASH_BITS).astype(np.float32)
        idf = (np.log((len(posts) + 1) / (df + 1)) + 1.0).astype(np.float32)
    weight = (1.0 + np.log(tf)) * idf[hashes]
    order = np.lexsort((-weight, owner))  # by posting, heaviest term first
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
    rank_in_row = np.arange(total) - np.repeat(starts, lengths)
    keep = order[rank_in_row < TERMS_PER_POSTING]
    owner, hashes, weight = owner[keep], hashes[keep], weight[keep]
    norm = np.sqrt(np.bincount(owner, weights=weight * weight, minlength=len(posts)))
    weight = (weight / np.maximum(norm[owner], 1e-9)).astype(np.float32)
    # int32 halves the memory (and the cache file) of the largest arrays
    return hashes.astype(np.int32), owner.astype(np.int32), weight, idf


_DENSE = ("arch", "archetype", "years_min", "level", "manager", "degree", "phd", "clearance",
          "studentship", "spec", "open", "remote", "posted")
_MEMORY: dict[str, tuple[str, MatchIndex]] = {}
REBUILD_SHARE = 0.2


def _listed(posting: Posting) -> bool:
    """Whether a posting is in the match index: open, and each job once (``is_canonical``)."""
    return posting.status.value == "open" and is_canonical(posting)


def index_for_store(store: SQLiteStore, *, use_disk: bool = True) -> MatchIndex:
    """The index of a store's open canonical postings (a posting the dedupe step linked to
    another as its duplicate, such as a monthly repost, is left out, as search leaves it
    out: the job is ranked once): from memory, the disk cache, or built.

    A cache of an older revision of the same store is brought up to date with
    the postings changed since (their rows replaced, those removed from the store
    since dropped; term weights keep the cached idf) unless more than
    ``REBUILD_SHARE`` of it changed, then it is rebuilt.

    Args:
        store: the posting store.
        use_disk: read and write the ``<db>.match.npz`` cache beside a store file.
    """
    rev = store.max_rev()
    key = f"{store.store_id}:{rev}"
    cached = _MEMORY.get(store.path)
    if cached is not None and cached[0] == key:
        cached[1].loader = store.get_many  # this store object may be a new connection
        return cached[1]
    disk = Path(store.path + ".match.npz") if use_disk and store.path != ":memory:" else None
    old = cached if cached is not None else _from_disk(disk)
    index = _updated(store, old) if old is not None else None
    if index is None:
        index = MatchIndex.build((p.id, p) for _, p in store.iter_postings(status="open")
                                 if _listed(p))
    index.postings = None
    if disk is not None:
        try:
            index.save(disk, key)
        except OSError:
            pass  # a read-only folder: the in-memory copy still serves this process
    index.loader = store.get_many
    _MEMORY[store.path] = (key, index)
    return index


def _from_disk(path: Path | None) -> tuple[str, MatchIndex] | None:
    if path is None:
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            key = str(json.loads(str(data["meta"])).get("key", ""))
    except (OSError, ValueError, KeyError):
        return None
    index = MatchIndex.load(path, key)
    return (key, index) if index is not None else None


def _updated(store: SQLiteStore, old: tuple[str, MatchIndex]) -> MatchIndex | None:
    """The old index with the postings changed since its revision replaced and those removed
    since dropped, or None."""
    store_id, _, old_rev = old[0].rpartition(":")
    if store_id != store.store_id or not old_rev.isdigit():
        return None
    index = old[1]
    changed: dict[str, Posting] = {}
    for _, posting in store.iter_postings(after_rev=int(old_rev)):
        changed[posting.id] = posting
        if len(changed) > REBUILD_SHARE * max(len(index), 1):
            return None
    # (a posting removed from the store since: its row goes too, ``SQLiteStore.removed_rev``)
    gone = (set(index.ids) - store.present(index.ids) if store.removed_rev() > int(old_rev)
            else set())
    keep = np.array([pid not in changed and pid not in gone for pid in index.ids],
                    dtype=np.bool_)
    fresh = [(pid, p) for pid, p in changed.items() if _listed(p)]
    return index.take(keep).extend(MatchIndex.build(fresh, idf=index.term_idf))
