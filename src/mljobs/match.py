"""Rank postings for a profile: a 0-100 score with its reasons, and skill gaps.

``MatchIndex.build(items)`` turns enriched postings into flat numpy arrays
once (skill ids per posting, archetype probabilities, level, degree, hashed
TF-IDF terms); ``rank(profile, index)`` then scores every posting with a few
vectorised passes, so one resume against 100k postings is a matter of
milliseconds after the index is built (see ``bench/match.py``).

The score is a weighted sum of six parts, each in [0, 1]:

=================  ======  ====================================================
part               weight  what it measures
=================  ======  ====================================================
required           0.25    required skills the person has, each weighted by its
                           idf in the index, shrunk towards 0.3 for short lists
nice               0.05    the same for nice-to-have skills
archetype          0.20    the posting's archetype probabilities against the
                           profile's, neighbouring archetypes earning half
level              0.25    years asked vs years held, title level vs level
degree             0.05    degree and PhD asked vs held
text               0.20    TF-IDF cosine of the resume (its top counted three
                           times) and the posting, scaled to the best posting
=================  ======  ====================================================

The sum is then multiplied by ``1 - P(not-ml)`` of the posting (a role that is
not an ML/data role fits no one looking for one), and halved when the posting
requires an active security clearance the resume does not mention (a core
requirement, listed as ``security clearance`` among the missing skills).
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt

from mljobs.enrich import ARCHETYPES
from mljobs.models import Enrichment, Posting
from mljobs.profile import DEGREE_RANK, Profile, resume_title
from mljobs.store import SQLiteStore

WEIGHTS: dict[str, float] = {
    "required": 0.25, "nice": 0.05, "archetype": 0.20,
    "level": 0.25, "degree": 0.05, "text": 0.20,
}
_NOT_ML = list(ARCHETYPES).index("not-ml")
ARCHETYPE_NAMES = {
    "ml-product-swe": "an ML-aware software engineer", "big-data-ml-engineer":
    "a big-data / ML platform engineer", "data-scientist-analytics": "a data scientist (analytics)",
    "data-scientist-ml": "a data scientist (ML generalist)", "research-engineer":
    "a research / ML engineer", "applied-researcher": "an applied researcher",
    "research-scientist": "a research scientist", "not-ml": "a non-ML",
}
LEVELS = {"intern": 0, "junior": 1, "mid": 2, "senior": 3, "staff-plus": 4}
_HASH_BITS = 18
_TERMS_PER_POSTING = 120
_WORD_RE = re.compile(r"[a-z][a-z0-9+#]{1,30}")
STOPWORDS = frozenset(
    ["the", "and", "for", "with", "you", "our", "are", "will", "that", "this", "from", "have", "your", "has", "all", "can", "not", "but", "who", "they", "their", "them", "its", "into", "out", "more", "about", "what", "when", "where", "which", "while", "also", "other", "any", "such", "than", "then", "there", "these", "those", "been", "being", "was", "were", "would", "should", "could", "may", "might", "must", "shall", "one", "two", "three", "years", "year", "experience", "work", "working", "team", "teams", "role", "roles", "company", "job", "including", "include", "within", "across", "using", "use", "used", "able", "strong", "well", "new", "help", "make", "based", "per", "etc", "via", "both", "each", "how", "why", "over", "under", "very", "like", "just", "get", "some", "most", "many", "much", "own", "ability", "skills", "skill", "knowledge", "understanding"]
)
# An *active* clearance is a core requirement; "ability to obtain" one is not.
_CLEARANCE_RE = re.compile(
    r"\b(?:active|current|existing|must (?:have|hold|possess)|holds?|possess(?:es)?)\W+"
    r"(?:an?\W+)?(?:(?:ts/sci|top secret|secret|security|dod|government|public trust|"
    r"u\.?s\.? government)\W+){1,3}(?:\w+\W+){0,2}?clearance"
    r"|\bclearance\W+(?:\w+\W+){0,3}?(?:active|current)\b",
    re.IGNORECASE,
)
_HAS_CLEARANCE_RE = re.compile(r"clearance|ts/sci|top secret", re.IGNORECASE)

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


def tokens(text: str) -> list[str]:
    """Lower-cased content words of a text (stop words dropped)."""
    return [w for w in _WORD_RE.findall(text.lower()) if w not in STOPWORDS]


def _hash(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) & ((1 << _HASH_BITS) - 1)


def _ragged(rows: Sequence[Sequence[int]]) -> tuple[IntArray, IntArray]:
    """Flatten lists of ints into (values, row index of each value)."""
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    flat = np.fromiter((v for r in rows for v in r), dtype=np.int64, count=int(lengths.sum()))
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    return flat, owner


@dataclass
class MatchIndex:
    """Enriched postings as arrays, ready to be scored for any profile.

    Build it with ``MatchIndex.build``; ``ids[i]`` and ``postings[i]`` describe row i.
    """

    ids: list[str]
    postings: list[Posting]
    skill_ids: dict[str, int]
    skill_df: IntArray
    req: tuple[IntArray, IntArray]
    nice: tuple[IntArray, IntArray]
    arch: FloatArray
    years_min: FloatArray
    level: IntArray
    manager: npt.NDArray[np.bool_]
    degree: IntArray
    phd: IntArray
    clearance: npt.NDArray[np.bool_]
    terms: tuple[IntArray, IntArray, FloatArray]
    term_idf: FloatArray
    archetype: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(cls, items: Iterable[tuple[str, Posting]]) -> MatchIndex:
        """Index enriched postings.

        Args:
            items: ``(id, posting)`` pairs; postings without ``.enrichment`` are
                indexed with an empty one (they can still match on text).

        Returns:
            The index.
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
        req, nice = _ragged(req_rows), _ragged(nice_rows)
        df = np.bincount(np.concatenate([np.unique(np.fromiter(set(a + b), dtype=np.int64))
                                         for a, b in zip(req_rows, nice_rows, strict=True)]
                                        or [np.zeros(0, np.int64)]),
                         minlength=len(skill_ids)).astype(np.int64)
        terms, idf = _term_arrays(posts)
        return cls(
            ids=ids, postings=posts, skill_ids=skill_ids, skill_df=df,
            req=req, nice=nice,
            arch=np.array([[e.archetype_proba.get(a, 1.0 if e.archetype == a else 0.0)
                            for a in ARCHETYPES] for e in enr], dtype=np.float32
                          ).reshape(len(enr), len(ARCHETYPES)),
            years_min=np.array([np.nan if e.years_min is None else e.years_min for e in enr],
                               dtype=np.float32),
            level=np.array([LEVELS.get(e.seniority, -1) for e in enr], dtype=np.int64),
            manager=np.array([e.seniority == "manager" for e in enr], dtype=np.bool_),
            degree=np.array([DEGREE_RANK.get(e.degree, 0) for e in enr], dtype=np.int64),
            phd=np.array([{"required": 2, "preferred": 1}.get(e.phd, 0) for e in enr],
                         dtype=np.int64),
            clearance=np.array([bool(_CLEARANCE_RE.search(p.description_text)) for p in posts],
                               dtype=np.bool_),
            terms=terms, term_idf=idf, archetype=[e.archetype for e in enr],
        )


