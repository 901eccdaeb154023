"""``export --recipients FILE`` and ``--copies N`` as a user runs them."""

from __future__ import annotations

import csv
import io

import pikepdf
import pytest

from tests.briefing.pdf.reading import page_texts
from tests.test_cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("copies-cli") / "cli.db"
    assert cli("sample", db=path).returncode == 0
    return path


def test_recipients_write_numbered_copies_and_a_register(db, tmp_path):
    who = tmp_path / "who.txt"
    who.write_text("Ann Example\n\n山田 太郎\n", encoding="utf-8")
    out = tmp_path / "out" / "book.pdf"
    out.parent.mkdir()
    run = cli("export", "2", "--sections", "cover,agenda", "--recipients", str(who), "-o", str(out),
              db=db)
    assert run.returncode == 0, run.stderr
    assert "Wrote 2 numbered copies" in run.stdout and "book-01.pdf to book-02.pdf" in run.stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["book-01.pdf", "book-02.pdf",
                                                             "book.register.csv"]
    pages = page_texts((out.parent / "book-02.pdf").read_bytes())
    assert all("Copy 2 of 2 — 山田 太郎" in p for p in pages)
    rows = list(csv.reader(io.StringIO((out.parent / "book.register.csv").read_text("utf-8-sig"))))
    assert [r[:3] for r in rows] == [["copy", "recipient", "file"],
                                     ["1", "Ann Example", "book-01.pdf"],
                                     ["2", "山田 太郎", "book-02.pdf"]]


def test_copies_n_with_a_password_writes_encrypted_numbered_copies(db, tmp_path):
    out = tmp_path / "book.pdf"
    run = cli("export", "2", "--sections", "cover", "--copies", "3", "--password-stdin",
              "-o", str(out), db=db, stdin="pw\n")
    assert run.returncode == 0, run.stderr
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(tmp_path / "book-03.pdf")
    assert "Copy 3 of 3" in page_texts((tmp_path / "book-03.pdf").read_bytes(), password="pw")[0]


@pytest.mark.parametrize("args, message", [
    (["--copies", "0"], "copies: must be from 1 to 999"),
    (["--recipients", "missing.txt"], "cannot read the recipients file"),
])
def test_a_wrong_count_or_file_is_one_line_and_nothing_is_written(db, tmp_path, args, message):
    run = cli("export", "2", *args, "-o", str(tmp_path / "book.pdf"), db=db)
    assert run.returncode == 1 and message in run.stderr and "Traceback" not in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_copies_and_recipients_together_are_refused(db, tmp_path):
    run = cli("export", "2", "--copies", "2", "--recipients", "x", "-o", str(tmp_path / "b.pdf"), db=db)
    assert run.returncode == 2 and "not allowed with" in run.stderr


def test_numbered_copies_to_standard_output_are_refused(db):
    run = cli("export", "2", "--copies", "2", "-o", "-", db=db)
    assert run.returncode == 1 and "numbered copies are files" in run.stderr


def test_numbered_copies_of_a_word_file_are_refused(db, tmp_path):
    run = cli("export", "2", "--copies", "2", "-o", str(tmp_path / "book.docx"), db=db)
    assert run.returncode == 1 and "numbered copies are PDFs" in run.stderr
    assert list(tmp_path.iterdir()) == []
