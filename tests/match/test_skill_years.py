"""Years per skill: read from a resume, asked by a posting, shown as years gaps (not scored).

Fictional resumes and postings only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.match import MatchIndex, rank, years_gaps
from mljobs.match_eval import load_pool
from mljobs.profile import build_profile

from .conftest import NOW, web_client

RESUME = """Robin Sample
Machine Learning Engineer

Summary
ML engineer building ranking models. 6 years of PyTorch, mostly research code.

Skills
Python - 2 years
SQL (4 yrs), Docker

Experience
Machine Learning Engineer, Example Labs, Jan 2023 - Present
- Trained ranking models in PyTorch and served them with Docker
Data Analyst, Example Shop, Jun 2021 - Dec 2022
- SQL reports and Python scripts

Education
M.S. Computer Science, Example University, 2021
"""

_BODY = ("You will train and ship ranking models for our search product.\n\nRequirements:\n"
         "- 5+ years of experience with Python\n- 3+ years of experience with PyTorch\n"
         "- Experience with SQL and Docker\n")
POSTINGS = [
    {"id": "y-1", "title": "Machine Learning Engineer, Search", "company": "Example Search",
     "location": "Remote", "text": "We are hiring a machine learning engineer. " + _BODY},
    {"id": "y-2", "title": "Machine Learning Engineer, Ranking", "company": "Example Ranking",
     "location": "Remote", "text": "Join our ranking team as a machine learning engineer. " + _BODY},
    {"id": "y-3", "title": "Machine Learning Engineer", "company": "Example Plain",
     "location": "Remote", "text": "We are hiring a machine learning engineer to train ranking "
     "models for search.\n\nRequirements:\n- Python, PyTorch, SQL and Docker\n"},
]


@pytest.fixture()
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "robin.md"
    path.write_text(RESUME, encoding="utf-8")
    return path


@pytest.fixture()
def pool(tmp_path: Path) -> Path:
    path = tmp_path / "pool.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in POSTINGS), encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "held"), [
    ("Skills\nPython - 5+ years\nPyTorch (4 yrs)\n", {"Python": 5, "PyTorch": 4}),
    ("Summary\nData scientist with 6 years of PyTorch and 3 years of SQL.\n",
     {"PyTorch": 6, "SQL": 3}),
    ("Summary\n7 years of Python in research.\n\nSkills\nPython (3 years)\n", {"Python": 7}),
    ("Skills\nPython - 2 years\nSQL (4 yrs), Docker\n", {"Python": 2, "SQL": 4}),  # (not Python 2)
    ("Skills\nPython, SQL, PyTorch\nExperience\n5+ years of experience as an analyst\n", {}),
])
def test_a_resume_states_years_of_a_skill(text: str, held: dict[str, int]) -> None:
    profile = build_profile("Robin Sample\nData Scientist\n\n" + text, now=NOW)
    assert profile.skill_years == held
    assert set(held) <= set(profile.skills)
    assert profile.to_json()["skill_years"] == held


def test_the_persons_name_is_no_skill_with_years() -> None:
    profile = build_profile("Jack Spark\nData Engineer\njack.spark@example.com\n\nSummary\n"
                            "Jack Spark (5 years) builds pipelines in Python and SQL.\n", now=NOW)
    assert profile.skill_years == {}


# what RESUME states (PyTorch, Python, SQL), and what its dated roles show of the skills the
# entries name (Docker, learning to rank and machine learning: Jan 2023 to June 2026, 3 years)
HELD = {"learning to rank": 3, "PyTorch": 6, "Python": 2, "SQL": 4, "Docker": 3,
        "machine learning": 3}


def test_a_match_lists_the_years_gaps_beside_the_missing_skills(pool: Path) -> None:
    profile = build_profile(RESUME, now=NOW)
    assert profile.skill_years == HELD
    matches = {m.id: m for m in rank(profile, MatchIndex.build(load_pool(pool)), limit=3)}
    gaps = matches["y-1"].years_gaps
    # Python: 5 asked, 2 stated; PyTorch: 3 asked, 6 stated (no gap); SQL and Docker: no years asked
    assert [(g.skill, g.asked, g.held, g.stated) for g in gaps] == [("Python", 5.0, 2.0, True)]
    assert "asks 5+ years of Python; your resume states 2" in matches["y-1"].explanation
    assert matches["y-1"].to_json()["years_gaps"] == [
        {"skill": "Python", "asked": 5.0, "held": 2.0, "source": "stated", "stated": True}]
    assert matches["y-3"].years_gaps == ()  # it asks no years of a skill
    assert "years of" not in matches["y-3"].explanation


def test_unstated_years_of_a_skill_are_the_years_in_all(pool: Path) -> None:
    text = RESUME.replace("Python - 2 years", "Python").replace("Jun 2021", "Jun 2022")
    profile = build_profile(text, now=NOW)
    assert "Python" not in profile.skill_years and profile.years is not None
    match = next(m for m in rank(profile, MatchIndex.build(load_pool(pool)), limit=3) if m.id == "y-1")
    assert [(g.skill, g.held, g.stated) for g in match.years_gaps] == [("Python", profile.years, False)]
    assert f"asks 5+ years of Python; your resume shows {profile.years:g} years in all" in match.explanation


def test_the_years_gap_does_not_move_the_score(pool: Path) -> None:
    """Shown, not scored (docs/matching.md): the same resume saying 2 or 9 years of Python
    gets the same scores."""
    index = MatchIndex.build(load_pool(pool))
    short = rank(build_profile(RESUME, now=NOW), index, limit=3)
    enough = rank(build_profile(RESUME.replace("Python - 2 years", "Python - 9 years"), now=NOW),
                  index, limit=3)
    assert [(m.id, m.score) for m in short] == [(m.id, m.score) for m in enough]
    assert short[0].years_gaps and not enough[0].years_gaps


def test_years_gaps_over_the_target_postings(pool: Path) -> None:
    profile = build_profile(RESUME, now=NOW)
    index = MatchIndex.build(load_pool(pool))
    target = str(index.postings[0].enrichment.archetype)  # type: ignore[index, union-attr]
    found = years_gaps(profile, index, target)
    assert [(g.skill, g.postings, g.asked, g.held) for g in found] == [("Python", 2, 5.0, 2.0)]


def test_an_index_keeps_the_years_through_take_extend_and_its_cache(pool: Path, tmp_path: Path) -> None:
    index = MatchIndex.build(load_pool(pool))
    assert index.row_skill_years(0) == {"Python": 5.0, "PyTorch": 3.0}
    assert index.row_skill_years(2) == {}
    moved = index.take(np.array([False, True, True])).extend(index.take(np.array([True, False, False])))
    assert [moved.row_skill_years(i) for i in range(3)] == [
        {"Python": 5.0, "PyTorch": 3.0}, {}, {"Python": 5.0, "PyTorch": 3.0}]
    index.save(tmp_path / "i.npz", "k")
    loaded = MatchIndex.load(tmp_path / "i.npz", "k")
    assert loaded is not None and loaded.row_skill_years(1) == {"Python": 5.0, "PyTorch": 3.0}


def _cli(*args: str) -> str:
    res = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_the_cli_shows_years_by_skill_and_years_gaps(resume: Path, pool: Path) -> None:
    text = _cli("profile", str(resume))
    assert "Years by skill" in text and "Python 2" in text and "PyTorch 6" in text
    assert json.loads(_cli("profile", str(resume), "--json"))["skill_years"] == HELD
    results = json.loads(_cli("match", str(resume), "--within", str(pool), "--json"))["results"]
    by_id = {r["id"]: r for r in results}
    assert by_id["y-2"]["years_gaps"] == [
        {"skill": "Python", "asked": 5.0, "held": 2.0, "source": "stated", "stated": True}]
    assert "asks 5+ years of Python; your resume states 2" in _cli("match", str(resume), "--within", str(pool))
    # (the postings read as research engineer's; the resume as a data scientist's)
    gaps = json.loads(_cli("gaps", str(resume), "--within", str(pool), "--json",
                           "--archetype", "research-engineer"))
    assert [(g["skill"], g["postings"], g["asked"], g["held"]) for g in gaps["years_gaps"]] == [
        ("Python", 2, 5.0, 2.0)]
    text = _cli("gaps", str(resume), "--within", str(pool), "--archetype", "research-engineer")
    assert "ask more years of" in text and "Python" in text


@pytest.fixture()
def client(tmp_path: Path, pool: Path) -> Iterator[TestClient]:
    with web_client(tmp_path, pool) as test_client:
        yield test_client


def test_the_api_and_the_page_show_years_gaps(client: TestClient) -> None:
    target = {"archetype": "research-engineer"}  # (the postings' kind of role)
    res = client.post("/api/match", files={"resume": ("robin.md", RESUME.encode())}, data=target)
    assert res.status_code == 200, res.text
    data = res.json()
    assert data["profile"]["skill_years"] == HELD
    by_id = {r["id"].rsplit(":", 1)[-1]: r for r in data["results"]}
    assert by_id["y-1"]["years_gaps"] == [
        {"skill": "Python", "asked": 5.0, "held": 2.0, "source": "stated", "stated": True}]
    assert by_id["y-3"]["years_gaps"] == []
    assert [g["skill"] for g in data["gaps"]["years_gaps"]] == ["Python"]
    page = BeautifulSoup(client.post("/match", files={"resume": ("robin.md", RESUME.encode())},
                                     data=target).text, "html.parser")
    assert "PyTorch 6" in page.select_one("#profile-skill-years").get_text()
    item = page.select_one("#matches li[data-id='file:y-1']")
    assert item is not None
    assert "asks 5+ years of Python; your resume states 2" in item.select_one(".skills-years").get_text()
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("#years-gaps tr")[1:]]
    assert rows == [["Python", "5+", "2 stated", "2 (67%)"]]  # (2 of the 3 postings)


# A nice-to-have skill's years: listed apart from the required skills' ones, marked, not scored.
_NICE_BODY = ("We are hiring a machine learning engineer to train ranking models for search.\n\n"
              "Requirements:\n- 5+ years of experience with Python\n- Experience with PyTorch and "
              "Docker\n\nNice to have:\n- 6+ years of experience with SQL\n")
NICE_POSTINGS = [
    {"id": f"n-{n}", "title": f"Machine Learning Engineer, {team}", "company": f"Example {team}",
     "location": "Remote", "text": _NICE_BODY} for n, team in ((1, "Search"), (2, "Ranking"))]


@pytest.fixture()
def nice_pool(tmp_path: Path) -> Path:
    path = tmp_path / "nice-pool.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in NICE_POSTINGS), encoding="utf-8")
    return path


def test_a_nice_to_have_skills_years_are_listed_apart(nice_pool: Path) -> None:
    """Before: SQL's 6 years (nice to have) were stored but listed nowhere; now they are a
    years gap of their own, after the required skills' and marked as nice to have."""
    profile = build_profile(RESUME, now=NOW)  # (SQL 4 stated)
    index = MatchIndex.build(load_pool(nice_pool))
    assert index.row_skill_years(0) == {"Python": 5.0}
    assert index.row_skill_years(0, nice=True) == {"SQL": 6.0}
    match = next(m for m in rank(profile, index, limit=2) if m.id == "n-1")
    assert [(g.skill, g.asked, g.held, g.nice) for g in match.years_gaps] == [("Python", 5.0, 2.0, False)]
    assert [(g.skill, g.asked, g.held, g.nice) for g in match.nice_years_gaps] == [("SQL", 6.0, 4.0, True)]
    assert ("asks 5+ years of Python; your resume states 2; "
            "asks 6+ years of SQL (nice to have); your resume states 4") in match.explanation
    got = match.to_json()
    assert got["years_gaps"] == [
        {"skill": "Python", "asked": 5.0, "held": 2.0, "source": "stated", "stated": True}]
    assert got["nice_years_gaps"] == [{"skill": "SQL", "asked": 6.0, "held": 4.0, "source": "stated", "stated": True}]
    target = str(index.postings[0].enrichment.archetype)  # type: ignore[index, union-attr]
    assert [(g.skill, g.postings, g.asked) for g in years_gaps(profile, index, target)] == [
        ("Python", 2, 5.0)]
    assert [(g.skill, g.postings, g.asked, g.held) for g in years_gaps(profile, index, target, nice=True)] \
        == [("SQL", 2, 6.0, 4.0)]


