"""``ShortcutsWindow``: Help → Keyboard shortcuts, a table of every command that has keys."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
)

from ui.help.shortcuts_model import ShortcutsTableModel, shortcut_rows


class ShortcutsWindow(QDialog):
    """A window beside the main one, read from the actions when it opens."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("ShortcutsWindow")
        self.model = ShortcutsTableModel(shortcut_rows(window), self)
        self.view = QTableView(self)
        self.view.setAccessibleName("Keyboard shortcuts")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel("In the agenda table, Tab and Shift+Tab edit the next and previous cell; "
                      "Enter goes down a row, and on the last row adds an item.", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.view.resizeColumnsToContents()
        width = sum(self.view.columnWidth(c) for c in range(self.model.columnCount()))
        line = self.view.verticalHeader().defaultSectionSize()
        self.resize(width + 4 * self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent),
                    line * min(self.model.rowCount() + 6, 30))

    @classmethod
    def open_for(cls, window: QMainWindow) -> ShortcutsWindow:
        """Show the window (a new one, so that it lists the actions as they are now)."""
        for old in window.findChildren(cls):
            old.close()
            old.deleteLater()
        shown = cls(window)
        shown.show()
        shown.raise_()
        shown.activateWindow()
        return shown
