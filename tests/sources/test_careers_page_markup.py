"""schema.org JobPosting markup as real careers pages and job boards write it, beyond what
``test_source_parsers`` covers: each case read through the careers-page source's ``parse``
(what ``mljobs sync`` runs on a fetched page)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from mljobs.models import Document, RawPosting
from mljobs.sources import make_source

NOW = datetime(2026, 11, 20, tzinfo=UTC)
URL = "https://careers.example.com/jobs/ml-engineer-1244751"


def _page(*blocks: Any) -> bytes:
    scripts = "".join('<script type="application/ld+json">'
                      + (b if isinstance(b, str) else json.dumps(b, indent=1)) + "</script>\n"
                      for b in blocks)
    return ("<!doctype html><html><head><title>ML Engineer</title>\n" + scripts
            + "</head><body><h1>Machine Learning Engineer</h1><p>Apply now.</p></body></html>"
            ).encode()


def _read(content: bytes) -> list[RawPosting]:
    return list(make_source("jsonld", {}).parse(Document(
        source="jsonld", ref=URL, content=content, media_type="text/html; charset=utf-8",
        fetched_at=NOW)))


def test_an_employer_and_place_given_as_references_of_the_graph_are_read() -> None:
    """Job boards (Jobberman, CV Keskus) and Yoast-style graphs write the employer and the
    place as other nodes of the ``@graph``, referenced by ``@id``. Before, such a posting had
    no company and no place."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": URL + "#webpage", "name": "ML Engineer"},
        {"@type": "JobPosting", "@id": "https://careers.example.com/#/schema/JobPosting/1244751",
         "title": "Machine Learning Engineer", "datePosted": "2026-11-02T00:00:00.000000Z",
         "employmentType": "FULL_TIME", "description": "<p>Train ranking models.</p>",
         "hiringOrganization": {"@id": "https://careers.example.com/#/schema/Organization/agency-1244751"},
         "jobLocation": {"@id": "https://careers.example.com/#/schema/Place/location-1244751"}},
        {"@type": "Organization",
         "@id": "https://careers.example.com/#/schema/Organization/agency-1244751",
         "name": "Kilima Analytics Limited"},
        {"@type": "Place", "@id": "https://careers.example.com/#/schema/Place/location-1244751",
         "address": {"@type": "PostalAddress", "addressLocality": "Nairobi",
                     "addressCountry": "KE"}}]}
    (job,) = _read(_page(graph))
    assert (job.title, job.company, job.locations) == (
        "Machine Learning Engineer", "Kilima Analytics Limited", ["Nairobi, KE"])


def test_an_employer_in_another_script_referenced_by_a_relative_id_is_read() -> None:
    """A site's Organization in one script (its every page's), the JobPosting in another
    naming it ``{"@id": "#org"}``, or by the full address the relative id stands for."""
    org = {"@context": "https://schema.org", "@type": "Organization",
           "@id": URL + "#org", "name": "Studio Nord", "url": URL}
    job = {"@context": "https://schema.org", "@type": "JobPosting",
           "title": "Data Scientist", "description": "<p>Forecasting.</p>",
           "hiringOrganization": {"@id": "#org"},
           "jobLocationType": "TELECOMMUTE",
           "applicantLocationRequirements": {"@id": "https://careers.example.com/#eu"}}
    area = {"@context": "https://schema.org", "@type": "AdministrativeArea",
            "@id": "https://careers.example.com/#eu", "name": "European Union"}
    (read,) = _read(_page(org, job, area))
    assert (read.company, read.remote, read.locations) == (
        "Studio Nord", "remote", ["European Union"])


def test_a_reference_to_no_node_of_the_page_is_no_company() -> None:
    """A reference the page does not resolve (the node is on another page) gives no company,
    no error; a reference beside a name keeps the name."""
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "ML Engineer",
           "hiringOrganization": {"@id": "https://other.example.com/#organization"},
           "jobLocation": [{"@id": "http://["}, {"@type": "Place", "@id": "#hq",
                                                 "address": "Oslo, Norway"}]}
    (read,) = _read(_page(job))
    assert (read.company, read.locations) == (None, ["Oslo, Norway"])


