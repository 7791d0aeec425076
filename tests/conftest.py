"""Shared fixtures: a fresh store on tmp_path, a fixed clock, the data folders."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings

from mljobs.store import SQLiteStore

# No property test here is about speed, so none has Hypothesis's 200 ms deadline per example
# (eleven had it): on a loaded host, or in a garbage collection of this big process, an
# example ran over it, and the re-run that did not was reported as "Flaky" -- a failure.
settings.register_profile("mljobs", deadline=None)
settings.load_profile("mljobs")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "postings.jsonl"

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _own_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own user folders and no store or sources file from the shell.

    A command run without ``--db`` or ``--config`` (here or in a subprocess a test starts)
    would otherwise read and write the user's own data, config and cache folders, shared
    with every other test run on the machine and left for the next test to find; and an
    ``MLJOBS_DB`` or ``MLJOBS_SOURCES`` set in the shell would change what tests see.
    """
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "user" / name.lower()))
    for name in ("MLJOBS_DB", "MLJOBS_SOURCES"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def now() -> datetime:
    """The clock, passed in: a fixed instant."""
    return NOW


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """A new, empty store file in tmp_path."""
    s = SQLiteStore(tmp_path / "store.sqlite3")
    yield s
    s.close()


@pytest.fixture
def hn_sample() -> Path:
    """43 real HN "Who is hiring?" comments (HN item API shape)."""
    return FIXTURES / "hn-sample.jsonl"


@pytest.fixture
def undated_rows(tmp_path: Path) -> Path:
    """Two generic rows, one with a post date and one without (as an archive's rows come)."""
    rows = [
        {"id": "d1", "source": "board", "title": "Machine Learning Engineer",
         "company": "Dated Co", "description": "Train ranking models in PyTorch.",
         "posted_at": "2026-03-02T10:00:00Z"},
        {"id": "u1", "source": "board", "title": "Machine Learning Scientist",
         "company": "Undated Co", "description": "Train vision models in PyTorch."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def hn_split_sample(hn_sample: Path, tmp_path: Path) -> Path:
    """``hn_sample`` with its first post's text replaced by a post of two described roles
    (written anew in the shape of the corpus's split posts; HN item HTML), which the enrich
    pipeline stores as one posting per role: whether a real post of the sample is split
    follows the splitter's rules, which change."""
    desc = "You will own the services that route parcels across Europe and talk to carriers daily. "
    text = ("Parcelo | Berlin | Onsite<p>Parcelo builds routing software for parcel carriers.<p>"
            "Backend Engineer<p>" + desc * 2 + "<p>"
            "Machine Learning Engineer<p>" + "You will train arrival-time models in PyTorch and ship them. " * 4
            + "<p>Apply: jobs@parcelo.example with your GitHub.")
    lines = hn_sample.read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] = text
    out = tmp_path / "hn-split-sample.jsonl"
    out.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", "utf-8")
    return out


@pytest.fixture
def corpus() -> Path:
    """The shared corpus (2,749 postings); tests using it skip without ../shared."""
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


@pytest.fixture
def time_ratio() -> Callable[[Callable[[], object], Callable[[], object]], float]:
    """How many times longer ``large()`` takes than ``small()`` (the best of five runs each,
    the two taking turns).

    The guards against work that grows with the square (or exponentially) of a hostile text
    compare a text with a smaller one of the same shape, in the same process, instead of
    holding a time in seconds: an absolute limit failed on a loaded host (five seconds for
    what takes a fraction of one on a quiet one), while a ratio is as slow on both sides.
    The runs take turns so that a burst of load on a shared host falls on both sides (three
    runs of one, then three of the other, once read 9.7 for a ratio of 4 on a host running
    five other jobs)."""

    def ratio(large: Callable[[], object], small: Callable[[], object]) -> float:
        best_large = best_small = float("inf")
        for _ in range(5):
            best_small = min(best_small, _seconds(small))
            best_large = min(best_large, _seconds(large))
        return best_large / max(best_small, 1e-6)

    return ratio
