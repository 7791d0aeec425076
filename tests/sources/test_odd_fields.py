"""One job of a board whose field is of another kind than the service writes (a number or an
object where text is, a number where a list is, a float or boolean id, a title that is no text)
fails nothing but itself: the board's other jobs are stored, the odd job is stored with that
field empty (or, when no more of it can be read, left out with a warning that names it), and
the answer is served by the replay server on 127.0.0.1 and synced by ``mljobs sync`` as a
person runs it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Document
from mljobs.sources import make_source
from mljobs.store import SQLiteStore

from .replay_server import FIXTURES, ReplayServer, Reply

runner = CliRunner()
NOW = datetime(2026, 3, 20, tzinfo=UTC)
_DOC = {"first_seen", "last_seen", "raw_ref"}  # (when it was read, and the document's hash)

# (source, board, the path its API is served at, fixture, the listing's key or None for a bare
# list, the title's key, the field of the link)
BOARDS = [
    ("greenhouse", "vaulttec", "/v1/boards/vaulttec/jobs", "greenhouse/vaulttec-pay.json",
     "jobs", "title", "absolute_url"),
    ("lever", "leverdemo", "/v0/postings/leverdemo", "lever/leverdemo-pay.json", None, "text",
     "hostedUrl"),
    ("ashby", "Ashby", "/posting-api/job-board/Ashby", "ashby/Ashby.json", "jobs", "title",
     "jobUrl"),
]

# each board's fields of text, of lists and of objects, given another kind in one job
ODD: dict[str, dict[str, Any]] = {
    "greenhouse": {"absolute_url": 42, "company_name": ["Vault-Tec"], "content": 7,
                   "location": ["Boston"], "offices": 3, "departments": True},
    "lever": {"hostedUrl": {"href": "x"}, "workplaceType": 1, "opening": 5,
              "descriptionBody": ["<p>x</p>"], "lists": 4, "additional": {"a": 1},
              "salaryDescription": 9, "categories": ["Berlin"]},
    "ashby": {"jobUrl": 42, "employmentType": {"a": 1}, "descriptionHtml": 3,
              "descriptionPlain": ["x"], "secondaryLocations": 2},
}


def _run(tmp_path: Path, *args: str) -> Any:
    return runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), *args,
                               "--config", str(tmp_path / "sources.toml")])


def _sync(tmp_path: Path, source: str, board: str, url: str, code: int = 0) -> dict[str, Any]:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "sources.toml").write_text("[http]\nretries = 1\nbackoff = 0.001\n"
                                           "max_backoff = 0.01\ntimeout = 10\n", encoding="utf-8")
    added = _run(tmp_path, "sources", "add", source, "--set", f"boards={board}",
                 "--set", f"base_url={url}")
    assert added.exit_code == 0, added.output
    result = _run(tmp_path, "sync", "--no-enrich", "--json")
    assert result.exit_code == code, result.output
    (report,) = json.loads(result.stdout)["sources"]
    assert isinstance(report, dict)
    return report


def _stored(tmp_path: Path) -> dict[str, Any]:
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        return {p.id: p for _, p in store.iter_postings()}


def _jobs(data: Any, key: str | None) -> list[dict[str, Any]]:
    jobs = data if key is None else data[key]
    assert isinstance(jobs, list)
    return jobs


@pytest.mark.parametrize(("source", "board", "path", "fixture", "key", "title", "link"), BOARDS)
def test_a_job_with_fields_of_another_kind_is_stored_without_them(
        tmp_path: Path, source: str, board: str, path: str, fixture: str, key: str | None,
        title: str, link: str) -> None:
    """Before: one Greenhouse job with ``"absolute_url": 42`` failed the whole board ("cannot
    parse ...: ValidationError: 1 validation error for RawPosting / url / Input should be a
    valid string ..."), ``"offices": 3`` with "'int' object is not iterable"; Lever's
    ``"opening": 5`` with "sequence item 0: expected str instance"; Ashby's ``"jobUrl": 42``
    as Greenhouse's. Now the job is stored with those fields empty, the others as before."""
    data = json.loads((FIXTURES / fixture).read_bytes())
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        plain = _sync(tmp_path / "plain", source, board, srv.url)
    odd_data = json.loads((FIXTURES / fixture).read_bytes())
    odd_job = _jobs(odd_data, key)[0]
    odd_job.update(ODD[source])
    with ReplayServer({path: Reply(json.dumps(odd_data).encode())}) as srv:
        report = _sync(tmp_path / "odd", source, board, srv.url)
    assert (report["new"], report["failed"], report["errors"]) == (plain["new"], 0, [])
    before, after = _stored(tmp_path / "plain"), _stored(tmp_path / "odd")
    assert set(after) == set(before)
    odd_id = f"{source}:{board}:{odd_job['id']}"
    assert after[odd_id].title == before[odd_id].title and after[odd_id].url is None
    for other in set(before) - {odd_id}:  # the board's other jobs, field for field
        assert after[other].model_dump(exclude=_DOC) == \
            before[other].model_dump(exclude=_DOC)


@pytest.mark.parametrize(("source", "board", "path", "fixture", "key", "title", "link"), BOARDS)
def test_ids_and_titles_of_another_kind(
        tmp_path: Path, source: str, board: str, path: str, fixture: str, key: str | None,
        title: str, link: str) -> None:
    """An id written as a whole float (44444.0) is that id (it was stored as another job,
    ``greenhouse:vaulttec:44444.0``); an id of true, a fraction, a list, and a title that is
    a number or an object are no job (they were stored as "True", "{'a': 1}"...)."""
    data = json.loads((FIXTURES / fixture).read_bytes())
    jobs = _jobs(data, key)
    first = jobs[0]
    whole = first["id"] if isinstance(first["id"], int) else None
    odd = [dict(first, id=True, **{title: "Bool id"}), dict(first, id=[1], **{title: "List"}),
           dict(first, id=2.5, **{title: "Fraction"}), dict(first, id="t-1", **{title: 12345}),
           dict(first, id="t-2", **{title: {"en": "ML"}}), dict(first, id="t-3", **{title: None})]
    if whole is not None:
        jobs[0] = dict(first, id=float(whole))
    jobs.extend(odd)
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, source, board, srv.url)
    assert report["failed"] == 0
    stored = set(_stored(tmp_path))
    listed = [job for job in jobs[:len(jobs) - len(odd)] if job.get("isListed", True)]
    assert stored == {f"{source}:{board}:{job_id}" for job_id in
                      [whole if i == 0 and whole is not None else job["id"]
                       for i, job in enumerate(listed)]}


