"""``WhenEditor``: the venue's time zone with start and end shown as wall-clock time there.

Start and end are edited in the venue's zone; the line below each says the same
moment in the home delegation's zone. Changing the zone keeps the wall-clock
times (a meeting "09:00 in Tokyo" stays 09:00 when the venue is corrected), so
zone, start and end are one binding and are written together. A stored time
that cannot be shown in the venue's zone (outside the years Briefbook keeps,
written by an older build or by hand) is shown in UTC with a message saying so,
until the user picks a time the service accepts.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QObject, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QWidget

from briefing.errors import ValidationError
from briefing.meetings.records import MeetingRecord
from briefing.times import zones
from briefing.times.typed import parse_when
from ui.forms.bindings import CustomBinding
from ui.timefmt import in_zone, short_day_time
from ui.widgets.field_error import FieldError
from ui.widgets.palette import muted_colour
from ui.widgets.typed_date import TypedDateEntry, english_dates
from ui.widgets.zone_combo import ZoneComboBox

DISPLAY_FORMAT = "ddd d MMM yyyy  HH:mm"


def to_wall(moment: datetime) -> QDateTime:
    """A wall-clock time as a QDateTime that no host time zone can shift (kept as UTC)."""
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute), QTimeZone.utc())


def from_wall(value: QDateTime, zone: ZoneInfo) -> datetime:
    """The wall-clock time of an editor, in ``zone``."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone)


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Asia" is a folder; long names
        return None


