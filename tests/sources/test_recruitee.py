"""Recruitee careers sites, added with ``mljobs sources add`` and synced with ``mljobs sync``
from the recorded offers list (tests/fixtures/sources/recruitee/, the documented shape) served
by the replay server on 127.0.0.1, as a person runs them; and what a bad answer says."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.models import Document
from mljobs.sources.recruitee import Recruitee
from mljobs.store import SQLiteStore

from .replay_server import ReplayServer, Reply, fixture

runner = CliRunner()
OFFERS = "/nordlicht/api/offers/"


def _run(tmp_path: Path, *args: str) -> Any:
    result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), *args,
                                 "--config", str(tmp_path / "sources.toml")])
    return result


def _add(tmp_path: Path, base: str, boards: str = "nordlicht") -> None:
    (tmp_path / "sources.toml").write_text("[http]\nretries = 1\nbackoff = 0.001\n"
                                           "max_backoff = 0.01\ntimeout = 10\n", encoding="utf-8")
    result = _run(tmp_path, "sources", "add", "recruitee", "--set", f"boards={boards}",
                  "--set", f"base_url={base}/{{board}}")
    assert result.exit_code == 0, result.output


def _sync(tmp_path: Path, code: int = 0) -> dict[str, Any]:
    result = _run(tmp_path, "sync", "--no-enrich", "--json")
    assert result.exit_code == code, result.output
    (source,) = json.loads(result.stdout)["sources"]
    assert isinstance(source, dict)
    return source


def test_a_recruitee_site_is_added_synced_and_read_field_by_field(tmp_path: Path) -> None:
    with ReplayServer({OFFERS: fixture("recruitee/nordlicht.json")}) as srv:
        _add(tmp_path, srv.url)
        first = _sync(tmp_path)
        assert srv.hits[OFFERS] == 1
    assert (first["type"], first["new"], first["failed"]) == ("recruitee", 3, 0)
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        postings = {p.id: p for _, p in store.iter_postings()}
    ml = postings["recruitee:nordlicht:1402871"]
    assert (ml.title, ml.company) == ("Machine Learning Engineer, Perception", "Nordlicht Robotics")
    assert ml.url == "https://nordlicht.recruitee.com/o/machine-learning-engineer-perception"
    assert list(ml.locations) == ["Amsterdam, Netherlands"] and ml.remote == "hybrid"
    assert ml.salary is not None and (ml.salary.min, ml.salary.max, ml.salary.currency,
                                      ml.salary.interval) == (70000, 90000, "EUR", "year")
    assert ml.posted_at is not None and ml.posted_at.isoformat() == "2026-03-02T09:15:00+00:00"
    # the requirements are part of the text, after the description
    assert "perception models" in ml.description_text
    assert ml.description_text.index("perception") < ml.description_text.index("TensorRT")
    remote = postings["recruitee:nordlicht:1402904"]
    assert remote.remote == "remote" and remote.salary is None  # a salary of no figures
    hourly = postings["recruitee:nordlicht:1402955"]
    assert hourly.salary is not None and (hourly.salary.min, hourly.salary.interval) == (
        18.5, "hour")
    assert (hourly.remote, hourly.employment_type) == ("onsite", "parttime")


def test_an_offer_taken_down_is_closed_at_the_next_sync(tmp_path: Path) -> None:
    with ReplayServer({OFFERS: fixture("recruitee/nordlicht.json")}) as srv:
        _add(tmp_path, srv.url)
        _sync(tmp_path)
    with ReplayServer({OFFERS: fixture("recruitee/nordlicht-v2.json")}) as srv:
        _add(tmp_path, srv.url)
        later = _sync(tmp_path)
    assert (later["new"], later["closed"], later["unchanged"]) == (1, 1, 2)
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        status = {p.id: p.status for _, p in store.iter_postings()}
    assert status["recruitee:nordlicht:1402955"] == "closed"
    assert status["recruitee:nordlicht:1403310"] == "open"


def test_each_bad_answer_is_named_with_what_to_do(tmp_path: Path) -> None:
    limited = Reply(b'{"error": "too many requests"}', 429, headers={"Retry-After": "0"})
    routes = {OFFERS: fixture("recruitee/nordlicht.json"),
              "/nosuch/api/offers/": Reply(b'{"error": "Not found"}', 404),
              "/garbled/api/offers/": Reply(b'{"offers": [{"id": 1, "title": '),
              "/other/api/offers/": Reply(b'{"jobs": []}'),
              "/busy/api/offers/": limited}
    with ReplayServer(routes) as srv:
        _add(tmp_path, srv.url, "nordlicht,nosuch,garbled,other,busy")
        report = _sync(tmp_path, code=1)
        assert srv.hits["/busy/api/offers/"] == 2  # asked, and asked again once
    assert (report["new"], report["failed"]) == (3, 4)  # the good site synced all the same
    errors = report["errors"]
    assert [e.partition("]")[0] for e in errors] == ["[nosuch", "[garbled", "[other", "[busy"]
    assert ("HTTP 404" in errors[0] and "/nosuch/api/offers/); not found: is the company's name "
            "right? It is the first part of its careers site's address, NAME.recruitee.com"
            in errors[0])
    assert "invalid JSON (" in errors[1]
    assert "expected an object with a 'offers' list" in errors[2]
    assert ("HTTP 429 Too Many Requests" in errors[3] and "the server limits how often it is "
            "asked (a rate limit); gave up after 2 attempts; try again later" in errors[3])


def test_a_base_url_without_the_company_is_refused_saying_what_to_write(
        tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    result = _run(tmp_path, "sources", "add", "recruitee", "--set", "boards=nordlicht",
                  "--set", "base_url=https://careers.nordlicht.example")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert ("source 'recruitee' (recruitee): base_url: 'https://careers.nordlicht.example' has "
            "no {board}; write where the company's name goes, e.g. base_url = "
            '"https://{board}.recruitee.com"') in said
    assert (tmp_path / "sources.toml").read_text(encoding="utf-8") == ""  # nothing saved


def test_a_base_url_with_a_query_or_fragment_is_refused(tmp_path: Path) -> None:
    """The offers' path is written after base_url: 'https://{board}.recruitee.com/?lang=en'
    was taken and fetched as https://acme.recruitee.com/?lang=en/api/offers/."""
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    for given in ("https://{board}.recruitee.com/?lang=en", "https://{board}.recruitee.com#x"):
        result = _run(tmp_path, "sources", "add", "recruitee", "--set", "boards=nordlicht",
                      "--set", f"base_url={given}")
        assert result.exit_code == 1, given
        said = " ".join(result.output.split())
        assert (f"base_url: '{given}' has a query or fragment, which would stand before the "
                "offers' path; write the address up to the company's site, e.g. base_url = "
                '"https://{board}.recruitee.com"') in said, said
    assert (tmp_path / "sources.toml").read_text(encoding="utf-8") == ""  # nothing saved


