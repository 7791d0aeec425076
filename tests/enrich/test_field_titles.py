"""Openings named by their line of work, not by a role noun: PlantingSpace's posts (corpus
hn-46868478, hn-47613445, hn-47975959) list "* Product Software Engineering (Quantitative
Modeling)", "* Bayesian Software Engineering", "* Applied Category Theory Research" under
"We're hiring for the following openings:". No item ends on a role noun ("Engineering" is no
"engineer"), so the posts were read by their header alone ("PlantingSpace | Full-time |
Remote ..."), with no role; the one or two items that hold one ("Technical Project Manager")
were taken for a list of other things. Now the list's items are the post's titles, and it is
labelled by the first ML/data one, else the first (LABELS.md); a line of work is an ML/data role
when its field is ("ML Research"), not for its word "Research" ("Applied Category Theory
Research")."""

from __future__ import annotations

import pytest

from mljobs.enrich import enrich_postings
from mljobs.enrich.pipeline import prepare_record
from mljobs.enrich.roles import listed_roles

from .hn_records import hn_posting, hn_record

HEADER = "Gridco | Full-time | Remote (EU time zone) | https://gridco.example"
PITCH = ("\n\nWe build a system that represents domain knowledge as modular probabilistic models, "
         "for analysts in finance and research.\n\n")
CLOSING = "\n\nFind out more, and apply at: https://gridco.example/jobs\n"


def post(label: str, *items: str) -> str:
    return HEADER + PITCH + label + "\n\n" + "\n\n".join(f"* {item}" for item in items) + CLOSING


OPENINGS = post("We're hiring for the following openings:",
                "Product Software Engineering (Quantitative Modeling)", "Bayesian Software Engineering",
                "Program Synthesis Engineering", "Technical Project Manager",
                "Finance Manager - Corporate & Accounting")


def test_a_list_of_lines_of_work_names_the_posts_roles() -> None:
    prep = prepare_record(hn_record(OPENINGS))
    assert prep.roles == ["Product Software Engineering", "Bayesian Software Engineering",
                          "Program Synthesis Engineering", "Technical Project Manager", "Finance Manager"]
    assert prep.role == "Product Software Engineering"
    assert prep.title == f"Product Software Engineering | {HEADER}"  # (before: the header alone)
    assert not listed_roles(OPENINGS).is_multi  # (bare titles: one posting)


def test_the_store_path_reads_the_same_roles() -> None:
    [stored] = enrich_postings([hn_posting(hn_record(OPENINGS))])
    assert stored.enrichment is not None
    assert stored.enrichment.roles == prepare_record(hn_record(OPENINGS)).roles
    assert stored.enrichment.roles[:2] == ["Product Software Engineering", "Bayesian Software Engineering"]


@pytest.mark.parametrize("label", ["Current openings:", "We're building out our team in the following areas:"])
def test_other_labels_of_a_list_of_openings(label: str) -> None:
    text = post(label, "Program Synthesis Engineering", "Bayesian Software Engineering",
                "Finance Operations (Accounting, Analytics & Workforce)")
    assert listed_roles(text).titles == ["Program Synthesis Engineering", "Bayesian Software Engineering",
                                         "Finance Operations"]


def test_research_in_a_field_that_is_not_ml_is_no_ml_role() -> None:
    text = post("Current openings:", "Product Software Engineering", "Applied Category Theory Research")
    assert prepare_record(hn_record(text)).role == "Product Software Engineering"
    ml = post("Current openings:", "Product Software Engineering", "Machine Learning Research")
    assert prepare_record(hn_record(ml)).role == "Machine Learning Research"


@pytest.mark.parametrize("text", [
    # (a list under a line that announces no openings: what the product does)
    post("We work on:", "Program Synthesis Engineering", "Bayesian Software Engineering"),
    # (a list of openings with an item that is no title: a perk)
    post("Current openings:", "Program Synthesis Engineering", "Bayesian Software Engineering",
         "Quarterly meet-ups in Berlin"),
    # (one opening alone: the header's post, as before)
    post("Current openings:", "Program Synthesis Engineering"),
])
def test_no_roles_from_other_lists(text: str) -> None:
    assert listed_roles(text).titles == []
