"""Carry forward: the next round starts from what this round prepared."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import update

from briefing.errors import ValidationError
from briefing.rounds.carry_forward import next_round_title
from db.models import Meeting


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
    assert new.id in s.meetings.get(round1.id).next_ids  # beside the sample's own Round 2

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


def test_the_next_round_is_four_weeks_on_same_weekday_and_venue_time_never_in_the_past():
    from datetime import UTC, date, datetime

    from briefing.rounds.next_round import next_round_start

    # Mon 7 Feb 2022 09:00 in Tokyo (00:00 UTC).
    previous = datetime(2022, 2, 7, 0, 0, tzinfo=UTC)
    soon = next_round_start(previous, "Asia/Tokyo", today=date(2022, 2, 8))
    assert (soon.date(), soon.hour, soon.minute, soon.tzinfo.key) == (date(2022, 3, 7), 9, 0, "Asia/Tokyo")
    late = next_round_start(previous, "Asia/Tokyo", today=date(2026, 5, 13))  # a Wednesday
    assert late.date() == date(2026, 5, 18) and late.weekday() == 0 and late.hour == 9
    on_the_day = next_round_start(previous, "Asia/Tokyo", today=date(2022, 3, 7))
    assert on_the_day.date() == date(2022, 3, 14)


def test_the_next_round_keeps_wall_clock_time_across_a_daylight_saving_change():
    from datetime import UTC, date, datetime

    from briefing.rounds.next_round import next_round_start

    # 1 Mar 2022 10:00 in Washington (EST); four weeks later it is EDT.
    start = next_round_start(datetime(2022, 3, 1, 15, 0, tzinfo=UTC), "America/New_York", date(2022, 3, 2))
    assert (start.date(), start.hour) == (date(2022, 3, 29), 10)
    assert start.astimezone(UTC).hour == 14


def test_carry_forward_options_choose_venue_zone_notes_actions_and_agenda(sample):
    from datetime import UTC, datetime

    s = sample
    round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    old_notes = s.notes.list_full(round1.id)
    keep = old_notes[1]
    when = datetime(2030, 6, 3, 9, 0, tzinfo=UTC)
    new = s.rounds.carry_forward(round1.id, starts_at=when, location="Washington",
                                 timezone="America/New_York", note_ids={keep.id},
                                 carry_actions=False, carry_agenda=False)
    assert (new.location, new.timezone, new.starts_at) == ("Washington", "America/New_York", when)
    assert [n.previous_id for n in s.notes.list_full(new.id)] == [keep.id]
    assert s.actions.list(new.id) == [] and s.agenda.list(new.id) == []
    assert [p.person.key for p in s.people.participants(new.id)] == \
        [p.person.key for p in s.people.participants(round1.id)]
    none = s.rounds.carry_forward(round1.id, note_ids=())
    assert s.notes.list_full(none.id) == []


def test_carry_forward_refuses_a_zone_that_is_not_one(sample):
    import pytest

    from briefing.errors import ValidationError

    s = sample
    round1 = s.meetings.resolve("US–Japan Partnership on Trade — Round 1")
    before = len(s.meetings.list())
    with pytest.raises(ValidationError) as refused:
        s.rounds.carry_forward(round1.id, timezone="localtime")
    assert refused.value.field == "timezone"
    assert len(s.meetings.list()) == before


@pytest.mark.parametrize(("starts_at", "ends_at"), [
    (datetime(9999, 12, 31, 23, 0, tzinfo=UTC), None),  # four weeks on overflows datetime
    (datetime(2200, 12, 20, 9, 0, tzinfo=UTC), None),  # four weeks on is in 2201
    (datetime(2022, 2, 7, 0, 0, tzinfo=UTC), datetime(9999, 12, 31, 0, 0, tzinfo=UTC)),  # as long
])
def test_carry_forward_from_a_round_stored_at_an_extreme_date_asks_for_the_date(sample, starts_at,
                                                                                 ends_at):
    """An older build let a round be stored at 9999-12-31: its next round's default date cannot be
    kept, so carry forward says which date to give, writes nothing, and works once it is given."""
    round1 = sample.meetings.resolve("usjp-round-1-2022")
    with sample.db.write() as s:  # written directly, as an older build did: no validation
        s.execute(update(Meeting).where(Meeting.id == round1.id)
                  .values(starts_at=starts_at, ends_at=ends_at))
    before = len(sample.meetings.list())
    field = "starts_at" if ends_at is None else "ends_at"
    with pytest.raises(ValidationError) as caught:
        sample.rounds.carry_forward(round1.id)
    assert caught.value.field == field
    assert "outside the years Briefbook keeps (1900 to 2200)" in caught.value.message
    assert len(sample.meetings.list()) == before
    given = {field: datetime(2030, 3, 4, 9, 0, tzinfo=UTC)}
    if field == "ends_at":
        given["starts_at"] = datetime(2030, 3, 4, 8, 0, tzinfo=UTC)
    new = sample.rounds.carry_forward(round1.id, **given)
    assert new.starts_at.year == 2030 and new.previous_id == round1.id


def test_the_next_round_of_a_meeting_stored_at_an_extreme_date_is_proposed_after_today():
    """Older builds stored 9999-12-31: the default date is then counted from today, no overflow."""
    from briefing.rounds.next_round import next_round_start

    today = date(2026, 12, 1)
    for previous in (datetime(9999, 12, 31, 23, 0, tzinfo=UTC), datetime(1, 1, 1, 1, 0, tzinfo=UTC)):
        proposed = next_round_start(previous, "Pacific/Kiritimati", today=today)
        assert today < proposed.date() <= today + timedelta(days=7)
