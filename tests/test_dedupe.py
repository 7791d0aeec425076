"""Duplicate linking: URL cleaning, the pair rule, its precision/recall, and store links."""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mljobs.dedupe import (
    company_key,
    is_duplicate,
    link_duplicates,
    post_role_lists,
    title_levels,
    title_tokens,
    titles_conflict,
)
from mljobs.demo import demo_path
from mljobs.enrich.facets import seniority
from mljobs.importer import import_file
from mljobs.models import Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.pipeline import default_enricher
from mljobs.sources import SOURCES
from mljobs.sources.base import clean_url
from mljobs.sources.files import row_to_raw
from mljobs.store import SQLiteStore
from mljobs.store.migrations import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "fixtures" / "sources" / "dedupe" / "pairs.jsonl"
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "postings.jsonl"
NOW = datetime(2026, 3, 20, tzinfo=UTC)
BODY = ("We build retrieval and ranking systems for legal search. You will train and evaluate "
        "models in PyTorch, own the offline metrics, and ship to production with the platform "
        "team. Five years of experience with Python and SQL; NLP experience is a plus.")


def raw(source: str, sid: str, title: str, company: str, text: str = BODY,
        url: str | None = None) -> RawPosting:
    return RawPosting(source=source, source_id=sid, title=title, company=company,
                      description_text=text, url=url)


def test_clean_url_strips_tracking_and_fragment() -> None:
    assert clean_url("HTTPS://Jobs.Example.com/a/?utm_source=hn&gh_src=x&id=7#apply") == \
        "https://jobs.example.com/a?id=7"
    assert clean_url(None) is None


def test_company_key_folds_suffixes_and_accents() -> None:
    assert company_key("Acme, Inc.") == company_key("ACME") == "acme"
    assert company_key("Café Labs GmbH") == "cafe labs"
    assert company_key(None) == ""


def test_titles_conflict_only_when_both_add_something() -> None:
    assert titles_conflict("Senior Frontend Engineer", "Senior Backend Engineer")
    assert not titles_conflict("ML Engineer", "ML Engineer, Search")
    assert not titles_conflict("Sr. Data Scientist", "Data Scientist")


def test_same_job_on_two_sources_is_a_duplicate() -> None:
    board = normalize(raw("greenhouse", "acme:1", "Machine Learning Engineer", "Acme Inc.",
                          url="https://boards.greenhouse.io/acme/jobs/1"))
    hn = normalize(raw("hackernews", "99", "Acme | Machine Learning Engineer | Remote", "Acme",
                       text="Acme | Machine Learning Engineer | Remote\n" + BODY))
    assert is_duplicate(board, hn)


def test_link_in_text_makes_a_duplicate_whatever_the_company() -> None:
    board = normalize(raw("lever", "x:1", "Data Scientist", "x",
                          url="https://jobs.lever.co/x/1"))
    post = normalize(raw("reddit", "r1", "[Hiring] DS", "Someone",
                         text="Apply at https://jobs.lever.co/x/1?utm_source=reddit"))
    assert is_duplicate(post, board)


def test_different_roles_at_one_company_are_not_duplicates() -> None:
    a = normalize(raw("greenhouse", "acme:1", "Frontend Engineer", "Acme",
                      text=BODY + " Frontend: React, TypeScript, design systems."))
    b = normalize(raw("greenhouse", "acme:2", "Backend Engineer", "Acme",
                      text=BODY + " Backend: Go, Postgres, Kafka."))
    c = normalize(raw("greenhouse", "other:1", "Frontend Engineer", "Other Co"))
    assert not is_duplicate(a, b) and not is_duplicate(a, c)


def _corpus_posting(rows: dict[str, dict], key: str):
    return normalize(row_to_raw(rows[key], path="corpus", line=1))


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/data/corpus")
def test_precision_and_recall_on_labelled_pairs() -> None:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    wanted = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    with CORPUS.open(encoding="utf-8") as corpus:
        rows = {r["id"]: r for r in map(json.loads, corpus) if r["id"] in wanted}
    tp = fp = fn = 0
    for pair in pairs:
        predicted = is_duplicate(_corpus_posting(rows, pair["a"]), _corpus_posting(rows, pair["b"]))
        tp += predicted and pair["duplicate"]
        fp += predicted and not pair["duplicate"]
        fn += (not predicted) and pair["duplicate"]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # docs/sources.md quotes these numbers: 70 pairs, 34 duplicates.
    assert len(pairs) == 70 and tp + fn == 34
    assert precision >= 0.9, precision
    assert recall >= 0.85, recall


def test_link_duplicates_in_store_picks_board_posting_as_canonical() -> None:
    store = SQLiteStore(":memory:")
    hn_jan = normalize(raw("hackernews", "1", "Acme | ML Engineer | Remote", "Acme"))
    hn_feb = normalize(raw("hackernews", "2", "Acme | ML Engineer | Remote", "Acme"))
    board = normalize(raw("greenhouse", "acme:7", "ML Engineer", "Acme",
                          url="https://boards.greenhouse.io/acme/jobs/7"))
    other = normalize(raw("greenhouse", "acme:8", "Office Manager", "Acme",
                          text="Run the office, plan events, manage vendors and budgets."))
    store.upsert([hn_jan, hn_feb], now=NOW)
    store.upsert([board, other], now=NOW + timedelta(days=30))
    report = link_duplicates(store, [board.id, other.id])
    assert report.clusters == 1 and report.linked == 2
    canonical = store.get(board.id)
    assert canonical.canonical_id is None
    assert store.get(hn_jan.id).canonical_id == board.id
    assert store.get(hn_feb.id).canonical_id == board.id
    assert store.get(other.id).canonical_id is None
    assert canonical.extra["also_sources"] == ["hackernews"]
    assert canonical.extra["source_urls"] == [board.url]  # the HN rows here carry no URL
    # idempotent: a second pass links nothing new
    assert link_duplicates(store, [board.id]).linked == 0


def test_every_board_source_s_posting_is_canonical_over_an_earlier_post() -> None:
    """Each source whose listing is a whole board (``closes``: greenhouse, lever, ashby,
    recruitee, a careers page) is "a board" to the canonical rule. Before, the rule kept its own
    list of them, which Recruitee was not added to: an HN post seen a month earlier stood for
    the job, not the company's Recruitee offer."""
    for source in sorted(name for name, cls in SOURCES.items() if cls.closes):
        store = SQLiteStore(":memory:")
        post = normalize(raw("hackernews", "1", "Acme | ML Engineer | Remote", "Acme"))
        board = normalize(raw(source, "acme:7", "ML Engineer", "Acme"))
        store.upsert([post], now=NOW)
        store.upsert([board], now=NOW + timedelta(days=30))
        assert link_duplicates(store, [board.id]).linked == 1, source
        assert store.get(post.id).canonical_id == board.id, source
        assert store.get(board.id).canonical_id is None, source


def test_a_careers_page_url_shared_by_several_jobs_links_nothing() -> None:
    store = SQLiteStore(":memory:")
    page = "https://careers.example.com/jobs"
    a = normalize(raw("jsonld", "a", "Data Engineer", "Helix", text="Pipelines for lab data.",
                      url=page))
    b = normalize(raw("jsonld", "b", "ML Scientist", "Helix", text="Protein language models.",
                      url=page))
    store.upsert([a, b], now=NOW)
    assert not is_duplicate(a, b)
    assert link_duplicates(store, [a.id, b.id]).linked == 0


def test_a_job_url_from_an_alert_and_a_board_links_whatever_the_company() -> None:
    """Before: a URL held by two postings counted as a listing page, so an alert's job and
    the board posting it links to were linked only when their company names agreed."""
    store = SQLiteStore(":memory:")
    job = "https://boards.greenhouse.io/acme/jobs/7"
    board = normalize(raw("greenhouse", "acme:7", "ML Engineer", "Acme", url=job))
    monday = normalize(raw("mailbox", "m1", "ML Engineer", "Acme Robotics GmbH",
                           text="Acme Robotics GmbH - Berlin", url=job + "?gh_src=x1"))
    tuesday = normalize(raw("mailbox", "m2", "ML Engineer", "", text="Berlin",
                            url=job + "?gh_src=x2"))
    store.upsert([board, monday, tuesday], now=NOW)
    link_duplicates(store, [monday.id, tuesday.id])
    assert store.get(monday.id).canonical_id == board.id
    assert store.get(tuesday.id).canonical_id == board.id
    # one source's postings of two titles at one URL: a careers page, no link
    other = normalize(raw("mailbox", "m3", "Office Manager", "Globex", text="Run the office.",
                          url=job))
    store.upsert([other], now=NOW)
    link_duplicates(store, [other.id])
    assert store.get(other.id).canonical_id is None


# Real Hacker News posts from the bundled demo file: MixRank's January post lists a
# junior and a mid-level Software Engineer role, its February post repeats them; Prompt
# Health's January post lists four roles. The pipeline splits each into one posting per
# role ("<id>/r<n>"), which share the post's opening text and its list of role titles.
MIXRANK_JAN, MIXRANK_FEB, PROMPT_JAN = 46466743, 46858667, 46481959


def _demo_rows(*ids: int) -> list[str]:
    with gzip.open(demo_path(), "rt", encoding="utf-8") as demo:
        return [line for line in demo if json.loads(line)["id"] in ids]


def _import_demo_posts(tmp_path: Path, *ids: int,
                       now: datetime = NOW) -> tuple[SQLiteStore, list[str]]:
    path = tmp_path / "hn.jsonl"
    path.write_text("".join(_demo_rows(*ids)), encoding="utf-8")
    store = SQLiteStore(tmp_path / "store.sqlite3")
    report = import_file(store, path, now=now, enricher=default_enricher())
    return store, list(report.changed_ids)


def _links(store: SQLiteStore) -> dict[str, str]:
    return {pid: canonical for pid, *_, canonical, _seen in store.dedupe_rows() if canonical}


def _post(pid: str) -> str:
    return pid.split("/r")[0]


def test_roles_of_one_post_are_never_duplicates(tmp_path: Path) -> None:
    store, changed = _import_demo_posts(tmp_path, MIXRANK_JAN, PROMPT_JAN)
    roles = [pid for pid in changed if "/r" in pid]
    posts = {f"hackernews:{MIXRANK_JAN}", f"hackernews:{PROMPT_JAN}"}
    assert {_post(pid) for pid in roles} == posts
    assert len(roles) >= 5  # two MixRank roles, at least three Prompt Health roles
    link_duplicates(store, changed)
    assert _links(store) == {}
    postings = store.get_many(roles)
    for a in roles:
        for b in roles:
            if a < b and _post(a) == _post(b):
                assert not is_duplicate(postings[a], postings[b]), (a, b)


def test_a_role_reposted_next_month_links_to_the_same_role(tmp_path: Path) -> None:
    store, changed = _import_demo_posts(tmp_path, MIXRANK_JAN, MIXRANK_FEB)
    link_duplicates(store, changed)
    links = _links(store)
    titles = {pid: p.title for pid, p in store.get_many(changed).items()}
    feb = [pid for pid in changed if _post(pid) == f"hackernews:{MIXRANK_FEB}"]
    assert len(feb) == 2 and set(links) == set(feb)  # each February role links, nothing else
    for pid in feb:
        assert _post(links[pid]) == f"hackernews:{MIXRANK_JAN}"
        assert titles[links[pid]] == titles[pid]  # junior to junior, mid-level to mid-level
    assert len(set(links.values())) == 2


