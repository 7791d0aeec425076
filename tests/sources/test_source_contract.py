"""One contract test over every registered source (like scikit-learn's check suite)."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.errors import ParseError
from mljobs.http import HttpClient, HttpSettings
from mljobs.models import Document, RawPosting
from mljobs.normalize import normalize
from mljobs.sources import SOURCES, BaseSource, Source, Window, make_source
from mljobs.sources.jobspy import available as jobspy_available

from .replay_server import FIXTURES, ReplayServer

WINDOW = Window(today=date(2026, 3, 20))
# Fixture files that are meant to fail, and the source settings that reach the replay server.
BAD_FIXTURES = {"malformed.xml", "broken.html", "robots.txt",
                "saved-bot-check.html", "saved-no-jobs.html",  # saved pages with no job
                # web archives (MHTML): an import reads the page in them, no sync is served one
                "saved-chrome.mhtml", "saved-ie.mht"}
SOURCE_IDS = sorted(SOURCES)


def settings_for(name: str, base: str, tmp_path: Path) -> dict[str, object]:
    mbox = tmp_path / "lists.mbox"
    shutil.copy(FIXTURES / "mailbox" / "lists.mbox", mbox)
    return {
        "greenhouse": {"boards": ["vaulttec"], "base_url": base},
        "lever": {"boards": ["leverdemo"], "base_url": base, "page_size": 2},
        "ashby": {"boards": ["Ashby"], "base_url": base},
        "recruitee": {"boards": ["nordlicht"], "base_url": f"{base}/{{board}}"},
        "hackernews": {"months": ["2026-03"], "algolia_url": f"{base}/api/v1"},
        "reddit": {"subreddits": ["MLjobs"], "base_url": base},
        "feed": {"urls": [f"{base}/feeds/jobs.rss"]},
        "jsonld": {"urls": [f"{base}/careers"]},
        "mailbox": {"paths": [str(mbox)]},
        "jobspy": {"sites": ["indeed"]},
    }[name]


def good_fixtures(name: str) -> list[Path]:
    folder = FIXTURES / name
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in BAD_FIXTURES)


def as_document(name: str, path: Path) -> list[Document]:
    now = datetime(2026, 3, 20, tzinfo=UTC)
    if name == "mailbox":
        source = make_source("mailbox", {"paths": [str(path)]})
        return list(source.fetch_unit(HttpClient(), str(path)))
    ref = {"greenhouse": f"https://boards-api.greenhouse.io/v1/boards/{path.stem}/jobs",
           "lever": f"https://api.lever.co/v0/postings/{path.stem.split('-')[0]}?mode=json",
           "ashby": f"https://api.ashbyhq.com/posting-api/job-board/{path.stem}",
           "recruitee": f"https://{path.stem.split('-')[0]}.recruitee.com/api/offers/"}.get(
        name, f"https://example.org/{path.name}")
    return [Document(source=name, ref=ref, content=path.read_bytes(), fetched_at=now)]


@pytest.mark.parametrize("name", SOURCE_IDS)
def test_name_matches_module_and_registry(name: str) -> None:
    cls = SOURCES[name]
    assert cls.name == name
    assert cls.__module__ == f"mljobs.sources.{name}"
    assert dataclasses.is_dataclass(cls)
    assert isinstance(cls(), Source)
    assert isinstance(cls.general, bool) and isinstance(cls.closes, bool)


@pytest.mark.parametrize("name", SOURCE_IDS)
def test_settings_do_no_io(name: str) -> None:
    # Unreachable addresses and missing files: constructing and listing units must not care.
    source = SOURCES[name]()
    assert isinstance(source.units(WINDOW), list)


@pytest.mark.parametrize("name", SOURCE_IDS)
def test_fixture_parses_to_valid_raw_postings(name: str) -> None:
    files = good_fixtures(name)
    assert files, f"tests/fixtures/sources/{name}/ has no fixture"
    source = SOURCES[name]()
    found: list[RawPosting] = []
    for path in files:
        for doc in as_document(name, path):
            in_doc = list(source.parse(doc))
            assert len({r.source_id for r in in_doc}) == len(in_doc), "ids unique per document"
            found += in_doc
    assert found, f"{name}: fixtures gave no postings"
    for raw in found:
        assert isinstance(raw, RawPosting)
        assert raw.source == name
        assert raw.source_id and raw.title.strip()
        posting = normalize(raw)
        assert posting.id == f"{name}:{raw.source_id}"
        assert "<script" not in posting.description_html


@pytest.mark.parametrize("name", SOURCE_IDS)
def test_fetch_from_replay_server(name: str, replay: ReplayServer, tmp_path: Path) -> None:
    if name == "jobspy" and not jobspy_available():
        pytest.skip("python-jobspy is not installed (optional extra 'jobspy')")
    if name == "jobspy":
        pytest.skip("jobspy reaches the real sites; only its parser is tested offline")
    source = make_source(name, settings_for(name, replay.url, tmp_path))
    with HttpClient(HttpSettings(retries=0, timeout=5)) as http:
        docs = [d for unit in source.units(WINDOW) for d in source.fetch_unit(http, unit)]
    assert docs and all(d.source == name and d.content for d in docs)
    assert sum(len(list(source.parse(d))) for d in docs) > 0


@pytest.mark.parametrize("name", SOURCE_IDS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blob=st.binary(max_size=400))
def test_parse_of_arbitrary_bytes_raises_only_parse_error(name: str, blob: bytes) -> None:
    source: BaseSource = SOURCES[name]()
    doc = Document(source=name, ref="https://example.org/x", content=blob,
                   fetched_at=datetime(2026, 3, 20, tzinfo=UTC))
    try:
        for raw in source.parse(doc):
            assert isinstance(raw, RawPosting)
    except ParseError as err:
        assert err.source == name and err.doc_ref == doc.ref
