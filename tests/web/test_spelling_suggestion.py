"""A search with a misspelt skill or company that finds nothing offers the store's spelling:
"No postings match. Did you mean pytorch? (N postings)", the link keeping the filters; the
CLI says the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app


def _results(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]
    return BeautifulSoup(response.text, "html.parser")


def _total(page: BeautifulSoup) -> int:
    return int(page.select_one("#total").text.replace(",", ""))


def test_a_misspelt_skill_offers_the_stored_spelling(client: TestClient) -> None:
    right = _total(_results(client, "/?q=pytorch&remote=remote"))
    assert right > 0
    page = _results(client, "/?q=pytorh&remote=remote")
    assert _total(page) == 0
    note = page.select_one("#suggestion")
    assert note is not None
    assert note.a.get_text() == "pytorch"
    assert f"({right:,} postings)" in " ".join(note.get_text().split())
    # the link keeps the filter and finds what it said
    assert "remote=remote" in note.a["href"]
    assert _total(_results(client, note.a["href"])) == right


def test_no_suggestion_for_words_nothing_is_spelt_like(client: TestClient) -> None:
    page = _results(client, "/?q=qxzvw")
    assert page.select_one("#suggestion") is None
    assert "Remove a filter or try fewer words" in page.select_one("li.none").get_text()


def test_the_cli_offers_it_too(web_db: Path) -> None:
    res = CliRunner().invoke(app, ["--db", str(web_db), "search", "pytorh"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    right = CliRunner().invoke(app, ["--db", str(web_db), "search", "pytorch", "--json"],
                               catch_exceptions=False)
    total = json.loads(right.stdout)["total"]
    assert total > 0
    assert f"Did you mean pytorch? ({total:,} postings match it)" in " ".join(
        res.output.split())


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
def test_a_word_misspelt_twice_is_corrected_everywhere(web_db: Path, engine: str) -> None:
    # (only its first place was corrected: the correction still found nothing, so nothing
    # was offered)
    def run(query: str, *extra: str) -> str:
        res = CliRunner().invoke(app, ["--db", str(web_db), "search", "--engine", engine,
                                       query, *extra], catch_exceptions=False)
        assert res.exit_code == 0, res.output
        # (--json: stdout alone; the first fts5 search says on stderr that it builds the index)
        return " ".join((res.stdout if "--json" in extra else res.output).split())

    total = json.loads(run("pytorch", "--json"))["total"]
    assert total > 0
    for query, fixed in (("pytorh Pytorh", "pytorch pytorch"),
                         ('pytorh "pytorh"', 'pytorch "pytorch"')):
        assert f"Did you mean {fixed}? ({total:,} postings match it)" in run(query)