def test_a_pay_range_and_categories_of_another_kind_are_read_as_none(tmp_path: Path) -> None:
    """Lever's pay range with a currency of 5, categories whose places are a number and whose
    commitment is a list: the job is stored without them (before: the whole site failed,
    "ValidationError: 1 validation error for Salary / currency")."""
    data = json.loads((FIXTURES / "lever/leverdemo-pay.json").read_bytes())
    data[0]["salaryRange"] = {"min": 1000, "max": 2000, "currency": 5, "interval": 7}
    data[0]["categories"] = {"allLocations": 9, "commitment": ["Full-time"], "team": "ML"}
    with ReplayServer({"/v0/postings/leverdemo": Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "lever", "leverdemo", srv.url)
    assert (report["new"], report["failed"]) == (2, 0)
    stored = _stored(tmp_path)[f"lever:leverdemo:{data[0]['id']}"]
    assert stored.salary is not None and stored.salary.currency is None
    assert stored.employment_type is None and list(stored.locations) == []


def test_a_job_that_still_cannot_be_read_is_named_and_the_others_stored(
        tmp_path: Path) -> None:
    """A job whose odd field is deeper than those read as none (an office whose place is an
    object) is left out with a warning naming it and the field in words, not pydantic's
    dump; the board's other jobs are stored. Every job so is an error: nothing is closed."""
    data = json.loads((FIXTURES / "greenhouse/vaulttec-pay.json").read_bytes())
    odd = data["jobs"][0]
    odd.pop("location", None)
    odd["offices"] = [{"location": {"city": "Boston"}}]
    path = "/v1/boards/vaulttec/jobs"
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    assert (report["new"], report["failed"]) == (len(data["jobs"]) - 1, 0)
    assert f"greenhouse:vaulttec:{odd['id']}" not in _stored(tmp_path)
    said, warning = report["warnings"]  # (the unit read in part, said first; the job)
    assert said.startswith("[vaulttec] read in part: 1 job left out")
    assert f"job {odd['id']} ({odd['title']!r}) left out: its locations.0 is an object" \
        in warning and "pydantic" not in warning
    data["jobs"] = [odd]
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "greenhouse", "vaulttec", srv.url, code=1)
    assert report["failed"] == 1 and "no job of the list could be read" in report["errors"][0]
    assert len(_stored(tmp_path)) == len(json.loads(
        (FIXTURES / "greenhouse/vaulttec-pay.json").read_bytes())["jobs"]) - 1


