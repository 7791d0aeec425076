"""``mljobs enrich --input F --output OUT`` writes OUT whole or not at all. It emptied OUT as
it began: a rerun given the wrong input (every line bad: an HN dump, a CSV) or stopped with
Ctrl-C lost the file an earlier run wrote, and left an empty or half-written one."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mljobs.cli import app

from .test_bad_store_files import _read_only

runner = CliRunner()

# ``python -c`` code that runs the CLI and raises SIGINT in its main thread as the first
# batch of lines is understood (after the output is opened, before it is done)
SIGINT_AT_FIRST_BATCH = """
import signal, sys
import mljobs.cli.enrich_cmds as enrich_cmds
def profile(frame, event, arg):
    if event == "call" and frame.f_code is enrich_cmds._enrich_lines.__code__:
        sys.setprofile(None)
        signal.raise_signal(signal.SIGINT)
sys.setprofile(profile)
from mljobs.cli import main
main()
"""
# ``python -c`` code that runs the CLI and, as the pool of ``--workers`` has forked its
# workers (they are loading the model), sends SIGINT to the whole process group, as Ctrl-C
# in a terminal does
SIGINT_TO_THE_GROUP_AS_WORKERS_START = """
import os, signal
from concurrent.futures import ProcessPoolExecutor
first = ProcessPoolExecutor.map
def map_then_ctrl_c(self, *args, **kwargs):
    ProcessPoolExecutor.map = first
    done = first(self, *args, **kwargs)
    os.killpg(os.getpgid(0), signal.SIGINT)
    return done
ProcessPoolExecutor.map = map_then_ctrl_c
from mljobs.cli import main
main()
"""
EARLIER = '{"id": "p0", "archetype": "research-engineer"}\n'  # what an earlier run wrote


def _rows(path: Path, n: int = 2) -> Path:
    path.write_text("".join(json.dumps({
        "id": f"p{i}", "title": "Machine Learning Engineer",
        "text": "We train PyTorch models and ship them with Kubernetes."}) + "\n"
        for i in range(n)), encoding="utf-8")
    return path


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_an_input_with_no_posting_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    wrong = tmp_path / "jobs.csv"
    wrong.write_text("title,company\nML Engineer,Acme\n", encoding="utf-8")
    out = tmp_path / "enriched.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    res = runner.invoke(app, ["enrich", "--input", str(wrong), "--output", str(out)])
    assert res.exit_code == 1
    assert out.read_text(encoding="utf-8") == EARLIER  # was emptied
    flat = " ".join(res.output.split())
    assert f"--output {out} is left as it was." in flat
    # a new path is not made (it was made empty)
    new = tmp_path / "new.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(wrong), "--output", str(new)])
    assert res.exit_code == 1 and not new.exists()
    assert f"--output {new} was not made." in " ".join(res.output.split())
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("content", ["", "\n  \n"])
def test_an_empty_input_leaves_the_output_as_it_was_and_says_so(tmp_path: Path,
                                                                 content: str) -> None:
    """An empty (or blank) --input wrote an empty --output over the one an earlier run made,
    said "enriched 0 postings, 0 bad lines" and exited 0."""
    empty = tmp_path / "postings.jsonl"
    empty.write_text(content, encoding="utf-8")
    out = tmp_path / "enriched.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    res = runner.invoke(app, ["enrich", "--input", str(empty), "--output", str(out)])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit), res.exception
    assert out.read_text(encoding="utf-8") == EARLIER
    flat = " ".join(res.output.split())
    assert f"InputError: {empty}: no line to enrich, the file is empty (or blank); --output " \
        f"{out} is left as it was." in flat
    new = tmp_path / "new.jsonl"
    res = runner.invoke(app, ["enrich", "--input", str(empty), "--output", str(new)])
    assert res.exit_code == 1 and not new.exists()
    assert f"--output {new} was not made." in " ".join(res.output.split())
    assert _leftovers(tmp_path) == []


def test_a_run_that_ends_replaces_the_output_keeping_its_mode_and_link(
    tmp_path: Path
) -> None:
    rows = _rows(tmp_path / "rows.jsonl")
    out = tmp_path / "enriched.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    out.chmod(0o640)
    link = tmp_path / "latest.jsonl"
    link.symlink_to(out.name)
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(link)])
    assert res.exit_code == 0, res.output
    assert link.is_symlink()  # written where it leads, not replaced by a file
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()
            ] == ["p0", "p1"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert "--output" not in res.output
    # some lines bad, some good: the good ones are the output, as before
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(rows.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    res = runner.invoke(app, ["enrich", "--input", str(mixed), "--output", str(out)])
    assert res.exit_code == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert _leftovers(tmp_path) == []


def test_an_output_in_a_folder_that_cannot_be_written_is_written_as_before(
    tmp_path: Path
) -> None:
    # (no file can be made beside it: the output itself is written, as before)
    rows = _rows(tmp_path / "rows.jsonl")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "enriched.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    with _read_only(folder):
        res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()
            ] == ["p0", "p1"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_written_as_it_is(tmp_path: Path) -> None:
    # (as /dev/stdout or /dev/null are: a file put in its place would break it)
    rows = _rows(tmp_path / "rows.jsonl")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    read: list[str] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_text(encoding="utf-8")))
    reader.start()
    res = runner.invoke(app, ["enrich", "--input", str(rows), "--output", str(pipe)])
    reader.join(timeout=60)
    assert res.exit_code == 0, res.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [json.loads(line)["id"] for line in read[0].splitlines()] == ["p0", "p1"]
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
def test_ctrl_c_leaves_the_output_as_it_was_and_says_so(tmp_path: Path) -> None:
    rows = _rows(tmp_path / "rows.jsonl")
    out = tmp_path / "enriched.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    stopped = subprocess.run(
        [sys.executable, "-c", SIGINT_AT_FIRST_BATCH, "enrich", "--input", str(rows),
         "--output", str(out)],
        env={**os.environ, "COLUMNS": "200"}, capture_output=True, text=True, timeout=300,
        check=False)
    assert stopped.returncode == 130, stopped.stderr
    flat = " ".join((stopped.stdout + stopped.stderr).split())
    assert "Traceback" not in flat
    assert f"Interrupted after 0 postings; --output {out} is left as it was" in flat
    assert out.read_text(encoding="utf-8") == EARLIER  # was emptied, or half written
    assert _leftovers(tmp_path) == []


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="no process groups here")
@pytest.mark.parametrize(("stop", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_ctrl_c_as_the_workers_start_ends_the_run_without_their_tracebacks(
    tmp_path: Path, stop: str, code: int
) -> None:
    # (each worker stopped as it loaded the model printed its traceback, the pool broke,
    # and the parent hung in its shutdown until killed; SIGTERM, as a service manager
    # sends it to the group, ended the run with no word of the output)
    rows = _rows(tmp_path / "rows.jsonl", n=300)
    out = tmp_path / "enriched.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", SIGINT_TO_THE_GROUP_AS_WORKERS_START.replace("SIGINT", stop),
         "enrich", "--input",
         str(rows), "--output", str(out), "--workers", "2"],
        env={**os.environ, "COLUMNS": "200"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"enrich --workers 2 hung after {stop}")
    assert proc.returncode == code, stderr
    flat = " ".join((stdout + stderr).split())
    assert "Traceback" not in flat and "KeyboardInterrupt" not in flat
    assert f"--output {out} is left as it was" in flat
    assert out.read_text(encoding="utf-8") == EARLIER
    assert _leftovers(tmp_path) == []