def test_a_pay_figure_written_with_thousands_commas_is_read() -> None:
    """``"minValue": "12,000,000"`` beside ``"maxValue": 18000000`` (a job board's markup):
    the text figure was read as none, so the pay was "up to 18,000,000"; and a text figure
    in another form ("12 000") is still none, not a guess."""
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Scientist",
           "hiringOrganization": {"@type": "Organization", "name": "Kilima Analytics Limited"},
           "baseSalary": {"@type": "MonetaryAmount", "currency": "NGN", "value": {
               "@type": "QuantitativeValue", "minValue": "12,000,000", "maxValue": 18000000,
               "unitText": "YEAR"}}}
    (read,) = _read(_page(job))
    assert read.salary is not None
    assert (read.salary.min, read.salary.max, read.salary.currency) == (12e6, 18e6, "NGN")
    job["baseSalary"]["value"]["minValue"] = "12 000"  # type: ignore[index]
    (read,) = _read(_page(job))
    assert read.salary is not None and (read.salary.min, read.salary.max) == (None, 18e6)


def test_a_pay_figure_written_with_thousands_points_is_read() -> None:
    """A German careers page writes its pay as Europe writes figures, ``"minValue":
    "45.000"``, ``"maxValue": "62.500,50"``: the first read as 45 euros a year, the second as
    none. A currency counted in thousandths keeps its point a decimal one ("1.500" dinars)."""
    job = {"@context": "https://schema.org", "@type": "JobPosting",
           "title": "Machine Learning Engineer (m/w/d)",
           "hiringOrganization": {"@type": "Organization", "name": "Beispiel Analytics GmbH"},
           "jobLocation": {"@type": "Place", "address": {
               "@type": "PostalAddress", "addressLocality": "München", "addressCountry": "DE"}},
           "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {
               "@type": "QuantitativeValue", "minValue": "45.000", "maxValue": "62.500,50",
               "unitText": "YEAR"}}}
    (read,) = _read(_page(job))
    assert read.salary is not None
    assert (read.salary.min, read.salary.max, read.salary.currency) == (45000, 62500.5, "EUR")
    job["baseSalary"] = {"@type": "MonetaryAmount", "currency": "KWD", "value": {
        "@type": "QuantitativeValue", "value": "1.500", "unitText": "HOUR"}}
    (read,) = _read(_page(job))
    assert read.salary is not None and (read.salary.min, read.salary.currency) == (1.5, "KWD")


def test_an_hourly_figure_with_three_decimals_is_not_read_as_thousands() -> None:
    """An hourly rate a page writes with three places after its point ("25.000" dollars,
    "18.500" euros an hour) was read as thousands since points mark them: 25,000 dollars an
    hour, pay no one is paid, left out of every pay filter. Its point is a decimal one when
    the thousands reading is no one's pay and the written one is; a month's "3.500" euros
    stays 3,500."""
    job = {"@context": "https://schema.org", "@type": "JobPosting",
           "title": "Data Annotation Specialist (ML)",
           "hiringOrganization": {"@type": "Organization", "name": "Beispiel Analytics GmbH"},
           "jobLocation": {"@type": "Place", "address": {
               "@type": "PostalAddress", "addressLocality": "Austin", "addressCountry": "US"}}}
    read = []
    for currency, low, high, unit in [("USD", "25.000", "32.500", "HOUR"),
                                      ("EUR", "18.500", "22.5", "HOUR"),
                                      ("EUR", "3.500", "4.200", "MONTH")]:
        job["baseSalary"] = {"@type": "MonetaryAmount", "currency": currency, "value": {
            "@type": "QuantitativeValue", "minValue": low, "maxValue": high, "unitText": unit}}
        (posting,) = _read(_page(job))
        assert posting.salary is not None
        read.append((posting.salary.min, posting.salary.max, posting.salary.interval))
    assert read == [(25, 32.5, "hour"), (18.5, 22.5, "hour"), (3500, 4200, "month")]


