"""Normalisation and redaction: safe HTML, readable text, stable hashes, no contact details."""

from __future__ import annotations

import gzip
import importlib
import json
import re
import sys
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mljobs.models import RawPosting
from mljobs.normalize import (
    MAX_DESCRIPTION_CHARS,
    OTHER_WHITESPACE,
    html_to_text,
    normalize,
    sanitize_html,
    stored_text,
    tidy_text,
)
from mljobs.redact import EMAIL_MARK, PHONE_MARK, has_contact, redact
from mljobs.sources.hn_format import parse_header

# (the module: ``mljobs.normalize`` the attribute is the function ``normalize``)
normalize_module = importlib.import_module("mljobs.normalize")

HOSTILE = (
    '<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(2)>'
    '<a href="javascript:alert(3)">link</a><style>body{display:none}</style>'
    '<iframe src="https://evil"></iframe><a href="https://ok.example/">ok</a></p>'
)


def test_sanitize_removes_scripts_handlers_styles_and_bad_links() -> None:
    safe = sanitize_html(HOSTILE)
    for bad in ("<script", "onerror", "onclick", "javascript:", "<style", "<iframe", "<img"):
        assert bad not in safe
    assert 'href="https://ok.example/"' in safe and 'rel="noopener noreferrer nofollow"' in safe


def test_html_to_text_keeps_structure() -> None:
    text = html_to_text("<p>Acme | ML Engineer</p><ul><li>PyTorch</li><li>SQL &amp; dbt</li></ul>")
    assert text.splitlines() == ["Acme | ML Engineer", "", "- PyTorch", "- SQL & dbt"]


def test_hn_header_convention() -> None:
    h = parse_header("Acme AI | Senior ML Engineer | San Francisco, CA | Hybrid | $180k-$220k + equity")
    assert h["company"] == "Acme AI"
    assert h["roles"] == ["Senior ML Engineer"]
    assert h["locations"] == ["San Francisco, CA"]
    assert h["remote"] == "hybrid"
    assert h["salary_text"] == "$180k-$220k + equity"


@pytest.mark.parametrize(
    ("header", "roles", "locations", "remote"),
    [  # real header shapes: plural roles and fields are roles; perks and funding are no place;
       # a remote segment that names a place is a location too
        ("Happy Returns | Engineering Manager | Remote, USA | Full-time",
         ["Engineering Manager"], ["Remote, USA"], "remote"),
        ("ThreatMark | Security, Machine Learning | REMOTE(World) / Brno, Czech Republic | Equity",
         ["Security, Machine Learning"], ["REMOTE(World) / Brno, Czech Republic"], "remote"),
        ("Acme | Software Engineers | NYC area (hybrid) | VISA SPONSORSHIP | Series B",
         ["Software Engineers"], ["NYC area (hybrid)"], "hybrid"),
        ("Kadoa | Multiple roles | Remote | Full-Time | https://kadoa.com",
         ["Multiple roles"], [], "remote"),
        ("Acme | Data Engineer | Security clearance required | Arlington, VA",
         ["Data Engineer"], ["Arlington, VA"], None),
        ("Acme | Security Engineer (clearance required) | Arlington, VA",
         ["Security Engineer (clearance required)"], ["Arlington, VA"], None),
    ],
)
def test_hn_header_segments(header: str, roles: list[str], locations: list[str], remote: str) -> None:
    h = parse_header(header)
    assert (h["roles"], h["locations"], h["remote"]) == (roles, locations, remote)


@settings(max_examples=150, deadline=None)
@given(title=st.text(min_size=1, max_size=80).filter(str.strip), html=st.text(max_size=500))
def test_normalize_is_idempotent(title: str, html: str) -> None:
    raw = RawPosting(source="p", source_id="1", title=title, description_html=html)
    once = normalize(raw)
    again = normalize(RawPosting(source="p", source_id="1", title=once.title,
                                 description_text=once.description_text))
    assert again.title == once.title
    assert again.description_text == once.description_text
    assert "<script" not in once.description_html.lower()


def test_redact_emails_and_phones_but_not_urls() -> None:
    text = ('Mail jobs@acme.ai or ann [at] acme [dot] io, call +1 (415) 555-0134. '
            '<a href="https://acme.ai/jobs/4012877009">apply</a> 2019-2024')
    out = redact(text)
    assert "jobs@acme.ai" not in out and "ann [at]" not in out and "555-0134" not in out
    assert out.count(EMAIL_MARK) == 2 and PHONE_MARK in out
    assert "https://acme.ai/jobs/4012877009" in out and "2019-2024" in out
    assert not has_contact(out)


def test_bundled_demo_has_no_contact_details_and_is_small() -> None:
    path = resources.files("mljobs") / "data" / "demo-hn-2026.jsonl.gz"
    raw = path.read_bytes()
    assert len(raw) <= 5 * 1024 * 1024
    items = [json.loads(line) for line in gzip.decompress(raw).decode().splitlines()]
    assert len(items) == 1711
    assert not [i["id"] for i in items if has_contact(i["text"])]
    assert all(set(i) == {"id", "source", "time", "text", "thread_id"} for i in items)


def test_other_whitespace_is_every_whitespace_but_space_and_line_break() -> None:
    every = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    assert set(OTHER_WHITESPACE) == every - {" ", "\n"}


@given(st.text(alphabet=" \t\r\n\x0b\x0c\x1c\x85\xa0\u2009\u3000ab\u00e9", max_size=14))
@settings(max_examples=3000)
def test_stored_text_is_tidy_text_of_the_text(text: str) -> None:
    """``stored_text`` reads a text without whitespace to collapse in a line on its own: it
    gives what ``tidy_text`` gives."""
    assert stored_text(text) == tidy_text(text[:MAX_DESCRIPTION_CHARS])


_PLAIN_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@given(st.text(alphabet=" \t\r\n\x0b\x0c\x1c\x85\xa0\u2009\u3000ab\u00e9", max_size=24))
@settings(max_examples=3000)
def test_tidy_text_collapses_as_each_line_did(text: str) -> None:
    """``tidy_text``'s one ``sub`` of the whole text (runs of two or more, or a lone
    non-space) tidies as the plain runs' ``sub`` of each line did."""
    lines = [_PLAIN_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    assert tidy_text(text) == normalize_module._MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()


@given(st.text(alphabet="\n \ta", max_size=16))
@settings(max_examples=2000)
def test_runs_of_blank_lines_are_the_runs_of_three_line_breaks(text: str) -> None:
    """``_MANY_NEWLINES`` is written so that the engine scans for its literal start: it
    matches what ``\\n{3,}`` matches."""
    assert ([m.span() for m in normalize_module._MANY_NEWLINES.finditer(text)]
            == [m.span() for m in re.finditer(r"\n{3,}", text)])
