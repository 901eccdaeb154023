"""Dates as people type them: the window's format, ISO 8601, day-month-year, "tomorrow 9:00"; the rest
is refused with a message quoting what was typed (never guessed). No Qt, no machine zone or locale."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from briefing.errors import ValidationError
from briefing.times.typed import parse_day, parse_when

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 12, 14, 1, 0, tzinfo=UTC)  # 14 Dec 10:00 in Tokyo, 13 Dec 20:00 in New York


def when(text: str, zone: ZoneInfo = TOKYO) -> datetime:
    return parse_when(text, zone=zone, now=NOW, field="ends_at")


@pytest.mark.parametrize("typed", [
    "Tue 15 Dec 2026  17:00",  # the window's own display format (two spaces before the time)
    "15 Dec 2026  17:00",
    "Tue 15 Dec 2026 17:00 JST",  # as the meeting header writes it
    "2026-12-15T17:00", "2026-12-15T17:00:00", "2026-12-15 17:00", "2026-12-15T08:00:00Z",
    "2026-12-15T17:00:00+09:00", "2026-12-15T03:00-05:00",
    "15 Dec 2026 17:00", "15 december 2026 5pm", "15 DEC 2026 5 PM", "Dec 15, 2026 5:00 pm",
    "Tuesday, 15 December 2026 at 17:00", "tomorrow 17:00", "  tomorrow   5pm ",
])
def test_what_people_type_reads_as_the_same_moment(typed):
    moment = when(typed)
    assert moment == datetime(2026, 12, 15, 17, 0, tzinfo=TOKYO)
    assert moment.tzinfo is TOKYO  # shown back as wall-clock time in the venue's zone


def test_today_and_yesterday_count_from_now_in_the_zone_given():
    assert when("today 9:00") == datetime(2026, 12, 14, 9, 0, tzinfo=TOKYO)
    assert when("today 9:00", NEW_YORK) == datetime(2026, 12, 13, 9, 0, tzinfo=NEW_YORK)
    assert when("yesterday 09:00", NEW_YORK) == datetime(2026, 12, 12, 9, 0, tzinfo=NEW_YORK)


@pytest.mark.parametrize(("typed", "says"), [
    ("12/15/2026 17:00", "is not a date and time I can read"),  # month or day first? not guessed
    ("next week", "is not a date and time I can read"),
    ("15 Dec 2026", "has no time of day"),
    ("15 Foo 2026 17:00", "“foo” is not a month"),
    ("31 Feb 2026 10:00", "is not a real date"),
    ("15 Dec 2026 25:00", "is not a real time of day"),
    ("15 Dec 2026 17", "with minutes"),
    ("15 Dec 2026 13pm", "is not a time of day"),
    ("Mon 15 Dec 2026 17:00", "is a Tuesday, not a Monday"),
    ("15 Dec 2026 17:00 CET", "CET is not the time zone here"),
    ("", "is not a date and time I can read"),
])
def test_anything_else_is_refused_with_what_was_typed(typed, says):
    with pytest.raises(ValidationError) as refused:
        when(typed)
    assert refused.value.field == "ends_at"
    assert says in refused.value.message
    assert f"“{' '.join(typed.split())}”" in refused.value.message


def test_a_time_the_clocks_skip_or_repeat_is_refused_not_guessed():
    with pytest.raises(ValidationError, match="does not exist in America/New_York"):
        when("8 Mar 2026 02:30", NEW_YORK)
    with pytest.raises(ValidationError, match="happens twice"):
        when("1 Nov 2026 01:30", NEW_YORK)
    assert when("2026-11-01T01:30-05:00", NEW_YORK).utcoffset().total_seconds() == -5 * 3600


@pytest.mark.parametrize("typed", ["15 Dec 2026", "2026-12-15", "Tue 15 Dec 2026", "December 15, 2026",
                                   "tomorrow"])
def test_a_due_date_is_read_without_a_time(typed):
    assert parse_day(typed, today=date(2026, 12, 14)) == date(2026, 12, 15)


def test_a_due_date_that_is_not_one_is_refused():
    with pytest.raises(ValidationError, match="“15/12/2026” is not a date"):
        parse_day("15/12/2026", today=date(2026, 12, 14))
