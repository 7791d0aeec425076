"""After linking one duplicate, import said "linked 1 postings as duplicates of others (the
store holds 1 groups of the same job)"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

runner = CliRunner()


def test_one_linked_posting_is_said_in_the_singular(tmp_path: Path) -> None:
    rows = tmp_path / "jobs.csv"
    rows.write_text("title,company,description\nML Engineer,Acme,Train PyTorch models for "
                    "search ranking and ship them to production.\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    first = runner.invoke(app, ["--db", db, "import", "--no-enrich", "--source", "board-a",
                                str(rows)], env={"COLUMNS": "200"})
    assert first.exit_code == 0 and "linked" not in first.output, first.output
    second = runner.invoke(app, ["--db", db, "import", "--no-enrich", "--source", "board-b",
                                 str(rows)], env={"COLUMNS": "200"})
    assert second.exit_code == 0, second.output
    assert ("linked 1 posting as a duplicate of another (the store holds 1 group of the "
            "same job)") in " ".join(second.output.split())


def test_a_posting_that_stops_being_a_duplicate_is_not_counted_as_linked(
        tmp_path: Path) -> None:
    """A re-import whose row became another job's unlinked it from its group, and the summary
    said "linked 1 posting as a duplicate of another (the store holds 0 groups ...)". It now
    says it unlinked it; a pair is one link either way, and a group that keeps two postings
    when its shown posting leaves it unlinks one."""
    said, job, other = _importer(tmp_path)

    assert said("board-a", job) == ""
    assert said("board-b", job) == ("linked 1 posting as a duplicate of another (the store "
                                    "holds 1 group of the same job)")
    assert said("board-b", other) == ("unlinked 1 posting, no longer the same job as another "
                                      "(the store holds 0 groups of the same job)")
    assert said("board-b", job) == ("linked 1 posting as a duplicate of another (the store "
                                    "holds 1 group of the same job)")
    assert said("board-c", job) == ("linked 1 posting as a duplicate of another (the store "
                                    "holds 1 group of the same job)")
    assert said("board-a", other) == ("unlinked 1 posting, no longer the same job as another "
                                      "(the store holds 1 group of the same job)")
    assert said("board-a", other) == ""  # (imported again unchanged: nothing linked)


def test_a_posting_that_moves_to_another_group_is_linked_and_unlinked(tmp_path: Path) -> None:
    """board-b:7 was the same job as board-a:7; re-imported as the job board-c:7 and
    board-d:7 share, it left the one group and joined the other. The summary said only
    "unlinked 1 posting" (it was counted by the postings no group had held before: none).
    A link made and one broken, as the store's groups say it (2 before, 1 after)."""
    said, job, other = _importer(tmp_path)

    for source, rows in (("board-a", job), ("board-b", job), ("board-c", other),
                         ("board-d", other)):
        said(source, rows)
    assert said("board-b", other) == (
        "linked 1 posting as a duplicate of another; unlinked 1 posting, no longer the same "
        "job as another (the store holds 1 group of the same job)")
    assert said("board-b", job) == (  # (and back: a pair made again, one member left)
        "linked 1 posting as a duplicate of another; unlinked 1 posting, no longer the same "
        "job as another (the store holds 2 groups of the same job)")


def _importer(tmp_path: Path) -> tuple[Callable[[str, Path], str], Path, Path]:
    """``said(source, rows)``: what an import of ``rows`` as ``source`` into one store says
    of links; and two files of one row, id 7: a job, and another job."""
    job, other = tmp_path / "job.csv", tmp_path / "other.csv"
    job.write_text("id,title,company,description\n7,ML Engineer,Acme,Train PyTorch models for "
                   "search ranking and ship them to production.\n", encoding="utf-8")
    other.write_text("id,title,company,description\n7,Office Manager,Acme,Run the front desk "
                     "and order supplies for the Berlin office every week.\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")

    def said(source: str, rows: Path) -> str:
        done = runner.invoke(app, ["--db", db, "import", "--no-enrich", "--source", source,
                                   str(rows)], env={"COLUMNS": "200"})
        assert done.exit_code == 0, done.output
        return " ".join(ln for ln in done.output.splitlines() if "linked" in ln)

    return said, job, other
