"""A text resume of too few words: "hello" said "the resume has no readable words. Export it
again with selectable text (or run OCR first)", advice for a scanned PDF given to a text
file of one word; and a resume written in Greek or Cyrillic letters counted no word at all
(only a-z were letters), so a Ukrainian engineer's resume was refused as wordless."""

from __future__ import annotations

from pathlib import Path

import pytest

from mljobs.errors import InputError
from mljobs.resume import load_resume


def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        load_resume(path)
    return str(info.value)


@pytest.mark.parametrize("text,count", [("hello", "only 1 word"),
                                        ("Jane Doe, ML engineer", "only 4 words"),
                                        ("1234 5678 -- !!", "no words")])
def test_a_text_file_of_few_words_says_how_many_and_no_ocr(tmp_path: Path, text: str,
                                                            count: str) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    message = _error(path)
    assert message == (f"{path}: the resume has {count}, fewer than a resume has. Check that "
                       "it is the file you meant.")


def test_a_resume_in_cyrillic_letters_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text("Олена Коваленко\nІнженерка з машинного навчання, Київ\n"
                    "Досвід: PyTorch, Python, SQL\n", encoding="utf-8")
    assert "PyTorch" in load_resume(path).text
