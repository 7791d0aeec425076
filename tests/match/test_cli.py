"""profile / match / gaps / eval-match on the command line (in-process)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import open_store

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pool_path: Path) -> str:
    db = str(tmp_path_factory.mktemp("store") / "m.sqlite3")
    res = invoke("--db", db, "import", str(pool_path))
    assert res.exit_code == 0, res.output
    return db


def test_profile_text_and_json(resume_path: Path) -> None:
    res = invoke("profile", str(resume_path))
    assert res.exit_code == 0, res.output
    assert "Dana Example" in res.output and "data-scientist-analytics" in res.output
    data = json.loads(invoke("profile", str(resume_path), "--json").output)
    assert data["degree"] == "masters" and "SQL" in data["skills"]


def test_match_from_the_store(store: str, resume_path: Path) -> None:
    res = invoke("--db", store, "match", str(resume_path), "--limit", "3", "--json")
    assert res.exit_code == 0, res.output
    results = json.loads(res.output)["results"]
    assert len(results) == 3
    assert results[0]["id"] == "file:t-ds-analytics"
    assert {"id", "score", "breakdown", "matched_skills", "missing_skills",
            "explanation"} <= set(results[0])
    text = invoke("--db", store, "match", str(resume_path), "--limit", "2").output
    assert "Data Scientist, Product Analytics" in text and "required" in text


def test_match_filters(store: str, resume_path: Path) -> None:
    res = invoke("--db", store, "match", str(resume_path), "--remote", "remote", "--json")
    assert [r["id"] for r in json.loads(res.output)["results"]] == ["file:t-recsys-mle"]
    res = invoke("--db", store, "match", str(resume_path), "--remote", "moon")
    assert res.exit_code == 1 and "use remote, hybrid or onsite" in res.output
    res = invoke("--db", store, "match", str(resume_path), "--since", "yesterday")
    assert res.exit_code == 1 and "--since" in res.output
    res = invoke("--db", store, "match", str(resume_path), "--archetype", "wizard")
    assert res.exit_code == 1 and "Unknown archetype" in res.output


def test_match_within_a_file(resume_path: Path, pool_path: Path) -> None:
    res = invoke("match", str(resume_path), "--within", str(pool_path), "--json")
    assert res.exit_code == 0, res.output
    ids = [r["id"] for r in json.loads(res.output)["results"]]
    assert ids[0] == "t-ds-analytics" and len(ids) == 7


@pytest.mark.parametrize("command", ["match", "gaps"])
def test_within_an_empty_file_or_a_folder_names_it(
    tmp_path: Path, resume_path: Path, command: str
) -> None:
    # an empty file was "No postings to rank. Import some with `mljobs import`, or use
    # --within." (exit 0; gaps: "No open postings of it in this store"); a folder was
    # import's "pass the files to import"
    empty = tmp_path / "pool.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    folder = tmp_path / "pools"
    folder.mkdir()
    for within, said in ((empty, "holds no posting (it is empty or blank)"),
                         (folder, "is a folder; give one file")):
        res = invoke(command, str(resume_path), "--within", str(within))
        assert res.exit_code == 1
        flat = " ".join(res.output.split())
        assert f"InputError: --within {within} {said}" in flat
        assert "corpus-format JSONL" in flat and "import" not in flat


def test_gaps(store: str, resume_path: Path) -> None:
    res = invoke("--db", store, "gaps", str(resume_path), "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["archetype"] == "data-scientist-analytics" and data["postings"] >= 1
    assert all(0 < g["share"] <= 1 for g in data["gaps"])
    res = invoke("--db", store, "gaps", str(resume_path), "--archetype", "big-data-ml-engineer")
    assert res.exit_code == 0 and "learn next" in res.output and "Terraform" in res.output
    res = invoke("--db", store, "gaps", str(resume_path), "--archetype", "wizard")
    assert res.exit_code == 1 and "choose one of ml-product-swe" in res.output


def test_gaps_of_a_kind_with_no_posting_say_so(store: str, resume_path: Path) -> None:
    # (it said "No gaps: you list every skill it requires." of no posting at all)
    res = invoke("--db", store, "gaps", str(resume_path), "--archetype", "applied-researcher")
    out = " ".join(res.output.split())
    assert res.exit_code == 0 and "applied-researcher: 0 open postings" in out
    assert "No open postings of it in this store" in out and "No gaps" not in out
    res = invoke("--db", store, "gaps", str(resume_path), "--archetype", "research-scientist")
    assert "research-scientist: 1 open posting " in " ".join(res.output.split())


def _one_match(tmp_path: Path, posting: dict[str, str], resume_text: str) -> dict[str, Any]:
    """The one result of ``match --within`` a pool of ``posting`` for a resume of
    ``resume_text``, both written under ``tmp_path``."""
    pool = tmp_path / "pool.jsonl"
    pool.write_text(json.dumps(posting) + "\n", encoding="utf-8")
    resume = tmp_path / "cv.txt"
    resume.write_text(resume_text, encoding="utf-8")
    res = invoke("match", str(resume), "--within", str(pool), "--json")
    [result] = json.loads(res.output)["results"]
    return cast(dict[str, Any], result)


def test_an_intern_posting_is_said_an_intern_role(tmp_path: Path) -> None:
    # ("it is a intern role and you read as senior")
    result = _one_match(tmp_path, {
        "id": "i1", "title": "Machine Learning Intern",
        "text": "Summer 2026 internship for students: train PyTorch models in Python with "
                "our ML team. Currently enrolled in a degree program."},
        "Jane Doe\nMachine Learning Engineer, Acme, 2019 - 2024\n"
        "Python, PyTorch, Kubernetes, SQL\nMSc Computer Science\n")
    assert "it is an intern role and you read as senior" in result["explanation"]


def test_bad_resume_is_one_red_line(tmp_path: Path) -> None:
    empty = tmp_path / "cv.pdf"
    empty.write_bytes(b"")
    res = invoke("profile", str(empty))
    assert res.exit_code == 1
    assert "InputError" in res.output and "empty" in res.output


def test_eval_match(dev_dir: Path) -> None:
    res = invoke("eval-match", "--path", str(dev_dir))
    assert res.exit_code == 0, res.output
    assert "q01" in res.output and "overall" in res.output and "best baseline" in res.output
    data = json.loads(invoke("eval-match", "--path", str(dev_dir), "--json").output)
    assert set(data["overall"]) == {"mljobs", "bm25", "resume-matcher"}
    res = invoke("eval-match")
    assert res.exit_code == 1 and "--dev" in res.output


def test_markup_in_postings_and_resumes_is_printed_as_text(tmp_path: Path) -> None:
    pool = tmp_path / "pool.jsonl"
    pool.write_text('{"id": "m1", "title": "Data [bold]Scientist[/bold] [/]", "company": "[red]X",'
                    ' "text": "SQL, Tableau and A/B tests for [link=x]stakeholders."}\n', "utf-8")
    resume = tmp_path / "cv.txt"
    resume.write_text("[bold]Jo[/] Example\nData Scientist\nSQL, Tableau, A/B testing\n", "utf-8")
    res = invoke("match", str(resume), "--within", str(pool))
    assert res.exit_code == 0, res.output
    assert "[bold]Scientist[/bold] [/]" in res.output and "[red]X" in res.output
    assert "[bold]Jo[/]" in invoke("profile", str(resume)).output


def test_match_says_which_filters_left_nothing(store: str, resume_path: Path) -> None:
    res = invoke("--db", store, "match", str(resume_path), "--remote", "onsite",
                 "--since", "2999-01-01")  # nothing is posted after a future date
    assert res.exit_code == 0
    out = " ".join(res.output.split())
    assert "in the store passes --remote onsite --since 2999-01-01" in out
    assert "Import some" not in out
    empty = str(Path(store).with_name("empty.sqlite3"))
    open_store(empty).close()  # (a missing store is an error: tests/test_cli.py)
    res = invoke("--db", empty, "match", str(resume_path))
    assert res.exit_code == 0 and "No postings to rank" in res.output


def test_match_list_shows_stated_pay_before_an_estimate(resume_path: Path,
                                                       pay_pool: Path) -> None:
    res = runner.invoke(app, ["match", str(resume_path), "--within", str(pay_pool)],
                        catch_exceptions=False, env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    blocks = {company: res.output.split(company, 1)[1].split("\n")[1]
              for company in ("Stated Co", "Estimate Co")}
    assert blocks["Stated Co"].strip() == "120,000-150,000 USD per year"
    assert blocks["Estimate Co"].strip() == (
        "56,000-97,000 USD per year (Glassdoor's estimate, not stated by the employer)")


_BARISTA = ("Jordan Smith\nFriendly and reliable team player\n\nExperience\n"
            "Shift Supervisor, Corner Coffee Co.\nJan 2021 - Present\n- Trained new staff\n\n"
            "Barista, Corner Coffee Co.\nJun 2018 - Dec 2020\n- Made drinks\n")


def test_notes_say_how_the_resume_was_read(tmp_path: Path, store: str,
                                           resume_path: Path) -> None:
    barista = tmp_path / "barista.txt"
    barista.write_text(_BARISTA, "utf-8")
    res = invoke("profile", str(barista))
    assert res.exit_code == 0
    out = " ".join(res.output.split())
    assert "none (reads as no ML/data or software role" in out and "Note: No skill mljobs knows" in out
    data = json.loads(invoke("--db", store, "match", str(barista), "--json").output)
    assert len(data["notes"]) == 2 and all("kind of role" not in r["explanation"]
                                           for r in data["results"])
    res = invoke("--db", store, "gaps", str(barista))
    assert res.exit_code == 1 and "ConfigError" in res.output and "--archetype" in res.output
    res = invoke("--db", store, "gaps", str(barista), "--archetype", "data-scientist-analytics")
    assert res.exit_code == 0 and "learn next" in res.output
    # a file longer than the text limit is read from its start, and the person is told
    long = tmp_path / "long.md"
    long.write_text(resume_path.read_text("utf-8") + "\nfiller " * 40_000, "utf-8")
    data = json.loads(invoke("profile", str(long), "--json").output)
    assert data["notes"] == [("Only the start of this long file was read (the first 200,000 "
                              "characters); give the resume itself.")]
    # an ML/data resume gets no note
    assert json.loads(invoke("profile", str(resume_path), "--json").output)["notes"] == []


def test_eval_match_says_what_a_dev_folder_holds(tmp_path: Path, resume_path: Path,
                                                dev_dir: Path) -> None:
    """A path that is no match-dev folder said "X/judgments.jsonl: cannot read judgments
    (Not a directory)" for a file, and "(No such file or directory)" for a missing or an
    empty folder; --dev with --path ran --path, unsaid."""
    for given, said in ((tmp_path / "nope", "no such folder"),
                        (resume_path, "is a file, not a folder"),
                        (tmp_path, "holds no judgments.jsonl")):
        res = invoke("eval-match", "--path", str(given))
        assert res.exit_code == 1, res.output
        out = " ".join(res.output.split())
        assert f"{given}" in out and said in out and "judgments.jsonl, resumes/ and pools/" in out
        assert "cannot read" not in out
    res = invoke("eval-match", "--dev", "--path", str(dev_dir))
    assert res.exit_code == 1 and "not both" in res.output


def test_a_resume_read_with_no_years_or_in_another_script_says_so(tmp_path: Path) -> None:
    """A one-line resume and a Chinese one showed "Experience - years, unknown" with no word
    of what that does to the scores (it counts as 3 years, mid level), and the Chinese one
    showed its "简历" ("resume") heading as the person's name. (The Chinese one's dates are
    read now; the note on its letters stays: skills named in Chinese are not read.)"""
    one = tmp_path / "one.txt"
    one.write_text("Machine learning engineer, Python PyTorch Kubernetes\n", "utf-8")
    data = json.loads(invoke("profile", str(one), "--json").output)
    assert data["years"] is None
    assert any("counts as 3 years, at mid level" in n for n in data["notes"])
    assert not any("Latin letters" in n for n in data["notes"])
    chinese = tmp_path / "cv.txt"
    chinese.write_text("简历\n王伟\n北京\n工作经历\n2018年至今 机器学习工程师 示例科技有限公司\n"
                       "- 使用 Python 和 PyTorch 开发推荐系统\n技能: Python, PyTorch, SQL\n", "utf-8")
    res = invoke("profile", str(chinese))
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "Name 王伟" in out and "not written in Latin letters" in out
    # (its "2018年至今", "2018 to now", is read since the Chinese dates are: 8 years and more)
    assert "counts as 3 years" not in out and "years, senior" in out
    german = tmp_path / "lebenslauf.txt"
    german.write_text("Lebenslauf\nAnna Schmidt\n\nBerufserfahrung\n2019 – heute Data Scientist, "
                      "Beispiel GmbH\n- Python, PyTorch und SQL\n", "utf-8")
    read = json.loads(invoke("profile", str(german), "--json").output)
    assert read["name"] == "Anna Schmidt" and read["notes"] == []


def test_a_role_line_heading_a_resume_is_no_name(tmp_path: Path) -> None:
    """A one-line resume ("Machine learning engineer, 5 years, ...") showed that line as the
    person's name, with no headline."""
    one = tmp_path / "one.txt"
    one.write_text("Machine learning engineer, 5 years, Python PyTorch Kubernetes\n", "utf-8")
    res = invoke("profile", str(one))
    assert res.exit_code == 0, res.output
    rows = {line.split("  ")[0]: line.split("  ", 1)[1].strip()
            for line in res.output.splitlines() if line[:1].isalpha() and "  " in line}
    assert rows["Name"] == "-"
    assert rows["Headline"].startswith("Machine learning engineer, 5 years")
    data = json.loads(invoke("profile", str(one), "--json").output)
    assert data["name"] == "" and "machine learning" in data["skills"]
    # a name over a role stays the name; "Sam Head" over "Data Engineer" is a person
    body = "\n\nExperience\nData Engineer, Acme, 2019 - 2023\n- Python, SQL and dbt models\n"
    for text, name in (("Jane Doe\nData Scientist" + body, "Jane Doe"),
                       ("Sam Head\nData Engineer" + body, "Sam Head")):
        (tmp_path / "cv.txt").write_text(text, "utf-8")
        assert json.loads(invoke("profile", str(tmp_path / "cv.txt"), "--json").output)[
            "name"] == name


