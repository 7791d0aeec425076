"""Rank postings for a profile: a 0-100 score with its reasons, and skill gaps.

``rank(profile, index)`` scores every posting of a ``MatchIndex`` (enriched
postings as flat numpy arrays, see ``mljobs.match_index``) with a few
vectorised passes: one resume against 100k postings takes well under a second
once the index is built or loaded (``bench/match.py``, docs/benchmarks.md).
``skill_gaps`` answers "what to learn next" from the same arrays.

The score is a weighted sum of seven parts, each in [0, 1]:

=================  ======  ====================================================
part               weight  what it measures
=================  ======  ====================================================
required           0.20    required skills the person has, each weighted by its
                           idf in the index, shrunk towards 0.3 for short lists
nice               0.05    the same for nice-to-have skills
archetype          0.15    the posting's archetype probabilities against the
                           profile's, neighbouring archetypes earning half
level              0.25    years asked vs years held, title level vs level
degree             0.05    degree and PhD asked vs held
text               0.30    TF-IDF cosine of the resume (its top counted three
                           times) and the posting, scaled to the best posting
specialisation     0.25    1 when the posting's specialisations (recsys, nlp...)
                           share one with the resume's, 0 when they do not, 0.5
                           for a posting with none; counted only for a resume
                           that reads one (``counted_parts``)
=================  ======  ====================================================

The sum is then multiplied by ``1 - P(not-ml)`` of the posting (a role that is
not an ML/data role fits no one looking for one) and, for a resume off the field (read as
not-ml and naming fewer than three known skills: ``Profile.kind_known``), by ``1 - P(not-ml)``
of the resume (such a person fits no such posting well), and halved when the posting
requires an active security clearance the resume does not mention (a core
requirement, listed as ``security clearance`` among the missing skills). A PhD studentship (a
title offering a place to earn a PhD: ``MatchIndex.studentship``) is halved too for a resume
that holds a PhD, its degree part 0: it suits one who has not earned the PhD yet.

The skills a person holds for matching are the resume's and the umbrella skills those imply
(``held_skills``: Prometheus or Grafana imply observability, Docker containerization), from
the explicit table ``enrich/data/skill_parents.json`` (``skill_parents``), read for matching
only: extraction, the resume's skills and the postings' are what they name.

A skill the person has that a posting asks more years of than the resume shows
(``Enrichment.skill_years`` against ``Profile.skill_years``: stated, or a lower bound read
from the dated roles that name the skill; else the resume's years in all)
is a years gap (``Match.years_gaps``, ``years_gaps`` for a target archetype), listed beside
the missing skills and not scored: no judged pool has one to rank by (docs/matching.md). The
years a posting asks of a nice-to-have skill are listed apart, marked as nice to have
(``Match.nice_years_gaps``, ``years_gaps(..., nice=True)``), and not scored either.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

import numpy as np

from mljobs.enrich import ARCHETYPES
from mljobs.errors import ConfigError
from mljobs.match_index import (
    LEVELS,
    REMOTES,
    SPECIALISATIONS,
    BoolArray,
    FloatArray,
    MatchIndex,
    index_for_store,
    specialisation_bits,
    term_hash,
    tokens,
)
from mljobs.models import Posting
from mljobs.profile import DEGREE_RANK, Profile, resume_title, without_name
from mljobs.resume import DEFAULT_LIMITS

__all__ = ["WEIGHTS", "YEARS_SOURCES", "Filters", "Gap", "Match", "MatchIndex", "YearsGap",
           "YearsShort", "gaps_json", "held_skills", "implied_skills", "index_for_store",
           "profile_json", "rank", "reading_notes", "shows_years", "skill_gaps", "skill_parents", "target_archetype",
           "target_remote", "years_gaps", "years_short"]
_HAS_CLEARANCE_RE = re.compile(r"clearance|ts/sci|top secret", re.IGNORECASE)

WEIGHTS: dict[str, float] = {
    "required": 0.20, "nice": 0.05, "archetype": 0.15,
    "level": 0.25, "degree": 0.05, "text": 0.30, "specialisation": 0.25,
}
# A posting that names no specialisation is a general role: neither in nor out of the person's.
SPECIALISATION_NONE = 0.5
_NOT_ML = list(ARCHETYPES).index("not-ml")
ARCHETYPE_NAMES = {
    "ml-product-swe": "an ML-aware software engineer", "big-data-ml-engineer":
    "a big-data / ML platform engineer", "data-scientist-analytics": "a data scientist (analytics)",
    "data-scientist-ml": "a data scientist (ML generalist)", "research-engineer":
    "a research / ML engineer", "applied-researcher": "an applied researcher",
    "research-scientist": "a research scientist", "not-ml": "a non-ML",
}


@functools.cache
def skill_parents() -> dict[str, tuple[str, ...]]:
    """The umbrella skills and the skills that imply them (``enrich/data/skill_parents.json``,
    ``{"observability": ("Prometheus", "Grafana", ...)}``), for matching only."""
    raw = resources.files("mljobs.enrich").joinpath("data/skill_parents.json").read_text("utf-8")
    return {parent: tuple(children) for parent, children in json.loads(raw)["parents"].items()}


def implied_skills(skills: Iterable[str]) -> dict[str, list[str]]:
    """The umbrella skills (``skill_parents``) that ``skills`` do not name but imply, each with
    the skills that imply it, in the table's order: {"observability": ["Prometheus", "Grafana"]}."""
    named = list(dict.fromkeys(skills))
    held = set(named)
    found = {}
    for parent, children in skill_parents().items():
        kids = [s for s in named if s in children]
        if kids and parent not in held:
            found[parent] = kids
    return found


