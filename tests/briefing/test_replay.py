"""Changes to lists a killed session gave offline, replayed in order through the services."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.errors import TransientStoreError
from briefing.recovery.replay import replay_changes, summary
from briefing.recovery.row_changes import (
    ADD,
    DELETE,
    MOVE,
    PERSON_OF,
    RESTORE,
    PendingRowChange,
    RowChange,
)

AT = datetime(2026, 12, 1, 9, tzinfo=UTC)


def kept(token: str, change: RowChange) -> PendingRowChange:
    return PendingRowChange(token, change, AT)


def test_the_bar_says_plainly_what_waited(sample):
    meeting = sample.meetings.list()[-1]
    action = sample.actions.list(meeting.id)[0]
    changes = [kept("a", RowChange(ADD, "agenda_item", meeting.id, values={"title": "Steel safeguards"})),
               kept("b", RowChange(MOVE, "action", meeting.id, row_id=action.id, index=1))]
    assert summary(sample, changes) == ("2 changes to lists made offline were not saved: added agenda "
                                        f"item “Steel safeguards”, moved action item “{action.text[:39]}"
                                        + ("…" if len(action.text) > 40 else "") + "”.")
    assert summary(sample, changes[:1]).startswith("1 change to a list made offline was not saved: ")
    taken_back = kept("c", RowChange(DELETE, "agenda_item", meeting.id, row_of="a"))
    assert summary(sample, [changes[0], taken_back]).endswith(
        "added agenda item “Steel safeguards”, deleted agenda item “Steel safeguards”.")


def test_an_added_item_then_moved_and_deleted_is_replayed_in_order(sample):
    meeting = sample.meetings.list()[-1]
    before = [a.id for a in sample.agenda.list(meeting.id)]
    replay = replay_changes(sample, [
        kept("add", RowChange(ADD, "agenda_item", meeting.id, values={"title": "Steel", "minutes": 25},
                              index=0)),
        kept("move", RowChange(MOVE, "agenda_item", meeting.id, row_of="add", index=2)),
    ])
    assert [r.problem for r in replay.done] == [None, None] and replay.left == ()
    made = replay.done[0].made_id
    items = sample.agenda.list(meeting.id)
    assert [i.id for i in items] == [*before[:2], made, *before[2:]]
    assert (items[2].title, items[2].minutes) == ("Steel", 25)
    replay = replay_changes(sample, [kept("del", RowChange(DELETE, "agenda_item", meeting.id, row_id=made)),
                                     kept("back", RowChange(RESTORE, "agenda_item", meeting.id, row_id=made,
                                                            index=0))])
    assert [r.problem for r in replay.done] == [None, None]
    assert sample.agenda.list(meeting.id)[0].id == made


def test_an_action_item_added_offline_is_added_where_it_was_given(sample):
    meeting = sample.meetings.list()[-1]
    replay = replay_changes(sample, [kept("a", RowChange(ADD, "action", meeting.id,
                                                         values={"text": "Call Tokyo"}, index=0))])
    assert sample.actions.list(meeting.id)[0].id == replay.done[0].made_id
    assert sample.actions.list(meeting.id)[0].text == "Call Tokyo"


def test_a_change_whose_row_is_gone_is_said_and_the_rest_still_replayed(sample):
    meeting = sample.meetings.list()[-1]
    action = sample.actions.list(meeting.id)[0]
    sample.actions.delete(action.id)
    replay = replay_changes(sample, [
        kept("gone", RowChange(MOVE, "action", meeting.id, row_id=action.id, index=1, title="Visas")),
        kept("add", RowChange(ADD, "action", meeting.id, values={"text": "Call Tokyo"})),
    ])
    assert replay.done[0].problem == ("Not saved: moved action item “Visas” — it is no longer in the store "
                                      "(deleted, or in the Trash).")
    assert replay.done[1].problem is None
    assert sample.actions.list(meeting.id)[-1].text == "Call Tokyo"


def test_a_store_that_goes_away_again_stops_the_replay_and_keeps_what_was_not_tried(sample, monkeypatch):
    meeting = sample.meetings.list()[-1]
    away = TransientStoreError("the server cannot be reached")

    def unreachable(*_args, **_kwargs):
        raise away

    changes = [kept("a", RowChange(ADD, "action", meeting.id, values={"text": "One"})),
               kept("b", RowChange(ADD, "agenda_item", meeting.id, values={"title": "Two"}))]
    monkeypatch.setattr(sample.agenda, "add", unreachable)
    replay = replay_changes(sample, changes)
    assert [r.pending.token for r in replay.done] == ["a"] and replay.left == (changes[1],)
    assert replay.problem == "the server cannot be reached"


def test_an_issue_note_added_offline_on_a_library_issue_or_a_new_one_is_added(sample):
    meeting = sample.meetings.list()[-1]
    free = sample.issues.create("Semiconductors")  # in the library, no note in this meeting yet
    replay = replay_changes(sample, [
        kept("a", RowChange(ADD, "note", meeting.id, values={"issue_id": free.id}, index=0)),
        kept("b", RowChange(ADD, "note", meeting.id, values={"new_issue": "Rare earths"})),
    ])
    assert [r.problem for r in replay.done] == [None, None]
    notes = sample.notes.list(meeting.id)
    assert (notes[0].id, notes[0].issue_id) == (replay.done[0].made_id, free.id)
    assert notes[-1].issue_title == "Rare earths"


def test_participants_added_moved_and_removed_offline_are_replayed_under_their_new_ids(sample):
    meeting = sample.meetings.list()[-1]
    before = sample.people.participants(meeting.id)
    ours = [p for p in before if p.side == "ours"]
    someone = sample.people.create_person("Rahm Emanuel")
    replay = replay_changes(sample, [
        kept("a", RowChange(ADD, "participant", meeting.id, index=0, title="Rahm Emanuel",
                            values={"person_id": someone.id, "side": "ours", "role": "Ambassador"})),
        kept("b", RowChange(ADD, "participant", meeting.id, title="Yasutoshi Nishimura",
                            values={"person.name": "Yasutoshi Nishimura", "side": "theirs", "role": "METI"})),
        kept("c", RowChange(MOVE, "participant", meeting.id, row_of="a", index=1)),
        kept("d", RowChange(DELETE, "participant", meeting.id, row_id=ours[-1].id)),
    ])
    assert [r.problem for r in replay.done] == [None] * 4
    after = sample.people.participants(meeting.id)
    ours_after = [p.person.name for p in after if p.side == "ours"]
    assert ours_after[1] == "Rahm Emanuel" and ours[-1].person.name not in ours_after
    assert "Yasutoshi Nishimura" in [p.person.name for p in after if p.side == "theirs"]
    assert summary(sample, [kept("x", RowChange(DELETE, "participant", meeting.id, row_id=ours[0].id))]) \
        .endswith(f"deleted participant “{ours[0].person.name}”.")


def test_a_new_persons_add_taken_back_and_redone_offline_makes_the_person_once(sample):
    """Add a new person, undo, redo — all while offline: the redo names the first add (``person_of``),
    so the replay puts the person it made back in, not a second person of the same name."""
    meeting = sample.meetings.list()[-1]
    new = {"person.name": "Rahm Emanuel", "side": "ours", "role": "Ambassador"}
    replay = replay_changes(sample, [
        kept("a", RowChange(ADD, "participant", meeting.id, title="Rahm Emanuel", values=dict(new))),
        kept("b", RowChange(DELETE, "participant", meeting.id, row_of="a")),
        kept("c", RowChange(ADD, "participant", meeting.id, title="Rahm Emanuel",
                            values={**new, PERSON_OF: "a"})),
    ])
    assert [r.problem for r in replay.done] == [None] * 3
    assert [p.name for p in sample.people.list_people()].count("Rahm Emanuel") == 1
    taking_part = [p for p in sample.people.participants(meeting.id) if p.person.name == "Rahm Emanuel"]
    assert len(taking_part) == 1 and taking_part[0].role == "Ambassador"


def test_a_kill_in_the_middle_of_a_keep_does_not_offer_the_written_add_again(sample, tmp_path, monkeypatch):
    from briefing.recovery import replay as replay_module
    from briefing.recovery.journal import CrashJournal

    meeting = sample.meetings.list()[-1]
    folder = tmp_path / ".briefbook.db.recovery"
    journal = CrashJournal(folder)
    journal.start_session()
    for title in ("Steel", "Aluminum"):
        journal.record_row(RowChange(ADD, "agenda_item", meeting.id, values={"title": title}))
    applied = replay_module.apply_change

    def killed_at_the_second(services, change):
        if change.values.get("title") == "Aluminum":
            raise SystemExit("killed")  # the process ends here
        return applied(services, change)

    monkeypatch.setattr(replay_module, "apply_change", killed_at_the_second)
    settled = lambda kept, made: journal.row_written(kept.token, made)  # noqa: E731
    with pytest.raises(SystemExit):
        replay_changes(sample, journal.pending_rows(), settled)
    journal._log.close()  # what a killed process leaves
    journal._lock.close()
    left = CrashJournal(folder).start_session().rows
    assert [p.change.values["title"] for p in left] == ["Aluminum"]
    assert [a.title for a in sample.agenda.list(meeting.id)].count("Steel") == 1
