"""``SourcesEditor``: the note's sources as a small table (title, publisher, date, URL), with add/remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.models.sources_table import DATE, PUBLISHER, TITLE, URL, SourcesTableModel


class SourcesEditor(QWidget):
    """Edits go out as signals; the note editor turns them into undo commands."""

    sig_add_requested = Signal()
    sig_remove_requested = Signal(int)
    """The user wants this source (its id) removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SourcesTableModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Sources")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(URL, QHeaderView.ResizeMode.Stretch)
        for column in (PUBLISHER, DATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        SP = QStyle.StandardPixmap
        self.add_action = QAction(self.style().standardIcon(SP.SP_FileDialogNewFolder), "Add source", self)
        self.add_action.setToolTip("Cite another source (its number follows the last)")
        self.add_action.triggered.connect(self.sig_add_requested)
        self.remove_action = QAction(self.style().standardIcon(SP.SP_TrashIcon), "Remove source", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self._remove)
        self.view.addAction(self.remove_action)

        title = QLabel("Sources", self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.empty = QLabel("No sources cited yet — add the articles, statements and papers this "
                            "note relies on.", self)
        self.empty.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        for action in (self.add_action, self.remove_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        self.model.modelReset.connect(self._fit)
        self.view.selectionModel().currentRowChanged.connect(self._update)
        self._fit()

    def current_source_id(self) -> int | None:
        row = self.view.currentIndex().row()
        return self.model.source(row).id if 0 <= row < self.model.rowCount() else None

    def _remove(self) -> None:
        source_id = self.current_source_id()
        if source_id is not None:
            self.sig_remove_requested.emit(source_id)

    def _fit(self) -> None:
        """As tall as its rows: the note scrolls as a whole."""
        rows = self.model.rowCount()
        self.empty.setVisible(rows == 0)
        self.view.setVisible(rows > 0)
        height = self.view.horizontalHeader().sizeHint().height() + 2 * self.view.frameWidth()
        height += rows * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(height)
        self._update()

    def _update(self, *_args: object) -> None:
        self.remove_action.setEnabled(self.current_source_id() is not None)
