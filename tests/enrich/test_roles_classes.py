"""Role segmentation: the classes of error found reading multi-role HN posts (shapes seen in
the corpus, written anew here: companies, links and wording are made up)."""

from __future__ import annotations

from mljobs.enrich import enrich_postings, segment_roles
from mljobs.enrich.pipeline import prepare_record
from mljobs.enrich.roles import model_title

from .hn_records import hn_posting, hn_record

_DESC = "You will own the services that route parcels across Europe and talk to carriers daily. "


def test_long_role_lines_with_links_are_roles() -> None:
    """A role line that runs long because of its link, pay or stack is still a role line."""
    text = ("Acme | Remote | Full-time\n\nWe build parcel routing.\n\nOpen roles:\n\n"
            "- Senior/Staff Software Engineer, Full Stack: "
            "https://jobs.example.com/acme/f9e9f476-100b-4d86-b362-41c82388e66d\n"
            "- Software Engineer - Infrastructure, Data Platform ($162,000 - $216,000): "
            "https://jobs.example.com/acme/664c0299-27c5-4550-91ec-30c4a058e19f\n"
            "- Product Engineers for our Router, our MCP Platform - Go, Typescript, MCP protocol, "
            "Serverless infrastructure, queues\n")
    # (a team after a dash is part of the title: "Software Engineer - Infrastructure, Data Platform")
    assert segment_roles(text).titles == ["Senior/Staff Software Engineer, Full Stack",
                                          "Software Engineer - Infrastructure, Data Platform",
                                          "Product Engineers for our Router, our MCP Platform"]


def test_a_long_sentence_that_names_a_role_is_not_one() -> None:
    text = ("Acme | Remote\n\nWe build parcel routing.\n\n"
            "We are looking for engineers (backend and frontend) to build the next version of our "
            "routing engine, which plans millions of parcels a day across Europe and beyond.\n")
    assert segment_roles(text).titles == []


def test_bullets_brackets_and_emphasis_are_not_part_of_titles() -> None:
    text = ("Acme | Remote\n\nWe build parcel routing.\n\n"
            "++ Lead iOS Engineer [Tech Stack: Swift, SwiftUI]\n"
            "+ Senior Software Engineer (Edge Data) - https://jobs.example.com/1\n"
            "*   *Backend / DevOps:* CI/CD, secrets management, high-availability architecture.\n"
            "*   *AI / ML Systems Engineer:* Multi-model synthesis, drift evaluation.\n"
            "[1] Software Engineer, AI tools (US/Canada)\n"
            "II. Software Engineer, Cloud Platform\n")
    assert segment_roles(text).titles == ["Lead iOS Engineer", "Senior Software Engineer (Edge Data)",
                                          "Backend / DevOps",
                                          "AI / ML Systems Engineer", "Software Engineer, AI tools",
                                          "Software Engineer, Cloud Platform"]


def test_duties_requirements_and_labels_are_not_titles() -> None:
    """Duty bullets (a verb, then lower case), requirement bullets ("... experience"), sentences
    that go on after the role noun, and labels are not roles; titles that look alike are."""
    text = ("Acme | Senior Engineer | Remote\n\nWe build parcel routing.\n\n"
            "What you'll do:\n"
            "- Lead design discussions and write clear design docs\n"
            "- Build pipelines for data scientists\n"
            "Big pluses:\n"
            "- DevOps experience\n"
            "- Senior-level engineer comfortable owning systems end-to-end\n"
            "Looking for a full stack engineer who:\n"
            "Distributed Systems / Cloud Engineers to build\n"
            "Tech Stack: Python, Go, Kubernetes, the usual engineer tools\n"
            "Why engineers stay here\n\n"
            "Open roles:\n"
            "- Lead iOS Engineer\n"
            "- Lead software engineer\n"
            "- Operations Specialist, Customer Experience\n")
    assert segment_roles(text).titles == ["Lead iOS Engineer", "Lead software engineer",
                                          "Operations Specialist, Customer Experience"]