def profile_json(profile: Profile) -> dict[str, Any]:
    """``Profile.to_json`` and ``implied_skills`` (the umbrellas its skills imply, held for
    matching: a match's ``matched_skills`` may name one the resume does not), as ``mljobs
    profile --json`` and ``/api/match``'s ``profile`` print it."""
    return {**profile.to_json(), "implied_skills": implied_skills(profile.skills)}


def held_skills(profile: Profile) -> set[str]:
    """The skills the person holds for matching: the resume's and those they imply
    (``implied_skills``)."""
    return set(profile.skills) | set(implied_skills(profile.skills))


# Where the years a resume shows of a skill come from (``held_years``): stated with the skill
# ("6 years of PyTorch"); the dated roles whose entries name it, a lower bound (a skill used
# longer than the bullets say reads short); else the resume's years in all, the most it can show.
YEARS_SOURCES = ("stated", "roles", "all")


def shows_years(held: float, source: str, sentence: bool = True) -> str:
    """What the resume shows of a skill, by where the figure comes from: "your resume states
    2", "your resume shows at least 1, from the dated roles that name it", "your resume shows
    4.5 years in all"; a table's cell without ``sentence`` ("2 stated", "at least 1, from
    roles naming it", "4.5 in all")."""
    if source == "stated":
        return f"your resume states {held:g}" if sentence else f"{held:g} stated"
    if source == "roles":
        return (f"your resume shows at least {held:g}, from the dated roles that name it"
                if sentence else f"at least {held:g}, from roles naming it")
    return f"your resume shows {held:g} years in all" if sentence else f"{held:g} in all"


class _HeldFrom:
    """Where a years figure of the resume comes from: ``source`` is one of ``YEARS_SOURCES``."""

    source: str

    @property
    def stated(self) -> bool:
        """Whether the resume states the figure with the skill."""
        return self.source == "stated"


