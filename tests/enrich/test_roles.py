"""Role segmentation on real Hacker News posts (tests/fixtures/enrich/hn_posts.jsonl)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.enrich import analyse, enrich_postings, enrich_record, roles, segment_roles
from mljobs.enrich.pipeline import prepare_record
from mljobs.normalize import stored_text

from .hn_records import hn_posting, hn_record

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "enrich" / "hn_posts.jsonl"


@pytest.fixture(scope="module")
def posts() -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, FIXTURE.read_text().splitlines())}


def test_roles_with_descriptions_are_split(posts: dict[str, dict]) -> None:
    roles = segment_roles(posts["hn-46481959"]["text"])
    assert roles.is_multi
    titles = [b.title for b in roles.blocks]
    assert "Senior Full Stack Software Engineer" in titles
    # (two roles share the title "Senior AI Engineer": each keeps the bracket that tells it apart)
    assert "Senior AI Engineer (Natural Language Systems)" in titles
    assert "Senior AI Engineer (Rapid Prototyping & Analytics)" in titles


def test_bare_title_list_is_not_split(posts: dict[str, dict]) -> None:
    roles = segment_roles(posts["hn-46467063"]["text"])
    assert not roles.is_multi
    assert roles.titles[:2] == ["Senior Backend Engineer", "Software Engineer"]
    assert "Account Exec" in roles.titles


def test_an_arrow_before_a_roles_link_is_no_part_of_its_title() -> None:
    # (a list of "Title → link" lines showed "Staff Software Engineer, Traffic →")
    text = ("Acme | Multiple positions | REMOTE (US)\nWe build workflow software.\nFEATURED ROLES:\n"
            "Staff Software Engineer, Traffic → https://jobs.example/1\n"
            "Senior Product Manager, SDK » https://jobs.example/2\n"
            "Senior Staff SWE, Cloud Proxy → https://jobs.example/3\n"
            "Benefits: unlimited PTO.")
    titles = segment_roles(text).titles
    assert titles == ["Staff Software Engineer, Traffic", "Senior Product Manager, SDK",
                      "Senior Staff SWE, Cloud Proxy"], titles


def test_an_ascii_arrow_or_a_double_dash_ends_a_title() -> None:
    # (corpus: "Open role: Senior Software Engineer —> Apply here (https://...)" gave
    # "Senior Software Engineer —> Apply here", "* Full-Stack Engineer -- Product verticals
    # end-to-end" that whole line, and "Community Builder and Software Engineer -- hybrid
    # role. Run YC's ..." no title)
    for line, title in [("Open role: Senior Software Engineer —> Apply here (https://jobs.example/1)",
                         "Senior Software Engineer"),
                        ("* Full-Stack Engineer -- Product verticals end-to-end", "Full-Stack Engineer"),
                        ("* Data Scientist -> https://jobs.example/2", "Data Scientist")]:
        text = f"Acme | Remote | Full-time\nWe build payments software.\n{line}\nEmail jobs@acme.example\n"
        assert segment_roles(text).titles == [title], line


def test_a_companys_is_hiring_before_a_title_is_no_part_of_it() -> None:
    text = ("BuilderBase | Remote\nBuilderBase is hiring a Growth & Partnerships Lead\n"
            "You will run partnerships with construction firms.\n")
    assert segment_roles(text).titles == ["Growth & Partnerships Lead"]
    # ("We are hiring a ..." is a sentence, and kinds of hire in lower case are no title)
    for line in ("We are hiring a Mobile Software Engineer with extensive experience in Android.",
                 "telli is hiring engineers & designers [on-site, Berlin]"):
        assert segment_roles(f"Acme | Remote\n{line}\n").titles != ["Mobile Software Engineer"]
    assert roles._clean_title("Head of Hiring") == "Head of Hiring"


def test_a_duty_that_names_whom_it_works_with_is_no_title() -> None:
    # (corpus hn-48027869: "Mentor engineers and lead small teams" under "What you'll do:" was
    # the post's only role, and its "lead" made the post's seniority staff-plus)
    text = ("CTG | Senior AI/ML Engineer | Remote (US Only)\nWe build systems for federal clients.\n"
            "What you'll do:\nBuild and deploy AI/ML solutions\nMentor engineers and lead small teams\n")
    assert segment_roles(text).titles == []
    for title in ("Lead engineer", "Research analyst", "Support engineer", "Mentor Engineer"):
        assert roles._is_title(title), title
    for duty in ("Hire engineers for the platform team", "Manage engineers", "Coach developers"):
        assert not roles._is_title(duty), duty


def test_enrich_postings_makes_one_child_per_role(posts: dict[str, dict]) -> None:
    parent = hn_posting(posts["hn-46481959"])
    children = enrich_postings([parent])
    assert len(children) >= 3
    for n, child in enumerate(children, start=1):
        assert child.id == f"{parent.id}/r{n}"
        assert child.source_id == f"{parent.source_id}/r{n}"
        assert child.enrichment is not None
        assert child.title in child.description_text
        assert "Prompt Health is a fast-growing" in child.description_text  # shared text kept
    ai = [c for c in children if c.title.startswith("Senior AI Engineer (")]
    assert len(ai) == 2 and len({c.title for c in children}) == len(children)
    assert ai[0].enrichment is not None and ai[0].enrichment.archetype != "not-ml"


def test_title_list_stays_one_posting_with_all_titles(posts: dict[str, dict]) -> None:
    out = enrich_postings([hn_posting(posts["hn-46467063"])])
    assert len(out) == 1
    enr = out[0].enrichment
    assert enr is not None
    assert "Forward-Deployed Product Manager" in enr.model_dump()["roles"]


def test_enrich_record_labels_the_most_detailed_role(posts: dict[str, dict]) -> None:
    out = enrich_record(posts["hn-46481959"])
    assert out["id"] == "hn-46481959"
    assert out["role"] == "Senior AI Engineer (Rapid Prototyping & Analytics)"
    assert len(out["roles"]) == 5


def test_words_that_only_start_with_a_role_noun_are_not_roles() -> None:
    """"architecture", "international", "internal", "staffing" are not role lines."""
    text = (
        "Acme AI | Backend Engineer | Berlin | Full-time\n\n"
        "We build agents for logistics.\n\n"
        "Backend Engineer\n" + "You will own our Python services and the data model. " * 4 + "\n"
        "A say in the technical architecture from day one\n"
        "Design and maintain data pipelines and database architectures\n"
        "International team with visa sponsorship available\n"
        "Internal tools for our staffing desk\n"
    )
    roles = segment_roles(text)
    assert roles.titles == ["Backend Engineer"]
    assert not roles.is_multi


_TITLE_PIECES = ["ML Engineer", " | ", " – ", " - ", ": ", " (", "https://x.io/jobs", "http://a", " ", "-",
                 "•", "#", "Remote", "\t", "|", ":", "(", "HTTP://X", " [", ":*", "*", "++ ", "_", "== ", ", ", ";"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_PIECES), max_size=10).map("".join))
def test_clean_title_as_the_plain_sub_and_split(raw: str) -> None:
    title = re.sub(r"https?://\S+", "", raw)
    title = re.split(r"\s[|–—]\s|\s-\s|:\s|\s\(|\s\[|:\*|\s(?:--+|[-–—=]+>|→)", title)[0]
    # (bullets and separators stripped, and a comma or semicolon; a "+" only first: "C++")
    assert roles._clean_title(raw) == title.lstrip(" -*•:|#+>·_=,;").rstrip(" -*•:|#>·_=,;").strip()


def test_requirement_bullets_that_name_a_role_are_not_roles() -> None:
    """A requirement or duty bullet names a role without being one (seen in real posts)."""
    text = ("Acme | Engineering Manager | Remote, USA\nWe're hiring an Engineering Manager.\n"
            "You may be a fit if you have:\n* 2+ years as an Engineering Manager\n"
            "* Experience coaching engineers toward well-tested code\n"
            "* Collaborate closely with design, product, and backend engineers\n"
            "* Comfortable working with engineers on technical topics\n"
            "Open roles:\n- Senior Backend Engineer\n- Data Scientist\n")
    assert segment_roles(text).titles == ["Senior Backend Engineer", "Data Scientist"]


def _own(text: str, others: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    """``text`` without the spans of the other roles."""
    out, pos = [], 0
    for start, end in others:
        out.append(text[pos:start])
        pos = end
    return "".join(out) + text[pos:]


def _skills(text: str) -> set[str]:
    return {s["name"] for s in enrich_record(hn_record(text))["skills"]}


BARE_WITH_STACKS = (
    "Acme | Berlin | Onsite\n\n"
    "Acme builds forecasting tools for wind farms.\n\n"
    "We're hiring:\n"
    "- Senior ML Engineer (Python, PyTorch, Kubernetes)\n"
    "- Frontend Engineer: React, TypeScript\n"
    "- iOS Developer — Swift, SwiftUI\n\n"
    "Apply at jobs@acme.example, we reply within a week.\n"
)


def test_bare_titles_keep_only_the_labelled_roles_stack() -> None:
    """LABELS.md: skills follow the labelled role only; the other roles' inline stacks go."""
    prep = prepare_record(hn_record(BARE_WITH_STACKS))
    assert prep.role == "Senior ML Engineer"
    assert prep.roles == ["Senior ML Engineer", "Frontend Engineer", "iOS Developer"]
    # (the other steps read the whole post, as the store holds it: tidied)
    assert prep.text == stored_text(BARE_WITH_STACKS) == BARE_WITH_STACKS.strip()
    own = _own(prep.text, prep.others)
    assert "PyTorch" in own and "wind farms" in own and "Apply at" in own
    assert "React" not in own and "Swift" not in own
    names = _skills(BARE_WITH_STACKS)
    assert {"Python", "PyTorch", "Kubernetes"} <= names
    assert not names & {"React", "TypeScript", "Swift", "SwiftUI", "iOS"}


