"""``analyse`` and ``enrich_record`` fill the same fields, from one list (``pipeline.FIELDS``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mljobs.enrich import enrich_record
from mljobs.enrich.pipeline import FIELDS, _record_names, _size, _str, analyse, prepare_record
from mljobs.models import Enrichment

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "hn_posts.jsonl"


def test_fields_are_the_models_fields() -> None:
    assert FIELDS == tuple(name for name in Enrichment.model_fields if name != "version")


_RECORDS = [
    {"id": "a", "title": "Senior Machine Learning Engineer",
     "text": "We build models.\nRequirements:\n- PhD preferred\n- Python, PyTorch\nPay: $150k-$200k, "
             "equity. Remote (US). Series A startup.", "company_size": "51 to 200 employees"},
    {"id": "b", "title": "Data Analyst", "text": "SQL and Tableau dashboards. Hybrid, 3 days a week "
     "in our office.", "salary_estimate": "$60K-$80K (Glassdoor est.)", "company_size": "Unknown"},
    {"id": "c", "title": "Barista", "text": ""},
]


@pytest.mark.parametrize("record", [*_RECORDS,
                                    *map(json.loads, FIXTURE.read_text().splitlines()[:6])],
                         ids=lambda r: r["id"])
def test_enrich_record_is_the_analysis_as_json(record: dict) -> None:
    prep = prepare_record(record)
    enr = analyse(prep.title, prep.text, company_size=_size(record.get("company_size")),
                  salary_text=_str(record.get("salary_estimate")),
                  names=_record_names(record))  # (an HN record's: its header's places too)
    expected = {**enr.model_dump(mode="json", exclude={"version"}),
                "id": prep.id, "roles": prep.roles, "role": prep.role}
    got = enrich_record(record)
    assert list(got) == list(expected)
    assert json.dumps(got) == json.dumps(expected)


def test_degree_subjects_are_no_skills() -> None:
    """LABELS.md: "not degrees or degree subjects"; the same field asked for elsewhere stays."""
    from mljobs.enrich.pipeline import extract_skills
    text = ("Qualifications\nMS/PhD degree in a quantitative discipline (e.g. statistical genetics, "
            "bioinformatics, statistics, computational biology, or similar).\n"
            "Experience with Python and bioinformatics pipelines.\n")
    names = {s.name for s in extract_skills(text)}
    assert "Python" in names and "bioinformatics" in names
    assert "computational biology" not in names and "statistics" not in names


def test_pitch_skills_left_out_unless_asked_elsewhere() -> None:
    """LABELS.md: not the company's own product; a skill the post asks for keeps its flag."""
    from mljobs.enrich.pipeline import extract_skills
    text = ("Acme | ML Engineer | Remote\n\nAcme is building computer vision and AI agents for farms.\n\n"
            "Requirements\nPython\nNice to have: computer vision\n")
    rows = {s.name: s.required for s in extract_skills(text)}
    assert "AI agents" not in rows and rows["Python"] is True
    assert rows["computer vision"] is True  # named in the pitch and as a plus: required, as read
