"""What undo needs from the services: deleted notes, actions and people come back where they were."""

from __future__ import annotations

import pytest

from briefing.errors import ValidationError


@pytest.fixture
def meeting(services):
    return services.meetings.create(title="Round 1", starts_at="2022-02-07T09:00:00+09:00")


def test_a_deleted_note_comes_back_at_its_place(services, meeting):
    titles = ["Steel", "Section 232", "WTO reform"]
    notes = [services.notes.add_new_issue(meeting.id, t) for t in titles]
    services.notes.delete(notes[1].id)
    assert [n.issue_title for n in services.notes.list(meeting.id)] == ["Steel", "WTO reform"]
    order = services.notes.restore(notes[1].id, 1)
    assert [n.issue_title for n in order] == titles
    assert [n.position for n in services.notes.list(meeting.id)] == [0, 1, 2]


def test_a_note_cannot_come_back_beside_a_newer_note_on_the_same_issue(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "Labor")
    services.notes.delete(note.id)
    services.notes.add(meeting.id, note.issue_id)
    with pytest.raises(ValidationError, match="another note"):
        services.notes.restore(note.id)


def test_a_source_can_be_put_back_at_its_number(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "CPTPP")
    for title in ("Bloomberg", "USTR statement"):
        services.notes.add_source(note.id, title)
    services.notes.add_source(note.id, "METI press release", position=0, publisher="METI")
    sources = services.notes.get(note.id).sources
    assert [(s.title, s.position) for s in sources] == [
        ("METI press release", 0), ("Bloomberg", 1), ("USTR statement", 2)]


def test_a_deleted_action_item_comes_back_at_its_place(services, meeting):
    items = [services.actions.add(meeting.id, text) for text in ("Dates", "Terms", "Options paper")]
    services.actions.delete(items[0].id)
    assert [a.text for a in services.actions.list(meeting.id)] == ["Terms", "Options paper"]
    services.actions.restore(items[0].id, 0)
    assert [(a.text, a.position) for a in services.actions.list(meeting.id)] == [
        ("Dates", 0), ("Terms", 1), ("Options paper", 2)]


def test_a_person_in_the_trash_comes_back_to_their_meetings(services, meeting):
    person = services.people.create_person("Koichi Hagiuda", native_name="萩生田光一")
    services.people.add_participant(meeting.id, person.id, "theirs", "Minister")
    services.people.delete_person(person.id)
    assert services.people.participants(meeting.id) == []
    assert services.people.restore_person(person.id).native_name == "萩生田光一"
    assert [p.person.name for p in services.people.participants(meeting.id)] == ["Koichi Hagiuda"]
