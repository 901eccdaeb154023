"""Start-up on a long list: the first paint shows the top of the meetings list; the rest and counts follow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QSettings

from briefing.config import Config
from briefing.services import Services
from ui.app import build_window
from ui.main_window import LAST_MEETING_KEY
from ui.meetings.sidebar import MeetingsSidebar
from ui.models.meetings_list import DATE, TITLE, MeetingsListModel

NOW = datetime.now(UTC).replace(microsecond=0)
TO_COME, OVER = 5, 6
SHOWN = 3  # a screen that shows three rows of the list


def fill(services) -> dict[str, int]:
    """Five meetings to come and six over, a week apart."""
    ids = {}
    for n in range(1, TO_COME + 1):
        ids[f"Ahead {n}"] = services.meetings.create(
            title=f"Ahead {n}", starts_at=NOW + timedelta(days=7 * n)).id
    for n in range(1, OVER + 1):
        ids[f"Behind {n}"] = services.meetings.create(
            title=f"Behind {n}", starts_at=NOW - timedelta(days=7 * n)).id
    return ids


def listed(model) -> list[str]:
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_the_rest_of_the_list_arrives_without_a_reset_and_the_counts_with_it(qtmodeltester, services):
    fill(services)
    model = MeetingsListModel()
    model.set_top(services.meetings.list_top(SHOWN, NOW))
    qtmodeltester.check(model)
    assert listed(model) == ["UPCOMING", "Ahead 1", "Ahead 2", "Ahead 3"]  # no count yet
    assert not model.is_complete()
    signals = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.rowsInserted.connect(lambda _parent, first, last: signals.append(("inserted", first, last)))
    model.dataChanged.connect(lambda first, last: signals.append(("changed", first.row(), last.row())))

    model.set_meetings(services.meetings.list(), now=NOW)

    assert signals == [("changed", 0, 3), ("inserted", 4, 12)]  # the view keeps its place
    assert listed(model)[:4] == ["UPCOMING  ·  5", "Ahead 1", "Ahead 2", "Ahead 3"]
    assert listed(model)[4:] == ["Ahead 4", "Ahead 5", "PAST  ·  6"] + [f"Behind {n}" for n in range(1, 7)]
    assert model.is_complete()
    qtmodeltester.check(model)


def test_a_list_that_changed_meanwhile_is_shown_afresh(qtmodeltester, services):
    ids = fill(services)
    model = MeetingsListModel()
    model.set_top(services.meetings.list_top(SHOWN, NOW))
    services.meetings.delete(ids["Ahead 2"])
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_meetings(services.meetings.list(), now=NOW)
    assert resets == [True]
    assert listed(model)[:4] == ["UPCOMING  ·  4", "Ahead 1", "Ahead 3", "Ahead 4"]
    qtmodeltester.check(model)


def open_long_list(qtbot, db_url, settings_file, monkeypatch, *, last: int | None = None):
    """The window as the app builds it, on a screen that shows ``SHOWN`` rows; ``reads`` counts the
    times the whole list was read."""
    monkeypatch.setattr(MeetingsSidebar, "rows_on_screen", lambda self: SHOWN)
    services = Services.open(db_url, Config())
    reads = []
    read_all = services.meetings.list
    monkeypatch.setattr(services.meetings, "list", lambda: reads.append(True) or read_all())
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    if last is not None:
        settings.setValue(LAST_MEETING_KEY, last)
    window = build_window(services, settings)
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "ask_on_close", False))
    return window, services, reads


def test_the_first_paint_shows_the_top_of_a_long_list_and_the_counts_come_after_it(
        qtbot, services, db_url, settings_file, monkeypatch):
    fill(services)
    window, opened, reads = open_long_list(qtbot, db_url, settings_file, monkeypatch)
    try:
        sidebar = window.sidebar
        assert listed(sidebar.model) == ["UPCOMING", "Ahead 1", "Ahead 2", "Ahead 3"]
        assert reads == []  # nothing of the long list read before the window is on screen
        assert window.meeting.title == "Ahead 1" and sidebar.view.currentIndex().data() == "Ahead 1"

        window.show()
        qtbot.waitUntil(lambda: "UPCOMING  ·  5" in listed(sidebar.model), timeout=5000)

        assert reads == [True]
        assert "PAST  ·  6" in listed(sidebar.model) and len(sidebar.meeting_ids()) == TO_COME + OVER
        assert sidebar.view.currentIndex().data() == "Ahead 1"  # still the open one
        past = listed(sidebar.model).index("PAST  ·  6")
        assert sidebar.view.isFirstColumnSpanned(past, sidebar.model.index(0, DATE).parent())
    finally:
        window.close()
        opened.close()


def test_a_meeting_last_open_far_down_the_list_is_selected_once_the_rest_arrives(
        qtbot, services, db_url, settings_file, monkeypatch):
    ids = fill(services)
    window, opened, _reads = open_long_list(qtbot, db_url, settings_file, monkeypatch,
                                            last=ids["Behind 5"])
    try:
        sidebar = window.sidebar
        assert window.meeting.title == "Behind 5"  # opened at once, listed once the rest arrives
        window.show()
        qtbot.waitUntil(lambda: sidebar.view.currentIndex().data() == "Behind 5", timeout=5000)
        assert sidebar.model.is_complete()
    finally:
        window.close()
        opened.close()