def test_a_nice_to_have_years_gap_does_not_move_the_score(nice_pool: Path) -> None:
    index = MatchIndex.build(load_pool(nice_pool))
    short = rank(build_profile(RESUME, now=NOW), index, limit=2)
    enough = rank(build_profile(RESUME.replace("SQL (4 yrs)", "SQL (9 yrs)"), now=NOW), index, limit=2)
    assert [(m.id, m.score) for m in short] == [(m.id, m.score) for m in enough]
    assert short[0].nice_years_gaps and not enough[0].nice_years_gaps


def test_an_index_keeps_the_nice_years_through_take_extend_and_its_cache(
        pool: Path, nice_pool: Path, tmp_path: Path) -> None:
    both = MatchIndex.build(load_pool(pool)).extend(MatchIndex.build(load_pool(nice_pool)))
    assert [both.row_skill_years(i, nice=True) for i in range(5)] == [{}, {}, {}, {"SQL": 6.0}, {"SQL": 6.0}]
    kept = both.take(np.array([False, False, True, True, False]))
    assert [kept.row_skill_years(i, nice=True) for i in range(2)] == [{}, {"SQL": 6.0}]
    kept.save(tmp_path / "i.npz", "k")
    loaded = MatchIndex.load(tmp_path / "i.npz", "k")
    assert loaded is not None and loaded.row_skill_years(1, nice=True) == {"SQL": 6.0}


