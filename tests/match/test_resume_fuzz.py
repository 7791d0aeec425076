"""Arbitrary bytes under any supported name: text or an InputError, nothing else."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mljobs.errors import InputError
from mljobs.resume import read_resume_bytes

NAMES = st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.md"])


def _read(data: bytes, name: str) -> None:
    try:
        result = read_resume_bytes(data, name)
    except InputError as exc:
        assert name in str(exc)
    else:
        assert isinstance(result.text, str) and result.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096), name=NAMES)
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@settings(max_examples=100, deadline=None)
@given(tail=st.binary(max_size=2048))
def test_pdf_header_then_garbage(tail: bytes) -> None:
    _read(b"%PDF-1.7\n" + tail, "cv.pdf")


@settings(max_examples=60, deadline=None)
@given(body=st.binary(max_size=2048))
def test_zip_with_garbage_document(body: bytes) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", body[:64])
        archive.writestr("word/document.xml", body)
    _read(buf.getvalue(), "cv.docx")
