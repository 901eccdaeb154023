"""A position set in the tracker and a note's sources added or removed while the store was away
survive a kill in the crash journal, and Keep replays them through the services — a position
someone else changed meanwhile is said as not saved, never written over. A source's cell kept
after a kill is placed through its note."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from briefing.recovery.journal import CrashJournal, PendingEdit
from briefing.recovery.recovered import describe_edit
from briefing.recovery.replay import replay_changes, summary
from briefing.recovery.row_changes import ADD, CLEAR, DELETE, RESTORE, SET, RowChange
from tests.briefing.test_journal import abandon
from tests.briefing.test_replay import AT, kept


@pytest.fixture
def folder(tmp_path):
    return tmp_path / ".briefbook.db.recovery"


def steel(sample):
    meeting = sample.meetings.list()[-1]
    return meeting, next(p for p in sample.positions.list(meeting.id) if p.issue_title.startswith("Steel"))


def test_a_position_set_and_a_source_added_offline_come_back_exactly_after_a_kill(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record_row(RowChange(SET, "position", 3, row_id=1, values={"state": "agreed", "since_round": 2},
                                 title="Steel", version=4))
    journal.record_row(RowChange(ADD, "source", 3, values={"note_id": 12, "title": "Reuters", "url": ""},
                                 index=1, title="Reuters"))
    abandon(journal)
    position, source = CrashJournal(folder).start_session().rows
    assert position.change == RowChange(SET, "position", 3, row_id=1, title="Steel", version=4,
                                        values={"state": "agreed", "since_round": 2})
    assert source.change == RowChange(ADD, "source", 3, values={"note_id": 12, "title": "Reuters", "url": ""},
                                      index=1, title="Reuters")


def test_a_line_written_before_versions_were_kept_still_reads(folder):
    folder.mkdir()
    (folder / "old.lock").write_text(json.dumps({"state": "running"}))
    (folder / "old.jsonl").write_text(json.dumps(
        {"op": "row", "token": "t1", "what": "move", "kind": "action", "meeting": 3, "id": 12,
         "values": {}, "index": 0, "title": "Visas", "row_of": None, "at": AT.isoformat()}) + "\n")
    (row,) = CrashJournal(folder).start_session().rows
    assert row.change == RowChange("move", "action", 3, row_id=12, index=0, title="Visas")
    assert row.change.version is None


def test_a_position_set_offline_is_said_plainly_and_replayed_through_the_service(sample):
    meeting, position = steel(sample)
    changes = [kept("a", RowChange(SET, "position", meeting.id, row_id=position.issue_id,
                                   values={"state": "open", "ours": "Name the source"},
                                   title=position.issue_title, version=position.version))]
    assert summary(sample, changes) == ("1 change to a list made offline was not saved: set position on "
                                        "“Steel and aluminum excess capacity”: state open, our position "
                                        "“Name the source”.")
    replay = replay_changes(sample, changes)
    assert [r.problem for r in replay.done] == [None] and replay.left == ()
    _, now = steel(sample)
    assert (now.state, now.ours, now.theirs) == ("open", "Name the source", position.theirs)


def test_two_sets_given_on_the_same_version_are_both_written_in_order(sample):
    """The second was given before the first was written: the window's writer would carry it forward."""
    meeting, position = steel(sample)
    changes = [kept(token, RowChange(SET, "position", meeting.id, row_id=position.issue_id,
                                     values={"state": state}, version=position.version))
               for token, state in (("a", "bracketed"), ("b", "dropped"))]
    replay = replay_changes(sample, changes)
    assert [r.problem for r in replay.done] == [None, None]
    assert steel(sample)[1].state == "dropped"


def test_a_position_someone_changed_meanwhile_is_a_problem_not_an_overwrite(sample):
    meeting, position = steel(sample)
    sample.positions.set(meeting.id, position.issue_id, position.version, ours="Theirs, meanwhile")
    replay = replay_changes(sample, [
        kept("a", RowChange(SET, "position", meeting.id, row_id=position.issue_id, values={"ours": "Mine"},
                            title="Steel", version=position.version)),
    ])
    (done,) = replay.done
    assert done.problem == ("Not saved: set position on “Steel”: our position “Mine” — someone else changed "
                            "it after that; enter it again if it should still be so.")
    assert steel(sample)[1].ours == "Theirs, meanwhile"


def test_a_first_position_set_offline_is_not_written_over_one_someone_else_set_meanwhile(sample):
    meeting, position = steel(sample)
    sample.positions.clear(meeting.id, position.issue_id)
    first = kept("a", RowChange(SET, "position", meeting.id, row_id=position.issue_id,
                                values={"state": "agreed"}, title="Steel"))
    undone = kept("b", RowChange(CLEAR, "position", meeting.id, row_id=position.issue_id, title="Steel"))
    replay = replay_changes(sample, [first, undone])  # set, then its undo: nothing is left
    assert [r.problem for r in replay.done] == [None, None]
    assert steel(sample)[1].id is None
    sample.positions.set(meeting.id, position.issue_id, None, state="bracketed")  # someone else
    replay = replay_changes(sample, [first])
    assert replay.done[0].problem.startswith(
        "Not saved: set position on “Steel”: state agreed — someone else")
    assert steel(sample)[1].state == "bracketed"


