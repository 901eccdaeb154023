"""``ShortcutsTableModel``: every command of a window that has a key, read from its actions.

Nothing here is a hand-written list: the rows are the window's ``QAction``s with
shortcuts — first those of the menus, menu by menu in the menus' order, then
those of panels (e.g. the agenda's Insert), named by the view they act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
WHERE, COMMAND, KEYS = range(3)
HEADERS = ("Where", "Command", "Keys")


@dataclass(frozen=True)
class ShortcutRow:
    """One command and its keys, as the platform writes them."""

    where: str
    command: str
    keys: str


def _name(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _keys(action: QAction) -> str:
    """The keys one can type, as the platform writes them (not the F13+ and media keys that the
    platform's standard bindings add, such as "Undo" or "Forward")."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(k.toString(native) for k in action.shortcuts()
                     if not k.isEmpty() and k[0].key().value < Qt.Key.Key_F13.value)


def _menu_rows(menu: QMenu, where: str, seen: set[QAction]) -> list[ShortcutRow]:
    rows = []
    for action in menu.actions():
        seen.add(action)
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), f"{where} › {_name(action)}", seen)
        elif _keys(action):
            rows.append(ShortcutRow(where, _name(action), _keys(action)))
    return rows


def _place(action: QAction) -> str:
    """The name of what a panel's action acts on: the nearest named widget it belongs to."""
    widget = action.parent()
    while isinstance(widget, QWidget):
        if widget.accessibleName():
            return widget.accessibleName()
        widget = widget.parentWidget()
    return "Window"


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """The rows for ``window``: its menus' actions, then every other action of it that has keys."""
    seen: set[QAction] = set()
    rows = []
    for top in window.menuBar().actions():
        if top.menu() is not None:
            rows += _menu_rows(top.menu(), _name(top), seen)
    others = {(_place(a), _name(a), _keys(a)) for a in window.findChildren(QAction)
              if a not in seen and _keys(a) and _name(a)}
    return rows + [ShortcutRow(*row) for row in sorted(others)]


class ShortcutsTableModel(QAbstractTableModel):
    """Where, command and keys, one row per command."""

    def __init__(self, rows: list[ShortcutRow], parent=None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        return (row.where, row.command, row.keys)[index.column()]