def test_a_level_alone_is_not_a_title() -> None:
    text = ("Acme | Staff or Principal SRE | Remote\n\nWe build parcel routing.\n\n"
            "Staff or Principal Site Reliability Engineer\n\n" + _DESC * 2 + "\n\n"
            "Staff: https://jobs.example.com/1\nPrincipal: https://jobs.example.com/2\n")
    assert segment_roles(text).titles == ["Staff or Principal Site Reliability Engineer"]


def test_role_lines_inside_a_list_of_other_things_are_not_roles() -> None:
    """A bullet that reads like a title among bullets of another kind (what we want, why join)
    is not a role, and the post is not split on it."""
    text = ("Acme | Founding Engineer | Toronto\n\nWe build parcel routing.\n\n"
            "What we want:\n- Strong full-stack engineer\n- You've run real systems (latency, scale)\n"
            "- High ownership\n- Default to speed\n\n" + _DESC * 2 + "\n\n"
            "Why this:\n- 50M+ parcels, real behaviour\n- Small team, high slope, engineer number four\n"
            "- Defining a new category\n\n" + _DESC * 2 + "\n")
    found = segment_roles(text)
    assert found.titles == [] and not found.is_multi


def test_a_tagged_line_and_a_header_line_mid_post_name_their_roles() -> None:
    text = ("Crypto teams hiring!\n\n"
            "[Midl] - (REMOTE) Frontend developer - https://forms.example.com/a\n\n"
            "[Ditto] - (REMOTE) Development Lead - https://forms.example.com/b\n\n"
            "--- ALSO ---\n\nAcme (YC) | Founding Engineer | Berlin (Onsite) | Full-time\n\n"
            "Role: Senior Software Engineer (Rust)\n")
    assert segment_roles(text).titles == ["Frontend developer", "Development Lead", "Founding Engineer",
                                          "Senior Software Engineer"]


def test_a_vp_is_a_role() -> None:
    text = "Acme | Berlin\n\nWe build parcel routing.\n\n* Senior Product Engineer\n\n* VP of Technology\n"
    assert segment_roles(text).titles == ["Senior Product Engineer", "VP of Technology"]


CLOSING = ("Acme | Berlin | Onsite\n\nAcme builds parcel routing for carriers.\n\n"
           "Backend Engineer\n" + _DESC * 2 + "\n\n"
           "Machine Learning Engineer\n" + "You will train ETA models in PyTorch and ship them. " * 4 + "\n\n"
           "Why join:\n- Small team, real impact\n- Competitive pay and equity\n\n"
           "Apply: jobs@acme.example with your GitHub and a project you are proud of.\n")


def test_the_closing_text_belongs_to_every_role() -> None:
    found = segment_roles(CLOSING)
    assert [b.title for b in found.blocks] == ["Backend Engineer", "Machine Learning Engineer"]
    assert CLOSING[found.closing_start:].startswith("Why join:")
    assert found.blocks[-1].end == found.closing_start  # (not the last role's text)
    children = enrich_postings([hn_posting({"id": "hn-2", "title": "Acme", "text": CLOSING})])
    assert all("Apply: jobs@acme.example" in c.description_text for c in children)
    assert all("Acme builds parcel routing" in c.description_text for c in children)
    assert "train ETA models" not in children[0].description_text


def test_a_closing_label_that_every_role_has_is_the_roles_own() -> None:
    text = ("Acme | Berlin\n\nWe build parcel routing.\n\n"
            "Backend Engineer\n" + _DESC * 2 + "\nApply: https://jobs.example.com/1\n\n"
            "Data Engineer\n" + _DESC * 2 + "\nApply: https://jobs.example.com/2\n")
    found = segment_roles(text)
    assert found.is_multi and found.closing_start == 0
    assert found.blocks[-1].end == len(text)


