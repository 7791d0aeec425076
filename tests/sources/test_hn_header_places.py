"""The places a Hacker News (or Reddit thread) header says outside a location segment: in a
hiring sentence ("We're hiring engineers in Berlin and Lisbon"), on a first line that is only
places and work modes ("Remote / NYC / London"), and in a header whose segments are split by
slashes ("Acme / ML Engineer / NYC / Full-time"). Made-up headers."""

from __future__ import annotations

import pytest

from mljobs.places import read_places
from mljobs.sources.hn_format import parse_header


@pytest.mark.parametrize(
    ("header", "countries"),
    [
        # a hiring sentence's "in <places>", however the sentence goes on
        ("Acme | We're hiring engineers in Berlin and Lisbon", ("DE", "PT")),
        ("We're hiring engineers in Berlin and Lisbon", ("DE", "PT")),
        ("Acme is hiring engineers in Berlin, Lisbon and Remote (EU)", ("DE", "PT")),
        ("Acme is hiring in Toronto and Lisbon. Onsite", ("CA", "PT")),
        ("Acme is hiring Data Engineers & MLOps experts in Denver, Chicago, and London. Onsite",
         ("US", "GB")),
        ("Acme Research is hiring Senior MLE's in Cambridge, MA (ONSITE).", ("US",)),
        ("We at Acme are hiring in Austin for a full-time, onsite position.", ("US",)),
        ("Hey all, Acme (Series A) is growing and we're hiring across a few roles in NYC.",
         ("US",)),
        # a word before the names that says which part ("the", "downtown", "central")
        ("We're hiring engineers in the US and Canada", ("US", "CA")),
        ("We're hiring engineers in Canada or the US", ("CA", "US")),
        # a name's abbreviated first word ("St.") is part of it
        ("We're hiring in St. Louis, MO", ("US",)),
        ("Acme is hiring in Berlin, the Netherlands and the UK", ("DE", "NL", "GB")),
        ("Acme is hiring three engineers with hybrid work in downtown SF. We're in-office MWF",
         ("US",)),
        ("Acme is hiring engineers in central London", ("GB",)),
        # a first line that is only places and work modes
        ("Remote / NYC / London", ("US", "GB")),
        ("Remote or Netherlands", ("NL",)),
        ("(US ONLY / REMOTE)", ("US",)),
        ("(AU ONLY / REMOTE)", ("AU",)),  # (the corpus's hn-47636489)
        # a header whose segments are split by slashes
        ("Acme / ML Engineer / NYC / Full-time", ("US",)),
        ("Acme Networks / Mobile Software Engineer/ Fully Remote/ Toronto/ Full-Time", ("CA",)),
        # a local team or office: its place (a town with its state, a code in capitals), not
        # a headcount nor the company's
        ("Acme | Senior ML Engineer | Join our Bozeman, MT team", ("US",)),
        ("Acme is hiring for our Bozeman, MT team", ("US",)),
        ("Acme (YC W24) is hiring engineers for our NYC office", ("US",)),
        ("Acme | ML Engineer | Onsite, our UK team | £90k", ("GB",)),
        ("Acme | ML Engineer | Join our London-based team", ("GB",)),
    ],
)
def test_places_outside_a_location_segment_are_read(header: str,
                                                    countries: tuple[str, ...]) -> None:
    assert read_places(parse_header(header, header)["locations"]).countries == countries


@pytest.mark.parametrize(
    "header",
    [
        # what follows "in" is no place: a field, a stack, a word
        "Acme is hiring engineers in machine learning and robotics",
        "Acme is hiring engineers in Python and Go",
        "We're hiring Researchers in Machine Learning",
        "Acme is hiring engineers in Reading, Writing and Maths",
        # a sentence that does not hire
        "I grew up in Berlin and wrote this tool for fun",
        # a first line of words, a role with a slash, a stack
        "Backend / ML Engineer",
        "Python / Go / Rust",
        "Acme / Backend / ML Engineer",
        # a team of the company's, not a place's
        "Acme | Platform Engineer | Join our Platform team",
    ],
)
def test_no_place_is_read_where_none_is_said(header: str) -> None:
    assert parse_header(header, header)["locations"] == []


@pytest.mark.parametrize(
    ("header", "remote"),
    [("Remote / NYC / London", "remote"), ("Onsite / Berlin", "onsite"),
     ("Acme / ML Engineer / Hybrid / NYC", "hybrid")],
)
def test_a_place_lines_work_mode_is_read_with_it(header: str, remote: str) -> None:
    assert parse_header(header, header)["remote"] == remote


@pytest.mark.parametrize(
    ("header", "company", "roles"),
    [("Acme | We're hiring engineers in Berlin and Lisbon", "Acme",
      ["engineers in Berlin and Lisbon"]),
     ("Remote / NYC / London", None, []),
     ("Acme / ML Engineer / NYC / Full-time", None, []),
     ("Acme is hiring in Toronto and Lisbon. Onsite", "Acme", [])],
)
def test_the_place_part_leaves_company_and_roles_as_they_were(
        header: str, company: str | None, roles: list[str]) -> None:
    """Reading these places changes no other field (the role part is another's: a slashed
    header's company and role are not read here)."""
    got = parse_header(header, header)
    assert (got["company"], got["roles"], got["employment_type"], got["salary_text"]) == \
        (company, roles, None, None)
