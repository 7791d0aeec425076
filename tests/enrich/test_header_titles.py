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

from mljobs.enrich import enrich_record
from mljobs.enrich.features import role_title
from mljobs.enrich.pipeline import prepare_record
from mljobs.enrich.roles import listed_roles
from mljobs.sources.hn_format import parse_header

from .hn_records import hn_record

PITCH = ("\n\nWe build a data-integration platform for hospitals and publish what we learn. "
         "We are a small team of engineers and researchers in a loft with a whiteboard.\n\n"
         "Email jobs@orbital.example with a few lines about yourself.\n")


@pytest.mark.parametrize(
    ("segment", "roles"),
    [
        ("Founding (AI/Software) Engineer + Founding Research Scientist",
         ["Founding (AI/Software) Engineer", "Founding Research Scientist"]),
        ("Cryptographic Engineer & Protocol Engineer", ["Cryptographic Engineer", "Protocol Engineer"]),
        ("Research Scientists and Research Engineers", ["Research Scientists", "Research Engineers"]),
        # one title: a level or a kind before one noun, a note in brackets, a role and its field
        ("Senior & Staff Engineers", ["Senior & Staff Engineers"]),
        ("Backend + Data Engineer", ["Backend + Data Engineer"]),
        ("Founding Engineers and Designer", ["Founding Engineers and Designer"]),
        ("Full-Stack Engineer (AI + Backend)", ["Full-Stack Engineer (AI + Backend)"]),
        ("Director of Computational Biology and AI Scientists",
         ["Director of Computational Biology and AI Scientists"]),
        ("Mobile Engineers, Devops Engineers and Engineering Managers",
         ["Mobile Engineers, Devops Engineers and Engineering Managers"]),
    ],
)
def test_a_header_segment_joining_two_titles_names_two_roles(segment: str, roles: list[str]) -> None:
    assert parse_header(f"Orbital | {segment} | Boston | Full-time")["roles"] == roles


def test_a_post_whose_header_joins_two_titles_is_labelled_by_its_ml_role() -> None:
    text = "Founding Platform Engineer + Founding ML Scientist | Boston | https://orbital.example/" + PITCH
    prep = prepare_record(hn_record(text))
    assert prep.roles == ["Founding Platform Engineer", "Founding ML Scientist"]
    assert prep.role == "Founding ML Scientist"  # (the first ML/data role; before, no role)
    # (the model reads the header, which names both, as the store path reads a post's title)
    assert prep.title == text.split("\n", 1)[0]
    assert enrich_record(hn_record(text))["roles"] == ["Founding Platform Engineer", "Founding ML Scientist"]


def test_a_bracketed_note_inside_a_joined_title_stays_in_it() -> None:
    text = "Founding (AI/Software) Engineer + Founding Research Scientist | NYC | https://orbital.example/" + PITCH
    prep = prepare_record(hn_record(text))
    assert prep.roles == ["Founding (AI/Software) Engineer", "Founding Research Scientist"]
    assert prep.role == "Founding (AI/Software) Engineer"  # (its "AI": the first ML/data role)


def test_a_header_of_two_role_segments_without_a_list_names_both() -> None:
    text = "Gridco | Fullstack Platform Engineer | Perception Engineer | Remote (US)" + PITCH
    assert listed_roles(text).titles == ["Fullstack Platform Engineer", "Perception Engineer"]
    # (one role segment and a place, pay or a note: the record's title names the role, as before)
    one = "Gridco | Fullstack Platform Engineer | INTERNS , HYBRID/REMOTE, Zurich | Remote (US)" + PITCH
    assert listed_roles(one).titles == []
    team = "Gridco | Equity/Founding Team | Fullstack Platform Engineer | Remote (US)" + PITCH
    assert listed_roles(team).titles == []


def test_a_header_of_several_roles_comes_before_the_list_below_it() -> None:
    # (Normcore's shape: the header names the first ad's role and a stack's "roles"; a second
    # ad, appended under "---", names its own role; before, only the second ad's role was listed)
    text = ("Gridco | Senior SWE Kubernetes / Devops Engineer | Full-time | Remote | Go/Postgres roles"
            + PITCH + "\n---\n\nGridco | Head of Strategic Finance | Full-time | Remote\n\n"
            "Model our revenue and design pricing. Email jobs@gridco.example.\n")
    prep = prepare_record(hn_record(text))
    assert prep.roles[:2] == ["Senior SWE Kubernetes / Devops Engineer", "Head of Strategic Finance"]
    assert prep.role == "Senior SWE Kubernetes / Devops Engineer"