def test_a_role_described_on_its_own_line_counts_as_described() -> None:
    """"Title - one long line of description" is a described role; a title with its pay or
    link on its line is not."""
    text = ("Acme | Remote\n\nWe build parcel routing.\n\nHiring:\n\n"
            "Lead Software Engineer — Design and build the workflows that ingest, normalize and "
            "maintain production-grade data from carriers, and own their reliability end to end.\n\n"
            "Product Engineer, Services — Build and evaluate the workflows that acquire, structure "
            "and enrich carrier data, working with the lead engineer and our customers every week.\n")
    assert [b.title for b in segment_roles(text).blocks] == ["Lead Software Engineer",
                                                             "Product Engineer, Services"]
    bare = ("Acme | Remote\n\nWe build parcel routing.\n\nHiring:\n\n"
            "- Senior Full-Stack Engineer | Equity | 110k+ (based on experience) + quarterly bonus\n"
            "- Lead Product Designer | Equity | 110k+ (based on experience) + quarterly bonus\n")
    assert not segment_roles(bare).is_multi


def test_a_near_tie_goes_to_the_ml_role() -> None:
    """Two described roles of about the same length: the ML/data one is labelled."""
    text = ("Acme | NYC\n\nWe match trades.\n\n"
            "Systems Engineer\n" + "Low-latency order matching in Rust across our venues. " * 5 + "\n\n"
            "Software Engineer, Data Platform\n" + "Own the pipelines behind our analytics, in Python. " * 5
            + "\n")
    assert prepare_record(hn_record(text)).role == "Software Engineer, Data Platform"


def test_a_one_line_list_of_roles_gives_the_titles() -> None:
    text = ("Acme | Remote\n\nWe build parcel routing.\n\n"
            "Roles: Staff Backend Engineer; Lead Software Engineer (people management + hands-on); "
            "Staff Technical Writer; Forward Deployed Engineer\n")
    assert segment_roles(text).titles == ["Staff Backend Engineer", "Lead Software Engineer",
                                          "Staff Technical Writer", "Forward Deployed Engineer"]
    listed = ("Acme | Remote\n\nWe build parcel routing.\n\n"
              "Also hiring: Full-Stack Engineer, ML/AI Engineer, Agricultural Data Scientist, AE\n")
    found = segment_roles(listed)
    assert found.titles == ["Full-Stack Engineer", "ML/AI Engineer", "Agricultural Data Scientist"]
    assert prepare_record(hn_record(listed)).role == "ML/AI Engineer"
    assert not found.is_multi


def test_a_titles_qualifier_survives_and_a_stack_place_or_mode_does_not() -> None:
    """"(AI)", "(Backend)", "(Data/Integrations)", "(R&D)" name the role's function or team:
    part of its title (and what makes "Staff Software Engineer (AI)" the ML role to label);
    a stack, a place, a work mode or pay in brackets is no part of it."""
    text = ("Onyx Health | SF (Hybrid)\n\nWe review care plans.\n\nHiring:\n\n"
            "- Staff Software Engineer (AI) — LLM pipelines for clinical notes\n"
            "- Lead Engineer (Backend) — workflow engine\n"
            "- Lead Engineer (Data/Integrations) — payer data pipelines\n"
            "- Senior MLE (R&D)\n"
            "- Frontend Engineer (React, TypeScript)\n"
            "- Data Engineer (NYC)\n"
            "- Support Engineer (Remote)\n"
            "- ML Engineer (Contract, $100/h)\n")
    found = segment_roles(text)
    assert found.titles == ["Staff Software Engineer (AI)", "Lead Engineer (Backend)",
                            "Lead Engineer (Data/Integrations)", "Senior MLE (R&D)",
                            "Frontend Engineer", "Data Engineer", "Support Engineer", "ML Engineer"]
    # the picks and the archetype model read a title without its qualifier (model_title)
    assert [model_title(t) for t in found.titles[:2]] == ["Staff Software Engineer", "Lead Engineer"]


def test_a_label_about_a_role_is_no_title() -> None:
    text = ("Found | SF, NYC | Engineering, Data\n\nWe build banking for small shops.\n\n"
            "SWE Tech stack: Ruby on Rails (Kubernetes, GKE), React/Typescript, MySQL\n"
            "Data Engineer requirements: SQL, dbt\n")
    assert segment_roles(text).titles == []