def test_a_place_given_by_its_name_alone_is_read() -> None:
    """A ``Place`` with a name and no address (``{"@type": "Place", "name": "Singapore,
    Singapore"}``), or a ``jobLocation`` given as text, was no place; a place whose address
    reads keeps the address, not its name (a building's: "Future Center")."""
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "ML Engineer",
           "hiringOrganization": {"@type": "Organization", "name": "Acme"},
           "jobLocation": [{"@type": "Place", "name": "Singapore, Singapore"}, "Berlin, Germany",
                           {"@type": "Place", "name": "Future Center", "address": {
                               "@type": "PostalAddress", "addressLocality": "Shenzhen",
                               "addressCountry": "CN"}}]}
    (read,) = _read(_page(job))
    assert read.locations == ["Singapore, Singapore", "Berlin, Germany", "Shenzhen, CN"]


def test_a_posting_named_by_name_rather_than_title_is_read() -> None:
    """A JobPosting with ``name`` and no ``title`` (as governmentjobs.com's listing graph
    writes it) was left out: the page read as listing no job."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "JobPosting", "name": "Data Analyst (Machine Learning)",
         "url": "https://careers.example.com/jobs/2/data-analyst",
         "hiringOrganization": {"@type": "Organization", "name": "City of Frisco"}},
        {"@type": "WebPage", "name": "Careers"}]}
    (read,) = _read(_page(graph))
    assert (read.title, read.company, read.url) == (
        "Data Analyst (Machine Learning)", "City of Frisco",
        "https://careers.example.com/jobs/2/data-analyst")


def test_an_employer_given_in_a_list_is_read() -> None:
    """``"hiringOrganization": [{"name": "Beta Labs"}]`` (a list, as some sites' graphs
    write every property) was no company; the first that names one is the company."""
    job = {"@context": "https://schema.org", "@type": ["JobPosting"], "title": "SRE",
           "hiringOrganization": [{"@type": "Organization", "url": "https://beta.example"},
                                  {"@type": "Organization", "name": "Beta Labs"}],
           "jobLocation": [{"address": "Remote, US"}], "description": "Run the site."}
    (read,) = _read(_page(job))
    assert (read.company, read.locations) == ("Beta Labs", ["Remote, US"])


MICRODATA = b"""<!doctype html><html><body>
<div itemscope itemtype="https://schema.org/JobPosting">
 <h1 itemprop="title">Machine Learning Engineer</h1>
 <p><strong>Hours:</strong> <span itemprop="employmentType">Full-time</span>,
  <span itemprop="workHours">40 hours per week</span>
 <br><strong>Salary:</strong> <span itemprop="salaryCurrency">USD</span>
  <span itemprop="baseSalary">8000</span></p>
 <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
  <span itemprop="name">Optic Systems</span></div>
 <div itemprop="description"><p>Deep learning for inspection cameras.</p></div>
