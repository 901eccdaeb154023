"""Day and month names in English, whatever the locale: ``strftime``'s ``%a``/``%B`` follow the
C library's locale, which Qt sets from the user's environment (a Japanese desktop would print
``月曜日 7 2月 2022`` in an English book)."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday(day: date, *, short: bool = False) -> str:
    """``Monday`` (``Mon`` when ``short``)."""
    name = WEEKDAYS[day.weekday()]
    return name[:3] if short else name


def month(day: date, *, short: bool = False) -> str:
    """``February`` (``Feb`` when ``short``)."""
    name = MONTHS[day.month - 1]
    return name[:3] if short else name


def long_date(day: date) -> str:
    """``Monday 7 February 2022``."""
    return f"{weekday(day)} {day.day} {month(day)} {day.year}"


def short_date(day: date) -> str:
    """``7 Feb 2022``."""
    return f"{day.day} {month(day, short=True)} {day.year}"


def day_clock(moment: datetime) -> str:
    """``Sun 19:00``."""
    return f"{weekday(moment, short=True)} {moment:%H:%M}"
