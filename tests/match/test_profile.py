"""Profiles read from resume text: roles, years, degree, level, skills, archetypes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mljobs.match import reading_notes
from mljobs.profile import (
    Profile,
    build_profile,
    degree_skills,
    find_roles,
    highest_degree,
    phd_under_way,
    without_name,
    years_of_experience,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def test_roles_and_years_exclude_student_jobs(profile: Profile) -> None:
    titles = {r.title: r.counts for r in profile.roles}
    assert titles == {"Data Scientist": True, "Data Analyst": True, "Teaching Assistant": False}
    # Jan 2023 - Jun 2026 (42 months) + Jun 2021 - Dec 2022 (19 months), inclusive
    assert profile.years == 5.1


def test_overlapping_roles_count_once() -> None:
    text = ("Engineer, A Corp\nJan 2020 - Dec 2021\n\nConsultant, B Corp\nJun 2021 - Dec 2021\n"
            "Skills\nPython")
    roles = find_roles(text, NOW)
    assert len(roles) == 2
    assert years_of_experience(text, roles) == 2.0


def test_year_only_and_numeric_dates() -> None:
    text = "Data Engineer | X Ltd | 2018 - 2020\nML Engineer | Y Ltd | 03/2021 – present\n"
    roles = find_roles(text, NOW)
    assert [r.title for r in roles] == ["Data Engineer", "ML Engineer"]
    assert roles[0].months == 36 and roles[1].counts


def test_stated_years_when_no_role_is_dated() -> None:
    assert years_of_experience("ML engineer (5 yrs) building recommenders.", []) == 5.0
    assert years_of_experience("I like data.", []) is None


def test_degrees() -> None:
    assert highest_degree("Education\nPh.D. Computer Science, 2019\nBSc Physics") == "phd"
    assert highest_degree("Education\nM.S. Statistics\nB.S. Mathematics") == "masters"
    assert highest_degree("Education\nB.Tech, Computer Science & Engineering, 2020") == "bachelor"
    assert highest_degree("Self-taught programmer.") == "none-stated"
    assert highest_degree("Education\nBEng (Hons) Software Engineering, 2019 (2:1)") == "bachelor"


def test_profile_of_the_fixture(profile: Profile) -> None:
    assert profile.name == "Dana Example"
    assert profile.headline.startswith("Data Scientist")
    assert profile.degree == "masters" and not profile.phd
    assert profile.seniority == "senior"  # 5.1 years, no level in the latest title
    # the shared extractor: "sklearn" is scikit-learn, "SQL (advanced)" is SQL
    assert {"scikit-learn", "SQL", "Tableau", "R", "Python"} <= set(profile.skills)


def test_archetypes_are_a_distribution_over_ml_roles(profile: Profile) -> None:
    assert "not-ml" not in profile.archetypes
    assert abs(sum(profile.archetypes.values()) - 1.0) < 1e-3
    values = list(profile.archetypes.values())
    assert values == sorted(values, reverse=True)
    assert profile.best_archetype == "data-scientist-analytics"


def test_titles_set_seniority() -> None:
    text = "Jo\nStaff ML Engineer, Z Inc\nJan 2024 - Present\nPython, PyTorch\n"
    assert build_profile(text, now=NOW).seniority == "staff-plus"
    text = "Jo\nJunior Data Analyst, Z Inc\nJan 2025 - Present\nSQL, Excel\n"
    assert build_profile(text, now=NOW).seniority == "junior"


def test_to_json_has_no_resume_text(profile: Profile) -> None:
    data = profile.to_json()
    assert "text" not in data
    assert data["best_archetype"] == "data-scientist-analytics"
    assert data["roles"][0] == {"title": "Data Scientist", "months": 42, "counts": True}


def test_the_persons_name_is_not_a_skill() -> None:
    # surnames that are skill names (Raman spectroscopy, Apache Spark, Rust, Scala...)
    for name, skill in (("Priya Raman", "Raman spectroscopy"), ("Jack Spark", "Apache Spark"),
                        ("Gary Rust", "Rust"), ("Ben Scala", "Scala")):
        text = (f"# {name}\nData Scientist\n\nExperience\nData Scientist, Acme, 2019 - 2023\n"
                f"- Built models in Python\n\n{name} - page 2\n")
        assert skill not in build_profile(text, now=NOW).skills, name
    # the skill itself, written in the resume, is still read
    text = "Ben Scala\nData Engineer\n\nExperience\nData Engineer, Acme, 2019 - 2023\n- Scala jobs\n"
    assert "Scala" in build_profile(text, now=NOW).skills
    # a first line that is a role, not a name, is not blanked
    text = "Data Scientist\n\nExperience\nData Scientist, Acme, 2019 - 2023\n- Python\n"
    assert build_profile(text, now=NOW).roles[0].title == "Data Scientist"


def test_the_persons_name_in_an_address_is_not_a_skill() -> None:
    # "linkedin.com/in/jack-spark" read Spark as a skill (the next line's SQL made it
    # "Spark SQL"): the name is blanked joined by a dot, hyphen or underscore too
    for contact in ("linkedin.com/in/jack-spark", "jack.spark@example.com",
                    "github.com/jack_spark"):
        text = (f"Jack Spark\nData Engineer\n{contact}\nSQL and Python\n\nExperience\n"
                "Data Engineer, Acme, 2019 - 2023\n- dbt models\n")
        skills = build_profile(text, now=NOW).skills
        assert "SQL" in skills and not {"Apache Spark", "Spark SQL"} & set(skills), contact
    # a skill written elsewhere, even next to the name's words, is still read
    text = ("Grace Python\nData Engineer\ngrace-python@example.com\n\nSkills\nPython, "
            "SQL\nGrace Python - page 2\n")
    assert "Python" in build_profile(text, now=NOW).skills


def test_markdown_emphasis_is_not_part_of_name_or_headline() -> None:
    text = ("# **Helena Okafor**\n\n**Principal Research Scientist — Reinforcement Learning**\n\n"
            "helena@example.com\n")
    me = build_profile(text, now=NOW)
    assert (me.name, me.headline) == (
        "Helena Okafor", "Principal Research Scientist — Reinforcement Learning")


def test_german_dates_and_student_jobs() -> None:
    text = ("Katharina Vogel\nData Scientist\n\nBerufserfahrung\n\n"
            "Senior Data Scientist | Alpenbank AG\n03/2022 – heute\n- Betrugserkennung\n\n"
            "Data Scientist | Stadtwerke\nOkt. 2019 – Feb. 2022\n- Lastprognose\n\n"
            "Werkstudent Data Analytics | Autohaus Süd\n2017 bis 2019\n\n"
            "Ausbildung\nM.Sc. Informatik, TU München, 2017 – 2019\n")
    me = build_profile(text, now=NOW)
    assert [(r.title, r.months, r.counts) for r in me.roles] == [
        ("Senior Data Scientist", 52, True),  # Mar 2022 - Jun 2026, both ends counted
        ("Data Scientist", 29, True),  # Oct 2019 - Feb 2022
        ("Werkstudent Data Analytics", 36, False),  # a working student's job
    ]
    assert (me.years, me.seniority, me.degree) == (6.8, "senior", "masters")  # 81 months
    march = find_roles("Data Scientist, X\nMärz 2020 - Mai 2021\n", NOW)
    assert [(r.start % 12 + 1, r.end % 12 + 1) for r in march] == [(3, 5)]


def test_a_title_without_a_role_word_is_the_line_not_the_dates() -> None:
    text = ("Jordan Smith\n\nExperience\nShift Supervisor, Corner Coffee Co.\nJan 2021 - Present\n"
            "- Trained new staff\n\nBarista | Corner Coffee Co.\nJun 2018 - Dec 2020\n"
            "- Made drinks\n")
    assert [r.title for r in find_roles(text, NOW)] == ["Shift Supervisor", "Barista"]


def test_the_field_of_a_degree_is_a_skill_held() -> None:
    # a posting's "degree in Statistics" asks for a degree, and the extractor leaves the
    # field out; a resume's "M.S. Statistics" says the person studied it, and a posting
    # requiring statistics should not list it as missing
    text = ("Dana Example\nData Scientist\n\nExperience\nData Scientist, Acme, 2019 - 2023\n"
            "- SQL dashboards\n\nEducation\nM.S. Statistics — Example University, 2019\n"
            "- **PhD, Machine Learning** — University of Cambridge, 2014\n"
            "B.S. Mathematics, minor in Economics, 2017\n\nSkills\nSQL\n")
    skills = build_profile(text, now=NOW).skills
    assert {"statistics", "machine learning", "SQL"} <= set(skills)
    # outside the education section a degree's field is not read ("MS in Statistics
    # preferred" in a summary copied from a posting)
    text = "Dana Example\nData Scientist\n\nSummary\nAn M.S. Statistics is preferred.\n"
    assert "statistics" not in build_profile(text, now=NOW).skills


def test_dotted_and_iso_month_dates() -> None:
    # "03.2022" (a German CV) started in March, not January; "2019-03" (ISO) was no date
    text = "ML Engineer | X\n03.2022 – heute\nData Engineer | Y\n2019-03 – 2021-04\n"
    roles = find_roles(text, NOW)
    assert [(r.title, r.months) for r in roles] == [("ML Engineer", 52), ("Data Engineer", 26)]
    # a year range without spaces is still two years, not a year and a month
    assert [r.months for r in find_roles("Data Engineer | Z\n2019-2021\n", NOW)] == [36]


def test_stated_years_in_german() -> None:
    for text, years in (("Data Scientist mit 6 Jahren Berufserfahrung in NLP.", 6.0),
                        ("Über 8 Jahre Erfahrung mit ML-Systemen.", 8.0)):
        assert years_of_experience(text, []) == years


def test_german_degrees() -> None:
    assert highest_degree("Ausbildung\nDiplom-Informatiker, TU Berlin, 2010\n") == "masters"
    assert highest_degree("Ausbildung\nDr. rer. nat. Physik, Uni Heidelberg\n") == "phd"
    assert highest_degree("Ausbildung\nDr.-Ing. Maschinenbau, RWTH Aachen\n") == "phd"
    # "Dr." before a name is a title, not a degree read from it
    assert highest_degree("Dr. Jane Roe\n\nEducation\nMSc Computer Science\n") == "masters"


def test_the_name_is_the_persons_not_a_title_page_or_contact_line() -> None:
    for text in ("Curriculum Vitae\nJane Doe\nData Scientist\njane@example.com\n",
                 "RESUME\n\nJane Doe\nData Scientist\n",
                 "Jane Doe | jane@example.com | (555) 123-4567\nData Scientist\n",
                 "Lebenslauf\nJane Doe\nData Scientist\n"):
        me = build_profile(text, now=NOW)
        assert (me.name, me.headline) == ("Jane Doe", "Data Scientist"), text


def test_the_name_without_a_resume_word_on_its_line() -> None:
    # "Jack Spark – Resume" was the name whole, so "Jack Spark" was never blanked and
    # linkedin.com/in/jack-spark gave Apache Spark
    for first in ("Resume of Jack Spark", "Jack Spark – Resume", "Jack Spark Resume",
                  "CV: Jack Spark", "Curriculum Vitae - Jack Spark"):
        me = build_profile(f"{first}\nData Engineer\nlinkedin.com/in/jack-spark\nSQL\n", now=NOW)
        assert me.name == "Jack Spark" and "Apache Spark" not in me.skills, first


def test_a_headline_with_a_year_is_no_contact_line() -> None:
    # any three digits made a line contact data: "graduating May 2025" lost the headline
    text = ("Priya Raman\nData Science student, graduating May 2025\n"
            "priya@example.com · (617) 555-0199\n")
    assert build_profile(text, now=NOW).headline == "Data Science student, graduating May 2025"
    # a web address is contact data too: "linkedin.com/in/janedoe · github.com/janedoe" was
    # the headline, and "Data Scientist" under it lost
    for contact in ("linkedin.com/in/janedoe · github.com/janedoe", "https://janedoe.dev"):
        me = build_profile(f"Jane Doe\n{contact}\nData Scientist\n", now=NOW)
        assert me.headline == "Data Scientist", contact
    assert build_profile("Jane Doe\nData Scientist at Acme.ai\n", now=NOW).headline == \
        "Data Scientist at Acme.ai"
    # a phone number, a zip code or a street number still is
    for contact in ("(617) 555-0199", "Boston, MA 02115", "120 Elm Street, Boston"):
        assert build_profile(f"Jane Roe\n{contact}\n", now=NOW).headline == "", contact


def test_a_place_alone_under_the_name_is_no_headline() -> None:
    # "Seattle, WA" on its own line under the name (its contact line below) was the headline,
    # shown as such and read into the resume's title ("Seattle, WA / Data Analyst")
    for place in ("Seattle, WA", "Edinburgh, UK", "Berlin", "London, United Kingdom"):
        me = build_profile(f"Jane Doe\n{place}\njane@example.com | (206) 555-0100\n\n"
                           "Experience\nData Analyst, Acme Corp, Jan 2019 - Present\n", now=NOW)
        assert me.headline == "", place
        assert build_profile(f"Jane Doe\n{place}\nData Scientist\n", now=NOW).headline == \
            "Data Scientist", place
    # a line that says more than a place stays the headline
    for line in ("Data Scientist, Berlin", "Machine Learning, Berlin", "Open to work"):
        assert build_profile(f"Jane Doe\n{line}\njane@example.com\n", now=NOW).headline == line



def test_a_role_leading_a_contact_line_is_the_headline() -> None:
    # "Senior MLOps Engineer | Seattle, WA | m@example.com | linkedin.com/in/m" under the name
    # was all contact data: the profile showed no headline and the role was not read
    for line, role in (
            ("Senior MLOps Engineer | Seattle, WA | m@example.com | linkedin.com/in/m",
             "Senior MLOps Engineer"),
            ("Backend engineer moving into ML · Austin, TX · d@example.com",
             "Backend engineer moving into ML")):
        assert build_profile(f"Marcus Lind\n{line}\n\nProfile\nKubernetes, Python\n",
                             now=NOW).headline == role, line
    # a contact line led by a place or a phone, not a role, gives none
    for line in ("Seattle, WA | m@example.com", "(617) 555-0199 | m@example.com"):
        assert build_profile(f"Marcus Lind\n{line}\n", now=NOW).headline == "", line


def test_a_new_graduate_with_only_student_jobs_has_zero_years() -> None:
    # unknown years were matched as 3 years and a mid level; internships and TA posts
    # are no professional years: 0, and junior
    text = ("# Wei Zhang\nMachine learning graduate\n\n## Experience\n"
            "**Machine Learning Intern** | Acme AI | Jun 2024 – Sep 2024\n"
            "**Teaching Assistant, Deep Learning** | UCE | Oct 2024 – Jun 2025\n\n"
            "## Skills\nPython, PyTorch\n")
    me = build_profile(text, now=NOW)
    assert (me.years, me.seniority) == (0.0, "junior")
    # no dated role and nothing stated: unknown, as before
    assert years_of_experience("Jane Roe\nData Scientist\nPython\n", []) is None


@pytest.mark.parametrize("title", ["Post-doctoral Researcher", "Post-Doctoral Research Fellow",
                                   "Post Doctoral Research Associate", "Postdoctoral Researcher"])
def test_a_postdocs_years_count_however_it_is_spelt(title: str) -> None:
    # "Post-doctoral Researcher" read as a student's role ("doctoral", as a PhD's "doctoral
    # researcher" is): a postdoc of 3.5 years after the PhD read 0 years, junior
    text = (f"Jane Doe\nComputational Biologist\n\nExperience\n{title}, Example Institute\n"
            "Jan 2022 - Jun 2025\n\nEducation\nPhD, Computational Biology, Example University, "
            "2016 - 2021\n")
    me = build_profile(text, now=NOW)
    assert [(r.title, r.counts) for r in me.roles] == [(title, True)]
    assert me.years == 3.5
    # a doctoral researcher (a PhD student) is still a student's role
    student = text.replace(title, "Doctoral Researcher").replace("Jan 2022", "Jan 2021")
    assert build_profile(student, now=NOW).years == 0.0


def test_master_in_a_job_title_is_not_a_degree() -> None:
    text = ("Master Data Management Analyst | X Ltd | 2019 - 2021\n- golden records\n- SQL\n\n"
            "Scrum Master | Y Ltd | 2021 - 2022\n- sprints\n- Jira\n\n"
            "Masters Research Project | Z University | 2017 - 2018\n")
    assert [(r.title, r.counts) for r in find_roles(text, NOW)] == [
        ("Master Data Management Analyst", True), ("Scrum Master", True),
        ("Masters Research Project", False)]


def test_french_and_spanish_dates() -> None:
    cases = {"févr. 2020 – aujourd'hui": (2, 6), "juil. 2018 – juin 2019": (7, 6),
             "Août 2019 - Présent": (8, 6), "ene 2019 – actualidad": (1, 6),
             "ago. 2017 – dic. 2018": (8, 12)}
    for dates, (first, last) in cases.items():
        roles = find_roles(f"Data Engineer, X\n{dates}\n", NOW)
        assert [(r.start % 12 + 1, r.end % 12 + 1) for r in roles] == [(first, last)], dates


def test_a_month_is_a_whole_word_and_present_a_whole_word() -> None:
    # the German/French/Spanish abbreviations (ago, dic, mai) and the English ones (nov, mar)
    # read inside a place or employer name: "Chicago 2019" started in August, "Nordic 2017"
    # in December, "Frankfurt am Main 2015" in May, "Novartis 2018" in November
    text = ("Data Analyst, Chicago 2019 – 2021\n- churn reports\n"
            "Analyst, Nordic 2017 – 2019\n- Excel\n"
            "Research Analyst, Frankfurt am Main 2015 - 2017\n- SQL\n"
            "Data Scientist, Novartis 2012 – 2014\n- R\n")
    assert [r.start % 12 + 1 for r in find_roles(text, NOW)] == [1, 1, 1, 1]
    # "presentation" is no "present": no role runs from 2021 to today
    assert find_roles("Analyst, Energy Dept, 2021 - presentation to the board\n", NOW) == []
    # whole month names and "currently" still read
    roles = find_roles("Data Engineer, X\nMay 2019 - currently\nAnalyst, Y\nSeptember 2016 – "
                       "Dec 2018\nIngenieur, Z\nMärz 2014 – Juni 2016\nIntern, W\n"
                       "Febuary 2013 – Aug. 2013\n", NOW)
    assert [(r.start % 12 + 1, r.end % 12 + 1) for r in roles] == [(5, 6), (9, 12), (3, 6), (2, 8)]


def test_a_us_students_terms_are_dated_roles() -> None:
    # "Summer 2024" and "Fall 2023 – Spring 2024" were no dates: a new graduate with only
    # internships and a co-op had unknown years and was matched as 3 years at mid level
    text = ("Priya Raman\nData science student\n\nExperience\n"
            "Data Science Intern, Wayfair — Boston, MA\nSummer 2024\n- Forecasting in Python\n\n"
            "Software Engineering Co-op, HubSpot\nFall 2023 – Spring 2024\n- React, SQL\n\n"
            "Machine Learning Intern | Acme | Summer 2022\n- PyTorch\n\n"
            "Skills\nPython, SQL\n")
    me = build_profile(text, now=NOW)
    assert [(r.title, r.start % 12 + 1, r.months, r.counts) for r in me.roles] == [
        ("Data Science Intern", 6, 3, False), ("Software Engineering Co-op", 9, 9, False),
        ("Machine Learning Intern", 6, 3, False)]
    assert (me.years, me.seniority) == (0.0, "junior")
    # a term in a sentence or a bullet names no role
    assert find_roles("Summary\nAvailable from Summer 2026\n- shipped it in Fall 2023\n", NOW) == []
    assert find_roles("Data Scientist\nAvailable from Fall 2026\n", NOW) == []  # not begun


def test_dated_projects_and_activities_are_no_jobs() -> None:
    # a student's dated club and project entries counted as professional years, and
    # "Lead developer" made them staff-plus (main read this resume as 2 years, staff-plus)
    text = ("Sam Lee\nData science student\n\nExperience\nData Science Intern, Acme\nSummer 2023\n\n"
            "Leadership & Activities\nPresident, Data Science Club, Fall 2021 – Spring 2023\n\n"
            "Projects\nLead developer, churn model, 2022 - 2023\n\nSkills\nPython, SQL\n")
    me = build_profile(text, now=NOW)
    assert len(me.roles) == 3 and not any(r.counts for r in me.roles)
    assert (me.years, me.seniority) == (0.0, "junior")
    # a job after such a section, under its own heading, counts
    text += "\nWork Experience\nData Analyst, Beta, 2024 - 2025\n"
    assert [r.counts for r in build_profile(text, now=NOW).roles] == [False, False, False, True]
    # a title that starts with such a word is no heading
    text = ("Experience\nProject Manager, Acme, 2019 - 2021\n- delivery\nVolunteer Coordinator\n"
            "Red Cross, 2021 - 2022\nData Analyst, Beta, 2022 - 2024\n")
    assert [r.counts for r in build_profile(text, now=NOW).roles] == [True, True, True]


def test_a_qualified_experience_heading_ends_the_section_above() -> None:
    # "Professional / Relevant Experience" was no heading: a projects section above it ran
    # on over the jobs (0 years, junior), an education section took them in (no role), and
    # the project's title was read from the side heading ("Selected Projects")
    jobs = "Data Scientist, Acme\nJan 2019 – Mar 2024\n"
    for above, heading in (("Projects\nChurn model, Kaggle, 2022 - 2023\n", "Professional Experience"),
                           ("Education\nM.S. Statistics, 2018\n", "Professional Experience"),
                           ("Selected Projects\nChurn model, Kaggle, 2022 - 2023\n", "Relevant Experience")):
        me = build_profile(f"Jane Doe\nData Scientist\n\n{above}\n{heading}\n{jobs}", now=NOW)
        assert [(r.title, r.counts) for r in me.roles if r.counts] == [("Data Scientist", True)]
        assert me.years == 5.2
        assert all(r.title != "Selected Projects" for r in me.roles)


def test_the_field_after_a_degrees_name_is_read() -> None:
    # "Master of Science, Business Analytics" read the field as "Science" (no skill)
    for line, skill in (("Master of Science, Business Analytics", "business analytics"),
                        ("Bachelor of Arts, Statistics and Economics", "statistics"),
                        ("Master of Engineering in Machine Learning", "machine learning")):
        text = f"Jane Roe\nData Analyst\n\nEducation\n{line}, Example University, 2019\n"
        assert skill in build_profile(text, now=NOW).skills, line


def test_an_abbreviated_year_is_a_date() -> None:
    # "Jan '19 – Mar '21" found no role: the years were unknown (matched as 3, mid level)
    for dates, months in (("Jan '19 – Mar '21", 27), ("Jan. '19 - Mar. '21", 27),
                          ("Sep ’20 – Present", 70), ("'18 - '20", 36)):
        text = f"Jane Doe\nData Scientist\n\nExperience\nData Scientist, Acme, {dates}\n- SQL\n"
        roles = find_roles(text, NOW)
        assert [(r.title, r.months) for r in roles] == [("Data Scientist", months)], dates
    # a year of the last century, and no decade ("the '90s") read as a year
    old = find_roles("Analyst, Acme, Mar '98 – Jun '01\n", NOW)
    assert [(r.start // 12, r.end // 12) for r in old] == [(1998, 2001)]
    assert find_roles("Engineer, Acme: music of the '80s - '90s\n", NOW) == []


def test_a_degree_field_in_brackets_is_read() -> None:
    # "Master of Science (Statistics)" and "MSc (Statistics)" read no field
    for line in ("Master of Science (Statistics), Stanford University, 2018",
                 "MSc (Statistics) - University of Leeds", "B.Sc. (Hons) Statistics"):
        assert degree_skills(f"Education\n{line}\n") == ["statistics"], line
    assert degree_skills("Education\nMSc (Machine Learning), UCL\n") == ["machine learning"]
    assert degree_skills("Education\nMSc (Distinction), UCL\n") == []  # a grade, no field


@pytest.mark.parametrize("line", [
    "BSc (Honours) Statistics", "B.Sc. (Honours) in Statistics", "MSc (Distinction) Statistics",
    "Master of Science (M.S.) in Statistics", "Master of Science (MSc) Statistics",
    "M.S. (2019) Statistics, University of Leeds", "BSc (First Class Honours) Statistics",
])
def test_a_bracket_that_names_no_field_is_passed_over(line: str) -> None:
    # an honour, a grade, the degree's letters or a year in brackets: the field after them
    # was lost (the bracket's words were taken for the field)
    assert degree_skills(f"Education\n{line}\n") == ["statistics"]


def test_a_title_with_no_role_word_is_not_the_employer() -> None:
    # the title two lines above the dates, the employer between: the role was "Starbucks"
    text = ("Jordan Smith\nFriendly team player\n\nExperience\n"
            "Shift Supervisor\nCorner Coffee\nJan 2021 - Present\n- Trained new staff\n\n"
            "Barista\nStarbucks\nJun 2018 - Dec 2020\n- Made drinks\n")
    assert [r.title for r in find_roles(text, NOW)] == ["Shift Supervisor", "Barista"]
    # the other layout, the employer first: the resume's own entries say which line is which
    text = ("Jordan Smith\n\nExperience\nCorner Coffee\nShift Supervisor\nJan 2021 - Present\n\n"
            "Starbucks\nBarista\nJun 2018 - Dec 2020\n")
    assert [r.title for r in find_roles(text, NOW)] == ["Shift Supervisor", "Barista"]
    # with no other entry to go by, a line that reads as a company is passed over
    text = "Jordan Smith\n\nExperience\nBarista\nCorner Coffee Co.\nJun 2018 - Dec 2020\n"
    assert [r.title for r in find_roles(text, NOW)] == ["Barista"]
    # "Co-op" is no company's "Co."
    roles = find_roles("Jordan Smith\n\nExperience\nAcme\nCo-op\nJan 2024 - Apr 2024\n", NOW)
    assert [(r.title, r.counts) for r in roles] == [("Co-op", False)]
    # never a heading above the entry
    text = "Jordan Smith\n\nExperience\nCorner Coffee Co.\nJun 2018 - Dec 2020\n"
    assert [r.title for r in find_roles(text, NOW)] == ["Corner Coffee Co."]


def test_a_name_holding_a_role_word_is_blanked() -> None:
    # "Sam Head" was read as a title and never blanked; a surname that is a skill (Spark)
    # beside it was then a skill
    for name, contact in (("Sam Spark Head", "sam.spark.head@example.com"),
                          ("Will Lead", "Austin, TX"),
                          ("Jane Spark Fellow", "linkedin.com/in/jane-spark-fellow"),
                          ("Sam Head", "Austin, TX")):
        text = (f"{name}\nData Engineer\n{contact}\n\nExperience\nData Engineer, Acme, "
                f"2019 - 2023\n- dbt models\n\n{name} - page 2\n")
        profile = build_profile(text, now=NOW)
        assert profile.name == name
        assert name.lower() not in without_name(text, name, profile.headline).lower(), name
        assert "Apache Spark" not in profile.skills, name
    # a first line that is a title, not a name, is still kept
    # (the place under it is no headline: the title is, and no name is read)
    for title in ("Team Lead", "Data Scientist", "Head of Data"):
        text = f"{title}\nAustin, TX\n\nExperience\n{title}, Acme, 2019 - 2023\n"
        me = build_profile(text, now=NOW)
        assert (me.name, me.headline) == ("", title)
        assert without_name(text, title, "") == text, title
        assert without_name(text, me.name, me.headline) == text, title


def test_ba_and_ma_without_dots_are_degrees_on_an_education_line() -> None:
    # "BA Statistics" read as no degree ("B.A. Statistics" was a bachelor's)
    assert highest_degree("Education\nBA Statistics, University of Leeds, 2018\n") == "bachelor"
    assert degree_skills("Education\nBA Statistics, University of Leeds, 2018\n") == ["statistics"]
    assert highest_degree("Education\n- MA in Economics, 2019\nBA Statistics\n") == "masters"
    assert degree_skills("Education\nMA (Statistics), LSE\n") == ["statistics"]
    # elsewhere the letters are a state or an airline: no degree
    assert highest_degree("Experience\nAnalyst, Acme, Boston, MA, 2019 - 2021\n") == "none-stated"
    assert highest_degree("Education\nHarvard University, Cambridge, MA\n") == "none-stated"
    assert highest_degree("Experience\nBA Cityflyer ground staff, 2019\n") == "none-stated"


def test_a_chinese_resume_reads_its_dates_degree_and_level() -> None:
    # a Chinese resume's "2019年3月 – 2022年6月", "2022年7月 – 至今", its "硕士" / "本科" and
    # "高级" (senior) were not read: no years, no degree, level from nothing (3 years, mid)
    text = (Path(__file__).parent / "fixtures" / "resume-zh.txt").read_text(encoding="utf-8")
    profile = build_profile(text, now=NOW)
    # Mar 2019 - Jun 2022 (40 months) + Jul 2022 - Jun 2026 (48); not the internship under
    # 实习经历 (internships) nor the education's dates
    assert profile.years == 7.3
    assert [(r.title, r.counts) for r in profile.roles] == [
        ("高级机器学习工程师", True), ("机器学习工程师", True), ("算法实习生", False)]
    assert (profile.degree, profile.phd, profile.seniority) == ("masters", False, "senior")
    assert profile.headline == "高级机器学习工程师"
    assert {"Python", "PyTorch", "Apache Spark", "Kubernetes"} <= set(profile.skills)


@pytest.mark.parametrize(("line", "degree", "phd"), [
    ("清华大学  计算机科学  博士  2015年9月 – 2020年6月", "phd", True),
    ("北京大学  统计学  博士在读  2023.09 – 至今", "masters", False),  # (a PhD under way)
    ("浙江大学  软件工程  学士  2010.09 – 2014.06", "bachelor", False),
])
def test_chinese_degrees(line: str, degree: str, phd: bool) -> None:
    text = f"王芳\n\n教育背景\n{line}\n复旦大学  数学  硕士  2020年9月 – 2023年6月\n"
    if degree == "bachelor":
        text = f"王芳\n\n教育背景\n{line}\n"
    profile = build_profile(text, now=NOW)
    assert (profile.degree, profile.phd) == (degree, phd)


@pytest.mark.parametrize(("line", "months"), [
    ("机器学习工程师  2019年3月 – 2022年6月", 40),
    ("机器学习工程师  2019.03 - 2022.06", 40),
    ("机器学习工程师  2018年 至 2020年", 36),
    ("机器学习工程师  2024年1月至今", 30),
    ("机器学习工程师  2024.01～至今", 30),
    # full-width digits: no role was read
    ("机器学习工程师  ２０１９年３月 – ２０２２年６月", 40),
    ("机器学习工程师  ２０２４．０１～至今", 30),
])
def test_chinese_dates(line: str, months: int) -> None:
    [role] = find_roles(f"工作经历\n{line}\n", NOW)
    assert (role.title, role.months) == ("机器学习工程师", months)


@pytest.mark.parametrize(("education", "degree"), [
    # a PhD under way is no PhD held: these read "phd", so a PhD studentship was halved for
    # a student and a posting asking a PhD counted as met
    ("PhD in Computer Science (expected 2027), MIT\nMSc Statistics, 2020", "masters"),
    ("Ph.D., Computer Science, MIT (expected May 2027)", "none-stated"),
    ("PhD in Computer Science, ABD, MIT\nBSc Physics, 2015", "bachelor"),
    ("PhD Computer Science (in progress), MIT\nM.S. Statistics", "masters"),
    ("PhD in Machine Learning, MIT\nSeptember 2022 – Present\nMSc Physics, 2021", "masters"),
    ("PhD Candidate, Computer Science, MIT, 2022 – Present\nMSc Physics, 2021", "masters"),
    ("東京大学 博士課程\n東京大学 修士 2017年4月〜2019年3月", "masters"),  # (doctoral course)
    # dated to "now" as a role's dates say it (``_TO``, ``_NOW_WORDS``): the PhD's dates said
    # only in English ("– Present") were read as under way, and these as a PhD held
    ("PhD Informatik, TU München\nOkt. 2022 – heute\nM.Sc. Informatik, 2021", "masters"),
    ("PhD Informatik, TU München, 10/2022 bis heute\nM.Sc. Informatik, 2021", "masters"),
    ("PhD, Sorbonne Université\nsept. 2022 – aujourd'hui\nMaster, 2021", "masters"),
    ("博士 清华大学\n2021年9月 – 目前\n硕士 北京大学 2021年", "masters"),
    # a PhD held still reads so, with a thesis title or the year on the next line
    ("PhD in Physics, MIT, 2018. Thesis: Current-driven instabilities", "phd"),
    ("PhD in Computer Science, MIT\n2015 – 2020", "phd"),
    ("PhD in Economics, MIT, 2012 – 2017\nThesis: Expected utility under ambiguity", "phd"),
    ("PhD in Genetics, MIT, 2018\nThesis: Candidate genes of longevity", "phd"),
    ("PhD in Physics, MIT, 2020\nPostdoc, Stanford, 2020 – Present", "phd"),
    ("PhD in Physics, MIT\nResearch Scientist, Google, 2020 – Present", "phd"),
    ("東京大学 博士（工学） 2015年3月", "phd"),
    ("東京大学 博士課程修了 2015年3月", "phd"),
])
def test_a_phd_under_way_is_no_phd_held(education: str, degree: str) -> None:
    text = f"Jane Doe\n\nEducation\n{education}\n"
    assert highest_degree(text) == degree
    # and the profile says the PhD is under way (it read "masters" with no word of it)
    assert phd_under_way(text) is (degree != "phd")


@pytest.mark.parametrize(("text", "under_way"), [
    # no education section: "PhD student" read anywhere, so a mentor's, an adviser's was
    # "a PhD under way, not yet held"
    (("Jane Doe\nExperience\nAcme, ML Engineer, 2019 - Present\n"
     "- Mentored a PhD student on PyTorch models\n"), False),
    (("Jane Doe\nExperience\nLab, Research Scientist, 2015 - Present\n"
     "- Co-advised one doctoral candidate\n"), False),
    ("李明\n工作经历\n某公司 研究员 2018 - 至今\n- 指导博士生一名\n", False),
    # one's own, as a headline or a line of its own, still is
    ("Jane Doe, PhD candidate\nExperience\nLab, Research Assistant, 2022 - Present\n", True),
    ("Jane Doe\nPhD student at MIT | machine learning\n", True),
    ("Jane Doe\n- PhD Candidate, Computer Science\n", True),
    ("李明\n博士在读，清华大学\n", True),
])
def test_a_phd_student_outside_education_is_one_named_as_oneself(
        text: str, under_way: bool) -> None:
    assert phd_under_way(text) is under_way
    assert build_profile(text, now=NOW).phd_under_way is under_way


def test_a_japanese_resume_counts_its_jobs_not_its_schooling() -> None:
    # its school dates under 学歴 (education) read as 6 years of jobs, and the job's
    # "2019年4月〜現在" (to now) not at all
    text = ("山田太郎\n機械学習エンジニア\n\n職務経歴\n"
            "株式会社サンプル  機械学習エンジニア  2019年4月〜現在\n- Python\n\n"
            "学歴\n東京大学 修士 2017年4月～2019年3月\n東京大学 学士 2013年4月～2017年3月\n")
    profile = build_profile(text, now=NOW)
    assert [(r.months, r.counts) for r in profile.roles] == [(87, True)]
    assert (profile.years, profile.degree) == (7.2, "masters")
    # and the note on a resume mostly not in Latin letters names Japanese among those read
    # (it named Chinese, not Japanese, which readBB taught the reader)
    assert any("Chinese or Japanese" in note for note in reading_notes(profile))


@pytest.mark.parametrize(("line", "held", "not_held"), [
    # a skill the resume names only as one it lacks or is learning was held, and implied its
    # umbrella ("No experience with Docker yet": Docker, containerization)
    ("No experience with Docker yet.", [], ["Docker"]),
    ("Not familiar with Prometheus or Grafana.", [], ["Prometheus", "Grafana"]),
    ("Currently learning Terraform.", [], ["Terraform"]),
    ("Learning: Rust, Terraform", [], ["Rust", "Terraform"]),
    ("Never used Kubernetes; strong in Docker.", ["Docker"], ["Kubernetes"]),
    ("No experience with Docker, but strong in Kubernetes.", ["Kubernetes"], ["Docker"]),
    # named elsewhere as used, or not negated: held
    ("No experience with Docker in production; used Docker for local tests.", ["Docker"], []),
    ("Cut deploy time with no downtime on Kubernetes.", ["Kubernetes"], []),
    ("Limited experience with Terraform.", ["Terraform"], []),
])
def test_a_skill_named_only_as_lacked_or_being_learnt_is_not_held(
        line: str, held: list[str], not_held: list[str]) -> None:
    text = ("Jane Doe\nData Scientist\n\nExperience\nData Scientist, Acme, 2020 - Present\n"
            f"- Built models in Python and SQL.\n\nSkills\n{line}\n")
    skills = build_profile(text, now=NOW).skills
    assert set(held) <= set(skills) and not set(not_held) & set(skills), skills
