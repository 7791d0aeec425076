"""``sync --since`` reads what ``search --since`` and ``match --since`` read: a period (``7d``,
``4w``, ``6m``, ``1y``) or a date. It took a date alone: ``--since 7d`` was refused with "use
YYYY-MM-DD", though the other two commands took it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def _mail(tmp_path: Path, *ages: int) -> Path:
    """An mbox of one mailing-list job post a day of ``ages`` (days before now)."""
    parts = []
    for n, age in enumerate(ages):
        sent = datetime.now(UTC) - timedelta(days=age)
        parts.append(
            f"From ml-news@example.org {sent:%a %b %d %H:%M:%S %Y}\n"
            "From: ML-News <ml-news@example.org>\nTo: ml-news@example.org\n"
            f"Subject: [ML-News] Job: Machine learning engineer {n}, Uppsala\n"
            f"Date: {format_datetime(sent)}\nMessage-ID: <post-{n}@example.org>\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            f"The group at Uppsala University hires machine learning engineer {n} to train\n"
            "PyTorch models of the weather.\n\n")
    path = tmp_path / "lists.mbox"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def test_a_period_skips_the_postings_before_it(tmp_path: Path) -> None:
    config = str(tmp_path / "sources.toml")
    added = runner.invoke(app, ["sources", "add", "mailbox", "--name", "mail", "--config", config,
                                "--set", f"paths={_mail(tmp_path, 2, 40)}"])
    assert added.exit_code == 0, added.output
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config", config,
                              "--since", "7d", "--no-enrich", "--no-filter", "--json"])
    assert res.exit_code == 0, res.output
    [mail] = json.loads(res.stdout)["sources"]
    assert (mail["new"], mail["filtered"]) == (1, 1)  # the post of 40 days ago is older


def test_a_value_that_is_neither_names_both_forms(tmp_path: Path) -> None:
    config = str(tmp_path / "sources.toml")
    added = runner.invoke(app, ["sources", "add", "mailbox", "--name", "mail", "--config", config,
                                "--set", f"paths={_mail(tmp_path, 2)}"])
    assert added.exit_code == 0, added.output
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "sync", "--config", config, "--since", "a week"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.exception
    flat = " ".join(res.output.split())
    assert "ConfigError: --since: since='a week' is not a period or a date; use 7d, 4w, 6m, 1y " \
           "or 2026-03-01" in flat, flat
    assert not db.exists()
