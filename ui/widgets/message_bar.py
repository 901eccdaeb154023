"""``MessageBar``: a bar across the top of the window that says something and offers what to do.

Not a dialog: the window stays usable while the bar waits (the unclean-exit
notice, a read-only store, a backup that could not be taken). A warning bar is
tinted; every bar has its buttons on the right and, when closable, a close button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.palette import is_dark

INFO = "info"
WARNING = "warning"
_ICONS = {INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
          WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning}
_TINTS = {INFO: (40, 120, 220), WARNING: (230, 170, 0)}


class MessageBar(QFrame):
    """An icon, a bold ``title`` and a ``text``; ``body`` takes more widgets below them."""

    sig_closed = Signal()
    """The user closed the bar (or the bar closed itself when its business was done)."""

    def __init__(self, title: str, text: str = "", *, kind: str = INFO, closable: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self.kind = kind
        r, g, b = _TINTS[kind]
        dark = is_dark(self.palette())
        fill, line = QColor(r, g, b, 60 if dark else 38), QColor(r, g, b, 150)
        self.setStyleSheet(
            f"QFrame#MessageBar {{ background: rgba({fill.red()},{fill.green()},{fill.blue()},"
            f"{fill.alpha()}); border: 1px solid rgba({line.red()},{line.green()},{line.blue()},"
            f"{line.alpha()}); border-radius: 4px; }}")
        self.setAccessibleName(title)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(_ICONS[kind]).pixmap(size, size))
        self.title = QLabel(title, self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(text, self)
        self.text.setVisible(bool(text))
        for label in (self.title, self.text):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        self.buttons = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(words, 1)
        top.addLayout(self.buttons)
        if closable:
            close = QToolButton(self)
            close.setAutoRaise(True)
            close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
            close.setToolTip("Close this message")
            close.setAccessibleName("Close this message")
            close.clicked.connect(self.dismiss)
            top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.body)

    def add_button(self, text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
        """A button on the right of the bar."""
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return button

    def set_text(self, text: str) -> None:
        self.text.setText(text)
        self.text.setVisible(bool(text))

    def dismiss(self) -> None:
        """Hide the bar for good (it deletes itself)."""
        self.hide()
        self.sig_closed.emit()
        self.deleteLater()