def test_the_cli_lists_nice_to_have_years_apart(resume: Path, nice_pool: Path) -> None:
    results = json.loads(_cli("match", str(resume), "--within", str(nice_pool), "--json"))["results"]
    assert [r["nice_years_gaps"] for r in results] == [
        [{"skill": "SQL", "asked": 6.0, "held": 4.0, "source": "stated", "stated": True}]] * 2
    assert "asks 6+ years of SQL (nice to have); your resume states 4" in _cli(
        "match", str(resume), "--within", str(nice_pool))
    args = ("gaps", str(resume), "--within", str(nice_pool), "--archetype", "research-engineer")
    gaps = json.loads(_cli(*args, "--json"))
    assert [g["skill"] for g in gaps["years_gaps"]] == ["Python"]
    assert [(g["skill"], g["postings"], g["asked"], g["held"]) for g in gaps["nice_years_gaps"]] == [
        ("SQL", 2, 6.0, 4.0)]
    text = " ".join(_cli(*args).split())  # (the console wraps lines)
    assert "list as nice to have and ask more years of" in text
    assert text.index("ask more years of") < text.index("nice to have and ask")


def test_the_api_and_the_page_list_nice_to_have_years_apart(tmp_path: Path, nice_pool: Path) -> None:
    target = {"archetype": "research-engineer"}
    with web_client(tmp_path, nice_pool) as client:
        res = client.post("/api/match", files={"resume": ("robin.md", RESUME.encode())}, data=target)
        assert res.status_code == 200, res.text
        data = res.json()
        by_id = {r["id"].rsplit(":", 1)[-1]: r for r in data["results"]}
        assert by_id["n-1"]["nice_years_gaps"] == [
            {"skill": "SQL", "asked": 6.0, "held": 4.0, "source": "stated", "stated": True}]
        assert [g["skill"] for g in data["gaps"]["nice_years_gaps"]] == ["SQL"]
        page = BeautifulSoup(client.post("/match", files={"resume": ("robin.md", RESUME.encode())},
                                         data=target).text, "html.parser")
    item = page.select_one("#matches li[data-id='file:n-1']")
    assert item is not None
    assert "Python" in item.select_one(".skills-years").get_text()
    assert "SQL" not in item.select_one(".skills-years").get_text()
    assert "asks 6+ years of SQL (nice to have); your resume states 4" in item.select_one(
        ".skills-years-nice").get_text()
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("#nice-years-gaps tr")[1:]]
    assert rows == [["SQL", "6+", "4 stated", "2 (100%)"]]


