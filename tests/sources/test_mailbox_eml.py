"""The mailbox source reads saved messages (``.eml``) and folders of them, through ``mljobs sync``.

Before: an ``.eml`` file was opened as an mbox, found to hold no ``From `` line and synced
0 documents without a word; a folder of ``.eml`` files was opened as a Maildir and failed with
"unexpected FileNotFoundError: .../cur". A message in an odd charset (ISO-8859-1 quoted-
printable, an unknown charset name) or with only an HTML part still gives its posting, and a
"Job alert: Data Scientist" subject the title "Data Scientist".
"""

from __future__ import annotations

import json
import mailbox as stdlib_mailbox
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from mljobs.cli import app
from mljobs.http import HttpClient
from mljobs.sources import make_source
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


def _mail(n: int, body: str, extra: str = "") -> str:
    return (f"From jobs@lists.example.org Tue Mar 10 09:00:00 2026\nFrom: Jobs <jobs@lists."
            f"example.org>\nSubject: Machine Learning Engineer at Acme {n}\nDate: Tue, 10 Mar "
            f"2026 09:00:00 +0000\nMessage-ID: <big{n}@example.org>\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/mixed; boundary="BB"\n\n--BB\nContent-Type: text/plain\n\n'
            f"{body}\n{extra}--BB--\n\n")


