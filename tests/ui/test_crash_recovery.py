"""Crash recovery in the window: typing is journalled until saved; after a crash the next window
says so in a bar, shows what it kept beside what is stored, and keeps or discards it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from briefing.errors import TransientStoreError
from briefing.recovery.journal import CrashJournal
from tests.child_process import ROOT
from tests.ui.tabs import show_tab
from tests.ui.test_issue_notes import STEEL, notes_tab, section
from tests.ui.typing import type_into
from tests.ui.write_gate import written
from ui.recovery.bar import RecoveryBar

TYPED = "Kept after a crash: <b>鉄鋼</b> & 50% "


def store_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


def recovery_bar(window) -> RecoveryBar | None:
    return next((b for b in window.bars.bars() if isinstance(b, RecoveryBar)), None)


def crash_a_window_while_typing(db_url: str, settings_file: str, text: str) -> None:
    """A real window in a child process types ``text`` into the first note, and is killed."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crashing_window", str(store_path(db_url)), settings_file, text],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline().strip()
        if not line.startswith("journalled "):
            child.kill()
            raise AssertionError(f"the window did not journal: {line!r} {child.communicate()[1][-2000:]}")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL


def leave_a_journal_behind(db_url: str, edits: list[tuple]) -> None:
    """What a killed session leaves: its marker still says "running", its edits not committed."""
    journal = CrashJournal(store_path(db_url).parent / f".{store_path(db_url).name}.recovery")
    journal.start_session()
    for edit in edits:
        journal.record(*edit)
    journal._log.close()  # the process dies: the kernel closes its files and drops its lock
    journal._lock.close()


def test_typing_is_journalled_after_a_short_pause_and_settled_once_saved(qtbot, open_window):
    window = open_window(sample=True)  # autosave waits a minute
    panel = notes_tab(qtbot, window)
    qtbot.waitUntil(lambda: window.focusWidget() is section(panel))
    type_into(qtbot, section(panel), "- Nothing on rice")
    journal = window.ctx.journal
    qtbot.waitUntil(lambda: len(journal.pending()) == 1, timeout=3000)
    kept = journal.pending()[0]
    assert (kept.entity, kept.entity_id, kept.field) == ("note", panel.editor.note.id, "background")
    assert kept.value == section(panel).toPlainText()
    assert window.status.state.text() == "Saving…"  # journalled is not saved
    panel.view.setFocus()  # leaving the section writes it
    written(qtbot, window)
    assert journal.pending() == ()


def test_typing_without_a_pause_is_journalled_at_least_once_a_second(qtbot, open_window):
    window = open_window(sample=True)
    panel = notes_tab(qtbot, window)
    qtbot.waitUntil(lambda: window.focusWidget() is section(panel))
    journal = window.ctx.journal
    for char in "steady typing":  # a key every 120 ms: never the 250 ms pause
        type_into(qtbot, section(panel), char)
        qtbot.wait(120)
        if journal.pending():
            break
    assert journal.pending() and journal.pending()[0].value.startswith("steady")


def test_after_a_real_crash_the_next_window_offers_the_typing_and_keeps_it(qtbot, open_window, db_url,
                                                                           settings_file, store):
    first = open_window(sample=True)
    note = first.workspace.panel("Issue notes").editor.note or store.notes.list_full(first.meeting.id)[0]
    first.close()
    stored = store.notes.get(note.id).background
    crash_a_window_while_typing(db_url, settings_file, TYPED)
    assert store.notes.get(note.id).background == stored  # the crash lost the typing in the store

    window = open_window()
    bar = recovery_bar(window)
    assert bar is not None and bar.isVisible()
    assert bar.title.text() == "Briefbook did not close properly last time."
    assert "It kept 1 edit that had not been saved yet" in bar.text.text()
    row = bar.rows[0]
    assert row.where.text() == f"“{window.meeting.title}” · issue note “{STEEL}” › Background"
    assert row.comparison.texts() == (stored, TYPED + stored)
    row.keep_button.click()
    written(qtbot, window)  # kept in the background
    assert store.notes.get(note.id).background == TYPED + stored
    assert recovery_bar(window) is None
    panel = window.workspace.panel("Issue notes")
    assert window.workspace.tabs.currentWidget().isAncestorOf(panel)
    assert section(panel).toPlainText() == TYPED + stored
    window.undo()  # keeping is an ordinary edit
    written(qtbot, window)
    assert store.notes.get(note.id).background == stored
    window.close()
    assert recovery_bar(open_window()) is None  # settled: the next start says nothing


