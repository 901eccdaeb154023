"""Round to round: an issue's timeline, and exactly what changed since the previous round."""

from __future__ import annotations

from briefing.revisions.changes import section_changes

ROUND1 = "US–Japan Partnership on Trade — Round 1"
LAUNCH = "US–Japan trade talks, Tokyo"


def test_section_changes_lists_only_the_sections_that_differ(sample):
    s = sample
    round2 = s.rounds.carry_forward(s.meetings.resolve(ROUND1).id)
    note = s.notes.list_full(round2.id)[0]
    edited = s.notes.update(note.id, note.version, their_position="They now accept a quota.",
                            red_lines=note.red_lines + "\n- No sunset clause.")
    changes = list(section_changes(s.notes.previous(note.id), edited))
    assert [(c.field, c.heading, c.kind) for c in changes] == [
        ("their_position", "Their position", "changed"), ("red_lines", "Red lines", "changed")]
    assert [r.text for r in changes[1].runs if r.kind == "insert"] == ["\n- No sunset clause."]
    assert [c.kind for c in section_changes(None, edited)] == ["added"] * len(
        [f for f in ("background", "objectives", "their_position", "talking_points", "defensives",
                     "red_lines") if edited.section(f)])


def test_what_changed_since_the_last_round_issue_by_issue(sample):
    s = sample
    round1 = s.meetings.resolve(ROUND1)
    round2 = s.rounds.carry_forward(round1.id)
    notes = s.notes.list_full(round2.id)
    changed, dropped = notes[0], notes[1]
    s.notes.update(changed.id, changed.version, objectives="A new objective.", priority="high"
                   if changed.priority != "high" else "low")
    s.notes.delete(dropped.id)
    fresh = s.notes.add_new_issue(round2.id, "Export controls")
    s.notes.update(fresh.id, fresh.version, background="Coordinate on semiconductors.")

    report = s.rounds.changes(round2.id)
    assert (report.previous_meeting_id, report.previous_meeting_title) == (round1.id, ROUND1)
    kinds = {i.issue_title: i.kind for i in report.issues}
    assert kinds[changed.issue_title] == "changed"
    assert kinds[dropped.issue_title] == "dropped"
    assert kinds["Export controls"] == "new"
    assert {k for t, k in kinds.items() if t not in (changed.issue_title, dropped.issue_title,
                                                     "Export controls")} == {"unchanged"}
    item = next(i for i in report.issues if i.kind == "changed")
    assert [c.field for c in item.sections] == ["objectives"]
    assert [v.field for v in item.values] == ["priority"]  # the status reset of carry forward is no change
    assert (item.note_id, item.previous_note_id) == (changed.id, changed.previous_id)
    new = next(i for i in report.issues if i.kind == "new")
    assert [(c.field, c.kind) for c in new.sections] == [("background", "added")]
    assert len(report.changed) == 3


def test_a_first_round_has_no_previous_round(sample):
    report = sample.rounds.changes(sample.meetings.resolve(LAUNCH).id)
    assert report.previous_meeting_id is None
    assert {i.kind for i in report.issues} == {"new"}


def test_an_issue_timeline_across_rounds(sample):
    s = sample
    launch, round1 = s.meetings.resolve(LAUNCH), s.meetings.resolve(ROUND1)
    round2 = s.rounds.carry_forward(round1.id)
    note1 = next(n for n in s.notes.list_full(round1.id) if n.their_position)
    note2 = next(n for n in s.notes.list_full(round2.id) if n.issue_id == note1.issue_id)
    s.notes.update(note2.id, note2.version, their_position="Moved: they accept a review clause.")

    timeline = s.rounds.timeline(note1.issue_id, round1.id)
    assert timeline.issue_title == note1.issue_title
    assert [r.meeting_id for r in timeline.rounds] == [launch.id, round1.id, round2.id]
    assert timeline.rounds[-1].their_position == "Moved: they accept a review clause."
    assert timeline.rounds[-1].their_position_changed and not timeline.rounds[-1].objectives_changed
    assert timeline.rounds[1].note_id == note1.id and timeline.rounds[1].status == note1.status
    # Asked from any round, the timeline is the same.
    assert s.rounds.timeline(note1.issue_id, round2.id) == timeline
    # An issue not on the table in a round shows the round without a note.
    extra = s.notes.add_new_issue(round2.id, "Export controls")
    rounds = s.rounds.timeline(extra.issue_id, launch.id).rounds
    assert [r.note_id for r in rounds] == [None, None, extra.id]
