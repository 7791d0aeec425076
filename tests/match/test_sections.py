"""The one section reader of a resume (``profile.sections``): every common heading shape,
each checked against the same table lacking that heading's words (the test fails on it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from mljobs.profile import (
    HEADING_QUALIFIERS,
    SECTION_HEADINGS,
    SectionReader,
    build_profile,
    degree_skills,
    find_roles,
    sections,
    years_of_experience,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
HEAD = "Jane Doe\nData Scientist\njane.doe@example.com | 555-0147 | Boston, MA\n\n"


def lacking(heading: str) -> SectionReader:
    """A reader whose tables lack every phrase ``heading`` is made of."""
    def kept(words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w for w in words if not re.search(rf"(?<!\w){re.escape(w)}(?!\w)", heading, re.IGNORECASE))
    return SectionReader({kind: kept(words) for kind, words in SECTION_HEADINGS.items()},
                         kept(HEADING_QUALIFIERS))


def headed(text: str, reader: SectionReader | None = None) -> list[tuple[str, str]]:
    """Each section's kind and heading line."""
    parts = sections(text) if reader is None else reader.sections(text)
    return [(s.kind, text[s.start:s.end].split("\n", 1)[0]) for s in parts]


EXPERIENCE_HEADINGS = ["Experience", "EXPERIENCE", "Professional Experience", "Relevant Experience",
                       "Work Experience", "PROFESSIONAL EXPERIENCE:", "Experience:", "## Work History",
                       "**Employment History**", "Industry Experience", "Work", "Berufserfahrung"]


@pytest.mark.parametrize("heading", EXPERIENCE_HEADINGS)
def test_an_experience_heading_ends_the_education_above_it(heading: str) -> None:
    # the jobs under it are jobs, not education entries (a missed "Professional Experience"
    # read a resume's years as 0)
    text = (f"{HEAD}Education\nM.S. Statistics, Example University, 2016 - 2018\n\n{heading}\n"
            "Senior Data Scientist, Acme Corp, Jan 2021 - Present\n- Built churn models in Python\n"
            "Data Analyst, Beta Inc, Jul 2018 - Dec 2020\n- SQL dashboards\n")
    assert headed(text)[1] == ("experience", heading)
    roles = find_roles(text, NOW)
    assert [(r.title, r.counts) for r in roles] == [("Senior Data Scientist", True), ("Data Analyst", True)]
    assert years_of_experience(text, roles) == 8.0
    missed = find_roles(text, NOW, lacking(heading).sections(text))
    assert missed == []  # (the education section runs on over the jobs)


EDUCATION_HEADINGS = ["Education", "EDUCATION", "Education & Certifications", "Education and Training",
                      "### Education", "Academic Background", "Ausbildung", "Qualifications"]


@pytest.mark.parametrize("heading", EDUCATION_HEADINGS)
def test_an_education_heading_starts_the_degrees(heading: str) -> None:
    text = (f"{HEAD}Experience\nData Scientist, Acme Corp, 2019 - 2024\n- A/B tests\n\n{heading}\n"
            "M.S. Statistics — Example University, 2017 - 2019\nB.Sc. Operations Research, 2014 - 2017\n")
    assert headed(text) == [("experience", "Experience"), ("education", heading)]
    assert degree_skills(text) == ["statistics", "operations research"]
    me = build_profile(text, now=NOW)
    assert [r.title for r in me.roles] == ["Data Scientist"] and me.years == 6.0
    assert degree_skills(text, lacking(heading).sections(text)) == []
    # (and the degrees' dates are read as entries of the experience section)
    assert len(find_roles(text, NOW, lacking(heading).sections(text))) == 3


SIDE_HEADINGS = ["Projects", "PROJECTS", "Selected Projects", "Personal Projects:", "Publications",
                 "Volunteering", "Volunteer Experience", "Leadership & Activities", "Awards and Honors",
                 "Open Source", "Extracurricular Activities", "Community Involvement"]


