"""Job seekers' comments in "Who is hiring?" threads ("Who wants to be hired?" template), and
comments that say they are no job post, are no postings: sync and import leave them out and
say how many of each."""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from mljobs import config as cfg
from mljobs.cli.app import app
from mljobs.http import HttpClient
from mljobs.importer import import_file
from mljobs.models import Document
from mljobs.normalize import html_to_text
from mljobs.sources.hackernews import HackerNews
from mljobs.sources.hn_format import not_a_post, seeker_comment
from mljobs.store import SQLiteStore
from mljobs.sync import SourceReport, StoreValidators, SyncOptions, run_sync

from .conftest import NOW
from .replay_server import FIXTURES, ReplayServer, Reply, fixture

# an import's day after the demo's last item (2026-05-05): import refuses posting dates after it
IMPORT_DAY = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

APRIL = 47601859  # Ask HN: Who is hiring? (April 2026): Oklo's post and two seekers' comments
SEEKERS = {"47603496", "47664663"}
OKLO = "47603039"
DEMO = Path(__file__).resolve().parents[2] / "src" / "mljobs" / "data" / "demo-hn-2026.jsonl.gz"


def _config(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("\n".join([
        "[http]", "retries = 1", "backoff = 0.01", "timeout = 5.0", "",
        "[[sources]]", 'name = "hn"', 'type = "hackernews"', f"threads = [{APRIL}]",
        f'algolia_url = "{base}/api/v1"', "",
    ]), encoding="utf-8")
    return path


def _server() -> ReplayServer:
    return ReplayServer({f"/api/v1/items/{APRIL}": fixture(f"hackernews/algolia-item-{APRIL}.json")})


def _sync(tmp_path: Path, server: ReplayServer, store: SQLiteStore) -> SourceReport:
    """The HN source's report of one sync of the thread ``server`` replays into ``store``."""
    conf = cfg.load(_config(tmp_path, server.url))
    with HttpClient(conf.http_settings(), validators=StoreValidators(store),
                    sleep=lambda s: None) as http:
        report = run_sync(store, conf.sources, http=http, now=NOW,
                          options=SyncOptions(refresh_index=False, ml_filter=None))
    return report.sources[0]


def test_sync_skips_and_counts_seekers_comments(tmp_path: Path) -> None:
    with _server() as server, SQLiteStore(tmp_path / "db.sqlite3") as store:
        hn = _sync(tmp_path, server, store)
        assert (hn.seekers, hn.new, hn.failed) == (2, 1, 0)
        assert store.get(f"hackernews:{OKLO}") is not None
        assert all(store.get(f"hackernews:{i}") is None for i in SEEKERS)
        # the raw thread is kept as fetched, seekers' comments in it
        assert hn.documents == 1


def test_cli_sync_says_how_many_seekers_comments_it_skipped(tmp_path: Path) -> None:
    with _server() as server:
        config = _config(tmp_path, server.url)
        args = ["sync", "--config", str(config), "--db", str(tmp_path / "cli.sqlite3"), "--no-enrich"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "hn: 2 job seekers' comments skipped" in result.output
        data = json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout)
        assert data["sources"][0]["seekers"] == 2


def test_company_post_with_the_seekers_fields_under_its_header_is_kept() -> None:
    # Careforce AI (January 2026): "Careforce AI ... | Senior Fullstack Engineer | REMOTE (US)"
    # then "Location: ... Remote: ... Willing to relocate: No Technologies: ... Email: ..."
    path = FIXTURES / "hackernews" / "firebase-item-46520031.json"
    doc = Document(source="hackernews", ref="item/46520031", content=path.read_bytes(),
                   fetched_at=NOW)
    source = HackerNews()
    raws = list(source.parse(doc))
    assert len(raws) == 1 and not source.seeker(raws[0])
    assert raws[0].company == "Careforce AI"
    # the same fields one a line, as seekers write them, under the company's header: a posting;
    # without the header: a seeker's comment
    text = raws[0].description_text or ""
    header, _, rest = text.partition("\n")
    fields = rest.split("\n", 1)[0]
    for label in ("Remote:", "Willing to relocate:", "Technologies:", "Résumé/CV:", "Email:"):
        fields = fields.replace(f" {label}", f"\n{label}")
    assert not seeker_comment(f"{header}\n{fields}")
    assert seeker_comment(fields)


def _demo_items(ids: list[int]) -> list[dict]:
    with gzip.open(DEMO, "rt", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in map(json.loads, fh) if r["id"] in ids}
    return [rows[i] for i in ids]


def test_import_skips_and_counts_seekers_comments(tmp_path: Path) -> None:
    # HN items as the demo file holds them: a seeker ("Location: ...<p>Remote: Yes<p>Willing to
    # relocate: No<p>Technologies: ..."), one whose first line runs three fields together after
    # a "SEEKING ..." lead, Careforce's post with the fields under its header, an ordinary post
    items = _demo_items([47603496, 46944852, 46520031, 46466124])
    path = tmp_path / "hn.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        report = import_file(store, path, now=IMPORT_DAY)
        assert (report.rows, report.seekers, report.failed) == (4, 2, 0)
        kept = {p.source_id for _, p in store.iter_postings()}
        assert kept == {"46520031", "46466124"}
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "cli.sqlite3"),
                                      "--no-enrich"])
    assert result.exit_code == 0, result.output
    assert "2 job seekers' comments skipped" in result.output


