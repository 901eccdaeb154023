"""Day and month names are English in the book and the window, whatever the machine's locale."""

from __future__ import annotations

import locale
from datetime import date, datetime

import pytest

from briefing.times.names import day_clock, long_date, short_date


def test_names_are_english():
    assert long_date(date(2022, 2, 7)) == "Monday 7 February 2022"
    assert short_date(date(2022, 2, 7)) == "7 Feb 2022"
    assert day_clock(datetime(2022, 2, 6, 19, 0)) == "Sun 19:00"


def test_names_stay_english_under_a_japanese_locale():
    try:
        previous = locale.setlocale(locale.LC_TIME)
        locale.setlocale(locale.LC_TIME, "ja_JP.UTF-8")
    except locale.Error:
        pytest.skip("the ja_JP.UTF-8 locale is not installed (.ci/run installs it)")
    try:
        assert f"{date(2022, 2, 7):%A}" != "Monday"  # the C library now speaks Japanese
        assert long_date(date(2022, 2, 7)) == "Monday 7 February 2022"
    finally:
        locale.setlocale(locale.LC_TIME, previous)
