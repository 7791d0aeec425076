"""``mljobs search``, ``show``, ``stats``, ``--help`` and ``--version`` load only what they use:
not the understanding step's code (the archetype model, the pipeline) nor numpy, scipy or
scikit-learn. ``search`` on the demo store took 0.8-1.1 s, about 0.8 s of it importing the
enrichment code (docs/benchmarks.md, "Start-up of a command"); ``show`` and the result list
only read a posting's pay (``enrich.salary``, ``enrich.roles``).

Each command runs in a fresh interpreter (this test process has loaded everything), and
``python -X importtime`` names every module the command imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mljobs
from mljobs.cli import app

HEAVY = ("numpy", "scipy", "sklearn", "mljobs.enrich.classifier", "mljobs.enrich.pipeline",
         "mljobs.enrich.features", "mljobs.enrich.facets", "mljobs.dedupe")
SRC = str(Path(mljobs.__file__).resolve().parents[1])


def _imported(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -m mljobs *args`` and return it and the modules it imported."""
    env = {**os.environ, "COLUMNS": "200",
           "PYTHONPATH": os.pathsep.join([SRC, *filter(None, [os.environ.get("PYTHONPATH")])])}
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "mljobs", *args], env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    names = {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    assert "mljobs.cli" in names, run.stderr[-2000:]  # (the import report was read)
    return run, names


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with one Hacker News post that lists two roles, each with its pay."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({
        "id": "1", "source": "hackernews", "title": "Acme | Berlin | Onsite",
        "description": "Acme | Berlin | Onsite\nML Engineer - $150k-$180k\n"
                       "Data Scientist - $120k-$140k\nWe train language models on GPUs."}) + "\n",
        encoding="utf-8")
    path = tmp_path / "s.sqlite3"
    res = CliRunner().invoke(app, ["--db", str(path), "import", str(rows)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return path


@pytest.mark.parametrize("command", [["search", "language"], ["show", "FIRST"], ["stats"],
                                     ["--help"], ["--version"], ["search", "--help"]])
def test_a_reading_command_loads_no_understanding_code(db: Path, command: list[str]) -> None:
    if command == ["show", "FIRST"]:
        listed = CliRunner().invoke(app, ["--db", str(db), "search", "", "--json"],
                                    catch_exceptions=False)
        command = ["show", json.loads(listed.output)["hits"][0]["id"]]
    run, names = _imported("--db", str(db), *command)
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    assert run.stdout.strip()  # (it did its work: a hit, a posting, counts, help, a version)
    loaded = sorted(n for n in names if n.split(".")[0] in HEAVY or n in HEAVY)
    assert loaded == [], f"`mljobs {' '.join(command)}` imported {loaded}"


def test_show_still_names_the_listed_roles_pay(db: Path) -> None:
    """The pay ``show`` prints for a post that lists roles with their pay is still the
    labelled role's own (``roles.listed_pay``, moved out of the pipeline module)."""
    listed = CliRunner().invoke(app, ["--db", str(db), "search", "", "--json"],
                                catch_exceptions=False)
    pid = json.loads(listed.output)["hits"][0]["id"]
    run, _ = _imported("--db", str(db), "show", pid)
    assert run.returncode == 0, run.stderr[-2000:]
    out = " ".join(run.stdout.split())
    assert "150,000-180,000 USD per year" in out or "120,000-140,000 USD per year" in out, out


def test_the_enrich_packages_names_load_on_first_use() -> None:
    """``mljobs.enrich``'s public names still import, are listed by ``dir`` and are the
    objects of their modules; an unknown name is an ``AttributeError``."""
    from mljobs import enrich
    from mljobs.enrich import ENRICH_VERSION, SkillMatcher, enrich_postings
    from mljobs.enrich.pipeline import enrich_postings as from_pipeline
    from mljobs.enrich.skills import SkillMatcher as from_skills
    from mljobs.enrich.version import ENRICH_VERSION as from_version

    assert (enrich_postings, SkillMatcher, ENRICH_VERSION) == (from_pipeline, from_skills,
                                                               from_version)
    assert set(enrich.__all__) <= set(dir(enrich))
    assert all(getattr(enrich, name) is not None for name in enrich.__all__)
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = enrich.no_such_name
