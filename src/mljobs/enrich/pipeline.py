"""The enrichment pipeline: one posting (title + text + a few fields) -> Enrichment."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import TypeAdapter

from mljobs.enrich import facets
from mljobs.enrich.classifier import ArchetypeModel, Contribution, default_model
from mljobs.enrich.features import ML_TERMS, Featurized, count_terms, featurize
from mljobs.enrich.roles import RoleBlock, Roles, pick_role, segment_roles
from mljobs.enrich.salary import mentions_equity, parse_posting_salary, parse_salary_field
from mljobs.enrich.sections import SectionMap
from mljobs.enrich.skills import Match, default_matcher, default_taxonomy
from mljobs.errors import EnrichError
from mljobs.models import Enrichment, Evidence, Posting, Salary, SkillMention

ENRICH_VERSION = "1"
_CORE = {"data-scientist-ml", "research-engineer", "applied-researcher", "research-scientist"}


def version() -> str:
    """Pipeline version including the taxonomy version."""
    return f"{ENRICH_VERSION}+skills.{default_taxonomy().version}"


_FIELD_CATEGORIES = frozenset({"area", "practice"})
_NAMES_A_GROUP = re.compile(
    r"[\s-]*(?:&\s*\w+\s+)?(?:teams?|department|group|org|organi[sz]ation|function|leaders(?:hip)?|"
    r"community|managers?|directors?|roles?|positions?|jobs?|openings?|professionals?|"
    r"practitioners?|engineers?|scientists?|analysts?|interns?(?:hip)?)\b",
    re.IGNORECASE,
)


_MENTIONS = TypeAdapter(list[SkillMention])


def extract_skills(text: str, smap: SectionMap | None = None) -> list[SkillMention]:
    """Skills in ``text``: one mention per skill (first surface), required unless nice-to-have.

    A skill is nice-to-have only when every occurrence sits in a nice-to-have
    section or on a line that says "a plus" / "preferred" / "bonus".
    """
    # (one call validates them all, faster than one by one)
    return _MENTIONS.validate_python(_skill_rows(text, smap or SectionMap(text)))


def _skill_rows(text: str, smap: SectionMap) -> list[dict[str, Any]]:
    """The skills of ``extract_skills`` as the dicts its models are made from: the fields in
    order, every value of its field's type (so they are the models' JSON dump too)."""
    matcher = default_matcher()
    found = matcher.find(text)
    extra = matcher.coordinated_all(text, found)
    if extra:  # ``find`` gives its matches in order already
        found = sorted([*found, *extra], key=lambda x: x.start)
    first: dict[str, Match] = {}  # skill -> its first match
    required: set[str] = set()  # the skills with an occurrence that is not nice-to-have
    for m in found:
        if m.name in required:
            continue  # a later occurrence changes nothing
        if m.category in _FIELD_CATEGORIES and _NAMES_A_GROUP.match(text, m.end):
            continue  # "our Data Science team": the name of a group, not an ask
        if m.name not in first:
            first[m.name] = m
        if not smap.is_nice(m.start, m.end):
            required.add(m.name)
    return [{"name": m.name, "surface": m.surface, "required": m.name in required,
             "category": m.category, "start": m.start, "end": m.end} for m in first.values()]


def _ml_share(archetype: str, feats: Featurized) -> str:
    hits = count_terms(feats.text_counts, ML_TERMS)
    if archetype in _CORE:
        return "core"
    if archetype == "data-scientist-analytics":
        return "supporting"
    if archetype == "big-data-ml-engineer":
        return "supporting" if hits >= 3 else "incidental" if hits >= 1 else "none"
    if archetype == "ml-product-swe":
        return "supporting" if hits >= 5 else "incidental"
    return "incidental" if hits >= 3 else "none"


def features_for(title: str, text: str) -> Featurized:
    """The classifier features of one role (what training and ``analyse`` both use)."""
    return featurize(title, text, (s.category or "" for s in extract_skills(text)))


class _Parts(NamedTuple):
    """The value of every ``Enrichment`` field for one role (``version`` aside), as the steps
    return them: the field names, in the model's order, are these (``FIELDS``)."""

    archetype: str
    archetype_proba: dict[str, float]
    evidence: list[Contribution]
    specialisation: list[str]
    degree: str
    phd: str
    years_min: int | None
    seniority: str
    remote: str
    visa: str
    ml_share: str
    company_stage: str
    skills: list[dict[str, Any]]  # (``_skill_rows``; ``Enrichment`` validates them)
    salary: Salary | None
    equity: bool


