"""Portion marks in the window: the Markdown editor shows each paragraph's marking beside it, sets it
from the Marking button or Ctrl+Shift+M as one undo step, says "unknown marking (X)"; the header
shows the meeting's computed marking; the Overview edits the classification authority."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from briefing.config import Config
from briefing.interchange.sample import load_sample
from briefing.services import Services
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.workspace.header import MARKING_DELAY_MS


def overview(window):
    return window.workspace.panel("Overview")


def put_cursor_in(editor, words: str) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(words) + 1)
    editor.setTextCursor(cursor)
    editor.setFocus()


def test_ctrl_shift_m_cycles_the_marking_of_the_paragraph_at_the_cursor(qtbot, window):
    objectives = overview(window).objectives
    editor = objectives.editor
    editor.setPlainText("Hold the line on steel.\n\nOpen with 🎌 the joint statement.")
    put_cursor_in(editor, "joint statement")
    seen = []
    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_M,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        seen.append(editor.toPlainText().split("\n\n")[1])
    assert seen == ["(U) Open with 🎌 the joint statement.", "(SBU) Open with 🎌 the joint statement.",
                    "(C) Open with 🎌 the joint statement.", "Open with 🎌 the joint statement."]
    assert editor.toPlainText().startswith("Hold the line on steel.")  # the other paragraph as it was


def test_the_marking_menu_marks_every_paragraph_of_the_selection_as_one_undo_step(qtbot, window, store):
    panel = overview(window)
    editor = panel.objectives.editor
    text = "- First item\n- Second item\n\nThird paragraph."
    editor.setPlainText(text)
    panel.form.flush(end_burst=True)
    cursor = editor.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(text.index("Third") + 2, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    objectives = overview(window).objectives
    objectives._fill_marking_menu()  # as the button does when it opens its menu
    confidential = next(a for a in objectives.marking.menu().actions() if a.text().startswith("(C)"))
    confidential.trigger()
    assert editor.toPlainText() == "- (C) First item\n- (C) Second item\n\n(C) Third paragraph."
    assert objectives.gutter.marks == {0: ("C", None), 1: ("C", None), 3: ("C", None)}
    panel.form.flush(end_burst=True)
    assert store.meetings.get(window.meeting.id).objectives.count("(C) ") == 3
    window.undo()  # one step takes the whole change back
    written(qtbot, window)
    assert editor.toPlainText() == text
    assert store.meetings.get(window.meeting.id).objectives == text


def test_the_gutter_shows_each_portions_code_and_an_unknown_code_is_named(qtbot, window):
    objectives = overview(window).objectives
    editor = objectives.editor
    editor.selectAll()
    type_into(qtbot, editor, "(SBU) Known.\n\n(X) Not a marking we know.")
    qtbot.waitUntil(lambda: objectives.gutter.marks == {0: ("SBU", None), 2: (None, "X")})
    assert objectives.unknown.isVisible()
    assert objectives.unknown.text() == "unknown marking (X)"
    assert objectives.gutter.width() > 0 and editor.viewportMargins().left() == objectives.gutter.width()
    editor.selectAll()
    type_into(qtbot, editor, "Plain with (X) inside.")
    qtbot.waitUntil(lambda: not objectives.unknown.isVisible())


def test_the_header_shows_the_meetings_computed_marking(qtbot, open_window, store):
    window = open_window(sample=True, autosave_ms=50)
    chip = window.workspace.header.chip
    meeting = store.meetings.get(window.meeting.id)
    assert chip.text() == meeting.sensitivity == "SBU"
    objectives = overview(window).objectives.editor
    objectives.moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, objectives, "\n\n(C) Fallback: a quota at 2015 volumes.")
    qtbot.waitUntil(lambda: store.meetings.get(window.meeting.id).objectives.endswith("2015 volumes."),
                    timeout=3000)
    qtbot.waitUntil(lambda: chip.text() == "C", timeout=3000)
    assert "highest marking in this meeting" in chip.toolTip()


def test_the_classification_authority_is_edited_on_the_overview(qtbot, window, store):
    panel = overview(window)
    edit, _ = panel.authority["classified_by"]
    edit.setFocus()
    type_into(qtbot, edit, "K. Tai, USTR <b>&")
    panel.authority["declassify_on"][0].setFocus()  # leaving the field writes it
    written(qtbot, window)
    assert store.meetings.get(window.meeting.id).classified_by == "K. Tai, USTR <b>&"


def test_the_headers_computed_marking_waits_for_the_window_to_be_on_screen(qtbot, db_url, settings_file,
                                                                            monkeypatch):
    """Under load, a window's first paint can come later than the marking's short delay: the
    computation (a thread reading every text of the meeting) must not run before it (CI saw it)."""
    from ui.app import build_window

    services = Services.open(db_url, Config(home_timezone="America/New_York"))
    load_sample(services.db, services.config)
    asked = []
    highest = services.markings.meeting_highest
    monkeypatch.setattr(services.markings, "meeting_highest",
                        lambda meeting_id: asked.append(meeting_id) or highest(meeting_id))
    window = build_window(services, QSettings(settings_file, QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "ask_on_close", False))
    try:
        qtbot.wait(3 * MARKING_DELAY_MS)  # built, not yet shown: a slow start
        assert asked == []
        window.show()
        qtbot.waitUntil(lambda: asked == [window.meeting.id], timeout=3000)
        assert window.workspace.header.chip.text() == "SBU"
    finally:
        window.ask_on_close = False
        window.close()
        services.close()
