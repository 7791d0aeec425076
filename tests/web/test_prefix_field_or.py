"""What a seeker types from other job boards' search boxes: ``py*`` (the words that start
with "py"), ``title:engineer`` / ``company:"prior labs"`` (in that field only) and
``pytorch || jax`` (either). They were plain words or separators: ``py*`` asked for the word
"py", ``title:engineer`` for the words "title" and "engineer" anywhere, and ``||`` was
dropped, so both words were required. Now both engines read them alike: the search page and
the API (tantivy) and ``mljobs search --engine fts5`` give the same totals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.index.query import MAX_PREFIXES


def _api(client: TestClient, q: str, limit: int = 100) -> dict[str, object]:
    response = client.get("/api/search", params={"q": q, "limit": limit})
    assert response.status_code == 200, response.text
    return dict(response.json())


def _total(client: TestClient, q: str) -> int:
    return int(str(_api(client, q, 1)["total"]))


def _fts5_total(web_db: Path, q: str) -> int:
    result = CliRunner().invoke(app, ["--db", str(web_db), "search", "--engine", "fts5",
                                      "--json", "--", q])
    assert result.exit_code == 0, result.output
    # (stdout alone: the first fts5 search says on stderr that it builds the index)
    return int(json.loads(result.stdout)["total"])


def test_a_word_ending_in_star_finds_the_words_that_start_with_it(
        client: TestClient, web_db: Path) -> None:
    every = _total(client, "py*")
    assert every > _total(client, "py")
    assert every >= _total(client, "python OR pytorch OR pyspark") > 0
    assert every == _total(client, "python OR pytorch OR pyspark OR py*")
    # stemmed as the words are: engineer* finds at least what engineer does
    assert _total(client, "engineer*") >= _total(client, "engineer") > 0
    for q in ("py*", "engineer*", "pytorch*", "tensor*", "title:data*"):
        assert _fts5_total(web_db, q) == _total(client, q), q


@pytest.mark.parametrize(("typed", "said"), [
    ("p*", "needs 2 letters or digits or more before the *"),
    ("python p*", "needs 2 letters or digits or more before the *"),
    ("node.js*", "only a word of letters and digits can end in *"),
])
def test_a_prefix_too_short_or_not_a_word_is_refused_saying_what_to_type(
        client: TestClient, web_db: Path, typed: str, said: str) -> None:
    api = client.get("/api/search", params={"q": typed})
    assert api.status_code == 400 and said in api.json()["error"]
    page = client.get("/", params={"q": typed})
    assert page.status_code == 400 and said in page.text
    cli = CliRunner().invoke(app, ["--db", str(web_db), "search", "--", typed])
    assert cli.exit_code != 0 and said in " ".join(cli.output.split())


def _refused_everywhere(client: TestClient, web_db: Path, typed: str, said: str) -> None:
    """``typed`` is a 400 saying ``said`` on the API and the page, and an error saying it
    from ``mljobs search`` in each engine."""
    api = client.get("/api/search", params={"q": typed})
    assert api.status_code == 400 and said in api.json()["error"]
    page = client.get("/", params={"q": typed})
    assert page.status_code == 400 and said in page.text
    for engine in ("tantivy", "fts5"):
        cli = CliRunner().invoke(app, ["--db", str(web_db), "search", "--engine", engine,
                                       "--", typed])
        assert cli.exit_code != 0 and said in " ".join(cli.output.split())


def test_more_prefixes_than_a_query_may_hold_are_refused_saying_why(
        client: TestClient, web_db: Path) -> None:
    """An OR of 249 2-letter prefixes (all a 1,000-character query holds) took 2.2 s in
    tantivy and 18.7 s in FTS5 at 100,000 postings (``bench/search.py --grammar --worst``);
    past MAX_PREFIXES a query is refused at once, in each engine, the page and the API."""
    pairs = ["co", "re", "in", "da", "pr", "st", "ma", "de", "te", "pe"]
    allowed = " || ".join(f"{p}*" for p in pairs[:MAX_PREFIXES])
    assert _total(client, allowed) == _fts5_total(web_db, allowed) > 0
    # the same prefix twice, or in an OR group and alone, is one
    assert _total(client, f"{allowed} co* || re*") > 0
    typed = " ".join(f"{p}*" for p in pairs[:MAX_PREFIXES + 1])
    said = f"has {MAX_PREFIXES + 1} words ending in * (co*, re*, in*, da*, ...); keep it to {MAX_PREFIXES}"
    _refused_everywhere(client, web_db, typed, said)


def test_a_prefix_in_another_case_is_the_same_prefix_and_the_message_names_fields(
        client: TestClient, web_db: Path) -> None:
    """``PY*`` and ``py*`` find the same words (each engine reads them in lower case) but
    counted as two prefixes toward MAX_PREFIXES, so a query of 8 prefixes, each also typed in
    capitals, was refused; and the message listed ``title:co*`` as "co*"."""
    pairs = ["co", "re", "in", "da", "pr", "st", "ma", "de", "te", "pe"]
    allowed = " || ".join(f"{p}*" for p in pairs[:MAX_PREFIXES])
    cased = f"{allowed} || {allowed.upper()} || {allowed.title()}"
    assert _total(client, cased) == _total(client, allowed) == _fts5_total(web_db, cased) > 0
    typed = " ".join(f"title:{p.upper()}*" for p in pairs[:2]) + " " + " ".join(
        f"company:{p}*" for p in pairs[2:3]) + " " + " ".join(
        f"{p}*" for p in pairs[3:MAX_PREFIXES + 1]) + " title:co*"
    said = (f"has {MAX_PREFIXES + 1} words ending in * (title:CO*, title:RE*, company:in*, "
            f"da*, ...); keep it to {MAX_PREFIXES}")
    _refused_everywhere(client, web_db, typed, said)


def test_a_bare_star_has_no_word_and_lists_every_posting(client: TestClient) -> None:
    assert _total(client, "*") == _total(client, "")
    page = BeautifulSoup(client.get("/", params={"q": "*"}).text, "html.parser")
    assert "has no word to search for" in page.select_one("#no-words").get_text()


def test_title_and_company_search_that_field_only(client: TestClient, web_db: Path) -> None:
    hits = _api(client, "title:engineer")
    assert 0 < int(str(hits["total"])) < _total(client, "engineer")
    assert all("engineer" in h["title"].lower() for h in hits["hits"])  # type: ignore[attr-defined]
    company = next(h["company"] for h in _api(client, "")["hits"]  # type: ignore[attr-defined]
                   if h["company"] and " " in h["company"])
    found = _api(client, f'company:"{company}"')
    assert found["hits"] and all(h["company"] == company
                                 for h in found["hits"])  # type: ignore[attr-defined]
    not_senior = _api(client, "engineer -title:senior")
    assert all("senior" not in h["title"].lower()
               for h in not_senior["hits"])  # type: ignore[attr-defined]
    assert _total(client, "Title:Engineer") == _total(client, "title:engineer")
    for q in ("title:engineer", f'company:"{company}"', "engineer -title:senior",
              'title:"machine learning"'):
        assert _fts5_total(web_db, q) == _total(client, q), q


@pytest.mark.parametrize("typed", ["pytorch || tensorflow", "pytorch | tensorflow",
                                   "pytorch|tensorflow"])
def test_bars_mean_or(client: TestClient, web_db: Path, typed: str) -> None:
    either = _total(client, "pytorch OR tensorflow")
    assert either > _total(client, "pytorch tensorflow")
    assert _total(client, typed) == either == _fts5_total(web_db, typed)


def test_a_prefix_is_marked_in_the_snippets(client: TestClient) -> None:
    """The words a prefix found were not marked in tantivy's snippets (FTS5 marks them)."""
    hits = _api(client, "py*", 20)["hits"]
    assert hits and all("<mark>py" in h["snippet_html"].lower()  # type: ignore[index]
                        for h in hits)  # type: ignore[attr-defined]


