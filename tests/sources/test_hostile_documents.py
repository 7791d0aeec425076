"""Hostile answers to ``mljobs sync``, served by the loopback replay server: JSON nested
100,000 deep (a board's API, a careers page's JSON-LD), an RSS feed with an entity bomb
("billion laughs") or an external entity, a gzip bomb. Each ends in an error that names
the unit, or in the postings that can be read, within bounded time and memory."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from mljobs.sources.job_posting import ld_json_blocks
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply
from .test_sync_world import by_name, sync

DEEP = b"[" * 100_000 + b"]" * 100_000
JOB = (b'{"@context": "https://schema.org", "@type": "JobPosting", "title": "Machine '
       b'Learning Engineer", "hiringOrganization": {"name": "Acme"}, "description": '
       b'"<p>Train PyTorch models for search ranking.</p>"}')
GRAPH_DEPTH = 500  # deep, but under the recursion limit: read, walked for JobPostings


def _page(*blocks: bytes) -> Reply:
    scripts = b"".join(b'<script type="application/ld+json">' + b + b"</script>"
                       for b in blocks)
    return Reply(b"<html><head>" + scripts + b"</head><body>Jobs</body></html>",
                 content_type="text/html; charset=utf-8")


def _config(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[http]\nretries = 0\n'
        f'[[sources]]\nname = "careers"\ntype = "jsonld"\nrespect_robots = false\n'
        f'urls = ["{base}/mixed", "{base}/deep", "{base}/graph"]\n'
        f'[[sources]]\nname = "boards"\ntype = "greenhouse"\nboards = ["deep"]\n'
        f'base_url = "{base}"\n'
        f'[[sources]]\nname = "feeds"\ntype = "feed"\n'
        f'urls = ["{base}/lol.rss", "{base}/xxe.rss"]\n', encoding="utf-8")
    return path


LOL = b"".join([
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY l0 "lollollollollollollollol">\n',
    *(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">\n'.encode() for i in range(1, 10)),
    (b']>\n<rss version="2.0"><channel><title>Jobs</title><item><guid>lol-1</guid>'
    b"<title>Machine Learning Engineer at Acme</title><link>https://example.org/j/1</link>"
    b"<description>Train PyTorch models. &l9;</description></item></channel></rss>")])


def _xxe(secret: Path) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n'
            '<rss version="2.0"><channel><title>Jobs</title><item><guid>xxe-1</guid>'
            "<title>Machine Learning Engineer at Acme</title>"
            "<link>https://example.org/j/2</link><description>Train PyTorch models for "
            "ranking. &x;</description></item></channel></rss>").encode()


def test_hostile_documents_end_in_errors_or_postings(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN", encoding="utf-8")
    graph = b'{"@graph": ' * GRAPH_DEPTH + JOB + b"}" * GRAPH_DEPTH
    routes = {
        "/mixed": _page(DEEP, JOB),
        "/deep": _page(DEEP),
        "/graph": _page(graph),
        "/v1/boards/deep/jobs": Reply(b'{"jobs": ' + DEEP + b"}"),
        "/lol.rss": Reply(LOL, content_type="application/rss+xml"),
        "/xxe.rss": Reply(_xxe(secret), content_type="application/rss+xml"),
    }
    with ReplayServer(routes) as server, SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = by_name(sync(store, _config(tmp_path, server.url)))
        careers, boards, feeds = report["careers"], report["boards"], report["feeds"]
        # the page with a readable block next to the deep one gives its posting
        assert careers.new == 2, careers.errors  # /mixed, and /graph's nested one
        assert careers.failed == 1
        [deep_error] = careers.errors
        assert "/deep" in deep_error and "nested too deep to read" in deep_error
        assert "RecursionError" not in deep_error
        [board_error] = boards.errors
        assert "nested too deep to read" in board_error and "RecursionError" not in board_error
        assert feeds.failed == 0 and feeds.new == 2
        texts = [p.description_text for _, p in store.iter_postings() if p.source == "feed"]
        assert len(texts) == 2 and all(len(t) < 2_000 for t in texts)  # no entity expanded
        assert not [t for t in texts if "TOP-SECRET" in t or "lollol" in t]


def test_a_gzip_bomb_answer_is_cut_off_at_the_cap(tmp_path: Path) -> None:
    bomb = gzip.compress(b"{" + b" " * (40 * 1024**2) + b"}")  # 40 MiB in about 40 KiB
    routes = {"/v1/boards/bomb/jobs": Reply(bomb, headers={"Content-Encoding": "gzip"})}
    config = tmp_path / "s.toml"
    with ReplayServer(routes) as server, SQLiteStore(tmp_path / "db.sqlite3") as store:
        config.write_text(f'[http]\nretries = 0\n[[sources]]\nname = "b"\ntype = "greenhouse"\n'
                          f'boards = ["bomb"]\nbase_url = "{server.url}"\n', encoding="utf-8")
        [error] = by_name(sync(store, config))["b"].errors
    assert "response larger than 20 MB" in error


def test_a_mail_with_a_huge_part_gives_a_posting_of_bounded_size(tmp_path: Path) -> None:
    from email.message import EmailMessage

    from mljobs.normalize import MAX_DESCRIPTION_CHARS

    para = "We hire a machine learning engineer to train PyTorch ranking models. " * 8
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "jobs@example.org", "Machine Learning Engineer at Acme"
    msg["Date"], msg["Message-ID"] = "Thu, 05 Mar 2026 10:00:00 +0000", "<huge@example.org>"
    msg.set_content("Machine Learning Engineer at Acme\n\n" + (para + "\n\n") * 5_000)
    (tmp_path / "huge.eml").write_bytes(bytes(msg))  # a 2.8 MB text part
    config = tmp_path / "s.toml"
    config.write_text(f'[[sources]]\nname = "mail"\ntype = "mailbox"\n'
                      f'paths = ["{tmp_path / "huge.eml"}"]\n', encoding="utf-8")
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        assert by_name(sync(store, config))["mail"].new == 1
        [(_, posting)] = list(store.iter_postings())
    assert MAX_DESCRIPTION_CHARS - 10 < len(posting.description_text) <= MAX_DESCRIPTION_CHARS
    assert len(posting.description_html) < 1.1 * MAX_DESCRIPTION_CHARS
    assert posting.description_text.startswith("Machine Learning Engineer at Acme")


def test_a_page_of_unclosed_script_tags_is_read_in_one_pass(tmp_path: Path) -> None:
    # 2 MB of opening tags after the posting: the regex this replaced scanned the rest of
    # the page from each of them (280 KB took 13 s; this page would have taken minutes)
    tags = b'<script type="application/ld+json">' * 60_000
    page = _page(JOB).body + tags + b"<script" * 60_000
    config = tmp_path / "s.toml"
    with ReplayServer({"/tags": Reply(page, content_type="text/html")}) as server, \
            SQLiteStore(tmp_path / "db.sqlite3") as store:
        config.write_text(f'[[sources]]\nname = "c"\ntype = "jsonld"\nrespect_robots = false\n'
                          f'urls = ["{server.url}/tags"]\n', encoding="utf-8")
        report = by_name(sync(store, config))["c"]
        assert report.new == 1 and not report.errors
        [(_, posting)] = list(store.iter_postings())
    assert posting.title == "Machine Learning Engineer" and posting.company == "Acme"


@pytest.mark.parametrize(("page", "blocks"), [
    ('<script type="application/ld+json">{"a": 1}</script>', ['{"a": 1}']),
    ("<SCRIPT TYPE='application/ld+json' id=x>[1]</SCRIPT ><script>x</script>", ["[1]"]),
    ('<script src=a.js></script><script type=application/ld+json>2</script >', ["2"]),
    ('<script type="text/javascript">"<script type=application/ld+json>3</script>', ["3"]),
    ('<script type="application/ld+json">4', []),  # never closed
    ('<script type="application/ld+json"', []),  # the tag never ends
])
def test_ld_json_blocks(page: str, blocks: list[str]) -> None:
    assert ld_json_blocks(page) == blocks


def _mail(tmp_path: Path, name: str, body: str, subtype: str) -> Path:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["Subject"] = "alerts@jobs.example.org", "New jobs for you: ML Engineer"
    msg["Date"], msg["Message-ID"] = "Thu, 05 Mar 2026 10:00:00 +0000", f"<{name}@example.org>"
    msg.set_content(body, subtype=subtype)
    path = tmp_path / f"{name}.eml"
    path.write_bytes(bytes(msg))
    return path


def test_mails_shaped_to_be_slow_are_read_in_one_pass(tmp_path: Path) -> None:
    # before: each unclosed link held all the later ones (their text read once per link),
    # and the rule-line pattern ran over the blank lines from every line start: minutes
    job = "Machine Learning Engineer at Acme. Train PyTorch ranking models in Python.\n"
    links = _mail(tmp_path, "links", "<p>" + job + "</p>"
                  + "<a href='https://jobs.example.org/j/1'>ML Engineer " * 30_000, "html")
    blank = _mail(tmp_path, "blank", job + "\n" * 200_000 + job, "plain")
    config = tmp_path / "s.toml"
    config.write_text(f'[[sources]]\nname = "mail"\ntype = "mailbox"\n'
                      f'paths = ["{links}", "{blank}"]\n', encoding="utf-8")
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = by_name(sync(store, config))["mail"]
        assert report.failed == 0 and report.new >= 2, report.errors
        titles = {p.title for _, p in store.iter_postings()}
    assert any("Machine Learning Engineer" in t or "ML Engineer" in t for t in titles), titles


def test_newsletters_of_many_jobs_headings_are_read_in_one_pass(tmp_path: Path) -> None:
    # before: the jobs-section rule scanned on from every heading naming jobs for the next
    # heading and read the section (112 KB of these text blocks took 13 s), and an "<h2"
    # with no ">" held the rest of the mail (400 KB: 9 s); this test took 190 s on them
    intro = "Hello! This week: eval harnesses.\n\nJobs\n\nnone this week, sorry\n"
    section = ("\nJOBS\n\nMachine Learning Engineer - Acme Robotics, Berlin\n"
               "https://jobs.example.com/acme/123\n\nData Scientist - Fabrikam, London\n"
               "https://jobs.example.com/fabrikam/789\n\nEVENTS\n\nA meetup\n")
    heads = "\nJobs\nno heading, a line\n" * 20_000
    text = _mail(tmp_path, "text", intro + section + heads, "plain")
    # headings before the section: MAX_SECTIONS of them are tried, then the mail is one
    first = _mail(tmp_path, "first", intro + heads + section, "plain")
    html = _mail(tmp_path, "html", "<html><body><p>Hello</p>" + "<h2 class=x" * 80_000
                 + "<h2>Jobs</h2><p>x</p>" * 20_000 + "</body></html>", "html")
    config = tmp_path / "s.toml"
    config.write_text(f'[[sources]]\nname = "mail"\ntype = "mailbox"\n'
                      f'paths = ["{text}", "{first}", "{html}"]\n', encoding="utf-8")
    with SQLiteStore(tmp_path / "db.sqlite3") as store:
        report = by_name(sync(store, config))["mail"]
        assert report.failed == 0, report.errors
        found = sorted((p.extra["message_id"], p.title, p.company)
                       for _, p in store.iter_postings())
    assert found == [("<first@example.org>", "New jobs for you: ML Engineer", None),
                     ("<html@example.org>", "New jobs for you: ML Engineer", None),
                     ("<text@example.org>", "Data Scientist", "Fabrikam"),
                     ("<text@example.org>", "Machine Learning Engineer", "Acme Robotics")]