def test_a_company_given_as_its_address_is_refused_naming_the_name(tmp_path: Path) -> None:
    """The boards' shared check takes its hint from the end of an address (Greenhouse's
    ``boards.greenhouse.io/NAME``) and gave none for ``https://acme.recruitee.com``, whose name
    is its start."""
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    for given in ("https://nordlicht.recruitee.com/", "nordlicht.recruitee.com"):
        result = _run(tmp_path, "sources", "add", "recruitee", "--set", f"boards={given}")
        assert result.exit_code == 1
        assert (f"boards: '{given}' is not a company name; give the first part of its careers "
                f'site\'s address: for {given} that is boards = ["nordlicht"]') in " ".join(
                    result.output.split())


def test_a_company_name_no_host_could_have_is_refused_saying_what_to_write(
        tmp_path: Path) -> None:
    """A company's name is the first part of ``NAME.recruitee.com``. Before, ``acme[`` ended
    ``sources add`` in a ValueError's traceback, and ``acme.eu`` or a careers site's own domain
    were taken: fetched, and with a base_url whose ``{board}`` is a path, stored under
    ``recruitee:unknown:`` (the name was not read back from the address), never closed."""
    (tmp_path / "sources.toml").write_text("", encoding="utf-8")
    # (a name of 64 characters, or one a hyphen starts, is no host's either: it was taken,
    # and its sync said only "unexpected UnicodeError: encoding with 'idna' codec failed")
    for given in ("acme[", "acme.eu", "careers.nordlicht.example", "nord licht", "acme?x",
                  "a" * 64, "-acme", "acme-"):
        result = _run(tmp_path, "sources", "add", "recruitee", "--set", f"boards={given}")
        assert result.exit_code == 1, given
        said = " ".join(result.output.split())
        assert (f"boards: '{given}' is not a company name; give the first part of its "
                "Recruitee address, NAME.recruitee.com (letters, digits and hyphens, at most 63, "
                "no hyphen first or last), even for a careers site on the company's own "
                "domain") in said, said
        assert "Traceback" not in result.output
    assert (tmp_path / "sources.toml").read_text(encoding="utf-8") == ""  # nothing saved