# The one list of the fields ``analyse`` and ``enrich_record`` fill (a test holds it to the
# model's fields).
FIELDS = _Parts._fields


def _analyse(title: str, text: str, company_size: str | None, salary_text: str | None,
             model: ArchetypeModel | None) -> _Parts:
    """Run every step over one role (see ``analyse``); the results are not wrapped in models
    (the skills are the dicts of ``_skill_rows``)."""
    smap = SectionMap(text)
    skills = _skill_rows(text, smap)
    feats = featurize(title, text, (s["category"] or "" for s in skills))
    probs, contributions = (model or default_model()).predict(feats)
    archetype = max(probs, key=probs.__getitem__)
    degree, phd = facets.degree_and_phd(text, smap)
    salary = parse_salary_field(salary_text) if salary_text else None
    salary = salary or parse_posting_salary(title, text)  # parse_salary(title + "\n" + text[:3000])
    return _Parts(
        archetype=archetype,
        archetype_proba=probs,
        evidence=contributions[:8],
        specialisation=facets.specialisations(feats.title_counts, feats.text_counts,
                                              ml_role=archetype != "not-ml"),
        degree=degree,
        phd=phd,
        years_min=facets.years_min(text),
        seniority=facets.seniority(title, text),
        remote=facets.remote(title, text),
        visa=facets.visa(text),
        ml_share=_ml_share(archetype, feats),
        company_stage=facets.company_stage(text, company_size),
        skills=skills,
        salary=salary,
        equity=mentions_equity(text),
    )


def analyse(title: str, text: str, *, company_size: str | None = None,
            salary_text: str | None = None, model: ArchetypeModel | None = None) -> Enrichment:
    """Run every step over one role's title and text (see the package docstring).

    Args:
        title: the role's title.
        text: the role's description (plain text).
        company_size: the employer size field, if the source has one.
        salary_text: a separate salary field (e.g. a Glassdoor estimate).
        model: the archetype model (default: the packaged one).
    """
    p = _analyse(title, text, company_size, salary_text, model)
    fields: dict[str, Any] = dict(zip(FIELDS, p))
    fields["evidence"] = [Evidence(phrase=text[c.start:c.end], archetype=c.archetype,
                                   weight=c.weight, start=c.start, end=c.end) for c in p.evidence]
    return Enrichment(version=version(), **fields)


def _role_text(text: str, roles: Roles, block: RoleBlock) -> str:
    shared = text[:roles.shared_end].rstrip()
    return (shared + "\n\n" + text[block.start:block.end].strip()).strip()


def _is_hn(source: str | None) -> bool:
    return bool(source) and str(source).startswith(("hackernews", "hn"))


@dataclass(frozen=True)
class Prepared:
    """A corpus record reduced to the role to label: its title and text."""

    id: str
    title: str
    text: str
    roles: list[str]
    role: str | None


