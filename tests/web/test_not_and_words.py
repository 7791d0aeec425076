"""``NOT`` and ``AND`` in upper case, as a seeker types them from other job boards' search
boxes. They were plain words: ``python NOT java`` asked for postings with "python", "not"
and "java" (4 on the demo, where ``python -java`` finds 334), the opposite of what was meant,
and ``AND`` asked for the word "and". ``NOT`` now excludes as ``-`` does and ``AND`` is left
out (words all match already), on the search page, in the API and in ``mljobs search``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app


def _total(client: TestClient, q: str) -> int:
    return int(client.get("/api/search", params={"q": q, "limit": 1}).json()["total"])


@pytest.mark.parametrize(("typed", "meant"), [
    ("python NOT java", "python -java"),
    ('NOT "machine learning" python', 'python -"machine learning"'),
    ("pytorch AND tensorflow", "pytorch tensorflow"),
    ("AND python AND NOT java", "python -java"),
])
def test_upper_case_not_and_and_mean_what_they_say(client: TestClient, typed: str,
                                                   meant: str) -> None:
    assert _total(client, typed) == _total(client, meant)


def test_not_leaves_out_what_it_names_on_the_page_and_in_the_cli(
        client: TestClient, web_db: Path) -> None:
    with_java = _total(client, "python java")
    assert with_java and _total(client, "python NOT java") == _total(client, "python") - with_java
    page = BeautifulSoup(client.get("/", params={"q": "python NOT java"}).text, "html.parser")
    assert not [hit for hit in page.select("li.hit") if "java" in hit.get_text().lower()
                .replace("javascript", "")]
    cli = json.loads(CliRunner().invoke(app, ["--db", str(web_db), "search", "python NOT java",
                                              "--json"]).output)
    assert cli["total"] == _total(client, "python -java")


def test_lower_case_not_and_or_are_still_words(client: TestClient) -> None:
    assert _total(client, "python not java") == _total(client, '"not" python java')
    assert _total(client, "NOT") == _total(client, "")  # no word left: every posting
