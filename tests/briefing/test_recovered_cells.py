"""A table cell kept after a kill is placed by meeting and row, and compared as the value it is."""

from __future__ import annotations

from datetime import UTC, date, datetime

from briefing.recovery.journal import PendingEdit
from briefing.recovery.recovered import describe_edit

AT = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_an_action_items_due_date_is_placed_and_compared_as_a_date(sample):
    meeting = sample.meetings.list()[-1]
    action = sample.actions.list(meeting.id)[0]
    due = date(2026, 12, 24)
    edit = PendingEdit("action", action.id, "due", "2026-12-24", action.version, AT, True, due, meeting.id)
    found = describe_edit(sample, edit)
    assert found.where == f"“{meeting.title}” · action item “{action.text}”"
    assert found.stored_value == action.due and found.differs and not found.gone
    sample.actions.update(action.id, None, due=due)
    again = describe_edit(sample, edit)
    assert not again.differs and again.stored == "2026-12-24" and again.changed_since


def test_an_agenda_items_minutes_are_compared_as_a_number(sample):
    meeting = sample.meetings.list()[-1]
    item = sample.agenda.list(meeting.id)[0]
    edit = PendingEdit("agenda_item", item.id, "minutes", str(item.minutes), item.version, AT, True,
                       item.minutes, meeting.id)
    assert not describe_edit(sample, edit).differs
    sample.agenda.delete(item.id)
    assert describe_edit(sample, edit).gone
