"""A chart's CSV download is named for what it holds: chart, filters, trend skills, day."""

from __future__ import annotations

from fastapi.testclient import TestClient


def filename(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="') and disposition.endswith('"')
    return disposition.removeprefix('attachment; filename="')[:-1]


def test_an_unfiltered_chart_is_named_by_chart_and_day(client: TestClient) -> None:
    # the day is the app's clock's (the tests' NOW), the day the numbers were taken
    assert filename(client, "/dashboard/skills.csv") == "mljobs-skills-2026-06-01.csv"


def test_filters_and_trend_skills_are_in_the_name(client: TestClient) -> None:
    """Every download was mljobs-skills.csv, whatever its filters: a second one overwrote
    the first or became "mljobs-skills (1).csv"."""
    assert filename(client, "/dashboard/skills.csv?archetype=research-engineer&since=90D"
                    ) == "mljobs-skills-archetype-research-engineer-since-90d-2026-06-01.csv"
    assert filename(client, "/dashboard/trends.csv?trend=PyTorch,Apache+Spark&remote=remote"
                    ) == "mljobs-trends-remote-remote-pytorch-apache-spark-2026-06-01.csv"
    # the API's format=csv is the same download
    assert filename(client, "/api/dashboard/trends?format=csv&trend=PyTorch"
                    ) == "mljobs-trends-pytorch-2026-06-01.csv"


def test_the_name_holds_safe_characters_only(client: TestClient) -> None:
    """A company name with accents, quotes, slashes or a line break gives a name of a-z,
    0-9, "-" and "." (a quote or CR in the header would break it; a slash, a folder)."""
    name = filename(client, '/dashboard/archetypes.csv?company=Caf%C3%A9+%22Z%C3%BCrich%22%2F'
                    '..%2F%0D%0Aevil&skills=C%2B%2B')
    assert name == ("mljobs-archetypes-company-cafe-zurich-evil-skills-c-plus-plus-"
                    "2026-06-01.csv")


def test_many_filters_are_cut_at_a_word(client: TestClient) -> None:
    values = "&".join(f"skills=skill{i:02d}" for i in range(30))
    name = filename(client, f"/dashboard/skills.csv?{values}")
    assert name.startswith("mljobs-skills-skills-skill00-skills-skill01-")
    assert name.endswith("-2026-06-01.csv") and len(name) <= 130
    words = name.removeprefix("mljobs-").removesuffix("-2026-06-01.csv").split("-")
    assert all(w == "skills" or (w.startswith("skill") and len(w) == 7) for w in words), words
