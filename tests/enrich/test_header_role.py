"""The role a Hacker News post's header names is a title of its list (LABELS.md: a post of bare
titles is labelled by the first ML/data role listed, else the first role; the header is the
post's first line, so its role comes first). Before, the header's role was left out of
``Roles.titles`` (``segment_roles`` skips the header line), so a list post whose header names
a role was labelled by the first title of its text: EnergyHub (corpus hn-46865885), whose
header names a Director of Engineering at $225k, was labelled Engineering Manager at $195k.

And a UX researcher is no ML/data role: "Product Designer and UX Researcher" was picked over
the "Senior Full Stack JavaScript Developer" listed before it (corpus hn-46611165)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mljobs.enrich import enrich_postings, enrich_record
from mljobs.enrich.pipeline import prepare_record
from mljobs.enrich.roles import Roles, listed_pay, listed_roles, pick_title

from .hn_records import hn_posting, hn_record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "enrich"


def pay(salary: Any) -> tuple[Any, Any] | None:
    if salary is None:
        return None
    got = salary if isinstance(salary, dict) else salary.model_dump(mode="json")
    return got["min"], got["max"]


# (the shape of EnergyHub's post: the header names one role, the lines below name two others)
HEADERS = """Gridco | Head of Platform | Full-time | REMOTE (US) | Salary $230k

Gridco | Backend Engineer | Full-time | REMOTE (US) | Salary $180k

Gridco | Frontend Engineer | Full-time | REMOTE (US) | Salary $160k

Apply for each here: https://gridco.example/jobs

We run batteries for utilities. Stack: Go, Kotlin, PostgreSQL.
"""


def test_the_headers_role_is_the_first_title_of_the_list() -> None:
    prep = prepare_record(hn_record(HEADERS))
    assert prep.roles == ["Head of Platform", "Backend Engineer", "Frontend Engineer"]
    assert prep.role == "Head of Platform"  # (no ML/data role: the first; before, "Backend Engineer")
    assert pay(enrich_record(hn_record(HEADERS))["salary"]) == (230000.0, 230000.0)


def test_the_store_path_agrees() -> None:
    rec = hn_record(HEADERS)
    [stored] = enrich_postings([hn_posting(rec)])
    assert stored.enrichment is not None
    assert stored.enrichment.roles == ["Head of Platform", "Backend Engineer", "Frontend Engineer"]
    assert pay(stored.enrichment.salary) == (230000.0, 230000.0)
    named = listed_pay(hn_posting(rec))
    assert named is not None and named[0] == "Head of Platform"


def test_an_ml_header_role_is_labelled_over_the_other_titles() -> None:
    text = ("Acme | Machine Learning Engineer | Berlin | €90k\n\n"
            "We train ranking models in PyTorch for grocery search.\n\n"
            "Also hiring:\n- Backend Engineer (Go)\n- Product Designer\n")
    prep = prepare_record(hn_record(text))
    assert prep.role == "Machine Learning Engineer"
    assert prep.roles[0] == "Machine Learning Engineer"
    # (the model reads the labelled title before the header, as for any title of a list)
    assert prep.title == "Machine Learning Engineer | " + text.split("\n", 1)[0]


def test_a_listed_ml_title_still_comes_before_a_header_role_of_another_kind() -> None:
    text = ("Acme | Backend Engineer | Remote\n\n"
            "- Senior Backend Developer (Go)\n- Data Scientist (pricing)\n\nApply: acme.example\n")
    prep = prepare_record(hn_record(text))
    assert prep.roles == ["Backend Engineer", "Senior Backend Developer", "Data Scientist"]
    assert prep.role == "Data Scientist"


@pytest.mark.parametrize("header", [
    "Acme | Multiple roles | Remote",  # (no title)
    "Acme | Backend + Data Engineers | Remote",  # (a summary of the list)
    "Acme | Engineers & PMs | NYC",
    "Acme | Senior Backend Engineers | Remote",  # (a title the list names: the same role)
    "Acme | Backend Engineer | Data Engineer | Remote",  # (two roles in the header)
    "Acme is hiring engineers in Berlin",  # (no header of segments)
    "Acme | Software Engineers | Remote",  # (a kind of hire, which the list names one by one)
    "SEEKING | ML Engineer | Remote",  # (a job seeker's comment: no hire; corpus hn-47759666)
])
def test_a_header_that_names_no_one_other_role_adds_none(header: str) -> None:
    text = header + "\n\n- Senior Backend Engineer (Go)\n- Data Engineer (Spark)\n\nApply: acme.example\n"
    assert prepare_record(hn_record(text)).roles == ["Senior Backend Engineer", "Data Engineer"]


def test_a_plural_header_role_over_one_title_is_the_posts_role() -> None:
    # (corpus hn-46858205, Graphite: the one title found is a note to recruiters)
    text = ("Acme | Senior Software Engineers | New York, NY | https://acme.example\n\n"
            "We build code review tools. We're hiring experienced engineers across the stack.\n\n"
            "Recruiters: appreciate your hustle, but we're only hiring through direct applications.\n")
    prep = prepare_record(hn_record(text))
    assert prep.roles == ["Senior Software Engineers", "Recruiters"]
    assert prep.role == "Senior Software Engineers"


def test_a_split_post_is_left_as_it_is() -> None:
    own = "Owns the service end to end, writes Go and SQL daily, pairs with the data team. " * 3
    text = (f"Acme | Head of Platform | Remote\n\nBackend Engineer\n{own}\n\n"
            f"Frontend Engineer\n{own}\n")
    roles = listed_roles(text)
    assert roles.is_multi
    assert roles.titles == ["Backend Engineer", "Frontend Engineer"]


def test_energyhub() -> None:
    [rec] = [r for r in map(json.loads, (FIXTURES / "hn_list_pay.jsonl").read_text("utf-8").splitlines())
             if r["id"] == "hn-46865885"]
    prep = prepare_record(rec)
    assert prep.roles == ["Director of Engineering", "Engineering Manager", "Senior Engineer"]
    assert prep.role == "Director of Engineering"
    assert pay(enrich_record(rec)["salary"]) == (225000.0, 225000.0)  # (was $195k, the manager's)
    [stored] = enrich_postings([hn_posting(rec)])
    assert stored.enrichment is not None and pay(stored.enrichment.salary) == (225000.0, 225000.0)


def test_a_ux_researcher_is_no_ml_role() -> None:
    roles = Roles(titles=["Senior Full Stack JavaScript Developer", "Product Designer and UX Researcher",
                          "Technical Product Manager"])
    assert pick_title(roles) == 0  # (before: 1, "research" read as ML)
    for title in ("User Researcher", "Design Researcher", "UX Research Lead"):
        assert pick_title(Roles(titles=["Backend Engineer", title])) == 0, title
    for title in ("Research Engineer", "Research Scientist", "AI Researcher"):
        assert pick_title(Roles(titles=["Backend Engineer", title])) == 1, title
