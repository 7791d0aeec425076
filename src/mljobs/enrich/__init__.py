"""Understanding postings: sections, skills, facets, salary, roles and archetype.

The steps, in order, for one posting (``analyse``):

1. ``roles.segment_roles`` — a Hacker News post that describes several roles
   becomes one posting per role (``enrich_postings``); a list of bare titles
   stays one posting and keeps them in ``Enrichment.roles``; its pay is read first
   from the line of the title it is labelled by (``roles.pick_title``, over
   ``roles.listed_roles``: the header's role first), as ``enrich_record`` reads it.
2. ``sections.SectionMap`` — about / responsibilities / requirements / nice /
   benefits, so each skill is marked required or nice-to-have.
3. ``skills.SkillMatcher`` — taxonomy skills with surface form and offsets.
4. ``classifier.ArchetypeModel`` — probabilities for the 8 archetypes and the
   phrases (with offsets) that moved the chosen one.
5. ``facets`` — seniority, years, degree, PhD, remote, visa, company stage, and
   the specialisation (none for a ``not-ml`` role); ``salary`` — pay range,
   interval, estimate flag, equity; ``ml_share`` from the archetype.

Public API (used by import/sync, the ``enrich``/``eval`` commands and resume
matching):

- ``ENRICH_VERSION``: the pipeline's part of ``Enrichment.version``
  (``"10+skills.<taxonomy version>"``); bumped with any change to what the
  pipeline outputs other than the taxonomy's (a store is told by the version
  that its postings were understood otherwise: ``tests/enrich/test_enrich_version.py``
  fails until it is). It stayed ``1`` from the first pipeline to this rule; ``2`` from
  facetsD's company-stage rule (a local office's headcount); ``3`` from this session's
  header and title readings (archE: a header's several roles, a hiring sentence's role)
  and company-stage rules (facetsE: a local team, approximate headcounts, the hire's past);
  ``4`` from the store path reading a post's role as ``enrich_record`` does (archF: one
  ``pipeline._readings`` for both paths); ``5`` from the 24th session's readings (rolesG:
  the openings a list names by their line of work, "* Bayesian Software Engineering",
  ``roles._field_items``; facetsG: "Remote, UK ONLY." in a post's body; matchG: the years
  a posting asks of one skill, ``Enrichment.skill_years``, ``facets.skill_years``); ``6``
  from an HN header's pay range without a currency (payG: "| 150-200k |", in the currency
  of the one country the header's places name); ``7`` from ``mljobs enrich`` and training
  reading a record as the store holds it (storeH: the title on one line, the text tidied,
  the company of an HN header when the row has none; the archetype model retrained on it);
  ``8`` from a degree's possessive with a mangled apostrophe ("Masterrsquos degree") and the
  plural "recommendations" no recsys term (facetsJ) on.
- ``enrich_postings(postings) -> list[Posting]``: copies with ``.enrichment``
  set; may return more postings than given (child ids ``<id>/r<n>``).
- ``enrich_record(record) -> dict``: one corpus-format record -> one
  ``eval/LABELS.md``-format dict (plus visa, salary, equity, evidence, roles).
- ``extract_skills(text) -> list[SkillMention]``; ``SkillTaxonomy``,
  ``SkillMatcher``: the taxonomy and the one-pass extractor.
- ``classify_text(title, text) -> dict[str, float]``: archetype probabilities
  for any text.

The names above load on first use (``__getattr__``), each from its own module: importing
a light submodule (``mljobs.enrich.salary`` for the pay that ``mljobs show`` prints) does
not load the archetype model's code and numpy with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mljobs.enrich.classifier import ARCHETYPES, ArchetypeModel, classify_text
    from mljobs.enrich.pipeline import (
        analyse,
        enrich_postings,
        enrich_record,
        extract_skills,
    )
    from mljobs.enrich.roles import segment_roles
    from mljobs.enrich.salary import parse_salary
    from mljobs.enrich.sections import SectionMap, split_sections
    from mljobs.enrich.skills import SkillMatcher, SkillTaxonomy
    from mljobs.enrich.version import ENRICH_VERSION

_HOME = {
    "ARCHETYPES": "classifier",
    "ArchetypeModel": "classifier",
    "classify_text": "classifier",
    "ENRICH_VERSION": "version",
    "analyse": "pipeline",
    "enrich_postings": "pipeline",
    "enrich_record": "pipeline",
    "extract_skills": "pipeline",
    "segment_roles": "roles",
    "parse_salary": "salary",
    "SectionMap": "sections",
    "split_sections": "sections",
    "SkillMatcher": "skills",
    "SkillTaxonomy": "skills",
}


def __getattr__(name: str) -> object:
    """A public name, imported from its module on first use (then kept here)."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, those not loaded yet included (as before they loaded lazily)."""
    return sorted({*globals(), *_HOME})


__all__ = [
    "ARCHETYPES",
    "ENRICH_VERSION",
    "ArchetypeModel",
    "SectionMap",
    "SkillMatcher",
    "SkillTaxonomy",
    "analyse",
    "classify_text",
    "enrich_postings",
    "enrich_record",
    "extract_skills",
    "parse_salary",
    "segment_roles",
    "split_sections",
]