def test_the_archetype_reads_the_whole_post() -> None:
    """Only the skills step leaves the other roles out: the archetype probabilities are those
    of the whole post under the picked title."""
    prep = prepare_record(hn_record(BARE_WITH_STACKS))
    out = enrich_record(hn_record(BARE_WITH_STACKS))
    whole = analyse(prep.title, prep.text)
    assert out["archetype_proba"] == pytest.approx(whole.archetype_proba)
    assert {s.name for s in whole.skills} - {s["name"] for s in out["skills"]} >= {"React", "Swift"}


def test_titles_with_one_line_descriptions_keep_the_shared_text_after_the_list() -> None:
    """Each role has a line of its own (shorter than MIN_ROLE_TEXT): the other roles' lines go,
    the labelled role's line and the requirement shared by all (after the list) stay."""
    text = ("Beta Labs | Remote (EU) | Full-time\n\n"
            "Beta Labs makes search for legal documents.\n\nOpen roles:\n\n"
            "Backend Engineer\nOwns our Go services and the Postgres schema.\n\n"
            "Data Scientist\nBuilds ranking models with scikit-learn and runs A/B tests.\n\n"
            "Product Designer\nDesigns our web app in Figma.\n\n"
            "Everyone here writes SQL every day.\n")
    roles = segment_roles(text)
    assert not roles.is_multi
    prep = prepare_record(hn_record(text))
    assert prep.role == "Data Scientist"
    own = _own(text, prep.others)
    assert "scikit-learn" in own and "SQL every day" in own
    assert "Open roles:" in own and "legal documents" in own
    assert "Go services" not in own and "Figma" not in own
    assert "Backend Engineer" not in own and "Product Designer" not in own
    names = _skills(text)
    assert {"scikit-learn", "A/B testing", "SQL"} <= names
    assert not names & {"Go", "PostgreSQL", "Figma"}


