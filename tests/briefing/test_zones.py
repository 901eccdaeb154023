"""Finding a time zone by city: the zone database's city parts and the shipped table of capitals."""

from __future__ import annotations

import pytest

from briefing.times.zones import find_zones, zone_for


@pytest.mark.parametrize(("typed", "zone"), [
    ("Tokyo", "Asia/Tokyo"), ("Washington", "America/New_York"), ("Geneva", "Europe/Zurich"),
    ("Brussels", "Europe/Brussels"), ("Beijing", "Asia/Shanghai"), ("New Delhi", "Asia/Kolkata"),
    ("Canberra", "Australia/Sydney"), ("Ottawa", "America/Toronto"), ("Seoul", "Asia/Seoul"),
    ("Hanoi", "Asia/Ho_Chi_Minh"), ("Jakarta", "Asia/Jakarta"), ("Brasília", "America/Sao_Paulo"),
    ("brasilia", "America/Sao_Paulo"), ("são paulo", "America/Sao_Paulo"), ("new_york", "America/New_York"),
    ("asia/tokyo", "Asia/Tokyo"),
])
def test_a_city_or_zone_typed_finds_its_zone_first(typed, zone):
    assert find_zones(typed)[0] == zone
    assert zone_for(typed) == zone


def test_a_city_begun_is_offered_but_named_only_when_asked():
    assert find_zones("Washing")[0] == "America/New_York"
    assert zone_for("Washing") is None
    assert zone_for("Washing", begun=True) == "America/New_York"
    assert "America/New_York" in find_zones("york")


def test_what_is_not_a_zone_finds_nothing():
    for typed in ("", "   ", "Atlantis", "Factory", "localtime", "posixrules"):
        assert find_zones(typed) == []
        assert zone_for(typed, begun=True) is None
    assert zone_for("Asia") is None  # a folder of the zone database, not a zone
    assert all("/" in z for z in find_zones("Asia"))


def test_every_zone_offered_is_a_real_meeting_zone():
    from briefing.times.zones import is_meeting_zone

    for typed in ("a", "e", "Washington", "Geneva", "Kyiv"):
        assert all(is_meeting_zone(z) for z in find_zones(typed))


def test_a_meetings_zone_is_known_without_opening_every_file_of_the_zone_folders(monkeypatch):
    """The window's first paint checks the open meeting's zone: a listed zone must not make it
    walk the host's zone database (tens of milliseconds at start-up)."""
    from briefing.times import zones

    def walk_the_folders() -> set[str]:
        raise AssertionError("the host's zone folders were listed")

    zones._meeting_zones.cache_clear()
    monkeypatch.setattr(zones, "available_timezones", walk_the_folders)
    try:
        for name in ("Asia/Tokyo", "America/New_York", "Europe/Zurich", "UTC"):
            assert zones.is_meeting_zone(name)
    finally:
        zones._meeting_zones.cache_clear()


def test_a_zone_is_a_meeting_zone_exactly_when_the_zone_database_lists_it():
    from briefing.times.zones import is_meeting_zone, meeting_zones

    listed = meeting_zones()
    assert all(is_meeting_zone(name) for name in listed)
    for name in ("Factory", "localtime", "posixrules", "Asia", "Atlantis", "", "asia/tokyo",
                 "right/Asia/Tokyo", "posix/Asia/Tokyo", "Asia//Tokyo"):
        assert not is_meeting_zone(name)
        assert name not in listed
