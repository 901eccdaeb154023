"""A note sent out to Word and returned with tracked changes and comments: listed by section,
placed in the note as it is now, accepted in one save signed "review by AUTHOR (from Word)"."""

from __future__ import annotations

import zipfile

import pytest

from briefing.errors import ConflictError, ValidationError
from briefing.pdf.options import BookOptions
from briefing.word.opening import WordFileError
from briefing.word.service import WordService
from tests.briefing.test_word_files import Comment, Delete, Insert, NewParagraph, mark_up

SLUG = "steel-aluminum-excess-capacity"
ROUND_1 = "US–Japan Partnership on Trade — Round 1"


@pytest.fixture
def word(sample):
    return WordService(sample)


@pytest.fixture
def note(sample):
    meeting = sample.meetings.resolve(ROUND_1)
    return next(n for n in sample.notes.list_full(meeting.id) if n.issue_slug == SLUG)


@pytest.fixture
def sent(word, note, tmp_path):
    path = tmp_path / "steel.docx"
    word.export(note.meeting_id, BookOptions(paper="a4", sections=frozenset({"papers", "red_lines"}),
                                             notes=frozenset({SLUG})), path)
    return path


def returned(sent, tmp_path, *edits):
    return mark_up(sent, tmp_path / "steel-returned.docx", edits)


def test_the_one_note_file_records_store_meeting_note_and_revision_invisibly(sent, note, sample):
    custom = zipfile.ZipFile(sent).read("docProps/custom.xml").decode()
    assert 'name="briefbook.note_id"' in custom and f"<vt:lpwstr>{note.id}</vt:lpwstr>" in custom
    assert 'name="briefbook.meeting_key"' in custom and 'name="briefbook.store"' in custom
    assert 'name="briefbook.revision"' in custom  # empty: never edited since the sample was loaded
    assert f"<vt:lpwstr>{note.version}</vt:lpwstr>" in custom
    body = zipfile.ZipFile(sent).read("word/document.xml").decode()
    assert "briefbook" not in body  # nothing on the page


def test_a_note_edited_since_import_records_its_latest_revision(word, note, sample, tmp_path):
    sample.notes.update(note.id, note.version, background="Rewritten.")
    revision = sample.history.revisions(note.id)[0].id
    path = tmp_path / "n.docx"
    word.export(note.meeting_id, BookOptions(sections=frozenset({"papers"}), notes=frozenset({SLUG})),
                path)
    custom = zipfile.ZipFile(path).read("docProps/custom.xml").decode()
    assert f'name="briefbook.revision"><vt:lpwstr>{revision}</vt:lpwstr>' in custom


def test_changes_and_comments_are_listed_by_section_with_author_date_and_text(word, sent, tmp_path):
    back = returned(sent, tmp_path, Delete("harms producers"),
                    Insert("largely to China", " and others", author="Bo Director"),
                    Comment("Japan shares the diagnosis", "Cleared with METI?"),
                    Delete("No linkage"))
    review = word.review(back)
    listed = [(i.change.number, i.change.kind, i.change.author, i.change.text, i.change.section)
              for i in review.items]
    assert listed == [(1, "deletion", "Ana Legal", "harms producers", "background"),
                      (2, "insertion", "Bo Director", " and others", "background"),
                      (3, "deletion", "Ana Legal", "No linkage", "red_lines")]
    assert all(i.change.date == "2026-11-30T10:15:00Z" for i in review.items)
    assert not any(i.conflict for i in review.items)
    (comment,) = review.comments
    assert (comment.author, comment.text, comment.anchor, comment.section) == (
        "Bo Director", "Cleared with METI?", "Japan shares the diagnosis", "their_position")


def test_accepting_writes_markdown_in_one_save_signed_by_the_reviewers(word, sent, tmp_path, sample):
    back = returned(sent, tmp_path, Delete("harms producers"),
                    Insert("largely to China", " and others", author="Bo Director"),
                    NewParagraph("the first working session.", "Legal adds a paragraph."))
    review = word.review(back)
    note = word.accept(review, [1, 2, 3])
    assert "harms producers" not in note.background
    # the inserted words sit inside the bold, as Word shows them: Markdown kept whole
    assert "**largely to China and others** [1]" in note.background
    assert note.background.endswith("session.\n\nLegal adds a paragraph.")
    assert note.version == review.note.version + 1
    latest = sample.history.revisions(note.id)[0]
    assert latest.author == "review by Ana Legal, Bo Director (from Word)"
    assert latest.background == note.background


def test_rejected_changes_leave_the_note_as_it_is(word, sent, tmp_path):
    back = returned(sent, tmp_path, Delete("harms producers"), Delete("No linkage"))
    review = word.review(back)
    note = word.accept(review, [2])
    assert "harms producers" in note.background and "No linkage" not in note.red_lines
    assert word.accept(word.review(back), []) is None