def test_a_stored_link_between_two_roles_of_one_post_is_undone(tmp_path: Path) -> None:
    store, changed = _import_demo_posts(tmp_path, MIXRANK_JAN, MIXRANK_FEB)
    jan = sorted(pid for pid in changed if _post(pid) == f"hackernews:{MIXRANK_JAN}")
    store.set_canonical([(jan[1], jan[0])])  # as an older version linked them
    store.merge_extra([(jan[0], {"also_sources": [], "source_urls": ["x"]})])
    link_duplicates(store, [])  # nothing changed: nothing to do
    assert store.get(jan[1]).canonical_id == jan[0]
    link_duplicates(store, changed)
    links = _links(store)
    assert all(_post(pid) != _post(canonical) for pid, canonical in links.items())
    assert set(links.values()) == set(jan)  # each January role is the canonical of its repost


def test_union_never_joins_two_roles_of_one_post_through_a_third() -> None:
    # a single (unsplit) earlier post that resembles both roles of a later split post
    single = normalize(raw("hackernews", "1", "Acme | Engineers | Remote", "Acme").model_copy(
        update={"posted_at": NOW - timedelta(days=30)}))
    role1 = normalize(raw("hackernews", "2/r1", "Backend Engineer", "Acme",
                          text=BODY + " Backend: Go, Postgres.").model_copy(
        update={"posted_at": NOW}))
    role2 = normalize(raw("hackernews", "2/r2", "Platform Engineer", "Acme",
                          text=BODY + " Platform: Kubernetes, Terraform.").model_copy(
        update={"posted_at": NOW}))
    assert is_duplicate(single, role1) and is_duplicate(single, role2)
    assert not is_duplicate(role1, role2)
    store = SQLiteStore(":memory:")
    store.upsert([single, role1, role2], now=NOW)
    link_duplicates(store, [single.id, role1.id, role2.id])
    links = _links(store)
    assert len(links) == 1 and single.id in {*links, *links.values()}


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/data/corpus")
def test_two_live_roles_sharing_boilerplate_are_not_duplicates() -> None:
    # Novartis AI Innovation Lab ads on Glassdoor: different roles whose texts share most of
    # their 3-shingles (the lab's description, benefits, EEO text): Jaccard 0.88-0.89
    pairs = [("gd-b539d99fd2e5", "gd-9c9e04e38ac3"), ("gd-aaffb5b83282", "gd-2eaca2cca7c9")]
    wanted = {i for pair in pairs for i in pair}
    with CORPUS.open(encoding="utf-8") as corpus:
        rows = {r["id"]: r for r in map(json.loads, corpus) if r["id"] in wanted}
    for a, b in pairs:
        pa, pb = (_corpus_posting(rows, k).model_copy(update={"first_seen": NOW}) for k in (a, b))
        assert titles_conflict(pa.title, pb.title)
        assert not is_duplicate(pa, pb)  # seen in the same scrape: two live roles
        # the same two texts a month apart: the company reposted its ad under a new title
        later = pb.model_copy(update={"first_seen": NOW + timedelta(days=30)})
        assert is_duplicate(pa, later)


def test_plural_and_singular_titles_do_not_conflict() -> None:
    assert not titles_conflict("Engineers", "Backend Engineer")
    assert not titles_conflict("ML Engineers", "ML Engineer")
    assert titles_conflict("Backend Engineers", "Frontend Engineer")


def _linked(*postings: Posting) -> set[str]:
    """Link ``postings`` in a fresh store; the ids that got a canonical posting."""
    store = SQLiteStore(":memory:")
    store.upsert(list(postings), now=NOW)
    link_duplicates(store, [p.id for p in postings])
    return {p.id for p in postings if store.get(p.id).canonical_id}


def test_a_page_of_many_jobs_held_once_by_each_of_two_sources_links_nothing() -> None:
    """A careers index, a board's own page or a site's search held by one posting of each of
    two sources is a page of several jobs, not one job: before, two different jobs (two
    titles, even two companies) at such a URL were linked."""
    index = "https://careers.helix.example/jobs"
    feed = normalize(raw("rss", "f1", "Data Engineer", "Helix", text="Pipelines for lab data.",
                         url=index))
    mail = normalize(raw("mailbox", "m1", "ML Scientist", "Helix Bio",
                         text="Protein language models.", url=index))
    assert _linked(feed, mail) == set()
    assert not is_duplicate(feed, mail)
    board = "https://jobs.ashbyhq.com/helix"  # the board, not a job on it
    ashby = normalize(raw("ashby", "a1", "Research Engineer", "Helix", text="Assays.", url=board))
    alert = normalize(raw("mailbox", "m2", "Office Manager", "Helix", text="Front desk.",
                          url=board + "?utm_source=alert"))
    assert _linked(ashby, alert) == set()
    # an aggregator's search page: one title, two companies
    search = "https://www.jobsite.example/jobs"
    one = normalize(raw("mailbox", "m3", "Machine Learning Engineer", "Globex",
                        text="Ranking.", url=search))
    two = normalize(raw("jobspy", "j1", "Machine Learning Engineer", "Initech",
                        text="Fraud models.", url=search))
    assert _linked(one, two) == set()


def test_one_sources_postings_of_one_title_at_a_page_of_many_jobs_are_not_linked() -> None:
    """Two feed entries of one title and two companies linking to a site's search page, or a
    careers page's one job in two cities: two postings, as before the shared-URL rule."""
    search = "https://jobs.example.com/search"
    a = normalize(raw("rss", "f1", "Data Scientist", "Globex", text="Churn.", url=search))
    b = normalize(raw("rss", "f2", "Data Scientist", "Initech", text="Pricing.", url=search))
    assert _linked(a, b) == set()


def test_a_job_url_links_across_sources_unless_titles_and_companies_both_differ() -> None:
    job = "https://boards.greenhouse.io/acme/jobs/7"
    board = normalize(raw("greenhouse", "acme:7", "Machine Learning Engineer", "Acme", url=job))
    alert = normalize(raw("mailbox", "m1", "ML Engineer", "Acme Robotics", text="Berlin",
                          url=job + "?gh_src=x1"))
    assert _linked(board, alert) == {alert.id}
    # a company's jobs page with an id in it, held by two sources for two companies' jobs
    page = "https://www.network.example/company/4411/jobs"
    one = normalize(raw("mailbox", "m2", "Office Manager", "Globex", text="Front desk.",
                        url=page))
    two = normalize(raw("jobspy", "j2", "Research Scientist", "Initech", text="Speech.",
                        url=page))
    assert _linked(one, two) == set()


def test_text_shingles_do_not_depend_on_the_processs_hash_seed() -> None:
    """Shingles were Python's ``hash`` of word tuples, salted per process: MinHash chose other
    candidate pairs in each run, and the demo gave 1,491 or 1,492 canonical postings by the
    run (PYTHONHASHSEED=21: 1,492)."""
    script = ("from mljobs.dedupe import shingles; "
              "print(sorted(shingles('Senior ML engineer for ranking models in Berlin')))")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "21")}
    assert len(outputs) == 1


def test_one_pass_links_all_postings_at_a_job_url_and_reads_headers_by_company_key() -> None:
    """One linking pass over several changed postings at one job URL (each pair judged with
    the URL's ``names_one_job`` worked out once) and at a careers index, where an HN header
    "Company | Role | Place" counts by its role only: its company part is matched against
    the stored posting's company key."""
    job = "https://jobs.lever.co/acme/5f1c9a"
    board = normalize(raw("lever", "acme:5f1c9a", "Machine Learning Engineer", "Acme", url=job))
    alert = normalize(raw("mailbox", "m1", "ML Engineer", "Acme Robotics", text="Berlin",
                          url=job + "?utm_source=x"))
    mail = normalize(raw("rss", "r1", "Research Scientist", "Acme", text=f"Apply: {job}"))
    assert _linked(board, alert, mail) == {alert.id, mail.id}
    index = "https://acme.example/careers"
    hn = normalize(raw("hackernews", "h1", "Acme, Inc. | Data Engineer | Berlin", "Acme Inc.",
                       text="Pipelines.", url=index))
    page = normalize(raw("jsonld", "j1", "Data Engineer, Platform", "Acme", text="Lakehouse.",
                         url=index))
    assert _linked(hn, page) == {hn.id}  # the board-like posting is canonical
    other = normalize(raw("hackernews", "h2", "Globex | Data Engineer | Berlin", "Acme",
                          text="Pipelines.", url=index))
    assert _linked(other, page) == set()  # "Globex" is no header of Acme's: titles conflict


def test_a_text_linking_a_careers_index_does_not_join_another_role_of_the_company(
        tmp_path: Path) -> None:
    """Before: within a company's block a posting whose text links to a URL that names no job
    (a careers index) was one job with the posting at that URL whatever their titles, while
    the URL rule asks that the titles do not conflict: Acme's Backend Engineer ad ("see all
    roles at <careers page>") was linked to its Frontend Engineer at that page, and a seeker
    saw one of the two roles."""
    index = "https://acme.example/careers"
    page = normalize(raw("jsonld", "j1", "Frontend Engineer", "Acme",
                         text="React, TypeScript and design systems for our editor.", url=index))
    feed = normalize(raw("rss", "f1", "Backend Engineer", "Acme",
                         text=f"Go, Postgres and Kafka for our sync service. See all roles at "
                              f"{index}"))
    assert not is_duplicate(feed, page) and not is_duplicate(page, feed)
    # a role whose title only adds detail to the page's is the page's job
    detail = normalize(raw("rss", "f2", "Senior Frontend Engineer, Editor", "Acme",
                           text=f"Apply at {index}?utm_source=feed"))
    assert is_duplicate(detail, page)
    store = SQLiteStore(tmp_path / "store.sqlite3")
    store.upsert([page, feed, detail], now=NOW)
    link_duplicates(store, [page.id, feed.id, detail.id])
    assert _links(store) == {detail.id: page.id}


def test_a_stored_post_at_a_url_is_judged_by_its_roles_as_a_changed_one_is(
        tmp_path: Path) -> None:
    """A Hacker News post carries the roles its header names (``extra["roles"]``). The URL rule
    read a changed posting's title from them but a stored posting's from its header's second
    part, often a place ("Remote", "Berlin"): a stored "Acme | Remote | Frontend Engineer"
    post at Acme's careers page was linked to the Backend Engineer ad that arrived there
    later ("Remote" names no role, so nothing conflicted), and a stored "Acme | Berlin | Data
    Engineer" post was not linked to the Data Engineer ad there ("Berlin" conflicted)."""
    frontend_page, data_page = "https://acme.example/careers", "https://acme.example/jobs"
    rows = [{"id": "hn-101", "source": "hackernews", "url": frontend_page,
             "text": "Acme | Remote | Frontend Engineer | Full-time\nReact and TypeScript."},
            {"id": "hn-102", "source": "hackernews", "url": data_page,
             "text": "Acme | Berlin | Data Engineer | Full-time\nSpark and Airflow."}]
    path = tmp_path / "hn.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    store = SQLiteStore(tmp_path / "store.sqlite3")
    report = import_file(store, path, now=NOW)
    link_duplicates(store, list(report.changed_ids))
    hn = {p.extra["roles"][0]: p for p in store.get_many(list(report.changed_ids)).values()}
    assert set(hn) == {"Frontend Engineer", "Data Engineer"}
    backend = normalize(raw("jsonld", "j1", "Backend Engineer", "Acme Robotics",
                            text="Go services.", url=frontend_page))
    data = normalize(raw("jsonld", "j2", "Data Engineer", "Acme Robotics",
                         text="Pipelines.", url=data_page))
    store.upsert([backend, data], now=NOW + timedelta(days=1))
    link_duplicates(store, [backend.id, data.id])
    assert _links(store) == {hn["Data Engineer"].id: data.id}


