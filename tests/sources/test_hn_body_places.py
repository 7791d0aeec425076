"""A Hacker News post (or a Reddit thread's comment) whose header line names no place but
whose text says it by a label ("Location: San Jose, CA") or in a second header line
("Onsite (Stockholm) or Remote | Full-time") gets those places. Made-up posts."""

from __future__ import annotations

import pytest

from mljobs.places import read_places
from mljobs.sources.hn_format import hn_item_to_raw
from mljobs.sources.reddit import Reddit


def _read(text: str) -> tuple[tuple[str, ...], str | None]:
    raw = hn_item_to_raw({"id": 1, "text": text, "time": 1767300000})
    assert raw is not None
    return read_places(raw.locations).countries, raw.remote


@pytest.mark.parametrize(
    ("text", "countries", "remote"),
    [
        # a labelled line, as written, with what follows the place cut off
        (("Acme | Senior ML Engineer | Full-time<p>We train speech models.<p>Location: Lisbon, "
         "Portugal (hybrid, 3 days/week in office)<p>Apply at jobs@acme.example"), ("PT",),
         "hybrid"),
        ("Acme | Staff Engineer<p>LOCATION: Amsterdam<p>We build maps.", ("NL",), None),
        ("Acme | Data Scientist<p>Location: Waltham, MA — Pay Range $150,000 - $200,000<p>x",
         ("US",), None),
        ("Acme | Data Scientist<p>Location: Toronto OR Montreal, Canada. Hybrid.<p>x",
         ("CA",), "hybrid"),
        ("Acme | Engineers<p>Location: REMOTE (US)<p>We build maps.", ("US",), "remote"),
        # an abbreviation's full stop is no sentence's end ("St. Louis" was cut to "St")
        ("Acme | Engineers<p>Location: St. Louis, MO<p>We build maps.", ("US",), None),
        ("Acme | Engineers<p>Location: Ft. Lauderdale, FL (hybrid)<p>x", ("US",), "hybrid"),
        ("Acme | Engineers<p>Location: St. John's, Canada<p>x", ("CA",), None),
        ("Acme | Engineers<p>Location: Remote, U.S. only<p>x", ("US",), "remote"),
        ("Acme | Engineers<p>Location: Austin, TX. Hybrid, 2 days a week.<p>x", ("US",),
         "hybrid"),
        # a second header line under a header that names no place
        (("Acme Robotics | Senior & Lead Software Engineers<p>Onsite (Stockholm) or Remote | "
         "Full-time<p>We build robots."), ("SE",), "remote"),
        (("At Acme, we are changing how teams read their data, one chart at a time.<p>"
         "Denver / Boston | In-office | Full-time | $130,000 - $175,000<p>More text."),
         ("US",), "onsite"),
        (("Lead Full-Stack Engineer<p>Acme Learning | Remote (Canada only) | Full-time | "
         "150-190k<p>We teach."), ("CA",), "remote"),
    ],
)
def test_a_texts_places_are_read_when_the_header_names_none(
        text: str, countries: tuple[str, ...], remote: str | None) -> None:
    assert _read(text) == (countries, remote)


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        # the header's own place is kept: the text's is not added
        ("Acme | ML Engineer | Berlin<p>Location: Lisbon, Portugal", ["Berlin"]),
        # a label that names no place, a second line with no place segment
        ("Acme | ML Engineer<p>Location: see the posting<p>x", []),
        ("Acme | Tech Lead - Platform | Senior Engineer - Data<p>We build maps.", []),
        ("Acme | ML Engineer<p>Acme Health | Python | PyTorch | Kubernetes<p>x", []),
        # a third line is no header's
        ("Acme | ML Engineer<p>We build maps.<p>Toronto | Full-time", []),
    ],
)
def test_no_text_place_is_read_where_the_header_has_one_or_the_text_none(
        text: str, locations: list[str]) -> None:
    raw = hn_item_to_raw({"id": 1, "text": text, "time": 1767300000})
    assert raw is not None
    assert raw.locations == locations


def test_a_reddit_thread_comments_labelled_place_is_read() -> None:
    page = [{"kind": "Listing", "data": {"children": []}},
            {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {
                "id": "c1", "parent_id": "t3_p", "created_utc": 1772700000,
                "body": "Acme | ML Engineer | Full-time\n\nLocation: Lisbon, Portugal\n\nApply."}}]}}]
    import json
    from datetime import UTC, datetime

    from mljobs.models import Document

    doc = Document(source="reddit", ref="https://www.reddit.com/comments/p.json",
                   content=json.dumps(page).encode(), media_type="application/json",
                   fetched_at=datetime(2026, 3, 1, tzinfo=UTC))
    (raw,) = Reddit().parse(doc)
    assert read_places(raw.locations).countries == ("PT",)


def test_a_reddit_comment_of_many_blank_lines_is_read_in_linear_time(time_ratio) -> None:
    # (a plain-text comment body is not collapsed as HTML is: the label's leading "\s" ran over
    # every blank line after each line break, 50 s for 50,000 blank lines, 4.3 s for 12,500)
    import json
    from datetime import UTC, datetime

    from mljobs.models import Document

    def read(blank: int, tail: str = "Apply by mail.") -> tuple[str, ...]:
        body = "Acme | ML Engineer | Full-time" + "\n" * blank + tail
        page = [{"kind": "Listing", "data": {"children": []}},
                {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {
                    "id": "c1", "parent_id": "t3_p", "created_utc": 1772700000, "body": body}}]}}]
        doc = Document(source="reddit", ref="https://www.reddit.com/comments/p.json",
                       content=json.dumps(page).encode(), media_type="application/json",
                       fetched_at=datetime(2026, 3, 1, tzinfo=UTC))
        (raw,) = Reddit().parse(doc)
        return read_places(raw.locations).countries

    assert read(3, "Location: Lisbon, Portugal\n\nApply.") == ("PT",)
    assert read(12_000) == ()
    assert time_ratio(lambda: read(12_000), lambda: read(3_000)) < 8
