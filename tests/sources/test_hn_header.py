"""The company and fields of Hacker News header lines in shapes beyond ``Company | Role | ...``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.sources import hn_format as hn
from mljobs.sources.hn_format import parse_header


@pytest.mark.parametrize(
    ("header", "company", "roles"),
    [
        # a role first: the company is the segment the header's URL names, or none
        (("Senior ML Engineer | Ping Data Intelligence | REMOTE or ONSITE (Miami, FL) | Full-Time"
          " | https://www.pingintel.com"), "Ping Data Intelligence", ["Senior ML Engineer"]),
        ("Software Engineer (Contract) | Chicago, IL or REMOTE (US)", None,
         ["Software Engineer (Contract)"]),
        # a "Company:" segment names it wherever it stands
        ("Engineering Director, Developer Experience | Company: Adyen| San Francisco | Hybrid |",
         "Adyen", ["Engineering Director, Developer Experience"]),
        # what follows a spaced dash, a URL or a bracketed note is no part of the name
        (("Clutch https://www.clutchapp.io - building future of padel with AI cameras | Full-time"
          " | Frontend Engineer (Mobile)"), "Clutch", ["Frontend Engineer (Mobile)"]),
        ("40GRID - Full-time Remote | Program Manager", "40GRID", ["Program Manager"]),
        ("Weave (YC W25) | ML Engineer | SF", "Weave", ["ML Engineer"]),
        ("thelab (https://www.thelab.co) | Senior Backend Engineer | NYC", "thelab",
         ["Senior Backend Engineer"]),
        ("Coram.ai https://www.coram.ai | ML Engineers | Sunnyvale, CA", "Coram.ai", ["ML Engineers"]),
        ("Architect Financial Technologies | Chicago | Onsite", "Architect Financial Technologies", []),
        ("- | Data Engineer | NYC", None, ["Data Engineer"]),
        # a company whose name holds a role word is still the company
        ("Acme AI | Senior ML Engineer | San Francisco, CA | Hybrid", "Acme AI",
         ["Senior ML Engineer"]),
        ("Security Compass | Backend Developer | Toronto", "Security Compass", ["Backend Developer"]),
    ],
)
def test_header_company(header: str, company: str | None, roles: list[str]) -> None:
    h = parse_header(header)
    assert (h["company"], h["roles"]) == (company, roles)


@pytest.mark.parametrize(
    ("header", "locations"),
    [
        # a field, a trade or a stack is no place
        ("Acme | ROBOTICS | Data Engineer | Boston, MA", ["Boston, MA"]),
        ("Acme | Support Engineer | Remote | FinTech | Open Source | Startup", []),
        ("Acme | C++ AI | Golang | Berlin", ["Berlin"]),
        ("Acme | Engineer | 0.50%–1.50% | ~20 people | NYC", ["NYC"]),
        ("Acme | Growth Marketer | Technical Co-Founder | Paris", ["Paris"]),
        # work modes joined by "or" say how, not where ("Oregon" is a place)
        ("Acme | Austin, TX | Remote or Onsite | Full Time", ["Austin, TX"]),
        ("Acme | Remote (Oregon)", ["Remote (Oregon)"]),
    ],
)
def test_header_places(header: str, locations: list[str]) -> None:
    assert parse_header(header)["locations"] == locations


@pytest.mark.parametrize(
    ("header", "company"),
    [
        # a role first and no URL: the segment that reads as a firm's name is the company
        ("Data Analyst | Redistricting Data Hub | Remote (US)", "Redistricting Data Hub"),
        ("GTM Engineer | TestGorilla", "TestGorilla"),
        ("Senior ML Engineer | Acme Labs (YC W24) | Remote | $150k", "Acme Labs"),
        # ... and a place, a field, a stack or a note on the offer is none
        ("ML Engineer | Berlin | Remote", None),
        ("ML Engineer | San Francisco | Hybrid", None),
        ("ML Engineer | Oslo, Norway | Onsite", None),
        ("ML Engineer | NYC", None),
        ("ML Engineer | PyTorch | Remote", None),
        ("Support Engineer | Remote | FinTech | Open Source | Startup", None),
        ("Founding Engineer | Defense Startup | Munich/Remote", None),
        ("Research Scientist | Health Data | Boston", None),
    ],
)
def test_role_first_header_company_without_url(header: str, company: str | None) -> None:
    h = parse_header(header)
    assert h["company"] == company
    assert company is None or company not in h["locations"]


def test_role_first_header_company_named_by_a_link_of_the_text() -> None:
    header = "Senior ML Engineer | Quorbit | Remote (EU)"
    text = (f"{header}\n\nWe build forecasting models for grids. Apply: jobs@quorbit.com or "
            "https://quorbit-4411.teamtailor.com/jobs/12-ml-engineer")
    assert parse_header(header)["company"] is None  # (one capitalised word may be a city)
    got = parse_header(header, text)
    assert (got["company"], got["roles"], got["locations"]) == (
        "Quorbit", ["Senior ML Engineer"], ["Remote (EU)"])
    # a link to another site names no segment
    assert parse_header(header, "See https://www.berlin.de and https://github.com/q")["company"] is None


def test_corpus_row_role_first_header_company(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mljobs.sources.files import row_to_raw

    # a corpus row names the header's first segment its company, here the role
    row = {"id": "hn-1", "source": "hackernews", "title": "Data Analyst | Redistricting Data Hub | "
           "Remote (US)", "company": "Data Analyst", "posted_at": 1767369853,
           "text": "Data Analyst | Redistricting Data Hub | Remote (US)\n\nWe host data."}
    raw = row_to_raw(row, path=str(tmp_path / "p.jsonl"), line=1)
    assert (raw.company, raw.locations) == ("Redistricting Data Hub", ["Remote (US)"])
    row |= {"title": "Software Engineer | Oslo, Norway", "company": "Software Engineer",
            "text": "Software Engineer | Oslo, Norway\n\nWe build ships."}
    assert row_to_raw(row, path="p.jsonl", line=2).company is None
    row |= {"title": "Acme | Software Engineer | Oslo", "company": "Acme Corp",
            "text": "Acme | Software Engineer | Oslo\n\nWe build ships."}
    assert row_to_raw(row, path="p.jsonl", line=3).company == "Acme Corp"  # (the row's own)


def test_a_function_without_a_role_word_is_no_place() -> None:
    # "Machine Learning" names a role field; "Infra" and "Platform" name functions, not places
    h = parse_header("Acme | Machine Learning | Infra | Platform | Remote")
    assert (h["company"], h["roles"], h["locations"], h["remote"]) == (
        "Acme", ["Machine Learning"], [], "remote")


@pytest.mark.parametrize(
    ("header", "company", "roles", "locations"),
    [
        # a role first, then "at"/"@" and the company; what follows a comma is a pitch, "in" a place
        ("Senior Data Analyst at Stakely.io, the largest staking provider | Remote, Spain | Full-time",
         "Stakely.io", ["Senior Data Analyst"], ["Remote, Spain"]),
        ("Founding Engineer @ Quarry (Boston, ONSITE)", "Quarry", ["Founding Engineer"], ["Boston, ONSITE"]),
        ("Staff Backend Engineers @Lumen in NYC", "Lumen", ["Staff Backend Engineers"], ["NYC"]),
        # ... but "at" before no name is none; a hiring sentence names the role, then the
        # company (twenty-first session: before, it named neither)
        ("Data Scientist at heart | Acme | NYC", None, ["Data Scientist at heart"], ["Acme", "NYC"]),
        ("We're hiring a Founding GTM Lead at Skyline AI.", "Skyline AI", ["Founding GTM Lead"], []),
        # the company, then a colon and the role
        ("Quillby (YC W23): Founding Reliability Engineer – $200K-$270K", "Quillby",
         ["Founding Reliability Engineer"], []),
    ],
)
def test_role_at_company_and_company_colon_role(header: str, company: str | None, roles: list[str],
                                                locations: list[str]) -> None:
    h = parse_header(header)
    assert (h["company"], h["roles"], h["locations"]) == (company, roles, locations)


@pytest.mark.parametrize(
    ("header", "company", "roles", "locations", "remote"),
    [
        # segments split by spaced dashes or semicolons when there is no pipe
        ("Wolf Works — Director of Engineering — Remote (US/Canada) — Contract", "Wolf Works",
         ["Director of Engineering"], ["Remote (US/Canada)"], "remote"),
        ("Knollix — ONSITE (Munich, DE) — Full-time", "Knollix", [], ["ONSITE (Munich, DE)"], "onsite"),
        ("Tram Box - SRE - Fully remote", "Tram Box", ["SRE"], [], "remote"),
        ("Kreo; Fulltime; Onsite, San Francisco, CA", "Kreo", [], ["Onsite, San Francisco, CA"], "onsite"),
        # a place in brackets after the name is a place; a note, an acronym or a link is not
        ("Sprig (London/Bristol, UK) — Lead Full Stack Engineer — £85–120k — Hybrid", "Sprig",
         ["Lead Full Stack Engineer"], ["London/Bristol, UK"], "hybrid"),
        ("Arizona Optics (AO) | Software Engineer | Tucson, AZ", "Arizona Optics", ["Software Engineer"],
         ["Tucson, AZ"], None),
        # "Company: X" alone
        ("Company: Watchfield Health", "Watchfield Health", [], [], None),
        # "X is hiring ...": the name; the rest's role without what the hire will do
        ("Flexo (YC S23) Is Hiring a Security Engineer to harden our infra", "Flexo", ["Security Engineer"],
         [], None),
        ("Padlo (YC W13) Is Hiring in San Francisco and Singapore", "Padlo", [], ["San Francisco and Singapore"],
         None),
        # (its place since the twenty-first session: a hiring sentence's "in <places>")
        ("Duckling is hiring three engineers for 3 roles with hybrid work in SF. We're in-office MWF",
         "Duckling", [], ["SF"], None),
        # sentences and comments are no headers
        ("Hey HN - I'm George, founder of Figura. We build a canvas.", None, [], [], None),
        ("Careful - I applied to this role and the founder ghosted me.", None, [], [], None),
        ("Hacker News Post - Who is hiring?", None, [], [], None),
        ("Hiring – REMOTE LATAM - We build AI tools for law firms", None, [], [], None),
    ],
)
def test_headers_without_pipes(header: str, company: str | None, roles: list[str], locations: list[str],
                               remote: str | None) -> None:
    h = parse_header(header)
    assert (h["company"], h["roles"], h["locations"], h["remote"]) == (company, roles, locations, remote)


def test_a_kind_of_position_first_is_a_role_not_the_company(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mljobs.sources.files import row_to_raw

    # corpus and demo hn-47637817: the first segment names the position ("CS PhD position"),
    # the university is the employer; before, the company read "CS PhD position"
    header = "CS PhD position | Chalmers University | Sweden | ONSITE | machine learning for biology"
    text = (f"{header}\n\nAt CGR Lab (https://cgrlab.github.io/research/) based in Chalmers, Gothenburg, we "
            "work at the intersection of biology and machine learning.\n\nEmail your CV to csphdchalmers@gmail.com")
    got = parse_header(header, text)
    assert (got["company"], got["roles"][0], got["locations"]) == ("Chalmers University", "CS PhD position",
                                                                   ["Sweden"])
    row = {"id": "hn-47637817", "source": "hackernews", "title": header, "company": "CS PhD position",
           "posted_at": 1775299068, "text": text}
    assert row_to_raw(row, path=str(tmp_path / "p.jsonl"), line=1).company == "Chalmers University"
    # (a first segment that is a firm's name, a role noun or none in it, is the company as before)
    assert parse_header("Position Labs | ML Engineer | Remote")["company"] == "Position Labs"
    assert parse_header("Acme | Open positions | Remote")["company"] == "Acme"
    # (readV) a firm's name that ends in "Position", no later segment naming another firm, is
    # the company as before; a kind of position over no firm's name names none
    assert parse_header("Pole Position | Remote | Full-time | ML Engineer")["company"] == "Pole Position"
    assert parse_header("Pole Position | San Francisco | Data Engineer")["company"] == "Pole Position"
    assert parse_header("PhD positions | https://example.edu | Zurich")["company"] is None


def test_a_kind_of_position_in_title_case_names_no_firm() -> None:
    # (readY) readV's "Pole Position" rule took any capitalised singular "Position" for a name's
    # word: "PhD Position | Zurich | ..." read the company "PhD Position" (None before readV)
    for header in ["PhD Position | Zurich | Machine Learning", "Open Position | Remote | ML Engineer",
                   "Postdoc Position | Boston | Full-time", "Research Position | Remote | Full-time",
                   "Job Position | Berlin | Data Scientist", "Full-time Position | Remote | ML Engineer",
                   "Internship Position | Berlin | ML", "Machine Learning Position | Remote | Full-time",
                   "Data Science Position | Remote", "Faculty Position | Toronto | Tenure-track"]:
        got = parse_header(header)
        assert got["company"] is None, header
        assert header.split(" | ")[0] in got["roles"], header
    assert parse_header("Pole Position | Remote | Full-time | ML Engineer")["company"] == "Pole Position"


def test_corpus_row_first_segment_company_is_read_as_the_header_reads_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mljobs.sources.files import row_to_raw

    # a corpus row names the header's whole first segment its company: the header's reading of
    # it (a link, a bracketed note or a role before "at" left out) is the company
    for header, first, company in [
        ("Freeform (http://freeform.example ) | Software Engineers | Onsite", "Freeform (http://freeform.example )",
         "Freeform"),
        ("Senior Data Analyst at Stakely.io, the largest staking provider | Remote",
         "Senior Data Analyst at Stakely.io, the largest staking provider", "Stakely.io"),
        ("40GRID - Full-time Remote | Program Manager", "40GRID - Full-time Remote", "40GRID"),
    ]:
        row = {"id": "hn-1", "source": "hackernews", "title": header, "company": first,
               "posted_at": 1767369853, "text": f"{header}\n\nWe build things."}
        assert row_to_raw(row, path=str(tmp_path / "p.jsonl"), line=1).company == company


@pytest.mark.parametrize(
    ("header", "remote"),
    [
        # work modes named side by side: each is offered, so the freest one is the mode
        ("Acme | Software Engineer | ONSITE / HYBRID | Boston, MA", "hybrid"),
        ("Acme | Vienna, Austria | Onsite or Hybrid | Full-time", "hybrid"),
        ("Acme | Data Engineer | Chicago | Onsite / Remote", "remote"),
        ("Acme | Palo Alto, CA | Hybrid or Remote (US) | Full-time", "remote"),
        ("Acme | Munich | ONSITE PREFERRED (Remote possible)", "remote"),
        # remote work ruled out or only part of the week is no remote offer
        ("Acme | London, UK | ONSITE+PART REMOTE", "onsite"),
        ("Acme | NYC | Hybrid (2 days remote, 3 days in office)", "hybrid"),
        ("Acme | Oslo | Onsite, no remote", "onsite"),
        # one mode, a mode with days, or none
        ("Acme | SF (5 days onsite) | SRE", "onsite"),
        ("Acme | Berlin | ONSITE (2 days/week)", "onsite"),
        ("Acme | Remote (EU) | Full-time", "remote"),
        ("Acme | Berlin | Full-time", None),
    ],
)
def test_header_work_mode(header: str, remote: str | None) -> None:
    assert parse_header(header)["remote"] == remote


@pytest.mark.parametrize(
    ("header", "locations"),
    [
        ("Acme | Various | REMOTE (US)", ["REMOTE (US)"]),
        ("Acme | Multiple roles | Multiple locations | Full-time", []),
        ("Acme | Engineer | TBD | Lisbon", ["Lisbon"]),
        ("Acme | Multiple US locations (VA, PA, FL) | ONSITE", ["Multiple US locations (VA, PA, FL)"]),
    ],
)
def test_a_vague_segment_is_no_place(header: str, locations: list[str]) -> None:
    assert parse_header(header)["locations"] == locations


@pytest.mark.parametrize(
    ("header", "locations", "remote"),
    [
        # a work schedule says how one works, not where
        ("Acme | Menlo Park, CA | HYBRID (2-3 days/week)", ["Menlo Park, CA"], "hybrid"),
        ("Acme | NYC or Boston | ONSITE / HYBRID 3 days per week", ["NYC or Boston"], "hybrid"),
        ("Acme | London | 2x/week in office", ["London"], "onsite"),
        ("Acme | Engineer | In-office 4 days", [], "onsite"),
        # ... while a place next to it is kept, and "100% Remote" is no schedule
        ("Acme | NYC (Hybrid, 3 days onsite) | Engineer", ["NYC (Hybrid, 3 days onsite)"], "hybrid"),
        ("Acme | 100% Remote | Engineer", [], "remote"),
    ],
)
def test_a_work_schedule_is_no_place(header: str, locations: list[str], remote: str) -> None:
    h = parse_header(header)
    assert (h["locations"], h["remote"]) == (locations, remote)


@pytest.mark.parametrize(
    ("header", "locations", "remote"),
    [
        # a time zone or the hours to overlap with say when one works, not where
        ("Acme | Engineer | Remote-first with PST overlap", [], "remote"),
        ("Acme | Engineer | REMOTE (CET +/- 2h) | Full-time", [], "remote"),
        ("Acme | Engineer | Remote (UTC-1 to UTC+5)", [], "remote"),
        ("Acme | Engineer | Remote PT/ET Hours", [], "remote"),
        ("Acme | Engineer | Remote (West Coast hours)", [], "remote"),
        ("Acme | Engineer | Hybrid (Pacific time zone) | Seattle", ["Seattle"], "hybrid"),
        ("Acme | Engineer | Eastern Time Zone | Remote", [], "remote"),
        ("Acme | Engineer | Hiring GMT-8 to GMT+2 | Remote", [], "remote"),
        # ... while a place beside it is kept, and a place alone is still one
        ("Acme | Engineer | REMOTE (US time zones)", ["REMOTE (US time zones)"], "remote"),
        ("Acme | Engineer | Remote (CET overlap) or Brussels", ["Remote (CET overlap) or Brussels"],
         "remote"),
        ("Acme | Engineer | Europe (CET) | Remote", ["Europe (CET)"], "remote"),
        ("Acme | Engineer | Hartford, CT | Onsite", ["Hartford, CT"], "onsite"),
    ],
)
def test_a_time_zone_is_no_place(header: str, locations: list[str], remote: str) -> None:
    h = parse_header(header)
    assert (h["locations"], h["remote"]) == (locations, remote)


@pytest.mark.parametrize(
    ("header", "company"),
    [
        # a header line that is a sentence naming the company first
        ("At Quarry, we are transforming the way teams reach their data.", "Quarry"),
        ("At Grey Lynx (www.greylynx.example), we are a growing systematic fund.", "Grey Lynx"),
        ("We at Avrola are hiring in Austin for a full-time, onsite position.", "Avrola"),
        ("Sumbla is the newco from the founders of a data site. We are hiring engineers.", "Sumbla"),
        ("Atomic Widgets is building a manufacturing platform for micromachines.", "Atomic Widgets"),
        ("Turquoise Care is a series C HealthTech startup, spread out remotely.", "Turquoise Care"),
        # ... but a sentence's first word, a skill or a role is no name
        ("This is a great thread, thanks for sharing.", None),
        ("It is a long shot, but is anyone hiring in Lisbon?", None),
        ("Python is a must for every role below.", None),
        ("Senior Engineer is a title we no longer use.", None),
        ("Remote is the best way to work.", None),
    ],
)
def test_a_sentence_header_names_its_company(header: str, company: str | None) -> None:
    assert parse_header(header)["company"] == company


def test_kinds_of_contract_and_a_paragraph_are_no_roles() -> None:
    """"Full time, interns/co-ops" says the kinds of contract ("Interns" alone is a role);
    the post's first paragraph run into the header is no field at all."""
    h = parse_header("Acme Science | Albuquerque NM | Full time, interns/co-ops | https://acme.example")
    assert (h["roles"], h["employment_type"]) == ([], "Full time, interns/co-ops")
    assert parse_header("Acme (YC S15) Is Hiring Interns in AI for Summer 2026")["roles"] == ["Interns"]
    run_on = ("Acme (YC S11) | Software Engineers | 100% REMOTE (Global) | Full-Time Acme processes "
              "petabytes of data every month from web crawling. We have hundreds of customers using "
              "our data products.")
    h = parse_header(run_on)
    assert (h["roles"], h["locations"], h["remote"]) == (["Software Engineers"], ["100% REMOTE (Global)"],
                                                        "remote")


