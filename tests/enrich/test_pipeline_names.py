"""The company and place names an HN record's evidence leaves out come from its header when
the record has no location field (as the store's postings get them from ``parse_header``)."""

from __future__ import annotations

from mljobs.enrich import enrich_record
from mljobs.enrich.features import role_title
from mljobs.enrich.pipeline import _record_names, prepare_record, record_company
from mljobs.normalize import normalize, stored_text
from mljobs.sources.files import row_to_raw
from mljobs.sources.hn_format import parse_header

from .test_one_reading import SPLIT

_HEADER = "Tidewell Grid | Full Stack Software Engineer | SF, Athens, or US REMOTE | Full-time"
_RECORD = {
    "id": "hn-1", "source": "hackernews", "posted_at": 1767369853, "thread_id": 1,
    "url": "https://news.ycombinator.com/item?id=1", "title": _HEADER, "company": "Tidewell Grid",
    "text": (f"{_HEADER}\n\nhttps://jobs.example.com/tidewell\n\nTidewell Grid builds software "
             "that gets solar and storage projects connected to the grid faster. You'll own "
             "features end to end: frontend, backend APIs, data pipelines, AI agents and grid "
             "simulation workflows, from our SF office or remotely.\n\nStack: TypeScript, "
             "Python, LLM agents, Postgres"),
}


def _phrases(record: dict[str, object]) -> list[str]:
    return [e["phrase"] for e in enrich_record(record)["evidence"]]


def test_header_places_are_no_evidence() -> None:
    # (the segments that may name places: no role word, digit, link or work mode alone)
    assert _record_names(_RECORD) == ("Tidewell Grid", "SF, Athens, or US REMOTE")
    shown = _phrases(_RECORD)
    assert shown and not {"SF", "Athens", "US"} & set(shown)
    # a location field, when the record has one, is what is left out (the header is not read)
    placed = _RECORD | {"location": "Lisbon"}
    assert _record_names(placed) == ("Tidewell Grid", "Lisbon")
    assert "SF" in _phrases(placed)


def test_a_record_company_that_is_the_headers_role_gives_way() -> None:
    header = "Data Analyst | Redistricting Data Hub | Remote (US)"
    record = {"id": "hn-2", "source": "hackernews", "title": header, "company": "Data Analyst",
              "text": header + "\n\nWe host election data for analysts."}
    assert parse_header(header)["roles"] == ["Data Analyst"]
    # (the company is the one the header names, and the places the header reader's, as the
    # store has them)
    assert _record_names(record) == ("Redistricting Data Hub", "Remote (US)")
    assert "Analyst" in _phrases(record) or "analysts" in _phrases(record)
    # a name that starts with a role word stays the company
    lead = {**record, "title": "Lead Bank | Data Analyst | Remote (US)", "company": "Lead Bank"}
    assert _record_names(lead) == ("Lead Bank", "Remote (US)")
    # other sources' records keep their fields as given
    other = record | {"source": "glassdoor-2020", "location": "Waltham, MA"}
    assert _record_names(other) == ("Data Analyst", "Waltham, MA")


def _stored_company(record: dict[str, object]) -> str | None:
    """The company ``mljobs import`` stores for ``record`` (a corpus row)."""
    return normalize(row_to_raw(record, path="postings.jsonl", line=1)).company


def test_a_record_without_a_company_has_its_headers() -> None:
    # (the shapes of hn-47775606, a row without a company, and of hn-47605527, whose row
    # company is the header's role: the file path read "MDalgorithms (AI Healthcare)" and
    # "Ping Data Intelligence" as role segments of the title, and the store did not)
    dashed = "MDalgorithms (AI Healthcare) \u2013 Hiring Growth Marketer \u2013 Remote \u2013 $80K-$140K"
    no_company = {"id": "hn-3", "source": "hackernews", "title": dashed, "company": None,
                  "text": dashed + "\n\nGrow our consumer AI healthcare app's users."}
    piped = "Senior Software Engineer | Ping Data Intelligence | ONSITE (Delhi, India) | Full-Time"
    role_company = {"id": "hn-4", "source": "hackernews", "title": piped,
                    "company": "Senior Software Engineer",
                    "text": piped + "\n\nPing Data Intelligence builds ML-powered insurance tools."}
    for record, company in ((no_company, "MDalgorithms"), (role_company, "Ping Data Intelligence")):
        assert _record_names(record)[0] == company == _stored_company(record)
    # (the company's segment is no role: the dashed title is read whole, not as its "AI")
    assert role_title(dashed, "") == "MDalgorithms (AI Healthcare)"
    assert role_title(dashed, "MDalgorithms") == dashed
    assert role_title(piped, "") == "Senior Software Engineer | Ping Data Intelligence"
    assert role_title(piped, "Ping Data Intelligence") == "Senior Software Engineer"


def test_the_names_read_the_prepared_text() -> None:
    # ``prepare_record`` tidies the text once (``Prepared.post``, the whole post's, also when it
    # is split into roles); the header's company is read of it, as of the record's own text
    header = "Kestrel Labs  |  Senior ML Engineer | Berlin"
    record = {"id": "hn-5", "source": "hackernews", "title": header, "company": None,
              "text": f"\n  {header}  \n\n\n\nWe build \u00a0forecasting models.\n"}
    prep = prepare_record(record)
    assert prep.post == stored_text(record["text"]) == prep.text
    assert prep.post.startswith("Kestrel Labs | Senior ML Engineer | Berlin\n\n")
    assert _record_names(record, prep.post) == _record_names(record) == ("Kestrel Labs", "Berlin")
    assert prep.names == ("Kestrel Labs", "Berlin") and record_company(prep) == "Kestrel Labs"
    # a post split into roles (test_one_reading's): ``text`` is the role's, ``post`` the whole post's
    split = {"id": "hn-6", "source": "hackernews", "title": SPLIT.split("\n", 1)[0], "company": None,
             "text": SPLIT}
    prep = prepare_record(split)
    assert prep.split and prep.post == stored_text(SPLIT) != prep.text
    assert _record_names(split, prep.post) == _record_names(split) == ("Northwind Analytics", "NYC or Remote")
    assert prep.names == ("Northwind Analytics", "NYC or Remote")
