"""tools/score_facets_read.py: scoring enrich output against the pay, visa and equity
readings of labels/facets-read/."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_facets_read", ROOT / "tools" / "score_facets_read.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


tool = _tool()


def _read(rid: str, part: str, salary: dict[str, object] | None, equity: bool, visa: str) -> dict:
    return {"id": rid, "draw": "random", "part": part, "salary": salary, "equity": equity,
            "visa": visa, "note": ""}


YEARLY = {"min": 100_000.0, "max": 120_000.0, "currency": "USD", "period": "year", "is_estimate": False}


def _out(salary: dict[str, object] | None, equity: bool, visa: str) -> dict:
    return {"salary": salary, "equity": equity, "visa": visa}


def test_salary_ends_within_one_percent_and_currency_and_period_must_agree() -> None:
    got = {"min": 100_500.0, "max": 119_000.0, "currency": "USD", "interval": "year", "stated": True}
    assert tool.salary_matches(YEARLY, got)  # 0.5% and 0.8% off
    assert not tool.salary_matches(YEARLY, {**got, "min": 98_000.0})  # 2% off
    assert not tool.salary_matches(YEARLY, {**got, "currency": "CAD"})
    assert not tool.salary_matches(YEARLY, {**got, "interval": "month"})
    assert not tool.salary_matches(YEARLY, None) and not tool.salary_matches(None, got)
    assert tool.salary_matches(None, None)
    up_to = {"min": None, "max": 100_000.0, "currency": "GBP", "period": "year", "is_estimate": False}
    assert tool.salary_matches(up_to, {"min": None, "max": 100_000.0, "currency": "GBP",
                                       "interval": "year"})
    assert not tool.salary_matches(up_to, {"min": 100_000.0, "max": 100_000.0,
                                           "currency": "GBP", "interval": "year"})


def test_estimate_is_scored_only_where_the_reader_gives_pay() -> None:
    estimate = {**YEARLY, "is_estimate": True}
    got = {"min": 100_000.0, "max": 120_000.0, "currency": "USD", "interval": "year", "stated": False}
    assert tool.field_results(_read("a", "fix", estimate, False, "unknown"),
                              _out(got, False, "unknown"))["is_estimate"] is True
    assert tool.field_results(_read("a", "fix", YEARLY, False, "unknown"),
                              _out(got, False, "unknown"))["is_estimate"] is False
    assert tool.field_results(_read("a", "fix", None, False, "unknown"),
                              _out(got, False, "unknown"))["is_estimate"] is None


def test_score_counts_per_part_and_visa_precision_recall() -> None:
    labels = [
        _read("a", "fix", YEARLY, True, "offered"),
        _read("b", "fix", None, False, "not-offered"),
        _read("c", "check", None, True, "unknown"),
    ]
    got_a = {"min": 100_000.0, "max": 120_000.0, "currency": "USD", "interval": "year", "stated": True}
    output = {
        "a": _out(got_a, True, "offered"),        # all right
        "b": _out(None, True, "unknown"),          # equity and visa wrong
        # "c" has no output line: no salary, no equity, no visa value
    }
    fix = tool.score(labels, output, "fix")
    assert fix["n"] == 2
    assert fix["fields"]["salary"] == (2, 2)
    assert fix["fields"]["equity"] == (1, 2)
    assert fix["fields"]["visa"] == (1, 2)
    assert fix["fields"]["is_estimate"] == (1, 1)  # (b has no pay to be an estimate)
    assert fix["visa_offered"] == (1, 1, 1)
    assert fix["visa_not_offered"] == (0, 0, 1)
    check = tool.score(labels, output, "check")
    assert check["n"] == 1 and check["fields"]["equity"] == (0, 1)
    wrong = {(rid, field) for rid, field, _, _ in tool.errors(labels, output)}
    assert wrong == {("b", "equity"), ("b", "visa"), ("c", "equity"), ("c", "visa")}


def test_the_readings_file_is_well_formed() -> None:
    rows = tool.load_jsonl(tool.LABELS)
    assert len({r["id"] for r in rows}) == len(rows) == 200
    excluded = set((ROOT / "labels" / "heldout-exclude.txt").read_text().split())
    assert not excluded & {r["id"] for r in rows}
    for r in rows:
        assert r["part"] in ("fix", "check") and r["visa"] in ("offered", "not-offered", "unknown")
        if r["salary"] is not None:
            assert r["salary"]["period"] in ("year", "month", "week", "day", "hour")
            assert r["salary"]["min"] is not None or r["salary"]["max"] is not None


def test_main_prints_a_table_and_the_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "read.jsonl"
    labels.write_text(json.dumps(_read("a", "fix", None, True, "unknown")) + "\n")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "a", **_out(None, False, "unknown")}) + "\n")
    assert tool.main([str(out), "--labels", str(labels), "--errors"]) == 0
    printed = capsys.readouterr().out
    assert "| equity | 0.000 (0/1) |" in printed
    assert "a\tequity\tread=true\tgot=false" in printed
