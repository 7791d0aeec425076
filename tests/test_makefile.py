"""``make run`` when ``mljobs demo`` refuses (the demo store holds postings the demo did not
load) stops before serving, and says how to go on from make: the refusal says "run mljobs demo
--replace" and "run mljobs demo again", and a user of ``make run`` has no ``mljobs`` on the
PATH until the venv is activated, nor runs ``mljobs demo`` but ``make run``.

Make runs the Makefile as it is, with ``VENV`` set to a folder whose ``bin/mljobs`` runs this
checkout's mljobs (``python -m mljobs``) and whose ``.installed`` is newer than pyproject.toml:
nothing is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_run_says_how_to_go_on_when_the_demo_refuses(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    mljobs = venv / "bin" / "mljobs"
    mljobs.write_text(f'#!/bin/sh\nPYTHONPATH={ROOT / "src"} exec {sys.executable} -m mljobs "$@"\n')
    mljobs.chmod(0o755)
    (venv / ".installed").touch()
    installed = subprocess.run(["make", "-q", "-C", str(ROOT), "install", f"VENV={venv}"],
                               check=False, capture_output=True, timeout=60)
    assert installed.returncode == 0  # up to date: make run installs nothing
    demo = Path(user_data_dir("mljobs", appauthor=False)) / "demo.sqlite3"
    made = subprocess.run([str(mljobs), "--db", str(demo), "import", "--no-enrich",
                           str(ROOT / "tests" / "fixtures" / "jobspy-sample.csv")],
                          check=False, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    env = {**os.environ, "COLUMNS": "400"}
    res = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "run", f"VENV={venv}",
                          "PORT=1"], check=False, capture_output=True, text=True, timeout=120,
                         env=env)
    said = " ".join(res.stderr.split())
    assert res.returncode != 0, res.stdout + res.stderr
    assert "ConfigError: the demo store" in said and "run mljobs demo --replace" in said
    assert (f"make run stopped: mljobs demo did not build the demo store (above). Do what it "
            f"says with {venv}/bin/mljobs for mljobs (or after . {venv}/bin/activate), then "
            "run make run again.") in said, said
    assert "serve" not in res.stdout  # (PORT=1: a serve started would have failed at once)
