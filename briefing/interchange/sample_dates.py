"""The sample's dates moved to the present: a whole number of weeks, local times kept.

The sample tells the story of talks held in 2021–22. Loaded as they were, a new
user's store opens on rounds years old; shifted, its latest planned round is one
to two weeks ahead — or, when every round was held (the sample's Round 2 has its
record), the latest ended one to two weeks ago, the next round to be prepared —
the earlier meetings as far before it as they were, and every
weekday, venue time and due date moves by the
same number of weeks. The sources' dates of publication are not dates of the
story but of real articles, and are left as published. Pure: ``today`` is passed in.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

#: The latest round starts at least this long after ``today`` (and less than a week more).
LEAD = timedelta(weeks=1)


def weeks_to_shift(doc: dict[str, Any], today: date) -> int:
    """The fewest whole weeks that put the document's latest planned meeting at least a week
    after ``today`` (by the day it starts in its venue); with none planned, the most that keep
    its latest meeting at least a week before ``today``. 0 when it already is."""
    planned = [m for m in doc["meetings"] if m.get("status", "planned") == "planned"]
    if planned:
        latest = max(_local_day(m) for m in planned)
        return max(0, -((latest - (today + LEAD)).days // 7))
    latest = max(_local_day(m) for m in doc["meetings"])
    return max(0, ((today - LEAD) - latest).days // 7)


def shift_document(doc: dict[str, Any], weeks: int) -> dict[str, Any]:
    """A copy of an interchange document with every date moved by ``weeks`` weeks.

    Meeting times keep their venue's wall-clock time (the offset follows the zone's
    daylight saving time on the new date); action due dates move by the same
    number of days; agenda items follow their meeting (their times are counted
    from its start). Sources keep their dates of publication.
    """
    moved = copy.deepcopy(doc)
    delta = timedelta(weeks=weeks)
    for meeting in moved["meetings"]:
        zone = ZoneInfo(meeting.get("timezone") or "UTC")
        for name in ("starts_at", "ends_at"):
            if meeting.get(name):
                meeting[name] = _moved_moment(meeting[name], zone, delta)
        for action in meeting.get("actions", ()):
            if action.get("due"):
                action["due"] = (date.fromisoformat(action["due"]) + delta).isoformat()
    return moved


def shifted_to(doc: dict[str, Any], today: date) -> dict[str, Any]:
    """The document moved so that its latest planned meeting starts 7 to 13 days after ``today``
    (with none planned, its latest meeting 7 to 13 days before), or as it is, when that is later."""
    return shift_document(doc, weeks_to_shift(doc, today))


def _local_day(meeting: dict[str, Any]) -> date:
    zone = ZoneInfo(meeting.get("timezone") or "UTC")
    return datetime.fromisoformat(meeting["starts_at"]).astimezone(zone).date()


def _moved_moment(text: str, zone: ZoneInfo, delta: timedelta) -> str:
    local = datetime.fromisoformat(text).astimezone(zone).replace(tzinfo=None) + delta
    return local.replace(tzinfo=zone).isoformat()