def test_a_reddit_post_whose_html_is_no_text_is_read_from_its_text(tmp_path: Path) -> None:
    """One post of a subreddit's listing with ``selftext_html`` of 42 failed the whole
    listing ("ValidationError: 1 validation error for RawPosting description_html"); now it
    is read from its ``selftext``, the other posts as before."""
    data = json.loads((FIXTURES / "reddit/MLjobs-new.json").read_bytes())
    post = data["data"]["children"][0]["data"]
    post["selftext_html"] = 42
    tmp_path.mkdir(exist_ok=True)
    config = tmp_path / "sources.toml"
    with ReplayServer({"/r/MLjobs/new.json": Reply(json.dumps(data).encode())}) as srv:
        config.write_text(f'[[sources]]\nname = "reddit"\ntype = "reddit"\n'
                          f'subreddits = ["MLjobs"]\nbase_url = "{srv.url}"\n', encoding="utf-8")
        result = _run(tmp_path, "sync", "--no-enrich", "--json")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)["sources"]
    assert (report["new"], report["failed"]) == (2, 0)
    stored = _stored(tmp_path)[f"reddit:{post['id']}"]
    assert stored.description_text and post["selftext"].split()[0] in stored.description_text


@pytest.mark.parametrize("field", ["comment_text", "created_at_i", "story_id"])
@pytest.mark.parametrize("odd", [42.5, {"a": 1}, ["x"], True])
def test_a_hacker_news_comment_with_a_field_of_another_kind(field: str, odd: Any) -> None:
    """One comment of an Algolia page (a thousand of a thread's) whose text was a number
    or whose time was an object failed the whole page ("'int' object has no attribute
    'strip'", "int() argument must be ... not 'dict'"); now that comment has no text (and
    is no posting) or no time, the others are read as before."""
    data = json.loads((FIXTURES / "hackernews/algolia-comments-p0.json").read_bytes())
    ref = ("https://hn.algolia.com/api/v1/search_by_date?tags=comment,story_47219668"
           "&hitsPerPage=1000&page=0")
    source = make_source("hackernews", {})

    def read(body: Any) -> list[Any]:
        return list(source.parse(Document(source="hackernews", ref=ref,
                                          content=json.dumps(body).encode(), fetched_at=NOW)))
    plain = read(data)
    data["hits"][0][field] = odd
    if field == "story_id":  # (a top-level comment's parent is its story)
        data["hits"][0]["parent_id"] = odd
    odd_read = read(data)
    first = str(data["hits"][0]["objectID"])
    assert [r for r in odd_read if r.source_id != first] == \
        [r for r in plain if r.source_id != first]


def test_a_careers_page_job_whose_employment_type_list_holds_a_number(tmp_path: Path) -> None:
    """A careers page of two JobPostings, one whose ``employmentType`` is a list holding a
    number and an object (``["FULL_TIME", 3, {"a": 1}]``), failed the whole page ("sequence item
    1: expected str instance, int found"); now it is read with the texts of the list."""
    jobs = [{"@type": "JobPosting", "title": "Machine Learning Engineer",
             "description": "<p>PyTorch models.</p>", "datePosted": "2026-02-20",
             "hiringOrganization": {"@type": "Organization", "name": "Helix Bio"},
             "employmentType": ["FULL_TIME", 3, {"a": 1}]},
            {"@type": "JobPosting", "title": "Data Engineer",
             "description": "<p>Pipelines.</p>", "datePosted": "2026-02-21",
             "hiringOrganization": {"@type": "Organization", "name": "Helix Bio"}}]
    page = ('<!doctype html><html><head><script type="application/ld+json">'
            + json.dumps({"@context": "https://schema.org", "@graph": jobs})
            + "</script></head><body></body></html>").encode()
    tmp_path.mkdir(exist_ok=True)
    with ReplayServer({"/jobs": Reply(page, content_type="text/html; charset=utf-8")}) as srv:
        (tmp_path / "sources.toml").write_text(
            f'[[sources]]\nname = "careers"\ntype = "jsonld"\nurls = ["{srv.url}/jobs"]\n',
            encoding="utf-8")
        result = _run(tmp_path, "sync", "--no-enrich", "--json")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)["sources"]
    assert (report["new"], report["failed"]) == (2, 0)
    stored = {p.title: p for p in _stored(tmp_path).values()}
    assert stored["Machine Learning Engineer"].employment_type == "FULL_TIME"


