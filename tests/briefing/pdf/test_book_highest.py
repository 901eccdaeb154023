"""The book's highest marking (the cover's, the metadata's) after an edit: right whichever note
changed, and only what changed is read again (the preview asks after every save)."""

from __future__ import annotations

import dataclasses

from briefing.markings.ladder import Ladder
from briefing.pdf import marks
from tests.briefing.pdf.test_marks import FALLBACK, SECTION_232, with_note


def _fresh(brief):
    """The brief as read again from the store: equal, but every record a new object."""
    return dataclasses.replace(brief, notes=tuple(dataclasses.replace(n) for n in brief.notes))


def test_a_confidential_line_typed_into_one_paper_raises_the_book_and_taking_it_out_lowers_it(
        sample_brief):
    ladder = Ladder()
    assert marks.book_highest(sample_brief, ladder) == "SBU"
    note = next(n for n in sample_brief.notes if n.issue_title == SECTION_232)
    raised = with_note(_fresh(sample_brief), SECTION_232, red_lines=f"{note.red_lines}\n- {FALLBACK}")
    assert marks.book_highest(raised, ladder) == "C"
    assert marks.book_highest(_fresh(raised), ladder) == "C"
    assert marks.book_highest(_fresh(sample_brief), ladder) == "SBU"


def test_after_a_word_is_typed_only_the_changed_papers_texts_are_read_again(sample_brief, monkeypatch):
    ladder = Ladder()
    marks.book_highest(sample_brief, ladder)
    read: list[str] = []
    real = marks.texts_highest

    def reading(texts, default, ladder):
        texts = list(texts)
        read.extend(texts)
        return real(texts, default, ladder)

    monkeypatch.setattr(marks, "texts_highest", reading)
    note = next(n for n in sample_brief.notes if n.issue_title == SECTION_232)
    typed = with_note(_fresh(sample_brief), SECTION_232, talking_points=note.talking_points + " quota")
    assert marks.book_highest(typed, ladder) == "SBU"
    assert note.talking_points + " quota" in read
    changed = next(n for n in typed.notes if n.issue_title == SECTION_232)
    assert set(read) <= set(marks._texts(changed))


def test_a_paper_typed_into_many_times_is_not_remembered_in_every_version(sample_brief):
    """Only the last brief's items are kept: a 50-page paste saved after every pause would
    otherwise stay in memory once per save."""
    ladder = Ladder()
    note = next(n for n in sample_brief.notes if n.issue_title == SECTION_232)
    brief = sample_brief
    for word in range(30):
        brief = with_note(_fresh(brief), SECTION_232, talking_points=f"{note.talking_points} w{word}")
        marks.book_highest(brief, ladder)
    held = [key[1].talking_points for key in marks._item_highest
            if type(key[1]) is type(note) and key[1].issue_title == SECTION_232]
    assert held == [f"{note.talking_points} w29"]