def test_a_hacker_news_address_is_no_job_url() -> None:
    """A comment that links to another comment of the thread ("my comment was detached from
    its thread (https://news.ycombinator.com/item?id=...)") was one job with that post: an HN
    address has an id in it, so it "named one job" whatever the titles (the URL links left HN
    addresses out already; the company-block comparison did not). Every role of a split post
    is at the post's address too."""
    from mljobs.sources.hn_format import hn_item_to_raw

    post = hn_item_to_raw({"id": 501, "time": 1767225600,
                           "text": "Acme | Mobile Engineer (Kotlin) | Remote<p>We build apps."})
    note = hn_item_to_raw({"id": 502, "time": 1767229200,
                           "text": "Sent you an email. My comment was detached from its thread "
                                   "(https://news.ycombinator.com/item?id=501), no idea why."})
    assert post is not None and note is not None
    assert not is_duplicate(normalize(note), normalize(post))
    assert not is_duplicate(normalize(post), normalize(note))


@pytest.mark.parametrize("job_page", [True, False], ids=["job-url", "careers-index"])
@pytest.mark.parametrize("by_text", [False, True], ids=["shared-url", "text-link"])
def test_the_company_comparison_and_the_url_links_apply_one_url_rule(
        tmp_path: Path, job_page: bool, by_text: bool) -> None:
    """Every case of the URL rule (module docstring), for two postings of one company (both
    the company block's comparison and the URL links see them) and of two (only the URL
    links do): a pass over a store and ``is_duplicate`` agree with the rule. Before, a text's
    link to a careers index joined two roles of one company whatever their titles."""
    url = "https://acme.example/careers" + ("/4471" if job_page else "")
    cases = 0
    for company in ("Acme", "Acme Robotics", "Globex"):
        for title in ("Frontend Engineer, Editor", "Backend Engineer"):
            at = normalize(raw("jsonld", "j1", "Frontend Engineer", "Acme",
                               text="React and TypeScript for our editor.", url=url))
            other = normalize(raw("rss", "f1", title, company,
                                  text=f"Go and Postgres. Apply: {url}" if by_text else
                                  "Go and Postgres.", url=None if by_text else url))
            conflict = title == "Backend Engineer"
            agree = company != "Globex"
            if by_text:
                expected = job_page or not conflict
            else:
                expected = (not conflict or agree) if job_page else (not conflict and agree)
            store = SQLiteStore(tmp_path / f"{cases}.sqlite3")
            store.upsert([at, other], now=NOW)
            link_duplicates(store, [at.id, other.id])
            assert bool(_links(store)) == expected, (company, title)
            assert is_duplicate(other, at) == is_duplicate(at, other) == expected, (company, title)
            cases += 1
    assert cases == 6


@pytest.mark.parametrize("end", [".", ",", ";", ").", "!", ":", "?", "”", "’", "…", "!”"])
def test_a_text_linking_a_job_at_the_end_of_a_sentence_links_to_it(tmp_path: Path,
                                                                   end: str) -> None:
    """A post's "Apply: https://.../jobs/4471." links the board's posting at that address:
    a sentence's last ``.``, ``,`` or ``;`` is no part of a link, as a mail's job link reads
    it (``links.text_urls``, the one rule). Before, the URL compared was ``.../4471.``,
    which no posting is at."""
    url = "https://acme.example/careers/4471"
    board = normalize(raw("jsonld", "j1", "Machine Learning Engineer", "Acme",
                          text="Ranking models for our search.", url=url))
    post = normalize(raw("rss", "f1", "Backend Engineer", "Globex",
                         text=f"Go and Postgres (apply: {url}{end} Thanks"
                         if end == ")." else f"Go and Postgres. Apply: {url}{end} Thanks"))
    assert is_duplicate(post, board) and is_duplicate(board, post)
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([board, post], now=NOW)
    link_duplicates(store, [post.id])
    assert _links(store) == {post.id: board.id}


def test_a_title_short_form_names_what_its_words_do() -> None:
    """"ML" is "Machine Learning" (and "SWE" "Software Engineer"...): two wordings of one role
    do not conflict, and a short form still tells two roles apart."""
    assert not titles_conflict("ml engineer", "machine learning engineer")
    assert not titles_conflict("Sr. ML Engineer", "Senior Machine Learning Engineer")
    assert not titles_conflict("MLE, Search", "Machine Learning Engineer")
    assert not titles_conflict("SWE, Platform", "Software Engineer, Platform")
    assert not titles_conflict("AI Researcher", "Artificial Intelligence Researcher")
    assert titles_conflict("ML Engineer", "Machine Learning Researcher")
    assert titles_conflict("ML Engineer", "AI Engineer")
    assert titles_conflict("SWE, Frontend", "Software Engineer, Backend")


def test_a_post_linking_its_job_page_links_it_under_a_short_form_title(tmp_path: Path) -> None:
    """An HN post "Sr. ML Engineer" linking the careers page's posting "Senior Machine Learning
    Engineer" at its own page (a short slug: no id, so the URL rule reads it as naming no
    job and asks that the titles do not conflict) is one job. Since the URL rule was applied
    to the company comparison too (b3ddbfe), the two were no duplicates: "ML" and "Machine
    Learning" read as two roles."""
    url = "https://acme.example/careers/ml-engineer"
    page = normalize(raw("jsonld", "j1", "Senior Machine Learning Engineer", "Acme", url=url))
    post = normalize(raw("hackernews", "9001", "Acme | Sr. ML Engineer | Berlin", "Acme",
                         text=f"Small team, many GPUs. Apply: {url}"))
    assert is_duplicate(post, page) and is_duplicate(page, post)
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([page, post], now=NOW)
    link_duplicates(store, [post.id])
    assert _links(store) == {post.id: page.id}


def test_a_text_linking_a_listing_page_joins_none_of_its_roles(tmp_path: Path) -> None:
    """A careers page whose postings all carry the page's address (no address of their own)
    is a listing page: it links nothing (module docstring), in the company comparison as in
    the URL links. Before, the company comparison linked a post that links the page to each
    role there whose title its own does not conflict with ("Machine Learning Engineer and
    Data Scientist" to both), so the two roles ended in one cluster."""
    url = "https://acme.example/careers"
    ml = normalize(raw("jsonld", "j1", "Machine Learning Engineer", "Acme",
                       text="Train ranking models in PyTorch.", url=url))
    ds = normalize(raw("jsonld", "j2", "Data Scientist", "Acme",
                       text="Forecasting and experiments in SQL.", url=url))
    post = normalize(raw("rss", "f1", "Machine Learning Engineer and Data Scientist", "Acme",
                         text=f"We hire for two roles. Apply: {url}"))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([ml, ds, post], now=NOW)
    link_duplicates(store, [ml.id, ds.id, post.id])
    assert _links(store) == {}
    # one title at the page: the post's link to it links that posting, as before
    store = SQLiteStore(tmp_path / "one.sqlite3")
    store.upsert([ml, post], now=NOW)
    link_duplicates(store, [ml.id, post.id])
    assert _links(store) == {post.id: ml.id}


def test_a_job_url_naming_hacker_news_in_its_query_is_a_job_url(tmp_path: Path) -> None:
    """Only an address on Hacker News's host is no job URL: a job's address that names the
    site in a parameter no tracking list strips (``?from=news.ycombinator.com``) is the
    job's. Before, any address with the host's name anywhere in it was left out."""
    url = "https://acme.example/jobs/4471?from=news.ycombinator.com"
    board = normalize(raw("jsonld", "j1", "Machine Learning Engineer", "Acme",
                          text="Ranking models for our search.", url=url))
    alert = normalize(raw("mailbox", "m1", "ML Engineer", "Acme Robotics",
                          text="A new job for you.", url=url))
    assert is_duplicate(alert, board)
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([board, alert], now=NOW)
    link_duplicates(store, [alert.id])
    assert _links(store) == {alert.id: board.id}


def test_a_place_part_of_a_title_names_no_role(tmp_path: Path) -> None:
    """A careers-index posting "Frontend Engineer - New York" and a post "Frontend Engineer
    (Remote, US)" that links the index are one job: a part that only says where or how the
    job is done makes no conflict. Since the text-link rule asked for titles that do not
    conflict (dedupe18), each title's place read as a role word and the two were no
    duplicates. A part naming a team ("Engineer - Platform") still counts."""
    url = "https://acme.example/careers"
    page = normalize(raw("jsonld", "j1", "Frontend Engineer - New York", "Acme",
                         text="React and TypeScript for our editor. " * 3, url=url))
    post = normalize(raw("hackernews", "9001", "Acme | Frontend Engineer (Remote, US)", "Acme",
                         text=f"We need a frontend engineer. Apply: {url}"))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([page, post], now=NOW)
    link_duplicates(store, [page.id, post.id])
    assert _links(store) == {post.id: page.id}
    for a, b in (("ML Engineer (Berlin)", "ML Engineer, London | Hybrid"),
                 ("Data Scientist - NYC", "Data Scientist in San Francisco, CA"),
                 ("Backend Engineer | Remote (EU)", "Backend Engineer - Berlin/Amsterdam")):
        assert not titles_conflict(a, b), (a, b)
    assert titles_conflict("Engineer - Platform", "Engineer - Payments")
    assert titles_conflict("Frontend Engineer - New York", "Backend Engineer - New York")
    # the same post linking a careers index whose posting names another team: no link
    other = normalize(raw("jsonld", "j1", "Backend Engineer - New York", "Acme",
                          text="Go services for our editor. " * 3, url=url))
    store = SQLiteStore(tmp_path / "other.sqlite3")
    store.upsert([other, post], now=NOW)
    link_duplicates(store, [other.id, post.id])
    assert _links(store) == {}


def test_a_place_no_finite_list_names_is_still_a_place_part() -> None:
    """A title's part naming a city, country or region of the gazetteer
    (``mljobs.places``) names no role, whatever city: the finite list of known places
    (``data/places.txt``) did not hold São Paulo, Florianópolis, Kraków,
    "Ho Chi Minh City" or Winston-Salem, so "Frontend Engineer - São Paulo" and "Frontend
    Engineer - Lisbon" each named something the other did not, and conflicted. A team, a
    field or a product is still no place."""
    for title in ("Frontend Engineer - São Paulo", "Frontend Engineer (Florianópolis, Brazil)",
                  "Frontend Engineer, Ho Chi Minh City", "Frontend Engineer - Kraków",
                  "Frontend Engineer - South Korea", "Frontend Engineer - Winston-Salem, NC",
                  "Frontend Engineer (Remote, Oceania)"):
        assert title_tokens(title) == {"frontend", "engineer"}, title
    for a, b in (("Frontend Engineer - São Paulo", "Frontend Engineer - Lisbon"),
                 ("Data Engineer (Florianópolis, Brazil)", "Data Engineer - Remote (Canada)"),
                 ("Research Scientist - South Korea", "Research Scientist (Seoul)")):
        assert not titles_conflict(a, b), (a, b)
    for a, b in (("Engineer - Mobile", "Engineer - Payments"),
                 ("Engineer - Reading Comprehension", "Engineer - Search"),
                 ("Frontend Engineer - São Paulo", "Backend Engineer - São Paulo")):
        assert titles_conflict(a, b), (a, b)