@pytest.mark.parametrize(("field", "odd"), [("body_html", 42), ("body_html", {"a": 1}),
                                            ("id", True), ("id", ["x"]), ("id", 2.5)])
def test_a_reddit_thread_comment_with_a_field_of_another_kind(field: str, odd: Any) -> None:
    """A thread's comment whose ``body_html`` was 42 failed the whole thread ("can only
    concatenate str (not "int") to str"); an id of true, a list or a fraction was stored as
    "True", "['x']", "2.5". Now the comment is read from its ``body``, or is no posting."""
    data = json.loads((FIXTURES / "reddit/thread-1hire01.json").read_bytes())
    ref = "https://www.reddit.com/r/MachineLearning/comments/1hire01/x/.json"

    def read(body: Any) -> list[str]:
        return [r.source_id for r in make_source("reddit", {}).parse(Document(
            source="reddit", ref=ref, content=json.dumps(body).encode(), fetched_at=NOW))]
    plain = read(data)
    comments = [c["data"] for c in data[1]["data"]["children"] if c.get("kind") == "t1"]
    first = next(c for c in comments if c["id"] in plain)
    own = first["id"]
    first[field] = odd
    ids = read(data)
    assert set(ids) - {own} == set(plain) - {own}
    assert (own in ids) == (field == "body_html")


@pytest.mark.parametrize("odd", [True, 2.5, ["x"]])
def test_a_hacker_news_comment_whose_id_is_no_id_is_no_posting(odd: Any) -> None:
    """An Algolia comment whose ``objectID`` was true or 2.5 was stored as the item "True" or
    "2.5"; a whole float (47219700.0) is that item."""
    data = json.loads((FIXTURES / "hackernews/algolia-comments-p0.json").read_bytes())
    ref = ("https://hn.algolia.com/api/v1/search_by_date?tags=comment,story_47219668"
           "&hitsPerPage=1000&page=0")

    def read(body: Any) -> list[str]:
        return [r.source_id for r in make_source("hackernews", {}).parse(Document(
            source="hackernews", ref=ref, content=json.dumps(body).encode(), fetched_at=NOW))]
    plain = read(data)
    hit = next(h for h in data["hits"] if str(h["objectID"]) in plain)
    whole = int(hit["objectID"])
    hit["objectID"] = float(whole)
    assert read(data) == plain
    hit["objectID"] = odd
    assert read(data) == [i for i in plain if i != str(whole)]


def test_a_stored_job_left_out_today_is_not_closed(tmp_path: Path) -> None:
    """A job the store holds whose field turned odd today (an office whose place is an object)
    is left out with a warning, and stays open: the board's answer was read only in part, so
    nothing of it is closed by what it did not give (before: the job was closed, to be reopened
    on the day its field is well again). A job the board no longer lists at all still closes
    on a later whole read."""
    data = json.loads((FIXTURES / "greenhouse/vaulttec-pay.json").read_bytes())
    path = "/v1/boards/vaulttec/jobs"
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        first = _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    assert first["new"] == len(data["jobs"]) >= 2
    odd, gone = data["jobs"][0], data["jobs"][-1]
    odd.pop("location", None)
    odd["offices"] = [{"location": {"city": "Boston"}}]
    data["jobs"] = data["jobs"][:-1]
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    assert (report["failed"], report["closed"]) == (0, 0)
    assert any(f"job {odd['id']}" in w and "left out" in w for w in report["warnings"])
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        still = store.open_ids_with_prefix("greenhouse:vaulttec:")
    assert {f"greenhouse:vaulttec:{odd['id']}", f"greenhouse:vaulttec:{gone['id']}"} <= still
    data["jobs"] = [job for job in json.loads((FIXTURES / "greenhouse/vaulttec-pay.json")
                                              .read_bytes())["jobs"] if job["id"] != gone["id"]]
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    assert report["closed"] == 1


@pytest.mark.parametrize("odd", [{"title": 12345}, {"title": {"en": "ML"}}, {"id": True},
                                 {"id": 2.5}])