@pytest.mark.parametrize("heading", SIDE_HEADINGS)
def test_the_dated_entries_of_a_side_section_are_no_jobs(heading: str) -> None:
    text = (f"{HEAD}Work Experience\nData Analyst, Acme Corp, Jan 2023 - Dec 2024\n- SQL reports\n\n"
            f"{heading}\nLead developer, Churn model (Kaggle), 2019 - 2022\n- gradient boosting\n")
    assert headed(text) == [("experience", "Work Experience"), ("side", heading)]
    me = build_profile(text, now=NOW)
    assert [(r.title, r.counts) for r in me.roles] == [("Data Analyst", True), ("Lead developer", False)]
    assert (me.years, me.seniority) == (2.0, "mid")
    missed = find_roles(text, NOW, lacking(heading).sections(text))
    assert [r.counts for r in missed] == [True, True]  # 2019 - 2022 read as a job


SKILLS_HEADINGS = ["Skills", "SKILLS", "Technical Skills", "Skills & Tools", "Core Skills:",
                   "Certifications", "Languages", "Kenntnisse"]


@pytest.mark.parametrize("heading", SKILLS_HEADINGS)
def test_a_skills_heading_ends_the_section_above(heading: str) -> None:
    # a projects section does not run on over the skills and what follows them
    text = (f"{HEAD}Projects\nChurn model, Kaggle, 2021 - 2022\n\n{heading}\nPython, SQL, dbt\n"
            "Data Analyst, Acme Corp, 2022 - 2024\n")
    assert headed(text) == [("side", "Projects"), ("skills", heading)]
    assert [r.counts for r in find_roles(text, NOW)] == [False, True]
    assert [r.counts for r in find_roles(text, NOW, lacking(heading).sections(text))] == [False, False]


@pytest.mark.parametrize("heading", ["Summary", "PROFILE", "Professional Summary", "Objective",
                                     "About Me", "Contact"])
def test_a_summary_heading_is_no_headline(heading: str) -> None:
    text = f"Jane Doe\n{heading}\nAnalyst who likes data.\n\nExperience\nData Analyst, Acme, 2019 - 2024\n"
    assert headed(text)[0] == ("summary" if heading != "Contact" else "contact", heading)
    assert build_profile(text, now=NOW).headline == ""
    assert headed(text, lacking(heading))[0] == ("experience", "Experience")


def test_a_one_column_pdf_text_with_headings_run_into_lines() -> None:
    # pypdf's text of a one-column resume: each heading in capitals, its first line run into it
    text = ("JANE DOE\nData Scientist · jane.doe@example.com · Boston, MA\n"
            "SUMMARY Data scientist with seven years in experimentation and forecasting.\n"
            "EDUCATION M.S. Statistics, Example University, 2016 – 2018\n"
            "B.Sc. Operations Research, Example College, 2012 – 2016\n"
            "EXPERIENCE Senior Data Scientist | Acme Corp | Jan 2021 – Present\n"
            "• Built demand forecasts in Python and SQL\n"
            "Data Analyst | Beta Inc | Jul 2018 – Dec 2020\n• Dashboards in Tableau\n"
            "PROJECTS Lead developer, OpenCast forecasting library, 2019 – 2022\n"
            "SKILLS Python, SQL, R, Tableau\n"
            "WORK AUTHORIZATION: US citizen\n")
    assert [s.kind for s in sections(text)] == ["summary", "education", "experience", "side", "skills"]
    me = build_profile(text, now=NOW)
    assert [(r.title, r.counts) for r in me.roles] == [
        ("Senior Data Scientist", True), ("Data Analyst", True), ("Lead developer", False)]
    assert (me.years, me.seniority, me.degree) == (8.0, "senior", "masters")
    assert degree_skills(text) == ["statistics", "operations research"]
    missed = find_roles(text, NOW, lacking("EXPERIENCE").sections(text))
    assert [r.title for r in missed] == ["Lead developer"]  # the jobs read as education


