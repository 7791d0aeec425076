"""Control characters and bidirectional overrides in posting text, through a real store and
real requests: the pages leave them out, as ``mljobs show`` and ``search`` do. A company
named "Evil\\u202eCorp" reversed the rest of its line in the browser, and an ESC byte (an
HTML parse error) reached every page that showed the title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from mljobs.models import Enrichment, Posting, SkillMention
from mljobs.store import SQLiteStore
from mljobs.web import create_app

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
RLO, ESC, BEL, NUL, CSI = "\u202e", "\x1b", "\x07", "\x00", "\x9b"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _posting() -> Posting:
    text = f"Train models with PyTorch{BEL}. {ESC}]8;;http://evil.example{BEL}link{ESC}[31m red"
    return Posting(
        id="file:c1", source="file", source_id="c1",
        title=f"ML engineer {ESC}[2J{CSI}31m{NUL} (London)",
        company=f"Evil{RLO}Corp", locations=(f"Lon{RLO}don",),
        description_text=text, description_html=f"<p>{text}</p>",
        posted_at=datetime(2026, 5, 2, tzinfo=UTC),
        enrichment=Enrichment(version="t", archetype="research-engineer",
                              archetype_proba={"research-engineer": 0.9, "not-ml": 0.1},
                              skills=[SkillMention(name="PyTorch", surface="PyTorch",
                                                   required=True)]))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("controls") / "c.sqlite3"
    store = SQLiteStore(db)
    store.upsert([_posting()], now=NOW)
    store.close()
    with TestClient(create_app(db, now=lambda: NOW)) as c:
        yield c


@pytest.mark.parametrize("url", ["/", "/?q=pytorch", "/posting/file:c1", "/dashboard",
                                 "/?company=Evil%E2%80%AECorp"])
def test_pages_leave_control_characters_and_bidi_overrides_out(client: TestClient,
                                                               url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert CONTROL.findall(response.text) == []


def test_the_text_around_them_is_kept(client: TestClient) -> None:
    page = client.get("/posting/file:c1").text
    assert "EvilCorp" in page and "London" in page and "Train models with" in page and " red" in page
    assert "[2J" in page  # what follows an ESC is shown as text, as the terminal shows it


def test_the_json_api_keeps_the_stored_text_as_it_is(client: TestClient) -> None:
    # JSON escapes every control character: the API gives the stored value unchanged
    posting = client.get("/api/postings/file:c1").json()["posting"]
    assert posting["company"] == f"Evil{RLO}Corp"


@pytest.mark.parametrize("value", ["EvilCorp", "evilcorp"])
def test_a_filter_value_as_the_page_shows_it_finds_its_postings(client: TestClient,
                                                                 value: str) -> None:
    """The page's hidden field of ``company=Evil\\u202eCorp`` holds the value without its
    override, so a search made from the form sends "evilcorp". Before: it matched no
    stored value, and the page said "No postings match"."""
    page = client.get("/", params={"company": "Evil\u202eCorp"}).text
    assert '<input type="hidden" name="company" value="evilcorp">' in page
    page = client.get("/", params={"company": value}).text
    assert "No postings match" not in page
    assert 'href="/posting/file:c1"' in page