def test_the_labelled_role_may_be_the_last_of_the_list() -> None:
    text = ("Delta | NYC | Hybrid\n\nWe make payroll software.\n\n"
            "* Staff Backend Engineer (Java, Kafka)\n* Senior Frontend Engineer (Vue)\n"
            "* Analytics Engineer (dbt, Snowflake)\n\nMore at delta.example/jobs\n")
    prep = prepare_record(hn_record(text))
    assert prep.role == "Analytics Engineer"
    own = _own(text, prep.others)
    assert "dbt, Snowflake" in own and "More at" in own
    assert "Kafka" not in own and "Vue" not in own


def test_duty_bullets_that_name_roles_are_not_a_role_list() -> None:
    """A single-role post: two duty bullets in a row name roles; they are duties, not titles
    (and items in the middle of a longer list of duties), so nothing is left out."""
    text = ("Gamma | Senior ML Engineer | Remote\n\nWe build fraud models for banks.\n\n"
            "What you'll do:\n"
            "- Train and ship fraud models in PyTorch\n"
            "- Work with backend engineers on model serving in Go\n"
            "- Pair with frontend developers on review dashboards in React\n"
            "- Own the feature store on Spark\n\nApply: gamma.example\n")
    assert segment_roles(text).titles == []  # (duties: a verb, then lower-case words)
    assert prepare_record(hn_record(text)).others == ()
    assert {"PyTorch", "Go", "React"} <= _skills(text)


