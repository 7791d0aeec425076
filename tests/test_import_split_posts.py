"""``import --no-enrich`` of posts the store holds split per role (one posting per role,
written by an enriched import) updates the roles and adds no second copy of the job."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import open_store

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def _search_total(db: str, text: str = "") -> int:
    res = invoke("--db", db, "search", *([text] if text else []), "--json")
    assert res.exit_code == 0, res.output
    return int(json.loads(res.output)["total"])


def _counts(output: str) -> tuple[int, int, int, int]:
    """rows, new, updated, unchanged from the import summary table's file row."""
    row = next(line for line in output.splitlines() if ".jsonl" in line)
    cells = [c.strip() for c in row.split("│") if c.strip()]
    return int(cells[1]), int(cells[2]), int(cells[3]), int(cells[4])


def _state(db: str) -> tuple[dict[str, str], dict[str, str | None]]:
    """Each posting's text and stored enrichment (JSON), by id."""
    with open_store(db) as store:
        rows = store.conn.execute(
            "SELECT id, json_extract(data, '$.description_text'), enrichment FROM postings"
        ).fetchall()
    return {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows}


def test_no_enrich_reimport_keeps_split_posts_as_roles(tmp_path: Path, hn_split_sample: Path) -> None:
    hn_sample = hn_split_sample
    db = str(tmp_path / "s.sqlite3")
    assert invoke("--db", db, "import", str(hn_sample)).exit_code == 0
    texts, enrichments = _state(db)
    roles = sorted(i for i in texts if "/r" in i)
    parents = {i.split("/r")[0] for i in roles}
    assert roles and parents and not parents & set(texts)  # the fixture has split posts
    total = _search_total(db)

    again = invoke("--db", db, "import", "--no-enrich", str(hn_sample))
    assert again.exit_code == 0, again.output
    assert _counts(again.output) == (43, 0, 0, len(texts))
    assert _state(db) == (texts, enrichments)  # nothing changed, nothing added
    assert _search_total(db) == total

    # the post's text changed at the source: its roles get the new text, keep their
    # enrichment, and the post is still not stored whole
    parent = min(parents)
    role = f"{parent}/r1"
    word = next(w for w in texts[role].split() if w.isalpha() and len(w) > 6)
    rows = [json.loads(line) for line in hn_sample.read_text().splitlines() if line.strip()]
    changed = 0
    for row in rows:
        if f"hackernews:{row['id']}" == parent:
            assert word in row["text"]
            row["text"] = row["text"].replace(word, "Zanzibarian", 1)
            changed += 1
    assert changed == 1
    edited = tmp_path / "hn-edited.jsonl"
    edited.write_text("".join(json.dumps(r) + "\n" for r in rows))
    res = invoke("--db", db, "import", "--no-enrich", str(edited))
    assert res.exit_code == 0, res.output
    rows_, new, updated, _ = _counts(res.output)
    assert (rows_, new) == (43, 0) and updated >= 1
    new_texts, new_enrichments = _state(db)
    assert set(new_texts) == set(texts)
    assert "Zanzibarian" in new_texts[role] and "Zanzibarian" not in texts[role]
    assert new_enrichments == enrichments
    assert _search_total(db) == total
    assert _search_total(db, "zanzibarian") >= 1
