"""Every item model passes Qt's model tester, filled from the sample and after changes."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.agenda.schedule import build_schedule
from ui.models.agenda_table import AgendaTableModel
from ui.models.meetings_list import DATE, MEETING_ID_ROLE, TITLE, MeetingsListModel


def rows(model):
    return [(model.index(r, TITLE).data(), model.index(r, DATE).data()) for r in range(model.rowCount())]


def test_meetings_list_model(qtmodeltester, sample):
    model = MeetingsListModel()
    model.set_meetings(sample.meetings.list(), now=datetime(2022, 1, 1, tzinfo=UTC))
    qtmodeltester.check(model)
    assert rows(model) == [
        ("UPCOMING  ·  2", None), ("US–Japan Partnership on Trade — Round 1", "7 Feb 2022"),
        ("US–Japan Partnership on Trade — Round 2", "14 Mar 2022"),
        ("PAST  ·  1", None), ("US–Japan trade talks, Tokyo", "17 Nov 2021"),
    ]
    round_1 = model.index(1, TITLE).data(MEETING_ID_ROLE)
    assert model.index_of(round_1) == model.index(1, TITLE)
    model.set_filter("nov 2021")
    assert rows(model) == [("PAST  ·  1", None), ("US–Japan trade talks, Tokyo", "17 Nov 2021")]
    assert not model.index_of(round_1).isValid()
    qtmodeltester.check(model)
    model.set_filter("")
    model.set_meetings([])
    assert rows(model) == [("UPCOMING  ·  0", None), ("PAST  ·  0", None)]
    qtmodeltester.check(model)


def test_agenda_table_model(qtmodeltester, sample):
    meeting = sample.meetings.get(sample.meetings.pick_initial())
    model = AgendaTableModel()
    schedule = sample.agenda.schedule(meeting.id)
    model.set_schedule(schedule, meeting.timezone, meeting.home_timezone)
    qtmodeltester.check(model)
    assert model.rowCount() == len(schedule.slots) == 7  # the latest, Round 2
    model.set_schedule(build_schedule(meeting, list(reversed([s.item for s in schedule.slots]))),
                       meeting.timezone, meeting.home_timezone)
    qtmodeltester.check(model)
    model.set_schedule(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)