def test_sentences_that_name_roles_are_not_a_role_list() -> None:
    """List items that start with a lower-case word are sentences, not titles."""
    text = ("Epsilon | Toronto | Full-time\n\nWe verify what AI agents do.\n\n"
            "We're looking for:\n"
            "    - engineers interested in policy tooling\n"
            "    - or engineers with applied cryptography experience (Rust)\n"
            "    - or firmware people (confidential computing on GPUs)\n\n"
            "Email jobs@epsilon.example\n")
    assert segment_roles(text).titles == []  # (three other lower-case words; "... experience")
    assert prepare_record(hn_record(text)).others == ()


def test_a_role_described_at_length_is_not_part_of_the_list() -> None:
    """Only the roles of the labelled role's own list go: a role line followed by a long text
    is outside it."""
    text = ("Zeta | Paris | Onsite\n\nZeta sells route planning to truckers.\n\n"
            "Backend Engineer\n" + "You will own the Elixir services that plan routes. " * 4 + "\n\n"
            "Also hiring:\n- Data Analyst (SQL, Looker)\n- Office Manager\n")
    prep = prepare_record(hn_record(text))
    assert prep.role == "Data Analyst"
    own = _own(text, prep.others)
    assert "Elixir services" in own and "Backend Engineer" in own
    assert "Office Manager" not in own


def test_titles_in_non_hn_postings_are_not_touched() -> None:
    record = {**hn_record(BARE_WITH_STACKS), "source": "glassdoor"}
    assert prepare_record(record).others == ()