def test_a_resume_pasted_as_one_paragraph_is_no_headline(tmp_path: Path) -> None:
    """A resume of one long paragraph that starts with a role ("Machine learning engineer
    with 6 years ...", as pasted from a profile's About box) was read whole as its headline,
    and so as its title: the headline shown was the whole text (a 0.5 MB pasted text gave a
    0.5 MB headline in /api/match's JSON), and the classifier read it all as a title (the
    paragraph below: data-scientist-analytics 0.968 before that headline, 0.659 with it). A
    headline is a line of 90 characters at most, as one under a name is."""
    para = tmp_path / "para.txt"
    text = ("Machine learning engineer with 6 years of experience building recommender systems "
            "in Python and PyTorch at Acme since 2019, before that a data analyst at Beta from "
            "2016 to 2019 using SQL, Tableau and Excel dashboards for the finance team, MSc in "
            "Computer Science from the University of Edinburgh, open to remote roles.\n")
    para.write_text(text, "utf-8")
    data = json.loads(invoke("profile", str(para), "--json").output)
    assert data["name"] == "" and data["headline"] == ""
    assert {"Python", "PyTorch", "SQL", "Tableau"} <= set(data["skills"])
    # (the same text under a line of its own that names the role: that line is the headline)
    para.write_text("Machine learning engineer\n" + text, "utf-8")
    titled = json.loads(invoke("profile", str(para), "--json").output)
    assert titled["name"] == "" and titled["headline"] == "Machine learning engineer"


