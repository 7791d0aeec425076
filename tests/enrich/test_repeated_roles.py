"""A post that names a role twice (a summary list of its roles before the described headers, or
a how-to-apply list after them) has one role per title, the described one, through the real
splitter and the enrich pipeline; roles of one title that differ stay two roles."""

from __future__ import annotations

from datetime import UTC, datetime

from mljobs.enrich import enrich_postings, segment_roles
from mljobs.enrich.roles import RoleBlock
from mljobs.models import Posting

HEADER = "Northwind Search | Remote (EU) | Full-time\n\n"
PITCH = ("Northwind builds product search for online shops. We are twenty people, profitable, and "
         "we ship every day; most of us have worked on search and ranking for a decade.\n")
RANKING = ("Train and ship ranking models for our search product. Own the feature pipelines, the "
           "offline evaluation and the serving of the models. Python, PyTorch, Spark.\n")
PIPES = ("Build the batch and streaming pipelines that feed every model. Own our Airflow and dbt "
         "set-up and the warehouse schema. SQL, Python, Kafka, Snowflake.\n")
APPLY = "\nWrite to jobs@northwind.example with a few lines about yourself.\n"


def _children(text: str) -> list[Posting]:
    parent = Posting(id="hackernews:1", source="hackernews", source_id="1",
                     title=text.split("\n", 1)[0], description_text=text,
                     first_seen=datetime(2026, 1, 1, tzinfo=UTC))
    return enrich_postings([parent])


def test_a_summary_list_before_the_described_headers_is_no_role_of_its_own() -> None:
    # (the summary's last item runs on to the pitch, which is longer than a role's text: it
    # still is the post's opening, not a third role)
    text = (HEADER + "We're hiring for:\n* Senior ML Engineers\n* Data Engineer\n\n" + PITCH + PITCH
            + "\nSr. ML Engineer\n" + RANKING + "\nData Engineer\n" + PIPES + APPLY)
    roles = segment_roles(text)
    assert roles.titles == ["Sr. ML Engineer", "Data Engineer"]
    assert [b.title for b in roles.blocks] == roles.titles
    # (the list and the pitch are every role's opening text)
    assert text[roles.shared_end:].lstrip().startswith("Sr. ML Engineer\n")
    children = _children(text)
    assert [c.title for c in children] == roles.titles
    for child in children:
        assert child.enrichment is not None and child.enrichment.roles == roles.titles


def test_a_list_of_the_roles_after_their_texts_closes_the_post() -> None:
    # (each role named again with its link, and no "How to apply" line before them)
    text = (HEADER + PITCH + "\nRoles:\n\nML Engineer\n\n" + RANKING + "\nData Engineer\n\n" + PIPES
            + "\nML Engineer:\nhttps://jobs.northwind.example/ml\n\n"
            + "Data Engineer:\nhttps://jobs.northwind.example/data\n")
    roles = segment_roles(text)
    assert roles.titles == ["ML Engineer", "Data Engineer"]
    assert text[roles.closing_start:].lstrip().startswith("ML Engineer:\nhttps")
    last = roles.blocks[-1]
    assert text[last.start:last.end].strip() == "Data Engineer\n\n" + PIPES.strip()
    assert [c.title for c in _children(text)] == roles.titles


def test_roles_of_one_title_that_differ_stay_two() -> None:
    # two ads in one list (each its own link), two items of one list, and a title described
    # twice under its own header: each is a role
    ads = (HEADER + PITCH + "\n+ Software Engineer - https://jobs.northwind.example/1\n"
           "+ Data Engineer - https://jobs.northwind.example/2\n"
           "+ Software Engineer - https://jobs.northwind.example/3\n")
    assert segment_roles(ads).titles == ["Software Engineer", "Data Engineer", "Software Engineer"]
    one_list = (HEADER + PITCH + "\n- Engineering Manager (Search Quality)\n- Engineering Manager\n"
                "- Data Engineer\n")
    assert segment_roles(one_list).titles == ["Engineering Manager", "Engineering Manager",
                                              "Data Engineer"]
    described = (HEADER + PITCH + "\nML Engineer\n" + RANKING + "\nData Engineer\n" + PIPES
                 + "\nML Engineer\n" + PIPES.replace("batch", "feature"))
    roles = segment_roles(described)
    assert [b.title for b in roles.blocks] == ["ML Engineer", "Data Engineer", "ML Engineer"]
    assert len(_children(described)) == 3


def test_a_role_named_again_for_one_role_is_one_title() -> None:
    text = HEADER + "ML Engineer\n" + RANKING + "\nTo apply:\nML Engineer: https://jobs.northwind.example/ml\n"
    roles = segment_roles(text)
    assert roles.titles == ["ML Engineer"] and not roles.is_multi


def _own_texts(text: str, roles_blocks: list[RoleBlock]) -> list[str]:
    return [text[b.start:b.end].strip().split("\n", 1)[1].strip() for b in roles_blocks]


