"""``warm_up``: the taxonomy, matcher and model loaded, and frozen out of the collector's
passes once per process."""

from __future__ import annotations

import subprocess
import sys


def test_warm_up_loads_and_freezes_once() -> None:
    code = (
        "import gc\n"
        "from mljobs.enrich.classifier import default_model\n"
        "from mljobs.enrich.skills import default_matcher\n"
        "from mljobs.enrich.warm import warm_up\n"
        "assert gc.get_freeze_count() == 0\n"
        "warm_up()\n"
        "assert default_model.cache_info().currsize == 1\n"
        "assert default_matcher.cache_info().currsize == 1\n"
        "first = gc.get_freeze_count()\n"
        "junk = [[i] for i in range(1000)]\n"
        "warm_up()\n"
        "print(first, gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = map(int, out.stdout.split())
    assert first > 10_000  # the taxonomy, matcher and model are frozen
    assert second == first  # a second call freezes nothing more


def test_warm_up_raises_the_young_threshold_once_and_leaves_a_higher_or_zero_one() -> None:
    code = (
        "import gc, sys\n"
        "from mljobs.enrich.warm import YOUNG_THRESHOLD, warm_up\n"
        "gc.set_threshold(int(sys.argv[1]), 11, 12)\n"
        "warm_up()\n"
        "print(*gc.get_threshold(), YOUNG_THRESHOLD)\n"
    )
    for before in ("700", "0", "50000"):
        out = subprocess.run([sys.executable, "-c", code, before], capture_output=True, text=True,
                             check=True)
        young, older, oldest, wanted = map(int, out.stdout.split())
        assert (older, oldest) == (11, 12)  # (the older generations' thresholds kept)
        assert young == (wanted if before == "700" else int(before))