def test_a_degree_gap_names_the_degree_asked_and_the_one_listed(
        tmp_path: Path, resume_path: Path, pool_path: Path) -> None:
    """A resume with an M.S. read "it asks for a degree you do not list" beside a posting that
    requires a PhD; the sentence now names both, and says when the resume lists none."""
    def research(resume: Path) -> str:
        res = invoke("match", str(resume), "--within", str(pool_path), "--limit", "50", "--json")
        assert res.exit_code == 0, res.output
        return next(r["explanation"] for r in json.loads(res.output)["results"]
                    if r["id"] == "t-research")

    said = research(resume_path)
    assert "it asks for a PhD (you list a master's degree)." in said and "do not list" not in said
    none = tmp_path / "no-degree.md"  # the same resume without its Education section
    text = resume_path.read_text("utf-8")
    none.write_text(text[:text.index("## Education")], "utf-8")
    assert "it asks for a PhD (your resume lists none)." in research(none)


def test_a_phd_under_way_is_said_where_the_degree_is(
        tmp_path: Path, resume_path: Path, pool_path: Path) -> None:
    """A resume listing "PhD in Computer Science (expected 2027)" read "Degree masters" in
    `profile`, and "it asks for a PhD (you list a master's degree)" in `match`, with no word
    of the PhD: its writer could only think it missed. Both say it is under way now, and the
    JSON has ``phd_under_way``; the scores are as before (a PhD under way is no PhD held)."""
    text = resume_path.read_text("utf-8")
    student = tmp_path / "phd-student.md"
    student.write_text(text.replace(
        "## Education\n", "## Education\nPhD in Computer Science (expected 2027), TU Berlin\n"),
        "utf-8")
    shown = invoke("profile", str(student))
    assert shown.exit_code == 0, shown.output
    assert "Degree master's (a PhD under way, not yet held)" in " ".join(shown.output.split())
    read = json.loads(invoke("profile", str(student), "--json").output)
    assert (read["degree"], read["phd"], read["phd_under_way"]) == ("masters", False, True)
    held = json.loads(invoke("profile", str(resume_path), "--json").output)
    assert held["phd_under_way"] is False
    plain = invoke("profile", str(resume_path)).output
    assert "under way" not in plain

    def research(resume: Path) -> dict[str, Any]:
        res = invoke("match", str(resume), "--within", str(pool_path), "--limit", "50", "--json")
        assert res.exit_code == 0, res.output
        return cast(dict[str, Any], next(r for r in json.loads(res.output)["results"]
                                         if r["id"] == "t-research"))

    theirs, before = research(student), research(resume_path)
    assert ("it asks for a PhD (you list a master's degree; your PhD is under way)."
            in theirs["explanation"]), theirs["explanation"]
    assert theirs["breakdown"]["degree"] == before["breakdown"]["degree"]