def prepare_record(record: dict[str, Any]) -> Prepared:
    """Pick the role a record is labelled by (LABELS.md rule) and its title and text.

    Raises:
        EnrichError: the record has no usable ``id``/``title``/``text``.
    """
    rid, title, text = record.get("id"), record.get("title"), record.get("text")
    if not isinstance(rid, str) or not rid:
        raise EnrichError("record has no 'id' string")
    if not isinstance(title, str) or not isinstance(text, str):
        raise EnrichError(f"record {rid}: 'title' and 'text' must be strings")
    roles = segment_roles(text) if _is_hn(record.get("source")) else Roles()
    block = pick_role(roles)
    if block is None:
        return Prepared(rid, title, text, roles.titles, None)
    if isinstance(block, RoleBlock):
        return Prepared(rid, block.title, _role_text(text, roles, block), roles.titles, block.title)
    return Prepared(rid, f"{block} | {title}", text, roles.titles, block)


def enrich_record(record: dict[str, Any], model: ArchetypeModel | None = None) -> dict[str, Any]:
    """One corpus-format record -> one LABELS.md-format dict (id preserved).

    The dict is what ``analyse(...).model_dump(mode="json", exclude={"version"})`` gives
    (same keys, order and values) plus ``id``, ``roles`` and ``role``, built straight from
    the steps' results: every value is already of its field's type, so the models'
    validation and serialisation would only cost time.

    Raises:
        EnrichError: the record has no usable ``id``/``title``/``text``.
    """
    prep = prepare_record(record)
    text = prep.text
    p = _analyse(prep.title, text, _size(record.get("company_size")),
                 _str(record.get("salary_estimate")), model)
    out: dict[str, Any] = dict(zip(FIELDS, p))  # (the values not JSON-ready yet are replaced)
    out["archetype_proba"] = {k: float(v) for k, v in p.archetype_proba.items()}
    out["evidence"] = [{"phrase": text[c.start:c.end], "archetype": c.archetype,
                        "weight": float(c.weight), "start": c.start, "end": c.end}
                       for c in p.evidence]
    out["specialisation"] = list(p.specialisation)
    sal = p.salary
    if sal is not None:
        out["salary"] = {"min": sal.min, "max": sal.max, "currency": sal.currency,
                         "interval": None if sal.interval is None else sal.interval.value,
                         "stated": sal.stated, "text": sal.text}
    out["id"] = prep.id
    out["roles"] = prep.roles
    out["role"] = prep.role
    return out


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _size(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip().lower() != "unknown" else None


def _posting_enrichment(posting: Posting, title: str, text: str, roles: list[str]) -> Enrichment:
    extra = posting.extra or {}
    salary_text = extra.get("salary_estimate") if isinstance(extra.get("salary_estimate"), str) else None
    enr = analyse(title, text, company_size=_size(extra.get("company_size")), salary_text=salary_text)
    if roles:
        enr = enr.model_copy(update={"roles": roles})
    return enr


def enrich_postings(postings: Sequence[Posting]) -> list[Posting]:
    """Enrich a batch; a multi-role HN post becomes one posting per role (see package doc)."""
    out: list[Posting] = []
    for posting in postings:
        try:
            out.extend(_enrich_one(posting))
        except EnrichError:
            raise
        except Exception as exc:  # a bug on one posting must name the posting
            raise EnrichError(f"enriching {posting.id} failed: {exc!r}") from exc
    return out


def _enrich_one(posting: Posting) -> list[Posting]:
    text = posting.description_text or ""
    roles = segment_roles(text) if _is_hn(posting.source) else Roles()
    if not roles.is_multi:
        enr = _posting_enrichment(posting, posting.title, text, roles.titles)
        return [posting.model_copy(update={"enrichment": enr})]
    children = []
    for n, block in enumerate(roles.blocks, start=1):
        body = _role_text(text, roles, block)
        child = posting.model_copy(update={
            "id": f"{posting.id}/r{n}", "source_id": f"{posting.source_id}/r{n}",
            "title": block.title, "description_text": body, "description_html": "",
        })
        child = child.model_copy(update={"content_hash": child.compute_hash()})
        enr = _posting_enrichment(child, block.title, body, roles.titles)
        children.append(child.model_copy(update={"enrichment": enr}))
    return children
