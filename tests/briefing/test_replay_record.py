"""Applying a meeting's record, and taking that back, while the store was away: kept in the crash
journal and replayed through the record service (``briefing/recovery/replay_record.py``)."""

from __future__ import annotations

from briefing.recovery.replay import replay_changes, summary
from briefing.recovery.replay_record import RECORD, applied_values, proposal_values
from briefing.recovery.row_changes import ADD, DELETE, RowChange
from tests.briefing.test_journal import abandon
from tests.briefing.test_replay import kept


def with_a_record(sample):
    """Round 2, its WTO item agreed and with a follow-up line: the record proposes a move and an action."""
    meeting = sample.meetings.list()[-1]
    item = next(i for i in sample.agenda.list(meeting.id) if i.title.startswith("WTO"))
    sample.agenda.update(item.id, item.version, agreed="Work plan on dispute settlement <&> 世界貿易機関",
                         record="ACTION: circulate the work plan; owner: Multilateral Affairs")
    return meeting, item


def state_of(sample, meeting_id, issue_id):
    return next(p.state for p in sample.positions.list(meeting_id) if p.issue_id == issue_id)


def test_a_record_applied_offline_is_said_and_replayed_as_the_record_proposes(sample):
    meeting, item = with_a_record(sample)
    assert state_of(sample, meeting.id, item.issue_id) != "agreed"
    changes = [kept("a", RowChange(ADD, RECORD, meeting.id))]
    assert summary(sample, changes).endswith(f"applied the meeting record of “{meeting.title}”.")
    replay = replay_changes(sample, changes)
    assert [r.problem for r in replay.done] == [None]
    assert state_of(sample, meeting.id, item.issue_id) == "agreed"
    assert "circulate the work plan" in [a.text for a in sample.actions.list(meeting.id)]
    again = replay_changes(sample, changes)  # applied already: nothing left to apply, said
    assert again.done[0].problem.endswith("the record proposes nothing to apply now")


def test_an_application_taken_back_offline_is_undone_whether_it_waited_too_or_was_written(sample):
    meeting, item = with_a_record(sample)
    before_state = state_of(sample, meeting.id, item.issue_id)
    before_actions = [a.text for a in sample.actions.list(meeting.id)]
    replay = replay_changes(sample, [kept("a", RowChange(ADD, RECORD, meeting.id)),
                                     kept("b", RowChange(DELETE, RECORD, meeting.id, row_of="a"))])
    assert [r.problem for r in replay.done] == [None, None]
    assert state_of(sample, meeting.id, item.issue_id) == before_state
    assert [a.text for a in sample.actions.list(meeting.id)] == before_actions
    applied = sample.records.apply(sample.records.propose(meeting.id))  # written before the server went
    taken_back = RowChange(DELETE, RECORD, meeting.id, values=applied_values(applied))
    said = summary(sample, [kept("c", taken_back)])
    assert said.endswith(f"took back the meeting record of “{meeting.title}”.")
    assert [r.problem for r in replay_changes(sample, [kept("c", taken_back)]).done] == [None]
    assert state_of(sample, meeting.id, item.issue_id) == before_state
    assert [a.text for a in sample.actions.list(meeting.id)] == before_actions


def test_a_take_back_comes_back_exactly_after_a_kill(tmp_path, sample):
    from briefing.positions.records import AppliedRecord
    from briefing.recovery.journal import CrashJournal

    folder = tmp_path / ".briefbook.db.recovery"
    journal = CrashJournal(folder)
    journal.start_session()
    applied = AppliedRecord(3, ((7, ("open", 1)), (8, None)), (41, 42))
    taken_back = RowChange(DELETE, RECORD, 3, values=applied_values(applied))
    journal.record_row(taken_back)
    abandon(journal)  # a kill
    (row,) = CrashJournal(folder).start_session().rows
    assert row.change.values == {"before": [[7, "open", 1], [8, None, None]], "action_ids": [41, 42]}


def test_what_the_user_was_shown_is_applied_even_when_the_record_changed_since(tmp_path, sample):
    """The kept application holds the proposal the user applied (its moves and actions, a due date
    as a date): the replay applies exactly that, not what the record proposes by then."""
    from briefing.recovery.journal import CrashJournal

    meeting, item = with_a_record(sample)
    item = next(i for i in sample.agenda.list(meeting.id) if i.id == item.id)
    follow_up = "ACTION: circulate the work plan; owner: Multilateral Affairs; due: 2026-12-18"
    sample.agenda.update(item.id, item.version, record=follow_up)
    shown = sample.records.propose(meeting.id)
    folder = tmp_path / ".briefbook.db.recovery"
    journal = CrashJournal(folder)
    journal.start_session()
    journal.record_row(RowChange(ADD, RECORD, meeting.id, values=proposal_values(shown)))
    abandon(journal)  # a kill
    (row,) = CrashJournal(folder).start_session().rows
    item = next(i for i in sample.agenda.list(meeting.id) if i.id == item.id)
    sample.agenda.update(item.id, item.version, agreed="", record="")  # edited since: proposes nothing
    assert sample.records.propose(meeting.id).is_empty
    assert [r.problem for r in replay_changes(sample, [row]).done] == [None]
    assert state_of(sample, meeting.id, item.issue_id) == "agreed"
    (added,) = [a for a in sample.actions.list(meeting.id) if a.text == "circulate the work plan"]
    assert added.owner == "Multilateral Affairs" and added.due.isoformat() == "2026-12-18"