def test_a_resume_on_standard_input(resume_path: Path, pool_path: Path) -> None:
    """`match -` reads the resume piped in, as the README's `pbpaste | mljobs match -`; an
    empty pipe names the command typed (it said "mljobs profile - < cv.txt" to `match`)."""
    text = resume_path.read_text("utf-8")
    piped = runner.invoke(app, ["match", "-", "--within", str(pool_path), "--json"], input=text)
    filed = invoke("match", str(resume_path), "--within", str(pool_path), "--json")
    assert piped.exit_code == 0, piped.output
    assert [r["id"] for r in json.loads(piped.output)["results"]] == [
        r["id"] for r in json.loads(filed.output)["results"]]
    for command in ("profile", "match", "gaps"):
        empty = runner.invoke(app, [command, "-"], input="\n")
        assert empty.exit_code == 1, empty.output
        flat = " ".join(empty.output.split())
        assert f"pipe the resume in (mljobs {command} - < cv.txt)" in flat, flat


def test_match_json_carries_the_pay_the_list_shows(resume_path: Path, pay_pool: Path) -> None:
    """`match --json` had no pay while the text list and the page showed it: a scripted
    search for well-paid matches had nothing to read."""
    res = invoke("match", str(resume_path), "--within", str(pay_pool), "--json")
    assert res.exit_code == 0, res.output
    pays = {r["company"]: r["pay"] for r in json.loads(res.output)["results"]}
    assert pays["Stated Co"] is not None and pays["Stated Co"]["stated"] is True
    assert (pays["Stated Co"]["min"], pays["Stated Co"]["max"], pays["Stated Co"]["currency"],
            pays["Stated Co"]["interval"]) == (120000, 150000, "USD", "year")
    assert pays["Estimate Co"]["stated"] is False and pays["Estimate Co"]["max"] == 97000
    assert pays["No Pay Co"] is None


