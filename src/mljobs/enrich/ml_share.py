"""How much of a role is ML: ``core``, ``supporting``, ``incidental`` or ``none`` (LABELS.md:
core = ML/statistical modelling is the job; supporting = ML is a regular part of the job;
incidental = ML is mentioned as a plus or as context; none).

The rule reads the archetype and how sure the archetype model is that the role is no ML role
at all (its ``not-ml`` probability), plus, for a data engineer or a role the model calls
``not-ml``, how often the description names ML (``features.ML_TERMS``):

- the four modelling archetypes are ``core``;
- an analytics data scientist is ``supporting``, but ``core`` when the model gives the
  ML data scientist a fair chance too (the postings between the two build models);
- a software engineer is ``supporting`` (the AI product is what they build on) unless the
  model gives ``not-ml`` a fair chance: then ML is ``incidental`` (the company's pitch);
- a data engineer is ``none`` when the description names no ML, ``supporting`` when it
  names it at least twice and the model is sure the role is an ML one, else ``incidental``;
- a ``not-ml`` role is ``incidental`` when the model is unsure (the post is about an AI
  product or an ML-adjacent role), or names ML and the model is not very sure; else ``none``.

The probabilities are read untempered (the model's softmax at temperature 1, as
cross-validation fits its models), so the thresholds mean the same for the shipped model
(whose temperature is fitted afterwards) and for the models ``mljobs eval --labels dev``
trains per fold. The thresholds were chosen on the dev set (cross-validated archetypes) and
the extra labels of batches 4-22 (out-of-fold archetypes); docs/evaluation.md has the
figures.
"""

from __future__ import annotations

from collections.abc import Mapping

from mljobs.enrich.features import ML_TERMS, Featurized, count_terms

CORE_ARCHETYPES = frozenset(
    {"data-scientist-ml", "research-engineer", "applied-researcher", "research-scientist"})
# (untempered probabilities; see the module docstring)
ANALYTICS_CORE_ABOVE = 0.3  # P(data-scientist-ml) above which an analytics role is core
SWE_SUPPORTING_BELOW = 0.3  # P(not-ml) below which a software engineer's ML is supporting
BIG_DATA_SUPPORTING_BELOW = 0.1  # P(not-ml) below which a data engineer's ML may be supporting
BIG_DATA_SUPPORTING_HITS = 2  # ... when the description names ML this many times
NOT_ML_INCIDENTAL_BELOW = 0.4  # P(not-ml) below which a not-ml role's ML is incidental
NOT_ML_NAMED_BELOW = 0.7  # ... or below this when the description names ML


def untempered(probs: Mapping[str, float], temperature: float, name: str) -> float:
    """The probability of ``name`` at temperature 1, from ``probs`` at ``temperature``: each
    probability to the power ``temperature``, renormalised (softmax(s / T) ** T is
    proportional to softmax(s))."""
    if temperature == 1.0:
        return probs[name]
    total = sum(p ** temperature for p in probs.values())
    return probs[name] ** temperature / total if total else 0.0


def ml_share(archetype: str, probs: Mapping[str, float], temperature: float,
             feats: Featurized) -> str:
    """The ML share of a role (see the module docstring).

    Args:
        archetype: the predicted archetype (the most probable one).
        probs: the archetype model's probabilities.
        temperature: the temperature the model's probabilities were computed at.
        feats: the role's classifier features (the description's word counts).
    """
    if archetype in CORE_ARCHETYPES:
        return "core"
    if archetype == "data-scientist-analytics":
        p_ml = untempered(probs, temperature, "data-scientist-ml")
        return "core" if p_ml > ANALYTICS_CORE_ABOVE else "supporting"
    p_not = untempered(probs, temperature, "not-ml")
    if archetype == "ml-product-swe":
        return "supporting" if p_not < SWE_SUPPORTING_BELOW else "incidental"
    hits = count_terms(feats.text_counts, ML_TERMS)
    if archetype == "big-data-ml-engineer":
        if not hits:
            return "none"
        sure = hits >= BIG_DATA_SUPPORTING_HITS and p_not < BIG_DATA_SUPPORTING_BELOW
        return "supporting" if sure else "incidental"
    named = hits and p_not < NOT_ML_NAMED_BELOW
    return "incidental" if p_not < NOT_ML_INCIDENTAL_BELOW or named else "none"
