"""``destructive_chosen``: a window-modal question whose safe answer is the default and Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def destructive_chosen(parent: QWidget, title: str, text: str, detail: str, safe: str,
                       destructive: str) -> bool:
    """Ask ``text`` (``detail`` below it) with two plain buttons, ``safe`` the default and the
    escape; True only when the user chose ``destructive``. (Plain buttons: a standard Cancel would
    show a "no" cross on the safe choice.)"""
    from PySide6.QtWidgets import QMessageBox  # (when asked: start-up makes no message box)

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setInformativeText(detail)
    keep = box.addButton(safe, QMessageBox.ButtonRole.RejectRole)
    lose = box.addButton(destructive, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.exec()
    return box.clickedButton() is lose