def test_recommendation_models_on_a_resume_are_recommender_systems(tmp_path: Path) -> None:
    # An MLOps engineer's bullet "Recommendation models: built the feature pipelines..." was
    # read as no skill: a recommender posting said "missing recommender systems" to them.
    result = _one_match(tmp_path, {
        "id": "r1", "title": "ML Platform Engineer, Recommendations",
        "text": "Requirements: experience with recommender systems, Kubernetes and Python. "
                "You will run the platform that trains our ranking models."},
        "Jane Doe\nSenior MLOps Engineer, Acme Retail, Jan 2019 - Present\n"
        "- Recommendation models: feature pipelines and nightly retraining\n"
        "- Kubernetes, Kubeflow and Terraform; Python\n")
    profile = json.loads(invoke("profile", str(tmp_path / "cv.txt"), "--json").output)
    assert "recommender systems" in profile["skills"]
    assert "recommender systems" in result["matched_skills"]
    assert "recommender systems" not in result["missing_skills"]


def test_chromatin_accessibility_is_no_web_accessibility(tmp_path: Path) -> None:
    # A computational biologist's "chromatin accessibility" read as the web skill accessibility.
    resume = tmp_path / "cv.txt"
    resume.write_text("Jane Doe\nComputational Biologist\n"
                      "Postdoctoral Researcher, Example Institute, Sep 2020 - Present\n"
                      "- Joint embedding of chromatin accessibility and expression in PyTorch\n"
                      "Skills: Python, R, single-cell RNA-seq\n", encoding="utf-8")
    profile = json.loads(invoke("profile", str(resume), "--json").output)
    assert "PyTorch" in profile["skills"]
    assert "accessibility" not in profile["skills"]