# Years per skill worked out from the dated roles whose entries name it.
DATED = """Sam Example
Data Scientist

Experience
Data Scientist, Example Co, 2019 - 2022
- Built churn models in PyTorch and scikit-learn
ML Engineer, Other Co, Jan 2023 - Present
- Served PyTorch models on Kubernetes
Intern, Third Co, Jan 2018 - Dec 2018
- Ran Spark jobs

Skills
Python, SQL, Docker, PyTorch
"""


def test_the_dated_roles_that_name_a_skill_give_its_years() -> None:
    """Before: only years stated with a skill were read ("PyTorch (4 yrs)"); a resume of
    dated roles showed none, and every years gap fell back to its years in all."""
    profile = build_profile(DATED, now=NOW)
    # PyTorch: January 2019 to December 2022 and January 2023 to June 2026 (90 months)
    assert (profile.skill_years["PyTorch"], profile.skill_years["scikit-learn"],
            profile.skill_years["Kubernetes"]) == (7, 4, 3)
    # the skills list after the roles is no role's; an intern's year does not count
    assert not {"Python", "SQL", "Docker", "Apache Spark"} & set(profile.skill_years)
    assert list(profile.skill_years) == [s for s in profile.skills if s in profile.skill_years]


def test_overlapping_roles_count_each_month_once() -> None:
    text = DATED.replace("Jan 2023 - Present", "Jan 2021 - Dec 2023")
    # 2019 to 2023, 60 months (84 counted twice)
    assert build_profile(text, now=NOW).skill_years["PyTorch"] == 5


