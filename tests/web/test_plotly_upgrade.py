"""An upgrade of the ``plotly`` package while a server runs: the page's script URL carries
the new version (``?v=``), and what that URL serves must be the new bundle too. Before, the
bundle and its gzip were cached without the version, so the new URL sent the old bytes
(gzipped or plain) until a restart, and a browser kept them a year under the new URL.

The upgrade is real on disk: a ``plotly`` package with its own ``.dist-info`` is put first on
``sys.path`` in ``tmp_path`` and imported in place of the installed one."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

NEW = b"/* plotly.js 99.0.0, the upgrade */ window.Plotly = {};"


def script_url(client: TestClient) -> str:
    page = BeautifulSoup(client.get("/dashboard").text, "html.parser")
    return next(s["src"] for s in page.select("script[src]") if "plotly" in s["src"])


def upgrade_plotly(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = root / "plotly"
    (package / "package_data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "package_data" / "plotly.min.js").write_bytes(NEW)
    info = root / "plotly-99.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: plotly\nVersion: 99.0.0\n")
    monkeypatch.syspath_prepend(str(root))
    for name in [m for m in sys.modules if m == "plotly" or m.startswith("plotly.")]:
        monkeypatch.delitem(sys.modules, name)
    importlib.invalidate_caches()


def test_an_upgrade_while_serving_serves_the_new_bundle_under_the_new_url(
        client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_url = script_url(client)
    old = client.get(old_url, headers={"accept-encoding": "gzip"})
    plain = client.get(old_url, headers={"accept-encoding": "identity"})
    assert old.status_code == plain.status_code == 200 and NEW not in plain.content

    upgrade_plotly(tmp_path / "site", monkeypatch)
    new_url = script_url(client)
    assert new_url != old_url and new_url.endswith("v=99.0.0")
    zipped = client.get(new_url, headers={"accept-encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["etag"] == 'W/"plotly-99.0.0"'
    assert "immutable" in zipped.headers["cache-control"]
    assert zipped.content == NEW  # (httpx un-gzips it)
    plain = client.get(new_url, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == NEW