@pytest.mark.parametrize("title", ["Graduate Researcher", "PhD Researcher", "Ph.D. Researcher"])
def test_a_phds_graduate_research_is_no_professional_years(tmp_path: Path, title: str) -> None:
    # A new PhD with no industry job read as 5 years of experience (and PyTorch 5 years, from
    # dated roles): a PhD's research post is a student's role, as a research assistant's is.
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Jane Doe\nComputational Biologist\n\nEDUCATION\n"
        "PhD, Computational Biology, Example University     2020 – 2025\n\n"
        "RESEARCH EXPERIENCE\n"
        f"{title}, Example Institute     Sep 2020 – Aug 2025\n"
        "• Developed a variational autoencoder in PyTorch for single-cell data\n",
        encoding="utf-8")
    profile = json.loads(invoke("profile", str(resume), "--json").output)
    assert (profile["years"], profile["seniority"]) == (0.0, "junior")
    assert "PyTorch" not in profile["skill_years"]
    assert "PyTorch" in profile["skills"]


def test_a_phd_position_asks_for_no_phd(tmp_path: Path) -> None:
    # "CS PhD position | Chalmers University | ..." (demo 47637817) offers a PhD: it was read
    # as requiring one, and a master's graduate was told "it asks for a PhD"
    result = _one_match(tmp_path, {
        "id": "c1",
        "title": "CS PhD position | Chalmers University | Sweden | ONSITE | machine learning",
        "text": "CS PhD position | Chalmers University | Sweden | ONSITE | machine learning\n"
                "We work at the intersection of biology and machine learning.\n"
                "* develop deep learning architectures for biology\n"
                "* no biology background required.\nEmail your CV to us."},
        "Jane Doe\nMachine Learning Engineer, Acme, 2021 - 2024\n- PyTorch models in Python\n\n"
        "Education\nMSc Computer Science, Example University, 2021\n")
    assert "asks for a PhD" not in result["explanation"]
    assert result["breakdown"]["degree"] == 1.0


@pytest.mark.parametrize(("title", "level"), [
    ("Software Engineer II", "mid"), ("Software Engineer III", "senior"),
    ("Data Scientist I", "junior"), ("Software Engineer", "senior"),
    # the level in a digit: "Software Engineer 2" read senior from the years; a year is none
    ("Software Engineer 2", "mid"), ("SDE 2", "mid"), ("Software Engineer 3", "senior"),
    ("Data Scientist 1", "junior"), ("Software Engineer 2024", "senior"),
    # a number of years or months after the title is no level ("2 yrs" read mid)
    ("Software Engineer 2 yrs", "senior"), ("Data Scientist 1 year", "senior"),
    ("Software Engineer 2+ years", "senior"),
])
def test_a_ladders_numeral_in_the_latest_title_sets_the_level(tmp_path: Path, title: str,
                                                              level: str) -> None:
    # "Software Engineer II" with 5.5 years read senior (from the years: no level word), and a
    # career changer's matches held principal roles; a posting's "Engineer II" reads mid
    resume = tmp_path / "cv.md"
    resume.write_text(
        "# Dan Roe\n\n## Experience\n\n"
        f"### {title} — Fintrail Payments\n*March 2024 – Present*\n\n- Go services\n\n"
        "### Software Engineer — Larkspur Health\n*June 2021 – February 2024*\n\n- Java APIs\n",
        encoding="utf-8")
    profile = json.loads(invoke("profile", str(resume), "--json").output)
    assert profile["seniority"] == level


