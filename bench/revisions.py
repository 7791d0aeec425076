"""Code of mljobs as it was at a git revision, for the benches that time it against now.

``module_at`` imports one ``src/mljobs/enrich`` module at a revision beside the current one
(in-process A/B); ``tree_at`` writes a copy of ``src`` with some or all of it at a revision,
for a child process to put first on its import path.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def source_at(rev: str, rel: str) -> str:
    """The text of the repository file ``rel`` at git revision ``rev``."""
    return subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def module_at(rev: str, name: str, alias: str, patch: tuple[str, str] | None = None) -> ModuleType:
    """``src/mljobs/enrich/<name>.py`` at ``rev``, imported as the module ``alias``.

    ``patch`` replaces one text in the source first (e.g. to import another module at
    ``rev`` instead of the current one).
    """
    src = source_at(rev, f"src/mljobs/enrich/{name}.py")
    if patch:
        src = src.replace(*patch)
    path = Path(tempfile.mkdtemp()) / f"{alias}.py"
    path.write_text(src, "utf-8")
    spec = importlib.util.spec_from_file_location(alias, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[alias] = mod  # dataclasses look the module up by name
    spec.loader.exec_module(mod)
    return mod


def tree_at(rev: str, dest: Path, modules: Iterable[str] | None = None) -> Path:
    """A copy of ``src`` under ``dest`` with the ``mljobs.enrich`` ``modules`` as they were at
    ``rev`` (None: all of ``src`` at ``rev``, model included); returns the copy's ``src``."""
    if modules is None:
        archive = subprocess.run(["git", "archive", rev, "src"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return dest / "src"
    shutil.copytree(ROOT / "src", dest / "src")
    for name in modules:
        rel = f"src/mljobs/enrich/{name}.py"
        (dest / rel).write_text(source_at(rev, rel), "utf-8")
    return dest / "src"