def test_a_stated_figure_is_never_overridden() -> None:
    text = DATED.replace("Python, SQL, Docker, PyTorch", "Python, SQL, Docker, PyTorch (2 yrs)")
    assert build_profile(text, now=NOW).skill_years["PyTorch"] == 2


def test_under_a_year_of_roles_is_no_years() -> None:
    text = DATED.replace("Jan 2023 - Present", "Jan 2026 - Present")
    held = build_profile(text, now=NOW).skill_years
    assert "Kubernetes" not in held and held["PyTorch"] == 4


def test_a_years_gap_reads_the_dated_years(tmp_path: Path) -> None:
    asks = ("We are hiring a machine learning engineer.\n\nRequirements:\n"
            "- 5+ years of experience with Kubernetes\n- Experience with PyTorch\n")
    pool = tmp_path / "pool.jsonl"
    pool.write_text(json.dumps({"id": "k-1", "title": "Machine Learning Engineer",
                                "company": "Example Infra", "location": "Remote", "text": asks})
                    + "\n", encoding="utf-8")
    [match] = rank(build_profile(DATED, now=NOW), MatchIndex.build(load_pool(pool)), limit=1)
    assert [(g.skill, g.asked, g.held) for g in match.years_gaps] == [("Kubernetes", 5.0, 3.0)]
    # Before: "asks 5+ years of Kubernetes; your resume shows 3", as if the resume stated 3
    # (``stated`` was true); the roles that name a skill give a lower bound, and say so
    assert ("asks 5+ years of Kubernetes; your resume shows at least 3, from the dated roles "
            "that name it") in match.explanation
    assert [g.to_json() for g in match.years_gaps] == [
        {"skill": "Kubernetes", "asked": 5.0, "held": 3.0, "source": "roles", "stated": False}]