def test_two_explicit_levels_of_one_role_are_two_jobs(tmp_path: Path) -> None:
    """"Junior Data Scientist" and "Senior Data Scientist" of one company, both live and
    sharing its boilerplate, are two jobs: two different explicit levels conflict. Before,
    every level word was removed before titles were compared, so the two read as one title
    and a seeker lost one. A title without a level conflicts with neither ("Data Scientist"
    is often the same job as "Senior Data Scientist"), and short forms are their words."""
    boiler = ("Acme builds retrieval systems for legal search. We offer equity, remote work, a "
              "learning budget and generous leave. We are an equal opportunity employer. ") * 2
    junior = normalize(raw("greenhouse", "1", "Junior Data Scientist", "Acme",
                           text=boiler + "You will build dashboards and learn modelling.",
                           url="https://boards.greenhouse.io/acme/jobs/1"))
    senior = normalize(raw("greenhouse", "2", "Senior Data Scientist", "Acme",
                           text=boiler + "You will lead modelling and mentor the team.",
                           url="https://boards.greenhouse.io/acme/jobs/2"))
    plain = normalize(raw("lever", "3", "Data Scientist", "Acme",
                          text=boiler + "You will lead modelling and mentor the team.",
                          url="https://jobs.lever.co/acme/3"))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([junior, senior], now=NOW)
    link_duplicates(store, [junior.id, senior.id])
    assert _links(store) == {}
    store.upsert([plain], now=NOW)
    link_duplicates(store, [plain.id])
    assert _links(store) in ({plain.id: senior.id}, {plain.id: junior.id})
    for a, b in (("Sr. Data Scientist", "Senior Data Scientist"),
                 ("Jr Data Scientist", "Junior Data Scientist"),
                 ("Senior/Staff ML Engineer", "Staff ML Engineer"),
                 ("Data Scientist", "Principal Data Scientist")):
        assert not titles_conflict(a, b), (a, b)
    for a, b in (("Senior Data Scientist", "Staff Data Scientist"),
                 ("Sr. Data Scientist", "Jr. Data Scientist"),
                 ("Software Engineer II", "Software Engineer III"),
                 ("ML Engineer Intern", "Lead ML Engineer"),
                 ("Mid-level Data Scientist", "Senior Data Scientist")):
        assert titles_conflict(a, b), (a, b)


def test_the_lead_of_a_team_lead_is_a_level_only_in_a_title_naming_no_other() -> None:
    """"Team Lead" and "Tech Lead" name a role (one who leads a team) more than a level: in
    "Senior ML Engineer, Team Lead" the level is senior. Before, their "lead" was a level
    beside the other, so a Senior and a Staff "ML Engineer, Team Lead" shared one ("lead")
    and read as one job. A title naming no other level keeps "lead": "Data Science Team
    Lead" is the "Data Science Lead" a seeker would see as one job, and "ML Engineer, Team
    Lead" is not the "Senior ML Engineer" of its company."""
    for a, b in (("Senior ML Engineer, Team Lead", "Staff ML Engineer, Team Lead"),
                 ("Senior Tech Lead, Search", "Staff Tech Lead, Search"),
                 ("Junior Data Scientist (Team Leader)", "Senior Data Scientist (Team Leader)"),
                 ("ML Engineer, Team Lead", "Senior ML Engineer"),
                 ("ML Engineer, Technical Lead", "Staff ML Engineer")):
        assert titles_conflict(a, b), (a, b)
    for a, b in (("Data Science Team Lead", "Data Science Lead"),
                 ("ML Team Leader", "ML Team Lead"),
                 ("Senior ML Engineer (Tech Lead)", "Senior ML Engineer"),
                 ("ML Engineer, Team Lead", "ML Engineer")):
        assert not titles_conflict(a, b), (a, b)


def test_a_senior_and_a_staff_team_lead_sharing_boilerplate_are_two_jobs(tmp_path: Path) -> None:
    """Through a pass over a store: before, the two "..., Team Lead" postings of one company
    (texts alike, as two live roles' often are) were linked as one job."""
    text = BODY + " You will lead a team of four engineers and own its roadmap."
    senior = normalize(raw("greenhouse", "1", "Senior ML Engineer, Team Lead", "Acme", text=text,
                           url="https://boards.greenhouse.io/acme/jobs/1"))
    staff = normalize(raw("greenhouse", "2", "Staff ML Engineer, Team Lead", "Acme", text=text,
                          url="https://boards.greenhouse.io/acme/jobs/2"))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([senior, staff], now=NOW)
    link_duplicates(store, [senior.id, staff.id])
    assert _links(store) == {}
    assert not is_duplicate(senior, staff)


@pytest.mark.parametrize("by_text", [False, True], ids=["shared-url", "text-link"])
def test_two_levels_at_one_job_url_are_two_jobs_by_every_rule(tmp_path: Path,
                                                              by_text: bool) -> None:
    """A Senior and a Staff posting at one job URL (a board's and an alert's, or a post
    linking the board's): the URL rule made them one job, the cluster refused two levels, so
    ``is_duplicate`` said yes and a pass over a store linked nothing. Two levels are two jobs
    by both now (one levelled anew is two postings; one job hidden would be worse), and a
    posting of the Staff level there still joins the Staff one."""
    url = "https://boards.greenhouse.io/acme/jobs/7"
    senior = normalize(raw("greenhouse", "acme:7", "Senior ML Engineer", "Acme", url=url))
    staff = normalize(raw("mailbox", "m1", "Staff ML Engineer", "Acme",
                          text=f"Apply: {url}" if by_text else "Acme - Berlin",
                          url=None if by_text else url + "?gh_src=x1"))
    also = normalize(raw("rss", "f1", "Staff Machine Learning Engineer", "Acme",
                         text=f"Staff role. Apply: {url}"))
    assert not is_duplicate(senior, staff) and not is_duplicate(staff, senior)
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([senior, staff, also], now=NOW)
    link_duplicates(store, [senior.id, staff.id, also.id])
    links = _links(store)
    assert senior.id not in links and senior.id not in links.values()
    if not by_text:
        assert links == {also.id: staff.id}


def test_the_level_check_reads_a_stored_post_by_its_roles_as_the_comparison_does(
        tmp_path: Path) -> None:
    """A stored Hacker News post whose header names a place before its role ("Acme | Remote
    (US) | Staff ML Engineer") is compared by its role ("Staff ML Engineer", ``judged_title``),
    but the cluster's level check read the header's second part ("Remote (US)", no level), so
    a posting without a level joined it and a Senior posting both: Staff and Senior in one
    cluster. Both read the role now."""
    from mljobs.sources.hn_format import hn_item_to_raw

    header = "Acme | Remote (US) | Staff ML Engineer"
    item = hn_item_to_raw({"id": 601, "time": 1767225600, "text": f"{header}<p>{BODY}"})
    assert item is not None
    post = normalize(item)
    assert post.extra["roles"] == ["Staff ML Engineer"] and post.title == header
    plain = normalize(raw("lever", "3", "ML Engineer", "Acme", text=BODY,
                          url="https://jobs.lever.co/acme/3"))
    senior = normalize(raw("greenhouse", "2", "Senior ML Engineer", "Acme", text=BODY,
                           url="https://boards.greenhouse.io/acme/jobs/2"))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([post, plain, senior], now=NOW)
    link_duplicates(store, [post.id, plain.id, senior.id])
    clusters: dict[str, set[str]] = {}
    for pid, canonical in _links(store).items():
        clusters.setdefault(canonical, {canonical}).add(pid)
    assert clusters and all(not {post.id, senior.id} <= c for c in clusters.values()), clusters


def test_a_level_number_early_career_and_chief_name_levels() -> None:
    """Read on the corpus import (glassdoor-2020): "Data Engineer 5 - Contract" (8+ years) and
    "Data Engineer 4 - Contract" (4+ years) of one company, "Senior Data Scientist Statistics"
    and "Data Scientist - Statistics, Early Career" (job ids 310566 and 310918), and "Chief"
    and "Senior Data Scientist" (one to lead, one to help lead) were each linked as one job:
    a ladder's number after the role, "early career" and "chief" named no level. A number is
    its roman numeral ("Engineer 2" is "Engineer II"); "early career", "entry level" and "new
    grad" are one level (the entry level: Lantern lists a junior and a new-grad role apart),
    not "Data Entry"'s entry."""
    for a, b in (("Data Engineer 5 - Contract", "Data Engineer 4 - Contract"),
                 ("Senior Data Scientist Statistics", "Data Scientist - Statistics, Early Career"),
                 ("New Grad Software Engineer", "Junior Software Engineer"),
                 ("Entry-Level Data Analyst", "Senior Data Analyst"),
                 ("Chief Data Scientist", "Senior Data Scientist"),
                 ("Software Engineer 3", "Software Engineer II")):
        assert titles_conflict(a, b), (a, b)
    for a, b in (("Data Engineer 4 - Contract (Remote)", "Data Engineer 4 - Contract"),
                 ("Software Engineer 2", "Software Engineer II"),
                 ("Data Engineer V", "Data Engineer 5"),
                 ("Data Analyst, Entry Level", "Early Career Data Analyst"),
                 ("Data Entry Specialist", "Senior Data Entry Specialist"),
                 ("Chief Data Scientist", "Data Scientist"),
                 ("ML Engineer (2 positions)", "Senior ML Engineer")):
        assert not titles_conflict(a, b), (a, b)


def test_member_of_technical_staff_is_a_title_not_the_level_staff() -> None:
    """A lab's "Member of Technical Staff" (Artificial Analysis, Eagle, Quadrillion in the
    corpus) is an engineer or researcher of any level: it named the level staff, so it
    conflicted with "Senior Member of Technical Staff" and with a "Senior" of its role."""
    assert title_levels("Member of Technical Staff") == frozenset()
    assert title_levels("Member of the Technical Staff - Inference") == frozenset()
    assert title_levels("Senior Member of Technical Staff") == {"senior"}
    assert title_levels("Staff Engineer") == {"staff"}
    assert not titles_conflict("Member of Technical Staff", "Senior Member of Technical Staff")
    assert titles_conflict("Principal Member of Technical Staff",
                           "Senior Member of Technical Staff")
    assert titles_conflict("Member of Technical Staff", "Staff ML Engineer")


def test_chief_of_staff_is_a_title_not_the_levels_chief_and_staff() -> None:
    """"Chief of Staff" is a role (``enrich.roles`` reads it as a role noun) of no level
    (``facets.seniority``: unknown; "Senior Chief of Staff" is senior): it named the levels
    chief and staff and no role word, so it conflicted with no title of either level or of
    none ("Staff ML Engineer", "Chief Scientist", "Data Scientist") and joined their cluster."""
    for title, level in (("Chief of Staff", "unknown"), ("Senior Chief of Staff", "senior"),
                         ("Chief of Staff to the CEO", "unknown")):
        assert seniority(title, "") == level
        assert title_levels(title) == (frozenset() if level == "unknown" else {level})
    assert title_tokens("Chief of Staff") and title_tokens("Chief of  Staff") == \
        title_tokens("Chief of Staff")
    for other in ("Staff ML Engineer", "Chief Scientist", "Data Scientist"):
        assert titles_conflict("Chief of Staff", other), other
    assert not titles_conflict("Chief of Staff", "Senior Chief of Staff")
    assert not titles_conflict("Chief of Staff", "Chief of Staff (Remote, US)")


