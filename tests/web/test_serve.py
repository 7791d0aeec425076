"""``mljobs serve``: binds 127.0.0.1, prints its URL, serves the store; clear errors."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from mljobs.cli import app

from .conftest import reserved_port

READY = 60  # seconds a request to a just-started server may wait (queued) for an answer


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MLJOBS_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")  # where platformdirs puts the demo store
    return env


@contextmanager
def serving(db: Path, port: int, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """``mljobs serve --db DB --port PORT`` as a real process, stopped on the way out."""
    cmd = [sys.executable, "-c", "from mljobs.cli import main; main()",
           "serve", "--db", str(db), "--port", str(port)]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env=_env(tmp_path)) as proc:
        try:
            yield proc
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def test_serve_prints_the_url_and_serves(web_db: Path, tmp_path: Path) -> None:
    with reserved_port() as port, serving(web_db, port, tmp_path) as proc:
        url = served_url(proc)
        assert int(url.rsplit(":", 1)[1].strip("/")) == port
        response = httpx.get(url + "api/stats", timeout=READY)
    assert response.status_code == 200 and response.json()["postings"] > 1700
    assert "server" not in response.headers


def test_serve_counts_one_posting_as_one(tmp_path: Path) -> None:
    """A store of one posting was "mljobs is serving 1 postings at"."""
    rows = tmp_path / "one.jsonl"
    rows.write_text('{"id": "r1", "title": "ML engineer", "description": "Train models."}\n')
    db = tmp_path / "one.sqlite3"
    made = CliRunner().invoke(app, ["--db", str(db), "import", "--no-enrich", str(rows)])
    assert made.exit_code == 0, made.output
    with serving(db, 0, tmp_path) as proc:
        assert proc.stdout is not None
        first = proc.stdout.readline()
    assert "mljobs is serving 1 posting at" in first, first


def served_url(proc: subprocess.Popen[str]) -> str:
    """The URL ``serve`` printed (its second line), after checking its first says "serving".

    ``serve`` listens before it prints, so a request to the URL is queued, not refused,
    while the server finishes starting: no polling needed."""
    assert proc.stdout is not None
    lines = [proc.stdout.readline() for _ in range(2)]
    url = re.search(r"http://127\.0\.0\.1:(\d+)/", lines[1])
    assert "serving" in lines[0] and url is not None, lines
    return url.group(0)


def test_serve_demo_without_a_demo_store_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "empty"))
    result = CliRunner().invoke(app, ["serve", "--demo"])
    assert result.exit_code == 1
    assert "mljobs demo" in result.output and "ConfigError" in result.output


def test_serve_refuses_demo_and_db_together(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--demo", "--db", str(tmp_path / "x.sqlite3")])
    assert result.exit_code == 1
    assert "--demo and --db" in result.output


def test_serve_is_documented() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "--demo"):
        assert option in result.output


def test_serve_on_port_0_prints_the_port_it_got(web_db: Path, tmp_path: Path) -> None:
    with serving(web_db, 0, tmp_path) as proc:
        url = served_url(proc)
        assert not url.endswith(":0/"), url  # printed ":0" before
        response = httpx.get(url + "api/stats", timeout=READY)
        assert response.status_code == 200


def test_serve_on_a_port_in_use_says_so_before_serving(web_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"port {port} on 127.0.0.1 is already in use" in result.output
    assert "--port" in result.output and "serving" not in result.output
    assert _open_in_this_process(web_db) == [], "serve left the store it opened open"


def _open_in_this_process(path: Path) -> list[str]:
    """This process's open files at ``path`` (Linux: /proc/self/fd)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            if fd.readlink() == path.resolve():
                found.append(fd.name)
        except OSError:  # the directory's own descriptor, gone by now
            continue
    return found


def test_serve_on_a_host_that_is_not_this_machine_says_so(web_db: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(web_db), "--host", "999.1.1.1"])
    assert result.exit_code == 1, result.output
    assert "--host '999.1.1.1'" in result.output and "127.0.0.1" in result.output
    assert "serving" not in result.output


def test_serve_names_its_store_and_says_when_demo_passes_over_mljobs_db(
        web_db: Path, tmp_path: Path) -> None:
    demo = tmp_path / "data" / "mljobs" / "demo.sqlite3"  # default_demo_db_path under XDG_DATA_HOME
    demo.parent.mkdir(parents=True)
    shutil.copy(web_db, demo)
    own = tmp_path / "mine.sqlite3"
    cmd = [sys.executable, "-c", "from mljobs.cli import main; main()",
           "serve", "--demo", "--port", "0"]
    env = {**_env(tmp_path), "MLJOBS_DB": str(own)}
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env=env) as proc:
        try:
            assert proc.stdout is not None
            # read the five lines printed before serving with readline alone: communicate()
            # reads the pipe itself and would miss what readline has already buffered
            out = "".join(proc.stdout.readline() for _ in range(5))
            url = re.search(r"http://127\.0\.0\.1:\d+/", out)
            assert url is not None, out
            httpx.get(url.group(0) + "api/stats", timeout=READY)  # it serves
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    text = " ".join(out.split())
    assert f"store: {demo}" in text, out
    assert f"the global --db / MLJOBS_DB {own} is not used" in text, out


def test_the_socket_serve_prints_is_listening_before_it_says_serving() -> None:
    """A client that connects as soon as the URL is printed is queued, not refused (the
    socket was only bound until uvicorn had started, so such a client got "connection
    refused" on a loaded machine)."""
    from mljobs.cli.web_cmds import listen

    with listen("127.0.0.1", 0) as sock, socket.create_connection(sock.getsockname()[:2],
                                                                 timeout=5):
        pass