def test_a_phd_studentship_ranks_down_for_one_who_holds_a_phd(tmp_path: Path) -> None:
    # a new PhD's first match in the demo was "CS PhD position | Chalmers University" (47637817),
    # a place to earn the PhD they hold; a master's graduate still sees it first
    body = ("We work at the intersection of biology and machine learning: deep learning "
            "architectures for single-cell genomics in PyTorch and Python.\n")
    pool = tmp_path / "pool.jsonl"
    pool.write_text("\n".join(json.dumps(p) for p in (
        {"id": "phd-place", "title": "CS PhD position | Chalmers University | machine learning",
         "text": "CS PhD position | Chalmers University\n" + body + "Email your CV to us."},
        {"id": "scientist", "title": "Research Scientist, Machine Learning for Biology",
         "text": "We publish our work on machine learning for biology. Requirements: 5+ years "
                 "of experience with PyTorch, Kubernetes and Scala."},
    )) + "\n", encoding="utf-8")
    education = {"PhD": "PhD in Computational Biology, Example University, 2025",
                 "MSc": "MSc in Computational Biology, Example University, 2025"}
    for degree, line in education.items():
        resume = tmp_path / "cv.txt"
        resume.write_text("Jane Doe\nComputational biologist\n\nSkills: PyTorch, Python, "
                          "machine learning, genomics, single-cell, deep learning\n\n"
                          f"Education\n{line}\n", encoding="utf-8")
        res = invoke("match", str(resume), "--within", str(pool), "--json")
        results = json.loads(res.output)["results"]
        first, place = results[0]["id"], next(r for r in results if r["id"] == "phd-place")
        if degree == "PhD":
            assert first == "scientist", results
            assert "it offers a place to earn a PhD, which you hold" in place["explanation"]
            assert place["breakdown"]["degree"] == 0.0
        else:
            assert first == "phd-place", results
            assert "earn a PhD" not in place["explanation"]


def test_atac_seq_is_atac_seq_not_chip_seq(tmp_path: Path) -> None:
    # "ATAC-seq" was an alias of ChIP-seq in the taxonomy: a resume naming it read ChIP-seq,
    # and a posting asking for ChIP-seq told an ATAC-seq person they had it
    resume = tmp_path / "cv.txt"
    resume.write_text("Jane Doe\nComputational Biologist\n"
                      "Postdoctoral Researcher, Example Institute, Sep 2020 - Present\n"
                      "- Built scATAC-seq and ATAC-seq peak-calling pipelines in Python\n",
                      encoding="utf-8")
    profile = json.loads(invoke("profile", str(resume), "--json").output)
    assert "ATAC-seq" in profile["skills"]
    assert "ChIP-seq" not in profile["skills"]
    result = _one_match(tmp_path, {
        "id": "b1", "title": "Computational Biologist",
        "text": "Analyse ChIP-seq data for our epigenomics programme in Python."},
        resume.read_text(encoding="utf-8"))
    assert "ChIP-seq" in result["missing_skills"]


@pytest.mark.parametrize("title", ["Postdoc or PhD position | machine learning for biology",
                                   "Postdoctoral Researcher (PhD position also possible)"])
def test_a_post_that_offers_a_postdoc_too_is_no_studentship_for_a_phd(tmp_path: Path,
                                                                       title: str) -> None:
    # a title offering a postdoc beside a PhD place was halved for a PhD holder, the postdoc
    # being the place for them ("it offers a place to earn a PhD, which you hold")
    result = _one_match(tmp_path, {
        "id": "p1", "title": title,
        "text": f"{title}\nDeep learning for single-cell genomics in PyTorch and Python."},
        "Jane Doe\nComputational biologist\n\nSkills: PyTorch, Python, deep learning\n\n"
        "Education\nPhD in Computational Biology, Example University, 2025\n")
    assert "earn a PhD" not in result["explanation"]
    assert result["breakdown"]["degree"] == 1.0


