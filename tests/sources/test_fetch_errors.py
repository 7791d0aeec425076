"""What ``mljobs sync`` says when a server answers badly (the replay server on 127.0.0.1).

Before: a board that does not exist said "HTTP 404 Not Found (url)" and no more; a server still
failing after every retry "HTTP 500 Internal Server Error (url)", as if it had been asked once;
a maintenance page in HTML "invalid JSON (Expecting value: line 1 column 1 (char 0))"; and an
Algolia or Reddit answer of another shape "unexpected AttributeError: 'list' object has no
attribute 'get'". Each now names the thing and what to do; the run goes on with the other
units and exits 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mljobs.cli import app

from .replay_server import ReplayServer, Reply, fixture

runner = CliRunner()

PAGE = b"<!DOCTYPE html>\n<html><head><title>Down for maintenance</title></head></html>"


def _sync(tmp_path: Path, base: str) -> dict[str, dict[str, object]]:
    config = tmp_path / "sources.toml"
    config.write_text(
        "[http]\nretries = 1\nbackoff = 0.001\ntimeout = 10\n\n"
        f'[[sources]]\nname = "gh"\ntype = "greenhouse"\nbase_url = "{base}"\n'
        'boards = ["vaulttec", "nosuchboard", "down", "private", "maintenance"]\n\n'
        f'[[sources]]\nname = "lever"\ntype = "lever"\nbase_url = "{base}"\n'
        'boards = ["gone"]\n\n'
        f'[[sources]]\nname = "hn"\ntype = "hackernews"\nmonths = ["2026-03"]\n'
        f'algolia_url = "{base}/api/v1"\n\n'
        f'[[sources]]\nname = "reddit"\ntype = "reddit"\nsubreddits = ["MLjobs"]\n'
        f'base_url = "{base}"\n', encoding="utf-8")
    result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                 str(config), "--no-enrich", "--json"])
    assert result.exit_code == 1, result.output
    return {s["name"]: s for s in json.loads(result.stdout)["sources"]}


def _failed_sync(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    """``mljobs sync --json`` of the sources file ``text``, which fails (exit code 1): the
    report of each source."""
    config = tmp_path / "sources.toml"
    config.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                 str(config), "--no-enrich", "--json"])
    assert result.exit_code == 1, result.output
    sources: list[dict[str, Any]] = json.loads(result.stdout)["sources"]
    return sources


def test_each_bad_answer_is_named_with_what_to_do(tmp_path: Path) -> None:
    routes = {
        "/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json"),
        "/v1/boards/down/jobs": Reply(b"upstream down", 500),
        "/v1/boards/private/jobs": Reply(b"forbidden", 403),
        "/v1/boards/maintenance/jobs": Reply(PAGE, 200, content_type="text/html"),
        "/api/v1/search": Reply(b"[]"),  # a JSON array where Algolia sends an object
        "/r/MLjobs/new.json": Reply(b'["not", "a", "listing"]'),
    }
    with ReplayServer(routes) as srv:
        sources = _sync(tmp_path, srv.url)
        assert srv.hits["/v1/boards/down/jobs"] == 2  # asked, and retried once
        assert srv.hits["/v1/boards/private/jobs"] == 1  # a refusal is not retried
    gh = sources["gh"]
    assert (gh["new"], gh["failed"]) == (3, 4)  # vaulttec synced all the same
    # in the order of the config's boards, whichever answered first; a parse error names its
    # unit as a fetch error does
    assert [e.partition("]")[0] for e in gh["errors"]] == [  # type: ignore[attr-defined]
        "[nosuchboard", "[down", "[private", "[maintenance"]
    errors = " | ".join(gh["errors"])  # type: ignore[arg-type]
    assert ("/v1/boards/nosuchboard/jobs?content=true&pay_transparency=true); not found: is "
            "the board's name right? It is the last part of the board's address, "
            "boards.greenhouse.io/NAME") in errors
    assert "HTTP 500 Internal Server Error" in errors
    assert ("/v1/boards/down/jobs?content=true&pay_transparency=true); gave up after 2 "
            "attempts; try again later") in errors
    assert ("HTTP 403 Forbidden" in errors and "the server refuses access: a private board or "
            "page cannot be read" in errors)
    assert ("maintenance/jobs?content=true&pay_transparency=true: the server sent a web page, "
            "not JSON (text/html, starting '<!DOCTYPE html> <html><head><title>Down for "
            "maintenance</title>") in errors
    (lever,) = sources["lever"]["errors"]  # type: ignore[misc]
    assert "a site hosted in the EU needs base_url = \"https://api.eu.lever.co\"" in lever
    (hn,) = sources["hn"]["errors"]  # type: ignore[misc]
    assert "expected a JSON object, got list" in hn and "AttributeError" not in hn
    (reddit,) = sources["reddit"]["errors"]  # type: ignore[misc]
    assert "expected a JSON object, got list" in reddit and "AttributeError" not in reddit


def test_a_page_that_cannot_be_read_is_one_error(tmp_path: Path) -> None:
    """Lever (and Reddit, HN's Algolia pages) read each page as they fetch it to know whether
    another follows: a page cut short failed the fetch and then its parse, and was counted and
    listed twice."""
    with ReplayServer({"/v0/postings/cut": Reply(b'[{"id": "5f2c1e0a", "te')}) as srv:
        (lever,) = _failed_sync(tmp_path, f'[[sources]]\nname = "lever"\ntype = "lever"\n'
                                f'boards = ["cut"]\nbase_url = "{srv.url}"\n')
    assert (lever["documents"], lever["failed"]) == (1, 1)
    (error,) = lever["errors"]
    assert error.startswith("[cut] lever: cannot parse ") and "invalid JSON" in error


def test_a_listing_of_jobs_none_of_which_can_be_read_closes_nothing(tmp_path: Path) -> None:
    """A board answer whose jobs have another shape (an API change; here 'name' for 'title')
    was read as an empty board: every posting of the board was closed."""
    config = tmp_path / "sources.toml"
    db = tmp_path / "s.sqlite3"
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        config.write_text(f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                          f'boards = ["vaulttec"]\nbase_url = "{srv.url}"\n', encoding="utf-8")
        args = ["--db", str(db), "sync", "--config", str(config), "--no-enrich", "--json"]
        assert runner.invoke(app, args).exit_code == 0
        jobs = json.loads(fixture("greenhouse/vaulttec.json").body)["jobs"]
        for job in jobs:
            job["name"] = job.pop("title")
        srv.routes["/v1/boards/vaulttec/jobs"] = Reply(json.dumps({"jobs": jobs}).encode())
        result = runner.invoke(app, args)
    assert result.exit_code == 1
    (gh,) = json.loads(result.stdout)["sources"]
    assert (gh["closed"], gh["failed"]) == (0, 1)
    assert gh["errors"][0].endswith("the list has 3 jobs and none with the 'id' and 'title' a "
                                    "job has; is the API's answer of another shape? Nothing "
                                    "was closed")
    listed = runner.invoke(app, ["--db", str(db), "stats", "--json"])
    assert json.loads(listed.stdout)["by_status"] == {"open": 3}


def test_a_listing_cut_short_closes_nothing(tmp_path: Path) -> None:
    """Lever stopped at ``max_pages`` while more pages followed, and Greenhouse answered an
    empty list that says it has jobs: both were complete listings to sync, which closed every
    posting they did not show."""
    config = tmp_path / "sources.toml"
    db = tmp_path / "s.sqlite3"
    lever = [fixture(f"lever/leverdemo-skip{skip}.json") for skip in (0, 2)]
    routes = {"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json"),
              "/v0/postings/leverdemo?limit=2&mode=json&skip=0": lever[0],
              "/v0/postings/leverdemo?limit=2&mode=json&skip=2": lever[1]}
    with ReplayServer(routes) as srv:
        config.write_text(f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                          f'boards = ["vaulttec"]\nbase_url = "{srv.url}"\n\n'
                          f'[[sources]]\nname = "lever"\ntype = "lever"\nboards = ["leverdemo"]\n'
                          f'page_size = 2\nbase_url = "{srv.url}"\n', encoding="utf-8")
        args = ["--db", str(db), "sync", "--config", str(config), "--no-enrich", "--json"]
        assert runner.invoke(app, args).exit_code == 0
        srv.routes["/v1/boards/vaulttec/jobs"] = Reply(b'{"jobs": [], "meta": {"total": 3}}')
        config.write_text(config.read_text(encoding="utf-8") + "max_pages = 1\n",
                          encoding="utf-8")
        result = runner.invoke(app, args)
    assert result.exit_code == 1
    sources = {s["name"]: s for s in json.loads(result.stdout)["sources"]}
    assert (sources["gh"]["closed"], sources["lever"]["closed"]) == (0, 0)
    assert sources["gh"]["errors"][0].endswith(
        "the list is empty but says it has 3 jobs; nothing was closed; try again later")
    assert ("stopped after max_pages = 1 pages of 2 while more follow; raise max_pages"
            in sources["lever"]["errors"][0])
    assert sources["lever"]["unchanged"] == 2  # the page fetched is still read
    stats = runner.invoke(app, ["--db", str(db), "stats", "--json"])
    assert json.loads(stats.stdout)["by_status"] == {"open": 6}


def test_an_empty_answer_is_named_so(tmp_path: Path) -> None:
    """A server that answers 200 with no body at all (a proxy or a service half up) read as
    "invalid JSON (Expecting value: line 1 column 1 (char 0))", which names neither the
    empty answer nor what to do."""
    with ReplayServer({"/v1/boards/hollow/jobs": Reply(b""),
                       "/r/hollow/new.json": Reply(b"\n")}) as srv:
        sources = _failed_sync(
            tmp_path, f'[[sources]]\nname = "gh"\ntype = "greenhouse"\nboards = ["hollow"]\n'
            f'base_url = "{srv.url}"\n\n[[sources]]\nname = "r"\ntype = "reddit"\n'
            f'subreddits = ["hollow"]\nbase_url = "{srv.url}"\n')
    for source in sources:
        (error,) = source["errors"]
        assert error.endswith("the server sent an empty answer, no JSON: the service may be "
                              "down (try again later), or the API address (base_url) is "
                              "wrong"), error


def test_a_feed_address_that_answers_json_or_a_web_page_says_it_is_no_feed(
        tmp_path: Path) -> None:
    """A feed address that answers with an API's JSON, or a web page (here a bot check's
    "Just a moment..."), failed as "malformed feed (<unknown>:1:0: syntax error)", as a feed
    cut short does: the user looked for a broken feed. It is no feed: it now says so, shows
    how the answer starts and where a site links its feed. A feed that is broken XML is still
    "malformed"."""
    page = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
            b"<body>Checking your browser</body></html>")
    with ReplayServer({"/jobs.json": Reply(b'{"jobs": [{"id": 1, "title": "ML Engineer"}]}'),
                       "/jobs.rss": Reply(page, content_type="text/html"),
                       "/cut.rss": Reply(b'<?xml version="1.0"?><rss version="2.0"><channel>'
                                         b"<item><title>ML Eng", content_type="text/xml")}
                      ) as srv:
        (feed,) = _failed_sync(tmp_path, f'[[sources]]\nname = "f"\ntype = "feed"\nurls = '
                               f'["{srv.url}/jobs.json", "{srv.url}/jobs.rss", '
                               f'"{srv.url}/cut.rss"]\n')
    json_error, page_error, cut_error = sorted(
        feed["errors"], key=lambda e: ("jobs.json" not in e, "jobs.rss" not in e))
    assert ("jobs.json: not an RSS or Atom feed (it starts '{\"jobs\": [{\"id\": 1, \"title\": "
            "\"ML Engineer\"}]}', application/json); check the URL") in json_error
    assert ("jobs.rss: not an RSS or Atom feed (it starts '<!DOCTYPE html><html><head><title>"
            "Just a moment...</title>") in page_error
    assert "cut.rss: malformed feed (" in cut_error