def _parsed(**fields: object) -> list[str]:
    offer = {"id": 1, "title": "Machine Learning Engineer", **fields}
    doc = Document(source="recruitee", ref="https://acme.recruitee.com/api/offers/",
                   content=json.dumps({"offers": [offer]}).encode(),
                   fetched_at=datetime(2026, 3, 20, tzinfo=UTC))
    (raw,) = Recruitee(boards=["acme"]).parse(doc)
    return list(raw.locations)


def test_a_place_given_in_another_form_is_read_not_written_as_python() -> None:
    """Before, a ``location`` given as a list (or an object) was stored as its Python
    spelling, one place "['Amsterdam, Netherlands', 'Berlin, Germany']"."""
    assert _parsed(location=["Amsterdam, Netherlands", "Berlin, Germany"]) == [
        "Amsterdam, Netherlands", "Berlin, Germany"]
    assert _parsed(location={"city": "Amsterdam"}, city="Amsterdam",
                   country="Netherlands") == ["Amsterdam, Netherlands"]
    assert _parsed(location="", city={"name": "Amsterdam"}, country="Netherlands") == [
        "Netherlands"]
    assert _parsed(location="Remote - Europe") == ["Remote - Europe"]
    assert _parsed() == []


def test_a_site_that_redirects_elsewhere_is_read_there_or_named(tmp_path: Path) -> None:
    """A careers site moved to the company's own domain redirects (301/302) to another host: the
    client follows it, and the offers found there are stored under the company's name as
    ``boards`` gives it. A redirect to a web page, not the API, named only "the service may be
    down, or base_url is wrong"; it now says where the address was redirected to."""
    page = Reply(b"<html><head><title>Careers</title></head><body>Jobs</body></html>",
                 content_type="text/html; charset=utf-8")
    with ReplayServer({"/api/offers/": fixture("recruitee/nordlicht.json"), "/": page}) as own:
        routes = {OFFERS: Reply(b"", 301, headers={"Location": f"{own.url}/api/offers/"}),
                  "/moved/api/offers/": Reply(b"", 302, headers={"Location": f"{own.url}/"})}
        with ReplayServer(routes) as srv:
            _add(tmp_path, srv.url, "Nordlicht,moved")
            report = _sync(tmp_path, code=1)
    assert (report["new"], report["failed"]) == (3, 1)
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        assert {p.id for _, p in store.iter_postings()} == {
            f"recruitee:nordlicht:{n}" for n in (1402871, 1402904, 1402955)}
    (error,) = report["errors"]
    assert "the server sent a web page, not JSON" in error
    assert f"(the address was redirected to {own.url}/)" in error


def test_an_offer_with_fields_of_another_kind_is_read_without_them(tmp_path: Path) -> None:
    """One offer whose link, work type or company is no text (a number, a list, an object) had
    the whole company's offers refused in a pydantic dump ('cannot parse ...: ValidationError:
    1 validation error for RawPosting / url / Input should be a valid string'); an id written
    as a float (1402871.0) was another job than 1402871, and an id of true or a title that
    is a list were stored as 'True' and "['ML']". Now such a field is none, a whole float id
    is that number, and an offer with no id or title that can be read is left out."""
    offers = json.loads(fixture("recruitee/nordlicht.json").body)["offers"]
    odd = dict(offers[1], careers_url=42, careers_apply_url=["x"], employment_type_code={"a": 1},
               company_name=["Nordlicht"], department=7, slug=None)
    offers = [dict(offers[0], id=1402871.0), odd, offers[2],
              dict(offers[2], id=True, title="Bool id"), dict(offers[2], id=9, title=["ML"])]
    body = json.dumps({"offers": offers}).encode()
    with ReplayServer({OFFERS: Reply(body)}) as srv:
        _add(tmp_path, srv.url)
        report = _sync(tmp_path)
    assert (report["new"], report["failed"]) == (3, 0)
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        postings = {p.id: p for _, p in store.iter_postings()}
    assert set(postings) == {f"recruitee:nordlicht:{n}" for n in (1402871, 1402904, 1402955)}
    read = postings["recruitee:nordlicht:1402904"]
    assert (read.url, read.employment_type, read.company) == (None, None, "nordlicht")
    assert read.title == "Data Scientist, Demand Forecasting"
