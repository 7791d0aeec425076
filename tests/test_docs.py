"""Docs are tested: every command has help text and is described in the docs."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

import mljobs
from mljobs.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def commands() -> dict[str, object]:
    group = typer.main.get_command(app)
    names: dict[str, object] = {}
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        if sub:
            for child in sub:
                names[f"{name} {child}"] = sub[child]
        else:
            names[name] = cmd
    return names


def test_every_command_has_help_and_is_documented() -> None:
    missing_help = [n for n, c in commands().items() if not (getattr(c, "help", "") or "").strip()]
    assert not missing_help, f"commands without help text: {missing_help}"
    undocumented = [n for n in commands() if not re.search(rf"mljobs {re.escape(n)}\b", DOCS)]
    assert not undocumented, f"commands not described in README.md or docs/: {undocumented}"


def test_public_api_is_exported() -> None:
    for name in mljobs.__all__:
        assert getattr(mljobs, name) is not None