class WhenEditor(QObject):
    """Venue time zone, start, end (optional), and each time in the home zone.

    Its ``rows()`` go into the panel's form layout; ``binding`` goes into its form.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.home_zone = "UTC"
        # What show_record put in the editors for stored times it could not show in the venue's
        # zone, and those times: until the user changes zone or time, read() gives the stored
        # ones back (opening a meeting is not an edit).
        self._kept: tuple[str, QDateTime, QDateTime, datetime, datetime | None] | None = None
        self.zone = ZoneComboBox(parent)
        self.zone.setAccessibleName("Venue time zone")
        self.start = self._datetime_edit(parent, "Start")
        self.has_end = QCheckBox("Ends", parent)
        self.end = self._datetime_edit(parent, "End")
        self.start_home = self._hint(parent)
        self.end_home = self._hint(parent)
        self.error = FieldError(parent)
        self.binding = CustomBinding(
            ("timezone", "starts_at", "ends_at"),
            (self.zone, self.start, self.has_end, self.end), self.read, self.show_record, self.error)
        self.start.dateTimeChanged.connect(self.binding.edited)
        self.end.dateTimeChanged.connect(self.binding.edited)
        self.has_end.toggled.connect(self.binding.committed)
        self.zone.activated.connect(self.binding.committed)
        self.zone.lineEdit().editingFinished.connect(self.binding.committed)
        for signal in (self.start.dateTimeChanged, self.end.dateTimeChanged, self.has_end.toggled,
                       self.zone.currentTextChanged):
            signal.connect(self._update_hints)
        self._accept_typing()

    def _accept_typing(self) -> None:
        """A whole date typed or pasted is read by ``briefing.times.typed``; Ends moves with Starts."""
        self.now = lambda: datetime.now(UTC)  # what "today" and "tomorrow" count from
        self.typed = {}
        for edit, field in ((self.start, "starts_at"), (self.end, "ends_at")):
            entry = self.typed[field] = TypedDateEntry(
                edit, lambda text, e=edit, f=field: self._read_typed(e, f, text), tab_leaves=True)
            label = "Starts" if field == "starts_at" else "Ends"
            entry.sig_refused.connect(lambda m, label=label: self.error.show_message(m and f"{label}: {m}"))
        self._last_start = self.start.dateTime()
        self.start.dateTimeChanged.connect(self._start_moved)

    def _read_typed(self, edit: QDateTimeEdit, field: str, text: str) -> None:
        zone = _zone(self.zone.zone())
        if zone is None:
            raise ValidationError(field, "choose a known venue time zone first")
        edit.setDateTime(to_wall(parse_when(text, zone=zone, now=self.now(), field=field)))

    def _start_moved(self, start: QDateTime) -> None:
        """The end keeps the meeting's length (one edit with the start: one undo step)."""
        old, self._last_start = self._last_start, start
        if self.has_end.isChecked() and self.end.dateTime() >= old:  # not when the end was already wrong
            self.end.setDateTime(self.end.dateTime().addSecs(old.secsTo(start)))

    def rows(self) -> list[tuple[QWidget | str, QWidget]]:
        """``(label, field)`` rows for a QFormLayout: zone, start, end, and the error line."""
        parent = self.zone.parentWidget()

        def line(*widgets: QWidget) -> QWidget:
            box = QWidget(parent)
            layout = QHBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                layout.addWidget(widget)
            layout.addStretch(1)
            box.setFocusProxy(widgets[0])
            return box

        return [("Venue time &zone", self.zone), ("&Starts", line(self.start, self.start_home)),
                (self.has_end, line(self.end, self.end_home)), ("", self.error)]

    @staticmethod
    def _datetime_edit(parent: QWidget, name: str) -> QDateTimeEdit:
        edit = english_dates(QDateTimeEdit(parent))
        edit.setTimeZone(QTimeZone.utc())
        edit.setDisplayFormat(DISPLAY_FORMAT)
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        return edit

    @staticmethod
    def _hint(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setStyleSheet(f"color: {muted_colour(parent.palette()).name()}")
        return label
    def read(self) -> dict[str, Any]:
        """The zone as typed; start and end in it (only the zone when it is not a known one)."""
        name = self.zone.zone()
        zone = _zone(name)
        if zone is None:
            return {"timezone": name}
        start = from_wall(self.start.dateTime(), zone)
        end = from_wall(self.end.dateTime(), zone) if self.has_end.isChecked() else None
        if self._kept is not None and self._kept[0] == name:
            _, start_wall, end_wall, stored_start, stored_end = self._kept
            if self.start.dateTime() == start_wall:
                start = stored_start
            if end is not None and stored_end is not None and self.end.dateTime() == end_wall:
                end = stored_end
        return {"timezone": name, "starts_at": start, "ends_at": end}

    def show_record(self, meeting: MeetingRecord) -> None:
        self.home_zone = meeting.home_timezone
        self.zone.set_zone(meeting.timezone)
        start = in_zone(meeting.starts_at, meeting.timezone)
        self.start.setDateTime(to_wall(start))
        end = meeting.ends_at and in_zone(meeting.ends_at, meeting.timezone)
        self.has_end.setChecked(end is not None)
        self.end.setEnabled(end is not None)
        self.end.setDateTime(to_wall(end or _an_hour_after(start)))
        problem = _unshowable(meeting)
        self._kept = None if problem is None else (
            meeting.timezone, self.start.dateTime(), self.end.dateTime(), meeting.starts_at, meeting.ends_at)
        self.error.show_message(problem)
        self._update_hints()

    def set_home_zone(self, name: str) -> None:
        self.home_zone = name
        self._update_hints()

    def _update_hints(self, *_args: object) -> None:
        self.end.setEnabled(self.has_end.isChecked() and self.has_end.isEnabled())
        values = self.read()
        home = _zone(self.home_zone)
        for label, key in ((self.start_home, "starts_at"), (self.end_home, "ends_at")):
            moment = values.get(key)
            if moment is None or home is None or self.home_zone == values["timezone"]:
                label.setText("")
            elif (at_home := zones.in_zone(moment, self.home_zone)) is None:
                label.setText(f"(cannot be shown in {self.home_zone})")
            else:
                label.setText(f"{short_day_time(at_home)} at home")
        self.start_home.setToolTip(f"The same moment in {self.home_zone}")
        self.end_home.setToolTip(f"The same moment in {self.home_zone}")


def _an_hour_after(start: datetime) -> datetime:
    try:
        return start + timedelta(hours=1)
    except OverflowError:  # a stored start in the last hour of the year 9999
        return start


def _unshowable(meeting: MeetingRecord) -> str | None:
    """What the editors cannot show of a stored meeting's times, in words, or None."""
    problems = dict.fromkeys(
        f"{name} {zones.unshowable(moment, zone)}"
        for name, moment, zone in (("Starts", meeting.starts_at, meeting.timezone),
                                   ("Ends", meeting.ends_at, meeting.timezone),
                                   ("Starts", meeting.starts_at, meeting.home_timezone))
        if moment is not None and zones.in_zone(moment, zone) is None
    )
    if not problems:
        return None
    return (f"{'; '.join(problems)}. Shown here in UTC: choose a time from {zones.EARLIEST_YEAR} "
            f"to {zones.LATEST_YEAR}.")
