"""A job alert forwarded as an attachment (Outlook's "Forward as Attachment": the forward's
note, then the alert as a ``message/rfc822`` part) gives the alert's jobs, as the alert
itself does. Before, the forward's note ("See below.") was the one posting and the jobs were
left out."""

from __future__ import annotations

from datetime import UTC, datetime

from mljobs.models import Document, RawPosting
from mljobs.sources import make_source

from .replay_server import FIXTURES

ALERT = (FIXTURES / "mailbox" / "alerts" / "board-list.eml").read_bytes()


def _forward(note: str) -> bytes:
    """The alert forwarded as Outlook writes it: multipart/mixed, the note as
    multipart/alternative (plain and HTML, quoted-printable), the alert attached whole."""
    return (b"From: Sam Reader <sam@example.net>\r\n"
            b"To: jobs-inbox@example.net\r\n"
            b"Subject: FW: New jobs at Vault-Tec\r\n"
            b"Date: Fri, 06 Mar 2026 10:02:00 +0000\r\n"
            b"Message-ID: <DB9PR01MB1234@eurprd01.prod.example.com>\r\n"
            b"MIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=\"_004_mixed_\"\r\n\r\n"
            b"--_004_mixed_\r\n"
            b"Content-Type: multipart/alternative; boundary=\"_000_alt_\"\r\n\r\n"
            b"--_000_alt_\r\n"
            b"Content-Type: text/plain; charset=\"us-ascii\"\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + note.encode() + b"\r\n\r\n"
            b"--_000_alt_\r\n"
            b"Content-Type: text/html; charset=\"us-ascii\"\r\n"
            b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            b"<html><body><p>" + note.encode() + b"</p></body></html>\r\n\r\n"
            b"--_000_alt_--\r\n\r\n"
            b"--_004_mixed_\r\n"
            b"Content-Type: message/rfc822\r\n"
            b"Content-Disposition: attachment; filename=\"New jobs at Vault-Tec.eml\"\r\n\r\n"
            + ALERT.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + b"\r\n"
            b"--_004_mixed_--\r\n")


def _read(content: bytes) -> list[RawPosting]:
    return list(make_source("mailbox", {"paths": ["inbox"]}).parse(Document(
        source="mailbox", ref="mailbox:/inbox/fw.eml", content=content,
        media_type="message/rfc822", fetched_at=datetime(2026, 3, 6, tzinfo=UTC))))


def test_an_alert_forwarded_as_an_attachment_gives_its_jobs() -> None:
    alone = _read(ALERT)
    forwarded = _read(_forward("See below."))
    assert [(p.source_id, p.title, p.company, p.url, p.posted_at) for p in forwarded] == [
        (p.source_id, p.title, p.company, p.url, p.posted_at) for p in alone]
    assert [p.title for p in forwarded] == ["Machine Learning Engineer, Ranking",
                                             "Research Scientist, Language Models"]


def test_a_forward_that_says_more_than_a_note_is_a_posting_too() -> None:
    """A forward whose own text is a posting (a recruiter's words above the attached alert)
    keeps it, beside the attached alert's jobs."""
    note = ("Hi all, we are also hiring a Machine Learning Engineer for our forecasting team in "
            "Berlin: PyTorch, time series, production models. Full description and the form to "
            "apply at https://jobs.example.net/ml-forecasting - ask me anything about the role "
            "or the team.")
    *alert, own = _read(_forward(note))
    assert [p.title for p in alert] == ["Machine Learning Engineer, Ranking",
                                        "Research Scientist, Language Models"]
    assert "forecasting team in Berlin" in (own.description_text or "")
    assert own.url == "https://jobs.example.net/ml-forecasting"


def test_a_forward_of_a_forward_gives_the_alert_s_jobs() -> None:
    """The forward above forwarded as an attachment again (Outlook's "Forward as Attachment"
    of the message received so). Before, one level was read: the inner forward's note "See
    below." was the one posting, titled "New jobs", and the alert's jobs were left out."""
    again = (b"From: Kim Lead <kim@example.net>\r\n"
             b"To: team@example.net\r\n"
             b"Subject: FW: FW: New jobs at Vault-Tec\r\n"
             b"Date: Sat, 07 Mar 2026 09:15:00 +0000\r\n"
             b"Message-ID: <AM0PR02MB5678@eurprd02.prod.example.com>\r\n"
             b"MIME-Version: 1.0\r\n"
             b"Content-Type: multipart/mixed; boundary=\"_005_mixed_\"\r\n\r\n"
             b"--_005_mixed_\r\n"
             b"Content-Type: text/plain; charset=\"us-ascii\"\r\n\r\n"
             b"For the team.\r\n\r\n"
             b"--_005_mixed_\r\n"
             b"Content-Type: message/rfc822\r\n"
             b"Content-Disposition: attachment; filename=\"FW New jobs at Vault-Tec.eml\"\r\n\r\n"
             + _forward("See below.") + b"\r\n"
             b"--_005_mixed_--\r\n")
    alone = _read(ALERT)
    assert [(p.source_id, p.title, p.url) for p in _read(again)] == [
        (p.source_id, p.title, p.url) for p in alone]
