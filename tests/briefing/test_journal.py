"""The crash-recovery journal: unsaved edits survive a crash, clean exits leave nothing behind."""

from __future__ import annotations

import pytest

from briefing.recovery.journal import COMPACT_BYTES, CrashJournal, read_journal
from tests.store_files import read_only


def abandon(journal: CrashJournal) -> None:
    """End a session the way a killed process does: its files are closed, nothing else happens."""
    journal._log.close()
    journal._lock.close()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / ".briefbook.db.recovery"


def test_the_first_start_finds_nothing(folder):
    recovery = CrashJournal(folder).start_session()
    assert not recovery.unclean and recovery.pending == () and recovery.skipped_lines == 0


def test_saved_edits_and_a_clean_exit_leave_nothing_behind(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("note", 7, "background", "Steel: 25%", base_version=3)
    journal.committed("note", 7, "background", "Steel: 25%")
    assert journal.pending() == ()
    journal.end_session()
    assert list(folder.iterdir()) == []
    recovery = CrashJournal(folder).start_session()
    assert not recovery.unclean and recovery.pending == ()


def test_after_a_crash_the_next_start_says_so_and_offers_the_unsaved_text(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("note", 7, "background", "Steel", base_version=3)
    journal.record("note", 7, "background", "Steel and aluminum", base_version=3)
    journal.record("meeting", 2, "objectives", "Agree a work plan", base_version=5)
    journal.record("agenda_item", 4, "outcome", "Deferred")
    journal.committed("agenda_item", 4, "outcome", "Deferred")
    abandon(journal)

    recovery = CrashJournal(folder).start_session()
    assert recovery.unclean
    assert [(e.entity, e.entity_id, e.field, e.value, e.base_version) for e in recovery.pending] == [
        ("note", 7, "background", "Steel and aluminum", 3),
        ("meeting", 2, "objectives", "Agree a work plan", 5),
    ]


def test_a_save_of_older_text_does_not_clear_what_was_typed_since(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("note", 1, "red_lines", "No quota")
    journal.record("note", 1, "red_lines", "No quota on steel")  # typed while the save ran
    journal.committed("note", 1, "red_lines", "No quota")
    assert [e.value for e in journal.pending()] == ["No quota on steel"]


def test_a_torn_last_line_is_skipped_and_the_rest_kept(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("note", 3, "talking_points", "1. Point one")
    path = journal._journal_path()
    abandon(journal)
    with path.open("ab") as f:
        f.write(b'{"op": "edit", "entity": "note", "id": 3, "field": "talking_points", "val')

    recovery = CrashJournal(folder).start_session()
    assert recovery.unclean and recovery.skipped_lines == 1
    assert [e.value for e in recovery.pending] == ["1. Point one"]


def test_recovered_edits_survive_a_second_crash_until_the_user_decides(folder):
    first = CrashJournal(folder)
    first.start_session()
    first.record("person", 9, "bio", "Minister since 2021")
    abandon(first)
    second = CrashJournal(folder)
    assert len(second.start_session().pending) == 1
    abandon(second)  # crashed again before the user chose

    third = CrashJournal(folder)
    recovery = third.start_session()
    assert recovery.unclean and [e.value for e in recovery.pending] == ["Minister since 2021"]
    third.discard("person", 9, "bio")
    third.end_session()
    assert CrashJournal(folder).start_session().pending == ()


def test_a_second_window_on_the_same_store_is_not_taken_for_a_crash(folder):
    window_a = CrashJournal(folder)
    window_a.start_session()
    window_a.record("note", 1, "background", "typing in window A")
    window_b = CrashJournal(folder)
    recovery = window_b.start_session()
    assert not recovery.unclean and recovery.pending == ()
    window_b.end_session()
    abandon(window_a)
    assert [e.value for e in CrashJournal(folder).start_session().pending] == ["typing in window A"]


def test_edits_left_pending_at_a_clean_exit_are_offered_without_crying_crash(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record("action", 5, "text", "Send the draft to METI")
    journal.end_session()
    recovery = CrashJournal(folder).start_session()
    assert not recovery.unclean and [e.value for e in recovery.pending] == ["Send the draft to METI"]


HOSTILE = [
    "<b>bold</b> & <script>alert(1)</script> </unbalanced",
    "\x00NUL \x07bell \x1b[31m escape \r\n CRLF \u2028 line separator",
    "lone surrogate \ud83d from a broken clipboard",
    "مرحبا بالعالم right-to-left \u202e override",
    "e\u0301\u0302\u0303 combining marks, 👩🏽‍💻 emoji, 鉄鋼・アルミニウムの過剰生産能力",
    "x" * 200_000,
]


def test_any_text_comes_back_exactly(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    for n, text in enumerate(HOSTILE):
        journal.record("note", n, "background", text)
    abandon(journal)
    assert [e.value for e in CrashJournal(folder).start_session().pending] == HOSTILE


def test_the_journal_stays_small_while_the_same_field_is_typed_again_and_again(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    chunk = "Background paragraph. " * 5000  # ~110 KB a record
    for n in range(40):
        journal.record("note", 1, "background", chunk + str(n))
    size = journal._journal_path().stat().st_size
    assert size < COMPACT_BYTES + 2 * len(chunk)
    assert [e.value for e in journal.pending()] == [chunk + "39"]
    edits, skipped = read_journal(journal._journal_path())
    assert [e.value for e in edits] == [chunk + "39"] and skipped == 0


def test_the_journal_sits_beside_the_store_or_in_the_data_dir_when_that_folder_is_locked(
        tmp_path, monkeypatch):
    from briefing.services import Services

    services = Services.open(f"sqlite:///{tmp_path / 'round1.db'}")
    try:
        assert CrashJournal.for_database(services.db).folder == tmp_path / ".round1.db.recovery"
        monkeypatch.setattr("briefing.recovery.journal.default_data_dir", lambda: tmp_path / "data")
        with read_only(tmp_path):
            elsewhere = CrashJournal.for_database(services.db).folder
        assert elsewhere.parent == tmp_path / "data" / "recovery"
        assert elsewhere.name.startswith("round1.db-")
    finally:
        services.close()
