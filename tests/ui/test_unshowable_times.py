"""A store holding a meeting time no zone can show (from an older build or a hand edit) opens: the
window lists the meeting, the Overview says the time is invalid, and the user can fix it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from briefing.interchange.sample import load_sample
from db.models import Meeting
from tests.ui.write_gate import written
from ui.models.meetings_list import DATE

ROUND_1 = "usjp-round-1-2022"


def poison(store, starts_at: datetime, zone: str) -> int:
    """Write the row as an older build did: no service, no validation."""
    load_sample(store.db, store.config)
    meeting_id = store.meetings.resolve(ROUND_1).id
    with store.db.write() as s:
        s.execute(update(Meeting).where(Meeting.id == meeting_id)
                  .values(starts_at=starts_at, ends_at=None, timezone=zone))
    return meeting_id


@pytest.mark.parametrize(("starts_at", "zone"), [
    (datetime(9999, 12, 31, 23, 0, tzinfo=UTC), "Pacific/Kiritimati"),
    (datetime(1, 1, 1, 1, 0, tzinfo=UTC), "America/New_York"),
])
def test_the_window_opens_a_meeting_whose_time_no_zone_can_show(qtbot, open_window, store,
                                                                 starts_at, zone):
    meeting_id = poison(store, starts_at, zone)
    window = open_window()
    window.open_meeting(meeting_id)
    assert window.meeting.id == meeting_id
    invalid = f"{starts_at.isoformat()} (cannot be shown in {zone})"
    model = window.sidebar.model
    index = model.index_of(meeting_id)
    assert model.index(index.row(), DATE).data() == invalid
    assert invalid in window.workspace.header.when.text()
    when = window.workspace.panel("Overview").when
    assert when.error.isVisibleTo(window) and invalid in when.error.message


def test_the_user_fixes_a_time_no_zone_can_show_in_the_overview(qtbot, open_window, store):
    meeting_id = poison(store, datetime(9999, 12, 31, 23, 0, tzinfo=UTC), "Pacific/Kiritimati")
    window = open_window()
    window.open_meeting(meeting_id)
    when = window.workspace.panel("Overview").when
    when.zone.set_zone("Asia/Tokyo")
    when.binding.committed()  # the venue corrected: written with the wall-clock times shown
    written(qtbot, window)
    assert "1900 to 2200" in when.error.message  # 9999-12-31 23:00 is still no year Briefbook keeps
    assert store.meetings.get(meeting_id).timezone == "Pacific/Kiritimati"
    from ui.overview.when import to_wall
    when.start.setDateTime(to_wall(datetime(2022, 2, 7, 9, 0)))
    when.binding.committed()
    written(qtbot, window)
    fixed = store.meetings.get(meeting_id)
    assert (fixed.starts_at, fixed.timezone) == (datetime(2022, 2, 7, 0, 0, tzinfo=UTC), "Asia/Tokyo")
    assert not when.error.message
