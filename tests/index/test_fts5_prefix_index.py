"""The FTS5 index keeps a prefix index of 2 and 3 letters (``fts5.PREFIX_INDEX``): a prefix
of that length ("co"*) reads one list instead of merging the lists of every word that starts
with it (4-6x faster at 20,000 postings, docs/benchmarks.md). It must find and rank exactly
as the table without it; an index file of the format before is built again."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import string
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.index import SearchQuery, TantivyIndex
from mljobs.index.fts5 import (
    FORMAT,
    MAX_PREFIX_TOKENS,
    PREFIX_INDEX,
    Fts5Index,
    match_expression,
)
from mljobs.index.query import SEPARATOR, parse_query
from mljobs.models import RawPosting
from mljobs.normalize import normalize

WORDS = ["co", "cost", "costs", "computer", "company", "companies", "coding", "code", "coder", "re", "research", "reading", "reads", "in", "inference", "infra", "infrastructure", "analysis", "analyst", "analytics", "analyze", "py", "python", "pytorch", "pyspark", "zürich", "zurich", "zuerich", "data", "database", "dataset", "C++", "C#", ".NET", "learn", "learning", "learner", "engineer", "engineering", "engineers", "deploy", "deployed", "deploying", "study", "studies", "studying", "query", "queries", "policy", "strategy"]
QUERIES = ["co*", "re*", "in*", "an*", "py*", "zu*", "da*", "le*", "de*", "st*", "qu*",
           "cos*", "pyt*", "ana*", "zür*", "dat*", "lea*", "dep*", "que*", "c++",
           "analy*", "learn*", "engineer*", "deploy*", "study*", "query*", "policy*",
           "co* re*", "co* || in* || zu*", "title:co*", "company:co*", "py* data",
           "pyt* -co*", "\"machine learning\" OR le*"]


def _postings(n: int) -> list[RawPosting]:
    rng = random.Random(7)
    return [RawPosting(source="t", source_id=str(i), title=" ".join(rng.choices(WORDS, k=3)),
                       company=rng.choice(["Costco", "Codeworks", "Infra AG", "Re Labs"]),
                       description_text=" ".join(rng.choices(WORDS, k=rng.randint(5, 60))))
            for i in range(n)]


def test_the_prefix_index_finds_and_ranks_as_the_table_without_it(tmp_path: Path) -> None:
    index = Fts5Index(tmp_path / "index.sqlite3")
    index.add(normalize(raw) for raw in _postings(400))
    conn = index.conn
    [sql] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'docs'").fetchone()
    assert f"prefix='{PREFIX_INDEX}'" in sql
    conn.execute("CREATE VIRTUAL TABLE temp.plain USING fts5(title, company_text, description,"
                 f" tokenize=\"porter unicode61 separators '{SEPARATOR}'\")")
    conn.execute("INSERT INTO temp.plain(rowid, title, company_text, description) "
                 "SELECT rowid, title, company_text, description FROM main.docs")
    compared = 0
    for q in QUERIES:
        match = match_expression(parse_query(q), index._prefix_tokens)
        assert match is not None, q
        found = []
        for table in ("main.docs", "temp.plain"):
            name = table.split(".")[1]
            found.append([(rowid, round(score, 9)) for rowid, score in conn.execute(
                f"SELECT rowid, bm25({name}, 3.0, 2.0, 1.0) AS s FROM {table} "
                f"WHERE {name} MATCH ? ORDER BY s, rowid", (match,))])
        assert found[0] == found[1], q
        compared += len(found[0])
    assert compared > 2000  # (the queries find postings: the comparison is not of nothing)


def test_an_index_of_the_format_before_is_built_again_with_it(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    old = sqlite3.connect(path)
    old.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, company_text, description, "
                f"tokenize=\"porter unicode61 separators '{SEPARATOR}'\")")
    old.execute(f"PRAGMA user_version = {FORMAT - 1}")
    old.commit()
    old.close()
    index = Fts5Index(path)
    [sql] = index.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'docs'").fetchone()
    assert f"prefix='{PREFIX_INDEX}'" in sql
    raws = _postings(50)
    index.add(normalize(raw) for raw in raws)
    with_str = [raw for raw in raws if any(
        word.lower().startswith("str")
        for word in re.findall(r"\w+", f"{raw.title} {raw.company} {raw.description_text}"))]
    assert 0 < len(with_str) < len(raws)
    assert index.search(SearchQuery(text="str*", facets=(), limit=100)).total == len(with_str)



def test_a_prefix_porter_changes_finds_what_tantivy_does_on_a_large_vocabulary() -> None:
    """"analy*" is "anali"* to FTS5, so the indexed tokens that start with "analy" are added
    to it. They were the first 200 tokens in the index's order: with 300 words of their own
    ("analysis1f", as product names and typos make a real vocabulary) those were all
    "analysis..." words, and the postings that say "analytics" were not found."""
    raws = [RawPosting(source="t", source_id=f"s{i}", title="Data scientist", company="Acme",
                       description_text=f"Reports and analysis{i:x} of sales.")
            for i in range(300)]
    raws += [RawPosting(source="t", source_id=f"t{i}", title="Engineer", company="Acme",
                        description_text=f"We build analytics and {word} tools.")
             for i, word in enumerate(["analyst", "analytical", "analyzer", "dashboards"] * 5)]
    postings = [normalize(raw) for raw in raws]
    fts5, tantivy = Fts5Index(None), TantivyIndex(None)
    for index in (fts5, tantivy):
        index.add(postings)
    for q, found in (("analy*", 320), ("analyt*", 20), ("analys*", 305),
                     ("title:engineer analy*", 20), ("analy* -analyt*", 300)):
        totals = [index.search(SearchQuery(text=q, facets=())).total
                  for index in (fts5, tantivy)]
        assert totals == [found, found], q


def test_a_prefix_that_is_a_whole_token_porter_changes_again_finds_it() -> None:
    """Porter is not idempotent: "database" is the token "databas", which Porter stems again
    to "databa". ``databas*`` is a prefix Porter changes, so it was read as the shortest
    Porter-stable starts of the tokens that start with "databas", longer than it, and the
    token "databas" itself has none: FTS5 found 0 of the demo store's 71 postings that say
    "database" (tantivy 71), ``enterpris*`` 0 of 146, ``pleas*`` 1 of 223, ``focus*`` 81 of
    191 (the postings that say "focused"). Such a token is now found by a word Porter
    stems to it ("database")."""
    texts = {"database": "We run a database.", "databases": "Two databases.",
             "enterprise": "Enterprise sales.", "please": "Please apply.",
             "focused": "A focused team.", "employee": "Employee owned.",
             "employed": "Employed in Berlin.", "deployment": "Model deployment.",
             "deploys": "It deploys models.", "pleasant": "A pleasant office.",
             "other": "Nothing here."}
    postings = [normalize(RawPosting(source="t", source_id=word, title="Engineer",
                                     company="Acme", description_text=text))
                for word, text in texts.items()]
    fts5, tantivy = Fts5Index(None), TantivyIndex(None)
    for index in (fts5, tantivy):
        index.add(postings)
    for q, found in (("databas*", {"database", "databases"}), ("enterpris*", {"enterprise"}),
                     ("pleas*", {"please", "pleasant"}), ("focus*", {"focused"}),
                     ("employ*", {"employee", "employed"}),
                     ("deploy*", {"deployment", "deploys"}),
                     ("title:engineer databas*", {"database", "databases"}),
                     ("pleas* -pleasant", {"please"})):
        for index in (fts5, tantivy):
            hits = index.search(SearchQuery(text=q, facets=(), limit=50)).hits
            assert {hit.id.split(":")[1] for hit in hits} == found, (q, type(index).__name__)


def test_a_prefix_that_needs_more_than_max_prefix_tokens_says_so(tmp_path: Path) -> None:
    """``analy*`` over 252 words that start it with as many Porter-stable starts ("analyse0",
    "analyed1", ...) needed more than MAX_PREFIX_TOKENS of them: FTS5 took the first 200,
    left the rest out and found 10 of the 11 postings tantivy finds, saying nothing. It now
    says what to type, in the CLI; a longer prefix under the bound still finds its words."""
    chars = string.ascii_lowercase + string.digits
    words = [start + c for start in ("analys", "analye", "analyse", "analyses", "analysed",
                                     "analyes", "analyed") for c in chars]
    rows = [{"id": f"w{i}", "source": "board", "title": "ML Engineer", "company": "Acme",
             "description": "Machine learning models: " + " ".join(words[i::10]) + "."}
            for i in range(10)]
    rows.append({"id": "x", "source": "board", "title": "ML Engineer", "company": "Acme",
                 "description": "Machine learning models for analytics."})
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    assert CliRunner().invoke(app, ["--db", str(db), "import", str(jsonl)]).exit_code == 0

    def search(engine: str, q: str) -> Result:
        return CliRunner().invoke(app, ["--db", str(db), "search", "--engine", engine,
                                        "--json", "--", q])

    assert json.loads(search("tantivy", "analy*").output)["total"] == 11
    refused = search("fts5", "analy*")
    assert refused.exit_code != 0, refused.output  # (was 10 postings)
    said = " ".join(refused.output.split())
    assert f"analy* starts more than {MAX_PREFIX_TOKENS} different words" in said, said
    assert "type more letters before the *" in said
    for q in ("analyt*", "analyse*"):
        totals = [json.loads(search(engine, q).output)["total"] for engine in ("fts5", "tantivy")]
        assert totals[0] == totals[1] > 0, q
