"""Checks and clean-up for what users type, shared by every service and by import.

Single-line fields (titles, names, keys) are stripped of surrounding white space
and refuse a line break inside (``LINE_BREAKS``: a pasted one is turned into a
space by the window first, ``one_line``); multi-line text (Markdown sections, bios,
outcomes) is kept exactly as given, up to ``MAX_TEXT`` characters. A NUL
character or an unpaired surrogate cannot be stored by every backend, so both
are refused with a message that says which field and where. Times and dates
must fall in the years of ``briefing.times.zones`` (1900 to 2200), and time zones
must be IANA zones.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from briefing.errors import ValidationError
from briefing.times.zones import EARLIEST_YEAR, LATEST_YEAR, in_years, is_meeting_zone

MAX_SHORT = 300
MAX_MINUTES = 7 * 24 * 60
#: The most characters one text field holds: about 2 MB, some 6 times a 100-page paste.
MAX_TEXT = 2_000_000
#: The highest round number (rounds of one negotiation stay well below it).
MAX_ROUND = 999
_SURROGATE = re.compile("[\ud800-\udfff]")
#: What ends a line, as Python's ``str.splitlines`` counts: CR LF as one break, CR, LF, VT, FF,
#: the file, group and record separators, NEL, and the Unicode line and paragraph separators.
LINE_BREAKS = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_BREAK_NAMES = {
    "\r\n": "CR LF", "\r": "CR", "\n": "LF", "\v": "a vertical tab", "\f": "a form feed",
    "\x1c": "U+001C FILE SEPARATOR", "\x1d": "U+001D GROUP SEPARATOR", "\x1e": "U+001E RECORD SEPARATOR",
    "\x85": "U+0085 NEXT LINE", "\u2028": "U+2028 LINE SEPARATOR", "\u2029": "U+2029 PARAGRAPH SEPARATOR",
}


def _check_storable(field: str, value: str) -> None:
    nul = value.find("\x00")
    if nul >= 0:
        raise ValidationError(
            field, f"contains a NUL character (at position {nul + 1}), which cannot be stored"
        )
    bad = _SURROGATE.search(value)
    if bad:
        raise ValidationError(
            field,
            f"contains an invalid character U+{ord(bad.group()):04X} (an unpaired surrogate, "
            f"at position {bad.start() + 1}); retype or paste it again",
        )


def text(field: str, value: object) -> str:
    """Multi-line text kept exactly as given (None becomes empty)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, f"must be text, not {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise ValidationError(
            field, f"is {len(value):,} characters long; at most {MAX_TEXT:,} (about 2 MB) fit in one field"
        )
    _check_storable(field, value)
    return value


def one_line(value: str) -> str:
    """``value`` with each line break (``LINE_BREAKS``) turned into one space: what a
    single-line editor keeps of a pasted multi-line text."""
    return LINE_BREAKS.sub(" ", value)


def line(field: str, value: object, *, required: bool = False, max_length: int = MAX_SHORT) -> str:
    """A single-line field, stripped; ``required`` ones must not be empty; a line break inside
    is refused (one around the text is stripped like other white space)."""
    given = text(field, value)
    cleaned = given.strip()
    brk = LINE_BREAKS.search(cleaned)
    if brk:
        at = len(given) - len(given.lstrip()) + brk.start() + 1  # counted in the text as given
        name = _BREAK_NAMES[brk.group()]
        raise ValidationError(
            field, f"contains a line break ({name}, at position {at}); this field holds one line"
        )
    if required and not cleaned:
        raise ValidationError(field, "must not be empty")
    if len(cleaned) > max_length:
        raise ValidationError(
            field, f"is {len(cleaned)} characters long; at most {max_length} fit here"
        )
    return cleaned


def choice(field: str, value: object, allowed: tuple[str, ...]) -> str:
    """One of a fixed list of values (None gives the first, the default)."""
    if value is None or value == "":
        return allowed[0]
    if value not in allowed:
        raise ValidationError(field, f"must be one of {', '.join(allowed)}; got {value!r}")
    return str(value)


def minutes(field: str, value: object) -> int:
    """A duration in whole minutes, from zero to a week."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(field, f"must be a whole number of minutes; got {value!r}") from None
    if value < 0:
        raise ValidationError(field, "must not be negative")
    if value > MAX_MINUTES:
        raise ValidationError(field, f"must be at most {MAX_MINUTES} minutes (a week)")
    return value


def round_number(field: str, value: object) -> int:
    """A round number: 0 (the launch) up to ``MAX_ROUND``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ROUND:
        raise ValidationError(
            field, f"must be a whole number from 0 to {MAX_ROUND} (0: the launch, before round 1)"
        )
    return value


def timezone(field: str, value: object, default: str = "UTC") -> str:
    """An IANA time zone name such as ``Asia/Tokyo`` (not ``localtime``, ``posixrules``, ``Factory``)."""
    name = line(field, value) or default
    if not is_meeting_zone(name):
        raise ValidationError(
            field, f"{name!r} is not a known time zone (use an IANA name such as Asia/Tokyo)"
        )
    return name


_YEARS = f"from {EARLIEST_YEAR} to {LATEST_YEAR}"


def moment(field: str, value: object, *, required: bool = True) -> datetime | None:
    """A time-zone aware datetime (or ISO 8601 text with an offset)."""
    if value is None or value == "":
        if required:
            raise ValidationError(field, "must be given")
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                field, f"{value!r} is not a date and time such as 2022-02-07T09:00:00+09:00"
            ) from None
    if not isinstance(value, datetime):
        raise ValidationError(field, f"must be a date and time, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "needs a time zone offset, such as +09:00")
    if not in_years(value):
        raise ValidationError(
            field, f"{value.isoformat()} is outside the years Briefbook keeps ({_YEARS}, in UTC)"
        )
    return value.astimezone(UTC)


def day(field: str, value: object) -> date | None:
    """A calendar date (or ISO ``YYYY-MM-DD`` text); empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(field, f"{value!r} is not a date such as 2022-03-31") from None
    if not isinstance(value, date):
        raise ValidationError(field, f"must be a date, not {type(value).__name__}")
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(field, f"{value.isoformat()} is outside the years Briefbook keeps ({_YEARS})")
    return value


def slugify(title: str) -> str:
    """A readable key from a title: lower case, words joined by hyphens (non-ASCII kept)."""
    words = re.findall(r"\w+", title.lower())
    return "-".join(words)[:80] or "item"


def optional_id(field: str, value: object) -> int | None:
    """A link to another row by id, or None for no link."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, f"must be an id (a whole number); got {value!r}")
    return value