@pytest.mark.parametrize(
    ("header", "locations", "remote"),
    [
        # remote ruled out names no place ("No Remote" was a location)
        ("Acme | ML Engineer | NYC | No Remote", ["NYC"], None),
        ("Acme | ML Engineer | San Francisco | Onsite, no remote", ["San Francisco"], "onsite"),
        ("Acme | Data Scientist | Berlin | ONSITE / no remote", ["Berlin"], "onsite"),
        # ... while a place in the same segment is kept
        ("Acme | ML Engineer | Not remote, NYC", ["Not remote, NYC"], None),
    ],
)
def test_remote_ruled_out_is_no_place(header: str, locations: list[str], remote: str | None) -> None:
    fields = parse_header(header)
    assert (fields["locations"], fields["remote"]) == (locations, remote)


@pytest.mark.parametrize(("line", "role"), [
    ("Acme | Hiring Product Engineers | Remote", "Product Engineers"),
    ("Acme | HIRING: Frontend Developer (Contract) | Berlin", "Frontend Developer (Contract)"),
    ("Acme | Now hiring: ML Engineer | NYC", "ML Engineer"),
    ("Acme | ML Engineer - Now Hiring | Remote", "ML Engineer"),
    ("Acme | Hiring Coordinator | London", "Hiring Coordinator"),
    ("Acme | Head of Hiring | London", "Head of Hiring"),
])
def test_a_header_role_loses_its_hiring_label(line: str, role: str) -> None:
    assert parse_header(line)["roles"] == [role]


