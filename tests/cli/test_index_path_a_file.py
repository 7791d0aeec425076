"""A file where the store's search index folder goes (``s.sqlite3.index``): ``mljobs search``
and ``reindex`` ended in a FileExistsError traceback; they now end in a StoreError naming the
path, that it is a file, and what to do, and leave the file and the store as they were."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

from ..sources.replay_server import ReplayServer, fixture

runner = CliRunner()
ROW = '{"id": "a", "source": "board", "title": "ML Engineer", "description": "PyTorch."}\n'


def test_an_index_path_that_is_a_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)])
    assert res.exit_code == 0, res.output
    index = tmp_path / "s.sqlite3.index"
    for part in index.iterdir():
        part.unlink()
    index.rmdir()
    index.write_text("not an index\n", encoding="utf-8")
    said = (f"StoreError: the search index at {index} cannot be opened: {index} is a file, "
            "not the index's folder; move or remove that file, then search again or run "
            "`mljobs reindex` (the index is built anew from the store; no posting is touched)")
    for command in (["search", "pytorch"], ["reindex"]):
        res = runner.invoke(app, ["--db", str(db), *command])
        assert res.exit_code == 1, res.output
        assert " ".join(res.output.split()) == said
        assert "Traceback" not in res.output
    assert index.read_text(encoding="utf-8") == "not an index\n"
    # the store is whole: the other engine finds the posting, and once the file is moved
    # away the index is built anew
    fts5 = runner.invoke(app, ["--db", str(db), "search", "pytorch", "--engine", "fts5"])
    assert fts5.exit_code == 0 and "board:a" in fts5.output
    index.rename(tmp_path / "moved")
    again = runner.invoke(app, ["--db", str(db), "search", "pytorch"])
    assert again.exit_code == 0 and "board:a" in again.output


def test_a_write_of_the_store_says_it_and_keeps_its_summary(tmp_path: Path) -> None:
    """``import`` and ``enrich --store`` wrote the store, then ended in the traceback (later
    the StoreError) without their summary, exit 1, as if nothing were stored; now the summary,
    then a note that every change is stored and what to do about the index."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text(ROW, encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    index = tmp_path / "s.sqlite3.index"
    index.write_text("not an index\n", encoding="utf-8")
    note = (f"note every change is stored, but the search index at {index} cannot be opened: "
            f"{index} is a file, not the index's folder; move or remove that file")
    res = runner.invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "Import summary" in said and note in said and "Traceback" not in said
    res = runner.invoke(app, ["--db", str(db), "enrich", "--store"])
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "Enriched 1 posting" in said and note in said
    assert index.read_text(encoding="utf-8") == "not an index\n"
    shown = runner.invoke(app, ["--db", str(db), "show", "board:a", "--json"])
    assert shown.exit_code == 0 and '"archetype"' in shown.output


def test_a_sync_says_it_too(tmp_path: Path) -> None:
    """``sync`` (``SyncReport.index_left``) says it as ``import`` does, beside its table."""
    index = tmp_path / "s.sqlite3.index"
    index.write_text("not an index\n", encoding="utf-8")
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                          f'boards = ["vaulttec"]\nbase_url = "{srv.url}"\n')
        res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                  str(config), "--no-enrich"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert (f"note every change is stored, but the search index at {index} cannot be "
            "opened") in said and "Traceback" not in said
    assert index.read_text(encoding="utf-8") == "not an index\n"


def test_sync_json_carries_the_index_left(tmp_path: Path) -> None:
    """``sync --json`` printed ``ok`` true and no word of the index: the note was on stderr
    alone, so a script reading the JSON could not tell that its next search would fail. Its
    ``index_left`` is the note (null when the index is up to date)."""
    import json

    index = tmp_path / "s.sqlite3.index"
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        config = tmp_path / "sources.toml"
        config.write_text(f'[[sources]]\nname = "gh"\ntype = "greenhouse"\n'
                          f'boards = ["vaulttec"]\nbase_url = "{srv.url}"\n')
        command = ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config", str(config),
                   "--no-enrich", "--json"]
        up_to_date = CliRunner().invoke(app, command)
        assert up_to_date.exit_code == 0, up_to_date.output
        assert json.loads(up_to_date.stdout)["index_left"] is None
        for part in index.iterdir():
            part.unlink()
        index.rmdir()
        index.write_text("not an index\n", encoding="utf-8")
        left = CliRunner().invoke(app, command)
    assert left.exit_code == 0, left.output
    printed = json.loads(left.stdout)
    assert printed["ok"] is True
    assert printed["index_left"].startswith(
        f"every change is stored, but the search index at {index} cannot be opened: "
        f"{index} is a file, not the index's folder; move or remove that file")
