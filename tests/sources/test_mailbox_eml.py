"""The mailbox source reads saved messages (``.eml``) and folders of them, through ``mljobs sync``.

Before: an ``.eml`` file was opened as an mbox, found to hold no ``From `` line and synced
0 documents without a word; a folder of ``.eml`` files was opened as a Maildir and failed with
"unexpected FileNotFoundError: .../cur". A message in an odd charset (ISO-8859-1 quoted-
printable, an unknown charset name) or with only an HTML part still gives its posting, and a
"Job alert: Data Scientist" subject the title "Data Scientist".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.store import SQLiteStore

from .replay_server import FIXTURES

runner = CliRunner()

LATIN1 = (b'From: Jobs List <jobs@lists.example.org>\nSubject: [ml-jobs] Machine Learning '
          b'Engineer at Acme Robotics\nDate: Tue, 10 Mar 2026 09:00:00 +0000\nMessage-ID: '
          b'<eml1@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; '
          b'charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\nAcme Robotics '
          b'in M=FCnchen is hiring a Machine Learning Engineer to train\nperception models '
          b'with PyTorch. Apply at https://acme.example/jobs/42 .\n')
HTML_ONLY = (b'From: Alerts <alerts@jobs.example.com>\nSubject: Job alert: Data Scientist\n'
             b'Date: Wed, 11 Mar 2026 09:00:00 +0000\nMessage-ID: <eml2@example.org>\n'
             b'MIME-Version: 1.0\nContent-Type: text/html; charset="x-unknown-charset"\n\n'
             b'<html><body><h1>Data Scientist at Contoso</h1><p>Build machine learning models '
             b'for demand forecasting. Python, SQL. <a href="https://contoso.example/jobs/7?'
             b'utm_source=alert">Apply</a></p></body></html>\n')


def _sync(tmp_path: Path, paths: list[Path]):  # type: ignore[no-untyped-def]
    config = tmp_path / "sources.toml"
    listed = ", ".join(json.dumps(str(p)) for p in paths)
    config.write_text(f'[[sources]]\nname = "mail"\ntype = "mailbox"\npaths = [{listed}]\n',
                      encoding="utf-8")
    db = tmp_path / "s.sqlite3"
    result = runner.invoke(app, ["--db", str(db), "sync", "--config", str(config),
                                 "--no-enrich", "--json"])
    return result, db


def test_eml_files_and_a_folder_of_them_are_read(tmp_path: Path) -> None:
    single = tmp_path / "acme.eml"
    single.write_bytes(LATIN1)
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "alert.EML").write_bytes(HTML_ONLY)
    (folder / "notes.txt").write_text("not a message")  # only .eml files of a folder
    mbox = tmp_path / "lists.mbox"
    shutil.copy(FIXTURES / "mailbox" / "lists.mbox", mbox)
    result, db = _sync(tmp_path, [single, folder, mbox])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)["sources"]
    assert (report["documents"], report["new"], report["failed"]) == (4, 6, 0)
    with SQLiteStore(db) as store:
        postings = [p for _, p in store.iter_postings()]
    (acme,) = [p for p in postings if p.company == "Acme Robotics"]
    assert acme.title == "Machine Learning Engineer"
    assert "München" in (acme.description_text or "")
    assert acme.url == "https://acme.example/jobs/42"
    (alert,) = [p for p in postings if p.title == "Data Scientist" and p.company is None]
    # "Job alert: " is no part of the title
    assert "demand forecasting" in (alert.description_text or "")
    assert alert.url == "https://contoso.example/jobs/7?utm_source=alert"  # its first link
    again, _ = _sync(tmp_path, [single, folder, mbox])
    (second,) = json.loads(again.stdout)["sources"]
    assert (second["new"], second["unchanged"]) == (0, 6)


def test_a_folder_without_messages_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    result, _ = _sync(tmp_path, [empty])
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)["sources"]
    assert report["failed"] == 1
    assert str(empty) in report["errors"][0]
    assert "no Maildir (no cur/ or new/) and holds no .eml files" in report["errors"][0]


def test_a_file_that_is_no_mail_is_named_not_stored(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("machine learning jobs to look at\nAcme, Northwind\n", encoding="utf-8")
    result, _ = _sync(tmp_path, [notes])
    assert result.exit_code == 1
    (report,) = json.loads(result.stdout)["sources"]
    assert (report["new"], report["failed"]) == (0, 1)
    assert report["errors"][0] == (
        f"[{notes}] mailbox: cannot parse mailbox:{notes}: not an e-mail message (no From, "
        "Subject or Date header); give mbox files, Maildirs or saved messages (.eml)")