</div></body></html>"""


def test_a_salary_given_as_a_figure_alone_is_read() -> None:
    """schema.org lets ``baseSalary`` be a Number, its currency the posting's
    ``salaryCurrency`` (microdata: ``<span itemprop="baseSalary">8000</span>``; JSON-LD:
    ``"baseSalary": 95000``): it was read as no salary. A text that is no figure
    ("Competitive") is still none."""
    (micro,) = _read(MICRODATA)
    assert micro.salary is not None
    assert (micro.salary.min, micro.salary.max, micro.salary.currency,
            micro.salary.interval) == (8000, 8000, "USD", None)
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Scientist",
           "hiringOrganization": {"@type": "Organization", "name": "Acme"},
           "baseSalary": 95000, "salaryCurrency": "EUR"}
    (read,) = _read(_page(job))
    assert read.salary is not None and (read.salary.min, read.salary.currency) == (95000, "EUR")
    job["baseSalary"] = "Competitive"
    (read,) = _read(_page(job))
    assert read.salary is None


def _pay(value: Any) -> tuple[Any, ...]:
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Engineer",
           "hiringOrganization": {"@type": "Organization", "name": "Harbour Health NHS Trust"},
           "baseSalary": {"@type": "MonetaryAmount", **value}}
    (read,) = _read(_page(job))
    assert read.salary is not None
    return (read.salary.min, read.salary.max, read.salary.currency, read.salary.interval)


def test_a_period_said_per_annum_in_the_plural_or_as_a_unit_code_is_read() -> None:
    """British pages write ``"unitText": "per annum"`` (or ``PER_ANNUM``), others "Hours" or
    "an hour", and schema.org's QuantitativeValue names a unit by ``unitCode`` (UN/CEFACT:
    ANN a year, HUR an hour); a MonetaryAmount whose value is a figure may carry the period
    itself. Each was read as pay of no period."""
    def amount(unit: dict[str, str]) -> dict[str, Any]:
        return {"currency": "GBP", "value": {"@type": "QuantitativeValue", "minValue": 45000,
                                             "maxValue": 52000, **unit}}
    for said in ("per annum", "PER_ANNUM", "Annum", "a year"):
        assert _pay(amount({"unitText": said})) == (45000, 52000, "GBP", "year")
    assert _pay(amount({"unitCode": "ANN"}))[3] == "year"
    assert _pay({"currency": "GBP", "value": {"@type": "QuantitativeValue", "value": 28.5,
                                              "unitText": "Hours"}})[3] == "hour"
    assert _pay({"currency": "GBP", "value": {"@type": "QuantitativeValue", "value": 28.5,
                                              "unitCode": "HUR"}})[3] == "hour"
    assert _pay({"currency": "USD", "value": 95000, "unitText": "YEAR"}) == (
        95000, 95000, "USD", "year")
    # a unit that is no period is still none
    assert _pay(amount({"unitText": "per calendar quarter"}))[3] is None


def test_a_currency_inside_the_quantitative_value_is_read() -> None:
    """Some pages put ``currency`` on the QuantitativeValue rather than on the MonetaryAmount
    (``"value": {"@type": "QuantitativeValue", "currency": "EUR", ...}``): the pay was read
    with no currency. The MonetaryAmount's own currency still comes first."""
    inner = {"@type": "QuantitativeValue", "minValue": 65000, "maxValue": 80000,
             "currency": "EUR", "unitText": "YEAR"}
    assert _pay({"value": inner}) == (65000, 80000, "EUR", "year")
    assert _pay({"currency": "CHF", "value": inner})[2] == "CHF"


def test_an_employer_named_by_its_legal_name_alone_is_read() -> None:
    """``"hiringOrganization": {"@type": "Organization", "legalName": "..."}`` with no
    ``name`` was no company; its ``name`` still comes first when it has both."""
    org = {"@type": "Organization", "legalName": "Nordlicht Analytics GmbH",
           "url": "https://nordlicht.example"}
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "ML Engineer",
           "hiringOrganization": org}
    (read,) = _read(_page(job))
    assert read.company == "Nordlicht Analytics GmbH"
    org["name"] = "Nordlicht"
    (read,) = _read(_page(job))
    assert read.company == "Nordlicht"


def test_a_place_of_a_street_and_postal_code_alone_is_that_address() -> None:
    """A page whose form leaves the town, region and country blank (``""``, as Yoast's job
    template writes every field) gives a street and postal code only: that was no place. A
    town, when given, is still the place."""
    address = {"@type": "PostalAddress", "streetAddress": "Keizersgracht 123",
               "addressLocality": "", "addressRegion": "", "postalCode": "1015 CJ",
               "addressCountry": ""}
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "ML Engineer",
           "jobLocation": {"@type": "Place", "address": address}}
    (read,) = _read(_page(job))
    assert read.locations == ["Keizersgracht 123, 1015 CJ"]
    address["addressLocality"] = "Amsterdam"
    (read,) = _read(_page(job))
    assert read.locations == ["Amsterdam"]


