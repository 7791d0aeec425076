"""A mail whose plain part only stands in for its HTML one ("To view this email as a web
page, go here: ...") is read by its HTML: before, the posting's whole text was the stand-in
and its link the "view in browser" address, the job's text and link left out. A mail whose
plain part is its text (a mailing list's posting, a text digest) is read by it as before."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from mljobs.models import Document, RawPosting
from mljobs.sources import make_source

HTML = ("<html><body><table><tr><td><h1>Research Engineer, Speech</h1>"
        "<p>Fabrikam Audio in Cambridge, UK is hiring a Research Engineer to train speech "
        "recognition models with PyTorch and ship them to millions of devices. You will own "
        "data pipelines, evaluation and on-device inference.</p>"
        "<p><a href=\"https://jobs.fabrikam.example.com/roles/5120?utm_source=mail\">View the "
        "role and apply</a></p></td></tr></table></body></html>")
# as a marketing sender writes it: multipart/alternative, the stand-in plain part in
# quoted-printable (a soft line break), the HTML in base64 with CRLF lines
STAND_IN = ("From: Fabrikam Careers <careers@fabrikam.example.com>\r\n"
            "To: reader@example.net\r\n"
            "Subject: New role: Research Engineer, Speech\r\n"
            "Date: Mon, 16 Nov 2026 08:00:00 +0000\r\n"
            "Message-ID: <role-5120@fabrikam.example.com>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=\"b1_5120\"\r\n\r\n"
            "--b1_5120\r\n"
            "Content-Type: text/plain; charset=\"utf-8\"\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            "To view this email as a web page, go here: https://click.fabrikam.example.com/=\r\n"
            "view/5120\r\n\r\n"
            "You are receiving this email because you joined our talent community.\r\n\r\n"
            "--b1_5120\r\n"
            "Content-Type: text/html; charset=\"utf-8\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            + "\r\n".join(base64.encodebytes(HTML.encode()).decode().split())
            + "\r\n--b1_5120--\r\n")


def _read(message: str) -> list[RawPosting]:
    return list(make_source("mailbox", {"paths": ["saved"]}).parse(Document(
        source="mailbox", ref="mailbox:/saved/role.eml", content=message.encode(),
        media_type="message/rfc822", fetched_at=datetime(2026, 11, 16, tzinfo=UTC))))


def test_a_plain_part_that_stands_in_for_the_html_one_is_not_the_posting() -> None:
    (job,) = _read(STAND_IN)
    assert job.title == "New role: Research Engineer, Speech"
    assert "speech recognition models with PyTorch" in (job.description_text or "")
    assert "go here" not in (job.description_text or "")
    assert job.url == "https://jobs.fabrikam.example.com/roles/5120?utm_source=mail"


def test_a_plain_part_that_is_the_text_is_read() -> None:
    """The same mail with a plain part that says the job (and where to view it online)."""
    text = ("Fabrikam Audio in Cambridge, UK is hiring a Research Engineer to train speech "
            "recognition models. Apply: https://jobs.fabrikam.example.com/roles/5120 (or "
            "view this email in your browser).")
    message = STAND_IN.replace(
        "To view this email as a web page, go here: https://click.fabrikam.example.com/=\r\n"
        "view/5120", text)
    (job,) = _read(message)
    assert job.description_text is not None and job.description_text.startswith(
        "Fabrikam Audio in Cambridge")
    assert job.url == "https://jobs.fabrikam.example.com/roles/5120"


def test_a_stand_in_in_german_french_or_spanish_is_not_the_posting() -> None:
    """The stand-ins European senders write ("... im Browser anzeigen", "Voir la version en
    ligne", "Ver este correo en tu navegador"): before, the stand-in was the posting's text
    and its link the "view in browser" address, as the English one's was."""
    english = ("To view this email as a web page, go here: https://click.fabrikam.example.com/=\r\n"
               "view/5120")
    for said in (("Wird diese E-Mail nicht korrekt angezeigt? Im Browser anzeigen: "
                  "https://click.fabrikam.example.com/view/5120"),
                 "Voir la version en ligne : https://click.fabrikam.example.com/view/5120",
                 "Ver este correo en tu navegador: https://click.fabrikam.example.com/view/5120"):
        (job,) = _read(STAND_IN.replace(english, said))
        assert "speech recognition models with PyTorch" in (job.description_text or ""), said
        assert job.url == "https://jobs.fabrikam.example.com/roles/5120?utm_source=mail", said