def test_a_link_labelled_role_is_the_header_role_it_names() -> None:
    # (JustPark's shape: "DevOps role: <link>" lines below a header naming the same two roles)
    text = ("Parkco | Mid-level DevOps Engineer | Software Engineer II | Full-time | Dallas, TX" + PITCH
            + "\nDevOps role: https://jobs.example/1\n\nSoftware Engineer II role: https://jobs.example/2\n")
    assert listed_roles(text).titles == ["DevOps role", "Software Engineer II role"]


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


def test_a_sentence_about_its_writer_is_no_role_line() -> None:
    text = ("Confluent Labs | hourly consultant | remote\n\n"
            "Research analyst (non-technical) looking for someone to help bridge the gap on some "
            "of the more technical aspects of GPU clouds.\n\nPart time hourly work.\n")
    assert listed_roles(text).titles == []
    # (a title whose line goes on after its note with a separator or a capital stays one)
    kept = ("Gridco | Remote\n\nWe hire two people this spring for our data team in Berlin.\n\n"
            "Data Scientist (Senior) - Berlin, forecasting demand.\n\n"
            "Research Analyst (Junior) - Remote, market sizing.\n")
    assert listed_roles(kept).titles == ["Data Scientist", "Research Analyst"]


@pytest.mark.parametrize("verb", ["is looking for", "needs someone to", "here seeking"])
def test_a_writers_sentence_with_other_verbs_is_no_role_line(verb: str) -> None:
    text = ("Confluent Labs | hourly consultant | remote\n\n"
            f"Research analyst (non-technical) {verb} help bridge the gap on some of the more "
            "technical aspects of GPU clouds.\n\nPart time hourly work.\n")
    assert listed_roles(text).titles == []


def test_a_sentence_about_the_role_itself_stays_a_role_line() -> None:
    # (its subject is the role: "is" or "needs" alone is no seeker's verb, as "looking" is)
    text = ("Gridco | Berlin\n\nOpen roles:\n"
            "- Senior ML Engineer (Berlin) is our first hire in Europe, on the forecasting team.\n"
            "- Data Engineer (Remote) needs strong SQL and owns our pipelines.\n")
    assert listed_roles(text).titles == ["Senior ML Engineer", "Data Engineer"]


@pytest.mark.parametrize(("header", "title"), [
    ("Acme | Platform Team - Senior ML Engineer | Remote", "Senior ML Engineer"),
    ("Acme | ML Platform Team \u2013 Staff ML Engineer | Remote | $200k", "Staff ML Engineer"),
])
def test_a_team_before_the_title_in_a_header_segment_leaves_the_title(header: str, title: str) -> None:
    # ("Company | Team - Role": the title ended at the dash, "Platform Team", which names no
    # role, so the header's role was left out of the list below it)
    text = header + "\n\nWe rank search results.\n\nAlso hiring:\n- Senior Backend Engineer\n- Product Designer\n"
    prep = prepare_record(hn_record(text))
    assert prep.roles == [title, "Senior Backend Engineer", "Product Designer"]
    assert prep.role == title
    assert prep.title == f"{title} | {header}"
    # (a team after the title stays the title's: "Senior ML Engineer - Platform")
    after = "Acme | Senior ML Engineer - Platform | Remote" + text[text.index("\n"):]
    assert prepare_record(hn_record(after)).roles[0] == "Senior ML Engineer - Platform"
    # (the header's dash before no title: the header names no role of its own)
    place = "Acme | Multiple positions in Berlin - Remote OK | Remote" + text[text.index("\n"):]
    assert prepare_record(hn_record(place)).roles == ["Senior Backend Engineer", "Product Designer"]


def test_a_header_of_two_team_and_title_segments_names_both_titles() -> None:
    text = "Gridco | Platform Team - ML Engineer | Data Team - Data Scientist | Remote (US)" + PITCH
    assert listed_roles(text).titles == ["ML Engineer", "Data Scientist"]


