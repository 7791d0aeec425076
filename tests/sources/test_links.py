"""Click-tracking links read for where they lead (``sources.links``), without fetching:
through the pure helper, and through ``mljobs sync`` (an alert whose links are wrapped
is linked to the board's postings; its frame's wrapped links are no jobs)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.sources.links import compare_url, link_target
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, fixture

JOB = "https://boards.greenhouse.io/vaulttec/jobs/127900"

WRAPPED = [  # (link as an alert mail writes it, where it leads)
    (f"https://www.google.com/url?q={JOB}&sa=D&source=editors&ust=1700000000&usg=AOvVaw0",
     JOB),
    (f"https://www.google.com/url?sa=t&url={quote(JOB, safe='')}&ved=2ahUKE", JOB),
    (f"https://u1234567.ct.sendgrid.net/ls/click?url={quote(JOB, safe='')}&upn=x9Yz", JOB),
    (f"https://click.mail.example.com/track/click?u={quote(JOB, safe='')}&id=7f3a", JOB),
    # encoded twice, and a wrapper inside a wrapper
    (f"https://t.example.net/r?u={quote(quote(JOB, safe=''), safe='')}", JOB),
    (f"https://www.google.com/url?q={quote(f'https://t.example.net/r?u={quote(JOB)}')}", JOB),
    (("https://www.linkedin.com/comm/jobs/view/3812345678/?trackingId=aBc%3D%3D&refId=x&lipi"
      "=urn%3Ali%3Apage&midToken=AQH"), "https://www.linkedin.com/jobs/view/3812345678"),
    ("https://uk.linkedin.com/jobs/view/ml-engineer-at-acme-3812345678?trk=public_jobs",
     "https://www.linkedin.com/jobs/view/3812345678"),
    ("https://www.linkedin.com/jobs/collections/recommended/?currentJobId=3812345678",
     "https://www.linkedin.com/jobs/view/3812345678"),
    ("https://www.indeed.com/rc/clk?jk=1d07a2b3c4d5e6f7&fccid=abc&vjs=3",
     "https://www.indeed.com/viewjob?jk=1d07a2b3c4d5e6f7"),
    ("https://indeed.com/pagead/clk?mo=r&ad=-6NYlbfkN0&jk=1d07a2b3c4d5e6f7&p=2",
     "https://www.indeed.com/viewjob?jk=1d07a2b3c4d5e6f7"),
    ("https://de.indeed.com/jobs?q=machine+learning&vjk=1d07a2b3c4d5e6f7",
     "https://de.indeed.com/viewjob?jk=1d07a2b3c4d5e6f7"),
]

KEPT = [  # links whose target is not written in them, or that wrap nothing: as given
    "https://u1234567.ct.sendgrid.net/ls/click?upn=u001.Zm9vYmFyYmF6",
    "https://acme.us1.list-manage.com/track/click?u=8a1b2c&id=3d4e5f&e=6a7b8c",
    "https://www.google.com/url?q=machine+learning+jobs",
    "https://www.linkedin.com/company/acme/",
    "https://www.indeed.com/cmp/Acme/jobs",
    JOB + "?gh_src=a1b2c3d4",
    "https://example.org/url?q=http",  # no address after the scheme's letters
    # what is not read (docs/sources.md, "What a link is not read for"): the target is at
    # the server, not in the link
    "https://bit.ly/3xYzAbC", "https://lnkd.in/dXyZ123",  # a short link
    "https://t.example.com/r?to=https://acme.example/jobs/1",  # another parameter's name
    "https://t.example.com/r/https%3A%2F%2Facme.example%2Fjobs%2F1",  # in the path
    "https://t.example.com/r#url=https://acme.example/jobs/1",  # in the fragment
    "https://t.example.com/r?url=aHR0cHM6Ly9hY21lLmV4YW1wbGUvam9icy8x",  # base64-encoded
    "https://t.example.com/r?url=acme.example/jobs/1",  # an address without its scheme
]


@pytest.mark.parametrize(("link", "target"), WRAPPED)
def test_a_link_that_says_where_it_leads_is_read_as_that_address(link: str, target: str) -> None:
    assert link_target(link) == target


@pytest.mark.parametrize("link", KEPT)
def test_a_link_that_does_not_say_where_it_leads_is_kept(link: str) -> None:
    assert link_target(link) == link


def test_compared_by_target_without_tracking() -> None:
    tracked = f"https://www.google.com/url?q={quote(JOB + '?gh_src=a1&utm_source=x', safe='')}"
    assert compare_url(tracked) == compare_url(JOB) == JOB
    assert compare_url(None) is None


ALERT = """From: Vault-Tec Careers <no-reply@careers.example.com>
To: reader@example.net
Subject: New jobs at Vault-Tec
Date: Thu, 05 Mar 2026 07:30:00 +0000
Message-ID: <wrapped-20260305@careers.example.com>
MIME-Version: 1.0
Content-Type: text/html; charset="utf-8"