def test_a_stored_job_whose_id_or_title_turned_odd_is_not_closed(
        tmp_path: Path, odd: dict[str, Any]) -> None:
    """A job the store holds whose title (or id) is no text today is no job of the answer,
    said in a warning, and the answer was read in part: it closes nothing (before: the job
    was closed without a word, to be reopened the day its title is text again)."""
    data = json.loads((FIXTURES / "greenhouse/vaulttec-pay.json").read_bytes())
    path = "/v1/boards/vaulttec/jobs"
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    stored = f"greenhouse:vaulttec:{data['jobs'][0]['id']}"
    data["jobs"][0].update(odd)
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    assert (report["failed"], report["closed"]) == (0, 0)
    (field,) = odd
    assert any("left out" in w and f"its {field} is" in w for w in report["warnings"])
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        assert stored in store.open_ids_with_prefix("greenhouse:vaulttec:")


def test_a_unit_read_in_part_says_why_nothing_closed(tmp_path: Path) -> None:
    """A board whose answer left a job out closes nothing: the summary (text and --json) says
    so in one line naming the unit and how many jobs were left out, first of the unit's
    warnings (the text summary shows ten), so a person learns why a gone job stays open."""
    data = json.loads((FIXTURES / "greenhouse/vaulttec-pay.json").read_bytes())
    path = "/v1/boards/vaulttec/jobs"
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
    data["jobs"][0]["title"] = 12345
    data["jobs"] = data["jobs"][:-1]  # (and one job gone: it stays open today)
    with ReplayServer({path: Reply(json.dumps(data).encode())}) as srv:
        report = _sync(tmp_path, "greenhouse", "vaulttec", srv.url)
        text = _run(tmp_path, "sync", "--no-enrich")
    assert report["closed"] == 0
    said = ("[vaulttec] read in part: 1 job left out, so nothing of it was closed (a job no "
            "longer listed closes at the next whole read)")
    assert report["warnings"][0] == said
    assert text.exit_code == 0, text.output
    assert "read in part: 1 job left out, so nothing of it was closed" in " ".join(
        text.output.split())


def test_a_job_left_out_of_a_later_page_holds_the_whole_site_open(tmp_path: Path) -> None:
    """A Lever site read in pages whose second page left a job out (a title that is a number)
    closes nothing, a job gone from its last page too, and says so once for the site; the next
    whole read (every page readable) closes the gone job, and the job left out stays open."""
    (base,) = json.loads((FIXTURES / "lever/leverdemo-pay.json").read_bytes())[:1]
    jobs = [{**base, "id": f"5f2c1e0a-0009-4c3b-9f51-2b0c1a7e000{n}", "text": f"ML role {n}",
             "hostedUrl": f"https://jobs.lever.co/leverdemo/{n}"} for n in range(5)]
    path = "/v0/postings/leverdemo"

    def sync(*pages: list[dict[str, Any]]) -> dict[str, Any]:
        routes = {f"{path}?limit=2&mode=json&skip={2 * n}": Reply(json.dumps(page).encode())
                  for n, page in enumerate(pages)}
        with ReplayServer(routes) as srv:
            (tmp_path / "sources.toml").write_text(
                f'[http]\nretries = 1\nbackoff = 0.001\n\n[[sources]]\nname = "lever"\n'
                f'type = "lever"\nboards = ["leverdemo"]\nbase_url = "{srv.url}"\n'
                f'page_size = 2\n', encoding="utf-8")
            result = _run(tmp_path, "sync", "--no-enrich", "--json")
        assert result.exit_code == 0, result.output
        (report,) = json.loads(result.stdout)["sources"]
        assert isinstance(report, dict)
        return report

    tmp_path.mkdir(exist_ok=True)
    assert sync(jobs[:2], jobs[2:4], jobs[4:])["new"] == 5
    odd, gone = {**jobs[2], "text": 12345}, f"lever:leverdemo:{jobs[4]['id']}"
    report = sync(jobs[:2], [odd, jobs[3]], [])
    assert (report["closed"], report["documents"]) == (0, 3)
    assert [w for w in report["warnings"] if "read in part" in w] == [
        ("[leverdemo] read in part: 1 job left out, so nothing of it was closed (a job no "
         "longer listed closes at the next whole read)")]
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        assert {gone, f"lever:leverdemo:{odd['id']}"} <= store.open_ids_with_prefix("lever:")
    report = sync(jobs[:2], jobs[2:4], [])
    assert report["closed"] == 1 and not report["warnings"]
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        assert store.open_ids_with_prefix("lever:") == {
            f"lever:leverdemo:{j['id']}" for j in jobs[:4]}
