"""``mljobs import folder/`` read the folder's .jsonl/.json/.csv/.html files and passed over
the rest without a word: a folder of exports with a .pdf and a .docx among them imported
what it could and never said that three files were not read. It now notes them by type."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_folder_import_names_the_types_it_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "rows.jsonl").write_text(
        '{"id": "a", "title": "ML Engineer", "description": "PyTorch"}\n', encoding="utf-8")
    for name in ("offer.pdf", "notes.docx", "scan.PDF", ".DS_Store"):
        (folder / name).write_bytes(b"%PDF-1.4\n")
    (folder / "sub").mkdir()  # (a subfolder is no file skipped)
    db = str(tmp_path / "s.sqlite3")
    res = runner.invoke(app, ["--db", db, "import", "--no-enrich", str(folder)])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert f"note {folder}: skipped 3 files: .docx, .pdf (import reads .jsonl" in out, out
    shown = runner.invoke(app, ["--db", db, "show", "file:a"])
    assert shown.exit_code == 0 and "ML Engineer" in shown.output


def test_a_folder_of_readable_files_only_has_no_note(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "rows.jsonl").write_text(
        '{"id": "a", "title": "ML Engineer", "description": "PyTorch"}\n', encoding="utf-8")
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "import", "--no-enrich",
                              str(folder)])
    assert res.exit_code == 0, res.output
    assert "skipped" not in res.output