_LINES = ["Senior ML Engineer (PyTorch)", "- Data Scientist", "- Frontend Engineer: React",
          "* iOS Developer — Swift", "Build models with us.", "- Write Go services",
          "- Work with backend engineers", "engineers who like Rust", "", "Apply: x.example",
          "1. Product Manager", "2. Staff Platform Engineer (Kubernetes)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=14))
def test_other_roles_are_whole_lines_of_other_roles(lines: list[str]) -> None:
    """The other roles' spans are whole lines, ascending and apart; the header and the labelled
    role's line are outside them; with fewer than two titles there are none."""
    text = "Acme | Remote\n" + "\n".join(lines)
    found = segment_roles(text)
    k = roles.pick_title(found)
    if k is None:
        return
    spans = roles.other_roles(text, found, k)
    if len(found.titles) < 2:
        assert spans == []
    for (a, b), nxt in zip(spans, [*spans[1:], None], strict=False):
        assert a < b and text[a - 1] == "\n"  # (from a line start to a line end or start)
        assert b == len(text) or "\n" in (text[b], text[b - 1])
        assert nxt is None or b < nxt[0]
    end = found.lines[k][1]
    line_start = text.rfind("\n", 0, end) + 1
    assert all(not (a <= line_start < b) for a, b in spans)
    assert all(a > text.index("\n") for a, _ in spans)


def test_the_ml_role_may_be_named_after_its_title() -> None:
    """LABELS.md: bare titles -> the first ML/data role; "(ML/AI)" after a generic title makes
    that line the ML role, and the other lines' stacks are left out."""
    text = ("Theta | NYC or Remote | Full-Time\n\nWe run payments for small shops.\n\n"
            "We're hiring:\n\n"
            "  - Senior Software Engineer (React, Full-stack) | $150K-$220K\n"
            "  - Staff Software Engineer (Elixir) | $200K-$250K\n"
            "  - Staff Software Engineer (ML/AI) | $200K-$250K\n\n"
            "Our ML stack: Python, PyTorch, XGBoost.\n")
    prep = prepare_record(hn_record(text))
    assert prep.role == "Staff Software Engineer (ML/AI)"  # (its qualifier is its title's)
    own = _own(text, prep.others)
    assert "(ML/AI)" in own and "React" not in own and "Elixir" not in own
    assert {"Python", "PyTorch", "XGBoost"} <= _skills(text)


def test_genai_in_a_title_names_an_ml_role() -> None:
    found = segment_roles("Iota | Remote\n\nOpen roles:\n- Backend Engineer\n- Staff GenAI Engineer\n"
                          "- Data Scientist\n")
    assert roles.pick_title(found) == 1


def test_a_link_on_a_role_line_does_not_make_it_an_ml_role() -> None:
    found = segment_roles("Kappa | Remote\n\nOpen roles:\n- Backend Engineer - kappa.ai/jobs/backend\n"
                          "- Product Designer: https://jobs.example.com/ml-team/designer\n")
    assert roles.pick_title(found) == 0


def test_a_hiring_label_glued_to_a_header_title_is_no_part_of_it() -> None:
    """A role's own header whose "Hiring:" label runs on from the title ("Acme | Data
    Engineer, Search Hiring: Berlin | ...") gives the title without the label."""
    body = "You will build our ingestion pipelines in Python and keep them fast. " * 3
    text = ("Acme | Berlin | ONSITE | Full-time\n\nWe build search for tables.\n\n"
            "Acme | Data Engineer, Search Hiring: Berlin | Salary: competitive | Full Time\n\n"
            + body + "\n\n"
            "Acme | Product Designer Now Hiring: Remote | Full Time\n\n" + body + "\n")
    assert segment_roles(text).titles == ["Data Engineer, Search", "Product Designer"]
    assert roles._clean_title("Head of Hiring") == "Head of Hiring"


def test_a_dashed_team_of_team_words_is_kept_and_a_place_or_mode_is_cut() -> None:
    body = "You will own capacity planning across our regions and write Go services. " * 3
    text = ("Acme | Remote (US) | Full-time\n\nWe run databases for others.\n\n"
            "Staff Software Engineer - Cloud Capacity → https://acme.example/jobs/1\n" + body + "\n"
            "Software Engineer - Data Plane Team\n" + body + "\n"
            "Platform Engineer - Remote\n" + body + "\n"
            "Backend Engineer - NYC team\n" + body + "\n")
    assert segment_roles(text).titles == [
        "Staff Software Engineer - Cloud Capacity", "Software Engineer - Data Plane Team",
        "Platform Engineer", "Backend Engineer"]


def test_a_symbol_before_a_title_is_a_bullet_not_part_of_it() -> None:
    # (titles were "▪ Senior ML Engineer" and "🚀 Senior ML Engineer", and the role's own
    # text counted its whole line: the title no longer came off its start)
    desc = ("You will design and train large models for ranking, own the evaluation pipeline, "
            "and work with product on launches. Python and PyTorch required.")
    for bullet in ("▪", "●", "🚀", "➤"):
        text = (f"Acme | SF | Onsite\nWe build search.\n{bullet} Senior ML Engineer\n{desc}\n"
                f"{bullet} Frontend Engineer\n{desc}\n")
        found = segment_roles(text)
        assert found.titles == ["Senior ML Engineer", "Frontend Engineer"], bullet
        assert [b.body_len for b in found.blocks] == [len(desc)] * 2, bullet
    assert roles._clean_title("C++ Engineer") == "C++ Engineer"
    assert roles._clean_title(".NET Developer ✨") == ".NET Developer"


def test_the_last_roles_items_end_where_the_items_of_the_roles_before_it_end() -> None:
    # (corpus hn-46566849: the company's pitch after a list of roles described by items was
    # the last role's text: 790 characters against 159, so it was the role labelled, and the
    # first role's posting lacked the pitch every role shares)
    text = ("Gambit Robotics | Founding Engineers | NYC\nWe're hiring for two founding roles:\n\n"
            "1) Founding Principal / Staff Full-Stack Engineer\n"
            "   - 8+ years experience shipping production systems\n"
            "   - Strong backend and systems foundation\n"
            "   - Experience owning architecture end-to-end (zero to production)\n\n"
            "2) Founding Full-Stack Engineer\n"
            "   - 4-6 years experience building and shipping production products\n"
            "   - Strong product sense and ownership\n"
            "   - Comfortable working across backend, client, and infrastructure\n\n"
            "https://www.gambitrobotics.example/careers\n\n"
            "Gambit is an AI-powered kitchen assistant. It uses computer vision, thermal imaging "
            "and on-device AI to understand what is happening in the pan in real time.\n")
    found = segment_roles(text)
    assert found.is_multi
    assert text[found.closing_start:].startswith("https://www.gambitrobotics.example/careers")
    last = found.blocks[-1]
    assert "computer vision" not in text[last.start:last.end]
    # (a role whose text is more than items keeps the text to the next role or the closing)
    prose = text.replace("   - Strong backend and systems foundation\n",
                         "   - Strong backend and systems foundation\nYou will own our cloud.\n")
    assert "computer vision" in prose[segment_roles(prose).blocks[-1].start:]


_TAGGED = """Acme | Data Scientist, Product Designer | Remote

Acme builds tools for farms.

Roles:

Data Scientist

You will own our forecasting models, from the first notebook to the service that runs them
every night for thousands of farms.

Product Designer

You will own our product's design end to end, from research to the last pixel of the app.

What you will do (Data):

Build demand forecasts with Python, pandas and scikit-learn.

Evaluate models with backtests and write up what they mean.

What you will do (Design):

Design flows and prototypes in Figma.

Run user interviews with farmers.

You should apply if (Data):

You have shipped statistical models with PyTorch or XGBoost.

Where:

Anywhere in the EU, with two meetups a year.

Perks:

Unlimited vacation and a yearly retreat for everyone on the team.
"""


def test_sections_tagged_with_a_role_are_that_roles_text() -> None:
    # A post that describes each role in sections tagged with it ("What you will do (Data):"):
    # each section is its role's text, and the untagged text after them every role's. Before,
    # everything after the last role line was the designer's (the data scientist's sections too).
    r = segment_roles(_TAGGED)
    assert [b.title for b in r.blocks] == ["Data Scientist", "Product Designer"]
    sci, des = r.blocks
    sci_text = _TAGGED[sci.start:sci.end] + "".join(_TAGGED[a:b] for a, b in sci.ads)
    des_text = _TAGGED[des.start:des.end] + "".join(_TAGGED[a:b] for a, b in des.ads)
    assert "scikit-learn" in sci_text and "XGBoost" in sci_text and "Figma" not in sci_text
    assert "Figma" in des_text and "scikit-learn" not in des_text and "XGBoost" not in des_text
    assert "Perks" not in sci_text + des_text and "Where" not in sci_text + des_text
    assert _TAGGED[r.closing_start:].startswith("Where:")
    assert roles.pick_role(r) is sci  # (the ML role: its text is now the longer)
    prep = prepare_record({"id": "x", "source": "hackernews", "title": "t", "text": _TAGGED})
    assert "XGBoost" in prep.text and "Figma" not in prep.text and "Unlimited vacation" in prep.text


def test_a_tag_that_names_no_single_role_is_no_roles_section() -> None:
    # "(Remote)" names neither role; "(Data)" on a post whose roles both hold "Data" names no one.
    text = _TAGGED.replace("(Design)", "(Remote)")
    r = segment_roles(text)
    assert [b.title for b in r.blocks][-1] == "Product Designer"
    des = r.blocks[-1]
    assert "Figma" in text[des.start:des.end]  # (as before: no second tagged role)
    two = _TAGGED.replace("Product Designer", "Data Engineer")
    r2 = segment_roles(two)
    assert all(not b.ads for b in r2.blocks)


def test_real_post_with_tagged_sections_labels_its_ml_role() -> None:
    # corpus hn-46586993: the designer was labelled (1,937 characters of "its" text against 277)
    record = json.loads((FIXTURE.parent / "hn_tagged_sections.jsonl").read_text())
    prep = prepare_record(record)
    assert prep.role == "AI / ML Engineer"
    assert "embeddings and semantic similarity" in prep.text
    assert "design system in Figma" not in prep.text
    assert "Unlimited vacation days" in prep.text  # (the perks are every role's)


def test_a_roles_appended_ad_keeps_its_tagged_sections() -> None:
    text = _TAGGED.replace("Acme | Data Scientist, Product Designer | Remote", "Acme | Remote | Multiple Roles") \
        + "\nAcme | Data Scientist | Remote | Salary: $150k\n\nOur ad from the careers page: forecasts with" \
        " LightGBM for farm demand.\n"
    sci = segment_roles(text).blocks[0]
    got = [text[a:b] for a, b in sci.ads]
    assert got[0].startswith("What you will do (Data):") and got[1].startswith("You should apply if (Data):")
    assert got[2].startswith("Acme | Data Scientist | Remote") and "LightGBM" in got[2]


_PAY_LIST = """Acme | Several roles | Remote

We make maps for delivery fleets.

* Senior Full Stack Developer ($125-200k USD): React and Node. Small team.
* Machine Learning Engineer{sep}($150-180k USD): PyTorch models for routing.
* Product Manager ($140-190k USD): Own the roadmap.

Apply at acme.example/jobs
"""


@pytest.mark.parametrize("sep", ["", " "])
def test_a_listed_roles_pay_is_read_from_its_own_line(sep: str) -> None:
    # Pay glued to a title ("Engineer($150-180k USD)") is no part of it, and the labelled
    # role's pay is the one on its own line, not the first pay of the post (another role's).
    # (corpus hn-46611165: "Product Designer and UX Researcher($120-180k USD)"; before, the
    # spaced form was labelled with the full-stack role's $125-200k.)
    text = _PAY_LIST.format(sep=sep)
    r = segment_roles(text)
    assert r.titles == ["Senior Full Stack Developer", "Machine Learning Engineer", "Product Manager"]
    out = enrich_record({"id": "x", "source": "hackernews", "title": "Acme | Several roles | Remote",
                         "text": text})
    assert out["role"] == "Machine Learning Engineer"
    assert (out["salary"]["min"], out["salary"]["max"]) == (150000.0, 180000.0)


def test_a_picked_title_without_pay_on_its_line_reads_the_posts_pay() -> None:
    text = _PAY_LIST.format(sep=" ").replace(" ($150-180k USD)", "")
    out = enrich_record({"id": "x", "source": "hackernews", "title": "Acme | Several roles | Remote",
                         "text": text})
    assert out["role"] == "Machine Learning Engineer"
    assert out["salary"]["min"] == 125000.0  # (as before: the first pay the post states)


# corpus and demo hn-48003121 (the README tour's `mljobs show` example), quoted as far as its
# roles go: a stack list of "•" items with no space after the bullet.
_ADOBE = """Adobe | Forward Deployment Engineering (AI/ML)| SJ| Hybrid | Full-Time
Location: San Jose, CA (Hybrid/Onsite).

As a Forward Deployed Engineer, you’ll act as a technical ambassador for Adobe—splitting your time between:
•Hands-on engineering (building AI-powered systems, APIs, and integrations) 
•Direct collaboration with customer engineering teams

The Stack:
•Languages: Python, Java, Scala 
•ML/AI Frameworks: PyTorch, TensorFlow, JAX 
•LLM Systems: RAG pipelines, agents, prompt orchestration, evaluation frameworks  
•Cloud & DevOps: AWS, GCP, Azure, Docker, CI/CD, Git  
•MLOps / LLMOps: Evaluation pipelines, prompt/version management, feature flags, canary releases

What we’re looking for:
We’re looking for a senior engineer (9+ years) with hands-on AI/ML and LLM experience who takes a build-first approach.
"""


def test_an_item_of_a_stack_list_bulleted_without_a_space_is_no_role() -> None:
    # "•Cloud & DevOps: AWS, ..." names a role noun ("DevOps") but is one of five stack items;
    # a "•" glued to its item is a bullet all the same (only "*" may be emphasis), so the list
    # of other things drops it. Before, `mljobs show` printed "Roles listed: Cloud & DevOps"
    # and the model read the title "Cloud & DevOps | Adobe | ...".
    assert segment_roles(_ADOBE).titles == []
    assert roles.listed_roles(_ADOBE).titles == []
    out = enrich_record({"id": "hn-48003121", "source": "hackernews", "company": "Adobe",
                         "title": _ADOBE.split("\n", 1)[0], "text": _ADOBE})
    assert out["role"] is None
    assert out["roles"] == []


def test_a_glued_bullet_list_of_roles_is_still_read() -> None:
    text = ("Acme | Several roles | Remote\n\nWe are hiring:\n•Senior Backend Engineer: Go, Postgres\n"
            "•Machine Learning Engineer: PyTorch\n•Product Designer: Figma\n")
    assert segment_roles(text).titles == ["Senior Backend Engineer", "Machine Learning Engineer",
                                          "Product Designer"]
