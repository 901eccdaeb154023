"""``MeetingHeader``: the open meeting at a glance — title, marking, status, venue, times, length."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from briefing.agenda.schedule import format_minutes
from briefing.errors import TransientStoreError
from briefing.markings.ladder import Ladder
from briefing.meetings.records import MeetingRecord
from ui.background import BackgroundTask, LatestLane
from ui.context import AppContext
from ui.first_paint import after_first_paint
from ui.live.offline import store_unreachable
from ui.rich_text import plain
from ui.timefmt import day_time, short_day_time, shown_in
from ui.widgets.marking_gutter import set_ladder_source
from ui.widgets.palette import muted_colour

#: Shown under a sample meeting's times, so that nobody takes it for their own.
SAMPLE_NOTE = "Sample meeting — Help → Remove the sample"
#: How long after a change the meeting's overall marking is computed again (a burst asks once).
MARKING_DELAY_MS = 300


def when_line(meeting: MeetingRecord) -> str:
    """``Tokyo · Mon 7 Feb 2022 09:00 JST (Sun 6 Feb 19:00 EST) · 8 h``."""
    venue = shown_in(meeting.starts_at, meeting.timezone, day_time)
    parts = [meeting.location] if meeting.location else []
    if meeting.home_timezone != meeting.timezone:
        home = shown_in(meeting.starts_at, meeting.home_timezone, short_day_time)
        parts.append(f"{venue} ({home})")
    else:
        parts.append(venue)
    if meeting.length_minutes is not None:
        parts.append(format_minutes(meeting.length_minutes))
    return " · ".join(parts)


class MarkingChip(QLabel):
    """The meeting's marking as a small coloured chip (the banner colour of the printed book)."""

    def set_marking(self, code: str, label: str, colour: str, own: str | None = None) -> None:
        """Show ``code``; ``own``: the meeting's own sensitivity when ``code`` was computed above it."""
        text = "#ffffff" if QColor(colour).lightnessF() < 0.6 else "#000000"
        self.setText(code)
        tip = plain(label)
        if own is not None:
            tip += f" — the highest marking in this meeting (its own sensitivity is {plain(own)})"
        self.setToolTip(tip)
        self.setAccessibleName(f"Sensitivity: {label}")
        self.setStyleSheet(f"QLabel {{ background: {colour}; color: {text}; font-weight: bold;"
                           f" border-radius: 3px; padding: 1px 6px; }}")


class MeetingHeader(QWidget):
    """Two lines above the tabs: title with marking and status; venue, times and length."""

    def __init__(self, ladder: Ladder, parent: QWidget | None = None, *,
                 ctx: AppContext | None = None) -> None:
        super().__init__(parent)
        self.ladder = ladder
        #: With ``ctx``, the chip shows the meeting's computed overall marking (issue 11): the
        #: highest of its sensitivity and its portions' marks, again whenever its texts change.
        self.ctx = ctx
        self.meeting: MeetingRecord | None = None
        #: The overall marking is computed a moment after the last change, in its own lane.
        self._marking_due = QTimer(self, singleShot=True, interval=MARKING_DELAY_MS)
        self._marking_due.timeout.connect(self._compute_marking)
        self._marking_lane = LatestLane()
        #: Not before the window is on screen: under load the delay can run out before the first
        #: paint, and the computation (a thread reading every text) would then slow it.
        self._painted = False
        if ctx is not None:
            after_first_paint(self, self._on_first_paint)
            # every Markdown editor's marking gutter marks with the store's ladder
            set_ladder_source(lambda: ctx.services.config.ladder)
            events = ctx.events
            for signal in (events.sig_notes_changed, events.sig_agenda_changed, events.sig_actions_changed,
                           events.sig_people_changed, events.sig_positions_changed):
                signal.connect(self._on_texts_changed)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chip = MarkingChip(self)
        self.status = QLabel(self)
        self.when = QLabel(self)
        self.when.setTextFormat(Qt.TextFormat.PlainText)
        self.when.setStyleSheet(f"color: {muted_colour(self.palette()).name()}")
        self.when.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sample_note = QLabel(SAMPLE_NOTE, self)
        self.sample_note.setObjectName("SampleNote")
        self.sample_note.setTextFormat(Qt.TextFormat.PlainText)
        self.sample_note.setToolTip("This meeting comes with Briefbook to show what it does. "
                                    "Help → Remove the sample moves it to the Trash.")
        tint = self.palette().color(QPalette.ColorRole.Highlight)  # a tinted band, not a button
        self.sample_note.setStyleSheet(
            f"QLabel#SampleNote {{ background: rgba({tint.red()}, {tint.green()}, {tint.blue()}, 40); "
            "border-radius: 3px; padding: 1px 6px; }")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.chip)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.when)
        layout.addWidget(self.sample_note, 0, Qt.AlignmentFlag.AlignLeft)

    def set_meeting(self, meeting: MeetingRecord | None) -> None:
        """Show ``meeting`` (None hides the header)."""
        self.setVisible(meeting is not None)
        if meeting is None:
            return
        self.title.setText(meeting.title)
        self.meeting = meeting
        self.show_marking()
        self.status.setText(meeting.status.capitalize())
        self.when.setText(when_line(meeting))
        self.sample_note.setVisible(meeting.is_sample)

    def show_marking(self) -> None:
        """The chip: the meeting's own marking at once, then (with the services) its overall
        marking, computed from every text of the meeting off the GUI thread."""
        meeting = self.meeting
        if meeting is None:
            return
        self._show_code(meeting.sensitivity)
        self._ask_marking()

    def _ask_marking(self) -> None:
        """Compute the overall marking a moment from now (a burst of asks computes once)."""
        if self.ctx is not None and self._painted:
            self._marking_due.start()

    def _on_first_paint(self) -> None:
        self._painted = True
        self._ask_marking()

    def _show_code(self, code: str) -> None:
        meeting = self.meeting
        if meeting is None:
            return
        ladder = self.ctx.services.config.ladder if self.ctx is not None else self.ladder
        marking = ladder.get(code)
        own = ladder.get(meeting.sensitivity).label if code != meeting.sensitivity else None
        self.chip.set_marking(marking.code, marking.label, marking.colour, own)

    def _compute_marking(self) -> None:
        """Read the meeting's highest marking in the background; the newest request wins."""
        meeting, ctx = self.meeting, self.ctx
        if meeting is None or ctx is None:
            return
        markings, meeting_id = ctx.services.markings, meeting.id
        task = BackgroundTask(lambda _progress: (meeting_id, markings.meeting_highest(meeting_id)),
                              self._marking_lane)
        task.signals.sig_finished.connect(self._on_marking_computed)
        task.signals.sig_failed.connect(self._on_marking_failed)
        task.start()

    def _on_marking_computed(self, result: tuple[int, str | None]) -> None:
        meeting_id, code = result
        if not isValid(self.chip):  # the window closed while it was computed
            return
        if self.meeting is not None and self.meeting.id == meeting_id and code is not None:
            self._show_code(code)

    def _on_marking_failed(self, error: object) -> None:
        """The store away: the chip keeps what it showed; the window says offline (ui.live)."""
        if self.ctx is not None and isinstance(error, TransientStoreError):
            store_unreachable(self.ctx, error)

    def _on_texts_changed(self, meeting_id: int) -> None:
        if self.meeting is not None and meeting_id in (0, self.meeting.id):
            self._ask_marking()
