"""A minimum salary under 1,000 a year is offered in thousands: the salary box is a number
field and Chromium drops the "k" of a typed "100k", so the search ran with 100 USD a year,
which nearly every stated pay passes, and the page did not say so."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def _note(client: TestClient, url: str) -> BeautifulSoup | None:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.text, "html.parser").select_one("#salary-thousands")


def test_a_salary_typed_as_100k_is_offered_as_100000(client: TestClient) -> None:
    note = _note(client, "/?q=python&salary_min=100&remote=remote&page=2")
    assert note is not None
    assert note.get_text(" ", strip=True).startswith(
        "A minimum salary of 100 USD a year lets nearly every stated pay through.")
    link = note.a
    assert link.get_text() == "100,000 USD a year"
    assert link["href"] == "/?q=python&salary_min=100000&remote=remote"  # page 1 again
    assert _note(client, str(link["href"])) is None
    half = _note(client, "/?salary_min=92.5")
    assert half is not None and half.a.get_text() == "92,500 USD a year"


def test_no_note_for_a_salary_in_full_or_none(client: TestClient) -> None:
    for url in ("/?salary_min=1000", "/?salary_min=85000", "/?salary_min=0", "/?q=python"):
        assert _note(client, url) is None, url


def test_a_decimal_salary_is_offered_in_whole_dollars(client: TestClient) -> None:
    # 64.1 * 1000 is 64099.99999999999 in floating point: the note offered
    # "64,099.99999999999 USD a year" and linked salary_min=64099.99999999999
    for typed, meant in (("64.1", "64,100"), ("16.1", "16,100"), ("4.03", "4,030"),
                         ("2.01", "2,010")):
        note = _note(client, f"/?q=python&salary_min={typed}")
        assert note is not None, typed
        assert note.a.get_text() == f"{meant} USD a year"
        assert note.a["href"] == f"/?q=python&salary_min={meant.replace(',', '')}"


def test_no_offer_that_is_itself_under_a_thousand(client: TestClient) -> None:
    # salary_min=0.5 offered "500 USD a year", whose page offered 500,000 in turn
    for url in ("/?salary_min=0.5", "/?salary_min=0.0005"):
        assert _note(client, url) is None, url
    assert _note(client, "/?salary_min=1").a.get_text() == "1,000 USD a year"
