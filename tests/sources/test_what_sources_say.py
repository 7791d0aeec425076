"""What a sync stores of what a source said, field by field, for the forms real boards,
feeds and careers pages give: HTML entities in titles and places, a job listed twice,
JSON-LD's other shapes. Each response is a recorded-format one (a fixture, varied as
real sources vary it) replayed by a real server on 127.0.0.1, synced into a store."""

from __future__ import annotations

import json
from pathlib import Path

from mljobs.enrich.pipeline import enrich_postings
from mljobs.models import Posting
from mljobs.posting_view import pay_of
from mljobs.sources.job_posting import lenient_json
from mljobs.sync import SyncReport

from .conftest import sync_config
from .replay_server import FIXTURES, ReplayServer, Reply, route_key


def _sync(tmp_path: Path, config: str) -> tuple[SyncReport, dict[str, Posting]]:
    return sync_config(tmp_path, config)


def test_entities_and_tags_in_a_boards_title_and_place_are_read(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Before: "Machine Learning Engineer, R&amp;D" and "Z&uuml;rich &amp; Remote" were
    stored and shown as the board gave them (and search found no "R&D")."""
    board = json.loads((FIXTURES / "greenhouse" / "vaulttec.json").read_text(encoding="utf-8"))
    job = board["jobs"][1]
    job["title"] = "Machine Learning Engineer, R&amp;D &#8211; <b>Ranking</b>"
    job["location"] = {"name": "Z&uuml;rich &amp; Remote"}
    job["company_name"] = "Vault&#x2d;Tec"
    replay.routes[route_key("/v1/boards/esc/jobs", {"content": "true",
                                                   "pay_transparency": "true"})] = Reply(
        json.dumps(board).encode())
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                      f'boards = ["esc"]\nbase_url = "{replay.url}"\n')
    posting = stored[f"greenhouse:esc:{job['id']}"]
    assert posting.title == "Machine Learning Engineer, R&D – Ranking"
    assert posting.locations == ("Zürich & Remote",)
    assert posting.company == "Vault-Tec"
    assert stored["greenhouse:esc:127817"].title == "Vault Designer"  # a plain title as it was


def test_a_feed_title_escaped_twice_is_read_once_whole(
        replay: ReplayServer, tmp_path: Path) -> None:
    """An RSS title escaped twice (``&amp;amp;``: feedparser reads one level) was stored
    "Machine Learning Engineer &amp; MLOps"."""
    feed = (FIXTURES / "feed" / "jobs.rss").read_text(encoding="utf-8").replace(
        "<title>Machine Learning Engineer at Orbital</title>",
        "<title>Machine Learning Engineer &amp;amp; MLOps at Orbital</title>")
    replay.routes["/feeds/twice.rss"] = Reply(feed.encode(),
                                              content_type="application/rss+xml")
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "f"\ntype = "feed"\n'
                      f'urls = ["{replay.url}/feeds/twice.rss"]\n')
    titles = {p.title: p.company for p in stored.values()}
    assert titles["Machine Learning Engineer & MLOps"] == "Orbital"


def test_a_feed_entry_listed_twice_under_its_guid_is_one_posting(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A feed that repeats an entry (the same guid, title, date and text: an aggregator
    listing a job twice) stored it twice, as two postings of one job."""
    feed = (FIXTURES / "feed" / "jobs.rss").read_text(encoding="utf-8")
    start = feed.index(" <item>", feed.index("job-1201"))  # the second entry, whole
    entry = feed[start:feed.index("</item>", start) + len("</item>\n")]
    replay.routes["/feeds/repeated.rss"] = Reply(feed.replace(entry, entry + entry).encode(),
                                                 content_type="application/rss+xml")
    report, stored = _sync(tmp_path, f'[[sources]]\nname = "f"\ntype = "feed"\n'
                           f'urls = ["{replay.url}/feeds/repeated.rss"]\n')
    titles = sorted(p.title for p in stored.values())
    assert titles == ["Machine Learning Engineer", "Senior Data Scientist"]
    assert report.sources[0].new == 2


def test_a_job_a_careers_page_carries_twice_is_one_posting(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A page that carries one JobPosting twice (its JSON-LD in the head and again in a
    widget) gave two postings of the job; two jobs of one title in two cities stay two."""
    page = (FIXTURES / "jsonld" / "google-example.html").read_text(encoding="utf-8")
    start = page.index('<script type="application/ld+json">')
    block = page[start:page.index("</script>", start) + len("</script>")]
    replay.routes["/jobs/twice"] = Reply(page.replace(block, block + block).encode(),
                                         content_type="text/html; charset=utf-8")
    replay.routes["/jobs/once"] = Reply(page.encode(), content_type="text/html; charset=utf-8")
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "j"\ntype = "jsonld"\n'
                      f'urls = ["{replay.url}/jobs/twice", "{replay.url}/jobs/once"]\n')
    by_page: dict[str, list[str]] = {}
    for posting in stored.values():
        by_page.setdefault(str(posting.extra["page"]).rsplit("/", 1)[-1], []).append(
            posting.title)
    assert by_page["twice"] == by_page["once"] and len(by_page["once"]) == 1


def _careers(replay: ReplayServer, path: str, *jobs: dict[str, object]) -> str:
    """A careers page at ``path`` carrying ``jobs`` as one JSON-LD block (an array), built
    on Google's own JobPosting example page; its sources.toml entry."""
    page = (FIXTURES / "jsonld" / "google-example.html").read_text(encoding="utf-8")
    start = page.index('<script type="application/ld+json">')
    block = page[start:page.index("</script>", start) + len("</script>")]
    ours = f'<script type="application/ld+json">{json.dumps(list(jobs))}</script>'
    replay.routes[path] = Reply(page.replace(block, ours).encode(),
                                content_type="text/html; charset=utf-8")
    return f'[[sources]]\nname = "j"\ntype = "jsonld"\nurls = ["{replay.url}{path}"]\n'


def _google_job(**fields: object) -> dict[str, object]:
    """Google's example JobPosting (its page's JSON-LD) with ``fields`` changed."""
    page = (FIXTURES / "jsonld" / "google-example.html").read_text(encoding="utf-8")
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">')
    job: dict[str, object] = lenient_json(page[start:page.index("</script>", start)])
    job.update(fields)
    return job


def test_a_description_escaped_inside_json_ld_is_read_as_html(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Before: "&lt;p&gt;Own our PyTorch ..." was stored as text reading "<p>Own our
    PyTorch ...</p>", tags and all, on the posting page and in search snippets."""
    config = _careers(replay, "/jobs/escaped", _google_job(
        description="&lt;p&gt;Own our &lt;b&gt;PyTorch&lt;/b&gt; training stack &amp;amp; "
                    "LLM fine-tuning.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;"))
    _, stored = _sync(tmp_path, config)
    (posting,) = stored.values()
    assert posting.description_text.startswith("Own our PyTorch training stack & LLM")
    assert "<" not in posting.description_text
    assert "<li>Python</li>" in posting.description_html


def test_a_country_given_as_a_country_object_is_part_of_the_place(
        replay: ReplayServer, tmp_path: Path) -> None:
    """``addressCountry`` may be a ``Country`` (schema.org); the place was "Berlin", its
    country left out, so a search for jobs in Germany missed it."""
    config = _careers(replay, "/jobs/country", _google_job(jobLocation=[
        {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin",
                                       "addressCountry": {"@type": "Country", "name": "DE"}}},
        {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Zürich",
                                       "addressCountry": "CH"}}]))
    _, stored = _sync(tmp_path, config)
    (posting,) = stored.values()
    assert posting.locations == ("Berlin, DE", "Zürich, CH")


def test_telecommute_in_a_list_or_in_lower_case_is_a_remote_job(
        replay: ReplayServer, tmp_path: Path) -> None:
    """``jobLocationType`` as a list (``["TELECOMMUTE"]``) or in lower case was read as no
    remote job: remote "unknown", and the remote filter missed it."""
    config = _careers(replay, "/jobs/remote",
                      _google_job(title="Research Scientist", jobLocationType=["TELECOMMUTE"]),
                      _google_job(title="ML Engineer", jobLocationType="telecommute"),
                      _google_job(title="Data Scientist"))
    _, stored = _sync(tmp_path, config)
    remote = {p.title: p.remote.value for p in stored.values()}
    assert remote == {"Research Scientist": "remote", "ML Engineer": "remote",
                      "Data Scientist": "unknown"}


def test_a_remote_job_with_no_place_is_placed_where_its_applicants_must_live(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A TELECOMMUTE job that names no ``jobLocation`` (Google's form for a fully remote
    job) names its area in ``applicantLocationRequirements``: it was stored with no place."""
    job = _google_job(title="ML Engineer", jobLocationType="TELECOMMUTE",
                      applicantLocationRequirements=[{"@type": "Country", "name": "USA"},
                                                     {"@type": "Country", "name": "Canada"}])
    del job["jobLocation"]
    office = _google_job(title="Data Scientist",  # a job with a place keeps it
                         applicantLocationRequirements={"@type": "Country", "name": "USA"})
    config = _careers(replay, "/jobs/anywhere", job, office)
    _, stored = _sync(tmp_path, config)
    places = {p.title: p.locations for p in stored.values()}
    assert places["ML Engineer"] == ("USA", "Canada")
    assert places["Data Scientist"] and "USA" not in places["Data Scientist"]


def test_pay_per_hour_or_year_said_in_other_words_keeps_its_period(
        replay: ReplayServer, tmp_path: Path) -> None:
    """``unitText`` "HOURLY", "Annual" or "PER_YEAR" (schema.org's five are HOUR, DAY, WEEK,
    MONTH, YEAR) was read as no period: the hourly 95 USD was no plausible pay, shown
    nowhere."""
    def paid(title: str, unit: str, low: float, high: float) -> dict[str, object]:
        return _google_job(title=title, baseSalary={
            "@type": "MonetaryAmount", "currency": "USD", "value": {
                "@type": "QuantitativeValue", "minValue": low, "maxValue": high,
                "unitText": unit}})
    config = _careers(replay, "/jobs/pay", paid("Contract ML Engineer", "HOURLY", 95, 120),
                      paid("Research Scientist", "Annual", 150000, 190000),
                      paid("Data Scientist", "PER_YEAR", 120000, 140000),
                      paid("Clerk", "YEAR", 40000, 50000))
    _, stored = _sync(tmp_path, config)
    periods = {p.title: (p.salary.interval.value if p.salary and p.salary.interval else None)
               for p in stored.values()}
    assert periods == {"Contract ML Engineer": "hour", "Research Scientist": "year",
                       "Data Scientist": "year", "Clerk": "year"}


def test_a_job_alert_cards_remote_or_hybrid_place_is_the_postings_remote(
        tmp_path: Path) -> None:
    """A job-alert card's place "Berlin, Germany (Remote)" (or a card's "Remote", "(Hybrid)",
    "(On-site)") was the posting's place only: remote "unknown" (the text's reading does not
    read a card's "· Remote"), so ``search --remote remote`` missed it."""
    mail = tmp_path / "alert.eml"
    mail.write_bytes((FIXTURES / "mailbox" / "alerts" / "network-rows.eml").read_bytes())
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "m"\ntype = "mailbox"\n'
                      f'paths = [{json.dumps(str(mail))}]\n')
    remote = {p.title: (p.locations, p.remote.value) for p in stored.values()}
    assert remote == {
        "Senior Data Scientist – Recommendations": (("Berlin, Germany (Hybrid)",), "hybrid"),
        "Data Scientist (m/w/d) Credit Risk": (("Berlin, Germany (On-site)",), "onsite"),
        "Machine Learning Scientist, Speech": (("Berlin, Germany (Remote)",), "remote")}


