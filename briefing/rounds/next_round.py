"""The next round's defaults, without the store: its title, and when it is likely held."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from briefing.times.zones import LATEST_YEAR, in_zone_or_utc, zone

#: Without a date given, the next round is planned this long after the last.
DEFAULT_GAP = timedelta(days=28)
_ROUND = re.compile(r"\bRound\s+(\d+)\s*$", re.IGNORECASE)


def next_round_title(title: str, round_no: int) -> str:
    """``… Round 1`` becomes ``… Round 2``; a title without a round number gets one."""
    match = _ROUND.search(title)
    if match:
        return f"{title[:match.start(1)]}{int(match.group(1)) + 1}"
    return f"{title} — Round {round_no + 1}"


def next_round_start(previous_start: datetime, timezone: str, today: date) -> datetime:
    """When the next round is likely held: the previous round's weekday and wall-clock time in
    its venue ``timezone``, four weeks later, moved on a week at a time to a day after ``today``."""
    tz = zone(timezone)
    local = in_zone_or_utc(previous_start, timezone)
    # A meeting stored at an extreme date (older builds allowed 9999) must not overflow: the
    # next round then counts from today, on the same weekday and time.
    day = local.date() + DEFAULT_GAP if local.year < LATEST_YEAR else today
    if day <= today:
        day += timedelta(days=7 * ((today - day).days // 7 + 1))
    return datetime.combine(day, local.time().replace(tzinfo=None), tz or local.tzinfo)