@pytest.mark.parametrize(
    ("header", "company", "locations", "employment", "remote"),
    [
        # a place alone in brackets after the name is a place when it is all place names
        ("Spiich Labs (Stockholm) | Founding GTM, Fullstack Engineer | Full-time | On-site",
         "Spiich Labs", ["Stockholm"], "Full-time", "onsite"),
        ("Parabola Labs (NYC / SF) | Enterprise Account Exec | Full-time | On-site Hybrid",
         "Parabola Labs", ["NYC / SF"], "Full-time", "hybrid"),
        # ... not an acronym or a note
        ("Twindo (Formerly Canvas; The Spatial Computing Company) | Full-time | Remote",
         "Twindo", [], "Full-time", "remote"),
        ("Acme (AOM) | Engineer | Remote", "Acme", [], None, "remote"),
        # a contract's kind beside a work mode and a place: the place (and the mode) is read too
        ("Proven Software | QA Analyst | REMOTE (US) Full-Time | $85k-$110k", "Proven Software",
         ["REMOTE (US)"], "REMOTE (US) Full-Time", "remote"),
        ("Rebuild | Sr. Software Engineer | Full time hybrid NYC", "Rebuild", ["hybrid NYC"],
         "Full time hybrid NYC", "hybrid"),
        ("Verkada | Frontend Engineer | ONSITE Full-Time San Mateo CA", "Verkada",
         ["ONSITE San Mateo CA"], "ONSITE Full-Time San Mateo CA", "onsite"),
        ("Common Prefix | Software Engineers | Greece - Remote – Full-Time", "Common Prefix",
         ["Greece - Remote"], "Greece - Remote – Full-Time", "remote"),
        ("Ringtail Labs | Sr Electrical Engineer | Contract/Remote (US) | $125 - $200/hr |",
         "Ringtail Labs", ["Remote (US)"], "Contract/Remote (US)", "remote"),
        # ... but no work mode, or no place, is only a contract ("Perm" is a city, not here)
        ("Lago (getlago.com) | Product & Engineering | Full-Time, Perm Hiring", "Lago", [],
         "Full-Time, Perm Hiring", None),
        ("40GRID - Full-time Remote | Program Manager", "40GRID", [], None, None),
    ],
)
def test_a_place_beside_the_name_or_the_contract_is_a_location(
        header: str, company: str | None, locations: list[str], employment: str | None,
        remote: str | None) -> None:
    h = parse_header(header)
    assert (h["company"], h["locations"], h["employment_type"], h["remote"]) == (
        company, locations, employment, remote)


