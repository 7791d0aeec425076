"""The ``mljobs`` command line: Typer app in ``app``, commands in sibling modules.

Every module of this package is imported on start-up, so a new command group
is one new file that decorates functions with ``@app.command()``.
"""

from __future__ import annotations

import importlib
import pkgutil

from mljobs.cli.app import app, main

for _module in pkgutil.iter_modules(__path__):
    if _module.name not in ("app", "render"):
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["app", "main"]
