"""A damaged resume is one error line, nothing else on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_a_damaged_pdf_is_one_error_line(tmp_path: Path) -> None:
    pdf = tmp_path / "cv.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntruncated")
    env = {k: v for k, v in os.environ.items() if k != "MLJOBS_DB"}
    done = subprocess.run(
        [sys.executable, "-c", "from mljobs.cli import main; main()", "profile", str(pdf)],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    # pypdf's own "EOF marker not found" warning was printed above the error
    assert len(lines) == 1 and lines[0].startswith("InputError: "), done.stderr
    assert "cv.pdf" in lines[0] and "Traceback" not in done.stderr
