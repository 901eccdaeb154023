"""The top of the meetings list, read at start-up before the rest: the list's order, and whether it is all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

NOW = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)


def meetings_around_now(services) -> dict[str, int]:
    """Two meetings over, one under way (started yesterday, ends tomorrow), two to come, one in the Trash."""
    days = {"long ago": -30, "last week": -7, "under way": -1, "next week": 7, "next month": 30,
            "trashed": 3}
    ids = {}
    for title, day in days.items():
        starts = NOW + timedelta(days=day)
        ends = starts + timedelta(days=2 if title == "under way" else 0, hours=8)
        ids[title] = services.meetings.create(title=title, starts_at=starts, ends_at=ends).id
    services.meetings.delete(ids.pop("trashed"))
    return ids


def titles(meetings) -> list[str]:
    return [m.title for m in meetings]


def test_a_long_list_starts_with_the_meetings_to_come_soonest_first(services):
    meetings_around_now(services)
    top = services.meetings.list_top(2, NOW)
    assert titles(top.upcoming) == ["under way", "next week"]  # not over yet: it is still to come
    assert top.past == ()
    assert not top.upcoming_complete and not top.past_complete and not top.complete


def test_when_the_meetings_to_come_fit_the_latest_past_ones_follow(services):
    meetings_around_now(services)
    top = services.meetings.list_top(4, NOW)
    assert titles(top.upcoming) == ["under way", "next week", "next month"]
    assert titles(top.past) == ["last week"]
    assert top.upcoming_complete and not top.past_complete

    exactly = services.meetings.list_top(3, NOW)  # the upcoming fill it: whether more follow is unknown
    assert titles(exactly.upcoming) == ["under way", "next week", "next month"] and exactly.past == ()
    assert exactly.upcoming_complete and not exactly.past_complete


def test_a_short_list_is_all_there_is_and_leaves_the_trash_out(services):
    ids = meetings_around_now(services)
    top = services.meetings.list_top(50, NOW)
    assert titles(top.upcoming) == ["under way", "next week", "next month"]
    assert titles(top.past) == ["last week", "long ago"]
    assert top.complete
    assert sorted(m.id for m in top.upcoming + top.past) == sorted(ids.values())
    assert sorted(top.upcoming + top.past, key=lambda m: m.id) == sorted(services.meetings.list(),
                                                                            key=lambda m: m.id)


def test_a_store_with_meetings_in_the_trash_only_has_none(services):
    assert not services.meetings.has_any()
    meeting = services.meetings.create(title="Round 1", starts_at=NOW)
    assert services.meetings.has_any()
    services.meetings.delete(meeting.id)
    assert not services.meetings.has_any()
    assert services.meetings.list_top(10, NOW).complete