def test_a_greenhouse_location_that_says_on_site_is_an_onsite_job(
        replay: ReplayServer, tmp_path: Path) -> None:
    """Greenhouse has no workplace field: "Remote"/"Hybrid" in ``location.name`` were read,
    "New York, NY (On-site)" left the job unknown."""
    board = json.loads((FIXTURES / "greenhouse" / "vaulttec.json").read_text(encoding="utf-8"))
    for job, place in zip(board["jobs"], ["New York, NY (On-site)", "Remote - US",
                                          "Hybrid - London"], strict=True):
        job["location"] = {"name": place}
    replay.routes[route_key("/v1/boards/modes/jobs", {"content": "true",
                                                     "pay_transparency": "true"})] = Reply(
        json.dumps(board).encode())
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                      f'boards = ["modes"]\nbase_url = "{replay.url}"\n')
    assert sorted(p.remote.value for p in stored.values()) == ["hybrid", "onsite", "remote"]


def test_a_feed_titles_place_after_the_company_is_its_place(
        replay: ReplayServer, tmp_path: Path) -> None:
    """"Machine Learning Engineer at Orbital (Remote)" stored the company "Orbital (Remote)",
    no place and remote unknown; a bracket that names no place stays the company's."""
    feed = (FIXTURES / "feed" / "jobs.rss").read_text(encoding="utf-8").replace(
        "Machine Learning Engineer at Orbital", "Machine Learning Engineer at Orbital (Remote)"
    ).replace("Senior Data Scientist at Quanta Health",
              "Senior Data Scientist at Quanta Health (Berlin, Germany)").replace(
        "Accountant at Ledgerly", "Machine Learning Intern at Ledgerly (YC W23)").replace(
        "Month-end close and reporting.", "Train machine learning models.")
    replay.routes["/feeds/places.rss"] = Reply(feed.encode(), content_type="application/rss+xml")
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "f"\ntype = "feed"\n'
                      f'urls = ["{replay.url}/feeds/places.rss"]\n')
    read = {p.title: (p.company, p.locations, p.remote.value) for p in stored.values()}
    assert read == {
        "Machine Learning Engineer": ("Orbital", ("Remote",), "remote"),
        "Senior Data Scientist": ("Quanta Health", ("Berlin, Germany",), "unknown"),
        "Machine Learning Intern": ("Ledgerly (YC W23)", (), "unknown")}


