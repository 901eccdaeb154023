"""The Positions tab and the agenda's Record mode, as a user clicks and types them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QPlainTextEdit

from tests.ui.tabs import show_tab
from tests.ui.write_gate import WRITE_VERBS, Ticks, WriteGate, written
from ui.positions.model import OURS, SINCE, STATE, PositionsTableModel

ROUND1 = "US–Japan Partnership on Trade — Round 1"
ROUND2 = "US–Japan Partnership on Trade — Round 2"
S232 = "Section 232 tariffs on Japanese steel and aluminum"


def _open(qtbot, window, store, title, tab):
    meeting = store.meetings.resolve(title)
    window.open_meeting(meeting.id)
    return meeting, show_tab(qtbot, window, tab)


def _row(panel, issue_title):
    rows = range(panel.model.rowCount())
    return next(r for r in rows if panel.model.position(r).issue_title == issue_title)


def _shown(panel, row, column):
    return panel.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def _stored(store, meeting_id, issue_title):
    return next(p for p in store.positions.list(meeting_id) if p.issue_title == issue_title)


def test_the_tab_shows_each_issue_with_its_state_since_and_both_positions(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND2, "Positions")
    row = _row(panel, S232)
    assert (_shown(panel, row, STATE), _shown(panel, row, SINCE)) == ("Bracketed", "since round 2")
    assert _shown(panel, _row(panel, "WTO reform"), SINCE) == "since round 1"
    assert _shown(panel, row, OURS).startswith("A tariff-rate quota")
    assert panel.model.index(row, STATE).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "Bracketed, since round 2"


def test_a_state_is_picked_in_place_and_undone(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND2, "Positions")
    row = _row(panel, "WTO reform")
    index = panel.model.index(row, STATE)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    combo = panel.view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("agreed"))
    combo.activated.emit(combo.currentIndex())
    written(qtbot, window)  # set in the background
    assert (_stored(store, meeting.id, "WTO reform").state,
            _stored(store, meeting.id, "WTO reform").since_round) == ("agreed", 2)
    assert _shown(panel, _row(panel, "WTO reform"), SINCE) == "since round 2"
    window.undo()
    written(qtbot, window)
    assert (_stored(store, meeting.id, "WTO reform").state,
            _stored(store, meeting.id, "WTO reform").since_round) == ("open", 1)
    assert _shown(panel, _row(panel, "WTO reform"), STATE) == "Open"


def test_our_position_is_typed_in_place_and_round_1_keeps_its_own(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND2, "Positions")
    row = _row(panel, "Labor")
    index = panel.model.index(row, OURS)
    panel.view.setFocus()
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.view.indexWidget(index)
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, "Forced labour <ILO> & ")
    editor.insertPlainText("強制労働 🙂")  # as an input method commits it (QTest types ASCII only)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # writes the cell
    written(qtbot, window)
    assert _stored(store, meeting.id, "Labor").ours == "Forced labour <ILO> & 強制労働 🙂"
    round1 = store.meetings.resolve(ROUND1)
    assert _stored(store, round1.id, "Labor").ours == "Forced labor in supply chains"
    window.undo()
    written(qtbot, window)
    assert _stored(store, meeting.id, "Labor").ours == "Forced labor in supply chains"


def test_a_position_someone_else_changed_meanwhile_goes_to_the_conflict_dialog(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND2, "Positions")
    row = _row(panel, "Labor")
    shown = _stored(store, meeting.id, "Labor")
    # Another member saves their text first; this window still shows the version before.
    store.positions.set(meeting.id, shown.issue_id, shown.version, ours="Theirs: ILO core conventions")
    panel.model.setData(panel.model.index(row, OURS), "Mine: 強制労働 first", Qt.ItemDataRole.EditRole)
    written(qtbot, window)
    assert _stored(store, meeting.id, "Labor").ours == "Theirs: ILO core conventions"  # not written over
    dialog = window.conflicts.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Changed elsewhere — Our position"
    assert dialog.comparison.texts() == ("Theirs: ILO core conventions", "Mine: 強制労働 first")
    dialog.mine_button.click()  # keep mine: written over theirs, as the user chose
    qtbot.waitUntil(lambda: _stored(store, meeting.id, "Labor").ours == "Mine: 強制労働 first")


def test_the_timeline_shows_the_issue_in_every_round(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND2, "Positions")
    panel.view.selectRow(_row(panel, S232))
    panel.timeline_button.click()
    timeline = panel.show_timeline()
    rows = [[timeline.model.index(r, c).data() for c in (0, 2, 3)] for r in range(timeline.model.rowCount())]
    assert rows == [["Launch", "—", ""], ["Round 1", "Open", "since round 1"],
                    ["Round 2", "Bracketed", "since round 2"]]
    timeline.close()


def test_record_mode_tab_moves_field_to_field_and_item_to_item(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND1, "Agenda")
    panel.record_button.click()
    assert panel.stack.currentWidget() is panel.record_view
    first = panel.record_view.items[0]
    assert first.editors["record"].hasFocus()
    qtbot.keyClicks(first.editors["record"], "Opening remarks <both sides>")
    qtbot.keyClick(first.editors["record"], Qt.Key.Key_Tab)
    assert first.editors["agreed"].hasFocus()
    qtbot.keyClick(first.editors["agreed"], Qt.Key.Key_Tab)
    qtbot.keyClick(first.editors["open_points"], Qt.Key.Key_Tab)
    assert panel.record_view.items[1].editors["record"].hasFocus()
    panel.record_view.now = lambda: datetime(2022, 2, 7, 10, 5)
    panel.record_view.insert_time()
    qtbot.keyClicks(panel.record_view.items[1].editors["record"], "Steel discussed")
    panel.flush()
    agenda = store.agenda.list(meeting.id)
    assert agenda[0].record == "Opening remarks <both sides>"
    assert agenda[1].record == "[10:05] Steel discussed"


def test_applying_the_record_shows_the_changes_then_moves_positions_and_adds_actions_in_one_step(
        qtbot, window, store, monkeypatch):
    meeting, panel = _open(qtbot, window, store, ROUND1, "Agenda")
    panel.record_button.click()
    steel = panel.record_view.items[1]  # "Steel and aluminum excess capacity"
    steel.editors["agreed"].setFocus()
    qtbot.keyClicks(steel.editors["agreed"], "Work plan agreed [subject to capitals]")
    panel.record_view.add_follow_up()
    assert steel.editors["open_points"].hasFocus()
    qtbot.keyClicks(steel.editors["open_points"], "Draft the statement; owner: Industry; due: 2022-02-14")
    actions_before = len(store.actions.list(meeting.id))
    panel.record_view.apply_button.click()
    dialog = panel.record_dialog
    lines = dialog.model.stringList()
    assert lines == ["Steel and aluminum excess capacity: Open → Bracketed",
                     "New action item: Draft the statement (Industry, due 14 Feb 2022)"]
    gate = WriteGate(window.ctx.services.db.engine, "positions", WRITE_VERBS)
    ticks = Ticks()
    try:
        dialog.apply_button.click()
        qtbot.waitUntil(gate.started.is_set, timeout=10_000)
        ticks.turned(qtbot)  # the window goes on while the store is held
        assert _stored(store, meeting.id, "Steel and aluminum excess capacity").state == "open"
        assert len(store.actions.list(meeting.id)) == actions_before
        assert gate.held_off_the_gui_thread
    finally:
        gate.release()
    written(qtbot, window)
    steel_position = _stored(store, meeting.id, "Steel and aluminum excess capacity")
    assert (steel_position.state, steel_position.since_round) == ("bracketed", 1)
    actions = store.actions.list(meeting.id)
    assert len(actions) == actions_before + 1 and actions[-1].owner == "Industry"
    window.undo()  # one step takes both back
    written(qtbot, window)
    assert _stored(store, meeting.id, "Steel and aluminum excess capacity").state == "open"
    assert len(store.actions.list(meeting.id)) == actions_before
    window.redo()
    written(qtbot, window)
    assert _stored(store, meeting.id, "Steel and aluminum excess capacity").state == "bracketed"
    assert len(store.actions.list(meeting.id)) == actions_before + 1


def test_a_follow_up_with_a_bad_date_is_named_not_applied(qtbot, window, store):
    meeting, panel = _open(qtbot, window, store, ROUND1, "Agenda")
    panel.record_button.click()
    item = panel.record_view.items[2]
    item.editors["open_points"].setFocus()
    qtbot.keyClicks(item.editors["open_points"], "ACTION: call; due: Smarch 45")
    panel.record_view.apply_button.click()
    shown = panel.error.label.text()
    assert "Smarch 45" in shown and "Section 232" in shown and panel.error.isVisible()


def test_file_export_meeting_record_writes_the_pdf(qtbot, window, store, monkeypatch, tmp_path):
    from tests.briefing.pdf.reading import page_texts

    meeting, _ = _open(qtbot, window, store, ROUND2, "Positions")
    target = tmp_path / "record"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    assert window.window_actions.export_record.isEnabled()
    window.window_actions.export_record.trigger()
    written = Path(str(target) + ".pdf")
    qtbot.waitUntil(written.exists, timeout=60_000)
    text = " ".join(page_texts(written.read_bytes()))
    assert "MEETING RECORD · ROUND 2" in text and "POSITIONS THAT MOVED" in text


def test_the_positions_model_passes_the_model_tester(qtmodeltester, window, store):
    model = PositionsTableModel()
    model.set_positions(store.positions.list(store.meetings.resolve(ROUND2).id))
    qtmodeltester.check(model)


def test_the_timeline_shows_each_round_s_date_in_its_venue_s_zone_not_utc(qtbot, window, store):
    round1 = store.meetings.get(store.meetings.resolve(ROUND1).id)
    # 23:30 UTC on 6 Feb is 08:30 on 7 Feb in Tokyo, the venue's zone
    store.meetings.update(round1.id, round1.version, starts_at=datetime(2022, 2, 6, 23, 30, tzinfo=UTC),
                          ends_at=datetime(2022, 2, 7, 8, 0, tzinfo=UTC))
    meeting, panel = _open(qtbot, window, store, ROUND2, "Positions")
    panel.view.selectRow(_row(panel, S232))
    timeline = panel.show_timeline()
    shown = [timeline.model.index(r, 1).data() for r in range(timeline.model.rowCount())]
    assert f"{ROUND1} · 7 Feb 2022" in shown
    assert not any("6 Feb 2022" in text for text in shown)
    timeline.close()


def test_the_rows_fit_their_texts_at_the_widths_the_columns_have(qtbot, window, store):
    """Loaded while the tab was hidden, or the window resized since: each row is as tall as its
    texts wrapped at the columns' widths, not at the widths they had when it was read."""
    store_meeting = store.meetings.resolve(ROUND2)
    window.resize(1500, 900)
    window.open_meeting(store_meeting.id)  # read with another tab in front
    panel = show_tab(qtbot, window, "Positions")
    view = panel.view

    def fitted() -> bool:
        return all(view.rowHeight(r) == view.sizeHintForRow(r) for r in range(panel.model.rowCount()))

    qtbot.waitUntil(fitted)
    wide = view.rowHeight(_row(panel, S232))
    window.resize(900, 900)
    qtbot.waitUntil(lambda: view.rowHeight(_row(panel, S232)) > wide)  # narrower columns: more lines
    qtbot.waitUntil(fitted)
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: view.rowHeight(_row(panel, S232)) == wide)
    assert fitted()
