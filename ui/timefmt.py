"""How dates and times read in the window: in a given IANA zone, with the zone's abbreviation.

Day and month names are English, as the rest of the window, whatever the locale
(``briefing.times.names``: Qt sets the C library's locale from the environment, so ``strftime``'s
``%a``/``%b`` would write them in the user's language, ``21  1月 2022`` beside "overdue").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from briefing.times import names, zones


def in_zone(moment: datetime, zone: str) -> datetime:
    """``moment`` as wall-clock time in ``zone`` (UTC when the name is unknown, or when the
    moment cannot be shown there: a stored value outside the years Briefbook keeps)."""
    return zones.in_zone_or_utc(moment, zone)


def shown_in(moment: datetime, zone: str, form: Callable[[datetime], str]) -> str:
    """``moment`` in ``zone`` written by ``form`` (e.g. ``short_date``), or, when it cannot be
    shown there, ``9999-12-31T23:00:00+00:00 (cannot be shown in Pacific/Kiritimati)``."""
    local = zones.in_zone(moment, zone)
    return zones.unshowable(moment, zone) if local is None else form(local)


def weekday(moment: date) -> str:
    """``Mon``."""
    return names.weekday(moment, short=True)


def short_date(moment: date) -> str:
    """``7 Feb 2022``."""
    return names.short_date(moment)


def day_time(moment: datetime) -> str:
    """``Mon 7 Feb 2022 09:00 JST``."""
    return f"{weekday(moment)} {short_date(moment)} {moment:%H:%M %Z}".strip()


def short_day_time(moment: datetime) -> str:
    """``Sun 6 Feb 19:00 EST`` (no year)."""
    return f"{weekday(moment)} {moment.day} {names.month(moment, short=True)} {moment:%H:%M %Z}".strip()


def clock(moment: datetime) -> str:
    """``09:00``."""
    return f"{moment:%H:%M}"