def test_a_prefix_porter_stems_out_of_shape_is_found_by_fts5_too(
        client: TestClient, web_db: Path) -> None:
    """FTS5 stems a prefix: "analy*" was "anali"*, which starts none of the indexed
    "analyst", "analysi", "analyt" (0 on the demo store, where tantivy finds 176)."""
    either = _fts5_total(web_db, "analyst OR analytics OR analysis")
    assert either > 0
    assert _fts5_total(web_db, "analy*") >= either
    assert _fts5_total(web_db, "title:analy*") == _total(client, "title:analy*") > 0
    assert _fts5_total(web_db, "data -analy*") <= _fts5_total(
        web_db, "data -analyst -analytics -analysis") < _fts5_total(web_db, "data")


@pytest.mark.parametrize("typed", ["TİTLE:engineer", "tıtle:engineer", "tİtle:engineer"])
def test_a_field_name_typed_with_a_turkish_i_is_the_field(
        client: TestClient, web_db: Path, typed: str) -> None:
    # (Python's case-insensitive match takes "İ" and "ı" for "i": the field name's lower
    # case, "ti̇tle", was looked up and missed, a KeyError: 500 on the page and the API, a
    # traceback from `mljobs search`; "TİTLE" is "title" in capitals on a Turkish keyboard)
    assert _total(client, typed) == _total(client, "title:engineer") > 0
    assert client.get("/", params={"q": typed}).status_code == 200
    assert _fts5_total(web_db, typed) == _total(client, "title:engineer")