def test_corpus_rows_of_seekers_are_skipped_too(tmp_path: Path) -> None:
    # the corpus format ("id": "hn-<item>", "text_html" and plain "text") of a seeker's comment
    item = _demo_items([47664663])[0]
    text = html_to_text(item["text"])
    row = {"id": f"hn-{item['id']}", "source": "hackernews",
           "url": f"https://news.ycombinator.com/item?id={item['id']}", "posted_at": item["time"],
           "thread_id": item["thread_id"], "title": text.split("\n", 1)[0], "company": None,
           "text": text, "text_html": item["text"]}
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        report = import_file(store, path, now=IMPORT_DAY)
        assert (report.rows, report.seekers, report.new, report.failed) == (1, 1, 0, 0)


PIPED = ("Location: Lisbon, Portugal | Remote: Yes | Willing to relocate: No | Technologies: Python, "
         "PyTorch, Kubernetes, Airflow | Résumé/CV: https://cv.example/ana.pdf | Email: ana@mail.example")


def test_a_seekers_fields_on_one_line_are_a_seekers_comment() -> None:
    assert seeker_comment(PIPED)
    assert seeker_comment(PIPED.replace(" | ", " • "))
    assert seeker_comment(PIPED.replace(" | ", "|"))
    # after a "SEEKING WORK" lead (which ``parse_header`` reads as a company) or a line about
    # the writer, with the rest of the comment below
    assert seeker_comment("SEEKING WORK | " + PIPED + "\n\nI build data platforms for ML teams.")
    assert seeker_comment("Senior data engineer, 8 years\n" + PIPED)


def test_a_company_header_with_pipes_is_no_seekers_comment() -> None:
    # a header, then the same fields run on after it on its line or on the next one
    assert not seeker_comment("Acme Robotics | ML Engineer | " + PIPED)
    assert not seeker_comment("Acme Robotics | Lisbon | " + PIPED.replace("Location: Lisbon, Portugal | ", ""))
    assert not seeker_comment("Acme Robotics | ML Engineer | Remote | $150k\n" + PIPED)
    # a post that mentions relocating, in a header with pipes
    assert not seeker_comment("Acme Robotics | ML Engineer | Lisbon | Onsite | $150k\n\nRemote: no. "
                              "Willing to relocate: we pay for the move. Email: jobs@acme.example")


def test_import_skips_a_seekers_one_line_comment(tmp_path: Path) -> None:
    rows = [{"id": "hn-900001", "source": "hackernews", "title": PIPED.split(" | ")[0],
             "company": None, "text": PIPED},
            {"id": "hn-900002", "source": "hackernews", "title": "Acme Robotics | ML Engineer | Lisbon",
             "company": None,
             "text": "Acme Robotics | ML Engineer | Lisbon | Onsite\n\nWe build picking robots. "
                     "Willing to relocate: we pay for the move. Location: Lisbon. Email: jobs@acme.example"}]
    assert _import_rows(tmp_path, rows) == ((2, 1, 0, 1, 0), ["900002"])


# Seekers' comments in other shapes, as the corpus holds them (shortened; no addresses)
SEEKING_WORK = ("SEEKING WORK | Full-Stack Developer (Django, Vue, AWS)\n\nLocation: Argentina "
                "(remote-friendly, US/EU time overlap)\n\nI’m a full-stack developer with a background in "
                "finance, working mainly with Django, Vue, and AWS.")  # hn-48012147