def test_the_profile_tells_stated_years_from_dated_ones() -> None:
    profile = build_profile(DATED.replace("Python, SQL", "Python (6 yrs), SQL"), now=NOW)
    assert {"PyTorch", "scikit-learn", "Kubernetes"} <= set(profile.skill_years_dated)
    assert [profile.skill_years_source(s) for s in ("Python", "PyTorch", "SQL")] == [
        "stated", "roles", None]
    assert profile.to_json()["skill_years_dated"] == profile.skill_years_dated
    assert "Python" not in profile.skill_years_dated
    # a stated figure is never overridden, nor read as a dated one
    stated = build_profile(DATED.replace("Docker, PyTorch", "Docker, PyTorch (2 yrs)"), now=NOW)
    assert stated.skill_years["PyTorch"] == 2 and stated.skill_years_source("PyTorch") == "stated"
    assert "PyTorch" not in stated.skill_years_dated


# two postings that ask more years of Kubernetes than DATED's roles that name it show (3 in
# June 2026), and of Python, which only its skills list names (its years in all then)
_ASKS = ("We are hiring a machine learning engineer.\n\nRequirements:\n"
         "- 6+ years of experience with Kubernetes\n- 9+ years of experience with Python\n"
         "- Experience with PyTorch\n")


@pytest.fixture()
def dated_pool(tmp_path: Path) -> Path:
    path = tmp_path / "dated-pool.jsonl"
    path.write_text("".join(json.dumps({
        "id": f"d-{n}", "title": "Machine Learning Engineer", "company": f"Example Infra {n}",
        "location": "Remote", "text": _ASKS}) + "\n" for n in (1, 2)), encoding="utf-8")
    return path


def test_the_cli_tells_where_the_years_come_from(tmp_path: Path, dated_pool: Path) -> None:
    resume = tmp_path / "dated.md"
    resume.write_text(DATED, encoding="utf-8")
    text = " ".join(_cli("profile", str(resume)).split())
    assert "from dated roles, at least: churn prediction 4, PyTorch" in text
    out = json.loads(_cli("match", str(resume), "--within", str(dated_pool), "--json"))
    assert [(g["skill"], g["source"]) for g in out["results"][0]["years_gaps"]] == [
        ("Kubernetes", "roles"), ("Python", "all")]
    gaps = json.loads(_cli("gaps", str(resume), "--within", str(dated_pool), "--json",
                           "--archetype", "research-engineer"))
    assert [(g["skill"], g["source"], g["stated"]) for g in gaps["years_gaps"]] == [
        ("Kubernetes", "roles", False), ("Python", "all", False)]
    text = " ".join(_cli("gaps", str(resume), "--within", str(dated_pool),
                         "--archetype", "research-engineer").split())
    assert "at least 3, from roles naming it" in text or "at least 4, from roles naming it" in text
    assert " in all " in text


def test_the_page_tells_where_the_years_come_from(tmp_path: Path, dated_pool: Path) -> None:
    with web_client(tmp_path, dated_pool) as client:
        target = {"archetype": "research-engineer"}
        files = {"resume": ("dated.md", DATED.encode())}
        data = client.post("/api/match", files=files, data=target).json()
        assert {"PyTorch", "Kubernetes"} <= set(data["profile"]["skill_years_dated"])
        assert [g["source"] for g in data["results"][0]["years_gaps"]] == ["roles", "all"]
        assert [g["source"] for g in data["gaps"]["years_gaps"]] == ["roles", "all"]
        page = BeautifulSoup(client.post("/match", files=files, data=target).text, "html.parser")
    assert "PyTorch at least 7 (dated roles)" in page.select_one("#profile-skill-years").get_text()
    assert ("asks 6+ years of Kubernetes; your resume shows at least 3, from the dated roles "
            "that name it") in page.select_one(".skills-years").get_text()
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select("#years-gaps tr")[1:]]
    assert [row[:3] for row in rows] == [["Kubernetes", "6+", "at least 3, from roles naming it"],
                                          ["Python", "9+", f"{rows[1][2].split()[0]} in all"]]
