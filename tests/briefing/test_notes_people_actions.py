"""Issue notes with sources, the issue library, people and participants, action items."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.errors import ConflictError, ValidationError
from briefing.vocabulary import NOTE_FIELDS


@pytest.fixture
def meeting(services):
    return services.meetings.create(title="Round 1", starts_at="2022-02-07T09:00:00+09:00")


def test_a_note_keeps_every_section_exactly(services, meeting):
    issue = services.issues.create("Digital trade")
    note = services.notes.add(meeting.id, issue.id)
    texts = {name: f"{name}: <para> & <b>unclosed 日米 🎌\r\n  trailing  " for name in NOTE_FIELDS}
    note = services.notes.update(note.id, note.version, **texts)
    again = services.notes.get(note.id)
    assert {name: again.section(name) for name in NOTE_FIELDS} == texts
    assert again.status == "draft" and again.priority == "medium"


def test_one_note_per_issue_per_meeting(services, meeting):
    issue = services.issues.create("WTO reform")
    services.notes.add(meeting.id, issue.id)
    with pytest.raises(ValidationError, match="already has a note"):
        services.notes.add(meeting.id, issue.id)


def test_a_new_issue_can_be_added_with_its_note(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "Steel and aluminum excess capacity")
    assert note.issue_slug == "steel-and-aluminum-excess-capacity"
    second = services.issues.create("Steel and aluminum excess capacity")
    assert second.slug == "steel-and-aluminum-excess-capacity-2"
    assert [n.issue_title for n in services.notes.list(meeting.id)] == [note.issue_title]


def test_stale_note_edits_are_refused(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "Labor")
    services.notes.update(note.id, note.version, background="mine")
    with pytest.raises(ConflictError) as caught:
        services.notes.update(note.id, note.version, background="theirs")
    assert caught.value.current.background == "mine"


def test_sources_are_numbered_in_order(services, meeting):
    note = services.notes.add_new_issue(meeting.id, "CPTPP")
    first = services.notes.add_source(note.id, "Bloomberg", publisher="Bloomberg L.P.", date="2021-11-17")
    services.notes.add_source(note.id, "USTR statement")
    services.notes.delete_source(first.id)
    sources = services.notes.get(note.id).sources
    assert [(s.title, s.position) for s in sources] == [("USTR statement", 0)]


def test_people_and_participants(services, meeting):
    tai = services.people.create_person("Katherine Tai", title="USTR")
    hagiuda = services.people.create_person("Koichi Hagiuda", native_name="萩生田光一")
    assert hagiuda.key == "koichi-hagiuda"
    services.people.add_participant(meeting.id, tai.id, "ours", "Head of delegation")
    services.people.add_participant(meeting.id, hagiuda.id, "theirs", "Minister")
    with pytest.raises(ValidationError):
        services.people.add_participant(meeting.id, tai.id)
    with pytest.raises(ValidationError) as caught:
        hayashi = services.people.create_person("Yoshimasa Hayashi", native_name="林芳正")
        services.people.add_participant(meeting.id, hayashi.id, "neutral")
    assert caught.value.field == "side"
    parts = services.people.participants(meeting.id)
    assert [(p.person.name, p.side) for p in parts] == [
        ("Katherine Tai", "ours"), ("Koichi Hagiuda", "theirs")]
    assert parts[1].person.native_name == "萩生田光一"
    services.people.delete_person(tai.id)
    assert [p.person.name for p in services.people.participants(meeting.id)] == ["Koichi Hagiuda"]


def test_action_items_know_when_they_are_overdue(services, meeting):
    a = services.actions.add(meeting.id, "Circulate terms of reference", owner="Office of Japan",
                             due="2022-01-21")
    assert a.due == date(2022, 1, 21) and a.status == "open"
    assert a.is_overdue(date(2022, 2, 1)) and not a.is_overdue(date(2022, 1, 1))
    done = services.actions.update(a.id, a.version, status="done")
    assert not done.is_overdue(date(2022, 2, 1))
    with pytest.raises(ValidationError) as caught:
        services.actions.update(a.id, done.version, due="next week")
    assert caught.value.field == "due"