@pytest.mark.parametrize(("stop", "code", "how"), [(signal.SIGTERM, 143, "SIGTERM"),
                                                   (signal.SIGINT, 130, "Ctrl-C")])
def test_serve_stopped_by_a_signal_says_so(web_db: Path, tmp_path: Path, stop: signal.Signals,
                                           code: int, how: str) -> None:
    """SIGTERM (a service stopped, `kill`) ended `serve` by its default action (rc -15) with
    no word; Ctrl-C said nothing either. Both now stop it as uvicorn does (the requests under
    way answered, the store closed), say so on stderr and exit 128 + the signal."""
    cmd = [sys.executable, "-c", "from mljobs.cli import main; main()",
           "serve", "--db", str(web_db), "--port", "0"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env={**_env(tmp_path), "COLUMNS": "200"}) as proc:
        url = served_url(proc)
        assert httpx.get(url + "api/stats", timeout=READY).status_code == 200
        proc.send_signal(stop)
        _out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert (f"Stopped ({how}): {url} no longer answers; the requests under way were answered "
            "first. serve only reads the store: nothing to finish.") in " ".join(err.split())
    assert "Traceback" not in err
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=5)


def test_serve_answers_this_machine_by_any_of_its_names_and_no_other(
        web_db: Path, tmp_path: Path) -> None:
    """On a real ``serve`` (loopback, its default): a request naming no host (HTTP/1.0, as a
    script sends it; a browser always names the site it loads) was refused, "a request for
    ''"; ``localhost.`` too. A name of another site is refused, and one that is no URL's
    (``[::1``, which uvicorn hands on as it came) is too, where it was a 500."""
    with reserved_port() as port, serving(web_db, port, tmp_path) as proc:
        url = served_url(proc)
        for host, status in ((f"localhost.:{port}", 200), (f"localhost:{port}", 200),
                             (f"evil.example:{port}", 403), ("[::1", 403)):
            answer = httpx.get(url + "api/stats", headers={"Host": host}, timeout=READY)
            assert answer.status_code == status, (host, answer.text)
        with socket.create_connection(("127.0.0.1", port), timeout=READY) as conn:
            conn.sendall(b"GET /api/stats HTTP/1.0\r\n\r\n")
            said = b""
            while chunk := conn.recv(65536):
                said += chunk
    head, _, body = said.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), said[:300]
    assert b'"ok":true' in body


def test_serve_answers_this_machine_by_its_own_name(web_db: Path, tmp_path: Path) -> None:
    """A person who opens http://vm:8000/ (the machine's name, which its /etc/hosts gives
    127.0.0.1) is answered, as by localhost; a name of another site, or a Host header that
    names no address, is refused with a 403 that says by which names to open it (the first
    was refused as "a page of another site", the last ended in a 500 and a traceback)."""
    own = socket.gethostname()
    with serving(web_db, 0, tmp_path) as proc:
        url = served_url(proc)
        port = url.rsplit(":", 1)[1].strip("/")
        browser = {"Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate",
                   "Sec-Fetch-Dest": "document", "Accept": "text/html"}
        page = httpx.get(url, headers={**browser, "Host": f"{own}:{port}"}, timeout=READY)
        assert page.status_code == 200, page.text
        form = httpx.post(url + "match", headers={
            "Host": f"{own.upper()}:{port}", "Origin": "null", "Sec-Fetch-Site": "same-origin"},
            files={"resume": ("cv.md", b"ML engineer, 5 years of PyTorch and Kubernetes.")},
            timeout=READY)
        assert form.status_code == 303, form.text
        for host in (f"evil.example:{port}", f"{own}.evil.example:{port}", "[::1", "[zz]:80"):
            refused = httpx.get(url + "api/stats", headers={"Host": host}, timeout=READY)
            assert refused.status_code == 403, (host, refused.text)
            said = refused.json()["error"]
            assert "this server answers this machine only, by the name localhost" in said
            assert own.lower() in said or own.lower() == "localhost", said
        hostile = httpx.post(url + "api/match", files={"resume_text": (None, "ML engineer")},
                             headers={"Origin": "http://[::1"}, timeout=READY)
        assert hostile.status_code == 403, hostile.text


def test_serve_on_a_name_of_this_machine_answers_it_and_no_other(
        web_db: Path, tmp_path: Path) -> None:
    """``serve --host 127.1`` (a name the resolver gives 127.0.0.1, as /etc/hosts gives a
    machine's name) binds this machine only, so it refuses a request that names another site,
    as the default does (it answered every Host: a site whose DNS was turned to 127.0.0.1
    could read the store), and answers the name it was given, the one its URL prints."""
    cmd = [sys.executable, "-c", "from mljobs.cli import main; main()",
           "serve", "--db", str(web_db), "--port", "0", "--host", "127.1"]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                          env=_env(tmp_path)) as proc:
        try:
            assert proc.stdout is not None
            lines = [proc.stdout.readline() for _ in range(2)]
            printed = re.search(r"http://127\.1:(\d+)/", lines[1])
            assert printed is not None, lines
            port = printed.group(1)
            url = f"http://127.0.0.1:{port}/"
            own = httpx.get(url + "api/stats", headers={"Host": f"127.1:{port}"}, timeout=READY)
            assert own.status_code == 200, own.text
            other = httpx.get(url + "api/stats", headers={"Host": f"evil.example:{port}"},
                              timeout=READY)
            assert other.status_code == 403, other.text
            assert "by the name localhost" in other.json()["error"]
            assert "127.1" in other.json()["error"]
        finally:
            proc.terminate()
            proc.wait(timeout=10)
