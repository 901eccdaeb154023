"""Kept edits described for the unclean-exit bar: where they belong, what the store holds now."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.recovery.journal import PendingEdit
from briefing.recovery.recovered import describe_all, describe_edit


def kept(entity: str, entity_id: int, field: str, value: str, base: int | None = None) -> PendingEdit:
    return PendingEdit(entity, entity_id, field, value, base, datetime(2022, 2, 6, 9, tzinfo=UTC))


def test_a_note_section_is_placed_by_meeting_and_issue_with_the_stored_text(sample):
    meeting = sample.meetings.list()[-1]
    note = sample.notes.list_full(meeting.id)[0]
    found = describe_edit(sample, kept("note", note.id, "red_lines", "- Nothing on rice", note.version))
    assert found.where == f"“{meeting.title}” · issue note “{note.issue_title}”"
    assert found.stored == note.red_lines and found.differs and not found.changed_since
    assert found.meeting_id == meeting.id and not found.gone


def test_a_row_saved_since_is_said_to_have_changed(sample):
    meeting = sample.meetings.list()[-1]
    sample.meetings.update(meeting.id, None, title="Round 1 (renamed elsewhere)")
    found = describe_edit(sample, kept("meeting", meeting.id, "title", "Round one", base=1))
    assert found.where == "the meeting “Round 1 (renamed elsewhere)”"
    assert found.changed_since and found.stored == "Round 1 (renamed elsewhere)"


def test_a_participant_and_a_person_are_named(sample):
    meeting = sample.meetings.list()[-1]
    tai = sample.people.participants(meeting.id)[0]
    assert describe_edit(sample, kept("participant", tai.id, "role", "Lead")).where == \
        f"“{meeting.title}” · participant Katherine Tai"
    person = describe_edit(sample, kept("person", tai.person.id, "bio", "x"))
    assert person.where == "the person Katherine Tai"


def test_a_row_gone_is_said_to_be_gone_and_its_text_is_kept(sample):
    meeting = sample.meetings.list()[-1]
    note = sample.notes.list_full(meeting.id)[0]
    sample.notes.delete(note.id)
    gone = describe_edit(sample, kept("note", note.id, "background", "typed <b>"))
    assert gone.gone and gone.differs and gone.stored == "" and gone.edit.value == "typed <b>"
    assert "no longer in the store" in gone.where


def test_an_edit_the_store_already_holds_does_not_differ(sample):
    meeting = sample.meetings.list()[-1]
    found = describe_all(sample, (kept("meeting", meeting.id, "title", meeting.title),))
    assert [f.differs for f in found] == [False]
