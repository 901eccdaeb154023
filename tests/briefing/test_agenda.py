"""Agenda: items added, reordered, timed in both zones, and totalled against the meeting."""

from __future__ import annotations

import pytest

from briefing.agenda.schedule import format_minutes
from briefing.errors import ValidationError


@pytest.fixture
def meeting(services):
    return services.meetings.create(
        title="Round 1", starts_at="2022-02-07T09:00:00+09:00", ends_at="2022-02-07T11:00:00+09:00",
        timezone="Asia/Tokyo", home_timezone="America/New_York",
    )


def titles(items):
    return [i.title for i in items]


def test_items_are_added_in_order_and_can_be_inserted(services, meeting):
    services.agenda.add(meeting.id, "Opening", minutes=15)
    services.agenda.add(meeting.id, "Steel", minutes=60)
    services.agenda.add(meeting.id, "Coffee", minutes=10, position=1)
    items = services.agenda.list(meeting.id)
    assert titles(items) == ["Opening", "Coffee", "Steel"]
    assert [i.position for i in items] == [0, 1, 2]


def test_moving_and_reordering_keep_positions_contiguous(services, meeting):
    a, b, c = (services.agenda.add(meeting.id, t, minutes=10) for t in "ABC")
    assert titles(services.agenda.move(c.id, 0)) == ["C", "A", "B"]
    assert titles(services.agenda.move(c.id, 99)) == ["A", "B", "C"]
    assert titles(services.agenda.move(a.id, 2)) == ["B", "C", "A"]
    services.agenda.delete(c.id)
    assert [(i.title, i.position) for i in services.agenda.list(meeting.id)] == [("B", 0), ("A", 1)]


def test_start_times_are_computed_in_the_venue_and_home_zones(services, meeting):
    services.agenda.add(meeting.id, "Opening", minutes=30)
    services.agenda.add(meeting.id, "Steel", minutes=90)
    services.agenda.add(meeting.id, "Close", minutes=15)
    schedule = services.agenda.schedule(meeting.id)
    venue = [s.venue_start.strftime("%H:%M %Z") for s in schedule.slots]
    home = [(s.home_start.weekday(), s.home_start.strftime("%H:%M %Z")) for s in schedule.slots]
    assert venue == ["09:00 JST", "09:30 JST", "11:00 JST"]
    sunday = 6  # the weekday's number, not %a: that follows the C library's locale
    assert home == [(sunday, "19:00 EST"), (sunday, "19:30 EST"), (sunday, "21:00 EST")]
    assert schedule.total_minutes == 135 and schedule.length_minutes == 120
    assert schedule.overrun_minutes == 15


def test_negative_minutes_and_empty_titles_are_refused(services, meeting):
    with pytest.raises(ValidationError) as caught:
        services.agenda.add(meeting.id, "Opening", minutes=-5)
    assert caught.value.field == "minutes"
    with pytest.raises(ValidationError) as caught:
        services.agenda.add(meeting.id, " ")
    assert caught.value.field == "title"
    assert services.agenda.list(meeting.id) == []


def test_an_item_links_to_a_library_issue(services, meeting):
    issue = services.issues.create("WTO reform")
    item = services.agenda.add(meeting.id, "WTO", issue_id=issue.id)
    assert (item.issue_slug, item.issue_title) == ("wto-reform", "WTO reform")
    item = services.agenda.update(item.id, item.version, issue_id=None, status="covered",
                                  outcome="Agreed to work toward *meaningful* reform.")
    assert item.issue_id is None and item.status == "covered"


def test_minutes_read_as_hours():
    assert format_minutes(450) == "7 h 30"
    assert format_minutes(45) == "45 min"
    assert format_minutes(120) == "2 h"


def test_a_deleted_item_comes_back_where_it_was(services, meeting):
    a, b, c = (services.agenda.add(meeting.id, t, minutes=10) for t in "ABC")
    services.agenda.delete(b.id)
    assert titles(services.agenda.list(meeting.id)) == ["A", "C"]
    assert titles(services.agenda.restore(b.id)) == ["A", "B", "C"]
    services.agenda.delete(a.id)
    assert titles(services.agenda.restore(a.id, position=2)) == ["B", "C", "A"]