# corpus and demo hn-46878732 (Verge Genomics), quoted
_VERGE = ("Verge Genomics (YC S15) | Multiple roles: Computational Biologists (all levels), Principal "
          "Full-stack Engineer, Senior Data Engineer, Staff AI Scientist (Foundation Models) | REMOTE (US) | "
          "Full-time\n\nVerge is transforming drug discovery by using artificial intelligence and proprietary "
          "human data to solve the biggest driver of rising drug costs: high clinical failure rates.\n\n"
          "We are hiring across engineering and computational biology. All roles are fully remote, but we "
          "are only considering applicants based in the United States -- with extant permission to work "
          "here (sorry, no visa sponsorships right now).\n\nSee our jobs: https://jobs.ashbyhq.com/verge-genomics\n")


def test_a_header_segment_listing_roles_after_a_label_names_each() -> None:
    # "Multiple roles: A, B, C" is a list, one title a comma: a post without a list of its own
    # lists them and is labelled by the first ML/data one; an item without a role noun is a
    # short capitalised title ("Computational Biologists", its note in brackets off). Before,
    # the segment was one summary and the post had no role.
    prep = prepare_record(hn_record(_VERGE, "hn-46878732"))
    assert prep.roles == ["Computational Biologists", "Principal Full-stack Engineer", "Senior Data Engineer",
                          "Staff AI Scientist (Foundation Models)"]
    assert prep.role == "Senior Data Engineer"
    assert prep.title == _VERGE.split("\n", 1)[0]  # (the model reads the header, as before)
    assert parse_header(_VERGE.split("\n", 1)[0])["company"] == "Verge Genomics"


def test_a_labelled_list_in_square_brackets_names_each() -> None:
    # (corpus AREO, hn-46466732: "Roles: [A (Ruby on Rails), B (Ruby on Rails), C]")
    text = ("AREO | Remote (EU) | Full-Time | Equity | Roles: [Engineering Manager (Ruby on Rails), Lead "
            "Product Engineer (Ruby on Rails), Senior Android Developer]" + PITCH)
    assert listed_roles(text).titles == ["Engineering Manager", "Lead Product Engineer", "Senior Android Developer"]


@pytest.mark.parametrize("segment", [
    "Multiple roles", "Roles: Backend", "Various roles: see our site, apply",
    "Multiple roles: Full Stack, Backend, Infra Engineer",  # (one item names a hire: no list of hires)
])
def test_a_role_summary_or_a_list_without_titles_names_none(segment: str) -> None:
    assert listed_roles(f"Gridco | {segment} | Remote (US)" + PITCH).titles == []


def test_a_labelled_header_list_does_not_add_to_the_posts_own_list() -> None:
    # (corpus Stack Influence, hn-46611165: the text lists the roles, whose titles it reads)
    text = ("Gridco | Multiple Openings: Full Stack Developer, Product Designer & UX Research | Remote\n\n"
            "Open roles:\n- Senior Full Stack JavaScript Developer\n- Product Designer and UX Researcher\n")
    assert listed_roles(text).titles == ["Senior Full Stack JavaScript Developer",
                                         "Product Designer and UX Researcher"]


@pytest.mark.parametrize("extra", ["Berlin", "NYC", "Remote", "Full-time", "Python", "AWS",
                                   # (readY) what the item says of the offer: listed before
                                   "Equity", "Visa Sponsorship", "Series A", "Relocation", "YC W24",
                                   "Security Clearance"])
def test_a_place_mode_or_tool_in_a_labelled_header_list_names_no_hire(extra: str) -> None:
    # (no corpus, dev or demo header lists one: readV's check of the rule, on AREO's header,
    # hn-46466732, with one item more) An item without a role noun is a title only when it is
    # none of these: before, "Berlin" and "Python" were listed as roles of their own.
    text = ("AREO | Remote (EU) | Full-Time | Equity | Roles: [Engineering Manager (Ruby on Rails), Lead "
            f"Product Engineer (Ruby on Rails), Senior Android Developer, {extra}]" + PITCH)
    assert listed_roles(text).titles == ["Engineering Manager", "Lead Product Engineer", "Senior Android Developer"]
    verge = (f"Verge Genomics (YC S15) | Multiple roles: Computational Biologists (all levels), {extra}, "
             "Senior Data Engineer, Staff AI Scientist | REMOTE (US)" + PITCH)
    assert listed_roles(verge).titles == ["Computational Biologists", "Senior Data Engineer", "Staff AI Scientist"]
