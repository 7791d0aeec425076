"""What each parser reads from its recorded-format fixture."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from mljobs.enrich.salary import parse_posting_salary
from mljobs.errors import ConfigError, ParseError
from mljobs.mlfilter import DEFAULT_KEYWORDS, ESSAY_KEYWORDS, MlFilter, from_config
from mljobs.models import Document, RawPosting, SalaryInterval
from mljobs.normalize import normalize
from mljobs.sources import Window, make_source
from mljobs.sources.base import EmptyListing, quote_start
from mljobs.sources.hackernews import month_range, thread_month
from mljobs.sources.job_posting import UNREADABLE, lenient_json

from .replay_server import FIXTURES

NOW = datetime(2026, 3, 20, tzinfo=UTC)


def doc(name: str, path: str, ref: str) -> Document:
    return Document(source=name, ref=ref, content=(FIXTURES / path).read_bytes(), fetched_at=NOW)


def parse(name: str, path: str, ref: str = "https://example.org/x") -> list[RawPosting]:
    return list(make_source(name, {}).parse(doc(name, path, ref)))


def test_greenhouse_unescapes_content_and_scopes_ids_by_board() -> None:
    ref = "https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs?content=true"
    found = {r.source_id: r for r in parse("greenhouse", "greenhouse/vaulttec.json", ref)}
    assert set(found) == {"vaulttec:127817", "vaulttec:127900", "vaulttec:127901"}
    ml = found["vaulttec:127900"]
    assert ml.description_html.startswith("<p>Build and ship ranking models")
    assert ml.company == "Vault-Tec" and ml.locations == ["NYC"]
    assert ml.updated_at == datetime(2026, 3, 1, 14, 0, tzinfo=UTC)


def test_lever_reads_salary_workplace_and_epoch_millis() -> None:
    ref = "https://api.lever.co/v0/postings/leverdemo?mode=json&skip=0&limit=2"
    first = parse("lever", "lever/leverdemo-skip0.json", ref)[0]
    assert first.source_id.startswith("leverdemo:")
    assert first.salary and first.salary.min == 150000 and first.salary.interval == SalaryInterval.YEAR
    assert first.remote == "hybrid" and first.employment_type == "Full-time"
    assert first.posted_at == datetime.fromtimestamp(1772000000, UTC)
    assert first.locations == ["San Francisco, CA", "Remote - US"]
    assert "Train models" in normalize(first).description_text


def test_ashby_compensation_and_unlisted_jobs() -> None:
    ref = "https://api.ashbyhq.com/posting-api/job-board/Ashby?includeCompensation=true"
    found = parse("ashby", "ashby/Ashby.json", ref)
    assert len(found) == 2  # the unlisted job is skipped
    sample = next(r for r in found if r.title == "Senior Software Engineer - Product")
    assert sample.salary and (sample.salary.min, sample.salary.max, sample.salary.currency) == (
        91000, 115000, "GBP")
    assert sample.remote == "remote" and sample.extra["equity"] is True


def test_greenhouse_reads_pay_ranges_and_the_jobs_own_id() -> None:
    """Before: ``pay_input_ranges`` were dropped (the pay was read from the text only, where
    a board puts it in the ranges alone), and a location saying "Hybrid" gave no remote."""
    ref = ("https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs?content=true"
           "&pay_transparency=true")
    found = {r.source_id: r for r in parse("greenhouse", "greenhouse/vaulttec-pay.json", ref)}
    documented = found["vaulttec:44444"]  # the docs' own example: one range, in cents
    assert documented.salary is not None
    assert (documented.salary.min, documented.salary.max, documented.salary.currency,
            documented.salary.interval) == (50000, 75000, "USD", None)
    assert documented.extra["pay_ranges"] == [{"title": "NYC Salary Range", "min": 50000,
                                               "max": 75000, "currency": "USD",
                                               "interval": None}]
    assert documented.extra["internal_job_id"] == 55555
    two = found["vaulttec:127910"]  # two places' ranges: the posting's pay spans both
    assert two.salary and (two.salary.min, two.salary.max) == (180000, 240000)
    assert [r["title"] for r in two.extra["pay_ranges"]] == ["NYC Salary Range",
                                                             "SF Salary Range"]
    hourly = found["vaulttec:127911"]  # "Hourly Pay Range": paid by the hour
    assert hourly.salary and (hourly.salary.min, hourly.salary.max,
                              hourly.salary.interval) == (45, 55, SalaryInterval.HOUR)
    assert hourly.remote == "hybrid"
    unsaid = found["vaulttec:127912"]  # $22-28 with no period said: no yearly pay
    assert unsaid.salary is None and unsaid.extra["pay_ranges"][0]["min"] == 22
    assert unsaid.remote == "remote"
    assert normalize(two).salary == two.salary and normalize(unsaid).salary is None


def test_lever_keeps_the_salary_description_in_the_text() -> None:
    """Before: ``salaryDescription`` (the pay paragraph of Lever's own page) was dropped
    from the description, so a posting whose pay was there and not in ``salaryRange``
    had none; with a range, its plain text is the salary's text."""
    ref = "https://api.lever.co/v0/postings/leverdemo?mode=json&skip=0&limit=100"
    ranged, described = parse("lever", "lever/leverdemo-pay.json", ref)
    assert ranged.salary and (ranged.salary.min, ranged.salary.max, ranged.salary.interval) \
        == (150000, 210000, SalaryInterval.YEAR)
    assert ranged.salary.text and ranged.salary.text.startswith("The base pay range")
    assert "The base pay range for this role" in normalize(ranged).description_text
    assert ranged.remote == "remote" and normalize(described).remote.value == "onsite"
    assert described.salary is None
    text = normalize(described).description_text
    assert "Pay: $120,000 - $150,000 a year" in text
    read = parse_posting_salary(described.title, text)  # what enrichment reads from it
    assert read and (read.min, read.max, read.interval) == (120000, 150000,
                                                            SalaryInterval.YEAR)


def test_ashby_compensation_given_as_tiers_alone() -> None:
    """Before: compensation without ``summaryComponents`` (tiers only) gave no salary."""
    ref = "https://api.ashbyhq.com/posting-api/job-board/Ashby?includeCompensation=true"
    (job,) = parse("ashby", "ashby/Ashby-tiers.json", ref)
    assert job.salary and (job.salary.min, job.salary.max, job.salary.currency,
                           job.salary.interval) == (91000, 140000, "GBP", SalaryInterval.YEAR)
    assert job.extra["equity"] is True
    assert job.remote == "remote" and job.locations == ["London", "Manchester"]


def test_hackernews_algolia_keeps_top_level_comments_only() -> None:
    found = parse("hackernews", "hackernews/algolia-comments-p1.json")
    assert [r.source_id for r in found] == ["47225525", "47239774"]  # the reply is skipped
    first = parse("hackernews", "hackernews/algolia-comments-p0.json")[0]
    assert first.company == "Espresso AI" and first.extra["thread_id"] == 47219668
    assert first.url == "https://news.ycombinator.com/item?id=47227261"
    assert "[email removed]" in first.description_text


def test_hackernews_firebase_skips_deleted_and_dead_items() -> None:
    assert parse("hackernews", "hackernews/firebase-item-47230002.json") == []
    assert parse("hackernews", "hackernews/firebase-item-47230003.json") == []
    assert parse("hackernews", "hackernews/firebase-item-47219668.json") == []  # the story
    assert len(parse("hackernews", "hackernews/firebase-item-47229724.json")) == 1


def test_hackernews_months_back_to_2011_and_thread_titles() -> None:
    source = make_source("hackernews", {"since": "2011-04"})
    units = source.units(Window(today=date(2026, 3, 20)))
    assert units[0] == "2011-04" and units[-1] == "2026-03" and len(units) == 180
    assert make_source("hackernews", {}).units(Window(today=date(2026, 1, 5))) == [
        "2025-12", "2026-01"]
    assert thread_month("Ask HN: Who is hiring? (March 2026)") == "2026-03"
    assert thread_month("Ask HN: Who wants to be hired? (March 2026)") is None
    assert month_range(date(2025, 11, 1), date(2026, 2, 1)) == [
        "2025-11", "2025-12", "2026-01", "2026-02"]
    with pytest.raises(ConfigError, match="YYYY-MM"):
        make_source("hackernews", {"months": ["March"]}).units(Window(today=date(2026, 3, 1)))


def test_reddit_listing_and_thread() -> None:
    posts = parse("reddit", "reddit/MLjobs-new.json")
    assert [p.source_id for p in posts] == ["1abcd01", "1abcd02", "1abcd03"]
    assert posts[0].url == "https://www.reddit.com/r/MLjobs/comments/1abcd01/x/"
    comments = parse("reddit", "reddit/thread-1hire01.json")
    assert [c.source_id for c in comments] == ["kc0001", "kc0002"]  # no reply, deleted, "more"
    assert comments[0].company == "Northwind Robotics" and comments[0].remote == "onsite"


def test_feed_rss_and_atom_titles_and_sanitising() -> None:
    rss = parse("feed", "feed/jobs.rss", "https://jobs.example.org/rss")
    assert [(r.title, r.company) for r in rss][:2] == [
        ("Senior Data Scientist", "Quanta Health"), ("Machine Learning Engineer", "Orbital")]
    assert "<script" not in normalize(rss[1]).description_html
    atom = parse("feed", "feed/nlp.atom", "https://nlp.example.org/atom")
    assert atom[0].company == "Lingua Labs" and atom[0].title == "Computational Linguist (NLP)"
    with pytest.raises(ParseError, match="malformed feed"):
        parse("feed", "feed/malformed.xml")
    # a web page where the feed was expected (it gave 0 postings and no word)
    with pytest.raises(ParseError, match=r"not an RSS or Atom feed \(it starts '<html><body>"
                       r"Not found</body></html>', text/html\); check the URL"):
        list(make_source("feed", {}).parse(Document(
            source="feed", ref="https://example.org/jobs", media_type="text/html",
            content=b"<html><body>Not found</body></html>", fetched_at=NOW)))
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    assert list(make_source("feed", {}).parse(Document(  # a feed with no item is no error
        source="feed", ref="https://example.org/rss", content=empty, fetched_at=NOW))) == []


def test_jsonld_tolerates_invalid_json_and_reads_graph_and_microdata() -> None:
    google = parse("jsonld", "jsonld/google-example.html")
    assert google[0].title == "Data Entry Clerk" and google[0].company == "MagsRUs Wheel Company"
    assert google[0].employment_type == "FULL_TIME, CONTRACTOR"
    assert google[0].salary is None  # the sample's 0.00 amounts are placeholders
    careers = parse("jsonld", "jsonld/careers.html")
    assert careers[0].salary and careers[0].salary.max == 230000
    assert careers[1].remote == "remote"
    micro = parse("jsonld", "jsonld/microdata.html")
    assert micro[0].title == "Computer Vision Engineer" and micro[0].locations == ["Eindhoven, NL"]
    # a page whose only JSON-LD cannot be read names it (it synced as 0 postings, no word)
    with pytest.raises(ParseError, match=r"JSON-LD block cannot be read even leniently "
                       r"\(Expecting ',' delimiter at line 1 column 43\)"):
        parse("jsonld", "jsonld/broken.html")
    with pytest.raises(ParseError, match="no schema.org JobPosting on the page"):
        list(make_source("jsonld", {}).parse(Document(
            source="jsonld", ref="https://example.org/careers", content=b"<html><body>Jobs: "
            b"<a href=/j/1>ML Engineer</a></body></html>", media_type="text/html",
            fetched_at=NOW)))
    # valid JSON-LD of other kinds (a careers page with no opening today) reads as an empty
    # listing (sync closes what the page listed, or fails if it never gave a posting)
    with pytest.raises(EmptyListing, match="has never given a posting"):
        list(make_source("jsonld", {}).parse(Document(
            source="jsonld", ref="https://example.org/careers", content=b'<script type='
            b'"application/ld+json">{"@type": "Organization", "name": "Acme"}</script>',
            media_type="text/html", fetched_at=NOW)))
    # and so does a block holding JSON's null (it was named "nested too deep to read")
    with pytest.raises(EmptyListing):
        list(make_source("jsonld", {}).parse(Document(
            source="jsonld", ref="https://example.org/careers", content=b'<script type='
            b'"application/ld+json">null</script>', media_type="text/html",
            fetched_at=NOW)))
    assert lenient_json('{"a": "line\nbreak",}') == {"a": "line\nbreak"}
    assert lenient_json("{nope") is UNREADABLE
    assert lenient_json("null") is None  # JSON's null is read: no broken markup


def test_mailbox_digest_is_split_one_posting_per_job(tmp_path: Path) -> None:
    source = make_source("mailbox", {"paths": [str(FIXTURES / "mailbox" / "lists.mbox")]})
    docs = list(source.fetch_unit(None, str(FIXTURES / "mailbox" / "lists.mbox")))  # type: ignore[arg-type]
    assert len(docs) == 2
    single = list(source.parse(docs[0]))
    assert [p.title for p in single] == ["Postdoc in machine learning for climate, Uppsala"]
    digest = list(source.parse(docs[1]))
    assert [(p.title, p.company) for p in digest[:3]] == [
        ("Machine Learning Engineer", "Northwind"), ("Data Scientist", "Contoso Retail"),
        ("Research Scientist, NLP", "Fabrikam")]
    assert digest[0].url == "https://jobs.example.com/view/111?trk=alert"


def test_jobspy_rows_parse_without_the_library() -> None:
    found = parse("jobspy", "jobspy/indeed.json", "jobspy:indeed:machine learning engineer")
    assert [r.source_id for r in found] == ["indeed:in-9f8e7d6c", "indeed:in-1a2b3c4d"]
    assert found[0].salary and found[0].salary.min == 140000 and found[0].extra["site"] == "indeed"


def test_ml_filter_keywords_and_config() -> None:
    ml = MlFilter()
    assert set(ESSAY_KEYWORDS) <= set(DEFAULT_KEYWORDS)
    assert ml.matches("We do natural-language processing") == ["natural-language processing"]
    assert ml.matches("Senior ML engineer") == ["ML"]
    assert ml.matches("html mail email ai-free") == []  # 'ml' inside words, lower-case 'ai'
    narrow = from_config({"remove": ["AI"], "add": ["bayesian"]})
    assert narrow.matches("AI startup, bayesian methods") == ["bayesian"]
    assert from_config({"keywords": ["robotics"]}).matches("machine learning") == []
    with pytest.raises(ConfigError, match="unknown"):
        from_config({"extra": ["x"]})
    with pytest.raises(ConfigError, match="empty"):
        from_config({"keywords": ["x"], "remove": ["x"]})


def test_unknown_source_type_and_setting_name_what_exists() -> None:
    with pytest.raises(ConfigError, match="available: ashby, feed, greenhouse"):
        make_source("grenhouse", {})
    with pytest.raises(ConfigError, match="available: boards, base_url"):
        make_source("greenhouse", {"board": "x"})
    assert json.loads(json.dumps(make_source("lever", {"boards": ["a"]}).units(
        Window(today=date(2026, 1, 1))))) == ["a"]


BOARDS = [  # (source, fixture, ref, the field of a job's title, whether an id of 0 is one)
    ("greenhouse", "greenhouse/vaulttec.json",
     "https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs?content=true", "title", True),
    ("lever", "lever/leverdemo-skip0.json",
     "https://api.lever.co/v0/postings/leverdemo?mode=json&skip=0&limit=2", "text", False),
    ("ashby", "ashby/Ashby.json",
     "https://api.ashbyhq.com/posting-api/job-board/Ashby?includeCompensation=true", "title",
     False),
]


@pytest.mark.parametrize(("name", "path", "ref", "title", "zero_is_an_id"), BOARDS)
def test_a_board_reads_the_jobs_it_can_and_refuses_a_listing_of_none(
        name: str, path: str, ref: str, title: str, zero_is_an_id: bool) -> None:
    """The three boards' "none readable" guard: jobs without an id or a title are passed
    over; a listing of jobs none of which can be read is an error (read as an empty board it
    closed every posting of it). Greenhouse's ids are numbers, and 0 is one."""
    data = json.loads((FIXTURES / path).read_bytes())
    listed: list[dict[str, object]] = data if isinstance(data, list) else data["jobs"]
    job = listed[0]

    def read(jobs: list[object]) -> list[RawPosting]:
        body = jobs if isinstance(data, list) else {"jobs": jobs}  # (no meta total)
        return list(make_source(name, {}).parse(Document(
            source=name, ref=ref, content=json.dumps(body).encode(), fetched_at=NOW)))

    untitled = {k: v for k, v in job.items() if k != title}
    assert len(read([untitled, "a job?", job])) == 1
    assert read([]) == []
    unread = f"the list has 3 jobs and none with the 'id' and '{title}' a job has"
    for bad in ({**job, "id": None}, {**job, "id": ""} if not zero_is_an_id else untitled,
                {**job, title: ""}):
        with pytest.raises(ParseError, match=unread):
            read([bad, untitled, 7])
    if zero_is_an_id:
        assert [r.source_id for r in read([{**job, "id": 0}])] == ["vaulttec:0"]
    else:
        with pytest.raises(ParseError, match="the list has 1 jobs and none"):
            read([{**job, "id": 0}])


def test_a_web_page_where_a_feed_or_json_was_expected_is_quoted_by_one_rule() -> None:
    """Before: a feed quoted the page's first 60 characters with "...", the JSON sources its
    first 70 without: one page, two quotes in one sync's errors."""
    page = (b"<!DOCTYPE html>\n<html>\n  <head><title>Down for maintenance</title></head>\n"
            b"  <body><p>We are upgrading our systems and will be back shortly.</p></body>\n"
            b"</html>\n")
    quoted = "'<!DOCTYPE html> <html> <head><title>Down for maintenance</title></head...'"
    assert quote_start(page) == quoted
    assert quote_start(b"  \n ") == "empty" and quote_start(b"<p>Hi</p>") == "'<p>Hi</p>'"
    for name, ref in (("feed", "https://example.org/jobs.rss"),
                      ("greenhouse", "https://boards-api.greenhouse.io/v1/boards/acme/jobs")):
        with pytest.raises(ParseError) as raised:
            list(make_source(name, {}).parse(Document(
                source=name, ref=ref, media_type="text/html", content=page, fetched_at=NOW)))
        assert f"starts {quoted}" in str(raised.value) or f"starting {quoted}" in str(
            raised.value)


def test_a_page_after_many_blank_lines_is_quoted_not_called_empty() -> None:
    """A page a script opens with hundreds of blank lines (a PHP include's) is no empty
    document: its first characters are quoted. Before, only the first 344 bytes were read,
    all spaces, and the message said the server sent 'empty'."""
    page = b"\r\n" * 300 + b"<!DOCTYPE html><html><body>Jobs</body></html>"
    assert quote_start(page) == "'<!DOCTYPE html><html><body>Jobs</body></html>'"
    assert quote_start(b" \n" * 300) == "empty"


@pytest.mark.parametrize(("title", "interval"), [
    ("Hourly Pay Range", SalaryInterval.HOUR), ("Annual Base Salary", SalaryInterval.YEAR),
    ("Monthly Stipend", SalaryInterval.MONTH), ("US Salary Range", None),
    ("Range for 5+ years of experience", None),  # "years" is no pay period
])
def test_greenhouse_pay_period_is_read_from_whole_words_of_the_range_title(
        title: str, interval: SalaryInterval | None) -> None:
    job = {"id": 1, "title": "ML Engineer", "pay_input_ranges": [
        {"min_cents": 9000000, "max_cents": 12000000, "currency_type": "USD", "title": title,
         "blurb": "Apply by end of day."}]}
    ref = "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
    doc = Document(source="greenhouse", ref=ref, content=json.dumps({"jobs": [job]}).encode(),
                   fetched_at=NOW)
    (raw,) = make_source("greenhouse", {}).parse(doc)
    assert raw.salary is not None and raw.salary.interval == interval


def _edited(path: str, edit: Any) -> bytes:
    """A fixture's JSON with one edit (``edit(data)``), written as a board may send it:
    Python's json writes NaN and Infinity, as some encoders do."""
    data = json.loads((FIXTURES / path).read_bytes())
    edit(data)
    return json.dumps(data).encode()


@pytest.mark.parametrize("figure", [float("nan"), float("inf"), -150000, True])
def test_a_board_figure_that_is_no_pay_is_none_on_every_board(figure: Any) -> None:
    """NaN, infinity, a negative figure or a boolean in a board's pay is no figure; the
    other figures of the pay still are. Before: Lever kept NaN, infinity and negatives
    (a salary of "nan" to "inf"), Ashby negatives; Greenhouse already read none of them."""
    def lever(data: Any) -> None:
        data[0]["salaryRange"] |= {"min": figure}

    def ashby(data: Any) -> None:
        data["jobs"][0]["compensation"]["compensationTiers"][0]["components"][0][
            "minValue"] = figure

    def greenhouse(data: Any) -> None:
        data["jobs"][0]["pay_input_ranges"][0]["min_cents"] = figure

    found = {}
    for name, path, ref, edit in (
            ("lever", "lever/leverdemo-pay.json",
             "https://api.lever.co/v0/postings/leverdemo?mode=json&skip=0&limit=100", lever),
            ("ashby", "ashby/Ashby-tiers.json",
             "https://api.ashbyhq.com/posting-api/job-board/Ashby?includeCompensation=true",
             ashby),
            ("greenhouse", "greenhouse/vaulttec-pay.json",
             ("https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs?content=true"
              "&pay_transparency=true"), greenhouse)):
        document = Document(source=name, ref=ref, content=_edited(path, edit), fetched_at=NOW)
        salary = next(iter(make_source(name, {}).parse(document))).salary
        found[name] = (salary.min, salary.max) if salary else None
    assert found["lever"] == (None, 210000)
    assert found["ashby"] == (110000, 140000)  # the other tier's low
    assert found["greenhouse"] == (None, 75000)
