"""Import: formats, per-row errors with file/line/field, --strict, idempotency, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from mljobs.errors import InputError
from mljobs.importer import import_file
from mljobs.store import SQLiteStore

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_hn_items_import_with_links_back(store: SQLiteStore, hn_sample: Path, now) -> None:
    report = import_file(store, hn_sample, now=now)
    assert (report.rows, report.new, report.failed) == (43, 43, 0)
    for _, posting in store.iter_postings():
        assert posting.url == f"https://news.ycombinator.com/item?id={posting.source_id}"
        assert posting.source == "hackernews"
        assert posting.raw_ref and store.get_document(posting.raw_ref) is not None


def test_corpus_twice_is_idempotent(store: SQLiteStore, corpus: Path, now) -> None:
    first = import_file(store, corpus, now=now)
    # 10 HN rows are job seekers' comments: no postings (5 in the "Who wants to be hired?"
    # template; a "SEEKING WORK | ..." header, a "SEEKING | AI/ML Engineer | ..." one, an
    # applicant's letter, two "I'm looking for ..." comments with no company or role header),
    # and 2 say they are no job post ("SEEKING PARTNER | ...\n\nNot a job. ..."): no postings
    # either
    assert (first.rows, first.new, first.seekers, first.not_posts, first.failed) == (2749, 2737, 10, 2, 0)
    dump = list(store.conn.iterdump())
    second = import_file(store, corpus, now=now)
    assert (second.new, second.updated, second.unchanged, second.seekers, second.not_posts) == (
        0, 0, 2737, 10, 2)
    assert store.count() == 2737
    assert list(store.conn.iterdump()) == dump


def test_glassdoor_estimate_is_not_a_stated_salary(store: SQLiteStore, corpus: Path, now) -> None:
    import_file(store, corpus, now=now)
    posting = store.get("glassdoor-2020:00252e96e276")
    assert posting is not None and posting.salary is not None
    assert (posting.salary.min, posting.salary.max, posting.salary.stated) == (56000, 97000, False)


def test_jobspy_csv(store: SQLiteStore, now) -> None:
    report = import_file(store, FIXTURES / "jobspy-sample.csv", now=now)
    assert (report.new, report.failed) == (3, 0)
    sources = {p.source for _, p in store.iter_postings()}
    assert sources == {"indeed", "linkedin", "glassdoor"}
    first = store.get("indeed:in-46466124")
    assert first is not None and first.salary is not None and first.salary.min == 150000
    assert store.get("linkedin:" + first.source_id.replace("46466124", "")) is None


def broken_file(tmp_path: Path) -> Path:
    good = json.dumps({"title": "ML Engineer", "company": "A", "description": "x", "id": "1"})
    lines = [
        good,
        "{not json",
        json.dumps({"company": "no title", "id": "2"}),
        json.dumps({"title": "Bad date", "posted_at": "last tuesday", "id": "3"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "Salary", "salary_min": "lots", "id": "4"}),
        json.dumps({"title": "Data Scientist", "id": "5", "description": "y"}),
    ]
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_bad_rows_are_named_and_good_rows_land(store: SQLiteStore, tmp_path: Path, now) -> None:
    path = broken_file(tmp_path)
    report = import_file(store, path, now=now)
    assert report.new == 2
    where = [(e.line, e.field) for e in report.errors]
    assert where == [(2, None), (3, "title"), (4, "posted_at"), (5, None), (6, "salary_min")]
    assert all(str(path) in str(e) for e in report.errors)


def test_strict_rejects_the_whole_file(store: SQLiteStore, tmp_path: Path, now) -> None:
    report = import_file(store, broken_file(tmp_path), now=now, strict=True)
    assert report.rejected and store.count() == 0


@pytest.mark.parametrize("name,content,message", [
    ("empty.jsonl", "", "no rows"),
    ("x.txt", "hello", "unknown file type"),
    ("bad.json", "{", "not valid JSON"),
    ("bad.csv", "", "empty CSV"),
])
def test_unusable_files_are_clear_errors(store, tmp_path, now, name, content, message) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        import_file(store, path, now=now)
    with pytest.raises(InputError, match="no such file"):
        import_file(store, tmp_path / "missing.jsonl", now=now)


def _many_rows(hn_sample: Path, copies: int) -> list[str]:
    items = [json.loads(line) for line in hn_sample.read_text().splitlines()]
    return [json.dumps({**item, "id": item["id"] * 1000 + c}) + "\n"
            for c in range(copies) for item in items]


def _writer_end(fifo: Path, proc: subprocess.Popen[bytes]) -> int:
    """The FIFO's write end, once the process has opened its read end."""
    deadline = time.monotonic() + 120
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until a reader opens
        except OSError:
            assert time.monotonic() < deadline and proc.poll() is None, "import never read"
            time.sleep(0.05)
            continue
        os.set_blocking(fd, True)
        return fd


