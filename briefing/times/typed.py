"""Reading a date and time as people type or paste it, in a given time zone, without guessing.

``parse_when`` accepts the window's own display format (``Mon 7 Feb 2022  09:00``,
with or without the weekday), ISO 8601 (``2026-12-15T17:00``, seconds and an
offset optional), ``15 Dec 2026 17:00``, ``15 December 2026 5pm``,
``Dec 15, 2026 5:30 pm`` and ``today`` / ``tomorrow`` / ``yesterday`` with a
time. ``parse_day`` accepts the same dates without a time. Month and weekday
names are English whatever the machine's locale; a weekday given must match the
date; a wall-clock time that does not exist in the zone (the hour skipped when
clocks go forward) is refused. Anything else raises ``ValidationError`` with a
message that quotes what was typed.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from briefing.errors import ValidationError
from briefing.times.names import short_date

MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
WEEKDAYS = {name: number for number, names in enumerate(
    (("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"), ("thu", "thur", "thurs",
     "thursday"), ("fri", "friday"), ("sat", "saturday"), ("sun", "sunday"))) for name in names}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE = {"today": 0, "tomorrow": 1, "yesterday": -1}

EXAMPLES = "e.g. 15 Dec 2026 17:00, 2026-12-15 17:00 or tomorrow 9:00"
DAY_EXAMPLES = "e.g. 15 Dec 2026, 2026-12-15 or tomorrow"

_ISO_DATE = r"(?P<iso>\d{4}-\d{2}-\d{2})"
_DAY_MONTH = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]+)\.?,?\s+(?P<y1>\d{4})"
_MONTH_DAY = r"(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
_RELATIVE = r"(?P<rel>today|tomorrow|yesterday)"
_DATE = rf"(?:{_ISO_DATE}|{_DAY_MONTH}|{_MONTH_DAY}|{_RELATIVE})"
_WEEKDAY = r"(?:(?P<wd>[a-z]+)\.?,?\s+)?"
_TIME = (r"(?P<h>\d{1,2})(?::(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?)?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
         r"(?:\s*(?P<off>z|[+-]\d{2}(?::?\d{2})?))?")
_WHEN = re.compile(rf"{_WEEKDAY}{_DATE}(?:(?:\s*,?\s+(?:at\s+)?|t)(?P<time>{_TIME}))?"
                   r"(?:\s+(?P<abbr>[a-z]{2,5}))?")
_ISO_WHOLE = re.compile(r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?")


def parse_when(text: str, *, zone: ZoneInfo, now: datetime, field: str = "when") -> datetime:
    """The moment ``text`` names, as wall-clock time in ``zone`` (an offset typed is converted).

    ``now`` is what "today" and "tomorrow" count from (it is read in ``zone``).
    """
    typed = " ".join(str(text).split())
    cleaned = typed.casefold()
    if _ISO_WHOLE.fullmatch(cleaned):
        moment = _iso(cleaned, typed, zone, field)
        if moment is not None:
            return moment
    match = _WHEN.fullmatch(cleaned)
    if match is None:
        raise ValidationError(field, f"“{typed}” is not a date and time I can read; {EXAMPLES}")
    if match["time"] is None:
        raise ValidationError(field, f"“{typed}” has no time of day; add one, {EXAMPLES}")
    day = _day(match, typed, now.astimezone(zone).date(), field)
    clock = _clock(match, typed, field)
    offset = match["off"]
    if offset is not None:
        return _iso(f"{day.isoformat()}T{clock.isoformat()}{offset}", typed, zone, field) or \
            _refuse(field, typed)
    moment = datetime.combine(day, clock, tzinfo=zone)
    if match["abbr"] is not None and match["abbr"] != (moment.tzname() or "").casefold():
        raise ValidationError(field, f"“{typed}”: {match['abbr'].upper()} is not the time zone here "
                                     f"({moment.tzname()} in {zone.key}); leave it out or use an offset "
                                     f"such as +09:00")
    return _existing(moment, typed, zone, field)


def parse_day(text: str, *, today: date, field: str = "date") -> date:
    """The calendar day ``text`` names (no time of day); ``today`` is what "tomorrow" counts from."""
    typed = " ".join(str(text).split())
    match = re.fullmatch(rf"{_WEEKDAY}{_DATE}", typed.casefold())
    if match is None:
        raise ValidationError(field, f"“{typed}” is not a date I can read; {DAY_EXAMPLES}")
    return _day(match, typed, today, field)


def _refuse(field: str, typed: str) -> datetime:
    raise ValidationError(field, f"“{typed}” is not a date and time I can read; {EXAMPLES}")


def _iso(cleaned: str, typed: str, zone: ZoneInfo, field: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(cleaned.upper().replace(" ", "T"))
    except ValueError:
        raise ValidationError(field, f"“{typed}” is not a real date and time; {EXAMPLES}") from None
    if value.tzinfo is not None:
        return value.astimezone(UTC).astimezone(zone)
    return _existing(value.replace(tzinfo=zone), typed, zone, field)


def _day(match: re.Match[str], typed: str, today: date, field: str) -> date:
    month_name = match["m1"] or match["m2"]
    if month_name is not None and month_name not in MONTHS:
        raise ValidationError(field, f"“{typed}”: “{month_name}” is not a month; {EXAMPLES}")
    try:
        if match["iso"]:
            day = date.fromisoformat(match["iso"])
        elif match["rel"]:
            day = today + timedelta(days=RELATIVE[match["rel"]])
        else:
            day = date(int(match["y1"] or match["y2"]), MONTHS[month_name], int(match["d1"] or match["d2"]))
    except ValueError:
        raise ValidationError(field, f"“{typed}” is not a real date; {EXAMPLES}") from None
    weekday = match["wd"]
    if weekday is not None:
        if weekday not in WEEKDAYS:
            raise ValidationError(field, f"“{typed}”: “{weekday}” is not a day of the week; {EXAMPLES}")
        if WEEKDAYS[weekday] != day.weekday():
            raise ValidationError(field, f"“{typed}”: {short_date(day)} is a "
                                         f"{WEEKDAY_NAMES[day.weekday()]}, not a "
                                         f"{WEEKDAY_NAMES[WEEKDAYS[weekday]]}")
    return day


def _clock(match: re.Match[str], typed: str, field: str) -> time:
    hour, minute, second = int(match["h"]), int(match["mi"] or 0), int(match["s"] or 0)
    ampm = match["ampm"]
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise ValidationError(field, f"“{typed}”: {hour} {ampm} is not a time of day")
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    elif match["mi"] is None:
        raise ValidationError(field, f"“{typed}”: write the time with minutes (17:00) or am/pm (5pm)")
    if hour > 23 or minute > 59 or second > 59:
        raise ValidationError(field, f"“{typed}” is not a real time of day; {EXAMPLES}")
    return time(hour, minute, second)


def _existing(moment: datetime, typed: str, zone: ZoneInfo, field: str) -> datetime:
    """``moment`` unless its wall-clock time is skipped or repeated in ``zone`` (clocks changing)."""
    back = moment.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        raise ValidationError(field, f"“{typed}” does not exist in {zone.key}: the clocks go forward "
                                     f"then; choose another time")
    if moment.replace(fold=1).utcoffset() != moment.utcoffset():
        raise ValidationError(field, f"“{typed}” happens twice in {zone.key} (the clocks go back then); "
                                     f"add the offset, e.g. {moment.isoformat(timespec='minutes')}")
    return moment
