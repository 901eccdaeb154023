"""``PositionsPanel``: the Positions tab — one row per issue, its state as a chip, ours and theirs
side by side, "since round N"; every cell edited in place, every edit one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.positions.records import STATE_TITLES
from ui.context import AppContext
from ui.positions.chips import StateChipDelegate
from ui.positions.commands import SHOWN_POSITION, SetPositionCommand
from ui.positions.model import ISSUE, OURS, SINCE, STATE, THEIRS, PositionsTableModel
from ui.positions.text_delegate import PositionTextDelegate
from ui.positions.timeline import PositionTimelineDialog
from ui.undo.command import push_shown
from ui.widgets.char_width import char_width
from ui.widgets.empty_state import EmptyState
from ui.widgets.field_error import FieldError
from ui.widgets.table_editing import commit_open_editor

FIELD_NAMES = {"state": "State", "ours": "Our position", "theirs": "Their position"}


class PositionsPanel(QWidget):
    """Where each issue of the open meeting stands."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id: int | None = None
        self.model = PositionsTableModel(self)
        self.view = QTableView(self)
        self.view.setAccessibleName("Positions")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(STATE, StateChipDelegate(self.view))
        self.text_delegate = PositionTextDelegate(self.view)
        for column in (OURS, THEIRS):
            self.view.setItemDelegateForColumn(column, self.text_delegate)
        header = self.view.horizontalHeader()
        # fixed widths, measured once: sized to their contents, every reload measured every row
        # again (a third of a meeting switch with this tab in front)
        bold = QFont(self.view.font())
        bold.setBold(True)
        chip = QFontMetrics(bold).horizontalAdvance(max(STATE_TITLES.values(), key=len))
        metrics = self.view.fontMetrics()
        pad = char_width(metrics)
        for column, width in ((STATE, chip + 4 * pad),
                              (SINCE, metrics.horizontalAdvance("since round 99") + 2 * pad)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.view.setColumnWidth(column, width)
        self.view.setColumnWidth(ISSUE, pad * 30)  # about 30 letters of a title
        for column in (OURS, THEIRS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Rows fit their texts at the widths the columns have: measured again (once) whenever the
        # columns change width — the window resized, or the tab shown after a reload done hidden.
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self._fit)
        header.sectionResized.connect(self._on_column_resized)
        self.model.sig_edit_requested.connect(self.edit_position)
        self.model.pending = lambda issue_id: ctx.writer.expected(SHOWN_POSITION, issue_id)
        self.timeline_button = QPushButton("&Timeline of this issue…", self)
        self.timeline_button.setToolTip("The issue's state in every round of the negotiation")
        self.timeline_button.clicked.connect(self.show_timeline)
        self.empty = EmptyState("No issues in this meeting yet",
                                "An issue has a position here once the meeting has a note or an "
                                "agenda item on it.", None, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.error = FieldError(self)
        self.hint = QLabel("Double-click or type to edit a cell; Enter or Tab writes it; Ctrl+Z undoes.",
                           self)
        bar = QHBoxLayout()
        bar.addWidget(self.timeline_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        ctx.events.sig_positions_changed.connect(self._on_changed)
        for signal in (ctx.events.sig_notes_changed, ctx.events.sig_agenda_changed):
            signal.connect(self._on_changed)

    # -- the panel contract ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.error.show_message(None)
        self.meeting_id = meeting_id
        self.reload()
        if self.model.rowCount():
            self.view.selectRow(0)

    def flush(self) -> None:
        commit_open_editor(self.view)

    def show_field(self, entity: str, entity_id: int, field: str, spans: Sequence[tuple[int, int]]) -> bool:
        if entity != "position" or field not in ("ours", "theirs"):
            return False
        row = next((r for r in range(self.model.rowCount()) if self.model.position(r).id == entity_id), -1)
        if row < 0:
            return False
        self.view.setCurrentIndex(self.model.index(row, OURS if field == "ours" else THEIRS))
        self.view.setFocus()
        return True

    def show_row(self, kind: str, row_id: int) -> None:
        """Nothing to select: the tracker's undo commands name a meeting, not a row."""

    # -- showing -----------------------------------------------------------------------

    def _on_column_resized(self, _column: int, _old: int, _new: int) -> None:
        self._fit_rows.start()

    def _fit(self) -> None:
        if self.view.isVisible() and self.model.rowCount():
            self.view.resizeRowsToContents()

    def reload(self) -> None:
        current = self.current()
        rows = self.ctx.services.positions.list(self.meeting_id) if self.meeting_id else []
        self.model.set_positions(rows)
        self.view.resizeRowsToContents()
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        self.timeline_button.setEnabled(bool(rows))
        if current is not None:
            row = self.model.row_of(current.issue_id)
            if row >= 0:
                self.view.selectRow(row)

    def current(self):
        row = self.view.currentIndex().row()
        return self.model.position(row) if 0 <= row < self.model.rowCount() else None

    def _on_changed(self, meeting_id: int) -> None:
        if meeting_id and meeting_id == self.meeting_id:
            self.reload()

    # -- commands ----------------------------------------------------------------------

    def edit_position(self, issue_id: int, field: str, value: Any) -> None:
        row = self.model.row_of(issue_id)
        if row < 0:
            return
        before = self.model.position(row)
        command = SetPositionCommand(self.ctx, before, {field: value},
                                     f"Change {FIELD_NAMES[field].lower()} on “{before.issue_title}”")
        push_shown(self.ctx, command, self.error)

    def show_timeline(self) -> PositionTimelineDialog | None:
        p = self.current()
        if p is None or self.meeting_id is None:
            return None
        steps = self.ctx.services.positions.timeline(self.meeting_id, p.issue_id)
        rounds = {step.meeting_id for step in steps}  # each round's date in its venue's zone
        zones = {m.id: m.timezone for m in self.ctx.services.meetings.list() if m.id in rounds}
        dialog = PositionTimelineDialog(p.issue_title, steps, self, zones=zones)
        dialog.open()
        return dialog