_FUSIONAUTH = ("Varies between REMOTE (in USA, also in Europe but only for the sales positions) "
               "and ONSITE in Denver, CO, USA, details in each job desc")


@pytest.mark.parametrize(
    ("header", "roles", "locations", "remote"),
    [
        # a role's segment with a work mode: its pieces that are only places (and the mode)
        # are locations too; the role is kept as it is read
        ("Cleric | Staff SWE, AI | SF Onsite (Designer Remote)", ["Staff SWE, AI", "SF Onsite (Designer Remote)"],
         ["SF Onsite"], "remote"),
        ("Squint | Onsite, San Francisco + remote for some roles | Full time",
         ["Onsite, San Francisco + remote for some roles"], ["San Francisco"], "remote"),
        ("ChainSecurity | Blockchain Security Engineer | INTERNS , HYBRID/REMOTE, Zurich, Switzerland",
         ["Blockchain Security Engineer", "INTERNS , HYBRID/REMOTE, Zurich, Switzerland"],
         ["Zurich, Switzerland"], "remote"),
        ("Larridin | AI Native Software Engineer (All Levels) — Bay Area, In-Office",
         ["AI Native Software Engineer (All Levels) — Bay Area, In-Office"], ["Bay Area"], "onsite"),
        # ... but no work mode, or a piece with other words, is no place of its own
        ("Factory AI | Engineers | San Francisco, CA (+ NY, London for some roles)",
         ["Engineers", "San Francisco, CA (+ NY, London for some roles)"], [], None),
        ("Yassi | Senior Fullstack Engineer (Golang, AWS) 3 days in-office Chicago",
         ["Senior Fullstack Engineer (Golang, AWS) 3 days in-office Chicago"], [], "onsite"),
        # the place after a piece's last "in", when it is all place names (placesC)
        ("Temporal Technologies | Multiple positions in United States - WORK FROM HOME | FULL-TIME |",
         ["Multiple positions in United States - WORK FROM HOME"], ["United States"], "remote"),
        ("FusionAuth | Senior Java Engineer | " + _FUSIONAUTH, ["Senior Java Engineer", _FUSIONAUTH],
         ["Denver"], "remote"),
        ("Acme | Researchers in Machine Learning (Remote)",
         ["Researchers in Machine Learning (Remote)"], [], "remote"),
        ("Acme | Engineers in Go - Remote", ["Engineers in Go - Remote"], [], "remote"),
    ],
)
def test_a_place_in_a_role_segment_beside_a_work_mode_is_a_location(
        header: str, roles: list[str], locations: list[str], remote: str | None) -> None:
    h = parse_header(header)
    assert (h["roles"], h["locations"], h["remote"]) == (roles, locations, remote)