def test_a_number_of_days_or_months_after_a_role_is_no_level() -> None:
    """A ladder's number is the number after a role, not a count of days, weeks or months
    ("Data Analyst 3 month contract", "Software Engineer 2 days onsite" named levels III and
    II, and conflicted with "Senior Data Analyst" and "Staff Software Engineer": a repost
    with the level in its title was two jobs)."""
    for title in ("Data Analyst 3 month contract", "Data Analyst 3-month contract",
                  "Software Engineer 2 days onsite", "ML Engineer 4 days a week in office",
                  "Data Scientist 1 year fixed term", "Data Engineer 2 weeks notice"):
        assert title_levels(title) == frozenset(), title
    assert not titles_conflict("Data Analyst 3 month contract", "Senior Data Analyst")
    assert not titles_conflict("Software Engineer 2 days onsite", "Staff Software Engineer")
    assert title_levels("Data Analyst 3 - Contract") == frozenset({"iii"})


def test_two_level_numbers_of_one_role_are_two_jobs_in_a_store(tmp_path: Path) -> None:
    text = ("The data engineer gathers requirements, designs star schema data models, builds ETL "
            "jobs into the data warehouse and reports in Power BI for departments across the "
            "organization. Bachelor's degree; Master's preferred. ") * 2
    five = normalize(raw("glassdoor-2020", "5", "Data Engineer 5 - Contract", "Acme",
                         text=text + "8+ years of data warehouse experience."))
    four = normalize(raw("glassdoor-2020", "4", "Data Engineer 4 - Contract", "Acme",
                         text=text + "4+ years of data warehouse experience."))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([five, four], now=NOW)
    link_duplicates(store, [five.id, four.id])
    assert _links(store) == {}


def test_a_count_before_a_role_names_no_role() -> None:
    """"1x Infrastructure Engineer + 2x AI/ML Engineer" (VLM Run, March) names what
    "Infrastructure Engineer + DevRel + AI/ML Engineer" (February) does, less DevRel: the
    counts were content words, so each title named something the other lacked."""
    assert not titles_conflict("Infrastructure Engineer + DevRel + AI/ML Engineer",
                               "1x Infrastructure Engineer + 2x AI/ML Engineer")
    assert titles_conflict("2x Frontend Engineers", "Backend Engineer")


def test_a_stored_link_between_two_levels_of_a_post_read_by_its_roles_is_undone(
        tmp_path: Path) -> None:
    """A link an older version stored between "Acme | Remote (US) | Staff ML Engineer" (its
    role: Staff) and a "Senior ML Engineer" breaks the level rule: the pass reads the stored
    post's levels from its roles, as the comparisons do, and undoes it. Before, the header's
    second part ("Remote (US)") named no level and the link stayed."""
    from mljobs.sources.hn_format import hn_item_to_raw

    header = "Acme | Remote (US) | Staff ML Engineer"
    item = hn_item_to_raw({"id": 602, "time": 1767225600, "text": f"{header}<p>{BODY}"})
    assert item is not None
    post = normalize(item)
    senior = normalize(raw("greenhouse", "2", "Senior ML Engineer", "Acme", text=BODY,
                           url="https://boards.greenhouse.io/acme/jobs/2"))
    store = SQLiteStore(tmp_path / "s.sqlite3")
    store.upsert([post, senior], now=NOW)
    store.set_canonical([(post.id, senior.id), (senior.id, None)])
    assert _links(store) == {post.id: senior.id}
    link_duplicates(store, [post.id])
    assert _links(store) == {}


CORA_JAN, CORA_MAY, KADOA_JAN, KADOA_FEB = 46466797, 48003986, 46466412, 46858833
FREEFORM_JAN, FREEFORM_MAR, FOXGLOVE_APR, FOXGLOVE_MAY = 46471372, 47241899, 47607854, 47977183
TOPLINER_JAN, TOPLINER_FEB, TOPLINER_MAR = 46480081, 46885398, 47225481


def test_a_hacker_news_ad_reposted_in_a_later_month_links_with_less_text_overlap(
        tmp_path: Path) -> None:
    # Cora AI's ad in January and May (J 0.48: a new pitch, the same role, pay and perks) and
    # Kadoa's in January and February (J 0.43: a reworded pitch, the same two job links) and
    # Topliner's in January and March (J 0.39, its March ad shortened: 0.77 of it is in
    # January's; February's links anyway, J 0.57) are reposts; Freeform's "Software Engineers" of January and March (J 0.40) list other jobs
    # (other job links), and Foxglove's April and May posts (J 0.45) name no role in their
    # headers and list other jobs: new lists, not reposts
    ids = (CORA_JAN, CORA_MAY, KADOA_JAN, KADOA_FEB, FREEFORM_JAN, FREEFORM_MAR, FOXGLOVE_APR,
           FOXGLOVE_MAY, TOPLINER_JAN, TOPLINER_FEB, TOPLINER_MAR)
    path = tmp_path / "hn.jsonl"
    path.write_text("".join(_demo_rows(*ids)), encoding="utf-8")
    store = SQLiteStore(tmp_path / "store.sqlite3")
    changed = import_file(store, path, now=datetime(2026, 5, 10, tzinfo=UTC),  # after May's
                          enricher=default_enricher()).changed_ids
    assert len(changed) == len(ids) and _links(store) == {}
    link_duplicates(store, list(changed))
    assert _links(store) == {f"hackernews:{CORA_MAY}": f"hackernews:{CORA_JAN}",
                             f"hackernews:{KADOA_FEB}": f"hackernews:{KADOA_JAN}",
                             f"hackernews:{TOPLINER_FEB}": f"hackernews:{TOPLINER_JAN}",
                             f"hackernews:{TOPLINER_MAR}": f"hackernews:{TOPLINER_JAN}"}