def test_sources_added_and_removed_offline_are_replayed_in_order(sample):
    meeting = sample.meetings.list()[-1]
    note = sample.notes.get(sample.notes.list(meeting.id)[0].id)
    (first,) = note.sources
    replay = replay_changes(sample, [
        kept("add", RowChange(ADD, "source", meeting.id, index=0, title="Reuters",
                              values={"note_id": note.id, "title": "Reuters", "publisher": "Reuters",
                                      "url": "https://reuters.com"})),
        kept("gone", RowChange(DELETE, "source", meeting.id, row_id=first.id, title=first.title)),
        kept("again", RowChange(ADD, "source", meeting.id, index=0, title="AP",
                                values={"note_id": note.id, "title": "AP"})),
        kept("undone", RowChange(DELETE, "source", meeting.id, row_of="again", title="AP")),
    ])
    assert [r.problem for r in replay.done] == [None] * 4
    (source,) = sample.notes.get(note.id).sources
    assert (source.id, source.title, source.publisher, source.url) == \
        (replay.done[0].made_id, "Reuters", "Reuters", "https://reuters.com")
    assert summary(sample, [p.pending for p in replay.done[:2]]).endswith(
        f"added source “Reuters”, deleted source “{first.title[:39]}…”.")


def test_a_sources_cell_kept_after_a_kill_is_placed_through_its_note(sample):
    meeting = sample.meetings.list()[-1]
    note = sample.notes.get(sample.notes.list(meeting.id)[0].id)
    source = sample.notes.add_source(note.id, "Reuters", publisher="Reuters")
    edit = PendingEdit("source", source.id, "publisher", "Nikkei", source.version, AT, True, "Nikkei")
    found = describe_edit(sample, edit)
    assert not found.gone and found.differs and found.stored == "Reuters"
    assert found.where == f"“{meeting.title}” · issue note “{note.issue_title}” · source 2"
    assert (found.meeting_id, found.record.version) == (meeting.id, source.version)
    sample.notes.delete_source(source.id)
    assert describe_edit(sample, edit).gone


def test_a_new_round_with_its_notes_to_carry_comes_back_exactly_after_a_kill(folder):
    journal = CrashJournal(folder)
    journal.start_session()
    starts = datetime(2027, 1, 12, 9, tzinfo=UTC)
    journal.record_row(RowChange(ADD, "meeting", 3, values={
        "carry_from": 3, "title": None, "starts_at": starts, "note_ids": [12, 14], "carry_actions": True}))
    abandon(journal)
    (row,) = CrashJournal(folder).start_session().rows
    assert row.change.values == {"carry_from": 3, "title": None, "starts_at": starts, "note_ids": [12, 14],
                                 "carry_actions": True}


def test_meetings_made_carried_forward_and_deleted_offline_are_replayed_in_order(sample):
    meeting = sample.meetings.list()[-1]
    starts = datetime(2027, 1, 12, 9, tzinfo=UTC)
    notes = [n.id for n in sample.notes.list(meeting.id)][:2]
    changes = [
        kept("new", RowChange(ADD, "meeting", meeting.id, title="Tokyo debrief", values={
            "title": "Tokyo debrief", "starts_at": starts, "timezone": "Asia/Tokyo"})),
        kept("next", RowChange(ADD, "meeting", meeting.id, values={"carry_from": meeting.id, "title": None,
                                                                   "starts_at": starts, "note_ids": notes})),
        kept("gone", RowChange(DELETE, "meeting", meeting.id, row_id=meeting.id, title=meeting.title)),
        kept("undone", RowChange(DELETE, "meeting", meeting.id, row_of="new")),
    ]
    title = meeting.title if len(meeting.title) <= 40 else meeting.title[:39] + "…"
    assert summary(sample, changes) == (
        "4 changes to lists made offline were not saved: added meeting “Tokyo debrief”, started the next "
        f"round of “{title}”, deleted meeting “{title}”, deleted meeting “Tokyo debrief”.")
    replay = replay_changes(sample, changes)
    assert [r.problem for r in replay.done] == [None] * 4
    debrief, next_round = replay.done[0].made_id, replay.done[1].made_id
    ids = [m.id for m in sample.meetings.list()]
    assert next_round in ids and meeting.id not in ids and debrief not in ids
    assert [n.id for n in sample.notes.list(next_round)] != [] and len(sample.notes.list(next_round)) == 2
    back = RowChange(RESTORE, "meeting", meeting.id, row_id=meeting.id)
    replay = replay_changes(sample, [kept("back", back)])
    assert replay.done[0].problem is None and meeting.id in [m.id for m in sample.meetings.list()]


def test_q_and_a_entries_taken_out_of_a_note_and_used_again_offline_are_replayed_in_order(sample):
    """Using a bank entry in a note, or no longer using it there, waits offline like any list change:
    the journal keeps it (the entry, its note, its place) and Keep writes it through the Q&A bank."""
    from briefing.recovery.row_changes import QA_USE

    meeting, note, used = next((m, n, sample.qa.for_note(n.id)) for m in sample.meetings.list()
                               for n in sample.notes.list(m.id) if sample.qa.for_note(n.id))
    first = used[0]
    others = [e for e in sample.qa.list() if e.id not in {u.id for u in used}]
    changes = [
        kept("a", RowChange(DELETE, QA_USE, meeting.id, first.id, {"note_id": note.id}, title=first.key)),
        kept("b", RowChange(ADD, QA_USE, meeting.id, others[0].id, {"note_id": note.id}, 0, others[0].key)),
    ]
    assert summary(sample, changes) == (
        f"2 changes to lists made offline were not saved: took out Q&A entry “{first.key}” of an issue "
        f"note, used Q&A entry “{others[0].key}” in an issue note.")
    replay = replay_changes(sample, changes)
    assert [r.problem for r in replay.done] == [None, None]
    assert [e.id for e in sample.qa.for_note(note.id)] == [others[0].id] + [e.id for e in used[1:]]
    again = replay_changes(sample, [changes[0]])  # no longer used there: said, not a traceback
    assert again.done[0].problem.startswith(f"Not saved: took out Q&A entry “{first.key}”")
