"""The preview after an edit is the last book with an update appended, and reads as a full rebuild.

A session's preview (``BookSession.preview``) keeps the book it showed last and
appends to it an incremental update holding only what changed (``appended.py``).
After each of a seeded random series of edits (a word typed, a paper's title
changed, kanji and a Korean word never printed before, a paper that grows by
pages, a paper taken out) the preview is compared with a full rebuild: every
page's text (pypdf, and poppler's pdftotext at the end), the outline with its
pages, every link's target page, the fonts (embedded, subsets tagged apart), and
the file's structure (qpdf's check, through pikepdf and on the command line).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
from dataclasses import replace

import pikepdf
import pytest

from briefing.pdf import BookOptions, appended, render_pdf
from briefing.pdf.incremental import BookSession
from tests.briefing.pdf.conftest import render
from tests.briefing.pdf.reading import page_texts
from tests.briefing.pdf.test_incremental import (
    OPTIONS,
    _note,
    assert_same_book,
    grow_paper,
    in_session,
    retitle,
    type_a_word,
)


def preview(session: BookSession, brief, **options) -> bytes:
    out = io.BytesIO()
    render_pdf(brief, BookOptions(invariant=True, **{**OPTIONS, **options}), out, session=session.preview)
    return out.getvalue()


def texts_of(brief) -> str:
    return "".join(str(value) for note in brief.notes for value in vars_of(note))


def vars_of(record) -> list:
    return [getattr(record, name) for name in record.__dataclass_fields__]


def kanji_never_printed(brief, rng):
    i = rng.randrange(len(brief.notes))
    assert not set("鬱蒼顰蹙") & set(texts_of(brief) + str(brief.participants))
    return f"kanji never printed, in paper {i}", _note(
        brief, i, talking_points=brief.notes[i].talking_points + " 鬱蒼とした顰蹙")


def korean_word(brief, rng):
    i = rng.randrange(len(brief.notes))
    return f"a Korean word in paper {i}", _note(brief, i, red_lines=brief.notes[i].red_lines
                                                + "\n\n- 무역 협정")


def take_a_paper_out(brief, rng):
    i = rng.randrange(1, len(brief.notes))
    return f"paper {i} taken out", replace(brief, notes=brief.notes[:i] + brief.notes[i + 1:])


#: Edits whose update is appended (one part laid out again, no later page moves).
APPENDED = (type_a_word, kanji_never_printed, korean_word)
EDITS = (type_a_word, retitle, kanji_never_printed, korean_word, grow_paper, take_a_paper_out)


def qpdf_check(data: bytes, tmp_path) -> None:
    if shutil.which("qpdf") is None:
        return
    path = tmp_path / "preview.pdf"
    path.write_bytes(data)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_after_random_edits_the_preview_is_the_last_book_with_an_update_and_reads_as_a_rebuild(
        sample_brief, tmp_path, monkeypatch):
    monkeypatch.setattr(appended, "COMPACT_GROWTH", 100.0)  # however large the updates make it
    rng = random.Random(1616)
    session = BookSession()
    brief = sample_brief
    shown = preview(session, brief)
    edits = list(EDITS)
    rng.shuffle(edits)
    for step, edit in enumerate(edits):
        what, brief = edit(brief, rng)
        data = preview(session, brief)
        if edit in APPENDED:
            assert data.startswith(shown) and len(data) > len(shown), what
            assert data.count(b"startxref") == shown.count(b"startxref") + 1, what
        whole, expected = render(brief)
        assert len(page_texts(data)) == expected.pages, what
        assert_same_book(data, whole, poppler=step == len(edits) - 1)
        qpdf_check(data, tmp_path)
        shown = data


def test_a_word_typed_appends_only_that_papers_pages(sample_brief):
    session = BookSession()
    first = preview(session, sample_brief)
    i = next(i for i, n in enumerate(sample_brief.notes) if n.tier == "full")
    typed = _note(sample_brief, i, talking_points=sample_brief.notes[i].talking_points + " quota")
    data = preview(session, typed)
    assert session.stats.parts.count("paper") == 1
    assert data.startswith(first)
    update = len(data) - len(first)
    assert 0 < update < len(first) / 2  # a few pages (the paper, and the parts that read the
    # whole brief: the scenario, the changes, the Q&A annex), not the book
    with pikepdf.open(io.BytesIO(first)) as before, pikepdf.open(io.BytesIO(data)) as after:
        old = [page.obj.objgen for page in before.pages]
        new = [page.obj.objgen for page in after.pages]
    changed = [n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert changed and len(changed) < len(old) / 2  # the other parts' pages are the same objects
    assert page_texts(data) == page_texts(render(typed)[0])


def test_a_grown_book_is_joined_whole_again(sample_brief, monkeypatch):
    monkeypatch.setattr(appended, "MAX_UPDATES", 2)
    session = BookSession()
    brief = sample_brief
    books = [preview(session, brief)]
    rng = random.Random(3)
    for _ in range(3):
        _, brief = type_a_word(brief, rng)
        books.append(preview(session, brief))
    assert books[2].startswith(books[1]) and books[1].startswith(books[0])
    assert not books[3].startswith(books[2])  # compacted: one cross-reference section again
    assert books[3].count(b"startxref") == 1
    assert page_texts(books[3]) == page_texts(render(brief)[0])


def test_the_export_after_a_preview_is_joined_whole(sample_brief):
    session = BookSession()
    preview(session, sample_brief)
    rng = random.Random(5)
    _, brief = type_a_word(sample_brief, rng)
    preview(session, brief)
    exported, _ = in_session(session, brief)
    assert session.stats.laid_out == 0  # the preview's parts
    assert exported.count(b"startxref") == 1
    assert page_texts(exported) == page_texts(render(brief)[0])
    locked, _ = in_session(session, brief, password="s3cret")
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(locked))
