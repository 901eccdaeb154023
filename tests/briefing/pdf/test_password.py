"""A password-protected book opens with the password as the user typed it, in every reader.

PDF 2.0 reads only the first 127 bytes of a password, and readers cut a
longer one in different places (qpdf and pikepdf at byte 127, even inside a
character): a longer password is refused with a clear message, before any
layout, rather than written into a file its owner cannot open.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import time

import pikepdf
import pytest

from briefing.errors import ValidationError
from briefing.pdf.options import BookOptions
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import page_texts

COVER = frozenset({"cover"})


def qpdf_opens(data: bytes, password: str, tmp_path) -> bool:
    path = tmp_path / "book.pdf"
    path.write_bytes(data)
    run = subprocess.run(["qpdf", f"--password={password}", "--check", str(path)], capture_output=True)
    return run.returncode == 0


def poppler_opens(data: bytes, password: str, tmp_path) -> bool:
    path = tmp_path / "book.pdf"
    path.write_bytes(data)
    run = subprocess.run(["pdftotext", "-upw", password, str(path), "-"], capture_output=True)
    return run.returncode == 0 and b"BRIEFING BOOK" in run.stdout


def pikepdf_opens(data: bytes, password: str) -> bool:
    try:
        with pikepdf.open(io.BytesIO(data), password=password) as pdf:
            return len(pdf.pages) > 0
    except pikepdf.PasswordError:
        return False


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="needs qpdf")
@pytest.mark.parametrize("password", ["a" * 126, "a" * 127, "日" * 42 + "x", "pass phrase é 日本 ﬁ\u00a0"],
                         ids=["126 bytes", "127 bytes", "127 bytes of Japanese", "accents and spaces"])
def test_a_password_up_to_127_bytes_opens_the_book_in_qpdf_and_pikepdf(sample_brief, tmp_path, password):
    assert len(password.encode()) <= 127
    data, _ = render(sample_brief, sections=COVER, password=password)
    assert not pikepdf_opens(data, "wrong")
    assert pikepdf_opens(data, password)
    assert qpdf_opens(data, password, tmp_path)
    assert not qpdf_opens(data, password[:-1], tmp_path)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_poppler_opens_the_book_with_the_password_as_typed(sample_brief, tmp_path):
    password = "Tokyo 日本 s3cret"  # pdftotext's -upw takes at most 32 bytes
    data, _ = render(sample_brief, sections=COVER, password=password)
    assert poppler_opens(data, password, tmp_path)
    assert not poppler_opens(data, "Tokyo s3cret", tmp_path)


@pytest.mark.parametrize(("password", "size"), [
    ("a" * 128, 128), ("日" * 50, 150), ("a" * 1000, 1000), ("a" * 1_000_000, 1_000_000),
], ids=["128 bytes", "150 bytes of Japanese", "1000 bytes", "a million characters"])
def test_a_longer_password_is_refused_with_a_message_before_anything_is_laid_out(password, size):
    started = time.monotonic()
    with pytest.raises(ValidationError) as caught:
        BookOptions(password=password)
    assert caught.value.field == "password"
    assert f"is {size} bytes long in UTF-8" in str(caught.value) and "at most 127 bytes" in str(caught.value)
    assert time.monotonic() - started < 5


def test_the_users_password_opens_the_book_but_does_not_make_them_its_owner(sample_brief):
    data, _ = render(sample_brief, sections=COVER, password="s3cret")
    with pikepdf.open(io.BytesIO(data), password="s3cret") as pdf:
        assert pdf.user_password_matched
        assert not pdf.owner_password_matched
    assert "BRIEFING BOOK" in page_texts(data, password="s3cret")[0]