@pytest.mark.parametrize(
    ("header", "locations"),
    [
        # a note on the offer beside a work mode and a place: the place is still one
        ("Pango | Founding Engineer | On-site (hybrid) in Stockholm, Sweden (Visa Sponsorship possible)",
         ["in Stockholm, Sweden"]),
        (("Aqora | Quantum Computing Expert | Full-time | Paris (HQ) or Remote (Europe) We're building the"
          " go-to hub for quantum computing, focused on organizing quantum hackathons. We grow fast."),
         ["Paris, Europe"]),
        ("Proton | Full-Time | Europe, hybrid ONSITE, visa sponsorship", ["Europe"]),
        # ... but a sentence's place among other words is not read
        ("Acme | Engineer | Hybrid work with visa sponsorship for people in downtown SF", []),
    ],
)
def test_a_place_in_a_note_beside_a_work_mode_is_a_location(header: str, locations: list[str]) -> None:
    assert parse_header(header)["locations"] == locations


@pytest.mark.parametrize(
    ("header", "company", "roles", "locations"),
    [
        # "Acme is hiring <role> in <place>": the place is a location, not part of the role
        ("Flexport Is Hiring Engineers in Amsterdam", "Flexport", ["Engineers"], ["Amsterdam"]),
        ("SIM (YC X25) Is Hiring the Best Engineers in San Francisco", "SIM", ["Best Engineers"],
         ["San Francisco"]),
        # ... "in" a field is no place
        ("Acme Is Hiring Researchers in Machine Learning", "Acme", ["Researchers"], []),
    ],
)
def test_a_place_after_a_hiring_sentence_role_is_a_location(
        header: str, company: str, roles: list[str], locations: list[str]) -> None:
    h = parse_header(header)
    assert (h["company"], h["roles"], h["locations"]) == (company, roles, locations)


