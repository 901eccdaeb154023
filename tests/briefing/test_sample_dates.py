"""The sample's dates, moved to the present: whole weeks, weekdays and venue times kept."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.interchange.sample import load_sample, sample_document
from briefing.interchange.sample_dates import shift_document, shifted_to, weeks_to_shift

TOKYO = ZoneInfo("Asia/Tokyo")
WASHINGTON = ZoneInfo("America/New_York")


def _starts(doc: dict) -> list[datetime]:
    return [datetime.fromisoformat(m["starts_at"]) for m in doc["meetings"]]


def test_a_new_user_in_2031_sees_round_2_held_a_week_or_two_ago_at_the_same_hour_and_weekday():
    today = date(2031, 9, 17)  # a Wednesday
    doc = sample_document(as_of=today)
    launch, round_1, round_2 = _starts(doc)
    # every round of the sample was held (Round 2 has its record): the latest ended lately,
    # the next round is the user's to prepare
    assert 7 <= (today - round_2.astimezone(WASHINGTON).date()).days <= 13
    assert round_2.astimezone(WASHINGTON).strftime("%a %H:%M") == "Mon 09:00"
    assert round_1.astimezone(TOKYO).strftime("%a %H:%M") == "Mon 09:00"
    assert launch.astimezone(TOKYO).strftime("%a %H:%M") == "Wed 10:00"
    old_launch, old_round_1, old_round_2 = _starts(sample_document())
    assert (round_1 - launch, round_2 - round_1) == (old_round_1 - old_launch, old_round_2 - old_round_1)


def test_a_planned_round_is_moved_a_week_or_two_ahead():
    doc = {"meetings": [{"timezone": "Asia/Tokyo", "starts_at": "2022-01-17T10:00:00+09:00",
                         "status": "held"},
                        {"timezone": "Asia/Tokyo", "starts_at": "2022-02-07T09:00:00+09:00",
                         "status": "planned"}]}
    assert weeks_to_shift(doc, date(2022, 1, 31)) == 0  # a week ahead already
    assert weeks_to_shift(doc, date(2022, 2, 1)) == 1
    moved = _starts(shifted_to(doc, date(2031, 9, 17)))[1].astimezone(TOKYO).date()
    assert 7 <= (moved - date(2031, 9, 17)).days <= 13


def test_due_dates_move_with_their_meetings_and_sources_keep_their_publication_dates():
    old, new = sample_document(), sample_document(as_of=date(2031, 9, 17))
    weeks = weeks_to_shift(old, date(2031, 9, 17))
    for m_old, m_new in zip(old["meetings"], new["meetings"], strict=True):
        for a_old, a_new in zip(m_old["actions"], m_new["actions"], strict=True):
            assert (date.fromisoformat(a_new["due"]) - date.fromisoformat(a_old["due"])).days == 7 * weeks
        assert [n["sources"] for n in m_new["notes"]] == [n["sources"] for n in m_old["notes"]]
        assert m_new["agenda"] == m_old["agenda"]  # its times count from the meeting's start


def test_a_day_before_the_story_keeps_the_historical_dates():
    assert shifted_to(sample_document(), date(2022, 1, 1)) == sample_document()
    assert weeks_to_shift(sample_document(), date(2022, 3, 27)) == 0  # Round 2 held 13 days ago
    assert weeks_to_shift(sample_document(), date(2022, 3, 28)) == 1


def test_a_shift_across_daylight_saving_keeps_the_venue_wall_clock_time():
    doc = {"meetings": [{"timezone": "America/New_York", "starts_at": "2022-01-10T09:00:00-05:00",
                         "ends_at": "2022-01-10T17:00:00-05:00", "actions": [{"due": "2022-01-07"}]}]}
    moved = shift_document(doc, 26)  # into July: EDT
    assert moved["meetings"][0]["starts_at"] == "2022-07-11T09:00:00-04:00"
    assert moved["meetings"][0]["ends_at"] == "2022-07-11T17:00:00-04:00"
    assert moved["meetings"][0]["actions"][0]["due"] == "2022-07-08"
    assert doc["meetings"][0]["starts_at"] == "2022-01-10T09:00:00-05:00"  # the original untouched


def test_loading_the_sample_as_of_today_stores_the_moved_round_marked_as_the_sample(services):
    assert load_sample(services.db, services.config, as_of=date(2031, 9, 17))
    meetings = services.meetings.list()
    assert [m.starts_at.astimezone(ZoneInfo(m.timezone)).date() for m in meetings] == \
        [date(2031, 5, 14), date(2031, 8, 4), date(2031, 9, 8)]
    assert all(services.meetings.get(m.id).is_sample for m in meetings)


def test_a_meeting_created_by_the_user_is_not_the_sample(services):
    created = services.meetings.create(title="Round 2", starts_at="2031-10-06T09:00:00+09:00")
    assert services.meetings.get(created.id).is_sample is False