def test_changes_apply_to_the_note_as_it_is_now_and_a_moved_on_one_is_a_conflict(
        word, sent, tmp_path, sample, note):
    back = returned(sent, tmp_path, Delete("harms producers"), Delete("No linkage"))
    # since the file went out: a sentence added in front (the deletion still applies) and the
    # red line rewritten (the deleted words are gone)
    sample.notes.update(note.id, note.version,
                        background="New opening sentence. " + note.background,
                        red_lines=note.red_lines.replace("No linkage", "Nothing"))
    review = word.review(back)
    first, second = review.items
    assert not first.conflict
    assert second.conflict and "changed there" in second.reason
    with pytest.raises(ValidationError, match="change 2 .*Red lines.* cannot be applied"):
        word.accept(review, [1, 2])
    updated = word.accept(review, [1])
    assert updated.background.startswith("New opening sentence. ")
    assert "harms producers" not in updated.background


def test_an_edit_between_reading_and_accepting_is_a_conflict_and_nothing_is_written(
        word, sent, tmp_path, sample, note):
    review = word.review(returned(sent, tmp_path, Delete("harms producers")))
    sample.notes.update(note.id, note.version, owner="Someone else")
    with pytest.raises(ConflictError):
        word.accept(review, [1])
    assert "harms producers" in sample.notes.get(note.id).background


def test_a_change_applied_already_is_not_offered_again(word, sent, tmp_path):
    back = returned(sent, tmp_path, Delete("No linkage"))
    word.accept(word.review(back), [1])
    (item,) = word.review(back).items
    assert item.conflict and "already" in item.reason


def test_a_change_in_a_heading_is_shown_to_make_by_hand(word, sent, tmp_path):
    review = word.review(returned(sent, tmp_path, Insert("Talking", " key")))
    (item,) = review.items
    assert item.change.section is None and item.conflict and "by hand" in item.reason


def test_japanese_and_markup_characters_survive_the_round_trip(word, sample, note, tmp_path):
    sample.notes.update(note.id, note.version, background="日米の協力 <b> & “quotes” 🙂 end.")
    path = tmp_path / "ja.docx"
    word.export(note.meeting_id, BookOptions(sections=frozenset({"papers"}), notes=frozenset({SLUG})),
                path)
    back = mark_up(path, tmp_path / "ja-back.docx", [Insert("日米の協力", "を強化")])
    updated = word.accept(word.review(back), [1])
    assert updated.background == "日米の協力を強化 <b> & “quotes” 🙂 end."


def test_a_whole_book_is_refused_with_a_message_saying_so(word, note, tmp_path):
    path = tmp_path / "book.docx"
    word.export(note.meeting_id, BookOptions(), path)
    with pytest.raises(WordFileError, match="holds a whole briefing book"):
        word.review(path)


def test_a_file_from_another_store_is_refused(sent, tmp_path):
    from briefing.config import Config
    from briefing.interchange.sample import load_sample
    from briefing.services import Services

    # another store holding the same sample: the same keys and ids, but its own notes
    with Services.open(f"sqlite:///{tmp_path / 'other.db'}", Config()) as other:
        load_sample(other.db, other.config)
        with pytest.raises(WordFileError, match="came from another store"):
            WordService(other).review(sent)


def test_a_file_whose_meeting_is_not_in_this_store_is_refused(sent, tmp_path):
    from briefing.config import Config
    from briefing.services import Services

    with Services.open(f"sqlite:///{tmp_path / 'empty.db'}", Config()) as other:
        with pytest.raises(WordFileError, match="came from another store"):
            WordService(other).review(sent)


@pytest.mark.parametrize("content, message", [
    (b"plain text, not Word", "is not a Word .docx file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64,
     "protected with a password"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old Word 97–2003 .doc"),
])
def test_files_that_are_not_a_docx_are_refused_clearly(word, tmp_path, content, message):
    path = tmp_path / "x.docx"
    path.write_bytes(content)
    with pytest.raises(WordFileError, match=message):
        word.review(path)


def test_a_damaged_docx_is_refused(word, sent, tmp_path):
    data = sent.read_bytes()
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(data[: len(data) // 2])
    with pytest.raises(WordFileError, match="damaged|not a Word"):
        word.review(damaged)
    broken = tmp_path / "broken-xml.docx"
    with zipfile.ZipFile(sent) as z, zipfile.ZipFile(broken, "w") as out:
        for name in z.namelist():
            out.writestr(name, b"<w:document" if name == "word/document.xml" else z.read(name))
    with pytest.raises(WordFileError, match="damaged"):
        word.review(broken)


def test_a_copy_saved_again_by_libreoffice_reviews_the_same(word, sent, tmp_path):
    """Round trip through a real Word-compatible client: its tracked changes, comments and the
    file's origin (custom properties) survive LibreOffice's own .docx writer."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    back = returned(sent, tmp_path, Delete("harms producers"),
                    Comment("Japan shares the diagnosis", "Cleared with METI?"))
    out = tmp_path / "saved-by-libreoffice"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    str(back)], capture_output=True, timeout=300)
    review = word.review(out / back.name)
    assert [(i.change.kind, i.change.author, i.change.text, i.conflict) for i in review.items] == [
        ("deletion", "Ana Legal", "harms producers", False)]
    assert [(c.author, c.text) for c in review.comments] == [("Bo Director", "Cleared with METI?")]
