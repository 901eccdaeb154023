"""The Trash: what was deleted is listed, restored with what hung on it, or emptied for good."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from briefing.errors import NotFoundError, ValidationError
from db.models import AgendaItem, IssueNote, Meeting, Participant, Person, Source


@pytest.fixture
def round1(sample):
    return next(m for m in sample.meetings.list() if "Round 1" in m.title)


@pytest.fixture
def launch(sample):
    return next(m for m in sample.meetings.list() if "Tokyo" in m.title)


def rows(services, model) -> int:
    """How many rows of a table the store holds, Trash included."""
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_deleted_meeting_is_listed_with_what_it_holds_and_comes_back_whole(sample, round1):
    agenda = sample.agenda.list(round1.id)
    notes = sample.notes.list_full(round1.id)
    people = sample.people.participants(round1.id)
    actions = sample.actions.list(round1.id)
    sample.meetings.delete(round1.id)
    assert round1.id not in [m.id for m in sample.meetings.list()]

    [entry] = sample.trash.list()
    assert (entry.kind, entry.id, entry.title) == ("meeting", round1.id, round1.title)
    assert entry.detail == "8 agenda items, 9 issue notes, 4 participants, 3 action items"
    assert entry.deleted_at is not None and not entry.meeting_in_trash

    assert sample.trash.restore("meeting", round1.id).title == round1.title
    assert sample.trash.list() == []
    assert [a.title for a in sample.agenda.list(round1.id)] == [a.title for a in agenda]
    assert [n.background for n in sample.notes.list_full(round1.id)] == [n.background for n in notes]
    assert [p.person.name for p in sample.people.participants(round1.id)] == [
        p.person.name for p in people]
    assert [a.text for a in sample.actions.list(round1.id)] == [a.text for a in actions]


def test_an_agenda_item_comes_back_to_its_place(sample, round1):
    before = [a.title for a in sample.agenda.list(round1.id)]
    third = sample.agenda.list(round1.id)[2]
    sample.agenda.delete(third.id)
    assert [a.title for a in sample.agenda.list(round1.id)] == before[:2] + before[3:]
    [entry] = sample.trash.list()
    assert (entry.kind, entry.title, entry.meeting_title) == ("agenda_item", third.title, round1.title)

    sample.trash.restore("agenda_item", third.id)
    assert [a.title for a in sample.agenda.list(round1.id)] == before
    assert [a.position for a in sample.agenda.list(round1.id)] == list(range(len(before)))


def test_an_item_whose_place_is_gone_comes_back_at_the_end(sample, round1):
    items = sample.agenda.list(round1.id)
    sample.agenda.delete(items[-1].id)
    for item in items[:-1][:5]:
        sample.agenda.delete(item.id)
    sample.trash.restore("agenda_item", items[-1].id)  # its old place (7) is past the end now
    assert [a.title for a in sample.agenda.list(round1.id)][-1] == items[-1].title


def test_an_issue_note_comes_back_with_its_sections_and_sources(sample, round1):
    notes = sample.notes.list_full(round1.id)
    cited = notes[1]
    sample.notes.add_source(cited.id, "USTR press release", publisher="USTR")
    cited = sample.notes.get(cited.id)
    assert len(cited.sources) == 2
    sample.notes.delete(cited.id)
    [entry] = sample.trash.list()
    assert (entry.kind, entry.title) == ("note", cited.issue_title)

    sample.trash.restore("note", cited.id)
    back = sample.notes.get(cited.id)
    assert (back.background, back.red_lines, back.talking_points) == (
        cited.background, cited.red_lines, cited.talking_points)
    assert [s.title for s in back.sources] == [s.title for s in cited.sources]
    assert [n.id for n in sample.notes.list_full(round1.id)] == [n.id for n in notes]


def test_a_note_is_not_restored_over_a_newer_note_on_the_same_issue(sample, round1):
    note = sample.notes.list_full(round1.id)[0]
    sample.notes.delete(note.id)
    newer = sample.notes.add(round1.id, note.issue_id, background="Written again")
    with pytest.raises(ValidationError) as caught:
        sample.trash.restore("note", note.id)
    assert note.issue_title in str(caught.value) and "stays in the Trash" in str(caught.value)
    assert [e.id for e in sample.trash.list()] == [note.id]
    assert sample.notes.get(newer.id).background == "Written again"


def test_an_action_item_comes_back_to_its_place(sample, round1):
    actions = sample.actions.list(round1.id)
    sample.actions.delete(actions[0].id)
    [entry] = sample.trash.list()
    assert entry.kind == "action" and entry.title == actions[0].text.splitlines()[0][:80]
    sample.trash.restore("action", actions[0].id)
    assert [a.id for a in sample.actions.list(round1.id)] == [a.id for a in actions]


def test_a_restored_person_returns_to_every_meeting_they_were_in(sample, round1, launch):
    tai = next(p for p in sample.people.list_people() if p.name == "Katherine Tai")
    in_round1 = [p.person.name for p in sample.people.participants(round1.id)]
    in_launch = [p.person.name for p in sample.people.participants(launch.id)]
    sample.people.delete_person(tai.id)
    assert "Katherine Tai" not in [p.person.name for p in sample.people.participants(round1.id)]
    [entry] = sample.trash.list()
    assert (entry.kind, entry.title, entry.detail) == ("person", "Katherine Tai", "in 3 meetings")

    sample.trash.restore("person", tai.id)
    assert [p.person.name for p in sample.people.participants(round1.id)] == in_round1
    assert [p.person.name for p in sample.people.participants(launch.id)] == in_launch


def test_an_item_of_a_meeting_in_the_trash_waits_for_its_meeting(sample, round1):
    item = sample.agenda.list(round1.id)[0]
    sample.agenda.delete(item.id)
    sample.meetings.delete(round1.id)
    entries = {e.kind: e for e in sample.trash.list()}
    assert entries["agenda_item"].meeting_in_trash and not entries["meeting"].meeting_in_trash
    with pytest.raises(ValidationError, match="restore the meeting first"):
        sample.trash.restore("agenda_item", item.id)
    sample.trash.restore("meeting", round1.id)
    # The item deleted before the meeting stays in the Trash: it was not part of it when it went.
    assert [e.id for e in sample.trash.list()] == [item.id]
    sample.trash.restore("agenda_item", item.id)
    assert sample.agenda.list(round1.id)[0].id == item.id


def test_the_trash_lists_the_latest_deletion_first(sample, round1, launch):
    sample.actions.delete(sample.actions.list(launch.id)[0].id)
    sample.notes.delete(sample.notes.list(round1.id)[0].id)
    sample.meetings.delete(launch.id)
    assert [e.kind for e in sample.trash.list()] == ["meeting", "note", "action"]
    assert sample.trash.count() == 3


def test_restoring_what_is_not_in_the_trash_says_so(sample, round1):
    with pytest.raises(NotFoundError):
        sample.trash.restore("meeting", round1.id)
    with pytest.raises(NotFoundError):
        sample.trash.restore("person", 999)
    with pytest.raises(ValidationError, match="the Trash holds"):
        sample.trash.restore("issue", 1)


def test_emptying_the_trash_deletes_for_good_and_cascades(sample, round1, launch):
    hagiuda = next(p for p in sample.people.list_people() if p.name == "Koichi Hagiuda")
    sample.people.delete_person(hagiuda.id)
    sample.actions.delete(sample.actions.list(launch.id)[0].id)
    sample.meetings.delete(round1.id)
    counts = {m: rows(sample, m) for m in (Meeting, AgendaItem, IssueNote, Participant, Person, Source)}

    assert sample.trash.empty() == 3
    assert sample.trash.list() == [] and sample.trash.count() == 0
    assert rows(sample, Meeting) == counts[Meeting] - 1
    assert rows(sample, AgendaItem) == counts[AgendaItem] - 8
    assert rows(sample, IssueNote) == counts[IssueNote] - 9
    assert rows(sample, Person) == counts[Person] - 1
    with sample.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Participant)
                        .where(Participant.person_id == hagiuda.id)) == 0
        assert s.scalar(select(func.count()).select_from(IssueNote)
                        .where(IssueNote.meeting_id == round1.id)) == 0
    # The launch meeting stays, without the deleted action; nothing of it pointed at round 1.
    assert sample.meetings.get(launch.id).next_ids == ()
    assert len(sample.actions.list(launch.id)) == 3


def test_deleting_one_thing_for_good_leaves_the_rest_of_the_trash(sample, round1, launch):
    sample.meetings.delete(launch.id)
    sample.agenda.delete(sample.agenda.list(round1.id)[0].id)
    sample.trash.purge("meeting", launch.id)
    assert [e.kind for e in sample.trash.list()] == ["agenda_item"]
    # Round 1 no longer has a previous round, and its notes no longer a predecessor.
    assert sample.meetings.get(round1.id).previous_id is None
    assert all(n.previous_id is None for n in sample.notes.list_full(round1.id))