LOOKING_FOR = ("I'm a full-stack developer with 3 years of experience building web apps and SaaS "
               "products.\n\nI'm comfortable owning entire features end-to-end.\n\nLooking for: freelance "
               "contracts or part-time engagements with founders who need a reliable technical partner.")  # hn-47986051
HELLO = ("Hello,\n\nI hope you’re doing well.\n\nI’m currently looking for a job and exploring new "
         "opportunities.\n\nFull Stack Developer with 7+ years of experience (React.js, Next.js).")  # hn-47986820
APPLICATION = ("Subject: Full Stack Engineer Application\n\nLocation: Remote (PKT)\n\nHi,\n\nI’m reaching "
               "out regarding your recent post in the HN \"Who is Hiring\" thread.\nStack: React, TypeScript, "
               "Node.js.")  # hn-47633062


def test_other_shapes_of_seekers_comments_are_seekers_comments() -> None:
    for text in (SEEKING_WORK, LOOKING_FOR, HELLO, APPLICATION):
        assert seeker_comment(text), text
    assert seeker_comment("[Looking for work] ML engineer, 6 years | Remote | Berlin")
    assert seeker_comment("Available for hire | Data Scientist | Lisbon or remote")


def test_a_company_that_seeks_people_is_no_seekers_comment() -> None:
    # a company's header before the same words, or words that seek people, not work
    assert not seeker_comment("Acme | ML Engineer | Remote\n\nI'm currently looking for a job-ready "
                              "engineer to join us.")
    assert not seeker_comment("Acme | ML Engineer | Remote (US)\n\nLooking for: freelance contracts? "
                              "We hire full-time only.")
    assert not seeker_comment("Hi HN, I'm the CTO of Acme.\n\nWe're looking for work-obsessed engineers.")
    assert not seeker_comment("Seeking ML Engineers | Acme | Remote")
    assert not seeker_comment("Looking for a CTO / Tech Lead\n\nA startup producing short-form video "
                              "series is looking for a CTO.")  # (the corpus's hn-47347256)


def test_import_skips_seekers_comments_of_other_shapes(tmp_path: Path) -> None:
    rows = [{"id": f"hn-9001{i}", "source": "hackernews", "title": text.split("\n", 1)[0],
             "company": None, "text": text}
            for i, text in enumerate((SEEKING_WORK, LOOKING_FOR, HELLO, APPLICATION))]
    rows.append({"id": "hn-900200", "source": "hackernews", "title": "Acme Robotics | ML Engineer | Lisbon",
                 "company": None, "text": "Acme Robotics | ML Engineer | Lisbon | Onsite\n\nWe build picking "
                 "robots. I'm looking for engineers who love hardware."})
    assert _import_rows(tmp_path, rows) == ((5, 4, 0, 1, 0), ["900200"])


# (a comment of the February 2026 thread, as the corpus holds it: hn-46861441, its text cut)
NOT_A_JOB = ("SEEKING PARTNER | Bay Area | Applied Research Lab\n\nNot a job. I\u2019m exploring "
             "alignment with a potential partner.\n\nI\u2019m a systems builder (CS/infra founder) "
             "working on an applied research lab for agent reliability. Email me if this resonates.")


def test_a_comment_that_says_it_is_no_job_post_is_none() -> None:
    assert not_a_post(NOT_A_JOB)
    assert not_a_post("Acme Robotics | Berlin\n\nThis is not a job post, but we are looking for "
                      "design partners in logistics.")
    assert not_a_post("Acme Robotics | Not hiring right now | Berlin\n\nWe will post here again in May.")
    assert not_a_post("Not hiring, but happy to talk to anyone building eval tooling.")
    # a post that says what the job is not, or whom it does not hire: a posting
    assert not not_a_post("Acme Robotics | ML Engineer | Berlin\n\nThis is not a job for the faint "
                          "of heart: you will own our perception stack.")
    assert not not_a_post("Acme Robotics | ML Engineer | Berlin\n\nNot hiring interns this round. "
                          "We build picking robots.")
    assert not not_a_post("Acme Jobs | Not a job board: we match engineers to teams | Remote")
    # (the phrase far below the opening is no note about the comment)
    assert not not_a_post("Acme Robotics | ML Engineer | Berlin\n\n" + "We build robots. " * 30
                          + "\n\nThis is not a job post, but a calling.")


