"""``mljobs serve --host 0.0.0.0`` printed only its URL: nothing said that every page, the
JSON API and /match (whose "save" keeps a resume beside the store) now answer any machine
that reaches the port, with no login. The note is read from the address the socket bound
(the test binds nothing but loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mljobs.cli.web_cmds import exposure_note, listen


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "192.168.1.20", "fe80::1%eth0"])
def test_an_address_other_machines_reach_gets_the_note(tmp_path: Path, address: str) -> None:
    note = exposure_note(address, 8000, str(tmp_path / "jobs.sqlite3"))
    assert note is not None
    assert note.startswith(f"note: {address} port 8000 answers other machines, with no login")
    assert str(tmp_path / "resumes") in note and "--host 127.0.0.1" in note


def test_the_loopback_the_default_binds_gets_none(tmp_path: Path) -> None:
    sock = listen("127.0.0.1", 0)
    try:
        address, port = sock.getsockname()[:2]
        assert exposure_note(address, port, str(tmp_path / "s.sqlite3")) is None
    finally:
        sock.close()
    assert exposure_note("::1", 8000, "s.sqlite3") is None


def test_serve_on_every_interface_prints_urls_to_open() -> None:
    """``serve --host 0.0.0.0`` printed ``http://0.0.0.0:8000/``: no other machine reaches
    that address, and not every browser opens it on this one. It prints this machine's URL,
    and the machine's name for the others."""
    import socket

    from mljobs.cli.web_cmds import served_urls

    own = socket.gethostname().lower().removesuffix(".")
    elsewhere = "(or this machine's address on their network)"
    assert served_urls("0.0.0.0", 8000) == ("http://127.0.0.1:8000/",
                                             f"http://{own}:8000/ {elsewhere}")
    assert served_urls("::", 8001) == ("http://[::1]:8001/", f"http://{own}:8001/ {elsewhere}")
    assert served_urls("127.0.0.1", 8000) == ("http://127.0.0.1:8000/", None)
    assert served_urls("192.168.1.20", 80) == ("http://192.168.1.20:80/", None)
    assert served_urls("fe80::1", 80) == ("http://[fe80::1]:80/", None)


def test_a_machine_with_no_name_for_others_prints_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose system name is ``localhost`` (some containers and fresh images), or
    none, printed "other machines: http://localhost:8000/" (each machine's own) or
    "http://:8000/"; and a system that cannot say its name (``gethostname`` raising) made
    ``serve`` fail. Other machines are told to use this machine's address, and the server
    answers as before."""
    import socket

    from mljobs.cli.web_cmds import served_urls
    from mljobs.web.app import OwnPages

    for name in ("localhost", "LOCALHOST.", "127.0.0.1", ""):
        monkeypatch.setattr(socket, "gethostname", lambda name=name: name)
        assert served_urls("0.0.0.0", 8000) == (
            "http://127.0.0.1:8000/", "this machine's address on their network, port 8000")

    def no_name() -> str:
        raise OSError("no host name")

    monkeypatch.setattr(socket, "gethostname", no_name)
    assert served_urls("::", 8000)[1] == "this machine's address on their network, port 8000"
    pages = OwnPages(lambda scope, receive, send: None, local=True)  # type: ignore[arg-type, return-value]
    assert pages.this_machine("localhost:8000") and not pages.this_machine("vm:8000")
