"""Carry forward: the next round starts from what this round prepared."""

from __future__ import annotations

from datetime import timedelta

from briefing.rounds.carry_forward import next_round_title


def test_round_titles_count_up():
    assert next_round_title("US–Japan Partnership on Trade — Round 1", 1) == \
        "US–Japan Partnership on Trade — Round 2"
    assert next_round_title("US–Japan trade talks, Tokyo", 0) == "US–Japan trade talks, Tokyo — Round 1"


def test_carry_forward_copies_agenda_notes_people_and_open_actions(sample):
    s = sample
    round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    old = s.meetings.get(round1.id)
    old_notes = s.notes.list_full(round1.id)
    s.actions.add(round1.id, "Already finished", status="done")
    new = s.rounds.carry_forward(round1.id)

    assert new.title == "US–Japan Partnership on Trade — Round 2"
    assert new.previous_id == round1.id and new.round_no == old.round_no + 1
    assert new.starts_at - old.starts_at == timedelta(days=28)
    assert new.length_minutes == old.length_minutes
    assert s.meetings.get(round1.id).next_ids == (new.id,)

    agenda = s.agenda.list(new.id)
    assert [a.title for a in agenda] == [a.title for a in s.agenda.list(round1.id)]
    assert {a.status for a in agenda} == {"pending"} and {a.outcome for a in agenda} == {""}

    notes = s.notes.list_full(new.id)
    assert [n.issue_slug for n in notes] == [n.issue_slug for n in old_notes]
    assert [n.previous_id for n in notes] == [n.id for n in old_notes]
    assert [n.background for n in notes] == [n.background for n in old_notes]
    assert {n.status for n in notes} == {"draft"}
    assert [len(n.sources) for n in notes] == [len(n.sources) for n in old_notes]
    assert s.notes.previous(notes[0].id).id == old_notes[0].id

    assert [p.person.key for p in s.people.participants(new.id)] == \
        [p.person.key for p in s.people.participants(round1.id)]
    old_open = [a.text for a in s.actions.list(round1.id) if a.status == "open"]
    assert [a.text for a in s.actions.list(new.id)] == old_open
    assert "Already finished" not in old_open


def test_editing_the_new_round_leaves_the_old_one_alone(sample):
    s = sample
    round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    new = s.rounds.carry_forward(round1.id)
    note = s.notes.list_full(new.id)[0]
    s.notes.update(note.id, note.version, their_position="Changed in round 2")
    assert s.notes.get(note.previous_id).their_position != "Changed in round 2"
