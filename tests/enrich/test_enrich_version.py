"""The understanding's version moves when what it reads moves.

A store keeps each posting's understanding with the version that made it
(``Enrichment.version``: ``ENRICH_VERSION`` and the taxonomy's version), and only a version
it does not have tells it (``mljobs stats``, the end of ``sync`` and ``import``, the
dashboard) that ``mljobs enrich --store`` would read its postings otherwise, and makes a
sync or an import understand again what it touches. ``ENRICH_VERSION`` stayed "1" through
every facet, pay and role change, so those told no store anything: the demo built at
a52d699 and the one built at placesC both say ``1+skills.2026.11.9``, and 14 of their 1,894
postings are read otherwise (seniority, ML share, archetype, years, specialisation, skills).

This test reads a fixed sample (the first ``SAMPLE`` posts of the bundled demo) and compares
what is understood of it with the digest recorded for the current version. When it fails:

- the version is new (the taxonomy's moved, or ``ENRICH_VERSION`` was bumped): add the
  line the failure prints to ``UNDERSTOOD``;
- the version is recorded and the digest differs: what the pipeline reads changed under the
  same version; bump ``ENRICH_VERSION`` (``mljobs/enrich/version.py``) and add the line.

The sample is a guard, not a proof: a change that moves none of its posts passes.
Probabilities and evidence weights are left out of the digest (float noise across
machines); what a person reads of a posting (archetype, skills, facets, pay) is in it.
"""

from __future__ import annotations

import hashlib
import json
from itertools import islice

from mljobs.demo import demo_path
from mljobs.enrich.pipeline import enrich_postings
from mljobs.enrich.version import version
from mljobs.normalize import normalize
from mljobs.sources.files import read_objects, row_to_raw

SAMPLE = 300
# what is understood of the sample, by version (a new version adds its line)
UNDERSTOOD = {
    "1+skills.2026.11.9": "7f938ab7ddae0eb2",
    "1+skills.2026.11.10": "de4f4f6cb3e35a33",
    "2+skills.2026.11.10": "0a13b96f24daa322",
    "3+skills.2026.11.10": "2b75e5abaa4909fd",
    "4+skills.2026.11.10": "652101867332aca1",
    "5+skills.2026.11.10": "26ba6222f2cf3229",
    "6+skills.2026.11.10": "a0cf31c7202932ff",
    "7+skills.2026.11.10": "dab27cd9273bb1b6",
    "8+skills.2026.11.10": "dab27cd9273bb1b6",
    "9+skills.2026.11.10": "685e9d2dffb2e1a2",
    "9+skills.2026.11.11": "685e9d2dffb2e1a2",
    "10+skills.2026.11.11": "69e40848b84cc529",
    "10+skills.2026.11.12": "69e40848b84cc529",
}
_LEFT_OUT = {"version", "archetype_proba", "evidence"}


def _digest() -> str:
    """The understanding of the sample's postings (a split post's roles each), as an import
    stores it, less ``_LEFT_OUT``, hashed."""
    rows = islice(read_objects(demo_path()), SAMPLE)
    postings = [normalize(row_to_raw(row, path="demo", line=n)) for n, row in enumerate(rows)]
    read = [(p.id, p.enrichment.model_dump(mode="json", exclude=_LEFT_OUT))
            for p in enrich_postings(postings) if p.enrichment is not None]
    assert len(read) >= SAMPLE
    return hashlib.sha256(json.dumps(read, sort_keys=True).encode()).hexdigest()[:16]


def test_the_version_moves_with_what_is_understood() -> None:
    digest = _digest()
    current = version()
    line = f'    "{current}": "{digest}",'
    assert current in UNDERSTOOD, (
        f"no digest recorded for the understanding version {current}: add to UNDERSTOOD in "
        f"{__file__}:\n{line}")
    assert UNDERSTOOD[current] == digest, (
        f"what the pipeline understands of the sample changed, and its version ({current}) "
        "did not: stores understood before would not be told. Bump ENRICH_VERSION in "
        f"mljobs/enrich/version.py and add the new version's line to UNDERSTOOD:\n"
        f"    \"<new version>\": \"{digest}\",")


def test_the_version_is_one_stores_can_order() -> None:
    """``ENRICH_VERSION`` is a whole number and the version it makes has an order
    (``models.version_order``): with none, every other stored version would count as
    older, a newer mljobs's too, and this one would overwrite it."""
    from mljobs.enrich.version import ENRICH_VERSION
    from mljobs.models import version_order

    assert ENRICH_VERSION.isdigit()
    assert version_order(version()) is not None
