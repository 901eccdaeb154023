"""Meetings: created with validation, updated with version checks, chosen at start."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing.errors import ConflictError, NotFoundError, ValidationError


def make(services, **kw):
    fields = dict(title="US–Japan Round 1", starts_at="2022-02-07T09:00:00+09:00",
                  ends_at="2022-02-07T17:00:00+09:00", timezone="Asia/Tokyo")
    fields.update(kw)
    return services.meetings.create(**fields)


def test_a_meeting_is_stored_in_utc_with_its_venue_and_home_zones(services):
    m = make(services)
    again = services.meetings.get(m.id)
    assert again.starts_at == datetime(2022, 2, 7, 0, 0, tzinfo=UTC)
    assert again.timezone == "Asia/Tokyo"
    assert again.home_timezone == "America/New_York"
    assert again.length_minutes == 480
    assert again.status == "planned" and again.sensitivity == "U"
    assert again.key.startswith("m-")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"ends_at": "2022-02-07T08:00:00+09:00"}, "ends_at"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": "Asia"}, "timezone"),  # a folder of the zone database, half-typed
        ({"home_timezone": "Europe/" + "x" * 280}, "home_timezone"),
        ({"status": "postponed"}, "status"),
        ({"sensitivity": "TS"}, "sensitivity"),
        ({"starts_at": "2022-02-07T09:00:00"}, "starts_at"),
        ({"objectives": "a\x00b"}, "objectives"),
        ({"objectives": "bad \ud800 surrogate"}, "objectives"),
        ({"title": "x" * 301}, "title"),
    ],
)
def test_invalid_changes_name_the_field_and_change_nothing(services, changes, field):
    m = make(services)
    with pytest.raises(ValidationError) as caught:
        services.meetings.update(m.id, m.version, **changes)
    assert caught.value.field == field
    assert services.meetings.get(m.id) == m


def test_titles_are_stripped_and_markdown_is_kept_exactly(services):
    m = make(services, title="  Round 1 \n")
    text = "  \t# Heading\r\n\n<b>& emoji 🎌 日米  \x07\n"
    m = services.meetings.update(m.id, m.version, objectives=text)
    assert m.title == "Round 1"
    assert services.meetings.get(m.id).objectives == text


def test_a_write_based_on_a_stale_version_is_refused(services):
    m = make(services)
    services.meetings.update(m.id, m.version, location="Tokyo")
    with pytest.raises(ConflictError) as caught:
        services.meetings.update(m.id, m.version, location="Washington")
    assert caught.value.current.location == "Tokyo"
    assert services.meetings.get(m.id).location == "Tokyo"


def test_resolve_finds_a_meeting_by_id_key_or_title(services):
    m = make(services)
    assert services.meetings.resolve(str(m.id)).id == m.id
    assert services.meetings.resolve(m.key).id == m.id
    assert services.meetings.resolve("us–japan round 1").id == m.id
    with pytest.raises(NotFoundError):
        services.meetings.resolve("nothing like it")


def test_start_opens_the_last_meeting_else_the_next_upcoming_else_the_latest(services):
    now = datetime(2022, 1, 1, tzinfo=UTC)
    past = make(services, title="Launch", starts_at="2021-11-17T10:00:00+09:00", ends_at=None)
    soon = make(services, title="Round 1")
    later = make(services, title="Round 2", starts_at="2022-05-01T09:00:00+09:00", ends_at=None)
    assert services.meetings.pick_initial(None, now) == soon.id
    assert services.meetings.pick_initial(later.id, now) == later.id
    assert services.meetings.pick_initial(999, datetime(2030, 1, 1, tzinfo=UTC)) == later.id
    services.meetings.delete(later.id)
    assert services.meetings.pick_initial(later.id, now) == soon.id
    assert [m.id for m in services.meetings.list()] == [past.id, soon.id]


def test_a_deleted_meeting_can_be_restored_from_the_trash(services):
    m = make(services)
    services.meetings.delete(m.id)
    assert services.meetings.list() == []
    with pytest.raises(NotFoundError):
        services.meetings.get(m.id)
    assert services.meetings.restore(m.id).title == m.title
    assert [x.id for x in services.meetings.list()] == [m.id]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"starts_at": "9999-12-31T23:00:00+00:00", "timezone": "Pacific/Kiritimati"}, "starts_at"),
        ({"starts_at": "0001-01-01T01:00:00+00:00", "timezone": "America/New_York"}, "starts_at"),
        ({"starts_at": datetime(1, 1, 1, 0, 30, tzinfo=UTC)}, "starts_at"),
        ({"ends_at": "2201-01-01T00:00:00+00:00"}, "ends_at"),
        ({"round_no": 2**64}, "round_no"),
        ({"timezone": "localtime"}, "timezone"),
        ({"home_timezone": "posixrules"}, "home_timezone"),
        ({"timezone": "Factory"}, "timezone"),
        ({"objectives": "x" * 2_000_001}, "objectives"),
    ],
)
def test_a_time_zone_or_value_no_desk_app_can_show_is_refused(services, changes, field):
    m = make(services)
    with pytest.raises(ValidationError) as caught:
        services.meetings.update(m.id, m.version, **changes)
    assert caught.value.field == field
    assert services.meetings.get(m.id) == m
    with pytest.raises(ValidationError):
        make(services, **changes)


def test_an_action_due_outside_the_years_kept_is_refused(services):
    m = make(services)
    with pytest.raises(ValidationError) as caught:
        services.actions.add(m.id, "Send the text", due="0001-01-01")
    assert caught.value.field == "due"
    action = services.actions.add(m.id, "Send the text", due="2200-12-31")
    with pytest.raises(ValidationError):
        services.actions.update(action.id, action.version, due="2201-01-01")