@pytest.mark.parametrize(
    ("header", "company", "roles", "locations"),
    [
        # "<role> at <place>": the place the role is at, not its company (nor part of the role)
        ("Senior ML Engineer at NYC | $200k - $250k | Onsite", None, ["Senior ML Engineer"], ["NYC"]),
        ("We're hiring a Senior ML Engineer at SF", None, ["Senior ML Engineer"], ["SF"]),
        ("Acme is hiring ML engineers at NYC", "Acme", ["ML engineers"], ["NYC"]),
        ("Acme | Hiring ML Engineer at San Francisco, CA | Hybrid", "Acme", ["ML Engineer"],
         ["San Francisco, CA"]),
        # ... "at" a company still names the company
        ("Senior Data Analyst at P2P.org, the largest staking provider | Remote", "P2P.org",
         ["Senior Data Analyst"], []),
        ("We're hiring a Founding GTM Lead at Skyfall AI.", "Skyfall AI", ["Founding GTM Lead"], []),
        ("Acme | ML Engineer at Scale | Remote", "Acme", ["ML Engineer at Scale"], []),
    ],
)
def test_a_place_after_at_is_a_location_not_the_company(
        header: str, company: str | None, roles: list[str], locations: list[str]) -> None:
    h = parse_header(header)
    assert (h["company"], h["roles"], h["locations"]) == (company, roles, locations)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # segments cut at "|" (empty ones dropped), or at a spaced "•" / "·"; not at an unspaced one
        ("Acme |  | ML Engineer ||Berlin |",
         {"company": "Acme", "roles": ["ML Engineer"], "locations": ["Berlin"]}),
        ("Acme • ML Engineer • Berlin • Remote",
         {"company": "Acme", "roles": ["ML Engineer"], "locations": ["Berlin"], "remote": "remote"}),
        ("Acme·ML Engineer·Berlin", {"company": None, "roles": [], "locations": []}),
        ("  • Acme • ML Engineer • Berlin", {"company": "• Acme", "roles": ["ML Engineer"]}),
        # a word ending on "tech" is a field, not a place; one holding it elsewhere may be a place
        ("Acme | Deep-Tech | Berlin", {"locations": ["Berlin"]}),
        ("Acme | BioTech | Berlin", {"locations": ["Berlin"]}),
        ("Acme | Technion Haifa | Berlin", {"locations": ["Technion Haifa", "Berlin"]}),
        # letters outside ASCII that the case-insensitive regexes take for ASCII ones ("ſ" for
        # "s", "ı" for "i"): read as those regexes read them
        ("Acme | ML Engineer | On-ſite, Berlin", {"locations": ["On-ſite, Berlin"], "remote": "onsite"}),
        ("Acme | Engıneer | NYC", {"roles": ["Engıneer"], "locations": ["NYC"]}),
        ("Acme | ML Engineer | Full-tıme", {"employment_type": "Full-tıme"}),
        ("Acme | ML Engineer | HYBRID (Berlin)", {"locations": ["HYBRID (Berlin)"], "remote": "hybrid"}),
        ("Acme | ML Engineer | Work From Home (EU)", {"locations": ["Work From Home (EU)"], "remote": "remote"}),
        # a link without a dot, pay with and without a currency
        ("Acme | ML Engineer | https://acme", {"url": "https://acme"}),
        ("Acme | ML Engineer | 150k", {"salary_text": "150k"}),
        ("Acme | Company: Foo | Berlin", {"company": "Foo", "locations": ["Acme", "Berlin"]}),
        # two titles joined in capitals; a time zone alone is no place, one beside a place is kept
        ("Acme | Cryptographic Engineer AND Protocol Engineer | NYC",
         {"roles": ["Cryptographic Engineer", "Protocol Engineer"], "locations": ["NYC"]}),
        ("Acme | ML Engineer | Eastern Time Zone", {"locations": []}),
        ("Acme | ML Engineer | Berlin, CET hours", {"locations": ["Berlin, CET hours"]}),
        ("Acme | ML Engineer | INTERNSHIP", {"employment_type": "INTERNSHIP"}),
    ],
)
def test_header_fields_after_cheap_tests(header: str, expected: dict[str, object]) -> None:
    """The header reader tests for a segment's characters before running its regexes (a line
    cut at "|" by ``str.split``, an ASCII segment searched in lower case, the words of a work
    mode looked for first); what it reads is what the regexes alone read."""
    h = parse_header(header)
    assert {k: h[k] for k in expected} == expected