def test_killed_import_leaves_a_consistent_store_that_a_rerun_completes(
    tmp_path: Path, hn_sample: Path
) -> None:
    rows = _many_rows(hn_sample, 120)  # 5,160 rows
    total = len(rows)
    # the rows come through a FIFO and the test sends only half before the kill, so the
    # import cannot finish first (it could while a loaded host slowed the test's polling)
    data = tmp_path / "many.rows"
    os.mkfifo(data)
    db = tmp_path / "kill.sqlite3"
    cmd = [sys.executable, "-m", "mljobs", "--db", str(db), "import", "--no-enrich",
           "--format", "jsonl", str(data)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    feed = None
    try:
        feed = os.fdopen(_writer_end(data, proc), "w")
        feed.writelines(rows[: total // 2])
        feed.flush()
        seen = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=1) as conn:
                        seen = conn.execute("SELECT COUNT(*) FROM postings").fetchone()[0]
                except sqlite3.OperationalError:
                    seen = 0
                if seen >= 1000:
                    break
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)  # before the feed closes: no end of input is seen
        proc.wait()
        if feed is not None:
            feed.close()
    data.unlink()
    data.write_text("".join(rows))  # the rerun reads every row from a plain file
    with SQLiteStore(db) as killed:
        assert killed.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = killed.count()
        # mid-import (no further than the rows sent), in whole batches only
        assert 1000 <= partial <= total // 2 and partial % 500 == 0, partial
        orphans = killed.conn.execute(
            "SELECT COUNT(*) FROM postings p LEFT JOIN raw_documents r ON r.sha256 = p.raw_ref "
            "WHERE r.sha256 IS NULL").fetchone()[0]
        assert orphans == 0
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with SQLiteStore(db) as done:
        assert done.count() == total
        assert done.conn.execute("SELECT COUNT(*) FROM posting_changes WHERE kind='created'"
                                 ).fetchone()[0] == total


def test_read_objects_reads_gzip_and_names_the_first_bad_line(tmp_path: Path) -> None:
    import gzip

    from mljobs.errors import RowError
    from mljobs.sources.files import read_objects

    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(b'{"id": "a"}\n\n{"id": "b"}\n'))
    assert read_objects(good) == [{"id": "a"}, {"id": "b"}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a"}\n[1]\n{oops\n')
    with pytest.raises(RowError) as info:
        read_objects(bad)
    assert (info.value.line, info.value.field) == (2, None)


def test_a_posting_dated_after_today_is_a_bad_row_naming_the_date(
        store: SQLiteStore, tmp_path: Path, now) -> None:
    # (9999-12-31 was stored and sorted first by date, "new" in every posted-within, forever)
    rows = [{"id": "a", "title": "ML Engineer", "description": "PyTorch.", "posted_at": "9999-12-31"},
            {"id": "b", "title": "ML Engineer", "description": "PyTorch.",
             "posted_at": (now + timedelta(hours=20)).isoformat()},  # another time zone: fine
            {"id": "c", "title": "Data Scientist", "description": "SQL.", "posted_at": "2020-01-02"}]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    report = import_file(store, path, now=now)
    assert (report.rows, report.new, report.failed) == (3, 2, 1)
    error = str(report.errors[0])
    assert "rows.jsonl:1 field 'posted_at'" in error and "9999-12-31 is after today" in error
    assert store.count() == 2
