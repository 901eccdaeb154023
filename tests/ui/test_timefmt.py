"""Dates in the window read in English whatever the user's locale (Qt hands the C library the
environment's locale, and ``strftime`` would follow it)."""

from __future__ import annotations

import locale
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ui.models.actions_table import day_text
from ui.timefmt import day_time, short_date, short_day_time

OTHER_LANGUAGES = ("ja_JP.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8", "zh_CN.UTF-8")


@pytest.fixture
def a_user_locale():
    """The C library's time names in another language, as a Japanese user's start sets them."""
    saved = locale.setlocale(locale.LC_TIME)
    for name in OTHER_LANGUAGES:
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        break
    else:
        pytest.skip(f"none of {OTHER_LANGUAGES} is installed (localedef -i ja_JP -f UTF-8 ja_JP.UTF-8)")
    yield name
    locale.setlocale(locale.LC_TIME, saved)


def test_a_japanese_users_window_still_says_jan_and_mon(a_user_locale):
    assert f"{date(2022, 1, 21):%b}" != "Jan"  # the C library does speak the user's language
    moment = datetime(2022, 2, 7, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert day_text(date(2022, 1, 21)) == "21 Jan 2022"
    assert short_date(moment) == "7 Feb 2022"
    assert day_time(moment) == "Mon 7 Feb 2022 09:00 JST"
    assert short_day_time(moment) == "Mon 7 Feb 09:00 JST"
