"""Time zones by city on the Overview: typing 'Washington' and Enter sets America/New_York."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.typing import type_into
from tests.ui.write_gate import written


def press(qtbot, editor, key) -> None:
    """A key as the user presses it: to the list of zones offered while it is open (as the
    window system routes it), else to the field."""
    qtbot.keyClick(QApplication.activePopupWidget() or editor, key)


def overview(window):
    return window.workspace.panel("Overview")


def test_typing_a_city_and_enter_sets_its_zone(qtbot, window, store):
    zone = overview(window).home_zone
    zone.lineEdit().selectAll()
    type_into(qtbot, zone.lineEdit(), "Washington")
    assert "America/New_York" in zone.offered.stringList()
    press(qtbot, zone.lineEdit(), Qt.Key.Key_Return)
    written(qtbot, window)
    assert zone.currentText() == "America/New_York"
    assert store.meetings.get(window.meeting.id).home_timezone == "America/New_York"


def test_the_venue_zone_finds_geneva_and_the_times_stay_on_the_wall_clock(qtbot, window, store):
    zone = overview(window).when.zone
    zone.lineEdit().selectAll()
    type_into(qtbot, zone.lineEdit(), "Geneva")
    press(qtbot, zone.lineEdit(), Qt.Key.Key_Return)
    written(qtbot, window)
    meeting = store.meetings.get(window.meeting.id)
    assert meeting.timezone == "Europe/Zurich"
    assert meeting.starts_at.hour == 8  # 09:00 in Geneva (CET) as it was 09:00 in Tokyo


def test_a_city_begun_and_enter_takes_the_city_offered(qtbot, window, store):
    zone = overview(window).home_zone
    zone.lineEdit().selectAll()
    type_into(qtbot, zone.lineEdit(), "Brusse")
    press(qtbot, zone.lineEdit(), Qt.Key.Key_Return)
    written(qtbot, window)
    assert store.meetings.get(window.meeting.id).home_timezone == "Europe/Brussels"


def test_the_message_quotes_what_is_being_typed(qtbot, window, store):
    panel = overview(window)
    zone = panel.home_zone
    zone.lineEdit().selectAll()
    type_into(qtbot, zone.lineEdit(), "Atlantis")
    press(qtbot, zone.lineEdit(), Qt.Key.Key_Return)
    written(qtbot, window)
    error = zone.parentWidget().findChild(type(panel.when.error))
    assert "Atlantis" in error.message and error.isVisible()
    type_into(qtbot, zone.lineEdit(), "x")
    assert "Atlantisx" in error.message
    assert store.meetings.get(window.meeting.id).home_timezone == "America/New_York"
    zone.lineEdit().selectAll()
    type_into(qtbot, zone.lineEdit(), "Tokyo")
    assert not error.isVisible()
    press(qtbot, zone.lineEdit(), Qt.Key.Key_Return)
    written(qtbot, window)
    assert store.meetings.get(window.meeting.id).home_timezone == "Asia/Tokyo"


def test_leaving_the_field_after_naming_a_city_writes_its_zone(qtbot, window, store):
    panel = overview(window)
    panel.home_zone.lineEdit().selectAll()
    type_into(qtbot, panel.home_zone.lineEdit(), "Seoul")
    press(qtbot, panel.home_zone.lineEdit(), Qt.Key.Key_Tab)
    written(qtbot, window)
    assert not panel.home_zone.hasFocus()
    assert panel.home_zone.currentText() == "Asia/Seoul"
    assert store.meetings.get(window.meeting.id).home_timezone == "Asia/Seoul"


def test_the_full_list_has_no_pseudo_zones(qtbot, window):
    zone = overview(window).home_zone
    zone.fill()
    names = {zone.itemText(i) for i in range(zone.count())}
    assert "Asia/Tokyo" in names and not names & {"Factory", "localtime", "posixrules"}