def test_a_same_title_text_overlap_below_the_minimum_needs_a_monthly_repost() -> None:
    # two texts of one company and role that share ~0.43 of their shingles: a Hacker News ad
    # a month later is its repost; two board ads, two posts days apart, two posts linking
    # other pages or two headers that name no role are two jobs
    pitch = " ".join(f"word{i}" for i in range(60))
    text_a = pitch + " " + " ".join(f"first{i}" for i in range(38))
    text_b = pitch + " " + " ".join(f"second{i}" for i in range(38))

    def at(source: str, sid: str, text: str, days: int,
           roles: tuple[str, ...] = ("ML Engineer",)) -> Posting:
        return normalize(raw(source, sid, "Acme | ML Engineer | Remote", "Acme",
                             text=text)).model_copy(update={
                                 "posted_at": NOW + timedelta(days), "extra": {"roles": roles}})

    assert is_duplicate(at("hackernews", "1", text_a, 0), at("hackernews", "2", text_b, 30))
    assert not is_duplicate(at("hackernews", "1", text_a, 0), at("hackernews", "2", text_b, 3))
    assert not is_duplicate(at("greenhouse", "acme:1", text_a, 0),
                            at("greenhouse", "acme:2", text_b, 30))
    assert not is_duplicate(at("hackernews", "1", text_a, 0),
                            at("hackernews", "2", text_b + " https://acme.example/jobs/2", 30))
    assert not is_duplicate(at("hackernews", "1", text_a, 0, ()),
                            at("hackernews", "2", text_b, 30, ()))
    # an ad shortened: J 0.35, but 0.79 of the short one is in the other
    short = " ".join(f"word{i}" for i in range(40)) + " " + " ".join(f"new{i}" for i in range(10))
    assert is_duplicate(at("hackernews", "1", text_a, 0), at("hackernews", "4", short, 30))
    assert not is_duplicate(at("greenhouse", "acme:1", text_a, 0),
                            at("greenhouse", "acme:4", short, 30))
    # below the repost minimum, a repost is not enough
    text_c = pitch[: len(pitch) // 2] + " " + " ".join(f"third{i}" for i in range(70))
    assert not is_duplicate(at("hackernews", "1", text_a, 0), at("hackernews", "3", text_c, 30))


LIST_PITCH = ("Acme builds retrieval and ranking systems for legal search, used by courts and law "
              "firms in twelve countries. We are a team of forty, remote across Europe, backed by "
              "patient investors, and we ship to production every day. Benefits: equity, a "
              "learning budget, four weeks off and a yearly offsite. Apply with a short note "
              "about what you built last.")


def _list_post(pid: int, month: int, header: str, *roles: str) -> Posting:
    """An HN post of Acme's shared pitch and a list of roles, each with its job link (a list
    the pipeline does not split: the roles have no text of their own)."""
    from mljobs.sources.hn_format import hn_item_to_raw

    lines = "".join(f"<p>- {role}: https://acme.example/jobs/{pid}{n}"
                    for n, role in enumerate(roles))
    item = hn_item_to_raw({"id": pid, "time": 1767225600 + month * 30 * 86400,
                           "text": f"Acme | {header} | Remote (EU)<p>{LIST_PITCH}{lines}"})
    assert item is not None
    return normalize(item)


def test_a_monthly_repost_just_over_the_repost_overlap_is_compared() -> None:
    """A company's monthly repost, reworded to a Jaccard just over ``TEXT_REPOST`` (1/3), is
    linked whatever its MinHash estimate: the candidate cut-off was ``TEXT_REPOST`` itself,
    so a pair whose 64 hash values estimated it below (here 0.27) was never compared, and
    whether a repost linked hung on its hashes (the estimate's spread near 0.3 is about
    +-0.06)."""
    import random

    from mljobs.dedupe import TEXT_REPOST, features, jaccard

    rng = random.Random(29)  # (a seed whose pair the hashes estimate below the overlap)
    vocab = [f"word{i}" for i in range(2000)]
    jan_words = [rng.choice(vocab) for _ in range(200)]
    feb_words = [w if rng.random() > 0.17 else rng.choice(vocab) for w in jan_words]

    def post(pid: int, month: int, words: list[str]) -> Posting:
        from mljobs.sources.hn_format import hn_item_to_raw

        item = hn_item_to_raw({"id": pid, "time": 1767225600 + month * 30 * 86400,
                               "text": f"Acme | Machine Learning Engineer | Remote (EU)<p>{' '.join(words)}"})
        assert item is not None
        return normalize(item)

    jan, feb = post(1, 0, jan_words), post(2, 1, feb_words)
    a, b = features(jan), features(feb)
    assert TEXT_REPOST <= jaccard(a.text, b.text) < 0.34
    assert (a.signature == b.signature).mean() < TEXT_REPOST
    assert is_duplicate(jan, feb)
    store = SQLiteStore(":memory:")
    store.upsert([jan, feb], now=NOW)
    assert link_duplicates(store, [jan.id, feb.id]).linked == 1
    assert store.get(feb.id).canonical_id == jan.id


def test_a_list_read_on_a_member_already_joined_is_checked() -> None:
    """A list post that stored links have already joined to another posting (its company
    touched only through a broken link, so its list was not read before the stored unions)
    gets its list once a comparison pairs it: the list was recorded on the member, not on its
    cluster's root, where ``union`` looks, so a post that shares no role with it was joined."""
    from mljobs.dedupe import _UnionFind

    jan = _list_post(1, 0, "Multiple roles", "Backend Engineer", "Data Scientist")
    feb = _list_post(2, 1, "Multiple roles", "Frontend Engineer", "Product Manager")
    found = _UnionFind()
    for key in ("p1", "p2", "p3"):
        found.add(key, key)
    assert found.union("p1", "p3")  # a stored link: p3 is no longer a root
    found.list_of("p3", post_role_lists(jan))
    found.list_of("p2", post_role_lists(feb))
    assert not found.union("p2", "p3")


def test_two_list_posts_of_one_company_that_share_no_role_are_two_jobs() -> None:
    """A company's monthly post of several jobs shares its pitch with last month's whatever it
    lists: one that lists none of last month's roles is another ad, and a post of one job
    the list does not name is another job; a repost that adds or drops a role is the same
    ad. Before, the shared pitch linked them all."""
    jan = _list_post(1, 0, "Multiple roles", "Backend Engineer", "Data Scientist")
    feb = _list_post(2, 1, "Multiple roles", "Frontend Engineer", "Product Manager")
    mar = _list_post(3, 2, "Multiple roles", "Backend Engineer", "Data Scientist",
                     "Product Manager")
    apr = _list_post(4, 3, "Multiple roles", "Data Scientist")
    assert not is_duplicate(jan, feb)
    assert is_duplicate(jan, mar) and is_duplicate(feb, mar) and is_duplicate(mar, apr)
    engineers = _list_post(5, 0, "Engineers", "Backend Engineer", "Data Engineer")
    assert not is_duplicate(engineers, _list_post(6, 1, "Frontend Engineer", "Frontend Engineer"))
    assert is_duplicate(engineers, _list_post(7, 1, "Backend Engineer", "Backend Engineer"))
    # nor are two lists that share no role joined through a third that shares one with each
    store = SQLiteStore(":memory:")
    store.upsert([jan, feb, mar], now=NOW)
    link_duplicates(store, [jan.id, feb.id, mar.id])
    canonical = {p.id: store.get(p.id).canonical_id or p.id for p in (jan, feb, mar)}
    assert canonical[jan.id] != canonical[feb.id] and len(set(canonical.values())) == 2


REDPANDA_JAN, REDPANDA_APR, IPINFO_JAN, IPINFO_MAY = 46469625, 47662878, 46471318, 47979897
AFTER_MAY = datetime(2026, 5, 10, tzinfo=UTC)  # (an import now: a post after it is left out)
DDG_FEB, DDG_MAR, DDG_APR, DDG_MAY = 46858891, 47224327, 47605765, 47978141


def test_monthly_list_posts_whose_roles_changed_link_only_while_they_share_one(
        tmp_path: Path) -> None:
    # Redpanda's January and April posts (J 0.72) and IPinfo's January and May posts (J 0.73)
    # list other jobs under one pitch; DuckDuckGo's March and April lists share roles with
    # February's, May's (J 0.45 with February's, linked through March's) none
    store, changed = _import_demo_posts(tmp_path, REDPANDA_JAN, REDPANDA_APR, IPINFO_JAN,
                                        IPINFO_MAY, DDG_FEB, DDG_MAR, DDG_APR, DDG_MAY,
                                        now=AFTER_MAY)
    assert len(changed) == 8 and _links(store) == {}
    link_duplicates(store, changed)
    assert _links(store) == {f"hackernews:{DDG_MAR}": f"hackernews:{DDG_FEB}",
                             f"hackernews:{DDG_APR}": f"hackernews:{DDG_FEB}"}


def test_a_stored_link_between_two_list_posts_that_share_no_role_is_undone(
        tmp_path: Path) -> None:
    """A link an older version stored between Redpanda's January and April lists is undone
    once one of them changes (the pass reads the stored posts' lists in its companies)."""
    store, changed = _import_demo_posts(tmp_path, REDPANDA_JAN, REDPANDA_APR, now=AFTER_MAY)
    assert len(changed) == 2
    jan, apr = f"hackernews:{REDPANDA_JAN}", f"hackernews:{REDPANDA_APR}"
    store.set_canonical([(apr, jan), (jan, None)])
    link_duplicates(store, [apr])
    assert _links(store) == {}


SKYSAFE_MAR, SKYSAFE_MAY, MINTMCP_APR, MINTMCP_MAY = 47223570, 47978058, 47607283, 47982567
SAGE_FEB, SAGE_MAR = 46858612, 47281299


def test_a_monthly_repost_rewritten_as_a_list_links_at_less_overlap_than_other_ads(
        tmp_path: Path) -> None:
    # SkySafe's "Wireless Engineer (SDR)" of March and May (one pay and links, its text made
    # a list of bullets: J 0.32) and MintMCP's "Founding Engineer / Founding GTM" of April
    # and May (a reworded pitch, one link: J 0.34) are reposts; Sage's "Engineering &
    # Product" of February and March (J 0.34) lists other roles, none of February's
    store, changed = _import_demo_posts(tmp_path, SKYSAFE_MAR, SKYSAFE_MAY, MINTMCP_APR,
                                        MINTMCP_MAY, SAGE_FEB, SAGE_MAR, now=AFTER_MAY)
    assert len(changed) == 6 and _links(store) == {}
    link_duplicates(store, changed)
    assert _links(store) == {f"hackernews:{SKYSAFE_MAY}": f"hackernews:{SKYSAFE_MAR}",
                             f"hackernews:{MINTMCP_MAY}": f"hackernews:{MINTMCP_APR}"}


def test_a_header_role_with_its_tools_in_brackets_is_one_role_not_a_list() -> None:
    """A header role whose brackets list its tools or levels with commas ("Backend Engineer
    (Python, Postgres, AWS)") names one role: it was split at every comma into a list of
    three (the role, "postgres", "aws"), so its repost under a reworded title ("Backend
    Developer") shared no role with that list and was taken for another job, where the
    same job with "Python/Postgres/AWS" in its brackets linked. A header part of three
    roles is still a list, its brackets kept whole."""
    def roles(post: Posting) -> list[str]:
        return [role for _levels, _tokens, role in post_role_lists(post)[0]]

    jan = _list_post(1, 0, "Backend Engineer (Python, Postgres, AWS)")
    assert len(roles(jan)) == 1
    assert is_duplicate(jan, _list_post(2, 1, "Backend Developer"))
    assert roles(_list_post(3, 0, "Software Engineers (Senior, Staff, Principal)")) == [
        "software engineers  senior  staff  principal "]
    three = _list_post(4, 0, "Senior Engineers (Backend & Data), Staff iOS Engineer, Designer")
    assert roles(three) == ["senior engineers  backend & data ", "staff ios engineer", "designer"]


FULLSTORY_FEB, FULLSTORY_MAR, FULLSTORY_APR, FULLSTORY_MAY = 46965643, 47250372, 47631066, 48013821


def _linked_month_by_month(tmp_path: Path, months: list[list[int]]) -> dict[str, str]:
    """The links of a store that imports ``months`` (demo post ids) one after the other,
    linking each import's postings as ``mljobs import`` does."""
    store = SQLiteStore(tmp_path / "store.sqlite3")
    for n, ids in enumerate(months):
        path = tmp_path / f"month{n}.jsonl"
        path.write_text("".join(_demo_rows(*ids)), encoding="utf-8")
        report = import_file(store, path, now=AFTER_MAY, enricher=default_enricher())
        link_duplicates(store, list(report.changed_ids))
    return _links(store)


def test_the_links_do_not_depend_on_the_order_postings_are_imported_in(tmp_path: Path) -> None:
    """Fullstory's monthly lists: February's and March's agree (J 0.63), March's and April's
    (J 0.61), April's and May's (J 0.65, the best pair), February's and April's or May's do
    not (no role shared), so a cluster holds February's or April's. One pass joins the best
    pairs first (April-May, March-April) and leaves February alone; imported month by month,
    the February-March link stored before April came took March, and April joined May alone.
    DuckDuckGo's lists (see above), imported newest first, went the other way round. Every
    order now links as one pass over them all does."""
    fullstory = [FULLSTORY_FEB, FULLSTORY_MAR, FULLSTORY_APR, FULLSTORY_MAY]
    ddg = [DDG_FEB, DDG_MAR, DDG_APR, DDG_MAY]
    at_once = _linked_month_by_month(tmp_path / "once", [fullstory + ddg])
    fs = {f"hackernews:{i}" for i in fullstory}
    assert {k: v for k, v in at_once.items() if k in fs} == {
        f"hackernews:{FULLSTORY_APR}": f"hackernews:{FULLSTORY_MAR}",
        f"hackernews:{FULLSTORY_MAY}": f"hackernews:{FULLSTORY_MAR}"}
    forward = [[f, d] for f, d in zip(fullstory, ddg, strict=True)]
    assert _linked_month_by_month(tmp_path / "forward", forward) == at_once
    assert _linked_month_by_month(tmp_path / "backward", forward[::-1]) == at_once


def test_a_header_of_roles_split_by_slashes_and_dashes_is_read_role_by_role() -> None:
    """A header part of roles split by " / ", each with its team after a dash (Baton's
    "Senior/Staff Software Engineer - Infrastructure, Machine Learning / Senior Software
    Engineer - Full Stack / ..."), lists those roles: it was cut at its commas into "...
    Infrastructure", "Machine Learning / Senior Software Engineer - Full Stack / ..." and
    "Data Platform", and "Full Stack Web Developer - Python, JavaScript, SQL" into a role
    and two languages. A slash between levels, a team's parts or a role's tools is no list
    ("Senior / Staff Software Engineers", "... - Distributed Systems / Cloud Databases",
    "Founding Engineer (Infra / Full-Stack)"), nor a comma after a role's dash."""
    def roles(*headers: str) -> list[tuple[frozenset[str], frozenset[str]]]:
        return [(levels, tokens) for header in headers
                for levels, tokens, _role in post_role_lists(_list_post(1, 0, header))[0]]

    baton = ("Senior/Staff Software Engineer - Infrastructure, Machine Learning",
             "Senior Software Engineer - Full Stack",
             "Software Engineer - Infrastructure, Data Platform")
    assert roles(" / ".join(baton)) == roles(*baton) and len(roles(*baton)) == 3
    assert roles("ML Engineer / Data Scientist – Remote") == roles("ML Engineer",
                                                                  "Data Scientist")
    for one in ("Full Stack Web Developer - Python, JavaScript, SQL",
                "Senior / Staff Software Engineers", "Staff / Principal Backend Engineers",
                "Senior Cloud Software Engineer - Distributed Systems / Cloud Databases",
                "Founding Engineer (Infra / Full-Stack)", "Full Stack / Applied AI Engineer"):
        assert len(roles(one)) == 1, one
    assert len(roles("Tech Lead, AI Engineer, Infra Engineer")) == 3
    # a dash in a role's brackets is no dash after the list (it stopped the list at it)
    assert len(roles("ML Engineer (NLP - Search), Data Engineer, Product Designer")) == 3
    # an en dash is a dash (folding a title to ASCII dropped it, and its place part stayed)
    assert title_tokens("Frontend Engineer \u2013 New York") == {"frontend", "engineer"}


def _board(n: int, title: Callable[[int], str], text: Callable[[int], str],
           ids: Callable[[int], str] = str) -> list[Posting]:
    """``n`` Greenhouse postings of Acme, the ``i``-th titled ``title(i)`` with the text
    ``text(i)`` (its id and address end in ``ids(i)``)."""
    return [normalize(raw("greenhouse", f"acme:{ids(i)}", title(i), "Acme", text=text(i),
                          url=f"https://boards.greenhouse.io/acme/jobs/{ids(i)}"))
            for i in range(n)]


def _linked_store(path: Path, postings: list[Posting]) -> SQLiteStore:
    """A store at ``path`` holding ``postings``, linked as one import links them."""
    store = SQLiteStore(path)
    store.upsert(postings, now=NOW)
    link_duplicates(store, [p.id for p in postings])
    return store


def test_a_company_with_no_refused_pair_compares_only_the_changed_postings_pairs(
        tmp_path: Path) -> None:
    """Linking one changed posting of a company of many (a board's) compares the pairs of its
    group (the stored cluster its change may break: its four postings with the company's),
    not every two of the company's postings: postings are linked anew only where a change
    or a refused pair may undo a stored link (``link_duplicates``)."""
    roles = ("Backend", "Frontend", "Data", "Platform", "Security", "Mobile")
    postings = _board(24, lambda n: f"{roles[n % 6]} Engineer",
                      lambda n: f"Team {roles[n % 6]}, opening {n}. {BODY}")
    store = _linked_store(tmp_path / "store.sqlite3", postings)
    linked = _links(store)
    report = link_duplicates(store, [postings[-1].id])
    # (its own pairs, 23, before the twenty-third session: a posting rewritten into another
    # job kept its stored link; every two of the company's: 276)
    assert report.compared == 4 * 23 - 6 and _links(store) == linked


def _link_state(store: SQLiteStore) -> dict[str, tuple[str | None, object, object]]:
    """Each posting's canonical and its cluster lists (``also_sources``, ``source_urls``)."""
    return {p.id: (p.canonical_id, p.extra.get("also_sources"), p.extra.get("source_urls"))
            for p in store.get_many([r[0] for r in store.dedupe_rows()]).values()}


def test_a_pass_killed_while_it_writes_leaves_the_links_as_they_were(tmp_path: Path) -> None:
    """A pass that links a group anew writes its clusters, then unlinks the postings its
    stored links held that no cluster holds now: killed between those writes, a posting
    kept a cluster's lists of postings no longer linked to it (the board's "Senior" posting
    still listed the Hacker News posting that now joins the "Staff" one). The pass's writes
    are one transaction: killed at any of them, the store holds the links it had (and the
    import that owes the link pass links again)."""
    path = tmp_path / "store.sqlite3"
    senior = normalize(raw("lever", "acme:a", "Senior ML Engineer", "Acme",
                           url="https://jobs.lever.co/acme/a"))
    plain = normalize(raw("hackernews", "b", "ML Engineer", "Acme"))
    staff = normalize(raw("hackernews", "c", "Staff ML Engineer", "Acme", text=BODY + " Staff."))
    with SQLiteStore(path) as store:
        store.upsert([senior, plain], now=NOW)
        link_duplicates(store, [senior.id, plain.id])
        store.upsert([staff], now=NOW)
        before = _link_state(store)
    assert before[plain.id][0] == senior.id and before[senior.id][1] == ["hackernews"]
    script = (
        "import os, sys\n"
        "from mljobs.dedupe import link_duplicates\n"
        "from mljobs.store import SQLiteStore\n"
        "store = SQLiteStore(sys.argv[1])\n"
        "begun = []\n"
        "def kill(sql):\n"
        "    if sql.startswith('UPDATE'):\n"
        "        begun.append(sql)\n"
        "        if len(begun) == int(sys.argv[2]):\n"
        "            os._exit(9)\n"
        "store.conn.set_trace_callback(kill)\n"
        f"link_duplicates(store, [{staff.id!r}])\n")
    for at in (2, 3, 4, 5):  # killed as its second, ..., fifth row update begins
        copy = tmp_path / f"copy{at}.sqlite3"
        copy.write_bytes(path.read_bytes())
        done = subprocess.run([sys.executable, "-c", script, str(copy), str(at)], env={
            **os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, check=False, timeout=120)
        assert done.returncode == 9
        with SQLiteStore(copy) as store:
            assert _link_state(store) == before, at
    with SQLiteStore(path) as store:
        link_duplicates(store, [staff.id])
        after = _link_state(store)
    assert after[staff.id][0] == plain.id and after[senior.id] == (None, [], [])


def test_linking_one_posting_of_a_large_company_holds_no_estimate_of_every_pair(
        tmp_path: Path) -> None:
    """A block's MinHash estimates are made for the rows of its changed postings only, a few
    rows at a time: linking one changed posting of a company of 600 held every two postings'
    signatures compared (600 x 600 x 64 bytes, 23 MB; 256 MB at 2,000 postings, 1.6 GB at
    5,000), now one row. The same pairs are compared (one pass over the corpus and the demo
    links the same 401 postings as before)."""
    import tracemalloc

    postings = _board(600, lambda n: f"Engineer {n}",
                      lambda n: f"Opening {n}: {' '.join(f'w{n}x{k}' for k in range(40))}")
    store = _linked_store(tmp_path / "store.sqlite3", postings)
    tracemalloc.start()
    try:
        report = link_duplicates(store, [postings[-1].id])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.compared == 0  # (no other posting's text is like its)
    assert peak < 12_000_000, peak  # (int21: 31.9 MB; now 6.0)


def test_a_refused_pair_links_its_group_anew_only_up_to_a_size(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused pair makes a pass link its group anew (the postings connected to it, each
    compared with every posting of its company) only for a group of at most ``RELINK_MAX``
    postings: a board of thousands of near-alike postings, all one group, would compare
    millions of pairs on every sync that touched one. A bigger group keeps its stored links
    and joins the pass's pairs after them."""
    from mljobs import dedupe

    for limit, anew in ((1000, True), (10, False)):
        monkeypatch.setattr(dedupe, "RELINK_MAX", limit)
        # Senior and Staff roles of one text, each a job of its own (two levels never join):
        # a posting without a level joins one of them and its pair with the other is refused
        store = _linked_store(tmp_path / f"store{limit}.sqlite3", _board(
            24, lambda i: f"{('Senior', 'Staff')[i % 2]} Backend Engineer {i}",
            lambda i: f"Opening {i}. {BODY}"))
        (plain,) = _board(1, lambda _i: "Backend Engineer", lambda _i: f"Opening new. {BODY}",
                          ids=lambda _i: "new")
        store.upsert([plain], now=NOW)
        report = link_duplicates(store, [plain.id])
        everyone = 25 * 24 // 2
        assert (report.compared >= everyone) is anew, (limit, report.compared)
        assert store.get(plain.id) is not None


_TEAMS = ("Backend", "Frontend", "Data", "Platform", "Security", "Mobile", "iOS", "Android",
          "Firmware", "Compiler", "Graphics", "Robotics")


def _fillers() -> list[Posting]:
    """Twelve Greenhouse postings of Acme of one text, each a job of its own (its team's
    title: "Backend Engineer", "Frontend Engineer", ...)."""
    return _board(len(_TEAMS), lambda i: f"{_TEAMS[i]} Engineer", lambda i: BODY,
                  ids=lambda i: f"f{i}")


def _linked_in_order(path: Path, imports: list[list[Posting]]) -> SQLiteStore:
    """A store at ``path`` that imports ``imports`` one after the other, linking each."""
    store = SQLiteStore(path)
    for postings in imports:
        store.upsert(postings, now=NOW)
        link_duplicates(store, [p.id for p in postings])
    return store


def _held_whole(store: SQLiteStore, postings: list[Posting]) -> None:
    """Every posting is still stored, and each link leads to a stored canonical posting."""
    rows = {r[0]: r[5] for r in store.dedupe_rows()}
    assert set(rows) == {p.id for p in postings}
    assert all(rows[canonical] is None for canonical in rows.values() if canonical)


@pytest.mark.parametrize("by_url", [False, True])
def test_a_refused_pair_links_its_group_anew_in_a_company_larger_than_the_cap(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, by_url: bool) -> None:
    """A refused pair links anew the postings connected to it (its group), not its whole
    company: a board of more postings than ``RELINK_MAX`` (12 of 15 here, the cap at 8) is
    linked the same whatever order its three alike postings came in (before, such a company
    kept its stored links, and the first link stored won), comparing the group's postings
    with the company's, not every two of them. A "Senior" board posting and a "Staff" one
    are two jobs; a posting without a level joins one: the "Staff" one by text
    (``by_url`` False), or the board posting its job alert links to by URL (True)."""
    from mljobs import dedupe

    monkeypatch.setattr(dedupe, "RELINK_MAX", 8)
    job = "https://jobs.lever.co/acme/a"
    senior = normalize(raw("lever", "acme:a", "Senior ML Engineer", "Acme", url=job,
                           text=f"Senior role. {BODY}"))
    plain = normalize(raw("mailbox", "m1", "ML Engineer", "Acme", url=f"{job}?lever-source=x")
                      if by_url else raw("hackernews", "b", "ML Engineer", "Acme"))
    staff = normalize(raw("hackernews", "c", "Staff ML Engineer", "Acme", text=BODY + " Staff."))
    fillers = _fillers()
    everyone = [*fillers, senior, plain, staff]
    wanted = {plain.id: senior.id} if by_url else {staff.id: plain.id}
    assert _links(_linked_in_order(tmp_path / "once.sqlite3", [everyone])) == wanted
    orders = ([[*fillers, senior, plain], [staff]], [[*fillers, staff, plain], [senior]],
              [[*fillers, plain], [senior], [staff]])
    for n, imports in enumerate(orders):
        store = _linked_in_order(tmp_path / f"order{n}.sqlite3", imports[:-1])
        store.upsert(imports[-1], now=NOW)
        report = link_duplicates(store, [p.id for p in imports[-1]])
        assert _links(store) == wanted, (n, _links(store))
        # each of the group's three postings compared with the company's others, each pair
        # once: 14 + 13 + 12 (a company of at most the cap was linked anew whole: 105 pairs)
        assert report.compared == 39, (n, report.compared)
        _held_whole(store, everyone)


def test_a_url_that_becomes_a_listing_page_keeps_no_link_it_made(tmp_path: Path) -> None:
    """A job alert at a board posting's URL links the two (the URL names one job); a second
    alert of that source at the URL with another title makes it a listing page, which links
    nothing. One pass over the three linked none; alert by alert, the first alert's stored
    link stayed (a pass compared only the new alert's pairs). Now the postings at a changed
    posting's URL that is a listing page are linked anew (their group), so every order links
    as one pass does, and every posting stays stored."""
    job = "https://boards.greenhouse.io/acme/jobs/7"
    board = normalize(raw("greenhouse", "acme:7", "ML Engineer", "Acme", url=job,
                          text="Train ranking models."))
    first = normalize(raw("mailbox", "m1", "ML Engineer", "Acme Robotics", text="Berlin",
                          url=f"{job}?gh_src=1"))
    second = normalize(raw("mailbox", "m2", "Data Analyst", "Globex", text="Paris",
                           url=f"{job}?gh_src=2"))
    everyone = [board, first, second]
    for n, imports in enumerate(([everyone], [[board, first], [second]], [[second], [board, first]],
                                 [[board], [first], [second]])):
        store = _linked_in_order(tmp_path / f"order{n}.sqlite3", imports)
        assert _links(store) == {}, (n, _links(store))
        assert store.get(board.id).extra.get("also_sources", []) == [], n
        _held_whole(store, everyone)


def _made_up_company(rng: random.Random) -> list[Posting]:
    """6 to 21 made-up postings of one company, alike: "ML Engineer" or "Data Engineer" at
    four levels (none, Senior, Staff, Junior), texts that are one of three of 50 words each
    with up to 24 words changed; about a third board postings, the rest Hacker News posts
    and job alerts at a board posting's URL (some under another spelling of the company)."""
    words = [f"w{i}" for i in range(60)]
    texts = [[rng.choice(words) for _ in range(50)] for _ in range(3)]
    out: list[RawPosting] = []
    for i in range(rng.randrange(6, 22)):
        title = rng.choice(("", "Senior ", "Staff ", "Junior ")) + rng.choice(
            ("ML Engineer", "Data Engineer"))
        text = list(rng.choice(texts))
        for _ in range(rng.randrange(25)):
            text[rng.randrange(len(text))] = rng.choice(words)
        boards = [p for p in out if p.source == "greenhouse"]
        kind = rng.random()
        if kind < 0.35:
            out.append(raw("greenhouse", f"acme:{i}", title, "Acme", " ".join(text),
                           f"https://boards.greenhouse.io/acme/jobs/{i}"))
        elif kind < 0.5 and boards:
            board = rng.choice(boards)
            out.append(raw("mailbox", f"m{i}", board.title if rng.random() < 0.5 else
                           rng.choice(("", "Senior ")) + board.title.split(" ", 1)[-1],
                           rng.choice(("Acme", "Acme Robotics GmbH")), " ".join(text),
                           f"{board.url}?gh_src=m{i}"))
        else:
            out.append(raw("hackernews", str(1000 + i), title, "Acme", " ".join(text)))
    return [normalize(r) for r in out]


def _clusters_of(store: SQLiteStore) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for pid, *_, canonical, _seen in store.dedupe_rows():
        if canonical:
            groups[canonical] |= {pid, canonical}
    return {frozenset(g) for g in groups.values()}


def test_random_companies_link_the_same_in_any_import_order(tmp_path: Path) -> None:
    """Twenty made-up companies of alike postings (levels that never share a cluster, board
    postings, job alerts at their URLs that may make a URL a listing page), each imported in
    one pass and in four random orders of one to four imports: every order gives one pass's
    clusters, and every posting stays stored. Before the twenty-third session four of these
    twenty (seeds 10, 12, 15 and 18) were linked otherwise in some order: a URL that became a
    listing page (a second alert there of another title) kept the link it had made."""
    for seed in range(20):
        rng = random.Random(seed)
        postings = _made_up_company(rng)
        imports = [[postings]]
        for _ in range(4):
            shuffled = rng.sample(postings, len(postings))
            cuts = sorted(rng.sample(range(1, len(shuffled)), rng.randrange(1, 4)))
            imports.append([shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(shuffled)],
                                                          strict=True)])
        got = []
        for n, batches in enumerate(imports):
            store = _linked_in_order(tmp_path / f"{seed}-{n}.sqlite3", batches)
            got.append(_clusters_of(store))
            _held_whole(store, postings)
            store.close()
        assert all(g == got[0] for g in got), (seed, [len(g) for g in got])


def test_a_group_over_the_cap_keeps_its_links_while_a_small_one_is_linked_anew(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One import refuses a pair in two groups of one company: 24 alike "Senior" and "Staff"
    backend postings (over the cap of 8: their stored links are kept, the new posting
    without a level joins after them) and three ML postings (the "Staff ML Engineer" takes
    the posting without a level from the "Senior" board posting, as one pass gives). The
    small group is linked anew, the big one's postings are not all compared again."""
    from mljobs import dedupe

    monkeypatch.setattr(dedupe, "RELINK_MAX", 8)
    backend = _board(24, lambda i: f"{('Senior', 'Staff')[i % 2]} Backend Engineer {i}",
                     lambda i: f"Opening {i}. {BODY}")
    senior = normalize(raw("lever", "acme:a", "Senior ML Engineer", "Acme",
                           url="https://jobs.lever.co/acme/a", text=f"Senior role. {BODY}"))
    plain = normalize(raw("hackernews", "b", "ML Engineer", "Acme"))
    store = _linked_store(tmp_path / "store.sqlite3", [*backend, senior, plain])
    before = _links(store)
    assert before[plain.id] == senior.id
    (new,) = _board(1, lambda _i: "Backend Engineer", lambda _i: f"Opening new. {BODY}",
                    ids=lambda _i: "new")
    staff = normalize(raw("hackernews", "c", "Staff ML Engineer", "Acme", text=BODY + " Staff."))
    store.upsert([new, staff], now=NOW)
    report = link_duplicates(store, [new.id, staff.id])
    after = _links(store)
    assert after[staff.id] == plain.id and plain.id not in after
    assert {k: v for k, v in after.items() if k in {p.id for p in backend}} == {
        k: v for k, v in before.items() if k in {p.id for p in backend}}
    # the rows of the two new postings and of the small group's two others (of 29 postings:
    # at most 4 x 28 pairs, 102 here; every two of the company's: 406)
    assert report.compared <= 4 * 28, report.compared
    _held_whole(store, [*backend, senior, plain, new, staff])


def test_a_posting_rewritten_into_another_job_leaves_its_cluster(tmp_path: Path) -> None:
    """A posting linked to another and then rewritten (a sync's update: "Office Manager",
    another text) kept its stored link, hidden from search as a duplicate of a job it no
    longer is: a pass joined the stored links first and compared no two postings of one
    cluster. Its group is now linked anew, as one pass over the store links it; a posting
    updated with a sentence more stays linked."""
    board = normalize(raw("greenhouse", "acme:1", "ML Engineer", "Acme",
                          url="https://boards.greenhouse.io/acme/jobs/1"))
    post = normalize(raw("hackernews", "2", "ML Engineer", "Acme"))
    again = normalize(raw("hackernews", "3", "ML Engineer", "Acme", text=BODY + " Remote."))
    store = _linked_store(tmp_path / "store.sqlite3", [board, post, again])
    assert _links(store) == {post.id: board.id, again.id: board.id}
    office = normalize(raw("hackernews", "2", "Office Manager", "Acme",
                           text="Run the office, plan events, manage vendors and budgets."))
    edited = normalize(raw("hackernews", "3", "ML Engineer", "Acme",
                           text=BODY + " Remote. We also offer a learning budget."))
    store.upsert([office, edited], now=NOW + timedelta(days=1))
    link_duplicates(store, [office.id, edited.id])
    assert _links(store) == {again.id: board.id}
    assert store.get(board.id).extra["also_sources"] == ["hackernews"]
    _held_whole(store, [board, post, again])


_JOB = "https://jobs.lever.co/acme/5f1c9a"


def _cross_company() -> tuple[Posting, Posting]:
    """Acme's Lever job, and a Reddit post by someone else whose text links to it."""
    job = normalize(raw("lever", "acme:5f1c9a", "Machine Learning Engineer", "Acme", url=_JOB))
    post = normalize(raw("reddit", "t3_x", "Hiring: ML engineer for a search team", "Someone",
                         text=f"A friend's team is hiring, apply at {_JOB}?utm_source=reddit "
                              "and say I sent you."))
    return job, post


@pytest.mark.parametrize("order", ["job, post", "post, job", "one pass"])
def test_a_text_linking_another_companys_job_links_it_in_either_order(
        tmp_path: Path, order: str) -> None:
    """A post that links to another company's job URL was linked to the job when it came
    after the job, and not when the job came after it (only the changed posting's own URL
    and its text's links were looked up): the links depended on the import order. The store
    now keeps each text's links (``text_links``), so the job finds the post."""
    job, post = _cross_company()
    imports = {"job, post": [[job], [post]], "post, job": [[post], [job]],
               "one pass": [[job, post]]}[order]
    store = _linked_in_order(tmp_path / "store.sqlite3", imports)
    assert _links(store) == {post.id: job.id}
    assert store.get(job.id).extra["also_sources"] == ["reddit"]


def test_an_old_store_is_migrated_then_its_texts_link_a_job_that_comes_later(
        tmp_path: Path) -> None:
    """A store of schema 4 (no ``text_links``) holding the post opens at schema 5; its next
    pass reads the stored texts' links once (the meta mark says so) and links the job that
    came after the post."""
    job, post = _cross_company()
    other = normalize(raw("greenhouse", "b:1", "Data Engineer", "Beta",
                          url="https://boards.greenhouse.io/beta/jobs/1"))
    path = tmp_path / "old.sqlite3"
    with SQLiteStore(path) as store:
        store.upsert([post, other], now=NOW)
    import sqlite3

    old = sqlite3.connect(path)  # back to schema 4, as a store of the 23rd session was
    old.executescript("DROP TABLE text_links; DELETE FROM meta WHERE key='text_links_filled';"
                      "PRAGMA user_version = 4;")
    old.close()
    with SQLiteStore(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert not store.text_links_filled()
        assert store.text_linkers([_JOB]) == {}
        store.upsert([job], now=NOW + timedelta(days=1))
        link_duplicates(store, [job.id])
        assert _links(store) == {post.id: job.id}
        assert store.text_links_filled()
        assert store.text_linkers([_JOB]) == {_JOB: [post.id]}
    with SQLiteStore(tmp_path / "new.sqlite3") as store:  # a new store has nothing to fill
        assert store.text_links_filled()


@pytest.mark.parametrize("order", ["job, post", "post, job"])
def test_an_edited_text_that_drops_its_link_undoes_the_link(tmp_path: Path, order: str) -> None:
    """The post edited so that it no longer links to the job leaves the job's cluster, in
    either order it came in; its stored links are replaced, so a later job at that URL does
    not find it."""
    job, post = _cross_company()
    first, second = (job, post) if order == "job, post" else (post, job)
    store = _linked_in_order(tmp_path / "store.sqlite3", [[first], [second]])
    assert _links(store) == {post.id: job.id}
    edited = normalize(raw("reddit", "t3_x", "Hiring: ML engineer for a search team", "Someone",
                           text="A friend's team is hiring; the role is filled now, sorry."))
    store.upsert([edited], now=NOW + timedelta(days=1))
    link_duplicates(store, [edited.id])
    assert _links(store) == {}
    assert store.get(job.id).extra["also_sources"] == []
    assert store.text_linkers([_JOB]) == {}
    again = normalize(raw("greenhouse", "acme:9", "Machine Learning Engineer", "Acme",
                          url=_JOB))
    store.upsert([again], now=NOW + timedelta(days=2))
    link_duplicates(store, [again.id])
    assert post.id not in _links(store)
    _held_whole(store, [job, post, again])


def test_a_pass_killed_before_it_writes_leaves_the_text_links_owed(tmp_path: Path) -> None:
    """Killed as it writes its links, a pass on a store migrated to schema 5 leaves no
    half-filled ``text_links`` marked filled and no link: the next pass fills and links."""
    job, post = _cross_company()
    path = tmp_path / "old.sqlite3"
    with SQLiteStore(path) as store:
        store.upsert([post], now=NOW)
    import sqlite3

    old = sqlite3.connect(path)
    old.executescript("DROP TABLE text_links; DELETE FROM meta WHERE key='text_links_filled';"
                      "PRAGMA user_version = 4;")
    old.close()
    with SQLiteStore(path) as store:
        store.upsert([job], now=NOW + timedelta(days=1))
    script = (
        "import os, sys\n"
        "from mljobs.dedupe import link_duplicates\n"
        "from mljobs.store import SQLiteStore\n"
        "store = SQLiteStore(sys.argv[1])\n"
        "def kill(sql):\n"
        "    if sql.startswith('UPDATE'):\n"
        "        os._exit(9)\n"
        "store.conn.set_trace_callback(kill)\n"
        f"link_duplicates(store, [{job.id!r}])\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], env={
        **os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, check=False, timeout=120)
    assert done.returncode == 9
    with SQLiteStore(path) as store:
        assert _links(store) == {} and not store.text_links_filled()
        link_duplicates(store, [job.id])
        assert _links(store) == {post.id: job.id} and store.text_links_filled()