@dataclass(frozen=True)
class YearsShort(_HeldFrom):
    """A skill the person has that a posting asks more years of than the resume shows:
    ``asked`` years asked; ``held`` the years the resume shows (``held_years``), ``source``
    where they come from (``YEARS_SOURCES``)."""

    skill: str
    asked: float
    held: float
    source: str
    nice: bool = False  # (a nice-to-have skill of the posting)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape."""
        return {"skill": self.skill, "asked": self.asked, "held": self.held,
                "source": self.source, "stated": self.stated}

    def __str__(self) -> str:
        nice = " (nice to have)" if self.nice else ""
        return f"asks {self.asked:g}+ years of {self.skill}{nice}; {shows_years(self.held, self.source)}"


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
    years_gaps: tuple[YearsShort, ...] = ()
    nice_years_gaps: tuple[YearsShort, ...] = ()  # (of its nice-to-have skills)

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` shape of one result; ``pay`` is the pay the text output and the
        ``/match`` page show (``posting_view.posting_pay``: stated pay before an estimate), in
        the shape of a posting's ``salary``, or None."""
        from mljobs.posting_view import posting_pay

        pay = posting_pay(self.posting)
        return {
            "id": self.id, "score": self.score, "breakdown": self.breakdown,
            "matched_skills": self.matched_skills, "missing_skills": self.missing_skills,
            "years_gaps": [g.to_json() for g in self.years_gaps],
            "nice_years_gaps": [g.to_json() for g in self.nice_years_gaps],
            "explanation": self.explanation, "title": self.posting.title,
            "company": self.posting.company,
            "pay": pay.salary.model_dump(mode="json") if pay is not None else None,
        }


def held_years(profile: Profile, skill: str) -> tuple[float, str] | None:
    """The years the resume shows of a skill it has and where they come from
    (``YEARS_SOURCES``): those it states with the skill, else those of the dated roles that
    name it, else its years of experience in all; None when it has not the skill, or shows
    no years at all."""
    if skill not in profile.skills:
        return None
    source = profile.skill_years_source(skill)
    if source is not None:
        return float(profile.skill_years[skill]), source
    return None if profile.years is None else (profile.years, "all")


def years_short(profile: Profile, asked: dict[str, float], nice: bool = False) -> list[YearsShort]:
    """The skills the person has whose years ``asked`` (a posting's: ``{skill: years}``; of
    its nice-to-have skills with ``nice``) the resume does not show (``held_years``), in the
    order asked."""
    short = []
    for skill, years in asked.items():
        held = held_years(profile, skill)
        if held is not None and held[0] < years:
            short.append(YearsShort(skill, years, *held, nice=nice))
    return short


# Coverage is shrunk towards a prior: a posting that names one or two skills
# says little, and one that names none should not look like a half match.
COVERAGE_PRIOR = 0.3
COVERAGE_STRENGTH = 2.0


def _coverage(flat: Any, owner: Any, have_w: FloatArray, all_w: FloatArray,
              n: int) -> FloatArray:
    got = np.bincount(owner, weights=have_w[flat], minlength=n)
    tot = np.bincount(owner, weights=all_w[flat], minlength=n)
    prior = COVERAGE_PRIOR * COVERAGE_STRENGTH
    return ((got + prior) / (tot + COVERAGE_STRENGTH)).astype(np.float32)


def _skill_parts(profile: Profile, index: MatchIndex) -> tuple[FloatArray, FloatArray]:
    n = len(index)
    weight = (np.log((n + 1) / (index.skill_df + 1)) + 1.0).astype(np.float32)
    held = held_skills(profile)
    have = np.array([name in held for name in index.skills], dtype=np.float32)
    have_w = have * weight
    return (_coverage(index.req, index.req_owner, have_w, weight, n),
            _coverage(index.nice, index.nice_owner, have_w, weight, n))


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


# the years of experience a resume that shows none counts as (``_level_part``; ``_profile_level``
# reads it as mid level, ``reading_notes`` says so)
UNKNOWN_YEARS = 3.0


def _profile_level(profile: Profile) -> int:
    if profile.seniority in LEVELS:
        return LEVELS[profile.seniority]
    if profile.years is None:
        return 2
    return 1 if profile.years < 2 else 2 if profile.years < 5 else 3


def _level_part(profile: Profile, index: MatchIndex) -> FloatArray:
    years = profile.years if profile.years is not None else UNKNOWN_YEARS
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
    else:  # a place to earn the PhD the person holds
        fit = np.where(index.studentship, 0.0, fit)
    return fit.astype(np.float32)


def resume_query(profile: Profile) -> str:
    """The resume as a text query: the headline, role titles and summary count three times.

    The top of a resume says what the person does and wants; the bullets below
    name many things done once.
    """
    # a surname (Spark, Ray) is no topic
    text = without_name(profile.text, profile.name, profile.headline)
    focus = f"{resume_title(profile.headline, profile.roles)}\n{text[:1000]}\n"
    return focus * 2 + text


def _text_part(profile: Profile, index: MatchIndex) -> FloatArray:
    counts = Counter(term_hash(t) for t in tokens(resume_query(profile)))
    vec = np.zeros(len(index.term_idf), dtype=np.float32)
    for h, c in counts.items():
        vec[h] = (1 + math.log(c)) * index.term_idf[h]
    norm = float(np.linalg.norm(vec)) or 1.0
    sim = np.bincount(index.term_owner, weights=index.term_weight * vec[index.terms] / norm,
                      minlength=len(index))
    top = float(sim.max()) if len(sim) else 0.0
    return (sim / top if top > 0 else sim).astype(np.float32)


def _specialisation_part(profile: Profile, index: MatchIndex) -> FloatArray:
    """1 where the posting's specialisations share one with the resume's, 0 where they do
    not (a computer-vision role for a recommender engineer), ``SPECIALISATION_NONE`` for a
    posting with none."""
    mine = specialisation_bits(profile.specialisations)
    fit = np.where(index.spec == 0, SPECIALISATION_NONE, (index.spec & mine) > 0)
    return fit.astype(np.float32)


def counted_parts(profile: Profile) -> list[str]:
    """The parts the score counts: every part of ``WEIGHTS``, less the specialisation for a
    resume that reads none (a data-platform engineer's or an analyst's: no posting's
    specialisation is in or out of theirs, and their scores are as without the part)."""
    return [k for k in WEIGHTS if k != "specialisation" or profile.specialisations]


def score_parts(profile: Profile, index: MatchIndex) -> dict[str, FloatArray]:
    """Every part of the score the profile counts (``counted_parts``) for every posting of the
    index (arrays in [0, 1])."""
    req, nice = _skill_parts(profile, index)
    parts = {
        "required": req, "nice": nice, "archetype": _archetype_part(profile, index),
        "level": _level_part(profile, index), "degree": _degree_part(profile, index),
        "text": _text_part(profile, index),
        "specialisation": _specialisation_part(profile, index),
    }
    return {k: parts[k] for k in counted_parts(profile)}


def total_scores(profile: Profile, parts: dict[str, FloatArray], index: MatchIndex) -> FloatArray:
    """The 0-100 score of every posting from its parts (those ``score_parts`` gave)."""
    total = sum(WEIGHTS[k] * parts[k] for k in parts) / sum(WEIGHTS[k] for k in parts)
    total = total * (1.0 - index.arch[:, _NOT_ML])
    # the same gate from the person's side: a resume that reads as no ML/data or software
    # role (``Profile.kind_known``) fits no ML/data posting well (one factor for every
    # posting: the order is unchanged)
    if not profile.kind_known:
        total = total * (1.0 - profile.not_ml)
    if not _HAS_CLEARANCE_RE.search(profile.text):
        total = np.where(index.clearance, total * 0.5, total)
    if profile.phd:  # (a studentship: a place to earn the PhD held; ``_degree_note`` says so)
        total = np.where(index.studentship, total * 0.5, total)
    return (100.0 * np.asarray(total, dtype=np.float32)).astype(np.float32)


def target_archetype(value: str | None) -> str | None:
    """The archetype a person asked to match or learn for (``--archetype``, the /match
    page's menu), in any case and spacing; None for none asked (an empty choice too).

    Raises:
        ConfigError: naming the value and the archetypes to choose from.
    """
    slug = (value or "").strip().lower()
    if not slug:
        return None
    if slug not in ARCHETYPES:
        raise ConfigError(f"Unknown archetype {value!r}: choose one of {', '.join(ARCHETYPES)}, "
                          "or leave it out for every archetype.")
    return slug


def target_remote(value: str | None) -> str | None:
    """The work arrangement asked for (``--remote``, the API's ``remote``), in any case;
    None for none asked.

    Raises:
        ConfigError: naming the value and the choices.
    """
    slug = (value or "").strip().lower()
    if not slug:
        return None
    if slug not in ("remote", "hybrid", "onsite"):
        raise ConfigError(f"Unknown remote {value!r}: use remote, hybrid or onsite.")
    return slug


@dataclass(frozen=True)
class Filters:
    """Which postings may be ranked (all optional)."""

    archetype: str | None = None
    remote: str | None = None
    since: datetime | None = None
    open_only: bool = True


def _allowed(index: MatchIndex, filters: Filters) -> BoolArray:
    keep = np.ones(len(index), dtype=np.bool_)
    if filters.archetype:
        code = list(ARCHETYPES).index(filters.archetype) if filters.archetype in ARCHETYPES else -2
        keep &= index.archetype == code
    if filters.remote:
        keep &= index.remote == (REMOTES.index(filters.remote) if filters.remote in REMOTES else -1)
    if filters.open_only:
        keep &= index.open
    if filters.since is not None:
        # posted since: a posting with no post date (NaN) is left out, as in search
        keep &= index.posted >= filters.since.timestamp()
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
    order = np.argsort(-total, kind="stable")
    rows: list[int] = []
    seen: set[str] = set()
    for i in order:  # a multi-role post gives several rows with one id: keep its best
        if total[i] < 0 or len(rows) >= limit:
            break
        if index.ids[i] not in seen:
            seen.add(index.ids[i])
            rows.append(int(i))
    postings = index.posting_rows(rows)
    return [_match(profile, index, i, parts, float(total[i]), posting)
            for i, posting in zip(rows, postings, strict=True)]


def _match(profile: Profile, index: MatchIndex, i: int, parts: dict[str, FloatArray],
           score: float, posting: Posting) -> Match:
    have = held_skills(profile)
    required, nice = index.row_skills(i)
    required = list(dict.fromkeys(required))
    wanted = list(dict.fromkeys(required + nice))
    matched = [s for s in wanted if s in have]
    missing = [s for s in required if s not in have]
    if index.clearance[i] and not _HAS_CLEARANCE_RE.search(profile.text):
        missing.insert(0, "security clearance")
    breakdown = {k: round(float(parts[k][i]), 3) for k in parts}
    code = int(index.archetype[i])
    archetype = ARCHETYPES[code] if code >= 0 else "not-ml"
    short = years_short(profile, index.row_skill_years(i))
    nice_short = years_short(profile, index.row_skill_years(i, nice=True), nice=True)
    return Match(
        id=index.ids[i], score=round(score, 1), breakdown=breakdown, matched_skills=matched,
        missing_skills=missing, posting=posting, years_gaps=tuple(short),
        nice_years_gaps=tuple(nice_short),
        explanation=explain(archetype, breakdown, matched, missing, required,
                            level_note=_level_note(profile, index, i),
                            kind_known=profile.kind_known,
                            best=profile.best_archetype if profile.kind_known else None,
                            years_gaps=short + nice_short,
                            specialisation=_specialisation_note(profile, index, i),
                            degree_note=_degree_note(profile, index, i)),
    )


def _specialisation_note(profile: Profile, index: MatchIndex, i: int) -> str:
    """"in your specialisation (recsys)" or "in another specialisation (computer-vision)" when
    the score counts the part (``counted_parts``) and the posting has one; else ""."""
    if "specialisation" not in counted_parts(profile) or not index.spec[i]:
        return ""
    theirs = [name for bit, name in enumerate(SPECIALISATIONS) if int(index.spec[i]) >> bit & 1]
    shared = [name for name in theirs if name in profile.specialisations]
    if shared:
        return f"in your specialisation ({', '.join(shared)})"
    return f"in another specialisation ({', '.join(theirs)})"


_LEVEL_NAMES = {v: k for k, v in LEVELS.items()}


def _level_note(profile: Profile, index: MatchIndex, i: int) -> str:
    """What differs in level: the years asked, or the posting's seniority. A posting that
    asks none (``years_min`` 0, "new grads welcome") asks no years: it said "it asks for 0+
    years (none listed)" to a resume that lists none, where its level differs."""
    asked = float(index.years_min[i])
    if asked > 0 and (profile.years is None or asked > profile.years):
        held = "none listed" if profile.years is None else f"you have {profile.years:g}"
        return f"it asks for {asked:g}+ years ({held})"
    if index.manager[i] and profile.seniority != "manager":
        return "it is a management role"
    level = int(index.level[i])
    if level >= 0:
        name = _LEVEL_NAMES[level]
        article = "an" if name[0] in "aeiou" else "a"  # ("it is a intern role")
        return f"it is {article} {name} role and you read as {profile.seniority}"
    return "the level asked differs from yours"


_DEGREE_NAMES = {1: "a bachelor's degree", 2: "a master's degree", 3: "a PhD"}


def _degree_note(profile: Profile, index: MatchIndex, i: int) -> str:
    """The degree the posting asks for and the resume's: "it asks for a PhD (you list a
    master's degree)". It said "a degree you do not list" to a resume that lists a master's.
    A PhD studentship to one who holds a PhD: "it offers a place to earn a PhD, which you hold"."""
    if profile.phd and index.studentship[i]:
        return "it offers a place to earn a PhD, which you hold"
    asked = 3 if index.phd[i] == 2 and not profile.phd else int(index.degree[i])
    held = DEGREE_RANK.get(profile.degree, 0)
    yours = f"you list {_DEGREE_NAMES[held]}" if held else "your resume lists none"
    if profile.phd_under_way and asked == 3:
        yours += "; your PhD is under way"
    return f"it asks for {_DEGREE_NAMES.get(asked, 'a degree')} ({yours})"


def _first_three(names: list[str]) -> str:
    """``a, b, c`` or ``a, b, c and 2 more``: "4 of 8 required skills (a, b, c)" read as if
    the list were whole."""
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return ", ".join(names[:3]) + more


def explain(archetype: str, parts: dict[str, float], matched: list[str],
            missing: list[str], required: list[str], level_note: str = "",
            kind_known: bool = True, best: str | None = None,
            years_gaps: list[YearsShort] | None = None, specialisation: str = "",
            degree_note: str = "") -> str:
    """One sentence: the kind of role, the skills held and missing, the years asked of the
    skills held (``years_gaps``: the required skills', then the nice-to-have ones', which say
    so), the level.

    ``kind_known``: False when the resume reads as no ML/data or software role, so no posting is
    "your kind of role" or a neighbour of it. ``best``: the resume's best archetype; a posting
    of it is "your kind of role" whatever its archetype part (an unsure posting, 38% research
    engineer, read "A research / ML engineer posting, a neighbouring kind of role" to a
    research engineer). ``specialisation``: what the posting's specialisation is to the
    person's ("in your specialisation (recsys)"; ``_specialisation_note``), after the kind.
    ``degree_note``: the degree asked and held (``_degree_note``), said when the degree part
    is low.
    """
    kind = ARCHETYPE_NAMES.get(archetype, archetype)
    fit = ("not an ML/data role" if archetype == "not-ml" else
           "" if not kind_known else
           "your kind of role" if parts["archetype"] >= 0.6 or archetype == best else
           "a neighbouring kind of role" if parts["archetype"] >= 0.25 else "a different kind of role")
    asked = set(required)
    held = [s for s in matched if s in asked]  # the parenthesis names what the count counts
    extra = [s for s in matched if s not in asked]
    if required:
        skills = f"you have {len(held)} of {len(required)} required skills"
        if held:
            skills += f" ({_first_three(held)})"
    else:
        skills = "no required skills listed"
    if extra:
        skills += (" and" if required else "; you have") + \
            f" {len(extra)} nice-to-have ({_first_three(extra)})"
    gap = f"; missing {_first_three(missing)}" if missing else ""
    if years_gaps:  # beside the missing skills: "asks 5+ years of Python; your resume shows 2"
        gap += "; " + "; ".join(map(str, years_gaps[:2]))
        gap += f" (and {len(years_gaps) - 2} more years gaps)" if len(years_gaps) > 2 else ""
    level = "" if parts["level"] >= 0.7 else f"; {level_note or 'the level asked differs'}"
    degree = "" if parts["degree"] >= 0.7 else f"; {degree_note or 'it asks for a degree you do not list'}"
    fit = "".join(f", {part}" for part in (fit, specialisation) if part)
    return f"{kind[0].upper()}{kind[1:]} posting{fit}: {skills}{gap}{level}{degree}."


_NO_KIND = "The resume reads as no ML/data or software role"
_NO_KIND_WHY = "almost no skill mljobs knows, no such title"
NO_KIND = f"{_NO_KIND} ({_NO_KIND_WHY})."


def reading_notes(profile: Profile, truncated: bool = False) -> list[str]:
    """What a person should know about how their resume was read (CLI and web alike).

    Args:
        profile: the profile read from the resume.
        truncated: the resume's text was cut at ``resume.Limits.max_chars``.
    """
    notes = []
    if truncated:
        notes.append("Only the start of this long file was read (the first "
                     f"{DEFAULT_LIMITS.max_chars:,} characters); give the resume itself.")
    if not profile.skills:
        notes.append("No skill mljobs knows (Python, SQL, PyTorch...) was found in the resume, "
                     "so no posting's skills count in its favour: the scores rest on its words, "
                     "level and degree.")
    if not profile.kind_known:
        notes.append(f"{_NO_KIND} ({_NO_KIND_WHY}: not-ml {profile.not_ml:.0%}), so no posting is your "
                     "kind of role, and every score is scaled down by that share.")
    if _latin_share(profile.text) < 0.5:
        notes.append("Most of this resume is not written in Latin letters: mljobs reads the "
                     "skills it names in Latin letters (Python, PyTorch), and dates, degrees "
                     "and section headings in English, German, French, Spanish, Chinese or "
                     "Japanese, so its years, degree and level may be missing here.")
    if profile.years is None:
        level = ("mid level" if profile.seniority == "unknown"
                 else f"the level read from your title, {profile.seniority}")
        notes.append("No dated role (such as \"Mar 2021 – Present\") and no stated years "
                     "(\"5+ years of experience\") were found, so your experience counts as "
                     f"{UNKNOWN_YEARS:g} years, at {level}, in the scores.")
    return notes


def _latin_share(text: str) -> float:
    """The share of the text's letters that are Latin (1.0 for a text of no letter)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    return sum(ch < "\u0250" or "\u1e00" <= ch < "\u1f00" for ch in letters) / len(letters)


@dataclass(frozen=True)
class Gap:
    """A skill the person lacks and the share of postings that require it."""

    skill: str
    share: float
    postings: int


# A skill is a gap when at least this many postings of the target require it (all of them
# when there is only one): what one employer of several asks for is that posting's wish, not
# what the kind of role asks of a person (on a pool of 6, "17% of postings" was one posting,
# and such skills filled the list). The match of that posting still names it as missing.
GAP_MIN_POSTINGS = 2


def gap_min_postings(total: int) -> int:
    """How many of ``total`` postings must require a skill for it to be a gap."""
    return max(1, min(GAP_MIN_POSTINGS, total))


@dataclass(frozen=True)
class YearsGap(_HeldFrom):
    """A skill the person has that postings of the target ask more years of than the resume
    shows (``held_years``): how many and what share of them, and the median years they ask."""

    skill: str
    share: float
    postings: int
    asked: float
    held: float
    source: str  # (``YEARS_SOURCES``)


def gaps_json(target: str, total: int, gaps: list[Gap], years: list[YearsGap] | None = None,
              nice_years: list[YearsGap] | None = None) -> dict[str, Any]:
    """``skill_gaps``' and ``years_gaps``' answers (the required skills', then the
    nice-to-have ones') as ``mljobs gaps --json`` and ``/api/match`` give them."""
    def rows(found: list[YearsGap] | None) -> list[dict[str, Any]]:
        return [{"skill": g.skill, "share": g.share, "postings": g.postings, "asked": g.asked,
                 "held": g.held, "source": g.source, "stated": g.stated} for g in found or []]

    return {"archetype": target, "postings": total, "min_postings": gap_min_postings(total),
            "gaps": [{"skill": g.skill, "share": g.share, "postings": g.postings} for g in gaps],
            "years_gaps": rows(years), "nice_years_gaps": rows(nice_years)}


def years_gaps(profile: Profile, index: MatchIndex, target: str, limit: int = 15,
               nice: bool = False) -> list[YearsGap]:
    """The skills the person has that ``gap_min_postings`` or more open postings of the
    ``target`` archetype require (``nice``: list as nice to have) with more years than the
    resume shows (``held_years``), the most postings first.
    """
    flat, owner, years = index.asked_years(nice)
    code = list(ARCHETYPES).index(target) if target in ARCHETYPES else -2
    rows = (index.archetype == code) & index.open
    total = int(rows.sum())
    if total == 0 or not len(flat):
        return []
    held = [held_years(profile, name) for name in index.skills]
    have = np.array([np.nan if h is None else h[0] for h in held], dtype=np.float32)
    short = rows[owner] & (years > have[flat])  # (NaN compares False)
    if not short.any():
        return []
    skills, owners, asked = flat[short], owner[short], years[short]
    least = gap_min_postings(total)
    found = []
    for s in np.unique(skills):
        pick = skills == s
        count = len(np.unique(owners[pick]))
        if count >= least:
            h = held[int(s)]
            assert h is not None  # (a skill not held compares False above)
            found.append(YearsGap(index.skills[int(s)], round(count / total, 3), count,
                                  float(np.median(asked[pick])), h[0], h[1]))
    found.sort(key=lambda g: (-g.postings, g.skill))
    return found[:limit]


def skill_gaps(profile: Profile, index: MatchIndex, archetype: str | None = None,
               limit: int = 15) -> tuple[str, int, list[Gap]]:
    """The skills most often required by open postings of an archetype that the profile
    lacks, each required by ``gap_min_postings(total)`` postings or more.

    Args:
        profile: the person.
        index: the postings.
        archetype: the target archetype (default: the profile's best).
        limit: how many skills to return.

    Returns:
        ``(archetype, number of postings of it, gaps best first)``.

    Raises:
        ConfigError: no archetype was given and the resume reads as no ML/data or software role.
    """
    if archetype is None and not profile.kind_known:
        raise ConfigError(NO_KIND + " Choose the archetype to learn for (--archetype, or the "
                          "menu of /match): "
                          f"{', '.join(a for a in ARCHETYPES if a != 'not-ml')}.")
    target = archetype or profile.best_archetype
    code = list(ARCHETYPES).index(target) if target in ARCHETYPES else -2
    rows = (index.archetype == code) & index.open
    total = int(rows.sum())
    if total == 0:
        return target, 0, []
    both = np.concatenate([index.req, index.nice])
    owners = np.concatenate([index.req_owner, index.nice_owner])
    is_req = np.concatenate([np.ones(len(index.req), np.bool_), np.zeros(len(index.nice), np.bool_)])
    pick = rows[owners] & is_req
    pairs = np.unique(np.stack([owners[pick], both[pick]]), axis=1)  # each skill once per posting
    counts = np.bincount(pairs[1], minlength=len(index.skills))
    have = held_skills(profile)
    least = gap_min_postings(total)
    gaps = [Gap(index.skills[s], round(int(counts[s]) / total, 3), int(counts[s]))
            for s in np.argsort(-counts, kind="stable") if counts[s] >= least
            and index.skills[s] not in have]
    return target, total, gaps[:limit]
