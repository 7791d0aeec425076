"""Measure resume matching on judged pairs: nDCG@10 next to two baselines.

The development set (``shared/data/eval/match-dev``) has, per persona, a
resume ``resumes/<p>.txt``, a pool ``pools/<p>.jsonl`` of postings in the
corpus format and graded judgments (0-3, two judges averaged) in
``judgments.jsonl``. Each pool is ranked three ways in the same run:

- ``mljobs``: ``match.rank`` on the enriched pool (the product);
- ``bm25``: Okapi BM25 (k1 1.2, b 0.75) over the pool, the resume as the query;
- ``resume-matcher``: the Resume-Matcher formula, 0.55 keyword match (share of
  the posting's 20 highest TF-IDF words found in the resume) + 0.25 skill
  coverage (share of the posting's taxonomy skills the resume has) + 0.20
  section completeness (share of summary/experience/education/skills
  sections the resume has).

nDCG@10 uses gain ``2**grade - 1`` and the ideal order of all judged grades.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mljobs.enrich import enrich_postings
from mljobs.errors import InputError, RowError
from mljobs.match import MatchIndex, rank
from mljobs.match_index import tokens
from mljobs.models import Posting
from mljobs.normalize import normalize
from mljobs.profile import Profile, build_profile
from mljobs.resume import load_resume
from mljobs.sources.files import read_rows, row_to_raw

METHODS = ("mljobs", "bm25", "resume-matcher")


def load_pool(path: Path) -> list[tuple[str, Posting]]:
    """Read a corpus-format JSONL file into enriched postings keyed by the row's own id.

    A multi-role post may become several postings; they share the row's id.

    Raises:
        InputError: the file is missing or a row cannot be read.
    """
    rows: list[tuple[str, Posting]] = []
    for line, row, _raw in read_rows(path, "jsonl"):
        if isinstance(row, RowError):
            raise row
        raw = row_to_raw(row, path=str(path), line=line)
        posting = normalize(raw)
        rows.append((str(row.get("id") or posting.id), posting))
    by_posting = {p.id: rid for rid, p in rows}
    enriched = enrich_postings([p for _, p in rows])
    return [(by_posting.get(p.id.split("/r")[0], p.id), p) for p in enriched]


def dcg(grades: Sequence[float], k: int = 10) -> float:
    """Discounted cumulative gain of the first ``k`` grades (gain 2**g - 1)."""
    return float(sum((2.0 ** g - 1.0) / math.log2(i + 2) for i, g in enumerate(grades[:k])))


def ndcg(ranked_ids: Sequence[str], grades: dict[str, float], k: int = 10) -> float:
    """nDCG@k of a ranking against graded judgments (unjudged ids count 0)."""
    ideal = dcg(sorted(grades.values(), reverse=True), k)
    if ideal <= 0:
        return 0.0
    return dcg([grades.get(i, 0.0) for i in ranked_ids], k) / ideal


def _dedupe(ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def bm25_rank(query: str, docs: Sequence[tuple[str, str]], k1: float = 1.2,
              b: float = 0.75) -> list[str]:
    """Rank ``(id, text)`` docs by Okapi BM25 for the words of ``query``."""
    toks = [Counter(tokens(text)) for _, text in docs]
    if not toks:
        return []
    avg = sum(sum(t.values()) for t in toks) / len(toks) or 1.0
    df: Counter[str] = Counter(w for t in toks for w in t)
    n = len(docs)
    q = set(tokens(query))
    scores = []
    for (doc_id, _), tf in zip(docs, toks, strict=True):
        length = sum(tf.values())
        s = 0.0
        for w in q & tf.keys():
            idf = math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
            s += idf * tf[w] * (k1 + 1) / (tf[w] + k1 * (1 - b + b * length / avg))
        scores.append((s, doc_id))
    return _dedupe([d for _, d in sorted(scores, key=lambda x: -x[0])])


_SECTIONS = {
    "summary": r"summary|profile|about me|objective",
    "experience": r"experience|employment|work history",
    "education": r"education|academic",
    "skills": r"skills|technologies|tools",
}


def section_completeness(resume: str) -> float:
    """Share of the usual resume sections (summary, experience, education, skills) present."""
    found = sum(1 for pat in _SECTIONS.values()
                if re.search(rf"^\W*(?:[\w ]{{0,20}})?(?:{pat})\b", resume, re.IGNORECASE | re.MULTILINE))
    return found / len(_SECTIONS)


def resume_matcher_rank(profile: Profile, pool: Sequence[tuple[str, Posting]]) -> list[str]:
    """Rank by 0.55 keyword match + 0.25 skill coverage + 0.20 section completeness."""
    resume_words = set(tokens(profile.text))
    have = set(profile.skills)
    docs = [Counter(tokens(f"{p.title} {p.description_text}")) for _, p in pool]
    df: Counter[str] = Counter(w for d in docs for w in d)
    sections = section_completeness(profile.text)
    scored = []
    for (pid, posting), words in zip(pool, docs, strict=True):
        top = sorted(words, key=lambda w: -words[w] * math.log(len(docs) / df[w] + 1))[:20]
        keyword = sum(1 for w in top if w in resume_words) / (len(top) or 1)
        skills = {s.name for s in (posting.enrichment.skills if posting.enrichment else [])}
        coverage = len(skills & have) / len(skills) if skills else 0.0
        scored.append((0.55 * keyword + 0.25 * coverage + 0.20 * sections, pid))
    return _dedupe([d for _, d in sorted(scored, key=lambda x: -x[0])])


def mljobs_rank(profile: Profile, pool: Sequence[tuple[str, Posting]]) -> list[str]:
    """The product's ranking of a pool (every posting, best first)."""
    index = MatchIndex.build(pool)
    return _dedupe([m.id for m in rank(profile, index, limit=len(index))])


