"""A store some of whose postings an older mljobs understood says so, with the command that
understands them again: ``mljobs stats`` (and ``--json``), the end of ``import`` and
``sync``, the dashboard and ``/api/stats``. Before, an upgrade (a new taxonomy, new facet
rules) left every stored posting as the older version read it, and nothing said so.
The count is one pass over an index (``SQLiteStore.enrichment_versions``), not a read of the
postings.

An import or a sync also understands again the stored postings it reads whose understanding
an older version made (or none did), once, and keeps the rest as they are: re-importing a
file or syncing a board gave "unchanged" and left them as the older version read them. A
newer version's understanding is not replaced by this older one's."""

from __future__ import annotations

import json
import shlex
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.enrich.version import ENRICH_VERSION, version
from mljobs.models import Enrichment, Posting, RawPosting
from mljobs.normalize import normalize
from mljobs.store import SQLiteStore, open_store
from mljobs.web import create_app

from ..sources.replay_server import ReplayServer, fixture

runner = CliRunner()
NOW = datetime(2026, 11, 27, tzinfo=UTC)
OLD = "1+skills.2026.11.0"  # the taxonomy's first version, as the first release wrote it
# (a newer pipeline than this one, whatever ``ENRICH_VERSION`` is now)
NEWER = f"{int(ENRICH_VERSION) + 1}+skills.2026.11.0"
ROWS = [
    {"id": "a", "source": "board", "title": "ML Engineer", "company": "Acme",
     "description": "Train and ship ranking models in PyTorch."},
    {"id": "b", "source": "board", "title": "Data Scientist", "company": "Globex",
     "description": "Build forecasting models in Python and SQL."},
    {"id": "c", "source": "board", "title": "Research Engineer", "company": "Initech",
     "description": "Train speech models on our GPU cluster."},
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _write(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _as_understood_by(db: Path, ids: list[str], made_by: str) -> None:
    """Make the enrichment of the postings ``ids`` what the version ``made_by`` stored."""
    conn = sqlite3.connect(db)
    for pid in ids:
        conn.execute("UPDATE postings SET enrichment = json_set(enrichment, '$.version', ?),"
                     " enrichment_version = ? WHERE id = ?", (made_by, made_by, pid))
    conn.commit()
    conn.close()


def _run(db: Path, *args: str) -> str:
    res = runner.invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store of ``ROWS``, two of them understood by the older version ``OLD``."""
    path = tmp_path / "s.sqlite3"
    _run(path, "import", str(_write(tmp_path / "rows.jsonl", ROWS)))
    _as_understood_by(path, ["board:a", "board:b"], OLD)
    return path


def test_stats_names_the_postings_an_older_version_understood(db: Path) -> None:
    said = _flat(_run(db, "stats"))
    assert (f"2 postings were understood by an older version of mljobs ({OLD}: 2); run "
            f"`mljobs --db {shlex.quote(str(db))} enrich --store` to understand them as this "
            f"one ({version()}) does.") in said
    data = json.loads(_run(db, "stats", "--json"))
    assert data["by_enrichment_version"] == {OLD: 2, version(): 1}
    assert data["enrichment_version"] == version()
    assert data["understood_by_older"] == 2
    # understood again: nothing to say
    _run(db, "enrich", "--store")
    assert "older version" not in _run(db, "stats")
    data = json.loads(_run(db, "stats", "--json"))
    assert data["by_enrichment_version"] == {version(): 3}
    assert data["understood_by_older"] == 0


def test_a_store_a_newer_mljobs_understood_says_upgrade(db: Path) -> None:
    _as_understood_by(db, ["board:c"], NEWER)
    said = _flat(_run(db, "stats"))
    assert f"2 postings were understood by an older version of mljobs ({OLD}: 2)" in said
    assert (f"1 posting was understood by a newer version of mljobs ({NEWER}: 1) than this "
            f"one ({version()}); upgrade mljobs") in said
    assert json.loads(_run(db, "stats", "--json"))["understood_by_older"] == 2


def test_versions_are_ordered_as_numbers(db: Path) -> None:
    # the taxonomy's tenth version of a month is newer than its ninth, not older as text
    tenth = f"{ENRICH_VERSION}+skills.9999.1.10"
    _as_understood_by(db, ["board:c"], tenth)
    said = _flat(_run(db, "stats"))
    assert f"1 posting was understood by a newer version of mljobs ({tenth}: 1)" in said


def test_the_end_of_an_import_names_them(db: Path, tmp_path: Path) -> None:
    more = _write(tmp_path / "more.jsonl", [
        {"id": "d", "source": "board", "title": "MLOps Engineer", "company": "Hooli",
         "description": "Run our model serving on Kubernetes."}])
    said = _flat(_run(db, "import", str(more)))
    assert "Import summary" in said
    assert f"2 postings were understood by an older version of mljobs ({OLD}: 2)" in said
    assert "enrich --store" in said


@pytest.fixture
def board_url() -> Iterator[str]:
    """The recorded Greenhouse board at its API path, on 127.0.0.1."""
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        yield srv.url


def test_the_end_of_a_sync_names_them(db: Path, tmp_path: Path, board_url: str) -> None:
    config = str(tmp_path / "sources.toml")
    runner.invoke(app, ["sources", "add", "greenhouse", "--set", "boards=vaulttec",
                        "--set", f"base_url={board_url}", "--config", config],
                  catch_exceptions=False)
    said = _flat(_run(db, "sync", "--config", config, "--no-enrich"))
    assert "Sync" in said
    assert f"2 postings were understood by an older version of mljobs ({OLD}: 2)" in said
    report = json.loads(_run(db, "sync", "--config", config, "--no-enrich", "--json"))
    assert report["understood_by_older"] == 2  # (and no line of text around the JSON)


def test_the_dashboard_and_the_api_name_them(db: Path) -> None:
    with TestClient(create_app(db)) as client:
        page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
        stats = client.get("/api/stats").json()
    note = page.select_one("#understanding")
    assert note is not None
    assert (f"2 postings were understood by an older version of mljobs ({OLD}: 2)"
            in _flat(note.get_text()))
    code = note.select_one("code")
    assert code is not None
    assert code.get_text() == f"mljobs --db {shlex.quote(str(db))} enrich --store"
    assert stats["understood_by_older"] == 2
    assert stats["by_enrichment_version"] == {OLD: 2, version(): 1}
    assert stats["enrichment_version"] == version()


def test_a_store_of_one_version_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    _run(path, "import", str(_write(tmp_path / "rows.jsonl", ROWS)))
    assert "version of mljobs" not in _run(path, "stats")
    with TestClient(create_app(path)) as client:
        page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    assert page.select_one("#understanding") is None


def test_the_count_reads_an_index_not_the_postings(db: Path) -> None:
    with open_store(db) as store:
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        assert store.enrichment_versions() == {OLD: 2, version(): 1}
        store.conn.set_trace_callback(None)
        (sql,) = statements
        plan = " ".join(str(row[-1]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
    # (SQLite's words for a count read from the index alone, no row of the table)
    assert "COVERING INDEX postings_enrichment_version" in plan


def _rows(db: Path) -> dict[str, tuple[str, str, int, str]]:
    """id -> (enrichment JSON, enrichment_version, rev, content_hash) of every posting."""
    conn = sqlite3.connect(db)
    out = {r[0]: tuple(r[1:]) for r in conn.execute(
        "SELECT id, enrichment, enrichment_version, rev, content_hash FROM postings")}
    conn.close()
    return out


def _misread_by(db: Path, ids: list[str], made_by: str) -> None:
    """The postings ``ids`` as the version ``made_by`` understood them: another archetype and
    no skills (what this version reads is seen to come back)."""
    conn = sqlite3.connect(db)
    for pid in ids:
        conn.execute("UPDATE postings SET enrichment = json_set(enrichment, '$.version', ?,"
                     " '$.archetype', 'not-ml', '$.skills', json('[]')),"
                     " enrichment_version = ? WHERE id = ?", (made_by, made_by, pid))
    conn.commit()
    conn.close()


def test_reimporting_understands_again_what_an_older_version_understood(
        tmp_path: Path) -> None:
    rows = _write(tmp_path / "rows.jsonl", ROWS)
    fresh, db = tmp_path / "fresh.sqlite3", tmp_path / "s.sqlite3"
    _run(fresh, "import", str(rows))
    _run(db, "import", str(rows))
    _misread_by(db, ["board:a"], OLD)
    _misread_by(db, ["board:c"], NEWER)
    before = _rows(db)
    said = " ".join(_run(db, "import", str(rows)).split())
    assert "2 postings were understood by an older version" not in said
    after = _rows(db)
    # the older version's reading is replaced by this one's, as a fresh import reads it; its
    # content (hash) is unchanged, and its rev moves (the search index re-reads its facets)
    assert after["board:a"][:2] == _rows(fresh)["board:a"][:2]
    assert after["board:a"][1] == version()
    assert after["board:a"][2] > before["board:a"][2]
    assert after["board:a"][3] == before["board:a"][3]
    # this version's and a newer version's are left as they were
    assert after["board:b"] == before["board:b"]
    assert after["board:c"] == before["board:c"]
    assert "1 posting was understood by a newer version" in said
    # no change history for it (its content did not change), and once is enough
    with SQLiteStore(db) as store:
        assert [c.kind for c in store.changes("board:a")] == ["created"]
    _run(db, "import", str(rows))
    assert _rows(db) == after


def test_a_posting_imported_without_understanding_is_understood_by_an_import_with_it(
        tmp_path: Path) -> None:
    rows = _write(tmp_path / "rows.jsonl", ROWS)
    db = tmp_path / "s.sqlite3"
    _run(db, "import", str(rows), "--no-enrich")
    assert {v[1] for v in _rows(db).values()} == {None}
    _run(db, "import", str(rows))
    assert {v[1] for v in _rows(db).values()} == {version()}


def test_a_sync_understands_again_the_postings_it_lists(tmp_path: Path, board_url: str) -> None:
    config = str(tmp_path / "sources.toml")
    runner.invoke(app, ["sources", "add", "greenhouse", "--set", "boards=vaulttec",
                        "--set", f"base_url={board_url}", "--config", config],
                  catch_exceptions=False)
    db = tmp_path / "s.sqlite3"
    _run(db, "sync", "--config", config)
    first = _rows(db)
    ids = sorted(first)
    _misread_by(db, ids[:2], OLD)
    said = " ".join(_run(db, "sync", "--config", config).split())
    assert "older version" not in said
    again = _rows(db)
    assert {pid: v[:2] for pid, v in again.items()} == {pid: v[:2] for pid, v in first.items()}
    assert [again[pid][3] for pid in ids] == [first[pid][3] for pid in ids]


def test_the_store_takes_a_newer_understanding_of_an_unchanged_posting(tmp_path: Path) -> None:
    posting = normalize(RawPosting(source="board", source_id="x", title="ML Engineer",
                                   company="Acme", description_text="Train models in PyTorch."))
    older = posting.model_copy(update={"enrichment": Enrichment(version=OLD,
                                                                archetype="not-ml")})
    newer = posting.model_copy(update={"enrichment": Enrichment(
        version=version(), archetype="applied-ml-engineer")})
    with SQLiteStore(tmp_path / "s.sqlite3") as store:
        store.upsert([older], now=NOW, touch=False)
        rev = store.max_rev()
        # (an import of an older version's understanding does not replace a newer one's)
        again = store.upsert([newer], now=NOW, touch=False)
        assert (again.new, again.updated, again.unchanged, again.understood_again,
                again.ids) == (0, 0, 1, 1, [])
        stored = store.get(posting.id)
        assert isinstance(stored, Posting) and stored.enrichment == newer.enrichment
        assert store.max_rev() == rev + 1
        assert [c.kind for c in store.changes(posting.id)] == ["created"]
        back = store.upsert([older], now=NOW, touch=False)
        assert back.understood_again == 0
        assert store.get(posting.id).enrichment == newer.enrichment  # type: ignore[union-attr]


_DESC = "You will own the services that route parcels across the country and talk to carriers. "
SPLIT_POST = {"id": 102, "source": "who_is_hiring", "time": 1767300100, "text": (
    "Parcelo | Backend Engineer, Machine Learning Engineer | REMOTE (US) Full-Time"
    "<p>Parcelo builds routing software for parcel carriers.<p>Backend Engineer<p>"
    + _DESC * 2 + "<p>Machine Learning Engineer<p>"
    + "You will train arrival-time models in PyTorch and ship them. " * 4
    + "<p>Apply: jobs@parcelo.example with your GitHub.")}


def test_the_roles_of_a_split_post_are_understood_again(tmp_path: Path) -> None:
    rows = _write(tmp_path / "rows.jsonl", [SPLIT_POST])
    db = tmp_path / "s.sqlite3"
    _run(db, "import", str(rows))
    first = _rows(db)
    roles = sorted(first)
    assert roles == ["hackernews:102/r1", "hackernews:102/r2"]
    _misread_by(db, roles, OLD)
    _run(db, "import", str(rows))
    again = _rows(db)
    assert {pid: v[:2] for pid, v in again.items()} == {pid: v[:2] for pid, v in first.items()}
