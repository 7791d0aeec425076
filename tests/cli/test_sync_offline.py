"""A newcomer without a network runs `mljobs sync`: each unit failed with "network error:
[Errno -2] Name or service not known (URL); gave up after 4 attempts; try again later", a line
a unit (10 and "... and 25 more" for Hacker News since 2024-01), and nothing said that no
request had reached any server. A last line now says so and what to check."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app

from ..sources.replay_server import ReplayServer, fixture

runner = CliRunner()
SAID = ("No source was reached: every request ended in a network error (no answer, or the "
        "server's name could not be looked up). Check that this machine is online, then run "
        "mljobs sync again; the store keeps what it held.")


def _closed_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _config(tmp_path: Path, *boards: tuple[str, str]) -> str:
    config = tmp_path / "sources.toml"
    config.write_text("[http]\nretries = 0\n\n" + "".join(
        f'[[sources]]\nname = "{name}"\ntype = "greenhouse"\nboards = ["vaulttec"]\n'
        f'base_url = "{url}"\n\n' for name, url in boards))
    return str(config)


def test_a_sync_that_reached_no_server_says_so(tmp_path: Path) -> None:
    nowhere = f"http://127.0.0.1:{_closed_port()}"
    config = _config(tmp_path, ("a", nowhere), ("b", nowhere))
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config", config,
                              "--no-enrich"], env={"COLUMNS": "200"})
    flat = " ".join(res.output.split())
    assert res.exit_code == 1, res.output
    assert "a: [vaulttec] greenhouse: network error:" in flat and "b: [vaulttec] greenhouse: network error:" in flat
    assert flat.endswith(SAID), flat


def test_a_sync_that_reached_one_server_does_not_say_it(tmp_path: Path) -> None:
    nowhere = f"http://127.0.0.1:{_closed_port()}"
    with ReplayServer({"/v1/boards/vaulttec/jobs": fixture("greenhouse/vaulttec.json")}) as srv:
        config = _config(tmp_path, ("a", nowhere), ("b", srv.url))
        res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                  config, "--no-enrich"], env={"COLUMNS": "200"})
    assert res.exit_code == 1, res.output
    assert "greenhouse: network error:" in " ".join(res.output.split()), res.output
    assert "No source was reached" not in res.output


def test_with_json_the_report_alone_holds_the_network_errors(tmp_path: Path) -> None:
    nowhere = f"http://127.0.0.1:{_closed_port()}"
    config = _config(tmp_path, ("a", nowhere))
    res = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config", config,
                              "--no-enrich", "--json"])
    assert res.exit_code == 1, res.output
    report = json.loads(res.stdout)
    assert report["ok"] is False and sorted(report) == ["index_left", "links", "ok", "sources",
                                                         "understood_by_older"]
    [a] = report["sources"]
    assert a["errors"] and all("network error: " in e for e in a["errors"]), a["errors"]
    assert "No source was reached" not in res.output
