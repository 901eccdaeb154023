"""Who did what: every note save, action item, Trash move, import and sample load is logged with its user."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from briefing.changelog import records as log
from briefing.config import Config
from briefing.errors import ConflictError
from briefing.services import Services

ROUND1 = "US–Japan Partnership on Trade — Round 1"


@pytest.fixture
def alice(sample):
    """The sample store, worked on by a desk officer called alice (as Settings would say)."""
    sample.notes.author = "alice"
    sample.actions.user = "alice"
    sample.trash.user = "alice"
    return sample


def _lines(services, **filters) -> list[tuple]:
    return [(c.user_name, c.meeting_title, c.what, c.field)
            for c in services.changelog.changes(**filters)]


def test_loading_the_sample_logs_each_meeting_with_the_user(sample):
    changes = sample.changelog.changes()
    meetings = sample.meetings.list()
    assert [c.what for c in changes] == [log.SAMPLE_LOADED] * len(meetings)
    assert {c.meeting_title for c in changes} == {m.title for m in meetings} >= {ROUND1}
    assert all(c.user_name == sample.config.user_name for c in changes)


def test_a_note_save_logs_each_changed_field_and_a_burst_of_saves_is_one_line(alice):
    meeting = alice.meetings.resolve(ROUND1)
    note = alice.notes.list_full(meeting.id)[0]
    saved = alice.notes.update(note.id, note.version, background="新しい背景 <b>&</b> 🚢",
                               status="cleared")
    saved = alice.notes.update(note.id, saved.version, background="again")
    got = _lines(alice, meeting_id=meeting.id)
    assert ("alice", ROUND1, log.NOTE_EDITED, "background") in got
    assert ("alice", ROUND1, log.NOTE_EDITED, "status") in got
    assert got.count(("alice", ROUND1, log.NOTE_EDITED, "background")) == 1  # the burst folded


def test_a_refused_save_logs_nothing(alice):
    note = alice.notes.list_full(alice.meetings.resolve(ROUND1).id)[0]
    before = len(alice.changelog.changes())
    with pytest.raises(ConflictError):
        alice.notes.update(note.id, note.version + 5, background="lost?")
    assert len(alice.changelog.changes()) == before


def test_two_users_editing_the_same_field_are_two_lines(alice, db_url):
    note = alice.notes.list_full(alice.meetings.resolve(ROUND1).id)[0]
    saved = alice.notes.update(note.id, note.version, objectives="alice's")
    with Services.open(db_url, Config(user_name="bob")) as bob:
        bob.notes.update(note.id, saved.version, objectives="bob's")
    users = [c.user_name for c in alice.changelog.changes(row_id=note.id) if c.field == "objectives"]
    assert users == ["alice", "bob"]


def test_restoring_a_revision_is_logged_as_a_restore(alice):
    note = alice.notes.list_full(alice.meetings.resolve(ROUND1).id)[0]
    saved = alice.notes.update(note.id, note.version, red_lines="none")
    original = alice.history.revisions(note.id)[-1]
    alice.history.restore(original.id, saved.version)
    assert (log.NOTE_RESTORED, "red_lines") in [(c.what, c.field) for c in alice.changelog.changes()]


def test_action_items_added_edited_and_trashed_are_logged(alice):
    meeting = alice.meetings.resolve(ROUND1)
    item = alice.actions.add(meeting.id, "Send the text to Tokyo", owner="林")
    alice.actions.update(item.id, item.version, status="done")
    alice.actions.delete(item.id)
    kinds = (log.ACTION_ADDED, log.ACTION_EDITED, log.TRASHED)
    got = [(c.what, c.field) for c in alice.changelog.changes(row_id=item.id, whats=kinds)]
    assert got == [(log.ACTION_ADDED, ""), (log.ACTION_EDITED, "status"), (log.TRASHED, "action")]


def test_the_trash_logs_restores_and_emptying(alice):
    meeting = alice.meetings.resolve(ROUND1)
    note = alice.notes.list(meeting.id)[0]
    alice.notes.delete(note.id)
    alice.trash.restore("note", note.id)
    alice.notes.delete(note.id)
    alice.trash.empty()
    kinds = (log.TRASHED, log.TRASH_RESTORED, log.TRASH_EMPTIED)
    got = [(c.what, c.field) for c in alice.changelog.changes(row_id=note.id, whats=kinds)]
    assert got == [(log.TRASHED, "note"), (log.TRASH_RESTORED, "note"), (log.TRASHED, "note"),
                   (log.TRASH_EMPTIED, "note")]


def test_a_meeting_deleted_for_good_keeps_its_changes_without_the_meeting(alice):
    meeting = alice.meetings.resolve(ROUND1)
    alice.meetings.delete(meeting.id)
    alice.trash.empty()
    changes = alice.changelog.changes()
    assert changes[-1].what == log.TRASH_EMPTIED and changes[-1].meeting_id is None
    sample_lines = [c for c in changes if c.what == log.SAMPLE_LOADED]
    assert len(sample_lines) == len(alice.meetings.list()) + 1
    assert sum(c.meeting_id is None for c in sample_lines) == 1


def test_an_import_logs_each_meeting_it_added(services):
    from briefing.interchange import import_document
    from briefing.interchange.sample import sample_document

    summary = import_document(services.db, sample_document(), Config(user_name="carol 🙂"))
    changes = services.changelog.changes()
    assert [(c.user_name, c.what, c.meeting_id) for c in changes] == [
        ("carol 🙂", log.IMPORTED, meeting_id) for meeting_id in summary.meeting_ids]


def test_changes_since_a_moment_and_of_one_meeting(alice):
    meeting = alice.meetings.resolve(ROUND1)
    note = alice.notes.list_full(meeting.id)[0]
    alice.notes.update(note.id, note.version, owner="Trade desk")
    everything = alice.changelog.changes()
    assert alice.changelog.changes(since=datetime.now(UTC) + timedelta(days=1)) == []
    assert alice.changelog.changes(since=everything[-1].at)[-1] == everything[-1]
    assert {c.meeting_id for c in alice.changelog.changes(meeting_id=meeting.id)} == {meeting.id}


def test_an_empty_user_name_is_logged_as_unknown(services):
    meeting = services.meetings.create(title="A", starts_at=datetime(2030, 1, 7, 9, tzinfo=UTC))
    services.actions.user = "   "
    services.actions.add(meeting.id, "x")
    assert services.changelog.changes()[-1].user_name == "unknown"


def test_a_position_set_changed_and_cleared_is_logged_with_its_fields(alice):
    meeting = alice.meetings.resolve(ROUND1)
    alice.positions.user = "alice"
    issue_id = alice.notes.list(meeting.id)[0].issue_id
    alice.positions.clear(meeting.id, issue_id)
    first = alice.positions.set(meeting.id, issue_id, ours="Zero tariffs", state="open")
    alice.positions.set(meeting.id, issue_id, first.version, theirs="日本: 段階的に")
    alice.positions.clear(meeting.id, issue_id)
    got = [(c.user_name, c.what, c.field) for c in alice.changelog.changes(whats=(log.POSITION_CHANGED,))]
    assert ("alice", log.POSITION_CHANGED, "ours") in got
    assert ("alice", log.POSITION_CHANGED, "theirs") in got
    assert got[-1] == ("alice", log.POSITION_CHANGED, "cleared")


def test_a_note_on_a_new_issue_is_logged_as_added(alice):
    meeting = alice.meetings.resolve(ROUND1)
    note = alice.notes.add_new_issue(meeting.id, "Digital trade 🙂")
    got = [(c.user_name, c.what) for c in alice.changelog.changes(row_id=note.id, whats=(log.NOTE_ADDED,))]
    assert got == [("alice", log.NOTE_ADDED)]


@pytest.mark.sqlite_only(reason="backups and restores are of SQLite files")
def test_a_restore_from_a_backup_is_logged_in_the_restored_store(sample, tmp_path):
    from briefing.backups.service import BackupService

    backups = BackupService(sample.db, folder=tmp_path / "backups", user="restorer 林")
    taken = backups.create()
    backups.restore(taken.path)
    last = sample.changelog.changes()[-1]
    assert (last.user_name, last.what, last.meeting_id) == ("restorer 林", log.STORE_RESTORED, None)


def test_a_meeting_an_agenda_item_and_a_person_moved_to_the_trash_are_logged(alice):
    alice.agenda.user = alice.people.user = "alice"
    meeting = alice.meetings.resolve(ROUND1)
    item = alice.agenda.list(meeting.id)[0]
    person = alice.people.list_people()[0]
    alice.agenda.delete(item.id)
    alice.people.delete_person(person.id)
    alice.meetings.delete(meeting.id)
    got = [(c.user_name, c.what, c.field, c.row_id, c.meeting_id)
           for c in alice.changelog.changes(whats=(log.TRASHED,))]
    assert got == [("alice", log.TRASHED, "agenda item", item.id, meeting.id),
                   ("alice", log.TRASHED, "person", person.id, None),
                   (alice.config.user_name, log.TRASHED, "meeting", meeting.id, meeting.id)]
