"""``mljobs import`` of a named pipe (``<(zcat rows.jsonl.gz)``, a ``mkfifo`` fed by another
program) whose name ends in ``.jsonl``: the progress bar's row count read the pipe to its end
first, so the import then opened it again and waited for ever for a writer that had gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from ..sources.interrupts import count_postings


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_jsonl_is_read_once_and_imported(tmp_path: Path) -> None:
    pipe = tmp_path / "rows.jsonl"
    os.mkfifo(pipe)
    rows = "".join(json.dumps({"id": str(i), "title": f"ML Engineer {i}", "company": "Acme",
                               "description": "Train models with PyTorch."}) + "\n"
                   for i in range(3))

    def feed() -> None:
        with pipe.open("w", encoding="utf-8") as fh:  # (waits for the import to open it)
            fh.write(rows)

    threading.Thread(target=feed, daemon=True).start()
    db = tmp_path / "s.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", "from mljobs.cli import main; main()",
                             "--db", str(db), "import", str(pipe), "--no-enrich"],
                            env={**os.environ, "COLUMNS": "200"}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the import of a named pipe did not end: it opened the pipe twice")
    assert proc.returncode == 0, err
    assert count_postings(db) == 3
    assert "rows.jsonl" in out


def test_import_of_a_dash_says_it_reads_files_not_standard_input(tmp_path: Path) -> None:
    """`cat rows.jsonl | mljobs import -` said "-: no such file; check the path"."""
    db = tmp_path / "s.sqlite3"
    res = subprocess.run([sys.executable, "-c", "from mljobs.cli import main; main()",
                          "--db", str(db), "import", "-", "--no-enrich"],
                         input=json.dumps({"id": "1", "title": "ML Engineer", "company": "Acme",
                                           "description": "PyTorch."}) + "\n",
                         env={**os.environ, "COLUMNS": "200"},
                         capture_output=True, text=True, timeout=60, check=False)
    assert res.returncode == 1
    flat = " ".join(res.stderr.split())
    assert "-: import reads files, not standard input; save the rows to a file" in flat, flat
    assert "mljobs import --format jsonl <(command)" in flat and not db.exists()
