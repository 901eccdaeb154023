"""What undo relies on: the Trash puts rows back where they were; sources go back at their number."""

from __future__ import annotations

import pytest


@pytest.fixture
def meeting(services):
    return services.meetings.create(title="Round 1", starts_at="2022-02-07T09:00:00+09:00")


def test_a_note_deleted_then_restored_is_back_at_its_place(services, meeting):
    titles = ["Steel", "Section 232", "WTO reform"]
    notes = [services.notes.add_new_issue(meeting.id, t) for t in titles]
    services.notes.delete(notes[1].id)
    assert [n.issue_title for n in services.notes.list(meeting.id)] == ["Steel", "WTO reform"]
    services.trash.restore("note", notes[1].id)
    assert [(n.issue_title, n.position) for n in services.notes.list(meeting.id)] == [
        ("Steel", 0), ("Section 232", 1), ("WTO reform", 2)]


def test_a_source_can_be_put_back_at_its_number(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "CPTPP")
    for title in ("Bloomberg", "USTR statement"):
        services.notes.add_source(note.id, title)
    services.notes.add_source(note.id, "METI press release", position=0, publisher="METI")
    sources = services.notes.get(note.id).sources
    assert [(s.title, s.position) for s in sources] == [
        ("METI press release", 0), ("Bloomberg", 1), ("USTR statement", 2)]
