"""The umbrella skills' table (``enrich/data/skill_parents.json``), read for matching only."""

from __future__ import annotations

from mljobs.enrich.skills import default_taxonomy
from mljobs.match import held_skills, implied_skills, skill_parents
from mljobs.profile import Profile


def test_every_name_in_the_table_is_a_skill_of_the_taxonomy() -> None:
    names = {skill["name"] for skill in default_taxonomy().skills}
    table = skill_parents()
    assert table
    for parent, children in table.items():
        assert parent in names, parent
        assert children and set(children) <= names, (parent, set(children) - names)
        # one level, explicit: a child is no umbrella of the table, nor its own parent
        assert parent not in children and not set(children) & set(table), parent


def test_a_skill_implies_its_umbrella_once_with_the_skills_that_imply_it() -> None:
    assert implied_skills(["Python", "Prometheus", "Grafana", "Docker"]) == {
        "observability": ["Prometheus", "Grafana"], "containerization": ["Docker"]}
    # an umbrella the resume names is no implied one
    assert implied_skills(["Prometheus", "observability"]) == {}
    assert implied_skills(["Python", "SQL"]) == {}
    profile = Profile(name="", headline="", skills=["Prometheus", "Python"], years=None,
                      degree="none-stated", phd=False, seniority="unknown", specialisations=[],
                      archetypes={})
    assert held_skills(profile) == {"Prometheus", "Python", "observability"}
    assert profile.skills == ["Prometheus", "Python"]  # (the resume's own, unchanged)