def test_a_title_naming_two_kinds_of_hire_is_one_title() -> None:
    """"Perception Engineers & MLEs" (or "... and MLEs": a bare role noun after "and", in a
    list of two) is one title naming two kinds of hire: one role, one posting. Two titles
    joined by "and" ("Forward Deployed Engineer and Platform Engineer") or a longer list
    ("ML engineers, backend engineers and designers") are several."""
    head = "Pickle Robotics | Boston | Onsite\n\nWe unload trucks with robots.\n\n"
    assert segment_roles(head + "Senior Perception Engineers & MLEs\nShip vision models.\n"
                         ).titles == ["Senior Perception Engineers & MLEs"]
    assert segment_roles(head + "We're hiring: Perception Engineers and MLEs\n"
                         ).titles == ["Perception Engineers and MLEs"]
    assert segment_roles(head + "Roles: Forward Deployed Engineer and Platform Engineer\n"
                         ).titles == ["Forward Deployed Engineer", "Platform Engineer"]
    assert segment_roles(head + "We're hiring: ML engineers, backend engineers and designers\n"
                         ).titles == ["ML engineers", "backend engineers", "designers"]


def test_function_names_without_a_role_word_are_no_titles() -> None:
    """A line of functions or teams ("Machine Learning | Infra", "- Backend | Platform") names
    no role: it is no title, and the post keeps its header's roles (``hn_format``)."""
    text = ("Acme | Machine Learning | Infra | Remote\n\nWe build ranking systems.\n\n"
            "Open teams:\n- Machine Learning | Infra\n- Backend | Platform\n")
    assert segment_roles(text).titles == []


def test_a_link_is_no_description() -> None:
    """Roles each with one line of text and a link to their ad are a list of titles: the post
    stays one posting (a link's length does not make a role described); the same roles with
    a paragraph each are split."""
    text = ("Gripper Works | ML Engineers | Lyon | ONSITE\n\nWe build robots that sort returns.\n\n"
            "Senior Robotics Engineer:\nFuse camera, depth and lidar data into one scene model the arm can plan against.\n"
            "https://jobs.example.com/gripper/0c0d8b55-6a53-4bb7-8f1e-5d2b7f8a9e10\n\n"
            "Senior MLE (Vision):\nTrain and ship detection models for the arm's camera on a small edge board.\n"
            "https://jobs.example.com/gripper/4f2a1c3e-9b7d-4e21-a8c0-7d6e5f4b3a21\n\n"
            "Contact: jobs at gripper.example\n")
    roles = segment_roles(text)
    assert roles.titles == ["Senior Robotics Engineer", "Senior MLE (Vision)"]
    assert not roles.is_multi
    described = text.replace("Fuse camera, depth and lidar data into one scene model the arm can plan against.\n",
                             "Fuse camera, depth and lidar data into one scene model the arm can plan against. " + _DESC + "\n")
    described = described.replace("Train and ship detection models for the arm's camera on a small edge board.\n",
                                  "Train and ship detection models for the arm's camera on a small edge board. " + _DESC + "\n")
    assert segment_roles(described).is_multi


def test_titles_lose_numbers_trailing_commas_and_link_labels_but_keep_cpp() -> None:
    """"1. Title" is item 1, "Title, https://..." ends at its comma, "Title Details: https://..."
    names its link, and "C++" ends a title as it is written."""
    text = ("Acme | Paris\n\nOpen roles:\n\n"
            "=== 1. Corporate Associate | Paris | $200K ===\n\n"
            "* Software Engineer, https://jobs.example.com/acme/sw\n"
            "- Senior QA Engineer Details: https://bit.example/3PHU\n"
            "+ Senior Software Engineer, Factory Software C++ (Skyline) - https://grnh.example/im5\n")
    assert segment_roles(text).titles == ["Corporate Associate", "Software Engineer", "Senior QA Engineer",
                                          "Senior Software Engineer, Factory Software C++"]


