"""Time zones and the moments shown in them: which zones a meeting may have, which years it may
fall in, and one safe conversion for every place that shows a stored moment in a zone.

A stored moment is UTC. Shown in a zone it may fall outside the years Python's
``datetime`` can hold (9999-12-31T23:00Z in Pacific/Kiritimati is in the year
10000): :func:`in_zone` then answers None instead of raising, and
:func:`unshowable` says so in words, so a store holding such a value (from an
older build, or edited by hand) still lists, dumps, exports and opens.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

#: The years a meeting, an agenda or an action may fall in (checked in UTC). Every moment
#: of these years can be shown in every zone.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

#: Files of the zone database that are not zones a meeting can be held in: the host's own
#: setting (``localtime``), the POSIX default rule, and the "no zone set" placeholder.
NOT_MEETING_ZONES = frozenset({"localtime", "posixrules", "Factory"})


@cache
def _meeting_zones() -> frozenset[str]:
    # Read once: listing the zone database takes tens of milliseconds.
    return frozenset(available_timezones()) - NOT_MEETING_ZONES


def is_meeting_zone(name: str) -> bool:
    """Whether ``name`` is an IANA zone (``Asia/Tokyo``, ``UTC``) a meeting may have."""
    return name in _meeting_zones()


def zone(name: str) -> ZoneInfo | None:
    """The zone called ``name``, or None when there is none by that name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder; long names
        return None


def in_years(moment: datetime) -> bool:
    """Whether an aware ``moment`` falls in the years Briefbook keeps (in UTC)."""
    try:
        year = moment.astimezone(UTC).year
    except OverflowError:  # 0001-01-01T00:00+05:00 is in the year 0 in UTC
        return False
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def in_zone(moment: datetime, name: str) -> datetime | None:
    """``moment`` as wall-clock time in zone ``name``; None when the zone is unknown or the
    moment, shown there, falls outside the years ``datetime`` can hold."""
    tz = zone(name)
    if tz is None:
        return None
    try:
        return moment.astimezone(tz)
    except OverflowError:
        return None


def in_zone_or_utc(moment: datetime, name: str) -> datetime:
    """``moment`` in zone ``name``, else in UTC (its ``tzname()`` then says UTC): for places
    that need a time to lay out, such as an agenda's slots or a book's cover."""
    shown = in_zone(moment, name)
    return shown if shown is not None else moment.astimezone(UTC)


def unshowable(moment: datetime, name: str) -> str:
    """A stored moment that cannot be shown in ``name``, in words:
    ``9999-12-31T23:00:00+00:00 (cannot be shown in Pacific/Kiritimati)``."""
    return f"{moment.astimezone(UTC).isoformat()} (cannot be shown in {name})"
