"""Set-up for a batch of enrichment in a long-lived process.

The pipeline allocates thousands of short-lived objects per posting, so the
cyclic garbage collector runs often, and each of its full passes walks every
tracked object of the process again: the ~80,000 of the skill taxonomy, its
matcher and the archetype model included, though they live as long as the
process. ``warm_up`` loads them and moves everything alive at that moment to
the collector's permanent generation (``gc.freeze``), which those passes
skip. Same output; the whole pipeline over the corpus takes 0.818x the time
(``bench/enrich.py --freeze-ab``, docs/benchmarks.md).

It also lets the young generation grow to ``YOUNG_THRESHOLD`` objects before a collection
(Python's default is 700): the pipeline's short-lived objects are freed by their reference
counts, yet a corpus pass made ~260 collections, each walking (and moving to the next
generation) whatever the batch in hand held at that moment. Same output; fewer
instructions per posting: ``bench/enrich_instructions.py``'s count 5.438M -> 5.392M
(0.9915x), and a pass over its window counted alone 5.547M -> 5.418M (0.977x);
docs/benchmarks.md. A threshold already set higher, or 0 (automatic collection off), is
left as it is.
"""

from __future__ import annotations

import gc

_done = False
# The young generation's threshold ``warm_up`` sets (Python's default: 700). A pass over the
# window of ``bench/enrich_instructions.py`` counted alone: 3,000 gave -112k instructions per
# posting, 10,000 -129k; the bench's own count gave the same for 10,000 and 100,000.
YOUNG_THRESHOLD = 10_000


def warm_up() -> None:
    """Load the skill matcher and the archetype model, then freeze the collector's view of
    every object alive now, and raise the young generation's threshold to
    ``YOUNG_THRESHOLD`` (unless it is higher, or 0). Only the first call in a process
    freezes (later calls would also pin whatever short-lived garbage exists at that
    moment)."""
    global _done
    from mljobs.enrich.classifier import default_model
    from mljobs.enrich.skills import default_matcher

    default_matcher()
    default_model()
    if not _done:
        _done = True
        gc.collect()  # what is garbage now is freed, not frozen
        gc.freeze()
        young, *older = gc.get_threshold()
        if 0 < young < YOUNG_THRESHOLD:
            gc.set_threshold(YOUNG_THRESHOLD, *older)