def test_an_umbrella_skill_is_held_through_the_tools_under_it(tmp_path: Path) -> None:
    # a platform engineer listing Prometheus and Grafana was told a posting asking for
    # observability was "missing observability", and gaps listed it to learn
    posting = {"id": "o1", "title": "ML Platform Engineer",
               "text": "Requirements: strong observability practices, Kubernetes and Python."}
    resume = ("Jane Doe\nML Platform Engineer, Acme, 2019 - 2024\n"
              "- Ran Kubernetes clusters in Python; dashboards in Prometheus and Grafana\n")
    result = _one_match(tmp_path, posting, resume)
    assert "observability" not in result["missing_skills"]
    assert "observability" in result["matched_skills"]
    text = invoke("profile", str(tmp_path / "cv.txt")).output
    assert "observability (from Prometheus, Grafana)" in " ".join(text.split())
    # the table is for matching only: the resume's own skills are what it names
    data = json.loads(invoke("profile", str(tmp_path / "cv.txt"), "--json").output)
    assert "observability" not in data["skills"]
    # the JSON says where a matched umbrella comes from ("observability" was in
    # matched_skills, and no key named it implied)
    assert data["implied_skills"] == {"observability": ["Prometheus", "Grafana"]}
    found = json.loads(invoke("match", str(tmp_path / "cv.txt"), "--within",
                              str(tmp_path / "pool.jsonl"), "--json").output)
    assert found["implied_skills"] == {"observability": ["Prometheus", "Grafana"]}
    # a resume naming none of its tools still misses it
    result = _one_match(tmp_path, posting, resume.replace(" in Prometheus and Grafana", ""))
    assert "observability" in result["missing_skills"]


@pytest.mark.parametrize("joined", [" / ", " ", "（", "｜"])
def test_a_chinese_resume_s_headings_written_in_two_languages_are_headings(
        tmp_path: Path, joined: str) -> None:
    """'工作经历 / Work Experience', '教育背景 Education': a Chinese heading with its English
    beside it was read as no heading (its characters have no capitals, and a heading in
    lower case counts only alone on its line), so the study years under '教育背景 /
    Education' were jobs: 14.0 years, not 7.8, and the universities roles."""
    plain = Path(__file__).parent / "fixtures" / "resume-zh.txt"
    english = {"个人简介": "Summary", "工作经历": "Work Experience", "实习经历": "Internships",
               "教育背景": "Education", "专业技能": "Skills"}
    lines = [f"{line}{joined}{english[line]}{'）' if joined == '（' else ''}"
             if line in english else line
             for line in plain.read_text(encoding="utf-8").splitlines()]
    both = tmp_path / "resume-zh-en.txt"
    both.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = [json.loads(invoke("profile", str(path), "--json").output) for path in (plain, both)]
    for key in ("years", "headline", "degree", "seniority", "roles", "skills"):
        assert read[1][key] == read[0][key], key


def test_profile_says_the_degree_in_words_as_the_match_page_does(tmp_path: Path) -> None:
    """`profile` printed the degree as stored, "Degree phd (PhD)", "none-stated", where the
    match page says "PhD", "none stated" (``fact_words``); ``--json`` keeps the stored value."""
    doctor = tmp_path / "doctor.md"
    doctor.write_text("Ada Byron\nResearch Scientist\nPhD in Machine Learning, ETH Zurich, 2018\n"
                      "Research Scientist at Acme, 2018-2024: PyTorch, Python.\n", "utf-8")
    shown = " ".join(invoke("profile", str(doctor)).output.split())
    assert "Degree PhD Specialisations" in shown and "phd" not in shown, shown
    assert json.loads(invoke("profile", str(doctor), "--json").output)["degree"] == "phd"
    nobody = tmp_path / "nobody.md"
    nobody.write_text("Bo Li\nData Engineer at Acme, 2019-2024: Python, SQL, Airflow.\n", "utf-8")
    assert "Degree none stated" in " ".join(invoke("profile", str(nobody)).output.split())