def test_a_kept_edit_can_be_discarded_and_is_not_offered_again(qtbot, open_window, db_url, store):
    first = open_window(sample=True)
    meeting = first.meeting
    first.close()
    leave_a_journal_behind(db_url, [("meeting", meeting.id, "title", "Round one (typed)", meeting.version)])
    window = open_window()
    bar = recovery_bar(window)
    assert bar.rows[0].where.text() == f"the meeting “{meeting.title}” › Title"
    bar.rows[0].discard_button.click()
    assert recovery_bar(window) is None
    assert store.meetings.get(meeting.id).title == meeting.title
    window.close()
    assert recovery_bar(open_window()) is None


def test_several_kept_edits_are_kept_at_once_even_when_the_store_changed_since(qtbot, open_window,
                                                                              db_url, store):
    first = open_window(sample=True)
    meeting = first.meeting
    tai = store.people.participants(meeting.id)[0]
    first.close()
    store.meetings.update(meeting.id, None, counterpart="Japan (changed after the crash)")
    leave_a_journal_behind(db_url, [
        ("meeting", meeting.id, "counterpart", "Japan — METI & MOFA", meeting.version),
        ("person", tai.person.id, "bio", "Typed bio 🙂", tai.person.version),
    ])
    window = open_window()
    bar = recovery_bar(window)
    assert len(bar.rows) == 2
    assert "changed after that" in bar.rows[0].detail.text()
    assert bar.rows[0].comparison.texts() == ("Japan (changed after the crash)", "Japan — METI & MOFA")
    bar.keep_all()
    written(qtbot, window)
    assert store.meetings.get(meeting.id).counterpart == "Japan — METI & MOFA"
    assert store.people.get_person(tai.person.id).bio == "Typed bio 🙂"
    assert recovery_bar(window) is None


def test_a_kept_edit_whose_row_is_gone_can_be_copied(qtbot, open_window, db_url, store):
    first = open_window(sample=True)
    note = store.notes.list_full(first.meeting.id)[1]
    first.close()
    store.notes.delete(note.id)
    leave_a_journal_behind(db_url, [("note", note.id, "objectives", "Kept objectives", note.version)])
    bar = recovery_bar(open_window())
    row = bar.rows[0]
    assert "no longer in the store" in row.where.text()
    assert not row.keep_button.isEnabled()
    row.copy_button.click()
    assert QApplication.clipboard().text() == "Kept objectives"


def test_an_unclean_exit_with_nothing_unsaved_says_so_and_closes(qtbot, open_window, db_url):
    open_window(sample=True).close()
    leave_a_journal_behind(db_url, [])
    window = open_window()
    bar = recovery_bar(window)
    assert bar.rows == [] and "nothing is missing" in bar.text.text()
    bar.dismiss()
    assert not window.bars.isVisible()


def test_a_clean_start_shows_no_bar(qtbot, window):
    assert recovery_bar(window) is None and not window.bars.isVisible()


def test_typing_the_store_refused_until_a_clean_close_is_offered_at_the_next_start(qtbot, open_window,
                                                                                 store, monkeypatch):
    window = open_window(sample=True)
    overview = show_tab(qtbot, window, "Overview")

    def full_disk(*_args, **_kwargs):
        raise TransientStoreError("The disk holding briefbook.db is full; nothing was written.")

    monkeypatch.setattr(window.ctx.services.meetings, "update", full_disk)
    overview.counterpart.selectAll()
    type_into(qtbot, overview.counterpart, "Japan — typed on a full disk")
    window.close()  # the save fails once more; the journal keeps the text past the exit
    again = open_window()
    bar = recovery_bar(again)
    assert bar.title.text() == "Briefbook kept typing that was not saved last time."
    assert bar.rows[0].comparison.texts()[1] == "Japan — typed on a full disk"
    bar.rows[0].keep_button.click()
    written(qtbot, again)
    assert store.meetings.get(again.meeting.id).counterpart == "Japan — typed on a full disk"
