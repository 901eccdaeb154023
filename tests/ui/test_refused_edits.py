"""Nothing typed is lost, even when it is wrong: a value the store refused stays in its field
and in the crash journal, the window asks before leaving it, and a crash keeps it for the next start."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from tests.ui.conftest import answer_box
from tests.ui.test_crash_recovery import recovery_bar
from tests.ui.typing import type_into
from tests.ui.write_gate import written

ROUND_1 = "US–Japan Partnership on Trade — Round 1"


def overview(window):
    return window.workspace.panel("Overview")


def journalled(window, field: str) -> list[str]:
    return [e.value for e in window.ctx.journal.pending()
            if (e.entity, e.entity_id, e.field) == ("meeting", window.meeting.id, field)]


def empty_the_title(qtbot, window, spaces: str = "") -> None:
    """Select the title, delete it (typing ``spaces`` instead) and leave the field."""
    panel = overview(window)
    panel.title.setFocus()
    panel.title.selectAll()
    qtbot.keyClick(panel.title, Qt.Key.Key_Delete)
    if spaces:
        type_into(qtbot, panel.title, spaces)
    type_into(qtbot, panel.counterpart, "")  # leaving the title writes it: refused
    written(qtbot, window)


def click_meeting(qtbot, window, meeting_id: int) -> None:
    view, model = window.sidebar.view, window.sidebar.model
    rect = view.visualRect(model.index_of(meeting_id))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def other_meeting(window) -> int:
    return next(i for i in window.sidebar.meeting_ids() if i != window.meeting.id)


def test_a_refused_title_stays_with_its_message_and_in_the_journal_after_other_saves(qtbot, window, store):
    empty_the_title(qtbot, window)
    panel = overview(window)
    panel.counterpart.setFocus()
    written(qtbot, window)
    qtbot.keyClick(panel.counterpart, Qt.Key.Key_End)
    type_into(qtbot, panel.counterpart, " (METI)")
    type_into(qtbot, panel.location, "")  # the counterpart is written; the title is refused again
    written(qtbot, window)
    assert store.meetings.get(window.meeting.id).counterpart.endswith(" (METI)")
    assert panel.title.text() == ""
    assert "Title: must not be empty" in panel.form.bindings[0].error.message
    assert panel.form.bindings[0].error.isVisible()
    assert journalled(window, "title") == [""]
    assert store.meetings.get(window.meeting.id).title == ROUND_1


def test_an_end_typed_before_the_start_is_kept_in_the_journal_too(qtbot, window, store):
    when = overview(window).when
    when.end.setFocus()
    when.end.setDateTime(when.start.dateTime().addSecs(-3600))  # 08:00 JST, before the 09:00 start
    overview(window).title.setFocus()
    written(qtbot, window)
    assert "End: the meeting ends before it starts" in when.error.message
    assert journalled(window, "ends_at") == [str(datetime(2022, 2, 6, 23, 0, tzinfo=UTC))]
    assert store.meetings.get(window.meeting.id).ends_at == datetime(2022, 2, 7, 8, 0, tzinfo=UTC)


def test_switching_meetings_with_a_refused_title_asks_and_keep_editing_stays_in_the_field(
        qtbot, window, monkeypatch):
    asked = answer_box(monkeypatch, "Keep editing")
    meeting = window.meeting
    empty_the_title(qtbot, window, spaces="   ")
    click_meeting(qtbot, window, other_meeting(window))
    assert len(asked) == 1
    assert asked[0]["buttons"] == ["Discard", "Keep editing"]
    assert "Title: must not be empty" in asked[0]["informative"]
    assert window.meeting.id == meeting.id  # still here
    assert window.windowTitle() == f"Briefbook — {ROUND_1}"
    panel = overview(window)
    assert panel.title.text() == "   "
    assert window.focusWidget() is panel.title
    assert window.sidebar.view.currentIndex() == window.sidebar.model.index_of(meeting.id)
    assert journalled(window, "title") == [""]


def test_switching_meetings_and_discarding_puts_the_stored_title_back_and_forgets_it(
        qtbot, window, store, monkeypatch):
    asked = answer_box(monkeypatch, "Discard")
    meeting = window.meeting
    empty_the_title(qtbot, window)
    other = other_meeting(window)
    click_meeting(qtbot, window, other)
    assert len(asked) == 1
    assert window.meeting.id == other
    assert window.ctx.journal.pending() == ()
    click_meeting(qtbot, window, meeting.id)
    assert len(asked) == 1  # nothing refused is left to ask about
    assert overview(window).title.text() == ROUND_1
    assert not overview(window).form.bindings[0].error.isVisible()
    assert store.meetings.get(meeting.id).title == ROUND_1


def test_closing_with_an_unknown_zone_asks_keep_editing_stays_open_discard_closes(
        qtbot, open_window, monkeypatch, store):
    window = open_window(sample=True)
    when = overview(window).when
    asked = answer_box(monkeypatch, "Keep editing")
    when.zone.setFocus()
    when.zone.setEditText("Mars/Olympus")
    qtbot.keyClick(when.zone, Qt.Key.Key_Return)
    written(qtbot, window)
    assert journalled(window, "timezone") == ["Mars/Olympus"]
    window.close()
    assert len(asked) == 1 and "is not a known time zone" in asked[0]["informative"]
    assert window.isVisible()
    assert when.zone.currentText() == "Mars/Olympus"
    assert window.focusWidget() is when.zone or when.zone.isAncestorOf(window.focusWidget())
    asked = answer_box(monkeypatch, "Discard")
    window.close()
    assert len(asked) == 1 and not window.isVisible()
    again = open_window()
    assert recovery_bar(again) is None  # discarded: not offered at the next start
    # the sample's latest round, Round 2, in Washington, opens at start
    assert overview(again).when.zone.currentText() == "America/New_York"
    assert store.meetings.get(again.meeting.id).timezone == "America/New_York"


def test_after_a_kill_with_an_end_before_the_start_pending_the_next_start_offers_it(
        qtbot, open_window, store):
    window = open_window(sample=True)
    meeting = window.meeting
    when = overview(window).when
    when.end.setFocus()
    when.end.setDateTime(when.start.dateTime().addSecs(-3600))
    overview(window).title.setFocus()  # refused
    # The process dies: the kernel closes its files and drops the journal's lock; no close runs.
    journal = window.ctx.journal.journal
    journal._log.close()
    journal._lock.close()
    window.ctx.journal, window.ask_on_close = None, False
    window.hide()

    again = open_window()
    bar = recovery_bar(again)
    assert bar is not None and bar.title.text() == "Briefbook did not close properly last time."
    row = bar.rows[0]
    assert row.where.text() == f"the meeting “{meeting.title}” › End"
    # the sample's Round 2 (open at start): 09:00 to 16:30 in Washington, EDT
    assert row.comparison.texts() == (str(datetime(2022, 3, 14, 20, 30, tzinfo=UTC)),
                                      str(datetime(2022, 3, 14, 12, 0, tzinfo=UTC)))
    row.keep_button.click()  # kept like any other: refused again, said next to it
    written(qtbot, again)
    assert "ends before it starts" in row.error.message
    assert store.meetings.get(meeting.id).ends_at == datetime(2022, 3, 14, 20, 30, tzinfo=UTC)
    row.discard_button.click()
    assert recovery_bar(again) is None