<html><body><h2>New jobs at Vault-Tec</h2>
<p>Hi there, 2 new jobs were posted that match your job alert.</p>
<table>
<tr><td><a href="{w}{job1}">Machine Learning Engineer, Ranking</a><br>
 <a href="{w}{company}">Vault-Tec</a> &middot; NYC</td></tr>
<tr><td><a href="{w}{job2}">Research Scientist, Language Models</a><br>
 <a href="{w}{company}">Vault-Tec</a> &middot; NYC</td></tr>
</table>
<p><a href="{w}{unsubscribe}">Click here</a> to stop these e-mails.</p>
</body></html>
"""


def test_an_alert_of_wrapped_links_links_to_the_board(tmp_path: Path) -> None:
    """Before: the alert's jobs kept the wrapper as their only address, so they were not
    linked to the board's postings, and every wrapped link looked alike (the company's
    links were read as jobs, "Click here" to unsubscribe was no frame link)."""
    wrapper = "https://u1234567.ct.sendgrid.net/ls/click?upn=u001&url="
    mail = tmp_path / "alert.eml"
    mail.write_text(ALERT.format(
        w=wrapper, job1=quote(JOB + "?gh_src=a1", safe=""),
        job2=quote("https://boards.greenhouse.io/vaulttec/jobs/127901", safe=""),
        company=quote("https://careers.example.com/company/vault-tec", safe=""),
        unsubscribe=quote("https://careers.example.com/alerts/unsubscribe?t=Zm9v", safe="")),
        encoding="utf-8")
    config = tmp_path / "sources.toml"
    db = tmp_path / "s.sqlite3"
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as replay:
        config.write_text(
            f'[[sources]]\nname = "mail"\ntype = "mailbox"\npaths = [{json.dumps(str(mail))}]\n'
            f'\n[[sources]]\nname = "boards"\ntype = "greenhouse"\nboards = ["vaulttec"]\n'
            f'base_url = "{replay.url}"\n', encoding="utf-8")
        result = CliRunner().invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                          "--json", "--no-enrich"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        alert = {p.title: p for _, p in store.iter_postings() if p.source == "mailbox"}
        board = {p.url: p for _, p in store.iter_postings() if p.source == "greenhouse"}
    assert sorted(alert) == ["Machine Learning Engineer, Ranking",
                             "Research Scientist, Language Models"]
    ranking = alert["Machine Learning Engineer, Ranking"]
    assert ranking.url and ranking.url.startswith(wrapper)  # the link as the mail gives it
    assert ranking.extra["job_url"] == JOB + "?gh_src=a1"  # and where it leads
    assert ranking.canonical_id == board[JOB].id
    language = alert["Research Scientist, Language Models"]
    assert language.canonical_id == board["https://boards.greenhouse.io/vaulttec/jobs/127901"].id
    assert ranking.company == "Vault-Tec"

