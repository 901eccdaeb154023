"""``NextRoundDialog``: Meeting → Next round asks when and where, and what to carry; Enter accepts.

Defaults: the previous round's title counted up, its weekday and venue time
four weeks on (moved past today: ``briefing.rounds.next_round``), its venue
and zone, every note, the open action items and the agenda. The dialog only
collects the choices (``options()``); the window pushes one ``NextRoundCommand``
with them, so the whole carry forward is one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from briefing.meetings.records import MeetingRecord
from briefing.notes.records import NoteSummary
from briefing.rounds.next_round import next_round_start, next_round_title
from briefing.times.zones import is_meeting_zone, zone
from ui.context import AppContext
from ui.forms.single_line import keep_on_one_line
from ui.meetings.commands import NextRoundCommand
from ui.models.checklist import ChecklistModel
from ui.widgets.char_width import char_width
from ui.widgets.field_error import FieldError, with_error
from ui.widgets.typed_date import english_dates
from ui.widgets.zone_combo import ZoneComboBox

ALL, NONE, CHOSEN = range(3)


def _wall(moment: datetime) -> QDateTime:
    """A wall-clock time as a QDateTime no host time zone can shift (kept as UTC)."""
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute),
                     QTimeZone.utc())


def system_now() -> datetime:
    """The clock the defaults are counted from (tests hand the dialog their own)."""
    return datetime.now(UTC)


class NextRoundDialog(QDialog):
    """Title, start (venue time), venue, zone, the notes to carry, open actions and the agenda."""

    def __init__(self, meeting: MeetingRecord, notes: list[NoteSummary], open_actions: int,
                 agenda_items: int, now: Callable[[], datetime] = system_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Next round")
        self.meeting = meeting
        moment = now()
        today = moment.astimezone(zone(meeting.timezone) or UTC)
        start = next_round_start(meeting.starts_at, meeting.timezone, today.date())

        self.title = keep_on_one_line(QLineEdit(next_round_title(meeting.title, meeting.round_no), self))
        self.title.setAccessibleName("Title")
        self.title.selectAll()
        self.starts = english_dates(QDateTimeEdit(self))
        self.starts.setAccessibleName("Starts (venue time)")
        self.starts.setTimeZone(QTimeZone.utc())
        self.starts.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.starts.setCalendarPopup(True)
        self.starts.setMinimumDateTime(_wall(today))
        self.starts.setDateTime(_wall(start))
        self.venue = keep_on_one_line(QLineEdit(meeting.location, self))
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("City or building")
        self.zone = ZoneComboBox(self)
        self.zone.setAccessibleName("Venue time zone")
        self.zone.set_zone(meeting.timezone)
        self.zone_error = FieldError(self)

        self.notes = ChecklistModel(lambda n: n.issue_title, self)
        self.notes.set_records(notes)
        self.note_list = QListView(self)
        self.note_list.setModel(self.notes)
        self.note_list.setAccessibleName("Notes to carry")
        self.note_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.note_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.which = QButtonGroup(self)
        choice = QHBoxLayout()
        for value, label in ((ALL, f"&All ({len(notes)})"), (NONE, "N&one"), (CHOSEN, "&Chosen")):
            button = QRadioButton(label, self)
            self.which.addButton(button, value)
            choice.addWidget(button)
        choice.addStretch(1)
        self.which.button(ALL if notes else NONE).setChecked(True)
        self.which.idClicked.connect(self._on_which)
        self.notes.sig_ticks_changed.connect(self._on_ticks)
        self.actions = QCheckBox(f"Carry the o&pen action items ({open_actions})", self)
        self.actions.setChecked(True)
        self.actions.setEnabled(open_actions > 0)
        self.agenda = QCheckBox(f"Carry the a&genda ({agenda_items} items)", self)
        self.agenda.setChecked(True)
        self.agenda.setEnabled(agenda_items > 0)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Title", self.title)
        form.addRow("&Starts (venue time)", self.starts)
        form.addRow("&Venue", self.venue)
        form.addRow("Venue time &zone", with_error(self.zone, self.zone_error, self))
        form.addRow("Notes to carry", choice)
        form.addRow("", self.note_list)
        form.addRow("", self.actions)
        form.addRow("", self.agenda)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Start next round")
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.title.setFocus()
        metrics = self.fontMetrics()  # room for a long title and issue names, from the font
        self.resize(char_width(metrics) * 90, self.sizeHint().height())

    def _on_which(self, which: int) -> None:
        if which != CHOSEN:
            self.notes.tick_all(which == ALL)
        else:
            self.note_list.setFocus()

    def _on_ticks(self) -> None:
        ticked, count = len(self.notes.ticked_ids()), self.notes.rowCount()
        if self.which.checkedId() == CHOSEN and 0 < ticked < count:
            return
        which = ALL if ticked == count and count else NONE if ticked == 0 else CHOSEN
        button = self.which.button(which)
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def accept(self) -> None:
        """Close with the choices, unless the zone is not one (then say so, quoting it)."""
        name = self.zone.zone()
        if not is_meeting_zone(name):
            self.zone_error.show_message(
                f"“{name}” is not a time zone: type a city (Tokyo, Washington) or a zone (Asia/Tokyo)")
            self.zone.setFocus()
            return
        self.zone_error.show_message(None)
        super().accept()

    def options(self) -> dict[str, Any]:
        """The choices, as keyword arguments of ``RoundsService.carry_forward``."""
        wall = self.starts.dateTime()
        d, t = wall.date(), wall.time()
        start = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=zone(self.zone.zone()))
        return {
            "title": self.title.text().strip() or None,
            "starts_at": start,
            "location": self.venue.text().strip(),
            "timezone": self.zone.zone(),
            "note_ids": self.notes.ticked_ids(),
            "carry_actions": self.actions.isChecked(),
            "carry_agenda": self.agenda.isChecked(),
        }


#: Where the dialog reads the time from: tests put their own clock here.
clock: Callable[[], datetime] = system_now


def ask_next_round(ctx: AppContext, meeting: MeetingRecord, parent: QWidget) -> NextRoundDialog:
    """Open the dialog over ``parent`` (window-modal, not blocking the caller); accepted, it pushes
    one ``NextRoundCommand`` with the choices."""
    services = ctx.services
    open_actions = sum(1 for a in services.actions.list(meeting.id) if a.status == "open")
    dialog = NextRoundDialog(meeting, services.notes.list(meeting.id), open_actions,
                             len(services.agenda.list(meeting.id)), clock, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(
        lambda: ctx.undo_stack.push(NextRoundCommand(ctx, meeting.id, dialog.options())))
    dialog.open()
    return dialog