def test_a_team_after_a_dash_is_part_of_the_title_a_place_or_mode_is_not() -> None:
    """"Staff Software Engineer - Platform" and "... - Developer Experience" are two roles, as
    "(Platform)" would be; "- Remote" or "- NYC" after a title is no part of it. The model and
    the picks read the title without the team (``model_title``)."""
    text = ("Acme | Remote\n\nWe build plants software.\n\n"
            "Staff Software Engineer - Developer Experience (Gradle, Kubernetes): https://jobs.example/1\n"
            "Staff Software Engineer - Platform (Kubernetes, Terraform): https://jobs.example/2\n"
            "Senior AI Engineer – LLMs & Agents: https://jobs.example/3\n"
            "Data Engineer - Remote: https://jobs.example/4\n"
            "Backend Engineer - NYC - $180k: https://jobs.example/5\n")
    titles = segment_roles(text).titles
    assert titles == ["Staff Software Engineer - Developer Experience", "Staff Software Engineer - Platform",
                      "Senior AI Engineer – LLMs & Agents", "Data Engineer", "Backend Engineer"]
    assert [model_title(t) for t in titles[:3]] == ["Staff Software Engineer", "Staff Software Engineer",
                                                    "Senior AI Engineer"]


def test_a_sentence_wrapped_onto_a_role_line_is_no_title() -> None:
    """A line that goes on from a sentence above it (which ends on a comma or a joining word)
    is the rest of that sentence, not a title; titles listed one per line still are."""
    text = ("Parcelo | ONSITE / HYBRID | Boston\n\n"
            "Hi! We move parcels and have the problems of distributed systems in the real world.\n\n"
            "We're hiring senior folks (L4+) in Boston and Lisbon right now: Data Scientists,\n"
            "Data Engineers, Mobile Engineers, and Backend Engineers (typescript).\n\n"
            "I'm hiring a Staff Data Engineer to lead the data platform team.\n")
    assert segment_roles(text).titles == []
    listed = ("Parcelo | Boston\n\nWe move parcels. Open roles:\n"
              "Senior Data Engineer\n"
              "Staff Mobile Engineer, iOS\n"
              "Backend Engineer (TypeScript)\n")
    assert segment_roles(listed).titles == ["Senior Data Engineer", "Staff Mobile Engineer, iOS",
                                            "Backend Engineer"]


def test_an_item_of_a_role_list_is_a_role_without_a_role_noun() -> None:
    """In a bulleted list of roles that end the same way ("Title, https://...", "Title: text"),
    an item with a short capitalised title before that ending is a role ("Auditor", "QA");
    an item of another shape, or one after the list's last role line, is not."""
    text = ("Prefixa | Greece | Remote\n\nWe audit blockchains.\n\nOpen roles:\n\n"
            "* Software Engineer, https://jobs.example/sw\n\n"
            "* Auditor, https://jobs.example/audit\n\n"
            "* Support Engineer, https://jobs.example/support\n\n"
            "* Advisors, https://jobs.example/advice\n\n"
            "We offer:\n\n* Remote work, https://example/remote\n* Conference budget\n")
    assert segment_roles(text).titles == ["Software Engineer", "Auditor", "Support Engineer"]
    described = ("Ontixa | San Diego\n\nWe are looking for these roles:\n\n"
                 "+ QA: " + _DESC + _DESC + "\n\n"
                 "+ Azure Cloud Engineer: " + _DESC + _DESC + "\n\n"
                 "+ Infosec + automated scanning: we want you to scan our code daily.\n\n"
                 "+ Full-Stack WordPress Developer: " + _DESC + _DESC + "\n")
    roles = segment_roles(described)
    assert roles.titles == ["QA", "Azure Cloud Engineer", "Full-Stack WordPress Developer"]
    assert [b.title for b in roles.blocks] == roles.titles
    other_shape = ("Acme | NYC\n\nWhat you bring:\n\n"
                   "- Backend Engineer: " + _DESC + "\n"
                   "- Python: at least 3 years\n"
                   "- Data Engineer: " + _DESC + "\n")
    assert segment_roles(other_shape).titles == ["Backend Engineer", "Data Engineer"]


