"""A newsletter with a jobs section gives that section's jobs, through ``mljobs sync``.

Before: a newsletter whose middle lists jobs under a heading ("Jobs", "Who's hiring") was
one posting of the whole mail (its jobs link to their own companies' sites, so no digest
rule found them). Now the section under such a heading is read as a digest's jobs, kept
when two or more, each naming a job, name their employers; a reading list, or articles
under a "Jobs" heading, keep the mail one posting. The fixtures
(tests/fixtures/sources/mailbox/newsletters/) are written by hand, invented names.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Document
from mljobs.sources import make_source
from mljobs.sources.mail_digest import job_title_shape
from mljobs.store import SQLiteStore

from .replay_server import FIXTURES

NEWSLETTERS = FIXTURES / "mailbox" / "newsletters"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


def _parse(message: str) -> list[tuple[str, str | None, list[str], str | None]]:
    doc = Document(source="mailbox", ref="mailbox:test.eml", content=message.encode(),
                   media_type="message/rfc822", fetched_at=NOW)
    return [(p.title, p.company, p.locations, p.url)
            for p in make_source("mailbox", {"paths": []}).parse(doc)]


def test_the_jobs_sections_of_newsletters_are_their_jobs(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text(f'[[sources]]\nname = "news"\ntype = "mailbox"\n'
                      f'paths = [{json.dumps(str(NEWSLETTERS))}]\n', encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                      "--json", "--no-enrich", "--no-filter"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        found = sorted((p.extra["message_id"], p.extra["part"], p.title, p.company,
                        list(p.locations), p.url) for _, p in store.iter_postings())
    html, text = "<weekly-142@newsletter.example.org>", "<weekly-143@newsletter.example.org>"
    assert found == [
        (html, 0, "Machine Learning Engineer", "Acme Robotics", ["Berlin"],
         "https://jobs.example.com/acme/123"),
        (html, 1, "Research Scientist, Perception", "Contoso", ["Remote"],
         "https://jobs.example.com/contoso/456"),
        (html, 2, "Data Scientist", "Fabrikam", ["London"], "https://jobs.example.com/fabrikam/789"),
        (html, 3, "MLOps Engineer", "Litware", ["Paris"], "https://jobs.example.com/litware/321"),
        (text, 0, "Machine Learning Engineer", "Acme Robotics", ["Berlin"],
         "https://jobs.example.com/acme/123"),
        (text, 1, "Research Scientist, Perception", "Contoso", ["Remote"],
         "https://jobs.example.com/contoso/456"),
        (text, 2, "Data Scientist", "Fabrikam", ["London"], "https://jobs.example.com/fabrikam/789"),
    ]


def _weekly(section: str) -> str:
    """The plain-text newsletter with its jobs section replaced."""
    text = (NEWSLETTERS / "weekly-text.eml").read_text(encoding="utf-8")
    start, end = text.index("JOBS\n"), text.index("EVENTS\n")
    return text[:start] + section + "\n" + text[end:]


@pytest.mark.parametrize("section", [
    # articles under a jobs heading: they name jobs, but no employer
    ("JOBS\n\nHow research scientists prepare for interviews\nhttps://blog.example.com/a\n\n"
    "Robot learning: interview with a research engineer\nhttps://blog.example.com/b\n\n"
    "What a data scientist does all day\nhttps://blog.example.com/c\n"),
    # one job is no list
    "JOBS\n\nMachine Learning Engineer - Acme Robotics, Berlin\nhttps://jobs.example.com/1\n",
    # items that do not all name a job
    ("Who's hiring\n\nMachine Learning Engineer - Acme Robotics, Berlin\nhttps://jobs.example.com/1"
    "\n\nOur sponsor - Contoso, Remote\nhttps://contoso.example.com\n\n"
    "Fabrikam - London\nhttps://fabrikam.example.com\n"),
])
def test_a_section_that_lists_no_jobs_leaves_the_newsletter_one_posting(section: str) -> None:
    found = _parse(_weekly(section))
    assert [title for title, *_ in found] == ["The Weekly #143: scaling laws, again"]


def test_other_headings_that_name_jobs_open_a_section() -> None:
    section = ("## Who's hiring\n\nML Engineer | Acme Robotics | Remote\nhttps://jobs.example.com/1"
               "\n\nApplied Scientist at Contoso (Seattle)\nhttps://jobs.example.com/2\n")
    assert _parse(_weekly(section)) == [
        ("ML Engineer", "Acme Robotics", ["Remote"], "https://jobs.example.com/1"),
        ("Applied Scientist", "Contoso", ["Seattle"], "https://jobs.example.com/2")]


@pytest.mark.parametrize(("title", "job"), [
    ("Machine Learning Engineer", True),
    ("Research Scientist, Perception", True),
    ("Senior Data Scientist (NLP)", True),
    ("Head of AI", True),
    ("Software Engineer II", True),
    ("Sr Data Engineer (Sr BI Developer)", True),
    ("Engineering Manager - Search", True),
    ("Senior Data Scientist Statistics", True),
    ("Staff Engineer: the path beyond senior", False),
    ("The Machine Learning Engineer's guide to on-call", False),
    ("Product Manager interviews, decoded", False),
    ("CV clinic for Software Engineer applications", False),
    ("Why every Data Scientist should learn SQL", False),
    ("Alumni talk: from PhD to Research Scientist", False),
    ("Scaling laws for small models", False),
])
def test_a_section_item_reads_as_a_job_or_an_article(title: str, job: bool) -> None:
    assert job_title_shape(title) is job
