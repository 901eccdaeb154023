"""What waited offline survives a kill: a table cell's exact value and the changes made to lists."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from briefing.recovery.journal import CrashJournal, read_journal
from briefing.recovery.row_changes import ADD, DELETE, MOVE, RowChange


def abandon(journal: CrashJournal) -> None:
    """End a session the way a killed process does: its files are closed, nothing else happens."""
    journal._log.close()
    journal._lock.close()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / ".briefbook.db.recovery"


@pytest.mark.parametrize("value", [45, 0, None, True, 2.5, date(2026, 12, 24),
                                   datetime(2026, 12, 24, 9, 30), time(9, 30), timedelta(minutes=90),
                                   Decimal("12.50"), "", "5"])
def test_a_cells_value_given_offline_comes_back_as_exactly_that_value_after_a_kill(folder, value):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("action", 4, "due", "", base_version=2, data=value, meeting_id=3)
    abandon(journal)
    kept = CrashJournal(folder).start_session().pending
    assert len(kept) == 1 and kept[0].typed and kept[0].meeting_id == 3 and kept[0].base_version == 2
    assert kept[0].written == value and type(kept[0].written) is type(value)


def test_a_value_the_journal_cannot_keep_is_refused_before_anything_is_written(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    with pytest.raises(ValueError):
        journal.record("action", 4, "due", "", data=object())
    assert journal.pending() == ()


def test_a_written_cell_is_settled_and_a_clean_exit_leaves_nothing(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("agenda_item", 9, "minutes", "", base_version=1, data=45, meeting_id=3)
    journal.committed("agenda_item", 9, "minutes", "45")
    journal.end_session()
    assert list(folder.iterdir()) == []


def test_a_journal_written_before_values_and_lists_were_kept_still_reads(folder):
    folder.mkdir()
    (folder / "old.lock").write_text(json.dumps({"state": "running"}))
    (folder / "old.jsonl").write_text(json.dumps(
        {"op": "edit", "entity": "note", "id": 7, "field": "background", "value": "Steel",
         "base_version": 3, "at": "2026-12-01T09:00:00+00:00"}) + "\n")
    recovery = CrashJournal(folder).start_session()
    assert [(e.entity, e.entity_id, e.value, e.typed) for e in recovery.pending] == \
        [("note", 7, "Steel", False)]
    assert recovery.rows == () and recovery.unclean


def test_changes_to_lists_given_offline_are_offered_in_order_after_a_kill(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    added = journal.record_row(RowChange(ADD, "agenda_item", 3, values={"title": "Steel", "minutes": 20},
                                         index=1))
    journal.record_row(RowChange(MOVE, "action", 3, row_id=12, index=0, title="Visas"))
    journal.record_row(RowChange(DELETE, "agenda_item", 3, row_of=added))
    abandon(journal)
    recovery = CrashJournal(folder).start_session()
    assert recovery.unclean and recovery.pending == ()
    assert [(p.change.what, p.change.kind, p.change.row_id) for p in recovery.rows] == \
        [(ADD, "agenda_item", None), (MOVE, "action", 12), (DELETE, "agenda_item", None)]
    assert recovery.rows[0].change.values == {"title": "Steel", "minutes": 20}
    assert recovery.rows[2].change.row_of == recovery.rows[0].token


def test_a_change_written_before_the_kill_is_not_offered_and_names_the_row_its_add_made(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    added = journal.record_row(RowChange(ADD, "action", 3, values={"text": "Call Tokyo"}, index=0))
    journal.record_row(RowChange(MOVE, "action", 3, row_of=added, index=2))
    journal.row_written(added, made_id=41)
    assert [(p.change.what, p.change.row_id) for p in journal.pending_rows()] == [(MOVE, 41)]
    abandon(journal)
    recovery = CrashJournal(folder).start_session()
    assert [(p.change.what, p.change.row_id, p.change.index) for p in recovery.rows] == [(MOVE, 41, 2)]


def test_kept_list_changes_survive_a_second_kill_and_a_clean_exit_until_settled(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record_row(RowChange(DELETE, "note", 3, row_id=5, title="Rice"))
    abandon(journal)
    second = CrashJournal(folder)
    (kept,) = second.start_session().rows
    abandon(second)
    third = CrashJournal(folder)
    assert [p.token for p in third.start_session().rows] == [kept.token]
    third.end_session()  # a clean exit with the change still kept: offered, not lost
    fourth = CrashJournal(folder)
    recovery = fourth.start_session()
    assert not recovery.unclean and recovery.anything_kept
    fourth.discard_row(kept.token)
    fourth.end_session()
    assert list(folder.iterdir()) == []


def test_an_older_reader_skips_the_new_lines_without_losing_the_edits(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record_row(RowChange(DELETE, "note", 3, row_id=5))
    journal.record("note", 7, "background", "Steel")
    edits, skipped = read_journal(journal._journal_path())
    assert [e.value for e in edits] == ["Steel"] and skipped == 0
    abandon(journal)
