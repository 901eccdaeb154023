"""Rounds in the app: what changed since the last round (Meeting menu), an issue's timeline (note editor)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from tests.ui.diff_reading import struck_and_underlined
from tests.ui.tabs import show_tab
from ui.models.timeline_table import CHANGED, NOT_ON_THE_TABLE, OBJECTIVES, STATUS, THEIR_POSITION

ROUND_1 = "US–Japan Partnership on Trade — Round 1"
STEEL = "Steel and aluminum excess capacity"
WTO = "WTO reform"


def round_2(services):
    """Round 2 carried forward from Round 1, then prepared: one note edited, one dropped, one new."""
    round1 = services.meetings.resolve(ROUND_1)
    nxt = services.rounds.carry_forward(round1.id)
    notes = {n.issue_title: n for n in services.notes.list_full(nxt.id)}
    steel = notes[STEEL]
    services.notes.update(steel.id, steel.version, priority="low",
                          their_position="Tokyo now links any quota to the 232 duties.",
                          red_lines=steel.red_lines + "\n- Nothing on rice")
    services.notes.delete(notes[WTO].id)
    services.notes.add_new_issue(nxt.id, "Critical minerals")
    return nxt


def open_round_2(open_window):
    window = open_window(sample=True)
    nxt = round_2(window.ctx.services)
    window.sidebar.reload()
    window.open_meeting(nxt.id)
    return window, nxt


def test_what_changed_since_the_last_round_shows_exactly_the_changed_sections(qtbot, open_window):
    window, nxt = open_round_2(open_window)
    action = window.window_actions.round_changes
    assert action.isEnabled()
    action.trigger()
    view = next(w for w in QApplication.topLevelWidgets()
                if type(w).__name__ == "RoundChangesView" and w.isVisible())
    text = view.text()
    assert "1 issue changed · 1 new · 1 dropped · 7 unchanged" in text
    steel = text[text.index(f"{STEEL}  — changed"):text.index("Critical minerals")]
    assert "Priority: high → low" in steel
    assert [h for h in ("Background", "Our objectives", "Their position", "Talking points",
                        "Anticipated asks / defensive Q&A", "Red lines") if f"\n{h}\n" in steel] == \
        ["Their position", "Red lines"]
    struck, underlined = struck_and_underlined(view.browser.document())
    assert "Japan shares" in struck and "Tokyo now links any quota to" in underlined
    assert "- Nothing on rice" in underlined
    assert "Critical minerals  — new this round  Open the note\nNothing written yet." in text
    assert f"{WTO}  — dropped since the last round" in text
    assert text.rstrip().splitlines()[-1].startswith("Unchanged: ")

    steel_note = next(n for n in window.ctx.services.notes.list(nxt.id) if n.issue_title == STEEL)
    view.browser.anchorClicked.emit(QUrl(f"note:{steel_note.id}"))  # "Open the note"
    notes = window.workspace.panel("Issue notes")
    assert notes.editor.note.id == steel_note.id
    assert not view.problem.isVisible()


def test_a_meeting_without_a_previous_round_has_nothing_to_compare(qtbot, window):
    launch = next(m for m in window.ctx.services.meetings.list() if m.round_no == 0)
    window.open_meeting(launch.id)
    assert not window.window_actions.round_changes.isEnabled()


def test_the_timeline_shows_the_issue_in_every_round_with_what_changed(qtbot, open_window):
    window, nxt = open_round_2(open_window)
    panel = show_tab(qtbot, window, "Issue notes")
    panel.view.setCurrentIndex(panel.model.index(
        next(r for r in range(panel.model.rowCount()) if panel.model.summary(r).issue_title == STEEL)))
    qtbot.mouseClick(panel.editor.timeline_button, Qt.MouseButton.LeftButton)
    view = panel.editor.windows["timeline"]
    rows = view.rows()
    assert [r[0].splitlines()[0] for r in rows] == ["Launch", "Round 1", "Round 2 (this meeting)"]
    launch, first, second = rows
    assert second[THEIR_POSITION] == f"{CHANGED}\nTokyo now links any quota to the 232 duties."
    assert not second[OBJECTIVES].startswith(CHANGED)  # carried forward unchanged
    assert second[STATUS] == "Draft\nlow priority"
    assert launch[STATUS].startswith("Cleared")


def test_a_round_without_a_note_on_the_issue_says_so(qtbot, open_window):
    window, nxt = open_round_2(open_window)
    panel = show_tab(qtbot, window, "Issue notes")
    minerals = next(r for r in range(panel.model.rowCount())
                    if panel.model.summary(r).issue_title == "Critical minerals")
    panel.view.setCurrentIndex(panel.model.index(minerals))
    panel.editor.show_timeline()
    rows = panel.editor.windows["timeline"].rows()
    assert [r[STATUS] for r in rows[:2]] == [NOT_ON_THE_TABLE, NOT_ON_THE_TABLE]
    assert rows[2][STATUS].startswith("Draft")


def test_the_timeline_dates_each_round_on_its_venue_day(qtbot, open_window):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    window, nxt = open_round_2(open_window)
    services = window.ctx.services
    round1 = services.meetings.get(services.meetings.resolve(ROUND_1).id)
    early = datetime(2022, 2, 7, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 6 Feb, 23:00 UTC
    services.meetings.update(round1.id, round1.version, starts_at=early, ends_at=None)
    panel = show_tab(qtbot, window, "Issue notes")
    panel.view.setCurrentIndex(panel.model.index(
        next(r for r in range(panel.model.rowCount()) if panel.model.summary(r).issue_title == STEEL)))
    panel.editor.show_timeline()
    rows = panel.editor.windows["timeline"].rows()
    assert rows[1][0].splitlines()[:2] == ["Round 1", "7 Feb 2022"]
