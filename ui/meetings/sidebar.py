"""``MeetingsSidebar``: filter box, the meetings grouped Upcoming / Past, New and Next round buttons."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.meetings_tree import IS_GROUP_ROLE, MEETING_ID_ROLE, MeetingsTreeModel
from ui.widgets.palette import muted_colour


class _MeetingsFilter(QSortFilterProxyModel):
    """Matches titles and dates; a group row shows only through its matching meetings."""

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not source_parent.isValid():
            return not self.filterRegularExpression().pattern()
        return super().filterAcceptsRow(source_row, source_parent)


class _GroupDelegate(QStyledItemDelegate):
    """Group rows read as small bold captions in the muted colour."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(IS_GROUP_ROLE):
            font = QFont(option.font)
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            option.font = font
            option.palette.setColor(option.palette.ColorRole.Text, muted_colour(option.palette))


class MeetingsSidebar(QWidget):
    """Lists the meetings; picking one asks the window to open it."""

    sig_meeting_selected = Signal(int)
    """The user picked this meeting in the list."""

    def __init__(self, ctx: AppContext, new_action: QAction, next_action: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MeetingsTreeModel(self)
        self.proxy = _MeetingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._current: int | None = None
        self._selecting = False

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter meetings…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter)

        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setItemDelegate(_GroupDelegate(self.view))
        self.view.setAccessibleName("Meetings")
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.proxy.modelReset.connect(self._lay_out_groups)
        self.proxy.layoutChanged.connect(self._lay_out_groups)
        self.proxy.rowsInserted.connect(self._lay_out_groups)

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

    def reload(self) -> None:
        """Refill the list from the store, keeping the open meeting selected."""
        self.model.set_meetings(self.ctx.services.meetings.list())
        self.select_meeting(self._current)

    def select_meeting(self, meeting_id: int | None) -> None:
        """Highlight the open meeting (does not ask to open it again)."""
        self._current = meeting_id
        index = self.proxy.mapFromSource(self.model.index_of(meeting_id)) if meeting_id else QModelIndex()
        self._selecting = True
        try:
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
            else:
                self.view.selectionModel().clearSelection()
        finally:
            self._selecting = False

    def meeting_ids(self) -> list[int]:
        """The meetings listed now (after the filter), top to bottom."""
        ids = []
        for group in range(self.proxy.rowCount()):
            parent = self.proxy.index(group, 0)
            ids += [self.proxy.index(r, 0, parent).data(MEETING_ID_ROLE)
                    for r in range(self.proxy.rowCount(parent))]
        return ids

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting_id = current.data(MEETING_ID_ROLE)
        if not self._selecting and meeting_id is not None and meeting_id != self._current:
            self._current = meeting_id
            self.sig_meeting_selected.emit(meeting_id)

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.select_meeting(self._current)

    def _lay_out_groups(self) -> None:
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.view.expandAll()
