"""What ``mljobs search`` finds and highlights for the words a job seeker types, through the
real CLI on a small store of generic rows: accents (``zurich`` finds Zürich in both engines,
as FTS5 always did), highlights only of the words the engine matched (``data`` is not
``databases``), and an excerpt where the query's words are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()

FILLER = " ".join(["We value ownership, kindness and clear writing."] * 12)
ROWS = [
    {"id": "zh", "source": "board", "title": "ML Engineer", "company": "Alpenwerk",
     "description": "Office in Zürich. Write a résumé-free application; PyTorch daily."},
    {"id": "zu", "source": "board", "title": "Data Engineer", "company": "Lakeside",
     "description": "Office in Zurich, Switzerland. Spark and Airflow."},
    {"id": "db", "source": "board", "title": "Backend Engineer", "company": "Tables Inc",
     "description": "We prioritize databases and datasets; the data team is small."},
    {"id": "far", "source": "board", "title": "Analytics Engineer", "company": "Northwind",
     "description": f"The analytics group is growing. {FILLER} You will model data in dbt "
                    "as an analytics engineer next to our engineers."},
    {"id": "ml", "source": "board", "title": "Research Engineer", "company": "Fathom",
     "description": "Machine learning research on protein folding."},
    {"id": "apart", "source": "board", "title": "Machine Operator", "company": "Millworks",
     "description": "Run the lathe; on-the-job learning provided."},
    {"id": "both", "source": "board", "title": "Platform Engineer", "company": "Umbrella",
     "description": "Keep every machine patched while learning our stack; later, join the "
                    "machine-learning platform team."},
]


def _imported(folder: Path, rows: list[dict[str, str]], name: str) -> str:
    """A store at ``folder/name.sqlite3`` holding ``rows``, imported by the CLI."""
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(folder / f"{name}.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", str(path), "--no-enrich"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _imported(tmp_path_factory.mktemp("text"), ROWS, "s")


def _search(db: str, query: str, engine: str = "tantivy") -> dict[str, str]:
    res = runner.invoke(app, ["--db", db, "search", query, "--engine", engine, "--json"],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return {h["id"]: h["snippet_html"] for h in json.loads(res.output)["hits"]}


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
@pytest.mark.parametrize("query", ["zurich", "Zürich", "ZURICH"])
def test_accents_are_folded_in_both_engines(db: str, engine: str, query: str) -> None:
    assert set(_search(db, query, engine)) == {"board:zh", "board:zu"}
    assert set(_search(db, "resume", engine)) == {"board:zh"}


def test_the_accented_word_is_highlighted(db: str) -> None:
    found = _search(db, "zurich")
    assert "<mark>Zürich</mark>" in found["board:zh"]
    assert "<mark>Zurich</mark>" in found["board:zu"]


def test_only_the_words_the_engine_matched_are_highlighted(db: str) -> None:
    snippet = _search(db, "data")["board:db"]
    assert "<mark>data</mark> team" in snippet
    assert "<mark>" not in snippet.replace("<mark>data</mark>", "")  # not databases, datasets
    snippet = _search(db, "prior")  # no posting has the word prior: prioritize is not it
    assert snippet == {}


def test_the_excerpt_is_where_the_query_words_are(db: str) -> None:
    snippet = _search(db, "analytics engineer dbt")["board:far"]
    assert "<mark>dbt</mark>" in snippet
    assert "<mark>analytics</mark> <mark>engineer</mark>" in snippet
    assert "<mark>engineers</mark>" in snippet  # engineers: the stem of engineer
    assert snippet.startswith("…")


@pytest.mark.parametrize("engine", ["tantivy", "fts5"])
@pytest.mark.parametrize("quoted", ["\u201cmachine learning\u201d", "\u201emachine learning\u201c",
                                    "\u00ab machine learning \u00bb", '"machine learning"'])
def test_typographic_quotes_make_a_phrase(db: str, engine: str, quoted: str) -> None:
    assert set(_search(db, "machine learning", engine)) == {"board:ml", "board:apart",
                                                             "board:both"}
    assert set(_search(db, quoted, engine)) == {"board:ml", "board:both"}
    assert set(_search(db, f"machine -{quoted}", engine)) == {"board:apart"}


def test_a_phrase_is_marked_only_where_its_words_stand_together(db: str) -> None:
    found = _search(db, '"machine learning"')
    assert "<mark>Machine learning</mark> research" in found["board:ml"]
    # "machine" and "learning" apart are not the phrase; "machine-learning" is
    assert found["board:both"].count("<mark>") == 1
    assert "the <mark>machine-learning</mark> platform" in found["board:both"]


RANK_ROWS = [
    {"id": "title-word", "source": "board", "title": "Data Systems Analyst", "company": "Acme",
     "description": "Keep our reporting systems healthy. " + FILLER + " A recommender "
                    "would help someone one day."},
    {"id": "together", "source": "board", "title": "ML Engineer", "company": "Globex",
     "description": "You will build the recommender systems behind our shop. " + FILLER},
    {"id": "other", "source": "board", "title": "Backend Engineer", "company": "Initech",
     "description": "Payments systems in Go. " + FILLER},
    # postings with neither word, as most are: the words' weights are a real store's
    *({"id": f"n{i}", "source": "board", "title": f"{role} {i}", "company": f"Firm {i}",
       "description": f"{role} work with Python and SQL. " + FILLER}
      for i, role in enumerate(["Data Scientist", "Product Manager", "Designer"] * 10)),
]


def test_words_typed_together_rank_first_where_they_stand_together(
        tmp_path: Path) -> None:
    db = _imported(tmp_path, RANK_ROWS, "rank")
    # both postings have both words; the one with "systems" in its title came first
    assert list(_search(db, "recommender systems")) == ["board:together", "board:title-word"]
    # (in the order typed: reversed, they stand together nowhere)
    assert list(_search(db, "systems recommender")) == ["board:title-word", "board:together"]