@dataclass
class PersonaResult:
    """nDCG@10 of each method for one persona."""

    persona: str
    scores: dict[str, float]


@dataclass
class DevReport:
    """Per-persona and mean nDCG@10 of each method."""

    personas: list[PersonaResult] = field(default_factory=list)

    def mean(self, method: str) -> float:
        """Mean nDCG@10 of ``method`` over personas."""
        vals = [p.scores[method] for p in self.personas]
        return sum(vals) / len(vals) if vals else 0.0

    def to_json(self) -> dict[str, object]:
        """JSON-ready report."""
        return {
            "personas": [{"persona": p.persona, **p.scores} for p in self.personas],
            "overall": {m: round(self.mean(m), 4) for m in METHODS},
        }


def load_judgments(path: Path) -> dict[str, dict[str, float]]:
    """``{persona: {posting id: grade}}`` from a judgments JSONL file."""
    out: dict[str, dict[str, float]] = {}
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read judgments ({exc.strerror}).") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            out.setdefault(str(row["persona"]), {})[str(row["id"])] = float(row["grade"])
        except (ValueError, KeyError, TypeError) as exc:
            raise RowError(str(path), n, None, f"not a judgment row ({exc})") from None
    return out


def evaluate_dev(dev_dir: Path, *, now: datetime,
                 on_persona: Callable[[PersonaResult], None] | None = None) -> DevReport:
    """Rank every pool of a match-dev folder three ways and score them.

    Args:
        dev_dir: folder with ``resumes/``, ``pools/`` and ``judgments.jsonl``.
        now: the date "Present" means in the resumes.
        on_persona: called with each persona's result as it is ready.

    Raises:
        InputError: the folder does not have the expected files.
    """
    _check_dev_dir(dev_dir)
    judgments = load_judgments(dev_dir / "judgments.jsonl")
    report = DevReport()
    for persona in sorted(judgments):
        resume = _resume_file(dev_dir, persona)
        profile = build_profile(load_resume(resume).text, now=now)
        pool = load_pool(dev_dir / "pools" / f"{persona}.jsonl")
        grades = judgments[persona]
        docs = [(pid, f"{p.title}\n{p.description_text}") for pid, p in pool]
        rankings = {
            "mljobs": mljobs_rank(profile, pool),
            "bm25": bm25_rank(profile.text, docs),
            "resume-matcher": resume_matcher_rank(profile, pool),
        }
        result = PersonaResult(persona, {m: round(ndcg(r, grades), 4) for m, r in rankings.items()})
        report.personas.append(result)
        if on_persona is not None:
            on_persona(result)
    return report


_DEV_SHAPE = ("a match-dev folder holds judgments.jsonl, resumes/ and pools/, as "
              "shared/data/eval/match-dev (--dev) does")


def _check_dev_dir(dev_dir: Path) -> None:
    """Say what is wrong with a folder given as a match-dev set: missing, a file, or one
    without judgments (it was "FOLDER/judgments.jsonl: cannot read judgments (Not a
    directory)" for a resume file given as the folder)."""
    if not dev_dir.exists():
        raise InputError(f"{dev_dir}: no such folder; {_DEV_SHAPE}.")
    if not dev_dir.is_dir():
        raise InputError(f"{dev_dir} is a file, not a folder; {_DEV_SHAPE}.")
    if not (dev_dir / "judgments.jsonl").exists():
        raise InputError(f"{dev_dir} holds no judgments.jsonl; {_DEV_SHAPE}.")


def _resume_file(dev_dir: Path, persona: str) -> Path:
    for suffix in (".txt", ".md", ".pdf", ".docx"):
        path = dev_dir / "resumes" / f"{persona}{suffix}"
        if path.exists():
            return path
    raise InputError(f"{dev_dir}/resumes: no resume for persona {persona!r} (.txt/.md/.pdf/.docx).")