def test_import_skips_a_comment_that_says_it_is_no_job_post(tmp_path: Path) -> None:
    rows = [{"id": "hn-46861441", "source": "hackernews", "title": NOT_A_JOB.split("\n", 1)[0],
             "company": "SEEKING PARTNER", "text": NOT_A_JOB},
            {"id": "hn-900003", "source": "hackernews", "title": "Acme Robotics | ML Engineer | Berlin",
             "company": "Acme Robotics",
             "text": "Acme Robotics | ML Engineer | Berlin\n\nNot hiring interns this round. We build "
                     "picking robots with PyTorch. Email jobs@acme.example"}]
    assert _import_rows(tmp_path, rows) == ((2, 0, 1, 1, 0), ["900003"])
    # the summary tells the two kinds of skipped comments apart
    rows.append({"id": "hn-90010", "source": "hackernews", "title": SEEKING_WORK.split("\n", 1)[0],
                 "company": None, "text": SEEKING_WORK})
    path = tmp_path / "more.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(path), "--db", str(tmp_path / "cli.sqlite3"),
                                      "--no-enrich"])
    assert result.exit_code == 0, result.output
    assert ("1 job seekers' comments and 1 comment that says it is no job post skipped (Hacker News "
            "comments, not job postings)") in " ".join(result.output.split())


def _import_rows(tmp_path: Path, rows: Sequence[Mapping[str, object]]) -> tuple[tuple[int, ...], list[str]]:
    """Import ``rows`` as a corpus file into a new store: the report's (rows, seekers,
    not_posts, new, failed) and the stored postings' source ids."""
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        report = import_file(store, path, now=IMPORT_DAY)
        return ((report.rows, report.seekers, report.not_posts, report.new, report.failed),
                [p.source_id for _, p in store.iter_postings()])


def _with_a_no_post_comment() -> ReplayServer:
    """The April thread as recorded, with a comment that says it is no job post added."""
    thread = json.loads((FIXTURES / "hackernews" / f"algolia-item-{APRIL}.json").read_text("utf-8"))
    thread["children"].append({
        "id": 47609999, "created_at": "2026-04-02T09:00:00Z", "created_at_i": 1775120400,
        "type": "comment", "author": "partner_seeker", "points": None, "parent_id": APRIL,
        "story_id": APRIL, "children": [], "text": NOT_A_JOB.replace("\n\n", "<p>")})
    return ReplayServer({f"/api/v1/items/{APRIL}": Reply(body=json.dumps(thread).encode())})


def test_sync_counts_the_comments_that_say_they_are_no_job_post_apart(tmp_path: Path) -> None:
    with _with_a_no_post_comment() as server, SQLiteStore(tmp_path / "db.sqlite3") as store:
        hn = _sync(tmp_path, server, store)
        assert (hn.seekers, hn.not_posts, hn.new, hn.failed) == (2, 1, 1, 0)
        assert store.get("hackernews:47609999") is None
    with _with_a_no_post_comment() as server:
        config = _config(tmp_path, server.url)
        args = ["sync", "--config", str(config), "--db", str(tmp_path / "cli.sqlite3"), "--no-enrich"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        assert ("hn: 2 job seekers' comments and 1 comment that says it is no job post skipped (not "
                "job postings)") in " ".join(result.output.split())
        data = json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout)
        assert (data["sources"][0]["seekers"], data["sources"][0]["not_posts"]) == (2, 1)


def test_a_header_led_by_seeking_alone_is_a_seekers_comment(tmp_path: Path) -> None:
    # "SEEKING | AI/ML Engineer | Auburn AL → SF/Seattle/NYC/Remote" (the demo's 47759666): a
    # job seeker's post, imported as a posting and ranked 18th of a new PhD's matches
    items = _demo_items([47759666, 46466124])
    path = tmp_path / "hn.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    with SQLiteStore(tmp_path / "store.sqlite3") as store:
        report = import_file(store, path, now=IMPORT_DAY)
        assert (report.rows, report.seekers, report.failed) == (2, 1, 0)
        assert {p.source_id for _, p in store.iter_postings()} == {"46466124"}
    # a company seeking someone says whom, and "Seeking" as a later segment is no lead
    assert not seeker_comment("Seeking ML engineers | Acme | Remote\nWe build models.")
    assert not seeker_comment("Acme | Seeking | Remote\nWe are hiring an ML engineer.")
