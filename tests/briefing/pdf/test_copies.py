"""Numbered copies through the service: one layout, a stamped copy per recipient, a register."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import date

import pikepdf
import pytest

from briefing.errors import ValidationError
from briefing.pdf import BookOptions
from briefing.pdf.copies import copy_paths, read_recipients, register_path, write_copies
from tests.briefing.pdf.reading import has_pdftotext, page_texts, pdftotext

NAMES = ["Ann Example", "山田 太郎", 'Bo "the <boss>" & Co, Ltd.', "Ünïcødé 🙂 مرحبا"]


def options(**more) -> BookOptions:
    return BookOptions(paper="a4", prepared_on=date(2022, 2, 1), invariant=True,
                       sections=frozenset({"cover", "agenda", "actions"}), **more)


@pytest.fixture(scope="module")
def copies(sample_brief, tmp_path_factory):
    out = tmp_path_factory.mktemp("copies") / "book.pdf"
    return write_copies(sample_brief, options(), out, NAMES), out


def test_one_book_per_recipient_beside_the_named_file_and_a_register(copies):
    result, out = copies
    folder = out.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "book-01.pdf", "book-02.pdf", "book-03.pdf", "book-04.pdf", "book.register.csv"]
    rows = list(csv.reader(io.StringIO(register_path(out).read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["copy", "recipient", "file", "sha256"]
    assert [r[:3] for r in rows[1:]] == [[str(n), name, f"book-{n:02d}.pdf"]
                                         for n, name in enumerate(NAMES, 1)]
    for row in rows[1:]:
        assert row[3] == hashlib.sha256((folder / row[2]).read_bytes()).hexdigest()


def test_every_page_says_copy_n_of_n_and_the_name_as_text(copies):
    result, out = copies
    for n, name in enumerate(NAMES[:3], 1):
        data = (out.parent / f"book-{n:02d}.pdf").read_bytes()
        pages = page_texts(data)
        assert len(pages) == result.pages
        assert all(f"Copy {n} of 4 — {name}" in " ".join(p.split()) for p in pages), pages[0]
        if has_pdftotext():
            assert pdftotext(data).count(f"Copy {n} of 4 — {name}") == result.pages


def test_the_name_is_in_the_metadata(copies):
    _, out = copies
    with pikepdf.open(out.parent / "book-02.pdf") as pdf:
        assert str(pdf.docinfo["/Recipient"]) == "山田 太郎"
        assert str(pdf.docinfo["/Copy"]) == "2 of 4"
        assert str(pdf.docinfo["/Subject"]).endswith("Copy 2 of 4 — 山田 太郎")


def test_copies_without_names_are_numbered_only(sample_brief, tmp_path):
    result = write_copies(sample_brief, options(), tmp_path / "book.pdf", 3)
    assert [r.recipient for r in result.copies] == ["", "", ""]
    pages = page_texts((tmp_path / "book-03.pdf").read_bytes())
    assert all("Copy 3 of 3" in p and "Copy 3 of 3 —" not in p for p in pages)


def test_encrypted_copies_need_the_password_and_stay_numbered(sample_brief, tmp_path):
    write_copies(sample_brief, options(password="pässword"), tmp_path / "book.pdf", ["A", "B"])
    data = (tmp_path / "book-02.pdf").read_bytes()
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(data))
    assert all("Copy 2 of 2 — B" in p for p in page_texts(data, password="pässword"))


def test_copies_of_a_release_copy_are_released(sample_brief, tmp_path):
    result = write_copies(sample_brief, options(up_to="U"), tmp_path / "book.pdf", ["A"])
    first = page_texts((tmp_path / "book-01.pdf").read_bytes())[0]
    assert "RELEASE COPY" in first and "portions withheld" in first and result.pages >= 1


def test_recipients_file_one_name_a_line_empty_lines_ignored(tmp_path):
    path = tmp_path / "who.txt"
    path.write_text("\ufeffAnn Example\r\n\r\n  山田 太郎  \n\n<&> 🙂\n", encoding="utf-8")
    assert read_recipients(path) == ("Ann Example", "山田 太郎", "<&> 🙂")


@pytest.mark.parametrize("content, message", [
    (b"\n \n", "names no one"),
    (b"Ann\n\xff\xfe\n", "not UTF-8 text (line 2)"),
])
def test_a_recipients_file_without_names_or_not_text_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "who.txt"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as error:
        read_recipients(path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_file_names_are_numbered_with_enough_digits(tmp_path):
    assert [p.name for p in copy_paths(tmp_path / "b.pdf", 2)] == ["b-01.pdf", "b-02.pdf"]
    assert copy_paths(tmp_path / "b.pdf", 120)[0].name == "b-001.pdf"
    assert register_path(tmp_path / "Round 1.pdf").name == "Round 1.register.csv"


def test_a_name_as_long_as_a_pasted_page_is_cut_on_the_page_and_whole_in_the_register(
        sample_brief, tmp_path):
    name = "Ann " + "very long name " * 2000
    result = write_copies(sample_brief, options(), tmp_path / "b.pdf", [name])
    page = page_texts((tmp_path / "b-01.pdf").read_bytes())[0]
    assert "Copy 1 of 1 — Ann very long name" in page and "…" in page
    assert result.copies[0].recipient == name
    rows = list(csv.reader(io.StringIO(register_path(tmp_path / "b.pdf").read_text("utf-8"))))
    assert rows[1][1] == name


def test_the_register_opens_in_a_spreadsheet_with_names_as_text_not_formulas(sample_brief, tmp_path):
    names = ["=HYPERLINK(\"http://x\",\"y\")", "+81 3 1234", "@SUM(A1)", "-1", "林 芳正", "Ann = Lee"]
    result = write_copies(sample_brief, options(), tmp_path / "b.pdf", names)
    data = result.register.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads the file as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["'=HYPERLINK(\"http://x\",\"y\")", "'+81 3 1234", "'@SUM(A1)",
                                        "'-1", "林 芳正", "Ann = Lee"]
