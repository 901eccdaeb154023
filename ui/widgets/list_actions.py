"""``ListActions``: Add, Delete, Move up and Move down for a list or table of a panel.

Each action has its key (Insert, Delete, Alt+Up, Alt+Down) on the view only, a
tooltip that names the key, and a tool button in ``bar()``; ``update(row, count)``
enables what makes sense for the current row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QToolButton, QWidget

from ui.icons import icon

#: (attribute, key) of the four actions, in the order of the bar; the icon has the attribute's name.
ACTIONS = (("add", "Ins"), ("delete", "Del"), ("up", "Alt+Up"), ("down", "Alt+Down"))


class ListActions:
    """The four actions of one view; ``texts`` and ``tips`` by attribute name."""

    def __init__(self, view: QAbstractItemView, slots: dict[str, Callable[[], object]],
                 texts: dict[str, str], tips: dict[str, str] | None = None) -> None:
        self.view = view
        self.actions: dict[str, QAction] = {}
        for name, key in ACTIONS:
            action = QAction(icon(name), texts[name], view)
            action.setShortcut(QKeySequence(key))
            # Only in the view: Delete in a text field deletes text, not the row.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{(tips or {}).get(name, texts[name])} ({native})")
            action.triggered.connect(slots[name])
            view.addAction(action)
            self.actions[name] = action
        self.add, self.delete = self.actions["add"], self.actions["delete"]
        self.up, self.down = self.actions["up"], self.actions["down"]

    def bar(self, parent: QWidget, icon_only: tuple[str, ...] = ()) -> QHBoxLayout:
        """A row of tool buttons (those named in ``icon_only`` without their text)."""
        bar = QHBoxLayout()
        for name, action in self.actions.items():
            button = QToolButton(parent)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if name in icon_only
                                      else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def update(self, can_add: bool) -> None:
        """Enable what makes sense for the view's current row."""
        row, count = self.view.currentIndex().row(), self.view.model().rowCount()
        self.add.setEnabled(can_add)
        self.delete.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)
