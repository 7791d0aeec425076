"""A company that writes its name in lower case ("deepset") is the company, not a place,
and no bare city beside it takes its place.

Before: a job-alert card "deepset" / "Berlin" named the company "Berlin" (a capitalised
word is name-like, a lower-case one was not), and "deepset · Berlin" too; a Hacker News
header that starts with the role ("ML Engineer | deepset | Berlin") had no company and
"deepset" as a place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.sources.hn_format import parse_header
from mljobs.sources.mail_digest import card_fields
from mljobs.store import SQLiteStore

from .replay_server import FIXTURES

TITLE = "Machine Learning Engineer"


@pytest.mark.parametrize(("card", "fields"), [
    ("deepset\nBerlin", ("deepset", "Berlin")),
    ("deepset · Berlin", ("deepset", "Berlin")),
    ("deepset - Berlin, Germany", ("deepset", "Berlin, Germany")),
    ("n8n\nRemote", ("n8n", "Remote")),
    ("control-f\nHamburg\nBe an early applicant", ("control-f", "Hamburg")),
    # a lower-case word with no place beside it is not trusted as a company
    ("control-f\nBe an early applicant", (None, None)),
    ("Acme Robotics\nBerlin", ("Acme Robotics", "Berlin")),  # a city under the company
    # a lone lower-case word is a tag of an article, no company (a reading list stays one
    # posting); a card's words are no company
    ("video", (None, None)),
    ("podcast\n12 min read", (None, None)),
    ("new\nAcme\nBerlin", ("Acme", "Berlin")),
])
def test_a_card_of_a_lower_case_company(card: str, fields: tuple[str | None, str | None]) -> None:
    assert card_fields(f"{TITLE}\n{card}", TITLE) == fields


@pytest.mark.parametrize(("header", "company", "places"), [
    ("ML Engineer | deepset | Berlin", "deepset", ["Berlin"]),
    ("Senior Data Scientist | eventfirst | Berlin, Germany | Full-time", "eventfirst",
     ["Berlin, Germany"]),
    ("ML Engineer | Berlin | control-f | Remote", "control-f", ["Berlin"]),
    # a stack or a field in lower case is no company; a capitalised single word still
    # needs a domain of the post
    ("ML Engineer | python | Berlin", None, ["Berlin"]),
    ("ML Engineer | fintech | Berlin", None, ["Berlin"]),
    ("ML Engineer | Berlin", None, ["Berlin"]),
    ("deepset | ML Engineer | Berlin", "deepset", ["Berlin"]),  # first: as before
    # a place written in lower case is a place, not the company: cities and countries
    ("ML Engineer | berlin | Remote", None, ["berlin"]),
    ("Data Scientist | london | Full-time", None, ["london"]),
    ("Research Engineer | zurich | Onsite", None, ["zurich"]),
    ("ML Engineer | portugal | Remote", None, ["portugal"]),
    ("ML Engineer | deepset | berlin", "deepset", ["berlin"]),
    # a name holding a city's word is a name as ever
    ("ML Engineer | Boston Dynamics | Waltham, MA", "Boston Dynamics", ["Waltham, MA"]),
])
def test_a_role_first_header_of_a_lower_case_company(header: str, company: str | None,
                                                     places: list[str]) -> None:
    fields = parse_header(header)
    assert (fields["company"], fields["locations"]) == (company, places)


def test_an_alert_of_lower_case_companies_through_sync(tmp_path: Path) -> None:
    text = (FIXTURES / "mailbox" / "alerts" / "network-rows.eml").read_text(encoding="utf-8")
    mail = tmp_path / "alert.eml"
    mail.write_text(text.replace(">Fabrikam</a> &middot; Berlin, Germany (Hybrid)",
                                 ">deepset</a> &middot; Berlin"), encoding="utf-8")
    config = tmp_path / "sources.toml"
    config.write_text(f'[[sources]]\nname = "mail"\ntype = "mailbox"\n'
                      f'paths = [{json.dumps(str(mail))}]\n', encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                      "--json", "--no-enrich"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        found = {p.title: (p.company, list(p.locations)) for _, p in store.iter_postings()}
    assert found["Senior Data Scientist – Recommendations"] == ("deepset", ["Berlin"])
    assert found["Data Scientist (m/w/d) Credit Risk"] == (
        "Woodgrove Bank", ["Berlin, Germany (On-site)"])


@pytest.mark.parametrize(("text", "company", "places"), [
    # no list names every town: the text writing the word capitalised, as a place, tells
    ("Our lab in Heidelberg trains protein models.", None, ["heidelberg"]),
    # a brand written in lower case stays so in its text
    ("heidelbot builds robots; the office is in Mannheim.", "heidelbot", ["Mannheim"]),
])
def test_a_lower_case_place_the_text_names_as_one(text: str, company: str | None,
                                                  places: list[str]) -> None:
    word = "heidelberg" if company is None else "heidelbot"
    rest = "" if company is None else " | Mannheim"
    header = f"ML Engineer | {word}{rest} | Onsite"
    fields = parse_header(header, f"{header}<p>{text}")
    assert (fields["company"], fields["locations"]) == (company, places)


def test_a_lower_case_city_in_an_imported_hn_header_is_its_place(tmp_path: Path) -> None:
    """Through ``mljobs import`` of Hacker News items (the corpus's shape)."""
    items = tmp_path / "hn.jsonl"
    items.write_text("\n".join(json.dumps(item) for item in [
        {"id": "9100001", "source": "who_is_hiring", "thread_id": "9100000",
         "time": "1767225600",
         "text": "ML Engineer | berlin | Remote<p>We train ranking models with PyTorch."},
        {"id": "9100002", "source": "who_is_hiring", "thread_id": "9100000",
         "time": "1767225600",
         "text": "ML Engineer | deepset | Berlin<p>We build LLM tooling in Python."},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(items), "--no-enrich"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        found = sorted((p.source_id, p.company, list(p.locations))
                       for _, p in store.iter_postings())
    assert found == [("9100001", None, ["berlin"]), ("9100002", "deepset", ["Berlin"])]


@pytest.mark.parametrize(("header", "text", "company", "places"), [
    # a company follows a bare "to" or "from" as often as a place does: no place cue
    ("ML Engineer | deepset | Berlin", "Welcome to Deepset! We build LLM tooling.", "deepset",
     ["Berlin"]),
    ("ML Engineer | quorbit | Remote", "Apply to Quorbit through the link below.", "quorbit", []),
    ("ML Engineer | quorbit | Remote", "Engineers from Quorbit lead our teams.", "quorbit", []),
    # what a place follows still tells
    ("ML Engineer | heidelberg | Onsite", "Relocate to Heidelberg: we help.", None, ["heidelberg"]),
    ("ML Engineer | heidelberg | Onsite", "Work from Heidelberg or remotely.", None, ["heidelberg"]),
    # a known place's word that the text writes in lower case again is a brand...
    ("ML Engineer | boulder | Remote", "boulder makes software for climbing gyms.", "boulder", []),
    ("Data Scientist | oxford | Hybrid", "At oxford we price insurance; join oxford.", "oxford", []),
    # ...unless the text writes it after a place's cue
    ("ML Engineer | boulder | Onsite", "Our office is in boulder, near the mountains.", None,
     ["boulder"]),
    ("ML Engineer | berlin | Remote", "We train ranking models with PyTorch.", None, ["berlin"]),
])
def test_what_the_text_says_of_a_lower_case_header_word(header: str, text: str,
                                                       company: str | None,
                                                       places: list[str]) -> None:
    fields = parse_header(header, f"{header}<p>{text}")
    assert (fields["company"], fields["locations"]) == (company, places)


def test_a_lower_case_brand_welcomed_to_through_import(tmp_path: Path) -> None:
    """Through ``mljobs import`` of Hacker News items: "Welcome to Deepset" made the brand a
    place on int17 (a bare "to" was a place's cue)."""
    items = tmp_path / "hn.jsonl"
    items.write_text(json.dumps(
        {"id": "9100003", "source": "who_is_hiring", "thread_id": "9100000", "time": "1767225600",
         "text": "ML Engineer | deepset | Berlin<p>Welcome to Deepset! We build LLM tooling in "
                 "Python."}) + "\n", encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = CliRunner().invoke(app, ["--db", str(db), "import", str(items), "--no-enrich"])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        found = [(p.company, list(p.locations)) for _, p in store.iter_postings()]
    assert found == [("deepset", ["Berlin"])]
