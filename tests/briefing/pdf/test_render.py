"""render_pdf as the GUI and the CLI use it: progress, cancel, warnings as values, safe writes."""

from __future__ import annotations

import errno
import os
import re
from dataclasses import replace
from datetime import date

import pikepdf
import pytest

from briefing.errors import BriefbookError
from briefing.pdf import BookOptions, render_pdf
from tests.briefing.pdf.reading import page_texts


def options(**kwargs) -> BookOptions:
    return BookOptions(invariant=True, paper="a4", prepared_on=date(2022, 2, 1), **kwargs)


def test_progress_is_reported_page_by_page_until_done(sample_brief, tmp_path):
    seen = []
    result = render_pdf(sample_brief, options(), tmp_path / "book.pdf", progress=seen.append)
    assert seen[0].section == "Preparing" and seen[-1].section == "Done"
    pages = [p.page for p in seen[1:-1]]
    assert pages == list(range(1, result.pages + 1))
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(p.section == "Steel and aluminum excess capacity" for p in seen)


def test_a_cancelled_export_writes_nothing_and_keeps_the_earlier_file(sample_brief, tmp_path):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"the earlier book")
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > 20

    result = render_pdf(sample_brief, options(), target, cancelled=cancelled)
    assert result.cancelled and result.pages == 0
    assert target.read_bytes() == b"the earlier book"
    assert os.listdir(tmp_path) == ["book.pdf"]  # no temporary file left behind


def test_a_finished_export_replaces_the_earlier_file_whole(sample_brief, tmp_path):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"the earlier book")
    result = render_pdf(sample_brief, options(), target)
    assert result.path == target and not result.cancelled
    assert len(page_texts(target.read_bytes())) == result.pages
    assert os.listdir(tmp_path) == ["book.pdf"]


def test_an_unwritable_place_is_a_clear_error_naming_it(sample_brief, tmp_path):
    missing = tmp_path / "no such folder" / "book.pdf"
    # the system's reason in the system's language (a Qt process sets the C library's locale)
    reason = re.escape(os.strerror(errno.ENOENT))
    with pytest.raises(BriefbookError, match=f"cannot write .*no such folder/book.pdf: {reason}"):
        render_pdf(sample_brief, options(), missing)
    with pytest.raises(BriefbookError, match=f"cannot write {tmp_path}: it is a folder"):
        render_pdf(sample_brief, options(), tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_folder_is_a_clear_error(sample_brief, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BriefbookError, match="cannot write .*locked/book.pdf: Permission denied"):
            render_pdf(sample_brief, options(), folder / "book.pdf")
    finally:
        folder.chmod(0o700)


def test_a_folder_that_refuses_new_files_is_a_clear_error(sample_brief, tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # as a read-only folder does (even for root)
    with pytest.raises(BriefbookError, match=f"cannot write {tmp_path}/book.pdf: Permission denied"):
        render_pdf(sample_brief, options(), tmp_path / "book.pdf")


def test_a_failure_while_writing_keeps_the_earlier_file(sample_brief, tmp_path, monkeypatch):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"the earlier book")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(BriefbookError, match="No space left on device"):
        render_pdf(sample_brief, options(), target)
    assert target.read_bytes() == b"the earlier book"
    assert os.listdir(tmp_path) == ["book.pdf"]


def test_temporary_files_left_by_killed_exports_are_removed_by_the_next(sample_brief, tmp_path):
    target = tmp_path / "book.pdf"
    stale, recent, other = (tmp_path / ".book.pdf.a1b2.part", tmp_path / ".book.pdf.c3d4.part",
                            tmp_path / ".other.pdf.e5f6.part")
    for leftover in (stale, recent, other):
        leftover.write_bytes(b"half a book")
    an_hour_ago = stale.stat().st_mtime - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    render_pdf(sample_brief, options(), target)
    # Another export of the same file may still be writing the recent one; other files are not ours.
    assert sorted(os.listdir(tmp_path)) == [".book.pdf.c3d4.part", ".other.pdf.e5f6.part", "book.pdf"]


def test_warnings_come_back_as_values(sample_brief, tmp_path):
    note = replace(sample_brief.notes[0], talking_points="1. Smile 😀 at the press.")
    brief = replace(sample_brief, notes=(note,))
    result = render_pdf(brief, options(sections=frozenset({"papers"})), tmp_path / "b.pdf")
    assert [str(w) for w in result.warnings] == [
        "Issue paper “Steel and aluminum excess capacity” › Talking points: U+1F600 GRINNING FACE (😀) "
        "is in no font the book ships; printed as \ufffd"]
    assert "1. Smile \ufffd at the press." in page_texts((tmp_path / "b.pdf").read_bytes())[0]


def test_a_password_is_required_to_open_the_book_and_it_is_aes_256_r6(sample_brief, tmp_path):
    target = tmp_path / "secret.pdf"
    render_pdf(sample_brief, options(password="kōhī & 茶"), target)
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(target)
    with pikepdf.open(target, password="kōhī & 茶") as pdf:
        assert pdf.is_encrypted
        assert pdf.encryption.R == 6 and pdf.encryption.V == 5 and pdf.encryption.bits == 256
        assert pdf.encryption.stream_method.name == pdf.encryption.string_method.name == "aesv3"
        assert len(pdf.pages) > 10
    text = page_texts(target.read_bytes(), password="kōhī & 茶")
    assert "US–Japan Partnership on Trade — Round 1" in text[0]


def test_options_refuse_what_they_cannot_do():
    from briefing.errors import ValidationError

    with pytest.raises(ValidationError, match="paper"):
        BookOptions(paper="a3")
    with pytest.raises(ValidationError, match="unknown section 'annex'"):
        BookOptions(sections=frozenset({"annex"}))
    with pytest.raises(ValidationError, match="password"):
        BookOptions(password="")
