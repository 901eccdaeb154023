"""The position tracker: set, carried forward, followed across rounds; the record moves it."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.errors import ValidationError

ROUND1 = "US–Japan Partnership on Trade — Round 1"


def _round1(s):
    return s.meetings.resolve(ROUND1)


def _issue(s, meeting_id):
    return s.positions.list(meeting_id)[0]


def test_every_issue_of_a_meeting_has_a_position_open_until_set(sample):
    s = sample
    launch = s.meetings.list()[0]
    fresh = s.meetings.create(title="Fresh talks", starts_at=launch.starts_at)
    assert s.positions.list(fresh.id) == []
    issue = _issue(s, _round1(s).id)
    s.agenda.add(fresh.id, "Steel", issue_id=issue.issue_id)
    [row] = s.positions.list(fresh.id)
    assert (row.id, row.state, row.issue_slug) == (None, "open", issue.issue_slug)


def test_a_state_change_holds_since_the_meeting_round(sample):
    s = sample
    r1 = _round1(s)
    issue = _issue(s, r1.id)
    p = s.positions.set(r1.id, issue.issue_id, ours="Lift the tariffs <now> & 全部", state="bracketed")
    assert (p.state, p.since_round, p.ours) == ("bracketed", r1.round_no, "Lift the tariffs <now> & 全部")
    same = s.positions.set(r1.id, issue.issue_id, p.version, theirs="Quota first")
    assert same.version == p.version + 1 and same.since_round == r1.round_no
    with pytest.raises(ValidationError, match="state"):
        s.positions.set(r1.id, issue.issue_id, state="maybe")


def test_carry_forward_copies_positions_state_and_since(sample):
    s = sample
    r1 = _round1(s)
    issue = _issue(s, r1.id)
    s.positions.set(r1.id, issue.issue_id, ours="Ours", theirs="Theirs", state="bracketed",
                    since_round=1)
    r2 = s.rounds.carry_forward(r1.id)
    [carried] = [p for p in s.positions.list(r2.id) if p.issue_id == issue.issue_id]
    assert (carried.ours, carried.theirs, carried.state, carried.since_round) == \
        ("Ours", "Theirs", "bracketed", 1)
    assert carried.id is not None


def test_a_round_3_change_leaves_round_2_alone(sample):
    s = sample
    r1 = _round1(s)
    issue = _issue(s, r1.id)
    s.positions.set(r1.id, issue.issue_id, ours="Round 1 text", state="open")
    r2 = s.rounds.carry_forward(r1.id)
    r3 = s.rounds.carry_forward(r2.id)
    p3 = [p for p in s.positions.list(r3.id) if p.issue_id == issue.issue_id][0]
    s.positions.set(r3.id, issue.issue_id, p3.version, ours="Round 3 text", state="agreed")
    p2 = [p for p in s.positions.list(r2.id) if p.issue_id == issue.issue_id][0]
    p3 = [p for p in s.positions.list(r3.id) if p.issue_id == issue.issue_id][0]
    assert (p2.ours, p2.state) == ("Round 1 text", "open")
    assert (p3.ours, p3.state, p3.since_round) == ("Round 3 text", "agreed", r3.round_no)


def test_the_timeline_across_five_rounds(sample):
    s = sample
    meeting = _round1(s)
    issue = _issue(s, meeting.id)
    chain = [meeting]
    for _ in range(4):
        chain.append(s.rounds.carry_forward(chain[-1].id))
    states = ["open", "bracketed", "bracketed", "agreed", "agreed"]
    for m, state in zip(chain, states, strict=True):
        s.positions.set(m.id, issue.issue_id, state=state)
    history = s.positions.history(chain[-1].id, issue.issue_id)
    assert [h.meeting_id for h in history][-5:] == [m.id for m in chain]
    assert [h.state for h in history][-5:] == states
    rounds = [m.round_no for m in chain]
    assert [h.since_round for h in history][-5:] == [rounds[0], rounds[1], rounds[1], rounds[3], rounds[3]]
    # up to round 3 only: the later rounds are left out; the whole timeline has them
    assert [h.meeting_id for h in s.positions.history(chain[2].id, issue.issue_id)][-3:] == \
        [m.id for m in chain[:3]]
    assert len(s.positions.timeline(chain[2].id, issue.issue_id)) == len(history)


def test_the_record_moves_positions_and_creates_actions(sample):
    s = sample
    r1 = _round1(s)
    items = [a for a in s.agenda.list(r1.id) if a.issue_id is not None]
    first, second = items[0], items[1]
    s.agenda.update(first.id, first.version, agreed="Both sides agree the quota rises in 2023.",
                    record="Long exchange.\n- ACTION: send annex text; owner: Trade counsel; "
                           "due: 2022-03-04\n"
                           "action: brief the Ambassador")
    s.agenda.update(second.id, second.version, agreed="Text agreed [subject to legal scrub].")
    proposal = s.records.propose(r1.id)
    moves = {m.issue_id: (m.old_state, m.new_state) for m in proposal.moves}
    assert moves[first.issue_id][1] == "agreed" and moves[second.issue_id][1] == "bracketed"
    assert [(a.text, a.owner, a.due) for a in proposal.actions] == [
        ("send annex text", "Trade counsel", date(2022, 3, 4)), ("brief the Ambassador", "", None)]
    before = [a.id for a in s.actions.list(r1.id)]

    applied = s.records.apply(proposal)
    states = {p.issue_id: (p.state, p.since_round) for p in s.positions.list(r1.id)}
    assert states[first.issue_id] == ("agreed", r1.round_no)
    assert states[second.issue_id] == ("bracketed", r1.round_no)
    actions = s.actions.list(r1.id)
    assert [a.text for a in actions][-2:] == ["send annex text", "brief the Ambassador"]
    assert actions[-2].issue_id == first.issue_id
    assert s.records.propose(r1.id).is_empty  # applied once: nothing more to do

    s.records.undo(applied)
    assert [a.id for a in s.actions.list(r1.id)] == before
    states = {p.issue_id: p.state for p in s.positions.list(r1.id)}
    assert states[first.issue_id] == "open" and states[second.issue_id] == "open"


def test_a_follow_up_with_an_unreadable_date_names_the_item(sample):
    s = sample
    r1 = _round1(s)
    item = s.agenda.list(r1.id)[0]
    s.agenda.update(item.id, item.version, open_points="ACTION: call back; due: the 45th of Smarch")
    with pytest.raises(ValidationError, match=item.title):
        s.records.propose(r1.id)


def test_record_fields_are_searchable(sample):
    s = sample
    r1 = _round1(s)
    item = s.agenda.list(r1.id)[0]
    s.agenda.update(item.id, item.version, record="The delegation mentioned zanzibarite")
    s.positions.set(r1.id, _issue(s, r1.id).issue_id, theirs="quuxification of rules")
    assert [(h.entity, h.field) for h in s.search.search("zanzibarite").hits] == [("agenda_item", "record")]
    assert [(h.entity, h.field) for h in s.search.search("quuxification").hits] == [("position", "theirs")]