def test_a_level_before_a_title_is_no_part_of_it() -> None:
    """"All Levels: <title>" and "8+ yrs - <title>" name the level hired at, then the role."""
    text = ("Acme | SF | Hybrid\n\nWe build audit software.\n\nHiring:\n"
            "- All Levels: AI Platform and Product Engineers\n\n"
            "- All Levels: Infrastructure Engineers\n\n"
            "- Lead Product Designer\n")
    assert segment_roles(text).titles == ["AI Platform and Product Engineers", "Infrastructure Engineers",
                                          "Lead Product Designer"]
    assert prepare_record(hn_record(text)).role == "AI Platform and Product Engineers"
    linked = ("Acme | NYC | In-office\n\n"
              "Engineering Manager (SF) https://jobs.example/1\n\n"
              "8+ yrs - Staff SWE, AI (SF) https://jobs.example/2\n\n"
              "5-8 years - Senior Data Engineer (NYC) https://jobs.example/3\n")
    assert segment_roles(linked).titles == ["Engineering Manager", "Staff SWE, AI", "Senior Data Engineer"]
    needs = ("Acme | NYC\n\nWhat you bring:\n"
             "- 5+ years - Backend Engineer experience\n"
             "- 3+ years: working with data scientists\n")
    assert segment_roles(needs).titles == []


def test_a_list_of_roles_described_on_their_items_ends_where_the_list_ends() -> None:
    """Roles each described on one item line of a list: the pitch and how-to-apply after the
    list, and an item after the last role that names no role, are every role's, not the last
    role's; so the role with the longest item is the one labelled."""
    text = ("Dronea | Munich | Onsite\n\nWe build interceptor drones.\n\nWe need:\n\n"
            "* Computer Vision Engineer — Detect, classify and track small targets at long range on "
            "edge hardware: model pruning, TensorRT, sensor fusion, all under a strict frame budget "
            "of a few milliseconds per frame.\n\n"
            "* Flight Systems Engineer — State estimation, guidance laws and PX4 integration for our "
            "airframes; take what works in simulation and make it survive real sensor noise.\n\n"
            "* Test Engineer — SITL/HITL campaigns, Monte Carlo runs and digital twins: ten thousand "
            "simulated flights before anything leaves the ground.\n\n"
            "* Technical Advisors — Defense procurement; a few hours a month.\n\n"
            "We're a pre-seed startup of two founders, with salary and equity for the first team. "
            "We read every application ourselves and answer each one within a week.\n\n"
            "https://dronea.example/careers\n")
    roles = segment_roles(text)
    assert [b.title for b in roles.blocks] == ["Computer Vision Engineer", "Flight Systems Engineer",
                                               "Test Engineer"]
    assert text[roles.closing_start:].startswith("* Technical Advisors")
    assert roles.blocks[-1].end == roles.closing_start
    assert prepare_record(hn_record(text)).role == "Computer Vision Engineer"
    children = enrich_postings([hn_posting({"id": "hn-3", "title": "Dronea", "text": text})])
    assert len(children) == 3
    assert all("We read every application" in c.description_text for c in children)
    numbered = ("Genoma | Bilbao | Onsite\n\nWe build software for biology.\n\n"
                "1. Senior TypeScript Engineer: " + _DESC * 3 + "\n\n"
                "2. Bioinformatics Developer: " + _DESC * 2 + "\n\n"
                "The Offer:\n\nComp: top-tier salaries and equity for everyone who joins us.\n\n"
                "Relocation: visa, temporary housing and school search, all paid by us.\n\n"
                "Email me (I am the CEO) with your GitHub and the word HN in the subject.\n")
    assert prepare_record(hn_record(numbered)).role == "Senior TypeScript Engineer"


