"""Job-alert digests give each job its own link, through ``mljobs sync``.

Before: an HTML digest (a job site's table of jobs, a board's list of new jobs) became one
posting of the whole mail with the mail's first link (a logo's); a plain-text digest whose
jobs are not separated by rule lines became one posting too; a mailing-list digest gave a
posting of its table of contents and one titled "Message: 1"; an alert's footer was a
posting. The fixtures (tests/fixtures/sources/mailbox/alerts/) are written by hand in the
shapes those senders use, with invented names and example domains.
"""

from __future__ import annotations

import email
import email.policy
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Document, Posting
from mljobs.sources import make_source
from mljobs.sources.mail_digest import card_fields, first_url
from mljobs.store import SQLiteStore

from .replay_server import FIXTURES, ReplayServer, fixture

runner = CliRunner()
ALERTS = FIXTURES / "mailbox" / "alerts"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def _config(tmp_path: Path, mail: Path, board_url: str | None = None) -> Path:
    config = tmp_path / "sources.toml"
    text = f'[[sources]]\nname = "mail"\ntype = "mailbox"\npaths = [{json.dumps(str(mail))}]\n'
    if board_url:
        text += (f'\n[[sources]]\nname = "boards"\ntype = "greenhouse"\nboards = ["vaulttec"]\n'
                 f'base_url = "{board_url}"\n')
    config.write_text(text, encoding="utf-8")
    return config


def _sync(db: Path, config: Path, *more: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config), "--json",
                                 *more])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _by_title(db: Path) -> dict[str, Posting]:
    with SQLiteStore(db) as store:
        return {p.title: p for _, p in store.iter_postings() if p.source == "mailbox"}


def test_each_job_of_a_digest_has_its_own_link(tmp_path: Path) -> None:
    mail = tmp_path / "alerts"
    shutil.copytree(ALERTS, mail)
    config = _config(tmp_path, mail)
    db = tmp_path / "s.sqlite3"
    (report,) = _sync(db, config, "--no-enrich")["sources"]
    # 21 jobs; the ML filter reads only a card's few lines, and two cards name no ML term
    # ("Perception Researcher", "Postdoctoral Researcher, Causal Inference")
    assert (report["documents"], report["new"], report["filtered"], report["failed"]) == (
        9, 19, 2, 0)
    jobs = _by_title(db)
    # a job site's HTML table, with a plain part that only says "view it in your browser":
    # each title's link, tracking wrapper and all, and the card's company and place
    table = jobs["Quantitative Strategist"]  # no job word: told by where its link goes
    assert table.url == ("https://click.jobsite-mail.example.com/f/a/pX9wLw~~/AAQRxRA~/"
                         "RgRoN1tDP0S?jk=1d07b3c9&from=ja&alid=7f3a9c")
    assert (table.company, table.locations) == ("Tailspin Capital", ("Remote in New York, NY",))
    assert "systematic trading" in (table.description_text or "")
    assert "Unsubscribe" not in (table.description_text or "")
    forecasting = jobs["Applied Scientist, Forecasting"]
    assert forecasting.url and "jk=55aa90f1" in forecasting.url
    assert "Demand forecasting" in (forecasting.description_text or "")
    assert "systematic trading" not in (forecasting.description_text or "")
    # a network's alert: a job is several table rows (logo, title, company, "View job"); the
    # company links to its own page, which is no job
    rows = {t: p for t, p in jobs.items() if p.url and "pronet" in p.url and "Vision" not in t}
    assert sorted((p.company or "", p.url.split("?")[0]) for p in rows.values() if p.url) == [
        ("Adatum", "https://www.pronet.example.com/comm/jobs/view/4034567890/"),
        ("Fabrikam", "https://www.pronet.example.com/comm/jobs/view/4012345678/"),
        ("Woodgrove Bank", "https://www.pronet.example.com/comm/jobs/view/4023456789/")]
    woodgrove = jobs["Data Scientist (m/w/d) Credit Risk"]
    assert woodgrove.locations == ("Berlin, Germany (On-site)",)
    assert "12 alumni" in (woodgrove.description_text or "")
    assert "Actively recruiting" not in (woodgrove.description_text or "")
    # cards that are one link each, the company (and its rating) above the title
    card = jobs["Applied Machine Learning Scientist"]
    assert (card.company, card.locations) == ("Litware Health", ("Bellevue, WA",))
    assert card.url and card.url.endswith("jobListingId=1009187766")
    assert jobs["Machine Learning Engineer II"].company == "Northwind Analytics"
    # a board's list of new jobs
    ranking = jobs["Machine Learning Engineer, Ranking"]
    assert ranking.url == "https://boards.greenhouse.io/vaulttec/jobs/127900?gh_src=a1b2c3d4"
    assert ranking.company == "Vault-Tec"
    # a plain-text digest, jobs apart by blank lines, the link on the line after the job's
    assert [(jobs[t].company, jobs[t].url and jobs[t].url.split("&")[0]) for t in
            ("NLP Engineer", "Computational Linguist", "Research Scientist, Dialogue")] == [
        ("Litware Health", "https://jobboard.example.org/partner/click?jobListingId=1009212345"),
        ("Proseware", "https://jobboard.example.org/partner/click?jobListingId=1009298765"),
        ("Wide World Importers",
         "https://jobboard.example.org/partner/click?jobListingId=1009254321")]
    assert "here are 3 new jobs" not in (jobs["NLP Engineer"].description_text or "")
    # a board's digest naming the team and place on each card, the company in the subject
    platform = jobs["ML Platform Engineer"]
    assert (platform.company, platform.locations) == ("Acme", ("Remote (US)",))
    assert platform.url == ("https://jobs.lever.co/acme/9b1e4d2c-3a7f-4c8e-b6d5-1e2f3a4b5c6d"
                            "?lever-source=alert")
    # titles in bold with a "Read more" button each, two jobs side by side in one row
    lecturer = jobs["Lecturer in Machine Learning"]
    assert lecturer.url == ("https://www.academic-jobs.example.org/job/3301?utm_source=ss&"
                            "utm_medium=email")
    assert lecturer.company == "University of Northshire"
    assert "Causal Inference" not in (lecturer.description_text or "")
    # a network's plain-text alert: "View job: <link>" under each job, rule lines between,
    # the alert's opening above the first job with no rule under it
    vision = jobs["Computer Vision Engineer"]
    assert (vision.company, vision.url) == (
        "Adatum", "https://www.pronet.example.com/comm/jobs/view/4100000001/?trackingId=abc")
    assert "match your preferences" not in (vision.description_text or "")
    # a mailing-list digest: each message titled by its subject, without the list's tag; the
    # table of contents and the footer are no postings
    phd = jobs["PhD position in probabilistic machine learning, Tübingen"]
    assert phd.url == "https://uni.example.de/jobs/phd-prob-ml-2026"
    paris = jobs["Research engineer for ML systems, Paris"]
    assert paris.url == "https://lab.example.fr/careers/research-engineer-ml-systems"
    assert not [t for t in jobs if "Message" in t or "Send ML-News" in t or "Digest" in t]
    # every job has a link of its own
    assert len({p.url for p in jobs.values()}) == len(jobs) == 19
    # ids are made from the message and the job's place in it: the same on every sync
    (again,) = _sync(db, config, "--no-enrich")["sources"]
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 19)
    assert {p.id for p in _by_title(db).values()} == {p.id for p in jobs.values()}


