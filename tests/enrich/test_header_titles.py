"""How a Hacker News post's first line and role lines name its roles (the twenty-first
session's reading fixes; made-up posts of the shapes the dev and corpus posts have):

- a header segment that joins two titles ("Founding (AI/Software) Engineer + Founding Research
  Scientist", dev hn-47616392) names two roles, and a post without a list of roles whose
  header names two or more is labelled by the first ML/data one (LABELS.md); a header of
  several role segments over a list puts its titles first (corpus Normcore, JustPark);
- a first line that is a hiring sentence ("We're hiring for a Founding GTM Lead at Skyfall
  AI.", dev hn-47358162) names the role and the company, whose "AI" is no title word;
- a requirement that ends on what the hire has ("DevOps comfort: Docker, CI/CD") is no role;
- a sentence whose subject is its writer's role ("Research analyst (non-technical) looking for
  someone ...", corpus Confluence) is no role line.
"""

from __future__ import annotations

import pytest

from mljobs.enrich.features import role_title
from mljobs.enrich.roles import listed_roles
from mljobs.sources.hn_format import parse_header


@pytest.mark.parametrize(
    ("line", "company", "role"),
    [
        ("Hey! We're hiring for a Founding GTM Lead at Skyfall AI.", "Skyfall AI", "Founding GTM Lead"),
        ("We are hiring a Senior ML Engineer @ Acme Labs", "Acme Labs", "Senior ML Engineer"),
    ],
)
def test_a_hiring_sentence_names_the_role_and_the_company(line: str, company: str, role: str) -> None:
    header = parse_header(line)
    assert (header["company"], header["roles"]) == (company, [role])
    assert role_title(line) == role  # (the model reads the role, not the company's "AI")


@pytest.mark.parametrize("line", ["We're hiring at Acme.", "We are hiring lots of people at Acme Labs.",
                                  "We're hiring! Come work at Acme."])
def test_a_sentence_naming_no_title_is_no_header(line: str) -> None:
    assert parse_header(line)["roles"] == []
    assert role_title(line) == line


@pytest.mark.parametrize("requirement", ["DevOps comfort: Docker, CI/CD, Terraform",
                                         "Data engineer familiarity: Airflow, dbt",
                                         "Frontend developer proficiency: React, TypeScript",
                                         "Platform engineer fluency: Kubernetes, Helm"])
def test_a_requirement_ending_on_what_the_hire_has_is_no_role(requirement: str) -> None:
    text = ("Gridco | Technical Operations Lead | Miami, FL | $130K-$200K\n\n"
            "You will run our AI-native operations: tooling, QA and vendor rollouts.\n\n"
            f"What we look for:\n- {requirement}\n- Clear writing\n")
    assert listed_roles(text).titles == []