"""A trend skill no posting asks for is named on the dashboard (the trends chart said only
"No data for these filters", as if a filter were to blame)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient


def test_a_trend_skill_no_posting_asks_for_is_named(client: TestClient) -> None:
    response = client.get("/dashboard", params={"trend": "pytorch, Pytorchh"})
    assert response.status_code == 200
    page = BeautifulSoup(response.text, "html.parser")
    note = page.select_one("#panel-trends #trend-missing")
    assert note is not None
    text = " ".join(note.get_text(" ").split())
    assert "asks for Pytorchh;" in text and "pytorch," not in text  # pytorch is PyTorch
    assert page.select_one("#chart-trends") is not None  # PyTorch is still drawn
    known = BeautifulSoup(client.get("/dashboard", params={"trend": "PyTorch"}).text,
                          "html.parser")
    assert known.select_one("#trend-missing") is None
