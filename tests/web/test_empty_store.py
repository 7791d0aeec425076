"""The web app on a store with no postings says so and how to fill it (the search page said
"Remove a filter or try fewer words"; the match page showed an empty gaps table under "the 0
open ... postings")."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from mljobs.store import open_store
from mljobs.web import create_app

RESUME = b"Jane Doe\nMachine learning engineer. Python, PyTorch, Kubernetes.\n"


def test_an_empty_store_says_how_to_fill_it(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        search = BeautifulSoup(client.get("/").text, "html.parser")
        filtered = BeautifulSoup(client.get("/?q=pytorch&remote=remote").text, "html.parser")
        match = client.post("/match", files={"resume": ("cv.txt", RESUME)})
    for page in (search, filtered):
        note = page.select_one("#store-empty")
        # the served store's commands: the bare ones filled the default store, not this one
        assert note is not None and " ".join(note.get_text().split()) == (
            f"This store holds no postings yet. Load some with mljobs --db {db} import FILE, "
            f"mljobs --db {db} sync or mljobs demo --db {db}.")
        assert "Remove a filter" not in page.get_text()
    assert match.status_code == 200
    page = BeautifulSoup(match.text, "html.parser")
    assert page.select_one("#no-matches").get_text() == (
        f"No open postings to rank yet. Import some with mljobs --db {db} import FILE.")
    assert page.select_one("#gaps") is None
    assert "to learn from yet" in page.select_one("#no-gaps").get_text()


def test_a_store_with_postings_still_says_remove_a_filter(client: TestClient) -> None:
    page = BeautifulSoup(client.get("/?q=zzzqqqxxy").text, "html.parser")
    assert page.select_one("#store-empty") is None
    assert "Remove a filter" in page.get_text()