@pytest.mark.parametrize("line", [
    "Experience with Python and SQL",  # a sentence
    "work closely with product teams",  # a wrapped line, no capital
    "- Projects delivered on time",  # a bullet
    "Project Manager, Acme, 2019 - 2021",  # a title
    "Volunteer Coordinator",
    "Education Analyst",
    "WORK AUTHORIZATION: US citizen",  # capitals run on: no heading run into a line
    "Work Authorization: US citizen",  # a label and its value
    "Education Level: Master's",
    "Skills 2019",
])
def test_lines_that_are_no_heading(line: str) -> None:
    assert headed(f"{HEAD}{line}\n") == []


def test_sections_end_where_the_next_heading_starts() -> None:
    text = f"{HEAD}Experience\nA\nEducation\r\nB\r\nSkills\nC"
    parts = sections(text)
    assert [(s.kind, text[s.start:s.end]) for s in parts] == [
        ("experience", "Experience\nA\n"), ("education", "Education\r\nB\r\n"), ("skills", "Skills\nC")]
    assert all(text[s.body] in "\r\n" for s in parts)


def test_a_heading_with_its_first_line_after_a_colon() -> None:
    # a compact resume: "Education: <degree>" on one line, below a blank line
    text = (f"{HEAD}Experience\nData Scientist, Acme Corp, 2019 - 2024\n\n"
            "Education: M.S. Statistics, Example University, 2017 - 2019\n")
    assert headed(text)[1] == ("education", "Education: M.S. Statistics, Example University, 2017 - 2019")
    assert [r.title for r in find_roles(text, NOW)] == ["Data Scientist"]
    assert degree_skills(text) == ["statistics"]
    assert degree_skills(text, lacking("Education").sections(text)) == []
    # among a job's lines such a label starts no section: the next job still counts
    text = (f"{HEAD}Experience\nSenior Data Scientist, Acme Corp, 2021 - 2024\n- Built pricing models\n"
            "Projects: churn model, pricing engine, demand forecasting\n"
            "Data Analyst, Beta Inc, 2018 - 2020\n")
    assert headed(text) == [("experience", "Experience")]
    assert [r.counts for r in find_roles(text, NOW)] == [True, True]
    # a short one too (under 30 characters it read as a heading, and the next job as a project)
    short = text.replace("churn model, pricing engine, demand forecasting", "churn, pricing")
    assert headed(short) == [("experience", "Experience")]
    assert [r.counts for r in find_roles(short, NOW)] == [True, True]


def test_a_heading_line_in_capitals_may_run_longer() -> None:
    text = f"{HEAD}EDUCATION, CERTIFICATIONS AND PROFESSIONAL TRAINING\nM.S. Statistics, 2019\n"
    assert headed(text) == [("education", "EDUCATION, CERTIFICATIONS AND PROFESSIONAL TRAINING")]
    assert headed(text, lacking("education")) == []


GERMAN_CV = ("Anna Schmidt\nData Scientist\nanna.schmidt@example.de | München\n\n"
             "Kurzprofil\nData Scientist mit Fokus auf Prognosen.\n\n"
             "Ausbildung\nM.Sc. Statistik, LMU München, 10.2014 – 09.2016\n\n"
             "Beruflicher Werdegang\nData Scientist, Beispiel GmbH, 03.2019 – heute\n"
             "- Nachfrageprognosen mit Python\n"
             "Werkstudentin Data Analytics, Muster AG, 10.2015 – 09.2016\n\n"
             "Projekte\nLeitung, Open-Source-Bibliothek, 2017 – 2019\n\n"
             "Ehrenamt\nTrainerin, Sportverein, 2012 – 2018\n\n"
             "Kenntnisse\nPython, SQL, R\n\nSprachen\nDeutsch, Englisch\n")