def test_each_role_runs_to_the_next_and_the_last_to_the_closing_text() -> None:
    # whether no title repeats, a title repeats and both stay, or a repeat goes (and closes the
    # post): each role's text runs to the next role line, the last one's to the closing text,
    # and its length is what it says of its own
    unique = (HEADER + PITCH + "\nML Engineer\n" + RANKING + "\nData Engineer\n" + PIPES
              + "\nHow to apply: jobs@northwind.example\n")
    both = (HEADER + PITCH + "\nML Engineer\n" + RANKING + "\nData Engineer\n" + PIPES
            + "\nML Engineer\n" + PIPES.replace("batch", "feature"))
    dropped = (HEADER + PITCH + "\nML Engineer\n\n" + RANKING + "\nData Engineer\n\n" + PIPES
               + "\nML Engineer:\nhttps://jobs.northwind.example/ml\n")
    for text, owns in ((unique, [RANKING, PIPES]),
                       (both, [RANKING, PIPES, PIPES.replace("batch", "feature")]),
                       (dropped, [RANKING, PIPES])):
        roles = segment_roles(text)
        blocks = roles.blocks
        assert [b.end for b in blocks[:-1]] == [b.start for b in blocks[1:]]
        assert blocks[-1].end == (roles.closing_start or len(text))
        assert _own_texts(text, blocks) == [own.strip() for own in owns]
        assert [b.body_len for b in blocks] == [len(own.strip()) for own in owns]
    assert dropped[segment_roles(dropped).closing_start:].lstrip().startswith("ML Engineer:\nhttps")


# A post that describes its roles, closes (other roles, the team, a link to all roles), and
# then holds an ad of one of its roles with a header of its own, as the post's first line.
AD_HEADER = "Northwind Search | Oslo / Remote | ONSITE | Full-time | Several Roles\n\n"
AD_ROLES = (
    "Search Engineer, Query Understanding — Own spelling, synonyms and query rewriting for "
    "forty shops' catalogues, from offline evaluation to the serving path.\n\n"
    "Data Engineer, Catalogue — Build the ingestion that keeps every shop's catalogue fresh "
    "in the index within a minute, and the checks that catch a broken feed.\n\n"
    "Applied Scientist, Ranking — Design the learning-to-rank experiments, run the A/B tests "
    "and write up what we learn; the ranking models are yours to shape.\n\n"
    "Also hiring: Product Designer, Sales Engineer, Office Manager.\n\n"
    "Twelve people from search teams at large shops; profitable since last year.\n\n"
    "All roles: https://jobs.northwind.example\n\n")
AD = ("Northwind Search | Search Engineer, Query Understanding Hiring: Oslo | Salary: NOK 900k | "
      "Full Time\n\nOwning query understanding end to end: Elasticsearch, Kotlin and Python, "
      "with a say in how we evaluate it. 4+ years of search, strong Kotlin. "
      "https://jobs.northwind.example/query\n")


def test_an_ad_of_a_role_appended_to_the_post_is_that_roles_text() -> None:
    text = AD_HEADER + PITCH + AD_ROLES + AD
    roles = segment_roles(text)
    assert roles.titles == ["Search Engineer, Query Understanding", "Data Engineer, Catalogue",
                            "Applied Scientist, Ranking"]
    query = roles.blocks[0]
    assert [text[a:b] for a, b in query.ads] == [AD]
    assert all(not b.ads for b in roles.blocks[1:])
    # the closing before the ad is every role's, the ad is no role's closing
    assert text[roles.closing_start:roles.closing_end].strip() == "All roles: https://jobs.northwind.example"
    children = _children(text)
    assert [c.title for c in children] == roles.titles
    assert "Elasticsearch" in children[0].description_text
    assert all("Elasticsearch" not in c.description_text for c in children[1:])
    assert all("All roles: https://jobs.northwind.example" in c.description_text for c in children)


def test_headers_of_other_roles_or_another_company_stay_roles() -> None:
    # a post of ads each under its own header (no title named twice), and a header that names
    # another company: each line is a role, as before
    ads = (AD_HEADER + PITCH + "Northwind Search | Search Engineer | Oslo | NOK 900k\n\n" + RANKING
           + "\nNorthwind Search | Data Engineer | Oslo | NOK 800k\n\n" + PIPES)
    assert segment_roles(ads).titles == ["Search Engineer", "Data Engineer"]
    other = AD_HEADER + PITCH + AD_ROLES + AD.replace("Northwind Search |", "Southwind Labs |")
    assert segment_roles(other).titles[-1] == "Search Engineer, Query Understanding"
    assert len(segment_roles(other).titles) == 4


def test_two_headers_of_one_title_in_two_places_stay_two_roles() -> None:
    # every role under a header of the post's form, one title in two places and pay: the
    # second header is a role of its own, not an ad of the first (int17 made one posting)
    text = (AD_HEADER + PITCH + "Northwind Search | Search Engineer | Oslo | NOK 900k\n\n" + RANKING
            + "\nNorthwind Search | Search Engineer | London | £95k\n\n" + PIPES)
    roles = segment_roles(text)
    assert roles.is_multi and len(roles.blocks) == 2
    assert all(not b.ads for b in roles.blocks)
    children = _children(text)
    assert len(children) == 2
    assert "Oslo" in children[0].description_text and "PyTorch" in children[0].description_text
    assert "London" in children[1].description_text and "Airflow" in children[1].description_text
    assert "London" not in children[0].description_text