@pytest.mark.parametrize("card", ["Vault-Tec &middot; NYC", "Vault-Tec Industries", "New York, NY"])
def test_a_job_seen_in_an_alert_and_on_its_board_is_one_job(tmp_path: Path, card: str) -> None:
    """The board's "new jobs" mail links each job to its board page (with a ``gh_src``
    tracking parameter): dedupe links the alert's job to the board's posting, whether the
    card names the board's company, another spelling of it or none."""
    mail = tmp_path / "board-list.eml"
    text = (ALERTS / "board-list.eml").read_text(encoding="utf-8")
    mail.write_text(text.replace("Vault-Tec &middot; NYC", card), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as replay:
        _sync(db, _config(tmp_path, mail, replay.url), "--no-enrich")
    with SQLiteStore(db) as store:
        alert = {p.title: p for _, p in store.iter_postings() if p.source == "mailbox"}
        board = {p.url: p for _, p in store.iter_postings() if p.source == "greenhouse"}
    ranking = alert["Machine Learning Engineer, Ranking"]
    language = alert["Research Scientist, Language Models"]
    assert ranking.canonical_id == board["https://boards.greenhouse.io/vaulttec/jobs/127900"].id
    assert language.canonical_id == board["https://boards.greenhouse.io/vaulttec/jobs/127901"].id


def _parse(message: bytes) -> list[tuple[str, str | None]]:
    source = make_source("mailbox", {"paths": []})
    doc = Document(source="mailbox", ref="mailbox:test.eml", content=message,
                   media_type="message/rfc822", fetched_at=NOW)
    return [(p.title, p.url) for p in source.parse(doc)]


HEAD = (b"From: Sender <jobs@lists.example.org>\nTo: ml-news@lists.example.org\n"
        b"Date: Tue, 10 Mar 2026 09:00:00 +0000\nMessage-ID: <one@example.org>\n"
        b"MIME-Version: 1.0\n")


def test_a_posting_with_several_links_stays_one_posting() -> None:
    plain = (HEAD + b"Subject: [ML-News] Job alert: Postdoc in machine learning, Lund\n"
             b"Content-Type: text/plain; charset=utf-8\n\n"
             b"Postdoc in machine learning for ecology\n"
             b"Group page: https://lu.example.se/ecology-ml\n"
             b"We model species distributions with deep learning.\n"
             b"Apply by 1 May: https://lu.example.se/jobs/4711\n")
    assert _parse(plain) == [("Postdoc in machine learning, Lund",
                              "https://lu.example.se/ecology-ml")]
    # an HTML part whose prose links two roles side by side is no list of jobs
    both = (HEAD + b"Subject: [ML-News] Two openings in protein modelling\n"
            b'Content-Type: multipart/alternative; boundary="b1"\n\n--b1\n'
            b"Content-Type: text/plain; charset=utf-8\n\nWe are hiring a Research Scientist "
            b"and a Research Engineer to work on protein language models.\n--b1\n"
            b"Content-Type: text/html; charset=utf-8\n\n<p>We are hiring a <a href=\"https://"
            b"helix.example/jobs/1\">Research Scientist</a> and a <a href=\"https://helix.example"
            b"/jobs/2\">Research Engineer</a> to work on protein language models.</p>\n--b1--\n")
    assert _parse(both) == [("Two openings in protein modelling", "https://helix.example/jobs/1")]


def test_a_one_job_html_mail_takes_its_jobs_link_not_its_logos() -> None:
    html = (HEAD + b"Subject: Job alert: Data Scientist\nContent-Type: text/html; charset=utf-8"
            b'\n\n<table><tr><td><a href="https://jobs.example.com/?src=logo"><img alt="Jobs">'
            b'</a></td></tr><tr><td><h1>Data Scientist at Contoso</h1><p>Forecasting models in'
            b' Python.</p><a href="https://jobs.example.com/view/7?trk=apply">Apply now</a> '
            b'<a href="https://jobs.example.com/view/7?trk=view">View job</a></td></tr><tr><td>'
            b'<a href="https://jobs.example.com/alerts/unsubscribe?id=1">Unsubscribe</a></td>'
            b"</tr></table>\n")
    assert _parse(html) == [("Data Scientist", "https://jobs.example.com/view/7?trk=apply")]


def test_list_items_left_open_are_still_one_job_each() -> None:
    html = (HEAD + b"Subject: New jobs at Acme\nContent-Type: text/html; charset=utf-8\n\n"
            b"<p>New jobs this week<ul><li><a href=https://acme.example/jobs/1>ML Engineer</a>"
            b"<br>Acme &middot; Remote<li><a href=https://acme.example/jobs/2>Data Scientist</a>"
            b"<br>Acme &middot; Berlin, Germany</ul><p>Sent by Acme. <a href=https://acme.example"
            b"/alerts/unsubscribe>Unsubscribe</a>\n")
    assert _parse(html) == [("ML Engineer", "https://acme.example/jobs/1"),
                            ("Data Scientist", "https://acme.example/jobs/2")]


def test_a_posting_above_a_lists_footer_is_one_posting_titled_by_its_subject() -> None:
    """Before: the list's footer (under a rule line) made a second posting, and the posting
    was titled by its first line."""
    post = (HEAD + b"Subject: [ML-News] Job: Research Engineer, speech recognition\n"
            b"Content-Type: text/plain; charset=utf-8\n\n"
            b"The speech group at Tailspin Labs is hiring a research engineer to train\n"
            b"streaming ASR models. Details: https://tailspin.example/jobs/asr\n\n"
            b"_______________________________________________\nML-News mailing list\n"
            b"ml-news@lists.example.org\nhttps://lists.example.org/mailman/listinfo/ml-news\n")
    assert _parse(post) == [("Research Engineer, speech recognition",
                             "https://tailspin.example/jobs/asr")]


def test_an_html_digest_with_rule_lines_takes_each_jobs_link_from_the_tags() -> None:
    html = (HEAD + b"Subject: New jobs at Acme\nContent-Type: text/html; charset=utf-8\n\n"
            b"<div><p><a href=https://acme.example/jobs/1>Machine Learning Engineer</a></p>"
            b"<p>Acme - Remote. Ranking models in PyTorch for our search.</p><p>----------</p>"
            b"<p><a href=https://acme.example/jobs/2>Data Scientist, Growth</a></p><p>Acme - "
            b"Berlin, Germany. Experiments and causal inference.</p><p>----------</p></div>\n")
    assert _parse(html) == [("Machine Learning Engineer", "https://acme.example/jobs/1"),
                            ("Data Scientist, Growth", "https://acme.example/jobs/2")]


ORDINARY = FIXTURES / "mailbox" / "ordinary"


@pytest.mark.parametrize("name", sorted(p.name for p in ORDINARY.glob("*.eml")))
def test_ordinary_mail_with_several_links_is_one_posting(name: str) -> None:
    """A newsletter whose headlines name jobs ("How research scientists prepare for
    interviews"), a reading list, a recruiter's mail with a signature link, a reply quoting
    a post with '> ' lines, a post forwarding its earlier version: one posting each, titled
    by the subject. Before: the newsletters were split at every link (4 and 3 postings) and
    the reply at its own link and each quoted one (3). The five ``newsletter_*`` mails have
    a section headed "Jobs", "Careers" or "Who's hiring" that is no list of jobs (a jobs
    report, career-advice reading, one sponsor, a career fair and alumni talk, a moved
    job board): before the section's titles had to read as jobs, two were split (3 and 2)."""
    message = (ORDINARY / name).read_bytes()
    subject = email.message_from_bytes(message, policy=email.policy.default)["Subject"]
    (posting,) = _parse(message)
    title, url = posting
    assert title in str(subject)
    assert url is not None and url.startswith("https://")


@pytest.mark.parametrize(("card", "fields"), [
    ("Acme Inc.\n$120k - $150k a year\n2 days ago", ("Acme Inc.", None)),
    ("Initech Ltd. · London", ("Initech Ltd.", "London")),
    ("Globex Corp.\nBerlin, Germany", ("Globex Corp.", "Berlin, Germany")),
    ("We build robots.\nRemote", (None, "Remote")),
])
def test_a_company_with_its_legal_form_is_a_company(card: str, fields: tuple[str | None, ...]
                                                      ) -> None:
    """Before: a name ending in "Inc." / "Ltd." read as a sentence, so the card had no
    company, or took its place ("London") as the company; a sentence is still none."""
    assert card_fields("Machine Learning Engineer\n" + card, "Machine Learning Engineer") == fields


def test_a_remark_after_the_company_in_a_subject_is_no_part_of_it() -> None:
    """Before: "Senior ML Engineer role at Fabrikam - interested?" named the company
    "Fabrikam - interested?"."""
    source = make_source("mailbox", {"paths": []})
    message = (FIXTURES / "mailbox" / "ordinary" / "recruiter.eml").read_bytes()
    doc = Document(source="mailbox", ref="mailbox:recruiter.eml", content=message,
                   media_type="message/rfc822", fetched_at=NOW)
    (posting,) = source.parse(doc)
    assert (posting.title, posting.company) == ("Senior ML Engineer role", "Fabrikam")
    plain = (HEAD + b"Subject: Data Scientist at Contoso Health\n"
             b"Content-Type: text/plain; charset=utf-8\n\nForecasting models in Python.\n")
    (posting,) = source.parse(Document(source="mailbox", ref="mailbox:x.eml", content=plain,
                                       media_type="message/rfc822", fetched_at=NOW))
    assert (posting.title, posting.company) == ("Data Scientist", "Contoso Health")


@pytest.mark.parametrize(("text", "url"), [
    ("Apply: [https://acme.example/jobs/1]", "https://acme.example/jobs/1"),
    ("Apply: <https://acme.example/jobs/1>.", "https://acme.example/jobs/1"),
    ("Apply (https://acme.example/jobs/1), or mail us", "https://acme.example/jobs/1"),
    ('<a href="https://acme.example/jobs/1?ref=m">', "https://acme.example/jobs/1?ref=m"),
    ("Details at https://acme.example/jobs/1; apply by May.", "https://acme.example/jobs/1"),
    ("No link here.", None),
])
def test_the_first_url_of_a_text_ends_at_its_brackets(text: str, url: str | None) -> None:
    assert first_url(text) == url


def test_a_messages_jobs_take_their_links_by_one_rule() -> None:
    """Before: a plain message's link and a list posting's were read by a copy of the
    digest's rule that kept a closing ``]`` ("https://x]"), while a digest's jobs were read
    without it: one mail's jobs were linked by two rules."""
    plain = (HEAD + b"Subject: [ML-News] Job: Research Engineer, speech recognition\n"
             b"Content-Type: text/plain; charset=utf-8\n\n"
             b"The speech group at Tailspin Labs is hiring a research engineer to train\n"
             b"streaming ASR models. Details: [https://tailspin.example/jobs/asr]\n")
    assert _parse(plain) == [("Research Engineer, speech recognition",
                              "https://tailspin.example/jobs/asr")]
    above_footer = plain + (b"\n_______________________________________________\nML-News "
                            b"mailing list\nhttps://lists.example.org/mailman/listinfo/ml\n")
    assert _parse(above_footer) == _parse(plain)
