"""How dates and times read in the window: in a given IANA zone, with the zone's abbreviation."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def in_zone(moment: datetime, zone: str) -> datetime:
    """``moment`` as wall-clock time in ``zone`` (UTC when the name is unknown)."""
    try:
        return moment.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder; long names
        return moment.astimezone(ZoneInfo("UTC"))


def short_date(moment: datetime) -> str:
    """``7 Feb 2022``."""
    return f"{moment.day} {moment:%b %Y}"


def day_time(moment: datetime) -> str:
    """``Mon 7 Feb 2022 09:00 JST``."""
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M %Z}".strip()


def short_day_time(moment: datetime) -> str:
    """``Sun 6 Feb 19:00 EST`` (no year)."""
    return f"{moment:%a} {moment.day} {moment:%b %H:%M %Z}".strip()


def clock(moment: datetime) -> str:
    """``09:00``."""
    return f"{moment:%H:%M}"