def test_a_lever_salary_range_of_no_figures_leaves_the_pay_to_the_text(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A ``salaryRange`` whose ``min`` and ``max`` are null (or 0) was the posting's stated
    pay: ``show`` said "salary ? USD per year" (or nothing), ``search --salary-min`` missed
    it, and the $150,000 - $210,000 its ``salaryDescription`` states was never read."""
    items = json.loads((FIXTURES / "lever" / "leverdemo-pay.json").read_text(encoding="utf-8"))
    paid = next(i for i in items if i.get("salaryRange"))
    empty, zero = dict(paid, id="empty-range"), dict(paid, id="zero-range")
    empty["salaryRange"] = {"currency": "USD", "interval": "per-year-salary", "min": None,
                            "max": None}
    zero["salaryRange"] = {"currency": "USD", "interval": "per-year-salary", "min": 0, "max": 0}
    replay.routes[route_key("/v0/postings/nofig", {"mode": "json", "skip": "0",
                                                   "limit": "100"})] = Reply(
        json.dumps([empty, zero, paid]).encode())
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "lv"\ntype = "lever"\n'
                      f'boards = ["nofig"]\nbase_url = "{replay.url}"\n')
    assert stored["lever:nofig:empty-range"].salary is None
    assert stored["lever:nofig:zero-range"].salary is None
    kept = stored[f"lever:nofig:{paid['id']}"].salary
    assert kept is not None and (kept.min, kept.max) == (150000, 210000)
    # and the text's pay is what a reader sees (``show``, the posting page)
    (pay,) = pay_of(enrich_postings([stored["lever:nofig:empty-range"]])[0])
    assert (pay.salary.min, pay.salary.max) == (150000, 210000)


def test_an_ashby_salary_component_of_no_figures_leaves_the_pay_to_the_text(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A compensation whose salary component has null ``minValue`` and ``maxValue`` (a
    company that shows the component and no range) was stated pay of no figures: "salary ?
    USD per year", and the range its description states was not read."""
    board = json.loads((FIXTURES / "ashby" / "Ashby.json").read_text(encoding="utf-8"))
    job = board["jobs"][1]
    job["descriptionPlain"] += " The salary for this role is $180,000 - $220,000 per year."
    job["descriptionHtml"] = f"<p>{job['descriptionPlain']}</p>"
    job["compensation"] = {
        "compensationTierSummary": None, "scrapeableCompensationSalarySummary": None,
        "compensationTiers": [],
        "summaryComponents": [{"compensationType": "Salary", "interval": "1 YEAR",
                               "currencyCode": "USD", "minValue": None, "maxValue": None}]}
    board["jobs"] = [job]
    replay.routes[route_key("/posting-api/job-board/nofig",
                            {"includeCompensation": "true"})] = Reply(json.dumps(board).encode())
    _, stored = _sync(tmp_path, f'[[sources]]\nname = "ab"\ntype = "ashby"\n'
                      f'boards = ["nofig"]\nbase_url = "{replay.url}"\n')
    (posting,) = stored.values()
    assert posting.salary is None
    (pay,) = pay_of(enrich_postings([posting])[0])
    assert (pay.salary.min, pay.salary.max) == (180000, 220000)


def test_a_job_a_board_lists_twice_is_one_new_posting(
        replay: ReplayServer, tmp_path: Path) -> None:
    """A board list that gives one job twice, the same in every field, was reported by the
    sync that first stored it as "new 3, unchanged 1" (a job unchanged on a board never
    synced before)."""
    board = json.loads((FIXTURES / "greenhouse" / "vaulttec.json").read_text(encoding="utf-8"))
    board["jobs"].append(dict(board["jobs"][1]))
    replay.routes[route_key("/v1/boards/twice/jobs", {"content": "true",
                                                     "pay_transparency": "true"})] = Reply(
        json.dumps(board).encode())
    report, stored = _sync(tmp_path, f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                           f'boards = ["twice"]\nbase_url = "{replay.url}"\n')
    (source,) = report.sources
    assert (source.new, source.unchanged, source.updated) == (3, 0, 0)
    assert len(stored) == 3


def test_a_base_salary_given_as_a_list_of_amounts_is_read(
        replay: ReplayServer, tmp_path: Path) -> None:
    """``baseSalary`` as a list of ``MonetaryAmount`` (one a currency: schema.org allows
    more than one value) was read as no salary."""
    def amount(currency: str, low: int, high: int) -> dict[str, object]:
        return {"@type": "MonetaryAmount", "currency": currency, "value": {
            "@type": "QuantitativeValue", "minValue": low, "maxValue": high, "unitText": "YEAR"}}
    config = _careers(replay, "/jobs/amounts", _google_job(
        title="ML Engineer", baseSalary=[amount("EUR", 90000, 110000),
                                         amount("USD", 120000, 150000)]))
    _, stored = _sync(tmp_path, config)
    (posting,) = stored.values()
    assert posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.currency) == (
        90000, 110000, "EUR")
