"""A heading above a detail pane (the issue of a note, the person shown): bold, larger, plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def heading_label(parent: QWidget, scale: float = 1.25) -> QLabel:
    """A label for user text (never read as markup) that wraps, in a bold font ``scale`` times larger."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label