def test_a_message_over_the_cap_is_cut_with_a_warning_and_the_others_read(
        tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    """A mail of 12 MiB (an attachment) was read and parsed whole (a 50 MB one: 0.5 GB):
    it is read to 10 MiB, its posting kept, a warning names it, and the mailbox's other
    messages are read as ever. The warning is in the sync report (``warnings`` in
    ``--json``, by unit in the config's order), not only on stderr: nothing failed."""
    from mljobs.sources.mailbox import MAX_MESSAGE_BYTES

    mbox, eml, maildir = _big_mailboxes(tmp_path)
    with caplog.at_level("WARNING", logger="mljobs.sources.mailbox"):
        result, db = _sync(tmp_path, [mbox, eml, maildir])
    assert result.exit_code == 0, result.output
    with SQLiteStore(db) as store:
        urls = sorted(p.url for _, p in store.iter_postings())
        sizes = sorted(len(store.get_document(p.raw_ref).content) for _, p in store.iter_postings()
                       if p.raw_ref)
    assert urls == ["https://acme.example/jobs/1", *["https://acme.example/jobs/2"] * 3,
                    "https://acme.example/jobs/3"]
    assert max(sizes) == MAX_MESSAGE_BYTES
    report = json.loads(result.stdout)
    assert report["ok"] is True
    (source,) = report["sources"]
    assert source["failed"] == 0 and source["errors"] == []
    warned = source["warnings"]
    assert len(warned) == 3  # one per mailbox, in the order the config lists them
    named = " ('Machine Learning Engineer at Acme 2') is 12.0 MiB ("
    assert warned[0].startswith(f"[{mbox}] mailbox: message mailbox:{mbox}#1{named}")
    assert warned[1].startswith(f"[{eml}] mailbox: message mailbox:{eml}{named}")
    assert warned[2].startswith(f"[{maildir}] mailbox: message mailbox:{maildir}#")
    assert named in warned[2]
    # said once, in the report: not logged to stderr as well
    assert not [r for r in caplog.records if r.name == "mljobs.sources.mailbox"]
    assert all("only its first 10 MiB were read" in w
               and "save the text as a .eml file of its own" in w for w in warned)


def _big_mailboxes(tmp_path: Path) -> tuple[Path, Path, Path]:
    """An mbox with a 12 MiB message between two small ones; the big one as a .eml file and
    in a Maildir."""
    text = "Acme is hiring a machine learning engineer to train PyTorch models."
    line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\n"
    attachment = ("--BB\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
                  + line * (12 * 2**20 // len(line)))
    big = _mail(2, text + " https://acme.example/jobs/2", attachment)
    mbox = tmp_path / "alerts.mbox"
    mbox.write_text(_mail(1, text + " https://acme.example/jobs/1") + big
                    + _mail(3, text + " https://acme.example/jobs/3"))
    eml = tmp_path / "big.eml"
    eml.write_text(big.split("\n", 1)[1].replace("<big2@", "<big2eml@"))
    maildir = tmp_path / "Maildir"
    box = stdlib_mailbox.Maildir(maildir, create=True)
    box.add(big.split("\n", 1)[1].replace("<big2@", "<big2dir@").encode())
    box.close()
    return mbox, eml, maildir


def test_the_cap_warning_is_printed_by_sync_after_its_table(tmp_path: Path) -> None:
    """Without --json, sync prints the table and then a warning line naming the source, the
    unit and the message; the run is ok (exit 0)."""
    mbox, _, _ = _big_mailboxes(tmp_path)
    config = tmp_path / "sources.toml"
    config.write_text(f'[[sources]]\nname = "mail"\ntype = "mailbox"\npaths = '
                      f'[{json.dumps(str(mbox))}]\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "s.sqlite3"), "sync", "--config",
                                      str(config), "--no-enrich"], terminal_width=400)
    assert result.exit_code == 0, result.output
    assert "Sync" in result.stdout and "│ mail" in result.stdout
    lines = [ln for ln in result.stderr.splitlines() if "warning:" in ln]
    assert len(lines) == 1
    assert lines[0].startswith(f"mail: warning: [{mbox}] mailbox: message mailbox:{mbox}#1 ")
    assert "only its first 10 MiB were read" in lines[0]


def test_the_cap_warning_is_logged_when_no_sync_collects_it(
        tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    """Read outside a sync (a source's ``fetch`` called by a script), the warning is logged
    on ``mljobs.sources.mailbox``, as before."""
    from mljobs.sources.mailbox import Mailbox

    mbox, _, _ = _big_mailboxes(tmp_path)
    with caplog.at_level("WARNING", logger="mljobs.sources.mailbox"):
        docs = list(Mailbox(paths=[str(mbox)]).fetch(None))  # type: ignore[arg-type]
    assert len(docs) == 3
    warned = [r.getMessage() for r in caplog.records if r.name == "mljobs.sources.mailbox"]
    assert len(warned) == 1 and warned[0].startswith(f"mailbox: message mailbox:{mbox}#1 (")


def test_every_message_of_a_mailbox_is_dated_by_the_mailbox_files_time(tmp_path: Path) -> None:
    """Each message's ``fetched_at`` is when its mailbox file was written last (read once a
    file, not once a message); a saved message's is its own file's."""
    mbox = tmp_path / "lists.mbox"
    shutil.copy(FIXTURES / "mailbox" / "lists.mbox", mbox)
    written = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    os.utime(mbox, (written.timestamp(), written.timestamp()))
    single = tmp_path / "acme.eml"
    single.write_bytes(LATIN1)
    saved = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    os.utime(single, (saved.timestamp(), saved.timestamp()))
    source = make_source("mailbox", {"paths": [str(mbox), str(single)]})
    docs = list(source.fetch_unit(HttpClient(), str(mbox)))
    assert len(docs) >= 2 and {d.fetched_at for d in docs} == {written}
    (doc,) = source.fetch_unit(HttpClient(), str(single))
    assert doc.fetched_at == saved


def _undated(message: bytes) -> bytes:
    return b"\n".join(line for line in message.split(b"\n") if not line.startswith(b"Date:"))


def test_a_maildir_message_is_dated_by_its_date_header_else_its_own_file(
        tmp_path: Path) -> None:
    """Before: every message of a Maildir had the Maildir folder's mtime (the folder's, not
    the message's file's), and a message without a Date header no date at all. Now a
    message's date is its Date header, else its own file's mtime (a Maildir delivers each
    message to a file of its own, written when it arrived)."""
    maildir = tmp_path / "Maildir"
    box = stdlib_mailbox.Maildir(maildir, create=True)
    dated = box.add(LATIN1)  # Date: Tue, 10 Mar 2026 09:00:00 +0000
    undated = box.add(_undated(HTML_ONLY))
    box.close()
    arrived = {dated: datetime(2026, 3, 10, 9, 5, tzinfo=UTC),
               undated: datetime(2026, 3, 11, 7, 30, tzinfo=UTC)}
    for sub in ("new", "cur"):
        for file in (maildir / sub).iterdir():
            when = arrived[file.name.split(":")[0]].timestamp()
            os.utime(file, (when, when))
    folder = datetime(2026, 3, 20, 12, 0, tzinfo=UTC).timestamp()  # written last: later
    os.utime(maildir, (folder, folder))
    source = make_source("mailbox", {"paths": [str(maildir)]})
    docs = {d.ref.rsplit("#", 1)[1]: d for d in source.fetch_unit(HttpClient(), str(maildir))}
    assert {k: d.fetched_at for k, d in docs.items()} == arrived
    posted = {k: [r.posted_at for r in source.parse(d)] for k, d in docs.items()}
    assert posted == {dated: [datetime(2026, 3, 10, 9, 0, tzinfo=UTC)],
                      undated: [datetime(2026, 3, 11, 7, 30, tzinfo=UTC)]}


def test_a_saved_message_without_a_date_header_is_dated_by_its_file(tmp_path: Path) -> None:
    """A saved message (``.eml``) without a Date header is dated by its file's mtime; a
    message of an mbox without one has no date (the mbox file's time is when any of its
    messages was written, not this one's)."""
    single = tmp_path / "alert.eml"
    single.write_bytes(_undated(HTML_ONLY))
    saved = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    os.utime(single, (saved.timestamp(), saved.timestamp()))
    mbox_path = tmp_path / "box.mbox"
    mbox = stdlib_mailbox.mbox(mbox_path)
    mbox.add(_undated(HTML_ONLY))
    mbox.close()
    source = make_source("mailbox", {"paths": [str(single), str(mbox_path)]})
    (doc,) = source.fetch_unit(HttpClient(), str(single))
    assert [r.posted_at for r in source.parse(doc)] == [saved]
    (doc,) = source.fetch_unit(HttpClient(), str(mbox_path))
    assert [r.posted_at for r in source.parse(doc)] == [None]
