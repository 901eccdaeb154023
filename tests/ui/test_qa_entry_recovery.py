"""What is typed in a Q&A entry's dialog is in the crash journal until it is saved: a kill with the
dialog open loses nothing. The next start offers an edit of an entry back in the recovery bar, and
Keep writes it; a new entry that was never saved is offered for copying. Cancel asks before the
text goes; closing the window keeps it for the next start."""

from __future__ import annotations

from tests.ui.conftest import answer_box
from tests.ui.test_crash_recovery import leave_a_journal_behind, recovery_bar
from tests.ui.test_qa_window import click
from tests.ui.typing import type_into
from tests.ui.write_gate import written

ANSWER = "Not before the ministerial <&> 鉄鋼 — and only with rules of origin."


def journalled(window) -> dict[tuple[str, int, str], str]:
    return {(e.entity, e.entity_id, e.field): e.value for e in window.ctx.journal.pending()}


def test_an_entrys_typed_answer_is_journalled_until_saved_and_a_new_one_until_discarded(
        qtbot, window, store, monkeypatch):
    bank = window.show_qa_bank()
    bank.view.selectRow(0)
    entry = bank.model.entry(0)
    click(qtbot, bank.edit_button)
    dialog = bank.dialog
    dialog.answer.selectAll()
    type_into(qtbot, dialog.answer, ANSWER)
    qtbot.waitUntil(lambda: journalled(window).get(("qa_entry", entry.id, "answer")) == ANSWER)
    assert ("qa_entry", entry.id, "question") not in journalled(window)  # (not typed in)
    click(qtbot, dialog.buttons.buttons()[0])  # saved: the journal lets it go
    qtbot.waitUntil(lambda: not dialog.isVisible())
    written(qtbot, window)
    assert store.qa.get(entry.id).answer == ANSWER and journalled(window) == {}
    click(qtbot, bank.new_button)
    dialog = bank.dialog
    type_into(qtbot, dialog.question, "A question never saved")
    qtbot.waitUntil(lambda: journalled(window).get(("qa_entry", 0, "question")) == "A question never saved")
    asked = answer_box(monkeypatch, "Keep editing")
    dialog.reject()  # Esc or Cancel: asked first — keep editing
    assert asked[0]["text"] == "The text you typed in this Q&A entry is not saved."
    assert dialog.isVisible() and dialog.question.toPlainText() == "A question never saved"
    assert ("qa_entry", 0, "question") in journalled(window)
    answer_box(monkeypatch, "Discard")
    dialog.reject()  # discarded, as the user chose: let go
    assert not dialog.isVisible() and journalled(window) == {}


def test_after_a_kill_an_entrys_answer_is_offered_and_kept_and_a_new_ones_text_can_be_copied(
        qtbot, open_window, db_url, store):
    first = open_window(sample=True)
    entry = store.qa.list()[0]
    first.close()
    leave_a_journal_behind(db_url, [("qa_entry", entry.id, "answer", ANSWER, entry.version),
                                    ("qa_entry", 0, "question", "A question never saved", None)])
    window = open_window()
    bar = recovery_bar(window)
    kept, new = bar.rows
    assert kept.where.text() == f"the Q&A entry “{entry.key}” › Answer"
    assert new.where.text().startswith("a new Q&A entry that was never saved")
    assert bar.keep(kept)
    written(qtbot, window)
    qtbot.waitUntil(lambda: store.qa.get(entry.id).answer == ANSWER)


def test_closing_the_window_with_an_entry_being_written_keeps_its_text_for_the_next_start(
        qtbot, open_window):
    first = open_window(sample=True)
    bank = first.show_qa_bank()
    click(qtbot, bank.new_button)
    type_into(qtbot, bank.dialog.answer, ANSWER)
    first.ask_on_close = False  # (as a session's end closes it: no question per dialog)
    first.close()
    bar = recovery_bar(open_window())
    (kept,) = bar.rows
    assert kept.recovered.edit.value == ANSWER
    assert kept.where.text().startswith("a new Q&A entry that was never saved")


def test_keeping_a_q_and_a_use_and_a_record_tells_the_views_to_read_again(qtbot, open_window, db_url, store):
    """After Keep replays them, the notes' entries, the bank, the tracker and the action items read
    the store again (they showed what was there before the replay)."""
    from briefing.recovery.journal import CrashJournal
    from briefing.recovery.replay_record import RECORD
    from briefing.recovery.row_changes import ADD, QA_USE, RowChange
    from tests.briefing.test_journal import abandon
    from tests.briefing.test_replay_record import with_a_record
    from tests.ui.test_crash_recovery import store_path

    first = open_window(sample=True)
    first.close()
    meeting, _ = with_a_record(store)
    note = store.notes.list(meeting.id)[0]
    entry = next(e for e in store.qa.list() if e.id not in {u.id for u in store.qa.for_note(note.id)})
    journal = CrashJournal(store_path(db_url).parent / f".{store_path(db_url).name}.recovery")
    journal.start_session()
    journal.record_row(RowChange(ADD, QA_USE, meeting.id, entry.id, {"note_id": note.id}, 0, entry.key))
    journal.record_row(RowChange(ADD, RECORD, meeting.id))
    abandon(journal)  # a kill
    window = open_window()
    told = []
    events = window.ctx.events
    events.sig_qa_changed.connect(lambda: told.append("qa"))
    events.sig_positions_changed.connect(lambda m: told.append(("positions", m)))
    events.sig_actions_changed.connect(lambda m: told.append(("actions", m)))
    recovery_bar(window).keep_all()
    written(qtbot, window)
    qtbot.waitUntil(lambda: store.qa.for_note(note.id)[0].id == entry.id)
    qtbot.waitUntil(lambda: {"qa", ("positions", meeting.id), ("actions", meeting.id)} <= set(told))


def test_typing_without_a_pause_is_journalled_while_it_goes_on(qtbot, window):
    from PySide6.QtCore import Qt

    bank = window.show_qa_bank()
    click(qtbot, bank.new_button)
    dialog = bank.dialog
    dialog.question.setFocus()
    for _ in range(8):  # a keystroke every 100 ms: never the pause a debounce would wait for
        qtbot.keyClick(dialog.question, Qt.Key.Key_A)
        qtbot.wait(100)
    assert journalled(window).get(("qa_entry", 0, "question"), "").startswith("aa")
