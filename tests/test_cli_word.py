"""Word on the command line: `export -o FILE.docx`, `review FILE.docx`, `import-docx`."""

from __future__ import annotations

import json

import docx
import pytest

from tests.briefing.test_word_files import Comment, Delete, Insert, mark_up
from tests.test_cli import cli

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
SLUG = "steel-aluminum-excess-capacity"


def steel_note(db) -> dict:
    """The Round 1 steel note as `dump` shows it."""
    document = json.loads(cli("dump", "-o", "-", db=db).stdout)
    meeting = next(m for m in document["meetings"] if m["title"] == ROUND_1)
    return next(n for n in meeting["notes"] if n["issue"] == SLUG)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "word.db"
    assert cli("sample", "--as-of", "2026-01-05", db=path).returncode == 0
    return path


@pytest.fixture
def sent(db, tmp_path):
    out = tmp_path / "steel.docx"
    done = cli("export", ROUND_1, "--notes", SLUG, "--sections", "papers,red_lines", "-o", str(out),
               db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"Wrote a Word file (one note, for clearance) to {out}.\n"
    return out


def test_export_follows_the_suffix(db, tmp_path):
    out = tmp_path / "Book.DOCX"
    done = cli("export", ROUND_1, "-o", str(out), db=db)
    assert done.returncode == 0, done.stderr
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert "Agenda" in headings


def test_export_to_word_refuses_a_password(db, tmp_path):
    done = cli("export", ROUND_1, "--password-stdin", "-o", str(tmp_path / "b.docx"), db=db,
               stdin="secret\n")
    assert done.returncode != 0 and "without a password" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "b.docx").exists()


def test_review_lists_each_change_and_comment_by_section_one_per_line(db, sent, tmp_path):
    back = mark_up(sent, tmp_path / "back.docx", [
        Delete("harms producers"), Insert("largely to China", " and others", author="Bo Director"),
        Comment("Japan shares the diagnosis", "Cleared with METI?"), Delete("No linkage")])
    done = cli("review", str(back), db=db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Steel and aluminum excess capacity — " + ROUND_1)
    assert lines[1:] == [
        "Background",
        "  1   deletion   Ana Legal  2026-11-30 10:15 UTC  “harms producers”",
        "  2   insertion  Bo Director  2026-11-30 10:15 UTC  “ and others”",
        "Their position",
        "  c1  comment    Bo Director  2026-11-30 10:15 UTC  on “Japan shares the diagnosis”: "
        "Cleared with METI?",
        "Red lines",
        "  3   deletion   Ana Legal  2026-11-30 10:15 UTC  “No linkage”",
    ]


def test_accept_some_then_the_rest_is_already_applied(db, sent, tmp_path):
    back = mark_up(sent, tmp_path / "back.docx", [Delete("harms producers"), Delete("No linkage")])
    done = cli("review", str(back), "--accept", "2", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"Applied 1 change to 'Steel and aluminum excess capacity' "
                                f"({ROUND_1}).\n")
    again = cli("review", str(back), db=db)
    assert "  1   deletion   Ana Legal  2026-11-30 10:15 UTC  “harms producers”\n" in again.stdout
    assert "“No linkage”  CONFLICT: the note already reads so" in again.stdout
    note = steel_note(db)
    assert "No linkage" not in note["red_lines"] and "harms producers" in note["background"]


def test_accept_all_and_reject_all(db, sent, tmp_path):
    back = mark_up(sent, tmp_path / "back.docx", [Delete("harms producers")])
    rejected = cli("review", str(back), "--reject-all", db=db)
    assert rejected.stdout.endswith("Rejected 1 change; the note is unchanged.\n")
    assert "harms producers" in steel_note(db)["background"]
    accepted = cli("review", str(back), "--accept-all", db=db)
    assert accepted.returncode == 0, accepted.stderr
    assert "harms producers" not in steel_note(db)["background"]


@pytest.mark.parametrize("flag, message", [
    ("7", "accept: there is no change 7; the file has changes 1 to 1"),
    ("x", "accept: 'x' is not a change number"),
])
def test_a_wrong_change_number_is_refused_in_one_line(db, sent, tmp_path, flag, message):
    back = mark_up(sent, tmp_path / "back.docx", [Delete("harms producers")])
    done = cli("review", str(back), "--accept", flag, db=db)
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip() == f"briefbook: {message}" or message in done.stderr
    assert "Traceback" not in done.stderr


def test_review_refuses_a_book_and_a_file_that_is_not_word(db, tmp_path):
    book = tmp_path / "book.docx"
    assert cli("export", ROUND_1, "-o", str(book), db=db).returncode == 0
    done = cli("review", str(book), db=db)
    assert done.returncode != 0 and "holds a whole briefing book" in done.stderr
    text = tmp_path / "notes.docx"
    text.write_text("hello")
    done = cli("review", str(text), db=db)
    assert done.returncode != 0
    assert done.stderr.strip().endswith("notes.docx: is not a Word .docx file; nothing was changed.")


def test_import_docx_creates_the_note_and_warns_about_text_outside_sections(db, tmp_path):
    d = docx.Document()
    d.add_heading("Autos", 0)
    d.add_paragraph("Stray intro.")
    d.add_heading("Red Lines", 1)
    d.add_paragraph("No quota.")
    d.save(tmp_path / "autos.docx")
    done = cli("import-docx", str(tmp_path / "autos.docx"), "--meeting", ROUND_1, "--issue", "autos",
               db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("Created the note 'Autos' (issue autos) from autos.docx: Background, "
                           "Red lines.\n")
    assert "went to Background" in done.stderr
    assert "No quota." in cli("dump", "-o", "-", db=db).stdout
