"""Set-up for a batch of enrichment in a long-lived process.

The pipeline allocates thousands of short-lived objects per posting, so the
cyclic garbage collector runs often, and each of its full passes walks every
tracked object of the process again: the ~80,000 of the skill taxonomy, its
matcher and the archetype model included, though they live as long as the
process. ``warm_up`` loads them and moves everything alive at that moment to
the collector's permanent generation (``gc.freeze``), which those passes
skip. Same output; the whole pipeline over the corpus takes 0.818x the time
(``bench/enrich.py --freeze-ab``, docs/benchmarks.md).
"""

from __future__ import annotations

import gc

_done = False


def warm_up() -> None:
    """Load the skill matcher and the archetype model, then freeze the collector's view of
    every object alive now. Only the first call in a process freezes (later calls would
    also pin whatever short-lived garbage exists at that moment)."""
    global _done
    from mljobs.enrich.classifier import default_model
    from mljobs.enrich.skills import default_matcher

    default_matcher()
    default_model()
    if not _done:
        _done = True
        gc.collect()  # what is garbage now is freed, not frozen
        gc.freeze()