def test_a_role_with_lines_of_its_own_keeps_the_text_after_the_last_role() -> None:
    """When a role's text runs past its item line, the list is no list of one-line roles: the
    text after the last role line is still its own (up to a closing line)."""
    text = ("Acme | Berlin\n\nWe build parcel routing.\n\n"
            "* Backend Engineer — " + _DESC + "\n" + _DESC + "\n\n"
            "* Data Engineer — " + _DESC + "\n\n"
            "You will also build the dashboards our carriers read every morning, in SQL and dbt.\n")
    roles = segment_roles(text)
    assert roles.is_multi and roles.closing_start == 0
    assert roles.blocks[-1].end == len(text)


def test_a_labelled_list_of_linked_items_names_roles_without_a_role_noun() -> None:
    """A list under a "Roles:" label whose items are short titles with a link to their ad
    ("- Backend: https://...", the header names the role noun) names the post's roles; the
    first ML/data one is labelled (LABELS.md: bare titles). A list under another label, an
    item without a link, or a single item, names none."""
    text = ("Vidora | Senior & Staff Engineers | San Francisco | On-site\n\n"
            "Vidora builds an AI video platform for marketing teams.\n\n"
            "We are hiring engineers across agents, media infrastructure and integrations.\n\n"
            "Roles:\n\n"
            "- Backend: https://vidora.example/careers/backend\n\n"
            "- Fullstack: https://vidora.example/careers/fullstack\n\n"
            "- ML Infra: https://vidora.example/careers/ml-infra\n\n"
            "Reach out: jobs [at] vidora.example\n")
    roles = segment_roles(text)
    assert roles.titles == ["Backend", "Fullstack", "ML Infra"] and not roles.is_multi
    prep = prepare_record(hn_record(text))
    assert prep.role == "ML Infra"
    assert prep.title == "ML Infra | " + text.split("\n", 1)[0]
    stack = text.replace("Roles:", "Our stack:").replace("Backend:", "Python:")
    assert segment_roles(stack).titles == []
    unlinked = text.replace("https://vidora.example/careers/", "see ")
    assert segment_roles(unlinked).titles == []
    one = text.replace("- Fullstack: https://vidora.example/careers/fullstack\n\n", "") \
        .replace("- ML Infra: https://vidora.example/careers/ml-infra\n\n", "")
    assert segment_roles(one).titles == []


def test_the_model_reads_a_picked_titles_ml_qualifier() -> None:
    """A picked title's bracketed qualifier or team that names ML ("(ML/AI)", "- AI Platform")
    is what tells the role from its siblings ("(Elixir)"), so the model reads it
    (``read_title``); other qualifiers and teams it does not (``model_title``)."""
    from mljobs.enrich.pipeline import prepare_record
    from mljobs.enrich.roles import read_title

    assert read_title("Staff Software Engineer (ML/AI)") == "Staff Software Engineer (ML/AI)"
    assert read_title("Embedded Systems Engineer (Computer Vision)") \
        == "Embedded Systems Engineer (Computer Vision)"
    assert read_title("Senior DevOps Engineer - AI Platform") == "Senior DevOps Engineer - AI Platform"
    assert read_title("Staff Software Engineer (Elixir)") == "Staff Software Engineer"
    assert read_title("Software Engineer - Developer Experience") == "Software Engineer"
    assert read_title("Data Engineer") == "Data Engineer"
    text = ("Pebble Bank | Senior + Staff Engineers | NYC or REMOTE | Full-Time\n\n"
            "We build a savings app and fight fraud with models.\n\nWe're hiring:\n\n"
            "  - Senior Software Engineer (React, Full-stack) | $150K-$220K\n"
            "  - Staff Software Engineer (Elixir) | $200K-$250K\n"
            "  - Staff Software Engineer (ML/AI) | $200K-$250K\n\n"
            "Apply at https://jobs.example/pebble\n")
    prep = prepare_record({"id": "hn-1", "source": "hn", "title": text.split("\n")[0], "text": text})
    assert prep.role == "Staff Software Engineer (ML/AI)"
    assert prep.title.startswith("Staff Software Engineer (ML/AI) | Pebble Bank")
