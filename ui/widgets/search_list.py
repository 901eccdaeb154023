"""``SearchableList``: a filter box above a list of records; type to narrow, arrows and Enter to pick."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from ui.models.pick_list import SEARCH_ROLE, PickListModel


class SearchableList(QWidget):
    """``filter`` narrows ``view`` (over ``model``) to the records whose search text contains it."""

    sig_picked = Signal(object)
    """The user chose a record (double click, or Enter in the list or the filter box)."""

    def __init__(self, model: PickListModel, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(placeholder)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.view.activated.connect(lambda index: self.sig_picked.emit(self.record_at(index.row())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.filter)

    def set_records(self, records: list[Any]) -> None:
        self.model.set_records(records)
        self._narrow(self.filter.text())

    def record_at(self, row: int) -> Any | None:
        """The record shown at ``row`` of the (filtered) list."""
        source = self.proxy.mapToSource(self.proxy.index(row, 0))
        return self.model.record(source.row()) if source.isValid() else None

    def current(self) -> Any | None:
        """The record the list's cursor is on, if any."""
        index = self.view.currentIndex()
        return self.record_at(index.row()) if index.isValid() else None

    def _narrow(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down in the filter box move through the list, as in a completer.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.view.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)