def test_a_german_cvs_headings() -> None:
    # main read "Beruflicher Werdegang" as no heading: the jobs under it were education (0 years)
    expected = [("summary", "Kurzprofil"), ("education", "Ausbildung"), ("experience", "Beruflicher Werdegang"),
                ("side", "Projekte"), ("side", "Ehrenamt"), ("skills", "Kenntnisse"), ("skills", "Sprachen")]
    assert headed(GERMAN_CV) == expected
    me = build_profile(GERMAN_CV, now=NOW)
    assert [(r.title, r.counts) for r in me.roles] == [
        ("Data Scientist", True), ("Werkstudentin Data Analytics", False), ("Leitung", False),
        ("Trainerin", False)]
    assert (me.years, me.seniority, me.degree) == (7.3, "senior", "masters")
    for kind, heading in expected:
        assert (kind, heading) not in headed(GERMAN_CV, lacking(heading))


def test_a_long_text_of_headings_is_read_in_linear_time(time_ratio) -> None:
    # each line finds its section in one pass: 4 times the text is about 4 times the time
    # (a look through every section per line made it 10-16 times: a 200,000-character
    # upload of "Education / 2019" lines took 6 s to read)
    unit = "Education\n2019\n\nProjects\nJan 2020 - Mar 2021\n\n"
    small, large = unit * (50_000 // len(unit)), unit * (200_000 // len(unit))
    assert time_ratio(lambda: find_roles(large, NOW), lambda: find_roles(small, NOW)) < 7


def test_an_education_heading_with_its_first_line_after_a_colon_needs_no_blank_line() -> None:
    # a compact resume (or a PDF's text, which has no blank lines): the degree's dates are
    # no job (read so, its years counted as a Data Scientist's: 10.0 years, not 6.0)
    text = (f"{HEAD}Experience\nData Scientist, Acme Corp, 2019 - 2024\n"
            "Education: M.S. Statistics, Example University, 2015 - 2019\n")
    assert headed(text)[1] == ("education", "Education: M.S. Statistics, Example University, 2015 - 2019")
    roles = find_roles(text, NOW)
    assert [r.title for r in roles] == ["Data Scientist"]
    assert years_of_experience(text, roles) == 6.0
    assert degree_skills(text) == ["statistics"]


def test_a_line_of_many_date_ranges_is_read_in_linear_time(time_ratio) -> None:
    # a line's title is sought once, not once per range on it (each search takes the whole
    # line's dates out: a 40,000-character line of ranges took 20 s, 200,000 minutes)
    for unit in ("Data Scientist 2019 - 2020 ", "Barista Corner Cafe 2019 - 2020 "):
        def read(size: int, unit: str = unit) -> object:
            return find_roles("Experience\n" + unit * (size // len(unit)), NOW)
        assert time_ratio(lambda: read(40_000), lambda: read(10_000)) < 7
    assert len(find_roles("Experience\n" + "Data Scientist 2019 - 2020 " * 3, NOW)) == 3


@pytest.mark.parametrize("heading", ["education", "education:", "experience", "skills"])
def test_a_lower_case_heading_alone_on_its_line(heading: str) -> None:
    # some templates' text writes headings in lower case; read so before the one table
    # (a lower-case "education" under the jobs made the degree's dates a job: 9.0 years)
    assert headed(f"{HEAD}{heading}\nA\n") == [(heading.strip(":").split()[0], heading)]


def test_a_lower_case_heading_word_with_words_after_it_is_no_heading() -> None:
    assert headed(f"{HEAD}Experience\nled the data team,\nwork closely with product\n") == [
        ("experience", "Experience")]


def test_a_long_education_heading_ends_the_jobs_above_it() -> None:
    text = (f"{HEAD}Experience\nData Scientist, Acme Corp, 2019 - 2024\n"
            "Education and Professional Development Courses\n"
            "M.S. Statistics, Example University, 2015 - 2019\n")
    assert [kind for kind, _ in headed(text)] == ["experience", "education"]
    roles = find_roles(text, NOW)
    assert [r.title for r in roles] == ["Data Scientist"]
    assert years_of_experience(text, roles) == 6.0
