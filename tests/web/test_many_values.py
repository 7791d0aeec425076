"""A URL with hundreds of filter values or trend skills (a script's, or a link built by
hand). Each was taken: 1,500 unknown ``skills=`` values took 4 s on ``/api/search`` and 8 s
on the search page and the dashboard, each value looked up and spelt against the store's,
on the one thread every request is answered on, so the server answered no one else
meanwhile; 2,500 trend skills took 2.6 s. Past 100 filter values (all fields together) or 20
trend skills a request is now a 400 naming the limit, as a query past 32 parts is."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

MAX_FILTER_VALUES = 100  # (as docs/web.md says them)
MAX_TREND_SKILLS = 20


def _skills(n: int) -> list[tuple[str, str]]:
    return [("skills", f"skill{i}") for i in range(n)]


@pytest.mark.parametrize("path", ["/api/search", "/", "/dashboard", "/api/dashboard",
                                  "/dashboard/skills.csv", "/api/dashboard/skills"])
def test_past_the_filter_values_a_url_may_give_is_refused(client: TestClient,
                                                          path: str) -> None:
    at_limit = client.get(path, params=_skills(MAX_FILTER_VALUES - 2)
                          + [("archetype", "research-engineer"), ("country", "US")])
    assert at_limit.status_code == 200
    res = client.get(path, params=_skills(MAX_FILTER_VALUES) + [("country", "US")])
    assert res.status_code == 400
    said = (res.json()["error"] if path.startswith("/api")
            else BeautifulSoup(res.text, "html.parser").get_text(" "))
    assert (f"more than {MAX_FILTER_VALUES} filter values are given (country='US' is one "
            f"more); give up to {MAX_FILTER_VALUES}") in " ".join(said.split())


def test_a_value_given_twice_counts_once(client: TestClient) -> None:
    twice = _skills(MAX_FILTER_VALUES) * 2
    assert client.get("/api/search", params=twice).status_code == 200


@pytest.mark.parametrize("path", ["/dashboard", "/api/dashboard", "/api/dashboard/trends",
                                  "/dashboard/trends.csv"])
def test_past_the_trend_skills_the_chart_draws_is_refused(client: TestClient,
                                                          path: str) -> None:
    names = [f"Skill {i}" for i in range(MAX_TREND_SKILLS)]
    assert client.get(path, params={"trend": ",".join(names)}).status_code == 200
    # repeated and comma-separated count alike; the same name in another case counts once
    same = client.get(path, params=[("trend", ",".join(names)), ("trend", "skill 0")])
    assert same.status_code == 200
    res = client.get(path, params=[("trend", ",".join(names)), ("trend", "PyTorch")])
    assert res.status_code == 400
    said = (res.json()["error"] if path.startswith("/api")
            else BeautifulSoup(res.text, "html.parser").get_text(" "))
    assert (f"trend: more than {MAX_TREND_SKILLS} skills are given ('PyTorch' is one more); "
            f"the trends chart draws up to {MAX_TREND_SKILLS}") in " ".join(said.split())
