"""After a kill, the changes to lists it had kept are said plainly in the recovery bar; Keep replays
them in order (one that can no longer apply is said, not raised), Discard drops them."""

from __future__ import annotations

from briefing.recovery.journal import CrashJournal
from briefing.recovery.row_changes import ADD, MOVE, RowChange
from tests.ui.tabs import show_tab
from tests.ui.test_agenda import titles
from tests.ui.test_crash_recovery import recovery_bar, store_path
from tests.ui.write_gate import written


def leave_list_changes_behind(db_url: str, changes: list[RowChange]) -> None:
    """What a session killed offline leaves: its marker says "running", its list changes unsettled."""
    journal = CrashJournal(store_path(db_url).parent / f".{store_path(db_url).name}.recovery")
    journal.start_session()
    for change in changes:
        journal.record_row(change)
    journal._log.close()  # the process dies: the kernel closes its files and drops its lock
    journal._lock.close()


def test_kept_list_changes_are_said_and_replayed_in_order_and_a_gone_row_is_said(
        qtbot, open_window, db_url, store):
    first = open_window(sample=True)
    meeting_id = first.meeting.id
    first.close()
    items = store.agenda.list(meeting_id)
    gone = store.actions.list(meeting_id)[0]
    store.actions.delete(gone.id)  # deleted by someone else meanwhile
    leave_list_changes_behind(db_url, [
        RowChange(ADD, "agenda_item", meeting_id, values={"title": "Steel", "minutes": 20}, index=0),
        RowChange(MOVE, "action", meeting_id, row_id=gone.id, index=1, title="Visas"),
        RowChange(MOVE, "agenda_item", meeting_id, row_id=items[0].id, index=2),
    ])
    window = open_window()
    bar = recovery_bar(window)
    assert bar is not None and bar.rows == []
    assert "It kept changes to lists made offline" in bar.text.text()
    assert bar.lists.text.text() == (
        "3 changes to lists made offline were not saved: added agenda item “Steel”, moved action item "
        f"“Visas”, moved agenda item “{items[0].title}”.")
    agenda = show_tab(qtbot, window, "Agenda")
    bar.lists.keep_button.click()
    written(qtbot, window)
    stored = [item.title for item in store.agenda.list(meeting_id)]
    assert stored[0] == "Steel" and stored[2] == items[0].title
    qtbot.waitUntil(lambda: titles(agenda)[:1] == ["Steel"])  # the agenda re-read
    assert bar.lists.error.message == ("Not saved: moved action item “Visas” — it is no longer in the "
                                       "store (deleted, or in the Trash).")
    assert window.ctx.journal.pending_rows() == ()
    bar.lists.discard_button.click()  # (now "Close")
    assert recovery_bar(window) is None


def test_kept_list_changes_can_be_discarded_and_are_not_offered_again(qtbot, open_window, db_url, store):
    first = open_window(sample=True)
    meeting_id = first.meeting.id
    first.close()
    before = [item.title for item in store.agenda.list(meeting_id)]
    leave_list_changes_behind(db_url, [RowChange(ADD, "agenda_item", meeting_id, values={"title": "Steel"})])
    window = open_window()
    recovery_bar(window).lists.discard_button.click()
    assert recovery_bar(window) is None
    assert [item.title for item in store.agenda.list(meeting_id)] == before
    window.close()
    assert recovery_bar(open_window()) is None