def test_header_reading_is_fresh_each_call() -> None:
    # (the last readings are kept for the next call with the same line and text: a caller
    # that changes what it got changes no later reading)
    line, text = "Acme | ML Engineer | Berlin", "Acme | ML Engineer | Berlin\n\nWe build models."
    first = parse_header(line, text)
    first["roles"].append("Chef")
    first["locations"].clear()
    first["company"] = "Other"
    again = parse_header(line, text)
    assert (again["company"], again["roles"], again["locations"]) == ("Acme", ["ML Engineer"], ["Berlin"])
    assert again is not parse_header(line, text)


# The words the header reader's regexes look for, in several cases and spellings, with
# joiners and other letters: text made of them exercises each cheap test before a regex.
_GATE_WORDS = ["remote", "Remote", "REMOTE", "hybrid", "HYBRID", "on-site", "onsite", "On site",
               "in-office", "in office", "WFH", "work from home", "Work From Home", "no ", "not ",
               "part ", "full-time", "Full Time", "part-time", "contract", "Contractor",
               "internship", "Intern", "freelance", "permanent", "co-op", "and", "AND", "+", "&",
               "engineer", "Engineers", "Lead", "biotech", "Tech", "AI", "visa", "seed",
               "UTC", "time zone", "PST", "ı", "ſ", "é", " ", ",", "/", "(", ")", "-", ":", ".",
               "x", "Berlin", "12", "150k", "$"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), max_size=10))
