"""A store that already holds a time no zone can show (written by an older build or by hand) still
lists, dumps, schedules and opens, shows the value as invalid, and lets the user fix it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from briefing.interchange import InterchangeError, dump_store, import_document
from db.models import Meeting

POISONS = [
    (datetime(9999, 12, 31, 23, 0, tzinfo=UTC), "Pacific/Kiritimati"),
    (datetime(1, 1, 1, 1, 0, tzinfo=UTC), "America/New_York"),
]


def poison(services, meeting_id: int, starts_at: datetime, zone: str) -> None:
    """Write the row directly, as an older build did: no service, no validation."""
    with services.db.write() as s:
        s.execute(update(Meeting).where(Meeting.id == meeting_id)
                  .values(starts_at=starts_at, ends_at=None, timezone=zone))


@pytest.mark.parametrize(("starts_at", "zone"), POISONS)
def test_a_stored_time_no_zone_can_show_lists_dumps_and_schedules(sample, starts_at, zone):
    meeting = sample.meetings.resolve("usjp-round-1-2022")
    poison(sample, meeting.id, starts_at, zone)
    assert meeting.id in [m.id for m in sample.meetings.list()]
    assert sample.meetings.get(meeting.id).starts_at == starts_at
    problems: list[str] = []
    doc = dump_store(sample.db, problems)
    dumped = next(m for m in doc["meetings"] if m["key"] == "usjp-round-1-2022")
    assert dumped["starts_at"] == starts_at.isoformat()  # the same moment, in UTC
    assert problems == [f"$.meetings[1].starts_at: {starts_at.isoformat()} (cannot be shown in {zone})"]
    brief = sample.briefs.load(meeting.id)
    assert brief.schedule.slots and brief.schedule.slots[0].starts_at == starts_at
    # The dump is refused on import, naming the time: it does not spread.
    with pytest.raises(InterchangeError) as caught:
        import_document(sample.db, doc)
    assert caught.value.field == "$.meetings[1].starts_at"


def test_the_user_can_fix_a_stored_time_no_zone_can_show(sample):
    meeting = sample.meetings.resolve("usjp-round-1-2022")
    poison(sample, meeting.id, *POISONS[0])
    record = sample.meetings.get(meeting.id)
    fixed = sample.meetings.update(meeting.id, record.version, starts_at="2022-02-07T09:00:00+09:00",
                                   timezone="Asia/Tokyo")
    assert fixed.starts_at == datetime(2022, 2, 7, 0, 0, tzinfo=UTC)