def _term_arrays(posts: Sequence[Posting]) -> tuple[tuple[IntArray, IntArray, FloatArray],
                                                    FloatArray]:
    """Hashed TF-IDF vectors (top terms per posting, L2-normalised) as flat arrays."""
    counts = [Counter(_hash(t) for t in tokens(f"{p.title} {p.title} {p.description_text}"))
              for p in posts]
    df = np.zeros(1 << _HASH_BITS, dtype=np.float32)
    for c in counts:
        df[np.fromiter(c.keys(), dtype=np.int64, count=len(c))] += 1
    idf = np.log((len(posts) + 1) / (df + 1)).astype(np.float32) + 1.0
    rows_h: list[list[int]] = []
    rows_w: list[list[float]] = []
    for c in counts:
        weighted = sorted(((1 + math.log(n)) * float(idf[h]), h) for h, n in c.items())
        top = weighted[-_TERMS_PER_POSTING:]
        norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
        rows_h.append([h for _, h in top])
        rows_w.append([w / norm for w, _ in top])
    flat, owner = _ragged(rows_h)
    weights = np.fromiter((w for r in rows_w for w in r), dtype=np.float32, count=len(flat))
    return (flat, owner, weights), idf


@dataclass(frozen=True)
class Match:
    """One ranked posting: score 0-100, its parts, the skills, one sentence why."""

    id: str
    score: float
    breakdown: dict[str, float]
    matched_skills: list[str]
    missing_skills: list[str]
    explanation: str
    posting: Posting

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape of one result."""
        return {
            "id": self.id, "score": self.score, "breakdown": self.breakdown,
            "matched_skills": self.matched_skills, "missing_skills": self.missing_skills,
            "explanation": self.explanation, "title": self.posting.title,
            "company": self.posting.company,
        }


# Coverage is shrunk towards a prior: a posting that names one or two skills
# says little, and one that names none should not look like a half match.
COVERAGE_PRIOR = 0.3
COVERAGE_STRENGTH = 2.0


def _coverage(pair: tuple[IntArray, IntArray], have_w: FloatArray, all_w: FloatArray,
              n: int) -> FloatArray:
    flat, owner = pair
    got = np.bincount(owner, weights=have_w[flat], minlength=n)
    tot = np.bincount(owner, weights=all_w[flat], minlength=n)
    prior = COVERAGE_PRIOR * COVERAGE_STRENGTH
    return ((got + prior) / (tot + COVERAGE_STRENGTH)).astype(np.float32)


def _skill_parts(profile: Profile, index: MatchIndex) -> tuple[FloatArray, FloatArray]:
    n = len(index)
    weight = (np.log((n + 1) / (index.skill_df + 1)) + 1.0).astype(np.float32)
    have = np.zeros(len(index.skill_ids), dtype=np.float32)
    for skill in profile.skills:
        sid = index.skill_ids.get(skill)
        if sid is not None:
            have[sid] = 1.0
    have_w = have * weight
    return (_coverage(index.req, have_w, weight, n), _coverage(index.nice, have_w, weight, n))


# Neighbouring archetypes (taxonomy.md): a person who fits one can credibly do
# much of the other, so a posting of a neighbour earns half the credit.
NEIGHBOURS = (
    ("ml-product-swe", "big-data-ml-engineer"), ("ml-product-swe", "research-engineer"),
    ("big-data-ml-engineer", "research-engineer"), ("research-engineer", "applied-researcher"),
    ("research-engineer", "data-scientist-ml"), ("applied-researcher", "research-scientist"),
    ("applied-researcher", "data-scientist-ml"), ("data-scientist-analytics", "data-scientist-ml"),
)
NEIGHBOUR_CREDIT = 0.5


def archetype_affinity() -> FloatArray:
    """Square matrix over ``ARCHETYPES``: 1 on the diagonal, partial credit for neighbours."""
    pos = {a: i for i, a in enumerate(ARCHETYPES)}
    mat = np.eye(len(ARCHETYPES), dtype=np.float32)
    for a, b in NEIGHBOURS:
        if a in pos and b in pos:
            mat[pos[a], pos[b]] = mat[pos[b], pos[a]] = NEIGHBOUR_CREDIT
    return mat


def _archetype_part(profile: Profile, index: MatchIndex) -> FloatArray:
    q = np.array([profile.archetypes.get(a, 0.0) for a in ARCHETYPES], dtype=np.float32)
    if q.max() <= 0:
        return np.full(len(index), 0.5, dtype=np.float32)
    wanted = archetype_affinity() @ q
    fit: FloatArray = (index.arch @ (wanted / wanted.max())).astype(np.float32)
    return np.clip(fit, 0.0, 1.0)


def _profile_level(profile: Profile) -> int:
    if profile.seniority in LEVELS:
        return LEVELS[profile.seniority]
    if profile.years is None:
        return 2
    return 1 if profile.years < 2 else 2 if profile.years < 5 else 3


def _level_part(profile: Profile, index: MatchIndex) -> FloatArray:
    years = profile.years if profile.years is not None else 3.0
    short = np.nan_to_num(index.years_min - years, nan=0.0)
    years_fit = np.clip(1.0 - np.maximum(short, 0.0) / 4.0, 0.0, 1.0)
    diff = index.level - _profile_level(profile)
    step = np.array([0.15, 0.35, 0.75, 1.0, 0.8, 0.35, 0.15], dtype=np.float32)
    title_fit = step[np.clip(diff, -3, 3) + 3]
    title_fit = np.where(index.level < 0, 1.0, title_fit)
    if profile.seniority != "manager":
        title_fit = np.where(index.manager, 0.3, title_fit)
    fit: FloatArray = (years_fit * title_fit).astype(np.float32)
    return fit


def _degree_part(profile: Profile, index: MatchIndex) -> FloatArray:
    held = DEGREE_RANK.get(profile.degree, 0)
    gap = np.maximum(index.degree - held, 0)
    fit = np.clip(1.0 - 0.4 * gap, 0.0, 1.0)
    if not profile.phd:
        fit = np.where(index.phd == 2, np.minimum(fit, 0.1), fit)
        fit = np.where(index.phd == 1, np.minimum(fit, 0.7), fit)
    return fit.astype(np.float32)


def resume_query(profile: Profile) -> str:
    """The resume as a text query: the headline, role titles and summary count three times.

    The top of a resume says what the person does and wants; the bullets below
    name many things done once.
    """
    focus = f"{resume_title(profile.headline, profile.roles)}\n{profile.text[:1000]}\n"
    return focus * 2 + profile.text


def _text_part(profile: Profile, index: MatchIndex) -> FloatArray:
    counts = Counter(_hash(t) for t in tokens(resume_query(profile)))
    vec = np.zeros(1 << _HASH_BITS, dtype=np.float32)
    for h, c in counts.items():
        vec[h] = (1 + math.log(c)) * index.term_idf[h]
    norm = float(np.linalg.norm(vec)) or 1.0
    flat, owner, weights = index.terms
    sim = np.bincount(owner, weights=weights * vec[flat] / norm, minlength=len(index))
    top = float(sim.max()) if len(sim) else 0.0
    return (sim / top if top > 0 else sim).astype(np.float32)


def score_parts(profile: Profile, index: MatchIndex) -> dict[str, FloatArray]:
    """Every part of the score for every posting of the index (arrays in [0, 1])."""
    req, nice = _skill_parts(profile, index)
    return {
        "required": req, "nice": nice, "archetype": _archetype_part(profile, index),
        "level": _level_part(profile, index), "degree": _degree_part(profile, index),
        "text": _text_part(profile, index),
    }


def total_scores(profile: Profile, parts: dict[str, FloatArray], index: MatchIndex) -> FloatArray:
    """The 0-100 score of every posting from its parts."""
    total = sum(WEIGHTS[k] * parts[k] for k in WEIGHTS) / sum(WEIGHTS.values())
    total = total * (1.0 - index.arch[:, _NOT_ML])
    if not _HAS_CLEARANCE_RE.search(profile.text):
        total = np.where(index.clearance, total * 0.5, total)
    return (100.0 * np.asarray(total, dtype=np.float32)).astype(np.float32)


@dataclass(frozen=True)
class Filters:
    """Which postings may be ranked (all optional)."""

    archetype: str | None = None
    remote: str | None = None
    since: datetime | None = None
    open_only: bool = True


def _allowed(index: MatchIndex, filters: Filters) -> npt.NDArray[np.bool_]:
    keep = np.ones(len(index), dtype=np.bool_)
    for i, posting in enumerate(index.postings):
        enr = posting.enrichment
        if filters.archetype and index.archetype[i] != filters.archetype or filters.remote and (enr.remote if enr else posting.remote.value) != filters.remote or filters.open_only and posting.status.value != "open" or filters.since and (posting.posted_at or posting.first_seen or filters.since) < \
                filters.since:
            keep[i] = False
    return keep


def rank(profile: Profile, index: MatchIndex, *, limit: int = 20,
         filters: Filters | None = None) -> list[Match]:
    """Rank the postings of ``index`` for ``profile``, best first.

    Args:
        profile: the person (see ``mljobs.profile.build_profile``).
        index: the postings (see ``MatchIndex.build``).
        limit: how many results to return.
        filters: archetype / remote / since / open-only restrictions.

    Returns:
        Up to ``limit`` matches with scores, breakdowns and explanations.
    """
    if len(index) == 0:
        return []
    parts = score_parts(profile, index)
    total = total_scores(profile, parts, index)
    if filters is not None:
        total = np.where(_allowed(index, filters), total, -1.0).astype(np.float32)
    order = np.argsort(-total, kind="stable")[:limit]
    return [_match(profile, index, int(i), parts, float(total[i]))
            for i in order if total[i] >= 0]


def _match(profile: Profile, index: MatchIndex, i: int, parts: dict[str, FloatArray],
           score: float) -> Match:
    posting = index.postings[i]
    enr = posting.enrichment or Enrichment(version="none")
    have = set(profile.skills)
    required = list(dict.fromkeys(s.name for s in enr.skills if s.required))
    wanted = list(dict.fromkeys(s.name for s in enr.skills))
    matched = [s for s in wanted if s in have]
    missing = [s for s in required if s not in have]
    if index.clearance[i] and not _HAS_CLEARANCE_RE.search(profile.text):
        missing.insert(0, "security clearance")
    breakdown = {k: round(float(parts[k][i]), 3) for k in WEIGHTS}
    return Match(
        id=index.ids[i], score=round(score, 1), breakdown=breakdown, matched_skills=matched,
        missing_skills=missing, posting=posting,
        explanation=explain(profile, enr, breakdown, matched, missing, required),
    )


def explain(profile: Profile, enr: Enrichment, parts: dict[str, float], matched: list[str],
            missing: list[str], required: list[str]) -> str:
    """One sentence: the kind of role, the skills held and missing, the level."""
    kind = ARCHETYPE_NAMES.get(enr.archetype, enr.archetype)
    fit = ("your kind of role" if parts["archetype"] >= 0.6 else
           "a neighbouring kind of role" if parts["archetype"] >= 0.25 else "a different kind of role")
    have = sum(1 for s in required if s not in missing)
    skills = (f"you have {have} of {len(required)} required skills" if required
              else "no required skills listed")
    if matched:
        skills += f" ({', '.join(matched[:3])})"
    gap = f"; missing {', '.join(missing[:3])}" if missing else ""
    level = ("" if parts["level"] >= 0.7 else "; the level or years asked differ from yours")
    degree = "" if parts["degree"] >= 0.7 else "; it asks for a degree you do not list"
    return f"{kind[0].upper()}{kind[1:]} posting, {fit}: {skills}{gap}{level}{degree}."


@dataclass(frozen=True)
class Gap:
    """A skill the person lacks and the share of postings that require it."""

    skill: str
    share: float
    postings: int


def skill_gaps(profile: Profile, index: MatchIndex, archetype: str | None = None,
               limit: int = 15) -> tuple[str, int, list[Gap]]:
    """The skills most often required by open postings of an archetype that the profile lacks.

    Args:
        profile: the person.
        index: the postings.
        archetype: the target archetype (default: the profile's best).
        limit: how many skills to return.

    Returns:
        ``(archetype, number of postings of it, gaps best first)``.
    """
    target = archetype or profile.best_archetype
    rows = [i for i, a in enumerate(index.archetype)
            if a == target and index.postings[i].status.value == "open"]
    counts: Counter[str] = Counter()
    for i in rows:
        enr = index.postings[i].enrichment
        if enr is not None:
            counts.update({s.name for s in enr.skills if s.required})
    have = set(profile.skills)
    gaps = [Gap(skill, round(n / len(rows), 3), n) for skill, n in counts.most_common()
            if skill not in have]
    return target, len(rows), gaps[:limit]


_STORE_CACHE: dict[str, tuple[int, MatchIndex]] = {}


def index_from_store(store: SQLiteStore) -> MatchIndex:
    """A ``MatchIndex`` of the store's open postings, kept in memory until the store changes.

    The key is the store's id and its latest revision, so a second ``rank``
    on an unchanged store (the web page, a benchmark) skips the build.
    """
    rev = store.max_rev()
    cached = _STORE_CACHE.get(store.store_id)
    if cached is not None and cached[0] == rev:
        return cached[1]
    index = MatchIndex.build((p.id, p) for _, p in store.iter_postings(status="open"))
    _STORE_CACHE[store.store_id] = (rev, index)
    return index