def test_no_cheap_test_hides_what_a_regex_finds(words: list[str]) -> None:
    """Each shortcut of the header reader answers as the regex it stands before: a part
    ``_may_name_mode`` passes over holds no work mode, nor one ``_may_name_employment`` passes
    over an employment word; a lower-case twin finds what its
    case-insensitive regex finds in an ASCII part; a part ``_joined_titles`` keeps whole holds
    no joiner; ``_segments`` cuts a line as ``_SPLIT`` does; a name without "(" holds no empty
    bracket (``_EMPTY_BRACKET``). (A word added to a regex and not
    to its shortcut fails here.)"""
    part = "".join(words)
    if hn._REMOTE.search(part) or hn._MODE_WORD.search(part):
        assert hn._may_name_mode(part)
    if part.isascii():
        low = part.lower()
        for pattern, twin in ((hn._ROLE_WORDS, hn._ROLE_WORDS_LOWER),
                              (hn._EMPLOYMENT, hn._EMPLOYMENT_LOWER),
                              (hn._NOT_PLACE, hn._NOT_PLACE_LOWER),
                              (hn._ZONE_GATE, hn._ZONE_GATE_LOWER)):
            assert hn._found(pattern, twin, part, low) == (pattern.search(part) is not None), pattern
        if hn._EMPLOYMENT.search(part):
            assert hn._may_name_employment(low)
    if "," not in part and hn._JOINED.search(part):
        assert "+" in part or "&" in part or "and" in part.lower()
    if "(" not in part:  # (``_clean_company`` removes empty brackets only from a name with "(")
        assert hn._EMPTY_BRACKET.search(part) is None
    line = " | ".join(words)
    assert hn._segments(line) == [p.strip() for p in hn._SPLIT.split(line.strip()) if p.strip()]
