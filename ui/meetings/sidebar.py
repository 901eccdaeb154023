"""``MeetingsSidebar``: filter box, the meetings under Upcoming / Past captions, New and Next round.

The list is a tree view of a flat model (no children): two columns, the captions
spanning both, uniform rows, so that only the rows on screen are laid out.

At start-up the list shows its top first (``show_top``: a screenful, read in one
narrow query) and the rest, with the captions' counts, once the window has
painted: the first paint does not wait for the store's thousand meetings.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.first_paint import after_first_paint
from ui.live.offline import is_offline, offline_slot
from ui.models.meetings_list import DATE, MEETING_ID_ROLE, TITLE, MeetingsListModel


class MeetingsSidebar(QWidget):
    """Lists the meetings; picking one asks the window to open it."""

    sig_meeting_selected = Signal(int)
    """The user picked this meeting in the list."""

    def __init__(self, ctx: AppContext, new_action: QAction, next_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MeetingsListModel(self)
        self._current: int | None = None
        self._selecting = False

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter meetings…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter meetings")
        self.filter.textChanged.connect(self._on_filter)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self.window() or self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_filter)

        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setHeaderHidden(True)  # single selection: the default (naming it makes PySide build
        # all of QAbstractItemView's enums, ~5 ms at start-up)
        self.view.setAccessibleName("Meetings")
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DATE, self.fontMetrics().horizontalAdvance(" 30 Sep 2030 ") * 11 // 10)
        self.model.modelReset.connect(self._span_captions)
        self.model.rowsInserted.connect(self._span_captions)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

        buttons = QHBoxLayout()
        for action in (new_action, next_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        margins = layout.contentsMargins()
        layout.setContentsMargins(margins.left(), margins.top(), 0, margins.bottom())
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        ctx.events.sig_meetings_changed.connect(self.reload)

    def focus_filter(self) -> None:
        """Ctrl+F: type to narrow the list."""
        self.filter.setFocus()
        self.filter.selectAll()

    @offline_slot  # the store away: the list stays as it was, the window says offline
    def show_top(self) -> None:
        """At start: the top of the list now, the rest (and the captions' counts) once the window
        has painted, so that the first paint costs the same whatever the store's size."""
        self.model.set_top(self.ctx.services.meetings.list_top(self.rows_on_screen()))
        self.select_meeting(self._current)
        if self.model.is_complete():
            return
        if self.window().isVisible():
            QTimer.singleShot(0, self.reload)
        else:
            after_first_paint(self.window(), self.reload)

    def rows_on_screen(self) -> int:
        """More rows than the list can show at once: the screen's (or a taller window's) height
        in lines of text."""
        height = max(self.screen().availableGeometry().height(), self.window().height())
        return height // max(1, self.fontMetrics().height()) + 1

    @offline_slot  # the store away: the list stays as it was, the window says offline
    def reload(self) -> None:
        """Refill the list from the store, keeping the open meeting selected."""
        self.model.set_meetings(self.ctx.services.meetings.list())
        self.select_meeting(self._current)

    def select_meeting(self, meeting_id: int | None) -> None:
        """Highlight the open meeting (does not ask to open it again)."""
        self._current = meeting_id
        index = self.model.index_of(meeting_id)
        self._selecting = True
        try:
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            else:
                self.view.selectionModel().clear()
        finally:
            self._selecting = False

    def _span_captions(self) -> None:
        for row in self.model.caption_rows():
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)

    def meeting_ids(self) -> list[int]:
        """The meetings listed now (after the filter), top to bottom."""
        return self.model.meeting_ids()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting_id = current.data(MEETING_ID_ROLE)
        if not self._selecting and meeting_id is not None and meeting_id != self._current:
            if is_offline(self.ctx):  # it cannot be read now: the open meeting stays, and says why
                self.ctx.status.failed("Offline — another meeting opens once the store is back; "
                                       "what you type in this one is kept.")
                QTimer.singleShot(0, lambda: self.select_meeting(self._current))
                return
            self._current = meeting_id
            self.sig_meeting_selected.emit(meeting_id)

    def _on_filter(self, text: str) -> None:
        self.model.set_filter(text)
        self.select_meeting(self._current)