def test_a_node_written_in_two_places_is_one_node() -> None:
    """JSON-LD reads the nodes of one ``@id`` as one. A posting that writes its employer with
    the site's ``@id`` and a logo but no name, the site's Organization (its name) in
    another script, was of no company; and of two nodes of one id, the last was read."""
    site = {"@context": "https://schema.org", "@type": "Organization",
            "@id": "https://careers.example.com/#organization", "name": "Fjord Robotics AS",
            "url": "https://careers.example.com/"}
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "ML Engineer",
           "hiringOrganization": {"@type": "Organization",
                                  "@id": "https://careers.example.com/#organization",
                                  "logo": "https://careers.example.com/logo.png"}}
    (read,) = _read(_page(job, site))
    assert read.company == "Fjord Robotics AS"
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "JobPosting", "title": "ML Engineer", "hiringOrganization": {"@id": "#org"}},
        {"@type": "Organization", "@id": "#org", "name": "Fjord Robotics AS"},
        {"@type": "Organization", "@id": "#org", "name": "Fjord", "logo": "/logo.png"}]}
    (read,) = _read(_page(graph))
    assert read.company == "Fjord Robotics AS"


def test_an_employer_referenced_by_the_posting_s_own_id_is_no_company() -> None:
    """A page that gives its JobPosting the page's address as ``@id`` and names the employer
    by that address too (a slip: the node of that id is the posting): the posting's name was
    read as its company ("Data Scientist II" of "Data Scientist II"). It is no company."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "JobPosting", "@id": URL, "name": "Data Scientist II",
         "hiringOrganization": {"@id": URL}, "jobLocation": {"@id": URL + "#place"}},
        {"@type": "Place", "@id": URL + "#place", "name": "Sacramento, CA"}]}
    (read,) = _read(_page(graph))
    assert (read.title, read.company, read.locations) == (
        "Data Scientist II", None, ["Sacramento, CA"])


def test_a_place_whose_address_is_a_node_of_its_own_is_read() -> None:
    """A graph that writes the Place and its PostalAddress as nodes of their own, each
    referenced by ``@id``: the place's address was a reference, and the job of no place."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "JobPosting", "title": "Computer Vision Engineer",
         "hiringOrganization": {"@id": "https://careers.example.com/#org"},
         "jobLocation": {"@id": "https://careers.example.com/#lyon"}},
        {"@type": "Organization", "@id": "https://careers.example.com/#org",
         "name": "Rhône Vision SAS",
         "address": {"@id": "https://careers.example.com/#lyon-address"}},
        {"@type": "Place", "@id": "https://careers.example.com/#lyon",
         "address": {"@id": "https://careers.example.com/#lyon-address"}},
        {"@type": "PostalAddress", "@id": "https://careers.example.com/#lyon-address",
         "streetAddress": "12 Rue de la République", "addressLocality": "Lyon",
         "postalCode": "69002", "addressCountry": "FR"}]}
    (read,) = _read(_page(graph))
    assert (read.company, read.locations) == ("Rhône Vision SAS", ["Lyon, FR"])


def test_a_node_written_by_its_relative_and_its_full_id_is_one_node() -> None:
    """The posting's employer written ``{"@id": "#organization", "logo": ...}``, the site's
    Organization with the full address that id stands for and its name: one node. Before,
    the employer was looked up by "#organization" as written, which only the posting's own
    logo node had, and the posting was of no company."""
    site = {"@context": "https://schema.org", "@type": "Organization",
            "@id": URL + "#organization", "name": "Fjord Robotics AS"}
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": "ML Engineer",
           "hiringOrganization": {"@type": "Organization", "@id": "#organization",
                                  "logo": "https://careers.example.com/logo.png"}}
    assert [p.company for p in _read(_page(site, job))] == ["Fjord Robotics AS"]
    assert [p.company for p in _read(_page(job, site))] == ["Fjord Robotics AS"]
