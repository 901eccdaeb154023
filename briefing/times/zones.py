"""Time zones and the moments shown in them: which zones a meeting may have, which years it may
fall in, and one safe conversion for every place that shows a stored moment in a zone.

A stored moment is UTC. Shown in a zone it may fall outside the years Python's
``datetime`` can hold (9999-12-31T23:00Z in Pacific/Kiritimati is in the year
10000): :func:`in_zone` then answers None instead of raising, and
:func:`unshowable` says so in words, so a store holding such a value (from an
older build, or edited by hand) still lists, dumps, exports and opens.

:func:`find_zones` finds the zones a user means by a city ("Tokyo",
"Washington", "Geneva"): the zone database's own city parts and a small shipped
table (``resources/zone_cities.json``) of cities that are not in a zone's name.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

#: The years a meeting, an agenda or an action may fall in (checked in UTC). Every moment
#: of these years can be shown in every zone.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200

#: Files of the zone database that are not zones a meeting can be held in: the host's own
#: setting (``localtime``), the POSIX default rule, and the "no zone set" placeholder.
NOT_MEETING_ZONES = frozenset({"localtime", "posixrules", "Factory"})
#: Cities whose zone does not carry their name (Washington, Geneva, Beijing…), in ``resources``.
CITY_TABLE = "zone_cities.json"


@cache
def _meeting_zones() -> frozenset[str]:
    # Read once: listing the zone database takes tens of milliseconds.
    return frozenset(available_timezones()) - NOT_MEETING_ZONES


@cache
def _listed_zones() -> frozenset[str]:
    # The tzdata package's own list of its zones: one small file. available_timezones() starts
    # from the same list and adds what it finds by opening every file of the host's zone folders,
    # so a name listed here is a meeting zone without that walk (which the window's first paint
    # would otherwise pay for the meeting's zone).
    try:
        with files("tzdata").joinpath("zones").open("r", encoding="utf-8") as listing:
            return frozenset(line.strip() for line in listing if line.strip()) - NOT_MEETING_ZONES
    except (ImportError, OSError):
        return frozenset()


def meeting_zones() -> tuple[str, ...]:
    """Every zone a meeting may have, sorted by name."""
    return tuple(sorted(_meeting_zones()))


def is_meeting_zone(name: str) -> bool:
    """Whether ``name`` is an IANA zone (``Asia/Tokyo``, ``UTC``) a meeting may have."""
    return name in _listed_zones() or name in _meeting_zones()


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


def _folded(text: str) -> str:
    """``São_Paulo`` → ``sao paulo``: case, accents, underscores and extra spaces left out."""
    plain = unicodedata.normalize("NFKD", text.replace("_", " "))
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).casefold().split())


def zone_city(name: str) -> str:
    """``America/New_York`` → ``New York``; ``UTC`` → ``UTC``."""
    return name.rsplit("/", 1)[-1].replace("_", " ")


@cache
def _city_table() -> tuple[tuple[str, str], ...]:
    """``(folded city, zone)`` from ``resources/zone_cities.json``, known zones only."""
    data = json.loads(files("resources").joinpath(CITY_TABLE).read_text(encoding="utf-8"))
    return tuple((_folded(city), name) for city, name in data["cities"].items() if is_meeting_zone(name))


@cache
def _zone_cities() -> tuple[tuple[str, str, str], ...]:
    """``(folded city part, folded full name, zone)`` of every meeting zone, sorted by name."""
    return tuple((_folded(zone_city(n)), _folded(n), n) for n in sorted(_meeting_zones()))


def find_zones(text: str) -> list[str]:
    """The zones a user typing ``text`` may mean, best first: ``Tokyo`` → ``Asia/Tokyo``,
    ``Washington`` → ``America/New_York`` (from the shipped city table), ``geneva`` →
    ``Europe/Zurich``, ``york`` → ``America/New_York``…

    A zone named exactly comes first, then cities named exactly (the table's, then
    the zones' own), then cities that start with ``text``, then zone names that
    contain it. Case, accents and ``_`` do not matter; empty text finds nothing.
    """
    wanted = _folded(text)
    if not wanted:
        return []
    ranked: list[list[str]] = [[], [], [], [], []]
    table, zones_ = _city_table(), _zone_cities()
    ranked[0] = [n for _, full, n in zones_ if full == wanted]
    ranked[1] = [n for city, n in table if city == wanted] + [n for city, _, n in zones_ if city == wanted]
    ranked[2] = [n for city, n in table if city.startswith(wanted)]
    ranked[3] = [n for city, _, n in zones_ if city.startswith(wanted)]
    ranked[4] = [n for _, full, n in zones_ if wanted in full]
    found: dict[str, None] = {}
    for names in ranked:
        found.update(dict.fromkeys(names))
    return list(found)


def zone_for(text: str, *, begun: bool = False) -> str | None:
    """The zone ``text`` names outright: a zone's own name (any case) or a city named exactly
    (``Washington``); with ``begun``, also the first city whose name starts with ``text``
    (``Washing``). None when it names none (``Asia`` names no zone)."""
    wanted = _folded(text)
    if not wanted:
        return None
    for _, full, name in _zone_cities():
        if full == wanted:
            return name
    table, zones_ = _city_table(), _zone_cities()
    found = [n for city, n in table if city == wanted] + [n for city, _, n in zones_ if city == wanted]
    if begun:
        found += [n for city, n in table if city.startswith(wanted)]
        found += [n for city, _, n in zones_ if city.startswith(wanted)]
    return found[0] if found else None
